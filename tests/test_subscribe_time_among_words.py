"""``/subscribe GDP 9:00 就业`` subscribed to the keywords GDP, 9:00 and 就业 at the default
08:00 (a time was read as the schedule only first or last), and ``/subscribe 25:00 GDP``
to the keyword 25:00: a digest no figure ever matches, at an hour not asked for. A time
among the words is the schedule; a second one, or no time of day, is refused and said.
Invented filters."""

from __future__ import annotations

import pytest

from bot.library import Engine
from bot.subscriptions.commands import parse_subscribe
from bot.subscriptions.schedule import ScheduleError
from fake_telegram import FakeBotApi
from tests.e2e import ask_text, running


@pytest.mark.parametrize(
    ("typed", "filter_text", "expr"),
    [
        ("GDP 9:00 就业", "GDP 就业", "09:00"),
        ("region:四川 21:30 粮食", "粮食 region:四川", "21:30"),
        ("就业 ８：３０ 创业", "就业 创业", "08:30"),  # full width
        ("GDP 8点 就业", "GDP 就业", "08:00"),  # said in words
        ("GDP 就业 9:00", "GDP 就业", "09:00"),  # last: as before
        ('GDP "9:00"', "GDP 9:00", "08:00"),  # quoted: a phrase the user asked for
    ],
)
def test_a_time_among_the_words_is_the_schedule(typed: str, filter_text: str, expr: str) -> None:
    request = parse_subscribe(typed, default_time="08:00")
    assert (request.filter_text, request.schedule.expr) == (filter_text, expr)


@pytest.mark.parametrize(
    ("typed", "code", "params"),
    [
        ("25:00 GDP", "schedule.time_out_of_range", {"text": "25:00"}),
        ("GDP 24:30 就业", "schedule.time_out_of_range", {"text": "24:30"}),
        ("GDP 9:00 就业 每天 10:00", "schedule.two_schedules",
         {"first": "9:00", "second": "每天 10:00"}),
        ("GDP 9:00 就业 18:00 CPI", "schedule.two_schedules", {"first": "9:00", "second": "18:00"}),
    ],
)  # fmt: skip
def test_a_time_that_cannot_be_the_schedule_is_refused(typed: str, code: str, params: dict) -> None:
    with pytest.raises(ScheduleError) as caught:
        parse_subscribe(typed, default_time="08:00")
    assert caught.value.code == code
    assert {k: caught.value.params[k] for k in params} == params


async def test_the_bot_subscribes_at_the_time_typed_among_the_words(
    server: FakeBotApi, engine: Engine
) -> None:
    reader = server.add_user("Ann")
    async with running(server, engine):
        said = await ask_text(server, reader, reader, "/subscribe GDP 9:00 就业")
        assert "时间：每天 09:00" in said and "9:00、" not in said, said
        said = await ask_text(server, reader, reader, "/subscribe 25:00 GDP")
        assert "✅" not in said and "25:00" in said and "00:00–23:59" in said, said
        listed = await ask_text(server, reader, reader, "/subscriptions")
        # nothing subscribed by the refused one
        assert "#1 关键词：GDP、就业" in listed and "#2" not in listed, listed


# -- a day and a time, wherever they stand -------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "filter_text", "expr"),
    [
        ("周一 GDP 9:00 就业", "GDP 就业", "mon 09:00"),
        ("9:00 粮食 周三 产量", "粮食 产量", "wed 09:00"),  # the time first, the day among
        ("GDP 每周五 就业 18:30", "GDP 就业", "fri 18:30"),
        ("星期日 region:四川 粮食 21:30", "粮食 region:四川", "sun 21:30"),
        ("工作日 GDP 8:30 就业", "GDP 就业", "30 8 * * 1-5"),
        ("GDP 7:45 每天 就业", "GDP 就业", "07:45"),
        ("CPI 周二 物价", "CPI 物价", "tue 08:00"),  # a day alone: the default hour
        ("GDP 周四10:00 就业", "GDP 就业", "thu 10:00"),  # glued, among the words
        ("GDP monday 就业", "GDP monday 就业", "08:00"),  # English there may be a term
    ],
)
def test_a_day_and_a_time_anywhere_are_one_schedule(
    typed: str, filter_text: str, expr: str
) -> None:
    request = parse_subscribe(typed, default_time="08:00")
    assert (request.filter_text, request.schedule.expr) == (filter_text, expr)


