"""Direct answers: the key target a question asks for, before the passages.

``四川 2026 地区生产总值 增长目标`` asks for one record: the 2026 GDP growth target of
Sichuan's report. When a query names an indicator the table knows and asks for a
target (目标, 预期, 多少, 计划 …), the library looks the record up among the extracted
key targets and the reply opens with it (:class:`~bot.models.AnswerCard`); the passage
that states it moves to the top of the first page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping

from bot.corpus.gazetteer import NATIONAL
from bot.library.answer_cards import MAX_ANSWERS as MAX_ANSWERS
from bot.library.answer_cards import card as card
from bot.library.answer_cards import compared as compared
from bot.library.answer_cards import comparison_cards as comparison_cards
from bot.library.answer_cards import inside_asked
from bot.library.answer_cards import lead_with_answer as lead_with_answer
from bot.library.answer_naming import covering as covering
from bot.library.answer_naming import named_in as named_in
from bot.library.answer_naming import named_loosely as named_loosely
from bot.library.answer_naming import named_partly as named_partly
from bot.library.answer_naming import spelled_out as spelled_out
from bot.library.answer_years import of_the_period as of_the_period
from bot.library.answer_years import of_the_year
from bot.library.answer_years import record_years as record_years
from bot.library.answer_years import stating_the_year as stating_the_year
from bot.library.asked_units import _ASKED_COUNT_RE, _ASKED_TIME_RE
from bot.library.asked_units import MAGNITUDE_YI as MAGNITUDE_YI
from bot.library.asked_units import asked_count as asked_count
from bot.library.asked_units import asked_unit as asked_unit
from bot.library.asked_units import asks_time as asks_time
from bot.library.asked_units import counted_in as counted_in
from bot.library.asked_units import in_unit as in_unit
from bot.library.asked_units import time_unit as time_unit
from bot.models import DocumentInfo, Understood
from bot.search.asking import asks_which_places
from bot.search.plan_periods import periods_named
from bot.search.understand import asks_past_period
from bot.targets.indicators import IndicatorTable
from bot.targets.records import TargetRecord
from bot.text.normalize import normalize
from bot.text.synonyms import Synonyms

# Words of a question that wants a figure, not a discussion; a time or a count asked
# (几小时, 多久, 几家企业: :mod:`bot.library.asked_units`) wants one too.
_SEEKS_TARGET_RE = re.compile(
    rf"目标|预期|多少|计划|力争|增长多少|几个百分点|指标|任务|{_ASKED_TIME_RE.pattern}"
    rf"|{_ASKED_COUNT_RE.pattern}"
    # as an English speaker asks (GDP target Sichuan), the query lower-cased
    r"|(?<![a-z])(?:targets?|goals?|how much|how many)(?![a-z])"
)
_ASCII_RE = re.compile(r"[a-z][a-z0-9.&]*")


def asked_indicator(
    query: str,
    table: IndicatorTable,
    synonyms: Synonyms | None = None,
    facet: Callable[[str], bool] | None = None,
) -> str | None:
    """The canonical indicator ``query`` names (the longest alias found), or ``None``.

    With ``synonyms``, a query naming no alias names the indicator of an alias its
    longest synonym entry reaches: analysts say 财政收入 for 一般公共预算收入, a word the
    synonym files know and the table, which names what reports write, does not."""
    text = _ASCII_RE.sub(lambda m: m.group().upper(), normalize(query))
    found = table.find_all(text)
    if not found:
        # words typed apart that the table knows together (R&D 强度, 人均 GDP)
        found = table.find_all(re.sub(r"\s+", "", text))
    if found:
        return max(found, key=lambda m: m.end - m.start).canonical
    abbreviated = _indicator_by_abbreviation(text, table, facet)
    if abbreviated is not None or synonyms is None:
        return abbreviated
    return _indicator_by_synonym(text, table, synonyms)


# Letters and figures typed as a word of their own (PM2.5 目标): what reports name
# with the measure after them (PM2.5平均浓度, PM2.5浓度), a user leaves the measure unsaid.
# Followed by a Chinese word they are that word's start (PM2.5达标天数), unless the word
# asks (PM2.5目标, PM2.5降到多少).
_ABBREVIATION_RE = re.compile(
    r"(?<![A-Z0-9._])(?:[A-Z]+\d+(?:\.\d+)?|\d+[A-Z]+)"
    r"(?![A-Z0-9._])(?:(?![\u3400-\u9fff])|(?=目标|多少|要|是|控制|降|下降))"
)
_LETTER_OR_FIGURE_RE = re.compile(r"[A-Z0-9._]")


# The Chinese word typed next, after a space (5G 用户), and the words that only ask about
# the figure or how it moved (PM2.5 下降 多少, 5G 是多少)
_NEXT_WORD_RE = re.compile(r"\s+([\u3400-\u9fff]+)")
_ASKS_ONLY_RE = re.compile(
    r"是|要|控制|降|下降|达到|怎么|如何|情况|增长|增速|年均|涨|提高|减少|变化|数据|水平"
)


def _indicator_by_abbreviation(
    text: str, table: IndicatorTable, facet: Callable[[str], bool] | None = None
) -> str | None:
    """The indicator whose aliases letters and figures typed alone open (PM2.5 ->
    PM2.5平均浓度, PM2.5浓度): ``None`` when they open no alias or those of several.

    With ``facet`` (whether a word only names the region or year asked), a word typed
    after them that is no facet, asks nothing and does not go on as the alias does names
    another measure of the same thing (5G 用户 asks for users, not 5G基站): ``None``."""
    for m in _ABBREVIATION_RE.finditer(text):
        word = m.group()
        aliases = [
            alias
            for alias in table.aliases
            if alias.startswith(word) and not _LETTER_OR_FIGURE_RE.match(alias, len(word))
        ]
        owners = {table.aliases[alias] for alias in aliases}
        if len(owners) != 1:
            continue
        after = _NEXT_WORD_RE.match(text, m.end()) if facet is not None else None
        if after is not None:
            said = after.group(1)
            goes_on = any(alias[len(word) :].startswith(said[:2]) for alias in aliases)
            if not (goes_on or facet(said) or seeks_target(said) or _ASKS_ONLY_RE.match(said)):
                continue
        return owners.pop()
    return None


def _indicator_by_synonym(text: str, table: IndicatorTable, synonyms: Synonyms) -> str | None:
    """The indicator the longest synonym entry in ``text`` reaches (see
    :func:`asked_indicator`); a report's loose wording (text aliases such as 经济增长)
    never counts."""
    for term in synonyms.terms_in(text):
        for variant in synonyms.expand(term):
            canonical = table.canonical(variant)
            if canonical is not None and variant not in table.text_only:
                return canonical
            # 细颗粒物, a synonym of the letters PM2.5 that open the indicator's aliases
            abbreviated = _indicator_by_abbreviation(variant.upper(), table)
            if abbreviated is not None:
                return abbreviated
    if asks_growth(text):
        # an industry's growth asked without its measure (规上工业 增速) is the growth of
        # its value added, as the statistics state it (规模以上工业增加值增长7.5%)
        for term in synonyms.terms_in(text):
            for variant in synonyms.expand(term):
                canonical = table.canonical(variant + _VALUE_ADDED)
                if canonical is not None:
                    return canonical
    return None


_VALUE_ADDED = "增加值"


def asks_growth(query: str) -> bool:
    """Whether ``query`` asks for a rate of change (增长, 增速, 增幅, 提高)."""
    return re.search(r"增长|增速|增幅|提高|下降", normalize(query)) is not None


# A place's rank asked (安徽国家级农业产业化龙头企业数全国排第几, 四川 GDP 总量 全国排名 2025,
# 安徽 汽车产量 全国排第几, Ningxia 5G penetration rank): reports state ranks as records of
# their own (地区生产总值全国排名 5位, 固定资产投资增速全国排名), which the figure's name alone
# does not name; the corrector may move 排 (企业数从全国第几), so 全国第几 alone asks too
_RANK_ASKED_RE = re.compile(
    r"(?:全国|全國|世界|国内|國內)?(?:排名|排行|排第[几幾]|排[几幾]|第[几幾]位|第[几幾]名|位次|名次)"
    r"|(?:全国|全國|世界)第[几幾]"
    r"|\brank(?:ing|ed|s)?\b",
    re.IGNORECASE,
)
# a rank's record: its name ends so (地区生产总值全国排名, 数字经济总体规模世界排名)
RANK_NAME_END = "排名"


def asks_rank(query: str) -> bool:
    """Whether ``query`` asks a place's rank among others (全国排第几, 全国排名, rank)."""
    return _RANK_ASKED_RE.search(query) is not None


