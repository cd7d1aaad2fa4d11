"""How much a reader can trust a name.

:func:`name_confidence`, and the checks :mod:`bot.targets.extract` makes before a record
is shown (:func:`cuts_a_word`, :func:`counts_people_of_a_thing`,
:func:`money_named_by_a_thing`, :func:`a_share_of_nothing`), with the sets of vague and
odd names they use.
"""

from __future__ import annotations

import re

from bot.targets.indicators import IndicatorTable
from bot.targets.lexicon import GENERIC_NAMES, INDUSTRY_DIVISION_RE, PEOPLE_NOUNS, VERB_RE
from bot.targets.naming.clauses import (
    _LOOSE_END_WORDS,
    _MEMBERSHIP_VERBS,
    _ONE_CHARACTER_PLACES,
    _STAT_NOUN_RE,
    clause_start,
)
from bot.targets.naming.clean import _PURPOSE_NOUNS, _TAIL_CHANGE_RE, _TAIL_VERB_RE
from bot.targets.naming.resolve import _MEASURE_END_RE, compatible
from bot.targets.naming.words import (
    ACTED_ON_NOUNS,
    ADDED_VERB_RE,
    _is_name,
    _is_verb,
    _one_word_tag,
    _segmenter,
    _state_words,
    word_bounds,
)
from bot.targets.numbers import Figure

# Confidence of a name found by the fallback (the words around a figure, no rule).
LOW = 0.35
_RANK_SCOPES = "全国|全省|全市|全区|全州|西部|中西部|东部|内地|全球|世界"
_RANK_VERBS = "保持|稳居|位居|跃居|居于|位列|跃升至|上升至|提升至|升至|前移至|前移到|居"
_POLICY_NAME_RE = re.compile(r"[\u4e00-\u9fff]{2,14}(?:政策措施|政策|措施|举措)")
_RANK_CLAUSE_END_RE = re.compile(rf"(?:{_RANK_VERBS})(?:{_RANK_SCOPES})$")
_THRESHOLD_IN_NAME_RE = re.compile(
    r"\d+(?:\.\d+)?[万亿千百]?[^\d，。；、]{0,4}?及?以[上下](?=.)"
    # and a radius in a coverage rate's name (公交站点500米覆盖率)
    r"|\d+(?:米|公里|分钟)(?=(?:[\u4e00-\u9fff]{0,4}圈)?覆盖率)"
)
_ODD_NAME_RE = re.compile(
    r"[，。；：、（）()“”［］\[\]【】]|^\W|[A-Za-z]{6,}|\d{4}|之|^(?:其中|以上|以下|全年|今年|累计)"
    r"|我们|我国有|^我国|为着力点|[^出转]让|.[把被将]|有$|.了.|[一二三四五六七八九十]年累计|如期$|正式|之力|^约占|^[向把被].{0,3}$"
    r"|\d+(?:\.\d+)?(?:万亿|亿|万)?[元人个项家%斤吨米](?!制)"  # 3人制篮球场: a format
    # a modal says what can or must be done (…的速度可以实现比较充分的就业): a clause
    r"|可以|能够|应当|必须"
    # a list of indicators (智算规模等六个主要指标): the figure is of each, named nowhere
    r"|.(?:主要|等|各项|相关)指标$"
    # fields listed, not the things counted in them (基础设施、公共服务等领域 320个), and a
    # part said of the things (授权事项大部分 40项: most of them did something)
    r"|等(?:领域|方面|环节)$|(?:大)?部分$|多数$"
    # a clause opened by what it is aimed at or how far it goes (针对首年关税为零 2034种)
    r"|^(?:针对|进一步|关于)"
    # a quality cut from its noun (欠发达县域托底性 of …托底性帮扶): no thing counted
    r"|.性$"
    # what a thing is or whom it serves, said with 为 inside the clause (资金来源为公共预算,
    # 面对面为企业解决难题): a clause, not a name (转为, 认定为 are checked apart)
    r"|(?<=[\u4e00-\u9fff]{2})(?<![认评成转改列定作因称视行人所])为(?![主止])"
    # a bare measure compared (规模比“十三五”末增长2倍): a comparison cut, not a ratio
    r"|^(?:规模|总量|数量|产值|产量|面积|人数|收入|投资)比$"
    # the unit a standard is set per (按每条每年20万元标准给予运营补贴, 按每人每月不低于
    # 200元的标准发放护理补贴, 按每新增100万美元给予…): the clause's opening, not the subsidy
    r"|^按每"
    # 分别 pairs a list with its figures (A、B、C产量分别居全国第3位、第1位…): never part of
    # a name; one left in it (农机装备产量分别全国排名, 分别和全国排名) marks a pairing gone wrong
    r"|分别"
)


