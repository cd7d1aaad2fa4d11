"""English topic and indicator words read as the Chinese terms reports write.

An analyst who reads English types ``employment Guizhou``, ``grain output Ningxia`` or
``/compare unemployment``: the documents are Chinese, so those words find nothing. The
glossary ``config/dictionaries/english.txt`` (one Chinese term per line, its English
forms after ``=``) gives each English form its Chinese term; :func:`with_chinese_terms`
writes a text's English forms as those terms, and the search and the indicator lookups
then read Chinese, with their synonyms and families, as they do for a Chinese reader.

Matching is on whole Latin words (a form is never part of a longer word), case-insensitive,
with simple plurals (jobs, exports, industries) read as their singular, the longest form
first (``per capita disposable income`` before ``income``). Cost: a few dictionary lookups
per Latin word of the text. Pure; the glossary file is read once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from rapidfuzz.distance import DamerauLevenshtein

_PACKAGE = Path(__file__).resolve().parents[1]
_GLOSSARY = Path("config") / "dictionaries" / "english.txt"
# the checkout's config/ or, in a regular install, the copy the package carries (as
# bot.config's PROJECT_ROOT finds them; bot.text may not import bot.config)
GLOSSARY_FILE = next(
    (
        root / _GLOSSARY
        for root in (_PACKAGE.parent, _PACKAGE / "_bundled")
        if (root / _GLOSSARY).is_file()
    ),
    _PACKAGE.parent / _GLOSSARY,
)
# A Latin word: letters, and the letters, figures and signs inside an abbreviation
# (R&D, PM2.5, CO2), never glued to another letter or figure; a possessive's s is no
# word of its own (people's democracy is two words, the 's joining them)
_WORD_RE = re.compile(
    r"(?<![A-Za-z0-9])(?<![A-Za-z]['’])[A-Za-z](?:[A-Za-z0-9&.]*[A-Za-z0-9])?(?![A-Za-z0-9])"
)
# Between the words of one form: a space or a hyphen (fixed-asset, fixed asset),
# an apostrophe's s dropped (residents' income)
_JOIN_RE = re.compile(r"['’]?\s*[\s-]\s*|['’]s?\s+")
_SPLIT_RE = re.compile(r"\s*,\s*")
# The longest form in words (energy consumption per unit of GDP)
_MAX_WORDS = 8
# A five-year plan named by its number (the 14th Five-Year Plan, 12th five-year plan
# period, 13th FYP): the reports name it 十四五. The ordinal's figures are no Latin word,
# so no glossary form can hold them; the 11th to the 19th plans (十一五 … 十九五).
# Said with a word for its span (during the 14th Five-Year Plan, over the 13th FYP) it is
# the period itself, as 十四五期间 is: what the period reached, once it has ended.
_PLAN_RE = re.compile(
    r"(?:(?<![A-Za-z0-9])(?P<span>during|over|throughout)\s+(?:the\s+)?)?"
    r"(?<![A-Za-z0-9])1([1-9])(?:st|nd|rd|th)[\s-]+"
    r"(?:five[\s-]+year(?:[\s-]+plans?)?|FYP)(?:\s+period)?(?![A-Za-z0-9])",
    re.IGNORECASE,
)
_DIGITS_CN = "一二三四五六七八九"


def singular(word: str) -> str:
    """``word`` lower-cased with a simple plural ending taken off (jobs -> job,
    industries -> industry, taxes -> tax); words that end in ss, us or is keep theirs
    (business, bonus, analysis). Both the glossary and a query are read through it, so
    a word it mangles (news -> new) still meets itself."""
    w = word.lower()
    if len(w) <= 3 or not w.endswith("s") or w.endswith(("ss", "us", "is")):
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "xes", "sses")):
        return w[:-2]
    return w[:-1]


# Words that join others (growth of, the rate in): never a word narrowing a form
# (``_narrowed``), however a longer form holds them
_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "for",
        "to",
        "and",
        "or",
        "by",
        "with",
        "from",
        "as",
        "per",
        "than",
        "into",
        "over",
        "under",
    ]
)


def _key(words: list[str]) -> str:
    return " ".join(singular(w) for w in words)


@lru_cache(maxsize=4)
def load_glossary(path: Path = GLOSSARY_FILE) -> dict[str, str]:
    """English form (its words singular, lower case, one space apart) -> Chinese term.
    A form listed twice keeps its first term."""
    out: dict[str, str] = {}
    for chinese, forms in _glossary_lines(path):
        for form in forms:
            words = [m.group() for m in _WORD_RE.finditer(form)]
            if chinese and words:
                out.setdefault(_key(words), chinese)
    return out


def _glossary_lines(path: Path) -> list[tuple[str, list[str]]]:
    """The glossary's ``中文 = form, form`` lines as (Chinese term, its English forms), in
    the file's order; comments, blank lines and lines with no ``=`` left out."""
    if not path.is_file():
        return []
    out = []
    for raw in path.read_text(encoding="utf-8-sig").splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        chinese, _, forms = line.partition("=")
        out.append((chinese.strip(), _SPLIT_RE.split(forms.strip())))
    return out


