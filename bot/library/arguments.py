"""The words of a key-target request, read one way for every interface: ``/targets GDP
2024 all`` in Telegram and ``briefbot targets --indicator GDP --year 2024 --all``.

Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.digest.filters import filter_key, kind_values, unknown_kind
from bot.text.years import read_year

ALL_WORDS = frozenset({"all", "全部", "所有", "--all", "-all", "—all", "——all", "-a"})
"""Words that ask /targets and /compare for every record, the unsure ones too: ``all``, or
the command line's ``--all`` (a phone keyboard may make its ``--`` a dash: ``—all``)."""


def region_year(args: Sequence[str] | None) -> tuple[str | None, int | None, bool]:
    """``山东 2025 all`` -> (the other words, the first year, whether every record was
    asked for); missing parts ``None`` (``False``). A second year is a word like any."""
    words: list[str] = []
    year: int | None = None
    show_all = False
    for word in unkeyed(args):
        found = read_year(word) if year is None else None
        if found is not None:
            year = found
        elif word.lower() in ALL_WORDS:
            show_all = True
        else:
            words.append(word)
    return (" ".join(words) or None), year, show_all


# The keys of a subscription's filter a /targets or /compare word may carry, as /subscribe
# and /help subscribe teach them: read as the bare word they name (a place, an indicator,
# a document, a year), which these commands read already.
_PLAIN_KEYS = frozenset({"region", "indicator", "doc", "year"})
_KEYED = re.compile(r"([^\s:：]+)[:：](.+)")
_VALUES = re.compile(r"[,，、]")


def unkeyed(args: Sequence[str] | None) -> list[str]:
    """The words with ``region:贵州``, ``year:2026``, ``indicator:GDP``, ``doc:004`` (and
    their other spellings, ``地区：贵州``) read as ``贵州``, ``2026``, ``GDP``, ``004``;
    several values (``region:四川,安徽``) as several words. Other words as typed."""
    words: list[str] = []
    for word in args or ():
        keyed = _KEYED.fullmatch(word)
        if keyed is None or filter_key(keyed.group(1)) not in _PLAIN_KEYS:
            words.append(word)
            continue
        words.extend(v for v in _VALUES.split(keyed.group(2).strip("\"'“”")) if v.strip())
    return words


def split_kinds(args: Sequence[str] | None) -> tuple[list[str], tuple[str, ...] | None]:
    """The words without ``kind:目标`` (``kind:target,estimate``, ``类型：实绩``), and the
    kinds asked for, or None when no such word was given. A value that names no kind
    (``kind:foo``) raises :class:`~bot.digest.filters.FilterError` listing the kinds: read
    as a word of the indicator it found nothing, and "no data" hid the typo."""
    words: list[str] = []
    kinds: list[str] = []
    for word in args or ():
        keyed = _KEYED.fullmatch(word)
        if keyed is None or filter_key(keyed.group(1)) != "kind":
            words.append(word)
            continue
        values = [v.strip() for v in _VALUES.split(keyed.group(2)) if v.strip()]
        if not values:
            words.append(word)
            continue
        named = [kind_values(v) for v in values]
        bad = next((v for v, n in zip(values, named, strict=True) if n is None), None)
        if bad is not None:
            raise unknown_kind(bad)
        kinds.extend(k for n in named for k in n or () if k not in kinds)
    return words, (tuple(kinds) if kinds else None)


def other_years(words: str | None) -> tuple[str | None, list[int]]:
    """The words :func:`region_year` left (``全国 2026`` of ``/scorecard 全国 2025 2026``)
    without the years among them, and those years: a second year read as part of a
    place's name found nothing, where one year at a time was what to say."""
    rest: list[str] = []
    years: list[int] = []
    for word in (words or "").split():
        found = read_year(word)
        if found is None:
            rest.append(word)
        else:
            years.append(found)
    return (" ".join(rest) or None), years


EXPORT_WORDS = {"csv": "csv", "excel": "xlsx", "xlsx": "xlsx", "表格": "csv", "导出": "csv"}
"""Words that ask /targets for its records as a file instead of a message: ``csv`` (also
表格, 导出) for a CSV any spreadsheet opens, ``excel`` or ``xlsx`` for a workbook. Before,
``/targets GDP 2026 csv`` looked for an indicator called "GDP csv"."""


def export_kind(args: Sequence[str] | None) -> tuple[list[str], str | None]:
    """The words without an export word, and the file asked for (``csv``, ``xlsx``) or
    ``None``; the last export word given decides."""
    words: list[str] = []
    kind: str | None = None
    for word in args or ():
        if word.lower() in EXPORT_WORDS:
            kind = EXPORT_WORDS[word.lower()]
        else:
            words.append(word)
    return words, kind
