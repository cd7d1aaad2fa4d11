"""The topic of a sentence, carried to the figures whose clause names none.

A report opens a sentence with what it is about and how it went, then gives figures in
clauses that only say what was done::

    港口物流发展远超预期，累计发送旅客超3200万人次、运输货物超5100万吨
        -> 港口物流发送旅客, 港口物流运输货物
    城东片区改造和商业开发进程加快，累计完成投资126.5亿元
        -> 城东片区改造和商业开发投资

or lists what one subject did, the subject only in the first clause::

    智慧农业平台授信超800亿元、服务农户超35万次      -> 智慧农业平台服务农户
    累计建设运营乡村物流站点2.3万个，提供各类服务1.6亿人次 -> 乡村物流站点提供服务

A clause is *headless* when, without its adverbs and hedges, it is a verb and its object
(发送旅客, 服务农户) or the money put in (完成投资, 投入). Such a figure takes the topic
of the sentence's opening clause (a noun phrase and a predicate of how it went, no
figure), else the subject of the figure just before it. A clause with a subject of its
own, and a name the indicator table knows, are left alone.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.targets.lexicon import SCOPE_RE, TIME_RE
from bot.targets.naming.clauses import clause_start
from bot.targets.naming.clean import _QUOTE_TABLE
from bot.targets.naming.confidence import name_confidence
from bot.targets.naming.words import _is_name, _segmenter

if TYPE_CHECKING:
    from bot.targets.indicators import IndicatorTable
    from bot.targets.naming.sentence import Named
    from bot.targets.numbers.figure import Figure

# the words that say how a topic went (加快, 远超预期, 成效显著, 日趋完善, 初具规模)
_PREDICATE_TAGS = frozenset({"v", "a", "d", "ad", "vd", "l", "i", "z", "an"})
_PREDICATE_WORDS = frozenset(
    {"预期", "成效", "成效显著", "成果", "活力", "动力", "势头", "态势", "有力", "有序", "有效"}
)
# 取得突破性进展, 取得明显成效: how a topic went, said with 取得
_ACHIEVED_RE = re.compile(r"取得了?[^，。；、\d]{0,10}(?:进展|成效|突破|成绩|成果|成就)$")
# measures a clause gives bare, of the topic its sentence opens with (总体规模, 营收),
# and the rank of one (总体规模世界排名)
_BARE_MEASURE_RE = re.compile(
    r"(?P<measure>总体规模|产业规模|市场规模|规模|总量|总产值|产值|营业收入|营收|销量"
    r"|用户数|交易额|业务量)(?:(?:全国|全省|全球|世界)?排名)?"
)
# the measures of a whole industry a clause gives bare after a product's output (产业规模)
_SECTOR_MEASURES = frozenset({"产业规模", "总产值", "产值", "营业收入", "营收"})
# what a product's figure measures, after the product (新能源汽车|产量)
_PRODUCT_MEASURE_RE = re.compile(r"(?:产量|销量|出口量|年产量)$")
# what an agent's name ends with: a thing (铁路, 平台, 站点), not an activity (耕地保护)
_AGENT_TAGS = frozenset({"n", "nz", "ns", "nt", "nr", "j"})
# what a topic's process is called (城东片区改造|进程, 供热改造|工作): not the topic
_PROCESS_TAIL_RE = re.compile(r"(?:进程|工作|发展|建设|体系|机制|步伐|事业|水平|能力|质量)$")
# what a topic never opens with: a verb, an adverb, a pronoun (我们), a preposition
_NOT_OPENING_TAGS = frozenset({"v", "d", "ad", "vd", "r", "p", "c", "u", "m"})
# what a topic and an act's object end with: a noun
_NOUN_TAGS = frozenset({"n", "nz", "ns", "nt", "nr", "j", "vn", "l"})
# a clause that opens a sentence with a time, not a topic (五年来, 2025年, 去年)
_TIME_CLAUSE_RE = re.compile(
    r"^(?:[一二三四五六七八九十两\d]+年来|过去[一二三四五六七八九十\d]+年|近年来)$"
)
# adverbs and hedges around a headless clause's words (累计, 全年, 超, 近, 达到)
_LEAD_RE = re.compile(r"^(?:累计|共计|合计|总计|共|全年|年内|当年|全面|已|再|又|先后|新)+")
_HEDGE_RE = re.compile(r"(?:超过|超|近|约|达到|达|突破|逾|共|计|为|了)+$")
# a clause that gives a level its subject reached (持证养老护理员达到3万人, 注册志愿者达到…):
# the words before 达到 are the subject the level is of (a noun a verb-like modifier opens:
# 持证, 注册), not an act and its object, and take no topic
_LEVEL_REACHED_RE = re.compile(r"[\u4e00-\u9fff]{2}(?:达到|达)$")
# the verbs of a clause that gives a level alone (平均达到2000元, 提高到每人每月800元)
_LEVEL_VERB_RE = re.compile(r"达到|达|平均|保持在|稳定在|提高到|提高至|增至|增加到")
# who or what a level is counted per, before the figure (达到每人每月800元)
_PER_HEAD_RE = re.compile(r"每(?:人|户|生|名|亩)(?:每(?:年|月|天|日))?$")
# the money put into the topic (完成投资, 累计投入)
_MONEY_IN_RE = re.compile(r"^(?:完成|实现)?(?:总)?(?P<what>投资|投入)$")
# quantifiers that are no part of what was done (提供各类服务)
_QUANTIFIER_RE = re.compile(r"(?:各类|各项|各种|多种|一批|大量)")
_VERB_TAGS = frozenset({"v", "vn"})


def topic_of(clause: str) -> str:
    """``港口物流发展远超预期`` -> ``港口物流``: the noun phrase of a clause that is that
    phrase and how it went, with no figure; ``""`` for any other clause."""
    first = clause.strip("，,；;：:、 ")
    if not first or re.search(r"[\d%]", first):
        return ""
    achieved = _ACHIEVED_RE.search(first)
    if achieved and achieved.start() >= 2:
        first = first[: achieved.start()]  # 取得突破性进展: how it went
    words = list(_segmenter().tag(first, True))
    popped = 1 if achieved else 0
    while not achieved and (
        words
        and popped < 2  # 耕地保护|有力推进: the topic's own act stays
        and (words[-1][1] in _PREDICATE_TAGS or words[-1][0] in _PREDICATE_WORDS)
    ):
        words.pop()
        popped += 1
    if not popped or not words:
        return ""
    phrase = "".join(w for w, _t in words)
    topic = phrase
    while (shorter := _PROCESS_TAIL_RE.sub("", topic)) != topic and len(shorter) >= 2:
        topic = shorter  # 服务体系机制, 改造工作
    topic = SCOPE_RE.sub("", topic) if SCOPE_RE.match(topic) else topic
    words = list(_segmenter().tag(topic, True)) if topic else []
    if not words or words[0][1] in _NOT_OPENING_TAGS:
        return ""
    if words[-1][1] not in _NOUN_TAGS and not (
        (topic != phrase or achieved) and words[-1][1] == "v"
    ):
        return ""  # 棚户区改造|工作: an act the process word makes a topic
    topic = topic.translate(_QUOTE_TABLE)
    return topic if _is_name(topic) and 2 <= len(topic) <= 16 else ""


def opening_topic(sentence: str) -> str:
    """The topic of a sentence's first clause (after a time such as 五年来), when that
    clause is a topic and how it went (see :func:`topic_of`); ``""`` otherwise."""
    clauses = re.split(r"[，,；;：:]", sentence, maxsplit=3)
    k = 0
    while k < len(clauses) - 1 and _TIME_CLAUSE_RE.match(TIME_RE.sub("", clauses[k]) or "五年来"):
        k += 1
    return topic_of(clauses[k]) if k < len(clauses) - 1 else ""


def _headless(clause: str) -> str:
    """What a clause with no subject says was done (``累计发送旅客超`` -> ``发送旅客``,
    ``完成投资`` -> ``投资``), or ``""`` when the clause names a subject of its own."""
    core = TIME_RE.sub("", clause.strip("，、 ：:"))
    if _LEVEL_REACHED_RE.search(core):
        return ""  # 持证养老护理员达到3万人: a level its subject reached, no act
    core = _HEDGE_RE.sub("", _LEAD_RE.sub("", core))
    if not core or re.search(r"[\d%、和与及的]", core):
        return ""
    money = _MONEY_IN_RE.match(core)
    if money:
        return money["what"]
    done = _QUANTIFIER_RE.sub("", core)
    words = list(_segmenter().tag(done, True))
    if len(words) < 2 or words[0][1] not in _VERB_TAGS or len(words[0][0]) < 2:
        return ""  # 融|媒体中心: a one-character verb opens a noun
    if words[1][1] in _VERB_TAGS and len(words) > 2:
        return ""  # 建设运营…站点: two acts, not an act and its object (提供服务 is one)
    if any(t in ("v", "a", "d", "ad", "vd", "l", "i") for _w, t in words[1:]):
        return ""
    if words[-1][1] not in _NOUN_TAGS:
        return ""  # 全面完成: an act with no object
    return done if _is_name(done) else ""


def _subject_of(named: Named) -> str:
    """The subject a figure's name gives the next clause: the things counted, without the
    verb before them (运营乡村物流站点 -> 乡村物流站点), or the subject before the verb of
    an amount (智慧农业平台授信 -> 智慧农业平台)."""
    words = list(_segmenter().tag(named.indicator, True))
    if named.figure.unit_class == "count":
        while len(words) > 1 and words[0][1] in _VERB_TAGS:
            words.pop(0)
    elif named.figure.unit_class == "money" and len(words) > 1 and words[-1][1] == "v":
        words.pop()
    else:
        return ""
    subject = "".join(w for w, _t in words)
    if len(subject) < 3:
        return ""  # 监察|机构: the verb was part of the noun
    return subject if _is_name(subject) and subject != named.indicator else ""


def _weak(named: Named, done: str, table: IndicatorTable) -> bool:
    """Whether the name the clause gave is no more than what was done (发送旅客, 服务 of
    提供服务, 投资) or a name the namer was unsure of."""
    name = named.indicator
    return (
        min(named.confidence, name_confidence(name, table)) < 0.6
        or name in (done, "完成" + done)
        or (done.endswith(name) and len(_segmenter().cut(name, True)) == 1)
    )


_PEOPLE_UNITS = ("人", "人次", "户", "名")


def _things_made(done: str, fig: Figure) -> bool:
    """Whether a headless clause counts things an act made, planted or fitted (安装太阳能路灯
    460盏, 种植马铃薯22万亩): a verb and a concrete noun, a figure of neither money nor
    people."""
    if fig.unit_class == "money" or fig.unit.endswith(_PEOPLE_UNITS):
        return False
    words = list(_segmenter().tag(done, True))
    return len(words) >= 2 and words[0][1] == "v" and words[-1][1] in ("n", "nz")


def _other_kind(last: Named, named: Named, done: str) -> bool:
    """Whether the figure before can be the subject of an act (授信超5700亿元、服务客户…):
    a figure of another unit (a list of one unit is a list of parallel items: 复耕85.9万亩、
    垦造水田5.2万亩), not of people (扶持创业4.7万人 does not release funds), and an act,
    not the money put in."""
    return (
        done not in ("投资", "投入")
        and last.figure.unit != named.figure.unit
        and not last.figure.unit.endswith(_PEOPLE_UNITS)
    )


def _shorter_topic(name: str, done: str, topic: str) -> bool:
    """Whether ``name`` is the act's measure after a part of ``topic`` only (城东片区投资
    for 城东片区改造和商业开发's 投资)."""
    part = name.removesuffix(done)
    return part != name and len(part) >= 2 and topic.startswith(part) and topic != part


