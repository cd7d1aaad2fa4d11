"""How a question is understood and answered, as the journalist's trial (`search-trial19`,
``bench/RESULTS.md``, "Left") found it: 今年 with two places, a word the library lacks, one
place's target not found. Through the fake Bot API server (the real Application, as
``tests/e2e.py`` drives it) over the bundled corpus, whose one dated place is 烟台 (its
2024 report)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.library import Engine
from bot.search.results import unfound_word_notes
from bot.text.tokenize import Tokenizer
from fake_telegram import FakeBotApi
from tests.e2e import ask_text, engine_copy, running


@pytest.fixture
def engine(bundled_template: Path, tmp_path: Path, tokenizer: Tokenizer) -> Engine:
    """A private copy of the bundled corpus: the answer cards asked for leave their records
    held by this engine, never the session's."""
    return engine_copy(bundled_template, tmp_path, tokenizer)


def test_this_year_is_one_rule_whichever_place_is_typed_first(engine: Engine) -> None:
    """今年 was counted from the first place typed: 烟台和四川 read 2024 (烟台's newest
    report), 四川和烟台 today's year (四川 has no document). Now both read the year of the
    library's newest documents (trial20-left), and say so."""
    searcher = engine.searcher
    first = searcher.understand("烟台和四川今年GDP目标").facets
    second = searcher.understand("四川和烟台今年GDP目标").facets
    assert first.year == second.year == 2024
    assert second.year_word == "今年" and second.year_base == 2024 and second.year_base_places
    last = searcher.understand("四川和烟台去年GDP目标").facets
    assert last.year == 2023 and last.year_base == 2024


async def test_the_understood_line_says_which_year_today_was(
    server: FakeBotApi, engine: Engine
) -> None:
    journalist = server.add_user("王记者")
    async with running(server, engine):
        said = await ask_text(server, journalist, journalist, "四川和烟台今年GDP目标")
    assert "年份 2024（今年按文库最新文件的年份2024年算）" in said, said
    assert "没有找到目标：四川 2024" in said, said


async def test_a_word_the_library_lacks_is_said_back_not_dropped(
    server: FakeBotApi, engine: Engine
) -> None:
    """``火星2026年GDP目标``: 火星 was dropped without a word and 活性、卫星、火灾 offered
    for a word typed right that no document holds."""
    journalist = server.add_user("王记者")
    async with running(server, engine):
        said = await ask_text(server, journalist, journalist, "火星2026年GDP目标")
    assert "没有找到“火星”：是词典里的词，但文库中没有，不推荐形近词" in said, said
    assert "您是不是要找" not in said and "卫星" not in said, said


def test_unfound_words_are_said_in_two_groups() -> None:
    notes = unfound_word_notes(["火星", "冥王星", "昇腾鲲"], {"火星", "冥王星"}.__contains__)
    assert [(n.code, n.params) for n in notes] == [
        ("word_unfound_known", (("words", "火星”“冥王星"),)),
        ("word_unfound", (("words", "昇腾鲲"),)),
    ]
    assert unfound_word_notes([], bool) == []


async def test_one_places_target_not_found_is_said(server: FakeBotApi, engine: Engine) -> None:
    """A comparison said "没有找到目标：河南 2024、湖北 2024"; one place asked alone
    (四川2025年就业目标) said nothing, the passages of other places below read as its."""
    journalist = server.add_user("王记者")
    reader = server.add_user("Ann", language_code="en")
    async with running(server, engine):
        said = await ask_text(server, journalist, journalist, "四川2025年就业目标")
        english = await ask_text(server, reader, reader, "四川2025年就业目标")
        found = await ask_text(server, journalist, journalist, "烟台2024年GDP增长目标")
    assert "没有找到目标：四川 2025" in said, said
    assert "No target found for: 四川 2025" in english, english
    assert "🎯" in found and "没有找到目标" not in found, found
