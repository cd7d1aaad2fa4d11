"""What a figure measures: the indicator name, and the verb that governs it.

For each figure of a sentence (see :mod:`bot.targets.numbers`) the name is looked for

* before the figure, in the same clause (``规模以上工业增加值增长11.5%``,
  ``新增城镇就业10.9万人``);
* after it, for counts and physical sizes (``新增1家国家级工业设计中心``,
  ``建设20万吨高端轻量化铝材项目``);
* in the previous figure of the sentence when the clause only has a verb or an
  attribute (``完成一般公共预算收入673.9亿元，增长6.1%``, ``实施40个重点交通项目，
  完成投资309亿元`` -> 重点交通项目完成投资);
* in a list the figures are paired with (``港口货物吞吐量、集装箱吞吐量分别达到4.9亿吨、
  463万标箱``; ``城乡低保标准分别提高5%和7.4%`` -> 城镇…, 农村…).

Known names are mapped to their canonical form with the indicator table (aliases,
longest match nearest the figure, refusing an alias that cannot carry the unit).
Unknown names are the document's own words with verbs, time and scope words removed,
so unseen documents still get a usable name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from bot.corpus.gazetteer import default_gazetteer
from bot.targets.frames import measure_of
from bot.targets.indicators import AliasMatch, IndicatorTable, name_class
from bot.targets.lexicon import (
    AFTER_STOP_RE,
    ATTRIBUTES,
    BASE_PHRASE_RE,
    COMPARE_RE,
    ENLIST_RE,
    GENERIC_NAMES,
    INNER_VERB_RE,
    LEAD_RE,
    LEVEL_LEAD_RE,
    LEVEL_ONLY_RE,
    LEVEL_PREFIX_RE,
    PEOPLE_NOUNS,
    SCOPE_RE,
    SYNONYMS,
    TIME_RE,
    TRAIL_RE,
    VERB_NORMAL,
    VERB_RE,
)
from bot.targets.numbers import Figure

_CLAUSE_BOUNDARY = "，,；;：:。！？!?（）()"
_BOUNDARY_SCAN = tuple(_CLAUSE_BOUNDARY + "—")
_QUOTES = "“”‘’\"'「」『』《》"
_QUOTE_TABLE = str.maketrans("", "", _QUOTES)
_CJK_RE = re.compile(r"[\u3400-\u9fff]")
_ABBREVIATION_RE = re.compile(r"[A-Z]{2,5}")  # CPI, PPI, GDP: a name without a character
_STAT_NOUN_RE = re.compile(
    r"(收入|总额|投资|增加值|产值|利润|税收|零售额|消费|出口|进口|外资|生产总值|总值|工资|存款|贷款"
    r"|报酬|生产率|满意度|满意率|标准|预期寿命)$"
)
_VAGUE_SUBJECT_RE = re.compile(r"主要|指标|经济发展|各项|整体|总体")
_ITEM_SPLIT_RE = re.compile(r"、|和|及|与")
_URBAN_RURAL = ("城乡",)
_URBAN_OR_RURAL_RE = re.compile(r"(?:城镇|农村|城市|乡村)$")
_RANK_CLEAN_RE = re.compile(r"(位居|跃居|位列|排名|排在|稳居|保持|居于|居|列|排)$")
_PHYSICAL = frozenset({"weight", "power", "volume", "length", "area"})
_COUNTISH = frozenset({"count"}) | _PHYSICAL
_OF_COUNT_RE = re.compile(
    r"[^，。；]*?的(?:“[^”]{0,12}”)?(?P<count>(?:\d+|[xX*]+)(?:万)?(?:个|家|项|所|处|座|条|套))?"
    r"(?P<noun>[^，。；、的“”]+)"
)
# What follows a quoted package of policy items: 出台“40条”帮扶企业政策, “21条”“18条”等政策
_PACKAGE_NOUN_RE = re.compile(
    r"[”“\d一二三四五六七八九十条]*等?([^，。；、“”]{0,10}?(?:政策措施|政策|措施|举措|意见))"
)
_PACKAGE_LEAD_RE = re.compile(r"^.*[，。；、]|(?:“[\d一二三四五六七八九十]+条”)*“?$")
_PACKAGE_VERB_RE = re.compile(
    r"^(?:全面|认真|深入)?(?:制定)?(?:出台|推出|印发|发布|实施|制定|落实|推行|实行)"
)
# a count of policy items right before what they are (十条政策, 30条政策措施, 100项提升举措)
_PACKAGE_AFTER_RE = re.compile(r"[^，。；、“”\d]{0,4}?(?:政策措施|政策|措施|举措)(?:[，。；、]|$)")
_STEP_WORDS = ("新台阶", "台阶", "大关", "关口", "新高")
# Verbs that end a name as the activity measured (水土流失综合治理2980平方公里, 补贴性技能
# 培训3万人, 社会组织): after a noun they are the thing, not a change to it.
_NOMINAL_ACTIVITIES = frozenset({"治理", "整治", "修复", "培训", "组织", "更新改造"})
# Words jieba's dictionary tags as verbs that end count nouns as nouns (改革举措, 主次干道,
# 避险搬迁 counted in 户): never cut off a counted thing.
_NOUN_LIKE_VERBS = _NOMINAL_ACTIVITIES | {"举措", "干道", "搬迁", "服务", "规划", "计划", "措施"}
# 投资5100万元的伊敏河景观带改造工程投入使用: the project is named up to its head noun
_PROJECT_RE = re.compile(r"[^，。；“”]{2,30}?(?:工程|项目)(?![\u4e00-\u9fff]{0,2}(?:工程|项目))")
_SHARE_RE = re.compile(r"^占")
# A share of a measure with no owner (个数占比, 投资占比): the owner is the subject before.
_BARE_SHARE_RE = re.compile(
    r"(?:个数|数量|金额|规模|投资|总投资|产值|收入|面积)?(?:占比|比重|所占比重|占比重)"
)
_SHARE_TAIL_RE = re.compile(
    r"(的)?(比重|比例|份额)?(为|达到|达|(?:升|提高|提升|上升|增|降|下降)(?:至|到))?$"
)
_AFTER_NAME_DIGITS_RE = re.compile(r"\d+(?:千亿|百亿|万亿|亿|千万|百万|万)?(?:级|强)")
_CHANGE_AFTER_RE = re.compile(r"(?:的)?(?:速度|幅度)?(增长|下降|提高|提升|减少)")
_ANAPHOR_HEADS = ("园区",)
_PARK_RE = re.compile(r"([\u4e00-\u9fff]{1,8}?)(园区|产业园)")
_DETERMINERS_RE = re.compile(r"^(每个|各个|该|这些|其他|个|家|所|这|各|每)")
_INVISIBLE_RE = re.compile(r"[\s\u200b-\u200f\u2060\ufeff]+")
_LEAD_PARTICLE_RE = re.compile(
    r"^(高于|低于|快于|比|是|有|由|从|于|以|或|但|而且|并且|同时|投资(?=[\d亿万千百过超]))"
)
_TRAIL_DE_RE = re.compile(r"的$")
_LIST_WORD_RE = re.compile(r"[和及与、]")
_TRAIL_REACH_RE = re.compile(r"(达到|达|突破|超过|为)$")
_VERB_AFTER_NOUN_RE = re.compile(
    r"(?:全部|均|已|都|成功|相继|先后|陆续|顺利|全面)?(" + VERB_RE.pattern + ")"
)
_PAREN_RE = re.compile(r"[（(][^（）()]{0,30}[）)]|[［\[]\d{1,2}[］\]]")  # and notes: 产业［2］
# 执业（助理）医师, 毕（结）业生, 乡镇（街道）: a short alternate inside a word
_ALTERNATE_RE = re.compile(
    r"(?<=[\u4e00-\u9fff])[（(]((?!含|不含|注|下同|简称|以下|按|其中)[\u4e00-\u9fff]{1,4})[）)]"
    r"(?=[\u4e00-\u9fff])"
)
_BASELINE_TAIL_RE = re.compile(
    r"[由从][^，。；]*?[\dxX*一二三四五六七八九十百千][^，。；]*?(?:万亿|亿|万)?(?:元|%|个|人)?[^，。；]*$"
)
# Loose ends of a cut clause: brackets, 中有 (工业行业大类中有18个), a trailing 达/为/占.
_EDGE_RE = re.compile(r"^[）)\]】”’、，,]+|[（(\[【“‘、，,]+$")
_AMONG_RE = re.compile(r"(?<=[\u4e00-\u9fff])中(?:有|的)?$")
_TAIL_VERB_RE = re.compile(
    r"(?<=[率额量值数积程入出道价比重])(?:达|为|占|居|是|有)$|(?<=[\u4e00-\u9fff]{2})(?<!发)达$"
)


# Change words the verb table does not hold, at the end of a name (失业率降到, 收入比收窄,
# 资费再降, 停留时间延长, M2预期): the change, not the thing.
_TASK_TAIL_RE = re.compile(r"(?<=[\u4e00-\u9fff]{3})(?:工作|总)?任务$")
_YEARS_ONLY_RE = re.compile(r"[一二两三四五六七八九十\d]{1,2}年")
_GREW_TO_RE = re.compile(r"(?<=[\u4e00-\u9fff]{2})发展(?:到|至)$")
_TAIL_CHANGE_RE = re.compile(
    r"(?<![下上提])(?:再|又|进一步|继续|微|平均)?(?<![下上提])"
    r"(?:降到|降至|降为|降|收窄|延长至|延长|缩小|缩短|升至|升到|升为|跃上|迈上|跨上|站上|登上)$"
    r"|(?<=[\u4e00-\u9fffA-Za-z0-9]{2})预期$"
    r"|(?<=[\u4e00-\u9fffA-Za-z0-9]{2})(?:微|略)(?:涨|增|升)$"  # CPI微涨0.2%: a slight rise
)


# A count of years at either end of a name is a period, not the thing (利润总额五年,
# 省财政5年, 五年共投资).
_YEARS_EDGE_RE = re.compile(
    r"^(?:近|过去)?[一二三四五六七八九十两\d]{1,2}年(?:来|内|间|共|累计)+"
    r"|(?<=[\u4e00-\u9fff]{2})[一二三四五六七八九十两\d]{1,2}年(?:来|内|间)?$"
)


# What a count's modifier before 的 ends with when it says of which kind, not whose
# (30个面积较大的农村黑臭水体, 5个符合条件的…; not 14个景区景点的环境).
# a count whose things are described by what they have (5家具有核心技术的企业)
_HAVING_RE = re.compile(r"(?:具有|具备|拥有|掌握|符合)")
_QUALITY_RE = re.compile(
    r"(?:较|很|更|最|大|小|高|低|好|强|多|少|以上|以下|符合条件|达标|(?:较为|更为|十分)[\u4e00-\u9fff]{2})$"
)
# Words right before a known name that make it a part of the whole: a trade partner
# (对东盟进出口总额), an ownership (国有控股企业产值, 非公有制工业增加值).
_PART_PREFIX_RE = re.compile(
    r"(?:^|[，、])对[^，。；]{1,14}$|(?:国有及国有控股|国有控股|国有|非公有制|公有制|民营|外商投资"
    r"|港澳台商投资|私营|股份制)(?:企业)?$"
)
_PARTNER_RE = re.compile(
    r"^(对[^，。；、]{2,14}?)(?:实现|完成)?((?:货物)?(?:进出口|出口|进口)(?:总额|额|总值)?|实际(?:利用|使用)外资|投资)$"
)
# One-character words a cut clause leaves at the end of a name (removed on a word boundary)
_LOOSE_TAIL_RE = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:有|达|为|由|等|各|新)$")
# Verbs a clause leaves after its subject, right before the figure (开行, 到位, 累计达, 为)
_DANGLING_TAIL_RE = re.compile(
    r"(?<=[\u4e00-\u9fff]{2})(?:累计|共计|合计|总计)?(?:开行|到位|完工|得到|接近|不到|达到|达|为)$"
    r"|(?<=[\u4e00-\u9fff]{2})(?:累计|共计|合计|总计)$"
)
_SHARE_AFTER_RE = re.compile(r"(?:的)?(?:占比|比重|比例|份额)")
_SHARE_OF_RE = re.compile(r"占(?:全[国省市区县州])?$")
_SHARE_DE_RE = re.compile(r"占([\u4e00-\u9fffA-Za-z0-9]{1,12})的(比重|比例|份额)$")
# 制造业的总产值在GDP当中所占的比重 is 制造业总产值占GDP比重
_SHARE_IN_RE = re.compile(
    r"([\u4e00-\u9fffA-Za-z0-9]{2,16}?)的?在([\u4e00-\u9fffA-Za-z0-9]{1,16}?)(?:当中|之中|中)"
    r"所?占的?(比重|比例|份额)$"
)
# Money given for a purpose (210亿元支持老区苏区振兴发展, 16亿元用于老旧城区改造), and
# the public purses that give it.
_PURPOSE_AFTER_RE = re.compile(r"[，,]?(?:专项)?(?:用于|支持)(?P<what>[^，。；、]{2,24})")
_PAYER_RE = re.compile(r"(?:中央|省级?|市级?|县级?|区级?|州|各级)?财政|中央预算内")
# What people and land are counted after (the activity's 人数, 面积).
# (就业, 创业, 培训 count people themselves, as 城镇新增就业 does: no 人数 after them)
_PEOPLE_ACTIVITY_END_RE = re.compile(
    r"(?<=[\u4e00-\u9fff]{2})(?:伤亡|参保|参加基本医疗保险|资助|救助|安置|搬迁)$"
)
_AREA_WORD_RE = re.compile(r"(?:面积|规模|地|田|林|园|棚|塘|库|房|区|场|片|基地|草原|湿地)$")
_AREA_ACTIVITIES = (
    r"(?:综合)?(?:治理|改造|流转|绿化|硬化|整治|管护|补植|复垦|平整|还林|还草|休耕|轮作|防治|播种"
    r"|栽植|改良)"
)
_AREA_ACTIVITY_RE = re.compile(_AREA_ACTIVITIES)
_AREA_ACTIVITY_END_RE = re.compile(_AREA_ACTIVITIES + "$")
# A clause that is only a building verb, after a clause naming the programme.
_BUILD_ONLY_RE = re.compile(r"(?:新（改）建|新改建|新建|改建|扩建|改扩建|建成|改造|提升改造|硬化)")
_PROGRAMME_LEAD_RE = re.compile(r"(?:实施|推进|开展|启动|深化|加快)")
# A bare place unit counted, and what is done there (30个县|建设运营…).
_PLACE_DOING_RE = re.compile(r"(?P<unit>[县市区镇乡村])(?P<doing>[\u4e00-\u9fff]{2})")
# Sources of electricity: a power figure of one of them is its installed capacity.
_ENERGY_KIND_RE = re.compile(
    r"(?:新能源|可再生能源|清洁能源|(?:海上|陆上)?风电|光伏(?:发电)?|抽水蓄能|(?:新型)?储能|水电"
    r"|核电|火电|煤电|气电|生物质发电)"
)
# 重大项目计划共安排项目: the plan's projects are the 重大项目
_ARRANGED_RE = re.compile(r"^([\u4e00-\u9fff]{2,12}?)(?:计划)?共?安排(项目|资金)$")
_PM_RE = re.compile(r"PM[_\s]+(2\.5|10)")
_INNER_SCOPE_RE = re.compile(
    r"(?<=[\u4e00-\u9fff]{2})(?:我省|我市|我区|我县|我州|本省|本市)(?=[\u4e00-\u9fff]{2})"
)
_JOINED_RE = re.compile(r"^参加(.{2,16}?(?:保险|医保))(?:的)?人数$|^(.{2,16}?(?:保险|医保))参保$")
_ABBREVIATED_RE = re.compile(r"(?<![\u4e00-\u9fff])规上(?=[\u4e00-\u9fff])|^规上")


def strip_noise(text: str) -> str:
    """Remove what is never part of a name: time words, comparison bases, bracketed
    notes (``细颗粒物（PM2.5）``), ``在…基础上`` and a ``由A提高到`` baseline. A short
    alternate inside a word stays, without its brackets (执业（助理）医师, 国际（地区）航线)."""
    s = _ALTERNATE_RE.sub(r"\1", text)
    s = _PAREN_RE.sub("", s)
    s = COMPARE_RE.sub("", s)
    s = BASE_PHRASE_RE.sub("", s)
    s = _BASELINE_TAIL_RE.sub("", s)
    return TIME_RE.sub("", s)


@dataclass(frozen=True, slots=True)
class Named:
    """A figure with its indicator; ``consumed`` is where the name read up to."""

    figure: Figure
    indicator: str
    change: str
    qualifier: str
    consumed: int
    confidence: float = 1.0


@lru_cache(maxsize=8192)
def clean_name(text: str) -> str:
    """The measured thing in ``text``: time/scope/verb words and quotes removed.

    ``全年海洋生产总值增长`` -> ``海洋生产总值``; ``新增`` -> ``""``;
    ``烟台体育健儿在杭州亚运会上获得奖牌总数`` -> ``奖牌``.
    """
    # PDF text spaces out words (2023 年全市): spaces go first, so time words are seen
    s = _INVISIBLE_RE.sub("", strip_noise(_INVISIBLE_RE.sub("", text)).translate(_QUOTE_TABLE))
    partner = _PARTNER_RE.match(s.lstrip("，、 "))
    if partner:
        # 对“一带一路”沿线国家实现进出口总额: trade with a partner is a part of trade
        return partner.group(1) + partner.group(2)
    for _ in range(8):
        before = s
        s = s.strip(" 　、，,")
        s = _strip_head(s, SCOPE_RE)
        s = _strip_head(s, LEAD_RE)
        s = _strip_head(s, _ENUMERATION_RE)
        m = VERB_RE.match(s)
        if m and len(m.group()) > 1 and m.end() in word_bounds(s):
            s = s[m.end() :]
        s = _strip_head(s, _LEAD_PARTICLE_RE)
        s = _GREW_TO_RE.sub("", s)  # 农民专业合作社发展到133家: before TRAIL_RE takes the 到
        s = _strip_tail(s, TRAIL_RE)
        s = _TRAIL_DE_RE.sub("", s)
        s = _EDGE_RE.sub("", s)
        s = _strip_tail(s, _AMONG_RE) if len(s) > 3 else s  # 普通高中 keeps its 中
        s = _TAIL_VERB_RE.sub("", s)
        s = _without_goal_words(s)
        s = _TAIL_CHANGE_RE.sub("", s) if len(s) > 4 else s
        s = _YEARS_EDGE_RE.sub("", s) if len(s) > 4 else s
        for m in VERB_RE.finditer(s):
            if (
                m.end() == len(s)
                and m.start() > 0
                and not (m.group() in _NOMINAL_ACTIVITIES and m.start() >= 2)
                and (len(m.group()) > 1 or m.start() in word_bounds(s))
            ):
                s = s[: m.start()]
                break
        if s == before:
            break
    if _YEARS_ONLY_RE.fullmatch(s):
        return ""  # 两年平均增长3.1%: a span of years is no name
    # 参加失业保险人数 is 失业保险参保人数, as bulletins' tables name it
    s = _JOINED_RE.sub(lambda m: (m.group(1) or m.group(2)) + "参保人数", s)
    s = _SHARE_DE_RE.sub(r"占\1\2", s)  # 占全市的比重 is 占全市比重
    s = _SHARE_IN_RE.sub(lambda m: m[1].replace("的", "") + "占" + m[2] + m[3], s)
    s = _ARRANGED_RE.sub(lambda m: m[1] if m[1].endswith(m[2]) else m[1] + m[2], s)
    s = _PM_RE.sub(r"PM\1", s)  # PM_2.5: a subscript flattened by the converter
    s = _INNER_SCOPE_RE.sub("", s) if len(s) > 6 else s  # …评估我省全国排名
    s = _ABBREVIATED_RE.sub("规模以上", s)  # 规上工业 is 规模以上工业, as the tables name it
    inner = max(INNER_VERB_RE.finditer(s), key=lambda m: m.start(), default=None)
    if inner is not None and inner.start() > 0:
        head, tail = s[: inner.start()], s[inner.end() :]
        if (tail in ATTRIBUTES or _is_verb(tail) or tail.startswith("再")) and _is_name(head):
            s = head + tail  # 规模以上工业企业实现营业收入 -> 规模以上工业企业营业收入
        elif (
            inner.group() == "新增"
            and _is_name(head)
            and _is_name(tail)
            and len(head) <= 6
            and _noun_end(head) == len(head)
            and not re.search(r"[年月期]", head)  # 五年新增: a time, not a subject
        ):
            s = head + tail  # 可再生能源新增装机: the new capacity of renewables, not all
        elif _is_name(tail):
            s = tail
    if "的" in s:
        tail = s.rsplit("的", 1)[1]
        # 在蓉设立领事机构的国家: a bare 国家 after 的 needs what comes before it
        head = s.rsplit("的", 1)[0]
        if "对" in head[1:] and tail.startswith("贡献"):
            pass  # 消费对经济增长的贡献率: a share of something else, the whole is the name
        elif len(tail) >= 2 and tail not in GENERIC_NAMES and tail not in _BARE_HEADS:
            s = tail
    if len(s) > 3:
        s = _strip_tail(s, _LOOSE_TAIL_RE)  # 重点调度项目有, 5G基站达, 中职学校由
    if s in ("经济", "经济社会") and _ECONOMIC_GROWTH_RE.search(text):
        s = "经济增长"  # 经济增长5%左右 (经济增长预期目标为): the growth of GDP, by convention
    return s


# Confidence of a name found by the fallback (the words around a figure, no rule).
LOW = 0.35


_MEASURE_END_RE = re.compile(
    r"(率|量|数|额|值|价格|面积|里程|人数|产量|收入|支出|投资|规模|比重|占比|强度|浓度|指数|排名|标准|出栏"
    r"|能力|容量|人口|企业|项目|基地|园区|平台|学校|医院|机构|中心|主体|工程|设施|床位|公里|道路|住房|排放)$"
)
_SECTOR_MEASURES = frozenset({"增加值", "产值", "总产值", "营业收入", "营收", "投资", "规模"})
# a sector a sentence can open with (旅游业, 服务业, 现代服务业, 数字经济)
_SECTOR_RE = re.compile(
    r"^(?:[\u4e00-\u9fff]{1,5}(?<![企产行就创毕事作物])业|数字经济|民营经济|海洋经济|县域经济)"
)
# What money amounts and their growth are measured as (交易额, 营业收入, 市场规模).
_MONEY_MEASURE_RE = re.compile(r"(?:额|收入|支出|投资|产值|增加值|规模|总量|利润|税收)$")
# 一是全区经济…, 其二…: the enumeration of a report's points, not part of a name
_ENUMERATION_RE = re.compile(
    r"^(?:[一二三四五六七八九十]{1,2}是|其[一二三四五六七八九十]|首先|其次|再次)"
)
# the last item of a list and the kind all the items are: 特色消费品|等|产业集群
_ETC_KIND_RE = re.compile(
    r"(?P<last>[^等]{2,12}?)等(?:[一二三四五六七八九十\d]{1,2}[个大项类种])?"
    r"(?P<kind>[\u4e00-\u9fff]{2,8})"
)
# 每百元营业收入中的成本: what a hundred yuan of revenue carries
_PER_HUNDRED_RE = re.compile(r"每百元[^，。；的]{2,8}中的[^，。；]{1,6}?(?=为|是|$)")
# 其中56项为全国首创: the part of the things just counted that is so
_PART_THAT_IS_RE = re.compile(r"^为(?P<what>[^，。；\d]{2,6})(?=[，。；]|$)")
# 200万吨褐煤提质项目, 大唐700万吨露天矿: the scale of a project, the capacity of a mine
_FACILITY_SCALE_RE = re.compile(
    r"^级?(?P<what>[^，。；、\d的]{0,10}?)(?P<kind>项目|工程|露天矿|煤矿|矿井)(?!建设)"
)
# 48小时内放行, 3个工作日内办结: a service time limit and what is done within it
_TIME_UNITS = frozenset({"小时", "天", "日", "个工作日", "工作日", "分钟", "周", "个月"})
_WITHIN_RE = re.compile(
    r"(?P<within>以内|之内|内)(?P<act>放行|办结|办理|审批|审结|完成|到达|赶到|响应|处置|出具|答复"
    r"|反馈|通关|到位|发放|兑付|拨付|受理)"
)
_TO_RE = re.compile(r"^(?:对|在|为|将)")
_TIME_WORD_RE = re.compile(r"(?:时间|时限|用时)$")
# …40%以上的面积达到海绵城市建设目标要求: the part of a whole that meets a standard
_MEETS_STANDARD_RE = re.compile(
    r"(?:的)?(?P<part>面积|区域|用地)?(?:达到|符合|满足)(?P<what>[^，。；、]{2,12}?)"
    r"(?:建设)?(?:目标)?(?:要求|标准)"
)
# 投资650万元建成6座…, 投资5.1亿元,建成西出口等31条公路: what the money built, counted after it
_BUILT_AFTER_RE = re.compile(
    r"[，,]?\s*(?:用于)?(?:建成|新建|新改建|改扩建|改造|实施|完成|建设)[^，。；\d]{0,16}?"
    r"\d+(?:\.\d+)?(?:条|个|座|所|公里|项|处|家|套|户)"
)
# 54亿元的投资计划, 3亿元的补助资金: what the money is, said after it
_MONEY_KIND_AFTER_RE = re.compile(r"的(?P<kind>投资|资金|补助资金|专项资金)(?:计划|任务)?")
# an act of trade whose amount of money is the figure (零售, 出口): its 额 is unsaid
_TRADE_ACT_RE = re.compile(r"(?:零售|批发|销售|进出口|出口|进口|成交|交易)$")
# a list of things and the kind they all are, before one figure for them all
# (not 等领域, 等方面: the list is then where, not what)
_LISTED_KIND_RE = re.compile(
    r"(?:^|、)[^、等]{2,12}(?<![甲乙丙同平中高初上优均对相])等"
    r"(?P<kind>(?!领域|方面|环节|地区|行业|级)[\u4e00-\u9fff]{2,8})$"
)
# what a rank can be of, alone: a measure of something named before it
_RANK_SCOPES = "全国|全省|全市|全区|全州|西部|中西部|东部|内地|全球|世界"
_RANK_VERBS = "保持|稳居|位居|跃居|居于|位列|居"
_BARE_RANKED_RE = re.compile(
    rf"(?:总规模|规模|总量|占比|比重|总额)(?:{_RANK_VERBS})?(?:{_RANK_SCOPES})?"
)
# what a rank's sentence says before its place (居全国第1位), left in front of 全国排名
_RANK_VERB_RE = re.compile(
    rf"(?<=.)(?:{_RANK_VERBS})(?P<said>{_RANK_SCOPES})?(?P<added>{_RANK_SCOPES})?排名$"
)
_POLICY_NAME_RE = re.compile(r"[\u4e00-\u9fff]{2,14}(?:政策措施|政策|措施|举措)")
_RANK_CLAUSE_END_RE = re.compile(rf"(?:{_RANK_VERBS})(?:{_RANK_SCOPES})$")
# a bulletin's categories of sales and prices: items that end in 类, the last one maybe
# with the measure of all (烟酒类、粮油食品类零售额)
_CATEGORY_SEP_RE = re.compile(r"(?<=类)[、和及与]")
_CATEGORY_MEASURE_RE = re.compile(r"(?:零售额|销售额|居民消费价格|价格)$")
_ADMIN_UNITS_RE = re.compile(r"[县市区乡镇]（[县市区乡镇州、]{1,6}）")
# The nouns a measure word goes with (量词搭配), at the end of a name
_CLASSIFIER_KINDS = {
    "条": re.compile(
        r"(?:道路|路|线|航线|线路|河|河道|管网|管道|通道|廊道|政策|措施|意见|街|巷|隧道)$"
    ),
    "座": re.compile(r"(?:桥|桥梁|厂|站|馆|水库|场馆|电站|公厕|城市|大楼|塔)$"),
    "张": re.compile(r"(?:床位|床|证|卡)$"),
}
_CATEGORY_TOPIC_RE = re.compile(r"零售|销售")
_CATEGORY_SCOPE_RE = re.compile(r"^(?:限额以上(?:单位|企业)?|规模以上(?:企业)?|限上)")


# units only products are counted in (a stock of tractors or routes is counted in 台, 条)
_PRODUCT_UNIT_RE = re.compile(r"(?<!吨)(?:吨|块|千伏安时)$")
_OUTPUT_UNIT_CLASSES = frozenset({"weight", "power", "count"})


def _is_output(name: str, fig: Figure, table: IndicatorTable) -> bool:
    """Whether a bulletin's ``name`` with ``fig`` is a product and its output: a bare
    noun (集成电路, 十种有色金属, 铅酸蓄电池) with a product's unit (万块, 万吨, 千伏安时),
    no measure of its own (产量, 吞吐量, 面积…) and no verb (生活垃圾无害化处理 674万吨 is
    what was treated)."""
    if fig.form != "number" or fig.unit_class not in _OUTPUT_UNIT_CLASSES:
        return False
    if not _PRODUCT_UNIT_RE.search(fig.unit) or name in table:
        return False
    if _MEASURE_END_RE.search(name) or _STAT_NOUN_RE.search(name) or name.endswith(("量", "位")):
        return False
    words = _segmenter().cut(name, True)
    return _is_name(name) and not any(_is_verb(w) for w in words) and "的" not in name


def _counts_things(fig: Figure, name: str) -> bool:
    """A count of things (项目 49项, 机构 53个, 火灾 456起), not of people: what follows
    (资金, 实有人数) can be theirs."""
    return (
        fig.unit_class == "count"
        and not fig.unit.endswith(("人", "人次", "名", "户"))
        and not name.endswith(("人数", "人次"))
    )


# What counted things have (their funds, staff, losses): after a count, the count's
_OWN_ATTRIBUTES = frozenset(
    {"资金", "立项资金", "争取资金", "实有人数", "直接财产损失", "直接经济损失", "从业人员",
     "投资", "总投资", "完成投资", "营业收入", "产值", "面积"}
)  # fmt: skip
_THRESHOLD_IN_NAME_RE = re.compile(r"\d+(?:\.\d+)?[万亿千百]?[^\d，。；、]{0,4}?及?以[上下](?=.)")
_ODD_NAME_RE = re.compile(
    r"[，。；：、（）()“”［］\[\]【】]|^\W|[A-Za-z]{6,}|\d{4}|之|^(?:其中|以上|以下|全年|今年|累计)"
    r"|我们|我国有|^我国|为着力点|.[让把被将]|有$|.了.|[一二三四五六七八九十]年累计|如期$|正式|之力|^约占|^[向把被].{0,3}$"
    r"|\d+(?:\.\d+)?(?:万亿|亿|万)?[元人个项家%斤吨米]"
)


# Words that name no measured thing on their own (a reader would reject them as a column).
_VAGUE_NAMES = frozenset(
    {"重点", "清单", "案例", "置换", "竣工", "大关", "省份", "学科", "产能", "县域", "国家", "方向",
     "事项", "重点事项", "台阶", "新台阶", "水平", "比例", "增量", "总量", "规模", "目标", "首批",
     "主要指标", "指标", "技术", "工程", "就业", "领域", "环节", "任务", "本届政府", "政府",
     "省区市", "平台", "份额", "预留份额",
     # a place type alone says where, not what
     "农村", "城镇", "城市", "乡村", "城乡", "城区", "市区", "省市", "地市", "新城",
     # money, staff or losses of nothing named
     "资金", "实有人数", "直接财产损失", "立项资金", "从业人员", "贡献率"}
)  # fmt: skip
# One-word names that describe or act rather than name a thing: 临时, 三级 (区别词), 发电,
# 服务 (verbal nouns), 城镇 (a place)
_NOT_A_THING_TAGS = frozenset({"b", "vn", "v", "a", "ad", "d", "ns", "m"})


# One-character words that end a cut clause: a negation, 所 of 所在, 中 of 在…中, a
# conjunction or 等 before the next item (成都科创生态岛和, 黄百等), 前 of 排名前.
_LOOSE_END_WORDS = frozenset("不未没所中和并与及或等前")
# A clause's verb that turns a thing into something else: 办学体制调整为省属.
_BECOMES_RE = re.compile(r"(?:调整|改|列|定|转|升格|划转|变更|纳入)为")
_PERIOD_NAME_RE = re.compile(r"[一二三四五六七八九十两\d]{1,2}年(?:来|内|间)?")
# What a counted set of things did or got, said after them (8个市下放…, 2200余项政务服务事项
# 实现通办, 5部作品入选…展演): the count is of the things that did, not of all of them.
_MEMBERSHIP_VERBS = "入选|获评|获批|荣获|获得|获|实现|通过|纳入|享受|签署|加入|进入|列入|下放"
_MEMBERSHIP_RE = re.compile(
    rf"(?:全部|均|已经?|都|成功|相继|先后|率先)?(?P<verb>{_MEMBERSHIP_VERBS})"
    r"(?P<what>[^，。；、,;：:（）()\d]{2,18})$"
)
_MEMBERSHIP_VERB_RE = re.compile(_MEMBERSHIP_VERBS)
_ONE_CHARACTER_PLACES = frozenset("省市县区乡镇村")
# A size class, a quality, a process or a per-head base with nothing it qualifies.
_CLASS_ALONE_RE = re.compile(r"[\u4e00-\u9fff]{1,2}(?:级|性|化|型)|每[十百千万]?[人户]|[大中小]类")
_MEMBERSHIP_NAME_RE = re.compile(rf"(?:{_MEMBERSHIP_VERBS})[^的]{{2,18}}的(?P<noun>[^的]{{1,12}})")
# another figure inside the predicate (建设基地6.2万亩): the predicate is that figure's
_FIGURE_IN_RE = re.compile(r"[一二三四五六七八九十两百千万亿]+(?:个|项|家|所|部|种|批|次|万|亿)")
_BATCH_RE = re.compile(r"^(?:首批|第[\d一二三四五六七八九十]+批)")


def name_confidence(name: str, table: IndicatorTable) -> float:
    """How much a reader can trust ``name`` as the name of what is measured.

    A canonical indicator: 1. A noun phrase ending in a measure (``…产量``, ``…企业``):
    0.9. Another short noun phrase: 0.75. Anything that starts or ends with a verb, holds
    punctuation or is very long: 0.5 (below :data:`~bot.targets.records.CONFIDENT`).
    """
    if not name:
        return 0.0
    if table.canonical(name) is not None:
        return 1.0
    # a size class is part of a name (30亿元以上项目, 海拔1500米以上农村中小学)
    probe = _THRESHOLD_IN_NAME_RE.sub("", name)
    if _ODD_NAME_RE.search(probe) or len(name) > 20:
        return 0.5
    if name in GENERIC_NAMES or name in _VAGUE_NAMES:
        return 0.5
    if len(name) <= 3 and _one_word_tag(name) in _NOT_A_THING_TAGS:
        return 0.5
    if _CLASS_ALONE_RE.fullmatch(name):
        return 0.5  # 百亿级, 国际性, 智能化, 每千人: a class, a quality or a per-head alone
    if _POLICY_NAME_RE.fullmatch(name):
        return 0.75  # 支持民营经济发展措施: a package of measures named by its aim
    if _RANK_CLAUSE_END_RE.search(name):
        return 0.5  # 农产品产量居全国 (14种…居全国第1位): a clause about a rank, not a name
    if name.endswith("排名"):
        subject = re.sub(r"(?:全(?:国|省|市|区|县)|世界|全球|中西部)?排名$", "", name)
        if (
            not _is_name(subject)
            or _TAIL_VERB_RE.search(subject)
            or subject[-1] in "达从至到"
            or VERB_RE.fullmatch(subject)
            or _is_verb(subject)
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
    if not measured and len(words) > 1 and (_is_verb(words[0]) or _is_verb(words[-1])):
        return 0.5  # 统筹安排省级财政资金, 经验被…集中推广: a verb phrase, not a thing
    head = VERB_RE.match(name)
    if (head and head.end() in word_bounds(name) and len(head.group()) > 1) or VERB_RE.fullmatch(
        name
    ):
        return 0.5
    tail = next((m for m in VERB_RE.finditer(name) if m.end() == len(name)), None)
    if (
        tail is not None
        and tail.start() > 0
        and tail.start() in word_bounds(name)
        and not _STAT_NOUN_RE.search(name)  # 整车出口: the verb names a trade flow
    ):
        return 0.5
    return 0.9 if measured else 0.75


# What a report says about a figure after naming its subject: 地区生产总值预期增长目标为,
# 经济增长预期目标, 生产总值增长目标定为. The goal is the figure's kind, not its name.
_GOAL_TAIL_RE = re.compile(
    r"(?P<growth>(?:的)?(?:预期|计划)?(?:增长|增速))?(?:的)?(?:预期目标|预期|目标)(?:值)?"
    r"(?:定为|设定为|确定为|调整为|为|是|定)?$"
)


_PER_HEAD_BEFORE_RE = re.compile(
    r"(?:每[十百千万]+(?:人口|人|户|名[\u4e00-\u9fff]{0,4}?)|人均)(?:拥有|有)?$"
)
_ECONOMIC_GROWTH_RE = re.compile(r"经济(?:社会发展)?(?:的)?(?:预期|年均|平均)?(?:增长|增速)")


def _without_goal_words(s: str) -> str:
    """``地区生产总值预期增长目标为`` -> ``地区生产总值``; ``经济增长预期目标`` -> ``经济增长``
    (增长 stays when nothing but 经济 would be left)."""
    m = _GOAL_TAIL_RE.search(s)
    if not m or m.start() < 2:
        return s
    if m.group("growth") and s[: m.start()] in ("经济", "经济社会"):
        return s[: m.end("growth")]
    return s[: m.start()]


def _without_tail_verb(name: str) -> str:
    """``城市下降`` -> ``城市``: a change verb at the end of a loose name is the figure's."""
    for m in VERB_RE.finditer(name):
        if m.end() == len(name) and m.start() >= 2 and m.start() in word_bounds(name):
            return name[: m.start()]
    return name