# a generic head right after a count, the clause going on with no other noun
# (57个项目要加快建设): what the topic named before the count is made of
_GENERIC_HEAD_RE = re.compile(r"(?P<head>项目)(?=[，。；、,;]|$|要|已|将|全部|均|正在|加快)")
# bare projects and the state the clause ends with (1700多个新项目开工)
_STATE_AFTER_RE = re.compile(
    r"(?P<noun>(?P<new>新?)(?P<head>项目))(?:全部|均|已|相继|陆续)?"
    r"(?P<verb>开工|竣工|投产|签约|落地)(?=[，。；、,;]|$)"
)
# what some of the things just counted did: 获国家层面认可, 向全国推广, 入选…名单
_PART_PREDICATE_RE = re.compile(
    r"(?:[向在被由经]|获|入选|通过|进入|纳入|列入|实现|达到)[^，。；、,;：:\d]{1,14}$"
)


def _part_with_predicate(
    sentence: str, named: Named, out: list[Named], lo: int, wholes: dict[int, str]
) -> tuple[str, str]:
    """``累计形成120项改革案例，60项获国家层面认可、25项向全国推广``: a count with no noun
    of its own, in the unit of the count just before, is a part of those things, named by
    what its clause says they did (获国家层面认可的改革案例), and the whole it is a part
    of; ``("", "")`` otherwise. ``wholes``: the whole of each part named so far."""
    fig = named.figure
    # the figure's own tests first: most figures are no bare count, and the count before
    # is looked for only for one that is (the same tests, none with a side effect)
    if fig.unit_class != "count" or sentence[lo : fig.start].strip("，、 "):
        return "", ""
    last = next((o for o in reversed(out) if o.figure.unit_class == "count"), None)
    if last is None or last.figure.unit != fig.unit or not _is_name(last.indicator):
        return "", ""
    whole = wholes.get(id(last), last.indicator)  # 25项向全国推广 after 60项获…: of all 120
    stop = re.search(r"[，。；、,;：:]", sentence[fig.end :])
    end = fig.end + stop.start() if stop else len(sentence)
    tail = sentence[fig.end : end].translate(_QUOTE_TABLE).strip()
    if not _PART_PREDICATE_RE.fullmatch(tail) or whole in tail:
        return "", ""
    words = _segmenter().tag(tail, True)
    if not words or words[-1][1] not in ("v", "vn"):
        return "", ""  # 向全国|推广: the predicate ends with what they did
    return tail + "的" + whole, whole


