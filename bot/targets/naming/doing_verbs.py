"""A verb of doing at a name's head is the act, not the thing counted.

Plans and reports say what they will do to a thing, then how much of it::

    推广高效节能电机1.2亿千瓦             -> 高效节能电机 (change 推广)
    制修订节能降碳国家标准和行业标准150项  -> 节能降碳国家标准和行业标准 (change 制修订)
    评选示范街区20个                      -> 示范街区 (change 评选)
    发展林下中药材5万亩                   -> 林下中药材 (change 发展)
    在赤峰、通辽新建物流园区3个           -> 物流园区 (change 新建)

The figure measures the motors, the standards, the districts: a reader names the thing,
as the gold names such records (§6.3: never a verb). The verbs here are the plain verbs
of doing the verb table does not hold (it strips its own, 建设, 改造, 培育 …, when it
cleans a name); one opens a name only when the rest is a name of its own. A verb that is
the measure (新增, 新建 …) is not one of them, unless places the act is done in come
first (``在A、B建设…``): where is no part of what is counted, and the act goes with it.

Short verb-noun-number clauses of work reports open with verbs no list holds (招聘特岗教师
100名, 淘汰落后产能企业1100家, 新打机井30眼): a verb jieba's dictionary tags as a plain
verb, or 新 and a one-character one, opening a clause that is only it, the things and
their count, in a sentence that lists acts of the verb table (新建…，改造…), is the act.
A sentence that is nothing but such clauses, each counting things in their measure word
(安装太阳能路灯2400盏。 新打水窖1500眼，维修水窖2300眼。), lists acts by itself.

An act the dictionary tags as a noun (硬化, 资助, 清淤; 除险 before the verb 加固) is one
by its place alone: opening such a clause among acts that count things (a rate beside a
bulletin's stock, 下降2.2%, is no act; a part after 其中 is no act). 新 before a verb
(新发展, 新识别) is the act in the same place, whatever the things are counted in.

Whether a clause is an act and whether the sentence around it lists acts is read by
:mod:`~bot.targets.naming.act_clauses`; people and money named by the act done for them
(慰问…, 解决…问题, 投入资金…) by :mod:`~bot.targets.naming.people_and_money_acts`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.corpus.gazetteer import default_gazetteer
from bot.targets.dict_words import dict_words, plain_verbs
from bot.targets.lexicon import VERB_RE
from bot.targets.naming.act_clauses import (
    MEASURE_END_RE,
    a_thing,
    acts_around,
    acts_listed,
    clause_said,
    counted_things,
    lead_noun_act,
    lead_verb,
    only_counted_things,
    plain_acts_listed,
    verbal_noun_act,
)
from bot.targets.naming.people_and_money_acts import care_act, money_purpose, solved_for
from bot.targets.naming.words import _is_name, _segmenter, word_end

if TYPE_CHECKING:
    from bot.targets.indicators import IndicatorTable
    from bot.targets.naming.sentence import Named

# verbs of choosing, drafting, spreading or growing things, or of overcoming, removing and
# serving them (攻克关键核心技术50项, 拆除违建9.6万平方米, 联系服务重点民营企业200家: the golds of
# round16, round15, round12e, round25 name the things), then the things (two characters at
# least after them, not a verb of their own: 推广应用 is an act, not a thing)
_DOING_RE = re.compile(
    r"^(?P<verb>推广|遴选|评选|制修订|甄选|征集|发展|攻克|拆除|联系服务)(?P<thing>[\u4e00-\u9fff“”]{2,})$"
)
_ACT_AFTER_RE = re.compile(r"^(?:应用|使用|实施|运用|落地|普及)")
_BARE_MEASURE_RE = re.compile(r"面积|长度|里程|数量|总量|规模|金额|资金")
# places the act is done in, then a verb of building (在鄂尔多斯市、包头市建设…)
_WHERE_RE = re.compile(
    r"^在(?P<where>[\u4e00-\u9fff]{2,8}(?:[、和][\u4e00-\u9fff]{2,8}){0,4})"
    r"(?P<verb>建设|建成|新建|布局|打造|培育|创建)(?P<thing>[\u4e00-\u9fff“”]{2,})$"
)


# people counted as reached by an act (扶持创业6000人, 支持脱贫户2860户) are named with the
# act, as the golds name them (扶持创业人员, 小额信贷支持脱贫户); staff hired are counted
# by their posts (名)
_REACHED_UNITS = ("人", "人次", "户")
_PART_RE = re.compile(r"其中[，,：:]?$")


def _places(where: str) -> bool:
    """Whether ``where`` is only places listed (鄂尔多斯市、包头市)."""
    gazetteer = default_gazetteer()
    for item in re.split(r"[、和]", where):
        m = next(iter(gazetteer.mentions(item)), None)
        if m is None or m.start or item[m.end :].strip("省市区县州盟旗"):
            return False
    return True


def _listed_act(sentence: str, earlier: str, n: Named, around: tuple[str, str] = ("", "")) -> str:
    """The plain verb of a short verb-noun-number clause whose name still opens with it
    (招聘特岗教师120名 among 新建校舍…，改造…): the clause is the name and its figure,
    nothing else before the verb than a time or scope word, the figure a count or a length
    of things (not people the act reached, nor money or area: 补充耕地 is a term),
    and the sentence lists acts. A noun made
    of a verb and a noun (出生人口, 注册护士) sits among nouns, not among acts."""
    area = n.figure.unit_class == "area"
    if (n.figure.unit_class not in ("count", "length") and not area) or n.figure.unit.endswith(
        _REACHED_UNITS
    ):
        return ""
    verb = lead_verb(n.indicator)
    noun_act = "" if verb else lead_noun_act(n.indicator)
    verb = verb or noun_act
    # land is counted after an act only by a verbal noun (调减低效桑园800亩): a plain verb
    # or a noun before it may be part of the area's name (补充耕地, 造林面积)
    if area and not (noun_act and verbal_noun_act(noun_act)):
        return ""
    lines = n.figure.unit_class == "length"
    if not verb or VERB_RE.fullmatch(verb) or not a_thing(n.indicator[len(verb) :], lines=lines):
        return ""
    start, said = clause_said(sentence, n)
    if said != n.indicator:
        return ""
    if noun_act:
        # a word the dictionary calls a noun is an act only in the place of one: among
        # acts that count things, not after 其中 (a part of the whole before it)
        if _PART_RE.search(sentence[:start]):
            return ""
        listed = (
            acts_listed(sentence, start, things=True)
            or acts_listed(earlier, -1, things=True)
            or acts_around(sentence, earlier, start, around, verb)
        )
        return verb if listed else ""
    listed = (
        acts_listed(sentence, start)
        or acts_listed(earlier, -1)
        or (not earlier and only_counted_things(sentence))
        or acts_around(sentence, earlier, start, around, verb)
        # 新 and a one-character verb (新打, 新栽) is an act wherever it stands: no term
        # opens with it, so things counted in their measure word after it are the things
        or (
            verb[0] == "新"
            and len(verb) == 2
            and counted_things(n.indicator + sentence[n.figure.num_start : n.figure.end])
        )
    )
    return verb if listed else ""


_SAME_THINGS_RE = re.compile(r"[0-9][0-9.]*(?:万|亿)?[户人个家座处]")


def _new_act(sentence: str, earlier: str, n: Named, around: tuple[str, str] = ("", "")) -> str:
    """新 and a two-character verb opening a clause that is only the name and its figure,
    in a sentence that lists acts counting things (新建高标准农田4万亩，新发展脐橙标准园1万亩):
    新 says things were added to a set by the act, so the act is the figure's change and
    what follows the things, whatever they are counted in (the verb table's own 新引进,
    新签约 … are this shape, listed one by one); ``""`` if the name opens otherwise. A verb
    that makes a word with 新 (新闻, 新建) or a term the table names is left to the other
    rules; a bulletin's 新登记… beside its rate of change is a statistic, not an act."""
    name = n.indicator
    if name[:1] != "新" or word_end(name) != 1:
        return ""
    verb = name[1 : 1 + word_end(name[1:])]
    if len(verb) != 2 or not (verb in plain_verbs() or verb in dict_words("vn")):
        return ""
    start, said = clause_said(sentence, n)
    # the clause is the name and its figure, or its figure after another of the same
    # things (监测对象420户1680人: the households, then the people)
    if said != name and _SAME_THINGS_RE.fullmatch(said[len(name) :]) is None:
        return ""
    # and the sentence lists acts (新建高标准农田…，新发展脐橙标准园…): a bulletin's
    # 新登记个体工商户, 新设立外商投资企业 are the year's statistics, not acts
    if not said.startswith(name) or not (
        acts_listed(sentence, start, things=True)
        or acts_listed(earlier, -1, things=True)
        or acts_around(sentence, earlier, start, around, verb)
        or plain_acts_listed(earlier + sentence, len(earlier) + start)
    ):
        return ""
    thing = name[3:]
    # a verbal noun may open the things here (新识别监测对象): 新 already says what is added
    words = [w for w in _segmenter().cut(thing, True) if w.strip()]
    if "的" in thing or MEASURE_END_RE.search(thing) or not words or words[-1] in plain_verbs():
        return ""
    return name[:3]


