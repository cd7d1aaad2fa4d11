"""The periods written in a text, and the year or span each one is.

Where every period is written in a paragraph (:func:`period_marks`: ``2025年``,
``今年``, ``过去五年``, ``“十四五”期间``, ``去年全年``; not a comparison base such as
``比2020年``), the last one before a figure (:func:`period_before`,
:func:`resolve_year`), a period as written made a year or a span
(:func:`normalize_year`), and the years a text's headings and its 今年/明年 say it was
written in (:func:`heading_year`, :func:`speaking_year`). The written year's pattern
and the whole-year words are read by :mod:`~bot.targets.kinds`'s tense cues too.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from bot.targets.regex_gate import gated

# (?<!\d) checked after the first two digits (as (?<!\d\d\d): those two are digits), so
# that the pattern opens on 19|20 and re skips ahead to a 1 or a 2 in C; a lookbehind
# first made it try every position of every paragraph (cue_marks). Same matches.
_YEAR_RE = re.compile(r"((?:19|20)(?<!\d\d\d)\d\d)年")
_WHOLE_YEAR_WORDS = frozenset({"全年", "年内"})
# 2021年全年, and the year before's whole (去年全年，…达到; 比上年全年加快: a base)
_YEAR_JUST_BEFORE_RE = re.compile(r"(?:(?<!\d)(?:19|20)\d\d年|上年|去年|前年)$")


def _whole_of_written_year(text: str, m: re.Match[str]) -> bool:
    """``2021年全年``, ``去年全年``: 全年/年内 right after a written year (or the year
    before) only says the whole of that year; it is neither a tense cue nor the current
    year."""
    return m.group() in _WHOLE_YEAR_WORDS and bool(
        _YEAR_JUST_BEFORE_RE.search(text, max(0, m.start() - 6), m.start())
    )


_PERIOD_RE = re.compile(
    r"(?:到|至)?((?:19|20)\d\d)年(?:底|末)?|([xX]{4})年|(二[〇零○][一二三四五六七八九〇零○]{2})年"
    r"|([一二三四五六七八九十两\d]+年内)|(未来[一二三四五六七八九十两\d]+年)|(今后[一二三四五六七八九十两\d]+年)"
    r"|(每年)|(连续[一二三四五六七八九十两\d]+年)|(十[一二三四五六七八九]五”?(?:末|期间|时期|以来)?)"
    r"|(今年|全年|年内|本年|当年)|(明年)|(过去[一二三四五六七八九十两\d]+年|[一二三四五六七八九十两\d]+年来)"
    # 去年全年，…达到: a press conference's or a report's whole year before the current one;
    # 去年 opening a clause (去年，全市新签约…; 从全国看，去年中央财政…达到) is that year too
    # (比去年, 高于去年, 去年同期, 去年的 are bases, never at a clause's head)
    r"|((?:去年|上年)全年|(?<![^，,。；;：:\n])去年(?!同期|的|以来|全年))"
)
_PERIOD_RE = gated(_PERIOD_RE)  # searched in every paragraph with a figure


# Memoised: every paragraph (and every figure) of a section asks for its headings again.
@lru_cache(maxsize=256)
def heading_year(path: tuple[str, ...], doc_year: str = "") -> str:
    """The year written in the innermost heading that has one; with the document's year,
    a heading that names its year relative to it (一、充分肯定去年工作取得的成绩,
    二、今年的目标任务) counts too."""
    for title in reversed(path):
        years = _YEAR_RE.findall(title)
        if years:
            return years[-1]
        m = _RELATIVE_YEAR_RE.search(title) if doc_year.isdigit() else None
        if m:
            return str(int(doc_year) + _RELATIVE_YEARS[m.group(1)])
    return ""


# 去年 / 今年 / 明年 in a heading (比去年, 较去年 are a base, not the part's time)
_RELATIVE_YEAR_RE = re.compile(r"(?<![比较同与从由])(去年|今年|明年)")
_RELATIVE_YEARS = {"去年": -1, "今年": 0, "明年": 1}


# 今年 / 明年 said in the text (比今年, 较今年 are a base, not the time spoken in)
_SPOKEN_RE = re.compile(r"(?<![比较同与从由])(今年|明年)")
_SPOKEN_OFFSET = {"今年": 0, "明年": 1}


def speaking_year(
    passages: Iterable[tuple[tuple[str, ...], str]], doc_year: int | None
) -> int | None:
    """The year a text was spoken or written in, which its 今年 and 明年 count from:
    the document's year, unless the text's own headings say otherwise.

    A work-conference speech given at the turn of the year is filed under the year it
    plans (在2026年全国…工作会议上的讲话, 二、2026年重点任务) but calls that year 明年; a
    report delivered in the year it is about calls it 今年. An explicit year heading
    over the words beats the guess: each 今年 or 明年 said under a heading that names
    its year (``passages``: heading path and text) votes for the year it was said in
    (今年 under 2026: 2026; 明年 under 2026: 2025). Only the document's year and the
    years either side are candidates (a 到2030年 heading says nothing of when it was
    written); the year most votes give wins, the document's year on a tie or with none.
    """
    if doc_year is None:
        return None
    votes: Counter[int] = Counter()
    for path, text in passages:
        year = heading_year(path)
        if not year:
            continue
        for m in _SPOKEN_RE.finditer(text):
            spoken = int(year) - _SPOKEN_OFFSET[m.group(1)]
            if abs(spoken - doc_year) <= 1:
                votes[spoken] += 1
    if not votes:
        return doc_year
    ranked = votes.most_common()
    best, n = ranked[0]
    if best != doc_year and (votes[doc_year] == n or sum(1 for _, k in ranked if k == n) > 1):
        return doc_year
    return best


PeriodMarks = list[tuple[int, str]]


def period_marks(text: str, default_year: str, current_year: str, *, now: str = "") -> PeriodMarks:
    """``(end offset, period)`` of every period written in ``text`` (see :func:`resolve_year`).

    ``now``: the year the text is spoken in where that is not the year it reports (a
    press conference of January 2025 on 2024: its ``全年`` is 2024, its ``今年`` and
    ``明年`` count from 2025); ``""`` when they are the same.

    A year that is a comparison base (``比2010年增长``, ``较2020年``, ``与2015年相比``,
    ``在2020年基础上``) is not the period of the figure and is skipped.
    """
    out: PeriodMarks = []
    last_year_at = -1  # where the last bare 去年 kept as a period ends
    for m in _PERIOD_RE.finditer(text):
        if _BASE_BEFORE_RE.search(text, max(0, m.start() - 3), m.start()) or _BASE_AFTER_RE.match(
            text, m.end()
        ):
            continue
        if _FROM_BEFORE_RE.search(text, max(0, m.start() - 1), m.start()) and _FROM_AFTER_RE.match(
            text, m.end()
        ):
            continue
        if _whole_of_written_year(text, m):
            continue
        if m.group() == "当年" and _in_receivers_class(text, m.start(), m.end()):
            continue  # 对当年设备购置额2000万元以上的项目，给予: who qualifies, not when
        value = _period_value(m, default_year, current_year, now)
        if now and m.group() in _WHOLE_YEAR_AFTER_NOW and _now_said_before(text, m.start()):
            # 局长表示，今年我国…，要努力实现全年国内生产总值增长5%左右: the 全年 of a 今年 said
            # earlier in its sentence is that year, the one the story is told in
            value = now
        elif (
            m.group() in _WHOLE_YEAR_AFTER_NOW
            and out
            and out[-1][0] == last_year_at
            and not _SENTENCE_END_RE.search(text, last_year_at, m.start())
        ):
            # 去年，全区招商引资新签约项目2863个…；全年招商引资到位资金7650亿元: the 全年 of a
            # 去年 said just before it in its sentence is that year (GOLD_GUIDELINES 6.8.58)
            value = out[-1][1]
        if value is not None and value.isdigit():
            value = _written_span(text, m, value)
        if value is not None:
            out.append((m.end(), value))
            if m.group() == "去年":
                last_year_at = m.end()
    return out


_SENTENCE_END_RE = re.compile(r"[。！？\n]")


_WHOLE_YEAR_AFTER_NOW = frozenset({"全年", "年内"})


def _now_said_before(text: str, start: int) -> bool:
    """Whether a 今年 (not a base: 比今年) is said earlier in the 。-sentence ending at
    ``start``."""
    opens = max(text.rfind(c, 0, start) for c in "。！？\n") + 1
    return any(m.group() == "今年" for m in _SPOKEN_RE.finditer(text, opens, start))


# 对当年设备购置额2000万元以上的工业技改项目，按…给予补助; 对总投资10亿元以上、当年完成投资5亿
# 元以上的新开工项目，给予…奖励: a 当年 in the clause that says who receives an award is the
# receivers' condition (their year's spending), not the period of the award
_RECEIVERS_OPEN_RE = re.compile(
    r"(?:[，,。；;：:]|^)(?:（[一二三四五六七八九十\d]+）)?对[^，,。；;：:]*$"
)
_RECEIVERS_CLASS_RE = re.compile(r"[^，,。；;：:]*?的[^，,。；;：:]{1,20}[，,][^。；;]*?给予")


def _in_receivers_class(text: str, start: int, end: int) -> bool:
    opens = max(text.rfind(c, 0, start) for c in "，,。；;：:\n")
    return bool(
        _RECEIVERS_OPEN_RE.search(text, max(0, opens), start)
        and _RECEIVERS_CLASS_RE.match(text, end)
    )


# 2024—2027年累计建设…, 2021-2025年间共…: an amount summed over the years the text writes
# out is of the span (guidelines §5: 累计 over a period gives the span); a level reached
# over them (2020年到2025年，…比重从17.9%提升到35.5%) is of the end year.
_SPAN_START_RE = re.compile(r"((?:19|20)\d\d)年?\s*[—\-–－~～至到]\s*$")
_SUMMED_AFTER_RE = re.compile(r"(?:间|期间)?(?:，)?(?:累计|共计|合计|总计)")
# 2024—2026年，全市筹集人才公寓3万套: the span a sentence opens with, what is done in it
# (a level reached over it is still of its end: the extractor's _span_or_end)
_SPAN_LEAD_RE = re.compile(r"(?:间|期间)?[，,]")


def _written_span(text: str, m: re.Match[str], end: str) -> str:
    """``end``'s span if the text writes its first year before it and a sum after it."""
    # the match of 2023年至2026年 opens with its 至, which the start's pattern ends on
    joint = m.start() + (1 if m.group()[0] in "到至" else 0)
    start = _SPAN_START_RE.search(text, max(0, joint - 9), joint)
    if (
        start
        and int(start.group(1)) < int(end)
        and (
            _SUMMED_AFTER_RE.match(text, m.end())
            or (_SPAN_LEAD_RE.match(text, m.end()) and _is_lead(text, start.start()))
        )
    ):
        return f"{start.group(1)}-{end}"
    return end


