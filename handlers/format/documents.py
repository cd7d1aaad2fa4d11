"""Documents as Telegram messages: the list (/docs) and one document (/doc)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.models import Document, DocumentInfo, DocumentMeta
from bot.render import LEVEL_LABELS
from bot.targets.records import TargetRecord
from handlers.format.html import escape, one_line, split_html
from handlers.format.targets import hidden_note, target_line

DOC_TARGETS_SHOWN = 10
DOC_USAGE = (
    "用法：/doc 文件编号或文件名\n例如：/doc 004（/docs 查看全部文件）\nUsage: /doc document-id"
)


# -- documents ---------------------------------------------------------------------------------
def doc_facts(meta: DocumentInfo | DocumentMeta) -> list[str]:
    """Escaped short facts of a document: region, level, type, year (those known)."""
    bits = []
    if meta.region:
        bits.append(escape(meta.region))
    if meta.level and meta.level != "national":  # 全国 already says it
        bits.append(escape(LEVEL_LABELS.get(meta.level, meta.level)))
    if meta.doc_type:
        bits.append(escape(meta.doc_type))
    if meta.year:
        bits.append(f"{meta.year}年")
    return bits


def docs_messages(infos: Sequence[DocumentInfo]) -> list[str]:
    """The document list."""
    if not infos:
        return ["文库中还没有文件。"]
    lines = [f"<b>📚 文件列表</b>（共 {len(infos)} 份）"]
    for n, info in enumerate(infos, 1):
        lines.append("")
        lines.append(f"<b>{n}. {escape(one_line(info.title) or info.filename)}</b>")
        bits = [f"<code>{escape(info.doc_id)}</code>", escape(info.filename)]
        bits.extend(doc_facts(info))
        bits.append(f"{info.passages} 段")
        lines.append(" · ".join(bits))
    lines.append("")
    example = escape(infos[0].doc_id)
    lines.append(f"查看详情：/doc 编号或文件名，例如 <code>/doc {example}</code>")
    return split_html("\n".join(lines))


def doc_messages(
    document: Document,
    targets: Sequence[TargetRecord],
    *,
    shown: int = DOC_TARGETS_SHOWN,
    hidden: int = 0,
) -> list[str]:
    """One document: title, file, id, region, level, type, year, issuer, date, sections
    and its first key targets (``hidden``: key targets left out for low confidence)."""
    meta = document.meta
    lines = [f"<b>📄 {escape(one_line(document.title) or document.filename)}</b>"]
    lines.append(f"文件：<code>{escape(document.filename)}</code>")
    lines.append(f"编号：<code>{escape(document.doc_id)}</code>")
    facts = []
    if meta.region:
        where = " › ".join(meta.region_path) if len(meta.region_path) > 1 else meta.region
        facts.append(f"地区：{escape(where)}")
    if meta.level:
        facts.append(f"级别：{escape(LEVEL_LABELS.get(meta.level, meta.level))}")
    if meta.doc_type:
        facts.append(f"类型：{escape(meta.doc_type)}")
    if meta.year:
        facts.append(f"年份：{meta.year}")
    facts.append(f"段落：{len(document.passages)}")
    lines.append(" · ".join(facts))
    issued = []
    if meta.issuer:
        issued.append(f"发布：{escape(one_line(meta.issuer))}")
    if meta.date:
        issued.append(f"日期：{escape(meta.date)}")
    if issued:
        lines.append(" · ".join(issued))
    seen: set[tuple[str, ...]] = set()
    sections: list[tuple[str, ...]] = []
    for passage in document.passages:
        if passage.section and passage.section not in seen:
            seen.add(passage.section)
            sections.append(passage.section)
    if sections:
        lines.append("")
        lines.append("<b>章节</b>")
        for section in sections:
            indent = "\u2003" * (len(section) - 1)
            lines.append(f"{indent}• {escape(one_line(section[-1]))}")
    lines.append("")
    if targets:
        head = f"<b>重点目标</b>（共 {len(targets)} 条"
        head += f"，显示前 {shown} 条）" if len(targets) > shown else "）"
        lines.append(head)
        lines.extend(target_line(r, show_region=False) for r in targets[:shown])
        lines.append(f"全部数据：<code>/targets {escape(document.doc_id)}</code>")
    else:
        lines.append("这份文件中没有提取到重点目标。")
    if hidden:
        lines.append(hidden_note(hidden, f"/targets {document.doc_id} all"))
    return split_html("\n".join(lines))


def document_not_found(ref: str, detail: str = "") -> str:
    """The answer to ``/doc`` with an unknown (or ambiguous) reference."""
    text = f"找不到文件“{escape(ref)}”。发送 /docs 查看全部文件。"
    return text + (f"\n<i>{escape(detail)}</i>" if detail else "")
