"""Naming rules for statistical bulletins written in other places' and levels' styles
(issue 11), each tested on invented sentences written the way bulletins are written."""

from __future__ import annotations

from bot.targets import TargetRecord


def names(records: list[TargetRecord]) -> dict[tuple[float | None, str], str]:
    return {(r.value, r.unit): r.indicator for r in records}


BULLETIN = "2024年江州市国民经济和社会发展统计公报\n江州市统计局\n一、综合\n"


def test_rates_said_respectively_after_their_clauses_follow_them_in_order(extract):
    got = names(
        extract(
            BULLETIN + "全年棉花产量3.4万吨，油料产量12.7万吨，分别下降1.6%和增长2.9%。\n"
            "全年民航旅客吞吐量86.2万人次，货邮吞吐量1.3万吨，比上年分别增长15.1%、7.7%。\n"
        )
    )
    assert got[(1.6, "%")] == "棉花产量"
    assert got[(2.9, "%")] == "油料产量"
    assert got[(15.1, "%")] == "民航旅客吞吐量"
    assert got[(7.7, "%")] == "货邮吞吐量"


def test_rates_follow_their_levels_as_finally_named(extract):
    # the level's name is completed by the paragraph (货运量 stays 货运量, not 货物货运量)
    got = names(
        extract(BULLETIN + "全年完成货运量2.3亿吨，货物周转量51.4亿吨公里，分别增长6.2%、3.8%。\n")
    )
    assert got[(6.2, "%")] == "货运量"
    assert got[(3.8, "%")] == "货物周转量"


def test_a_respectively_clause_with_its_own_subject_is_left_alone(extract):
    got = names(
        extract(
            BULLETIN + "全年地区生产总值520亿元，增长5.1%，第二、三产业增加值分别增长4.2%、6.0%。\n"
        )
    )
    assert got[(4.2, "%")] == "第二产业增加值"
    assert got[(6.0, "%")] == "第三产业增加值"


def test_parts_listed_after_the_whole_they_are_of_take_its_measure(extract):
    got = names(
        extract(
            BULLETIN + "在限额以上单位商品零售额中，书报杂志类增长4.4%，金银珠宝类下降6.1%。\n"
            "限额以上批发和零售业销售额中，五金电料类增长3.0%。\n"
        )
    )
    assert got[(4.4, "%")] == "书报杂志类零售额"
    assert got[(6.1, "%")] == "金银珠宝类零售额"
    assert got[(3.0, "%")] == "五金电料类销售额"


def test_sectors_listed_by_their_ordinals_are_one_each(extract):
    got = names(extract(BULLETIN + "全年全县第一、二产业增加值分别增长3.3%、5.6%。\n"))
    assert got[(3.3, "%")] == "第一产业增加值"
    assert got[(5.6, "%")] == "第二产业增加值"


def test_a_share_named_again_in_brackets_takes_the_standard_name(extract):
    got = names(
        extract(
            BULLETIN + "年末全县常住人口48.6万人，其中城镇人口25.1万人，"
            "占常住人口比重（常住人口城镇化率）为51.65%，比上年末提高0.72个百分点。\n"
        )
    )
    assert got[(51.65, "%")] == "常住人口城镇化率"
    assert got[(0.72, "个百分点")] == "常住人口城镇化率"


def test_a_bracket_that_explains_a_rate_is_no_name(extract):
    got = names(
        extract(BULLETIN + "全年规模以上工业企业营业收入利润率（利润总额与营业收入之比）为5.8%。\n")
    )
    assert got[(5.8, "%")] == "规模以上工业企业营业收入利润率"


def test_acts_of_record_are_no_part_of_what_is_counted(extract):
    got = extract(BULLETIN + "全年共签订技术合同3120项。全年新批外商投资企业27家。\n")
    by = {(r.value, r.unit): (r.indicator, r.change) for r in got}
    assert by[(3120, "项")] == ("技术合同", "签订")
    assert by[(27, "家")] == ("外商投资企业", "新批")


