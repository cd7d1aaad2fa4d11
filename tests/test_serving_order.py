"""``fake_telegram.serving``: an application started and stopped in the order of PTB's
``run_polling()``, the one way the tests, the bench and the offline console do it."""

from __future__ import annotations

import pytest

from fake_telegram import polling, serving


class Updater:
    def __init__(self, app: Recorder) -> None:
        self.app = app
        self.running = False

    async def start_polling(self, *, poll_interval, timeout, allowed_updates) -> None:
        self.app.polled_for = allowed_updates
        self.app._call("start_polling")
        self.running = True

    async def stop(self) -> None:
        self.app._call("updater.stop")
        self.running = False


class Recorder:
    """What ``polling`` uses of an Application, writing down each call."""

    def __init__(self, fail: str = "") -> None:
        self.calls: list[str] = []
        self.fail = fail
        self.running = False
        self.updater = Updater(self)
        self.post_init = self._hook("post_init")
        self.post_stop = self._hook("post_stop")
        self.post_shutdown = self._hook("post_shutdown")
        self.polled_for: object = "not polled"

    def _hook(self, name: str):
        async def hook(_app) -> None:
            self._call(name)

        return hook

    def _call(self, name: str) -> None:
        self.calls.append(name)
        if name == self.fail:
            raise RuntimeError(name)

    async def initialize(self) -> None:
        self._call("initialize")

    async def start(self) -> None:
        self._call("start")
        self.running = True

    async def stop(self) -> None:
        self._call("stop")
        self.running = False

    async def shutdown(self) -> None:
        self._call("shutdown")


STARTED = ["initialize", "post_init", "start_polling", "start"]
STOPPED = ["updater.stop", "stop", "post_stop", "shutdown", "post_shutdown"]


async def test_polling_starts_and_stops_in_run_pollings_order() -> None:
    app = Recorder()
    async with polling(app, allowed_updates=["message"]):
        assert app.calls == STARTED and app.polled_for == ["message"]
    assert app.calls == STARTED + STOPPED


async def test_a_start_failing_half_way_still_shuts_down() -> None:
    app = Recorder(fail="start")
    with pytest.raises(RuntimeError, match="start"):
        async with polling(app):
            pass
    # polling had begun: the updater is stopped; the application never ran
    assert app.calls == [*STARTED, "updater.stop", "shutdown", "post_shutdown"]


async def test_every_stop_step_runs_and_the_first_error_is_raised_or_given() -> None:
    app = Recorder(fail="post_stop")
    await serving.start(app)
    with pytest.raises(RuntimeError, match="post_stop"):
        await serving.stop(app)
    assert app.calls == STARTED + STOPPED
    app = Recorder(fail="post_stop")
    await serving.start(app)
    errors: list[Exception] = []
    await serving.stop(app, on_error=errors.append)  # the console logs them
    assert app.calls == STARTED + STOPPED and [str(e) for e in errors] == ["post_stop"]
