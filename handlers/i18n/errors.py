"""Core errors in the user's language: a ``code`` is the catalogue key ``errors.<code>``.

The core raises :class:`bot.errors.CodedError` (schedules, filters, subscriptions) and
:class:`bot.corpus.uploads.UploadRefused` with a stable ``code`` and ``params``; the
Telegram layer never shows their (core, for logs and the command line) sentences.
"""

from __future__ import annotations

from bot.text.echo import ARG_SHOWN, cut
from handlers.i18n import tr


# A parameter is often the user's own words (a file reference, a time zone, a filter):
# echoed whole, 4,000 characters of them made a reply over Telegram's 4,096 (issue 14).
def _shown(value: object) -> object:
    return cut(value, ARG_SHOWN) if isinstance(value, str) else value


def error_text(exc: object, lang: str) -> str:
    """What to tell the user about ``exc``: its code's message (plain text), or, for an
    error without a code, its own message.

    The code is ``message_code`` where there is one (an upload refusal or result, whose
    ``code`` is the kind of refusal), else ``code``.
    """
    code = getattr(exc, "message_code", None)
    if code is None:
        code = getattr(exc, "code", "")
    if not code:
        return getattr(exc, "reason", None) or str(exc)
    params = dict(getattr(exc, "params", None) or {})
    return tr(lang, f"errors.{code}", **{k: _shown(v) for k, v in params.items()})


NO_MATCH = "document.no_match"


def not_found_detail(exc: object, lang: str) -> str:
    """What a :class:`~bot.library.DocumentNotFound` adds to a reply that already says the
    reference matched no document (``/doc``, ``/remove``): why, when it says more than
    that (several documents match, the document was just removed); else nothing, so that
    "no document “999”" is said once."""
    return "" if getattr(exc, "code", "") == NO_MATCH else error_text(exc, lang)
