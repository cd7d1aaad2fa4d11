"""Region filters with the province ⊃ city ⊃ county tree (bot/corpus/regions.py)."""

from __future__ import annotations

import pytest

from bot.corpus.gazetteer import default_gazetteer
from bot.corpus.regions import figure_in_region, place_in_region, region_key


@pytest.fixture(scope="module")
def gz():
    return default_gazetteer()


def test_region_key_drops_a_final_city_or_province_suffix():
    assert region_key("烟台市") == "烟台"
    assert region_key("山东省") == "山东"
    assert region_key("烟台") == "烟台"
    assert region_key(None) == ""


@pytest.mark.parametrize(
    ("wanted", "region", "path", "inside"),
    [
        ("山东", "烟台", ("山东", "烟台"), True),  # a province includes its cities
        ("山东省", "青岛", ("山东", "青岛"), True),
        ("山东", "海拉尔", ("内蒙古", "呼伦贝尔", "海拉尔"), False),
        ("呼伦贝尔", "海拉尔", ("内蒙古", "呼伦贝尔", "海拉尔"), True),  # a city, its districts
        ("烟台", "山东", ("山东",), False),  # never the other way round
        ("全国", "全国", (), True),
        ("全国", "烟台", ("山东", "烟台"), False),  # 全国 means national documents
        ("山东", "全国", (), False),
        ("西海岸", "西海岸新区", (), True),  # part of the name, as before
    ],
)
def test_place_in_region_by_path(wanted, region, path, inside):
    assert place_in_region(wanted, region, path) is inside


def test_place_in_region_without_a_path_asks_the_gazetteer(gz):
    assert not place_in_region("湖北", "武汉")
    assert place_in_region("湖北", "武汉", (), gz)
    assert place_in_region("山东", "市南区", (), gz)  # a district of 青岛
    assert not place_in_region("广东", "武汉", (), gz)
    assert not place_in_region("", "武汉", (), gz)


def test_figures_about_a_part_of_the_document_region(gz):
    hubei = ("湖北",)
    # A figure about 武汉 in a 湖北 report is inside 湖北 and inside 武汉.
    assert figure_in_region("湖北", "武汉", "湖北", hubei, gz)
    assert figure_in_region("武汉", "武汉", "湖北", hubei, gz)
    # The report's own figures are not about 武汉.
    assert not figure_in_region("武汉", "湖北", "湖北", hubei, gz)
    assert not figure_in_region("武汉", "", "湖北", hubei, gz)
    # A national comparison in a provincial report is national, not 湖北.
    assert figure_in_region("全国", "全国", "湖北", hubei, gz)
    assert not figure_in_region("湖北", "全国", "湖北", hubei, gz)
    # A part the gazetteer does not know belongs to the document's region.
    qingdao = ("山东", "青岛")
    assert figure_in_region("山东", "西海岸新区", "青岛", qingdao, gz)
    assert figure_in_region("西海岸新区", "西海岸新区", "青岛", qingdao, gz)
    # A known place elsewhere is judged by its own place in the tree.
    assert not figure_in_region("湖北", "青岛", "湖北", hubei, gz)


def test_figures_without_a_document_region(gz):
    assert figure_in_region("山东", "烟台", None, (), gz)
    assert not figure_in_region("山东", "", None, (), gz)
    assert figure_in_region("全国", "", "全国", (), gz)  # a national document's figure
