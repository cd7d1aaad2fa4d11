"""Answer cards and comparisons that keep to the place asked, and help that offers a
group mention only when Telegram delivers it (``bench/RESULTS.md``, ``card-region``,
left by ``user-trial12``). Through the fake Bot API server, with unit cases on invented
text."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.library import Engine
from bot.text.tokenize import Tokenizer
from fake_telegram import FakeBotApi
from handlers.format.help import help_html
from tests.e2e import ask_text, build_template, engine_copy, running

# Invented documents about real places: a province's report without an investment
# target, two of its counties' reports with one, a county's two bulletins.
LIBRARY = {
    "hunan_2026_report.txt": (
        "2026年湖南省人民政府工作报告\n\n二、2026年主要目标\n"
        "今年全省经济社会发展主要预期目标是：地区生产总值增长5.5%左右，"
        "粮食产量610亿斤以上。\n"
    ),
    "攸县2026年政府工作报告.txt": (
        "2026年攸县人民政府工作报告\n\n二、2026年主要目标\n"
        "地区生产总值增长7%左右；固定资产投资增长9%；社会消费品零售总额增长6.5%。\n"
    ),
    "茶陵县2026年政府工作报告.txt": (
        "2026年茶陵县人民政府工作报告\n\n二、2026年主要目标\n"
        "地区生产总值增长6.5%；固定资产投资增长8%。\n"
    ),
    "攸县2024年统计公报.txt": (
        "攸县2024年国民经济和社会发展统计公报\n\n一、农业\n全年粮食产量31.2万吨，比上年增长1.5%。\n"
    ),
    "攸县2025年统计公报.txt": (
        "攸县2025年国民经济和社会发展统计公报\n\n一、农业\n全年粮食产量31.8万吨，比上年增长1.9%。\n"
    ),
}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory, tokenizer: Tokenizer) -> Path:
    source = tmp_path_factory.mktemp("card-region-library")
    for name, text in LIBRARY.items():
        (source / name).write_text(text, encoding="utf-8")
    return build_template(tmp_path_factory.mktemp("card-region-template"), source, tokenizer)


@pytest.fixture
def engine(template: Path, tmp_path: Path, tokenizer: Tokenizer) -> Engine:
    return engine_copy(template, tmp_path, tokenizer)


# -- help and Telegram's privacy mode ----------------------------------------------------------
def test_help_offers_a_group_mention_only_when_it_is_delivered() -> None:
    for lang in ("zh", "en"):
        said = help_html("fake_test_bot", lang=lang)
        assert "@fake_test_bot" in said
        said = help_html("fake_test_bot", mentions=False, lang=lang)
        assert "@fake_test_bot" not in said
    assert "群里的 @ 提及我收不到" in help_html("b", mentions=False, lang="zh")
    assert "在群组中请用 /search 或 @b 关键词" in help_html("b", lang="zh")


@pytest.mark.fake_bot(privacy_mode=True)
async def test_help_in_a_group_under_privacy_mode_offers_the_command(
    server: FakeBotApi, engine: Engine
) -> None:
    """``/help`` said "在群组中请用 /search 或 @bot 关键词" while, privacy mode on, the
    mention is never delivered to a member bot (the greeting already said so)."""
    head = server.add_user("王局长")
    office = server.add_chat("supergroup", "发改局工作群")
    server.set_member(office, head, "creator")
    async with running(server, engine):
        said = await ask_text(server, office, head, "/help")
        assert "@fake_test_bot 关键词" not in said, said
        way = "在群组中请用 /search 关键词，或回复我的消息（按回复的文字搜索）：群里的 @ 提及"
        assert way in said, said


async def test_help_offers_the_mention_when_the_bot_reads_the_group(
    server: FakeBotApi, engine: Engine
) -> None:
    head = server.add_user("王局长")
    async with running(server, engine):
        said = await ask_text(server, head, head, "/help")
        assert "在群组中请用 /search 或 @fake_test_bot 关键词" in said, said


# -- a province asked, a county's figure found ---------------------------------------------------
async def test_a_province_asked_is_not_answered_with_a_county_figure_as_its_own(
    server: FakeBotApi, engine: Engine
) -> None:
    """``四川省今年固定资产投资的目标是多少`` answered with 蓬溪县's 8% as if it were the
    province's: the province's report sets none. The card stays (a figure inside the
    province is still worth seeing) and says plainly whose it is."""
    head = server.add_user("王局长")
    async with running(server, engine):
        said = await ask_text(server, head, head, "湖南省今年固定资产投资的目标是多少。")
        assert "固定资产投资 目标" in said, said
        assert "你问的是湖南：没有找到湖南自己的这项目标，这是其下辖的" in said, said
        # the province's own figure answers for it, with no such line
        said = await ask_text(server, head, head, "湖南 地区生产总值 目标")
        assert "答案：湖南 2026年 地区生产总值 目标：增长5.5%左右" in said, said
        assert "你问的是" not in said, said


def test_the_card_of_the_place_asked_names_no_other() -> None:
    from bot.library.answers import inside_asked

    assert inside_asked("攸县", "湖南") == "湖南"
    assert inside_asked("湖南湘江新区", "湖南") == "湖南"  # a zone inside is not the province
    assert inside_asked("湖南", "湖南省") is None
    assert inside_asked("攸县", "攸县") is None
    assert inside_asked("茶陵", "茶陵县") is None  # one place written two ways
    assert inside_asked("茶陵", None) is None


def _record(indicator: str, value: float, region: str, year: str = "2026"):
    from tests.factories import target_record

    return target_record(indicator=indicator, value=value, unit="%", region=region, year=year)


def test_the_region_asked_answers_before_a_newer_place_inside_it() -> None:
    """A county's target of a newer document came before its province's own: the newest
    document won whatever its place."""
    from bot.library.answers import best_answer
    from bot.models import Understood
    from tests.factories import document_info

    province = document_info(doc_id="p", region="湖南", year=2025)
    county = document_info(doc_id="c", region="攸县", year=2026, region_path=("湖南", "株洲"))
    rows = [
        (county, _record("固定资产投资", 9, "攸县")),
        (province, _record("固定资产投资", 6, "湖南", "2025")),
    ]
    found = best_answer(rows, Understood(region="湖南"), "固定资产投资")
    assert found is not None and found[0].doc_id == "p"
    # the county asked: its own
    found = best_answer(rows, Understood(region="攸县"), "固定资产投资")
    assert found is not None and found[0].doc_id == "c"


# -- a change between two years' results -----------------------------------------------------------
async def test_a_change_between_two_past_years_is_answered_by_their_results(
    server: FakeBotApi, engine: Engine
) -> None:
    """``蓬溪县粮食产量2024年和2025年相比变化多少`` said "没有找到目标：蓬溪 2024、蓬溪 2025"
    while the two bulletins' figures were the first two passages."""
    head = server.add_user("王局长")
    async with running(server, engine):
        said = await ask_text(server, head, head, "攸县粮食产量2024年和2025年相比变化多少")
        assert "答案：攸县 2024年 粮食产量 实绩：31.2万吨" in said, said
        assert "答案：攸县 2025年 粮食产量 实绩：31.8万吨" in said, said
        assert "没有找到目标" not in said, said


# -- /compare with a province and a place inside it ----------------------------------------------
async def test_compare_a_province_and_its_county_lists_those_two(
    server: FakeBotApi, engine: Engine
) -> None:
    """``/compare GDP 四川 蓬溪县`` listed every place inside 四川 (13 blocks): named beside
    a place inside it, a province means its own figures."""
    head = server.add_user("王局长")
    async with running(server, engine):
        said = await ask_text(server, head, head, "/compare GDP 湖南 攸县", timeout=30)
        assert "5.5%左右" in said and "7%左右" in said, said
        assert "茶陵" not in said and "6.5%" not in said, said
        # named alone, the province keeps the places inside it
        said = await ask_text(server, head, head, "/compare GDP 湖南", timeout=30)
        assert "5.5%左右" in said and "7%左右" in said and "6.5%" in said, said
