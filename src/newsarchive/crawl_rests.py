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

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from newsarchive.archive.frontier import MAX_ATTEMPTS, Frontier, asked_again
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
    # a sitemap left unread, by design (the feeds covered the night, the per-run cap) or
    # not (it failed, or rests): its children, sources too, were not reached, and their
    # failures are not forgotten
    sitemaps_left: bool = False

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


def forget_unread(
    frontier: Frontier, tally: SourceTally, sources: Iterable[str], report: SiteReport,
    describe: Callable[[str], str],
) -> None:  # fmt: skip
    """Forget the failures of the site's sources this run neither asked nor left resting,
    and which are not among ``sources`` (the profile's and what exploring found): a feed
    taken out of the profile, a listing gone from the site, a sitemap child its index no
    longer names. No answer would ever end their rows, so ``stats`` listed them as failing
    or rested for ever, and one that came back among the sources later began where it
    had stopped, rested at its first failure. Only after a run that reached every source
    (the caller's to know: not cut by the budget or robots.txt) and read every sitemap
    (``sitemaps_left``): a sitemap child rests unseen while its index is not read."""
    if tally.sitemaps_left:
        return
    reached = {*sources, *tally.answered, *tally.failed, *tally.skipped}
    gone = frontier.forget_sources_but(reached)
    if gone:
        names = ", ".join(describe(url) for url in gone)
        report.deferred.append(f"{len(gone)} failing source(s) no longer read, forgotten: {names}")


def _left(runs: int) -> str:
    return ("asked " if runs <= 0 else "asked again ") + asked_again(runs)


def _runs(count: int) -> str:
    """``run`` or ``runs``, as ``count`` wants."""
    return "run" if count == 1 else "runs"
