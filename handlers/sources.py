"""Live sources for the bot's admins: /sources and /source add|check|pause|resume|remove.

Every handler is :func:`~handlers.audit.admin_only` and audited. The work is the core's
(:class:`bot.sources.service.SourceScheduler`, ``Services.sources``): the store on the
storage thread, uploads of new documents on the indexing thread, index swaps on the
core thread, fetching in the loop (httpx, asynchronous); nothing blocking runs here.
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import Application

from bot.i18n import Message, catalogue
from bot.sources.commands import parse_add
from bot.sources.service import SourceRefused, precheck
from bot.sources.store import SourceError
from handlers.audit import admin_only, audit, error_said, worded
from handlers.common import add_commands, args_detail, command_args, reply_html
from handlers.context import BriefContext
from handlers.format import sources as fmt
from handlers.format.html import escape, split_html
from handlers.i18n import tr
from handlers.i18n.errors import error_text

logger = logging.getLogger(__name__)

VERBS = ("add", "check", "pause", "resume", "remove", "list")


def _reason(code: str | None) -> Message | str:
    """A poll's error code in an audit detail: the catalogue's reason
    (``sources.reason.<code>``, said in each reader's language), the code itself for one
    it does not word, a dash for none."""
    if not code:
        return "—"
    known = f"sources.reason.{code}" in catalogue().keys("en")
    return Message(f"sources.reason.{code}") if known else code


def _refusal(lang: str) -> str:
    return tr(lang, "sources.admins_only")


@admin_only("sources", refusal=_refusal, detail=args_detail)
async def sources_command(update: Update, context: BriefContext) -> None:
    """/sources: every source with its health."""
    await _list(update, context)


async def _list(update: Update, context: BriefContext) -> None:
    svc = context.services
    scheduler = svc.sources
    store = scheduler.store

    def read():
        return store.list(), store.item_counts()

    sources, counts = await svc.run_db(read)
    items = [(s, counts.get(s.id, {}), scheduler.next_run(s.id)) for s in sources]
    await audit(update, context, "sources", detail=worded("sources", count=len(sources)))
    text = fmt.sources_list(items, svc.lang(update))
    await reply_html(update.effective_message, split_html(text))


@admin_only(lambda u, c: f"source {_verb(u)}", refusal=_refusal, detail=args_detail)
async def source_command(update: Update, context: BriefContext) -> None:
    """/source add URL [name] [every 6h] [match P] | check|pause|resume|remove NAME."""
    message = update.effective_message
    svc = context.services
    lang = svc.lang(update)
    args = command_args(message)
    verb, _, rest = args.partition(" ")
    verb, rest = verb.lower(), rest.strip()
    if verb == "list":
        await _list(update, context)
        return
    if verb not in VERBS or not rest:
        await message.reply_html(tr(lang, "sources.usage"))
        return
    scheduler = svc.sources
    action = f"source {verb}"
    try:
        if verb == "add":
            parsed = parse_add(rest)
            precheck(parsed, svc.settings)  # what fails at once fails before "adding …"
            user = update.effective_user
            await message.reply_text(tr(lang, "sources.adding", url=parsed.url))
            added = await scheduler.add(
                parsed.url,
                name=parsed.name,
                every=parsed.every,
                match=parsed.match,
                created_by=user.id if user else None,
            )
            await audit(
                update,
                context,
                action,
                detail=worded(
                    "source_added",
                    name=added.source.name,
                    url=added.source.url,
                    kind=added.source.kind,
                    ingested=added.report.count("ingested"),
                    error=_reason(added.report.error),
                ),
            )
            await reply_html(message, split_html(fmt.added_text(added.source, added.report, lang)))
            return
        name = rest.split()[0]
        if verb == "check":
            report = await scheduler.check(name)
            await audit(
                update,
                context,
                action,
                detail=worded(
                    "source_checked",
                    name=name,
                    ingested=report.count("ingested"),
                    duplicate=report.count("duplicate"),
                    failed=report.count("failed"),
                    error=_reason(report.error),
                ),
                result="ok" if report.ok else "error",
            )
            await reply_html(message, split_html(fmt.report_text(report, lang)))
            return
        if verb == "remove":
            source = await scheduler.remove(name)
        else:
            source = await scheduler.set_paused(name, verb == "pause")
        await audit(
            update, context, action, detail=worded("source", name=source.name, url=source.url)
        )
        await message.reply_html(tr(lang, f"sources.done_{verb}", name=escape(source.name)))
    except SourceRefused as exc:
        await audit(
            update,
            context,
            action,
            result="refused",
            detail=worded("refused", subject=rest, error=_reason(exc.fetch_code)),
        )
        await message.reply_html(
            tr(lang, "sources.refused", reason=fmt.reason_text(exc.fetch_code, exc.detail, lang))
        )
    except SourceError as exc:
        await audit(
            update,
            context,
            action,
            result="error",
            detail=worded("failed", subject=rest, error=error_said(exc)),
        )
        await message.reply_html(escape(error_text(exc, lang)))


def _verb(update: Update) -> str:
    message = update.effective_message
    words = command_args(message).split() if message else []
    return words[0].lower() if words and words[0].lower() in VERBS else "usage"


def register(application: Application) -> None:
    add_commands(application, {"sources": sources_command, "source": source_command})
