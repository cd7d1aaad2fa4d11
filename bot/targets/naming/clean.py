"""Cleaning a phrase into a name.

:func:`strip_noise` removes what is never part of a name (time words, comparison bases,
bracketed notes); :func:`clean_name` also removes scope, lead, verb, goal and time words
at either end (``全年海洋生产总值增长`` -> ``海洋生产总值``). The regexes they use are here.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.targets.lexicon import (
    ATTRIBUTES,
    BASE_PHRASE_RE,
    COMPARE_RE,
    GENERIC_NAMES,
    INNER_VERB_RE,
    LEAD_RE,
    SCOPE_RE,
    TIME_RE,
    TRAIL_RE,
    VERB_RE,
)
from bot.targets.naming.words import _is_name, _is_verb, _noun_end, word_bounds

_QUOTES = "“”‘’\"'「」『』《》"
_QUOTE_TABLE = str.maketrans("", "", _QUOTES)
# Verbs that end a name as the activity measured (水土流失综合治理2980平方公里, 补贴性技能
# 培训3万人, 社会组织): after a noun they are the thing, not a change to it.
_NOMINAL_ACTIVITIES = frozenset({"治理", "整治", "修复", "培训", "组织", "更新改造"})
_IZATION_WORKS = frozenset({"改造", "升级", "转型", "提升改造", "升级改造"})
# a way of doing a work said before its act (综合改造, 提质改造): the work is named whole,
# never the thing and the way alone (老旧小区综合改造, not 老旧小区综合)
_WORK_MANNERS = ("综合", "提质", "提档")
_INVISIBLE_RE = re.compile(r"[\s\u200b-\u200f\u2060\ufeff]+")
_LEAD_PARTICLE_RE = re.compile(
    r"^(高于|低于|快于|比|是|有|由|从|位于|于|以|或|但|而且|并且|同时|投资(?=[\d亿万千百过超]))"
)
_TRAIL_DE_RE = re.compile(r"的$")
# 灾害事故发生后受灾人员…得到救助时间: when it starts, not what is measured
_AFTER_EVENT_RE = re.compile(r"^[\u4e00-\u9fff]{2,8}(?:发生|结束|启动)后(?=[\u4e00-\u9fff]{4})")
_PAREN_RE = re.compile(r"[（(][^（）()]{0,30}[）)]|[［\[]\d{1,2}[］\]]")  # and notes: 产业［2］
# 执业（助理）医师, 毕（结）业生, 乡镇（街道）: a short alternate inside a word (not a
# verb's: 新建（续建）保障性住房 is 新建 保障性住房)
_ALTERNATE_RE = re.compile(
    r"(?<=[\u4e00-\u9fff])[（(]((?!含|不含|注|下同|简称|以下|按|其中|续建)[\u4e00-\u9fff]{1,4})[）)]"
    r"(?=[\u4e00-\u9fff])"
)
# 扩权赋能县（市）, 通高速公路的县（市、区）, 集聚区（培育区）: the other kinds of unit a
# name's last word stands for, in brackets at its end, are part of what is counted
_TRAILING_ALTERNATE_RE = re.compile(
    r"(?<=[\u4e00-\u9fff])[（(]((?!含|不含|注|下同|简称|以下|按|其中|即|包括)"
    r"[\u4e00-\u9fff]{1,8}(?:、[\u4e00-\u9fff]{1,4}){0,2})[）)]$"
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
_YEARS_ONLY_RE = re.compile(r"[一二两三四五六七八九十\d]{1,2}年")
_GREW_TO_RE = re.compile(r"(?<=[\u4e00-\u9fff]{2})发展(?:到|至)$")
# Change words the verb table does not hold, at the end of a name (失业率降到, 收入比收窄,
# 资费再降, 停留时间延长, M2预期): the change, not the thing.
_TAIL_CHANGE_RE = re.compile(
    r"(?<![下上提])(?:再|又|进一步|继续|微|平均)?(?<![下上提])"
    r"(?:降到|降至|降为|降|收窄|延长至|延长|缩小|缩短|压缩|升至|升到|升为|跃上|迈上|跨上|站上|登上)$"
    r"|(?<=[\u4e00-\u9fffA-Za-z0-9]{2})预期$"
    r"|(?<=[\u4e00-\u9fffA-Za-z0-9]{2})(?:微|略)(?:涨|增|升)$"  # CPI微涨0.2%: a slight rise
    r"|(?<=[\u4e00-\u9fff]{2}(?:比重|比例|占比|份额))接近$"  # 比重接近40%: how near it is
)


# A count of years at either end of a name is a period, not the thing (利润总额五年,
# 省财政5年, 五年共投资).
_YEARS_EDGE_RE = re.compile(
    r"^(?:近|过去)?[一二三四五六七八九十两\d]{1,2}年(?:来|内|间|共|累计)+"
    r"|(?<=[\u4e00-\u9fff]{2})[一二三四五六七八九十两\d]{1,2}年(?:来|内|间)?$"
)
# the change said after a partner's flow (对东盟进出口增长, 对…国家投资占, 对俄进出口额完成)
_PARTNER_CHANGE_RE = re.compile(
    r"(?<=[\u4e00-\u9fff]{4})(?:同比|年均|平均)?"
    r"(?:增长|下降|增加|减少|提高|达到|达|为|占|突破|超过|完成|实现)$"
)
_PARTNER_RE = re.compile(
    # (对俄, 对日: a country said in one character after 对 is a partner too)
    r"^([对与同][^，。；、]{2,14}?|对[\u4e00-\u9fff])(?:实现|完成)?((?:货物)?(?:进出口|出口|进口)(?:总额|额|总值)?|实际(?:利用|使用)外资|投资"
    # 对共建“一带一路”国家贸易额, 对地方一般性转移支付: trade with and payments to a partner
    r"|(?:货物|服务)?贸易(?:总额|额)?|(?:一般性|专项)?转移支付)(占比|比重)?$"
)
# A base of a per-head figure, said after the verb: 每万人, 每千人口, 每平方公里
_PER_BASE_RE = re.compile(r"每[十百千万]?(?:人口?|户|平方公里|名职工)")
# A size class of the things counted, said before 的: 营业收入过十亿元(的), 产值超亿元(的)
_THRESHOLD_HEAD_RE = re.compile(
    r"(?:超过|超|过|达到|达|逾)(?:[\d.]+|[一二三四五六七八九十两百千]+)?"
    r"(?:万亿|亿|千万|百万|万|千)(?:美)?元(?:及)?(?:以上)?$"
)
# Rules counted by what they hinder (清理妨碍全国统一大市场建设的政策措施, 废止违反公平竞争
# 的规定): the clause says which rules, the act done to them (清理, 废止) is the change
_HINDERING_RE = re.compile(
    r"^(?:清理废止|清理|废止|修订|修改|取消)?(?P<what>(?:妨碍|违反|违背|阻碍|排除、限制)"
    r"[\u4e00-\u9fff、和与]{2,20})$"
)
_RULE_NOUNS = frozenset(
    {"政策措施", "政策文件", "政策", "文件", "规定", "措施", "做法", "规章", "规范性文件"}
)
# What the things counted qualify by: 具有资质等级(的), 具备中试以上条件(的)
QUALIFIED_RE = re.compile(r"(?:具有|具备|符合)[^的，。；]{0,10}?(?:资质(?:等级)?|条件)")
# A share of what meets a quality class: …水质达到或优于Ⅲ类比例, …好于Ⅲ类水体比例
_CLASS_MET_RE = re.compile(
    r"^(?P<who>[^，。；]{2,24}?)(?P<met>(?:达到或)?(?:好于|优于|达到)(?:[ⅠⅡⅢⅣⅤ]+|[一二三四五])类"
    r"[\u4e00-\u9fff]{0,4}?(?:比例|比率|占比))(?:保持|达到|达|为|稳定在|提高到|提升至|提高至)?$"
)
# Sales through a network, and who made them: 限额以上单位通过公共网络实现(的)零售额
_ONLINE_RE = re.compile(
    r"^(?P<who>[^，。；]{0,16}?)(?P<channel>通过(?:公共网络|互联网|网络|电商平台|电子商务平台)实现)"
    r"的?(?P<what>[\u4e00-\u9fff、和及]{2,30})$"
)
# One-character words a cut clause leaves at the end of a name (removed on a word boundary);
# 等 with the number of things listed (智算规模等六个, 外贸进出口等三项)
_LOOSE_TAIL_RE = re.compile(
    r"(?<=[\u4e00-\u9fff]{2})(?:有|达|为|由|等|各|新|等[一二三四五六七八九十两\d]{1,2}[个项类种大])$"
)
# the level of a payment a text raises or sets (企业退休人员基本养老金水平又提高10%, 退休人员
# 基本养老金人均水平提高5%, 职业学校生均拨款水平不低于12000元) is the payment's: the golds name
# it so (dev 2015 report, round15, round19); 人均补差水平 and 待遇水平 are names of their own
_PAYMENT_LEVEL_RE = re.compile(r"(?<=养老金)(?:人均)?水平$|(?<=拨款)(?:人均)?水平$")
_SHARE_DE_RE = re.compile(r"占([\u4e00-\u9fffA-Za-z0-9]{1,12})的(比重|比例|份额)$")
# 制造业的总产值在GDP当中所占的比重 is 制造业总产值占GDP比重
_SHARE_IN_RE = re.compile(
    r"([\u4e00-\u9fffA-Za-z0-9]{2,16}?)的?在([\u4e00-\u9fffA-Za-z0-9]{1,16}?)(?:当中|之中|中)"
    r"(?:所?占的?|的)(比重|比例|份额|占比)$"
)
# 重大项目计划共安排项目: the plan's projects are the 重大项目
_ARRANGED_RE = re.compile(r"^([\u4e00-\u9fff]{2,12}?)(?:计划)?共?安排(项目|资金)$")
_PM_RE = re.compile(r"PM[_\s]+(2\.5|10)")
# (the 本 of 资本, 成本, 基本, 日本 opens no scope: 资本市场 is no 资|本市|场)
_INNER_SCOPE_RE = re.compile(
    r"(?<=[\u4e00-\u9fff]{2})(?:我省|我市|我区|我县|我州|(?<![资成基日根样文版])本省|"
    r"(?<![资成基日根样文版])本市)(?=[\u4e00-\u9fff]{2})"
)
_JOINED_RE = re.compile(r"^参加(.{2,16}?(?:保险|医保))(?:的)?人数$|^(.{2,16}?(?:保险|医保))参保$")
# 规上 in the thing measured, wherever it stands in it (开发区规上工业产值, 规上（限上）…:
# GOLD_GUIDELINES 6.8.15); a share's base keeps the text's words (占规上工业比重), and 法规,
# 常规, 正规 are no 规上
_ABBREVIATED_RE = re.compile(r"(?<![法常正新占])规上(?=[\u4e00-\u9fff（(])")
# 限上 likewise is 限额以上 (限上批零住餐业经营主体, 规上（限上）…: 6.8.22); 上限, 期限, 权限, 时限…
# (and 超限上路) end in 限 and are no 限上
_ABBREVIATED_LIMIT_RE = re.compile(
    r"(?<![权期上下界极时年有无局门宽受额占超设])限上(?=[\u4e00-\u9fff（(）)])"
)
# 物流园区累计投资, 西电东送累计送电量, 三类产品合计产值: how the figure was summed,
# not what it measures (a word of its own: 公共 and 共享 keep their 共)
_INNER_TOTAL_RE = re.compile(
    r"(?<=[\u4e00-\u9fff]{2})(?:累计|合计|共计|总计|共)(?=[\u4e00-\u9fff]{2})"
)
# 为群众挽回非法集资损失, 为困难家庭发放蔬菜价格补贴: whom it was done for is not the thing
_BENEFICIARY_RE = re.compile(
    r"^为[\u4e00-\u9fff]{1,8}?(?=(?:挽回|发放|提供|办理|兑现|减免|追回)[\u4e00-\u9fff]{2})"
)
# 我区外送电能力: 我区 is a scope whatever the segmenter makes of 区外 (unlike 全区域)
# (and the speaker: 明年，我们将力争社会物流总费用…的比率降至13.5%, the lead words after it
# go as they do at a name's head)
_OUR_SCOPE_RE = re.compile(r"^我(?:们|国|省|市|区|县|州)(?=[\u4e00-\u9fff]{2})")
# 在物流配送领域开通无人机航线, 在教育、民政等领域推出…事项: the field where an act is done,
# then the act: where, not what (the act goes next, as at any name's head). A field said
# apart (在空间信息领域，新增…) is the sentence's topic, which sectors.py reads.
_FIELD_LEAD_RE = re.compile(r"^在[\u4e00-\u9fff、]{2,16}?领域(?=[\u4e00-\u9fff]{4})")
_SHARE_WORD_END_RE = re.compile(r"(?:占比|比重|比例|份额|比率)$")
# A contribution: the share of a whole's growth that a part gives (对经济增长的贡献率)
_CONTRIBUTION_RE = re.compile(r"^对[^，。；、]{2,20}?(?:的)?(?:综合)?贡献率")
# 首批社区综合服务中心, 第五批国家级非遗名录项目: which batch is a date, not the thing
_BATCH_LEAD_RE = re.compile(r"^(?:首批|第[\d一二三四五六七八九十]+批)(?=[\u4e00-\u9fff]{2})")


# 约占全省35%: a hedge before a share's 占 (the share is said as the figure is)
_HEDGED_SHARE_RE = re.compile(r"(?:^|(?<=[，、；]))(?:约|近|仅|接近|超过|不到|不足)(?=占)")

# A 股: a PDF's spacing between a Latin letter and a Chinese character
_LATIN_SPACE_RE = re.compile(r"(?<=[A-Za-z]) (?=[\u4e00-\u9fff])")


@lru_cache(maxsize=8192)
def strip_noise(text: str) -> str:
    """Remove what is never part of a name: time words, comparison bases, bracketed
    notes (``细颗粒物（PM2.5）``), ``在…基础上`` and a ``由A提高到`` baseline. A short
    alternate inside a word stays, without its brackets (执业（助理）医师, 国际（地区）航线).

    Memoised: the namers strip the same phrase before a figure several times over."""
    s = _ALTERNATE_RE.sub(r"\1", text)
    s = _LATIN_SPACE_RE.sub("", s)  # A 股: a PDF's spacing
    alternate = _TRAILING_ALTERNATE_RE.search(s)
    s = _PAREN_RE.sub("", s[: alternate.start()] if alternate else s)
    s += f"（{alternate[1]}）" if alternate else ""
    s = COMPARE_RE.sub("", s)
    s = BASE_PHRASE_RE.sub("", s)
    s = _BASELINE_TAIL_RE.sub("", s)
    s = _HEDGED_SHARE_RE.sub("", s)
    return TIME_RE.sub("", s)


# nouns that say nothing alone, whose verb says what they are for: 救助资金, 帮扶项目
_PURPOSE_NOUNS = frozenset({"资金", "经费", "资金额", "项目"})
# an amount with no noun of its own after a dealing (签约金额, 成交额): the act it
# measures is its name, never 金额 alone
_BARE_AMOUNTS = frozenset({"金额", "总金额", "总额", "额"})
_DEALINGS = frozenset(
    {"签约", "新签约", "成交", "交易", "融资", "募集", "中标", "签订", "资助", "慰问"}
)
# a level verb or a total ending a name (救助资金达到, 资助资金共计): cut later, so not yet
# when its head is read
_LEVEL_VERB_END_RE = re.compile(r"(?:达到|达|突破|超过|为|共计|合计|总计|累计)$")
_CENTRAL_SUPPLY_RE = re.compile(r"集中(?:供水|供养|供热|供暖|供气|式|安置)")


def _rate_of_new_ones(s: str, verb: re.Match) -> bool:
    """新建居住区养老设施配建率, 新增从业人员安全技能培训率: a rate of the new things (the
    新建 says which are measured), not a count of things built; 新增政府债务总规模: the new
    debt of a year, not the debt outstanding."""
    rest = s[verb.end() :]
    return (verb.group() in ("新建", "新增") and "率" in rest) or (
        verb.group() == "新增" and "债务" in rest
    )


def through_a_network(name: str) -> bool:
    """Whether ``name`` measures what was done through a network (online sales): a part
    of the known measure it ends in, never that measure."""
    return bool(_ONLINE_RE.match(name))


# A level of government, then the light verb of what it runs (省级开展…, 县级组织…, 市级开展
# 辖区内…): the level says whose the activity is and stays, the verb and the area go.
_LEVEL_RUNS_RE = re.compile(
    r"^(?P<level>[省市县区乡镇村]级)(?:组织|开展|举办|实施)了?(?:辖区内|本地区)?"
    r"(?=[\u4e00-\u9fff]{2})"
)


# Who or what a standard or an amount is counted per (提高到每人每月180元, 每户每年): the
# figure's basis, written between the verb and the figure, never part of the name
_PER_BASIS_RE = re.compile(r"每(?:人|户|生|名|亩|家|床)$")


@lru_cache(maxsize=8192)
def clean_name(text: str) -> str:
    """The measured thing in ``text``: time/scope/verb words and quotes removed.

    ``全年海洋生产总值增长`` -> ``海洋生产总值``; ``新增`` -> ``""``;
    ``烟台体育健儿在杭州亚运会上获得奖牌总数`` -> ``奖牌``.
    """
    # PDF text spaces out words (2023 年全市): spaces go first, so time words are seen
    s = _INVISIBLE_RE.sub("", strip_noise(_INVISIBLE_RE.sub("", text)).translate(_QUOTE_TABLE))
    change = _PARTNER_CHANGE_RE.search(s.lstrip("，、 "))
    partner = _PARTNER_RE.match(s.lstrip("，、 ")[: change.start() if change else None])
    if partner:
        # 对“一带一路”沿线国家实现进出口总额: trade with a partner is a part of trade;
        # 对…国家投资占50%以上: its share of all of it
        share = partner.group(3) or ("占比" if change and change.group() == "占" else "")
        return partner.group(1) + partner.group(2) + share
    met = _CLASS_MET_RE.match(s.lstrip("，、 "))
    if met and clean_name(met["who"]):
        # 水源水质达到或优于Ⅲ类比例: the share meeting a water class, 达到 and all
        return clean_name(met["who"]) + met["met"]
    online = _ONLINE_RE.match(s.lstrip("，、 "))
    if online and clean_name(online["what"]):
        # 限额以上单位通过公共网络实现的商品零售额: online sales are a part of all sales
        return clean_name(online["who"]) + online["channel"] + clean_name(online["what"])
    for _ in range(8):
        before = s
        s = s.strip(" 　、，,")
        s = _LEVEL_RUNS_RE.sub(r"\g<level>", s)  # 县级组织教师培训: the county's training
        s = _strip_head(s, SCOPE_RE)
        s = _OUR_SCOPE_RE.sub("", s)
        field = _FIELD_LEAD_RE.match(s)
        if field and VERB_RE.match(s, field.end()):
            s = s[field.end() :]
        s = _BENEFICIARY_RE.sub("", s)
        # (对经济增长的贡献率: its 对 says to what; 集中供水人口: supplied centrally, a kind
        # of supply, not a lead word before it)
        if not _CONTRIBUTION_RE.match(s) and not _CENTRAL_SUPPLY_RE.match(s):
            # 其中 opens no name, though the segmenter may cut it 其|中国 (其中国控断面)
            s = _strip_head(s.removeprefix("其中"), LEAD_RE)
        s = _strip_head(s, _ENUMERATION_RE)
        s = _strip_head(s, _BATCH_LEAD_RE)
        m = VERB_RE.match(s)
        if m and len(m.group()) > 1 and m.end() in word_bounds(s) and not _rate_of_new_ones(s, m):
            # 救助资金, 保障资金: the verb says what the funds are for; 资金 alone says nothing
            # (the level verb after it is not yet gone: 救助资金达到, 签约金额达到)
            rests = {s[m.end() :], _LEVEL_VERB_END_RE.sub("", s[m.end() :])}
            kept = bool(rests & _PURPOSE_NOUNS) or (
                bool(rests & _BARE_AMOUNTS) and m.group() in _DEALINGS
            )
            s = s if kept else s[m.end() :]
        s = _strip_head(s, _LEAD_PARTICLE_RE)
        s = _AFTER_EVENT_RE.sub("", s) if len(s) > 8 else s
        s = _GREW_TO_RE.sub("", s)  # 农民专业合作社发展到133家: before TRAIL_RE takes the 到
        s = _PER_BASIS_RE.sub("", s) if len(s) > 4 else s  # 低保标准提高到每人(每年)
        s = _strip_tail(s, TRAIL_RE)
        s = _TRAIL_DE_RE.sub("", s)
        s = _EDGE_RE.sub("", s)
        # 普通高中 keeps its 中; 产品中 (133种产品中) does not, 中 being a word of its own
        s = _strip_tail(s, _AMONG_RE) if len(s) > 3 or (len(s) - 1) in word_bounds(s) else s
        s = _TAIL_VERB_RE.sub("", s)
        s = _without_goal_words(s)
        s = _TAIL_CHANGE_RE.sub("", s) if len(s) > 4 else s
        s = _YEARS_EDGE_RE.sub("", s) if len(s) > 4 else s
        for m in VERB_RE.finditer(s):
            if (
                m.end() == len(s)
                and m.start() > 0
                and not (m.group() in _NOMINAL_ACTIVITIES and m.start() >= 2)
                # 适老化改造, 智能化改造: after an -ization the work is the name's head
                and not (s.endswith("化", 0, m.start()) and m.group() in _IZATION_WORKS)
                and not (s.endswith(_WORK_MANNERS, 0, m.start()) and m.group() in _IZATION_WORKS)
                and (len(m.group()) > 1 or m.start() in word_bounds(s))
            ):
                s = s[: m.start()]
                break
        if s == before:
            break
    s = _without_inner_total(s)
    if _YEARS_ONLY_RE.fullmatch(s):
        return ""  # 两年平均增长3.1%: a span of years is no name
    # 参加失业保险人数 is 失业保险参保人数, as bulletins' tables name it
    s = _JOINED_RE.sub(lambda m: (m.group(1) or m.group(2)) + "参保人数", s)
    s = _SHARE_DE_RE.sub(r"占\1\2", s)  # 占全市的比重 is 占全市比重
    s = _SHARE_IN_RE.sub(
        lambda m: m[1].replace("的", "") + "占" + m[2] + m[3].replace("占比", "比重"), s
    )  # 在规上工业企业中的占比 is 占规上工业企业比重
    s = _ARRANGED_RE.sub(lambda m: m[1] if m[1].endswith(m[2]) else m[1] + m[2], s)
    s = _PM_RE.sub(r"PM\1", s)  # PM_2.5: a subscript flattened by the converter
    s = _INNER_SCOPE_RE.sub("", s) if len(s) > 6 else s  # …评估我省全国排名
    s = _ABBREVIATED_RE.sub("规模以上", s)  # 规上工业 is 规模以上工业, as the tables name it
    s = _ABBREVIATED_LIMIT_RE.sub("限额以上", s)  # 限上商贸企业 is 限额以上商贸企业
    s = _without_owner_of_new_act(s)
    inner = max(
        (m for m in INNER_VERB_RE.finditer(s) if _outside_brackets(s, m.start())),
        key=lambda m: m.start(),
        default=None,
    )  # (集聚区（培育区）: a verb inside the brackets of a trailing alternate is no verb)
    if inner is not None and inner.start() > 0:
        # (城市更新行动、完成投资: the list mark before the verb is no part of the head)
        head, tail = s[: inner.start()].rstrip("、，,"), s[inner.end() :]
        if inner.group() == "新增" and tail == "就业":
            pass  # 残疾人新增就业: the jobs added are the measure, as 城镇新增就业 is
        elif _rate_of_new_ones(s, inner) and _is_name(head):
            pass  # 重点行业企业新增从业人员培训率: the rate of the new ones, and whose
        elif (tail in ATTRIBUTES or _is_verb(tail) or tail.startswith("再")) and _is_name(head):
            s = head + tail  # 规模以上工业企业实现营业收入 -> 规模以上工业企业营业收入
        elif (
            inner.group() == "新增"
            and _is_name(head)
            # 自贸试验区新增企业: the firms of a zone, the bare 企业 named by the zone
            and (_is_name(tail) or tail == "企业")
            and len(head) <= 6
            and _noun_end(head) == len(head)
            and not re.search(r"[年月期]", head)  # 五年新增: a time, not a subject
            and not _is_verb(head[:2])  # 引导金融机构新增…贷款: who is led is no owner
        ):
            s = head + tail  # 可再生能源新增装机: the new capacity of renewables, not all
        elif _PER_BASE_RE.fullmatch(tail) and _is_name(head):
            s = head  # 工业机器人密度达到每万人300台: the density, per head of what
        elif _is_name(tail):
            s = tail
    if "的" in s:
        tail = s.rsplit("的", 1)[1]
        # 在蓉设立领事机构的国家: a bare 国家 after 的 needs what comes before it
        head = s.rsplit("的", 1)[0]
        if "对" in head and tail.startswith("贡献"):
            pass  # 消费对经济增长的贡献率: a share of something else, the whole is the name
        elif (
            _SHARE_WORD_END_RE.search(tail)
            and "占" not in _SHARE_WORD_END_RE.sub("", tail)
            and _is_name(head)
            and len(head) >= 4
        ):
            pass  # 政府采购工程面向中小企业的预留份额: a share says whose it is before 的
        elif _THRESHOLD_HEAD_RE.search(head) and len(tail) >= 2:
            pass  # 营业收入过十亿元的工业企业: a size class with its count is in the name (§3)
        elif (hinder := _HINDERING_RE.match(head)) and tail in _RULE_NOUNS:
            # 清理妨碍统一市场和公平竞争的政策文件: only the rules that hinder are counted,
            # the clause is their kind (GOLD_GUIDELINES 6.8.8); the act on them goes
            s = head[hinder.start("what") :] + "的" + tail
        elif QUALIFIED_RE.fullmatch(head):
            # 具有资质等级的…建筑业企业: the statistics' population, not a loose clause;
            # 具备科创板上市条件的企业: the condition the things counted meet is their kind
            pass
        elif len(tail) >= 2 and tail not in GENERIC_NAMES and tail not in _BARE_HEADS:
            s = tail
    if len(s) > 3:
        s = _strip_tail(s, _LOOSE_TAIL_RE)  # 重点调度项目有, 5G基站达, 中职学校由
    s = _settled_forms(s)
    if s.endswith("水平"):
        s = _PAYMENT_LEVEL_RE.sub("", s)
    if s in ("经济", "经济社会") and _ECONOMIC_GROWTH_RE.search(text):
        s = "经济增长"  # 经济增长5%左右 (经济增长预期目标为): the growth of GDP, by convention
    return s


# A new thing built or opened by an owner said just before the act: 镇中心校新建教学楼,
# 港口新开通国际集装箱航线. The thing is the name, the owner only where it was done (the
# act at a name's head goes anyway: 新开通国际集装箱航线 -> 国际集装箱航线). 新建商品住宅
# is the price statistics' term, not an act.
_NEW_ACT_RE = re.compile(r"新(?:建(?!商品)|开通|开辟|修建|修|铺设)")


# Money a relief saves is the burden or cost relieved (GOLD_GUIDELINES 6.8.11): 减轻企业税负,
# 企业减轻税费负担, 全社会降低企业成本, 企业降低成本 -> 企业税负, 企业税费负担, 企业成本;
# 经营主体减负 -> 经营主体负担. (Whom it was for stays where the text puts it before.)
_RELIEVED_RE = re.compile(
    r"^(?:全社会)?(?P<who>[\u4e00-\u9fff]{0,6}?)(?:减轻|降低)"
    r"(?P<what>[\u4e00-\u9fff]{0,10}?(?:负担|成本|税负))$"
)
_RELIEF_SAID_SHORT_RE = re.compile(r"^(?P<who>[\u4e00-\u9fff]{2,8}?)减负$")
# A year's output is 产量, the year being the record's (6.8.19): 煤制油年产量 -> 煤制油产量,
# 年产发电设备 -> 发电设备产量 (年产能 and 年产值 are other measures)
_YEARS_OUTPUT_RE = re.compile(r"(?<=[\u4e00-\u9fff])年产量")
_YEARS_OUTPUT_LEAD_RE = re.compile(r"^年产(?![能值量])(?P<what>[\u4e00-\u9fff]{2,8})$")
# so is a year's value or sales said with 年 (6.8.26): 绿色建材年营业收入 -> 绿色建材营业收入,
# 产业园年产值 -> 产业园产值; a class's threshold (年营业收入超百亿元的企业) ends in its
# things and is left as written, and 当年, 全年, 今年… are time words of their own
_YEARS_VALUE_RE = re.compile(
    r"(?<=[\u4e00-\u9fff]{2})(?<![当全今明去上同每近历往多])年(?=(?:产值|营业收入|营收|销售收入|销售额)$)"
)

# The money of a bond the table lists is the bond (GOLD_GUIDELINES 6.8.29), as its quota and
# size are: 超长期特别国债资金 -> 超长期特别国债. A list sharing one 资金
# (中央预算内投资和超长期特别国债资金) and the projects' money (…项目资金) are other measures.
_BOND_FUNDS_RE = re.compile(r"^(超长期特别国债|地方政府专项债券)资金$")
# 总面积 of a thing is its 面积 (6.8.31): 林下经济总面积, 风景名胜区总面积占国土面积比重 ->
# 林下经济面积, 风景名胜区面积占…; a share's base keeps the text's words (占耕地总面积比重)
_TOTAL_AREA_RE = re.compile(r"^(?P<what>[^占]*[\u4e00-\u9fff]{2})总面积(?=$|占)")


def settled_whole_name(name: str) -> str:
    """A record's whole name (composed or read, not in the table) in the form GOLD_GUIDELINES
    6.8.29 and 6.8.31 settle; applied to the whole so that a share's base is told apart."""
    name = _BOND_FUNDS_RE.sub(r"\1", name)
    return _TOTAL_AREA_RE.sub(r"\g<what>面积", name)


