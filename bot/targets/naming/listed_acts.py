"""Things listed, one act said after the last, then 分别 and percentages: each share is of
the act done to each thing.

Reports give how far a work has gone for each of several things in one clause::

    市级政务信息系统、部门业务专网、政务移动应用整合分别完成30%、40%、60%
        -> 市级政务信息系统整合比例, 部门业务专网整合比例, 政务移动应用整合比例

The act (整合) is written once, after the last item, and is every item's, as a measure
said once is (蔬菜、水果产量); a percentage of an act done is the share done, 比例. Each
item is named as the list writes it: a level word before the first (市级) is that item's
(another item, 部门业务专网, is no 市级 one of necessity).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.clauses import clause_start
from bot.targets.naming.clean import clean_name
from bot.targets.naming.needs import needs
from bot.targets.naming.words import _is_name, _is_verb, _segmenter

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

# 分别, then a verb of reaching, then the percentages
_RESPECTIVELY_RE = re.compile(r"分别(?:完成|达到|实现|为|达)?(?=\d)")
_ACT_TAGS = frozenset({"v", "vn"})


def _items_and_act(clause: str) -> tuple[list[str], str] | None:
    """The items of ``clause`` (A、B、C整合) and the act said after the last, or None."""
    parts = clause.split("、")
    if len(parts) < 2:
        return None
    words = _segmenter().tag(parts[-1], True)
    if len(words) < 2:
        return None
    act, tag = words[-1]
    if len(act) != 2 or not (tag in _ACT_TAGS or _is_verb(act)):
        return None
    parts[-1] = parts[-1][: -len(act)]
    items = [clean_name(p) for p in parts]
    if not all(_is_name(p) and len(p) >= 2 for p in items):
        return None
    return items, act


@needs("分别")
def shares_of_a_listed_act(sentence: str, named: list[Named]) -> list[Named]:
    """``named`` with the shares of an act said once after a list named per item (see
    the module docstring)."""
    if "分别" not in sentence or "%" not in sentence:
        return named
    m = _RESPECTIVELY_RE.search(sentence)
    if m is None:
        return named
    found = _items_and_act(sentence[clause_start(sentence, m.start()) : m.start()])
    if found is None:
        return named
    items, act = found
    shares = [k for k, n in enumerate(named) if n.figure.start >= m.end()]
    shares = shares[: len(items)]
    if len(shares) != len(items) or any(named[k].figure.unit != "%" for k in shares):
        return named
    out = list(named)
    for k, item in zip(shares, items, strict=True):
        out[k] = replace(out[k], indicator=item + act + "比例", confidence=0.75)
    return out
