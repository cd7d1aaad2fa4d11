"""Why a subscription was deactivated is said in the reader's language: the stored
reason is the bot's own English sentence or Telegram's English error."""

from __future__ import annotations

import pytest

from bot.i18n import catalogue
from bot.subscriptions import reasons
from bot.subscriptions.reasons import reason_code
from handlers.format.subscriptions import deactivation


@pytest.mark.parametrize(
    ("stored", "code"),
    [
        ("403 Forbidden: bot was blocked by the user", "blocked"),
        ("403 Forbidden: bot was kicked from the supergroup chat", "removed"),
        ("403 Forbidden: bot is not a member of the channel chat", "removed"),
        ("400 Bad Request: chat not found", "not_found"),
        ("400 Bad Request: group chat was deleted", "deleted"),
        ("403 Forbidden: user is deactivated", "deleted"),
        ("403 Forbidden: bot can't initiate conversation with a user", "never_started"),
        ("400 Bad Request: need administrator rights in the channel chat", "no_post"),
        (f"{reasons.REMOVED} (kicked) by user 42", "removed"),
        (f"{reasons.NO_POST} (changed by user 42)", "no_post"),
        (f"{reasons.RESTRICTED} (restricted by user 42)", "restricted"),
    ],
)
def test_a_stored_reason_states_its_cause(stored: str, code: str) -> None:
    assert reason_code(stored) == code


def test_an_unknown_or_missing_reason_has_no_cause() -> None:
    assert reason_code("flood control, gave up after 5 tries") is None
    assert reason_code("") is None and reason_code(None) is None


def test_every_cause_is_worded_in_every_language() -> None:
    for lang in ("zh", "en"):
        keys = catalogue().keys(lang)
        assert {f"subscriptions.reason.{code}" for code in reasons.CODES} <= keys


def test_the_reason_is_said_in_the_readers_language_and_unknown_ones_as_stored() -> None:
    blocked = "403 Forbidden: bot was blocked by the user"
    assert deactivation(blocked, "zh") == "用户屏蔽了机器人"
    assert deactivation(blocked, "en") == "the user blocked the bot"
    # a reason the bot does not know is shown as stored, escaped (it is Telegram HTML)
    assert deactivation("odd <error>", "zh") == "odd &lt;error&gt;"
    assert deactivation(None, "zh", unknown="—") == "—"
