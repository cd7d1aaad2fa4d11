"""Naming shapes the round-13 probe set showed and another probe set shows too (issue 11):
a run-in lead phrase of a review paragraph (``乡村建设扎实推进。``) names the work the acts
after it belong to, not who did them, so it is no owner of the things they make, plant or
fit (``安装太阳能路灯460盏``, ``种植马铃薯22万亩``: round13's township report, round12c's county
review); money the paragraph reports (``完成投资``), the people it served and its services
stay the lead's. Every sentence here is invented for the test; none is a probe's or a
corpus document's."""

from __future__ import annotations

from tests.probes import names_by_value as _names

_REPORT = "清河县人民政府工作报告\n\n一、2024年工作回顾\n\n"
_NAME = "county_qinghe_2025_gwr.txt"


def test_a_lead_phrase_is_no_owner_of_the_counts_of_the_acts_after_it(extract):
    text = _REPORT + "村容村貌扎实推进。安装太阳能路灯820盏，新修机耕道16公里。\n"
    got = _names(extract(text, _NAME))
    assert not got[820].startswith("村容村貌")  # was 村容村貌安装太阳能路灯
    assert got[820].endswith("太阳能路灯")


def test_a_lead_phrase_of_how_the_work_went_is_no_owner_of_an_area(extract):
    text = _REPORT + "产业结构提质增效。种植中药材3.6万亩。\n"
    got = _names(extract(text, _NAME))
    assert not got[3.6].startswith("产业结构")  # was 产业结构提质种植中药材
    assert got[3.6].endswith("中药材")


def test_a_lead_phrase_is_no_owner_of_a_count_after_a_length(extract):
    text = _REPORT + "基础设施持续完善。硬化通村道路46公里，安装路灯1300盏。\n"
    got = _names(extract(text, _NAME))
    assert not got[1300].startswith("基础设施")  # was 基础设施安装路灯
    assert got[1300].endswith("路灯")


def test_the_people_a_lead_phrase_served_stay_its_own(extract):
    # the lead's subject is who did it when it counts people: the topic is carried
    text = _REPORT + "城乡客运网络日趋完善。全年运送旅客1860万人次。\n"
    got = _names(extract(text, _NAME))
    assert got[1860].startswith("城乡客运")


def test_the_money_a_paragraph_reports_after_its_lead_phrase_stays_the_leads(extract):
    text = _REPORT + "老旧街区改造工作成效明显。全年共完成投资4.2亿元。\n"
    got = _names(extract(text, _NAME))
    assert got[4.2] == "老旧街区改造投资"


# People counted after 为 and a check they got free (round12c's district report:
# 为…提供免费健康体检; round13's township report: 为…免费体检, no verb): named by what they
# got, as the golds name them (获免费健康体检的65岁以上老年人)


def test_a_free_check_provided_names_those_who_got_it(extract):
    text = _REPORT + "为1.8万名70岁以上老年人提供免费健康体检。\n"
    got = _names(extract(text, _NAME))
    assert got[1.8] == "获免费健康体检的70岁以上老年人"  # was 70岁以上老年人


def test_a_free_check_said_without_a_verb_names_those_who_got_it(extract):
    text = _REPORT + "新建村卫生室4个，为3600名60岁以上老年人免费体检。\n"
    got = _names(extract(text, _NAME))
    assert got[3600] == "获免费体检的60岁以上老年人"  # was 60岁以上老年人免费
    assert got[4] == "村卫生室"


def test_a_free_act_that_is_no_service_received_is_left_alone(extract):
    # 免费安装: an act done for them, not a check or a service they got; no 获…的
    text = _REPORT + "为500户困难家庭免费安装燃气报警器。\n"
    got = _names(extract(text, _NAME))
    assert not got[500].startswith("获")
