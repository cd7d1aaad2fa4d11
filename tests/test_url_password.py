"""A database URL's password never reaches output, and it is hidden one way everywhere
(``bot.config.shown_url``, SQLAlchemy's ``render_as_string(hide_password=True)``):
``briefbot doctor``, ``briefbot run``'s errors, /config, the database's own name in
errors and start-up lines, log lines."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from bot.admin.audit import redact as audit_redact
from bot.admin.runtime import display_value, value_word
from bot.config import Settings, shown_url
from bot.storage.db import Database, DatabaseError
from bot.storage.db import describe as describe_database
from bot.tokens import RedactingFilter, redact
from briefbot.cli import app

PASSWORD = "Hunter2-pw"
# no driver of that name: the database cannot even be made, and the error names the URL
NO_DRIVER = f"postgresql+nosuchdriver://bot:{PASSWORD}@db.example:5432/briefbot"
SHOWN = "postgresql+nosuchdriver://bot:***@db.example:5432/briefbot"
TOKEN = "7012345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ"


@pytest.fixture(autouse=True)
def clean_env(monkeypatch):
    for key in ("BRIEFBOT_DATABASE_URL", "TELEGRAM_BOT_TOKEN", "BRIEFBOT_CONFIG"):
        monkeypatch.delenv(key, raising=False)


def test_one_helper_hides_the_password_the_same_way_everywhere():
    url = make_url(NO_DRIVER)
    assert shown_url(NO_DRIVER) == shown_url(url) == SHOWN
    assert describe_database(url) == f"database {SHOWN}"
    assert redact(f"cannot reach {NO_DRIVER}") == f"cannot reach {SHOWN}"
    assert audit_redact(f"cannot reach {NO_DRIVER}") == f"cannot reach {SHOWN}"
    # a password with characters a URL must escape: neither form is shown
    escaped = "postgresql+psycopg://bot:p%40ss%3Aw%2Frd@db/bb"
    assert shown_url(escaped) == "postgresql+psycopg://bot:***@db/bb"
    # text SQLAlchemy cannot read as a URL: the user-info password still masked
    assert shown_url(f"see {NO_DRIVER}") == f"see {SHOWN}"


def test_database_errors_name_the_url_without_the_password():
    with pytest.raises(DatabaseError) as raised:
        Database(NO_DRIVER)
    assert PASSWORD not in str(raised.value) and SHOWN in str(raised.value)


def test_config_view_hides_the_password(monkeypatch, tmp_path):
    monkeypatch.setenv("BRIEFBOT_DATABASE_URL", NO_DRIVER)
    settings = Settings(data_dir=tmp_path / "data")
    word = value_word(settings, "database_url")
    assert display_value(settings, "database_url", word) == SHOWN


def test_log_lines_hide_the_password_as_the_other_outputs_do(caplog):
    logger = logging.getLogger("tests.url_password")
    handler = caplog.handler
    handler.addFilter(RedactingFilter([TOKEN]))
    try:
        with caplog.at_level(logging.WARNING, logger="tests.url_password"):
            logger.warning("database %s unreachable", NO_DRIVER)
    finally:
        handler.removeFilter(handler.filters[-1])
    assert PASSWORD not in caplog.text and f"database {SHOWN} unreachable" in caplog.text


def cli(tmp_path, *args: str, env: dict[str, str]):
    base = ["--corpus-dir", str(tmp_path / "corpus"), "--data-dir", str(tmp_path / "data")]
    (tmp_path / "corpus").mkdir(exist_ok=True)
    return CliRunner().invoke(app, [*base, *args], env=env)


def test_doctor_never_shows_the_password(tmp_path):
    result = cli(tmp_path, "doctor", env={"BRIEFBOT_DATABASE_URL": NO_DRIVER})
    assert result.exit_code == 1
    assert PASSWORD not in result.output and SHOWN in result.output


def test_run_never_shows_the_password(tmp_path):
    env = {"BRIEFBOT_DATABASE_URL": NO_DRIVER, "TELEGRAM_BOT_TOKEN": TOKEN}
    result = cli(tmp_path, "run", env=env)
    assert result.exit_code == 1, result.output
    said = " ".join(result.output.split())
    assert PASSWORD not in said and SHOWN in said and TOKEN not in said
