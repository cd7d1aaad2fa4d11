"""The search engine as the rest of the program sees it.

``Engine.open(settings)`` brings the persisted index up to date with the corpus
folder (reading only what changed) and opens it; the engine then answers
searches and document look-ups. It holds no Telegram or console code.

Threads
-------
An engine is used from one *core* thread (the bot's single worker) for look-ups and
swaps, and :meth:`Engine.search` also from the *search* threads (``bot.blocking``),
several at once: the ``Searcher`` is thread-safe (read-only index, memo tables of
atomic dictionary operations, a budget per request), made once under a lock, and a
search takes it once, so it reads one index even while the core thread swaps another
in. Changing the corpus is split so that the slow part does not hold up searches:

* off the core thread (any thread; writers take turns on the index lock, which
  also excludes a CLI refresh in another process): :meth:`Engine.prepare_refresh`,
  :meth:`Engine.add_upload` and :meth:`Engine.remove_document` with
  ``reopen=False``. They read and segment documents, write per-document caches,
  merge a new compiled index beside the live one and swap it in on disk, then open
  it into an :class:`IndexUpdate` (a new ``CompiledIndex`` and a warmed ``Searcher``).
  They never touch the engine's current index or searcher.
* on the core thread: :meth:`Engine.reopen`, which swaps an update in (a few
  attribute assignments), and everything else.

Why searching meanwhile is safe: the old ``CompiledIndex`` read everything it needs
at open time or holds memory maps, and the on-disk swap only renames its folder away
and deletes it, which leaves open maps valid (Linux/macOS semantics). Document text
and target look-ups read per-document cache files, which a refresh replaces one file
at a time by rename (a rebuild too); between the disk swap and :meth:`reopen`,
``document()``/``targets()`` of a *replaced* document may already show the new
version's text and targets, and those of a *removed* document are gone
(``document()`` raises :class:`DocumentNotFound`). The shared tokenizer and
indicator table are read-only once loaded.

The engine is put together from one mixin per concern: :mod:`~bot.library.documents`,
:mod:`~bot.library.targets`, :mod:`~bot.library.digests`, :mod:`~bot.library.refresh`
and :mod:`~bot.library.uploads`.
"""

from __future__ import annotations

import functools
import logging
import re
import threading
from dataclasses import replace

from bot.config import Settings
from bot.corpus.gazetteer import NATIONAL, default_gazetteer
from bot.corpus.regions import place_in_region
from bot.library.analytics import (
    AnalyticsMixin,
    ChangesMixin,
    ChartsMixin,
    ScorecardChartMixin,
)
from bot.library.answers import (
    asked_indicator,
    asks_growth,
    asks_places,
    asks_result,
    asks_time,
    best_answer,
    card,
    compared,
    comparison_cards,
    in_written_order,
    lead_with_answer,
    named_in,
    named_partly,
    names_only_indicator,
    of_the_period,
    of_the_year,
    seeks_target,
    spelled_out,
    stating_the_year,
    time_unit,
    umbrella_indicators,
    without_denominators,
)
from bot.library.digests import DigestsMixin
from bot.library.documents import DocumentsMixin
from bot.library.holders import TargetHolders
from bot.library.refresh import IndexUpdate, RefreshMixin
from bot.library.targets import TargetsMixin
from bot.library.uploads import UploadsMixin
from bot.models import (
    NOTE_PART,
    DocumentInfo,
    HomeRegion,
    PlanPeriod,
    RefreshReport,
    SearchResponse,
    Understood,
)
from bot.search import segments as seg
from bot.search.budget import Budget, Limits
from bot.search.home_words import HomeReading, home_words, read_home
from bot.search.index import CompiledIndex, IndexDamaged
from bot.search.indexer import Indexer, IndexPaths, Progress
from bot.search.searcher import Searcher
from bot.search.understand import (
    RELATIVE_YEAR_WORDS,
    excludes_nation,
    named_period,
    plan_period,
)
from bot.targets.records import TargetRecord
from bot.targets.store import TargetStore
from bot.text.english import with_chinese_terms
from bot.text.normalize import normalize
from bot.text.synonyms import Synonyms
from bot.text.tokenize import Tokenizer

log = logging.getLogger(__name__)

