"""Splitting a list of subjects into items.

``A、B`` or ``A和B`` said before one figure or a ``分别`` run of them: each item given
the head or tail the items share as written (:func:`_split_items`, :func:`_split_list`,
:func:`_shared_tail_items`), and the patterns of measures, shares and statistical nouns
those readings (and the list forms) test items with.
"""

from __future__ import annotations

import re

from bot.corpus.gazetteer import default_gazetteer
from bot.targets.dict_words import is_two_char_word
from bot.targets.frames import measure_of
from bot.targets.lexicon import LEVEL_LEAD_RE, LEVEL_ONLY_RE
from bot.targets.naming.words import (
    _dict_words,
    _fine_bounds,
    _first_word_end,
    _is_name,
    _is_verb,
    _lone_last_char,
    _one_word,
    _segmenter,
    word_bounds,
)

_STAT_NOUN_RE = re.compile(
    r"(收入|总额|投资|增加值|产值|利润|税收|零售额|消费|出口|进口|外资|生产总值|总值|工资|存款|贷款"
    r"|报酬|生产率|满意度|满意率|标准|预期寿命)$"
)
_ITEM_SPLIT_RE = re.compile(r"、|和|及|与")
_URBAN_RURAL = ("城乡",)

# the last item of a list and the kind all the items are: 特色消费品|等|产业集群
_ETC_KIND_RE = re.compile(
    r"(?P<last>[^等]{2,12}?)等(?:[一二三四五六七八九十\d]{1,2}[个大项类种])?"
    r"(?P<kind>[\u4e00-\u9fff]{2,8})"
)


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
        and all(
            _one_word(c + ellipsis["rest"][0]) and is_two_char_word(c + ellipsis["rest"][0])
            for c in (ellipsis["a"], ellipsis["b"])
        )  # 发明专利有效量、技术…: 量术 is no word, so 量 stands for none
        and _first_word_end(ellipsis["b"] + ellipsis["rest"]) == 2
    ):
        # 本外币存、贷款余额: 存款余额 and 贷款余额; 进、出口总额; 中、小学
        pre, rest = ellipsis["pre"], ellipsis["rest"]
        return [pre + ellipsis["a"] + rest, pre + ellipsis["b"] + rest]
    items = _split_list(subject, n)
    if len(items) < 2:
        return items
    items = _shared_prefix(items)
    per_unit = _PER_UNIT_LEAD_RE.match(items[0])
    if per_unit:
        # 单位国内生产总值能耗和二氧化碳排放: both per unit of output, the second too
        items = [items[0]] + [
            per_unit.group() + p if _PER_UNIT_AMOUNT_RE.fullmatch(p) else p for p in items[1:]
        ]
    setting = _SETTING_LEAD_RE.match(items[0])
    rest = items[0][setting.end() :] if setting else ""
    if setting and len(rest) >= 2 and not any(p.endswith(rest) for p in items[1:]):
        # 农村自来水、卫生户厕普及率: the setting the first item opens with is the list's
        # (农村卫生户厕普及率), unless a later item says its own or the items differ only
        # in it (农村消费、网络消费: the setting is what the list contrasts)
        items = [items[0]] + [
            p if _SETTING_LEAD_RE.match(p) else setting.group() + p for p in items[1:]
        ]
    items = _owner_shared(items)
    level = LEVEL_LEAD_RE.match(items[0])
    if not level or any(LEVEL_ONLY_RE.match(p) for p in items[1:]):
        return items
    return [items[0]] + [level.group() + p for p in items[1:]]


# A first item that is a thing and one of its measures (高新技术企业数量), and the bare
# money measures a later item may be of the same thing (营业收入, 获资助额)
_OWNER_MEASURE_RE = re.compile(
    r"(?P<owner>[\u4e00-\u9fff]{2,}?)(?:立项数量|数量|个数|家数|产量|产值|增加值|营业收入|营收)$"
)
_BARE_MONEY_RE = re.compile(
    r"(?:获|实现)?(?:资助额|资助金额|营业收入|营收|产值|利润|利润总额|税收|销售额|交易额|投资额)"
)


