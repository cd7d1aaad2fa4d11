"""What `trial20` left (a city policy researcher comparing peer cities' targets,
``bench/RESULTS.md``, section `trial20-left`): through the fake Bot API server (the real
Application, as ``tests/e2e.py`` drives it) over the bundled corpus, and unit cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.library import Engine
from bot.text.tokenize import Tokenizer
from fake_telegram import FakeBotApi
from tests.e2e import ask, buttons, engine_copy, running


@pytest.fixture
def engine(bundled_template: Path, tmp_path: Path, tokenizer: Tokenizer) -> Engine:
    """A private copy of the bundled corpus and its index (the session's stays untouched)."""
    return engine_copy(bundled_template, tmp_path, tokenizer)


# -- the file of a year table of named places ---------------------------------------------
async def test_the_file_of_named_places_is_captioned_with_indicator_and_places(
    server: FakeBotApi, engine: Engine
) -> None:
    """The CSV of /compare 城镇新增就业 2026 四川 贵州 重庆 was captioned "城镇新增就业 四川
    贵州 重庆 · 2026年各地区目标与实绩": the places inside the indicator's slot. The
    indicator now stands alone and the places are said where they belong."""
    zhou = server.add_user("周研究员")
    async with running(server, engine):
        reply = (await ask(server, zhou, zhou, "/compare GDP 2024 烟台 重庆")).message
        await server.press_button(reply, buttons(reply)["📄 CSV"], zhou)
        sent = await server.next_call("sendDocument", chat=zhou)
        assert sent.message["caption"] == "GDP · 2024年烟台、重庆的目标与实绩", sent
