"""Rules found on the round-19 probe set (issue 11, ``tests/data/probes/round19/``): a
national outline, ministries' opinions, a provincial industry plan, a city newspaper's
report, a leader's speech at the economic work conference and a ministry's press
conference worded as real ones are. Every sentence here is invented for the test; none is
a probe's or a corpus document's."""

from __future__ import annotations

from tests.probes import names_by_value

_PRESS = "江州省2025年一季度经济运行情况新闻发布会文字实录\n负责同志："
_PRESS_NAME = "province_jiangzhou_2025_press-conference.txt"
_NEWS = "江州市前三季度经济运行情况\n\n"
_NEWS_NAME = "city_jiangzhou_2025_news.txt"


def _by_value(records):
    return {r.value: r for r in records}


# --- a fall's size compared with a base: the falling measure's ---------------------------


def test_a_fall_narrowed_since_a_base_is_the_falling_measure(extract):
    text = (
        _NEWS + "前三季度全市社会消费品零售总额1280亿元，"
        "同比下降1.6%，降幅比上半年收窄0.9个百分点。\n"
    )
    got = names_by_value(extract(text, _NEWS_NAME))
    assert got[0.9] == "社会消费品零售总额"  # was 降幅比


def test_a_fall_narrowed_since_the_whole_year_before(extract):
    text = (
        _PRESS + "一季度，全省规模以上工业企业利润总额2100亿元，"
        "同比下降2.4%，降幅比去年全年收窄1.5个百分点。\n"
    )
    got = names_by_value(extract(text, _PRESS_NAME))
    assert got[1.5] == "规模以上工业企业利润总额"  # was 降幅收窄


# --- the whole year before: neither a goal nor the current year --------------------------


def test_the_whole_year_before_as_a_base_is_no_goal(extract):
    text = _PRESS + "一季度，全省规模以上工业增加值同比增长6.1%，比上年全年加快0.4个百分点。\n"
    got = _by_value(extract(text, _PRESS_NAME))
    assert got[0.4].kind == "achievement"  # 全年 read as this year's goal: was target
    assert got[0.4].indicator == "规模以上工业增加值"


def test_the_whole_year_before_leading_a_sentence_is_a_result_of_that_year(extract):
    text = _PRESS + "一季度，全省汽车产量增长8.2%。去年全年，全省汽车产量达到126.5万辆。\n"
    got = _by_value(extract(text, _PRESS_NAME))
    assert got[126.5].kind == "achievement"
    assert got[126.5].year == "2024"


def test_this_years_whole_year_is_still_a_goal(extract):
    text = _PRESS + "力争全年全省汽车产量达到140万辆。\n"
    got = _by_value(extract(text, _PRESS_NAME))
    assert got[140].kind == "target"
    assert got[140].year == "2025"


# --- people a problem was solved for, a population said: the problem and who they are ----

_OUTLINE = "江州省水利发展规划（2021—2025年）\n一、发展基础\n"
_OUTLINE_NAME = "province_jiangzhou_2021_water-plan.txt"


def test_a_rural_population_solved_for_is_named_by_its_problem(extract):
    text = _OUTLINE + "“十三五”时期，累计解决了86万农村人口饮水安全问题，新建水库12座。\n"
    got = names_by_value(extract(text, _OUTLINE_NAME))
    assert got[86] == "农村饮水安全人口"  # was 农村人口饮水安全问题 (GOLD_GUIDELINES 6.6)


def test_other_people_solved_for_keep_the_texts_words(extract):
    # only a population (农村人口, 城镇人口) is renamed; 贫困人口 is who, not where
    text = _OUTLINE + "“十三五”时期，解决3800人饮水不安全问题，解决2.4万名贫困人口饮水安全问题。\n"
    got = names_by_value(extract(text, _OUTLINE_NAME))
    assert got[3800] == "解决饮水不安全人口"
    assert got[2.4] != "贫困饮水安全人口"


# --- a coefficient raised to a level, hedged: a figure with no unit -----------------------


def test_a_coefficient_raised_to_a_hedged_level_is_a_figure(extract):
    text = (
        _OUTLINE + "“十三五”时期，农田灌溉水有效利用系数提高到0.552。\n"
        "到2025年，农田灌溉水有效利用系数提高到0.57以上，基尼系数达到0.46左右。\n"
    )
    got = _by_value(extract(text, _OUTLINE_NAME))
    assert got[0.552].indicator == "农田灌溉水有效利用系数"
    assert got[0.552].unit == ""
    assert got[0.57].qualifier == "以上"
    assert got[0.46].qualifier == "左右"


# --- the level of a payment is the payment's ---------------------------------------------


def test_a_payments_level_is_named_by_the_payment(extract):
    text = (
        "江州市政府工作报告\n今年，企业退休人员基本养老金水平提高5%，"
        "职业学校生均拨款水平不低于15000元，城市低保人均补差水平提高到650元。\n"
    )
    got = names_by_value(extract(text, "city_jiangzhou_2025_gwr.txt"))
    assert got[5] == "企业退休人员基本养老金"
    assert got[15000] == "职业学校生均拨款"
    assert got[650] == "城市低保人均补差水平"  # a name of its own (the dev golds keep it)
