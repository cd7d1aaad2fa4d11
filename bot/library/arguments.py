"""The words of a key-target request, read one way for every interface: ``/targets GDP
2024 all`` in Telegram and ``briefbot targets --indicator GDP --year 2024 --all``.

Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.text.normalize import fold_figures

ALL_WORDS = frozenset({"all", "全部", "所有", "--all", "-all", "—all", "——all", "-a"})
"""Words that ask /targets and /compare for every record, the unsure ones too: ``all``, or
the command line's ``--all`` (a phone keyboard may make its ``--`` a dash: ``—all``)."""

# A year as a request names it: 2024 or 2024年 (full-width digits, as a Chinese input
# method types them, folded first). Only 19xx and 20xx: a bare 24 or 300 is a word of
# the indicator or region, not a year.
_YEAR_RE = re.compile(r"^((?:19|20)[0-9][0-9])年?$")


def year_word(word: str) -> int | None:
    """The year ``word`` names (``2024``, ``2024年``), else ``None``."""
    m = _YEAR_RE.match(fold_figures(word.strip()))
    return int(m.group(1)) if m else None


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
