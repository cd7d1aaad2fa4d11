"""Naming shapes shared by several probe sets and the dev documents (issue 11, left11): a
programme's object written with its town scope, a local text's own scope before a share's
named whole. Every sentence here is invented for the test; none is a probe's or a corpus
document's."""

from __future__ import annotations

from tests.probes import names_by_value as _names

_REPORT = "江州市人民政府工作报告\n\n一、2025年工作回顾\n\n"
_NAME = "city_jiangzhou_2026_gwr.txt"


# --- 城镇老旧小区, 城市棚户区: the table's statistic, the scope written or not -------------------


def test_old_estates_written_with_their_town_scope_are_the_tables_statistic(table):
    for written in ("城镇老旧小区", "城市老旧小区", "城镇老旧小区改造"):
        assert table.canonical(written) == "老旧小区"
    for written in ("城市棚户区", "城镇棚户区", "城镇棚户区住房", "城镇棚户区住房改造"):
        assert table.canonical(written) == "棚户区"


def test_a_count_of_town_estates_and_shacks_is_named_by_the_statistic(extract):
    text = (
        _REPORT + "改造城镇老旧小区135个，累计改造城市棚户区2.6万户，城镇棚户区住房改造4100套。\n"
    )
    got = _names(extract(text, _NAME))
    assert got[135] == "老旧小区"
    assert got[2.6] == "棚户区"
    assert got[4100] == "棚户区"


# --- a local text's own scope before a share's named whole -----------------------------------


def test_the_own_scope_before_a_shares_named_whole_is_dropped(extract):
    text = (
        _REPORT + "湿地面积12万公顷，占全市国土面积的6.4%。"
        "对东盟进出口额310亿元，占全市外贸总额的27%。\n"
    )
    got = _names(extract(text, _NAME))
    assert got[6.4] == "湿地面积占国土面积比重"
    assert got[27] == "对东盟进出口额占外贸总额比重"


def test_the_scope_stays_where_the_bare_whole_is_the_parts_own_measure(extract):
    # the part is a 进出口总额 too: the bare whole would not say which one
    text = _REPORT + "对东盟进出口总额310亿元，占全市进出口总额的27%。\n"
    got = _names(extract(text, _NAME))
    assert got[27] == "对东盟进出口总额占全市进出口总额比重"


def test_the_nations_scope_and_a_scope_alone_stay(extract):
    text = _REPORT + "粮食产量610万吨，占全国粮食产量的0.9%。海洋生产总值增长8%，占全市41%。\n"
    got = _names(extract(text, _NAME))
    assert got[0.9] == "粮食产量占全国粮食产量比重"
    assert got[41] == "海洋生产总值占全市比重"


def test_a_scope_alone_before_the_share_word_stays(extract):
    # the figure is said in words after 比重: the whole is the city, nothing to drop
    text = _REPORT + "滨海片区地区生产总值突破900亿元，占全市比重接近一半。\n"
    got = _names(extract(text, _NAME))
    assert got[50] == "滨海片区地区生产总值占全市比重"


# --- a share of all the things of the part's own kind -----------------------------------------


def test_a_share_of_all_things_of_its_kind_is_the_parts_share(extract):
    text = (
        _REPORT + "全市幼儿园1200所，其中公办幼儿园560所，占幼儿园总数的46.7%。"
        "新能源汽车销量占汽车销售总量的比例达到35%。\n"
    )
    got = _names(extract(text, _NAME))
    assert got[46.7] == "公办幼儿园占比"
    assert got[35] == "新能源汽车销量占比"


def test_a_share_of_a_total_of_another_kind_keeps_the_whole(extract):
    # 土地 is no kind of 森林: the whole says what the part does not
    text = _REPORT + "森林面积占土地总面积的比重为42%。机电产品出口额占外贸总量的比重为18%。\n"
    got = _names(extract(text, _NAME))
    assert got[42] == "森林面积占土地总面积比重"
    assert got[18] == "机电产品出口额占外贸总量比重"
