"""Target, achievement or estimate; and the period a figure refers to.

The same words mean a result under ``一、2023年工作回顾`` and a goal under
``三、2024年重点工作``, so the section decides first. Inside sections that say
neither (a speech, a news feature, a vision paragraph) the words around the figure
decide, nearest cue first: the clause, then the sentence, then the paragraph and the
section read so far. The periods written in the text and the years they are
(:func:`period_marks`, :func:`normalize_year`, :func:`speaking_year`) are
:mod:`~bot.targets.written_periods`'s, imported from here too.

* ``estimate``: ``预计`` earlier in the same 。-sentence (its scope runs across ``；``).
* ``achievement``: review sections, statistical bulletins, past-tense cues (``了``,
  ``已``, an earlier year), present assets (``依托``, ``用好``), stative descriptions.
* ``target``: plan sections, ``力争``/``确保``/``计划``/``要``/``将``, ``主要预期目标``,
  goal lists (``奋斗目标是：`` followed by ``——`` items), a year not yet reached.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from bot.targets.frozen import quick_init
from bot.targets.numbers import Figure
from bot.targets.records import Kind
from bot.targets.regex_gate import gated
from bot.targets.written_periods import (  # noqa: F401 (the periods: imported from here)
    _RELATIVE_YEAR_RE,
    _RELATIVE_YEARS,
    _WHOLE_YEAR_WORDS,
    _YEAR_RE,
    PeriodMarks,
    _whole_of_written_year,
    heading_year,
    normalize_year,
    period_before,
    period_marks,
    resolve_year,
    speaking_year,
)

REVIEW, PLAN, NEUTRAL = "review", "plan", "neutral"

# 截至2022年6月: a date up to which something has happened, not a horizon.
# 1月, 12月26日 right after a year: a date (1—6月 is a part of the year, not a date)
_DATE_AFTER_RE = re.compile(r"\s*\d{1,2}\s*月(?!\s*[-—－–~～至])")
_AS_OF_RE = re.compile(r"(?:截至|截止到?|至今|到目前)\s*$")
# （2025年4月16日）, 2025年12月16日, 发布时间：2025年4月22日 on a line of its own: the day
# the text was given, which says nothing of whether its figures are goals or results
_DATELINE_RE = re.compile(
    r"^\s*[（(]?\s*(?:发布时间|时间|日期)?[：:]?\s*(?:19|20)\d\d年\d{1,2}月\d{1,2}日\s*[)）]?\s*$"
)
# 2025年上半年, 2024年前三季度, 2025年1—6月: a part of a year that has ended. Figures of
# it are released once it is over, so the written year says a result, not a goal, even
# in the document's own year (a news story of July on the first half).
_PART_OF_YEAR_RE = re.compile(
    r"(?:上半年|前三季度|前两季度|第?[一二三]季度|1\s*[-—－–~～至]\s*(?:[2-9]|1[01])\s*月"
    # 今年前2个月, 前11个月: the months to date, as 1—11月 is
    r"|前(?:1[01]|[2-9]|十一?|[二三四五六七八九两])个月)"
)
_REVIEW_HEAD_RE = re.compile(
    r"回顾|以来的工作|以来工作|过去[一二三四五六七八九十\d]*年|工作总结|(?:今年|年初)以来|主要成就|取得的成绩|成绩|执行情况"
    r"|完成情况|进展情况|工作情况|基本情况|运行情况|发展基础|实施(?:总体)?情况|存在(?:的)?(?:主要)?问题|[一二三四五六七八九十\d]+年来|统计公报"
    r"|取得的(?:工作|重大|显著|积极)?(?:进展|成就|成效|成果)|发展成效|主要成效|工作成效|发展现状|现状"
    # 二、重点工作进展: how the work went, the noun 工作成效 is (一、2023年主要工作成效)
    r"|(?:工作|任务)进展"
    # 一、规划背景, 一、出台背景是什么？: where a plan or a policy starts from, what is there
    r"|(?:规划|出台|起草|制定|编制|政策)背景"
)
# 一、“十四五”时期发展成就和“十五五”时期发展环境: the opening part of a plan or of its
# proposal reviews the period ending; beside a plan word (发展成就和“十四五”时期主要目标任务)
# the plan word decides, and the paragraphs on the period that is over are a review.
_ACHIEVED_HEAD_RE = re.compile(r"发展成就|(?:历史性|决定性|显著|重大)成就")
# both searched in every heading: behind a gate of their first characters (regex_gate)
_REVIEW_HEAD_RE, _ACHIEVED_HEAD_RE = gated(_REVIEW_HEAD_RE), gated(_ACHIEVED_HEAD_RE)
_PLAN_HEAD_RE = re.compile(
    r"重点工作|工作安排|主要任务|重点任务|预期目标|主要目标|奋斗目标|目标任务|总体要求|指导思想"
    r"|今后|未来|展望|部署|下一步|工作思路"
)
# Words that make a heading forward-looking only when no other heading decides:
# 三、咬定目标、攻坚克难 is the plan part, （二）以目标为导向 under a review is not.
_WEAK_PLAN_HEAD_RE = re.compile(r"目标|任务|举措|建议|规划|计划")
# a statistical bulletin, or a year's status bulletin (生态环境状况公报, 水资源公报)
_BULLETIN_RE = re.compile(r"统计公报|国民经济和社会发展统计|状况公报|水资源公报")

_ESTIMATE_RE = re.compile(r"预计")
_FUTURE_RE = re.compile(
    r"力争|确保|争取|计划|预期目标|主要目标|奋斗目标|目标是|目标为|目标(?:值)?(?:定|设定|确定|调整)为"
    r"|目标任务|力求|努力|拟|下一步"
    r"|今后(?!一个时期)|未来|明年|届时|预期|将来|即将"
    r"|将(?!把)(?![^，。；]{1,15}?(?:分解|列|作|转化|纳入|确定|明确|定|视|称)为)"
    r"|(?<![主重需首只纲摘必提简概扼])要(?![素求点闻害件是么])"
    # 今年以来: the months since the year began, a result (the past words below)
    r"|[一二三四五六七八九十两\d]+年内|今年(?!以来)|全年|年内"
)
_PAST_RE = re.compile(
    r"(?<![为除])了(?!解|不起|结)|已经|(?<!而)已(?![，。；])|一年来|五年来|十年来|[两三四]年来"
    r"|过去|去年|先后|曾经|实现了|取得了|(?:今年|年初)以来"
    # 本次集中签约项目68个: what the event under way signs or starts, there now
    r"|本次(?:集中)?(?:签约|开工|启动|竣工)"
)
# 一季度全市地区生产总值3350.6亿元, 上半年…: a part of the year that has ended, written
# without its year (a data release, a press conference on the quarter). A time cue, like a
# written year: any word of the clause beats it (力争一季度…).
_ENDED_PART_RE = gated(re.compile(r"(?<!\d)" + _PART_OF_YEAR_RE.pattern))
# every match holds one of these (上半年, …季度, 1—6月): a paragraph without any is not
# scanned (most hold none; the gate's first characters 一, 上, 1 are in nearly all)
_ENDED_PART_NEEDLES = ("月", "季度", "上半年")


def _of_a_part(text: str, m: re.Match[str]) -> bool:
    """``今年一季度``, ``今年上半年``: 今年 only says whose quarter; no tense cue then."""
    return m.group() == "今年" and bool(_PART_OF_YEAR_RE.match(text, m.end()))


# One scan for both: a future word or a past word, whichever comes first at each place.
# 主要预期目标圆满完成, 目标任务全面完成: goals said to be met, a result (read before the
# future words, which 预期目标 would match)
_GOALS_MET_RE = re.compile(
    r"(?:预期目标|主要目标|目标任务|年度目标)(?:任务)?(?:圆满|全面|超额|顺利)?(?:完成|实现)"
    # 完成全年目标任务的26.5%, 完成年度计划的106%: how much of a goal is done so far
    r"|完成(?:全年|年度)?(?:目标任务|目标|任务|计划)的"
)
_CUE_RE = gated(
    re.compile(
        f"(?P<m>{_GOALS_MET_RE.pattern})|(?P<f>{_FUTURE_RE.pattern})|(?P<p>{_PAST_RE.pattern})"
    )
)
_STATUS_RE = re.compile(r"依托|用好|服务好|拥有|现有|共有|坐拥|用足")
_STATIVE_CHANGES = frozenset({"达到", "占", "增长", "居", "位居", "为", "保持", "超过", "年均增长"})
_GOAL_LEAD_RE = re.compile(r"(目标|任务|要求|指标)[^。！？]{0,6}[:：]\s*$")
_LIST_ITEM_RE = re.compile(
    r"^\s*(——|—|[一二三四五六七八九十]+是|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．])"
)
_OPENING_PERIOD_RE = re.compile(
    r"^(过去[一二三四五六七八九十两]+年|[一二三四五六七八九十两]+年来|未来[一二三四五六七八九十两]+年|今后[一二三四五六七八九十两]+年)"
)


def classify_heading(
    title: str, doc_year: int | None, *, weak: bool = True, year_end: bool = False
) -> str:
    """``review``, ``plan`` or ``neutral`` for one heading title.

    With ``weak=False`` only decisive words (``回顾``, ``重点工作``, a year) count.
    ``year_end``: the text has a part on 明年 (:func:`speaks_of_next_year`), so it was
    given at the year's end and its part on 今年 looks back.
    """
    if _REVIEW_HEAD_RE.search(title):
        return REVIEW
    if _PLAN_HEAD_RE.search(title):
        return PLAN
    if _ACHIEVED_HEAD_RE.search(title):
        return REVIEW
    # 2025年1月新闻发布会, ——2026年1月27日在…: the date the text was given, not the year
    # a part is about
    years = [
        int(m.group(1))
        for m in _YEAR_RE.finditer(title)
        if not _DATE_AFTER_RE.match(title, m.end())
    ]
    if years and doc_year is not None:
        return REVIEW if max(years) < doc_year else PLAN
    # 一、关于今年工作 / 二、关于明年工作: a year-end speech's parts say their year only
    # relative to when it was given; the year a part is about says what it does, as a
    # written year does.
    m = _RELATIVE_YEAR_RE.search(title)
    if m:
        relative = _RELATIVE_YEARS[m.group(1)]
        if relative < 0 or (relative == 0 and year_end):
            return REVIEW
        if relative > 0:
            return PLAN
    if weak and _WEAK_PLAN_HEAD_RE.search(title):
        return PLAN
    return NEUTRAL


def classify_section(path: tuple[str, ...], doc_year: int | None, *, year_end: bool = False) -> str:
    """The innermost decisive heading of ``path`` wins, then the innermost heading with
    a weaker forward word (``目标``, ``任务``); ``neutral`` if none says anything."""
    for weak in (False, True):
        for title in reversed(path):
            cls = classify_heading(title, doc_year, weak=weak, year_end=year_end)
            if cls != NEUTRAL:
                return cls
    return NEUTRAL


def speaks_of_next_year(paths: Iterable[tuple[str, ...]]) -> bool:
    """Whether a heading of the text is about 明年 (``二、关于明年工作``, ``明年工作安排``):
    a text planning next year in a part of its own was given at the year's end."""
    return any(
        m.group(1) == "明年"
        for path in paths
        for title in path
        for m in _RELATIVE_YEAR_RE.finditer(title)
    )