# Words that name no measured thing on their own (a reader would reject them as a column).
_VAGUE_NAMES = frozenset(
    {"重点", "清单", "案例", "置换", "竣工", "大关", "省份", "学科", "产能", "县域", "国家", "方向",
     "事项", "重点事项", "台阶", "新台阶", "水平", "比例", "增量", "总量", "规模", "目标", "首批",
     "主要指标", "指标", "技术", "工程", "就业", "领域", "环节", "任务", "本届政府", "政府",
     "省区市", "平台", "份额", "预留份额",
     # who leads, or the act (领导十三亿多人的…大国): the dictionary's noun, no thing counted
     "领导",
     # a place type alone says where, not what
     "农村", "城镇", "城市", "乡村", "城乡", "城区", "市区", "省市", "地市", "新城",
     "县市区", "县市", "市县", "县区", "市州", "区县", "示范区",
     # who runs it, or what was learned, with no thing named: 民办 (of 幼儿园), 经验
     "民办", "公办", "经验",
     # money, staff or losses of nothing named
     "资金", "实有人数", "直接财产损失", "立项资金", "从业人员", "贡献率",
     # goods or products of no kind named (5048种商品 of those whose tariffs fall)
     "商品", "产品",
     # a plan compared with (比年度计划翻了一番): the base, not the thing
     "计划", "年度计划"}
)  # fmt: skip
# One-word names that describe or act rather than name a thing: 临时, 三级 (区别词), 发电,
# 服务 (verbal nouns), 城镇 (a place)
_NOT_A_THING_TAGS = frozenset({"b", "vn", "v", "a", "ad", "d", "ns", "m"})
# A clause's verb that turns a thing into something else: 办学体制调整为省属.
_BECOMES_RE = re.compile(r"(?:调整|改|列|定|转|升格|划转|变更|纳入)为")
_PERIOD_NAME_RE = re.compile(r"[一二三四五六七八九十两\d]{1,2}年(?:来|内|间)?")
# A size class, a quality, a process or a per-head base with nothing it qualifies.
_CLASS_ALONE_RE = re.compile(r"[\u4e00-\u9fff]{1,2}(?:级|性|化|型)|每[十百千万]?[人户]|[大中小]类")
# whom a work reached, named after it (老旧院落改造惠及居民)
_REACHED_RE = re.compile(r"(?P<what>[\u4e00-\u9fff]{2,16}?)(?:惠及|受益)[\u4e00-\u9fff]{1,6}")
_MEMBERSHIP_NAME_RE = re.compile(rf"(?:{_MEMBERSHIP_VERBS})[^的]{{2,18}}的(?P<noun>[^的]{{1,12}})")


# a kind listed before the next one, both of the thing named after them (国控、省控…)
_LISTED_KIND_RE = re.compile(
    r"(?<=[\u4e00-\u9fff][式型类性级控属办营])、(?=[\u4e00-\u9fff]{1,4}[式型类性级控属办营])"
)


# a short alternative in brackets: 妇幼保健院（所、站）, 县（市、区）, 药师（士）
_ALTERNATIVE_RE = re.compile(r"(?<=[\u4e00-\u9fff])（[\u4e00-\u9fff、]{1,6}）")


def _listed_nouns(probe: str) -> str:
    """``probe`` without what only lists the kinds of one thing: short alternatives in
    brackets (县（市、区）) and nouns listed before one head (供热、供水、燃气管网), when
    every item is a short name and the first does not open with a verb (新建、改造…管网
    is a clause; 新台阶、亩产 is no list of kinds)."""
    probe = _ALTERNATIVE_RE.sub("", probe)
    if "、" not in probe:
        return probe
    parts = probe.split("、")
    first = _segmenter().tag(parts[0], True)[0] if parts[0] else ("", "")
    if (
        all(_is_name(p) and len(p) <= 10 and p not in _VAGUE_NAMES for p in parts)
        and not _is_verb(first[0])
        and first[1] != "p"  # 在科研、工业…领域: where, not what
        and not VERB_RE.match(parts[0])
    ):
        return "".join(parts)
    return probe


