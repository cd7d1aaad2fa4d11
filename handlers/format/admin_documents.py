"""Live document management as Telegram messages: uploads, /docs for admins, /remove, /reindex.

Pure functions, no I/O, every piece of document or user text escaped (see
:mod:`handlers.format` for the conventions). Messages are Chinese first with an
English line or gloss, as the other admin texts are.

Callback data (ASCII, at most 64 bytes):

- ``u:<r|c>:<token>``: Replace (``r``) or Cancel (``c``) a pending new version of a
  file; ``<token>`` names the staged bytes under ``<data_dir>/uploads/pending``.
- ``rm:<y|n>:<doc_id>:<sha8>``: confirm (``y``) or cancel (``n``) removing a document;
  ``<sha8>`` is the start of the content hash it had when the admin asked, so a
  confirmation pressed after the document changed removes nothing.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Protocol

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.models import DocumentInfo, RefreshReport
from bot.targets.records import TargetRecord
from handlers.format.documents import doc_facts
from handlers.format.html import checked, escape, split_html
from handlers.format.targets import target_line

UPLOAD_PATTERN = r"^u:([rc]):([0-9a-f]{12})$"
REMOVE_PATTERN = r"^rm:([yn]):([0-9A-Za-z_-]{1,40}):([0-9a-f]{8})$"
TOKEN_CHARS = 12
SHA_CHARS = 8
TITLE_CHARS = 120
PROGRESS_BAR = 12

ADMINS_ONLY = "只有机器人管理员可以管理文件。\nOnly the bot's admins can manage documents."
UPLOAD_ADMINS_ONLY = (
    "只有机器人管理员可以向文库添加文件，文件未被接收。\n"
    "Only the bot's admins can add documents; the file was not accepted."
)
REMOVE_USAGE = "用法：/remove 文件编号或文件名（/docs 查看编号）\nUsage: /remove document-id"
UPLOAD_EXPIRED = (
    "这个待确认的上传已过期或已处理，请重新发送文件。\n"
    "This pending upload has expired or was already handled; please send the file again."
)
REMOVE_CANCELLED = "已取消，未删除任何文件。\nCancelled, nothing was removed."
DOWNLOAD_FAILED = (
    "无法从 Telegram 下载文件，未添加。请稍后重新发送。\n"
    "Could not download the file from Telegram; nothing was added. Please send it again."
)
UPLOAD_FAILED = (
    "索引文件时出错，文库保持不变。请稍后再试。\n"
    "Indexing the file failed; the library is unchanged. Please try again later."
)
REMOVE_FAILED = (
    "删除时出错，文库保持不变。请稍后再试。\n"
    "Removing the document failed; the library is unchanged. Please try again later."
)
REINDEX_QUEUED = "⏳ 重建索引：等待开始…\nRebuilding the index: waiting to start…"
REINDEX_FAILED = (
    "❌ 重建索引失败，继续使用原有索引。\nRebuilding the index failed; the old index stays in use."
)


# -- callback data -----------------------------------------------------------------------------
def upload_data(replace: bool, token: str) -> str:
    """The Replace (``replace``) or Cancel button of a pending upload."""
    if len(token) != TOKEN_CHARS or not all(c in "0123456789abcdef" for c in token):
        raise ValueError(f"not a pending-upload token: {token!r}")
    return checked(f"u:{'r' if replace else 'c'}:{token}")


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
    return title if len(title) <= TITLE_CHARS else title[: TITLE_CHARS - 1] + "…"


def _doc_ref(info: DocumentInfo) -> str:
    return f"<code>{escape(info.filename)}</code>（编号 <code>{escape(info.doc_id)}</code>）"


# -- uploads -----------------------------------------------------------------------------------
def refused(reason: str) -> str:
    """A refused upload: the core's reason (Chinese line, English line)."""
    return f"❌ {escape(reason)}"


