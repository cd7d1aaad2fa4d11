"""Bounded cost (issue 14, #1): a search's correction and planning stay within a work
budget, counted inside the algorithm, and degrade to "searched as typed" with a note.

The assertions are on the work counted (spans tried, candidates scored, passages read,
words planned), never on wall time; time is a fake clock where it matters."""

from __future__ import annotations

import itertools
import json

import pytest

from bench.adversary import adversarial_messages
from bot.config import PROJECT_ROOT
from bot.search.budget import UNLIMITED, Budget, Limits
from handlers import format as fmt

TYPOS = PROJECT_ROOT / "tests" / "data" / "typos.jsonl"


def _codes(resp) -> list[str]:
    return [n.code for n in resp.notes]


def _within(budget: Budget) -> bool:
    return all(budget.used[k] <= getattr(budget.limits, k) for k in budget.used)


@pytest.fixture(scope="module")
def worst(bundled_engine) -> list[str]:
    """Messages of different homophone typos of the corpus's words, run together."""
    terms = bundled_engine.searcher.lexicon.terms
    return [
        *adversarial_messages(terms, count=3, chars=200),
        *adversarial_messages(terms, count=3, chars=40, seed=3),
    ]


@pytest.mark.heavy
def test_worst_case_messages_stay_within_the_budget(bundled_engine, worst):
    searcher = bundled_engine.searcher
    for text in worst:
        searcher.clear_memo()
        unbounded = Budget(UNLIMITED)
        bundled_engine.search(text, budget=unbounded)
        # what the message would cost: far more than one request may spend
        assert unbounded.used["spans"] > 2 * Limits().spans, text
        searcher.clear_memo()
        # the engine's limits, as a request gets them: the suite's wall-time backstop is
        # a minute (tests/conftest.py), so a loaded machine cannot run out of time first
        budget = Budget(searcher.limits)
        assert budget.limits.seconds > Limits().seconds
        resp = bundled_engine.search(text, budget=budget)
        assert _within(budget), budget.used
        assert budget.exhausted in ("words", "spans", "scored", "passages")
        assert "correction_skipped" in _codes(resp)
        assert not resp.corrections  # searched as typed


def test_a_repeated_typo_costs_no_more_than_a_few(bundled_engine):
    """The issue's message: one four-character homophone typo fifty times (200 chars)
    costs what six of them do: a text near the same words is tried once."""
    used = {}
    for times in (6, 50):
        bundled_engine.searcher.clear_memo()
        # The counters are what is measured; the wall-clock backstop (0.5 s) is left out,
        # as a loaded machine can spend it on a 200-character query and stop correcting.
        budget = Budget(Limits(seconds=1e9))
        resp = bundled_engine.search("乡村振星" * times, budget=budget)
        assert resp.corrections and "乡村振兴" in resp.corrections[0].corrected
        assert budget.exhausted is None and "correction_skipped" not in _codes(resp)
        used[times] = budget.used
    assert used[50]["spans"] <= used[6]["spans"] < Limits().spans
    assert used[50]["scored"] <= used[6]["scored"]


def test_long_messages_search_only_the_first_words(bundled_engine):
    text = "".join(adversarial_messages(bundled_engine.searcher.lexicon.terms, count=5))
    budget = Budget(Limits(words=10))
    resp = bundled_engine.search(text, budget=budget)
    assert budget.used["words"] == 10
    assert {"too_many_words", "correction_skipped"} <= set(_codes(resp))
    note = next(n for n in resp.notes if n.code == "too_many_words")
    assert dict(note.params) == {"max_words": 10}


def test_running_out_of_time_searches_as_typed(bundled_engine):
    """Time is charged on the way: a clock that moves 0.1 s per look runs out at the
    fifth, wherever the correction is; the words typed are still searched."""
    ticks = itertools.count()
    budget = Budget(Limits(seconds=0.45), clock=lambda: next(ticks) * 0.1)
    bundled_engine.searcher.clear_memo()
    resp = bundled_engine.search("乡村振星 乡村振兴", budget=budget)
    assert budget.exhausted == "seconds"
    assert "correction_skipped" in _codes(resp)
    assert not resp.corrections and resp.hits
    assert all("乡村振兴" in h.text for h in resp.hits[:3])


def test_a_plan_cut_short_is_not_remembered(bundled_engine):
    bundled_engine.searcher.clear_memo()
    cut = bundled_engine.search("乡村振星", budget=Budget(Limits(scored=5)))
    assert not cut.corrections and "correction_skipped" in _codes(cut)
    again = bundled_engine.search("乡村振星")
    assert [c.corrected for c in again.corrections] == ["乡村振兴"]
    assert not again.notes


def test_ordinary_typos_fit_the_default_budget(bundled_engine):
    """Every typo of the evaluation set is corrected within the default budget (the
    budget changes nothing for ordinary queries)."""
    rows = [json.loads(line) for line in TYPOS.read_text(encoding="utf-8").splitlines() if line]
    for row in rows:
        bundled_engine.searcher.clear_memo()
        budget = Budget(clock=lambda: 0.0)  # work counted, time not
        resp = bundled_engine.search(row["typo"], budget=budget)
        assert budget.exhausted is None and not resp.notes, (row, budget.used)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_budget_notes_are_said_in_the_users_language(bundled_engine, lang):
    budget = Budget(Limits(words=3))
    resp = bundled_engine.search("高新计术企业乡村振兴营商环境数字经济", budget=budget)
    html, _ = fmt.search_page(resp, key="k", lang=lang)
    expected = {
        "zh": ("只搜索了前 3 个词", "未做错别字纠正"),
        "en": ("Only the first 3 words were searched", "searched as typed"),
    }[lang]
    for text in expected:
        assert text in html


def test_the_time_budget_comes_from_the_settings(tmp_path):
    """``search_time_budget_seconds`` is the searcher's wall-time backstop (the suite
    raises it through the environment so a loaded machine cannot change a reply)."""
    from tests.conftest import engine_over

    engine = engine_over(
        tmp_path,
        {"a.txt": "推进乡村振兴，粮食产量稳定在1.3万亿斤以上。"},
        search_time_budget_seconds=0.25,
    )
    assert engine.searcher.limits.seconds == 0.25
    assert engine.searcher.limits.spans == Limits().spans