def without_rank_words(query: str) -> str:
    """``query`` without the words that ask a rank: what is ranked is left to name it."""
    return _RANK_ASKED_RE.sub(" ", query)


# Words that ask for a figure only when the query names an indicator the table knows
# (2025年 超长期特别国债 发行规模, 2015年 财政赤字 安排): alone, 安排 or 规模 is a
# topic (重大项目 安排, 产业规模). The verbs a target is set with (城镇登记失业率 控制在,
# 粮食产量 稳定在) ask for its figure as 要达到 does; alone they are a topic (控制在合理区间).
_SEEKS_WITH_INDICATOR_RE = re.compile(
    r"规模|安排|多大|几个|几项|几家|要达到|达到多少|控制在|保持在|稳定在|降到|降至|降低到|提高到"
    # a figure checked (赤字率是不是4%): the record answers yes or no
    r"|是不是"
    # as an English speaker asks it (what is the deficit ratio, what's the GDP growth of
    # Sichuan, how high is CPI): of an indicator, its figure, as 赤字率是多少 asks; of
    # anything else (what is new quality productive forces) a meaning, not a figure
    r"|(?<![a-z])(?:what(?:'s|’s|\s+(?:is|are|was|were|will\s+be))|how\s+(?:high|large|big|fast))"
    r"(?![a-z])"
)


