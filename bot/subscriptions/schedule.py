"""Pure: when a subscription's digest goes out.

``parse_schedule`` reads what a user types and gives a :class:`Schedule` with a
canonical expression (what the database stores):

==================================================  =========  ==================
user text                                           kind       canonical expr
==================================================  =========  ==================
``08:00``, ``8:30``, ``daily 08:00``, ``每天 8:00``  daily      ``08:00``
``周一 09:00``, ``星期一 9:00``, ``mon 09:00``      weekly     ``mon 09:00``
``0 8 * * 1-5`` (5-field crontab)                   cron       ``0 8 * * 1-5``
==================================================  =========  ==================

A day without a time (``每天``, ``周一``) takes ``default_time``. Times are local to the
subscription's time zone. Crontab weekdays are standard (0 and 7 = Sunday, 1 = Monday);
APScheduler 3 numbers them from Monday, so :meth:`Schedule.trigger` translates them.
:meth:`Schedule.next_fire` uses the same ``CronTrigger`` as the scheduler, so both
agree on every slot.
"""

from __future__ import annotations

import re
import unicodedata
from collections import deque
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from apscheduler.triggers.cron import CronTrigger

from bot.errors import CodedError
from bot.i18n import DEFAULT_LANGUAGE, tr
from bot.subscriptions.offsets import utc_offset, zones_at
from bot.subscriptions.spoken_time import clock_times, number_words
from bot.zones import known_zone, zone_name

Kind = Literal["daily", "weekly", "cron"]
KINDS: tuple[str, ...] = ("daily", "weekly", "cron")
EXPR_MAX_CHARS = 128
"""Longest canonical expression (the ``subscriptions.schedule_expr`` column's length)."""

# APScheduler's weekday names, Monday first (its numbering: 0 = Monday).
WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAY_ZH = "一二三四五六日"

# What users write for a weekday -> index into WEEKDAYS.
_DAY_WORDS: dict[str, int] = {}
for _i, _name in enumerate(WEEKDAYS):
    _DAY_WORDS[_name] = _i
for _i, _name in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
):
    _DAY_WORDS[_name] = _i
for _i, _char in enumerate(_WEEKDAY_ZH):
    for _prefix in ("周", "星期", "礼拜", "每周", "每星期"):
        _DAY_WORDS[_prefix + _char] = _i
for _prefix in ("周", "星期", "礼拜", "每周", "每星期"):
    _DAY_WORDS[_prefix + "天"] = 6
    _DAY_WORDS[_prefix + "七"] = 6
_DAILY_WORDS = frozenset({"daily", "everyday", "day", "每天", "每日", "天天"})
_WEEKLY_PREFIXES = ("weekly", "every")
WEEKLY_WORDS = frozenset({"weekly", "每周", "每星期", "每礼拜"})
"""Words of a weekly schedule that need a day after them (``周一 09:00``, ``weekly mon``)."""
_TIME_RE = re.compile(r"(\d{1,2}):(\d{2})")
_BAD_MERIDIEM = re.compile(r"\d{1,2}(?::\d{2})?\s*[ap]\.?\s?m\.?")
_HELP = (
    "可用格式 / accepted: 08:00、每天 08:00、周一 09:00、mon 09:00，"
    "或 5 段 cron 表达式，如 0 8 * * 1-5"
)


class ScheduleError(CodedError):
    """A schedule or time zone that cannot be used; the message is meant for the user,
    ``code`` (``schedule.…``) and ``params`` for interfaces that translate."""


def check_timezone(name: str) -> str:
    """The IANA time zone name, stripped (also from a city or China's usual names:
    :func:`bot.zones.zone_name`); :class:`ScheduleError` if it is unknown."""
    if not isinstance(name, str) or not name.strip():
        raise ScheduleError(
            "缺少时区 / time zone missing (e.g. Asia/Shanghai)", "schedule.timezone_missing"
        )
    known = known_zone(name)
    offset = utc_offset(name) if known is None else None
    usual = zones_at(offset) if offset is not None else []
    if usual:  # UTC+8: an offset, which knows no summer time; the zone to write instead
        raise ScheduleError(
            f"“{name.strip()}”是时差，不是时区名，例如 {usual[0]} / "
            f"{name.strip()!r} is an offset, not a time zone, e.g. {usual[0]}",
            "zone.offset",
            name=name.strip(),
            zone=usual[0],
        )
    if known is None:
        name = zone_name(name.strip())
        raise ScheduleError(
            f"未知的时区“{name}” / unknown time zone {name!r} (e.g. Asia/Shanghai)",
            "schedule.unknown_timezone",
            name=name,
        )
    return known


