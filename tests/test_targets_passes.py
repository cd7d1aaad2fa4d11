"""The registry of the passes over a sentence's named figures (bot.targets.naming.passes)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections import Counter

import bot.targets.naming as naming
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
