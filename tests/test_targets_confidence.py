"""How far a reader can trust a record's name (issue 11: records below the confidence
line are hidden by default), each rule tested on invented sentences: good names of acts,
lists and long noun phrases are shown; fragments that only look like them are not."""

from __future__ import annotations

import pytest

from bot.corpus.loader import load_document
from bot.models import Document
from bot.targets import TargetRecord, extract_targets
from bot.targets.naming import (
    carries_its_unit,
    counts_the_noun_after,
    counts_things_named_by_people,
    cuts_a_word,
    name_confidence,
)
from bot.targets.numbers import Figure, find_figures
from bot.targets.records import CONFIDENT


@pytest.fixture
def extract(tmp_path, table):
    def run(text: str) -> list[TargetRecord]:
        path = tmp_path / "某县2025年政府工作报告.txt"
        path.write_text(f"某县2025年政府工作报告\n一、过去一年工作回顾\n{text}\n", encoding="utf-8")
        doc: Document = load_document(path, tmp_path, max_bytes=10**7, passage_max_chars=400)
        return extract_targets(doc, table)

    return run


def figure(sentence: str, value: str) -> Figure:
    return next(f for f in find_figures(sentence) if f.value_text.startswith(value))


def confidence_of(records: list[TargetRecord]) -> dict[str, float]:
    return {r.indicator: r.confidence for r in records}


def test_an_act_named_with_what_it_acts_on_is_trusted_when_the_figure_counts_it(table):
    # the nouns, then the act: what was done, counted in what it was done to
    s = "全县完成校舍征收1.2万户。"
    assert name_confidence("校舍征收", table) < CONFIDENT  # alone: a verb phrase
    assert name_confidence("校舍征收", table, figure(s, "1.2"), s) >= CONFIDENT
    # the act, then the things it made or took, counted
    s = "年内新增登记船舶85艘。"
    assert name_confidence("登记船舶", table, figure(s, "85"), s) >= CONFIDENT


def test_an_act_is_not_trusted_for_a_change_money_or_a_count_of_its_noun(table):
    s = "全市36个社区完工。"  # the figure counts the communities, not the act
    assert name_confidence("社区完工", table, figure(s, "36"), s) < CONFIDENT
    s = "审批时限压缩40%。"  # a verb before a percentage is the change
    assert name_confidence("审批时限压缩", table, figure(s, "40"), s) < CONFIDENT
    s = "统筹安排省级财政资金30亿元。"  # what was done with the money
    assert name_confidence("统筹安排省级财政资金", table, figure(s, "30"), s) < CONFIDENT
    s = "游客平均停留3天。"  # no thing named on either side of the verb
    assert name_confidence("平均停留", table, figure(s, "3"), s) < CONFIDENT


def test_acts_and_trainings_counted_are_shown(extract):
    got = confidence_of(extract("全年完成校舍征收1.2万户，新增登记船舶85艘。"))
    assert got["校舍征收"] >= CONFIDENT and got["登记船舶"] >= CONFIDENT
    got = confidence_of(extract("开展家政服务员培训3.5万人次。"))
    assert got["家政服务员培训"] >= CONFIDENT


def test_nouns_listed_before_one_head_and_alternatives_in_brackets_are_one_name(table, extract):
    assert name_confidence("供电、供气管网", table) >= CONFIDENT
    assert name_confidence("托育机构（园、所）", table) >= CONFIDENT
    assert name_confidence("新建、改造供热管网", table) < CONFIDENT  # acts listed: a clause
    assert name_confidence("交通、能源等领域", table) < CONFIDENT  # fields, not the things
    got = confidence_of(extract("新建供电、供气管网120公里，新增托育机构（园、所）45个。"))
    assert got["供电、供气管网"] >= CONFIDENT and got["托育机构（园、所）"] >= CONFIDENT


def test_a_coined_term_a_voltage_and_a_ratio_of_two_things_are_parts_of_a_name(table):
    assert name_confidence("工业用地“弹性年期”出让比例", table) >= CONFIDENT
    assert name_confidence("500千伏变电站", table) >= CONFIDENT
    assert name_confidence("旅游总收入与地区生产总值之比", table) >= CONFIDENT
    assert name_confidence("经验让群众受益", table) < CONFIDENT  # 让: a clause still


def test_a_long_name_is_trusted_when_it_is_one_noun_phrase_of_a_measure(table):
    long_name = "县级以上自然资源主管部门行政执法装备配备达标率"  # 23 characters
    assert len(long_name) > 20 and name_confidence(long_name, table) >= CONFIDENT
    clause = "全市农村客运班线实现城乡公交化运营的建制村比例"  # an event and a 的 clause
    assert len(clause) > 20 and name_confidence(clause, table) < CONFIDENT


def test_parts_aims_and_bare_goods_are_not_names(table):
    assert name_confidence("授权事项大部分", table) < CONFIDENT  # most of them did
    assert name_confidence("针对首年关税为零", table) < CONFIDENT  # what a list is aimed at
    assert name_confidence("商品", table) < CONFIDENT  # goods of no kind


def test_a_name_written_twice_cuts_a_word_only_if_both_do(extract):
    s = "建成五百亿级园区2个、百亿级园区5个。"
    assert not cuts_a_word("百亿级园区", s)  # the second one is whole
    assert not cuts_a_word("新物种", "调查发现3种新物种。")  # 种 is a measure word
    assert cuts_a_word("制篮球场", "新建3人制篮球场20个。")
    got = confidence_of(extract("建成五百亿级园区2个、百亿级园区5个，调查发现3种新物种。"))
    assert got["百亿级园区"] >= CONFIDENT and got["新物种"] >= CONFIDENT


