"""The words of a planned query: concepts and their alternatives.

A query is searched as a list of ``Concept`` (a word the user typed, after correction,
or a facet of region, year or kind), each with its ``Alternative`` forms (the word and
its synonyms), each one index term or several that must stand together in the text.
Also the two rules that keep a query's concepts apart: one concept per word and sign
(``unique``) and each synonym with one concept only (``disjoint``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np


@dataclass(frozen=True)
class Alternative:
    text: str  # normalised text, used for highlighting and phrase verification
    term_ids: tuple[int, ...]
    verify: bool


@dataclass
class Concept:
    label: str
    alternatives: list[Alternative]
    exclude: bool = False
    # A facet of the query (region, year, kind of document): its passages are given, and
    # it only adds to passages that match a word of the query.
    fixed: tuple[np.ndarray, np.ndarray] | None = None
    # Of a facet's passages, those that come first at a level (the documents of the
    # region asked itself, before those of the places inside it).
    first: np.ndarray | None = None
    # Of the region facet, the ids of the documents whose metadata match it (the region
    # asked or a place inside it): their passages are lifted above every other level
    # (``region_first.lift``).
    home: np.ndarray | None = None
    # Not searched: a part typed as one run (生态保护红线), to find whole among the best
    # passages, which it lifts above those with its words scattered (``Window.ordered``).
    optional: bool = False
    # Not required of a passage, only adding to its score: a word of how the query asks
    # rather than what about (the verb after 怎么: 科技创新 怎么做, 对外开放 怎么推进; 措施,
    # 举措, 工作 …) or a lone character beside longer words (吃饭难 → 吃饭 难).
    soft: bool = False
    # The Chinese words a bilingual dictionary gave an English word the glossary lacks
    # (sewage: 污水), among its alternatives: what the reply says the word was read as.
    read_as: tuple[str, ...] = ()
    # Of the alternatives, those naming a kind of the word rather than a synonym (风电 and
    # 光伏 for 新能源: ``Synonyms.kinds``), scored as the word itself would be, less.
    kinds: frozenset[str] = frozenset()
    # The word of the query no passage holds that this soft concept is a written part of
    # (瘫痪 of 瘫痪病人: ``parts_written``), said back in the reply; empty for a word typed.
    part_of: str = ""


def unique(concepts: list[Concept]) -> list[Concept]:
    """One concept per word and sign: a word typed twice is one concept (same passages)."""
    seen: dict[tuple[str, bool], Concept] = {}
    for c in concepts:
        seen.setdefault((c.label, c.exclude), c)
    return list(seen.values())


def disjoint(concepts: list[Concept]) -> list[Concept]:
    """Each word of a passage answers one concept of the query: a concept's synonyms lose
    the words typed as concepts of their own, and a synonym of two concepts stays with
    the first (碳达峰 碳中和: a passage saying only 双碳 matches one of them, not both)."""
    words = [c for c in concepts if not (c.exclude or c.optional or c.fixed is not None)]
    if len(words) < 2:
        return concepts
    labels = {c.label for c in words}
    claimed: set[str] = set()
    changed: dict[int, Concept] = {}
    for c in words:
        alts = [
            a
            for k, a in enumerate(c.alternatives)
            if k == 0 or (a.text not in labels and a.text not in claimed)
        ]
        claimed.update(a.text for a in alts)
        if len(alts) < len(c.alternatives):
            changed[id(c)] = replace(c, alternatives=alts)
    return [changed.get(id(c), c) for c in concepts] if changed else concepts
