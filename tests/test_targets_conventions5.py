"""Names and years the golds had written two ways, settled once (GOLD_GUIDELINES 6.8.37-39,
``gold-conventions5``; issue 11). Every sentence here is invented for the test; none is a
probe's or a corpus document's."""

from __future__ import annotations

from tests.probes import names_by_value

_PLAN = "某市关于支持制造业发展的若干措施\n\n一、加大奖励力度\n\n"
_PLAN_NAME = "city_mou_2025_measures.txt"
_REPORT = "某省2026年政府工作报告\n\n一、“十四五”时期工作回顾\n\n"
_REPORT_NAME = "province_mou_2026_gwr.txt"


def test_an_award_to_receivers_chosen_for_a_list_is_named_by_the_list(extract):  # 6.8.37
    text = _PLAN + (
        "对首次入选国家级专精特新“小巨人”的软件企业，给予一次性奖励70万元。"
        "对首次进入中国服务业企业500强的企业，给予80万元奖励。"
        "对首次纳入规模以上工业企业的机器人企业，给予一次性奖励15万元。"
        "对首次入选国家工业节能技术推荐目录的技术成果，每项奖励12万元。"
        "对首次进入全省工业机器人销量前五位的整机企业，给予一次性奖励90万元。"
        "对纳入市重点项目库的技改项目，按实际贷款额的3%给予贴息。\n"
    )
    got = names_by_value(extract(text, _PLAN_NAME))
    assert got[70] == "国家级专精特新小巨人企业奖励"
    assert got[80] == "中国服务业企业500强奖励"
    assert got[15] == "规模以上工业企业奖励"
    assert got[12] == "国家工业节能技术推荐目录技术成果奖励"
    assert got[90] == "整机企业奖励"  # a rank cut is a condition, not a list
    assert got[3] == "技改项目贴息比例"  # a pool entered is no title


def test_a_multiple_of_a_base_year_is_dated_as_the_level(extract):  # 6.8.38
    text = _REPORT + (
        "五年来，全省规模以上工业企业达到2.3万家，是2020年的1.8倍；"
        "民营经济增加值五年增长1.4倍；五年累计完成技术改造投资6200亿元，是上一个五年的1.7倍。\n"
    )
    years = {r.value: r.year for r in extract(text, _REPORT_NAME)}
    assert years[1.8] == "2025"
    assert years[1.4] == "2021-2025"  # a change over the stretch keeps 6.8.2's span
    assert years[1.7] == "2021-2025"  # a sum's multiple of an earlier period's: the sum's


def test_what_the_trade_in_programme_drives_is_named_with_it(extract):  # 6.8.39
    text = _REPORT.replace("一、“十四五”时期工作回顾", "一、2025年工作回顾") + (
        "全年发放以旧换新补贴资金21.5亿元，带动汽车、家电等商品销售额超过310亿元，"
        "惠及消费者470万人次。\n"
    )
    got = names_by_value(extract(text, _REPORT_NAME))
    assert got[21.5] == "以旧换新补贴资金"
    assert got[310] == "以旧换新带动商品销售额"  # the examples before 等 left out
    assert got[470] == "以旧换新惠及消费者"
