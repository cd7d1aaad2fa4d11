"""Messages in a catalogue: both languages complete, every key used, and the reply language
end to end (the real PTB Application against the fake Bot API server).

A user whose Telegram client is English gets English, one whose client is Chinese (or
any other language) gets Chinese; ``/lang`` and ``/lang chat`` override it, and the
choice is kept in the database across restarts.
"""

from __future__ import annotations

import ast
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from telegram.ext import Application

from bot.config import PROJECT_ROOT
from bot.library import Engine
from bot.storage import Database
from bot.storage.languages import LanguageStore
from fake_telegram import FakeBotApi
from handlers.i18n import LANGUAGES, Catalogue, catalogue, language_for, placeholders, tr
from handlers.i18n.prefs import LanguagePrefs
from handlers.menus import ADMIN_MENU_COMMANDS
from tests import e2e
from tests.conftest import sqlite_url
from tests.e2e import ask

# Users have English Telegram clients unless added with another language.
pytestmark = pytest.mark.fake_bot(language_code="en")
SOURCES = ("handlers", "bot", "briefbot", "mcp_server")
CODED_ERRORS = (
    "ScheduleError",
    "FilterError",
    "SubscriptionError",
    "UploadRefused",
    "AdminError",
    "DocumentNotFound",
    "CodedError",
    "SettingError",
)


# -- the catalogue -----------------------------------------------------------------------------
def test_every_key_in_both_languages_with_the_same_placeholders() -> None:
    messages = catalogue().messages
    zh, en = messages["zh"], messages["en"]
    assert set(zh) == set(en), set(zh) ^ set(en)
    assert len(zh) > 100
    for key in zh:
        assert placeholders(zh[key]) == placeholders(en[key]), key
        assert zh[key].strip() and en[key].strip(), key


def test_catalogue_files_are_package_data() -> None:
    pyproject = (PROJECT_ROOT / "pyproject.toml").read_text("utf-8")
    assert '"bot.i18n" = ["*.toml"]' in pyproject


def _python_files() -> Iterator[Path]:
    for folder in SOURCES:
        yield from (PROJECT_ROOT / folder).rglob("*.py")


