"""The offline console: the real bot over the fake Telegram server, driven through stdin."""

from __future__ import annotations

import asyncio
import io
import os
import re
import signal
import sys
import time

import httpx
import pytest
from rich.console import Console
from telegram import Update
from telegram.ext import (
    Application,
    ApplicationBuilder,
    ApplicationHandlerStop,
    MessageHandler,
    TypeHandler,
    filters,
)
from typer.testing import CliRunner

import handlers.console
from bot.config import Settings
from briefbot.cli import app
from handlers.console import TelegramLayerUnavailable, chat, entities_to_text, message_body
from tests.conftest import BUNDLED_CORPUS

PAGE = re.compile(r"第\s*(\d+)\s*/\s*(\d+)\s*页")
NEXT = re.compile(r"\[(\d+)\] 下一页")


@pytest.fixture(autouse=True)
def no_token(monkeypatch):
    for key in ("TELEGRAM_BOT_TOKEN", "BRIEFBOT_TOKEN_FILE", "BRIEFBOT_CONFIG"):
        monkeypatch.delenv(key, raising=False)


@pytest.fixture
def briefbot(bundled_engine):
    """``briefbot ARGS`` in-process on the bundled corpus with an index built once."""
    base = [
        "--corpus-dir",
        str(BUNDLED_CORPUS),
        "--data-dir",
        str(bundled_engine.settings.data_dir),
    ]

    def invoke(*args: str, input: str = "", env: dict[str, str] | None = None):
        result = CliRunner().invoke(app, [*base, *args], input=input, env=env)
        assert result.exception is None or isinstance(result.exception, SystemExit), result.output
        return result

    return invoke


def test_search_reply_then_a_button_pressed_by_number(briefbot):
    first = briefbot("console", input="乡村振兴\n:quit\n")
    assert first.exit_code == 0, first.output
    out = first.stdout
    assert "» 乡村振兴" in out
    # The bot's HTML (<b> around each hit) is rendered, not shown as markup.
    assert "深入实施乡村振兴战略" in out
    assert "<b>" not in out and "</b>" not in out and "&lt;" not in out
    assert [m.group(1) for m in PAGE.finditer(out)] == ["1"]
    number = NEXT.search(out).group(1)

    second = briefbot("console", input=f"乡村振兴\n{number}\n:quit\n")
    out = second.stdout
    assert second.exit_code == 0, second.output
    assert f"» [{number}] 下一页" in out and "（已编辑）" in out
    assert [m.group(1) for m in PAGE.finditer(out)] == ["1", "2"]
    assert "上一页" in out.split("（已编辑）")[1]  # the edited page has a way back


@pytest.mark.parametrize("leave", ["/quit", "/exit"])
def test_a_slash_quit_leaves_the_console_before_the_rest_is_read(briefbot, leave):
    result = briefbot("console", input=f"{leave}\n乡村振兴\n")
    assert result.exit_code == 0, result.output
    assert "未知命令" not in result.stdout and "» 乡村振兴" not in result.stdout


def test_the_console_says_the_plan_period_understood(briefbot):
    out = briefbot("console", input="十四五 地区生产总值 目标\n:quit\n").stdout
    assert "理解为：时期 十四五（2021–2025） · 指标 地区生产总值" in out, out


def test_piped_lines_are_all_answered_never_flood_dropped(briefbot, caplog):
    """More lines than the flood burst: the local user is answered line by line."""
    lines = Settings().flood_burst + 4
    queries = [f"乡村振兴 {n}" for n in range(lines)]
    result = briefbot("console", input="\n".join(queries) + "\n")
    out = result.stdout
    assert result.exit_code == 0, result.output
    assert len(PAGE.findall(out)) == lines, out[-2000:]
    assert "请求过于频繁" not in out
    # the console keeps its subscriptions in memory, and does not say "no database"
    assert not [r for r in caplog.records if "no database" in r.getMessage()]


