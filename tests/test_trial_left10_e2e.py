"""What the tenth user trial left (``bench/RESULTS.md``, ``user-trial10``): ``/next``,
county names in pinyin, English target words, what ``/subscribe 2025`` and ``/subscribe
unemployment rate`` deliver, a captioned photo; through the fake Bot API server (the real
Application, as ``tests/e2e.py`` drives it), with unit cases on invented text."""

from __future__ import annotations

from fake_telegram import FakeBotApi
from tests.e2e import ask_text
from tests.test_subscriptions_e2e import running as subscribed

COMMANDS = {"subscribe", "subscriptions", "next", "unsubscribe", "targets", "help"}


# -- /next: when the next digest comes ----------------------------------------------------------
async def test_next_says_when_each_subscription_is_sent(server: FakeBotApi, engine, db_url) -> None:
    """``/next`` answered 未知命令: it lists the subscriptions with their next run, as
    /subscriptions and 下次推送是什么时候 do."""
    researcher = server.add_user("李研")
    async with subscribed(server, engine, db_url):
        await ask_text(server, researcher, researcher, "/subscribe region:山东 GDP 07:30")
        said = await ask_text(server, researcher, researcher, "/next")
        assert said.startswith("本聊天的订阅") and "地区：山东" in said and "下次：" in said
        assert said == await ask_text(server, researcher, researcher, "/subscriptions")
        said = await ask_text(server, researcher, researcher, "/help")
        assert "/subscriptions（或 /next）" in said
        await ask_text(server, researcher, researcher, "/lang en")
        said = await ask_text(server, researcher, researcher, "/help")
        assert "/subscriptions (or /next)" in said


def test_next_without_its_slash_is_a_word() -> None:
    """``next`` alone is more often the next page than the schedule: not read as /next."""
    from bot.text.typed_commands import typed_command

    assert typed_command("next", COMMANDS) is None
    assert typed_command("/next", COMMANDS) is not None
    found = typed_command("subscriptions", COMMANDS)
    assert found is not None and found.how == "bare"
