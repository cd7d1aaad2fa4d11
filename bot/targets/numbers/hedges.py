"""Hedges around a figure: ``约``, ``不低于``, ``超过`` before it, ``左右``, ``以上`` after.

:func:`_pre_qualifier` finds the hedge written right before a number (not the 过 of
通过 or the 近 of 接近); ``_POST_QUALIFIER_RE`` the one right after its unit.
"""

from __future__ import annotations

import re

# 多 after the measure word is a hedge only at the end of a phrase (3000人多，); before a
# word it starts that word (52种多发常见慢性病).
_POST_QUALIFIER_RE = re.compile(r"左右|以上|以内|以下|上下|之内|之上|多(?![\u4e00-\u9fff])")
_PRE_QUALIFIERS = (
    "不少于",
    "不低于",
    "不超过",
    "不高于",
    "不足",
    "超过",
    "高于",
    "低于",
    "少于",
    "多于",
    "大于",
    "小于",
    "约",
    "近",
    "逾",
    "超",
    "过",
)
# Characters that turn a would-be hedge into part of another word: 通过, 经过, 赶超, 接近.
_PRE_BLOCK = {
    "过": "通经超越度不难太",
    "超": "赶",
    "近": "接最附临将",
    "约": "节制公预签特",
    "低于": "不",
    "高于": "不",
}


# The last characters of the hedges: a number whose character before is none of them has
# no hedge, told by one set look-up instead of a ``startswith`` per hedge (most have none).
_PRE_LAST_CHARS = frozenset(word[-1] for word in _PRE_QUALIFIERS)


def _pre_qualifier(sentence: str, pos: int) -> str:
    if pos <= 0 or sentence[pos - 1] not in _PRE_LAST_CHARS:
        return ""
    for word in _PRE_QUALIFIERS:
        start = pos - len(word)
        if start >= 0 and sentence.startswith(word, start):
            block = _PRE_BLOCK.get(word, "")
            if block and start > 0 and sentence[start - 1] in block:
                continue
            return word
    return ""
