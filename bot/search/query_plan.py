"""The query plan: the words of a query part (tokens, letters and figures, abbreviations,
spaced words joined, words cut apart) made into concepts, each with its alternatives
(the word, its synonyms, its pieces, an English word's Chinese readings, a corrected
spelling), memoised per word.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

import numpy as np

from bot.models import Correction
from bot.search import framing
from bot.search.asking import (
    ASKING_WORDS,
    QUESTION_WORDS,
    change_reads,
    content_words,
    join_question_words,
    softened,
)
from bot.search.budget import Budget
from bot.search.concepts import Alternative, Concept
from bot.search.index import idf_of
from bot.search.query import (
    QueryPart,
    join_known_terms,
    quotes_in,
)
from bot.text.english_fallback import (
    candidates,
    installed_table,
    is_content_word,
)
from bot.text.tokenize import STOPWORDS, ascii_terms, is_cjk_word

# The symbols a quoted term may hold between its words (“互联网+”, “3+N”, “1+1+N”)
_SYMBOLS_RE = re.compile(r"[^\w\u3400-\u9fff]+")
# A five-year plan period: 十四五, 十五五 (and 十二五 … in older reports).
_PLAN_PERIOD_RE = re.compile(r"十[一二三四五六七八九]五")
# A run of letters and figures in a query, and one that mixes both (M2, 5G, PM2.5).
_ALNUM_RE = re.compile(r"[a-z0-9]+(?:\.[0-9]+)*")
_MIXED_RE = re.compile(r"(?=[a-z0-9.]*[a-z])(?=[a-z0-9.]*[0-9])[a-z0-9]+(?:\.[0-9]+)*")
# an abbreviation joined by & or _ (R&D, PM_2.5 as converted documents write PM₂.₅)
_JOINED_RE = re.compile(r"[a-z0-9]+(?:\.[0-9]+)*(?:[&_][a-z0-9]+(?:\.[0-9]+)*)+")
# How many Chinese candidates an English word the glossary lacks is searched as: the
# dictionary gives a common word a dozen (space: 空间, 太空, 地方, 余地 …); the first
# senses come first.
ENGLISH_CANDIDATES = 6


def _join_abbreviations(text: str, words: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Letter and figure words of ``text`` joined by ``&`` or ``_`` as one word (R&D,
    PM_2.5): apart, r and d would match any passage with a letter d."""
    out: list[tuple[str, int, int]] = []
    for word, start, end in words:
        if out and out[-1][2] + 1 == start and text[out[-1][2]] in "&_":
            joined = text[out[-1][1] : end]
            if _JOINED_RE.fullmatch(joined):
                out[-1] = (joined, out[-1][1], end)
                continue
        out.append((word, start, end))
    return out


def _forward_max_match(word: str, shortest: int, known: Callable[[str], bool]) -> list[str] | None:
    """``word`` cut, left to right and longest first (at most 8 characters, at least
    ``shortest``), into pieces ``known`` accepts, never the whole word itself; None when
    some stretch cannot be cut so."""
    pieces: list[str] = []
    i = 0
    while i < len(word):
        for size in range(min(len(word) - i, 8), shortest - 1, -1):
            piece = word[i : i + size]
            if size < len(word) and known(piece):
                pieces.append(piece)
                i += size
                break
        else:
            return None
    return pieces