# a coined term in quotes (“标准地”), and a voltage class (1000千伏): parts of a name
_QUOTED_TERM_RE = re.compile(r"“(?P<term>[\u4e00-\u9fffA-Za-z0-9+]{1,10})”")
_VOLTAGE_RE = re.compile(r"\d+(?:千伏|kV)(?=[\u4e00-\u9fff])")
# a ratio of two named things (…总产值与农业总产值之比): the 之 is no clause
_RATIO_OF_TWO_RE = re.compile(r"(?<=[\u4e00-\u9fff]{2})之比$")
# what a long clause holds and a long name does not: a list's 等, a 的 clause, a
# comparison (不低于), an event (实现), a past act (了)
_CLAUSE_MARK_RE = re.compile(r"[等的了]|不[低高少多]于|实现")


def _long_but_plain(name: str) -> bool:
    """A long name (21–24 characters) that is one noun phrase ending in what is measured
    (县级以上应急管理部门行政执法装备配备达标率, …异地安置工程总投资), no clause."""
    return (
        len(name) <= 24
        and bool(_MEASURE_END_RE.search(name) or _STAT_NOUN_RE.search(name))
        and not _CLAUSE_MARK_RE.search(name)
    )


# a share of one named thing in another: long, and plain
_SHARE_NAME_RE = re.compile(
    r"[\u4e00-\u9fffA-Za-z0-9]{2,16}占[\u4e00-\u9fffA-Za-z0-9]{2,14}(?:比重|比例|份额)"
)
# facilities and places a verb before them may describe (通用|机场, 起降|点, 充电|站)
_PLACE_HEAD_RE = re.compile(r"机场|场|站|点|桩|港|码头|园|馆|院|厂|库|中心|平台|基地|航线|线路")


# a measure of an act alone (计划完成率119.3%: 完成率; 补助金额): the thing is unsaid
_ACT_MEASURE_RE = re.compile(r"(?P<act>[\u4e00-\u9fff]{2})(?:率|金额|总额|数量|比例|比重|占比)")


# the firms counted as a part of all market entities (经营主体…，其中企业…)
_FIRMS_OF_UNITS_RE = re.compile(r"(?:市场主体|经营主体)[^。；]{0,24}其中[，,：:]?企业")


