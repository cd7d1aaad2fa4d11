"""Rules found on the round-33 probe set (issue 11, ``tests/data/probes/round33/``):
officials' speeches and older district, county and city work reports. Every sentence
here is invented for the test; none is a probe's or a corpus document's."""

from __future__ import annotations

_REVIEW = "2031年某市人民政府工作报告\n\n一、过去五年工作回顾\n\n"
_NAME = "city_mou_2031_gwr.txt"


# --- a rank moved with 前移至: the rank it started from is no record ---------------------


def test_a_rank_moved_forward_keeps_only_the_rank_reached(extract):
    text = _REVIEW + (
        "全市生产总值年均增长6.1%，总量由全省第5位前移至第4位。"
        "县域经济综合实力由全省第87位前移到第61位。\n"
    )
    got = {r.value: r.indicator for r in extract(text, _NAME) if r.unit == "位"}
    assert got == {4: "地区生产总值全省排名", 61: "县域经济综合实力全省排名"}


# --- the scope a rank is placed in said with 在 (在全国只排, 在全省的位次) ----------------------


def test_a_rank_placed_in_a_scope_with_zai_is_named_by_its_subject_and_scope(extract):
    text = _REVIEW + (
        "全市生产总值增长5.1%，总量在全省的位次由第七位前移至第五位。"
        "我们的经济总量在全国只排第21位。"
        "全市民营经济综合实力在中西部排第8位。\n"
    )
    got = {r.value: r.indicator for r in extract(text, _NAME) if r.unit == "位"}
    assert got == {
        5: "地区生产总值全省排名",
        21: "地区生产总值全国排名",
        8: "民营经济综合实力中西部排名",
    }


# --- other places' figures a speech quotes beside its own --------------------------------


def test_the_figures_of_other_places_set_beside_ours_are_not_the_texts(extract):
    text = (
        "在全省经济工作会议上的讲话\n河南省人民政府\n\n一、去年工作回顾\n\n"
        "全省生产总值增长4.6%；周边的湖北增长6%、山东增长6.1%，江苏一个省的经济总量就超过"
        "12万亿元，我们的差距还不小。\n"
        "浙江民营经济增加值占比已经达到67%，广东的民营企业超过700万户，是我们的近10倍。\n"
    )
    got = {(r.indicator, r.value) for r in extract(text, "province_henan_2031_speech.txt")}
    assert got == {("地区生产总值", 4.6)}


def test_a_place_that_acts_for_the_region_stays_the_regions_figure(extract):
    text = (
        "2031年四川省政府工作报告\n\n一、2030年工作回顾\n\n"
        "东西部协作深入推进，浙江省投入财政帮扶资金33.9亿元、实施帮扶项目781个。\n"
    )
    got = {r.value for r in extract(text, "province_sichuan_2031_gwr.txt")}
    assert {33.9, 781} <= got


def test_a_city_the_region_is_only_half_of_is_a_ratio_not_a_figure(extract):
    text = _REVIEW.replace("某市", "宝鸡市") + (
        "全市生产总值达到2300亿元。与先进城市相比，我们的经济总量只有西安的三分之一。\n"
    )
    got = {r.value for r in extract(text, "city_baoji_2031_gwr.txt")}
    assert got == {2300}


# --- the poor counted after the bare act (累计脱贫2.86万户9.71万人, 全年减贫1.2万人) -------


def test_the_poor_counted_after_the_bare_act_are_named_as_the_poor(extract):
    text = _REVIEW + (
        "脱贫攻坚取得决定性成就，累计脱贫3.12万户10.6万人。全年减贫1.4万人，18个贫困村脱贫出列。\n"
    )
    got = {(r.value, r.unit): r.indicator for r in extract(text, _NAME)}
    assert got[(3.12, "万户")] == "贫困户"
    assert got[(10.6, "万人")] == "农村贫困人口"
    assert got[(1.4, "万人")] == "农村贫困人口"
    assert got[(18, "个")] == "贫困村"


# --- a fund paid by 自治区财政 is named without its payer ----------------------------------


def test_a_fund_the_autonomous_regions_budget_pays_is_named_without_its_payer(extract):
    text = (
        "某自治区2031年政府工作报告\n\n二、2031年重点工作\n\n"
        "自治区财政安排科技创新专项资金15亿元。\n"
    )
    got = {r.value: r.indicator for r in extract(text, "province_mou_2031_gwr.txt")}
    assert got[15] == "科技创新专项资金"


# --- a statistic's 总量 ranked is the statistic's rank ------------------------------------


def test_a_statistics_total_ranked_is_the_statistics_rank(extract):
    text = _REVIEW + "全市实现地区生产总值2300亿元，地区生产总值总量居全省第3位。\n"
    got = {r.value: r.indicator for r in extract(text, _NAME) if r.unit == "位"}
    assert got == {3: "地区生产总值全省排名"}


# --- projects newly signed are 签约项目 ----------------------------------------------------


def test_projects_newly_signed_are_the_signed_projects(extract):
    text = _REVIEW + (
        "全年新签约项目96个，协议总投资512亿元。去年，全市招商引资新签约项目300个，总投资1200亿元。\n"
    )
    got = {r.value: r.indicator for r in extract(text, _NAME)}
    assert got[96] == got[300] == "签约项目"
    assert got[512] == "签约项目协议总投资"
    assert got[1200] == "签约项目总投资"


# --- a yearly average under a plan's name or the years ahead is over their years ----------


def test_a_yearly_average_of_the_plan_named_is_over_the_plans_years(extract):
    text = (
        "2030年某县人民政府工作报告\n\n二、2030年工作安排\n\n"
        "确保“十五五”规划主要指标全面完成，地区生产总值年均增长6.8%以上。\n"
    )
    got = {r.value: r.year for r in extract(text, "county_mou_2030_gwr.txt")}
    assert got[6.8] == "2026-2030"


def test_a_yearly_average_to_a_goal_year_the_years_ahead_end_in_is_over_them(extract):
    text = (
        "2028年某市人民政府工作报告\n\n二、今后五年的目标和2028年工作安排\n\n"
        "今后五年，全市发展的总体要求是……。主要目标是：到2032年，全市生产总值突破4000亿元，"
        "年均增长6%左右。\n"
    )
    got = {r.value: r.year for r in extract(text, "city_mou_2028_gwr.txt")}
    assert got[4000] == "2032"
    assert got[6] == "2028-2032"