def _agent(owner: str) -> bool:
    """Whether ``owner`` names a thing that can act (中老铁路 sends passengers), not an
    activity (耕地保护) whose acts are named on their own (垦造水田)."""
    words = _segmenter().tag(owner, True)
    return bool(words) and words[-1][1] in _AGENT_TAGS


def _joined(topic: str, done: str) -> str:
    """``topic`` before ``done``, a word they share said once (农机社会化服务 +
    服务覆盖率 -> 农机社会化服务覆盖率)."""
    for k in range(min(len(topic), len(done) - 1), 1, -1):
        if topic.endswith(done[:k]):
            return topic + done[k:]
    return topic + done


def _bare_clause(clause: str) -> str:
    """``clause`` without its time words, per-head words, lead words and hedges: four
    strips, asked for only once the cheaper tests of a level clause have passed (most
    figures fail them), not for every figure."""
    bare = _PER_HEAD_RE.sub("", TIME_RE.sub("", clause.strip("，、 ")))
    return _HEDGE_RE.sub("", _LEAD_RE.sub("", bare))


def carry_the_topic(
    sentence: str, named: list[Named], table: IndicatorTable, before: str = ""
) -> list[Named]:
    """``named`` with the sentence's topic given to the figures of headless clauses (see
    the module docstring). ``before`` is the sentence before it when that one gave no
    figure: a sentence of one clause, a topic and how it went (老城区改造工作成效明显。
    全年共完成投资3.5亿元), is the topic of the next one, though not the owner of the
    things its acts count (below)."""
    found: list[str] = []
    # the loop below reuses the name ``before`` for a position
    previous = before.rstrip("。；;！!")
    lead: list[str] = []  # the topic, when the sentence before gave it

    def opening() -> str:
        # segmenting the opening clause is the costly part: only for a figure that asks
        if not found:
            topic = opening_topic(sentence)
            if not topic and previous and not re.search(r"[，,；;：:]", previous):
                topic = topic_of(previous)
                lead.append(topic)
            found.append(topic)
        return found[0]

    out: list[Named] = []
    running = ""  # the topic the figure before was given
    wholes: dict[int, str] = {}  # the whole each part named so far is a part of
    for n in named:
        fig = n.figure
        lo = clause_start(sentence, fig.start)
        clause = sentence[lo : fig.start]
        if "、" in clause:
            lo += clause.rfind("、") + 1
            clause = sentence[lo : fig.start]
        head = _GENERIC_HEAD_RE.match(sentence, fig.end) if fig.unit_class == "count" else None
        if (
            head
            and _is_name(n.indicator)
            and not n.indicator.endswith(head["head"])
            and not table.canonical(n.indicator)
        ):
            # 重大水利工程已开工的57个项目, 今年再开工27个项目: the projects of the topic
            n = replace(n, indicator=n.indicator + head["head"])
        if (
            fig.unit.endswith("人")
            and sentence.startswith("口", fig.end)
            and not n.indicator.endswith("人口")
        ):
            # 14亿多人口, 服务覆盖50万人口: the figure's 人 is 人口's, the people it counts
            n = replace(n, indicator="人口", confidence=max(n.confidence, 0.75))
        state = _STATE_AFTER_RE.match(sentence, fig.end) if fig.unit_class == "count" else None
        if state and n.indicator in (state["noun"], state["noun"] + state["verb"]):
            # 1700多个新项目开工: the projects started, named by their state (新开工项目)
            n = replace(n, indicator=state["new"] + state["verb"] + state["head"])
        part, whole = _part_with_predicate(sentence, n, out, lo, wholes)
        if part and not table.canonical(n.indicator):
            running = ""
            n = replace(n, indicator=part, confidence=max(n.confidence, 0.75))
            wholes[id(n)] = whole
            out.append(n)
            continue
        measure = _BARE_MEASURE_RE.fullmatch(n.indicator)
        owner = (
            (opening() or topic_of(sentence[clause_start(sentence, max(0, lo - 1)) : lo]))
            if measure
            else ""
        )
        if measure and not owner and out and measure["measure"] in _SECTOR_MEASURES:
            # 新能源汽车产量达到50万辆，产业规模突破3000亿元: the product's industry
            last = out[-1]
            product = _PRODUCT_MEASURE_RE.sub("", last.indicator)
            if (
                product != last.indicator
                and re.fullmatch(r"[^，。；\d]{0,4}[，,、]", sentence[last.consumed : lo])
                and _is_name(product)
                and _agent(product)
            ):
                owner = product
        if (
            measure
            and owner
            and _agent(owner)
            and not table.canonical(n.indicator)
            and _LEAD_RE.sub("", TIME_RE.sub("", clause.strip("，、 "))).startswith(
                measure["measure"]
            )
        ):
            # 数字经济取得了举世瞩目的发展成就，总体规模…位居世界第二: the topic's
            running = ""
            out.append(replace(n, indicator=owner + n.indicator))
            continue
        # (segmenting the clause is the costly part: only for a figure it may rename)
        renamable = fig.form not in ("rank", "comparison") and not table.canonical(n.indicator)
        if (
            renamable
            and lo > 0
            and sentence[lo - 1] in "，,；;"
            and _LEVEL_VERB_RE.search(clause)
            and _bare_clause(clause) in ("", "平均")
            and re.match(
                r"[^，。；,;\u4e00-\u9fff]*(?:左右|以上)?(?:[，。；,;]|$)", sentence[fig.end :]
            )
            and min(n.confidence, name_confidence(n.indicator, table)) < 0.6
        ):
            # 生活补贴标准逐年提高，平均达到2000元: a clause of the level alone is the
            # level of the topic said just before it
            topic = topic_of(sentence[clause_start(sentence, lo - 1) : lo])
            if topic:
                running = ""
                out.append(replace(n, indicator=topic, confidence=0.75))
                continue
        done = _headless(clause) if renamable else ""
        verb = done[: -len(n.indicator)] if done.endswith(n.indicator) else ""
        if verb and verb in n.change and name_confidence(n.indicator, table) >= 0.6:
            # 新改建高速公路820公里: the act (改建 of 新改建) is the figure's change and its
            # object the name, no act of the topic's; an object that names nothing alone
            # (服务 of 提供服务) keeps the topic
            done = ""
        carried = ""
        if (
            done
            and (
                _weak(n, done, table)
                or (bool(opening()) and _shorter_topic(n.indicator, done, opening()))
            )
            and (done not in ("投资", "投入") or fig.unit_class == "money")
        ):
            last = out[-1] if out else None
            adjacent = last is not None and bool(
                re.fullmatch(r"[^，,；;：:。\d]{0,4}[，,、]", sentence[last.consumed : lo])
            )
            before = clause_start(sentence, max(0, lo - 1))
            owner = (running if adjacent else "") or (
                _subject_of(last)
                if adjacent and last is not None and _other_kind(last, n, done)
                else ""
            )
            owner = owner or topic_of(sentence[before:lo]) or opening()
            if owner and lead and owner == lead[0] and _things_made(done, fig):
                # 乡村建设扎实推进。…安装太阳能路灯460盏: a run-in lead phrase names the
                # work the acts after it belong to, not who did them; its money (完成投资),
                # the people it served and its services (提供服务3.1万次) are its own
                owner = ""
            if owner and done not in ("投资", "投入") and not _agent(owner):
                owner = ""  # 耕地保护…，垦造水田: the work the act is part of, no agent
            if owner and not n.indicator.startswith(owner) and owner not in done:
                carried = owner
                name = _joined(owner, done)
                n = replace(n, indicator=name, confidence=max(n.confidence, 0.75))
        running = carried
        out.append(n)
    return out