def too_large(filename: str, size: int, limit: int) -> str:
    """Refused before download: Telegram says the file is over the limit."""
    return (
        f"❌ 文件 <code>{escape(filename)}</code> 过大（{human_size(size)}），"
        f"上限为 {human_size(limit)}，未下载。\n"
        f"File too large ({human_size(size)}); the limit is {human_size(limit)}. "
        "Nothing was downloaded."
    )


def upload_received(filename: str, size: int | None) -> str:
    return (
        f"📥 已收到 <code>{escape(filename)}</code>（{human_size(size)}），正在下载并建立索引…\n"
        "Received; downloading and indexing…"
    )


def replacing(filename: str) -> str:
    return f"⏳ 正在用新版本替换 <code>{escape(filename)}</code>…\nReplacing…"


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


def duplicate(result: UploadResultLike) -> str:
    """Same content as a document already in the library: "duplicate of X"."""
    twin = result.existing
    head = "⚠️ <b>重复文件 / Duplicate</b>"
    if twin is None:
        return f"{head}\n{escape(result.reason)}"
    return (
        f"{head}\n<code>{escape(result.filename)}</code> 与已有文件 {_doc_ref(twin)} 内容相同，"
        "未重复添加。\n"
        f"Duplicate of {escape(twin.filename)} (id {escape(twin.doc_id)}); not added again."
    )


def needs_confirmation(result: UploadResultLike, token: str) -> tuple[str, InlineKeyboardMarkup]:
    """A new version of a file already in the library: Replace or Cancel."""
    lines = [f"❓ <b>替换文件？ / Replace?</b>\n{escape(result.reason)}"]
    old = result.existing
    if old is not None:
        lines.append(
            f"现有版本 / current: {_doc_ref(old)} · {human_size(old.size)} · {old.passages} 段"
        )
    keyboard = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton("✅ 替换 Replace", callback_data=upload_data(True, token)),
                InlineKeyboardButton("✖️ 取消 Cancel", callback_data=upload_data(False, token)),
            ]
        ]
    )
    return "\n".join(lines), keyboard


def upload_cancelled(filename: str) -> str:
    return (
        f"已取消，<code>{escape(filename)}</code> 的现有版本保持不变。\n"
        "Cancelled; the current version stays."
    )


def upload_done(result: UploadResultLike) -> str:
    """Added or replaced: passages, targets and the first key targets."""
    info = result.doc
    assert info is not None
    verb = "已替换 / Replaced" if result.status == "replaced" else "已添加 / Added"
    lines = [
        f"✅ <b>{verb}</b>：{escape(_title(info))}",
        f"文件 {_doc_ref(info)} · {human_size(info.size)}",
        f"段落 / passages: <b>{result.passages}</b> · "
        f"目标数据 / targets: <b>{result.targets}</b>"
        f"（重点目标 / key targets: {result.key_targets}）",
    ]
    if result.first_targets:
        lines.append("")
        lines.append("<b>重点目标（前几条）/ First key targets</b>")
        lines.extend(target_line(r, show_kind=False) for r in result.first_targets)
    else:
        lines.append("没有提取到重点目标。No key targets found.")
    lines.append("")
    doc_id = escape(info.doc_id)
    lines.append(f"查看：<code>/doc {doc_id}</code> · <code>/targets {doc_id}</code>")
    return split_html("\n".join(lines))[0]


# -- /docs for admins --------------------------------------------------------------------------
def _when(stamp: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(stamp)) if stamp else "—"