def _loose_name(text: str) -> str:
    """A best-effort name: ``text`` without noise, time, scope and function words, verbs
    kept (``新登记企业``); ``""`` when nothing like a name is left."""
    s = strip_noise(_INVISIBLE_RE.sub("", text)).translate(_QUOTE_TABLE).strip(" 、，,")
    s = _strip_head(s, SCOPE_RE)
    s = _strip_head(s, LEAD_RE)
    s = _strip_tail(s, TRAIL_RE)
    s = _EDGE_RE.sub("", s)
    return s if _is_name(s) and not VERB_RE.fullmatch(s) else ""


def _strip_head(s: str, pattern: re.Pattern[str]) -> str:
    """``s`` without a leading match of ``pattern`` that ends on a word boundary.

    再生资源 keeps its 再, 有色金属 its 有: a one-character function word is only
    removed when it is a word of its own.
    """
    m = pattern.match(s)
    if not m or not m.group() or s.startswith(_KEPT_WHOLE):
        return s
    if m.end() in word_bounds(s):
        return s[m.end() :]
    return s


# Measures said bare after a figure of their owner's (新能源投资…、装机规模…).
_OWNED_MEASURES = frozenset({"装机规模", "装机容量", "利用率"})
_OWNER_ATTRIBUTES = tuple(
    sorted({*ATTRIBUTES, *_OWNED_MEASURES, "总产量", "产量"}, key=len, reverse=True)
)
# A share of money said by what it is spent on (74%以上用于民生).
_USED_FOR_RE = re.compile(r"(?:的)?(?:资金)?用于(?P<what>[\u4e00-\u9fff]{2,6})(?=[，。；、]|$)")
# Another unit for the same count, in brackets (2.5万套（间）).
_UNIT_ALTERNATE_RE = re.compile(r"[（(][\u4e00-\u9fff]{1,2}[）)]")
# A rate of change said as a noun (涨幅3%, 降幅超过3%) is that change.
_RATE_OF_CHANGE = {"涨幅": "上涨", "增幅": "增长", "增速": "增长", "降幅": "下降"}
_RATE_OF_CHANGE_RE = re.compile(
    r"(涨幅|增幅|增速|降幅)(?:为|达到|达|超过|超|控制在|保持在|在)?\s*$"
)
# A rate that says what was done but not to what (办结率, 办复率, 完成率).
_BARE_RATE_RE = re.compile(r"[\u4e00-\u9fff]{1,3}率")
# Bare words that statistics always mean as one indicator (再就业 is the jobless found
# work again); a longer name (就业困难人员再就业) says its own.
_OFFICIAL_NAMES = {"再就业": "失业人员再就业"}
# Words the plain segmenter cuts after a leading function word (再|就业): kept whole.
_KEPT_WHOLE = ("再就业", "再贷款", "再担保", "再制造", "再融资", "有意愿")