def is_bulletin(title: str, text: str) -> bool:
    """A statistical bulletin reports results only."""
    return bool(_BULLETIN_RE.search(title) or _BULLETIN_RE.search(text[:400]))


Marks = tuple[list[tuple[int, str]], list[tuple[int, str]]]


# 国家统计局发布2025年国民经济运行数据, 2025年经济数据出炉: a story on the data of a
# year, which are released once the year is over
# 介绍2023年卫生健康事业发展情况, 通报2024年全省经济运行情况: a press conference on how a
# year went; a part of the year (通报2025年一季度…情况) is not the whole year's release
_RELEASED_YEAR_RE = re.compile(
    r"((?:19|20)\d\d)年(?!\s*(?:" + _PART_OF_YEAR_RE.pattern + r"))(?:全年)?[^\n。，]{0,12}?"
    r"(?:运行数据|经济数据|统计数据|主要数据|数据|(?<=[展行])情况)"
)
_RELEASE_WORD_RE = re.compile(r"发布|公布|出炉|介绍|通报")
_PRESS_CONFERENCE_RE = re.compile(r"新闻发布会|发布会实录|发布会文字实录")


# 上半年全省经济运行稳中加固, 前三季度我省经济运行稳中向好: a statistics office's release
# on part of its year, written as a story of its time (its 上半年 is that year's)
_PART_YEAR_RELEASE_RE = re.compile(
    r"^(?:(?:19|20)\d\d年)?(?:一季度|上半年|前三季度|前\d{1,2}个月|前[一二三四五六七八九十]{1,2}个月|"
    r"1[—\-–至~～]\d{1,2}月)[^。，]{0,6}经济运行"
)