def name_confidence(
    name: str, table: IndicatorTable, fig: Figure | None = None, sentence: str = ""
) -> float:
    """How much a reader can trust ``name`` as the name of what is measured.

    A canonical indicator: 1. A noun phrase ending in a measure (``…产量``, ``…企业``):
    0.9. Another short noun phrase: 0.75. Anything that starts or ends with a verb, holds
    punctuation or is very long: 0.5 (below :data:`~bot.targets.records.CONFIDENT`).
    With the figure and its sentence, a verb in the name can be the act the figure
    counts (房屋征收 2.46万户, 注册护士 3.1万人: :func:`_an_act_counted`).
    """
    if not name:
        return 0.0
    if table.canonical(name) is not None:
        return 1.0
    if (
        name in PEOPLE_NOUNS
        and sentence
        and re.search(
            f"(?:惠及|受益)(?:近|约|超过|超)?{name}|{name}(?:直接|间接|均)?(?:受益|受惠)", sentence
        )
    ):
        # 惠及学生3400万人次, 使8万市民直接受益: whom something reached, the thing unnamed
        return 0.5
    if fig is not None and sentence and _served_then_act(name, fig, sentence):
        return 0.5  # 为2.6万名困难群众发放救助金: whom it was done for, not who did it
    reached = _REACHED_RE.fullmatch(name)
    if reached and (_is_verb(reached["what"]) or reached["what"] in _state_words()):
        return 0.5  # 到位惠及农民: a state, not what reached them (政策落实到位，惠及…)
    if name[-2:] in ACTED_ON_NOUNS and ADDED_VERB_RE.fullmatch(name, 0, len(name) - 2):
        # 新增企业, 新引进项目, 签约项目: generic things named by how they came, as
        # bulletins and reports count them (a name, though 企业 alone would be none)
        return 0.75
    if name.startswith("新增") and len(name) > 3 and not _is_verb(name[2:4]):
        # 新增外资企业 (增长13%): the new ones are the thing a rate is of, no verb
        return min(0.9, name_confidence(name[2:], table, fig, sentence))
    # a size class is part of a name (30亿元以上项目, 海拔1500米以上农村中小学)
    probe = _THRESHOLD_IN_NAME_RE.sub("", name)
    probe = INDUSTRY_DIVISION_RE.sub("行业", probe)  # 交通运输、仓储和邮政业投资: one name
    probe = _LISTED_KIND_RE.sub("", probe)  # 国家级、省级重点实验室: kinds of one thing
    probe = _listed_nouns(probe)  # 供热、供水、燃气管网; 妇幼保健院（所、站）: one name
    probe = _QUOTED_TERM_RE.sub(r"\g<term>", probe)  # 工业项目“标准地”出让比例: a coined term
    probe = _VOLTAGE_RE.sub("", probe)  # 1000千伏输电线路: a class of lines, not a year
    probe = _RATIO_OF_TWO_RE.sub("比", probe)  # 农产品加工业总产值与农业总产值之比
    if _ODD_NAME_RE.search(probe) or (
        len(name) > 20 and not _SHARE_NAME_RE.fullmatch(name) and not _long_but_plain(name)
    ):
        return 0.5  # (a share names two things: 战略性新兴产业增加值占规模以上工业增加值比重)
    if name == "企业" and _FIRMS_OF_UNITS_RE.search(sentence):
        # 经营主体688万户，其中企业162万户: the firms among all market entities, a count
        # bulletins and reports keep under that name
        return 0.75
    if name in GENERIC_NAMES or name in _VAGUE_NAMES:
        return 0.5
    bare = _ACT_MEASURE_RE.fullmatch(name)
    if bare and _is_verb(bare["act"]):
        return 0.5  # 完成率, 补助金额: the measure of an act, whose act (what was done) unsaid
    if len(name) <= 3 and _one_word_tag(name) in _NOT_A_THING_TAGS:
        return 0.5
    if _CLASS_ALONE_RE.fullmatch(name):
        return 0.5  # 百亿级, 国际性, 智能化, 每千人: a class, a quality or a per-head alone
    if _POLICY_NAME_RE.fullmatch(name):
        return 0.75  # 支持民营经济发展措施: a package of measures named by its aim
    if _RANK_CLAUSE_END_RE.search(name):
        return 0.5  # 农产品产量居全国 (14种…居全国第1位): a clause about a rank, not a name
    if name.endswith("排名"):
        subject = re.sub(rf"(?:全县|{_RANK_SCOPES})?排名$", "", name)  # 居内地排名: 居
        if (
            not _is_name(subject)
            or _TAIL_VERB_RE.search(subject)
            or subject[-1] in "达从至到"
            or VERB_RE.fullmatch(subject)
            or _is_verb(subject)
            # 开诊运营全国排名: what was done ranks, not whose it is (医疗中心)
            or all(tag in ("v", "vn") for _, tag in _segmenter().tag(subject, True))
        ):
            return 0.5
    measured = bool(_MEASURE_END_RE.search(name) or _STAT_NOUN_RE.search(name))
    words = _segmenter().cut(name, True)
    if len(words) > 1 and (words[-1] in _LOOSE_END_WORDS or words[-2] == "共"):
        return 0.5  # 指标不, 婴幼儿所, 产品中, 规划共设置: a clause cut short, not a name
    if len(words) > 1 and words[-1] in _state_words():
        return 0.5  # 惠民实事圆满, 技术模式较为成熟, 粮食年产量连续: a predicate, not a name
    if _BECOMES_RE.search(name):
        return 0.5
    if _PERIOD_NAME_RE.fullmatch(name) or _TAIL_CHANGE_RE.fullmatch(name):
        return 0.5  # 两年, 迈上: a period or a change, not the thing
    if not measured and (_is_verb(name) or VERB_RE.fullmatch(name)):
        return 0.5  # 领导, 站立: a verb is no name
    if "的" in name and _KIND_NOUN_RE.fullmatch(name.rsplit("的", 1)[1]):
        return 0.75  # 开展科技合作的国家和地区: who did what, counted
    narrowed = _MEMBERSHIP_NAME_RE.fullmatch(name)
    noun = narrowed["noun"] if narrowed else ""
    if (_is_name(noun) and not _is_verb(noun)) or noun in _ONE_CHARACTER_PLACES:
        return 0.75  # 实现通办的政务服务事项: the things counted, narrowed by what they did
    act = fig is not None and _an_act_counted(words, fig, name, sentence)
    if (
        not measured
        and len(words) > 1
        and (_is_verb(words[0]) or _is_verb(words[-1]))
        # 通用机场, 起降点: a word the dictionary calls a verb, then a place it names
        and not (
            len(words) == 2
            and _PLACE_HEAD_RE.fullmatch(words[-1])
            and not VERB_RE.fullmatch(words[0])
        )
        and not act
    ):
        return 0.5  # 统筹安排省级财政资金, 经验被…集中推广: a verb phrase, not a thing
    head = VERB_RE.match(name)
    if (
        (
            (
                head
                and head.end() in word_bounds(name)
                and len(head.group()) > 1
                # 救助资金, 资助资金: the verb says what the funds are for (as clean_name keeps it)
                and name[head.end() :] not in _PURPOSE_NOUNS
            )
            or VERB_RE.fullmatch(name)
        )
        and not act
    ):
        return 0.5
    tail = next((m for m in VERB_RE.finditer(name) if m.end() == len(name)), None)
    if (
        tail is not None
        and tail.start() > 0
        and tail.start() in word_bounds(name)
        and not _STAT_NOUN_RE.search(name)  # 整车出口: the verb names a trade flow
        and not act
    ):
        return 0.5
    return 0.9 if measured else 0.75


