"""A county policy-research office's staffer administering the bot from a Chinese
Telegram client (bench/RESULTS.md, ``user-trial16``): a revised report forwarded under
another name, a schedule changed by subscribing again, a file with no extension. The core
in-process; the chat over the fake Bot API server (bounded waits, never sleeps). The
reports are invented (an invented county of a real prefecture's name is not needed: 万安
and 泰和 are read by the gazetteer)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from telegram.ext import Application

from bot.library import Engine
from bot.storage import Database
from bot.text.tokenize import Tokenizer
from bot.text.typed_commands import TypedCommand, typed_command
from fake_telegram import BotCall, FakeBotApi, User
from handlers.format.admin import StatusReport, status_html
from tests import e2e
from tests.e2e import buttons, engine_copy
from tests.test_corpus_reader import make_cjk_pdf
from tests.test_uploads import docx_bytes

OWNER_ID = 7101

REPORT = """万安县2026年政府工作报告
——2026年1月10日在万安县第十八届人民代表大会第五次会议上
一、2025年工作回顾
过去一年，全县地区生产总值完成186.5亿元，增长5.8%；城镇新增就业2860人。
二、2026年主要目标
今年经济社会发展的主要预期目标是：地区生产总值增长6%左右；城镇新增就业3000人以上；居民消费价格涨幅2%左右。
"""
REVISED = REPORT.replace("增长6%左右", "增长6.5%左右").replace("3000人以上", "3200人以上")
OTHER = REPORT.replace("万安", "泰和")


# -- fixtures ----------------------------------------------------------------------------------
@pytest.fixture
def engine(bundled_template: Path, tmp_path: Path, tokenizer: Tokenizer) -> Engine:
    return engine_copy(bundled_template, tmp_path, tokenizer, owners=[OWNER_ID], flood_burst=0)


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = Database.open(url=f"sqlite:///{tmp_path}/b.db")
    yield db
    db.close()


@pytest.fixture
def owner(server: FakeBotApi) -> User:
    return server.add_user("小李", id=OWNER_ID, username="li_zys")


@pytest.fixture
async def app(
    server: FakeBotApi, engine: Engine, database: Database, owner: User
) -> AsyncIterator[Application]:
    async with e2e.running(server, engine, engine.settings, database=database) as application:
        yield application


async def _outcome(server: FakeBotApi, chat: User) -> BotCall:
    """The upload's edited answer once it is an outcome, not a "working on it" (⏳) step."""
    chat_id = server.chat(chat).id
    return await server.wait_for(
        lambda c: (
            c.method == "editMessageText"
            and c.ok
            and c.chat_id == chat_id
            and not c.message["text"].startswith("⏳")
        ),
        timeout=10,
    )


def _titles(engine: Engine) -> list[str]:
    return sorted(d.filename for d in engine.documents() if d.title == "万安县2026年政府工作报告")


# -- a revised report under another name (the core) --------------------------------------------
def test_the_same_report_under_another_name_asks_before_it_is_added(engine: Engine) -> None:
    assert engine.add_upload("万安县2026年政府工作报告.txt", REPORT.encode("gbk")).ok
    asked = engine.add_upload("万安县2026年政府工作报告（修订稿）.txt", REVISED.encode("gbk"))
    assert asked.status == "needs_confirmation"
    assert asked.message_code == "upload.same_report"
    assert asked.existing is not None
    assert asked.existing.filename == "万安县2026年政府工作报告.txt"
    assert _titles(engine) == ["万安县2026年政府工作报告.txt"]  # nothing added yet


def test_replacing_the_older_report_leaves_one_with_the_new_figures(engine: Engine) -> None:
    engine.add_upload("万安县2026年政府工作报告.txt", REPORT.encode("gbk"))
    done = engine.add_upload(
        "万安县2026年政府工作报告（修订稿）.txt", REVISED.encode("gbk"), replace=True
    )
    assert done.status == "replaced"
    assert done.existing is not None and done.existing.filename == "万安县2026年政府工作报告.txt"
    assert _titles(engine) == ["万安县2026年政府工作报告（修订稿）.txt"]
    assert not (engine.settings.corpus_dir / "万安县2026年政府工作报告.txt").exists()
    gdp = {
        t.record.value_text
        for t in engine.targets()
        if (t.record.indicator, t.record.region, t.record.year) == ("地区生产总值", "万安", "2026")
    }
    assert gdp == {"6.5"}  # the old 6%左右 gone with its file


