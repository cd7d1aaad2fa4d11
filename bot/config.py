"""One place for configuration.

Precedence, lowest first: ``config/default.toml`` < the TOML file named by the
``BRIEFBOT_CONFIG`` environment variable < ``BRIEFBOT_*`` environment variables.
Relative paths are resolved against the project root so that commands work from
any working directory.

The project root is the repository checkout the package runs from (editable install
or ``PYTHONPATH``). A regular install (``pip install .``) has no checkout: it carries
``config/`` and the sample ``corpus/`` inside the package (``bot/_bundled``, symlinks to
the top-level folders in the repository), and that is the root; the state folder
(``data_dir``, relative) is then under the user's data folder
(``$XDG_DATA_HOME/briefbot``, default ``~/.local/share/briefbot``), never inside the
installed package.
"""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlparse

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    NoDecode,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from bot.zones import known_zone

PACKAGE_DIR = Path(__file__).resolve().parent
BUNDLED_ROOT = PACKAGE_DIR / "_bundled"
"""``config/`` and ``corpus/`` as a regular install carries them."""


def _checkout_root() -> Path | None:
    root = PACKAGE_DIR.parent
    if (root / "pyproject.toml").is_file() and (root / "config" / "default.toml").is_file():
        return root
    return None


CHECKOUT_ROOT = _checkout_root()
"""The repository the package runs from; None for a regular install."""
PROJECT_ROOT = CHECKOUT_ROOT or BUNDLED_ROOT
"""Where ``config/`` and ``corpus/`` are, and what relative paths are resolved against."""
DEFAULT_CONFIG_FILE = PROJECT_ROOT / "config" / "default.toml"


def state_root() -> Path:
    """What a relative ``data_dir`` (or SQLite file) is resolved against: the checkout, or
    for a regular install the user's data folder."""
    if CHECKOUT_ROOT is not None:
        return CHECKOUT_ROOT
    return Path(os.environ.get("XDG_DATA_HOME") or "~/.local/share").expanduser() / "briefbot"


def _resolve(path: Path, *, state: bool = False) -> Path:
    path = path.expanduser()
    if path.is_absolute():
        return path
    return (state_root() if state else PROJECT_ROOT) / path


# Settings that only the environment may give: a config file naming one is an error.
ENV_ONLY_KEYS = ("webhook_secret_token",)
WEBHOOK_SECRET_RE = re.compile(r"[A-Za-z0-9_-]{1,256}")


# How a URL's password is shown wherever a URL reaches output (`briefbot doctor`, the
# start-up lines of `briefbot run`, /config, error messages, log lines): SQLAlchemy's
# rendering of a URL with its password hidden, ``user:***@host``.
URL_PASSWORD_MASK = "***"
# The password of URL user-info (``scheme://user:password@host``) in any text; also
# bot.tokens.redact's, for log lines.
URL_PASSWORD_RE = re.compile(r"(?P<head>[A-Za-z][A-Za-z0-9+.-]*://[^\s:/@]*:)[^\s@/]+(?=@)")


def shown_url(url: object) -> str:
    """``url`` (a database URL, a string or SQLAlchemy's ``URL``) as output may show it:
    the one way the project hides a URL's password, SQLAlchemy's
    ``URL.render_as_string(hide_password=True)`` (``postgresql://bot:***@db/bb``); a text
    that is no URL SQLAlchemy reads has the password of any ``scheme://user:password@``
    in it replaced by the same mask."""
    from sqlalchemy.engine import URL, make_url  # lazy: most commands never touch a database
    from sqlalchemy.exc import ArgumentError

    if isinstance(url, URL):
        return url.render_as_string(hide_password=True)
    text = str(url)
    try:
        return make_url(text).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return URL_PASSWORD_RE.sub(lambda m: m.group("head") + URL_PASSWORD_MASK, text)


class _WithoutSecrets(PydanticBaseSettingsSource):
    """A config-file source that refuses the environment-only (secret) keys."""

    def __init__(self, settings_cls: type[BaseSettings], inner: PydanticBaseSettingsSource):
        super().__init__(settings_cls)
        self.inner = inner

    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False  # unused: __call__ delegates to the file source

    def __call__(self) -> dict[str, Any]:
        data = self.inner()
        for key in ENV_ONLY_KEYS:
            if key in data:
                raise ValueError(
                    f"{key} is a secret: set it in the environment (BRIEFBOT_{key.upper()}), "
                    "not in a config file"
                )
        return data


