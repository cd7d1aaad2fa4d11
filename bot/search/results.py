"""What a search request is restricted to and what it gives back besides its hits.

``Filters`` (a document, a region with the places inside it, a year) and whether a
document passes them, as the searcher and the library's document lists apply them;
``Ranked``, one page of ranked passage ids with their scores; the notes a response
carries when the query was empty, held only exclusions, or was cut short by its work
budget (``budget_notes``, see :mod:`.budget`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from bot.corpus.gazetteer import (
    Gazetteer,
    ambiguous_latin_places,
    candidates_said,
    default_gazetteer,
)
from bot.corpus.regions import place_in_region
from bot.models import NOTE_PART, NOTE_QUERY, DocumentInfo, Note
from bot.search.budget import Budget
from bot.search.concepts import Concept

EMPTY_MESSAGE = "请输入要查找的关键词，例如：乡村振兴、地区生产总值 (empty query)"
ONLY_EXCLUSIONS_MESSAGE = "只有排除词：请至少给出一个要查找的关键词 (only exclusions)"
EMPTY = (Note("empty_query", EMPTY_MESSAGE, reach=NOTE_QUERY),)
SKIPPED_MESSAGE = "查询过长或过于复杂，未做错别字纠正，按原文搜索 (correction skipped)"
TOO_MANY_WORDS_MESSAGE = "只搜索了前 {max_words} 个词 (extra words ignored)"
AMBIGUOUS_PLACE = "ambiguous_place"
WORD_UNFOUND_MESSAGE = "没有找到“{words}”：文库中没有"
WORD_UNFOUND_KNOWN_MESSAGE = "没有找到“{words}”：是词典里的词，但文库中没有，不推荐形近词"
WORD_PARTS_MESSAGE = "“{word}”按其中的“{parts}”搜索（非必含）"
AMBIGUOUS_PLACE_MESSAGE = "{name} 可指多个地方：{places}，未按地区搜索，请输入中文地名重新搜索"


@dataclass(frozen=True)
class Ranked:
    """One page of ranked passage ids with their BM25 scores."""

    pids: np.ndarray
    scores: np.ndarray
    total: int
    unmatched: list[Concept]


@dataclass(frozen=True)
class Filters:
    doc: str | None = None
    region: str | None = None
    year: int | None = None
    # places a query excludes (新质生产力 -上海): their documents, and their places', go
    not_regions: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        return bool(self.doc or self.region or self.year or self.not_regions)

    def admits(self, d: DocumentInfo, gazetteer: Gazetteer | None = None) -> bool:
        """Whether document ``d`` passes the filters: ``doc`` its id, file name, stem or
        a prefix of its file name; ``region`` it or a place inside it; ``year`` its year;
        no region of ``not_regions`` nor a place inside one."""
        if self.doc:
            key, name = self.doc.lower(), d.filename.lower()
            named = key in (d.doc_id.lower(), name, name.rsplit(".", 1)[0])
            if not named and not name.startswith(key):
                return False
        if self.region and not place_in_region(
            self.region, d.region, d.region_path, gazetteer or default_gazetteer()
        ):
            return False
        if any(
            place_in_region(r, d.region, d.region_path, gazetteer or default_gazetteer())
            for r in self.not_regions
        ):
            return False
        return not self.year or d.year == self.year


def ambiguous_place_notes(query: str) -> list[Note]:
    """One note per English or pinyin name in ``query`` that two places share (Suzhou):
    none of them is understood as the region, and saying so with the candidates in
    Chinese and their provinces (苏州（江苏）、宿州（安徽）) lets the user retype the one
    meant instead of wondering why the results are about anywhere."""
    out = []
    for name, candidates in ambiguous_latin_places(query):
        places = candidates_said(candidates)
        text = AMBIGUOUS_PLACE_MESSAGE.format(name=name, places=places)
        # the place is no region (nothing was searched for it as one); the rest was
        params = (("name", name), ("places", places))
        out.append(Note(AMBIGUOUS_PLACE, text, params, reach=NOTE_PART))
    return out


def budget_notes(budget: Budget) -> list[Note]:
    """What the budget cut short, as notes (see :mod:`.budget`)."""
    out = []
    if "too_many_words" in budget.notes:
        n = budget.limits.words
        out.append(
            Note(
                "too_many_words",
                TOO_MANY_WORDS_MESSAGE.format(max_words=n),
                (("max_words", n),),
                reach=NOTE_QUERY,
            )
        )
    if "correction_skipped" in budget.notes:
        out.append(Note("correction_skipped", SKIPPED_MESSAGE, reach=NOTE_QUERY))
    return out


def unfound_word_notes(words: list[str], known: Callable[[str], bool]) -> list[Note]:
    """The Chinese words of the query no passage holds (火星 in 火星2026年GDP目标), said
    back rather than dropped silently: one note for the words the dictionary holds
    (``known``: typed right, so no look-alikes such as 卫星、火灾 are offered for them) and
    one for the others."""
    out = []
    for code, text, group in (
        ("word_unfound_known", WORD_UNFOUND_KNOWN_MESSAGE, [w for w in words if known(w)]),
        ("word_unfound", WORD_UNFOUND_MESSAGE, [w for w in words if not known(w)]),
    ):
        if group:
            said = "”“".join(group)
            out.append(Note(code, text.format(words=said), (("words", said),), reach=NOTE_PART))
    return out


def part_notes(parts: list[Concept]) -> list[Note]:
    """One note per word no passage holds whose written parts were searched instead
    (:mod:`.parts_written`): what was searched for it, said back (瘫痪病人: 瘫痪), so the
    reply does not look like an answer about the whole word."""
    by_word: dict[str, list[str]] = {}
    for c in parts:
        by_word.setdefault(c.part_of, []).append(c.label)
    out = []
    for word, labels in by_word.items():
        said = "”“".join(labels)
        params = (("word", word), ("parts", said))
        text = WORD_PARTS_MESSAGE.format(word=word, parts=said)
        out.append(Note("word_parts", text, params, reach=NOTE_PART))
    return out
