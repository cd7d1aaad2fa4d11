"""What a financial journalist hit in her first week (``bench/RESULTS.md``,
``user-trial11``): 12-hour times, 全国 and counties in pinyin in ``/subscribe``, links and
pasted reports sent to the bot, time zones by their English names, asking for an export,
an admin's new name, old subscriptions with a bare year. Through the fake Bot API server
(the real Application, as ``tests/e2e.py`` drives it), with unit cases on invented text."""

from __future__ import annotations

import pytest

from bot.subscriptions.commands import parse_subscribe
from bot.subscriptions.schedule import ScheduleError, looks_like_time
from bot.subscriptions.spoken_time import clock_times
from fake_telegram import FakeBotApi
from tests.e2e import ask_text
from tests.test_subscriptions_e2e import running as subscribed
from tests.test_subscriptions_e2e import store_of


# -- 12-hour times ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("8am", "8:00"),
        ("8 am", "8:00"),
        ("7:30am", "7:30"),
        ("8:30 pm", "20:30"),
        ("9 p.m.", "21:00"),
        ("12am", "0:00"),  # midnight
        ("12pm", "12:00"),  # noon
        ("12:15 am", "0:15"),
        ("15pm", "15pm"),  # no 12-hour time: left for the schedule to refuse
        ("pm2.5 08:00", "pm2.5 08:00"),  # fine particles, not a time
        ("8amp", "8amp"),
    ],
)
def test_a_12_hour_time_is_read_as_the_clock_time(typed: str, read: str) -> None:
    assert clock_times(typed) == read


@pytest.mark.parametrize(
    ("typed", "stored", "at"),
    [
        ("GDP 8am", "GDP", "08:00"),
        ("GDP 8:00 PM", "GDP", "20:00"),
        ("GDP 8 pm", "GDP", "20:00"),
        ("7:30AM 外贸", "外贸", "07:30"),
        ("外贸 周一 9am", "外贸", "mon 09:00"),
        ("PM2.5 08:00", "PM2.5", "08:00"),
    ],
)
def test_subscribe_reads_a_12_hour_time(typed: str, stored: str, at: str) -> None:
    request = parse_subscribe(typed, default_time="08:00")
    assert (request.filter_text, request.schedule.expr, request.schedule_given) == (
        stored,
        at,
        True,
    )


def test_a_12_hour_time_out_of_range_is_refused_not_a_keyword() -> None:
    assert looks_like_time("15pm")
    with pytest.raises(ScheduleError):
        parse_subscribe("外贸 15pm", default_time="08:00")


async def test_subscribe_at_8pm_through_the_bot(server: FakeBotApi, engine, db_url) -> None:
    """``/subscribe GDP 8:00 PM`` subscribed to the keywords GDP, 8:00 and PM at the
    default 08:00; ``8am`` was a keyword too."""
    reporter = server.add_user("林记者")
    async with subscribed(server, engine, db_url) as app:
        said = await ask_text(server, reporter, reporter, "/subscribe GDP 8:00 PM")
        assert "每天 20:00" in said and "关键词：GDP\n" in said + "\n"
        said = await ask_text(server, reporter, reporter, "/subscribe 外贸 8am")
        assert "每天 08:00" in said and "8am" not in said
        subs = store_of(app).list_for_chat(reporter.id)
        assert [(s.filter_text, s.schedule.expr) for s in subs] == [
            ("GDP", "20:00"),
            ("外贸", "08:00"),
        ]
        said = await ask_text(server, reporter, reporter, "/subscribe 外贸 13pm")
        assert "13pm" in said and "已订阅" not in said


# -- 全国 and counties in pinyin in /subscribe ------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("全国 福建 浙江 07:30", "region:全国 region:福建 region:浙江"),
        ("全國 外贸", "外贸 region:全国"),
        ('"全国" 外贸', "全国 外贸"),  # quoted: a keyword on purpose
        ("Kaili 外贸", "外贸 region:凯里"),
        ("Fujian Quanzhou 外贸", "外贸 region:福建 region:泉州"),
        ("heping 外贸", "heping 外贸"),  # a word first (和平): not a place in lower case
        ("Gulou 外贸", "Gulou 外贸"),  # several districts are 鼓楼
    ],
)
def test_subscribe_reads_the_country_and_a_pinyin_county_as_regions(typed, stored) -> None:
    assert parse_subscribe(typed, default_time="08:00").filter_text == stored


async def test_a_channel_subscribed_to_the_country_and_provinces(
    server: FakeBotApi, engine, db_url
) -> None:
    """``/subscribe @channel 全国 四川 … 07:30`` kept 全国 as a keyword (looked for in what a
    figure measures: nothing national came) and warned that the filter matched no target."""
    reporter = server.add_user("林记者", username="linjz")
    channel = server.add_chat("channel", "两会快讯", username="lianghui_kx")
    server.set_member(channel, reporter, "creator")
    async with subscribed(server, engine, db_url, owners=[reporter.id]) as app:
        said = await ask_text(server, reporter, reporter, "/subscribe @lianghui_kx 全国 山东 07:30")
        assert "地区：全国、山东" in said and "关键词" not in said
        (sub,) = store_of(app).list_for_chat(channel.id)
        assert sub.filter_text == "region:全国 region:山东"
