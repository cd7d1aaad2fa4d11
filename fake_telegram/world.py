"""The registry of users, chats, memberships, messages and files the fake server keeps."""

from __future__ import annotations

import copy
import itertools
import time
from collections.abc import Callable
from typing import Any

from fake_telegram.errors import ApiError, bad_request, forbidden
from fake_telegram.models import (
    ADMIN_RIGHTS_DEFAULTS,
    CHANNEL_ADMIN_DEFAULTS,
    GROUP_ADMIN_DEFAULTS,
    STATUSES,
    Chat,
    ChatType,
    Member,
    Status,
    StoredFile,
    StoredMessage,
    User,
)

_UNSET: Any = object()

UserRef = User | int
ChatRef = Chat | User | int | str


class World:
    """Everything the fake Telegram knows, addressed by Bot API ids."""

    def __init__(
        self, bot: User, clock: Callable[[], float] = time.time, *, language_code: str | None = "en"
    ) -> None:
        self.bot = bot
        self.language_code = language_code  # of users added without one
        self.clock = clock  # wall clock for message dates
        self.users: dict[int, User] = {bot.id: bot}
        self.chats: dict[int, Chat] = {}
        self.members: dict[tuple[int, int], Member] = {}
        self.messages: dict[int, dict[int, StoredMessage]] = {}
        self.files: dict[str, StoredFile] = {}
        self.migrated_to: dict[int, int] = {}  # basic group id -> supergroup id
        self._message_ids: dict[int, itertools.count[int]] = {}
        self._user_ids = itertools.count(1_000_001)
        self._group_ids = itertools.count(4_000_000_001)
        self._channel_ids = itertools.count(1_000_000_000_001)
        self._file_numbers = itertools.count(1)

    def now(self) -> int:
        return int(self.clock())

    # -- users and chats -------------------------------------------------------------------

    def add_user(
        self,
        first_name: str = "Test",
        *,
        id: int | None = None,
        username: str | None = None,
        last_name: str | None = None,
        language_code: str | Any | None = _UNSET,
        is_bot: bool = False,
        is_premium: bool | None = None,
    ) -> User:
        """Register a user; their private chat with the bot exists right away.

        ``language_code`` defaults to the world's (``"en"`` unless the server was made
        with another); None is a client that sends none."""
        if language_code is _UNSET:
            language_code = self.language_code
        user = User(
            id=id if id is not None else next(self._user_ids),
            first_name=first_name,
            last_name=last_name,
            username=username,
            language_code=language_code,
            is_bot=is_bot,
            is_premium=is_premium,
        )
        self.users[user.id] = user
        if not is_bot:
            chat = Chat(
                id=user.id,
                type="private",
                username=username,
                first_name=first_name,
                last_name=last_name,
            )
            self.chats[chat.id] = chat
            self.members[(chat.id, user.id)] = Member("member")
            self.members[(chat.id, self.bot.id)] = Member("member")
        return user

    def add_chat(
        self,
        type: ChatType,
        title: str | None = None,
        *,
        id: int | None = None,
        username: str | None = None,
        description: str | None = None,
        is_forum: bool | None = None,
        bot_status: Status | None = None,
        **bot_rights: Any,
    ) -> Chat:
        """Register a group, supergroup or channel (private chats come from add_user).

        The bot joins as a member of groups and as an administrator that may post in channels,
        unless ``bot_status`` says otherwise.
        """
        if type == "private":
            raise ValueError("private chats are created by add_user()")
        if type not in ("group", "supergroup", "channel"):
            raise ValueError(f"unknown chat type {type!r}")
        if id is None:
            id = -next(self._group_ids) if type == "group" else -next(self._channel_ids)
        if username is not None:
            username = username.lstrip("@")
        chat = Chat(
            id=id,
            type=type,
            title=title or f"{type.title()} {abs(id)}",
            username=username,
            description=description,
            is_forum=is_forum,
        )
        self.chats[chat.id] = chat
        status = bot_status or ("administrator" if type == "channel" else "member")
        self.set_member(chat, self.bot, status, **bot_rights)
        return chat

    def user(self, ref: UserRef) -> User:
        user_id = ref.id if isinstance(ref, User) else int(ref)
        try:
            return self.users[user_id]
        except KeyError:
            raise KeyError(f"no user with id {user_id}; add it with add_user()") from None

    def chat(self, ref: ChatRef) -> Chat:
        """A chat by object, id, ``@username``, or a User (their private chat)."""
        if isinstance(ref, (Chat, User)):
            ref = ref.id
        found = self.find_chat(ref)
        if found is None:
            raise KeyError(f"no chat {ref!r}; add it with add_chat() or add_user()")
        return found

    def find_chat(self, chat_id: int | str | None) -> Chat | None:
        """Resolve a chat_id parameter (integer or public @username) or None."""
        if isinstance(chat_id, str):
            if chat_id.startswith("@"):
                name = chat_id[1:].lower()
                for chat in self.chats.values():
                    if chat.username and chat.username.lower() == name and chat.type != "private":
                        return chat
                return None
            try:
                chat_id = int(chat_id)
            except ValueError:
                return None
        if chat_id is None:
            return None
        return self.chats.get(int(chat_id))

    # -- memberships -----------------------------------------------------------------------

    def set_member(
        self,
        chat: ChatRef,
        user: UserRef,
        status: Status,
        *,
        until_date: int | None = None,
        custom_title: str | None = None,
        **rights: Any,
    ) -> Member:
        """Set a user's (or the bot's) status in a chat, with rights like can_post_messages."""
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}; use one of {sorted(STATUSES)}")
        chat_obj, user_obj = self.chat(chat), self.user(user)
        if status == "administrator":
            # Unlisted rights take the defaults, so can_post_messages etc. are always explicit.
            extra = CHANNEL_ADMIN_DEFAULTS if chat_obj.type == "channel" else GROUP_ADMIN_DEFAULTS
            rights = {**ADMIN_RIGHTS_DEFAULTS, **extra, **rights}
        member = Member(status, dict(rights), until_date, custom_title)
        self.members[(chat_obj.id, user_obj.id)] = member
        return member

    def member(self, chat_id: int, user_id: int) -> Member:
        """The member record; people never seen in a chat have "left" it."""
        return self.members.get((chat_id, user_id), Member("left"))

    def chat_members(self, chat_id: int) -> list[tuple[User, Member]]:
        return [
            (self.users[uid], member)
            for (cid, uid), member in self.members.items()
            if cid == chat_id and uid in self.users
        ]

    # -- the bot's permissions ---------------------------------------------------------------

    def require_chat(self, chat_id: Any) -> Chat:
        """The chat a method targets, or Telegram's errors for a missing/unknown one."""
        if chat_id is None or chat_id == "":
            raise bad_request("chat_id is empty")
        chat = self.find_chat(chat_id)
        if chat is None:
            raise bad_request("chat not found")
        if chat.id in self.migrated_to:
            raise ApiError(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                migrate_to_chat_id=self.migrated_to[chat.id],
            )
        return chat

    def check_bot_access(self, chat: Chat) -> Member:
        """Forbidden errors when the bot cannot reach the chat at all."""
        member = self.member(chat.id, self.bot.id)
        if chat.type == "private":
            if member.status == "kicked":
                raise forbidden("bot was blocked by the user")
            if member.status == "left":
                raise forbidden("bot can't initiate conversation with a user")
            return member
        if member.status == "kicked":
            raise forbidden(f"bot was kicked from the {chat.type} chat")
        if not member.is_present:
            raise forbidden(f"bot is not a member of the {chat.type} chat")
        return member

    def check_bot_can_send(self, chat: Chat, what: str = "text messages") -> None:
        """Errors Telegram gives when the bot may not post ``what`` into the chat."""
        member = self.check_bot_access(chat)
        if chat.type == "channel":
            if not member.right("can_post_messages"):
                raise bad_request("need administrator rights in the channel chat")
            return
        right = {
            "text messages": "can_send_messages",
            "documents": "can_send_documents",
            "photos": "can_send_photos",
        }.get(what, "can_send_other_messages")
        if member.status == "restricted" and not member.right(right):
            raise bad_request(f"not enough rights to send {what} to the chat")

    # -- messages --------------------------------------------------------------------------

    def store_message(
        self, chat: Chat, data: dict[str, Any], *, from_bot: bool, date: int | None = None
    ) -> StoredMessage:
        """Give a new message its id and date in ``chat`` and keep it."""
        counter = self._message_ids.setdefault(chat.id, itertools.count(1))
        data = {"message_id": next(counter), **data}
        data.setdefault("date", date if date is not None else self.now())
        data["chat"] = chat.to_api()
        stored = StoredMessage(data, from_bot)
        self.messages.setdefault(chat.id, {})[stored.message_id] = stored
        return stored

    def message(self, chat_id: int, message_id: int) -> StoredMessage | None:
        """A message that still exists, or None."""
        stored = self.messages.get(chat_id, {}).get(message_id)
        return None if stored is None or stored.deleted else stored

    def chat_messages(self, chat_id: int) -> list[dict[str, Any]]:
        """Copies of the chat's existing messages, oldest first."""
        return [
            copy.deepcopy(m.data) for m in self.messages.get(chat_id, {}).values() if not m.deleted
        ]

    # -- files -----------------------------------------------------------------------------

    def store_file(
        self,
        data: bytes,
        kind: str,
        *,
        file_name: str | None = None,
        mime_type: str | None = None,
        width: int | None = None,
        height: int | None = None,
        declared_size: int | None = None,
    ) -> StoredFile:
        """Keep uploaded bytes under fresh file_id / file_unique_id values (``declared_size``:
        the size reported for a file of which only the first bytes are held)."""
        number = next(self._file_numbers)
        stored = StoredFile(
            file_id=f"FAKE-{kind.upper()}-{number:06d}-{self.bot.id}",
            file_unique_id=f"U{kind[:3].upper()}{number:06d}",
            data=bytes(data),
            kind=kind,
            file_name=file_name,
            mime_type=mime_type,
            width=width,
            height=height,
            declared_size=declared_size,
        )
        self.files[stored.file_id] = stored
        return stored

    def file_by_path(self, file_path: str) -> StoredFile | None:
        for stored in self.files.values():
            if stored.file_path == file_path:
                return stored
        return None
