"""Names the golds had written two ways, settled once (GOLD_GUIDELINES 6.8.20-,
``gold-conventions3``; issue 11). Every sentence here is invented for the test; none is a
probe's or a corpus document's."""

from __future__ import annotations

from bot.targets.naming.clean import clean_name
from tests.probes import names_by_value

_COUNTY = "某县2018年政府工作报告\n\n一、2017年工作回顾\n\n"
_NAME = "county_mou_2018_gwr.txt"


def test_a_fund_set_up_is_named_without_its_size_word(extract):  # 6.8.20
    text = "某市数字经济发展行动方案（2025-2027年）\n\n一、主要目标\n\n" + (
        "设立规模30亿元的数字经济产业基金，设立总规模80亿元的先进制造业母基金。\n"
    )
    got = names_by_value(extract(text, "city_mou_2025_digital-plan.txt"))
    assert got[30] == "数字经济产业基金"
    assert got[80] == "先进制造业母基金"


def test_xianshang_is_written_out_in_the_thing_counted(extract):  # 6.8.22
    text = _COUNTY + "新增规上工业企业11家，新增限上商贸企业23家。\n"
    got = names_by_value(extract(text, _NAME))
    assert got[11] == "规模以上工业企业"
    assert got[23] == "限额以上商贸企业"
    assert clean_name("贷款期限上调企业") == "贷款期限上调企业"  # 期限上调: no 限上


def test_a_count_names_the_things_a_change_of_the_number_keeps_it(extract):  # 6.8.24
    text = _COUNTY + (
        "全县物流企业数量达到64家，冷链仓库数量达到18个，硕士点数量增长50%，"
        "民营企业100强入围数量达到3家。\n"
    )
    got = names_by_value(extract(text, _NAME))
    assert got[64] == "物流企业"
    assert got[18] == "冷链仓库"
    assert got[50] == "硕士点数量"  # what grew is the number
    assert got[3] == "民营企业100强入围数量"  # a number an act makes


def test_a_text_table_row_counting_things_names_the_things(extract):  # 6.8.24
    text = "某市数字经济发展行动方案（2025-2027年）\n\n二、主要指标\n\n" + (
        "4．数字经济核心产业企业数量：2023年4300家，2025年5100家，2027年6200家。\n"
    )
    got = names_by_value(extract(text, "city_mou_2025_digital-plan.txt"))
    assert got[4300] == got[6200] == "数字经济核心产业企业"


def test_things_chosen_for_a_list_are_named_by_it(extract):  # 6.8.25
    text = _COUNTY + (
        "6所中职学校入选第二轮国家“优质校”建设计划，4部作品入选全国群众文艺展演，"
        "3个平台入选首批省级中试平台，2所高校进入全国百强。\n"
    )
    got = names_by_value(extract(text, _NAME))
    assert got[6] == "国家优质校建设计划中职学校"
    assert got[4] == "全国群众文艺展演作品"
    assert got[3] == "省级中试平台"  # the title names the things
    assert got[2] == "进入全国百强的高校"  # no list chosen for: 6.8.8's 的


def test_a_years_value_is_the_measure_a_threshold_keeps_its_year(extract):  # 6.8.26
    text = "某市新材料产业发展行动方案（2025-2027年）\n\n一、主要目标\n\n" + (
        "到2027年，新材料产业年营业收入超过1800亿元，培育年营业收入超百亿元的龙头企业6家。\n"
    )
    got = names_by_value(extract(text, "city_mou_2025_materials-plan.txt"))
    assert got[1800] == "新材料产业营业收入"
    assert got[6] == "年营业收入超百亿元的龙头企业"


def test_a_share_of_things_is_named_by_what_they_did(extract):  # 6.8.27
    text = _COUNTY + ("85%的村卫生室实现医保结算，70%以上的中小学校开展课后服务。\n")
    got = names_by_value(extract(text, _NAME))
    assert got[85] == "实现医保结算的村卫生室比例"
    assert got[70] == "开展课后服务的中小学校比例"