def is_press_conference(title: str) -> bool:
    """``…新闻发布会文字实录``: an office telling the press its figures; a statistics
    office's release on part of its year (``上半年全省经济运行…``) is told the same way."""
    return bool(_PRESS_CONFERENCE_RE.search(title) or _PART_YEAR_RELEASE_RE.search(title))


def released_year(opening: str) -> int | None:
    """The year whose data a story's opening lines say are released, else ``None``."""
    for line in opening.split("\n"):
        if _RELEASE_WORD_RE.search(line):
            m = _RELEASED_YEAR_RE.search(line)
            if m:
                return int(m.group(1))
    return None


def cue_marks(text: str, doc_year: int | None, *, ended: bool = False) -> Marks:
    """Tense cues of ``text`` as ``(end offset, kind)`` lists sorted by offset: words
    (``力争``, ``已``…) and written years (before or after the document's year).

    ``ended``: the document's year is over (a story on its released data): its written
    year says a result, and 全年/年内 no goal.

    Computed once per paragraph; :func:`cue_before` then answers "nearest cue before
    this figure" for any figure of the paragraph without scanning again.
    """
    words = [
        (m.end(), "target" if m.lastgroup == "f" else "achievement")
        for m in _CUE_RE.finditer(text)
        if not _whole_of_written_year(text, m)
        and not _of_a_part(text, m)
        and not (ended and m.group() in _WHOLE_YEAR_WORDS)
    ]
    parts = (
        [(m.end(), "achievement") for m in _ENDED_PART_RE.finditer(text)]
        if any(needle in text for needle in _ENDED_PART_NEEDLES)
        else []
    )
    years: list[tuple[int, str]] = []
    if doc_year is not None and not _DATELINE_RE.match(text):
        years = [
            (
                m.end(),
                "achievement"
                if int(m.group(1)) < doc_year
                or (ended and int(m.group(1)) == doc_year)
                or _AS_OF_RE.search(text, max(0, m.start() - 3), m.start())
                or _PART_OF_YEAR_RE.match(text, m.end())
                else "target",
            )
            for m in _YEAR_RE.finditer(text)
        ]
    return words, sorted(years + parts)


