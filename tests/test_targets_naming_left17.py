"""What naming-left17 settles (issue 11): a verb left at the head of a name in a run of
short act clauses where another clause opens with an act the dictionary calls a noun
(硬化, 清淤). Every sentence here is invented for the test; none is a probe's or a corpus
document's."""

from __future__ import annotations

from tests.probes import changes_by_value as _changes
from tests.probes import names_by_value as _names

_REPORT = "桐溪县人民政府工作报告\n\n一、2024年工作回顾\n\n"
_NAME = "county_tongxi_2025_gwr.txt"


def test_plain_verbs_beside_a_noun_act_in_one_sentence_are_acts(extract):
    text = (
        _REPORT + "交通条件改善。清淤灌溉水渠23公里，新修机耕便道17公里，安装路灯315盏。"
        "新建便民桥4座。\n"
    )
    records = extract(text, _NAME)
    names, changes = _names(records), _changes(records)
    assert names[17] == "机耕便道"
    assert changes[17] == "新修"
    assert names[315] == "路灯"
    assert changes[315] == "安装"
    assert names[23] == "灌溉水渠"


def test_a_noun_act_sentence_does_not_end_a_run_of_acts(extract):
    # one act a sentence: 硬化… between 新修… and the 新建… of the table keeps the run
    text = (
        _REPORT + "村容村貌提升。新修产业便道26公里。硬化村内巷道11公里。安装太阳能路灯180盏。"
        "新建公厕7座。\n"
    )
    records = extract(text, _NAME)
    names, changes = _names(records), _changes(records)
    assert names[26] == "产业便道"
    assert changes[26] == "新修"
    assert names[180] == "太阳能路灯"
    assert names[11] == "村内巷道"


def test_new_and_a_one_character_verb_before_a_road_word(extract):
    # the segmenter reads 新|修通|组…: 通组 is the road's, 修 the act's
    text = _REPORT + "新修通村公路12公里。硬化入组道路8公里。新建停车场3处。\n"
    records = extract(text, _NAME)
    assert _names(records)[12] == "通村公路"
    assert _changes(records)[12] == "新修"


def test_a_bulletins_stocks_beside_a_noun_clause_stay_stocks(extract):
    # no act of the table beside: a list of stocks keeps its names as written
    text = _REPORT + "卫生事业。全县注册护士1420名。执业医师980名。\n"
    names = _names(extract(text, _NAME))
    assert names[1420] == "注册护士"


def test_poultry_counted_in_yu_is_found(extract):
    text = _REPORT + "畜牧业稳步发展。出栏肉鸭38万羽，新建标准化养殖场6个。\n"
    records = extract(text, _NAME)
    assert [r.unit for r in records if r.value == 38] == ["万羽"]


def test_a_load_in_dan_is_found_and_its_words_are_not(extract):
    text = _REPORT + "收购茶叶1.3万担，新建加工厂2座。由5人担任调解员，发放创业担保贷款900万元。\n"
    records = extract(text, _NAME)
    assert [r.unit for r in records if r.value == 1.3] == ["万担"]
    assert [r.unit for r in records if r.unit.endswith("担")] == ["万担"]


def test_new_and_a_verb_beside_acts_of_plain_verbs_is_the_act(extract):
    # no act of the table in the sentence: 发展 and 收购 are plain verbs, acts all the same
    text = _REPORT + "特色产业壮大。发展烤烟6.2万亩，收购茶叶1.3万担；新种植油茶9000亩。\n"
    records = extract(text, _NAME)
    assert _names(records)[9000] == "油茶"
    assert _changes(records)[9000] == "新种植"


def test_new_and_a_verb_beside_a_rate_stays_a_statistic(extract):
    text = _REPORT + "市场主体。新登记市场主体8600户，增长6.5%，新设立企业2100户。\n"
    names = _names(extract(text, _NAME))
    assert names[8600] == "新登记市场主体"


def test_acts_after_a_semicolon_of_the_same_sentence_make_the_run(extract):
    # the verb table's acts (改造, 新建) come after the ；: the plain verbs before it are
    # acts as well, though the paragraph around holds none
    text = (
        _REPORT + "人居环境整治有力。硬化入户路21公里，新修排水沟9公里，安装路灯130盏；"
        "改造农村户厕640户，新建垃圾收集点12个。全镇村集体经济收入超过10万元。\n"
    )
    records = extract(text, _NAME)
    names, changes = _names(records), _changes(records)
    assert names[9] == "排水沟"
    assert changes[9] == "新修"
    assert names[130] == "路灯"