def test_a_size_class_of_the_things_counted_stays_in_their_name(extract):
    got = names(
        extract(
            BULLETIN + "全县主营业务收入超五亿元的工业企业十二家，超亿元的工业企业四十一家。\n"
            "全年产值过千万元的家庭农场36家。\n"
        )
    )
    assert got[(12, "家")] == "主营业务收入超五亿元的工业企业"
    assert got[(41, "家")] == "主营业务收入超亿元的工业企业"  # the measure said once
    assert got[(36, "家")] == "产值过千万元的家庭农场"


def test_all_deposits_in_a_table_are_the_captions_holders(extract):
    got = names(
        extract(
            BULLETIN + "表5 2024年末金融机构本外币存贷款余额\n"
            "指标\t年末数(亿元)\t比年初增长(%)\n"
            "各项存款余额\t3521.6\t8.2\n"
            "各项贷款余额\t2987.4\t10.6\n"
        )
    )
    assert got[(3521.6, "亿元")] == "金融机构本外币存款余额"
    assert got[(10.6, "%")] == "金融机构本外币贷款余额"


def test_a_bare_share_after_a_siblings_share_is_of_the_same_whole(extract):
    got = names(
        extract(
            BULLETIN + "全年数字经济核心产业增加值占地区生产总值的比重为9.1%，"
            "比上年提高0.6个百分点，海洋经济增加值占比为6.3%。\n"
        )
    )
    assert got[(6.3, "%")] == "海洋经济增加值占地区生产总值比重"


def test_a_bare_share_of_another_measure_is_left_alone(extract):
    got = names(
        extract(
            BULLETIN
            + "全年民间投资占固定资产投资比重为45%，财政资金支持科技项目的资金占比为30%。\n"
        )
    )
    assert "固定资产投资" not in got[(30, "%")]


def test_firms_counted_by_the_money_they_got_are_no_prize_winners(extract):
    got = names(extract(BULLETIN + "全年符合条件的86家企业获得首台套保险补偿资金。\n"))
    assert got[(86, "家")] == "获得首台套保险补偿资金的企业"


def test_the_divisions_that_grew_in_a_measure_are_counted_as_such(extract):
    got = names(extract(BULLETIN + "分行业看，规模以上工业35个行业大类中有21个行业增加值增长。\n"))
    assert got[(21, "个")] == "增加值增长的行业大类"


def test_a_bare_payout_is_the_insurers(extract):
    got = names(extract(BULLETIN + "全年赔付支出27.3亿元，增长9.9%。\n"))
    assert got[(27.3, "亿元")] == "保险赔付支出"
    assert got[(9.9, "%")] == "保险赔付支出"


def test_a_count_described_before_it_and_measured_after_it_names_both(extract):
    # the list entered names the things, without the verb (as naming.enrolled does in reports)
    got = names(extract(BULLETIN + "全年列入市重点的68个项目完成投资215.4亿元。\n"))
    assert got[(68, "个")] == "市重点项目"
    assert got[(215.4, "亿元")] == "市重点项目完成投资"


def test_the_size_of_things_counted_then_measured_is_theirs(extract):
    got = names(extract(BULLETIN + "全年总投资860亿元的42个项目完成投资156.2亿元。\n"))
    assert got[(860, "亿元")] == "项目总投资"
    assert got[(42, "个")] == "项目"
    assert got[(156.2, "亿元")] == "项目完成投资"


def test_firms_counted_by_the_policy_they_enjoy(extract):
    got = names(
        extract(BULLETIN + "全年共有316家企业享受先进制造业增值税加计抵减政策，减免税额5.6亿元。\n")
    )
    assert got[(316, "家")] == "享受先进制造业增值税加计抵减政策的企业"


