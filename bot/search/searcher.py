"""Query execution: concepts, synonyms, typo correction, BM25 ranking, snippets.

A query is a list of *concepts* (the words the user typed, after correction); each
concept has *alternatives* (the word and its synonyms), each alternative one index
term or several that must stand together (verified on the passage text). A
passage scores, per concept, its best alternative's BM25 contribution; passages
that match more concepts always rank above passages that match fewer.
"""

from __future__ import annotations

import math
import re
import threading
import weakref
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import cached_property

import numpy as np

from bot.corpus.gazetteer import default_gazetteer
from bot.corpus.regions import place_in_region
from bot.models import Correction, Note, SearchHit, SearchResponse, Understood
from bot.search import apart, framing
from bot.search.asking import (
    ASKING_WORDS,
    FUNCTION_CHARS,
    QUESTION_WORDS,
    SENTENCE_WORDS,
    asks_how,
    asks_past,
    content_words,
    join_question_words,
    plain_pair,
    settle_soft,
    softened,
)
from bot.search.budget import Budget, Limits
from bot.search.concepts import Alternative, Concept, disjoint, unique
from bot.search.facets import FacetPassages
from bot.search.fuzzy import FREQUENCY_PRIOR, Lexicon, rank_candidates, similarity, sounds_alike
from bot.search.headings import (
    LOOSE_MAX_HITS,
    Gain,
    HeadingTable,
    find_coordinated,
    find_loose,
    heading_gain,
    heading_table,
    lead_next,
    median,
)
from bot.search.index import CompiledIndex, idf_of
from bot.search.memo import remember
from bot.search.query import ParsedQuery, QueryPart, join_known_terms, parse_query
from bot.search.results import (
    EMPTY,
    EMPTY_MESSAGE,
    ONLY_EXCLUSIONS_MESSAGE,
    Filters,
    Ranked,
    budget_notes,
)
from bot.search.snippets import find_spans, make_snippet
from bot.search.stored_gains import StoredGains
from bot.search.title_topics import TITLE_TOPIC_SHARE, TitleTopics
from bot.search.understand import plan_period_spans, understand
from bot.search.window import QUALITY_WINDOW, Window
from bot.text.normalize import normalize
from bot.text.synonyms import Synonyms
from bot.text.tokenize import STOPWORDS, Tokenizer, ascii_terms, has_cjk, is_cjk_word

VERIFY_LIMIT = 5_000
# Below this many co-occurrences a phrase is checked against the text; above, assumed present.
PHRASE_CHECK_LIMIT = 1_000
EXISTENCE_SCAN = 300
# Phrase existence counts the passages holding every piece before reading more texts
# when the rarest piece is on at least this many times PHRASE_CHECK_LIMIT passages.
COUNT_FIRST = 2
# How many texts of a phrase's rarest piece are read before anything else: a phrase of
# the corpus is usually there, found before a signature test or a count would pay off.
_FIRST_TEXTS = 16
STRICT_SCORE = 80.0
SCAN_LIMIT = 2_000
MEMO_SIZE = 50_000
ANCHOR_PASSAGES = 60
# A synonym's match counts a little less than the word typed (GDP finds 地区生产总值,
# but a passage saying GDP ranks first).
SYNONYM_WEIGHT = 0.85
# Passages whose body-text prior is at most this (footnotes, table and figure captions,
# truncated copies) count one matched word less when ranked by words matched (fresh dev
# queries r205-r250: 0.4 fixed a data-source note, 0.5 a table caption too; no other
# query of the dev set or the bundled gate moved).
DEMOTED_PRIOR = 0.5
# A five-year plan period: 十四五, 十五五 (and 十二五 … in older reports).
_PLAN_PERIOD_RE = re.compile(r"十[一二三四五六七八九]五")
# Whether a query of two words looks for its first tier on the shorter list alone when
# that tier fills the page (``_rank``; off, every passage's level is counted: the same
# ranks, which the tests compare).
TWO_LIST_TIER = True
# How many byte scans keep their passages. A scan (a word the index has only inside
# longer words: 烟台 in 烟台市) reads the whole text blob, ~7 ms at 10 MB and ten times
# that at 100 MB, while a query naming the word again (烟台, then 烟台 项目) needs the
# same passages. At most 2,000 ids each: 4 MB in all.
SCAN_MEMO_SIZE = 256
# Alternatives whose passages were read to check their text (研究与试验发展: the passages
# holding 研究, 试验 and 发展), remembered with what the reading found: ~1 µs a passage,
# 1.5–3 ms a phrase of common words at 100 MB, which a later query naming it (研发, whose
# synonym it is) would pay again. At most VERIFY_LIMIT passages each (~60 KB).
VERIFIED_MEMO_SIZE = 256
# A statistical bulletin reports on the year before the one it is published in.
_BULLETIN = "统计公报"
# A document whose title names a plan period and this word (“十四五”国家应急体系规划) is a plan
# of that period: its lines hold the period though they do not repeat it.
PLAN_TITLE_WORD = "规划"
# How much a soft word found in a passage adds, as a share of its score.
SOFT_WEIGHT = 0.5
# The timed kinds of work: when one runs out, a correction in progress is given up.
_CORRECTION_WORK = frozenset({"spans", "scored", "passages"})
# A run of letters and figures in a query, and one that mixes both (M2, 5G, PM2.5).
_ALNUM_RE = re.compile(r"[a-z0-9]+(?:\.[0-9]+)*")
_MIXED_RE = re.compile(r"(?=[a-z0-9.]*[a-z])(?=[a-z0-9.]*[0-9])[a-z0-9]+(?:\.[0-9]+)*")
# an abbreviation joined by & or _ (R&D, PM_2.5 as converted documents write PM₂.₅)
_JOINED_RE = re.compile(r"[a-z0-9]+(?:\.[0-9]+)*(?:[&_][a-z0-9]+(?:\.[0-9]+)*)+")


