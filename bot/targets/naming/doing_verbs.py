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
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.corpus.gazetteer import default_gazetteer
from bot.targets.dict_words import (
    dict_words,
    is_two_char_word,
    one_character_verbs,
    plain_verbs,
)
from bot.targets.lexicon import LEVEL_ONLY_RE, VERB_RE
from bot.targets.naming.clauses import clause_start
from bot.targets.naming.words import _is_name, _segmenter, word_end
from bot.targets.numbers.units import THING_CLASSIFIERS

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
_MEASURE_END_RE = re.compile(r"(?:数|量|额|率|人次)$")
_CLAUSE_SPLIT_RE = re.compile(r"[，；。、：]")
# time and scope words a listed act may open with (全年新建…, 全县累计改造…, 五年累计整治…)
_CLAUSE_LEAD_RE = re.compile(
    r"(?:全年|今年|年内|当年|(?:过去|近)?[一二三四五六七八九十]年|全[省市县区旗镇])?(?:共|累计)?"
)
_PART_RE = re.compile(r"其中[，,：:]?$")
_RATE_RE = re.compile(r"[%％‰]|百分点|倍")
_DIGIT_RE = re.compile(r"[0-9一二三四五六七八九十两百千万]")


def _without_lead(clause: str) -> str:
    """``clause`` without the time or scope word it opens with (全年, 近五年, 全县, 累计)."""
    lead = _CLAUSE_LEAD_RE.match(clause)
    return clause[lead.end() if lead else 0 :]


def _clause_said(sentence: str, n: Named) -> tuple[int, str]:
    """Where the clause of ``n``'s figure starts, and what it says before the figure, its
    time or scope word left out."""
    start = clause_start(sentence, n.figure.start)
    return start, _without_lead(sentence[start : n.figure.num_start])


# measure words of things one can point at (wells, lamps, reservoirs, machines, trees): a
# count in one counts things, never an act or a measure (个, 项, 次, 件 count anything)
_THING_MEASURES = frozenset("座处台套间张只头株棵艘架辆") | frozenset(THING_CLASSIFIERS)
# a clause that is words, then a count and one measure word (新打水窖1500眼)
_COUNT_CLAUSE_RE = re.compile(
    r"^(?P<words>[\u4e00-\u9fff]{3,}?)[0-9][0-9.]*(?:万|亿)?(?:多|余)?(?P<unit>[\u4e00-\u9fff])$"
)


def _places(where: str) -> bool:
    """Whether ``where`` is only places listed (鄂尔多斯市、包头市)."""
    gazetteer = default_gazetteer()
    for item in re.split(r"[、和]", where):
        m = next(iter(gazetteer.mentions(item)), None)
        if m is None or m.start or item[m.end :].strip("省市区县州盟旗"):
            return False
    return True


# acts the dictionary tags otherwise: 配套 an adjective, 拓宽 a person's name; both are
# acts done to things in any work report (配套变压器, 拓宽县道), never a kind of thing
_MISTAGGED_ACTS = frozenset({"配套", "拓宽"})


def _lead_verb(name: str) -> str:
    """The plain verb ``name`` opens with, by the dictionary's part of speech rather than
    a list (招聘特岗教师 -> 招聘, 淘汰落后产能企业 -> 淘汰), or 新 and a one-character
    verb (新打机井 -> 新打, 新修机耕道 -> 新修); ``""`` if it opens otherwise."""
    end = word_end(name)
    if end >= 2 and name[:end] in plain_verbs():
        return name[:end]
    if end == 2 and name[:2] in _MISTAGGED_ACTS:
        # and the verb of building or changing it may go on with (配套建设, 拓宽改造)
        more = VERB_RE.match(name[2:])
        nxt = word_end(name[2:])
        if more and len(more.group()) == nxt == 2:
            return name[:4]
        return name[:2]
    # the segmenter cuts 新|打 or keeps 新修 whole: either way two characters; or it joins
    # the verb with what follows into no word of the dictionary (新|打深|水井): the
    # characters tell, unless verb and next make a word (新打造, 新修订)
    if (
        end <= 2
        and name[0] == "新"
        and name[1:2] in one_character_verbs()
        and (
            end == 2
            or word_end(name[1:]) == 1
            or not is_two_char_word(name[1:3])
            # the segmenter's 修通 split a word the things open with (新修|通组公路)
            or word_end(name[2:]) > 1
        )
    ):
        return name[:2]
    return ""


