"""Rules for what the round37 probe set left (lane ``targets-left37``): each test is a general
form, on invented sentences, not a line of the probe texts."""

from __future__ import annotations

_CONGRESS = (
    "奋力谱写青石现代化建设新篇章\n"
    "——在中国共产党青石市第九次代表大会上的报告\n"
    "（{date}）\n"
    "同志们：\n"
    "一、过去五年的工作回顾\n"
    "五年来，我们团结带领全市人民砥砺奋进。\n"
    "——综合实力持续增强。地区生产总值达到3200亿元，年均增长6.8%。"
    "五年累计完成固定资产投资9000亿元。\n"
    "二、今后五年的目标任务\n"
    "今后五年，全市经济社会发展的主要目标是：地区生产总值年均增长6%以上，"
    "城镇调查失业率控制在5.5%以内。\n"
)


def test_a_congress_given_in_spring_reviews_the_years_before_it(extract) -> None:
    # 6.8.56: dated before July, the review ends the year before; the term ahead runs to the
    # next congress, N+1…N+5, as an autumn congress's does
    text = _CONGRESS.format(date="2032年3月18日")
    years = {r.value: r.year for r in extract(text, "city_qingshi_2032_party-congress-report.txt")}
    assert years[3200] == "2031"
    assert years[6.8] == "2027-2031"
    assert years[9000] == "2027-2031"
    assert years[6] == "2033-2037"
    assert years[5.5] == "2033-2037"


def test_a_congress_given_in_autumn_reviews_its_own_year(extract) -> None:
    text = _CONGRESS.format(date="2032年10月18日")
    years = {r.value: r.year for r in extract(text, "city_qingshi_2032_party-congress-report.txt")}
    assert years[3200] == "2032"
    assert years[6.8] == "2028-2032"
    assert years[6] == "2033-2037"


def test_a_table_row_names_a_share_without_the_bases_de(extract) -> None:
    # 占卫生总费用的比重（%） as a row is the share prose names 占卫生总费用比重 (6.8.8's 的
    # belongs to a clause before a counted thing, not to a share's base)
    text = (
        "青石省“十五五”卫生健康规划\n"
        "表1　主要指标\n"
        "指标\t2030年\t2035年\n"
        "个人卫生支出占卫生总费用的比重（%）\t26\t25左右\n"
    )
    names = {r.value: r.indicator for r in extract(text, "plan.txt")}
    assert names[26] == "个人卫生支出占卫生总费用比重"
    assert names[25] == "个人卫生支出占卫生总费用比重"
