"""A year as people type it, read one way everywhere: the search's understanding of a
query (``GDP 二〇二四年 目标``) and the words of a key-target request (``/targets GDP
2024``, ``/compare``, ``/scorecard``, ``briefbot targets --year``).

Arabic (``2024``, full-width ``２０２４`` folded) or Chinese numerals (``二〇二四``, with
the zero as 〇, ○ or 零), with or without 年 (or 年度, 年末, 年底, 年初: the year
still); only 19xx and 20xx, so a bare 24 or 300 is a word, not a year. 今年, 去年 and
明年 are years only against a reference year the caller gives. Pure.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.text.normalize import fold_figures

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
_CN_DIGIT = "[〇零○一二三四五六七八九]"
ARABIC_YEAR = r"(?:19|20)\d\d"
"""The digits of a year in Arabic numerals (a regular expression, no group)."""
CHINESE_YEAR = rf"(?:一九|二[〇零○]){_CN_DIGIT}{{2}}"
"""The digits of a year in Chinese numerals, 一九〇〇 to 二〇九九, the same bounds."""
_AFTER = r"(?:\s*年(?:度|末|底|初)?)?"
# A figure goes on around an Arabic year (2024.5, 12024, 2024%) or a Chinese one
# (一九九八五, 二〇二四万): then it is no year.
YEAR_RE = re.compile(
    rf"(?<![\d.])({ARABIC_YEAR}){_AFTER}(?![\d.%])"
    rf"|(?<![〇零○一二三四五六七八九十百千万])({CHINESE_YEAR}){_AFTER}"
    r"(?![〇零○一二三四五六七八九十百千万亿点])"
)
"""A year inside a text; group 1 holds Arabic digits, group 2 Chinese ones."""

RELATIVE_YEARS: dict[str, int] = {
    "今年": 0,
    "本年度": 0,
    "去年": -1,
    "上一年": -1,
    "前年": -2,
    "明年": 1,
}
"""Years said against a reference year (今年 GDP 目标), by their offset. 上年 is left
out: in 比上年增长 it is a document's comparison base, not a year asked about."""


# A year in Chinese numerals before 年 (二〇二六年, 二零二五年度): its Arabic digits, as most
# queries and documents write it.
_CHINESE_YEAR_WORD_RE = re.compile(
    rf"(?<![〇零○一二三四五六七八九十百千万])({CHINESE_YEAR})(?=\s*年)"
)


def with_arabic_years(text: str) -> str:
    """``text`` with its years in Chinese numerals before 年 in Arabic ones (二〇二六年 →
    2026年): the same year, read and searched alike."""
    if not _CHINESE_YEAR_WORD_RE.search(text):
        return text
    return _CHINESE_YEAR_WORD_RE.sub(lambda m: str(year_number(m.group(1))), text)


def year_number(digits: str) -> int:
    """The year of four digits matched by :data:`ARABIC_YEAR` or :data:`CHINESE_YEAR`."""
    if digits.isascii():
        return int(digits)
    return int("".join(str(_CN_DIGITS[c]) for c in digits))


def year_of(match: re.Match[str]) -> int:
    """The year a match of :data:`YEAR_RE` names."""
    return year_number(match.group(1) or match.group(2))


def read_year(word: str, *, this_year: int | None = None) -> int | None:
    """The year ``word`` is, whole (``2024``, ``2024年``, ``二〇二四年``, ``二零二四``),
    or, with ``this_year``, the year 今年, 去年 or 明年 is; ``None`` for anything else."""
    text = fold_figures(word.strip())
    m = YEAR_RE.fullmatch(text)
    if m:
        return year_of(m)
    if this_year is not None and text in RELATIVE_YEARS:
        return this_year + RELATIVE_YEARS[text]
    return None


# A record's period: one year or a span of years (2021-2025)
_PERIOD_RE = re.compile(r"^((?:19|20)\d\d)(?:-((?:19|20)\d\d))?$")


@lru_cache(maxsize=4096)
def period_years(period: str) -> tuple[int, int] | None:
    """The first and last year of a record's period (``2025`` -> (2025, 2025),
    ``2021-2025`` -> (2021, 2025)); None for others."""
    m = _PERIOD_RE.match(period.strip())
    if not m:
        return None
    first = int(m.group(1))
    return first, int(m.group(2) or first)


def period_end(period: str) -> int | None:
    """The last year of a period (``2025``, ``2021-2025`` -> 2025); None for others."""
    years = period_years(period)
    return years[1] if years else None
