"""A key target's frame said in English: the indicator's name, the place and the figure.

An analyst reading in English saw ``四川 2026 地区生产总值 target: 增长5.5%左右`` and
``地方政府专项债券 … 安排4.4万亿元`` (english-trial18): every word of the frame but the
kind was the document's Chinese. Here:

- :func:`indicator_name`: the indicator's English name, from the indicator table's own
  abbreviation (GDP, CPI) or else the English glossary's first form
  (``config/dictionaries/english.txt``, the one the search reads); ``None`` for a name
  neither knows (the long tail of a report's own names stays Chinese, as written);
- :func:`place_name`: the place's pinyin name from the gazetteer's table (四川 → Sichuan,
  全国 → China), several places joined; the Chinese name when one is unknown;
- :func:`figure`: the change and the figure in English words and English magnitudes
  (``增长`` ``5.5%`` ``左右`` → ``growth of about 5.5%``; ``4.4万亿元`` → ``4.4 trillion
  yuan``; ``85万人`` → ``850,000 people``), numbers written by Babel's CLDR formats;
  ``None`` when a part cannot be said (a Chinese numeral, a masked figure, a unit or a
  qualifier the tables below lack): the caller then shows the document's figure as it is,
  never a half-translated one.

Pure; the tables are read once.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from babel.numbers import format_compact_decimal, format_decimal

from bot.corpus.gazetteer import latin_names, nicknamed_place
from bot.targets.indicators import IndicatorTable, default_table
from bot.targets.magnitudes import KEPT_MAGNITUDES, MAGNITUDE_SIZES
from bot.targets.records import TargetRecord
from bot.text.english import english_names

# -- names ---------------------------------------------------------------------------------------
_ABBREVIATION_RE = re.compile(r"[A-Z][A-Z0-9&.]{1,5}")


@lru_cache(maxsize=4096)
def _indicator_name(name: str, table: IndicatorTable) -> str | None:
    canonical = table.canonical(name) or name
    names = english_names()
    # a national statistic is named as its regional twin (国内生产总值 as 地区生产总值: GDP)
    for candidate in dict.fromkeys((canonical, table.regional_variant(canonical) or canonical)):
        short = next(
            (
                alias
                for alias, of in table.aliases.items()
                if of == candidate and _ABBREVIATION_RE.fullmatch(alias)
            ),
            None,
        )
        if short is not None:
            return short
        if candidate in names:
            return names[candidate]
    return None


def said_indicator(name: str, lang: str, table: IndicatorTable | None = None) -> str:
    """``name`` as a reply in ``lang`` shows it: its English name in English when known."""
    if lang != "en":
        return name
    return indicator_name(name, table) or name


def said_place(region: str, lang: str) -> str:
    """``region`` as a reply in ``lang`` shows it (:func:`place_name` in English)."""
    return place_name(region) if lang == "en" else region


def record_figure(record: TargetRecord) -> str | None:
    """:func:`figure` of a record."""
    return figure(
        record.value_text or "",
        record.unit or "",
        record.qualifier or "",
        record.change or "",
        masked=record.masked,
    )


def indicator_name(name: str, table: IndicatorTable | None = None) -> str | None:
    """The English name of an indicator (``地区生产总值`` → ``GDP``, ``粮食产量`` →
    ``grain output``), else ``None``."""
    return _indicator_name(name.strip(), table or default_table())


NATION = "China"


@lru_cache(maxsize=1)
def _place_names() -> dict[str, str]:
    """Short Chinese name -> pinyin name, the shortest of a place's readings (the table
    holds 内蒙古 as neimenggu and innermongolia); provinces before cities before counties
    when two places share a short name."""
    out: dict[str, tuple[int, str]] = {}
    for latin, (short, _capital, _city) in latin_names().items():
        have = out.get(short)
        if have is None or len(latin) < len(have[1]):
            out[short] = (len(latin), latin)
    names = {short: latin.capitalize() for short, (_n, latin) in out.items()}
    return names | _CONVENTIONAL


# Names the table holds joined (innermongolia, hongkong: scripts/build_latin_places.py's
# CONVENTIONAL) or as a second pinyin reading, written as English writes them
_CONVENTIONAL = {
    "内蒙古": "Inner Mongolia",
    "香港": "Hong Kong",
    "澳门": "Macao",
    "陕西": "Shaanxi",
}


_PLACES_SPLIT_RE = re.compile(r"[、，,]")


def place_name(region: str) -> str:
    """A record's place in English: ``四川`` → ``Sichuan``, ``全国`` → ``China``,
    ``内江、眉山`` → ``Neijiang, Meishan``; the Chinese as written when a place is unknown
    (川南经济区: no pinyin name says what it is)."""
    region = region.strip()
    if not region:
        return region
    if region in ("全国", "中国", "我国"):
        return NATION
    names = _place_names()
    # a place typed by its abbreviation or nickname (黔, 蓉城), said back: its name
    parts = [nicknamed_place(p) or p.strip() for p in _PLACES_SPLIT_RE.split(region) if p.strip()]
    if parts and all(p in names for p in parts):
        return ", ".join(names[p] for p in parts)
    return region


# -- figures -------------------------------------------------------------------------------------
# The magnitudes a record's unit keeps, by size (the one table's, bot.targets.numbers.units);
# any other in front of a unit (a table's 千万元) is no unit said here, and the figure is
# shown as written rather than misread as yuan
_MAGNITUDE = {mag: Decimal(MAGNITUDE_SIZES[mag]) for mag in KEPT_MAGNITUDES}
_NUMBER_RE = re.compile(rf"(?P<num>-?\d+(?:\.\d+)?)\s*(?P<mag>{'|'.join(KEPT_MAGNITUDES)})?")
_RANGE_RE = re.compile(r"\s*[—–~～-]\s*|\s*至\s*")
# Units after their magnitude, in English (a count's measure word says nothing in English:
# 个, 家, 项 … are left out, the number alone is the count)
_UNITS = {
    "%": "%", "个百分点": " percentage points", "‰": "‰", "元": " yuan",
    "美元": " US dollars", "人": " people", "人次": " person-times", "名": " people",
    "吨": " tonnes", "亩": " mu", "公顷": " hectares", "公里": " km", "平方公里": " km²",
    "平方米": " m²", "立方米": " m³", "千瓦": " kW", "千瓦时": " kWh", "斤": " jin",
"辆": " vehicles", "头": " head", "倍": " times", "岁": " years",
    "微克/立方米": " μg/m³", "人公里": " passenger-km", "吨公里": " tonne-km",
}  # fmt: skip
# (户 counts households and firms alike: 新升规工业企业 1000户)
_COUNTS = frozenset("个家项所条件处座场种套部张枚起次艘架台只户")
# Qualifiers: the word said before the figure
_QUALIFIERS = {
    "": "", "左右": "about ", "约": "about ", "以上": "at least ", "不少于": "at least ",
    "不低于": "at least ", "超": "over ", "超过": "over ", "过": "over ", "多": "over ",
    "余": "over ", "高于": "over ", ">": "over ", "近": "nearly ", "以内": "at most ",
    "内": "at most ", "不超过": "at most ", "不高于": "at most ", "<": "below ",
    "低于": "below ", "以下": "below ",
}  # fmt: skip
# Verbs of a rise and of a fall (after :func:`~bot.digest.values.signed_change`); a verb
# of reaching a level says no more than the figure does and is left out, as are the
# many verbs of doing (建设, 新增, 改造): the line's name says what is counted.
_GROWTH = {"增长": "growth of ", "增速": "growth of ", "年均增长": "average annual growth of ",
           "平均增长": "average growth of "}  # fmt: skip
_UP = frozenset({"上涨", "增加", "提高", "上升", "提升"})
_DOWN = frozenset({"下降", "降低", "减少"})
_DOWN_TO = frozenset({"降至", "降到", "降低到", "下降到", "下降至"})
_OVER = frozenset({"突破", "超过", "超", "迈上", "跨越", "跨过", "过"})
# A difference from another figure (安徽's 高于 0.3个百分点, above the nation's growth):
# said after it, never left out, or the difference would read as the figure itself
_THAN = {"高于": " higher", "低于": " lower", "快于": " faster"}


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _said(value: Decimal, exact: str | None) -> str:
    """A number in English: millions and more in words (6.7665 trillion), less with
    thousands grouped (850,000); ``exact``: the number as the document wrote it, kept
    when no magnitude changed it (4.0% stays 4.0%, not 4%)."""
    if abs(value) >= 10**6:
        return format_compact_decimal(value, locale="en", format_type="long", fraction_digits=6)
    if exact is not None:  # grouped, its written decimals kept (4.0, 1,494, 20,817.5)
        whole, dot, fraction = exact.lstrip("-").partition(".")
        sign = "-" if exact.startswith("-") else ""
        return sign + format_decimal(int(whole), locale="en") + dot + fraction
    return format_decimal(value, locale="en")


def _amount(text: str, magnitude: Decimal) -> str | None:
    """One number of a figure (``67665`` of 67665亿元), its magnitudes applied."""
    m = _NUMBER_RE.fullmatch(text.replace(",", "").strip())
    if m is None:
        return None
    value = _number(m["num"])
    if value is None:
        return None
    scale = magnitude * _MAGNITUDE.get(m["mag"] or "", Decimal(1))
    return _said(value * scale, m["num"] if scale == 1 else None)


def figure(
    value_text: str,
    unit: str,
    qualifier: str = "",
    change: str = "",
    *,
    masked: bool = False,
) -> str | None:
    """The change and the figure in English (see the module), else ``None``."""
    text, unit, qualifier, change = (s.strip() for s in (value_text, unit, qualifier, change))
    if text.startswith("-") and (change in _GROWTH or change in _UP):
        text, change = text[1:], "下降"  # a rise of -0.9% is a fall of 0.9%
    if masked or not text or qualifier not in _QUALIFIERS:
        return None
    magnitude = Decimal(1)
    for mag, size in _MAGNITUDE.items():
        if unit.startswith(mag) and not text.endswith(mag):
            magnitude, unit = size, unit[len(mag) :]
            break
        if unit.startswith(mag):  # 673.9亿 + 亿元: the value holds it
            unit = unit[len(mag) :]
            break
    if unit == "位":  # a ranking: 第5位
        number = _amount(text, Decimal(1))
        return f"No. {number}" if number is not None else None
    if unit in _UNITS:
        said_unit = _UNITS[unit]
    elif unit and all(c in _COUNTS for c in unit):  # 个, 家, 场次
        said_unit = ""
    else:
        return None
    parts = [p for p in _RANGE_RE.split(text.replace("%", "")) if p]
    amounts = [_amount(p, magnitude) for p in parts]
    if not amounts or None in amounts or len(amounts) > 2:
        return None
    body = "–".join(a for a in amounts if a) + said_unit
    if said_unit.strip() == "percentage points" and amounts == ["1"]:
        body = "1 percentage point"
    said = _QUALIFIERS[qualifier] + body
    if change in _GROWTH:
        return _GROWTH[change] + said
    if change in _UP:
        return "up " + said
    if change in _DOWN:
        return "down " + said
    if change in _DOWN_TO:
        return "down to " + said
    if change in _THAN:
        return said + _THAN[change]
    if change in _OVER and not qualifier:
        return "over " + said
    return said
