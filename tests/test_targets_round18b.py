"""Rules found on the round-18b probe set (issue 11, ``tests/data/probes/round18b/``): city
statistical bulletins, a provincial action plan, a sector plan, a congress report and a
leader's speech worded as real ones are. Every sentence here is invented for the test;
none is a probe's or a corpus document's."""

from __future__ import annotations

from tests.probes import names_by_value

_BULLETIN = "江州市2024年国民经济和社会发展统计公报\n\n六、对外经济\n\n"
_BULLETIN_NAME = "city_jiangzhou_2024_stat-bulletin.txt"
_PLAN = "江州省推动数字经济发展三年行动方案（2025—2027年）\n\n二、重点任务\n\n"
_PLAN_NAME = "province_jiangzhou_2025_digital-economy-action-plan.txt"


# --- a share's whole: the scope word kept only when it says which of the part's own measure -


def test_a_trade_share_keeps_the_scope_when_the_part_is_trade_too(extract):
    # 进出口额 and 进出口总额 are one measure in the table: 全市 says which total
    text = _BULLETIN + "对东盟国家进出口额88.6亿元，增长9.1%，占全市进出口总额的21.4%。\n"
    got = names_by_value(extract(text, _BULLETIN_NAME))
    assert got[21.4] == "对东盟国家进出口额占全市进出口总额比重"


def test_an_inline_share_drops_the_scope_before_another_whole(extract):
    text = _PLAN + "力争集聚区产值占全省数字产业比重达到65%以上，园区税收占全市税收比重达到40%。\n"
    got = names_by_value(extract(text, _PLAN_NAME))
    assert got[65] == "集聚区产值占数字产业比重"
    assert got[40] == "园区税收占全市税收比重"  # the part's own measure again: which 税收


def test_a_cluster_area_opening_a_name_is_not_cut_as_a_verb(extract):
    # jieba cuts 集聚/区: 力争集聚 read as two verbs left a bare 区
    text = _PLAN + "力争集聚区产值达到500亿元。\n"
    got = names_by_value(extract(text, _PLAN_NAME))
    assert got[500] == "集聚区产值"


# --- a gap to the other side of the urban-rural divide, and a target's 任务 -----------------

_REPORT = "江州市政府工作报告\n\n一、2025年工作回顾\n\n"
_REPORT_NAME = "city_jiangzhou_2026_gwr.txt"


def test_a_gap_to_urban_residents_is_the_rural_income_rates(extract):
    # 高于城镇居民 is read as a comparison with no number first: the rate before it is
    # still the one the gap belongs to
    text = _REPORT + "农村居民人均可支配收入达到21053元，增长7.6%，增速高于城镇居民2.4个百分点。\n"
    got = names_by_value(extract(text, _REPORT_NAME))
    assert got[2.4] == "农村居民人均可支配收入"


def test_a_gap_said_as_faster_than_urban_residents(extract):
    text = _REPORT + "农村居民人均可支配收入增长8.3%，快于城镇居民1.9个百分点。\n"
    got = names_by_value(extract(text, _REPORT_NAME))
    assert got[1.9] == "农村居民人均可支配收入"


def test_more_than_the_years_target_task_is_the_measure_before(extract):
    text = _REPORT + "全市脱贫人口务工人数达到31.5万人，超过年度目标任务2.6万人。\n"
    got = names_by_value(extract(text, _REPORT_NAME))
    assert got[2.6] == got[31.5]
    assert "目标" not in got[2.6]


# --- one count of sites two levels set: 国考、省考断面 --------------------------------------


def test_sites_two_levels_monitor_are_one_count_and_one_rate(extract):
    text = _BULLETIN + "全市18个国考、省考断面水质优良率为97.2%。\n"
    got = names_by_value(extract(text, _BULLETIN_NAME))
    assert got[18] == "国考、省考断面"
    assert got[97.2] == "国考、省考断面水质优良率"


def test_two_levels_joined_by_a_list_mark_before_one_head(extract):
    text = _BULLETIN + "全年创建12个国家级、省级农业示范区。\n"
    got = names_by_value(extract(text, _BULLETIN_NAME))
    assert got[12] == "国家级、省级农业示范区"


# --- a range with its measure said once, after the second number ---------------------------