def test_keeping_both_adds_the_second_beside_the_first(engine: Engine) -> None:
    engine.add_upload("万安县2026年政府工作报告.txt", REPORT.encode("gbk"))
    kept = engine.add_upload(
        "万安县2026年政府工作报告（修订稿）.txt", REVISED.encode("gbk"), keep_both=True
    )
    assert kept.status == "added"
    assert len(_titles(engine)) == 2


def test_another_places_report_of_the_same_kind_and_year_is_simply_added(engine: Engine) -> None:
    engine.add_upload("万安县2026年政府工作报告.txt", REPORT.encode("gbk"))
    assert engine.add_upload("泰和县2026年政府工作报告.txt", OTHER.encode()).status == "added"


# -- the same in the chat ----------------------------------------------------------------------
async def test_a_revised_report_in_chat_offers_replace_keep_both_or_cancel(
    server: FakeBotApi, app: Application, engine: Engine, owner: User
) -> None:
    await server.send_document(owner, owner, "万安县2026年政府工作报告.txt", REPORT.encode("gbk"))
    assert (await _outcome(server, owner)).message["text"].startswith("✅ 已添加")
    await server.send_document(
        owner, owner, "万安县2026年政府工作报告（修订稿）.txt", REVISED.encode("gbk")
    )
    asked = (await _outcome(server, owner)).message
    assert asked["text"].startswith("❓ 这是已有报告的新版本吗？")
    assert "文库里已有同一份报告《万安县2026年政府工作报告》" in asked["text"]
    assert list(buttons(asked)) == ["✅ 替换旧版本", "📄 两份都保留", "✖️ 取消"]
    await e2e.press(server, asked, "✅ 替换旧版本", owner)
    done = (await _outcome(server, owner)).message["text"]
    assert done.startswith("✅ 已替换：万安县2026年政府工作报告")
    assert "旧版本 万安县2026年政府工作报告.txt（编号" in done and "已从文库移除" in done
    assert _titles(engine) == ["万安县2026年政府工作报告（修订稿）.txt"]


async def test_keep_both_in_chat_adds_the_second_report(
    server: FakeBotApi, app: Application, engine: Engine, owner: User
) -> None:
    await server.send_document(owner, owner, "万安县2026年政府工作报告.txt", REPORT.encode("gbk"))
    await _outcome(server, owner)
    await server.send_document(
        owner, owner, "万安县2026年政府工作报告（修订稿）.txt", REVISED.encode("gbk")
    )
    asked = (await _outcome(server, owner)).message
    await e2e.press(server, asked, "📄 两份都保留", owner)
    done = (await _outcome(server, owner)).message["text"]
    assert done.startswith("✅ 已添加：万安县2026年政府工作报告")
    assert len(_titles(engine)) == 2


# -- a schedule "changed" by subscribing again -------------------------------------------------
async def test_subscribing_the_same_content_at_another_time_says_both_run(
    server: FakeBotApi, app: Application, owner: User
) -> None:
    group = server.add_chat("supergroup", "县领导工作群")
    server.set_member(group, owner, "administrator")
    first = await e2e.ask_text(server, group, owner, "/subscribe 就业 GDP 每周一 08:00")
    sub_id = first.split("#")[1].split("\n")[0].strip()
    assert "内容相同" not in first
    again = await e2e.ask_text(server, group, owner, "/subscribe GDP 就业 每周一 09:00")
    assert again.split("\n")[-1] == (
        f"⚠️ 本聊天已有内容相同的订阅 #{sub_id}（每周一 08:00），它仍按原时间推送，同样的内容"
        f"会收到两次。如果是想改时间，请取消旧的：/unsubscribe {sub_id}"
    )
    other = await e2e.ask_text(server, group, owner, "/subscribe 就业 每周一 09:00")
    assert "内容相同" not in other  # another filter: nothing said
    await e2e.ask_text(server, group, owner, f"/pause {sub_id}")
    paused = await e2e.ask_text(server, group, owner, "/subscribe 就业 GDP 每周五 17:00")
    assert f"#{sub_id}（" not in paused  # a paused one sends nothing: not named


