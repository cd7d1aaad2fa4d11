"""Typo correction of a query part and suggestions for words that matched nothing.

``Corrector.correct`` finds the best single replacement of a query part (a run of
suspicious words alone and with its neighbours, the whole part, two real words one of
which has a commoner sound-alike), from the lexicon's candidates and the phrases read
around the known words near it (``phrase_pool``), bounded by the request's budget;
``suggestions`` are the "did you mean" terms. The searcher holds one ``Corrector``,
which reaches back to it through a weak proxy (its phrase checks, known terms and
memos), so that a searcher let go is freed at once.
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.search import comparing, framing
from bot.search.asking import (
    ASKING_WORDS,
    FUNCTION_CHARS,
    QUESTION_WORDS,
    SENTENCE_WORDS,
    plain_pair,
)
from bot.search.budget import Budget
from bot.search.concepts import Concept
from bot.search.fuzzy import (
    FREQUENCY_PRIOR,
    Candidate,
    rank_candidates,
    similarity,
    sounds_alike,
)
from bot.search.query import QueryPart
from bot.search.understand import plan_period_spans
from bot.text.normalize import normalize
from bot.text.tokenize import STOPWORDS, is_cjk_word

if TYPE_CHECKING:
    from bot.search.searcher import Searcher

STRICT_SCORE = 80.0
ANCHOR_PASSAGES = 60
# The timed kinds of work: when one runs out, a correction in progress is given up.
_CORRECTION_WORK = frozenset({"spans", "scored", "passages"})


def _asks(word: str) -> bool:
    """Whether ``word`` asks, as a real word of two or more characters (多久, 哪里, 怎么, 多少)
    or a count asked as one word (几家, 第几个): no span holding it is corrected (多久能得到
    救助 is no 多能得到救助, 多少万 no 多万: the asking word was meant)."""
    return (
        len(word) >= 2 and (word in ASKING_WORDS or word in framing.COUNT_ASKED)
    ) or framing.asks_count(word)


# The verbs of change, and 少/多 as a colloquial question says a change (比上年少了吗, 成都
# 买房的少了, 地铁坐的人少了没): 少 was read as a typo (少了吗 -> 末了吗)
_CHANGE_CHARS = comparing.CHANGE_VERBS | frozenset("少多")


def _changes(words: list[tuple[str, int, int]]) -> set[int]:
    """Positions of the one-character verbs of change said to have happened or to reach a
    level (降了, 涨了, 降到, and the segmenter's 增了): how a colloquial question asks about a
    change (粮食产量降了多少), never a typo. A span holding one was corrected to the corpus's
    phrase around it (粮食产量降 -> 粮食产量要), which left one line of another place."""
    out: set[int] = set()
    for k, (w, _, _) in enumerate(words):
        if w[:1] not in _CHANGE_CHARS:
            continue
        glued = len(w) == 2 and w[1] in "了到"
        apart = len(w) == 1 and k + 1 < len(words) and words[k + 1][0] in ("了", "到")
        if glued or apart:
            out.add(k)
    return out


# The one-character words a question is built of (要达到多少, 是怎么确定的, 快了多少倍, 到2027年
# 培育多少, 比上年少了吗, 2025年前能完成吗): in a question each is meant as typed, never a typo
# for the corpus's word in its place (要 -> 约, 是 -> 市, 了 -> 乐, 到 -> 新, 比 -> 均, 前 -> 潜).
_SENTENCE_CHARS = FUNCTION_CHARS | frozenset("到比前")


def _lone_replaced(
    words: list[tuple[str, int, int]], flags: list[bool], a: int, b: int, term: str
) -> bool:
    """Whether ``term``, the correction of words ``a``..``b``, takes away a character typed
    as a word of its own before a word typed right (总|投资, 搞|技改) without putting one
    that sounds like it in its place: in a question (the caller's condition) that
    character is what is asked (总投资多少 is no 共投资多少, 新投资多少 or 要求投资多少; 搞技改
    no 达技改), not a slip. A slip of sound keeps its place (就叶 -> 就业); one of shape
    makes a word with its neighbours (收人 -> 收入), and the word after is no word typed
    right then (人|群体 is 收入|群体)."""
    base, end = words[a][1], words[b][2]
    same_length = len(term) == end - base
    for k in range(a, b + 1):
        w, at, _ = words[k]
        if k + 1 >= len(words) or len(w) != 1 or not is_cjk_word(w) or flags[k + 1]:
            continue
        after, after_at, _ = words[k + 1]
        if len(after) < 2 or not is_cjk_word(after) or _asking(after) or words[k][2] != after_at:
            continue
        if k + 1 <= b:
            if w + after in term:
                continue
        elif term.endswith(w):
            continue
        if same_length and sounds_alike(w, term[at - base]):
            continue
        return True
    return False


def _asking(word: str) -> bool:
    """Whether ``word`` asks, alone or glued to a measure (多少倍, 几家, 有多长)."""
    return (
        word in ASKING_WORDS
        or word in QUESTION_WORDS
        or _asks(word)
        # (a count asked with 几 is ``framing.asks_count``'s: 几字湾 is a name)
        or any(q in word for q in ("多少", "多长", "多大", "多高", "多久"))
    )


def _shifted(text: str, term: str) -> bool:
    """Whether ``term`` is ``text`` moved along the corpus's sentence by a character or
    more (区总规划面积 -> 总规划面积约): characters dropped at one end and others added
    at the other are no correction of a typo, but a window on the phrase beside it."""
    for n in (1, 2):
        if len(text) - n >= 2 and (
            (term.startswith(text[n:]) or term.endswith(text[:-n])) and len(term) > len(text) - n
        ):
            return True
    return False


def _kept_in(typed: str, other: str) -> bool:
    """Whether every character of ``typed`` is in ``other``, in order (``other`` only adds)."""
    chars = iter(other)
    return all(ch in chars for ch in typed)


def phrases_with(words: list[str], anchor: str, *, max_words: int = 4) -> set[str]:
    """Runs of up to ``max_words`` adjacent CJK words that include ``anchor``."""
    out: set[str] = set()
    n = len(words)
    for i, w in enumerate(words):
        if w != anchor:
            continue
        for lo in range(max(0, i - max_words + 1), i + 1):
            for hi in range(i + 1, min(n, lo + max_words) + 1):
                run = words[lo:hi]
                if hi - lo > 1 and all(is_cjk_word(x) and x not in STOPWORDS for x in run):
                    text = "".join(run)
                    if len(text) <= 12:
                        out.add(text)
    return out


def _lacked(word: str, known: Mapping[str, int]) -> bool:
    """Whether ``word`` is a word of content (two CJK characters or more, no stop word)
    that the index lacks: only such a word may have been mistyped."""
    return len(word) >= 2 and is_cjk_word(word) and word not in STOPWORDS and word not in known


class Corrector:
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
                (w, words[k][1] - words[a][1])
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
        self, text: str, term: str, typed_right: list[tuple[str, int]], asking: bool
    ) -> bool:
        """Whether ``term``, a correction of ``text``, keeps each of its words typed right
        (each word and its offset in ``text``): the word itself or a synonym of it in
        ``term``, or, ``term`` as long as ``text``, a sound-alike in its place."""
        for w, at in typed_right:
            if any(f in term for f in self._s.synonyms.expand(w)):
                continue
            put = term[at : at + len(w)]
            if (
                len(w) >= 2
                and len(term) == len(text)
                and (put in self.index.term_ids or not asking)
                and sounds_alike(w, put)
            ):
                # a word of the index in its place, as it sounds (物质 -> 物资), or in a
                # name typed alone a piece of one (建城区 -> 建成区); not in a question,
                # where a word sounds like a piece of the corpus's phrase (重要 -> 重约)
                continue
            return False
        return True

    def attested_swap(self, text: str) -> Candidate | None:
        """``text`` with two neighbouring characters swapped back, when the corpus writes
        the result and not ``text`` (实训练演基地 → 实训演练基地): a swap keeps every
        character typed, so it explains the slip better than any word that drops or
        changes one (实训练基地), which the edit scores would rank first. Three
        characters or more: two swapped back are too often another word (学大 → 大学)."""
        if len(text) < 3 or not all(is_cjk_word(ch) for ch in text):
            return None
        for i in range(len(text) - 1):
            if text[i] == text[i + 1]:
                continue
            swapped = text[:i] + text[i + 1] + text[i] + text[i + 2 :]
            if self._s.phrase_exists(swapped):
                return Candidate(swapped, 100.0, 1)
        return None

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

    def commoner_pairs(
        self, text: str, words: list[tuple[str, int, int]], flags: list[bool], threshold: float
    ) -> list[tuple[int, str, float, int]]:
        """Two real words typed side by side that are no phrase of the corpus, one of
        them a rare two-character word whose commoner sound-alike (the lexicon's
        ``commoner``: 经纪 -> 经济) makes a phrase the corpus writes: 民营经纪 -> 民营经济,
        in a question typed as one run (四川民营经纪怎么支持) as well as alone. Each as
        (first word, the pair corrected, score, passages of the sound-alike)."""
        commoner = self._s.lexicon.commoner
        out: list[tuple[int, str, float, int]] = []
        for a in range(len(words) - 1):
            (w1, s1, e1), (w2, s2, e2) = words[a], words[a + 1]
            if e1 != s2 or flags[a] or flags[a + 1]:
                continue
            if not (w1 in commoner or w2 in commoner) or not plain_pair(w1, w2):
                continue
            typed = text[s1:e2]
            if self._s.phrase_exists(typed) or self._s._known_term(typed):
                continue  # a phrase of the corpus, or a synonym entry it writes otherwise
            for k, rare in enumerate((w1, w2)):
                word = commoner.get(rare)
                if word is None or rare in self._s.synonyms:
                    continue  # (a word with synonyms is meant as typed)
                term = word + w2 if k == 0 else w1 + word
                if not self._s.phrase_exists(term):
                    continue
                score = similarity(typed, term)
                if score >= threshold:
                    out.append((a, term, score, self.index.df(self.index.term_ids[word])))
        return out

    def sound_fix(self, text: str, term: str, inside: list[tuple[str, int]]) -> bool:
        """Whether ``term`` is ``text`` with words written only inside longer ones (each
        word and its offset in ``text``) typed for words the corpus writes on their own:
        as long, sounding alike, the same outside those words, and each word put as a
        commoner term (经纪 -> 经济, 民营经纪 -> 民营经济; never a longer or other form)."""
        if len(term) != len(text) or not sounds_alike(text, term):
            return False
        changed = [i for i, (x, y) in enumerate(zip(text, term, strict=True)) if x != y]
        if not all(any(o <= i < o + len(w) for w, o in inside) for i in changed):
            return False  # a character changed outside them
        for w, o in inside:
            fixed = term[o : o + len(w)]
            if fixed == w:
                continue
            tid = self.index.term_ids.get(fixed)
            if tid is None or self.index.only_inside(fixed):
                return False
            if self.index.df(tid) <= self.index.df(self.index.term_ids[w]):
                return False
        return True

    def glued_words(self, word: str) -> bool:
        """Whether ``word``, not a term of the index, is index terms of two or more
        characters each, glued together (银行存款 → 银行 存款; not 稳就叶 → 稳 就 叶)."""
        if len(word) < 4 or word in self.index.term_ids:
            return False
        pieces = self._s._split_known(word)
        return bool(pieces) and all(len(p) > 1 for p in pieces)

    def inner_corrections(self, word: str, threshold: float, budget: Budget) -> list:
        """Corrections inside an unknown word the segmenter glued together (稳就叶: 就叶 ->
        就业), kept only when the corrected word is a phrase of the corpus (稳就业)."""
        out = []
        for i in range(len(word) - 1):
            for j in range(i + 2, min(len(word), i + 4) + 1):
                if j - i == len(word):
                    continue
                found = self._s.lexicon.candidates(
                    word[i:j], limit=2, min_score=threshold, budget=budget
                )
                for cand in found:
                    fixed = word[:i] + cand.term + word[j:]
                    if fixed != word and self._s.phrase_exists(fixed):
                        out.append(replace(cand, term=fixed))
        return out

    def known_pieces(self, text: str) -> list[str]:
        """Index terms of two or more characters inside ``text``, longest match first."""
        pieces: list[str] = []
        i = 0
        while i < len(text):
            for size in range(min(len(text) - i, 8), 1, -1):
                if text[i : i + size] in self.index.term_ids:
                    pieces.append(text[i : i + size])
                    i += size
                    break
            else:
                i += 1
        return pieces

    def phrase_pool(self, anchors: list[str], budget: Budget) -> dict[str, int]:
        """Multi-word phrases around the rarest known anchor words (term -> count).

        Typo targets are often phrases the segmenter splits (人才引进, 海洋经济), so
        they are not index terms. A typo leaves most of a phrase intact, so its
        neighbours are known words; the phrases are read from the passages where
        those words weigh most (postings are impact-ordered), a bounded amount of work:
        each passage read costs one of the budget's ``passages``. Memoised per anchors
        (when complete).
        """
        return self._s._memoised(
            "pool",
            tuple(anchors),
            False,
            lambda: self.read_phrase_pool(anchors, budget),
            keep=lambda _: "passages" not in budget.out,
        )

    def read_phrase_pool(self, anchors: list[str], budget: Budget) -> dict[str, int]:
        ids = [(self.index.df(t), w, t) for w in anchors if (t := self.index.term_ids.get(w))]
        pool: dict[str, int] = {}
        cut, text_of = self._s.tokenizer.cut, self._s.passage_text
        for _, anchor, tid in sorted(ids)[:2]:
            pids = self.index.raw_postings(tid)[0][:ANCHOR_PASSAGES]
            if not budget.take("passages", len(pids)):
                break
            for pid in pids.tolist():
                words = cut(normalize(text_of(pid)))
                for gram in phrases_with(words, anchor):
                    pool[gram] = pool.get(gram, 0) + 1
        return pool

    def suggestions(
        self, unmatched: list[Concept], nothing: bool, budget: Budget
    ) -> tuple[str, ...]:
        """ "Did you mean" terms for words that matched nothing.

        A word is offered only when it is near (by the corrector's :func:`similarity`)
        a word that matched nothing, or, when none is near a whole unmatched part and
        the query found nothing, near one of the part's own words the index lacks
        (量子通信: 量子). Else none: frequent terms that merely share a character with the
        query (粮食产量 for 量子通信 多少) or the dictionary's first policy terms (for
        English or HTML) would only mislead. The candidates scored count against
        ``budget``; suggestions stop where it does.
        """
        out: list[str] = []
        for c in unmatched:
            self._near(c.label, out, budget)
        if not out and nothing:
            known, cut = self._s.index.term_ids, self._s.tokenizer.cut
            for c in unmatched:
                for word in cut(normalize(c.label)):
                    if word != c.label and _lacked(word, known):
                        self._near(word, out, budget)
        return tuple(out[:5])

    def _near(self, word: str, out: list[str], budget: Budget) -> None:
        """Add to ``out`` (up to five) the lexicon's terms near ``word``."""
        if len(out) >= 5:
            return
        for cand in self._s.lexicon.candidates(word, limit=3, min_score=45, budget=budget):
            if cand.term not in out:
                out.append(cand.term)
