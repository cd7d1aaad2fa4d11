"""The order of a ranked window: the best passages by score, reordered by what they are.

Passages are ranked by the words they match and their BM25 score; the best
``QUALITY_WINDOW`` of them are then reordered (``Window.ordered``) by their body-text
prior (a footnote behind the paragraphs), the share of the runs typed whole that they
hold (生态保护红线), a title naming every word (``TITLE_WEIGHT``) and the same-sentence
share (``SAME_SENTENCE_WEIGHT``, :mod:`.sentences`), and by where they stand in their
document: a review's lines behind a plan's measures for a how-question
(``REVIEW_SHARE``, ``OUTLINE_SHARE``), a report's tasks behind its review for a question
about what was done (``TASK_SHARE``), a report's overview opening with what the year is
behind the lines it names in passing (``OVERVIEW_SHARE``). ``top`` picks ranks lo..hi of
a long tier by key, ties broken by passage id. The searcher holds one ``Window`` per index.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cached_property

import numpy as np

from bot.search.asking import Asking
from bot.search.headings import HeadingTable
from bot.search.index import CompiledIndex
from bot.search.quality import FOOTNOTE
from bot.search.sentences import (
    figures_near,
    heading_shares,
    same_sentence_shares,
    title_shares,
)

ASKS_NOTHING = Asking()
# A note that defines a term (12.“双高计划”：…, 注1：新质生产力：…, ①“两新”：…): its head,
# an optional number then the term, quoted or not, and a colon. When the query asks what a
# term means (``Asking.meaning``) and the head names one of its words, the note is the
# answer: it goes before the window's passages that only use the term (a footnote's prior,
# 0.4, would otherwise keep it behind all of them).
_DEFINITION_HEAD_RE = re.compile(
    r"^\s*(?:(?:注|注释)?\s*[\[［【(（]?\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[\]］】)）.．、:：]?\s*|[①-⑳]\s*)?"
    r"[“\"「『]?(?P<term>[^”\"」』:：，。,\s]{1,24})[”\"」』]?\s*[:：]"
)


# A line that opens by saying what a term is, in the body rather than a note: the term,
# then 是指 / 是 / 由 / 即 (未来产业由前沿技术驱动，…; 脑机接口是通过神经工程手段实现…;
# [6]居民消费价格指数是指…). The term must end with the word asked (发展未来产业是… still;
# 未来产业园区是… not).
_DEFINING_LINE_RE = re.compile(
    r"^\s*(?:[\[［【(（]?\s*\d{1,3}\s*[\]］】)）.．、]\s*)?"
    r"[“\"「『]?(?P<term>[^，。：:；;、\s“”\"]{2,16}?)[”\"」』]?(?:是指|指的是|是|由|即)"
)


def defines(text: str, words: tuple[tuple[str, ...], ...]) -> bool:
    """Whether a line of ``text`` opens as a note defining a term that holds one of
    ``words``' forms of two characters or more (``12.“双高计划”：…`` for 双高计划 or 双高;
    a passage may open with the notes' heading, ``名词解释\n1.“两新”：…``), or opens by
    saying what a term ending with one of them is (``未来产业由前沿技术驱动``)."""
    forms = [f for fs in words for f in fs if len(f) > 1]
    for line in text.split("\n"):
        m = _DEFINITION_HEAD_RE.match(line)
        if m is not None and any(f in m.group("term") for f in forms):
            return True
        m = _DEFINING_LINE_RE.match(line)
        if m is not None and any(m.group("term").endswith(f) for f in forms):
            return True
    return False


# How much more a passage among the best counts when it holds a part typed as one run
# (生态保护红线) whole: twice, so it leads passages with the words scattered (even
# repeated) without jumping a tier. (0.3 and 0.6 scored the same on the dev relevance
# set; a tier of its own lost 0.016 MRR@10 there.)
WHOLE_RUN_WEIGHT = 1.0
# How much more a passage among the best counts when the query's words stand in one of
# its sentences rather than scattered over a long paragraph (规模以上工业增加值增长7% vs a
# five-year review naming 规模以上工业 in one sentence and 增长 in another), by the share
# of the words its best sentence holds.
SAME_SENTENCE_WEIGHT = 0.3
# How much more a passage among the best counts when its opening sentence is a title
# naming every word of the query (优化提升教育水平。结合人口变化趋势… for 贵州 教育 怎么办好,
# over paragraphs naming 教育 in passing): a report's paragraph opens with what it is
# about. A title naming some of the words only counts nothing (——保持经济中高速增长，…
# is no title about 2020年 GDP 增长; crediting a share of the words lost 0.003 MRR@10 on
# dev). A title is the text before the first 。 when that is at most sentences.TITLE_CHARS
# characters and TITLE_BODY_CHARS or more follow. Not when the query asks about the past
# (去年, 成效 …): a review's paragraphs seldom open with a title. A four-character word
# is in a title that holds its halves in order (深化国企国资改革 for 国企改革), as a loose
# form of the word is in a text (``sentences.title_shares``).
TITLE_WEIGHT = 0.3
# How much more a passage among the best counts when the query asks a count or an amount
# (多少, 几家, 第几) and a figure stands within FIGURE_REACH characters of one of its words
# (打造百家领军企业, 复耕复种85万亩): the line giving the figure, not one naming the thing
# alone (强化科技领军企业培育) or a figure of something else further on.
FIGURE_WEIGHT = 0.2
# How much more a passage among the best counts, when the query asks how or what measures
# (``Asking.how``), by the share of the query's words that its own heading (the deepest of
# its section) holds: a plan's or a report's paragraphs under （四）加强人才建设 or
# 二、加速脑机接口产品化 are the measures on that topic, where a paragraph under
# （五）加强国际合作 naming 人才培养 in passing is not. The paragraph's own opening sentence was
# tried as well and lost (a task paragraph often opens on another topic than the words
# asked: 加快形成绿色生产生活方式 for 粮食 生产; a news article's paragraphs open with no label).
HEADING_WEIGHT = 0.3
FIGURE_REACH = 8
# A report's overview opens by saying what the year is (今年是“十五五”开局之年, 刚刚过去的2025年，
# 是“十四五”收官之年, 2025年是…之年): it names the year's themes in passing, and a line stating
# one of them (封关运作如期实现) is what a question about it wants. Such a passage among the
# best counts this share, whatever the query asks (0.8 moved no dev query; 0.6 chosen on
# the fit half of ``bench/fitcheck.py``, the check half measured once: none moved).
OVERVIEW_SHARE = 0.6
_OVERVIEW_RE = re.compile(
    "^(?:今年|明年|去年|刚刚过去的[0-9]{4}年|[0-9]{4}年)[^。；]{0,4}?是[^。；]{0,40}?之年"
)
# The characters an overview can open with: every first character _OVERVIEW_RE can match
# (a test reads them off the expression). A window's passages opening otherwise are
# neither decoded nor matched for it (:meth:`Window.may_open_overview`).
_OVERVIEW_FIRST = "今明去刚0123456789"
_OVERVIEW_OPENINGS = tuple(c.encode("utf-8") for c in _OVERVIEW_FIRST)
# The prior of a footnote when the query asks what a note explains (``Asking.noted``:
# 统计口径, 按什么价格计算): the note is the answer, so it ranks as body text does, not at
# the 0.4 that keeps it behind every line using the measure.
NOTE_ASKED_PRIOR = 1.0
# How many of the best-scoring passages the body-text prior may reorder.
QUALITY_WINDOW = 20
# The best of a long tier are looked for among the keys no worse than the best of a
# sample of at least this many times as many keys as asked for (``top``).
_TOP_SAMPLE = 8
# ... and a tier of at most this many passages is sorted whole (np.lexsort of 100 keys
# ~2.7 µs against ~5.5 µs for the boundary's partitions; they meet near 400).
_TOP_SORT_ALL = 256
# A question asking how something is done (怎么推进, 有哪些举措) wants the measures of a
# plan or of a report's tasks, not the review of what was achieved (一、2025年工作回顾 …
# 这五年，绿色转型纵深推进): among the best passages, those under a heading naming a
# review count this share of their score; not when the query asks about the past.
REVIEW_SHARE = 0.7
# A question about what was done (去年, 成效, 发了多少, 完成了 …) wants the review's lines,
# not a report's tasks for the year ahead naming the same things (四川 以旧换新 补贴 发了多少钱:
# 兑现以旧换新补贴169亿元, not 优化实施消费品以旧换新): among the best passages, those of a
# report with a review part that stand outside it count this share of their score.
TASK_SHARE = REVIEW_SHARE
# A measure named and nothing asked of it (四川 城镇化率, 宁夏 常住人口, 四川 PM2.5 浓度;
# ``asking.names_measure_alone``) wants its level, which a report's review states
# (常住人口城镇化率突破60%, PM2.5平均浓度降至28.5微克每立方米), as a question about the past
# does: the report's tasks count TASK_SHARE, both a line naming the measure as a thing to
# raise with no figure (城镇化率低的潜力地区, 着力降低PM2.5浓度: a shorter paragraph outscored
# the review) and a target for the year or the next plan period (城镇化率提升至69.5%以上),
# which the query would ask with 目标, 今年 or 到2030年. Demoting only the lines without a
# figure beside the words moved three dev queries of the fit half of ``bench/fitcheck.py``
# (seed 3514) and one of the check half; every task line, one more of each, none fell.
# A goal or this year asked (四川2026年进出口增长目标是多少, 宁夏 研发经费 今年 增长;
# ``asking.Asking.planned``) wants the report's tasks, where the year's targets stand, not
# its review of the year before (完成年度目标, 年均增长11%): among the best passages, those
# of a review count this share, as for a how-question. Four fit-half dev queries of
# ``bench/fitcheck.py`` (seed 3514) rose, in three reports, none fell; the check half did
# not move.
PLANNED_SHARE = REVIEW_SHARE
# what a review's heading names: 一、2025年工作回顾; 一、2025年工作总结和“十四五”发展成就
_REVIEW_HEADINGS = ("回顾", "总结")
# ... and what a document's top-level heading names when its first part reviews what was
# achieved (一、我国数字经济发展成效显著: a State Council report to the NPC Standing
# Committee) or the years past (一、过去五年的工作和历史性变革: a party congress report).
# The top level only: a task's sub-heading may aim at results (（五）提升治理成效); and not
# 成就: 二、“十三五”时期发展成就和“十四五”时期主要目标任务 holds the plan's goals too. Two dev
# queries of ``bench/fitcheck.py`` (seed 4141) rose, one of each half, none fell.
_REVIEW_PART_HEADINGS = ("成效", "过去")
# A how-question wants the paragraphs of a part's topics, not the text standing directly
# under the part's own heading in a document whose parts have sub-headings (三、2026年重点工作
# → 经济社会发展的主要预期目标是…, 二、总体要求 → 今年是“十四五”规划收官之年…: an outline
# naming every topic in passing), nor the text before its first heading (a sender's line
# and the preamble): such a passage among the best counts this share (0.8 first; 0.6 also
# put 广东 居民 收入 怎么提高 first, whose outline holds 居民收入 in one sentence, and 0.5
# moved no more; for every query, not only how-questions, it lost 0.006: a target's figures
# stand in those passages).
OUTLINE_SHARE = 0.6


def top(pids: np.ndarray, keys: np.ndarray, lo: int, hi: int) -> np.ndarray:
    """Positions of ranks lo..hi by key (descending), ties broken by passage id."""
    if pids.size <= _TOP_SORT_ALL:
        # a short tier: sorting it all costs less than finding the boundary first
        # (the same positions: every key and id compared either way)
        return np.lexsort((pids, -keys))[lo:hi]
    if pids.size > hi:
        # Keep everything tied with the boundary so ties break by passage id on
        # every page alike (an arbitrary pick among ties would repeat or skip hits).
        negated = -keys  # once: a tier can hold thousands of passages
        step = negated.size // (_TOP_SAMPLE * hi)
        if step > 1:
            # The hi-th of every step-th key is no better than the hi-th of all, so
            # the keys up to it hold the hi best and everything tied with them: the
            # boundary is found among those few (np.partition costs ~5 ns a key).
            sample = np.partition(negated[::step], hi - 1)[hi - 1]
            near = np.flatnonzero(negated <= sample)
            boundary = np.partition(negated[near], hi - 1)[hi - 1]
            pos = near[negated[near] <= boundary]
        else:
            boundary = np.partition(negated, hi - 1)[hi - 1]
            pos = np.flatnonzero(negated <= boundary)
        order = np.lexsort((pids[pos], negated[pos]))
        return pos[order][lo:hi]
    # every passage is on the page: its positions are the sort's (no arange to index)
    return np.lexsort((pids, -keys))[lo:hi]


def _times_where(weighted: np.ndarray, flags: np.ndarray, share: float) -> np.ndarray:
    """``weighted`` with the entries where ``flags`` holds times ``share`` (float32), the
    others as they are: the same values as multiplying by ``np.where(flags, share, 1)``
    (x × 1 is x), without the arrays when no flag holds."""
    if not flags.any():
        return weighted
    return weighted * np.where(flags, np.float32(share), np.float32(1))


class Window:
    """The reordering of ranked windows over one compiled index: the per-passage marks
    of where a passage stands (a review, a report's tasks, an outline), made once, and
    ``ordered``. ``heading_table`` and ``sections`` give the searcher's heading table and
    normalised section paths when first needed."""

    def __init__(
        self,
        index: CompiledIndex,
        *,
        heading_table: Callable[[], HeadingTable],
        sections: Callable[[], list[tuple[str, ...]]],
    ) -> None:
        self.index = index
        self._heading_table = heading_table
        self._sections = sections

    @cached_property
    def in_review(self) -> np.ndarray:
        """Whether each passage stands under a heading naming a review (一、2024年工作回顾),
        or in a part whose top-level heading names one (一、我国数字经济发展成效显著)."""
        review = np.asarray(
            [
                any(w in part for part in path for w in _REVIEW_HEADINGS)
                or (bool(path) and any(w in path[0] for w in _REVIEW_PART_HEADINGS))
                for path in self._sections()
            ],
            dtype=bool,
        )
        if not review.size:
            return np.zeros(self.index.n_passages, dtype=bool)
        return review[np.asarray(self.index.p_section, dtype=np.intp)]

    @cached_property
    def report_tasks(self) -> np.ndarray:
        """Whether each passage is of a report that has a review part (:attr:`in_review`)
        and stands outside it: the year's tasks and the plan's goals (see
        :data:`TASK_SHARE`)."""
        review = self.in_review
        doc = np.asarray(self.index.p_doc, dtype=np.intp)
        has_review = np.zeros(len(self.index.docs), dtype=bool)
        has_review[doc[review]] = True
        return has_review[doc] & ~review

    @cached_property
    def outline_level(self) -> np.ndarray:
        """Whether each passage stands directly under a top-level heading, or before the
        first heading, of a document that has deeper headings (see :data:`OUTLINE_SHARE`)."""
        ix = self.index
        depth = np.asarray([len(path) for path in ix.sections], dtype=np.int32)
        p_depth = depth[np.asarray(ix.p_section, dtype=np.intp)]
        doc = np.asarray(ix.p_doc, dtype=np.intp)
        deepest = np.zeros(len(ix.docs), dtype=np.int32)
        np.maximum.at(deepest, doc, p_depth)
        return (p_depth <= 1) & (deepest[doc] >= 2)

    @cached_property
    def own_heading(self) -> list[str]:
        """Per section, its deepest heading (normalised; "" for the text before the first)."""
        return [path[-1] if path else "" for path in self._sections()]

    def _own_headings(self, pids: np.ndarray) -> list[str]:
        """The deepest heading of each of ``pids``' sections."""
        own = self.own_heading
        sections = self.index.p_section
        return [own[int(sections[p])] for p in pids.tolist()]

    def may_open_overview(self, pids: np.ndarray) -> np.ndarray:
        """Whether each of ``pids``' normalised text opens with a character an overview can
        open with (:data:`_OVERVIEW_FIRST`): read off the first bytes of these passages
        alone, so that a window decodes and matches only those (a one-word query's window
        reads no text otherwise)."""
        return self.index.opening_with(_OVERVIEW_OPENINGS, pids)

    def _prior(self, pids: np.ndarray) -> np.ndarray:
        """The body-text prior of ``pids`` (:mod:`.quality`, stored in the index)."""
        return self.index.p_prior[np.asarray(pids, dtype=np.intp)]

    def ordered(
        self,
        pids: np.ndarray,
        keys: np.ndarray,
        lo: int,
        hi: int,
        *,
        presorted: bool = False,
        runs: tuple[bytes, ...] = (),
        words: tuple[tuple[str, ...], ...] = (),
        asking: Asking = ASKS_NOTHING,
    ) -> np.ndarray:
        """Positions of ranks lo..hi: the best :data:`QUALITY_WINDOW` by score, reordered
        by score × body-text prior (a footnote drops behind the paragraphs) × the share
        of the typed ``runs`` each holds whole (× :data:`REVIEW_SHARE` for a passage of a
        review when the query asks how, ``asking.how``, × :data:`PLANNED_SHARE` when it
        asks a goal or this year, ``asking.planned``, × :data:`TASK_SHARE` for one of a
        report's tasks when it asks about the past or names a measure alone,
        ``asking.stated``; × 1 + :data:`TITLE_WEIGHT` for one whose
        title names all the ``words`` when ``asking.titled``; × 1 + :data:`HEADING_WEIGHT`
        × the share of the ``words`` its own heading holds when the query asks how;
        × 1 + :data:`FIGURE_WEIGHT`
        for one with a figure next to one of the ``words`` when the query asks a count;
        × :data:`OVERVIEW_SHARE` for a report's overview; × the same-sentence share), then
        the rest by score. The order is the same whatever page is asked for."""
        how, past, titled, counted = asking.how, asking.past, asking.titled, asking.counted
        window = QUALITY_WINDOW
        head = np.arange(min(window, pids.size)) if presorted else top(pids, keys, 0, window)
        at = pids[head]  # the window's passages, read by every step below
        prior = self._prior(at)
        if asking.noted:
            prior = np.where(prior <= FOOTNOTE, np.float32(NOTE_ASKED_PRIOR), prior)
        weighted = keys[head] * prior
        window_texts = None
        defining = None
        if asking.meaning and words and head.size:
            window_texts = self.index.passages_norm_texts(at)
            defining = np.fromiter((defines(t, words) for t in window_texts), bool, head.size)
        # A share is applied only when some passage of the window takes it: a score times
        # float32 1 is the same score, and most windows hold no review, outline, task or
        # overview passage (each multiply and where skipped is ~2 µs a query).
        if how:
            weighted = _times_where(weighted, self.in_review[at], REVIEW_SHARE)
            weighted = _times_where(weighted, self.outline_level[at], OUTLINE_SHARE)
        elif asking.planned:
            weighted = _times_where(weighted, self.in_review[at], PLANNED_SHARE)
        elif past or asking.stated:
            weighted = _times_where(weighted, self.report_tasks[at], TASK_SHARE)
        if counted and words and head.size:
            window_texts = self.index.passages_norm_texts(at)
            near = figures_near(window_texts, words, FIGURE_REACH)
            weighted = weighted * np.where(near, np.float32(1 + FIGURE_WEIGHT), np.float32(1))
        if runs:
            # searching a window's texts costs microseconds; verifying a run over all
            # the passages holding its words cost milliseconds a query. The texts are
            # decoded once, for the runs and the titles and sentences below (a run's
            # bytes are in a passage's UTF-8 where its characters are in the text).
            if window_texts is None:
                window_texts = self.index.passages_norm_texts(at)
            held = np.zeros(head.size, dtype=np.float32)
            for run in runs:
                text = run.decode("utf-8")
                found = np.fromiter((text in t for t in window_texts), bool, len(window_texts))
                # a passage under a topic heading holding the run holds it too (looked
                # up for these passages only, not all those under such headings)
                found = found | self._heading_table().under_topic(at, text)
                held += found
            weighted = weighted * (1 + np.float32(WHOLE_RUN_WEIGHT) * held / len(runs))
        if OVERVIEW_SHARE != 1 and head.size:
            overview = self.may_open_overview(at)
            if overview.any():
                maybe = np.flatnonzero(overview).tolist()
                texts = (
                    self.index.passages_norm_texts(at[maybe])
                    if window_texts is None
                    else [window_texts[i] for i in maybe]
                )
                overview[maybe] = [_OVERVIEW_RE.match(t) is not None for t in texts]
                weighted = _times_where(weighted, overview, OVERVIEW_SHARE)
        if words and head.size and (titled or len(words) > 1):
            # Only passages that could still reach the ranks asked for are read: a passage
            # whose score, raised by the most the title and the share can give, stays
            # under the hi-th best score as it stands cannot (the others' scores only
            # rise, so the cut taken before the titles serves the sentences too). Same
            # ranks. Their texts are read once (most of the cost is per passage read).
            k = min(hi, head.size)
            cut = np.partition(weighted, head.size - k)[head.size - k]
            sentence_most = 1 + SAME_SENTENCE_WEIGHT if len(words) > 1 else 1
            headed = how and HEADING_WEIGHT > 0
            most = (1 + TITLE_WEIGHT if titled else 1) * (1 + HEADING_WEIGHT if headed else 1)
            most *= sentence_most
            can = np.flatnonzero(weighted * np.float32(most * (1 + 1e-5)) >= cut)
            if window_texts is None:
                texts = self.index.passages_norm_texts(at[can])
            else:
                texts = [window_texts[i] for i in can.tolist()]
            if titled:
                titles = title_shares(texts, words)
                if titles.any():
                    weighted = weighted.copy()
                    weighted[can] *= 1 + np.float32(TITLE_WEIGHT) * titles
            if headed:
                heads = heading_shares(self._own_headings(at[can]), words)
                if heads.any():
                    weighted = weighted.copy()
                    weighted[can] *= 1 + np.float32(HEADING_WEIGHT) * heads
            if len(words) > 1:
                # the sentences (the dearer look) of those that can still reach the ranks
                mine = np.flatnonzero(weighted[can] * np.float32(sentence_most * (1 + 1e-5)) >= cut)
                together = np.zeros(head.size, dtype=np.float32)
                shares = same_sentence_shares([texts[i] for i in mine.tolist()], words)
                together[can[mine]] = shares
                weighted = weighted * (1 + np.float32(SAME_SENTENCE_WEIGHT) * together)
        if defining is not None and defining.any():
            # the notes defining the term asked first, then the window as weighted
            order = head[np.lexsort((at, -weighted, ~defining))]
        else:
            order = head[np.lexsort((at, -weighted))]
        if hi <= order.size:
            return order[lo:hi]
        rest = np.arange(window, min(hi, pids.size)) if presorted else top(pids, keys, window, hi)
        return np.concatenate([order, rest])[lo:hi]
