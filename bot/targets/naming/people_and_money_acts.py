"""People and money a clause names by the act done for them, not by the act's words.

The act of care done to people counted (慰问困难群众1120户 -> 困难群众, change 慰问), people
a problem was solved for (解决3800人饮水不安全问题 -> 解决饮水不安全人口), and money said
bare before the act it paid for (投入资金1500万元，改造农村危房210户 -> 农村危房改造资金):
the golds name the people and the money by who they are and what it was for. Read by
:func:`bot.targets.naming.doing_verbs.without_doing_verb`, one name at a time.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.targets.naming.act_clauses import (
    COUNT_CLAUSE_RE,
    MEASURED_RE,
    a_thing,
    act_verb,
    an_act,
    clause_said,
)
from bot.targets.naming.clauses import clause_start

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named


# acts of care done to people, who are then counted in 户 or 人次 (慰问困难群众1120户,
# 资助家庭经济困难学生1.4万人次): the count is of those cared for, and the golds name them
# by who they are (困难群众, 家庭经济困难学生). 救助 stays (救助困难群众 is how the
# golds name a relief count), and so do training and help into work (培训…, 帮扶…就业),
# which name the act as much as the people
_CARE_RE = re.compile(r"^(?:(?:走访|看望)?慰问|资助)")
_CARED_UNITS = ("户", "人次", "人", "名")


def care_act(sentence: str, n: Named) -> str:
    """The act of care a clause opens with, when the clause is only it, the people and
    their count (慰问困难群众1120户 -> 慰问); ``""`` otherwise."""
    m = _CARE_RE.match(n.indicator)
    if m is None or n.figure.unit_class != "count" or not n.figure.unit.endswith(_CARED_UNITS):
        return ""
    _, said = clause_said(sentence, n)
    if said != n.indicator:
        return ""
    people = n.indicator[m.end() :]
    return m.group() if len(people) >= 2 and a_thing(people) else ""


# money said bare (投入资金…元), named by what the next clause does with it
_BARE_MONEY_RE = re.compile(r"^(?:投入|筹措|筹集|整合|落实)?资金$")
# verbs of making things: the money is the things' (新建小型水窖 -> 小型水窖资金), where the
# money of work done on things is the work's (改造农村危房 -> 农村危房改造资金)
_MAKING_RE = re.compile(r"^(?:新建|建设|建成|实施|新修|修建|兴建)$")
_NEXT_CLAUSE_RE = re.compile(r"[，,](?P<clause>[^，,；;。！？、]+)")


def money_purpose(sentence: str, n: Named) -> str:
    """What bare money is for, when its clause is only the money put in (投入资金1500万元)
    and the next clause is an act and its count (，改造农村危房210户): the things and the
    act, as the golds name such money (农村危房改造资金, 小型水利工程资金); ``""``
    otherwise."""
    if n.figure.unit_class != "money":
        return ""
    _, said = clause_said(sentence, n)
    # the clause says only the money (a topic carried before it is no purpose of it)
    if not _BARE_MONEY_RE.match(said) or not n.indicator.endswith(said.removeprefix("投入")):
        return ""
    nxt = _NEXT_CLAUSE_RE.match(sentence, n.figure.end)
    if nxt is None or not an_act(nxt["clause"]):
        return ""
    verb = act_verb(nxt["clause"])
    m = COUNT_CLAUSE_RE.match(nxt["clause"]) or MEASURED_RE.match(nxt["clause"])
    if not verb or m is None or not m["words"].startswith(verb):
        return ""
    things = m["words"][len(verb) :]
    if len(things) < 2 or not a_thing(things):
        return ""
    return things + ("" if _MAKING_RE.match(verb) else verb) + "资金"


# a problem solved for people counted (解决2.1万农村人口饮水安全问题): who they are, then what
_SOLVED_RE = re.compile(
    r"^(?:人|名)?(?P<people>[\u4e00-\u9fff]{0,6}?(?:人口|居民|群众|农民|农户|人员|学生))?"
    r"的?(?P<what>[\u4e00-\u9fff]{2,10}?)问题"
)


_AREA_POPULATIONS = frozenset({"农村人口", "城镇人口", "城乡人口", "乡村人口"})


def solved_for(sentence: str, n: Named) -> str:
    """People a problem was solved for, counted bare (解决3800人饮水不安全问题): named by the
    act, the problem and 人口 (解决饮水不安全人口), as the golds name them, not by the
    problem; ``""`` unless the clause is 解决, the count of people, then their problem."""
    if n.figure.unit_class != "count" or not n.figure.unit.endswith(("人", "名")):
        return ""
    start = clause_start(sentence, n.figure.start)
    if not re.search(r"解决了?$", sentence[start : n.figure.num_start]):
        return ""
    m = _SOLVED_RE.match(sentence, n.figure.end)
    if m is None:
        m = _SOLVED_RE.match(sentence[n.figure.end :].lstrip("多余万"))
    if m is None:
        return ""
    # a population said (农村人口): named by the problem and who they are, 问题 and the
    # verb dropped (GOLD_GUIDELINES 6.6: 农村饮水安全人口, as the dev gold of the 2015
    # national report and the round16 and round19 golds write it); other people said
    # (居民, 群众, 贫困人口 …) keep the text's own words
    if m["people"]:
        people = m["people"]
        return people[:-2] + m["what"] + "人口" if people in _AREA_POPULATIONS else ""
    # only a bare count of people names a problem, not them, and is renamed
    return "解决" + m["what"] + "人口"