# -- a file with no extension: read by its content ---------------------------------------------
BULLETIN = (
    "万安县2025年国民经济和社会发展统计公报\n"
    "全年全县地区生产总值186.5亿元，比上年增长5.8%。城镇新增就业2860人。\n"
)


@pytest.mark.parametrize(
    ("data", "suffix"),
    [
        pytest.param(lambda: BULLETIN.encode("gbk"), ".txt", id="gbk-text"),
        pytest.param(lambda: make_cjk_pdf(BULLETIN.splitlines()), ".pdf", id="pdf"),
        pytest.param(lambda: docx_bytes("万安"), ".docx", id="docx"),
    ],
)
def test_a_file_with_no_extension_is_read_by_its_content(
    engine: Engine, data: Callable[[], bytes], suffix: str
) -> None:
    added = engine.add_upload("万安县统计公报", data())
    assert added.status == "added", added.reason
    assert added.filename == f"万安县统计公报{suffix}"
    assert added.named_by_content == suffix
    assert (engine.settings.corpus_dir / f"万安县统计公报{suffix}").exists()


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "upload.convert_first"),
        (b"\x89PNG\r\n\x1a\n" + bytes(600), "upload.image"),
        (b"PK\x03\x04" + bytes(600), "upload.archive"),
    ],
    ids=["old-word", "png", "zip"],
)
def test_a_file_with_no_extension_that_is_no_document_is_refused_by_what_it_is(
    engine: Engine, data: bytes, code: str
) -> None:
    refused = engine.add_upload("扫描件", data)
    assert refused.status == "refused"
    assert refused.message_code == code


async def test_a_file_with_no_extension_in_chat_is_added_and_named(
    server: FakeBotApi, app: Application, engine: Engine, owner: User
) -> None:
    await server.send_document(owner, owner, "万安县统计公报", BULLETIN.encode("gbk"))
    done = (await _outcome(server, owner)).message["text"]
    assert done.startswith("✅ 已添加：万安县2025年国民经济和社会发展统计公报")
    assert "万安县统计公报.txt（编号" in done
    assert "ℹ️ 文件没有扩展名：按内容识别为 .txt 文件，以上面的文件名保存。" in done


# -- asking how to add a document --------------------------------------------------------------
@pytest.mark.parametrize(
    "asked",
    [
        "怎么添加文件",
        "如何上传报告？",
        "请问怎么往文库里添加文件",
        "怎样导入文档呢",
        "how do I add a document",
    ],
)
def test_asking_how_to_add_a_document_is_the_add_usage(asked: str) -> None:
    assert typed_command(asked, {"add", "help", "search"}) == TypedCommand(
        "help", "add", "asked", asked
    )


@pytest.mark.parametrize(
    "searched", ["添加文件", "上传文件的规定", "怎么添加文件夹权限", "如何加强文件管理"]
)
def test_searches_about_files_stay_searches(searched: str) -> None:
    assert typed_command(searched, {"add", "help", "search"}) is None


async def test_asking_how_to_add_files_in_chat_answers_how(
    server: FakeBotApi, app: Application, owner: User
) -> None:
    reply = await e2e.ask_text(server, owner, owner, "怎么添加文件")
    assert reply.startswith("要把文件加入文库，请把 .txt、.docx、.pdf")


async def test_help_admin_gives_an_admin_the_admin_commands(
    server: FakeBotApi, app: Application, owner: User
) -> None:
    reply = await e2e.ask_text(server, owner, owner, "/help admin")
    assert reply.startswith("管理命令（仅限机器人管理员）")
    assert "/search" not in reply


