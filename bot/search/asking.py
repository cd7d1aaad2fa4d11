"""How a query asks, as opposed to what it asks about: the word classes and their rules.

Pure: the words of a sentence that are never typos (``SENTENCE_WORDS``), the question
words an answer need not repeat (``QUESTION_WORDS``), the words of asking left out of
the words searched (``ASKING_WORDS``, ``BENEFACTIVES``), the words made soft (after
怎么/如何, ``SOFT_WORDS``, the verb opening a question); which words of a query part are
searched (``content_words``) and which are soft (``softened``, ``settle_soft``); whether
the query asks about what was done (``asks_past``) or how things are to be done
(``asks_how``). ``framing`` holds more of the same kind; the searcher plans with both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bot.search import comparing, framing
from bot.search.concepts import Concept
from bot.text.normalize import normalize
from bot.text.tokenize import STOPWORDS, is_cjk_word

# Single characters that are words of a sentence, not clipped words: a correction never
# grows them into a longer word (要突破 is not 重要突破).
# 拟 (拟安排, 拟按, 拟发行: what a report plans) is a word of the sentence, never a typo of
# the indicator before it (财政赤字拟安排 -> 财政赤字率安排 turned a deficit into its ratio).
FUNCTION_CHARS = frozenset("要的了和与及在是有将把被对为以于从向就都也还又再更很最等并或而且拟")
# Words of a question (多少项, 几个) and measure words: real words of a sentence, never
# suspected of being typos themselves.
SENTENCE_WORDS = FUNCTION_CHARS | frozenset(
    {"多少", "几", "哪些", "什么", "如何", "怎么", "怎样", "是否", "项", "个", "家", "件", "所",
     "名", "人", "次", "座", "条", "年", "户", "套", "亩", "辆", "吨", "台", "栋", "第几"}
) | framing.WHICH_ASKED | framing.SAYING_VERBS  # fmt: skip
# Words of a question that need not be in the answer when the query names its documents
# (贵州 2035年 目标: the 2035 paragraph need not say 目标).
QUESTION_WORDS = frozenset(
    {"目标", "多少", "情况", "如何", "哪些", "什么", "计划", "主要", "怎么样", "任务", "要求",
     # a goal asked by its kind (十九大 2050年 奋斗目标): the year says which
     "奋斗目标", "远景目标", "主要目标", "预期目标", "发展目标", "目标任务"}
)  # fmt: skip
# Words that make a query a sentence (未来产业需要的人才怎么培养): how it asks, not what
# it is about. Left out of the words searched when others remain; 多少, 目标 and the other
# question words stay (they name what kind of passage answers). No lone character that
# starts a term the segmenter cuts (去|产能 is 去产能, joined later), so no 来 or 去.
ASKING_WORDS = frozenset(
    {"怎么", "怎样", "怎么样", "如何", "什么", "哪些", "是否", "有没有", "请问", "吗", "呢",
     # yes-or-no asked by repeating the verb (赤字率是不是4%): as 是否 asks
     "是不是",
     "吧", "需要", "应该", "能不能", "达到", "怎么办", "咋办",
     # what a term means (双高计划是什么意思): the answer defines it, never writes 意思
     "意思", "含义"}
) | framing.MORE_ASKING  # fmt: skip
# Prepositions of whom a thing is done for (给企业减负, 替农民工讨薪): the index's stop words
# hold 为, 对, 向 and 让 but not these, which a question puts where a document writes 为 or
# nothing (为企业减负, 减轻企业负担). Left out of the words searched when others remain:
# required, a lone 给 ranked first the passages writing it in 供给.
BENEFACTIVES = frozenset({"给", "替"})
# Words after which the next word says how the question asks, not what it is about
# (怎么做, 如何推进, 怎样引导): that word is soft (see ``Concept.soft``). The segmenter
# keeps 怎么办 and 咋办 whole (教育 怎么办好: 怎么办|好, where 好 is how it asks).
HOW_WORDS = frozenset({"怎么", "如何", "怎样", "咋", "怎么样", "怎么办", "咋办"})
# Words naming the kind of passage wanted rather than its topic (有哪些举措, 具体措施,
# 重点工作): soft when the query has other words.
SOFT_WORDS = frozenset(
    {"措施", "举措", "政策措施", "具体措施", "主要措施", "工作", "重点工作", "做法", "办法",
     "安排", "方面", "有关", "相关", "具体", "重点"}
)  # fmt: skip
# Verbs that open a question before an asking word (有哪些举措, 是什么): soft; and the
# modal 要 of 要达到什么目标, 要怎么做, left beside 目标 it was joined to it (要目标, found
# only inside 主要目标). A 要 before no asking word stays (中医要 for 中医药, 数据要素).
ASKING_VERBS = frozenset({"有", "是", "要"})
# 有哪些政策 asks for the measures as 有哪些措施 does (2021年 稳就业 有哪些政策: the task
# paragraph, not the review's)
MEASURE_WORDS = frozenset(
    {"措施", "举措", "政策措施", "具体措施", "主要措施", "做法", "哪些政策", "什么政策"}
)
# 了 after a verb says a thing was done (发了多少钱, 修了多少公里, 拿到了, 降了多少): not in
# 了解, 为了, 除了, nor after 不 (解决不了) or 得 (少不得了).
_DONE_RE = re.compile(r"(?<=[\u4e00-\u9fff])(?<![为除不得])了(?!解)")
# how something went (做得怎么样, 落实得如何, 干得咋样): its results, the review's lines
_WENT_RE = re.compile(r"(?<=[\u4e00-\u9fff])得(?:怎么样|怎样|如何|咋样)")
# a verb of saying with 了 (哪几个省提到了育儿补贴, 报告提出了哪些目标): what a document
# says, which is no cue of what was done; taken out before the cues are looked for. A
# one-character one (说, 讲, 谈, 写, 提) only before what is asked (2025年政府工作报告 关于
# 房地产说了什么, 未来产业 关于开源 说了什么: the document's task lines, not its review;
# 提了 alone may end 前提了 or 提了价)
_SAID_RE = re.compile(
    "(?:"
    + "|".join(sorted(framing.MENTION_VERBS))
    + ")了|["
    + "".join(sorted(framing.SAYING_VERBS))
    + "]了(?=些?(?:什么|啥|哪))"
)
PAST_WORDS = ("去年", "上一年", "过去", "回顾", "成效", "成绩", "成就", "进展", "做了", "取得")


def join_question_words(words: list[str]) -> list[str]:
    """Neighbours that make a question word together (远景 目标 → 远景目标) as one."""
    out: list[str] = []
    for w in words:
        if out and out[-1] + w in QUESTION_WORDS:
            out[-1] += w
            continue
        out.append(w)
    return out


def plain_pair(w1: str, w2: str) -> bool:
    """Two words of two or more characters each, neither asking nor a word of a sentence
    (多少, 怎么, 目标): a pair a sound-alike correction may be tried on."""
    return all(
        len(w) >= 2
        and is_cjk_word(w)
        and w not in SENTENCE_WORDS
        and w not in QUESTION_WORDS
        and w not in ASKING_WORDS
        for w in (w1, w2)
    )


def _counted(word: str) -> bool:
    """Whether ``word`` asks a count or an amount (多少, 几, 几倍, 第几个)."""
    return word in framing.COUNT_ASKED or framing.asks_count(word)


def content_words(words: list[tuple[str, int, int]]) -> list[str]:
    """The words that are searched for: function words (的, 和 …) left out, and the
    words of asking (怎么, 来) and :data:`BENEFACTIVES` (给) when others remain."""
    # 有 and 是 opening a question (有什么办法, 是什么) go with it: left beside the next
    # word, a lone 有 would be joined to it (有|办法 → 有办法, a phrase of the corpus)
    asking = {
        k
        for k in range(len(words) - 1)
        if words[k][0] in ASKING_VERBS and words[k + 1][0] in ASKING_WORDS
    } | framing.left_out(words, ASKING_WORDS, ASKING_VERBS)
    # 比 … 快, 涨得: how a comparison is asked (``comparing``), not what about
    asking |= comparing.comparison_words(words, ASKING_WORDS)
    # 从多少涨到多少, 降了多少: the ends of a change asked (``comparing.change_words``)
    asking |= comparing.change_words(words, _counted)
    # the lone verb that ends a question after 怎么/如何 (就业怎么稳, 粮食生产如何抓) is how
    # it asks, not what about: left out beside longer words, never joined to the word
    # before the asking word (就业|稳 is no 就业稳; typed apart, 就业 怎么稳, the parts are
    # never joined). Not one before other words: 怎么去产能 asks about 去产能.
    kept = [w for k, (w, _, _) in enumerate(words) if w not in STOPWORDS and k not in asking]
    content = [
        w
        for w in kept
        if w not in ASKING_WORDS and w not in BENEFACTIVES and not framing.asks_count(w)
    ]
    ends_with_verb = (
        len(words) > 1
        and words[-2][0] in HOW_WORDS
        and len(words[-1][0]) == 1
        and is_cjk_word(words[-1][0])
        and content[-1:] == [words[-1][0]]
    )
    if ends_with_verb and any(len(w) > 1 and w not in QUESTION_WORDS for w in content[:-1]):
        content = content[:-1]
    return content or kept


def softened(concepts: list[Concept], words: list[tuple[str, int, int]]) -> list[Concept]:
    """``concepts`` with the words of asking marked soft (see ``Concept.soft``): the word
    right after 怎么/如何/怎样 (怎么推进, 怎么做) and the words of :data:`SOFT_WORDS`.
    Whether they stay soft is settled for the whole query (:func:`settle_soft`)."""
    after_how = {
        words[k + 1][0]
        for k in range(len(words) - 1)
        if words[k][0] in HOW_WORDS and words[k + 1][0] not in STOPWORDS
    }
    # 有哪些, 是什么: the verb that opens the question
    after_how |= {
        words[k][0]
        for k in range(len(words) - 1)
        if words[k][0] in ASKING_VERBS and words[k + 1][0] in ASKING_WORDS
    } | framing.soft_words(words, ASKING_WORDS)
    after_how |= _done_verbs(words)
    return [
        replace(c, soft=True)
        if not (c.exclude or c.optional or c.fixed is not None or c.label in QUESTION_WORDS)
        and (c.label in after_how or c.label in SOFT_WORDS)
        else c
        for c in concepts
    ]


# The documents' verb for a one-character verb of change a question asks with (涨了多少,
# 降到多少: ``comparing.change_words``): the lines state a change as 增长 or 下降 with its
# figure, never the lone character. Left out as a word, the question kept only its topic,
# and a line of another figure's growth beside the topic's name could come first.
CHANGE_READ = {"涨": "增长", "升": "增长", "增": "增长", "降": "下降", "跌": "下降", "减": "下降"}


def change_reads(words: list[tuple[str, int, int]]) -> list[str]:
    """The documents' verbs (:data:`CHANGE_READ`) for the verbs of change that frame a count
    asked in ``words`` (涨了多少 → 增长), searched soft: a line writing them gains, none
    needs them (a fall asked of a figure that rose still finds the figure)."""
    out: list[str] = []
    for k in sorted(comparing.change_words(words, _counted)):
        verb = CHANGE_READ.get(words[k][0][:1])
        if verb and words[k][0] not in ("到", "从") and verb not in out:
            out.append(verb)
    return out


# Verbs of reaching a figure (完成了多少, 实现了多少增长, 达成了几项): in a question with 了
# and a count asked they say the figure was reached, which the review's line states without
# them (城镇新增就业86万人, 固定资产投资增长5%); required, they sent a line writing 完成 about
# something else first. Soft: a line writing them still gains (全年完成投资1200亿元).
DONE_VERBS = frozenset({"完成", "实现", "达成", "取得", "做到"})


def _done_verbs(words: list[tuple[str, int, int]]) -> set[str]:
    """The :data:`DONE_VERBS` of ``words`` followed by 了, when a count is asked."""
    if not any(_counted(w) for w, _, _ in words):
        return set()
    return {
        words[k][0]
        for k in range(len(words) - 1)
        if words[k][0] in DONE_VERBS and words[k + 1][0] == "了"
    }


def asks_past(text: str) -> bool:
    """Whether the query asks about what was done (去年, 成效 …; a verb with 了, 发了多少,
    完成了; how something went, 做得怎么样, 落实得如何; a rank, 排第几): the review's
    paragraphs, whose opening sentences are seldom titles, are wanted. Read as normalised
    (過去, 做了 typed in traditional characters ask as 过去 does)."""
    text = _SAID_RE.sub(" ", normalize(text))
    return (
        any(w in text for w in PAST_WORDS)
        or _DONE_RE.search(text) is not None
        or _WENT_RE.search(text) is not None
        or _RANK_ASKED_RE.search(text) is not None
    )


# A place in a ranking asked (全国排第几, 排名第几, 位次; the noun alone, 营商环境 排名, 排行, and
# in English, ranking, ranks): where a place stood, which only a review can say (居全国第6位);
# a plan's goals rank nothing.
_RANK_ASKED_RE = re.compile(
    r"排第几|排名|排行|排在第几|第几位|第几名|位次|名次|\brank(?:s|ed|ings?)?\b", re.IGNORECASE
)


# A count or an amount asked (多少, 几家, 几个, 第几, 几倍): the line giving the figure is
# wanted (``window.FIGURE_WEIGHT``). Not 哪几个, which asks which places, not how many.
# Also 几种 and 几款 (获批几种新食品原料, 几款脑机接口产品: the plans' 3—5种, 10款), 几发 (连续
# 12发), 几万 (新开工 几万个) and 几小时 (通关 几小时放行, 几小时内到达: 6小时内放行).
_FIGURE_ASKED_RE = re.compile(
    "多少|第几|(?<!哪)几(?:["
    + "".join(sorted(framing.COUNTERS))
    + "位年倍成天岁批轮期种款发万]|小时)"
)


def asks_figure(text: str) -> bool:
    """Whether the query asks a count or an amount (多少, 几家, 第几, 几倍; not 哪几个省), or
    a rank (营商环境 排名, business environment ranking: the review's 从全国第20位升至第3位,
    居全国第3位, as 排第几 asks it). Read as normalised (幾家 asks as 几家 does)."""
    normalized = normalize(text)
    return (
        _FIGURE_ASKED_RE.search(normalized) is not None
        or _RANK_ASKED_RE.search(normalized) is not None
    )


# The meaning of a term asked (双高计划是什么意思, 什么是新质生产力, 两新的含义, what does X
# mean): the answer is where a document defines it, most often a numbered note under
# 注释 or 名词解释 (12.“双高计划”：…), which the body-text prior otherwise sends behind
# every paragraph that only uses the term. Not 是什么 alone (目标是什么 asks a goal).
_MEANING_RE = re.compile(
    r"什么意思|啥意思|是指什么|指的是什么|指什么|什么是|是什么含义|的含义|含义是|是何含义|何为|名词解释"
    r"|\bwhat\s+(?:does|do)\b.*\bmean\b|\bmeaning\s+of\b|\bdefin(?:e|ition)\b",
    re.IGNORECASE,
)


# What a term is, asked in English of the term alone (what are future industries, what is
# new quality productive forces): once the English is read, the rest is one Chinese run.
# The Chinese 什么是 is in _MEANING_RE; what is … with anything more (Sichuan's GDP growth
# target for 2026) asks something else.
_WHAT_IS_TERM_RE = re.compile(
    r"^\s*what\s+(?:is|are)\s+(?:an?\s+|the\s+)?[\u4e00-\u9fff]{2,}\s*[?？]?\s*$", re.IGNORECASE
)


def asks_meaning(text: str, read: str = "") -> bool:
    """Whether the query asks what a term means (是什么意思, 什么是, 含义, what does … mean),
    or, ``read`` being the query with its English read as Chinese, what a term alone is
    (what are 未来产业). Read as normalised (什麼意思 asks as 什么意思 does)."""
    return (
        _MEANING_RE.search(normalize(text)) is not None or _WHAT_IS_TERM_RE.match(read) is not None
    )


# What a bulletin's note explains asked (统计口径, 统计范围, 按什么价格计算, 现价还是可比价,
# 划分依据, 数据来自哪个部门): the numbered note under 注释 (``[3]规模以上工业统计口径为…``,
# ``[2]…增长速度按可比价格计算``) is the answer, not the body lines that only use the measure.
# Words of method, scope and source only: not 标准 (33 of the 34 dev queries writing it ask
# a standard's value, 低保标准), not 包括哪些 (what a plan's list holds).
_NOTE_ASKED_RE = re.compile(
    r"口径|统计范围|计算方法|核算方法|按什么\S{0,4}计算|怎么算|怎么计算|如何计算|怎样计算"
    r"|现价|可比价|不变价|不变单价|划分依据|分类依据|数据来源|来自哪"
)


def asks_note(text: str) -> bool:
    """Whether the query asks what a note explains: a measure's scope, price basis,
    classification or source (黔东南 规模以上工业 统计口径, 成都 2022 地区生产总值 按什么价格
    计算). Read as normalised (統計口徑 asks as 统计口径 does)."""
    return _NOTE_ASKED_RE.search(normalize(text)) is not None


def asks_how(text: str) -> bool:
    """Whether the query asks how something is done (怎么推进, 如何, 有哪些举措) rather
    than what was done (去年…成效). Read as normalised (怎麼發展 asks as 怎么发展 does)."""
    text = normalize(text)
    return not asks_past(text) and _how_worded(text)


def _how_worded(normalized: str) -> bool:
    """Whether a normalised query has a how-word, a measure word or asks ahead: what
    :func:`asks_how` asks of a query that does not ask about the past."""
    return (
        any(w in normalized for w in HOW_WORDS)
        or any(w in normalized for w in MEASURE_WORDS)
        or framing.asks_ahead(normalized)
    )


def settle_soft(concepts: list[Concept]) -> list[Concept]:
    """The query's concepts with its soft words kept soft when a word of two or more
    characters stays required, else required again (工作 安排 alone is what is asked);
    a soft lone character (the 做 of 怎么做) is left out: it would add the score of a
    character found nearly everywhere."""
    if not any(c.soft for c in concepts):
        return concepts
    if not any(
        not (c.soft or c.exclude or c.optional)
        and len(c.label) > 1
        and c.label not in QUESTION_WORDS
        for c in concepts
    ):
        return [replace(c, soft=False) if c.soft else c for c in concepts]
    return [c for c in concepts if not (c.soft and len(c.label) == 1)]


# A question of which places or documents (哪些省份提出了…目标, 哪几个城市, 哪个省提到,
# 哪些文件提及): the answer is a list of them, so the reply gives each document once, with
# its best passage, before a second passage of any (``SearchResponse.by_document``).
_WHICH_PLACES_RE = re.compile(
    r"(?:哪些|哪几个|哪几|哪个|哪一个)(?:省份|省市|省区|省|城市|地市|市(?!场)|地方|地区|区县|县(?!域)|"
    r"文件|报告|份)"
)
# How far down the ranking a question of which places is regrouped: the documents a
# reader scans for (a corpus's provinces), not the whole tail.
GROUPED_WINDOW = 50


# The same asked in English (an assistant passes the analyst's question on as typed:
# "Which documents are about low-altitude economy?", "Which provinces set GDP targets
# above 5%?", "which cities mention 低空经济").
_WHICH_PLACES_EN_RE = re.compile(
    r"\b(?:which|what)\s+(?:provinces?|cities|city|regions?|places|counties|county|"
    r"districts?|documents?|reports?|files?)\b",
    re.IGNORECASE,
)


def asks_which_places(query: str) -> bool:
    """Whether ``query`` asks which places or documents (哪些省份, 哪几个城市, 哪份报告;
    which provinces, which documents)."""
    text = normalize(query)
    return _WHICH_PLACES_RE.search(text) is not None or (
        _WHICH_PLACES_EN_RE.search(text) is not None
    )


def documents_first(docs: list[int]) -> list[int]:
    """The order that puts the first entry of each document of ``docs`` (the documents
    of ranked passages, best first) before every second one, each group in rank order:
    [A, A, B, C, B] -> positions [0, 2, 3, 1, 4]."""
    seen: set[int] = set()
    first: list[int] = []
    rest: list[int] = []
    for k, doc in enumerate(docs):
        (rest if doc in seen else first).append(k)
        seen.add(doc)
    return first + rest


# The heads of a measure's name (城镇化率, PM2.5浓度, 常住人口, 地区生产总值, 粮食产量,
# 存款余额): a query ending with one and asking nothing of it wants the measure's level.
# 强度 (研发投入强度, 能耗强度, 碳排放强度) is one too: the reports state its level (海南
# 研发投入强度提升至1.8%, 宁夏 能耗强度累计下降17.3%) and name it as a thing to raise in the
# tasks (推动全社会研发投入强度持续提升, 广东's 研发经费投入强度等控制指标).
MEASURE_HEADS = (
    "率", "浓度", "人口", "总值", "总量", "产量", "产值", "收入", "总额", "余额", "比重",
    "占比", "增速", "指数", "人数", "强度",
)  # fmt: skip
# Words that ask a plan's figure or a change rather than the level (目标, 计划, 预期, 力争,
# 到2027年 …: a task line holds those)
_AHEAD_ASKED_RE = re.compile("目标|计划|预期|力争|规划|任务|要求|到[0-9一二]|今年|明年|下一步")


# A goal or the year ahead asked (目标, 预期, 今年, 明年): the report's tasks, not its review
# (``window.PLANNED_SHARE``); not with the past asked (去年目标完成了吗) or how (its own rule).
_PLAN_ASKED_RE = re.compile("目标|预期|今年|明年")


def names_measure_alone(text: str) -> bool:
    """Whether the query names a measure and asks nothing of it (四川 城镇化率, 宁夏 常住人口,
    四川 PM2.5 浓度): its last word ends with one of :data:`MEASURE_HEADS` and no word asks
    a goal, a plan or what is ahead. Read as normalised (城鎮化率 as 城镇化率)."""
    normalized = normalize(text)
    words = normalized.split()
    if not words or _AHEAD_ASKED_RE.search(normalized) or framing.asks_ahead(normalized):
        return False
    return words[-1].endswith(MEASURE_HEADS)


@dataclass(frozen=True)
class Asking:
    """How a query asks, as the ranked window reorders for it (``Window.ordered``): a
    how-question (its review's lines behind the tasks), one about what was done (the
    tasks behind the review), whether a title naming every word counts (not for the
    past: a review's opening sentences are seldom titles), a count asked (lines with a
    figure beside the words), the meaning of a term asked (the note defining it first,
    footnotes not demoted), a measure named alone (its level: the tasks behind the review,
    as for the past), a goal or this year asked (the review behind the tasks). Read once
    per query (``of``); the default asks nothing."""

    how: bool = False
    past: bool = False
    titled: bool = False
    counted: bool = False
    meaning: bool = False
    stated: bool = False
    planned: bool = False
    noted: bool = False

    @property
    def notes_kept(self) -> bool:
        """Whether footnotes keep their matched words (:meth:`Searcher._demote` takes one
        off otherwise): a term's meaning or what a note explains asked, the note answers."""
        return self.meaning or self.noted

    @classmethod
    def of(cls, text: str, read: str = "", corrected: str = "") -> Asking:
        """How ``text`` (as typed) asks; ``read`` is it with its English read as Chinese,
        ``corrected`` that with the search's typo corrections made (城镇化律 -> 城镇化率)."""
        past = asks_past(text)  # once: asks_how would ask it again
        normalized = normalize(text)  # once: a normalisation is ~25 µs a query
        how = not past and _how_worded(normalized)
        counted = asks_figure(text)
        meaning = asks_meaning(text, read)
        return cls(
            how=how,
            past=past,
            titled=not past,
            counted=counted,
            meaning=meaning,
            # the measure as the search corrects it too: a typo in its head (城镇化律, 粮食产亮,
            # 赤字绿) names it as the corrected word does. Not the English read as Chinese
            # (Guizhou R&D intensity): tried, a query of the check half fell
            stated=not (past or how or counted or meaning)
            and (names_measure_alone(text) or (bool(corrected) and names_measure_alone(corrected))),
            planned=not (past or how) and _PLAN_ASKED_RE.search(normalized) is not None,
            noted=_NOTE_ASKED_RE.search(normalized) is not None,
        )