def test_parts_that_each_take_a_share_of_one_whole_name_it(extract):
    got = names(
        extract(
            BULLETIN + "全年第一、二、三产业增加值分别占地区生产总值的8.4%、41.2%和50.4%。\n"
            "全年装备制造业和高技术制造业增加值分别占规模以上工业增加值的36.5%和12.8%。\n"
        )
    )
    assert got[(8.4, "%")] == "第一产业增加值占地区生产总值比重"
    assert got[(50.4, "%")] == "第三产业增加值占地区生产总值比重"
    assert got[(36.5, "%")] == "装备制造业增加值占规模以上工业增加值比重"
    assert got[(12.8, "%")] == "高技术制造业增加值占规模以上工业增加值比重"


def test_insurance_schemes_listed_before_their_head_count_each_take_it(extract):
    got = names(
        extract(BULLETIN + "年末全市失业保险、工伤保险参保人数分别为12.4万人和15.8万人。\n")
    )
    assert got[(12.4, "万人")] == "失业保险参保人数"
    assert got[(15.8, "万人")] == "工伤保险参保人数"


def test_the_firms_of_a_clause_keep_their_measures_across_a_semicolon_after_a_rate(extract):
    got = names(
        extract(
            BULLETIN + "全年规模以上服务业企业实现营业收入186.2亿元，增长6.6%；"
            "实现利润总额12.8亿元，下降3.5%。\n"
        )
    )
    assert got[(12.8, "亿元")] == "规模以上服务业利润总额"  # as 规模以上服务业营业收入
    assert got[(3.5, "%")] == "规模以上服务业利润总额"


def test_parts_of_a_population_said_bare_are_populations(extract):
    got = extract(
        BULLETIN + "年末全县户籍人口63.4万人，其中男性32.5万人，女性30.9万人。\n"
        "年末全县常住人口58.2万人，其中0-14岁9.6万人，65岁及以上11.3万人。\n"
    )
    by = names(got)
    assert by[(32.5, "万人")] == "男性人口"
    assert by[(30.9, "万人")] == "女性人口"
    assert by[(9.6, "万人")] == "0-14岁人口"
    assert by[(11.3, "万人")] == "65岁及以上人口"
    assert not [r for r in got if r.unit == "岁"]  # the age band is a label, no figure


def test_a_part_of_other_people_is_not_a_population(extract):
    got = names(extract(BULLETIN + "年末全县共有专任教师6120人，其中女性3870人。\n"))
    assert not got[(3870, "人")].endswith("人口")


def test_a_verb_inside_the_last_word_of_a_name_is_no_change(extract):
    recs = extract(BULLETIN + "年末全市有妇幼保健院6个，疾病预防控制中心9个。\n")
    got = {r.value: r.change for r in recs}
    assert got[9] == ""  # 控制 in 疾病预防控制中心 is no 控制在


def test_the_people_said_after_a_levels_annexes_are_the_levels(extract):
    # units counted with a level's schools (教学点, 九年一贯制学校) come before its people
    got = names(
        extract(
            BULLETIN + "小学520所，教学点210个，在校学生285000人。\n"
            "初级中学96所，九年一贯制学校8所，在校学生150600人，专任教师9800人。\n"
        )
    )
    assert got[(285000, "人")] == "小学在校学生"
    assert got[(150600, "人")] == "初中在校学生"  # the table's name for 初级中学在校学生
    assert got[(9800, "人")] == "初级中学专任教师"
    assert got[(210, "个")] == "教学点"
    # another level, or a clause after a semicolon or 其中, has people of its own
    got = names(
        extract(
            BULLETIN + "普通高中46所，初级中学120所，在校学生29.6万人。\n"
            "普通中学64所；普通小学63所，在校学生11.8万人。\n"
            "普通高等学校10所，其中本科院校4所，在校学生12.5万人。\n"
        )
    )
    assert got[(29.6, "万人")] == "初中在校学生"
    assert got[(11.8, "万人")] == "小学在校学生"
    assert got[(12.5, "万人")] == "本科院校在校学生"