class QueryPlan:
    """The query planning of :class:`~bot.search.searcher.Searcher`: a mixin of it, reading
    its index, tokenizer, synonyms, corrector and memo."""

    # -- resolving words to index terms ------------------------------------------------------
    def _split_known(self, word: str) -> list[str] | None:
        """Forward maximum matching of ``word`` over the index vocabulary, or None.

        Used for words the index does not have as such (吸引外资 → 吸引 外资).
        """
        return _forward_max_match(word, 1, lambda piece: piece in self.index.term_ids)

    def _pieces(self, word: str) -> list[str] | None:
        """Index terms that a passage containing ``word`` is expected to have.

        The segmenter's own split comes first (产业结构调整 → 产业 结构调整, as the
        passages were segmented); longest matching over the vocabulary is the
        fallback for words it keeps whole (吸引外资 → 吸引 外资).
        """
        if _MIXED_RE.fullmatch(word) or _JOINED_RE.fullmatch(word):
            # the index keeps letters and figures apart (m2 → m 2): found together
            pieces = ascii_terms(word)
            return pieces if all(p in self.index.term_ids for p in pieces) else None
        cut = [w for w in self.tokenizer.cut(word) if w.strip()]
        if len(cut) > 2:
            # function words are not indexed; the text check finds the phrase with them
            # (研究与试验发展 → 研究 试验 发展)
            cut = [w for w in cut if w not in STOPWORDS] or cut
        if len(cut) > 1 and all(w in self.index.term_ids for w in cut):
            return cut
        return self._split_known(word) if is_cjk_word(word) else None

    def _alternative(self, word: str) -> Alternative | None:
        return self._memoised("alt", word, False, lambda: self._resolve(word))

    def _resolve(self, word: str) -> Alternative | None:
        tid = self.index.term_ids.get(word)
        if tid is not None:
            return Alternative(word, (tid,), False)
        pieces = self._pieces(word)
        if not pieces:
            return None
        ids = tuple(dict.fromkeys(self.index.term_ids[p] for p in pieces))
        return Alternative(word, ids, True)

    def _with_symbols(self, text: str, words: list[str]) -> Alternative | None:
        """``text`` typed with symbols (互联网+), found as the index terms of its ``words``
        and checked as typed, when some passage writes it so; else ``None``."""
        alts = [self._alternative(w) for w in words]
        if not alts or any(a is None for a in alts):
            return None
        ids = tuple(dict.fromkeys(t for a in alts if a is not None for t in a.term_ids))
        alt = Alternative(text, ids, True)
        return alt if self._hits.phrase_present(alt, text) else None

    def _concept(self, word: str, *, exclude: bool = False) -> Concept:
        return self._memoised("concept", word, exclude, lambda: self._make_concept(word, exclude))

    def _make_concept(self, word: str, exclude: bool) -> Concept:
        alts: list[Alternative] = []
        for variant in self.synonyms.expand(word):
            alt = self._alternative(variant)
            if alt is not None and all(a.text != alt.text for a in alts):
                alts.append(alt)
        # An alternative needing every term of a one-term alternative (乡村振兴战略 vs
        # 乡村振兴) can only match passages the shorter one matches: skip its work.
        singles = {a.term_ids[0] for a in alts if len(a.term_ids) == 1 and not a.verify}
        alts = [a for a in alts if len(a.term_ids) == 1 or not singles & set(a.term_ids)]
        if alts and alts[0].verify and alts[0].text == word and self._known_term(word):
            # A known term typed as one (粮食总产量, 污染治理) is also found with its words
            # apart (粮食播种面积…总产量), after the passages holding it or a synonym whole.
            alts.append(Alternative(word, alts[0].term_ids, False))
        if not exclude and len(alts) == 1 and alts[0].verify and alts[0].text == word:
            alts += self._contracted(word)
        read_as: tuple[str, ...] = ()
        if not exclude and is_content_word(word):
            english = self._english_alternatives(word, {a.text for a in alts})
            read_as = tuple(a.text for a in english)
            alts += english
        kinds = self.synonyms.kinds(word)
        concept = Concept(
            word, alts, exclude, read_as=read_as, kinds=kinds & {a.text for a in alts}
        )
        if exclude or not _PLAN_PERIOD_RE.fullmatch(word):
            return concept
        # A plan period (十五五) is named by the heading its goals stand under (二、“十五五”
        # 时期主要目标任务), not in every line: the lines under it hold it too, at the
        # weight of a word as common as the lines holding it either way; so do the lines
        # of a plan of the period (:meth:`_plan_passages`).
        under = np.flatnonzero(np.isin(self.index.p_section, self._sections_naming((word,))))
        under = np.union1d(under, self._plan_passages(word))
        if not under.size:
            return concept
        pids, scores = self._hits.concept_hits(concept)
        dense = np.zeros(self.index.n_passages, dtype=np.float32)
        dense[np.asarray(pids, dtype=np.intp)] = scores
        found = np.union1d(np.asarray(pids, dtype=np.intp), under)
        weight = np.float32(idf_of(found.size, self.index.n_passages))
        dense[under] = np.maximum(dense[under], weight)
        return Concept(word, alts, exclude, fixed=(found, dense[found]))

    def english_table(self) -> dict[str, tuple[str, ...]]:
        """The bilingual dictionary read backwards (English key -> headwords), once per
        process, through the table kept in :attr:`english_cache`."""
        return installed_table(self.english_cache, write=self.english_cache_writable)

    def _english_alternatives(self, word: str, have: set[str]) -> list[Alternative]:
        """The Chinese words a bilingual dictionary gives an English ``word`` the glossary
        lacks (:mod:`bot.text.english_fallback`: sewage -> 污水), those the index holds
        as terms, at most :data:`ENGLISH_CANDIDATES`: alternatives beside the word, so a
        passage must still match the query's other words, and the sense that fits them
        is the one found with them (balance beside loan: 余额, not 平衡)."""
        out: list[Alternative] = []
        for head in candidates(word, self.english_table()):
            tid = self.index.term_ids.get(head)
            if tid is not None and head not in have:
                out.append(Alternative(head, (tid,), False))
                if len(out) == ENGLISH_CANDIDATES:
                    break
        return out

    # -- corrections -----------------------------------------------------------------------
    def _words(self, part: QueryPart, *, stopwords: bool = False) -> list[tuple[str, int, int]]:
        """(word, start, end) of the query part's words, offsets into ``part.text``;
        with ``stopwords`` the function words too (a typo can make one: 就叶 is 就|叶)."""
        out: list[tuple[str, int, int]] = []
        pos = 0
        for tok in self.tokenizer.cut(part.text):
            start, pos = pos, pos + len(tok)
            if is_cjk_word(tok):
                if stopwords or tok not in STOPWORDS:
                    out.append((tok, start, pos))
            elif not tok.isspace():
                for m in _ALNUM_RE.finditer(tok):
                    pieces = ascii_terms(m.group())
                    # (not a share after the letters: GDP6% is GDP and 6%)
                    percent = part.text[start + m.end() : start + m.end() + 1] == "%"
                    if len(pieces) > 1 and _MIXED_RE.fullmatch(m.group()) and not percent:
                        # M2, 5G, PM2.5: one word, its letters and figures together
                        out.append((m.group(), start + m.start(), start + m.end()))
                        continue
                    for piece in pieces:
                        off = m.start() + m.group().find(piece)
                        out.append((piece, start + off, start + off + len(piece)))
        return join_known_terms(part.text, _join_abbreviations(part.text, out), self._join_term)

    def _plan_part(
        self, part: QueryPart, budget: Budget, *, correct: bool = True
    ) -> tuple[list[Concept], list[Correction]]:
        """Concepts (and any correction) for one query part; memoised per part, unless
        the budget cut the plan short (a later request may have the room for it)."""
        key = f"{part.original}\x00{part.phrase:d}{part.exclude:d}"
        cut_before = len(budget.notes)
        return self._memoised(
            "part",
            key,
            correct,
            lambda: self._plan(part, correct, budget),
            keep=lambda _: len(budget.notes) == cut_before,
        )

    def _plan(
        self, part: QueryPart, correct: bool, budget: Budget
    ) -> tuple[list[Concept], list[Correction]]:
        if part.phrase:
            alt = self._alternative(part.text)
            words = _SYMBOLS_RE.split(part.text)
            if alt is None and len(words) > 1:
                # “互联网+”, “3+N”: as typed, symbols and all, where a passage writes it;
                # else as its words (never nothing when they are found)
                alt = self._with_symbols(part.text, [w for w in words if w])
                if alt is None:
                    return self._concepts([w for w in words if w], part.exclude, budget), []
            return [Concept(part.text, [alt] if alt else [], part.exclude)], []
        words = self._words(part, stopwords=True)
        correction = (
            self._corrector.correct(part, words, budget) if correct and not part.exclude else None
        )
        # 涨了多少, 降到多少: the documents' 增长, 下降, soft (``asking.change_reads``)
        changes = (
            []
            if part.exclude
            else [replace(self._concept(v), soft=True) for v in change_reads(words)]
        )
        if correction is None:
            concepts = self._concepts(self._apart(words), part.exclude, budget)
            whole = self._whole_run(part, concepts)
            return softened(concepts, words) + changes + ([whole] if whole else []), []
        a, b, term, score = correction
        concepts = self._concepts(content_words(words[:a]), False, budget)
        typed = part.text[words[a][1] : words[b][2]]
        if self._known_term(typed) and term in self.synonyms.expand(typed):
            # a known term put as its group's usual form (新能源车 → 新能源汽车): searched
            # as typed, it finds every form of the group (电动汽车 too), not that one only
            concepts.append(self._concept(typed))
        else:
            concepts += self._corrected_concepts(term, budget)
        concepts += self._concepts(content_words(words[b + 1 :]), False, budget)
        start, end = words[a][1], words[b][2]
        fixed = part.original[:start] + term + part.original[end:]
        return softened(concepts, words) + changes, [
            Correction(part.original, fixed, round(score, 1))
        ]

    def spaced_words_joined(self, query: str) -> str:
        """``query`` with each word typed with a space before its last character or after
        its first written whole again: a lone Chinese character and its neighbour whose
        join is a word of the index or a term of the synonym groups (赤字 率, 城镇化 率).
        Apart, the word was lost: searched as its pieces, the lone one matching nearly
        everything, and corrected piece by piece. Words that make no word together
        (十九大 打老虎) stay apart, each planned alone, and so do two words of two
        characters or more even when they make a term (居民 收入, 研发 经费占比: joined
        into the synonym group's term, dev queries typed so lost their passage). A query
        quoting a phrase is left as typed."""
        if " " not in query or quotes_in(query):
            return query
        tokens = query.split(" ")
        out: list[str] = []
        for token in tokens:
            if (
                out
                and is_cjk_word(out[-1])
                and is_cjk_word(token)
                and self._one_word(out[-1], token)
            ):
                out[-1] += token
                continue
            out.append(token)
        return " ".join(out)

    def _one_word(self, left: str, right: str) -> bool:
        """Whether ``left`` and ``right``, typed apart, are one word (see above)."""
        if len(left) > 1 and len(right) > 1:
            return False
        joined = left + right
        return joined in self.index.term_ids or self._known_term(joined)

    def _apart(self, words: list[tuple[str, int, int]]) -> list[str]:
        """The content words of a part (:func:`content_words`); in a question typed as one run
        (安徽2025老旧小区改造多少, 外贸出口怎么扩大: a part holding an asking or question word
        beside others), each compound the index holds whole but that is two longer index
        words (老旧小区改造 → 老旧小区 改造) as those words, as when typed apart: a
        document may write them apart (改造…城镇老旧小区) and never whole. A compound typed
        as a word of its own, or an entry of the synonym groups (地区生产总值), stays whole."""
        content = content_words(words)
        asks = any(w in ASKING_WORDS or w in QUESTION_WORDS for w, *_ in words)
        if len(content) < 2 or not asks:
            return content
        out: list[str] = []
        for w in content:
            pieces = None
            if len(w) >= 4 and w in self.index.term_ids and not self._known_term(w):
                pieces = self._split_known(w)
            if pieces and len(pieces) == 2 and min(map(len, pieces)) >= 2:
                out += pieces
            else:
                out.append(w)
        return out

    def _corrected_concepts(self, term: str, budget: Budget) -> list[Concept]:
        """The corrected ``term`` searched as if it had been typed: an index term is one
        concept; a phrase of several words (碳排放双控) is its words, found apart too
        (碳排放总量和强度双控), with the phrase whole as the optional run that ranks
        first, as for typed text."""
        if term in self.index.term_ids:
            pieces = framing.compound_pieces(term, self._split_known, self._known_term)
            if not pieces:
                return [self._concept(term)]
            # a compound of two longer words (足球联赛): found apart too, as typed apart
            # (足球、篮球联赛), whole first
            return [self._concept(p) for p in pieces] + [
                Concept(term, [alt], optional=True)
                for alt in [self._alternative(term)]
                if alt is not None
            ]
        words = [w for w in self.tokenizer.cut(term) if is_cjk_word(w) and w not in STOPWORDS]
        if len(words) < 2:
            return [self._concept(term)]
        concepts = self._concepts(words, False, budget)
        if len(concepts) < 2:
            return concepts or [self._concept(term)]
        alt = self._alternative(term)
        whole = Concept(term, [alt], optional=True) if alt is not None and alt.verify else None
        return concepts + ([whole] if whole else [])

    def _whole_run(self, part: QueryPart, concepts: list[Concept]) -> Concept | None:
        """The optional concept of a part's text found whole, when the part (one run of
        Chinese, no spaces) became two or more word concepts."""
        text = part.text
        if part.exclude or len(concepts) < 2 or len(text) > 16 or not is_cjk_word(text):
            return None  # a run of more than 16 characters is a sentence, not a phrase
        if any(c.label not in text or c.label in QUESTION_WORDS for c in concepts):
            return None  # a word split, dropped or asking (增长目标): no run to find whole
        alt = self._alternative(text)
        if alt is None or not alt.verify:
            return None
        return Concept(text, [alt], optional=True)

    def _bind_single_chars(self, words: list[str]) -> list[str]:
        """Join a lone character to a neighbour when the pair occurs in the corpus.

        Segmenters often split a query like 先行区 or 烟台港 into a word and a
        character; searched apart, the character would match almost everything.
        """
        out: list[str] = []
        for w in words:
            if (
                out
                and is_cjk_word(w)
                and is_cjk_word(out[-1])
                and (len(w) == 1 or len(out[-1]) == 1)
                and (self.phrase_exists(out[-1] + w) or _PLAN_PERIOD_RE.fullmatch(out[-1] + w))
            ):
                out[-1] += w
                continue
            out.append(w)
        return out

    def _concepts(self, words: list[str], exclude: bool, budget: Budget) -> list[Concept]:
        """One concept per word; a word the corpus has only in pieces becomes its pieces.

        Each distinct word costs one of the budget's ``words``; past them, the rest of
        the part is left out (note ``too_many_words``)."""
        out: list[Concept] = []
        kept: list[str] = []
        seen: set[str] = set()
        for w in words:
            if w not in seen:
                if not budget.take("words"):
                    budget.notes.add("too_many_words")
                    break
                seen.add(w)
            kept.append(w)
        for w in join_question_words(self._bind_single_chars(kept)):
            if (
                w not in self.index.term_ids
                and is_cjk_word(w)
                and not self.phrase_exists(w)
                and not self._known_term(w)
            ):
                pieces = self._pieces(w) or self._synonym_pieces(w)
                # Lone characters (低空 → 低 空) would match nearly everything.
                if pieces and all(len(p) > 1 for p in pieces):
                    out += [self._concept(p, exclude=exclude) for p in pieces]
                    continue
            out.append(self._concept(w, exclude=exclude))
        return out

    def _synonym_pieces(self, word: str) -> list[str] | None:
        """``word`` cut into index terms and known synonym entries (瘫痪病人 → 瘫痪 病人,
        when the corpus says 患者), or None. A compound the segmenter keeps whole but
        the corpus never writes would otherwise be searched as itself only: its pieces'
        synonyms (病人 = 患者) never looked up."""
        if not is_cjk_word(word) or len(word) < 4:
            return None
        return _forward_max_match(
            word, 2, lambda piece: piece in self.index.term_ids or self._known_term(piece)
        )

    def _known_term(self, word: str) -> bool:
        """A Chinese entry of the synonym groups some form of which the corpus holds (新基建:
        新型基础设施): kept whole, never corrected nor split into pieces."""
        return self._memoised("known", word, False, lambda: self._find_known(word))

    def _join_term(self, text: str) -> bool:
        """Join words typed together into ``text`` (see :func:`join_known_terms`): a known
        term the segmenter cut a lone character off (新|基建), or cut into words that have
        no synonyms of their own (污染|治理: 污染防治). Words that have (国有企业|改革: 国企)
        stay words, each with its synonyms."""
        if not self._known_term(text):
            return False
        words = self.tokenizer.cut(text)
        if any(len(w) == 1 for w in words) or not any(w in self.synonyms for w in words):
            return True
        group = set(self.synonyms.expand(text))
        if any(w in self.synonyms and set(self.synonyms.expand(w)) == group for w in words):
            # a word of the run in the run's own group (卡脖子 of 卡脖子技术): its synonyms
            # are the run's; searched apart, the rest (技术) would be required of a line
            # writing 关键核心技术 as one word
            return True
        return self._says_more(text, words)

    def _says_more(self, text: str, words: list[str]) -> bool:
        """Whether the synonym group of ``text`` holds a form the corpus writes with none
        of its words nor their synonyms: a paraphrase (老年人照顾 = 养老服务), joined; or
        without anything of one of its words that has synonyms of its own (育儿补贴 for
        生娃补贴: 生娃 = 生育, searched apart, would require 生育). A form sharing a word
        (国企改革 = 国企 + 改革, 研发经费 for 研发投入, whose 投入 has no synonyms and is
        written beside it) keeps the words, each with its synonyms, which find it too."""
        pieces = [{w, *self.synonyms.expand(w)} for w in words]
        stands_for = [p for w, p in zip(words, pieces, strict=True) if w in self.synonyms]
        return any(
            (
                not any(p in form for ps in pieces for p in ps)
                or any(not any(p in form for p in ps) for ps in stands_for)
            )
            and self.phrase_exists(form)
            for form in self.synonyms.expand(text)
            if form != text
        )

    def _is_suspicious(self, word: str) -> bool:
        """A CJK word that is not in the index, or a lone character (typos split words)."""
        return self._memoised("suspicious", word, False, lambda: self._suspicious(word))

    def _suspicious(self, word: str) -> bool:
        if not is_cjk_word(word):
            return False
        if len(word) == 1:
            return True
        alt = self._alternative(word)
        return alt is None or (alt.verify and not self.phrase_exists(word))
