"""The measure word a figure leaves unsaid, told by the words around it.

``帮扶2万失业人员`` counts people (万人), ``营收超2000亿，`` is money (元), ``用户数达
6.97亿。`` a count: the nouns before or after the number say what it counts.
"""

from __future__ import annotations

import re

from bot.targets.lexicon import PEOPLE_NOUNS

_PEOPLE_NOUN_RE = re.compile(r"[^，。；、\d]{0,10}?(" + "|".join(PEOPLE_NOUNS) + ")")
# a count noun right before a bare 万/亿; people (人数, 人口) are counted in 万人
_COUNT_BEFORE_RE = re.compile(
    r"(?:用户数|用户数量|用户|(?P<people>人数|人口|人才|劳动力)|(?P<visits>人次)|户数|数量)"
    r"(?:总量|规模)?(?:首次|首度|再次|已经|已|一举)?"
    r"(?:达到|达|突破|超过|超|为|约|近)?$"
)
# What is counted in money, right before an amount whose 元 is left unsaid.
_MONEY_BEFORE_RE = re.compile(
    r"(?:产值|营收|营业收入|收入|投资|总额|交易额|成交额|销售额|零售额|增加值|税收|融资|存款|贷款"
    r"|余额|生产总值|GDP|经济总量|市场规模|产业规模)(?:规模)?(?:首次|首度|再次|已经|已|一举)?"
    r"(?:达到|达|突破|超过|超|为|约|近|逾|跃上|迈上|增至|增加到|提高到)?[约近超逾]?$"
)


# the figure ends its clause, a hedge after it allowed (减少农村贫困人口1000万以上，)
_CLAUSE_END_RE = re.compile(r"(?:以上|左右|以内|多)?(?:[，。；、）)]|$)")


def _unsaid_unit(sentence: str, start: int, end: int, mag: str) -> tuple[str, str] | None:
    """The measure word a figure ending its clause on a magnitude leaves unsaid, with
    its class: ``营收超2000亿，``, ``GDP首次超过三万亿，`` are money (元); ``IPv6活跃用户数
    达6.97亿。``, ``用户数量突破千万，`` a count (``新增人口100万``: 人; ``旅游人次86.5万``:
    人次); ``None`` when nothing before the figure says what it counts."""
    if not _CLAUSE_END_RE.match(sentence, end):
        return None
    if mag in ("万", "亿", "万亿") and _MONEY_BEFORE_RE.search(sentence, max(0, start - 14), start):
        return "元", "money"
    if mag in ("万", "亿") and (
        counted := _COUNT_BEFORE_RE.search(sentence, max(0, start - 12), start)
    ):
        unit = "人" if counted.group("people") else ""
        return ("人次" if counted.group("visits") else unit), "count"
    return None