def _is_lead(text: str, start: int) -> bool:
    """Whether ``start`` opens its sentence (the paragraph's start or after 。；)."""
    head = text[:start].rstrip()
    return not head or head[-1] in "。；;！？"


def period_before(marks: PeriodMarks, lo: int, hi: int) -> str | None:
    """The period written last in ``(lo, hi]``, or ``None``."""
    k = bisect_right(marks, (hi, "\U0010ffff")) - 1
    if k >= 0 and marks[k][0] > lo:
        return marks[k][1]
    return None


def resolve_year(text: str, default_year: str, current_year: str) -> str | None:
    """The period written nearest the end of ``text`` (a clause or sentence before a
    figure), or ``None`` if none is written.

    ``今年``/``全年``/``年内`` give ``current_year`` (the section's year, else the
    document's); masked years give ``""``; periods are kept as written.
    """
    return period_before(period_marks(text, default_year, current_year), -1, len(text))


_BASE_BEFORE_RE = re.compile(r"(?:比|较|与|同|相比|对比)“?$")  # 较“十三五”时期: a base
# 由2010年的21.6%提高到25.2%, 从2020年的3753亿元增加到…: the year of the baseline (never
# recorded, guidelines §1), not the period of the level reached nor of what follows
_FROM_BEFORE_RE = re.compile(r"[由从]$")
_FROM_AFTER_RE = re.compile(r"(?:底|末)?的[\d一二三四五六七八九十两]")
_BASE_AFTER_RE = re.compile(r"(?:相比|基础上|同期|水平|”?的[\d.一二三四五六七八九十两]+倍)")
_PLAN_SPANS = {"十一五": (2006, 2010), "十二五": (2011, 2015), "十三五": (2016, 2020),
               "十四五": (2021, 2025), "十五五": (2026, 2030), "十六五": (2031, 2035)}  # fmt: skip
