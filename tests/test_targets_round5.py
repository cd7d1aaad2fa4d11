"""Extraction rules found on the round-5 probe set (issue 11, ``tests/data/probes/round5/``):
a national bulletin, a ministries' action plan, a provincial news story. Every sentence here
is invented for the test; none is a probe's or a corpus document's."""

from __future__ import annotations

from bot.targets.numbers import find_figures


def _figures(sentence: str) -> list[tuple[float | None, str, str, str]]:
    return [(f.value, f.value_text, f.unit, f.qualifier) for f in find_figures(sentence)]


def test_half_written_as_a_word_is_fifty_percent():
    assert _figures("可再生能源发电量占全社会用电量比重超过一半。") == [(50.0, "一半", "%", "超过")]
    assert _figures("近一半的规上企业开展了数字化改造。") == [(50.0, "一半", "%", "近")]
    # 过半 alone is a vague fraction (no record), as is a half in a phrase
    assert _figures("重点工程建设进度过半。") == []
    assert _figures("事半功倍，一半靠制度。") == []


def test_transformer_capacity_in_volt_amperes():
    assert _figures("新增变电容量420万千伏安，改造配电线路860公里。") == [
        (420.0, "420万", "万千伏安", ""),
        (860.0, "860", "公里", ""),
    ]


def test_a_count_of_models_is_a_count_not_a_class_label():
    assert _figures("首台套推广目录收录装备不少于120个型号。") == [(120.0, "120", "个", "不少于")]
    assert _figures("建设3个10万吨级泊位。") == [(3.0, "3", "个", "")]  # 级 still blocks


# --- change: level or increment ----------------------------------------------------------------


def test_more_or_less_than_last_year_is_an_increase_or_a_fall(extract):
    text = (
        "江州市2025年国民经济和社会发展统计公报\n\n"
        "全年城镇新增就业12.5万人，比上年多0.8万人。年末户籍人口520万人，比上年末少3.2万人。\n"
    )
    changes = {r.value: r.change for r in extract(text, "bulletin.txt")}
    assert changes[0.8] == "增加"
    assert changes[3.2] == "减少"
    assert changes[520] == ""  # the level itself


def test_a_count_of_things_that_grew_is_a_level(extract):
    text = (
        "江州市2025年国民经济和社会发展统计公报\n\n"
        "全市36个工业行业大类中有27个行业增加值保持增长。"
        "全年高新技术企业增长120家。\n"
    )
    changes = {r.value: r.change for r in extract(text, "bulletin.txt")}
    assert changes[27] == changes[36] == ""  # the industries grew; 27 is how many did
    assert changes[120] == "增长"  # a count the verb before it governs is an increment


def test_the_customs_and_the_bulletins_words_for_trade_and_foreign_investment(table):
    # 货物贸易进出口总值 (the customs' word) is the trade total; 实际使用外商直接投资金额 the
    # foreign investment actually used, as their shorter forms are
    assert table.canonical("货物贸易进出口总值") == "外贸进出口总额"
    assert table.canonical("实际使用外商直接投资金额") == "实际使用外资"
    assert table.canonical("实际使用外资金额") == "实际使用外资"
