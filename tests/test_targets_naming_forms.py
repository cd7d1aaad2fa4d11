"""Naming rules of the naming-forms pass (the forms probe set's misses), each on
invented sentences."""

from __future__ import annotations

import re

from bot.targets.records import CONFIDENT, TargetRecord

REPORT = "江州市政府工作报告\n一、2024年工作回顾\n"
NEWS = "江州市上半年经济运行情况\n2025-07-20\n"
PLAN = "江州市制造业数字化转型实施方案\n一、主要目标\n"


def names(records: list[TargetRecord]) -> dict[tuple[float | None, str], str]:
    return {(r.value, r.unit): r.indicator for r in records}


def test_a_count_more_than_a_time_before_is_the_counts_not_the_times(extract):
    got = names(extract(REPORT + "全市高新技术企业达到860家，比“十三五”末增加310家。\n"))
    assert got[(310, "家")] == "高新技术企业"  # not 末
    got = names(extract(REPORT + "农民专业合作社发展到三百二十家，比三年前增加九十家。\n"))
    assert got[(90, "家")] == "农民专业合作社"  # not 三年前


def test_gaps_to_a_time_before_and_a_benchmark_are_the_growths(extract):
    text = (
        "上半年全市社会消费品零售总额210.5亿元，同比增长5.1%，增幅比上月提高0.3个百分点，"
        "高于全省平均水平1.2个百分点。"
    )
    got = names(extract(NEWS + text + "\n"))
    assert got[(0.3, "个百分点")] == "社会消费品零售总额"  # not 增幅比
    assert got[(1.2, "个百分点")] == "社会消费品零售总额"  # not 平均水平
    got = names(extract(NEWS + "上半年全市固定资产投资同比增长7.8%，比全省快1.6个百分点。\n"))
    assert got[(1.6, "个百分点")] == "固定资产投资"  # not 固定资产投资快


def test_a_subject_compared_with_a_benchmark_is_named_without_it(extract):
    got = names(extract(REPORT + "全市森林覆盖率比全省平均水平高约4个百分点。\n"))
    assert got[(4, "个百分点")] == "森林覆盖率"


def test_a_difference_from_a_base_with_no_measure_is_not_confident(extract):
    # the sentence names only the base: no measure to give the gap, and 平均水平高 is none
    (record,) = extract(REPORT + "比全省平均水平高1.2个百分点。\n")
    assert record.confidence < CONFIDENT
    (record,) = extract(REPORT + "比五年前增加二十家。\n")
    assert record.confidence < CONFIDENT


def test_a_months_or_quarters_figure_of_a_statistic_is_the_statistics(extract):
    text = "上半年，全市规模以上工业增加值同比增长6.9%，其中5月份增长7.4%，环比增长0.5%。"
    got = names(extract(NEWS + text + "\n"))
    assert got[(7.4, "%")] == "规模以上工业增加值"  # not 5月份增加值
    assert got[(0.5, "%")] == "规模以上工业增加值"
    text = "一季度，全县社会消费品零售总额同比增长6.0%，其中3月份增长6.8%。"
    got = names(extract(NEWS + text + "\n"))
    assert got[(6.8, "%")] == "社会消费品零售总额"  # not 3月份额
    text = "前三季度，全区固定资产投资增长4.2%，其中二季度增长5.0%。"
    got = names(extract(NEWS + text + "\n"))
    assert got[(5.0, "%")] == "固定资产投资"


def test_a_floor_of_levels_before_a_known_thing_stays_in_its_name(extract):
    got = names(extract(PLAN + "到2027年，培育省级以上工业互联网平台8个。\n"))
    assert got[(8, "个")] == "省级以上工业互联网平台"  # not the table's 工业互联网平台
    # a level alone is the table's business (its aliases decide it); a level selects
    # (GOLD_GUIDELINES 6.8.40), so the table no longer files the province's under all
    got = names(extract(PLAN + "到2027年，新增省级工业互联网平台6个。\n"))
    assert got[(6, "个")] == "省级工业互联网平台"


def test_a_thing_written_without_a_selecting_word_is_not_the_selected_set(extract):
    # 重点, 国家级, 瞪羚 select part of the things: the bare thing is the whole set
    got = names(extract(PLAN + "到2027年，每年实施技改项目150个以上。\n"))
    assert got[(150, "个")] == "技改项目"  # not 重点技改项目
    got = names(extract(PLAN + "到2027年，建成工业设计中心6个。\n"))
    assert got[(6, "个")] == "工业设计中心"  # not 国家级工业设计中心
    got = names(extract(PLAN + "到2027年，新增独角兽企业3家。\n"))
    assert got[(3, "家")] == "独角兽企业"  # not 瞪羚独角兽企业


def test_no_alias_of_the_table_drops_a_word_that_selects_part_of_the_things(table):
    # an alias names the same thing: 技改项目 is not 重点技改项目, 绿色工厂 not 省级以上绿色工厂
    selecting = re.compile(
        r"^(?:重点|(?:国家|省|市|县)级(?:以上)?|省一类以上|高品质|示范型|国内先进|一类|瞪羚|大规格)$"
    )
    wider = [
        (name, alias)
        for alias, name in table.aliases.items()
        if alias != name and name.endswith(alias) and selecting.match(name[: -len(alias)])
    ]
    assert wider == []


def test_a_fund_after_its_payer_and_the_verb_of_paying_is_named_by_the_fund(extract):
    got = names(extract(PLAN + "市级财政每年安排产业引导专项资金2亿元。\n"))
    assert got[(2, "亿元")] == "产业引导专项资金"  # not 市级财政安排…
    got = names(extract(PLAN + "县财政下达专项补助资金3000万元。\n"))
    assert got[(3000, "万元")] == "专项补助资金"
    # a payer written in the fund's own name, with no verb between, stays
    got = names(extract(PLAN + "统筹安排省级财政资金80亿元以上。\n"))
    assert got[(80, "亿元")] == "省级财政资金"


def test_a_name_is_never_cut_inside_a_coordination_of_two_words(extract):
    text = "到2027年，出租、网约车等客运领域新增和更新车辆中新能源汽车比例不低于70%。"
    got = names(extract(PLAN + text + "\n"))
    assert got[(70, "%")] == "客运领域新增和更新车辆中新能源汽车比例"  # not 和更新车辆中…
    text = "到2027年，城市公交领域新增和更新车辆中新能源汽车比例达到90%。"
    got = names(extract(PLAN + text + "\n"))
    assert got[(90, "%")] == "城市公交领域新增和更新车辆中新能源汽车比例"
    # 和 that opens a word (和美乡村) is no coordination
    got = names(extract(PLAN + "到2027年，新建和美乡村120个。\n"))
    assert got[(120, "个")] == "和美乡村"


def test_an_award_said_as_the_verb_is_named_as_one_given(extract):
    # 一次性奖励50万元 with no 给予: the same award as 给予一次性奖励50万元
    got = names(extract(PLAN + "对新认定的国家级绿色工厂，一次性奖励50万元。\n"))
    assert got[(50, "万元")] == "国家级绿色工厂奖励"  # not 奖励; 一次性 is the manner


def test_parts_before_a_known_name_narrow_it_though_jieba_reads_a_numeral(extract):
    # jieba tags 零部件 a numeral and measure word (its 零): it is a noun of the things
    got = names(extract(PLAN + "到2027年，建设零部件特色产业园3个。\n"))
    assert got[(3, "个")] == "零部件特色产业园"  # not the table's 特色产业园
