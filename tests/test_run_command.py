"""``briefbot run``: the token (where it comes from, never shown), log redaction, and the
real bot against the fake Bot API server in a subprocess (127.0.0.1 only, bounded waits)."""

from __future__ import annotations

import asyncio
import io
import logging
import os
import signal
import socket
import sys

import httpx
import pytest
from typer.testing import CliRunner

from bot.config import PROJECT_ROOT, Settings
from bot.tokens import (
    REDACTED,
    RedactingFilter,
    TokenError,
    install_log_redaction,
    load_token,
    redact,
)
from briefbot.cli import app
from tests.conftest import BUNDLED_CORPUS

TOKEN = "7012345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ"  # well-formed, not a real token
OTHER_TOKEN = "1234567:" + "Z" * 35  # the token a server knows that is not the bot's
# how long a child bot may take to start (imports, jieba, the index) before its first call
STARTUP_WAIT = 60
ENV_KEYS = (
    "TELEGRAM_BOT_TOKEN",
    "TELEGRAM_API_BASE_URL",
    "BRIEFBOT_TOKEN_FILE",
    "BRIEFBOT_WEBHOOK_URL",
    "BRIEFBOT_WEBHOOK_SECRET_TOKEN",
    "BRIEFBOT_CONFIG",
)


@pytest.fixture(autouse=True)
def clean_env(monkeypatch):
    for key in ENV_KEYS:
        monkeypatch.delenv(key, raising=False)


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(corpus_dir=BUNDLED_CORPUS, data_dir=tmp_path / "data")


def invoke(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(app, ["--data-dir", "/nonexistent/never-used", *args], env=env)


# -- the token -----------------------------------------------------------------------------------
def test_run_without_a_token_exits_2_with_one_clear_line():
    result = invoke("run")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "no bot token" in lines[0] and "TELEGRAM_BOT_TOKEN" in lines[0]
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "bad",
    [
        "12345:tooshort",
        "notanumber:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ",
        "7012345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw!",  # a character tokens never have
        "7012345678 AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ",
    ],
)
def test_malformed_token_exits_2_and_is_never_shown(bad, caplog):
    caplog.set_level(logging.DEBUG)
    result = invoke("-v", "run", env={"TELEGRAM_BOT_TOKEN": bad})
    assert result.exit_code == 2
    assert "does not look like a bot token" in result.stderr
    for piece in (bad, bad.split(":")[-1], bad.split()[-1]):
        assert piece not in result.output
        assert piece not in caplog.text


def test_token_file_inside_the_repository_is_refused(tmp_path):
    inside = PROJECT_ROOT / "config" / "bot-token.txt"  # refused before it is even read
    result = invoke("run", env={"BRIEFBOT_TOKEN_FILE": str(inside)})
    assert result.exit_code == 2
    assert "inside the repository" in result.stderr and "Move it outside" in result.stderr
    # A link from outside into the repository is refused as well.
    link = tmp_path / "token"
    link.symlink_to(PROJECT_ROOT / "README.md")
    with pytest.raises(TokenError, match="inside the repository"):
        load_token(Settings(token_file=link), environ={})


def test_token_sources_and_precedence(tmp_path, caplog):
    token_file = tmp_path / "token"
    token_file.write_text(f"  {TOKEN}\n", encoding="utf-8")
    token_file.chmod(0o600)
    settings = Settings(token_file=token_file)
    assert load_token(settings, environ={}) == TOKEN
    other = "123456:" + "B" * 35
    assert load_token(settings, environ={"TELEGRAM_BOT_TOKEN": other}) == other  # env wins
    token_file.chmod(0o644)
    with caplog.at_level(logging.WARNING, logger="bot.tokens"):
        assert load_token(settings, environ={}) == TOKEN
    assert "readable by others" in caplog.text and TOKEN not in caplog.text
    token_file.write_text("\n", encoding="utf-8")
    with pytest.raises(TokenError, match="is empty"):
        load_token(settings, environ={})
    with pytest.raises(TokenError, match="does not exist"):
        load_token(Settings(token_file=tmp_path / "missing"), environ={})
    with pytest.raises(TokenError) as info:
        load_token(Settings(), environ={"TELEGRAM_BOT_TOKEN": TOKEN[:-10]})
    assert TOKEN[:-10] not in str(info.value) and TOKEN.split(":")[1][:10] not in str(info.value)