def _lead_noun_act(name: str) -> str:
    """The act a name opens with where the dictionary calls it a noun (硬化 n, 资助 n, 清淤
    n; 除险 n before the verb 加固): a two-character word tagged ``n`` or ``vn``, alone or
    with a plain verb after it (除险加固). Whether it is an act is the place's to say
    (see :func:`_listed_act`); a level or a place (国家, 省级) only ever modifies."""
    end = word_end(name)
    word = name[:2]
    if (
        end != 2
        or not (word in dict_words("n") or word in dict_words("vn"))
        or LEVEL_ONLY_RE.fullmatch(word)
        or word in dict_words("ns")
    ):
        return ""
    nxt = word_end(name[2:])
    if nxt == 2 and name[2:4] in plain_verbs():
        return name[:4]
    return name[:2]


def _a_thing(s: str, *, lines: bool = False) -> bool:
    """Whether ``s`` names things, not an act or a measure: no relative clause
    (列入…的项目), no verb at its end (外出务工), no verbal noun first (竣工投产项目: a
    second act), no count noun at the end (死亡人数: the verb makes the noun there). A
    plain verb first may modify the thing (生产便道, 排水沟渠)."""
    if "的" in s or _MEASURE_END_RE.search(s):
        return False
    words = [w for w in _segmenter().cut(s, True) if w.strip()]
    # ``lines``: things measured in length (roads, channels, pipes); a verbal noun before
    # one noun there says what the line is for (灌溉沟渠, 通组道路), where among counted
    # things it is a second act (竣工投产项目)
    purpose = lines and len(words) == 2 and words[1] in dict_words("n")
    return (
        bool(words)
        and (purpose or words[0] not in dict_words("vn"))
        and words[-1] not in plain_verbs()
    )


def _counted_things(clause: str) -> bool:
    """Whether ``clause`` is only a verb, things and their count in a measure word of
    things (安装太阳能路灯2400盏, 新打深水井18眼): a plain verb or 新 and a one-character
    one, then a noun phrase ending in a dictionary noun."""
    m = _COUNT_CLAUSE_RE.match(clause)
    if m is None or m["unit"] not in _THING_MEASURES:
        return False
    words = m["words"]
    verb = _lead_verb(words)
    # a verb of having (实有, 现有, 拥有) says a stock, not an act: 实有床位 is a kind of bed
    if not verb or verb.endswith("有"):
        return False
    thing = words[len(verb) :]
    cut = [w for w in _segmenter().cut(thing, True) if w.strip()]
    return bool(cut) and cut[-1] in dict_words("n") and _a_thing(thing)


def _only_counted_things(sentence: str) -> bool:
    """Whether every clause of ``sentence`` counts things an act was done to: a sentence
    of such clauses alone lists acts (新打水窖1500眼，维修水窖2300眼。), where a list of
    stocks names its things with a verb of their own (编制床位…张，实有床位数…)."""
    clauses = [c for c in _CLAUSE_SPLIT_RE.split(sentence) if c]
    return bool(clauses) and all(_counted_things(c) for c in clauses)


