"""Live document management as Telegram messages: uploads, /docs for admins, /remove, /reindex.

Pure functions, no I/O, every piece of document or user text escaped (see
:mod:`handlers.format` for the conventions); the words come from the catalogue
(:mod:`handlers.i18n`, keys ``uploads.…``), in the ``lang`` given.

Callback data (ASCII, at most 64 bytes):

- ``u:<r|c>:<token>``: Replace (``r``) or Cancel (``c``) a pending new version of a
  file; ``<token>`` names the staged bytes under ``<data_dir>/uploads/pending``.
- ``rm:<y|n>:<doc_id>:<sha8>``: confirm (``y``) or cancel (``n``) removing a document;
  ``<sha8>`` is the start of the content hash it had when the admin asked, so a
  confirmation pressed after the document changed removes nothing.
- ``pa:<token>``: add a text pasted into the chat to the library; ``<token>`` names the
  text kept under ``<data_dir>/uploads/pasted`` (a message's text is far over 64 bytes).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Protocol
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.models import DocumentInfo, RefreshReport
from bot.targets.records import TargetRecord
from handlers.format.documents import doc_facts
from handlers.format.html import checked, cut, escape, shown, split_html
from handlers.format.targets import target_line
from handlers.i18n import DEFAULT_LANGUAGE, tr
from handlers.i18n.errors import error_text

UPLOAD_PATTERN = r"^u:([rck]):([0-9a-f]{12})$"
REMOVE_PATTERN = r"^rm:([yn]):([0-9A-Za-z_-]{1,40}):([0-9a-f]{8})$"
PASTED_PATTERN = r"^pa:([0-9a-f]{12})$"
TOKEN_CHARS = 12
SHA_CHARS = 8
TITLE_CHARS = 120
PROGRESS_BAR = 12


# -- callback data -----------------------------------------------------------------------------
def upload_data(replace: bool, token: str, *, keep_both: bool = False) -> str:
    """The Replace (``replace``), Keep both (``keep_both``: the same report under another
    name, added beside the older one) or Cancel button of a pending upload."""
    if len(token) != TOKEN_CHARS or not all(c in "0123456789abcdef" for c in token):
        raise ValueError(f"not a pending-upload token: {token!r}")
    return checked(f"u:{'k' if keep_both else 'r' if replace else 'c'}:{token}")


def pasted_data(token: str) -> str:
    """The "add to the library" button under a pasted text's search results."""
    if len(token) != TOKEN_CHARS or not all(c in "0123456789abcdef" for c in token):
        raise ValueError(f"not a pasted-text token: {token!r}")
    return checked(f"pa:{token}")


def with_add_pasted(
    keyboard: InlineKeyboardMarkup | None, token: str, lang: str = DEFAULT_LANGUAGE
) -> InlineKeyboardMarkup:
    """``keyboard`` (a search page's, or none) with the "add to the library" row first."""
    row = [InlineKeyboardButton(tr(lang, "pasted.add_button"), callback_data=pasted_data(token))]
    rows = [list(r) for r in keyboard.inline_keyboard] if keyboard is not None else []
    return InlineKeyboardMarkup([row, *rows])


def remove_data(confirm: bool, doc_id: str, sha256: str) -> str:
    """The Remove (``confirm``) or Cancel button for document ``doc_id``."""
    return checked(f"rm:{'y' if confirm else 'n'}:{doc_id}:{sha256[:SHA_CHARS]}")


# -- sizes and names ---------------------------------------------------------------------------
def human_size(size: float | None) -> str:
    """``812 B``, ``12.3 KB``, ``4.5 MB``."""
    if size is None:
        return "?"
    if size < 1024:
        return f"{int(size)} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f}".removesuffix(".0") + " KB"
    return f"{size / 1024 / 1024:.1f}".removesuffix(".0") + " MB"


def _title(info: DocumentInfo) -> str:
    title = " ".join((info.title or "").split()) or info.filename
    return cut(title, TITLE_CHARS)


