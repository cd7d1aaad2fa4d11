"""The default flood limit: a fast person goes through, a script is stopped (trial-left7 #5).

The limiter runs on a clock the test moves, with the limits of the shipped settings
(``config/default.toml``), so a change of the defaults is judged by what it does to a
person and to a script, not by its numbers.
"""

from __future__ import annotations

from bot.config import Settings
from handlers.ratelimit import FloodLimiter

CHAT = 42


def _limiter(settings: Settings) -> tuple[FloodLimiter, list[float]]:
    now = [0.0]
    limiter = FloodLimiter(settings.flood_rate, settings.flood_burst, clock=lambda: now[0])
    return limiter, now


def _refused_at(settings: Settings, interval: float, seconds: float) -> list[float]:
    """When a chat sending one request every ``interval`` s for ``seconds`` is refused."""
    limiter, now = _limiter(settings)
    refused: list[float] = []
    for step in range(int(seconds / interval) + 1):
        now[0] = step * interval
        allowed, _warn, _wait = limiter.take(CHAT)
        if not allowed:
            refused.append(now[0])
    return refused


def test_a_person_at_one_command_a_second_for_a_minute_is_never_refused() -> None:
    assert _refused_at(Settings(), 1.0, 60.0) == []


def test_a_person_at_one_command_every_one_and_a_half_seconds_goes_on_for_ever() -> None:
    """The trial: the help examples, one every 1.5 s, were refused after 15 commands."""
    assert _refused_at(Settings(), 1.5, 30 * 60.0) == []


def test_the_old_limits_refused_that_person() -> None:
    """What the test above guards against: 20 a minute with a burst of 8 failed it."""
    old = Settings(flood_rate=20, flood_burst=8)
    assert _refused_at(old, 1.5, 60.0)
    assert _refused_at(old, 1.0, 60.0)


def test_a_script_at_ten_a_second_is_stopped_within_seconds_and_held_to_the_rate() -> None:
    settings = Settings()
    refused = _refused_at(settings, 0.1, 60.0)
    assert refused and refused[0] <= 3.0
    sent = int(60.0 / 0.1) + 1
    allowed = sent - len(refused)
    # a minute of the script gets the burst and a minute's refill, and no more
    assert allowed <= settings.flood_burst + settings.flood_rate + 1
    assert allowed < sent / 5


def test_a_refused_script_is_warned_once_then_dropped_until_a_token_is_back() -> None:
    settings = Settings()
    limiter, now = _limiter(settings)
    answers = [limiter.take(CHAT) for _ in range(settings.flood_burst + 3)]
    assert all(a[0] for a in answers[: settings.flood_burst])
    refused = answers[settings.flood_burst :]
    assert [a[1] for a in refused] == [True, False, False]  # warned once
    wait = refused[0][2]
    assert wait == 60.0 / settings.flood_rate
    now[0] += wait
    assert limiter.take(CHAT)[0]
    assert not limiter.take(CHAT)[0]
