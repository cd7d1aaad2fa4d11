"""The people the bot has seen: usernames of recent senders, for ``/admin add @name``."""

from __future__ import annotations

from collections import OrderedDict


class SeenUsers:
    """Username -> user id of the senders seen since start (bounded, newest kept).

    A username belongs to one account at a time: seeing it on another account moves it.
    """

    def __init__(self, limit: int = 100_000) -> None:
        self.limit = limit
        self._by_name: OrderedDict[str, tuple[int, str]] = OrderedDict()
        self._names: dict[int, str | None] = {}
        # first names, to name in /audit those with no username; not "news" (no store)
        self._first: dict[int, str] = {}

    def see(self, user_id: int, username: str | None, first_name: str | None = None) -> bool:
        """Note a sender; True if this is news (first sight or a changed username)."""
        if first_name and first_name.strip():
            self._first[user_id] = " ".join(first_name.split())[:64]
        if self._names.get(user_id, "\0") == username:
            return False
        old = self._names.get(user_id)
        if old and self._by_name.get(old.lower(), (None,))[0] == user_id:
            del self._by_name[old.lower()]
        self._names[user_id] = username
        if username:
            self._by_name[username.lower()] = (user_id, username)
            self._by_name.move_to_end(username.lower())
        while len(self._by_name) > self.limit:
            _name, (gone, _) = self._by_name.popitem(last=False)
            self._names.pop(gone, None)
            self._first.pop(gone, None)
        if len(self._names) > 2 * self.limit:  # senders without usernames
            self._names.clear()
            self._first.clear()
        return True

    def find(self, name: str) -> tuple[int, str] | None:
        return self._by_name.get(name.strip().removeprefix("@").lower())

    def knows(self, user_id: int) -> bool:
        """Whether ``user_id`` sent something since start (still remembered)."""
        return user_id in self._names

    def username(self, user_id: int) -> str | None:
        return self._names.get(user_id)

    def name(self, user_id: int) -> str | None:
        """How to name the person to an admin: ``@username`` (still theirs), else the
        first name they wrote with, else None."""
        username = self._names.get(user_id)
        if username and (self.find(username) or (None,))[0] == user_id:
            return f"@{username}"
        return self._first.get(user_id)