def _doc_ref(info: DocumentInfo, lang: str) -> str:
    return tr(lang, "uploads.ref", filename=escape(info.filename), doc_id=escape(info.doc_id))


# -- uploads -----------------------------------------------------------------------------------
def refused(reason: str) -> str:
    """A refused upload: the reason, in the user's language (``handlers.i18n.errors``)."""
    return f"❌ {escape(reason)}"


def empty_file(filename: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """Refused before download: Telegram says the file has no bytes."""
    return tr(lang, "uploads.empty_file", filename=escape(filename))


def too_large(filename: str, size: int, limit: int, lang: str = DEFAULT_LANGUAGE) -> str:
    """Refused before download: Telegram says the file is over the limit."""
    return tr(
        lang,
        "uploads.too_large",
        filename=escape(filename),
        size=human_size(size),
        limit=human_size(limit),
    )


def upload_received(filename: str, size: int | None, lang: str = DEFAULT_LANGUAGE) -> str:
    return tr(lang, "uploads.received", filename=escape(filename), size=human_size(size))


def replacing(filename: str, lang: str = DEFAULT_LANGUAGE) -> str:
    return tr(lang, "uploads.replacing", filename=escape(filename))


def adding(filename: str, lang: str = DEFAULT_LANGUAGE) -> str:
    return tr(lang, "uploads.adding", filename=escape(filename))


class UploadResultLike(Protocol):
    """What :meth:`bot.library.Engine.add_upload` returns (``UploadResult``)."""

    status: str
    filename: str
    reason: str
    doc: DocumentInfo | None
    existing: DocumentInfo | None
    passages: int
    targets: int
    key_targets: int
    first_targets: tuple[TargetRecord, ...]


def duplicate(result: UploadResultLike, reason: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """Same content as a document already in the library: "duplicate of X" (``reason``:
    the core's, in ``lang``, for when the twin is unknown)."""
    twin = result.existing
    head = tr(lang, "uploads.duplicate")
    if twin is None:
        return f"{head}\n{escape(reason)}"
    text = tr(
        lang, "uploads.duplicate_of", filename=escape(result.filename), ref=_doc_ref(twin, lang)
    )
    return f"{head}\n{text}"


def needs_confirmation(
    result: UploadResultLike, token: str, reason: str, lang: str = DEFAULT_LANGUAGE
) -> tuple[str, InlineKeyboardMarkup]:
    """A new version of a file already in the library: Replace or Cancel (``reason``:
    the core's question, in ``lang``). The same report under another name (``…（修订稿）``
    beside the first copy) may be a new version or a second document: Replace the older
    one, Keep both, or Cancel."""
    same_report = getattr(result, "message_code", "") == "upload.same_report"
    question = (
        tr(lang, "uploads.same_report_question")
        if same_report
        else tr(lang, "uploads.replace_question")
    )
    lines = [f"{question}\n{escape(reason)}"]
    old = result.existing
    if old is not None:
        lines.append(
            tr(
                lang,
                "uploads.current",
                ref=_doc_ref(old, lang),
                size=human_size(old.size),
                passages=old.passages,
            )
        )
    row = [
        InlineKeyboardButton(
            tr(lang, "uploads.replace_older") if same_report else tr(lang, "uploads.replace"),
            callback_data=upload_data(True, token),
        )
    ]
    if same_report:
        row.append(
            InlineKeyboardButton(
                tr(lang, "uploads.keep_both"),
                callback_data=upload_data(False, token, keep_both=True),
            )
        )
    row.append(
        InlineKeyboardButton(tr(lang, "uploads.cancel"), callback_data=upload_data(False, token))
    )
    return "\n".join(lines), InlineKeyboardMarkup([row])


def upload_cancelled(filename: str, lang: str = DEFAULT_LANGUAGE) -> str:
    return tr(lang, "uploads.cancelled", filename=escape(filename))


def upload_done(result: UploadResultLike, lang: str = DEFAULT_LANGUAGE) -> str:
    """Added or replaced: passages, targets and the first key targets."""
    info = result.doc
    assert info is not None
    replaced = result.status == "replaced"
    verb = tr(lang, "uploads.replaced") if replaced else tr(lang, "uploads.added")
    lines = [
        f"✅ <b>{verb}</b>{tr(lang, 'uploads.colon')}{escape(_title(info))}",
        tr(lang, "uploads.file", ref=_doc_ref(info, lang), size=human_size(info.size)),
        *(
            [tr(lang, "uploads.named_by_content", suffix=escape(suffix))]
            if (suffix := getattr(result, "named_by_content", ""))
            else []
        ),
        *([tr(lang, "uploads.read_as_html")] if info.html_in_text else []),
        *(
            # the same report under another name replaced: say which file left the library
            [tr(lang, "uploads.older_removed", ref=_doc_ref(old, lang))]
            if replaced and (old := result.existing) is not None and old.relpath != info.relpath
            else []
        ),
        tr(
            lang,
            "uploads.counts",
            passages=result.passages,
            targets=result.targets,
            key_targets=result.key_targets,
        ),
    ]
    if result.first_targets:
        lines.append("")
        lines.append(tr(lang, "uploads.first_targets"))
        lines.extend(target_line(r, show_kind=False, lang=lang) for r in result.first_targets)
    elif result.targets:
        # a statistical bulletin's figures are results, not targets: "no key target"
        # alone read as if nothing had been read from it
        lines.append(tr(lang, "upload_kinds.other_kinds", count=result.targets))
    else:
        lines.append(tr(lang, "uploads.no_targets"))
    lines.append("")
    lines.append(tr(lang, "uploads.see", doc_id=escape(info.doc_id)))
    return split_html("\n".join(lines))[0]


# -- /docs for admins --------------------------------------------------------------------------
def _when(stamp: float, tz: str) -> str:
    # in the bot's zone, as /admin list and /audit say when: the server's clock zone (UTC
    # on a server) put two times of one minute eight hours apart (user-trial15)
    if not stamp:
        return "—"
    return datetime.fromtimestamp(stamp, UTC).astimezone(ZoneInfo(tz)).strftime("%Y-%m-%d %H:%M")


def admin_docs_messages(
    infos: Sequence[DocumentInfo], lang: str = DEFAULT_LANGUAGE, tz: str = "Asia/Shanghai"
) -> list[str]:
    """The document list with ids, sizes, passages and when each was indexed (in ``tz``)."""
    if not infos:
        return [tr(lang, "uploads.library_empty")]
    total = sum(i.size for i in infos)
    passages = sum(i.passages for i in infos)
    lines = [
        tr(
            lang,
            "uploads.docs_heading",
            count=len(infos),
            size=human_size(total),
            passages=passages,
        )
    ]
    for n, info in enumerate(infos, 1):
        lines.append("")
        lines.append(f"<b>{n}. {escape(_title(info))}</b>")
        bits = [f"<code>{escape(info.doc_id)}</code>", escape(info.relpath)]
        bits.append(human_size(info.size))
        bits.append(tr(lang, "docs.passages", count=info.passages))
        bits.extend(doc_facts(info, lang))
        lines.append(" · ".join(bits))
        lines.append(tr(lang, "uploads.indexed", when=_when(info.indexed_at, tz)))
    lines.append("")
    lines.append(tr(lang, "uploads.docs_help"))
    return split_html("\n".join(lines))


# -- /remove -----------------------------------------------------------------------------------
DETAIL_MAX_CHARS = 300  # of why a reference matched nothing (it may repeat the reference)


def remove_not_found(ref: str, detail: str = "", lang: str = DEFAULT_LANGUAGE) -> str:
    text = tr(lang, "uploads.remove_not_found", ref=shown(ref))
    return text + (f"\n<i>{escape(cut(detail, DETAIL_MAX_CHARS))}</i>" if detail else "")


def remove_confirmation(
    info: DocumentInfo, lang: str = DEFAULT_LANGUAGE, *, named: Sequence[int] = ()
) -> tuple[str, InlineKeyboardMarkup]:
    """The question before ``/remove``; ``named``: the subscriptions whose ``doc:`` names
    the document, which will have nothing from it after."""
    text = tr(
        lang,
        "uploads.remove_question",
        title=escape(_title(info)),
        ref=_doc_ref(info, lang),
        size=human_size(info.size),
        passages=info.passages,
    )
    if named:
        ids = tr(lang, "common.list_sep").join(f"#{i}" for i in named)
        text += "\n" + tr(lang, "uploads.remove_named", ids=ids)
    keyboard = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    tr(lang, "uploads.remove"),
                    callback_data=remove_data(True, info.doc_id, info.sha256),
                ),
                InlineKeyboardButton(
                    tr(lang, "uploads.cancel"),
                    callback_data=remove_data(False, info.doc_id, info.sha256),
                ),
            ]
        ]
    )
    return text, keyboard