def admin_docs_messages(infos: Sequence[DocumentInfo]) -> list[str]:
    """The document list with ids, sizes, passages and when each was indexed."""
    if not infos:
        return [
            "文库中还没有文件。直接发送 .txt/.md/.docx/.pdf 文件即可添加。\n"
            "The library is empty; send a document to add it."
        ]
    total = sum(i.size for i in infos)
    passages = sum(i.passages for i in infos)
    lines = [
        f"<b>📚 文件列表（管理员）</b>共 {len(infos)} 份 · {human_size(total)} · {passages} 段",
        f"{len(infos)} documents, {human_size(total)}, {passages} passages",
    ]
    for n, info in enumerate(infos, 1):
        lines.append("")
        lines.append(f"<b>{n}. {escape(_title(info))}</b>")
        bits = [f"<code>{escape(info.doc_id)}</code>", escape(info.relpath)]
        bits.append(human_size(info.size))
        bits.append(f"{info.passages} 段")
        bits.extend(doc_facts(info))
        lines.append(" · ".join(bits))
        lines.append(f"索引于 / indexed {_when(info.indexed_at)}")
    lines.append("")
    lines.append(
        "删除：<code>/remove 编号</code> · 重建索引：/reindex · 添加：直接发送文件\n"
        "Remove: /remove ID · rebuild: /reindex · add: send a file"
    )
    return split_html("\n".join(lines))


# -- /remove -----------------------------------------------------------------------------------
def remove_not_found(ref: str, detail: str = "") -> str:
    text = (
        f"找不到文件“{escape(ref)}”，未删除任何文件。发送 /docs 查看编号。\n"
        f"No document matches {escape(ref)}; nothing was removed."
    )
    return text + (f"\n<i>{escape(detail)}</i>" if detail else "")


def remove_confirmation(info: DocumentInfo) -> tuple[str, InlineKeyboardMarkup]:
    text = (
        f"❓ <b>删除文件？ / Remove?</b>\n<b>{escape(_title(info))}</b>\n"
        f"{_doc_ref(info)} · {human_size(info.size)} · {info.passages} 段\n"
        "将从文库、索引和重点目标中删除（含其元数据文件）。\n"
        "It will be deleted from the library, the index and the targets."
    )
    keyboard = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    "🗑 删除 Remove", callback_data=remove_data(True, info.doc_id, info.sha256)
                ),
                InlineKeyboardButton(
                    "✖️ 取消 Cancel", callback_data=remove_data(False, info.doc_id, info.sha256)
                ),
            ]
        ]
    )
    return text, keyboard


def removing(info: DocumentInfo) -> str:
    return f"⏳ 正在删除 {_doc_ref(info)}…\nRemoving…"


def removed(info: DocumentInfo) -> str:
    return (
        f"🗑 已删除 / Removed：<b>{escape(_title(info))}</b>\n"
        f"{_doc_ref(info)} · {info.passages} 段已移出索引。"
    )


def remove_gone(doc_id: str) -> str:
    return (
        f"文件 <code>{escape(doc_id)}</code> 已不在文库中（可能已被删除）。\n"
        "This document is no longer in the library."
    )


def remove_changed(info: DocumentInfo) -> str:
    return (
        f"文件 {_doc_ref(info)} 在确认前已被替换为新版本，未删除。"
        "如仍要删除，请重新发送 /remove。\n"
        "The document changed since you asked; nothing was removed. Send /remove again."
    )


# -- /reindex ----------------------------------------------------------------------------------
def reindex_progress(done: int, total: int, relpath: str) -> str:
    """One step of a rebuild: a bar, ``done/total`` and the file being read."""
    total = max(total, 1)
    filled = round(PROGRESS_BAR * min(done, total) / total)
    bar = "█" * filled + "░" * (PROGRESS_BAR - filled)
    return (
        f"⏳ 重建索引中 / Rebuilding {bar} {done}/{total}\n"
        f"正在读取 / reading: <code>{escape(relpath)}</code>"
    )


def reindex_done(report: RefreshReport, infos: Sequence[DocumentInfo], seconds: float) -> str:
    passages = sum(i.passages for i in infos)
    lines = [
        "✅ <b>重建索引完成 / Done</b>",
        f"文件 / documents: <b>{len(infos)}</b> · 段落 / passages: <b>{passages}</b> · "
        f"用时 / took {seconds:.1f} s",
    ]
    if report.skipped:
        lines.append(f"跳过 / skipped: {len(report.skipped)}")
        lines.extend(
            f"• <code>{escape(s.path)}</code>：{escape(s.reason)}" for s in report.skipped[:10]
        )
    return split_html("\n".join(lines))[0]
