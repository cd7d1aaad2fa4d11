"""Who a work benefits, counted in the clause after the work's own count, is the work's.

Reports count a work and then, in a clause of its own, the people it reached::

    实施老旧院落改造128个，惠及居民1.6万户    -> 老旧院落改造惠及居民
    完成农村危房改造3200户、受益群众1.1万人   -> 农村危房改造受益群众
    改造城镇老旧小区312个、惠及居民4.6万户   -> 城镇老旧小区改造惠及居民
    发放各类救助资金9.6亿元，惠及困难群众28万人次 -> 救助资金惠及困难群众
    发放创业担保贷款2亿元，支持创业者900人      -> 创业担保贷款支持创业者
    建成就业帮扶车间12个，吸纳脱贫群众就业480人 -> 就业帮扶车间吸纳脱贫群众就业
    引进营业性演出1.1万场、带动综合消费150亿元 -> 营业性演出带动综合消费
    改造老旧小区63个、涉及居民2.4万户       -> 老旧小区改造涉及居民
    开展各类文体活动168场，服务群众3.2万人次 -> 文体活动服务群众

涉及 says whom the work touched as 惠及 says whom it reached; a 涉及 clause of things
(涉及楼栋216栋) between the work and its people is passed over, the people after it
are still the work's (改造老旧小区38个，涉及楼栋216栋，惠及居民1.1万户).

The clause of the people names only them (居民) and the verb (or, after 带动, what the
work drove: 就业, 综合消费, in people or in money); the work is what the
clause before says was done to the things just counted (老旧院落改造), or the money
just given (救助资金), its own verb (实施, 完成, 发放) left out.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.lexicon import PAYMENT_FUND_RE
from bot.targets.naming.clauses import clause_start
from bot.targets.naming.needs import needs
from bot.targets.naming.words import _is_name

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

_CUE_RE = re.compile(r"惠及|受益|带动|支持|吸纳|涉及|服务")
# the clause of the people: the verb and who, nothing else before the figure; or what
# the work drove (带动就业, 带动综合消费), in people or in money
_PEOPLE_RE = re.compile(
    r"(?:共|累计|直接)?(?:(?P<verb>惠及|受益|支持|吸纳|涉及|服务)(?P<who>[\u4e00-\u9fff]{0,8})"
    r"|(?P<drove>带动)(?P<what>[\u4e00-\u9fff]{2,6}"
    # sales of goods listed (带动汽车、家电等商品销售额超过720亿元: round29's reports)
    r"|[\u4e00-\u9fff、]{2,14}?(?:销售额|销售)(?=超过|超|达到|达|近|约|$)))"
    r"(?:超过|超|达到|达|近|约)?$"
)
# the money of the trade-in programme drives and reaches for the programme (发放以旧换新补贴
# 资金68.5亿元，带动…: 以旧换新带动…, GOLD_GUIDELINES 6.8.39)
_PROGRAMME_MONEY_RE = re.compile(r"(?<=以旧换新)(?:补贴资金|补贴|配套资金|资金)$")
_WHO_AFTER_RE = re.compile(r"(?:居民|群众|农户|人口|家庭|住户|职工|学生)")
# the work's own verb, and the time or scope, at the start of its clause
# (an item of a list, 三是…, says nothing of the work)
_LEAD_RE = re.compile(
    r"^(?:[一二三四五六七八九十]+是)?(?:确保|力争)?(?:全年|今年|年内|全市|全县|全区|全省)?(?:共|累计)?"
    r"(?:完成|落实|实施|开展|推进|启动|新开工|开工|发放|投入|安排|下达|拨付|新建|建成|新改建|改扩建|引进|举办)?"
    r"(?:各类|各项)?"
)
# 扶持创业7650人，带动就业2.1万人: the jobs 创业 brings (创业带动就业, GOLD_GUIDELINES 6.8.13);
# the act stays in the first count's own name, which the work is matched against
_SUPPORT_ACT_RE = re.compile(r"^扶持(?=[\u4e00-\u9fff]{2})")
# a work written verb first, the things after it (改造城镇老旧小区, 新建农村公路)
_WORK_FIRST_RE = re.compile(
    r"(?P<verb>改造提升|提升改造|改造|治理|整治|修缮|修复)"
    r"(?P<what>[\u4e00-\u9fff]{2,14})$"
)
# people, households, and firms a payment supports (惠及企业1.2万家次)
_PEOPLE_UNITS = frozenset(
    {"户", "人", "人次", "万户", "万人", "万人次", "家", "家次", "万家", "万家次"}
)


# the qualifier of a work's things that the table's name of their count leaves out
# (完成城镇老旧小区改造237个 counts the table's 老旧小区)
_THINGS_QUALIFIER_RE = re.compile(r"^(?:城镇|城市|农村|城区|中心城区)")
# events held, whom they served counted after them (义诊活动8场，服务群众1600人次)
_EVENT_UNITS = frozenset({"场", "次", "期", "场次", "批次", "万场", "万次"})
# how far the work has got, said after it (城镇老旧小区改造开工186个): no part of the work
_PROGRESS_TAIL_RE = re.compile(r"(?<=改造|建设|整治|治理)(?:新)?(?:开工|完工|竣工)$")
# a clause that says how much of the year's goal the work just counted reached (改造开工
# 186个，完成全年目标的78.5%，惠及居民…): no work of its own, the people are still the work's
_GOAL_SHARE_RE = re.compile(r"完成(?:全年|年度)?(?:目标|任务|计划)(?:任务)?的$")


def _before_the_goal_share(sentence: str, out: list[Named]) -> Named | None:
    """The work's record when the record just before is its share of the year's goal,
    said right after the work's figure; else None."""
    if len(out) < 2:
        return None
    share, work = out[-1], out[-2]
    lo = clause_start(sentence, share.figure.start)
    if share.figure.unit != "%" or not _GOAL_SHARE_RE.search(sentence, lo, share.figure.start):
        return None
    return work if sentence[work.figure.end : lo] in ("，", "、", ",") else None


