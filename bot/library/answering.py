"""Which key target answers a question: the record an answer card shows.

:class:`AnswersMixin` looks for it among the documents of the page's hits and the newest
few matching the region and year understood (:meth:`AnswersMixin.target_holders` when a
question names only an indicator), then lets :mod:`bot.library.answers` (pure) choose:
the indicator the table knows, else the extracted name the question repeats most.
"""

from __future__ import annotations

import re
import threading
from functools import partial

from bot.corpus.gazetteer import NATIONAL, chinese_place, default_gazetteer
from bot.corpus.regions import place_in_region
from bot.library.answer_naming import (
    covering,
    named_in,
    named_loosely,
    named_partly,
    spelled_out,
)
from bot.library.answer_years import (
    of_the_period,
    of_the_year,
    stating_the_year,
)
from bot.library.answers import (
    RANK_NAME_END,
    asks_change,
    asks_growth,
    asks_places,
    asks_share,
    best_answer,
    in_written_order,
    is_share,
)
from bot.library.asked_units import (
    asked_count,
    asked_unit,
    asks_time,
    counted_in,
    in_unit,
    time_unit,
)
from bot.library.holders import TargetHolders
from bot.models import DocumentInfo, Understood
from bot.search.index import CompiledIndex
from bot.search.understand import RELATIVE_YEAR_WORDS, excludes_nation
from bot.targets.records import TargetRecord
from bot.text.english_fallback import STOPWORDS
from bot.text.normalize import normalize
from bot.text.tokenize import Tokenizer

# An extracted name this short (病例, 企业) says little of what is counted: an answer card
# may find such a record by the words of the sentence stating it.
BARE_NAME = 2

# The counter of anything (几个): an amount asked with it may be in any unit.
GENERIC_COUNTER = "个"

# What a per-person figure's name starts with (人均地区生产总值)
_PER_HEAD = "人均"

# How many documents matching a question's region and year an answer card is looked for
# in, besides those of the results (newest first).
ANSWER_DOCS = 6


# a rate of change in a rank's name (固定资产投资增速全国排名, 居民人均可支配收入增速全国排名)
_RATE_NAMED_RE = re.compile(r"增速|增幅|增长")
# what a rank's name ranks (地区生产总值 of 地区生产总值增速全国排名)
_RANK_STEM_RE = re.compile(r"(?:增速|增幅)?(?:全国|世界|中西部|西部|内地)?排名$")


def english_readings(understood: Understood) -> dict[str, tuple[str, ...]]:
    """The Chinese words an English word of the query was read as by the dictionary
    (:attr:`Understood.english`: ``space`` -> 场地, 空间 …), each word lower-cased."""
    return {typed.lower(): read for typed, read in understood.english if " " not in typed}


def read_as(
    words: list[str], readings: dict[str, tuple[str, ...]], record: TargetRecord
) -> list[str]:
    """``words`` with each English word the glossary left as typed written as its reading
    that ``record``'s name holds (space information 产业规模 names 空间信息产业规模): the
    dictionary gives several, and the name tells which one was meant. A word none of
    whose readings the name holds stays, and counts against it."""
    if not readings:
        return words
    name = normalize(record.indicator)
    return [
        next((c for c in readings.get(w.lower(), ()) if c in name), w) if w.isascii() else w
        for w in words
    ]


def _beyond_title(words: list[str], info: DocumentInfo) -> list[str]:
    """``words`` without those the document's title holds."""
    title = normalize(info.title or "")
    return [w for w in words if not (len(w) >= 2 and w in title)]


def _title_named(words: list[str], info: DocumentInfo) -> int:
    """The characters of the query's words (two or more characters) that ``info``'s
    title holds: how much the query names the document by its title."""
    title = normalize(info.title or "")
    return sum(len(w) for w in dict.fromkeys(words) if len(w) >= 2 and w in title)


