"""The /help and /start text (with the admin commands for admins)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from handlers.format.admin import admin_help_html
from handlers.format.html import escape
from handlers.format.subscriptions import usage as subscribe_usage
from handlers.i18n import DEFAULT_LANGUAGE, tr

if TYPE_CHECKING:
    from bot.text.typed_commands import TypedCommand

# The public commands with a usage of their own (plain text): ``/help X`` and
# ``/X --help`` answer with it. Admin commands say their own usage after their check.
_USAGES: dict[str, Callable[[str], str]] = {
    "search": lambda lang: tr(lang, "search.usage"),
    "doc": lambda lang: tr(lang, "docs.usage"),
    "docs": lambda lang: tr(lang, "docs.list_usage"),
    "targets": lambda lang: tr(lang, "help.targets_usage"),
    "export": lambda lang: tr(lang, "help.targets_usage"),  # /targets … csv, said so there
    "csv": lambda lang: tr(lang, "help.targets_usage"),
    "add": lambda lang: tr(lang, "docs.add_usage"),
    "compare": lambda lang: tr(lang, "targets.compare_usage"),
    "scorecard": lambda lang: tr(lang, "analytics.scorecard_usage"),
    "changes": lambda lang: tr(lang, "analytics.changes_usage"),
    "chart": lambda lang: tr(lang, "analytics.chart_usage"),
    "subscriptions": lambda lang: tr(lang, "help.subscriptions_usage"),
    "unsubscribe": lambda lang: tr(lang, "subscriptions.unsubscribe_usage"),
    "digest": lambda lang: tr(lang, "help.digest_usage"),
    "timezone": lambda lang: tr(lang, "help.timezone_usage"),
    "region": lambda lang: tr(lang, "help.region_usage"),
    "pause": lambda lang: tr(lang, "errors.subscription.pause_usage"),
    "resume": lambda lang: tr(lang, "errors.subscription.pause_usage"),
    "reschedule": lambda lang: tr(lang, "errors.subscription.reschedule_usage"),
}


# -- help --------------------------------------------------------------------------------------
def help_html(
    bot_username: str | None,
    *,
    welcome: bool = False,
    admin: bool = False,
    mentions: bool = True,
    inline: bool = False,
    lang: str = DEFAULT_LANGUAGE,
) -> str:
    """The /help (and /start) text in ``lang``; every example works on the bundled corpus.

    ``admin``: the sender is a bot admin (checked by user id); their help ends with the
    admin commands, which nobody else is shown. ``mentions``: Telegram sends the bot a
    group's messages (privacy mode off); with it on, a mention in a group never reaches
    a member bot, so help offers the command only, as the group greeting does.
    ``inline``: the bot's inline mode is on (BotFather's /setinline), so typing
    ``@bot 关键词`` in any chat lists results to drop into it; help says so only then.
    """
    mention = f"@{escape(bot_username)}" if bot_username else tr(lang, "help.bot_mention")
    lines = []
    if welcome:
        lines += [tr(lang, "help.welcome"), ""]
    if mentions:
        group_way = tr(lang, "help.group_mention", mention=mention)
    else:
        group_way = tr(lang, "help.group_commands")
    inline_way = "\n" + tr(lang, "help.inline", mention=mention) if inline else ""
    lines.append(tr(lang, "help.text", group_way=group_way, inline_way=inline_way))
    lines += ["", tr(lang, "help.per_command")]
    if admin:
        lines += ["", admin_help_html(lang)]
    return "\n".join(lines)


def command_usage_html(
    command: str, *, default_time: str, lang: str = DEFAULT_LANGUAGE
) -> str | None:
    """The usage of the public ``command`` (``subscribe``) as HTML; None for a command
    without one (``/start``, the admin commands, one the bot does not know)."""
    if command == "subscribe":
        return subscribe_usage(default_time, lang)
    if command == "lang":
        return escape(tr(lang, "lang.usage", current=tr(lang, f"lang.name_{lang}")))
    usage = _USAGES.get(command)
    return escape(usage(lang)) if usage else None


def typed_command_hint(typed: TypedCommand, lang: str = DEFAULT_LANGUAGE) -> str:
    """What to send for a command named in Chinese (``/订阅 就业``: ``/subscribe 就业``) or
    typed without its slash (``subscribe GDP``), HTML."""
    command = f"/{typed.name} {typed.args}".rstrip()
    if typed.how == "bare":
        return tr(lang, "typed.no_slash", command=escape(command))
    return tr(lang, "typed.chinese_name", word=escape(typed.said), command=escape(command))
