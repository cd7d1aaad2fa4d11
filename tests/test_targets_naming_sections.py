"""Names a section's heading gives (naming-sections): a bare measure of schools or
institutions under a heading that names them; on invented sentences."""

from __future__ import annotations

from bot.targets.naming.section_subject import heading_subject
from bot.targets.records import TargetRecord

EDU = "江州市2023年教育事业发展统计公报\n"
HEALTH = "江州市2023年卫生健康事业发展统计公报\n"


def names(records: list[TargetRecord]) -> dict[tuple[float | None, str], str]:
    return {(r.value, r.unit): r.indicator for r in records}


def test_a_bare_measure_of_schools_takes_the_stage_its_heading_names(extract):
    text = EDU + "二、义务教育\n全市义务教育阶段学校共312所。招生7.4万人，在校生41.6万人。\n"
    got = names(extract(text))
    assert got[(7.4, "万人")] == "义务教育招生"
    assert got[(41.6, "万人")] == "义务教育在校生"
    text = EDU + "（三）特殊教育\n毕业生860人，专任教师1240人。\n"
    got = names(extract(text))
    assert got[(860, "人")] == "特殊教育毕业生"
    assert got[(1240, "人")] == "特殊教育专任教师"


def test_a_kind_of_school_or_institution_as_heading_is_the_subject(extract):
    got = names(extract(EDU + "三、普通高中\n招生2.9万人，比上年增加0.2万人。\n"))
    assert got[(2.9, "万人")] == "普通高中招生"
    got = names(extract(HEALTH + "（二）乡镇卫生院\n床位3120张，比上年增加85张。\n"))
    assert got[(3120, "张")] == "乡镇卫生院床位"


def test_the_schools_of_a_section_and_their_measures_take_its_subject(extract):
    got = names(extract(EDU + "（四）中等职业学校\n学校37所，招生1.6万人。\n"))
    assert got[(37, "所")] == "中等职业学校"  # never 中等职业学校学校
    assert got[(1.6, "万人")] == "中等职业学校招生"
    got = names(extract(EDU + "二、义务教育\n学校486所，在校生53万人。\n"))
    assert got[(486, "所")] == "义务教育学校"


def test_a_hospitals_bare_measures_take_the_kind_its_heading_names(extract):
    text = HEALTH + "（二）医院\n医院74个，卫生技术人员2.6万人。出院人数88万人，病床使用率79.4%。\n"
    got = names(extract(text))
    assert got[(2.6, "万人")] == "医院卫生技术人员"  # the heading's own subject said before
    assert got[(88, "万人")] == "医院出院人数"
    assert got[(79.4, "%")] == "医院病床使用率"


def test_a_measure_the_sentence_names_the_schools_of_keeps_them(extract):
    # the sentence says whose figures they are: the heading's stage is not theirs
    text = EDU + "三、高中阶段教育\n技工学校18所，在校生1.3万人。\n"
    got = names(extract(text))
    assert got[(1.3, "万人")] != "高中阶段教育在校生"
    # a clause about the whole area is not the section's
    got = names(extract(HEALTH + "（二）医院\n全市卫生技术人员4.4万人。\n"))
    assert got[(4.4, "万人")] == "卫生技术人员"
    # a clause that names its own subject is left alone
    got = names(extract(EDU + "二、义务教育\n初中招生3.8万人。\n"))
    assert got[(3.8, "万人")] == "初中招生"


def test_a_theme_or_a_sentence_is_no_subject_for_a_bare_measure(extract):
    themes = ("五、卫生健康", "一、综合", "四、教育和科技", "二、全面推进义务教育优质均衡发展")
    for heading in themes:
        got = names(extract(EDU + heading + "\n招生5.5万人。\n"))
        assert got[(5.5, "万人")] == "招生", heading
    # a measure of schools never takes an institution's heading, nor the other way round
    got = names(extract(HEALTH + "（二）乡镇卫生院\n招生120人。\n"))
    assert got[(120, "人")] == "招生"
    got = names(extract(EDU + "三、普通高中\n床位900张。\n"))
    assert got[(900, "张")] == "床位"


def test_heading_subject_strips_the_number_and_refuses_themes():
    assert heading_subject("二、义务教育") == ("义务教育", "school")
    assert heading_subject("（四）中等职业学校") == ("中等职业学校", "school")
    assert heading_subject("3. 社区卫生服务中心") == ("社区卫生服务中心", "institution")
    assert heading_subject("六、卫生资源") == ("", "")
    assert heading_subject("一、教育事业") == ("", "")
    assert heading_subject("七、文化、教育") == ("", "")


REPORT = "江州市政府工作报告\n一、2024年工作回顾\n"


def test_a_lone_generic_counted_thing_is_kept_when_the_clause_says_what_was_done(extract):
    # done for them: named by what they got (naming/served.py)
    got = names(extract(REPORT + "全年为420家企业提供出口信用保险服务。\n"))
    assert got[(420, "家")] == "获出口信用保险服务的企业"
    # done by them: named by the work (naming/activities.py), and shown
    records = extract(REPORT + "全区9家企业完成清洁生产审核工作。\n")
    rec = [r for r in records if r.value == 9]
    assert rec and rec[0].indicator == "清洁生产审核企业" and rec[0].confidence >= 0.6


def test_a_generic_counted_thing_whose_act_is_not_named_is_kept_not_confident(extract):
    records = extract(REPORT + "17个项目完成竣工验收。\n")
    rec = [r for r in records if r.value == 17]
    assert rec and rec[0].indicator == "项目" and rec[0].confidence < 0.6


def test_a_lone_generic_counted_thing_with_no_act_gives_no_record(extract):
    # nothing said of the things: no name, no record (as before)
    assert not [r for r in extract(REPORT + "今年帮扶6家企业。\n") if r.value == 6]
    # a thing that is no generic counted thing is not read this way
    assert not [r for r in extract(REPORT + "全年帮扶30户。\n") if r.value == 30]


def test_generic_things_counted_after_a_verb_of_adding_are_named_by_it(extract):
    got = names(extract(REPORT + "今年新增11家企业。\n"))
    assert got[(11, "家")] == "新增企业"
    got = names(extract(REPORT + "全年新引进27个项目。\n"))
    assert got[(27, "个")] == "新引进项目"
    # another verb names no set of added things: no record, as before
    assert not [r for r in extract(REPORT + "今年关停4家企业。\n") if r.value == 4]
