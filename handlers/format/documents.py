"""Documents as Telegram messages: the list (/docs) and one document (/doc)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.corpus.meta import type_label
from bot.digest.english import said_place
from bot.models import Document, DocumentInfo, DocumentMeta
from bot.render import LEVEL_LABELS
from bot.targets.records import TargetRecord
from bot.text.echo import cut
from handlers.format.html import escape, one_line, shown, split_html
from handlers.format.targets import hidden_note, places_like_line, target_line
from handlers.i18n import DEFAULT_LANGUAGE, tr

DOC_TARGETS_SHOWN = 10
REGION_DOCS_SHOWN = 10  # /doc 四川: the region's documents listed
TITLE_SHOWN = 40


def level_label(level: str, lang: str) -> str:
    """``provincial`` → 省级 / provincial (``bot.render.LEVEL_LABELS``: the levels known)."""
    return tr(lang, f"docs.levels.{level}") if level in LEVEL_LABELS else level


# -- documents ---------------------------------------------------------------------------------
def doc_facts(meta: DocumentInfo | DocumentMeta, lang: str = DEFAULT_LANGUAGE) -> list[str]:
    """Escaped short facts of a document: region, level, type, year (those known)."""
    bits = []
    if meta.region:
        bits.append(escape(meta.region))
    if meta.level and meta.level != "national":  # 全国 already says it
        bits.append(escape(level_label(meta.level, lang)))
    if meta.doc_type:
        bits.append(escape(type_label(meta.doc_type, lang)))
    if meta.year:
        bits.append(tr(lang, "docs.year", year=meta.year))
    return bits


def docs_messages(
    infos: Sequence[DocumentInfo],
    lang: str = DEFAULT_LANGUAGE,
    *,
    region: str | None = None,
    total: int = 0,
) -> list[str]:
    """The document list; ``region``: the documents about it, of ``total`` in the library."""
    if not infos:
        return [tr(lang, "docs.empty")]
    if region:
        said = escape(said_place(region, lang))
        lines = [tr(lang, "docs.heading_region", region=said, count=len(infos), total=total)]
    else:
        lines = [tr(lang, "docs.heading", count=len(infos))]
    for n, info in enumerate(infos, 1):
        lines.append("")
        lines.append(f"<b>{n}. {escape(one_line(info.title) or info.filename)}</b>")
        bits = [f"<code>{escape(info.doc_id)}</code>", escape(info.filename)]
        bits.extend(doc_facts(info, lang))
        bits.append(tr(lang, "docs.passages", count=info.passages))
        lines.append(" · ".join(bits))
    lines.append("")
    example = escape(infos[0].doc_id)
    lines.append(tr(lang, "docs.details", example=example))
    return split_html("\n".join(lines))


def doc_messages(
    document: Document,
    targets: Sequence[TargetRecord],
    *,
    shown: int = DOC_TARGETS_SHOWN,
    hidden: int = 0,
    lang: str = DEFAULT_LANGUAGE,
) -> list[str]:
    """One document: title, file, id, region, level, type, year, issuer, date, sections
    and its first key targets (``hidden``: key targets left out for low confidence)."""
    meta = document.meta
    lines = [f"<b>📄 {escape(one_line(document.title) or document.filename)}</b>"]
    lines.append(tr(lang, "docs.file", filename=escape(document.filename)))
    lines.append(tr(lang, "docs.id", doc_id=escape(document.doc_id)))
    facts = []
    if meta.region:
        where = " › ".join(meta.region_path) if len(meta.region_path) > 1 else meta.region
        facts.append(tr(lang, "docs.region", region=escape(where)))
    if meta.level:
        facts.append(tr(lang, "docs.level", level=escape(level_label(meta.level, lang))))
    if meta.doc_type:
        facts.append(tr(lang, "docs.type", type=escape(type_label(meta.doc_type, lang))))
    if meta.year:
        facts.append(tr(lang, "docs.year_fact", year=meta.year))
    facts.append(tr(lang, "docs.passage_count", count=len(document.passages)))
    lines.append(" · ".join(facts))
    issued = []
    if meta.issuer:
        issued.append(tr(lang, "docs.issuer", issuer=escape(one_line(meta.issuer))))
    if meta.date:
        issued.append(tr(lang, "docs.date", date=escape(meta.date)))
    if issued:
        lines.append(" · ".join(issued))
    seen: set[tuple[str, ...]] = set()
    sections: list[tuple[str, ...]] = []
    for passage in document.passages:
        # a heading with no paragraph of its own (三、重点工作 over its (一)…(四)) is
        # listed too: without it its subsections read as the previous heading's
        for depth in range(1, len(passage.section or ()) + 1):
            if (prefix := passage.section[:depth]) not in seen:
                seen.add(prefix)
                sections.append(prefix)
    if sections:
        lines.append("")
        lines.append(tr(lang, "docs.sections"))
        for section in sections:
            indent = "\u2003" * (len(section) - 1)
            lines.append(f"{indent}• {escape(one_line(section[-1]))}")
    lines.append("")
    if targets:
        if len(targets) > shown:
            lines.append(tr(lang, "docs.targets_first", count=len(targets), shown=shown))
        else:
            lines.append(tr(lang, "docs.targets_all", count=len(targets)))
        lines.extend(target_line(r, show_region=False, lang=lang) for r in targets[:shown])
        lines.append(tr(lang, "docs.targets_more", doc_id=escape(document.doc_id)))
    else:
        lines.append(tr(lang, "docs.no_targets"))
    if hidden:
        lines.append(hidden_note(hidden, f"/targets {document.doc_id} all", lang))
    return split_html("\n".join(lines))


def document_not_found(
    ref: str,
    detail: str = "",
    lang: str = DEFAULT_LANGUAGE,
    *,
    about: Sequence[DocumentInfo] = (),
    places: Sequence[tuple[str, str]] = (),
    like: Sequence[DocumentInfo] = (),
    several: bool = False,
) -> str:
    """The answer to ``/doc`` with an unknown (or ambiguous) reference; ``about``: the
    documents of the region the reference names (``/doc 四川``), each with its command;
    ``places``: the places a misspelt name may be (``/doc Guangzou``); ``like``: the
    documents a half-remembered name may be (``/doc 蓬溪县政府报告``); ``several``: the
    reference starts several documents' names (said so, not "no document" and then
    "matches several")."""
    if several:
        text = tr(lang, "docs.several", ref=shown(ref))
        text += f"\n<i>{escape(detail)}</i>" if detail and not (about or like) else ""
    else:
        text = tr(lang, "docs.not_found", ref=shown(ref))
        text += f"\n<i>{escape(detail)}</i>" if detail else ""
    if like:
        lines = [tr(lang, "docs.like")]
        lines += [
            f"• /doc {d.doc_id} {escape(cut(d.title or d.filename, TITLE_SHOWN))}" for d in like
        ]
        text += "\n\n" + "\n".join(lines)
    if about:
        lines = [tr(lang, "docs.of_region", region=shown(ref))]
        lines += [
            f"• /doc {d.doc_id} {escape(cut(d.title or d.filename, TITLE_SHOWN))}"
            for d in about[:REGION_DOCS_SHOWN]
        ]
        text += "\n\n" + "\n".join(lines)
    elif places:
        text += "\n" + places_like_line(places, lang)
    return text
