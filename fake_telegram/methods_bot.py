"""Bot-level methods: identity, getUpdates, webhooks, command lists."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from fake_telegram.errors import bad_request, conflict
from fake_telegram.registry import Described, api_method

if TYPE_CHECKING:
    from fake_telegram.backend import Backend

_COMMAND = re.compile(r"^[a-z0-9_]{1,32}$")
_LANGUAGE = re.compile(r"^[a-z]{2}$")
_WEBHOOK_PORTS = (80, 88, 443, 8443)


@api_method("getMe")
async def get_me(b: Backend, p: dict[str, Any]) -> Any:
    return b.world.bot.to_api(full=True)


@api_method("logOut")
async def log_out(b: Backend, p: dict[str, Any]) -> Any:
    return True


@api_method("close")
async def close(b: Backend, p: dict[str, Any]) -> Any:
    return True


@api_method("getUpdates")
async def get_updates(b: Backend, p: dict[str, Any]) -> Any:
    if b.webhook is not None:
        raise conflict(
            "can't use getUpdates method while webhook is active; use deleteWebhook to delete "
            "the webhook first"
        )
    allowed = p.get("allowed_updates")
    if allowed is not None and not isinstance(allowed, list):
        raise bad_request("can't parse allowed updates JSON object")
    b.updates.set_allowed(allowed)
    return await b.updates.get(
        int(p.get("offset") or 0), int(p.get("limit") or 100), float(p.get("timeout") or 0)
    )


# -- webhooks ------------------------------------------------------------------------------


@api_method("setWebhook")
async def set_webhook(b: Backend, p: dict[str, Any]) -> Any:
    url = p.get("url") or ""
    if not url:
        return await delete_webhook(b, p)
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
    if (parts.port or 443) not in _WEBHOOK_PORTS:
        raise bad_request("bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443")
    secret = p.get("secret_token")
    if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", secret):
        raise bad_request("secret token contains unallowed characters")
    if p.get("drop_pending_updates"):
        await b.updates.drop_pending()
    b.updates.set_allowed(p.get("allowed_updates"))
    already = b.webhook is not None and b.webhook["url"] == url
    b.webhook = {
        "url": url,
        "max_connections": int(p.get("max_connections") or 40),
        "ip_address": p.get("ip_address"),
        "secret_token": secret,
    }
    # Delivery to the URL is not simulated: updates wait in the queue (pending_update_count).
    return Described(True, "Webhook is already set" if already else "Webhook was set")


@api_method("deleteWebhook")
async def delete_webhook(b: Backend, p: dict[str, Any]) -> Any:
    if p.get("drop_pending_updates"):
        await b.updates.drop_pending()
    existed = b.webhook is not None
    b.webhook = None
    return Described(True, "Webhook was deleted" if existed else "Webhook is already deleted")


@api_method("getWebhookInfo")
async def get_webhook_info(b: Backend, p: dict[str, Any]) -> Any:
    info: dict[str, Any] = {
        "url": b.webhook["url"] if b.webhook else "",
        "has_custom_certificate": False,
        "pending_update_count": len(b.updates.pending),
    }
    if b.webhook:
        info["max_connections"] = b.webhook["max_connections"]
        if b.webhook.get("ip_address"):
            info["ip_address"] = b.webhook["ip_address"]
        if b.updates.allowed_updates is not None:
            info["allowed_updates"] = sorted(b.updates.allowed_updates)
    return info


# -- commands ------------------------------------------------------------------------------


def scope_key(b: Backend, scope: Any) -> tuple[Any, ...]:
    """A hashable key for a BotCommandScope; chats are resolved to their ids."""
    if scope is None:
        return ("default",)
    if not isinstance(scope, dict) or not isinstance(scope.get("type"), str):
        raise bad_request("can't parse BotCommandScope JSON object")
    kind = scope["type"]
    if kind in ("default", "all_private_chats", "all_group_chats", "all_chat_administrators"):
        return (kind,)
    if kind not in ("chat", "chat_administrators", "chat_member"):
        raise bad_request("unsupported bot command scope type")
    chat = b.world.require_chat(scope.get("chat_id"))
    if kind == "chat_member":
        user_id = scope.get("user_id")
        if not isinstance(user_id, int) or user_id not in b.world.users:
            raise bad_request("user not found")
        return (kind, chat.id, user_id)
    return (kind, chat.id)


def language_key(p: dict[str, Any]) -> str:
    code = p.get("language_code") or ""
    if code and not _LANGUAGE.match(code):
        raise bad_request("invalid language code specified")
    return code


@api_method("setMyCommands")
async def set_my_commands(b: Backend, p: dict[str, Any]) -> Any:
    commands = p.get("commands")
    if commands is None:
        raise bad_request('parameter "commands" is required')
    if not isinstance(commands, list):
        raise bad_request("can't parse commands JSON object")
    if len(commands) > 100:
        raise bad_request("too many commands specified")
    cleaned = []
    for item in commands:
        if not isinstance(item, dict):
            raise bad_request("can't parse BotCommand: expected an Object")
        command = str(item.get("command", ""))
        description = str(item.get("description", ""))
        if not _COMMAND.match(command):
            raise bad_request("BOT_COMMAND_INVALID")
        if not 1 <= len(description) <= 256:
            raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        cleaned.append({"command": command, "description": description})
    key = (scope_key(b, p.get("scope")), language_key(p))
    if cleaned:
        b.commands[key] = cleaned
    else:
        b.commands.pop(key, None)  # an empty list is how Telegram clears a command list
    return True


@api_method("getMyCommands")
async def get_my_commands(b: Backend, p: dict[str, Any]) -> Any:
    # No fallback between scopes or languages here: that happens in the clients.
    return list(b.commands.get((scope_key(b, p.get("scope")), language_key(p)), []))


@api_method("deleteMyCommands")
async def delete_my_commands(b: Backend, p: dict[str, Any]) -> Any:
    b.commands.pop((scope_key(b, p.get("scope")), language_key(p)), None)
    return True
