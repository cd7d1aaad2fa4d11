"""Figures and kinds the probe sets and the dev split still missed (issue 11, recall and
kind), each shape seen in at least two different documents. Every sentence here is
invented for the test; none is a probe's or a corpus document's."""

from __future__ import annotations

from tests.probes import changes_by_value, names_by_value

_BULLETIN = "江州市2024年国民经济和社会发展统计公报\n\n四、人民生活\n\n"
_BULLETIN_NAME = "city_jiangzhou_2024_stat-bulletin.txt"


# --- a ratio's change said bare right after it ------------------------------------------------


def test_a_ratios_narrowing_after_it_is_a_figure_of_the_ratio(extract):
    text = _BULLETIN + "城乡居民收入比为2.21，比上年缩小0.05。\n"
    records = extract(text, _BULLETIN_NAME)
    got = names_by_value(records)
    assert got[2.21] == "城乡居民收入比"
    assert got[0.05] == "城乡居民收入比"
    assert changes_by_value(records)[0.05] == "缩小"
    assert {r.unit for r in records} == {""}


def test_a_multiples_gap_narrowed_against_last_year_is_named_by_the_gap(extract):
    text = _BULLETIN + "城乡居民人均收入倍差为1.93，较上年缩小0.02。\n"
    records = extract(text, _BULLETIN_NAME)
    # (the table's one entry for the ratio, 倍差 its alias: targets-left35)
    assert names_by_value(records)[0.02] == "城乡居民收入比"
    assert changes_by_value(records)[0.02] == "缩小"


def test_a_bare_number_after_a_ratio_in_another_clause_is_not_its_change(extract):
    # the clause after the ratio is about something else: its number stays unread
    text = _BULLETIN + "城乡居民收入比为2.21，全年新增就业3.6万人，其中返乡创业0.4。\n"
    got = names_by_value(extract(text, _BULLETIN_NAME))
    assert 0.4 not in got


# --- a nation's people counted in 亿 are what a plan works with --------------------------------

_NATIONAL = "中华人民共和国政府工作报告\n\n二、2026年政府工作任务\n\n"
_NATIONAL_NAME = "national_china_2026_gwr.txt"


def _kinds(records) -> dict[float | None, str]:
    return {r.value: r.kind for r in records}


def test_the_population_a_nation_has_is_no_goal_in_a_plan(extract):
    text = _NATIONAL + "我国有14亿多人口、8亿多劳动力，要充分发挥超大规模市场优势。\n"
    got = _kinds(extract(text, _NATIONAL_NAME))
    assert got[14] == "achievement"
    assert got[8] == "achievement"


def test_people_said_as_whose_thing_is_served_are_no_goal(extract):
    text = _NATIONAL + "要坚决守住粮食安全底线，保障好14亿人的饭碗。\n"
    assert _kinds(extract(text, _NATIONAL_NAME))[14] == "achievement"


def test_a_population_with_a_verb_of_its_own_stays_a_goal(extract):
    text = _NATIONAL + "到2035年全国总人口控制在15亿人以内，推动1亿农业转移人口落户城镇。\n"
    got = _kinds(extract(text, _NATIONAL_NAME))
    assert got[15] == "target"
    assert got[1] == "target"


# --- one rank said once after the items listed before it -------------------------------------

_PROVINCE = "江州省人民政府工作报告\n\n一、2025年工作回顾\n\n"
_PROVINCE_NAME = "province_jiangzhou_2026_gwr.txt"


def _ranked(records) -> list[str]:
    return sorted(r.indicator for r in records if r.unit == "位")


def test_a_rank_after_listed_items_without_jun_is_each_items(extract):
    text = _PROVINCE + "专利授权量、技术合同成交额稳居全国第一，高新技术企业突破3万家。\n"
    assert _ranked(extract(text, _PROVINCE_NAME)) == [
        "专利授权量全国排名",
        "技术合同成交额全国排名",
    ]


def test_a_streak_before_the_shared_rank_keeps_the_split(extract):
    text = _PROVINCE + "粮食产量、棉花产量连续五年居全国第2位。\n"
    assert _ranked(extract(text, _PROVINCE_NAME)) == ["棉花产量全国排名", "粮食产量全国排名"]


def test_a_rank_of_one_subject_stays_one_record(extract):
    text = _PROVINCE + "今年全省粮食产量稳居全国第一。\n"
    assert _ranked(extract(text, _PROVINCE_NAME)) == ["粮食产量全国排名"]


def test_a_list_item_ending_in_one_character_keeps_its_whole_word(extract):
    # 量、技 look like 存、贷款 (one character standing for a word), but 量术 is no word:
    # the items are whole, not cut into each other
    text = _PROVINCE + "发明专利有效量、技术合同成交额均居全国第2位。\n"
    assert _ranked(extract(text, _PROVINCE_NAME)) == [
        "发明专利有效量全国排名",
        "技术合同成交额全国排名",
    ]


def test_one_character_standing_for_its_word_still_gives_each_item_the_word(extract):
    text = _BULLETIN + "年末金融机构本外币存、贷款余额分别为8200亿元、7600亿元。\n"
    got = names_by_value(extract(text, _BULLETIN_NAME))
    assert got[8200] == "金融机构本外币存款余额"
    assert got[7600] == "金融机构本外币贷款余额"


# --- the economy's growth compared without a number -------------------------------------------

_CITY_PLAN = "江州市人民政府工作报告\n\n二、2026年主要任务\n\n"
_CITY_REVIEW = "江州市人民政府工作报告\n\n一、2025年工作回顾\n\n"
_CITY_NAME = "city_jiangzhou_2026_gwr.txt"


def _compared(records) -> list[tuple[str, str, str]]:
    return [(r.indicator, r.change, r.kind) for r in records if r.value is None]


def test_the_whole_economys_growth_above_the_average_is_its_output_compared(extract):
    text = _CITY_PLAN + "力争全市经济增速高于全省平均水平，城乡居民收入稳步增长。\n"
    assert _compared(extract(text, _CITY_NAME)) == [("地区生产总值", "增长", "target")]


def test_a_part_of_the_region_keeps_its_name_before_the_output(extract):
    text = _CITY_REVIEW + "五年来沿海地区年均经济增速高于全省平均水平。\n"
    assert _compared(extract(text, _CITY_NAME)) == [
        ("沿海地区地区生产总值", "年均增长", "achievement")
    ]


def test_another_economys_growth_is_not_the_regions_output(extract):
    text = _CITY_PLAN + "数字经济增速高于全省平均水平。\n"
    assert all(r.indicator != "地区生产总值" for r in extract(text, _CITY_NAME))