# a clause that only says what else the work touched, in things (涉及楼栋216栋)
_SCOPE_CLAUSE_RE = re.compile(r"涉及[\u4e00-\u9fff]{1,6}$")


def _before_the_scope(sentence: str, out: list[Named]) -> Named | None:
    """The work's record when the record just before is a 涉及 clause of things, said
    right after the work's figure; else None."""
    if len(out) < 2:
        return None
    scope, work = out[-1], out[-2]
    lo = clause_start(sentence, scope.figure.start)
    lo = max(lo, sentence.rfind("、", lo, scope.figure.start) + 1)
    if scope.figure.unit in _PEOPLE_UNITS or not _SCOPE_CLAUSE_RE.fullmatch(
        sentence, lo, scope.figure.start
    ):
        return None
    return work if sentence[work.figure.end : lo] in ("，", "、", ",") else None


@needs("惠及", "受益", "带动", "支持", "吸纳", "涉及", "服务", figures=2)
def beneficiaries_of_the_work(sentence: str, named: list[Named]) -> list[Named]:
    """``named`` with the people a work benefits named by the work (see the module
    docstring)."""
    if len(named) < 2 or not _CUE_RE.search(sentence):
        return named
    out: list[Named] = []
    # the programme a record just named as the driver (以旧换新带动…), which the next cue
    # clause after it reaches for too (…，惠及消费者860万人次)
    driver: tuple[Named, str] | None = None
    for n in named:
        fig = n.figure
        last = out[-1] if out else None
        lo = clause_start(sentence, fig.start)
        listed = _PEOPLE_RE.search(sentence, lo, fig.start)
        if listed and listed.start() == lo and "、" in (listed["what"] or ""):
            m = listed  # 带动汽车、家电等商品销售额: goods listed in what was driven
        else:
            lo = max(lo, sentence.rfind("、", lo, fig.start) + 1)  # 改造180个、惠及居民…
            m = _PEOPLE_RE.search(sentence, lo, fig.start)
        if m and not m["drove"] and fig.unit not in _PEOPLE_UNITS:
            m = None
        if m and m.start() == lo and last is not None:
            between = sentence[last.figure.end : lo]
            goal = _before_the_goal_share(sentence, out)
            if goal is not None and between in ("，", "、", ","):
                last = goal
            last = _before_the_scope(sentence, out) or last
            verb = m["verb"] or m["drove"]
            if verb == "服务" and last.figure.unit not in _EVENT_UNITS:
                # 重点平台工业设备连接数超过7900万台套，服务工业企业…: the platforms', not
                # the devices'; only events held serve the people counted after them
                out.append(n)
                continue
            who = (
                m["what"]
                or m["who"]
                or (w.group() if (w := _WHO_AFTER_RE.match(sentence, fig.end)) else "")
            )
            if "、" in who and "等" in who:
                # 带动汽车、家电等商品销售额: the goods' sales, the examples before 等 left
                # out as examples.without_examples leaves them (the driver kept before them)
                who = who.rsplit("等", 1)[1]
            if driver is not None and driver[0] is last and between in ("，", "、", ","):
                out.append(replace(n, indicator=f"{driver[1]}{verb}{who}"))
                driver = (out[-1], driver[1])
                continue
            work_lo = clause_start(sentence, last.figure.start)
            work_lo = max(work_lo, sentence.rfind("、", work_lo, last.figure.start) + 1)
            work = _LEAD_RE.sub("", sentence[work_lo : last.figure.start])
            work = _PROGRESS_TAIL_RE.sub("", work)  # 城镇老旧小区改造开工186个: the 改造's
            done = _WORK_FIRST_RE.match(work)
            done = done if done and done["what"].endswith(last.indicator) else None
            if done:
                work = done["what"] + done["verb"]  # 改造城镇老旧小区312个: the 小区's 改造
            if (
                who
                and between in ("，", "、", ",")
                and (
                    work.startswith(last.indicator)
                    or _THINGS_QUALIFIER_RE.sub("", work).startswith(last.indicator)
                    or done
                )
                and _is_name(work)
            ):
                work = PAYMENT_FUND_RE.sub("", _SUPPORT_ACT_RE.sub("", work))
                programme = _PROGRAMME_MONEY_RE.sub("", work)
                n = replace(n, indicator=f"{programme}{verb}{who}")
                if programme != work:
                    out.append(n)
                    driver = (n, programme)
                    continue
        out.append(n)
    return out
