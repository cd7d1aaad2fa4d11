"""The eighth user trial's defects (an analyst reading English, working from a channel),
through the fake Bot API server (the real Application, as ``tests/e2e.py`` drives it),
with unit cases of the core parts."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.config import Settings
from bot.digest.filters import names_document, parse_filter
from bot.i18n import tr
from bot.library import Engine
from bot.storage import Database
from bot.subscriptions.compose import unmatched
from bot.subscriptions.store import SubscriptionStore
from fake_telegram import FakeBotApi
from handlers.format.analytics import scorecard_messages
from tests.e2e import ask_text, engine_copy, running
from tests.factories import document_info
from tests.test_scorecard_order import _link
from tests.test_subscriptions_e2e import running as subscribed
from tests.test_subscriptions_e2e import store_of

# db_url comes migrated (tests/conftest.py): these tests are the bot's, not the schema's
pytestmark = pytest.mark.migrated_db


async def test_a_time_zone_chosen_before_subscribing_is_kept(
    server: FakeBotApi, engine, db_url
) -> None:
    """``/timezone Europe/London`` before the first ``/subscribe`` said "Time zone set to
    Europe/London (0 subscriptions)" and kept nothing: ``/timezone`` answered
    Asia/Shanghai again and the next subscription was scheduled in Shanghai's 07:30."""
    analyst = server.add_user("Ann", language_code="en")
    async with subscribed(server, engine, db_url) as app:
        said = await ask_text(server, analyst, analyst, "/timezone Europe/London")
        assert said == (
            "Time zone set to Europe/London (0 subscriptions moved); "
            "new subscriptions of this chat use it."
        )
        assert "Europe/London" in await ask_text(server, analyst, analyst, "/timezone")
        said = await ask_text(server, analyst, analyst, "/subscribe GDP 07:30")
        assert "07:30 (Europe/London)" in said
        (sub,) = store_of(app).list_for_chat(analyst.id)
        assert sub.timezone == "Europe/London"
        await ask_text(server, analyst, analyst, "/unsubscribe all")
    # the bot restarted on the same database, the chat without a subscription
    async with subscribed(server, engine, db_url):
        said = await ask_text(server, analyst, analyst, "/timezone")
        assert "Europe/London" in said and "Asia/Shanghai\n" not in said
        said = await ask_text(server, analyst, analyst, "/subscribe 就业 18:00")
        assert "18:00 (Europe/London)" in said


async def test_a_channel_time_zone_chosen_before_subscribing_is_kept(
    server: FakeBotApi, engine, db_url
) -> None:
    owner = server.add_user("Owner", language_code="en")
    server.add_chat(
        "channel", "Notes", username="notes", bot_status="administrator", can_post_messages=True
    )
    async with subscribed(server, engine, db_url, owners=[owner.id]):
        await ask_text(server, owner, owner, "/timezone @notes America/New_York")
        said = await ask_text(server, owner, owner, "/subscribe @notes GDP 09:00")
        assert "09:00 (America/New_York)" in said
        assert "America/New_York" not in await ask_text(server, owner, owner, "/timezone")


def test_a_group_moving_to_a_supergroup_keeps_its_chosen_time_zone(db_url) -> None:
    with Database.open(url=db_url) as database:
        store = SubscriptionStore(database)
        store.set_timezone(-100, "Europe/Paris")
        store.set_timezone(-2001, "Asia/Tokyo")
        store.migrate_chat(-100, -1001)
        assert store.chosen_timezone(-1001) == "Europe/Paris"
        store.migrate_chat(-100, -2001)  # the new id chose its own: kept
        assert store.chosen_timezone(-2001) == "Asia/Tokyo"
        assert store.chosen_timezone(-3) is None


