"""Rules found on the round-17 probe set (issue 11, ``tests/data/probes/round17/``): a
prefecture city's and a county's work reports, a provincial department's summary, a
ministry's press conference and a municipal bulletin, worded as real ones are. Every
sentence here is invented for the test; none is a probe's or a corpus document's."""

from __future__ import annotations

from tests.probes import names_by_value

_REPORT = "江州市政府工作报告\n\n一、2025年工作回顾\n\n"
_NAME = "city_jiangzhou_2026_gwr.txt"


# --- 三大主导产业, 两个产业集群: the count of a list's members names none of them ------------


def test_the_count_of_three_listed_industries_names_none_of_them(extract):
    text = _REPORT + "钢铁、化工、建材三大主导产业完成产值分别为210亿元、164亿元和75亿元。\n"
    got = names_by_value(extract(text, _NAME))
    assert got[210] == "钢铁产业产值"
    assert got[75] == "建材产业产值"


def test_the_count_of_two_listed_clusters_names_neither(extract):
    text = _REPORT + "电子信息、生物医药两个产业集群产值分别达到860亿元、430亿元。\n"
    got = names_by_value(extract(text, _NAME))
    assert got[860] == "电子信息产业集群产值"
    assert got[430] == "生物医药产业集群产值"


def test_a_count_that_is_not_the_lists_stays(extract):
    # two items listed, 三大 is the last item's own
    text = _REPORT + "纺织和三大传统产业产值分别为88亿元、300亿元。\n"
    got = names_by_value(extract(text, _NAME))
    assert "三大" in got[300]


# --- 规模工业: the Hunan reports' word for 规模以上工业 ------------------------------------------


def test_scale_industry_said_without_above_is_the_tables(extract):
    text = _REPORT + "规模工业增加值增长7.6%，净增规模工业企业31家，规模工业总产值达到512亿元。\n"
    got = names_by_value(extract(text, _NAME))
    assert got[7.6] == "规模以上工业增加值"
    assert got[31] == "规模以上工业企业"
    assert got[512] == "规模以上工业总产值"


# --- 为…发放 a payment with its amount; 为全县… a scope before those served ----------------------


def test_those_given_a_payment_with_its_amount_are_named_by_it(extract):
    text = _REPORT + "新增养老床位800张，为2.4万名困难群众发放生活补贴0.9亿元。\n"
    got = names_by_value(extract(text, _NAME))
    assert got[2.4] == "获发生活补贴的困难群众"


def test_a_scope_before_those_served_with_the_count_last(extract):
    text = _REPORT + "为全市70岁以上老年人免费体检5.6万人次。\n"
    got = names_by_value(extract(text, _NAME))
    assert got[5.6] == "获免费体检的70岁以上老年人"


# --- 优良率…，比上年下降N个百分点: the change of a rate completed from the count before --------

_BULLETIN = "江州市2025年国民经济和社会发展统计公报\n\n十、环境\n\n"
_BULLETIN_NAME = "city_jiangzhou_2025_stat-bulletin.txt"


def test_a_rates_change_takes_the_rates_completed_name(extract):
    text = _BULLETIN + "全年市区空气质量优良天数为301天，优良率82.5%，比上年提高1.6个百分点。\n"
    got = names_by_value(extract(text, _BULLETIN_NAME))
    assert got[82.5] == "市区空气质量优良率"
    assert got[1.6] == "市区空气质量优良率"


def test_a_change_of_another_measure_keeps_its_name(extract):
    text = _BULLETIN + "全年市区空气质量优良天数为301天，优良率82.5%，达标率提高1.6个百分点。\n"
    got = names_by_value(extract(text, _BULLETIN_NAME))
    assert got[1.6] != "市区空气质量优良率"


# --- 较上年缩短: a difference from 较上年 is the measure's, as from 比上年 -----------------------


def test_a_difference_from_jiao_shangnian_is_the_measures(extract):
    text = _REPORT + "全市企业开办平均时间2.5天，较上年缩短1.5天。\n"
    got = names_by_value(extract(text, _NAME))
    assert got[1.5] == got[2.5]
    assert got[1.5] != "缩短"