# -- /status: a line for what happened, not for what did not -----------------------------------
def test_status_names_uncertain_messages_only_when_there_are_some() -> None:
    report = StatusReport(60, "0.1.0", 9, 257, 416, {"active": 5}, 1, timezone="Asia/Shanghai")
    assert "可能已送达" not in status_html(report, "zh")
    assert "delivery_uncertain" not in status_html(report, "en")
    some = status_html(replace(report, uncertain=2), "zh")
    assert "可能已送达的推送消息：2 条，已重发（delivery_uncertain）" in some


# -- a file over the limit: what to do with it -------------------------------------------------
async def test_a_huge_file_is_refused_with_what_to_do(
    server: FakeBotApi, app: Application, owner: User
) -> None:
    await server.send_document(owner, owner, "全年汇编.pdf", b"%PDF-1.4", size=60 * 1024 * 1024)
    refused = (await server.next_call("sendMessage", chat=owner)).message["text"]
    assert refused.startswith("❌ 文件 全年汇编.pdf 过大（60 MB），上限为 20 MB，未下载。体积大多")
    assert "另存为 .txt 纯文本" in refused and "\n" not in refused


# -- asking to pause, resume or re-time the digests --------------------------------------------
DIGEST_COMMANDS = {"help", "search", "pause", "resume", "subscribe", "subscriptions"}


@pytest.mark.parametrize(
    ("asked", "command"),
    [
        ("暂停推送", "pause"),
        ("怎么暂停订阅？", "pause"),
        ("停止推送", "pause"),
        ("恢复推送", "resume"),
        ("怎么恢复订阅", "resume"),
        ("怎么改推送时间", "subscribe"),
        ("推送时间怎么改", "subscribe"),
        ("我想调整一下推送的时间", "subscribe"),
    ],
)
def test_asking_about_the_digests_is_the_commands_usage(asked: str, command: str) -> None:
    assert typed_command(asked, DIGEST_COMMANDS) == TypedCommand(command, "", "asked", asked)


@pytest.mark.parametrize(
    "searched", ["暂停营业", "恢复生产", "继续", "停止", "继续推进", "恢复经济"]
)
def test_other_words_of_pausing_stay_searches(searched: str) -> None:
    assert typed_command(searched, DIGEST_COMMANDS) is None


async def test_asking_how_to_change_the_time_in_chat_says_how(
    server: FakeBotApi, app: Application, owner: User
) -> None:
    reply = await e2e.ask_text(server, owner, owner, "怎么改推送时间")
    assert reply.startswith("用法：/reschedule 编号 新时间")  # admin-trial19: in place
    paused = await e2e.ask_text(server, owner, owner, "暂停推送")
    assert paused.startswith("用法：/pause 编号")


# -- a scanned PDF, /pause all: what to do next --------------------------------------------------
async def test_a_scanned_pdf_is_refused_with_what_to_do(
    server: FakeBotApi, app: Application, owner: User
) -> None:
    await server.send_document(owner, owner, "扫描件.pdf", make_cjk_pdf([]))
    refused = (await _outcome(server, owner)).message["text"]
    assert "PDF 没有文字层（可能是扫描件），未添加。" in refused
    assert "“图片转文字”（OCR）转成 Word" in refused


async def test_pausing_all_says_how_to_resume_all(
    server: FakeBotApi, app: Application, owner: User
) -> None:
    ids = []
    for said in ("/subscribe GDP 每周一 08:00", "/subscribe 就业 每周一 08:00"):
        reply = await e2e.ask_text(server, owner, owner, said)
        ids.append(reply.split("#")[1].split("\n")[0].strip())
    paused = await e2e.ask_text(server, owner, owner, "/pause all")
    assert paused.endswith(f"恢复：/resume {ids[0]} {ids[1]}")
    resumed = await e2e.ask_text(server, owner, owner, f"/resume {ids[0]} {ids[1]}")
    assert resumed == f"已恢复订阅 #{ids[0]}、#{ids[1]}。"