def test_no_input_plays_the_demo(briefbot):
    result = briefbot(input="")
    out = result.stdout
    assert result.exit_code == 0, result.output
    assert "示例检索和命令" in out
    steps = ["» /start", "» /search 乡村振兴", "下一页", "» 营商环竟", "» /targets GDP"]
    positions = [out.index(step) for step in steps]
    assert positions == sorted(positions)
    assert [m.group(1) for m in PAGE.finditer(out)][:2] == ["1", "2"]  # next page pressed
    assert "营商环竟 → 营商环境" in out  # the typo corrected by the bot
    assert "地区生产总值" in out.split("» /targets GDP")[1]
    assert "`briefbot run` 用令牌启动真正的 Telegram 机器人" in out


def test_quit_help_and_docs(briefbot):
    result = briefbot(input=":help\n:docs\n:quit\n乡村振兴\n")
    out = result.stdout
    assert result.exit_code == 0
    assert "输入数字即按下显示为 [数字] 的按钮" in out
    assert "004_f9b1766ae33f6aa2.txt  烟台市2024年政府工作报告  (烟台 · 市级 · 政府工作报告" in out
    assert "» 乡村振兴" not in out and "示例检索和命令" not in out  # nothing after :quit


def test_compare_and_targets_with_all_in_the_console(briefbot):
    out = briefbot(input="/compare GDP\n/targets GDP all\n:quit\n").stdout
    compare = out.split("» /compare GDP")[1].split("» /targets GDP all")[0]
    assert "对比：GDP" in compare and "包括：地区生产总值、国内生产总值" in compare
    assert "【烟台】" in compare
    everything = out.split("» /targets GDP all")[1]
    assert "指标：GDP" in everything and "低可信度" not in everything


def test_briefbot_alone_is_the_console_even_with_a_token(briefbot):
    token = "7012345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ"
    result = briefbot(input="/help\n", env={"TELEGRAM_BOT_TOKEN": token})
    assert result.exit_code == 0, result.output
    assert "» /help" in result.stdout and "/search" in result.stdout.split("» /help")[1]
    assert token not in result.output


def test_help_explains_the_console_and_run():
    text = CliRunner().invoke(app, ["--help"]).stdout
    assert "offline console" in text and "briefbot run" in text and "console" in text


def test_falls_back_to_the_search_console_when_the_bot_cannot_start(briefbot, monkeypatch):
    def unavailable():
        raise TelegramLayerUnavailable("the Telegram layer cannot be loaded (test)")

    monkeypatch.setattr(handlers.console, "default_app_factory", unavailable)
    result = briefbot(input="乡村振兴\n:quit\n")
    assert result.exit_code == 0
    assert "cannot be loaded (test); using the plain search console instead" in result.stderr
    assert "» 乡村振兴" in result.stdout and "条结果 (results)" in result.stdout


# -- in-process, with the application in hand --------------------------------------------------
def _stdin(monkeypatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))


async def test_terminal_styles_and_a_clean_stop(bundled_engine, monkeypatch):
    from handlers.app import build_application

    built: list[tuple[Application, str]] = []

    def factory(*args, **kwargs):
        application = build_application(*args, **kwargs)
        built.append((application, kwargs["base_url"]))
        return application

    _stdin(monkeypatch, "乡村振兴\n:quit\n")
    buffer = io.StringIO()
    out = Console(file=buffer, force_terminal=True, color_system="standard", width=200)
    await chat(bundled_engine.settings, bundled_engine, out=out, app_factory=factory)
    text = buffer.getvalue()
    assert "\x1b[1m乡村振兴\x1b[0m" in text  # the highlight is bold in a terminal
    ((application, base_url),) = built
    assert not application.running and not application.updater.running
    with pytest.raises(httpx.ConnectError):  # the fake server is gone too
        httpx.get(base_url, timeout=2)


def _tiny_app(settings, engine, *, token, base_url, base_file_url, query_store=None):
    """A stand-in bot: echoes, and stops "flood" in group -1 without any reply."""

    async def gate(update: Update, context) -> None:
        if update.message and update.message.text == "flood":
            raise ApplicationHandlerStop

    async def echo(update: Update, context) -> None:
        await update.message.reply_html(
            f'echo: <i>{update.message.text}</i> <a href="https://example.org/x">source</a>'
        )

    application = (
        ApplicationBuilder()
        .token(token)
        .base_url(base_url)
        .base_file_url(base_file_url)
        .concurrent_updates(True)
        .build()
    )
    application.add_handler(TypeHandler(Update, gate), group=-1)
    application.add_handler(MessageHandler(filters.TEXT, echo))
    return application