def _strip_tail(s: str, pattern: re.Pattern[str]) -> str:
    """``s`` without a trailing match; a one-character one only on a word boundary
    (jieba glues 价格上涨 together, but 上涨 is still a verb)."""
    m = pattern.search(s)
    if not m or not m.group():
        return s
    if len(m.group()) > 1 or m.start() in word_bounds(s):
        return s[: m.start()]
    return s


def _is_verb(word: str) -> bool:
    """A plain verb, or two of them run together (统筹安排, 集中推广)."""
    verbs = plain_verbs()
    return word in verbs or (len(word) == 4 and word[:2] in verbs and word[2:] in verbs)


@lru_cache(maxsize=1)
def plain_verbs() -> frozenset[str]:
    """Words jieba's dictionary tags as plain verbs (``v``): 推广, 访问, 统筹, 入驻 ….

    A name that starts or ends with one is a verb phrase. Verbal nouns (``vn``: 运营,
    治理) are not in it: they head names (污水治理率).
    """
    return _dict_words("v")


@lru_cache(maxsize=1)
def _state_words() -> frozenset[str]:
    """Adjectives and adverbs of jieba's dictionary (``a``, ``d``, ``ad``, ``vd``: 圆满,
    成熟, 连续, 较为): a name never ends with one, a clause stating how things went does."""
    return _dict_words("a") | _dict_words("d") | _dict_words("ad") | _dict_words("vd")


def _dict_words(tag: str) -> frozenset[str]:
    import jieba

    path = Path(jieba.__file__).with_name("dict.txt")
    out: set[str] = set()
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3 and parts[2] == tag and 1 < len(parts[0]) <= 4:
                out.add(parts[0])
    return frozenset(out)


# Policy words jieba's own dictionary cuts at a conjunction (和|美|乡村), which would
# then read as a list: 和美乡村样板村 is one thing, not 和 + 美乡村样板村.
_NAMING_WORDS = ("和美乡村", "宜居宜业")


_NARROWING_TAGS = frozenset({"n", "nz", "ns", "nt", "j", "b", "l"})
_NOT_NARROWING = frozenset({"城镇", "城市", "年度", "各类", "现有", "全部", "所有", "其中", "部分"})


@lru_cache(maxsize=4096)
def _narrowing_nouns(lead: str) -> bool:
    """Whether ``lead`` is only nouns that narrow the name after it (医疗 旅游人次, 脱贫县
    农村居民…, 区本级 固定资产投资), not a verb, a time or a quantifier (年度, 各类)."""
    tagged = _segmenter().tag(lead, True)
    return all(t in _NARROWING_TAGS and w not in _NOT_NARROWING for w, t in tagged)


@lru_cache(maxsize=4096)
def _one_word_tag(name: str) -> str:
    """jieba's part-of-speech tag of ``name`` if it is one word, else ``""``."""
    tagged = _segmenter().tag(name, True)
    return tagged[0][1] if len(tagged) == 1 else ""


@lru_cache(maxsize=1)
def _segmenter():
    import rjieba

    jieba = rjieba.Jieba()
    for word in _NAMING_WORDS:
        jieba.add_word(word, None, None)
    return jieba


def word_end(s: str) -> int:
    """Where the first word of ``s`` ends (jieba's segmentation)."""
    return min((b for b in word_bounds(s) if b > 0), default=len(s))


@lru_cache(maxsize=16384)
def word_bounds(s: str) -> frozenset[int]:
    """Offsets in ``s`` where a word starts or ends (jieba's segmentation)."""
    out = {0}
    pos = 0
    for tok in _segmenter().cut(s, True):
        pos += len(tok)
        out.add(pos)
    return frozenset(out)


@lru_cache(maxsize=4096)
def _fine_bounds(s: str) -> frozenset[int]:
    """Word offsets in ``s`` with the words inside compounds too (农村|居民 in 农村居民)."""
    out = set(word_bounds(s))
    for tok in _segmenter().cut_for_search(s, True):
        at = s.find(tok)
        while at >= 0:
            out.update((at, at + len(tok)))
            at = s.find(tok, at + 1)
    return frozenset(out)


def _is_name(s: str) -> bool:
    return (
        len(s) >= 2
        and bool(_CJK_RE.search(s) or _ABBREVIATION_RE.fullmatch(s))
        and s not in GENERIC_NAMES
        and len(s) <= 24
        and not _NOT_A_NAME_RE.fullmatch(s)
    )


# Function words or a bare count are never a name (是2010年的2倍 -> 是的; 四个翻番 -> 四个).
_NOT_A_NAME_RE = re.compile(
    r"[是的了在有为和与及或等]+|[一二三四五六七八九十两\d]+[个项种类批]?"
    r"|多年|近年|历年|当年|同期|[用办管抓建做]好"
)


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


def counts_people_of_a_thing(name: str, unit: str) -> bool:
    """Whether a figure in people is named after a thing (文化惠民工程 3500万人次, 人口县 20万人,
    自来水管道村 3.2万人): the people the thing reached are measured, and the name lost them."""
    return bool(
        _PERSON_UNIT_RE.match(unit)
        and _THING_END_RE.search(name)
        and not _PERSON_END_RE.search(name)
    )


def compatible(fig: Figure, canonical: str) -> bool:
    """Whether a name can carry the figure's unit (a count is not an amount of money)."""
    return _compatible(fig.unit_class, fig.form, canonical)


def _compatible(uc: str, form: str, canonical: str) -> bool:
    cls = name_class(canonical)
    if form == "rank":
        return cls == "rank"
    if cls == "rank":
        return False
    if uc == "count":
        return cls == "count" or canonical.endswith("产量")  # 集成电路产量 23787万块
    if uc == "money":
        return cls in ("amount", "count")
    if uc == "area":
        return cls in ("area", "count")
    if uc in ("weight", "power", "volume", "length"):
        # 核能供暖工程规模 900 兆瓦: a scale can be physical too
        return cls in ("capacity", "count") or canonical.endswith("规模")
    return True


def _aliases(table: IndicatorTable, text: str, fig: Figure) -> list[AliasMatch]:
    """Leftmost-longest alias matches of ``text`` that can carry ``fig``'s unit."""
    return list(_aliases_cached(table, text, fig.unit_class, fig.form))


@lru_cache(maxsize=16384)
def _aliases_cached(table: IndicatorTable, text: str, uc: str, form: str) -> tuple[AliasMatch, ...]:
    out: list[AliasMatch] = []
    i = 0
    n = len(text)
    starts = table.first_chars
    while i < n:
        if text[i] not in starts:
            i += 1
            continue
        found = [m for m in table.matches_at(text, i) if _compatible(uc, form, m.canonical)]
        if found:
            out.append(found[0])
            i = found[0].end
        else:
            i += 1
    return tuple(out)


def _gap_is_empty(gap: str) -> bool:
    """Whether the text between a name and its figure holds no other noun.

    ``全民阅读季等活动``: what follows ``等`` is the category of a list, not another thing.
    """
    if "等" in gap:
        gap = gap.rsplit("等", 1)[1]
        return not gap or gap in GENERIC_NAMES or _gap_is_empty(gap)
    return not _is_name(clean_name(gap))


def lookup(table: IndicatorTable, name: str, fig: Figure, change: str = "") -> str | None:
    """Canonical name for ``name``, trying it with its verb too (危房 + 改造 = 危房改造),
    without a list word (中小学和幼儿园 = 中小学幼儿园) and without 总 (粮食总产量)."""
    cands = [name]
    if change:
        cands += [name + change, change + name]
    plain = _LIST_WORD_RE.sub("", name)
    cands += [plain, name.replace("总", "")]
    for old, new in SYNONYMS:
        if old in name:
            cands.append(name.replace(old, new))
    if len(cands) > 2:
        syn = name
        for old, new in SYNONYMS:
            syn = syn.replace(old, new)
        cands.append(syn)
    for cand in cands:
        canonical = table.canonical(cand)
        if canonical is not None and compatible(fig, canonical):
            return canonical
    return None


def _find_change(text: str) -> str:
    """The verb nearest the end of ``text`` in normal form (``达`` -> ``达到``).

    A one-character verb counts only as a word of its own: the 居 of 居民 is no verb.
    """
    last = None
    for m in VERB_RE.finditer(text):
        if len(m.group()) == 1 and (
            m.start() not in word_bounds(text) or m.end() not in word_bounds(text)
        ):
            continue
        if text.startswith(("值", "的", "率"), m.end()):
            continue  # 增加值, 自然增长率 are nouns; 对经济增长的贡献率: a verb inside a name
        last = m
    return VERB_NORMAL.get(last.group(), last.group()) if last else ""


def _attribute(raw: str) -> str:
    """The attribute word ``raw`` ends with (``完成投资``, ``总投资``, ``产值``), or ``""``."""
    s = TIME_RE.sub("", raw).strip()
    for _ in range(3):
        s = TRAIL_RE.sub("", s)
        s = _TRAIL_REACH_RE.sub("", s)
    return next((a for a in ATTRIBUTES if s.endswith(a)), "")


# A name is never further than this from its figure; bounding the look-back keeps a
# pathological line without punctuation linear instead of quadratic.
MAX_CLAUSE_LOOKBACK = 160


def clause_start(sentence: str, pos: int) -> int:
    """Start of the clause that ends at ``pos``: after the last ``，；：`` etc. or ``——``.

    A bracketed note (细颗粒物（PM2.5）年平均浓度) is not a boundary. Uses ``str.rfind``
    per boundary character, so a long clause costs a few C-level scans.
    """
    floor = max(0, pos - MAX_CLAUSE_LOOKBACK)
    hi = pos
    while hi > floor:
        k = max(sentence.rfind(ch, floor, hi) for ch in _BOUNDARY_SCAN)
        if k < 0:
            return floor
        ch = sentence[k]
        if ch in "）)":
            opening = max(sentence.rfind("（", floor, k), sentence.rfind("(", floor, k))
            if opening >= 0 and k - opening <= 31:
                hi = opening
                continue
        elif ch == "—" and not (k > 0 and sentence[k - 1] == "—"):
            hi = k
            continue
        return k + 1
    return floor


def clause_end(sentence: str, pos: int) -> int:
    """End of the clause going on at ``pos`` (the first boundary after it, bounded)."""
    for i in range(pos, min(len(sentence), pos + MAX_CLAUSE_LOOKBACK)):
        if sentence[i] in _CLAUSE_BOUNDARY:
            return i
    return min(len(sentence), pos + MAX_CLAUSE_LOOKBACK)


def _after_noun_start(after: str) -> bool:
    """Whether the text right after a figure starts with the counted thing."""
    s = after.lstrip("“‘「")
    s = s[m.end() :] if (m := _UNIT_ALTERNATE_RE.match(s)) else s
    if _AFTER_NAME_DIGITS_RE.match(s):
        return True  # 3千亿级产业, 500强企业
    if not s or not (_CJK_RE.match(s) or s[0].isalpha()):
        return False
    if AFTER_STOP_RE.match(s) or LEAD_RE.match(s) or s.startswith(_STEP_WORDS):
        return False  # 跃上1.4万亿斤新台阶: the step is rhetoric, the name is before it
    m = VERB_RE.match(s)
    return not (m and m.group() not in ("占",))


