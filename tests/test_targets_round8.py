"""Naming rules found on the round-8 probe set (issue 11, ``tests/data/probes/round8/``):
work reports of a district, an agricultural county and a province, and sector bulletins
(health, environment, human resources) and a terse city bulletin. Every sentence here is
invented for the test; none is a probe's or a corpus document's."""

from __future__ import annotations

from bot.targets.naming.part_measures import measure_of_the_whole
from tests.probes import names_by_value

_BULLETIN = "江州市2026年卫生健康事业发展统计公报\n\n一、卫生资源\n\n"


# --- a whole's parts written by their bare nouns ---------------------------------------------


def test_parts_after_their_whole_take_its_measure(extract):
    text = _BULLETIN + (
        "全市医疗卫生机构总诊疗人次2680万人次，比上年增长3.1%。"
        "其中，医院1460万人次，基层医疗卫生机构1090万人次。\n\n"
        "年末全市医疗卫生机构床位5.2万张，其中医院4.1万张，乡镇卫生院0.7万张。\n"
    )
    got = names_by_value(extract(text, "city_jiangzhou_2026_health-bulletin.txt"))
    assert got[1460] == "医院诊疗人次"  # not a count of hospitals
    assert got[1090] == "基层医疗卫生机构诊疗人次"
    assert got[4.1] == "医院床位"
    assert got[0.7] == "乡镇卫生院床位"


def test_parts_by_place_take_the_known_measure_of_the_whole(extract):
    text = (
        "江州市2026年国民经济和社会发展统计公报\n\n五、国内贸易\n\n"
        "全年社会消费品零售总额812.6亿元，增长5.2%。按经营地分，"
        "城镇 640.1亿元，增长4.9%；乡村 172.5亿元，增长6.3%。\n"
    )
    got = names_by_value(extract(text, "city_jiangzhou_2026_stat-bulletin.txt"))
    assert got[640.1] == got[4.9] == "城镇消费品零售额"
    assert got[172.5] == got[6.3] == "乡村消费品零售额"  # after the ；, still a part


def test_a_part_counted_as_the_whole_counts_stays_itself(extract):
    text = _BULLETIN + "年末全市共有医疗卫生机构3120个。其中，医院96个，卫生院58个。\n"
    got = names_by_value(extract(text, "city_jiangzhou_2026_health-bulletin.txt"))
    assert got[96] == "医院"  # the whole counts institutions: a hospital is one
    assert got[58] == "卫生院"


def test_a_part_with_a_measure_of_its_own_or_an_act_keeps_it(table):
    whole, unit = "农林牧渔业总产值", "亿元"
    assert measure_of_the_whole(table, "种植业", "亿元", whole, unit) == "种植业产值"
    assert measure_of_the_whole(table, "种植业产值", "亿元", whole, unit) == "种植业产值"
    assert measure_of_the_whole(table, "出口", "亿元", "外贸进出口总额", "亿元") == "出口"
    assert measure_of_the_whole(table, "种植业", "万吨", whole, unit) == "种植业"  # no 元


def test_people_of_a_programme_listed_after_a_semicolon_are_its(extract):
    text = (
        "江州市2026年人力资源和社会保障事业发展统计公报\n\n二、社会保险\n\n"
        "年末全市职工基本养老保险参保人数88.4万人，比上年末增加2.1万人；"
        "其中，参保在岗职工61.2万人，参保退休人员27.2万人。\n"
    )
    got = names_by_value(extract(text, "city_jiangzhou_2026_hrss-bulletin.txt"))
    assert got[61.2] == "城镇职工基本养老保险参保在岗职工"  # the table's name
    assert got[27.2] == "城镇职工基本养老保险参保退休人员"


# --- counts and rates ----------------------------------------------------------------------


def test_cities_counted_before_a_statistic_are_no_name_of_it(extract):
    text = (
        "江州省2026年生态环境状况公报\n\n一、环境空气\n\n"
        "全省11个地级及以上城市细颗粒物（PM2.5）平均浓度为27微克/立方米。"
        "全省6个中心城市环境空气质量优良天数比例平均为93.5%，同比上升1.2个百分点。\n"
    )
    got = names_by_value(extract(text, "province_jiangzhou_2026_eco-bulletin.txt"))
    assert got[11] == "地级及以上城市"
    assert got[27] == "PM2.5平均浓度"
    assert got[6] == "中心城市"
    assert got[93.5] == got[1.2] == "空气质量优良率"


def test_a_rate_said_with_its_link_verb_keeps_its_own_word(extract):
    text = "一、2026年工作回顾\n\n全年受理群众来信来访2.3万件，办结率为98.7%。\n"
    got = names_by_value(extract(text, "county_jiangzhou_2027_gwr.txt"))
    assert got[98.7] == "群众来信来访办结率"  # not 群众来信来访率


def test_a_share_said_to_be_near_a_figure_is_named_without_the_nearness(extract):
    text = "一、2026年工作回顾\n\n全县文化产业增加值达到36亿元，占地区生产总值比重接近6%。\n"
    got = names_by_value(extract(text, "county_jiangzhou_2027_gwr.txt"))
    assert got[6] == "文化产业增加值占地区生产总值比重"


