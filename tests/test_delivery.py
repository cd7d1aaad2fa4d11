"""Delivery and scheduling without Telegram: the Deliverer with a scripted sender, the
DigestScheduler with a controlled clock (and once with APScheduler really firing)."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.subscriptions import delivery as d
from bot.subscriptions.compose import DigestComposer
from bot.subscriptions.delivery import Deliverer
from bot.subscriptions.records import Payload
from bot.subscriptions.schedule import fire_times, latest_fire, parse_schedule
from bot.subscriptions.scheduler import DigestScheduler, group_key
from bot.subscriptions.store import SubscriptionStore

SHANGHAI = ZoneInfo("Asia/Shanghai")


def daily(expr: str = "08:00"):
    return parse_schedule(expr, default_time="08:00")


class ScriptedSender:
    """Records sends; ``script`` holds errors to raise, one per call, before succeeding."""

    def __init__(self) -> None:
        self.sent: list[tuple[int, str]] = []
        self.script: list[Exception | None] = []
        self.next_id = 100

    async def send(self, chat_id: int, html: str) -> int:
        if self.script:
            error = self.script.pop(0)
            if error is not None:
                raise error
        self.sent.append((chat_id, html))
        self.next_id += 1
        return self.next_id


class Sleeps:
    def __init__(self) -> None:
        self.calls: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.calls.append(round(seconds, 3))


def composer_of(messages: list[str] | None):
    async def compose(sub, slot):
        return None if messages is None else list(messages)

    return compose


@pytest.fixture
def store(db, clock) -> SubscriptionStore:
    return SubscriptionStore(db, clock=clock)


def make(store: SubscriptionStore, chat_id: int = 100, **kwargs):
    args = {
        "chat_type": "private",
        "chat_title": "Chat",
        "created_by": 7,
        "filter_text": "GDP",
        "schedule": daily(),
        "timezone": "Asia/Shanghai",
    }
    args.update(kwargs)
    return store.create(chat_id, **args)


def deliverer(store, messages=("one", "two"), sender=None, **kwargs) -> Deliverer:
    kwargs.setdefault("sleep", Sleeps())
    return Deliverer(
        store,
        composer_of(None if messages is None else list(messages)),
        sender or ScriptedSender(),
        attempts=kwargs.pop("attempts", 4),
        backoff=kwargs.pop("backoff", 2.0),
        **kwargs,
    )


SLOT = datetime(2025, 3, 2, 0, 0, tzinfo=UTC)  # 08:00 in Shanghai


# -- the deliverer -----------------------------------------------------------------------------
async def test_deliver_sends_in_order_records_ids_and_never_twice(store, clock):
    sub = make(store)
    sender = ScriptedSender()
    deliver = deliverer(store, ("one", "two", "three"), sender)
    clock.advance(minutes=1)
    result = await deliver.deliver(sub.id, SLOT)
    assert result.outcome == "sent" and result.message_ids == (101, 102, 103)
    assert sender.sent == [(100, "one"), (100, "two"), (100, "three")]
    (row,) = store.deliveries(sub.id)
    assert (row.status, row.message_ids, row.attempts) == ("sent", (101, 102, 103), 1)
    assert row.payload.messages == ("one", "two", "three")
    assert store.get(sub.id).last_delivered_at == row.payload.composed_at

    again = await deliver.deliver(sub.id, SLOT)
    assert again.outcome == "duplicate"
    assert len(sender.sent) == 3


async def test_nothing_new_and_quiet_sends_nothing(store):
    sub = make(store, quiet_when_empty=True)
    sender = ScriptedSender()
    result = await deliverer(store, None, sender).deliver(sub.id, SLOT)
    assert result.outcome == "skipped_empty" and sender.sent == []
    assert store.deliveries(sub.id)[0].status == "skipped_empty"
    assert store.get(sub.id).last_delivered_at is None


async def test_paused_or_removed_subscription_is_not_delivered(store):
    sub = make(store)
    store.pause(sub.id)
    sender = ScriptedSender()
    assert (await deliverer(store, sender=sender).deliver(sub.id, SLOT)).outcome == "inactive"
    assert (await deliverer(store, sender=sender).deliver(999, SLOT)).outcome == "inactive"
    assert sender.sent == [] and store.deliveries(sub.id) == []


async def test_429_waits_retry_after_then_sends(store):
    sub = make(store)
    sender = ScriptedSender()
    sender.script = [d.RetryAfter(7), None]
    sleeps = Sleeps()
    deliver = deliverer(store, ("only",), sender, sleep=sleeps)
    result = await deliver.deliver(sub.id, SLOT)
    assert result.outcome == "sent"
    assert sleeps.calls == [7.0]
    assert sender.sent == [(100, "only")]
    assert store.deliveries(sub.id)[0].attempts == 2


async def test_timeouts_back_off_exponentially_then_succeed(store):
    sub = make(store)
    sender = ScriptedSender()
    sender.script = [d.Transient("timed out"), d.Transient("network down"), None, None]
    sleeps = Sleeps()
    result = await deliverer(store, ("a", "b"), sender, sleep=sleeps).deliver(sub.id, SLOT)
    assert result.outcome == "sent"
    assert sleeps.calls == [2.0, 4.0]
    assert [text for _chat, text in sender.sent] == ["a", "b"]


async def test_timeouts_give_up_after_the_attempts(store):
    sub = make(store)
    sender = ScriptedSender()
    sender.script = [d.Transient("timed out")] * 10
    sleeps = Sleeps()
    result = await deliverer(store, ("a",), sender, sleep=sleeps, attempts=3).deliver(sub.id, SLOT)
    assert result.outcome == "failed" and "gave up after 3 tries" in result.error
    assert sleeps.calls == [2.0, 4.0]
    assert len(sender.script) == 7  # exactly 3 tries
    row = store.deliveries(sub.id)[0]
    assert row.status == "failed" and row.attempts == 3
    assert store.get(sub.id).active  # a network problem is not the chat's fault


async def test_chat_gone_deactivates_the_chat_and_tells_admins(store):
    first = make(store, chat_id=55)
    second = make(store, chat_id=55, filter_text="就业")
    other = make(store, chat_id=66)
    sender = ScriptedSender()
    sender.script = [d.ChatGone("403 Forbidden: bot was blocked by the user")]
    told: list[str] = []

    async def notify(notice) -> None:  # an interface says it in each admin's language
        told.append(notice.text("en"))

    gone: list[int] = []
    deliver = deliverer(store, sender=sender, notify_admins=notify, on_deactivated=gone.append)
    result = await deliver.deliver(first.id, SLOT)
    assert result.outcome == "deactivated"
    for sub_id in (first.id, second.id):
        sub = store.get(sub_id)
        assert not sub.active and "blocked" in sub.deactivated_reason
    assert store.get(other.id).active
    assert gone == [55]
    first_line, restore = told[0].split("\n")
    assert len(told) == 1 and first_line == (
        "⚠️ Deactivated 2 subscriptions of Chat (55): cannot post there (the user blocked the bot)."
    )
    assert restore.startswith("To restore:") and "/subscribe" in restore
    assert store.deliveries(first.id)[0].status == "failed"
    # the next slot of the other subscription of that chat is not even tried
    assert (await deliver.deliver(second.id, SLOT)).outcome == "inactive"


async def test_bad_request_fails_without_deactivating(store):
    sub = make(store)
    sender = ScriptedSender()
    sender.script = [d.Rejected("400 Bad Request: can't parse entities")]
    result = await deliverer(store, sender=sender).deliver(sub.id, SLOT)
    assert result.outcome == "failed" and "parse entities" in result.error
    assert store.get(sub.id).active


async def test_migrated_group_follows_to_the_supergroup(store):
    sub = make(store, chat_id=-42, chat_type="group")
    sender = ScriptedSender()
    sender.script = [d.ChatMigrated(-1001234)]
    result = await deliverer(store, ("x", "y"), sender).deliver(sub.id, SLOT)
    assert result.outcome == "sent"
    assert sender.sent == [(-1001234, "x"), (-1001234, "y")]
    moved = store.get(sub.id)
    assert (moved.chat_id, moved.chat_type) == (-1001234, "supergroup")


async def test_resume_sends_only_what_was_not_recorded(store, clock):
    sub = make(store)
    # A crash after the first of three messages went out:
    assert store.claim_slot(sub.id, SLOT)
    store.save_payload(sub.id, SLOT, Payload(("m1", "m2", "m3"), clock()))
    store.record_sent(sub.id, SLOT, 41)
    sender = ScriptedSender()
    result = await deliverer(store, sender=sender).resume(sub.id, SLOT)
    assert result.outcome == "sent" and result.message_ids == (41, 101, 102)
    assert [text for _c, text in sender.sent] == ["m2", "m3"]
    # resuming again (a second restart) sends nothing
    assert (await deliverer(store, sender=sender).resume(sub.id, SLOT)).outcome == "duplicate"
    assert len(sender.sent) == 2


async def test_resume_before_composition_composes_and_sends(store):
    sub = make(store)
    assert store.claim_slot(sub.id, SLOT)  # crashed right after the claim
    sender = ScriptedSender()
    result = await deliverer(store, ("fresh",), sender).resume(sub.id, SLOT)
    assert result.outcome == "sent" and sender.sent == [(100, "fresh")]


async def test_a_delivery_takes_three_transactions_plus_two_per_further_message(store, db):
    from sqlalchemy import event

    sub = make(store)
    begun: list[int] = []
    listener = lambda *args: begun.append(1)  # noqa: E731
    event.listen(db.engine, "begin", listener)
    try:
        result = await deliverer(store, ("m1", "m2", "m3")).deliver(sub.id, SLOT)
    finally:
        event.remove(db.engine, "begin", listener)
    assert result.outcome == "sent"
    # read; claim with the messages (m1 in flight); the ids after m1, m2 in flight, the ids
    # after m2, m3 in flight; the outcome with m3's id
    assert len(begun) == 7
    one = make(store, chat_id=101)
    begun.clear()
    event.listen(db.engine, "begin", listener)
    try:
        assert (await deliverer(store, ("only",)).deliver(one.id, SLOT)).outcome == "sent"
    finally:
        event.remove(db.engine, "begin", listener)
    assert len(begun) == 3  # read, claim (its message in flight), the outcome


class Killed(Exception):
    """The process died here (nothing after it ran)."""


class Dying:
    """``store`` until its ``at``-th call, which kills the process before it runs."""

    def __init__(self, store: SubscriptionStore, at: int) -> None:
        self._store, self._at, self.calls = store, at, 0

    def __getattr__(self, name: str):
        method = getattr(self._store, name)

        def call(*args, **kwargs):
            self.calls += 1
            if self.calls == self._at:
                raise Killed(name)
            return method(*args, **kwargs)

        return call


class DyingSender(ScriptedSender):
    """Telegram accepts message ``after``, then the process dies before hearing back."""

    def __init__(self, after: int) -> None:
        super().__init__()
        self.after = after

    async def send(self, chat_id: int, html: str) -> int:
        message_id = await super().send(chat_id, html)
        if len(self.sent) == self.after:
            raise Killed("send")
        return message_id


# A 3-message delivery calls the store 7 times: read, claim (with the messages, m1 in
# flight), the ids after m1, m2 in flight, the ids after m2, m3 in flight, the outcome
# (with m3's id). Killed before each of those calls, or just after Telegram accepted a
# message, then restarted within the grace period, with either ``delivery_uncertain``.
KILLS = [("store", n) for n in range(1, 8)] + [("send", n) for n in range(1, 4)]
# The message in flight at each kill (handed to Telegram, outcome not recorded): with
# ``resend`` it may arrive twice, with ``skip`` it is not sent again (here Telegram had
# it, except when the process died before the send itself: store 4 and 6 come after
# the previous message's ids, so nothing is in flight).
IN_FLIGHT = {
    "store": [None, None, None, "m1", None, "m2", None, "m3"],
    "send": [None, "m1", "m2", "m3"],
}


@pytest.mark.parametrize("uncertain", ["resend", "skip"])
@pytest.mark.parametrize(("where", "at"), KILLS, ids=[f"{w}{n}" for w, n in KILLS])
async def test_a_kill_at_any_point_neither_loses_nor_duplicates_beyond_the_message_in_flight(
    store, running, where, at, uncertain
):
    sub = make(store)
    messages = ("m1", "m2", "m3")
    sender = DyingSender(at) if where == "send" else ScriptedSender()
    dying = Dying(store, at if where == "store" else 0)
    with pytest.raises(Killed):
        await deliverer(dying, messages, sender).deliver(sub.id, SLOT)
    again = ScriptedSender()
    again.next_id = 200  # the ids of the second run: 201, 202 …
    scheduler, _ = await running(
        SLOT + timedelta(minutes=20), messages=messages, sender=again, uncertain=uncertain
    )
    await scheduler.drain()
    texts = [text for _chat, text in sender.sent + again.sent]
    in_flight = IN_FLIGHT[where][at]
    twice = in_flight if uncertain == "resend" else None
    # nothing but the message in flight goes twice, nothing is lost, the order holds
    assert texts == sorted(list(messages) + ([twice] if twice else []))
    (row,) = store.deliveries(sub.id)
    assert row.status == "sent" and row.payload.messages == messages
    assert row.sending is None
    assert row.uncertain == (1 if in_flight else 0)
    assert store.uncertain_count() == row.uncertain
    ids = {text: 100 + n for n, (_chat, text) in enumerate(sender.sent, 1)}
    ids |= {text: 200 + n for n, (_chat, text) in enumerate(again.sent, 1)}  # last send wins
    if in_flight and uncertain == "skip":
        ids[in_flight] = 0  # skipped: its id was never heard
    assert row.message_ids == tuple(ids[m] for m in messages)


# -- composing -------------------------------------------------------------------------------
def test_composer_sends_new_targets_once_then_no_new_line(bundled_engine, store, clock):
    sub = make(store, filter_text="GDP")
    compose = DigestComposer(bundled_engine)
    first = compose(sub, SLOT)
    assert first and "地区生产总值" in "".join(first)
    assert "2025-03-02" in first[0] or "2025年3月2日" in first[0]
    # after a delivery, nothing indexed since: the short "no new" line, or silence
    assert store.claim_slot(sub.id, SLOT)
    store.finish_delivery(sub.id, SLOT, "sent", delivered_at=datetime.now(UTC))
    later = store.get(sub.id)
    (line,) = compose(later, SLOT + timedelta(days=1))
    assert "没有新的重点目标" in line and "GDP" in line
    quiet = make(store, chat_id=7, filter_text="GDP", quiet_when_empty=True)
    assert store.claim_slot(quiet.id, SLOT)
    store.finish_delivery(quiet.id, SLOT, "sent", delivered_at=datetime.now(UTC))
    assert compose(store.get(quiet.id), SLOT + timedelta(days=1)) is None


def test_composer_escapes_filter_text_and_caches(bundled_engine, store):
    sub = make(store, filter_text="<b>没有这种东西</b>")
    compose = DigestComposer(bundled_engine)
    (line,) = compose(sub, SLOT)
    assert "&lt;b&gt;" in line and "<b>没有" not in line
    assert compose(sub, SLOT) == [line]
    assert len(compose._cache) == 1


def test_composer_says_each_chat_its_language_and_caches_per_language(bundled_engine, store):
    english_chat = make(store, chat_id=7, filter_text="GDP")
    chinese_chat = make(store, chat_id=8, filter_text="GDP")
    compose = DigestComposer(bundled_engine, language=lambda chat_id: {7: "en"}.get(chat_id, "zh"))
    english, chinese = compose(english_chat, SLOT), compose(chinese_chat, SLOT)
    assert english[0].startswith("<b>📊 Key targets digest · 2025-03-02 · keywords: GDP</b>")
    assert "[Economic output]" in english[0] and "地区生产总值" in english[0]
    assert "重点目标简报" not in "".join(english) and "经济总量" not in "".join(english)
    assert chinese[0].startswith("<b>📊 重点目标简报 · 2025年3月2日 · 关键词：GDP</b>")
    assert len(compose._cache) == 2  # the same filter and slot, two languages
    # Nothing new since the last digest: the short line, in the chat's language too.
    for sub in (english_chat, chinese_chat):
        assert store.claim_slot(sub.id, SLOT)
        store.finish_delivery(sub.id, SLOT, "sent", delivered_at=datetime.now(UTC))
    (line,) = compose(store.get(english_chat.id), SLOT + timedelta(days=1))
    assert (
        line
        == "📭 <b>Key targets digest</b> (keywords: GDP)\nNo new key targets since the last digest."
    )
    (line,) = compose(store.get(chinese_chat.id), SLOT + timedelta(days=1))
    assert line.startswith("📭 <b>重点目标推送</b>（关键词：GDP）")


def _sent(store, sub, slot, messages):
    """Record ``messages`` as the delivery of ``slot`` (claimed, sent), as the deliverer
    does: a removed-document notice marks its chat told in the same transaction."""
    payload = Payload(tuple(messages), datetime.now(UTC))
    assert store.claim_slot(sub.id, slot, payload)
    told = DigestComposer.told_filter(sub, messages)
    store.finish_delivery(sub.id, slot, "sent", delivered_at=payload.composed_at, told_filter=told)
    return store.get(sub.id)


def test_composer_says_once_that_the_documents_a_filter_names_are_gone(bundled_engine, store):
    gone = make(store, filter_text="doc:早已删除的公报 GDP")
    compose = DigestComposer(bundled_engine)
    (notice,) = compose(gone, SLOT)
    assert "文库中没有符合此条件的重点目标" in notice and "GDP" in notice
    assert "没有新的重点目标" not in notice
    later = _sent(store, gone, SLOT, [notice])
    # told once: the next runs say the usual line, a new process too
    (line,) = compose(later, SLOT + timedelta(days=1))
    assert "没有新的重点目标" in line
    restarted = DigestComposer(bundled_engine)
    (line,) = restarted(later, SLOT + timedelta(days=1))
    assert "没有新的重点目标" in line
    # a quiet subscription is told too (it would never learn), then stays quiet
    quiet = make(store, chat_id=7, filter_text="doc:早已删除的公报", quiet_when_empty=True)
    (told,) = compose(quiet, SLOT)
    assert "文库中没有符合此条件的重点目标" in told
    quiet = _sent(store, quiet, SLOT, [told])
    assert compose(quiet, SLOT + timedelta(days=1)) is None


def test_told_once_survives_a_purge_of_the_deliveries_and_a_restart(bundled_engine, store, db):
    """The subscription keeps that its chat was told: the deliveries are no memory."""
    from sqlalchemy import text

    gone = make(store, filter_text="doc:早已删除的公报 GDP")
    compose = DigestComposer(bundled_engine)
    (notice,) = compose(gone, SLOT)
    assert "文库中没有符合此条件的重点目标" in notice
    _sent(store, gone, SLOT, [notice])
    with db.engine.begin() as conn:  # a retention purge of the delivery history
        conn.execute(text("DELETE FROM deliveries"))
    assert store.deliveries(gone.id) == []
    later = store.get(gone.id)
    assert later.nothing_told_filter == later.filter_text
    restarted = DigestComposer(bundled_engine)
    (line,) = restarted(later, SLOT + timedelta(days=1))
    assert "没有新的重点目标" in line


def test_a_filter_not_yet_told_is_told(bundled_engine, store):
    """Told once per filter: the notice kept is of the filter it was about."""
    sub = make(store, filter_text="doc:早已删除的公报")
    assert store.claim_slot(sub.id, SLOT - timedelta(days=1))
    store.finish_delivery(
        sub.id, SLOT - timedelta(days=1), "sent", told_filter="doc:另一份已删除的文件"
    )
    assert store.get(sub.id).nothing_told_filter == "doc:另一份已删除的文件"
    compose = DigestComposer(bundled_engine)
    (notice,) = compose(store.get(sub.id), SLOT)
    assert "文库中没有符合此条件的重点目标" in notice
    _sent(store, store.get(sub.id), SLOT, [notice])
    assert store.get(sub.id).nothing_told_filter == "doc:早已删除的公报"


def test_only_the_notice_delivered_marks_a_chat_told(bundled_engine, store):
    """Composing the notice tells no one; a digest delivered that is not the notice (a
    filter's usual line, another filter's notice) does not mark it either."""
    sub = make(store, filter_text="doc:早已删除的公报")
    compose = DigestComposer(bundled_engine)
    (notice,) = compose(sub, SLOT)
    assert store.get(sub.id).nothing_told_filter is None
    (again,) = compose(sub, SLOT + timedelta(days=1))  # not delivered: said again
    assert again == notice
    assert compose.told_filter(sub, ["📭 别的消息"]) is None
    assert compose.told_filter(sub, []) is None
    other = make(store, chat_id=8, filter_text="doc:另一份已删除的文件")
    (other_notice,) = compose(other, SLOT)
    assert compose.told_filter(sub, [other_notice]) is None
    assert compose.told_filter(other, [other_notice]) == other.filter_text
    english = DigestComposer(bundled_engine, language=lambda _chat: "en")
    (english_notice,) = english(sub, SLOT)
    assert (
        english_notice != notice and compose.told_filter(sub, [english_notice]) == sub.filter_text
    )
    _sent(store, sub, SLOT, ["📭 别的消息"])
    assert store.get(sub.id).nothing_told_filter is None
    _sent(store, store.get(sub.id), SLOT + timedelta(days=1), [notice])
    assert store.get(sub.id).nothing_told_filter == sub.filter_text
    assert "没有新的重点目标" in compose(store.get(sub.id), SLOT + timedelta(days=2))[0]


def test_the_told_mark_and_the_sent_outcome_are_one_transaction(store, db):
    """Both or neither: a failure in the subscription's write rolls back the delivery's
    outcome, so a crash between them can neither repeat a notice recorded as sent nor
    mark told one whose outcome was lost."""
    from sqlalchemy import event

    sub = make(store, filter_text="doc:早已删除的公报")
    payload = Payload(("📭 通知",), datetime.now(UTC))
    assert store.claim_slot(sub.id, SLOT, payload, sending=0)

    def fail_on_subscriptions(_conn, _cursor, statement, *_args) -> None:
        if statement.lstrip().upper().startswith("UPDATE SUBSCRIPTIONS"):
            raise RuntimeError("the database went away between the two writes")

    event.listen(db.engine, "before_cursor_execute", fail_on_subscriptions)
    try:
        with pytest.raises(Exception, match="went away"):
            store.finish_delivery(
                sub.id, SLOT, "sent", [7], delivered_at=SLOT, told_filter=sub.filter_text
            )
    finally:
        event.remove(db.engine, "before_cursor_execute", fail_on_subscriptions)
    (row,) = store.deliveries(sub.id)  # the first write (the delivery's outcome) undone
    assert (row.status, row.message_ids, row.sending) == ("pending", None, 0)
    after = store.get(sub.id)
    assert (after.nothing_told_filter, after.last_delivered_at) == (None, None)
    # the same call without the failure writes both
    store.finish_delivery(sub.id, SLOT, "sent", [7], delivered_at=SLOT, told_filter=sub.filter_text)
    (row,) = store.deliveries(sub.id)
    assert (row.status, row.message_ids, row.sending) == ("sent", (7,), None)
    after = store.get(sub.id)
    assert (after.nothing_told_filter, after.last_delivered_at) == (sub.filter_text, SLOT)


async def test_a_notice_whose_send_failed_is_told_at_the_next_slot(bundled_engine, store, clock):
    """The deliverer marks the notice told as it records it sent (told_filter, on a
    storage thread, in the outcome's transaction), so a send Telegram refused, or that
    gave up, leaves it to be said again."""
    sub = make(store, filter_text="doc:早已删除的公报 GDP")
    composer = DigestComposer(bundled_engine)
    seen_threads: list[str] = []

    def told_filter(sub, messages):
        seen_threads.append(threading.current_thread().name)
        return composer.told_filter(sub, messages)

    async def compose(sub, slot):
        return composer(sub, slot)

    sender = ScriptedSender()
    deliver = Deliverer(store, compose, sender, attempts=2, sleep=Sleeps(), told_filter=told_filter)
    sender.script = [d.Rejected("Bad Request: message is too long")]
    failed = await deliver.deliver(sub.id, SLOT)
    assert failed.outcome == "failed" and sender.sent == []
    assert store.get(sub.id).nothing_told_filter is None
    sender.script = [d.Transient("timed out"), d.Transient("timed out")]
    gave_up = await deliver.deliver(sub.id, SLOT + timedelta(days=1))
    assert gave_up.outcome == "failed" and store.get(sub.id).nothing_told_filter is None
    assert seen_threads == []
    assert all(r.payload is not None for r in store.deliveries(sub.id))  # the notice, failed
    (still,) = DigestComposer(bundled_engine)(store.get(sub.id), SLOT + timedelta(days=2))
    assert "文库中没有符合此条件的重点目标" in still

    told_now = await deliver.deliver(sub.id, SLOT + timedelta(days=2))
    assert told_now.outcome == "sent"
    ((_chat, notice),) = sender.sent
    assert "文库中没有符合此条件的重点目标" in notice
    assert store.get(sub.id).nothing_told_filter == sub.filter_text
    assert [name.startswith("briefbot-db") for name in seen_threads] == [True]
    restarted = DigestComposer(bundled_engine)
    (line,) = restarted(store.get(sub.id), SLOT + timedelta(days=3))
    assert "没有新的重点目标" in line


def test_composer_keeps_the_usual_line_for_a_document_still_there(bundled_engine, store):
    there = make(store, filter_text="doc:004 没有这种指标")
    compose = DigestComposer(bundled_engine)
    (line,) = compose(there, SLOT)
    # its first run: not "since the last digest", which it never had (user-trial17)
    assert "文库中暂时没有符合条件的重点目标" in line and "文件已删除" not in line


# -- schedule arithmetic ----------------------------------------------------------------------
def test_fire_times_are_bounded_and_newest_first_kept():
    every_minute = parse_schedule("* * * * *", default_time="08:00")
    start = datetime(2025, 1, 1, tzinfo=UTC)
    times = fire_times(every_minute, "UTC", start, start + timedelta(days=30), limit=5)
    assert times == [start + timedelta(days=30, minutes=-4 + i) for i in range(5)]
    slot = latest_fire(
        daily("08:00"), "Asia/Shanghai", SLOT + timedelta(minutes=3), window=timedelta(hours=1)
    )
    assert slot == SLOT
    assert (
        latest_fire(
            daily("08:00"), "Asia/Shanghai", SLOT - timedelta(minutes=1), window=timedelta(hours=1)
        )
        is None
    )


# -- the scheduler -----------------------------------------------------------------------------
class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
async def running(store):
    """A started DigestScheduler over ``store`` with a scripted sender and a movable clock."""
    created: list[DigestScheduler] = []

    async def start(now: datetime, messages=("digest",), sender=None, uncertain="resend", **kwargs):
        sender = sender or ScriptedSender()
        deliver = deliverer(store, messages, sender, uncertain=uncertain)
        scheduler = DigestScheduler(store, deliver, clock=Clock(now), workers=4, **kwargs)
        await scheduler.start()
        created.append(scheduler)
        return scheduler, sender

    yield start
    for scheduler in created:
        await scheduler.stop()


async def test_jobs_are_rebuilt_from_the_database_at_local_times(store, running):
    shanghai = make(store, chat_id=1, schedule=daily("08:00"), timezone="Asia/Shanghai")
    new_york = make(store, chat_id=2, schedule=daily("08:00"), timezone="America/New_York")
    weekly = make(store, chat_id=3, schedule=parse_schedule("周一 09:00", default_time="08:00"))
    paused = make(store, chat_id=4)
    store.pause(paused.id)
    scheduler, _ = await running(datetime.now(UTC))
    for sub, tz, hour in ((shanghai, "Asia/Shanghai", 8), (new_york, "America/New_York", 8)):
        local = scheduler.next_run(sub.id).astimezone(ZoneInfo(tz))
        assert (local.hour, local.minute) == (hour, 0)
        assert scheduler.next_run(sub.id) - datetime.now(UTC) <= timedelta(days=1)
    monday = scheduler.next_run(weekly.id).astimezone(SHANGHAI)
    assert (monday.weekday(), monday.hour) == (0, 9)
    assert scheduler.next_run(paused.id) is None
    assert [sub_id for sub_id, _ in scheduler.upcoming(10)].count(shanghai.id) == 1


async def test_a_firing_job_delivers_the_slot_of_its_local_time(store, running):
    sub = make(store, timezone="America/New_York", schedule=daily("09:30"))
    fire_at = datetime(2030, 6, 3, 9, 30, 20, tzinfo=ZoneInfo("America/New_York"))
    scheduler, sender = await running(fire_at.astimezone(UTC))
    slot = await scheduler.fire(sub.id)
    await scheduler.drain()
    assert slot == datetime(2030, 6, 3, 13, 30, tzinfo=UTC)  # EDT is UTC-4
    assert sender.sent == [(100, "digest")]
    assert store.delivery(sub.id, slot).status == "sent"
    # created in 2025, first started in 2030: the slots in between were missed, not sent
    assert {r.status for r in store.deliveries(sub.id) if r.slot != slot} == {"missed"}
    assert scheduler.outcomes["sent"] == 1


async def test_apscheduler_really_fires_the_job(store, running):
    sub = make(store, schedule=parse_schedule("* * * * *", default_time="08:00"), timezone="UTC")
    now = datetime.now(UTC)
    scheduler, sender = await running(now)
    done = asyncio.Event()
    scheduler.on_result = lambda result: done.set()
    run_now(scheduler, sub.id)
    await asyncio.wait_for(done.wait(), 5)
    assert sender.sent == [(100, "digest")]


def run_now(scheduler: DigestScheduler, subscription_id: int) -> None:
    """Make APScheduler run the job of ``subscription_id``'s group at once."""
    job = scheduler._apscheduler.get_job(scheduler.job_of(subscription_id))
    job.modify(next_run_time=datetime.now(UTC))
    scheduler._apscheduler.wakeup()


async def results(scheduler: DigestScheduler, count: int) -> list[d.DeliveryResult]:
    """Wait for the next ``count`` delivery results (an event each, no sleeping)."""
    got: list[d.DeliveryResult] = []
    done = asyncio.Event()

    def collect(result: d.DeliveryResult) -> None:
        got.append(result)
        if len(got) >= count:
            done.set()

    scheduler.on_result = collect
    await asyncio.wait_for(done.wait(), 5)
    return got


# -- groups: one job per schedule and time zone ------------------------------------------------
BEFORE = SLOT - timedelta(minutes=1)  # 07:59 in Shanghai, after the subscriptions were made


def digest_jobs(scheduler: DigestScheduler) -> list[str]:
    return sorted(j.id for j in scheduler._apscheduler.get_jobs() if j.id.startswith("digest:"))


async def test_one_job_per_schedule_and_time_zone(store, running):
    same = [make(store, chat_id=400 + n) for n in range(3)]
    berlin = make(store, chat_id=410, timezone="Europe/Berlin")
    weekly = make(store, chat_id=411, schedule=parse_schedule("周一 08:00", default_time="08:00"))
    scheduler, _ = await running(BEFORE)
    assert len({scheduler.job_of(sub.id) for sub in same}) == 1
    assert len(digest_jobs(scheduler)) == 3
    assert len({scheduler.job_of(s.id) for s in (same[0], berlin, weekly)}) == 3
    assert scheduler.next_run(same[0].id) == scheduler.next_run(same[2].id)
    everyone = [*same, berlin, weekly]
    soonest = sorted((scheduler.next_run(s.id), s.id) for s in everyone)
    assert scheduler.upcoming(4) == [(sub_id, at) for at, sub_id in soonest[:4]]


async def test_a_subscription_added_at_runtime_fires_in_its_groups_slot(store, clock, running):
    first = make(store, chat_id=420)
    scheduler, sender = await running(BEFORE)
    (job,) = digest_jobs(scheduler)
    clock.now = BEFORE  # created at 07:59, a minute before the group's slot
    added = make(store, chat_id=421)
    scheduler.schedule(added)  # what the subscription service does after the insert
    assert digest_jobs(scheduler) == [job] and scheduler.job_of(added.id) == job
    assert scheduler.next_run(added.id) == scheduler.next_run(first.id)
    scheduler.clock.now = SLOT + timedelta(seconds=2)
    run_now(scheduler, added.id)  # APScheduler really runs the group's job
    got = await results(scheduler, 2)
    assert sorted((r.subscription_id, r.slot, r.outcome) for r in got) == [
        (first.id, SLOT, "sent"),
        (added.id, SLOT, "sent"),
    ]
    assert sorted(chat for chat, _ in sender.sent) == [420, 421]


async def test_pause_and_removal_take_a_subscription_out_of_its_group(store, running):
    kept, paused, removed, silent = (make(store, chat_id=430 + n) for n in range(4))
    scheduler, sender = await running(BEFORE)
    (job,) = digest_jobs(scheduler)
    store.pause(paused.id)
    scheduler.schedule(store.get(paused.id))
    store.remove(removed.chat_id, removed.id)
    scheduler.unschedule(removed.id)
    store.pause(silent.id)  # paused behind the scheduler's back: the database still decides
    assert scheduler.next_run(paused.id) is None and scheduler.next_run(removed.id) is None
    assert scheduler.job_of(kept.id) == job
    scheduler.clock.now = SLOT + timedelta(seconds=2)
    assert await scheduler.fire_group(group_key(kept)) == SLOT
    await scheduler.drain()
    assert sender.sent == [(430, "digest")]
    # resumed, it is back in the same job; the last one out removes the job
    store.resume(paused.id)
    scheduler.schedule(store.get(paused.id))
    assert scheduler.job_of(paused.id) == job
    for sub in (kept, paused, silent):
        scheduler.unschedule(sub.id)
    assert digest_jobs(scheduler) == [] and scheduler.upcoming() == []


async def test_two_time_zones_with_the_same_schedule_stay_separate(store, running):
    shanghai = make(store, chat_id=440, timezone="Asia/Shanghai")
    utc = make(store, chat_id=441, timezone="UTC")
    scheduler, sender = await running(BEFORE)
    assert scheduler.job_of(shanghai.id) != scheduler.job_of(utc.id)
    for sub, tz in ((shanghai, SHANGHAI), (utc, UTC)):
        local = scheduler.next_run(sub.id).astimezone(tz)
        assert (local.hour, local.minute) == (8, 0)
    scheduler.clock.now = SLOT + timedelta(seconds=2)  # 08:00 in Shanghai, 00:00 in UTC
    assert await scheduler.fire_group(group_key(shanghai)) == SLOT
    assert await scheduler.fire_group(group_key(utc)) is None  # not due there
    await scheduler.drain()
    assert sender.sent == [(440, "digest")]
    scheduler.clock.now = SLOT + timedelta(hours=8, seconds=2)  # 08:00 UTC
    assert await scheduler.fire_group(group_key(utc)) == SLOT + timedelta(hours=8)
    await scheduler.drain()
    assert sender.sent == [(440, "digest"), (441, "digest")]


async def test_a_new_time_zone_moves_a_subscription_to_that_groups_job(store, running):
    moving = make(store, chat_id=445)
    staying = make(store, chat_id=446, timezone="UTC")
    scheduler, _ = await running(BEFORE)
    old = scheduler.job_of(moving.id)
    store.set_timezone(moving.chat_id, "UTC")
    scheduler.resync_chat(moving.chat_id)  # what the subscription service does
    assert scheduler.job_of(moving.id) == scheduler.job_of(staying.id) != old
    assert digest_jobs(scheduler) == [scheduler.job_of(staying.id)]  # the emptied job is gone
    assert scheduler.next_run(moving.id) == scheduler.next_run(staying.id)


async def test_restart_delivers_a_groups_missed_slot_once(store, running):
    subs = [make(store, chat_id=450 + n) for n in range(3)]
    back = SLOT + timedelta(hours=2)  # down over the group's slot, back within the grace
    scheduler, sender = await running(back)
    await scheduler.drain()
    assert sorted(chat for chat, _ in sender.sent) == [450, 451, 452]
    # the group's job running late for the same slot sends nothing more
    assert await scheduler.fire_group(group_key(subs[0])) == SLOT
    await scheduler.drain()
    await scheduler.stop()
    again, sender2 = await running(back + timedelta(minutes=5))
    await again.drain()
    assert sender2.sent == [] and len(sender.sent) == 3
    for sub in subs:
        assert [(r.slot, r.status) for r in store.deliveries(sub.id)] == [(SLOT, "sent")]


async def test_many_subscriptions_at_one_minute_are_all_delivered_once(store, running):
    subs = [make(store, chat_id=1000 + n) for n in range(60)]
    at = datetime(2030, 1, 1, 0, 0, 5, tzinfo=UTC)  # 08:00:05 in Shanghai
    scheduler, sender = await running(at)
    for sub in subs:
        await scheduler.fire(sub.id)
        await scheduler.fire(sub.id)  # a second run of the same job is a no-op
    await scheduler.drain()
    assert sorted(chat for chat, _ in sender.sent) == [1000 + n for n in range(60)]


async def test_missed_slot_within_grace_is_sent_once_after_restart(store, clock, running):
    sub = make(store)  # created 2025-03-01 12:00 UTC (20:00 in Shanghai)
    # down from before 08:00 until 10:00 the next morning (2 h late, grace 6 h)
    back = datetime(2025, 3, 2, 2, 0, tzinfo=UTC)
    scheduler, sender = await running(back)
    await scheduler.drain()
    assert sender.sent == [(100, "digest")]
    assert [(r.slot, r.status) for r in store.deliveries(sub.id)] == [(SLOT, "sent")]
    # a second restart does not send it again
    await scheduler.stop()
    again, sender2 = await running(back + timedelta(minutes=5))
    await again.drain()
    assert sender2.sent == []


async def test_missed_slots_beyond_grace_are_recorded_not_sent(store, running):
    sub = make(store)
    back = datetime(2025, 3, 4, 23, 0, tzinfo=UTC)  # 07:00 on the 5th in Shanghai
    scheduler, sender = await running(back)
    await scheduler.drain()
    assert sender.sent == []
    rows = store.deliveries(sub.id)
    assert [r.slot.day for r in rows] == [2, 3, 4]  # 08:00 Shanghai = 00:00 UTC
    assert {r.status for r in rows} == {"missed"}
    assert "grace" in rows[0].error


async def test_restart_resumes_interrupted_deliveries_without_duplicates(store, clock, running):
    subs = [make(store, chat_id=200 + n) for n in range(6)]
    # The bot went down at 08:00:30 while delivering: 2 done, 1 half sent, 3 not started.
    for sub in subs[:3]:
        assert store.claim_slot(sub.id, SLOT)
        store.save_payload(sub.id, SLOT, Payload(("p1", "p2"), clock()))
    for sub in subs[:2]:
        store.record_sent(sub.id, SLOT, 1)
        store.record_sent(sub.id, SLOT, 2)
        store.finish_delivery(sub.id, SLOT, "sent")
    store.record_sent(subs[2].id, SLOT, 1)
    scheduler, sender = await running(SLOT + timedelta(minutes=20), messages=("fresh",))
    await scheduler.drain()
    got: dict[int, list[str]] = {}
    for chat, text in sender.sent:
        got.setdefault(chat, []).append(text)
    assert got == {202: ["p2"], 203: ["fresh"], 204: ["fresh"], 205: ["fresh"]}
    for sub in subs:
        (row,) = store.deliveries(sub.id)
        assert row.status == "sent"


async def test_interrupted_delivery_beyond_grace_is_recorded_missed(store, clock, running):
    sub = make(store)
    assert store.claim_slot(sub.id, SLOT)
    scheduler, sender = await running(SLOT + timedelta(hours=7))
    await scheduler.drain()
    assert sender.sent == []
    assert store.deliveries(sub.id)[0].status == "missed"


async def test_run_all_now_queues_every_due_subscription(store, running):
    subs = [make(store, chat_id=300 + n) for n in range(3)]
    store.pause(subs[0].id)
    scheduler, sender = await running(datetime(2030, 1, 1, 9, 17, 45, tzinfo=UTC))
    assert await scheduler.run_all_now() == 2
    await scheduler.drain()
    assert sorted(c for c, _ in sender.sent) == [301, 302]
    assert store.delivery(subs[1].id, datetime(2030, 1, 1, 9, 17, tzinfo=UTC)).status == "sent"


# -- broadcasts: /broadcast_digest as a recorded slot ---------------------------------------------
class Process:
    """One bot process that can be killed (kill -9) at its ``at``-th store call or just
    after Telegram accepted its ``at``-th message: from then on nothing it does takes
    effect (every store call and send raises), as if it had died there."""

    def __init__(self, at_store: int = 0, at_send: int = 0) -> None:
        self.at_store, self.at_send = at_store, at_send
        self.calls = 0
        self.dead = asyncio.Event()

    def die(self, where: str):
        self.dead.set()
        return Killed(where)

    def store(self, real):
        process = self

        class Wrapped:
            def __getattr__(self, name: str):
                method = getattr(real, name)
                if not callable(method):
                    return method

                def call(*args, **kwargs):
                    if process.dead.is_set():
                        raise Killed(name)
                    process.calls += 1
                    if process.calls == process.at_store:
                        raise process.die(name)
                    return method(*args, **kwargs)

                return call

        return Wrapped()

    def sender(self) -> ScriptedSender:
        process = self

        class Sender(ScriptedSender):
            async def send(self, chat_id: int, html: str) -> int:
                if process.dead.is_set():
                    raise Killed("send")
                message_id = await super().send(chat_id, html)
                if len(self.sent) == process.at_send:
                    raise process.die("send")
                return message_id

        return Sender()


BROADCAST_AT = datetime(2025, 3, 2, 6, 30, 20, tzinfo=UTC)
BROADCAST_SLOT = BROADCAST_AT.replace(second=0)


async def _broadcast_run(store, process: Process, uncertain: str, reports: list):
    """The first process: start, broadcast to every due subscription, run until it is
    killed or done; returns its sender."""
    from bot.subscriptions.broadcasts import BroadcastStore

    sender = process.sender()
    real_broadcasts = BroadcastStore(store._db)
    scheduler = DigestScheduler(
        store,
        deliverer(store, ("part 1", "part 2"), sender, uncertain=uncertain),
        clock=Clock(BROADCAST_AT),
        workers=1,
        broadcasts=real_broadcasts,
    )
    await scheduler.start()
    # armed after the start: the kill points are the broadcast's own store calls
    wrapped = process.store(store)
    scheduler.deliverer.store = wrapped
    scheduler.store = wrapped
    scheduler.broadcasts = process.store(real_broadcasts)

    async def report(broadcast, summary):
        if process.dead.is_set():
            raise Killed("report")
        reports.append((broadcast.chat_id, broadcast.reply_to, summary))

    scheduler.on_broadcast_done = report
    with contextlib.suppress(Killed):
        await scheduler.broadcast(chat_id=7, reply_to=70, language="en")
    # Until the queued work is done (a kill happens inside that work, so it is set by
    # then) or 10 s have passed. Waiting for the kill as well (both, asyncio.wait's
    # default) made a run that is never killed sit out the whole 10 s.
    done = asyncio.ensure_future(scheduler.drain())
    await asyncio.wait({done}, timeout=10)
    done.cancel()
    await scheduler.stop()
    return sender


async def _restart(store, uncertain: str, reports: list, minutes: int = 5):
    from bot.subscriptions.broadcasts import BroadcastStore

    sender = ScriptedSender()
    sender.next_id = 500
    scheduler = DigestScheduler(
        store,
        deliverer(store, ("part 1", "part 2"), sender, uncertain=uncertain),
        clock=Clock(BROADCAST_AT + timedelta(minutes=minutes)),
        workers=1,
        broadcasts=BroadcastStore(store._db),
    )

    async def report(broadcast, summary):
        reports.append((broadcast.chat_id, broadcast.reply_to, summary))

    scheduler.on_broadcast_done = report
    await scheduler.start()
    await scheduler.drain()
    await scheduler.stop()
    return sender


async def test_a_broadcast_without_a_crash_is_recorded_and_reported_once(store):
    from bot.subscriptions.broadcasts import BroadcastStore

    subs = [make(store, chat_id=600 + n) for n in range(3)]
    store.pause(subs[2].id)
    reports: list = []
    process = Process()
    sender = await _broadcast_run(store, process, "resend", reports)
    assert sorted(sender.sent) == [(c, p) for c in (600, 601) for p in ("part 1", "part 2")]
    assert reports == [(7, 70, {"sent": 2})]
    (broadcast,) = [b for b in [BroadcastStore(store._db).get(1)] if b]
    assert (broadcast.status, broadcast.slot, broadcast.summary) == (
        "done",
        BROADCAST_SLOT,
        {"sent": 2},
    )
    assert broadcast.subscription_ids == (subs[0].id, subs[1].id)
    # Nothing to resume after a restart.
    again = await _restart(store, "resend", reports)
    assert again.sent == [] and len(reports) == 1


def _broadcast_kills() -> list[tuple[str, int]]:
    # 3 chats × 2 messages with one worker: the broadcast's record (the due subscriptions,
    # the row), then per chat read, claim, ids, mark, outcome (5), then the summary's
    # count and "done": 19 store calls; and 6 sends.
    return [("store", n) for n in range(1, LAST_CALL + 1)] + [("send", n) for n in range(1, 7)]


LAST_CALL = 19


@pytest.mark.parametrize("uncertain", ["resend", "skip"])
@pytest.mark.parametrize(
    ("where", "at"), _broadcast_kills(), ids=[f"{w}{n}" for w, n in _broadcast_kills()]
)
async def test_a_broadcast_killed_anywhere_resumes_each_chat_once_and_reports_once(
    store, where, at, uncertain
):
    """kill -9 at any point of /broadcast_digest, then a restart: every chat gets its
    digest exactly once (``resend``: the one message in flight at the kill may come
    twice; ``skip``: it is not sent again), the admin gets the summary once (``resend``:
    twice if the kill came between sending it and recording it)."""
    chats = [610, 611, 612]
    for chat in chats:
        make(store, chat_id=chat)
    reports: list = []
    process = Process(at_store=at if where == "store" else 0, at_send=at if where == "send" else 0)
    first = await _broadcast_run(store, process, uncertain, reports)
    assert process.dead.is_set(), "not killed"
    second = await _restart(store, uncertain, reports)
    if where == "store" and at <= 2:
        # Killed before the broadcast was recorded: the admin was told nothing (the
        # "queued" reply comes after the record) and nothing is owed.
        assert first.sent == second.sent == reports == []
        assert all(store.delivery(s.id, BROADCAST_SLOT) is None for s in store.list_all())
        return
    got: dict[int, list[str]] = {chat: [] for chat in chats}
    for chat, text in first.sent + second.sent:
        got[chat].append(text)
    # At most one message was in flight (one worker): recorded and counted. It is the
    # only one that may arrive twice (resend) or never (skip, if it had not gone out).
    uncertain_rows = store.uncertain_count()
    assert uncertain_rows <= 1
    parts = ("part 1", "part 2")
    twice = sum(max(0, got[chat].count(p) - 1) for chat in chats for p in parts)
    lost = sum(1 for chat in chats for p in parts if p not in got[chat])
    for chat in chats:
        assert got[chat] == sorted(got[chat]), (chat, got[chat])  # in order
    if uncertain == "skip":
        assert twice == 0 and lost <= uncertain_rows
    else:
        assert lost == 0 and twice <= uncertain_rows
    for sub in store.list_all():
        row = store.delivery(sub.id, BROADCAST_SLOT)
        assert (row.status, row.sending) == ("sent", None)
    # The summary: once, to the admin's chat, in reply to the command; twice only if the
    # kill came after it was sent and before "done" was recorded (the last store call).
    summary_twice = where == "store" and at == LAST_CALL and uncertain == "resend"
    assert len(reports) == (2 if summary_twice else 1), reports
    (chat_id, reply_to, summary) = reports[-1]
    assert (chat_id, reply_to, summary.get("sent")) == (7, 70, 3)
    assert summary.get("uncertain", 0) == uncertain_rows


# -- the ready queue -------------------------------------------------------------------------------
class FakeTime:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(0.05)  # what is being composed meanwhile is ready by then
        self.now += seconds


class WindowedSender(ScriptedSender):
    """Group ``GROUP`` takes one message per minute (its window); other chats any time.
    ``ready_in`` says when its window opens, as the rate limiter does."""

    GROUP = -900

    def __init__(self, time: FakeTime) -> None:
        super().__init__()
        self.time = time
        self.last: dict[int, float] = {}
        self.at: list[tuple[int, float]] = []

    def ready_in(self, chat_id: int) -> float:
        if chat_id != self.GROUP or chat_id not in self.last:
            return 0.0
        return max(0.0, self.last[chat_id] + 60 - self.time.now)

    async def send(self, chat_id: int, html: str) -> int:
        assert self.ready_in(chat_id) == 0, "sent before its window opened"
        self.last[chat_id] = self.time.now
        self.at.append((chat_id, self.time.now))
        return await super().send(chat_id, html)


async def test_a_message_waiting_for_its_window_holds_no_worker(store, running):
    """One worker; a busy group's three digests are queued first. The group's window lets
    one through per minute; the private chats' digests go meanwhile, not after it."""
    group = WindowedSender.GROUP
    for _ in range(3):
        make(store, chat_id=group, chat_type="group")
    for n in range(3):
        make(store, chat_id=700 + n)
    time = FakeTime()
    sender = WindowedSender(time)
    scheduler, _ = await running(datetime(2030, 1, 1, 9, 0, 5, tzinfo=UTC), sender=sender)
    scheduler.workers = 1
    scheduler.monotonic, scheduler.timer = time, time.sleep
    assert await scheduler.run_all_now() == 6
    await scheduler.drain()
    assert sender.at == [
        (group, 0.0),
        (700, 0.0),
        (701, 0.0),
        (702, 0.0),
        (group, 60.0),
        (group, 120.0),
    ]
