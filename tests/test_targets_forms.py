"""Extraction rules found on the forms probe set (issue 11, ``tests/data/probes/forms/``):
how news stories, plans, party congress reports and speeches write their figures. Every
sentence here is invented for the test; none is a probe's or a corpus document's."""

from __future__ import annotations

from bot.targets.numbers import cn_to_number, find_figures


def _figures(sentence: str) -> list[tuple[float | None, str, str]]:
    return [(f.value, f.value_text, f.unit) for f in find_figures(sentence)]


# --- kind: a part of a year that has ended -------------------------------------------------


def test_a_news_story_on_the_first_half_reports_results(extract):
    text = (
        "前三季度江州经济稳中向好\n"
        "来源：江州晚报\n"
        "10月20日，市统计局发布2024年前三季度全市经济运行情况。前三季度，全市实现地区生产总值"
        "2310.5亿元，同比增长5.1%。\n"
        "分行业看，全市工业增加值780.2亿元，比上年同期提高0.8个百分点。\n"
        "全市城镇居民人均可支配收入41200元。\n"
    )
    kinds = {r.value: r.kind for r in extract(text, "news.txt")}
    # levels and increments carry no verb of a result: the 2024年前三季度 of the opening
    # paragraph dates them, and a quarter is reported once it is over
    assert kinds[2310.5] == kinds[780.2] == kinds[0.8] == kinds[41200] == "achievement"


def test_a_part_of_the_year_ahead_is_still_a_goal_with_a_goal_word(extract):
    text = (
        "江州市人民政府工作报告\n"
        "——2024年1月10日在江州市第十届人民代表大会第三次会议上\n"
        "2024年上半年要完成投资120亿元，新开工项目45个。\n"
    )
    kinds = {r.value: r.kind for r in extract(text, "report.txt")}
    assert kinds[120] == kinds[45] == "target"


# --- numbers: Chinese numerals ---------------------------------------------------------------


def test_a_chinese_decimal_before_its_magnitude():
    assert cn_to_number("七点四亿") == 7.4e8
    assert cn_to_number("一点五万") == 15000
    assert cn_to_number("三点二万亿") == 3.2e12
    assert _figures("税收收入达到七点四亿元，新增就业一点五万人。") == [
        (7.4, "七点四亿", "亿元"),
        (1.5, "一点五万", "万人"),
    ]


def test_two_written_after_its_noun_is_a_count_not_a_slogan():
    assert _figures("创建省级特色小镇两个，培育农业龙头企业十五家。") == [
        (2.0, "两", "个"),
        (15.0, "十五", "家"),
    ]
    assert _figures("打造两个百亿级产业集群。") == [(2.0, "两", "个")]
    assert _figures("牢记两个务必，增强两个维护的自觉。") == []


# --- numbers: comparisons with their gap, the top N as a class -----------------------------


def test_a_comparison_followed_by_its_gap_gives_the_gap_only(extract):
    text = (
        "江州市人民政府工作报告\n一、2024年工作回顾\n"
        "农村居民人均可支配收入增长8.2%，高于城镇居民收入增幅1.5个百分点。\n"
    )
    got = [(r.value, r.unit) for r in extract(text, "report.txt")]
    assert got == [(8.2, "%"), (1.5, "个百分点")]  # no numberless comparison beside the gap
    plain = extract("江州市人民政府工作报告\n一、2024年工作回顾\n居民收入增长快于经济增长。\n")
    assert [(r.value, r.qualifier) for r in plain] == [(None, "快于")]


def test_the_top_n_before_what_it_qualifies_is_a_class_not_a_rank():
    assert _figures("对首次进入全省纳税前20位的民营企业给予表彰。") == []
    assert _figures("对进入全国百强县前十名的县给予奖励。") == []
    assert _figures("全市经济总量进入全省前十位。") == [(10.0, "十", "位")]


# --- kind: a result recalled in a forward part ------------------------------------------------


def test_a_result_recalled_in_the_tasks_of_a_speech_is_an_achievement(extract):
    text = (
        "在全市工业经济工作会议上的讲话\n（2024年2月5日）\n"
        "二、今年的目标任务\n"
        "去年全市规模以上工业企业达到860家，今年要再新增50家。\n"
        "工业投资已经连续三年增长，今年力争增长8%，增速比去年提高2个百分点。\n"
    )
    kinds = {r.value: r.kind for r in extract(text, "speech.txt")}
    assert kinds[860] == "achievement"
    assert kinds[50] == kinds[8] == kinds[2] == "target"  # 比去年 is a base, not a time


# --- year: a heading that names its year relative to the document's ---------------------------


def test_a_heading_naming_last_year_or_this_year_dates_its_part(extract):
    text = (
        "在全市农业农村工作会议上的讲话\n（2025年2月12日）\n"
        "一、充分肯定去年农业农村工作取得的成绩\n"
        "全年农村居民人均可支配收入达到21500元，增长6.9%。\n"
        "二、明确今年农业农村工作的目标任务\n"
        "要确保粮食播种面积稳定在180万亩以上。\n"
    )
    years = {r.value: r.year for r in extract(text, "speech.txt")}
    assert years[21500] == years[6.9] == "2024"
    assert years[180] == "2025"


def test_a_congress_report_plans_the_five_years_after_those_it_reviews(extract):
    text = (
        "中国共产党仁寿县第十五次代表大会报告\n（2021年9月10日）\n"
        "一、过去五年的工作回顾\n五年来，全县地区生产总值年均增长百分之七。\n"
        "二、今后五年的奋斗目标\n今后五年，全县地区生产总值年均增长百分之六以上。\n"
    )
    years = {r.value: r.year for r in extract(text, "congress.txt")}
    assert years[7] == "2017-2021"  # a congress late in 2021 reviews up to 2021
    assert years[6] == "2022-2026"  # ... and plans the five years after
    report = (
        "江州市人民政府工作报告\n——2021年1月12日在江州市第十届人民代表大会第五次会议上\n"
        "二、今后五年的主要目标\n今后五年，全市地区生产总值年均增长6%左右。\n"
    )
    assert [r.year for r in extract(report, "report.txt")] == ["2021-2025"]