# 为 right before a count: the people or firms counted are whom something was done for
_FOR_WHOM_RE = re.compile(r"为(?:近|约|超过|超|共)?$")
_SERVED_RE = re.compile(
    "(?:" + "|".join((*PEOPLE_NOUNS, "企业", "经营主体", "市场主体", "家庭", "农户")) + ")"
)


def _served_then_act(name: str, fig: Figure, sentence: str) -> bool:
    """Whether ``name`` reads the people a count after 为 serves as the doer of the act
    after them (为1.3万名农民工追回欠薪 -> 农民工追回, 困难群众发放救助金)."""
    if not _FOR_WHOM_RE.search(sentence, max(0, fig.start - 3), fig.start):
        return False
    for m in _SERVED_RE.finditer(name):
        rest = name[m.end() :]
        if rest and (VERB_RE.match(rest) or _is_verb(rest[:2])):
            return True
    return False


# Units of a change, not of an amount: a verb before one is the change (时限压缩65%)
_CHANGE_UNITS = frozenset({"%", "‰", "倍", "个百分点", "百分点"})
# a measure word right before the name: the figure counts the name's noun (24个|项目完工)
_COUNTED_GAP_RE = re.compile(r"\s*(?:多|余|以上|左右)?\s*$")
# words that say what kind or which a thing is, not what it is (平均|居住, 提前|转移)
_MODIFIER_TAGS = frozenset({"a", "ad", "d", "b", "m", "p", "c", "r", "q"})


def _an_act_counted(words: list[str], fig: Figure, name: str, sentence: str) -> bool:
    """Whether ``name``, a verb and the nouns it acts on, names what ``fig`` counts.

    The nouns then the act (房屋征收 2.46万户, 专利授权 83616件, 公共服务投入 33.4亿元): what
    was done, counted, unless the figure stands before the name and counts its noun
    (24个项目完工: the projects, not the act). The act then the things it makes or takes
    (注册护士 3.1万人, 开工项目 1万个, 参会国家和地区 50个): the things, counted, but not an
    amount of money (统筹安排省级财政资金: what was done with it). Never a change (时限压缩
    65%), and both sides must hold a noun (平均居住, 提前转移: no thing named).
    """
    if fig.unit in _CHANGE_UNITS or not fig.unit or len(words) < 2:
        return False
    tags = [t for _, t in _segmenter().tag(name, True)]
    if len(tags) != len(words) or tags[0] == "p":
        return False  # 在…领域应用: where it was done, no thing named
    first, last = (_is_verb(w) or bool(VERB_RE.fullmatch(w)) for w in (words[0], words[-1]))
    if first == last:
        return False  # 就业…就业, 统筹安排…: no plain order of nouns and act
    nouns = tags[:-1] if last else tags[1:]
    if all(t in _MODIFIER_TAGS or t.startswith("v") for t in nouns):
        return False
    at = sentence.find(name)
    counted = 0 <= fig.end <= at and bool(_COUNTED_GAP_RE.fullmatch(sentence[fig.end : at]))
    if last:
        return not counted
    return fig.unit_class != "money"


