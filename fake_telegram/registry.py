"""Bot API method table: canonical names, looked up case-insensitively like Telegram does."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fake_telegram.backend import Backend

Handler = Callable[["Backend", dict[str, Any]], Awaitable[Any]]

_METHODS: dict[str, tuple[str, Handler]] = {}


def api_method(name: str) -> Callable[[Handler], Handler]:
    """Register ``fn`` as the implementation of Bot API method ``name`` (e.g. "sendMessage")."""

    def register(fn: Handler) -> Handler:
        _METHODS[name.lower()] = (name, fn)
        return fn

    return register


def lookup(name: str) -> tuple[str, Handler] | None:
    """(canonical name, handler) for a method name in any letter case, or None."""
    return _METHODS.get(name.lower())


def method_names() -> list[str]:
    return sorted(canonical for canonical, _ in _METHODS.values())


class Described:
    """A result that Telegram accompanies with a ``description`` (e.g. "Webhook was set")."""

    def __init__(self, result: Any, description: str) -> None:
        self.result = result
        self.description = description
