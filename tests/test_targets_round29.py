"""Rules found on the round-29 probe set (issue 11, ``tests/data/probes/round29/``):
documents of the 2025-2026 turn (2026 work reports reviewing the 十四五, a 十五五 纲要, a
2025 bulletin, a 两会 press conference). Every sentence here is invented for the test;
none is a probe's or a corpus document's."""

from __future__ import annotations

_REPORT = "某县2026年政府工作报告\n一、2025年工作回顾\n"
_REPORT_NAME = "county_mou_2026_gwr.txt"


def _by_value(records) -> dict:
    return {r.value: r for r in records}


# --- a payment's fund, then whom it reached ----------------------------------------------------


def test_whom_a_payment_reached_is_named_by_the_payment_not_its_fund(extract):
    text = (
        _REPORT + "全年发放育儿补贴资金3200万元，惠及婴幼儿1.1万人。"
        "发放稳岗返还资金860万元，惠及企业420家。\n"
    )
    got = _by_value(extract(text, _REPORT_NAME))
    assert got[1.1].indicator == "育儿补贴惠及婴幼儿"
    assert got[420].indicator == "稳岗返还惠及企业"


def test_a_fund_named_by_its_purpose_alone_keeps_its_word(extract):
    text = _REPORT + "发放各类救助资金1.2亿元，惠及困难群众3.6万人次。\n"
    assert _by_value(extract(text, _REPORT_NAME))[3.6].indicator == "救助资金惠及困难群众"


# --- rules counted by what they hinder -----------------------------------------------------------


def test_rules_counted_by_what_they_hinder_keep_the_clause(extract):
    text = _REPORT + "清理妨碍公平竞争的规定23件，废止违反统一市场建设的政策措施15条。\n"
    got = _by_value(extract(text, _REPORT_NAME))
    assert got[23].indicator == "妨碍公平竞争的规定"
    assert got[15].indicator == "违反统一市场建设的政策措施"


# --- a bulletin's five-year paragraph ends where its year's paragraphs resume ------------------


def test_a_bulletin_paragraph_opening_with_its_years_words_ends_the_five_year_stretch(extract):
    text = (
        "某市2025年国民经济和社会发展统计公报\n一、综合\n"
        "“十四五”时期，全市地区生产总值年均增长6.1%，五年累计完成固定资产投资8600亿元。\n"
        "年末全市常住人口236.5万人，比上年末增加0.8万人。\n"
        "全年居民消费价格比上年上涨0.4%。其中，服务价格上涨1.1%。\n"
    )
    got = _by_value(extract(text, "city_mou_2025_stat-bulletin.txt"))
    assert (got[6.1].year, got[8600].year) == ("2021-2025", "2021-2025")
    assert [got[v].year for v in (236.5, 0.8, 0.4, 1.1)] == ["2025"] * 4


# --- a streak dates its own clause only --------------------------------------------------------


def test_a_streak_dates_its_own_clause_not_the_figures_after_it(extract):
    text = (
        "某省2026年政府工作报告\n一、“十四五”时期和2025年工作回顾\n"
        "五年来，建成高标准农田960万亩，粮食产量连续五年稳定在300亿斤以上；"
        "常住人口城镇化率提高到61.2%，五年提高4.6个百分点；新建改建农村公路1.8万公里。\n"
    )
    got = _by_value(extract(text, "province_mou_2026_gwr.txt"))
    assert (got[61.2].year, got[4.6].year, got[1.8].year) == ("2025", "2021-2025", "2021-2025")


# --- a fund said after its payer and the verb of paying ----------------------------------------


def test_a_fund_paid_by_a_level_or_said_with_adverbs_is_named_by_the_fund(extract):
    text = (
        "某省2026年政府工作报告\n三、2026年重点工作\n"
        "持续推进消费品以旧换新，省级安排以旧换新补贴资金40亿元；"
        "省级财政将再安排城市更新专项资金25亿元。\n"
    )
    got = _by_value(extract(text, "province_mou_2026_gwr.txt"))
    assert (got[40].indicator, got[25].indicator) == ("以旧换新补贴资金", "城市更新专项资金")


# --- a ratio narrowed to a level ----------------------------------------------------------------


def test_a_ratio_narrowed_to_a_level_is_read(extract):
    text = _REPORT + "农村居民人均可支配收入增长7%，城乡居民收入比由2.28缩小到2.16。\n"
    got = _by_value(extract(text, _REPORT_NAME))
    assert (got[2.16].indicator, got[2.16].unit) == ("城乡居民收入比", "")
    assert 2.28 not in got  # the base a ratio narrowed from is no record (§1)


# --- a counted set said after the verb that funds it ---------------------------------------------


def test_a_set_counted_after_the_verb_that_funds_it_is_named_by_the_set(extract):
    text = (
        _REPORT + "用好超长期特别国债资金12亿元，支持“两重”建设项目26个；"
        "专项资金安排3亿元，支持重大技术改造项目18个。\n"
    )
    got = _by_value(extract(text, _REPORT_NAME))
    assert (got[26].indicator, got[18].indicator) == ("两重建设项目", "重大技术改造项目")
