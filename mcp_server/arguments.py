"""A tool call's arguments checked as an assistant needs them said (``mcp-trial``).

The SDK answers an argument outside its schema with pydantic's report (``1 validation
error for searchArguments / page_size / Input should be less than or equal to 20
[type=less_than_equal, …] For further information visit https://errors.pydantic.dev…``)
and passes an argument the tool does not take (``limit``, ``top_k``) over in silence,
so the call runs with the default and the assistant never learns why it got ten
results. Here both are one sentence naming the argument, the value and what to send.
Pure: no I/O.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import ValidationError

from bot.i18n import counted

ALIASES = {
    "limit": "page_size",
    "top_k": "page_size",
    "k": "page_size",
    "n": "page_size",
    "count": "page_size",
    "size": "page_size",
    "per_page": "page_size",
    "max_results": "page_size",
    "offset": "page",
    "page_number": "page",
    "q": "query",
    "keywords": "query",
    "text": "query",
    "document": "doc",
    "doc_id": "doc",
    "filename": "doc",
    "file": "doc",
    "province": "region",
    "city": "region",
}
"""Names assistants send for an argument the tools call otherwise."""

VALUE_SHOWN = 60
"""Characters of a rejected value said back."""


def unknown_arguments(tool: str, arguments: Iterable[str], known: Iterable[str]) -> str | None:
    """The sentence for arguments ``tool`` does not take, with the one meant where it is
    clear; None when every argument is known."""
    names = list(known)
    unknown = [a for a in arguments if a not in names]
    if not unknown:
        return None
    said = []
    for name in unknown:
        meant = ALIASES.get(name.lower())
        if meant not in names:
            close = difflib.get_close_matches(name, names, n=1, cutoff=0.7)
            meant = close[0] if close else None
        said.append(f"{name!r}" + (f" (did you mean {meant!r}?)" if meant else ""))
    return (
        f"{tool} takes no argument {', '.join(said)}; its arguments are "
        f"{', '.join(names)}. Send the call again with those."
    )


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= VALUE_SHOWN else text[: VALUE_SHOWN - 1] + "…"


def _problem(error: Mapping[str, Any]) -> str:
    """One pydantic error as what the argument must be."""
    kind, ctx = error["type"], error.get("ctx") or {}
    name = ".".join(str(p) for p in error["loc"]) or "the arguments"
    value = error.get("input")
    if kind == "missing":
        return f"{name} is required"
    must = {
        "less_than_equal": lambda: f"at most {ctx.get('le')}",
        "less_than": lambda: f"less than {ctx.get('lt')}",
        "greater_than_equal": lambda: f"at least {ctx.get('ge')}",
        "greater_than": lambda: f"more than {ctx.get('gt')}",
        "string_too_short": lambda: f"at least {counted(ctx.get('min_length'), 'character')} long",
        "string_too_long": lambda: f"at most {counted(ctx.get('max_length'), 'character')} long",
        "literal_error": lambda: f"one of {ctx.get('expected')}",
        "int_parsing": lambda: "a whole number",
        "int_type": lambda: "a whole number",
        "int_from_float": lambda: "a whole number",
        "string_type": lambda: "a string",
    }.get(kind)
    if must is None:  # a check not listed: pydantic's own words, without its links
        return f"{name}: {error['msg']}, not {_shown(value)}"
    said = f"{name} must be {must()}, not {_shown(value)}"
    if name == "page_size" and kind == "less_than_equal":
        said += " (ask for the next page, next_page, rather than a bigger one)"
    return said


def argument_errors(exc: ValidationError) -> str:
    """A validation error of a tool's arguments as one sentence, every argument named."""
    return "; ".join(_problem(e) for e in exc.errors(include_url=False)) + "."