def test_settings_for_the_bot(tmp_path, monkeypatch):
    monkeypatch.setenv("TELEGRAM_API_BASE_URL", "http://127.0.0.1:8081/bot/")
    monkeypatch.setenv("BRIEFBOT_WEBHOOK_SECRET_TOKEN", "s3cret_Token-1")
    settings = Settings()
    assert settings.telegram_api_base_url == "http://127.0.0.1:8081"  # the server root
    assert settings.webhook_secret_token.get_secret_value() == "s3cret_Token-1"
    assert "s3cret" not in repr(settings)
    assert (settings.webhook_url, settings.webhook_listen, settings.webhook_port) == (
        None,
        "127.0.0.1",
        8443,
    )
    config = tmp_path / "site.toml"
    config.write_text('webhook_secret_token = "in-a-file"\n', encoding="utf-8")
    monkeypatch.setenv("BRIEFBOT_CONFIG", str(config))
    result = invoke("docs")
    assert result.exit_code == 2
    assert "configuration error" in result.output and "environment" in result.output
    assert "in-a-file" not in result.output


# -- redaction ----------------------------------------------------------------------------------
@pytest.fixture
def root_log():
    """A handler on the root logger, as logging.basicConfig makes; the filter removed after."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
    root = logging.getLogger()
    # build_application quietens httpx; these tests want every logger at DEBUG.
    loggers = [root, *(logging.getLogger(n) for n in ("httpx", "telegram", "tornado"))]
    levels = [logger.level for logger in loggers]
    root.addHandler(handler)
    for logger in loggers:
        logger.setLevel(logging.DEBUG)
    yield stream
    root.removeHandler(handler)
    for logger, level in zip(loggers, levels, strict=True):
        logger.setLevel(level)
    for target in (root, *root.handlers):
        for f in list(target.filters):
            if isinstance(f, RedactingFilter):
                target.removeFilter(f)


def test_redaction_filter_on_ptb_and_httpx_log_lines(root_log):
    install_log_redaction()
    url = httpx.URL(f"https://api.telegram.org/bot{TOKEN}/getUpdates")
    # httpx: logger "httpx", the URL as a %s argument.
    logging.getLogger("httpx").info(
        'HTTP Request: %s %s "%s %d %s"', "POST", url, "HTTP/1.1", 200, "OK"
    )
    # PTB: the base URL at debug level, and an exception whose text holds the token.
    logging.getLogger("telegram.Bot").debug("Set Bot API URL: %s", f"https://x/bot{TOKEN}")
    try:
        raise RuntimeError(f"The token `{TOKEN}` was rejected by the server.")
    except RuntimeError:
        logging.getLogger("telegram.ext.Updater").exception("Error while getting Updates")
    logging.getLogger("anything").warning("bare %s and %r", TOKEN, {"t": TOKEN})
    text = root_log.getvalue()
    assert TOKEN not in text and TOKEN.split(":")[1] not in text
    assert text.count(REDACTED) == 5
    assert (
        "httpx INFO HTTP Request: POST https://api.telegram.org/bot[REDACTED-TOKEN]/getUpdates"
        in text
    )
    assert "RuntimeError: The token `[REDACTED-TOKEN]` was rejected" in text


def test_redaction_of_configured_secrets(root_log):
    install_log_redaction(["webhook-secret-value"])
    logging.getLogger("tornado").info("header %s", "webhook-secret-value")
    assert "webhook-secret-value" not in root_log.getvalue()
    assert redact("no secrets here: 1234:short") == "no secrets here: 1234:short"


# -- the real bot, end to end ------------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def _until_listening(port: int, timeout: float = 10.0) -> None:
    """PTB sets the webhook first and then starts its server: wait for the port."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            if loop.time() > deadline:
                raise
            await asyncio.sleep(0.05)
            continue
        writer.close()
        await writer.wait_closed()
        return


