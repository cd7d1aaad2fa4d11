"""Inline mode: ``@BriefBot 就业目标`` typed in any chat lists the answer card and the
passages found, and the one chosen is sent into that chat as the user's message.

Thin, as every handler: read the query and its offset, search on a search thread as the
user's turn (``Services.search``: the event loop never waits on the index), format
(:mod:`handlers.format.inline`), answer. A query empty or too short, or one that finds
nothing, is answered with a button to the bot instead of results, never left unanswered.
The flood limit is the user's own (:mod:`handlers.flood`: the bucket of their private
chat); the error handler answers a query whose search failed (:mod:`handlers.errors`).

Telegram sends inline queries only to a bot whose inline mode is on (BotFather,
``/setinline``).
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, InlineQueryHandler

from handlers.context import BriefContext
from handlers.format import inline as fmt

MIN_QUERY_CHARS = 2
"""Shorter queries get the hint: a client asks at the first letter typed (就 on the way
to 就业), and one character finds everything and nothing."""

PAGE_SIZE = 10
"""Results a page (Telegram allows 50): the next page loads as the user scrolls."""

MAX_PAGES = 5
"""Pages at most (50 results): inline mode drops one passage into a chat; the bot's
own search pages through everything."""

CACHE_SECONDS = 300
"""How long Telegram may show the same answer again for the same query and user: the
library changes when an admin adds a document, seldom within minutes."""

HINT_CACHE_SECONDS = 60


def page_of(offset: str) -> int | None:
    """The page an ``offset`` asks for: the first for none, else the page number we gave
    as ``next_offset``; None for anything else (past :data:`MAX_PAGES`, not ours), which
    lists nothing more rather than the first page again."""
    if not offset:
        return 1
    return int(offset) if offset.isdigit() and 1 <= int(offset) <= MAX_PAGES else None


async def inline_search(update: Update, context: BriefContext) -> None:
    """An inline query: the cards and passages found, or the button saying why not."""
    query = update.inline_query
    svc = context.services
    lang = svc.lang(update)
    text = query.query.strip()
    if len(text) < MIN_QUERY_CHARS:
        await query.answer(
            [], button=fmt.hint_button(lang), cache_time=HINT_CACHE_SECONDS, is_personal=True
        )
        return
    user = query.from_user.id
    page = page_of(query.offset)
    if page is None:
        await query.answer([], cache_time=CACHE_SECONDS, is_personal=True)
        return
    # 我县 / 本市 mean the place the user set in their private chat with the bot (/region)
    home = await svc.home_of(user)
    resp = await svc.search(
        user, svc.engine.search, text, page=page, page_size=PAGE_SIZE, home=home
    )
    if resp.nothing_searched:  # only punctuation or excluded words: how to ask
        await query.answer(
            [], button=fmt.hint_button(lang), cache_time=HINT_CACHE_SECONDS, is_personal=True
        )
        return
    results = fmt.inline_results(resp, lang)
    # is_personal: the language, the user's place (我县) and their /lang choice make the
    # answer theirs; Telegram must not show it to someone else typing the same words
    if not results and page == 1:
        await query.answer(
            [], button=fmt.nothing_button(text, lang), cache_time=CACHE_SECONDS, is_personal=True
        )
        return
    # None, never "": PTB's Defaults (ExtBot._insert_defaults, 22.x) read an empty string
    # as an empty list of poll options and send next_offset "[]", a page that never ends
    await query.answer(
        results,
        next_offset=fmt.next_offset(resp, MAX_PAGES) or None,
        button=fmt.note_button(resp, lang),
        cache_time=CACHE_SECONDS,
        is_personal=True,
    )


def register(application: Application) -> None:
    application.add_handler(InlineQueryHandler(inline_search))
