"""Pure presentation of subscriptions for Telegram (HTML, every text escaped)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.digest.filters import describe
from bot.subscriptions.reasons import reason_code
from bot.subscriptions.records import Subscription
from bot.subscriptions.schedule import Schedule
from bot.subscriptions.service import Listed
from handlers.format.html import escape
from handlers.i18n import DEFAULT_LANGUAGE, tr


def local_time(when: datetime | None, tz: str) -> str:
    if when is None:
        return "—"
    return when.astimezone(ZoneInfo(tz)).strftime("%Y-%m-%d %H:%M")


def usage(default_time: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """``/subscribe help`` (HTML)."""
    return tr(lang, "subscriptions.usage", time=escape(default_time))


def deactivation(reason: str | None, lang: str, unknown: str = "") -> str:
    """Why a subscription was deactivated, in ``lang`` when the stored reason states a
    known cause (Telegram's errors are English), else as stored (escaped)."""
    code = reason_code(reason)
    if code is not None:
        return tr(lang, f"subscriptions.reason.{code}")
    return escape(reason or unknown)


def _status(sub: Subscription, lang: str) -> str:
    if not sub.active:
        return tr(
            lang, "subscriptions.deactivated", reason=deactivation(sub.deactivated_reason, lang)
        )
    if sub.paused:
        return tr(lang, "subscriptions.paused")
    return "✅"


def _about(sub: Subscription, lang: str) -> str:
    return describe(sub.filter, lang) or tr(lang, "subscriptions.all_targets")


# A filter is shown whole up to this many characters in lists and confirmations; a longer
# one is cut there, its length and the command that shows it whole said after it.
SHORT_FILTER = 60


def _about_short(sub: Subscription, lang: str, channel: str | None = None) -> str:
    """The filter (HTML), cut to :data:`SHORT_FILTER` characters when longer."""
    about = _about(sub, lang)
    if len(about) <= SHORT_FILTER:
        return escape(about)
    command = f"/subscriptions {channel} {sub.id}" if channel else f"/subscriptions {sub.id}"
    return tr(
        lang,
        "subscriptions.long.filter_cut",
        start=escape(about[:SHORT_FILTER].rstrip()),
        length=len(about),
        command=escape(command),
    )


def subscription_line(
    item: Listed,
    *,
    show_chat: bool = False,
    lang: str = DEFAULT_LANGUAGE,
    channel: str | None = None,
) -> str:
    sub = item.subscription
    schedule = tr(
        lang,
        "subscriptions.schedule",
        schedule=escape(sub.schedule.describe(lang)),
        timezone=escape(sub.timezone),
    )
    parts = [
        f"<b>#{sub.id}</b> {_about_short(sub, lang, channel)}",
        f"  {schedule}" + (tr(lang, "subscriptions.quiet") if sub.quiet_when_empty else ""),
    ]
    if show_chat:
        title = sub.chat_title or ""
        parts.append(f"  {escape(sub.chat_type)} {sub.chat_id} {escape(title)}")
    if item.topic is not None:
        parts.append(f"  {topic_line(item.topic, lang)}")
    status = _status(sub, lang)
    if sub.due:
        when = local_time(item.next_run, sub.timezone)
        parts.append(f"  {tr(lang, 'subscriptions.next', when=when)} {status}")
    else:
        parts.append(f"  {status}")
    if sub.last_delivered_at is not None:
        # what was delivered, and when: the chat's history is the only other record
        when = local_time(sub.last_delivered_at, sub.timezone)
        parts.append(f"  {tr(lang, 'subscriptions.last', when=when)}")
    return "\n".join(parts)


def topic_line(topic: tuple[int, str | None], lang: str) -> str:
    """Which forum topic a subscription's digests are posted in: its name, else its number."""
    thread, name = topic
    if name:
        return tr(lang, "subscriptions.topic", topic=escape(name))
    return tr(lang, "subscriptions.topic_unnamed", thread=thread)


def _closing_lines(sub: Subscription, channel: str | None, lang: str) -> list[str]:
    """The lines a subscription's confirmation and details end with: whether an empty
    digest is skipped, and how to cancel it (from the channel's admin chat: with it)."""
    lines = [tr(lang, "subscriptions.silent")] if sub.quiet_when_empty else []
    if channel:
        lines.append(tr(lang, "subscriptions.cancel_channel", channel=escape(channel), id=sub.id))
    else:
        lines.append(tr(lang, "subscriptions.cancel", id=sub.id))
    return lines


def subscribed(
    item: Listed,
    *,
    where: str | None = None,
    channel: str | None = None,
    lang: str = DEFAULT_LANGUAGE,
) -> str:
    """The confirmation of a subscription; ``channel``: the channel as typed (``@name``),
    which the commands about it from the private chat need."""
    sub = item.subscription
    target = tr(lang, "subscriptions.where", where=escape(where)) if where else ""
    lines = [
        tr(lang, "subscriptions.subscribed", where=target, id=sub.id),
        tr(lang, "subscriptions.filter", filter=_about_short(sub, lang, channel)),
        tr(
            lang,
            "subscriptions.schedule_line",
            schedule=escape(sub.schedule.describe(lang)),
            timezone=escape(sub.timezone),
        ),
        tr(lang, "subscriptions.next_line", when=local_time(item.next_run, sub.timezone)),
    ]
    if item.topic is not None:
        lines.append(topic_line(item.topic, lang))
    return "\n".join([*lines, *_closing_lines(sub, channel, lang)])


def same_content(
    twins: list[Subscription], *, channel: str | None = None, lang: str = DEFAULT_LANGUAGE
) -> str:
    """The chat's other subscriptions to the same filter on another schedule: both run."""
    shown = "、" if lang == "zh" else ", "
    ids = " ".join(str(t.id) for t in twins)
    return escape(
        tr(
            lang,
            "subscriptions.same_content",
            subs=shown.join(
                f"#{t.id}（{t.schedule.describe(lang)}）"
                if lang == "zh"
                else f"#{t.id} ({t.schedule.describe(lang)})"
                for t in twins
            ),
            unsubscribe=f"/unsubscribe {channel} {ids}" if channel else f"/unsubscribe {ids}",
        )
    )


def subscription_details(
    item: Listed, *, channel: str | None = None, lang: str = DEFAULT_LANGUAGE
) -> str:
    """One subscription asked for by its number (``/subscriptions ID``): its filter whole."""
    sub = item.subscription
    lines = [
        f"<b>#{sub.id}</b> {_status(sub, lang)}",
        tr(lang, "subscriptions.filter", filter=escape(_about(sub, lang))),
        tr(
            lang,
            "subscriptions.schedule_line",
            schedule=escape(sub.schedule.describe(lang)),
            timezone=escape(sub.timezone),
        ),
    ]
    if sub.due:
        lines.append(
            tr(lang, "subscriptions.next_line", when=local_time(item.next_run, sub.timezone))
        )
    return "\n".join([*lines, *_closing_lines(sub, channel, lang)])


def subscriptions_list(
    items: Sequence[Listed],
    *,
    heading: str,
    show_chat: bool = False,
    lang: str = DEFAULT_LANGUAGE,
    channel: str | None = None,
) -> str:
    if not items:
        return tr(lang, "subscriptions.none")
    lines = [f"<b>{escape(heading)}</b>"]
    lines.extend(
        subscription_line(item, show_chat=show_chat, lang=lang, channel=channel) for item in items
    )
    if not show_chat and any(not item.subscription.active for item in items):
        lines.append(tr(lang, "subscriptions.deactivated_hint"))
    return "\n\n".join(lines)


def channels_subscribed(
    channels: Sequence[tuple[int, str | None, int]], lang: str = DEFAULT_LANGUAGE
) -> str:
    """The channels a bot admin subscribed from the private chat, each with the command
    that lists its subscriptions (``/subscriptions <id>``, which works as typed)."""
    lines = [tr(lang, "subscriptions.channels_heading")]
    for chat_id, title, count in channels:
        lines.append(
            tr(
                lang,
                "subscriptions.channel_line",
                title=escape(title or str(chat_id)),
                count=count,
                command=f"/subscriptions {chat_id}",
            )
        )
    return "\n".join(lines)


def unsubscribed(ids: Sequence[int], lang: str = DEFAULT_LANGUAGE) -> str:
    if not ids:
        return tr(lang, "subscriptions.none")
    listed = tr(lang, "common.list_sep").join(f"#{i}" for i in ids)
    return tr(lang, "subscriptions.unsubscribed", ids=listed)


def paused(
    ids: Sequence[int], *, pause: bool, lang: str = DEFAULT_LANGUAGE, channel: str | None = None
) -> str:
    """``/pause 1 2`` or ``/resume 1``: what changed (the chat has none: say so); of
    ``channel`` (as typed: ``@name``), the resume command names it."""
    if not ids:
        return tr(lang, "subscriptions.none")
    listed = tr(lang, "common.list_sep").join(f"#{i}" for i in ids)
    if pause:
        # every one paused: "/resume 1" after /pause all of three resumed one (user-trial16)
        numbers = " ".join(str(i) for i in ids)
        first = f"{channel} {numbers}" if channel else numbers
        return tr(lang, "subscriptions.paused_now", ids=listed, first=first)
    return tr(lang, "subscriptions.resumed_now", ids=listed)


def rescheduled(item: Listed, old: Schedule, *, lang: str = DEFAULT_LANGUAGE) -> str:
    """``/reschedule 1 每周五 17:00``: the subscription's new time, the one it had, and its
    next digest."""
    sub = item.subscription
    lines = [
        tr(
            lang,
            "subscriptions.rescheduled",
            id=sub.id,
            schedule=escape(sub.schedule.describe(lang)),
            timezone=escape(sub.timezone),
            old=escape(old.describe(lang)),
        ),
        tr(lang, "subscriptions.next_line", when=local_time(item.next_run, sub.timezone)),
    ]
    return "\n".join(lines)


def timezone_set(
    name: str, count: int, lang: str = DEFAULT_LANGUAGE, *, channel: str | None = None
) -> str:
    """The time zone set for this chat, or for ``channel`` (as typed: ``@name``)."""
    if channel:
        return tr(
            lang,
            "subscriptions.timezone_set_channel",
            name=escape(name),
            count=count,
            channel=escape(channel),
        )
    return tr(lang, "subscriptions.timezone_set", name=escape(name), count=count)


def timezone_shown(name: str, lang: str = DEFAULT_LANGUAGE, *, channel: str | None = None) -> str:
    if channel:
        return tr(
            lang, "subscriptions.timezone_shown_channel", name=escape(name), channel=escape(channel)
        )
    return tr(lang, "subscriptions.timezone_shown", name=escape(name))


def channel_problem(channel: str, problem: str, lang: str = DEFAULT_LANGUAGE) -> str:
    return tr(
        lang, "subscriptions.channel_problem", channel=escape(channel), problem=escape(problem)
    )
