"""Query execution: concepts, synonyms, typo correction, BM25 ranking, snippets.

A query is a list of *concepts* (the words the user typed, after correction); each
concept has *alternatives* (the word and its synonyms), each alternative one index
term or several that must stand together (verified on the passage text). A
passage scores, per concept, its best alternative's BM25 contribution; passages
that match more concepts always rank above passages that match fewer.
"""

from __future__ import annotations

import re
import threading
import weakref
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import cached_property
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz

from bot.corpus.gazetteer import (
    default_gazetteer,
)
from bot.models import NOTE_QUERY, Correction, Note, SearchResponse, Understood
from bot.search import framing, region_first, shares
from bot.search.asking import (
    ASKING_WORDS,
    GROUPED_WINDOW,
    QUESTION_WORDS,
    SENTENCE_WORDS,
    Asking,
    asks_which_places,
    documents_first,
    settle_soft,
)
from bot.search.budget import Budget, Limits
from bot.search.concepts import Alternative, Concept, disjoint, unique
from bot.search.contractions import expansions
from bot.search.correct import Corrector
from bot.search.facets import FacetPassages
from bot.search.fuzzy import Lexicon
from bot.search.heading_gains import HeadingGains
from bot.search.headings import LOOSE_MAX_HITS, Gain, heading_gain
from bot.search.hits import SCAN_LIMIT, SYNONYM_WEIGHT, Hits
from bot.search.index import CompiledIndex
from bot.search.parts_written import parts_written
from bot.search.passage_hits import PassageHits
from bot.search.places_asked import PlacesAsked
from bot.search.query import (
    TIME_IGNORED,
    ParsedQuery,
    fold_query,
    parse_query,
    spaces_closed,
)
from bot.search.query_plan import QueryPlan
from bot.search.reading import QueryReading
from bot.search.results import (
    EMPTY,
    EMPTY_MESSAGE,
    ONLY_EXCLUSIONS_MESSAGE,
    Filters,
    Ranked,
    ambiguous_place_notes,
    budget_notes,
    part_notes,
    unfound_word_notes,
)
from bot.search.understand import period_spans_named
from bot.search.window import ASKS_NOTHING, QUALITY_WINDOW, Window
from bot.search.written_as import WrittenAs
from bot.text.english import (
    english_terms,
)
from bot.text.normalize import normalize
from bot.text.synonyms import Synonyms
from bot.text.tokenize import STOPWORDS, Tokenizer, has_cjk, is_cjk_word

MEMO_SIZE = 50_000
# Passages whose body-text prior is at most this (footnotes, table and figure captions,
# truncated copies) count one matched word less when ranked by words matched (fresh dev
# queries r205-r250: 0.4 fixed a data-source note, 0.5 a table caption too; no other
# query of the dev set or the bundled gate moved).
DEMOTED_PRIOR = 0.5
# The words asking a plan's goal (see ``HeadingGains._with_goal_openings``).
GOAL_WORDS = frozenset(
    {"目标", "主要目标", "发展目标", "预期目标", "奋斗目标", "远景目标", "目标任务"}
)
_YEAR_FACET = re.compile(r"^year:((?:19|20)\d\d)$")


def _asked_year(facets: list[Concept] | None) -> int | None:
    """The year a query's facets name (``year:2027``), or None."""
    for f in facets or ():
        m = _YEAR_FACET.match(f.label)
        if m:
            return int(m.group(1))
    return None


# Whether a query of two words looks for its first tier on the shorter list alone when
# that tier fills the page (``_rank``; off, every passage's level is counted: the same
# ranks, which the tests compare).
TWO_LIST_TIER = True
# A document whose title names a plan period and this word (“十四五”国家应急体系规划) is a plan
# of that period: its lines hold the period though they do not repeat it.
PLAN_TITLE_WORD = "规划"
# Parts of an unwritten word never searched for it: how a question asks, not what about.
_PARTS_LEFT_OUT = frozenset(STOPWORDS) | frozenset(ASKING_WORDS) | frozenset(QUESTION_WORDS)
# How much a soft word found in a passage adds, as a share of its score.
SOFT_WEIGHT = 0.5


