"""The bot token: where it comes from, how it is checked, and how it is kept out of logs.

The token is never a setting. It comes from the ``TELEGRAM_BOT_TOKEN`` environment
variable or, failing that, from the file named by the ``token_file`` setting, which must
live outside the repository (so it cannot be committed by accident). Error messages
describe what is wrong with a token without ever quoting it.

python-telegram-bot and httpx log request URLs, and those contain the token
(``https://api.telegram.org/bot<TOKEN>/getUpdates``); :func:`install_log_redaction`
puts a filter on the root logger and its handlers that rewrites anything shaped like a
token before a record is written.
"""

from __future__ import annotations

import functools
import logging
import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import quote, quote_plus

from bot.config import PROJECT_ROOT, URL_PASSWORD_MASK, URL_PASSWORD_RE, Settings

TOKEN_ENV = "TELEGRAM_BOT_TOKEN"
# The MCP server's bearer token (``briefbot mcp --http``), named here so the command line
# can say it in its help without importing the MCP SDK.
MCP_TOKEN_ENV = "BRIEFBOT_MCP_TOKEN"
TOKEN_RE = re.compile(r"^\d{5,}:[A-Za-z0-9_-]{30,}$")
# The same shape anywhere in a text (inside URLs such as /bot<TOKEN>/, reprs, tracebacks),
# the colon also URL-encoded once or twice, in either case.
TOKEN_IN_TEXT_RE = re.compile(r"\d{5,}(?::|%3a|%253a)[A-Za-z0-9_-]{30,}", re.IGNORECASE)
# scheme://user:password@host: the password (up to the @); and the same URL-encoded
# (https%3A%2F%2Fuser%3Apassword%40host, in a query string).
_URL_PASSWORD_ENCODED_RE = re.compile(
    r"(?P<head>[A-Za-z][A-Za-z0-9+.-]*%3A%2F%2F(?:(?!%2F|%3A|%40)[^\s:/@&])*%3A)"
    r"(?:(?!%40|%2F)[^\s@/&])+(?=%40)",
    re.IGNORECASE,
)
REDACTED = "[REDACTED-TOKEN]"
_SHAPE = "<bot id, 5+ digits>:<30+ letters, digits, _ or ->"

log = logging.getLogger(__name__)


class TokenError(Exception):
    """No usable token. The message says why and never contains the token."""


def _check(token: str, source: str) -> str:
    token = token.strip()
    if not token:
        raise TokenError(f"{source} is empty.")
    if not TOKEN_RE.fullmatch(token):
        if "=" in token and TOKEN_RE.fullmatch(token.rpartition("=")[2].strip(" \"'")):
            raise TokenError(
                f"{source} holds a NAME=value line: it must hold the token alone "
                "(as @BotFather gave it, nothing before it)."
            )
        raise TokenError(
            f"{source} does not look like a bot token ({len(token)} characters; "
            f"expected {_SHAPE}, as given by @BotFather)."
        )
    return token


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
    except ValueError:
        return False
    return True


