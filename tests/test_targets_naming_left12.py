"""Short verb-noun-number clauses of work reports (issue 11, left12): a verb the verb table
lacks, recognised by its part of speech, opens a listed act's clause and is no part of what
is counted. Every sentence here is invented for the test; none is a probe's or a corpus
document's."""

from __future__ import annotations

from tests.probes import changes_by_value as _changes
from tests.probes import names_by_value as _names

_REPORT = "青川县人民政府工作报告\n\n一、2023年工作回顾\n\n"
_NAME = "county_qingchuan_2024_gwr.txt"


def test_a_plain_verb_opening_a_listed_act_is_the_change(extract):
    text = _REPORT + "新建村级活动场所14个，招录社区工作者85名，加装消防栓320个。\n"
    records = extract(text, _NAME)
    got = _names(records)
    assert got[85] == "社区工作者"
    assert got[320] == "消防栓"
    assert _changes(records)[85] == "招录"


def test_acts_listed_before_a_semicolon_count(extract):
    text = _REPORT + "新建乡镇污水处理站5座，改造供水管网40公里；聘用乡村医生42名。\n"
    assert _names(extract(text, _NAME))[42] == "乡村医生"


def test_new_and_a_one_character_verb_is_the_change(extract):
    text = _REPORT + "改造农村公厕60座，新栽核桃树17万株，新修护坡挡墙230处。\n"
    got = _names(extract(text, _NAME))
    assert got[17] == "核桃树"
    assert got[230] == "护坡挡墙"


def test_a_length_of_things_after_a_new_verb(extract):
    text = _REPORT + "改造农村危桥8座，新修田间道路46公里。\n"
    assert _names(extract(text, _NAME))[46] == "田间道路"


def test_an_area_keeps_its_verb(extract):
    # 补充耕地, 退化草原: an area's verb is often part of a term; areas are left as named
    text = _REPORT + "新建高标准农田3万亩，补充耕地1200亩。\n"
    assert _names(extract(text, _NAME))[1200] == "补充耕地"


def test_an_act_listed_after_years_and_a_total_word(extract):
    text = _REPORT + "三年累计改造老旧厂房31处，清退落后矿山企业52家。\n"
    assert _names(extract(text, _NAME))[52] == "落后矿山企业"


def test_nouns_made_of_a_verb_among_nouns_keep_it(extract):
    # a bulletin's stock: no clause of the sentence is an act of the verb table
    text = _REPORT + "年末注册会计师事务所46家，执业律师事务所38家。\n"
    got = _names(extract(text, _NAME))
    assert got[46].startswith("注册")
    assert got[38].startswith("执业")


def test_people_reached_by_the_act_keep_the_act(extract):
    # the people an act reached are named with it (扶持…人, 支持…户), not by who they are
    text = _REPORT + "发放助农贷款2.1亿元，扶持返乡创业560人。\n"
    assert _names(extract(text, _NAME))[560] != "返乡创业"


def test_a_second_act_after_the_verb_keeps_both(extract):
    # 竣工投产: finished and producing, the things are the producing ones
    text = _REPORT + "新开工工业项目23个，竣工投产项目17个。\n"
    assert _names(extract(text, _NAME))[17] == "竣工投产项目"


def test_one_character_verbs_come_from_the_dictionary():
    from bot.targets.dict_words import one_character_verbs

    verbs = one_character_verbs()
    assert {"打", "修", "挖", "栽"} <= verbs
    assert "区" not in verbs and "城" not in verbs