def _scan() -> tuple[set[str], set[str], set[str], set[str]]:
    """(keys passed to tr as literals, f-string prefixes passed to tr, every string
    literal and error code, error codes raised by the core: ``reader.<code>`` for
    :class:`~bot.corpus.reader.UnreadableDocument`'s)."""
    keys: set[str] = set()
    prefixes: set[str] = set()
    literals: set[str] = set()
    codes: set[str] = set()
    for path in _python_files():
        tree = ast.parse(path.read_text("utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                literals.add(node.value)
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            # tr(lang, key, ...) and Message(key, ...) (bot.i18n: a key said later).
            position = {"tr": 1, "Message": 0}.get(name or "")
            if position is not None and len(node.args) > position:
                arg = node.args[position]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    keys.add(arg.value)
                elif isinstance(arg, ast.JoinedStr) and isinstance(arg.values[0], ast.Constant):
                    prefixes.add(str(arg.values[0].value))
                else:
                    pytest.fail(f"{path}:{node.lineno}: {name}() with a key that is not a literal")
            if name == "UnreadableDocument" and len(node.args) >= 3:
                code = node.args[2]
                if isinstance(code, ast.Constant) and isinstance(code.value, str):
                    codes.add(f"reader.{code.value}")
            if name in CODED_ERRORS and len(node.args) >= 2:
                code = node.args[1]
                if isinstance(code, ast.Constant) and isinstance(code.value, str):
                    codes.add(code.value)
                elif isinstance(code, ast.IfExp):
                    codes.update(
                        c.value for c in (code.body, code.orelse) if isinstance(c, ast.Constant)
                    )
    codes.add("reader.unreadable")  # UnreadableDocument's default code
    return keys, prefixes, literals | codes, codes


def test_every_key_used_and_every_used_key_in_the_catalogue() -> None:
    keys, prefixes, literals, codes = _scan()
    known = catalogue().keys("zh")
    assert keys - known == set(), "tr() keys missing from the catalogue"
    # A key built at run time (f"menu.{name}", f"errors.{code}") counts as used when the
    # rest of it is a literal somewhere in the code (the command name, the error code).
    unused = {
        key
        for key in known - keys
        if not any(key.startswith(p) and key[len(p) :] in literals for p in prefixes)
    }
    assert unused == set(), "catalogue keys nothing uses"
    assert "errors." in prefixes
    missing = {code for code in codes if code and f"errors.{code}" not in known}
    assert missing == set(), "core error codes without a message"
    for command in ADMIN_MENU_COMMANDS:
        assert f"menu.{command}" in known


def test_missing_keys_and_placeholders_are_errors() -> None:
    small = Catalogue({"zh": {"a.b": "你好 {name}"}, "en": {"a.b": "Hello {name}"}})
    assert small.text("en", "a.b", name="Ann") == "Hello Ann"
    assert small.text("xx", "a.b", name="安") == "你好 安"  # unknown language: Chinese
    with pytest.raises(KeyError):
        small.text("en", "a.c")
    with pytest.raises(KeyError):
        small.text("en", "a.b")


def test_language_rule_is_the_menus_rule() -> None:
    assert LANGUAGES == ("zh", "en")
    for code in ("en", "en-GB", "EN-us", "en_US"):
        assert language_for(code) == "en", code
    for code in ("zh-hans", "zh-hant", "zh", "de", "ru", "", None, "eng"):
        assert language_for(code) == "zh", code


def test_prefs_chat_over_user_over_client(db: Database) -> None:
    prefs = LanguagePrefs(LanguageStore(db))
    assert prefs.resolve(chat_id=-5, user_id=7, language_code="en") == "en"
    prefs.set("user", 7, "zh", by=7)
    assert prefs.resolve(chat_id=-5, user_id=7, language_code="en") == "zh"
    prefs.set("chat", -5, "en", by=7)
    assert prefs.resolve(chat_id=-5, user_id=7, language_code="zh-hans") == "en"
    assert prefs.resolve(chat_id=7, user_id=7, language_code="en") == "zh"
    # Kept in the database: a new process reads the same choices.
    again = LanguagePrefs(LanguageStore(db))
    assert again.get("user", 7) == "zh" and again.get("chat", -5) == "en"
    again.set("user", 7, None, by=7)
    assert LanguageStore(db).get("user", 7) is None


def test_what_is_sent_unasked_follows_the_chat_then_in_private_the_user() -> None:
    prefs = LanguagePrefs()
    assert prefs.for_chat(7) == "zh" and prefs.for_chat(-100) == "zh"
    prefs.set("user", 7, "en", by=7)
    prefs.set("user", 100, "en", by=100)
    assert prefs.for_chat(7) == "en"  # a private chat: the user's own choice
    assert prefs.for_chat(-100) == "zh"  # a group is not its members' private choice
    prefs.set("chat", 7, "zh", by=7)
    prefs.set("chat", -100, "en", by=100)
    assert prefs.for_chat(7) == "zh" and prefs.for_chat(-100) == "en"


# -- end to end --------------------------------------------------------------------------------
# ``server`` (here: English clients unless a user is added with another language) and
# ``engine`` (the session's over the bundled corpus): tests/e2e.py
@asynccontextmanager
async def running(server: FakeBotApi, engine: Engine, db_url: str) -> AsyncIterator[Application]:
    """The application on the database file ``db_url`` (kept across restarts)."""
    with Database.open(url=db_url) as database:
        async with e2e.running(server, engine, database=database) as app:
            yield app


def buttons(message: dict[str, Any]) -> list[str]:
    return list(e2e.buttons(message))


async def test_english_client_gets_english_and_chinese_client_chinese(
    server: FakeBotApi, engine: Engine, tmp_path: Path
) -> None:
    ann = server.add_user("Ann", language_code="en")
    li = server.add_user("Li", language_code="zh-hans")
    expected = engine.search("地区生产总值")
    async with running(server, engine, sqlite_url(tmp_path / "bot.db")):
        english = (await ask(server, ann, ann, "/search 地区生产总值")).message
        chinese = (await ask(server, li, li, "/search 地区生产总值")).message
        assert f"{expected.total} results · page 1/{expected.pages}" in english["text"]
        assert "条结果" not in english["text"]
        assert "Full text 1" in buttons(english) and "Next ▶" in buttons(english)
        assert f"共 {expected.total} 条结果 · 第 1/{expected.pages} 页" in chinese["text"]
        assert "results" not in chinese["text"]
        assert "全文 1" in buttons(chinese) and "下一页 ▶" in buttons(chinese)

        help_en = (await ask(server, ann, ann, "/help")).text
        help_zh = (await ask(server, li, li, "/help")).text
        assert help_en.startswith("Policy Brief Bot searches Chinese policy documents")
        assert "/lang zh" in help_en and "检索政策文件" not in help_en
        assert help_zh.startswith("政策简报机器人：检索政策文件")

        assert (await ask(server, ann, ann, "/frobnicate")).text == "Unknown command, see /help."
        assert (await ask(server, li, li, "/frobnicate")).text.startswith("未知命令")
        assert (await ask(server, ann, ann, "/doc")).text.startswith("Usage: /doc")
        assert (await ask(server, li, li, "/doc")).text.startswith("用法：/doc")
        # an unknown reference is said once (the core's "no document matches" is the same)
        missing = (await ask(server, ann, ann, "/doc zzz-nope")).text
        assert missing == "No document “zzz-nope”. Send /docs to list them all."
        missing = (await ask(server, li, li, "/doc zzz-nope")).text
        assert missing == "找不到文件“zzz-nope”。发送 /docs 查看全部文件。"
        # a core error that says more (several documents match) in the reader's language
        several = (await ask(server, ann, ann, "/doc 00")).text
        assert "“00” matches several documents" in several
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in several.split("\n")[1])
        several = (await ask(server, li, li, "/doc 00")).text
        assert "“00”匹配多个文件" in several
        for user, lang in ((ann, "en"), (li, "zh")):  # no owner configured: the id to set
            how = tr(lang, "admin_owner.how_no_owner", id=user.id)
            said = (await ask(server, user, user, "/status")).text
            assert said == f"{tr(lang, 'admin.refused')}\n{how}"
        # A core error by its code: the schedule the user typed is not a time of day.
        bad_en = (await ask(server, ann, ann, "/subscribe GDP 25:00")).text
        assert bad_en.startswith("Time “25:00” out of range") and "超出" not in bad_en
        bad_zh = (await ask(server, li, li, "/subscribe GDP 25:00")).text
        assert bad_zh.startswith("时间“25:00”超出范围") and "out of range" not in bad_zh


async def test_lang_switches_and_is_kept_across_restarts(
    server: FakeBotApi, engine: Engine, tmp_path: Path
) -> None:
    db_url = sqlite_url(tmp_path / "bot.db")
    ann = server.add_user("Ann", language_code="en")
    async with running(server, engine, db_url):
        assert (await ask(server, ann, ann, "/lang zh")).text == "好的，以后用中文回复您。"
        assert (await ask(server, ann, ann, "/search 乡村振兴")).text.count("条结果") == 1
        usage = (await ask(server, ann, ann, "/lang klingon")).text
        assert usage.startswith("不支持的语言“klingon”") and "\n用法：/lang" in usage
        assert "当前语言：中文" in usage
    async with running(server, engine, db_url):  # a restart: the choice is in the database
        assert "没有找到相关结果" in (await ask(server, ann, ann, "/search 宇宙飞船")).text
        reset = (await ask(server, ann, ann, "/lang auto")).text
        assert reset == "Back to replying in your Telegram app's language."
        assert "results · page" in (await ask(server, ann, ann, "/search 乡村振兴")).text
        assert (await ask(server, ann, ann, "/lang english")).text.startswith("OK, I will")


async def test_lang_chat_is_for_group_administrators(
    server: FakeBotApi, engine: Engine, tmp_path: Path
) -> None:
    group = server.add_chat("supergroup", "Policy watchers")
    bo = server.add_user("Bo", language_code="zh-hans")
    cy = server.add_user("Cy", language_code="zh-hans")
    server.set_member(group, bo, "member")
    server.set_member(group, cy, "administrator")
    async with running(server, engine, sqlite_url(tmp_path / "bot.db")):
        refused = (await ask(server, group, bo, "/lang chat en")).text
        assert refused == "只有本群管理员可以更改本群的语言。"
        done = (await ask(server, group, cy, "/lang chat en")).text
        assert done == "OK, I will reply in English in this chat."
        # Every member now gets English here, whatever their own client says ...
        assert (await ask(server, group, bo, "/compare")).text.startswith("Usage: /compare")
        # ... and their own language in private.
        assert (await ask(server, bo, bo, "/compare")).text.startswith("用法：/compare")


def test_a_refused_setting_is_said_in_the_readers_language() -> None:
    from bot.admin.runtime import SettingError, check_key, parse_value
    from handlers.i18n.errors import error_text

    with pytest.raises(SettingError) as unknown:
        check_key("results_per_pag")
    assert "你是不是想输入：results_per_page" in error_text(unknown.value, "zh")
    assert "Did you mean: results_per_page" in error_text(unknown.value, "en")
    with pytest.raises(SettingError) as bad:
        parse_value("results_per_page", "500")
    assert error_text(bad.value, "en").endswith("must be ≥ 1 and ≤ 50.")
    assert " / " not in error_text(bad.value, "zh")  # one language, not both


def test_setting_descriptions_come_from_the_catalogue() -> None:
    from bot.admin.runtime import RUNTIME_KEYS, setting_description

    assert setting_description("results_per_page", "en") == "search results per page"
    assert setting_description("results_per_page") == "每页搜索结果数"
    assert setting_description("database_url", "en") == ""  # not settable from the chat
    for key in RUNTIME_KEYS:
        assert setting_description(key, "zh") != setting_description(key, "en"), key


def test_target_lines_in_english_keep_a_masked_figure_as_written() -> None:
    """The indicator and the place in English; a masked figure cannot be said in English
    words (english-trial18), so it stays the document's, its note in English."""
    from handlers.format.targets import target_line
    from tests.test_digest import rec

    hidden = rec(value=None, value_text="x.x", masked=True)
    english = target_line(hidden, lang="en")
    assert english == (
        "• [target] <b>GDP</b> 增长 x.x%左右 (withheld in the source) · 2024 · Yantai"
    )
    assert (
        target_line(hidden)
        == "• 〔目标〕<b>地区生产总值</b> 增长 x.x%左右（原文隐去） · 2024年 · 烟台"
    )


def test_config_says_where_each_value_comes_from_in_the_readers_language() -> None:
    from bot.admin.runtime import SOURCE_BUILTIN, SOURCE_ENV, SettingView
    from handlers.format.admin import config_html

    views = [
        SettingView("results_per_page", "5", SOURCE_ENV, True, "BRIEFBOT_RESULTS_PER_PAGE"),
        SettingView("data_dir", "data", SOURCE_BUILTIN, False),
    ]
    zh = config_html(views, "UTC", full=True)
    en = config_html(views, "UTC", full=True, lang="en")
    assert "(环境变量：BRIEFBOT_RESULTS_PER_PAGE)" in zh and "(内置默认值)" in zh
    assert "(environment: BRIEFBOT_RESULTS_PER_PAGE)" in en and "(built-in default)" in en


def test_document_facts_in_the_readers_language() -> None:
    from dataclasses import replace

    from handlers.format.documents import doc_facts
    from tests.test_digest import DOC_A

    city = replace(DOC_A, level="city", doc_type="政府工作报告")
    # the type is a class of document, named in the reader's language as the level is
    assert doc_facts(city, "en") == ["烟台", "city", "government work report", "2024"]
    assert doc_facts(city) == ["烟台", "市级", "政府工作报告", tr("zh", "docs.year", year=2024)]
    budget = replace(city, doc_type="预算报告")
    assert doc_facts(budget, "en")[2] == "budget report"
    assert doc_facts(replace(city, doc_type="计划报告"), "en")[2] == "plan report"
    # a type a sidecar sets outside the known ones is shown as written
    assert doc_facts(replace(city, doc_type="白皮书"), "en")[2] == "白皮书"
