"""The cyclic garbage collector's full passes, moved to the moments the reader pauses.

Textual keeps thousands of rendered lines alive, each with several small caches; a full
collection walks them all (20 to 50 ms at 100,000 events on a small machine), and Python starts
one whenever enough objects have been made, often while a keystroke is being answered. While the
browser runs, full passes never start by themselves (young generations still do: they are
cheap); one runs once no key or mouse event has come for `IDLE` seconds.
"""

from __future__ import annotations

import gc
import time

# Seconds without input after which a full collection may run.
IDLE = 0.5
# A gen-1 count no full pass waits for (gc.set_threshold's third value).
NEVER = 2**30


class IdleCollector:
    def __init__(self) -> None:
        self.last_input = time.monotonic()
        self._thresholds: tuple[int, int, int] | None = None

    def start(self) -> None:
        self._thresholds = gc.get_threshold()
        young, middle, _ = self._thresholds
        gc.set_threshold(young, middle, NEVER)

    def input_seen(self) -> None:
        self.last_input = time.monotonic()

    def tick(self) -> None:
        """A full pass if input has paused and young passes have run since the last one."""
        _, _, young_passes = gc.get_count()
        if young_passes and time.monotonic() - self.last_input >= IDLE:
            gc.collect()

    def stop(self) -> None:
        if self._thresholds is not None:
            gc.set_threshold(*self._thresholds)
            self._thresholds = None