# The reader's shorter word (:meth:`Searcher._contracted`): the longest word read so, and
# how many passages of its rarest piece are read for the longer words it contracts.
CONTRACTED_MAX_CHARS = 5
CONTRACTED_READS = 400


def _dictionary_read_soft(concepts: list[Concept]) -> list[Concept]:
    """``concepts`` with each English word found only as the dictionary's reading of it
    (airport: 机场) soft: in a query that holds Chinese words, those say what is asked,
    and a reading that may be wrong only adds to the passages they find. In a query
    typed wholly in English the readings are all it has, and stay required, also beside
    the words the glossary wrote in Chinese (emergency management informatization: 应急管理
    is the glossary's, 信息化 the dictionary's; the callers ask of the query as typed)."""
    return [
        replace(c, soft=True)
        if c.read_as and all(a.text in c.read_as for a in c.alternatives)
        else c
        for c in concepts
    ]


class Searcher(HeadingGains, QueryPlan, WrittenAs, QueryReading, PlacesAsked, PassageHits):
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
        english_cache: Path | None = None,
        english_cache_writable: bool = True,
    ) -> None:
        self.index = index
        # where the bilingual dictionary's derived table is kept (None: read it each process)
        self.english_cache = english_cache
        self.english_cache_writable = english_cache_writable
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
        # not the pinyin of the frequent terms (pinyin_terms, 40-60 ms at 10 MB): most
        # readers type Chinese, and a reopen paid for it (0.40 -> 0.46 s at 10 MB); the
        # first query with a Latin word long enough to be pinyin makes it

    # -- text access -------------------------------------------------------------------
    def passage_text(self, pid: int) -> str:
        return self.index.passage_text(pid)

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

    # here, not in heading_gains: tests switch this module's heading_gain to see it is not called
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

    def _contracted(self, word: str) -> list[Alternative]:
        """The longer words the corpus writes that ``word`` contracts (快递量: 快递业务量;
        :mod:`.contractions`), as alternatives: only for a word the index holds as no
        term that the segmenter cuts a lone character off (快递|量: the reader's short
        form leaves one), read in the passages that best hold its rarest piece."""
        pieces = [w for w in self.tokenizer.cut(word) if w.strip()]
        if not (3 <= len(word) <= CONTRACTED_MAX_CHARS and has_cjk(word) and len(pieces) > 1):
            return []
        if not any(len(p) == 1 for p in pieces) or self._known_term(word):
            return []
        ids = [self.index.term_ids.get(p) for p in pieces if len(p) > 1]
        if not ids or any(t is None for t in ids):
            return []
        rarest = min((t for t in ids if t is not None), key=self.index.df)
        pids = self.index.raw_postings(rarest)[0][:CONTRACTED_READS]
        out: list[Alternative] = []
        for longer in expansions(pieces, self.index.passages_norm_texts(pids)):
            alt = self._alternative(longer)
            if alt is not None and longer != word:
                out.append(alt)
        return out

    def phrase_exists(self, text: str) -> bool:
        """Does ``text`` occur in some passage (checked through the index)?"""
        return self._memoised("exists", text, False, lambda: self._phrase_exists(text))

    def _phrase_exists(self, text: str) -> bool:
        alt = self._alternative(text)
        if alt is None:
            return False
        if not alt.verify:
            return True  # an index term: it occurs by construction
        return self._hits.phrase_present(alt, text)

    @cached_property
    def _corrector(self) -> Corrector:
        """Typo correction and suggestions (:mod:`.correct`)."""
        return Corrector(self)

    @cached_property
    def _hits(self) -> Hits:
        """The passages of alternatives, concepts and scanned words (:mod:`.hits`)."""
        return Hits(self.index, self._evict_lock)

    def scan(self, needle: str, *, limit: int = SCAN_LIMIT) -> np.ndarray:
        """Passages whose normalised text contains ``needle`` (:meth:`.hits.Hits.scan`)."""
        return self._hits.scan(needle, limit=limit)

    def _filter_mask(self, filters: Filters) -> np.ndarray | None:
        if not filters.active:
            return None
        gazetteer = default_gazetteer() if filters.region else None
        wanted = [i for i, d in enumerate(self.index.docs) if filters.admits(d, gazetteer)]
        return np.isin(self.index.p_doc, np.asarray(wanted, dtype=np.uint32))

    def clear_memo(self) -> None:
        """Forget memoised query planning, byte scans and checked texts (benchmarks use it
        to time cold queries)."""
        self._memo.clear()
        self._hits.clear()
        self._documents_memo.clear()

    def _find_known(self, word: str) -> bool:
        if len(word) < 2 or not has_cjk(word) or word not in self.synonyms:
            return False
        return any(self.phrase_exists(v) for v in self.synonyms.expand(word))

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
        query = fold_query(query)  # 请问 ＧＤＰ 二〇二六年 read as GDP 2026年
        query = self.spaced_words_joined(query)  # 赤字 率, 十九 大: one word typed apart
        typed, fixes = query, self._english_fixes(query) if correct else []
        for wrong, right in fixes:
            query = re.sub(rf"(?<![A-Za-z]){re.escape(wrong)}(?![A-Za-z])", right, query)
        if fixes:
            resp = self.search(
                query, page=page, page_size=size, doc=doc, region=region, year=year,
                understand=understand, budget=budget,
            )  # fmt: skip
            # the query as typed, its English words' corrections first (the others are
            # of the corrected text: corrected_query applies them in this order)
            english = tuple(Correction(w, r, round(fuzz.ratio(w.lower(), r), 1)) for w, r in fixes)
            return replace(resp, query=typed, corrections=(*english, *resp.corrections))
        parsed = self._parse(query)
        if not parsed.positive:
            why = EMPTY
            if parsed.negative:
                why = (Note("only_exclusions", ONLY_EXCLUSIONS_MESSAGE, reach=NOTE_QUERY),)
            # a time alone (9:00): said why it was not searched, then what a search takes
            why = (*(n for n in parsed.note_codes if n.code == TIME_IGNORED), *why)
            said = "；".join(n.text for n in why)
            return SearchResponse(query, (), 0, page, size, message=said, notes=why)
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
            elif (named := period_spans_named(parsed.cleaned)) != parsed.cleaned:
                # nothing understood: the period's span word (期间, 时期) still goes
                rest = parse_query(named, max_chars=self.max_query_chars)
                if rest.positive:
                    parsed = ParsedQuery(
                        parsed.raw, rest.cleaned, rest.parts, parsed.notes, parsed.note_codes
                    )
        filters = Filters(doc, region, year, self._excluded_regions(parsed) if understand else ())
        return self._run(parsed, page, size, filters, correct, budget, facets)

    @cached_property
    def _facets(self) -> FacetPassages:
        """The passages of the query's region, year and kind (:mod:`.facets`)."""
        me = weakref.proxy(self)  # no cycle: a searcher let go is freed at once
        return FacetPassages(
            self.index,
            scan=self._hits.scan,
            word_hits=lambda word: me._hits.concept_hits(me._concept(word)),
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

    def _hits_once(
        self, wholes: bool = False
    ) -> Callable[[Concept], tuple[np.ndarray, np.ndarray]]:
        """The hits of a concept (``Hits.concept_hits``), worked out once per query:
        :meth:`_apart_where_asked` reads those of every other word for each compound
        and :meth:`_rank` those of every word again (each time a common word's postings
        converted to scores). Keyed by the concept object, held while the query runs.
        With ``wholes``, a passage naming a word only as the whole of a share (占GDP比重)
        keeps a share of its score (:mod:`.shares`)."""
        found: dict[int, tuple[Concept, tuple[np.ndarray, np.ndarray]]] = {}

        def hits_of(concept: Concept) -> tuple[np.ndarray, np.ndarray]:
            entry = found.get(id(concept))
            if entry is None:
                got = self._hits.concept_hits(concept)
                if wholes:
                    got = self._as_wholes(concept, got)
                entry = found[id(concept)] = (concept, got)
            return entry[1]

        return hits_of

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
        if has_cjk(parsed.raw):
            concepts = _dictionary_read_soft(concepts)
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
        asked = spaces_closed(parsed.raw)  # 哪些 省份, 占 GDP 比重: asked as typed together
        hits_of = self._hits_once(wholes=not shares.asks_share(asked))
        concepts = self._apart_where_asked(concepts, facets, hits_of)
        grouped = asks_which_places(asked)

        def ranked_by(concepts: list[Concept]) -> Ranked:
            return self._rank(
                concepts,
                1 if grouped else page,
                max(page * size, GROUPED_WINDOW) if grouped else size,
                filters,
                facet_concepts,
                asking=_asking_of(parsed, corrections),
                hits_of=hits_of,
            )

        concepts, ranked = self._ranked_with_parts(concepts, hits_of, ranked_by)
        if grouped:  # 哪些省份…: each document's best passage first, then the page
            ranked = self._documents_first(ranked, page, size)
        needles = [a.text for c in positive for a in c.alternatives]
        hits = tuple(
            self._hit(int(pid), float(score), needles)
            for pid, score in zip(ranked.pids.tolist(), ranked.scores.tolist(), strict=True)
        )
        # a word of asking (多少, 几家, 如何) is how the question asks, never a word the
        # documents must hold: none found is no typo, and "did you mean" 减少 or 多元 for
        # 多少 only misleads when every word asked about was found
        unfound = [c for c in ranked.unmatched if not _asking(c.label)]
        # a Chinese word no passage holds is said back (火星2026年GDP目标 searched without
        # 火星); one the dictionary holds is typed right: no look-alikes (卫星、火灾) for it
        said = [
            c.label
            for c in unfound
            if not c.exclude and len(c.label) > 1 and is_cjk_word(c.label) and not c.read_as
        ]
        typed_right = {w for w in said if self.tokenizer.has_word(w)}
        near = [c for c in unfound if c.label not in typed_right]
        suggestions = self._corrector.suggestions(near, ranked.total == 0, budget) if near else ()
        remarks = [
            *ambiguous_place_notes(parsed.raw),
            *unfound_word_notes(said, typed_right.__contains__),
            *part_notes([c for c in concepts if c.part_of]),
            *budget_notes(budget),
        ]
        understood = facets if facets and facets.any else None
        read = dict((c.label, c.read_as) for c in positive if c.read_as)
        if english := (*_glossed(parsed.raw, understood, read), *read.items()):
            understood = replace(understood or Understood(), english=english)
        return SearchResponse(
            query=parsed.raw,
            hits=hits,
            total=ranked.total,
            page=page,
            page_size=size,
            corrections=tuple(corrections),
            suggestions=suggestions,
            message="；".join([*parsed.notes, *(n.text for n in remarks)]) or None,
            notes=(*parsed.note_codes, *remarks),
            understood=understood,
            by_document=grouped,
        )

    def _ranked_with_parts(
        self,
        concepts: list[Concept],
        hits_of: Callable[[Concept], tuple[np.ndarray, np.ndarray]],
        ranked_by: Callable[[list[Concept]], Ranked],
    ) -> tuple[list[Concept], Ranked]:
        """``concepts`` ranked by ``ranked_by``; when a word no passage holds is left, the
        concepts with its written parts (:meth:`_with_parts`) ranked again (rare: the rest
        of the queries pay nothing for it, their concepts' hits never made twice)."""
        ranked = ranked_by(concepts)
        if ranked.unmatched and (parted := self._with_parts(concepts, hits_of)) is not concepts:
            return parted, ranked_by(parted)
        return concepts, ranked

    def _with_parts(
        self,
        concepts: list[Concept],
        hits_of: Callable[[Concept], tuple[np.ndarray, np.ndarray]],
    ) -> list[Concept]:
        """``concepts`` with the written parts of a word no passage holds as soft words
        (:mod:`.parts_written`); the segmenter's search-mode pieces are the index's own."""
        return parts_written(
            concepts,
            hits_of=hits_of,
            cut=self.tokenizer.cut_for_search,
            held=self.index.term_ids.__contains__,
            concept_of=self._concept,
            left_out=_PARTS_LEFT_OUT,
            is_word=is_cjk_word,
        )

    def _documents_first(self, ranked: Ranked, page: int, size: int) -> Ranked:
        """The page ``page`` of ``ranked`` (its first pages, from the top) once the first
        ``GROUPED_WINDOW`` passages are regrouped, each document's best one first."""
        head = min(GROUPED_WINDOW, ranked.pids.size)
        order = np.asarray(
            documents_first(self.index.p_doc[ranked.pids[:head]].tolist()), dtype=np.intp
        )
        pids = np.concatenate([ranked.pids[:head][order], ranked.pids[head:]])
        scores = np.concatenate([ranked.scores[:head][order], ranked.scores[head:]])
        lo, hi = (page - 1) * size, page * size
        return replace(ranked, pids=pids[lo:hi], scores=scores[lo:hi])

    def rank(
        self, query: str, *, page: int = 1, page_size: int = 10, correct: bool = True
    ) -> Ranked:
        """Ranked passage ids only (no snippets): the engine's core work, for benchmarks."""
        parsed = self._parse(query)
        budget = Budget(self.limits)
        concepts: list[Concept] = []
        corrections: list[Correction] = []
        for part in parsed.parts:
            cs, cor = self._plan_part(part, budget, correct=correct)
            concepts += cs
            corrections += cor
        if has_cjk(parsed.raw):
            concepts = _dictionary_read_soft(concepts)
        concepts = settle_soft(
            framing.soften_generic(
                disjoint(unique(framing.drop_asking(concepts, ASKING_WORDS))), QUESTION_WORDS
            )
        )
        if not any(not c.exclude for c in concepts) or self.index.n_passages == 0:
            return Ranked(np.zeros(0, np.int64), np.zeros(0, np.float32), 0, [])
        hits_of = self._hits_once()
        concepts = self._apart_where_asked(concepts, None, hits_of)

        def ranked_by(concepts: list[Concept]) -> Ranked:
            return self._rank(
                concepts,
                max(1, page),
                max(1, page_size),
                Filters(),
                asking=_asking_of(parsed, corrections),
                hits_of=hits_of,
            )

        return self._ranked_with_parts(concepts, hits_of, ranked_by)[1]

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

    def _demote(self, matched: np.ndarray, asking: Asking = ASKS_NOTHING) -> np.ndarray:
        """The number of concepts each passage matches, one less for a footnote, caption
        or copy that matches two or more (低保 数据: a note saying 低保相关数据来自市民政局
        ranks at the level of the paragraph holding one of the words, behind it); none
        less when the query asks what a term means (the note defining it is the answer,
        ``Asking.meaning``), nor when it asks what a note explains (``Asking.noted``)."""
        if asking.notes_kept:
            return matched
        return matched - (self._demoted & (matched > 1))

    def _rank(
        self,
        concepts: list[Concept],
        page: int,
        size: int,
        filters: Filters,
        facets: list[Concept] | None = None,
        *,
        asking: Asking = ASKS_NOTHING,
        hits_of: Callable[[Concept], tuple[np.ndarray, np.ndarray]] | None = None,
    ) -> Ranked:
        hits_of = hits_of or self._hits.concept_hits
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
        # a word alone is ranked without its words (no title or sentence shares), but a
        # question of its meaning looks for the note defining it (``Window.ordered``)
        meant = words if asking.meaning else ()
        if alone:
            alts = positive[0].alternatives
            if len(alts) == 1 and len(alts[0].term_ids) == 1 and not alts[0].verify:
                # One term: its postings are already in rank order (impact, then pid).
                pids, stored = self.index.postings(alts[0].term_ids[0])
                # only the ranks a page can reach are read (a common term has many); the
                # stored float32 scores are the product this path made of the impacts
                reach = min(pids.size, max(hi, QUALITY_WINDOW))
                scores = stored[:reach]
                top = self._window.ordered(
                    pids[:reach], scores, lo, hi, presorted=True, asking=asking, words=meant
                )
                return Ranked(pids[top], scores[top], int(pids.size), [])
        # a run typed whole (商业航天) that the segmenter cut names a title's subject for
        # each of its words (商业, 航天)
        whole = [normalize(c.label) for c in concepts if c.optional]
        hits = [
            self._with_headings(c, hits_of(c), tuple(w for w in whole if normalize(c.label) in w))
            for c in positive
        ]
        year = _asked_year(facets)
        if year is not None:
            hits = [
                self._with_goal_openings(c, h, year) if c.label in GOAL_WORDS else h
                for c, h in zip(positive, hits, strict=True)
            ]
        unmatched = [c for c, (p, _) in zip(positive, hits, strict=True) if not p.size]
        if alone:
            pids, scores = hits[0]
            pids = np.asarray(pids)
            top = self._window.ordered(pids, scores, lo, hi, asking=asking, words=meant)
            return Ranked(pids[top], scores[top], int(pids.size), unmatched)
        n = self.index.n_passages
        total = np.zeros(n, dtype=np.float32)
        matched = np.zeros(n, dtype=np.uint8)
        # With facets, the question words (目标, 多少 …) are not required of a passage.
        required = np.zeros(n, dtype=bool) if facets else None
        asked = np.zeros(n, dtype=bool) if facets else None
        # A passage holding a concept only through a kind (高铁 for 交通) adds the kind's
        # score but is not counted as holding the word: lifted into every word's tier it
        # passed the line writing the word itself (a task line writing 走廊 and 高铁 above
        # the note defining 综合交通走廊, r3789). Of a query of one word the kind is the match.
        by_kind = [self._hits.kinds_only(c) for c in positive] if len(positive) > 1 else []
        kinds_apart = any(k.size for k in by_kind)
        # A concept's passages are distinct (its hits, then those it gains, none twice):
        # the first list added to the zeroed arrays is written, not added (a common
        # word's 115,000 passages at 100 MB: 0.14 + 0.13 ms, against 0.24 + 0.20 ms for
        # np.add.at). Of two lists the longer is written: a + b is b + a, the same sums.
        order = list(range(len(positive)))
        if len(order) == 2 and hits[1][0].size >= hits[0][0].size:
            order.reverse()  # the shorter (of equal ones the first) is added: `min` below
        written = False
        if (
            len(order) == 2
            and TWO_LIST_TIER
            and not (soft or negative or facets or filters.active or kinds_apart)
        ):
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
            first = both if asking.notes_kept else both & (self._demoted[sp] == 0)
            if np.count_nonzero(first) >= hi:
                tier = sp[first]
                sums = total[tier] + np.asarray(short_scores, dtype=np.float32)[first]
                picked = self._window.ordered(
                    tier,
                    sums,
                    lo,
                    hi,
                    runs=runs,
                    words=words,
                    asking=asking,
                )
                union = lp.size + sp.size - int(np.count_nonzero(both))
                return Ranked(tier[picked], sums[picked], union, unmatched)
        for i in order:
            c, (pids, scores) = positive[i], hits[i]
            p = np.asarray(pids, dtype=np.intp)
            held = p
            if kinds_apart and by_kind[i].size:
                held = p[~np.isin(p, by_kind[i])]
            if i == order[0]:
                if not written:
                    total[p] = scores
                matched[held] = 1
            else:
                # add.at with explicit arrays is numpy's fast path (a scalar is ~50x slower).
                np.add.at(total, p, np.asarray(scores, dtype=np.float32))
                np.add.at(matched, held, np.ones(held.size, dtype=np.uint8))
            if required is not None:
                (asked if c.label in QUESTION_WORDS else required)[p] = True
        for c in soft:
            pids, scores = hits_of(c)
            p = np.asarray(pids, dtype=np.intp)
            np.add.at(total, p, np.asarray(scores, dtype=np.float32) * np.float32(SOFT_WEIGHT))
        # Each passage's level, 0 for a passage that is no candidate: the number of
        # concepts it matches, and with facets, at one number, those of what the query
        # names first. Whole-corpus array operations, which run at memory speed, find
        # the candidates and the best level; picking the candidates out first and
        # working on them cost more than that at every corpus size.
        # Every level of the passages below ``span``; those of the region named are lifted
        # above it (:mod:`.region_first`).
        if required is None and not negative and not filters.active:
            first = self._first_tier(hits, matched, hi, asking)
            if first is not None:
                picked = first[
                    self._window.ordered(
                        first, total[first], lo, hi, runs=runs, words=words, asking=asking
                    )
                ]
                # a passage matching a word has level 1 or more: the levels' count
                return Ranked(picked, total[picked], int(np.count_nonzero(matched)), unmatched)
        span = (len(positive) + len(facets) + 1) * (2 * len(facets) + 1)
        if required is None:
            level = self._demote(matched, asking)  # every word of the query is required
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
            homes = [c.home for c in facets if c.home is not None]
            if all(c.label in QUESTION_WORDS for c in positive):
                required = matched >= len(facets)
            elif homes and asked is not None:
                # In the documents of the place named, a line holding only the question
                # words (上海 农机化 目标任务: 农业机械化发展目标任务) is a candidate as it is
                # with no place named: the place ranks its documents first, it does not
                # narrow them to the lines holding the rarer word.
                q = np.flatnonzero(asked)
                home_docs = np.unique(np.concatenate(homes))
                required[q[np.isin(self.index.p_doc[q], home_docs)]] = True
            level = (
                self._demote(matched, asking).astype(np.int32) * (2 * len(facets) + 1) + on_facets
            )
            level[~required] = 0
            level = region_first.lift(
                level, self.index.p_doc, homes, span, self.index.doc_first_pid
            )
        for c in negative:
            level[np.asarray(hits_of(c)[0], dtype=np.intp)] = 0
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
            if region_first.within(top, span) // stride == len(lists):
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
                asking=asking,
            )
            chosen.append(tier[picked])
            seen += tier.size
            if seen < hi:
                top = level.max(where=level < top, initial=0)
        picked = np.concatenate(chosen) if chosen else np.zeros(0, dtype=np.intp)
        return Ranked(picked, total[picked], int(np.count_nonzero(level)), unmatched)

    def _first_tier(
        self,
        hits: list[tuple[np.ndarray, np.ndarray]],
        matched: np.ndarray,
        hi: int,
        asking: Asking,
    ) -> np.ndarray | None:
        """Every word required, none excluded, no filter: the passages on every list and
        not demoted (:meth:`_demote`), in the shortest list's order, when they fill the
        page (``hi``), else None. They are the first tier :meth:`_rank` finds from every
        passage's level, in the same order: looked for in the shortest list, the level
        of every passage and its maximum are not worked out (~50 µs at 100 MB)."""
        shortest = np.asarray(min((p for p, _ in hits), key=len), dtype=np.intp)
        first = shortest[matched[shortest] == len(hits)]
        if len(hits) > 1 and not asking.notes_kept:
            # the flags read for the passages on every list only (often a tenth of the
            # shortest list), not for the whole list: the same passages in the same order
            first = first[self._demoted[first] == 0]
        return first if first.size >= hi else None


