"""A count of a batch said after whose batch it is: the owner is part of the name.

Reports name the programme or pilot a batch of things belongs to right before the batch
word, and count the batch after it::

    江州综合改革试点首批30项授权事项大部分落地   -> 江州综合改革试点授权事项 (30项)
    江淮“两城”联动首批12项重点合作项目加快推进   -> 江淮两城联动重点合作项目 (12项)

The noun phrase before 首批 (第二批, 第3批) says whose items they are: without it the name
(授权事项) is any programme's. It is taken only when it opens its clause and is nouns
alone (or a programme of joint work, 两城联动): a verb (入选首批, 获批首批) makes the
batch a list the things entered, a scope or a time (全国首批, 今年首批) names no owner.
A word of how many of the set did what the clause says, right after the things
(授权事项|大部分|落地), is no part of their name either.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.lexicon import SCOPE_RE, TIME_RE
from bot.targets.naming.needs import needs
from bot.targets.naming.words import _is_name, _is_verb, _segmenter

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

# the owner (the clause's opening up to the batch word), the batch word, a hedge
_BATCH_RE = re.compile(
    r"(?:^|(?<=[，。；：、]))(?P<owner>[^，。；：、\d]{2,16}?)"
    r"(?:首批|第[一二三四五六七八九十\d]{1,2}批)(?:近|约|超|共)?$"
)
# how many of the set: a quantifier said after the things, never part of their name
_PART_WORD_RE = re.compile(r"(?:绝大部分|绝大多数|大部分|大多数|多数|全部|均)$")
_NOUN_TAGS = frozenset({"n", "nz", "ns", "nt", "ng", "vn", "an", "b", "l", "j", "x"})
_HEAD_TAGS = frozenset({"n", "nz", "ns", "nt", "ng", "j", "l"})  # what an owner ends with
# verbs of joint work that name a programme after its partners (双城联动, 区域协同): the
# one kind of verb an owner may end with (江州高新区建成首批…: 建成 is the act, no owner)
_JOINT_WORK = frozenset({"联动", "协同", "合作", "共建", "融合", "协作", "一体化"})


def _owner(text: str) -> str:
    """The owner noun phrase of ``text`` (quotes dropped), or "" when it is none."""
    owner = text.replace("“", "").replace("”", "")
    if not _is_name(owner) or SCOPE_RE.fullmatch(owner) or TIME_RE.search(owner):
        return ""
    words = _segmenter().tag(owner, True)
    if len(words) >= 2 and words[-1][0] in _JOINT_WORK:
        words = words[:-1]
    elif words and words[-1][1] not in _HEAD_TAGS:
        return ""  # 江州市|启动 (vn): an act, not whose the batch is
    if any(t not in _NOUN_TAGS or _is_verb(w) for w, t in words):
        return ""
    return owner


@needs("批")
def batch_owner(sentence: str, named: list[Named]) -> list[Named]:
    """``named`` with the counts of a batch named with its owner, and without a word of
    how many of them did what follows (see the module docstring)."""
    if "批" not in sentence:
        return named
    out: list[Named] = []
    for n in named:
        fig = n.figure
        m = _BATCH_RE.search(sentence, 0, fig.start) if fig.unit_class == "count" else None
        if m:
            name = _PART_WORD_RE.sub("", n.indicator)
            owner = _owner(m["owner"])
            if owner and _is_name(name) and not name.startswith(owner):
                n = replace(n, indicator=owner + name, confidence=max(n.confidence, 0.75))
        out.append(n)
    return out