async def test_a_channels_digests_are_paused_and_resumed_from_a_private_chat(
    server: FakeBotApi, engine, db_url
) -> None:
    """``/pause @notes 1`` answered the bare usage: a channel's digests could only be
    stopped by cancelling its subscription (filter and history lost)."""
    owner = server.add_user("Owner", language_code="en")
    stranger = server.add_user("Stranger", language_code="en")
    server.add_chat(
        "channel", "Notes", username="notes", bot_status="administrator", can_post_messages=True
    )
    async with subscribed(server, engine, db_url, owners=[owner.id]) as app:
        await ask_text(server, owner, owner, "/subscribe @notes GDP 09:00")
        (sub,) = store_of(app).list_for_chat(server.chat("@notes").id)
        said = await ask_text(server, owner, owner, f"/pause @notes {sub.id}")
        assert said.startswith(f"Paused #{sub.id}") and f"/resume @notes {sub.id}" in said
        assert store_of(app).get(sub.id).paused
        said = await ask_text(server, owner, owner, "/pause @notes 99")
        assert said == "The channel @notes has no subscription #99; see /subscriptions @notes."
        said = await ask_text(server, stranger, stranger, f"/resume @notes {sub.id}")
        assert said.startswith("⛔ Only the bot's admins can manage channels")
        assert store_of(app).get(sub.id).paused
        said = await ask_text(server, owner, owner, f"/resume @notes {sub.id}")
        assert said == f"Resumed #{sub.id}."
        assert not store_of(app).get(sub.id).paused
        assert "/pause @channel" in await ask_text(server, owner, owner, "/pause --help")


async def test_the_docs_command_has_a_usage_of_its_own(server: FakeBotApi, engine) -> None:
    """``/help docs`` answered the whole list of commands (``/help doc`` had its usage)."""
    analyst = server.add_user("Ann", language_code="en")
    user = server.add_user("Lena")
    async with running(server, engine):
        said = await ask_text(server, analyst, analyst, "/help docs")
        assert said.startswith("Usage: /docs") and "/doc 山东" in said
        assert (await ask_text(server, analyst, analyst, "/docs --help")).startswith("Usage: /docs")
        assert (await ask_text(server, user, user, "/help docs")).startswith("用法：/docs")


def test_the_english_console_help_names_its_placeholders_in_english() -> None:
    """The console's English help read ``/search 词, /targets 指标, /compare 指标``."""
    said = tr("en", "console.help")
    assert "/search words" in said and "/targets indicator" in said
    assert "/compare indicator" in said and "指标" not in said and "词," not in said


def delivered(store: SubscriptionStore, sub_id: int) -> None:
    """A digest of ``sub_id`` went out now: what is new is counted from here."""
    slot = datetime.now(UTC)
    store.claim_slot(sub_id, slot)
    store.finish_delivery(sub_id, slot, "sent", [1], delivered_at=slot)


async def test_a_preview_says_when_the_filter_matches_nothing_any_more(
    server: FakeBotApi, bundled_template, tokenizer, tmp_path, db_url
) -> None:
    """After the document a subscription's filter names (``doc:004``) was removed, ``/digest
    ID`` said "No new key targets since the last digest", as if all were well."""
    engine = engine_copy(bundled_template, tmp_path, tokenizer)
    analyst = server.add_user("Ann", language_code="en")
    async with subscribed(server, engine, db_url) as app:
        await ask_text(server, analyst, analyst, "/subscribe doc:004 GDP 08:00")
        (sub,) = store_of(app).list_for_chat(analyst.id)
        assert "GDP growth of" in await ask_text(server, analyst, analyst, f"/digest {sub.id}")
        delivered(store_of(app), sub.id)
        engine.remove_document("004")
        said = await ask_text(server, analyst, analyst, f"/digest {sub.id}")
        assert said.startswith("📭 Key targets digest (keywords: GDP; documents: 004)")
        assert "No key target in the documents matches this filter" in said
        assert "since the last digest" not in said
        # a filter that still matches, with nothing new, keeps the short line
        await ask_text(server, analyst, analyst, "/subscribe 地区生产总值 09:00")
        (_, other) = store_of(app).list_for_chat(analyst.id)
        delivered(store_of(app), other.id)
        said = await ask_text(server, analyst, analyst, f"/digest {other.id}")
        assert "matches this filter" not in said


