"""The passages a planned word matches: its alternatives' postings, ANDed, their text
checked where needed, and byte scans of the text for words the index holds only inside
longer ones; whether a phrase occurs in some passage at all.

``Hits`` holds the index and the two memos of this work (``scan_memo``, byte scans;
``verified_memo``, alternatives whose text was checked), each bounded and read-only once
kept. It holds nothing of the searcher: the searcher holds one ``Hits`` per index.
"""

from __future__ import annotations

import threading

import numpy as np

from bot.search.concepts import Alternative, Concept
from bot.search.gapped import gapped
from bot.search.index import CompiledIndex, idf_of
from bot.search.memo import remember
from bot.text.tokenize import is_cjk_word

VERIFY_LIMIT = 5_000
# How many passages holding a phrase's words but not the phrase are read for the phrase
# written with a list before its last word (``gapped``), the best-scoring first.
GAPPED_READS = 500
# A phrase found only where a longer word of the index crosses its start (智能手机 in
# 人工智能手机: 人工智能 + 手机; the segmenter read the line so) is another word's piece:
# such a passage does not match it. Read for at most CROSSED_READS passages holding the
# phrase: a phrase written in more is found as itself far more often.
CROSSED_READS = 200
# How far before a phrase a longer word crossing its start may begin (人工智能: two)
_CROSS_BACK = 2
# Below this many co-occurrences a phrase is checked against the text; above, assumed present.
PHRASE_CHECK_LIMIT = 1_000
EXISTENCE_SCAN = 300
# Phrase existence counts the passages holding every piece before reading more texts
# when the rarest piece is on at least this many times PHRASE_CHECK_LIMIT passages.
COUNT_FIRST = 2
# How many texts of a phrase's rarest piece are read before anything else: a phrase of
# the corpus is usually there, found before a signature test or a count would pay off.
_FIRST_TEXTS = 16
# The first part of a list read when counting the passages on two lists (then twice as
# many each time): a phrase of two common words usually passes PHRASE_CHECK_LIMIT in it.
_COUNT_PART = 4_096
SCAN_LIMIT = 2_000
# A synonym's match counts a little less than the word typed (GDP finds 地区生产总值,
# but a passage saying GDP ranks first).
SYNONYM_WEIGHT = 0.85
# Words of a fall asked (谷物产量 下降了多少, 哪些产品产量减少): a bulletin's table writes the
# fall as a signed figure in its change column (谷物\t874.82\t-3.3), its prose at times as
# a negative growth (比上年增长-3.3%); such passages state what the word means without the
# word, and match it as a synonym would.
FALL_WORDS = frozenset({"下降", "减少", "降低", "下滑", "回落", "减"})
SIGNED_FALLS = ("\t-", "\t−", "增长-", "增长−")
# How many byte scans keep their passages. A scan (a word the index has only inside
# longer words: 烟台 in 烟台市) reads the whole text blob, ~7 ms at 10 MB and ten times
# that at 100 MB, while a query naming the word again (烟台, then 烟台 项目) needs the
# same passages. At most 2,000 ids each: 4 MB in all.
SCAN_MEMO_SIZE = 256
# Alternatives whose passages were read to check their text (研究与试验发展: the passages
# holding 研究, 试验 and 发展), remembered with what the reading found: ~1 µs a passage,
# 1.5–3 ms a phrase of common words at 100 MB, which a later query naming it (研发, whose
# synonym it is) would pay again. At most VERIFY_LIMIT passages each (~60 KB).
VERIFIED_MEMO_SIZE = 256


