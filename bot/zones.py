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
_CHINA_NAMES = frozenset(
    {
        *("beijing", "北京", "北京时间", "china", "中国", "中国时间", "prc"),
        # as English speakers and phones name it (``key``: spaces as underscores)
        *("china_standard_time", "beijing_time", "china_time", "北京標準時間", "北京时区"),
    }
)

# The cities (and one-zone countries) people writing Chinese name a zone by: the database
# knows them only in English, so /timezone 纽约 was an unknown zone. Traditional forms
# where they differ. Countries with several zones (美国, 俄罗斯, 澳大利亚) are left out: a
# city says which. ``时间`` after any of them (东京时间) is read as the name alone.
_CHINESE_NAMES = {
    "上海": "Asia/Shanghai",
    "香港": "Asia/Hong_Kong",
    "澳门": "Asia/Macau",
    "澳門": "Asia/Macau",
    "台北": "Asia/Taipei",
    "臺北": "Asia/Taipei",
    "东京": "Asia/Tokyo",
    "東京": "Asia/Tokyo",
    "日本": "Asia/Tokyo",
    "首尔": "Asia/Seoul",
    "首爾": "Asia/Seoul",
    "韩国": "Asia/Seoul",
    "韓國": "Asia/Seoul",
    "新加坡": "Asia/Singapore",
    "曼谷": "Asia/Bangkok",
    "吉隆坡": "Asia/Kuala_Lumpur",
    "雅加达": "Asia/Jakarta",
    "雅加達": "Asia/Jakarta",
    "马尼拉": "Asia/Manila",
    "馬尼拉": "Asia/Manila",
    "河内": "Asia/Ho_Chi_Minh",
    "胡志明市": "Asia/Ho_Chi_Minh",
    "新德里": "Asia/Kolkata",
    "孟买": "Asia/Kolkata",
    "孟買": "Asia/Kolkata",
    "迪拜": "Asia/Dubai",
    "莫斯科": "Europe/Moscow",
    "伦敦": "Europe/London",
    "倫敦": "Europe/London",
    "英国": "Europe/London",
    "英國": "Europe/London",
    "巴黎": "Europe/Paris",
    "法国": "Europe/Paris",
    "法國": "Europe/Paris",
    "柏林": "Europe/Berlin",
    "法兰克福": "Europe/Berlin",
    "法蘭克福": "Europe/Berlin",
    "德国": "Europe/Berlin",
    "德國": "Europe/Berlin",
    "布鲁塞尔": "Europe/Brussels",
    "布魯塞爾": "Europe/Brussels",
    "阿姆斯特丹": "Europe/Amsterdam",
    "罗马": "Europe/Rome",
    "羅馬": "Europe/Rome",
    "马德里": "Europe/Madrid",
    "馬德里": "Europe/Madrid",
    "日内瓦": "Europe/Zurich",
    "日內瓦": "Europe/Zurich",
    "苏黎世": "Europe/Zurich",
    "蘇黎世": "Europe/Zurich",
    "维也纳": "Europe/Vienna",
    "維也納": "Europe/Vienna",
    "纽约": "America/New_York",
    "紐約": "America/New_York",
    "华盛顿": "America/New_York",
    "華盛頓": "America/New_York",
    "多伦多": "America/Toronto",
    "多倫多": "America/Toronto",
    "芝加哥": "America/Chicago",
    "洛杉矶": "America/Los_Angeles",
    "洛杉磯": "America/Los_Angeles",
    "旧金山": "America/Los_Angeles",
    "舊金山": "America/Los_Angeles",
    "温哥华": "America/Vancouver",
    "溫哥華": "America/Vancouver",
    "圣保罗": "America/Sao_Paulo",
    "聖保羅": "America/Sao_Paulo",
    "悉尼": "Australia/Sydney",
    "雪梨": "Australia/Sydney",
    "墨尔本": "Australia/Melbourne",
    "墨爾本": "Australia/Melbourne",
    "奥克兰": "Pacific/Auckland",
    "奧克蘭": "Pacific/Auckland",
}


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
    (Shanghai, new york) or its Chinese name (纽约, 东京时间), China's zone by its usual
    names (Beijing, 北京时间, China Standard Time). Anything else (an offset such as
    UTC+8 included: its IANA name, Etc/GMT-8, reads as the opposite sign, and the
    caller says which zone to write) is returned as given, for the caller to refuse."""
    if not text or "\x00" in text:
        return text
    key = text.lower().replace(" ", "_")
    whole, cities = _zones_by_key()
    if key in whole:
        return whole[key]
    if key in _CHINA_NAMES or text in _CHINA_NAMES:
        return "Asia/Shanghai"
    chinese = text.removesuffix("时间").removesuffix("時間")
    if chinese in _CHINESE_NAMES:
        return _CHINESE_NAMES[chinese]
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