async def _start_bot(data_dir, extra_env: dict[str, str]) -> asyncio.subprocess.Process:
    env = {k: v for k, v in os.environ.items() if k not in ENV_KEYS}
    env.update(TELEGRAM_BOT_TOKEN=TOKEN, PYTHONUNBUFFERED="1", **extra_env)
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "briefbot",
        "-v",  # INFO logs: httpx logs every request URL, token included, unless redacted
        "--corpus-dir",
        str(BUNDLED_CORPUS),
        "--data-dir",
        str(data_dir),
        "run",
        env=env,
        cwd=PROJECT_ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def _stop_bot(
    proc: asyncio.subprocess.Process, *, wait_for_exit: bool = False
) -> tuple[str, str]:
    if proc.returncode is None and not wait_for_exit:
        proc.send_signal(signal.SIGTERM)
    # a bot told to stop has 15 s; one left to exit by itself must first start (imports,
    # the index opened), which on a loaded 2-core machine took more than 15 s
    try:
        out, err = await asyncio.wait_for(proc.communicate(), 60 if wait_for_exit else 15)
    except TimeoutError:
        proc.kill()
        out, err = await proc.communicate()
        pytest.fail(f"the bot did not stop; stderr:\n{err.decode()[-2000:]}")
    return out.decode(), err.decode()


@pytest.mark.heavy
@pytest.mark.fake_bot(token=TOKEN)
async def test_run_polls_a_self_hosted_bot_api_and_stops_on_sigterm(bundled_engine, server):
    proc = await _start_bot(bundled_engine.settings.data_dir, {"TELEGRAM_API_BASE_URL": server.url})
    try:
        # 30 s was not enough for the child's start-up at a load of 10 on two cores
        await server.wait_until_polling(timeout=STARTUP_WAIT)
        alice = server.add_user("Alice")
        await server.send_message(alice, alice, "/start")
        reply = await server.next_bot_message(alice, timeout=10)
    finally:
        out, err = await _stop_bot(proc)
    assert reply["text"].strip()
    assert proc.returncode == 0, err[-2000:]
    assert f"running as @fake_test_bot: long polling, Bot API at {server.url}." in err
    assert "briefbot run: stopped." in err
    assert "Documents: " in err and "0 subscriptions, 0 active" in err  # the state it runs on
    assert TOKEN not in out + err and TOKEN.split(":")[1] not in out + err
    assert server.calls("deleteWebhook"), "polling starts by removing any webhook"


@pytest.mark.heavy
@pytest.mark.fake_bot(token=TOKEN)
async def test_run_webhook_mode_with_secret_token(bundled_engine, server):
    port = _free_port()
    # Telegram only accepts https webhooks; TLS ends at a proxy that forwards to the bot.
    hook = "https://bot.example.org/telegram/hook"
    local = f"http://127.0.0.1:{port}/telegram/hook"
    proc = await _start_bot(
        bundled_engine.settings.data_dir,
        {
            "TELEGRAM_API_BASE_URL": server.url,
            "BRIEFBOT_WEBHOOK_URL": hook,
            "BRIEFBOT_WEBHOOK_PORT": str(port),
            "BRIEFBOT_WEBHOOK_SECRET_TOKEN": "hook_Secret-42",
        },
    )
    try:
        set_call = await server.next_call("setWebhook", timeout=STARTUP_WAIT)
        await _until_listening(port)
        alice = server.add_user("Alice")
        await server.send_message(alice, alice, "/start")
        update = server.pending_updates[-1]
        async with httpx.AsyncClient(timeout=10) as client:
            wrong = await client.post(
                local, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "nope"}
            )
            right = await client.post(
                local,
                json=update,
                headers={"X-Telegram-Bot-Api-Secret-Token": "hook_Secret-42"},
            )
        reply = await server.next_bot_message(alice, timeout=10)
    finally:
        out, err = await _stop_bot(proc)
    assert set_call.params["url"] == hook
    assert set_call.params["secret_token"] == "hook_Secret-42"
    assert (wrong.status_code, right.status_code) == (403, 200)
    assert reply["text"].strip()
    assert proc.returncode == 0, err[-2000:]
    assert f"webhook {hook}, listening on 127.0.0.1:{port}" in err
    assert TOKEN not in out + err and "hook_Secret-42" not in out + err


