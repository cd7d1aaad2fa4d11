"""Words: jieba's segmentation of names, and what a word is.

The segmenter (rjieba, with the policy words it must not cut), word bounds, the
dictionary's plain verbs, adjectives and adverbs and one-word tags, and the tests every
other module asks: is this a name (:func:`_is_name`), a verb (:func:`_is_verb`), where
does the noun phrase a text opens with end (:func:`_noun_end`).
"""

from __future__ import annotations

import re
from functools import lru_cache

# the dictionary's tagged words live below the naming package (frames asks them too);
# the naming modules keep asking them here
from bot.targets.dict_words import dict_words as _dict_words
from bot.targets.dict_words import is_verb as _is_verb  # noqa: F401
from bot.targets.dict_words import plain_verbs
from bot.targets.lexicon import GENERIC_NAMES, VERB_RE

# Generic counted things: too bare to name a figure alone, kept when the clause says what
# was done to or by them (为600家企业提供…服务, 5家企业完成迁建工作), for the passes that
# name a set by its act (naming/served.py, naming/activities.py), or what brought them in
ACTED_ON_NOUNS = frozenset({"企业", "项目", "单位", "事项"})
# a verb of adding or bringing in right before generic things (企业, 项目): the things
# added are named by it, as bulletins and reports name them (新增企业, 新引进项目)
ADDED_VERB_RE = re.compile(r"(?:新增|新引进|引进|招引|新签约|签约|新落户|落户|新注册)$")
_CJK_RE = re.compile(r"[\u3400-\u9fff]")
_ABBREVIATION_RE = re.compile(r"[A-Z]{2,5}")  # CPI, PPI, GDP: a name without a character


@lru_cache(maxsize=1)
def _state_words() -> frozenset[str]:
    """Adjectives and adverbs of jieba's dictionary (``a``, ``d``, ``ad``, ``vd``: 圆满,
    成熟, 连续, 较为): a name never ends with one, a clause stating how things went does."""
    return _dict_words("a") | _dict_words("d") | _dict_words("ad") | _dict_words("vd")


# Policy words jieba's own dictionary cuts at a conjunction (和|美|乡村), which would
# then read as a list: 和美乡村样板村 is one thing, not 和 + 美乡村样板村.
# (办理时限, 办理时间: the service's time limit, one noun; read as the act 办理 and the
# rest, 办理时限压缩65% was named 时限压缩: anhui's dev report, round25, round28)
_NAMING_WORDS = (
    "和美乡村",
    "宜居宜业",
    "帮扶车间",
    "集聚区",
    "托育",
    "托育服务",
    "办理时限",
    "办理时间",
)
# words jieba's own would swallow unless weighted: 化解矛盾 | 纠纷 hides the verb of
# 化解矛盾纠纷 (the disputes are the thing, 化解 the act); 新建村 (a village's name) hides
# the act of 新建村内道路 (硬化村内道路, 村内巷道: the roads inside villages)
_WEIGHTED_WORDS = {"矛盾纠纷": 50000, "村内": 50000}


# (place words narrow who is counted too: 省外游客, 境外投资者, 海外华侨, but not those
# of both sides, 境内外上市公司, which are all of them; and 过夜, a standard class of
# visitors, though jieba tags it a time; and 零部件 / 零配件, nouns jieba tags a numeral
# and measure word for their 零; and 普惠, 普惠性, the public-benefit kind of a service
# (普惠托位, 普惠性养老床位), which jieba tags a person's name)
_NARROWING_TAGS = frozenset({"n", "nz", "ns", "nt", "j", "b", "l", "s"})
_NARROWING_WORDS = frozenset(
    {"过夜", "零部件", "零配件", "普惠", "普惠性"}
    # the service a place is for (托育托位, 托育服务托位: childcare's, not any 托位) and
    # a pastoral banner's village (嘎查村卫生室), which jieba tags verbs
    | {"托育", "托育服务", "嘎查"}
)
_NOT_NARROWING = frozenset(
    {"城镇", "城市", "年度", "各类", "现有", "全部", "所有", "其中", "部分", "当地"}
    | {"境内外", "国内外", "海内外", "省内外", "内外"}
)


# a word made with 化 says what kind the things are made to (标准化村卫生室, 智能化车间),
# though jieba tags some verbal nouns: a narrower set than the table's name after it
_MADE_SO_RE = re.compile(r"[\u4e00-\u9fff]{2,3}化")


@lru_cache(maxsize=4096)
def _narrowing_nouns(lead: str) -> bool:
    """Whether ``lead`` is only nouns that narrow the name after it (医疗 旅游人次, 脱贫县
    农村居民…, 区本级 固定资产投资), not a verb, a time or a quantifier (年度, 各类)."""
    tagged = _segmenter().tag(lead, True)
    return all(
        (t in _NARROWING_TAGS or w in _NARROWING_WORDS or _MADE_SO_RE.fullmatch(w))
        and w not in _NOT_NARROWING
        for w, t in tagged
    )


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
    for word, freq in _WEIGHTED_WORDS.items():
        jieba.add_word(word, freq, None)
    return jieba


def release_segmenter() -> None:
    """Let go of the naming segmenter (a dictionary of its own, ~24 MB) until it is asked
    again: an index build calls it when its documents' key targets are extracted, before
    the compile (see :meth:`bot.targets.store.TargetStore.release`). Made again the same
    way, it cuts the same."""
    _segmenter.cache_clear()


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


# the marks that end a clause for the passes over named figures: with the colon that opens
# a list (a figure after 目标： is in a clause of its own), and without it
CLAUSE_MARKS = "，,；;：:。"
BREAK_MARKS = "，,；;。"


def after_mark(text: str, pos: int, marks: str) -> int:
    """Where the stretch of ``text`` that ends at ``pos`` begins: just after the last of
    ``marks`` before ``pos`` (0 when there is none)."""
    start = pos  # a walk back: the mark is near, and most marks are not in the text at all
    while start > 0 and text[start - 1] not in marks:
        start -= 1
    return start


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


def _noun_end(text: str) -> int:
    """Where the noun phrase ``text`` opens with ends: at its first verb, adjective or
    adverb after two characters (化工园区|降至…, 城市框架|初步形成); ``len(text)`` if none."""
    k = 0
    for word in _segmenter().cut(text, True):
        if k >= 2 and (VERB_RE.match(text, k) or word in plain_verbs() or word in _state_words()):
            return k
        k += len(word)
    return k


def _one_word(text: str) -> bool:
    """Whether the segmenter reads ``text`` as one word (存款, 出口, 小学)."""
    return word_bounds(text) == frozenset({0, len(text)})


def _first_word_end(text: str) -> int:
    return min(b for b in word_bounds(text) if b > 0)


def _lone_last_char(text: str) -> bool:
    """Whether the last character of ``text`` is a word of its own (存 in 本外币存)."""
    return len(text) == 1 or (len(text) - 1) in word_bounds(text)
