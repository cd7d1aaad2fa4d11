"""Verb-noun-count clauses with no act of the verb table beside them (issue 11): a
sentence made only of clauses that count things in their measure word lists acts by
itself, and 新 with a one-character verb the segmenter joins to what follows is still the
act. Every sentence here is invented for the test; none is a probe's or a corpus
document's."""

from __future__ import annotations

from tests.probes import changes_by_value as _changes
from tests.probes import names_by_value as _names

_REPORT = "平武县人民政府工作报告\n\n一、2023年工作回顾\n\n"
_NAME = "county_pingwu_2024_gwr.txt"


def test_a_clause_that_is_its_own_sentence_names_the_things(extract):
    text = _REPORT + "改造农村公厕60座。安装智能水表3200台。\n"
    records = extract(text, _NAME)
    assert _names(records)[3200] == "智能水表"
    assert _changes(records)[3200] == "安装"


def test_a_sentence_of_counted_things_only_lists_acts(extract):
    text = _REPORT + "改造农村公厕60座。新打蓄水池120座，维修蓄水池260座。\n"
    got = _names(extract(text, _NAME))
    assert got[120] == "蓄水池"
    assert got[260] == "蓄水池"


def test_new_and_a_verb_the_segmenter_joins_to_what_follows(extract):
    # 新|打深|水池: the characters say 新打, not the segmenter's words
    text = _REPORT + "改造农村公厕60座，新打深水池35座。\n"
    records = extract(text, _NAME)
    assert _names(records)[35] == "深水池"
    assert _changes(records)[35] == "新打"


def test_new_and_a_verb_that_makes_a_word_with_the_next_is_not_cut(extract):
    # 打造 is a word: 新打造 is not 新打 and 造…
    text = _REPORT + "新打造特色街区5座。\n"
    assert not _names(extract(text, _NAME))[5].startswith("造")


def test_a_stock_beside_its_measure_keeps_its_verb(extract):
    # 编制病床 is the kind of bed; the sentence's other clause is a measure, not an act
    text = _REPORT + "年末编制病床3200张，实有病床数2900张。\n"
    assert _names(extract(text, _NAME))[3200] == "编制病床"


def test_acts_counted_in_any_word_keep_their_verb_alone(extract):
    # 项 and 次 count anything, acts included: no evidence the clause lists acts
    text = _REPORT + "审批建设项目120项。\n"
    assert _names(extract(text, _NAME))[120] != "建设项目"


def test_new_and_a_one_character_verb_needs_no_act_beside_it(extract):
    # 硬化 is no act of the verb table (jieba calls it a noun): 新打 is the act on its own
    text = _REPORT + "硬化村组道路80公里，新打大口井46眼。\n"
    records = extract(text, _NAME)
    assert _names(records)[46] == "大口井"
    assert _changes(records)[46] == "新打"


def test_a_verb_of_having_alone_is_a_stock_not_an_act(extract):
    # 实有病床 is a kind of bed counted in a stock, whatever the sentence around it
    text = _REPORT + "改造农村公厕60座。实有病床4600张。\n"
    assert _names(extract(text, _NAME))[4600] == "实有病床"