def seeks_target(query: str, table: IndicatorTable | None = None) -> bool:
    """Whether ``query`` asks for a figure (目标, 多少 …) rather than a topic. With
    ``table``, the words that ask only about a named indicator count too, outside the
    indicator's own name (发行规模, not 社会融资规模)."""
    text = normalize(query)
    if _SEEKS_TARGET_RE.search(text) is not None:
        return True
    if table is None:
        return False
    found = table.find_all(_ASCII_RE.sub(lambda m: m.group().upper(), text))
    if not found:
        return False
    chars = list(text)
    for m in found:
        chars[m.start : m.end] = " " * (m.end - m.start)
    return _SEEKS_WITH_INDICATOR_RE.search("".join(chars)) is not None


# a rate of change typed right after an indicator's name
_RATE_AFTER_RE = re.compile(r"\s*(?:增速|增幅|增长率)")
# 到, 至, 截至 left standing alone where a year they led was taken out of a query
_YEAR_LEAD_RE = re.compile(r"(?<![\u3400-\u9fff])(?:到|至|截至|截止)(?![\u3400-\u9fff])")


def names_only_indicator(rest: str, table: IndicatorTable) -> bool:
    """Whether ``rest`` (a query without its region and year words) is nothing but names
    of indicators the table knows: ``四川 GDP 2026``, ``sichuan GDP 2026`` and ``2026
    粮食产量 宁夏`` ask for the figure of that place and year as ``GDP 目标`` does, in
    whatever order they are typed; ``GDP 2026 招商`` is about more than the figure. A
    report's loose wording (经济增长, a text alias) names no figure alone."""
    # its rate of change typed after a name (周口 2023年 规上工业增加值增速, 四川 2026 GDP
    # 增幅): the figure of that place and year all the same, its growth
    left = _names_blanked(_asked_text(rest), table, _RATE_AFTER_RE)
    return left is not None and re.search(r"[\w\u3400-\u9fff]", left[0]) is None


def named_by_synonyms(rest: str, table: IndicatorTable, synonyms: Synonyms) -> str:
    """``rest`` with each synonym entry that reaches a figure's name the table knows
    written as that name (周口 财政收入 增幅 2023: 一般公共预算收入 增幅), as
    :func:`asked_indicator` reads it: analysts name a figure so, and with a place and a
    year it asks that figure as the table's own name does (:func:`names_only_indicator`).
    A report's loose wording (a text alias) names none."""
    text = normalize(rest)
    taken: list[str] = []
    for term in synonyms.terms_in(text):
        if any(term in longer for longer in taken):
            continue  # part of a longer entry already read (收入 of 财政收入)
        for variant in synonyms.expand(term):
            if table.canonical(variant) is not None and variant not in table.text_only:
                text = text.replace(term, f" {variant} ")
                taken.append(term)
                break
    return text


def _asked_text(rest: str) -> str:
    """``rest`` folded as the table reads it, the word that led the year blanked."""
    text = _ASCII_RE.sub(lambda m: m.group().upper(), normalize(rest))
    # the word that led the year (贵州到2030年每万人口高价值发明专利拥有量, 上海到2025年底…):
    # left alone once the year is read, it dates the figure, as the year does
    return _YEAR_LEAD_RE.sub(" ", text)


