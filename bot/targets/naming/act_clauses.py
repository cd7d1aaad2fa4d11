"""Whether a clause is an act and the count of what it did, and whether a sentence or
its paragraph lists acts: what opens a clause (a verb of the verb table, a plain verb by
the dictionary, 新 and a verb, a noun the dictionary tags for an act: 硬化, 清淤), whether
what follows names things (not an act or a measure), and whether the clauses around a
figure are acts counting things (新建…，改造…; 新打水窖1500眼，维修水窖2300眼。) or a
bulletin's stocks and rates. Read by :mod:`bot.targets.naming.doing_verbs`, whose rules
take a verb off a name's head only where the clause is one act among acts.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.targets.dict_words import (
    dict_words,
    is_two_char_word,
    one_character_verbs,
    plain_verbs,
)
from bot.targets.lexicon import LEVEL_ONLY_RE, VERB_RE
from bot.targets.naming.clauses import clause_start
from bot.targets.naming.words import _segmenter, word_end
from bot.targets.numbers.units import THING_CLASSIFIERS

if TYPE_CHECKING:
    from bot.targets.naming.sentence import Named

MEASURE_END_RE = re.compile(r"(?:数|量|额|率|人次)$")
_CLAUSE_SPLIT_RE = re.compile(r"[，；。、：]")
# time and scope words a listed act may open with (全年新建…, 全县累计改造…, 五年累计整治…)
_CLAUSE_LEAD_RE = re.compile(
    r"(?:全年|今年|年内|当年|(?:过去|近)?[一二三四五六七八九十]年|全[省市县区旗镇])?(?:共|累计)?"
)
_RATE_RE = re.compile(r"[%％‰]|百分点|倍")
_DIGIT_RE = re.compile(r"[0-9一二三四五六七八九十两百千万]")


def _without_lead(clause: str) -> str:
    """``clause`` without the time or scope word it opens with (全年, 近五年, 全县, 累计)."""
    lead = _CLAUSE_LEAD_RE.match(clause)
    return clause[lead.end() if lead else 0 :]


def clause_said(sentence: str, n: Named) -> tuple[int, str]:
    """Where the clause of ``n``'s figure starts, and what it says before the figure, its
    time or scope word left out."""
    start = clause_start(sentence, n.figure.start)
    return start, _without_lead(sentence[start : n.figure.num_start])


# measure words of things one can point at (wells, lamps, reservoirs, machines, trees): a
# count in one counts things, never an act or a measure (个, 项, 次, 件 count anything)
_THING_MEASURES = frozenset("座处台套间张只头株棵艘架辆") | frozenset(THING_CLASSIFIERS)
# a clause that is words, then a count and one measure word (新打水窖1500眼)
COUNT_CLAUSE_RE = re.compile(
    r"^(?P<words>[\u4e00-\u9fff]{3,}?)[0-9][0-9.]*(?:万|亿)?(?:多|余)?(?P<unit>[\u4e00-\u9fff])$"
)


# acts the dictionary tags otherwise: 配套 an adjective, 拓宽 a person's name; both are
# acts done to things in any work report (配套变压器, 拓宽县道), never a kind of thing
_MISTAGGED_ACTS = frozenset({"配套", "拓宽"})


def lead_verb(name: str) -> str:
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


def lead_noun_act(name: str) -> str:
    """The act a name opens with where the dictionary calls it a noun (硬化 n, 资助 n, 清淤
    n; 除险 n before the verb 加固): a two-character word tagged ``n`` or ``vn``, alone or
    with a plain verb after it (除险加固). Whether it is an act is the place's to say (see
    :func:`~bot.targets.naming.doing_verbs._listed_act`); a level or a place (国家, 省级)
    only ever modifies."""
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


def a_thing(s: str, *, lines: bool = False) -> bool:
    """Whether ``s`` names things, not an act or a measure: no relative clause
    (列入…的项目), no verb at its end (外出务工), no verbal noun first (竣工投产项目: a
    second act), no count noun at the end (死亡人数: the verb makes the noun there). A
    plain verb first may modify the thing (生产便道, 排水沟渠)."""
    if "的" in s or MEASURE_END_RE.search(s):
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


def counted_things(clause: str) -> bool:
    """Whether ``clause`` is only a verb, things and their count in a measure word of
    things (安装太阳能路灯2400盏, 新打深水井18眼): a plain verb or 新 and a one-character
    one, then a noun phrase ending in a dictionary noun."""
    m = COUNT_CLAUSE_RE.match(clause)
    if m is None or m["unit"] not in _THING_MEASURES:
        return False
    words = m["words"]
    verb = lead_verb(words)
    # a verb of having (实有, 现有, 拥有) says a stock, not an act: 实有床位 is a kind of bed
    if not verb or verb.endswith("有"):
        return False
    thing = words[len(verb) :]
    cut = [w for w in _segmenter().cut(thing, True) if w.strip()]
    return bool(cut) and cut[-1] in dict_words("n") and a_thing(thing)


def only_counted_things(sentence: str) -> bool:
    """Whether every clause of ``sentence`` counts things an act was done to: a sentence
    of such clauses alone lists acts (新打水窖1500眼，维修水窖2300眼。), where a list of
    stocks names its things with a verb of their own (编制床位…张，实有床位数…)."""
    clauses = [c for c in _CLAUSE_SPLIT_RE.split(sentence) if c]
    return bool(clauses) and all(counted_things(c) for c in clauses)


def acts_listed(sentence: str, own: int, *, things: bool = False) -> bool:
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


def an_act(clause: str) -> bool:
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
    verb = table_verb.group() if table_verb and len(table_verb.group()) > 1 else lead_verb(body)
    verb = verb or _new_verb(body)
    return (bool(verb) and not verb.endswith("有")) or _noun_act_on_things(body)


def _new_verb(body: str) -> str:
    """新 and a two-character verb opening ``body`` (新种植, 新发展: see
    :func:`~bot.targets.naming.doing_verbs._new_act`), or ``""``."""
    if body[:1] != "新" or word_end(body) != 1:
        return ""
    verb = body[1 : 1 + word_end(body[1:])]
    if len(verb) == 2 and (verb in plain_verbs() or verb in dict_words("vn")):
        return body[:3]
    return ""


MEASURED_RE = re.compile(
    r"^(?P<words>[\u4e00-\u9fff]{4,}?)[0-9][0-9.]*(?:万|亿)?(?:多|余)?(?P<unit>公里|米|[\u4e00-\u9fff])[。！？]?$"
)


# measures of land a verbal noun's act may be done on (调减…亩)
_AREA_MEASURES = ("亩", "公顷")


def verbal_noun_act(act: str) -> bool:
    """Whether ``act`` is a word the dictionary tags a verbal noun (调减 vn): an act done
    to land as much as to things, where a noun (造林, 整治 n) or a plain verb before an
    area may be the area's own name (造林面积, 补充耕地, 种植马铃薯)."""
    return len(act) == 2 and act in dict_words("vn")


