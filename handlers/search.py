"""Searching: /search, plain text in private chats, mentions in groups, and the buttons.

A result message carries buttons whose callback data name the search by its key in the
query store (``p:<key>:<page>:<correct>``) or a passage by document id and ordinal
(``t:<doc_id>:<ordinal>``), so they still work after the bot restarts.
"""

from __future__ import annotations

import asyncio
import re

from telegram import InlineKeyboardMarkup, MaybeInaccessibleMessage, Message, Update
from telegram.error import BadRequest
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    MessageHandler,
    filters,
)

from bot.corpus.regions import AmbiguousPlace
from bot.library import DocumentNotFound
from bot.library.follow_ups import Asked, follow_up
from bot.models import HomeRegion, SearchResponse
from bot.targets.conditions import condition_in
from bot.text.across import asks_across_regions, asks_extreme_region, asks_side_by_side
from bot.text.figures_asked import figures_unwritten
from bot.text.pasted import looks_pasted, pasted_bytes, pasted_filename, without_links
from bot.text.pasted_parts import Joining, PastedMessage
from bot.text.typed_commands import TypedCommand, typed_command
from handlers import format as fmt
from handlers.common import (
    MENTIONS_BOT,
    NEW_MESSAGES,
    REPLIES_TO_BOT,
    SENT_VIA_ME,
    ButtonHandler,
    add_commands,
    application_commands,
    reply_html,
    run_as_command,
    without_mention,
)
from handlers.context import BriefContext, Services
from handlers.format.admin_documents import with_add_pasted
from handlers.i18n import tr
from handlers.pending_uploads import PendingUpload, PendingUploads, pasted_texts


def _save(svc: Services, texts: list[str], filters: dict) -> list[str]:
    """On the storage thread: the query store's keys of ``texts`` (saved now)."""
    return [svc.queries.save(text, **filters) for text in texts]


def searcher_of(update: Update) -> int | None:
    """Whose turn a search is (``Blocking.search``): the user's, else the chat's."""
    who = update.effective_user or update.effective_chat
    return who.id if who is not None else None


def chat_of(update: Update) -> int | None:
    """The chat whose own place (``/region``) 我县 and 本市 mean."""
    chat = update.effective_chat
    return chat.id if chat is not None else None


async def _search(
    svc: Services,
    text: str,
    *,
    user: int | None,
    key: str | None = None,
    page: int = 1,
    correct: bool = True,
    understand: bool = True,
    doc: str | None = None,
    region: str | None = None,
    year: int | None = None,
    home: HomeRegion | None = None,
) -> tuple[str, SearchResponse, dict[str, str]]:
    """The search's key (saved now on the storage thread, if not given), one page of
    results (a search thread, as ``user``'s turn), and the saved keys of its suggestions
    (storage thread)."""
    filters = {"doc": doc, "region": region, "year": year}
    search = svc.search(
        user,
        svc.engine.search,
        text,
        page=page,
        correct=correct,
        understand=understand,
        home=home,
        **filters,
    )
    if key is None:  # saved while the core searches: the two threads work side by side
        resp, (key,) = await asyncio.gather(search, svc.run_db(_save, svc, [text], filters))
    else:
        resp = await search
    suggestions = (
        await svc.run_db(_save, svc, resp.suggestions, filters) if resp.suggestions else []
    )
    return key, resp, dict(zip(resp.suggestions, suggestions, strict=True))


async def _keep_pasted(update: Update, svc: Services, text: str) -> str | None:
    """For an admin in a private chat (where files are added), the text kept on disk for
    the "add to the library" button, by its token; None for anyone else. Kept before the
    text is searched, and remembered, so that its next part (:func:`_next_part`) finds it."""
    chat, user, message = update.effective_chat, update.effective_user, update.effective_message
    if chat is None or user is None or chat.type != "private":
        return None
    if not await svc.check_admin(user.id):
        return None
    store = pasted_texts(svc.settings.data_dir)
    pasted = PastedMessage(text, message.date.timestamp(), message.message_id)
    token = await asyncio.to_thread(
        store.put,
        pasted_filename(text),
        pasted_bytes(text),
        chat_id=chat.id,
        user_id=user.id,
        last_chars=pasted.chars,
        last_at=pasted.sent,
    )
    svc.pasted_parts.keep(chat.id, user.id, token, pasted)
    return token