def _asking_of(parsed: ParsedQuery, corrections: list[Correction]) -> Asking:
    """How the query asks, read with the spaces between its Chinese words closed (双高 计划
    是 什么 意思 asks a meaning as 双高计划是什么意思 does: :func:`spaces_closed`)."""
    read = spaces_closed(parsed.cleaned)
    return Asking.of(spaces_closed(parsed.raw), read, _corrected(read, corrections))


def _corrected(read: str, corrections: list[Correction]) -> str:
    """``read`` with the typo corrections of its words made (宁夏 城镇化律 -> 宁夏 城镇化率):
    how the query asks is read from the words the search looks for. Empty when nothing
    was corrected (the query is then read as typed)."""
    if not corrections:
        return ""
    for c in corrections:
        read = read.replace(c.original, c.corrected)
    return read


def _glossed(
    raw: str, understood: Understood | None, read: dict[str, tuple[str, ...]]
) -> list[tuple[str, tuple[str, ...]]]:
    """The glossary's readings of what was typed (``new quality productive forces`` ->
    新质生产力), said back as the dictionary's are: the words were searched as the term,
    and a reader who typed English sees what. An indicator or kind the line names already
    (grain output: 指标 粮食产量; work report: 类型 政府工作报告) is not said twice."""
    said = {understood.indicator, understood.doc_type} - {None} if understood else set()
    out: list[tuple[str, tuple[str, ...]]] = []
    for lo, hi, term in english_terms(raw):
        typed = raw[lo:hi]
        if term not in said and typed not in read:
            said.add(term)
            out.append((typed, (term,)))
    return out


def _asking(word: str) -> bool:
    """Whether ``word`` is a word of asking (多少, 什么, 几家, 目标), not of the topic."""
    return (
        word in SENTENCE_WORDS
        or word in QUESTION_WORDS
        or word in ASKING_WORDS
        or framing.asks_count(word)
    )
