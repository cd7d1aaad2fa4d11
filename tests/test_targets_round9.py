"""Naming rules found on the round-9 probe set (issue 11, ``tests/data/probes/round9/``):
work reports of an industrial city, a provincial capital, an autonomous prefecture, a
municipality's district and a ministry's work conference. Every sentence here is invented
for the test; none is a probe's or a corpus document's."""

from __future__ import annotations

from tests.probes import changes_by_value, names_by_value

_REPORT = "江州市政府工作报告\n\n一、2025年工作回顾\n\n"
_NAME = "city_jiangzhou_2026_gwr.txt"


# --- verbs of a district's governance, and a manner before the verb ---------------------------


def test_acts_of_governance_are_the_change_not_the_name(extract):
    text = _REPORT + "全年配备社区专职工作者2400名，化解矛盾纠纷8600件，化解率96.4%。\n"
    records = extract(text, _NAME)
    got, changes = names_by_value(records), changes_by_value(records)
    assert got[2400] == "社区专职工作者"
    assert changes[2400] == "配备"
    assert got[8600] == "矛盾纠纷"  # not 化解矛盾纠纷: jieba's 化解矛盾 hid the verb
    assert changes[8600] == "化解"
    assert got[96.4] == "矛盾纠纷化解率"


def test_a_manner_before_the_verb_is_no_part_of_the_name(extract):
    text = _REPORT + "完成棚户区改造3200户，同步改造配套管网85公里。\n"
    got = names_by_value(extract(text, _NAME))
    assert got[85] == "配套管网"


def test_the_second_verb_of_a_pair_is_no_part_of_the_name(extract):
    text = _REPORT + "新建和迁建乡镇卫生院7所，新增和改善灌溉面积12万亩。\n"
    records = extract(text, _NAME)
    got, changes = names_by_value(records), changes_by_value(records)
    assert got[7] == "乡镇卫生院"
    assert changes[7] == "新建"  # the first verb, before the 和
    assert got[12] == "灌溉面积"
    assert changes[12] == "新增"


def test_new_funds_raised_name_the_thing(extract):
    text = _REPORT + "新筹集公共租赁住房6800套。\n"
    records = extract(text, _NAME)
    assert names_by_value(records)[6800] == "公共租赁住房"
    assert changes_by_value(records)[6800] == "筹集"


def test_a_workshop_for_helping_keeps_its_kind(extract):
    text = _REPORT + "建成帮扶车间38个，吸纳脱贫群众就业1500人。\n"
    got = names_by_value(extract(text, _NAME))
    assert got[38] == "帮扶车间"  # 帮扶 is the workshop's kind, not a verb


def test_places_counted_before_what_they_do_are_the_name(extract):
    text = _REPORT + "9个乡镇全面推行网格化服务管理，办理群众诉求4.6万件。\n"
    got = names_by_value(extract(text, _NAME))
    assert got[9] == "乡镇"


# --- owners listed before 分别, the measure after it ----------------------------------------


def test_listed_owners_take_the_measure_said_after_respectively(extract):
    text = _REPORT + "纺织、食品两大产业分别实现营业收入480亿元、310亿元。\n"
    got = names_by_value(extract(text, _NAME))
    assert got[480] == "纺织产业营业收入"
    assert got[310] == "食品产业营业收入"


def test_listed_zones_take_the_measure_and_their_rates_follow(extract):
    text = _REPORT + (
        "东湖园区、南湖园区（滨江片区）分别完成工业总产值760亿元、390亿元，分别增长9%、11%。\n"
    )
    got = names_by_value(extract(text, _NAME))
    assert got[760] == got[9] == "东湖园区工业总产值"
    assert got[390] == got[11] == "南湖园区工业总产值"


def test_a_verb_after_respectively_names_nothing(extract):
    text = _REPORT + "城镇、农村居民人均可支配收入分别增长4.8%、6.9%。\n"
    got = names_by_value(extract(text, _NAME))
    assert got[4.8] == "城镇居民人均可支配收入"
    assert got[6.9] == "农村居民人均可支配收入"


# --- a level's part of a whole counted at a floor of levels -------------------------------------


def test_a_top_level_part_takes_the_whole_thing(extract):
    text = (
        _REPORT
        + "新建省级以上工程研究中心26个，其中国家级中心4个；"
        + "认定市级以上技术创新示范企业120家，其中省级企业45家。\n"
    )
    got = names_by_value(extract(text, _NAME))
    assert got[4] == "国家级工程研究中心"
    assert got[45] == "省级技术创新示范企业"


def test_a_part_that_is_not_a_level_stays_itself(extract):
    text = _REPORT + "新建省级以上工程研究中心26个，其中企业中心11个。\n"
    got = names_by_value(extract(text, _NAME))
    assert not got[11].startswith(("国家级", "省级"))


# --- an act that is the figure's own change carries no topic ------------------------------------


def test_a_new_and_rebuilt_road_after_a_topic_is_the_road(extract):
    text = _REPORT + "公路网络加快完善。新改建高速公路260公里，新改建农村公路1800公里。\n"
    records = extract(text, _NAME)
    got = names_by_value(records)
    assert got[260] == "高速公路"  # not 公路网络改建高速公路
    assert changes_by_value(records)[260] == "新改建"
    assert got[1800] == "农村公路"


def test_a_bare_service_after_a_topic_keeps_the_topic(extract):
    text = _REPORT + "乡村物流体系加快完善。全年提供服务3.1万次。\n"
    got = names_by_value(extract(text, _NAME))
    assert got[3.1].endswith("服务")
    assert got[3.1] != "服务"  # 服务 alone names nothing: the topic's service
