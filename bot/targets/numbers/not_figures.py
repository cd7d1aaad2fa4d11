"""Numbers that are no figure, told by their context.

Short quoted names (``“耕海1号”``), size classes (``50亿元大项目``, ``10亿元以上项目``:
thresholds), baselines (``由2300元提高到5000元``: the first number), class labels after
a unit (``30万吨级``), denominators, streaks, eligibility ages, service circles and the
field a rank is taken in (:func:`_not_a_quantity`).
"""

from __future__ import annotations

import re

from bot.targets.numbers.figure import _ARABIC, _MASK

_THRESHOLD_HEAD_RE = re.compile(r"^[^，。；、\d的]{0,5}?(项目|企业|集群|楼宇|产业(?!链))")
_NOT_THRESHOLD_START_RE = re.compile(
    r"^(的|用于|投资|建设|实施|打造|支持|扶持|用来|投向|左右|以上|，|。|、|；|）|\)|，)"
)
# After a number with its unit: a class label or an identifier, not a quantity.
_UNIT_AFTER_BLOCK_RE = re.compile(r"级|超级|型(?!号)|号(?!召)")  # 500个型号 is a count of models
_BASELINE_RE = re.compile(
    r"(提高|增加|增长|提升|上升|扩大|下降|降低|减少|压减|缩小|降|增|提)(到|至)"
    r"|(?:优化|整合|调整|合并|压缩|精简|撤并)+(?:为|到|至)"  # 由71所优化整合为47所
)


_QUOTE_PAIRS = {"“": "”", "「": "」", "『": "』", '"': '"', "‘": "’"}
_MAX_QUOTED_NAME = 15
# any opening quote: one C scan per sentence instead of a generator over the five
_QUOTE_OPEN_RE = re.compile("[" + re.escape("".join(_QUOTE_PAIRS)) + "]")


_QUOTED_RE = re.compile(r"“[^“”]*”|「[^「」]*」|『[^『』]*』|‘[^‘’]*’|\"[^\"]*\"")


