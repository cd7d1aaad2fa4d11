"""One builder of the 理解为 line (``bot.library.understood``): the bot's reply, the
console, ``briefbot search`` and the MCP server's note say what a search understood with
the catalogue's words, in the language each speaks."""

from __future__ import annotations

import html

from bot.library.documents import _unmatched
from bot.library.understood import understood_line
from bot.models import PlanPeriod, Understood
from handlers.format.search import search_page
from mcp_server.library import Library


def test_the_line_is_the_catalogues_in_either_language():
    u = Understood(region="山东", year=2024, doc_type="政府工作报告", indicator="地区生产总值")
    assert understood_line(u, "zh") == (
        "理解为：地区 山东 · 年份 2024 · 文件 政府工作报告 · 指标 地区生产总值"
    )
    assert understood_line(u, "en") == (
        "Understood as: region Shandong (山东) · year 2024 · document 政府工作报告"
        " · indicator GDP (地区生产总值)"  # the English names before the Chinese read
    )
    period = Understood(period=PlanPeriod(name="十四五", first=2021, last=2025))
    assert understood_line(period, "zh") == "理解为：时期 十四五（2021–2025）"
    assert understood_line(period, "en") == "Understood as: period 十四五 (2021–2025)"


def test_the_facets_no_document_is_about_are_said_after_it():
    u = Understood(region="火星", year=2019, unmatched=("region", "year"))
    assert understood_line(u, "zh") == (
        "理解为：地区 火星 · 年份 2019（现有文件中没有：地区 火星 · 年份 2019，结果来自其他文件）"
    )
    assert understood_line(u, "en") == (
        "Understood as: region 火星 · year 2019"
        " (no document is about region 火星 · year 2019: the results are from others)"
    )


def test_a_place_with_documents_but_none_of_the_year_asked_is_said_in_both_languages():
    # Guangdong GDP target 2026 answered from Guangdong's 2022 report with no word said
    # (english-trial18): each facet has documents, but not the place in that year
    u = Understood(region="广东", year=2026, unmatched=("region_year",))
    assert understood_line(u, "en") == (
        "Understood as: region Guangdong (广东) · year 2026 (no document is about"
        " Guangdong (广东) in 2026: the results are from other years or places)"
    )
    assert understood_line(u, "zh") == (
        "理解为：地区 广东 · 年份 2026（现有文件中没有广东2026年的，结果来自其他年份或地区的文件）"
    )


def test_the_documents_of_a_place_and_of_a_year_but_not_of_both():
    places = {("广东", ("广东",)), ("四川", ("四川",)), ("周口", ("河南", "周口"))}
    dated = {("广东", ("广东",), 2022), ("四川", ("四川",), 2026), ("周口", ("河南", "周口"), 2026)}
    years = {2022, 2026}
    assert _unmatched(places, years, "广东", 2026, dated) == ("region_year",)
    assert _unmatched(places, years, "广东", 2022, dated) == ()
    assert _unmatched(places, years, "广东", 2021, dated) == ()  # its review, the year after
    assert _unmatched(places, years, "四川", 2026, dated) == ()
    assert _unmatched(places, years, "河南", 2026, dated) == ()  # a city inside it
    assert _unmatched(places, years, "河南", 2019, dated) == ("year",)  # said as before


def test_nothing_understood_is_no_line_and_quote_escapes_the_words():
    assert understood_line(None, "zh") is None
    assert understood_line(Understood(), "en") is None
    u = Understood(region="<b>", unmatched=("region",))
    assert understood_line(u, "en", quote=html.escape) == (
        "Understood as: region &lt;b&gt;"
        " (no document is about region &lt;b&gt;: the results are from others)"
    )


def test_the_reply_and_the_mcp_note_say_the_same_line(bundled_engine):
    query = "十四五 地区生产总值 目标"
    resp = bundled_engine.search(query, page_size=1)
    for lang in ("zh", "en"):
        text, _keyboard = search_page(resp, key="k", lang=lang)
        assert f"<i>{understood_line(resp.understood, lang, quote=html.escape)}</i>" in text
    notes = Library(bundled_engine).search(query, page_size=1).notes
    assert understood_line(resp.understood, "en") in notes
