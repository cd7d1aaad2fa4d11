"""The third user trial's items left to the Telegram layer and the library (13, 14, 19):
a region typed with its key that no document is about, suggestions near nothing typed,
the words of ``/config``; through the library, the CLI runner and the fake Bot API server."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from bot.admin.runtime import SOURCE_BUILTIN, SOURCE_DEFAULT_FILE, SettingView
from briefbot.cli import app
from fake_telegram import FakeBotApi
from handlers.format.admin import config_html
from tests.conftest import BUNDLED_CORPUS
from tests.e2e import ask_text, running
from tests.test_subscriptions_e2e import running as running_with_db

# db_url comes migrated (tests/conftest.py): these tests are the bot's, not the schema's
pytestmark = pytest.mark.migrated_db


# -- 14: region:火星 乡村振兴 ----------------------------------------------------------------------
def test_a_typed_region_no_document_is_about_is_said_and_the_rest_answered(bundled_engine):
    """``region:火星 乡村振兴`` dropped 火星 without a word: the results of 乡村振兴 looked
    like the answer about 火星. The region typed with its key is said unmatched."""
    resp = bundled_engine.search("region:火星 乡村振兴")
    assert resp.total > 0 and any("乡村振兴" in h.text for h in resp.hits)
    assert resp.understood is not None
    assert (resp.understood.region, resp.understood.unmatched) == ("火星", ("region",))
    plain = bundled_engine.search("火星 乡村振兴")  # no key: a word like any other
    assert plain.understood is None or plain.understood.region is None
    known = bundled_engine.search("region:山东 乡村振兴")  # a place the library has
    assert known.understood is None or not known.understood.unmatched


def test_the_cli_says_no_document_is_about_a_typed_region(bundled_engine):
    base = ["--corpus-dir", str(BUNDLED_CORPUS), "--data-dir"]
    args = [*base, str(bundled_engine.settings.data_dir), "search", "region:火星 乡村振兴"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "现有文件中没有：地区 火星" in result.stdout
    assert "条结果" in result.stdout and "乡村振兴" in result.stdout


async def test_the_bot_says_no_document_is_about_a_typed_region(server: FakeBotApi, engine) -> None:
    user = server.add_user("Lena")
    async with running(server, engine):
        said = await ask_text(server, user, user, "region:火星 乡村振兴")
        assert "现有文件中没有：地区 火星" in said and "共" in said and "乡村振兴" in said


# -- 13: suggestions near what was typed, or none -------------------------------------------------
# English neither the glossary nor the dictionary reads into a word of the documents (since
# search-english, "rural revitalization" is read as 乡村振兴, and since search-left26 "football
# stadiums" as 足球 through CC-CEDICT: each finds its passages, the tests after this one)
@pytest.mark.parametrize("query", ["snorkelling flamingos", "<b>snorkel</b> & <script>"])
def test_a_query_with_no_chinese_gets_no_unrelated_suggestions(bundled_engine, query):
    """Anything that found nothing was offered 地区生产总值、规模以上工业增加值… (the
    dictionary's first terms), whatever was typed."""
    resp = bundled_engine.search(query)
    assert resp.total == 0 and resp.suggestions == ()


def test_english_the_glossary_knows_finds_the_chinese_term(bundled_engine):
    resp = bundled_engine.search("rural revitalization")
    assert resp.total > 0 and "乡村振兴" in resp.hits[0].text


def test_english_the_dictionary_reads_finds_the_chinese_word(bundled_engine):
    resp = bundled_engine.search("football stadiums")
    assert resp.total > 0 and "足球" in resp.hits[0].text
    assert resp.understood is not None and ("football", ("足球",)) in resp.understood.english


def test_suggestions_for_nothing_found_are_near_a_word_typed(bundled_engine):
    # sharing a character with the query is not enough (lane search-left8: 量子通信 多少
    # was offered 粮食产量): 宇宙飞船 is near no term, 失叶率 is near 失业率
    assert bundled_engine.search("宇宙飞船").suggestions == ()
    resp = bundled_engine.search("失叶率", correct=False)
    assert resp.total == 0 and "失业率" in resp.suggestions


async def test_an_english_query_is_told_the_documents_are_chinese(
    server: FakeBotApi, engine
) -> None:
    user = server.add_user("Lena")
    english = server.add_user("Eve", language_code="en")
    async with running(server, engine):
        said = await ask_text(server, user, user, "snorkelling flamingos")
        assert "没有找到相关结果" in said and "请用中文关键词" in said
        assert "您是不是要找" not in said
        said = await ask_text(server, english, english, "snorkelling flamingos")
        assert "The documents are in Chinese" in said
        chinese = await ask_text(server, user, user, "宇宙飞船")  # Chinese typed: no hint
        assert "没有找到相关结果" in chinese and "请用中文关键词" not in chinese


# -- 19: /config in the reader's language -------------------------------------------------------
def test_config_says_its_value_words_in_the_readers_language():
    """/config in Chinese showed ``unset (SQLite …)``, ``set``, ``true`` among the values
    and ``(默认配置文件: …)`` with an ASCII colon. Keys and data stay as typed."""
    views = [
        SettingView("results_per_page", "5", SOURCE_DEFAULT_FILE, True, "config/default.toml"),
        SettingView(
            "database_url",
            "unset (SQLite data/briefbot.db)",
            SOURCE_BUILTIN,
            False,
            word="unset_sqlite",
            detail="data/briefbot.db",
        ),
        SettingView("token", "set", SOURCE_BUILTIN, False, word="set"),
        SettingView("webhook_url", "unset", SOURCE_BUILTIN, False, word="unset"),
        SettingView("drop_pending_updates", "true", SOURCE_BUILTIN, False, word="true"),
        SettingView("owners", "none", SOURCE_BUILTIN, False, word="none"),
    ]
    zh = config_html(views, "UTC", full=True)
    assert "<code>results_per_page</code> = <code>5</code>" in zh
    assert "(默认配置文件：config/default.toml)" in zh
    assert "<code>database_url</code> = <code>未设置（使用 SQLite：data/briefbot.db）</code>" in zh
    assert "<code>token</code> = <code>已设置</code>" in zh
    assert "<code>webhook_url</code> = <code>未设置</code>" in zh
    assert "<code>drop_pending_updates</code> = <code>是（true）</code>" in zh
    assert "<code>owners</code> = <code>无</code>" in zh
    en = config_html(views, "UTC", full=True, lang="en")
    assert "<code>database_url</code> = <code>unset (SQLite data/briefbot.db)</code>" in en
    assert "<code>token</code> = <code>set</code>" in en and "(default file: " in en


async def test_config_in_chinese_has_no_english_value_words(
    server: FakeBotApi, engine, db_url
) -> None:
    owner = server.add_user("Olga")
    async with running_with_db(server, engine, db_url, owners=[owner.id]):
        await server.send_message(owner, owner, "/config")
        said = (await server.next_call("sendMessage", chat=owner)).message["text"]
        said += (await server.next_call("sendMessage", chat=owner)).message["text"]
    assert "drop_pending_updates = 否（false）" in said and "webhook_url = 未设置" in said
    for english in (" = unset", " = set", " = false", " = true", " = none"):
        assert english not in said, english


# -- the audit's and the log's cuts of what was typed: bot.text.echo ------------------------------
def test_the_audit_detail_of_a_setting_typed_is_cut_with_an_ellipsis():
    """``handlers.admin`` cut a key or value typed at 60 characters with no ``…``, so a
    stored detail did not say it was cut."""
    from handlers.admin import SETTING_CHARS, _setting_detail

    detail = _setting_detail("k" * 90)
    assert len(detail) == SETTING_CHARS and detail.endswith("…")
    detail = _setting_detail("results_per_page", "8 \n" + "9" * 90)
    assert detail.startswith("results_per_page = 8 9") and detail.endswith("…")
    assert "\n" not in detail
    assert _setting_detail("results_per_page", "8") == "results_per_page = 8"


def test_a_stored_setting_no_longer_valid_is_logged_cut(caplog):
    """The warning repeated a stored value's first 100 characters with no ``…`` (and its
    line breaks): it is said back as a reply says what was typed."""
    from datetime import UTC, datetime

    from bot.admin.runtime import LiveSettings, StoredSetting
    from bot.config import Settings

    value = '"' + "x\n" * 150 + '"'

    class Store:
        def all(self):
            return {
                "results_per_page": StoredSetting("results_per_page", value, 7, datetime.now(UTC))
            }

    with caplog.at_level("WARNING", logger="bot.admin.runtime"):
        live = LiveSettings(Settings(), Store())
    assert live.current.results_per_page == Settings().results_per_page
    (line,) = [r.getMessage() for r in caplog.records if "no longer valid" in r.getMessage()]
    assert "…" in line and "\n" not in line.split(": no longer valid")[0]


# -- the MCP server's "understood as" note --------------------------------------------------------
def test_the_mcp_search_note_says_the_plan_period_and_a_region_no_document_is_about(
    bundled_engine,
):
    """The MCP search's note said region, year, kind and indicator, not the plan period
    (十四五 地区生产总值 目标 answered with the period's goal said only the indicator), nor
    that a region understood is about no document."""
    from mcp_server.library import Library

    library = Library(bundled_engine)
    found = library.search("十四五 地区生产总值 目标", page_size=1)
    (note,) = [n for n in found.notes if n.startswith("Understood as")]
    assert "period 十四五 (2021–2025)" in note
    found = library.search("region:火星 乡村振兴", page_size=1)
    (note,) = [n for n in found.notes if n.startswith("Understood as")]
    assert note.startswith("Understood as: region 火星 (no document is about region 火星")
