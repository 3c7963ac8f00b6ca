"""Named points where a run can be held for a test to interrupt it deterministically.

A process whose ``$UK_SMALL_BOATS_PAUSE_AT`` names a point prints ``paused at NAME`` to stderr
there and waits for a signal (the tests send SIGINT or SIGKILL); unset, the points cost one lookup.
"""

from __future__ import annotations

import os
import signal
import sys

PAUSE_ENV = "UK_SMALL_BOATS_PAUSE_AT"


def pause_point(name: str) -> None:
    """Block at ``name`` until a signal arrives, when $UK_SMALL_BOATS_PAUSE_AT names it."""
    if os.environ.get(PAUSE_ENV) == name:
        print(f"paused at {name}", file=sys.stderr, flush=True)
        while True:
            signal.pause()
