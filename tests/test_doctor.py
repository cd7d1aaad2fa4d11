"""``briefbot doctor``: checks the compiled index, the per-document caches and key targets,
and the database (integrity and migrations); ``--repair`` fixes what it can."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.library import Engine
from bot.storage import Database
from briefbot.cli import app
from tests.conftest import BUNDLED_CORPUS, make_settings
from tests.test_index_heal import damage


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("doctor-template")
    settings = make_settings(BUNDLED_CORPUS, data)
    Engine.open(settings)
    Database.open(settings).close()
    return data


@pytest.fixture
def data(template, tmp_path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(template, copy)
    return copy


@pytest.fixture
def db_path(tmp_path) -> Path:
    """The SQLite database a test names by URL: apart from the data folder's own
    ``briefbot.db``, which ``data`` copies already migrated."""
    (tmp_path / "named").mkdir()
    return tmp_path / "named" / "briefbot.db"


def doctor(data: Path, *args: str):
    base = ["--corpus-dir", str(BUNDLED_CORPUS), "--data-dir", str(data)]
    return CliRunner().invoke(app, [*base, "doctor", *args], env={"COLUMNS": "200"})


def test_a_healthy_data_folder(data):
    result = doctor(data)
    assert result.exit_code == 0, result.output
    for what in ("compiled index", "document caches", "key targets", "database"):
        assert what in result.output
    assert "integrity ok" in result.output
    assert "problem" not in result.output.lower()


def test_damage_is_reported_and_repaired(data):
    docs = data / "index" / "docs"
    damage(data / "index" / "compiled" / "pids.npy", "truncated")
    npz = max(docs.glob("*.npz"), key=lambda p: p.stat().st_size)
    damage(npz, "garbage")
    targets = max(docs.glob("*.targets.json"), key=lambda p: p.stat().st_size)
    damage(targets, "garbage")
    result = doctor(data)
    assert result.exit_code == 1, result.output
    assert "pids.npy" in result.output
    assert npz.name.split(".")[0] in result.output
    assert targets.name.split(".")[0] in result.output
    repaired = doctor(data, "--repair")
    assert repaired.exit_code == 0, repaired.output
    assert "repaired" in repaired.output
    again = doctor(data)
    assert again.exit_code == 0, again.output
    assert Engine.open(make_settings(BUNDLED_CORPUS, data)).search("地区生产总值").hits


def test_a_damaged_sqlite_database_is_reported(data):
    db = data / "briefbot.db"
    size = db.stat().st_size
    assert size > 8192
    with open(db, "r+b") as fh:
        fh.seek(4096)
        fh.write(b"\x0dgarbage" * ((size - 4096) // 8))
    result = doctor(data)
    assert result.exit_code == 1, result.output
    assert "database" in result.output
    assert "Traceback" not in result.output


def test_integrity_problems_of_a_sound_database(db_url):
    """SQLite's PRAGMA integrity_check, PostgreSQL's read-through of every table."""
    db = Database.open(url=db_url)
    try:
        assert db.integrity_problems() == []
    finally:
        db.close()


def test_json_says_ok_and_each_finding(data):
    result = doctor(data, "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["ok"] is True
    areas = [f["area"] for f in report["findings"]]
    assert "database" in areas and len(areas) >= 3
    for f in report["findings"]:
        assert set(f) == {"area", "ok", "detail", "repaired"} and f["ok"] is True


def test_json_of_a_damaged_folder_exits_1_naming_the_problem(data):
    damage(data / "index" / "compiled" / "pids.npy", "truncated")
    result = doctor(data, "--json")
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert report["ok"] is False
    bad = [f for f in report["findings"] if not f["ok"]]
    assert bad and any("pids.npy" in f["detail"] for f in bad)
    assert not any(f["repaired"] for f in bad)


def _doctor_on(data: Path, url: str, *args: str):
    base = ["--corpus-dir", str(BUNDLED_CORPUS), "--data-dir", str(data)]
    env = {"COLUMNS": "200", "BRIEFBOT_DATABASE_URL": url}
    return CliRunner().invoke(app, [*base, "doctor", *args], env=env)


def test_an_empty_database_is_said_empty_not_damaged(data, db_url):
    """A database named by URL and never opened (a new PostgreSQL database) is empty, to
    be migrated on first use, on both backends: not a list of missing relations."""
    result = _doctor_on(data, db_url)
    assert result.exit_code == 0, result.output
    assert "empty, migrated when first used" in result.output
    assert "does not exist" not in result.output


def test_a_database_behind_its_migrations_is_said_so_and_repaired(data, db_url):
    """A database left at an old revision by an older version (tables added since are not
    there yet): its revision and head, not missing relations; ``--repair`` migrates it."""
    from bot.storage.db import head_revision

    with Database(db_url) as db:
        db.upgrade("0010")
    result = _doctor_on(data, db_url)
    assert result.exit_code == 1, result.output
    assert f"schema at 0010, migrations at {head_revision()}" in result.output
    assert "does not exist" not in result.output
    repaired = _doctor_on(data, db_url, "--repair")
    assert repaired.exit_code == 0, repaired.output
    assert f"migrated to {head_revision()}" in repaired.output


def test_files_not_indexed_yet_are_said_with_their_names_not_as_a_fault(data, tmp_path):
    # trial22: an ingest stopped by Ctrl-C had copied every file and indexed none; the
    # doctor said every check "ok" and nothing of them
    corpus = tmp_path / "corpus"
    shutil.copytree(BUNDLED_CORPUS, corpus)  # times kept: the index finds it as it was
    base = ["--corpus-dir", str(corpus), "--data-dir", str(data), "doctor", "--json"]
    said = {f["area"]: f for f in json.loads(CliRunner().invoke(app, base).stdout)["findings"]}
    assert said["corpus changes"]["detail"] == "every file in the corpus folder is indexed as it is"
    first, second = sorted(corpus.glob("*.txt"))[:2]
    (corpus / "新文件.txt").write_text("新的报告", encoding="utf-8")
    first.write_text(first.read_text(encoding="utf-8") + "\n补充一段。", encoding="utf-8")
    second.unlink()
    result = CliRunner().invoke(app, base)
    assert result.exit_code == 0, result.output  # the next command indexes them
    finding = {f["area"]: f for f in json.loads(result.stdout)["findings"]}["corpus changes"]
    assert finding["ok"] is True
    for part in (
        "1 file new (新文件.txt)",
        f"1 file changed ({first.name})",
        f"1 file gone ({second.name})",
    ):
        assert part in finding["detail"]
    assert finding["detail"].endswith("the next command indexes them, or briefbot index")
