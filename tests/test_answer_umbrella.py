"""A word that ends the names of several indicators (失业率: 城镇调查失业率 and 城镇登记失业率)
asked of a place and a year: the answer holds each of those figures the place states,
each under its own name, or the one it states; on an invented library."""

from __future__ import annotations

import pytest

from bot.library import Engine
from bot.library.answers import umbrella_indicators
from bot.targets.indicators import IndicatorTable
from tests.conftest import engine_over

# invented reports: one states both unemployment rates, one the surveyed rate only
DOCS = {
    "hubei_2026_gwr.txt": (
        "2026年湖北省政府工作报告\n湖北省人民政府\n"
        "今年全省发展的主要预期目标是：地区生产总值增长5.5%左右，城镇新增就业75万人以上，"
        "城镇调查失业率5.5%左右，城镇登记失业率控制在4.5%以内。\n"
        "坚持就业优先，扩大高校毕业生就业渠道，稳定重点群体就业。\n"
    ),
    "hunan_2026_gwr.txt": (
        "2026年湖南省政府工作报告\n湖南省人民政府\n"
        "今年全省发展的主要预期目标是：地区生产总值增长6%左右，城镇调查失业率5.5%以内。\n"
        "推进乡村全面振兴，守牢耕地红线。\n"
    ),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> Engine:
    return engine_over(tmp_path_factory.mktemp("umbrella"), DOCS)


def _cards(engine: Engine, query: str) -> list[tuple[str, str]]:
    return [(a.indicator, a.figure) for a in engine.search(query, page_size=3).all_answers]


@pytest.mark.parametrize(
    "query",
    [
        "unemployment rate Hubei 2026",
        "湖北 2026 失业率",
        "2026 失业率 湖北",
        "湖北2026年失业率",
        "湖北 2026 失业率 目标",
        "hubei unemployment target",
        # the verb a target is set with, then the asking word (控制在多少, 目标是多少)
        "湖北 2026 失业率 控制在多少",
        "湖北 2026 失业率 目标是多少",
        "湖北2026年失业率要控制在多少",
        "湖北 2026 失业率 保持在多少",
        "湖北 2026 失业率 是多少",
    ],
)
def test_both_figures_the_word_stands_for_answer(engine: Engine, query: str) -> None:
    assert sorted(_cards(engine, query)) == [
        ("城镇登记失业率", "4.5%以内"),
        ("城镇调查失业率", "5.5%左右"),
    ], query


def test_figures_of_one_sentence_come_in_the_order_it_writes_them(engine: Engine) -> None:
    assert [name for name, _ in _cards(engine, "湖北 2026 失业率")] == [
        "城镇调查失业率",
        "城镇登记失业率",
    ]


def test_the_one_the_place_states_answers_alone(engine: Engine) -> None:
    resp = engine.search("湖南 2026 失业率", page_size=3)
    assert [(a.indicator, a.figure) for a in resp.all_answers] == [("城镇调查失业率", "5.5%以内")]
    assert resp.answer is not None and resp.answer.filename == "hunan_2026_gwr.txt"
    assert resp.hits[0].filename == "hunan_2026_gwr.txt"  # its passage leads


def test_the_word_is_said_as_understood(engine: Engine) -> None:
    understood = engine.search("unemployment rate Hubei 2026", page_size=3).understood
    assert understood is not None
    assert (understood.region, understood.year, understood.indicator) == ("湖北", 2026, "失业率")


def test_no_year_and_no_word_asking_is_a_topic(engine: Engine) -> None:
    assert engine.search("湖北 失业率", page_size=3).answer is None


def test_a_named_indicator_keeps_its_one_card(engine: Engine) -> None:
    assert _cards(engine, "湖北 2026 调查失业率") == [("城镇调查失业率", "5.5%左右")]


def test_a_place_filter_binds_every_card(engine: Engine) -> None:
    hubei = engine.search("2026 失业率 目标", region="湖北", page_size=3).all_answers
    assert [a.filename for a in hubei] == ["hubei_2026_gwr.txt"] * 2
    hunan = engine.search("2026 失业率 目标", region="湖南", page_size=3).all_answers
    assert "hubei_2026_gwr.txt" not in {a.filename for a in hunan}


def test_umbrella_indicators() -> None:
    table = IndicatorTable.load()
    word, members = umbrella_indicators(" 失业率 ", table) or ("", ())
    assert word == "失业率"
    assert set(members) == {"城镇调查失业率", "城镇登记失业率"}
    assert umbrella_indicators("失业率 目标", table) is not None  # words asking beside it
    assert umbrella_indicators("年失业率是", table) is not None  # 湖北2026年失业率是
    assert umbrella_indicators("调查失业率", table) is None  # a name the table knows
    assert umbrella_indicators("增加值", table) is None  # ends too many names: a topic
    assert umbrella_indicators("失业率 就业渠道", table) is None  # more than the word
    assert umbrella_indicators("率", table) is None  # too short to stand for a figure
    # the verb a target is set with is how it asks; a word of another measure is not
    assert umbrella_indicators("失业率 控制在多少", table) is not None
    assert umbrella_indicators("失业率 要达到多少", table) is not None
    assert umbrella_indicators("失业率 控制 就业渠道", table) is None
    assert umbrella_indicators("控制在", table) is None
    assert umbrella_indicators("", table) is None


@pytest.mark.parametrize(
    ("query", "card"),
    [
        ("湖北 2026 城镇登记失业率 控制在", ("城镇登记失业率", "4.5%以内")),
        ("湖北 城镇登记失业率 控制在", ("城镇登记失业率", "4.5%以内")),
        ("湖北 2026 地区生产总值 保持在", ("地区生产总值", "5.5%左右")),
    ],
)
def test_a_named_figure_asked_with_the_verb_its_target_is_set_with(engine: Engine, query, card):
    assert _cards(engine, query) == [card]


def test_the_verb_without_a_named_figure_is_a_topic(engine: Engine) -> None:
    assert engine.search("失业率 控制在 合理区间", page_size=3).answer is None