# The shortest English word a misspelling of the glossary's is looked for in: one edit
# away from a shorter word is too often another word (rate, rats, tax, tar)
MIN_SPELLED = 5


@lru_cache(maxsize=4)
def glossary_words(glossary: tuple[tuple[str, str], ...] | None = None) -> frozenset[str]:
    """The English words of the glossary's forms (singular, lower case)."""
    forms = load_glossary() if glossary is None else dict(glossary)
    return frozenset(w for form in forms for w in form.split())


def misspelled_words(
    text: str, known: Callable[[str], bool], glossary: dict[str, str] | None = None
) -> list[tuple[str, str]]:
    """(typed, meant) for each English word of ``text`` that is no word ``known`` knows
    nor the glossary's but one edit (a letter left out, added, changed or two swapped)
    from exactly one glossary word: ``specal bonds`` -> special, ``infrastucture`` ->
    infrastructure. A word of fewer than ``MIN_SPELLED`` letters, or as near to two
    glossary words, is left as typed."""
    words = glossary_words(None if glossary is None else tuple(glossary.items()))
    out: list[tuple[str, str]] = []
    for m in _WORD_RE.finditer(text):
        typed = m.group()
        low = typed.lower()
        if len(low) < MIN_SPELLED or not low.isalpha() or singular(low) in words:
            continue
        if known(low):
            continue
        near = [w for w in words if DamerauLevenshtein.distance(low, w, score_cutoff=1) <= 1]
        if len(near) == 1 and (typed, near[0]) not in out:
            out.append((typed, near[0]))
    return out


def english_terms(text: str, glossary: dict[str, str] | None = None) -> list[tuple[int, int, str]]:
    """The glossary's English forms in ``text`` as (start, end, Chinese term), in order,
    the longest form at each word first; a five-year plan named by its number (the 12th
    Five-Year Plan) is one of them, read as its period (十二五)."""
    if not any("a" <= c.lower() <= "z" for c in text):
        return []
    names = load_glossary() if glossary is None else glossary
    plans = [
        (m.start(), m.end(), f"十{_DIGITS_CN[int(m.group(2)) - 1]}五{'期间' if m['span'] else ''}")
        for m in _PLAN_RE.finditer(text)
    ]
    words = [
        (m.start(), m.end(), m.group())
        for m in _WORD_RE.finditer(text)
        if not any(lo <= m.start() < hi for lo, hi, _ in plans)
    ]
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(words):
        found = None
        for n in range(min(_MAX_WORDS, len(words) - i), 0, -1):
            apart = range(i, i + n - 1)
            if not all(_JOIN_RE.fullmatch(text, words[k][1], words[k + 1][0]) for k in apart):
                continue
            term = names.get(_key([w for _, _, w in words[i : i + n]]))
            if term is not None:
                found = (n, term)
                break
        if found is None:
            i += 1
            continue
        n, term = found
        lo, hi, term = _narrowed(words, text, i, i + n, term, names, out)
        out.append((words[lo][0], words[hi - 1][1], term))
        i = hi
    return sorted(out + plans) if plans else out


def _narrowed(
    words: list[tuple[int, int, str]],
    text: str,
    lo: int,
    hi: int,
    term: str,
    names: dict[str, str],
    before: list[tuple[int, int, str]],
) -> tuple[int, int, str]:
    """A form read with the word before or after it that narrows it: ``urban
    unemployment rate`` is no form, but the glossary's ``urban surveyed unemployment
    rate`` holds its words in order, and that entry's term (城镇调查失业率) holds the
    form's own (失业率): the reader meant the narrower indicator, which the words apart
    (urban, 失业率) never name. The narrower entry is the one whose form adds the fewest
    words, then the one listed first (the glossary lists an indicator's usual sense
    first); a word already read, or joined by anything but a space or hyphen, is left."""
    taken = before[-1][1] if before else -1
    best: tuple[int, int, int, str] | None = None  # (extra words, lo, hi, term)
    for new_lo, new_hi in ((lo - 1, hi), (lo, hi + 1), (lo - 1, hi + 1)):
        if new_lo < 0 or new_hi > len(words) or words[new_lo][0] < taken:
            continue
        if new_hi > hi and _starts_form(words, hi, names):
            continue  # the word after opens a form of its own
        if any(
            words[k][2].lower() in _FUNCTION_WORDS
            for k in (new_lo, new_hi - 1)
            if k not in (lo, hi - 1)
        ):
            # a word of the sentence's frame narrows nothing: growth of (fixed asset
            # investment) was read as the glossary's growth of the economy, 经济增长
            continue
        if not all(
            _JOIN_RE.fullmatch(text, words[k][1], words[k + 1][0])
            for k in range(new_lo, new_hi - 1)
        ):
            continue
        typed = [singular(w) for _, _, w in words[new_lo:new_hi]]
        if " ".join(typed) in names:
            continue  # a form of its own: the greedy reading found it, or a later one will
        found = (
            _containing_shipped(tuple(typed), term)
            if names is load_glossary()
            else _containing(tuple(typed), term, names)
        )
        for extra, narrower in found:
            if best is None or extra < best[0]:
                best = (extra, new_lo, new_hi, narrower)
            break
    if best is None:
        return lo, hi, term
    return best[1], best[2], best[3]