def _owner_shared(items: list[str]) -> list[str]:
    """高新技术企业数量和营业收入, 基金项目立项数量和获资助额: a later item that is only
    a measure of money is the first item's thing's (高新技术企业营业收入), not the
    region's."""
    owner = _OWNER_MEASURE_RE.fullmatch(items[0])
    if owner is None or not _is_name(owner["owner"]) or _is_verb(owner["owner"][:2]):
        return items
    of = owner["owner"]
    return [items[0]] + [of + p if _BARE_MONEY_RE.fullmatch(p) else p for p in items[1:]]


# Where the things of a list are (农村, 城镇, 行政村): said once, before the first item
_SETTING_LEAD_RE = re.compile(r"^(?:农村|乡村|行政村|自然村)")


# An intensity (an amount per unit of output) and the amounts a list may share it with
_PER_UNIT_LEAD_RE = re.compile(
    r"单位(?:国内生产总值|地区生产总值|GDP|生产总值|工业增加值)(?=能耗|二氧化碳|碳排放|用水量|水耗)"
)
_PER_UNIT_AMOUNT_RE = re.compile(r"(?:二氧化碳|碳)排放(?:量)?|能耗|能源消耗|用水量|水耗")


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


_AMONG_LEAD_RE = re.compile(r"^[\u4e00-\u9fff]{2,8}?中(?=[\u4e00-\u9fff]{2})")


def _without_among(item: str) -> str:
    """``经济作物中蔬菜及食用菌产量`` -> ``蔬菜及食用菌产量``: the whole an item is taken
    from, when its 中 is a word of its own (“中国好人”, 国有中小企业 keep theirs)."""
    m = _AMONG_LEAD_RE.match(item)
    if m and {m.end() - 1, m.end()} <= word_bounds(item):
        return item[m.end() :]
    return item


# characters that end a word rather than start the next (服务业, 烟酒类, 劳动者)
_SUFFIX_CHARS = frozenset("业类者性化型级")


# a pollutant's or a product's code (PM2.5, SO2, NOx)
_CODE_RE = re.compile(r"[A-Za-z][A-Za-z0-9.]*")


# the count of a list's members said after its last item, with the kind of set they make
# (煤炭、能源、新材料三大主导产业; 先进装备制造、新材料两个产业集群): it names none of them
_MEMBER_COUNT_RE = re.compile(
    r"(?P<n>[两二三四五六七八九十]|\d{1,2})(?:个|大|类)(?:主导|支柱|优势|重点)?(?=[\u4e00-\u9fff]{2})"
)
_SMALL_NUMERALS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _without_member_count(last: str, members: int) -> str:
    """The last item of a list of ``members`` without the count of the list's members it
    says (新材料三大主导产业产值 -> 新材料产业产值 when three were listed); a count that is
    not the list's (两个, three listed) is the item's own and stays."""
    m = _MEMBER_COUNT_RE.search(last, 2)
    if m is None:
        return last
    said = int(m["n"]) if m["n"].isdigit() else _SMALL_NUMERALS.get(m["n"], 10)
    return last[: m.start()] + last[m.end() :] if said == members else last


