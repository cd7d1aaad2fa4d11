"""The fake Bot API server, driven by a real python-telegram-bot Application.

Everything talks to 127.0.0.1 only; waits go through the server's conditions, never sleeps.
"""

from __future__ import annotations

import asyncio
import datetime as dtm
import hashlib
import json
import struct
import zlib

import httpx
import pytest
from telegram import (
    BotCommand,
    BotCommandScopeAllGroupChats,
    BotCommandScopeChat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    ReplyParameters,
    Update,
)
from telegram.constants import ChatMemberStatus
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Conflict,
    Forbidden,
    InvalidToken,
    RetryAfter,
    TimedOut,
)
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from fake_telegram import FakeBotApi, ManualClock, WaitTimeout, parse_html, polling
from fake_telegram.driver import ANONYMOUS_ADMIN
from fake_telegram.html_parser import EntityParseError


def build_app(server: FakeBotApi, token: str | None = None) -> Application:
    return (
        ApplicationBuilder()
        .token(token or server.token)
        .base_url(server.base_url)
        .base_file_url(server.base_file_url)
        .build()
    )


# PTB 22 warns on every RetryAfter that retry_after will become a timedelta; both work here.
# The fake server as it starts by default (``server``: tests/e2e.py): privacy mode on,
# users with English clients.
pytestmark = [
    pytest.mark.filterwarnings("ignore:.*retry_after.*:telegram.warnings.PTBDeprecationWarning"),
    pytest.mark.fake_bot(privacy_mode=True, language_code="en"),
]


def retry_seconds(exc: RetryAfter) -> float:
    value = exc.retry_after
    return value.total_seconds() if isinstance(value, dtm.timedelta) else float(value)


@pytest.fixture
async def bot_app(server: FakeBotApi):
    """A bare Application (initialised: getMe done) for calling Bot methods directly."""
    app = build_app(server)
    async with app:
        yield app


# -- the echo bot under test -----------------------------------------------------------------

KEYBOARD = InlineKeyboardMarkup(
    [
        [
            InlineKeyboardButton("Yes", callback_data="yes"),
            InlineKeyboardButton("No", callback_data="no"),
        ]
    ]
)


async def on_start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.message.reply_text(
        "Welcome, <b>friend</b> &amp; <i>reader</i>!", parse_mode="HTML", reply_markup=KEYBOARD
    )


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.message.reply_text(f"echo: {update.message.text}")


