"""Pure: a phrase of three or more words written with a list inside it, before its last
word. Policy documents put the kinds of a thing between the verb and the thing
(降低企业用电、用气、物流成本 for 降低企业成本; 降低企业用能、融资、物流、人力等成本): a phrase
searched whole (a synonym entry such as 降低企业成本) is found there too. Only a list (items
joined by 、) counts as the gap, of short items within one clause."""

from __future__ import annotations

import re
from functools import lru_cache

# an item of the list: a few characters, no punctuation (the clause's bounds, the list's 、)
_ITEM = r"[^、，,。.；;：:！!？?\s]{1,6}"


@lru_cache(maxsize=1024)
def gapped(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """The pattern of ``words`` (the phrase's index terms, in order) written with a list
    of short items before the last one, or None for a phrase of fewer than three words
    or not in Chinese."""
    if len(words) < 3 or not all(re.fullmatch(r"[\u3400-\u9fff]+", w) for w in words):
        return None
    head, last = "".join(words[:-1]), words[-1]
    return re.compile(f"{re.escape(head)}{_ITEM}(?:、{_ITEM})+{re.escape(last)}")
