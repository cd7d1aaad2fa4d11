"""Searching the library: one page of results with what was understood and, for a
question for a target, the answer card leading (:class:`SearchMixin`).

The ranking is :mod:`bot.search`'s; this adds what it cannot know: the indicator asked
as the key-target table names it, the facets no document matches, the plan period, and
the cards (:mod:`bot.library.answering`), one per region and year a comparison names.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.corpus.gazetteer import NATIONAL, with_place_nicknames
from bot.library.answer_cards import (
    card,
    compared,
    lead_with_answer,
)
from bot.library.answering import facet_word
from bot.library.answers import (
    asked_indicator,
    asks_goal,
    asks_how_to,
    asks_rank,
    asks_result,
    asks_share,
    named_by_synonyms,
    names_a_figure,
    names_only_indicator,
    names_past_result,
    seeks_target,
    share_of_gdp,
    umbrella_indicators,
    without_denominators,
    without_rank_words,
)
from bot.library.asked_units import asks_time
from bot.library.documents import about_region
from bot.library.indicator_lines import (
    asks_rate_change,
    indicator_names,
    lead_with_indicator_line,
    writes_a_name,
)
from bot.library.results_asked import ResultsMixin
from bot.library.several_places import OTHER_PLACES_MAX as OTHER_PLACES_MAX
from bot.library.several_places import SeveralPlacesMixin
from bot.models import (
    NOTE_PART,
    AnswerCard,
    DocumentInfo,
    HomeRegion,
    PlaceNewest,
    PlanPeriod,
    SearchResponse,
    Understood,
)
from bot.search.budget import Budget
from bot.search.home_words import HomeReading, home_words, read_home
from bot.search.query import fold_query, spaces_closed
from bot.search.searcher import Searcher
from bot.search.understand import named_period, plan_period
from bot.targets.records import TargetRecord
from bot.text.across import asks_extreme_region
from bot.text.english import with_chinese_terms
from bot.text.normalize import normalize
from bot.text.two_asks import two_asks

# ``region:山东`` or ``年份:2024`` typed into a search, as digest filters are written: the
# search takes the region or year word without the key, which it would search as a word
_FILTER_KEY_RE = re.compile(r"(?<!\S)(?:region|地区|year|年份)[:：](?=\S)", re.IGNORECASE)
# Words of what was planned (2015年棚改安排了多少套: the year's plan, stated in its own
# report, not the result the next one reviews): no result card
_PLAN_ASKED_RE = re.compile(r"安排|计划|部署|目标|预期|力争")
# a region typed with its key (region:火星): said back when no document is about it
_TYPED_REGION_RE = re.compile(r"(?<!\S)(?:region|地区)[:：](\S+)", re.IGNORECASE)


class SearchMixin(SeveralPlacesMixin, ResultsMixin):
    """:class:`~bot.library.Engine`'s searches (the searcher: the engine's own)."""

    searcher: Searcher
    # _answer, _umbrella_answers: AnswersMixin; indicator_table: TargetsMixin;
    # unmatched_facets, passes_filters: DocumentsMixin

    def _places_own_year(self, understood: Understood) -> int | None:
        """The year 今年/去年/明年 reads from the newest document of the one place asked
        (深圳今年 with 深圳's 2022 article: 2022) when it is earlier than the library's
        reading; None otherwise (no year word, several places, a place up to date)."""
        u = understood
        if not (u.year_word and u.year_base is not None and u.year and u.region) or u.regions:
            return None
        now = self.searcher.region_now(u.region)
        if now is None:
            return None
        year = now + (u.year - u.year_base)
        return year if year < u.year else None

    def _place_newest(self, region: str, year: int | None) -> PlaceNewest | None:
        """``region``'s newest document when none of its documents is of ``year`` (nor of
        the year after, whose report reviews it): 成都今年GDP目标 with 成都's 2022 bulletin
        says the year asked has none and which is the newest, not only "no target"."""
        if year is None:
            return None
        docs = [d for d in self.documents_in(region=region) if d.year]  # type: ignore[attr-defined]
        if not docs or any(d.year in (year, year + 1) for d in docs):
            return None
        newest = max(docs, key=lambda d: d.year or 0)
        title = newest.title or newest.filename
        return PlaceNewest(region, year, newest.year or 0, title)

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
        # the same question however typed (ＧＤＰ　２０２４, 请问…, 二〇二六年): every reading
        # below (English words, years, places, the card's question) sees one form
        query = fold_query(query)
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
            resp = self._understood(
                searcher, resp, query, doc=doc, region=region, year=year, homed=home is not None
            )
        u = resp.understood
        if understand and u is not None and u.indicator and resp.answer is None:
            # a card leads with its own passage; without one, a change asked of the
            # indicator (规上工业 增速) is led by its document's line stating it
            # (规模以上工业增加值增长4.5%); a goal asked is the cards' to answer
            asked = with_chinese_terms(query)
            if asks_rate_change(asked) and not asks_goal(asked):
                names = indicator_names(self.indicator_table, u.indicator)
                if not writes_a_name(asked, names):
                    resp = lead_with_indicator_line(resp, names)
        # 哪个省GDP增长目标最高, which province has the highest …: the first passage's
        # region was shown as "the answer" (安徽 5%—5.5% beside 海南's 6%); no one region's
        # card answers it (/compare 指标 年份 does)
        if (
            resp.answer is not None
            and u is not None
            and u.region is None
            and region is None
            and asks_extreme_region(query)
        ):
            resp = replace(resp, answer=None, answers=(), answers_cut=0, unanswered=())
        # 今年全县固投目标多少 in a chat with no place set: 全县 stays as typed (a phrase the
        # documents write), and the card that answered named another place (贵州's 3%) as
        # if it were the county's; when a card answers, the hint says the word was not
        # read as a place (trial21). Without a card the word stays unremarked, as decided.
        whole_unread = home is None and bool(reading.said) and resp.answer is not None
        if reading.unset or whole_unread:
            resp = replace(resp, home_unset=True)
        if understand and page == 1 and doc is None and region is None and year is None:
            resp = self._two_asks(resp, query, budget, home)
        return self._typed_region_said(resp, typed)

    def _two_asks(
        self, resp: SearchResponse, query: str, budget: Budget | None, home: HomeRegion | None
    ) -> SearchResponse:
        """``四川去年GDP增长多少，今年目标多少``: two asks of two years in one message
        (:func:`~bot.text.two_asks.two_asks`) each get the card their half searched alone
        gets, the second half with the first's place and indicator when it leaves them
        unsaid; a half without one is said back (``unanswered``). The passages stay the
        whole question's: only the cards change."""
        halves = two_asks(query)
        if halves is None:
            return resp
        first, second = halves
        subs = [self.search(first, budget=budget, home=home)]
        u1 = subs[0].understood
        if u1 is not None and u1.region and not self.searcher.understand(second).facets.region:
            second = " ".join([*u1.all_regions, second])  # 今年目标多少: 四川's
        sub = self.search(second, budget=budget, home=home)
        if (
            u1 is not None
            and u1.indicator
            and (sub.understood is None or not sub.understood.indicator)
        ):
            sub = self.search(f"{second} {u1.indicator}", budget=budget, home=home)  # GDP's
        subs.append(sub)
        cards: list[AnswerCard] = []
        missing: list[str] = []
        for sub in subs:
            if sub.answer is not None and sub.answer not in cards:
                cards.append(sub.answer)
            elif sub.answer is None and (u := sub.understood) is not None and u.region:
                missing.append(" ".join(str(p) for p in (u.region, u.year) if p))
        if not cards:
            return resp
        return replace(
            resp,
            answer=cards[0],
            answers=tuple(cards) if len(cards) > 1 else (),
            answers_cut=0,
            unanswered=tuple(missing),
            place_newest=None,
        )

    def read_home(
        self, text: str, home: HomeRegion | None, *, as_filter: bool = False
    ) -> HomeReading:
        """``text`` with 我县, 本市, 本省, 本地 read as ``home`` (the asker's own place), or
        left out when there is none (:func:`bot.search.home_words.read_home`); a text that
        names a place of its own (洛阳 全市生产总值) is that place's and stays as typed.
        The one reading the search, ``/targets``, ``/compare`` and (``as_filter``: the
        place as ``region:…``) the digest filters share."""

        def names_place(rest: str) -> bool:  # asked only of a text with home words
            region = self.searcher.understand(rest).facets.region
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
        homed: bool = False,
    ) -> SearchResponse:
        """``resp`` with what was understood (region, year, indicator, plan period, the
        facets no document matches) and, for a question for a target, the key target
        that answers it leading; ``doc``, ``region`` and ``year`` bind the answer as they
        bind the hits. ``homed``: the asker has set a place of their own (``/region``):
        a question naming none keeps its one card (see :meth:`_other_places`)."""
        table = self.indicator_table
        # English topic and indicator words as the Chinese terms the table knows
        # read with the spaces between Chinese words closed: 居民 消费 价格 涨幅 目标 asks
        # what 居民消费价格涨幅目标 asks (the search keeps the words apart, the question not)
        query = spaces_closed(query)
        # a province's abbreviation or a city's nickname typed as a word (皖 2025 GDP
        # growth) read as the place, as search reads it: not left among the figure's words
        asked = without_denominators(
            with_chinese_terms(spaces_closed(with_place_nicknames(resp.corrected_query or query))),
            table,
        )
        understood = resp.understood or Understood()
        indicator = asked_indicator(
            asked, table, searcher.synonyms, facet=lambda w: facet_word(w, understood)
        )
        if resp.corrected_query:
            # a correction never takes away a measure typed whole (it named it): one that
            # dropped characters (重大项目总投资多少 -> 重大项目投资多少, 国高企 -> 国企) or
            # swapped one (总投资 -> 共投资) keeps the typed measure when it only narrows it
            typed = asked_indicator(
                without_denominators(with_chinese_terms(query), table),
                table,
                searcher.synonyms,
                facet=lambda w: facet_word(w, understood),
            )
            if typed and (indicator is None or (indicator != typed and indicator in typed)):
                indicator = typed
        if indicator and asks_share(asked):
            # R&D投入占GDP比重: the share the table names (研发经费投入强度), not the spending
            indicator = share_of_gdp(indicator, query, table) or indicator
        if indicator and understood.region == "全国":
            # 全国 2025 GDP: the country's statistic (国内生产总值), as 全国GDP names it
            indicator = table.national_variant(indicator) or indicator
        # 失业率 (unemployment rate) names no figure of the table but ends the names of
        # two (城镇调查失业率, 城镇登记失业率): asked of a place or a year, each answers
        rest, umbrella = None, None
        figure_named = False  # a place and a figure's name with no year, read as asked
        if not indicator and (understood.region or understood.year is not None):
            rest = searcher.understand(asked).rest
            umbrella = umbrella_indicators(rest, table)
        if indicator or umbrella:
            understood = replace(understood, indicator=indicator or umbrella[0])
        if unmatched := self.unmatched_facets(understood.region, understood.year):
            understood = replace(understood, unmatched=unmatched)
        elif (
            understood.region
            and len(understood.all_regions) == 1
            and resp.hits
            and not about_region(understood.region, (h.region for h in resp.hits))
        ):
            # the place has documents, but none of the hits is from them (Henan
            # unemployment with 周口's bulletin in the library: Hainan's, Guizhou's and the
            # nation's passages, said as if they answered)
            understood = replace(understood, unmatched=("region_hits",))
        if absent := self._absent_regions(understood):
            understood = replace(understood, absent=absent)
        if period := named_period(asked):  # the period whose goal answers (of_the_period)
            name = plan_period(period[0]) or f"{period[0]}-{period[1]}"
            understood = replace(understood, period=PlanPeriod(name, *period))
        if understood.said:
            resp = replace(resp, understood=understood)
        found = None
        fell_back = False  # the card is of the place's own 今年, not the library's
        this_year = searcher.today().year
        result = asks_result(asked, this_year)
        seeks = seeks_target(asked, table) and not result and not asks_how_to(asked)
        national = understood.region in (None, NATIONAL) and not understood.regions
        if not seeks and (understood.year is not None or (indicator and national)):
            # 四川 GDP 2026, sichuan GDP 2026: a place, a year and an indicator, nothing
            # else, ask for that figure as 四川 2026 GDP 目标 does, in any order; so do an
            # indicator's name alone or the country's (超长期特别国债, 全国 赤字率): the
            # figure the national report sets. A province's (江苏 地区生产总值) stays a
            # topic, as decided before: its report discusses it throughout
            rest = searcher.understand(asked).rest if rest is None else rest
            seeks = bool(umbrella) or bool(indicator and names_only_indicator(rest, table))
            if not seeks and indicator and understood.year is not None:
                # 周口 財政收入 增幅 2023, 成都 2022 财政收入: a figure named as analysts name
                # it (a synonym of the table's name) asks it as the table's name does
                named = named_by_synonyms(rest, table, searcher.synonyms)
                seeks = names_only_indicator(named, table)
            if (
                not seeks
                and understood.year is not None
                and names_a_figure(
                    rest,
                    english=bool(understood.english),
                    # an English term alone names a figure only with a place and a year
                    # (Chengdu motor vehicles 2022); with no place it stays a topic (2025
                    # trade-in program ultra-long special treasury bonds)
                    counted=understood.region not in (None, NATIONAL),
                    dated=True,
                )
            ):
                # 黔东南2023年茶叶产量, 上海到2025年底海绵城市建成区达标面积比例: a place, a
                # year and one phrase naming a figure the table does not know, or knows
                # only a part of (限额以上单位消费品零售额 is no 社会消费品零售总额): the record
                # the phrase's words name answers
                seeks, indicator = True, None
                if understood.indicator:
                    understood = replace(understood, indicator=None)
                    resp = replace(resp, understood=understood if understood.said else None)
        if (
            not seeks
            and not result
            and understood.year is None
            # or a past plan period (云南十四五新增有效灌溉面积): its result is asked, below
            and (understood.period is None or understood.period.last < this_year)
            and understood.region not in (None, NATIONAL)
            and not understood.regions
            and not umbrella
            and not asks_how_to(asked)
        ):
            # 贵州每千人口托位数, 云南群众安全感满意率: a place and one phrase naming a figure
            # the table does not know, with no year, ask for that figure as with a year; a
            # name the table knows alone (江苏 地区生产总值), or a word ending the names of
            # several (湖北 失业率), stays a topic, as decided before
            rest = searcher.understand(asked).rest if rest is None else rest
            if names_a_figure(rest, english=bool(understood.english)) and not names_only_indicator(
                rest, table
            ):
                seeks, indicator, figure_named = True, None, True
                if understood.indicator:
                    understood = replace(understood, indicator=None)
                    resp = replace(resp, understood=understood if understood.said else None)
        members: list[tuple[DocumentInfo, TargetRecord]] = []
        hits = [h.doc_id for h in resp.hits]
        past_result = False  # the year's result was looked for first
        if (
            not seeks
            and not result
            and indicator
            and understood.year is not None
            and understood.year < this_year
            and len(understood.all_years) == 1
            and not understood.regions
            and not asks_goal(asked)
            and _PLAN_ASKED_RE.search(asked) is None
        ):
            # 宁夏 2025 GDP 增长, 海南 CPI 2025 实际, Ningxia FAI growth 2025 actual: a known
            # figure's name with its rate or a result word, of a past year, asks what the
            # year reached; its result answers before any target of that year (a report
            # of the year before set one), as 增速 asks the figure of a year in any order
            rest = searcher.understand(asked).rest if rest is None else rest
            if names_past_result(rest, table):
                seeks = past_result = True
                found = self._result_of_the_year(asked, understood, indicator, resp)
        if seeks and understood.any and found is None:
            if umbrella and not compared(understood):
                members = [
                    m
                    for m in self._umbrella_answers(asked, understood, umbrella[1], hits)
                    if self.passes_filters(m[0], doc=doc, region=region, year=year)
                ]
                found = members[0] if members else None
            else:
                found = self._answer(asked, understood, indicator, hits)
                older = self._places_own_year(understood) if found is None else None
                if older is not None:
                    # 深圳今年新增上市公司目标几家: 今年 is the library's 2026, 深圳's newest
                    # document a 2022 article: its figure of its own 今年 answers, and
                    # the reply says 2026 has none of 深圳 (``place_newest``)
                    found = self._answer(asked, replace(understood, year=older), indicator, hits)
                    fell_back = found is not None

        if (
            found is None
            and asks_rank(asked)
            and understood.region is not None
            and not understood.regions
            and not compared(understood)
            and not asks_how_to(asked)
        ):
            # a place's rank asked (四川 GDP 总量 全国排名 2025, 安徽 … 企业数全国排第几): the
            # record of the rank, which a report states as a result of its own, named by
            # what is ranked; the figure's own record answers another question
            found = self._answer(
                without_rank_words(asked),
                understood,
                understood.indicator,
                hits,
                kind="achievement",
                rank=True,
            )
        # a figure asked of a past year with no word of a goal (安徽去年粮食产量是多少,
        # 2024年全国粮食产量是多少, 成都2022年社会消费品零售总额是多少) when no target of that
        # year answers: what was reached that year, as 了多少 asks it
        past_figure = understood.year is not None and not asks_goal(asked)
        if (
            (result or past_figure)
            and found is None
            and not past_result
            # an indicator the table knows; or none, the record then named by the query's
            # words (云南去年工业增加值多少亿元, 2021年互联网普及率多少, 十九大报告贫困
            # 发生率降到多少): only a result dated to the year asked answers
            and understood.year is not None
            and understood.year < this_year
            and not understood.regions
            and len(understood.all_years) == 1
            # a figure asked, or a place, a past year and an indicator alone (海南 去年
            # 城镇调查失业率, as 四川 2026 GDP asks the target of its year)
            and (seeks or seeks_target(asked, table))
            and _PLAN_ASKED_RE.search(asked) is None
        ):
            # what was done in one past year (贵州去年规上工业增加值增长了多少, 2022年进出口总额
            # 完成了多少): that year's result answers, as a comparison of years is answered
            # with results; no target card, which answers another question
            found = self._result_of_the_year(asked, understood, indicator, resp)
        if (
            (result or figure_named)
            and found is None
            and understood.year is None
            and understood.period is not None
            and understood.period.last < this_year
            and not understood.regions
            and _PLAN_ASKED_RE.search(asked) is None
        ):
            # what a past plan period reached (云南十四五期间外贸进出口总额达到多少, 海拉尔
            # 十二五期间标准化学校创建率): a result dated to the period, or to its last year
            # in a later report's review, as a past year's question is answered
            found = self._result_of_the_period(asked, understood, indicator, resp)
        if (
            found
            and understood.region is None
            and home_words(asked)
            and len(self._places_of_the_year(understood.year)) > 1
        ):
            # 今年全省 …, 我市 (the asker's own place, read as the search reads it): which
            # place the library cannot tell when it holds documents of several places for
            # the year: one of them is no answer
            found = None

        def with_the_others(resp: SearchResponse) -> SearchResponse:
            """A comparison's cards for every region and year it names (山东 江苏); one
            place's target asked and not found said back as a comparison's are (去年 四川
            就业 目标: 没有找到目标：四川 2025), not left to the passages to tell."""
            if fell_back and resp.answer is not None and understood.region:
                newest = self._place_newest(understood.region, understood.year)
                return replace(resp, place_newest=newest)
            if (
                seeks
                and not compared(understood)
                and resp.page == 1
                and resp.answer is None
                and not resp.answers
                and understood.region
            ):
                said = " ".join(str(p) for p in (understood.region, understood.year) if p)
                newest = self._place_newest(understood.region, understood.year)
                return replace(resp, unanswered=(said,), place_newest=newest)
            if not (seeks and compared(understood)):
                return resp
            return self._compared(
                searcher, resp, asked, understood, found, doc=doc, region=region, year=year
            )

        def first_clause_names(asked: str) -> bool:
            # the question's first clause (before a comma or a space), without its place
            # and its asking tail (增长了多少), is one name of the figure understood: the
            # table's own, or a synonym of it (农村居民收入, 人均GDP)
            clause = re.split(r"[，,；;。？?！!\s]", asked.strip(), maxsplit=1)[0]
            name = _REACHED_TAIL_RE.sub("", normalize(searcher.understand(clause).rest)).strip()
            return bool(name) and any(
                table.canonical(v) == indicator for v in (name, *searcher.synonyms.expand(name))
            )

        # 了多少 asks a result (not ``seeks``): with no year nor period none was read above
        reached = _asks_reached(asked, understood) and not asks_how_to(asked)
        if found is None and (seeks or (result and reached)) and resp.hits and resp.page == 1:
            first = resp.hits[0]
            topic = understood.any and not asks_time(query)
            if seeks and not topic:
                # nothing understood (十四五 灾害预警信息发布公众覆盖率 目标), or a time asked
                # (安徽 通关 几小时 放行): only a target the first passage states, named with
                # the query's words or in the unit asked, answers
                found = self._answer(asked, understood, None, [first.doc_id], within=first.text)
            if found is None and reached:
                # a figure asked with no year, no period and no word of a goal (云南完成适老化
                # 改造多少户, 成都国际班列连接了多少个境外城市): what the first passage says was
                # reached answers, named by the query's words, as a target would
                found = self._answer(
                    asked,
                    understood,
                    None,
                    [first.doc_id],
                    within=first.text,
                    kind="achievement",
                )
            if found is None and reached and indicator and first_clause_names(asked):
                # a result asked with no year of a figure the table knows, named by another of
                # its names (黔东南农村居民收入增长了多少, 周口人均GDP增长了多少 全省平均是多少):
                # the first passage's record of that figure's family answers, when the
                # question's first clause names the figure and nothing more (单位GDP耗能降了
                # 多少 names no GDP; 数字经济 5G 用户 more than one thing)
                found = self._answer(
                    asked,
                    understood,
                    indicator,
                    [first.doc_id],
                    within=first.text,
                    kind="achievement",
                    strict=True,
                )
            if found is None and reached and figure_named:
                # a place and one phrase naming a figure, no year (杨浦 产业创新承载区面积多大):
                # the phrase names its record wherever the place's documents state it, not
                # only in the first passage (which may state the whole zone's 60.61平方公里)
                found = self._answer(asked, understood, None, hits, kind="achievement")
            if found is None and seeks and topic:
                return with_the_others(resp)
        if found and not self.passes_filters(found[0], doc=doc, region=region, year=year):
            found = None  # --doc, --region, --year bind the answer as they bind the hits
        if found:
            answer = card(*found, understood.region)
            stated = searcher.passages_containing(answer.sentence[:40], doc_id=answer.doc_id)
            resp = lead_with_answer(resp, answer, stated)
            resp = self._said_as_answered(resp, answer.indicator)
            if resp.answer is not None and len(members) > 1:
                # each figure the word stands for, labelled by its own name
                resp = replace(resp, answers=(resp.answer, *(card(*m) for m in members[1:])))
            elif (
                seeks
                and not homed
                and not members
                and not compared(understood)
                and understood.region is None
                and not understood.regions
                and doc is None
                and region is None
                and resp.answer is not None
                and found[0].region not in (None, "", NATIONAL)
            ):
                resp = self._other_places(resp, asked, understood, indicator, found)
        return with_the_others(resp)

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


# a change and the asking words after a figure's name (增长了多少, 降了多少, 有多少)
_REACHED_TAIL_RE = re.compile(
    r"(?:增长|增速|增幅|提高|提升|下降|降低|减少|增加|降|有)?了?(?:多少|几)\S*$"
)


def _asks_reached(asked: str, understood: Understood) -> bool:
    """Whether ``asked`` may be answered by a result its first passage states: no year,
    no plan period, no word of a goal and no comparison, which each choose their own
    answer (a goal's target, a past year's or period's result, a card per place)."""
    return (
        understood.year is None
        and understood.period is None
        and not understood.regions
        and not compared(understood)
        and not asks_goal(asked)
    )