@lru_cache(maxsize=1024)
def _containing_shipped(typed: tuple[str, ...], term: str) -> tuple[tuple[int, str], ...]:
    """:func:`_containing` over the shipped glossary, remembered (a scan of every form)."""
    return tuple(_containing(typed, term, load_glossary()))


def _containing(typed: tuple[str, ...], term: str, names: dict[str, str]):
    """(words added, term) of the glossary's forms holding ``typed`` in order whose term
    is longer than ``term`` and holds it, fewest words added first, then glossary order."""
    found: list[tuple[int, int, str]] = []
    for order, (form, narrower) in enumerate(names.items()):
        if len(narrower) <= len(term) or term not in narrower:
            continue
        have = form.split(" ")
        if len(have) <= len(typed) or not _in_order(typed, have):
            continue
        found.append((len(have) - len(typed), order, narrower))
    found.sort()
    return [(extra, narrower) for extra, _, narrower in found]


def _starts_form(words: list[tuple[int, int, str]], at: int, names: dict[str, str]) -> bool:
    return any(
        _key([w for _, _, w in words[at : at + n]]) in names
        for n in range(1, min(_MAX_WORDS, len(words) - at) + 1)
    )


def _in_order(typed: tuple[str, ...], have: list[str]) -> bool:
    it = iter(have)
    return all(word in it for word in typed)


def with_chinese_terms(text: str, glossary: dict[str, str] | None = None) -> str:
    """``text`` with its English topic and indicator words written as their Chinese
    terms: ``grain output Ningxia`` -> ``粮食产量 Ningxia``; a text without any is
    returned as it is."""
    found = english_terms(text, glossary)
    if not found:
        return text
    out: list[str] = []
    pos = 0
    for lo, hi, term in found:
        out += [text[pos:lo], term]
        pos = hi
    return "".join(out) + text[pos:]


# English words that ask for the kind of passage that answers, as the Chinese query's
# question words do (bot.search.asking.QUESTION_WORDS: 目标, 任务): read as that one word.
# The bilingual dictionary gave "target" six senses (对象, 指标, 目标, 瞄准, 针对, 目的) and
# "goal" seven (进球 …), each an alternative to find and said back as noise on every
# "Sichuan GDP target" and "Ningxia schooling goal 2030" query (english-trial18).
ASKING_ENGLISH: dict[str, str] = {
    "target": "目标",
    "goal": "目标",
    "objective": "目标",
    "task": "任务",
}


def with_asking_words(text: str, glossary: dict[str, str] | None = None) -> str:
    """``text`` with its English asking words (:data:`ASKING_ENGLISH`: target, goal) as
    the Chinese question word: ``Yunnan grain output target`` -> ``Yunnan grain output
    目标``. A word inside a glossary form (growth target: 增长目标) is left to the glossary."""
    if not any("a" <= c.lower() <= "z" for c in text):
        return text
    spans = [(lo, hi) for lo, hi, _ in english_terms(text, glossary)]
    out: list[str] = []
    pos = 0
    for m in _WORD_RE.finditer(text):
        chinese = ASKING_ENGLISH.get(singular(m.group()))
        if chinese is None or any(lo <= m.start() < hi for lo, hi in spans):
            continue
        out += [text[pos : m.start()], chinese]
        pos = m.end()
    return "".join(out) + text[pos:] if out else text


@lru_cache(maxsize=4)
def english_names(path: Path = GLOSSARY_FILE) -> dict[str, str]:
    """Chinese term -> the English name a reply in English shows: the first form of the
    term's first line, as written there (``fiscal revenue``, ``R&D intensity``). The
    glossary's first form is chosen to be the name an English reader writes."""
    out: dict[str, str] = {}
    for chinese, forms in _glossary_lines(path):
        first = forms[0].strip()
        if chinese and first:
            out.setdefault(chinese, first)
    return out
