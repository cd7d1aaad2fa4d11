"""Typo correction of a query part and suggestions for words that matched nothing.

``Corrector.correct`` finds the best single replacement of a query part (a run of
suspicious words alone and with its neighbours, the whole part, two real words one of
which has a commoner sound-alike), from the lexicon's candidates and the phrases read
around the known words near it (``phrase_pool``), bounded by the request's budget;
``suggestions`` are the "did you mean" terms. The searcher holds one ``Corrector``,
which reaches back to it through a weak proxy (its phrase checks, known terms and
memos), so that a searcher let go is freed at once. Its candidate sources
(:mod:`bot.search.correction_candidates`) and its suggestions (:mod:`bot.search.suggestions`)
are mixins of it; what a correction may not touch is :mod:`bot.search.correction_guards`.
"""

from __future__ import annotations

import math
import weakref
from typing import TYPE_CHECKING

from bot.search import framing
from bot.search.asking import (
    ASKING_WORDS,
    FUNCTION_CHARS,
    QUESTION_WORDS,
    SENTENCE_WORDS,
)
from bot.search.budget import Budget
from bot.search.correction_candidates import CorrectionCandidates
from bot.search.correction_guards import SENTENCE_CHARS as _SENTENCE_CHARS
from bot.search.correction_guards import asking as _asking
from bot.search.correction_guards import asks as _asks
from bot.search.correction_guards import change_positions as _changes
from bot.search.correction_guards import kept_in as _kept_in
from bot.search.correction_guards import lone_replaced as _lone_replaced
from bot.search.correction_guards import shifted as _shifted
from bot.search.fuzzy import FREQUENCY_PRIOR, rank_candidates, sounds_alike
from bot.search.query import QueryPart
from bot.search.suggestions import Suggestions
from bot.search.understand import plan_period_spans
from bot.text.tokenize import STOPWORDS, is_cjk_word

if TYPE_CHECKING:
    from bot.search.searcher import Searcher

STRICT_SCORE = 80.0
# The timed kinds of work: when one runs out, a correction in progress is given up.
_CORRECTION_WORK = frozenset({"spans", "scored", "passages"})


