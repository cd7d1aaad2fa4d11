"""The ninth user trial's defects (a county office's information officer, on a phone, who
reads only Chinese), through the fake Bot API server (the real Application, as
``tests/e2e.py`` drives it), with unit cases of the pure parts on invented text."""

from __future__ import annotations

import pytest

from bot.corpus.meta import infer_meta
from bot.subscriptions.commands import channel_ref, parse_subscribe
from bot.subscriptions.schedule import ScheduleError, parse_schedule
from bot.subscriptions.spoken_time import clock_times
from bot.text.typed_commands import typed_command
from fake_telegram import FakeBotApi
from handlers.context import services_of
from tests.e2e import ask_text, engine_copy, running
from tests.test_corpus_reader import make_cjk_pdf
from tests.test_subscriptions_e2e import running as subscribed
from tests.test_subscriptions_e2e import store_of

# db_url comes migrated (tests/conftest.py): these tests are the bot's, not the schema's
pytestmark = pytest.mark.migrated_db


# -- a schedule said in words -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("said", "kind", "expr"),
    [
        ("每周一早上八点半", "weekly", "mon 08:30"),
        ("早上八点", "daily", "08:00"),
        ("十点一刻", "daily", "10:15"),
        ("晚上七点三十分", "daily", "19:30"),
        ("下午两点", "daily", "14:00"),
        ("八点零五分", "daily", "08:05"),
        ("中午十二点", "daily", "12:00"),
        ("每周五下午四点三刻", "weekly", "fri 16:45"),
        ("星期三 九点", "weekly", "wed 09:00"),
        ("每周二十点", "weekly", "tue 10:00"),  # 周二 at ten, not 周 at twenty
        ("每天 早上 7:45", "daily", "07:45"),
        ("每天早上8点", "daily", "08:00"),
    ],
)
def test_a_time_said_in_chinese_numerals_is_a_time(said: str, kind: str, expr: str) -> None:
    schedule = parse_schedule(said, default_time="06:00")
    assert (schedule.kind, schedule.expr) == (kind, expr)


@pytest.mark.parametrize("word", ["统一点", "重点", "亮点", "一点点", "三点一线"])
def test_numerals_inside_words_are_no_times(word: str) -> None:
    assert clock_times(word) == word


def test_a_schedule_said_first_or_spaced_is_read_as_the_schedule() -> None:
    """``每天早上8点 四川`` subscribed to the keywords 每天早上8点 and 四川 at the default time."""
    request = parse_subscribe("每天早上8点 渔业", default_time="06:00")
    assert (request.filter_text, request.schedule.expr) == ("渔业", "08:00")
    request = parse_subscribe("region:福建 每周四 下午 3:30", default_time="06:00")
    assert (request.filter_text, request.schedule.expr) == ("region:福建", "thu 15:30")
    request = parse_subscribe("周二 09:15 茶叶 产量", default_time="06:00")
    assert (request.filter_text, request.schedule.expr) == ("茶叶 产量", "tue 09:15")
    assert not parse_subscribe("茶叶 产量", default_time="06:00").schedule_given


def test_a_channel_link_names_the_channel_and_a_title_is_refused() -> None:
    assert channel_ref("https://t.me/county_news") == "@county_news"
    assert channel_ref("t.me/county_news/") == "@county_news"
    assert channel_ref("@county_news") == "@county_news"
    assert channel_ref("茶叶") is None
    for word in ("@县里的频道", "https://t.me/+AbCdEf123", "@ab"):
        with pytest.raises(ScheduleError) as refused:
            parse_subscribe(f"{word} GDP 08:00", default_time="06:00")
        assert refused.value.code == "channel.not_a_username"


