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


def region_year(args: Sequence[str] | None) -> tuple[str | None, int | None, bool]:
    """``山东 2025 all`` -> (the other words, the first year, whether every record was
    asked for); missing parts ``None`` (``False``). A second year is a word like any."""
    words: list[str] = []
    year: int | None = None
    show_all = False
    for word in args or ():
        found = read_year(word) if year is None else None
        if found is not None:
            year = found
        elif word.lower() in ALL_WORDS:
            show_all = True
        else:
            words.append(word)
    return (" ".join(words) or None), year, show_all
