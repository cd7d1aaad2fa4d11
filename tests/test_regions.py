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


def test_place_names_are_found_leftmost_longest_with_their_suffix(gz):
    def found(text: str) -> list[tuple[str, int, int, bool]]:
        return [(m.place.name, m.start, m.end, m.suffixed) for m in gz.mentions(text)]

    # the longest name at a position (呼伦贝尔市, not 呼伦贝尔), then on from its end
    assert found("呼伦贝尔市海拉尔区的发展") == [
        ("呼伦贝尔市", 0, 5, True),
        ("海拉尔区", 5, 9, True),
    ]
    assert found("七台河市七星关区") == [("七台河市", 0, 4, True), ("七星关区", 4, 8, True)]
    # a short name without its suffix, a name at the very end
    assert found("青岛西海岸新区和济南") == [("青岛市", 0, 2, False), ("济南市", 8, 10, False)]
    assert found("海南省海口") == [("海南省", 0, 3, True), ("海口市", 3, 5, False)]
    assert found("") == [] and found("青") == [] and found("发展经济") == []


@pytest.mark.parametrize(
    "text",
    ["全年青岛市地区生产总值", "其中济南增长", "新增海口项目", "发展经济", "青", "", "全市合计"],
)
@pytest.mark.parametrize("first", [0, 1, 2, 3, 5])
def test_a_name_may_start_within_the_first_positions_whenever_mentions_finds_one(gz, text, first):
    # may_name_within is the cheap test a caller makes before mentions: it may say yes
    # where no name is (its first two characters only), never no where one starts
    found = [m.start for m in gz.mentions(text)]
    assert gz.may_name_within(text, first) or all(start >= first for start in found)


def test_may_name_within_says_no_before_a_text_that_opens_on_no_name(gz):
    assert not gz.may_name_within("全年全市合计增长", 3)
    assert gz.may_name_within("全年青岛增长", 3)
    assert not gz.may_name_within("全年新增青岛", 3)


@pytest.mark.parametrize(
    ("wanted", "region", "inside"),
    [
        # a zone spanning several divisions, named after its centre, is not inside it
        ("武汉", "武汉都市圈", False),
        ("长沙", "长沙经济圈", False),
        ("西安", "西安城市群", False),
        ("郑州市", "郑州平原经济区", False),
        ("合肥", "合肥一体化示范区", False),
        # a fragment of the zone's own name, or the zone itself, still finds it
        ("郑州平原", "郑州平原经济区", True),
        ("武汉都市圈", "武汉都市圈", True),
        # parts of a division named after it stay inside it
        ("武汉", "武汉新区", True),
        ("西海岸", "西海岸新区", True),
    ],
)
def test_a_zone_spanning_several_places_is_not_inside_its_namesake(gz, wanted, region, inside):
    assert place_in_region(wanted, region, (), gz) is inside


def test_a_figure_of_a_zone_named_after_a_city_is_the_provinces_not_the_citys(gz):
    """``/compare GDP 成都`` listed 成都平原经济区 (成都 with four other cities) from 四川's
    report as a place inside 成都; invented here for another province."""
    assert not figure_in_region("郑州", "郑州都市圈", "河南", ("河南",), gz)
    assert figure_in_region("河南", "郑州都市圈", "河南", ("河南",), gz)
    assert figure_in_region("郑州", "郑州", "河南", ("河南",), gz)
