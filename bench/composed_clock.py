"""The crawl's clock moved (``composed_sites.py --nights``): each night's ``newsarchive
crawl`` process started with libfaketime preloaded (``LD_PRELOAD``, ``FAKETIME``), so
the crawler reads the night's own moment (03:00 in Sofia, ``crawl_moment``) from
``datetime.now``, ``date.today``, ``time.time`` and SQLite's ``'now'``, and the nights
are days apart, a week or 40 days after a gap (``gaps``), as cron's are: the rules that
rest by the clock (a sitemap read weekly, a site explored again after a month, a rested
listing read after three days) are exercised. Nothing in the product knows: the clock
is moved for that process alone (the judge and the mirror server keep the real one),
relative to the real one (``FAKETIME="-Ns"``), so it ticks.

libfaketime 0.9.10 (Debian 12) on glibc 2.36, Python 3.11, measured: with
``time.monotonic`` faked too (its default; ``FAKETIME_FORCE_MONOTONIC_FIX`` 0 or 1 alike)
a timed wait on a condition (``threading.Event.wait(t)``, ``queue.get(timeout=t)``)
never returns, its deadline read on the faked clock and waited on the kernel's; with
``FAKETIME_DONT_FAKE_MONOTONIC=1`` those return on time, and so do ``select``, ``poll``,
``usleep``, a socket's timeout and SQLite's busy wait, but ``time.sleep`` fails
(``EINVAL``: Python sleeps to an absolute monotonic deadline, which libfaketime moves by
the offset as if that clock were faked). So the crawl runs with the monotonic clock real
(``moved_env``), which is what a real night has (``time.monotonic``, by which the
crawler paces a host and bounds a fetch, keeps the kernel's; dates are the moved
``datetime.now``, ``time.time`` and SQLite's ``'now'``), and ``time.sleep`` mended for
that process alone: ``SLEEP_SITE``'s ``sitecustomize`` (first on its ``PYTHONPATH``,
``with_clock``) replaces it with a relative wait (``select``) when libfaketime is
preloaded with the monotonic clock real. Measured under it: ``time.sleep(0.3)`` and
``Event.wait(0.3)`` 0.3 s each, ``time.monotonic`` the parent's (to 0.6 s, the start-up),
``datetime.now`` and SQLite's ``'now'`` 03:00 in Sofia 40 days back. So the crawler's
pauses (``FetchClient._sleep = stop.wait``: a delay, robots.txt's ``Crawl-delay``,
backoff, ``Retry-After``) wait as on a real night: the nights keep a seed's
``Crawl-delay`` and serve a night's fault (``composed_nights.night_fault``). Without
libfaketime (``faketime_lib`` None) ``--nights`` says so in one line and runs on the
real clock, the nights seconds apart.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import time
import zoneinfo
from pathlib import Path

SOFIA = zoneinfo.ZoneInfo("Europe/Sofia")
CRAWL_TIME = dt.time(3, 0)  # cron's night, on the site's clock
# where Debian's, Ubuntu's and a source build's ``make install`` put the library
LIBS = (
    Path("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1"),
    Path("/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1"),
    Path("/usr/lib/faketime/libfaketime.so.1"),
    Path("/usr/local/lib/faketime/libfaketime.so.1"),
)
# a night after a gap: a long weekend (a rested listing's three days), a week's holiday
# (a sitemap's seven), a month of the machine off (the site explored again after 30)
GAPS = (3, 7, 40)
# ``time.sleep`` mended on the moved clock (its ``sitecustomize``), for that process alone
SLEEP_SITE = Path(__file__).resolve().with_name("moved_clock")
PATH_LISTS = {"LD_PRELOAD": ":", "PYTHONPATH": os.pathsep}  # (and what joins them)
NO_FAKETIME = (
    "--nights: libfaketime not found (apt-get install faketime): the crawls keep the real"
    " clock, the nights seconds apart, and no rest by the clock is exercised"
)


def faketime_lib() -> Path | None:
    """libfaketime's library where it is installed, else None."""
    return next((lib for lib in LIBS if lib.is_file()), None)


def gaps(seed: int, count: int) -> list[int]:
    """Days between one crawl and the next, ``count`` nights: the next day, one night in
    four after a gap (``GAPS``), seeded (a stream of its own: ``plan``'s draws stay)."""
    rng = random.Random(seed * 7919 + 306)
    return [1 if rng.random() < 0.75 else rng.choice(GAPS) for _ in range(count)]


def crawl_moment(day: dt.date) -> dt.datetime:
    """The night's crawl on ``day``: 03:00 in Sofia (01:00 UTC in winter)."""
    return dt.datetime.combine(day, CRAWL_TIME, tzinfo=SOFIA)


def moved_env(moment: dt.datetime, lib: Path) -> dict[str, str]:
    """The environment that starts a process's clock at ``moment``, ticking: an offset
    from the real clock, so the process's children read the same time; the monotonic
    clock real (``FAKETIME_DONT_FAKE_MONOTONIC``: a timed wait ends) and ``SLEEP_SITE``
    first on ``PYTHONPATH`` (``time.sleep`` mended there). ``LD_PRELOAD`` and
    ``PYTHONPATH`` go before the process's own (``with_clock``)."""
    offset = round(moment.timestamp() - time.time())
    return {
        "LD_PRELOAD": str(lib),
        "FAKETIME": f"{offset:+d}s",
        "FAKETIME_DONT_FAKE_MONOTONIC": "1",
        "PYTHONPATH": str(SLEEP_SITE),
    }


def with_clock(env: dict[str, str], clock: dict[str, str] | None) -> dict[str, str]:
    """``env`` with ``clock`` (``moved_env``) over it, its lists of paths (``LD_PRELOAD``,
    ``PYTHONPATH``) put before ``env``'s, not in their place (the worktree's ``src``
    stays on the path)."""
    out = dict(env)
    for key, value in (clock or {}).items():
        before = env.get(key) if key in PATH_LISTS else None
        out[key] = f"{value}{PATH_LISTS[key]}{before}" if before else value
    return out


def stamp_files(root: Path, moment: dt.datetime) -> None:
    """Every file under ``root`` last modified an hour before ``moment``: its
    ``Last-Modified`` (the mirror's file time) no later than the crawler's now."""
    when = (moment - dt.timedelta(hours=1)).timestamp()
    for path in root.rglob("*"):
        if path.is_file():
            os.utime(path, (when, when))


__all__ = [
    "CRAWL_TIME",
    "GAPS",
    "NO_FAKETIME",
    "SLEEP_SITE",
    "crawl_moment",
    "faketime_lib",
    "gaps",
    "moved_env",
    "stamp_files",
    "with_clock",
]