def _after_noun(after: str) -> tuple[str, int]:
    """The noun right after a count (up to a verb or a list mark) and its length."""
    k = 0
    while k < len(after) and after[k] in "“‘「":
        k += 1
    unit_alt = _UNIT_ALTERNATE_RE.match(after, k)
    if unit_alt:
        # 2.5万套（间）城市危旧房: the unit's alternative is no part of the noun
        noun, end = _after_noun(after[unit_alt.end() :])
        return noun, unit_alt.end() + end
    m = _AFTER_NAME_DIGITS_RE.match(after, k)
    if m:
        k = m.end()
    m = AFTER_STOP_RE.search(after, k + 1)
    end = m.start() if m else len(after)
    at_de = m is not None and m.group() == "的"
    having = _HAVING_RE.match(after, k)
    if having and not at_de:
        # 5家以上具有脑机接口核心技术与产品研发能力的自主创新企业: the clause runs to its 的
        de = after.find("的", k, k + 30)
        if de > 0 and not re.search(r"[，。；、]", after[k:de]):
            at_de, end = True, de
    if at_de and ((end - k <= 8 and _QUALITY_RE.search(after, k, end)) or having):
        # 30个面积较大的农村黑臭水体: the thing counted is the head after 的
        head = AFTER_STOP_RE.search(after, end + 2)
        head_end = head.start() if head else len(after)
        if head_end - end > 2 and _CJK_RE.match(after, end + 1):
            return after[end + 1 : head_end].translate(_QUOTE_TABLE), head_end
    end = _without_trailing_verb(after, k, end)
    return after[:end].translate(_QUOTE_TABLE), end


def _noun_end(text: str) -> int:
    """Where the noun phrase ``text`` opens with ends: at its first verb, adjective or
    adverb after two characters (化工园区|降至…, 城市框架|初步形成); ``len(text)`` if none."""
    k = 0
    for word in _segmenter().cut(text, True):
        if k >= 2 and (VERB_RE.match(text, k) or word in plain_verbs() or word in _state_words()):
            return k
        k += len(word)
    return k


def _without_trailing_verb(text: str, start: int, end: int) -> int:
    """``end`` moved back over a plain verb that ends ``text[start:end]``: 30栋老旧楼房维修
    counts 老旧楼房 (维修 is what is done to them), 污水处理厂 keeps its 处理."""
    words = _segmenter().cut(text[start:end], True)
    last = words[-1] if len(words) > 1 else ""
    if (
        len(last) > 1
        and last in plain_verbs()
        and last not in _NOUN_LIKE_VERBS
        and _is_name(text[start : end - len(last)].translate(_QUOTE_TABLE))
    ):
        return end - len(last)  # but 5家企业入驻 stays: 企业 alone names nothing
    return end


def _best_before_match(table: IndicatorTable, before: str, fig: Figure) -> AliasMatch | None:
    """The alias nearest the figure in ``before`` with nothing but verbs in between.

    A short generic name right after an administrative level (省重点项目, 市级重点项目)
    is a different list: then no alias is returned and the full phrase is used.
    """
    text = strip_noise(before)
    matches = _aliases(table, text, fig)
    if not matches:
        return None
    m = matches[-1]
    if not _gap_is_empty(text[m.end :]):
        return None
    if (
        fig.unit_class == "money"
        and name_class(m.canonical) == "count"
        and _attribute(text[m.end :])
    ):
        return None  # 重点项目完成投资5332亿元: the money invested in them, not the projects
    if _PART_PREFIX_RE.search(text, 0, m.start):
        return None  # 对东盟进出口总额, 国有控股企业产值: a part, not the whole
    if m.start > 0 and _CJK_RE.match(text, m.start - 1):
        lead = clean_name(text[clause_start(text, m.start) : m.start])
        if (
            lead
            and len(lead) <= 6
            and text.endswith(lead, 0, m.start)  # nothing cut between them (提质改造|农村公路)
            and lead not in m.canonical  # 乡镇卫生院 医防融合标准化改造: the table's own
            and _narrowing_nouns(lead)
        ):
            return None  # 医疗旅游人次, 脱贫县农村居民…: a narrower set than the table's
    place = _URBAN_OR_RURAL_RE.search(text, max(0, m.start - 2), m.start)
    if (
        place
        and place.group() not in m.canonical
        and re.search("城乡|城镇|农村|城市|乡村", m.canonical)
    ):
        return None  # 城镇公益性岗位: urban and rural are kept apart from 城乡公益性岗位
    if _SHARE_AFTER_RE.match(text, m.end):
        return None  # 清洁能源装机占比: a share of the known thing, not the thing
    if _SHARE_OF_RE.search(text, 0, m.start):
        return None  # 直接经济损失占国内生产总值比重: the base of a share is not the name
    if _PER_HEAD_BEFORE_RE.search(text, 0, m.start):
        return None  # 每万人拥有5G基站数: a figure per head, not the total of the table's name
    if _NEW_REGISTRATIONS_RE.search(text, 0, m.start):
        return None  # 新登记市场主体 下降3.2%: the year's registrations, not the stock
    if m.alias in ("经济增长", "经济增速") and m.start > 0 and clean_name(text[: m.start]):
        return None  # 数字经济增长, 海洋经济增速: another economy's growth, not GDP's
    if (len(m.alias) <= 4 or fig.unit_class == "count") and LEVEL_PREFIX_RE.search(
        text, 0, m.start
    ):
        # 省级先进制造业集群, 境内上市公司: a count of a narrower set than the table's
        level = LEVEL_PREFIX_RE.search(text, 0, m.start)
        if level and table.canonical(level.group() + m.alias) is None:
            return None
    return m


def _best_before(table: IndicatorTable, before: str, fig: Figure) -> str | None:
    m = _best_before_match(table, before, fig)
    return m.canonical if m else None


def _change_around(raw: str, alias: str | None) -> str:
    """The verb of a clause, not counting verbs inside the name (违法建设, 新增城镇就业
    keeps 新增 only when nothing else is there)."""
    if alias:
        k = raw.rfind(alias)
        if k >= 0:
            return (
                _find_change(raw[k + len(alias) :]) or _find_change(raw[:k]) or _find_change(alias)
            )
    return _find_change(raw)


def _after_alias(table: IndicatorTable, after: str, fig: Figure) -> tuple[str | None, str | None]:
    """(alias at the start of ``after``, a later quoted alias or the last alias in it).

    ``127个重点项目“四证齐发”``: a quoted programme name after the noun names the count.
    """
    first = None
    k = 0
    while k < len(after) and after[k] in "“‘「":
        k += 1
    at = [m for m in table.matches_at(after, k) if compatible(fig, m.canonical)]
    if at:
        first = at[0].canonical
    found = _aliases(table, after, fig)
    later = [m for m in found if m.start > k and after[m.start] in "“‘「"]
    if later:
        return later[-1].canonical, later[-1].canonical
    return first, (found[-1].canonical if found else None)


def _split_items(subject: str, n: int | None = None) -> list[str]:
    """``A、B`` -> items: one character standing for its word gives each item the whole
    word (本外币存、贷款余额 -> 存款余额, 贷款余额); otherwise :func:`_split_list`, with the
    lead the first item shares with the others (国家现代农业产业园、产业集群) and the level
    it opens with (国家级跨境电商综合试验区、服务贸易平台 -> …、国家级服务贸易平台) given to
    every item."""
    ellipsis = _CHAR_ELLIPSIS_RE.fullmatch(subject)
    if (
        ellipsis
        and _lone_last_char(ellipsis["pre"] + ellipsis["a"])
        and all(_one_word(c + ellipsis["rest"][0]) for c in (ellipsis["a"], ellipsis["b"]))
        and _first_word_end(ellipsis["b"] + ellipsis["rest"]) == 2
    ):
        # 本外币存、贷款余额: 存款余额 and 贷款余额; 进、出口总额; 中、小学
        pre, rest = ellipsis["pre"], ellipsis["rest"]
        return [pre + ellipsis["a"] + rest, pre + ellipsis["b"] + rest]
    items = _split_list(subject, n)
    if len(items) < 2:
        return items
    items = _shared_prefix(items)
    level = LEVEL_LEAD_RE.match(items[0])
    if not level or any(LEVEL_ONLY_RE.match(p) for p in items[1:]):
        return items
    return [items[0]] + [level.group() + p for p in items[1:]]


def _shared_prefix(items: list[str]) -> list[str]:
    """国家现代农业产业园、产业集群、产业强镇: the later items open with the word the
    first one's head opens with (产业), so they share what comes before it (国家现代农业)."""
    head = items[1][:2]
    k = items[0].rfind(head)
    if k < 2 or k not in word_bounds(items[0]) or not all(p.startswith(head) for p in items[1:]):
        return items
    if head in _dict_words("ns") or any(
        m.start == 0 for m in default_gazetteer().mentions(items[1])
    ):
        return items  # 四川天府新区成都直管区、成都高新区: places, each its own
    return [items[0]] + [items[0][:k] + p for p in items[1:]]


_CHAR_ELLIPSIS_RE = re.compile(
    r"(?P<pre>[^、，]*?)(?P<a>[\u4e00-\u9fff])、(?P<b>[\u4e00-\u9fff])(?P<rest>[\u4e00-\u9fff]{1,10})"
)


def _one_word(text: str) -> bool:
    """Whether the segmenter reads ``text`` as one word (存款, 出口, 小学)."""
    return word_bounds(text) == frozenset({0, len(text)})


def _first_word_end(text: str) -> int:
    return min(b for b in word_bounds(text) if b > 0)


def _lone_last_char(text: str) -> bool:
    """Whether the last character of ``text`` is a word of its own (存 in 本外币存)."""
    return len(text) == 1 or (len(text) - 1) in word_bounds(text)


def _split_list(subject: str, n: int | None = None) -> list[str]:
    """``A、B`` or ``A和B`` -> items, sharing a tail when the first items are short.

    ``在职、退休职工年度最高支付限额`` -> 在职职工…, 退休职工…;
    ``战略性新兴产业增加值、数字经济核心产业增加值占地区生产总值比重`` -> both 占…比重.
    With ``n`` (the number of figures to pair), a list split on ``、`` alone that gives
    ``n`` items wins: 蔬菜及食用菌、中草药材、园林水果产量 has three items, not four.
    """
    items = [p for p in _ITEM_SPLIT_RE.split(subject) if p]
    if n is not None and len(items) != n:
        by_comma = [p for p in subject.split("、") if p]
        if len(by_comma) == n:
            items = by_comma
    if len(items) < 2:
        return items
    kind = _ETC_KIND_RE.fullmatch(items[-1])
    if kind and not any("等" in p for p in items[:-1]):
        # 电子信息、装备制造、特色消费品等产业集群: each item is one of that kind
        return [p + kind["kind"] for p in [*items[:-1], kind["last"]]]
    head_measure = measure_of(items[0]) or (
        m.group() if (m := _COUNT_MEASURE_RE.search(items[0])) else ""
    )
    if head_measure and all(_BARE_MEASURE_RE.fullmatch(p) for p in items[1:]):
        # 生产安全事故起数、死亡人数: the later measures are of the first item's entity
        entity = items[0][: -len(head_measure)]
        if len(entity) >= 2 and len(entity) in word_bounds(items[0]):
            # (营业总收入、利润总额: 营业总 is no entity, 总收入 is one word)
            return [items[0]] + [entity + p for p in items[1:]]
    last = items[-1]
    if (
        "占" in last
        and all("占" not in p for p in items[:-1])
        and all(_STAT_NOUN_RE.search(p) for p in items[:-1])
    ):
        # 新兴产业增加值、数字经济增加值占GDP比重: both are shares; 因灾死亡人数、直接经济
        # 损失占GDP比重: only the amount of money is
        tail = last[last.index("占") :]
        return [p + tail for p in items[:-1]] + [last]
    short = max(len(p) for p in items[:-1])
    # the head of the last item is the word(s) parallel to the first item: 城镇、农村居民…
    # (农村), 制造业、普惠小微贷款余额 (普惠小微), 地表水、近岸海域水质… (近岸海域)
    cut = min((b for b in _fine_bounds(last) if len(items[0]) <= b < len(last)), default=0)
    if short <= 3 and len(last) > short + 1 and 0 < cut <= len(items[0]) + 2:
        head = last[:cut]
        tail = last[len(head) :]
        return [p + tail for p in items[:-1]] + [last]
    per_head = last.find("人均")
    if (
        per_head >= 2
        and len(items) == 2
        and len(items[0]) <= 6
        and all("人均" not in p for p in items[:-1])
        and not any(_SAYS_A_MEASURE_RE.search(p) or _MEASURE_TAIL_RE.search(p) for p in items[:-1])
    ):
        # 居民医保和基本公共卫生服务经费人均财政补助标准: each item's per-head standard
        return [p + last[per_head:] for p in items[:-1]] + [last]
    tail_word = _MEASURE_TAIL_RE.search(items[-1])
    if (
        tail_word
        and not any(_MEASURE_TAIL_RE.search(p) or _SAYS_A_MEASURE_RE.search(p) for p in items[:-1])
        and not any(p.endswith("贸易") for p in items[:-1])  # 货物贸易、对外投资: two flows
    ):
        # 经济作物中蔬菜及食用菌、中草药材、园林水果产量: each item takes the shared measure
        tail = tail_word.group()
        items = [p + tail for p in items[:-1]] + [items[-1]]
        return [re.sub(r"^[^、]{1,8}?中(?=[\u4e00-\u9fff]{2})", "", p) for p in items]
    tokens = _segmenter().cut(last, True)
    rate = tokens[-1]
    if rate == "率" and len(tokens) >= 2:
        rate = tokens[-2] + rate  # 通达|率: the rate is 通达率
    if (
        len(rate) >= 2
        and rate.endswith("率")
        and rate != last
        and not any(_SAYS_A_MEASURE_RE.search(p) for p in items[:-1])
    ):
        # 农村自来水、卫生户厕普及率: both are rates (城市污水、生活垃圾无害化处理率 too)
        return [p + rate for p in items[:-1]] + [last]
    return items


# Heads too bare to name a figure without the words before them.
_BARE_HEADS = frozenset(
    {"国家", "城市", "地区", "县", "村", "人", "人数", "数量", "比例", "比率", "比重"}
)
_OF_WHOLE_RE = re.compile(
    r"^(?P<part>[^，。；、]{2,16}?)(?:达到|达|占|相当于)(?P<whole>[^，。；、的]{2,16})的$"
)
_INVESTMENT_ONLY_RE = re.compile(r"(?:累计|共|全年|年内)?(?:完成|实现)?(?:总)?投资")
_PROJECT_TAIL_RE = re.compile(r"(?:建设|工作|工程建设)$")
_KIND_NOUN_RE = re.compile(r"(?:多|余)?(?:国家和地区|国家|地区|省份|省区市|城市|市（州）)")
_DIGIT_RE = re.compile(r"[\d一二三四五六七八九十百千万]")
_BENEFIT_RE = re.compile(r"惠及(?:近|超过|超|约|逾)?$")
_PEOPLE_AFTER_RE = re.compile(r"(?:多|余)?(?:名)?(" + "|".join(PEOPLE_NOUNS) + ")")
_PROGRAM_TAIL_RE = re.compile(r"(?:政策|制度|工作)$")
_GROWTH_SPREAD_RE = re.compile(r"增长面(达到|达|为)?[，,]?$")
_NEW_REGISTRATIONS_RE = re.compile(r"新(?:登记注册|登记|注册|设立)$")
# A level or a place in front of a known name that makes it a narrower set.
_QUALIFIED_RE = re.compile(r"(?:国家级|国家|省级|省|市级|县级|中央级|境内|境外)(?:重点)?")
# 高于规模以上工业增加值增速16.4个…: a gap to a base, said after the list it belongs to
_GAP_LEAD_RE = re.compile(r"^(?:分别|均)?(高于|低于|快于|慢于)[^，。；、]{2,24}$")
_TOTAL_RE = re.compile(r"合计|共计|总计|加总")
# right after a count: a short attribute and its threshold (海拔1500米以上, 面积500亩以上)
_THRESHOLD_ATTRIBUTE_RE = re.compile(
    r"[\u4e00-\u9fff]{1,4}\d+(?:\.\d+)?[万亿千百]?[^\d，。；、的\s]{1,4}?(?:及)?以[上下](?=[\u4e00-\u9fff])"
)
# 人民币存款、贷款余额连跨4个万亿元台阶、双双突破9万亿元: the steps are no subject
_RHETORIC_TAIL_RE = re.compile(r"(?:连跨|跨上|跨过|迈上)[^，。；]*?(?:台阶|大关)[、，]?$")
_EACH_RE = re.compile(
    r"(?:均|双双|都|各)(?:要|将)?(?:为|达到|达|增长|提高|提升|下降|降低|减少|超过|突破|保持|实现|居|在"
    r"|控制在)?$"
    r"|(?:均|双双)(?=[为达增提下超突保实居])"
)
_THREE_SECTORS_RE = re.compile(
    r"^(?:三次产业|一二三产业?|一、二、三产业?|第一、二、三产业|一产、二产、三产)"
)  # at the start of a subject; .search finds it inside a clause
_WHOLE_SHARE_RE = re.compile(r"占[^，。；]{2,20}(?:比重|比例|份额)$")
_COUNT_MEASURE_RE = re.compile(r"(起数|人数|次数|户数|件数|死亡人数|受伤人数)$")
_BARE_MEASURE_RE = re.compile(
    r"(?:起数|人数|死亡人数|受伤人数|直接经济损失|产量|产值|增加值|面积|收入|利润|利润总额|营业收入"
    r"|零售额|销售额|投资|余额|支出)"
)
_MEASURE_TAIL_RE = re.compile(
    r"(产量|产值|增加值|零售额|销售额|收入|支出|投资|面积|总额|价格|人数|比重|占比|余额|数量"
    r"|规模|起数|标准|排放量|排放)$"
)
# An item that already ends in a measure takes no shared one (单位国内生产总值能耗和二氧化碳排放)
_SAYS_A_MEASURE_RE = re.compile(r"(?:耗|率|量|额|值|数|度|价|比|指数)$")
_BARE_MEASURE_END_RE = re.compile("(?:" + _BARE_MEASURE_RE.pattern + ")$")


