"""Rules found by the round36 probe set (sector action plans and 实施方案 of provinces and
cities written as remembered): each test is a general form, on invented sentences, not a
line of the probe texts."""

from __future__ import annotations

_PLAN = "青石省推进文旅融合发展实施方案\n二、主要目标\n"


def test_a_level_a_subject_reached_takes_no_topic_from_the_opening_clause(extract) -> None:
    # 持证导游 and 注册志愿者 open with a verb-like modifier but are what reached the level:
    # the opening clause's topic (文旅服务体系基本建成) is not theirs
    text = _PLAN + ("到2030年，文旅服务体系基本建成，持证导游达到2万人，注册志愿者达到5万人。\n")
    names = {r.value: r.indicator for r in extract(text, "plan.txt")}
    assert names[2] == "持证导游"
    assert names[5] == "注册志愿者"


def test_a_scale_before_a_known_name_selects_the_things_counted(extract) -> None:
    # 行业级 / 区域级 platforms are a narrower set than all 工业互联网平台 (6.8.40), said
    # before the count or after it
    text = (
        "青石省制造业数字化转型行动方案（2031—2033年）\n三、重点任务\n"
        "（一）建设工业互联网平台体系。建设行业级工业互联网平台12个、区域级工业互联网平台8个。\n"
        "（二）培育服务生态。打造6个以上行业级工业互联网平台，培育40家数字化转型服务商。\n"
    )
    names = {r.value: r.indicator for r in extract(text, "plan.txt")}
    assert names[12] == "行业级工业互联网平台"
    assert names[8] == "区域级工业互联网平台"
    assert names[6] == "行业级工业互联网平台"
    assert names[40] == "数字化转型服务商"


def test_a_sum_per_named_unit_is_the_receivers_award(extract) -> None:
    # 每个产品 / 每个品种 before the giving: the unit the cap is per, not the award's name
    text = (
        "青石市生物医药产业行动方案（2031—2033年）\n三、重点任务\n"
        "（二）加快创新产品上市。对新获批的三类医疗器械，每个产品给予最高500万元奖励；"
        "对获批的创新药，每个品种给予一次性奖励300万元。\n"
    )
    names = {r.value: r.indicator for r in extract(text, "plan.txt")}
    assert names[500] == "三类医疗器械奖励"
    assert names[300] == "创新药奖励"


def test_an_area_quota_per_household_is_named_by_what_is_built_with_the_housing(
    extract,
) -> None:
    # the housing kept when the clause opens with one kind of it, not with a list
    text = (
        "青石省养老服务实施方案\n三、重点任务\n"
        "（二）加强设施建设。新建住宅小区按每百户不少于25平方米配建养老服务用房；"
        "新建城区、新建住宅小区按每百户不低于30平方米配建社区托育服务用房。\n"
    )
    names = {r.value: r.indicator for r in extract(text, "plan.txt")}
    assert names[25] == "新建住宅小区养老服务用房配建标准"
    assert names[30] == "社区托育服务用房配建标准"


def test_a_yearly_figure_of_an_earlier_clause_does_not_make_the_next_one_yearly(extract) -> None:
    # the fund is set up once, by the plan's end; the 每年 is its own ；-clause's
    text = (
        "青石省制造业数字化转型行动方案（2031—2033年）\n四、保障措施\n"
        "（一）加大财政支持。省财政每年安排专项资金20亿元；设立规模50亿元的数字化转型基金。\n"
    )
    years = {r.value: r.year for r in extract(text, "plan.txt")}
    assert years[20] == "2031-2033"
    assert years[50] == "2033"