async def test_a_weekly_schedule_in_words_reaches_the_channel(
    server: FakeBotApi, engine, db_url
) -> None:
    """``/subscribe @channel 每周一早上八点半`` subscribed the channel to the keyword
    每周一早上八点半, every day at 08:00 (and warned that nothing matched it)."""
    owner = server.add_user("王丽")
    server.add_chat(
        "channel",
        "县政策速递",
        username="county_news",
        bot_status="administrator",
        can_post_messages=True,
    )
    async with subscribed(server, engine, db_url, owners=[owner.id]) as app:
        said = await ask_text(
            server, owner, owner, "/subscribe @county_news region:山东 每周一早上八点半"
        )
        assert "每周一 08:30" in said and "地区：山东" in said and "关键词" not in said
        (sub,) = store_of(app).list_for_chat(server.chat("@county_news").id)
        assert (sub.schedule.kind, sub.schedule.expr) == ("weekly", "mon 08:30")
        # the link Telegram's "copy link" gives names the channel too
        said = await ask_text(server, owner, owner, "/subscribe https://t.me/county_news GDP 九点")
        assert said.startswith("✅") and "每天 09:00" in said
        assert len(store_of(app).list_for_chat(server.chat("@county_news").id)) == 2


async def test_a_daily_schedule_said_first_in_a_group(server: FakeBotApi, engine, db_url) -> None:
    officer = server.add_user("王丽")
    group = server.add_chat("supergroup", "县政府办工作群")
    server.set_member(group, officer, "administrator")
    async with subscribed(server, engine, db_url) as app:
        said = await ask_text(server, group, officer, "/subscribe 每天早上7点 GDP")
        assert "每天 07:00" in said and "关键词：GDP" in said and "每天早上" not in said
        (sub,) = store_of(app).list_for_chat(group.id)
        assert (sub.schedule.expr, sub.filter_text) == ("07:00", "GDP")


async def test_a_channel_named_by_its_title_is_refused_not_subscribed_here(
    server: FakeBotApi, engine, db_url
) -> None:
    """``/subscribe @县政策速递 …`` (the channel's title) subscribed the private chat it was
    typed in, with the keyword @县政策速递."""
    owner = server.add_user("王丽")
    async with subscribed(server, engine, db_url, owners=[owner.id]) as app:
        said = await ask_text(server, owner, owner, "/subscribe @县政策速递 GDP 每周一 08:30")
        assert said.startswith("“@县政策速递”不是频道的用户名")
        assert "https://t.me/" in said
        assert store_of(app).list_for_chat(owner.id) == []


# -- a command as a phone's Chinese keyboard types it -------------------------------------------
@pytest.mark.parametrize(
    ("typed", "name", "args", "how"),
    [
        ("／docs", "docs", "", "typed"),
        ("、targets 粮食产量", "targets", "粮食产量", "typed"),
        ("/subscribe每周三", "subscribe", "每周三", "typed"),
        ("/ Help", "help", "", "typed"),
        ("/订阅 茶叶", "subscribe", "茶叶", "chinese"),
        ("／取消订阅 2", "unsubscribe", "2", "chinese"),
        ("您好！", "help", "", "asked"),
        ("使用说明", "help", "", "asked"),
        ("请问怎么退订？", "unsubscribe", "", "asked"),
    ],
)
def test_a_command_typed_wrong_is_told_apart(typed: str, name: str, args: str, how: str) -> None:
    commands = {"docs", "targets", "subscribe", "help", "unsubscribe"}
    found = typed_command(typed, commands)
    assert found is not None and (found.name, found.args, found.how) == (name, args, how)


@pytest.mark.parametrize("text", ["茶叶 产量", "、GDP", "帮助企业纾困", "订阅 茶叶", "/nosuch"])
def test_words_and_unknown_names_stay_searches(text: str) -> None:
    assert typed_command(text, {"docs", "subscribe", "help"}) is None