# ``region:山东`` or ``年份:2024`` typed into a search, as digest filters are written: the
# search takes the region or year word without the key, which it would search as a word
_FILTER_KEY_RE = re.compile(r"(?<!\S)(?:region|地区|year|年份)[:：](?=\S)", re.IGNORECASE)
# a region typed with its key (region:火星): said back when no document is about it
_TYPED_REGION_RE = re.compile(r"(?<!\S)(?:region|地区)[:：](\S+)", re.IGNORECASE)

# An extracted name this short (病例, 企业) says little of what is counted: an answer card
# may find such a record by the words of the sentence stating it.
BARE_NAME = 2

# How many documents matching a question's region and year an answer card is looked for
# in, besides those of the results (newest first).
ANSWER_DOCS = 6

RUNTIME_KEYS: tuple[str, ...] = (
    "results_per_page",
    "snippet_chars",
    "fuzzy_threshold",
    "max_query_chars",
    "digest_cap",
)
"""Settings the engine reads that admins may change while it runs."""


def _beyond_title(words: list[str], info: DocumentInfo) -> list[str]:
    """``words`` without those the document's title holds."""
    title = normalize(info.title or "")
    return [w for w in words if not (len(w) >= 2 and w in title)]


def _facet_word(word: str, understood: Understood) -> bool:
    """Whether a query word only names a facet (a region or the year asked, also as
    今年 or 去年: 云南 今年 产业投资占比 names its target with three words, not four)."""
    return bool(
        any(word in r for r in understood.all_regions)
        or (understood.year and word.startswith(str(understood.year)))
        or (understood.year and word in RELATIVE_YEAR_WORDS)
    )


def target_store_for(settings: Settings) -> TargetStore:
    """The key targets of the documents indexed under ``settings.index_dir``."""
    docs = IndexPaths(settings.index_dir).docs
    # A damaged records file is extracted again from the document's cache.
    return TargetStore(
        docs, settings.indicators_path, source=functools.partial(seg.cached_document, docs)
    )


def make_indexer(
    settings: Settings,
    tokenizer: Tokenizer | None = None,
    target_store: TargetStore | None = None,
) -> Indexer:
    """The library's indexer: the search index plus the key targets of every document."""
    return Indexer(settings, tokenizer, derived=target_store or target_store_for(settings))


