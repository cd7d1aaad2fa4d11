"""What targets-left15 settles (issue 11): faults probes-round15 and probes-bulletins16
found in two or more documents and left. Every sentence here is invented for the test;
none is a probe's or a corpus document's."""

from __future__ import annotations

from tests.probes import names_by_value as _names

_BULLETIN = "柘川县2023年国民经济和社会发展统计公报\n\n三、工业和能源\n\n"
_NAME = "county_zhechuan_2023_stat-bulletin.txt"


# --- the firms said before 完成工业总产值 own the income said after it ---------------


def test_income_after_the_firms_output_value_is_the_firms(extract):
    text = (
        _BULLETIN + "全年全县规模以上工业企业完成工业总产值212.5亿元，增长7.3%；"
        "实现营业收入198.7亿元，增长6.1%；利润总额11.4亿元，增长2.2%。\n"
    )
    names = _names(extract(text, _NAME))
    assert names[212.5] == "规模以上工业总产值"
    assert names[198.7] == "规模以上工业企业营业收入"
    assert names[6.1] == "规模以上工业企业营业收入"
    assert names[11.4] == "规模以上工业企业利润总额"


def test_income_said_bare_after_a_count_of_firms_and_their_output(extract):
    text = (
        _BULLETIN + "全县规模以上工业企业57家，实现工业总产值64.2亿元，增长5.5%；"
        "营业收入59.8亿元，增长4.9%；利润总额3.17亿元，下降8.5%。\n"
    )
    names = _names(extract(text, _NAME))
    assert names[64.2] == "规模以上工业总产值"
    assert names[59.8] == "规模以上工业企业营业收入"
    assert names[3.17] == "规模以上工业企业利润总额"


def test_main_business_income_after_the_output_value_is_the_firms(extract):
    text = (
        _BULLETIN + "全年规模以上工业企业完成工业总产值388.1亿元；"
        "实现主营业务收入371.6亿元，增长9.2%。\n"
    )
    names = _names(extract(text, _NAME))
    assert names[371.6] == "规模以上工业主营业务收入"  # the table's canonical name


def test_income_said_first_keeps_its_firms(extract):
    # the guard: the shape bulletins16 settled stays as it was
    text = _BULLETIN + "全年规模以上工业企业实现营业收入142.3亿元；实现利润总额9.35亿元。\n"
    names = _names(extract(text, _NAME))
    assert names[142.3] == "规模以上工业企业营业收入"
    assert names[9.35] == "规模以上工业企业利润总额"


# --- 发电量 after a list of products or capacities is the whole output of power -----


def test_power_output_after_a_product_list_is_not_the_last_products(extract):
    text = (
        _BULLETIN + "全年规模以上工业主要产品产量：生铁35.2万吨，增长2.1%；"
        "平板玻璃126.5万重量箱，下降3.3%；钢材48.9万吨，增长1.7%；"
        "发电量58.7亿千瓦时，增长4.4%。\n"
    )
    names = _names(extract(text, _NAME))
    assert names[48.9] == "钢材产量"
    assert names[58.7] == "发电量"
    assert names[4.4] == "发电量"


def test_power_output_after_a_wind_capacity_is_the_whole_output(extract):
    text = (
        _BULLETIN + "年末全县电力装机容量92.3万千瓦，其中，水电装机容量22.5万千瓦，"
        "风电装机容量40.1万千瓦；全年发电量31.6亿千瓦时，增长6.2%。\n"
    )
    names = _names(extract(text, _NAME))
    assert names[40.1] == "风电装机容量"
    assert names[31.6] == "发电量"
    assert names[6.2] == "发电量"


# --- a yearly average or a five-year sum towards a five-year plan's end year ---------
# (guidelines §6.2: 到2025年 gives the end year, a quantity over the plan the span)

_REPORT = "2021年柘川省政府工作报告\n\n二、“十四五”时期主要目标\n\n"
_REPORT_NAME = "province_zhechuan_2021_gwr.txt"


def _years(records) -> dict[float | None, str]:
    return {r.value: r.year for r in records}


def test_a_yearly_average_to_the_plans_end_covers_the_plan(extract):
    text = _REPORT + "到2025年，全省生产总值年均增长6.5%左右，常住人口城镇化率达到61%。\n"
    years = _years(extract(text, _REPORT_NAME))
    assert years[6.5] == "2021-2025"
    assert years[61] == "2025"  # a level reached at the end keeps the end year


def test_a_yearly_average_in_a_later_clause_of_the_goal_sentence(extract):
    text = (
        _REPORT + "到2025年，城镇调查失业率控制在5.5%以内，"
        "居民人均可支配收入年均增长7.5%左右，人均预期寿命提高到78.3岁。\n"
    )
    years = _years(extract(text, _REPORT_NAME))
    assert years[7.5] == "2021-2025"
    assert years[5.5] == "2025"
    assert years[78.3] == "2025"


def test_a_five_year_sum_to_the_plans_end_covers_the_plan(extract):
    text = (
        _REPORT + "到2025年，非化石能源消费比重提高到21%左右，"
        "单位地区生产总值能耗五年累计下降14.5%。\n"
    )
    years = _years(extract(text, _REPORT_NAME))
    assert years[14.5] == "2021-2025"
    assert years[21] == "2025"


def test_a_yearly_average_to_a_year_past_the_plan_keeps_its_year(extract):
    # 2023 is no five-year plan's end: nothing says over which years the average runs
    text = "2021年柘川省政府工作报告\n\n二、今后工作\n\n到2023年，全省数字经济规模年均增长12.5%。\n"
    years = _years(extract(text, _REPORT_NAME))
    assert years[12.5] == "2023"


def test_a_yearly_average_in_the_review_of_a_plan_just_closed_covers_the_plan(extract):
    # a 2026 report on the five years to 2025: an average over 2025 alone is none
    text = (
        "2026年柘川省政府工作报告\n\n一、“十四五”时期工作回顾\n\n"
        "港口物流加快发展，2025年开通国际航线42条，集装箱吞吐量年均增长16.5%。\n"
    )
    years = _years(extract(text, "province_zhechuan_2026_gwr.txt"))
    assert years[16.5] == "2021-2025"
