"""The year a document is about, and the date it was delivered or published.

A bulletin reports on the year in its title (published the next spring); a work report
delivered in year N sets the targets of N; a plan or policy is dated by its delivery or
document number, never by a horizon (``到2035年``) or a year it merely mentions; the
file's name gives a year only when the text gives none.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from bot.corpus.meta_type import BULLETIN_WORDS, CONGRESS_REPORT_OPENING_RE
from bot.corpus.opening import DOC_NUMBER_RE, FULLWIDTH_DIGITS, fold_digits

_YEAR = r"(?<![0-9])((?:19|20)[0-9]{2})"
_YEAR_RE = re.compile(_YEAR + r"(?=\s*年)")
_DATE_RE = re.compile(_YEAR + r"\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")
# 发布时间：2025-07-18, 2025/7/18: a web page's publication date, in its opening only.
_ISO_DATE_RE = re.compile(_YEAR + r"([-/.])(\d{1,2})\2(\d{1,2})(?![\d])")
_TITLE_RANGE_RE = re.compile(
    r"[（(]\s*((?:19|20)\d\d)\s*[—–\-－~～至到]+\s*(?:19|20)\d\d\s*年?\s*[)）]"
)
# Target horizons ("到2035年", "至2025年") say little about when a text was written.
_HORIZON_RE = re.compile(r"(?:到|至)\s*$")
_PLAN_RE = re.compile(
    _YEAR
    + r"\s*年[^。！？；\n]{0,30}?(?:主要预期目标|预期目标|重点工作|工作安排|主要任务|工作任务)"
)


# A date written in Chinese numerals (（二〇二一年十一月二十五日）, the way a party congress
# report is dated): read as digits, so it dates the text as ``2021年11月25日`` would. A
# year without its month (到二〇三五年) is a horizon and stays as written.
_CN_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")
_CN_DATE_RE = re.compile(
    r"([〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月"
    r"(?:\s*([一二三四五六七八九十]{1,3})\s*日)?"
)


def _cn_number(word: str) -> int:
    """一 .. 三十一 as a number (十一 = 11, 二十 = 20, 二十五 = 25)."""
    if "十" not in word:
        return int(word.translate(_CN_DIGITS))
    tens, _, units = word.partition("十")
    return (int(tens.translate(_CN_DIGITS)) if tens else 1) * 10 + (
        int(units.translate(_CN_DIGITS)) if units else 0
    )


def _digit_dates(text: str) -> str:
    """``text`` with its dates in Chinese numerals written in digits."""
    if "年" not in text or not _CN_DATE_RE.search(text):
        return text

    def digits(m: re.Match[str]) -> str:
        day = f"{_cn_number(m.group(3))}日" if m.group(3) else ""
        return f"{m.group(1).translate(_CN_DIGITS)}年{_cn_number(m.group(2))}月{day}"

    return _CN_DATE_RE.sub(digits, text)


def infer_year(
    text: str,
    headings: Iterable[str] = (),
    *,
    title: str = "",
    opening: str = "",
    closing: str = "",
    congress: bool = False,
    plan: bool = False,
) -> int | None:
    """The year a document is about (see the module docstring). First match wins:

    1. the year of a statistical bulletin's title (``2022年成都市…统计公报``);
    2. the year of a work report's title (``2024年政府工作报告``), of the draft a budget
       or plan report's title (``…和2026年预算草案的报告``) or own delivery line
       (``受…委托，现将…2026年预算草案提请…审议``) puts forward, or of the
       accounts a final-accounts report closes (``关于2024年市级决算的报告``);
    3. the delivery date in the opening (``——2026年1月27日在…``, ``（2017年10月18日）``);
    4. the year of the document number (``国发〔2021〕36号``);
    5. the first year of a period in the title (``（2022－2035年）``);
    6. the date the text is signed with, a line of its own among the last (``2021年9月18日``);
    7. none for a five-year plan outline none of these dates (``…第十四个五年规划和2035年远景目标
       纲要``: its file's name may); for a plan or a policy (``plan``), the day it takes effect
       (``自2024年3月1日起施行``);
    8. the latest year in a heading (``三、2024年重点工作``), a planning phrase
       (``2024年……主要预期目标``), then the most frequent year not used as a horizon;
       but not for a plan or a policy (``plan``): the years its body mentions most are
       its base (``2023年，全省…``, ``较2023年增长``) or its goals (``到2027年``), none the
       year it was issued in, so none dates it and its file's name may (probes-round35),
       unless its title names the one year it is for (``2022年政府投资项目计划``).

    A party congress report (``congress``) whose only years are its horizons (``到2026年``,
    ``到2035年``) and that no date places is not dated by them: ``None``.
    """
    text = fold_digits(text)
    title = title.translate(FULLWIDTH_DIGITS)
    opening = _digit_dates(opening.translate(FULLWIDTH_DIGITS))
    closing = _digit_dates(closing)
    head = title + "\n" + opening
    m = re.search(_YEAR + rf"\s*年[^\n]{{0,30}}?(?:{BULLETIN_WORDS})", head)
    if m:
        return int(m.group(1))
    m = re.search(_YEAR + r"\s*年[^\n]{0,20}?政府工作报告", head)
    if m:
        return int(m.group(1))
    delivery = CONGRESS_REPORT_OPENING_RE.search(opening.replace(" ", ""))
    m = (
        _DRAFT_YEAR_RE.search(title)
        or _FINAL_ACCOUNTS_YEAR_RE.search(title)
        or (_DRAFT_YEAR_RE.search(delivery.group()) if delivery else None)
    )
    if m:
        return int(m.group(1))
    date = _DATE_RE.search(opening)
    if date:
        return int(date.group(1))
    number = DOC_NUMBER_RE.search(head.replace(" ", ""))
    if number:
        return int(number.group(2))
    span = _TITLE_RANGE_RE.search(head)
    if span:
        return int(span.group(1))
    signed = _SIGNED_DATE_RE.search(closing.translate(FULLWIDTH_DIGITS))
    if signed:
        return int(signed.group(1))
    if _PRESS_TITLE_RE.search(title):
        own = {int(m.group(1)) for m in _TITLE_YEAR_RE.finditer(title)}
        if len(own) == 1:
            return own.pop()
    if _FIVE_YEAR_PLAN_TITLE_RE.search(title):
        return None  # an undated five-year plan outline: see _FIVE_YEAR_PLAN_TITLE_RE
    if plan:
        # 本措施自2024年3月1日起施行: a policy takes effect in the year it is issued
        m = _IN_FORCE_RE.search(text)
        if m:
            return int(m.group(1))
        # 2022年政府投资项目计划: a plan for the one year its title names
        own = {int(m.group(1)) for m in _TITLE_YEAR_RE.finditer(title)}
        if len(own) == 1:
            return own.pop()
    year = _year_from_body(text, headings, horizons=not congress, counted=not plan)
    if year is None:
        # 2024-04-22 08:55　来源：青海日报, 发布时间：2024-03-12: the web page's own date, the
        # last a story or a policy's interpretation that writes no year of its own has
        year = _iso_year(opening)
    return year


# The outline of a five-year plan (…国民经济和社会发展第十四个五年规划和2035年远景目标纲要) that
# no delivery line, number or signature dates is not dated by its body either: its title's
# 2035 is a horizon, and its most frequent years are the review's last (2020), a table's
# baseline column or its goal year. Its file's name, where it carries a year, dates it.
_FIVE_YEAR_PLAN_TITLE_RE = re.compile(
    r"国民经济和社会发展第[一二三四五六七八九十]{1,3}个五年(?:规划|计划)"
)


_IN_FORCE_RE = re.compile(
    r"自\s*" + _YEAR + r"\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?起(?:施行|实施|执行|生效)"
)


# A year the text never gives (a news story's 今年以来 with no dateline, a speech with no
# date) is the one its file's name carries, where users and archives write it
# (2025年常州外贸运行情况.docx, city_changzhou_2025_trade-news.txt). A name holding two
# years (规划2021-2035) gives none: which one the text is about is not said.
_FILE_NAME_YEAR_RE = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")


def year_of_file_name(filename: str) -> int | None:
    """The one year a file's name carries (``2025年…``, ``…_2025_…``), else ``None``."""
    years = set(_FILE_NAME_YEAR_RE.findall(Path(filename).stem))
    return int(years.pop()) if len(years) == 1 else None


# A press conference is held in, and about, the year its title names (云川省2026年“两会”
# 首场新闻发布会实录, 郑州市2025年一季度经济运行情况新闻发布会实录), though the figures
# its officials review are of the year before and may be written more often; a horizon
# (到2027年, 2030年前) or a span (2021-2035年) is no year of its own.
_PRESS_TITLE_RE = re.compile(r"新闻发布会|发布会实录|发布会文字实录")
_TITLE_YEAR_RE = re.compile(
    r"(?<![0-9到至—–\-－~～])((?:19|20)[0-9]{2})(?=\s*年)(?!\s*年(?:前|底前|以前))"
)
# The year a budget or plan report sets the figures of, as a work report does its own:
# 关于2025年预算执行情况和2026年预算草案的报告 -> 2026.
_DRAFT_YEAR_RE = re.compile(_YEAR + r"\s*年[^\n年]{0,30}?(?:预算|计划)草案")
# A final-accounts report is about the year it closes, as a bulletin is about its year.
_FINAL_ACCOUNTS_YEAR_RE = re.compile(_YEAR + r"\s*年度?[^\n]{0,12}?决算")
# The date a text is signed with: a closing line that is a date and nothing else (a
# deadline, 2025年12月31日前完成, is not one)
_SIGNED_DATE_RE = re.compile(
    r"^\s*[（(]?" + _YEAR + r"\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[)）]?\s*$", re.MULTILINE
)


def _year_from_body(
    text: str, headings: Iterable[str], *, horizons: bool = True, counted: bool = True
) -> int | None:
    heading_years = [
        int(y) for h in headings for y in _YEAR_RE.findall(h.translate(FULLWIDTH_DIGITS))
    ]
    if heading_years:
        return max(heading_years)
    planned = [int(m.group(1)) for m in _PLAN_RE.finditer(text)]
    if planned:
        return max(planned)
    if not counted:
        return None
    written: Counter[int] = Counter()
    dated: Counter[int] = Counter()
    for m in _YEAR_RE.finditer(text):
        year = int(m.group(1))
        written[year] += 1
        if not _HORIZON_RE.search(text, max(0, m.start() - 3), m.start()):
            dated[year] += 1
    for counts in (dated, written) if horizons else (dated,):
        if counts:
            return max(counts, key=lambda y: (counts[y], y))
    return None


def _iso_year(opening: str) -> int | None:
    m = _ISO_DATE_RE.search(opening)
    if m and 1 <= int(m.group(3)) <= 12 and 1 <= int(m.group(4)) <= 31:
        return int(m.group(1))
    return None


def infer_date(opening: str, closing: str = "") -> str | None:
    """The delivery or publication date as ISO text (``2026-01-27``, ``2023-05``)."""
    for text in (opening, closing):
        m = _DATE_RE.search(_digit_dates(text.translate(FULLWIDTH_DIGITS)))
        if m:
            year, month, day = m.group(1), int(m.group(2)), m.group(3)
            if not 1 <= month <= 12:
                continue
            return f"{year}-{month:02d}" + (f"-{int(day):02d}" if day else "")
    m = _ISO_DATE_RE.search(opening.translate(FULLWIDTH_DIGITS))
    if m and 1 <= int(m.group(3)) <= 12 and 1 <= int(m.group(4)) <= 31:
        return f"{m.group(1)}-{int(m.group(3)):02d}-{int(m.group(4)):02d}"
    return None