def _names_blanked(
    text: str, table: IndicatorTable, after_re: re.Pattern[str]
) -> tuple[str, int] | None:
    """``text`` with the figures' names the table knows blanked, and the rate ``after_re``
    reads right after each, and how many rates there were; ``None`` when it names none."""
    found = [m for m in table.find_all(text) if m.alias not in table.text_only]
    if not found:
        return None
    chars = list(text)
    rates = 0
    for m in found:
        chars[m.start : m.end] = " " * (m.end - m.start)
        if grown := after_re.match(text, m.end):
            chars[grown.start() : grown.end()] = " " * (grown.end() - grown.start())
            rates += 1
    return "".join(chars), rates


# A result word typed as a word of its own (海南 CPI 2025 实际, Ningxia FAI growth 2025
# actual): what was reached is asked, not what was set
_RESULT_WORD_RE = re.compile(
    r"(?<![\u3400-\u9fffA-Z])(?:实际(?:值|数)?|ACTUAL)(?![\u3400-\u9fffA-Z])"
)
# a rate typed after a figure's name, 增长 (growth) too, 实际 before it (GDP 实际增长)
_GROWTH_AFTER_RE = re.compile(r"\s*(?:实际)?\s*(?:增长率|增长|增速|增幅)(?![\u3400-\u9fff])")


def names_past_result(rest: str, table: IndicatorTable) -> bool:
    """Whether ``rest`` (a query without its region and year words) is the names of
    indicators the table knows with a rate or a result word and nothing else (宁夏 2025 GDP
    增长, 皖 2025 GDP growth, 海南 CPI 2025 实际): asked of a past year, what that year
    reached, which a target of the year would not answer. A name alone, or its 增速, is
    :func:`names_only_indicator`'s."""
    text, said = _RESULT_WORD_RE.subn(" ", _asked_text(rest))
    left = _names_blanked(text, table, _GROWTH_AFTER_RE)
    if left is None:
        return False
    return bool(said + left[1]) and re.search(r"[\w\u3400-\u9fff]", left[0]) is None


# What a figure's name ends with (茶叶产量, 渔业总产值, 达标面积比例, 常住人口, 技术合同成交额,
# 高速公路里程: 黔东南's, 四川's 铁路运营里程, the national 2015 report's 新建铁路投产里程):
# a noun phrase ending so, typed with a place and a year and nothing else, names that
# figure as a name the table knows does (names_only_indicator), though the table lacks it
_FIGURE_HEAD_RE = re.compile(
    r"(?:产量|产值|总值|增加值|比重|比例|占比|[^\W\d_]率|总额|成交额|零售额|总量|规模|面积|人口"
    r"|收入|支出|余额|人数|产能|装机|吞吐量|拥有量|强度|出栏|存栏|里程|[位户床]数"
    # a price a bulletin states by its category's change (周口 粮食类价格 涨幅 2023, 成都 2022
    # 衣着类价格 比上年): a figure as a 产量 is
    r"|价格)$"
)
# a size asked after the figure's name instead of 多少 (杨浦 科技创新策源区 面积多大, 成都地铁
# 运营线路有多长, 跨境电商进出口规模有多大): how the figure is asked, not what it measures
_SIZE_ASKED_RE = re.compile(r"(?:有|是)?多[大长高宽远]$")
# its rate of change typed after it (周口 粮食类价格 涨幅 2023, 2025 居民消费价格 涨幅): the
# figure all the same, its change asked, as names_only_indicator reads 规上工业增加值增速
_CHANGE_ASKED_RE = re.compile(r"(?:的)?(?:涨幅|增幅|增速|降幅|增长率)$")
# the asker's own place said before the place named (我们杨浦区, 咱们黔东南州, 咱贵州省): whose
# figure it is, not what it measures
_ENGLISH_CHANGE_RE = re.compile(r"(?:增长率|增长|增速)$")
_OWN_PLACE_RE = re.compile(r"^(?:我们|咱们|咱|俺们)(?:的)?")
_HAN_RE = re.compile(r"[\u3400-\u9fff]")
# English words left around such a phrase once its terms are read (resident population
# end of 2022, digital economy share of GDP by 2030): they date it, as 到 and 年底 do
_ENGLISH_FILLER_RE = re.compile(r"(?<![a-z])(?:end|end of|of|in|by|at|the|year|as)(?![a-z])")
# the space an English question's terms are read apart by (猪肉 产量 of pork output)
_BETWEEN_TERMS_RE = re.compile(r"(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])")
# what dates the phrase in Chinese once the year is read (到2025年底, 至2030年末)
_DATE_WORDS_RE = re.compile(r"(?:达到|到|至|截至|截止)?(?:年底|年末|底|末)?$")