def _last_in(marks: list[tuple[int, str]], lo: int, hi: int) -> str | None:
    k = bisect_right(marks, (hi, "~")) - 1
    if k >= 0 and marks[k][0] > lo:
        return marks[k][1]
    return None


def cue_before(marks: Marks, lo: int, hi: int) -> str | None:
    """The kind of the last cue ending in ``(lo, hi]``, or ``None``.

    A word beats a year: in ``力争2023年…达到`` the verb says target whatever the year.
    """
    words, years = marks
    return _last_in(words, lo, hi) or _last_in(years, lo, hi)


def last_cue(text: str, doc_year: int | None) -> str | None:
    """``target`` or ``achievement`` for the cue nearest the end of ``text``, if any."""
    return cue_before(cue_marks(text, doc_year), -1, len(text))


@quick_init  # built in bulk: slot stores, not object.__setattr__ (see frozen)
@dataclass(frozen=True, slots=True)
class KindContext:
    """What the classifier may look at for one figure.

    The cues are the nearest tense cue before the figure within its clause, its
    。-sentence (across ；), its paragraph, and the earlier paragraphs of its section.
    """

    bulletin: bool
    section_class: str
    estimate: bool  # 预计 earlier in the 。-sentence
    status: bool  # 依托/用好… in the clause: a present asset
    clause_cue: str | None
    sentence_cue: str | None
    paragraph_cue: str | None
    section_cue: str | None
    goal_list: bool
    change: str
    holding: bool = False  # 用好/拥有/针对… with no verb of its own: held, even in a plan
    past_clause: bool = False  # 去年…达到, 已经…: a result told in a forward part


