"""What probes-bulletins16 settles (issue 11): shapes of city and county statistical
bulletins seen in at least two probe documents. Every sentence here is invented for the
test; none is a probe's or a corpus document's."""

from __future__ import annotations

from tests.probes import names_by_value as _names

_BULLETIN = "桂溪县2022年国民经济和社会发展统计公报\n\n三、工业\n\n"
_NAME = "county_guixi_2022_stat-bulletin.txt"


def test_the_tax_paid_after_a_semicolon_is_the_firms_said_before(extract):
    # the owner said once before a ；-list of what the firms earned and paid
    text = (
        _BULLETIN + "全年全县规模以上工业企业实现营业收入56.2亿元，增长3.1%；"
        "实现利润总额4.4亿元，增长2.5%；上缴税金1.63亿元，下降1.2%。\n"
        "全年乡镇企业实现营业收入20.1亿元，增长3.7%；上缴税金0.85亿元。\n"
    )
    names = _names(extract(text, _NAME))
    assert names[1.63] == "规模以上工业企业上缴税金"
    assert names[1.2] == "规模以上工业企业上缴税金"
    assert names[0.85] == "乡镇企业上缴税金"
    assert names[4.4] == "规模以上工业企业利润总额"


def test_the_tax_paid_with_no_owner_before_keeps_its_own_name(extract):
    text = _BULLETIN + "全年全县上缴税金3.26亿元，增长4.4%。\n"
    names = _names(extract(text, _NAME))
    assert names[3.26] == "上缴税金"


def test_a_new_thing_an_owner_built_or_opened_is_named_without_the_owner_and_the_act(extract):
    text = (
        "桂溪市2022年国民经济和社会发展统计公报\n\n五、交通和邮电\n\n"
        "全年港口新开通国际集装箱航线7条，累计达到53条。全年机场新开辟国内航线9条。\n"
        "十、教育\n\n全年县一中新建学生宿舍3栋。\n"
    )
    names = _names(extract(text, "city_guixi_2022_stat-bulletin.txt"))
    assert names[7] == "国际集装箱航线"
    assert names[53] == "国际集装箱航线"
    assert names[9] == "国内航线"
    assert names[3] == "学生宿舍"


def test_new_homes_of_the_price_statistics_keep_their_term(extract):
    text = (
        "桂溪市2022年国民经济和社会发展统计公报\n\n一、综合\n\n"
        "全年中心城区新建商品住宅销售价格比上年下降2.7%。\n"
    )
    names = _names(extract(text, "city_guixi_2022_stat-bulletin.txt"))
    assert names[2.7] == "中心城区新建商品住宅销售价格"


def test_a_crops_output_value_after_its_area_or_output_is_the_crops(extract):
    text = (
        "桂溪县2022年国民经济和社会发展统计公报\n\n二、农业\n\n"
        "全年白茶种植面积9.6万亩，产量0.48万吨，增长6.1%，实现综合产值13.7亿元。"
        "全县脐橙种植面积达到23.5万亩，综合产值突破29亿元。\n"
        "全县蜜柚种植面积8.2万亩，产量12.6万吨，全产业链产值21.4亿元。\n"
    )
    names = _names(extract(text, _NAME))
    assert names[13.7] == "白茶综合产值"
    assert names[29] == "脐橙综合产值"
    assert names[21.4] == "蜜柚全产业链产值"
    assert names[0.48] == "白茶产量"
