"""Parts listed after ``其中`` that name only a subset keep the whole's act and its doer.

A whole counted as an act done by someone (农村劳动力转移就业300万人) or as an act and the
people it reached (引进人才2万人) is often broken down after 其中 in words that say only
how the parts differ::

    农村劳动力转移就业总量300万人，其中省内转移120万人，省外输出180万人
        -> 农村劳动力省内转移就业, 农村劳动力省外输出
    全年引进人才2万人，其中博士500人，硕士3000人
        -> 引进博士, 引进硕士

Read alone, 省内转移 says no one's move and 博士 all the doctors of the place; a reader
names the part with what the whole says of it. Two shapes:

- the part is a way of doing the act (words, then a verb: 省内转移, 省外输出): it takes
  the whole's doer (the words before the whole's first verb), and the words after the
  act when it repeats the whole's verb (…转移 + 就业);
- the part is the same people narrowed (青年人才 of 引进人才, 女性农民工 of 招用农民工) or
  talents by degree (博士 of 引进人才): it takes the act, when the whole is a verb and
  its people alone; not a verb of where people are (常住人口, 在校学生: the frame's).

Not a part with a name of its own (the indicator table's: 其中税收收入), one that says
its own act (其中新引进博士), nor a whole that is a share or has no doer or act to lend.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.lexicon import PEOPLE_NOUNS
from bot.targets.naming.needs import needs
from bot.targets.naming.words import _is_name, _is_verb, _one_word_tag, _segmenter, plain_verbs

if TYPE_CHECKING:
    from bot.targets.indicators import IndicatorTable
    from bot.targets.naming.sentence import Named

_AMONG = "其中"
# where the list of parts ends: the sentence's next clause of another kind
_PARTS_END_RE = re.compile(r"[；;。]")
# the whole's tail words that are a measure of the count, not the act (…就业总量)
_COUNT_TAIL_RE = re.compile(r"(?:总量|总数|人数|人次|规模)$")
# verbs of where people are or how they are counted, not of an act done to them
# (常住人口, 在校学生, 实有人口): a part of such a whole is named by the frame
_STATES = frozenset({"常住", "现有", "实有", "户籍", "登记", "在册", "在职", "在岗", "参保"})
# talents by degree: a part of 人才 that names no people noun (博士 of 引进人才)
_DEGREES = frozenset({"博士", "硕士", "学士", "院士", "博士后", "本科生", "研究生", "专科生"})


def _doer_act_rest(whole: str) -> tuple[str, str, str] | None:
    """``农村劳动力转移就业`` -> (农村劳动力, 转移, 就业): the whole's doer, its first verb and
    the words after it; None when the whole opens with no doer or holds no verb."""
    words = _segmenter().cut(whole, True)
    for k, w in enumerate(words):
        if k > 0 and _one_word_tag(w) == "v" and w in plain_verbs():
            doer = "".join(words[:k])
            if len(doer) >= 2 and _is_name(doer) and _one_word_tag(words[k - 1]) != "v":
                return doer, w, "".join(words[k + 1 :])
            return None
    return None


def _act_people(whole: str) -> tuple[str, str] | None:
    """``引进人才`` -> (引进, 人才): a two-character verb and the people it reached."""
    act, people = whole[:2], whole[2:]
    if act in _STATES or act[0] == "在" or not _is_verb(act):
        return None
    if not people.endswith(PEOPLE_NOUNS) or not _is_name(people):
        return None
    return act, people


def _part_name(part: str, whole: str) -> str:
    """The part's name with what the whole says of it, or ``""`` when it keeps its own."""
    last = _segmenter().cut(part, True)[-1]
    if _one_word_tag(last) == "v" and last in plain_verbs() and len(part) > len(last):
        split = _doer_act_rest(whole)
        if split is None:
            return ""
        doer, act, rest = split
        if part.startswith(doer):
            return ""
        rest = _COUNT_TAIL_RE.sub("", rest)
        return doer + part + (rest if last == act else "")
    pair = _act_people(whole)
    if pair is None or part == pair[1] or _is_verb(part[:2]):
        return ""
    act, people = pair
    head = next(h for h in PEOPLE_NOUNS if people.endswith(h))
    # the same people narrowed (青年人才 of 人才, 女性农民工 of 农民工), or talents by degree
    if part.endswith(people) or (part.endswith(head) and len(part) > len(head)):
        return act + part
    if head == "人才" and part in _DEGREES:
        return act + part
    return ""


@needs(_AMONG, figures=2)
def parts_of_the_act(sentence: str, named: list[Named], table: IndicatorTable) -> list[Named]:
    """Parts after 其中 named with the whole's act and doer (see the module docstring)."""
    at = sentence.find(_AMONG)
    if at < 0 or len(named) < 2:
        return named
    end = _PARTS_END_RE.search(sentence, at)
    stop = end.start() if end else len(sentence)
    wholes = [n for n in named if n.figure.end <= at and n.figure.unit_class == "count"]
    if not wholes:
        return named
    whole = wholes[-1]
    renamed: dict[str, str] = {}
    out: list[Named] = []
    for n in named:
        fig, name = n.figure, n.indicator
        if not (at < fig.start < stop):
            out.append(n)
            continue
        if name not in renamed:
            own = (
                fig.unit_class == "count"
                and fig.unit.lstrip("万亿") == whole.figure.unit.lstrip("万亿")
                and 2 <= len(name) <= 6
                # a statistic the table knows keeps its name; talents by degree are people
                and (name in _DEGREES or (name not in table and table.canonical(name) is None))
                and sentence.rfind(name, at, fig.start) > at
            )
            renamed[name] = _part_name(name, whole.indicator) if own else ""
        new = renamed[name]
        out.append(replace(n, indicator=new) if new else n)
    return out
