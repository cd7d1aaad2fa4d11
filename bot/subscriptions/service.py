"""The subscription use cases, free of Telegram: what ``/subscribe`` and friends do.

Handlers check who may act (Telegram calls) and format replies; everything else, from
reading the arguments to keeping the scheduler in step with the database, is here,
so the command line and tests use the same code.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from bot.config import Settings
from bot.digest.filters import FilterError, names_document
from bot.errors import CodedError
from bot.i18n import counted
from bot.models import DocumentInfo
from bot.subscriptions.commands import (
    RescheduleRequest,
    SubscribeRequest,
    parse_reschedule,
    parse_subscribe,
    subscription_ids,
)
from bot.subscriptions.reasons import reason_code
from bot.subscriptions.records import AlreadySubscribed, Subscription, TooManySubscriptions
from bot.subscriptions.schedule import Schedule, ScheduleError, check_timezone
from bot.subscriptions.store import SubscriptionStore

MAX_PER_CHAT = 20
"""Subscriptions one chat may have: enough for any real use, a bound against abuse."""


@dataclass(frozen=True)
class ByNumber:
    """What a change to a chat's subscriptions by number did (:meth:`SubscriptionService.
    unsubscribe`, :meth:`~SubscriptionService.pause_in_chat`): the subscriptions removed,
    paused or resumed (``ids``, in the order typed; all the chat's for ``all``) and the
    numbers typed that are not the chat's (``not_found``, in the order typed), which the
    interface lists after."""

    ids: tuple[int, ...]
    not_found: tuple[int, ...] = ()


class SubscriptionError(CodedError):
    """A request that cannot be done; the message is meant for the user (zh + en),
    ``code`` (``subscription.…``, or the ``schedule.…`` / ``filter.…`` code of the error
    it wraps) and ``params`` for interfaces that translate."""


class SchedulerLike(Protocol):
    """``bot.subscriptions.scheduler.DigestScheduler``: ``schedule`` adds or replaces a
    subscription's job and removes it when the subscription is not due."""

    def schedule(self, sub: Subscription) -> datetime | None: ...
    def unschedule(self, subscription_id: int) -> None: ...
    def resync_chat(self, chat_id: int) -> None: ...
    def next_run(self, subscription_id: int) -> datetime | None: ...


def _too_many(limit: int) -> SubscriptionError:
    return SubscriptionError(
        f"每个聊天最多 {limit} 个订阅，请先用 /unsubscribe 取消一些。\n"
        f"A chat can have at most {counted(limit, 'subscription')}; remove some first.",
        "subscription.too_many",
        limit=limit,
    )


def _duplicate(existing: int) -> SubscriptionError:
    return SubscriptionError(
        f"已有相同的订阅 #{existing}。\nThis chat already has that subscription (#{existing}).",
        "subscription.duplicate",
        id=existing,
    )


@dataclass(frozen=True, slots=True)
class Listed:
    subscription: Subscription
    next_run: datetime | None
    # the forum topic its digests go to (thread id, and name when known); None: the chat's
    # main thread
    topic: tuple[int, str | None] | None = None


class SubscriptionService:
    """Subscribe, list, unsubscribe, time zones, and chats that went away or moved."""

    def __init__(
        self,
        store: SubscriptionStore,
        settings: Callable[[], Settings],
        scheduler: SchedulerLike | None = None,
    ) -> None:
        self.store = store
        self.settings = settings
        self.scheduler = scheduler

    # -- requests -------------------------------------------------------------------------------
    def parse(self, args_text: str) -> SubscribeRequest:
        try:
            return parse_subscribe(args_text, default_time=self.settings().default_digest_time)
        except (ScheduleError, FilterError) as exc:
            raise SubscriptionError(str(exc)).coded_as(exc) from None

    def parse_reschedule(self, args_text: str) -> RescheduleRequest:
        try:
            return parse_reschedule(args_text, default_time=self.settings().default_digest_time)
        except ScheduleError as exc:
            raise SubscriptionError(str(exc)).coded_as(exc) from None

    def chat_timezone(self, chat_id: int) -> str:
        """The time zone the chat chose with ``/timezone``, else the one its newest
        subscription uses (a chat that never chose, or chose before the zone was kept on
        its own), else the default."""
        if chosen := self.store.chosen_timezone(chat_id):
            return chosen
        subs = self.store.list_for_chat(chat_id)
        return subs[-1].timezone if subs else self.settings().default_timezone

    def subscribe(
        self,
        chat_id: int,
        chat_type: str,
        chat_title: str | None,
        user_id: int | None,
        request: SubscribeRequest,
    ) -> Listed:
        existing = self.store.list_for_chat(chat_id)
        if len(existing) >= MAX_PER_CHAT:
            raise _too_many(MAX_PER_CHAT)
        topics = self.store.topics_in_chat(chat_id) if chat_type == "supergroup" else {}
        for sub in existing:
            if sub.filter_text != request.filter_text or sub.schedule != request.schedule:
                continue
            if topics.get(sub.id, (None, None))[0] != request.thread_id:
                continue  # the same digest for another topic of the forum is another one
            if not sub.active and self._comes_back(sub, request):
                # The chat blocked or removed the bot, then came back and asked again: the
                # same subscription is reactivated (its last digest kept), not doubled.
                self.store.reactivate(sub.id)
                updated = self._get(sub.id)
                return Listed(updated, self._schedule(updated), topics.get(sub.id))
            if sub.active:
                raise _duplicate(sub.id)
        if request.timezone is not None and existing and not self.store.chosen_timezone(chat_id):
            # The chat's zone is, failing a /timezone, its newest subscription's: a zone
            # given to a later one (tz=Europe/Berlin for a correspondent's weekly) then
            # moved every subscription after it there (user-trial15). The chat's zone as
            # it stands is kept as its own first. A zone given to the chat's first
            # subscription still says where the chat is (its next ones follow it).
            self.store.keep_timezone(chat_id, self.chat_timezone(chat_id))
        timezone = request.timezone or self.chat_timezone(chat_id)
        try:  # checked again as it is inserted: the same request may be made twice at once
            sub = self.store.create(
                chat_id,
                chat_type,
                chat_title,
                user_id,
                request.filter_text,
                request.schedule,
                timezone,
                quiet_when_empty=request.quiet,
                only_new=True,
                limit=MAX_PER_CHAT,
                thread_id=request.thread_id,
                topic_name=request.topic_name,
            )
        except AlreadySubscribed as exc:
            raise _duplicate(exc.existing) from None
        except TooManySubscriptions as exc:
            raise _too_many(exc.limit) from None
        topic = (request.thread_id, request.topic_name) if request.thread_id else None
        return Listed(sub, self._schedule(sub), topic)

    @staticmethod
    def _comes_back(sub: Subscription, request: SubscribeRequest) -> bool:
        """Whether ``request`` asks again for the deactivated ``sub`` (its time zone, if
        one is given, and its quiet option the same)."""
        same_zone = request.timezone is None or request.timezone == sub.timezone
        return same_zone and sub.quiet_when_empty == request.quiet

    def same_content(self, sub: Subscription) -> list[Subscription]:
        """The chat's other due subscriptions to the same filter (its words in any order)
        on another schedule: a chat that "changed the time" by subscribing again got the
        same digest twice a week (user-trial16), the old schedule still running."""
        words = sorted(sub.filter_text.split())
        return [
            other
            for other in self.store.list_for_chat(sub.chat_id)
            if other.id != sub.id and other.due and sorted(other.filter_text.split()) == words
        ]

    def list(self, chat_id: int) -> list[Listed]:
        subs = self.store.list_for_chat(chat_id)
        supergroup = any(s.chat_type == "supergroup" for s in subs)
        topics = self.store.topics_in_chat(chat_id) if supergroup else {}
        return [Listed(s, self._next_run(s), topics.get(s.id)) for s in subs]

    def channels_by(self, user_id: int) -> list[tuple[int, str | None, int]]:
        """The channels ``user_id`` subscribed from a private chat: each channel's id, title
        and number of subscriptions, in the order they were first subscribed."""
        found: dict[int, tuple[str | None, int]] = {}
        for sub in self.store.list_channels_by(user_id):
            title, count = found.get(sub.chat_id, (sub.chat_title, 0))
            found[sub.chat_id] = (title, count + 1)
        return [(chat_id, title, count) for chat_id, (title, count) in found.items()]

    def channel_of(self, subscription_id: int, user_id: int) -> tuple[int, str | None] | None:
        """The channel (id, title) that subscription ``subscription_id`` is of, when
        ``user_id`` made it from their private chat; else None (another chat's numbers
        are never said). ``/subscriptions 1`` in the private chat answered "本聊天没有订阅
        #1" about the channel's #1 its admin had just made there."""
        sub = self.store.get(subscription_id)
        if sub is None or sub.chat_type != "channel" or sub.created_by != user_id:
            return None
        return sub.chat_id, sub.chat_title

    def list_all(self) -> list[Listed]:
        return [Listed(s, self._next_run(s)) for s in self.store.list_all()]

    def unsubscribe(self, chat_id: int, arg: str) -> ByNumber:
        """Remove ``#id`` / ``id`` (or several: ``1 2``, ``1,2``) or ``all`` of the chat's
        subscriptions: what was removed, and the numbers typed that are not the chat's
        (the interface says so); when none is the chat's, nothing is removed and the
        first is refused."""
        wanted = _numbers_typed(
            arg,
            SubscriptionError(
                "用法：/unsubscribe 编号 或 /unsubscribe all\nUsage: /unsubscribe ID | all",
                "subscription.unsubscribe_usage",
            ),
        )
        if wanted is None:
            ids = [s.id for s in self.store.list_for_chat(chat_id)]
            self.store.remove_all(chat_id)
            missing: list[int] = []
        else:
            ids = [i for i in wanted if self.store.remove(chat_id, i)]  # False out of range too
            if not ids:
                raise _not_in_chat(wanted[0])
            missing = [i for i in wanted if i not in ids]
        for sub_id in ids:
            self._unschedule(sub_id)
        return ByNumber(tuple(ids), tuple(missing))

    def pause_in_chat(self, chat_id: int, arg: str, *, pause: bool = True) -> ByNumber:
        """Pause (or resume) ``#id`` / ``id`` (or several: ``1 2``) or ``all`` of the chat's
        own subscriptions; the ids changed, read as :meth:`unsubscribe` reads them (numbers
        not the chat's left out, refused when none is). Before it a chat could only cancel
        a subscription, its filter and history lost, to stop digests for a while. A
        deactivated one is not resumed here: the same /subscribe again gets it back."""
        subs = {s.id: s for s in self.store.list_for_chat(chat_id)}
        typed = _numbers_typed(
            arg,
            SubscriptionError(
                "用法：/pause 编号 或 /pause all；/resume 编号 或 /resume all\n"
                "Usage: /pause ID | all; /resume ID | all",
                "subscription.pause_usage",
            ),
        )
        wanted = list(subs) if typed is None else typed
        ids = [i for i in wanted if i in subs]
        if wanted and not ids:
            raise _not_in_chat(wanted[0])
        for sub_id in ids:
            if pause:
                self.store.pause(sub_id, chat_id=chat_id)
            else:
                self.store.resume(sub_id, chat_id=chat_id)
            self._schedule(self._get(sub_id))
        return ByNumber(tuple(ids), tuple(i for i in wanted if i not in subs))

    def reschedule(self, chat_id: int, request: RescheduleRequest) -> tuple[Listed, Schedule]:
        """Move the chat's subscription ``request.id`` to another time, its filter, topic and
        history kept: (the subscription as it is now, the schedule it had). Changing a time
        took a second /subscribe and an /unsubscribe of the first (its history lost), and
        ``/schedule 1 08:00`` was answered with "did you mean /subscribe 1 08:00", which
        subscribes to the keyword 1 (admin-trial19). Refused when the chat has no such
        subscription, or another one to the same filter at that time already."""
        subs = {s.id: s for s in self.store.list_for_chat(chat_id)}
        sub = subs.get(request.id)
        if sub is None:
            raise _not_in_chat(request.id)
        topics = self.store.topics_in_chat(chat_id) if sub.chat_type == "supergroup" else {}
        for other in subs.values():
            same = (other.filter_text, other.schedule) == (sub.filter_text, request.schedule)
            here = topics.get(other.id, (None,))[0] == topics.get(sub.id, (None,))[0]
            if other.id != sub.id and other.due and same and here:
                raise _duplicate(other.id)
        self.store.set_schedule(sub.id, chat_id, request.schedule, request.timezone)
        updated = self._get(sub.id)
        return Listed(updated, self._schedule(updated), topics.get(sub.id)), sub.schedule

    def naming_document(self, doc: DocumentInfo) -> list[Subscription]:
        """The subscriptions (running or paused) whose ``doc:`` names ``doc``: what
        ``/remove`` says before it, as they will have nothing from it after."""
        return [s for s in self.store.list_all() if s.active and names_document(s.filter, doc)]

    def set_timezone(self, chat_id: int, timezone: str) -> tuple[str, int]:
        """Move the chat's subscriptions to ``timezone``: (canonical name, how many)."""
        try:
            name = check_timezone(timezone)
        except ScheduleError as exc:
            raise SubscriptionError(str(exc)).coded_as(exc) from None
        count = self.store.set_timezone(chat_id, name)
        self.resync(chat_id)
        return name, count

    # -- admin operations (any chat) ------------------------------------------------------------
    def pause(self, subscription_id: int) -> Subscription:
        return self._toggle(subscription_id, pause=True)

    def resume(self, subscription_id: int) -> Subscription:
        """Resume a paused subscription, or reactivate one that was deactivated."""
        return self._toggle(subscription_id, pause=False)

    def remove(self, subscription_id: int) -> Subscription:
        sub = self._get(subscription_id)
        self.store.remove(sub.chat_id, sub.id)
        self._unschedule(sub.id)
        return sub

    # -- chats going away or moving -------------------------------------------------------------
    def chat_removed(self, chat_id: int, reason: str) -> int:
        """The bot was removed (or lost the right to post): deactivate at once."""
        count = self.store.deactivate_chat(chat_id, reason)
        self.resync(chat_id)
        return count

    def chat_returned(self, chat_id: int) -> list[Subscription]:
        """The bot was added back to a group it had been removed from: the subscriptions
        stopped because of that removal run again, as they were (the group's lead added it
        back and the digests never came: ``group-trial17``); the ones stopped for another
        reason, and the paused ones, stay as they are. Returns those restarted."""
        back = [
            sub
            for sub in self.store.list_for_chat(chat_id)
            if not sub.active and reason_code(sub.deactivated_reason) == "removed"
        ]
        for sub in back:
            self.store.reactivate(sub.id)
            self._schedule(self._get(sub.id))
        return [self._get(sub.id) for sub in back]

    def chat_migrated(self, old_chat_id: int, new_chat_id: int) -> int:
        """A group became a supergroup with a new id: its subscriptions follow it."""
        count = self.store.migrate_chat(old_chat_id, new_chat_id)
        self.resync(new_chat_id)
        return count

    def resync(self, chat_id: int) -> None:
        if self.scheduler is not None:
            self.scheduler.resync_chat(chat_id)

    # -- internals ------------------------------------------------------------------------------
    def _get(self, subscription_id: int) -> Subscription:
        sub = self.store.get(subscription_id)
        if sub is None:
            raise SubscriptionError(
                f"没有订阅 #{subscription_id}。\nNo subscription #{subscription_id}.",
                "subscription.not_found",
                id=subscription_id,
            )
        return sub

    def _toggle(self, subscription_id: int, *, pause: bool) -> Subscription:
        sub = self._get(subscription_id)
        if pause:
            self.store.pause(sub.id)
        else:
            self.store.resume(sub.id)
            if not sub.active:
                self.store.reactivate(sub.id)
        updated = self._get(subscription_id)
        self._schedule(updated)
        return updated

    def _schedule(self, sub: Subscription) -> datetime | None:
        return None if self.scheduler is None else self.scheduler.schedule(sub)

    def _unschedule(self, subscription_id: int) -> None:
        if self.scheduler is not None:
            self.scheduler.unschedule(subscription_id)

    def _next_run(self, sub: Subscription) -> datetime | None:
        if self.scheduler is None or not sub.due:
            return None
        return self.scheduler.next_run(sub.id)


def _numbers_typed(arg: str, usage: SubscriptionError) -> list[int] | None:
    """The subscription numbers of ``/unsubscribe`` or ``/pause`` (``1 2``, ``#1、#2``:
    each once, in the order typed), ``None`` for ``all`` (全部); ``usage`` raised for
    anything else."""
    arg = arg.strip()
    if arg.lstrip("#").lower() in ("all", "全部"):
        return None
    wanted = subscription_ids(arg)
    if wanted is None:
        raise usage
    return wanted


def _not_in_chat(sub_id: int) -> SubscriptionError:
    """A number typed that is none of the chat's subscriptions (the first, when none is)."""
    return SubscriptionError(
        f"本聊天没有订阅 #{sub_id}。发送 /subscriptions 查看。\n"
        f"This chat has no subscription #{sub_id}; see /subscriptions.",
        "subscription.not_in_chat",
        id=sub_id,
    )
