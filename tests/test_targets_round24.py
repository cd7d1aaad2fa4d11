"""Rules found on the round-24 probe set (issue 11, ``tests/data/probes/round24/``): a
provincial leader's speech at the economic work conference, a State Council Information
Office press conference, a statistics office's release on the first half, a news agency
story on a plan, a policy interpretation and a mayor's speech at a signing event worded as
real ones are. Every sentence here is invented for the test; none is a probe's or a corpus
document's."""

from __future__ import annotations


def _by_value(records):
    return {r.value: r for r in records}


# --- a statistics office's release on part of its year is a story of its time -----------

_RELEASE = "上半年全省经济运行稳中有进\n江州省统计局\n2023年7月18日\n"
_RELEASE_NAME = "province_jiangzhou_2023_half-year-release.txt"


def test_a_half_year_release_dates_its_figures_by_its_year(extract):
    text = (
        _RELEASE + "上半年，全省地区生产总值12580.6亿元，同比增长6.1%。"
        "6月末，全省生猪存栏3210万头。\n"
    )
    got = _by_value(extract(text, _RELEASE_NAME))
    assert got[12580.6].year == "2023"  # was "": the title names no year
    assert got[6.1].year == "2023"
    assert got[3210].year == "2023"
    assert got[6.1].kind == "achievement"


def test_a_first_three_quarters_release_with_a_year_in_its_title(extract):
    text = (
        "2024年前三季度全市经济运行情况\n江州市统计局\n前三季度，全市固定资产投资同比增长4.2%。\n"
    )
    got = _by_value(extract(text, "city_jiangzhou_2024_release.txt"))
    assert got[4.2].year == "2024"
    assert got[4.2].kind == "achievement"


# --- a month's end and a month of the year are dates, not part of a name -----------------


def test_a_month_end_before_the_measure_is_no_part_of_its_name(extract):
    text = _RELEASE + "6月末生猪存栏3150.2万头，同比增长8.4%。\n"
    got = _by_value(extract(text, _RELEASE_NAME))
    assert got[3150.2].indicator == "生猪存栏"  # was 6月末生猪存栏
    assert got[8.4].indicator == "生猪存栏"


def test_a_month_after_its_whole_takes_the_whole_measure(extract):
    text = _RELEASE + "上半年，全省居民消费价格同比上涨0.9%，其中6月份上涨1.3%。\n"
    got = _by_value(extract(text, _RELEASE_NAME))
    assert got[1.3].indicator == "居民消费价格"  # was 6月份居民消费价格


# --- a plan's or a policy's background part says where it starts from ---------------------


def test_a_policy_interpretations_background_is_what_is_there(extract):
    text = (
        "《关于加快发展数字经济的实施意见》政策解读\n一、出台背景是什么？\n"
        "答：2024年，全省数字经济规模约2100亿元，同比增长12%；建成5G基站3.2万个。\n"
        "二、主要目标是什么？\n答：到2027年，全省数字经济规模突破3000亿元。\n"
    )
    got = _by_value(extract(text, "province_jiangzhou_2025_opinions-interpretation.txt"))
    assert got[2100].kind == "achievement"  # was target: the text looks forward
    assert got[3.2].kind == "achievement"
    assert got[3000].kind == "target"


# --- a dateline on a line of its own says nothing of goals or results --------------------


def test_a_press_conferences_dateline_is_no_goal_cue(extract):
    text = (
        "江州省交通运输新闻发布会实录\n2025年12月16日\n省交通运输厅负责同志：\n"
        "全省综合交通网总里程突破52万公里。\n"
    )
    got = _by_value(extract(text, "province_jiangzhou_2025_press-conference.txt"))
    assert got[52].kind == "achievement"  # was target: 2025年 read as the year ahead
    assert got[52].year == "2025"


def test_a_deadline_date_inside_a_sentence_still_looks_forward(extract):
    text = (
        "江州省交通运输新闻发布会实录\n2025年12月16日\n省交通运输厅负责同志：\n"
        "2026年6月30日前建成充电桩1.2万个。\n"
    )
    got = _by_value(extract(text, "province_jiangzhou_2025_press-conference.txt"))
    assert got[1.2].kind == "target"


# --- 今年以来 is the months past; 完成全年目标任务的…% is how much is done ----------------

_PRESS = "江州省交通运输新闻发布会实录\n省交通运输厅负责同志：\n"
_PRESS_NAME = "province_jiangzhou_2025_press-conference.txt"


def test_since_the_year_began_is_a_result(extract):
    got = _by_value(extract(_PRESS + "今年以来，我们新开通城乡公交线路320条。\n", _PRESS_NAME))
    assert got[320].kind == "achievement"  # was target: 今年 read as a goal cue
    assert got[320].year == "2025"


