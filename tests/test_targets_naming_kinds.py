"""Names in kinds of documents the probes first met (naming-kinds): budget reports,
plan-execution reports, township reports, press conferences; on invented sentences."""

from __future__ import annotations

from bot.targets.records import TargetRecord

REPORT = "江州市政府工作报告\n一、2024年工作回顾\n"


def names(records: list[TargetRecord]) -> dict[tuple[float | None, str], str]:
    return {(r.value, r.unit): r.indicator for r in records}


def test_a_townships_scope_word_is_stripped_as_a_countys_is(extract):
    got = names(extract(REPORT + "全镇茶叶种植面积达到2.3万亩，增长4.1%。\n"))
    assert got[(2.3, "万亩")] == "茶叶种植面积"
    got = names(extract(REPORT + "全乡城乡居民医保参保率达到97.5%。\n"))
    assert got[(97.5, "%")] == "城乡居民医保参保率"
    got = names(extract(REPORT + "全街道社区养老服务站达到14个。\n"))
    assert got[(14, "个")] == "社区养老服务站"


def test_a_difference_from_the_years_target_is_named_by_its_measure(extract):
    got = names(extract(REPORT + "社会消费品零售总额增长6.8%，高于年度目标0.3个百分点。\n"))
    assert got[(0.3, "个百分点")] == "社会消费品零售总额"
    got = names(extract(REPORT + "全社会用电量增长2.1%，低于全年目标1.9个百分点。\n"))
    assert got[(1.9, "个百分点")] == "全社会用电量"


def test_two_bases_with_a_figure_each_name_both_differences_by_the_measure(extract):
    text = "全市居民人均可支配收入增长6.1%，比全国、全省分别高0.8个和0.5个百分点。"
    got = names(extract(REPORT + text + "\n"))
    assert got[(0.8, "个百分点")] == "居民人均可支配收入"
    assert got[(0.5, "个百分点")] == "居民人均可支配收入"
    # two comparisons of two measures, each with its own base: no name is copied across
    text = "全市出口总额增长5.2%，比上年高0.6个百分点，进口总额增长3.1%，比上年高0.2个百分点。"
    got = names(extract(REPORT + text + "\n"))
    assert got[(0.2, "个百分点")] != "出口总额"


BUDGET = "关于江州市2024年预算执行情况和2025年预算草案的报告\n一、2024年预算执行情况\n"


def test_a_budgets_completion_rate_is_named_by_the_revenue_or_spending_it_completes(extract):
    text = "全市一般公共预算收入812亿元，增长3.1%，完成预算的102.4%。"
    got = names(extract(BUDGET + text + "\n"))
    assert got[(102.4, "%")] == "一般公共预算收入预算完成率"
    got = names(extract(BUDGET + "市级政府性基金预算支出215亿元，为调整预算的93.8%。\n"))
    assert got[(93.8, "%")] == "市级政府性基金预算支出预算完成率"


def test_a_completion_rate_with_no_amount_before_is_not_confident(extract):
    records = extract(BUDGET + "各项收入均完成预算的100.5%。\n")
    rate = [r for r in records if r.value == 100.5]
    assert rate and rate[0].indicator == "预算完成率" and rate[0].confidence < 0.5


def test_money_a_higher_level_gives_is_named_by_what_it_is(extract):
    got = names(extract(BUDGET + "财政部下达我市新增地方政府债务限额260亿元。\n"))
    assert got[(260, "亿元")] == "新增地方政府债务限额"
    got = names(extract(BUDGET + "中央对我市转移支付420亿元，增长3.3%。\n"))
    assert got[(420, "亿元")] == "中央对地方转移支付"
    assert got[(3.3, "%")] == "中央对地方转移支付"


TOWN = "江口镇2025年政府工作报告\n一、2024年工作回顾\n"


def test_villages_counted_are_named_by_the_work_done_in_them(extract):
    got = names(extract(TOWN + "完成8个村的饮水安全巩固提升，新增受益群众900户。\n"))
    assert got[(8, "个")] == "饮水安全巩固提升村"
    assert got[(900, "户")] == "受益群众"
    got = names(extract(TOWN + "完成6个行政村（社区）的生活垃圾分类，建成垃圾中转站2座。\n"))
    assert got[(6, "个")] == "生活垃圾分类行政村（社区）"


def test_villages_counted_by_a_level_reached_and_a_higher_one_after(extract):
    text = "全镇12个村集体经济收入均达到10万元，其中达到30万元的村5个。"
    got = names(extract(TOWN + text + "\n"))
    assert got[(12, "个")] == "村集体经济收入达到10万元的村"
    assert got[(5, "个")] == "村集体经济收入达到30万元的村"
    got = names(extract(TOWN + "启动3个村的危旧房改造工作，完善配套设施。\n"))
    assert got[(3, "个")] == "危旧房改造村"


def test_a_bare_fund_is_named_by_the_purpose_said_right_after_its_amount(extract):
    text = "统筹资金46亿元支持先进制造业发展，下达就业补助资金8亿元。"
    got = names(extract(BUDGET + text + "\n"))
    assert got[(46, "亿元")] == "先进制造业发展资金"
    assert got[(8, "亿元")] == "就业补助资金"  # a fund with a name keeps it
    got = names(extract(BUDGET + "安排资金12亿元用于老旧小区改造。\n"))
    assert got[(12, "亿元")] == "老旧小区改造资金"


def test_a_name_that_is_only_a_place_is_not_confident(extract):
    head = "江州市2025年一季度经济运行情况新闻发布会\n"
    records = extract(head + "从周边城市看，一季度长沙地区生产总值增长5.9%，合肥增长5.4%。\n")
    rate = [r for r in records if r.value == 5.4]
    assert rate and rate[0].confidence < 0.5
    # a county's short name that is also a word names things: 4个新城, not a place
    records = extract(REPORT + "松江、青浦等4个新城建成区面积达到120平方公里。\n")
    towns = [r for r in records if r.indicator == "新城"]
    assert towns and towns[0].confidence > 0.3


PLAN = "关于江州市2024年计划执行情况与2025年计划草案的报告\n一、2024年计划执行情况\n"


def test_a_rate_of_the_years_plan_or_target_is_named_by_the_measure_it_completes(extract):
    got = names(extract(PLAN + "全市重点项目完成投资860亿元，完成年度计划的108.2%。\n"))
    # the set's plan (the golds: 省市重点项目年度计划完成率, 区级重点项目年度计划完成率)
    assert got[(108.2, "%")] == "重点项目年度计划完成率"
    got = names(extract(PLAN + "全市新增市场主体4.2万户，为年度目标的105%。\n"))
    assert got[(105, "%")].endswith("年度目标完成率") and got[(105, "%")] != "年度目标完成率"
    # 全年 is a time word, no part of a name (the golds: 新增城镇就业目标完成率)
    got = names(extract(PLAN + "全市新增市场主体4.2万户，完成全年目标的105%。\n"))
    assert got[(105, "%")].endswith("目标完成率") and "全年" not in got[(105, "%")]
    assert "年度" not in got[(105, "%")]


def test_a_difference_over_the_expected_target_is_named_by_its_measure(extract):
    text = "社会消费品零售总额增长4.2%，超出年度目标0.7个百分点。"
    got = names(extract(PLAN + text + "\n"))
    assert got[(0.7, "个百分点")] == "社会消费品零售总额"
    got = names(extract(PLAN + "全社会用电量增长6.3%，超过预期目标1.3个百分点。\n"))
    assert got[(1.3, "个百分点")] == "全社会用电量"
