"""What the bot says, in Chinese and English: one TOML catalogue per language.

``zh.toml`` and ``en.toml`` (shipped as package data) hold every user-facing text, of
the core (digests, schedules, setting descriptions, admin notices) and of the Telegram
layer, under stable dotted keys (``digest.title``, ``search.no_results`` …); values are
:meth:`str.format` templates with named placeholders. :func:`tr` looks a key up:
``tr("en", "flood.too_many", wait=3)``. Values passed in are inserted as given: HTML
escaping stays with whoever builds the message, never in the catalogue, so a template
may carry ``<b>`` tags while the values it receives are already escaped.

A count with its noun is written ``{count:plural:passage:passages}``: the count, a space
and the singular for exactly one, else the plural ("1 passage", "2 passages", "0
passages"); Chinese templates need no such form and write ``{count}`` as usual.

A :class:`Message` is a key with its parameters, said later in a language not yet known
(a notice the Telegram layer sends to each admin in theirs).

Pure: the core composes in a language it is given (``lang``, Chinese by default); the
Telegram layer decides whose language that is (``handlers.i18n``).
"""

from __future__ import annotations

import functools
import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

LANGUAGES: tuple[str, ...] = ("zh", "en")
DEFAULT_LANGUAGE = "zh"


def _flatten(table: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    for name, value in table.items():
        key = f"{prefix}{name}"
        if isinstance(value, Mapping):
            out.update(_flatten(value, key + "."))
        elif isinstance(value, str):
            out[key] = value
        else:
            raise ValueError(f"catalogue value {key!r} is not a string")
    return out


def placeholders(template: str) -> frozenset[str]:
    """The named fields of a ``str.format`` template."""
    return frozenset(
        field.split(".")[0].split("[")[0]
        for _text, field, _spec, _conv in string.Formatter().parse(template)
        if field is not None
    )


_PLURAL = "plural:"


def _is_one(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return value == 1
    text = str(value).replace(",", "").replace("\u00a0", "").strip()
    try:
        return float(text) == 1
    except ValueError:
        return False


def counted(count: Any, one: str, many: str | None = None) -> str:
    """A count with its English noun, as the catalogue's ``{n:plural:one:many}`` says it
    ("1 document", "2 documents", "0 documents"): for log lines and the command line's
    English, which do not go through the catalogue. ``many`` defaults to ``one`` + s."""
    return f"{count} {one if _is_one(count) else many or one + 's'}"


class _Formatter(string.Formatter):
    """``str.format`` with one more spec: ``{n:plural:one:many}`` → "1 one", "2 many"."""

    def format_field(self, value: Any, format_spec: str) -> Any:
        if format_spec.startswith(_PLURAL):
            one, _, many = format_spec[len(_PLURAL) :].partition(":")
            return counted(value, one, many or one)
        return super().format_field(value, format_spec)


_FORMATTER = _Formatter()


class Catalogue:
    """Messages by language and key (``{"zh": {"search.no_results": "…"}, "en": …}``)."""

    def __init__(self, messages: Mapping[str, Mapping[str, str]]) -> None:
        self.messages = {lang: dict(table) for lang, table in messages.items()}

    @classmethod
    def load(cls) -> Catalogue:
        """The catalogue shipped with the package (``bot/i18n/<lang>.toml``)."""
        folder = resources.files(__package__)
        return cls(
            {
                lang: _flatten(tomllib.loads(folder.joinpath(f"{lang}.toml").read_text("utf-8")))
                for lang in LANGUAGES
            }
        )

    def keys(self, lang: str) -> frozenset[str]:
        return frozenset(self.messages[lang])

    def text(self, lang: str, key: str, /, **params: Any) -> str:
        """The message ``key`` in ``lang`` (Chinese for an unknown language), formatted."""
        table = self.messages.get(lang) or self.messages[DEFAULT_LANGUAGE]
        template = table[key]  # a missing key is a bug: tests/test_i18n.py checks them all
        return _FORMATTER.format(template, **params)


@functools.cache
def catalogue() -> Catalogue:
    return Catalogue.load()


def tr(lang: str, key: str, /, **params: Any) -> str:
    """The catalogue's ``key`` in ``lang``, with ``params`` filled in."""
    return catalogue().text(lang, key, **params)


@dataclass(frozen=True, slots=True)
class Message:
    """A catalogue key and its parameters, to be said in a language chosen later."""

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def text(self, lang: str) -> str:
        """Said in ``lang``; a parameter that is itself a :class:`Message` is said in
        ``lang`` too (a reason the catalogue words, inside a notice)."""
        params = {
            name: value.text(lang) if isinstance(value, Message) else value
            for name, value in self.params.items()
        }
        return catalogue().text(lang, self.key, **params)


__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "Catalogue",
    "Message",
    "catalogue",
    "counted",
    "placeholders",
    "tr",
]
