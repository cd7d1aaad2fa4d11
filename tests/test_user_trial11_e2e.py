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
from tests.test_subscriptions_e2e import SHANGHAI, store_of
from tests.test_subscriptions_e2e import running as subscribed


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


# -- 全国 and counties in pinyin in /subscribe ----------------------------------------------
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


# -- a link, a pasted report ------------------------------------------------------------------
def test_links_are_taken_out_and_counted() -> None:
    from bot.text.pasted import without_links

    assert without_links("https://example.gov.cn/zwgk/2026/report.html") == ("", 1)
    assert without_links("看看 www.example.cn/a.htm 赤字率") == ("看看 赤字率", 1)
    assert without_links("专项债（http://a.cn/x）和赤字率") == ("专项债（ ）和赤字率", 1)
    assert without_links("赤字率 4%") == ("赤字率 4%", 0)


def test_a_pasted_text_is_long_and_made_of_sentences() -> None:
    from bot.text.pasted import looks_pasted

    report = "2026年临江市政府工作报告\n\n一、过去一年\n" + "全市生产总值增长5.1%。" * 20
    assert looks_pasted(report, 200)
    assert not looks_pasted("外贸 增长 " * 50, 200)  # a long query of words, one line
    assert not looks_pasted("今年外贸增长5%。明年呢？", 200)  # short
    # shorter than a query, but a title, headings and paragraphs: the trial's paste
    short_report = (
        "2026年临江市人民政府工作报告\n\n一、过去一年\n全市生产总值增长5.1%，新增就业3万人。\n"
        "二、今年目标\n生产总值增长5%左右，粮食产量稳定在80万吨以上，居民收入同步增长。"
    )
    assert len(short_report) < 200 and looks_pasted(short_report, 200)
    assert not looks_pasted("外贸\n出口\n进口\n关税", 200)  # four words on lines: a query


async def test_a_link_is_not_opened_and_says_how_to_add_the_page(
    server: FakeBotApi, engine
) -> None:
    from tests.e2e import running

    reporter = server.add_user("林记者")
    async with running(server, engine):
        said = await ask_text(server, reporter, reporter, "https://example.gov.cn/gzbg/2026.htm")
        assert said.startswith("🔗 我不打开链接") and ".html" in said and "关键词" in said
        said = await ask_text(
            server, reporter, reporter, "https://example.gov.cn/gzbg/2026.htm 地区生产总值"
        )
        assert said.startswith("🔗 我不打开链接") and "🔎 地区生产总值" in said
        assert "example.gov.cn" not in said.split("\n\n", 1)[1]  # the link is no keyword
        await ask_text(server, reporter, reporter, "/lang en")
        said = await ask_text(server, reporter, reporter, "www.example.gov.cn/report.htm")
        assert said.startswith("🔗 I do not open links")


async def test_a_pasted_report_is_searched_uncorrected_and_says_how_to_add_it(
    server: FakeBotApi, engine
) -> None:
    """A report pasted into the chat was searched as a query with typo "corrections"
    (市人民 → 使人民 on the trial's library) and nothing said of adding it."""
    from tests.e2e import running

    reporter = server.add_user("林记者")
    report = (
        "2026年临江市人民政府工作报告\n\n一、2025年工作回顾\n"
        "全市地区生产总值增长5.1%，城镇新增就业3.2万人。\n二、2026年主要目标\n"
        + "今年地区生产总值增长5%左右，一般公共预算收入增长3%，粮食产量稳定在80万吨以上。"
        * 4
    )
    async with running(server, engine):
        said = await ask_text(server, reporter, reporter, report)
        assert said.startswith(f"ℹ️ 这条消息像是一份文件的正文（{len(report.strip())} 字）")
        assert ".txt" in said and "已更正" not in said
        said = await ask_text(server, reporter, reporter, "地区生产总值 增长")  # a query: as before
        assert "文件的正文" not in said