def test_the_health_bulletins_mortality_rates_are_not_the_populations(extract):
    text = _BULLETIN + "全市婴儿死亡率为2.4‰，5岁以下儿童死亡率为3.3‰，孕产妇死亡率为7.1/10万。\n"
    got = names_by_value(extract(text, "city_jiangzhou_2026_health-bulletin.txt"))
    assert got[2.4] == "婴儿死亡率"
    assert got[3.3] == "5岁以下儿童死亡率"
    assert got[7.1] == "孕产妇死亡率"


# --- work reports -------------------------------------------------------------------------


def test_a_standard_set_by_class_of_area_is_the_standard(extract):
    text = "一、2026年工作回顾\n\n全县最低工资标准一类区为每月1980元，二类区为每月1870元。\n"
    got = names_by_value(extract(text, "county_jiangzhou_2027_gwr.txt"))
    assert got[1980] == got[1870] == "最低工资标准"


def test_respective_figures_each_said_per_unit_pair_with_the_list(extract):
    text = "二、2027年工作安排\n\n力争水稻、油菜单产分别达到每亩560公斤、每亩190公斤。\n"
    got = names_by_value(extract(text, "county_jiangzhou_2027_gwr.txt"))
    assert got[560] == "水稻单产"
    assert got[190] == "油菜单产"


def test_projects_of_a_known_work_are_counted_as_projects(extract):
    text = (
        "一、2026年工作回顾\n\n全年启动城中村改造项目6个，实施棚户区改造项目11个，改造城中村4个。\n"
    )
    got = names_by_value(extract(text, "district_jiangzhou_2027_gwr.txt"))
    assert got[6] == "城中村改造项目"  # not the villages, not 启动…
    assert got[11] == "棚户区改造项目"
    assert got[4] == "城中村"  # the villages themselves: the table's name


def test_fitting_is_the_figures_verb(extract):
    text = (
        "一、2026年工作回顾\n\n城乡建设加快推进。全年启动旧厂区改造项目5个，"
        "完成背街小巷整治30条；加装电梯120台，改造燃气管道80公里。\n"
    )
    records = extract(text, "district_jiangzhou_2027_gwr.txt")
    got = {r.value: (r.indicator, r.change) for r in records}
    assert got[120] == ("电梯", "加装")
    assert got[5][0] == "旧厂区改造项目"  # 启动 is the projects' start, no word of them


def test_people_reached_by_a_work_begun_are_the_works(extract):
    text = "一、2026年工作回顾\n\n新开工改造城镇老旧小区420个、惠及居民6.3万户。\n"
    got = names_by_value(extract(text, "city_jiangzhou_2027_gwr.txt"))
    assert got[6.3] == "老旧小区改造惠及居民"  # the table's name for 城镇老旧小区改造惠及居民


def test_the_bare_output_after_a_crops_area_is_the_crops(extract):
    text = "一、2026年工作回顾\n\n全年油菜种植面积稳定在46万亩，总产达到6.8万吨。\n"
    got = names_by_value(extract(text, "county_jiangzhou_2027_gwr.txt"))
    assert got[6.8] == "油菜产量"


def test_a_yield_after_a_crops_output_is_no_output_of_it(extract):
    text = (
        "一、2026年工作回顾\n\n全年油菜种植面积稳定在46万亩，总产达到6.8万吨，"
        "其中双低油菜单产每亩185公斤。\n"
    )
    got = names_by_value(extract(text, "county_jiangzhou_2027_gwr.txt"))
    assert got[185] == "双低油菜单产"  # not 双低油菜单产产量


def test_the_whole_budget_revenue_is_not_the_local_one(extract):
    text = (
        "一、2026年工作回顾\n\n全省一般公共预算总收入和地方一般公共预算收入分别完成"
        "4210亿元、2680亿元，分别增长3.2%和4.1%。\n"
    )
    got = names_by_value(extract(text, "province_jiangzhou_2027_gwr.txt"))
    assert got[4210] == got[3.2] == "一般公共预算总收入"
    assert got[2680] == got[4.1] == "一般公共预算收入"


def test_a_number_of_days_written_with_a_decimal_and_ri_is_found(extract):
    text = _BULLETIN + "全市医院出院者平均住院日为9.4日，比上年缩短0.2日，12月29日公布。\n"
    records = extract(text, "city_jiangzhou_2026_health-bulletin.txt")
    got = {r.value: (r.indicator, r.unit) for r in records}
    assert got[9.4] == ("医院出院者平均住院日", "日")
    assert got[0.2] == ("医院出院者平均住院日", "日")  # 比上年缩短: the same measure
    assert 29 not in got  # a day of the month stays a date


def test_a_bare_fund_measure_after_a_named_funds_is_that_funds(extract):
    text = (
        "江州市2026年人力资源和社会保障事业发展统计公报\n\n二、社会保险\n\n"
        "全年城乡居民基本养老保险基金收入46.2亿元，基金支出38.5亿元，年末基金累计结存120.3亿元。\n"
    )
    got = names_by_value(extract(text, "city_jiangzhou_2026_hrss-bulletin.txt"))
    assert got[38.5] == "城乡居民基本养老保险基金支出"
    assert got[120.3] == "城乡居民基本养老保险基金结存"