def _append(store: PendingUploads, joining: Joining) -> tuple[PendingUpload, int] | None:
    """The pasted text of ``joining.token`` with its part joined on, and its characters
    (on a thread: files); None when the text was added or has expired meanwhile."""
    kept = store.text(joining.token)
    if kept is None:
        return None
    whole = joining.whole(kept.decode("utf-8"))
    entry = store.extend(
        joining.token,
        pasted_bytes(whole),
        last_chars=joining.last.chars,
        last_at=joining.last.sent,
        filename=joining.filename,
    )
    return (entry, len(whole.strip())) if entry is not None else None


async def _next_part(update: Update, svc: Services, text: str) -> tuple[PendingUpload, int] | None:
    """A text longer than 4,096 characters comes as several messages, the client cutting
    it: the core (:class:`~bot.text.pasted_parts.PastedParts`) says whether this message is
    a part of the text the admin last pasted, and this joins it under the same "add"
    button (one document, not one a part). The text so far and its characters; None
    otherwise."""
    chat, user, message = update.effective_chat, update.effective_user, update.effective_message
    if chat is None or user is None or chat.type != "private" or message.forward_origin:
        return None
    pasted = PastedMessage(text, message.date.timestamp(), message.message_id)
    joining = svc.pasted_parts.follows(chat.id, user.id, pasted)  # an admin's only
    if joining is None:
        return None
    joined = await asyncio.to_thread(_append, pasted_texts(svc.settings.data_dir), joining)
    svc.pasted_parts.joined(joining, taken=joined is not None)
    return joined


async def _pasted_turn(
    update: Update, svc: Services, text: str, pasted: bool
) -> tuple[tuple[PendingUpload, int] | None, str | None]:
    """The next part of a text joined (:func:`_next_part`), else this text kept for its
    button when it reads as pasted (:func:`_keep_pasted`): one after the other under the
    lock, so that the parts a client sent together, handled at once (updates run
    concurrently), find the part before them kept rather than racing it."""
    if update.effective_chat is None or update.effective_chat.type != "private":
        return None, None
    async with svc.paste_lock:
        joined = await _next_part(update, svc, text)
        if joined is not None:
            return joined, None
        return None, (await _keep_pasted(update, svc, text) if pasted else None)