def _is_plain_word(p: str) -> bool:
    """Whether a listed item is CJK words only (no figure, mark or bracket)."""
    return bool(re.fullmatch(r"[\u4e00-\u9fff]+", p))


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
    items = [*items[:-1], _without_member_count(items[-1], len(items))]
    kind = _ETC_KIND_RE.fullmatch(items[-1])
    if kind and not any("等" in p for p in items[:-1]):
        if kind["kind"].endswith("指标"):
            # 营业收入、智算规模等主要指标: the items are the measures, 指标 says so
            return [*items[:-1], kind["last"]]
        # 电子信息、装备制造、特色消费品等产业集群: each item is one of that kind
        return [p + kind["kind"] for p in [*items[:-1], kind["last"]]]
    # the longest measure the first item ends with: 受害面积 (not 面积) of 森林火灾
    head_measure = max(
        (
            measure_of(items[0]) or "",
            m.group() if (m := _COUNT_MEASURE_RE.search(items[0])) else "",
            m.group() if (m := _BARE_MEASURE_END_RE.search(items[0])) else "",
        ),
        key=len,
    )
    shares = [bool(_SHARE_OF_RE.search(p)) for p in items[1:]]
    if (
        head_measure
        and not all(shares)
        and all(_BARE_MEASURE_RE.fullmatch(_SHARE_OF_RE.sub("", p)) for p in items[1:])
    ):
        # 生产安全事故起数、死亡人数: the later measures are of the first item's entity
        # (a share of a whole listed with them, 直接经济损失占GDP比重, stays as it is said)
        entity = items[0][: -len(head_measure)]
        if len(entity) >= 2 and len(entity) in word_bounds(items[0]):
            # (营业总收入、利润总额: 营业总 is no entity, 总收入 is one word)
            return [items[0]] + [
                p if share else entity + p for p, share in zip(items[1:], shares, strict=True)
            ]
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
    level = LEVEL_LEAD_RE.match(last)
    if (
        level
        and len(last) > level.end() + 1
        and all(LEVEL_ONLY_RE.fullmatch(p) for p in items[:-1])
    ):
        # 国家级、省级现代农业产业园: levels listed before the thing, each of the whole thing
        return [p + last[level.end() :] for p in items[:-1]] + [last]
    code = _CODE_RE.match(last)
    if code and code.end() < len(last) and all(_CODE_RE.fullmatch(p) for p in items[:-1]):
        # PM10、PM2.5平均浓度, SO2、NOx排放量: codes listed before the measure they share
        return [p + last[code.end() :] for p in items[:-1]] + [last]
    short = max(len(p) for p in items[:-1])
    # the head of the last item is the word(s) parallel to the first item: 城镇、农村居民…
    # (农村), 制造业、普惠小微贷款余额 (普惠小微), 地表水、近岸海域水质… (近岸海域)
    coarse = word_bounds(last)
    cut = min(
        (
            b
            for b in _fine_bounds(last)
            if len(items[0]) <= b < len(last)
            and last[b] not in _SUFFIX_CHARS
            and (b in coarse or min(e for e in coarse if e > b) - b > 1)
        ),
        default=0,
    )  # (工业、服务业增加值: 服务|业 is no cut, 业 is the word's own; nor 集装|箱 inside
    # one word, 货物、集装箱吞吐量: the last character of a word is the word's)
    industry = max(last.rfind(w, 2) for w in ("产业", "行业"))
    if (
        short <= 3
        and industry > cut > 0
        and not any(p.endswith("业") for p in items[:-1])
        and all(_is_plain_word(p) for p in items[:-1])
    ):
        # 硅光伏、新能源电池产业集群产值: each an industry and the measure after its 产业,
        # not 硅光伏 + 电池… (the last item's own words run up to its 产业)
        return [p + last[industry:] for p in items[:-1]] + [last]
    if last[:cut].endswith("农村") and last.startswith("牧区", cut):
        cut += 2  # 城镇、农村牧区常住居民…: Inner Mongolia's word for the countryside is one
    if short <= 3 and len(last) > short + 1 and 0 < cut <= len(items[0]) + 2:
        head = last[:cut]
        tail = last[len(head) :]
        tail = _owed_balance(head, tail)  # 制造业、绿色贷款余额: 制造业贷款余额, not …余额
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
        tail = _owed_balance(last[: tail_word.start()], tail)  # 民营企业、涉农贷款余额
        paid = _PAYMENT_END_RE.search(last, 0, tail_word.start())
        if (
            tail == "标准"
            and paid
            and paid.start() >= 2
            and not any(_PAYMENT_END_RE.search(p) for p in items[:-1])
        ):
            tail = paid.group() + tail  # 机构养老和居家养老服务补贴标准: 机构养老补贴标准
        industry = max(last.rfind(w, 2, tail_word.start()) for w in ("产业", "行业"))
        if industry >= 2 and not any(p.endswith("业") for p in items[:-1]):
            # 电子信息、装备制造、新材料产业营业收入: each an industry, and its 营业收入
            tail = last[industry:]
        items = [p + tail for p in items[:-1]] + [items[-1]]
        return [_without_among(p) for p in items]
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
    credit = _CREDIT_TAIL_RE.search(last)
    if credit and credit.start() >= 2 and not any(_says_credit_or_measure(p) for p in items[:-1]):
        # 小微企业、涉农贷款: loans to each borrower listed (小微企业贷款), not the borrowers
        return [p + credit.group() for p in items[:-1]] + [last]
    return items