@pytest.mark.parametrize(
    ("typed", "first", "second"),
    [
        ("周一 GDP 周二 就业", "周一", "周二"),
        ("周一 GDP 周五 9:00", "周一", "周五 9:00"),
        ("周一 9:00 GDP 10:00", "周一 9:00", "10:00"),
        ("GDP 周一 9:00 就业 10:00", "周一 9:00", "10:00"),
        ("每天 GDP 周三 就业", "每天", "周三"),
    ],
)
def test_two_days_or_two_times_stay_refused(typed: str, first: str, second: str) -> None:
    with pytest.raises(ScheduleError) as caught:
        parse_subscribe(typed, default_time="08:00")
    assert caught.value.code == "schedule.two_schedules"
    assert (caught.value.params["first"], caught.value.params["second"]) == (first, second)


async def test_the_bot_subscribes_on_the_day_at_the_time_among_the_words(
    server: FakeBotApi, engine: Engine
) -> None:
    """``/subscribe 周一 GDP 9:00 就业`` was refused as two schedules (周一 and 9:00)."""
    reader = server.add_user("Ann")
    async with running(server, engine):
        said = await ask_text(server, reader, reader, "/subscribe 周一 GDP 9:00 就业")
        assert "✅" in said and "时间：每周一 09:00" in said, said
        said = await ask_text(server, reader, reader, "/subscribe 周一 GDP 周二 就业")
        assert "✅" not in said and "周一" in said and "周二" in said, said
        await ask_text(server, reader, reader, "/lang en")
        said = await ask_text(server, reader, reader, "/subscribe CPI 18:30 星期五 物价")
        assert "Fridays at 18:30" in said, said
        listed = await ask_text(server, reader, reader, "/subscriptions")
        # the day and the time are the schedule, no keyword; nothing from the refused one
        assert "#1 keywords: GDP, 就业\n  Mondays at 09:00" in listed, listed
        assert "#2 keywords: CPI, 物价\n  Fridays at 18:30" in listed, listed
        assert "#3" not in listed, listed


# -- /schedule: the name other apps give it ------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "meant"),
    [("schedule", "subscribe"), ("Schedule", "subscribe"), ("alerts", "subscribe"),
     ("schedules", "subscriptions"), ("find", "search"), ("unsub", "unsubscribe"),
     ("schedual", "subscribe"), ("foo", None)],
)  # fmt: skip
def test_a_command_named_as_other_apps_name_it(typed: str, meant: str | None) -> None:
    from bot.text.typed_commands import closest_command

    commands = {"subscribe", "subscriptions", "unsubscribe", "search", "targets", "help"}
    assert closest_command(typed, commands) == meant
    # never a command the bot does not have
    assert closest_command(typed, {"help", "targets"}) is None


async def test_schedule_is_answered_with_the_subscribe_it_means(
    server: FakeBotApi, engine: Engine
) -> None:
    """``/schedule 9:00 GDP`` was "未知命令" with nothing said of where a time is set."""
    reader = server.add_user("Ann")
    async with running(server, engine):
        said = await ask_text(server, reader, reader, "/schedule 9:00 GDP")
        assert said.startswith("没有 /schedule 这个命令。您是不是要发送 /subscribe 9:00 GDP？"), (
            said
        )
        listed = await ask_text(server, reader, reader, "/subscriptions")
        assert "#1" not in listed, listed  # said, not run


async def test_help_of_schedule_gives_the_usage_of_subscribe(
    server: FakeBotApi, engine: Engine
) -> None:
    """``/help schedule`` said "no such command" over the whole list of commands."""
    reader = server.add_user("Ann")
    async with running(server, engine):
        said = await ask_text(server, reader, reader, "/help schedule")
        assert said.startswith(
            "没有 /schedule 这个命令；您要的可能是 /subscribe：\n\n订阅重点目标推送\n/subscribe ["
        ), said
        said = await ask_text(server, reader, reader, "/help foo")  # nothing close: the list
        assert said.startswith("没有 /foo 这个命令。可用的命令：\n\n"), said
        await ask_text(server, reader, reader, "/lang en")
        said = await ask_text(server, reader, reader, "/help alerts")
        assert said.startswith("There is no command /alerts; you may mean /subscribe:\n\n"), said
