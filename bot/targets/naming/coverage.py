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

A rate of coverage said bare after the clause that builds or extends what covers is that
thing's: ``覆盖率`` alone names no one's coverage, and a class of places before it (20户以上
自然村) is where it is counted, not what covers it::

    推进县级图书馆、文化馆总分馆制建设，到2025年覆盖率达到90%
        -> 县级图书馆文化馆总分馆制覆盖率
    实现生活污水治理设施行政村全覆盖，20户以上自然村覆盖率达到80%
        -> 20户以上自然村生活污水治理设施覆盖率
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.clauses import _after_noun, clause_end, clause_start
from bot.targets.naming.clean import _QUOTE_TABLE, clean_name
from bot.targets.naming.needs import needs
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


@needs("覆盖", "支持", "扶持", "资助", "奖补")
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


_RATE = "覆盖率"
# 推进…总分馆制建设, 实现…设施行政村全覆盖: the clause builds or extends what covers
_COVERING_RE = re.compile(
    r"^(?:全面|深入|持续|大力|扎实|积极|继续|加快|统筹|基本)?"
    r"(?:开展|实施|推进|推行|推动|实现|完善|建成|建立|健全|加强)"
    r"(?P<what>[^，。；：\d]{2,20}?)"
    r"(?:(?:行政村|自然村|村|乡镇|街道|社区|城乡|城区|县域)?全覆盖|(?:标准化|规范化)?建设)$"
)
# what a rate's own words may hold when they say no covering thing: places, a class of them
_PLACES_END_RE = re.compile(r"(?:村|寨|镇|乡|社区|街道|县|市|区|学校|园区)$")


def _covering_before(sentence: str, lo: int) -> str:
    """What the clause ending at ``lo`` builds or extends, ``""`` when it says none."""
    if lo <= 0:
        return ""
    start = clause_start(sentence, lo - 1)
    clause = sentence[start : lo - 1].strip().translate(_QUOTE_TABLE)
    m = _COVERING_RE.match(clause)
    what = m["what"].replace("、", "") if m else ""
    return what if what and _is_name(what) else ""


@needs(_RATE)
def named_by_covering(sentence: str, named: list[Named], table: IndicatorTable) -> list[Named]:
    """``named`` with a bare rate of coverage named by what the clause before builds or
    extends (see the module docstring)."""
    out: list[Named] = []
    for n in named:
        fig = n.figure
        places = n.indicator.removesuffix(_RATE)
        if (
            fig.unit_class != "percent"
            or not n.indicator.endswith(_RATE)
            or (places and not _PLACES_END_RE.search(places))
            or table.canonical(n.indicator)
        ):
            out.append(n)
            continue
        what = _covering_before(sentence, clause_start(sentence, fig.start))
        if what and what not in places:
            n = replace(n, indicator=places + what + _RATE)
        out.append(n)
    return out
