"""Pure: the words of how a question is framed that are not its topic, among the words of
one query part (``(word, start, end)``, offsets into the part): 下一步 (cut 下|一步 by the
segmenter, and 一步 is found in 一期一步工程 or 迈出一步), 第几 and the verb before it
(全国排第几), modal verbs (能覆盖), the verb opening a count (有多少, 要多久), the 得 of
发展得怎么样, the measure word of a count (多少人) and what is asked of a topic (成效如何).
The searcher leaves the first kinds out of the words searched when others remain and makes
the last ones soft (``searcher.Concept.soft``)."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import replace
from typing import Any, Protocol, TypeVar

Words = list[tuple[str, int, int]]

# More asking words (``searcher.ASKING_WORDS``): which place (全国排第几, 世界第几: the answer
# says 第一, 首位 or 第8位, never 第几, and a correction put a rank in its place, 世界第二);
# modal verbs (能覆盖多少人, 可以领多少: a lone 能 is found in every passage writing it
# apart from a word); how long and how big (过海关 要多久, 规模多大: the answer gives a figure).
MORE_ASKING = frozenset(
    {"第几", "能", "能够", "可以", "多久", "多长时间", "多大", "哪里", "哪儿", "哪", "何处",
     # which one (哪个省份, 哪几个省, 哪家): the answer names it, never writes 哪个; what, as
     # typed in a chat (有啥举措: 啥 for 什么)
     "哪个", "哪几个", "哪家", "哪类", "哪种", "哪几类", "啥"}
)  # fmt: skip
# Of them, the words of which and what: real words of a sentence, never typos themselves
# (哪个省份 is no 各省份).
WHICH_ASKED = frozenset({"哪个", "哪几个", "哪家", "哪类", "哪种", "哪几类", "啥"})
# Where a thing is (孵化器 建在哪, 产业 放在哪些区, 总部 设在哪里): the verb glued to 在 before
# a word asking where says how the question asks; the document names the place (在浦东新区
# 建设…) without that verb.
WHERE_ASKED = frozenset({"哪里", "哪儿", "哪", "何处", "哪些"})
# Words asking which of a kind (有哪些方向, 涉及哪些领域): the kind word after them names
# what the answer lists, which a document lists without naming it (突破人形机器人、量子计算
# 机…: the list, not the word 方向). Soft there. Not every noun: 有哪些政策 finds the lines
# saying 出台…政策, and a lone character (哪些区) would be dropped.
WHICH_WORDS = frozenset({"哪些", "哪个", "哪几个", "哪类", "哪种", "哪几类"})
KIND_WORDS = frozenset(
    {"方向", "领域", "行业", "方面", "途径", "渠道", "环节",
     # which places (哪个省份提出…, 哪几个省提到…, 哪些城市): a report is of a province or a
     # city and never calls itself one
     "省份", "省", "城市", "地方", "地区", "省市", "省区"}
)  # fmt: skip
# Verbs of saying after a question of which (哪个省份提出…, 哪几个省提到…, 哪些文件提及…):
# the question asks who wrote of a thing; the line that answers writes the thing, seldom
# the verb. Soft there; elsewhere 提出 is a document's word (提出…目标) and 提到 one of a
# figure raised (免征门槛 提到多少).
MENTION_VERBS = frozenset({"提到", "提出", "提及", "说到", "讲到", "写到", "谈到", "部署"})
# Verbs of saying in a question of what was said (关于房地产说了什么, 对民营经济讲了啥,
# 数据安全 怎么说): the answer says the thing and never the verb; searched, a lone 说 ranked a
# quoted remark (不能说没有…) first. Left out before an asking word (说了什么, 讲啥) or after
# one (怎么说); 说明 and 提出 are other words of the segmenter and stay.
SAYING_VERBS = frozenset({"说", "讲", "谈", "写", "提"})
# 关于 before the topic of a question (关于房地产说了什么, 关于开源有什么规定): how it asks;
# searched, it ranked the titles of notices (关于印发…的通知) first. Left out when the query
# asks (an asking word or a verb of saying in it) and other words remain.
ABOUT_WORDS = frozenset({"关于"})
# The verb of a share asked (占多少, 占总人口多少): soft in a question of how much.
SHARE_VERBS = frozenset({"占"})
# The documents themselves, named in a question across them (两份报告里 银发经济, 这份文件
# 中 人才, 哪份规划): where to look, not what about. The noun with the 里 / 中 after it,
# and the count of documents before it (两份, 这份), are left out.
DOCUMENT_NOUNS = frozenset({"报告", "文件", "规划", "方案", "意见", "公报", "文中"})
INSIDE_WORDS = frozenset({"里", "中", "里面", "当中", "之中"})


def counts_documents(word: str) -> bool:
    """Whether ``word`` counts documents (两份, 这份, 哪几份): never a typo of a term."""
    return (
        len(word) >= 2
        and word.endswith("份")
        and all(ch in "两几这那哪每各一二三四五六七八九十" for ch in word[:-1])
    )


# The question words of a count or amount (有多少, 是多少): a verb opening them is how the
# query asks, as before an asking word (有哪些).
COUNT_ASKED = frozenset({"多少", "几"})
# Verbs that say a rank is asked before 第几 (全国排第几, 居第几).
RANK_VERBS = frozenset({"排", "居", "列", "排名", "位居", "位列", "排在"})
# Words asking what is planned (下一步怎么发展, 接下来 有哪些举措, 今后 如何推进): a query
# naming one asks how (a plan's or a report's tasks before its review).
AHEAD_WORDS = ("下一步", "接下来", "今后", "下一阶段", "下阶段")
# What a question asks of its topic (成效如何, 进展怎么样, 效果如何): the kind of passage
# wanted, not its topic (治沙 成效如何: the review's line on 治沙, which need not say 成效);
# soft right before an asking word, as 措施 is.
ASPECT_WORDS = frozenset({"成效", "进展", "效果", "成果", "成绩", "进度", "现状"})
# Measure words after 多少 or 几 (多少人, 几个, 多少亩): how a count is asked, soft (a lone
# 人 is written apart in most passages, not in 覆盖率达到90%).
COUNTERS = frozenset("项个家件所名人次座条户套亩辆吨台栋张头只处")
# The size typed after 多少 or 几 (多少万, 多少亿元, 几万人): how big the figure asked is,
# which the answer writes as a number (2500万人), soft as a measure word is (a lone 万 or 亿
# is in nearly every line with a figure).
AMOUNT_UNITS = frozenset(
    {"万", "亿", "千", "百", "元", "钱", "万人", "亿元", "万元", "万吨", "万亩", "人次", "万人次"}
)
# A count or a rank asked as one word of the segmenter (几家, 几项, 第几个, 第几位, 几倍, 几成,
# 过渡期 几年): the answer writes a number (第四个, 5家, 2.6倍, 5年), never 几. How the query
# asks, as 多少 does: never searched beside other words, never a typo (几成 is no 集成).
_COUNT_WORD_RE = re.compile("第?几[" + "".join(sorted(COUNTERS)) + "位年倍成天岁批轮期]")


def asks_count(word: str) -> bool:
    """Whether ``word`` is a count or rank asked as one word (几家, 第几个, 几倍): see
    :data:`_COUNT_WORD_RE`. Not a word holding more (近几年, 十几家, 几乎)."""
    return _COUNT_WORD_RE.fullmatch(word) is not None


# Verbs of what is done to a thing, typed glued before it (治理沙漠, 推进乡村振兴, 加强基础
# 研究): the thing is what the question is about; a document writes the verb apart or
# another one (防沙治沙, 防风阻沙带全线贯通). Soft there.
ACTION_VERBS = frozenset(
    {"治理", "推进", "加强", "建设", "发展", "促进", "提升", "推动", "加快", "支持", "完善",
     "实施", "开展", "做好", "抓好", "扩大", "优化", "深化", "强化", "培育"}
)  # fmt: skip


def asks_ahead(text: str) -> bool:
    """Whether the query asks what is planned (下一步, 接下来, 今后)."""
    return any(w in text for w in AHEAD_WORDS)


def _ahead(words: Words) -> set[int]:
    """Positions of the words that spell one of :data:`AHEAD_WORDS` together (下|一步),
    adjacent in the query."""
    out: set[int] = set()
    for k in range(len(words)):
        for j in range(k + 1, min(len(words), k + 3) + 1):
            if any(words[i][2] != words[i + 1][1] for i in range(k, j - 1)):
                break
            if "".join(w for w, _, _ in words[k:j]) in AHEAD_WORDS:
                out.update(range(k, j))
    return out


def left_out(words: Words, asking: Collection[str], verbs: Collection[str]) -> set[int]:
    """Positions of the words that frame the question (see the module's doc), beside the
    ``asking`` words themselves: ``verbs`` (有, 是, 要) opening a count, a rank verb before
    第几, the 得 before an asking word, and the words of :data:`AHEAD_WORDS`."""
    out = _ahead(words) | _documents(words) | _saying(words, asking)
    for k in range(len(words) - 1):
        w, after = words[k][0], words[k + 1][0]
        if (
            (w in verbs and (after in COUNT_ASKED or asks_count(after)))
            or (w in RANK_VERBS and after == "第几")
            or (w == "得" and after in asking)
            or (len(w) >= 2 and w.endswith("在") and after in WHERE_ASKED)
        ):
            out.add(k)
    return out


def _saying(words: Words, asking: Collection[str]) -> set[int]:
    """Positions of the verbs of saying that frame a question of what was said (说 in
    说了什么, 怎么说) and of 关于 in such a question (see :data:`SAYING_VERBS`)."""
    out: set[int] = set()
    texts = [w for w, _, _ in words]
    for k, w in enumerate(texts):
        if w not in SAYING_VERBS:
            continue
        after = texts[k + 1 : k + 3]
        before = texts[k - 1] if k > 0 else ""
        said_what = bool(after) and after[0] in asking
        said_done = after[:1] == ["了"] and len(after) == 2 and after[1] in asking
        if said_what or said_done or before in asking:
            out.add(k)
    if out or any(w in asking for w in texts):
        out |= {k for k, w in enumerate(texts) if w in ABOUT_WORDS}
    return out


def _documents(words: Words) -> set[int]:
    """Positions of the words naming the documents a question looks in (两份报告里, 文件中):
    a noun of :data:`DOCUMENT_NOUNS` with a word of :data:`INSIDE_WORDS` right after it,
    and a count of documents right before such a noun."""
    out: set[int] = set()
    for k in range(len(words) - 1):
        if words[k][0] in DOCUMENT_NOUNS and words[k + 1][0] in INSIDE_WORDS:
            out.update((k, k + 1))
            if k > 0 and counts_documents(words[k - 1][0]):
                out.add(k - 1)
    return out


def soft_words(words: Words, asking: Collection[str]) -> set[str]:
    """The words of the part that say how it asks rather than what about: what is asked
    of a topic before an asking word (成效如何), the verb before 得 and an asking word
    (发展得怎么样), the measure word or the size after 多少 or 几 (多少人, 多少万)."""
    out: set[str] = set()
    for k in range(len(words) - 1):
        w, after = words[k][0], words[k + 1][0]
        if w in ASPECT_WORDS and after in asking:
            out.add(w)
        if w in COUNT_ASKED and (after in COUNTERS or after in AMOUNT_UNITS):
            out.add(after)
        if w in WHICH_WORDS and after in KIND_WORDS and words[k][2] == words[k + 1][1]:
            out.add(after)
        if after == "得" and k + 2 < len(words) and words[k + 2][0] in asking:
            out.add(w)
        if after in MENTION_VERBS and any(x in WHICH_WORDS for x, _, _ in words[:k]):
            out.add(after)
        if (
            w in ACTION_VERBS
            and words[k][2] == words[k + 1][1]
            and len(after) >= 2
            and after not in ACTION_VERBS
            and after not in asking
        ):
            out.add(w)
    # 占 in a question of how large a share is (女性 占总人口多少, 占多少): how it asks; as a
    # word of the topic it ranked lines holding 占 of anything (占全州国土面积6.8%) above the
    # table row of the thing asked
    if any(_asks(w) for w, _, _ in words):
        out |= {w for w, _, _ in words if w in SHARE_VERBS}
    return out


def _asks(word: str) -> bool:
    """Whether ``word`` asks a count or an amount (多少, 几, 几成)."""
    return word in COUNT_ASKED or asks_count(word)


class _Labelled(Protocol):
    label: str
    exclude: bool


C = TypeVar("C", bound=_Labelled)


def drop_asking(concepts: list[C], asking: Collection[str]) -> list[C]:
    """``concepts`` without those that are only a word of asking or a count asked (几家),
    when others remain: the
    words before or after a corrected word (the 怎么 of 双创 怎么推懂 → 怎么推动) and a part
    typed apart that holds nothing else (工业用地 不够 怎么办) keep their words as typed, but
    the query's other words say what it is about."""
    kept = [c for c in concepts if c.exclude or not (c.label in asking or asks_count(c.label))]
    return kept if any(not c.exclude for c in kept) else concepts


# Words of what every report does (发展, 推进 …) typed as words of their own beside a topic
# (广东 体育 发展, 绿色转型 推进): the paragraph on the topic need not write them (推进体育强省
# 建设。实施全民健身…: no 发展) while a passage naming the topic in passing does. Soft beside
# a word of two or more characters that is none of them. Not 建设: what is built is the
# topic (学校 建设, 数据中心 建设 want the lines of building them).
GENERIC_WORDS = frozenset({"发展", "推进", "推动", "加强"})


def soften_generic(concepts: list[Any], keep: Collection[str]) -> list[Any]:
    """``concepts`` with those of :data:`GENERIC_WORDS` made soft when another required
    concept of two or more characters, not one of them nor of ``keep`` (the question
    words: 目标, 情况), says what the query is about."""
    if not any(c.label in GENERIC_WORDS for c in concepts):
        return concepts
    topical = any(
        not (c.exclude or c.optional or c.soft)
        and len(c.label) >= 2
        and c.label not in GENERIC_WORDS
        and c.label not in keep
        for c in concepts
    )
    if not topical:
        return concepts
    return [
        replace(c, soft=True)
        if c.label in GENERIC_WORDS and not (c.exclude or c.optional or c.fixed is not None)
        else c
        for c in concepts
    ]


def compound_pieces(
    term: str, split: Callable[[str], list[str] | None], known: Callable[[str], bool]
) -> list[str] | None:
    """A corrected compound the index holds whole as the two or three longer words it is
    made of (足球联赛 → 足球 联赛, 老旧小区改造 → 老旧 小区 改造, ``split`` into index
    terms), or None: an entry of the synonym groups (``known``: 地区生产总值) or a word of
    lone characters stays whole. A document may write the words apart (改造城镇老旧小区)."""
    if len(term) < 4 or known(term):
        return None
    pieces = split(term)
    if pieces and 2 <= len(pieces) <= 3 and min(map(len, pieces)) >= 2:
        return pieces
    return None
