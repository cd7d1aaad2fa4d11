"""Pure: a UTC offset typed where a time zone is asked (``UTC+8``, ``GMT-5``,
``UTC+05:30``, ``东八区``), and the usual zones that are at that offset now.

An offset is no time zone (it does not say when summer time starts), so it is not
taken as one: :func:`bot.subscriptions.schedule.check_timezone` refuses it naming the
zones to write instead (``Asia/Shanghai`` for ``UTC+8``)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

_OFFSET = re.compile(r"^(?:utc|gmt)\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?$", re.IGNORECASE)
_CHINESE_HOURS = {w: n for n, w in enumerate("一二三四五六七八九十", 1)} | {"十一": 11, "十二": 12}
_CHINESE_ZONE = re.compile(r"^([东西])(十[一二]|[一二三四五六七八九十])区$")

# Zones people write, one or two per offset, west to east.
USUAL_ZONES: tuple[str, ...] = (
    "Pacific/Honolulu",
    "America/Anchorage",
    "America/Los_Angeles",
    "America/Denver",
    "America/Chicago",
    "America/New_York",
    "America/Sao_Paulo",
    "Europe/London",
    "Europe/Berlin",
    "Europe/Paris",
    "Europe/Athens",
    "Europe/Moscow",
    "Asia/Dubai",
    "Asia/Karachi",
    "Asia/Kolkata",
    "Asia/Dhaka",
    "Asia/Bangkok",
    "Asia/Shanghai",
    "Asia/Hong_Kong",
    "Asia/Singapore",
    "Asia/Tokyo",
    "Asia/Seoul",
    "Australia/Sydney",
    "Pacific/Auckland",
)


def utc_offset(text: str) -> int | None:
    """The offset ``text`` states, in minutes east of UTC (``UTC+8`` -> 480, ``东八区``
    -> 480, ``GMT-5`` -> -300); None when it states none."""
    text = text.strip()
    match = _OFFSET.match(text)
    if match:
        sign = -1 if match.group(1) in "-−" else 1
        hours, minutes = int(match.group(2)), int(match.group(3) or 0)
        if hours > 14 or minutes >= 60:
            return None
        return sign * (hours * 60 + minutes)
    match = _CHINESE_ZONE.match(text)
    if match:
        hours = _CHINESE_HOURS[match.group(2)]
        return hours * 60 if match.group(1) == "东" else -hours * 60
    return None


def zones_at(offset: int, now: datetime | None = None) -> list[str]:
    """The usual zones whose offset is ``offset`` minutes at ``now`` (default: now)."""
    now = now or datetime.now(UTC)
    found = []
    for name in USUAL_ZONES:
        shift = now.astimezone(ZoneInfo(name)).utcoffset()
        if shift is not None and int(shift.total_seconds()) // 60 == offset:
            found.append(name)
    return found
