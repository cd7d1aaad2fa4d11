"""A value condition on key targets (``/compare GDP 2026 >5``, ``高于5%``, ``above 5%``):
read from what a user typed (invented inputs), said back, applied to the records by the
engine and by the command line. The chat side is in ``tests/test_trial_left11_e2e.py``."""

from __future__ import annotations

import json

import pytest

from bot.targets.conditions import (
    ConditionError,
    ValueCondition,
    condition_in,
    condition_text,
    split_condition,
)
from tests.test_analytics_cli import run  # noqa: F401  (the module's CLI over dev reports)


@pytest.mark.parametrize(
    ("typed", "rest", "condition"),
    [
        ("GDP 2026 >5", "GDP 2026", (">", 5.0, "")),
        ("GDP >=5%", "GDP", (">=", 5.0, "%")),
        ("GDP ≥ 5.5%", "GDP", (">=", 5.5, "%")),
        ("GDP ＞５％", "GDP", (">", 5.0, "%")),  # a phone's full-width keyboard
        ("GDP 高于5%", "GDP", (">", 5.0, "%")),
        ("GDP 高于 5%", "GDP", (">", 5.0, "%")),
        ("GDP增长目标高于5%", "GDP增长目标", (">", 5.0, "%")),
        ("GDP 不低于5%", "GDP", (">=", 5.0, "%")),  # not 低于
        ("赤字率 不超过3%", "赤字率", ("<=", 3.0, "%")),
        ("赤字率 低于3", "赤字率", ("<", 3.0, "")),
        ("GDP 6%以上", "GDP", (">=", 6.0, "%")),
        ("专项债 4万亿元以下", "专项债", ("<=", 4.0, "万亿元")),
        ("GDP above 5%", "GDP", (">", 5.0, "%")),
        ("GDP above 5 percent", "GDP", (">", 5.0, "%")),
        ("GDP at least 5", "GDP", (">=", 5.0, "")),
        ("CPI Below 3%", "CPI", ("<", 3.0, "%")),
        ("GDP 2026", "GDP 2026", None),
        ("增速高于全国", "增速高于全国", None),  # no number: a word like any
        ("turnover over", "turnover over", None),  # over with no number: a word
    ],
)
def test_a_typed_condition_is_read_and_taken_out(typed, rest, condition) -> None:
    words, found = split_condition(typed.split())
    assert " ".join(words) == rest
    assert (None if found is None else (found.op, found.value, found.unit)) == condition


@pytest.mark.parametrize(
    ("typed", "code", "said"),
    [
        ("GDP >", "condition.malformed", ">"),
        ("GDP >abc", "condition.malformed", ">abc"),
        ("GDP 高于", "condition.malformed", "高于"),
        ("GDP 不低于 很多", "condition.malformed", "不低于 很多"),
        ("GDP above", "condition.malformed", "above"),
        ("GDP at least five", "condition.malformed", "at least five"),
        ("GDP >>5", "condition.malformed", ">>5"),
        ("GDP >5 <8", "condition.two", "<8"),
    ],
)
def test_a_malformed_condition_is_refused_with_what_was_typed(typed, code, said) -> None:
    with pytest.raises(ConditionError) as caught:
        split_condition(typed.split())
    assert caught.value.code == code and caught.value.params == {"typed": said}


@pytest.mark.parametrize(
    ("op", "value", "value_max", "unit", "passes"),
    [
        (">", 5.5, None, "%", True),
        (">", 5.0, None, "%", False),  # 5% is not above 5%
        (">=", 5.0, None, "%", True),
        (">", 6.0, None, "亿元", False),  # another unit than the one typed
        (">", 4.5, 5.5, "%", False),  # a range only partly above
        (">", 5.5, 6.0, "%", True),
        ("<", 4.0, 5.0, "%", False),  # 4%-5% reaches 5%
        ("<=", 4.0, 5.0, "%", True),
        ("<=", 4.0, 4.5, "%", True),
        (">", None, None, "%", False),  # a hidden figure (x.x%) passes nothing
    ],
)
def test_a_figure_passes_when_all_of_it_does(op, value, value_max, unit, passes) -> None:
    assert ValueCondition(op, 5.0, "%").passes(value, value_max, unit) is passes