def _join_abbreviations(text: str, words: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Letter and figure words of ``text`` joined by ``&`` or ``_`` as one word (R&D,
    PM_2.5): apart, r and d would match any passage with a letter d."""
    out: list[tuple[str, int, int]] = []
    for word, start, end in words:
        if out and out[-1][2] + 1 == start and text[out[-1][2]] in "&_":
            joined = text[out[-1][1] : end]
            if _JOINED_RE.fullmatch(joined):
                out[-1] = (joined, out[-1][1], end)
                continue
        out.append((word, start, end))
    return out


def _kept_in(typed: str, other: str) -> bool:
    """Whether every character of ``typed`` is in ``other``, in order (``other`` only adds)."""
    chars = iter(other)
    return all(ch in chars for ch in typed)


def phrases_with(words: list[str], anchor: str, *, max_words: int = 4) -> set[str]:
    """Runs of up to ``max_words`` adjacent CJK words that include ``anchor``."""
    out: set[str] = set()
    n = len(words)
    for i, w in enumerate(words):
        if w != anchor:
            continue
        for lo in range(max(0, i - max_words + 1), i + 1):
            for hi in range(i + 1, min(n, lo + max_words) + 1):
                run = words[lo:hi]
                if hi - lo > 1 and all(is_cjk_word(x) and x not in STOPWORDS for x in run):
                    text = "".join(run)
                    if len(text) <= 12:
                        out.add(text)
    return out


def _forward_max_match(word: str, shortest: int, known: Callable[[str], bool]) -> list[str] | None:
    """``word`` cut, left to right and longest first (at most 8 characters, at least
    ``shortest``), into pieces ``known`` accepts, never the whole word itself; None when
    some stretch cannot be cut so."""
    pieces: list[str] = []
    i = 0
    while i < len(word):
        for size in range(min(len(word) - i, 8), shortest - 1, -1):
            piece = word[i : i + size]
            if size < len(word) and known(piece):
                pieces.append(piece)
                i += size
                break
        else:
            return None
    return pieces


class Searcher:
    """Runs queries against one compiled index; cheap to create.

    Thread-safe: the index is read-only, the memo tables are dictionaries whose single
    operations are atomic (a race computes a value twice, never a wrong one; the facet
    memo, which evicts, takes a lock), and a request's budget is its own.
    """

    def __init__(
        self,
        index: CompiledIndex,
        tokenizer: Tokenizer,
        synonyms: Synonyms,
        *,
        fuzzy_threshold: float = 70,
        snippet_chars: int = 120,
        page_size: int = 5,
        max_query_chars: int = 200,
        limits: Limits | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        self.index = index
        self.today = today  # what 今年 in a query means
        self.tokenizer = tokenizer
        self.synonyms = synonyms
        self.fuzzy_threshold = fuzzy_threshold
        self.snippet_chars = snippet_chars
        self.page_size = page_size
        self.max_query_chars = max_query_chars
        self.limits = limits or Limits()
        self._evict_lock = threading.Lock()  # for the bounded memos that evict
        # Planning a word depends only on the word and this (immutable) index, so it
        # is memoised; bounded so that a stream of unique words cannot grow it forever.
        self._memo: dict[tuple[str, str, bool], object] = {}

    @cached_property
    def lexicon(self) -> Lexicon:
        return Lexicon.load(self.index.path)

    def prepare_corrections(self) -> None:
        """Load the typo corrector's lexicon and pinyin readings now rather than on the
        first query that needs a correction (17–38 ms of that query at 10 MB)."""
        self.lexicon.prepare()
        _ = self.index.inside_terms  # the terms written only inside longer words

    # -- text access -------------------------------------------------------------------
    def passage_text(self, pid: int) -> str:
        return self.index.passage_text(pid)

    # -- resolving words to index terms ------------------------------------------------------
    def _split_known(self, word: str) -> list[str] | None:
        """Forward maximum matching of ``word`` over the index vocabulary, or None.

        Used for words the index does not have as such (吸引外资 → 吸引 外资).
        """
        return _forward_max_match(word, 1, lambda piece: piece in self.index.term_ids)

    def _pieces(self, word: str) -> list[str] | None:
        """Index terms that a passage containing ``word`` is expected to have.

        The segmenter's own split comes first (产业结构调整 → 产业 结构调整, as the
        passages were segmented); longest matching over the vocabulary is the
        fallback for words it keeps whole (吸引外资 → 吸引 外资).
        """
        if _MIXED_RE.fullmatch(word) or _JOINED_RE.fullmatch(word):
            # the index keeps letters and figures apart (m2 → m 2): found together
            pieces = ascii_terms(word)
            return pieces if all(p in self.index.term_ids for p in pieces) else None
        cut = [w for w in self.tokenizer.cut(word) if w.strip()]
        if len(cut) > 2:
            # function words are not indexed; the text check finds the phrase with them
            # (研究与试验发展 → 研究 试验 发展)
            cut = [w for w in cut if w not in STOPWORDS] or cut
        if len(cut) > 1 and all(w in self.index.term_ids for w in cut):
            return cut
        return self._split_known(word) if is_cjk_word(word) else None

    def _memoised(self, kind: str, key, flag: bool, compute, *, keep=lambda value: True):
        """``compute()``, memoised under (kind, key, flag) when ``keep(value)``."""
        memo_key = (kind, key, flag)
        try:
            return self._memo[memo_key]
        except KeyError:
            value = compute()
            if keep(value):
                if len(self._memo) >= MEMO_SIZE:
                    self._memo.clear()
                self._memo[memo_key] = value
            return value

    def _alternative(self, word: str) -> Alternative | None:
        return self._memoised("alt", word, False, lambda: self._resolve(word))

    def _resolve(self, word: str) -> Alternative | None:
        tid = self.index.term_ids.get(word)
        if tid is not None:
            return Alternative(word, (tid,), False)
        pieces = self._pieces(word)
        if not pieces:
            return None
        ids = tuple(dict.fromkeys(self.index.term_ids[p] for p in pieces))
        return Alternative(word, ids, True)

    def _concept(self, word: str, *, exclude: bool = False) -> Concept:
        return self._memoised("concept", word, exclude, lambda: self._make_concept(word, exclude))

    def _make_concept(self, word: str, exclude: bool) -> Concept:
        alts: list[Alternative] = []
        for variant in self.synonyms.expand(word):
            alt = self._alternative(variant)
            if alt is not None and all(a.text != alt.text for a in alts):
                alts.append(alt)
        # An alternative needing every term of a one-term alternative (乡村振兴战略 vs
        # 乡村振兴) can only match passages the shorter one matches: skip its work.
        singles = {a.term_ids[0] for a in alts if len(a.term_ids) == 1 and not a.verify}
        alts = [a for a in alts if len(a.term_ids) == 1 or not singles & set(a.term_ids)]
        if alts and alts[0].verify and alts[0].text == word and self._known_term(word):
            # A known term typed as one (粮食总产量, 污染治理) is also found with its words
            # apart (粮食播种面积…总产量), after the passages holding it or a synonym whole.
            alts.append(Alternative(word, alts[0].term_ids, False))
        concept = Concept(word, alts, exclude)
        if exclude or not _PLAN_PERIOD_RE.fullmatch(word):
            return concept
        # A plan period (十五五) is named by the heading its goals stand under (二、“十五五”
        # 时期主要目标任务), not in every line: the lines under it hold it too, at the
        # weight of a word as common as the lines holding it either way; so do the lines
        # of a plan of the period (:meth:`_plan_passages`).
        under = np.flatnonzero(np.isin(self.index.p_section, self._sections_naming((word,))))
        under = np.union1d(under, self._plan_passages(word))
        if not under.size:
            return concept
        pids, scores = self._concept_hits(concept)
        dense = np.zeros(self.index.n_passages, dtype=np.float32)
        dense[np.asarray(pids, dtype=np.intp)] = scores
        found = np.union1d(np.asarray(pids, dtype=np.intp), under)
        weight = np.float32(idf_of(found.size, self.index.n_passages))
        dense[under] = np.maximum(dense[under], weight)
        return Concept(word, alts, exclude, fixed=(found, dense[found]))

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
            scores[gain.raised] += gain.bonus
        return pids, scores

    def _heading_gain(self, concept: Concept, pids: np.ndarray, scores: np.ndarray) -> Gain:
        """What :meth:`_with_headings` adds to the hits of ``concept``, ``pids`` and
        ``scores`` (:func:`~bot.search.headings.heading_gain`)."""
        # a word written as such in many passages is not looked for loosely (the cost
        # would buy little)
        if pids.size < LOOSE_MAX_HITS:
            loose = self._loose_hits(concept.label, pids)
        else:
            stored = self._stored_gain(concept)
            if stored is not None:
                return stored
            loose = np.zeros(0, dtype=np.intp)
        return heading_gain(
            self._heading_table,
            self._lead_next,
            self._is_lead,
            self._heading_forms(concept),
            (pids, scores),
            loose,
            SYNONYM_WEIGHT,
        )

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
        found = np.asarray(self.scan(word), dtype=np.intp)
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

    def phrase_exists(self, text: str) -> bool:
        """Does ``text`` occur in some passage (checked through the index)?"""
        return self._memoised("exists", text, False, lambda: self._phrase_exists(text))

    def _phrase_exists(self, text: str) -> bool:
        alt = self._alternative(text)
        if alt is None:
            return False
        if not alt.verify:
            return True  # an index term: it occurs by construction
        # Existence needs no scores. The phrase is present when one of the first
        # EXISTENCE_SCAN passages of its rarest piece (best first) holds its bytes, or,
        # when that piece is commoner than that, one of the passages holding every piece,
        # or more than PHRASE_CHECK_LIMIT of those (taken as present, unread). Texts are
        # read only where the passages' bigram signatures may hold the phrase (a phrase
        # of two words seldom typed together is settled unread), and the passages holding
        # every piece are counted only when that can decide it: the same answer as
        # reading and counting everything, in any order.
        rarest = min(alt.term_ids, key=self.index.df)
        pids = self.index.raw_postings(rarest)[0]
        needle, known = text.encode("utf-8"), self._piece_words(alt)
        if self.index.any_holds(pids[:_FIRST_TEXTS], needle):
            return True
        counted = pids.size > PHRASE_CHECK_LIMIT  # else fewer than that hold every piece
        # The count decides only when more than PHRASE_CHECK_LIMIT passages hold every
        # piece: likely when the rarest piece is on many more (全面提升: 2,037 of 5,062),
        # seldom when on a few more, where the next passages read usually find the phrase
        # first (领导干部: on 700 of 干部's 1,216; 3 of the next 16 texts hold it).
        # Counted before or after that reading, the answer is the same.
        on_all = None
        if counted and pids.size >= COUNT_FIRST * PHRASE_CHECK_LIMIT:
            on_all = self._on_every_list(pids, alt.term_ids, taken_from=rarest)
            if np.count_nonzero(on_all) > PHRASE_CHECK_LIMIT:
                return True
        if self.index.any_holds(pids[_FIRST_TEXTS:EXISTENCE_SCAN], needle, known):
            return True
        if counted and on_all is None:
            on_all = self._on_every_list(pids, alt.term_ids, taken_from=rarest)
            if np.count_nonzero(on_all) > PHRASE_CHECK_LIMIT:
                return True
        rest = pids[EXISTENCE_SCAN:]
        if not rest.size:
            return False
        if on_all is not None:
            rest = rest[on_all[EXISTENCE_SCAN:]]
        rest = rest[self.index.may_hold(rest, needle, known)]
        if rest.size and not counted:
            rest = rest[self._on_every_list(rest, alt.term_ids, taken_from=rarest)]
        return self.index.any_holds(rest, needle, known)

    def _piece_words(self, alt: Alternative) -> tuple[str, ...]:
        """The index terms of ``alt`` as text: a passage holding them all holds their
        bigrams, so only those where they meet are worth testing (``CompiledIndex.holds``)."""
        return tuple(self.index.vocab[t] for t in alt.term_ids)

    def _on_every_list(
        self, pids: np.ndarray, term_ids: tuple[int, ...], *, taken_from: int | None = None
    ) -> np.ndarray:
        """For each of ``pids``, whether it is on the posting list of every one of
        ``term_ids``: the AND of :meth:`_holding_all` without the scores (existence
        needs none, and converting and adding them cost more than the AND itself).
        ``pids`` taken from the list of ``taken_from`` are on it: not looked up."""
        # one boolean flag per passage and term: setting flags costs less than adding
        # counts (a read, an add and a write per posting)
        on = np.ones(len(pids), dtype=bool)
        flag = np.empty(self.index.n_passages, dtype=bool)
        for t in term_ids:
            if t == taken_from:
                continue
            flag.fill(False)
            flag[self.index.raw_postings(t)[0]] = True
            on &= flag[pids]
        return on

    # -- scoring ---------------------------------------------------------------------------
    def _holding_all(self, alt: Alternative) -> tuple[np.ndarray, np.ndarray]:
        """Passages holding every term of ``alt``, with their summed scores, in the order
        of the shortest posting list."""
        ix = self.index
        if len(alt.term_ids) == 1:
            return ix.postings(alt.term_ids[0])
        lists = sorted((ix.raw_postings(t) for t in alt.term_ids), key=lambda p: p[0].size)
        # AND by counting in dense arrays: O(n) where sorting for intersect1d was not.
        # Only the passages on every list so far are scored and counted on the next:
        # a common piece's list (研究与试验发展's 发展: 11,000 passages) is read once for
        # those few, its scores not converted and added for all. The same float32 sums
        # in the same order (the shortest list's scores, then each next one's).
        scale = np.float32(ix.impact_scale)
        n = ix.n_passages
        pids = np.asarray(lists[0][0])
        acc = np.zeros(n, dtype=np.float32)
        cnt = np.zeros(n, dtype=np.uint8)
        acc[pids] = lists[0][1].astype(np.float32) * scale
        cnt[pids] = 1
        for k, (p, impacts) in enumerate(lists[1:], 1):
            on = cnt[p] == k
            p = p[on]
            acc[p] += impacts[on].astype(np.float32) * scale
            cnt[p] += 1
        pids = pids[cnt[pids] == len(lists)]
        return pids, acc[pids]

    def _alternative_scores(self, alt: Alternative) -> tuple[np.ndarray, np.ndarray]:
        """Passages matching one alternative: all its terms, and its text if ``verify``."""
        if len(alt.term_ids) == 1 and not alt.verify:
            return self.index.postings(alt.term_ids[0])
        if not alt.verify:
            return self._holding_all(alt)
        found = self._verified_memo.get(alt)
        if found is None:
            found = self._verified(alt)
            for array in found:
                array.flags.writeable = False  # shared by every later query naming it
            remember(self._verified_memo, alt, found, VERIFIED_MEMO_SIZE, self._evict_lock)
        return found

    @cached_property
    def _verified_memo(self) -> dict[Alternative, tuple[np.ndarray, np.ndarray]]:
        return {}

    def _verified(self, alt: Alternative) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`_alternative_scores` of an alternative whose text is checked."""
        pids, scores = self._holding_all(alt)
        if not pids.size:
            return pids, scores
        needle = alt.text.encode("utf-8")
        if pids.size > VERIFY_LIMIT:
            # Checking text costs ~1 µs a passage: check the best-scoring ones only.
            best = np.argpartition(-scores, VERIFY_LIMIT - 1)[:VERIFY_LIMIT]
            pids, scores = pids[best], scores[best]
        keep = self.index.holds(pids, needle, self._piece_words(alt))
        return pids[keep], scores[keep]

    def _concept_hits(self, concept: Concept) -> tuple[np.ndarray, np.ndarray]:
        """(passage ids, scores) matching the concept: its best alternative per passage."""
        if concept.fixed is not None:
            return concept.fixed
        parts = [self._alternative_scores(alt) for alt in concept.alternatives]
        parts = [
            (p, sc if k == 0 else sc * np.float32(SYNONYM_WEIGHT))
            for k, (p, sc) in enumerate(parts)
        ]
        parts = [p for p in parts if p[0].size]
        if len(parts) == 1:
            return parts[0]
        if parts:
            # Best alternative per passage (synonyms must not add up). Scores are
            # positive, so a passage still at 0 is one no earlier alternative matched:
            # the union is gathered list by list, not found by scanning the whole array
            # (np.flatnonzero over every passage, ~0.4 ms at 100 MB).
            dense = np.zeros(self.index.n_passages, dtype=np.float32)
            union: list[np.ndarray] = []
            for p, sc in parts:
                p = np.asarray(p, dtype=np.intp)
                union.append(p[dense[p] == 0])
                dense[p] = np.maximum(dense[p], sc)
            pids = np.concatenate(union)
            return pids, dense[pids]
        if len(concept.label) >= 2 and is_cjk_word(concept.label):
            # Segmentation can hide a word inside a longer one (先行区 in
            # 绿色低碳高质量发展先行区); look for the characters themselves.
            pids = self.scan(concept.label)
            scores = np.full(pids.size, idf_of(pids.size, self.index.n_passages), np.float32)
            return pids, scores
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)

    def scan(self, needle: str, *, limit: int = SCAN_LIMIT) -> np.ndarray:
        """Passages whose normalised text contains ``needle`` (a bounded byte scan), in
        passage order; memoised (:data:`SCAN_MEMO_SIZE`), read-only."""
        key = (needle, limit)
        found = self._scan_memo.get(key)
        if found is None:
            found = self._scan(needle, limit)
            found.flags.writeable = False  # shared by every later query naming the word
            remember(self._scan_memo, key, found, SCAN_MEMO_SIZE, self._evict_lock)
        return found

    @cached_property
    def _scan_memo(self) -> dict[tuple[str, int], np.ndarray]:
        return {}

    def _scan(self, needle: str, limit: int) -> np.ndarray:
        ix = self.index
        blob = ix.norm_mmap
        if blob is None:
            return np.zeros(0, dtype=np.int64)
        raw = needle.encode("utf-8")
        if len(needle) >= 2:
            # Only the passages whose bigram signature may hold the needle are read (a
            # few hundredths of the text for a word of the corpus): the same passages in
            # the same order as the whole text's scan below, which took 9–20 ms at 10 MB.
            every = np.arange(ix.n_passages)
            return np.asarray(ix.holding(every, raw, limit), dtype=np.int64)
        found: list[int] = []
        pos = blob.find(raw)
        while pos >= 0 and len(found) < limit:
            pid = int(np.searchsorted(ix.norm_offsets, pos, side="right")) - 1
            end = int(ix.norm_offsets[pid + 1])
            if pos + len(raw) <= end:
                found.append(pid)
                pos = blob.find(raw, end)  # one hit per passage is enough
            else:
                pos = blob.find(raw, pos + 1)
        return np.asarray(found, dtype=np.int64)

    def _filter_mask(self, filters: Filters) -> np.ndarray | None:
        if not filters.active:
            return None
        gazetteer = default_gazetteer() if filters.region else None
        wanted = [i for i, d in enumerate(self.index.docs) if filters.admits(d, gazetteer)]
        return np.isin(self.index.p_doc, np.asarray(wanted, dtype=np.uint32))

    # -- corrections -----------------------------------------------------------------------
    def _words(self, part: QueryPart, *, stopwords: bool = False) -> list[tuple[str, int, int]]:
        """(word, start, end) of the query part's words, offsets into ``part.text``;
        with ``stopwords`` the function words too (a typo can make one: 就叶 is 就|叶)."""
        out: list[tuple[str, int, int]] = []
        pos = 0
        for tok in self.tokenizer.cut(part.text):
            start, pos = pos, pos + len(tok)
            if is_cjk_word(tok):
                if stopwords or tok not in STOPWORDS:
                    out.append((tok, start, pos))
            elif not tok.isspace():
                for m in _ALNUM_RE.finditer(tok):
                    pieces = ascii_terms(m.group())
                    # (not a share after the letters: GDP6% is GDP and 6%)
                    percent = part.text[start + m.end() : start + m.end() + 1] == "%"
                    if len(pieces) > 1 and _MIXED_RE.fullmatch(m.group()) and not percent:
                        # M2, 5G, PM2.5: one word, its letters and figures together
                        out.append((m.group(), start + m.start(), start + m.end()))
                        continue
                    for piece in pieces:
                        off = m.start() + m.group().find(piece)
                        out.append((piece, start + off, start + off + len(piece)))
        return join_known_terms(part.text, _join_abbreviations(part.text, out), self._join_term)

    def _plan_part(
        self, part: QueryPart, budget: Budget, *, correct: bool = True
    ) -> tuple[list[Concept], list[Correction]]:
        """Concepts (and any correction) for one query part; memoised per part, unless
        the budget cut the plan short (a later request may have the room for it)."""
        key = f"{part.original}\x00{part.phrase:d}{part.exclude:d}"
        cut_before = len(budget.notes)
        return self._memoised(
            "part",
            key,
            correct,
            lambda: self._plan(part, correct, budget),
            keep=lambda _: len(budget.notes) == cut_before,
        )

    def clear_memo(self) -> None:
        """Forget memoised query planning, byte scans and checked texts (benchmarks use it
        to time cold queries)."""
        self._memo.clear()
        self._scan_memo.clear()
        self._verified_memo.clear()

    def _plan(
        self, part: QueryPart, correct: bool, budget: Budget
    ) -> tuple[list[Concept], list[Correction]]:
        if part.phrase:
            alt = self._alternative(part.text)
            return [Concept(part.text, [alt] if alt else [], part.exclude)], []
        words = self._words(part, stopwords=True)
        correction = self._correct(part, words, budget) if correct and not part.exclude else None
        if correction is None:
            concepts = self._concepts(self._apart(words), part.exclude, budget)
            whole = self._whole_run(part, concepts)
            return softened(concepts, words) + ([whole] if whole else []), []
        a, b, term, score = correction
        concepts = self._concepts(content_words(words[:a]), False, budget)
        typed = part.text[words[a][1] : words[b][2]]
        if self._known_term(typed) and term in self.synonyms.expand(typed):
            # a known term put as its group's usual form (新能源车 → 新能源汽车): searched
            # as typed, it finds every form of the group (电动汽车 too), not that one only
            concepts.append(self._concept(typed))
        else:
            concepts += self._corrected_concepts(term, budget)
        concepts += self._concepts(content_words(words[b + 1 :]), False, budget)
        start, end = words[a][1], words[b][2]
        fixed = part.original[:start] + term + part.original[end:]
        return softened(concepts, words), [Correction(part.original, fixed, round(score, 1))]

    def _apart(self, words: list[tuple[str, int, int]]) -> list[str]:
        """The content words of a part (:func:`content_words`); in a question typed as one run
        (安徽2025老旧小区改造多少, 外贸出口怎么扩大: a part holding an asking or question word
        beside others), each compound the index holds whole but that is two longer index
        words (老旧小区改造 → 老旧小区 改造) as those words, as when typed apart: a
        document may write them apart (改造…城镇老旧小区) and never whole. A compound typed
        as a word of its own, or an entry of the synonym groups (地区生产总值), stays whole."""
        content = content_words(words)
        asks = any(w in ASKING_WORDS or w in QUESTION_WORDS for w, *_ in words)
        if len(content) < 2 or not asks:
            return content
        out: list[str] = []
        for w in content:
            pieces = None
            if len(w) >= 4 and w in self.index.term_ids and not self._known_term(w):
                pieces = self._split_known(w)
            if pieces and len(pieces) == 2 and min(map(len, pieces)) >= 2:
                out += pieces
            else:
                out.append(w)
        return out

    def _corrected_concepts(self, term: str, budget: Budget) -> list[Concept]:
        """The corrected ``term`` searched as if it had been typed: an index term is one
        concept; a phrase of several words (碳排放双控) is its words, found apart too
        (碳排放总量和强度双控), with the phrase whole as the optional run that ranks
        first, as for typed text."""
        if term in self.index.term_ids:
            pieces = framing.compound_pieces(term, self._split_known, self._known_term)
            if not pieces:
                return [self._concept(term)]
            # a compound of two longer words (足球联赛): found apart too, as typed apart
            # (足球、篮球联赛), whole first
            return [self._concept(p) for p in pieces] + [
                Concept(term, [alt], optional=True)
                for alt in [self._alternative(term)]
                if alt is not None
            ]
        words = [w for w in self.tokenizer.cut(term) if is_cjk_word(w) and w not in STOPWORDS]
        if len(words) < 2:
            return [self._concept(term)]
        concepts = self._concepts(words, False, budget)
        if len(concepts) < 2:
            return concepts or [self._concept(term)]
        alt = self._alternative(term)
        whole = Concept(term, [alt], optional=True) if alt is not None and alt.verify else None
        return concepts + ([whole] if whole else [])

    def _whole_run(self, part: QueryPart, concepts: list[Concept]) -> Concept | None:
        """The optional concept of a part's text found whole, when the part (one run of
        Chinese, no spaces) became two or more word concepts."""
        text = part.text
        if part.exclude or len(concepts) < 2 or len(text) > 16 or not is_cjk_word(text):
            return None  # a run of more than 16 characters is a sentence, not a phrase
        if any(c.label not in text or c.label in QUESTION_WORDS for c in concepts):
            return None  # a word split, dropped or asking (增长目标): no run to find whole
        alt = self._alternative(text)
        if alt is None or not alt.verify:
            return None
        return Concept(text, [alt], optional=True)

    def _bind_single_chars(self, words: list[str]) -> list[str]:
        """Join a lone character to a neighbour when the pair occurs in the corpus.

        Segmenters often split a query like 先行区 or 烟台港 into a word and a
        character; searched apart, the character would match almost everything.
        """
        out: list[str] = []
        for w in words:
            if (
                out
                and is_cjk_word(w)
                and is_cjk_word(out[-1])
                and (len(w) == 1 or len(out[-1]) == 1)
                and (self.phrase_exists(out[-1] + w) or _PLAN_PERIOD_RE.fullmatch(out[-1] + w))
            ):
                out[-1] += w
                continue
            out.append(w)
        return out

    def _concepts(self, words: list[str], exclude: bool, budget: Budget) -> list[Concept]:
        """One concept per word; a word the corpus has only in pieces becomes its pieces.

        Each distinct word costs one of the budget's ``words``; past them, the rest of
        the part is left out (note ``too_many_words``)."""
        out: list[Concept] = []
        kept: list[str] = []
        seen: set[str] = set()
        for w in words:
            if w not in seen:
                if not budget.take("words"):
                    budget.notes.add("too_many_words")
                    break
                seen.add(w)
            kept.append(w)
        for w in join_question_words(self._bind_single_chars(kept)):
            if (
                w not in self.index.term_ids
                and is_cjk_word(w)
                and not self.phrase_exists(w)
                and not self._known_term(w)
            ):
                pieces = self._pieces(w) or self._synonym_pieces(w)
                # Lone characters (低空 → 低 空) would match nearly everything.
                if pieces and all(len(p) > 1 for p in pieces):
                    out += [self._concept(p, exclude=exclude) for p in pieces]
                    continue
            out.append(self._concept(w, exclude=exclude))
        return out

    def _synonym_pieces(self, word: str) -> list[str] | None:
        """``word`` cut into index terms and known synonym entries (瘫痪病人 → 瘫痪 病人,
        when the corpus says 患者), or None. A compound the segmenter keeps whole but
        the corpus never writes would otherwise be searched as itself only: its pieces'
        synonyms (病人 = 患者) never looked up."""
        if not is_cjk_word(word) or len(word) < 4:
            return None
        return _forward_max_match(
            word, 2, lambda piece: piece in self.index.term_ids or self._known_term(piece)
        )

    def _known_term(self, word: str) -> bool:
        """A Chinese entry of the synonym groups some form of which the corpus holds (新基建:
        新型基础设施): kept whole, never corrected nor split into pieces."""
        return self._memoised("known", word, False, lambda: self._find_known(word))

    def _join_term(self, text: str) -> bool:
        """Join words typed together into ``text`` (see :func:`join_known_terms`): a known
        term the segmenter cut a lone character off (新|基建), or cut into words that have
        no synonyms of their own (污染|治理: 污染防治). Words that have (国有企业|改革: 国企)
        stay words, each with its synonyms."""
        if not self._known_term(text):
            return False
        words = self.tokenizer.cut(text)
        if any(len(w) == 1 for w in words) or not any(w in self.synonyms for w in words):
            return True
        group = set(self.synonyms.expand(text))
        if any(w in self.synonyms and set(self.synonyms.expand(w)) == group for w in words):
            # a word of the run in the run's own group (卡脖子 of 卡脖子技术): its synonyms
            # are the run's; searched apart, the rest (技术) would be required of a line
            # writing 关键核心技术 as one word
            return True
        return self._says_more(text, words)

    def _says_more(self, text: str, words: list[str]) -> bool:
        """Whether the synonym group of ``text`` holds a form the corpus writes with none
        of its words nor their synonyms: a paraphrase (老年人照顾 = 养老服务), joined.
        A form sharing a word (国企改革 = 国企 + 改革, 研发经费 for 研发投入) keeps the
        words, each with its synonyms, which find it too."""
        pieces = {e for w in words for e in self.synonyms.expand(w)}
        return any(
            not any(p in form for p in pieces) and self.phrase_exists(form)
            for form in self.synonyms.expand(text)
            if form != text
        )

    def _find_known(self, word: str) -> bool:
        if len(word) < 2 or not has_cjk(word) or word not in self.synonyms:
            return False
        return any(self.phrase_exists(v) for v in self.synonyms.expand(word))

    def _is_suspicious(self, word: str) -> bool:
        """A CJK word that is not in the index, or a lone character (typos split words)."""
        return self._memoised("suspicious", word, False, lambda: self._suspicious(word))

    def _suspicious(self, word: str) -> bool:
        if not is_cjk_word(word):
            return False
        if len(word) == 1:
            return True
        alt = self._alternative(word)
        return alt is None or (alt.verify and not self.phrase_exists(word))

    def _correct(self, part: QueryPart, words: list[tuple[str, int, int]], budget: Budget):
        """The best single replacement (first word, last word, term, score), or None.

        Spans tried: each run of suspicious words alone and with its neighbours,
        and the whole part; a text is tried once however often it was typed. A span
        that occurs in the corpus as typed is never corrected. A span without
        suspicious words (all real words, but not a phrase of the corpus: 海洋经纪)
        needs a stricter score.

        Bounded by ``budget``: a part of more distinct words than the budget plans is
        not corrected, and when the spans, candidates, passages or time run out the
        correction is given up; either way the part is searched as typed and the note
        ``correction_skipped`` says so.
        """
        if not words:
            return None
        if len({w for w, _, _ in words}) > budget.limits.words:
            budget.notes.add("correction_skipped")
            return None
        # function words are never suspicious themselves, only part of a span around one
        # a plan period's name (十三五, cut 十三|五) is meant as typed: no word of it is
        # suspicious, and no span holding it is corrected
        periods = plan_period_spans(part.text)

        def in_period(start: int, end: int) -> bool:
            return any(start < hi and lo < end for lo, hi in periods)

        flags = [
            w not in STOPWORDS
            and w not in SENTENCE_WORDS
            and not framing.counts_documents(w)
            and not in_period(s, e)
            and self._is_suspicious(w)
            for w, s, e in words
        ]
        # a two-character word the corpus writes only inside longer ones (经纪 of 财经纪律):
        # a span around it is tried, and corrected to sound-alike words only
        only_inside = self.index.only_inside
        inside = [
            not f and only_inside(w) and w not in SENTENCE_WORDS
            for f, (w, _, _) in zip(flags, words, strict=True)
        ]
        if any(inside):
            flags = [f or i for f, i in zip(flags, inside, strict=True)]
        if len(words) == 1 and not flags[0]:
            return None  # one known word: nothing to correct
        spans: set[tuple[int, int]] = set()
        last = len(words) - 1
        if all(is_cjk_word(w) for w, _, _ in words):
            spans.add((0, last))
        i = 0
        while i <= last:
            if not flags[i]:
                i += 1
                continue
            j = i
            while j < last and flags[j + 1]:
                j += 1
            for a in (i - 2, i - 1, i):
                for b in (j, j + 1, j + 2):
                    if a >= 0 and b <= last and all(is_cjk_word(w) for w, *_ in words[a : b + 1]):
                        spans.add((a, b))
            i = j + 1
        strict = max(self.fuzzy_threshold, STRICT_SCORE)
        # a word glued from real words (银行存款: 银行|存款), or an everyday word of the
        # synonym groups (种地 for 种粮), is judged like real words typed apart: a strict
        # score, not the lenient one of a word with an odd piece (就叶)
        odd = [
            f and not i and not self._glued_words(w) and not self._known_term(w)
            for f, i, (w, _, _) in zip(flags, inside, words, strict=True)
        ]
        best = None
        tried: set[tuple] = set()
        for a, b in spans:
            text = part.text[words[a][1] : words[b][2]]
            if not 2 <= len(text) <= 12:
                continue
            # a span whose only odd words are written only inside longer ones (see above)
            # may be a "phrase" of the corpus through them: a sound-alike fix is tried
            sound = any(inside[a : b + 1]) and not any(odd[a : b + 1])
            if self.phrase_exists(text) and not (sound and a == b):
                continue
            if in_period(words[a][1], words[b][2]):
                continue
            if not any(flags[a : b + 1]) and any(
                w in QUESTION_WORDS or w in ASKING_WORDS for w, *_ in words[a : b + 1]
            ):
                continue  # real words asking a question (控制目标, 世界第几) are what was meant
            threshold = self.fuzzy_threshold if any(odd[a : b + 1]) or sound else strict
            fixable = (
                [
                    (w, at - words[a][1])
                    for (w, at, _), i in zip(words[a : b + 1], inside[a : b + 1], strict=True)
                    if i
                ]
                if sound
                else []
            )
            near = "".join(w for w, *_ in words[max(0, a - 1) : b + 2])
            anchors = self._known_pieces(near)
            inner = a == b and flags[a] and len(text) >= 3
            # the same text near the same known words finds the same candidates
            attempt = (text, tuple(anchors), inner, threshold)
            if attempt in tried:
                continue
            tried.add(attempt)
            if not budget.take("spans"):
                budget.notes.add("correction_skipped")
                return None
            found = self.lexicon.candidates(text, limit=3, min_score=threshold, budget=budget)
            pool = self._phrase_pool(anchors, budget)
            found += rank_candidates(text, pool, limit=3, min_score=threshold, budget=budget)
            if not found and inner:
                found = self._inner_corrections(text, threshold, budget)
            if budget.out & _CORRECTION_WORK:
                budget.notes.add("correction_skipped")
                return None
            kept_terms = [w for w, *_ in words[a : b + 1] if w != text and self._known_term(w)]
            for cand in found:
                if sound and not self._sound_fix(text, cand.term, fixable):
                    continue  # a word of the corpus, if only inside others: sound-alike only
                if self._known_term(text) and cand.term not in self.synonyms.expand(text):
                    continue  # a known term (新基建) is what was meant, unless a synonym
                if any(
                    not any(f in cand.term for f in self.synonyms.expand(w)) for w in kept_terms
                ):
                    continue  # nor one typed inside the span (碳交易市场 is no 权交易市场)
                if cand.term in text:
                    continue  # dropping characters loses what was typed; not a correction
                if cand.term.endswith(text) and len(cand.term) > len(text):
                    # characters put before what was typed (办教育 -> 民办教育) name another,
                    # narrower thing; a typo drops them inside (高质发展) or at the end
                    continue
                if _kept_in(text, cand.term) and (
                    self.phrase_exists(text)
                    or any(w in FUNCTION_CHARS for w, *_ in words[a : b + 1])
                ):
                    # adding characters to what is a real phrase, or to a function word of
                    # a sentence, is no correction (未来产业要 -> 未来产业重要); to a
                    # clipped word it is (高质发展 -> 高质量发展)
                    continue
                key = (round(cand.likelihood, 1), b - a, cand.df)
                if best is None or key > best[0]:
                    best = (key, (a, b, cand.term, cand.score))
        commoner = self.lexicon.commoner
        pairs = (
            self._commoner_pairs(part.text, words, flags, strict)
            if len(words) > 1 and any(w in commoner for w, _, _ in words)
            else ()
        )
        for a, term, score, df in pairs:
            if not budget.take("spans"):
                budget.notes.add("correction_skipped")
                return None
            key = (round(score + FREQUENCY_PRIOR * math.log1p(df), 1), 1, df)
            if best is None or key > best[0]:
                best = (key, (a, a + 1, term, score))
        return best[1] if best else None

    def _commoner_pairs(
        self, text: str, words: list[tuple[str, int, int]], flags: list[bool], threshold: float
    ) -> list[tuple[int, str, float, int]]:
        """Two real words typed side by side that are no phrase of the corpus, one of
        them a rare two-character word whose commoner sound-alike (the lexicon's
        ``commoner``: 经纪 -> 经济) makes a phrase the corpus writes: 民营经纪 -> 民营经济,
        in a question typed as one run (四川民营经纪怎么支持) as well as alone. Each as
        (first word, the pair corrected, score, passages of the sound-alike)."""
        commoner = self.lexicon.commoner
        out: list[tuple[int, str, float, int]] = []
        for a in range(len(words) - 1):
            (w1, s1, e1), (w2, s2, e2) = words[a], words[a + 1]
            if e1 != s2 or flags[a] or flags[a + 1]:
                continue
            if not (w1 in commoner or w2 in commoner) or not plain_pair(w1, w2):
                continue
            typed = text[s1:e2]
            if self.phrase_exists(typed) or self._known_term(typed):
                continue  # a phrase of the corpus, or a synonym entry it writes otherwise
            for k, rare in enumerate((w1, w2)):
                word = commoner.get(rare)
                if word is None or rare in self.synonyms:
                    continue  # (a word with synonyms is meant as typed)
                term = word + w2 if k == 0 else w1 + word
                if not self.phrase_exists(term):
                    continue
                score = similarity(typed, term)
                if score >= threshold:
                    out.append((a, term, score, self.index.df(self.index.term_ids[word])))
        return out

    def _sound_fix(self, text: str, term: str, inside: list[tuple[str, int]]) -> bool:
        """Whether ``term`` is ``text`` with words written only inside longer ones (each
        word and its offset in ``text``) typed for words the corpus writes on their own:
        as long, sounding alike, the same outside those words, and each word put as a
        commoner term (经纪 -> 经济, 民营经纪 -> 民营经济; never a longer or other form)."""
        if len(term) != len(text) or not sounds_alike(text, term):
            return False
        changed = [i for i, (x, y) in enumerate(zip(text, term, strict=True)) if x != y]
        if not all(any(o <= i < o + len(w) for w, o in inside) for i in changed):
            return False  # a character changed outside them
        for w, o in inside:
            fixed = term[o : o + len(w)]
            if fixed == w:
                continue
            tid = self.index.term_ids.get(fixed)
            if tid is None or self.index.only_inside(fixed):
                return False
            if self.index.df(tid) <= self.index.df(self.index.term_ids[w]):
                return False
        return True

    def _glued_words(self, word: str) -> bool:
        """Whether ``word``, not a term of the index, is index terms of two or more
        characters each, glued together (银行存款 → 银行 存款; not 稳就叶 → 稳 就 叶)."""
        if len(word) < 4 or word in self.index.term_ids:
            return False
        pieces = self._split_known(word)
        return bool(pieces) and all(len(p) > 1 for p in pieces)

    def _inner_corrections(self, word: str, threshold: float, budget: Budget) -> list:
        """Corrections inside an unknown word the segmenter glued together (稳就叶: 就叶 ->
        就业), kept only when the corrected word is a phrase of the corpus (稳就业)."""
        out = []
        for i in range(len(word) - 1):
            for j in range(i + 2, min(len(word), i + 4) + 1):
                if j - i == len(word):
                    continue
                found = self.lexicon.candidates(
                    word[i:j], limit=2, min_score=threshold, budget=budget
                )
                for cand in found:
                    fixed = word[:i] + cand.term + word[j:]
                    if fixed != word and self.phrase_exists(fixed):
                        out.append(replace(cand, term=fixed))
        return out

    def _known_pieces(self, text: str) -> list[str]:
        """Index terms of two or more characters inside ``text``, longest match first."""
        pieces: list[str] = []
        i = 0
        while i < len(text):
            for size in range(min(len(text) - i, 8), 1, -1):
                if text[i : i + size] in self.index.term_ids:
                    pieces.append(text[i : i + size])
                    i += size
                    break
            else:
                i += 1
        return pieces

    def _phrase_pool(self, anchors: list[str], budget: Budget) -> dict[str, int]:
        """Multi-word phrases around the rarest known anchor words (term -> count).

        Typo targets are often phrases the segmenter splits (人才引进, 海洋经济), so
        they are not index terms. A typo leaves most of a phrase intact, so its
        neighbours are known words; the phrases are read from the passages where
        those words weigh most (postings are impact-ordered), a bounded amount of work:
        each passage read costs one of the budget's ``passages``. Memoised per anchors
        (when complete).
        """
        return self._memoised(
            "pool",
            tuple(anchors),
            False,
            lambda: self._read_phrase_pool(anchors, budget),
            keep=lambda _: "passages" not in budget.out,
        )

    def _read_phrase_pool(self, anchors: list[str], budget: Budget) -> dict[str, int]:
        ids = [(self.index.df(t), w, t) for w in anchors if (t := self.index.term_ids.get(w))]
        pool: dict[str, int] = {}
        for _, anchor, tid in sorted(ids)[:2]:
            pids = self.index.raw_postings(tid)[0][:ANCHOR_PASSAGES]
            if not budget.take("passages", len(pids)):
                break
            for pid in pids.tolist():
                words = self.tokenizer.cut(normalize(self.passage_text(pid)))
                for gram in phrases_with(words, anchor):
                    pool[gram] = pool.get(gram, 0) + 1
        return pool

    def _suggestions(
        self, unmatched: list[Concept], query: str, nothing: bool, budget: Budget
    ) -> tuple[str, ...]:
        """ "Did you mean" terms for words that matched nothing.

        When the whole query found nothing, fall back to frequent terms sharing a
        character with it, or to none: terms near nothing typed (the dictionary's first
        policy terms for English, HTML or 宇宙飞船) would only mislead. The candidates
        scored count against ``budget``; suggestions stop where it does.
        """
        out: list[str] = []
        for c in unmatched:
            if len(out) >= 5:
                break
            for cand in self.lexicon.candidates(c.label, limit=3, min_score=45, budget=budget):
                if cand.term not in out:
                    out.append(cand.term)
        if not out and nothing:
            chars = {ch for ch in normalize(query) if is_cjk_word(ch)}
            scored = [
                (df, t)
                for t, df in zip(self.lexicon.terms, self.lexicon.df, strict=True)
                if chars & set(t) and len(t) >= 2
            ]
            out = [t for _, t in sorted(scored, reverse=True)[:5]]
        return tuple(out[:5])

    # -- the query -------------------------------------------------------------------------
    def search(
        self,
        query: str,
        *,
        page: int = 1,
        page_size: int | None = None,
        doc: str | None = None,
        region: str | None = None,
        year: int | None = None,
        correct: bool = True,
        understand: bool = True,
        budget: Budget | None = None,
    ) -> SearchResponse:
        """One page of results. ``correct=False`` searches exactly what was typed;
        ``understand=False`` takes region, year and document-kind words as plain words.
        ``budget`` bounds correction and planning (default: one of :attr:`limits`);
        what it cut short is in the response's notes."""
        budget = budget or Budget(self.limits)
        size = max(1, page_size or self.page_size)
        page = max(1, page)
        parsed = parse_query(query, max_chars=self.max_query_chars)
        if not parsed.positive:
            why = EMPTY
            if parsed.negative:
                why = (Note("only_exclusions", ONLY_EXCLUSIONS_MESSAGE),)
            return SearchResponse(query, (), 0, page, size, message=why[0].text, notes=why)
        facets = Understood()
        if understand:
            found = self.understand(parsed.cleaned)
            if found.facets.any:
                facets = found.facets
                rest = parse_query(found.rest, max_chars=self.max_query_chars)
                if rest.positive:
                    parsed = ParsedQuery(
                        parsed.raw, rest.cleaned, rest.parts, parsed.notes, parsed.note_codes
                    )
        return self._run(parsed, page, size, Filters(doc, region, year), correct, budget, facets)

    def understand(self, text: str):
        """The region, year and document kind ``text`` names (see :mod:`.understand`).
        今年 and 去年 are said against the newest documents of the region asked, when it
        has any (周口 去年 粮食产量 with 周口's 2023 bulletin, out in 2024: 2023), else
        against today."""
        today = self.today().year
        found = self._understand(text, today)
        now = self._region_now(found.facets.region) if found.facets.region else None
        if now is not None and now < today:
            found = self._understand(text, now)
        return found

    def _understand(self, text: str, this_year: int):
        return understand(
            text,
            gazetteer=default_gazetteer(),
            known_regions=self._known_regions,
            this_year=this_year,
        )

    def _region_now(self, region: str) -> int | None:
        """The year the newest documents of ``region`` (or of places in it) were written
        in: a report's own year, a bulletin's the year after the one it reports on."""
        memo = self._region_now_memo
        if region not in memo:
            gazetteer = default_gazetteer()
            years = [
                d.year + (1 if d.doc_type == _BULLETIN else 0)
                for d in self.index.docs
                if d.year and place_in_region(region, d.region, d.region_path, gazetteer)
            ]
            memo[region] = max(years, default=None)
        return memo[region]

    @cached_property
    def _region_now_memo(self) -> dict[str, int | None]:
        return {}

    @cached_property
    def _known_regions(self) -> frozenset[str]:
        """The regions the indexed documents are about, with the places above them."""
        out: set[str] = set()
        for d in self.index.docs:
            if d.region:
                out.add(d.region)
            out.update(d.region_path)
        return frozenset(out)

    @cached_property
    def _facets(self) -> FacetPassages:
        """The passages of the query's region, year and kind (:mod:`.facets`)."""
        me = weakref.proxy(self)  # no cycle: a searcher let go is freed at once
        return FacetPassages(
            self.index,
            scan=lambda *args, **kwargs: me.scan(*args, **kwargs),
            word_hits=lambda word: me._concept_hits(me._concept(word)),
            evict_lock=self._evict_lock,
        )

    @cached_property
    def _window(self) -> Window:
        """The reordering of the best passages of a ranking (:mod:`.window`)."""
        me = weakref.proxy(self)
        return Window(
            self.index,
            heading_table=lambda: me._heading_table,
            sections=lambda: me._normalized_sections,
        )

    def _facet_concepts(self, facets: Understood) -> list[Concept]:
        return self._facets.concepts(facets)

    def _apart_where_asked(
        self, concepts: list[Concept], facets: Understood | None
    ) -> list[Concept]:
        """``concepts`` with each compound that the documents the rest of the query points
        to never write whole looked for as its words, whole first (see :mod:`.apart`)."""
        required = [
            c for c in concepts if not (c.exclude or c.optional or c.soft or c.fixed is not None)
        ]
        region = facets.region if facets and facets.any else None
        if len(required) < 2 and not region:
            return concepts
        ix = self.index
        n_docs = len(ix.docs)
        out = list(concepts)
        for c in required:
            if not c.alternatives or c.label in QUESTION_WORDS:
                continue
            pieces = apart.compound_words(normalize(c.label), self._split_known)
            if not pieces:
                continue
            others = (
                apart.documents_of(self._concept_hits(o)[0], ix.p_doc, n_docs)
                for o in required
                if o is not c
            )
            in_region = self._regions_docs(facets.all_regions) if region and facets else None
            scope = apart.pointed_to(in_region, others, n_docs)
            own = apart.documents_of(self._concept_hits(c)[0], ix.p_doc, n_docs)
            if apart.written_apart(scope, own):
                k = out.index(c)
                out[k : k + 1] = [self._concept(p) for p in pieces] + [replace(c, optional=True)]
        return out

    def _regions_docs(self, regions: tuple[str, ...]) -> np.ndarray:
        """Ids of the documents of every region named (山东 江苏: both provinces')."""
        found = [self._facets.region_docs(r) for r in regions]
        return found[0] if len(found) == 1 else np.unique(np.concatenate(found))

    @property
    def _normalized_sections(self) -> list[tuple[str, ...]]:
        return self._facets.normalized_sections

    def _sections_naming(self, words: tuple[str, ...]) -> np.ndarray:
        return self._facets.sections_naming(words)

    def _run(
        self,
        parsed: ParsedQuery,
        page: int,
        size: int,
        filters: Filters,
        correct: bool,
        budget: Budget,
        facets: Understood | None = None,
    ) -> SearchResponse:
        concepts: list[Concept] = []
        corrections: list[Correction] = []
        for part in parsed.parts:
            cs, cor = self._plan_part(part, budget, correct=correct)
            concepts += cs
            corrections += cor
        concepts = settle_soft(
            framing.soften_generic(
                disjoint(unique(framing.drop_asking(concepts, ASKING_WORDS))), QUESTION_WORDS
            )
        )
        positive = [c for c in concepts if not c.exclude]
        n = self.index.n_passages
        if not positive or n == 0:
            return SearchResponse(parsed.raw, (), 0, page, size, message=EMPTY_MESSAGE, notes=EMPTY)
        facet_concepts = self._facet_concepts(facets) if facets and facets.any else []
        concepts = self._apart_where_asked(concepts, facets)
        past = asks_past(parsed.raw)
        ranked = self._rank(
            concepts,
            page,
            size,
            filters,
            facet_concepts,
            how=asks_how(parsed.raw),
            titled=not past,
            past=past,
        )
        needles = [a.text for c in positive for a in c.alternatives]
        hits = tuple(
            self._hit(int(pid), float(score), needles)
            for pid, score in zip(ranked.pids.tolist(), ranked.scores.tolist(), strict=True)
        )
        suggestions = (
            self._suggestions(ranked.unmatched, parsed.cleaned, ranked.total == 0, budget)
            if ranked.unmatched
            else ()
        )
        cut = budget_notes(budget)
        return SearchResponse(
            query=parsed.raw,
            hits=hits,
            total=ranked.total,
            page=page,
            page_size=size,
            corrections=tuple(corrections),
            suggestions=suggestions,
            message="；".join([*parsed.notes, *(n.text for n in cut)]) or None,
            notes=(*parsed.note_codes, *cut),
            understood=facets if facets and facets.any else None,
        )

    def rank(
        self, query: str, *, page: int = 1, page_size: int = 10, correct: bool = True
    ) -> Ranked:
        """Ranked passage ids only (no snippets): the engine's core work, for benchmarks."""
        parsed = parse_query(query, max_chars=self.max_query_chars)
        budget = Budget(self.limits)
        concepts: list[Concept] = []
        for part in parsed.parts:
            concepts += self._plan_part(part, budget, correct=correct)[0]
        concepts = settle_soft(
            framing.soften_generic(
                disjoint(unique(framing.drop_asking(concepts, ASKING_WORDS))), QUESTION_WORDS
            )
        )
        if not any(not c.exclude for c in concepts) or self.index.n_passages == 0:
            return Ranked(np.zeros(0, np.int64), np.zeros(0, np.float32), 0, [])
        concepts = self._apart_where_asked(concepts, None)
        past = asks_past(parsed.raw)
        return self._rank(
            concepts,
            max(1, page),
            max(1, page_size),
            Filters(),
            how=asks_how(parsed.raw),
            titled=not past,
            past=past,
        )

    def _plan_passages(self, period: str) -> np.ndarray:
        """The passages (ascending) of the documents that are plans of the plan
        ``period`` (see :data:`PLAN_TITLE_WORD`): 十四五 救灾物资 运输 asks for the lines of
        the 十四五 emergency plan, which never repeat 十四五."""
        ix = self.index
        docs = [
            i
            for i, d in enumerate(ix.docs)
            if period in normalize(d.title or "") and PLAN_TITLE_WORD in (d.title or "")
        ]
        if not docs:
            return np.zeros(0, dtype=np.intp)
        return np.flatnonzero(np.isin(ix.p_doc, docs))

    @cached_property
    def _demoted(self) -> np.ndarray:
        """Passages whose prior marks a footnote, caption or copy (1) or not (0), uint8."""
        return (self.index.p_prior <= DEMOTED_PRIOR).astype(np.uint8)

    def _demote(self, matched: np.ndarray) -> np.ndarray:
        """The number of concepts each passage matches, one less for a footnote, caption
        or copy that matches two or more (低保 数据: a note saying 低保相关数据来自市民政局
        ranks at the level of the paragraph holding one of the words, behind it)."""
        return matched - (self._demoted & (matched > 1))

    def _rank(
        self,
        concepts: list[Concept],
        page: int,
        size: int,
        filters: Filters,
        facets: list[Concept] | None = None,
        *,
        how: bool = False,
        titled: bool = True,
        past: bool = False,
    ) -> Ranked:
        runs = tuple(c.label.encode("utf-8") for c in concepts if c.optional)
        positive = [c for c in concepts if not c.exclude and not c.optional and not c.soft]
        soft = [c for c in concepts if c.soft and not c.exclude and not c.optional]
        if not positive:
            positive, soft = soft, []
        words = tuple(
            tuple(a.text for a in c.alternatives)
            for c in positive
            if c.alternatives and c.label not in QUESTION_WORDS
        )
        negative = [c for c in concepts if c.exclude]
        facets = facets or []
        lo, hi = (page - 1) * size, page * size
        alone = (
            len(positive) == 1 and not negative and not filters.active and not facets and not soft
        )
        if alone:
            alts = positive[0].alternatives
            if len(alts) == 1 and len(alts[0].term_ids) == 1 and not alts[0].verify:
                # One term: its postings are already in rank order (impact, then pid).
                pids, impacts = self.index.raw_postings(alts[0].term_ids[0])
                # only the ranks a page can reach are scored (a common term has many)
                reach = min(pids.size, max(hi, QUALITY_WINDOW))
                scores = impacts[:reach].astype(np.float32) * np.float32(self.index.impact_scale)
                top = self._window.ordered(
                    pids[:reach], scores, lo, hi, presorted=True, how=how, past=past
                )
                return Ranked(pids[top], scores[top], int(pids.size), [])
        # a run typed whole (商业航天) that the segmenter cut names a title's subject for
        # each of its words (商业, 航天)
        whole = [normalize(c.label) for c in concepts if c.optional]
        hits = [
            self._with_headings(
                c, self._concept_hits(c), tuple(w for w in whole if normalize(c.label) in w)
            )
            for c in positive
        ]
        unmatched = [c for c, (p, _) in zip(positive, hits, strict=True) if not p.size]
        if alone:
            pids, scores = hits[0]
            pids = np.asarray(pids)
            top = self._window.ordered(pids, scores, lo, hi, how=how, past=past)
            return Ranked(pids[top], scores[top], int(pids.size), unmatched)
        n = self.index.n_passages
        total = np.zeros(n, dtype=np.float32)
        matched = np.zeros(n, dtype=np.uint8)
        # With facets, the question words (目标, 多少 …) are not required of a passage.
        required = np.zeros(n, dtype=bool) if facets else None
        # A concept's passages are distinct (its hits, then those it gains, none twice):
        # the first list added to the zeroed arrays is written, not added (a common
        # word's 115,000 passages at 100 MB: 0.14 + 0.13 ms, against 0.24 + 0.20 ms for
        # np.add.at). Of two lists the longer is written: a + b is b + a, the same sums.
        order = list(range(len(positive)))
        if len(order) == 2 and hits[1][0].size >= hits[0][0].size:
            order.reverse()  # the shorter (of equal ones the first) is added: `min` below
        written = False
        if len(order) == 2 and TWO_LIST_TIER and not (soft or negative or facets or filters.active):
            # Two words: when at least hi passages on both lists are not demoted, they
            # are the first tier and the page lies in it. It is found on the shorter
            # list with the longer one's scores written (a passage is on it when its
            # score is, scores being positive): no count per passage, no level, no scan
            # of every passage (~0.2 ms for a common word at 100 MB). The same sums
            # (the shorter's added to the longer's), tier, order and total.
            (longer, long_scores), (shorter, short_scores) = hits[order[0]], hits[order[1]]
            lp = np.asarray(longer, dtype=np.intp)
            sp = np.asarray(shorter, dtype=np.intp)
            total[lp] = long_scores
            written = True
            both = total[sp] > 0
            first = both & (self._demoted[sp] == 0)
            if np.count_nonzero(first) >= hi:
                tier = sp[first]
                sums = total[tier] + np.asarray(short_scores, dtype=np.float32)[first]
                picked = self._window.ordered(
                    tier, sums, lo, hi, runs=runs, words=words, how=how, titled=titled, past=past
                )
                union = lp.size + sp.size - int(np.count_nonzero(both))
                return Ranked(tier[picked], sums[picked], union, unmatched)
        for i in order:
            c, (pids, scores) = positive[i], hits[i]
            p = np.asarray(pids, dtype=np.intp)
            if i == order[0]:
                if not written:
                    total[p] = scores
                matched[p] = 1
            else:
                # add.at with explicit arrays is numpy's fast path (a scalar is ~50x slower).
                np.add.at(total, p, np.asarray(scores, dtype=np.float32))
                np.add.at(matched, p, np.ones(p.size, dtype=np.uint8))
            if required is not None and c.label not in QUESTION_WORDS:
                required[p] = True
        for c in soft:
            pids, scores = self._concept_hits(c)
            p = np.asarray(pids, dtype=np.intp)
            np.add.at(total, p, np.asarray(scores, dtype=np.float32) * np.float32(SOFT_WEIGHT))
        # Each passage's level, 0 for a passage that is no candidate: the number of
        # concepts it matches, and with facets, at one number, those of what the query
        # names first. Whole-corpus array operations, which run at memory speed, find
        # the candidates and the best level; picking the candidates out first and
        # working on them cost more than that at every corpus size.
        if required is None:
            level = self._demote(matched)  # every word of the query is required
        else:
            # A facet alone (a passage of a 山东 document) is no match; but when the
            # words left are only question words (贵州 2035年 目标), the facets are
            # what is asked.
            on_facets = np.zeros(n, dtype=np.uint8)
            for pids, scores in (c.fixed for c in facets if c.fixed is not None):
                p = np.asarray(pids, dtype=np.intp)
                np.add.at(total, p, np.asarray(scores, dtype=np.float32))
                np.add.at(matched, p, np.ones(p.size, dtype=np.uint8))
                np.add.at(on_facets, p, np.ones(p.size, dtype=np.uint8))
            for c in facets:
                if c.first is not None:
                    on_facets[c.first] += np.uint8(1)
            if all(c.label in QUESTION_WORDS for c in positive):
                required = matched >= len(facets)
            level = self._demote(matched).astype(np.int32) * (2 * len(facets) + 1) + on_facets
            level[~required] = 0
        for c in negative:
            level[np.asarray(self._concept_hits(c)[0], dtype=np.intp)] = 0
        mask = self._filter_mask(filters)
        if mask is not None:
            level[~mask] = 0
        # Passages matching more concepts always rank first: rank tier by tier, and
        # only as many tiers as the page needs (usually just the first, and small).
        # A tier of passages on every list added (all the words, all the facets) lies
        # in the shortest list: looked for there, not across every passage (finding
        # 18,000 scattered passages among 174,000 took np.flatnonzero ~0.2 ms).
        lists = [p for p, _ in hits] + [c.fixed[0] for c in facets if c.fixed is not None]
        shortest = np.asarray(min(lists, key=len), dtype=np.intp)
        stride = 2 * len(facets) + 1  # levels per number of lists matched
        chosen: list[np.ndarray] = []
        seen = 0
        top = level.max(initial=0)
        while top > 0 and seen < hi:
            if top // stride == len(lists):
                tier = shortest[level[shortest] == top]
            else:
                tier = np.flatnonzero(level == top)
            picked = self._window.ordered(
                tier,
                total[tier],
                max(0, lo - seen),
                hi - seen,
                runs=runs,
                words=words,
                how=how,
                titled=titled,
                past=past,
            )
            chosen.append(tier[picked])
            seen += tier.size
            if seen < hi:
                top = level.max(where=level < top, initial=0)
        picked = np.concatenate(chosen) if chosen else np.zeros(0, dtype=np.intp)
        return Ranked(picked, total[picked], int(np.count_nonzero(level)), unmatched)

    def passages_containing(self, text: str, *, doc_id: str | None = None, limit: int = 5):
        """Hits for the passages whose text contains ``text`` (a bounded scan), optionally
        of one document: where a sentence was said (the answer card's passage)."""
        ix = self.index
        pids = self.scan(normalize(text), limit=SCAN_LIMIT)
        out: list[SearchHit] = []
        for pid in pids.tolist():
            if doc_id is not None and ix.docs[int(ix.p_doc[pid])].doc_id != doc_id:
                continue
            out.append(self._hit(int(pid), 0.0, [normalize(text)]))
            if len(out) >= limit:
                break
        return out

    def _hit(self, pid: int, score: float, needles: list[str]) -> SearchHit:
        ix = self.index
        info = ix.docs[int(ix.p_doc[pid])]
        text = self.passage_text(pid)
        spans = find_spans(normalize(text), needles)
        snippet, highlights = make_snippet(text, spans, width=self.snippet_chars)
        return SearchHit(
            doc_id=info.doc_id,
            filename=info.filename,
            title=info.title,
            section=ix.sections[int(ix.p_section[pid])],
            passage_ordinal=int(ix.p_ord[pid]),
            text=text,
            snippet=snippet,
            highlights=highlights,
            score=round(score, 4),
            region=info.region,
            year=info.year,
            url=info.extra.get("url"),
        )