def _acts_listed(sentence: str, own: int, *, things: bool = False) -> bool:
    """Whether a clause of ``sentence`` other than the one starting at ``own`` opens with a
    verb of the verb table and holds a number: the sentence lists acts (新建…，改造…).
    With ``things``, only a count of things is an act: a rate (增长25.2%, 下降2.2%) is
    how a bulletin's statistic moved, said of the stocks it lists."""
    pos = 0
    for clause in _CLAUSE_SPLIT_RE.split(sentence):
        body = _without_lead(clause)
        verb = VERB_RE.match(body)
        if (
            pos != own
            and verb
            and len(verb.group()) > 1
            and _DIGIT_RE.search(body)
            and not (things and _RATE_RE.search(body))
        ):
            return True
        pos += len(clause) + 1
    return False


_RANK_RE = re.compile(r"第[0-9一二三四五六七八九十]")
_MONEY_RE = re.compile(r"[0-9][0-9.]*(?:万|亿)?(?:多|余)?元")
# money put into the work or paid out (投入资金1200万元, 争取上级资金…, 发放小额信贷…):
# an act of its own among the acts of a paragraph, where money reached (完成投资…亿元,
# 收入…亿元) is a level; what the money is called stays short (资金, 上级资金, 小额信贷)
_MONEY_ACT_RE = re.compile(
    r"^(?:投入|争取|争取到|发放|筹措|筹集|整合|落实|兑现|拨付|下达)"
    r"[\u4e00-\u9fff]{0,8}?[0-9][0-9.]*(?:万|亿)?(?:多|余)?元$"
)


def _an_act(clause: str) -> bool:
    """Whether ``clause`` is an act and the count of what it made or did (新建卫生室12所,
    招聘乡村医生9名, 硬化道路36公里): a time or scope word at most, then a verb of the verb
    table or a plain one (or 新 and a one-character one), then a number. A rate, a rank
    or money says how much of a level, not what was done; a verb of having (现有, 实有)
    a stock."""
    body = _without_lead(clause)
    if _MONEY_ACT_RE.match(body.rstrip("。！？")):
        return True
    if (
        not _DIGIT_RE.search(body)
        or _RATE_RE.search(body)
        or _RANK_RE.search(body)
        or _MONEY_RE.search(body)
    ):
        return False
    table_verb = VERB_RE.match(body)
    verb = table_verb.group() if table_verb and len(table_verb.group()) > 1 else _lead_verb(body)
    verb = verb or _new_verb(body)
    return (bool(verb) and not verb.endswith("有")) or _noun_act_on_things(body)


def _new_verb(body: str) -> str:
    """新 and a two-character verb opening ``body`` (新种植, 新发展: see :func:`_new_act`),
    or ``""``."""
    if body[:1] != "新" or word_end(body) != 1:
        return ""
    verb = body[1 : 1 + word_end(body[1:])]
    if len(verb) == 2 and (verb in plain_verbs() or verb in dict_words("vn")):
        return body[:3]
    return ""


_MEASURED_RE = re.compile(
    r"^(?P<words>[\u4e00-\u9fff]{4,}?)[0-9][0-9.]*(?:万|亿)?(?:多|余)?(?P<unit>公里|米|[\u4e00-\u9fff])[。！？]?$"
)


# measures of land a verbal noun's act may be done on (调减…亩)
_AREA_MEASURES = ("亩", "公顷")


def _verbal_noun_act(act: str) -> bool:
    """Whether ``act`` is a word the dictionary tags a verbal noun (调减 vn): an act done
    to land as much as to things, where a noun (造林, 整治 n) or a plain verb before an
    area may be the area's own name (造林面积, 补充耕地, 种植马铃薯)."""
    return len(act) == 2 and act in dict_words("vn")


def _noun_act_on_things(body: str) -> bool:
    """Whether ``body`` is an act the dictionary calls a noun (硬化, 清淤), the things it
    was done to and their count in a measure of things or a length (硬化入户道路37公里,
    清淤山塘28口): as much an act of the run as the plain verbs beside it, so that they
    (新修…，安装…) are read as acts too, as it is read beside them."""
    m = _MEASURED_RE.match(body)
    if m is None:
        return False
    act = _lead_noun_act(m["words"])
    if not (
        m["unit"] in _THING_MEASURES
        or m["unit"] in ("公里", "米")
        or (m["unit"] in _AREA_MEASURES and _verbal_noun_act(act))
    ):
        return False
    thing = m["words"][len(act) :]
    return bool(act) and len(thing) >= 2 and _a_thing(thing, lines=m["unit"] in ("公里", "米"))


