"""Self-healing storage (issue 14, failure 3): one damaged file of the compiled index, or
of a document's key targets, never breaks searching, starting or recovering.

Each case damages a copy of one built index (a file deleted, truncated, or overwritten
with garbage of the same size) and checks that opening quarantines the damaged index,
rebuilds it from the caches with a log line, and answers as the undamaged one did.
"""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.library import Engine
from bot.search.index import CompiledIndex, IndexDamaged
from briefbot.cli import app
from tests.conftest import BUNDLED_CORPUS, make_settings
from tests.test_run_command import TOKEN as RUN_TOKEN

QUERY = "地区生产总值"
FILES = (
    "meta.json",
    "vocab.txt",
    "offsets.npy",
    "pids.npy",
    "scores.npy",
    "p_doc.npy",
    "p_start.npy",
    "p_prior.npy",
    "text.bin",
    "text_offsets.npy",
    "norm.bin",
    "lexicon.json",
)


@pytest.fixture(scope="module")
def built(built_data) -> tuple[Path, list[tuple[str, int, str]]]:
    """A data folder with the bundled corpus indexed, and what QUERY finds in it. The
    folder is a copy of the test run's index of the bundled corpus (``built_data``: built
    by ``Engine.open`` over the same folder and settings, as this fixture built its own on
    each worker before); the engine finds it fresh, and the damage is done to copies."""
    corpus, data = built_data(BUNDLED_CORPUS)
    engine = Engine.open(make_settings(corpus, data))
    assert engine.last_refresh is None  # the run's index, not one built here
    return data, answers(engine)


def answers(engine: Engine) -> list[tuple[str, int, str]]:
    hits = engine.search(QUERY).hits
    return [(h.doc_id, h.passage_ordinal, h.snippet) for h in hits]