async def test_a_stopped_update_does_not_wait_for_the_timeout(bundled_engine, monkeypatch):
    _stdin(monkeypatch, "flood\nhello\n")
    buffer = io.StringIO()
    started = time.monotonic()
    await chat(
        bundled_engine.settings,
        bundled_engine,
        out=Console(file=buffer, width=200),
        app_factory=_tiny_app,
        reply_timeout=5,
    )
    assert time.monotonic() - started < 4
    text = buffer.getvalue()
    assert "没有处理完" not in text
    assert "echo: hello source (https://example.org/x)" in text


def test_rendering_entities_links_and_files():
    # UTF-16 offsets: the emoji counts as two units.
    styled = entities_to_text(
        "😀 bold and link",
        [
            {"type": "bold", "offset": 3, "length": 4},
            {"type": "text_link", "offset": 12, "length": 4, "url": "https://example.org"},
        ],
    )
    assert styled.plain == "😀 bold and link (https://example.org)"
    spans = {(styled.plain[s.start : s.end], str(s.style)) for s in styled.spans}
    assert ("bold", "bold") in spans
    body = message_body({"document": {"file_name": "a.txt", "file_size": 3}, "caption": "c"})
    assert body.plain == "📎 a.txt (3 字节)\nc"
    assert message_body({"document": {"file_name": "a.txt", "file_size": 3}}, "en").plain == (
        "📎 a.txt (3 bytes)"
    )


async def test_ctrl_c_stops_the_console_while_it_waits_for_input(bundled_engine, monkeypatch):
    read_fd, write_fd = os.pipe()
    os.write(write_fd, b"/start\n")  # the pipe stays open: the reader thread blocks on it
    buffer = io.StringIO()
    built: list[Application] = []

    def factory(*args, **kwargs):
        built.append(_tiny_app(*args, **kwargs))
        return built[-1]

    async def press_ctrl_c() -> None:
        for _ in range(500):  # at most 10 s
            if "echo: /start" in buffer.getvalue():
                break
            await asyncio.sleep(0.02)
        await asyncio.sleep(0.1)  # the console is back to reading stdin
        os.kill(os.getpid(), signal.SIGINT)

    with open(read_fd, encoding="utf-8") as stdin:
        monkeypatch.setattr(sys, "stdin", stdin)
        kill = asyncio.create_task(press_ctrl_c())
        try:
            await asyncio.wait_for(
                chat(
                    bundled_engine.settings,
                    bundled_engine,
                    out=Console(file=buffer, width=200),
                    app_factory=factory,
                    interactive=False,
                ),
                15,
            )
        finally:
            kill.cancel()
            os.close(write_fd)  # the reader thread sees the end of input and finishes
    assert "echo: /start" in buffer.getvalue()
    assert not built[0].running and not built[0].updater.running


# -- input that is not UTF-8 (issue 14, #8) ------------------------------------------------------
NOT_UTF8 = "乡村振兴\n".encode() + b"caf\xe9 \xff\xfe\n" + "营商环境\n".encode() * 3


async def test_input_that_is_not_utf8_is_decoded_with_replacement(bundled_engine, monkeypatch):
    lines = "乡村振兴\n".encode() + b"x\xff\nhello\n\x80\x81\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines), encoding="utf-8"))
    buffer = io.StringIO()
    await chat(
        bundled_engine.settings,
        bundled_engine,
        out=Console(file=buffer, width=200),
        app_factory=_tiny_app,
        reply_timeout=5,
    )
    text = buffer.getvalue()
    assert "echo: 乡村振兴" in text and "echo: hello" in text
    assert "echo: x\ufffd" in text and "echo: \ufffd\ufffd" in text  # the bad bytes replaced
    assert text.count("输入不是有效的 UTF-8") == 1  # said once


