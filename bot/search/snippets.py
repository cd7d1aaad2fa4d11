"""Snippets around the best match, with highlight spans as character offsets. Pure."""

from __future__ import annotations

from collections.abc import Iterable

from bot.models import Highlight

ELLIPSIS = "…"


def find_spans(normalized: str, needles: Iterable[str]) -> list[tuple[int, int]]:
    """All occurrences of the needles in ``normalized``, overlaps merged, in order."""
    spans: list[tuple[int, int]] = []
    for needle in {n for n in needles if n}:
        start = normalized.find(needle)
        while start != -1:
            spans.append((start, start + len(needle)))
            start = normalized.find(needle, start + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def make_snippet(
    text: str, spans: list[tuple[int, int]], *, width: int
) -> tuple[str, tuple[Highlight, ...]]:
    """Cut ``text`` to about ``width`` characters around the densest cluster of spans.

    ``text`` and the spans use the same offsets (the normaliser preserves length).
    Returns the snippet and the highlights relative to it.
    """
    if len(text) <= width:
        return text, tuple(Highlight(s, e) for s, e in spans)
    best_start, best_cover = 0, -1
    for s, _ in spans or [(0, 0)]:
        lo = max(0, min(s - width // 4, len(text) - width))
        cover = sum(
            min(e, lo + width) - max(s2, lo) for s2, e in spans if s2 < lo + width and e > lo
        )
        if cover > best_cover:
            best_start, best_cover = lo, cover
    lo = _snap_start(text, best_start, spans)
    hi = min(len(text), lo + width)
    prefix = ELLIPSIS if lo > 0 else ""
    suffix = ELLIPSIS if hi < len(text) else ""
    shift = len(prefix) - lo
    highlights = tuple(
        Highlight(max(s, lo) + shift, min(e, hi) + shift) for s, e in spans if s < hi and e > lo
    )
    return prefix + text[lo:hi] + suffix, highlights


_BREAKS = "。！？；，、：!?;,:"
SNAP_CHARS = 15


def _snap_start(text: str, lo: int, spans: list[tuple[int, int]]) -> int:
    """Move a window start to a clause boundary nearby (punctuation or the text start),
    never past the first highlight in the window."""
    if lo <= SNAP_CHARS:
        return 0
    first = min((s for s, _ in spans if s >= lo), default=lo)
    for i in range(lo - 1, lo - SNAP_CHARS - 1, -1):
        if text[i] in _BREAKS:
            return i + 1
    for i in range(lo, min(first, lo + SNAP_CHARS)):
        if text[i] in _BREAKS:
            return i + 1
    return lo