def removing(info: DocumentInfo, lang: str = DEFAULT_LANGUAGE) -> str:
    return tr(lang, "uploads.removing", ref=_doc_ref(info, lang))


def removed(info: DocumentInfo, lang: str = DEFAULT_LANGUAGE) -> str:
    return tr(
        lang,
        "uploads.removed",
        title=escape(_title(info)),
        ref=_doc_ref(info, lang),
        passages=info.passages,
    )


def remove_gone(doc_id: str, lang: str = DEFAULT_LANGUAGE) -> str:
    return tr(lang, "uploads.remove_gone", doc_id=escape(doc_id))


def remove_changed(info: DocumentInfo, lang: str = DEFAULT_LANGUAGE) -> str:
    return tr(lang, "uploads.remove_changed", ref=_doc_ref(info, lang))


# -- /reindex ----------------------------------------------------------------------------------
def reindex_progress(done: int, total: int, relpath: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """One step of a rebuild: a bar, ``done/total`` and the file being read."""
    total = max(total, 1)
    filled = round(PROGRESS_BAR * min(done, total) / total)
    bar = "█" * filled + "░" * (PROGRESS_BAR - filled)
    return tr(
        lang, "uploads.reindex_progress", bar=bar, done=done, total=total, path=escape(relpath)
    )


def reindex_done(
    report: RefreshReport,
    infos: Sequence[DocumentInfo],
    seconds: float,
    lang: str = DEFAULT_LANGUAGE,
) -> str:
    passages = sum(i.passages for i in infos)
    lines = [
        tr(
            lang,
            "uploads.reindex_done",
            documents=len(infos),
            passages=passages,
            seconds=f"{seconds:.1f}",
        )
    ]
    if report.skipped:
        lines.append(tr(lang, "uploads.skipped", count=len(report.skipped)))
        colon = tr(lang, "uploads.colon")
        lines.extend(
            f"• <code>{escape(s.path)}</code>{colon}{escape(error_text(s, lang))}"
            for s in report.skipped[:10]
        )
    return split_html("\n".join(lines))[0]


# -- /meta -------------------------------------------------------------------------------------
def meta_usage(lang: str = DEFAULT_LANGUAGE) -> str:
    return escape(tr(lang, "uploads.meta_usage"))


def meta_refused(reason: str, lang: str = DEFAULT_LANGUAGE) -> str:
    return escape(tr(lang, "uploads.meta_refused", reason=reason))


def _facts(info: DocumentInfo, lang: str) -> str:
    """Where, what and when a document is about, as /docs says it (its path of places)."""
    facts = doc_facts(info, lang)
    if info.region_path and len(info.region_path) > 1 and info.region:
        facts[0] = escape(" › ".join(info.region_path))
    return " · ".join(facts) or escape(tr(lang, "uploads.meta_unknown"))


def meta_done(before: DocumentInfo, after: DocumentInfo, lang: str = DEFAULT_LANGUAGE) -> str:
    """A correction made: the document, what was read before and what it is now."""
    return tr(
        lang,
        "uploads.meta_done",
        title=escape(_title(after)),
        ref=_doc_ref(after, lang),
        before=_facts(before, lang),
        after=_facts(after, lang),
    )
