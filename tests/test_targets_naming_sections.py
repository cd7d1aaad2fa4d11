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


def test_a_measure_the_sentence_names_the_schools_of_keeps_them(extract):
    # the sentence says whose figures they are: the heading's stage is not theirs
    text = EDU + "三、高中阶段教育\n技工学校18所，在校生1.3万人。\n"
    got = names(extract(text))
    assert got[(1.3, "万人")] != "高中阶段教育在校生"
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