def test_the_console_answers_piped_bytes_that_are_not_utf8(briefbot):
    result = briefbot(input=NOT_UTF8)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert result.stdout.count("» 营商环境") == 3 and "» 乡村振兴" in result.stdout
    assert "» caf\ufffd \ufffd\ufffd" in result.stdout
    assert result.output.count("输入不是有效的 UTF-8") == 1


def test_the_plain_search_console_reads_bytes_that_are_not_utf8(briefbot, monkeypatch):
    def unavailable():
        raise TelegramLayerUnavailable("the Telegram layer cannot be loaded (test)")

    monkeypatch.setattr(handlers.console, "default_app_factory", unavailable)
    result = briefbot(input=NOT_UTF8)
    assert result.exit_code == 0 and "Traceback" not in result.output
    assert result.stdout.count("» 营商环境") == 3 and "» caf\ufffd \ufffd\ufffd" in result.stdout
    assert result.output.count("not valid UTF-8") == 1


# -- the console's own words (user trial 3) ------------------------------------------------------
# English sentences of the console's frame that a Chinese session must not show.
ENGLISH_FRAME = ("Type a message", "Sample searches", "In a terminal", "Unknown console command")


def test_the_consoles_own_words_follow_the_bots_language(briefbot):
    """The frame around the chat is in the language the bot answers in: Chinese for the
    console's user, English after ``/lang en``, as the bot's replies are."""
    out = briefbot(input=":help\n:nonsense\n/lang en\n:help\n:nonsense\n").stdout
    chinese, english = out.split("» /lang en")
    assert "输入消息发给机器人" in chinese and "未知的控制台命令“:nonsense”" in chinese
    assert not [sentence for sentence in ENGLISH_FRAME if sentence in chinese]
    assert "Type a message for the bot" in english
    assert "Unknown console command “:nonsense”" in english
    assert "输入消息发给机器人" not in english


def test_the_demo_is_framed_in_chinese(briefbot):
    out = briefbot(input="").stdout
    assert "离线演示" in out and "在终端中运行 `briefbot`" in out
    assert not [sentence for sentence in ENGLISH_FRAME if sentence in out]


def test_a_mistyped_console_command_is_not_searched(briefbot):
    """``:dcos`` (for ``:docs``) is a console command mistyped, not words to search: the
    console says so and the bot is not asked (no search reply, no suggestions)."""
    out = briefbot(input=":dcos\n:quit\n").stdout
    assert "未知的控制台命令“:dcos”" in out and ":docs 列出文件" in out
    assert "🔎" not in out and "没有找到相关结果" not in out


async def test_the_prompt_and_banner_of_a_terminal_follow_the_language(
    bundled_engine, monkeypatch, capsys
):
    """In a terminal the prompt stayed ``你> `` after ``/lang en`` (and the banner was
    English whatever the bot spoke)."""
    _stdin(monkeypatch, "/lang en\n乡村振兴\n")
    buffer = io.StringIO()
    await chat(
        bundled_engine.settings,
        bundled_engine,
        out=Console(file=buffer, width=200),
        interactive=True,
    )
    prompts = capsys.readouterr().out  # input() writes its prompt to stdout
    assert prompts.startswith("你> ") and "you> " in prompts
    text = buffer.getvalue()
    assert "离线控制台" in text and "OK, I will reply to you in English" in text


def test_inline_mode_is_tried_in_the_console_through_the_bots_handler(briefbot):
    """``:inline 乡村振兴`` lists what ``@policy_brief_bot 乡村振兴`` typed in any chat would
    (the inline query answered by the bot's own handler); too short, the bot's hint
    button; none, how to use it (trial-left16: inline mode could not be tried offline)."""
    out = briefbot(input=":inline 乡村振兴\n:inline 乡\n:inline\n:quit\n").stdout
    assert "在任意聊天中输入 @policy_brief_bot 乡村振兴（内联模式）会列出：" in out
    assert "  1. " in out and "乡村" in out.split("会列出：")[1]
    assert "⬚ " in out  # the one-character query: the bot's button instead of results
    assert "用法：:inline 关键词" in out
    assert "没有找到相关结果" not in out.split("会列出：")[0]  # never sent as a message