def facet_word(word: str, understood: Understood) -> bool:
    """Whether a query word only names a facet (a region or the year asked, also as
    今年 or 去年: 云南 今年 产业投资占比 names its target with three words, not four).
    A region typed in English or pinyin is one too (employment target Guizhou: Guizhou
    is the 贵州 understood, not a word the figure's name lacks)."""
    place = chinese_place(word) if word.isascii() and word.isalpha() else None
    return bool(
        any(word in r or (place is not None and place in r) for r in understood.all_regions)
        or (understood.year and word.startswith(str(understood.year)))
        or (understood.year and word in RELATIVE_YEAR_WORDS)
        # the plan period asked (十四五期间 …, 十二五时期): it dates the figure as a year
        # does, and no record's name holds it (十四五期间云南省 … 完整性指数提升了几个等级)
        or (understood.period is not None and word in _period_words(understood.period.name))
    )


def _period_words(name: str) -> tuple[str, ...]:
    """How a plan period is typed, in the words the tokenizer cuts it into."""
    return (name, f"{name}期间", f"{name}时期", "期间", "时期")


class AnswersMixin:
    """:class:`~bot.library.Engine`'s answer cards: which record answers a question."""

    index: CompiledIndex
    tokenizer: Tokenizer
    # the documents holding each indicator's targets, and the index they were read from
    _holders: tuple[CompiledIndex, TargetHolders] | None
    _making_holders: threading.Lock
    # indicator_table, indicator_matcher, iter_targets: TargetsMixin

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
        kind: str = "target",
        rank: bool = False,
    ):
        """The key target that answers ``query`` (see :mod:`bot.library.answers`): of the
        indicator the table knows, else of the extracted name the query repeats most;
        with ``within``, only a target stated in that text; ``strict``, only one of
        ``indicator``'s family; ``kind``, records of that kind (``achievement``: a
        result asked); ``rank``, only a rank's record (地区生产总值全国排名), named by the
        query's words (``query`` without its rank words)."""
        docs = self._answer_docs(understood, hits, query)
        infos = {d.doc_id: d for d in docs}
        growth = asks_growth(query)
        # 比2010年增加了多少: the change its sentence states beside the level answers
        changed = asks_change(query, self.indicator_table)
        national = not (asks_places(query) or excludes_nation(query))
        # every target of the documents, read once: a document that sets targets for
        # the year asked answers for it with those, not with its goals for later years
        targets = of_the_period(
            (
                (infos[t.doc_id], t.record)
                for t in self.iter_targets(kind=kind, region=understood.region, docs=docs)
                if t.doc_id in infos
            ),
            query,
        )
        stating = stating_the_year(targets, understood)
        # every card below is chosen by the same reading of the question
        answer = partial(
            best_answer,
            understood=understood,
            growth=growth,
            stating=stating,
            national_first=national,
            kind=kind,
            changed=changed,
        )
        share = asks_share(query)
        unit = asked_unit(query)
        if unit is not None and unit != GENERIC_COUNTER:
            # an amount asked in its unit (安徽 新登记经营主体 多少万户): a record in another
            # (民营经营主体融资担保业务比重 80%, 经营主体减负 1000亿元) answers another question.
            # 个 says little: any count may be asked so, and the corrector writes it for a
            # unit it does not know (改造了多少户老旧小区 -> 多少个)
            targets = [(i, r) for i, r in targets if in_unit(r.unit, unit)]
        if rank:
            # a rank asked: only a rank's record answers, named by what is ranked; the rank
            # of a growth rate (固定资产投资增速全国排名) when a rate is asked, else the
            # level's (地区生产总值全国排名, not 地区生产总值增速全国排名 beside it)
            ranks = [(i, r) for i, r in targets if normalize(r.indicator).endswith(RANK_NAME_END)]
            rated = [(i, r) for i, r in ranks if bool(_RATE_NAMED_RE.search(r.indicator)) == growth]
            targets = rated or ranks
            if indicator:
                # what is ranked, named as the table knows it (GDP: 地区生产总值全国排名)
                matches = self.indicator_matcher(indicator)
                own = [(i, r) for i, r in targets if matches(_RANK_STEM_RE.sub("", r.indicator))]
                if own:
                    return answer(own, asked=indicator)
            indicator = None
        if indicator:
            matches = self.indicator_matcher(indicator)
            # a share asked (工业投资占固定资产投资比重 五年提高到): only a share answers,
            # not the part's own growth (工业投资 增长10%), which the family matches too
            rows = [
                (i, r)
                for i, r in targets
                if matches(r.indicator) and (not share or is_share(r.indicator))
            ]
            found = answer(rows, asked=indicator)
            if found or strict:
                return found
        # an English word of no meaning (by, of, the) names nothing, as 的 does not
        cut = [
            w
            for w in self.tokenizer.cut(normalize(query))
            if w.strip() and not (w.isascii() and w.lower() in STOPWORDS)
        ]
        words = [w for w in cut if not facet_word(w, understood)]
        readings = english_readings(understood)
        facets = [w for w in cut if facet_word(w, understood)]

        table = self.indicator_table
        asked_family = table.family(indicator) if indicator else None
        per_head_asked = _PER_HEAD in normalize(query)

        def another_family(name: str) -> bool:
            # a per-head figure the table knows as its own family when the total is asked
            # (人均地区生产总值 for 宁夏2030年地区生产总值总量; 人均可支配收入 for 可支配收入):
            # the words it shares do not make a level per person the total's answer
            if asked_family is None or per_head_asked or not name.startswith(_PER_HEAD):
                return False
            known = table.canonical(name)
            return known is not None and table.family(known) != asked_family

        stated = [
            (i, r)
            for i, r in targets
            if r.confident  # the only ones a card shows: no others may hide them
            and not another_family(r.indicator)
            and not _owner_missing(indicator, r, query)
            # nor may records of another year, which can never answer
            and of_the_year(i, r, understood, stating)
            and (within is None or r.sentence[:40] in within)
            and (not share or is_share(r.indicator))
        ]
        # First the words the document's title does not say: in a 脑机接口 plan, 脑机接口
        # names every record alike (脑机接口自主创新企业) and tells none apart. Then all.
        # a passage's results (a bulletin's, a review's) pack many figures in one sentence,
        # which names each alike: a bare name (企业 57.5万户) is not named by its sentence there
        packed = within is not None and kind == "achievement"
        named: list = []
        for beyond_title in (True, False):
            asked = [
                (read_as(_beyond_title(words, i) if beyond_title else words, readings, r), i, r)
                for i, r in stated
            ]
            # a bare name (病例 of 构建不少于1000例病例的高质量脑数据开放数据集) is named by
            # the sentence that states it, as much as a longer name by itself
            named = [
                (
                    max(
                        named_in(w, r.indicator),
                        named_in(w, r.sentence)
                        if len(r.indicator) <= BARE_NAME and not packed
                        else 0,
                        # a short name the sentence defines (三新食品), by what it stands for
                        named_in(w, spelled_out(r.indicator, r.sentence)),
                    ),
                    i,
                    r,
                )
                for w, i, r in asked
            ]
            if beyond_title and len({i.doc_id for _, i, _ in named}) > 1:
                # the title's words were left out of each document's naming, so across
                # documents they count again, for the one whose title holds them: 上海
                # 食品科技2027年培育几家自主创新企业 names the 食品科技 plan's 自主创新企业, not
                # the 脑机接口 plan's, whose name tells them apart no better
                named = [(n + _title_named(words, i) if n else 0, i, r) for n, i, r in named]
            if any(n for n, _, _ in named):
                break
        count = asked_count(query)
        counted = self._counted_word(count[1]) if count else ""
        if count and counted and not any(n for n, _, _ in named):
            # a count asked in its measure word before what is counted (多少颗卫星,
            # 几款脑机接口产品): a record counted in that unit answers when its name holds
            # the thing counted, however short (卫星 of 商业卫星年产能; the plan's title
            # names 商业航天). The thing before the count (食品抽检 多少批次) is no such
            # sign: 药品监督抽检 counts in 批次 too
            named = [
                (
                    named_loosely([*words, counted], r.indicator)
                    if counted_in(r.unit, count[0]) and counted in normalize(r.indicator)
                    else 0,
                    i,
                    r,
                )
                for i, r in stated
            ]
        if not any(n for n, _, _ in named) and within is None:
            # else the measure asked, its owner said in other words (农村老人 养老金); not
            # an English word's reading: one of the dictionary's few senses held by a name
            # (metro passenger trips: 轨道交通 of 轨道交通运营线路长度) says too little
            named = [(named_partly(words, r.indicator), i, r) for i, r in stated]
        longest = max((n for n, _, _ in named), default=0)
        if longest:
            # the names a query's words name equally (中老铁路 of 发送旅客 and 运输货物), or
            # in one passage any of its records: the one holding more of the query's
            # other words answers (运了多少货: 运输货物; 医保: 医疗保险, not 养老保险; 酒和
            # 饮料 工业增加值: 酒、饮料和精制茶制造业增加值, not the 加工业增加值 that holds
            # 工业增加值 across two words), and a share only when one is asked (5G用户:
            # 5G移动电话用户, not 5G移动电话用户占全球比重); after the year and the place
            # asked (best_answer), which no better-named record of another year overrides
            # one passage's few records: one its words name less may hold more
            pool = [(n, i, r) for n, i, r in named if n == longest or within is not None]
            rows = [(i, r) for _, i, r in pool]
            held = {
                id(r): (
                    # what names it: a bare name (病例) by its sentence too, as above
                    covering(
                        read_as(words, readings, r),
                        facets,
                        r.indicator
                        + spelled_out(r.indicator, r.sentence)
                        + (r.sentence if len(r.indicator) <= BARE_NAME and not packed else ""),
                    ),
                    share or not is_share(r.indicator),
                    n,
                )
                for n, _, r in pool
            }
        elif within is not None and asks_time(query):
            # 几小时 放行: the passage's target in a time unit answers, whatever its name
            rows = [(i, r) for _, i, r in named if time_unit(r.unit)]
            held = {}
        else:
            return None
        return answer(rows, held=held)

    def _counted_word(self, after: str) -> str:
        """The first word of two or more characters of ``after`` (the text after a
        count's measure word): the thing counted."""
        return next((w for w in self.tokenizer.cut(after) if len(w.strip()) >= 2), "")

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