async def on_edit(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await context.bot.send_chat_action(update.edited_message.chat_id, "typing")
    await update.edited_message.reply_text(f"edited: {update.edited_message.text}")


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    await query.answer(f"you chose {query.data}")
    await query.edit_message_text(f"Chosen: <b>{query.data}</b>", parse_mode="HTML")


async def on_document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    document = update.message.document
    data = await (await document.get_file()).download_as_bytearray()
    digest = hashlib.sha256(bytes(data)).hexdigest()[:12]
    await update.message.reply_text(f"{document.file_name}: {len(data)} bytes, {digest}")


async def on_channel_post(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    post = update.channel_post
    await context.bot.send_message(post.chat_id, f"noted: {post.text}")


async def on_my_chat_member(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    change = update.my_chat_member
    context.bot_data.setdefault("membership", []).append(
        (change.chat.id, change.old_chat_member.status, change.new_chat_member.status)
    )
    if change.new_chat_member.status == ChatMemberStatus.MEMBER:
        await context.bot.send_message(change.chat.id, "Thanks for adding me")


@pytest.fixture
async def echo_bot(server: FakeBotApi):
    """The echo bot polling the fake server, like run_polling() would."""
    app = build_app(server)
    app.add_handler(CommandHandler("start", on_start))
    app.add_handler(MessageHandler(filters.Document.ALL, on_document))
    app.add_handler(MessageHandler(filters.UpdateType.CHANNEL_POST, on_channel_post))
    app.add_handler(MessageHandler(filters.UpdateType.EDITED_MESSAGE, on_edit))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, on_text))
    app.add_handler(CallbackQueryHandler(on_button))
    app.add_handler(ChatMemberHandler(on_my_chat_member, ChatMemberHandler.MY_CHAT_MEMBER))
    async with polling(app, timeout=5):
        yield app


# -- end to end through the polling Application ----------------------------------------------


async def test_startup_calls_and_command_reply(server: FakeBotApi, echo_bot: Application) -> None:
    alice = server.add_user("Alice", username="alice")
    sent = await server.send_message(alice, alice, "/start")
    assert sent["entities"] == [{"offset": 0, "length": 6, "type": "bot_command"}]

    reply = await server.next_bot_message(alice)
    assert reply["text"] == "Welcome, friend & reader!"
    assert [(e["type"], e["offset"], e["length"]) for e in reply["entities"]] == [
        ("bold", 9, 6),
        ("italic", 18, 6),
    ]
    assert reply["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "yes"
    assert reply["from"] == {
        "id": server.bot.id,
        "is_bot": True,
        "first_name": "Fake Bot",
        "username": "fake_test_bot",
    }
    # What PTB calls when an Application starts polling.
    methods = [call.method for call in server.sent]
    assert methods[:3] == ["getMe", "deleteWebhook", "getUpdates"]
    assert server.calls("deleteWebhook")[0].params == {}


async def test_plain_text_is_echoed_in_order(server: FakeBotApi, echo_bot: Application) -> None:
    bob = server.add_user("Bob")
    for text in ("one", "two", "three"):
        await server.send_message(bob, bob, text)
    replies = [(await server.next_bot_message(bob))["text"] for _ in range(3)]
    assert replies == ["echo: one", "echo: two", "echo: three"]
    history = server.messages(bob)
    assert [m["text"] for m in history if m["from"]["id"] == bob.id] == ["one", "two", "three"]
    assert [m["text"] for m in server.bot_messages(bob)] == replies


async def test_edited_message_reaches_handler(server: FakeBotApi, echo_bot: Application) -> None:
    eve = server.add_user("Eve")
    original = await server.send_message(eve, eve, "draft")
    assert (await server.next_bot_message(eve))["text"] == "echo: draft"
    edited = await server.edit_message(original, "final")
    assert edited["edit_date"] >= edited["date"]
    assert (await server.next_call("sendChatAction", chat=eve)).params["action"] == "typing"
    reply = await server.next_bot_message(eve)
    assert reply["text"] == "edited: final"


async def test_button_press_answers_and_edits(server: FakeBotApi, echo_bot: Application) -> None:
    carol = server.add_user("Carol")
    await server.send_message(carol, carol, "/start")
    menu = await server.next_bot_message(carol)

    query = await server.press_button(menu, "no", carol)
    answer = await server.next_call("answerCallbackQuery")
    assert answer.ok and answer.params["text"] == "you chose no"
    assert server.callback_answer(query) == {"text": "you chose no"}

    edit = await server.next_call("editMessageText", chat=carol)
    assert edit.ok
    assert edit.message["text"] == "Chosen: no"
    assert edit.message["message_id"] == menu["message_id"]
    assert "reply_markup" not in edit.message  # an edit without reply_markup drops the keyboard
    stored = [m for m in server.bot_messages(carol) if m["message_id"] == menu["message_id"]]
    assert stored[0]["text"] == "Chosen: no" and "edit_date" in stored[0]
    with pytest.raises(ValueError, match="no button"):
        await server.press_button(menu, "yes", carol)


async def test_document_is_downloaded_by_the_bot(server: FakeBotApi, echo_bot: Application) -> None:
    dave = server.add_user("Dave")
    payload = "政策简报 policy brief\n".encode() * 100
    await server.send_document(dave, dave, "brief.txt", payload, "text/plain")
    reply = await server.next_bot_message(dave)
    digest = hashlib.sha256(payload).hexdigest()[:12]
    assert reply["text"] == f"brief.txt: {len(payload)} bytes, {digest}"
    get_file = server.calls("getFile")[0]
    assert get_file.result["file_path"].startswith("documents/")
    assert server.backend.downloads == [get_file.result["file_path"]]


async def test_channel_post_reaches_handler(server: FakeBotApi, echo_bot: Application) -> None:
    channel = server.add_chat("channel", "Policy News", username="policy_news")
    post = await server.channel_post(channel, "New circular published")
    assert post["sender_chat"]["id"] == channel.id and "from" not in post
    reply = await server.next_bot_message(channel)
    assert reply["text"] == "noted: New circular published"
    assert reply["sender_chat"]["id"] == channel.id and "from" not in reply


async def test_my_chat_member_add_and_kick(server: FakeBotApi, echo_bot: Application) -> None:
    group = server.add_chat("supergroup", "Analysts", bot_status="left")
    await server.my_chat_member(group, "left", "member")
    welcome = await server.next_bot_message(group)
    assert welcome["text"] == "Thanks for adding me"

    await server.my_chat_member(group, "member", "kicked")
    # Updates are handled in order, so once a later echo is back the kick was handled too.
    someone = server.add_user("Someone")
    await server.send_message(someone, someone, "ping")
    assert (await server.next_bot_message(someone))["text"] == "echo: ping"
    assert echo_bot.bot_data["membership"] == [
        (group.id, "left", "member"),
        (group.id, "member", "kicked"),
    ]
    with pytest.raises(Forbidden, match="bot was kicked from the supergroup chat"):
        await echo_bot.bot.send_message(group.id, "still here?")


# -- getUpdates semantics --------------------------------------------------------------------


async def test_get_updates_offset_limit_and_negative_offset(
    server: FakeBotApi, bot_app: Application
) -> None:
    erin = server.add_user("Erin")
    for text in ("a", "b", "c", "d"):
        await server.send_message(erin, erin, text)
    bot = bot_app.bot

    first = await bot.get_updates()
    ids = [u.update_id for u in first]
    assert [u.message.text for u in first] == ["a", "b", "c", "d"]
    assert [u.update_id for u in await bot.get_updates()] == ids  # nothing confirmed yet
    assert [u.update_id for u in await bot.get_updates(limit=2)] == ids[:2]

    confirmed = await bot.get_updates(offset=ids[2])  # confirms a and b
    assert [u.message.text for u in confirmed] == ["c", "d"]
    assert [u["update_id"] for u in server.pending_updates] == ids[2:]

    assert [u.message.text for u in await bot.get_updates(offset=-1)] == ["d"]
    assert [u["update_id"] for u in server.pending_updates] == [ids[3]]  # c was forgotten
    assert await bot.get_updates(offset=ids[3] + 1) == ()
    assert server.pending_updates == []


async def test_long_poll_returns_as_soon_as_an_update_arrives(
    server: FakeBotApi, bot_app: Application
) -> None:
    frank = server.add_user("Frank")
    loop = asyncio.get_running_loop()
    started = loop.time()
    poll = asyncio.create_task(bot_app.bot.get_updates(timeout=30))
    await server.wait_until_polling()
    await server.send_message(frank, frank, "wake up")
    updates = await asyncio.wait_for(poll, timeout=5)
    assert [u.message.text for u in updates] == ["wake up"]
    assert loop.time() - started < 2  # far below the 30 s long-poll timeout


async def test_long_poll_times_out_empty(server: FakeBotApi, bot_app: Application) -> None:
    loop = asyncio.get_running_loop()
    started = loop.time()
    assert await bot_app.bot.get_updates(timeout=0.2) == ()
    assert 0.15 <= loop.time() - started < 2


async def test_second_poller_terminates_the_first(server: FakeBotApi, bot_app: Application) -> None:
    first = asyncio.create_task(bot_app.bot.get_updates(timeout=30))
    await server.wait_until_polling()
    async with build_app(server) as second_instance:  # a second copy of the bot starts polling
        assert await second_instance.bot.get_updates(timeout=0) == ()
    with pytest.raises(Conflict, match="terminated by other getUpdates request"):
        await asyncio.wait_for(first, timeout=5)


async def test_allowed_updates_filters_new_updates(
    server: FakeBotApi, bot_app: Application
) -> None:
    gina = server.add_user("Gina")
    await bot_app.bot.get_updates(allowed_updates=["callback_query"])
    await server.send_message(gina, gina, "not wanted")
    assert server.pending_updates == []
    await bot_app.bot.get_updates(allowed_updates=[])  # back to the default set
    await server.send_message(gina, gina, "wanted")
    assert [u["message"]["text"] for u in server.pending_updates] == ["wanted"]


async def test_webhook_blocks_polling(server: FakeBotApi, bot_app: Application) -> None:
    henk = server.add_user("Henk")
    bot = bot_app.bot
    assert await bot.set_webhook("https://example.org/hook")
    await server.send_message(henk, henk, "queued")
    with pytest.raises(Conflict, match="webhook is active"):
        await bot.get_updates()
    info = await bot.get_webhook_info()
    assert info.url == "https://example.org/hook" and info.pending_update_count == 1
    with pytest.raises(BadRequest, match="https url must be provided"):
        await bot.set_webhook("http://example.org/hook")
    assert await bot.delete_webhook(drop_pending_updates=True)
    assert (await bot.get_webhook_info()).pending_update_count == 0
    assert await bot.get_updates() == ()


# -- privacy mode ----------------------------------------------------------------------------


async def test_privacy_mode_in_groups(server: FakeBotApi) -> None:
    group = server.add_chat("group", "Team")
    ivan = server.add_user("Ivan")
    mention = await server.send_message(group, ivan, "hi @fake_test_bot, see #budget")
    assert [e["type"] for e in mention["entities"]] == ["mention", "hashtag"]
    await server.send_message(group, ivan, "just chatting")
    await server.send_message(group, ivan, "/help@other_bot")
    await server.send_message(group, ivan, "/help")
    await server.send_message(group, ivan, "/help@fake_test_bot")
    assert [u["message"]["text"] for u in server.pending_updates] == [
        "/help",
        "/help@fake_test_bot",
    ]
    server.set_member(group, server.bot, "administrator")
    await server.send_message(group, ivan, "admins see everything")
    assert server.pending_updates[-1]["message"]["text"] == "admins see everything"


# -- validation errors surfacing in PTB ------------------------------------------------------


@pytest.mark.parametrize(
    ("markup", "detail"),
    [
        ("<b>bold", 'can\'t find end tag corresponding to start tag "b"'),
        ("<b>x</i>", 'unmatched end tag at byte offset 4, expected "</b>", found "</i>"'),
        ("<p>para</p>", 'unsupported start tag "p" at byte offset 0'),
        ("1 < 2", 'unsupported start tag "" at byte offset 2'),
        ("x</b>", "unexpected end tag at byte offset 1"),
        ('<span class="x">s</span>', 'tag "span" must have class "tg-spoiler" at byte offset 0'),
        ("政策<b", "unclosed start tag at byte offset 6"),
    ],
)
async def test_malformed_html_is_a_bad_request(
    server: FakeBotApi, bot_app: Application, markup: str, detail: str
) -> None:
    user = server.add_user("Jan")
    with pytest.raises(BadRequest) as caught:
        await bot_app.bot.send_message(user.id, markup, parse_mode="HTML")
    assert caught.value.message.lower() == f"can't parse entities: {detail}".lower()
    call = server.calls("sendMessage")[-1]
    assert call.error.description == f"Bad Request: can't parse entities: {detail}" or (
        call.error.description.lower() == f"bad request: can't parse entities: {detail}".lower()
    )
    assert server.messages(user) == []


async def test_supported_html_tags(server: FakeBotApi, bot_app: Application) -> None:
    user = server.add_user("Kim")
    markup = (
        "<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins><s>s</s>"
        "<strike>k</strike><del>d</del><tg-spoiler>p</tg-spoiler>"
        '<a href="https://gov.cn/x">l</a><code>c</code><pre>p</pre><blockquote>q</blockquote>'
    )
    message = await bot_app.bot.send_message(user.id, markup, parse_mode="HTML")
    assert message.text == "bsieunskdplcpq"
    kinds = [e.type for e in message.entities]
    assert kinds == [
        "bold",
        "bold",
        "italic",
        "italic",
        "underline",
        "underline",
        "strikethrough",
        "strikethrough",
        "strikethrough",
        "spoiler",
        "text_link",
        "code",
        "pre",
        "blockquote",
    ]
    assert message.entities[10].url == "https://gov.cn/x"


def test_html_parser_offsets_are_utf16() -> None:
    text, entities = parse_html(
        '😀 <b>粗体 &lt;x&gt;</b> <pre><code class="language-py">1</code></pre>'
    )
    assert text == "😀 粗体 <x> 1"
    assert entities == [
        {"offset": 3, "length": 6, "type": "bold"},
        {"offset": 10, "length": 1, "type": "pre", "language": "py"},
    ]
    with pytest.raises(EntityParseError, match="byte offset 8"):
        parse_html("😀<i>x</b>")  # the emoji is 4 bytes, <i> 3 and x 1


async def test_message_length_limit_counts_parsed_text(
    server: FakeBotApi, bot_app: Application
) -> None:
    user = server.add_user("Lea")
    bot = bot_app.bot
    ok = await bot.send_message(user.id, "<b>" + "政" * 4096 + "</b>", parse_mode="HTML")
    assert len(ok.text) == 4096
    with pytest.raises(BadRequest, match=r"(?i)message is too long"):
        await bot.send_message(user.id, "x" * 4097)
    with pytest.raises(BadRequest, match=r"(?i)message is too long"):
        await bot.send_message(user.id, "😀" * 2049)  # 4098 UTF-16 code units
    with pytest.raises(BadRequest, match=r"(?i)message text is empty"):
        await bot.send_message(user.id, "")
    with pytest.raises(BadRequest, match=r"(?i)message must be non-empty"):
        await bot.send_message(user.id, "<b> </b>", parse_mode="HTML")


async def test_callback_data_limit_is_64_bytes(server: FakeBotApi, bot_app: Application) -> None:
    user = server.add_user("Max")

    def keyboard(data: str) -> InlineKeyboardMarkup:
        return InlineKeyboardMarkup([[InlineKeyboardButton("go", callback_data=data)]])

    ok = await bot_app.bot.send_message(user.id, "fits", reply_markup=keyboard("政" * 21 + "x"))
    assert ok.reply_markup.inline_keyboard[0][0].callback_data == "政" * 21 + "x"  # 64 bytes
    with pytest.raises(BadRequest, match=r"(?i)button_data_invalid"):
        await bot_app.bot.send_message(user.id, "too big", reply_markup=keyboard("政" * 22))


async def test_edit_errors(server: FakeBotApi, bot_app: Application) -> None:
    user = server.add_user("Nia")
    bot = bot_app.bot
    message = await bot.send_message(user.id, "same", reply_markup=KEYBOARD)
    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await bot.edit_message_text("same", user.id, message.message_id, reply_markup=KEYBOARD)
    edited = await bot.edit_message_reply_markup(user.id, message.message_id, reply_markup=None)
    assert edited.reply_markup is None
    with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
        await bot.edit_message_text("new", user.id, 999)
    theirs = await server.send_message(user, user, "mine")
    with pytest.raises(BadRequest, match=r"(?i)message can't be edited"):
        await bot.edit_message_text("new", user.id, theirs["message_id"])
    assert await bot.delete_message(user.id, message.message_id)
    with pytest.raises(BadRequest, match=r"(?i)message to delete not found"):
        await bot.delete_message(user.id, message.message_id)


async def test_replies(server: FakeBotApi, bot_app: Application) -> None:
    user = server.add_user("Omar")
    question = await server.send_message(user, user, "what changed?")
    reply = await bot_app.bot.send_message(
        user.id, "answer", reply_parameters=ReplyParameters(question["message_id"])
    )
    assert reply.reply_to_message.text == "what changed?"
    with pytest.raises(BadRequest, match=r"(?i)message to be replied not found"):
        await bot_app.bot.send_message(user.id, "x", reply_parameters=ReplyParameters(4242))
    lenient = ReplyParameters(4242, allow_sending_without_reply=True)
    assert (await bot_app.bot.send_message(user.id, "x", reply_parameters=lenient)).text == "x"


# -- tokens, raw HTTP shapes -----------------------------------------------------------------


async def test_polling_starts_and_stops_as_run_polling_does(server: FakeBotApi) -> None:
    hooks: list[str] = []

    def hook(name: str):
        async def called(app: Application) -> None:
            hooks.append(f"{name}:{'running' if app.running else 'idle'}")

        return called

    endpoint = server.endpoint
    assert set(endpoint) == {"token", "base_url", "base_file_url"}
    app = (
        ApplicationBuilder()
        .token(endpoint["token"])
        .base_url(endpoint["base_url"])
        .base_file_url(endpoint["base_file_url"])
        .post_init(hook("init"))
        .post_stop(hook("stop"))
        .post_shutdown(hook("shutdown"))
        .build()
    )
    async with polling(app) as served:
        assert served is app and app.running and app.updater.running
        await server.wait_until_polling(timeout=5)
    assert not app.running and not app.updater.running
    assert hooks == ["init:idle", "stop:idle", "shutdown:idle"]


async def test_bad_token_is_invalid_token(server: FakeBotApi) -> None:
    app = build_app(server, token="42:not-the-right-token")
    with pytest.raises(InvalidToken):
        await app.initialize()
    await app.bot.shutdown()  # Application.shutdown() skips a bot that never initialised
    assert server.sent[-1].error.error_code == 401


async def test_raw_http_answers(server: FakeBotApi) -> None:
    user = server.add_user("Pia")
    base = f"{server.base_url}{server.token}"
    async with httpx.AsyncClient() as client:
        wrong = await client.post(f"{server.base_url}1:abc/getMe")
        assert (wrong.status_code, wrong.json()) == (
            401,
            {"ok": False, "error_code": 401, "description": "Unauthorized"},
        )
        unknown = await client.post(f"{base}/noSuchMethod")
        assert unknown.status_code == 404
        assert unknown.json()["description"] == "Not Found: method not found"
        missing = await client.post(f"{base}/sendMessage", json={"text": "hi"})
        assert missing.json() == {
            "ok": False,
            "error_code": 400,
            "description": "Bad Request: chat_id is empty",
        }
        by_get = await client.get(f"{base}/SENDMESSAGE", params={"chat_id": user.id, "text": "q"})
        assert by_get.json()["result"]["text"] == "q"  # method names are case-insensitive
        by_form = await client.post(
            f"{base}/sendMessage",
            data={
                "chat_id": str(user.id),
                "text": "f",
                "reply_markup": json.dumps(KEYBOARD.to_dict()),
            },
        )
        assert by_form.json()["result"]["reply_markup"] == KEYBOARD.to_dict()
        bad_json = await client.post(
            f"{base}/sendMessage", data={"chat_id": str(user.id), "text": "f", "reply_markup": "{"}
        )
        assert bad_json.json()["description"] == (
            "Bad Request: can't parse reply keyboard markup JSON object"
        )


# -- files -----------------------------------------------------------------------------------


def tiny_png(width: int = 3, height: int = 2) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"".join(b"\x00" + b"\x00\x00\x00" * width for _ in range(height)))
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


async def test_bot_uploads_documents_and_photos(server: FakeBotApi, bot_app: Application) -> None:
    user = server.add_user("Quin")
    bot = bot_app.bot
    sent = await bot.send_document(
        user.id,
        InputFile(b"%PDF-1.4 fake", filename="brief.pdf"),
        caption="<b>Brief</b>",
        parse_mode="HTML",
    )
    assert sent.document.file_name == "brief.pdf" and sent.caption == "Brief"
    assert server.file_bytes(sent.document.file_id) == b"%PDF-1.4 fake"
    again = await bot.send_document(user.id, sent.document.file_id)
    assert again.document.file_unique_id == sent.document.file_unique_id

    photo = await bot.send_photo(user.id, InputFile(tiny_png(), filename="p.png"))
    assert (photo.photo[-1].width, photo.photo[-1].height) == (3, 2)
    with pytest.raises(BadRequest, match=r"(?i)image_process_failed"):
        await bot.send_photo(user.id, InputFile(b"not an image", filename="x.png"))
    with pytest.raises(BadRequest, match=r"(?i)wrong file identifier"):
        await bot.send_document(user.id, "no-such-file-id")
    downloaded = await (await bot.get_file(sent.document.file_id)).download_as_bytearray()
    assert bytes(downloaded) == b"%PDF-1.4 fake"


async def test_get_file_refuses_files_over_20_mb(server: FakeBotApi, bot_app: Application) -> None:
    user = server.add_user("Rae")
    message = await server.send_document(user, user, "big.bin", b"\0" * (20 * 1024 * 1024 + 1))
    with pytest.raises(BadRequest, match=r"(?i)file is too big"):
        await bot_app.bot.get_file(message["document"]["file_id"])


# -- chats and members -----------------------------------------------------------------------


async def test_chats_members_and_rights(server: FakeBotApi, bot_app: Application) -> None:
    bot = bot_app.bot
    owner = server.add_user("Sam")
    group = server.add_chat("supergroup", "Analysts")
    server.set_member(group, owner, "creator")
    channel = server.add_chat("channel", "Bulletin", username="bulletin")

    assert (await bot.get_chat("@bulletin")).id == channel.id
    assert (await bot.get_chat_member(group.id, owner.id)).status == "creator"
    admins = await bot.get_chat_administrators(group.id)
    assert [a.user.id for a in admins] == [owner.id]
    assert (await bot.send_message("@bulletin", "post")).sender_chat.id == channel.id

    server.set_member(channel, server.bot, "administrator", can_post_messages=False)
    with pytest.raises(BadRequest, match=r"(?i)need administrator rights in the channel chat"):
        await bot.send_message(channel.id, "post")
    server.set_member(group, server.bot, "left")
    with pytest.raises(Forbidden, match="bot is not a member of the supergroup chat"):
        await bot.send_message(group.id, "hello")
    with pytest.raises(BadRequest, match=r"(?i)chat not found"):
        await bot.send_message(-1, "nobody")
    private = server.add_chat("private", "Uli", username="uli")
    assert (await bot.send_message(private.id, "hi")).chat.username == "uli"
    server.set_member(owner, server.bot, "kicked")  # the user blocked the bot
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot.send_message(owner.id, "hello?")


async def test_chat_member_updates_need_allowed_updates(
    server: FakeBotApi, bot_app: Application
) -> None:
    group = server.add_chat("supergroup", "Watched", bot_status="administrator")
    user = server.add_user("Lin")
    assert await server.chat_member(group, user, "left", "member") is None  # not asked for
    await bot_app.bot.get_updates(allowed_updates=["chat_member"])
    update = await server.chat_member(group, user, "member", "restricted", can_send_messages=False)
    assert update is not None
    (received,) = await bot_app.bot.get_updates()
    assert received.chat_member.new_chat_member.status == "restricted"
    assert received.chat_member.new_chat_member.can_send_messages is False
    assert (await bot_app.bot.get_chat_member(group.id, user.id)).status == "restricted"
    assert await bot_app.bot.get_chat_member_count(group.id) == 2  # the bot and Lin


async def test_leave_chat_sends_my_chat_member(server: FakeBotApi, bot_app: Application) -> None:
    group = server.add_chat("group", "Old team")
    assert await bot_app.bot.leave_chat(group.id)
    update = server.pending_updates[-1]["my_chat_member"]
    assert update["new_chat_member"]["status"] == "left"
    assert update["old_chat_member"]["status"] == "member"


async def test_group_migration_raises_chat_migrated(
    server: FakeBotApi, bot_app: Application
) -> None:
    group = server.add_chat("group", "Growing")
    supergroup = await server.migrate_to_supergroup(group)
    with pytest.raises(ChatMigrated) as caught:
        await bot_app.bot.send_message(group.id, "hi")
    assert caught.value.new_chat_id == supergroup.id


async def test_topics_and_anonymous_admins_as_in_telegram(
    server: FakeBotApi, bot_app: Application
) -> None:
    """A member's message in a forum topic carries the topic (and replies to its creation
    when it replies to nothing); the bot's reply to it lands in that topic, a message
    sent with neither in General; an anonymous admin writes as GroupAnonymousBot with the
    group as ``sender_chat`` (group-trial17)."""
    lead = server.add_user("Lead")
    chat = server.add_chat("supergroup", "T", is_forum=True, bot_status="administrator")
    server.set_member(chat, lead, "creator")
    topic = await server.create_forum_topic(chat, "宏观", by=lead)
    said = await server.send_message(chat, lead, "hello", thread=topic)
    assert (said["message_thread_id"], said["is_topic_message"]) == (topic, True)
    assert said["reply_to_message"]["forum_topic_created"]["name"] == "宏观"
    anonymous = await server.send_message(chat, lead, "x", anonymous=True)
    assert anonymous["from"] == ANONYMOUS_ADMIN and anonymous["sender_chat"]["id"] == chat.id
    bot = bot_app.bot
    reply = await bot.send_message(chat.id, "answer", reply_to_message_id=said["message_id"])
    into = await bot.send_message(chat.id, "digest", message_thread_id=topic)
    general = await bot.send_message(chat.id, "to all")
    assert (reply.message_thread_id, into.message_thread_id) == (topic, topic)
    assert reply.is_topic_message and general.message_thread_id is None


# -- commands --------------------------------------------------------------------------------


async def test_commands_are_stored_per_scope_and_language(
    server: FakeBotApi, bot_app: Application
) -> None:
    bot = bot_app.bot
    user = server.add_user("Tao")
    group = server.add_chat("group", "Team")
    english = [BotCommand("search", "Search documents"), BotCommand("help", "Help")]
    chinese = [BotCommand("search", "搜索文件")]
    assert await bot.set_my_commands(english)
    assert await bot.set_my_commands(chinese, language_code="zh")
    assert await bot.set_my_commands(
        [BotCommand("digest", "Daily digest")], scope=BotCommandScopeAllGroupChats()
    )

    assert [c.command for c in await bot.get_my_commands()] == ["search", "help"]
    assert [c.description for c in await bot.get_my_commands(language_code="zh")] == ["搜索文件"]
    assert await bot.get_my_commands(language_code="de") == ()
    assert await bot.get_my_commands(scope=BotCommandScopeChat(group.id)) == ()

    assert [c["command"] for c in server.visible_commands(user, language_code="de")] == [
        "search",
        "help",
    ]
    assert server.visible_commands(user, language_code="zh")[0]["description"] == "搜索文件"
    assert [c["command"] for c in server.visible_commands(group, user)] == ["digest"]

    assert await bot.delete_my_commands(language_code="zh")
    assert await bot.get_my_commands(language_code="zh") == ()
    with pytest.raises(BadRequest, match=r"(?i)bot_command_invalid"):
        await bot.set_my_commands([BotCommand("Bad-Name", "x")])


# -- failure simulation ----------------------------------------------------------------------


async def test_fail_next_retry_after_and_forbidden(
    server: FakeBotApi, bot_app: Application
) -> None:
    uma, vic = server.add_user("Uma"), server.add_user("Vic")
    bot = bot_app.bot
    server.fail_next("sendMessage", 429, retry_after=7)
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(uma.id, "first")
    assert retry_seconds(caught.value) == 7
    assert (await bot.send_message(uma.id, "second")).text == "second"  # used up

    server.fail_next("send_message", 403, times=2, chat_id=vic)
    assert (await bot.send_message(uma.id, "other chat")).text == "other chat"
    for _ in range(2):
        with pytest.raises(Forbidden, match="bot was blocked by the user"):
            await bot.send_message(vic.id, "hello")
    assert (await bot.send_message(vic.id, "hello")).text == "hello"
    assert [c.ok for c in server.calls("sendMessage")] == [False, True, True, False, False, True]


async def test_delay_next_makes_the_client_time_out(
    server: FakeBotApi, bot_app: Application
) -> None:
    user = server.add_user("Wen")
    server.delay_next("sendMessage", 0.5)
    with pytest.raises(TimedOut):
        await bot_app.bot.send_message(user.id, "slow", read_timeout=0.05)
    # Like real Telegram, the request still went through after the client gave up.
    call = await server.next_call("sendMessage", chat=user)
    assert call.ok and call.message["text"] == "slow"


async def test_rate_limits_with_a_manual_clock(server: FakeBotApi, bot_app: Application) -> None:
    clock = ManualClock()
    server.enforce_limits(global_per_sec=3, per_group_per_min=2, per_chat_per_sec=1, clock=clock)
    bot = bot_app.bot
    xia, yan, zed, ann = (server.add_user(name) for name in ("Xia", "Yan", "Zed", "Ann"))
    group = server.add_chat("supergroup", "Busy")

    await bot.send_message(xia.id, "1")
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(xia.id, "2")  # one per second per chat
    assert retry_seconds(caught.value) == 1
    await bot.send_message(yan.id, "3")
    await bot.send_message(zed.id, "4")
    with pytest.raises(RetryAfter):
        await bot.send_message(ann.id, "5")  # 3 per second overall
    clock.advance(1.0)
    await bot.send_message(xia.id, "6")

    await bot.send_message(group.id, "g1")
    clock.advance(1.0)
    await bot.send_message(group.id, "g2")
    clock.advance(1.0)
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(group.id, "g3")  # 2 per minute per group
    assert retry_seconds(caught.value) == 58
    clock.advance(58)
    await bot.send_message(group.id, "g3")

    stats = server.limit_stats
    assert (stats.total_accepted, stats.total_rejected) == (7, 3)
    assert stats.accepted["sendMessage"] == 7


async def test_wait_for_times_out_with_a_clear_error(server: FakeBotApi) -> None:
    user = server.add_user("Ada")
    with pytest.raises(WaitTimeout, match=f"bot message in chat {user.id}"):
        await server.next_bot_message(user, timeout=0.05)


@pytest.mark.fake_bot(inline_mode=True)
async def test_inline_query_answer_is_checked_and_recorded(
    server: FakeBotApi, bot_app: Application
) -> None:
    from telegram import (
        InlineQueryResultArticle,
        InlineQueryResultsButton,
        InputTextMessageContent,
    )

    assert bot_app.bot.supports_inline_queries  # getMe says what /setinline set
    ivy = server.add_user("Ivy")
    query = await server.inline_query(ivy, "GDP", offset="2", chat_type="group")
    assert server.pending_updates[-1]["inline_query"]["offset"] == "2"

    def article(result_id: str, html: str) -> InlineQueryResultArticle:
        return InlineQueryResultArticle(
            result_id, "Title", InputTextMessageContent(html, parse_mode="HTML")
        )

    bot = bot_app.bot
    with pytest.raises(BadRequest, match=r"(?i)result_id_duplicate"):
        await bot.answer_inline_query(query["id"], [article("a", "x"), article("a", "y")])
    with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
        await bot.answer_inline_query(query["id"], [article("a", "<b>open")])
    with pytest.raises(BadRequest, match=r"(?i)start_param_invalid"):
        button = InlineQueryResultsButton("Open", start_parameter="not ok!")
        await bot.answer_inline_query(query["id"], [], button=button)
    assert server.inline_answer(query) is None  # refused answers are not kept
    await bot.answer_inline_query(
        query["id"], [article("a", "<b>GDP</b> &lt;5%")], next_offset="3", is_personal=True
    )
    answer = server.inline_answer(query)
    assert answer["next_offset"] == "3" and answer["is_personal"]
    assert answer["results"][0]["message"] == {
        "text": "GDP <5%",
        "entities": [{"type": "bold", "offset": 0, "length": 3}],
    }
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):  # answered once only
        await bot.answer_inline_query(query["id"], [])
    # picked in a group: sent there as Ivy's, via the bot, which gets it despite privacy mode
    group = server.add_chat("group", "Team")
    sent = await server.send_inline_result(group, ivy, query, "a")
    assert sent["via_bot"]["id"] == server.bot.id and sent["text"] == "GDP <5%"
    assert server.pending_updates[-1]["message"]["message_id"] == sent["message_id"]


async def test_inline_queries_need_inline_mode(server: FakeBotApi) -> None:
    assert not server.backend.world.bot.to_api(full=True)["supports_inline_queries"]
    with pytest.raises(ValueError, match="inline mode is off"):
        await server.inline_query(server.add_user("Jo"), "GDP")
