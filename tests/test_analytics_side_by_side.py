"""Regions side by side (bot.analytics.side_by_side): one indicator, one year, one row
per region with its target and last result; CSV, Markdown and XLSX exports."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from bot.analytics.linking import Sourced
from bot.analytics.side_by_side import (
    EXPORT_FIELDS,
    default_year,
    export_rows,
    side_by_side,
    target_years,
    to_csv,
    to_markdown,
    to_xlsx,
)
from tests.test_analytics_linking import TABLE, info, rec, result


def _records() -> list[Sourced]:
    cn25, cn26 = info("cn25", 2025, region="全国"), info("cn26", 2026, region="全国")
    sd26, hn26 = info("sd26", 2026), info("hn26", 2026, region="河南")
    hn_bulletin = info("hnb25", 2025, "统计公报", region="河南")
    return [
        Sourced(cn25, result("国内生产总值", 5.0, year="2024", region="全国")),
        Sourced(cn26, rec("国内生产总值", 4.5, value_max=5.0, year="2026", region="全国")),
        Sourced(
            cn26,
            result("国内生产总值", 140, unit="万亿元", change="达到", year="2025", region="全国"),
        ),
        Sourced(cn26, result("国内生产总值", 5.0, year="2025", region="全国")),
        # 山东: a level target first in the document, the growth target after it
        Sourced(
            sd26, rec("地区生产总值", 10, unit="万亿元", change="突破", year="2026", region="山东")
        ),
        Sourced(sd26, rec("地区生产总值", 5.5, qualifier="左右", year="2026", region="山东")),
        Sourced(sd26, result("地区生产总值", 5.5, year="2025", region="山东")),
        Sourced(sd26, rec("地区生产总值", 6.0, year="2030", region="山东")),  # other year
        # 河南: the bulletin's result for 2025 wins over the report's
        Sourced(hn26, rec("地区生产总值", 5.0, qualifier="以上", year="2026", region="河南")),
        Sourced(hn26, result("地区生产总值", 5.4, year="2025", region="河南")),
        Sourced(hn_bulletin, result("地区生产总值", 5.6, year="2025", region="河南")),
    ]


def test_one_row_per_region_national_first_with_target_and_last_result():
    rows = side_by_side(_records(), TABLE, 2026)
    assert [r.region for r in rows] == ["全国", "山东", "河南"]
    national, shandong, henan = rows
    assert national.target and national.target.record.value_max == 5.0
    assert national.result and national.result.record.value == 5.0  # the growth rate, 2025
    assert national.result.record.year == "2025"
    assert shandong.target and shandong.target.record.value == 5.5  # growth, as most regions
    assert henan.result and henan.result.doc.doc_id == "hnb25"
    assert {r.status for r in rows} == {None}  # results for 2025, targets for 2026


def test_status_when_the_result_is_for_the_targets_year_and_regions_without_a_target():
    later = info("sd27", 2027)
    met = [*_records(), Sourced(later, result("地区生产总值", 5.1, year="2026", region="山东"))]
    shandong = side_by_side(met, TABLE, 2026)[1]
    # the 2027 report's result for 2026 is 山东's last result for 2026: 5.1 against 5.5左右
    assert shandong.result and shandong.result.record.year == "2026"
    assert shandong.status == "met"
    missed = [*_records(), Sourced(later, result("地区生产总值", 4.9, year="2026", region="山东"))]
    assert side_by_side(missed, TABLE, 2026)[1].status == "missed"
    hubei = info("x", 2024, region="湖北")
    only_results = side_by_side(
        [Sourced(hubei, result("地区生产总值", 5.8, year="2024", region="湖北"))], TABLE, 2026
    )
    assert [(r.region, r.target, r.status) for r in only_results] == [("湖北", None, None)]


def test_exports_csv_markdown_and_xlsx():
    rows = export_rows(side_by_side(_records(), TABLE, 2026), 2026)
    parsed = list(csv.DictReader(io.StringIO(to_csv(rows))))
    assert [r["region"] for r in parsed] == ["全国", "山东", "河南"]
    assert parsed[0]["target"].startswith("增长4.5") and parsed[0]["target"].endswith("5%")
    assert (parsed[0]["target_value"], parsed[0]["target_value_max"]) == ("4.5", "5")
    assert (parsed[2]["result_value"], parsed[2]["result_doc"]) == ("5.6", "hnb25.txt")
    md = to_markdown(rows).splitlines()
    assert md[0].startswith("| 地区 region | 指标 indicator |") and md[1].startswith("| --- |")
    assert md[2].startswith("| 全国 | 国内生产总值 |") and len(md) == 5
    book = load_workbook(io.BytesIO(to_xlsx(rows, title="GDP 2026")))
    sheet = book.active
    assert sheet.title == "GDP 2026"
    values = list(sheet.values)
    assert values[0] == EXPORT_FIELDS
    assert values[1][0] == "全国" and values[3][values[0].index("result_value")] == 5.6
    assert sheet.freeze_panes == "A2"


def _targets(year_regions: dict[str, list[str]]) -> list[Sourced]:
    """One growth target per (year, region): ``{"2030": ["山东", "河南"]}``."""
    out = []
    for year, regions in year_regions.items():
        for region in regions:
            doc = info(f"{region}{year}", int(year[:4]), region=region)
            out.append(Sourced(doc, rec("地区生产总值", 5.0, year=year, region=region)))
    return out


def test_target_years_count_regions_not_records_and_a_span_for_its_end():
    records = _targets({"2026": ["山东", "河南"], "2021-2025": ["湖北"], "2025": ["湖北"]})
    records.append(records[0])  # the same region twice: still one region
    hubei = info("hb-r", 2025, region="湖北")
    records.append(Sourced(hubei, result("地区生产总值", 5.0, year="2024", region="湖北")))
    assert target_years(records) == {2026: 2, 2025: 1}


def test_the_default_year_is_the_one_most_regions_have_a_target_for():
    """The end of a five-year plan (2030) has fewer regions than the year in hand."""
    counts = target_years(
        _targets({"2030": ["山东", "河南"], "2026": ["山东", "河南", "湖北", "四川"]})
    )
    assert default_year(counts, 2026) == 2026
    assert default_year(counts, 2020) == 2026  # the count wins over nearness
    assert default_year(target_years([]), 2026) is None


def test_a_tie_goes_to_the_nearest_year_not_in_the_past_else_the_latest():
    tied = target_years(
        _targets({"2024": ["山东", "河南"], "2027": ["山东", "河南"], "2030": ["湖北", "四川"]})
    )
    assert default_year(tied, 2026) == 2027  # not 2024 (past), nor 2030 (farther)
    assert default_year(tied, 2027) == 2027
    assert default_year(tied, 2028) == 2030  # 2027 is past now
    assert default_year(tied, 2031) == 2030  # every one past: the latest
