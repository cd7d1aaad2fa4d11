"""The line stating the indicator asked, first among its document's lines on page 1.

The search ranks words; which indicator a query asks is read after it, with the indicator
table (:mod:`bot.library.searching`), which the search may not import. A query naming an
indicator by a form the table lacks (云南 规上工业 增速, 规上工业 增长 广东 2022: 规上 read
as 规模以上, for 规模以上工业增加值) matched, in the same report, a line writing 规模以上工业
and 增长 in another sense (对规模以上工业增长贡献率) as well as the line writing
规模以上工业增加值增长4.5%, and the shorter came first. When such a query (writing none of
the table's names for the indicator) asks a change (增长, 增速, growth …) and no goal, and
the first passage of a page does not state the indicator's change (a name of its family
followed by 增长, 增速 …) while a later passage of the same document does, that passage
leads: the document stays the one the ranking chose, only its lines swap (issue 13, lane
``search-indicator41``). Lifting, for every query understood to name an indicator, any
line writing one of its names cost more than it gained on dev (a topic read as an
indicator: 外贸 怎么稳 -> 外贸进出口总额, 居民 收入 怎么提高 -> 居民人均可支配收入, whose task
paragraphs state no figure).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from bot.models import SearchResponse
from bot.targets.indicators import IndicatorTable
from bot.text.normalize import normalize

# A change asked of the indicator (规上工业 增速, GDP 增长, growth read as 增长), and the
# same words stating it right after its name in a line (规模以上工业增加值增长4.5%,
# 居民消费价格涨幅, 地区生产总值比上年增长): the line gives the figure asked
CHANGE_WORDS = r"(?:增长|增速|增幅|涨幅|上涨|下降|回落)"
_ASKS_CHANGE_RE = re.compile(CHANGE_WORDS)
# a bulletin's note mark may stand between (固定资产投资[4]比上年增长1.2%)
_STATED_AFTER = r"(?:\[\d+\]|（\d+）)?\s*(?:同比|比上年|比去年|分别|年均|平均)?" + CHANGE_WORDS


def asks_rate_change(asked: str) -> bool:
    """Whether ``asked`` (the query with English words as Chinese terms) asks a change."""
    return _ASKS_CHANGE_RE.search(normalize(asked)) is not None


# indicator -> its family's names, per table: building them walks every alias, ~0.7 ms a
# query. The table hashes by identity (``eq=False``), and the cache holds it, so a reloaded
# table is a new key; bounded: the table's indicators, and an odd reloaded table.
@lru_cache(maxsize=4096)
def indicator_names(table: IndicatorTable, indicator: str) -> tuple[str, ...]:
    """Every name a report writes for ``indicator``'s family (its members' canonical names
    and aliases; the broad text-only forms such as 经济增长 left out, as the search's
    synonym groups leave them), normalised, longest first; ``()`` for a name the table
    does not know."""
    members = set(table.family_members(indicator))
    names: set[str] = set()
    if members:
        names = {
            normalize(alias)
            for alias, canonical in table.aliases.items()
            if canonical in members and alias not in table.text_only and len(alias) >= 2
        }
        names |= {normalize(m) for m in members}
    return tuple(sorted(names, key=len, reverse=True))


def writes_a_name(asked: str, names: tuple[str, ...]) -> bool:
    """Whether ``asked`` writes one of ``names`` itself (GDP, 规上工业增加值): the table's
    names are the search's synonyms of one another, so its ranking already found the lines
    writing them; a form the table lacks (规上工业, read only as 规模以上 and 工业) was not
    (安徽过去五年GDP年均增长多少 keeps its five-year line, 年均增长5.7% written apart from
    地区生产总值, above the year's 地区生产总值增长5.5%)."""
    folded = normalize(asked).replace(" ", "")
    return any(n in folded for n in names)


def lead_with_indicator_line(resp: SearchResponse, names: tuple[str, ...]) -> SearchResponse:
    """``resp`` with, on page 1, the first passage stating a change of one of ``names``
    (规模以上工业增加值增长4.5%) moved to the front when the first passage states none and
    both are of one document; else as it is."""
    hits = resp.hits
    if resp.page != 1 or len(hits) < 2 or not names:
        return resp

    stated = re.compile("(?:" + "|".join(map(re.escape, names)) + ")" + _STATED_AFTER)

    def writes(text: str) -> bool:
        return stated.search(normalize(text)) is not None

    first = hits[0]
    if writes(first.text):
        return resp
    at = next(
        (k for k, h in enumerate(hits[1:], 1) if h.doc_id == first.doc_id and writes(h.text)),
        None,
    )
    if at is None:
        return resp
    # shown first: scored as the first, as a card's passage moved up is
    moved = [replace(hits[at], score=first.score), *hits[:at], *hits[at + 1 :]]
    return replace(resp, hits=tuple(moved))
