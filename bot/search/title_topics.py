"""The topic a document's title names, as a match of every passage of the document.

A plan, an opinion or a report on one subject (国务院关于数字经济发展情况的报告, 关于推动未来
产业创新发展的实施意见, 上海市脑机接口未来产业培育行动方案) rarely repeats its subject in each
paragraph: its lines on 5G users, 监管 or 临床试验 are about 数字经济, 未来产业, 脑机接口
because of where they stand. A user naming the subject with a detail (数字经济 5G 用户,
未来产业 监管 怎么做) means such a line, so every passage of a document whose title names a
word of the query matches that word, at :data:`TITLE_TOPIC_SHARE` of the word's usual
score: a passage writing the word still counts more.

Pure and small: the topic text of a title (:func:`topic_text`) and, over an index's
documents, the passages of those whose title names one of a word's forms
(:class:`TitleTopics`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate

import numpy as np

from bot.text.normalize import normalize

# A passage of a document whose title names a word matches the word at this share of the
# word's median score where written (the heading rule's 0.8 is for a part of a document;
# the title stands over all of it, so it says less of any one passage).
TITLE_TOPIC_SHARE = 0.5
# The least characters of a form looked for in titles: two-character words (发展, 创新,
# 产业, 建设) are in the titles of plans on every subject.
MIN_FORM_CHARS = 3
# A word named in the titles of more documents than this (at least TITLE_MIN_DOCS, else this
# share of the documents) names no one subject (产业发展, 高质量发展 in a large library).
TITLE_MAX_SHARE = 0.05
TITLE_MIN_DOCS = 3

# 关于印发《…》的通知: the title proper of a document sent with a cover notice
_QUOTED = re.compile(r"《([^》]+)》?")


def topic_text(title: str) -> str:
    """The normalised text of ``title`` that names the document's subject: the first
    title in 《》 when it quotes one (the rest is the cover notice, its issuer and the
    offices it is sent to), else the whole title."""
    text = normalize(title or "")
    m = _QUOTED.search(text)
    return m.group(1) if m else text


class TitleTopics:
    """The topic texts of an index's documents and where their passages lie."""

    def __init__(self, titles: Sequence[str], first_pids: Sequence[int], n_passages: int):
        texts = [topic_text(t) for t in titles]
        # one string for all the titles, each after a separator no title holds: a form is
        # looked for by str.find (C speed), at most once per document it names
        self._joined = "".join(f"\x00{t}" for t in texts)
        self._starts = list(accumulate((len(t) + 1 for t in texts), initial=0))[:-1]
        ends = [*first_pids[1:], n_passages]
        self._spans = list(zip(first_pids, ends, strict=True))
        self._most = max(TITLE_MIN_DOCS, int(TITLE_MAX_SHARE * len(texts)))

    def documents_naming(self, forms: Sequence[str]) -> list[int]:
        """The documents (indexes, ascending) whose title names one of ``forms`` of at
        least :data:`MIN_FORM_CHARS` characters; none when more than the cap do."""
        found: set[int] = set()
        for form in forms:
            if len(form) < MIN_FORM_CHARS or "\x00" in form:
                continue
            at = self._joined.find(form)
            while at >= 0:
                doc = bisect_right(self._starts, at) - 1
                found.add(doc)
                if len(found) > self._most:
                    return []
                nxt = doc + 1
                if nxt >= len(self._starts):
                    break
                at = self._joined.find(form, self._starts[nxt])
        return sorted(found)

    def passages_naming(self, forms: Sequence[str]) -> np.ndarray:
        """The passages (ascending ids) of the documents :meth:`documents_naming` finds."""
        spans = [self._spans[i] for i in self.documents_naming(forms)]
        if not spans:
            return np.zeros(0, dtype=np.intp)
        return np.concatenate([np.arange(a, b, dtype=np.intp) for a, b in spans])
