"""Key targets as Telegram messages: /targets lists, /compare tables, target lines."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from bot.digest.filters import KIND_LABELS
from bot.digest.values import format_value, short_title
from bot.models import DocumentInfo
from bot.targets.records import TargetRecord
from handlers.format.html import escape, one_line, split_html

TARGETS_SHOWN = 40
COMPARE_USAGE = (
    "用法：/compare 指标 [all]\n例如：/compare GDP（国内与地区生产总值）或 /compare CPI\n"
    "加 all 也显示低可信度数据。\nUsage: /compare indicator [all]"
)
ALL_WORDS = frozenset({"all", "全部", "所有"})
"""Words that ask /targets and /compare for every record, the unsure ones too."""


# -- targets -----------------------------------------------------------------------------------
def hidden_note(hidden: int, command: str) -> str:
    """The line saying how many low-confidence records were left out and how to see them."""
    return f"<i>另有 {hidden} 条低可信度数据未显示，全部显示：</i><code>{escape(command)}</code>"


def _year(year: str) -> str:
    year = one_line(year)
    return f"{year}年" if year.isdigit() else year


def _figure(record: TargetRecord) -> str:
    value = format_value(record)
    if record.value is None and not record.masked:  # a comparison: the wording has the verb
        return value
    return " ".join(p for p in (one_line(record.change), value) if p)


def target_line(record: TargetRecord, *, show_kind: bool = True, show_region: bool = True) -> str:
    """``• 〔目标〕<b>地区生产总值</b> 增长 5.5%左右 · 2024年 · 烟台`` (HTML, one line)."""
    parts = ["• "]
    if show_kind:
        parts.append(f"〔{KIND_LABELS.get(record.kind, record.kind)}〕")
    parts.append(f"<b>{escape(one_line(record.indicator))}</b>")
    figure = _figure(record)
    if figure:
        parts.append(" " + escape(figure))
    meta = [_year(record.year)]
    if show_region:
        meta.append(one_line(record.region))
    meta = [m for m in meta if m]
    if meta:
        parts.append(" · " + " · ".join(escape(m) for m in meta))
    return "".join(parts)


class DocTargetLike(Protocol):
    """What :meth:`Engine.targets` yields (``bot.library.DocTarget``)."""

    doc_id: str
    record: TargetRecord


def _doc_title(doc_id: str, record: TargetRecord, docs: Mapping[str, DocumentInfo]) -> str:
    info = docs.get(doc_id)
    if info is not None:
        return one_line(info.title) or info.filename
    return record.doc or doc_id


def targets_messages(
    rows: Sequence[DocTargetLike],
    docs: Mapping[str, DocumentInfo],
    *,
    heading: str,
    shown: int = TARGETS_SHOWN,
    hidden: int = 0,
    all_command: str = "/targets all",
) -> list[str]:
    """Target records (``DocTarget``-like: ``doc_id``, ``record``) grouped by document.

    ``heading`` is plain text (escaped here). At most ``shown`` lines are listed; a last
    line says how many more there are and how to narrow the list. ``hidden`` records
    were left out for low confidence; a line says so, with ``all_command``.
    """
    items = list(rows)
    lines = [f"<b>🎯 {escape(heading)}</b>（共 {len(items)} 条）"]
    if hidden:
        lines.append(hidden_note(hidden, all_command))
    current = None
    for item in items[:shown]:
        if item.doc_id != current:
            current = item.doc_id
            lines.append("")
            lines.append(f"📄 <b>{escape(_doc_title(item.doc_id, item.record, docs))}</b>")
        lines.append(target_line(item.record))
    if len(items) > shown:
        lines.append("")
        lines.append(
            f"<i>……另有 {len(items) - shown} 条未列出。可用 /targets 指标 或 /targets 文件编号"
            " 缩小范围。</i>"
        )
    return split_html("\n".join(lines))


def _year_order(year: str) -> tuple[int, int]:
    year = one_line(year)
    return (0, -int(year)) if year.isdigit() else (1 if year else 2, 0)


def compare_messages(
    indicator: str,
    rows: Sequence[DocTargetLike],
    docs: Mapping[str, DocumentInfo],
    *,
    hidden: int = 0,
    family: Sequence[str] = (),
) -> list[str]:
    """One indicator across regions and years: per indicator, per region, newest first.

    ``family`` lists the canonical indicators ``indicator`` stands for (shown when more
    than one); ``hidden`` records were left out for low confidence.
    """
    items = list(rows)
    by_indicator: dict[str, dict[str, list[DocTargetLike]]] = {}
    for item in items:
        rec = item.record
        info = docs.get(item.doc_id)
        region = one_line(rec.region) or (info.region if info and info.region else "") or ""
        by_indicator.setdefault(one_line(rec.indicator), {}).setdefault(region, []).append(item)
    lines = [f"<b>📊 对比：{escape(indicator)}</b>（共 {len(items)} 条）"]
    if len(family) > 1:
        lines.append("包括：" + "、".join(escape(f) for f in family))
    if hidden:
        lines.append(hidden_note(hidden, f"/compare {indicator} all"))
    for name in sorted(by_indicator, key=lambda n: (n != indicator, len(n), n)):
        regions = by_indicator[name]
        if len(by_indicator) > 1:
            lines.append("")
            lines.append(f"<b>{escape(name)}</b>")
        for region in sorted(regions, key=lambda r: (not r, r)):
            lines.append("")
            lines.append(f"【{escape(region) if region else '未注明地区'}】")
            for item in sorted(regions[region], key=lambda i: _year_order(i.record.year)):
                rec = item.record
                year = _year(rec.year) or "年份不详"
                kind = KIND_LABELS.get(rec.kind, rec.kind)
                source = short_title(_doc_title(item.doc_id, rec, docs))
                lines.append(
                    f"• {escape(year)} 〔{kind}〕 {escape(_figure(rec))} — 《{escape(source)}》"
                )
    return split_html("\n".join(lines))


def no_targets(
    text: str, similar: Sequence[str] = (), *, hidden: int = 0, all_command: str = ""
) -> str:
    """The answer when ``/targets`` or ``/compare`` finds nothing (``hidden``: records
    that matched but were left out for low confidence; ``all_command`` shows them)."""
    lines = [f"没有找到“{escape(text)}”的目标数据。" if text else "还没有提取到目标数据。"]
    if hidden:
        lines.append(hidden_note(hidden, all_command or f"/targets {text} all".replace("  ", " ")))
    if similar:
        lines.append("相近的指标：" + "、".join(escape(s) for s in similar))
    lines.append("例如：/targets GDP 或 /compare CPI")
    return "\n".join(lines)