def names_a_figure(
    rest: str, *, english: bool = False, counted: bool = False, dated: bool = False
) -> bool:
    """Whether ``rest`` (a query without its region and year words) is one noun phrase
    naming a figure (:data:`_FIGURE_HEAD_RE`), with at most the words that date it: 黔东南
    2023年茶叶产量 and 上海到2025年底海绵城市建成区达标面积比例 ask for that figure as 四川
    GDP 2026 does; 成都 2022 旅游 or 茶叶 产业 发展 are topics. ``english``: the query was
    typed in English, whose words were read as Chinese terms written apart (Zhoukou pork
    output 2023 -> 猪肉 产量; digital economy share of GDP -> 数字经济 占…比重): the terms
    read side by side are one phrase, as the English words were. ``counted``: with
    ``english``, the glossary's term read whole names a figure though no figure's word ends
    it (motor vehicles -> 机动车), as a question with a place and a year asks it. ``dated``:
    a year was asked, so a rate typed after the name (粮食类价格 涨幅, growth) asks that year's
    change of the figure; with no year such a rate stays a topic (甘肃 工业增加值 增速)."""
    text = _ENGLISH_FILLER_RE.sub(" ", normalize(rest).lower())
    text = _YEAR_LEAD_RE.sub(" ", text).strip()
    text = _OWN_PLACE_RE.sub("", text).strip()
    text = _SIZE_ASKED_RE.sub("", text).strip()
    if dated:
        text = _CHANGE_ASKED_RE.sub("", text).strip()
    text = _DATE_WORDS_RE.sub("", text).strip()
    if english:
        text = _BETWEEN_TERMS_RE.sub("", text)
        if dated:
            # growth asked of it (inbound overnight tourists growth 2025): the figure's change
            text = _ENGLISH_CHANGE_RE.sub("", text)
    # a Latin acronym or a digit inside the phrase (与rcep国家对外投资占比, 5g基站数量,
    # pm2.5平均浓度) is part of the figure's name, not another word
    if not 3 <= len(text) <= 24 or re.fullmatch(r"[\u3400-\u9fffa-z0-9.]+", text) is None:
        return False
    if len(_HAN_RE.findall(text)) < 3:
        return False
    # an English question names the thing counted, not the count (Chengdu motor vehicles
    # 2022 -> 机动车, Yunnan inbound overnight tourists 2025 -> 入境过夜游客): the glossary's
    # term read whole, with a place and a year, asks its figure as 机动车保有量 would
    return _FIGURE_HEAD_RE.search(text) is not None or (
        english and counted and _HAN_RE.sub("", text) == ""
    )


# The most families a word may end the names of and still be answered with each one's
# record (失业率: 城镇调查失业率 and 城镇登记失业率); a word ending more (增加值, 产量) is
# a topic, not a figure asked.
MAX_MEMBERS = 3
# What may stand around the word beside the words asking for a figure: 年 after a year
# typed without a space (湖北2026年失业率), 的, 是, and the verb a target is set with
# (失业率 控制在多少, 要达到多少, 目标是多少, 保持在多少): how the figure is asked, not
# what it measures
_AROUND_WORD_RE = re.compile(
    r"^(?:年度?|的)+"
    r"|(?:(?:要|将|需|应)?(?:控制在|控制|保持在|保持|稳定在|达到|降到|降至|降低到|"
    r"提高到|提升到|为|是|的))+$"
)


