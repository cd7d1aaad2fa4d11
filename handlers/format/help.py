"""The /help and /start text (with the admin commands for admins)."""

from __future__ import annotations

from handlers.format.admin import admin_help_html
from handlers.format.html import escape
from handlers.i18n import DEFAULT_LANGUAGE, tr


# -- help --------------------------------------------------------------------------------------
def help_html(
    bot_username: str | None,
    *,
    welcome: bool = False,
    admin: bool = False,
    lang: str = DEFAULT_LANGUAGE,
) -> str:
    """The /help (and /start) text in ``lang``; every example works on the bundled corpus.

    ``admin``: the sender is a bot admin (checked by user id); their help ends with the
    admin commands, which nobody else is shown.
    """
    mention = f"@{escape(bot_username)}" if bot_username else tr(lang, "help.bot_mention")
    lines = []
    if welcome:
        lines += [tr(lang, "help.welcome"), ""]
    lines.append(tr(lang, "help.text", mention=mention))
    if admin:
        lines += ["", admin_help_html(lang)]
    return "\n".join(lines)
