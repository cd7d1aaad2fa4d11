"""The sixth user trial's defects of the chat product (a new user's searches, /targets,
/unsubscribe, an admin's /config in a group), through the fake Bot API server (the real
Application, as ``tests/e2e.py`` drives it)."""

from __future__ import annotations

from fake_telegram import FakeBotApi
from tests.e2e import ask_text, running


async def test_targets_read_a_year_typed_after_the_indicator(server: FakeBotApi, engine) -> None:
    """``/targets GDP 2024`` answered 没有找到“GDP 2024”的目标数据 while the library holds
    2024's GDP target (the year was read as a region), and ``/targets GDP 烟台 2024``
    listed 2023's figures too: the year is read as ``/compare`` and ``/scorecard`` read it."""
    user = server.add_user("Lena")
    english = server.add_user("Eve", language_code="en")
    async with running(server, engine):
        said = await ask_text(server, user, user, "/targets GDP 2024")
        assert "没有找到" not in said
        assert "指标：GDP · 2024年" in said
        assert "增长 5.5%左右 · 2024年" in said
        assert "· 2023年" not in said  # 2023's estimates are another year
        narrowed = await ask_text(server, user, user, "/targets GDP 烟台 2024年")
        assert "增长 5.5%左右 · 2024年" in narrowed and "· 2023年" not in narrowed
        # every other year of the indicator is still there without one
        assert "· 2023年" in await ask_text(server, user, user, "/targets GDP")
        # a year nothing is about: said with the year, not read as part of a name
        none = await ask_text(server, user, user, "/targets GDP 1999")
        assert none.startswith("没有找到“GDP 1999”的目标数据")
        said = await ask_text(server, english, english, "/targets GDP 2024 all")
        assert "Indicator: GDP · 2024" in said and "· 2023 " not in said
