"""Failures to fetch updates are one readable log line, not a traceback (operator trial)."""

from __future__ import annotations

import logging
from types import SimpleNamespace

from telegram.error import Conflict, NetworkError, TimedOut

from handlers.errors import error_handler

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ"


async def _logged(caplog, error: Exception) -> list[logging.LogRecord]:
    on_error = error_handler(TOKEN)
    with caplog.at_level(logging.WARNING, logger="handlers.errors"):
        await on_error(None, SimpleNamespace(error=error))
    return [r for r in caplog.records if r.name == "handlers.errors"]


async def test_handler_of_a_second_instance_polling_logs_one_line_saying_so(caplog):
    conflict = Conflict("terminated by other getUpdates request")
    records = await _logged(caplog, conflict)
    assert len(records) == 1 and records[0].levelno == logging.ERROR
    said = records[0].getMessage()
    assert "another bot instance is running with this token" in said
    assert "Traceback" not in said and "\n" not in said and TOKEN not in said


async def test_handler_of_a_network_blip_while_polling_logs_one_warning(caplog):
    for error in (NetworkError(f"connect failed for /bot{TOKEN}/getUpdates"), TimedOut()):
        caplog.clear()
        records = await _logged(caplog, error)
        assert len(records) == 1 and records[0].levelno == logging.WARNING
        said = records[0].getMessage()
        assert "could not be reached" in said and "retrying" in said
        assert "Traceback" not in said and TOKEN.split(":")[1] not in said
