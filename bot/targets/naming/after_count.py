"""The noun right after a count.

``30个面积较大的农村黑臭水体``, ``2.5万套（间）城市危旧房``, ``700个主要港口和地区性重要港口``:
whether the text after a figure opens with the thing counted (:func:`_after_noun_start`)
and where that noun ends (:func:`_after_noun`): over the stops that open a longer word,
the state verbs that only qualify the head, a second kind of thing joined by 和
(:func:`_coordinated_end`), a 的 of which kind, a passive's 被 or a date, and without a
plain verb that closes it (:func:`_without_trailing_verb`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.targets.lexicon import AFTER_STOP_RE, LEAD_RE, VERB_RE
from bot.targets.naming.clean import _NOMINAL_ACTIVITIES, _QUOTE_TABLE, QUALIFIED_RE
from bot.targets.naming.words import _CJK_RE, _is_name, _is_verb, _segmenter, plain_verbs

_STEP_WORDS = ("新台阶", "台阶", "大关", "关口", "新高")
# Words jieba's dictionary tags as verbs that end count nouns as nouns (改革举措, 主次干道,
# 避险搬迁 counted in 户): never cut off a counted thing.
# verbs the dictionary does not tag (推动1—2个…企业上市): what is done, not the thing
_LISTING_VERBS = frozenset({"上市", "挂牌"})
# what a clause joined by 和 ends with before the 的 of the things it describes
_JOINED_END_RE = re.compile(r"(?:一体化|相结合|于一体|一体|融合|协同)$")
_NOUN_LIKE_VERBS = _NOMINAL_ACTIVITIES | {"举措", "干道", "搬迁", "服务", "规划", "计划", "措施"}
_AFTER_NAME_DIGITS_RE = re.compile(r"\d+(?:千亿|百亿|万亿|亿|千万|百万|万)?(?:级|强)")


# What a count's modifier before 的 ends with when it says of which kind, not whose
# (30个面积较大的农村黑臭水体, 5个符合条件的…; not 14个景区景点的环境).
# a count whose things are described by what they have (5家具有核心技术的企业)
_HAVING_RE = re.compile(r"(?:具有|具备|拥有|掌握|符合)")
_QUALITY_RE = re.compile(
    r"(?:较|很|更|最|大|小|高|低|好|强|多|少|以上|以下|符合条件|达标|(?:较为|更为|十分)[\u4e00-\u9fff]{2})$"
)


_YEAR_IN_RE = re.compile(r"(?:19|20)\d\d年")
# Other kinds of the counted unit, in brackets after its noun (县（市、区）, 自贸区（港）)
_NOUN_ALTERNATE_RE = re.compile(
    r"[（(](?!含|不含|注|下同|简称|以下|按|其中|即|包括)"
    r"[\u4e00-\u9fff]{1,8}(?:、[\u4e00-\u9fff]{1,4}){0,2}[）)]"
)
# 被 of a passive clause (not 被子, 被动, 被告, 被褥, 被服, 被害人)
_PASSIVE_RE = re.compile(r"被(?![子动告褥服害])")
# Another unit for the same count, in brackets (2.5万套（间）).
_UNIT_ALTERNATE_RE = re.compile(r"[（(][\u4e00-\u9fff]{1,2}[）)]")


# Stops that also open a longer word of a noun (在建项目, 在校学生, 和美乡村, 实施方案,
# 共同富裕, 基本公共服务): inside such a word they end nothing.
_WORD_OPENING_STOPS = frozenset({"在", "和", "及", "与", "或", "实施", "共同", "基本", "均"})


# Verbs of a state that, right before the head they qualify and the clause's end, are
# no predicate (新开工项目, 签约落地项目, 建成投产项目, 获批平台): the noun goes on.
_ATTRIBUTIVE_STOPS = frozenset({"开工", "投产", "建成", "落地", "获批", "投用"})
_ATTRIBUTIVE_HEAD_RE = re.compile(
    r"(?:开工|投产|建成|落地|获批|投用|签约)?"
    r"(?:项目|工程|平台|基地|园区|示范区|乡镇|车间|工厂|生产线)(?=[，。；、）)]|$)"
)


def _attributive(text: str, m: re.Match[str]) -> int:
    """The length of the state verb ``m`` when it only qualifies the head that closes the
    clause after it (see _ATTRIBUTIVE_STOPS), else 0."""
    if m.group() not in _ATTRIBUTIVE_STOPS or not _ATTRIBUTIVE_HEAD_RE.match(text, m.end()):
        return 0
    return len(m.group())


def _word_opened(text: str, m: re.Match[str]) -> int:
    """The length of the longer word the stop ``m`` opens when the noun goes on after it
    (一个在建项目: 在建, then 项目), else 0."""
    if m.group() not in _WORD_OPENING_STOPS:
        return 0
    word = next(iter(_segmenter().cut(text[m.start() : m.start() + 8], True)))
    end = m.start() + len(word)
    if len(word) <= len(m.group()) or (word in plain_verbs() and not _CJK_RE.match(text, end)):
        return 0  # 12个项目在建: the predicate
    if len(word) >= len(m.group()) + 2 and word not in plain_verbs():
        return len(word)  # 在校学生, 实施方案: a noun of its own
    if end >= len(text) or not _CJK_RE.match(text, end) or AFTER_STOP_RE.match(text, end):
        return 0
    return len(word)


def _after_noun_start(after: str) -> bool:
    """Whether the text right after a figure starts with the counted thing."""
    s = after.lstrip("“‘「")
    s = s[m.end() :] if (m := _UNIT_ALTERNATE_RE.match(s)) else s
    if _AFTER_NAME_DIGITS_RE.match(s):
        return True  # 3千亿级产业, 500强企业
    if not s or not (_CJK_RE.match(s) or s[0].isalpha()):
        return False
    stop = AFTER_STOP_RE.match(s)
    # 80个和美乡村: a conjunction opening a word of the noun opens the noun
    opened = stop is not None and _word_opened(s, stop) > 0
    if (
        (stop and not _attributive(s, stop) and not opened)
        or (LEAD_RE.match(s) and not opened)
        or s.startswith(_STEP_WORDS)
    ):
        return False  # 跃上1.4万亿斤新台阶: the step is rhetoric, the name is before it
    m = VERB_RE.match(s)
    return not (m and m.group() not in ("占",))


_EMPTY_RE = re.compile("")


# what only says which kind of a head: a voltage, a scope, an adjective in 性
_MODIFIER_ONLY_RE = re.compile(
    r"\d+(?:\.\d+)?千伏|[\u4e00-\u9fff]{1,3}性|国际|国内|境内|境外|地区|国家级?|省级?|市级?|县级?"
    # who set a monitored site (国考、省考断面, 国控、省控地表水考核断面)
    r"|[国省市][考控]"
)


# what follows 或 in one count of either kind (…路径或3人制篮球场, 通高铁或动车)
_OR_NEXT_RE = re.compile(r"[\u4e00-\u9fff]|\d+人制")


# Memoised (a small cache of a sentence's worth): asked again for the same text by the
# forms and the passes reading one sentence.
@lru_cache(maxsize=256)
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
    while m and (n := _word_opened(after, m) or _attributive(after, m)):
        m = AFTER_STOP_RE.search(after, m.start() + n)  # 重大在建项目, 专项实施方案
    alternate = _NOUN_ALTERNATE_RE.match(after, m.start()) if m else None
    if alternate and _CJK_RE.match(after, m.start() - 1):
        # 29个扩权赋能县（市）率先…: the other kinds of unit in brackets are counted too
        m = AFTER_STOP_RE.search(after, alternate.end())
    if m and m.group() in ("和", "及") and after.startswith(("其他", "其它"), m.end()):
        # 1亿农业转移人口和其他常住人口: one set of people, the first and the rest
        m = AFTER_STOP_RE.search(after, m.end() + 2)
    if (
        m
        and m.group() == "和"
        and after.startswith("地区", m.end())
        and after[m.start() - 2 : m.start()] == "国家"
    ):
        # 116个国家和地区参赛: one kind, the countries and regions, and the noun ends there
        m = _EMPTY_RE.match(after, m.end() + 2)
    if m and m.group() == "和" and (joined_end := _coordinated_end(after, k, m)):
        # 700个主要港口和地区性重要港口、…, 1181项…创新政策和举措: one count of two kinds
        # of things, written one after the other with no verb or figure of their own
        # (6.8.7: a list sharing a count keeps its 和)
        m = _EMPTY_RE.match(after, joined_end)
    if (
        m
        and m.group() in ("和", "及", "与", "、")
        and _MODIFIER_ONLY_RE.fullmatch(after[k : m.start()])
        and _MODIFIER_ONLY_RE.match(after, m.end())
    ) or (m and m.group() == "或" and m.start() - k >= 2 and _OR_NEXT_RE.match(after, m.end())):
        # 250个社区健身路径或3人制篮球场: one count of either kind
        # 22个750千伏和330千伏电网工程, 100多项国际性和全国性赛事: two kinds of one
        # head, the conjunction inside the noun
        m = AFTER_STOP_RE.search(after, m.end() + 1)
    if after.startswith("的", k):
        # 23万平方米的建材城: the figure's 的 opens the thing it measures
        head = AFTER_STOP_RE.search(after, k + 2)
        head_end = head.start() if head else len(after)
        if head_end - k > 2 and _CJK_RE.match(after, k + 1):
            end = _without_trailing_verb(after, k + 1, head_end)
            return after[k + 1 : end].translate(_QUOTE_TABLE), end
    end = m.start() if m else len(after)
    passive = _PASSIVE_RE.search(after, k + 2, end)
    if passive:
        # 3处文化遗址被国务院列入…, 16条经验被…推广: the things counted end at the 被 of
        # what was done to them; the doer is no part of their name
        m, end = None, passive.start()
    year = _YEAR_IN_RE.search(after, k + 2, end)
    if year:
        m, end = None, year.start()  # 13个重点园区2025年营业收入…: a date ends the noun
    at_de = m is not None and m.group() == "的"
    joined = False
    if m is not None and m.group() in ("和", "及", "与"):
        # 3-5个产后初加工和配送服务一体化的区域性产销联合体: the 和 joins what the things
        # do, before the 的 that opens the things counted
        de = after.find("的", m.end(), m.end() + 16)
        if (
            de > 0
            and not re.search(r"[，。；、]", after[m.end() : de])
            and _JOINED_END_RE.search(after, m.end(), de)
        ):
            at_de, end, joined = True, de, True
    having = _HAVING_RE.match(after, k)
    if having and not at_de:
        # 5家以上具有脑机接口核心技术与产品研发能力的自主创新企业: the clause runs to its 的
        de = after.find("的", k, k + 30)
        if de > 0 and not re.search(r"[，。；、]", after[k:de]):
            at_de, end = True, de
    if at_de and ((end - k <= 8 and _QUALITY_RE.search(after, k, end)) or having or joined):
        # 30个面积较大的农村黑臭水体: the thing counted is the head after 的
        head = AFTER_STOP_RE.search(after, end + 2)
        head_end = head.start() if head else len(after)
        if head_end - end > 2 and _CJK_RE.match(after, end + 1):
            if having and QUALIFIED_RE.fullmatch(after, k, end):
                # 5家具备科创板上市条件的硬核企业: the condition met is the things' kind
                return after[k:head_end].translate(_QUOTE_TABLE), head_end
            return after[end + 1 : head_end].translate(_QUOTE_TABLE), head_end
    end = _without_trailing_verb(after, k, end)
    return after[:end].translate(_QUOTE_TABLE), end


# what closes a second noun joined to a counted one: a clause or list mark, or the text's end
_JOINED_NOUN_END_RE = re.compile(r"[，。；、,;：:]|$")
# what makes the second item no plain noun: a figure, a 的, a bracket, a list's 等
_JOINED_NOT_NOUN_RE = re.compile(
    r"[\d的（(“”等]|(?:[一二三四五六七八九十百千万]+|多|若干|数)[个项家所条座批处]|^一批"
)
# what comes with counted things, not a second kind of them (…和配套设施)
_ADD_ON_WORDS = ("配套", "相关", "附属", "周边", "其他", "其它")


def _coordinated_end(after: str, k: int, m: re.Match[str]) -> int:
    """Where a counted noun joined by 和 to a second noun ends (0: it does not).

    ``700个主要港口和地区性重要港口、…``, ``8个…产教联合体和行业产教融合共同体。``: the
    second item runs to the clause's or the list's mark, and is a plain noun phrase (no
    figure, no 的, no verb at either end), so the count is of both kinds. Not
    ``12个项目和配套设施建设``'s act, ``5个园区和3个基地``'s second count, nor
    ``10家企业和个人获得…``'s verb.
    """
    first = after[k : m.start()]
    if len(first) < 2 or not _CJK_RE.match(after, m.end()):
        return 0
    if after.startswith(_ADD_ON_WORDS, m.end()):
        return 0  # 6个养老中心和配套设施: what comes with the things, not another kind
    first_words = _segmenter().cut(first, True)
    if _is_verb(first_words[-1]) and first_words[-1] not in _NOUN_LIKE_VERBS:
        return 0  # 80处红色革命遗址保护和活化利用: two acts done to the sites, not two kinds
    close = _JOINED_NOUN_END_RE.search(after, m.end())
    end = close.start() if close else len(after)
    second = after[m.end() : end]
    if not 2 <= len(second) <= 14 or _JOINED_NOT_NOUN_RE.search(second):
        return 0
    words = _segmenter().cut(second, True)
    if not words or any(_is_verb(w) and w not in _NOUN_LIKE_VERBS for w in (words[0], words[-1])):
        return 0
    for word in words:
        # a verb or a stop word of its own (获得, 全部), not inside a word (共同体, 举措)
        if word not in _NOUN_LIKE_VERBS and (
            VERB_RE.fullmatch(word) or AFTER_STOP_RE.fullmatch(word) or word in plain_verbs()
        ):
            return 0
    return end


def _without_trailing_verb(text: str, start: int, end: int) -> int:
    """``end`` moved back over a plain verb that ends ``text[start:end]``: 30栋老旧楼房维修
    counts 老旧楼房 (维修 is what is done to them), 污水处理厂 keeps its 处理."""
    words = _segmenter().cut(text[start:end], True)
    last = words[-1] if len(words) > 1 else ""
    if (
        len(last) > 1
        and (last in plain_verbs() or last in _LISTING_VERBS)
        and last not in _NOUN_LIKE_VERBS
        and _is_name(text[start : end - len(last)].translate(_QUOTE_TABLE))
    ):
        return end - len(last)  # but 5家企业入驻 stays: 企业 alone names nothing
    return end