def _settled_forms(s: str) -> str:
    """Names the golds had written two ways, written the one way GOLD_GUIDELINES 6.8 settles."""
    m = _RELIEVED_RE.match(s)
    if m and len(m["who"] + m["what"]) >= 3:
        return m["who"] + m["what"]
    m = _RELIEF_SAID_SHORT_RE.match(s)
    if m:
        return m["who"] + "负担"
    s = _YEARS_OUTPUT_RE.sub("产量", s)
    s = _YEARS_VALUE_RE.sub("", s)
    m = _YEARS_OUTPUT_LEAD_RE.match(s)
    if m:
        return m["what"] + "产量"
    return s


def _without_owner_of_new_act(s: str) -> str:
    m = _NEW_ACT_RE.search(s)
    if m is None or not 2 <= m.start() <= 5:
        return s
    head, tail = s[: m.start()], s[m.end() :]
    if (
        _noun_end(head) == len(head)
        and _is_name(head)
        and not _is_verb(head[:2])
        and not re.search(r"[年月期]", head)  # 今年新建: a time, not an owner
        and head[-1] not in "省市县区州旗镇乡村"  # 穆棱市新建初中: a place, read as the region
        and len(tail) >= 2
        and _is_name(tail)
    ):
        return tail
    return s


# 一是全区经济…, 其二…: the enumeration of a report's points, not part of a name
_ENUMERATION_RE = re.compile(
    r"^(?:[一二三四五六七八九十]{1,2}是|其[一二三四五六七八九十]|首先|其次|再次"
    r"|\d{1,2}[.．、](?!\d))"  # 1.污水处理率达到95%: a list item's number
)


