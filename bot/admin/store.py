"""Who may run admin commands: owners (from the configuration) and admins (in the database).

Access is decided by the numeric Telegram user id only, never by a username or the chat:
usernames change hands, and a group is not a person. The usernames stored here only
help resolve ``/admin remove @name`` for admins the bot already knows.

:class:`AdminStore` hands out plain frozen dataclasses, never ORM objects.
"""

from __future__ import annotations

import builtins
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from bot.errors import CodedError
from bot.storage.db import Database
from bot.storage.models import ADDER_NAME_MAX_CHARS, AdminRow, storable_text, utcnow
from bot.text.echo import said_back

# Telegram's shared service accounts: messages from anonymous group admins (1087968824),
# from channels posting in groups (136817688) and channel posts forwarded to a linked
# discussion group (777000) all carry one of these as the sender, whoever really sent
# them. Making one of them admin would make anyone behind it an admin.
SERVICE_USER_IDS: frozenset[int] = frozenset({777000, 1087968824, 136817688})

USERNAME_MAX_CHARS = 64
_USERNAME_RE = re.compile(r"[A-Za-z0-9_]{1,64}")


class AdminError(CodedError):
    """A refused admin change; the message is meant for the user (Chinese / English),
    ``code`` (``admin.…``) and ``params`` for interfaces that translate."""


@dataclass(frozen=True, slots=True)
class Admin:
    user_id: int
    username: str | None
    added_by: int | None
    added_at: datetime | None  # None: an owner (from the configuration), never added
    is_owner: bool
    added_by_name: str | None = None  # the adder as known when they acted (``actor_name``)

    @property
    def label(self) -> str:
        """How lists show the person: ``@name (123)`` or ``123``."""
        return f"@{self.username} ({self.user_id})" if self.username else str(self.user_id)


def actor_name(full_name: str | None, username: str | None) -> str | None:
    """How a list names a person who acted: ``@username``, else their Telegram name (cut
    to what the store keeps), else None (then the list shows the numeric id)."""
    if username and username.strip().removeprefix("@").strip():
        return "@" + username.strip().removeprefix("@").strip()
    name = " ".join(storable_text(full_name or "").split())
    return name[:ADDER_NAME_MAX_CHARS] or None


def check_user_id(user_id: object) -> int:
    """``user_id`` if it is an int; TypeError for anything else (bool and str included)."""
    if isinstance(user_id, bool) or not isinstance(user_id, int):
        raise TypeError(f"user_id must be an int, not {type(user_id).__name__}")
    return user_id


def clean_username(name: str | None) -> str | None:
    """``"@Alice "`` -> ``"Alice"``; blank -> None; ValueError for what Telegram never allows."""
    if name is None:
        return None
    if not isinstance(name, str):
        raise TypeError(f"username must be a str, not {type(name).__name__}")
    name = name.strip().removeprefix("@").strip()
    if not name:
        return None
    if not _USERNAME_RE.fullmatch(name):
        shown = said_back(name)
        raise AdminError(
            f"用户名“{shown}”无效 / not a Telegram username: {shown!r}",
            "admin.bad_username",
            name=shown,
        )
    return name


