"""Naming rules found on the round-10 probe set (issue 11, ``tests/data/probes/round10/``):
an older era's county work report, a national outline, a sector action plan, a provincial
economic work conference speech, a city party congress report and a terse county bulletin.
Every sentence here is invented for the test; none is a probe's or a corpus document's."""

from __future__ import annotations

from tests.probes import changes_by_value, names_by_value

_REPORT = "江州县人民政府工作报告\n\n一、2017年工作回顾\n\n"
_NAME = "county_jiangzhou_2018_gwr.txt"
_BULLETIN = "江州县2017年国民经济和社会发展统计公报\n\n三、工业\n\n"
_BULLETIN_NAME = "county_jiangzhou_2017_stat-bulletin.txt"
_PLAN = "江州市产业发展行动方案（2023—2025年）\n\n一、总体目标\n\n"
_PLAN_NAME = "city_jiangzhou_2023_action-plan.txt"


# --- an older era's words -------------------------------------------------------------------


def test_energy_per_ten_thousand_yuan_of_output_is_the_energy_intensity(extract):
    text = _REPORT + "万元生产总值能耗下降4.3%，二氧化硫排放量下降2.1%。\n"
    got = names_by_value(extract(text, _NAME))
    assert got[4.3] == "单位地区生产总值能耗"


def test_acts_on_a_housing_stock_and_on_failed_firms_are_the_change(extract):
    text = _REPORT + "去化商品住房库存27万平方米，处置“僵尸企业”4家。\n"
    records = extract(text, _NAME)
    got, changes = names_by_value(records), changes_by_value(records)
    assert got[27] == "商品住房库存"
    assert changes[27] == "去化"
    assert got[4] == "僵尸企业"
    assert changes[4] == "处置"


# --- a known name after a narrower thing's yearly figure -------------------------------------


def test_a_yearly_figure_of_a_narrower_thing_is_not_the_known_total(extract):
    text = (
        _PLAN + "到2025年，版权使用费年进出口总额达到150亿元，工业软件版权使用费年进出口总额"
        "达到40亿元，全市进出口总额突破900亿元。\n"
    )
    got = names_by_value(extract(text, _PLAN_NAME))
    assert got[150] == "版权使用费年进出口总额"  # not 外贸进出口总额
    assert got[40] == "工业软件版权使用费年进出口总额"  # a long one too
    assert got[900] == "外贸进出口总额"


# --- a bare measure after the owner's other measure ------------------------------------------


def test_output_after_capacity_is_the_same_things(extract):
    text = _PLAN + "到2025年，全市电动汽车产能达到80万辆，产量突破60万辆。\n"
    got = names_by_value(extract(text, _PLAN_NAME))
    assert got[80] == "电动汽车产能"
    assert got[60] == "电动汽车产量"  # not 电动汽车产能产量


def test_people_after_a_built_up_area_are_the_places(extract):
    text = _PLAN + "到2025年，主城区建成区面积达到260平方公里，人口达到310万人。\n"
    got = names_by_value(extract(text, _PLAN_NAME))
    assert got[260] == "主城区建成区面积"
    assert got[310] == "主城区人口"  # not the bare 人口


def test_output_after_a_sown_area_stays_the_crops(extract):
    text = _REPORT + "全县粮食播种面积120万亩，产量达到52万吨。\n"
    got = names_by_value(extract(text, _NAME))
    assert got[52] == "粮食产量"  # not 粮食播种产量


# --- an older bulletin's industrial firms: 主营业务收入, 利税 ---------------------------------


def test_an_older_bulletins_measures_of_the_counted_firms(extract):
    text = (
        _BULLETIN + "规模以上工业企业210家，实现主营业务收入820亿元，增长9.3%；"
        "利税总额61亿元，增长4.2%；利润总额33亿元。\n"
    )
    got = names_by_value(extract(text, _BULLETIN_NAME))
    assert got[210] == "规模以上工业企业"
    assert got[820] == "规模以上工业主营业务收入"
    assert got[9.3] == "规模以上工业主营业务收入"
    assert got[61] == "规模以上工业利税总额"
    assert got[4.2] == "规模以上工业利税总额"
    assert got[33] == "规模以上工业企业利润总额"  # not 利税总额利润总额


# --- a December speech: the part on the year so far reviews it --------------------------------


def test_a_speechs_part_on_the_year_so_far_is_a_review(extract):
    text = (
        "在全市经济工作会议上的讲话\n（2019年12月18日）\n\n同志们：\n\n"
        "一、今年以来全市经济运行总体平稳\n\n"
        "全年实施市级重点项目320个，完成投资860亿元。\n\n"
        "二、明年经济工作的主要目标\n\n"
        "全年实施市级重点项目300个。\n"
    )
    records = extract(text, "city_jiangzhou_2019_speech.txt")
    kinds = {r.value: r.kind for r in records}
    assert kinds[320] == "achievement"  # not target: 全年 of the part that reviews it
    assert kinds[860] == "achievement"
    assert kinds[300] == "target"


# --- found on round 10's second round (a district's report, a city's action plan) ---------


def test_a_districts_word_for_its_ground_is_a_scope(extract):
    text = _REPORT + "辖区空气质量优良天数达到281天。\n"
    got = names_by_value(extract(text, _NAME))
    assert got[281] == "空气质量优良天数"  # not 辖区空气质量优良天数


def test_pollutant_codes_listed_share_the_measure_after_the_last(extract):
    text = (
        _REPORT + "PM10、PM2.5平均浓度分别下降7.2%、6.4%；"
        "PM2.5、PM10年均浓度分别为31微克/立方米、55微克/立方米。\n"
    )
    got = names_by_value(extract(text, _NAME))
    assert got[7.2] == "PM10平均浓度"  # not the bare code
    assert got[6.4] == "PM2.5平均浓度"
    assert got[31] == "PM2.5平均浓度"
    assert got[55] == "PM10平均浓度"


def test_a_fund_paid_with_two_verbs_keeps_neither(extract):
    text = _PLAN + "市级财政每年统筹安排产业引导专项资金3亿元。\n"
    got = names_by_value(extract(text, _PLAN_NAME))
    assert got[3] == "产业引导专项资金"  # not 安排产业引导专项资金


# --- a congress report's goals: a yearly average over the span, not a level's year ---------


def test_a_yearly_average_after_a_levels_year_keeps_the_goals_span(extract):
    text = (
        "在中国共产党江州市第十二次代表大会上的报告\n（2021年9月26日）\n\n二、今后五年的奋斗目标\n\n"
        "今后五年，全市发展的主要目标是：地区生产总值年均增长6.5%以上，到2025年突破3000亿元；"
        "一般公共预算收入年均增长7.5%；到2025年常住人口城镇化率达到68%。\n"
    )
    records = extract(text, "city_jiangzhou_2021_party-congress-report.txt")
    years = {r.value: r.year for r in records}
    assert "-" in years[6.5]
    assert years[7.5] == years[6.5]  # not 2025, the year of the ；-clause before
    assert years[3000] == "2025"
    assert years[68] == "2025"


def test_a_share_of_a_scoped_whole_keeps_the_scope(extract):
    text = _REPORT + "楼宇经济税收占全县税收的41%，服务业增加值占全县地区生产总值的47%。\n"
    got = names_by_value(extract(text, _NAME))
    assert got[41] == "楼宇经济税收占全县税收比重"  # not …占税收比重, the part's own taxes
    assert got[47] == "第三产业增加值占地区生产总值比重"  # the table's name stays
