"""Query parsing and snippets (pure functions)."""

from __future__ import annotations

from bot.search.query import clean, parse_query
from bot.search.snippets import ELLIPSIS, find_spans, make_snippet


def test_parse_terms_phrases_and_exclusions():
    q = parse_query('乡村振兴 "高质量发展" -烟台 “十四五”', max_chars=200)
    assert [(p.text, p.phrase, p.exclude) for p in q.parts] == [
        ("乡村振兴", False, False),
        ("高质量发展", True, False),
        ("烟台", False, True),
        ("十四五", True, False),
    ]


def test_parse_normalises_traditional_and_fullwidth():
    (part,) = parse_query("經濟發展ＧＤＰ", max_chars=200).parts
    assert part.text == "经济发展gdp"
    assert part.original == "經濟發展ＧＤＰ"


def test_clean_drops_control_characters_and_emoji():
    assert clean("乡村\x00振兴\x1b[31m 😀\u200b") == "乡村 振兴 [31m"


def test_only_punctuation_or_emoji_gives_no_parts():
    assert parse_query("，。！？……😀😀", max_chars=200).parts == ()
    assert parse_query("   ", max_chars=200).parts == ()


def test_long_query_is_truncated_with_a_note():
    q = parse_query("乡村振兴" * 2500, max_chars=200)
    assert len(q.cleaned) == 200
    assert q.notes and "200" in q.notes[0]


def test_many_terms_are_capped():
    q = parse_query(" ".join(f"词{i}" for i in range(40)), max_chars=10_000)
    assert len(q.parts) == 12
    assert any("12" in n for n in q.notes)


def test_unmatched_quote_is_ignored():
    q = parse_query('"乡村振兴', max_chars=200)
    assert [p.text for p in q.parts] == ["乡村振兴"]


def test_find_spans_merges_overlaps():
    assert find_spans("地区生产总值增长", ["生产总值", "地区生产", "增长"]) == [(0, 8)]
    assert find_spans("abcabc", ["b"]) == [(1, 2), (4, 5)]


def test_snippet_keeps_short_text_whole():
    snippet, hl = make_snippet("乡村振兴战略", [(0, 4)], width=50)
    assert snippet == "乡村振兴战略"
    assert [(h.start, h.end) for h in hl] == [(0, 4)]


def test_snippet_window_and_shifted_highlights():
    text = "甲" * 200 + "乡村振兴" + "乙" * 200
    snippet, hl = make_snippet(text, [(200, 204)], width=60)
    assert snippet.startswith(ELLIPSIS) and snippet.endswith(ELLIPSIS)
    assert len(snippet) == 62
    (h,) = hl
    assert snippet[h.start : h.end] == "乡村振兴"


def test_snippet_starts_at_a_clause_boundary_when_one_is_near():
    text = "甲" * 100 + "，" + "乙" * 20 + "乡村振兴" + "丙" * 200
    snippet, hl = make_snippet(text, [(121, 125)], width=60)
    assert snippet.startswith(ELLIPSIS + "乙")  # right after the comma
    (h,) = hl
    assert snippet[h.start : h.end] == "乡村振兴"


def test_snippet_near_the_start_begins_at_the_start():
    text = "今年经济社会发展的主要预期目标是：" + "地区生产总值增长" * 30
    snippet, _ = make_snippet(text, [(17, 23)], width=60)
    assert snippet.startswith("今年")
