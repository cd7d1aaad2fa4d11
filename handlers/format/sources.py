"""Live sources as Telegram messages: /sources, /source add|check|pause|resume|remove and
the health lines of /status.

Pure functions, no I/O, every URL, name and title escaped; the words come from the
catalogue (keys ``sources.…``), in the ``lang`` given.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from bot.sources.poller import ItemOutcome, PollReport
from bot.sources.store import Source, format_every
from handlers.format.html import cut, escape
from handlers.i18n import DEFAULT_LANGUAGE, catalogue, tr

DETAIL_CHARS = 160
ITEMS_SHOWN = 8


def reason_text(code: str, detail: str = "", lang: str = DEFAULT_LANGUAGE) -> str:
    """Why a source or an item failed: the catalogue's sentence for the code (a
    ``FetchError`` code or the poller's own), the technical detail after it."""
    known = f"sources.reason.{code}" in catalogue().keys(lang)
    text = tr(lang, f"sources.reason.{code}") if known else code
    if detail:
        text += f" ({cut(detail, DETAIL_CHARS)})"
    return escape(text)


def _when(at: datetime | None, lang: str) -> str:
    return at.strftime("%Y-%m-%d %H:%M UTC") if at else tr(lang, "sources.never")


def status_word(source: Source, lang: str = DEFAULT_LANGUAGE) -> str:
    if source.paused:
        return tr(lang, "sources.state_paused")
    if source.last_error_code:
        return tr(
            lang,
            "sources.failing",
            failures=source.consecutive_failures,
            reason=reason_text(source.last_error_code, source.last_error_detail or "", lang),
        )
    if source.last_success_at is None:
        return tr(lang, "sources.not_polled")
    return tr(lang, "sources.ok")


def source_block(
    source: Source,
    counts: Mapping[str, int],
    next_run: datetime | None,
    lang: str = DEFAULT_LANGUAGE,
) -> str:
    lines = [
        f"<b>{escape(source.name)}</b> · {escape(source.kind)} · "
        + tr(lang, "sources.every", every=format_every(source.every_seconds)),
        f"  {escape(source.url)}",
    ]
    if source.match:
        lines.append("  " + tr(lang, "sources.match", match=escape(source.match)))
    lines.append("  " + status_word(source, lang))
    lines.append(
        "  "
        + tr(
            lang,
            "sources.health",
            success=_when(source.last_success_at, lang),
            new=_when(source.last_new_doc_at, lang),
            ingested=counts.get("ingested", 0),
            duplicate=counts.get("duplicate", 0),
            failed=counts.get("failed", 0),
        )
    )
    if next_run is not None and not source.paused:
        lines.append("  " + tr(lang, "sources.next", at=_when(next_run, lang)))
    return "\n".join(lines)


def sources_list(
    items: Sequence[tuple[Source, Mapping[str, int], datetime | None]],
    lang: str = DEFAULT_LANGUAGE,
) -> str:
    if not items:
        return tr(lang, "sources.none")
    blocks = [tr(lang, "sources.title", count=len(items))]
    blocks += [source_block(s, c, n, lang) for s, c, n in items]
    return "\n\n".join(blocks)


def _item_line(item: ItemOutcome, lang: str) -> str:
    label = tr(lang, f"sources.item.{item.status}")
    shown = escape(cut(item.filename or item.title or item.url, 80))
    line = f"• {label} {shown}"
    if item.status == "ingested" and item.doc_id:
        line += f" <code>{escape(item.doc_id)}</code>"
    if item.status != "ingested" and (item.code or item.reason):
        line += " — " + reason_text(item.code or "failed", item.reason, lang)
    return line


def report_text(report: PollReport, lang: str = DEFAULT_LANGUAGE) -> str:
    """The outcome of one poll (/source check, and the end of /source add)."""
    name = escape(report.source)
    if report.error:
        return tr(
            lang,
            "sources.check_failed",
            name=name,
            reason=reason_text(report.error, report.detail, lang),
        )
    if report.not_modified:
        return tr(lang, "sources.not_modified", name=name)
    lines = [
        tr(
            lang,
            "sources.checked",
            name=name,
            kind=escape(report.kind),
            links=report.links,
            ingested=report.count("ingested"),
            duplicate=report.count("duplicate"),
            failed=report.count("failed"),
        )
    ]
    if report.problem:
        lines.append(reason_text(report.problem, report.detail, lang))
    lines += [_item_line(i, lang) for i in report.items[:ITEMS_SHOWN]]
    if len(report.items) > ITEMS_SHOWN:
        lines.append(tr(lang, "sources.more_items", count=len(report.items) - ITEMS_SHOWN))
    return "\n".join(lines)


def added_text(source: Source, report: PollReport, lang: str = DEFAULT_LANGUAGE) -> str:
    head = tr(
        lang,
        "sources.added",
        name=escape(source.name),
        kind=escape(source.kind),
        every=format_every(source.every_seconds),
        url=escape(source.url),
    )
    return head + "\n" + report_text(report, lang)


def status_lines(sources: Sequence[Source], lang: str = DEFAULT_LANGUAGE) -> list[str]:
    """/status: the sources that fail, one line each (none: one line saying all is well)."""
    failing = [s for s in sources if s.last_error_code and not s.paused]
    head = tr(lang, "sources.status_title", count=len(sources), failing=len(failing))
    lines = [head]
    for s in failing:
        lines.append(
            f"• <b>{escape(s.name)}</b> "
            + tr(
                lang,
                "sources.failing",
                failures=s.consecutive_failures,
                reason=reason_text(s.last_error_code or "", s.last_error_detail or "", lang),
            )
        )
    return lines