async def _answer(
    update: Update, context: BriefContext, text: str, *, captioned: bool = False
) -> None:
    message = update.effective_message
    svc = context.services
    lang = svc.lang(update)
    if not text.strip():
        await message.reply_text(tr(lang, "search.usage"))
        return
    # a link is not opened (the bot reads no web page); its words, if any, are searched
    text, links = without_links(text)
    if links and not text.strip(" ，,。"):
        await message.reply_text(tr(lang, "pasted.link_only"))
        return
    # a document's text pasted is no query typed: not "corrected", and said how to add it
    pasted = not links and looks_pasted(text, svc.settings.max_query_chars)
    # kept before the search, for its next part if the client cut it
    joined, token = await _pasted_turn(update, svc, text, pasted) if not links else (None, None)
    if joined is not None:
        part, chars = joined
        said = tr(lang, "pasted.part_joined", parts=part.parts, chars=chars, filename=part.filename)
        keyboard = with_add_pasted(None, part.token, lang)
        await message.reply_html(f"<i>{fmt.escape(said)}</i>", reply_markup=keyboard)
        return
    home = await svc.home_of(chat_of(update))
    # a question typed, not a text pasted, forwarded or captioned (which names its own
    # figures and goes on from nothing)
    by_hand = not (pasted or links or captioned or message.forward_origin is not None)
    # 那就业呢？ after 四川今年GDP目标: the question before with its topic changed
    previous = _asked_before(update, context) if by_hand else None
    # the next morning's 那投资呢？: yesterday's question is not gone on from (FOLLOW_UP_HOURS)
    stale = previous if previous and previous.hours_before(message.date) is not None else None
    previous = None if stale else previous
    searched = _followed(svc, previous, text)
    key, resp, suggestion_keys = await _search(
        svc, searched, user=searcher_of(update), home=home, correct=not pasted
    )
    if by_hand:
        _remember_asked(update, context, Asked(searched, resp.understood, message.date))
    html, keyboard = fmt.search_page(resp, key=key, suggestion_keys=suggestion_keys, lang=lang)
    asked = resp.understood.indicator if resp.understood else None
    # 哪个省GDP增长目标最高: the search gives no card of one region (Engine.search); this does
    if asked and (asks_across_regions(searched) or asks_extreme_region(searched)):
        # 各省GDP目标: the search shows one region's card; /compare lays them side by side
        # 哪些省份GDP增长目标高于5%: the command that keeps those above, not all of them
        condition = condition_in(searched)
        typed = condition.typed if condition else None
        command = " ".join(str(w) for w in ("/compare", asked, resp.understood.year, typed) if w)
        html = f"<i>{fmt.escape(tr(lang, 'search.compare_hint', command=command))}</i>\n\n{html}"
    elif asked and len(resp.understood.regions) > 1 and asks_side_by_side(searched):
        # 成都和重庆今年GDP目标对比: those places, one line each (a missing one said)
        words = ("/compare", asked, resp.understood.year, *resp.understood.regions)
        command = " ".join(str(w) for w in words if w)
        said = tr(lang, "search.compare_places_hint", command=command)
        html = f"<i>{fmt.escape(said)}</i>\n\n{html}"
    if links:
        html = f"<i>{fmt.escape(tr(lang, 'pasted.link_searched'))}</i>\n\n{html}"
    elif message.forward_origin is not None or pasted:
        # a forwarded notice is searched by its words: say so; a document's text, pasted
        # or forwarded, is offered to an admin to add (the text waits on disk, the button
        # names it), anyone else told how it would be added
        said = {"chars": len(text.strip()), "filename": pasted_filename(text)}
        if message.forward_origin is None and token is None:
            note = tr(lang, "pasted.text_searched", **said)
        elif message.forward_origin is None:
            note = tr(lang, "pasted.text_searched_admin", **said)
        elif token is None:
            note = tr(lang, "forwarded.searched", **said)
        else:
            note = tr(lang, "forwarded.searched_admin", **said)
        if token is not None:
            keyboard = with_add_pasted(keyboard, token, lang)
        html = f"<i>{fmt.escape(note)}</i>\n\n{html}"
    elif captioned:  # a picture's caption: the picture itself was not read
        html = f"<i>{fmt.escape(tr(lang, 'caption.searched'))}</i>\n\n{html}"
    # 研发投入强度2.5%: a figure half-remembered, and no passage found writes it; a page of
    # passages about the indicator alone read as the figure's source
    unwritten = figures_unwritten(searched, [h.text for h in resp.hits]) if by_hand else []
    if unwritten:
        figures = (", " if lang == "en" else "、").join(f"“{f}”" for f in unwritten)
        said = tr(lang, "search.figure_unwritten", figures=figures)
        html = f"<i>{fmt.escape(said)}</i>\n\n{html}"
    if previous is not None and searched != text:  # said first: what was searched, and why
        said = tr(lang, "search.follow_up", previous=previous.text, query=searched)
        html = f"<i>{fmt.escape(said)}</i>\n\n{html}"
    elif stale is not None and (whole := _followed(svc, stale, text)) != text:
        said = tr(
            lang,
            "search.follow_up_stale",
            previous=fmt.escape(stale.text),
            hours=stale.hours_before(message.date),
            query=fmt.escape(whole),
        )
        html = f"<i>{said}</i>\n\n{html}"
    await message.reply_html(html, reply_markup=fmt.in_topic(keyboard, _topic_of(message)))


def _accessible(message: MaybeInaccessibleMessage | None) -> bool:
    """Whether Telegram gave the bot ``message`` (PTB reads an ``InaccessibleMessage``, date
    0, into a ``Message`` whose ``is_accessible`` is False: ``isinstance`` never told)."""
    return isinstance(message, Message) and message.is_accessible


def _topic_of(message: Message | MaybeInaccessibleMessage | None) -> int | None:
    """The forum topic ``message`` is in; None outside one (or when Telegram did not say)."""
    if not isinstance(message, Message) or not message.is_topic_message:
        return None
    return message.message_thread_id


# a chat's last question, per user (in a group each member goes on from their own)
_ASKED_KEY = "asked_before"


def _asked_before(update: Update, context: BriefContext) -> Asked | None:
    user = update.effective_user
    if context.chat_data is None or user is None:
        return None
    return context.chat_data.get(_ASKED_KEY, {}).get(user.id)


