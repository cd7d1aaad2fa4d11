"""Pure: time zone names as people write them, read as IANA names.

One reading for every place that takes a time zone: ``/timezone``, ``/subscribe …
tz=`` (``bot.subscriptions.schedule.check_timezone``) and the ``default_timezone``
setting (``bot.config``, also ``/config set``). The bottom of the core's layers, so that
the configuration may import it; the standard library only.
"""

from __future__ import annotations

from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

# China's one time zone as people name it, not as the IANA database does (it has no
# Beijing: China's zone is Asia/Shanghai).
_CHINA_NAMES = frozenset({"beijing", "北京", "北京时间", "china", "中国", "中国时间", "prc"})


@lru_cache(maxsize=1)
def _zones_by_key() -> tuple[dict[str, str], dict[str, str]]:
    """IANA names by their lower case, and by their unique last part (a city: shanghai,
    new york), from the time zone database the system or tzdata gives."""
    names = available_timezones()
    whole = {n.lower(): n for n in names}
    cities: dict[str, str | None] = {}
    for n in sorted(names):
        if "/" not in n or n.startswith(("Etc/", "SystemV/", "US/")):
            continue
        city = n.rsplit("/", 1)[1].lower()
        cities[city] = None if city in cities and cities[city] != n else n
    return whole, {k: v for k, v in cities.items() if v}


def zone_name(text: str) -> str:
    """The IANA name for what people write: the name itself in any case, a city
    (Shanghai, new york), China's zone by its usual names (Beijing, 北京时间). Anything
    else (an offset such as UTC+8 included: its IANA name, Etc/GMT-8, reads as the
    opposite sign) is returned as given, for the caller to refuse."""
    if not text or "\x00" in text:
        return text
    key = text.lower().replace(" ", "_")
    whole, cities = _zones_by_key()
    if key in whole:
        return whole[key]
    if key in _CHINA_NAMES or text in _CHINA_NAMES:
        return "Asia/Shanghai"
    if key in cities:
        return cities[key]
    return text


def known_zone(text: str) -> str | None:
    """The IANA name of ``text`` (stripped, read by :func:`zone_name`), or ``None`` if
    no time zone is called so."""
    name = zone_name(text.strip())
    if not name:
        return None
    try:
        ZoneInfo(name)
    # OSError: with the tzdata package installed (matplotlib brings it through
    # python-dateutil) a name longer than a file name can be fails to open
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None
    return name