def settled_kind(*, estimate: bool, bulletin: bool, section_class: str) -> Kind | None:
    """The kind when the first rules of :func:`classify` decide it (预计, a bulletin, a
    review section), else ``None``.

    Apart so that the extractor can skip the cues of a :class:`KindContext` (three cue
    look-ups and three clause scans per figure) when they cannot count: a bulletin's or
    a review's figures, most of a corpus, are decided here whatever their words say.
    """
    if estimate:
        return "estimate"
    if bulletin:
        return "achievement"
    if section_class == REVIEW:
        return "achievement"
    return None


def classify(ctx: KindContext) -> Kind:
    """Decide the kind of one figure (see the module docstring for the order)."""
    settled = settled_kind(
        estimate=ctx.estimate, bulletin=ctx.bulletin, section_class=ctx.section_class
    )
    if settled is not None:
        return settled
    if ctx.holding:
        return "achievement"  # 用好10所三甲医院, 针对…的2034种出口商品: what is there (§1)
    if ctx.section_class == PLAN and not ctx.past_clause:
        return "target"
    if ctx.status:
        return "achievement"
    for cue in (ctx.clause_cue, ctx.sentence_cue):
        if cue:
            return cue  # type: ignore[return-value]
    if ctx.goal_list:
        return "target"
    if ctx.change in _STATIVE_CHANGES:
        return "achievement"
    cue = ctx.paragraph_cue or ctx.section_cue
    if cue:
        return cue  # type: ignore[return-value]
    return "achievement"


# 去年…补助资金达到1750亿元, 已经建成…: a result a forward part (a speech's tasks, a plan's
# goals) recalls to argue from; 比去年, 较上年, 从去年的2.1%提高到 are a base, not a time.
_PAST_CLAUSE_RE = re.compile(
    r"(?<![比较同与从由])(?:去年|上年)(?!同期|的)|已经"
    r"|[一二三四五六七八九十两\d]+年来|过去[一二三四五六七八九十两\d]+年"
)


def is_past_clause(clause: str) -> bool:
    """A clause that says its figure is a result already reached."""
    return bool(_PAST_CLAUSE_RE.search(clause))


def is_estimate(text: str) -> bool:
    return bool(_ESTIMATE_RE.search(text))


def is_status(clause: str) -> bool:
    return bool(_STATUS_RE.search(clause))


# What a plan works with rather than towards (拥有…7000万劳动者, 用好10所三甲医院,
# 针对首年关税为零的2034种…商品); 现有 and 共有 describe projects a plan still pushes.
_HOLDING_RE = re.compile(r"依托|用好|服务好|拥有|坐拥|用足|针对")


def is_holding(clause: str, change: str) -> bool:
    """A figure a forward text holds, not sets: a holding word and no verb of its own."""
    return not change and bool(_HOLDING_RE.search(clause))


# 我国有13亿人口、9亿劳动力资源, 保障好14亿人的粮食安全: a nation's people counted in 亿
# (its population, its workforce) right before what they are, with no verb of its own, is
# what a forward text works with, never what it sets (a population goal has its verb:
# 常住人口达到…, 人口控制在…); said as whose (…人的饭碗) the verb is the thing's, not theirs
_PEOPLE_AFTER_RE = re.compile(r"亿?多?(?:(?P<whose>人口的|人民的|人的)|人口|人民|劳动力|劳动者)")


