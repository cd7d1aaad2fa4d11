"""Pure: why a chat's subscriptions were deactivated, as a code the catalogue words.

The stored reason (``subscriptions.deactivated_reason``) stays the text written when it
happened, for the log and the admins: the bot's own sentence when it saw itself removed,
or Telegram's error (``403 Forbidden: bot was blocked by the user``), which is English
whatever the chat's language. :func:`reason_code` reads which of the known causes it
says, so ``/subscriptions`` and ``/subs`` can say it in the reader's language; rows
stored before this module existed are read the same way, as their text is the same."""

from __future__ import annotations

# The bot's own reasons (handlers.membership.my_chat_member opens its text with one).
REMOVED = "bot removed from the chat"
NO_POST = "bot may no longer post in the channel"
RESTRICTED = "bot may no longer send messages"

# What a stored reason says, by the first phrase found in it (lower case). The bot's own
# openings come first; then Telegram's errors (Bot API descriptions, stable for years).
_CODES: tuple[tuple[str, str], ...] = (
    (REMOVED, "removed"),
    (NO_POST, "no_post"),
    (RESTRICTED, "restricted"),
    ("blocked by the user", "blocked"),
    ("kicked", "removed"),
    ("not a member", "removed"),
    ("group chat was deleted", "deleted"),
    ("user is deactivated", "deleted"),
    ("chat not found", "not_found"),
    ("peer_id_invalid", "not_found"),
    ("can't initiate conversation", "never_started"),
    ("chat_write_forbidden", "no_post"),
    ("not enough rights", "no_post"),
    ("have no rights to send", "no_post"),
    ("need administrator rights", "no_post"),
)

CODES = frozenset(code for _, code in _CODES)


def reason_code(reason: str | None) -> str | None:
    """The known cause ``reason`` states (``removed``, ``no_post``, ``restricted``,
    ``blocked``, ``deleted``, ``not_found``, ``never_started``), or None when it states
    none of them (shown as written)."""
    if not reason:
        return None
    text = reason.lower()
    for phrase, code in _CODES:
        if phrase in text:
            return code
    return None
