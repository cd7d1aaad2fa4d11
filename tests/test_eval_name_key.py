"""Every target scorer compares names through one key (GOLD_GUIDELINES 6.8.28): the
marks that set a term off (quotation and book-title marks, bracket characters) are no
part of a name, so a gold written with them and the extractor's name without score
the same in the figure key of probe and bundled sets and in real-gold naming."""

from __future__ import annotations

from bench.eval_targets import name_key, score
from bench.real_gold import name_close, name_matches


def record(indicator: str, value: float = 312) -> dict:
    return {
        "doc": "invented_2031.txt",
        "kind": "achievement",
        "indicator": indicator,
        "value": value,
        "unit": "个",
    }


def test_the_name_key_drops_the_marks_and_keeps_the_words():
    assert name_key("“两重”建设项目") == "两重建设项目"
    assert name_key("国家级专精特新‘小巨人’企业") == "国家级专精特新小巨人企业"
    assert name_key("《纲要》主要指标") == "纲要主要指标"
    assert name_key("中欧班列（长沙）") == "中欧班列长沙"
    assert name_key("两重 建设项目") == "两重建设项目"


def test_a_quoted_gold_name_matches_the_name_without_quotes_in_the_figure_key():
    report = score([record("两重建设项目")], [record("“两重”建设项目")])
    assert (report.total.tp, report.false_positives, report.false_negatives) == (1, [], [])
    # the words still count: another name is another record
    other = score([record("两新建设项目")], [record("“两重”建设项目")])
    assert other.total.tp == 0


def test_real_gold_naming_uses_the_same_key():
    gold = {"indicator": "“两重”建设项目"}
    assert name_matches("两重建设项目", gold, lambda _n: None)
    assert name_close("两重建设项目", gold, lambda _n: None)
    assert not name_matches("两重项目", gold, lambda _n: None)
