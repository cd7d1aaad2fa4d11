"""Naming rules of the naming-lists pass: lists, shared heads and proper names, each on
invented sentences."""

from __future__ import annotations

from bot.targets.records import TargetRecord

REPORT = "江州市政府工作报告\n一、2024年工作回顾\n"


def names(records: list[TargetRecord]) -> dict[tuple[float | None, str], str]:
    return {(r.value, r.unit): r.indicator for r in records}


def test_a_floor_of_levels_before_a_respective_list_is_every_items(extract):
    text = "全市省级以上专精特新企业、单项冠军企业分别达到120家、15家。"
    got = names(extract(REPORT + text + "\n"))
    assert got[(120, "家")] == "省级以上专精特新企业"  # not the table's 专精特新企业
    assert got[(15, "家")] == "省级以上单项冠军企业"
    text = "累计培育国家级以上专精特新企业、制造业单项冠军企业分别为35家和8家。"
    got = names(extract(REPORT + text + "\n"))
    assert got[(35, "家")] == "国家级以上专精特新企业"
    assert got[(8, "家")] == "国家级以上制造业单项冠军企业"  # the floor whole, not 国家级
    text = "全市省级以上专精特新企业、单项冠军企业营业收入分别增长20%、15%。"
    got = names(extract(REPORT + text + "\n"))
    assert got[(20, "%")].startswith("省级以上专精特新企业")


def test_a_floor_before_a_counted_item_is_not_the_next_items(extract):
    # the count closes the first item: the next one, with none of its own, has no floor
    got = names(extract(REPORT + "培育省级以上绿色工厂13家、绿色工业园区2个。\n"))
    assert got[(13, "家")] == "省级以上绿色工厂"
    assert got[(2, "个")] == "绿色工业园区"


def test_a_power_facilitys_capacity_in_watts_is_its_installed_capacity(extract):
    got = names(extract(REPORT + "南港2×100万千瓦火电项目开工建设。\n"))
    assert got[(200, "万千瓦")] == "火电项目装机规模"  # not 火电项目规模
    got = names(extract(REPORT + "国家1000万千瓦光伏大基地建成投产。\n"))
    assert got[(1000, "万千瓦")] == "光伏大基地装机规模"  # not 光伏大基地
    got = names(extract(REPORT + "开工建设华能720兆瓦储能电站等项目。\n"))
    assert got[(720, "兆瓦")] == "华能储能电站装机规模"  # the owner written before it


def test_a_capacity_in_watts_before_a_list_of_facilities_names_none_of_them(extract):
    got = names(extract(REPORT + "推进南港2×66万千瓦发电和北湖电厂2×35万千瓦热电联产项目。\n"))
    assert "和" not in got[(132, "万千瓦")]
    # energy generated (千瓦时) and weights keep their own names
    got = names(extract(REPORT + "华信300万吨焦化项目建成投产。\n"))
    assert got[(300, "万吨")].endswith("产能")
    got = names(extract(REPORT + "全市发电量达到120亿千瓦时。\n"))
    assert got[(120, "亿千瓦时")] == "发电量"


def test_people_counted_after_wei_are_named_by_what_they_got(extract):
    got = names(extract(REPORT + "为3万名失能老年人提供上门照护服务。\n"))
    assert got[(3, "万名")] == "获上门照护服务的失能老年人"  # not every 失能老年人
    got = names(extract(REPORT + "为800户困难家庭发放取暖补贴和临时救助金。\n"))
    assert got[(800, "户")] == "获发取暖补贴和临时救助金的困难家庭"
    got = names(extract(REPORT + "为5000名群众办理了医保转移手续。\n"))
    assert got[(5000, "名")] == "办理医保转移手续群众"
    got = names(extract(REPORT + "全年为1.3万名农民工解决了欠薪问题。\n"))
    assert got[(1.3, "万名")] == "解决欠薪农民工"  # 问题 dropped
    text = "为1200家以上中小企业提供融资对接服务和重点企业上门辅导服务。"
    got = names(extract(REPORT + text + "\n"))
    assert got[(1200, "家")] == "获融资对接服务的中小企业"  # the first thing given


