"""Settings changed from the chat (``/config set KEY VALUE``), and where each setting comes from.

Precedence, lowest first: ``config/default.toml`` < the file named by ``BRIEFBOT_CONFIG``
< environment (``BRIEFBOT_<KEY>``) < chat command. Only the keys in :data:`RUNTIME_KEYS`
can be set from the chat: the token, owners, database, paths and webhook never can.

Keys and values are checked by :mod:`bot.admin.setting_values` (by
:class:`~bot.config.Settings` itself, so the chat accepts exactly what a config file
would). :class:`LiveSettings` keeps the effective settings: the startup
settings with the stored overrides applied. A stored value that no longer validates
(a newer bot with tighter limits) is skipped with a warning instead of stopping the bot.
Listeners registered with :meth:`LiveSettings.subscribe` get the new settings after each
change, so e.g. the flood limiter follows without a restart.

:func:`describe` lists every setting with its display value (secrets hidden) and source.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import AliasChoices, SecretStr, ValidationError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot.admin.audit import redact
from bot.admin.setting_values import (
    RAW_VALUE_MAX_CHARS,
    RUNTIME_KEYS,
    SettingError,
    check_key,
    normalise_key,
    parse_value,
    settable_keys_text,
    setting_description,
    validate_value,
)
from bot.config import DEFAULT_CONFIG_FILE, Settings, shown_url
from bot.storage.db import Database
from bot.storage.models import RuntimeSettingRow, utcnow
from bot.text.echo import said_back

log = logging.getLogger(__name__)

# what the chat may set and how a value is checked: bot.admin.setting_values (its names
# are importable from here as before)
__all__ = [
    "RAW_VALUE_MAX_CHARS",
    "RUNTIME_KEYS",
    "SOURCE_ARGUMENT",
    "SOURCE_BUILTIN",
    "SOURCE_CHAT",
    "SOURCE_CONFIG_FILE",
    "SOURCE_DEFAULT_FILE",
    "SOURCE_ENV",
    "LiveSettings",
    "RuntimeSettingsStore",
    "SettingError",
    "SettingView",
    "StoredSetting",
    "base_sources",
    "check_key",
    "describe",
    "display_value",
    "normalise_key",
    "parse_value",
    "settable_keys_text",
    "setting_description",
    "validate_value",
    "value_word",
]

SOURCE_BUILTIN = "built-in default"
SOURCE_DEFAULT_FILE = "default file"
SOURCE_CONFIG_FILE = "config file"
SOURCE_ENV = "environment"
SOURCE_ARGUMENT = "command line"  # given when Settings was built (briefbot --data-dir ...)
SOURCE_CHAT = "chat command"


# -- the store ----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class StoredSetting:
    key: str
    value_json: str
    updated_by: int | None
    updated_at: datetime

    @property
    def value(self) -> Any:
        """The stored value (JSON-decoded; ValueError if the row was damaged)."""
        return json.loads(self.value_json)


class RuntimeSettingsStore:
    """The ``runtime_settings`` table: raw storage, no validation (see :class:`LiveSettings`)."""

    def __init__(self, db: Database, *, clock: Callable[[], datetime] = utcnow) -> None:
        self._db = db
        self._clock = clock

    def all(self) -> dict[str, StoredSetting]:
        with self._db.reading() as session:
            rows = session.scalars(select(RuntimeSettingRow).order_by(RuntimeSettingRow.key))
            return {row.key: self._from_row(row) for row in rows}

    def get(self, key: str) -> StoredSetting | None:
        with self._db.reading() as session:
            row = session.get(RuntimeSettingRow, key)
            return None if row is None else self._from_row(row)

    def set(self, key: str, value: Any, updated_by: int | None) -> StoredSetting:
        """Store ``value`` (JSON-encodable) under ``key``, replacing what was there."""
        encoded = json.dumps(value, ensure_ascii=False)

        def write(session: Session) -> StoredSetting:
            row = session.get(RuntimeSettingRow, key)
            if row is None:
                row = RuntimeSettingRow(key=key)
                session.add(row)
            row.value = encoded
            row.updated_by = updated_by
            row.updated_at = self._clock()
            session.flush()
            return self._from_row(row)

        # two writers inserting the same key: the second updates
        return self._db.write_racing(write)

    def delete(self, key: str) -> bool:
        with self._db.session() as session:
            result = session.execute(
                delete(RuntimeSettingRow).where(RuntimeSettingRow.key == key),
                execution_options={"synchronize_session": False},
            )
            return bool(result.rowcount)

    @staticmethod
    def _from_row(row: RuntimeSettingRow) -> StoredSetting:
        return StoredSetting(row.key, row.value, row.updated_by, row.updated_at)


# -- live settings --------------------------------------------------------------------------------
Listener = Callable[[Settings], object]


class LiveSettings:
    """The effective settings: ``base`` plus the chat overrides stored in the database.

    ``current`` is replaced as a whole (never mutated), so readers in any thread see
    either the old or the new settings. Changes are serialised by a lock.
    """

    def __init__(self, base: Settings, store: RuntimeSettingsStore) -> None:
        self.base = base
        self.store = store
        self._lock = threading.RLock()
        self._listeners: list[Listener] = []
        # Where the startup values came from, worked out now: the environment and files
        # they were read from may change later.
        self.base_sources: dict[str, tuple[str, str | None]] = base_sources(base)
        # (settings, overrides in effect): one tuple, replaced whole, so a reader never
        # pairs new settings with old overrides.
        self._state: tuple[Settings, dict[str, StoredSetting]] = self._load()

    @property
    def current(self) -> Settings:
        return self._state[0]

    @property
    def overrides(self) -> dict[str, StoredSetting]:
        """The chat overrides in effect (stored values that validated)."""
        return dict(self._state[1])

    def snapshot(self) -> tuple[Settings, dict[str, StoredSetting]]:
        """The settings and the overrides they include, read together."""
        current, applied = self._state
        return current, dict(applied)

    def set(self, key: str, raw_value: str, actor_id: int | None) -> Settings:
        """Validate and store ``key = raw_value``; returns the new settings.

        SettingError (nothing stored) for keys not settable from the chat and bad values.
        """
        key = check_key(key)
        value = parse_value(key, raw_value, self.base)
        with self._lock:
            self.store.set(key, value, actor_id)
            log.info("setting %s set to %r by %s", key, value, actor_id)
            return self._reload_and_notify()

    def reset(self, key: str, actor_id: int | None) -> bool:
        """Drop the chat override of ``key``; False if it had none."""
        key = check_key(key)
        with self._lock:
            removed = self.store.delete(key)
            if removed:
                log.info("setting %s reset by %s", key, actor_id)
                self._reload_and_notify()
            return removed

    def reload(self) -> Settings:
        """Re-read the overrides (e.g. changed by another process); notifies on change."""
        with self._lock:
            before = self._state[0]
            self._state = self._load()
            current = self._state[0]
            if current != before:
                self._notify(current)
            return current

    def subscribe(self, callback: Listener) -> Callable[[], None]:
        """Call ``callback(new_settings)`` after each change; returns an unsubscribe function."""
        with self._lock:
            self._listeners.append(callback)

        def unsubscribe() -> None:
            with self._lock:
                if callback in self._listeners:
                    self._listeners.remove(callback)

        return unsubscribe

    # -- internals ------------------------------------------------------------------------------
    def _reload_and_notify(self) -> Settings:
        self._state = self._load()
        current = self._state[0]
        self._notify(current)
        return current

    def _notify(self, settings: Settings) -> None:
        for listener in list(self._listeners):
            try:
                listener(settings)
            except Exception:  # one broken listener must not undo or block the change
                log.exception("settings listener %r failed", listener)

    def _load(self) -> tuple[Settings, dict[str, StoredSetting]]:
        settings = self.base.model_copy(deep=True)  # base stays as it was built
        applied: dict[str, StoredSetting] = {}
        for key, stored in self.store.all().items():
            if key not in RUNTIME_KEYS:
                log.warning("ignoring stored setting %r: it cannot be set from the chat", key)
                continue
            try:
                value = stored.value
                Settings.__pydantic_validator__.validate_assignment(settings, key, value)
            except (ValueError, ValidationError) as exc:  # ValidationError is a ValueError
                log.warning(
                    "ignoring stored setting %s=%s (set by %s): no longer valid: %s",
                    key,
                    said_back(stored.value_json),
                    stored.updated_by,
                    str(exc).splitlines()[0] if str(exc) else type(exc).__name__,
                )
                continue
            applied[key] = stored
        return settings, applied


# -- sources ------------------------------------------------------------------------------------
def _env_names(key: str) -> list[str]:
    """The environment variables pydantic-settings reads for ``key`` (case-insensitive)."""
    field = Settings.model_fields[key]
    alias = field.validation_alias
    if isinstance(alias, AliasChoices):
        return [choice for choice in alias.choices if isinstance(choice, str)]
    if isinstance(alias, str):
        return [alias]
    prefix = Settings.model_config.get("env_prefix", "")
    return [f"{prefix}{key}"]


def _file_names(key: str) -> list[str]:
    names = [key]
    alias = Settings.model_fields[key].validation_alias
    if isinstance(alias, AliasChoices):
        names += [choice for choice in alias.choices if isinstance(choice, str)]
    return names


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        log.warning("cannot read %s to tell where settings come from: %s", path, exc)
        return {}


def _explains(settings: Settings, key: str, raw: Any) -> bool:
    """Whether ``raw`` from a source gives the value ``settings`` has (True if unsure)."""
    try:
        return validate_value(key, raw, settings) == getattr(settings, key)
    except SettingError:
        return True  # e.g. a JSON list in an environment variable: trust the source


def base_sources(
    settings: Settings,
    environ: Mapping[str, str] | None = None,
) -> dict[str, tuple[str, str | None]]:
    """For each field: (source, origin) of the value in ``settings``, as Settings resolves it.

    origin names the environment variable or the file. A field set by the program that
    built ``settings`` (``briefbot --data-dir``) is reported as ``command line``: it wins
    over everything, and no file or variable holds that value.
    """
    environ = os.environ if environ is None else environ
    env = {name.lower(): (name, value) for name, value in environ.items()}
    files: list[tuple[str, Path, dict[str, Any]]] = [
        (SOURCE_DEFAULT_FILE, DEFAULT_CONFIG_FILE, _read_toml(DEFAULT_CONFIG_FILE))
    ]
    extra = environ.get("BRIEFBOT_CONFIG")
    if extra:
        path = Path(extra).expanduser()
        files.append((SOURCE_CONFIG_FILE, path, _read_toml(path)))

    sources: dict[str, tuple[str, str | None]] = {}
    for key in Settings.model_fields:
        found: tuple[str, str | None, Any] | None = None
        for name in _env_names(key):
            if name.lower() in env:
                var, value = env[name.lower()]
                found = (SOURCE_ENV, var, value)
                break
        if found is None:
            for source, path, data in reversed(files):  # the later file wins
                hit = next((n for n in _file_names(key) if n in data), None)
                if hit is not None:
                    found = (source, str(path), data[hit])
                    break
        if found is not None and _explains(settings, key, found[2]):
            sources[key] = (found[0], found[1])
        elif found is not None or key in settings.model_fields_set:
            sources[key] = (SOURCE_ARGUMENT, None)
        else:
            sources[key] = (SOURCE_BUILTIN, None)
    return sources


# -- describe -------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class SettingView:
    key: str
    value: str  # for display: secrets hidden
    source: str  # one of the SOURCE_* names
    settable: bool  # may be changed with /config set
    origin: str | None = None  # the environment variable or file, when there is one
    updated_by: int | None = None  # chat command: who
    updated_at: datetime | None = None  # chat command: when
    # the value is a word, not data (unset, set, true, false, none; unset_sqlite with the
    # database file as ``detail``): an interface says it in its reader's language
    # (catalogue ``admin.value.<word>``); ``value`` keeps the English for logs and the CLI
    word: str | None = None
    detail: str = ""


def value_word(settings: Settings, key: str) -> tuple[str, str] | None:
    """The word ``settings.<key>`` is shown as, when it is one (``unset``, ``set``,
    ``true``, ``false``, ``none``; ``unset_sqlite`` with the database file), with its
    detail; None for a value shown as data (a number, a path, a name)."""
    value = getattr(settings, key)
    if key == "database_url":
        return ("unset_sqlite", str(settings.database_file)) if value is None else None
    if isinstance(value, SecretStr):
        return ("set" if value.get_secret_value() else "unset"), ""
    if value is None:
        return "unset", ""
    if isinstance(value, bool):
        return ("true" if value else "false"), ""
    if isinstance(value, list | tuple) and not value:
        return "none", ""
    return None


def display_value(settings: Settings, key: str, word: tuple[str, str] | None) -> str:
    """``settings.<key>`` as /config shows it: secrets hidden, paths and lists plain;
    ``word`` is its :func:`value_word`, worked out once by the caller."""
    value = getattr(settings, key)
    if word:
        name, detail = word
        return f"unset (SQLite {detail})" if name == "unset_sqlite" else name
    if key == "database_url":
        return shown_url(value)
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    return redact(str(value))  # URLs with a password in them


def describe(
    live: LiveSettings, *, secrets: Iterable[str | SecretStr | None] = ()
) -> list[SettingView]:
    """Every setting with its effective value and source, in the order Settings declares.

    Values are scrubbed with :func:`~bot.admin.audit.redact` (pass the bot token in
    ``secrets``: a webhook URL may carry it in its path).
    """
    secrets = list(secrets)
    settings, overrides = live.snapshot()
    views = []
    for key in Settings.model_fields:
        word = value_word(settings, key)
        value = redact(display_value(settings, key, word), secrets)
        name, detail = word or (None, "")
        said = {"word": name, "detail": redact(detail, secrets)}
        stored = overrides.get(key)
        if stored is not None:
            views.append(
                SettingView(
                    key,
                    value,
                    SOURCE_CHAT,
                    True,
                    None,
                    stored.updated_by,
                    stored.updated_at,
                    **said,
                )
            )
            continue
        source, origin = live.base_sources.get(key, (SOURCE_BUILTIN, None))
        views.append(SettingView(key, value, source, key in RUNTIME_KEYS, origin, **said))
    return views
