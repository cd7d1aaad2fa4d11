"""What a business journalist on deadline met in a private chat (`search-trial19`,
``bench/RESULTS.md``), through the fake Bot API server (the real Application, as
``tests/e2e.py`` drives it) over the bundled corpus, and unit cases on invented
questions."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.library import Engine
from bot.library.follow_ups import Asked, follow_up
from bot.models import Understood
from bot.text.tokenize import Tokenizer
from fake_telegram import FakeBotApi
from tests.e2e import ask, ask_text, buttons, engine_copy, press, running


@pytest.fixture
def engine(bundled_template: Path, tmp_path: Path, tokenizer: Tokenizer) -> Engine:
    """A private copy of the bundled corpus and its index: the answer cards these tests
    ask for leave the records they read held by this engine, never the session's (whose
    held records ``test_bot_e2e``'s ``unsure_gdp`` replaces and counts)."""
    return engine_copy(bundled_template, tmp_path, tokenizer)


PLACES = {"四川", "云南", "上海", "烟台"}


def _place(word: str) -> str | None:
    return word if word in PLACES else None


SICHUAN = Asked(
    "四川今年GDP增长目标", Understood(region="四川", year=2026, indicator="地区生产总值")
)


@pytest.mark.parametrize(
    ("previous", "said", "expected"),
    [
        (SICHUAN, "那就业呢？", "四川 今年 就业 目标"),  # the topic changed, place and time kept
        (SICHUAN, "去年呢？", "2025年 四川 GDP增长目标"),  # the time changed
        # the year before the one asked about, not before the calendar's
        (
            Asked("河南2024年GDP目标", Understood(region="河南", year=2024)),
            "去年呢",
            "2023年 河南 GDP目标",
        ),
        (Asked("GDP目标", None), "去年呢", "去年 GDP目标"),
        (SICHUAN, "那2024年的呢", "2024年 四川 GDP增长目标"),
        (SICHUAN, "那云南呢？", "云南 今年GDP增长目标"),  # the place changed
        (
            Asked("四川省2026年GDP目标", Understood(region="四川", year=2026)),
            "云南呢",
            "云南 2026年GDP目标",
        ),
        (Asked("农业机械化率", None), "那上海呢", "上海 农业机械化率"),
        # no follow-up: no question before, a whole question, nothing to carry over
        (None, "那就业呢？", None),
        (SICHUAN, "四川今年城镇新增就业目标是多少", None),
        (SICHUAN, "就业", None),
        (Asked("农业机械化率", None), "那就业呢", None),
    ],
)
def test_follow_up(previous: Asked | None, said: str, expected: str | None) -> None:
    assert follow_up(previous, said, region_named=_place) == expected


async def test_a_follow_up_keeps_the_place_and_the_year(server: FakeBotApi, engine: Engine) -> None:
    """``那就业呢？`` after a city's GDP target searched the three characters alone: every
    document's employment passages, no answer card, nothing of the city; ``去年呢？``
    found nothing. Now each goes on from the question before, and the reply says how."""
    journalist = server.add_user("王记者")
    async with running(server, engine):
        first = await ask_text(server, journalist, journalist, "烟台2024年GDP增长目标")
        assert "🎯" in first and "5.5%左右" in first, first
        said = await ask_text(server, journalist, journalist, "那就业呢？")
        assert said.startswith(
            "↪️ 接上一问“烟台2024年GDP增长目标”，按“烟台 2024年 就业 目标”搜索"
        ), said
        assert "🎯 答案：烟台 2024年 新增城镇就业" in said, said
        said = await ask_text(server, journalist, journalist, "那2023年呢？")
        assert "按“2023年 烟台 就业 目标”搜索" in said, said
        # a question of its own is searched as typed, and said so by nothing
        said = await ask_text(server, journalist, journalist, "乡村振兴")
        assert "接上一问" not in said and said.startswith("🔎 乡村振兴"), said


# -- a snippet's end never inside a figure ------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        (
            "研发投入强度提升至1.8%左右，全社会研发经费投入持续增长。",
            10,
            "研发投入强度提升至1.8%左右…",
        ),
        ("城镇调查失业率5.5%左右，城镇新增就业85万人。", 9, "城镇调查失业率5.5%左右…"),
        (
            "单位国内生产总值能耗降低3%左右，主要污染物排放量继续下降。",
            14,
            "单位国内生产总值能耗降低3%左右…",
        ),
        ("粮食产量1.4万亿斤左右，国际收支保持基本平衡。", 6, "粮食产量1.4万亿…"),
        # a window that ends before a figure or between words is left as it was
        ("城镇新增就业85万人，城镇调查失业率5.5%左右。", 6, "城镇新增就业…"),
    ],
)
def test_a_snippet_ends_after_the_figure_it_would_cut(text: str, width: int, expected: str) -> None:
    from bot.search.snippets import make_snippet

    assert make_snippet(text, [(0, 2)], width=width)[0] == expected


