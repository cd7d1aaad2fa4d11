"""The words of a key-target request, read one way for every interface: ``/targets GDP
2024 all`` in Telegram and ``briefbot targets --indicator GDP --year 2024 --all``.

Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.text.years import read_year

ALL_WORDS = frozenset({"all", "全部", "所有", "--all", "-all", "—all", "——all", "-a"})
"""Words that ask /targets and /compare for every record, the unsure ones too: ``all``, or
the command line's ``--all`` (a phone keyboard may make its ``--`` a dash: ``—all``)."""


def year_word(word: str, *, this_year: int | None = None) -> int | None:
    """The year ``word`` names (``2024``, ``2024年``, ``二〇二四年``; 今年 only against
    ``this_year``), else ``None``: the search's reader (:func:`bot.text.years.read_year`),
    so a request and a query read a year alike. Only 19xx and 20xx: a bare 24 or 300 is
    a word of the indicator or region."""
    return read_year(word, this_year=this_year)


def region_year(args: Sequence[str] | None) -> tuple[str | None, int | None, bool]:
    """``山东 2025 all`` -> (the other words, the first year, whether every record was
    asked for); missing parts ``None`` (``False``). A second year is a word like any."""
    words: list[str] = []
    year: int | None = None
    show_all = False
    for word in args or ():
        found = year_word(word) if year is None else None
        if found is not None:
            year = found
        elif word.lower() in ALL_WORDS:
            show_all = True
        else:
            words.append(word)
    return (" ".join(words) or None), year, show_all