def test_wei_without_an_act_done_for_the_counted_names_no_set(extract):
    for text in (
        "为全市120家企业提供了有力支撑。",  # no thing given
        "为群众办理实事120件。",  # the count is of the things done
        "累计为3000名脱贫人口提供公益性岗位。",  # 人口: a population, not served ones
    ):
        for r in extract(REPORT + text + "\n"):
            assert not r.indicator.startswith("获"), text


def test_a_service_the_table_knows_by_its_people_keeps_the_tables_name(extract):
    got = names(extract(REPORT + "为1500名以上残疾人提供托养服务。\n"))
    assert got[(1500, "名")] == "残疾人托养服务"


def test_a_standard_of_a_payment_said_once_after_a_list_is_every_items(extract):
    text = "机构养老和居家养老服务补贴标准分别提高200元、100元。"
    got = names(extract(REPORT + text + "\n"))
    assert got[(200, "元")] == "机构养老补贴标准"  # the 补贴's standard, not 机构养老标准
    assert got[(100, "元")] == "居家养老服务补贴标准"
    # an item that names its own payment takes the 标准 alone
    text = "困难老人生活补贴、高龄老人护理补贴标准分别提高到每月90元、150元。"
    got = names(extract(REPORT + text + "\n"))
    assert got[(90, "元")] == "困难老人生活补贴标准"
    got = names(extract(REPORT + "城市和农村低保标准分别提高到每月800元、600元。\n"))
    assert got[(800, "元")] == "城市低保标准"


def test_examples_before_a_set_named_by_listed_acts_are_left_out(extract):
    got = names(extract(REPORT + "完成第一中学、实验小学等新建、改扩建工程30项。\n"))
    assert got[(30, "项")] == "新建、改扩建工程"  # not the schools given as examples
    got = names(extract(REPORT + "改造燃气、供水、排水等老旧管网500公里。\n"))
    assert got[(500, "公里")] == "老旧管网"


def test_a_named_port_opening_a_clause_owns_its_throughput(extract):
    got = names(extract(REPORT + "江州港完成集装箱吞吐量120万标箱，增长8%。\n"))
    assert got[(120, "万标箱")] == "江州港集装箱吞吐量"  # not the region's 集装箱吞吐量
    assert got[(8, "%")] == "江州港集装箱吞吐量"  # its change, said right after
    got = names(extract(REPORT + "江州港集装箱吞吐量120万标箱、货物吞吐量1.2亿吨。\n"))
    assert got[(1.2, "亿吨")] == "江州港货物吞吐量"  # the next measure of the list too
    got = names(extract(REPORT + "江州机场全年完成旅客吞吐量800万人次。\n"))
    assert got[(800, "万人次")] == "江州机场旅客吞吐量"


def test_a_scope_of_ports_is_no_named_port(extract):
    got = names(extract(REPORT + "全市港口完成货物吞吐量1.5亿吨，增长3%。\n"))
    assert got[(1.5, "亿吨")] == "港口货物吞吐量"
    assert got[(3, "%")] == "港口货物吞吐量"
    got = names(extract(REPORT + "我省机场旅客吞吐量800万人次。\n"))
    assert not got[(800, "万人次")].startswith("我省")


def test_people_reached_are_those_the_clause_before_gave_to(extract):
    got = names(extract(REPORT + "向低保对象发放价格临时补贴，惠及12万人。\n"))
    assert got[(12, "万人")] == "价格临时补贴惠及低保对象"  # not …惠及人数
    # no one named as given to: the count of people reached
    got = names(extract(REPORT + "发放取暖补贴，惠及3万人。\n"))
    assert got[(3, "万人")] == "取暖补贴惠及人数"
    got = names(extract(REPORT + "实施学前一年免费教育政策，惠及近10万儿童。\n"))
    assert got[(10, "万人")] == "学前一年免费教育惠及儿童"