def umbrella_indicators(rest: str, table: IndicatorTable) -> tuple[str, tuple[str, ...]] | None:
    """``(word, indicators)`` when ``rest`` (a query without its region and year words)
    is one word that the table knows as no name but that ends the names of two to
    :data:`MAX_MEMBERS` families, with at most the words asking for a figure beside it:
    失业率 ends 城镇调查失业率 and 城镇登记失业率, 存款余额 the deposit balances. Such a
    word asks for each of those figures (湖北 2026 失业率, ``unemployment rate Hubei
    2026``), not for none. ``indicators`` holds one canonical name per family, in table
    order; ``None`` otherwise."""
    text = re.sub(r"\s+", "", _SEEKS_TARGET_RE.sub(" ", normalize(rest).lower()))
    word = _AROUND_WORD_RE.sub("", text)
    if len(word) < 3 or table.known_name(word) is not None:
        return None
    families: dict[str, str] = {}
    for alias, canonical in table.aliases.items():
        if alias.endswith(word) and alias not in table.text_only:
            families.setdefault(table.family(canonical), canonical)
            if len(families) > MAX_MEMBERS:
                return None
    if len(families) < 2:
        return None
    order = {name: k for k, name in enumerate(table.groups)}
    return word, tuple(sorted(families.values(), key=lambda c: order.get(c, len(order))))


def in_written_order(
    found: list[tuple[DocumentInfo, TargetRecord]], table: IndicatorTable
) -> list[tuple[DocumentInfo, TargetRecord]]:
    """``found`` (the records of an :func:`umbrella_indicators` word, in table order) in
    the order their one sentence writes them (城镇调查失业率5.5%左右，城镇登记失业率4.5%以内:
    the report's headline first); records of several sentences stay as they are."""
    if len({(i.doc_id, r.sentence) for i, r in found}) != 1:
        return found

    def written_at(one: tuple[DocumentInfo, TargetRecord]) -> int:
        record = one[1]
        return min(
            (
                m.start
                for m in table.find_all(normalize(record.sentence))
                if table.same_family(m.canonical, record.indicator)
            ),
            default=len(record.sentence),
        )

    return sorted(found, key=written_at)


# How a result says a mark was passed rather than the figure reached
_CROSSED = frozenset({"突破", "超过", "超", "跃上", "迈上", "跨上", "逾"})
# A change asked (增加了多少, 比上年增加多少, 降了多少), not a level reached (提高到, 降至),
# nor the 增加值 of a name the table does not know (数字经济核心产业增加值占GDP的比重, 文化产业
# 增加值是多少): value added is a figure, not its change
CHANGE_ASKED_RE = re.compile(r"(?:增加(?!值)|减少|增长|下降|提高|降低|涨|降)(?![到至])")


def asks_change(asked: str, table: IndicatorTable) -> bool:
    """Whether ``asked`` asks how much a figure changed (增加了多少, 涨了多少), outside
    the indicator names the table finds in it (城镇新增就业)."""
    text = normalize(asked).upper()
    chars = list(text)
    for m in table.find_all(text):
        chars[m.start : m.end] = " " * (m.end - m.start)
    return CHANGE_ASKED_RE.search("".join(chars)) is not None


def states_change(record: TargetRecord) -> bool:
    """Whether ``record`` states a change (增加13480元, 比上年增加2.9万亿元), not a level
    (完成30788元, 增加到, 11.86万亿元)."""
    change = record.change or ""
    return CHANGE_ASKED_RE.search(change) is not None and not change.endswith(("到", "至"))


