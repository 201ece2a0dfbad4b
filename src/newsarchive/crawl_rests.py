"""Sources that fail run after run while the site's others answer: rested, not failed.

A feed, sitemap or listing's first page that answers a redirect loop, a bot wall or a
404 failed the nightly run each night, for ever, though the site's other sources gave
their news: cron mailed the same line every morning, and a new fault hid among them.
After ``MAX_ATTEMPTS`` runs in a row (as a later listing page's walk takes it for the
listing's end: ``discover.walk``) such a source rests: it is not asked for the site's
next 2 runs, then 4, 8 … (``rest_runs``) while it fails again each time it is asked, so
one that comes back is found again, and a run that leaves it unasked says so in its
summary, one line, and exits 0. The run it comes to rest says it once more, as a
warning. Only runs in which another source of the site answered count: a site that
fails as a whole stays loud, and its nights bring no source nearer its rest.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from newsarchive.archive.frontier import MAX_ATTEMPTS, Frontier
from newsarchive.crawl_run import SiteReport

# the longest rest, in runs of the site: a source that comes back is found within it
MAX_REST_RUNS = 64


def rest_runs(failures: int) -> int:
    """The runs a source that failed in ``failures`` runs in a row rests (none before
    ``MAX_ATTEMPTS``): 2 at the first rest, twice as many at each failure after it."""
    if failures < MAX_ATTEMPTS:
        return 0
    return min(MAX_REST_RUNS, 1 << (failures - MAX_ATTEMPTS + 1))


@dataclass
class SourceTally:
    """What the site's sources did in one run (shared by the run's ``SourceReader``s,
    which a move or an adopted host makes anew); ``resting``: those left unasked."""

    resting: dict[str, int] = field(default_factory=dict)  # url -> runs it rests yet
    answered: set[str] = field(default_factory=set)  # sources that gave a page or a 304
    failed: dict[str, str] = field(default_factory=dict)  # url -> the failure said of it
    skipped: list[str] = field(default_factory=list)  # resting sources this run left

    def skips(self, url: str) -> bool:
        """Whether ``url`` rests in this run (noted once, for the summary)."""
        if url not in self.resting:
            return False
        if url not in self.skipped:
            self.skipped.append(url)
        return True


def settle(
    frontier: Frontier, tally: SourceTally, report: SiteReport, describe: Callable[[str], str]
) -> None:
    """Keep what the run's sources did: an answer ends a source's failures, a failure
    while another source answered adds one, and a source failing so ``MAX_ATTEMPTS``
    runs in a row rests (``rest_runs``). A run in which none answered counts nothing: its
    nights counted, a source came to rest the first night the site answered again,
    past the count that says it, in silence. Its failure stands the run it comes to
    rest, said with a warning; a rested source asked again that fails again is no
    failure of the run, only named in the summary's one line. ``describe``: how a line
    names an address (and the mirror it was fetched from: ``Fetcher.describe``)."""
    frontier.rest_passed()
    for url in frontier.sources_answered(tally.answered - tally.failed.keys()):
        report.deferred.append(f"{describe(url)} answers again: no longer rested")
    others = bool(tally.answered - tally.failed.keys())
    rested: list[str] = []
    for url, message in tally.failed.items():
        if message not in report.failures:
            continue  # taken back: a source exploring no longer finds (moved, not failing)
        if not others:
            continue  # (the site's failure, not this source's: it stays loud)
        failures = frontier.source_failed(url, message)
        runs = rest_runs(failures)
        if not runs:
            continue
        frontier.rest_source(url, runs)
        if failures == MAX_ATTEMPTS:
            report.warnings.append(
                f"{describe(url)} failed in {MAX_ATTEMPTS} runs in a row while the site's other"
                f" sources answered: rested, asked again after {runs} runs (then after"
                " twice as many each time it fails); 'newsarchive stats' lists it"
            )
        else:
            report.retract(message)
            rested.append(f"{describe(url)} (failed again: asked again after {runs} {_runs(runs)})")
    rested += [f"{describe(url)} ({_left(tally.resting[url] - 1)})" for url in tally.skipped]
    if rested:
        report.deferred.append(f"{len(rested)} failing source(s) rested: {', '.join(rested)}")


def _left(runs: int) -> str:
    return "asked next run" if runs <= 0 else f"asked again after {runs} more {_runs(runs)}"


def _runs(count: int) -> str:
    """``run`` or ``runs``, as ``count`` wants."""
    return "run" if count == 1 else "runs"
