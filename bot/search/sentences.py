"""Where a query's words stand in passage texts: sentences and opening titles.

Pure functions over normalised passage texts, used when the best passages of a window
are reordered (``window.Window.ordered``): the largest share of a query's words (each a word
and its synonyms) that one sentence of a passage holds (``same_sentence_shares``: the
texts joined, each word's occurrences found on the code points and placed in their
sentence by a sorted search), and whether a passage opens with a short title naming
every word (``title_shares``; a four-character word as its two halves in order).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import accumulate

import numpy as np

# A passage's title is the text before its first 。 when that is at most TITLE_CHARS
# characters and TITLE_BODY_CHARS or more follow (see ``window.TITLE_WEIGHT``).
TITLE_CHARS = 24
TITLE_BODY_CHARS = 20
SENTENCE_ENDS = "。；;！？!?\n"
# Whether a character (below U+10000, where every sentence end is) ends a sentence: one
# table look-up per character of the texts read, where a regular expression's matches
# cost a Python call each (a third of the share's time).
_ENDS_SENTENCE = np.zeros(0x10000, dtype=bool)
_ENDS_SENTENCE[[ord(c) for c in SENTENCE_ENDS]] = True


def same_sentence_share(text: str, words: tuple[tuple[str, ...], ...]) -> float:
    """The largest share of ``words`` (each a word and its synonyms) that one sentence of
    ``text`` holds; 0 when no sentence holds two of them."""
    return float(same_sentence_shares([text], words)[0])


def same_sentence_shares(texts: list[str], words: tuple[tuple[str, ...], ...]) -> np.ndarray:
    """:func:`same_sentence_share` of many passages at once: the texts are joined by a
    sentence end, each word's occurrences found in the whole (:func:`_occurrences`) and
    placed in their sentence by a sorted search. Splitting every passage into sentences
    and testing each for every form cost 2.5 times as much (a third of a multi-word
    query's time)."""
    out = np.zeros(len(texts), dtype=np.float32)
    if len(words) < 2 or not texts:
        return out
    blob = "\n".join(texts)
    points = _code_points(blob)
    ends = _sentence_ends(blob, points)
    # held[i, s]: whether sentence s holds word i (a form of it)
    held = np.zeros((len(words), ends.size + 1), dtype=bool)
    for i, forms in enumerate(words):
        for at in _occurrences(blob, forms, points):
            held[i, np.searchsorted(ends, at, side="right")] = True
    count = held.sum(axis=0, dtype=np.int32)
    # the first sentence of each passage (they are joined by one character)
    starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
    best = np.maximum.reduceat(count, np.searchsorted(ends, starts, side="right"))
    return _shares_of_counts(len(words))[best]


def title_shares(texts: list[str], words: tuple[tuple[str, ...], ...]) -> np.ndarray:
    """Per passage text, 1 when its title holds every one of ``words`` (each a tuple of
    forms), else 0 (see :data:`TITLE_WEIGHT`), float32."""
    out = np.zeros(len(texts), dtype=np.float32)
    if not words:
        return out
    for i, text in enumerate(texts):
        end = text.find("。", 0, TITLE_CHARS + 1)
        if end <= 0 or len(text) - end - 1 < TITLE_BODY_CHARS:
            continue
        title = text[:end]
        for forms in words:
            if not _title_names(title, forms):
                break
        else:
            out[i] = 1
    return out


def _title_names(title: str, forms: tuple[str, ...]) -> bool:
    """Whether ``title`` holds one of ``forms`` (a word and its synonyms), whole or, for
    four characters, as two halves in order (a loop: a generator cost a third of the
    titles' time)."""
    for f in forms:  # noqa: SIM110  (any() of a generator: the cost measured above)
        if f and (f in title or _halves_in(f, title)):
            return True
    return False


def _halves_in(word: str, title: str) -> bool:
    """Whether ``title`` holds the two halves of a four-character ``word`` in order
    (深化国企国资改革 holds 国企改革)."""
    if len(word) != 4:
        return False
    at = title.find(word[:2])
    return at >= 0 and title.find(word[2:], at + 2) >= 0


@lru_cache(maxsize=64)
def _shares_of_counts(n_words: int) -> np.ndarray:
    """The share of ``n_words`` that a sentence holding 0, 1 … ``n_words`` of them
    counts for, float32 as ranked (one, alone, counts nothing): a look-up where a
    whole-array ``where`` and two casts per query cost more."""
    shares = [0.0, 0.0] + [k / n_words for k in range(2, n_words + 1)]
    table = np.array(shares, dtype=np.float64).astype(np.float32)
    table.flags.writeable = False
    return table


def _code_points(text: str) -> np.ndarray:
    """``text`` as code points (UTF-32, one per character, so offsets are the string's)."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def _sentence_ends(text: str, points: np.ndarray | None = None) -> np.ndarray:
    """The offsets just past each sentence end of ``text`` (its :func:`_code_points`,
    if made already), ascending: the code points looked up in :data:`_ENDS_SENTENCE` (a
    code point above the table is clipped to U+FFFF, no end)."""
    if points is None:
        points = _code_points(text)
    ends = np.flatnonzero(np.take(_ENDS_SENTENCE, points, mode="clip"))
    ends += 1
    return ends


def _occurrences(text: str, forms: tuple[str, ...], points: np.ndarray) -> list[np.ndarray]:
    """Where ``forms`` (a word and its synonyms) start in ``text`` (``points``: its
    :func:`_code_points`): every start of each form, overlapping or not, found on the
    code points (its first character's places, each next one tested there: a few array
    operations, where ``str.find`` once a place cost a Python call each); in no order,
    empty arrays left out.

    What the share reads is which *sentences* these start in, and that is the same as
    for one expression of the forms (longest first, not overlapping): a start that the
    expression skips lies inside a match that began earlier in the same sentence, since
    no form holds a sentence end. A form that does (rare) is looked for with that
    expression. Compiling one for a word's synonyms cost 50–160 µs on first sight of
    the word, more than the search."""
    if any(ch in SENTENCE_ENDS for form in forms for ch in form):
        at = [m.start() for m in _forms_pattern(forms).finditer(text)]
        return [np.asarray(at, dtype=np.intp)] if at else []
    out: list[np.ndarray] = []
    for form in forms:
        if not form or len(form) > points.size:
            continue
        want = _code_points(form)
        last = points.size - want.size  # the last place a form of this size starts
        if want.size == 2:
            at = np.flatnonzero((points[: last + 1] == want[0]) & (points[1:] == want[1]))
        else:
            at = np.flatnonzero(points[: last + 1] == want[0])
            for k in range(1, want.size):
                if not at.size:
                    break
                at = at[points[at + k] == want[k]]
        if at.size:
            out.append(at)
    return out


@lru_cache(maxsize=1024)
def _forms_pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    """One expression for a word and its synonyms, longest first."""
    return re.compile("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)))


# A figure: digits, or a count in Chinese numerals with its measure word (百家, 三个, 两倍).
_FIGURE_RE = re.compile("[0-9]|[一二两三四五六七八九十百千]+[个家项座所条名倍]")
# The number of a plan's item opening its passage (1. 加快新食品原料挖掘, 8.完善创新创业载体体系,
# （3）, 2、): it counts the items, not the thing, and stood beside the thing a count asked of
# as the goal's figure did (研制并获批3—5种新食品原料): the task line tied with the goal's.
_ITEM_NUMBER_RE = re.compile(r"\s*(?:[（(]\s*[0-9]+\s*[)）]|[0-9]+\s*[.．、](?![0-9]))")


def figures_near(texts: list[str], words: tuple[tuple[str, ...], ...], reach: int) -> np.ndarray:
    """Per text, whether a figure (:data:`_FIGURE_RE`) starts less than ``reach``
    characters after an occurrence of one of ``words`` (each a word and its synonyms) or
    ends less than ``reach`` before it: the line giving the count of the thing a question
    counts (打造百家领军企业, 复耕复种85万亩), not one naming the thing alone or a figure of
    something else further on. The words are looked for first (a text without them is
    done), then the figures, found once per text; each occurrence is checked by a
    bisection of their places."""
    forms = tuple(sorted({f for group in words for f in group if f}))
    out = np.zeros(len(texts), dtype=bool)
    if not forms:
        return out
    pattern = _forms_pattern(forms)
    for i, text in enumerate(texts):
        places = [(m.start(), m.end()) for m in pattern.finditer(text)]
        if not places:
            continue
        item = _ITEM_NUMBER_RE.match(text)
        skip = item.end() if item else 0
        figures = [(m.start(), m.end()) for m in _FIGURE_RE.finditer(text, skip)]
        starts = [a for a, _ in figures]
        ends = [b for _, b in figures]
        for start, end in places:
            after = bisect_left(starts, end)
            before = bisect_right(ends, start) - 1
            if (after < len(starts) and starts[after] < end + reach) or (
                before >= 0 and ends[before] > start - reach
            ):
                out[i] = True
                break
    return out


def heading_shares(headings: list[str], words: tuple[tuple[str, ...], ...]) -> np.ndarray:
    """Per heading text, the share of ``words`` (each a word and its synonyms) it holds,
    whole or, for four characters, as two halves in order (see
    ``window.HEADING_WEIGHT``), float32. A form of one character counts nothing: a lone
    难 or 好 is in any heading writing 困难 or 更好."""
    out = np.zeros(len(headings), dtype=np.float32)
    if not words:
        return out
    long_forms = [tuple(f for f in forms if len(f) > 1) for forms in words]
    # a window's passages share a few headings: each is read once
    seen: dict[str, float] = {"": 0.0}
    for i, heading in enumerate(headings):
        share = seen.get(heading)
        if share is None:
            held = sum(_title_names(heading, forms) for forms in long_forms if forms)
            share = seen[heading] = held / len(words)
        out[i] = share
    return out