def without_doing_verb(
    sentence: str,
    earlier: str,
    named: list[Named],
    table: IndicatorTable,
    around: tuple[str, str] = ("", ""),
) -> list[Named]:
    """``named`` with a verb of doing left out of a name's head (see the module
    docstring); the verb becomes the record's change when it has none. The acts listed
    may be in the 。-sentence's clauses before a ； (新建校舍…；招聘特岗教师120名。) or, when
    the sentence is only acts, in the paragraph's 。-sentences ``around`` it (before, after)."""
    out: list[Named] = []
    for n in named:
        m = _DOING_RE.match(n.indicator)
        if (
            m
            and not _ACT_AFTER_RE.match(m["thing"])
            and _is_name(m["thing"])
            and not _BARE_MEASURE_RE.fullmatch(m["thing"])  # 拆除面积: the act's measure
        ):
            n = replace(n, indicator=m["thing"], change=n.change or m["verb"])
        known = table.canonical(n.indicator) is not None
        verb = "" if known else _listed_act(sentence, earlier, n, around)
        if verb and _is_name(thing := n.indicator[len(verb) :]):
            n = replace(n, indicator=thing, change=n.change or verb)
        known = table.canonical(n.indicator) is not None
        verb = "" if known else _new_act(sentence, earlier, n, around)
        if verb and _is_name(thing := n.indicator[len(verb) :]):
            n = replace(n, indicator=thing, change=n.change or verb)
        verb = care_act(sentence, n)
        if verb and _is_name(people := n.indicator[len(verb) :]):
            n = replace(n, indicator=people, change=n.change or verb)
        solved = solved_for(sentence, n)
        if solved and _is_name(solved):
            n = replace(n, indicator=solved, change=n.change or "解决")
        purpose = money_purpose(sentence, n)
        if purpose and _is_name(purpose):
            n = replace(n, indicator=purpose, change=n.change or "投入")
        where = _WHERE_RE.match(n.indicator) if n.indicator.startswith("在") else None
        if where and _places(where["where"]) and _is_name(where["thing"]):
            n = replace(n, indicator=where["thing"], change=n.change or where["verb"])
        out.append(n)
    return out
