"""One table of magnitudes (``bot.targets.magnitudes.MAGNITUDE_SIZES``) serves the
extractor's multipliers, :func:`without_magnitude` and the English figure: the tables
derived from it are the ones each used to write out, and the English figure still
refuses a magnitude a record's unit does not keep (千万元) rather than misread it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.digest.english import _MAGNITUDE, _NUMBER_RE, figure
from bot.targets.numbers.units import (
    _MAG_ALT,
    _MAGNITUDES,
    KEPT_MAGNITUDES,
    MAGNITUDE_SIZES,
    without_magnitude,
)


def test_the_extractors_multipliers_come_from_the_sizes():
    assert _MAGNITUDES == {
        "万亿": (1, "万亿"),
        "千亿": (1000, "亿"),
        "百亿": (100, "亿"),
        "十亿": (10, "亿"),
        "亿": (1, "亿"),
        "千万": (1000, "万"),
        "百万": (100, "万"),
        "十万": (10, "万"),
        "万": (1, "万"),
        "千": (1000, ""),
    }
    # the order the patterns try them in: longer before shorter
    assert _MAG_ALT == "万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千(?!瓦|米|克|公顷|伏安)"


def test_every_magnitude_is_its_kept_one_times_its_multiplier():
    for written, (multiplier, kept) in _MAGNITUDES.items():
        assert MAGNITUDE_SIZES[written] == multiplier * MAGNITUDE_SIZES.get(kept, 1)


def test_the_english_figure_reads_the_kept_magnitudes_by_their_sizes():
    assert {mag: Decimal(MAGNITUDE_SIZES[mag]) for mag in KEPT_MAGNITUDES} == _MAGNITUDE
    assert _MAGNITUDE["万亿"] == Decimal(10) ** 12
    assert _NUMBER_RE.fullmatch("4.4万亿")["mag"] == "万亿"


@pytest.mark.parametrize(
    ("value", "unit", "said"),
    [
        ("4.4", "万亿元", "4.4 trillion yuan"),
        ("85", "万人", "850,000 people"),
        ("673.9亿", "亿元", "67.39 billion yuan"),
        ("500", "千瓦", "500 kW"),
        ("3", "千万元", None),  # without_magnitude reads it as 元; said, it would be misread
        ("2", "百万吨", None),
    ],
)
def test_the_english_figure_refuses_what_it_cannot_say_whole(value, unit, said):
    assert figure(value, unit) == said


def test_without_magnitude_strips_every_written_magnitude_but_a_units_own_qian():
    assert [without_magnitude(m + "元") for m in MAGNITUDE_SIZES] == ["元"] * len(MAGNITUDE_SIZES)
    assert without_magnitude("千瓦") == "千瓦"
    assert without_magnitude("万千瓦") == "千瓦"
