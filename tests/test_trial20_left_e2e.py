"""What `trial20` left (a city policy researcher comparing peer cities' targets,
``bench/RESULTS.md``, section `trial20-left`): through the fake Bot API server (the real
Application, as ``tests/e2e.py`` drives it) over the bundled corpus, and unit cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT
from bot.digest import matches, parse_filter
from bot.library import Engine
from bot.targets.indicators import default_table
from bot.text.synonyms import Synonyms
from bot.text.tokenize import Tokenizer
from bot.text.two_asks import two_asks
from fake_telegram import FakeBotApi
from tests.e2e import ask, ask_text, build_template, buttons, engine_copy, running
from tests.factories import target_record


@pytest.fixture
def engine(bundled_template: Path, tmp_path: Path, tokenizer: Tokenizer) -> Engine:
    """A private copy of the bundled corpus and its index (the session's stays untouched)."""
    return engine_copy(bundled_template, tmp_path, tokenizer)


# -- the file of a year table of named places ---------------------------------------------
async def test_the_file_of_named_places_is_captioned_with_indicator_and_places(
    server: FakeBotApi, engine: Engine
) -> None:
    """The CSV of /compare 城镇新增就业 2026 四川 贵州 重庆 was captioned "城镇新增就业 四川
    贵州 重庆 · 2026年各地区目标与实绩": the places inside the indicator's slot. The
    indicator now stands alone and the places are said where they belong."""
    zhou = server.add_user("周研究员")
    async with running(server, engine):
        reply = (await ask(server, zhou, zhou, "/compare GDP 2024 烟台 重庆")).message
        await server.press_button(reply, buttons(reply)["📄 CSV"], zhou)
        sent = await server.next_call("sendDocument", chat=zhou)
        assert sent.message["caption"] == "GDP · 2024年烟台、重庆的目标与实绩", sent


# -- a province's own target before its cities' results ---------------------------------
CITY_BULLETIN = """成都市2025年国民经济和社会发展统计公报

成都市统计局

初步核算，全年全市地区生产总值比上年增长5.6%。全年固定资产投资比上年增长3.1%。
"""

PROVINCE_REPORT = """2026年四川省政府工作报告

——2026年1月在四川省第十四届人民代表大会第五次会议上

今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，城镇新增就业85万人以上。
"""


def _library(tmp_path: Path, tokenizer: Tokenizer, docs: dict[str, str]) -> Engine:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in docs.items():
        (corpus / name).write_text(text, encoding="utf-8")
    root = build_template(tmp_path / "lib", corpus, tokenizer)
    return engine_copy(root, tmp_path / "copy", tokenizer)


async def test_targets_of_a_place_and_an_indicator_open_with_the_places_own_target(
    server: FakeBotApi, tmp_path: Path, tokenizer: Tokenizer
) -> None:
    """/targets 四川 GDP listed the province's 2026 target last, after its cities' results
    (in corpus order). The place's own figures now come first, its target before them,
    then its places', as /targets 四川 lists them."""
    engine = _library(
        tmp_path,
        tokenizer,
        {"a_chengdu_2025_bulletin.txt": CITY_BULLETIN, "b_sichuan_2026_gwr.txt": PROVINCE_REPORT},
    )
    zhou = server.add_user("周研究员")
    async with running(server, engine):
        said = await ask_text(server, zhou, zhou, "/targets 四川 GDP")
        assert said.index("5.5%") < said.index("5.6%"), said
        said = await ask_text(server, zhou, zhou, "/targets GDP 四川")
        assert said.index("5.5%") < said.index("5.6%"), said


# -- 今年 is this year, whatever place is asked ----------------------------------------------
CHENGDU_2022 = """成都市2022年国民经济和社会发展统计公报

成都市统计局

初步核算，全年全市地区生产总值比上年增长2.8%。全年固定资产投资比上年增长5.0%。
"""

SHENZHEN_2022 = """2022年深圳市政府工作报告

——2022年4月在深圳市第七届人民代表大会第三次会议上

今年经济社会发展的主要预期目标是：地区生产总值增长6%左右。
"""


async def test_this_year_is_the_librarys_not_a_places_last_bulletin_plus_one(
    server: FakeBotApi, tmp_path: Path, tokenizer: Tokenizer
) -> None:
    """成都今年GDP目标 read 今年 as 2023: 成都's newest document, its 2022 bulletin, set the
    year, and the reply said "没有找到目标：成都 2023" of a year nobody asked. 今年 is now
    the year of the library's newest documents (2026 here: 四川's report), and a place
    without a document of that year is said so, with the newest it has."""
    engine = _library(
        tmp_path,
        tokenizer,
        {
            "a_chengdu_2022_bulletin.txt": CHENGDU_2022,
            "b_sichuan_2026_gwr.txt": PROVINCE_REPORT,
            "c_shenzhen_2022_gwr.txt": SHENZHEN_2022,
        },
    )
    facets = engine.searcher.understand("成都今年GDP目标").facets
    assert (facets.region, facets.year, facets.year_base) == ("成都", 2026, 2026)
    assert engine.searcher.understand("四川和成都去年GDP").facets.year == 2025
    zhou = server.add_user("周研究员")
    async with running(server, engine):
        said = await ask_text(server, zhou, zhou, "成都今年GDP目标")
        assert "年份 2026（今年按" in said, said
        assert "没有找到目标：成都 2026" in said, said
        assert (
            "ℹ️ 文库里成都还没有2026年的文件，最新的是2022年的"
            "《成都市2022年国民经济和社会发展统计公报》（其中的数据：/targets 成都）"
        ) in said, said
        said = await ask_text(server, zhou, zhou, "四川今年GDP目标")
        assert "文库里四川还没有" not in said, said
        # a place whose newest report sets a target of its own 今年: that card, said so
        said = await ask_text(server, zhou, zhou, "深圳今年GDP目标")
        assert "🎯 答案：深圳 2022年 地区生产总值 目标：增长6%左右" in said, said
        assert "ℹ️ 文库里深圳还没有2026年的文件，最新的是2022年的" in said, said


# -- 投资 in a digest: money, not counts -------------------------------------------------
def test_an_investment_keyword_keeps_money_not_counts_of_its_group() -> None:
    """/subscribe 四川 GDP 投资 消费 就业 brought 农村公路 6000公里 and 燃气管网 4000公里
    into the digest: 投资 was found in their group's label (投资与项目), and in a section
    titled 扩大有效投资 every count of projects, schools and kilometres passed (a dev
    province's and the bundled city's reports alike). A money word asked keeps the money
    figures it does not name and the figures whose names say it."""
    synonyms = Synonyms.from_files([PROJECT_ROOT / "config" / "dictionaries" / "synonyms.txt"])
    table = default_table()
    section = "（一）统筹促消费和扩投资，全力扩大有效需求"
    records = [
        target_record("农村公路", value=6000, unit="公里", section="（六）城乡融合"),
        target_record("重点项目", value=2000, unit="个", section=section),
        target_record("地下管网", value=4000, unit="公里", section=section),
        target_record("固定资产投资", value=5.0, unit="%", change="增长", section="一、目标"),
        target_record("重点交通项目完成投资", value=309, unit="亿元", section="七、城市"),
        target_record("超长期特别国债", value=3000, unit="亿元", section=section),
    ]
    flt = parse_filter("投资")
    kept = [r.indicator for r in records if matches(r, None, flt, synonyms, table=table)]
    assert kept == ["固定资产投资", "重点交通项目完成投资", "超长期特别国债"]
    # a word that is no money keeps its group's counts as before
    flt = parse_filter("项目")
    kept = [r.indicator for r in records if matches(r, None, flt, synonyms, table=table)]
    assert "重点项目" in kept and "农村公路" in kept


# -- two asks in one message ----------------------------------------------------------------
PROVINCE_BULLETIN = """四川省2025年国民经济和社会发展统计公报

四川省统计局

初步核算，全年全省地区生产总值比上年增长5.5%。
"""


@pytest.mark.parametrize(
    ("text", "halves"),
    [
        ("四川去年GDP增长多少，今年目标多少", ("四川去年GDP增长多少", "今年目标多少")),
        ("烟台2023年完成多少；2024年目标是多少？", ("烟台2023年完成多少", "2024年目标是多少")),
        ("四川今年GDP目标", None),  # one ask
        ("四川今年GDP目标，今年就业目标", None),  # one year: another kind of question
        ("2024年、2025年GDP目标", None),  # a list of years
        ("去年增长多少，今年目标多少，明年呢", None),  # three parts
    ],
)
def test_two_asks(text: str, halves: tuple[str, str] | None) -> None:
    assert two_asks(text) == halves


async def test_two_asks_in_one_message_get_a_card_each(
    server: FakeBotApi, tmp_path: Path, tokenizer: Tokenizer
) -> None:
    """四川去年GDP增长多少，今年目标多少 was read with its first year and asked for a
    target: "没有找到目标：四川 2025", though last year's result was a passage shown. Each
    half now gets its own card (the second with the first's place and indicator), the
    passages ranked as before."""
    engine = _library(
        tmp_path,
        tokenizer,
        {
            "a_sichuan_2025_bulletin.txt": PROVINCE_BULLETIN,
            "b_sichuan_2026_gwr.txt": PROVINCE_REPORT,
        },
    )
    zhou = server.add_user("周研究员")
    async with running(server, engine):
        said = await ask_text(server, zhou, zhou, "四川去年GDP增长多少，今年目标多少")
    assert "🎯 答案：四川 2025年 地区生产总值 实绩：增长5.5%" in said, said
    assert "🎯 答案：四川 2026年 地区生产总值 目标：增长5.5%左右" in said, said
    assert "没有找到目标" not in said, said
