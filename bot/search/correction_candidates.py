"""Where the corrector's candidates come from, besides the lexicon's: two characters
swapped back (:meth:`~CorrectionCandidates.attested_swap`), a rare word's commoner
sound-alike beside a real word (:meth:`~CorrectionCandidates.commoner_pairs`), a
correction inside a glued word (:meth:`~CorrectionCandidates.inner_corrections`) and the
phrases read around the known words near a typo (:meth:`~CorrectionCandidates.phrase_pool`),
with the tests a candidate passes (:meth:`~CorrectionCandidates.sound_fix`,
:meth:`~CorrectionCandidates.glued_words`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from bot.search.asking import plain_pair
from bot.search.budget import Budget
from bot.search.fuzzy import Candidate, similarity, sounds_alike
from bot.text.normalize import normalize
from bot.text.tokenize import STOPWORDS, is_cjk_word

if TYPE_CHECKING:
    from bot.search.index import CompiledIndex
    from bot.search.searcher import Searcher

ANCHOR_PASSAGES = 60


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


class CorrectionCandidates:
    """The candidate sources of :class:`~bot.search.correct.Corrector`: a mixin of it,
    reaching its searcher (``_s``, a weak proxy) and index."""

    _s: Searcher
    index: CompiledIndex

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