# -- an adder who renamed -----------------------------------------------------------------------
async def test_the_admin_list_names_an_adder_by_their_new_username(
    server: FakeBotApi, engine, db_url
) -> None:
    """The owner added a colleague as @old, then changed her username: the list kept
    naming the adder @old (the name kept when she added him), a name now nobody's or
    someone else's."""
    owner = server.add_user("林", username="lin_old")
    colleague = server.add_user("王", username="wang_col")
    async with subscribed(server, engine, db_url, owners=[owner.id]):
        await ask_text(server, colleague, colleague, "/start")  # seen: @wang_col resolves
        said = await ask_text(server, owner, owner, "/admin add @wang_col")
        assert "@wang_col" in said
        said = await ask_text(server, owner, owner, "/admin list")
        assert f"由 @lin_old（{owner.id}）添加" in said
        owner.username = "lin_new"
        said = await ask_text(server, owner, owner, "/admin list")
        assert f"由 @lin_new（{owner.id}）添加" in said and "lin_old" not in said
        owner.username = None  # no username any more: her Telegram name
        said = await ask_text(server, owner, owner, "/admin list")
        assert f"由 林（{owner.id}）添加" in said


# -- China's time zone by its English names ----------------------------------------------------
@pytest.mark.parametrize("typed", ["China Standard Time", "china standard time", "Beijing Time"])
def test_china_standard_time_is_asia_shanghai(typed: str) -> None:
    from bot.zones import known_zone

    assert known_zone(typed) == "Asia/Shanghai"
    assert known_zone("Standard Time") is None


async def test_timezone_china_standard_time(server: FakeBotApi, engine, db_url) -> None:
    reporter = server.add_user("林记者")
    async with subscribed(server, engine, db_url):
        said = await ask_text(server, reporter, reporter, "/timezone China Standard Time")
        assert said.startswith("本聊天的时区已设为 Asia/Shanghai")
        typed = "/subscribe 外贸 8am tz=China_Standard_Time"
        said = await ask_text(server, reporter, reporter, typed)
        assert "每天 08:00（Asia/Shanghai）" in said


# -- the targets as a table -------------------------------------------------------------------
def test_export_words_are_taken_out_of_the_request() -> None:
    from bot.library.arguments import export_kind

    assert export_kind(["GDP", "2026", "csv"]) == (["GDP", "2026"], "csv")
    assert export_kind(["Excel", "外贸"]) == (["外贸"], "xlsx")
    assert export_kind(["外贸", "表格"]) == (["外贸"], "csv")
    assert export_kind(["外贸", "2026"]) == (["外贸", "2026"], None)


def test_record_rows_keep_the_figure_and_its_source() -> None:
    from bot.analytics.records_table import RECORD_FIELDS, record_rows
    from tests.factories import target_record

    record = target_record(indicator="外贸进出口", value=6.0, unit="%", sentence="外贸增长6%。")
    (row,) = record_rows([(record, "2026年临江市政府工作报告", "linjiang.txt")])
    assert tuple(row) == RECORD_FIELDS
    assert (row["indicator"], row["value"], row["unit"], row["sentence"]) == (
        "外贸进出口",
        6,
        "%",
        "外贸增长6%。",
    )
    assert row["doc_title"] == "2026年临江市政府工作报告" and row["doc_file"] == "linjiang.txt"


async def test_targets_as_a_csv_file(server: FakeBotApi, engine) -> None:
    """``/targets GDP 2026 csv`` looked for an indicator "GDP csv"; ``/export`` was an
    unknown command. Both send what ``/targets`` lists, as a file, with the sentences."""
    import csv
    import io

    from tests.e2e import running

    reporter = server.add_user("林记者")
    async with running(server, engine) as app:
        listed = await ask_text(server, reporter, reporter, "/targets GDP")
        count = int(listed.split("（共 ")[1].split(" 条")[0])
        for typed in ("/targets GDP csv", "/export GDP"):
            await server.send_message(reporter, reporter, typed)
            call = await server.next_call("sendDocument", chat=reporter)
            sent = call.messages[0]
            assert sent["document"]["file_name"] == "GDP.csv"
            assert f"{count} 条" in sent["caption"]
            data = await app.bot.get_file(sent["document"]["file_id"])
            text = bytes(await data.download_as_bytearray()).decode("utf-8-sig")
            rows = list(csv.DictReader(io.StringIO(text)))
            assert len(rows) == count
            assert all(r["sentence"] and r["doc_file"] for r in rows)
            assert any(r["indicator"] == "地区生产总值" for r in rows)
        await server.send_message(reporter, reporter, "/targets GDP excel")
        call = await server.next_call("sendDocument", chat=reporter)
        assert call.messages[0]["document"]["file_name"] == "GDP.xlsx"
        said = await ask_text(server, reporter, reporter, "/help export")
        assert said.startswith("用法：/targets") and "csv 或 excel" in said


