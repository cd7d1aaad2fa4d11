"""Row labels and captions made into names.

A row's label cleaned (``#住宅`` -> ``住宅``, notes and brackets dropped), its unit and
its measure (``产量``, ``增加值``), a caption's subject (``表1：2022 年地区生产总值及
其增长速度`` -> ``地区生产总值``) and period (``十四五``), whether a line is a caption,
and rows named by a place (``洛龙区``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.targets.tables.cells import _SPACES_RE, _UNIT_WORD_RE, _norm_unit

_LEAD_MARK_RE = re.compile(
    r"^(?:[#＃]+|其中\s*[：:]?|内\s*[：:]|在总计中\s*[：:]?|在.{1,6}中\s*[：:]|"
    r"[一二三四五六七八九十]+\s*[、．.]|[（(][一二三四五六七八九十\d]+[)）]|\d+\s*[．.、]|[①-⑳])\s*"
)
_PARENS_RE = re.compile(r"[（(][^（）()]*[)）]")
_NOTE_RE = re.compile(r"\[\d+\]|［\d+］|〔\d+〕")
_NOTE_MARK_RE = re.compile(r"(?:\[\d+\]|[*＊△▲①-⑳]+)$")
_SCOPE_LEAD_RE = re.compile(r"^(?:全年|年末|全国|全省|全市|全州|全盟|全区|全县|全旗|全部|总(?!计))")
_CAPTION_SCOPE_RE = re.compile(
    r"^(?:全年|年末|全国|全省|全市|全州|全盟|全区|全县|全旗|全部|本年|当年)"
)
_LEAD_VERB_RE = re.compile(r"^(?:接待|实现|完成|全年实现|新增加)")
_TOTAL_LABELS = frozenset({"总计", "合计", "总数", "全部", "总量", "总额", "总体", "全市", "全省"})
_GENERIC_LABELS = frozenset({"其他", "其它", "其他类", "其余", "其他用品和服务", "其他用品及服务"})
# Rows named by a place or by a scope that qualifies the parent's whole name.
_SCOPE_WORDS_TEXT = "城市 农村 城镇 乡村 城区 市区 县域 铁路 公路 水运 水路 航空 民航 管道 港口"
_SCOPE_WORDS = frozenset(_SCOPE_WORDS_TEXT.split())
# An ownership form written bare in a row of firms (公有制, 非公有制).
_OWNERSHIP_RE = re.compile(r"(?:非)?公有制|股份制|国有|集体|私营|民营|国有控股")
# What a name measures, from its end; the longest match wins.
_MEASURES_TEXT = (
    "人均可支配收入 可支配收入 人均消费支出 消费支出 户籍人口 人口 竣工面积 "
    "施工面积 新开工面积 销售面积 播种面积 种植面积 收获面积 面积 运输总量 "
    "运输周转量 周转量 吞吐量 运输量 客运量 货运量 存款余额 贷款余额 余额 存款 "
    "贷款 招生数 在校生数 毕业生数 旅游者人数 人数 人次 总产值 产值 工业增加值 "
    "增加值 生产总值 生产量 产量 出栏 存栏 投资额 投资 销售额 零售额 营业额 "
    "成交额 总额 收入 支出 资金 利润 价格指数 指数 价格 比重 占比 比例 总量 数量 "
    "总数 量 额 数 率"
)
_MEASURES = tuple(_MEASURES_TEXT.split())
_MEASURE_RE = re.compile("(?:" + "|".join(_MEASURES) + ")$")
# The measure a parent hands to its sub-rows (第一产业 under 地区生产总值 is 增加值).
_CHILD_MEASURE = {
    "生产总值": "增加值",
    "投资额": "投资",
    "总量": "",
    "数量": "",
    "总数": "",
    "运输总量": "运输总量",
}
_CHANGE_SUFFIX_RE = re.compile(
    r"(年均增长|年均增速|增长率|增长|增速|增幅|涨幅|下降|降低|减少|提高|提升|上升|上涨)$"
)
_CAPTION_RE = re.compile(r"^\s*(?:附表|续表|表|专栏|图)\s*[\d一二三四五六七八九十]*")
_CAPTION_TAIL_RE = re.compile(
    r"(?:及其?|和)?(?:增长速度|增速|构成|比上年涨跌情况|涨跌情况|完成情况|情况|一览表?)+$"
)
_CAPTION_HEAD_RE = re.compile(
    r"^(?:(?:19|20)\d\d\s*(?:[—–\-~～至]\s*(?:19|20)\d\d)?\s*年(?:末|底|度)?)"
)
_SPLIT_BY_RE = re.compile(
    r"^(?:分行业|分地区|分产业|分类别|分经济类型|分区域|分县区?|各县市区|各县区|各地区|各地市|各市州"
    r"|各县|各区|各市|各乡镇|各街道|主要)"
)
_TOPIC_TAIL_RE = re.compile(r"(?:水环境|环境|空气)?质量$|主要指标$|指标$")


_CURRENCY_RE = re.compile(r"本外币|人民币|外币")
_LOAN_TERM_RE = re.compile(r"(?:短期|中长期|长期|活期|定期)$")


def _clean_label(text: str) -> str:
    """``#住宅`` -> ``住宅``; ``0-15 岁（含不满16 周岁）`` -> ``0-15岁``; ``1．生产总值`` ->
    ``生产总值``. Units in brackets go with the brackets (see :func:`_label_unit`)."""
    s = _SPACES_RE.sub("", text.strip())
    for _ in range(3):
        m = _LEAD_MARK_RE.match(s)
        if not m or m.end() == 0:
            break
        s = s[m.end() :]
    s = _NOTE_RE.sub("", s)
    prev = None
    while prev != s:
        prev = s
        s = _PARENS_RE.sub(_drop_parens, s)
    s = _NOTE_MARK_RE.sub("", s).strip("：:、，, ")
    # 个人卫生支出占卫生总费用的比重（%）: a row names a share as prose does, without the base's
    # 的 (naming.clean's _SHARE_DE_RE; the prose of round37's outline writes the same share so)
    return _SHARE_DE_RE.sub(r"占\1\2", s)


# 占全市的比重 is 占全市比重, as naming.clean writes a share's base in prose
_SHARE_DE_RE = re.compile(r"占([\u4e00-\u9fffA-Za-z0-9]{1,12})的(比重|比例|份额)$")


# a short alternate inside a name, a word going on after it (执业（助理）医师数, 高职（专科）院校):
# part of the name as written (GOLD_GUIDELINES 6.6); a note (（含…）, （不含农户）) or a unit
# in brackets is not
_INNER_ALTERNATE_RE = re.compile(
    r"[（(](?!含|不含|包括|其中|注|按)[\u4e00-\u9fff、]{1,4}[)）](?=[\u4e00-\u9fff])"
)


def _drop_parens(m: re.Match[str]) -> str:
    """A bracket of a label dropped, unless it is a short alternate inside the name."""
    inner = m.group()[1:-1]
    if _INNER_ALTERNATE_RE.match(m.string, m.start()) and not _UNIT_WORD_RE.match(inner):
        return m.group()
    return ""


# Units said only in a label's brackets: 满意度（分） is scored in points, but a cell or a
# what a capacity's unit is per (万吨/年, 吨/日)
_PER_TIME = ("/年", "/日")
# label ending in 分 (部分, 成分) is no figure in points
_BRACKET_ONLY_UNITS = frozenset({"分"})


def _label_unit(text: str) -> str:
    """The unit a label carries in brackets: ``城镇化率（%）`` -> ``%``."""
    for m in _PARENS_RE.finditer(text):
        inner = _SPACES_RE.sub("", m.group()[1:-1])
        if _UNIT_WORD_RE.match(inner) or inner in _BRACKET_ONLY_UNITS:
            return _norm_unit(inner)
        if inner.endswith(_PER_TIME) and _UNIT_WORD_RE.match(inner[:-2]):
            # a capacity's unit per year or day: 制氢能力（万吨/年）, 正极材料产能（万吨/年）
            return _norm_unit(inner[:-2]) + inner[-2:]
    return ""


def _measure(name: str) -> str:
    m = _MEASURE_RE.search(name)
    return m.group() if m else ""


def _join_measure(label: str, measure: str) -> str:
    """``轻工业`` + ``工业增加值`` -> ``轻工业增加值`` (the overlap is written once)."""
    if not measure:
        return label
    if label.endswith(measure):
        return label
    for k in range(min(len(label), len(measure) - 1), 0, -1):
        if label.endswith(measure[:k]):
            return label + measure[k:]
    return label + measure


# who holds what a caption's table lists: 金融机构本外币|存贷款, 金融机构人民币|存款
_HOLDER_RE = re.compile(r"(?P<holder>[\u4e00-\u9fff]{2,12}?)(?:存贷款|存款|贷款)")


@lru_cache(maxsize=512)
def _caption_subject(caption: str, region: str) -> str:
    """``表1：2022 年地区生产总值及其增长速度`` -> ``地区生产总值``."""
    s = _CAPTION_RE.sub("", caption.replace("\t", " ")).lstrip("：:.． \u3000")
    s = _SPACES_RE.sub("", s)
    while True:
        prev = s
        s = _CAPTION_HEAD_RE.sub("", s)
        if region:
            for suffix in ("市", "州", "省", "县", "区", "自治州", "盟", "旗", ""):
                if s.startswith(region + suffix) and len(s) > len(region + suffix):
                    s = s[len(region + suffix) :]
                    break
        s = _CAPTION_SCOPE_RE.sub("", s) if len(s) > 3 else s
        s = _SPLIT_BY_RE.sub("", s)
        if s == prev:
            break
    s = _PARENS_RE.sub("", s)
    s = _CAPTION_TAIL_RE.sub("", s)
    return s.strip("：:、，, ")


_PERIODS = {
    "十一五": "2006-2010",
    "十二五": "2011-2015",
    "十三五": "2016-2020",
    "十四五": "2021-2025",
    "十五五": "2026-2030",
}
_SPAN_RE = re.compile(r"((?:19|20)\d\d)\s*[—–\-~～至到]+\s*((?:19|20)\d\d)\s*年")
_BY_YEAR_RE = re.compile(r"(?:到|至)\s*((?:19|20)\d\d)\s*年")
_CAPTION_YEAR_RE = re.compile(r"((?:19|20)\d\d)\s*年")


@lru_cache(maxsize=512)
def _caption_period(caption: str) -> str:
    for key, span in _PERIODS.items():
        if key in caption:
            return span
    m = _SPAN_RE.search(caption)
    if m:
        return f"{m.group(1)}-{m.group(2)}"
    m = _BY_YEAR_RE.search(caption)
    return m.group(1) if m else ""


_MAX_CAPTION = 80


_PLACE_SUFFIX_RE = re.compile(
    r"^(.{2,}?)(?:特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|新区|市|省|县|区|州|盟|旗)$"
)
_PLACE_ROW_RE = re.compile(r"^.{1,8}(?:市|区|县|州|旗|盟|新区|开发区|高新区|示范区)$")


def _is_caption(text: str) -> bool:
    if len(text) > _MAX_CAPTION:
        return False
    s = _SPACES_RE.sub("", text)
    if not s:
        return False
    m = _CAPTION_RE.match(s)
    if not m or m.end() == 0:
        return False
    rest = s[m.end() :]
    if not rest:
        return True
    head = s[: m.end()]
    # 表1…, 专栏2…, 图3…: a number or a separator after the word (not 表示, 专栏目)
    return bool(re.search(r"[\d一二三四五六七八九十]$", head)) or rest[0] in "：:　 .．、"


def _join_label_cells(cells: list[str]) -> str:
    """``在总计中：`` + ``轻工业`` -> ``轻工业``; ``#粮`` + ``食`` -> ``#粮食``."""
    kept = [c for c in cells if c and not re.fullmatch(r".{0,8}[：:]", c)]
    return "".join(kept)


def _strip_scope(name: str) -> str:
    return _SCOPE_LEAD_RE.sub("", name) if len(name) > 3 else name


def _new_prefix(parent: str) -> str:
    """``新登记市场主体总量`` -> ``新登记``: a prefix the parent's sub-rows share."""
    m = re.match(r"^(新登记|新注册|新增|新设立|新建|年末实有|实有)", parent)
    return m.group(1) if m else ""


def _looks_like_place(label_raw: str) -> bool:
    """``洛龙区``, ``偃师市``: a row named by a place (in a table without a header)."""
    label = _clean_label(label_raw)
    if label in _SCOPE_WORDS or _measure(label) or "园区" in label or label.endswith("市区"):
        return False
    return bool(_PLACE_ROW_RE.match(label))


def _place_name(label: str, region: str) -> str:
    if label in ("全市", "全省", "全州", "全县", "全区", "合计", "总计", "全国"):
        return "全国" if label == "全国" else region
    m = _PLACE_SUFFIX_RE.match(label)
    return m.group(1) if m else label
