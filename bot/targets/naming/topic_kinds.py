"""Kinds of outcome counted after the work a sentence opens with are that work's.

A report opens a sentence with the work it reports on, a verb and its object, then
counts what the work gave, naming only the kind of outcome::

    深化职务科技成果权属改革，形成10个以上典型案例   -> 职务科技成果权属改革典型案例
    积极对接国际高标准经贸规则，推动30余项试点任务落地 -> 对接国际高标准经贸规则试点任务

    全力推动江州新区建设，出台22项省级支持措施       -> 江州新区省级支持措施

A kind of outcome (典型案例, 试点任务, 政策文件, 经验) or of measures (支持措施, 政策措施)
says nothing alone: whose cases, which tasks, the opening clause says (a work's 建设 is
its process, left out) (GOLD_GUIDELINES §6: a name a reader can read
without the sentence). A noun of its own (30个产业园区), a name the indicator table
knows, and a work that is no noun phrase (加强…管理) are left alone.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.naming.clauses import clause_start
from bot.targets.naming.clean import _QUOTE_TABLE
from bot.targets.naming.words import _is_name, _segmenter

if TYPE_CHECKING:
    from bot.targets.indicators import IndicatorTable
    from bot.targets.naming.sentence import Named

# the kinds of outcome a count may name alone (the kind, with a word of which or how many)
_KIND_RE = re.compile(
    r"(?:首批|第[一二三四五六七八九十\d]+批|[一-龥]{0,2}?)"
    r"(?:典型案例|案例|试点任务|改革任务|任务|政策文件|文件|经验做法|经验|做法|成果|举措"
    r"|支持措施|政策措施|措施)"
)
# the verb a work is opened with, and the adverbs before it
_OPENING_RE = re.compile(
    r"^(?:积极|深入|全面|持续|大力|加快|扎实|着力|稳步|深化|不断|全力)*"
    r"(?P<verb>深化|推进|实施|对接|推动|开展|落实|建设|完善|探索|启动)"
    r"(?P<work>[^，。；、\d%]{4,16})$"
)
_NOUN_TAGS = frozenset({"n", "nz", "vn", "nt", "j", "l"})


def _work(sentence: str) -> str:
    """The work the sentence opens with (深化职务科技成果权属改革 -> 职务科技成果权属改革),
    ``""`` when its first clause is not a verb and a noun phrase with no figure."""
    first = re.split(r"[，,；;：:]", sentence, maxsplit=1)[0].translate(_QUOTE_TABLE)
    m = _OPENING_RE.match(first)
    if not m:
        return ""
    work = m["work"]
    words = list(_segmenter().tag(work, True))
    if not words or words[-1][1] not in _NOUN_TAGS or words[0][1] in ("v", "d", "p"):
        return ""
    if work.endswith("建设") and len(work) >= 6:
        work = work[:-2]  # 推动江州新区建设: the measures are the new area's, 建设 its process
    if m["verb"] == "对接":
        work = "对接" + work  # 对接…规则: the rules are not the work, meeting them is
    return work if _is_name(work) else ""


def _verb_only(clause: str) -> bool:
    """Whether the clause before a count is a verb alone (形成, 推动), no words of its own
    saying which things (省委确定的314项改革任务)."""
    core = re.sub(r"^(?:累计|共|先后|陆续|全年|年内|新)+", "", clause.strip("，、 "))
    words = list(_segmenter().tag(core, True))
    return not core or (len(words) == 1 and words[0][1] == "v")


def _joined(work: str, kind: str) -> str:
    """``work`` before ``kind``, a word they share said once (…改革 + 改革任务)."""
    for k in range(min(len(work), len(kind) - 1), 1, -1):
        if work.endswith(kind[:k]):
            return work + kind[k:]
    return work + kind


def kinds_of_the_work(sentence: str, named: list[Named], table: IndicatorTable) -> list[Named]:
    """``named`` with kinds of outcome named by the work the sentence opens with (see the
    module docstring)."""
    if not named or "，" not in sentence:
        return named
    work = ""
    out: list[Named] = []
    for n in named:
        if (
            n.figure.unit_class == "count"
            and _KIND_RE.fullmatch(n.indicator)
            and not table.canonical(n.indicator)
        ):
            work = work or _work(sentence)
            first_end = sentence.find("，")
            lo = clause_start(sentence, n.figure.start)
            if (
                work
                and n.figure.start > first_end
                and work not in n.indicator
                and _verb_only(sentence[lo : n.figure.start])
            ):
                n = replace(n, indicator=_joined(work, n.indicator))
        out.append(n)
    return out