def _shared_tail_items(subject: str) -> list[str]:
    """``高新技术企业和科技型中小企业数量`` -> both items with the shared tail ``数量``."""
    items = [p for p in _ITEM_SPLIT_RE.split(subject) if p]
    if len(items) < 2:
        return items
    for tail in (
        "数量", "总量", "规模", "总额", "占比", "比重", "起数", "人数", "次数", "产量", "增加值",
        "零售额", "营业收入",
    ):  # fmt: skip
        if items[-1].endswith(tail) and not any(p.endswith(tail) for p in items[:-1]):
            return [p + tail for p in items[:-1]] + [items[-1]]
    return items


def _resolve(table: IndicatorTable, raw: str, fig: Figure, change: str) -> str | None:
    """Canonical or cleaned name for a raw phrase, or ``None`` when it names nothing."""
    best = _best_before(table, raw, fig)
    if best:
        return best
    name = clean_name(raw)
    if not _is_name(name):
        return None
    found = lookup(table, name, fig, change)
    if found:
        return found
    inner = _aliases(table, name, fig)
    if inner and inner[-1].end == len(name):
        m = inner[-1]
        prefix = name[: m.start]
        # 全省地区生产总值 is 地区生产总值; 整车出口 is not 出口, 轻工业增加值 not 工业增加值:
        # only a scope or a time in front of a known name is dropped
        if (
            not (len(m.alias) <= 4 and LEVEL_PREFIX_RE.search(name, 0, m.start))
            and m.start in word_bounds(name)
            and not clean_name(prefix)
        ):
            return m.canonical
    return name


_EDITION_RE = re.compile(r"^(?:首届|第[\d一二三四五六七八九十]+届)")


# A measure word a known indicator implies already: 高新技术企业数 is 高新技术企业 (a
# count), 城镇调查失业率平均值 is the rate (a surveyed rate is an average), 粮食年产量 is
# 粮食产量 (output is yearly).
_IMPLIED_MEASURE_RE = re.compile(r"(?:总数|个数|数量|数|平均值|均值)$")


def _with_implied_measure(table: IndicatorTable, name: str, fig: Figure) -> str:
    """``name``, or the table's indicator it names with a measure word that indicator
    implies (see :data:`_IMPLIED_MEASURE_RE`) when the figure's unit fits it."""
    if name in table or table.canonical(name):
        return name
    for cand in (_IMPLIED_MEASURE_RE.sub("", name), name.replace("年产量", "产量")):
        canonical = table.canonical(cand) if cand != name and len(cand) >= 2 else None
        if canonical and compatible(fig, canonical):
            return canonical
    return name


def predicated(noun: str, tail: str) -> str | None:
    """``政务服务事项`` + ``实现通办`` -> ``实现通办的政务服务事项``: the things counted,
    narrowed by the predicate that closes their clause; an award or list that names the
    kind itself stands alone (``案例`` + ``入选中国改革年度案例`` -> ``中国改革年度案例``).
    None when ``tail`` is no such predicate."""
    m = _MEMBERSHIP_RE.match(tail.translate(_QUOTE_TABLE).strip())
    if not m or _FIGURE_IN_RE.search(m["what"]):
        return None
    if not (_is_name(noun) or (len(noun) == 1 and noun in _ONE_CHARACTER_PLACES)):
        return None
    what = m["what"]
    if "并" in what or what[-1] in _LOOSE_END_WORDS or what in noun:
        return None  # two predicates, a clause cut at a figure (排名前1%), or said already
    if m["verb"] in ("入选", "获评") and what.endswith(noun[-2:]):
        return _BATCH_RE.sub("", what)
    return m["verb"] + what + "的" + noun


def _enlisted(table: IndicatorTable, noun: str, rest: str) -> str | None:
    """``14家企业入选全省…试点`` -> ``省…试点企业`` (a generic noun named by its programme)."""
    m = ENLIST_RE.search(rest)
    if not m:
        return None
    what = re.sub(
        r"^全(省|市|国)", lambda g: "国家" if g.group(1) == "国" else g.group(1), m["what"]
    )
    what = _EDITION_RE.sub("", what.translate(_QUOTE_TABLE).rstrip("，。,")).removesuffix("名单")
    if m["verb"] in ("荣获", "获得"):
        what += "获奖"  # 4个单位荣获首届“中国节水奖” -> 中国节水奖获奖单位
    name = what + noun
    return table.canonical(name) or name


@dataclass(slots=True)
class NamingContext:
    """What one ；-sentence passes to the next one of the same 。-sentence, and
    ``last_name`` what a sentence passes to the next one of its paragraph."""

    entity: str = ""
    entity_unit: str = ""  # the unit class of the figure the entity was named for
    counted: str = ""  # the last things counted (科技计划项目 88项): what 资金 after ； is of
    bulletin: bool = False  # a statistical bulletin: a product and its tonnage is output
    paragraph: str = ""  # the paragraph's text: what a list of 类 is sales or prices of
    last_name: str = ""  # the last name given in the paragraph

    def next_sentence(self) -> NamingContext:
        """The context of the paragraph's next 。-sentence."""
        return NamingContext(
            last_name=self.last_name, bulletin=self.bulletin, paragraph=self.paragraph
        )


