"""What a typo correction of a query may not touch, and what is no correction at all.

The words of a question meant as typed (an asking word :func:`asks`, :func:`asking`; a
verb of change :func:`change_positions`; its one-character function words
:data:`SENTENCE_CHARS`) and the replacements that are no fix of a slip (one taking away a
character typed as a word, :func:`lone_replaced`; a window moved along the corpus's
sentence, :func:`shifted`; one only adding characters, :func:`kept_in`).
:class:`bot.search.correct.Corrector` asks them. Pure.
"""

from __future__ import annotations

from bot.search import comparing, framing
from bot.search.asking import ASKING_WORDS, FUNCTION_CHARS, QUESTION_WORDS
from bot.search.fuzzy import sounds_alike
from bot.text.tokenize import is_cjk_word


def asks(word: str) -> bool:
    """Whether ``word`` asks, as a real word of two or more characters (多久, 哪里, 怎么, 多少)
    or a count asked as one word (几家, 第几个): no span holding it is corrected (多久能得到
    救助 is no 多能得到救助, 多少万 no 多万: the asking word was meant)."""
    return (
        len(word) >= 2 and (word in ASKING_WORDS or word in framing.COUNT_ASKED)
    ) or framing.asks_count(word)


# The verbs of change, and 少/多 as a colloquial question says a change (比上年少了吗, 成都
# 买房的少了, 地铁坐的人少了没): 少 was read as a typo (少了吗 -> 末了吗)
_CHANGE_CHARS = comparing.CHANGE_VERBS | frozenset("少多")


def change_positions(words: list[tuple[str, int, int]]) -> set[int]:
    """Positions of the one-character verbs of change said to have happened or to reach a
    level (降了, 涨了, 降到, and the segmenter's 增了): how a colloquial question asks about a
    change (粮食产量降了多少), never a typo. A span holding one was corrected to the corpus's
    phrase around it (粮食产量降 -> 粮食产量要), which left one line of another place."""
    out: set[int] = set()
    for k, (w, _, _) in enumerate(words):
        if w[:1] not in _CHANGE_CHARS:
            continue
        glued = len(w) == 2 and w[1] in "了到"
        apart = len(w) == 1 and k + 1 < len(words) and words[k + 1][0] in ("了", "到")
        if glued or apart:
            out.add(k)
    return out


# The one-character words a question is built of (要达到多少, 是怎么确定的, 快了多少倍, 到2027年
# 培育多少, 比上年少了吗, 2025年前能完成吗): in a question each is meant as typed, never a typo
# for the corpus's word in its place (要 -> 约, 是 -> 市, 了 -> 乐, 到 -> 新, 比 -> 均, 前 -> 潜).
SENTENCE_CHARS = FUNCTION_CHARS | frozenset("到比前")


def lone_replaced(
    words: list[tuple[str, int, int]], flags: list[bool], a: int, b: int, term: str
) -> bool:
    """Whether ``term``, the correction of words ``a``..``b``, takes away a character typed
    as a word of its own before a word typed right (总|投资, 搞|技改) without putting one
    that sounds like it in its place: in a question (the caller's condition) that
    character is what is asked (总投资多少 is no 共投资多少, 新投资多少 or 要求投资多少; 搞技改
    no 达技改), not a slip. A slip of sound keeps its place (就叶 -> 就业); one of shape
    makes a word with its neighbours (收人 -> 收入), and the word after is no word typed
    right then (人|群体 is 收入|群体)."""
    base, end = words[a][1], words[b][2]
    same_length = len(term) == end - base
    for k in range(a, b + 1):
        w, at, _ = words[k]
        if k + 1 >= len(words) or len(w) != 1 or not is_cjk_word(w) or flags[k + 1]:
            continue
        after, after_at, _ = words[k + 1]
        if len(after) < 2 or not is_cjk_word(after) or asking(after) or words[k][2] != after_at:
            continue
        if k + 1 <= b:
            if w + after in term:
                continue
        elif term.endswith(w):
            continue
        if same_length and sounds_alike(w, term[at - base]):
            continue
        return True
    return False


def asking(word: str) -> bool:
    """Whether ``word`` asks, alone or glued to a measure (多少倍, 几家, 有多长)."""
    return (
        word in ASKING_WORDS
        or word in QUESTION_WORDS
        or asks(word)
        # (a count asked with 几 is ``framing.asks_count``'s: 几字湾 is a name)
        or any(q in word for q in ("多少", "多长", "多大", "多高", "多久"))
    )


def shifted(text: str, term: str) -> bool:
    """Whether ``term`` is ``text`` moved along the corpus's sentence by a character or
    more (区总规划面积 -> 总规划面积约): characters dropped at one end and others added
    at the other are no correction of a typo, but a window on the phrase beside it."""
    for n in (1, 2):
        if len(text) - n >= 2 and (
            (term.startswith(text[n:]) or term.endswith(text[:-n])) and len(term) > len(text) - n
        ):
            return True
    return False


def kept_in(typed: str, other: str) -> bool:
    """Whether every character of ``typed`` is in ``other``, in order (``other`` only adds)."""
    chars = iter(other)
    return all(ch in chars for ch in typed)
