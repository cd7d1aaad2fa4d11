"""A document's metadata corrected by an admin (``/meta 编号 年份 2025 地区 湄潭县``): the
corrections written into its ``.meta.toml`` sidecar and the document indexed again.

The year, place, level and type are guessed from a document's opening lines
(:mod:`bot.corpus.meta`); a guess can be wrong (a plan dated by the year it was written
down, a county report filed under its city), and the filters, ``/targets`` of a place and
the digests all follow it. A sidecar already overrides any guess when the corpus is read;
this writes one from a chat, so the correction survives a restart and every re-index, and
removing the document removes its sidecar with it (:meth:`UploadsMixin.remove_document`).
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.corpus.meta_region import region_named
from bot.corpus.sidecar import parse_sidecar, sidecar_path, toml_value
from bot.errors import CodedError
from bot.library.documents import match_document
from bot.models import DocumentInfo

# The words an office worker uses for each field (and the sidecar's own keys).
FIELD_WORDS: dict[str, str] = {
    "年份": "year",
    "年度": "year",
    "year": "year",
    "地区": "region",
    "地方": "region",
    "地名": "region",
    "region": "region",
    "级别": "level",
    "层级": "level",
    "level": "level",
    "类型": "type",
    "文种": "type",
    "type": "type",
    "标题": "title",
    "title": "title",
    "发布": "issuer",
    "发布单位": "issuer",
    "发文单位": "issuer",
    "issuer": "issuer",
}
LEVEL_WORDS: dict[str, str] = {
    "国家级": "national",
    "全国": "national",
    "national": "national",
    "省级": "provincial",
    "省": "provincial",
    "provincial": "provincial",
    "市级": "city",
    "市": "city",
    "city": "city",
    "县级": "county",
    "县": "county",
    "区县": "county",
    "county": "county",
}
_FIELD_RE = re.compile(
    r"(?:^|\s)(" + "|".join(sorted(map(re.escape, FIELD_WORDS), key=len, reverse=True)) + r")"
    r"\s*[=:：]?\s*",
    re.IGNORECASE,
)


class CorrectionRefused(CodedError):
    """A correction that cannot be made (``errors.meta.<code>`` says why)."""


@dataclass(frozen=True, slots=True)
class Correction:
    """A document before and after its metadata was corrected, and what was set."""

    before: DocumentInfo
    after: DocumentInfo
    changes: dict[str, Any]


def parse_correction(text: str) -> tuple[str, dict[str, str]]:
    """``湄潭县茶产业规划.docx 年份 2025 地区 湄潭县`` → the document's reference and
    ``{"year": "2025", "region": "湄潭县"}``. The reference is what comes before the
    first field word (a file name may hold spaces); ``年份=2025``, ``年份：2025`` too."""
    found = list(_FIELD_RE.finditer(text))
    if not found:
        return text.strip(), {}
    ref = text[: found[0].start()].strip()
    changes: dict[str, str] = {}
    for here, after in zip(found, [*found[1:], None], strict=True):
        value = text[here.end() : after.start() if after else len(text)].strip()
        changes[FIELD_WORDS[here.group(1).lower()]] = value
    return ref, changes


def checked_changes(changes: dict[str, str]) -> dict[str, Any]:
    """The sidecar values of ``changes`` (:func:`parse_correction`), or
    :class:`CorrectionRefused`: a year that is no year, a level unknown, a place the
    gazetteer does not know (written as the gazetteer names it: 湄潭县 → 湄潭)."""
    if not changes:
        raise CorrectionRefused("nothing to correct", "meta.nothing")
    out: dict[str, Any] = {}
    for key, value in changes.items():
        if not value:
            raise CorrectionRefused(f"no value for {key}", "meta.no_value", field=key)
        if key == "year":
            digits = re.fullmatch(r"(\d{4})\s*年?", value)
            if digits is None or not 1900 <= int(digits.group(1)) <= 2099:
                raise CorrectionRefused(f"not a year: {value!r}", "meta.bad_year", value=value)
            out["year"] = int(digits.group(1))
        elif key == "level":
            level = LEVEL_WORDS.get(value.lower())
            if level is None:
                raise CorrectionRefused(f"unknown level {value!r}", "meta.bad_level", value=value)
            out["level"] = level
        elif key == "region":
            region = region_named(value)
            if not region.level:
                raise CorrectionRefused(
                    f"unknown place {value!r}", "meta.unknown_place", value=value
                )
            out["region"] = region.name
        else:
            out[key] = value
    return out


def sidecar_text(current: dict[str, Any], changes: dict[str, Any]) -> str:
    """A sidecar holding ``current`` (its TOML, as read) with ``changes`` over it. A place
    corrected without a level lets the place's own level stand (a stale level would not)."""
    merged = {k: v for k, v in current.items() if k != "extra"}
    if "region" in changes and "level" not in changes:
        merged.pop("level", None)
    merged.update(changes)
    lines = [f"{key} = {toml_value(value)}" for key, value in merged.items()]
    extra = current.get("extra")
    if isinstance(extra, dict) and extra:
        lines += ["", "[extra]", *(f"{k} = {toml_value(v)}" for k, v in extra.items())]
    return "\n".join(lines) + "\n"


class CorrectionsMixin:
    """:meth:`correct_metadata`, mixed into the engine (needs ``settings``, ``indexer``,
    ``_disk_docs``, ``_open_update``, ``_offer``, ``_recover`` and ``reopen``)."""

    def correct_metadata(
        self, ref: str, changes: dict[str, str], *, reopen: bool = True
    ) -> Correction:
        """Write ``changes`` (field → value as typed) into the sidecar of the document
        ``ref`` names and index it again; :class:`CorrectionRefused` or
        :class:`~bot.library.DocumentNotFound` if it cannot. If indexing fails, the old
        sidecar is put back and the exception propagates. With ``reopen=False`` this is
        safe on any thread; then call :meth:`reopen` (no argument) on the core thread."""
        values = checked_changes(changes)
        with self.indexer.lock():
            before = match_document(self._disk_docs(), ref)
            side = sidecar_path(self.settings.corpus_dir / before.relpath)
            old = side.read_bytes() if side.is_file() else None
            current = tomllib.loads(old.decode("utf-8")) if old else {}
            text = sidecar_text(current, values)
            parse_sidecar(text, source=side)  # what the reader will accept
            _write(side, text.encode("utf-8"))
            try:
                update = self._open_update(self.indexer.refresh(), warm=True)
                after = next(d for d in update.index.docs if d.doc_id == before.doc_id)
            except BaseException:
                if old is None:
                    side.unlink(missing_ok=True)
                else:
                    _write(side, old)
                self._recover()
                raise
            self._offer(update)
        if reopen:
            self.reopen(update)
        return Correction(before, after, values)


def _write(path: Path, data: bytes) -> None:
    """Whole or not at all: a half-written sidecar would stop its document being read."""
    partial = path.with_name(f".{path.name}.writing")
    partial.write_bytes(data)
    os.replace(partial, path)