@pytest.fixture
def data(built, tmp_path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(built[0], copy)
    return copy


def damage(path: Path, how: str) -> None:
    if how == "deleted":
        path.unlink()
    elif how == "truncated":
        size = path.stat().st_size
        with open(path, "r+b") as fh:
            fh.truncate(max(size // 2, size - 64) if size > 1 else 0)
    elif how == "garbage":
        size = path.stat().st_size
        path.write_bytes((b"\xff\x00garbage\x9c" * (size // 11 + 1))[:size])
    else:
        raise AssertionError(how)


def compiled(data: Path) -> Path:
    return data / "index" / "compiled"


@pytest.mark.parametrize("how", ["deleted", "truncated", "garbage"])
@pytest.mark.parametrize("name", FILES)
def test_a_damaged_index_file_is_quarantined_and_rebuilt(built, data, name, how, caplog):
    damage(compiled(data) / name, how)
    with pytest.raises(IndexDamaged):
        CompiledIndex.open(compiled(data))
    with caplog.at_level(logging.WARNING):
        engine = Engine.open(make_settings(BUNDLED_CORPUS, data))
    assert answers(engine) == built[1]
    assert all(snippet for _, _, snippet in answers(engine))
    assert any("damaged" in r.getMessage() and "rebuil" in r.getMessage() for r in caplog.records)
    aside = [p for p in (data / "index").iterdir() if p.name.startswith("compiled.damaged")]
    assert len(aside) == 1
    CompiledIndex.open(compiled(data))  # the rebuilt one verifies


def test_a_truncated_text_blob_never_gives_empty_snippets(built, data):
    blob = compiled(data) / "text.bin"
    with open(blob, "r+b") as fh:
        fh.truncate(blob.stat().st_size - 1)
    with pytest.raises(IndexDamaged, match=r"text\.bin"):
        CompiledIndex.open(compiled(data))
    engine = Engine.open(make_settings(BUNDLED_CORPUS, data))
    assert answers(engine) == built[1]


def test_damage_after_opening_heals_on_reopen(built, data):
    engine = Engine.open(make_settings(BUNDLED_CORPUS, data))
    damage(compiled(data) / "pids.npy", "truncated")
    engine.reopen()
    assert answers(engine) == built[1]


@pytest.mark.heavy
@pytest.mark.parametrize("name", ["meta.json", "pids.npy", "vocab.txt"])
def test_index_rebuild_never_opens_the_damaged_index(built, data, name):
    damage(compiled(data) / name, "garbage")
    base = ["--corpus-dir", str(BUNDLED_CORPUS), "--data-dir", str(data)]
    result = CliRunner().invoke(app, [*base, "index", "--rebuild"])
    assert result.exit_code == 0, result.output
    assert "documents" in result.output
    engine = Engine.open(make_settings(BUNDLED_CORPUS, data), refresh=False)
    assert answers(engine) == built[1]


def test_search_command_heals_a_damaged_index(built, data):
    damage(compiled(data) / "offsets.npy", "deleted")
    base = ["--corpus-dir", str(BUNDLED_CORPUS), "--data-dir", str(data)]
    result = CliRunner().invoke(app, [*base, "search", QUERY])
    assert result.exit_code == 0, result.output
    assert result.output.strip()


def test_old_index_without_checksums_still_opens(data):
    """An index compiled before checksums were recorded is opened, not rebuilt."""
    meta_path = compiled(data) / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.pop("files", None)
    meta_path.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    index = CompiledIndex.open(compiled(data))
    assert index.n_passages > 0


def biggest_targets_file(data: Path) -> Path:
    return max((data / "index" / "docs").glob("*.targets.json"), key=lambda p: p.stat().st_size)


@pytest.mark.parametrize("how", ["truncated", "garbage", "deleted-keys"])
def test_a_damaged_targets_file_is_re_extracted(data, how, caplog):
    engine = Engine.open(make_settings(BUNDLED_CORPUS, data))
    before = engine.targets()
    victim = biggest_targets_file(data)
    doc_id = victim.name.removesuffix(".targets.json")
    assert any(t.doc_id == doc_id for t in before)
    if how == "deleted-keys":  # valid JSON, not records
        victim.write_text('[{"indicator": 1}]', encoding="utf-8")
    else:
        damage(victim, how)
    with caplog.at_level(logging.WARNING):
        after = engine.targets()
    assert after == before
    assert any("re-extract" in r.getMessage() for r in caplog.records)
    assert json.loads(victim.read_text(encoding="utf-8"))  # written again
    # The command line too.
    damage(victim, "garbage")
    base = ["--corpus-dir", str(BUNDLED_CORPUS), "--data-dir", str(data)]
    result = CliRunner().invoke(app, [*base, "targets"])
    assert result.exit_code == 0, result.output


def test_targets_damaged_with_their_caches_give_no_records_not_a_crash(data):
    engine = Engine.open(make_settings(BUNDLED_CORPUS, data))
    victim = biggest_targets_file(data)
    doc_id = victim.name.removesuffix(".targets.json")
    damage(victim, "garbage")
    for cache in (data / "index" / "docs").glob(f"{doc_id}.*"):
        if cache != victim:
            cache.unlink()
    assert all(t.doc_id != doc_id for t in engine.targets())


def test_damaged_document_caches_too_are_rebuilt_from_the_corpus(built, data, caplog):
    """The compiled index and one document's caches damaged: the caches cannot rebuild
    it, so every document is read again."""
    docs = data / "index" / "docs"
    npz = max(docs.glob("*.npz"), key=lambda p: p.stat().st_size)
    damage(npz, "garbage")
    damage(compiled(data) / "pids.npy", "truncated")
    with caplog.at_level(logging.WARNING):
        engine = Engine.open(make_settings(BUNDLED_CORPUS, data))
    assert answers(engine) == built[1]
    assert any("re-reading every document" in r.getMessage() for r in caplog.records)


@pytest.mark.heavy
@pytest.mark.fake_bot(token=RUN_TOKEN)
async def test_briefbot_run_starts_over_a_damaged_index(data, server):
    from tests.test_run_command import _start_bot, _stop_bot

    damage(compiled(data) / "vocab.txt", "garbage")
    proc = await _start_bot(data, {"TELEGRAM_API_BASE_URL": server.url})
    try:
        await server.wait_until_polling(timeout=60)
        alice = server.add_user("Alice")
        await server.send_message(alice, alice, QUERY)
        reply = await server.next_bot_message(alice, timeout=20)
    finally:
        _out, err = await _stop_bot(proc)
    assert proc.returncode == 0, err[-2000:]
    assert reply["text"].strip()
    assert "compiled index damaged" in err
