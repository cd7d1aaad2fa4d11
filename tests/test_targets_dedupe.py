"""A figure a document states twice (a sentence and a table row, or two sentences) is one
record to users."""

from __future__ import annotations

from pathlib import Path

from bot.corpus.loader import load_document
from bot.targets import extract_targets
from bot.targets.dedupe import one_per_figure
from bot.targets.indicators import default_table
from bot.targets.store import TargetStore
from tests.factories import target_record

INDICATORS = Path(__file__).parents[1] / "config" / "indicators.toml"
ROW = "地区生产总值\t5321.4\t4.6"
SAID = "全年实现地区生产总值5321.4亿元，比上年增长4.6%。"


def _gdp(sentence: str, indicator: str = "地区生产总值", **fields):
    base = {
        "value": 5321.4,
        "value_text": "5321.4",
        "unit": "亿元",
        "qualifier": "",
        "kind": "achievement",
        "year": "2023",
    }
    base.update(fields)
    return target_record(indicator, sentence=sentence, **base)


def test_the_table_copy_of_a_stated_figure_is_dropped_and_the_sentence_kept():
    said, row = _gdp(SAID), _gdp(ROW, change="")
    assert one_per_figure([said, row], default_table()) == [said]
    # whichever comes first in the document
    assert one_per_figure([row, said], default_table()) == [said]


def test_an_alias_of_the_same_family_is_the_same_figure():
    said, row = _gdp(SAID), _gdp(ROW, indicator="GDP")
    assert one_per_figure([said, row], default_table()) == [said]


def test_a_different_value_unit_year_region_or_kind_is_another_figure():
    said = _gdp(SAID)
    others = [
        _gdp(ROW, value=5321.5),
        _gdp(ROW, unit="万元"),
        _gdp(ROW, year="2022"),
        _gdp(ROW, region="青岛"),
        _gdp(ROW, kind="target"),
        _gdp(ROW, indicator="一般公共预算收入"),
    ]
    assert one_per_figure([said, *others], default_table()) == [said, *others]


def test_rows_repeating_rows_are_kept():
    """Two rows of one name and value are often two things whose headings were lost."""
    rows = [_gdp(ROW), _gdp(ROW)]
    assert one_per_figure(rows, default_table()) == rows


def test_a_sentence_repeating_a_sentences_figure_is_dropped_and_the_first_kept():
    """A report gives its target and repeats it when it explains it: one figure."""
    target = {"kind": "target", "year": "2027", "unit": "%", "value": 3.0, "qualifier": "左右"}
    first = target_record("居民消费价格涨幅", sentence="居民消费价格涨幅3%左右。", **target)
    again = target_record(
        "居民消费价格涨幅", sentence="把居民消费价格涨幅定为3%左右，考虑了……", **target
    )
    other = target_record("城镇调查失业率", sentence="城镇调查失业率5.5%左右。", **target)
    assert one_per_figure([first, other, again], default_table()) == [first, other]


def test_a_hidden_first_statement_gives_way_to_a_shown_repeat():
    hidden, shown = _gdp(SAID, confidence=0.3), _gdp("地区生产总值达到5321.4亿元。")
    assert one_per_figure([hidden, shown], default_table()) == [shown]
    both_hidden = _gdp("地区生产总值达到5321.4亿元。", confidence=0.3)
    assert one_per_figure([hidden, both_hidden], default_table()) == [hidden]


def test_a_fall_and_a_negative_column_are_one_figure_and_a_rise_another():
    """下降0.9% in the text, -0.9 under a 上涨 column: the same figure read alike."""
    fields = {"value_text": "0.9", "unit": "%", "indicator": "居民消费价格"}
    fell = _gdp("全年居民消费价格下降0.9%。", value=0.9, change="下降", **fields)
    column = _gdp("居民消费价格\t-0.9", value=-0.9, change="上涨", **fields)
    rose = _gdp("居民消费价格上涨0.9%。", value=0.9, change="上涨", **fields)
    assert one_per_figure([fell, column], default_table()) == [fell]
    assert one_per_figure([fell, rose], default_table()) == [fell, rose]


