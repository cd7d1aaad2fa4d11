"""Synonym groups (GDP ↔ 地区生产总值, 规上 ↔ 规模以上, 双碳 ↔ 碳达峰碳中和 …) and the
narrower terms of a broader one (新能源 > 风电 光伏).

Plain text files, one group per line; the first term is the group's canonical name.
A line ``BROAD > NARROW NARROW …`` names the kinds a broader word covers: a query for
the broader word also finds them (a report names the kinds, 大力发展风电、光伏发电, and never
the word a reader types), never the other way (光伏 asks for 光伏, not for every kind of
新能源), so they are no group. Terms are normalised so that a traditional or full-width
spelling finds the group.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from bot.text.normalize import normalize

_SPLIT = re.compile(r"[\s,，、]+")
_NARROWER = ">"
# How many terms' expansions are remembered (:meth:`Synonyms.expand`): every word a query
# names is expanded, so a stream of distinct words would otherwise grow the table for as
# long as the bot runs; past this many it starts again (cleared in one step, which a
# reader in another thread sees as a miss, never half done).
EXPANDED_SIZE = 50_000


class Synonyms:
    def __init__(self, groups: Iterable[Iterable[str]] = ()) -> None:
        self.groups: list[tuple[str, ...]] = []
        self._index: dict[str, list[int]] = {}
        self._expanded: dict[str, tuple[str, ...]] = {}
        self._lookup_for = -1  # the number of terms _lookup_made was made for
        self._lookup_made: tuple[int, dict[str, int]] = (0, {})
        # a broader term's narrower ones (新能源: 风电, 光伏 …), in the order written
        self._narrower: dict[str, tuple[str, ...]] = {}
        self._kinds_of: dict[str, frozenset[str]] = {}
        for group in groups:
            self.add(group)

    def add(self, group: Iterable[str]) -> None:
        terms = tuple(dict.fromkeys(normalize(t) for t in group if t.strip()))
        if len(terms) < 2:
            return
        self._expanded.clear()
        self._kinds_of.clear()
        gid = len(self.groups)
        self.groups.append(terms)
        for t in terms:
            self._index.setdefault(t, []).append(gid)

    def add_narrower(self, broad: str, narrower: Iterable[str]) -> None:
        """``narrower`` as kinds of ``broad``: found by a query for ``broad`` (after its
        synonyms), not the reverse."""
        key = normalize(broad.strip())
        terms = tuple(
            t for t in dict.fromkeys(normalize(t) for t in narrower if t.strip()) if t != key
        )
        if not key or not terms:
            return
        self._expanded.clear()
        self._kinds_of.clear()
        self._narrower[key] = tuple(dict.fromkeys(self._narrower.get(key, ()) + terms))

    @classmethod
    def from_files(cls, paths: Iterable[Path]) -> Synonyms:
        syn = cls()
        for path in paths:
            if not path.is_file():
                continue
            for raw in path.read_text(encoding="utf-8-sig").splitlines():
                line = raw.strip()
                if not line or line.startswith("#"):
                    continue
                if _NARROWER in line:
                    broad, _, narrower = line.partition(_NARROWER)
                    syn.add_narrower(broad, _SPLIT.split(narrower))
                else:
                    syn.add(_SPLIT.split(line))
        return syn

    def __contains__(self, term: object) -> bool:
        return term in self._index

    def expand(self, term: str) -> list[str]:
        """``term`` first, then every term sharing a group with it, and the groups those
        share a term with, and so on (no duplicates, nearest groups first).

        Groups come from several places (the synonym files, the indicator table's
        families), and an everyday word is written into one of them only: 财政收入 is in
        the file's group of 一般公共预算收入, whose older name 公共财政预算收入 is in the
        table's. Without following shared terms a query for 财政收入 would never find a
        report that says 公共财政预算收入. Last come the narrower kinds of the term and
        of its synonyms (``BROAD > NARROW`` lines), which never lead back to the broader.
        """
        cached = self._expanded.get(term)
        if cached is None:
            cached = self._reach(term)
            if len(self._expanded) >= EXPANDED_SIZE:
                self._expanded.clear()
            self._expanded[term] = cached
        return list(cached)

    def kinds(self, term: str) -> frozenset[str]:
        """The terms of ``expand(term)`` that are narrower kinds (``BROAD > NARROW``), not
        synonyms: a search counts them as the broader word would, and less."""
        if not self._narrower:
            return frozenset()
        cached = self._kinds_of.get(term)
        if cached is None:
            # every word a query names asks this (a plan's concept): kept as expand's are
            cached = frozenset(self.expand(term)) - frozenset(self._same(term))
            if len(self._kinds_of) >= EXPANDED_SIZE:
                self._kinds_of.clear()
            self._kinds_of[term] = cached
        return cached

    def _reach(self, term: str) -> tuple[str, ...]:
        out = list(self._same(term))
        # then the narrower kinds of the term and of its synonyms (新能源, 新能源产业: 风电 …),
        # after every synonym: a kind is further from the word typed than its synonyms
        for t in tuple(out):
            out.extend(n for n in self._narrower.get(t, ()) if n not in out)
        return tuple(out)

    def _same(self, term: str) -> list[str]:
        """``term`` and the terms sharing a group with it, transitively."""
        out = [term]
        seen: set[int] = set()
        frontier = list(self._index.get(term, ()))
        while frontier:
            gid = frontier.pop(0)
            if gid in seen:
                continue
            seen.add(gid)
            for t in self.groups[gid]:
                if t not in out:
                    out.append(t)
                    frontier.extend(g for g in self._index.get(t, ()) if g not in seen)
        return out

    def terms_in(self, text: str) -> list[str]:
        """The terms of the groups that occur in ``text`` (normalised), longest first, terms
        of one length in the order the groups first named them.

        Found by looking up ``text``'s substrings of two characters up to the longest
        term's length (a query's few dozen), not by testing every term against it (~2,000
        terms: ~60 µs a query on the user's path); the same terms in the same order."""
        longest, rank = self._lookup
        found = {
            text[i:j]
            for i in range(len(text) - 1)
            for j in range(i + 2, min(len(text), i + longest) + 1)
            if text[i:j] in rank
        }
        return sorted(found, key=lambda t: (-len(t), rank[t]))

    @property
    def _lookup(self) -> tuple[int, dict[str, int]]:
        """The longest term's length and each term's place among the terms as first added
        (``terms_in``'s order for terms of one length), made again after a group is added."""
        if self._lookup_for != len(self._index):
            self._lookup_made = (
                max(map(len, self._index), default=0),
                {t: k for k, t in enumerate(self._index)},
            )
            self._lookup_for = len(self._index)
        return self._lookup_made

    def canonical(self, term: str) -> str:
        gids = self._index.get(term)
        return self.groups[gids[0]][0] if gids else term