def test_a_count_range_with_zhi_is_one_figure(extract):
    recs = extract(_PLAN + "推动6至8款智能终端取得入网许可。\n", _PLAN_NAME)
    got = [(r.value, r.value_max, r.unit) for r in recs]
    assert got == [(6, 8, "款")]


def test_a_money_range_with_the_magnitude_once(extract):
    # GOLD_GUIDELINES 6.2: 3000至5000亿元 gives value 3000 and value_max 5000
    recs = extract(_PLAN + "带动社会投资2000至3000亿元。\n", _PLAN_NAME)
    got = [(r.value, r.value_max, r.unit) for r in recs]
    assert got == [(2000, 3000, "亿元")]


def test_a_span_of_months_is_no_range(extract):
    recs = extract(_BULLETIN + "1至11月，全市外贸进出口总额增长6.4%。\n", _BULLETIN_NAME)
    assert [(r.value, r.value_max) for r in recs] == [(6.4, None)]


# --- a mode of transport opening a clause owns its traffic ---------------------------------


def test_a_modes_traffic_said_with_a_verb_between_is_the_modes(extract):
    text = _BULLETIN + "全年公路完成货运量5120万吨，比上年增长3.9%。\n"
    got = names_by_value(extract(text, _BULLETIN_NAME))
    assert got[5120] == "公路货运量"
    assert got[3.9] == "公路货运量"


def test_traffic_without_a_mode_stays_the_regions(extract):
    text = _BULLETIN + "全年完成货运量7300万吨，增长2.2%。\n"
    got = names_by_value(extract(text, _BULLETIN_NAME))
    assert got[7300] == "货运量"


# --- a comparison with the farmers' average --------------------------------------------------


def test_a_growth_above_the_farmers_average_is_a_comparison(extract):
    text = _REPORT + "确保脱贫人口人均纯收入增速高于全市农民收入平均增速。\n"
    recs = extract(text, _REPORT_NAME)
    assert [(r.indicator, r.value, r.qualifier) for r in recs] == [
        ("脱贫人口人均纯收入", None, "高于")
    ]


def test_a_gap_to_the_farmers_average_is_the_rate_befores(extract):
    text = _REPORT + "农村居民人均可支配收入增长8.4%，高于全省农民平均水平1.3个百分点。\n"
    got = names_by_value(extract(text, _REPORT_NAME))
    assert got[1.3] == "农村居民人均可支配收入"


def test_a_gap_to_any_benchmark_named_alone_is_the_rate_befores(extract):
    # the clause holds only the comparison and its benchmark (一般工业 is no measure of
    # this sentence): the gap is the rate's
    text = _REPORT + "高技术制造业增加值增长11.2%，快于一般工业3.6个百分点。\n"
    got = names_by_value(extract(text, _REPORT_NAME))
    assert got[3.6] == got[11.2] == "高技术制造业增加值"


# --- people moved over the years a review covers ---------------------------------------------


def test_people_moved_in_a_five_year_review_are_a_sum_over_it(extract):
    text = (
        "在中国共产党江州市第七次代表大会上的报告\n\n（2021年9月20日）\n\n一、过去五年工作回顾\n\n"
        "五年来，全市累计减少农村贫困人口21.6万人，易地扶贫搬迁5.8万人。\n"
    )
    recs = {r.value: r for r in extract(text, "city_jiangzhou_2021_party-congress-report.txt")}
    assert recs[5.8].year == recs[21.6].year == "2017-2021"


def test_a_comparison_among_five_years_goals_is_over_the_span(extract):
    # after 到2026年 in the same sentence, a level takes 2026; income growing with the
    # economy is a change over the five years, as a yearly average is
    text = (
        "在中国共产党江州市第七次代表大会上的报告\n\n（2021年9月20日）\n\n二、今后五年的奋斗目标\n\n"
        "今后五年的主要目标是：地区生产总值年均增长7%左右，到2026年突破5000亿元；"
        "城乡居民收入增长与经济增长同步。\n"
    )
    recs = extract(text, "city_jiangzhou_2021_party-congress-report.txt")
    years = {r.value: r.year for r in recs}
    assert years[5000] == "2026"
    assert years[None] == years[7] == "2022-2026"
