"""Pure: a time of day said in words, as a clock time (``早上八点半`` -> ``8:30``).

People who schedule a digest from a phone write the time as they say it: ``8点半``,
``下午3点``, and as often with Chinese numerals, ``八点半``, ``早上八点``, ``十点一刻``,
``晚上七点三十分``. Before, a time in Chinese numerals was not read at all, so
``/subscribe 每周一早上八点半`` subscribed to the keyword 每周一早上八点半 every day at 08:00.

:func:`clock_times` rewrites each time said in words inside a text to ``H:MM`` and leaves
everything else as it was; a part of the day before a clock time (``早上 8:30``,
``下午3:00``) is read too. A Chinese numeral is read as an hour only where a time can
stand (after a day or part-of-day word, a space or at the start, and before the end, a
space, a stop or a word of sending), so 统一点, 一点点 or 三点一线 are no times.
"""

from __future__ import annotations

import re

from bot.targets.numbers.cn_numerals import cn_to_number

__all__ = ["PARTS_OF_DAY", "clock_times", "glue_part_of_day", "number_words"]

PARTS_OF_DAY = ("上午", "早上", "早晨", "凌晨", "中午", "下午", "晚上", "傍晚")
_AFTERNOON = frozenset({"中午", "下午", "晚上", "傍晚"})
_PART = "|".join(PARTS_OF_DAY)

# An hour in Chinese numerals (一 … 二十四, 两): the longest form first.
_CN_HOUR = r"二十[一二三四]?|十[一二三四五六七八九]?|[零〇一二两三四五六七八九]"
# Minutes: 十五, 三十, 四十五, 零五 (a lone 五 only with 分: 八点五 is no usual way to say it).
_CN_MINUTE = r"[二三四五]十[一二三四五六七八九]?|十[一二三四五六七八九]?|[零〇][一二三四五六七八九]"
# Where an hour in Chinese numerals may begin: the start, a space, the end of a part of
# the day (早上, 午, 晨, 晚), of 每天/每日, or a weekday (周一, 星期三). Not inside a word.
_CN_START = r"(?:(?<=^)|(?<=\s)|(?<=[上午晨晚天日])|(?<=[周期拜][一二三四五六日天七]))"

# … and where it ends: the end, a space, a stop, or a word of sending (八点半推送); not
# inside a phrase (一点点, 三点一线).
_CN_END = r"(?=$|\s|[，,。.;；!！]|推送|发送|发|送)"

_DIGIT_CLOCK = re.compile(
    rf"(?<![\d:])({_PART})?(\d{{1,2}})(?:点钟|[点时])(?:(半)|(一刻|三刻)|(\d{{1,2}})分?)?"
)
_CN_CLOCK = re.compile(
    rf"{_CN_START}({_PART})?({_CN_HOUR})(?:点钟|[点时])"
    rf"(?:(半)|(一刻|三刻)|({_CN_MINUTE})分?|([一二三四五六七八九])分)?"
    rf"{_CN_END}"
)
_PART_CLOCK = re.compile(rf"({_PART})\s*(\d{{1,2}}):(\d{{2}})")
_GLUE = re.compile(rf"({_PART})\s+(?=\d|{_CN_HOUR})")

# A 12-hour time as English speakers (and many phones) write it: 8am, 8 am, 8:30pm,
# 8:30 PM, 8 a.m. Read only with a number before it and no letter or digit after it,
# so PM2.5 (fine particles) or 8amp is no time. An hour above 12 is left as written:
# 15pm is no time, and the schedule says so.
_MERIDIEM = r"(\d{1,2})(?::(\d{2}))?\s*([ap])\.?\s?m\b\.?"
_MERIDIEM_CLOCK = re.compile(rf"(?<![\d:.]){_MERIDIEM}", re.IGNORECASE)
_MERIDIEM_GLUE = re.compile(r"(?<![\d:.])(\d{1,2}(?::\d{2})?)\s+(?=[ap]\.?\s?m\b)", re.IGNORECASE)


def number_words(words: str) -> int:
    """一 … 五十九 in Chinese numerals (十五, 二十三, 零五), or digits: the extractor's
    numeral reader (cn2an), which reads 〇 as a digit only inside a number."""
    if words.isdecimal():
        return int(words)
    value = cn_to_number(words.replace("〇", "零"))
    if value is None:
        raise ValueError(f"not a number: {words!r}")
    return int(value)


def _say(part: str | None, hour: int, minute: int) -> str:
    if part in _AFTERNOON and hour < 12:
        hour += 12
    return f"{hour}:{minute:02d}"


def _quarter(word: str | None) -> int | None:
    return {"一刻": 15, "三刻": 45}.get(word or "")


def _digit_clock(match: re.Match[str]) -> str:
    part, hour, half, quarter, minute = match.groups()
    minutes = 30 if half else _quarter(quarter) or int(minute or 0)
    return _say(part, int(hour), minutes)


def _cn_clock(match: re.Match[str]) -> str:
    part, hour, half, quarter, minute, lone = match.groups()
    if half:
        minutes = 30
    elif quarter:
        minutes = _quarter(quarter) or 0
    else:
        minutes = number_words(minute or lone) if (minute or lone) else 0
    return _say(part, number_words(hour), minutes)


def _part_clock(match: re.Match[str]) -> str:
    part, hour, minute = match.groups()
    return _say(part, int(hour), int(minute))


def _meridiem_clock(match: re.Match[str]) -> str:
    hour, minute, half = int(match.group(1)), int(match.group(2) or 0), match.group(3).lower()
    if not 1 <= hour <= 12:
        return match.group(0)
    return f"{hour % 12 + (12 if half == 'p' else 0)}:{minute:02d}"


def clock_times(text: str) -> str:
    """``text`` with each time of day said in words as ``H:MM`` (``每周一早上八点半`` ->
    ``每周一8:30``, ``下午3点`` -> ``15:00``, ``早上 8:30`` -> ``8:30``, ``8pm`` ->
    ``20:00``, ``12am`` -> ``0:00``)."""
    text = _MERIDIEM_CLOCK.sub(_meridiem_clock, text)
    text = _DIGIT_CLOCK.sub(_digit_clock, text)
    text = _CN_CLOCK.sub(_cn_clock, text)
    return _PART_CLOCK.sub(_part_clock, text)


def glue_part_of_day(text: str) -> str:
    """A part of the day and the time after it as one word (``早上 8:30`` -> ``早上8:30``),
    so that a command cutting its arguments at spaces keeps them together; so too a
    12-hour time and its am/pm (``8:00 PM`` -> ``8:00PM``)."""
    return _MERIDIEM_GLUE.sub(r"\1", _GLUE.sub(r"\1", text))