# -- old subscriptions with a bare year ---------------------------------------------------------
def test_migration_0014_writes_a_stored_bare_year_as_subscribe_writes_it_now(db_url) -> None:
    """A subscription made before ``year:`` existed kept the keyword 2025 (sections titled
    with the year only); after 0014 it reads as ``/subscribe 2025`` does now."""
    from sqlalchemy import text

    from bot.digest.filters import format_filter, parse_filter
    from bot.storage import Database
    from bot.subscriptions.commands import typed_filter
    from bot.subscriptions.store import SubscriptionStore
    from tests.conftest import utc_literal

    typed = {  # id -> the filter as typed then (stored as the writer of then wrote it)
        1: "2025",
        2: "外贸 2025年 region:福建",
        3: "二〇二五年 外贸 kind:all",
        4: "外贸 region:福建 doc:004 ２０２５ confidence:all",
        5: "外贸",  # no year: untouched
        6: "“2025 年” 外贸",  # a quoted phrase with a space: a keyword, untouched
    }
    told = {1: "2025"}  # its matches-nothing notice was told for this filter
    db = Database(db_url)
    try:
        db.upgrade("0013")
        at = utc_literal(db, "2025-03-01 00:00:00.000000")
        with db.engine.begin() as conn:
            for sub_id, filter_text in typed.items():
                conn.execute(
                    text(
                        "INSERT INTO subscriptions (id, chat_id, chat_type, chat_title, "
                        "created_by, filter_text, schedule_kind, schedule_expr, timezone, "
                        "quiet_when_empty, active, paused, deactivated_reason, "
                        "last_delivered_at, created_at, updated_at, nothing_told_filter) "
                        "VALUES (:id, :chat, 'private', NULL, 7, :filter, 'daily', '08:00', "
                        "'Asia/Shanghai', FALSE, TRUE, FALSE, NULL, :at, :at, :at, :told)"
                    ),
                    {
                        "id": sub_id,
                        "chat": 40 + sub_id,
                        "filter": format_filter(parse_filter(filter_text)),
                        "at": at,
                        "told": told.get(sub_id),
                    },
                )
        store = SubscriptionStore(db)
        before = {sub.id: sub for sub in store.list_all()}
        db.upgrade("0014")
        after = {sub.id: sub for sub in store.list_all()}
        now = {i: format_filter(parse_filter(typed_filter(t))) for i, t in typed.items()}
        assert {i: s.filter_text for i, s in after.items()} == now
        assert after[1].filter_text == "year:2025" and after[1].nothing_told_filter == "year:2025"
        assert after[5] == before[5] and after[6] == before[6]
        assert after[2].filter.years == ("2025",) and after[2].filter.keywords == ("外贸",)
        db.downgrade("0013")  # the rows stay as written
        assert {s.id: s.filter_text for s in store.list_all()} == now
    finally:
        db.close()


# -- the county readings that need a capital: a hand list, not the README of the day --------
def test_the_capital_only_counties_come_from_the_hand_list_and_common_words() -> None:
    """Which county readings count only capitalised was read from the repository's English
    prose when the table was built: a README sentence writing a county's reading in lower
    case would have turned it off on the next build. Now the table is the hand list
    (ENGLISH_WORDS) and jieba's frequent words, nothing else."""
    import csv
    import importlib.util
    from pathlib import Path

    from bot.corpus.gazetteer import LATIN_FILE

    script = Path(__file__).resolve().parent.parent / "scripts" / "build_latin_places.py"
    spec = importlib.util.spec_from_file_location("build_latin_places", script)
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    common = build.common_readings()
    with open(LATIN_FILE, encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(line for line in fh if not line.startswith("#"))]
    counties = [r for r in rows if r["level"] == "county"]
    for row in counties:
        expected = row["latin"] in common or row["latin"] in build.ENGLISH_WORDS
        assert (row["capital_only"] == "1") == expected, row
    assert {"dean", "guide", "mile"} <= {r["latin"] for r in counties if r["capital_only"] == "1"}