def best_answer(
    rows: Iterable[tuple[DocumentInfo, TargetRecord]],
    understood: Understood,
    asked: str | None = None,
    *,
    growth: bool = False,
    stating: Collection[str] = (),
    national_first: bool = True,
    kind: str = "target",
    changed: bool = False,
    held: Mapping[int, tuple[int, bool, int]] | None = None,
) -> tuple[DocumentInfo, TargetRecord] | None:
    """The record that answers: a confident target of the asked year (the record's
    period first, then the document's year, unless the document is in ``stating``: it
    sets targets for the year asked, see :func:`of_the_year`), of the asked indicator
    itself before the rest of its family (国内生产总值 is not a district's 地区生产总值),
    of the newest document when no year was asked, the first one a document states
    (its 主要预期目标 paragraph comes before the tasks). With ``growth`` (the query
    says 增长, 增速) a rate of change goes before a level. With no region asked, the
    country's target goes before a province's or a city's (经济增长 目标 asks for the
    national goal, whichever province's report is newer), unless not ``national_first``
    (the query asks about provinces or cities: :func:`asks_places`). ``kind``: the
    records of that kind answer (``achievement``: a result asked). With ``changed``
    (the query asks how much a figure changed: 比2010年增加了多少, 比上年增加多少) a record
    stating a change goes before the level its sentence also states. ``held``: how
    well each record's name covers the query (by ``id`` of the record: :func:`covering`,
    whether it is no share or a share was asked, how much the query's words name it),
    after the year and the place."""
    nowhere = national_first and understood.region is None and not understood.regions
    best: tuple[tuple, DocumentInfo, TargetRecord] | None = None
    for order, (info, record) in enumerate(rows):
        if record.kind != kind or not record.confident:
            continue
        if not of_the_year(info, record, understood, stating):
            continue
        wanted = understood.year
        period = wanted is not None and record.year == str(wanted)
        if kind == "achievement" and wanted is None and understood.period is not None:
            # a plan period asked (十四五期间外资年均增长多少): what the period reached
            # (年均增长16.7%, 2021-2025) before its last year's result (增长19.9%, 2025)
            p = understood.period
            period = record.year == f"{p.first}-{p.last}"
        document = wanted is not None and info.year == wanted
        exact = asked is not None and record.indicator == asked
        rate = growth and record.unit in ("%", "个百分点")
        moved = changed and states_change(record)
        national = nowhere and (record.region or info.region) == NATIONAL
        # a region asked: its own figure before a place's inside it (四川 asked, the
        # province's target before a county's, however newer or nearer the county's)
        own = understood.region is not None and not inside_asked(
            record.region or info.region, understood.region
        )
        # of one document, with no year asked: its targets for its own year before its
        # goals for later ones (a 2026 report's 40% for 2026 before its 45% for 2030)
        of_its_year = wanted is None and record.year in ("", str(info.year))
        # a result: the figure the year reached (完成地区生产总值32765亿元) before a mark it
        # crossed (地区生产总值突破3万亿元, the five-year review's): Yunnan's and Guizhou's
        # reports say both of 2025
        reached = kind == "achievement" and record.change not in _CROSSED
        key = (
            period,
            own,
            national,
            held.get(id(record), (0, True, 0)) if held else (0, True, 0),
            exact,
            rate,
            moved,
            reached,
            document,
            info.year or 0,
            of_its_year,
            record.confidence,
            -order,
        )
        if best is None or key > best[0]:
            best = (key, info, record)
    return (best[1], best[2]) if best else None


# Words asking about the places below the country (哪些省份, 各省, 各地市): no national
# target answers them.
_PLACES_ASKED_RE = re.compile(r"省份|各省|各地|各市|各城市|地方|哪个省|哪个市|哪个城市|哪些城市")


def asks_places(query: str) -> bool:
    """Whether ``query`` asks about provinces or cities rather than the country
    (哪些省份提出…目标, 各省 GDP 目标)."""
    return _PLACES_ASKED_RE.search(normalize(query)) is not None or asks_which_places(query)


# A question about what was achieved, not a target: said in the past (提高了多少) or
# about the span of a period that has ended (过去五年, 十四五期间 in 2026) without a
# word of a goal (十四五期间 要达到: the plan's target).
# A goal said set (目标定了多少, 财政赤字率定了多少, 经济增长目标定的多少, 定在多少) asks the
# figure set, not one reached: 定了 is no 了 of a result.
_ASKS_RESULT_RE = re.compile(r"(?<!定)了(?:多少|几)")
# A bound asked (控制在多少以内, 不低于多少, 不超过多少) is a goal's too: a ceiling or a
# floor is what a plan sets; a result is said as the figure reached.
_GOAL_WORD_RE = re.compile(
    r"目标|预期|力争|计划|任务|要|以内|不低于|不超过|不高于|控制在|定[了的在](?:多少|几)"
)


# A rate a year asked (年均增长, 年均提高): beside a past plan period named bare (十四五 in
# 2026: 安徽十四五制造业投资年均增长多少, 宁夏 十四五 经济 年均增长), it asks what the period
# reached, as 十四五期间 does; 十四五 alone stays the plan (十四五 航空救援 几小时内到达), and
# a name holding 年均 (年均每十万人受灾人次) asks no rate.
_RATE_A_YEAR_RE = re.compile(r"年均(?:增长|增速|增幅|提高|提升|递增|下降|降低|减少)")


def asks_rate_a_year(query: str) -> bool:
    """Whether ``query`` asks a rate a year (年均增长, 年均提高): a period's average, which
    one year's rate does not answer."""
    return _RATE_A_YEAR_RE.search(normalize(query)) is not None


