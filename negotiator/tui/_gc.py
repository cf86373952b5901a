"""Python's full garbage collections, run while the app is idle instead of inside a key press.

A running app holds a few hundred thousand objects (widgets, cached table lines). Python's
automatic collection of its oldest generation walks all of them: 100-170 ms on a 200-option
case, about once every eight key presses, wherever the allocation that triggered it happened to
fall (a redraw, a view switch). While the app runs, the objects built at start-up are frozen
(``gc.freeze``: never walked again), automatic full collections are off (the young generations
are still collected as usual, a few ms a key), and a full collection runs from a timer when the
process has been idle since the last check, or in any case after ``FORCE_AFTER`` young
collections so memory stays bounded under non-stop typing. Stopping restores both.
"""

from __future__ import annotations

import gc
import time

__all__ = ["IdleCollector", "CHECK_EVERY"]

#: Seconds between two checks of whether the app was idle.
CHECK_EVERY = 2.0
#: At most this share of one core used since the last check counts as idle.
IDLE_SHARE = 0.05
#: After this many collections of the middle generation (about 70,000 new objects each), collect anyway.
FORCE_AFTER = 200


class IdleCollector:
    def __init__(self) -> None:
        self._threshold: tuple[int, int, int] | None = None
        self._clock = (0.0, 0.0)

    @property
    def running(self) -> bool:
        return self._threshold is not None

    def start(self) -> None:
        if self.running:
            return
        self._threshold = gc.get_threshold()
        gc.freeze()
        young, middle, _ = self._threshold
        gc.set_threshold(young, middle, 10**9)  # the oldest generation: only from tick()
        self._clock = (time.monotonic(), time.process_time())

    def tick(self) -> bool:
        """Collect the oldest generation if the process was idle since the last tick (or it is overdue)."""
        if not self.running:
            return False
        wall, cpu = time.monotonic(), time.process_time()
        busy = (cpu - self._clock[1]) / max(wall - self._clock[0], 1e-9)
        pending = gc.get_count()[2]  # middle-generation collections since the last full one
        collected = pending > 0 and (busy <= IDLE_SHARE or pending >= FORCE_AFTER)
        if collected:
            gc.collect()
        self._clock = (time.monotonic(), time.process_time())
        return collected

    def stop(self) -> None:
        if not self.running:
            return
        gc.set_threshold(*self._threshold)
        self._threshold = None
        gc.unfreeze()
