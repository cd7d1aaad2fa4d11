"""The thirty-eighth speed pass's cheaper ways of doing the same work (issue 13): each gives
what the plainer way gives, checked against a reference here."""

from __future__ import annotations

import random

from bot.models import Highlight
from bot.search.snippets import ELLIPSIS, _snap_start, find_spans, make_snippet


def _make_snippet_reference(
    text: str, spans: list[tuple[int, int]], *, width: int
) -> tuple[str, tuple[Highlight, ...]]:
    # the way before: every span's window summed over a generator, repeated starts too
    if len(text) <= width:
        return text, tuple(Highlight(s, e) for s, e in spans)
    best_start, best_cover = 0, -1
    for s, _ in spans or [(0, 0)]:
        lo = max(0, min(s - width // 4, len(text) - width))
        cover = sum(
            min(e, lo + width) - max(s2, lo) for s2, e in spans if s2 < lo + width and e > lo
        )
        if cover > best_cover:
            best_start, best_cover = lo, cover
    lo = _snap_start(text, best_start, spans)
    hi = min(len(text), lo + width)
    prefix = ELLIPSIS if lo > 0 else ""
    suffix = ELLIPSIS if hi < len(text) else ""
    shift = len(prefix) - lo
    highlights = tuple(
        Highlight(max(s, lo) + shift, min(e, hi) + shift) for s, e in spans if s < hi and e > lo
    )
    return prefix + text[lo:hi] + suffix, highlights


def test_snippet_is_the_reference_on_random_spans() -> None:
    rng = random.Random(38)
    chars = "发展经济，就业。增长目标；全面推进乡村振兴、建设"
    for _ in range(400):
        text = "".join(rng.choice(chars) for _ in range(rng.randint(1, 300)))
        width = rng.randint(4, 140)
        spans = [
            (a, a + rng.randint(1, 6))
            for a in (rng.randint(0, len(text)) for _ in range(rng.randint(0, 25)))
        ]
        if rng.random() < 0.5:  # as the search gives them: sorted, overlaps merged
            needles = {text[a:b] for a, b in spans if text[a:b]}
            spans = find_spans(text, needles)
        got = make_snippet(text, spans, width=width)
        assert got == _make_snippet_reference(text, spans, width=width)


def test_snippet_ties_keep_the_first_best_window() -> None:
    text = "甲" * 100 + "就业" + "乙" * 100 + "就业" + "丙" * 100
    spans = [(100, 102), (202, 204)]
    got = make_snippet(text, spans, width=40)
    assert got == _make_snippet_reference(text, spans, width=40)
    assert got[0].startswith(ELLIPSIS) and "就业" in got[0][:20]


def test_folding_the_same_text_twice_is_a_look_up() -> None:
    from bot.search.query import fold_query

    typed = "请问 ＧＤＰ 二〇二六年 貴州"
    first = fold_query(typed)
    hits = fold_query.cache_info().hits
    assert fold_query(typed) == first == "GDP 2026年 贵州"
    assert fold_query.cache_info().hits == hits + 1


def _strip_markup_reference(raw: str) -> str:
    # the way before: every expression run over every query
    from bot.search import query as q

    text = q._MD_LINK.sub(r" \1 ", raw)
    text = q._HTML_TAG.sub(" ", text)
    text = q._URL.sub(" ", text)
    text = q._UNDERSCORES.sub(r"\1", text)
    return q._EMPHASIS.sub(" ", text)


def _clean_reference(raw: str) -> str:
    # the way before: each character's category looked up in a loop
    import re
    import unicodedata

    out = []
    for ch in _strip_markup_reference(raw):
        cat = unicodedata.category(ch)
        dropped = cat in ("Cc", "Cf", "Cs", "Co", "Cn") or cat == "So" or cat == "Sk"
        out.append(" " if dropped else ch)
    return re.sub(r"\s+", " ", "".join(out)).strip()


_QUERY_PIECES = [
    *"就业粮食产量 GDP 2024年，。、\"“”「」『』‘’'-－—()（）《》",
    *" \t\n\u200b\u3000©®™\x00\x07\ue000ＡＢ",
    *"*_[]<>~`",
    "\U0001f600",
    "\ud800",
    "http://x.cn/a",
    "www.gov.cn/x",
    "ftp://a",
    "[链接](x)",
    "![图](a.png)",
    "__粗__",
    "**重点**",
    "<i>",
    "</i>",
    "`代码`",
    "~~删~~",
    "9:00",
    "请问",
]


def _parts_reference(cleaned: str) -> tuple:
    # the way before: the cleaned text read character by character, quoted or not
    from bot.search import query as q
    from bot.text.normalize import normalize

    parts: list = []
    i, n = 0, len(cleaned)
    buf: list[str] = []

    def flush() -> None:
        chunk = "".join(buf)
        buf.clear()
        for piece in q._SEPARATORS.split(chunk):
            exclude = False
            while piece[:1] in ("-", "－", "—"):
                exclude, piece = True, piece[1:]
            if q.is_meaningful(piece):
                parts.append(q.QueryPart(piece, normalize(piece), exclude=exclude))

    while i < n:
        ch = cleaned[i]
        close = q._QUOTES.get(ch)
        if close is not None:
            end = cleaned.find(close, i + 1)
            if end > i + 1:
                exclude = bool(buf) and buf[-1] in ("-", "－")
                if exclude:
                    buf.pop()
                flush()
                inner = cleaned[i + 1 : end].strip()
                if q.is_meaningful(inner):
                    parts.append(q.QueryPart(inner, normalize(inner), phrase=True, exclude=exclude))
                i = end + 1
                continue
            i += 1
            buf.append(" ")
            continue
        buf.append(ch)
        i += 1
    flush()
    return tuple(parts[: q.MAX_PARTS])


def test_query_cleaning_and_parsing_are_the_reference_on_random_text() -> None:
    from bot.search.query import clean, parse_query, strip_markup

    rng = random.Random(3838)
    for _ in range(800):
        raw = "".join(rng.choice(_QUERY_PIECES) for _ in range(rng.randint(0, 30)))
        if rng.random() < 0.3:
            raw += chr(rng.randint(0, 0x10FFFF))
        assert strip_markup(raw) == _strip_markup_reference(raw)
        cleaned = _clean_reference(raw)
        assert clean(raw) == cleaned
        parsed = parse_query(raw, max_chars=100)
        assert parsed.parts == _parts_reference(parsed.cleaned)


def test_quoted_spans_without_a_mark_are_none_and_with_marks_as_before() -> None:
    from bot.search.understand import _quoted_spans

    assert _quoted_spans("四川 2024 粮食产量 目标") == []
    assert _quoted_spans("“十四五”规划纲要 “互联网+”行动计划") == [(10, 16)]
    assert _quoted_spans("'脑机接口' 方案") == [(0, 6)]
