"""The "did you mean" terms for words of a query that matched nothing
(:meth:`Suggestions.suggestions`), from the lexicon's candidates near them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from bot.search.budget import Budget
from bot.search.concepts import Concept
from bot.text.normalize import normalize
from bot.text.tokenize import STOPWORDS, is_cjk_word

if TYPE_CHECKING:
    from bot.search.searcher import Searcher


def _lacked(word: str, known: Mapping[str, int]) -> bool:
    """Whether ``word`` is a word of content (two CJK characters or more, no stop word)
    that the index lacks: only such a word may have been mistyped."""
    return len(word) >= 2 and is_cjk_word(word) and word not in STOPWORDS and word not in known


class Suggestions:
    """The suggestions of :class:`~bot.search.correct.Corrector`: a mixin of it, reaching
    its searcher (``_s``, a weak proxy)."""

    _s: Searcher

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
