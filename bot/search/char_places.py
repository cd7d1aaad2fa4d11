"""Where a character is written in a compiled index's normalised text: the passages
holding it (:meth:`CharPlaces.with_char`) and those writing it followed by a word
(:meth:`~CharPlaces.followed_by`, a share's whole after 占), found once per character by
searching the mapped text for its bytes.
"""

from __future__ import annotations

from functools import cached_property

import numpy as np


class CharPlaces:
    """The character places of :class:`~bot.search.index.CompiledIndex`: a mixin of it,
    reading its mapped normalised text and its offsets."""

    def with_char(self, char: str) -> np.ndarray:
        """Whether each passage's normalised text holds ``char`` (one character), as a bool
        array over every passage, worked out once per character: the text is searched for
        the character's bytes, not read passage by passage (a rare character such as 占
        costs a few milliseconds at 10 MB, once)."""
        found = self._with_char.get(char)
        if found is None:
            found = np.zeros(self.n_passages, dtype=bool)
            hits = self._char_at(char)
            if hits.size:
                where = np.searchsorted(self.norm_offsets, hits, side="right") - 1
                found[where[(where >= 0) & (where < self.n_passages)]] = True
            found.flags.writeable = False
            self._with_char[char] = found
        return found

    def followed_by(
        self, char: str, betweens: tuple[str, ...], forms: tuple[str, ...], pids: np.ndarray
    ) -> np.ndarray:
        """Whether each of ``pids``' normalised text writes ``char``, then one of
        ``betweens`` (``""`` for nothing), then one of ``forms``, as a bool array. Nothing is
        decoded: the places of ``char`` followed, through one of ``betweens``, by a form's
        first two characters are listed once per character (:meth:`_char_next`); only
        those places in ``pids`` are compared byte by byte (a passage holding 占 is read
        whole only when a share's whole can follow it)."""
        out = np.zeros(len(pids), dtype=bool)
        forms = tuple(f for f in forms if f)
        if self.norm_mmap is None or not len(pids) or not forms:
            return out
        hits, owners, starting = self._char_next(char, betweens)
        heads = {f[:2] for f in forms}
        listed = [starting[h] for h in heads if h in starting]
        if any(len(h) < 2 for h in heads):  # a one-character form: every head it opens
            listed += [rows for h, rows in starting.items() if len(h) == 2 and h[0] in heads]
        if not listed:
            return out
        places = np.unique(np.concatenate(listed))
        # the places in the passages asked (a form's first characters after 占 and a
        # between are few; a between's own, 占全国, are not)
        places = places[np.isin(owners[places], pids)]
        if not places.size:
            return out
        mm, step = self.norm_mmap, len(char.encode("utf-8"))
        wanted = tuple((b + f).encode("utf-8") for b in betweens for f in forms)
        reach = max(map(len, wanted))
        found: set[int] = set()
        for place, pid in zip(places.tolist(), owners[places].tolist(), strict=True):
            if pid not in found:
                p, end = int(hits[place]) + step, int(self.norm_offsets[pid + 1])
                if mm[p : min(end, p + reach)].startswith(wanted):
                    found.add(pid)
        if found:
            out = np.isin(pids, np.fromiter(found, np.int64, len(found)))
        return out

    def _char_next(
        self, char: str, betweens: tuple[str, ...]
    ) -> tuple[np.ndarray, np.ndarray, dict[str, np.ndarray]]:
        """The byte offsets where ``char`` is written (:meth:`_char_at`), the passage of
        each, and by the two characters written after ``char`` and one of ``betweens`` the
        places so followed: where a word starting with them may follow through
        ``betweens``. Read once per character and betweens (the bytes after each place may
        run into the next passage: a superset, checked by the caller)."""
        key = (char, betweens)
        got = self._char_nexts.get(key)
        if got is None:
            hits, step = self._char_at(char), len(char.encode("utf-8"))
            owners = np.searchsorted(self.norm_offsets, hits, side="right") - 1
            mm = self.norm_mmap
            lengths = sorted({len(b) for b in betweens})
            span = 4 * (max(lengths) + 2)  # UTF-8: at most four bytes a character
            allowed = set(betweens)
            by_head: dict[str, list[int]] = {}
            if mm is not None:
                for row, p in enumerate(hits.tolist()):
                    after = mm[p + step : p + step + span].decode("utf-8", "ignore")
                    for head in {after[n : n + 2] for n in lengths if after[:n] in allowed}:
                        if head:
                            by_head.setdefault(head, []).append(row)
            owners.flags.writeable = False
            starting = {h: np.asarray(rows, dtype=np.int64) for h, rows in by_head.items()}
            got = self._char_nexts[key] = (hits, owners, starting)
        return got

    def _char_at(self, char: str) -> np.ndarray:
        """The byte offsets in the normalised text where ``char`` is written (ascending),
        found once per character by searching the mapped text for its bytes."""
        hits = self._char_offsets.get(char)
        if hits is None:
            found: list[int] = []
            blob = self.norm_mmap
            if blob is not None and self.n_passages:
                raw = char.encode("utf-8")
                at = blob.find(raw)
                while at >= 0:
                    found.append(at)
                    at = blob.find(raw, at + len(raw))
            hits = np.asarray(found, dtype=np.int64)
            hits.flags.writeable = False
            self._char_offsets[char] = hits
        return hits

    @cached_property
    def _with_char(self) -> dict[str, np.ndarray]:
        return {}

    @cached_property
    def _char_offsets(self) -> dict[str, np.ndarray]:
        return {}

    @cached_property
    def _char_nexts(
        self,
    ) -> dict[tuple[str, tuple[str, ...]], tuple[np.ndarray, np.ndarray, dict[str, np.ndarray]]]:
        return {}