def _act_verb(clause: str) -> str:
    """The act ``clause`` opens with when it is an act and its count (see :func:`_an_act`):
    the verb table's, a plain verb, 新 and a one-character one, or a noun the dictionary
    tags for an act (硬化); ``""`` for money or when no act leads it."""
    body = _without_lead(clause)
    table_verb = VERB_RE.match(body)
    if table_verb and len(table_verb.group()) > 1:
        return table_verb.group()
    return _lead_verb(body) or _new_verb(body) or _lead_noun_act(body)


def _only_acts(sentence: str, own: int = -1) -> bool:
    """Whether every clause of ``sentence`` but the one starting at ``own`` is an act and
    its count (see :func:`_an_act`)."""
    pos, acts, last = 0, 0, False
    for clause in _CLAUSE_SPLIT_RE.split(sentence):
        if clause and pos != own:
            # things and their count after 、 share the act before (清淤山塘28口、沟渠36公里)
            shared = last and sentence[pos - 1 : pos] == "、" and _THINGS_COUNTED_RE.match(clause)
            if not (_an_act(clause) or shared):
                return False
            acts += 1
        last = bool(clause) and (pos == own or _an_act(clause) or last)
        pos += len(clause) + 1
    return acts > 0 or own >= 0


# things and their count alone, no act of their own (沟渠36公里, 中药材8000亩)
_THINGS_COUNTED_RE = re.compile(
    r"^[\u4e00-\u9fff]{2,8}[0-9][0-9.]*(?:万|亿)?(?:多|余)?(?:公里|米|[\u4e00-\u9fff])[。！？]?$"
)


# how many different acts make a run of clauses with no verb of the verb table a run of acts
_RUN_VERBS = 3
_FULL_SENTENCE_RE = re.compile(r"[^。！？]+(?:[。！？][”’」』）]*)?")