async def test_help_about_a_command_the_bot_lacks_says_so(server: FakeBotApi, engine) -> None:
    """``/help foo`` answered the list of commands as if foo were one of them."""
    analyst = server.add_user("Ann", language_code="en")
    user = server.add_user("Lena")
    async with running(server, engine):
        said = await ask_text(server, analyst, analyst, "/help foo")
        assert said.startswith("There is no command /foo. The commands:\n\n")
        assert "/search 乡村振兴" in said
        assert (await ask_text(server, user, user, "/help 不存在")).startswith("政策简报机器人")
        assert (await ask_text(server, user, user, "/help bar")).startswith("没有 /bar 这个命令")
        # commands without a usage of their own still answer the list alone
        for known in ("start", "help", "admin", "remove"):
            said = await ask_text(server, analyst, analyst, f"/help {known}")
            assert "There is no command" not in said, known


BULLETIN = (
    "绵阳市2023年国民经济和社会发展统计公报\n\n绵阳市统计局\n\n一、综合\n\n"
    "全年实现地区生产总值1000.5亿元，比上年增长5.2%。城镇新增就业3.1万人。\n"
)
REPORT = (
    "德阳市2024年政府工作报告\n\n一、2024年工作安排\n\n"
    "今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，城镇新增就业2万人以上。\n"
)


@pytest.fixture
def bulletin_engine(tmp_path, tokenizer) -> Engine:
    """A statistical bulletin (achievements only) of one city, a work report of another."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "mianyang_bulletin.txt").write_text(BULLETIN, encoding="utf-8")
    (corpus / "deyang_report.txt").write_text(REPORT, encoding="utf-8")
    settings = Settings(corpus_dir=corpus, data_dir=tmp_path / "data")
    return Engine.open(settings, tokenizer=tokenizer)


def test_why_a_filter_matches_nothing(bulletin_engine: Engine) -> None:
    assert unmatched(bulletin_engine, "region:绵阳") == "kinds"  # achievements only
    assert unmatched(bulletin_engine, "region:绵阳 kind:all") is None
    assert unmatched(bulletin_engine, "region:德阳") is None
    assert unmatched(bulletin_engine, "region:火星") == "nothing"
    assert unmatched(bulletin_engine, "region:火星 kind:all") == "nothing"


async def test_a_region_with_figures_but_no_target_is_told_to_add_kind_all(
    server: FakeBotApi, bulletin_engine: Engine, db_url
) -> None:
    """``/subscribe region:Chengdu`` (a city whose only document is a statistical bulletin)
    warned "a misspelt region or keyword?", and ``/digest ID`` repeated it: the region was
    right, its figures are achievements, and digests list targets unless kind:all."""
    analyst = server.add_user("Ann", language_code="en")
    async with subscribed(server, bulletin_engine, db_url) as app:
        said = await ask_text(server, analyst, analyst, "/subscribe region:Mianyang 08:00")
        assert "no targets" in said and "add kind:all" in said and "misspelt" not in said
        (sub,) = store_of(app).list_for_chat(analyst.id)
        said = await ask_text(server, analyst, analyst, f"/digest {sub.id}")
        assert "add kind:all" in said and "misspelt" not in said
        said = await ask_text(server, analyst, analyst, "/subscribe region:火星 09:00")
        assert "misspelt" in said and "kind:all" not in said
        said = await ask_text(server, analyst, analyst, "/subscribe region:Mianyang kind:all 10:00")
        assert "⚠️" not in said


async def test_a_bot_admins_commands_on_a_channel_are_in_the_audit_log(
    server: FakeBotApi, engine, db_url
) -> None:
    """``/subscribe @notes …``, ``/lang chat @notes en`` (bot admins only) left no entry:
    ``/audit`` listed the admin's ``/status`` and nothing of what they did to a channel."""
    owner = server.add_user("Owner", language_code="en")
    stranger = server.add_user("Stranger", language_code="en")
    server.add_chat(
        "channel", "Notes", username="notes", bot_status="administrator", can_post_messages=True
    )
    async with subscribed(server, engine, db_url, owners=[owner.id]):
        await ask_text(server, owner, owner, "/subscribe @notes GDP 09:00")
        await ask_text(server, owner, owner, "/lang chat @notes en")
        await ask_text(server, owner, owner, "/subscribe @nosuchchannel GDP")
        await ask_text(server, stranger, stranger, "/unsubscribe @notes 1")
        said = await ask_text(server, owner, owner, "/audit")
        assert "manage a channel · ok\n    /subscribe @notes GDP 09:00" in said
        assert "manage a channel · ok\n    /lang chat @notes en" in said
        assert "manage a channel · error\n    /subscribe @nosuchchannel GDP" in said
        assert f"{stranger.first_name} · chat {stranger.id} · manage a channel · refused" in said