def is_population(sentence: str, fig: Figure, change: str) -> bool:
    """A count of a nation's people said as what it has, not as a goal."""
    m = _PEOPLE_AFTER_RE.match(sentence, fig.num_end) if fig.unit == "亿人" else None
    return m is not None and (not change or m.group("whose") is not None)


def is_goal_lead(paragraph: str) -> bool:
    """``未来五年奋斗目标是：`` -- the list items that follow are goals."""
    # every match ends on its colon and blanks (\s*$): the pattern, a scan of the whole
    # paragraph, is asked only of one that ends so (about 1 in 150)
    return paragraph.rstrip()[-1:] in (":", "：") and bool(_GOAL_LEAD_RE.search(paragraph))


def is_list_item(paragraph: str) -> bool:
    return bool(_LIST_ITEM_RE.match(paragraph))


# 回望“十四五”这五年, ——这五年, 过去五年, “十三五”时期: a paragraph about several years.
_PARAGRAPH_PERIOD_RE = re.compile(
    r"(过去[一二三四五六七八九十两]+年|[一二三四五六七八九十两]+年来|这[一二三四五六七八九十两]+年"
    r"|“?十[一二三四五六]五”?(?:时期|期间|以来)|回望“?十[一二三四五六]五”?)"
)
_PARAGRAPH_PERIOD_RE = gated(_PARAGRAPH_PERIOD_RE)  # searched in every paragraph
# A paragraph about one year (2025年，…; 刚刚过去的2025年; but 2018年以来 is several).
_PARAGRAPH_YEAR_RE = re.compile(
    # a year turns the narrative (2025年，… / 2025年是…), but one qualifying the paragraph's
    # first figure (2025年四大主导产业占GDP比重…) dates only its sentence
    r"^(?:——)?(?:(?:刚刚|刚)?过去的)?(?:(?:19|20)\d\d年(?=[，,：:]|是|在|对|为|极|要|将|力争|计划|以来|我们|全年)(?!以来)"
    r"|过去一年|一年来|今年|去年"
    # 今后五年, 展望未来, 到2027年: a paragraph looking forward ends the stretch reviewed
    r"|今后|未来|展望|(?:到|至)(?:(?:19|20)\d\d|二[〇零○][一二三四五六七八九〇零○]{2})年)"
)
_PARAGRAPH_YEAR_RE = gated(_PARAGRAPH_YEAR_RE)  # tried on every paragraph

# 报告提出，今年…主要预期目标是: a paragraph that turns to the year ahead ends a review
_FORWARD_HEAD_RE = re.compile(r"今年|明年|预期目标|主要目标")
# 各位代表！刚刚过去的2025年…: the speaker's address is not the paragraph's opening.
_ADDRESS_RE = re.compile(
    r"^(?:(?:各位代表|代表们|同志们|各位委员|各位政协委员)[！!，,]"
    # 赵豪志说，2023年是…; 报告指出，过去一年…: a story's reporting lead
    r"|[^，。！？]{1,8}?(?:说|指出|提出|表示|强调|介绍|透露)[，：:])\s*"
)


def paragraph_period(paragraph: str) -> str | None:
    """The period a paragraph opens with: a multi-year one (``过去五年``, ``“十四五”时期``),
    ``""`` when it opens with a single year (the multi-year stretch is over), ``None``
    when it says neither."""
    head = _ADDRESS_RE.sub("", paragraph.strip())[:40]
    m = _PARAGRAPH_PERIOD_RE.search(head)
    if m:
        word = m.group(1).replace("回望", "").strip("“”")
        return word.removesuffix("以来")
    if _PARAGRAPH_YEAR_RE.match(head) or _FORWARD_HEAD_RE.search(head[:24]):
        return ""
    return None


def opening_period(paragraph: str) -> str:
    """``过去五年，…`` -> ``过去五年``; ``五年来`` -> ``过去五年``; else ``""``."""
    m = _OPENING_PERIOD_RE.match(paragraph.strip())
    if not m:
        return ""
    word = m.group(1)
    if word.endswith("年来"):
        return "过去" + word[:-1]
    return word
