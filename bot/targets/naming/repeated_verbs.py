"""A clause that repeats the verb of a figure before it has that figure's subject.

Bulletins and reports say what one body did, then what else it did with the same verb,
the subject said once::

    全市中考录取高中学生2.1万人，录取职校学生1.3万人          -> 中考录取职校学生
    市场监管部门抽检食品样品1.2万批次，抽检药品样品3000批次  -> 市场监管部门抽检药品样品

The later clause is the verb and its object alone (after 其中, 累计, a hedge); the figure
before is named subject + the same verb + an object of its own. A clause with a subject
of its own (职教高考录取职校学生…) is left alone, and so is a verb that ends the name
before (税收|收入: a noun the dictionary also tags a verb); a name the indicator table knows
(其中组织税收收入… -> 税收收入) is left alone, as :mod:`~bot.targets.naming.carry` leaves it.
A rate said after the figure renamed, with no name of its own (…，增长4%), takes its new
name.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.lexicon import TIME_RE
from bot.targets.naming.carry import _HEDGE_RE, _LEAD_RE
from bot.targets.naming.clauses import clause_start
from bot.targets.naming.needs import needs
from bot.targets.naming.words import _is_name, _is_verb, _segmenter

if TYPE_CHECKING:
    from bot.targets.indicators import IndicatorTable
    from bot.targets.naming.sentence import Named

# a bracketed note inside a clause (不含海关代征)
_NOTE_RE = re.compile(r"[（(][^（）()]{0,30}[）)]")
# words no subject holds: an act, a preposition, an adverb, a pronoun, a number
_NOT_SUBJECT_TAGS = frozenset({"v", "vn", "p", "d", "r", "m"})
_VERB_TAGS = frozenset({"v", "vn"})
# the measure of an act, no object of it (补助金额: whose act, said before, is unknown)
_MEASURE_RE = re.compile(r"(?:总)?(?:金额|资金额?|额|人数|人次|次数|数量|数|量|规模|面积|里程)")
# what opens a part's clause before its verb
_PART_RE = re.compile(r"^(?:其中|另外|此外|同时)[，,：:]?")


def _core(sentence: str, lo: int, end: int) -> str:
    """A clause's words without its time, its opening adverbs, notes and hedges."""
    clause = _NOTE_RE.sub("", sentence[lo:end])
    if "、" in clause:
        clause = clause[clause.rfind("、") + 1 :]
    clause = _PART_RE.sub("", TIME_RE.sub("", clause).strip("，,：: "))
    return _HEDGE_RE.sub("", _LEAD_RE.sub("", clause))


def _subject_and_verb(name: str, verb: str) -> str:
    """The subject of ``name`` when it is subject + ``verb`` + an object (税务部门组织税费收入
    -> 税务部门); ``""`` otherwise."""
    at = name.find(verb)
    if at < 2 or len(name) <= at + len(verb):
        return ""
    subject, rest = name[:at], name[at + len(verb) :]
    words = list(_segmenter().tag(subject, True))
    if not words or any(t in _NOT_SUBJECT_TAGS for _w, t in words[:-1]):
        return ""  # 新建|…, 在…, 国务院|提请|…: an act and its object, no subject
    if words[-1][1] in _NOT_SUBJECT_TAGS - _VERB_TAGS:
        return ""  # a subject ends with a noun or a work (普通高考, 中考)
    if rest[0] in "和与及、等":
        return ""  # 棚户区改造和房地产开发…: a work named by its act, no subject's
    return subject if _is_name(subject) else ""


@needs(figures=2)
def same_verb_same_subject(sentence: str, named: list[Named], table: IndicatorTable) -> list[Named]:
    """``named`` with the subject of a figure before given to a clause that repeats its
    verb (see the module docstring)."""
    if len(named) < 2:
        return named
    out: list[Named] = []
    renamed: dict[str, tuple[str, int]] = {}  # old name -> new name, end of the figure
    for k, n in enumerate(named):
        fig = n.figure
        lo = clause_start(sentence, fig.start)
        carried = renamed.get(n.indicator)
        if carried and n.indicator not in _NOTE_RE.sub("", sentence[lo : fig.start]):
            out.append(replace(n, indicator=carried[0]))  # …，下降4.5%: the rate of it
            continue
        core = _core(sentence, lo, fig.num_start) if k else ""
        # (segmenting is the costly part: only a clause whose opening a name before holds)
        said = len(core) >= 3 and any(core[:2] in o.indicator[2:] for o in out)
        words = list(_segmenter().cut(core, True)) if said and _is_name(core) else []
        verb = words[0] if len(words) >= 2 else ""
        if (
            len(verb) < 2
            or not _is_verb(verb)
            or any(_is_verb(w) for w in words[1:])  # 改造|开发|面积: two acts
            or "等" in core  # examples before their kind: named without them
            or _MEASURE_RE.fullmatch(core[len(verb) :])  # 补助|金额: the act's measure
            or n.indicator not in core
            or table.canonical(n.indicator)  # a statistic the table knows: its own name
        ):
            out.append(n)
            continue
        subject = next(
            (s for o in reversed(out) if (s := _subject_and_verb(o.indicator, verb))), ""
        )
        if not subject or n.indicator.startswith(subject):
            out.append(n)
            continue
        renamed[n.indicator] = (subject + core, fig.end)
        out.append(replace(n, indicator=subject + core, confidence=max(n.confidence, 0.75)))
    return out
