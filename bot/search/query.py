"""Parsing a raw query string: cleaning, quoted phrases, exclusions. Pure functions."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from bot.models import NOTE_PART, NOTE_QUERY, Note
from bot.text.normalize import fold_figures, normalize, simplified
from bot.text.years import with_arabic_years

_QUOTES = {'"': '"', "“": "”", "「": "」", "『": "』", "‘": "’", "'": "'"}
_SEPARATORS = re.compile(r"[\s,，。、；;：:！!？?()（）【】\[\]《》<>|/\\]+")
_MEANINGFUL = re.compile(r"[\w]", re.UNICODE)
MAX_PARTS = 12

# A time of day typed among the keywords (GDP 9:00 就业): a search never takes a time
# (no passage is found by the hour it is read at; split at its colon it was two numbers
# to look for); it is a digest's schedule typed in the wrong command. Only a whole
# token: 1:10万 (a map's scale) or a quoted "9:00" stay words.
_CLOCK_TIME = re.compile(r"(?<!\S)(\d{1,2})[:：](\d{2})(?!\S)")
TIME_IGNORED = "time_ignored"
TIME_IGNORED_MESSAGE = "{time} 是时间，已忽略：搜索只按关键词查找，定时推送请订阅 (time ignored)"

# Markup pasted with a query: a Markdown link or image, [text](target) or ![alt](src), is
# its text; an HTML anchor's href and every tag go; so do <autolinks> and bare URLs (a
# URL's letters, xx or http, are no words to search); emphasis markers (*, **, ~~, `,
# _word_) around words are dropped and the words kept.
_MD_LINK = re.compile(r"!?\[([^\[\]]*)\]\([^()\s]*(?:\s+\"[^\"]*\")?\)")
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_URL = re.compile(r"(?:https?|ftp)://[^\s<>()\[\]“”\"']+|www\.[A-Za-z0-9-]+\.[^\s<>()\[\]“”\"']+")
_EMPHASIS = re.compile(r"(?<![0-9])\*+|\*+(?![0-9])|~~|`+")
_UNDERSCORES = re.compile(
    r"(?<![A-Za-z0-9_])_{1,2}(?=[^\s_])(.+?)(?<=[^\s_])_{1,2}(?![A-Za-z0-9_])"
)


# A courtesy opening a question (请问宁夏 2026 城中村改造 多少套？): how it asks, and
# glued to the first word it made a part of its own (请问支持公益慈善事业发展) that the
# corrector and the readers of the whole query took otherwise than the words alone.
_COURTESY_RE = re.compile(
    r"^\s*(?:请问一下|请问下|请问|我想问一下|想问一下|我想知道|请告诉我)[\s,，:：、]*(?=\S)"
)


# A year typed with a space before its 年 (2025 年, as text copied from a PDF writes it):
# one word, as 2025年; apart, the year was read but its 年 was left a lone character to
# search and to correct.
_SPACED_YEAR_RE = re.compile(r"(?<![\d.])((?:19|20)\d\d) +(?=年)")

# A space between two Chinese characters: what separates typed words for the search,
# but no part of how a question asks (是 什么 意思 asks as 是什么意思) nor of the measure it
# names (居民 消费 价格 is 居民消费价格).
_CJK_SPACE_RE = re.compile(r"(?<=[\u4e00-\u9fff])[ \t]+(?=[\u4e00-\u9fff])")


def quotes_in(query: str) -> bool:
    """Whether ``query`` holds a quotation mark (a phrase meant as written)."""
    return any(q in query for q in _QUOTES)


def spaces_closed(text: str) -> str:
    """``text`` without the spaces between Chinese characters: the question as the readers
    of a whole query (how it asks, the measure asked, the answer card's question) take it,
    whichever way its words were spaced. Never what is searched: the parts stay apart."""
    return _CJK_SPACE_RE.sub("", text)


def without_courtesy(query: str) -> str:
    """``query`` without the courtesy that opens it (请问, 我想知道): the same question."""
    return _COURTESY_RE.sub("", query, count=1)


# The engine folds what it is asked and hands it to the searcher, which folds it again (a
# searcher may be asked directly): the second fold of the same text is a look-up (~5 µs a
# search on the 10 MB bench's queries). A pure function of the text, so the same answer.
@lru_cache(maxsize=1024)
def fold_query(query: str) -> str:
    """``query`` as every reader of it takes it, whichever way the same question was typed:
    full-width letters and digits as ASCII (ＧＤＰ　２０２４, as a phone's full-width
    keyboard types them), traditional characters as simplified ones (貴州 森林覆蓋率: the
    readers' tables are simplified), no courtesy opening it (请问), a year in Chinese numerals in
    Arabic ones (二〇二六年 → 2026年), a year's 年 typed apart joined to it (2026 年). Outside
    quotation marks only: a phrase quoted is searched as written."""
    query = simplified(fold_figures(query)).replace("\u3000", " ")
    if any(q in query for q in _QUOTES):
        return query
    return _SPACED_YEAR_RE.sub(r"\1", with_arabic_years(without_courtesy(query)))


def strip_markup(raw: str) -> str:
    """``raw`` without the Markdown and HTML it was pasted with: link text kept, link
    targets, tags and emphasis markers dropped (``*就业* [链接](x)`` → ``就业 链接``)."""
    # each expression only where the character it cannot match without is in the text
    # (most queries hold none: five substitutions cost ~4 µs a query)
    text = _MD_LINK.sub(r" \1 ", raw) if "[" in raw else raw
    text = _HTML_TAG.sub(" ", text) if "<" in text else text
    text = _URL.sub(" ", text) if "://" in text or "www." in text else text
    text = _UNDERSCORES.sub(r"\1", text) if "_" in text else text
    if "*" in text or "~~" in text or "`" in text:
        return _EMPHASIS.sub(" ", text)
    return text


@dataclass(frozen=True)
class QueryPart:
    """One whitespace-separated unit or quoted phrase of a query."""

    original: str
    text: str  # normalised
    phrase: bool = False
    exclude: bool = False


@dataclass(frozen=True)
class ParsedQuery:
    raw: str
    cleaned: str
    parts: tuple[QueryPart, ...]
    notes: tuple[str, ...] = ()
    note_codes: tuple[Note, ...] = ()

    @property
    def positive(self) -> tuple[QueryPart, ...]:
        return tuple(p for p in self.parts if not p.exclude)

    @property
    def negative(self) -> tuple[QueryPart, ...]:
        return tuple(p for p in self.parts if p.exclude)


# The categories of the characters a query is cleaned of: control, format, surrogate,
# private-use and unassigned characters, other symbols (emoji) and modifier symbols.
_DROPPED_CATEGORIES = frozenset(("Cc", "Cf", "Cs", "Co", "Cn", "So", "Sk"))
# At most this many distinct characters remembered by :class:`_Blanked` (a few thousand
# are ever typed; the cap bounds what a flood of odd characters could make it hold).
_BLANKED_MEMO = 20_000


class _Blanked(dict):
    """``str.translate``'s table for :func:`clean`: a character of a dropped category
    (:data:`_DROPPED_CATEGORIES`) to a space, any other to itself, each character's
    category looked up the first time it is met. A query cleaned character by character
    in Python cost ~4 µs, most of its parsing."""

    def __missing__(self, code: int) -> int | str:
        out: int | str = " " if unicodedata.category(chr(code)) in _DROPPED_CATEGORIES else code
        if len(self) < _BLANKED_MEMO:
            self[code] = out
        return out


_BLANKED = _Blanked()


def clean(raw: str) -> str:
    """Drop pasted markup (:func:`strip_markup`), control/format characters and symbols
    such as emoji; collapse spaces."""
    return re.sub(r"\s+", " ", strip_markup(raw).translate(_BLANKED)).strip()


def is_meaningful(text: str) -> bool:
    return bool(_MEANINGFUL.search(text.replace("_", "")))


def _without_times(cleaned: str) -> tuple[str, list[str]]:
    """``cleaned`` without the times of day typed as words of their own, and those times."""
    times: list[str] = []

    def drop(m: re.Match[str]) -> str:
        # full-width digits as a phone types them (９：００) read as ASCII ones
        hour, minute = (int(unicodedata.normalize("NFKC", g)) for g in m.groups())
        if hour > 23 or minute > 59:  # no time of a day (25:00, 3:75): words as typed
            return m.group()
        times.append(m.group())
        return " "

    rest = _CLOCK_TIME.sub(drop, cleaned)
    if not times:
        return cleaned, []
    return re.sub(r"\s+", " ", rest).strip(), times


def parse_query(raw: str, *, max_chars: int) -> ParsedQuery:
    notes: list[str] = []
    codes: list[Note] = []
    cleaned = clean(raw or "")
    if len(cleaned) > max_chars:
        cleaned = cleaned[:max_chars]
        notes.append(f"查询过长，只使用了前 {max_chars} 个字符 (query truncated)")
        # the query itself was shortened before any of it was read
        codes.append(
            Note("query_truncated", notes[-1], (("max_chars", max_chars),), reach=NOTE_QUERY)
        )
    cleaned, times = _without_times(cleaned)
    if times:
        said = "、".join(times)
        notes.append(TIME_IGNORED_MESSAGE.format(time=said))
        # the rest is searched as typed: what was understood of it is still worth saying
        # the words typed with it, for the /subscribe the reply offers (a time alone: GDP)
        params = (("time", said), ("first", times[0]), ("words", cleaned or "GDP"))
        codes.append(Note(TIME_IGNORED, notes[-1], params, reach=NOTE_PART))
    parts: list[QueryPart] = []
    i, n = 0, len(cleaned)
    buf: list[str] = []

    def flush() -> None:
        chunk = "".join(buf)
        buf.clear()
        for piece in _SEPARATORS.split(chunk):
            exclude = False
            while piece[:1] in ("-", "－", "—"):
                exclude, piece = True, piece[1:]
            if is_meaningful(piece):
                parts.append(QueryPart(piece, normalize(piece), exclude=exclude))

    if not any(q in cleaned for q in _QUOTES):
        # no quotation mark: every character goes to the words, as the loop below would
        # put them one by one
        buf.append(cleaned)
        i = n
    while i < n:
        ch = cleaned[i]
        close = _QUOTES.get(ch)
        if close is not None:
            end = cleaned.find(close, i + 1)
            if end > i + 1:
                exclude = bool(buf) and buf[-1] in ("-", "－")
                if exclude:
                    buf.pop()
                flush()
                inner = cleaned[i + 1 : end].strip()
                if is_meaningful(inner):
                    parts.append(QueryPart(inner, normalize(inner), phrase=True, exclude=exclude))
                i = end + 1
                continue
            i += 1  # an unmatched quote is just punctuation
            buf.append(" ")
            continue
        buf.append(ch)
        i += 1
    flush()
    if len(parts) > MAX_PARTS:
        parts = parts[:MAX_PARTS]
        notes.append(f"只使用了前 {MAX_PARTS} 个关键词 (extra terms ignored)")
        codes.append(
            Note("too_many_terms", notes[-1], (("max_parts", MAX_PARTS),), reach=NOTE_QUERY)
        )
    return ParsedQuery(
        raw=raw, cleaned=cleaned, parts=tuple(parts), notes=tuple(notes), note_codes=tuple(codes)
    )


_SEPARATOR_CHARS = r"\s,，。、；;：:！!？?()（）【】\[\]《》<>|/\\"
_OPENING_QUOTES = "".join(_QUOTES)
# A word excluded as parse_query reads one: after a separator (or at the start) a minus
# sign and the word up to the next separator or quotation mark; or a minus sign right
# before a quoted phrase, the whole phrase.
_EXCLUDED_WORD = re.compile(
    rf"(?<![^{_SEPARATOR_CHARS}])[-－—]+[^{_SEPARATOR_CHARS}{_OPENING_QUOTES}]+"
    rf"|[-－](?:\"[^\"]+\"|“[^”]+”|「[^」]+」|『[^』]+』|‘[^’]+’|'[^']+')"
)


def excluded_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` excludes a word (``-上海``, ``-"上海"``), each from its minus sign to
    the end of the word or the closing quotation mark, as :func:`parse_query` reads them:
    a word excluded is never a facet of the query (``新质生产力 -上海`` asks about no
    region, and the exclusion still excludes)."""
    return [m.span() for m in _EXCLUDED_WORD.finditer(text)]


# A dictionary term typed in a query is at most this many segmenter tokens (卡脖子 → 卡|脖子).
MAX_JOINED_TOKENS = 4


def join_known_terms(
    text: str, words: list[tuple[str, int, int]], known: Callable[[str], bool]
) -> list[tuple[str, int, int]]:
    """Neighbouring words of ``text`` that make a term ``known`` (a synonym entry such as
    新基建 or 卡脖子, which the segmenter cuts 新|基建, 卡|脖子) joined as one word, longest
    first, so that the term finds its synonyms instead of its pieces being searched or
    "corrected" (新基建 → 新建). ``words`` are (word, start, end) offsets into ``text``.

    A lone character whose known term ends inside the next word (碳|交易市场: 碳交易) is
    cut there instead, the rest a word of its own (碳交易 市场), when the rest keeps two
    characters or more."""
    out: list[tuple[str, int, int]] = []
    i = 0
    while i < len(words):
        for j in range(min(len(words), i + MAX_JOINED_TOKENS) - 1, i, -1):
            start, end = words[i][1], words[j][2]
            joined = text[start:end]
            if all(words[k][2] == words[k + 1][1] for k in range(i, j)) and known(joined):
                out.append((joined, start, end))
                i = j + 1
                break
        else:
            recut = _recut(text, words, i, known)
            out += recut or [words[i]]
            i += 2 if recut else 1
    return out


def _recut(
    text: str, words: list[tuple[str, int, int]], i: int, known: Callable[[str], bool]
) -> list[tuple[str, int, int]] | None:
    """Word ``i``, a lone character, and the next word cut again where a known term that
    the character opens ends (碳|交易市场 → 碳交易 市场), or None."""
    word, start, _ = words[i]
    if len(word) != 1 or i + 1 == len(words) or words[i + 1][1] != words[i][2]:
        return None
    after, _, end = words[i + 1]
    if not ("\u3400" <= word <= "\u9fff") or len(after) < 3:
        return None
    for cut in range(len(after) - 2, 0, -1):  # longest first; the rest two characters or more
        if known(word + after[:cut]):
            at = start + 1 + cut
            return [(text[start:at], start, at), (text[at:end], at, end)]
    return None
