"""What probes-round15 settles (issue 11): shapes of national, provincial and district
work reports, speeches and plans that the round15 probe set found and that other probe
sets or dev show too. Every sentence here is invented for the test; none is a probe's or
a corpus document's."""

from __future__ import annotations

from tests.probes import names_by_value as _names

_REPORT = "柳岸区人民政府工作报告\n\n一、2023年工作回顾\n\n"
_NAME = "district_liuan_2024_gwr.txt"


def test_people_a_work_touched_after_sheji_are_the_works(extract):
    text = _REPORT + "城市更新稳步推进。整治背街小巷27条、涉及住户3100户，新建停车位800个。\n"
    names = _names(extract(text, _NAME))
    assert names[3100] == "背街小巷整治涉及住户"
    assert names[27] == "背街小巷"


def test_people_after_a_sheji_clause_of_things_are_still_the_works(extract):
    text = _REPORT + "民生工程加快实施。改造老旧小区52个，涉及楼栋408栋，惠及居民2.6万户。\n"
    names = _names(extract(text, _NAME))
    assert names[2.6] == "老旧小区改造惠及居民"
    assert names[52] == "老旧小区"


def test_sheji_without_a_work_counted_before_is_left_alone(extract):
    # no work's count before the clause: nothing to name the people by
    text = _REPORT + "信访工作扎实开展，化解信访积案涉及群众1800人。\n"
    names = _names(extract(text, _NAME))
    assert not names[1800].startswith("涉及")
    assert "改造" not in names[1800]


def test_a_list_items_lead_is_not_part_of_the_work(extract):
    text = _REPORT + "二是改造老旧小区41个，涉及楼栋350栋，惠及居民1.4万户。\n"
    names = _names(extract(text, _NAME))
    assert names[1.4] == "老旧小区改造惠及居民"


def test_a_rank_after_a_growths_gap_is_the_growths(extract):
    text = (
        _REPORT + "经济平稳增长。全区地区生产总值达到516.2亿元，比上年增长4.1%，"
        "增速高于全市1.2个百分点，居全市第3位。\n"
    )
    names = _names(extract(text, _NAME))
    assert names[3] == "地区生产总值增速全市排名"
    assert names[1.2] == "地区生产总值"


def test_a_second_rank_said_by_its_scope_ranks_what_the_first_does(extract):
    text = _REPORT + "工业稳中向好。规模以上工业增加值增长8.2%，增速居全市第2位、全省第9位。\n"
    names = _names(extract(text, _NAME))
    assert names[2] == "规模以上工业增加值增速全市排名"
    assert names[9] == "规模以上工业增加值增速全省排名"


def test_a_rank_with_its_own_subject_keeps_it(extract):
    text = (
        _REPORT + "开放水平提升。外贸进出口总额增长9.5%，增速居全市第2位、"
        "实际使用外资居全市第4位。\n"
    )
    names = _names(extract(text, _NAME))
    assert names[4].startswith("实际使用外资")


def test_tenths_after_a_level_verb_are_found(extract):
    text = (
        _REPORT + "绿色发展成效明显。城乡生活垃圾分类覆盖率达到七成以上。"
        "公共机构新能源车辆比重提高至四成左右。\n"
    )
    records = extract(text, _NAME)
    found = {(r.value, r.unit) for r in records}
    assert (7, "成") in found
    assert (4, "成") in found


def test_a_tenths_word_inside_other_words_is_no_figure(extract):
    # 八成新, 三成员: no level verb's 到/在/至 before, or a word after
    text = _REPORT + "回收八成新旧家电2000台，成立三成员联合体。\n"
    records = extract(text, _NAME)
    assert not [r for r in records if r.unit == "成"]


def test_a_run_in_headings_marker_is_no_part_of_a_name(extract):
    text = (
        _REPORT + "（四）社会保险基金预算。全区社会保险基金预算收入46亿元，支出41亿元，"
        "年末滚存结余38亿元。\n"
    )
    names = _names(extract(text, _NAME))
    assert names[38] == "社会保险基金滚存结余"
    assert not any(name.startswith("（") for name in names.values())