_SPAN_WORD_RE = re.compile(
    r"^(?:过去|近|这|前)?([一二三四五六七八九十两\d]+)年(?:来)?$|^(?:未来|今后)([一二三四五六七八九十两\d]+)年$"
)


@lru_cache(maxsize=1024)  # a few periods, asked again for every figure
def normalize_year(
    value: str, *, doc_year: str, current_year: str, backward: int = 1, term_ahead: bool = False
) -> str:
    """A period as written (``过去五年``, ``“十四五”末``, ``每年``) as a year or a span.

    ``YYYY`` and ``YYYY-YYYY`` pass; ``过去五年`` in a report of year N is ``N-5``…``N-1``
    (``backward=0`` for reports given late in the year they review, such as a party
    congress report); ``未来五年`` is ``N``…``N+4`` (``N+1``…``N+5`` with ``backward=0``);
    ``term_ahead`` starts the years ahead at ``N+1`` whatever the review (a congress report
    given in spring: its review ends at ``N-1``, its term runs to the next congress, ``N+5``,
    GOLD_GUIDELINES 6.8.56); a plan period (``十四五``) is its
    span and its end (``十四五末``) the end year; ``每年``/``连续三年`` the current year.
    Without a document year a relative period stays as written; anything else is ``""``.
    """
    if not value or re.fullmatch(r"(?:19|20)\d\d(?:-(?:19|20)\d\d)?", value):
        return value
    plan = next((k for k in _PLAN_SPANS if k in value), None)
    if plan:
        start, end = _PLAN_SPANS[plan]
        if value.endswith("以来") and doc_year.isdigit():
            # “十四五”以来累计…: from the plan's first year to the last the text reviews
            # (the year before it, as 过去五年; its own in a year-end review)
            end = min(end, max(start, int(doc_year) - backward))
        return str(end) if value.endswith("末") else f"{start}-{end}"
    if value == "每年" or value.startswith("连续"):
        return current_year
    m = _SPAN_WORD_RE.match(value)
    if m:
        if not doc_year.isdigit():
            return value
        from bot.targets.numbers import cn_to_number

        n = (
            cn_to_number(m.group(1) or m.group(2))
            if not (m.group(1) or m.group(2)).isdigit()
            else float(m.group(1) or m.group(2))
        )
        if not n or n < 2:
            if n == 1 and m.group(1) and (re.match(r"过去|这|近", value) or value.endswith("年来")):
                # 过去一年, 一年来, 这一年: the year the report reviews, headings or not
                return str(int(doc_year) - backward)
            return current_year if n == 1 and m.group(1) else ""
        y = int(doc_year)
        if m.group(2):
            # the years ahead start where the years reviewed end: a work report of January
            # N plans N…N+4, a congress report late in N (backward=0) plans N+1…N+5
            first = y + 1 - (0 if term_ahead else backward)
            return f"{first}-{first + int(n) - 1}"
        last = y - backward
        return f"{last - int(n) + 1}-{last}"
    return ""