async def test_commands_typed_on_a_chinese_keyboard_are_answered(
    server: FakeBotApi, engine, db_url
) -> None:
    """``／docs`` (the full-width slash), ``/subscribe就业 09:00`` (no space) and ``/订阅 就业``
    were searched as words; ``你好`` was "corrected" to 利好 and searched; ``怎么订阅`` found
    nothing."""
    officer = server.add_user("王丽")
    async with subscribed(server, engine, db_url) as app:
        assert "文件列表" in await ask_text(server, officer, officer, "／docs")
        said = await ask_text(server, officer, officer, "/subscribe就业 09:00")
        assert said.startswith("✅ 已订阅") and "关键词：就业" in said and "每天 09:00" in said
        said = await ask_text(server, officer, officer, "/订阅 粮食")
        assert said.startswith("没有 /订阅 这个命令") and "请发送 /subscribe 粮食" in said
        assert "订阅重点目标推送" in said  # the usage follows
        assert [s.filter_text for s in store_of(app).list_for_chat(officer.id)] == ["就业"]
        said = await ask_text(server, officer, officer, "你好")
        assert said.startswith("政策简报机器人") and "利好" not in said
        said = await ask_text(server, officer, officer, "怎么订阅？")
        assert said.startswith("订阅重点目标推送")
        said = await ask_text(server, officer, officer, "取消订阅")
        assert said.startswith("用法：/unsubscribe")
        # a search is still a search, 帮助 among its words
        said = await ask_text(server, officer, officer, "帮助 企业")
        assert said.startswith("🔎")


# -- an admin who is not an owner ---------------------------------------------------------------
async def test_an_admin_refused_admin_changes_is_told_whom_to_ask(
    server: FakeBotApi, engine, db_url
) -> None:
    """``/admin add @colleague`` from an admin who is not an owner answered only "只有所有者
    （BRIEFBOT_OWNERS）…": an office's admin knows no setting, and not who the owner is."""
    owner = server.add_user("张工", username="county_it")
    officer = server.add_user("王丽", username="wang_li")
    async with subscribed(server, engine, db_url, owners=[owner.id]):
        await ask_text(server, officer, officer, "/start")  # the bot knows her username now
        assert (await ask_text(server, owner, owner, "/admin add @wang_li")).startswith("✅")
        told = (await server.next_call("sendMessage", chat=officer)).text  # told (trial 19)
        assert told.startswith("✅ @county_it 已把你设为本机器人的管理员"), told
        said = await ask_text(server, officer, officer, "/admin remove @wang_li")
        assert said == (
            "⛔ 只有所有者（BRIEFBOT_OWNERS）可以添加或移除管理员。\n请联系所有者：@county_it"
        )
        # an owner the bot never saw, or whose username another account took, is not named
        taker = server.add_user("冒名", username="county_it")
        await ask_text(server, taker, taker, "/start")
        said = await ask_text(server, officer, officer, "/admin add 12345")
        assert said == "⛔ 只有所有者（BRIEFBOT_OWNERS）可以添加或移除管理员。"


async def test_unsubscribe_of_a_channel_without_a_number_names_the_channel(
    server: FakeBotApi, engine, db_url
) -> None:
    """``/unsubscribe @channel`` answered "用法：/unsubscribe 编号" over a list headed
    本聊天的订阅: the number alone then cancelled nothing of the channel's."""
    owner = server.add_user("王丽")
    server.add_chat(
        "channel",
        "县政策速递",
        username="county_news",
        bot_status="administrator",
        can_post_messages=True,
    )
    async with subscribed(server, engine, db_url, owners=[owner.id]):
        await ask_text(server, owner, owner, "/subscribe @county_news GDP 每周一 08:30")
        said = await ask_text(server, owner, owner, "/unsubscribe @county_news")
        usage, _, listing = said.partition("\n\n")
        assert usage == ("用法：/unsubscribe @county_news 编号 或 /unsubscribe @county_news all")
        assert listing.startswith("@county_news 的订阅") and "#1" in listing
        assert "本聊天" not in said


# -- a notice with its issuing office above the title -------------------------------------------
NOTICE_GBK = """青岭县人民政府办公室
关于做好今冬明春水利建设工作的通知

各乡镇人民政府，县直有关部门：
为确保2026年新增有效灌溉面积1.2万亩以上，现就有关事项通知如下：
一、各乡镇要在12月底前完成渠道清淤。

青岭县人民政府办公室
2025年11月3日
""".encode("gbk")


