"""The fake server's world: users, chats, memberships, stored messages and files.

Objects keep only what the fake needs and render themselves as Bot API JSON (``to_api``);
the JSON shapes follow https://core.telegram.org/bots/api and include every field PTB 22
requires when it de-serialises them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from time import monotonic
from typing import Any, Literal

ChatType = Literal["private", "group", "supergroup", "channel"]
Status = Literal["creator", "administrator", "member", "restricted", "left", "kicked"]

STATUSES: frozenset[str] = frozenset(
    {"creator", "administrator", "member", "restricted", "left", "kicked"}
)
# Rights an administrator has unless told otherwise (ChatMemberAdministrator's required ones).
ADMIN_RIGHTS_DEFAULTS: dict[str, bool] = {
    "can_be_edited": False,
    "is_anonymous": False,
    "can_manage_chat": True,
    "can_delete_messages": True,
    "can_manage_video_chats": True,
    "can_restrict_members": True,
    "can_promote_members": False,
    "can_change_info": True,
    "can_invite_users": True,
    "can_post_stories": False,
    "can_edit_stories": False,
    "can_delete_stories": False,
}
CHANNEL_ADMIN_DEFAULTS: dict[str, bool] = {
    "can_post_messages": True,
    "can_edit_messages": True,
}
GROUP_ADMIN_DEFAULTS: dict[str, bool] = {"can_pin_messages": True, "can_manage_topics": False}
# ChatMemberRestricted's required permissions, all granted unless told otherwise.
RESTRICTED_DEFAULTS: dict[str, Any] = {
    "is_member": True,
    "can_send_messages": True,
    "can_send_audios": True,
    "can_send_documents": True,
    "can_send_photos": True,
    "can_send_videos": True,
    "can_send_video_notes": True,
    "can_send_voice_notes": True,
    "can_send_polls": True,
    "can_send_other_messages": True,
    "can_add_web_page_previews": True,
    "can_react_to_messages": True,
    "can_change_info": False,
    "can_invite_users": True,
    "can_pin_messages": False,
    "can_manage_topics": False,
    "can_edit_tag": False,
    "until_date": 0,
}


@dataclass
class User:
    """A Telegram user (or the bot itself, with ``is_bot=True``)."""

    id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None
    is_bot: bool = False
    is_premium: bool | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # e.g. getMe's can_join_groups

    def to_api(self, *, full: bool = False) -> dict[str, Any]:
        """The User object; ``full`` adds the getMe-only fields (can_join_groups, ...)."""
        data: dict[str, Any] = {"id": self.id, "is_bot": self.is_bot, "first_name": self.first_name}
        for key in ("last_name", "username", "language_code", "is_premium"):
            value = getattr(self, key)
            if value is not None:
                data[key] = value
        if full:
            data.update(self.extra)
        return data


@dataclass
class Chat:
    """A chat; private chats share their id with the user, as in Telegram."""

    id: int
    type: ChatType
    title: str | None = None
    username: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    description: str | None = None
    is_forum: bool | None = None

    @property
    def is_group(self) -> bool:
        return self.type in ("group", "supergroup")

    def to_api(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "type": self.type}
        for key in ("title", "username", "first_name", "last_name", "is_forum"):
            value = getattr(self, key)
            if value is not None:
                data[key] = value
        return data

    def full_info(self) -> dict[str, Any]:
        """ChatFullInfo as getChat returns it (with the fields PTB requires)."""
        data = self.to_api()
        data.update(
            accent_color_id=0,
            max_reaction_count=11,
            accepted_gift_types={
                "unlimited_gifts": False,
                "limited_gifts": False,
                "unique_gifts": False,
                "premium_subscription": False,
                "gifts_from_channels": False,
            },
        )
        if self.description is not None:
            data["description"] = self.description
        return data


@dataclass
class Member:
    """A user's (or the bot's) standing in a chat."""

    status: Status
    rights: dict[str, Any] = field(default_factory=dict)
    until_date: int | None = None
    custom_title: str | None = None

    def right(self, name: str) -> bool:
        """Whether an administrator (or restricted member) holds a right; creators hold all."""
        if self.status == "creator":
            return True
        if self.status == "administrator":
            return bool(self.rights.get(name, False))
        if self.status == "restricted":
            return bool(self.rights.get(name, True))
        return self.status == "member" and name.startswith("can_send")

    @property
    def is_present(self) -> bool:
        """In the chat (restricted members only while ``is_member``)."""
        if self.status == "restricted":
            return bool(self.rights.get("is_member", True))
        return self.status in ("creator", "administrator", "member")

    def to_api(self, user: User, chat: Chat) -> dict[str, Any]:
        data: dict[str, Any] = {"status": self.status, "user": user.to_api()}
        if self.status == "creator":
            data["is_anonymous"] = bool(self.rights.get("is_anonymous", False))
            if self.custom_title:
                data["custom_title"] = self.custom_title
        elif self.status == "administrator":
            data.update(ADMIN_RIGHTS_DEFAULTS)
            data.update(CHANNEL_ADMIN_DEFAULTS if chat.type == "channel" else GROUP_ADMIN_DEFAULTS)
            data.update(self.rights)
            if self.custom_title:
                data["custom_title"] = self.custom_title
        elif self.status == "restricted":
            data.update(RESTRICTED_DEFAULTS)
            data.update(self.rights)
        elif self.status == "kicked":
            data["until_date"] = self.until_date or 0  # 0 means "forever"
        elif self.status == "member" and self.until_date is not None:
            data["until_date"] = self.until_date
        return data


@dataclass
class StoredFile:
    """Bytes the fake holds under a file_id, downloadable after getFile."""

    file_id: str
    file_unique_id: str
    data: bytes
    kind: str  # "document", "photo", ...
    file_name: str | None = None
    mime_type: str | None = None
    file_path: str | None = None  # assigned by getFile
    width: int | None = None
    height: int | None = None
    # the size Telegram reports when only a part of the file is held (the console sends a
    # file over the bot's limit without reading it all: the bot refuses it by this size)
    declared_size: int | None = None

    @property
    def size(self) -> int:
        return len(self.data) if self.declared_size is None else self.declared_size

    def to_api(self) -> dict[str, Any]:
        """The object a message carries (Document, or one PhotoSize for photos)."""
        data: dict[str, Any] = {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": self.size,
        }
        if self.kind == "photo":
            data.update(width=self.width or 0, height=self.height or 0)
        else:
            if self.file_name is not None:
                data["file_name"] = self.file_name
            if self.mime_type is not None:
                data["mime_type"] = self.mime_type
        return data


@dataclass
class StoredMessage:
    """A message in a chat, as JSON, plus who sent it."""

    data: dict[str, Any]
    from_bot: bool
    deleted: bool = False

    @property
    def message_id(self) -> int:
        return int(self.data["message_id"])

    @property
    def chat_id(self) -> int:
        return int(self.data["chat"]["id"])

    @property
    def text(self) -> str | None:
        return self.data.get("text")

    @property
    def reply_markup(self) -> dict[str, Any] | None:
        return self.data.get("reply_markup")


@dataclass
class BotCall:
    """One Bot API request the bot made, and what the fake answered."""

    index: int
    method: str
    params: dict[str, Any]
    result: Any = None
    error: Any = None  # ApiError when the call failed
    messages: list[dict[str, Any]] = field(default_factory=list)
    time: float = field(default_factory=monotonic)  # time.monotonic() when recorded (answered)
    received: float | None = None  # time.monotonic() when the request reached dispatch

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def message(self) -> dict[str, Any] | None:
        """The (first) Message the call produced or edited, if any."""
        return self.messages[0] if self.messages else None

    @property
    def chat_id(self) -> int | str | None:
        if self.messages:
            return self.messages[0]["chat"]["id"]
        return self.params.get("chat_id")

    @property
    def text(self) -> str | None:
        """The text (or caption) of the produced message, after entity parsing."""
        if not self.messages:
            return None
        message = self.messages[0]
        return message.get("text", message.get("caption"))

    def __repr__(self) -> str:
        status = "ok" if self.ok else f"error={self.error!r}"
        return f"BotCall(#{self.index} {self.method} {self.params!r} {status})"
