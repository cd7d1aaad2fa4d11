"""Conventions settled by `targets-left34` (GOLD_GUIDELINES 6.8.45–48) and the extractor's
rules for them: each test is a general form, on invented sentences, not a line of a gold."""

from __future__ import annotations

_REVIEW = "一、2032年工作回顾\n\n"


def _names(records) -> dict[float, tuple[str, str]]:
    return {r.value: (r.indicator, r.region) for r in records}


def test_a_new_area_opening_a_clause_is_the_records_region(extract) -> None:
    # 6.8.46: a part of the document's area goes to region, its 新区 kept there
    text = "2033年湖南省人民政府工作报告\n\n" + _REVIEW + "云湖新区地区生产总值增长7.2%。\n"
    got = _names(extract(text, "province_hunan_2033_gwr.txt"))
    assert got[7.2] == ("地区生产总值", "云湖新区")


def test_a_gazetteer_new_area_loses_its_suffix_from_the_name_and_its_share_is_its_own(
    extract,
) -> None:
    # 滨海新区 is a district of 天津: its short name is the region, 新区 in neither field
    text = (
        "2033年天津市人民政府工作报告\n\n"
        + _REVIEW
        + ("滨海新区地区生产总值达到8800亿元，占全市比重达到45%。\n")
    )
    got = _names(extract(text, "city_tianjin_2033_gwr.txt"))
    assert got[8800] == ("地区生产总值", "滨海")
    assert got[45] == ("地区生产总值占全市比重", "滨海")


def test_a_citys_share_said_after_its_figure_is_the_citys(extract) -> None:
    text = (
        "2033年湖北省人民政府工作报告\n\n"
        + _REVIEW
        + ("宜昌地区生产总值增长6.3%，占全省比重达到11.2%。\n")
    )
    got = _names(extract(text, "province_hubei_2033_gwr.txt"))
    assert got[6.3] == ("地区生产总值", "宜昌")
    assert got[11.2] == ("地区生产总值占全省比重", "宜昌")


def test_things_that_only_came_into_service_are_named_bare(extract) -> None:
    # 6.8.47: 实现通车, 获批建设, 实现脱贫 are the change; a selecting predicate keeps 的
    text = (
        "2033年湘潭市人民政府工作报告\n\n"
        + _REVIEW
        + (
            "12条城市快速路实现通车。"
            "5家省重点实验室获批建设。"
            "3.6万农村低收入人口全部实现脱贫。"
            "18项改革经验获国务院推广。"
            "1300项政务服务事项实现跨省通办。\n"
        )
    )
    got = {r.value: r.indicator for r in extract(text, "city_mou_2033_gwr.txt")}
    assert got[12] == "城市快速路"
    assert got[5] == "省重点实验室"
    assert got[3.6] == "农村低收入人口"
    assert got[18] == "获国务院推广的改革经验"
    assert got[1300] == "实现跨省通办的政务服务事项"


def test_villages_out_of_poverty_keep_their_reading(extract) -> None:
    # not settled by 6.8.47: the villages' exit stays as the poverty forms read it
    text = "2033年攸县人民政府工作报告\n\n" + _REVIEW + "全县36个贫困村实现脱贫。\n"
    got = {r.value: r.indicator for r in extract(text, "county_mou_2033_gwr.txt")}
    assert got[36] != "贫困村脱贫" and got[36].endswith("贫困村")


def test_the_per_thousand_childcare_places_with_the_age_are_the_tables_measure(table) -> None:
    assert table.canonical("每千人口3岁以下婴幼儿托位数") == "每千人口托位数"
    assert table.canonical("每千人口拥有3岁以下婴幼儿托位数") == "每千人口托位数"


def test_school_places_after_schools_built_are_named_as_written(extract) -> None:
    # 6.8.45: the places are the area's added places, not the counted schools'
    text = (
        "2033年湘潭市人民政府工作报告\n\n"
        + _REVIEW
        + ("新建改扩建中小学幼儿园46所，新增学位2.3万个。新增公办学位9000个。\n")
    )
    got = {r.value: r.indicator for r in extract(text, "city_mou_2033_gwr.txt")}
    assert got[2.3] == "学位"
    assert got[9000] == "公办学位"
