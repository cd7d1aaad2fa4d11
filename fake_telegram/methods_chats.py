"""Chats and memberships: getChat, members, administrators, leaveChat."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fake_telegram.errors import bad_request
from fake_telegram.models import Chat, Member, User
from fake_telegram.registry import api_method

if TYPE_CHECKING:
    from fake_telegram.backend import Backend


def member_change(
    b: Backend, chat: Chat, actor: User, user: User, old: Member, new: Member
) -> dict[str, Any]:
    """A ChatMemberUpdated object (the body of my_chat_member / chat_member updates)."""
    return {
        "chat": chat.to_api(),
        "from": actor.to_api(),
        "date": b.world.now(),
        "old_chat_member": old.to_api(user, chat),
        "new_chat_member": new.to_api(user, chat),
    }


def _visible_chat(b: Backend, p: dict[str, Any]) -> Chat:
    chat = b.world.require_chat(p.get("chat_id"))
    outside = chat.type != "private" and not b.world.member(chat.id, b.world.bot.id).is_present
    # A bot outside a chat only sees public channels/supergroups, by @username.
    if outside and not (chat.username and isinstance(p.get("chat_id"), str)):
        raise bad_request("chat not found")
    return chat


@api_method("getChat")
async def get_chat(b: Backend, p: dict[str, Any]) -> Any:
    return _visible_chat(b, p).full_info()


@api_method("getChatMember")
async def get_chat_member(b: Backend, p: dict[str, Any]) -> Any:
    chat = _visible_chat(b, p)
    user_id = p.get("user_id")
    if not user_id or user_id not in b.world.users:
        raise bad_request("user not found")
    if chat.type == "private" and user_id not in (chat.id, b.world.bot.id):
        raise bad_request("user not found")
    user = b.world.users[user_id]
    return b.world.member(chat.id, user_id).to_api(user, chat)


@api_method("getChatAdministrators")
async def get_chat_administrators(b: Backend, p: dict[str, Any]) -> Any:
    chat = _visible_chat(b, p)
    if chat.type == "private":
        raise bad_request("there are no administrators in the private chat")
    return [
        member.to_api(user, chat)
        for user, member in b.world.chat_members(chat.id)
        if member.status in ("creator", "administrator")
    ]


@api_method("getChatMemberCount")
async def get_chat_member_count(b: Backend, p: dict[str, Any]) -> Any:
    chat = _visible_chat(b, p)
    return sum(1 for _, member in b.world.chat_members(chat.id) if member.is_present)


@api_method("leaveChat")
async def leave_chat(b: Backend, p: dict[str, Any]) -> Any:
    chat = b.world.require_chat(p.get("chat_id"))
    if chat.type == "private":
        raise bad_request("chat member status can't be changed in private chats")
    b.world.check_bot_access(chat)
    bot = b.world.bot
    old = b.world.member(chat.id, bot.id)
    new = b.world.set_member(chat, bot, "left")
    # Telegram tells the bot about its own departure with a my_chat_member update.
    await b.updates.push("my_chat_member", member_change(b, chat, bot, bot, old, new))
    return True
