"""The operator's path (operator trial, 2026-12-06): configuration files and values,
the token file, logs, removing a document and checking a data folder from the command line.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from bot.config import ConfigError, Settings
from briefbot.cli import app


@pytest.fixture
def site_config(monkeypatch, tmp_path):
    """Write a site config named by BRIEFBOT_CONFIG; no BRIEFBOT_* variable set."""
    for name in ("BRIEFBOT_DIGEST_CAP", "BRIEFBOT_RESULTS_PER_PAGE", "TELEGRAM_API_BASE_URL"):
        monkeypatch.delenv(name, raising=False)

    def write(text: str):
        path = tmp_path / "site.toml"
        path.write_text(text, encoding="utf-8")
        monkeypatch.setenv("BRIEFBOT_CONFIG", str(path))
        return path

    return write


def test_config_file_with_a_mistyped_key_is_refused_naming_the_key_and_file(site_config):
    path = site_config("results_per_page = 7\ndigest_cpa = 10\n")
    with pytest.raises(ConfigError) as caught:
        Settings()
    said = str(caught.value)
    assert "'digest_cpa'" in said and str(path) in said
    assert "did you mean 'digest_cap'?" in said


def test_config_file_keys_of_every_setting_are_accepted(site_config):
    site_config('results_per_page = 7\ntelegram_api_base_url = "http://127.0.0.1:8081"\n')
    settings = Settings()
    assert settings.results_per_page == 7
    assert settings.telegram_api_base_url == "http://127.0.0.1:8081"


def test_cli_config_with_a_wrong_type_names_the_key_value_and_file(site_config):
    path = site_config('digest_cap = "ten"\n')
    result = CliRunner().invoke(app, ["docs"])
    assert result.exit_code == 2
    said = " ".join(result.output.split())
    assert "digest_cap" in said and "'ten'" in said and str(path) in said
    assert "errors.pydantic.dev" not in said and "validation error for" not in said


def test_cli_config_from_the_environment_names_the_variable(site_config, monkeypatch):
    site_config("results_per_page = 7\n")
    monkeypatch.setenv("BRIEFBOT_DIGEST_CAP", "abc")
    result = CliRunner().invoke(app, ["docs"])
    assert result.exit_code == 2
    assert "environment BRIEFBOT_DIGEST_CAP" in " ".join(result.output.split())


def test_cli_config_that_is_not_toml_names_the_file(site_config):
    path = site_config("digest_cap = \n")
    result = CliRunner().invoke(app, ["docs"])
    assert result.exit_code == 2
    said = " ".join(result.output.split())
    assert str(path) in said and "not valid TOML" in said and "line 1" in said


# -- the token file ------------------------------------------------------------------------------
TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ"


@pytest.mark.parametrize(
    "content",
    [
        (TOKEN + "\n").encode(),
        ("\ufeff" + TOKEN + "\r\n").encode("utf-8"),  # Notepad's UTF-8 with a BOM
        (TOKEN + "\r\n").encode("utf-16"),  # Notepad's "Unicode"
    ],
    ids=["newline", "utf8-bom-crlf", "utf16"],
)
def test_cli_token_file_as_editors_save_it_is_read(tmp_path, content):
    from bot.tokens import load_token

    path = tmp_path / "token"
    path.write_bytes(content)
    path.chmod(0o600)
    assert load_token(Settings(token_file=path), environ={}) == TOKEN


def test_cli_token_file_with_a_name_equals_line_says_so_and_hides_the_token(tmp_path):
    from bot.tokens import TokenError, load_token

    path = tmp_path / "token"
    path.write_text(f"TELEGRAM_BOT_TOKEN={TOKEN}\n")
    path.chmod(0o600)
    with pytest.raises(TokenError) as caught:
        load_token(Settings(token_file=path), environ={})
    assert "NAME=value" in str(caught.value) and "token alone" in str(caught.value)
    assert TOKEN.split(":")[1] not in str(caught.value)


# -- logs ----------------------------------------------------------------------------------------
@pytest.mark.heavy
def test_cli_log_lines_carry_a_timestamp_and_the_level():
    import re
    import subprocess
    import sys

    code = (
        "import logging; from briefbot.cli import setup_logging; setup_logging(False); "
        "logging.getLogger('bot.subscriptions.delivery').warning('chat 5: 403 Forbidden'); "
        "logging.getLogger('bot.x').info('not shown without -v')"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert re.fullmatch(
        r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d[+-]\d{4} WARNING bot\.subscriptions\.delivery: "
        r"chat 5: 403 Forbidden",
        lines[0],
    )


# -- removing a document -------------------------------------------------------------------------
@pytest.fixture
def run_copy(bundled_template, tmp_path):
    """``briefbot`` over a private copy of the bundled corpus and its built index."""
    import json

    from tests.e2e import copy_template

    settings = copy_template(bundled_template, tmp_path)
    base = ["--corpus-dir", str(settings.corpus_dir), "--data-dir", str(settings.data_dir)]
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(app, [*base, *args], input=input)

    def doc_names() -> set[str]:
        return {d["filename"] for d in json.loads(invoke("docs", "--json").stdout)}

    return invoke, doc_names, settings


def test_cli_remove_deletes_a_document_from_corpus_index_and_targets(run_copy):
    invoke, doc_names, settings = run_copy
    name = "004_f9b1766ae33f6aa2.txt"
    assert name in doc_names()
    result = invoke("remove", "004", "--yes")
    assert result.exit_code == 0, result.output
    assert f"removed {name}" in result.stdout
    assert name not in doc_names() and not (settings.corpus_dir / name).exists()
    assert invoke("targets", "--doc", "004").exit_code != 0  # no such document now


def test_cli_remove_asks_first_and_without_a_terminal_needs_yes(run_copy):
    invoke, doc_names, _ = run_copy
    name = "004_f9b1766ae33f6aa2.txt"
    result = invoke("remove", "004")
    assert result.exit_code == 1 and "--yes" in result.output
    assert name in doc_names()


def test_cli_remove_of_an_unknown_document_says_where_to_look(run_copy):
    invoke, doc_names, _ = run_copy
    before = doc_names()
    result = invoke("remove", "nonexistent", "--yes")
    assert result.exit_code == 1 and "briefbot docs" in result.output
    assert doc_names() == before


# -- doctor --------------------------------------------------------------------------------------
def test_cli_doctor_on_a_data_folder_never_indexed_says_so_without_a_traceback_text(
    corpus_copy, tmp_path
):
    data = tmp_path / "moved-or-new"
    args = ["--corpus-dir", str(corpus_copy), "--data-dir", str(data), "doctor"]
    result = CliRunner().invoke(app, args, env={"COLUMNS": "300"})
    assert result.exit_code == 1
    assert "not built yet" in result.stdout and "BRIEFBOT_DATA_DIR" in result.stdout
    assert "FileNotFoundError" not in result.stdout and "Errno" not in result.stdout


# -- what `briefbot run` says it runs on ---------------------------------------------------------
def test_cli_run_says_its_state_and_warns_of_a_database_created_empty(bundled_engine, tmp_path):
    from bot.storage import Database
    from bot.subscriptions.schedule import parse_schedule
    from bot.subscriptions.store import SubscriptionStore
    from briefbot.cli.serve import what_it_runs_on

    settings = Settings(corpus_dir=bundled_engine.settings.corpus_dir, data_dir=tmp_path / "data")
    (tmp_path / "data").mkdir()
    database = Database.open(settings)
    try:
        fresh = what_it_runs_on(settings, database, bundled_engine, fresh=True)
        said = " ".join(fresh)
        assert str(settings.database_file) in said and "0 subscriptions" in said
        assert "created just now" in said and "BRIEFBOT_DATA_DIR" in said
        # moving to a new database: the way to copy the old one's rows into this one
        assert f"briefbot db copy --from OLD_URL --to sqlite:///{settings.database_file}" in said
        SubscriptionStore(database).create(
            7, "private", None, 7, "GDP", parse_schedule("08:00", default_time="08:00"), "UTC"
        )
        kept = " ".join(what_it_runs_on(settings, database, bundled_engine, fresh=False))
        assert "1 subscription, 1 active" in kept and "created just now" not in kept
        assert f"{len(bundled_engine.documents())} in {settings.corpus_dir}" in kept
    finally:
        database.close()


def test_cli_warns_of_a_mistyped_environment_setting_and_names_the_one_meant(corpus_copy, tmp_path):
    env = {"BRIEFBOT_DIGST_CAP": "3", "BRIEFBOT_TOKEN": TOKEN, "BRIEFBOT_TEST_PG": "off"}
    args = ["--corpus-dir", str(corpus_copy), "--data-dir", str(tmp_path / "d"), "docs"]
    result = CliRunner().invoke(app, args, env={**env, "COLUMNS": "300"})
    assert result.exit_code == 0
    said = " ".join(result.output.split())
    assert (
        "BRIEFBOT_DIGST_CAP is no setting and is ignored (did you mean BRIEFBOT_DIGEST_CAP?)"
        in said
    )
    assert "BRIEFBOT_TOKEN is ignored: the bot token is read from TELEGRAM_BOT_TOKEN" in said
    assert "BRIEFBOT_TEST_PG " not in said and TOKEN.split(":")[1] not in said


# -- indexing where no bar is drawn --------------------------------------------------------------
def test_cli_indexing_without_a_terminal_says_progress_only_when_it_takes_a_while():
    from briefbot.cli.app import quiet_progress

    now = [0.0]
    said: list[str] = []
    update = quiet_progress(said.append, clock=lambda: now[0])
    for n in range(1, 4):  # a quick check of every document: nothing said
        now[0] += 0.5
        update(n, 100, f"{n}.txt")
    assert said == []
    now[0] = 4.0
    update(10, 100, "10.txt")
    now[0] = 20.0
    update(40, 100, "40.txt")  # within 30 s of the last line: quiet
    now[0] = 35.0
    update(70, 100, "70.txt")
    assert said == [
        "indexing: 10/100 documents checked, now 10.txt",
        "indexing: 70/100 documents checked, now 70.txt",
    ]


# -- folders that cannot be the state or the corpus ----------------------------------------------
def test_cli_data_folder_that_is_a_file_is_a_configuration_error_not_a_traceback(
    corpus_copy, tmp_path
):
    a_file = tmp_path / "site.toml"
    a_file.write_text("")
    args = ["--corpus-dir", str(corpus_copy), "--data-dir", str(a_file), "docs"]
    result = CliRunner().invoke(app, args, env={"COLUMNS": "300"})
    assert result.exit_code == 2
    said = " ".join(result.output.split())
    assert f"the data folder {a_file} is a file, not a folder" in said
    assert "BRIEFBOT_DATA_DIR" in said and "Traceback" not in said
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_cli_docs_of_a_corpus_folder_that_does_not_exist_says_so(tmp_path):
    missing = tmp_path / "no-such-corpus"
    args = ["--corpus-dir", str(missing), "--data-dir", str(tmp_path / "d"), "docs"]
    result = CliRunner().invoke(app, [*args, "--lang", "en"], env={"COLUMNS": "300"})
    assert result.exit_code == 0
    said = " ".join(result.stdout.split())
    assert f"The corpus folder {missing} does not exist" in said and "BRIEFBOT_CORPUS_DIR" in said
    said = " ".join(CliRunner().invoke(app, args, env={"COLUMNS": "300"}).stdout.split())
    assert f"文库文件夹 {missing} 不存在" in said and "BRIEFBOT_CORPUS_DIR" in said  # zh: default


def test_cli_ingest_into_a_new_corpus_folder_makes_it_without_a_skipped_line(tmp_path):
    source = tmp_path / "in" / "江州市报告.txt"
    source.parent.mkdir()
    source.write_text("江州市2025年政府工作报告\n\n地区生产总值增长5.5%左右。\n", encoding="gbk")
    corpus = tmp_path / "new-corpus"
    args = ["--corpus-dir", str(corpus), "--data-dir", str(tmp_path / "d"), "ingest", str(source)]
    result = CliRunner().invoke(app, args, env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    assert "added 江州市报告.txt" in result.stdout
    assert "skipped" not in result.output and (corpus / "江州市报告.txt").is_file()


def test_cli_a_missing_corpus_folder_never_empties_a_built_index(run_copy, tmp_path):
    invoke, doc_names, settings = run_copy
    before = doc_names()
    assert before
    missing = tmp_path / "mistyped-corpus"
    args = ["--corpus-dir", str(missing), "--data-dir", str(settings.data_dir), "docs"]
    result = CliRunner().invoke(app, args, env={"COLUMNS": "300"})
    assert result.exit_code == 2
    said = " ".join(result.output.split())
    assert f"the corpus folder {missing} does not exist" in said
    assert f"holds {len(before)} documents" in said and "BRIEFBOT_CORPUS_DIR" in said
    refreshed = invoke("index")
    assert refreshed.exit_code == 0 and "added" not in refreshed.stdout  # nothing was dropped
    assert doc_names() == before


def test_cli_ingest_replace_says_replaced_and_serves_the_new_version(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    source = folder / "江州市2025年政府工作报告.txt"
    text = "江州市2025年政府工作报告\n\n今年主要预期目标是：地区生产总值增长5.5%左右。\n"
    source.write_text(text, encoding="utf-8")
    base = ["--corpus-dir", str(tmp_path / "corpus"), "--data-dir", str(tmp_path / "d")]
    runner = CliRunner()
    assert runner.invoke(app, [*base, "ingest", str(source)]).exit_code == 0
    source.write_text(text.replace("5.5%", "6.5%"), encoding="utf-8")
    refused = runner.invoke(app, [*base, "ingest", str(source)])
    assert refused.exit_code == 1 and "--replace" in refused.output
    result = runner.invoke(app, [*base, "ingest", "--replace", str(source)])
    assert result.exit_code == 0, result.output
    assert f"replaced {source.name}" in result.stdout and "added" not in result.stdout
    found = runner.invoke(app, [*base, "search", "地区生产总值", "--json"])
    texts = " ".join(r["text"] for r in json.loads(found.stdout)["results"])
    assert "6.5%" in texts and "5.5%" not in texts


def test_cli_data_folder_under_a_file_is_refused_and_nothing_is_created(corpus_copy, tmp_path):
    a_file = tmp_path / "notes.txt"
    a_file.write_text("")
    data = a_file / "data"
    args = ["--corpus-dir", str(corpus_copy), "--data-dir", str(data), "docs"]
    result = CliRunner().invoke(app, args, env={"COLUMNS": "300"})
    assert result.exit_code == 2
    said = " ".join(result.output.split())
    assert f"cannot create the data folder {data}: {a_file} is not a writable folder" in said
