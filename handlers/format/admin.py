"""Pure presentation of the admin commands for Telegram (HTML, every text escaped).

``handlers/admin.py`` checks who may act and calls the core (``bot.admin``, the
subscription service, the scheduler); what it sends is built here, from plain values,
so the formatting is testable without Telegram.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.admin import RUNTIME_KEYS, Admin, AuditEntry, SettingView
from bot.digest.filters import describe as describe_filter
from bot.subscriptions.service import Listed
from bot.subscriptions.store import Delivery, Subscription
from handlers.format.html import escape
from handlers.i18n import DEFAULT_LANGUAGE, tr

# The admins' own command menu, shown after the public commands in an admin's private
# chat (BotCommandScopeChat); each is described by the catalogue's ``menu.<command>``.
ADMIN_COMMANDS: tuple[str, ...] = (
    "status",
    "config",
    "subs",
    "broadcast_digest",
    "audit",
    "remove",
    "reindex",
    "admin",
)

AUDIT_DEFAULT = 20
AUDIT_MAX = 100
DETAIL_SHOWN = 300
ERROR_SHOWN = 200

ADMIN_USAGE = (
    "用法 / usage:\n"
    "/admin list — 所有者和管理员 / owners and admins\n"
    "/admin add 123456789 | @username | （回复某人的消息 / reply to their message）\n"
    "/admin remove 123456789 | @username | （回复 / reply）\n"
    "/admin help — 全部管理命令 / all admin commands"
)
CONFIG_USAGE = (
    "用法 / usage:\n"
    "/config — 当前设置及其来源 / the settings and where each comes from\n"
    "/config set 键 值 / KEY VALUE — 例如 / e.g. /config set results_per_page 8\n"
    "/config reset 键 / KEY — 恢复为配置文件或环境变量的值 / back to the configured value"
)
SUBS_USAGE = (
    "用法 / usage:\n"
    "/subs — 全部订阅 / all subscriptions\n"
    "/subs pause 编号 | resume 编号 | remove 编号 / pause ID | resume ID | remove ID"
)
AUDIT_USAGE = f"用法 / usage: /audit [条数 / n]（默认 {AUDIT_DEFAULT}，最多 {AUDIT_MAX}）"
NO_SUBSCRIPTIONS = "还没有任何订阅。\nNo subscriptions yet."
NO_AUDIT = "操作记录为空。\nThe audit log is empty."


def _when(at: datetime | None, tz: str) -> str:
    if at is None:
        return "—"
    return at.astimezone(ZoneInfo(tz)).strftime("%Y-%m-%d %H:%M")


def admin_help_html(lang: str = DEFAULT_LANGUAGE) -> str:
    """The admin section of /help (also ``/admin help``)."""
    return tr(lang, "help.admin")


# -- /admin ------------------------------------------------------------------------------------
def admins_list(admins: Sequence[Admin], tz: str) -> str:
    lines = ["<b>所有者与管理员 / Owners and admins</b>"]
    for admin in admins:
        if admin.is_owner:
            lines.append(f"👑 {escape(admin.label)} — 所有者 / owner")
        else:
            by = f"，由 / by {admin.added_by}" if admin.added_by is not None else ""
            lines.append(
                f"• {escape(admin.label)} — 管理员 / admin（{_when(admin.added_at, tz)}{by}）"
            )
    if len(lines) == 1:
        lines.append("（无 / none）")
    return "\n".join(lines)


def admin_added(admin: Admin, *, already: bool) -> str:
    label = escape(admin.label)
    if admin.is_owner:
        return f"{label} 是所有者，已有全部权限。\n{label} is an owner and already an admin."
    if already:
        return f"{label} 已经是管理员。\n{label} is already an admin."
    return f"✅ 已添加管理员 {label}。\n{label} is now an admin."


def admin_removed(label: str) -> str:
    return f"✅ 已移除管理员 {escape(label)}。\n{escape(label)} is no longer an admin."


def not_an_admin(label: str) -> str:
    return f"{escape(label)} 不是管理员。\n{escape(label)} is not an admin."


def unknown_username(name: str) -> str:
    shown = escape(name.removeprefix("@")[:64])
    return (
        f"不认识用户 @{shown}：机器人只认识给它发过消息的用户。"
        "请改用数字用户 id，或回复此人的消息发送命令。\n"
        f"Unknown user @{shown}: the bot only knows people who have written to it. "
        "Use the numeric user id, or send the command as a reply to one of their messages."
    )


def bad_user_ref(text: str) -> str:
    shown = escape(text[:64])
    return (
        f"“{shown}”不是用户 id 或 @用户名。\n{shown} is neither a user id nor an @username.\n\n"
        + escape(ADMIN_USAGE)
    )


BOTS_CANNOT_BE_ADMINS = "机器人不能成为管理员。\nBots cannot be admins."


# -- /audit ------------------------------------------------------------------------------------
_RESULT_MARK = {"ok": "✅", "refused": "⛔", "error": "⚠️"}


def audit_list(entries: Sequence[AuditEntry], tz: str) -> str:
    if not entries:
        return NO_AUDIT
    lines = [f"<b>最近 {len(entries)} 条操作记录 / Latest audit entries</b>（{escape(tz)}）"]
    for entry in entries:
        mark = _RESULT_MARK.get(entry.result, "•")
        where = f" · chat {entry.chat_id}" if entry.chat_id is not None else ""
        detail = entry.detail
        if len(detail) > DETAIL_SHOWN:
            detail = detail[: DETAIL_SHOWN - 1] + "…"
        head = (
            f"{mark} <code>{_when(entry.at, tz)}</code> user {entry.actor_id}{where} · "
            f"<b>{escape(entry.action)}</b> · {escape(entry.result)}"
        )
        lines.append(head + (f"\n    {escape(detail)}" if detail else ""))
    return "\n".join(lines)


# -- /config -----------------------------------------------------------------------------------
def _source(view: SettingView, tz: str) -> str:
    if view.updated_by is not None or view.updated_at is not None:
        who = f" {view.updated_by}" if view.updated_by is not None else ""
        return f"{view.source}{who}, {_when(view.updated_at, tz)}"
    if view.origin:
        return f"{view.source}: {view.origin}"
    return view.source


def _setting_line(view: SettingView, tz: str) -> str:
    mark = "✏️" if view.settable else "•"
    return (
        f"{mark} <code>{escape(view.key)}</code> = <code>{escape(view.value)}</code>"
        f" <i>({escape(_source(view, tz))})</i>"
    )


def config_html(views: Sequence[SettingView], tz: str, *, full: bool) -> str:
    """Every setting (``full``) or only the runtime ones (in groups), with sources."""
    settable = [v for v in views if v.settable]
    lines = [
        "<b>设置 / Settings</b>（✏️ 可用 /config set 修改 / settable from the chat）",
        "优先级 / precedence: default file &lt; BRIEFBOT_CONFIG file &lt; environment "
        "&lt; chat command",
        "",
    ]
    lines += [_setting_line(v, tz) for v in settable]
    if full:
        lines.append("")
        lines.append("<b>仅能通过配置文件或环境变量修改 / Configuration only</b>")
        lines += [_setting_line(v, tz) for v in views if not v.settable]
    else:
        lines.append("")
        lines.append("<i>群组中只显示可修改的设置；完整列表请在私聊中发送 /config。</i>")
        lines.append(
            "<i>Groups see the settable settings only: send /config privately for all.</i>"
        )
    return "\n".join(lines)


def config_set(view: SettingView, old: str) -> str:
    key, new = escape(view.key), escape(view.value)
    what = RUNTIME_KEYS.get(view.key, ("", ""))
    return (
        f"✅ <code>{key}</code>: <code>{escape(old)}</code> → <code>{new}</code>"
        f"（{escape(what[0])} / {escape(what[1])}）\n"
        "已保存并立即生效，无需重启。\nSaved; in effect now, no restart needed."
    )


def config_reset(view: SettingView, *, removed: bool, tz: str) -> str:
    key, value = escape(view.key), escape(view.value)
    source = escape(_source(view, tz))
    if not removed:
        return (
            f"<code>{key}</code> 没有通过聊天修改过，仍为 <code>{value}</code>（{source}）。\n"
            f"{key} had no chat override; it stays {value} ({source})."
        )
    return (
        f"✅ <code>{key}</code> 已恢复为 <code>{value}</code>（{source}）。\n"
        f"{key} is back to {value} ({source})."
    )


def setting_error(message: str) -> str:
    return "⚠️ " + escape(message)


# -- /subs -------------------------------------------------------------------------------------
def sub_status(sub: Subscription) -> str:
    if not sub.active:
        reason = sub.deactivated_reason or "—"
        return f"⛔ 已停用 / deactivated（{escape(reason)}）"
    if sub.paused:
        return "⏸ 已暂停 / paused"
    return "✅ 正常 / active"


def status_counts(subs: Sequence[Subscription]) -> dict[str, int]:
    counts = {"active": 0, "paused": 0, "deactivated": 0}
    for sub in subs:
        if not sub.active:
            counts["deactivated"] += 1
        elif sub.paused:
            counts["paused"] += 1
        else:
            counts["active"] += 1
    return counts


def _counts_text(counts: Mapping[str, int]) -> str:
    return (
        f"正常 / active {counts.get('active', 0)} · 暂停 / paused {counts.get('paused', 0)} · "
        f"停用 / deactivated {counts.get('deactivated', 0)}"
    )


def sub_line(item: Listed) -> str:
    sub = item.subscription
    about = describe_filter(sub.filter) or "全部重点目标 / all key targets"
    title = f" {sub.chat_title}" if sub.chat_title else ""
    lines = [
        f"<b>#{sub.id}</b> {sub_status(sub)}",
        f"  {escape(sub.chat_type)} <code>{sub.chat_id}</code>{escape(title)}",
        f"  {escape(about)} · {escape(sub.schedule.describe())}（{escape(sub.timezone)}）"
        + (" · quiet" if sub.quiet_when_empty else ""),
    ]
    if sub.due:
        lines.append(f"  下次 / next: {_when(item.next_run, sub.timezone)}")
    return "\n".join(lines)


def subs_all(items: Sequence[Listed]) -> str:
    if not items:
        return NO_SUBSCRIPTIONS
    counts = status_counts([item.subscription for item in items])
    head = f"<b>全部订阅 / All subscriptions</b>（{len(items)}）\n{_counts_text(counts)}"
    return "\n\n".join([head, *(sub_line(item) for item in items)])


def sub_changed(action: str, item: Listed) -> str:
    done = {
        "pause": "已暂停 / paused",
        "resume": "已恢复 / resumed",
        "remove": "已删除 / removed",
    }[action]
    if action == "remove":
        sub = item.subscription
        return f"✅ 订阅 #{sub.id}（chat <code>{sub.chat_id}</code>）{done}。"
    return f"✅ {done}\n\n{sub_line(item)}"


# -- /broadcast_digest -------------------------------------------------------------------------
def broadcast_queued(count: int) -> str:
    if not count:
        return (
            "没有需要推送的订阅（或本分钟已推送过）。\n"
            "No digest was queued (none due, or already queued this minute)."
        )
    return (
        f"📤 已排队 {count} 份推送，完成后会报告结果。\n"
        f"{count} digest(s) queued; a summary follows when they are done."
    )


_OUTCOME_NAMES = {
    "sent": "已发送 / sent",
    "skipped_empty": "无新内容 / nothing new",
    "failed": "失败 / failed",
    "deactivated": "已停用 / deactivated",
    "duplicate": "已发送过 / already sent",
    "inactive": "未启用 / inactive",
    "missed": "错过 / missed",
}


def broadcast_done(outcomes: Mapping[str, int]) -> str:
    parts = [f"{_OUTCOME_NAMES.get(k, escape(k))} {n}" for k, n in sorted(outcomes.items()) if n]
    return "✅ 推送完成 / digests done: " + ("；".join(parts) if parts else "0")


# -- /status -----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class StatusReport:
    uptime_seconds: float
    version: str
    documents: int
    passages: int
    targets: int
    subscriptions: Mapping[str, int]
    admins: int
    upcoming: Sequence[tuple[int, datetime]] = ()
    failures: Sequence[Delivery] = ()
    timezone: str = "UTC"
    extra: Mapping[str, str] = field(default_factory=dict)


def uptime_text(seconds: float) -> str:
    seconds = max(0, int(seconds))
    days, rest = divmod(seconds, 86_400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        return f"{days}d {hours}h {minutes}m"
    if hours:
        return f"{hours}h {minutes}m"
    return f"{minutes}m {secs}s"


def status_html(report: StatusReport) -> str:
    tz = report.timezone
    lines = [
        "<b>运行状态 / Status</b>",
        f"版本 / version: {escape(report.version)}",
        f"运行时间 / uptime: {uptime_text(report.uptime_seconds)}",
        f"文件 / documents: {report.documents} · 段落 / passages: {report.passages} · "
        f"目标 / targets: {report.targets}",
        f"订阅 / subscriptions: {_counts_text(report.subscriptions)}",
        f"管理员 / admins: {report.admins}",
    ]
    for key, value in report.extra.items():
        lines.append(f"{escape(key)}: {escape(value)}")
    lines += ["", f"<b>下次推送 / Next digests</b>（{escape(tz)}）"]
    if report.upcoming:
        lines += [f"• #{sub_id} {_when(at, tz)}" for sub_id, at in report.upcoming]
    else:
        lines.append("（无 / none）")
    lines += ["", "<b>最近的发送错误 / Last delivery errors</b>"]
    if report.failures:
        for failure in report.failures:
            error = failure.error or "—"
            if len(error) > ERROR_SHOWN:
                error = error[: ERROR_SHOWN - 1] + "…"
            lines.append(
                f"• #{failure.subscription_id} {_when(failure.slot, tz)} "
                f"({failure.attempts}×): {escape(error)}"
            )
    else:
        lines.append("（无 / none）")
    return "\n".join(lines)