# What a report says about a figure after naming its subject: 地区生产总值预期增长目标为,
# 经济增长预期目标, 生产总值增长目标定为. The goal is the figure's kind, not its name.
_GOAL_TAIL_RE = re.compile(
    r"(?P<growth>(?:的)?(?:预期|计划)?(?:增长|增速))?(?:的)?(?:预期目标|预期|目标)(?:值)?"
    r"(?:定为|设定为|确定为|调整为|为|是|定|设定|确定|调整)?$"
)
_ECONOMIC_GROWTH_RE = re.compile(r"经济(?:社会发展)?(?:的)?(?:预期|年均|平均)?(?:增长|增速)")


def _outside_brackets(s: str, at: int) -> bool:
    """Whether ``s[at]`` is outside any bracket (集聚区（培育区）: 培育 is inside)."""
    return s.count("（", 0, at) <= s.count("）", 0, at)


def _without_inner_total(s: str) -> str:
    """``园区累计投资`` -> ``园区投资``: an adverb of summing inside a name, on word bounds."""
    for m in _INNER_TOTAL_RE.finditer(s):
        bounds = word_bounds(s)
        if m.start() in bounds and m.end() in bounds:
            return s[: m.start()] + s[m.end() :]
    return s


def _without_goal_words(s: str) -> str:
    """``地区生产总值预期增长目标为`` -> ``地区生产总值``; ``经济增长预期目标`` -> ``经济增长``
    (增长 stays when nothing but 经济 would be left)."""
    m = _GOAL_TAIL_RE.search(s)
    if m and m.start() == 0 and "目标" in m.group() and m.end() > len("预期目标"):
        return ""  # 预期目标设定为6%: the goal is said, what it is of is not (not here)
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


# Heads too bare to name a figure without the words before them.
_BARE_HEADS = frozenset(
    {"国家", "城市", "地区", "县", "村", "人", "人数", "数量", "比例", "比率", "比重",
     "县域", "乡镇", "省份", "国家和地区"}
)  # fmt: skip
