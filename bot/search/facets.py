"""The passages of a query's facets: the region, year and kind of document it names.

A query naming a region, a year or a kind of document (山东 2024 政府工作报告) gets one
concept per facet whose passages are given (``Concept.fixed``), adding to passages that
match its words: the documents that match the facet (a strong score), the documents of
the division around a place no document is about, the passages naming the year or the
place in their text, the sections headed by the year (一、2024年工作回顾), and in a
report reviewing the year from the next one the lines on that year before those on the
five years (这五年) or under another year's heading. ``FacetPassages`` works these out
over one compiled index, memoised per facet; the searcher holds one.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from functools import cached_property

import numpy as np

from bot.corpus.gazetteer import default_gazetteer
from bot.corpus.regions import place_in_region
from bot.models import Understood
from bot.search.concepts import Concept
from bot.search.headings import normalized_sections
from bot.search.index import CompiledIndex
from bot.search.memo import remember
from bot.search.understand import (
    NATIONAL,
    NO1_DOCUMENT,
    NO1_TYPE,
    is_no1_document,
    periods_named,
    year_forms,
)
from bot.text.normalize import normalize

# Score of a passage for being in a document whose metadata match the query's region,
# year or kind (a BM25 contribution of a fairly rare word), and for naming the year in
# its text (到二〇三五年 answers 2035年 目标 in any document).
FACET_DOC_SCORE = 8.0
_YEAR_HEADING_RE = re.compile(r"(?<!\d)(?:19|20)\d\d年|[一二][〇○零][〇○零一二三四五六七八九]{2}年")
# The year facet's score of a passage under a heading naming another year in a report
# reviewing the year (see ``_make_facet_concepts``): none, the section is about the other
# year unless its text names the asked one (3.0 first, half a document's score; 0 put the
# year's own document first for six dev queries whose 2026 reports' tasks matched one
# word more, 2025 学生 心理问题 among them, and moved none back).
OTHER_YEAR_SCORE = 0.0
# The share of the year facet's scores a local report reviewing the year from the next keeps
# when the query names no place (see ``_make_facet_concepts``): its lines on the year come
# after the year's own documents, in the order they had.
REVIEW_ONLY_SHARE = 0.75
# The share of the year facet's scores a local document of the year itself keeps when the
# query names no place (2025 城市更新 怎么推进: the country's 2025 report, not a district's
# 2025 plan; 2025年 上幼儿园 免费): a year typed alone asks about the country, as the
# local reports reviewing the year from the next (above) come after its documents. 1 turns
# it off.
LOCAL_YEAR_SHARE = 0.75
# How many distinct facets (region, year, kind) keep their passages in memory.
FACET_MEMO_SIZE = 256
# Kinds of document that report on the year before their own (a 2025 work report says
# what 2024 achieved, the 2025 budget report how 2024's budget was carried out).
_REVIEWS_LAST_YEAR = frozenset({"政府工作报告", "预算报告", "计划报告", "党代会报告"})
# How much of the region facet's score the documents of the division around a place no
# document is about get (凯里 -> the 黔东南 bulletin), like a report reviewing last year.
ENCLOSING_SHARE = 0.75
FACET_TEXT_SCORE = 6.0
# A line of a report's review of the plan period (这五年, 五年来 …) that does not name the
# year asked: still on the year facet (its levels, 新能源装机占比达63%, are the year's end),
# but lower than a line naming the year, so that a figure of the five years (城镇新增就业
# 86万人, 年均增长) comes after the year's own (城镇新增就业17万人).
PERIOD_LINE_SCORE = 3.0
# How a report says the year it reviews, and the five years it also reviews (a 2026
# report: 2025, and the 十四五 period).
_ONE_YEAR_WORDS = ("过去一年", "一年来", "刚刚过去的", "这一年")
_FIVE_YEAR_WORDS = ("这五年", "五年来", "过去五年", "过去的五年")


def _other_period(path: tuple[str, ...], year: int) -> bool:
    """Whether the heading ``path`` (normalised) names plan periods and ``year`` is in none
    of them (二、“十五五”时期主要目标任务 for 2025; not 二、“十三五”时期发展成就和“十四五”主要目标
    for 2020, whose first part reviews the period the year ends)."""
    return _outside(_path_periods(path), year)


def _path_periods(path: tuple[str, ...]) -> list[tuple[int, int]]:
    """The plan periods (first, last) the normalised heading ``path`` names."""
    return [span for part in path for span in periods_named(part, normalized=True)]


def _outside(periods: list[tuple[int, int]], year: int) -> bool:
    """Whether there are ``periods`` and ``year`` is in none of them."""
    return bool(periods) and not any(first <= year <= last for first, last in periods)


class FacetPassages:
    """The facet concepts of queries over one compiled index (thread-safe as the searcher
    is: the memo evicts under the lock it is given).

    ``scan`` finds the passages holding a text (the searcher's byte scan, memoised
    there); ``word_hits`` the passages and scores of a word searched as a query word
    (a region's name in the text counts as its word would)."""

    def __init__(
        self,
        index: CompiledIndex,
        *,
        scan: Callable[[str], np.ndarray],
        word_hits: Callable[[str], tuple[np.ndarray, np.ndarray]],
        evict_lock: threading.Lock,
    ) -> None:
        self.index = index
        self._scan = scan
        self._word_hits = word_hits
        self._evict_lock = evict_lock

    def sections_naming(self, words: tuple[str, ...]) -> np.ndarray:
        """Ids of the sections whose heading path contains one of ``words``."""
        forms = [normalize(w) for w in words]
        found = [
            sid
            for sid, path in enumerate(self.normalized_sections)
            if any(f in part for part in path for f in forms)
        ]
        return np.asarray(found, dtype=self.index.p_section.dtype)

    def concepts(self, facets: Understood) -> list[Concept]:
        """:meth:`_make_facet_concepts`, memoised: the passages of a facet depend only on
        the facet and this (immutable) index."""
        key = (facets.all_regions, facets.all_years, facets.doc_type)
        found = self.memo.get(key)
        if found is None:
            found = self._make_facet_concepts(facets)
            remember(self.memo, key, found, FACET_MEMO_SIZE, self._evict_lock)
        return list(found)

    @cached_property
    def memo(self) -> dict[tuple, list[Concept]]:
        return {}

    def region_docs(self, region: str) -> np.ndarray:
        """Ids of the documents of ``region`` and the places inside it, memoised."""
        found = self._region_docs.get(region)
        if found is None:
            gazetteer = default_gazetteer()
            found = np.asarray(
                [
                    i
                    for i, d in enumerate(self.index.docs)
                    if place_in_region(region, d.region, d.region_path, gazetteer)
                ],
                dtype=np.intp,
            )
            remember(self._region_docs, region, found, FACET_MEMO_SIZE, self._evict_lock)
        return found

    @cached_property
    def _region_docs(self) -> dict[str, np.ndarray]:
        return {}

    @cached_property
    def normalized_sections(self) -> list[tuple[str, ...]]:
        return normalized_sections(self.index.sections)

    @cached_property
    def _section_periods(self) -> dict[int, list[tuple[int, int]]]:
        """Section id -> the plan periods its heading path names, for the sections naming
        any: read once per index, not again for every year asked."""
        out = {}
        for sid, path in enumerate(self.normalized_sections):
            if periods := _path_periods(path):
                out[sid] = periods
        return out

    def _make_facet_concepts(self, facets: Understood) -> list[Concept]:
        """One concept per facet: passages of the documents that match it (a strong
        score), and passages that name it in their text (a weak one: a 2035 target in
        any document, 山东 mentioned in a national report)."""
        ix = self.index
        gazetteer = default_gazetteer()
        out: list[Concept] = []
        wanted: list[tuple[str, dict[int, float], tuple[str, ...]]] = []
        exact: list[int] = []
        regions = facets.all_regions
        if regions:
            # every region named (山东 江苏 GDP 目标): the documents of each rank first
            docs = {
                i: FACET_DOC_SCORE
                for i, d in enumerate(ix.docs)
                if any(place_in_region(r, d.region, d.region_path, gazetteer) for r in regions)
            }
            exact = [i for i in docs if ix.docs[i].region in regions]
            if len(exact) == len(docs):
                exact = []  # no place inside them to come after
            if not docs:
                docs = self._enclosing_docs(facets.region)
            wanted.append((f"region:{'、'.join(regions)}", docs, ()))
        reviews: list[int] = []
        if facets.years:
            # years named side by side (2024年和2025年): the documents of each rank first
            docs = {}
            for i, d in enumerate(ix.docs):
                if d.year in facets.years:
                    docs[i] = FACET_DOC_SCORE
                elif d.year and d.year - 1 in facets.years and d.doc_type in _REVIEWS_LAST_YEAR:
                    docs[i] = FACET_DOC_SCORE * 0.75
            forms = tuple(f for y in facets.years for f in year_forms(y))
            wanted.append((f"year:{'、'.join(map(str, facets.years))}", docs, forms))
        elif facets.year:
            docs = {}
            for i, d in enumerate(ix.docs):
                if d.year == facets.year:
                    docs[i] = FACET_DOC_SCORE
                elif d.year == facets.year + 1 and d.doc_type in _REVIEWS_LAST_YEAR:
                    # the 2025 work report reviews 2024: its results are 2024's
                    docs[i] = FACET_DOC_SCORE * 0.75
                    reviews.append(i)
            wanted.append((f"year:{facets.year}", docs, year_forms(facets.year)))
        if facets.doc_type:
            kind = facets.doc_type
            docs = {i: FACET_DOC_SCORE for i, d in enumerate(ix.docs) if d.doc_type == kind}
            if kind == NO1_DOCUMENT:
                # the central No. 1 document by what it is, else any national opinion
                named = [i for i, d in enumerate(ix.docs) if is_no1_document(d)]
                docs = dict.fromkeys(named, FACET_DOC_SCORE) or {
                    i: FACET_DOC_SCORE
                    for i, d in enumerate(ix.docs)
                    if d.doc_type == NO1_TYPE and d.region == NATIONAL
                }
            wanted.append((f"type:{facets.doc_type}", docs, ()))
        n = ix.n_passages
        for label, docs, words in wanted:
            dense = np.zeros(n, dtype=np.float32)
            if docs:
                per_doc = np.zeros(len(ix.docs), dtype=np.float32)
                for i, score in docs.items():
                    per_doc[i] = score
                dense = per_doc[ix.p_doc]
            if reviews and label.startswith("year:"):
                # in a report reviewing the year, the sections headed by another year (三、
                # 2026年工作安排 in the report of 2026 reviewing 2025) do not speak of it,
                # unless their text names it (found below)
                other = np.isin(ix.p_section, self._sections_of_other_years(facets.year))
                other &= np.isin(ix.p_doc, np.asarray(reviews, dtype=ix.p_doc.dtype))
                dense[other] = np.minimum(dense[other], np.float32(OTHER_YEAR_SCORE))
            named = np.zeros(n, dtype=bool)
            for word in words:
                pids = self._scan(normalize(word))
                dense[pids] = np.maximum(dense[pids], FACET_TEXT_SCORE)
                named[pids] = True
            if words:
                # a section about the year (一、2024年工作回顾) speaks of it in every line
                in_sections = self.sections_naming(words)
                if in_sections.size:
                    under = np.isin(ix.p_section, in_sections)
                    dense[under] = np.maximum(dense[under], FACET_DOC_SCORE)
            if label.startswith("year:") and reviews:
                self._review_year_lines(dense, reviews, named)
                if not facets.region:
                    # no place asked: the year's own documents come before the local
                    # reports reviewing it from the next year (2025 育儿补贴: the 2025
                    # report, not a province's 2026 review; 2014年 GDP: the 2015 report)
                    local = [i for i in reviews if ix.docs[i].region != NATIONAL]
                    in_review = np.isin(ix.p_doc, np.asarray(local, dtype=ix.p_doc.dtype))
                    dense[in_review] *= np.float32(REVIEW_ONLY_SHARE)
            if label.startswith("year:") and not regions and LOCAL_YEAR_SHARE != 1:
                asked = set(facets.years or (facets.year,))
                own = [i for i in docs if ix.docs[i].year in asked]
                local = [i for i in own if ix.docs[i].region != NATIONAL]
                if local and len(local) < len(own):  # a national document of the year too
                    mine = np.isin(ix.p_doc, np.asarray(local, dtype=ix.p_doc.dtype))
                    dense[mine] *= np.float32(LOCAL_YEAR_SHARE)
            for place in regions if label.startswith("region:") else ():
                if place == NATIONAL:
                    continue
                # a passage naming the place counts as its word would (长岛 in a city's
                # report): the region's own BM25, not a token score
                found, scores = self._word_hits(normalize(place))
                found = np.asarray(found, dtype=np.intp)
                dense[found] = np.maximum(dense[found], scores)
            pids = np.flatnonzero(dense)
            first = None
            if label.startswith("region:") and exact:
                first = np.flatnonzero(np.isin(ix.p_doc, np.asarray(exact, dtype=ix.p_doc.dtype)))
            home = None
            if label.startswith("region:") and docs:
                home = np.fromiter(docs, dtype=np.intp)
            out.append(Concept(label, [], fixed=(pids, dense[pids]), first=first, home=home))
        return out

    def _sections_of_other_years(self, year: int) -> np.ndarray:
        """Ids of the sections whose heading path names a year (2026年, 二〇二六年) or a
        plan period (“十五五”时期) that ``year`` is not in, and does not name ``year``: a
        2026 report's goals for 十五五 (常住人口城镇化率达63%左右, the level of 2030) speak of
        2025 no more than its 2026年工作安排 does (:func:`_other_period`)."""
        own = {normalize(f) for f in year_forms(year)}
        periods = self._section_periods
        found = [
            sid
            for sid, path in enumerate(self.normalized_sections)
            if (
                any(_YEAR_HEADING_RE.search(part) for part in path)
                or (sid in periods and _outside(periods[sid], year))
            )
            and not any(f in part for part in path for f in own)
        ]
        return np.asarray(found, dtype=self.index.p_section.dtype)

    def _enclosing_docs(self, region: str) -> dict[int, float]:
        """For a place no document is about (凯里, a county of 黔东南), the documents of
        the nearest division around it that has some, at a lower score: the prefecture's
        bulletin speaks of its counties (完成凯里、黄平…石漠化综合治理), and the passages
        naming the place itself still count as its word."""
        gazetteer = default_gazetteer()
        places = gazetteer.lookup(region)
        if not places:
            return {}
        for outer in reversed(gazetteer.ancestors(places[0])):
            found = {
                i: FACET_DOC_SCORE * ENCLOSING_SHARE
                for i, d in enumerate(self.index.docs)
                if d.region == outer.short
            }
            if found:
                return found
        return {}

    def _review_year_lines(self, dense: np.ndarray, reviews: list[int], named: np.ndarray) -> None:
        """In the reports that review the year asked (a 2026 report for 2025), a line
        saying 过去一年 speaks of that year, one saying 这五年 of the plan period the
        review also covers, whatever section both stand in: ``dense`` (the year facet's
        scores) is raised for the first; the second is lowered to the year-in-text score
        when its text names the year (``named``: 2025年人均生产总值提升至7.6万元), else to
        :data:`PERIOD_LINE_SCORE`."""
        in_review = np.isin(self.index.p_doc, np.asarray(reviews, dtype=self.index.p_doc.dtype))
        five, one = self._review_periods(in_review)
        dense[five] = np.where(
            named[five],
            np.minimum(dense[five], FACET_TEXT_SCORE),
            np.minimum(dense[five], np.float32(PERIOD_LINE_SCORE)),
        )
        dense[one] = np.maximum(dense[one], FACET_DOC_SCORE)

    def _review_periods(self, in_review: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The passages of the reviewing reports (``in_review``) that speak of the plan
        period and those that speak of the year: the lines saying 这五年 or 过去一年, and
        the lines after one in the same section up to the next such line (五年来，… opens
        a block of paragraphs on the five years: 海口经济圈 经济总量年均增长5.8% is no
        figure of the year). A line saying both speaks of the year."""
        idx = np.flatnonzero(in_review)
        if not idx.size:
            return idx, idx
        kind = np.zeros(idx.size, dtype=np.int8)
        for words, k in ((_FIVE_YEAR_WORDS, 1), (_ONE_YEAR_WORDS, 2)):
            for word in words:
                pids = self._scan(word)
                kind[np.searchsorted(idx, pids[in_review[pids]])] = k
        ix = self.index
        start = np.ones(idx.size, dtype=bool)
        start[1:] = (
            (np.diff(idx) != 1)
            | (ix.p_doc[idx[1:]] != ix.p_doc[idx[:-1]])
            | (ix.p_section[idx[1:]] != ix.p_section[idx[:-1]])
        )
        anchor = np.where((kind > 0) | start, np.arange(idx.size), 0)
        carried = kind[np.maximum.accumulate(anchor)]
        return idx[carried == 1], idx[carried == 2]