def _acts_around(sentence: str, earlier: str, own: int, around: tuple[str, str], verb: str) -> bool:
    """Whether ``sentence`` (after its clauses ``earlier`` before a ；) is only acts besides
    the clause starting at ``own``, among the paragraph's 。-sentences of acts (``around``:
    the paragraph before and after it): a report that writes one act a sentence (新建村级
    卫生室12所。招聘乡村医生9名。改造农村危房86户。) lists them as a sentence of clauses
    does. The run of act sentences next to it holds an act of the verb table, as a clause
    beside must: sentences led by plain verbs alone may be a bulletin's stocks (注册护士…名。
    执业医师…名。). A level, a rate, money or a stock (地区生产总值达到…亿元。) ends the run,
    and so does a part after 其中 (no act). The clause's own ``verb`` is never one of having
    (实有病床…张。 beside acts is a stock)."""
    if verb.endswith("有") or not _only_acts(earlier + sentence, len(earlier) + own):
        return False
    # the acts the run opens its clauses with: three different ones over two sentences or
    # more are a run of acts though the verb table knows none of them (新修…。安装…。硬化…。),
    # where a bulletin's stocks led by a verb repeat it or name people (出栏生猪…。出栏家禽…。)
    verbs = {verb} | {_act_verb(c) for c in _CLAUSE_SPLIT_RE.split(earlier + sentence) if c}
    sentences = 1
    before, after = (_FULL_SENTENCE_RE.findall(side) for side in around)
    for side in (reversed(before), after):
        for other in side:
            if not _only_acts(other):
                break
            if _acts_listed(other, -1):
                return True
            sentences += 1
            verbs |= {_act_verb(c) for c in _CLAUSE_SPLIT_RE.split(other) if c}
    verbs.discard("")
    return sentences > 1 and len(verbs) >= _RUN_VERBS


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
    verb = _lead_verb(n.indicator)
    noun_act = "" if verb else _lead_noun_act(n.indicator)
    verb = verb or noun_act
    # land is counted after an act only by a verbal noun (调减低效桑园800亩): a plain verb
    # or a noun before it may be part of the area's name (补充耕地, 造林面积)
    if area and not (noun_act and _verbal_noun_act(noun_act)):
        return ""
    lines = n.figure.unit_class == "length"
    if not verb or VERB_RE.fullmatch(verb) or not _a_thing(n.indicator[len(verb) :], lines=lines):
        return ""
    start, said = _clause_said(sentence, n)
    if said != n.indicator:
        return ""
    if noun_act:
        # a word the dictionary calls a noun is an act only in the place of one: among
        # acts that count things, not after 其中 (a part of the whole before it)
        if _PART_RE.search(sentence[:start]):
            return ""
        listed = (
            _acts_listed(sentence, start, things=True)
            or _acts_listed(earlier, -1, things=True)
            or _acts_around(sentence, earlier, start, around, verb)
        )
        return verb if listed else ""
    listed = (
        _acts_listed(sentence, start)
        or _acts_listed(earlier, -1)
        or (not earlier and _only_counted_things(sentence))
        or _acts_around(sentence, earlier, start, around, verb)
        # 新 and a one-character verb (新打, 新栽) is an act wherever it stands: no term
        # opens with it, so things counted in their measure word after it are the things
        or (
            verb[0] == "新"
            and len(verb) == 2
            and _counted_things(n.indicator + sentence[n.figure.num_start : n.figure.end])
        )
    )
    return verb if listed else ""


def _plain_acts_listed(text: str, own: int) -> bool:
    """Whether a clause of ``text`` (a 。-sentence with its clauses before a ；) other than
    the one starting at ``own`` is an act led by a plain verb and its count (发展烤烟…亩，
    收购烟叶…担；新种植花椒…): acts no table lists are acts all the same beside 新 and a
    verb. A rate anywhere (新登记市场主体…户，增长8%) makes the text a bulletin's
    statistics, not acts."""
    if _RATE_RE.search(text):
        return False
    pos = 0
    for clause in _CLAUSE_SPLIT_RE.split(text):
        if clause and pos != own and _an_act(clause):
            return True
        pos += len(clause) + 1
    return False


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
    start, said = _clause_said(sentence, n)
    # the clause is the name and its figure, or its figure after another of the same
    # things (监测对象420户1680人: the households, then the people)
    if said != name and _SAME_THINGS_RE.fullmatch(said[len(name) :]) is None:
        return ""
    # and the sentence lists acts (新建高标准农田…，新发展脐橙标准园…): a bulletin's
    # 新登记个体工商户, 新设立外商投资企业 are the year's statistics, not acts
    if not said.startswith(name) or not (
        _acts_listed(sentence, start, things=True)
        or _acts_listed(earlier, -1, things=True)
        or _acts_around(sentence, earlier, start, around, verb)
        or _plain_acts_listed(earlier + sentence, len(earlier) + start)
    ):
        return ""
    thing = name[3:]
    # a verbal noun may open the things here (新识别监测对象): 新 already says what is added
    words = [w for w in _segmenter().cut(thing, True) if w.strip()]
    if "的" in thing or _MEASURE_END_RE.search(thing) or not words or words[-1] in plain_verbs():
        return ""
    return name[:3]


# acts of care done to people, who are then counted in 户 or 人次 (慰问困难群众1120户,
# 资助家庭经济困难学生1.4万人次): the count is of those cared for, and the golds name them
# by who they are (困难群众, 家庭经济困难学生). 救助 stays (救助困难群众 is how the
# golds name a relief count), and so do training and help into work (培训…, 帮扶…就业),
# which name the act as much as the people
_CARE_RE = re.compile(r"^(?:(?:走访|看望)?慰问|资助)")
_CARED_UNITS = ("户", "人次", "人", "名")


