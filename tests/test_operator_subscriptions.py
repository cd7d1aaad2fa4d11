"""Time zones as operators and subscribers write them (operator trial, 2026-12-06)."""

from __future__ import annotations

import pytest

from bot.subscriptions.schedule import ScheduleError, check_timezone


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("Asia/Shanghai", "Asia/Shanghai"),
        ("asia/shanghai", "Asia/Shanghai"),
        ("Shanghai", "Asia/Shanghai"),
        ("Beijing", "Asia/Shanghai"),
        ("北京时间", "Asia/Shanghai"),
        ("Berlin", "Europe/Berlin"),
        ("new york", "America/New_York"),
        ("utc", "UTC"),
    ],
)
def test_subscription_time_zone_as_people_write_it_is_its_iana_name(typed, zone):
    assert check_timezone(typed) == zone


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Mars/Olympus", "schedule.unknown_timezone"),
        ("UTC+8", "zone.offset"),  # an offset: refused naming the zone to write (user-trial6)
        ("Springfield", "schedule.unknown_timezone"),
        ("Asia", "schedule.unknown_timezone"),
    ],
)
def test_subscription_time_zone_that_names_no_zone_is_refused(typed, code):
    with pytest.raises(ScheduleError) as caught:
        check_timezone(typed)
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("typed", "zone"),
    [("Shanghai", "Asia/Shanghai"), ("北京时间", "Asia/Shanghai"), ("berlin", "Europe/Berlin")],
)
def test_default_timezone_setting_reads_the_names_timezone_reads(typed, zone):
    """``/config set default_timezone Shanghai`` was refused while ``/timezone Shanghai``
    was accepted: one reading (``bot.zones``) for both."""
    from bot.config import Settings

    settings = Settings.model_construct()
    Settings.__pydantic_validator__.validate_assignment(settings, "default_timezone", typed)
    assert settings.default_timezone == zone