@pytest.mark.parametrize(
    ("condition", "value", "value_max", "unit", "passes"),
    [
        # more than 1 million jobs, as an analyst types it, against a work report's 万人
        (ValueCondition(">", 1_000_000.0, "人"), 1200.0, None, "万人", True),
        (ValueCondition(">", 1_000_000.0, "人"), 85.0, None, "万人", False),
        (ValueCondition(">=", 100.0, "万人"), 1_000_000.0, None, "人", True),
        # special bonds in 亿元 against 万亿元, and a range converted whole
        (ValueCondition(">", 10_000.0, "亿元"), 4.4, None, "万亿元", True),
        (ValueCondition("<=", 44_000.0, "亿元"), 4.4, None, "万亿元", True),
        (ValueCondition(">", 1.0, "万亿元"), 8_000.0, 12_000.0, "亿元", False),
        (ValueCondition(">", 500.0, "万吨"), 6.5, None, "亿元", False),  # another measure
        (ValueCondition(">", 1_000_000.0, "人"), 1200.0, None, "%", False),
    ],
)
def test_a_unit_in_another_multiple_is_converted(condition, value, value_max, unit, passes):
    assert condition.passes(value, value_max, unit) is passes


def test_a_condition_without_a_unit_takes_any_unit() -> None:
    assert ValueCondition(">", 5.0).passes(6.0, None, "万亿元")


def test_the_condition_is_said_back_in_both_languages() -> None:
    condition = ValueCondition(">=", 5.0, "%")
    assert condition_text(condition, "zh") == "不低于 5%"
    assert condition_text(condition, "en") == "at least 5%"
    assert condition.typed == ">=5%"
    assert condition_text(ValueCondition("<", 3.5), "zh") == "低于 3.5"


@pytest.mark.parametrize(
    ("question", "typed"),
    [
        ("哪些省份GDP增长目标高于5%", ">5%"),
        ("哪些城市的外贸增速不低于6%", ">=6%"),
        ("which provinces set GDP growth above 5%", ">5%"),
        ("增长6%以上的省份有哪些", ">=6%"),
        ("各省GDP目标", None),
        ("GDP高于5%低于7%的省份", None),  # two: not one command's condition
    ],
)
def test_a_question_holding_a_condition(question, typed) -> None:
    found = condition_in(question)
    assert (found.typed if found else None) == typed


# -- the command line over dev reports (tests/test_analytics_cli.py's library) ------------
def _regions(result) -> dict[str, str]:
    assert result.exit_code == 0, result.output
    return {row["region"]: row["target"] for row in json.loads(result.stdout)}


def test_compare_year_keeps_the_regions_whose_target_passes(run) -> None:  # noqa: F811
    every = _regions(run("compare", "GDP", "--year", "2026", "--json"))
    assert len([t for t in every.values() if t]) >= 2  # else the filter shows nothing
    above = _regions(run("compare", "GDP", "--year", "2026", "--value", ">=5.5%", "--json"))
    typed = _regions(run("compare", "GDP >=5.5%", "--year", "2026", "--json"))
    assert above == typed and above
    assert set(above) < set(every)
    for region, target in every.items():
        wanted = bool(target) and float(target.split("增长")[-1].split("%")[0]) >= 5.5
        assert (region in above) is wanted, (region, target)


def test_compare_says_a_condition_nothing_passes_and_refuses_a_malformed_one(run) -> None:  # noqa: F811
    result = run("compare", "GDP", "--year", "2026", "--value", "高于50%")
    assert result.exit_code == 1 and "没有满足条件“高于 50%”" in result.output
    result = run("compare", "GDP", "--value", "高于")
    assert result.exit_code == 2 and "高于" in result.output


def test_targets_keeps_the_records_that_pass(run) -> None:  # noqa: F811
    result = run("targets", "GDP", "2026", "--json")
    every = json.loads(result.stdout)
    result = run("targets", "GDP", "2026", "at", "least", "5.5%", "--json")
    above = json.loads(result.stdout)
    wanted = [r for r in every if r["value"] is not None and r["value"] >= 5.5 and r["unit"] == "%"]
    assert above == wanted and above
    result = run("targets", "GDP", "2026", "高于5.5%", "--json")
    assert len(json.loads(result.stdout)) < len(above)  # 5.5% is not above 5.5%