def test_figures_without_a_number_are_never_the_same():
    said = _gdp(SAID, value=None, masked=True)
    row = _gdp(ROW, value=None, masked=True)
    assert one_per_figure([said, row], default_table()) == [said, row]


def test_a_confident_row_is_not_dropped_for_a_hidden_sentence():
    said, row = _gdp(SAID, confidence=0.3), _gdp(ROW)
    assert one_per_figure([said, row], default_table()) == [said, row]
    hidden_row = _gdp(ROW, confidence=0.3)
    assert one_per_figure([said, hidden_row], default_table()) == [said]


BULLETIN = """沂河市2023年国民经济和社会发展统计公报

一、综合

全年实现地区生产总值5321.4亿元，比上年增长4.6%。

表1：2023年地区生产总值及其增长速度
指标\t2023年（亿元）\t比上年增长（%）
地区生产总值\t5321.4\t4.6

二、农业

全年粮食总产量38.2万吨。
"""


def test_the_store_keeps_one_record_per_figure_of_a_bulletin(tmp_path):
    path = tmp_path / "docs" / "bulletin.txt"
    path.parent.mkdir()
    path.write_text(BULLETIN, encoding="utf-8")
    doc = load_document(path, path.parent, max_bytes=10_000_000, passage_max_chars=400)
    extracted = extract_targets(doc)
    table_rows = [r for r in extracted if "\t" in r.sentence]
    assert {r.value for r in table_rows} >= {5321.4, 4.6}  # the extractor reads both

    (tmp_path / "cache").mkdir()
    store = TargetStore(tmp_path / "cache", INDICATORS)
    store.derive(doc)
    seen = store.load(doc.doc_id)
    gdp = [(r.value, r.sentence) for r in seen if r.value in (5321.4, 4.6)]
    assert sorted(gdp) == [
        (4.6, "全年实现地区生产总值5321.4亿元，比上年增长4.6%。"),
        (5321.4, "全年实现地区生产总值5321.4亿元，比上年增长4.6%。"),
    ]
    assert len(seen) == len(extracted) - len([r for r in table_rows if r.value in (5321.4, 4.6)])


def test_records_stored_before_the_rule_are_served_once_per_figure(tmp_path):
    """An index extracted by an older version holds both copies: served once all the same,
    the file left as the extractor wrote it."""
    from bot.targets.store import load_targets, save_targets

    said, row = _gdp(SAID), _gdp(ROW, change="")
    save_targets(tmp_path, "old", [row, said])
    store = TargetStore(tmp_path, INDICATORS)
    assert store.load("old") == [said]
    assert load_targets(tmp_path, "old") == [row, said]


def test_two_parts_of_a_year_are_two_figures_of_one_year():
    """一季度 and 上半年 growth of one story: the record's year does not tell them apart."""
    fields = {"value": 5.3, "value_text": "5.3", "unit": "%", "change": "增长"}
    first = _gdp("一季度，全市地区生产总值同比增长5.3%。", **fields)
    half = _gdp("上半年，全市地区生产总值同比增长5.3%，增速比一季度持平。", **fields)
    again = _gdp("初步核算，上半年全市地区生产总值增长5.3%。", **fields)
    assert one_per_figure([first, half, again], default_table()) == [first, half]


def test_a_headline_without_its_part_of_the_year_is_the_part_its_twin_names():
    fields = {"value": 5.8, "value_text": "5.8", "unit": "%", "change": "增长"}
    headline = _gdp("全省地区生产总值同比增长5.8%", **fields)
    body = _gdp("前三季度，全省地区生产总值同比增长5.8%。", **fields)
    half = _gdp("上半年，全省地区生产总值同比增长5.8%。", **fields)
    assert one_per_figure([headline, body, half], default_table()) == [headline, half]