def quoted_spans(sentence: str) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of quoted text, quotes included."""
    if _QUOTE_OPEN_RE.search(sentence) is None:
        return []
    return [m.span() for m in _QUOTED_RE.finditer(sentence)]


def _in_short_quote(pos: int, quotes: list[tuple[int, int]], sentence: str = "") -> bool:
    """Whether ``pos`` is inside a short quoted name (``“耕海1号”``); a quoted package of
    policy items (出台“40条”帮扶企业政策) is a count, not a name."""
    return any(
        a < pos < b
        and b - a - 2 <= _MAX_QUOTED_NAME
        and not (sentence and _QUOTED_ITEMS_RE.fullmatch(sentence, a + 1, b - 1))
        for a, b in quotes
    )


# a quoted count of tasks is a count too (办好“十件民生实事”, “退役军人最期盼的10件事”);
# not a slogan's 一件事 (“高效办成一件事”)
_QUOTED_ITEMS_RE = re.compile(
    r"[\d一二三四五六七八九十]+条"
    r"|[^“”]{0,10}?(?:\d+|[二两三四五六七八九十][一二三四五六七八九十]*)件[^“”]{0,6}?事"
)


_NEXT_MONEY_RE = re.compile(
    rf"[、和或及]\D{{0,8}}?(?:{_ARABIC}|{_MASK}|千|百|万)(?:万亿|千亿|百亿|亿|千万|百万|万)?(?:美元|元)"
)


def _is_threshold(sentence: str, end: int) -> bool:
    """``50亿元大项目``, ``10亿元以上项目``, ``xx亿元以上创新型领军企业``: a size class.

    ``20亿元、50亿元重大项目`` and ``投资过10亿元或合同外资过千万美元项目``: a listed
    alternative that is itself a threshold makes this one a threshold too.
    """
    nxt = _NEXT_MONEY_RE.match(sentence, end)
    if nxt:
        return _is_threshold(sentence, nxt.end())
    rest = sentence[end : end + 16]
    if re.match(r"及以[上下][\u4e00-\u9fff]", rest) and not rest.startswith(
        ("及以上的", "及以下的")
    ):
        return True  # 500万元及以上固定资产投资: the class of projects counted
    for q in ("以上", "以下"):
        if rest.startswith(q):
            rest = rest[len(q) :]
            if rest.startswith("的"):
                return True  # 规模面积200亩以上的示范园: a class, whatever the unit
            if rest and rest[0] not in "，。；、）)":
                return bool(_THRESHOLD_HEAD_RE.match(rest))
            return False
    if _OF_CLASS_RE.match(rest) and (
        _CLASS_BEFORE_RE.search(sentence, max(0, end - 12), end)
        # 年主营业务收入首次突破10亿元、50亿元、100亿元的数字经济企业: the list's verb
        or _LISTED_CLASS_BEFORE_RE.search(sentence, max(0, end - 40), end)
    ):
        return True  # 经济总量超千亿元的县域达12个: the class of the counted things
    if not rest or _NOT_THRESHOLD_START_RE.match(rest):
        return False
    return bool(_THRESHOLD_HEAD_RE.match(rest))


# (…的龙头企业, …的产业集群: a kind of those things, after a short qualifier)
_OF_CLASS_RE = re.compile(
    r"的[\u4e00-\u9fff]{0,4}?(?:县域|县|城市|企业|项目|产业|集群|园区|乡镇|村|农场|合作社|基地)"
)
_CLASS_BEFORE_RE = re.compile(r"(?:超|过|超过|达|突破)[^，。；]{0,6}$")
_LISTED_CLASS_BEFORE_RE = re.compile(
    r"(?:超|过|超过|达|突破)[^，。；、]{0,6}(?:[\d.]+[万亿]*元[、和或及]){1,4}[\d.]+[万亿]*元$"
)


_BASELINE_FROM_RE = re.compile(r"[由从][^，。；由从]{0,10}$")
_BASELINE_LIST_RE = re.compile(r"[由从][^，。；由从、]{0,10}(?:[\d.]+[^，。；由从、\d]{0,6}、)+$")


def _is_baseline(sentence: str, start: int, end: int) -> bool:
    """``由2300元分别提高到5000元``, ``由每人每月150元提高到165元``,
    ``由2015年的2860亿元增加到…``: the first number is a baseline, not a figure."""
    if not _BASELINE_FROM_RE.search(sentence, max(0, start - 11), start):
        # 从…645元/月、4318元/年提高到…: every item of the list after 从 is a baseline
        listed = _BASELINE_LIST_RE.search(sentence, max(0, start - 40), start)
        if not listed:
            return False
    clause_end = len(sentence)
    for ch in "，。；！？":
        k = sentence.find(ch, end)
        if k != -1:
            clause_end = min(clause_end, k)
    return bool(_BASELINE_RE.search(sentence, end, clause_end))


_TOP_CLASS_RE = re.compile(r"(?<=[位名])的")


# 每千人5批次, 每百元营业收入: a denominator. 连续4次获评: a streak. 连跨两个万亿元台阶:
# rhetoric. 15分钟健身圈, 1小时通勤圈: the name of a service circle.
_PER_BEFORE_RE = re.compile(r"每$")
_STREAK_BEFORE_RE = re.compile(r"连续$|连跨$")
_STEP_AFTER_RE = re.compile(r"[^，。；]{0,6}?(?:台阶|大关)")
_STEP_BEFORE_RE = re.compile(
    r"连跨[^，。；]{0,4}$|[两二三四五六七八九十\d]个$"
)  # 跨过两个万亿元大关
_AGE_BEFORE_RE = re.compile(r"(?:年满|满|不满|未满)$")
_CIRCLE_AFTER_RE = re.compile(r"(?:小时|分钟)[^，。；\d]{0,8}?圈")
# 在九个国家中心城市中居第2位, 全省11个市中排名第三: the field a rank is taken in
_RANK_FIELD_AFTER_RE = re.compile(
    r"[^，。；\d]{1,12}?(?:之)?中(?:居|排名?|位居|位列|名列|列)(?:第|前|首|全)"
)


# 臭氧日最大8小时平均浓度, 24小时平均值: the window a statistic is averaged over names the
# statistic, it is no quantity of its own
_AVERAGING_WINDOW_RE = re.compile(r"(?:滑动)?平均(?!每)")


# A threshold in the clause that says who receives an award (对年度研发费用超过1亿元且增长20%
# 以上的制造业企业，给予200万元奖励; 对氢气零售价格不高于35元/千克的加氢站，给予…补贴; 节能率达到
# 15%以上的，按改造面积给予…): the class the measure is about, no figure of its own
_CLAUSE_MARKS = "，。；：,;:"
_THRESHOLD_BEFORE_RE = re.compile(r"(?:超过|达到|突破|不高于|不低于|高于|低于|不少于|不超过)$")
_THRESHOLD_AFTER_RE = re.compile(r"(?:/[^，。；、\d]{1,3})?(?:及)?(?:以上|以下)")
_RECEIVER_OPEN_RE = re.compile(r"(?:（[一二三四五六七八九十\d]+）)?对")
_AWARD_AFTER_RE = re.compile(r"给予|奖励|补贴|补助|奖补")


def _receivers_threshold(sentence: str, start: int, end: int) -> bool:
    """Whether the number at ``start:end`` is a threshold of the receivers of an award."""
    opens = max(sentence.rfind(c, 0, start) for c in _CLAUSE_MARKS) + 1
    closes = min((k for c in _CLAUSE_MARKS if (k := sentence.find(c, end)) != -1), default=-1)
    if closes == -1 or "的" not in sentence[end:closes]:
        return False  # the clause goes on to no class (…的X)
    if not (_RECEIVER_OPEN_RE.match(sentence, opens) or sentence[closes - 1 : closes] == "的"):
        return False  # neither 对…的X, nor a clause of who qualifies (…以上的，)
    if not (
        _THRESHOLD_BEFORE_RE.search(sentence, max(opens, start - 4), start)
        or _THRESHOLD_AFTER_RE.match(sentence, end)
    ):
        return False
    return _AWARD_AFTER_RE.search(sentence, closes) is not None


def _not_a_quantity(sentence: str, start: int, end: int) -> bool:
    if sentence[end - 2 : end] == "小时" and _AVERAGING_WINDOW_RE.match(sentence, end):
        return True
    if ("对" in sentence or "的，" in sentence) and _receivers_threshold(sentence, start, end):
        return True
    # (the character before asked first: a slice, where the pattern is a call per number)
    if sentence[start - 1 : start] == "前" and _TOP_CLASS_RE.match(sentence, end):
        return True  # 对进入全国前十位的企业给予奖励: the top N as a class a rule is about
    before = sentence[max(0, start - 2) : start]
    if _PER_BEFORE_RE.search(before) or _STREAK_BEFORE_RE.search(before):
        return True
    if sentence[end - 1 : end] == "岁" and _AGE_BEFORE_RE.search(
        sentence, max(0, start - 2), start
    ):
        return True  # 满3岁即入园: an eligibility age
    if sentence[end - 1 : end] in ("个", "家", "座", "所") and _RANK_FIELD_AFTER_RE.match(
        sentence, end
    ):
        return True  # 在九个国家中心城市中居第2位: the field, not a figure
    # (台阶 or 大关 looked for first: a C scan, where the lazy pattern tries every length)
    if (
        ("台阶" in sentence or "大关" in sentence)
        and _STEP_AFTER_RE.match(sentence, end)
        and (
            _STEP_BEFORE_RE.search(sentence, max(0, start - 8), start)
            or sentence[end - 1 : end] == "个"
        )
    ):
        return True  # 连跨两个万亿元台阶 (but 跃上1.4万亿斤新台阶 is a figure)
    # (圈 looked for first, as 台阶 above: every match ends on it, few sentences hold it)
    return "圈" in sentence and (
        bool(_CIRCLE_AFTER_RE.match(sentence, end - 2 if end >= 2 else end))
        or bool(_CIRCLE_AFTER_RE.match(sentence, max(start, end - 2)))
    )
