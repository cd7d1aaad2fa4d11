"""What the bot says, in Chinese and English: a TOML catalogue per language.

``zh.toml`` and ``en.toml`` (shipped as package data) hold every user-facing text of
the Telegram layer under stable dotted keys (``search.no_results``,
``admin.refused`` …); values are :meth:`str.format` templates with named placeholders.
:func:`tr` looks a key up: ``tr("en", "flood.too_many", wait=3)``. Values passed in
are inserted as given: HTML escaping stays with the formatter that builds the message
(``handlers.format``), never in the catalogue, so a template may carry ``<b>`` tags
while the values it receives are already escaped.

The language of a reply (:func:`language_for`) follows the rule the command menus have
always used: a Telegram client whose ``language_code`` is English (``en``, ``en-GB`` …)
gets English, every other client (Chinese or any other language, or none) gets
Chinese, the bot's first language. A user may choose with ``/lang zh|en`` and a chat's
administrators with ``/lang chat zh|en`` (:mod:`handlers.i18n.prefs`).
"""

from __future__ import annotations

import functools
import string
import tomllib
from collections.abc import Mapping
from importlib import resources
from typing import Any

LANGUAGES: tuple[str, ...] = ("zh", "en")
DEFAULT_LANGUAGE = "zh"


def language_for(language_code: str | None) -> str:
    """The catalogue language for a Telegram ``language_code``: ``en*`` → English,
    anything else (``zh-hans``, ``zh-hant``, ``de``, none) → Chinese."""
    code = (language_code or "").strip().lower()
    return "en" if code == "en" or code.startswith(("en-", "en_")) else DEFAULT_LANGUAGE


def normalise_language(word: str) -> str | None:
    """``zh`` / ``en`` for what a user may type after ``/lang`` (中文, english …), else None."""
    word = word.strip().lower()
    if word in ("zh", "cn", "chinese", "中文", "汉语", "简体", "zh-hans", "zh-cn"):
        return "zh"
    if word in ("en", "english", "英文", "英语"):
        return "en"
    return None


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


class Catalogue:
    """Messages by language and key (``{"zh": {"search.no_results": "…"}, "en": …}``)."""

    def __init__(self, messages: Mapping[str, Mapping[str, str]]) -> None:
        self.messages = {lang: dict(table) for lang, table in messages.items()}

    @classmethod
    def load(cls) -> Catalogue:
        """The catalogue shipped with the package (``handlers/i18n/<lang>.toml``)."""
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
        return template.format(**params)


@functools.cache
def catalogue() -> Catalogue:
    return Catalogue.load()


def tr(lang: str, key: str, /, **params: Any) -> str:
    """The catalogue's ``key`` in ``lang``, with ``params`` filled in."""
    return catalogue().text(lang, key, **params)
