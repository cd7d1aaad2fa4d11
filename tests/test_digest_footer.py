"""The footer of a Telegram digest cut short (user trial 20) says how to see the rest:
``/targets`` with an indicator and a region, which the chat command takes
(``/targets GDP 山东``), not a bare ``/targets`` that lists every document's targets."""

from __future__ import annotations

from bot.subscriptions.compose import preview_messages


def test_a_digest_cut_short_points_to_targets_with_an_indicator_and_a_region(bundled_engine):
    assert bundled_engine.settings.digest_cap < len(bundled_engine.filter_targets("").rows)
    zh = preview_messages(bundled_engine, filter_text="", tz="Asia/Shanghai")[-1]
    assert "查看全部请用 /targets 指标 地区（如 /targets GDP 山东）" in zh
    en = preview_messages(bundled_engine, filter_text="", tz="Asia/Shanghai", lang="en")[-1]
    assert "see them all with /targets indicator region (e.g. /targets GDP Shandong)" in en
