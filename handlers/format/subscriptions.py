"""Pure presentation of subscriptions for Telegram (HTML, every text escaped)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.digest.filters import describe
from bot.subscriptions.service import Listed
from bot.subscriptions.store import Subscription
from handlers.format.html import escape

SUBSCRIBE_USAGE = (
    "<b>订阅重点目标推送 / Subscribe to digests</b>\n"
    "/subscribe [筛选] [时间] [tz=时区] [quiet]\n"
    "例如 / e.g.:\n"
    "• <code>/subscribe</code>：每天 {time} 推送全部重点目标\n"
    "• <code>/subscribe GDP 就业 08:30</code>\n"
    "• <code>/subscribe region:山东 周一 09:00</code>\n"
    "• <code>/subscribe +科技 !房地产 cron 0 8 * * 1-5 tz=Europe/Berlin</code>\n"
    "筛选：关键词、+必含、!排除、indicator:、region:（含下辖地区）、doc:、kind:、"
    "confidence:all（也推送低可信度数据）。"
    "默认只推送上次以来的新内容；quiet：没有新内容时不发消息。"
)
GROUP_ADMINS_ONLY = (
    "只有本群管理员可以更改本群的订阅。\nOnly group administrators can change this group's "
    "subscriptions."
)
BOT_ADMINS_ONLY = "只有机器人管理员可以为频道订阅。\nOnly the bot's admins can subscribe channels."
CHANNEL_IN_PRIVATE = (
    "请在与机器人的私聊中为频道订阅。\nSubscribe channels from a private chat with the bot."
)
NO_SUBSCRIPTIONS = (
    "本聊天没有订阅。发送 /subscribe 开始订阅。\nNo subscriptions here yet: send /subscribe."
)
UNSUBSCRIBE_USAGE = "用法：/unsubscribe 编号 或 /unsubscribe all\nUsage: /unsubscribe ID | all"


def local_time(when: datetime | None, tz: str) -> str:
    if when is None:
        return "—"
    return when.astimezone(ZoneInfo(tz)).strftime("%Y-%m-%d %H:%M")


def _status(sub: Subscription) -> str:
    if not sub.active:
        return f"⛔ 已停用 / deactivated: {escape(sub.deactivated_reason or '')}"
    if sub.paused:
        return "⏸ 已暂停 / paused"
    return "✅"


def subscription_line(item: Listed, *, show_chat: bool = False) -> str:
    sub = item.subscription
    about = describe(sub.filter) or "全部重点目标 / all key targets"
    parts = [
        f"<b>#{sub.id}</b> {escape(about)}",
        f"  {escape(sub.schedule.describe())}（{escape(sub.timezone)}）"
        + ("，静默 quiet" if sub.quiet_when_empty else ""),
    ]
    if show_chat:
        title = sub.chat_title or ""
        parts.append(f"  {escape(sub.chat_type)} {sub.chat_id} {escape(title)}")
    status = _status(sub)
    if sub.due:
        parts.append(f"  下次 / next: {local_time(item.next_run, sub.timezone)} {status}")
    else:
        parts.append(f"  {status}")
    return "\n".join(parts)


def subscribed(item: Listed, *, where: str | None = None) -> str:
    sub = item.subscription
    about = describe(sub.filter) or "全部重点目标 / all key targets"
    target = f"（{escape(where)}）" if where else ""
    return (
        f"✅ 已订阅{target} <b>#{sub.id}</b>\n"
        f"内容 / filter: {escape(about)}\n"
        f"时间 / schedule: {escape(sub.schedule.describe())}（{escape(sub.timezone)}）\n"
        f"下次推送 / next: {local_time(item.next_run, sub.timezone)}\n"
        + ("没有新内容时不发消息 / silent when nothing is new\n" if sub.quiet_when_empty else "")
        + "取消 / cancel: /unsubscribe "
        + str(sub.id)
    )


def subscriptions_list(items: Sequence[Listed], *, heading: str, show_chat: bool = False) -> str:
    if not items:
        return NO_SUBSCRIPTIONS
    lines = [f"<b>{escape(heading)}</b>"]
    lines.extend(subscription_line(item, show_chat=show_chat) for item in items)
    return "\n\n".join(lines)


def unsubscribed(ids: Sequence[int]) -> str:
    if not ids:
        return NO_SUBSCRIPTIONS
    listed = "、".join(f"#{i}" for i in ids)
    return f"已取消订阅 {listed}。\nUnsubscribed {listed}."


def timezone_set(name: str, count: int) -> str:
    return (
        f"本聊天的时区已设为 {escape(name)}（{count} 个订阅）。\nTime zone set to {escape(name)}."
    )


def timezone_shown(name: str) -> str:
    return (
        f"本聊天的时区：{escape(name)}\nTime zone: {escape(name)}\n"
        "更改 / change: /timezone Asia/Shanghai"
    )


def channel_problem(channel: str, problem: str) -> str:
    return f"无法为频道 {escape(channel)} 订阅：{escape(problem)}"
