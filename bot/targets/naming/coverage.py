"""What a programme covers, counted in the clause after the programme.

A report names a programme in one clause and counts the places or units it reaches in
the next::

    全面开展驻村帮扶，全域覆盖860个乡镇、1.2万个行政村
        -> 驻村帮扶覆盖乡镇, 驻村帮扶覆盖行政村
    实施“教育共享计划”，实现420个学区和310所普通高中全覆盖
        -> 教育共享计划覆盖学区, 教育共享计划覆盖普通高中

The count alone (乡镇, 学区) is every place of that kind; the figure is how many of them
the programme reaches, so the programme names it. So are the firms or people it
supported, counted after 支持, 扶持, 资助 or 奖补::

    实施中小企业数字化转型计划，累计支持1200家企业 -> 中小企业数字化转型计划支持企业
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.clauses import _after_noun, clause_end, clause_start
from bot.targets.naming.clean import _QUOTE_TABLE, clean_name
from bot.targets.naming.words import _is_name

if TYPE_CHECKING:
    from bot.targets.indicators import IndicatorTable
    from bot.targets.naming.sentence import Named

# 全面开展驻村帮扶, 实施“教育共享计划”: a programme carried out (nothing after its name)
_PROGRAMME_RE = re.compile(
    r"^(?:全面|深入|持续|大力|扎实|积极|继续|加快|统筹)?"
    r"(?:开展|实施|推进|推行|启动|推动)(?P<what>[^，。；、\d]{2,16})$"
)
# 全域覆盖860个乡镇…, 实现420个学区…全覆盖: the clause counts what it reaches
_COVERS_RE = re.compile(r"^(?:全域|全面|基本|已|共|累计)?覆盖|全?覆盖$")
# 累计支持近2000家企业, 扶持企业300家: the clause counts whom the programme supported
_SUPPORTS_RE = re.compile(r"(?:累计|共|全年|年内)?(?P<verb>支持|扶持|资助|奖补)")
_HEDGE_RE = re.compile(r"(?:近|超过|超|约|逾)?")
# what a programme's name never ends with: the act's own words (…工作, …行动 stay)
_NOT_A_PROGRAMME_RE = re.compile(r"(?:改革|发展|建设)$")


def _programme_before(sentence: str, lo: int) -> str:
    """The programme the clause ending at ``lo`` carries out, ``""`` when it is not one."""
    if lo <= 0:
        return ""
    start = clause_start(sentence, lo - 1)
    clause = sentence[start : lo - 1].strip().translate(_QUOTE_TABLE)
    m = _PROGRAMME_RE.match(clause)
    if not m or _NOT_A_PROGRAMME_RE.search(m["what"]):
        return ""
    what = m["what"]
    return what if _is_name(what) else ""


def named_by_programme(sentence: str, named: list[Named], table: IndicatorTable) -> list[Named]:
    """``named`` with the counts of what a programme covers named after the programme
    (see the module docstring)."""
    out: list[Named] = []
    for n in named:
        fig = n.figure
        if fig.unit_class != "count" or table.canonical(n.indicator) or "覆盖" in n.indicator:
            out.append(n)
            continue
        lo = clause_start(sentence, fig.start)
        clause = sentence[lo : clause_end(sentence, fig.end)]
        programme = _programme_before(sentence, lo) if _COVERS_RE.search(clause) else ""
        if programme and _is_name(n.indicator) and programme not in n.indicator:
            n = replace(n, indicator=programme + "覆盖" + n.indicator)
        supports = _SUPPORTS_RE.match(sentence, lo)
        if supports:
            n = _supported(sentence, n, supports["verb"], supports.end(), lo)
        out.append(n)
    return out


def _supported(sentence: str, n: Named, verb: str, after_verb: int, lo: int) -> Named:
    """``实施…扶持计划，累计支持近2000家企业``: the firms the programme supported are named
    by it (…扶持计划支持企业); the verb alone (支持) or with its noun names no one's.
    The noun is said after the count (支持近2000家企业) or before it (支持企业2000家)."""
    fig = n.figure
    before = sentence[after_verb : fig.start]
    if _HEDGE_RE.fullmatch(before):
        end = fig.end  # past the measure word (近2000家|企业)
        noun = clean_name(_after_noun(sentence[end : clause_end(sentence, end)])[0])
    else:
        noun = clean_name(before)
    if n.indicator not in (verb, verb + noun) or not 2 <= len(noun) <= 6:
        return n
    programme = _programme_before(sentence, lo)
    if not programme:
        return n
    return replace(n, indicator=programme + verb + noun)