def _care_act(sentence: str, n: Named) -> str:
    """The act of care a clause opens with, when the clause is only it, the people and
    their count (慰问困难群众1120户 -> 慰问); ``""`` otherwise."""
    m = _CARE_RE.match(n.indicator)
    if m is None or n.figure.unit_class != "count" or not n.figure.unit.endswith(_CARED_UNITS):
        return ""
    _, said = _clause_said(sentence, n)
    if said != n.indicator:
        return ""
    people = n.indicator[m.end() :]
    return m.group() if len(people) >= 2 and _a_thing(people) else ""


# money said bare (投入资金…元), named by what the next clause does with it
_BARE_MONEY_RE = re.compile(r"^(?:投入|筹措|筹集|整合|落实)?资金$")
# verbs of making things: the money is the things' (新建小型水窖 -> 小型水窖资金), where the
# money of work done on things is the work's (改造农村危房 -> 农村危房改造资金)
_MAKING_RE = re.compile(r"^(?:新建|建设|建成|实施|新修|修建|兴建)$")
_NEXT_CLAUSE_RE = re.compile(r"[，,](?P<clause>[^，,；;。！？、]+)")


def _money_purpose(sentence: str, n: Named) -> str:
    """What bare money is for, when its clause is only the money put in (投入资金1500万元)
    and the next clause is an act and its count (，改造农村危房210户): the things and the
    act, as the golds name such money (农村危房改造资金, 小型水利工程资金); ``""``
    otherwise."""
    if n.figure.unit_class != "money":
        return ""
    _, said = _clause_said(sentence, n)
    # the clause says only the money (a topic carried before it is no purpose of it)
    if not _BARE_MONEY_RE.match(said) or not n.indicator.endswith(said.removeprefix("投入")):
        return ""
    nxt = _NEXT_CLAUSE_RE.match(sentence, n.figure.end)
    if nxt is None or not _an_act(nxt["clause"]):
        return ""
    verb = _act_verb(nxt["clause"])
    m = _COUNT_CLAUSE_RE.match(nxt["clause"]) or _MEASURED_RE.match(nxt["clause"])
    if not verb or m is None or not m["words"].startswith(verb):
        return ""
    things = m["words"][len(verb) :]
    if len(things) < 2 or not _a_thing(things):
        return ""
    return things + ("" if _MAKING_RE.match(verb) else verb) + "资金"


# a problem solved for people counted (解决2.1万农村人口饮水安全问题): who they are, then what
_SOLVED_RE = re.compile(
    r"^(?:人|名)?(?P<people>[\u4e00-\u9fff]{0,6}?(?:人口|居民|群众|农民|农户|人员|学生))?"
    r"的?(?P<what>[\u4e00-\u9fff]{2,10}?)问题"
)


_AREA_POPULATIONS = frozenset({"农村人口", "城镇人口", "城乡人口", "乡村人口"})


def _solved_for(sentence: str, n: Named) -> str:
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
        verb = _care_act(sentence, n)
        if verb and _is_name(people := n.indicator[len(verb) :]):
            n = replace(n, indicator=people, change=n.change or verb)
        solved = _solved_for(sentence, n)
        if solved and _is_name(solved):
            n = replace(n, indicator=solved, change=n.change or "解决")
        purpose = _money_purpose(sentence, n)
        if purpose and _is_name(purpose):
            n = replace(n, indicator=purpose, change=n.change or "投入")
        where = _WHERE_RE.match(n.indicator) if n.indicator.startswith("在") else None
        if where and _places(where["where"]) and _is_name(where["thing"]):
            n = replace(n, indicator=where["thing"], change=n.change or where["verb"])
        out.append(n)
    return out
