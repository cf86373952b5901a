"""tui/_gc.py: full garbage collections wait for idle moments while the app runs, and everything is put back after."""

from __future__ import annotations

import gc
import time

from negotiator.tui import _gc, make_app


def test_full_collections_run_when_idle_or_overdue_and_stop_restores_the_collector():
    before = gc.get_threshold()
    collector = _gc.IdleCollector()
    collector.start()
    try:
        assert gc.get_threshold()[:2] == before[:2] and gc.get_threshold()[2] >= 10**9
        assert gc.get_freeze_count() > 0
        gc.collect(1)  # one middle-generation collection: a full one is now pending
        wall, cpu = time.monotonic(), time.process_time()
        collector._clock = (wall - 1.0, cpu - 1.0)  # busy all of the last second
        assert not collector.tick()
        gc.collect(1)
        collector._clock = (time.monotonic() - 1.0, time.process_time())  # idle for a second
        assert collector.tick() and gc.get_count()[2] == 0
        assert not collector.tick()  # nothing pending: nothing to do
        for _ in range(_gc.FORCE_AFTER):
            gc.collect(1)
        collector._clock = (time.monotonic() - 1.0, time.process_time() - 1.0)
        assert collector.tick()  # overdue: collected although busy
    finally:
        collector.stop()
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
    assert not collector.tick()


async def test_the_app_defers_full_collections_once_its_views_are_built_and_restores_them_on_exit(bundled):
    before = gc.get_threshold()
    app = make_app(bundled)
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(100):
            await pilot.pause(0.05)
            if app._collector.running:
                break
        assert app._collector.running and gc.get_threshold()[2] >= 10**9
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
