"""Heading matches (issue 13): what a word of a query gains beyond the passages writing it.

A passage under a heading that names a word of the query (（二）突出科技创新全链发力 over
the paragraphs 强化创新策源功能… and 推动科技成果转化应用…) is about it though its text
may not repeat it; a one-line lead (办好人民满意的教育。) heads the paragraph right after
it; a four-character word may be written with a word inside (扩大国内需求 for 扩大内需).

Everything here depends on the compiled index alone: the tables are made once per index
(:func:`heading_table`, :func:`lead_next`), and what a concept gains is worked out once
per concept (:func:`heading_gain`; the searcher memoises it) and only added to its hits
by a query. Moved out of ``searcher.py``, which calls these.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from bot.search.index import CompiledIndex, idf_of
from bot.search.quality import HEADING as HEADING_PRIOR
from bot.text.normalize import normalize

# A passage under a heading naming a word matches the word at HEADING_SHARE of the word's
# median score where written (0.6 scored lower on the dev split; 1.0 put such paragraphs
# before passages writing a single word asked, 共同富裕, and lost recall on the bundled
# gate), and a passage that holds the word and stands under such a heading counts
# HEADING_BONUS of that median more. Only a heading over at most TOPIC_SPAN passages of
# its document, and TOPIC_SHARE of them, names a topic (三、2026年工作安排 is a part of the
# report, not a theme). A one-line lead heads the passage right after it.
HEADING_SHARE = 0.8
HEADING_BONUS = 0.25
TOPIC_SPAN = 30
# ... and at most this share of them (二、2026年工作安排 over most of a short report is a
# part of it, whose 工作 is no topic either).
TOPIC_SHARE = 1 / 3
# The least characters of the paragraph a one-line lead heads.
LEAD_BODY_CHARS = 60
# characters of a heading that a passage opening with the heading begins with
HEADING_PREFIX = 8
# What may stand between the halves of a four-character word written loosely (see
# :func:`find_loose`): one or two characters, no punctuation or space.
LOOSE_MAX_HITS = 50  # ... only for a word written as such in fewer passages than this
LOOSE_READ_LIMIT = 5_000  # ... and at most this many passages read
LOOSE_GAP = r"[^，。；、：,.;:！？!?（）()“”\s]{1,2}"
# A word's tail shared by a coordination (城中村和危旧房改造 for 城中村改造): what may stand
# between the word's head and its tail, a conjunction or 、 and then a few characters of
# the other things coordinated, within a clause (see :func:`find_coordinated`).
COORDINATED_CHARS = 8
COORDINATED_GAP = rf"[和与及、][^，。；：,.;:！？!?（）()“”\s]{{1,{COORDINATED_CHARS}}}?"
_LEAD_PRIOR = HEADING_PRIOR
# Of candidates as many as this share of the passages or more, a flag array's non-zero
# places are read rather than the flagged ones sorted. Measured on the bench's VM
# (numpy 2.4, in-process CPU time): at 174,000 passages np.flatnonzero costs 0.02–0.08 ms
# while sorting the flagged of 2,000 candidates costs 0.04 ms, of 15,000 0.4 ms, of
# 40,000 1.3 ms; at 17,500 passages the two meet near 300 candidates. (The share was 6,
# from timings on another machine: a common word's 15,000 heading passages were sorted
# on its first sight at 100 MB, ~0.45 ms of the query.)
_FLAT_SHARE = 128
_NO_SCORE = np.float32(0)


def sorted_unique(values: np.ndarray) -> np.ndarray:
    """``values`` sorted, each once (np.unique's hash for integers cost ~1 ms for a few
    thousand passages; a sort and one comparison cost ~30 µs)."""
    out = np.sort(values)
    if out.size < 2:
        return out
    keep = np.empty(out.size, dtype=bool)
    keep[0] = True
    np.not_equal(out[1:], out[:-1], out=keep[1:])
    return out[keep]


def median(values: np.ndarray) -> np.float32:
    """``np.median`` of non-empty float32 ``values`` without NaN, the same number (the
    middle one, or the float32 mean of the two middle ones, as ``np.mean`` takes it)
    for a fifth of the cost (np.median's checks cost ~8 µs a call)."""
    half = values.size // 2
    if values.size > 1 and bool(np.all(values[1:] <= values[:-1])):
        # best first, as a single term's hits are: the middle ones are read in place
        # (np.partition costs ~5 ns a score, 0.2–0.7 ms for a common word's 40,000–
        # 115,000 scores at 100 MB, against ~10 µs for this test)
        low, high = values[values.size - 1 - half], values[values.size - half]
        return low if values.size % 2 else np.float32((high + low) / 2)
    if values.size % 2:
        return np.partition(values, half)[half]
    part = np.partition(values, (half - 1, half))
    return np.float32((part[half - 1] + part[half]) / 2)


def places(text: str, form: str) -> list[int]:
    """Where ``form`` occurs in ``text``, leftmost first and not overlapping itself (the
    matches of ``re.finditer`` on the escaped form, without compiling an expression: that
    cost ~50 µs on a word's first sight, more than the search)."""
    out: list[int] = []
    step = len(form)
    at = text.find(form)
    while at >= 0:
        out.append(at)
        at = text.find(form, at + step)
    return out


def flagged(flag: np.ndarray, among: np.ndarray) -> np.ndarray:
    """The places where ``flag`` is set, ascending, all of which are in ``among``
    (passages, in any order, repeats allowed): read from the flags when ``among`` is
    large, else from ``among`` sorted. The same array either way."""
    if among.size * _FLAT_SHARE >= flag.size:
        return np.flatnonzero(flag)
    return sorted_unique(among[flag[among]])


# -- passages under a heading -----------------------------------------------------------------
def _topic_passages(
    rows: np.ndarray,
    n_texts: int,
    by_key: np.ndarray,
    key_bounds: np.ndarray,
    own_line: np.ndarray,
    n_passages: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Per heading text ``u``, the passages under it where it names a topic (see
    :data:`TOPIC_SPAN`), sorted: ``passages[bounds[u]:bounds[u + 1]]``. ``rows`` hold
    its places, one a row: (u, key position, span, innermost, document passages). All
    the passages of a section are under a heading of its path; under its innermost
    heading only, all but the first when that opens with the heading (its own line),
    unless the text also heads the section from further out."""
    u, key, span, last, doc = (rows[:, j] for j in range(5))
    ok = (span <= TOPIC_SPAN) & (span <= TOPIC_SHARE * doc)
    u, key, last = u[ok], key[ok], last[ok].astype(bool)
    n_keys = max(key_bounds.size - 1, 1)
    pairs, at = np.unique(u * n_keys + key, return_inverse=True)
    outer = np.zeros(pairs.size, dtype=bool)
    outer[at.reshape(-1)[~last]] = True
    pair_u, pair_key = pairs // n_keys, pairs % n_keys
    lo = key_bounds[pair_key]
    lengths = key_bounds[pair_key + 1] - lo
    pair_of = np.repeat(np.arange(pairs.size), lengths)
    # position of each element in its pair's run of by_key
    step = np.arange(pair_of.size) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    pids = by_key[lo[pair_of] + step].astype(np.int64)
    keep = outer[pair_of] | (pids != own_line[pair_key][pair_of])
    combined = np.sort(pair_u[pair_of][keep] * max(n_passages, 1) + pids[keep])
    text_of = combined // max(n_passages, 1)
    bounds = np.searchsorted(text_of, np.arange(n_texts + 1), side="left").astype(np.int64)
    out = (combined % max(n_passages, 1)).astype(np.intp)
    out.setflags(write=False)
    return out, bounds


@dataclass(frozen=True)
class HeadingTable:
    """The headings of an index (:func:`heading_table`). ``joined`` holds the distinct
    heading texts separated by NUL, text ``u`` starting at ``starts[u]``; the passages
    under text ``u`` where it names a topic are ``under[bounds[u]:bounds[u + 1]]``,
    sorted."""

    joined: str
    starts: np.ndarray
    under: np.ndarray
    bounds: np.ndarray
    # per passage, its document × section key position; per key position, the headings
    # over it that name a topic, (text, innermost), and its first passage when that
    # opens with its innermost heading (else -1)
    key_of: np.ndarray
    topics: tuple[tuple[tuple[str, bool], ...], ...]
    own_line: tuple[int, ...]

    @cached_property
    def points(self) -> np.ndarray:
        """:attr:`joined` as code points (UTF-32), read-only: what :meth:`texts_holding`
        compares."""
        points = np.frombuffer(self.joined.encode("utf-32-le", "surrogatepass"), np.uint32)
        points.flags.writeable = False
        return points

    @cached_property
    def _places_by_point(self) -> tuple[np.ndarray, np.ndarray]:
        """The places of :attr:`points` sorted by code point, each code point's places
        ascending (a stable sort), and the code points so sorted: a character's places
        are a slice found by two binary searches."""
        order = np.argsort(self.points, kind="stable")
        sorted_points = self.points[order]
        order.flags.writeable = sorted_points.flags.writeable = False
        return order, sorted_points

    def texts_holding(self, form: str) -> np.ndarray:
        """The heading texts (their numbers, ascending) that hold ``form``: where its
        first character stands in :attr:`points`, then each next one tested at those
        places, in a few array operations. (``str.find`` over the 37,000 characters of
        the headings at 100 MB, once a place, cost 35–100 µs a word on its first sight;
        a text holds the form where ``find`` finds it, NUL standing between texts.)"""
        want = np.frombuffer(form.encode("utf-32-le", "surrogatepass"), np.uint32)
        points = self.points
        if not want.size or want.size > points.size:
            return np.zeros(0, dtype=np.int64)
        # the first character's places, ascending, read from the characters sorted (a
        # comparison of every code point cost ~10 µs a form on its first sight)
        order, sorted_points = self._places_by_point
        lo, hi = sorted_points.searchsorted(want[0]), sorted_points.searchsorted(want[0], "right")
        at = order[lo:hi]
        if at.size and at[-1] > points.size - want.size:
            at = at[at <= points.size - want.size]
        for k in range(1, want.size):
            if not at.size:
                break
            at = at[points[at + k] == want[k]]
        if not at.size:
            return np.zeros(0, dtype=np.int64)
        texts = np.searchsorted(self.starts, at, side="right") - 1
        return sorted_unique(texts)

    def gather(self, forms: tuple[str, ...]) -> np.ndarray:
        """The passages under a topic heading holding one of ``forms`` (normalised), in
        no order, a passage once per text over it: the texts' runs of :attr:`under` in
        one gather. What a word's heading gain needs (it flags them); :meth:`passages`
        sorts them."""
        # every heading text once, searched as one array of code points (a scan in C,
        # not a loop over the sections in Python)
        held = [self.texts_holding(f) for f in forms if f]
        texts = held[0] if len(held) == 1 else sorted_unique(np.concatenate(held or [[]]))
        texts = texts.astype(np.int64, copy=False)
        if not texts.size:
            return np.zeros(0, dtype=np.intp)
        lo, hi = self.bounds[texts], self.bounds[texts + 1]
        if texts.size == 1:
            return self.under[lo[0] : hi[0]]
        lengths = hi - lo
        at = np.repeat(lo - (np.cumsum(lengths) - lengths), lengths) + np.arange(lengths.sum())
        return self.under[at]

    def passages(self, forms: tuple[str, ...]) -> np.ndarray:
        """:meth:`gather`, sorted, each passage once (the places of distinct texts may
        share a section: （二）… over 1. …)."""
        return sorted_unique(self.gather(forms))

    def under_topic(self, pids: np.ndarray, form: str) -> np.ndarray:
        """Whether each of ``pids`` is under a topic heading holding ``form``, as
        :meth:`passages` has it, passage by passage: for the few passages of a window,
        cheaper than all the passages of such headings."""
        out = np.zeros(len(pids), dtype=bool)
        if not form:
            return out
        for i, (pid, key) in enumerate(zip(pids.tolist(), self.key_of[pids].tolist(), strict=True)):
            for text, last in self.topics[key]:
                # under the heading itself, or its own line (see _topic_passages)
                if form in text and not (last and pid == self.own_line[key]):
                    out[i] = True
                    break
        return out


def normalized_sections(sections: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """An index's heading paths (``CompiledIndex.sections``) normalised, as
    :func:`heading_table` reads them (the searcher's and the stored gains' alike)."""
    return [tuple(normalize(part) for part in path) for path in sections]


def heading_table(index: CompiledIndex, sections: list[tuple[str, ...]]) -> HeadingTable:
    """The headings of ``index`` (``sections``: its heading paths, normalised): each
    distinct heading text once, and for each the passages under it where it names a
    topic, gathered here once (per word, the union of its texts' arrays is left)."""
    ix = index
    n_sections = max(len(sections), 1)
    keys, inverse, counts = np.unique(
        ix.p_doc.astype(np.int64) * n_sections + ix.p_section.astype(np.int64),
        return_inverse=True,
        return_counts=True,
    )
    under: dict[tuple, int] = {}
    for key, count in zip(keys.tolist(), counts.tolist(), strict=True):
        doc, path = key // n_sections, sections[key % n_sections]
        for level in range(len(path)):
            prefix = (doc, *path[: level + 1])
            under[prefix] = under.get(prefix, 0) + count
    # a list: a numpy scalar read per place cost a sixth of the table's time
    doc_size = np.bincount(ix.p_doc.astype(np.int64), minlength=len(ix.docs)).tolist()
    # per heading text, its places: (document × section key position, the passages
    # of the document under the heading there, whether it is the innermost heading,
    # the passages of the document)
    text_places: dict[str, list[tuple[int, int, bool, int]]] = {}
    # per key position, the headings over it that name a topic: (text, innermost)
    topics: list[tuple[tuple[str, bool], ...]] = []
    for k, key in enumerate(keys.tolist()):
        doc, path = key // n_sections, sections[key % n_sections]
        heads = []
        for level, part in enumerate(path):
            span = under[(doc, *path[: level + 1])]
            last = level == len(path) - 1
            text_places.setdefault(part, []).append((k, span, last, doc_size[doc]))
            if span <= TOPIC_SPAN and span <= TOPIC_SHARE * doc_size[doc]:
                heads.append((part, last))
        topics.append(tuple(heads))
    by_key = np.argsort(inverse.reshape(-1), kind="stable")
    key_bounds = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    firsts = by_key[key_bounds[:-1]] if keys.size else np.zeros(0, dtype=np.intp)
    # The heading's own line (（四）坚决打赢脱贫攻坚战。让贫困人口…), the first passage
    # under it, holds its words already: it is not also under it.
    own_line = np.full(keys.size, -1, dtype=np.int64)
    first_texts = ix.passages_norm_texts(firsts)
    for k, (key, text) in enumerate(zip(keys.tolist(), first_texts, strict=True)):
        path = sections[key % n_sections]
        if path and text.lstrip().startswith(path[-1][:HEADING_PREFIX]):
            own_line[k] = int(firsts[k])
    texts = list(text_places)
    rows = [(u, *row) for u, text in enumerate(texts) for row in text_places[text]]
    starts = np.cumsum([0] + [len(t) + 1 for t in texts[:-1]]) if texts else np.zeros(0)
    passages, bounds = _topic_passages(
        np.asarray(rows, dtype=np.int64).reshape(-1, 5),
        len(texts),
        by_key,
        key_bounds,
        own_line,
        ix.n_passages,
    )
    return HeadingTable(
        joined="\x00".join(texts),
        starts=np.asarray(starts, dtype=np.int64),
        under=passages,
        bounds=bounds,
        key_of=inverse.reshape(-1).astype(np.int32),
        topics=tuple(topics),
        own_line=tuple(own_line.tolist()),
    )


# -- one-line leads ---------------------------------------------------------------------------
def lead_next(index: CompiledIndex) -> np.ndarray:
    """Per passage, the passage it heads as a one-line lead (办好人民满意的教育。 before
    its paragraph, same document and section), else -1."""
    ix = index
    out = np.full(ix.n_passages, -1, dtype=np.int64)
    if ix.n_passages < 2:
        return out
    lead = np.flatnonzero(ix.p_prior[:-1] == np.float32(_LEAD_PRIOR))
    nxt = lead + 1
    ok = (
        (ix.p_doc[nxt] == ix.p_doc[lead])
        & (ix.p_section[nxt] == ix.p_section[lead])
        & (ix.p_prior[nxt] > np.float32(_LEAD_PRIOR))
        # a lead opens a paragraph that says more; a short line before another short
        # line (拓宽高校毕业生等青年就业创业渠道。) is a sentence of a list
        & (ix.p_len[nxt] >= LEAD_BODY_CHARS)
    )
    out[lead[ok]] = nxt[ok]
    return out


# -- four-character words written loosely -----------------------------------------------------
def find_loose(index: CompiledIndex, word: str) -> np.ndarray:
    """Passages (ascending) that write the four-character ``word`` with one or two
    characters between its halves (扩大国内需求 for 扩大内需, 乡村全面振兴 for 乡村振兴,
    科技与创新), not across a punctuation mark; of the passages whose bigram signatures
    may hold both halves, the first :data:`LOOSE_READ_LIMIT` are read."""
    return _find_gapped(index, word[:2], word[2:], LOOSE_GAP)


def find_coordinated(index: CompiledIndex, head: str, tail: str) -> np.ndarray:
    """Passages (ascending) that write the word ``head`` + ``tail`` (城中村改造) with
    its tail shared by a coordination (城中村和危旧房改造, 老旧小区、城中村改造): ``head``,
    a 和, 与, 及 or 、 and at most :data:`COORDINATED_CHARS` more characters, then
    ``tail``, within a clause; read as :func:`find_loose` reads."""
    return _find_gapped(index, head, tail, COORDINATED_GAP)


def _find_gapped(index: CompiledIndex, head: str, tail: str, gap: str) -> np.ndarray:
    """Passages (ascending) writing ``head``, text matching ``gap``, then ``tail``."""
    ix = index
    if ix.norm_mmap is None or not ix.n_passages:
        return np.zeros(0, dtype=np.intp)
    # only the passages whose bigram signatures may hold both halves are read, in
    # one pass (two scans of every passage cost ~6 ms a word at 10 MB). Not the posting
    # lists of the halves: 扩大国内需求 is segmented 扩大|国内|需求, and is on no list
    # of 内需.
    both = ix.may_hold_every(head.encode("utf-8"))
    both = both[ix.may_hold(both, tail.encode("utf-8"))]
    both = both[:LOOSE_READ_LIMIT]
    if not both.size:
        return np.zeros(0, dtype=np.intp)
    gapped = re.compile(re.escape(head) + gap + re.escape(tail))
    texts = ix.passages_norm_texts(both)
    keep = [pid for pid, t in zip(both.tolist(), texts, strict=True) if gapped.search(t)]
    return np.asarray(keep, dtype=np.intp)


# -- what a concept gains ---------------------------------------------------------------------
@dataclass(frozen=True)
class Gain:
    """What the passages under a heading naming a concept and those writing it loosely
    add to its hits (see :func:`heading_gain`): ``loose`` passages appended at
    ``loose_score``; the hits at positions ``raised`` (of the hits and ``loose``) raised
    by ``bonus``; ``rest`` appended at ``rest_score`` (None: nothing)."""

    loose: np.ndarray
    loose_score: np.float32
    raised: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    bonus: np.float32 = _NO_SCORE
    rest: np.ndarray | None = None
    rest_score: np.float32 = _NO_SCORE


def heading_gain(
    table: HeadingTable,
    leads: np.ndarray,
    is_lead: np.ndarray,
    forms: tuple[str, ...],
    hits: tuple[np.ndarray, np.ndarray],
    loose: np.ndarray,
    loose_share: float,
) -> Gain:
    """What a concept's ``hits`` (passage ids and scores) gain: its passages written
    ``loose`` (none of the hits; they score ``loose_share`` of the word's usual score),
    which of the hits (with those) stand under a heading holding one of ``forms``
    (:meth:`HeadingTable.gather`) or follow a lead holding it (``leads``, ``is_lead``:
    :func:`lead_next`), and the passages that do but are no hits (ascending), with their
    scores. One flag per passage and no set operation on the hits
    (np.union1d and np.isin sort or hash their inputs: ~1 ms for a common word's
    thousands of hits), nor a sort of the passages under the headings (tens of thousands
    for a common word at 100 MB)."""
    pids, scores = hits
    n = leads.size
    loose_score = _NO_SCORE
    if loose.size:
        # written with a word inside (扩大国内需求 for 扩大内需, 乡村全面振兴 for 乡村
        # 振兴): a synonym's share of the word's usual score
        weight = median(scores) if pids.size else idf_of(loose.size, n)
        loose_score = np.float32(loose_share * weight)
        pids = np.concatenate([pids, loose])
        scores = np.concatenate([scores, np.full(loose.size, loose_score, np.float32)])
    # in no order, repeats allowed
    under = table.gather(forms)
    # the paragraphs the hits lead (unsorted, each once: one lead per paragraph);
    # leads are few, so a flag per passage is looked up first
    nxt = leads[pids[is_lead[pids]]]
    if not (under.size or nxt.size):
        return Gain(loose, loose_score)
    flag = np.zeros(n, dtype=bool)
    flag[under] = True
    if pids.size:
        # the word's usual score where it is written
        ref = np.float32(median(scores))
    else:
        # in headings only, that of a word as common as the passages under them (no
        # hit, so no lead either)
        ref = np.float32(idf_of(flagged(flag, under).size, n))
    flag[nxt] = True
    raised = np.flatnonzero(flag[pids]).astype(np.int32)
    # only the hits raised are flagged: unflagging those is unflagging all the hits (a
    # common word's 30,000 hits at 100 MB, of which a few thousand are raised)
    flag[pids[raised]] = False
    # the passages under or led, not hits, in order
    rest = flagged(flag, np.concatenate([under, nxt]) if nxt.size else under)
    return Gain(
        loose,
        loose_score,
        raised=raised,
        bonus=np.float32(HEADING_BONUS) * ref,
        rest=rest,
        rest_score=np.float32(HEADING_SHARE) * ref,
    )