def _remember_asked(update: Update, context: BriefContext, asked: Asked) -> None:
    user = update.effective_user
    if context.chat_data is not None and user is not None:
        context.chat_data.setdefault(_ASKED_KEY, {})[user.id] = asked


def _followed(svc: Services, previous: Asked | None, text: str) -> str:
    """``text``, or the question before it goes on from (:func:`follow_up`)."""
    try:
        rewritten = follow_up(previous, text, region_named=svc.engine.region_named)
    except AmbiguousPlace:  # 苏州呢: a name two places share is no follow-up's place
        return text
    return rewritten or text


async def search_command(update: Update, context: BriefContext) -> None:
    """/search 关键词"""
    await _answer(update, context, " ".join(context.args or ()))


def _runs(typed: TypedCommand) -> bool:
    """Whether a command Telegram did not mark as one is run: its own name typed with the
    wrong slash; the help, start or the list asked for in words; a name with no slash
    for a command that only shows something (``targets GDP``, never ``subscribe GDP``)."""
    if typed.how == "bare":
        return typed.reads_only
    return typed.how == "typed" or typed.name in ("help", "start", "subscriptions", "admin")


async def search_text(update: Update, context: BriefContext) -> None:
    """Plain text in a private chat is a search, unless it means a command that Telegram
    did not mark as one (``／docs``, ``/subscribe每周一``, ``/订阅 就业``, ``帮助``,
    ``我订阅了什么``, ``subscribe GDP``)."""
    text = update.effective_message.text or ""
    typed = typed_command(text, application_commands(context.application))
    if typed is None:
        await _answer(update, context, text)
    elif _runs(typed):
        await run_as_command(update, context, typed.name, typed.args)
    else:
        svc = context.services
        lang = svc.lang(update)
        if typed.how == "bare":  # subscribe GDP: said back as the command, not run
            said = fmt.typed_command_hint(typed, lang)
            await update.effective_message.reply_html(said)
            return
        usage = fmt.command_usage_html(
            typed.name, default_time=svc.settings.default_digest_time, lang=lang
        )
        said = fmt.typed_command_hint(typed, lang) if typed.how == "chinese" else ""
        await update.effective_message.reply_html("\n\n".join(p for p in (said, usage) if p))


async def search_caption(update: Update, context: BriefContext) -> None:
    """A photo or video with a caption in a private chat (a table's photo captioned
    这张表里的GDP): its picture cannot be read, its caption can, so the caption is searched
    and the reply says the picture was not read."""
    caption = (update.effective_message.caption or "").strip()
    await _answer(update, context, caption, captioned=True)


async def search_mention(update: Update, context: BriefContext) -> None:
    """``@botname 关键词`` in a group."""
    message = update.effective_message
    await _answer(update, context, without_mention(message.text or "", context.bot.username))


# What a member says back to the bot's answer to thank or acknowledge it, not to ask:
# searched, each was answered "no results" in front of the whole group.
_ACKNOWLEDGED = frozenset(
    {"谢谢", "多谢", "感谢", "谢了", "谢啦", "好的", "好", "收到", "明白", "了解", "ok", "okay",
     "thanks", "thank you", "thx", "got it", "👍", "🙏", "👌"}
)  # fmt: skip
_NOT_WORDS = re.compile(r"[\s!！。.,，~～、?？]+")


async def search_reply(update: Update, context: BriefContext) -> None:
    """A member's reply to the bot's message in a group (Telegram delivers those to a bot in
    privacy mode, as it does commands): a search of its words, as a mention is; a thank-you
    is left unanswered. Replied to a results message with 就业, the group got nothing."""
    text = (update.effective_message.text or "").strip()
    if _NOT_WORDS.sub(" ", text).strip().lower() in _ACKNOWLEDGED:
        return
    await _answer(update, context, text)


async def _show(
    update: Update, text: str, keyboard: InlineKeyboardMarkup | None, topic: int | None
) -> None:
    """Replace the results message (or send a new one, in its topic, if it can no longer
    be edited)."""
    query = update.callback_query
    if not _accessible(query.message):  # too old to edit
        await update.effective_chat.send_message(
            text, parse_mode="HTML", reply_markup=keyboard, message_thread_id=topic
        )
        return
    try:
        await query.edit_message_text(text, parse_mode="HTML", reply_markup=keyboard)
    except BadRequest as exc:
        if "not modified" not in exc.message.lower():  # a double tap: already showing it
            raise