class AdminStore:
    """Owners and admins. Owners always count as admins and cannot be removed from chat."""

    def __init__(
        self, db: Database, owners: Iterable[int], *, clock: Callable[[], datetime] = utcnow
    ) -> None:
        self._db = db
        self._clock = clock
        ordered: dict[int, None] = {}
        for owner in owners:
            ordered[check_user_id(owner)] = None
        self._owners: tuple[int, ...] = tuple(ordered)

    @property
    def owners(self) -> tuple[int, ...]:
        return self._owners

    # -- checks ----------------------------------------------------------------------------
    def is_owner(self, user_id: int | None) -> bool:
        """Whether ``user_id`` is a configured owner (None, e.g. a channel post: False)."""
        if user_id is None:
            return False
        return check_user_id(user_id) in self._owners and user_id not in SERVICE_USER_IDS

    def is_admin(self, user_id: int | None) -> bool:
        """Whether ``user_id`` may run admin commands: an owner or a stored admin.

        None (no sender) and Telegram's shared service accounts are never admins. Non-int
        ids (a username string, a bool) raise TypeError rather than guess.
        """
        if user_id is None:
            return False
        check_user_id(user_id)
        if user_id in SERVICE_USER_IDS:
            return False
        if user_id in self._owners:
            return True
        with self._db.reading() as session:
            return session.get(AdminRow, user_id) is not None

    # -- changes ---------------------------------------------------------------------------
    def add(
        self,
        user_id: int,
        *,
        username: str | None = None,
        added_by: int | None,
        added_by_name: str | None = None,
    ) -> Admin:
        """Make ``user_id`` an admin. Idempotent: adding again only updates the username.

        ``added_by_name``: how the adder is known as they act (:func:`actor_name`), kept
        with ``added_by`` from the first add, so a list can name them.

        Adding an owner changes nothing (owners are admins already). Raises AdminError
        for ids that are not a person (chats have negative ids; Telegram's service
        accounts stand for many people).
        """
        check_user_id(user_id)
        if added_by is not None:
            check_user_id(added_by)
        username = clean_username(username)
        if user_id <= 0:
            raise AdminError(
                f"“{user_id}”不是用户 id（群组和频道的 id 为负数）/ "
                f"{user_id} is not a user id (groups and channels have negative ids)",
                "admin.not_a_user",
                id=user_id,
            )
        if user_id in SERVICE_USER_IDS:
            raise AdminError(
                f"{user_id} 是 Telegram 的公共服务账号，不能设为管理员 / "
                f"{user_id} is a shared Telegram service account and cannot be an admin",
                "admin.service_account",
                id=user_id,
            )
        if user_id in self._owners:
            return self._owner(user_id)

        def write(session: Session) -> Admin:
            if username is not None:
                self._release_username(session, username, keep=user_id)
            row = session.get(AdminRow, user_id)
            if row is None:
                row = AdminRow(
                    user_id=user_id,
                    username=username,
                    added_by=added_by,
                    added_by_name=actor_name(added_by_name, None),
                    added_at=self._clock(),
                )
                session.add(row)
            elif username is not None:
                row.username = username
            session.flush()
            return self._from_row(row)

        # a concurrent add of the same id: the second try updates
        return self._db.write_racing(write)

    def remove(self, user_id: int) -> bool:
        """Remove an admin; False if ``user_id`` was not one. Owners: AdminError."""
        check_user_id(user_id)
        if user_id in self._owners:
            raise AdminError(
                "所有者不能被移除（所有者由配置 BRIEFBOT_OWNERS 决定）/ "
                "owners cannot be removed (owners come from the BRIEFBOT_OWNERS setting)",
                "admin.owner_not_removable",
            )
        with self._db.session() as session:
            result = session.execute(
                delete(AdminRow).where(AdminRow.user_id == user_id),
                execution_options={"synchronize_session": False},
            )
            return bool(result.rowcount)

    def remember_user(
        self, user_id: int, username: str | None, full_name: str | None = None
    ) -> bool:
        """Refresh a stored admin's username (usernames change), and the name kept for the
        admins this person added (``added_by_name``, :func:`actor_name`): an owner or admin
        who renamed was listed under the old name for ever. False if not a stored admin.

        Call it when a user's username changes, so ``@name`` keeps resolving to the right
        person and the list names the adder as they are now. Never adds anyone.
        """
        check_user_id(user_id)
        username = clean_username(username)
        with self._db.session() as session:
            name = actor_name(full_name, username)
            if name is not None:
                session.execute(
                    update(AdminRow)
                    .where(AdminRow.added_by == user_id)
                    .where((AdminRow.added_by_name.is_(None)) | (AdminRow.added_by_name != name))
                    .values(added_by_name=name)
                )
            row = session.get(AdminRow, user_id)
            if row is None:
                return False
            if username is not None:
                self._release_username(session, username, keep=user_id)
            if row.username != username:
                row.username = username
            return True

    # -- queries ---------------------------------------------------------------------------
    def get(self, user_id: int) -> Admin | None:
        """The owner or admin ``user_id``; None if neither."""
        check_user_id(user_id)
        if user_id in self._owners:
            return self._owner(user_id)
        with self._db.reading() as session:
            row = session.get(AdminRow, user_id)
            return None if row is None else self._from_row(row)

    def list(self) -> builtins.list[Admin]:
        """Owners first (in configured order), then stored admins, oldest first."""
        with self._db.reading() as session:
            rows = session.scalars(
                select(AdminRow).order_by(AdminRow.added_at, AdminRow.user_id)
            ).all()
            stored = [self._from_row(row) for row in rows]
        owners = [self._owner(owner) for owner in self._owners]
        return owners + [admin for admin in stored if not admin.is_owner]

    def find_by_username(self, name: str) -> Admin | None:
        """A stored admin by username (case-insensitive, ``@`` optional); None if unknown."""
        try:
            name = clean_username(name)
        except AdminError:
            return None
        if name is None:
            return None
        with self._db.reading() as session:
            row = session.scalars(
                select(AdminRow)
                .where(func.lower(AdminRow.username) == name.lower())
                .order_by(AdminRow.added_at.desc())
                .limit(1)
            ).first()
            return None if row is None else self._from_row(row)

    # -- internals -------------------------------------------------------------------------
    def _owner(self, user_id: int) -> Admin:
        username = None
        with self._db.reading() as session:
            row = session.get(AdminRow, user_id)  # an admin later named owner keeps the name
            if row is not None:
                username = row.username
        return Admin(user_id, username, None, None, True)

    def _from_row(self, row: AdminRow) -> Admin:
        return Admin(
            user_id=row.user_id,
            username=row.username,
            added_by=row.added_by,
            added_at=row.added_at,
            is_owner=row.user_id in self._owners,
            added_by_name=row.added_by_name,
        )

    @staticmethod
    def _release_username(session, username: str, *, keep: int) -> None:
        """A username belongs to one account at a time: forget it on any other admin."""
        session.execute(
            update(AdminRow)
            .where(func.lower(AdminRow.username) == username.lower(), AdminRow.user_id != keep)
            .values(username=None),
            execution_options={"synchronize_session": False},
        )