def _period_value(
    m: re.Match[str], default_year: str, current_year: str, now: str = ""
) -> str | None:
    g = m.groups()
    if g[0]:
        return g[0]
    if g[1]:
        return ""
    if g[2]:
        from bot.targets.numbers import cn_to_number

        value = cn_to_number(g[2])
        return str(int(value)) if value else ""
    if g[3]:
        return g[3]
    if g[4] or g[5]:
        return (g[4] or g[5]).replace("今后", "未来")
    if g[6] or g[7]:
        return g[6] or g[7]
    if g[8]:
        word = g[8].replace("”", "")  # “十三五”期间: the quote between
        return word if word.endswith(("末", "期间", "时期", "以来")) else word + "末"
    if g[9]:
        return now if now and g[9] == "今年" else current_year or default_year
    if g[10]:
        spoken = now or default_year
        return str(int(spoken) + 1) if spoken.isdigit() else ""
    if g[11]:
        word = g[11]
        return "过去" + word[:-1] if word.endswith("年来") else word
    if g[12]:
        # 去年全年 in a press conference is the whole year before the one it tells of; a
        # bare 去年 the year before the one the text is spoken in, whatever part it is in
        # (去年承诺的十件民生实事 in a report's review of 2018, spoken in 2019: 2018)
        whole = g[12].endswith("全年")
        year = (current_year or default_year) if whole else (default_year or current_year)
        return str(int(year) - 1) if year.isdigit() else ""
    return None