def _token_text(data: bytes) -> str:
    """A token file's text as editors save it: UTF-8 with or without a byte-order mark
    (Windows Notepad writes one), or UTF-16 with its mark; line ends are stripped later."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    return data.decode("utf-8-sig")


def load_token(settings: Settings, *, environ: dict[str, str] | None = None) -> str:
    """The bot token from ``TELEGRAM_BOT_TOKEN``, else from ``settings.token_file``.

    Raises TokenError when neither gives a well-formed token, or when the token file lies
    inside the repository.
    """
    env = os.environ if environ is None else environ
    value = env.get(TOKEN_ENV)
    if value is not None and value.strip():
        return _check(value, f"${TOKEN_ENV}")
    path = settings.token_file
    if path is None:
        raise TokenError(
            f"no bot token: set {TOKEN_ENV}, or token_file (BRIEFBOT_TOKEN_FILE) to a file "
            "outside the repository that holds the token."
        )
    resolved = path.expanduser().resolve()
    if _inside(resolved, PROJECT_ROOT.resolve()):
        raise TokenError(
            f"refusing token file {path}: it is inside the repository ({PROJECT_ROOT}), "
            "where it could be committed. Move it outside, e.g. ~/.config/briefbot/token."
        )
    try:
        text = _token_text(resolved.read_bytes())
    except FileNotFoundError:
        raise TokenError(f"token file {path} does not exist.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise TokenError(f"cannot read token file {path}: {type(exc).__name__}.") from None
    token = _check(text, f"token file {path}")
    try:
        if resolved.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO):
            log.warning("token file %s is readable by others; chmod 600 it", path)
    except OSError:
        pass
    return token


def _secret_values(secrets: Iterable[object]) -> list[str]:
    """The plain values of ``secrets`` (str, pydantic SecretStr, None), with the part of a
    token after its colon when that is long enough to be secret (an upstream may echo
    that half alone)."""
    values: set[str] = set()
    for secret in secrets:
        if secret is None:
            continue
        getter = getattr(secret, "get_secret_value", None)
        value = str(getter() if callable(getter) else secret)
        if not value:
            continue
        values.add(value)
        _, colon, half = value.partition(":")
        if colon and len(half) >= 8:
            values.add(half)
    return sorted(values, key=len, reverse=True)


def _forms(value: str) -> list[str]:
    """The ways ``value`` appears in text: as is, URL-encoded (``%3A``), form-encoded,
    double-encoded. Matched without regard to case (lower-cased, ``%3a``)."""
    return [value, quote(value, safe=""), quote_plus(value), quote(quote(value, safe=""), safe="")]


@functools.lru_cache(maxsize=64)
def _secrets_pattern(values: tuple[str, ...]) -> re.Pattern[str] | None:
    """One expression for every form of ``values``, longest first (a log filter redacts
    every record with the same few secrets: compiled once)."""
    forms: dict[str, None] = {}
    for value in values:
        for form in _forms(value):
            forms.setdefault(form, None)
    if not forms:
        return None
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(alternation, re.IGNORECASE)


def redact(text: str, secrets: Iterable[object] = (), *, mask: str = REDACTED) -> str:
    """``text`` with every secret, token and URL password replaced by ``mask``: the one
    redaction of the project, used by the log filter, the audit log, replies and banners.

    - each value in ``secrets`` (str, SecretStr or None; the bot token, the webhook
      secret …) in any case and plain, URL-encoded or form-encoded, longest first, and a
      token's half after the colon;
    - anything shaped like a bot token, also inside ``/bot<TOKEN>/`` and with the colon
      URL-encoded (``%3A``, ``%3a``, ``%253A``);
    - the password of URL user-info (``scheme://user:password@host``), plain or
      URL-encoded, as ``***`` whatever ``mask`` (:data:`bot.config.URL_PASSWORD_MASK`: a
      URL looks the same in a log line as in ``briefbot doctor`` or /config).
    """
    if not text:
        return text
    pattern = _secrets_pattern(tuple(_secret_values(secrets)))
    if pattern is not None:
        text = pattern.sub(lambda _m: mask, text)
    text = TOKEN_IN_TEXT_RE.sub(lambda _m: mask, text)
    # a URL's password as every output shows it (bot.config.shown_url), whatever ``mask``
    text = URL_PASSWORD_RE.sub(lambda m: m.group("head") + URL_PASSWORD_MASK, text)
    return _URL_PASSWORD_ENCODED_RE.sub(lambda m: m.group("head") + URL_PASSWORD_MASK, text)


class RedactingFilter(logging.Filter):
    """Rewrites a record's message (and exception text) so no token survives formatting."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self.secrets: set[str] = {s for s in secrets if s}

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "_briefbot_redacted", False):
            return True
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: let the handler report it
            return True
        clean = redact(message, self.secrets)
        if clean != message:
            record.msg, record.args = clean, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text, self.secrets)
        if record.stack_info:
            record.stack_info = redact(record.stack_info, self.secrets)
        record._briefbot_redacted = True
        return True


_FILTER = RedactingFilter()


def remember_secrets(*secrets: str | None) -> None:
    """Secrets the log redaction masks from now on, whatever their shape (the token an
    application is built with: a token of an unusual shape, a local Bot API server's or a
    test's, would otherwise be masked only by whoever installs the redaction naming it).
    Attaches nothing: :func:`install_log_redaction` puts the filter in place."""
    _FILTER.secrets.update(s for s in secrets if s)


def install_log_redaction(secrets: Iterable[str] = ()) -> RedactingFilter:
    """Redact tokens (and ``secrets``) in every record that reaches the root logger.

    The filter goes on the root logger (records logged to it) and on each of its handlers
    (records propagated from ``httpx``, ``telegram.*`` …, which logger filters do not see).
    Call it after logging is configured; calling it again adds secrets and new handlers.
    """
    _FILTER.secrets.update(s for s in secrets if s)
    root = logging.getLogger()
    for target in (root, *root.handlers):
        if _FILTER not in target.filters:
            target.addFilter(_FILTER)
    return _FILTER