async def test_a_passages_figure_is_not_cut_in_the_reply(
    server: FakeBotApi, engine: Engine
) -> None:
    """A result's passage ended "增长10%…" (of 10%左右) or "研发投入强度提升至1…" (of
    1.8%): on a phone the figure the journalist came for, cut."""
    journalist = server.add_user("王记者")
    async with running(server, engine):
        said = await ask_text(server, journalist, journalist, "固定资产投资 增长")
    assert "经济增加值增长10%左右…" in said, said
    assert "增长10%…" not in said, said


async def test_an_answer_card_cites_the_document_by_its_title(
    server: FakeBotApi, engine: Engine
) -> None:
    """The card a journalist copies said its source as a file's name
    (``📄 004_f9b1766ae33f6aa2.txt · 二、…``): no document she can cite. Now its title and
    section, as the inline card says them."""
    journalist = server.add_user("王记者")
    async with running(server, engine):
        said = await ask_text(server, journalist, journalist, "烟台2024年GDP增长目标")
    card = said.split("🎯 答案：", 1)[1].split("\n")[1]
    assert card.startswith("📄 烟台市2024年政府工作报告 › "), said
    assert ".txt" not in card, card


async def test_a_passage_shown_whole_reads_on_to_its_neighbours(
    server: FakeBotApi, engine: Engine
) -> None:
    """全文 showed one paragraph and nothing more: the sentences around a figure, which a
    reporter reads before quoting it, were nowhere in the chat. Now ◀ and ▶ under it
    show the paragraph before and the one after, as new messages."""
    journalist = server.add_user("王记者")
    hit = engine.search("乡村振兴").hits[0]
    document = engine.document(hit.doc_id)
    ordinal = hit.passage_ordinal
    assert 0 < ordinal < len(document.passages) - 1  # a passage with neighbours
    async with running(server, engine):
        results = (await ask(server, journalist, journalist, "/search 乡村振兴")).message
        await press(server, results, "全文 1", journalist)
        whole = (await server.next_call("sendMessage", chat=journalist)).message
        assert list(buttons(whole)) == ["◀ 上一段", "下一段 ▶"], whole
        await press(server, whole, "下一段 ▶", journalist)
        after = (await server.next_call("sendMessage", chat=journalist)).message
        assert document.passages[ordinal + 1].text in after["text"], after["text"]
        assert document.title in after["text"]
        await press(server, whole, "◀ 上一段", journalist)
        before = (await server.next_call("sendMessage", chat=journalist)).message
        assert document.passages[ordinal - 1].text in before["text"], before["text"]


# -- a figure half-remembered ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("query", "texts", "expected"),
    [
        ("研发投入强度2.5%", ["研发经费投入强度提高到1.6%左右"], ["2.5%"]),
        ("研发投入强度2.5%", ["强度达到2.5％以上"], []),  # full-width, as documents write it
        ("研发投入强度2.5%", ["强度达到12.5%"], ["2.5%"]),  # no figure inside another
        ("城镇新增就业85万人", ["城镇新增就业85万人"], []),
        ("十四五 2025年 GDP 目标", ["无关"], []),  # a year is no figure asked
    ],
)
def test_figures_unwritten(query: str, texts: list[str], expected: list[str]) -> None:
    from bot.text.figures_asked import figures_unwritten

    assert figures_unwritten(query, texts) == expected


async def test_a_figure_no_passage_writes_is_said_so(server: FakeBotApi, engine: Engine) -> None:
    """``研发投入强度2.5%``: a journalist checking a figure she half-remembers got a page of
    passages about the indicator, none with 2.5%, and nothing said: it read as a yes."""
    journalist = server.add_user("王记者")
    async with running(server, engine):
        absent = await ask_text(server, journalist, journalist, "烟台 地区生产总值增长9.9%")
        present = await ask_text(server, journalist, journalist, "烟台 地区生产总值增长5.5%")
    assert absent.startswith("ℹ️ 这一页的段落都没有写到“9.9%”"), absent
    assert "没有写到" not in present and "5.5%" in present, present


async def test_a_hit_whose_title_names_no_place_is_said_with_its_place(
    server: FakeBotApi, engine: Engine
) -> None:
    """Yunnan's report is titled 2026年政府工作报告 and 青岛's speeches by their slogans: in
    a list of results a journalist could not tell whose they were but by a file's name.
    A title that says its place is left as it is."""
    journalist = server.add_user("王记者")
    async with running(server, engine):
        said = await ask_text(server, journalist, journalist, "踔厉奋发 落地生根")
        gdp = await ask_text(server, journalist, journalist, "烟台2024年GDP增长目标")
    assert "踔厉奋发，让二十大精神落地生根（青岛）\n" in said, said
    assert "烟台市2024年政府工作报告\n" in gdp and "（烟台）" not in gdp, gdp
