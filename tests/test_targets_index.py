"""The held records' index by indicator name and region (``HeldRecords``): a look-up by
indicator or region, and a digest filter's regions, give the same records in the same
order as asking every record (the code before the index), on the bundled corpus and on
real documents of the dev split."""

from __future__ import annotations

import shutil

import pytest

from bot.config import PROJECT_ROOT
from bot.corpus.gazetteer import default_gazetteer
from bot.digest.filters import matches, parse_filter, record_in_region
from bot.library import Engine
from bot.targets.record_cache import HeldRecords
from tests.conftest import make_settings
from tests.factories import target_record

# two documents of the dev split (tests/data/real/docs.toml): a national work report and a
# city's statistical bulletin, many regions and indicators between them
REAL_DEV = ("national_china_2025_gwr.txt", "city_chengdu_2022_stat-bulletin.txt")
ABSENT = ("火星", "火星产量")


def test_select_keeps_document_order_and_asks_once_per_name_and_region():
    records = (
        target_record("地区生产总值", region="山东"),
        target_record("粮食产量", region="烟台"),
        target_record("地区生产总值", region="烟台"),
        target_record("城镇新增就业", region="山东"),
    )
    held = HeldRecords.of(records)
    asked: list[str] = []

    def gdp(name: str) -> bool:
        asked.append(name)
        return name == "地区生产总值"

    assert held.select(gdp) == (records[0], records[2])
    assert sorted(asked) == sorted({"城镇新增就业", "地区生产总值", "粮食产量"})  # once each
    assert held.select(gdp, lambda region: region == "烟台") == (records[2],)
    assert held.select(None, lambda region: region == "烟台") == (records[1], records[2])
    assert held.select(lambda name: False) == ()
    assert held.select() == records


@pytest.fixture(scope="module")
def real_engine(tmp_path_factory) -> Engine:
    corpus = tmp_path_factory.mktemp("real-dev")
    for name in REAL_DEV:
        shutil.copy(PROJECT_ROOT / "tests" / "data" / "real" / "docs" / name, corpus / name)
    return Engine.open(make_settings(corpus, tmp_path_factory.mktemp("data")))


def every_record(engine: Engine):
    for info in engine.index.docs:
        for record in engine.target_store.load(info.doc_id):
            yield info, record


def scanned(engine: Engine, *, indicator=None, region=None, kind=None):
    """iter_targets as it was: every record asked."""
    wanted = engine.indicator_matcher(indicator) if indicator else None
    gazetteer = default_gazetteer()
    return [
        (info.doc_id, record)
        for info, record in every_record(engine)
        if not (kind and kind != "all" and record.kind != kind)
        and not (wanted and not wanted(record.indicator))
        and not (region and not record_in_region(region, record, info, gazetteer))
    ]


def filtered(engine: Engine, text: str):
    """_passing as it was: matches() asked of every record."""
    flt = parse_filter(text)
    gazetteer = default_gazetteer()
    synonyms, table = engine.searcher.synonyms, engine.indicator_table
    return [
        (info.doc_id, record)
        for info, record in every_record(engine)
        if matches(record, info, flt, synonyms, table=table, gazetteer=gazetteer)
    ]


def questions(engine: Engine) -> tuple[list[str], list[str]]:
    names = sorted({r.indicator for _, r in every_record(engine)})
    regions = {r.region for _, r in every_record(engine) if r.region}
    regions |= {d.region for d in engine.index.docs if d.region}
    regions |= {p for d in engine.index.docs for p in d.region_path}
    return [*names[::3], "GDP", "CPI", "就业", *ABSENT], [*sorted(regions), "全国", *ABSENT]


@pytest.mark.parametrize("which", ["bundled", "real dev"])
def test_the_index_gives_the_records_a_scan_of_every_record_gives(
    which, bundled_engine, real_engine
):
    engine = bundled_engine if which == "bundled" else real_engine
    names, regions = questions(engine)
    assert len(names) > 10 and len(regions) > 3

    def got(**asked):
        return [(t.doc_id, t.record) for t in engine.iter_targets(**asked)]

    found = 0
    for name in names:
        expected = scanned(engine, indicator=name)
        assert got(indicator=name) == expected, name
        found += bool(expected)
    for region in regions:
        expected = scanned(engine, region=region)
        assert got(region=region) == expected, region
        assert got(region=region, kind="target") == scanned(engine, region=region, kind="target")
        found += bool(expected)
        for name in ("GDP", names[0], ABSENT[1]):
            both = scanned(engine, indicator=name, region=region)
            assert got(indicator=name, region=region) == both, (name, region)
        for text in (f"region:{region}", f"region:{region} kind:all confidence:all GDP"):
            rows = [(t.doc_id, t.record) for t in engine._passing(parse_filter(text))]
            assert rows == filtered(engine, text), text
            assert engine.filter_matches_any(text) == bool(rows)
    assert found > 5  # not only empty answers compared
    assert got() == scanned(engine)
