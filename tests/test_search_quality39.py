"""English the glossary lacked (issue 13, ``search-quality39``): major S&T projects are the
reports' 重大科技专项 (written 科技重大专项 too), rescuers their 救援人员, protective equipment
their 防护装备 (with 防护产品 and 防护设备). Word by word the query read nothing of S&T,
projects as 项目, and the corrector made rescuer rescue. Invented texts only."""

from __future__ import annotations

import pytest

from bot.text.english import with_chinese_terms
from tests.conftest import engine_over


@pytest.mark.parametrize(
    ("query", "read"),
    [
        ("Sichuan six major S&T projects", "Sichuan six 重大科技专项"),
        ("S&T projects 2030", "重大科技专项 2030"),
        ("major science and technology projects", "重大科技专项"),
        ("emergency plan rescuer protective equipment", "emergency plan 救援人员 防护装备"),
        ("rescue workers", "救援人员"),
        # science and technology alone is still read as before
        ("science and technology", "科技创新"),
    ],
)
def test_the_english_is_read_as_the_reports_write_it(query, read):
    assert with_chinese_terms(query) == read


# A 2031 plan naming its projects one way and another report the other way, each beside a
# line of ordinary 项目 (projects) that word-by-word reading found first.
PLAN = (
    "2031年某省科技创新规划\n"
    "一、重点任务\n"
    "实施新材料、生物制造等5个科技重大专项，突破一批关键核心技术。\n"
    "加快重点项目建设，全年新开工项目120个。\n"
)
EMERGENCY = (
    "2031年某省应急体系建设规划\n"
    "一、应急物资\n"
    "研发救援人员防护产品、重要设施防护系统等安全应急产品。\n"
    "完善应急物资储备库布局，新建物资储备库12个。\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("quality39"),
        {"province_x_2031_plan.txt": PLAN, "province_x_2031_emergency-plan.txt": EMERGENCY},
    )


@pytest.mark.parametrize(
    ("query", "line"),
    [
        ("major S&T projects", "5个科技重大专项"),
        ("rescuer protective equipment", "救援人员防护产品"),
    ],
)
def test_the_english_finds_the_line(engine, query, line):
    hits = engine.search(query, page_size=3).hits
    assert hits and line in hits[0].text
