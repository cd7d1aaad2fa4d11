"""The members of a counted set that grew: ``32个行业大类中，有18个行业同比增长``.

A bulletin counts how many of a set grew with no name of its own for the count
(``有18个行业同比增长``); the name is the set's, said before (``同比增长的行业大类``).
Read by the walker's names (:mod:`bot.targets.record_names`). Pure: no I/O.
"""

from __future__ import annotations

import re

from bot.targets.numbers import Figure

# 全市32个行业大类中，有18个行业同比增长: the members of the set that grew
_AMONG_SET_RE = re.compile(r"\d+\s*(?:个|种|家)([\u4e00-\u9fff]{2,8})中[，,]?(?:有)?$")
_GREW_RE = re.compile(
    r"^\s*([\u4e00-\u9fff]{1,6}?)((?:增加值)?(?:同比增长|实现正增长|保持增长|增长))(?![率幅值额])"
)


def grown_among(before: str, after: str, fig: Figure) -> str:
    """``有18个行业同比增长`` after ``32个行业大类中``: ``同比增长的行业大类``; ``""`` if not so.

    ``before`` is the sentence up to the figure, ``after`` the text from its end (the
    count's noun, when the figure's unit is the measure word alone, comes first).
    """
    if fig.unit_class != "count":
        return ""
    among = _AMONG_SET_RE.search(before)
    grew = _GREW_RE.match(after)
    if not among or not grew:
        return ""
    members = fig.unit[1:] + grew.group(1) if len(fig.unit) > 1 else grew.group(1)
    whole = among.group(1)
    # (41个工业行业大类中有32个行业增加值保持增长: the members are the set's 行业, said
    # without the set's 工业)
    return grew.group(2) + "的" + whole if members and members in whole else ""
