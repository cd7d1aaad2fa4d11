"""What naming-neither2 settles (issue 11): names that neither the gold nor the fourth
blind annotator gave. Every sentence here is invented for the test; none is a probe's or
a corpus document's."""

from __future__ import annotations

from tests.probes import names_by_value as _names

_REPORT = "柳塘县人民政府工作报告\n\n一、2024年工作回顾\n\n"
_NAME = "county_liutang_2025_gwr.txt"


def test_resources_counted_keep_the_word_resources(extract):
    # 资源 is the counted thing's own head (9亿劳动力资源, 释放低空空域资源超12万平方公里),
    # never a word between a name and its figure
    text = _REPORT + "全县现有18万劳动力资源。释放林下空间资源超40万亩。\n"
    names = _names(extract(text, _NAME))
    assert names[18] == "劳动力资源"
    assert names[40] == "林下空间资源"


def test_a_doubling_base_is_no_part_of_the_name(extract):
    # 比 and its base (a year in Chinese numerals, a plan period, a plan) stay out of the
    # thing that doubled; a clause naming only its base doubles the figure before it
    text = (
        _REPORT + "到二〇三五年，全县居民人均收入比二〇二五年翻一番。"
        "新增普惠托位900个、比年度计划翻了一番。"
        "风电装机占比达41%、规模比“十四五”末翻了一番。"
        "城乡居民人均可支配收入比2020年翻一番。\n"
    )
    records = extract(text, _NAME)
    doubled = [r.indicator for r in records if r.change == "翻番"]
    assert doubled[0] == "居民人均收入"
    assert doubled[1] == "普惠托位"
    assert doubled[2] == "风电装机容量"  # the table's name of 风电装机规模
    assert doubled[3] == "城乡居民人均可支配收入"


def test_a_zones_new_firms_are_the_zones_firms(extract):
    # 新增 between a zone and its bare 企业 is the change, the zone names the firms
    # (自贸试验区新增企业46200户, 自贸试验区累计新增企业4.3万家); 新增就业 stays a measure
    text = _REPORT + "全年高新区新增企业1260户、新增注册资本88.6亿元。园区新增就业1.4万人。\n"
    records = extract(text, _NAME)
    named = {r.value: (r.indicator, r.change) for r in records}
    assert named[1260] == ("高新区企业", "新增")
    assert named[1.4][0] == "园区新增就业"