class _SentenceNamer:
    """Names the figures of one sentence, left to right, remembering the last subject."""

    def __init__(
        self,
        sentence: str,
        figures: list[Figure],
        table: IndicatorTable,
        context: NamingContext | None = None,
    ) -> None:
        self.s = sentence
        self.figs = figures
        self.table = table
        self.context = context if context is not None else NamingContext()
        self.out: list[Named] = []
        self.last_subject: str | None = None
        self.last_change = ""
        self.count_subjects: list[str] = []
        self.list_subjects: list[str] = []
        self.package_topic = ""
        self.handled: set[int] = set()

    # -- helpers -------------------------------------------------------------

    def before(self, i: int) -> tuple[str, int]:
        """Text of the clause before figure ``i``, after any earlier figure and its noun."""
        fig = self.figs[i]
        lo = clause_start(self.s, fig.start)
        if i > 0:
            lo = max(lo, min(self.figs[i - 1].end, fig.start))
        for named in reversed(self.out):
            if named.figure.start < fig.start:
                lo = max(lo, min(named.consumed, fig.start))
                break
        return self.s[lo : fig.start], lo

    def after(self, i: int) -> str:
        fig = self.figs[i]
        unit_alt = _UNIT_ALTERNATE_RE.match(self.s, fig.end)  # 2.5万套（间）城市危旧房
        hi = clause_end(self.s, unit_alt.end() if unit_alt else fig.end)
        if i + 1 < len(self.figs):
            hi = min(hi, self.figs[i + 1].start)
        return self.s[fig.end : hi]

    def change_for(self, i: int, raw: str, after: str) -> str:
        """The verb of figure ``i``: in its clause, else shared with a list it continues
        (``改造农村公路2150公里、清洁取暖4000户``), else right after it (``以5%速度增长``)."""
        m = _best_before_match(self.table, raw, self.figs[i])
        bare = TIME_RE.sub("", raw)
        if m is not None:
            change = _change_around(bare, m.alias)
        else:
            # a name of the document's own words: its verbs are not the figure's
            # (投资对经济增长的贡献率为40%: no 增长)
            own = clean_name(raw)
            k = bare.rfind(own) if len(own) >= 2 else -1
            if k < 0:
                change = _find_change(bare)
            else:
                # only a verb the name opens or ends with (新建铁路投产里程, 经济增长) can be
                # the figure's
                last = max((b for b in word_bounds(own) if b < len(own)), default=0)
                change = (
                    _find_change(bare[k + len(own) :])
                    or _find_change(bare[:k])
                    or _find_change(own[last:])
                    or _find_change(own[: word_end(own)])
                )
        if change:
            return change
        rate_word = _RATE_OF_CHANGE_RE.search(bare)
        if rate_word:
            return _RATE_OF_CHANGE[rate_word.group(1)]  # 居民消费价格涨幅3%左右: a rise
        continues = raw.lstrip().startswith(("、", "和", "及")) or (i > 0 and raw in ("", "的"))
        if continues and self.last_change:
            return self.last_change
        m2 = _CHANGE_AFTER_RE.match(after)
        if m2:
            return m2.group(1)
        return ""

    def covering_alias(self, fig: Figure) -> AliasMatch | None:
        """An alias that contains the figure itself (``百万辆汽车产业城``, ``百项创新举措``)."""
        for k in range(max(0, fig.start - 12), fig.num_start + 1):
            for m in self.table.matches_at(self.s, k):
                if m.start <= fig.num_start and m.end >= fig.end:
                    return m
        return None

    def classifier_noun(self, fig: Figure, name: str, after: str) -> tuple[str, int] | None:
        """``棚户区改造20条配套道路``: the measure word (条) goes with the noun after the
        figure (道路), not with the name before it (棚户区 is counted in 户, 套): the thing
        counted is the noun after."""
        kinds = _CLASSIFIER_KINDS.get(fig.unit)
        if kinds is None or fig.unit_class != "count" or kinds.search(name):
            return None
        noun, n = _after_noun(after)
        noun = clean_name(noun)
        if not _is_name(noun) or not kinds.search(noun):
            return None
        return noun, fig.end + n

    def _narrowed(self, fig: Figure, name: str, consumed: int) -> str:
        """``name``, the things a count counts, narrowed by what its clause says they did
        (see :func:`predicated`): said after the noun read after the figure, or right
        after the figure when the noun is carried (31个工业行业大类中有18个实现正增长)."""
        if consumed == fig.end and not re.search(r"中有|其中$", self.s[: fig.start]):
            return name
        narrowed = predicated(name, self.s[consumed : clause_end(self.s, consumed)])
        if narrowed:
            return narrowed
        # the noun read after the figure ran on into its predicate (16个国家签署…备忘录)
        for m in _MEMBERSHIP_VERB_RE.finditer(name):
            noun = name[: m.start()]
            # a one-character place (8个市下放…) is a word whatever the segmenter says
            if (len(noun) == 1 and noun in _ONE_CHARACTER_PLACES) or (
                len(noun) >= 2 and m.start() in word_bounds(name)
            ):
                return predicated(noun, name[m.start() :]) or name
        return name

    def part_of_previous(self, name: str, fig: Figure) -> str:
        """``企业职工基本养老保险参保105.55万人，参保在职职工81.33万人``: a name opening with
        a word of the previous figure's name is a part of it, under the same head
        (企业职工基本养老保险参保在职职工人数)."""
        last = self.out[-1] if self.out else None
        if last is None or name in self.table or last.figure.unit != fig.unit:
            return name
        if not fig.unit.endswith(("人", "人次")):
            return name  # the people of a programme (参保, 享受): not any list of things
        words = _segmenter().cut(name, True)
        first = words[0] if words else ""
        if _one_word_tag(first) not in ("v", "vn"):
            return name
        at = last.indicator.find(first) if len(first) >= 2 else -1
        if at <= 0 or len(words) < 2 or last.indicator.startswith(name):
            return name
        head = last.indicator[:at]
        if len(head) < 2 or head in name or not _is_name(head):
            return name
        tail_word = _segmenter().cut(head, True)[-1]
        if _one_word_tag(tail_word) not in ("n", "nz", "vn", "j", "l"):
            return name  # 失业人员再|就业: the head ends in an adverb, not a programme
        return head + name

    def antecedent(self, name: str, upto: int) -> str | None:
        """``园区总产值`` after ``推动省级经济园区…`` -> ``省级经济园区总产值``."""
        head = next((h for h in _ANAPHOR_HEADS if name.startswith(h)), None)
        if head is None:
            return None
        rest = name[len(head) :]
        best = None
        for m in _PARK_RE.finditer(self.s, 0, upto):
            prefix = _DETERMINERS_RE.sub("", clean_name(m.group(1)) if len(m.group(1)) > 1 else "")
            if len(prefix) >= 2:
                best = prefix + m.group(2)
        if best is None:
            return None
        base = self.table.canonical(best) or best
        for cand in (best + rest, base + rest):
            canonical = self.table.canonical(cand)
            if canonical:
                return canonical
        return best + rest

    def emit(
        self,
        fig: Figure,
        name: str,
        change: str,
        consumed: int | None = None,
        qualifier: str | None = None,
        *,
        subject: bool = True,
        confidence: float = 1.0,
    ) -> None:
        if len(name) > 6:
            name = _INNER_SCOPE_RE.sub("", name)  # 评估我省全国排名: the scope is the document's
        name = self.part_of_previous(name, fig)
        if self.context.bulletin and _is_output(name, fig, self.table):
            name += "产量"  # 全年全州集成电路23787.46万块: a bulletin's output of a product
        if fig.unit == "%" and self.s.startswith("覆盖", fig.end) and not name.endswith("率"):
            name += "覆盖率"  # 乡镇社会工作服务站（点）100%覆盖: the coverage is the figure
            consumed = max(consumed or 0, fig.end + 2)
        if name.endswith("排名"):
            # 农产品产量居全国全国排名, 出口额保持西部排名: the verb is the rank's, not the name's
            name = _RANK_VERB_RE.sub(lambda m: (m["added"] or m["said"] or "") + "排名", name)
        if fig.unit not in ("项", "个", "件", "条"):
            name = _TASK_TAIL_RE.sub("", name)  # 完成65万批次食品抽检任务: the checks
        bare = _DANGLING_TAIL_RE.sub("", name)
        if bare != name and _is_name(bare) and not VERB_RE.fullmatch(bare):
            name = bare  # 中欧班列开行超2000列, 5G基站累计达17万座: the verb is the figure's
        spent = _MONEY_KIND_AFTER_RE.match(self.s, fig.end) if fig.unit_class == "money" else None
        if spent and not name.endswith(spent["kind"]):
            name += spent["kind"]  # 66个重点项目54亿元的投资计划: the projects' investment
            consumed = max(consumed or 0, spent.end())
        name = _OFFICIAL_NAMES.get(name, name)
        if fig.unit_class in ("money", "percent") and name in ("年度计划", "计划"):
            # 重大项目…，年度计划完成2241.3亿元: the projects' investment planned for the year
            owner = self.entity_of(self.last_subject) if self.last_subject else ""
            name = owner + "年度计划投资"
        name = self._with_measure_word(fig, name)
        purpose = _PURPOSE_AFTER_RE.match(self.s, fig.end) if fig.unit_class == "money" else None
        if purpose and (_PAYER_RE.fullmatch(name) or name.startswith(("用于", "支持"))):
            # 省财政新增210亿元支持老区苏区振兴发展: the money is named by what it is for,
            # not by who pays it (or by the verb after it)
            what = clean_name(purpose["what"])
            if _is_name(what):
                name = what + (name if _PAYER_RE.fullmatch(name) else "") + "资金"
        if fig.unit_class == "power" and _ENERGY_KIND_RE.fullmatch(name):
            # 新能源投产1000万千瓦, 新投产海上风电549万千瓦: the capacity installed
            base = "光伏" if name == "光伏发电" else name
            name = lookup(self.table, base + "装机容量", fig) or base + "装机容量"
        if fig.unit_class == "money" and _TRADE_ACT_RE.search(name) and len(name) > 2:
            # 商品零售7651.9亿元: the amount of the sales, 商品零售额
            name = self.table.canonical(name + "额") or name + "额"
        name = _with_implied_measure(self.table, name, fig)
        self.out.append(
            Named(
                fig,
                name,
                change,
                fig.qualifier if qualifier is None else qualifier,
                fig.end if consumed is None else consumed,
                confidence=confidence,
            )
        )
        self.last_change = change or self.last_change
        self.context.entity = _without_attribute(name)
        self.context.entity_unit = fig.unit_class
        if _counts_things(fig, name):
            self.context.counted = name
        self.context.last_name = name
        if subject:
            self.last_subject = name
            if fig.unit_class == "count":
                self.count_subjects.append(name)

    # -- forms -----------------------------------------------------------------

    def run(self) -> list[Named]:
        for i, fig in enumerate(self.figs):
            if i in self.handled:
                continue
            if fig.form == "comparison":
                self.comparison(i)
            elif fig.form == "rank":
                self.rank(i)
            elif fig.form == "scale":
                self.scale(i)
            elif fig.form == "multiple":
                self.multiple(i)
            elif self.gaps_of_list(i):
                continue
            elif "分别" in self.before(i)[0]:
                self.respectively(i)
            else:
                self.number(i)
        self.fallbacks()
        return sorted(self.out, key=lambda n: n.figure.num_start)

    def gaps_of_list(self, i: int) -> bool:
        """``A、B分别增长21.4%、6.3%，高于C增速16.4个、1.3个百分点``: the gaps belong to the
        items listed before (A, B), not to the base they are compared with (C)."""
        fig = self.figs[i]
        if fig.unit_class != "points" or len(self.list_subjects) < 2:
            return False
        # not strip_noise: it drops 高于…增速 as a comparison base, the very words looked for
        m = _GAP_LEAD_RE.match(_PAREN_RE.sub("", self.before(i)[0]).strip("，、 "))
        if not m:
            return False
        run = [i]
        while len(run) < len(self.list_subjects) and run[-1] + 1 < len(self.figs):
            nxt = self.figs[run[-1] + 1]
            gap = self.s[self.figs[run[-1]].end : nxt.start].strip()
            if gap not in ("、", "和", "及") or nxt.unit_class != "points":
                break
            run.append(run[-1] + 1)
        if len(run) != len(self.list_subjects):
            return False
        for k, subject in zip(run, self.list_subjects, strict=True):
            self.handled.add(k)
            self.emit(self.figs[k], subject, m.group(1))
        return True

    def fallbacks(self) -> None:
        """Figures the rules could not name still count: named from the words around
        them, with a low confidence, so that they are kept but not shown by default."""
        named = {id(n.figure) for n in self.out}
        for i, fig in enumerate(self.figs):
            if id(fig) in named or fig.form == "comparison":
                continue
            raw, _ = self.before(i)
            name = _without_tail_verb(_loose_name(raw))
            if not name and fig.unit_class in _COUNTISH:
                noun, _n = _after_noun(self.after(i))
                name = _loose_name(noun)
            if not name:
                name = self.last_subject or ""
            if not name:
                continue
            self.out.append(
                Named(fig, name, _find_change(raw), fig.qualifier, fig.end, confidence=LOW)
            )

    def comparison(self, i: int) -> None:
        fig = self.figs[i]
        raw, _ = self.before(i)
        if _VAGUE_SUBJECT_RE.search(raw):
            return
        name = _best_before(self.table, raw, fig)
        if name is None and not clean_name(raw).strip("、，, ") and self.last_subject:
            # 增长5.3%，超过全国平均水平: the figure just named is what is compared
            self.emit(fig, self.last_subject, "增长", subject=False)
            return
        each = _EACH_RE.search(raw)
        if name is None and each:
            # 城乡低保标准均超过全国平均水平, A、B增速均高于…: each of them is compared
            items = [clean_name(p) for p in _split_items(clean_name(raw[: each.start()]))]
            if len(items) == 1 and items[0].startswith(_URBAN_RURAL):
                items = ["城镇" + items[0][2:], "农村" + items[0][2:]]
            if len(items) > 1 and all(_is_name(p) and _STAT_NOUN_RE.search(p) for p in items):
                for item in items:
                    self.emit(fig, lookup(self.table, item, fig) or item, "增长", subject=False)
                return
        if name is None:
            cleaned = clean_name(raw)
            if not (_is_name(cleaned) and _STAT_NOUN_RE.search(cleaned)):
                return
            name = lookup(self.table, cleaned, fig) or cleaned
        self.emit(fig, name, "增长")

    def rank(self, i: int) -> None:
        fig = self.figs[i]
        raw, _ = self.before(i)
        after = self.after(i)
        scope = fig.scope
        change = _find_change(raw)
        if not scope and fig.form == "rank":
            # 从全国第13位升至第5位: the later rank has the scope of the earlier
            clause = self.s[clause_start(self.s, fig.start) : fig.start]
            earlier = re.search(r"[从由](全(?:国|省|市|区|县))第", clause)
            scope = earlier.group(1) if earlier else ""
        if "分别" in raw and self.ranks_listed(i, scope, change):
            return
        subject = ""
        if after.startswith("的"):
            noun, _n = _after_noun(after[1:])
            subject = clean_name(noun)
        if not subject:
            text = raw
            if scope and text.endswith(scope):
                text = text[: -len(scope)]
            text = _strip_tail(TIME_RE.sub("", text).strip(), _RANK_CLEAN_RE)
            own = re.sub(r"[从由]全(?:国|省|市|区|县)第[^，。；]*", "", text)
            if scope and scope in own and not own.endswith(scope):
                scope = ""  # 全国消费者满意度测评: the scope is already in the name
            alias = _best_before(self.table, raw, fig)
            if alias:
                self.emit(fig, alias, change, subject=False)
                return
            # 位居全省高质量发展综合绩效考核第2位: a leading scope stays in the name
            lead = re.sub(r"^(我市|本市|我省|本省|该市|该县|我区|我县)", "", text)
            lead = re.sub(
                r"^(连续[^，。；]{1,3}年)?(位居|跃居|位列|排名|排在|稳居|居于|居|列|排)", "", lead
            )
            subject = clean_name(text)
            m_scope = re.match(r"全(国|省|市|区|县)", lead)
            if m_scope and not subject.startswith(m_scope.group()):
                subject = m_scope.group() + subject
        if not _is_name(subject) and self.last_subject:
            # 进出口总额突破万亿元、增速居全国第5位: the rank is of the previous subject
            last = self.out[-1] if self.out else None
            grew = (
                last is not None
                and last.figure.unit_class == "percent"
                and last.change in ("增长", "提高", "下降", "增加")
                and self.s[last.figure.end : fig.start].count("，") <= 1
                and not re.search(r"总量|规模", raw)
            )  # 收入增长5.5%，居全国第五: the rank of that growth (总量居…: of the level)
            growth = "增速" if grew or re.search(r"增速|增幅|增长", raw) else ""
            # 一般公共预算收入增速全国排名: the whole name of what grew, then 增速
            subject = self.last_subject + growth
            scope = scope or (re.search(r"全(国|省|市|区|县)", raw) or re.match("", "")).group()
        if _BARE_RANKED_RE.fullmatch(subject) and self.last_subject:
            # 外商直接投资累计达到149.6亿美元、总规模居中西部第1位: the investment's total
            subject = self.last_subject + subject
        if not _is_name(subject):
            return
        if "均" in raw and self.ranks_each(fig, raw[: raw.rfind("均")], scope, change):
            return
        if re.search(
            r"(?:增速|增幅)(?:均)?(?:位居|跃居|稳居|居|位列|排名|排在|保持)", raw
        ) and not (subject.endswith(("增速", "增幅"))):
            subject += "增速"  # 税收收入增速居全国第二: the rank of the growth, not the level
        for cand in (subject, subject + scope + "排名", subject + "排名"):
            canonical = self.table.canonical(cand)
            if canonical is not None and name_class(canonical) == "rank":
                self.emit(fig, canonical, change, subject=False)
                return
        self.emit(fig, subject + scope + "排名", change, subject=False)

    def ranks_listed(self, i: int, scope: str, change: str) -> bool:
        """``一产、二产、三产增加值分别增长6%、5.2%、5.2%，分别居全国第二、第七、第九``:
        the ranks pair with the subjects just listed (of their growth, after growth)."""
        run = [i]
        while run[-1] + 1 < len(self.figs) and self.figs[run[-1] + 1].form == "rank":
            gap = self.s[self.figs[run[-1]].end : self.figs[run[-1] + 1].start]
            if gap not in ("、", "和"):
                break
            run.append(run[-1] + 1)
        subjects = self.list_subjects
        if len(run) < 2 or len(run) != len(subjects):
            return False
        # the figures the list named last: their names as emitted (canonical), and whether
        # they were growth rates (then the ranks are of the growth)
        recent = [n for n in self.out if n.figure.form != "rank"][-len(subjects) :]
        named = len(recent) == len(subjects)
        if named:
            subjects = [n.indicator for n in recent]
        growth = "增速" if recent and recent[-1].figure.unit_class == "percent" else ""
        for k, subject in zip(run, subjects, strict=True):
            self.handled.add(k)
            if named:
                name = subject + growth
            else:
                name = self.entity_of(subject) + growth if growth else subject
            self.emit(self.figs[k], name + scope + "排名", change, subject=False)
        return True

    def ranks_each(self, fig: Figure, subject: str, scope: str, change: str) -> bool:
        """市场环境、创新环境…均居全国前三; 总量和增速均居全国第5位: a rank for each item."""
        items = [p for p in _split_items(strip_noise(subject).strip("，、 ")) if p]
        if len(items) < 2:
            return False
        rate = re.search(r"(增速|增幅)$", items[-1])
        if rate and not any(
            p.endswith(("增速", "增幅")) or p in ("总量", "规模") for p in items[:-1]
        ):
            # 房地产开发投资、商品房销售面积增速均居全国第4位: both are ranks of growth
            items = [p + rate.group() for p in items[:-1]] + [items[-1]]
        base = self.entity_of(self.last_subject) if self.last_subject else ""
        names = []
        for item in items:
            if item in ("总量", "增速", "增幅", "规模") and base:
                item = base + ("" if item == "总量" else "增速")
            if not _is_name(item):
                return False
            names.append(item)
        for name in names:
            self.emit(fig, name + scope + "排名", change, subject=False)
        return True

    def scale(self, i: int) -> None:
        fig = self.figs[i]
        raw, _ = self.before(i)
        after = self.after(i)
        head_m = re.match(r"[^，。；、“”]{0,12}?(集群|产业规模|基地)", after)
        head = after[: head_m.end()] if head_m else ""
        consumed = fig.end + len(head)
        change = self.change_for(i, raw, "")
        covering = self.covering_alias(fig)
        if covering is not None and consumed - 1 <= covering.end <= consumed + 1:
            self.emit(fig, covering.canonical, change, consumed, subject=False)
            return
        # 洁净能源、生命健康、智能制造等百亿级产业集群: one record per item
        core = head.removeprefix("特色")
        if raw.endswith("等") and "、" in raw:
            items = [clean_name(p) for p in re.split(r"[、和]", raw[:-1])]
            items = [p for p in items if _is_name(p)]
            if len(items) >= 2:
                for item in items:
                    name = item + core
                    canonical = self.table.canonical(name) or self.table.canonical(name + "规模")
                    self.emit(fig, canonical or name + "规模", change, consumed, subject=False)
                return
        first, _any = _after_alias(self.table, head, fig)
        if first is None:
            first = self.table.canonical(head.translate(_QUOTE_TABLE))
        if first is not None:
            self.emit(fig, first, change, consumed, subject=False)
            return
        alias = _best_before(self.table, raw, fig)
        if alias is None:
            before_name = clean_name(raw)
            if _is_name(before_name):
                for cand in (before_name + core, before_name):
                    alias = self.table.canonical(cand)
                    if alias:
                        break
                else:
                    alias = before_name + core + ("" if core.endswith("规模") else "规模")
        if alias is None and _is_name(core):
            alias = core + ("" if core.endswith("规模") else "规模")
        if alias:
            self.emit(fig, alias, change, consumed, subject=False)

    def multiple(self, i: int) -> None:
        fig = self.figs[i]
        raw, _ = self.before(i)
        text = re.sub(r"(实现|力争|确保|将|基本|要|可|能)$", "", raw)
        change = "倍增" if fig.value_text == "倍增" else "翻番"
        cleaned = clean_name(text)
        items = [clean_name(p) for p in _shared_tail_items(cleaned)]
        if len(items) >= 2 and all(_is_name(p) for p in items):
            # 经济总量和城乡居民人均收入…翻一番: each doubles
            for p in items:
                self.emit(fig, _resolve(self.table, p, fig, change) or p, change)
            return
        name = _resolve(self.table, text, fig, change)
        if name is None and self.last_subject:
            name = self.last_subject
        if name:
            self.emit(fig, name, change)

    def respectively(self, i: int) -> None:
        """``A、B分别V x、y``: pair the listed subjects with the listed figures."""
        raw, _lo = self.before(i)
        head, _, verb_part = raw.partition("分别")
        run = [i]
        j = i
        while j + 1 < len(self.figs):
            gap = self.s[self.figs[j].end : self.figs[j + 1].start]
            if re.fullmatch(r"[、和及与]", gap) and self.figs[j + 1].form == "number":
                run.append(j + 1)
                j += 1
            else:
                break
        figs = [self.figs[k] for k in run]
        change = _find_change(verb_part) or _find_change(head)
        if head.endswith(("年均", "平均")) and change and not change.startswith("年均"):
            change = head[-2:] + change  # 城乡居民人均可支配收入年均分别增长
        head = re.sub(r"[由从][^，。；]*$", "", head)
        subject = clean_name(head)
        sectors_head = _THREE_SECTORS_RE.search(strip_noise(head))
        if sectors_head and len(figs) == 3 and not _THREE_SECTORS_RE.match(subject):
            # 三次产业对经济增长的贡献率: the 的 must not cut the sectors off
            subject = strip_noise(head)[sectors_head.start() :].strip("，、 ")
        subjects: list[str] = []
        if len(subject) >= 2 and subject not in GENERIC_NAMES and _CJK_RE.search(subject):
            sectors = _THREE_SECTORS_RE.match(subject)
            if sectors and len(figs) == 3:
                # 三次产业对经济增长的贡献率分别为…, 第一、二、三产业…: one per sector
                rest = subject[sectors.end() :]
                items = [f"第{n}产业{rest}" for n in "一二三"]
            else:
                items = self._categories(subject, len(figs)) or _split_items(subject, len(figs))
                if len(items) != len(figs):
                    items = self._listed_items(head, len(figs)) or items
                if strip_noise(head).lstrip("，、 ").startswith("对") and len(items) > 1:
                    items = ["对" + p for p in items]  # 对东盟、欧盟进出口总额: partners
            if len(items) == 1 and items[0].startswith(_URBAN_RURAL) and len(figs) == 2:
                rest = items[0][2:]
                items = ["城镇" + rest, "农村" + rest]
            subjects = items
        if (
            len(subjects) == 1
            and len(self.list_subjects) == len(figs)
            and _BARE_MEASURE_RE.fullmatch(subjects[0])
        ):
            # …起数分别下降…，死亡人数分别下降…: the measure of each item listed before
            subjects = [_BARE_MEASURE_END_RE.sub("", p) + subjects[0] for p in self.list_subjects]
        elif subjects:
            pass
        elif len(self.list_subjects) == len(figs) and not clean_name(verb_part):
            # …分别达到45210元和23680元，分别增长4.9%和7.2%: the same list again
            subjects = list(self.list_subjects)
        else:
            previous = self.count_subjects[-len(figs) :]
            if len(previous) == len(figs):
                attr = _attribute(verb_part) or clean_name(verb_part)
                if verb_part.endswith("完成投资"):
                    attr = "完成投资"
                subjects = [p + attr for p in previous]
        if len(subjects) != len(figs):
            for k in run:
                self.handled.add(k)
                self.number(k)
            return
        share = _SHARE_VERB_RE.match(verb_part)
        if share and all(fig.unit == "%" for fig in figs):
            # 货物贸易、对外投资和实际利用外资分别占比达30%、20%和10%: each item's share
            subjects = [p if _PERCENT_NAME_END_RE.search(p) else p + "占比" for p in subjects]
        self.list_subjects = list(subjects)
        qualifiers = [f.qualifier for f in figs]
        if figs[-1].qualifier in ("以上", "左右", "以内") and not any(qualifiers[:-1]):
            qualifiers = [figs[-1].qualifier] * len(figs)
        for k, fig, subj, q in zip(run, figs, subjects, qualifiers, strict=True):
            self.handled.add(k)
            # a composed item names its own thing (第一产业对经济增长的贡献率), not the
            # known name at its end (贡献率)
            name = lookup(self.table, subj, fig, change) or (
                subj if _is_name(subj) and "的" in subj else None
            )
            name = name or _resolve(self.table, subj, fig, change) or subj
            self.emit(fig, name, change, qualifier=q)

    def _categories(self, subject: str, n: int) -> list[str] | None:
        """``限额以上单位家用电器和音像器材类、体育娱乐用品类和书报杂志类分别增长…``: the
        ``n`` categories of a bulletin's sales, each with the statistical scope of the first
        and the measure written once at the end or, if not there, by the sentence before
        (…消费品零售额 332.58亿元): 限额以上单位体育娱乐用品类零售额."""
        items = _CATEGORY_SEP_RE.split(subject)
        if len(items) != n or n < 2 or not all(p.endswith("类") for p in items[:-1]):
            return None
        measure = ""
        last = re.search(r"类(.+)$", items[-1])
        if last:
            measure, items[-1] = last.group(1), items[-1][: last.start(1)]
        else:
            m = _CATEGORY_MEASURE_RE.search(self.last_subject or self.context.last_name)
            measure = m.group() if m else ""
            if not measure and self.context.bulletin:
                # …商品类值零售实现同比增长…。其中，粮油食品类、烟酒类分别增长…: retail sales
                topic = _CATEGORY_TOPIC_RE.search(self.context.paragraph)
                measure = topic.group() + "额" if topic else ""
        if not measure:
            return None
        scope = _CATEGORY_SCOPE_RE.match(items[0])
        prefix = scope.group() if scope else ""
        scoped = [p if p.startswith(prefix) else prefix + p for p in items]
        # 智能家用电器和音像器材类、新能源汽车零售额: the last item may say the measure
        return [p if p.endswith(measure) else p + measure for p in scoped]

    @staticmethod
    def _listed_items(head: str, n: int) -> list[str] | None:
        """The ``n`` items of a list split on ``、`` first and cleaned one by one, when
        cleaning the whole list loses items (进口货值、…、新增外资企业、离岛免税销售额:
        the 新增 of one item must not cut the items before it off)."""
        parts = [p for p in strip_noise(head).strip("，、 ").split("、") if p]
        if len(parts) != n:
            return None
        cleaned = [clean_name(p) for p in parts]
        if not all(_is_name(c) for c in cleaned):
            return None
        return cleaned

    @cached_property
    def sector_opening(self) -> str:
        """``服务业支撑作用更加明显，…`` -> ``服务业``: the sector a sentence opens with,
        when its first clause is about that sector and names no figure (the same for
        every figure of the sentence, and only looked for when a bare measure needs it)."""
        first = self.s[: clause_end(self.s, 0)]
        if any(f.start < len(first) for f in self.figs):
            return ""
        text = clean_name(first)
        m = _SECTOR_RE.match(text)
        return m.group() if m and m.end() in word_bounds(text) else ""

    @staticmethod
    def _measure_opening(clause: str) -> str:
        """``我国电子商务交易额保持快速增长`` -> ``电子商务交易额``: the noun phrase a
        clause opens with, when it names a measure and a predicate follows it."""
        text = clean_name(clause)
        k = _noun_end(text)
        head = text[:k]
        if (
            k < len(text)
            and 4 <= len(head) <= 12
            and _is_name(head)
            and _MONEY_MEASURE_RE.search(head)
        ):
            return head
        return ""

    def _clause_before(self, fig: Figure) -> str:
        """The clause before the one ``fig`` is in, without noise and edge punctuation."""
        lo = clause_start(self.s, fig.start)
        return strip_noise(self.s[clause_start(self.s, max(0, lo - 1)) : lo]).strip("，、 ")

    def people_benefiting(self, fig: Figure, raw: str, after: str) -> bool:
        """``实施学前一年免费教育政策，惠及近10万儿童`` -> 学前一年免费教育惠及儿童;
        ``城镇更新改造惠及390万人`` -> 城镇更新改造惠及人数: who a programme reached,
        named after the programme (in the clause, after the figure, or the clause before)."""
        if not (fig.unit.endswith(("人", "人次")) or _PEOPLE_AFTER_RE.match(after)):
            return False
        text = strip_noise(raw)
        program = clean_name(text[: _BENEFIT_RE.search(text).start()])
        if not _is_name(program) and after.startswith("的"):
            # 惠及3400万人的引大济岷工程启动建设
            program = _without_tail_verb(clean_name(_after_noun(after[1:])[0]))
        if not _is_name(program):
            # 向困难群众发放一次性生活补助，惠及…: what the clause before gave or ran
            prev = self._clause_before(fig)
            verb = max(VERB_RE.finditer(prev), key=lambda m: m.start(), default=None)
            program = clean_name(prev[verb.end() :] if verb else prev)
        program = _PROGRAM_TAIL_RE.sub("", program)
        if not _is_name(program):
            return False
        people = _PEOPLE_AFTER_RE.match(after)
        tail = people.group(1) if people else ("人次" if fig.unit.endswith("人次") else "人数")
        name = program + "惠及" + tail
        if len(name) > 20:
            return False
        self.emit(fig, name, "", subject=False, confidence=0.75)
        return True

    def count_of_a_kind(self, fig: Figure, after: str) -> bool:
        """``与54个国家和地区开展科技合作`` -> 开展科技合作的国家和地区: a count of countries,
        provinces or cities is named by what they did (国家 alone says nothing)."""
        kind = _KIND_NOUN_RE.match(after)
        if kind is None:
            return False
        doing = strip_noise(after[kind.end() :]).strip("，、 ")
        doing = doing.replace("了", "", 1) if doing[1:2] == "了" or doing[2:3] == "了" else doing
        first = _segmenter().cut(doing, True)[:1] if doing else []
        if not first or not (VERB_RE.match(doing) or first[0] in plain_verbs()):
            return False
        if len(doing) > 12 or len(doing) < 3 or _DIGIT_RE.search(doing):
            return False
        end = fig.end + len(after)
        if end < len(self.s) and self.s[end] not in _CLAUSE_BOUNDARY:
            return False  # 与39个国家缔结118对友城: the clause goes on past another figure
        name = doing.translate(_QUOTE_TABLE) + "的" + kind.group()
        self.emit(fig, name, "", fig.end + kind.end(), subject=False, confidence=0.75)
        return True

    def per_hundred_yuan(self, fig: Figure, raw: str, change: str) -> bool:
        """``每百元营业收入中的成本为88.86元``: a cost per 100 yuan of revenue, not 成本."""
        text = strip_noise(raw).strip("，、 ")
        per = _PER_HUNDRED_RE.search(text)
        if not per:
            return False
        owner = clean_name(text[: per.start()])
        self.emit(fig, (owner if _is_name(owner) else "") + per.group(), change, confidence=0.9)
        return True

    def part_that_is(self, fig: Figure, raw: str, after: str, change: str) -> bool:
        """``其中56项为全国首创``: the part of the things just counted that is so."""
        part = _PART_THAT_IS_RE.match(after)
        if not part or not self.last_subject:
            return False
        if clean_name(strip_noise(raw).strip("，、 ")).removeprefix("其中"):
            return False  # the clause names its own subject
        self.emit(fig, part["what"] + self.last_subject, change, fig.end + part.end(),
                  subject=False, confidence=0.9)  # fmt: skip
        return True

    def facility_scale(self, fig: Figure, after: str, change: str) -> bool:
        """``200万吨褐煤提质项目``, ``大唐700万吨露天矿``: the scale of a project or the
        capacity of a mine, not the thing it makes."""
        built = _FACILITY_SCALE_RE.match(after)
        if not built or fig.unit_class not in ("weight", "power", "energy", "volume"):
            return False
        what = clean_name(built["what"].split("等")[0])  # 锂电池储能等减碳项目
        project = built["kind"] in ("项目", "工程")
        if _noun_end(built["what"]) < len(built["what"]) or (
            what and not _is_name(what) and project
        ):
            return False  # a verb inside (完成项目核准): no facility named
        # 300万吨级CCUS项目: its scale; 20万吨铝材项目, 700万吨露天矿: what it makes
        scale = after.startswith("级") or fig.unit_class != "weight"
        name = what + built["kind"] + ("规模" if project and scale else "产能")
        self.emit(fig, name, change, fig.end + built.end(), subject=False, confidence=0.75)
        return True

    def time_limit(self, fig: Figure, raw: str, after: str) -> bool:
        """``货物…48小时内放行``: a service time limit, named by what is done within it
        and what it is done to (货物放行时限), not by the words around the number."""
        m = _WITHIN_RE.match(after)
        if not m:
            return False
        lead = _strip_head(re.split(r"[，,；;]", clean_name(raw))[-1], _TO_RE)
        if lead and (not (_is_name(lead) and len(lead) <= 12) or raw.rstrip().endswith("的")):
            # 对RCEP国家货物…符合正常放行条件的48小时内放行: the goods, not their conditions
            lead = clean_name(lead[: _noun_end(lead)])
        bounds = sorted(word_bounds(lead))
        if len(bounds) > 2 and _is_verb(lead[bounds[-2] :]):
            lead = lead[: bounds[-2]]  # 企业开办时间压缩(至): the verb is the limit's
        subject = _TIME_WORD_RE.sub("", lead)  # 企业开办时间: the limit is 企业开办时限
        if not _is_name(subject) or len(subject) > 12 or _is_verb(subject):
            prev = clean_name(self._clause_before(fig))
            subject = prev if _is_name(prev) and len(prev) <= 16 else ""
        name = subject + m["act"] + "时限"
        confidence = 0.75 if subject else 0.5
        self.emit(fig, name, "", fig.end + m.end(), qualifier=m["within"], subject=False,
                  confidence=confidence)  # fmt: skip
        return True

    def share_meeting_a_standard(self, fig: Figure, whole: str, after: str, change: str) -> bool:
        """``建成区40%以上的面积达到海绵城市建设目标要求``: the share of a whole's area that
        meets a standard, 海绵城市达标面积占建成区面积比重 (not 建成区 40%)."""
        m = _MEETS_STANDARD_RE.match(after)
        if not m or not _is_name(whole) or not _is_name(m["what"]):
            return False
        part = m["part"] or "面积"
        whole = whole if whole.endswith(part) else whole + part
        name = f"{m['what']}达标{part}占{whole}比重"
        self.emit(fig, name, change, fig.end + m.end(), subject=False, confidence=0.75)
        return True

    def share_of_what_follows(self, fig: Figure, after: str) -> bool:
        """``96.2%的养老机构开展医养结合``, ``60%公办中小学校纳入集团化管理``: a share with
        nothing named before it is the share of the things after it that do what the
        clause says: 养老机构开展医养结合比例 (not 社区 from the clause before)."""
        rest = strip_noise(after[1:] if after.startswith("的") else after).strip("，、 “”")
        if not _after_noun_start(rest):
            return False
        k = _noun_end(rest)  # 化工园区|降至较低风险等级
        subject, doing = clean_name(rest[:k]), rest[k:]
        if not _is_name(subject) or not doing or k >= len(rest):
            return False
        name = subject + doing + "比例"
        if len(name) > 20 or not _is_name(name):
            return False
        self.emit(fig, name, "", subject=False, confidence=0.75)
        return True

    def number(self, i: int) -> None:
        fig = self.figs[i]
        raw, _ = self.before(i)
        after = self.after(i)
        change = self.change_for(i, raw, after)
        if self.each(fig, raw, change):
            return
        if (
            self.per_hundred_yuan(fig, raw, change)
            or self.part_that_is(fig, raw, after, change)
            or self.facility_scale(fig, after, change)
        ):
            return
        if (fig.unit == "条" and self.s[fig.start - 1 : fig.start] == "“") or (
            fig.unit in ("条", "项")
            and _PACKAGE_AFTER_RE.match(after)
            and self.covering_alias(fig) is None  # 百项创新举措 is a known name
        ):
            # 出台“15条”政策; 落实鼓励数据产业发展十条政策, 实施…100项提升举措
            self.policy_package(fig, raw, after, change)
            return
        covering = self.covering_alias(fig)
        if covering is not None:
            self.emit(fig, covering.canonical, change, max(fig.end, covering.end), subject=False)
            return
        cleaned = clean_name(raw)
        attr = _attribute(raw)
        # 总投资2000亿元的101个海洋重点项目 -> 海洋重点项目总投资
        if attr and fig.unit_class in ("money", "area") and not _best_before(self.table, raw, fig):
            m = _OF_COUNT_RE.match(self.s, fig.end)
            if m:
                project = _PROJECT_RE.match(m.group("noun"))
                noun = clean_name(project.group() if project else _after_noun(m.group("noun"))[0])
                if _is_name(noun):
                    base = self.table.canonical(noun) or noun
                    for cand in (noun + attr, base + attr):
                        canonical = self.table.canonical(cand)
                        if canonical:
                            self.emit(fig, canonical, change, subject=False)
                            return
                    # 投资4500万元的伊敏河沿河道路工程: the project's investment, count or not
                    self.emit(fig, base + attr, change, subject=False)
                    return
        of_whole = _OF_WHOLE_RE.match(strip_noise(raw).strip("，、 "))
        if of_whole and fig.unit == "%":
            # 高标准农田达到耕地总面积的64%: a share of a named whole, not the whole
            part, whole = clean_name(of_whole.group("part")), clean_name(of_whole.group("whole"))
            if _is_name(part) and _is_name(whole):
                share = part + "占" + whole + "比重"
                self.emit(fig, lookup(self.table, share, fig) or share, change)
                return
        used = _USED_FOR_RE.match(after) if fig.unit == "%" else None
        if used and not _is_name(cleaned) and self.last_subject:
            # 一般公共预算支出3.4万亿元，74%以上用于民生: the share spent on 民生
            whole = self.last_subject
            kind = "支出" if whole.endswith("支出") else "资金"
            self.emit(fig, used["what"] + kind + "占" + whole + "比重", "", subject=False)
            return
        if fig.unit == "%" and not _is_name(cleaned) and self.share_of_what_follows(fig, after):
            return
        if fig.unit == "%" and self.share_meeting_a_standard(fig, cleaned, after, change):
            return
        if fig.unit in _TIME_UNITS and self.time_limit(fig, raw, after):
            return
        if _BENEFIT_RE.search(strip_noise(raw)) and self.people_benefiting(fig, raw, after):
            return
        spread = _GROWTH_SPREAD_RE.search(strip_noise(raw))
        if fig.unit == "%" and spread and self.last_subject:
            # 有18个行业同比增长，增长面56.3%: the share of items that grew, not a growth
            self.emit(fig, self.last_subject + "增长面", spread.group(1) or "", subject=False)
            return
        after_noun = _after_noun_start(after)
        share_text = strip_noise(raw).strip("，、 ")
        share = share_text.startswith("占") or bool(_SHARE_RE.match(cleaned))
        whole_share = _WHOLE_SHARE_RE.search(cleaned)
        if whole_share and not share and cleaned.index("占") >= 2:
            # 数字经济核心产业增加值占国内生产总值比重: the share, not its denominator
            self.emit(
                fig, lookup(self.table, cleaned, fig) or cleaned, self.change_for(i, raw, after)
            )
            return
        # 占规模以上工业增加值的比重为16.8%: the denominator is not the name
        before_alias = None if share else _best_before(self.table, raw, fig)
        countish = fig.unit_class in _COUNTISH
        name: str | None = None
        consumed = fig.end
        if countish and after_noun and self.count_of_a_kind(fig, after):
            return
        if countish and strip_noise(raw).rstrip("，、 ").endswith("等"):
            # 黄百等4个在建铁路项目: the examples are no name, the kind after them is
            noun, n = _after_noun(after)
            kind = clean_name(noun)
            if (
                _is_name(kind)
                and kind not in GENERIC_NAMES
                and len(kind) <= 10
                and _noun_end(kind) >= len(kind)
            ):
                tail = self.s[fig.end + n : clause_end(self.s, fig.end + n)]
                vm = _VERB_AFTER_NOUN_RE.match(tail)  # …等9个重大水利工程建成: the verb
                verb = VERB_NORMAL.get(vm.group(1), vm.group(1)) if vm else change
                kind = self._narrowed(fig, kind, fig.end + n)
                self.emit(fig, kind, verb, fig.end + n, subject=False)
                return
            enlisted = _enlisted(self.table, kind, self.s[fig.end + n :])
            if kind in GENERIC_NAMES and enlisted:
                # 江州港等4个单位荣获“中国节水奖”: the kind, named by what it won
                self.emit(fig, enlisted, change, fig.end + n, subject=False)
                return
        places = self.places_doing(fig) if countish else None
        if places:
            name, consumed = places
        elif countish and after_noun:
            name, consumed = self._after_name(fig, after, change, before_alias, cleaned)
        if name is None and before_alias:
            name = before_alias
        if name is None and self.last_subject and LEVEL_ONLY_RE.fullmatch(cleaned):
            # 建成省级以上创新平台15个，其中国家级3个 -> 国家级创新平台
            core = LEVEL_LEAD_RE.sub("", self.last_subject)
            name = lookup(self.table, cleaned + core, fig) or cleaned + core
        if cleaned.startswith("到") and cleaned[1:] in _OWN_ATTRIBUTES:
            cleaned = cleaned[1:]  # 争取到资金: the 到 is the verb's
        bare = not _is_name(cleaned) or cleaned in ATTRIBUTES or share
        owned_share = bool(_BARE_SHARE_RE.fullmatch(cleaned) and self.last_subject)
        if owned_share:
            bare = True  # 现代产业类项目250个，个数占比28.3%: the projects' share, not a name
        if cleaned in _OWN_ATTRIBUTES and (
            (self.last_subject and self.last_count_subject())
            or (self.last_subject is None and self.context.counted)
        ):
            bare = True  # 州级科技计划项目49项，立项资金260万元: the projects' funds
        listed = _LISTED_KIND_RE.search(cleaned) if name is None else None
        if listed and fig.unit_class in ("count", "money") and _is_name(listed["kind"]):
            # 国家级重点实验室、产业技术研究院等创新平台5个: one count of that kind
            name = lookup(self.table, listed["kind"], fig) or listed["kind"]
        owner = self.out[-1].indicator if self.out else ""
        entity = _without_attribute(owner, _OWNER_ATTRIBUTES)
        if (
            name is None
            and cleaned in _OWNED_MEASURES
            and entity != owner
            and _is_name(entity)
            and not _SAYS_A_MEASURE_RE.search(entity)
        ):
            # 新能源投资增长70%、装机规模增长38%，利用率达94.5%: 新能源's measures
            name = lookup(self.table, entity + cleaned, fig) or entity + cleaned
        if (
            name is None
            and _BARE_RATE_RE.fullmatch(cleaned)
            and cleaned not in self.table
            and self.last_subject
            and self.last_count_subject()
        ):
            # 办理政协委员提案118件，办复率达100%: the rate of what was just counted
            name = self._carry(fig, "率", cleaned, cleaned)
        if name is None and not bare and _is_name(cleaned):
            name = _resolve(self.table, raw, fig, change)
            if name is not None and name not in self.table:
                name = self.antecedent(name, fig.start) or name
        if name is None and (countish or (after_noun and fig.unit_class == "percent")):
            # 50%以上政务服务事项实现“减证办”: the share is named after the figure
            first, last = _after_alias(self.table, after, fig)
            name = first or last
        if name is None and self.last_subject and share:
            name = self._share(fig, self.last_subject, share_text)
        if name is None and self.last_subject and bare:
            name = self._carry(fig, cleaned, attr or cleaned, strip_noise(raw).strip("，、 "))
        entity = self.context.entity
        if self.context.entity_unit != fig.unit_class:
            entity = ""  # 人均道路面积18.99平方米；五年累计投资5.1亿元: not the area's entity
        counted = self.context.counted
        ahead = self.s[fig.end : fig.end + 40]
        built = _BUILT_AFTER_RE.match(ahead) if fig.unit_class == "money" else None
        if built:
            counted = ""  # 累计投资5.1亿元,建成…31条公路: the things it built come next
        if name is None and self.last_subject is None and cleaned in _OWN_ATTRIBUTES and counted:
            # 实施科技计划项目88项…；争取到资金5737万元: the funds of the projects counted
            name = counted + cleaned
        if name is None and self.last_subject is None and cleaned in ATTRIBUTES and entity:
            # 规模以上工业企业实现营业收入…；实现利润总额512.3亿元: the entity carries over ；
            name = self.table.canonical(entity + cleaned) or entity + cleaned
        if (
            name in (None, cleaned)
            and cleaned in _SECTOR_MEASURES
            and i == 0
            and (sector := self.sector_opening)
        ):
            # 服务业支撑作用更加明显，增加值跨上3万亿元台阶: the sector's 增加值
            name = self.table.canonical(sector + cleaned) or sector + cleaned
        if name is None and after_noun:
            noun, n = _after_noun(after)
            noun_name = clean_name(noun)
            if _is_name(noun_name):
                name, consumed = noun_name, fig.end + n
        if name is None and not cleaned and self.last_subject is None and i == 0:
            # 地区生产总值跨越5000亿元大关，年均增长5.7%: the subject of the clauses before
            prev = self._clause_before(fig)
            lead = _aliases(self.table, prev, fig)[:1]
            if lead and not clean_name(prev[: lead[0].start]):
                name = lead[0].canonical
            elif (
                lead
                and fig.unit_class in ("length", "area", "count")
                and _BUILD_ONLY_RE.fullmatch(strip_noise(raw).strip("，、 "))
                and _PROGRAMME_LEAD_RE.match(prev)
            ):
                # 实施新一轮农村公路提升行动，新（改）建6000公里: what the programme builds
                self.emit(fig, lead[0].canonical, change, confidence=0.75)
                return
            elif not lead and fig.unit_class in ("money", "percent"):
                # 电子商务交易额保持快速增长，由2012年的8万亿元增长至…: the measure the
                # clause before opens with, though no table knows it
                subject = self._measure_opening(prev)
                if subject:
                    self.emit(fig, subject, change, confidence=0.75)
                    return
        if (
            name is None
            and i == 0
            and self.last_subject is None
            and fig.unit_class == "money"
            and _INVESTMENT_ONLY_RE.fullmatch(strip_noise(raw).strip("，、 "))
        ):
            # 哈克镇生态奶源基地建设初具规模，完成投资3340万元: the project of the clause
            # before is what was invested in
            prev = self._clause_before(fig)
            k = _noun_end(prev)  # 东山组团城市框架|初步形成
            project = _PROJECT_TAIL_RE.sub("", clean_name(prev[:k]))
            if _is_name(project) and k < len(prev) and len(project) <= 14:
                self.emit(fig, project + "投资", change, subject=False, confidence=0.75)
                return
        if name is None and built and cleaned in _OWN_ATTRIBUTES:
            # 累计投资5.1亿元,建成西出口等31条公路: the money of what it built, named next
            thing = clean_name(_after_noun(ahead[built.end() :])[0])
            if _is_name(thing):
                self.emit(fig, thing + cleaned, change, subject=False, confidence=0.75)
                return
        if name is None:
            return
        agreeing = self.classifier_noun(fig, name, after)
        if agreeing:
            name, consumed = agreeing
        if consumed > fig.end or not change:
            # 100条市级生态河道建设, 34项重点民生实事全部完成: the verb after the noun
            tail = self.s[consumed : clause_end(self.s, consumed)]
            vm = _VERB_AFTER_NOUN_RE.match(tail)
            if vm:
                change = VERB_NORMAL.get(vm.group(1), vm.group(1))
            elif not change and not tail.startswith(("、", "和", "及", "，", ",")):
                # …5.66万亿元、比上年增加1.6万亿元: that 增加 is the next figure's verb
                change = _find_change(tail[:12])
        if (
            name.endswith("贡献率")
            and "对" not in name
            and strip_noise(raw).lstrip("，、 ").startswith("对")
            and self.sector_opening
        ):
            name = self.sector_opening + "对" + name  # 旅游业…，对GDP综合贡献率达33.4%
        if fig.unit_class == "count" and name not in self.table:
            name = self._narrowed(fig, name, consumed)
        # the projects' 个数占比 leaves the projects the subject of their 总投资 after it
        self.emit(fig, name, change, consumed, subject=not owned_share)

    def policy_package(self, fig: Figure, raw: str, after: str, change: str) -> None:
        """``出台支持创业带动就业“15条”政策``: a package of policy items, named by its topic
        and what the items are (政策, 措施); ``稳经济“30条”`` alone is 稳经济政策措施."""
        m = _PACKAGE_NOUN_RE.match(after)
        noun = m.group(1).translate(_QUOTE_TABLE) if m else ""
        lead = _PACKAGE_LEAD_RE.sub("", raw).strip("”“")
        verb = _PACKAGE_VERB_RE.match(lead)
        topic = _strip_head(lead[verb.end() :] if verb else lead, SCOPE_RE)  # 我省减轻…措施
        topic = "" if not _is_name(topic) or topic in noun else topic
        if not topic and not lead and self.package_topic:
            topic = self.package_topic  # 稳增长“21条”“18条”: the second is 稳增长's too
        self.package_topic = topic
        name = topic + (noun or "政策措施")
        if _is_name(name):
            self.emit(
                fig, name, verb.group().removeprefix("制定") if verb else "出台", subject=False
            )

    def each(self, fig: Figure, raw: str, change: str) -> bool:
        """``A、B均增长8%``: one figure that holds for each listed subject."""
        m = _EACH_RE.search(raw)
        if m:
            cut = m.start()
        elif (
            fig.unit == "%" and fig.value == 100 and "、" in raw and not re.search("[和及与]", raw)
        ):
            cut = len(raw)  # 行政村千兆光纤、5G网络通达率100%: all of a whole is all of each part
        else:
            return False
        if _TOTAL_RE.search(raw, 0, cut):
            return False  # 绿色铝、硅光伏、新能源电池合计产值: one figure for the sum
        # 装备制造业、高端食品加工业产值年均增长: the 年 is 年均's, not the subject's
        lead = raw[:cut].removesuffix("年") if m and m.group().startswith("均") else raw[:cut]
        subject = clean_name(_RHETORIC_TAIL_RE.sub("", lead))
        items = [clean_name(p) for p in _split_items(subject)]
        counted = self.count_subjects[-2:]
        if len(items) == 1 and items[0].endswith("率") and fig.unit == "%" and len(counted) == 2:
            # 办理人大代表建议405件和政协委员提案590件，办复率均达100%: each one's rate
            for thing in counted:
                self.emit(fig, thing + items[0], change, subject=False)
            return True
        if len(items) < 2 or not all(_is_name(p) for p in items):
            return False
        scale = "规模" if self.s.startswith("规模", fig.end) else ""  # 均达到万亿元规模
        for item in items:
            if scale and not _SAYS_A_MEASURE_RE.search(item):
                item += scale
            self.emit(fig, lookup(self.table, item, fig, change) or item, change)
        return True

    def _after_name(
        self, fig: Figure, after: str, change: str, before_alias: str | None, cleaned: str
    ) -> tuple[str | None, int]:
        """The name of a count read after it (``新增1家国家级工业设计中心``)."""
        units = _ADMIN_UNITS_RE.match(self.s, fig.end)
        if units:
            # 45个县（市、区）整县建设…: counties, cities and districts, read as 县市区
            admin = re.sub(r"[（）、]", "", units.group())
            noun, n = _after_noun(self.s[units.end() :])
            if (
                2 <= len(noun) <= 6
                and re.match(r"[，。；、和及）)]|$", self.s[units.end() + n : units.end() + n + 1])
                and _is_name(noun)
                and _noun_end(noun) == len(noun)
                and not VERB_RE.match(noun)
                and not _is_verb(noun[-2:])
            ):
                return admin + noun, units.end() + n  # 11个市（州）分岛: the branches
            return admin, units.end()
        threshold = _THRESHOLD_ATTRIBUTE_RE.match(after)
        if threshold:
            # 100所海拔1500米以上农村中小学: the class is part of what is counted
            head, n = _after_noun(after[threshold.end() :])
            head = clean_name(head)
            if _is_name(head):
                return threshold.group() + head, fig.end + threshold.end() + n
        first, last = _after_alias(self.table, after, fig)
        noun, n = _after_noun(after)
        noun_name = clean_name(noun)
        rest = after[n:]
        if first is None:
            first = lookup(self.table, noun_name, fig, change)
        if first is None and rest:
            # 为2000名以上残疾儿童提供康复救助 -> 残疾儿童康复救助
            obj = VERB_RE.sub("", rest, count=1).translate(_QUOTE_TABLE)
            obj = re.split(r"[，。；、]", obj)[0]
            for cand in (noun_name + obj, noun + obj):
                canonical = self.table.canonical(cand)
                if canonical and compatible(fig, canonical):
                    first = canonical
                    break
        if first:
            return first, fig.end + n
        if last and _is_name(noun_name) and _QUALIFIED_RE.fullmatch(noun_name.removesuffix(last)):
            return noun_name, fig.end + n  # 5个国家先进制造业集群: not every 先进制造业集群
        if last:
            return last, fig.end + n
        if (
            _is_name(noun_name)
            and fig.unit.endswith("人")
            and "人" not in self.s[fig.start : fig.end]
        ):
            # 1500多万市场主体、7000万劳动者: the people after the figure are its unit and
            # what it counts, whatever the list named before
            return noun_name, fig.end + n
        if before_alias:
            return before_alias, fig.end
        if _is_name(noun_name):
            return noun_name, fig.end + n
        if noun_name in GENERIC_NAMES or len(noun_name) == 2:
            enlisted = _enlisted(self.table, noun_name, self.s[fig.end + n :])
            if enlisted:
                return enlisted, fig.end + n
        return None, fig.end

    def _with_measure_word(self, fig: Figure, name: str) -> str:
        """An activity measured in people or land says what of it is counted:
        ``以工代赈吸纳就业36万人`` -> ``…就业人数``; ``石漠化综合治理600平方公里``,
        ``大中型灌区现代化改造222.2万亩`` -> ``…治理面积``, ``…改造面积``."""
        if name in self.table:
            return name
        if fig.unit in ("人", "万人", "亿人") and _PEOPLE_ACTIVITY_END_RE.search(name):
            return name + "人数"
        if fig.unit_class != "area" or _AREA_WORD_RE.search(name):
            return name
        before = self.s[: fig.start]
        at = before.rfind(name)
        if at < 0:
            return name  # a composed name: no words of the clause to read
        gap = before[at + len(name) :]
        if _AREA_ACTIVITY_RE.fullmatch(gap) or (not gap and _AREA_ACTIVITY_END_RE.search(name)):
            return name + gap + "面积"
        return name

    def places_doing(self, fig: Figure) -> tuple[str, int] | None:
        """``在30个县建设运营…服务中心``, ``向8个市下放…审批权``: a count of bare place
        units is named by what is done there (…的县), the unit alone says nothing."""
        place = _PLACE_DOING_RE.match(self.s, fig.end)
        if not place or not VERB_RE.match(self.s, place.start("doing")):
            return None
        end = clause_end(self.s, place.start("doing"))
        doing = self.s[place.start("doing") : end]
        if not 2 <= len(doing) <= 20 or not _is_name(clean_name(doing)):
            return None
        return doing + "的" + place["unit"], end

    def last_count_subject(self) -> bool:
        """Whether the last figure named was a count of things (项目 49项, 机构 53个)."""
        last = self.out[-1] if self.out else None
        return last is not None and _counts_things(last.figure, last.indicator)

    def _carry(self, fig: Figure, cleaned: str, attr: str, word: str = "") -> str | None:
        """The previous figure's subject, with this clause's attribute if it has one
        (``word``: the clause's words before the figure, as written)."""
        base = self.last_subject
        if base is None:
            return None
        if not cleaned:
            return base if compatible(fig, base) or fig.unit_class != "count" else None
        if _SHARE_RE.match(cleaned):
            return self._share(fig, base, cleaned)
        if cleaned in ("", "率") and word.endswith("率") and 2 <= len(word) <= 6:
            attr = word  # 办理政协提案118件，办结率100%: the proposals' 办结率, not their 率
            pair = self.count_subjects[-2:]
            if len(pair) == 2 and all(len(p) >= 2 for p in pair) and self._counted_just_before():
                # 办理人大代表建议68件、政协委员提案118件，办结率100%: one rate of both
                return pair[0] + "和" + pair[1] + attr
        cand = self.entity_of(base) + attr
        return self.table.canonical(cand) or cand

    def _counted_just_before(self) -> bool:
        """Whether the last two figures named in this sentence are counts listed together
        (``A68件、B118件，`` before a rate)."""
        counts = [n for n in self.out if _counts_things(n.figure, n.indicator)]
        if len(counts) < 2 or not self.out or self.out[-1] is not counts[-1]:
            return False
        a, b = counts[-2].figure, counts[-1].figure
        between = self.s[a.end : b.start]
        return ("、" in between or "和" in between) and not re.search("[，。；]", between)

    def _share(self, fig: Figure, base: str, share: str) -> str:
        """``X…，占全市40%`` -> ``X占全市比重``; ``占规模以上工业增加值的比重为16.8%`` ->
        ``X占比`` (the table's name when it has one)."""
        denominator = _SHARE_TAIL_RE.sub("", share[1:]).removeprefix("同期")
        whole = base
        base = self.entity_of(base)
        cands = [base + "占" + denominator, base + "占" + denominator + "比重"]
        for cand in cands:
            found = lookup(self.table, cand, fig)
            if found:
                return found
        if SCOPE_RE.fullmatch(denominator) or _is_name(denominator):
            # 占全市进出口总额的32.4%: the share of a named whole says which whole
            return whole + "占" + denominator + "比重"
        if not denominator and whole != base and fig.unit == "%":
            return whole + "占比"  # 政府投资575.5亿元，占25.7%: the investment's share
        return base + "占比"

    def entity_of(self, name: str) -> str:
        """``重点项目总投资`` -> ``重点项目``: the thing a composed name is about."""
        entity = _without_attribute(name)
        if entity == name:  # 生物降解制品总产量增长19%、产值增长18%: the products' 产值
            entity = _without_attribute(name, _OUTPUT_MEASURES)
        return entity


