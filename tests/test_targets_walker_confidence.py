"""_Walker.confidence: the table's names trusted at once, a low score left as it is."""

from __future__ import annotations

from dataclasses import replace

from bot.corpus.loader import load_document
from bot.targets.extract import _Walker
from bot.targets.naming import NamingContext, name_figures
from bot.targets.naming.confidence import name_confidence
from bot.targets.numbers import find_figures


def _walker(tmp_path, table) -> _Walker:
    path = tmp_path / "江州市2025年政府工作报告.txt"
    path.write_text("江州市2025年政府工作报告\n全市经济平稳运行。\n", encoding="utf-8")
    return _Walker(load_document(path, tmp_path, max_bytes=10**6, passage_max_chars=400), table)


def _named(sentence: str, table):
    figures = list(find_figures(sentence))
    return name_figures(sentence, figures, table, NamingContext(paragraph=sentence))


def test_a_name_the_table_knows_keeps_the_naming_rules_score(tmp_path, table) -> None:
    walker = _walker(tmp_path, table)
    sentence = "全市地区生产总值增长6.5%。"
    (named,) = _named(sentence, table)
    assert "地区生产总值" in table
    assert walker.confidence(named, "地区生产总值", sentence) == min(named.confidence, 1.0)
    low = replace(named, confidence=0.3)
    assert walker.confidence(low, "地区生产总值", sentence) == 0.3


def test_a_name_already_below_the_line_stays_where_it_is(tmp_path, table) -> None:
    walker = _walker(tmp_path, table)
    sentence = "全年产品中120万件。"
    (named,) = _named(sentence, table)
    assert name_confidence("产品中", table, named.figure, sentence) == 0.5  # cut short
    assert walker.confidence(replace(named, confidence=0.9), "产品中", sentence) == 0.5
    assert walker.confidence(replace(named, confidence=0.4), "产品中", sentence) == 0.4
