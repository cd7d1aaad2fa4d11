"""Look-alike lines of one report (issue 13, ``search-quality33``): a report reviewing the
year before its own sets the next plan period's goals under a heading naming the period
(二、“十六五”时期主要目标任务), whose levels (常住人口城镇化率达70%左右) are the period's end, not
the year reviewed. Such a section speaks of the year asked no more than the section of
the report's own year (三、2031年工作安排) does: a query naming the reviewed year finds the
review's line. Invented texts only."""

from __future__ import annotations

import pytest

from bot.search.facets import _other_period
from bot.search.understand import periods_named
from tests.conftest import engine_over

# A 2031 report reviewing 2030 (the last year of 十五五) and setting 十六五's goals.
REPORT = (
    "2031年甘肃省政府工作报告\n"
    "一、2030年和“十五五”时期工作回顾\n"
    "（五）大力推进以人为本的新型城镇化。持续优化城镇空间格局，国土空间规划体系基本形成。"
    "深入推进农业转移人口市民化，常住人口城镇化率从2025年的55.1%提升到2030年的60.2%。"
    "累计完成棚户区改造21.3万户、老旧小区改造30.5万户，建设改造城镇地下管网1.2万公里。"
    "培育商圈60个，社会消费品零售总额年均增长4.1%。五年来，城市品质不断提升。\n"
    "二、“十六五”时期主要目标任务\n"
    "——城乡融合取得显著成效。城镇化质量和水平稳步提升，常住人口城镇化率达66%左右。\n"
    "三、2031年工作安排\n"
    "主要预期目标是：地区生产总值增长5%左右，常住人口城镇化率达61%左右。\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("quality33"), {"province_gansu_2031_gwr.txt": REPORT}
    )


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        ("二、“十六五”时期主要目标任务", [(2031, 2035)]),
        ("一、2025年和“十四五”时期工作回顾", [(2021, 2025)]),
        ("三、2026年工作安排", []),
    ],
)
def test_the_years_of_a_plan_period_named(text, periods):
    assert periods_named(text) == periods


@pytest.mark.parametrize(
    ("path", "year", "other"),
    [
        (("二、“十六五”时期主要目标任务",), 2030, True),
        (("二、“十六五”时期主要目标任务",), 2033, False),
        # the first part reviews the period the year ends: still the year's
        (("二、“十五五”时期发展成就和“十六五”时期主要目标任务",), 2030, False),
        (("三、2031年工作安排",), 2030, False),  # a year, not a period (the year rule's)
    ],
)
def test_a_heading_of_another_plan_period(path, year, other):
    assert _other_period(path, year) is other


@pytest.mark.parametrize("query", ["甘肃 城镇化率 2030年 达到", "甘肃 2030年 常住人口城镇化率"])
def test_the_next_periods_goals_do_not_answer_the_year_reviewed(engine, query):
    r = engine.search(query, page_size=3)
    assert r.hits and "提升到2030年的60.2%" in r.hits[0].text, [h.text for h in r.hits]


def test_a_year_inside_the_period_still_finds_its_goals(engine):
    # 2035 is 十六五's last year: its goals speak of it (the level of 2035)
    r = engine.search("甘肃 2035年 城镇化率", page_size=3)
    assert r.hits and "达66%左右" in r.hits[0].text, [h.text for h in r.hits]
