"""A time of day typed among a search's keywords (``GDP 9:00 就业``) was split at its colon
and searched as the numbers 9 and 00. A search never takes a time: it is left out, the
rest searched, and the reply says so and which command takes a time (a digest's schedule,
/subscribe), in the bot and on the command line alike. Invented queries."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.library import Engine
from bot.search.query import TIME_IGNORED, parse_query
from briefbot.cli import app
from fake_telegram import FakeBotApi
from tests.e2e import ask_text, copy_template, running


@pytest.mark.parametrize(
    ("typed", "words", "times"),
    [
        ("GDP 9:00 就业", ["gdp", "就业"], "9:00"),
        ("08:30 乡村振兴", ["乡村振兴"], "08:30"),
        ("就业 ９：００", ["就业"], "９：００"),  # full width, as a phone types it
        ("GDP 7:30 就业 21:45", ["gdp", "就业"], "7:30、21:45"),
        ("23:59", [], "23:59"),
    ],
)
def test_a_time_typed_as_a_word_is_left_out_and_said(typed: str, words: list, times: str) -> None:
    parsed = parse_query(typed, max_chars=200)
    assert [p.text for p in parsed.parts] == words
    (note,) = parsed.note_codes
    assert note.code == TIME_IGNORED and dict(note.params)["time"] == times
    assert ":" not in parsed.cleaned and "：" not in parsed.cleaned


@pytest.mark.parametrize(
    "typed",
    [
        "1:10万 地形图",  # a map's scale: more than a time
        "配套比例 1:1",  # a ratio: no two-digit minutes
        '会议 "9:00"',  # quoted: a phrase to find as typed
        "GDP9:00",  # inside a word
        "25:00 GDP",  # no hour of a day
        "比例 3:75",  # no minute of an hour
    ],
)
def test_what_only_looks_like_a_time_stays_a_word(typed: str) -> None:
    assert parse_query(typed, max_chars=200).note_codes == ()


async def test_the_bot_searches_without_the_time_and_says_where_it_goes(
    server: FakeBotApi, engine: Engine
) -> None:
    reader = server.add_user("Ann")
    async with running(server, engine):
        plain = await ask_text(server, reader, reader, "/search 就业 创业")
        said = await ask_text(server, reader, reader, "/search 就业 9:00 创业")
        note = (
            "9:00 是时间，搜索不按时间查找，已忽略；要定时收到推送，请用 /subscribe，"
            "例如：/subscribe 每天 9:00 就业 创业"
        )
        assert note in said, said
        # the query said back as typed, then the same results as without the time
        head, rest = said.replace(note + "\n", "").split("\n", 1)
        assert head == "🔎 就业 9:00 创业" and rest == plain.split("\n", 1)[1], (said, plain)
        alone = await ask_text(server, reader, reader, "9:00")
        assert "9:00 是时间" in alone and "请输入要查找的关键词" in alone, alone
        await ask_text(server, reader, reader, "/lang en")
        said = await ask_text(server, reader, reader, "就业 18:30")
        assert (
            "18:30 is a time of day: a search does not take one, so it was left out; for a "
            "digest at a time, use /subscribe, e.g. /subscribe daily 18:30 就业"
        ) in said, said


def test_the_command_line_says_it_too(bundled_template: Path, tmp_path: Path) -> None:
    settings = copy_template(bundled_template, tmp_path)
    where = ["--corpus-dir", str(settings.corpus_dir), "--data-dir", str(settings.data_dir)]
    printed = CliRunner().invoke(app, [*where, "search", "就业 9:00"], env={"COLUMNS": "200"})
    assert printed.exit_code == 0, printed.output
    assert "9:00 是时间，已忽略" in printed.stdout and "条结果" in printed.stdout
    # the rest searched and nothing found: said, as without the time
    printed = CliRunner().invoke(app, [*where, "search", "量子纠缠 9:00"], env={"COLUMNS": "200"})
    assert "9:00 是时间，已忽略" in printed.stdout and "没有找到结果" in printed.stdout
    printed = CliRunner().invoke(app, [*where, "search", "9:00"], env={"COLUMNS": "200"})
    assert "请输入要查找的关键词" in printed.stdout and "没有找到结果" not in printed.stdout


def test_the_offered_subscription_reads_the_time_as_its_schedule() -> None:
    """What the reply offers is a subscription that works: its time is the schedule."""
    from bot.subscriptions.commands import parse_subscribe

    request = parse_subscribe("每天 9:00 就业 创业", default_time="08:00")
    assert (request.schedule.expr, request.filter_text) == ("09:00", "就业 创业")
    request = parse_subscribe("daily 18:30 就业", default_time="08:00")
    assert (request.schedule.expr, request.filter_text) == ("18:30", "就业")