_PERSON_UNIT_RE = re.compile(r"^(?:万|亿)?(?:人|名|人次)$")
# Things money is spent on (a name ending so names what was paid for, not the money),
# and with places, lines and points, the things a count can be of.
_SPENT_ON = (
    "学校", "企业", "医院", "园区", "基地", "项目", "工程", "机构", "中心", "村", "馆", "站", "厂",
    "道路", "设施", "平台", "公司", "单位",
)  # fmt: skip
_THING_END_RE = re.compile(
    "(?:" + "|".join((*_SPENT_ON, "镇", "县", "乡", "场", "线", "点", "区")) + ")$"
)
_SPENT_ON_RE = re.compile("(?:" + "|".join(_SPENT_ON) + ")$")
_PERSON_END_RE = re.compile(
    r"(?:人|者|员|生|工|师|民|户|家庭|儿童|老人|干部|人才|人口|群众|职工|劳动力|专家|院士|队伍)$"
)


# units that count events or things, never people (起, 项, 场): 提前转移群众 118起
_EVENT_UNIT_RE = re.compile(r"^(?:万|亿)?(?:起|项|件|场|场次|批|批次|条|处|座|台|辆|套|宗)$")


# a place unit, then another count or a 的-phrase: the places are what is counted
_COUNT_THEN_RE = re.compile(r"[\d、，的]")


def counts_the_noun_after(name: str, fig: Figure, sentence: str) -> bool:
    """Whether ``fig`` counts the noun written right after it and the name, ending in an
    act, lacks it (规划共设置26项指标 -> 规划设置 26项: the indicators are counted)."""
    words = _segmenter().tag(name, True)
    if not words or fig.unit_class != "count":
        return False
    last, tag = words[-1]
    after = _segmenter().tag(sentence[fig.end : fig.end + 8], True)
    if not after:
        return False
    noun, noun_tag = after[0]
    if not (tag in ("v", "vn") or _is_verb(last) or VERB_RE.fullmatch(last)):
        # a place counted right after the figure (9个村3.2万人的…), the name none of it
        return (
            noun in _ONE_CHARACTER_PLACES
            and noun not in name
            and _COUNT_THEN_RE.match(sentence, fig.end + 1) is not None
        )
    return noun_tag.startswith("n") and len(noun) >= 2 and noun not in name


def counts_things_named_by_people(name: str, unit: str) -> bool:
    """Whether a count of events or things (起, 项, 场) is named after people (提前转移群众
    118起 for 118起成功避险案例): the figure belongs to another noun."""
    return bool(_EVENT_UNIT_RE.match(unit) and _PERSON_END_RE.search(name))


# what a name of another class can still be counted or sized in, for a reader: a
# throughput in people or goods (旅客吞吐量 3109.3万人次), a scale in the things it is made
# of (在园师生规模 1.5万人, 牧场规模 15.5万平方米), exports in things (整车出口 100万辆), a
# rank moved by places (…指数排名提升6位), a rate per head (移动电话普及率 126.5部/百人)
_SIZED_IN_COUNT_RE = re.compile(r"(?:吞吐量|规模|出口|进口)$")


def carries_its_unit(name: str, fig: Figure) -> bool:
    """Whether a reader can take ``fig``'s unit as the unit of ``name`` (项目投资 is not
    measured in 平方米): :func:`~bot.targets.naming.resolve.compatible`, and the few
    names it refuses for alias matching that still read right with the figure."""
    if compatible(fig, name):
        return True
    if fig.unit_class == "count" and _SIZED_IN_COUNT_RE.search(name):
        return True
    if fig.unit_class == "area" and name.endswith("规模"):
        return True
    if name.endswith("排名") and fig.unit == "位":
        return True  # 提升6位: a rank's change, in places
    return "/" in fig.unit and bool(re.search(r"(?:率|密度)$", name))