def _parse_time(text: str) -> str:
    match = _TIME_RE.fullmatch(text)
    if not match:
        raise ScheduleError(
            f"无法识别的时间“{text}” / not a time of day: {text!r}。{_HELP}",
            "schedule.bad_time",
            text=text,
        )
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 23 or minute > 59:
        raise ScheduleError(
            f"时间“{text}”超出范围（00:00–23:59） / time {text!r} out of range (00:00-23:59)",
            "schedule.time_out_of_range",
            text=text,
        )
    return f"{hour:02d}:{minute:02d}"


# -- crontab day-of-week ------------------------------------------------------------------
_CRON_DOW_NAMES = {"sun": 0, "mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6}


def _bad_dow(field: str) -> ScheduleError:
    return ScheduleError(
        f"cron 星期字段“{field}”无效 / invalid cron day-of-week field {field!r}",
        "schedule.bad_cron_dow",
        field=field,
    )


def _cron_day(token: str, field: str) -> int:
    token = token.lower()
    if token in _CRON_DOW_NAMES:
        return _CRON_DOW_NAMES[token]
    if token.isdigit() and int(token) <= 7:
        return int(token) % 7
    raise _bad_dow(field)


def _cron_weekdays(field: str) -> set[int]:
    """Standard crontab day-of-week field -> set of days (0 = Sunday ... 6 = Saturday)."""
    days: set[int] = set()
    for item in field.split(","):
        base, _, step_text = item.partition("/")
        step = 1
        if step_text:
            if not step_text.isdigit() or int(step_text) == 0:
                raise _bad_dow(field)
            step = int(step_text)
        if base == "*":
            first, last = 0, 6
        elif "-" in base:
            a, _, b = base.partition("-")
            first, last = _cron_day(a, field), _cron_day(b, field)
            if b.strip() == "7":
                last = 7  # 5-7: Friday to Sunday
            if last < first:
                raise ScheduleError(
                    f"cron 星期范围“{base}”无效 / invalid cron day-of-week range {base!r}",
                    "schedule.bad_cron_dow",
                    field=base,
                )
        else:
            first = _cron_day(base, field)
            last = 6 if step_text else first
        days.update(day % 7 for day in range(first, last + 1, step))
    return days


def _apscheduler_dow(field: str) -> str:
    days = _cron_weekdays(field)
    if len(days) == 7:
        return "*"
    # standard 0 = Sunday -> APScheduler index (Sunday last)
    return ",".join(WEEKDAYS[i] for i in sorted((d - 1) % 7 for d in days))


def _cron_trigger(expr: str, tz: ZoneInfo | str = "UTC") -> CronTrigger:
    minute, hour, day, month, dow = expr.split()
    try:
        return CronTrigger(
            minute=minute,
            hour=hour,
            day=day,
            month=month,
            day_of_week=_apscheduler_dow(dow),
            timezone=tz,
        )
    except ScheduleError:
        raise
    except ValueError as exc:
        raise ScheduleError(
            f"cron 表达式“{expr}”无效 / invalid cron expression {expr!r}: {exc}",
            "schedule.bad_cron",
            expr=expr,
            detail=str(exc),
        ) from None


# -- the schedule ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Schedule:
    """A parsed schedule: ``kind`` and its canonical ``expr`` (see the module docstring)."""

    kind: Kind
    expr: str

    @classmethod
    def from_stored(cls, kind: str, expr: str) -> Schedule:
        """Rebuild a schedule from the database columns, checking they agree."""
        schedule = parse_schedule(expr, default_time="00:00")
        if schedule.kind != kind:
            raise ScheduleError(f"stored schedule {kind!r} {expr!r} does not parse as {kind}")
        return schedule

    def describe(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """For the user, in ``lang``: ``每天 08:00``, ``每周一 09:00`` (``daily at 08:00``,
        ``Mondays at 09:00``); working days and a day of the month as said (``工作日 08:30``,
        ``每月1日 08:00``); any other cron expression as written: ``cron */30 9-17 * * *``."""
        if self.kind == "daily":
            return tr(lang, "schedule.daily", time=self.expr)
        if self.kind == "weekly":
            day, time = self.expr.split()
            return tr(lang, "schedule.weekly", day=tr(lang, f"schedule.weekdays.{day}"), time=time)
        return _spoken_cron(self.expr, lang) or f"cron {self.expr}"

    def trigger(self, tz: str) -> CronTrigger:
        """The APScheduler trigger firing at this schedule in time zone ``tz``."""
        zone = ZoneInfo(check_timezone(tz))
        if self.kind == "daily":
            hour, minute = self.expr.split(":")
            return CronTrigger(hour=int(hour), minute=int(minute), timezone=zone)
        if self.kind == "weekly":
            day, time = self.expr.split()
            hour, minute = time.split(":")
            return CronTrigger(day_of_week=day, hour=int(hour), minute=int(minute), timezone=zone)
        return _cron_trigger(self.expr, zone)

    def next_fire(self, after: datetime, tz: str) -> datetime | None:
        """The first fire time strictly after ``after`` (aware), in ``tz``; None if never."""
        if after.tzinfo is None or after.utcoffset() is None:
            raise ValueError(f"naive datetime given: {after!r}")
        trigger = self.trigger(tz)
        return trigger.get_next_fire_time(None, after + timedelta(microseconds=1))


def _clean(text: str) -> str:
    # NFKC: full-width digits, colon and spaces become ASCII ("０８：００" -> "08:00");
    # a time said in words becomes a clock time ("8点半" -> "8:30", "下午3点" -> "15:00",
    # "早上八点半" -> "8:30": bot.subscriptions.spoken_time).
    text = unicodedata.normalize("NFKC", text).strip().lower()
    return clock_times(re.sub(r"\s+", " ", text))


def looks_like_time(text: str) -> bool:
    """Whether ``text`` is written as a time of day (``08:00``, ``25:00``, ``8点``), valid
    or not: a schedule mistyped, not a word to filter on. ``15pm`` too (no 12-hour time,
    so :func:`clock_times` leaves it)."""
    cleaned = _clean(text)
    return _TIME_RE.fullmatch(cleaned) is not None or _BAD_MERIDIEM.fullmatch(cleaned) is not None


def parse_schedule(text: str, *, default_time: str) -> Schedule:
    """Parse a schedule as users write it; :class:`ScheduleError` (zh + en) if unusable."""
    if not isinstance(text, str) or not text.strip():
        raise ScheduleError(f"缺少时间安排 / schedule missing。{_HELP}", "schedule.missing")
    cleaned = _clean(text)
    if cleaned.startswith("cron "):
        return _parse_cron(cleaned[5:].strip())
    spoken = _workdays_or_monthly(cleaned, default_time)
    if spoken is not None:
        return spoken
    # Split a Chinese day word glued to its time: "周一09:00", "每天8:00".
    cleaned = re.sub(r"^([\u4e00-\u9fff]+)(\d)", r"\1 \2", cleaned)
    tokens = cleaned.split(" ")
    if len(tokens) >= 3 and re.fullmatch(r"[\d*,/\-]+", tokens[0]):
        return _parse_cron(cleaned)
    if tokens[0] in WEEKLY_WORDS and (len(tokens) == 1 or tokens[1] not in _DAY_WORDS):
        raise ScheduleError(
            f"每周哪一天？例如 周一 09:00 / which day of the week? e.g. mon 09:00: "
            f"{text.strip()!r}",
            "schedule.weekday_missing",
            text=text.strip(),
        )
    if tokens[0] in _WEEKLY_PREFIXES and len(tokens) > 1:
        tokens = tokens[1:]
    if len(tokens) > 2:
        raise _unknown_schedule(text)
    first = tokens[0]
    rest = tokens[1] if len(tokens) == 2 else None
    if first in _DAILY_WORDS:
        return Schedule("daily", _parse_time(rest or default_time))
    if first in _DAY_WORDS:
        day = WEEKDAYS[_DAY_WORDS[first]]
        return Schedule("weekly", f"{day} {_parse_time(rest or default_time)}")
    if rest is None and _TIME_RE.fullmatch(first):
        return Schedule("daily", _parse_time(first))
    if re.fullmatch(r"(周|星期|礼拜|每周|每星期).", first):
        raise ScheduleError(
            f"无法识别的星期“{first}”（周一…周日） / unknown weekday {first!r} (mon-sun)",
            "schedule.unknown_weekday",
            text=first,
        )
    if rest is None and re.fullmatch(r"[\d:：]+", first):
        raise ScheduleError(
            f"无法识别的时间“{first}” / not a time of day: {first!r}。{_HELP}",
            "schedule.bad_time",
            text=first,
        )
    raise _unknown_schedule(text)


# Working days and a day of the month, as people say them (工作日 8:30, 每月1号, 每月十五日
# 9:00): read as the cron expressions they are.
_WORKDAYS = re.compile(
    r"^(?:每个?工作日|工作日|周一至周五|周一到周五|星期一至星期五)\s*(\d{1,2}:\d{2})?$"
)
_MONTHLY = re.compile(
    r"^每(?:个)?月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[号日]\s*(\d{1,2}:\d{2})?$"
)


def _workdays_or_monthly(cleaned: str, default_time: str) -> Schedule | None:
    workdays = _WORKDAYS.match(cleaned)
    monthly = _MONTHLY.match(cleaned) if workdays is None else None
    if workdays is None and monthly is None:
        return None
    hour, minute = _parse_time((workdays or monthly).groups()[-1] or default_time).split(":")
    if workdays is not None:
        return _parse_cron(f"{int(minute)} {int(hour)} * * 1-5")
    day = number_words(monthly.group(1))
    if not 1 <= day <= 31:
        raise _unknown_schedule(cleaned)
    return _parse_cron(f"{int(minute)} {int(hour)} {day} * *")


def _spoken_cron(expr: str, lang: str) -> str | None:
    """A cron expression of the two shapes people say (工作日 08:30, 每月1日 08:00) said
    back in their words: ``cron 0 8 1 * *`` in a confirmation or a listing read to an
    office head who wrote 每月1日 08:00 as a code. Any other cron is shown as written."""
    fields = expr.split()
    if len(fields) != 5 or not (fields[0].isdigit() and fields[1].isdigit()):
        return None
    time = f"{int(fields[1]):02d}:{int(fields[0]):02d}"
    day, month, weekday = fields[2:]
    if (day, month, weekday) == ("*", "*", "1-5"):
        return tr(lang, "schedule.workdays", time=time)
    if day.isdigit() and (month, weekday) == ("*", "*"):
        # 每月31日 fires in seven months only (cron skips a month without the day): said
        # with the time, not found out in February
        if int(day) >= 29:
            return tr(lang, "schedule.monthly_some", day=int(day), time=time)
        return tr(lang, "schedule.monthly", day=int(day), time=time)
    return None


def _unknown_schedule(text: str) -> ScheduleError:
    return ScheduleError(
        f"无法识别的时间安排“{text.strip()}” / unknown schedule。{_HELP}",
        "schedule.unknown",
        text=text.strip(),
    )


def _parse_cron(expr: str) -> Schedule:
    fields = expr.split()
    if len(fields) != 5:
        raise ScheduleError(
            f"cron 表达式需要 5 段（分 时 日 月 周），收到 {len(fields)} 段 / "
            f"a cron expression needs 5 fields (minute hour day month weekday), got {len(fields)}",
            "schedule.cron_fields",
            count=len(fields),
        )
    canonical = " ".join(fields)
    if len(canonical) > EXPR_MAX_CHARS:
        raise ScheduleError(
            f"cron 表达式太长（最多 {EXPR_MAX_CHARS} 个字符，收到 {len(canonical)} 个） / "
            f"the cron expression is too long ({len(canonical)} characters, at most "
            f"{EXPR_MAX_CHARS}): use ranges and steps (0-30/5) instead of long lists",
            "schedule.cron_too_long",
            limit=EXPR_MAX_CHARS,
            length=len(canonical),
        )
    _cron_trigger(canonical)  # validates every field
    return Schedule("cron", canonical)


def fire_times(
    schedule: Schedule, tz: str, after: datetime, until: datetime, *, limit: int
) -> list[datetime]:
    """The newest ``limit`` fire times in ``(after, until]``, oldest first.

    Bounded: a minute-by-minute cron over a month of downtime is 43,200 slots. The
    search looks back from ``until`` over a window that doubles (one day, two, four …)
    until it holds ``limit`` fire times or reaches ``after``, so the work is about the
    slots in the last such window, not in the whole gap.
    """
    if limit < 1 or until <= after:
        return []
    trigger = schedule.trigger(tz)
    window = timedelta(days=1)
    while True:
        start = max(after, until - window)
        found: deque[datetime] = deque(maxlen=limit)
        current = start
        while True:
            nxt = trigger.get_next_fire_time(None, current + timedelta(microseconds=1))
            if nxt is None or nxt > until:
                break
            found.append(nxt)
            current = nxt
        if len(found) >= limit or start == after:
            return list(found)
        window *= 2


def latest_fire(
    schedule: Schedule, tz: str, now: datetime, *, window: timedelta
) -> datetime | None:
    """The newest fire time in ``(now - window, now]``; None if there is none."""
    times = fire_times(schedule, tz, now - window, now, limit=1)
    return times[-1] if times else None
