"""The Telegram bot end to end: the real PTB Application against the fake Bot API server.

Every test talks to ``FakeBotApi`` on 127.0.0.1 through ``build_application`` and reads
what the bot actually sent; waits are the server's bounded waits, never sleeps.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from telegram.ext import Application

from bot.config import PROJECT_ROOT, Settings
from bot.library import Engine
from bot.models import Highlight, SearchResponse
from bot.storage.queries import MemoryQueryStore
from fake_telegram import BotCall, FakeBotApi
from handlers import format as fmt
from handlers.context import services_of
from tests.e2e import BOT_NAME, ask, ask_text, bold, buttons, press, running
from tests.factories import search_hit

BUNDLED_CORPUS = PROJECT_ROOT / "corpus"
NATIONAL_REPORT = PROJECT_ROOT / "tests" / "data" / "real" / "docs" / "national_china_2025_gwr.txt"
SEND_METHODS = ("sendMessage",)


# -- fixtures ----------------------------------------------------------------------------------
# ``server`` and ``engine`` (the session's over the bundled corpus): tests/e2e.py
@pytest.fixture
def store() -> MemoryQueryStore:
    return MemoryQueryStore()


@pytest.fixture
async def bot(server: FakeBotApi, engine: Engine, store: MemoryQueryStore):
    async with running(server, engine, query_store=store) as app:
        yield app


# -- searching ---------------------------------------------------------------------------------
async def test_search_reply_has_highlights_file_section_and_buttons(
    server: FakeBotApi, bot: Application, engine: Engine
) -> None:
    alice = server.add_user("Alice")
    call = await ask(server, alice, alice, "/search 地区生产总值")
    expected = engine.search("地区生产总值")
    html, message = call.params["text"], call.message
    assert call.params["parse_mode"] == "HTML"
    assert "<b>地区生产总值</b>" in html
    top = expected.hits[0]
    assert top.filename in message["text"]
    assert top.section[-1] in message["text"]
    assert f"共 {expected.total} 条结果 · 第 1/{expected.pages} 页" in message["text"]
    assert "地区生产总值" in bold(message)
    keys = buttons(message)
    assert [k for k in keys if k.startswith("全文")] == [
        f"全文 {n}" for n in range(1, len(expected.hits) + 1)
    ]
    assert "下一页 ▶" in keys and "◀ 上一页" not in keys


async def test_paging_edits_the_results_message(server: FakeBotApi, bot: Application) -> None:
    bob = server.add_user("Bob")
    first = (await ask(server, bob, bob, "/search 地区生产总值")).message
    answer = await press(server, first, "下一页 ▶", bob)
    assert answer.ok
    edit = await server.next_call("editMessageText", chat=bob)
    page2 = edit.message
    assert page2["message_id"] == first["message_id"]
    assert "第 2/2 页" in page2["text"] and page2["text"].count("\n6. ") == 1
    assert "下一页 ▶" not in buttons(page2) and "◀ 上一页" in buttons(page2)

    await press(server, page2, "◀ 上一页", bob)
    back = (await server.next_call("editMessageText", chat=bob)).message
    assert "第 1/2 页" in back["text"]
    assert back["text"] == first["text"]


async def test_full_passage_button(server: FakeBotApi, bot: Application, engine: Engine) -> None:
    carol = server.add_user("Carol")
    results = (await ask(server, carol, carol, "/search 乡村振兴")).message
    hits = engine.search("乡村振兴").hits
    # A hit whose snippet is only part of its passage.
    n, hit = next((n, h) for n, h in enumerate(hits, 1) if len(h.text) > len(h.snippet) + 20)
    await press(server, results, f"全文 {n}", carol)
    full = (await server.next_call("sendMessage", chat=carol)).message
    assert hit.text in full["text"]
    assert hit.title in full["text"] and hit.filename in full["text"]
    assert " › ".join(hit.section) in full["text"]


async def test_correction_and_search_as_typed(server: FakeBotApi, bot: Application) -> None:
    dave = server.add_user("Dave")
    call = await ask(server, dave, dave, "/search 乡村振星")
    corrected = call.message
    assert "已更正：乡村振星 → 乡村振兴" in corrected["text"]
    assert "乡村振兴" in bold(corrected)
    assert "按原文搜索“乡村振星”" in buttons(corrected)

    await press(server, corrected, "按原文搜索“乡村振星”", dave)
    as_typed = (await server.next_call("editMessageText", chat=dave)).message
    assert as_typed["text"].startswith("🔎 乡村振星")
    assert "已更正" not in as_typed["text"]
    assert "按原文搜索“乡村振星”" not in buttons(as_typed)
    # Its pages stay uncorrected, and its "did you mean" suggestions are buttons.
    assert buttons(as_typed)["下一页 ▶"].endswith(":2:0")
    assert "您是不是要找：振兴" in as_typed["text"]
    await press(server, as_typed, "🔍 振兴", dave)
    suggested = (await server.next_call("editMessageText", chat=dave)).message
    assert suggested["text"].startswith("🔎 振兴") and "振兴" in bold(suggested)


async def test_private_plain_text_is_a_search(server: FakeBotApi, bot: Application) -> None:
    erin = server.add_user("Erin")
    call = await ask(server, erin, erin, "营商环境")
    assert "<b>营商环境</b>" in call.params["text"]
    assert "reply_to_message" not in call.message  # no quoting in a private chat


async def test_group_answers_commands_and_mentions_only(
    server: FakeBotApi, bot: Application
) -> None:
    group = server.add_chat("supergroup", "Policy Group")
    frank = server.add_user("Frank")
    await server.send_message(group, frank, "今天开会讨论乡村振兴")  # chatter: ignored
    await server.send_message(group, frank, "/search@other_bot 乡村振兴")  # another bot's
    command = await server.send_message(group, frank, f"/search@{BOT_NAME} 乡村振兴")
    reply = (await server.next_call("sendMessage", chat=group)).message
    assert reply["reply_to_message"]["message_id"] == command["message_id"]
    assert "乡村振兴" in bold(reply)

    mention = await server.send_message(group, frank, f"@{BOT_NAME} 营商环境")
    reply = (await server.next_call("sendMessage", chat=group)).message
    assert reply["reply_to_message"]["message_id"] == mention["message_id"]
    assert "营商环境" in bold(reply)

    bare = await server.send_message(group, frank, f"@{BOT_NAME}")
    usage = (await server.next_call("sendMessage", chat=group)).message
    assert usage["reply_to_message"]["message_id"] == bare["message_id"]
    assert usage["text"].startswith("用法：/search")
    assert len(server.bot_messages(group)) == 3


# -- documents and targets ---------------------------------------------------------------------
async def test_docs_and_doc(server: FakeBotApi, bot: Application, engine: Engine) -> None:
    gina = server.add_user("Gina")
    docs = (await ask(server, gina, gina, "/docs")).message
    assert "共 5 份" in docs["text"]
    assert "烟台 · 市级 · 政府工作报告 · 2024年" in docs["text"]
    for info in engine.documents():
        assert info.doc_id in docs["text"] and info.filename in docs["text"]

    doc = (await ask(server, gina, gina, "/doc 004")).message
    text = doc["text"]
    assert text.startswith("📄 烟台市2024年政府工作报告")
    assert "004_f9b1766ae33f6aa2.txt" in text and "地区：山东 › 烟台" in text
    assert "级别：市级" in text and "类型：政府工作报告" in text and "年份：2024" in text
    assert "发布：烟台市人民政府" in text
    assert "章节" in text and "• 三、2024年重点工作" in text
    assert "重点目标（共" in text and "• 〔目标〕地区生产总值 增长 5.5%左右 · 2024年" in text


async def test_targets_and_compare(server: FakeBotApi, bot: Application) -> None:
    hank = server.add_user("Hank")
    gdp = (await ask(server, hank, hank, "/targets GDP")).message["text"]
    assert gdp.startswith("🎯 指标：GDP（共 5 条）")
    assert "人均地区生产总值" not in gdp  # per capita is another indicator family
    assert "📄 烟台市2024年政府工作报告" in gdp
    assert "〔预计〕地区生产总值 增长 6.5%左右 · 2023年 · 烟台" in gdp
    assert "x万亿元（原文隐去）" in gdp  # masked figures are shown as written

    by_doc = (await ask(server, hank, hank, "/targets 004")).message["text"]
    assert by_doc.startswith("🎯 文件：烟台市2024年政府工作报告")

    compare = (await ask(server, hank, hank, "/compare 地区生产总值")).message["text"]
    assert compare.startswith("📊 对比：地区生产总值")
    yantai = compare.index("【烟台】")
    assert compare.index("2024年 〔目标〕 增长 5.5%左右", yantai) < compare.index(
        "2023年 〔预计〕 增长 6.5%左右", yantai
    )
    assert "【未注明地区】" in compare


@pytest.fixture(scope="module")
def national_engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    """The bundled corpus plus a real national government work report (dev split)."""
    corpus = tmp_path_factory.mktemp("national-corpus")
    for path in BUNDLED_CORPUS.iterdir():
        shutil.copy(path, corpus / path.name)
    shutil.copy(NATIONAL_REPORT, corpus / NATIONAL_REPORT.name)
    data = tmp_path_factory.mktemp("national-data")
    return Engine.open(Settings(corpus_dir=corpus, data_dir=data))


async def test_compare_families_and_national_documents(
    server: FakeBotApi, national_engine: Engine
) -> None:
    async with running(server, national_engine):
        kim = server.add_user("Kim")
        gdp = (await ask(server, kim, kim, "/compare GDP")).message["text"]
        assert gdp.startswith("📊 对比：GDP")
        assert "包括：地区生产总值、国内生产总值" in gdp
        assert "【全国】" in gdp and "【烟台】" in gdp
        assert "国内生产总值" in gdp and "地区生产总值" in gdp
        cpi = (await ask(server, kim, kim, "/compare CPI")).message["text"]
        assert cpi.startswith("📊 对比：CPI") and "【全国】" in cpi
        docs = (await ask(server, kim, kim, "/docs")).message["text"]
        assert "全国 · 政府工作报告 · 2025年" in docs
        doc = (await ask(server, kim, kim, "/doc national")).message["text"]
        assert "地区：全国" in doc and "级别：全国" in doc and "发布：国务院" in doc


@pytest.fixture
def unsure_gdp(engine) -> Iterator[dict[str, list]]:
    """The 2024 GDP target of 004 read back as unsure; the records each document's file
    gave, by document id. The session engine's held records are dropped before (so its
    files are read through the patched reader) and after (so no other test sees them)."""
    from dataclasses import replace

    from bot.targets import store as target_store

    real = target_store.load_targets
    seen: dict[str, list] = {}

    def load(folder, doc_id):
        records = [
            replace(r, confidence=0.3) if (r.indicator, r.value) == ("地区生产总值", 5.5) else r
            for r in real(folder, doc_id)
        ]
        seen[doc_id] = records
        return records

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(target_store, "load_targets", load)
        engine.target_store.forget()
        yield seen
    engine.target_store.forget()


async def test_unsure_targets_are_hidden_unless_all(
    server: FakeBotApi, bot: Application, unsure_gdp: dict[str, list]
) -> None:
    seen = unsure_gdp
    lee = server.add_user("Lee")
    gdp = (await ask(server, lee, lee, "/targets GDP")).message["text"]
    assert gdp.startswith("🎯 指标：GDP（共 4 条）")
    assert "另有 1 条低可信度数据未显示，全部显示：/targets GDP all" in gdp
    assert "5.5%左右" not in gdp
    everything = (await ask(server, lee, lee, "/targets GDP all")).message["text"]
    assert everything.startswith("🎯 指标：GDP（共 5 条）") and "5.5%左右" in everything
    assert "低可信度" not in everything
    compare = (await ask(server, lee, lee, "/compare GDP")).message["text"]
    assert "/compare GDP all" in compare and "增长 5.5%左右" not in compare
    assert "增长 5.5%左右" in (await ask(server, lee, lee, "/compare GDP 全部")).message["text"]
    doc = (await ask(server, lee, lee, "/doc 004")).message["text"]
    # /doc lists key targets (kind target): ours and any the extractor itself was unsure of
    unsure = sum(1 for r in seen["ed82847100"] if r.kind == "target" and not r.confident)
    assert unsure >= 1
    assert f"另有 {unsure} 条低可信度数据未显示" in doc and "/targets ed82847100 all" in doc


async def test_malformed_commands_get_usage(server: FakeBotApi, bot: Application) -> None:
    ivy = server.add_user("Ivy")
    answers = {}
    for text in ("/search", "/search   ", "/doc", "/doc zzz-nope", "/compare", "/compare 火星基地"):
        answers[text] = (await ask(server, ivy, ivy, text)).message["text"]
    assert answers["/search"].startswith("用法：/search 关键词")
    assert answers["/search   "] == answers["/search"]
    assert answers["/doc"].startswith("用法：/doc")
    assert answers["/doc zzz-nope"].startswith("找不到文件“zzz-nope”")
    assert answers["/compare"].startswith("用法：/compare 指标")
    assert answers["/compare 火星基地"].startswith("没有找到“火星基地”的目标数据。")
    unknown = (await ask(server, ivy, ivy, "/frobnicate")).message["text"]
    assert "/help" in unknown


async def test_start_help_and_command_menu(server: FakeBotApi, bot: Application) -> None:
    jack = server.add_user("Jack")
    start = (await ask(server, jack, jack, "/start")).message["text"]
    assert "政策简报机器人" in start
    help_text = (await ask(server, jack, jack, "/help")).message["text"]
    for example in ("/search 乡村振兴", "/search GDP 增长", "/targets GDP", "/docs"):
        assert example in help_text
    assert "/compare GDP" in help_text and f"@{BOT_NAME}" in help_text
    assert "/targets GDP all" in help_text
    for example in ("/subscribe GDP 08:30", "/subscriptions", "/unsubscribe", "/digest"):
        assert example in help_text

    default, chinese, english = (server.commands(language_code=c) for c in ("", "zh", "en"))
    names = [
        "search",
        "docs",
        "doc",
        "targets",
        "compare",
        "scorecard",
        "changes",
        "chart",
        "subscribe",
        "subscriptions",
        "unsubscribe",
        "digest",
        "timezone",
        "region",
        "lang",
        "help",
        "start",
    ]
    assert [c["command"] for c in default] == names
    assert default == chinese
    assert default[0]["description"].startswith("搜索政策文件")
    assert [c["command"] for c in english] == names
    assert english[0]["description"].startswith("Search the documents")


# -- robustness --------------------------------------------------------------------------------
async def test_handler_error_apologises_and_bot_keeps_going(
    server: FakeBotApi,
    bot: Application,
    engine: Engine,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    kim = server.add_user("Kim")
    results = (await ask(server, kim, kim, "/search 乡村振兴")).message

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("index on fire")

    caplog.set_level(logging.INFO)
    monkeypatch.setattr(engine, "search", broken)  # the engine instance, not PTB
    apology = (await ask(server, kim, kim, "/search 乡村振兴")).message["text"]
    assert apology.startswith("抱歉，处理您的请求时出错了")
    # A button whose search fails: the press is answered, then the apology is sent.
    await press(server, results, "下一页 ▶", kim)
    after_button = (await server.next_call("sendMessage", chat=kim)).message["text"]
    assert after_button == apology
    monkeypatch.undo()

    again = (await ask(server, kim, kim, "/search 乡村振兴")).message
    assert "乡村振兴" in bold(again)
    failures = [r for r in caplog.records if r.levelno == logging.ERROR and "failed" in r.message]
    assert len(failures) == 2
    assert f"chat {kim.id}, command /search failed" in failures[0].message
    assert "RuntimeError: index on fire" in failures[0].message
    assert "button 'p:" in failures[1].message
    assert server.token not in caplog.text


async def test_a_slow_search_does_not_hold_up_other_chats(
    server: FakeBotApi, bot: Application, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    entered, release = threading.Event(), threading.Event()
    search = engine.search

    def slow_search(*args: Any, **kwargs: Any) -> Any:
        entered.set()
        release.wait(5)
        return search(*args, **kwargs)

    monkeypatch.setattr(engine, "search", slow_search)
    rita, sam = server.add_user("Rita"), server.add_user("Sam")
    await server.send_message(rita, rita, "/search 乡村振兴")
    assert await asyncio.to_thread(entered.wait, 5)  # Rita's search is running...
    help_call = await ask(server, sam, sam, "/help")  # ...and Sam is answered meanwhile
    assert "政策简报机器人" in help_call.text
    assert not server.bot_messages(rita)
    release.set()
    assert "乡村振兴" in bold((await server.next_call("sendMessage", chat=rita)).message)


async def test_flood_limit_per_chat(server: FakeBotApi, engine: Engine) -> None:
    settings = engine.settings.model_copy(update={"flood_burst": 3, "flood_rate": 60})
    now = [1000.0]
    async with running(server, engine, settings) as app:
        services_of(app).flood.clock = lambda: now[0]
        leo, mia = server.add_user("Leo"), server.add_user("Mia")
        for _ in range(4):
            await server.send_message(leo, leo, "/help")
        replies = [(await server.next_call("sendMessage", chat=leo)).text for _ in range(4)]
        warnings = [r for r in replies if r.startswith("请求过于频繁")]
        assert warnings == ["请求过于频繁，请 1 秒后再试。"]
        await server.send_message(leo, leo, "/help")  # over the limit, already warned: dropped
        # Updates are handled in order: once Mia (her own bucket) has her answer, Leo's
        # fifth update has been dropped.
        assert "政策简报机器人" in (await ask(server, mia, mia, "/help")).text
        now[0] += 1.0  # one token back
        assert "政策简报机器人" in (await ask(server, leo, leo, "/help")).text
        assert len(server.bot_messages(leo)) == 5  # 3 answers, 1 warning, 1 answer


async def test_a_reply_refused_with_429_waits_retry_after_then_is_sent(
    server: FakeBotApi, bot: Application
) -> None:
    """Telegram's 429 on a reply: the rate limiter pauses every send for retry_after, then
    sends the reply again; the user gets it, no apology."""
    limiter = bot.bot.rate_limiter
    clock, waits = [0.0], []

    async def sleep(seconds: float) -> None:  # the pause, in the limiter's own time
        waits.append(round(seconds, 3))
        clock[0] += seconds

    limiter.sleep, limiter.clock = sleep, lambda: clock[0]
    otto = server.add_user("Otto")
    server.fail_next("sendMessage", 429, retry_after=8, chat_id=otto.id)
    refused = await ask(server, otto, otto, "/search 地区生产总值")
    assert not refused.ok and refused.error.error_code == 429
    reply = await server.next_call("sendMessage", chat=otto)  # the same reply, sent again
    assert reply.ok and "地区生产总值" in bold(reply.message)
    assert reply.params["text"] == refused.params["text"]
    assert waits == [8.0] and (limiter.stats.refused, limiter.stats.retried) == (1, 1)
    assert len(server.bot_messages(otto)) == 1  # the results only: no apology


async def test_every_button_fits_in_64_bytes(
    server: FakeBotApi, bot: Application, store: MemoryQueryStore
) -> None:
    nina = server.add_user("Nina")
    for text in ("/search 乡村振星", "/search xyzzy", "/search " + "高质量发展" * 60, "GDP 增长"):
        await ask(server, nina, nina, text)
    offered = [data for m in server.bot_messages(nina) for data in buttons(m).values()]
    assert len(offered) > 10
    assert all(1 <= len(data.encode()) <= fmt.CALLBACK_LIMIT for data in offered)
    # Even a store with long keys cannot make an over-long button.
    with pytest.raises(ValueError, match="64 bytes"):
        fmt.page_data("k" * 70, 1)


async def test_buttons_work_after_a_restart(server: FakeBotApi, engine: Engine) -> None:
    store = MemoryQueryStore()  # stands in for the database-backed QueryStore
    olga = server.add_user("Olga")
    async with running(server, engine, query_store=store):
        results = (await ask(server, olga, olga, "/search 地区生产总值")).message
    async with running(server, engine, query_store=store):
        await press(server, results, "下一页 ▶", olga)
        page2 = (await server.next_call("editMessageText", chat=olga)).message
        assert "第 2/2 页" in page2["text"]
    async with running(
        server, engine, query_store=MemoryQueryStore()
    ):  # the saved searches are gone
        answer = await press(server, page2, "◀ 上一页", olga)
        assert answer.params["text"].startswith("这个搜索已过期")
        assert answer.params["show_alert"] is True
        await server.press_button(page2, buttons(page2)["全文 6"], olga)  # needs no store
        full = (await server.next_call("sendMessage", chat=olga)).message
        assert engine.search("地区生产总值", page=2).hits[0].text in full["text"]


async def test_buttons_survive_a_restart_with_the_database_store(
    server: FakeBotApi, engine: Engine, tmp_path: Path
) -> None:
    storage = pytest.importorskip("bot.storage")
    url = f"sqlite:///{tmp_path / 'briefbot.db'}"
    quinn = server.add_user("Quinn")
    with storage.Database.open(url=url) as db:
        async with running(server, engine, query_store=storage.QueryStore(db)):
            results = (await ask(server, quinn, quinn, "/search 乡村振星")).message
    with storage.Database.open(url=url) as db:  # a new process: only the file is shared
        async with running(server, engine, query_store=storage.QueryStore(db)):
            await press(server, results, "按原文搜索“乡村振星”", quinn)
            as_typed = (await server.next_call("editMessageText", chat=quinn)).message
            assert as_typed["text"].startswith("🔎 乡村振星")


async def test_document_text_is_escaped_and_long_passages_split(
    server: FakeBotApi, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(BUNDLED_CORPUS, corpus)
    settings = Settings(corpus_dir=corpus, data_dir=tmp_path / "data", passage_max_chars=10_000)
    engine = Engine.open(settings)
    tricky = tmp_path / "in" / "999_tricky.txt"
    tricky.parent.mkdir()
    long_paragraph = "推进<b>数字政府</b>建设&优化服务，提升一网通办水平。" * 200
    tricky.write_text(
        "关于<b>加强</b>管理&服务的通知\n\n一、总体要求\n\n"
        "坚持<i>问题导向</i>，推进A&B两项改革，目标值<5%且>3%。\n\n" + long_paragraph + "\n",
        encoding="utf-8",
    )
    assert engine.ingest([tricky]).copied == ("999_tricky.txt",)

    pat = server.add_user("Pat")
    async with running(server, engine):
        doc = (await ask(server, pat, pat, "/doc 999")).message["text"]
        assert doc.startswith("📄 关于<b>加强</b>管理&服务的通知")
        assert "• 一、总体要求" in doc
        docs = (await ask(server, pat, pat, "/docs")).message["text"]
        assert "关于<b>加强</b>管理&服务的通知" in docs

        results = (await ask(server, pat, pat, "/search 问题导向 改革")).message
        assert "坚持<i>问题导向</i>，推进A&B两项改革，目标值<5%且>3%。" in results["text"]
        assert "问题导向" in bold(results)

        await press(server, results, "全文 1", pat)
        first = (await server.next_call("sendMessage", chat=pat)).message
        assert "坚持<i>问题导向</i>" in first["text"]

        results = (await ask(server, pat, pat, "/search 一网通办")).message
        await press(server, results, "全文 1", pat)
        parts: list[BotCall] = []
        while sum(c.text.count("一网通办") for c in parts) < 200:
            parts.append(await server.next_call("sendMessage", chat=pat))
        assert parts[0].text.startswith("关于<b>加强</b>管理&服务的通知\n📄 999_tricky.txt")
        # 5,400 characters, about 8,600 as HTML: two full messages and the rest.
        sizes = [fmt.utf16_len(c.params["text"]) for c in parts]
        assert len(sizes) == 3 and all(4000 <= n <= 4096 for n in sizes[:2]), sizes


# -- presentation helpers ----------------------------------------------------------------------
def test_highlight_escapes_each_piece_and_merges_spans() -> None:
    text = "a<b>&c\nd"
    spans = [Highlight(1, 4), Highlight(3, 5), (7, 99)]
    assert fmt.highlight_html(text, spans) == "a<b>&lt;b&gt;&amp;</b>c <b>d</b>"


def test_split_html_counts_utf16_and_keeps_lines_whole() -> None:
    line = "😀" * 100  # 200 UTF-16 code units
    parts = fmt.split_html("\n".join([line] * 50), limit=1000)
    assert all(fmt.utf16_len(p) <= 1000 for p in parts)
    assert all(set(p.split("\n")) == {line} for p in parts)
    assert sum(p.count("\n") + 1 for p in parts) == 50
    cut = fmt.split_html("<b>" + "&amp;" * 300 + "</b>", limit=200)
    assert all(p.startswith("<b>") and p.endswith("</b>") and len(p) <= 200 for p in cut)
    assert "".join(p[3:-4] for p in cut) == "&amp;" * 300  # never cut inside an entity
    # An over-long line fills the current message first; no empty tag pair at a cut.
    parts = fmt.split_html("head\n" + "x" * 150 + "<b>" + "y" * 200 + "</b>", limit=200)
    assert parts[0] == "head\n" + "x" * 150 + "<b>" + "y" * 38 + "</b>"
    assert parts[1] == "<b>" + "y" * 162 + "</b>"
    parts = fmt.split_html("x" * 195 + "<b>" + "y" * 10 + "</b>", limit=200)
    assert parts == ["x" * 195, "<b>" + "y" * 10 + "</b>"]


def test_a_search_page_is_always_one_message() -> None:
    text = "<政策&" * 300
    hit = search_hit(
        text, filename="f.txt", title="T", section=("S",), highlights=(Highlight(1, 3),)
    )
    resp = SearchResponse("政策", (hit,) * 10, total=30, page=2, page_size=10)
    html, keyboard = fmt.search_page(resp, key="k1")
    assert fmt.utf16_len(html) <= 4096 and "共 30 条结果 · 第 2/3 页" in html
    assert html.count("<b>政策</b>") == 1 + 10 and "&lt;" in html and "<政" not in html
    data = [b.callback_data for row in keyboard.inline_keyboard for b in row]
    assert data == ["t:d1:0"] * 10 + ["p:k1:1:1", "p:k1:3:1"]


async def test_understood_plan_period_is_said_with_its_years(
    server: FakeBotApi, bot: Application
) -> None:
    fay = server.add_user("Fay")
    text = await ask_text(server, fay, fay, "十四五 地区生产总值 目标")
    # the whole line: a span of years, no one year of it
    assert "理解为：时期 十四五（2021–2025） · 指标 地区生产总值" in text.splitlines(), text
    await ask(server, fay, fay, "/lang en")
    english = await ask_text(server, fay, fay, "山东 2021-2025年 地区生产总值 目标")
    assert (
        "Understood as: region Shandong (山东) · period 十四五 (2021–2025) · indicator" in english
    )


async def test_understood_answer_card_and_literal_search(
    server: FakeBotApi, bot: Application
) -> None:
    erin = server.add_user("Erin")
    reply = (await ask(server, erin, erin, "/search 烟台 2024 GDP 增长目标")).message
    text = reply["text"]
    assert "理解为：地区 烟台 · 年份 2024 · 指标 地区生产总值" in text
    assert "🎯 答案：烟台 2024年 地区生产总值 目标：增长5.5%左右" in text
    assert "5.5%左右" in bold(reply)
    # the passage stating the answer comes first
    assert text.index("🎯") < text.index("1. ") < text.index("地区生产总值增长5.5%左右")
    literal_label = "按原词搜索（不按地区、年份理解）"
    assert buttons(reply)[literal_label].endswith(":1:2")

    await press(server, reply, literal_label, erin)
    literal = (await server.next_call("editMessageText", chat=erin)).message
    assert "理解为" not in literal["text"] and "🎯" not in literal["text"]
    assert literal_label not in buttons(literal)
    if "下一页 ▶" in buttons(literal):  # its pages stay literal
        assert buttons(literal)["下一页 ▶"].endswith(":2:2")
