"""FakeBotApi: run the fake Telegram server in-process and drive it from tests or a console.

Typical use::

    async with FakeBotApi() as server:
        app = (ApplicationBuilder().token(server.token)
               .base_url(server.base_url).base_file_url(server.base_file_url).build())
        alice = server.add_user("Alice")
        ...
        await server.send_message(alice, alice, "/start")
        reply = await server.next_bot_message(alice)
"""

from __future__ import annotations

import copy
import itertools
from typing import Any

from aiohttp import web

from fake_telegram.backend import Backend, WaitTimeout
from fake_telegram.formatting import find_entities
from fake_telegram.http_app import build_app
from fake_telegram.methods_chats import member_change
from fake_telegram.models import Chat, ChatType, Member, Status, User
from fake_telegram.observing import Observing
from fake_telegram.serving import Endpoint
from fake_telegram.text_utils import utf16_slice
from fake_telegram.world import ChatRef, UserRef, World

# Who an administrator posting "as the group" is, in every group (Telegram's own bot account).
ANONYMOUS_ADMIN: dict[str, Any] = {
    "id": 1087968824,
    "is_bot": True,
    "first_name": "Group",
    "username": "GroupAnonymousBot",
}

MessageRef = dict[str, Any]


class FakeBotApi(Observing):
    """An in-process Bot API server on 127.0.0.1 plus the handles to script and inspect it.

    Scripting users and chats is here; waiting for, inspecting and disturbing the bot's
    calls is :class:`~fake_telegram.observing.Observing`.
    """

    def __init__(
        self,
        token: str = "123456789:FAKE-test-token",
        *,
        bot_username: str = "fake_test_bot",
        bot_name: str = "Fake Bot",
        privacy_mode: bool = True,
        inline_mode: bool = False,
        host: str = "127.0.0.1",
        port: int = 0,
        language_code: str | None = "en",
    ) -> None:
        self.backend = Backend(
            token,
            bot_username=bot_username,
            bot_name=bot_name,
            privacy_mode=privacy_mode,
            inline_mode=inline_mode,
        )
        # The Telegram client language of users added without one (add_user, add_chat).
        self.backend.world.language_code = language_code
        self.host, self._requested_port = host, port
        self.port: int | None = None
        self._runner: web.AppRunner | None = None
        self._query_ids = itertools.count(4_000_000_000_000_000_001)

    # -- lifecycle -------------------------------------------------------------------------

    async def start(self) -> FakeBotApi:
        """Bind (a free port by default) and serve."""
        if self._runner is not None:
            return self
        runner = web.AppRunner(build_app(self.backend), access_log=None, shutdown_timeout=1.0)
        await runner.setup()
        site = web.TCPSite(runner, self.host, self._requested_port)
        await site.start()
        self._runner = runner
        self.port = int(runner.addresses[0][1])
        return self

    async def stop(self) -> None:
        """Release waiting long polls and delays, then close the server."""
        if self._runner is None:
            return
        await self.backend.close()
        await self._runner.cleanup()
        self._runner = None

    async def __aenter__(self) -> FakeBotApi:
        return await self.start()

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    @property
    def url(self) -> str:
        if self.port is None:
            raise RuntimeError("the fake server is not running; await start() first")
        return f"http://{self.host}:{self.port}"

    @property
    def base_url(self) -> str:
        """For ``ApplicationBuilder().base_url(...)`` (PTB appends the token)."""
        return f"{self.url}/bot"

    @property
    def base_file_url(self) -> str:
        """For ``ApplicationBuilder().base_file_url(...)``."""
        return f"{self.url}/file/bot"

    @property
    def token(self) -> str:
        return self.backend.token

    @property
    def endpoint(self) -> Endpoint:
        """The token and URLs a bot reaches the server with, as keyword arguments of
        ``ApplicationBuilder``-style builders (``build_application(..., **server.endpoint)``)
        and as plain JSON for a bot in another process."""
        return Endpoint(token=self.token, base_url=self.base_url, base_file_url=self.base_file_url)

    @property
    def bot(self) -> User:
        return self.backend.world.bot

    @property
    def world(self) -> World:
        """The underlying registry, for anything the helpers here do not cover."""
        return self.backend.world

    # -- registry --------------------------------------------------------------------------

    def add_user(self, first_name: str = "Test", **kwargs: Any) -> User:
        """A user (and their private chat with the bot). Keywords: id, username, last_name,
        language_code, is_bot, is_premium."""
        return self.backend.world.add_user(first_name, **kwargs)

    def add_chat(self, type: ChatType, title: str | None = None, **kwargs: Any) -> Chat:
        """A group, supergroup or channel. Keywords: id, username, description, is_forum,
        bot_status (default member; administrator with posting rights for channels) and the
        bot's rights (e.g. can_delete_messages=True).

        ``add_chat("private", "Name", ...)`` creates a user (add_user keywords) and returns
        their private chat, whose id is the user's id.
        """
        if type == "private":
            user = self.backend.world.add_user(title or "Test", **kwargs)
            return self.backend.world.chat(user.id)
        return self.backend.world.add_chat(type, title, **kwargs)

    def set_member(self, chat: ChatRef, user: UserRef, status: Status, **rights: Any) -> Member:
        """Set a user's or the bot's status (creator, administrator, member, restricted, left,
        kicked) with rights such as can_post_messages=True; no update is sent."""
        return self.backend.world.set_member(chat, user, status, **rights)

    def chat(self, ref: ChatRef) -> Chat:
        return self.backend.world.chat(ref)

    def private_chat(self, user: UserRef) -> Chat:
        return self.backend.world.chat(self.backend.world.user(user).id)

    # -- injecting updates -----------------------------------------------------------------

    async def inject_update(self, update_type: str, body: dict[str, Any]) -> dict[str, Any] | None:
        """Queue a raw update body; None if the bot's allowed_updates filter it out."""
        return await self.backend.updates.push(update_type, body)

    def _chat_and_sender(self, chat: ChatRef, user: UserRef) -> tuple[Chat, User]:
        world = self.backend.world
        chat_obj, user_obj = world.chat(chat), world.user(user)
        if chat_obj.type == "channel":
            raise ValueError("users do not write into channels; use channel_post()")
        member = world.member(chat_obj.id, user_obj.id)
        if member.status == "kicked":
            raise ValueError(f"user {user_obj.id} is banned from chat {chat_obj.id}")
        if not member.is_present and member.status != "restricted":
            world.set_member(chat_obj, user_obj, "member")  # joining implicitly keeps tests short
        return chat_obj, user_obj

    def _bot_sees(self, chat: Chat, message: dict[str, Any]) -> bool:
        """Whether Telegram delivers a group message to the bot (privacy mode rules)."""
        if chat.type == "private":
            return True
        bot_member = self.backend.world.member(chat.id, self.bot.id)
        if not bot_member.is_present:
            return False
        if not self.backend.privacy_mode or bot_member.status in ("creator", "administrator"):
            return True
        replied = message.get("reply_to_message")
        if replied and replied.get("from", {}).get("id") == self.bot.id:
            return True
        if message.get("via_bot", {}).get("id") == self.bot.id:  # sent through its inline mode
            return True
        text = message.get("text", message.get("caption", ""))
        for entity in message.get("entities", message.get("caption_entities", [])):
            if entity["type"] == "bot_command":
                command = utf16_slice(text, entity["offset"], entity["length"])
                target = command.partition("@")[2]
                if not target or target.lower() == (self.bot.username or "").lower():
                    return True
        return False

    async def _deliver(self, chat: Chat, update_type: str, message: dict[str, Any]) -> None:
        if update_type in ("message", "edited_message") and not self._bot_sees(chat, message):
            self.backend.updates.dropped += 1
            return
        await self.backend.updates.push(update_type, copy.deepcopy(message))

    def _reply_field(self, chat: Chat, reply_to: MessageRef | int | None) -> dict[str, Any]:
        if reply_to is None:
            return {}
        message_id = reply_to if isinstance(reply_to, int) else reply_to["message_id"]
        stored = self.backend.world.message(chat.id, int(message_id))
        if stored is None:
            raise ValueError(f"no message {message_id} in chat {chat.id}")
        replied = copy.deepcopy(stored.data)
        replied.pop("reply_to_message", None)
        return {"reply_to_message": replied}

    async def create_forum_topic(
        self, chat: ChatRef, name: str, *, by: UserRef | None = None
    ) -> int:
        """A member opens a topic in a forum supergroup; returns its ``message_thread_id``
        (the id of its ``forum_topic_created`` service message, as in Telegram)."""
        world = self.backend.world
        chat_obj = world.chat(chat)
        if not chat_obj.is_forum:
            raise ValueError("topics are only in supergroups with is_forum=True")
        actor = world.user(by) if by is not None else self._default_actor(chat_obj)
        service = {
            "from": actor.to_api(),
            "forum_topic_created": {"name": name, "icon_color": 7322096},
            "is_topic_message": True,
        }
        stored = world.store_message(chat_obj, service, from_bot=False)
        stored.data["message_thread_id"] = stored.message_id
        return stored.message_id

    def delete_forum_topic(self, chat: ChatRef, thread: int) -> None:
        """An admin deletes a topic: sending into it then answers 400 "message thread not
        found", as Telegram does."""
        stored = self.backend.world.message(self.backend.world.chat(chat).id, thread)
        if stored is None or "forum_topic_created" not in stored.data:
            raise ValueError(f"no topic {thread}")
        stored.deleted = True

    def _topic_fields(
        self, chat: Chat, thread: int | None, replied: dict[str, Any] | None
    ) -> dict[str, Any]:
        """A forum message's topic: written in ``thread`` or replying into one. Telegram marks
        a message in a topic that replies to nothing as replying to the topic's creation."""
        if thread is None and replied is not None:
            thread = replied.get("message_thread_id")
        if thread is None:
            return {}
        if not chat.is_forum:
            raise ValueError("topics are only in supergroups with is_forum=True")
        fields: dict[str, Any] = {"message_thread_id": thread, "is_topic_message": True}
        if replied is None:
            fields.update(self._reply_field(chat, thread))
        return fields

    async def send_message(
        self,
        chat: ChatRef,
        user: UserRef,
        text: str,
        *,
        entities: list[dict[str, Any]] | None = None,
        reply_to: MessageRef | int | None = None,
        thread: int | None = None,
        anonymous: bool = False,
    ) -> dict[str, Any]:
        """A user writes ``text``; commands, mentions, links get their entities as in Telegram.

        Returns the Message. In groups the bot gets it only as privacy mode allows (commands,
        replies to the bot) unless privacy_mode=False or the bot is an administrator.
        ``thread``: the forum topic written in (:meth:`create_forum_topic`; a reply is in its
        message's topic). ``anonymous``: an administrator posting as the group, as Telegram
        shows it: from GroupAnonymousBot, ``sender_chat`` the group.
        """
        chat_obj, user_obj = self._chat_and_sender(chat, user)
        sender = ANONYMOUS_ADMIN if anonymous else user_obj.to_api()
        content: dict[str, Any] = {"from": sender, "text": text}
        if anonymous:
            content["sender_chat"] = chat_obj.to_api()
        found = entities if entities is not None else find_entities(text)
        if found:
            content["entities"] = found
        content.update(self._reply_field(chat_obj, reply_to))
        content.update(self._topic_fields(chat_obj, thread, content.get("reply_to_message")))
        stored = self.backend.world.store_message(chat_obj, content, from_bot=False)
        await self._deliver(chat_obj, "message", stored.data)
        return copy.deepcopy(stored.data)

    async def send_document(
        self,
        chat: ChatRef,
        user: UserRef,
        filename: str,
        data: bytes,
        mime: str = "application/octet-stream",
        *,
        caption: str | None = None,
        size: int | None = None,
    ) -> dict[str, Any]:
        """A user sends a file; the bot can getFile and download it (if at most 20 MB).
        ``size``: the file's whole size when ``data`` is only its start (Telegram reports
        it in the message; the bot may refuse the file by it before downloading)."""
        chat_obj, user_obj = self._chat_and_sender(chat, user)
        stored_file = self.backend.world.store_file(
            data, "document", file_name=filename, mime_type=mime, declared_size=size
        )
        content: dict[str, Any] = {"from": user_obj.to_api(), "document": stored_file.to_api()}
        if caption:
            content["caption"] = caption
            found = find_entities(caption)
            if found:
                content["caption_entities"] = found
        stored = self.backend.world.store_message(chat_obj, content, from_bot=False)
        await self._deliver(chat_obj, "message", stored.data)
        return copy.deepcopy(stored.data)

    async def edit_message(self, message: MessageRef, text: str) -> dict[str, Any]:
        """The author edits a text message: an edited_message (or edited_channel_post)."""
        world = self.backend.world
        stored = world.message(message["chat"]["id"], message["message_id"])
        if stored is None or stored.from_bot:
            raise ValueError("only existing messages from users or channels can be edited here")
        stored.data["text"] = text
        found = find_entities(text)
        if found:
            stored.data["entities"] = found
        else:
            stored.data.pop("entities", None)
        stored.data["edit_date"] = world.now()
        chat = world.chat(stored.chat_id)
        kind = "edited_channel_post" if chat.type == "channel" else "edited_message"
        await self._deliver(chat, kind, stored.data)
        return copy.deepcopy(stored.data)

    async def channel_post(
        self, chat: ChatRef, text: str, *, author_signature: str | None = None
    ) -> dict[str, Any]:
        """A post in a channel; the bot gets a channel_post update if it is in the channel."""
        world = self.backend.world
        chat_obj = world.chat(chat)
        if chat_obj.type != "channel":
            raise ValueError("channel_post() needs a channel")
        content: dict[str, Any] = {"sender_chat": chat_obj.to_api(), "text": text}
        found = find_entities(text)
        if found:
            content["entities"] = found
        if author_signature:
            content["author_signature"] = author_signature
        stored = world.store_message(chat_obj, content, from_bot=False)
        if world.member(chat_obj.id, self.bot.id).is_present:
            await self.backend.updates.push("channel_post", copy.deepcopy(stored.data))
        return copy.deepcopy(stored.data)

    async def press_button(
        self,
        message: MessageRef,
        callback_data: str,
        user: UserRef | None = None,
        *,
        inaccessible: bool = False,
    ) -> dict[str, Any]:
        """A user presses an inline button of a bot message; returns the CallbackQuery.

        The button must exist on the message as it is now (after any edits).
        ``inaccessible``: Telegram no longer gives the bot the message (an
        ``InaccessibleMessage``: its chat and id, ``date`` 0, nothing else: no topic).
        """
        world = self.backend.world
        chat = world.chat(message["chat"]["id"])
        stored = world.message(chat.id, message["message_id"])
        if stored is None:
            raise ValueError(f"message {message['message_id']} no longer exists")
        rows = (stored.reply_markup or {}).get("inline_keyboard", [])
        offered = [b["callback_data"] for row in rows for b in row if "callback_data" in b]
        if callback_data not in offered:
            raise ValueError(f"no button with callback_data {callback_data!r}; there are {offered}")
        if user is None:
            if chat.type != "private":
                raise ValueError("say which user presses the button in a group or channel")
            user = chat.id
        user_obj = world.user(user)
        query = {
            "id": str(next(self._query_ids)),
            "from": user_obj.to_api(),
            "message": (
                {"chat": chat.to_api(), "message_id": stored.data["message_id"], "date": 0}
                if inaccessible
                else copy.deepcopy(stored.data)
            ),
            "chat_instance": str(abs(chat.id) * 31 + 7),
            "data": callback_data,
        }
        self.backend.callback_queries[query["id"]] = {"query": query, "answer": None}
        await self.backend.updates.push("callback_query", copy.deepcopy(query))
        return query

    async def inline_query(
        self, user: UserRef, query: str, *, offset: str = "", chat_type: str | None = "sender"
    ) -> dict[str, Any]:
        """``user`` types ``@bot query`` in some chat; returns the InlineQuery (an
        ``inline_query`` update). ``offset`` is the ``next_offset`` of the answer before
        (the client scrolled on); ``chat_type`` the kind of chat typed in (``sender``,
        ``private``, ``group``, ``supergroup``, ``channel``; None: unknown). Only a bot
        with inline mode on (``inline_mode=True``, BotFather's /setinline) gets them."""
        if not self.backend.inline_mode:
            raise ValueError("inline mode is off: FakeBotApi(inline_mode=True), as /setinline")
        user_obj = self.backend.world.user(user)
        body: dict[str, Any] = {
            "id": str(next(self._query_ids)),
            "from": user_obj.to_api(),
            "query": query,
            "offset": offset,
        }
        if chat_type is not None:
            body["chat_type"] = chat_type
        self.backend.inline_queries[body["id"]] = {"query": body, "answer": None}
        await self.backend.updates.push("inline_query", copy.deepcopy(body))
        return body

    def inline_answer(self, query: dict[str, Any]) -> dict[str, Any] | None:
        """The bot's answer to the inline ``query`` (results, next_offset, button …), or
        None before it answered."""
        return copy.deepcopy(self.backend.inline_queries[query["id"]]["answer"])

    async def send_inline_result(
        self, chat: ChatRef, user: UserRef, query: dict[str, Any], result_id: str
    ) -> dict[str, Any]:
        """``user`` picks result ``result_id`` of the bot's answer to the inline ``query``
        in ``chat``: the article's message is sent there as theirs, ``via_bot`` the bot,
        and the bot gets it as it gets any message of that chat (its private chat: always).
        Returns the Message."""
        answer = self.backend.inline_queries[query["id"]]["answer"]
        if answer is None:
            raise ValueError(f"inline query {query['id']} has not been answered")
        chosen = [r for r in answer["results"] if r["id"] == result_id]
        if not chosen:
            offered = [r["id"] for r in answer["results"]]
            raise ValueError(f"no result {result_id!r}; there are {offered}")
        chat_obj, user_obj = self._chat_and_sender(chat, user)
        content = {
            "from": user_obj.to_api(),
            "via_bot": self.bot.to_api(),
            **copy.deepcopy(chosen[0]["message"]),
        }
        stored = self.backend.world.store_message(chat_obj, content, from_bot=False)
        await self._deliver(chat_obj, "message", stored.data)
        return copy.deepcopy(stored.data)

    def _default_actor(self, chat: Chat) -> User:
        world = self.backend.world
        if chat.type == "private":
            return world.user(chat.id)
        members = world.chat_members(chat.id)
        for wanted in ("creator", "administrator"):
            for user, member in members:
                if member.status == wanted and not user.is_bot:
                    return user
        owner = world.add_user("Owner", username=None)
        world.set_member(chat, owner, "creator")
        return owner

    async def my_chat_member(
        self,
        chat: ChatRef,
        old_status: Status,
        new_status: Status,
        *,
        by: UserRef | None = None,
        **rights: Any,
    ) -> dict[str, Any] | None:
        """The bot's membership changes (added, promoted, removed, kicked, blocked).

        In private chats "kicked" means the user blocked the bot. Adding the bot to a group
        also produces the new_chat_members service message, as Telegram does.
        """
        world = self.backend.world
        chat_obj = world.chat(chat)
        actor = world.user(by) if by is not None else self._default_actor(chat_obj)
        old = Member(old_status)
        new = world.set_member(chat_obj, self.bot, new_status, **rights)
        update = await self.backend.updates.push(
            "my_chat_member", member_change(self.backend, chat_obj, actor, self.bot, old, new)
        )
        joined = old_status in ("left", "kicked") and new.is_present
        if joined and chat_obj.is_group:
            service = {"from": actor.to_api(), "new_chat_members": [self.bot.to_api()]}
            stored = world.store_message(chat_obj, service, from_bot=False)
            await self.backend.updates.push("message", copy.deepcopy(stored.data))
        return update

    async def chat_member(
        self,
        chat: ChatRef,
        user: UserRef,
        old_status: Status,
        new_status: Status,
        *,
        by: UserRef | None = None,
        **rights: Any,
    ) -> dict[str, Any] | None:
        """A user's membership changes: a chat_member update (only if the bot asked for them
        in allowed_updates, and is an administrator, as in Telegram)."""
        world = self.backend.world
        chat_obj, user_obj = world.chat(chat), world.user(user)
        actor = world.user(by) if by is not None else user_obj
        old = Member(old_status)
        new = world.set_member(chat_obj, user_obj, new_status, **rights)
        if world.member(chat_obj.id, self.bot.id).status not in ("administrator", "creator"):
            return None
        body = member_change(self.backend, chat_obj, actor, user_obj, old, new)
        return await self.backend.updates.push("chat_member", body)

    async def migrate_to_supergroup(self, chat: ChatRef) -> Chat:
        """Upgrade a basic group: the old id then answers 400 with migrate_to_chat_id."""
        world = self.backend.world
        old = world.chat(chat)
        if old.type != "group":
            raise ValueError("only basic groups migrate to supergroups")
        new = world.add_chat("supergroup", old.title, bot_status="left")
        for user, member in world.chat_members(old.id):
            world.members[(new.id, user.id)] = copy.deepcopy(member)
        for source, field, value in (
            (old, "migrate_to_chat_id", new.id),
            (new, "migrate_from_chat_id", old.id),
        ):
            service = {"from": self._default_actor(old).to_api(), field: value}
            stored = world.store_message(source, service, from_bot=False)
            if world.member(source.id, self.bot.id).is_present:
                await self.backend.updates.push("message", copy.deepcopy(stored.data))
        world.migrated_to[old.id] = new.id
        return new


__all__ = ["FakeBotApi", "WaitTimeout"]
