"""A document's ``.meta.toml`` sidecar: the metadata it sets, validated
(:func:`parse_sidecar`, pure) and read beside its document (:func:`load_sidecar`)."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.corpus.reader import UnreadableDocument

SIDECAR_SUFFIX = ".meta.toml"
SIDECAR_LEVELS = ("national", "provincial", "city", "county")


def toml_value(value: Any) -> str:
    """``value`` as a sidecar line writes it: an int as it is, anything else as a TOML
    basic string (JSON's string escapes are TOML's)."""
    return str(value) if isinstance(value, int) else json.dumps(str(value), ensure_ascii=False)


class MetadataError(UnreadableDocument):
    """A ``.meta.toml`` sidecar that cannot be used; ``path`` is the sidecar.

    A subclass of :class:`UnreadableDocument` so that an indexer catching that
    reports a bad sidecar for its document instead of crashing.
    """


def sidecar_path(document: Path) -> Path:
    """``report.txt`` -> ``report.txt.meta.toml`` next to it."""
    return document.with_name(document.name + SIDECAR_SUFFIX)


def parse_sidecar(text: str, *, source: str | Path) -> dict[str, Any]:
    """Validate sidecar TOML into overrides for :func:`merge_meta`.

    Known keys: ``title`` (non-empty string), ``region`` (string; ``""`` clears
    an inferred region), ``year`` (integer or digit string, 1900-2099),
    ``level`` (``national``, ``provincial``, ``city``, ``county``), ``type``,
    ``issuer`` and ``date`` (strings). Every
    other key, and the keys of an optional ``[extra]`` table, go to
    ``"extra"`` as strings. Problems raise :class:`MetadataError` naming
    ``source``.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise MetadataError(source, f"invalid TOML ({exc})") from None

    def fail(reason: str) -> MetadataError:
        return MetadataError(source, reason)

    out: dict[str, Any] = {}
    extra: dict[str, str] = {}
    for key, value in data.items():
        if key == "title":
            if not isinstance(value, str) or not value.strip():
                raise fail("'title' must be a non-empty string")
            out["title"] = value.strip()
        elif key == "region":
            if not isinstance(value, str):
                raise fail("'region' must be a string")
            out["region"] = value.strip() or None
        elif key == "year":
            out["year"] = _sidecar_year(value, fail)
        elif key == "level":
            if value not in SIDECAR_LEVELS:
                raise fail(f"'level' must be one of {', '.join(SIDECAR_LEVELS)}, not {value!r}")
            out["level"] = value
        elif key in ("type", "issuer", "date"):
            if not isinstance(value, str | int) or isinstance(value, bool):
                raise fail(f"'{key}' must be a string")
            out["doc_type" if key == "type" else key] = str(value).strip() or None
        elif key == "extra" and isinstance(value, dict):
            for sub, sub_value in value.items():
                extra[str(sub)] = _stringify(sub_value, f"extra.{sub}", fail)
        else:
            extra[key] = _stringify(value, key, fail)
    if extra:
        out["extra"] = extra
    return out


def _sidecar_year(value: Any, fail: Callable[[str], MetadataError]) -> int:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or not 1900 <= value <= 2099:
        raise fail(f"'year' must be a year between 1900 and 2099, not {value!r}")
    return value


def _stringify(value: Any, key: str, fail: Callable[[str], MetadataError]) -> str:
    if isinstance(value, dict):
        raise fail(f"'{key}' is a table; only plain values are supported")
    if isinstance(value, list):
        return ", ".join(_stringify(v, key, fail) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def load_sidecar(path: Path) -> dict[str, Any]:
    """Overrides from the sidecar of document ``path`` (or from sidecar ``path`` itself).

    ``{}`` when the document has no sidecar. See :func:`parse_sidecar`.
    """
    sidecar = path if path.name.endswith(SIDECAR_SUFFIX) else sidecar_path(path)
    if not sidecar.is_file():
        return {}
    try:
        raw = sidecar.read_bytes()
    except OSError as exc:
        raise MetadataError(sidecar, f"cannot read ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise MetadataError(sidecar, "invalid TOML (not UTF-8 text)") from None
    return parse_sidecar(text, source=sidecar)
