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
