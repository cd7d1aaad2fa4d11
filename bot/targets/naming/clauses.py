"""Reading a sentence around a figure.

Where the clause of a figure starts and ends (:func:`clause_start`, :func:`clause_end`),
the noun right after a count, the verb and the attribute word of a clause, the
predicate that narrows counted things (:func:`predicated`), and splitting a list of
subjects into items (``A、B`` with a shared head or tail).
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.corpus.gazetteer import default_gazetteer
from bot.targets.dict_words import is_two_char_word
from bot.targets.frames import measure_of
from bot.targets.lexicon import (
    AFTER_STOP_RE,
    ATTRIBUTES,
    LEAD_RE,
    LEVEL_LEAD_RE,
    LEVEL_ONLY_RE,
    TIME_RE,
    TRAIL_RE,
    VERB_NORMAL,
    VERB_RE,
)
from bot.targets.naming.clean import _NOMINAL_ACTIVITIES, _QUOTE_TABLE, QUALIFIED_RE
from bot.targets.naming.words import (
    _CJK_RE,
    _dict_words,
    _fine_bounds,
    _first_word_end,
    _is_name,
    _is_verb,
    _lone_last_char,
    _one_word,
    _segmenter,
    plain_verbs,
    word_bounds,
)

_CLAUSE_BOUNDARY = "，,；;：:。！？!?（）()"
_BOUNDARY_RE = re.compile("[" + "".join(re.escape(ch) for ch in _CLAUSE_BOUNDARY) + "]")
# the last clause boundary (or dash) before a position: a greedy match backs off from it
_LAST_BOUNDARY_RE = re.compile(
    "(?s:.*)[" + "".join(re.escape(ch) for ch in _CLAUSE_BOUNDARY + "—") + "]"
)
_STAT_NOUN_RE = re.compile(
    r"(收入|总额|投资|增加值|产值|利润|税收|零售额|消费|出口|进口|外资|生产总值|总值|工资|存款|贷款"
    r"|报酬|生产率|满意度|满意率|标准|预期寿命)$"
)
_ITEM_SPLIT_RE = re.compile(r"、|和|及|与")
_URBAN_RURAL = ("城乡",)
_STEP_WORDS = ("新台阶", "台阶", "大关", "关口", "新高")
# Words jieba's dictionary tags as verbs that end count nouns as nouns (改革举措, 主次干道,
# 避险搬迁 counted in 户): never cut off a counted thing.
# verbs the dictionary does not tag (推动1—2个…企业上市): what is done, not the thing
_LISTING_VERBS = frozenset({"上市", "挂牌"})
# what a clause joined by 和 ends with before the 的 of the things it describes
_JOINED_END_RE = re.compile(r"(?:一体化|相结合|于一体|一体|融合|协同)$")
_NOUN_LIKE_VERBS = _NOMINAL_ACTIVITIES | {"举措", "干道", "搬迁", "服务", "规划", "计划", "措施"}
_AFTER_NAME_DIGITS_RE = re.compile(r"\d+(?:千亿|百亿|万亿|亿|千万|百万|万)?(?:级|强)")
_TRAIL_REACH_RE = re.compile(r"(达到|达|突破|超过|为)$")


# What a count's modifier before 的 ends with when it says of which kind, not whose
# (30个面积较大的农村黑臭水体, 5个符合条件的…; not 14个景区景点的环境).
# a count whose things are described by what they have (5家具有核心技术的企业)
_HAVING_RE = re.compile(r"(?:具有|具备|拥有|掌握|符合)")
_QUALITY_RE = re.compile(
    r"(?:较|很|更|最|大|小|高|低|好|强|多|少|以上|以下|符合条件|达标|(?:较为|更为|十分)[\u4e00-\u9fff]{2})$"
)
# the last item of a list and the kind all the items are: 特色消费品|等|产业集群
_ETC_KIND_RE = re.compile(
    r"(?P<last>[^等]{2,12}?)等(?:[一二三四五六七八九十\d]{1,2}[个大项类种])?"
    r"(?P<kind>[\u4e00-\u9fff]{2,8})"
)


# One-character words that end a cut clause: a negation, 所 of 所在, 中 of 在…中, a
# conjunction or 等 before the next item (成都科创生态岛和, 黄百等), 前 of 排名前.
_LOOSE_END_WORDS = frozenset("不未没所中和并与及或等前")
# What a counted set of things did or got, said after them (8个市下放…, 2200余项政务服务事项
# 实现通办, 5部作品入选…展演): the count is of the things that did, not of all of them.
_MEMBERSHIP_VERBS = (
    "入选|获评|获批|荣获|获得|获|实现|通过|纳入|享受|签署|建立|加入|进入|列入|下放"
    "|通"  # 4000个自然村通硬化路: the villages a road reaches
    "|晋级为|晋级|晋升为|晋升"  # 29所学校晋级标准化学校: the schools that became such
    # 30多万监测对象稳定消除返贫致贫风险: the people whose risk was removed (6.8.8)
    "|消除"
)
_MEMBERSHIP_RE = re.compile(
    # (3处文化遗址被国务院列入…: a passive's doer before the verb is no part of the list)
    r"(?:被[\u4e00-\u9fff]{1,12}?)?"
    # an adverb of how it went is no part of what they did (稳定消除, 全部实现)
    rf"(?:全部|均|已经?|都|成功|相继|先后|率先|稳定)?(?P<verb>{_MEMBERSHIP_VERBS})"
    r"(?P<what>[^，。；、,;：:（）()\d]{2,18})$"
)
# a list or award that names the kind itself (入选中国改革年度案例), or the kind the things
# became (晋级标准化学校)
_KIND_NAMING_VERBS = frozenset({"入选", "获评", "晋级", "晋级为", "晋升", "晋升为"})
_ONE_CHARACTER_PLACES = frozenset("省市县区乡镇村")
# What only says the things counted came into being or into service, or all left poverty
# (9条主次干道实现通车, 3家全国重点实验室获批建设, 254.9万低收入人口全部实现脱贫): the change,
# as a count said act first is (建成通车高速公路5条: 高速公路), not a narrowing of them
# (GOLD_GUIDELINES 6.8.47; 实现通办, 获…推广, 通过…评价 select, and keep 6.8.8's 的)
_COMING_INTO_BEING_RE = re.compile(
    r"^(?:建设|通车|建成|建成通车|投产|建成投产|投运|运营|投入运营|投用|投入使用|开通|竣工"
    r"|脱贫)$"
)
# chosen for a list, a programme or a title: the things are named by it (6.8.25)
_SELECTED_VERBS = frozenset({"入选", "获评"})
# a list's round or batch, wherever its name says it (国家第二轮“双一流”建设名单)
_EDITION_ANYWHERE_RE = re.compile(r"首届|首批|首轮|第[\d一二三四五六七八九十]+[届批轮]")
# another figure inside the predicate (建设基地6.2万亩): the predicate is that figure's
_FIGURE_IN_RE = re.compile(r"[一二三四五六七八九十两百千万亿]+(?:个|项|家|所|部|种|批|次|万|亿)")
_BATCH_RE = re.compile(r"^(?:首批|第[\d一二三四五六七八九十]+批)")
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


# Memoised (a small cache of a sentence's worth): asked again for the same text by the
# forms and the passes reading one sentence.
@lru_cache(maxsize=256)
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


# Memoised (a small cache of a sentence's worth): asked again for the same text by the
# forms and the passes reading one sentence.
@lru_cache(maxsize=256)
def _attribute(raw: str) -> str:
    """The attribute word ``raw`` ends with (``完成投资``, ``总投资``, ``产值``), or ``""``."""
    s = TIME_RE.sub("", raw).strip()
    for _ in range(3):
        s = TRAIL_RE.sub("", s)
        s = _TRAIL_REACH_RE.sub("", s)
    if not s.endswith(ATTRIBUTES):
        return ""
    return next(a for a in ATTRIBUTES if s.endswith(a))


# A name is never further than this from its figure; bounding the look-back keeps a
# pathological line without punctuation linear instead of quadratic.
MAX_CLAUSE_LOOKBACK = 160


# Memoised: the naming forms, the passes and the extractor ask for the same figure's
# clause again and again (about 15 calls per figure, three in four repeats of a call made
# while reading the same sentence); a small cache holds a sentence's worth.
@lru_cache(maxsize=256)
def clause_start(sentence: str, pos: int) -> int:
    """Start of the clause that ends at ``pos``: after the last ``，；：`` etc. or ``——``.

    A bracketed note (细颗粒物（PM2.5）年平均浓度) is not a boundary. One greedy
    regular-expression match finds the last boundary, so a long clause costs a C-level scan.
    """
    floor = max(0, pos - MAX_CLAUSE_LOOKBACK)
    hi = pos
    while hi > floor:
        last = _LAST_BOUNDARY_RE.match(sentence, floor, hi)
        if last is None:
            return floor
        k = last.end() - 1
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


# Memoised like clause_start: asked about 4 times a figure (the namer's after, the forms,
# the passes, the record), most for a position already asked of the same sentence.
@lru_cache(maxsize=256)
def clause_end(sentence: str, pos: int) -> int:
    """End of the clause going on at ``pos`` (the first boundary after it, bounded)."""
    end = min(len(sentence), pos + MAX_CLAUSE_LOOKBACK)
    boundary = _BOUNDARY_RE.search(sentence, pos, end)
    return boundary.start() if boundary else end


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


_RATE_END_RE = re.compile(r"(?:率|比例|比重|占比)$")


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
    if (
        "并" in what
        or what[-1] in _LOOSE_END_WORDS
        or re.sub(r"^全(?=[国省市区县])", "", what) in noun
    ):
        # two predicates, a clause cut at a figure (排名前1%), or said already (省…试点企业
        # for 入选全省…试点: the list named the things)
        return None
    if _RATE_END_RE.search(what):
        return None  # 120个行政村通客车率100%: a rate of the things, the next figure's name
    if (
        m["verb"] in ("实现", "获批")
        and _COMING_INTO_BEING_RE.match(what)
        # (villages and counties leaving the poverty list: not settled here, 6.8.47)
        and not (what == "脱贫" and noun.endswith(("村", "县")))
    ):
        return noun
    if m["verb"] in _KIND_NAMING_VERBS and what.endswith(noun[-2:]):
        return _BATCH_RE.sub("", what)
    if m["verb"] in _SELECTED_VERBS:
        # 9所高职学校入选第二轮国家“双高计划”: the things named by the list they were chosen
        # for, its round and 名单 dropped (国家双高计划高职学校; GOLD_GUIDELINES 6.8.25)
        return _EDITION_ANYWHERE_RE.sub("", what).removesuffix("名单") + noun
    if m["verb"] == "通" and len(what) <= 4:
        # 通硬化路自然村, 通客车行政村: the statistics' own term for places a service
        # reaches, said without 的
        return "通" + what + noun
    return m["verb"] + what + "的" + noun
