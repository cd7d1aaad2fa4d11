"""Toneless pinyin readings of Chinese characters, every reading of polyphones.

Only pypinyin's per-character table is loaded (8 MB), not its phrase dictionary
(~50 MB, loaded by ``import pypinyin``): the typo corrector compares syllables as
sets of readings, so 银杭 (yin hang) still matches 银行 without knowing that 行
reads *hang* in that word.
"""

from __future__ import annotations

import importlib.util
import json
import unicodedata
from functools import cache, lru_cache
from pathlib import Path


def _table_path() -> Path:
    # find_spec locates the package without executing its __init__ (which loads phrases).
    spec = importlib.util.find_spec("pypinyin")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pypinyin is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "pinyin_dict.json"


_TONE_MARKS = str.maketrans(
    {
        **dict.fromkeys("āáǎà", "a"),
        **dict.fromkeys("ēéěèế", "e"),
        **dict.fromkeys("īíǐì", "i"),
        **dict.fromkeys("ōóǒò", "o"),
        **dict.fromkeys("ūúǔù", "u"),
        **dict.fromkeys("ǖǘǚǜü", "v"),
        **dict.fromkeys("ńňǹ", "n"),
        "ḿ": "m",
    }
)


def _strip_tone(syllable: str) -> str:
    plain = syllable.translate(_TONE_MARKS)
    if plain.isascii():
        return plain
    # Rare marks (combining forms): decompose and drop them.
    decomposed = unicodedata.normalize("NFD", plain)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1)
def _raw_table() -> dict[str, str]:
    """pypinyin's table as stored: code point (decimal string) -> "reading,reading"."""
    return json.loads(_table_path().read_text(encoding="utf-8"))


@cache  # bounded by the ~42,000 characters of the table
def readings(ch: str) -> tuple[str, ...]:
    """Toneless readings of one character, most common first; ``(ch,)`` if not Chinese.

    Converted one character at a time, when first asked for: converting the whole
    table took ~60 ms, paid by the first query that needed a typo correction."""
    raw = _raw_table().get(str(ord(ch)))
    if raw is None:
        return (ch,)
    return tuple(dict.fromkeys(_strip_tone(r) for r in raw.split(",")))


def first_syllables(text: str) -> list[str]:
    """The most common reading of each character."""
    return [readings(ch)[0] for ch in text]


@lru_cache(maxsize=1)
def syllables() -> frozenset[str]:
    """Every toneless syllable of the table (``yuan``, ``man``, ``hang`` …): a Latin word
    that is one is never read as a word of several characters."""
    # one translate over the whole table, not one per reading (53,000 of them: 90 ms at
    # a searcher's first preparation, inside the reopen time the bench measures)
    plain = ",".join(_raw_table().values()).translate(_TONE_MARKS).split(",")
    return frozenset(r if r.isascii() else _strip_tone(r) for r in plain)