def _owner_missing(indicator: str | None, record: TargetRecord, query: str = "") -> bool:
    """Whether ``record`` ends as the figure the table knows (``indicator``) ends but names
    none of what that figure is of, that owner typed in ``query``: 森林覆盖率 asked,
    农村生活垃圾收运体系村民小组覆盖率 shares only 覆盖率; 快递业务量 asked, EF账户业务量 only
    业务量. The query named the figure whole and no record of its family answered, so a
    record of another thing's measure answers another question (cards-left42: r2953,
    r4254). An owner the table's name adds to what was typed (公益性岗位 read as a longer
    name) is no owner asked: the record the words name answers as before."""
    if not indicator:
        return False
    asked, name = normalize(indicator), normalize(record.indicator)
    end = 0
    while end < min(len(asked), len(name)) and asked[-1 - end] == name[-1 - end]:
        end += 1
    owner = asked[: len(asked) - end]
    if end < 2 or len(owner) < 2 or owner in name or owner not in normalize(query):
        return False
    # the owner's any two characters in the name or, for a bare name, its sentence:
    # 城镇调查失业率 asked keeps 城镇登记失业率 (城镇), which the family reads otherwise
    said = name + (normalize(record.sentence) if len(name) <= BARE_NAME else "")
    return not any(owner[k : k + 2] in said for k in range(len(owner) - 1))
