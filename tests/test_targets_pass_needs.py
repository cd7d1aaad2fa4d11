"""The needs the passes declare (bot.targets.naming.needs): each pass the dispatcher
skips would have changed nothing, and the dispatcher skips by them."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

import bot.targets.extract as extract_module
from bot.corpus.loader import load_document
from bot.targets import IndicatorTable, extract_targets
from bot.targets.naming.needs import chars_search, key_char, key_chars, needs
from bot.targets.naming.passes import AFTER_PAIRS, PASSES, run_passes, run_passes_checked

PROBES = Path(__file__).parent / "data" / "probes"
# probe sets of reports, bulletins, plans and speeches (about 0.1 MB, a second): every
# pass with declared needs meets sentences without them
_SETS = ("round16", "bulletins16", "round14")


@pytest.fixture(scope="module")
def table() -> IndicatorTable:
    return IndicatorTable.load()


def test_a_skipped_pass_changes_nothing_over_probe_documents(monkeypatch, table):
    monkeypatch.setattr(extract_module, "run_passes", run_passes_checked)
    docs = [
        load_document(p, p.parent, max_bytes=1 << 22, passage_max_chars=400)
        for name in _SETS
        for p in sorted((PROBES / name / "docs").iterdir())
        if p.suffix == ".txt"
    ]
    assert len(docs) >= 15
    checked = [r for d in docs for r in extract_targets(d, table)]
    monkeypatch.undo()
    # and the extractor's own dispatch gives the same records
    assert [r for d in docs for r in extract_targets(d, table)] == checked


def test_most_passes_declare_their_needs():
    declared = [
        p
        for p in PASSES + AFTER_PAIRS
        if getattr(p.__wrapped__, "needs_words", ())
        or (getattr(p.__wrapped__, "needs_figures", 1) > 1)
    ]
    assert len(declared) >= 50


def test_a_word_is_keyed_by_a_rare_character_of_it():
    assert key_char("吞吐量") == "吞"  # none common: the first
    assert key_char("实现投资") == "投"  # 实 and 现 are common, 投 is not
    assert key_char("发展") in "发展"  # both common: the rarer of the two
    assert key_chars(["分别", "分别占"]) == {"分"}


def test_the_search_finds_each_key_once_per_place():
    search = chars_search("吞占%")
    assert set(search("港口吞吐量占比5%")) == {"吞", "占", "%"}
    assert search("无关的句子") == []
    assert chars_search("")("任何") == []


def test_needs_refuses_an_empty_word():
    with pytest.raises(ValueError):
        needs("")


def test_the_dispatcher_skips_a_pass_whose_needs_are_unmet():
    calls: list[str] = []

    @needs("吞吐量")
    def port(sentence, named):
        calls.append(sentence)
        return named

    @needs(figures=2)
    def pair(sentence, named):
        calls.append("pair")
        return named

    from bot.targets.naming import passes as module

    stage = (module._text(port), module._text(pair))
    module._PLANS[id(stage)] = module._planned(stage)
    one = [SimpleNamespace(indicator="货物运输量", figure=SimpleNamespace(unit="亿吨"))]
    try:
        s = module.Sentence("全年货物运输量12亿吨", None)  # type: ignore[arg-type]
        assert run_passes(stage, s, one) == one  # type: ignore[arg-type]
        assert calls == []
        s = module.Sentence("港口货物吞吐量12亿吨", None)  # type: ignore[arg-type]
        run_passes(stage, s, one)  # type: ignore[arg-type]
        assert calls == ["港口货物吞吐量12亿吨"]  # one figure: no pair
        run_passes(stage, s, one * 2)  # type: ignore[arg-type]
        assert calls[1:] == ["港口货物吞吐量12亿吨", "pair"]
    finally:
        del module._PLANS[id(stage)]
