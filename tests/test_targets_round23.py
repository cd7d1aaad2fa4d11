"""Rules found on the round-23 probe set (issue 11, ``tests/data/probes/round23/``):
documents of the 十二五/十三五 era, 2015-2019 (脱贫攻坚, 去产能, 棚改). Every sentence here
is invented for the test; none is a probe's or a corpus document's."""

from __future__ import annotations

from tests.probes import names_by_value

_COUNTY = "某县2018年政府工作报告\n\n一、2017年工作回顾\n\n"
_NAME = "county_mou_2018_gwr.txt"


# --- closing what is over capacity or polluting: two acts said as one ---------------------


def test_two_acts_of_closing_are_stripped_from_the_things(extract):
    text = _COUNTY + (
        "关停取缔“散乱污”企业135家，关闭退出小煤矿5处，关闭煤矿12座，淘汰燃煤锅炉40台。\n"
    )
    got = names_by_value(extract(text, _NAME))
    assert got[135] == "散乱污企业"
    assert got[5] == "小煤矿"
    assert got[12] == "煤矿"


# --- a poor village leaving the list, said of the whole village --------------------------


def test_villages_leaving_the_list_as_a_whole_are_the_villages(extract):
    text = _COUNTY + "全年18个贫困村脱贫出列，另有7个贫困村整村脱贫。\n"
    got = names_by_value(extract(text, _NAME))
    assert got[18] == "贫困村"
    assert got[7] == "贫困村"


# --- 集中安置点: resettlement sites built for many, a kind of site ---------------------------


def test_central_resettlement_sites_keep_their_kind(extract):
    text = _COUNTY + "完成易地扶贫搬迁920户3100人，建成集中安置点7个。\n"
    got = names_by_value(extract(text, _NAME))
    assert got[7] == "集中安置点"


# --- what left the poverty list over a stretch is dated by the stretch -------------------

_PROVINCE = "某省2018年政府工作报告\n\n一、过去五年工作回顾\n\n"


def test_villages_and_counties_leaving_the_list_after_a_stretch_are_of_the_stretch(extract):
    text = _PROVINCE + (
        "五年来，全省农村贫困人口由2012年底的210万人减少到2017年底的62万人，"
        "累计退出贫困村1830个，9个贫困县脱贫摘帽。\n"
    )
    got = {r.value: r.year for r in extract(text, "province_mou_2018_gwr.txt")}
    assert got[62] == "2017"  # the stretch's own level
    assert got[1830] == "2013-2017"
    assert got[9] == "2013-2017"


# --- a yearly average in a review of five years is of the five years ----------------------


def test_yearly_averages_after_a_levels_year_keep_the_five_years(extract):
    text = _PROVINCE + (
        "五年来，全省地区生产总值年均增长6.1%，2017年达到2.2万亿元；一般公共预算收入2017年"
        "达到1520亿元，年均增长5.3%；城镇和农村居民人均可支配收入年均分别增长7.4%和8.7%。\n"
    )
    got = {r.value: r.year for r in extract(text, "province_mou_2018_gwr.txt")}
    assert got[2.2] == "2017"
    assert got[1520] == "2017"
    assert got[6.1] == "2013-2017"
    assert got[5.3] == "2013-2017"
    assert got[7.4] == "2013-2017"
    assert got[8.7] == "2013-2017"


# --- households moved out of poverty: the households (6.8.14), beside the people moved ---------


def test_households_moved_are_counted_as_households(extract):
    text = _COUNTY + "完成易地扶贫搬迁740户2630人，实施地质灾害避险搬迁310户。\n"
    got = names_by_value(extract(text, _NAME))
    assert got[740] == "易地扶贫搬迁户"  # GOLD_GUIDELINES 6.8.14: the counted thing
    assert got[2630] == "易地扶贫搬迁人口"
    assert got[310] == "地质灾害避险搬迁"  # dev names a disaster's moves by the act


# --- a cut by a share over the goals' span is over the span -------------------------------

_CITY = "某市2016年政府工作报告\n\n二、“十三五”时期的主要目标\n\n"


def test_a_cut_said_in_the_five_year_goals_is_over_the_five_years(extract):
    text = _CITY + (
        "今后五年，全市经济社会发展的主要目标是：地区生产总值年均增长7%左右，到2020年突破1800亿元；"
        "单位地区生产总值能耗下降16%，PM2.5年均浓度下降20%，森林覆盖率达到38%。\n"
    )
    got = {r.value: r.year for r in extract(text, "city_mou_2016_gwr.txt")}
    assert got[1800] == "2020"
    assert got[16] == "2016-2020"
    assert got[20] == "2016-2020"
    assert got[38] == "2020"  # a level reached at the end
