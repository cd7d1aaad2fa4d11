"""What naming-left16 settles of the open naming classes (issue 11): people cared for
named by who they are, a stock's verb of having left out. Every sentence here is
invented for the test; none is a probe's or a corpus document's."""

from __future__ import annotations

from tests.probes import changes_by_value as _changes
from tests.probes import names_by_value as _names

_REPORT = "桐溪县人民政府工作报告\n\n一、2024年工作回顾\n\n"
_NAME = "county_tongxi_2025_gwr.txt"


def test_people_visited_are_named_by_who_they_are(extract):
    text = _REPORT + "民生兜底有力。走访慰问留守老人730户。新建公厕14座。\n"
    records = extract(text, _NAME)
    assert _names(records)[730] == "留守老人"
    assert _changes(records)[730] == "走访慰问"


def test_pupils_funded_in_person_times_are_named_by_who_they_are(extract):
    text = _REPORT + "教育保障有力。资助农村寄宿学生1980人次，新增学位640个。\n"
    records = extract(text, _NAME)
    assert _names(records)[1980] == "农村寄宿学生"
    assert _changes(records)[1980] == "资助"


def test_a_relief_count_keeps_its_act(extract):
    # the golds name relief by the act (救助困难群众): only visits and funding are read
    text = _REPORT + "救助困难群众2450人次。\n"
    assert _names(extract(text, _NAME))[2450] == "救助困难群众"


def test_money_given_in_care_keeps_its_name(extract):
    # only people are read: the money of the act (资助资金, 慰问金) is named as written
    text = _REPORT + "资助资金共计380万元，慰问困难职工160户，发放慰问金48万元。\n"
    names = _names(extract(text, _NAME))
    assert names[160] == "困难职工"
    assert names[380] == "资助资金"
    assert names[48] == "慰问金"


def test_a_stock_said_with_having_is_named_by_its_things(extract):
    text = _REPORT + "全县现有村级养老服务站27个，农家书屋118个。\n"
    assert _names(extract(text, _NAME))[27] == "村级养老服务站"


def test_money_put_in_does_not_end_a_run_of_acts(extract):
    # 硬化 is a noun to the dictionary: the acts around it say it is an act, and money
    # put into the work is one of them
    text = _REPORT + "水利设施提档升级。硬化入户道路37公里。争取上级资金1450万元。新建提灌站4座。\n"
    records = extract(text, _NAME)
    assert _names(records)[37] == "入户道路"
    assert _changes(records)[37] == "硬化"


def test_money_reached_still_ends_a_run_of_acts(extract):
    # a level of money (完成投资…) is no act: 注册护士 after it stays a stock
    text = _REPORT + "新建公厕9座。全县完成固定资产投资86亿元。注册护士1420名。\n"
    assert _names(extract(text, _NAME))[1420] == "注册护士"


def test_a_verbal_noun_saying_what_a_line_is_for_opens_the_thing(extract):
    # 防洪 is a verbal noun: before one noun, in a length, it says what the dykes are for
    text = _REPORT + "农田水利提档升级。新建机耕桥5座。加固防洪堤坝6.5公里。\n"
    records = extract(text, _NAME)
    assert _names(records)[6.5] == "防洪堤坝"
    assert _changes(records)[6.5] == "加固"


def test_a_verbal_noun_before_counted_projects_is_a_second_act(extract):
    # among counted things 投产 is what happened to the projects, as 竣工 is
    text = _REPORT + "项目建设提速。新建公厕9座，竣工投产项目14个。\n"
    assert _names(extract(text, _NAME))[14] == "竣工投产项目"


def test_a_kind_made_with_hua_keeps_the_table_name_narrow(extract):
    # 村卫生室 is in the indicator table: 标准化 says which of them were built
    text = _REPORT + "基层医疗提质。新建标准化村卫生室23个，新增家庭医生团队15个。\n"
    assert _names(extract(text, _NAME))[23] == "标准化村卫生室"


def test_a_span_of_years_before_the_act_is_a_time(extract):
    # 2024—2026年 is one time: what is before the known name is the modifier 家庭 alone
    text = _REPORT + "养老服务扩容，2024—2026年累计建设家庭养老床位4500张。\n"
    assert _names(extract(text, _NAME))[4500] == "家庭养老床位"