class Settings(BaseSettings):
    """Effective settings. Build with :func:`get_settings` or ``Settings()``.

    Every number has a lower and an upper bound, and a rate or size a positive minimum
    (``ge=``, never ``gt=0``: 1e-310 per minute is "never" in disguise; issue 14).
    """

    model_config = SettingsConfigDict(env_prefix="BRIEFBOT_", extra="ignore")

    corpus_dir: Path = Path("corpus")
    data_dir: Path = Path("data")
    user_dict_paths: list[Path] = Field(default_factory=list)
    indicators_path: Path = Path("config/indicators.toml")
    synonym_paths: list[Path] = Field(default_factory=list)

    results_per_page: int = Field(5, ge=1, le=50)
    snippet_chars: int = Field(120, ge=20, le=1000)
    fuzzy_threshold: int = Field(70, ge=0, le=100)
    max_query_chars: int = Field(200, ge=10, le=10_000)
    # Wall time one query's typo correction and planning may take before it is searched
    # as typed (bot/search/budget.py: a backstop behind the work counters, which bound
    # the work on their own). The test suite raises it: on a loaded machine a clock
    # makes a reply depend on the load.
    search_time_budget_seconds: float = Field(0.5, ge=0.01, le=600)

    digest_cap: int = Field(30, ge=1, le=500)

    # The language of what the bot says to someone who never chose one with /lang and
    # whom no update tells of (digests, notices to admins): "zh" or "en".
    default_language: Literal["zh", "en"] = "zh"

    # Subscriptions: the time zone (IANA name) and time of day (HH:MM) a new
    # subscription gets when the user names none.
    default_timezone: str = "Asia/Shanghai"
    default_digest_time: str = "08:00"
    # A slot that passed while the bot was down is still sent within this many hours
    # after it; older ones are recorded as missed.
    digest_grace_hours: float = Field(6, ge=0, le=168)
    # Delivery: Telegram's limits (about 30 messages/s overall, 20/min per group), how
    # many digests are sent at once, and how often a failed send is tried.
    send_rate_per_second: float = Field(30, ge=1, le=1000)
    group_messages_per_minute: float = Field(20, ge=1, le=1000)
    delivery_workers: int = Field(32, ge=1, le=1000)
    delivery_attempts: int = Field(5, ge=1, le=20)
    delivery_backoff_seconds: float = Field(2.0, ge=0, le=600)
    # A digest message handed to Telegram when the bot was killed, its outcome unknown:
    # "resend" sends it again after the restart (it may arrive twice), "skip" does not (it
    # may be lost). Either way it is recorded and counted (/status).
    delivery_uncertain: Literal["resend", "skip"] = "resend"

    # Bot owners: Telegram user ids (BRIEFBOT_OWNERS="123,456" or a TOML list). Owners
    # are always admins and can add and remove other admins from the chat.
    owners: Annotated[list[int], NoDecode] = Field(default_factory=list)

    # Telegram. The bot token itself is never a setting: it comes from the environment
    # (TELEGRAM_BOT_TOKEN) or from token_file, a file outside the repository (bot/tokens.py).
    token_file: Path | None = None
    # A self-hosted Bot API server (or the fake one), e.g. http://127.0.0.1:8081. The env
    # name has no BRIEFBOT_ prefix, as is usual for it.
    telegram_api_base_url: str | None = Field(
        None,
        validation_alias=AliasChoices(
            "TELEGRAM_API_BASE_URL", "BRIEFBOT_TELEGRAM_API_BASE_URL", "telegram_api_base_url"
        ),
    )
    drop_pending_updates: bool = False
    # Webhook mode when webhook_url is set; long polling otherwise.
    webhook_url: str | None = None
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = Field(8443, ge=1, le=65535)
    # From the environment only (BRIEFBOT_WEBHOOK_SECRET_TOKEN); a config file may not set it.
    webhook_secret_token: SecretStr | None = None

    max_file_mb: float = Field(20, ge=0.01, le=2000)
    # The running bot looks this often for an index written by another process
    # (briefbot ingest on its data folder) and serves it without a restart.
    index_check_seconds: float = Field(2.0, ge=0.01, le=3600)
    passage_max_chars: int = Field(400, ge=50, le=10_000)

    # Retention: saved searches (behind result buttons) unused for saved_search_days and
    # audit entries older than audit_log_days are deleted, when the bot starts and daily.
    saved_search_days: int = Field(30, ge=1, le=3650)
    audit_log_days: int = Field(365, ge=1, le=36500)

    # Telegram: per-chat flood limit (token bucket): flood_burst requests at once, then
    # flood_rate requests per minute; flood_burst = 0 turns the limit off. The defaults
    # let a person at one command a second through for over a minute and stop a script
    # within seconds (config/default.toml says why).
    flood_rate: float = Field(45, ge=1, le=6000)
    flood_burst: int = Field(20, ge=0, le=1000)

    # Live sources (bot/sources): private and loopback addresses are refused unless
    # sources_allow_private (env BRIEFBOT_SOURCES_ALLOW_PRIVATE=1; the tests set it). A new
    # source is polled every source_default_every (6h, 30m, 1d); source_alert_failures
    # failed polls in a row alert the admins once. Pages and attachments are at most
    # source_max_mb; one request at a time per host, source_host_gap_seconds apart.
    sources_allow_private: bool = False
    source_default_every: str = "6h"
    source_alert_failures: int = Field(3, ge=1, le=100)
    source_max_mb: float = Field(10, ge=0.01, le=500)
    source_timeout_seconds: float = Field(20, ge=0.05, le=600)
    source_retries: int = Field(3, ge=0, le=10)
    source_host_gap_seconds: float = Field(2.0, ge=0, le=600)
    source_user_agent: str = (
        "PolicyBriefBot/0.1 (+https://github.com/policy-brief-bot; polls public policy pages)"
    )

    # None: SQLite at <data_dir>/briefbot.db (database_file). Otherwise a SQLAlchemy URL.
    # repr=False: a PostgreSQL URL may carry a password; settings get logged.
    database_url: str | None = Field(None, repr=False)

    @field_validator("owners", mode="before")
    @classmethod
    def _owners(cls, value: Any) -> Any:
        """``"123, 456"`` (environment) or a list; blank means none."""
        if isinstance(value, int) and not isinstance(value, bool):
            return [value]
        if isinstance(value, str):
            parts = [p for p in re.split(r"[\s,;]+", value.strip()) if p]
            for part in parts:
                if not re.fullmatch(r"-?\d+", part):
                    raise ValueError(f"owners must be numeric Telegram user ids, not {part!r}")
            return [int(p) for p in parts]
        return value

    @field_validator("token_file", mode="before")
    @classmethod
    def _token_file(cls, value: Any) -> Any:
        """Blank means unset; ~ and paths relative to the project root are resolved."""
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        return _resolve(Path(value))

    @field_validator("telegram_api_base_url", "webhook_url", mode="after")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        url = value.strip().rstrip("/")
        parsed = urlparse(url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise ValueError(f"{url!r} is not an http(s) URL")
        return url

    @field_validator("telegram_api_base_url", mode="after")
    @classmethod
    def _api_root(cls, value: str | None) -> str | None:
        """The server root: a trailing /bot (as in PTB's base_url) is dropped."""
        return value.removesuffix("/bot") if value else value

    @field_validator("webhook_secret_token", mode="after")
    @classmethod
    def _secret_token(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None or not value.get_secret_value():
            return None
        if not WEBHOOK_SECRET_RE.fullmatch(value.get_secret_value()):
            raise ValueError("webhook_secret_token must be 1-256 characters A-Z a-z 0-9 _ -")
        return value

    @field_validator("corpus_dir", "data_dir", "indicators_path", mode="before")
    @classmethod
    def _not_blank(cls, value: Any) -> Any:
        """A blank path is refused: read as a path it is the current folder, and
        ``BRIEFBOT_DATA_DIR=`` (an unset variable of a compose or .env file) wrote the index
        into the checkout while ``BRIEFBOT_CORPUS_DIR=`` indexed its source files."""
        if isinstance(value, str) and not value.strip():
            raise ValueError("is blank: name a folder or file (or leave the setting out)")
        return value

    @field_validator("corpus_dir", "indicators_path", mode="after")
    @classmethod
    def _abs_dir(cls, value: Path) -> Path:
        return _resolve(value)

    @field_validator("data_dir", mode="after")
    @classmethod
    def _abs_data_dir(cls, value: Path) -> Path:
        return _resolve(value, state=True)

    @field_validator("user_dict_paths", "synonym_paths", mode="after")
    @classmethod
    def _abs_paths(cls, value: list[Path]) -> list[Path]:
        return [_resolve(p) for p in value]

    @field_validator("default_timezone", mode="after")
    @classmethod
    def _timezone(cls, value: str) -> str:
        """An IANA name, or what ``/timezone`` also reads (Shanghai, Beijing, 北京时间):
        stored as the IANA name (:func:`bot.zones.known_zone`)."""
        known = known_zone(value)
        if known is None:
            raise ValueError(f"default_timezone {value.strip()!r} is not an IANA time zone")
        return known

    @field_validator("source_default_every", mode="after")
    @classmethod
    def _source_every(cls, value: str) -> str:
        """An interval as ``bot.sources.store.parse_every`` reads it: 6h, 30m, 1d, 1h30m."""
        value = value.strip()
        if not re.fullmatch(r"(\d+(\.\d+)?\s*(s|min|m|h|d|w)\s*)+", value, re.IGNORECASE):
            raise ValueError(f"source_default_every {value!r} is not an interval like 6h or 30m")
        return value

    @field_validator("default_digest_time", mode="after")
    @classmethod
    def _digest_time(cls, value: str) -> str:
        match = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", value.strip())
        if not match:
            raise ValueError(f"default_digest_time {value!r} is not a time of day like 08:00")
        return f"{int(match.group(1)):02d}:{match.group(2)}"

    @field_validator("database_url", mode="after")
    @classmethod
    def _database_url(cls, value: str | None) -> str | None:
        """Blank means the default; a relative SQLite file is resolved against the project root."""
        if value is None or not value.strip():
            return None
        from sqlalchemy.engine import make_url  # lazy: most commands never touch the database
        from sqlalchemy.exc import ArgumentError

        try:
            url = make_url(value.strip())
        except ArgumentError as exc:
            raise ValueError(f"database_url is not a valid SQLAlchemy URL: {exc}") from None
        db = url.database
        if (
            url.get_backend_name() == "sqlite"
            and db
            and db != ":memory:"
            and not db.startswith("file:")
            and not Path(db).is_absolute()
        ):
            path = _resolve(Path(db), state=True)
            return url.set(database=str(path)).render_as_string(hide_password=False)
        return value.strip()

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def database_file(self) -> Path:
        """Where the default SQLite database lives (used when ``database_url`` is unset)."""
        return self.data_dir / "briefbot.db"

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        if not DEFAULT_CONFIG_FILE.is_file():
            raise FileNotFoundError(
                f"the default configuration {DEFAULT_CONFIG_FILE} is missing: this install of "
                "policy-brief-bot is incomplete (it should carry config/ in bot/_bundled); "
                "reinstall it, or run from a checkout of the repository"
            )
        files = config_files()
        for file in files:
            check_config_file(file, settings_cls)
        # Later files override earlier ones inside TomlConfigSettingsSource.
        toml = _WithoutSecrets(
            settings_cls, TomlConfigSettingsSource(settings_cls, toml_file=files)
        )
        return (init_settings, env_settings, toml)


class ConfigError(ValueError):
    """A configuration file or value that cannot be used; the message names the key and
    the file or environment variable it came from, and never a secret's value."""


def config_files() -> list[Path]:
    """The configuration files read, lowest precedence first: the default, then the file
    named by ``BRIEFBOT_CONFIG`` (which must exist)."""
    files: list[Path] = [DEFAULT_CONFIG_FILE]
    extra = os.environ.get("BRIEFBOT_CONFIG")
    if extra:
        extra_path = Path(extra).expanduser()
        if not extra_path.is_file():
            raise FileNotFoundError(f"BRIEFBOT_CONFIG points at a missing file: {extra_path}")
        files.append(extra_path)
    return files


def _file_keys(settings_cls: type[BaseSettings]) -> set[str]:
    keys = set(settings_cls.model_fields)
    for name, field in settings_cls.model_fields.items():
        alias = field.validation_alias
        if isinstance(alias, AliasChoices):
            keys.update(a for a in alias.choices if isinstance(a, str) and a.islower())
        keys.add(name)
    return keys


def _read_toml(file: Path) -> dict[str, Any]:
    try:
        with file.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{file} is not valid TOML: {exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{file} is not valid TOML: it is not UTF-8 text") from None
    except OSError as exc:
        raise ConfigError(f"cannot read {file}: {exc.strerror or type(exc).__name__}") from None


def check_config_file(file: Path, settings_cls: type[BaseSettings]) -> None:
    """Refuse a config file that is not TOML or names a key no setting has (a typo would
    otherwise be ignored and its value never applied), naming the file and the key."""
    known = _file_keys(settings_cls)
    unknown = [key for key in _read_toml(file) if key not in known]
    if not unknown:
        return
    said = []
    for key in unknown:
        near = difflib.get_close_matches(key.lower(), sorted(known), n=1, cutoff=0.7)
        said.append(f"{key!r}" + (f" (did you mean {near[0]!r}?)" if near else ""))
    raise ConfigError(
        f"{file}: unknown setting{'s' if len(said) > 1 else ''} {', '.join(said)}; "
        f"the settings and their defaults are in {DEFAULT_CONFIG_FILE}"
    )


_TOKEN_GUESSES = frozenset(
    {
        "BRIEFBOT_TOKEN",
        "BRIEFBOT_BOT_TOKEN",
        "BRIEFBOT_TELEGRAM_TOKEN",
        "BRIEFBOT_TELEGRAM_BOT_TOKEN",
    }
)


def mistyped_environment(environ: dict[str, str] | None = None) -> list[str]:
    """``BRIEFBOT_*`` variables that are no setting but nearly one (``BRIEFBOT_DIGST_CAP``):
    one sentence each, with the name meant. Variables far from every setting (the test
    and MCP ones, ``BRIEFBOT_CONFIG``) are other programs' business and left alone."""
    environ = os.environ if environ is None else environ
    names = {f"BRIEFBOT_{key.upper()}" for key in Settings.model_fields}
    said = []
    for name in sorted(environ):
        if not name.startswith("BRIEFBOT_") or name in names:
            continue
        if name in _TOKEN_GUESSES:
            said.append(f"{name} is ignored: the bot token is read from TELEGRAM_BOT_TOKEN")
            continue
        near = difflib.get_close_matches(name, sorted(names), n=1, cutoff=0.85)
        if near:
            said.append(f"{name} is no setting and is ignored (did you mean {near[0]}?)")
    return said


def _field_name(loc: str) -> str:
    """The setting an error's location names (a field, or one of its aliases)."""
    for name, field in Settings.model_fields.items():
        alias = field.validation_alias
        if isinstance(alias, AliasChoices) and loc in alias.choices:
            return name
    return loc


def _origin(key: str) -> str:
    """Where the value of setting ``key`` came from: its environment variable, else the
    last config file that sets it."""
    field = Settings.model_fields.get(key)
    names = [f"BRIEFBOT_{key.upper()}"]
    if field is not None and isinstance(field.validation_alias, AliasChoices):
        names = [a for a in field.validation_alias.choices if isinstance(a, str) and a.isupper()]
    for name in names:
        if name in os.environ:
            return f"environment {name}"
    try:
        files = config_files()
    except FileNotFoundError:
        files = [DEFAULT_CONFIG_FILE]
    for file in reversed(files):
        try:
            if key in _read_toml(file):
                return str(file)
        except ConfigError:
            continue
    return "the command line"


def explain(exc: BaseException) -> str:
    """A configuration error said for an operator: each bad setting by name, what is
    wrong, the value given (never a secret's) and where it came from; no library jargon."""
    if not isinstance(exc, ValidationError):
        return str(exc)
    lines = []
    for error in exc.errors(include_url=False):
        key = _field_name(".".join(str(part) for part in error["loc"]) or "settings")
        message = error["msg"].removeprefix("Value error, ")
        secret = "secret" in key or key in ("database_url", "token_file")
        given = "" if secret else f" (given: {error.get('input')!r})"
        lines.append(f"{key}: {message}{given}, from {_origin(key)}")
    return "; ".join(lines)


@lru_cache(maxsize=1)
def get_settings(**overrides: Any) -> Settings:
    """The process-wide settings (cached)."""
    return Settings(**overrides)
