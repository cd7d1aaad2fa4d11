"""Errors meant for the user, as codes: the core never decides the words an interface uses.

A :class:`CodedError` carries a stable ``code`` (``schedule.bad_time``,
``subscription.too_many`` …) and the ``params`` its message needs; the Telegram layer
says it in the user's language from the catalogue (``bot/i18n``: the key
``errors.<code>``). ``str(exc)`` stays the core's own sentence, for logs and the
command line.
"""

from __future__ import annotations

from typing import Any


class CodedError(ValueError):
    """A user-facing error with a ``code`` and its ``params`` (see the module docstring)."""

    def __init__(self, message: str, code: str = "", /, **params: Any) -> None:
        super().__init__(message)
        self.code = code
        self.params = params

    def coded_as(self, other: CodedError) -> CodedError:
        """``self`` with the code and parameters of ``other`` (an error it wraps)."""
        self.code, self.params = other.code, dict(other.params)
        return self