def counts_people_of_a_thing(name: str, unit: str) -> bool:
    """Whether a figure in people is named after a thing (文化惠民工程 3500万人次, 人口县 20万人,
    自来水管道村 3.2万人): the people the thing reached are measured, and the name lost them."""
    return bool(
        _PERSON_UNIT_RE.match(unit)
        and _THING_END_RE.search(name)
        and not _PERSON_END_RE.search(name)
    )


_KIND_NOUN_RE = re.compile(r"(?:多|余)?(?:国家和地区|国家|地区|省份|省区市|城市|市（州）)")


# What a percentage can be of: a rate, a share, a level, or a change said around it.
_PERCENT_NAME_END_RE = re.compile(
    r"(?:率|比重|占比|比例|份额|水平|覆盖面|强度|指数|程度|系数|增长面|增速|增幅|涨幅|降幅|价格|成本"
    r"|资费|效率|周期)$"
)
_PERCENT_CHANGE_RE = re.compile(
    r"增长|增速|增幅|涨幅|降幅|跌幅|下降|降低|减少|提高|提升|上升|上涨|增加|回落|增产|减产|缩短|压减"
    r"|下调|上调|扩大|缩小|降|增|涨|跌|减"
)


def money_named_by_a_thing(name: str, fig: Figure) -> bool:
    """An amount of money named after the things it was spent on (重点项目 54亿元 of
    ``66个重点项目54亿元的投资计划``): what the money is (investment, funds) is lost."""
    return fig.unit_class == "money" and bool(_SPENT_ON_RE.search(name))


# What a thing has, not what can be counted of it: 39个欠发达县域托底性帮扶质效
_QUALITY_END_RE = re.compile(r"(?:质效|质量|水平|能力|效能|效率|成效|效益|作用|环境)$")


def counts_a_quality(name: str, fig: Figure) -> bool:
    """A count (个, 家, 项) named after a quality of the things counted (提升39个欠发达县域
    托底性帮扶质效): a quality is not counted, the things are, and the name hides them."""
    return fig.unit_class == "count" and bool(_QUALITY_END_RE.search(name))


def a_share_of_nothing(name: str, fig: Figure, sentence: str, change: str) -> bool:
    """A percentage named after a thing that is neither a rate nor a share, with no change
    said around it (自建非涉密业务专网 50%, 约占全球用户 75%): what it is a share of is
    lost, so the name cannot be trusted."""
    if fig.unit != "%" or _PERCENT_NAME_END_RE.search(name) or re.search("率|占", name):
        return False  # 城镇调查失业率平均值, 重点产业产值占农林牧渔业总产值: rates and shares
    if change and _PERCENT_CHANGE_RE.search(change):
        return False
    clause = sentence[clause_start(sentence, fig.start) : fig.start]
    return not _PERCENT_CHANGE_RE.search(clause)


_COUNT_BEFORE_NAME_RE = re.compile(
    r"[\d一二三四五六七八九十百千万亿两][个家所项条座处批名户件台辆只头套种款部]"
    r"(?:以上|以下|左右)?$"  # 3个以上|千亿级产业集群: jieba reads 上千 as one word
)


def cuts_a_word(name: str, sentence: str) -> bool:
    """Whether ``name``, read verbatim in ``sentence``, starts inside a word there
    (``制篮球场`` of 3人制篮球场)."""
    if len(name) < 2:
        return False
    ats = []  # where it is written, not overlapping (a plain find: no pattern per name)
    at = sentence.find(name)
    while at != -1:
        ats.append(at)
        at = sentence.find(name, at + len(name))
    # a name written more than once cuts a word only where every one of them does
    # (五百亿级开发区2个、百亿级开发区22个: the second is whole)
    return bool(ats) and all(_cuts_at(name, sentence, at) for at in ats)


def _cuts_at(name: str, sentence: str, at: int) -> bool:
    if _COUNT_BEFORE_NAME_RE.search(sentence, max(0, at - 4), at):
        return False  # 810个|省重点项目: jieba reads 个省 as one word
    lo = max(0, at - 8)
    hi = min(len(sentence), at + len(name) + 8)
    bounds = word_bounds(sentence[lo:hi])
    start = at - lo
    # the end is not checked: jieba glues a final 率, 价格, 比 to the verb after it (率降,
    # 价格下降), so an end inside a word says little
    return start > 0 and start not in bounds