def asks_result(query: str, this_year: int) -> bool:
    """Whether ``query`` asks what was achieved (贵州 过去五年 城镇化率 提高了多少): a
    target card would answer another question, and would put its passage first."""
    text = normalize(query)
    if _ASKS_RESULT_RE.search(text):
        return True
    if _GOAL_WORD_RE.search(text) is not None:
        return False
    return asks_past_period(text, this_year) or (
        _RATE_A_YEAR_RE.search(text) is not None
        and any(last < this_year for _, last in periods_named(text, normalized=True))
    )


def asks_goal(query: str) -> bool:
    """Whether ``query`` says a word of a goal (目标, 预期, 计划, 要, 控制在 …): without one, a
    figure asked of a past year (安徽去年粮食产量是多少, 2024年全国粮食产量是多少) asks what
    was reached."""
    return _GOAL_WORD_RE.search(normalize(query)) is not None


# How a thing is to be done (怎么实现, 如何完成, 怎样提高): the answer is the measures, not the
# figure, even when a target is named (四川GDP增长目标怎么实现). Not 怎么样 nor a 如何 that ends
# the question (进展如何, 增长如何: how it went), nor beside a count asked (多少, 几).
_HOW_TO_RE = re.compile(r"(?:怎么|如何|怎样)(?!样)(?=[\u4e00-\u9fff])")
_COUNT_RE = re.compile(r"多少|几")


def asks_how_to(query: str) -> bool:
    """Whether ``query`` asks how something is to be done (四川GDP增长目标怎么实现) rather
    than for a figure: no card then, the passages of the measures answer."""
    text = normalize(query)
    return _HOW_TO_RE.search(text) is not None and _COUNT_RE.search(text) is None


def without_denominators(query: str, table: IndicatorTable) -> str:
    """``query`` without the indicators that are only the base of a share (数字经济 占GDP
    比重: GDP is what the share is of, not what is asked)."""
    text = _ASCII_RE.sub(lambda m: m.group().upper(), normalize(query))
    chars = list(text)
    for m in table.find_all(text):
        if text[: m.start].rstrip().endswith("占") and _SHARE_RE.match(text, m.end):
            chars[m.start : m.end] = " " * (m.end - m.start)
    return "".join(chars)


_SHARE_RE = re.compile(r"\s*的?(?:比重|比例)")
# A name that is a share (民间投资占固定资产投资比重, 数字经济核心产业增加值占比). R&D's
# 投入强度 is one by definition, its spending's share of GDP: reports write the same
# target either way (杨浦: 全社会研发经费投入占GDP的比重达5.5%, a 研发经费投入强度 for the
# table; 贵州, 海南: 研发经费投入强度), and users ask it either way (R&D 占GDP比重)
_SHARE_NAME_RE = re.compile(r"占|比重|比例|投入强度")


_SHARE_ASKED_RE = re.compile(r"占\s*\S{0,12}?\s*的?(?:比重|比例)|占比")


def asks_share(query: str) -> bool:
    """Whether ``query`` asks a share (工业投资占固定资产投资比重, 数字经济 占GDP比重,
    民间投资占比), also once :func:`without_denominators` has blanked its base: the part
    left named (工业投资) has figures of its own (增长10%) that answer another question."""
    return _SHARE_ASKED_RE.search(normalize(query)) is not None


# The names a share of the economy is asked with (R&D投入占GDP比重, 占地区生产总值比重)
_GDP_BASES = ("GDP", "地区生产总值", "国内生产总值")
_OF_GDP_ASKED_RE = re.compile(r"占\s*(?:GDP|地区生产总值|国内生产总值)")


def share_of_gdp(indicator: str, query: str, table: IndicatorTable) -> str | None:
    """The table's share of GDP of ``indicator`` when ``query`` asks one (杨浦 R&D投入
    占GDP比重: 研发经费支出's share, the table's 研发经费投入强度, named so whatever form
    of the part was typed), else ``None``. The base blanked (:func:`without_denominators`),
    the part alone names the spending, whose level no share question asks."""
    if (
        _OF_GDP_ASKED_RE.search(_ASCII_RE.sub(lambda m: m.group().upper(), normalize(query)))
        is None
    ):
        return None
    family = table.family(indicator)
    parts = [a for a, c in table.aliases.items() if table.family(c) == family]
    for part in dict.fromkeys([indicator, *parts]):
        for base in _GDP_BASES:
            known = table.canonical(f"{part}占{base}比重")
            if known and known != indicator:
                return known
    return None


def is_share(indicator: str) -> bool:
    """Whether an extracted name is a share (占, 比重, 比例: 占比 too)."""
    return _SHARE_NAME_RE.search(indicator) is not None