# -- the bot added to a channel -------------------------------------------------------------------
async def test_the_admin_who_adds_the_bot_to_a_channel_is_told_how_to_set_it_up(
    server: FakeBotApi, engine, db_url
) -> None:
    """Added to her channel, the bot said nothing anywhere: she had to find out that a
    channel's digests are set up from the private chat with /subscribe @channel."""
    reporter = server.add_user("林记者", username="linjz")
    other = server.add_user("赵", username="zhao_c")
    channel = server.add_chat("channel", "两会快讯", username="lianghui_kx")
    quiet = server.add_chat("channel", "内部参考")
    server.set_member(channel, reporter, "creator")
    async with subscribed(server, engine, db_url, owners=[reporter.id]):
        await ask_text(server, reporter, reporter, "/start")
        await ask_text(server, other, other, "/start")
        await server.my_chat_member(
            channel, "left", "administrator", by=reporter, can_post_messages=True
        )
        said = (await server.next_call("sendMessage", chat=reporter)).message["text"]
        assert said.startswith("✅ 机器人已加入频道「两会快讯」")
        assert "/subscribe @lianghui_kx" in said and "/digest @lianghui_kx" in said
        await server.my_chat_member(
            quiet, "left", "administrator", by=other, can_post_messages=False
        )
        said = (await server.next_call("sendMessage", chat=other)).message["text"]
        assert said.startswith("⚠️ 机器人已加入频道「内部参考」，但还不能在那里发消息")
        await server.my_chat_member(
            quiet, "administrator", "administrator", by=other, can_post_messages=True
        )  # promoted, not added: said by the rights' own path, not again here
        server.set_member(quiet, other, "creator")
        await server.my_chat_member(quiet, "administrator", "left", by=other)
        await server.my_chat_member(
            quiet, "left", "administrator", by=other, can_post_messages=True
        )
        said = (await server.next_call("sendMessage", chat=other)).message["text"]
        assert "由机器人管理员在私聊中设置" in said  # not a bot admin: who sets it up
        assert len(server.bot_messages(other)) == 3  # /start, cannot post, added: no more


# -- every region's target side by side ---------------------------------------------------------
@pytest.mark.parametrize(
    ("query", "across"),
    [
        ("今年各省外贸目标", True),
        ("哪些省份外贸增长目标高于5%", True),
        ("外贸增长目标高于5%的省份", True),
        ("外贸目标超过5%的城市有哪些？", True),
        ("which provinces set trade growth above 5%", True),
        ("福建 外贸 目标", False),
        ("各项工作 外贸", False),
        ("福建的地区生产总值", False),
    ],
)
def test_a_query_about_every_region(query: str, across: bool) -> None:
    from bot.text.across import asks_across_regions

    assert asks_across_regions(query) is across


async def test_a_search_for_every_province_points_to_compare(server: FakeBotApi, engine) -> None:
    """``今年各省GDP目标`` answered with one province's card and passages; the reply now
    names the command that lays every region side by side, and that command works."""
    from tests.e2e import running

    reporter = server.add_user("林记者")
    async with running(server, engine):
        said = await ask_text(server, reporter, reporter, "各省GDP目标")
        first = said.split("\n")[0]
        assert first.startswith("📊 各地区并列：/compare 地区生产总值")
        command = first.split("：", 1)[1].split("（")[0]
        table = await ask_text(server, reporter, reporter, command)
        assert table.startswith("📊")
        said = await ask_text(server, reporter, reporter, "GDP目标")
        assert "各地区并列" not in said


