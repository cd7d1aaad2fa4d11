"""The registry of the passes over a sentence's named figures (bot.targets.naming.passes)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections import Counter

import bot.targets.naming as naming
import bot.targets.naming.passes as passes_module
from bot.targets.naming import NamingContext, name_figures
from bot.targets.naming.passes import AFTER_PAIRS, PASSES, Sentence, run_passes
from bot.targets.naming.respective import respective_pairs, respective_rates
from bot.targets.numbers import find_figures


def _sentence_passes() -> set[str]:
    """Public functions of the naming modules shaped as a pass: they take the named
    figures (``named: list[Named]``) and give them back."""
    found = set()
    for info in pkgutil.iter_modules(naming.__path__):
        if info.name == "passes":
            continue
        module = importlib.import_module(f"{naming.__name__}.{info.name}")
        for name, f in vars(module).items():
            if name.startswith("_") or not inspect.isfunction(f) or f.__module__ != module.__name__:
                continue
            sig = inspect.signature(f)
            if "named" in sig.parameters and sig.return_annotation == "list[Named]":
                found.add(f"{f.__module__}.{name}")
    return found


def test_every_sentence_pass_of_the_naming_package_is_registered_once():
    registered = Counter(
        f"{p.__wrapped__.__module__}.{p.__wrapped__.__name__}" for p in PASSES + AFTER_PAIRS
    )
    assert [name for name, n in registered.items() if n > 1] == []
    assert set(registered) == _sentence_passes()


def _named(sentence: str, table):
    figures = list(find_figures(sentence))
    return name_figures(sentence, figures, table, NamingContext(bulletin=True, paragraph=sentence))


def test_the_respective_pairs_read_after_the_passes_are_those_the_rates_were_given(table):
    # the extractor reads the 分别 pairs after respective_rates (the last of PASSES): it
    # must leave the levels and the figures' places as they were
    sentence = "全年棉花产量3.4万吨，油料产量12.7万吨，分别下降1.6%和增长2.9%。"
    named = _named(sentence, table)
    pairs = respective_pairs(sentence, named)
    assert pairs == [(2, 0), (3, 1)]
    assert respective_pairs(sentence, respective_rates(sentence, named)) == pairs
    got = run_passes(PASSES, Sentence(sentence, table), named)
    assert respective_pairs(sentence, got) == pairs
    assert [n.indicator for n in got] == ["棉花产量", "油料产量", "棉花产量", "油料产量"]


def _stepwise(passes, sentence: Sentence, named):
    for step in passes:
        named = step(sentence, named)
    return named


def test_run_passes_calls_each_pass_as_its_adapter_would(table, monkeypatch):
    calls: list[tuple] = []

    def recorder(tag: str):
        def f(*args):
            calls.append((tag, *args))
            return list(next(a for a in args if isinstance(a, list)))

        return f

    def whole(s: Sentence, named):
        calls.append(("sentence", s, named))
        return list(named)

    steps = (
        passes_module._text(recorder("text")),
        passes_module._text_table(recorder("text_table")),
        passes_module._figures(recorder("figures")),
        passes_module._figures_table(recorder("figures_table")),
        whole,
    )
    said = Sentence("城区新建公园3个，改造绿道12公里。", table, plain="绿化", heading="二、生态")
    named = _named(said.text, table)
    stepwise = _stepwise(steps, said, named)
    expected, calls[:] = list(calls), []
    monkeypatch.setitem(passes_module._PLANS, id(steps), passes_module._planned(steps))
    assert run_passes(steps, said, named) == stepwise
    assert calls == expected
    assert [c[0] for c in calls] == ["text", "text_table", "figures", "figures_table", "sentence"]
    assert calls[1][1:] == (said.text, named, table)
    assert calls[4][1] is said


def test_the_extractor_passes_are_planned_and_give_what_their_steps_give(table):
    assert all(passes_module._PLANS[id(p)][0] is p for p in (PASSES, AFTER_PAIRS))
    for text in ("全年棉花产量3.4万吨，油料产量12.7万吨，分别下降1.6%和增长2.9%。",
                 "新增外资企业320家，增长6.2%，其中制造业企业45家。"):  # fmt: skip
        said = Sentence(text, table)
        named = _named(text, table)
        assert run_passes(PASSES, said, list(named)) == _stepwise(PASSES, said, list(named))
        assert run_passes(AFTER_PAIRS, said, list(named)) == _stepwise(
            AFTER_PAIRS, said, list(named)
        )
