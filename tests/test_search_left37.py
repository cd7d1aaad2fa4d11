"""What search-quality37 left (issue 13, ``search-left37``): English words the dictionary
read one by one where the reports write one term (school places: 学位, not 教育 and 位置;
non-invasive, brain-spine interface: 非侵入式, 脑脊接口),
and the liquor industry as people call it (酒业) found as the reports write it (白酒产业).
Invented texts only."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.search.asking import Asking, asks_figure
from bot.text.english import with_chinese_terms
from bot.text.synonyms import Synonyms
from tests.conftest import engine_over

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        ("Chengdu 2022 new school places", "Chengdu 2022 new 学位"),
        ("student places added", "学位 added"),
        ("school place", "学位"),
        ("non-invasive brain computer interface", "非侵入式 脑机接口"),
        ("semi-invasive BCI products", "半侵入式 BCI products"),
        ("brain-spine interface Shanghai", "脑脊接口 Shanghai"),
    ],
)
def test_english_read_as_the_reports_write_it(english, chinese):
    assert with_chinese_terms(english) == chinese


@pytest.mark.parametrize("english", ["school", "places of interest"])
def test_school_or_places_alone_keep_their_reading(english):
    # the compound only: school alone is still 教育, places alone no 学位
    assert "学位" not in with_chinese_terms(english)


def test_the_liquor_industry_as_people_call_it():
    synonyms = Synonyms.from_files([ROOT / "config" / "dictionaries" / "synonyms.txt"])
    assert "白酒产业" in set(synonyms.expand("酒业"))
    assert "酒业" in set(synonyms.expand("白酒产业"))


GUIZHOU = (
    "2031年贵州省政府工作报告\n"
    "二、2031年工作安排\n"
    "做强特色优势产业。打造酱香白酒产业集群，推动白酒产业提质升级，稳步扩大市场份额。\n"
    "加快新能源电池材料产业发展，建设储能电池生产基地。\n"
)
HAILAER = (
    "2031年海拉尔区政府工作报告\n"
    "二、2031年工作安排\n"
    "破解中小企业融资难问题，支持古纳河酒业等企业挂牌上市，提高直接融资比重。\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(
        tmp_path_factory.mktemp("left37"),
        {"province_guizhou_2031_gwr.txt": GUIZHOU, "district_hailaer_2031_gwr.txt": HAILAER},
    )


def test_a_place_asked_about_its_liquor_industry_finds_its_own_line(engine):
    hits = engine.search("贵州 酒业 下一步 怎么搞", page_size=3).hits
    assert hits
    assert "白酒产业" in hits[0].text


@pytest.mark.parametrize(
    ("query", "asked"),
    [
        ("安徽 营商环境 排名", True),
        ("Anhui business environment ranking", True),
        ("营商环境 全国排第几", True),
        ("安徽 营商环境", False),
        ("哪几个省提到脑机接口", False),
    ],
)
def test_a_rank_asked_is_a_figure_asked(query, asked):
    # the line stating the rank (第20位, 第3位) is wanted, as for 排第几
    assert asks_figure(query) is asked
    assert Asking.of(query).counted is asked
