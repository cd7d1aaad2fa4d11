"""A long subscription filter (up to 300 characters) is cut short where subscriptions are
listed or confirmed, and shown whole when the user asks for that one subscription."""

from __future__ import annotations

import re

import pytest

from bot.digest.filters import describe
from bot.subscriptions.store import SubscriptionStore
from handlers.context import services_of
from handlers.format.subscriptions import SHORT_FILTER
from tests.e2e import ask_text
from tests.test_subscriptions_e2e import running

# db_url comes migrated (tests/conftest.py): these tests are the bot's, not the schema's
pytestmark = [pytest.mark.fake_bot(language_code="en"), pytest.mark.migrated_db]

# Invented keywords, each two to four characters, 40 of them: a filter of about 150.
WORDS = (
    "托育 养老床位 冷链物流 数字乡村 稳岗补贴 技能培训 老旧小区 城中村 海绵城市 充电桩 "
    "家政服务 社区食堂 普惠托育 银发经济 县域商业 农村电商 高标准农田 种业振兴 智慧农业 "
    "绿色建筑 分布式光伏 新型储能 氢能 低空经济 工业互联网 算力 数据要素 跨境电商 "
    "海外仓 首发经济 夜间经济 文旅融合 研学旅行 体育消费 冰雪经济 以旧换新 设备更新 "
    "科技金融 普惠金融 养老金融"
)


def store_of(app) -> SubscriptionStore:
    return services_of(app).subscriptions.store


async def test_a_long_filter_is_cut_in_lists_and_whole_on_request(server, engine, db_url) -> None:
    ann = server.add_user("Ann")
    async with running(server, engine, db_url) as app:
        confirmed = await ask_text(server, ann, ann, f"/subscribe {WORDS} 08:00")
        (sub,) = store_of(app).list_for_chat(ann.id)
        whole = describe(sub.filter, "en")
        assert len(whole) > SHORT_FILTER
        cut = f"{whole[:SHORT_FILTER].rstrip()}… ({len(whole)} characters; "
        assert f"{cut}/subscriptions {sub.id} shows it whole)" in confirmed, confirmed
        assert whole not in confirmed and "养老金融" not in confirmed

        listed = await ask_text(server, ann, ann, "/subscriptions")
        assert f"#{sub.id} {cut}/subscriptions {sub.id} shows it whole)" in listed, listed
        assert whole not in listed

        details = await ask_text(server, ann, ann, f"/subscriptions {sub.id}")
        assert f"Filter: {whole}" in details and "…" not in details, details
        assert f"/unsubscribe {sub.id}" in details
        missing = await ask_text(server, ann, ann, f"/subscriptions {sub.id + 7}")
        assert missing == f"No subscription #{sub.id + 7} in this chat."
        # a superscript is a digit to str.isdigit, no number to int(): the list, no crash
        superscript = await ask_text(server, ann, ann, "/subscriptions ²")
        assert f"#{sub.id} {cut}" in superscript, superscript


async def test_a_short_filter_is_listed_whole(server, engine, db_url) -> None:
    bo = server.add_user("Bo", language_code="zh-hans")
    async with running(server, engine, db_url) as app:
        await ask_text(server, bo, bo, "/subscribe 托育 养老 08:00")
        (sub,) = store_of(app).list_for_chat(bo.id)
        whole = describe(sub.filter, "zh")
        listed = await ask_text(server, bo, bo, "/subscriptions")
        assert f"#{sub.id} {whole}\n" in listed and not re.search(r"共 \d+ 字", listed)