def _owed_balance(before: str, tail: str) -> str:
    """A shared ``余额`` written after 贷款 or 存款 (``before`` ends with it, after a
    word of its own): each item's 贷款余额 or 存款余额; any other tail as it is."""
    owed = _CREDIT_TAIL_RE.search(before)
    return owed.group() + tail if tail == "余额" and owed and owed.start() >= 2 else tail


def _says_credit_or_measure(item: str) -> bool:
    return bool(
        _CREDIT_TAIL_RE.search(item)
        or _MEASURE_TAIL_RE.search(item)
        or _SAYS_A_MEASURE_RE.search(item)
    )


_EACH_RE = re.compile(
    r"(?:均|双双|都|各)(?:要|将)?(?:为|达到|达|增长|提高|提升|下降|降低|减少|超过|突破|保持|实现|居|在"
    r"|控制在)?$"
    r"|(?:均|双双)(?=[为达增提下超突保实居])"
)
# (因灾死亡失踪人数 is one measure of disasters: 自然灾害 is its entity, not 自然灾害因灾)
_COUNT_MEASURE_RE = re.compile(
    r"((?:因灾)?死亡失踪人数|因灾死亡人数|起数|人数|次数|户数|件数|死亡人数|受伤人数)$"
)
_BARE_MEASURE_RE = re.compile(
    r"(?:起数|人数|死亡人数|受伤人数|直接经济损失|产量|产值|增加值|面积|收入|利润|利润总额|营业收入"
    r"|零售额|销售额|投资|余额|支出"
    # the losses a disaster or an accident is counted by, beside its deaths
    r"|直接财产损失|倒塌房屋数量|倒塌房屋|受灾人数|受灾人口|失踪人数|过火面积|受害面积|受灾面积)"
)
_BARE_MEASURE_END_RE = re.compile("(?:" + _BARE_MEASURE_RE.pattern + ")$")
# a measure's share of a whole, listed with the measures (直接经济损失占GDP比重)
_SHARE_OF_RE = re.compile(r"占[^、，。；]{2,16}(?:比重|比例)$")
_MEASURE_TAIL_RE = re.compile(
    r"(新增就业|产量|产值|增加值|零售额|销售额|收入|支出|投资|面积|总额|价格|参保人数|人数|比重|占比|余额|数量"
    r"|规模|起数|标准|排放量|排放)$"
)
# what a standard is of, when a payment (补贴标准, 津贴标准): every item's, with the 标准
_PAYMENT_END_RE = re.compile(r"(?:补贴|补助|津贴|救助金|生活费|抚恤金|养老金|保险金|补差)$")
# loans and deposits, at the end of a list's last item: each borrower's or saver's
_CREDIT_TAIL_RE = re.compile(r"(?:贷款|存款)$")
# An item that already ends in a measure takes no shared one (单位国内生产总值能耗和二氧化碳排放;
# 化学需氧量 is a pollutant, not a measure: 化学需氧量、氨氮排放 are both 排放)
_SAYS_A_MEASURE_RE = re.compile(r"(?<!需氧)(?:耗|率|量|额|值|数|度|价|比|指数)$")


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