_OUTPUT_MEASURES = ("总产量", "产量", "销量", "销售量")


def _without_attribute(name: str, attributes: tuple[str, ...] = ATTRIBUTES) -> str:
    """``name`` without the attribute it ends with (重点项目总投资 -> 重点项目), when
    something is left before it; else ``name``."""
    attr = next((a for a in attributes if name.endswith(a) and len(name) > len(a) + 1), "")
    return name[: -len(attr)] if attr else name


# What a percentage can be of: a rate, a share, a level, or a change said around it.
_PERCENT_NAME_END_RE = re.compile(
    r"(?:率|比重|占比|比例|份额|水平|覆盖面|强度|指数|程度|系数|增长面|增速|增幅|涨幅|降幅|价格|成本"
    r"|资费|效率|周期)$"
)
_PERCENT_CHANGE_RE = re.compile(
    r"增长|增速|增幅|涨幅|降幅|跌幅|下降|降低|减少|提高|提升|上升|上涨|增加|回落|增产|减产|缩短|压减"
    r"|下调|上调|扩大|缩小|降|增|涨|跌|减"
)


_SHARE_VERB_RE = re.compile(r"^(?:占比|所占比重|占比重)")


def money_named_by_a_thing(name: str, fig: Figure) -> bool:
    """An amount of money named after the things it was spent on (重点项目 54亿元 of
    ``66个重点项目54亿元的投资计划``): what the money is (investment, funds) is lost."""
    return fig.unit_class == "money" and bool(_SPENT_ON_RE.search(name))


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
    r"[\d一二三四五六七八九十百千万亿两][个家所项条座处批名户件台辆只头套]$"
)


