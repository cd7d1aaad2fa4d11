"""The operator trial's leftovers (``bench/RESULTS.md``, ``operator-trial``, ``trial-left5``),
through the fake Bot API server."""

from __future__ import annotations

from fake_telegram import FakeBotApi
from handlers.context import services_of
from tests.e2e import ask_text
from tests.test_subscriptions_e2e import running


async def test_config_default_timezone_reads_the_names_timezone_reads(
    server: FakeBotApi, engine, db_url
) -> None:
    """``/timezone Shanghai`` was accepted and ``/config set default_timezone Shanghai``
    refused (``setting.not_a_timezone``): the settings validator reads time zones as
    ``/timezone`` does, and stores the IANA name."""
    owner = server.add_user("Olga", language_code="en")
    async with running(server, engine, db_url, owners=[owner.id], flood_burst=0) as app:
        said = await ask_text(server, owner, owner, "/config set default_timezone Shanghai")
        assert "not an IANA time zone" not in said
        assert "Asia/Shanghai" in said
        assert services_of(app).settings.default_timezone == "Asia/Shanghai"
        said = await ask_text(server, owner, owner, "/config set default_timezone 北京时间")
        assert services_of(app).settings.default_timezone == "Asia/Shanghai"
        said = await ask_text(server, owner, owner, "/config set default_timezone berlin")
        assert services_of(app).settings.default_timezone == "Europe/Berlin"
        said = await ask_text(server, owner, owner, "/config set default_timezone UTC+8")
        assert "not an IANA time zone" in said
        assert services_of(app).settings.default_timezone == "Europe/Berlin"
