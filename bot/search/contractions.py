"""The reader's shorter word: a query word the corpus never writes that is a contraction of
a longer word it does write (快递量 for 快递业务量, 研发费 for 研发经费).

A reader types the word as said, the document writes it in full. The contraction keeps
the full word's head and tail and drops a few characters between two of its words: the
query word cut by the segmenter (快递|量) is looked for as its head, one to
:data:`MAX_INSERTED` Chinese characters, and its tail, in the passages that hold the head
(快递 + 业务 + 量). The longer words found are alternatives of the query word; the search
uses them only when the word as typed is not written anywhere (see the searcher). Pure.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

# At most this many characters dropped between the head and the tail (快递业务量: 2)
MAX_INSERTED = 2
# The longer words kept, the most often written first
MAX_EXPANSIONS = 3


def expansions(pieces: Sequence[str], texts: Iterable[str]) -> list[str]:
    """The longer words ``texts`` write that the word of ``pieces`` (its segmenter's cut,
    two pieces or more) contracts: a split between two pieces, the characters before and
    after it kept, one to :data:`MAX_INSERTED` Chinese characters between; those written
    more often than the word itself (a word the texts use as typed is no contraction to
    read otherwise), the most frequent first, at most :data:`MAX_EXPANSIONS`."""
    if len(pieces) < 2:
        return []
    patterns = [
        re.compile(
            re.escape("".join(pieces[:k]))
            + f"([\u4e00-\u9fff]{{1,{MAX_INSERTED}}}?)"
            + re.escape("".join(pieces[k:]))
        )
        for k in range(1, len(pieces))
    ]
    word = "".join(pieces)
    seen: Counter[str] = Counter()
    written = 0
    for text in texts:
        written += text.count(word)
        for pattern in patterns:
            for m in pattern.finditer(text):
                seen[m.group()] += 1
    # the corpus's own form: a longer word written more often than the word as typed
    return [w for w, n in seen.most_common(MAX_EXPANSIONS) if n > written]
