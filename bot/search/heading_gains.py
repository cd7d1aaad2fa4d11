"""What a concept's hits gain beyond the passages that write it: the passages under a
heading or one-line lead that names it, those of documents whose title names it, those
writing it loosely (扩大国内需求 for 扩大内需), and a plan's goal paragraph opening with the
year asked (到2027年，…). Worked out once per concept and memoised.
"""

from __future__ import annotations

from functools import cached_property

import numpy as np

from bot.search.asking import QUESTION_WORDS
from bot.search.concepts import Concept
from bot.search.headings import (
    Gain,
    HeadingTable,
    find_coordinated,
    find_loose,
    heading_table,
    lead_next,
    median,
)
from bot.search.index import idf_of
from bot.search.stored_gains import StoredGains
from bot.search.title_topics import TITLE_TOPIC_SHARE, TitleTopics
from bot.text.normalize import normalize
from bot.text.tokenize import is_cjk_word

# How a plan's goal paragraph opens with its year (到2027年，… ; 至2030年，…).
GOAL_YEAR_LEADS = ("到", "至")


class HeadingGains:
    """The gains of :class:`~bot.search.searcher.Searcher`: a mixin of it, reading its
    index (``self.index``), its memo (``self._memoised``), its postings (``self._hits``)
    and its word splitting (``self._split_known``)."""

    def _with_headings(
        self, concept: Concept, hits: tuple[np.ndarray, np.ndarray], runs: tuple[str, ...] = ()
    ) -> tuple[np.ndarray, np.ndarray]:
        """``hits`` (the concept's) with the passages under a heading that names it (see
        :data:`~bot.search.headings.HEADING_SHARE`) and those writing it loosely
        (:meth:`_loose_hits`); the hits themselves for a facet, a question word or given
        passages. The hits are the concept's alone, so what they gain is worked out once
        per concept and memoised (:meth:`_heading_gain`); a query only adds it to them."""
        if concept.fixed is not None or concept.label in QUESTION_WORDS:
            return hits
        pids, scores = self._with_heading_gain(concept, hits)
        extra, score = self._memoised(
            "titles",
            (concept.label, tuple(concept.alternatives), runs),
            False,
            lambda: self._title_gain(concept, pids, scores, runs),
        )
        if not extra.size:
            return pids, scores
        return np.concatenate([pids, extra]), np.concatenate(
            [scores, np.full(extra.size, score, dtype=np.float32)]
        )

    def _with_goal_openings(
        self, concept: Concept, hits: tuple[np.ndarray, np.ndarray], year: int
    ) -> tuple[np.ndarray, np.ndarray]:
        """``hits`` (a goal word's: 目标, 主要目标 …) with the paragraphs that open with the
        year asked as a plan states its goal for it (到2027年，… ; 至2030年，…), at the median
        score of the word's own hits: a plan writes 目标 in the heading above (三、发展目标)
        and not in the paragraph, so 未来产业 2027年 目标 found another plan's paragraph
        holding 目标 and 至2027年 in passing (杨浦's 主要目标) a tier above the opinion's
        goal. Only a paragraph opening with the year (a heading naming 目标 over any line
        also lost 云南2026年居民消费价格涨幅目标, search-quality35). What is added is worked
        out once per word and year (the word's hits are the same each time)."""
        extra, ref = self._memoised(
            "goal openings",
            (concept.label, tuple(concept.alternatives), year, int(np.asarray(hits[0]).size)),
            False,
            lambda: self._goal_gain(hits, year),
        )
        if not extra.size:
            return hits
        return np.concatenate([np.asarray(hits[0], dtype=np.intp), extra]), np.concatenate(
            [np.asarray(hits[1], dtype=np.float32), np.full(extra.size, ref, dtype=np.float32)]
        )

    def _goal_gain(
        self, hits: tuple[np.ndarray, np.ndarray], year: int
    ) -> tuple[np.ndarray, np.float32]:
        """The passages opening with ``year`` (:meth:`_goal_openings`) not among ``hits``,
        and the score they match the goal word at (the median of its hits)."""
        opening = self._goal_openings(year)
        pids = np.asarray(hits[0], dtype=np.intp)
        extra = np.setdiff1d(opening, pids) if pids.size else opening
        if not extra.size:
            return extra, np.float32(0)
        scores = np.asarray(hits[1], dtype=np.float32)
        ref = median(scores) if pids.size else idf_of(extra.size, self.index.n_passages)
        return extra, np.float32(ref)

    def _goal_openings(self, year: int) -> np.ndarray:
        """The passages (ascending) whose normalised text opens with 到YEAR年 or 至YEAR年."""
        ix = self.index
        blob, offsets = ix.norm_mmap, ix.norm_offsets
        found: list[int] = []
        if blob is None:
            return np.zeros(0, dtype=np.intp)
        for lead in GOAL_YEAR_LEADS:
            raw = normalize(f"{lead}{year}年").encode("utf-8")
            for pid in self._hits.scan(raw.decode("utf-8")).tolist():
                start = int(offsets[pid])
                if blob[start : start + len(raw)] == raw:
                    found.append(pid)
        return np.unique(np.asarray(found, dtype=np.intp))

    def _title_gain(
        self, concept: Concept, pids: np.ndarray, scores: np.ndarray, runs: tuple[str, ...]
    ) -> tuple[np.ndarray, np.float32]:
        """The passages of the documents whose title names ``concept`` or one of the
        ``runs`` typed whole that hold it (see :mod:`.title_topics`) that are not among its
        ``pids`` already, and the score they match it at:
        :data:`~bot.search.title_topics.TITLE_TOPIC_SHARE` of its median score (of a word
        as common as they are when it has no hit). Once per concept and runs."""
        named = self._title_topics.passages_naming((*self._heading_forms(concept), *runs))
        if not named.size:
            return named, np.float32(0)
        flag = np.zeros(self.index.n_passages, dtype=bool)
        flag[named] = True
        flag[pids] = False
        extra = named[flag[named]]
        ref = median(scores) if pids.size else idf_of(named.size, self.index.n_passages)
        return extra, np.float32(TITLE_TOPIC_SHARE * ref)

    @cached_property
    def _title_topics(self) -> TitleTopics:
        """The topics the documents' titles name (:mod:`.title_topics`)."""
        ix = self.index
        return TitleTopics([d.title for d in ix.docs], ix.doc_first_pid, ix.n_passages)

    def _with_heading_gain(
        self, concept: Concept, hits: tuple[np.ndarray, np.ndarray]
    ) -> tuple[np.ndarray, np.ndarray]:
        """``hits`` with what headings, leads and loose writing add (see
        :meth:`_with_headings`)."""
        gain = self._memoised(
            "headings",
            (concept.label, tuple(concept.alternatives)),
            False,
            lambda: self._heading_gain(
                concept,
                np.asarray(hits[0], dtype=np.intp),
                np.asarray(hits[1], dtype=np.float32),
            ),
        )
        if gain.rest is None and not gain.loose.size and not gain.raised.size:
            # nothing gained (most words: no heading or lead names them): the hits as
            # they are, as the arrays below would hold them, without writing them again
            return np.asarray(hits[0], dtype=np.intp), np.asarray(hits[1], dtype=np.float32)
        # the hits, the loose passages and the rest in one array each, written in place:
        # a common word's hits are 100,000 passages at 100 MB, which a copy for the
        # bonus and a concatenation per part would each write again
        rest = gain.rest if gain.rest is not None else gain.loose[:0]
        k, m = hits[0].size, hits[0].size + gain.loose.size
        pids = np.empty(m + rest.size, dtype=np.intp)
        scores = np.empty(m + rest.size, dtype=np.float32)
        pids[:k], pids[k:m], pids[m:] = hits[0], gain.loose, rest
        scores[:k], scores[k:m], scores[m:] = hits[1], gain.loose_score, gain.rest_score
        if gain.raised.size:
            # positions as intp (stored as int32): numpy indexes ~2 times faster so
            scores[np.asarray(gain.raised, dtype=np.intp)] += gain.bonus
        return pids, scores

    def _stored_gain(self, concept: Concept) -> Gain | None:
        """The gain stored with the index (:mod:`.stored_gains`) of a concept that is
        one plain index term (its hits the term's postings), else None."""
        alts = concept.alternatives
        if len(alts) != 1 or alts[0].verify or len(alts[0].term_ids) != 1:
            return None
        stored, tid = self._stored_gains, alts[0].term_ids[0]
        if stored is None or self._heading_forms(concept) != (self.index.vocab[tid],):
            return None
        return stored.gain(self.index, tid)

    @cached_property
    def _stored_gains(self) -> StoredGains | None:
        """The heading gains built with the index, if it has them under these rules."""
        return StoredGains.load(self.index)

    @cached_property
    def _lead_next(self) -> np.ndarray:
        """Per passage, the passage it heads as a one-line lead, else -1
        (:func:`~bot.search.headings.lead_next`)."""
        return lead_next(self.index)

    @cached_property
    def _is_lead(self) -> np.ndarray:
        """Per passage, whether it is a one-line lead (see :attr:`_lead_next`)."""
        return self._lead_next >= 0

    @staticmethod
    def _heading_forms(concept: Concept) -> tuple[str, ...]:
        """The texts a heading names ``concept`` by: its alternatives, or the word typed
        when the passages never write it (对外开放 in （二）全方位扩大对内对外开放 only)."""
        return tuple(a.text for a in concept.alternatives) or (normalize(concept.label),)

    def _loose_hits(self, label: str, matched: np.ndarray) -> np.ndarray:
        """Passages not in ``matched`` that write a four-character word with one or two
        characters inside, between its halves (扩大国内需求 for 扩大内需, 乡村全面振兴 for
        乡村振兴, 科技与创新), not across a punctuation mark
        (:func:`~bot.search.headings.find_loose`), or a word of two index terms with
        its tail shared by a coordination (城中村和危旧房改造 for 城中村改造,
        :func:`~bot.search.headings.find_coordinated`); memoised per word."""
        word = normalize(label)
        if len(word) < 3 or not is_cjk_word(word):
            return np.zeros(0, dtype=np.intp)
        found = self._memoised("loose", word, False, lambda: self._find_loose(word))
        return np.setdiff1d(found, matched) if found.size else found

    def _find_loose(self, word: str) -> np.ndarray:
        """:meth:`_loose_hits` before ``matched`` is taken out; with the passages that
        write the word whole where the segmenter cut it otherwise in context (党风|廉政|建设
        for 廉政建设, 城中村改造 for 城中村), which its postings miss."""
        found = np.asarray(self._hits.scan(word), dtype=np.intp)
        if len(word) == 4:
            found = np.union1d(found, find_loose(self.index, word))
        pieces = self._split_known(word)
        if pieces and len(pieces) == 2 and min(map(len, pieces)) >= 2:
            found = np.union1d(found, find_coordinated(self.index, *pieces))
        return found

    @cached_property
    def _heading_table(self) -> HeadingTable:
        """The headings of the index, each text with the passages under it where it
        names a topic (:func:`~bot.search.headings.heading_table`), made once."""
        return heading_table(self.index, self._normalized_sections)
