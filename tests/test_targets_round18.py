"""Rules found on the round-18 probe set (issue 11, ``tests/data/probes/round18/``): a
prefecture city's, a county's, a district's and a province's work reports and a ministry's
work conference report, worded as real ones are. Every sentence here is invented for the
test; none is a probe's or a corpus document's."""

from __future__ import annotations

from tests.probes import names_by_value

_REPORT = "江州市政府工作报告\n\n一、2025年工作回顾\n\n"
_NAME = "city_jiangzhou_2026_gwr.txt"


# --- 其中 then ；: the next statistic of the enumeration is no part of the whole ------------


def test_a_known_statistic_after_a_parts_clause_keeps_its_own_measure(extract):
    text = _REPORT + (
        "规上工业总产值突破4200亿元，增长8.1%；固定资产投资增长6.2%，其中工业投资增长12.5%；"
        "社会消费品零售总额736.4亿元，增长5.8%；外贸进出口总额1280亿元。\n"
    )
    got = names_by_value(extract(text, _NAME))
    assert got[736.4] == "社会消费品零售总额"
    assert got[1280] == "外贸进出口总额"
    assert got[12.5] == "工业投资"


def test_a_part_the_table_counts_still_takes_the_wholes_measure(extract):
    # 基层医疗卫生机构 is a count in the table, not a measure of its own
    text = _REPORT + ("全市医疗卫生机构总诊疗人次2860万人次，其中基层医疗卫生机构1320万人次。\n")
    got = names_by_value(extract(text, _NAME))
    assert got[1320] == "基层医疗卫生机构诊疗人次"


def test_money_named_by_its_source_is_no_part_of_the_frames_investment(extract):
    text = _REPORT + (
        "全年完成交通建设投资860亿元，增长7.4%；筹集建设资金910亿元，其中中央车购税资金"
        "215亿元、银行贷款320亿元、社会资本180亿元。\n"
    )
    got = names_by_value(extract(text, _NAME))
    assert got[320] == "银行贷款"
    assert got[180] == "社会资本"


# --- two acts said as one; an act written after the things counted ---------------------


def test_two_acts_said_as_one_are_the_change(extract):
    text = _REPORT + "修订完善城市防汛应急预案46个，排查整治燃气安全隐患2300处。\n"
    records = extract(text, _NAME)
    got = {r.value: (r.indicator, r.change) for r in records}
    assert got[46] == ("城市防汛应急预案", "修订完善")
    assert got[2300] == ("燃气安全隐患", "排查整治")


def test_an_act_after_the_counted_things_is_their_change(extract):
    text = _REPORT + "科技型中小企业入库评价3120家，完成小型水库除险加固86座。\n"
    records = extract(text, _NAME)
    got = {r.value: (r.indicator, r.change) for r in records}
    assert got[3120] == ("科技型中小企业", "入库")
    assert got[86] == ("小型水库", "除险加固")


# --- 由2017年的…增至…: the baseline's year dates nothing ----------------------------------


def test_the_year_of_a_baseline_dates_neither_the_level_nor_what_follows(extract):
    text = "江州省2023年政府工作报告\n\n一、过去五年工作回顾\n\n" + (
        "五年来，专精特新企业数量由2017年的860家增至3120家；数字经济核心产业增加值占比"
        "提高到9.6%。森林覆盖率从2017年底的58.1%提高到61.3%。\n"
    )
    years = {r.value: r.year for r in extract(text, "province_jiangzhou_2023_gwr.txt")}
    assert years[3120] == "2022"
    assert years[9.6] == "2022"
    assert years[61.3] == "2022"


# --- 座次, 架次: occasions counted keep their 次 ------------------------------------------


def test_occasions_counted_keep_their_measure_word(extract):
    text = _REPORT + "全年调度大中型水库1260座次，保障运输航班3.6万架次。\n"
    units = {r.value: r.unit for r in extract(text, _NAME)}
    assert units[1260] == "座次"
    assert units[3.6] == "万架次"


# --- 种植面积…，产值…: the crop's output value, not its growing's ---------------------------


def test_the_value_after_a_growing_area_is_the_crops(extract):
    text = _REPORT + (
        "猕猴桃种植面积达到8.2万亩，产值突破21亿元。对虾养殖面积达到3万亩，全产业链产值突破45亿元。\n"
    )
    got = names_by_value(extract(text, _NAME))
    assert got[21] == "猕猴桃产值"
    assert got[45] == "对虾全产业链产值"
