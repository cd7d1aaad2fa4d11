"""How a key-target record's figure, year and source are written in digests and replies.

Pure functions over :class:`~bot.targets.records.TargetRecord`: :func:`format_value`
(``5.5%左右``, ``超过100亿元``, ``x.x%（原文隐去）``), :func:`change_and_value` with the
verb (a negative rise read as a fall), :func:`short_title` for source mentions,
:func:`clean` for one display line.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from bot.digest.english import record_figure
from bot.i18n import DEFAULT_LANGUAGE, tr
from bot.targets.magnitudes import KEPT_MAGNITUDES
from bot.targets.records import TargetRecord

SHORT_TITLE_CHARS = 16

# Qualifiers written before the number (超过100亿元), between the number and the
# measure word (100多场, 40余支) or as a scale label (千亿级); the rest go after
# (5%左右, 10%以上).
_PREFIX_QUALIFIERS = frozenset(
    {"不少于", "不低于", "不超过", "不高于", "超过", "超", "过", "低于", "高于", "近", "约"}
    | {"<", ">", "≤", "≥", "<=", ">="}  # a plan's indicator table: <15000, not 15000<
)
_INLINE_QUALIFIERS = frozenset({"多", "余"})
_CLAUSE_SPLIT = re.compile(r"[，,。；;：:、！？!?（）()\n]")
_COMPARISON_QUALIFIERS = ("不低于", "不高于", "高于", "低于", "快于", "好于", "优于", "超过")
_WS = re.compile(r"\s+")
# 和经济增长同步, 与经济增长基本同步: the base a figure keeps in step with
_IN_STEP_RE = re.compile(r"[和与同](?P<base>[^，,。；;、和与同]{2,12}?)(?P<how>基本)?同步")


# A rise said of a negative figure (a table's 比上年增长 column, -0.9) is read as a fall.
_FALL_OF = {"增长": "下降", "上涨": "下降", "增加": "减少", "提高": "降低", "上升": "下降",
            "提升": "下降", "增速": "下降"}  # fmt: skip


def signed_change(change: str, value: str) -> tuple[str, str]:
    """``(上涨, -0.9%)`` -> ``(下降, 0.9%)``: the change and the figure as a reader says
    them; anything else as it is."""
    if value.startswith("-") and change in _FALL_OF:
        return _FALL_OF[change], value[1:]
    return change, value


def change_and_value(
    record: TargetRecord, lang: str = DEFAULT_LANGUAGE, sep: str = "", *, named: bool = False
) -> str:
    """The change verb and the figure together, ``sep`` between them (``增长7%左右``,
    ``下降0.9%``); for a comparison without a number its wording, which holds the verb
    (``增长快于城镇居民``). In English the two in English words when they can be said
    (:func:`bot.digest.english.record_figure`: ``growth of about 5.5%``), else as written.
    ``named``: the line shows the indicator's name just before, so a verb the name already
    says is not said again (新增城镇就业 10万人以上, not 新增城镇就业 新增 10万人以上)."""
    if lang == "en":
        said = record_figure(record)
        if said:
            return said
    if record.value is None and not record.masked:
        return format_value(record, lang)
    change, value = signed_change(clean(record.change), format_value(record, lang))
    if named:
        change = unsaid_change(change, value, clean(record.indicator))
    return sep.join(p for p in (change, value) if p)


def unsaid_change(change: str, value: str, indicator: str) -> str:
    """``change`` as a line shows it after ``indicator``'s name: nothing when the name says
    the act already (新增城镇就业 新增 85万人, 既有住宅加装电梯 加装 6000部, …占全市比重 占
    40%以上 read twice on a phone: user-trial17), else ``change``."""
    return "" if change and value and change in indicator else change


def clean(text: str | None) -> str:
    """Document text for one display line: whitespace runs (newlines too) become a space."""
    return _WS.sub(" ", text or "").strip()


# A notice that issues a document (…关于印发《X》的通知, 国务院关于印发“十四五”…规划的通知)
# is named by the document it issues: cut to 16 characters, three Shanghai plans of one
# digest all read 《上海市人民政府办公厅关于印发《…》 (user-trial17).
# A title the document's metadata already cut (…（RC…) ends with its ellipsis instead.
_ISSUING_NOTICE = re.compile(r"关于(?:印发|转发|发布)(?P<issued>.{4,}?)(?:的通知|…)$")


def issued_title(title: str) -> str:
    """The document a notice issues (``关于印发《X》的通知`` gives ``X``), else ``title``."""
    m = _ISSUING_NOTICE.search(title)
    if m is None:
        return title
    issued = m.group("issued").strip()
    if issued.startswith("《") and issued.endswith("》") and issued.count("《") == 1:
        issued = issued[1:-1]
    return issued


def short_title(title: str, limit: int = SHORT_TITLE_CHARS) -> str:
    """A title short enough for a source mention.

    A notice that issues a document is named by that document (:func:`issued_title`).
    Titles up to ``limit`` characters are kept; a longer title is cut at its first
    ``，``/``：``/``——`` when the head is still meaningful (at least 6 characters),
    otherwise after ``limit - 1`` characters; a cut title ends with ``…``.
    """
    title = issued_title(clean(title))
    if len(title) <= limit:
        return title
    m = re.search(r"[，,：:；;]|——|\s", title)
    if m and 6 <= m.start() <= limit:
        return title[: m.start()] + "…"
    return title[: limit - 1] + "…"


def _split_unit(value_text: str, unit: str) -> str:
    """The part of ``unit`` not already written in ``value_text`` (``673.9亿`` + ``亿元``)."""
    if value_text.startswith("百分之") and unit == "%":
        return ""
    for mag in KEPT_MAGNITUDES:
        if value_text.endswith(mag) and unit.startswith(mag):
            return unit[len(mag) :]
    return unit


def comparison_wording(record: TargetRecord, lang: str = DEFAULT_LANGUAGE) -> str:
    """The words of a comparison without a number, taken from the sentence.

    ``社会消费品零售总额增速高于全省平均水平`` gives ``增速高于全省平均水平``;
    ``居民收入增长高于经济增长速度`` (change 增长) gives ``增长高于经济增长速度``.
    """
    qualifier = record.qualifier or next(
        (q for q in _COMPARISON_QUALIFIERS if q in record.sentence), ""
    )
    fallback = clean(f"{record.change}{qualifier}".strip()) or tr(lang, "digest.no_figure")
    if not qualifier:
        return fallback
    clauses = [c for c in _CLAUSE_SPLIT.split(record.sentence) if qualifier in c]
    if not clauses:
        return fallback
    name = record.indicator
    # The name is the table's (城镇居民人均可支配收入) where the sentence may write another
    # form (城镇常住居民…): without it written whole, the clause nearest to it in
    # characters, not the sentence's first comparison, which is another indicator's.
    clause = next((c for c in clauses if name in c), None) or max(
        clauses, key=lambda c: fuzz.partial_ratio(name, c)
    )
    together = _IN_STEP_RE.search(clause) if "同步" in qualifier else None
    if together:
        # 居民收入增长和经济增长基本同步: in step with what is said before 同步
        return f"与{together['base']}{together['how'] or ''}同步"
    q_at = clause.find(qualifier)
    start = q_at
    n_at = clause.find(name)
    if n_at >= 0 and n_at + len(name) <= q_at:
        start = n_at + len(name)
    elif record.change and clause.rfind(record.change, 0, q_at) >= 0:
        start = clause.rfind(record.change, 0, q_at)
    wording = clean(clause[start:])
    if len(wording) > 30:
        wording = wording[:29] + "…"
    return wording or fallback


def format_value(record: TargetRecord, lang: str = DEFAULT_LANGUAGE) -> str:
    """The figure of ``record`` as one display string (no change verb).

    Uses ``value_text`` (the number as written), never ``value``, so a masked figure
    is shown as written with a note: ``x.x%（原文隐去）``. Examples: ``5.5%左右``,
    ``673.9亿元``, ``超过100亿元``, ``1万多场``, ``千亿级``, ``第3位``, ``1-2个``.
    A comparison without a number gives its wording (``增速高于全省平均水平``); a
    multiplicative figure written as its own verb (``翻番``) gives ``""``. The figure is
    the document's; only the note on a hidden one is said in ``lang``.
    """
    vt = clean(record.value_text)
    unit = clean(record.unit)
    qualifier = clean(record.qualifier)
    if not vt:
        if record.masked:
            return tr(lang, "digest.masked_value")
        return comparison_wording(record, lang)
    if vt == record.change or (vt == "翻一番" and record.change == "翻番"):
        return ""  # 翻番 / 倍增: the verb is the figure
    if vt.startswith("翻") and vt.endswith("番"):
        return vt  # 翻两番: a doubling written as a verb never takes the unit 倍
    if unit == "位":  # rankings: 第3位, 全省第一
        body = f"第{vt}位" if re.search(r"[0-9xX*]", vt) else f"第{vt}"
        text = body
    else:
        rest = _split_unit(vt, unit)
        if qualifier == "级":
            text = vt + ("" if rest == "元" else rest) + "级"
        elif qualifier in _INLINE_QUALIFIERS:
            # 20多万 is written with its 多 already: 20多万人, not 20多万多人
            text = vt + rest if qualifier in vt else vt + qualifier + rest
        else:
            text = vt + rest
    if qualifier and qualifier not in _INLINE_QUALIFIERS and qualifier != "级":
        text = qualifier + text if qualifier in _PREFIX_QUALIFIERS else text + qualifier
    if record.masked:
        text += tr(lang, "digest.masked")
    return text


def format_year(year: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """A year in the reader's language (``docs.year``): ``2024`` → ``2024年`` in Chinese,
    ``2024`` in English; other periods (``2021-2025``, ``十四五``) as written."""
    year = clean(year)
    return tr(lang, "docs.year", year=year) if year.isdigit() else year