class Engine(
    DocumentsMixin,
    TargetsMixin,
    AnalyticsMixin,
    ChangesMixin,
    ChartsMixin,
    ScorecardChartMixin,
    DigestsMixin,
    RefreshMixin,
    UploadsMixin,
):
    """Open with :meth:`open`; it (re)indexes the corpus when the index is missing or stale."""

    def __init__(
        self,
        settings: Settings,
        indexer: Indexer,
        index: CompiledIndex,
        target_store: TargetStore | None = None,
    ) -> None:
        self.settings = settings
        self.indexer = indexer
        self.index = index
        self.target_store = target_store or target_store_for(settings)
        self.last_refresh: RefreshReport | None = None
        self._searcher: Searcher | None = None
        self._making_searcher = threading.Lock()  # search threads may ask at once
        # Guards the update bookkeeping below, which writer threads and the core share.
        self._state = threading.Lock()
        self._generation = 0  # of the newest update prepared
        self._applied = 0  # of the update the engine serves
        self._pending: IndexUpdate | None = None
        self._links_memo: dict = {}  # AnalyticsMixin: the library linked, per index
        # the documents holding each indicator's targets, and the index they were read from
        self._holders: tuple[CompiledIndex, TargetHolders] | None = None
        self._making_holders = threading.Lock()

    @classmethod
    def open(
        cls,
        settings: Settings,
        *,
        refresh: bool = True,
        progress: Progress | None = None,
        tokenizer: Tokenizer | None = None,
    ) -> Engine:
        """Open the index under ``settings.data_dir``, refreshing it first if stale.

        ``tokenizer`` lets a caller share one already-loaded segmenter.
        """
        store = target_store_for(settings)
        indexer = make_indexer(settings, tokenizer, store)
        report = None
        compiled = indexer.paths.compiled
        if (refresh and not indexer.is_fresh()) or not (compiled / "meta.json").exists():
            report = indexer.refresh(progress=progress)
        engine = cls(settings, indexer, indexer.open_index(), store)
        engine.last_refresh = report
        return engine

    @classmethod
    def open_readonly(cls, settings: Settings, *, tokenizer: Tokenizer | None = None) -> Engine:
        """Open the index as the writers left it, for a reader beside the bot (the MCP
        server): no refresh, no lock, no file written while serving.

        A compiled index that opens is served as it is, even when the corpus folder has
        changed since (a warning is logged; the bot or ``briefbot index`` refreshes it,
        and :meth:`~bot.library.refresh.RefreshMixin.reopen_if_changed` picks their
        result up). Only a data folder without a usable index (a first run) is indexed,
        by :meth:`Indexer.refresh`, which waits for another process's refresh to finish
        first and then has nothing left to do. Damaged key-target files are not
        extracted again here (the records of that document are empty until a writer
        heals them).
        """
        store = target_store_for(settings)
        store.source = None  # a reader does not rewrite damaged records files
        indexer = make_indexer(settings, tokenizer, store)
        report = None
        try:
            index = CompiledIndex.open(indexer.paths.compiled)
        except IndexDamaged:
            report = indexer.refresh()
            index = CompiledIndex.open(indexer.paths.compiled)
        else:
            if not indexer.is_fresh():
                log.warning(
                    "the index in %s is older than the corpus folder %s; serving it as it is "
                    "(the bot or `briefbot index` brings it up to date)",
                    settings.index_dir,
                    settings.corpus_dir,
                )
        engine = cls(settings, indexer, index, store)
        engine.last_refresh = report
        return engine

    @property
    def tokenizer(self) -> Tokenizer:
        return self.indexer.tokenizer

    @property
    def searcher(self) -> Searcher:
        searcher = self._searcher
        if searcher is None:
            with self._making_searcher:
                if (searcher := self._searcher) is None:
                    searcher = self._searcher = self._make_searcher(self.index)
        return searcher

    def apply_runtime_settings(self, settings: Settings) -> bool:
        """Core thread: take the runtime values (:data:`RUNTIME_KEYS`) of ``settings``.

        Admins change them from the chat; the engine keeps its own paths. Returns whether
        anything changed. Planned queries are forgotten, since corrections depend on the
        fuzzy-match threshold.
        """
        values = {key: getattr(settings, key) for key in RUNTIME_KEYS}
        if all(getattr(self.settings, key) == value for key, value in values.items()):
            return False
        self.settings = self.settings.model_copy(update=values)
        if self._searcher is not None:
            self._configure(self._searcher)
        return True

    def _configure(self, searcher: Searcher) -> None:
        """Give ``searcher`` the engine's current runtime values (it copies them)."""
        s = self.settings
        changed = (
            searcher.page_size,
            searcher.snippet_chars,
            searcher.fuzzy_threshold,
            searcher.max_query_chars,
        ) != (s.results_per_page, s.snippet_chars, s.fuzzy_threshold, s.max_query_chars)
        if changed:
            searcher.page_size = s.results_per_page
            searcher.snippet_chars = s.snippet_chars
            searcher.fuzzy_threshold = s.fuzzy_threshold
            searcher.max_query_chars = s.max_query_chars
            searcher.clear_memo()

    def _make_searcher(self, index: CompiledIndex) -> Searcher:
        s = self.settings
        tokenizer = self.tokenizer
        synonyms = Synonyms.from_files(s.synonym_paths)
        # indicator families answer to each other: GDP, 地区生产总值, 国内生产总值 …
        for group in self.target_store.table.synonym_groups():
            synonyms.add(group)
        searcher = Searcher(
            index,
            tokenizer,
            synonyms,
            fuzzy_threshold=s.fuzzy_threshold,
            snippet_chars=s.snippet_chars,
            page_size=s.results_per_page,
            max_query_chars=s.max_query_chars,
            limits=Limits(seconds=s.search_time_budget_seconds),
        )
        # made once per index, before its first query: the corrector's tables, the
        # segmenter and the gazetteer too. Loaded by the first query instead (0.7 s for
        # rjieba and its dictionary, 0.2 s for the gazetteer), they spent its time budget:
        # `briefbot search 经纪增长` always answered "correction skipped", searched as typed.
        searcher.prepare_corrections()
        tokenizer.load()
        default_gazetteer()
        return searcher

    def target_holders(self) -> TargetHolders:
        """Which documents hold each indicator's confident targets (:mod:`.holders`), read
        once per index served (any thread; the bot makes it ahead, ``warm_links``)."""
        index = self.index
        made = self._holders
        if made is None or made[0] is not index:
            with self._making_holders:
                made = self._holders
                if made is None or made[0] is not index:
                    infos = {d.doc_id: d for d in index.docs}
                    rows = (
                        (infos[t.doc_id], t.record)
                        for t in self.iter_targets(kind="target", docs=index.docs)
                    )
                    made = self._holders = (index, TargetHolders.build(rows, self.indicator_table))
        return made[1]

    def _names_indicator(self, query: str, indicator: str) -> bool:
        """Whether ``query`` writes a name of ``indicator``'s family the table knows
        (国內生產總值, GDP), not only a part of one (5G of 5G基站)."""
        table = self.indicator_table
        text = normalize(query)
        return any(
            table.same_family(found.canonical, indicator)
            for form in dict.fromkeys((text, text.upper()))
            for found in table.find_all(form)
        )

    def _answer_docs(
        self, understood: Understood, hits: list[str], query: str = ""
    ) -> list[DocumentInfo]:
        """The documents an answer card is looked for in: those of the page's hits, and
        the newest few whose region and year match what was understood; with neither
        understood, when ``query`` names the indicator, the newest few of the whole
        library that set a target of it (:meth:`target_holders`: 國內生產總值 目標 finds
        the national reports' 国内生产总值 however the first page ranks). Reading every
        document's records for one question would cost a second on a 10 MB corpus."""
        infos = {d.doc_id: d for d in self.index.docs}
        chosen = dict.fromkeys(h for h in hits if h in infos)
        if understood.indicator and not (understood.region or understood.year):
            table, asked = self.indicator_table, understood.indicator
            held = self.target_holders()
            if self._names_indicator(query, asked):
                holders = [d for d in held.holding(asked, table) if d in infos]
                chosen.update(dict.fromkeys(holders[:ANSWER_DOCS]))
            if not (asks_places(query) or excludes_nation(query)):
                # the country's newest of the family too (国内生产总值 for 地区生产总值),
                # however many provinces' are newer and however the indicator was asked
                # (经济增长 目标): no region asked, the national target answers
                family = held.by_family.get(table.family(asked), ())
                national = [d for d in family if d in infos and infos[d].region == NATIONAL]
                chosen.update(dict.fromkeys(national[:2]))
        if understood.region or understood.year:
            gazetteer = default_gazetteer()
            wanted = understood.year
            matching = [
                d
                for d in self.index.docs
                if (
                    not understood.region
                    or place_in_region(understood.region, d.region, d.region_path, gazetteer)
                )
                and (wanted is None or d.year in (wanted, wanted + 1) or d.year is None)
            ]
            matching.sort(key=lambda d: d.year or 0, reverse=True)
            chosen.update(dict.fromkeys(d.doc_id for d in matching[:ANSWER_DOCS]))
        return [infos[d] for d in chosen]

    def _answer(
        self,
        query: str,
        understood: Understood,
        indicator: str | None,
        hits: list[str],
        *,
        within: str | None = None,
        strict: bool = False,
    ):
        """The key target that answers ``query`` (see :mod:`bot.library.answers`): of the
        indicator the table knows, else of the extracted name the query repeats most;
        with ``within``, only a target stated in that text; ``strict``, only one of
        ``indicator``'s family."""
        docs = self._answer_docs(understood, hits, query)
        infos = {d.doc_id: d for d in docs}
        growth = asks_growth(query)
        national = not (asks_places(query) or excludes_nation(query))
        # every target of the documents, read once: a document that sets targets for
        # the year asked answers for it with those, not with its goals for later years
        targets = of_the_period(
            (
                (infos[t.doc_id], t.record)
                for t in self.iter_targets(kind="target", region=understood.region, docs=docs)
                if t.doc_id in infos
            ),
            query,
        )
        stating = stating_the_year(targets, understood)
        if indicator:
            matches = self.indicator_matcher(indicator)
            rows = [(i, r) for i, r in targets if matches(r.indicator)]
            found = best_answer(
                rows, understood, indicator, growth=growth, stating=stating, national_first=national
            )
            if found or strict:
                return found
        words = [
            w
            for w in self.tokenizer.cut(normalize(query))
            if w.strip() and not _facet_word(w, understood)
        ]

        stated = [
            (i, r)
            for i, r in targets
            if r.confident  # the only ones a card shows: no others may hide them
            # nor may records of another year, which can never answer
            and of_the_year(i, r, understood, stating)
            and (within is None or r.sentence[:40] in within)
        ]
        # First the words the document's title does not say: in a 脑机接口 plan, 脑机接口
        # names every record alike (脑机接口自主创新企业) and tells none apart. Then all.
        named: list = []
        for beyond_title in (True, False):
            asked = [(_beyond_title(words, i) if beyond_title else words, i, r) for i, r in stated]
            # a bare name (病例 of 构建不少于1000例病例的高质量脑数据开放数据集) is named by
            # the sentence that states it, as much as a longer name by itself
            named = [
                (
                    max(
                        named_in(w, r.indicator),
                        named_in(w, r.sentence) if len(r.indicator) <= BARE_NAME else 0,
                        # a short name the sentence defines (三新食品), by what it stands for
                        named_in(w, spelled_out(r.indicator, r.sentence)),
                    ),
                    i,
                    r,
                )
                for w, i, r in asked
            ]
            if any(n for n, _, _ in named):
                break
        if not any(n for n, _, _ in named) and within is None:
            # else the measure asked, its owner said in other words (农村老人 养老金)
            named = [(named_partly(words, r.indicator), i, r) for i, r in stated]
        longest = max((n for n, _, _ in named), default=0)
        if longest:
            rows = [(i, r) for n, i, r in named if n == longest]
        elif within is not None and asks_time(query):
            # 几小时 放行: the passage's target in a time unit answers, whatever its name
            rows = [(i, r) for _, i, r in named if time_unit(r.unit)]
        else:
            return None
        return best_answer(
            rows, understood, growth=growth, stating=stating, national_first=national
        )

    # -- searching ---------------------------------------------------------------------------
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
        home: HomeRegion | None = None,
    ) -> SearchResponse:
        """One page of ranked results; ``correct=False`` turns typo correction off.

        With ``understand`` (the default) region, year and document-kind words rank the
        documents that match first, the indicator named is reported, and a question for
        a target gets the key target that answers it (``answer``), its passage first;
        ``understand=False`` searches every word as text. ``budget`` bounds the work of
        correction and planning (:mod:`bot.search.budget`; by default the searcher's).
        ``home`` is the asker's own place: 我县, 本市, 本省, 本地 name it (county, city,
        province); without one those words are left out and ``home_unset`` says so.

        Safe to call from several threads at once, and while the core thread swaps a new
        index in: the searcher is taken once, so one search reads one index.
        """
        typed = _TYPED_REGION_RE.findall(query) if understand else []
        query = _FILTER_KEY_RE.sub("", query)
        # 我县, 本市, 本地: the chat's own place (``home``), or left out when it has none
        reading = self.read_home(query, home) if understand else HomeReading(query)
        query = reading.text
        searcher = self.searcher
        resp = searcher.search(
            query,
            page=page,
            page_size=page_size,
            doc=doc,
            region=region,
            year=year,
            correct=correct,
            understand=understand,
            budget=budget,
        )
        # a note on the query as a whole (empty, only exclusions, cut) with nothing found
        # leaves nothing understood to say; notes that only a part went unsearched (an
        # ambiguous place) are said beside what was understood of the rest
        quiet = not resp.message or (
            bool(resp.notes) and all(n.reach == NOTE_PART for n in resp.notes)
        )
        if understand and (resp.hits or quiet):
            resp = self._understood(searcher, resp, query, doc=doc, region=region, year=year)
        if reading.unset:
            resp = replace(resp, home_unset=True)
        return self._typed_region_said(resp, typed)

    def read_home(
        self, text: str, home: HomeRegion | None, *, as_filter: bool = False
    ) -> HomeReading:
        """``text`` with 我县, 本市, 本省, 本地 read as ``home`` (the asker's own place), or
        left out when there is none (:func:`bot.search.home_words.read_home`); a text that
        names a place of its own (洛阳 全市生产总值) is that place's and stays as typed.
        The one reading the search, ``/targets``, ``/compare`` and (``as_filter``: the
        place as ``region:…``) the digest filters share."""
        if not home_words(text):
            return HomeReading(text)
        searcher = self.searcher

        def names_place(rest: str) -> bool:
            region = searcher.understand(rest).facets.region
            return region is not None and region != NATIONAL

        return read_home(text, home, names_place=names_place, as_filter=as_filter)

    def _typed_region_said(self, resp: SearchResponse, typed: list[str]) -> SearchResponse:
        """A region typed with its key (``region:火星 乡村振兴``) that no document is about,
        and that the query was not understood to name, said as an unmatched region (现有
        文件中没有：地区 火星), as one understood is: else the results of the other words
        look like its answer."""
        u = resp.understood or Understood()
        if u.region or not typed:
            return resp  # understood: its own unmatched facet says it when no document is
        for region in typed:
            if "region" in self.unmatched_facets(region, None):
                said = replace(u, region=region, unmatched=("region", *u.unmatched))
                return replace(resp, understood=said)
        return resp

    def _understood(
        self,
        searcher: Searcher,
        resp: SearchResponse,
        query: str,
        *,
        doc: str | None,
        region: str | None,
        year: int | None,
    ) -> SearchResponse:
        """``resp`` with what was understood (region, year, indicator, plan period, the
        facets no document matches) and, for a question for a target, the key target
        that answers it leading; ``doc``, ``region`` and ``year`` bind the answer as they
        bind the hits."""
        table = self.indicator_table
        # English topic and indicator words as the Chinese terms the table knows
        asked = without_denominators(with_chinese_terms(resp.corrected_query or query), table)
        understood = resp.understood or Understood()
        indicator = asked_indicator(
            asked, table, searcher.synonyms, facet=lambda w: _facet_word(w, understood)
        )
        if indicator and understood.region == "全国":
            # 全国 2025 GDP: the country's statistic (国内生产总值), as 全国GDP names it
            indicator = table.national_variant(indicator) or indicator
        # 失业率 (unemployment rate) names no figure of the table but ends the names of
        # two (城镇调查失业率, 城镇登记失业率): asked of a place or a year, each answers
        rest, umbrella = None, None
        if not indicator and (understood.region or understood.year is not None):
            rest = searcher.understand(asked).rest
            umbrella = umbrella_indicators(rest, table)
        if indicator or umbrella:
            understood = replace(understood, indicator=indicator or umbrella[0])
        if unmatched := self.unmatched_facets(understood.region, understood.year):
            understood = replace(understood, unmatched=unmatched)
        if absent := self._absent_regions(understood):
            understood = replace(understood, absent=absent)
        if period := named_period(asked):  # the period whose goal answers (of_the_period)
            name = plan_period(period[0]) or f"{period[0]}-{period[1]}"
            understood = replace(understood, period=PlanPeriod(name, *period))
        if understood.said:
            resp = replace(resp, understood=understood)
        found = None
        seeks = seeks_target(asked, table) and not asks_result(asked, searcher.today().year)
        if not seeks and understood.year is not None:
            # 四川 GDP 2026, sichuan GDP 2026: a place, a year and an indicator, nothing
            # else, ask for that figure as 四川 2026 GDP 目标 does, in any order
            seeks = bool(umbrella) or bool(
                indicator
                and names_only_indicator(
                    searcher.understand(asked).rest if rest is None else rest, table
                )
            )
        members: list[tuple[DocumentInfo, TargetRecord]] = []
        if seeks and understood.any:
            hits = [h.doc_id for h in resp.hits]
            if umbrella and not compared(understood):
                members = [
                    m
                    for m in self._umbrella_answers(asked, understood, umbrella[1], hits)
                    if self.passes_filters(m[0], doc=doc, region=region, year=year)
                ]
                found = members[0] if members else None
            else:
                found = self._answer(asked, understood, indicator, hits)

        def with_the_others(resp: SearchResponse) -> SearchResponse:
            """A comparison's cards for every region and year it names (山东 江苏)."""
            if not (seeks and compared(understood)):
                return resp
            return self._compared(
                searcher, resp, asked, understood, found, doc=doc, region=region, year=year
            )

        if found is None and seeks and resp.hits and resp.page == 1:
            if understood.any and not asks_time(query):
                return with_the_others(resp)
            # nothing understood (十四五 灾害预警信息发布公众覆盖率 目标), or a time asked
            # (安徽 通关 几小时 放行): only a target the first passage states, named with
            # the query's words or in the unit asked, answers
            first = resp.hits[0]
            found = self._answer(asked, understood, None, [first.doc_id], within=first.text)
        if found and not self.passes_filters(found[0], doc=doc, region=region, year=year):
            found = None  # --doc, --region, --year bind the answer as they bind the hits
        if found:
            answer = card(*found)
            stated = searcher.passages_containing(answer.sentence[:40], doc_id=answer.doc_id)
            resp = lead_with_answer(resp, answer, stated)
            resp = self._said_as_answered(resp, answer.indicator)
            if resp.answer is not None and len(members) > 1:
                # each figure the word stands for, labelled by its own name
                resp = replace(resp, answers=(resp.answer, *(card(*m) for m in members[1:])))
        return with_the_others(resp)

    def _umbrella_answers(
        self,
        asked: str,
        understood: Understood,
        indicators: tuple[str, ...],
        hits: list[str],
    ) -> list[tuple[DocumentInfo, TargetRecord]]:
        """The record that answers for each of ``indicators`` (the families a word such
        as 失业率 ends the names of), in their order: only records of that family, never
        one the query's other words name (each is asked as if it alone were named)."""
        out = []
        for indicator in indicators:
            found = self._answer(asked, understood, indicator, hits, strict=True)
            if found is not None and found not in out:
                out.append(found)
        return in_written_order(out, self.indicator_table)

    def _said_as_answered(self, resp: SearchResponse, answered: str) -> SearchResponse:
        """``resp`` understood as naming ``answered`` when its one card is of another
        member of the asked indicator's family (经济增长 目标 with no region: the national
        国内生产总值 answers, not the 地区生产总值 the words read as): a line saying one
        name above a card of another reads as a wrong answer. A comparison's cards may be
        of several members: its line keeps the name asked."""
        u, table = resp.understood, self.indicator_table
        if (
            u is None
            or not u.indicator
            or u.indicator == answered
            or compared(u)
            or table.family(u.indicator) != table.family(answered)
        ):
            return resp
        return replace(resp, understood=replace(u, indicator=answered))

    def _absent_regions(self, understood: Understood) -> tuple[str, ...]:
        """The regions of a query naming several that no document is about."""
        if len(understood.all_regions) < 2:
            return ()
        return tuple(
            r for r in understood.all_regions if "region" in self.unmatched_facets(r, None)
        )

    def _compared(
        self,
        searcher: Searcher,
        resp: SearchResponse,
        asked: str,
        understood: Understood,
        first: tuple[DocumentInfo, TargetRecord] | None,
        *,
        doc: str | None,
        region: str | None,
        year: int | None,
    ) -> SearchResponse:
        """``resp`` with one card per region and year a comparison names (山东 江苏 GDP
        目标; 2024年和2025年), each looked up as if asked alone, and the pairs with none
        said (:func:`~bot.library.answers.comparison_cards`)."""
        table = self.indicator_table
        hits = [h.doc_id for h in resp.hits]
        # the indicator as asked: 全国's national variant (国内生产总值) is its own only
        named = asked_indicator(
            asked, table, searcher.synonyms, facet=lambda w: _facet_word(w, understood)
        )

        def look_up(one: Understood) -> tuple[DocumentInfo, TargetRecord] | None:
            indicator = named
            if indicator and one.region == "全国":
                indicator = table.national_variant(indicator) or indicator
            one = replace(one, indicator=indicator)
            found = self._answer(asked, one, indicator, hits)
            if found and not self.passes_filters(found[0], doc=doc, region=region, year=year):
                return None
            return found

        return comparison_cards(resp, understood, first, look_up)
