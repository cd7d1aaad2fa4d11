"""Whose language a reply is in: ``/lang`` choices over the Telegram client's language.

Precedence, first found wins: the chat's language (``/lang chat zh|en``, set by the
chat's administrators, e.g. for a group) > the user's own choice (``/lang zh|en``) >
the client's ``language_code`` (:func:`handlers.i18n.language_for`: ``en*`` English,
anything else Chinese).

The choices are kept in the database (:class:`bot.storage.languages.LanguageStore`)
and, read once at start-up, in memory: looking a reply's language up never touches the
database, only a change does (on the core thread, through ``Services.run``).

What the bot sends unasked (digests, notices to admins) has no update to go by: it is
in the chat's choice, in a private chat the user's, else the app's ``default_language``
setting (:meth:`for_chat`, :func:`bot.storage.languages.unasked_language`).
"""

from __future__ import annotations

import threading

from telegram import Update

from bot.storage.languages import LanguageStore, unasked_language
from handlers.i18n import language_for


class LanguagePrefs:
    """The stored ``/lang`` choices, in memory, written through to ``store``."""

    def __init__(self, store: LanguageStore | None = None, *, default: str = "zh") -> None:
        self._store = store
        self._default = default  # of what is sent unasked to a chat that chose nothing
        self._lock = threading.Lock()
        self._choices: dict[tuple[str, int], str] = store.all() if store is not None else {}

    def get(self, scope: str, target_id: int) -> str | None:
        return self._choices.get((scope, target_id))

    def set(self, scope: str, target_id: int, language: str | None, *, by: int | None) -> None:
        """Store (None: forget) the choice; blocking (a database write) when stored."""
        if self._store is not None:
            self._store.set(scope, target_id, language, by=by)
        with self._lock:
            if language is None:
                self._choices.pop((scope, target_id), None)
            else:
                self._choices[(scope, target_id)] = language

    def chat_migrated(self, old_chat_id: int, new_chat_id: int) -> None:
        """A group became a supergroup (a new id): its ``/lang chat`` choice goes with
        it, as its subscriptions do, so their digests stay in it; blocking when stored."""
        if self._store is not None:
            self._store.move_chat(old_chat_id, new_chat_id)
        with self._lock:  # the old id keeps it: a digest composed meanwhile finds it
            chosen = self._choices.get(("chat", old_chat_id))
            if chosen is not None:
                self._choices.setdefault(("chat", new_chat_id), chosen)

    def resolve(
        self, *, chat_id: int | None, user_id: int | None, language_code: str | None
    ) -> str:
        if chat_id is not None and (chosen := self.get("chat", chat_id)):
            return chosen
        if user_id is not None and (chosen := self.get("user", user_id)):
            return chosen
        return language_for(language_code)

    def for_chat(self, chat_id: int) -> str:
        """The language of what the bot sends to ``chat_id`` unasked (its digests, notices
        to admins): the chat's choice, else, in a private chat (a positive id, the user's
        own), the user's choice, else the app's default. No update, so no client
        ``language_code`` to go by."""
        return unasked_language(self.get, chat_id, self._default)

    def of(self, update: object) -> str:
        """The language to answer ``update`` in (Chinese for anything but an Update)."""
        if not isinstance(update, Update):
            return language_for(None)
        chat, user = update.effective_chat, update.effective_user
        return self.resolve(
            chat_id=chat.id if chat else None,
            user_id=user.id if user else None,
            language_code=user.language_code if user else None,
        )
