"""Rules found on the round-25 probe set (issue 11, ``tests/data/probes/round25/``): sector
plans written after round22's rules (a ministries' opinion, an industry cluster plan, a
city's measures for private firms, a hydrogen plan, a mid-term evaluation, a rural plan).
Every sentence here is invented for the test; none is a probe's or a corpus document's."""

from __future__ import annotations

_SUPPORT = "某省先进制造业集群培育行动方案（2024—2027年）\n四、支持政策\n"
_NAME = "province_mou_2024_manufacturing-cluster-action-plan.txt"


def _by_value(records) -> dict:
    return {r.value: r for r in records}


# --- 一次性 is how an award is given, not what it is --------------------------------------


def test_a_one_off_award_with_its_receiver_is_named_without_yici_xing(extract):
    text = (
        _SUPPORT + "对首次认定的国家级技术创新示范企业，给予一次性奖励80万元；"
        "对新认定的省级工业设计中心，一次性奖励30万元。对企业给予一次性奖励5万元。\n"
    )
    got = _by_value(extract(text, _NAME))
    assert got[80].indicator == "国家级技术创新示范企业奖励"
    assert got[30].indicator == "省级工业设计中心奖励"
    assert got[5].indicator == "一次性奖励"  # no receiver of its own: the bare award


# --- interest paid on a loan is support named as the other awards are ----------------------


def test_interest_subsidy_caps_and_rates_are_the_awards(extract):
    text = (
        _SUPPORT + "对中小企业设备更新贷款给予贴息，贴息比例为贷款市场报价利率的40%，"
        "单家企业年度贴息最高80万元。对园区基础设施项目贷款给予贴息，贴息比例不超过贷款市场"
        "报价利率的60%，单个项目最高贴息400万元。\n"
    )
    got = _by_value(extract(text, _NAME))
    assert got[40].indicator == "中小企业设备更新贷款贴息比例"  # not a share of the rate
    assert got[80].indicator == "单家企业年度贴息"  # the cap, without 最高
    assert got[60].indicator == "园区基础设施项目贷款贴息比例"
    assert got[400].indicator == "单个项目贴息"


def test_a_rate_that_is_a_share_of_another_stays_a_share(extract):
    text = _SUPPORT + "到2027年，集群企业研发投入占营业收入的比例达到3%。\n"
    got = _by_value(extract(text, _NAME))
    assert "贴息" not in got[3].indicator


# --- firms' research intensity is theirs, not the economy's -------------------------------


def test_the_research_intensity_of_firms_keeps_the_firms(extract):
    text = (
        "某省新能源装备产业行动方案（2024—2027年）\n二、主要目标\n到2027年，规模以上新能源装备"
        "企业研发投入强度达到4.2%，全社会研发投入强度达到2.9%。\n"
    )
    got = _by_value(extract(text, _NAME))
    assert got[4.2].indicator == "规模以上新能源装备企业研发投入强度"
    assert got[2.9].indicator == "研发经费投入强度"  # the economy's: the table's name


# --- a fund whose name holds a verb -----------------------------------------------------


def test_the_rural_revitalisation_fund_keeps_its_whole_name(extract):
    text = (
        "某省乡村振兴三年行动方案（2024—2026年）\n四、政策支持\n省级财政每年统筹衔接推进乡村振兴"
        "补助资金45亿元。争取中央财政衔接推进乡村振兴补助资金120亿元。\n"
    )
    got = _by_value(extract(text, _NAME))
    assert got[45].indicator == "衔接推进乡村振兴补助资金"
    assert got[120].indicator == "中央财政衔接推进乡村振兴补助资金"


# --- a giving after a lead in its clause -------------------------------------------------


def test_an_award_given_after_a_rate_or_what_it_adds_to(extract):
    text = (
        _SUPPORT + "对购置智能装备的企业，在国家补贴基础上按每台最高5万元给予市级累加补贴。"
        "对取得发明专利的项目，按研发投入的25%给予最高600万元奖励。\n"
    )
    got = _by_value(extract(text, _NAME))
    assert got[5].indicator == "智能装备市级累加补贴"  # not 按每台最高
    assert got[600].indicator == "发明专利奖励"  # not 给予最高


# --- the parts of a yearly whole are yearly ---------------------------------------------


def test_parts_listed_after_a_yearly_whole_take_the_plans_span(extract):
    text = (
        "某省粮食产能提升三年行动方案（2024—2026年）\n三、重点任务\n（一）稳定播种面积。每年稳定"
        "粮食播种面积3000万亩以上，其中小麦1200万亩、玉米900万亩；蔬菜产量达到950万吨。\n"
    )
    got = _by_value(extract(text, _NAME))
    assert got[3000].year == "2024-2026"
    assert got[1200].year == "2024-2026"  # of each year, as its whole
    assert got[900].year == "2024-2026"
    assert got[950].year == "2026"  # a level after the ；: the plan's end


# --- a verb of overcoming, removing or serving at a name's head is the act ----------------


def test_things_overcome_removed_or_served_are_named_without_the_verb(extract):
    text = (
        _SUPPORT.replace("四、支持政策", "三、重点任务") + "每年攻克共性关键技术30项左右，"
        "拆除违章建筑5.5万平方米，联系服务规模以上工业企业150家，拆除面积2.2万平方米。\n"
    )
    got = _by_value(extract(text, _NAME))
    assert got[30].indicator == "共性关键技术"
    assert got[5.5].indicator == "违章建筑"
    assert got[150].indicator == "规模以上工业企业"
    assert got[2.2].indicator != "面积"  # the act's own measure keeps its act
