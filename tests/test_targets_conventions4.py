"""Names the golds had written two ways, settled once (GOLD_GUIDELINES 6.8.28-,
``gold-conventions4``; issue 11). Every sentence here is invented for the test; none is a
probe's or a corpus document's."""

from __future__ import annotations

from bot.targets.naming.clean import settled_whole_name
from tests.probes import names_by_value

_COUNTY = "某县2018年政府工作报告\n\n一、2017年工作回顾\n\n"
_NAME = "county_mou_2018_gwr.txt"


def test_the_money_of_a_bond_is_the_bond(extract):  # 6.8.29
    text = _COUNTY + (
        "争取超长期特别国债资金4.7亿元、地方政府专项债券资金9.3亿元，"
        "争取中央预算内投资和超长期特别国债资金6.1亿元。\n"
    )
    got = names_by_value(extract(text, _NAME))
    assert got[4.7] == "超长期特别国债"
    assert got[9.3] == "地方政府专项债券"
    assert got[6.1] == "中央预算内投资和超长期特别国债资金"  # a list shares its 资金
    assert settled_whole_name("超长期特别国债项目资金") == "超长期特别国债项目资金"


def test_a_total_area_is_the_area_and_a_shares_base_keeps_its_words(extract):  # 6.8.31
    text = _COUNTY + "全县湿地公园总面积达到3.4万亩，高标准农田达到耕地总面积的57%。\n"
    got = names_by_value(extract(text, _NAME))
    assert got[3.4] == "湿地公园面积"
    assert got[57] == "高标准农田占耕地总面积比重"
    assert settled_whole_name("湿地公园总面积占国土面积比重") == "湿地公园面积占国土面积比重"


def test_a_class_of_cities_before_an_air_measure_is_kept(extract):  # 6.8.30
    text = "某省2024年国民经济和社会发展统计公报\n\n" + (
        "全年设区城市空气质量优良天数比例为97.3%，县级以上城市空气质量优良天数比例为96.1%，"
        "市区空气质量优良天数比例为95.2%，地级以上城市空气质量优良天数比率为94.4%，"
        "城市空气质量优良天数比率为93.3%。\n"
    )
    got = names_by_value(extract(text, "province_mou_2024_stat-bulletin.txt"))
    assert got[97.3] == "设区城市空气质量优良天数比例"
    assert got[96.1] == "县级以上城市空气质量优良天数比例"
    assert got[95.2] == "市区空气质量优良天数比例"
    assert got[94.4] == "地级以上城市空气质量优良天数比率"  # the table's alias starts at 城市
    assert got[93.3] == "空气质量优良率"  # a bare 城市 is the table's alias (6.6)


def test_a_sum_per_head_of_a_subsidy_named_before_is_its_standard(extract):  # 6.8.33
    text = "某市2030年政府工作报告\n\n二、2030年工作安排\n\n" + (
        "发放护理补贴，对失能老年人每人每月补贴260元。"
        "落实国家养老服务补贴制度，对高龄老人每人每年发放补贴1200元。"
        "对到社区卫生服务中心工作的全科医生，每人每月给予岗位补贴900元。\n"
    )
    got = names_by_value(extract(text, "city_mou_2030_gwr.txt"))
    assert got[260] == "护理补贴标准"
    assert got[1200] == "养老服务补贴标准"
    assert got[900] == "全科医生岗位补贴"  # the subsidy named in the sum's own clause