def cuts_a_word(name: str, sentence: str) -> bool:
    """Whether ``name``, read verbatim in ``sentence``, starts inside a word there
    (``制篮球场`` of 3人制篮球场)."""
    at = sentence.find(name)
    if at < 0 or len(name) < 2:
        return False
    if _COUNT_BEFORE_NAME_RE.search(sentence, max(0, at - 4), at):
        return False  # 810个|省重点项目: jieba reads 个省 as one word
    lo = max(0, at - 8)
    hi = min(len(sentence), at + len(name) + 8)
    bounds = word_bounds(sentence[lo:hi])
    start = at - lo
    # the end is not checked: jieba glues a final 率, 价格, 比 to the verb after it (率降,
    # 价格下降), so an end inside a word says little
    return start > 0 and start not in bounds


def clear_caches() -> None:
    """Forget memoised names (benchmarks use this to time a first pass honestly)."""
    clean_name.cache_clear()
    word_bounds.cache_clear()
    _aliases_cached.cache_clear()


def name_figures(
    sentence: str,
    figures: list[Figure],
    table: IndicatorTable,
    context: NamingContext | None = None,
) -> list[Named]:
    """Name every figure of ``sentence`` that measures something identifiable.

    Pass the same ``context`` to the ``；``-separated parts of one ``。``-sentence so a
    part that only names an attribute (``实现利润总额…``) can reuse the entity.
    """
    return _SentenceNamer(sentence, figures, table, context).run()
