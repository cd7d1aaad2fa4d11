"""/docs and /doc: the documents in the library.

``/docs`` from a bot admin in a private chat is the admin view (ids, paths, sizes,
passages, when indexed, how to remove or rebuild: ``handlers.format.admin_documents``);
everyone else, admins in groups included, gets the public list.
"""

from __future__ import annotations

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import Application

from bot.corpus.regions import AmbiguousPlace
from bot.digest.english import said_place
from bot.library import CorrectionRefused, DocumentNotFound, Engine, parse_correction
from bot.library.corrections import checked_changes
from bot.models import Document
from bot.targets.records import TargetRecord
from handlers import format as fmt
from handlers.common import add_commands, reply_html
from handlers.context import BriefContext
from handlers.format import admin_documents as fmt_docs
from handlers.i18n import tr
from handlers.i18n.errors import error_text, not_found_detail


async def docs_command(update: Update, context: BriefContext) -> None:
    """/docs [地区]: every indexed document, or those about a region and the places in it
    (with ids and sizes for admins in private chats)."""
    svc = context.services
    message = update.effective_message
    lang = svc.lang(update)
    typed = " ".join(context.args or ()).strip()
    infos = await svc.run(svc.engine.documents)
    region: str | None = None
    if typed:  # /docs 四川: the province's documents (the words were ignored: all 32 listed)
        try:
            region = await svc.run(svc.engine.region_named, typed)
        except AmbiguousPlace as shared:  # /docs Suzhou: which one, with the candidates
            await message.reply_text(error_text(shared, lang))
            return
    total = len(infos)
    if region is not None:
        infos = await svc.run(svc.engine.documents_of_region, region)
        if not infos:
            shown = fmt.escape(said_place(region, lang))
            await message.reply_html(tr(lang, "docs.region_none", region=shown, total=total))
            return
    user, chat = update.effective_user, update.effective_chat
    admin_view = (
        chat is not None
        and chat.type == ChatType.PRIVATE
        and await svc.check_admin(user.id if user else None)
    )
    messages = (
        fmt_docs.admin_docs_messages(infos, lang, svc.settings.default_timezone)
        if admin_view
        else fmt.docs_messages(infos, lang, region=region, total=total)
    )
    if typed and region is None:  # /docs 报告: no place, said before the whole list
        unread = f"<i>{fmt.escape(tr(lang, 'docs.filter_unread', text=typed))}</i>"
        messages = [f"{unread}\n\n{messages[0]}", *messages[1:]]
    await reply_html(message, messages)


def _document(engine: Engine, ref: str) -> tuple[Document, list[TargetRecord], int]:
    """On the core thread: the document, its confident key targets (kind "target") and
    how many unsure ones were left out."""
    document = engine.document(ref)
    found = engine.lookup_targets(doc=document.doc_id, kind="target")
    return document, [t.record for t in found.rows], found.hidden


async def doc_command(update: Update, context: BriefContext) -> None:
    """/doc ID: title, region, level, type, year, issuer, date, sections and key targets."""
    message = update.effective_message
    ref = " ".join(context.args or ())
    svc = context.services
    lang = svc.lang(update)
    if not ref:
        await message.reply_text(tr(lang, "docs.usage"))
        return
    try:
        document, targets, hidden = await svc.run(_document, svc.engine, ref)
    except DocumentNotFound as exc:
        # /doc 规划.docx 年份 2025: a correction typed to the command that shows the
        # document (trial21); the command that makes it, as typed
        named = await svc.run(_correction_of, svc.engine, ref)
        if named:
            said = ref[ref.index(named) + len(named) :].strip()
            command = f"/meta {named} {said}"
            await message.reply_html(tr(lang, "docs.meta_hint", command=fmt.escape(command)))
            return
        try:
            about = await svc.run(svc.engine.documents_of_region, ref)
        except AmbiguousPlace as shared:  # /doc Suzhou: which one, with the candidates
            await message.reply_text(error_text(shared, lang))
            return
        # /doc Guangzou: the place it may be, not only "no document"
        places = [] if about else await svc.run(svc.engine.places_like, ref)
        # /doc 蓬溪县政府报告: a name half remembered, the documents it most likely means
        like = [] if about or places else await svc.run(svc.engine.documents_like, ref)
        detail = not_found_detail(exc, lang)
        await message.reply_html(
            fmt.document_not_found(
                ref,
                detail,
                lang,
                about=about,
                places=places,
                like=like,
                several=exc.code == "document.ambiguous",
            )
        )
        return
    await reply_html(message, fmt.doc_messages(document, targets, hidden=hidden, lang=lang))


def _correction_of(engine: Engine, ref: str) -> str | None:
    """On the core thread: the document ``ref`` names when it is a correction typed after a
    document's reference (``规划.docx 年份 2025``, values a correction takes: not the
    ``报告`` of ``四川 年度报告``), else None."""
    named, changes = parse_correction(ref)
    if not named or not changes:
        return None
    try:
        checked_changes(changes)
        engine.find_document(named)
    except (CorrectionRefused, DocumentNotFound):
        return None
    return named


def register(application: Application) -> None:
    add_commands(application, {"docs": docs_command, "doc": doc_command})