class Corrector(CorrectionCandidates, Suggestions):
    """The corrections and suggestions of one searcher (held by it, reaching it weakly)."""

    def __init__(self, searcher: Searcher) -> None:
        self._s = weakref.proxy(searcher)  # no cycle: a searcher let go is freed at once
        self.index = searcher.index

    def correct(self, part: QueryPart, words: list[tuple[str, int, int]], budget: Budget):
        """The best single replacement (first word, last word, term, score), or None.

        Spans tried: each run of suspicious words alone and with its neighbours,
        and the whole part; a text is tried once however often it was typed. A span
        that occurs in the corpus as typed is never corrected. A span without
        suspicious words (all real words, but not a phrase of the corpus: 海洋经纪)
        needs a stricter score.

        Bounded by ``budget``: a part of more distinct words than the budget plans is
        not corrected, and when the spans, candidates, passages or time run out the
        correction is given up; either way the part is searched as typed and the note
        ``correction_skipped`` says so.
        """
        if not words:
            return None
        if len({w for w, _, _ in words}) > budget.limits.words:
            budget.notes.add("correction_skipped")
            return None
        # function words are never suspicious themselves, only part of a span around one
        # a plan period's name (十三五, cut 十三|五) is meant as typed: no word of it is
        # suspicious, and no span holding it is corrected
        periods = plan_period_spans(part.text)

        def in_period(start: int, end: int) -> bool:
            return any(start < hi and lo < end for lo, hi in periods)

        # a count asked (几家) is never suspicious, nor a lone asking word right after a
        # longer one (the modal of 多久能得到): a span around it would be corrected to
        # another word (能得到 → 能力得到); elsewhere a lone 能 may be half of a typo (能元)
        changes = _changes(words)
        flags = [
            k not in changes
            and w not in STOPWORDS
            and w not in SENTENCE_WORDS
            and not framing.counts_documents(w)
            and not framing.asks_count(w)
            and not (w in ASKING_WORDS and k > 0 and _asks(words[k - 1][0]))
            and not in_period(s, e)
            and not (len(w) == 1 and k > 0 and words[k - 1][0] in ("多少", "几"))
            and self._s._is_suspicious(w)
            for k, (w, s, e) in enumerate(words)
        ]
        # a two-character word the corpus writes only inside longer ones (经纪 of 财经纪律):
        # a span around it is tried, and corrected to sound-alike words only
        only_inside = self.index.only_inside
        inside = [
            not f and only_inside(w) and w not in SENTENCE_WORDS
            for f, (w, _, _) in zip(flags, words, strict=True)
        ]
        if any(inside):
            flags = [f or i for f, i in zip(flags, inside, strict=True)]
        if len(words) == 1 and not flags[0]:
            return None  # one known word: nothing to correct
        spans: set[tuple[int, int]] = set()
        last = len(words) - 1
        if all(is_cjk_word(w) for w, _, _ in words):
            spans.add((0, last))
        i = 0
        while i <= last:
            if not flags[i]:
                i += 1
                continue
            j = i
            while j < last and flags[j + 1]:
                j += 1
            for a in (i - 2, i - 1, i):
                for b in (j, j + 1, j + 2):
                    if a >= 0 and b <= last and all(is_cjk_word(w) for w, *_ in words[a : b + 1]):
                        spans.add((a, b))
            i = j + 1
        strict = max(self._s.fuzzy_threshold, STRICT_SCORE)
        # a word glued from real words (银行存款: 银行|存款), or an everyday word of the
        # synonym groups (种地 for 种粮), is judged like real words typed apart: a strict
        # score, not the lenient one of a word with an odd piece (就叶)
        odd = [
            f
            and not i
            and not self.glued_words(w)
            and not self._s._known_term(w)
            and not self._written_with_function_char(words, k)
            for k, (f, i, (w, _, _)) in enumerate(zip(flags, inside, words, strict=True))
        ]
        # a question (多少, 几家, 多少倍, 怎么): its function characters were meant
        asking = any(_asking(w) for w, *_ in words)
        best = None
        # every span's corrections by the term they give: the same term from a wider span
        # is preferred below
        spans_of: dict[str, list[tuple[int, int, float]]] = {}
        tried: set[tuple] = set()
        for a, b in spans:
            text = part.text[words[a][1] : words[b][2]]
            if not 2 <= len(text) <= 12:
                continue
            # a span whose only odd words are written only inside longer ones (see above)
            # may be a "phrase" of the corpus through them: a sound-alike fix is tried
            sound = any(inside[a : b + 1]) and not any(odd[a : b + 1])
            if self._s.phrase_exists(text) and not (sound and a == b):
                continue
            if in_period(words[a][1], words[b][2]):
                continue
            if not any(flags[a : b + 1]) and any(
                w in QUESTION_WORDS or w in ASKING_WORDS for w, *_ in words[a : b + 1]
            ):
                continue  # real words asking a question (控制目标, 世界第几) are what was meant
            if any(_asks(w) or (len(w) >= 2 and _asking(w)) for w, *_ in words[a : b + 1]):
                # 多久能得到救助 is no 多能得到救助, 有多长 no 有多张: the asking word was meant
                continue
            if any(a <= k <= b for k in changes):
                continue  # 粮食产量降了 is no 粮食产量要了: the verb of change was meant
            threshold = self._s.fuzzy_threshold if any(odd[a : b + 1]) or sound else strict
            fixable = (
                [
                    (w, at - words[a][1])
                    for (w, at, _), i in zip(words[a : b + 1], inside[a : b + 1], strict=True)
                    if i
                ]
                if sound
                else []
            )
            near = "".join(w for w, *_ in words[max(0, a - 1) : b + 2])
            anchors = self.known_pieces(near)
            inner = a == b and flags[a] and len(text) >= 3
            # the same text near the same known words finds the same candidates
            attempt = (text, tuple(anchors), inner, threshold)
            if attempt in tried:
                continue
            tried.add(attempt)
            if not budget.take("spans"):
                budget.notes.add("correction_skipped")
                return None
            swapped = self.attested_swap(text)
            if swapped is not None:
                found = [swapped]
            else:
                found = self._s.lexicon.candidates(
                    text, limit=3, min_score=threshold, budget=budget
                )
                pool = self.phrase_pool(anchors, budget)
                found += rank_candidates(text, pool, limit=3, min_score=threshold, budget=budget)
            if not found and inner:
                found = self.inner_corrections(text, threshold, budget)
            if budget.out & _CORRECTION_WORK:
                budget.notes.add("correction_skipped")
                return None
            kept_terms = [w for w, *_ in words[a : b + 1] if w != text and self._s._known_term(w)]
            # the words of the span that are no typo: real words of the index (目标 of
            # 治理率目标, 全市 of 占全市比重), and in a question the function characters
            # typed on their own (要, 是, 了 of 要达到多少): a correction keeps each, or puts
            # a sound-alike in its place (物质 -> 物资, 一代 -> 一带: a typo that is a word),
            # never another word (目标 -> 达, 全市 -> 全省, 要 -> 约, 有几家 -> 达几家)
            typed_right = [
                (w, words[k][1] - words[a][1], _glued_edge(words, flags, k, a, b))
                for k in range(a, b + 1)
                if (w := words[k][0]) != text
                and (
                    (len(w) >= 2 and is_cjk_word(w) and not flags[k] and not inside[k])
                    or (asking and w in _SENTENCE_CHARS)
                    # a part cut before a number ends in the word that leads to it, after
                    # a word typed right (未来产业到|2027年, 标准比|2020年): 到, 比 as typed
                    # (not after a lone character: 开放通到 is 开放通道 mistyped)
                    or (
                        k == last
                        and k > 0
                        and w in ("到", "比")
                        and len(words[k - 1][0]) > 1
                        and not flags[k - 1]
                    )
                )
            ]
            for cand in found:
                if sound and not self.sound_fix(text, cand.term, fixable):
                    continue  # a word of the corpus, if only inside others: sound-alike only
                if self._s._known_term(text) and cand.term not in self._s.synonyms.expand(text):
                    continue  # a known term (新基建) is what was meant, unless a synonym
                if any(
                    not any(f in cand.term for f in self._s.synonyms.expand(w)) for w in kept_terms
                ):
                    continue  # nor one typed inside the span (碳交易市场 is no 权交易市场)
                if swapped is None and not self._keeps(text, cand.term, typed_right, asking):
                    continue
                if swapped is None and asking and _lone_replaced(words, flags, a, b, cand.term):
                    continue
                if cand.term in text or _kept_in(cand.term, text) or _shifted(text, cand.term):
                    # dropping characters loses what was typed, inside the span too
                    # (总资产 -> 总产, 几万个 -> 几个, 拿到了 -> 到了); not a correction
                    continue
                if cand.term.endswith(text) and len(cand.term) > len(text):
                    # characters put before what was typed (办教育 -> 民办教育) name another,
                    # narrower thing; a typo drops them inside (高质发展) or at the end
                    continue
                if _kept_in(text, cand.term) and (
                    self._s.phrase_exists(text)
                    or any(w in FUNCTION_CHARS for w, *_ in words[a : b + 1])
                ):
                    # adding characters to what is a real phrase, or to a function word of
                    # a sentence, is no correction (未来产业要 -> 未来产业重要); to a
                    # clipped word it is (高质发展 -> 高质量发展)
                    continue
                key = (round(cand.likelihood, 1), b - a, cand.df)
                spans_of.setdefault(cand.term, []).append((a, b, cand.score))
                if best is None or key > best[0]:
                    best = (key, (a, b, cand.term, cand.score))
        if best is not None:
            # the same term from a wider span holding the chosen one takes the characters
            # typed beside it too (国内旅游收人: 国内旅游收 -> 国内旅游收入 left the 人 typed for
            # 入 behind, 国内旅游收入人; the whole span's 人 -> 入 is the slip): a term given
            # twice is one slip fixed, not a character added with the slip left standing
            # only when the chosen span added characters and the wider one, as long as the
            # term, changed some in place: a wider span that drops what was typed (无还本续代
            # 政策 -> 还本续贷政策) is no better reading
            a0, b0, term0, _ = best[1]
            typed0 = words[b0][2] - words[a0][1]
            wider = [
                (a, b, score)
                for a, b, score in spans_of.get(term0, ())
                if a <= a0
                and b >= b0
                and (a, b) != (a0, b0)
                and typed0 < len(term0) == words[b][2] - words[a][1]
            ]
            if wider:
                a, b, score = max(wider, key=lambda w: (w[1] - w[0], w[2]))
                best = (best[0], (a, b, term0, score))
        commoner = self._s.lexicon.commoner
        pairs = (
            self.commoner_pairs(part.text, words, flags, strict)
            if len(words) > 1 and any(w in commoner for w, _, _ in words)
            else ()
        )
        for a, term, score, df in pairs:
            if not budget.take("spans"):
                budget.notes.add("correction_skipped")
                return None
            key = (round(score + FREQUENCY_PRIOR * math.log1p(df), 1), 1, df)
            if best is None or key > best[0]:
                best = (key, (a, a + 1, term, score))
        return best[1] if best else None

    def _keeps(
        self,
        text: str,
        term: str,
        typed_right: list[tuple[str, int, int | None]],
        asking: bool,
    ) -> bool:
        """Whether ``term``, a correction of ``text``, keeps each of its words typed right
        (each word and its offset in ``text``): the word itself or a synonym of it in
        ``term``, or, ``term`` as long as ``text``, a sound-alike in its place."""
        for w, at, edge in typed_right:
            if any(f in term for f in self._s.synonyms.expand(w)):
                continue
            put = term[at : at + len(w)]
            if (
                len(w) >= 2
                and len(term) == len(text)
                and (put in self.index.term_ids or not asking or _slip_at(w, put, edge))
                and sounds_alike(w, put)
            ):
                # a word of the index in its place, as it sounds (物质 -> 物资), or in a
                # name typed alone a piece of one (建城区 -> 建成区); not in a question,
                # where a word sounds like a piece of the corpus's phrase (重要 -> 重约)
                continue
            return False
        return True

    def _written_with_function_char(self, words: list[tuple[str, int, int]], k: int) -> bool:
        """Whether word ``k``, a lone character, makes with a function character typed
        right beside it (对日, 向东) a phrase the corpus writes: a word meant, judged as
        real words are (a strict score), not a clipped one (对日出口 is no 对外出口)."""
        w, start, end = words[k]
        if len(w) != 1:
            return False
        for j in (k - 1, k + 1):
            if not 0 <= j < len(words):
                continue
            other, o_start, o_end = words[j]
            if other not in FUNCTION_CHARS or not (o_end == start or end == o_start):
                continue
            # a byte scan: the function character is no index term, so the index alone
            # cannot say (对日贸易 holds 对日)
            if self._s.scan(other + w if j < k else w + other, limit=1).size:
                return True
        return False


def _glued_edge(
    words: list[tuple[str, int, int]], flags: list[bool], k: int, a: int, b: int
) -> int | None:
    """The character of word ``k`` (of the span ``a``..``b``) that touches a suspicious
    word of the span beside it, if one does: its first after one (银|令人 of 银令人才), its
    last before one. The segmenter glues a slip typed there into a real word with its
    neighbour (令 for 龄 makes 令人, 总 for 种 makes 总面积 of 总播总面积), which then looks
    typed right."""
    if k > a and flags[k - 1]:
        return 0
    if k < b and flags[k + 1]:
        return len(words[k][0]) - 1
    return None


def _slip_at(typed: str, put: str, edge: int | None) -> bool:
    """Whether ``put``, in the place of ``typed``, changes only its character ``edge`` (the
    one glued to a suspicious neighbour, :func:`_glued_edge`): the slip mended, the word's
    other characters kept. A change elsewhere (要 of 比|重要 -> 重约, whose 要 touches no
    slip) is another word put in the place of one typed right."""
    if edge is None:
        return False
    return [i for i, (x, y) in enumerate(zip(typed, put, strict=True)) if x != y] == [edge]