def test_an_office_line_above_a_notice_is_not_its_title() -> None:
    text = NOTICE_GBK.decode("gbk")
    assert (
        infer_meta(text, "n.txt").title == "青岭县人民政府办公室关于做好今冬明春水利建设工作的通知"
    )
    # a title without 关于 after the office line: the title alone
    other = (
        "河湾市农业农村局\n河湾市2026年春耕生产工作方案\n\n一、目标任务\n粮食播种面积稳定在百万亩。"
    )
    assert infer_meta(other, "o.txt").title == "河湾市2026年春耕生产工作方案"
    # an office line above body text keeps the office line (no title to prefer)
    plain = "河湾市农业农村局\n今年全市春耕进展顺利，已完成播种三成。"
    assert infer_meta(plain, "p.txt").title == "河湾市农业农村局"


async def test_an_uploaded_notice_is_listed_by_its_own_title(
    server: FakeBotApi, bundled_template, tmp_path, tokenizer, db_url
) -> None:
    """A GBK notice opening with 某县人民政府办公室 on its own line was added, listed and
    shown in results as "苍溪县人民政府办公室": every notice of the office looked alike."""
    admin = server.add_user("王丽")
    engine = engine_copy(bundled_template, tmp_path, tokenizer, owners=[admin.id], flood_burst=0)
    async with subscribed(server, engine, db_url, owners=[admin.id]):
        await server.send_document(admin, admin, "水利通知.txt", NOTICE_GBK, "text/plain")
        received = await server.next_call("sendMessage", chat=admin)
        assert received.message["text"].startswith("📥")
        done = await server.wait_for(
            lambda call: (
                call.method == "editMessageText"
                and call.chat_id == admin.id
                and call.message["text"].startswith("✅")
            ),
            timeout=30,
        )
        title = "青岭县人民政府办公室关于做好今冬明春水利建设工作的通知"
        assert done.message["text"].startswith(f"✅ 已添加：{title}")
        said = await ask_text(server, admin, admin, "青岭 有效灌溉面积")
        assert f"1. {title}" in said


# -- a command posted in the channel itself -----------------------------------------------------
async def test_a_command_posted_in_a_channel_says_where_channels_are_managed(
    server: FakeBotApi, engine, db_url
) -> None:
    """``/subscribe region:山东 每周一 08:30`` posted in the channel got no answer at all."""
    channel = server.add_chat(
        "channel",
        "县政策速递",
        username="county_news",
        bot_status="administrator",
        can_post_messages=True,
    )
    async with subscribed(server, engine, db_url) as app:
        await server.channel_post(channel, "今天的政策速递：春耕备耕有序推进。")
        await server.channel_post(channel, "/subscribe region:山东 每周一 08:30")
        hint = await server.next_call("sendMessage", chat=channel)
        said = hint.message["text"]
        assert said.startswith("在频道里我只发送推送，不接受命令。")
        assert "/subscribe @county_news" in said and "@fake_test_bot" in said
        # one answer, to the command; the plain post before it was left alone
        assert [c.message["text"] for c in server.calls("sendMessage")] == [said]
        assert store_of(app).list_for_chat(channel.id) == []


async def test_a_bulletin_upload_says_its_figures_are_results(
    server: FakeBotApi, bundled_template, tmp_path, tokenizer, db_url
) -> None:
    """A statistical bulletin's PDF was "added … 目标数据：6（重点目标：0） 没有提取到重点目标。",
    read as if nothing had been found in it."""
    admin = server.add_user("王丽")
    engine = engine_copy(bundled_template, tmp_path, tokenizer, owners=[admin.id], flood_burst=0)
    bulletin = make_cjk_pdf(
        [
            "青岭县2025年国民经济和社会发展统计公报",
            "青岭县统计局",
            "一、农业",
            "全年粮食总产量31.6万吨，比上年增长1.4%。",
            "全年生猪出栏52.3万头，增长2.0%。",
        ]
    )
    async with subscribed(server, engine, db_url, owners=[admin.id]):
        await server.send_document(admin, admin, "统计公报.pdf", bulletin, "application/pdf")
        done = await server.wait_for(
            lambda call: (
                call.method == "editMessageText"
                and call.chat_id == admin.id
                and call.message["text"].startswith("✅")
            ),
            timeout=30,
        )
        said = done.message["text"]
        assert "（重点目标：0）" in said
        assert "没有提取到重点目标；读出的" in said and "是实绩或预计数" in said


