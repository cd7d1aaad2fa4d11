"""A county 发改局 office head made the bot's admin (trial21): her bureau's channel and
leadership group, her documents. The real application against the fake Bot API server;
no sleeps."""

from __future__ import annotations

import pytest

from tests.e2e import BOT_NAME, ask_text
from tests.test_subscriptions_e2e import running

pytestmark = pytest.mark.migrated_db


# -- a monthly digest said back as she wrote it ------------------------------------------------
async def test_a_monthly_digest_is_confirmed_and_listed_in_her_words(
    server, engine, db_url
) -> None:
    """The group's ``/subscribe 投资 就业 每月1日 08:00`` was confirmed as ``cron 0 8 1 * *``
    (and listed so by /subs and /subscriptions): a code she never wrote, the day and time
    unreadable. Now 每月1日 08:00, as a working-day digest is 工作日 08:30."""
    chen = server.add_user("陈主任")
    group = server.add_chat("supergroup", "县发改局领导群")
    server.set_member(group, chen, "creator")
    async with running(server, engine, db_url, owners=[chen.id]):
        said = await ask_text(server, group, chen, f"/subscribe@{BOT_NAME} 投资 就业 每月1日 08:00")
        assert "时间：每月1日 08:00（Asia/Shanghai）" in said and "cron" not in said, said
        said = await ask_text(server, group, chen, f"/subscriptions@{BOT_NAME}")
        assert "每月1日 08:00（Asia/Shanghai）" in said and "cron" not in said, said
        said = await ask_text(server, chen, chen, "/subs")
        assert "每月1日 08:00（Asia/Shanghai）" in said, said
        said = await ask_text(server, chen, chen, "/subscribe GDP 工作日 8:30")
        assert "时间：工作日（周一至周五）08:30（Asia/Shanghai）" in said, said
