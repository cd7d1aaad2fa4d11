"""Pure: the words of a comparison that frame a question rather than name its topic.

A question that compares (农民收入涨得比城里快吗, 今年收入比去年多吗, 房价比全国高吗) puts 比
before what it compares with and a one-character adjective after it (快, 高, 多 …). The
documents state a comparison with figures (比上年增长8.3%, 高于全国), and never write the
question's 快 or 多; searched as words, 比 and 快 match every line of a bulletin that says
比上年 and outrank the line on the topic. A verb the segmenter glues to 得 (涨得, 卖得, 干得)
before 比, before the adjective or before an asking word (卖得怎么样) asks how something
went, as the 得 of 发展得怎么样 does (``framing``); documents write 增长 and 销售, never 涨得.

Left out of the words searched when other words remain (``asking.content_words``). What is
compared with (城里, 去年) stays: a year is a facet, a place or a group a word of the topic.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

# The adjective a comparison is made on, one character typed as a word of its own after
# what is compared with (比城里快, 比去年多). 多少, 高于, 大于 are other words.
COMPARED_ON = frozenset("快慢高低多少大小好差")
# One-character verbs of change or of doing that the segmenter glues to 得 (涨得, 卖得,
# 干得): 获得, 取得, 值得, 记得 are words of their own, their first character none of these.
GLUED_VERBS = frozenset("涨跌升降增减卖买干做搞办跑长")
# The words that may stand between 比 and its adjective (比 | 城里 | 快, 比 | 去年 | 同期 | 多).
MAX_BETWEEN = 3
# One-character verbs of change that a question puts before the count it asks (涨了多少,
# 从多少涨到多少, 降到多少): documents write 增长, 提高, 下降 … with the figures, never the lone
# character. Two-character verbs (提高到多少, 增加到多少) are the documents' words and stay.
CHANGE_VERBS = frozenset("涨跌升降增减")

Words = Sequence[tuple[str, int, int]]


def comparison_words(words: Words, asking: Collection[str]) -> set[int]:
    """Positions of the words that frame a comparison (see the module's doc): 比 with the
    adjective of :data:`COMPARED_ON` one to :data:`MAX_BETWEEN` words after it, and a
    verb of :data:`GLUED_VERBS` glued to 得 before 比, such an adjective or an ``asking``
    word. A 比 with no adjective after it (比上年 增长) is left as typed."""
    out: set[int] = set()
    for k, (w, _, _) in enumerate(words):
        if w == "比":
            for j in range(k + 2, min(len(words), k + 2 + MAX_BETWEEN)):
                if words[j][0] in COMPARED_ON:
                    out.update((k, j))
                    break
        elif (
            len(w) == 2
            and w[1] == "得"
            and w[0] in GLUED_VERBS
            and k + 1 < len(words)
            and (
                words[k + 1][0] == "比"
                or words[k + 1][0] in COMPARED_ON
                or words[k + 1][0] in asking
            )
        ):
            out.add(k)
    return out


def change_words(words: Words, counted: Callable[[str], bool]) -> set[int]:
    """Positions of the words that frame a change asked by its figures (see
    :data:`CHANGE_VERBS`): before a ``counted`` word (多少, 几, 几倍), the 到 it is reached
    with (提高到多少, 涨到多少, and the segmenter's 降到), a one-character verb of change
    before that 到 or before 了 (涨了多少), and the 从 of the figure it started from
    (从多少涨到多少)."""
    out: set[int] = set()
    for k, (w, _, _) in enumerate(words):
        if not counted(w):
            continue
        j = k - 1
        if j >= 0 and words[j][0] == "从":
            out.add(j)
        if j >= 0 and words[j][0] in ("到", "了"):
            if words[j][0] == "到":
                out.add(j)
            j -= 1
        if j >= 0 and (
            words[j][0] in CHANGE_VERBS
            or (len(words[j][0]) == 2 and words[j][0][0] in CHANGE_VERBS and words[j][0][1] == "到")
        ):
            out.add(j)
    return out
