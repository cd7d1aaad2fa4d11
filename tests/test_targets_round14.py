"""Naming shapes the round-14 probe set showed and other probe sets show too (issue 11).
Every sentence here is invented for the test; none is a probe's or a corpus document's.

People a report counts as the object of an act done to them (慰问困难群众860户,
资助家庭经济困难学生2300人次: round14's county and township reports, round12's district
report, round12c's and round12d's township and county reports) are named as the people,
the act the figure's change, as 救助 and 帮扶 already were; the money the act names keeps
its verb (资助资金, 资助金额), and so does money of any act of the table before a level verb
(救助资金达到, 签约金额达到)."""

from __future__ import annotations

import pytest

from tests.probes import changes_by_value as _changes
from tests.probes import names_by_value as _names

_REPORT = "白沙县人民政府工作报告\n\n一、2024年工作回顾\n\n"
_NAME = "county_baisha_2025_gwr.txt"


def test_people_visited_are_named_without_the_visit(extract):
    text = _REPORT + "全年发放低保金420万元，慰问困难群众860户，发放慰问金36万元。\n"
    records = extract(text, _NAME)
    got = _names(records)
    assert got[860] == "困难群众"  # was 慰问困难群众
    assert _changes(records)[860] == "慰问"
    assert got[36] == "慰问金"  # one word: the payment keeps its verb


def test_people_visited_in_a_list_keep_every_member(extract):
    text = _REPORT + "慰问生活困难党员、老党员和烈属96名。\n"
    got = _names(extract(text, _NAME))
    assert got[96] == "生活困难党员、老党员和烈属"  # was 慰问生活困难党员、老党员和烈属


def test_people_visited_after_people_helped(extract):
    text = _REPORT + "全年救助特困人员340人，慰问困难老人和留守儿童520人次。\n"
    got = _names(extract(text, _NAME))
    assert got[520] == "困难老人和留守儿童"  # was 慰问困难老人和留守儿童


def test_students_funded_are_named_without_the_funding(extract):
    text = _REPORT + "资助家庭经济困难学生2300人次，发放资助资金460万元。\n"
    records = extract(text, _NAME)
    got = _names(records)
    assert got[2300] == "家庭经济困难学生"  # was 资助家庭经济困难学生
    assert _changes(records)[2300] == "资助"
    assert got[460] == "资助资金"


def test_funds_named_by_their_act_stay_whole_after_a_lead_phrase(extract):
    # the money's name opens with the act it pays for: a name, not a headless clause, so
    # the paragraph's lead phrase (社会事业…) is not put before it
    text = _REPORT + "社会事业稳步发展。资助困难学生1.4万人次，发放资助资金2100万元。\n"
    got = _names(extract(text, _NAME))
    assert got[2100] == "资助资金"


@pytest.mark.parametrize(
    ("sentence", "value", "name"),
    [
        ("资助贫困大学生320名，资助金额达到160万元。", 160, "资助金额"),
        ("全年共签约项目46个，签约金额达到380亿元。", 380, "签约金额"),
        ("救助困难群众1.2万人次，救助资金达到2600万元。", 2600, "救助资金"),
    ],
)
def test_money_named_by_an_act_keeps_the_act_before_a_level_verb(extract, sentence, value, name):
    got = _names(extract(_REPORT + sentence + "\n", _NAME))
    assert got[value] == name  # was 金额, 资金: the act cut before the level verb was


# People counted after 为, then what was done for them (served.py), in three more ways the
# probes write it: a fitting done for them (安装: round13's district report, round14's
# district report) goes before them with its verb, as §6.6 names another act; women are
# people served (妇女: round14's mountain county and coastal city); the scope before the
# count may be 辖区 (round13b's and round14's) or a township's 全乡, 全镇 as 全县 is


@pytest.mark.parametrize(
    ("sentence", "value", "name"),
    [
        ("为2300名独居、空巢老人安装烟雾报警器。", 2300, "安装烟雾报警器独居、空巢老人"),
        ("为1.6万户低保家庭免费安装智能燃气表。", 1.6, "安装智能燃气表低保家庭"),
        ("为3.2万名农村妇女免费开展宫颈癌筛查。", 3.2, "获宫颈癌筛查的农村妇女"),
        ("为全乡860名老年人免费体检。", 860, "获免费体检的老年人"),
        ("为辖区2100名残疾人提供康复服务。", 2100, "获康复服务的残疾人"),
    ],
)
def test_people_served_after_wei_are_named_by_what_they_got(extract, sentence, value, name):
    # were 独居, 低保家庭免费安装智能燃气表, 农村妇女免费, 老年人免费, 残疾人
    got = _names(extract(_REPORT + sentence + "\n", _NAME))
    assert got[value] == name


def test_a_fitting_for_people_leaves_a_count_of_things_alone(extract):
    # the things fitted, counted in their own measure, are no people served
    text = _REPORT + "为老旧小区安装电动车充电桩860个。\n"
    got = _names(extract(text, _NAME))
    assert got[860].endswith("充电桩")