class Hits:
    """The passages of alternatives, concepts and scanned words of one index, memoised.

    Thread-safe as the searcher is: the memos' single operations are atomic, and the
    bounded ones evict under the searcher's ``evict_lock``.
    """

    def __init__(self, index: CompiledIndex, evict_lock: threading.Lock) -> None:
        self.index = index
        self._evict_lock = evict_lock
        self.scan_memo: dict[tuple[str, int], np.ndarray] = {}
        self.verified_memo: dict[Alternative, tuple[np.ndarray, np.ndarray]] = {}

    def clear(self) -> None:
        """Forget byte scans and checked texts."""
        self.scan_memo.clear()
        self.verified_memo.clear()

    def phrase_present(self, alt: Alternative, text: str) -> bool:
        """Does ``text``, resolved to ``alt`` (which ``verify``), occur in some passage?"""
        # Existence needs no scores. The phrase is present when one of the first
        # EXISTENCE_SCAN passages of its rarest piece (best first) holds its bytes, or,
        # when that piece is commoner than that, one of the passages holding every piece,
        # or more than PHRASE_CHECK_LIMIT of those (taken as present, unread). Texts are
        # read only where the passages' bigram signatures may hold the phrase (a phrase
        # of two words seldom typed together is settled unread), and the passages holding
        # every piece are counted only when that can decide it: the same answer as
        # reading and counting everything, in any order.
        rarest = min(alt.term_ids, key=self.index.df)
        pids = self.index.raw_postings(rarest)[0]
        needle, known = text.encode("utf-8"), self.piece_words(alt)
        if self.index.any_holds(pids[:_FIRST_TEXTS], needle):
            return True
        counted = pids.size > PHRASE_CHECK_LIMIT  # else fewer than that hold every piece
        # The count decides only when more than PHRASE_CHECK_LIMIT passages hold every
        # piece: likely when the rarest piece is on many more (全面提升: 2,037 of 5,062),
        # seldom when on a few more, where the next passages read usually find the phrase
        # first (领导干部: on 700 of 干部's 1,216; 3 of the next 16 texts hold it).
        # Counted before or after that reading, the answer is the same.
        few = False  # counted already, and too few to decide
        # a phrase of three pieces or more is counted from the flags of every one of
        # ``pids`` (:meth:`on_every_list`): kept, they say which of the rest to read
        # below, where they were made again (100–300 µs at 100 MB, first sight)
        on: np.ndarray | None = None
        if counted and pids.size >= COUNT_FIRST * PHRASE_CHECK_LIMIT:
            more, on = self._counted(pids, alt.term_ids, rarest)
            if more:
                return True
            few = True
        if self.index.any_holds(pids[_FIRST_TEXTS:EXISTENCE_SCAN], needle, known):
            return True
        if counted and not few:
            more, on = self._counted(pids, alt.term_ids, rarest)
            if more:
                return True
        rest = pids[EXISTENCE_SCAN:]
        if not rest.size:
            return False
        if counted:
            on_all = (
                on[EXISTENCE_SCAN:]
                if on is not None
                else self.on_every_list(rest, alt.term_ids, taken_from=rarest)
            )
            rest = rest[on_all]
        rest = rest[self.index.may_hold(rest, needle, known)]
        if rest.size and not counted:
            rest = rest[self.on_every_list(rest, alt.term_ids, taken_from=rarest)]
        return self.index.any_holds(rest, needle, known)

    def piece_words(self, alt: Alternative) -> tuple[str, ...]:
        """The index terms of ``alt`` as text: a passage holding them all holds their
        bigrams, so only those where they meet are worth testing (``CompiledIndex.holds``)."""
        return tuple(self.index.vocab[t] for t in alt.term_ids)

    def on_every_list(
        self, pids: np.ndarray, term_ids: tuple[int, ...], *, taken_from: int | None = None
    ) -> np.ndarray:
        """For each of ``pids``, whether it is on the posting list of every one of
        ``term_ids``: the AND of :meth:`holding_all` without the scores (existence
        needs none, and converting and adding them cost more than the AND itself).
        ``pids`` taken from the list of ``taken_from`` are on it: not looked up."""
        # one boolean flag per passage and term: setting flags costs less than adding
        # counts (a read, an add and a write per posting). Ids as intp, as the index
        # stores them (format 7): numpy indexes with uint32 ones ~2.5 times slower.
        on = np.ones(len(pids), dtype=bool)
        at = np.asarray(pids, dtype=np.intp)
        flag = np.empty(self.index.n_passages, dtype=bool)
        for t in term_ids:
            if t == taken_from:
                continue
            flag.fill(False)
            flag[np.asarray(self.index.raw_postings(t)[0], dtype=np.intp)] = True
            on &= flag[at]
        return on

    def _counted(
        self, pids: np.ndarray, term_ids: tuple[int, ...], taken_from: int
    ) -> tuple[bool, np.ndarray | None]:
        """:meth:`more_on_every_list` at :data:`PHRASE_CHECK_LIMIT`, and when it is False
        for three pieces or more the flags it counted (:meth:`on_every_list` of ``pids``);
        else None (two pieces: the other list read a part at a time flags nothing; more
        than the limit found: the count stopped before the last list's end)."""
        others = sorted({t for t in term_ids if t != taken_from}, key=self.index.df)
        if len(others) == 1:
            return self.more_on_every_list(pids, term_ids, taken_from, PHRASE_CHECK_LIMIT), None
        if not others:  # one piece, twice: every passage of its list
            more = pids.size > PHRASE_CHECK_LIMIT
            return more, None if more else np.ones(len(pids), dtype=bool)
        # every list but the longest flags ``pids`` as on_every_list does (the AND in any
        # order is the same); the longest is read a part at a time as more_on_every_list
        # reads its other list, stopping once more than the limit are found (全面提升 …
        # of three words: 城市资源要素, 现代化产业深化重点, lists of 30,000–60,000). Read to
        # its end, the passages found flag the last AND.
        at = np.asarray(pids, dtype=np.intp)
        on = np.ones(at.size, dtype=bool)
        flag = np.zeros(self.index.n_passages, dtype=bool)
        for t in others[:-1]:
            flag[np.asarray(self.index.raw_postings(t)[0], dtype=np.intp)] = True
            on &= flag[at]
            flag.fill(False)
        flag[at[on]] = True
        theirs = self.index.raw_postings(others[-1])[0]
        found, lo, part, parts = 0, 0, _COUNT_PART, []
        while lo < theirs.size:
            read = np.asarray(theirs[lo : lo + part], dtype=np.intp)
            met = read[flag[read]]
            found += met.size
            if found > PHRASE_CHECK_LIMIT:
                return True, None
            parts.append(met)
            lo, part = lo + part, 2 * part
        flag.fill(False)
        for met in parts:
            flag[met] = True
        on &= flag[at]
        return False, on

    def more_on_every_list(
        self, pids: np.ndarray, term_ids: tuple[int, ...], taken_from: int, limit: int
    ) -> bool:
        """Whether more than ``limit`` of ``pids`` (distinct passages of the list of
        ``taken_from``) are on the list of every one of ``term_ids``: the count of
        :meth:`on_every_list`. For a phrase of two words, ``pids`` are flagged and the
        other word's list read a part at a time, stopping once more than ``limit`` are
        found: the count is the same either way round (both lists hold a passage once),
        and a phrase of two common words (全面提升, 合作创新) passes the limit within
        the first few thousand passages of lists of 20,000–60,000."""
        others = {t for t in term_ids if t != taken_from}
        if len(others) != 1:
            on = self.on_every_list(pids, term_ids, taken_from=taken_from)
            return int(np.count_nonzero(on)) > limit
        theirs = self.index.raw_postings(others.pop())[0]
        flag = np.zeros(self.index.n_passages, dtype=bool)
        flag[np.asarray(pids, dtype=np.intp)] = True
        found, lo, part = 0, 0, _COUNT_PART
        while lo < theirs.size:
            found += int(np.count_nonzero(flag[np.asarray(theirs[lo : lo + part], np.intp)]))
            if found > limit:
                return True
            lo, part = lo + part, 2 * part
        return False

    def holding_all(self, alt: Alternative) -> tuple[np.ndarray, np.ndarray]:
        """Passages holding every term of ``alt``, with their summed scores, in the order
        of the shortest posting list."""
        ix = self.index
        if len(alt.term_ids) == 1:
            return ix.postings(alt.term_ids[0])
        # the ids as intp and the scores as float32, as the index stores them (format 7):
        # each list is read three or four times below, nothing converted
        lists = sorted((ix.postings(t) for t in alt.term_ids), key=lambda p: p[0].size)
        # AND by counting in dense arrays: O(n) where sorting for intersect1d was not.
        # Only the passages on every list so far are scored and counted on the next:
        # a common piece's list (研究与试验发展's 发展: 11,000 passages) is read once for
        # those few, its scores not gathered and added for all. The same float32 sums
        # in the same order (the shortest list's scores, then each next one's).
        n = ix.n_passages
        pids = lists[0][0]
        acc = np.zeros(n, dtype=np.float32)
        cnt = np.zeros(n, dtype=np.uint8)
        acc[pids] = lists[0][1]
        cnt[pids] = 1
        for k, (p, scores) in enumerate(lists[1:], 1):
            on = cnt[p] == k
            p = p[on]
            acc[p] += scores[on]
            cnt[p] += 1
        pids = pids[cnt[pids] == len(lists)]
        return pids, acc[pids]

    def alternative_scores(self, alt: Alternative) -> tuple[np.ndarray, np.ndarray]:
        """Passages matching one alternative: all its terms, and its text if ``verify``."""
        if len(alt.term_ids) == 1 and not alt.verify:
            return self.index.postings(alt.term_ids[0])
        if not alt.verify:
            return self.holding_all(alt)
        found = self.verified_memo.get(alt)
        if found is None:
            found = self.verified(alt)
            for array in found:
                array.flags.writeable = False  # shared by every later query naming it
            remember(self.verified_memo, alt, found, VERIFIED_MEMO_SIZE, self._evict_lock)
        return found

    def verified(self, alt: Alternative) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`alternative_scores` of an alternative whose text is checked."""
        pids, scores = self.holding_all(alt)
        if not pids.size:
            return pids, scores
        needle = alt.text.encode("utf-8")
        if pids.size > VERIFY_LIMIT:
            # Checking text costs ~1 µs a passage: check the best-scoring ones only.
            best = np.argpartition(-scores, VERIFY_LIMIT - 1)[:VERIFY_LIMIT]
            pids, scores = pids[best], scores[best]
        keep = self.index.holds(pids, needle, self.piece_words(alt))
        words = self.piece_words(alt)
        pattern = gapped(words)
        if pattern is not None and not keep.all():
            # the phrase written with a list before its last word (降低企业用电、用气…成本):
            # read only those whose bigrams may hold the words before the list, at most
            # GAPPED_READS of them (once per phrase: the result is memoised)
            rest = np.flatnonzero(~keep)
            rest = rest[np.argsort(-scores[rest], kind="stable")]
            head = "".join(words[:-1]).encode("utf-8")
            rest = rest[self.index.may_hold(pids[rest], head, words[:-1])][:GAPPED_READS]
            texts = self.index.passages_norm_texts(pids[rest])
            keep[rest] = [pattern.search(t) is not None for t in texts]
        return self.not_across(pids[keep], scores[keep], alt.text)

    def not_across(
        self, pids: np.ndarray, scores: np.ndarray, phrase: str
    ) -> tuple[np.ndarray, np.ndarray]:
        """``(pids, scores)`` without the passages that write ``phrase`` only where a
        longer word of the index crosses its start (:data:`CROSSED_READS` at most read)."""
        if not 0 < pids.size <= CROSSED_READS:
            return pids, scores
        texts = self.index.passages_norm_texts(pids)
        crossed = np.fromiter((self._only_across(t, phrase) for t in texts), bool, pids.size)
        if not crossed.any():
            return pids, scores
        return pids[~crossed], scores[~crossed]

    def _only_across(self, text: str, phrase: str) -> bool:
        """Whether every time ``text`` writes ``phrase``, a word of the index of three or
        more characters begins before it and ends inside it: 人工智能手机 for 智能手机, where
        人工智能 takes 智能. False when the phrase is not written as it is (a gapped form)."""
        terms = self.index.term_ids
        at = text.find(phrase)
        if at < 0:
            return False
        while at >= 0:
            if not any(
                text[at - back : at + k] in terms
                for back in range(1, min(_CROSS_BACK, at) + 1)
                for k in range(max(1, 3 - back), len(phrase))
            ):
                return False
            at = text.find(phrase, at + 1)
        return True

    def concept_hits(self, concept: Concept) -> tuple[np.ndarray, np.ndarray]:
        """(passage ids, scores) matching the concept: its best alternative per passage;
        for a word of a fall, with the passages stating a fall as a signed figure."""
        if concept.fixed is not None:
            return concept.fixed
        found = self._concept_hits(concept)
        if concept.label in FALL_WORDS and not concept.exclude:
            return self._with_signed_falls(*found)
        return found

    def _with_signed_falls(
        self, pids: np.ndarray, scores: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """``(pids, scores)`` of a word of a fall (:data:`FALL_WORDS`) with the passages
        writing a fall as a signed figure (:data:`SIGNED_FALLS`) that do not hold the
        word, each scored as a synonym of it."""
        signed = [self.scan(needle) for needle in SIGNED_FALLS]
        extra = np.unique(np.concatenate(signed)) if signed else np.zeros(0, np.int64)
        extra = extra[~np.isin(extra, pids)]
        if not extra.size:
            return pids, scores
        n = self.index.n_passages
        score = np.float32(idf_of(max(int(np.asarray(pids).size), 1), n) * SYNONYM_WEIGHT)
        return (
            np.concatenate([np.asarray(pids, dtype=np.int64), extra.astype(np.int64)]),
            np.concatenate(
                [np.asarray(scores, dtype=np.float32), np.full(extra.size, score, np.float32)]
            ),
        )

    def _concept_hits(self, concept: Concept) -> tuple[np.ndarray, np.ndarray]:
        parts = [self.alternative_scores(alt) for alt in concept.alternatives]
        parts = [
            (p, sc if k == 0 else sc * np.float32(SYNONYM_WEIGHT))
            for k, (p, sc) in enumerate(parts)
        ]
        if concept.kinds:
            parts = self._kinds_as_word(concept, parts)
        parts = [p for p in parts if p[0].size]
        if len(parts) == 1:
            return parts[0]
        if parts:
            # Best alternative per passage (synonyms must not add up). Scores are
            # positive, so a passage still at 0 is one no earlier alternative matched:
            # the union is gathered list by list, not found by scanning the whole array
            # (np.flatnonzero over every passage, ~0.4 ms at 100 MB).
            dense = np.zeros(self.index.n_passages, dtype=np.float32)
            union: list[np.ndarray] = []
            for k, (p, sc) in enumerate(parts):
                p = np.asarray(p, dtype=np.intp)
                if k == 0:
                    # nothing is written yet: every passage of the first list is new and
                    # its score the maximum (scores are not negative), written as it is
                    union.append(p)
                    dense[p] = sc
                    continue
                held = dense[p]  # gathered once for both uses
                union.append(p[held == 0])
                dense[p] = np.maximum(held, sc)
            pids = np.concatenate(union)
            return pids, dense[pids]
        if len(concept.label) >= 2 and is_cjk_word(concept.label):
            # Segmentation can hide a word inside a longer one (先行区 in
            # 绿色低碳高质量发展先行区); look for the characters themselves.
            pids = self.scan(concept.label)
            scores = np.full(pids.size, idf_of(pids.size, self.index.n_passages), np.float32)
            # not where a longer word crosses its start (智能手机 in 人工智能手机); the end
            # of a longer word is the word itself (先行区 in …发展先行区)
            return self.not_across(pids, scores, concept.label)
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)

    def kinds_only(self, concept: Concept) -> np.ndarray:
        """The passages (ascending) a concept with kinds (``Concept.kinds``) matches only
        through a kind: 高铁 for 交通, no 交通 nor a synonym of it written. Empty for a
        concept without kinds."""
        if not concept.kinds or concept.fixed is not None:
            return np.zeros(0, dtype=np.int64)
        kind: list[np.ndarray] = []
        other: list[np.ndarray] = []
        for alt in concept.alternatives:
            pids = np.asarray(self.alternative_scores(alt)[0], dtype=np.int64)
            (kind if alt.text in concept.kinds else other).append(pids)
        if not kind:
            return np.zeros(0, dtype=np.int64)
        by_kind = np.unique(np.concatenate(kind))
        if not other:
            return by_kind
        return np.setdiff1d(by_kind, np.concatenate(other), assume_unique=False)

    def _kinds_as_word(
        self, concept: Concept, parts: list[tuple[np.ndarray, np.ndarray]]
    ) -> list[tuple[np.ndarray, np.ndarray]]:
        """``parts`` with a kind's scores (风电 for 新能源) brought down to the rarity of the
        word typed: a kind rarer than the word would otherwise outscore a passage writing
        the word itself (2015 发展新能源: 风电 is in fewer passages than 新能源), and an exact
        match ranks above a synonym's."""
        n = self.index.n_passages
        typed = next(
            (
                np.asarray(p).size
                for a, (p, _) in zip(concept.alternatives, parts, strict=True)
                if a.text == concept.label
            ),
            0,
        )
        if not typed:
            return parts  # the word itself is written nowhere: nothing to rank below
        word_idf = idf_of(typed, n)
        out = []
        for alt, (p, sc) in zip(concept.alternatives, parts, strict=True):
            size = np.asarray(p).size
            if alt.text in concept.kinds and size:
                ratio = word_idf / idf_of(size, n)
                if ratio < 1:
                    sc = np.asarray(sc, dtype=np.float32) * np.float32(ratio)
            out.append((p, sc))
        return out

    def scan(self, needle: str, *, limit: int = SCAN_LIMIT) -> np.ndarray:
        """Passages whose normalised text contains ``needle`` (a bounded byte scan), in
        passage order; memoised (:data:`SCAN_MEMO_SIZE`), read-only."""
        key = (needle, limit)
        found = self.scan_memo.get(key)
        if found is None:
            found = self.scan_text(needle, limit)
            found.flags.writeable = False  # shared by every later query naming the word
            remember(self.scan_memo, key, found, SCAN_MEMO_SIZE, self._evict_lock)
        return found

    def scan_text(self, needle: str, limit: int) -> np.ndarray:
        ix = self.index
        blob = ix.norm_mmap
        if blob is None:
            return np.zeros(0, dtype=np.int64)
        raw = needle.encode("utf-8")
        if len(needle) >= 2:
            # Only the passages whose bigram signature may hold the needle are read (a
            # few hundredths of the text for a word of the corpus): the same passages in
            # the same order as the whole text's scan below, which took 9–20 ms at 10 MB.
            # Every passage's signature is tested at once (``may_hold_every``: ~2.5 times
            # as fast as gathering every passage's offsets first, 11 ms at 100 MB).
            maybe = ix.may_hold_every(raw)
            return np.asarray(ix.holding(maybe, raw, limit, tested=True), dtype=np.int64)
        found: list[int] = []
        pos = blob.find(raw)
        while pos >= 0 and len(found) < limit:
            pid = int(np.searchsorted(ix.norm_offsets, pos, side="right")) - 1
            end = int(ix.norm_offsets[pid + 1])
            if pos + len(raw) <= end:
                found.append(pid)
                pos = blob.find(raw, end)  # one hit per passage is enough
            else:
                pos = blob.find(raw, pos + 1)
        return np.asarray(found, dtype=np.int64)
