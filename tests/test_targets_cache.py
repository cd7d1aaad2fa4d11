"""Key-target records held in memory per document (``bot.targets.record_cache``): a
second look-up reads no file, a file written again (by this store, another store or
another process) or removed is never served from memory, callers cannot change what is
held, and what is held stays under its bound. Reads are counted through
``bot.targets.store.load_targets``, never timed."""

from __future__ import annotations

import dataclasses
import os

import pytest

from bot.targets import store as store_module
from bot.targets.record_cache import RecordCache
from bot.targets.store import TargetStore, save_targets, targets_path
from tests.conftest import engine_over
from tests.factories import target_record


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The document ids whose records file is read, in order."""
    seen: list[str] = []
    real = store_module.load_targets

    def counting(cache_dir, doc_id):
        seen.append(doc_id)
        return real(cache_dir, doc_id)

    monkeypatch.setattr(store_module, "load_targets", counting)
    return seen


def _store(tmp_path) -> TargetStore:
    return TargetStore(tmp_path, tmp_path / "no-indicators.toml")


def test_a_second_look_up_reads_no_file(tmp_path, reads):
    save_targets(tmp_path, "a", [target_record(value=5.5), target_record(value=6.0)])
    store = _store(tmp_path)
    first = store.load("a")
    second = store.load("a")
    assert [r.value for r in second] == [5.5, 6.0]
    assert second == first
    assert reads == ["a"]


def test_callers_cannot_change_what_is_held(tmp_path, reads):
    save_targets(tmp_path, "a", [target_record(value=5.5)])
    store = _store(tmp_path)
    store.load("a")
    got = store.load("a")
    got.clear()
    with pytest.raises(dataclasses.FrozenInstanceError):
        store.load("a")[0].value = 9.0  # type: ignore[misc]
    assert [r.value for r in store.load("a")] == [5.5]
    assert reads == ["a"]


def test_records_written_by_another_store_are_read_afresh(tmp_path, reads):
    save_targets(tmp_path, "a", [target_record(value=5.5)])
    store = _store(tmp_path)
    assert [r.value for r in store.load("a")] == [5.5]
    # Another process re-extracts the document: same size, mtime put back as it was.
    before = targets_path(tmp_path, "a").stat()
    save_targets(tmp_path, "a", [target_record(value=6.5)])
    os.utime(targets_path(tmp_path, "a"), ns=(before.st_atime_ns, before.st_mtime_ns))
    assert [r.value for r in store.load("a")] == [6.5]
    assert reads == ["a", "a"]


def test_records_removed_by_another_store_are_gone(tmp_path):
    save_targets(tmp_path, "a", [target_record()])
    store = _store(tmp_path)
    assert store.load("a")
    _store(tmp_path).remove("a")
    assert store.load("a") == []
    assert store._records.held == 0


def test_a_damaged_file_is_not_held(tmp_path, reads):
    targets_path(tmp_path, "a").write_text("not json", encoding="utf-8")
    store = _store(tmp_path)
    assert store.load("a") == []
    save_targets(tmp_path, "a", [target_record(value=7.0)])
    assert [r.value for r in store.load("a")] == [7.0]


def test_the_least_recently_read_documents_are_dropped_past_the_bound():
    cache = RecordCache(max_records=3)
    two = (target_record(), target_record())
    cache.put("a", (1, 1, 1, 1), two)
    cache.put("b", (2, 1, 1, 1), (target_record(),))
    assert cache.get("a", (1, 1, 1, 1)) == two  # a now read after b
    cache.put("c", (3, 1, 1, 1), (target_record(),))
    assert cache.held == 3
    assert cache.get("b", (2, 1, 1, 1)) is None
    assert cache.get("a", (1, 1, 1, 1)) == two
    cache.put("huge", (4, 1, 1, 1), (target_record(),) * 4)  # larger than the bound: not held
    assert cache.get("huge", (4, 1, 1, 1)) is None
    assert cache.held == 3


REPORT = "# 江州市政府工作报告\n\n2024年主要预期目标：地区生产总值增长{growth}左右。\n"


def _growths(engine) -> list[float | None]:
    return [t.record.value for t in engine.filter_targets("indicator:地区生产总值").rows]


def test_the_library_reads_each_document_once_and_serves_replacements_and_removals(tmp_path, reads):
    engine = engine_over(
        tmp_path,
        {"jz.md": REPORT.format(growth="5.5%"), "other.md": REPORT.format(growth="4%")},
    )
    assert sorted(_growths(engine)) == [4.0, 5.5]
    reads.clear()
    assert sorted(_growths(engine)) == [4.0, 5.5]
    assert not engine.filter_matches_any("region:火星")
    assert reads == []

    replaced = engine.add_upload("jz.md", REPORT.format(growth="6.5%").encode(), replace=True)
    assert replaced.status == "replaced", replaced
    assert sorted(_growths(engine)) == [4.0, 6.5]

    engine.remove_document("other.md")
    assert _growths(engine) == [6.5]