def test_a_region_and_year_scorecard_cut_short_points_to_every_target() -> None:
    """``/scorecard Sichuan 2026`` (35 targets) ended "… 5 more not listed; add a region or
    a year to narrow the list" when both were given. Invented links."""
    links = [_link("unknown", "湖北", "2030", n) for n in range(8)]
    english = "\n".join(scorecard_messages(links, region="Hubei", year=2030, shown=5, lang="en"))
    assert english.count("❔") == 5
    assert english.endswith(
        "… 3 more not listed; every target, without the results: /targets Hubei 2030</i>"
    )
    assert "add a region or a year" not in english
    chinese = "\n".join(scorecard_messages(links, region="湖北", year=2030, shown=5))
    assert "可加地区或年份" not in chinese and "/targets 湖北 2030" in chinese
    # a wide one still says how to narrow it
    wide = "\n".join(scorecard_messages(links, region="湖北", year=None, shown=5, lang="en"))
    assert "/targets" not in wide


async def test_remove_says_which_subscriptions_name_the_document(
    server: FakeBotApi, bundled_template, tokenizer, tmp_path, db_url
) -> None:
    """``/remove`` of a document a subscription's ``doc:`` names asked nothing about it:
    the subscription went on, silently matching nothing."""
    engine = engine_copy(bundled_template, tmp_path, tokenizer)
    owner = server.add_user("Owner", language_code="en")
    async with subscribed(server, engine, db_url, owners=[owner.id]) as app:
        await ask_text(server, owner, owner, "/subscribe doc:004 GDP 08:00")
        await ask_text(server, owner, owner, "/subscribe doc:004_f9b GDP 09:00")
        await ask_text(server, owner, owner, "/subscribe GDP 10:00")
        await ask_text(server, owner, owner, "/subscribe doc:003 GDP 11:00")
        first, second, _, _ = (s.id for s in store_of(app).list_for_chat(owner.id))
        said = await ask_text(server, owner, owner, "/remove 004")
        assert said.startswith("❓ Remove?")
        assert f"Subscriptions naming this document (doc:): #{first}, #{second}." in said
        said = await ask_text(server, owner, owner, "/remove 002")
        assert "Subscriptions naming" not in said


def test_which_filters_name_a_document() -> None:
    doc = document_info("ab12cd34ef", filename="report_2024.txt")
    for ref in ("ab12cd34ef", "ab12", "report_2024.txt", "report_2024", "REPORT_2024"):
        assert names_document(parse_filter(f"doc:{ref} GDP"), doc), ref
    for typed in ("GDP", "doc:cd34 GDP", "doc:other.txt", "report_2024"):
        assert not names_document(parse_filter(typed), doc), typed
