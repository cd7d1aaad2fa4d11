"""The region a query names ranks first (issue 13: "documents whose metadata match rank
first, a strong boost, not a hard filter").

The searcher ranks passages by level, the number of the query's concepts each matches,
the facets among them. The region facet alone is one concept, so another place's line
holding one more of the query's words (贵州's 民营企业 line for 四川 民营企业 支持政策)
outranked the region's own. Here the candidates in the documents of the region named (or
of a place inside it: 山东 covers 烟台) are lifted above every level the others can reach,
so they come first whenever any of them matches; the others still answer after them, and
alone when none does. Passages of other documents that only name the place in their text
(山东 in a national report) are not lifted: they keep the facet's score.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

# Up to this many documents, their passages are lifted slice by slice (a document's
# passages are one run of ids); past it one whole-corpus pass is cheaper than the loop.
_SLICED_DOCS = 48


def lift(
    level: np.ndarray,
    p_doc: np.ndarray,
    home: list[np.ndarray],
    span: int,
    first_pid: Sequence[int] | None = None,
) -> np.ndarray:
    """``level`` (one per passage, 0 for no candidate; every level below ``span``) with
    the candidates in the ``home`` documents (ids of the region's documents; ``p_doc``
    each passage's document) raised by ``span``, in place. With ``first_pid`` (each
    document's first passage id, documents' passages contiguous) a few documents are
    lifted by their slices, so the cost is their passages', not the corpus's."""
    if not home:
        return level
    docs = np.unique(np.concatenate(home))
    if not docs.size:
        return level
    if first_pid is not None and docs.size <= _SLICED_DOCS:
        n_docs, n = len(first_pid), len(level)
        for d in docs.tolist():
            part = level[first_pid[d] : first_pid[d + 1] if d + 1 < n_docs else n]
            part[part > 0] += span
        return level
    in_home = np.zeros(int(max(docs.max(), p_doc.max(initial=0))) + 1, dtype=bool)
    in_home[docs] = True
    candidates = np.flatnonzero(level)
    level[candidates[in_home[p_doc[candidates]]]] += span
    return level


def within(level: int, span: int) -> int:
    """The level a lifted ``level`` had before :func:`lift`."""
    return level % span
