"""Names the golds had written two ways, settled once (GOLD_GUIDELINES 6.8.50-54,
``gold-conventions7``; issue 11). Every sentence here is invented for the test; none is a
probe's or a corpus document's."""

from __future__ import annotations

from tests.probes import names_by_value

_REPORT = "某省2026年政府工作报告\n\n一、2025年工作回顾\n\n"
_REPORT_NAME = "province_mou_2026_gwr.txt"


def test_times_counted_name_the_activity_or_people_without_the_units_word(extract):  # 6.8.50
    text = _REPORT + (
        "全年接待入境游客160万人次，接待康养旅游90万人次以上，国内出游5.4亿人次，"
        "争取入境旅游包机120架次，开展补贴性职业技能培训35万人次。\n"
    )
    got = names_by_value(extract(text, _REPORT_NAME))
    assert got[160] == "入境游客"
    assert got[90] == "康养旅游"  # not 康养旅游人次: the unit says the times
    assert got[5.4] == "国内出游"
    assert got[120] == "入境旅游包机"
    assert got[35] == "补贴性职业技能培训"


def test_people_helped_to_start_a_business_have_one_name(extract):  # 6.8.51
    text = _REPORT + (
        "发放创业担保贷款36亿元，扶持个人创业2.3万人，扶持创业人数1.8万人，直接扶持创业11.5万人。\n"
    )
    got = names_by_value(extract(text, _REPORT_NAME))
    assert got[2.3] == "扶持创业"  # the table's canonical name
    assert got[1.8] == "扶持创业"  # 人数 is the unit's word
    assert got[11.5] == "直接扶持创业"  # the selecting word stays (6.8.40)


def test_a_share_the_table_lists_is_named_canonically_whatever_its_base_spelling(extract):
    # 6.8.53
    text = _REPORT + (
        "高新技术产业产值占规模以上工业总产值比重达到58.2%，高新技术产业产值占规上工业比重"
        "提高到47.5%，高新技术产业产值占工业总产值的比重提高到39.4%，"
        "民生支出占一般公共预算支出比重达到77.3%。\n"
    )
    got = names_by_value(extract(text, _REPORT_NAME))
    assert got[58.2] == "高新技术产业产值占比"
    assert got[47.5] == "高新技术产业产值占比"
    assert got[39.4] == "高新技术产业产值占工业总产值比重"  # another base, another measure
    assert got[77.3] == "民生支出占一般公共预算支出比重"
