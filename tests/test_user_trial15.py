"""What a newsroom's bot operator met (bench/RESULTS.md, ``user-trial15``): a one-off time
zone, a folder ingested with one text twice, a reply that timed out, exports, the console's
channels and files. In-process only: the core, the CLI runner and the console over the fake
server; invented documents."""

from __future__ import annotations

import pytest

from bot.config import Settings
from bot.subscriptions import SubscriptionStore
from bot.subscriptions.commands import SubscribeRequest
from bot.subscriptions.schedule import parse_schedule
from bot.subscriptions.service import SubscriptionService

GROUP = -1002000000001


def _request(filter_text: str, timezone: str | None = None) -> SubscribeRequest:
    schedule = parse_schedule("每天 15:45", default_time="08:00")
    return SubscribeRequest(None, filter_text, schedule, True, timezone, False)


def _subscribe(service: SubscriptionService, request: SubscribeRequest) -> str:
    listed = service.subscribe(GROUP, "supergroup", "省报编辑部", 1001, request)
    return listed.subscription.timezone


# -- 1: a subscription's tz= is its own, not the chat's ---------------------------------------
def test_a_subscriptions_own_zone_does_not_become_the_chats(db, clock):
    service = SubscriptionService(SubscriptionStore(db, clock=clock), lambda: Settings())
    assert _subscribe(service, _request("GDP")) == "Asia/Shanghai"
    assert _subscribe(service, _request("就业", "Europe/Berlin")) == "Europe/Berlin"
    # the editor's next subscription, typed without a zone, is in the chat's zone
    assert _subscribe(service, _request("居民消费价格")) == "Asia/Shanghai"
    assert service.chat_timezone(GROUP) == "Asia/Shanghai"


def test_a_zone_given_to_the_chats_first_subscription_is_the_chats(db, clock):
    """A user who says where they are on their first subscription (tz=America/New_York)
    gets it for the next ones (tests/test_subscriptions_e2e.py pins it end to end); a
    later one-off zone does not move them."""
    service = SubscriptionService(SubscriptionStore(db, clock=clock), lambda: Settings())
    assert _subscribe(service, _request("就业", "America/New_York")) == "America/New_York"
    assert _subscribe(service, _request("GDP")) == "America/New_York"
    assert _subscribe(service, _request("CPI", "Europe/Berlin")) == "Europe/Berlin"
    assert _subscribe(service, _request("城镇")) == "America/New_York"


def test_a_chosen_zone_still_wins_and_timezone_still_moves_every_subscription(db, clock):
    store = SubscriptionStore(db, clock=clock)
    service = SubscriptionService(store, lambda: Settings())
    service.set_timezone(GROUP, "Asia/Tokyo")
    assert _subscribe(service, _request("就业", "Europe/Berlin")) == "Europe/Berlin"
    assert _subscribe(service, _request("GDP")) == "Asia/Tokyo"
    service.set_timezone(GROUP, "Asia/Shanghai")
    assert {s.timezone for s in store.list_for_chat(GROUP)} == {"Asia/Shanghai"}


def test_a_chat_from_before_chosen_zones_keeps_its_subscriptions_zone(db, clock):
    """A chat whose zone lived only on its subscriptions (before 0009) keeps it when one
    subscription is given another zone."""
    store = SubscriptionStore(db, clock=clock)
    service = SubscriptionService(store, lambda: Settings())
    old = _request("GDP")
    store.create(GROUP, "supergroup", "组", 1, old.filter_text, old.schedule, "Asia/Tokyo")
    assert _subscribe(service, _request("就业", "Europe/Berlin")) == "Europe/Berlin"
    assert _subscribe(service, _request("CPI")) == "Asia/Tokyo"