# -- the bot added to the office's group --------------------------------------------------------
async def test_the_bot_added_to_a_group_says_how_the_group_uses_it(
    server: FakeBotApi, engine, db_url
) -> None:
    """Added to a group, the bot said nothing: members wrote plain questions there, which a
    bot only reads as /search or a mention."""
    officer = server.add_user("王丽")
    group = server.add_chat("supergroup", "县政府办工作群", bot_status="left")
    server.set_member(group, officer, "administrator")
    async with subscribed(server, engine, db_url):
        await server.my_chat_member(group, "left", "member", by=officer)
        greeting = (await server.next_call("sendMessage", chat=group)).message["text"]
        assert greeting.startswith("👋 大家好，我是政策简报机器人")
        assert "/search 关键词（或 @fake_test_bot 关键词）" in greeting
        assert "/subscribe region:四川 每天 08:00" in greeting
        # promoted to administrator later: no second greeting
        await server.my_chat_member(group, "member", "administrator", by=officer)
        said = await ask_text(server, group, officer, "/subscriptions")
        assert said.startswith("本聊天没有订阅")  # the reply after the promotion, not a greeting
        greetings = [
            c for c in server.calls("sendMessage") if c.message["text"].startswith("👋 大家好")
        ]
        assert len(greetings) == 1


# -- working days and a day of the month --------------------------------------------------------
@pytest.mark.parametrize(
    ("said", "expr", "words"),
    [
        ("工作日 8点", "0 8 * * 1-5", "工作日（周一至周五）08:00"),
        ("每个工作日早上八点半", "30 8 * * 1-5", "工作日（周一至周五）08:30"),
        ("周一至周五 07:30", "30 7 * * 1-5", "工作日（周一至周五）07:30"),
        ("每月1号", "0 6 1 * *", "每月1日 06:00"),
        ("每月十五日 9:00", "0 9 15 * *", "每月15日 09:00"),
    ],
)
def test_working_days_and_a_day_of_the_month(said: str, expr: str, words: str) -> None:
    schedule = parse_schedule(said, default_time="06:00")
    assert (schedule.kind, schedule.expr, schedule.describe()) == ("cron", expr, words)


@pytest.mark.parametrize("typed", ["茶叶 每年", "茶叶 每两周", "每季度 茶叶", "茶叶 每月32号"])
def test_a_schedule_word_not_read_is_refused_not_filtered_on(typed: str) -> None:
    with pytest.raises(ScheduleError) as refused:
        parse_subscribe(typed, default_time="06:00")
    assert refused.value.code == "schedule.unknown"


async def test_a_monthly_digest_said_in_words(server: FakeBotApi, engine, db_url) -> None:
    """``/subscribe region:苍溪 每月1号`` and ``… 工作日 8点`` subscribed to the keywords 每月1号
    and 工作日, every day at 08:00 (with a warning that nothing matched them)."""
    officer = server.add_user("王丽")
    async with subscribed(server, engine, db_url) as app:
        said = await ask_text(server, officer, officer, "/subscribe region:山东 每月1号 9点")
        assert "每月1日 09:00" in said and "关键词" not in said and "⚠️" not in said
        said = await ask_text(server, officer, officer, "/subscribe GDP 工作日 早上八点")
        assert "工作日（周一至周五）08:00" in said and "关键词：GDP" in said
        said = await ask_text(server, officer, officer, "/subscribe GDP 每年")
        assert said.startswith("无法识别的时间安排“每年”")
        listed = [s.schedule.expr for s in store_of(app).list_for_chat(officer.id)]
        assert listed == ["0 9 1 * *", "0 8 * * 1-5"]