def test_a_name_can_carry_units_a_reader_takes_for_it(extract):
    s = "旅客吞吐量突破3100万人次，牧场规模15.5万平方米，整车出口100万辆。"
    assert carries_its_unit("旅客吞吐量", figure(s, "3100"))
    assert carries_its_unit("牧场规模", figure(s, "15.5"))
    assert carries_its_unit("整车出口", figure(s, "100"))
    assert not carries_its_unit("项目投资", figure("项目投资15万平方米。", "15"))
    assert carries_its_unit("营商环境指数排名", figure("营商环境指数排名提升6位。", "6"))
    assert carries_its_unit("移动电话普及率", figure("移动电话普及率126.5部/百人。", "126.5"))
    got = confidence_of(extract("旅客吞吐量突破3100万人次。"))
    assert got["旅客吞吐量"] >= CONFIDENT


def test_a_count_of_cases_is_not_named_by_the_people(extract):
    assert counts_things_named_by_people("提前转移群众", "起")
    assert not counts_things_named_by_people("注册护士", "万人")
    assert not counts_things_named_by_people("企业法人", "家")  # firms, counted in 家


def test_a_rank_of_a_verb_a_plan_compared_with_and_a_cut_quality_are_not_names(table):
    assert name_confidence("居内地排名", table) < CONFIDENT  # 居内地第3位: whose rank?
    assert name_confidence("外贸进出口总额内地排名", table) >= CONFIDENT
    assert name_confidence("开诊运营全国排名", table) < CONFIDENT  # whose? the centres'
    assert name_confidence("医疗中心开诊运营全国排名", table) >= CONFIDENT
    assert name_confidence("年度计划", table) < CONFIDENT  # 比年度计划翻了一番: the base
    assert name_confidence("帮扶县域托底性", table) < CONFIDENT  # of 托底性帮扶


def test_a_count_of_the_noun_after_the_figure_is_not_named_by_the_act():
    s = "本轮规划共设置18项指标，其中约束性指标6项。"
    assert counts_the_noun_after("规划设置", figure(s, "18"), s)  # the indicators
    s = "开展8场以上政策宣讲活动，为500家以上企业提供服务。"
    assert counts_the_noun_after("政策宣讲活动", figure(s, "500"), s)  # the firms
    s = "开展家政服务员培训3.5万人次，完成房屋征收2.4万户。"
    assert not counts_the_noun_after("家政服务员培训", figure(s, "3.5"), s)
    assert not counts_the_noun_after("房屋征收", figure(s, "2.4"), s)


def test_a_clause_with_wei_or_a_bare_measure_compared_is_no_name(table):
    # what a thing is or whom it serves, said with 为 inside: a clause
    assert name_confidence("资金来源为市级财政", table) < CONFIDENT
    assert name_confidence("上门为小微企业解决融资难题", table) < CONFIDENT
    # a bare measure before 比 (规模比五年前增长2倍): a comparison cut short
    assert name_confidence("规模比", table) < CONFIDENT
    # but a ratio of named things, and 为 opening a name or in 以…为主, stay names
    assert name_confidence("城乡居民收入比", table) >= CONFIDENT
    assert name_confidence("为民办实事项目", table) >= CONFIDENT
    assert name_confidence("以蔬菜为主的农产品", table) >= CONFIDENT
    assert name_confidence("食品安全违法行为", table) >= CONFIDENT  # 行为 is a word


def test_people_reached_named_alone_are_not_shown(extract, table):
    # 惠及农民: whom something reached, the thing that reached them unnamed
    text = "农机购置补贴提标扩面、农业保险提额降费，惠及农民210万人次。"
    got = {(r.value, r.unit): r for r in extract(text)}
    assert got[(210, "万人次")].indicator == "农民"
    assert got[(210, "万人次")].confidence < CONFIDENT
    text = "改造工程新接入供热面积80万平方米，使近3万市民直接受益。"
    got = {(r.value, r.unit): r for r in extract(text)}
    assert got[(3, "万人")].indicator == "市民"
    assert got[(3, "万人")].confidence < CONFIDENT
    # named with the work that reached them, they are shown
    got = {(r.value, r.unit): r for r in extract("实施老旧院落改造128个，惠及居民1.6万户。")}
    assert got[(1.6, "万户")].confidence >= CONFIDENT
    # a state before 惠及 (政策落实到位，惠及…) is no work that reached them
    assert name_confidence("到位惠及农民", table) < CONFIDENT
    assert name_confidence("以旧换新惠及群众", table) >= CONFIDENT


def test_people_served_read_as_the_doer_of_the_act_are_not_shown(extract):
    # 为…: the people counted are whom it was done for; a name that has them do it is wrong
    got = confidence_of(extract("为2.6万名困难群众发放救助金。"))
    assert all(c < CONFIDENT for n, c in got.items() if "发放" in n)
    got = confidence_of(extract("为1.3万名农民工追回欠薪2.1亿元。"))
    assert all(c < CONFIDENT for n, c in got.items() if "追回" in n)
    # the people alone, and the money the act gave them, are still shown
    got = confidence_of(extract("为3.2万户家庭减免学费1.1亿元。"))
    assert got["家庭"] >= CONFIDENT and got["学费"] >= CONFIDENT
