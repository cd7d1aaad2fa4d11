"""Persisted index: automatic refresh, incremental updates, rebuild triggers, bad files."""

from __future__ import annotations

import os
import shutil

from bot.library import Engine, make_indexer
from tests.conftest import BUNDLED_CORPUS, make_settings

NEW_DOC = "# 测试市2025年政府工作报告\n\n一、2025年主要目标\n\n全市量子通信产业规模达到100亿元。\n"


def _cache_mtimes(settings) -> dict[str, int]:
    docs = settings.index_dir / "docs"
    return {p.name: p.stat().st_mtime_ns for p in docs.glob("*.npz")}


def test_first_open_indexes_and_second_open_reuses(corpus_copy, tmp_path):
    settings = make_settings(corpus_copy, tmp_path / "data")
    first = Engine.open(settings)
    assert first.last_refresh is not None and len(first.last_refresh.added) == 5
    second = Engine.open(settings)
    assert second.last_refresh is None  # fresh: nothing re-read, nothing re-segmented
    assert second.search("乡村振兴").total == first.search("乡村振兴").total


def test_adding_a_document_segments_only_that_document(corpus_copy, tmp_path):
    settings = make_settings(corpus_copy, tmp_path / "data")
    Engine.open(settings)
    before = _cache_mtimes(settings)
    (corpus_copy / "new.md").write_text(NEW_DOC, encoding="utf-8")
    engine = Engine.open(settings)
    report = engine.last_refresh
    assert report.added == ("new.md",) and not report.updated and report.unchanged == 5
    after = _cache_mtimes(settings)
    assert {k: after[k] for k in before} == before  # other documents untouched
    assert len(after) == 6
    hits = engine.search("量子通信").hits
    assert hits and hits[0].filename == "new.md"
    assert hits[0].section == ("测试市2025年政府工作报告", "一、2025年主要目标")


def test_changed_and_removed_documents_are_reflected(corpus_copy, tmp_path):
    settings = make_settings(corpus_copy, tmp_path / "data")
    path = corpus_copy / "new.md"
    path.write_text(NEW_DOC, encoding="utf-8")
    Engine.open(settings)
    path.write_text(NEW_DOC.replace("量子通信", "低空经济"), encoding="utf-8")
    os.utime(path, ns=(1, 1))  # a different mtime even on coarse clocks
    engine = Engine.open(settings)
    assert engine.last_refresh.updated == ("new.md",)
    assert engine.search("量子通信").total == 0
    assert engine.search("低空经济").hits[0].filename == "new.md"
    path.unlink()
    engine = Engine.open(settings)
    assert engine.last_refresh.removed == ("new.md",)
    assert all(d.filename != "new.md" for d in engine.documents())
    assert not any(h.filename == "new.md" for h in engine.search("低空经济").hits)


def test_touched_but_unchanged_file_is_not_resegmented(corpus_copy, tmp_path):
    settings = make_settings(corpus_copy, tmp_path / "data")
    Engine.open(settings)
    before = _cache_mtimes(settings)
    target = corpus_copy / "004_f9b1766ae33f6aa2.txt"
    os.utime(target, ns=(10**18, 10**18))
    engine = Engine.open(settings)
    assert engine.last_refresh.added == () and engine.last_refresh.updated == ()
    assert _cache_mtimes(settings) == before


def test_user_dictionary_change_triggers_rebuild(corpus_copy, tmp_path):
    user_dict = tmp_path / "terms.txt"
    user_dict.write_text("乡村振兴\n", encoding="utf-8")
    settings = make_settings(corpus_copy, tmp_path / "data", user_dict_paths=[user_dict])
    Engine.open(settings)
    assert make_indexer(settings).is_fresh()
    user_dict.write_text("乡村振兴\n量子通信产业\n", encoding="utf-8")
    assert not make_indexer(settings).is_fresh()
    engine = Engine.open(settings)
    assert engine.last_refresh.rebuilt


