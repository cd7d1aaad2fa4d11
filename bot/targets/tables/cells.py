"""One cell of a table read as a figure: ``673.9``, ``5.5左右``, ``<1``, ``[25]``, ``高于GDP增长``.

:func:`parse_cell` returns the value (and the end of a range), the number as written, the
unit written in the cell, the hedge, a verb (``下降15%``) and whether it is cumulative;
``None`` for a cell that is no figure. :func:`_cell_class` sorts cells (empty, dash,
year, number, text); the units written onto a label or a header are read here too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.targets.numbers.units import THING_CLASSIFIERS

_SPACES_RE = re.compile(r"[ \u00a0\u3000]+")
_DASHES = frozenset({"—", "——", "-", "--", "－", "–", "/", "／", "…", "……", "...", "×", "x", "X"})
_NUM = r"[-−－]?\d+(?:,\d{3})*(?:\.\d+)?"
_MAGNITUDE = r"万亿|千亿|百亿|亿|千万|百万|万|千"
_VERBS_TEXT = (
    "年均增长 累计增长 增长 增加 提高 提升 上升 上涨 下降 降低 减少 压减 缩小 "
    "累计 达到 控制在 保持在"
)
_VERBS = tuple(_VERBS_TEXT.split())
_PRE_QUALIFIERS_TEXT = (
    "不低于 不少于 不高于 不超过 不大于 不小于 超过 低于 高于 小于 大于 ≤ ≥ <= >= ＜ ＞ < > 约"
)
_PRE_QUALIFIERS = tuple(_PRE_QUALIFIERS_TEXT.split())
_POST_QUALIFIERS = ("左右", "以上", "以下", "以内", "之内", "多", "余")
# Measure words a cell, a header or a label may carry (the magnitude word comes first).
_UNIT_WORDS_TEXT = (
    "元 美元 人民币 人 人次 户 个 家 所 座 张 床 名 位 项 件 台 辆 艘 架 部 吨 "
    "千克 公斤 斤 升 千升 立方米 平方米 平方公里 公里 千米 米 亩 公顷 头 只 羽 块 "
    "支 条 箱 重量箱 双 套 册 篇 次 天 小时 千瓦 千瓦时 千瓦小时 千伏安 千伏安时 "
    "兆瓦 兆瓦时 吉瓦 吉瓦时 标箱 标准箱 吨公里 人公里 蒸发量吨 毫克 微克 微克/立方米 "
    "毫克/立方米 分贝 年 岁 倍 "
    "标准煤 吨标准煤 辆次 架次 床位 张床位 人/万人 元/人 元/吨 万人次 个百分点 百分点"
)
_UNIT_WORDS = sorted(
    # the classifiers of things come from the prose's unit table: one list for both
    [*_UNIT_WORDS_TEXT.split(), *THING_CLASSIFIERS],
    key=len,
    reverse=True,
)
_UNIT_ALT = "|".join(re.escape(u) for u in _UNIT_WORDS)
_UNIT_WORD_RE = re.compile(rf"^(?:(?:{_MAGNITUDE})?(?:{_UNIT_ALT})|[%％‰])$")
_CELL_RE = re.compile(
    r"^(?P<verb>" + "|".join(_VERBS) + r")?\s*"
    r"(?P<pre>" + "|".join(re.escape(q) for q in _PRE_QUALIFIERS) + r")?\s*"
    r"(?P<open>[\[［〔【])?"
    rf"(?P<num>{_NUM}(?:\s*(?:{_MAGNITUDE}))?)"
    rf"(?:\s*(?:[%％])?\s*(?P<sep>[-—–~～至])\s*(?P<num2>{_NUM}(?:\s*(?:{_MAGNITUDE}))?))?"
    # ［5左右］: a plan table's bracketed five-year figure keeps its hedge inside
    r"\s*(?P<inner>" + "|".join(_POST_QUALIFIERS) + r")?"
    r"(?P<close>[\]］〕】])?"
    rf"\s*(?P<unit>[%％‰]|{_UNIT_ALT})?"
    r"\s*(?P<post>" + "|".join(_POST_QUALIFIERS) + r")?"
    r"\s*(?P<rest>(?:[*＊△▲#①-⑳、，,；;（(]|\[\d+\]|注).*)?$"
)
_BRACKETED_RE = re.compile(r"^[\[［〔【](.*)[\]］〕】]$")
_NUMBERED_RE = re.compile(r"^\d+\s*[．.、]\s*\D")
_YEAR_CELL_RE = re.compile(
    r"^((?:19|20)\d\d)\s*(?:[—–\-~～至]\s*((?:19|20)\d\d))?\s*年\s*(?:末|底|度|初)?"
    r"\s*(?:[（(][^）)]*[）)])?\s*$"
)
_COMPARE_CELL_RE = re.compile(
    r"^(?:(?P<q>高于|快于|低于|慢于|不低于|略高于|优于)[^\d]{1,16}"
    r"|(?:与|同)[^\d]{1,12}(?:基本)?(?P<s>同步))"
)


@dataclass(frozen=True, slots=True)
class _Cell:
    """A figure read from one cell."""

    value: float | None
    value_max: float | None
    value_text: str
    unit: str  # as written in the cell (magnitude first), "" if none
    qualifier: str
    change: str
    cumulative: bool = False


def _to_float(text: str) -> float:
    text = text.replace(",", "").replace("−", "-").replace("－", "-")
    return float(text)


_NUM_MAG_RE = re.compile(rf"^({_NUM})\s*({_MAGNITUDE})?$")
_YEAR_NUM_RE = re.compile(r"(?:19|20)\d\d")
_LEAD_YEAR_RE = re.compile(r"^(?:19|20)\d\d年?(?:末|底)?")
_LAST_YEAR_HEAD_RE = re.compile(r"^(?:上年|去年)(?:末|同期)?(?:[（(]|$)")
_QUICK_RE = re.compile(r"\d|高于|快于|低于|慢于|优于|同步")


def _split_magnitude(text: str) -> tuple[str, str]:
    """``1.2万亿`` -> (``1.2``, ``万亿``)."""
    m = _NUM_MAG_RE.match(text)
    if not m:
        return text, ""
    return m.group(1), m.group(2) or ""


@lru_cache(maxsize=8192)
def parse_cell(cell: str) -> _Cell | None:
    """The figure of a value cell (``2.8``, ``-5.8``, ``<1%``, ``5.5左右``, ``下降15%``,
    ``[25]``, ``4.5-5``, ``高于GDP增长``), or ``None`` for anything else."""
    s = cell.strip()
    if not s or s in _DASHES or "持平" in s[:3] or not _QUICK_RE.search(s):
        return None
    m = _CELL_RE.match(s)
    if m is None or _NUMBERED_RE.match(s):
        # ［与经济增长同步］: a comparison in a plan table's five-year column
        cm = _COMPARE_CELL_RE.match(_BRACKETED_RE.sub(r"\1", s))
        if cm is None:
            return None
        return _Cell(None, None, "", "", cm.group("q") or cm.group("s") or "", "")
    unit = m.group("unit") or ""
    if unit == "年" and _YEAR_NUM_RE.fullmatch(m.group("num")):
        return None  # a year label
    if bool(m.group("open")) != bool(m.group("close")):
        return None
    num_text, mag = _split_magnitude(m.group("num").replace(" ", ""))
    try:
        value = _to_float(num_text)
    except ValueError:
        return None
    value_max = None
    start, end = m.span("num")
    if m.group("num2"):
        num2_text, mag2 = _split_magnitude(m.group("num2").replace(" ", ""))
        try:
            value_max = _to_float(num2_text)
        except ValueError:
            return None
        mag = mag or mag2
        end = m.end("num2")
    value_text = s[start:end]
    unit = _norm_unit(unit)
    pre = {"＜": "<", "＞": ">"}.get(m.group("pre") or "", m.group("pre") or "")
    qualifier = pre or m.group("inner") or m.group("post") or ""
    verb = m.group("verb") or ""
    cumulative = bool(m.group("open"))
    return _Cell(value, value_max, value_text, mag + unit, qualifier, verb, cumulative)


@lru_cache(maxsize=8192)
def _cell_class(cell: str) -> str:
    """``empty``, ``dash``, ``year``, ``num`` or ``text``."""
    s = cell.strip()
    if not s:
        return "empty"
    if s in _DASHES:
        return "dash"
    if _YEAR_CELL_RE.match(s):
        return "year"
    if parse_cell(s) is not None:
        return "num"
    return "text"


def _split_unit(label: str) -> tuple[str, str]:
    """``纱吨`` -> (``纱``, ``吨``): the unit written onto the label (PDF tables)."""
    s = label.strip()
    for k in range(min(6, len(s) - 1), 0, -1):
        if _UNIT_WORD_RE.match(s[-k:]):
            return s[:-k], s[-k:]
    return s, ""


def _norm_unit(unit: str) -> str:
    return {"％": "%", "百分点": "个百分点"}.get(unit, unit)
