"""Rules found on the round-21 probe set (issue 11, ``tests/data/probes/round21/``): the
lowest levels (a county's bulletin, a high-tech zone's summary, a street's report, a
county party congress report, a city bureau's half-year summary). Every sentence here is
invented for the test; none is a probe's or a corpus document's."""

from __future__ import annotations

_REPORT = "某区2024年工作总结\n\n一、2024年工作总结\n\n"
_NAME = "district_mou_2024_work-summary.txt"


# --- a signed set's contracted investment is the set's -----------------------------------


def test_contracted_investment_after_a_signed_set_is_the_sets(extract):
    text = (
        _REPORT
        + "全年签约项目64个，协议总投资215亿元；新签约亿元以上项目18个，协议投资额96亿元。\n"
    )
    got = {r.value: r.indicator for r in extract(text, _NAME)}
    assert got[215] == "签约项目协议总投资"
    assert got[96] == "亿元以上项目协议投资额"


# --- 转移农村劳动力(就业): the table's 农村劳动力转移就业 in the other word order -------------


def test_rural_labour_moved_into_work_in_either_word_order_is_the_tables(extract):
    text = _REPORT + "全年新增城镇就业4200人，转移农村劳动力就业3.6万人。\n"
    got = {r.value: r.indicator for r in extract(text, _NAME)}
    assert got[3.6] == "农村劳动力转移就业"


# --- a share held at a level, said after its subject's figure ------------------------------


def test_a_share_held_at_a_level_after_its_subjects_figure_is_named_as_a_share(extract):
    text = _REPORT + "全年教育支出12.6亿元，占一般公共预算支出的比重稳定在18%以上。\n"
    got = {r.value: r.indicator for r in extract(text, _NAME)}
    assert got[18] == "教育支出占一般公共预算支出比重"


# --- the people a work reached, past its table-named count and its share of the goal --------


def test_people_reached_by_a_work_whose_count_the_table_names_shorter(extract):
    text = _REPORT + "完成城市老旧小区改造42个、惠及居民1.3万户，加装电梯160部。\n"
    got = {r.value: r.indicator for r in extract(text, _NAME)}
    assert got[1.3] == "老旧小区改造惠及居民"


def test_people_reached_after_the_works_share_of_the_years_goal(extract):
    text = _REPORT + "城镇老旧小区改造开工95个，完成全年目标的80%，惠及居民1.1万户。\n"
    got = {r.value: r.indicator for r in extract(text, _NAME)}
    assert got[1.1] == "老旧小区改造惠及居民"
    assert got[95] == "老旧小区"


# --- the span of a work said before it (五年新改扩建…) is a time, not a name ------------------


def test_a_span_before_a_works_verb_is_no_part_of_the_name(extract):
    text = _REPORT + "五年新改扩建幼儿园26所，新增学位8400个。\n"
    got = {r.value: r.indicator for r in extract(text, _NAME)}
    assert got[26] == "幼儿园"


# --- whom events held served, counted after them -----------------------------------------


def test_people_served_by_events_held_are_the_events(extract):
    text = _REPORT + "全年开展送文化下乡活动96场，服务群众2.1万人次。\n"
    got = {r.value: r.indicator for r in extract(text, _NAME)}
    assert got[2.1] == "送文化下乡活动服务群众"


def test_people_served_after_a_measure_of_devices_are_not_the_devices(extract):
    text = _REPORT + "重点平台连接设备超过300万台套，服务中小企业超过12万家。\n"
    got = {r.value: r.indicator for r in extract(text, _NAME)}
    assert not got[12].startswith("重点平台连接设备")


# --- money named by where it comes from (实际进资, 合同引资) is a sum of its own -------------


def test_investment_brought_in_takes_no_measure_of_the_paragraph(extract):
    text = _REPORT + "电子信息产业主营业务收入突破120亿元；引进项目48个，实际进资86.5亿元。\n"
    got = {r.value: r.indicator for r in extract(text, _NAME)}
    assert got[86.5] == "实际进资"
