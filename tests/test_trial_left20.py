"""Faults an analyst's trial found (bench/RESULTS.md, `user-trial14`, items 11 and 12),
each fixed by a general rule. All sentences are invented."""

from __future__ import annotations

import pytest

from bot.analytics.linking import Sourced
from bot.analytics.side_by_side import side_by_side, target_years
from bot.corpus.loader import load_document
from bot.models import Document
from bot.targets import TargetRecord, extract_targets
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
