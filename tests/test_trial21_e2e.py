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


# -- 全县 asked in a chat with no place set -----------------------------------------------------
async def test_a_whole_county_question_answered_for_another_place_says_no_place_is_set(
    server, engine, db_url
) -> None:
    """A leader asked 今年全县固投目标多少 in the group before its place was set: the card
    answered with the province's 3% as if it were the county's, and nothing said that 全县
    was not read (我县 was: it gets the hint to set /region). Now a card answering a
    全县/全市 question in a chat with no place carries the same hint; a search that gets no
    card keeps the word as a phrase, unremarked, as before."""
    chen = server.add_user("陈主任")
    group = server.add_chat("supergroup", "县发改局领导群")
    server.set_member(group, chen, "creator")
    hint = "“我县”“全县”“本市”等词需要先设本聊天的地区：/region 苍溪县"
    async with running(server, engine, db_url):
        said = await ask_text(server, group, chen, f"/search@{BOT_NAME} 全市2024年固定资产投资目标")
        assert "🎯" in said and hint in said, said
        said = await ask_text(server, group, chen, f"/search@{BOT_NAME} 全市上下 共同努力")
        assert "🎯" not in said and hint not in said, said
        await ask_text(server, group, chen, f"/region@{BOT_NAME} 烟台市")
        said = await ask_text(server, group, chen, f"/search@{BOT_NAME} 全市2024年固定资产投资目标")
        assert "🎯" in said and hint not in said and "烟台" in said, said
