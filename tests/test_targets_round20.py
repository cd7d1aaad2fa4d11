"""Rules found on the round-20 probe set (issue 11, ``tests/data/probes/round20/``): long,
dense government work reports of the nation, a province, a pastoral banner and a
prefecture city. Every sentence here is invented for the test; none is a probe's or a
corpus document's."""

from __future__ import annotations

from tests.probes import names_by_value

_BANNER = "草原旗政府工作报告\n\n一、2025年工作回顾\n\n"
_NAME = "county_caoyuan_2026_gwr.txt"


# --- 头只: head of cattle and sheep counted together ----------------------------------


def test_livestock_counted_in_head_is_one_unit(extract):
    text = _BANNER + "牧业年度牲畜存栏稳定在156万头只以上，其中羊存栏88万只。\n"
    got = {r.value: (r.indicator, r.unit) for r in extract(text, _NAME)}
    assert got[156][1] == "万头只"
    assert got[156][0].endswith("牲畜存栏")
    assert got[88] == ("羊存栏", "万只")


# --- 全旗: a banner's own scope word -------------------------------------------------------


def test_a_banners_scope_word_is_no_part_of_the_name(extract):
    text = _BANNER + "全旗教育支出达到6.2亿元，占一般公共预算支出的18.5%。\n"
    got = {r.value: r.indicator for r in extract(text, _NAME)}
    assert got[6.2] == "教育支出"
    assert got[18.5] == "教育支出占一般公共预算支出比重"


# --- a stretch's end year dates its own clause, not the five years' figures after it ----

_REVIEW = "某省2026年政府工作报告\n\n一、2025年和“十四五”时期工作回顾\n\n"
_PROVINCE = "province_mou_2026_gwr.txt"


def test_figures_after_a_stretch_keep_the_five_years(extract):
    text = _REVIEW + (
        "“十四五”时期极不平凡。五年来，地区生产总值从2020年的1.4万亿元增加到2025年的1.9万亿元，"
        "年均增长5.4%；城镇新增就业累计63万人以上；铁路营业里程增加180公里、达到1650公里。\n"
    )
    got = {r.value: r.year for r in extract(text, _PROVINCE)}
    assert got[1.9] == "2025"  # the stretch's own level
    assert got[5.4] == "2021-2025"
    assert got[63] == "2021-2025"  # summed over the five years, not the stretch's end
    assert got[180] == "2021-2025"
    assert got[1650] == "2025"  # a level reached at the end


# --- 托育 and 嘎查: nouns jieba tags verbs, which narrow the table's name after them ------


def test_childcare_places_keep_their_service(extract):
    text = _BANNER + "新增托育服务托位860个，新增普惠托育托位420个。\n"
    got = names_by_value(extract(text, _NAME))
    assert got[860] == "托育服务托位"
    assert got[420] == "普惠托育托位"


def test_a_pastoral_village_keeps_its_word(extract):
    text = _BANNER + "新建改扩建苏木乡镇卫生院3所、嘎查村卫生室21个。\n"
    got = names_by_value(extract(text, _NAME))
    assert got[3] == "苏木乡镇卫生院"
    assert got[21] == "嘎查村卫生室"


# --- 分别居全国第8位、第9位 after figures named one by one -------------------------------


def test_ranks_said_respectively_pair_with_the_figures_named_before(extract):
    text = _REVIEW + (
        "争取中央预算内投资126亿元、地方政府专项债券980亿元，分别居全国第6位、第11位。\n"
    )
    got = names_by_value(extract(text, _PROVINCE))
    assert got[6] == "中央预算内投资全国排名"
    assert got[11] == "地方政府专项债券全国排名"
    assert got[980] == "地方政府专项债券"


# --- 、占比: the bare share keeps the whole name of what it is a share of --------------------


def test_a_bare_share_keeps_the_measure_before_it(extract):
    text = _REVIEW + "民间投资2310亿元、占比56.4%；税收收入增长6.5%、占比达到72.4%。\n"
    got = names_by_value(extract(text, _PROVINCE))
    assert got[56.4] == "民间投资占比"  # was 民间占比: 占比 read as a whole named 比
    assert got[72.4] == "税收收入占比"


# --- listed items before a last item's own words ---------------------------------------


def test_short_industries_listed_take_the_measure_after_the_last_ones_industry(extract):
    text = _REVIEW + "光伏、锂电池材料产业集群产值分别达到320亿元、260亿元。\n"
    got = names_by_value(extract(text, _PROVINCE))
    assert got[320] == "光伏产业集群产值"
    assert got[260] == "锂电池材料产业集群产值"


def test_the_pastoral_countryside_is_one_word_in_a_list(extract):
    text = _BANNER + "城镇、农村牧区常住居民人均可支配收入分别增长4.5%、6.8%。\n"
    got = names_by_value(extract(text, _NAME))
    assert got[4.5] == "城镇居民人均可支配收入"
    assert got[6.8] == "农村牧区常住居民人均可支配收入"
