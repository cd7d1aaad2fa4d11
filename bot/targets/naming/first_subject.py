"""The things a sentence opens with, counted as its subject, carried to its later acts.

A report counts things in the subject's place, before any verb of its clause, then says
what those things did in clauses with no subject of their own::

    江州工业互联网平台超过40个，服务中小企业超过2万家 -> 江州工业互联网平台服务中小企业
    城际公交开行超800班次，连接乡镇30个              -> 城际公交连接乡镇

The carry is licensed by how the sentence is built: the sentence's first figure counts
the things (or their trips, 开行…班次) with the things before the verb, nothing but a time
before that clause (建成站点…个 counts an object, not a subject; 服务… then says what the
builder did); the later clause is an act and its object and nothing else (see
:func:`~bot.targets.naming.carry._headless`), its name no more than that act; the
clauses between are the same things' (重点平台连接设备…: a part of the platforms, named
by the same head word) or acts carried the same way. A clause with a subject of its own
stops the carry; ``；`` ends it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.lexicon import SCOPE_RE, TIME_RE
from bot.targets.naming.carry import _HEDGE_RE, _LEAD_RE, _agent, _headless, _joined
from bot.targets.naming.clauses import clause_start
from bot.targets.naming.needs import needs
from bot.targets.naming.words import _is_name, _segmenter

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

# the acts things do to others, counted in what they reach (服务企业, 连接城市, 带动就业);
# not a verb that describes a noun of its own (注册护士, 执业医师, 在册党员: 注册 is no act
# of the hospitals counted before)
_REACH_VERBS = frozenset(
    {
        "服务",
        "连接",
        "联通",
        "覆盖",
        "辐射",
        "带动",
        "惠及",
        "吸纳",
        "吸引",
        "接入",
        "孵化",
        "培育",
        "培训",
        "帮扶",
        "支撑",
        "通达",
        "接待",
        "开行",
        "运送",
        "发送",
        "运输",
        "承担",
    }
)
# what may stand before the subject's clause: times and their commas (2025年，全年)
_BEFORE_RE = re.compile(r"[，,\s]*")


def _subject(sentence: str, first: Named) -> str:
    """The things the sentence's first figure counts in the subject's place
    (``江州工业互联网平台超过40个`` -> ``江州工业互联网平台``), else ``""``."""
    fig = first.figure
    name = first.indicator
    if fig.unit_class != "count" or len(name) < 3 or not _is_name(name):
        return ""
    lo = clause_start(sentence, fig.start)
    if not _BEFORE_RE.fullmatch(TIME_RE.sub("", sentence[:lo])):
        return ""  # a clause before it: the sentence opens with something else
    clause = _LEAD_RE.sub("", TIME_RE.sub("", sentence[lo : fig.num_start]).strip())
    core = _HEDGE_RE.sub("", clause)
    if SCOPE_RE.match(core):
        core = SCOPE_RE.sub("", core, count=1)
    at = core.rfind(name)
    if at < 0:
        return ""
    before, after = core[:at], core[at + len(name) :]
    if clause.endswith(name):
        return ""  # 监察机构17个，监察人员…: an entry of a list, no subject and predicate
    if before and not before.endswith("的"):
        return ""  # 建成…站点: the things are the object of an act
    if after:
        words = list(_segmenter().tag(after, True))
        if len(words) != 1 or words[0][1] != "v" or len(after) < 2:
            return ""  # 国际班列开行: one verb of the things' own trips only
    return name if _agent(name) else ""


def _same_things(name: str, subject: str, head: str) -> bool:
    """Whether a figure between names the subject or a part of it (重点平台… of the
    工业互联网平台: the same head word)."""
    return name.startswith(subject) or (len(head) >= 2 and head in name)


@needs(*_REACH_VERBS, figures=2)
def carry_the_first_subject(sentence: str, named: list[Named]) -> list[Named]:
    """``named`` with the things the sentence opens with given to the figures of its
    later clauses that only say what was done (see the module docstring)."""
    if len(named) < 2 or named[0].figure.unit_class != "count":
        return named
    if not any(v in sentence for v in _REACH_VERBS):
        return named  # (the cheap test first: no act of reach, nothing to carry)
    subject = _subject(sentence, named[0])
    if not subject:
        return named
    head = list(_segmenter().cut(subject, True))[-1]
    out = [named[0]]
    carrying = True
    for n in named[1:]:
        fig = n.figure
        if not carrying or "；" in sentence[named[0].figure.end : fig.start]:
            out.append(n)
            carrying = False
            continue
        lo = clause_start(sentence, fig.start)
        clause = sentence[lo : fig.start]
        done = _headless(clause) if any(v in clause for v in _REACH_VERBS) else ""
        name = n.indicator
        if (
            done
            and (name in (done, "完成" + done) or done.endswith(name))
            and any(done.startswith(v) for v in _REACH_VERBS)
        ):
            out.append(
                replace(n, indicator=_joined(subject, done), confidence=max(n.confidence, 0.75))
            )
            continue
        carrying = _same_things(name, subject, head)
        out.append(n)
    return out
