"""Conventions the golds had written two ways, settled once (issue 11, lane
``gold-conventions``; GOLD_GUIDELINES 6.8). Every sentence here is invented for the test;
none is a probe's or a corpus document's."""

from __future__ import annotations


def _by_value(records) -> dict[float | None, tuple[str, str]]:
    return {r.value: (r.indicator, r.year) for r in records}


_BULLETIN = "city_jiangzhou_2023_stat-bulletin.txt"


def test_a_leading_xinsheli_is_the_act_not_the_counted_thing(extract):
    text = (
        "江州市2023年国民经济和社会发展统计公报\n\n"
        "全年新设立外商投资企业35家，合同外资金额2.6亿美元。\n\n"
        "全年新设外商投资企业12家。\n"
    )
    got = _by_value(extract(text, _BULLETIN))
    # 6.8.3: 新设立 and 新设 are one act, kept out of the name alike
    assert got[35][0] == "外商投资企业"
    assert got[12][0] == "外商投资企业"


_REPORT = (
    "江州市2023年政府工作报告\n\n"
    "一、2022年工作回顾\n\n"
    "全市软件业务收入从2015年的120亿元增长到2022年的480亿元，年均增速达21.9%。\n\n"
    "光纤宽带用户从2016年的52万户增加到2022年的186万户，增长2.6倍。\n\n"
    "2022年全市万元地区生产总值能耗比2017年下降18.5%。\n"
)


def test_a_change_over_a_stretch_is_dated_from_the_year_after_its_base(extract):
    got = _by_value(extract(_REPORT, "city_jiangzhou_2023_gwr.txt"))
    # 6.8.2: the rate (年均增速, said as a noun) and the growth in 倍 happened in the years
    # after the base; the level at the stretch's end is of that year
    assert got[21.9][1] == "2016-2022"
    assert got[2.6][1] == "2017-2022"
    assert got[480][1] == "2022"
    assert got[186][1] == "2022"


def test_a_comparison_with_a_base_year_and_no_stretch_is_left_as_it_was(extract):
    got = _by_value(extract(_REPORT, "city_jiangzhou_2023_gwr.txt"))
    # 比2017年下降 alone: the golds date it both ways (6.8.2, open); the year stays the
    # one the sentence names
    assert got[18.5][1] == "2022"


def test_a_plans_yearly_figure_is_dated_by_the_span_it_repeats_over(extract):
    text = (
        "江州省推动智能装备产业高质量发展行动方案（2024—2026年）\n\n"
        "一、主要目标\n\n"
        "到2026年，全省智能装备产业规模突破3000亿元。\n\n"
        "二、保障措施\n\n"
        "省级财政每年安排智能装备发展专项资金3亿元，设立规模20亿元的智能装备产业基金。\n"
    )
    got = _by_value(extract(text, "province_jiangzhou_2024_action-plan.txt"))
    # 6.8.5: the same sum in each year of the plan, not a level reached at its end
    assert got[3][1] == "2024-2026"
    assert got[3000][1] == "2026"


def test_a_plans_summed_act_is_dated_by_the_plan_and_a_standing_total_by_its_year(extract):
    text = (
        "江州省推动数字乡村高质量发展行动方案（2024—2026年）\n\n"
        "一、主要目标\n\n"
        "到2026年，全省累计建成数字乡村示范村800个，益农信息社累计达到1.5万个。\n\n"
        "二、重点任务\n\n"
        "累计培育农村电商带头人5000名。\n"
    )
    got = _by_value(extract(text, "province_jiangzhou_2024_action-plan.txt"))
    # 6.8.6: built over the plan, a sum; where the total stands, the year named
    assert got[800][1] == "2024-2026"
    assert got[5000][1] == "2024-2026"
    assert got[1.5][1] == "2026"


def test_a_road_listed_after_a_whole_length_takes_its_measure(extract):
    text = (
        "江州县2023年国民经济和社会发展统计公报\n\n"
        "年末全县公路总里程4120公里，其中，农村公路3605公里。\n\n"
        "年末全县公路通车里程5210公里，其中，高速公路96公里，农村公路4410公里。\n\n"
        "全年新建改建农村公路215公里。\n"
    )
    got = _by_value(extract(text, "county_jiangzhou_2023_stat-bulletin.txt"))
    # 6.8.9: the part's length, the whole's measure less 总; the table's 农村公路 (built)
    # stays for what a clause with its own verb built
    assert got[3605][0] == "农村公路里程"
    assert got[96][0] == "高速公路通车里程"
    assert got[4410][0] == "农村公路通车里程"
    assert got[215][0] == "农村公路"