# -- who the admins are ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("said", "admin_list"),
    [
        ("谁是管理员", True),
        ("管理员有哪些？", True),
        ("请问管理员是谁", True),
        ("Who are the admins?", True),
        ("管理员", False),  # one word: searched
        ("管理员职责", False),
        ("谁是管理员的联系人", False),
    ],
)
def test_asking_who_the_admins_are(said: str, admin_list: bool) -> None:
    from bot.text.typed_commands import typed_command

    found = typed_command(said, {"admin", "subscriptions", "help"})
    assert (found is not None and (found.name, found.args) == ("admin", "list")) is admin_list


async def test_who_are_the_admins_lists_them(server: FakeBotApi, engine, db_url) -> None:
    """``谁是管理员`` was searched, "corrected" to 谁是管理云 on the trial's library."""
    owner = server.add_user("林", username="lin_jz")
    colleague = server.add_user("王", username="wang_c")
    async with subscribed(server, engine, db_url, owners=[owner.id]):
        said = await ask_text(server, owner, owner, "谁是管理员")
        assert "@lin_jz" in said and "所有者" in said and "🔎" not in said
        said = await ask_text(server, colleague, colleague, "谁是管理员")
        # refused, with whom to ask and what they send (trial-left13)
        assert said == (
            "⛔ 只有机器人管理员可以使用此命令。\n"
            "要成为管理员，请联系所有者 @lin_jz，请他在与我的私聊中发送 /admin add @wang_c"
        )


# -- what was delivered -------------------------------------------------------------------------
async def test_the_list_says_when_the_last_digest_was_sent(
    server: FakeBotApi, engine, db_url
) -> None:
    """She could see when the next digest comes, never what was delivered: the list now
    says when the last one was (the slot's digest, once sent)."""
    from datetime import timedelta

    from tests.test_subscriptions_e2e import deliver_at, next_local

    reporter = server.add_user("林记者")
    async with subscribed(server, engine, db_url) as app:
        await ask_text(server, reporter, reporter, "/subscribe GDP 7:30am")
        said = await ask_text(server, reporter, reporter, "/subscriptions")
        assert "上次推送" not in said  # nothing sent yet
        (sub,) = store_of(app).list_for_chat(reporter.id)
        slot = next_local(7, 30)
        await deliver_at(app, sub.id, slot + timedelta(seconds=20))
        server.mark_seen()  # the digest itself
        said = await ask_text(server, reporter, reporter, "/subscriptions")
        sent = store_of(app).get(sub.id).last_delivered_at
        assert sent is not None
        assert f"上次推送：{sent.astimezone(SHANGHAI):%Y-%m-%d %H:%M}" in said


# -- a channel's number typed in the private chat -----------------------------------------------
async def test_a_channels_number_in_the_private_chat_names_the_channel(
    server: FakeBotApi, engine, db_url
) -> None:
    """She subscribed her channel from the private chat (#1), then typed /subscriptions 1,
    /pause 1, /unsubscribe 1 there: "本聊天没有订阅 #1", with nothing of the channel."""
    reporter = server.add_user("林记者", username="linjz")
    colleague = server.add_user("王", username="wang_c")
    channel = server.add_chat("channel", "两会快讯", username="lianghui_kx")
    server.set_member(channel, reporter, "creator")
    async with subscribed(server, engine, db_url, owners=[reporter.id]) as app:
        await ask_text(server, reporter, reporter, "/subscribe @lianghui_kx 外贸 08:00")
        (sub,) = store_of(app).list_for_chat(channel.id)
        for command in ("/subscriptions", "/pause", "/unsubscribe"):
            said = await ask_text(server, reporter, reporter, f"{command} {sub.id}")
            assert said.startswith(f"本聊天没有订阅 #{sub.id}")
            assert f"是频道「两会快讯」的订阅：请发送 {command} {channel.id} {sub.id}" in said
        said = await ask_text(server, reporter, reporter, f"/subscriptions {channel.id} {sub.id}")
        assert "外贸" in said  # the command said works
        assert store_of(app).get(sub.id).paused is False  # nothing done on a guess
        said = await ask_text(server, colleague, colleague, f"/subscriptions {sub.id}")
        assert "两会快讯" not in said  # another person's channel is not said
