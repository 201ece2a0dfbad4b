"""``time.sleep`` for a crawl on the nights' moved clock (``composed_clock``), alone:
this folder is put on that process's ``PYTHONPATH`` only (``composed_clock.with_clock``),
so Python imports it at start-up, before the crawler; the product never knows.

libfaketime 0.9.10 with ``FAKETIME_DONT_FAKE_MONOTONIC=1`` (the monotonic clock real, so
a timed wait on a condition ends: ``threading.Event.wait``, the crawler's pauses) fails
``time.sleep`` with ``EINVAL``: Python 3.11 sleeps with ``clock_nanosleep`` to an
absolute monotonic deadline, which libfaketime moves by the offset as if the clock were
faked. A relative wait (``select`` with no descriptors: retried after a signal as
``time.sleep`` is, PEP 475) is not moved and keeps its length (measured: 0.3 s).
Everything else stays: an ``FAKETIME``-less process, or one whose monotonic clock is
faked, keeps the real ``time.sleep``.
"""

from __future__ import annotations

import os
import select
import time


def _sleep(seconds: float) -> None:
    """``time.sleep``'s contract (a negative length a ``ValueError``) on a relative wait."""
    select.select([], [], [], seconds)


if (
    "faketime" in os.environ.get("LD_PRELOAD", "")
    and os.environ.get("FAKETIME_DONT_FAKE_MONOTONIC") == "1"
):
    time.sleep = _sleep
