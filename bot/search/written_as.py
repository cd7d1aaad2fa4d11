"""How the documents write a concept, worked into its hits: a compound that the
documents the rest of the query points to never write whole is looked for as its words
(:mod:`.apart`), and a passage naming the concept only as the whole of a share (占, 与…比,
:mod:`.shares`) counts less.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import cached_property

import numpy as np

from bot.models import Understood
from bot.search import apart, shares
from bot.search.asking import QUESTION_WORDS
from bot.search.concepts import Concept
from bot.search.memo import remember
from bot.text.normalize import normalize

# How many words' documents (:class:`apart.DocumentsRead`, a flag per document each) are
# kept from one query to the next: a common word beside a compound had its list read
# again by every query naming it (~100-400 µs at 100 MB).
DOCUMENTS_MEMO_SIZE = 1_024


class WrittenAs:
    """Compounds apart and shares' wholes for :class:`~bot.search.searcher.Searcher`: a
    mixin of it, reading its index, postings, facets and word splitting."""

    def _as_wholes(
        self, concept: Concept, got: tuple[np.ndarray, np.ndarray]
    ) -> tuple[np.ndarray, np.ndarray]:
        """``got`` (a concept's pids and scores) with the passages that name the concept
        only as the whole of a share (see :mod:`.shares`) at :data:`shares.WHOLE_SHARE` of
        their score. Of the concept's own passages only those holding 占 or 与 are read
        (``CompiledIndex.with_char``)."""
        pids, scores = got
        forms = tuple(a.text for a in concept.alternatives if len(a.text) >= 2)
        if not forms or not pids.size or concept.fixed is not None or concept.exclude:
            return got
        ix = self.index
        # only where 占 (or a ratio's 与) is followed by a form (through what may stand
        # between) can a form be a whole: the bytes after the mark compared first, the few
        # such texts decoded (a common word's concept held hundreds of 占 passages, all
        # decoded, ~1 ms)
        found = []
        for mark in shares.MARKS:
            maybe = np.flatnonzero(self._mark_flags(mark)[pids])
            if maybe.size:
                found.append(maybe[ix.followed_by(mark, shares.BETWEENS, forms, pids[maybe])])
        maybe = np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.intp)
        if not maybe.size:
            return got
        texts = ix.passages_norm_texts(pids[maybe])
        lower = [
            k
            for k, text in zip(maybe.tolist(), texts, strict=True)
            if shares.only_as_whole(text, forms)
        ]
        if not lower:
            return got
        scores = scores.copy()
        scores[lower] *= np.float32(shares.WHOLE_SHARE)
        return pids, scores

    def _apart_where_asked(
        self,
        concepts: list[Concept],
        facets: Understood | None,
        hits_of: Callable[[Concept], tuple[np.ndarray, np.ndarray]] | None = None,
    ) -> list[Concept]:
        """``concepts`` with each compound that the documents the rest of the query points
        to never write whole looked for as its words, whole first (see :mod:`.apart`)."""
        required = [
            c for c in concepts if not (c.exclude or c.optional or c.soft or c.fixed is not None)
        ]
        region = facets.region if facets and facets.any else None
        if len(required) < 2 and not region:
            return concepts
        ix = self.index
        n_docs = len(ix.docs)
        hits_of = hits_of or self._hits.concept_hits
        docs: dict[int, np.ndarray] = {}

        def documents(concept: Concept) -> np.ndarray:
            # once per word, not once per compound it stands beside
            k = id(concept)
            if k not in docs:
                pids = hits_of(concept)[0]
                docs[k] = self._documents_read(concept, pids).all(pids, ix.p_doc)
            return docs[k]

        def held_where_pointed(
            own: np.ndarray, in_region: np.ndarray | None, others: list[Concept]
        ) -> bool:
            # Whether a document holding the compound (``own``) is pointed to: of the
            # region asked, holding every other word. The other words' lists are read
            # only until that is settled (``apart.documents_among``): a common word's
            # list has passages in the compound's documents within its first few
            # thousand, where all its documents took the whole list (~100-300 µs at
            # 100 MB). When none is, the whole scope is worked out as before.
            among = own.copy()
            if in_region is not None:
                flags = np.zeros(n_docs, dtype=bool)
                flags[np.asarray(in_region, dtype=np.intp)] = True
                among &= flags
            for k, o in enumerate(others):
                if not among.any():
                    return False
                known = docs.get(id(o))
                if known is not None:
                    among &= known
                else:
                    last = k == len(others) - 1
                    pids = hits_of(o)[0]
                    among = self._documents_read(o, pids).among(pids, ix.p_doc, among, one=last)
            return bool(among.any())

        out = list(concepts)
        for c in required:
            if not c.alternatives or c.label in QUESTION_WORDS:
                continue
            pieces = apart.compound_words(normalize(c.label), self._split_known)
            if not pieces:
                continue
            in_region = self._regions_docs(facets.all_regions) if region and facets else None
            own = self._documents_in_body(c, hits_of(c)[0])
            if held_where_pointed(own, in_region, [o for o in required if o is not c]):
                continue  # a document pointed to holds it whole: as typed
            others = (documents(o) for o in required if o is not c)
            scope = apart.pointed_to(in_region, others, n_docs)
            if apart.written_apart(scope, own):
                k = out.index(c)
                out[k : k + 1] = [self._concept(p) for p in pieces] + [replace(c, optional=True)]
        return out

    def _mark_flags(self, mark: str) -> np.ndarray:
        """Per passage, whether it holds ``mark`` and what a whole after it needs
        (:data:`shares.ALSO_HELD`: 与 with 比): the passages :meth:`_as_wholes` reads
        for ``mark``; worked out once per index and mark."""
        flags = self._mark_flag_memo.get(mark)
        if flags is None:
            flags = self.index.with_char(mark)
            also = shares.ALSO_HELD.get(mark)
            if also is not None:
                flags = flags & self.index.with_char(also)
            flags.flags.writeable = False
            self._mark_flag_memo[mark] = flags
        return flags

    @cached_property
    def _mark_flag_memo(self) -> dict[str, np.ndarray]:
        return {}

    def _documents_read(self, concept: Concept, pids: np.ndarray) -> apart.DocumentsRead:
        """The documents of ``concept``'s passages ``pids`` read so far, kept from one
        query to the next (its passages depend on the word and its alternatives only)."""
        key = ("all", concept.label, concept.exclude, tuple(concept.alternatives))
        read = self._documents_memo.get(key)
        if not isinstance(read, apart.DocumentsRead) or read.size != pids.size:
            read = apart.DocumentsRead(len(self.index.docs), pids.size)
            remember(self._documents_memo, key, read, DOCUMENTS_MEMO_SIZE, self._evict_lock)
        return read

    @cached_property
    def _documents_memo(self) -> dict[tuple, object]:
        return {}

    def _documents_in_body(self, concept: Concept, pids: np.ndarray) -> np.ndarray:
        """Which documents hold ``pids`` in their body text: a compound a document writes
        whole only in a chart or table caption, a data-source note or a copy (图1
        2017-2023年周口市粮食总产量, 表3 …主要农产品产量) is one its text writes apart
        (粮食播种面积…，总产量902.61万吨), and is looked for as its words there."""
        # the captions' flags read with the list, a part at a time: a common compound's
        # list holds every document within its first few thousand passages; kept from
        # one query to the next as :meth:`_documents_read`
        key = ("body", concept.label, concept.exclude, tuple(concept.alternatives))
        held = self._documents_memo.get(key)
        if not isinstance(held, np.ndarray) or held.size != len(self.index.docs):
            held = apart.documents_of(
                pids, self.index.p_doc, len(self.index.docs), skip=self._demoted
            )
            held.flags.writeable = False
            remember(self._documents_memo, key, held, DOCUMENTS_MEMO_SIZE, self._evict_lock)
        return held

    def _regions_docs(self, regions: tuple[str, ...]) -> np.ndarray:
        """Ids of the documents of every region named (山东 江苏: both provinces')."""
        found = [self._facets.region_docs(r) for r in regions]
        return found[0] if len(found) == 1 else np.unique(np.concatenate(found))