def test_a_change_of_the_passage_priors_triggers_rebuild(corpus_copy, tmp_path, monkeypatch):
    # The priors are stored in the built index: new weights must not be left unread.
    settings = make_settings(corpus_copy, tmp_path / "data")
    Engine.open(settings)
    assert make_indexer(settings).is_fresh()
    monkeypatch.setattr("bot.search.indexer.PRIORS_VERSION", 10**6)
    assert not make_indexer(settings).is_fresh()
    assert Engine.open(settings).last_refresh.rebuilt


def test_bad_files_are_skipped_with_reasons_and_the_rest_indexed(corpus_copy, tmp_path):
    (corpus_copy / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (corpus_copy / "empty.md").write_text("", encoding="utf-8")
    (corpus_copy / "copy.txt").write_bytes((corpus_copy / "003_b51e96c497ba4061.txt").read_bytes())
    (corpus_copy / "picture.png").write_bytes(b"\x89PNG\r\n")
    settings = make_settings(corpus_copy, tmp_path / "data")
    engine = Engine.open(settings)
    reasons = {s.path.rsplit("/", 1)[-1]: s.reason for s in engine.last_refresh.skipped}
    assert "binary.txt" in reasons and "empty.md" in reasons
    assert "same content" in reasons.get("copy.txt", "") or "same content" in reasons.get(
        "003_b51e96c497ba4061.txt", ""
    )
    assert len(engine.documents()) == 5
    # known-bad files do not force a refresh on every command
    assert make_indexer(settings).is_fresh()


def test_missing_corpus_folder_gives_an_empty_index(tmp_path):
    settings = make_settings(tmp_path / "nowhere", tmp_path / "data")
    engine = Engine.open(settings)
    assert engine.documents() == []
    assert engine.last_refresh.skipped[0].reason == "corpus folder does not exist"
    resp = engine.search("乡村振兴")
    assert resp.total == 0 and resp.hits == ()


def test_index_dir_removed_is_rebuilt(corpus_copy, tmp_path):
    settings = make_settings(corpus_copy, tmp_path / "data")
    Engine.open(settings)
    shutil.rmtree(settings.index_dir / "compiled")
    engine = Engine.open(settings)
    assert engine.search("乡村振兴").total > 0


def test_ingest_copies_indexes_and_refuses_duplicates_and_clashes(corpus_copy, tmp_path):
    settings = make_settings(corpus_copy, tmp_path / "data")
    engine = Engine.open(settings)
    src = tmp_path / "incoming"
    src.mkdir()
    (src / "new.md").write_text(NEW_DOC, encoding="utf-8")
    (src / "dup.txt").write_bytes((corpus_copy / "004_f9b1766ae33f6aa2.txt").read_bytes())
    (src / "bad.txt").write_bytes(b"\x00" * 64)
    report = engine.ingest([src])
    assert report.copied == ("new.md",)
    why = {s.path.rsplit("/", 1)[-1]: s.reason for s in report.skipped}
    assert "004_f9b1766ae33f6aa2.txt" in why["dup.txt"]
    assert "bad.txt" in why
    assert not (corpus_copy / "bad.txt").exists() and not (corpus_copy / "dup.txt").exists()
    assert engine.search("量子通信").hits[0].filename == "new.md"
    # same name, new content: refused unless replace=True
    (src / "new.md").write_text(NEW_DOC.replace("量子通信", "低空经济"), encoding="utf-8")
    clash = engine.ingest([src / "new.md"])
    assert clash.copied == () and "already exists" in clash.skipped[0].reason
    assert not any(
        h.filename == "new.md" for h in engine.search("低空经济", correct=False, page_size=100).hits
    )
    replaced = engine.ingest([src / "new.md"], replace=True)
    assert replaced.copied == ("new.md",)
    assert engine.search("低空经济").hits[0].filename == "new.md"


def test_document_lookup_by_id_name_and_prefix(bundled_engine):
    info = bundled_engine.find_document("004")
    assert info.filename == "004_f9b1766ae33f6aa2.txt"
    assert bundled_engine.find_document(info.doc_id) == info
    assert bundled_engine.find_document("004_f9b1766ae33f6aa2") == info
    doc = bundled_engine.document("004")
    assert doc.passages and all(
        doc.text[p.start : p.start + len(p.text)] == p.text for p in doc.passages
    )
    import pytest

    from bot.library import DocumentNotFound

    with pytest.raises(DocumentNotFound):
        bundled_engine.find_document("0")  # ambiguous
    with pytest.raises(DocumentNotFound):
        bundled_engine.find_document("nope")


def test_bad_sidecar_skips_its_document_and_names_the_sidecar(corpus_copy, tmp_path):
    (corpus_copy / "new.md").write_text(NEW_DOC, encoding="utf-8")
    (corpus_copy / "new.md.meta.toml").write_text("title = [unclosed", encoding="utf-8")
    engine = Engine.open(make_settings(corpus_copy, tmp_path / "data"))
    (skip,) = [s for s in engine.last_refresh.skipped if s.path == "new.md"]
    assert "new.md.meta.toml" in skip.reason
    assert len(engine.documents()) == 5


def test_sidecar_overrides_metadata(corpus_copy, tmp_path):
    (corpus_copy / "new.md").write_text(NEW_DOC, encoding="utf-8")
    (corpus_copy / "new.md.meta.toml").write_text(
        'title = "改过的标题"\nregion = "大连"\nyear = 2026\n', encoding="utf-8"
    )
    engine = Engine.open(make_settings(corpus_copy, tmp_path / "data"))
    info = engine.find_document("new.md")
    assert (info.title, info.region, info.year) == ("改过的标题", "大连", 2026)
    assert engine.search("量子通信", region="大连").hits[0].filename == "new.md"


def _target_cache_mtimes(settings) -> dict[str, int]:
    docs = settings.index_dir / "docs"
    return {p.name: p.stat().st_mtime_ns for p in docs.glob("*.targets.json")}


def test_targets_are_extracted_at_indexing_and_stored_with_the_index(bundled_engine):
    rows = bundled_engine.targets(doc="004", kind="target")
    assert rows and all(r.record.kind == "target" for r in rows)
    gdp = [r for r in rows if r.record.indicator == "地区生产总值"]
    assert gdp and gdp[0].record.value == 5.5 and gdp[0].record.unit == "%"
    assert gdp[0].record.qualifier == "左右"
    assert bundled_engine.targets(indicator="GDP")  # an alias finds the canonical name
    every = bundled_engine.targets()
    assert {r.record.kind for r in every} == {"target", "achievement", "estimate"}


def test_adding_a_document_extracts_only_its_targets(corpus_copy, tmp_path):
    settings = make_settings(corpus_copy, tmp_path / "data")
    Engine.open(settings)
    before = _target_cache_mtimes(settings)
    (corpus_copy / "new.md").write_text(NEW_DOC, encoding="utf-8")
    engine = Engine.open(settings)
    after = _target_cache_mtimes(settings)
    assert {k: after[k] for k in before} == before
    new_doc = engine.find_document("new.md").doc_id
    (row,) = [r for r in engine.targets() if r.doc_id == new_doc]
    assert (row.record.value, row.record.unit, row.record.kind) == (100, "亿元", "target")


def test_indicator_table_change_reextracts_without_resegmenting(corpus_copy, tmp_path):
    table = tmp_path / "indicators.toml"
    shutil.copy(BUNDLED_CORPUS.parent / "config" / "indicators.toml", table)
    settings = make_settings(corpus_copy, tmp_path / "data", indicators_path=table)
    Engine.open(settings)
    segments_before = _cache_mtimes(settings)
    with table.open("a", encoding="utf-8") as fh:
        fh.write('\n[indicators."量子通信产业规模"]\ngroup = "innovation"\naliases = []\n')
    assert not make_indexer(settings).is_fresh()
    engine = Engine.open(settings)
    assert _cache_mtimes(settings) == segments_before  # nothing re-segmented
    assert engine.last_refresh.added == () and engine.last_refresh.updated == ()
    assert engine.targets()
    assert make_indexer(settings).is_fresh()


def test_similar_indicators_suggests_close_names(bundled_engine):
    assert "地区生产总值" in bundled_engine.similar_indicators("地区生产总")
    assert bundled_engine.similar_indicators("zzzz qqqq") == []
