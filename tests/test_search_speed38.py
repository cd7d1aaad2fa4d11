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
