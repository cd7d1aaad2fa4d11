"""Pure: which pasted message is the next part of which text, for the chats that paste.

Telegram takes at most 4,096 characters a message, so a client sends a longer text as
several, back to back. The bot keeps an admin's last pasted text (on disk, under a
token, for its "add to the library" button); :class:`PastedParts` remembers, per chat
and sender, that text's token and its last part, and decides whether a new message is
the next part (:func:`~bot.text.pasted.continues`), and whether it goes after the text
kept or before it: the bot handles updates at once, so a later part may be kept before
the one it follows (its sender seen for the first time held the earlier one up), and
the message ids, not the order of handling, say which comes first.

Nothing here reads a file or a clock: the dates are the messages' own (Telegram's), and
what is kept on disk is joined by the caller with :meth:`Joining.whole`.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from bot.text.pasted import continues, joined_parts, pasted_filename

__all__ = ["CHATS_KEPT", "Joining", "LastPart", "PastedMessage", "PastedParts"]

CHATS_KEPT = 200
"""Chats (a chat and its sender) whose last pasted text is remembered for its next part:
the least recently pasted one is forgotten first (its text stays on disk for its button;
only a next part would no longer be joined to it)."""


@dataclass(frozen=True)
class PastedMessage:
    """A message as the chat sent it: its text, its Telegram date (seconds) and id."""

    text: str
    sent: float
    message_id: int

    @property
    def chars(self) -> int:
        return len(self.text.strip())


@dataclass(frozen=True)
class LastPart:
    """A chat's pasted text: its token, and the last of its parts in the chat's order
    (characters, Telegram date, message id), which the next part follows."""

    token: str
    chars: int
    sent: float
    message_id: int


@dataclass(frozen=True)
class Joining:
    """A message found to be a part of the text ``token``: ``earlier`` when it precedes
    the parts kept (handled after them), and ``last``, the text's last part once joined."""

    chat: tuple[int, int]
    token: str
    text: str
    earlier: bool
    last: LastPart

    def whole(self, kept: str) -> str:
        """The text kept with this part joined on, before it or after it."""
        if self.earlier:
            return joined_parts(self.text, kept)
        return joined_parts(kept, self.text)

    @property
    def filename(self) -> str | None:
        """The text's new file name, when this part is its new first one (a text is
        named by its first line); None when the name stays."""
        return pasted_filename(self.text) if self.earlier else None


class PastedParts:
    """Each chat's last pasted text, at most ``kept`` chats. Not thread-safe: the caller
    handles a chat's messages in turn (a lock around :meth:`follows` and what it then
    settles), so that parts handled at once find each other kept."""

    def __init__(self, kept: int = CHATS_KEPT) -> None:
        if kept < 1:
            raise ValueError(f"kept must be at least 1, not {kept}")
        self.kept = kept
        self._last: OrderedDict[tuple[int, int], LastPart] = OrderedDict()

    def __len__(self) -> int:
        return len(self._last)

    def last(self, chat: int, user: int) -> LastPart | None:
        """What ``user`` last pasted in ``chat``, if it is still remembered."""
        return self._last.get((chat, user))

    def keep(self, chat: int, user: int, token: str, message: PastedMessage) -> None:
        """Remember ``message``, kept under ``token``, as ``user``'s text in ``chat``: the
        one its next part is joined to. A new chat past the bound forgets the chat that
        pasted least recently."""
        self._put((chat, user), LastPart(token, message.chars, message.sent, message.message_id))

    def follows(self, chat: int, user: int, message: PastedMessage) -> Joining | None:
        """Whether ``message`` is a part of the text ``user`` last pasted in ``chat``: the
        part right after it (sent within seconds of a part as long as a cut one), or,
        when its id is lower than the last part's, the part right before it (handled
        late, and itself as long as a cut one). Nothing is remembered until
        :meth:`joined` says the text took it."""
        kept = self._last.get((chat, user))
        if kept is None:
            return None
        if message.message_id < kept.message_id:  # handled after the part it precedes
            if not continues(message.chars, kept.sent - message.sent):
                return None
            return Joining((chat, user), kept.token, message.text, True, kept)
        if not continues(kept.chars, message.sent - kept.sent):
            return None
        last = LastPart(kept.token, message.chars, message.sent, message.message_id)
        return Joining((chat, user), kept.token, message.text, False, last)

    def joined(self, joining: Joining, taken: bool) -> None:
        """Settle :meth:`follows`: the text took the part (``taken``), whose last part is
        now ``joining.last``; or it was added or expired meanwhile, and is forgotten (the
        part stands alone)."""
        if not taken:
            self._last.pop(joining.chat, None)
            return
        self._put(joining.chat, joining.last)

    def _put(self, key: tuple[int, int], last: LastPart) -> None:
        if key not in self._last and len(self._last) >= self.kept:
            self._last.popitem(last=False)
        self._last[key] = last
        self._last.move_to_end(key)
