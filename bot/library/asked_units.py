"""What a question asks a figure in: a time (几小时, 多久), a count in its measure word
(多少颗卫星, 几家企业), a unit (多少万户, 多少公里) or a bare magnitude (多少亿), and whether a
record's unit is the one asked. Split out of :mod:`bot.library.answers`, which reads these
to choose the card that answers.
"""

from __future__ import annotations

import re

from bot.text.normalize import normalize

# A time asked for (几小时, 多久) wants a figure, not a discussion (通关 几小时 放行: the
# target is 48小时内放行).
_TIME_UNITS = "小时|天|日|个工作日|分钟|个月"
_ASKED_TIME_RE = re.compile(rf"(?:几|多少)(?:{_TIME_UNITS})|多久|多长时间")
# A count asked in the measure word of what is counted (有几款脑机接口产品, 每年能造多少颗
# 卫星, 几家企业): a figure too; 哪几 asks which, 第几 a rank, and 几个 before 方面 or 领域 a list.
# 件 and 户 count what reports set in them (民生实事 45件 宁夏, 30件 四川; 专利 件; 经营主体
# 户, 首贷户 万户): 去年完成了几件民生实事 asks a figure as 几家 does
_COUNTERS = "款|颗|发|家|项|座|条|所|台|套|批次|批|种|名|位|辆|艘|架|部|支|枚|件|户|个"
_ASKED_COUNT_RE = re.compile(rf"(?<![哪第])(?:几|多少)({_COUNTERS})(?!方面|领域|百分点)")


def asks_time(query: str) -> bool:
    """Whether ``query`` asks how long (几小时, 多少天, 多久): a target in a time unit
    answers it."""
    return _ASKED_TIME_RE.search(normalize(query)) is not None


def asked_count(query: str) -> tuple[str, str] | None:
    """The measure word a count is asked in and the text after it (多少颗卫星 -> 颗,
    卫星), or ``None``."""
    text = normalize(query)
    m = _ASKED_COUNT_RE.search(text)
    return (m.group(1), text[m.end() :]) if m else None


# An amount asked in its unit (多少万户, 多少公里, 几个, 多少亿元): a record in another unit
# (a share in %, 亿元 for 万户) answers another question
_UNITS = (
    f"千米|千瓦|平方米|立方米|公里|公顷|{_COUNTERS}|户|人次|人|列|次|米|吨|亩|元|美元|岁|天|小时|钱"
)
_ASKED_UNIT_RE = re.compile(rf"(?<![哪第])(?:几|多少)(?:万|亿)*({_UNITS})(?!方面|领域|百分点)")
_UNIT_CUT_RE = re.compile(r"[（(/]")
# 多少钱 (卖了多少钱, 补了多少钱) asks an amount of money: a record in 亿元 answers, not the
# area or count its passage states beside it (商品房竣工面积 万平方米)
_SAME_UNITS = {"千米": "公里", "钱": "元"}


# A magnitude asked without its unit (专项债多少亿, 完成投资多少亿, 几千亿): an amount
# counted in 亿 (亿元, 万亿元, 亿斤 …), not a count of projects nor a share
_ASKED_MAGNITUDE_RE = re.compile(r"(?<![哪第])(?:几|多少)个?[十百千]?万?亿")
MAGNITUDE_YI = "亿"


def asked_unit(query: str) -> str | None:
    """The unit an amount is asked in (多少万户 -> 户, 多少公里 -> 公里), or ``None``; a bare
    magnitude (多少亿) -> 亿 (:data:`MAGNITUDE_YI`)."""
    text = normalize(query)
    m = _ASKED_UNIT_RE.search(text)
    if m:
        return _SAME_UNITS.get(m.group(1), m.group(1))
    return MAGNITUDE_YI if _ASKED_MAGNITUDE_RE.search(text) else None


def in_unit(unit: str, asked: str) -> bool:
    """Whether a record's ``unit`` is the ``asked`` one, its magnitude aside (万户 for 户,
    人次 for 人, 套（间） for 套, 千米 for 公里); a record without a unit may be. A bare
    magnitude asked (多少亿) takes any unit counted in it (亿元, 万亿元, 亿斤)."""
    if asked == MAGNITUDE_YI:
        return not unit or MAGNITUDE_YI in unit
    # imported here: bot.targets.numbers loads the lexicon, which `briefbot --help` and the
    # other commands that never extract must not pay for (tests/test_import_cost.py)
    from bot.targets.numbers.units import without_magnitude

    core = _UNIT_CUT_RE.split(without_magnitude(unit or ""), maxsplit=1)[0]
    core = _SAME_UNITS.get(core, core)
    return not core or core.startswith(asked) or asked.startswith(core)


def counted_in(unit: str, counter: str) -> bool:
    """Whether a record's ``unit`` counts in ``counter`` (万批次 in 批次, 颗 in 颗)."""
    from bot.targets.numbers.units import without_magnitude  # see in_unit

    return bool(unit) and without_magnitude(unit) == counter


def time_unit(unit: str) -> bool:
    """Whether a record's ``unit`` is a time (小时, 天, 个工作日 …)."""
    return re.fullmatch(rf"(?:{_TIME_UNITS})(?:以内|内)?", unit or "") is not None