# -- a forwarded notice -------------------------------------------------------------------------
async def test_a_forwarded_notice_says_it_was_searched(server: FakeBotApi, engine) -> None:
    """A forwarded notice was searched as a query of its whole text, nothing saying so or
    how such a text is added to the library."""
    officer = server.add_user("王丽")
    chat = server.private_chat(officer)
    forwarded = {
        "from": officer.to_api(),
        "text": "各乡镇：请于本周五前报送就业目标任务完成情况。",
        "forward_origin": {"type": "hidden_user", "sender_user_name": "李科长", "date": 1},
    }
    stored = server.world.store_message(chat, forwarded, from_bot=False)
    async with running(server, engine):
        await server.inject_update("message", stored.data)
        said = (await server.next_call("sendMessage", chat=officer)).message["text"]
        assert said.startswith("ℹ️ 这是一条转发的消息，我按其中的文字搜索了文库。")
        assert "🔎" in said
        # typed, the same words are a search without the note
        said = await ask_text(server, officer, officer, "就业 目标任务")
        assert said.startswith("🔎")


async def test_adding_a_colleague_who_never_wrote_says_what_to_do(
    server: FakeBotApi, engine, db_url
) -> None:
    """``/admin add @colleague`` for a colleague who never wrote to the bot said to use a
    numeric user id, which an office's staff cannot find; the first step is theirs."""
    owner = server.add_user("张工")
    colleague = server.add_user("刘强", username="liu_qiang")
    async with subscribed(server, engine, db_url, owners=[owner.id]) as app:
        said = await ask_text(server, owner, owner, "/admin add @liu_qiang")
        assert "请让 @liu_qiang 先给机器人发一条消息（如 /start），再发一次这条命令" in said
        await ask_text(server, colleague, colleague, "/start")
        said = await ask_text(server, owner, owner, "/admin add @liu_qiang")
        assert said.startswith("✅") and "@liu_qiang" in said
        assert services_of(app).admins.is_admin(colleague.id)


# -- the same report saved again under another name ---------------------------------------------
def _saved_docx(lines: list[str], author: str) -> bytes:
    """A .docx of ``lines``; ``author`` changes the file's bytes, not its text (as saving
    the same report again does)."""
    import io

    import docx

    document = docx.Document()
    document.core_properties.author = author
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


async def test_the_same_report_saved_again_is_not_added_twice(
    server: FakeBotApi, bundled_template, tmp_path, tokenizer, db_url
) -> None:
    """``…（定稿）.docx``, the report saved again (same text, new file bytes), was added as a
    second document: every figure of it listed twice in /targets, /compare and digests."""
    admin = server.add_user("王丽")
    engine = engine_copy(bundled_template, tmp_path, tokenizer, owners=[admin.id], flood_burst=0)
    lines = [
        "青岭县2026年政府工作报告",
        "二、2026年主要目标",
        "全县地区生产总值增长6%左右，粮食产量稳定在25万吨以上。",
    ]

    async def upload(name: str, data: bytes) -> str:
        await server.send_document(admin, admin, name, data)
        received = await server.next_call("sendMessage", chat=admin)
        assert received.message["text"].startswith("📥")
        done = await server.wait_for(
            lambda call: (
                call.method == "editMessageText"
                and call.chat_id == admin.id
                and not call.message["text"].startswith(("📥", "⏳"))
            ),
            timeout=30,
        )
        return done.message["text"]

    async with subscribed(server, engine, db_url, owners=[admin.id]):
        first, again = _saved_docx(lines, "王丽"), _saved_docx(lines, "县政府办")
        assert first != again
        assert (await upload("报告.docx", first)).startswith("✅ 已添加")
        said = await upload("报告（定稿）.docx", again)
        assert said.startswith("⚠️ 重复文件")
        assert "与已有文件" in said and "报告.docx" in said
        # a report of the same title with other text is another document
        other = _saved_docx([*lines[:2], "全县地区生产总值增长6.5%左右。"], "王丽")
        assert (await upload("报告（修改）.docx", other)).startswith("✅ 已添加")
        said = await ask_text(server, admin, admin, "/targets 粮食产量")
        assert said.count("25万吨以上") == 1
