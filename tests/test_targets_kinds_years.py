"""Kind and year outside work reports and bulletins (issue 11, lane ``kinds-years``): a
press conference given early in a year on the year before, a heading that says how the
work went. Every sentence here is invented for the test; none is a probe's or a corpus
document's."""

from __future__ import annotations

from bot.targets.kinds import REVIEW, classify_heading, is_press_conference, released_year

_NAME = "national_china_2025_culture-press-release.txt"
_CONFERENCE = (
    "文化和旅游部2025年1月新闻发布会文字实录\n\n"
    "主持人：今天我们请有关司局负责同志介绍2024年文化和旅游发展情况。\n\n"
    "一、公共文化服务\n\n"
    "全年全国博物馆接待观众达到14.6亿人次，比上年增长12.4%。\n\n"
    "二、重点工作进展\n\n"
    "全国累计建成城市书房3.1万个，乡镇综合文化站覆盖率达到98.5%。\n\n"
    "三、下一步工作\n\n"
    "到2027年，力争每万人拥有公共文化设施面积达到1600平方米以上。\n"
)


def _by_value(records) -> dict[float | None, tuple[str, str]]:
    return {r.value: (r.kind, r.year) for r in records}


def test_a_january_press_conference_on_the_year_before_gives_that_year(extract):
    got = _by_value(extract(_CONFERENCE, _NAME))
    # 全年 is the year the conference tells of, which is over: a result of 2024
    assert got[14.6] == ("achievement", "2024")
    assert got[12.4] == ("achievement", "2024")


def test_a_progress_heading_holding_key_work_is_a_review(extract):
    got = _by_value(extract(_CONFERENCE, _NAME))
    assert got[3.1] == ("achievement", "2024")
    assert got[98.5] == ("achievement", "2024")


def test_the_conferences_next_steps_stay_targets(extract):
    got = _by_value(extract(_CONFERENCE, _NAME))
    assert got[1600] == ("target", "2027")


def test_a_conference_on_its_own_years_quarter_is_not_shifted(extract):
    text = (
        "江州市2025年一季度经济运行情况新闻发布会实录\n\n"
        "市统计局通报2025年一季度全市经济运行情况。\n\n"
        "一季度全市地区生产总值达到1320亿元，同比增长5.8%。\n\n"
        "全年全市地区生产总值力争增长6%左右。\n"
    )
    got = _by_value(extract(text, "city_jiangzhou_2025_press-conference.txt"))
    # the quarter's release names no whole year over: the figures stay of 2025
    assert got[1320][1] == "2025"
    assert got[6][1] == "2025"


def test_progress_headings():
    assert classify_heading("二、重点工作进展", 2024) == REVIEW
    assert classify_heading("（三）重点任务进展", 2024) == REVIEW
    # a plan part's 推动…取得新进展 is no heading on how the work went
    assert classify_heading("二、2025年重点工作", 2025) != REVIEW


def test_released_year_of_a_conference_opening():
    assert released_year("今天我们请有关同志介绍2023年卫生健康事业发展情况。") == 2023
    assert released_year("通报2024年全省经济运行情况") == 2024
    # a part of the year is no whole year's release
    assert released_year("发布2025年上半年全市经济运行情况") is None
    assert released_year("介绍2025年重点工作安排情况") is None
    assert is_press_conference("国家卫生健康委员会2024年1月新闻发布会文字实录（节选）")
    assert not is_press_conference("2024年政府工作报告")


# --- 宜昌市2022年十件民生实事: a year's list titled as itself is forward ------------------------


def test_a_years_list_of_projects_titled_as_itself_is_a_plan():
    from bot.corpus.meta import infer_meta

    meta = infer_meta("江州市2027年十件民生实事\n\n一、促进就业。城镇新增就业5万人。", "x.txt")
    assert meta.doc_type == "实施意见/行动方案"
    # a report on how one went is not the list
    meta = infer_meta("江州县关于2026年民生实事完成情况的报告\n\n正文。", "x.txt")
    assert meta.doc_type != "实施意见/行动方案"


def test_a_years_list_of_projects_gives_targets(extract):
    text = (
        "江州市2027年十件民生实事\n"
        "一、促进就业创业。城镇新增就业5万人，组织补贴性职业技能培训2万人次。\n"
        "二、推进教育均衡。新建改扩建中小学和幼儿园18所，新增学位9000个。\n"
    )
    got = _by_value(extract(text, "city_jiangzhou_2027_livelihood-list.txt"))
    assert got[18] == ("target", "2027")
    assert got[9000] == ("target", "2027")


# --- 到2025年，…。 said alone before the goals: their year until the next such lead ----------

_OUTLINE = (
    "江州市扩大内需战略规划纲要（2024—2035年）\n\n"
    "二、主要目标\n\n"
    "到2027年，扩大内需取得阶段性成效。\n\n"
    "居民消费率稳步提高，服务消费占比达到47%以上。\n\n"
    "到2035年，内需规模再上新台阶。\n\n"
    "常住人口城镇化率提高到72%。\n"
)


def test_a_goal_year_said_alone_holds_for_the_paragraphs_after_it(extract):
    got = _by_value(extract(_OUTLINE, "city_jiangzhou_2024_demand-outline.txt"))
    assert got[47] == ("target", "2027")
    assert got[72] == ("target", "2035")