# -- 2: one text twice in a folder is copied once ----------------------------------------------
def test_ingest_of_a_folder_holding_one_text_twice_copies_it_once(tmp_path):
    from typer.testing import CliRunner

    from briefbot.cli import app

    folder = tmp_path / "in"
    folder.mkdir()
    text = "江州市2026年政府工作报告\n\n地区生产总值增长6%左右。\n"
    (folder / "dup.txt").write_text(text, encoding="gbk")
    (folder / "gbk.txt").write_text(text, encoding="gbk")
    corpus = tmp_path / "corpus"
    base = ["--corpus-dir", str(corpus), "--data-dir", str(tmp_path / "data")]
    result = CliRunner().invoke(app, [*base, "ingest", str(folder)], env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "added dup.txt" in said and "added gbk.txt" not in said
    assert f"skipped {folder / 'gbk.txt'}: same content as dup.txt" in said
    assert sorted(p.name for p in corpus.iterdir()) == ["dup.txt"]
    again = CliRunner().invoke(app, [*base, "index"], env={"COLUMNS": "300"})
    assert again.exit_code == 0 and "skipped" not in again.output  # nothing left behind


# -- 3: a reply lost on the way says the command may have been done ----------------------------
async def _said_after_a_failed_reply(server, chat, user, text: str) -> str:
    """The first reply that went through after ``text`` (the failed one skipped)."""
    await server.send_message(chat, user, text)
    call = await server.wait_for(
        lambda c: c.method == "sendMessage" and c.ok and c.params.get("chat_id") == chat.id
    )
    return call.message["text"]


async def test_a_reply_lost_on_the_way_says_the_command_may_have_been_done(server, engine):
    from tests.e2e import running

    operator = server.add_user("张编", id=1001, username="zhang_ops")
    settings = engine.settings.model_copy(update={"owners": [operator.id]})
    async with running(server, engine, settings):
        # Bad Gateway: the Bot API did not say whether the reply was posted
        server.fail_next("sendMessage", 502, "Bad Gateway", chat_id=operator.id)
        said = await _said_after_a_failed_reply(server, operator, operator, "/subscribe GDP 08:30")
        assert "这条命令可能已经执行" in said and "请稍后再试" not in said
        listed = await _said_after_a_failed_reply(server, operator, operator, "/subscriptions")
        assert "GDP" in listed  # it had been done


async def test_a_request_telegram_refused_keeps_the_plain_apology(server, engine):
    from tests.e2e import running

    user = server.add_user("小王", id=1003)
    async with running(server, engine):
        server.fail_next("sendMessage", 400, "Bad Request: can't parse entities", chat_id=user.id)
        said = await _said_after_a_failed_reply(server, user, user, "/help")
        assert said == "抱歉，处理您的请求时出错了，请稍后再试。"


# -- 6, 7: the console's channels and files over the limit -------------------------------------
@pytest.fixture
def console(tmp_path, monkeypatch):
    """The console in-process on an empty corpus folder of its own; files over 1 MB refused."""
    from typer.testing import CliRunner

    from briefbot.cli import app

    for key in ("TELEGRAM_BOT_TOKEN", "BRIEFBOT_TOKEN_FILE", "BRIEFBOT_CONFIG", "BRIEFBOT_OWNERS"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("BRIEFBOT_MAX_FILE_MB", "1")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    base = ["--corpus-dir", str(corpus), "--data-dir", str(tmp_path / "data")]

    def invoke(lines: str) -> str:
        result = CliRunner().invoke(app, base, input=lines)
        assert result.exception is None or isinstance(result.exception, SystemExit), result.output
        return result.stdout

    return invoke


def test_the_console_makes_a_channel_its_owner_subscribes(console):
    out = console(
        ":channel\n:channel @newsroom_ch 新闻早班车\n:channel 新闻\n"
        "/subscribe @newsroom_ch GDP 每天 08:00\n/subscriptions @newsroom_ch\n"
    )
    assert "还没有频道" in out.split("» :channel @newsroom_ch")[0]
    made = out.split("» :channel @newsroom_ch 新闻早班车")[1].split("» :channel 新闻")[0]
    assert "已建立频道 @newsroom_ch" in made
    assert "不是频道用户名" in out.split("» :channel 新闻")[1].split("» /subscribe")[0]
    subscribed = out.split("» /subscribe @newsroom_ch")[1].split("» /subscriptions")[0]
    assert "已订阅（新闻早班车" in subscribed and "找不到该频道" not in subscribed
    assert "每天 08:00" in out.split("» /subscriptions @newsroom_ch")[1]


def test_the_consoles_file_over_the_limit_is_refused_by_its_whole_size(console, tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:  # sparse: 3 MB of nothing written
        handle.truncate(3 * 1024 * 1024)
    out = console(f":file {big}\n")
    assert "过大（3 MB），上限为 1 MB" in out and "已添加" not in out


async def test_the_consoles_file_command_reads_at_most_one_byte_over_the_limit(tmp_path):
    """The bytes handed to the fake server: the limit and one more, with the whole size."""
    from types import SimpleNamespace

    from handlers.console import ChatConsole

    sent: list[tuple[int, int | None]] = []

    async def send_document(chat, user, name, data, *, size=None):
        sent.append((len(data), size))
        return {"message_id": 1}

    async def nothing(*_args):
        return None

    console = object.__new__(ChatConsole)  # only what send_file uses
    console.server = SimpleNamespace(send_document=send_document)
    console.engine = SimpleNamespace(settings=Settings(max_file_mb=1))
    console.user = SimpleNamespace(id=1)
    console._until_handled = nothing
    console.render_new = lambda: None
    big, small = tmp_path / "big.txt", tmp_path / "small.txt"
    with big.open("wb") as handle:
        handle.truncate(3 * 1024 * 1024)
    small.write_bytes(b"x" * 10)
    await console.send_file(str(big))
    await console.send_file(str(small))
    assert sent == [(1024 * 1024 + 1, 3 * 1024 * 1024), (10, None)]


# -- 4: /docs says when in the bot's zone, as /admin list and /audit do ------------------------
def test_the_admins_document_list_says_when_in_the_bots_zone(engine):
    from dataclasses import replace
    from datetime import UTC, datetime

    from handlers.format.admin_documents import admin_docs_messages

    at = datetime(2026, 12, 7, 7, 39, tzinfo=UTC).timestamp()
    info = replace(engine.documents()[0], indexed_at=at)
    said = "\n".join(admin_docs_messages([info], "zh", "Asia/Shanghai"))
    assert "2026-12-07 15:39" in said
    said = "\n".join(admin_docs_messages([info], "zh", "Europe/Berlin"))
    assert "2026-12-07 08:39" in said


# -- a digest message whose answer never came may have arrived ---------------------------------
class _ArrivedSender:
    """Every message arrives; the first send's answer is lost (a ``NoAnswer``)."""

    def __init__(self) -> None:
        self.arrived: list[str] = []
        self.lost_answers = 1

    async def send(self, chat_id: int, html: str) -> int:
        self.arrived.append(html)
        if self.lost_answers:
            self.lost_answers -= 1
            from bot.subscriptions import delivery as d

            raise d.NoAnswer("TimedOut: Timed out")
        return 100 + len(self.arrived)


async def _deliver_with_a_lost_answer(db, clock, uncertain: str):
    from datetime import UTC, datetime

    from bot.subscriptions.delivery import Deliverer

    store = SubscriptionStore(db, clock=clock)
    schedule = parse_schedule("08:00", default_time="08:00")
    sub = store.create(GROUP, "supergroup", "省报编辑部", 1, "就业", schedule, "Asia/Shanghai")
    sender = _ArrivedSender()

    async def compose(_sub, _slot):
        return ["one", "two"]

    async def no_sleep(_seconds: float) -> None:
        return None

    deliverer = Deliverer(store, compose, sender, uncertain=uncertain, sleep=no_sleep)
    result = await deliverer.deliver(sub.id, datetime(2026, 12, 7, 0, 0, tzinfo=UTC))
    return result, sender, store.deliveries(sub.id)[0], store.uncertain_count()


async def test_a_lost_answer_with_skip_sends_nothing_twice(db, clock):
    result, sender, row, counted = await _deliver_with_a_lost_answer(db, clock, "skip")
    assert result.outcome == "sent" and sender.arrived == ["one", "two"]
    assert row.message_ids == (0, 102) and row.uncertain == 1 and counted == 1


async def test_a_lost_answer_with_resend_sends_it_again_and_counts_it(db, clock):
    result, sender, row, counted = await _deliver_with_a_lost_answer(db, clock, "resend")
    assert result.outcome == "sent" and sender.arrived == ["one", "one", "two"]
    assert row.message_ids == (102, 103) and row.uncertain == 1
    assert counted == 1  # said in /status, no longer silent


async def test_a_timeout_before_the_request_left_is_no_uncertain_message(monkeypatch):
    import httpx
    from telegram.error import TimedOut

    from bot.subscriptions import delivery as d
    from handlers.delivery import TelegramSender

    class _Bot:
        def __init__(self, cause: Exception) -> None:
            self.cause = cause

        async def send_message(self, *_args, **_kwargs):
            raise TimedOut() from self.cause

    for cause, expected in (
        (httpx.ConnectTimeout("no route"), d.Transient),
        (httpx.ReadTimeout("no answer"), d.NoAnswer),
    ):
        try:
            await TelegramSender(_Bot(cause)).send(GROUP, "digest")
        except d.Transient as exc:
            assert type(exc) is expected
        else:
            raise AssertionError("no error")


# -- a bot with no owner: its deployer is told the id that makes them one ----------------------
async def test_a_bot_with_no_owner_tells_its_deployer_their_id(server, engine):
    from tests.e2e import ask_text, running

    deployer = server.add_user("张编", id=1001, username="zhang_ops")
    async with running(server, engine, engine.settings.model_copy(update={"owners": []})):
        refused = await ask_text(server, deployer, deployer, "/admin add @zhang_ops")
        asked = await ask_text(server, deployer, deployer, "怎么成为管理员")
    for said in (refused, asked):
        assert "还没有配置所有者" in said and "1001" in said and "BRIEFBOT_OWNERS" in said
        assert "部署机器人的人" not in said  # he was sent to ask himself
    assert refused.startswith("⛔") and asked.startswith("你还不是机器人管理员")


async def test_a_bot_with_owners_still_names_them(server, engine):
    from tests.e2e import ask_text, running

    owner = server.add_user("Olga", id=1001, username="olga_owner")
    intern = server.add_user("小王", id=1003, username="wang_intern")
    async with running(server, engine, engine.settings.model_copy(update={"owners": [owner.id]})):
        said = await ask_text(server, intern, intern, "/admin add @wang_intern")
    assert "还没有配置所有者" not in said and "/admin add @wang_intern" in said


def test_run_warns_when_no_owner_is_configured(bundled_engine, tmp_path):
    from bot.storage import Database
    from briefbot.cli.serve import what_it_runs_on

    data = tmp_path / "data"
    data.mkdir()
    for owners, warned in (([], True), ([1001], False)):
        settings = Settings(
            corpus_dir=bundled_engine.settings.corpus_dir, data_dir=data, owners=owners
        )
        database = Database.open(settings)
        try:
            said = " ".join(what_it_runs_on(settings, database, bundled_engine, fresh=False))
        finally:
            database.close()
        assert ("no owners configured" in said) is warned


def test_the_console_shows_a_post_in_its_channel_under_the_channels_name():
    from types import SimpleNamespace

    from rich.console import Console

    from handlers.console import ChatConsole

    console = object.__new__(ChatConsole)  # only what rendering uses
    console.out = Console(record=True, width=120)
    console.server = SimpleNamespace(private_chat=lambda _user: SimpleNamespace(id=1))
    console.app = object()  # no services: the console's own language (Chinese)
    console.user = SimpleNamespace(id=1)
    console.channels = {-1001: "newsroom_ch"}
    console.choices = {}
    post = {"message_id": 5, "chat": {"id": -1001, "type": "channel"}, "text": "📊 重点目标简报"}
    reply = {"message_id": 6, "chat": {"id": 1, "type": "private"}, "text": "✅ 推送完成"}
    other = {"message_id": 7, "chat": {"id": -2002, "type": "channel"}, "text": "别处"}
    for message in (post, reply, other):
        if console._ours(message):
            console._render_message(message, {}, edited=False)
    shown = console.out.export_text()
    assert "📢 @newsroom_ch（频道）\n│ 📊 重点目标简报" in shown
    assert "✅ 推送完成" in shown and "别处" not in shown and "@@" not in shown


def test_an_admins_removal_of_a_subscription_is_said_in_chinese():
    from bot.i18n import tr

    said = tr("zh", "admin.sub_removed", id=1, chat_id=777)
    assert said == "✅ 订阅 #1（聊天 <code>777</code>）已删除。"


# -- 15: /reindex says a skipped file's reason in the reader's language ------------------------
def test_reindex_says_a_skipped_files_reason_in_the_readers_language(tmp_path):
    from bot.library import Engine
    from handlers.format.admin_documents import reindex_done

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = "江州市2026年政府工作报告\n\n地区生产总值增长6%左右。\n"
    (corpus / "dup.txt").write_text(text, encoding="utf-8")
    (corpus / "gbk.txt").write_text(text, encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    engine = Engine.open(Settings(corpus_dir=corpus, data_dir=tmp_path / "data"))
    report = engine.last_refresh
    assert report is not None
    reasons = {s.path: s.reason for s in report.skipped}  # the command line's, in English
    assert reasons == {"empty.txt": "empty file", "gbk.txt": "same content as dup.txt"}
    zh = reindex_done(report, engine.documents(), 0.5, "zh")
    assert "gbk.txt</code>：与 dup.txt 内容相同，未重复索引。" in zh
    assert "empty.txt</code>：文件为空，未添加。" in zh and "same content" not in zh
    en = reindex_done(report, engine.documents(), 0.5, "en")
    assert "Same content as dup.txt; not indexed twice." in en


async def test_the_consoles_file_command_says_a_missing_path_or_a_folder_in_its_language(
    tmp_path, monkeypatch
):
    """``:file`` of a mistyped path said the OS's English (``No such file or directory``)
    inside a Chinese line; a folder said ``Is a directory``."""
    import io
    from types import SimpleNamespace

    from rich.console import Console

    from handlers.console import ChatConsole

    monkeypatch.setattr(ChatConsole, "lang", property(lambda _self: "zh"))
    console = object.__new__(ChatConsole)  # only what send_file and say use
    console.engine = SimpleNamespace(settings=Settings(max_file_mb=1))
    console.out = Console(file=io.StringIO(), width=200)
    monkeypatch.chdir(tmp_path)
    await console.send_file("报告.txt")
    await console.send_file(str(tmp_path))
    said = console.out.file.getvalue()
    assert f"没有文件 报告.txt（相对路径从 {tmp_path} 算起）" in said
    assert f"{tmp_path} 是文件夹" in said and "briefbot ingest" in said
    assert "No such file" not in said and "directory" not in said
