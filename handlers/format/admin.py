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

from bot.admin import Admin, AuditEntry, SettingView, runtime, setting_description
from bot.admin.audit import RESULTS
from bot.digest.filters import describe as describe_filter
from bot.i18n import Message
from bot.sources.store import Source
from bot.subscriptions.records import Delivery, Subscription
from bot.subscriptions.service import Listed
from handlers.format.html import cut, escape, shown
from handlers.format.sources import status_lines as source_status_lines
from handlers.format.subscriptions import deactivation
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
    "meta",
    "reindex",
    "sources",
    "source",
    "admin",
)

AUDIT_DEFAULT = 20
AUDIT_MAX = 100
DETAIL_SHOWN = 300
ERROR_SHOWN = 200


def _when(at: datetime | None, tz: str) -> str:
    if at is None:
        return "—"
    return at.astimezone(ZoneInfo(tz)).strftime("%Y-%m-%d %H:%M")


def admin_help_html(lang: str = DEFAULT_LANGUAGE) -> str:
    """The admin section of /help (also ``/admin help``)."""
    return tr(lang, "help.admin")


def usage(command: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The usage text (plain) of ``admin``, ``config``, ``subs`` or ``audit``."""
    if command == "audit":
        return tr(lang, "admin.audit_usage", default=AUDIT_DEFAULT, most=AUDIT_MAX)
    if command == "config":
        return tr(lang, "admin.config_usage")
    if command == "subs":
        return tr(lang, "admin.subs_usage")
    return tr(lang, "admin.admin_usage")


# -- /admin ------------------------------------------------------------------------------------
def admins_list(admins: Sequence[Admin], tz: str, lang: str = DEFAULT_LANGUAGE) -> str:
    lines = [tr(lang, "admin.admins_heading")]
    # an adder added before their name was kept (migration 0013) is named as the list
    # knows them now, if it does
    known = {a.user_id: f"@{a.username}" for a in admins if a.username}
    for admin in admins:
        if admin.is_owner:
            lines.append(tr(lang, "admin.owner_line", label=escape(admin.label)))
        else:
            by = _added_by(admin, known, lang)
            lines.append(
                tr(
                    lang,
                    "admin.admin_line",
                    label=escape(admin.label),
                    when=_when(admin.added_at, tz),
                    by=by,
                )
            )
    if len(lines) == 1:
        lines.append(tr(lang, "admin.none"))
    return "\n".join(lines)


def _added_by(admin: Admin, known: dict[int, str], lang: str) -> str:
    """Who added ``admin``: their name as kept when they did, else as known now, else
    their numeric id (someone the bot never saw); "" when nobody is recorded."""
    if admin.added_by is None:
        return ""
    name = admin.added_by_name or known.get(admin.added_by)
    if name is None:
        return tr(lang, "admin.added_by", id=admin.added_by)
    return tr(lang, "admin.added_by_named", name=escape(name), id=admin.added_by)


def admin_added(admin: Admin, *, already: bool, lang: str = DEFAULT_LANGUAGE) -> str:
    label = escape(admin.label)
    if admin.is_owner:
        return tr(lang, "admin.is_owner", label=label)
    if already:
        return tr(lang, "admin.already", label=label)
    return tr(lang, "admin.added", label=label)


def admin_removed(label: str, lang: str = DEFAULT_LANGUAGE) -> str:
    return tr(lang, "admin.removed", label=escape(label))


def not_an_admin(label: str, lang: str = DEFAULT_LANGUAGE) -> str:
    return tr(lang, "admin.not_an_admin", label=escape(label))


def unknown_username(name: str, lang: str = DEFAULT_LANGUAGE) -> str:
    return tr(lang, "admin.unknown_username", name=shown(name.removeprefix("@")))


def bad_user_ref(text: str, lang: str = DEFAULT_LANGUAGE) -> str:
    said = shown(text)
    return tr(lang, "admin.bad_user_ref", text=said) + "\n\n" + escape(usage("admin", lang))


def bots_cannot_be_admins(lang: str = DEFAULT_LANGUAGE) -> str:
    return tr(lang, "admin.bots_cannot_be_admins")


# -- /audit ------------------------------------------------------------------------------------
_RESULT_MARK = {"ok": "✅", "refused": "⛔", "error": "⚠️"}

# The actions the log stores (its data, kept as they are), each said in the reader's
# language by the catalogue's ``admin.audit_action.<action>``; another one (a verb typed
# after a refused command, an older version's) is shown as stored.
AUDIT_ACTIONS: tuple[str, ...] = (
    "admin",
    "admin list",
    "admin add",
    "admin remove",
    "admin help",
    "audit",
    "broadcast digest",
    "channel",
    "meta",
    "config",
    "config show",
    "config set",
    "config reset",
    "reindex",
    "remove",
    "remove cancel",
    "sources",
    "source add",
    "source check",
    "source pause",
    "source resume",
    "source remove",
    "source list",
    "status",
    "subs",
    "subs list",
    "subs pause",
    "subs resume",
    "subs remove",
    "upload",
    "upload pasted",
    "upload replace",
    "upload keep both",
    "upload cancel",
)


def audit_action(action: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The stored action ``action`` in ``lang`` (as stored when the catalogue has no word)."""
    return tr(lang, f"admin.audit_action.{action}") if action in AUDIT_ACTIONS else action


# Telegram's shared senders (bot.admin.store.SERVICE_USER_IDS) -> what the audit calls them
_SERVICE_SENDERS = {1087968824: "anonymous_admin", 136817688: "as_channel", 777000: "telegram"}


def audit_people(
    entries: Sequence[AuditEntry], names: Mapping[int, str], lang: str = DEFAULT_LANGUAGE
) -> dict[int, str]:
    """Each actor of ``entries`` by name (``names``: @username or first name); the id
    only beside a name two of them share, and alone for someone the bot cannot name."""
    actors = dict.fromkeys(e.actor_id for e in entries)
    shared: dict[str, int] = {}
    for actor in actors:
        if name := names.get(actor):
            shared[name.casefold()] = shared.get(name.casefold(), 0) + 1
    people: dict[int, str] = {}
    for actor in actors:
        name = names.get(actor)
        if actor in _SERVICE_SENDERS:
            # Telegram's one account behind every anonymous admin (or channel): "用户
            # 1087968824" named nobody, and was not who acted (group-trial17)
            people[actor] = tr(lang, f"admin.audit_{_SERVICE_SENDERS[actor]}")
        elif not name:
            people[actor] = tr(lang, "admin.audit_user", id=actor)
        elif shared[name.casefold()] > 1:
            people[actor] = tr(lang, "admin.audit_user_twin", name=name, id=actor)
        else:
            people[actor] = name
    return people


def audit_list(
    entries: Sequence[AuditEntry],
    tz: str,
    lang: str = DEFAULT_LANGUAGE,
    names: Mapping[int, str] | None = None,
) -> str:
    """``entries`` for ``/audit``: actions in ``lang``, people by ``names`` (user id ->
    @username or first name) where known."""
    if not entries:
        return tr(lang, "admin.no_audit")
    people = audit_people(entries, names or {}, lang)
    lines = [tr(lang, "admin.audit_heading", count=len(entries), tz=escape(tz))]
    for entry in entries:
        mark = _RESULT_MARK.get(entry.result, "•")
        where = (
            " · " + tr(lang, "admin.audit_chat", id=entry.chat_id)
            if entry.chat_id is not None
            else ""
        )
        detail = cut(entry.said(lang), DETAIL_SHOWN)  # a coded detail in the reader's words
        result = (
            tr(lang, f"admin.audit_result_{entry.result}")
            if entry.result in RESULTS
            else entry.result
        )
        who = people[entry.actor_id]
        head = (
            f"{mark} <code>{_when(entry.at, tz)}</code> {escape(who)}{escape(where)} · "
            f"<b>{escape(audit_action(entry.action, lang))}</b> · {escape(result)}"
        )
        lines.append(head + (f"\n    {escape(detail)}" if detail else ""))
    return "\n".join(lines)


# -- /config -----------------------------------------------------------------------------------
# Where a setting's value comes from -> its catalogue key (admin.source.<name>).
_SOURCE_NAMES = {
    runtime.SOURCE_BUILTIN: "builtin",
    runtime.SOURCE_DEFAULT_FILE: "default_file",
    runtime.SOURCE_CONFIG_FILE: "config_file",
    runtime.SOURCE_ENV: "environment",
    runtime.SOURCE_ARGUMENT: "argument",
    runtime.SOURCE_CHAT: "chat",
}


def _source(view: SettingView, tz: str, lang: str, origin: bool = True) -> str:
    """Where ``view``'s value comes from; with ``origin``, which file or variable (the
    server's paths: not for a group's members)."""
    name = _SOURCE_NAMES.get(view.source)
    source = tr(lang, f"admin.source.{name}") if name else view.source
    if view.updated_by is not None or view.updated_at is not None:
        who = f" {view.updated_by}" if view.updated_by is not None else ""
        return tr(
            lang, "admin.source_changed", source=f"{source}{who}", when=_when(view.updated_at, tz)
        )
    if view.origin and origin:
        return tr(lang, "admin.source_origin", source=source, origin=view.origin)
    return source


def value_said(view: SettingView) -> Message | str:
    """A setting's value for the audit log: its word (unset, true …) as a catalogue
    message said in each reader's language, data (a number, a path) as it is."""
    if view.word:
        return Message(f"admin.value.{view.word}", {"detail": view.detail})
    return view.value


def source_said(view: SettingView) -> Message | str:
    """Where a setting's value comes from, for the audit log: the catalogue's words
    (``admin.source.<name>``), never the internal name."""
    name = _SOURCE_NAMES.get(view.source)
    return Message(f"admin.source.{name}") if name else view.source


def _value(view: SettingView, lang: str) -> str:
    """A setting's value, escaped: its word (unset, true …) in the reader's language, data
    (a number, a path) as it is."""
    if view.word:
        return escape(tr(lang, f"admin.value.{view.word}", detail=view.detail))
    return escape(view.value)


def _setting_line(view: SettingView, tz: str, lang: str, origin: bool = True) -> str:
    mark = "✏️" if view.settable else "•"
    return (
        f"{mark} <code>{escape(view.key)}</code> = <code>{_value(view, lang)}</code>"
        f" <i>({escape(_source(view, tz, lang, origin))})</i>"
    )


def config_html(
    views: Sequence[SettingView], tz: str, *, full: bool, lang: str = DEFAULT_LANGUAGE
) -> str:
    """Every setting (``full``) or only the runtime ones (in groups), with sources (in
    groups without the server's file paths)."""
    settable = [v for v in views if v.settable]
    lines = [tr(lang, "admin.config_heading"), tr(lang, "admin.config_precedence"), ""]
    lines += [_setting_line(v, tz, lang, origin=full) for v in settable]
    lines.append("")
    if full:
        lines.append(tr(lang, "admin.config_only"))
        lines += [_setting_line(v, tz, lang) for v in views if not v.settable]
    else:
        lines.append(tr(lang, "admin.config_group"))
    return "\n".join(lines)


def config_set(view: SettingView, old: str, lang: str = DEFAULT_LANGUAGE) -> str:
    return tr(
        lang,
        "admin.config_set",
        key=escape(view.key),
        old=escape(old),
        new=_value(view, lang),
        what=escape(setting_description(view.key, lang)),
    )


def config_reset(
    view: SettingView,
    *,
    removed: bool,
    tz: str,
    lang: str = DEFAULT_LANGUAGE,
    origin: bool = True,
) -> str:
    """A runtime setting back to its configured value (``origin``: with the file or
    variable it comes from; not in a group)."""
    key, value = escape(view.key), _value(view, lang)
    source = escape(_source(view, tz, lang, origin))
    if removed:
        return tr(lang, "admin.config_reset", key=key, value=value, source=source)
    return tr(lang, "admin.config_no_override", key=key, value=value, source=source)


def setting_error(message: str) -> str:
    return "⚠️ " + escape(message)


# -- /subs -------------------------------------------------------------------------------------
def sub_status(sub: Subscription, lang: str = DEFAULT_LANGUAGE) -> str:
    if not sub.active:
        reason = deactivation(sub.deactivated_reason, lang, unknown="—")
        return tr(lang, "admin.sub_deactivated", reason=reason)
    if sub.paused:
        return tr(lang, "admin.sub_paused")
    return tr(lang, "admin.sub_active")


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


def _counts_text(counts: Mapping[str, int], lang: str) -> str:
    return tr(
        lang,
        "admin.counts",
        active=counts.get("active", 0),
        paused=counts.get("paused", 0),
        deactivated=counts.get("deactivated", 0),
    )


_CHAT_TYPES = frozenset({"private", "group", "supergroup", "channel"})


def _chat_type(chat_type: str, lang: str) -> str:
    """A chat's kind in the reader's language (Telegram's word for one it does not know)."""
    return tr(lang, f"admin.chat_type.{chat_type}") if chat_type in _CHAT_TYPES else chat_type


def sub_line(item: Listed, lang: str = DEFAULT_LANGUAGE) -> str:
    sub = item.subscription
    about = describe_filter(sub.filter, lang) or tr(lang, "subscriptions.all_targets")
    title = f" {sub.chat_title}" if sub.chat_title else ""
    lines = [
        f"<b>#{sub.id}</b> {sub_status(sub, lang)}",
        f"  {escape(_chat_type(sub.chat_type, lang))} <code>{sub.chat_id}</code>{escape(title)}",
        f"  {escape(about)} · "
        + tr(
            lang,
            "subscriptions.schedule",
            schedule=escape(sub.schedule.describe(lang)),
            timezone=escape(sub.timezone),
        )
        + (tr(lang, "subscriptions.quiet") if sub.quiet_when_empty else ""),
    ]
    if sub.due:
        lines.append("  " + tr(lang, "subscriptions.next", when=_when(item.next_run, sub.timezone)))
    return "\n".join(lines)


def subs_all(items: Sequence[Listed], lang: str = DEFAULT_LANGUAGE) -> str:
    if not items:
        return tr(lang, "admin.no_subscriptions")
    counts = status_counts([item.subscription for item in items])
    head = tr(lang, "admin.subs_heading", count=len(items), counts=_counts_text(counts, lang))
    return "\n\n".join([head, *(sub_line(item, lang) for item in items)])


def sub_changed(action: str, item: Listed, lang: str = DEFAULT_LANGUAGE) -> str:
    if action == "remove":
        sub = item.subscription
        return tr(lang, "admin.sub_removed", id=sub.id, chat_id=sub.chat_id)
    paused = action == "pause"
    done = tr(lang, "admin.sub_paused_done") if paused else tr(lang, "admin.sub_resumed")
    return f"✅ {done}\n\n{sub_line(item, lang)}"


# -- /broadcast_digest -------------------------------------------------------------------------
def broadcast_queued(count: int, lang: str = DEFAULT_LANGUAGE) -> str:
    if not count:
        return tr(lang, "admin.broadcast_none")
    return tr(lang, "admin.broadcast_queued", count=count)


_OUTCOMES = frozenset(
    {
        "sent",
        "skipped_empty",
        "failed",
        "deactivated",
        "duplicate",
        "inactive",
        "missed",
        "uncertain",
    }
)


def broadcast_done(outcomes: Mapping[str, int], lang: str = DEFAULT_LANGUAGE) -> str:
    parts = [
        f"{tr(lang, f'admin.outcome_{k}') if k in _OUTCOMES else escape(k)} {n}"
        for k, n in sorted(outcomes.items())
        if n
    ]
    sep = tr(lang, "search.note_sep")
    return tr(lang, "admin.broadcast_done", outcomes=sep.join(parts) if parts else "0")


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
    uncertain: int = 0  # digest messages found in flight after a crash
    uncertain_policy: str = "resend"  # the setting delivery_uncertain
    sources: Sequence[Source] = ()  # live sources (those failing are listed)


def uptime_text(seconds: float, lang: str = DEFAULT_LANGUAGE) -> str:
    """How long the bot has run, in the reader's language (2 天 2 小时 2 分; 2d 2h 2m)."""
    seconds = max(0, int(seconds))
    days, rest = divmod(seconds, 86_400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        return tr(lang, "admin.uptime_days", days=days, hours=hours, minutes=minutes)
    if hours:
        return tr(lang, "admin.uptime_hours", hours=hours, minutes=minutes)
    return tr(lang, "admin.uptime_minutes", minutes=minutes, seconds=secs)


def status_html(report: StatusReport, lang: str = DEFAULT_LANGUAGE) -> str:
    tz = report.timezone
    lines = [
        tr(
            lang,
            "admin.status",
            version=escape(report.version),
            uptime=uptime_text(report.uptime_seconds, lang),
            documents=report.documents,
            passages=report.passages,
            targets=report.targets,
            subscriptions=_counts_text(report.subscriptions, lang),
            admins=report.admins,
        )
    ]
    for key, value in report.extra.items():
        lines.append(f"{escape(key)}: {escape(value)}")
    if report.uncertain:
        # only when it happened: "…可能已送达的推送消息：0 条…（delivery_uncertain）" on every
        # /status read as a fault, in a setting's name, to an office's admin (user-trial16)
        policy = tr(lang, f"admin.uncertain_{report.uncertain_policy}")
        lines.append(tr(lang, "admin.uncertain", count=report.uncertain, policy=policy))
    lines += ["", tr(lang, "admin.next_digests", tz=escape(tz))]
    if report.upcoming:
        lines += [f"• #{sub_id} {_when(at, tz)}" for sub_id, at in report.upcoming]
    else:
        lines.append(tr(lang, "admin.none"))
    lines += ["", tr(lang, "admin.last_errors")]
    if report.failures:
        for failure in report.failures:
            error = cut(failure.error or "—", ERROR_SHOWN)
            lines.append(
                f"• #{failure.subscription_id} {_when(failure.slot, tz)} "
                f"({failure.attempts}×): {escape(error)}"
            )
    else:
        lines.append(tr(lang, "admin.none"))
    if report.sources:
        lines += ["", *source_status_lines(report.sources, lang)]
    return "\n".join(lines)