@pytest.mark.heavy
@pytest.mark.fake_bot(token=OTHER_TOKEN)
async def test_a_token_the_server_rejects_exits_2_and_stays_hidden(bundled_engine, server):
    proc = await _start_bot(bundled_engine.settings.data_dir, {"TELEGRAM_API_BASE_URL": server.url})
    out, err = await _stop_bot(proc, wait_for_exit=True)
    assert proc.returncode == 2, err[-2000:]
    assert "briefbot run: the Bot API rejected the token" in err
    # PTB logs the InvalidToken traceback, whose message quotes the token: redacted.
    assert "InvalidToken" in err and REDACTED in err
    assert TOKEN not in out + err and TOKEN.split(":")[1] not in out + err


# -- the Bot API not reached at start ------------------------------------------------------------
class _Unreachable:
    """An application whose start fails as PTB's does when nothing answers at the Bot API's
    address: its network loop logs the last try with the traceback, then re-raises."""

    post_init = None
    bot = None

    def run_polling(self, **_kwargs) -> None:
        from telegram.error import NetworkError

        try:
            raise httpx.ConnectError("All connection attempts failed")
        except httpx.ConnectError as exc:
            logging.getLogger("telegram.ext").exception(
                "%s Failed run number %s of %s. Aborting.",
                "Network Retry Loop (Bootstrap Initialize Application):",
                0,
                0,
            )
            raise NetworkError(f"httpx.ConnectError: {exc}") from exc


@pytest.mark.parametrize("verbose", [False, True])
def test_a_bot_api_not_reached_is_one_line_naming_it_and_a_traceback_only_with_v(
    monkeypatch, tmp_path, caplog, verbose
):
    import handlers.app
    from briefbot.cli import serve

    monkeypatch.setattr(serve, "open_engine", lambda: None)
    monkeypatch.setattr(serve, "what_it_runs_on", lambda *_a, **_k: [])
    monkeypatch.setattr(handlers.app, "build_application", lambda *_a, **_k: _Unreachable())
    caplog.set_level(logging.INFO if verbose else logging.WARNING)
    api = "http://127.0.0.1:9"
    result = CliRunner().invoke(
        app,
        [*(["-v"] if verbose else []), "--data-dir", str(tmp_path / "data"), "run"],
        env={"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": api},
    )
    assert result.exit_code == 1, result.output
    line = result.stderr.strip().splitlines()[-1]
    assert line.startswith(f"briefbot run: cannot reach the Telegram Bot API at {api} (")
    assert "All connection attempts failed" in line and "TELEGRAM_API_BASE_URL" in line
    (aborted,) = [r for r in caplog.records if r.getMessage().endswith("Aborting.")]
    assert (aborted.exc_info is not None) is verbose  # the traceback: with -v only
    assert TOKEN not in result.output


def test_an_error_the_bot_api_answered_is_not_called_unreachable():
    from telegram.error import BadRequest, InvalidToken, TimedOut

    from briefbot.cli.serve import unreachable_line

    assert unreachable_line(BadRequest("Bad webhook: HTTPS url must be provided"), None) is None
    assert unreachable_line(InvalidToken(), None) is None
    said = unreachable_line(TimedOut(), None)
    assert said is not None and "https://api.telegram.org" in said
