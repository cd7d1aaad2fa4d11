"""A clause standing alone as a sentence is named by the sentences around it (issue 11,
``naming-left14``): a report that writes one act a sentence lists its acts as a sentence
of clauses does. Every sentence here is invented for the test; none is a probe's or a
corpus document's."""

from __future__ import annotations

from tests.probes import changes_by_value as _changes
from tests.probes import names_by_value as _names

_REPORT = "柳溪县人民政府工作报告\n\n一、2023年工作回顾\n\n"
_NAME = "county_liuxi_2024_gwr.txt"


def test_people_hired_alone_between_acts_are_named_without_the_verb(extract):
    text = (
        _REPORT
        + "社会事业加快发展。新建村级文化活动室9个。招聘社区工作者24名。改造供水管网18公里。\n"
    )
    records = extract(text, _NAME)
    assert _names(records)[24] == "社区工作者"
    assert _changes(records)[24] == "招聘"


def test_the_last_act_of_a_paragraph_is_named_by_the_one_before(extract):
    text = _REPORT + "基础设施不断完善。新建便民桥梁7座。疏浚排灌沟渠43公里。\n"
    records = extract(text, _NAME)
    assert _names(records)[43] == "排灌沟渠"
    assert _changes(records)[43] == "疏浚"


def test_an_act_the_dictionary_calls_a_noun_alone_between_acts(extract):
    # 硬化 is tagged n: alone in its sentence, the acts around it say it is an act
    text = _REPORT + "新建垃圾中转站3座。硬化田间道路21公里。\n"
    records = extract(text, _NAME)
    assert _names(records)[21] == "田间道路"
    assert _changes(records)[21] == "硬化"


def test_new_and_a_verb_alone_after_an_act(extract):
    text = _REPORT + "新建公共厕所16座。新识别帮扶对象64户。\n"
    records = extract(text, _NAME)
    assert _names(records)[64] == "帮扶对象"


def test_a_sentence_of_plain_acts_between_acts(extract):
    # no act of the verb table in the sentence: its neighbour holds one
    text = _REPORT + "新增停车位900个。整修河道堤岸12公里，安装消防栓260个。\n"
    records = extract(text, _NAME)
    assert _names(records)[12] == "河道堤岸"
    assert _names(records)[260] == "消防栓"


def test_stocks_beside_each_other_are_no_list_of_acts(extract):
    # two sentences led by words jieba calls verbs, no act of the verb table: a bulletin's
    # stocks keep their names
    text = _REPORT + "全县注册护士1300名。执业医师950名。\n"
    names = _names(extract(text, _NAME))
    assert names[1300] == "注册护士"
    assert names[950] == "执业医师"


def test_a_statistic_beside_its_rate_is_no_act(extract):
    # 新设立… beside a sentence with a rate: the year's statistics, not acts; 新设立 itself
    # is the act 新设, out of the name (GOLD_GUIDELINES 6.8.3: 外商投资企业 in 5 documents)
    text = _REPORT + "新登记市场主体1.8万户，增长9.1%。新设立外资企业12家。\n"
    assert _names(extract(text, _NAME))[12] == "外资企业"


def test_a_run_of_act_sentences_holds_an_act_of_the_verb_table(extract):
    # 修缮 is a plain verb, no act of the verb table: the run goes on to 新增 beyond it
    text = _REPORT + "招收保洁员31名。修缮老旧校舍6处。新增公交站亭40个。\n"
    records = extract(text, _NAME)
    assert _names(records)[31] == "保洁员"
    assert _names(records)[6] == "老旧校舍"


def test_a_run_of_plain_acts_alone_lists_nothing(extract):
    # no act of the verb table anywhere in the paragraph: the stocks keep their names
    text = _REPORT + "卫生队伍持续壮大。全县注册护士1300名。执业药师210名。\n"
    names = _names(extract(text, _NAME))
    assert names[1300] == "注册护士"
    assert names[210] == "执业药师"
