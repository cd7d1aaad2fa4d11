"""What digest-trial17 left of the digests a channel reads (user-trial17's findings):

- a first digest leads with the newest work reports' main targets, one line a report;
- a slot sent late says so, and a digest after slots missed beyond the grace says it
  covers them;
- a filter whose documents hold only achievements tells its channel why no target comes,
  asked once per filter and library state, not at every push;
- a line names a place: its record's, else its document's, else the document's title.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest

from bot.digest import compose_digest
from bot.library.digests import first_lead_line, headline_targets
from bot.subscriptions import compose as subs_compose
from bot.subscriptions.compose import DigestComposer, delivery_notes, known_unmatched
from bot.subscriptions.schedule import parse_schedule
from bot.subscriptions.store import SubscriptionStore
from bot.targets.indicators import IndicatorTable, default_table
from tests.factories import document_info, target_record

SLOT = datetime(2025, 3, 2, 0, 0, tzinfo=UTC)  # a Sunday, 08:00 in Shanghai
NOW = datetime(2026, 12, 14, 8, 0)


@pytest.fixture(scope="module")
def table() -> IndicatorTable:
    return default_table()


@pytest.fixture
def store(db, clock) -> SubscriptionStore:
    return SubscriptionStore(db, clock=clock)


def make(store: SubscriptionStore, filter_text: str = "GDP", chat_id: int = 100):
    return store.create(
        chat_id,
        chat_type="channel",
        chat_title="发改委综合处",
        created_by=7,
        filter_text=filter_text,
        schedule=parse_schedule("08:00", default_time="08:00"),
        timezone="Asia/Shanghai",
    )


# -- 1. a first digest's headline -----------------------------------------------------------
def test_headline_targets_take_one_target_a_family_in_a_reports_order(table) -> None:
    records = [
        target_record("地区生产总值", value=6.0, value_text="6", unit="万亿元", change="突破"),
        target_record("地区生产总值", value=5.5, year="2026"),
        target_record("赤字率", value=1.0, value_text="1", unit="个百分点", change="提高"),
        target_record("赤字率", value=4.0, value_text="4", change="安排"),
        target_record("新增城镇就业", value=85.0, value_text="85", unit="万人", change="新增"),
        target_record("居民消费价格", value=2.0, value_text="2", change="上涨"),
        target_record("高标准农田", value=300.0, value_text="300", unit="万亩", change="建设"),
    ]
    chosen = headline_targets(records, table)
    # GDP's rate before its level, the ratio before its change on last year; a report's order
    assert [(r.indicator, r.value) for r in chosen] == [
        ("地区生产总值", 5.5),
        ("居民消费价格", 2.0),
        ("新增城镇就业", 85.0),
        ("赤字率", 4.0),
    ]
    line = first_lead_line("四川", 2026, chosen, "zh")
    assert line.kind == "lead"
    assert line.text == (
        "📌 四川 2026年主要目标：地区生产总值 增长 5.5%左右；居民消费价格 上涨 2%左右；"
        "新增城镇就业 85万人左右；赤字率 安排 4%左右"
    )
    english = first_lead_line("四川", 2026, chosen[:1], "en")
    assert english.text == "📌 四川 2026 main targets: 地区生产总值 增长 5.5%左右"


# -- 2. late, and covering missed slots ------------------------------------------------------
def test_a_slot_sent_late_says_so_and_one_on_time_does_not(bundled_engine, store) -> None:
    sub = make(store)
    late = DigestComposer(bundled_engine, clock=lambda: SLOT + timedelta(hours=2, minutes=30))
    (first, *_rest) = late(sub, SLOT)
    assert "⏰ 本期送达晚于计划的 08:00。" in first
    # a first digest: the newest work report's main targets the filter passes lead it
    assert "<b>📌 烟台 2024年主要目标：</b>地区生产总值 增长 5.5%左右\n" in first
    on_time = SLOT + timedelta(minutes=3)
    assert delivery_notes(sub, SLOT, on_time, "zh") == ()
    assert delivery_notes(sub, SLOT, SLOT + timedelta(hours=3), "en") == (
        "⏰ Sent later than its scheduled 08:00.",
    )
    # nothing new, sent late: the short line says it too
    assert store.claim_slot(sub.id, SLOT)
    store.finish_delivery(sub.id, SLOT, "sent", delivered_at=datetime.now(UTC))
    nxt = SLOT + timedelta(days=1)
    (line,) = DigestComposer(bundled_engine, clock=lambda: nxt + timedelta(hours=2))(
        store.get(sub.id), nxt
    )
    assert line.startswith("📭") and line.endswith("<i>⏰ 本期送达晚于计划的 08:00。</i>")


def test_slots_missed_beyond_the_grace_are_covered_by_the_next_digest_and_said(
    bundled_engine, store
) -> None:
    sub = make(store)
    day = timedelta(days=1)
    assert store.claim_slot(sub.id, SLOT)
    store.finish_delivery(sub.id, SLOT, "sent", delivered_at=datetime.now(UTC))
    store.record_missed(sub.id, [SLOT + day, SLOT + 2 * day], "the bot was not running")
    read, claimed = store.for_delivery(sub.id, SLOT + 3 * day)
    assert read is not None and not claimed
    assert read.missed == (SLOT + day, SLOT + 2 * day)
    notes = delivery_notes(read, SLOT + 3 * day, SLOT + 3 * day, "zh")
    assert notes == ("🗓 本期涵盖 3 期：2025年3月3日、2025年3月4日的推送未能送达。",)
    (line,) = DigestComposer(bundled_engine)(read, SLOT + 3 * day)
    assert "🗓 本期涵盖 3 期" in line
    assert delivery_notes(read, SLOT + 3 * day, SLOT + 3 * day, "en") == (
        "🗓 This digest covers 3 periods; not delivered: 2025-03-03, 2025-03-04.",
    )
    # once one is sent, the slots missed before it are no more the next one's
    assert store.claim_slot(sub.id, SLOT + 3 * day)
    store.finish_delivery(sub.id, SLOT + 3 * day, "sent", delivered_at=datetime.now(UTC))
    assert store.for_delivery(sub.id, SLOT + 4 * day)[0].missed == ()


# -- 3. a filter of achievements only ---------------------------------------------------------
def test_a_filter_of_achievements_only_tells_its_channel_why(bundled_engine, store) -> None:
    # the bundled reports' 2022 figures are results, none a target
    sub = make(store, filter_text="year:2022")
    (first,) = DigestComposer(bundled_engine)(sub, SLOT)
    assert "没有目标" in first and "kind:all" in first
    assert store.claim_slot(sub.id, SLOT)
    store.finish_delivery(sub.id, SLOT, "sent", delivered_at=datetime.now(UTC))
    (later,) = DigestComposer(bundled_engine)(store.get(sub.id), SLOT + timedelta(days=1))
    assert "kind:all" in later and "自上次推送以来" not in later


def test_why_a_filter_matches_nothing_is_asked_once_per_library_state() -> None:
    asked: list[str] = []

    class Library:
        def __init__(self) -> None:
            self.index = SimpleNamespace(docs=[SimpleNamespace(indexed_at=1.0)])

        def filter_unmatched(self, filter):
            asked.append(filter)
            return "kinds"

    engine = Library()
    # /subscribe asks with the text typed; the subscription keeps it normalised
    assert subs_compose.unmatched(engine, "region:河南  ") == "kinds"
    assert known_unmatched(engine, "region:河南") == "kinds"  # the pushes read it back
    assert known_unmatched(engine, "region:河南") == "kinds"
    assert len(asked) == 1
    engine.index.docs.append(SimpleNamespace(indexed_at=2.0))  # a document comes in
    assert known_unmatched(engine, "region:河南") == "kinds"
    assert known_unmatched(engine, "region:河南") == "kinds"
    assert len(asked) == 2


# -- 4. a place on every line ----------------------------------------------------------------
def test_a_line_names_its_documents_place_else_its_title(table) -> None:
    docs = {
        "plan": document_info("plan", title="关于加快建设海绵城市的实施意见", region="上海"),
        "talk": document_info("talk", title="2023年讲话", region="", indexed_at=9.0),
    }
    plan = (
        "plan",
        target_record(
            "海绵城市建成区面积占比", value=45.0, value_text="45", region="", year="2025"
        ),
    )
    d = compose_digest([plan], docs, None, now=NOW, table=table)
    # the record names no region; its document's metadata does
    assert d.target_lines[0].text.startswith(
        "• 海绵城市建成区面积占比 增长 45%左右 · 2025年 · 上海"
    )
    # the one new document, named above every line, has no place: the line says its title
    talk = (
        "talk",
        target_record("千亿级产业", value=3.0, value_text="3", unit="个", region="", year="2025"),
    )
    new = compose_digest([plan, talk], docs, None, now=NOW, table=table, since=5.0)
    assert new.target_lines[0].text == "• 千亿级产业 增长 3个左右 · 2025年 · 2023年讲话"
