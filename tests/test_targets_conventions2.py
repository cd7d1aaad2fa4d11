"""Names the golds had written two ways, settled once (GOLD_GUIDELINES 6.8.11-6.8.19,
``gold-conventions2``; issue 11). Every sentence here is invented for the test; none is a
probe's or a corpus document's."""

from __future__ import annotations

from tests.probes import names_by_value

_COUNTY = "某县2018年政府工作报告\n\n一、2017年工作回顾\n\n"
_NAME = "county_mou_2018_gwr.txt"


def test_money_a_relief_saves_is_the_burden_or_cost_relieved(extract):  # 6.8.11
    text = _COUNTY + (
        "全年减轻企业税负3200万元，为企业减轻税费负担1.4亿元。"
        "为企业降低成本5.6亿元；全社会降低企业成本870亿元以上。"
        "减轻群众医疗费用负担2.3亿元，为经营主体减负640亿元。\n"
    )
    got = names_by_value(extract(text, _NAME))
    assert got[3200] == "企业税负"
    assert got[1.4] == "企业税费负担"
    assert got[5.6] == "企业成本"
    assert got[870] == "企业成本"
    assert got[2.3] == "群众医疗费用负担"
    assert got[640] == "经营主体负担"


def test_jobs_brought_are_named_by_what_brings_them(extract):  # 6.8.13
    text = _COUNTY + (
        "发放创业担保贷款3.2亿元，扶持创业2100人，带动就业6300人。"
        "建成扶贫车间18个，带动贫困群众就业950人。\n"
    )
    got = names_by_value(extract(text, _NAME))
    assert got[6300] == "创业带动就业"
    assert got[950] == "扶贫车间带动贫困群众就业"


def test_guishang_is_written_out_in_the_thing_measured(extract):  # 6.8.15
    text = _COUNTY + (
        "新增规上企业12家，规上服务业企业7家，"
        "高新技术产业增加值占规上工业比重提高到41.3%。"
        "规模以上工业增加值增长7.7%，其中装备制造业增加值增长10.4%，占规上工业增加值比重为33.6%。\n"
    )
    got = names_by_value(extract(text, _NAME))
    assert got[33.6] == "装备制造业增加值占规上工业增加值比重"  # a share's base as written
    assert got[12] == "规模以上企业"
    assert got[7] == "规模以上服务业企业"
    assert got[41.3] == "高新技术产业增加值占规上工业比重"


def test_a_quota_of_special_bonds_is_the_bonds(extract):  # 6.8.16
    text = _COUNTY + "争取地方政府专项债券额度16亿元。\n"
    assert names_by_value(extract(text, _NAME))[16] == "地方政府专项债券"


def test_an_act_after_the_things_counted_is_their_change(extract):  # 6.8.17
    text = "某省水网建设规划（2021-2035年）\n\n一、主要目标\n\n" + (
        "到2035年，完成460条中小河流治理，实施720座病险水库除险加固，完成适老化改造3300户。\n"
    )
    records = extract(text, "province_mou_2021_water-plan.txt")
    got = names_by_value(records)
    assert got[460] == "中小河流"
    assert got[720] == "病险水库"
    assert {r.change for r in records if r.value == 720} == {"除险加固"}
    assert got[3300] == "适老化改造"  # a work counted in its own measure keeps its act


def test_a_years_output_is_the_output(extract):  # 6.8.19
    text = "某省2026年政府工作报告\n\n一、2025年工作回顾\n\n" + (
        "原油年产量达到310万吨，年产工业机器人突破1.2万台，形成年产80万辆整车的能力。\n"
    )
    got = names_by_value(extract(text, "province_mou_2026_gwr.txt"))
    assert got[310] == "原油产量"
    assert got[1.2] == "工业机器人产量"
    assert got[80] != "整车产量"  # a capacity is no year's output
