"""Document metadata from the text alone, gated on ``tests/data/meta_gold.jsonl``.

Each sampled text is loaded as an upload would be (``doc.txt``, no sidecar); region,
level, year and type must stay at what ``bench/eval_meta.py`` measured on the sample
(less 0.01). A quarter of each kind of document is read, so the gate stays near a second;
``python -m bench.eval_meta`` scores them all.
"""

from __future__ import annotations

from collections import defaultdict

import pytest

from bench.eval_meta import EXTRA_FIELDS, FIELDS, ROOT, Outcome, accuracy, evaluate, load_gold

# measured on the sample below (meta-probes, 2026-12-07), less 0.01
FLOORS = {"region": 0.96, "level": 0.96, "year": 0.94, "type": 0.99}


def _sample() -> list[dict[str, object]]:
    by_kind: dict[str, list[dict[str, object]]] = defaultdict(list)
    for row in load_gold():
        by_kind[str(row["kind"])].append(row)
    return [row for rows in by_kind.values() for row in rows[::4]]


@pytest.fixture(scope="module")
def outcomes() -> list[Outcome]:
    return evaluate(_sample())


def test_the_sample_holds_every_kind_of_document() -> None:
    kinds = {row["kind"] for row in load_gold()}
    assert {row["kind"] for row in _sample()} == kinds
    assert len(_sample()) >= 60


@pytest.mark.parametrize("field", FIELDS)
def test_metadata_from_the_text_alone_keeps_its_floor(outcomes: list[Outcome], field: str) -> None:
    right, n = accuracy(outcomes, field)
    misses = [
        f"{o.gold['doc']}: {o.gold.get(field)!r} got {o.got.get(field)!r}"
        for o in outcomes
        if o.right(field) is False
    ]
    assert right / n >= FLOORS[field], "\n".join(misses)


def test_no_text_naming_no_place_gets_a_region_it_does_not_name(outcomes: list[Outcome]) -> None:
    # a wrong region files a document under another place: no region is the lesser fault
    spurious = [
        o.gold["doc"] for o in outcomes if o.gold["region"] is None and o.got["region"] is not None
    ]
    assert len(spurious) <= 1, spurious


# meta36: fifty heads and tails of documents of every level and kind, written for the lane
# (tests/data/meta_probes36: forty, then ten more after its rules); measured on all fifty,
# less 0.01
PROBES36 = ROOT / "tests" / "data" / "meta_probes36"
FLOORS36 = {
    "region": 0.99,
    "level": 0.99,
    "year": 0.99,
    "type": 0.94,
    "region_path": 0.99,
    "issuer": 0.88,
    "date": 0.96,
}


@pytest.fixture(scope="module")
def outcomes36() -> list[Outcome]:
    return evaluate(load_gold(PROBES36 / "gold.jsonl") + load_gold(PROBES36 / "gold_b.jsonl"))


@pytest.mark.parametrize("field", (*FIELDS, *EXTRA_FIELDS))
def test_first_sight_metadata_probes_keep_their_floor(
    outcomes36: list[Outcome], field: str
) -> None:
    right, n = accuracy(outcomes36, field)
    misses = [
        f"{o.gold['doc']}: {o.gold.get(field)!r} got {o.got.get(field)!r}"
        for o in outcomes36
        if o.right(field) is False
    ]
    assert n >= 35 and right / n >= FLOORS36[field], "\n".join(misses)
