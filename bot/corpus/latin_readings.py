"""English and pinyin names of places: reading them in a text and writing them in Chinese.

Provinces and prefecture-level cities are known by their English and pinyin names,
counties and districts by their pinyin (``Sichuan``, ``Inner Mongolia``, ``Kunming
City``, ``Kaili``: :func:`latin_places`, from ``data/latin_places.csv``, built by
``scripts/build_latin_places.py``); a reading two of them share (Suzhou: 苏州, 宿州) names
the one the text tells by its province or Chinese name beside it (Jiangsu Suzhou, 苏州
Suzhou), else neither, and is found with its candidates (:func:`ambiguous_latin_places`,
from ``data/latin_ambiguous.csv``) for the reply to say. Split out of
:mod:`bot.corpus.gazetteer`, which re-exports every public name; it needs nothing of the
gazetteer (the tables name places by their short Chinese names). Loading the two files,
once each, is the only I/O.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

# English and pinyin names of provinces and prefecture-level cities (Sichuan, Inner
# Mongolia, Xi'an) and the pinyin of counties (Kaili), built by
# scripts/build_latin_places.py from the gazetteer.
LATIN_FILE = Path(__file__).with_name("data") / "latin_places.csv"
# The readings two places share (Suzhou: 苏州, 宿州), with each place's province: named
# by neither, they are said back with their candidates (same script).
AMBIGUOUS_FILE = Path(__file__).with_name("data") / "latin_ambiguous.csv"
# A word in Latin letters (Xi'an with its apostrophe), and what may join the words of one
# name (Inner Mongolia, Hong-Kong).
LATIN_WORD_RE = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
_LATIN_JOIN_RE = re.compile(r"[ \t-]?")
POSSESSIVE_RE = re.compile(r"['’][sS]$")
# Words after an English or pinyin name that say it is a division (Sichuan Province,
# Chengdu Shi, Tibet Autonomous Region, Hong Kong SAR), joined and lower case.
_LATIN_SUFFIXES = frozenset(
    {"province", "sheng", "city", "shi", "municipality", "prefecture", "region", "sar",
     "autonomousregion", "specialadministrativeregion", "diqu", "zizhiqu"}
)  # fmt: skip
_LATIN_MAX_WORDS = 3


@lru_cache(maxsize=1)
def county_latin_names() -> frozenset[str]:
    """The names of :func:`latin_names` that are a county's or a district's (``kaili``):
    read when typed whole, never guessed at as a slip (thousands of short readings,
    ``taining`` one letter from training)."""
    with LATIN_FILE.open(encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return frozenset(row["latin"] for row in rows if row["level"] == "county")


@lru_cache(maxsize=1)
def latin_names() -> dict[str, tuple[str, bool, str]]:
    """English and pinyin names, lower case and joined (``innermongolia``), to the short
    Chinese name, whether the name counts only written with a capital or a suffix (a
    reading that is also an English word: ``ali``) and the full name of a city (阿里地区)
    or ``""`` for a province."""
    out: dict[str, tuple[str, bool, str]] = {}
    with LATIN_FILE.open(encoding="utf-8") as fh:
        for row in csv.DictReader(line for line in fh if not line.startswith("#")):
            out[row["latin"]] = (
                row["short"],
                row["capital_only"] == "1",
                row["name"] if row["level"] == "city" else "",
            )
    return out


def latin_places(text: str) -> list[tuple[int, int, str]]:
    """The English and pinyin place names in ``text`` (``GDP target Sichuan``, ``Inner
    Mongolia``, ``chengdu shi``) as (start, end, short Chinese name), a suffix word
    (Province, City, Shi) inside the span, a city's then written by its full name
    (Chengdu City -> 成都市: a place written with its suffix). A name that is also an English word
    counts only capitalised or with a suffix; a name two places share (Suzhou) is no
    place unless the text tells which (:func:`_with_shared_names_told`).
    Cost: a few dictionary lookups per Latin word."""
    if not any(c.isascii() and c.isalpha() for c in text):
        return []
    # a possessive (Sichuan's GDP target) is the place's name: the 's is looked up without,
    # and written over with the name
    words = [
        (m.start(), m.end(), POSSESSIVE_RE.sub("", m.group())) for m in LATIN_WORD_RE.finditer(text)
    ]
    names = latin_names()
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(words):
        found = None
        for n in range(min(_LATIN_MAX_WORDS, len(words) - i), 0, -1):
            if not _latin_run(text, words, i, n):
                continue
            key = latin_key(words[i : i + n])
            if key in names:
                found = (n, names[key])
                break
        if found is None:
            i += 1
            continue
        n, (short, capital_only, city) = found
        end = words[i + n - 1][1]
        for k in range(min(_LATIN_MAX_WORDS, len(words) - i - n), 0, -1):
            suffix = latin_key(words[i + n : i + n + k])
            if suffix in _LATIN_SUFFIXES and _latin_run(text, words, i + n - 1, k + 1):
                end, n = words[i + n + k - 1][1], n + k
                break
        suffixed = end != words[i + found[0] - 1][1]
        if not capital_only or suffixed or words[i][2][:1].isupper():
            out.append((words[i][0], end, city if suffixed and city else short))
        i += n
    return _with_shared_names_told(text, words, out)


def _with_shared_names_told(
    text: str, words: list[tuple[int, int, str]], found: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """``found`` with the names two places share that ``text`` tells apart: by the
    province named beside it (Jiangsu Suzhou, Suzhou, Jiangsu, 江苏 Suzhou) or the place's
    own Chinese name (苏州 Suzhou): that one place, in the order typed."""
    shared = ambiguous_latin_names()
    told: list[tuple[int, int, str]] = []
    named = {short for _, _, short in found}
    for lo, hi, word in words:
        candidates = shared.get(latin_key([(lo, hi, word)]))
        if not candidates or any(a <= lo < b for a, b, _ in found):
            continue
        # the province (or the place) written in Chinese or found as a Latin name
        fits = [
            short
            for short, province in candidates
            if province in named or short in named or province in text or short in text
        ]
        if len(fits) == 1:
            told.append((lo, hi, fits[0]))
    return sorted([*found, *told]) if told else found


@lru_cache(maxsize=1)
def ambiguous_latin_names() -> dict[str, tuple[tuple[str, str], ...]]:
    """The English and pinyin readings two places share (``suzhou``), lower case, to
    every place they may name as (short name, its province): 苏州 in 江苏, 宿州 in 安徽."""
    out: dict[str, tuple[tuple[str, str], ...]] = {}
    with AMBIGUOUS_FILE.open(encoding="utf-8") as fh:
        for row in csv.DictReader(line for line in fh if not line.startswith("#")):
            out[row["latin"]] = (*out.get(row["latin"], ()), (row["short"], row["province"]))
    return out


def ambiguous_latin_places(text: str) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    """The English and pinyin names in ``text`` that two places share (``Suzhou``,
    ``taizhou city``), each once in the order typed, as typed with its candidates
    (short name, province): :func:`latin_places` names neither, and a reply that says so
    lets the user retype the one meant. A name inside a longer one found (none today)
    is no such name."""
    if not any(c.isascii() and c.isalpha() for c in text):
        return []
    names = ambiguous_latin_names()
    found = latin_places(text)
    out: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {}
    for m in LATIN_WORD_RE.finditer(text):
        key = latin_key([(m.start(), m.end(), m.group())])
        if key in names and not any(lo <= m.start() < hi for lo, hi, _ in found):
            out.setdefault(key, (m.group(), names[key]))
    return list(out.values())


@lru_cache(maxsize=64)
def province_latin(province: str) -> str:
    """The pinyin name of ``province`` (江苏 -> Jiangsu), as a user would type it before
    a name two places share; the Chinese name when the table has none."""
    names = [k for k, (short, _, city) in latin_names().items() if short == province and not city]
    return min(names, key=len).capitalize() if names else province


def with_chinese_places(text: str) -> str:
    """``text`` with its English and pinyin place names (:func:`latin_places`) written
    as the short Chinese names: ``Shandong 2024 GDP`` -> ``山东 2024 GDP``."""
    out: list[str] = []
    pos = 0
    for lo, hi, short in latin_places(text):
        out += [text[pos:lo], short]
        pos = hi
    return "".join(out) + text[pos:] if out else text


@lru_cache(maxsize=1024)
def chinese_place(name: str) -> str | None:
    """The short Chinese name of ``name`` when it is wholly an English or pinyin place
    name (``Sichuan``, ``sichuan province``, ``Inner Mongolia``), else ``None``. Cached:
    a region filter asks it of every record it reads."""
    name = name.strip()
    found = latin_places(name)
    if len(found) == 1 and found[0][0] == 0 and found[0][1] == len(name):
        return found[0][2]
    return None


def _latin_run(text: str, words: list[tuple[int, int, str]], i: int, n: int) -> bool:
    """Whether words ``i`` to ``i + n - 1`` follow each other, a space or hyphen apart."""
    return all(
        _LATIN_JOIN_RE.fullmatch(text, words[k][1], words[k + 1][0]) for k in range(i, i + n - 1)
    )


def latin_key(words: list[tuple[int, int, str]]) -> str:
    return "".join(w for _, _, w in words).lower().replace("'", "").replace("’", "")