def test_this_year_is_still_a_goal_cue(extract):
    got = _by_value(extract(_PRESS + "今年，我们将新开通城乡公交线路300条。\n", _PRESS_NAME))
    assert got[300].kind == "target"


def test_the_share_of_the_years_goal_done_is_a_result(extract):
    text = (
        "在全市项目集中开工活动上的致辞\n尊敬的各位来宾：\n"
        "今年一季度，全市实际到位市外资金120亿元，完成全年目标任务的24.5%。\n"
    )
    got = _by_value(extract(text, "city_jiangzhou_2025_speech.txt"))
    assert got[24.5].kind == "achievement"  # was target: 全年, 目标任务 read as goal cues


# --- 去年 opening a clause dates what follows in its sentence -----------------------------

_SPEECH = "在全市项目集中开工活动上的致辞\n（2025年4月16日）\n尊敬的各位来宾：\n"
_SPEECH_NAME = "city_jiangzhou_2025_speech.txt"


def test_last_year_opening_a_clause_dates_its_figures(extract):
    text = _SPEECH + "去年，全市新签约项目312个，协议总投资2860亿元。\n"
    got = _by_value(extract(text, _SPEECH_NAME))
    assert got[312].year == "2024"  # was "": only 去年全年 was read as a time
    assert got[2860].year == "2024"
    assert got[312].kind == "achievement"


def test_last_year_as_a_base_dates_nothing(extract):
    text = _SPEECH + "全市地区生产总值增长6%，增速高于去年，其中工业投资增长9%。\n"
    got = _by_value(extract(text, _SPEECH_NAME))
    assert got[9].year != "2024"


# --- the speaker (我们) and the lead words after it are no part of a name -----------------


def test_we_and_the_goal_words_after_it_are_no_part_of_a_name(extract):
    text = _PRESS + "明年，我们将力争社会物流总费用与地区生产总值的比率降至13.6%左右。\n"
    got = _by_value(extract(text, _PRESS_NAME))
    assert got[13.6].indicator == "社会物流总费用与地区生产总值的比率"  # was 我们将力争…


# --- the set an event signs or starts: 本次 a time, 集中 its name --------------------------


def test_the_projects_an_event_signs_are_named_by_the_event_and_are_there(extract):
    text = (
        "在全市重大项目集中签约暨开工活动上的致辞\n尊敬的各位来宾：\n"
        "今天，我们在这里举行2025年全市重大项目集中签约暨开工活动。"
        "本次集中签约项目58个，总投资726.5亿元。集中开工项目41个，总投资312亿元。\n"
    )
    got = _by_value(extract(text, _SPEECH_NAME))
    assert got[58].indicator == "集中签约项目"  # was 本次集中签约项目
    assert got[726.5].indicator == "集中签约项目总投资"
    assert got[41].indicator == "集中开工项目"  # was 开工项目: 集中 read as a manner
    assert got[58].kind == "achievement"  # was target: 2025年 read as the year ahead
    assert got[41].kind == "achievement"


def test_together_as_a_manner_still_goes(extract):
    text = _PRESS + "今年以来，全省集中整治黑臭水体56条。\n"
    got = _by_value(extract(text, _PRESS_NAME))
    assert got[56].indicator == "黑臭水体"


# --- a speech given on a date it writes: its undated figures are of that year ------------


def test_a_dated_speech_dates_its_undated_figures(extract):
    text = _SPEECH + "截至3月末，全市累计落地动力电池产业链项目138个。\n"
    got = _by_value(extract(text, _SPEECH_NAME))
    assert got[138].year == "2025"  # was "": no year in the title, no part to date it
    assert got[138].kind == "achievement"


# --- the months to date (今年前2个月) say whose months, no goal ---------------------------


def test_this_years_first_months_are_no_goal_cue(extract):
    text = (
        "江州出台方案推动农业发展\n新华社江州3月12日电（记者 张某）\n"
        "另据海关统计，今年前2个月，全省农产品出口额76.3亿元，同比增长11.5%。\n"
    )
    got = _by_value(extract(text, "province_jiangzhou_2025_news.txt"))
    assert got[76.3].kind == "achievement"  # was target: 今年 read as a goal cue


# --- “十四五”以来 is the plan's years so far, not its end --------------------------------


def test_since_the_plan_began_a_sum_is_over_its_years(extract):
    text = _PRESS + "“十四五”以来，全省交通运输累计完成固定资产投资1.86万亿元。\n"
    got = _by_value(extract(text, _PRESS_NAME))
    assert got[1.86].year == "2021-2025"  # was 2025: read as the plan's end (“十四五”末)
    assert got[1.86].kind == "achievement"
