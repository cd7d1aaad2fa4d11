"""Faults an analyst's trial found (bench/RESULTS.md, `user-trial14`, items 11 and 12),
each fixed by a general rule. All sentences are invented."""

from __future__ import annotations

import pytest

from bot.analytics.linking import Sourced
from bot.analytics.side_by_side import side_by_side, target_years
from bot.corpus.loader import load_document
from bot.models import Document
from bot.targets import TargetRecord, extract_targets
from bot.text.english import misspelled_words
from tests.conftest import engine_over
from tests.test_analytics_linking import TABLE, info, rec, result

REPORT = "江州省2026年政府工作报告\n"


@pytest.fixture
def records(tmp_path, table):
    def run(*lines: str, title: str = REPORT) -> list[TargetRecord]:
        path = tmp_path / "doc.txt"
        path.write_text(title + "\n".join(lines) + "\n", encoding="utf-8")
        doc: Document = load_document(path, tmp_path, max_bytes=10**7, passage_max_chars=400)
        return extract_targets(doc, table)

    return run


def _points(got: list[TargetRecord]) -> list[tuple[str, float | None, str]]:
    return [(r.indicator, r.value, r.change) for r in got if r.unit == "个百分点"]


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        # a gap after 、 as after ，: not the region's own (average) growth
        ("地区生产总值年均增长6.1%、高于全国0.7个百分点。", ("地区生产总值", 0.7, "高于")),
        ("民间投资增长3.2%、低于全国1.4个百分点。", ("民间投资", 1.4, "低于")),
        (
            "规模以上工业增加值增长7.3%，增速快于全省2.2个百分点。",
            ("规模以上工业增加值", 2.2, "快于"),
        ),
        # the gap said with 比 before the benchmark
        ("社会消费品零售总额增长5.1%，比全国高0.6个百分点。", ("社会消费品零售总额", 0.6, "高于")),
        ("农产品加工转化率比全国平均水平低约2个百分点。", ("农产品加工转化率", 2, "低于")),
    ],
)
def test_a_gap_to_a_benchmark_is_named_as_the_gap(records, sentence, want):
    assert _points(records(sentence)) == [want]


def test_a_rise_over_time_in_points_stays_a_rise(records):
    got = _points(records("今年赤字率拟按4%左右安排、比上年提高1个百分点。"))
    assert got == [("赤字率", 1, "提高")]


def test_zones_and_lists_of_places_are_no_rows_beside_regions():
    # a province's report names its zones' and several cities' totals: figures within
    # the province (named after the part, as the gold guidelines say), not regions
    gx, sx = info("gx26", 2026, region="广西"), info("sx26", 2026, region="山西")
    records = [
        Sourced(gx, rec("地区生产总值", 5.0, qualifier="左右", year="2026", region="广西")),
        Sourced(gx, result("地区生产总值", 5.2, year="2025", region="广西")),
        Sourced(gx, result("地区生产总值", 1, unit="万亿元", year="2025", region="北部湾经济区")),
        Sourced(gx, result("地区生产总值", 6.1, year="2025", region="桂林经济圈")),
        Sourced(gx, result("地区生产总值", 800, unit="亿元", year="2025", region="钦州、北海")),
        Sourced(gx, result("地区生产总值", 3000, unit="亿元", year="2025", region="柳州")),
        Sourced(sx, rec("地区生产总值", 5.0, year="2026", region="晋北")),  # an area
        Sourced(sx, rec("地区生产总值", 4.5, year="2026", region="山西")),
    ]
    rows = side_by_side(records, TABLE, 2026)
    assert [r.region for r in rows] == ["山西", "广西", "柳州"]  # 柳州 is a city of 广西
    assert target_years(records) == {2026: 2}


NATIONAL = (
    "2031年国务院政府工作报告\n"
    "二、2031年经济社会发展总体要求和政策取向\n"
    "今年赤字率拟按3.5%左右安排，拟安排地方政府专项债券5万亿元。\n"
    "加快发展新质生产力，推动产业升级。\n"
)
GANSU = (
    "2031年甘肃省政府工作报告\n"
    "二、今年工作安排\n"
    "用好地方政府专项债券，争取专项债券额度600亿元，支持重大项目建设。\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("left20"),
        {"national_china_2031_gwr.txt": NATIONAL, "province_gansu_2031_gwr.txt": GANSU},
    )


@pytest.mark.parametrize(
    "english",
    ["what is the deficit ratio", "What's the deficit ratio?", "what was the deficit ratio"],
)
def test_an_english_what_is_of_an_indicator_gets_the_card_the_chinese_gets(engine, english):
    want = engine.search("赤字率是多少", page_size=3).answer
    got = engine.search(english, page_size=3).answer
    assert want is not None and got is not None
    assert (got.indicator, got.value) == (want.indicator, want.value) == ("赤字率", 3.5)


def test_what_is_of_a_term_asks_its_meaning_not_a_figure(engine):
    assert engine.search("what is new quality productive forces", page_size=3).answer is None


def test_an_english_word_misspelt_from_the_glossary_is_corrected(engine):
    resp = engine.search("specal bonds Gansu", page_size=3)
    assert [(c.original, c.corrected) for c in resp.corrections] == [("specal", "special")]
    assert resp.query == "specal bonds Gansu"
    assert resp.corrected_query == "special bonds Gansu"
    assert resp.understood is not None and resp.understood.region == "甘肃"
    assert resp.hits and "专项债券" in resp.hits[0].text
    # --as-typed: as typed
    assert not engine.search("specal bonds Gansu", page_size=3, correct=False).corrections


@pytest.mark.parametrize(
    ("typed", "want"),
    [
        ("specal bonds", [("specal", "special")]),
        ("infrastucture investment", [("infrastucture", "infrastructure")]),
        ("Specail bonds", [("Specail", "special")]),  # two letters swapped, a capital
        ("special bonds", []),  # the glossary's own
        ("rats", []),  # too short to tell from another word
        ("Gansu jingji", []),  # known: a place, a pinyin word
    ],
)
def test_misspelled_words_one_edit_from_one_glossary_word(typed, want):
    glossary = {"special bond": "专项债券", "infrastructure": "基础设施", "investment": "投资"}
    known = {"gansu", "jingji"}.__contains__
    assert misspelled_words(typed, known, glossary) == want


def test_a_word_as_near_two_glossary_words_stays():
    glossary = {"price": "价格", "prize": "奖", "special": "专项"}
    assert misspelled_words("prise", lambda w: False, glossary) == []