async def page_button(update: Update, context: BriefContext) -> None:
    """◀ / ▶, "search as typed" and suggestion buttons: a page of a saved search."""
    query = update.callback_query
    key, page = context.match.group(1), int(context.match.group(2))
    correct, understand = fmt.mode_flags(context.match.group(3))
    topic = _button_topic(update, context.match.group(4))
    svc = context.services
    saved = await svc.run_db(svc.queries.load, key)
    if saved is None:
        await query.answer(tr(svc.lang(update), "search.expired"), show_alert=True)
        return
    await query.answer()
    _key, resp, suggestion_keys = await _search(
        svc,
        saved.text,
        user=searcher_of(update),
        key=key,
        page=page,
        correct=correct,
        understand=understand,
        doc=saved.doc,
        region=saved.region,
        year=saved.year,
        home=await svc.home_of(chat_of(update)),
    )
    html, keyboard = fmt.search_page(
        resp,
        key=key,
        correct=correct,
        understand=understand,
        suggestion_keys=suggestion_keys,
        lang=svc.lang(update),
    )
    await _show(update, html, fmt.in_topic(keyboard, topic), topic)


async def passage_button(update: Update, context: BriefContext) -> None:
    """全文: the whole passage of a hit, as a new message."""
    query = update.callback_query
    doc_id, ordinal = context.match.group(1), int(context.match.group(2))
    svc = context.services
    try:
        document = await svc.run(svc.engine.document, doc_id)
    except DocumentNotFound:
        document = None
    if document is None or ordinal >= len(document.passages):
        await query.answer(tr(svc.lang(update), "search.passage_gone"), show_alert=True)
        return
    await query.answer()
    chunks = fmt.passage_messages(document, ordinal, svc.lang(update))
    if _accessible(query.message):
        keyboard = fmt.in_topic(
            fmt.passage_keyboard(document, ordinal, svc.lang(update)), _topic_of(query.message)
        )
        await reply_html(query.message, chunks, reply_markup=keyboard)
    else:
        topic = _button_topic(update, context.match.group(3))
        keyboard = fmt.in_topic(fmt.passage_keyboard(document, ordinal, svc.lang(update)), topic)
        for n, chunk in enumerate(chunks, 1):
            await update.effective_chat.send_message(
                chunk,
                parse_mode="HTML",
                message_thread_id=topic,
                reply_markup=keyboard if n == len(chunks) else None,
            )


def _button_topic(update: Update, written: str | None) -> int | None:
    """The forum topic of a pressed button's message: the message's own when Telegram gives
    it, else the one written into the button's data (:func:`handlers.format.in_topic`)."""
    return _topic_of(update.callback_query.message) or (int(written) if written else None)


async def stale_button(update: Update, context: BriefContext) -> None:
    """Any other button (from an older version of the bot)."""
    lang = context.services.lang(update)
    await update.callback_query.answer(tr(lang, "search.stale_button"), show_alert=True)


def register(application: Application) -> None:
    add_commands(application, {"search": search_command})
    # a passage a user dropped in through inline mode is not a query (handlers.inline)
    text = NEW_MESSAGES & filters.TEXT & ~filters.COMMAND & ~SENT_VIA_ME
    application.add_handler(MessageHandler(text & filters.ChatType.PRIVATE, search_text))
    application.add_handler(
        MessageHandler(text & filters.ChatType.GROUPS & MENTIONS_BOT, search_mention)
    )
    application.add_handler(
        MessageHandler(text & filters.ChatType.GROUPS & REPLIES_TO_BOT, search_reply)
    )
    # a picture's caption is its one readable part (a sticker or voice has none: left to
    # the fallback that says what the bot reads)
    pictured = filters.PHOTO | filters.VIDEO | filters.ANIMATION
    captioned = NEW_MESSAGES & filters.ChatType.PRIVATE & pictured & filters.CAPTION
    application.add_handler(MessageHandler(captioned, search_caption))
    application.add_handler(ButtonHandler(page_button, pattern=fmt.PAGE_PATTERN))
    application.add_handler(ButtonHandler(passage_button, pattern=fmt.PASSAGE_PATTERN))


def register_fallback(application: Application) -> None:
    """After every other handler: a button nobody handles (from an old message)."""
    application.add_handler(CallbackQueryHandler(stale_button))