def _noun_act_on_things(body: str) -> bool:
    """Whether ``body`` is an act the dictionary calls a noun (硬化, 清淤), the things it
    was done to and their count in a measure of things or a length (硬化入户道路37公里,
    清淤山塘28口): as much an act of the run as the plain verbs beside it, so that they
    (新修…，安装…) are read as acts too, as it is read beside them."""
    m = MEASURED_RE.match(body)
    if m is None:
        return False
    act = lead_noun_act(m["words"])
    if not (
        m["unit"] in _THING_MEASURES
        or m["unit"] in ("公里", "米")
        or (m["unit"] in _AREA_MEASURES and verbal_noun_act(act))
    ):
        return False
    thing = m["words"][len(act) :]
    return bool(act) and len(thing) >= 2 and a_thing(thing, lines=m["unit"] in ("公里", "米"))


def act_verb(clause: str) -> str:
    """The act ``clause`` opens with when it is an act and its count (see :func:`an_act`):
    the verb table's, a plain verb, 新 and a one-character one, or a noun the dictionary
    tags for an act (硬化); ``""`` for money or when no act leads it."""
    body = _without_lead(clause)
    table_verb = VERB_RE.match(body)
    if table_verb and len(table_verb.group()) > 1:
        return table_verb.group()
    return lead_verb(body) or _new_verb(body) or lead_noun_act(body)


def _only_acts(sentence: str, own: int = -1) -> bool:
    """Whether every clause of ``sentence`` but the one starting at ``own`` is an act and
    its count (see :func:`an_act`)."""
    pos, acts, last = 0, 0, False
    for clause in _CLAUSE_SPLIT_RE.split(sentence):
        if clause and pos != own:
            # things and their count after 、 share the act before (清淤山塘28口、沟渠36公里)
            shared = last and sentence[pos - 1 : pos] == "、" and _THINGS_COUNTED_RE.match(clause)
            if not (an_act(clause) or shared):
                return False
            acts += 1
        last = bool(clause) and (pos == own or an_act(clause) or last)
        pos += len(clause) + 1
    return acts > 0 or own >= 0


# things and their count alone, no act of their own (沟渠36公里, 中药材8000亩)
_THINGS_COUNTED_RE = re.compile(
    r"^[\u4e00-\u9fff]{2,8}[0-9][0-9.]*(?:万|亿)?(?:多|余)?(?:公里|米|[\u4e00-\u9fff])[。！？]?$"
)


# how many different acts make a run of clauses with no verb of the verb table a run of acts
_RUN_VERBS = 3
_FULL_SENTENCE_RE = re.compile(r"[^。！？]+(?:[。！？][”’」』）]*)?")


def acts_around(sentence: str, earlier: str, own: int, around: tuple[str, str], verb: str) -> bool:
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
    verbs = {verb} | {act_verb(c) for c in _CLAUSE_SPLIT_RE.split(earlier + sentence) if c}
    sentences = 1
    before, after = (_FULL_SENTENCE_RE.findall(side) for side in around)
    for side in (reversed(before), after):
        for other in side:
            if not _only_acts(other):
                break
            if acts_listed(other, -1):
                return True
            sentences += 1
            verbs |= {act_verb(c) for c in _CLAUSE_SPLIT_RE.split(other) if c}
    verbs.discard("")
    return sentences > 1 and len(verbs) >= _RUN_VERBS


def plain_acts_listed(text: str, own: int) -> bool:
    """Whether a clause of ``text`` (a 。-sentence with its clauses before a ；) other than
    the one starting at ``own`` is an act led by a plain verb and its count (发展烤烟…亩，
    收购烟叶…担；新种植花椒…): acts no table lists are acts all the same beside 新 and a
    verb. A rate anywhere (新登记市场主体…户，增长8%) makes the text a bulletin's
    statistics, not acts."""
    if _RATE_RE.search(text):
        return False
    pos = 0
    for clause in _CLAUSE_SPLIT_RE.split(text):
        if clause and pos != own and an_act(clause):
            return True
        pos += len(clause) + 1
    return False
