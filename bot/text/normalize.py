"""Length-preserving normalisation of Chinese text for matching.

Matching must be insensitive to full-width/half-width forms, letter case and
traditional/simplified characters, while snippets show the original text. Every
mapping here is one character to one character, so an offset in the normalised
text is the same offset in the original: highlights computed on normalised text
can be applied to the original without a mapping table.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

# Bump when the mapping changes: indexes built with another version are rebuilt.
NORMALIZER_VERSION = "1"


def _width_and_case_table() -> dict[int, int]:
    table: dict[int, int] = {}
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII variants
        table[code] = code - 0xFEE0
    table[0x3000] = 0x20  # ideographic space
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = code + 32
    for code in range(0xFF21, 0xFF3B):  # full-width A-Z straight to lower-case a-z
        table[code] = code - 0xFEE0 + 32
    return table


def _t2s_table() -> dict[int, int]:
    """Single-character traditional→simplified pairs from OpenCC's t2s conversion.

    Converting characters one at a time keeps the mapping length-preserving; the
    phrase-level conversions OpenCC also knows are rare in policy text.
    """
    import opencc

    converter = opencc.OpenCC("t2s")
    table: dict[int, int] = {}
    ranges = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF)]
    for lo, hi in ranges:
        chars = "".join(chr(c) for c in range(lo, hi + 1))
        converted = converter.convert(chars)
        if len(converted) != len(chars):  # fall back to one-by-one (never seen in practice)
            for ch in chars:
                out = converter.convert(ch)
                if len(out) == 1 and out != ch:
                    table[ord(ch)] = ord(out)
            continue
        for src, dst in zip(chars, converted, strict=True):
            if src != dst:
                table[ord(src)] = ord(dst)
    return table


@lru_cache(maxsize=1)
def translation_table() -> dict[int, int]:
    table = _t2s_table()
    table.update(_width_and_case_table())
    return table


# Texts at least this long are mapped through a lookup array in numpy (passages and whole
# documents at index time: ~20x as fast on a document as ``str.translate`` with a dict,
# whose per-character lookup was a tenth of the index build's own time); shorter ones
# (queries, words) by ``str.translate``, cheaper below numpy's fixed cost per call.
_ARRAY_MIN_CHARS = 128
_BMP = 0x10000


def _as_array(table: dict[int, int]):
    """``table`` (one code point for one, every key in the BMP) as an array over the BMP:
    code point -> its mapped code point (uint32: a value may lie past the BMP)."""
    import numpy as np

    lut = np.arange(_BMP, dtype="<u4")
    keys = np.fromiter(table.keys(), dtype=np.int64, count=len(table))
    assert keys.size == 0 or int(keys.max()) < _BMP
    lut[keys] = np.fromiter(table.values(), dtype=np.int64, count=len(table))
    return lut


@lru_cache(maxsize=1)
def _lookup_array():
    """``translation_table()`` as an array (:func:`_as_array`)."""
    return _as_array(translation_table())


def normalize(text: str) -> str:
    """Normalise ``text`` for matching; ``len(normalize(t)) == len(t)`` always holds."""
    return _translate(text, translation_table(), _lookup_array)


def _translate(text: str, table: dict[int, int], array: Callable[[], Any]) -> str:
    """``text.translate(table)``: by ``str.translate`` below :data:`_ARRAY_MIN_CHARS`,
    else through ``array()`` (``table`` as a lookup array, :func:`_as_array`)."""
    if len(text) < _ARRAY_MIN_CHARS:
        return text.translate(table)
    return _translate_array(text, array())


def _normalize_array(text: str) -> str:
    """:func:`normalize` through the lookup array, whatever the length (tests)."""
    return _translate_array(text, _lookup_array())


def _translate_array(text: str, lut) -> str:
    """``text.translate(table)`` for ``lut = _as_array(table)``: the same result (code
    points past the BMP and lone surrogates pass through unchanged, as with
    ``str.translate``)."""
    import numpy as np

    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    if not codes.size:
        return text
    if int(codes.max()) < _BMP:
        out = lut[codes]
    else:
        out = codes.copy()
        small = codes < _BMP
        out[small] = lut[codes[small]]
    return out.tobytes().decode("utf-32-le", "surrogatepass")


@lru_cache(maxsize=1)
def _simplified_table() -> dict[int, int]:
    return _t2s_table()


def simplified(text: str) -> str:
    """``text`` with traditional characters as simplified ones, one for one (the mapping
    :func:`normalize` applies, without its width and case folding): for the readers of a
    query (places, indicators, years), whose tables are written in simplified characters."""
    return text.translate(_simplified_table())


# Full-width digits, Latin letters and ％ (５．５％, ＧＤＰ), as some web pages and older
# documents write them, one for one. Chinese punctuation (，；：（）) is how documents are
# written and what the key-target rules read: it stays.
_FIGURE_WIDTH = {c: c - 0xFEE0 for c in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B))}
_FIGURE_WIDTH.update({c: c - 0xFEE0 for c in range(0xFF41, 0xFF5B)})
_FIGURE_WIDTH[0xFF05] = ord("%")
_FULL_WIDTH_FIGURE_RE = re.compile(r"[\uff05\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_DECIMAL_POINT_RE = re.compile(r"(?<=\d)．(?=\d)")


def fold_figures(text: str) -> str:
    """``text`` with full-width digits, letters and ``％`` as ASCII, and ``．`` between
    digits as ``.`` (５．５％ → 5.5%). Length-preserving like :func:`normalize`."""
    if not _FULL_WIDTH_FIGURE_RE.search(text):
        return text
    # a whole document at load goes through the lookup array, as in normalize()
    return _DECIMAL_POINT_RE.sub(".", _translate(text, _FIGURE_WIDTH, _figure_width_array))


@lru_cache(maxsize=1)
def _figure_width_array():
    return _as_array(_FIGURE_WIDTH)
