"""Which of a site's sources a run reads: the profile's hints, then what exploring found.

Hints take precedence. A site without hints, or one of whose hints failed (a guess, or a
site that moved), is explored too: what exploring found before is reused while fresh
(``explorer.REEXPLORE_DAYS``), unless all of it fails now, or a source of it is gone
(404/410: a redesign) beside others that work. Nothing is read twice in a run. The
reading itself is ``crawl_sources.SourceReader``'s; this only chooses, so
``crawl.SiteCrawl`` is left with the run's life cycle.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from urllib.parse import urlsplit

from newsarchive.archive.frontier import Frontier
from newsarchive.crawl_run import SiteReport
from newsarchive.crawl_sources import SourceReader
from newsarchive.discover.explore import Discovery
from newsarchive.discover.urls import absolute, url_key
from newsarchive.explorer import (
    ExploredUntilRested,
    explore,
    explored_lately,
    missed_again,
    resolved_sub_sites,
    sitemap_hosts,
    stale,
    unread_wait,
)
from newsarchive.fetch.client import Fetcher
from newsarchive.models import Profile


def site_origin(url: str) -> str:
    """``scheme://host`` of ``url``, lower-cased: how a site's move is remembered."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


class SiteMoved(Exception):
    """The site moved to another domain as a whole (``Fetcher.site_move``): found before
    exploring it, as exploring the old one would find nothing."""

    def __init__(self, origin: str, moved_to: str) -> None:
        super().__init__(f"{origin} moved to {moved_to}")
        self.origin, self.moved_to = origin, moved_to


def hinted(profile: Profile) -> Discovery | None:
    """The profile's own sources, when it names any: hints that take precedence."""
    if not (profile.feeds or profile.sitemaps or profile.start_urls or profile.rested_urls):
        return None
    return Discovery(
        feeds=tuple(absolute(profile, u) for u in profile.feeds),
        sitemaps=tuple(absolute(profile, u) for u in profile.sitemaps),
        listings=tuple(absolute(profile, u) for u in profile.start_urls),
        rested=tuple(absolute(profile, u) for u in profile.rested_urls),
    )


def reusable(found: Discovery, *, hints: bool, today: dt.date) -> bool:
    """An earlier exploration is read again while fresh; an empty one is retried each
    run, unless hints cover the site anyway."""
    return (not found.empty or hints) and not stale(found, today)


class Discoverer:
    """One site's choice of sources in one run; ``robots_gate`` raises when robots.txt
    disallows the site for this run (it reports that itself)."""

    def __init__(
        self, fetcher: Fetcher, frontier: Frontier, profile: Profile, report: SiteReport,
        reader: SourceReader, *, robots_gate: Callable[[str], None],
        adopt: Callable[[tuple[str, ...]], SourceReader] | None = None,
    ) -> None:  # fmt: skip
        self.fetcher, self.frontier, self.profile = fetcher, frontier, profile
        self.report, self.reader, self._robots_gate = report, reader, robots_gate
        # the site's news hosts an exploration found (``Discovery.hosts``) made the
        # site's: gives the reader that reads them as its own
        self._adopt = adopt

    def run(self) -> None:
        """Read the hints; then, unless they all worked, what exploring found before
        (fresh), and explore again only when that too fails, a source of it is gone
        (``_gone``), or there is none: once a run at most."""
        hints = hinted(self.profile)
        done: set[str] = set()
        if hints is not None:
            if not self.reader.read(hints):
                return
            done = set(hints.urls)
        found = self.frontier.discovery()
        # ``suspects``: the earlier exploration's sources whose failure has the site
        # explored again, and which may turn out gone (moved), not failing
        saved, suspects, before = self.reader, set[str](), set[str]()
        if found is not None and reusable(found, hints=hints is not None, today=dt.date.today()):
            left = set(found.urls) - done
            # (a sitemap robots.txt keeps on its hosting company's CDN is asked there)
            self.fetcher.add_site_hosts(sitemap_hosts(found.sitemaps, self.profile))
            if not left:
                self._sub_sites_resolved(found)
                self._keep_moves()
                return  # all of it was read already
            failed = self.reader.read(found, skip=done)
            suspects = left if failed >= len(left) else self._gone(found, left)
            if not suspects:
                # (home items still saved: the run that explored was cut before it
                # judged them, and this one archived what it had left of them)
                self._sub_sites_resolved(found)
                self._keep_moves()  # (a move learned reading them counts here too)
                return  # something found still works, and nothing is gone
            done |= left
            before = set(found.urls)
        found = self._explore(alone=hints is None)
        if set(found.urls) - before:
            # Saved sources failed (all of them, or one gone beside others that work), and
            # exploring found news elsewhere: the site changed its paths (a move to
            # another domain, its listing at a new address there, or a redesign): those
            # not found again are gone, not failing, and the run that learned it is clean.
            # A source found again still fails (or one exploring could not read either),
            # and so does a hint of the profile's (a person is to mend it).
            for url, why in saved.failed.items():
                if url in suspects and url not in found.urls and url not in found.unread:
                    self.report.retract(why)
        if found.hosts and self._adopt is not None:
            self.reader = self._adopt(found.hosts)
        if found.unread and not found.article_patterns:
            # no page that teaches the article URL shapes answered: a sitemap read now
            # would archive the site's static pages as articles; the next run explores
            # again, and reads it with the shapes
            found = replace(found, sitemaps=())
        self.reader.read(found, skip=done, exploring=True)
        self._sub_sites_resolved(found)
        self._keep_moves()

    def _sub_sites_resolved(self, found: Discovery) -> None:
        """The sub-sites the home page's news items, archived just now, live in
        (``explorer.resolved_sub_sites``): kept with what exploring found, as rested
        listings, and walked now as the first run walks any. The evidence is the
        archive's (where each item was archived, in this run or an earlier one: a
        nightly run does not fetch again what is archived, so an exploration repeated a
        month on learns it there), so a site whose home items lead into no folder of
        their own pays nothing; one that does opens each folder, a request each.

        The items stay saved with the discovery until judged here, and are emptied
        after (whatever was added): a run cut before this point (the items' articles
        queued or archived, their folders not yet judged) leaves them to the next run,
        which reads the saved discovery and judges them here once the queue it fetched
        first and the sources it read archived them; one that ends this way (its budget
        spent, the host resting) keeps them too."""
        if not found.home_items:
            return
        store = self.reader.harvest.store
        lives = {url_key(url): at for url in found.home_items if (at := store.archived_url(url))}
        more = resolved_sub_sites(self.fetcher, self.profile, found, lives)
        self.report.explored += more.requests - found.requests
        added = more.rested[len(found.rested) :]
        saved = self.frontier.discovery()  # (reading may have saved a change to ``found``)
        if saved is None:
            return
        if not added:
            self.frontier.save_discovery(replace(saved, home_items=()))
            return
        notes = {url: more.notes[url] for url in added}
        self.frontier.save_discovery(
            replace(
                saved, rested=(*saved.rested, *added), notes={**saved.notes, **notes},
                article_patterns=more.article_patterns, requests=more.requests, home_items=(),
            )
        )  # fmt: skip
        # (only they: what exploring found was read; not "explored", so a sub-site gone
        # by now does not rewrite the saved discovery from this part of it)
        self.reader.read(
            Discovery(rested=added, notes=notes, article_patterns=more.article_patterns)
        )

    def _gone(self, found: Discovery, left: set[str]) -> set[str]:
        """Of the saved sources just read, some working, those that answered 404/410: a
        redesign moved them, so the site is explored again now, not in up to
        ``REEXPLORE_DAYS``. Not when it was explored lately (a dead link that exploring
        finds again fails once a night, not explored every night), nor for a 5xx or no
        answer (the server is down, not redesigned)."""
        if explored_lately(found, dt.datetime.now(dt.UTC)):
            return set()
        return left & self.reader.removed

    def _keep_moves(self) -> None:
        """The saved sources under the addresses their servers moved them to this run,
        whether this run explored or read a saved discovery again: else every later run
        pays the old host's redirect (its robots.txt first) to learn the move again."""
        # what the frontier holds now, not what was read: reading may have saved a change
        # (a sitemap of no news dropped), which the discovery read would put back
        saved = self.frontier.discovery()
        if saved is not None:
            readdressed = saved.readdressed(self.fetcher.moved)
            if readdressed != saved:  # (a move learned only while reading them counts too)
                self.frontier.save_discovery(readdressed)
                # the validators and the walks go with them, or the next run's read of an
                # unchanged sitemap or listing at its new address sends it whole
                self.frontier.move_source_state({u: self.fetcher.moved(u) for u in saved.urls})

    def _read_until_rested(self, found: Discovery) -> None:
        """What exploring found before the host rested (``ExploredUntilRested``),
        saved and read: its pages were kept, so their articles are queued without a
        request, and the first request the rested host is asked ends the run as the
        rest did (``HostResting``); the next run fetches the queue first and explores
        again (the page turned away is unread)."""
        self.frontier.save_discovery(found)
        self.report.explored += found.requests
        self.reader.read(found, exploring=True)

    def _explore(self, *, alone: bool = True) -> Discovery:
        """Explore the site; when that is all there is to read (``alone``: no hints) and
        it finds nothing, that is the run's failure (hints report their own)."""
        self._robots_gate(self.profile.origin)
        moved_to = self.fetcher.site_move(self.profile.origin)  # (robots.txt was just read)
        if moved_to is not None:
            raise SiteMoved(site_origin(self.profile.origin), moved_to)
        before = self.frontier.discovery()
        try:
            found = missed_again(explore(self.fetcher, self.profile), before)
        except ExploredUntilRested as rested:
            self._read_until_rested(missed_again(rested.found, before))
            raise
        if before is not None and before.article_patterns != found.article_patterns:
            # the sitemaps were read keeping what matched the shapes learned then: what
            # they hold is judged again by the new ones, not skipped as unchanged
            self.frontier.forget_sitemaps(found.sitemaps)
        self.frontier.save_discovery(found)
        self.report.explored += found.requests
        if not (alone and found.empty):  # (else the run fails, saying why, below)
            wait = unread_wait(found)
            when = "next run" if wait == 0 else f"in {wait} days"
            self.report.warnings.extend(
                f"while exploring the site: {why}; explored again {when}"
                for why in found.unread.values()
            )
        if alone and found.empty:
            if found.home_problem:  # unreachable, gone, not HTML: say that, not "no news"
                self.report.fail(f"cannot read the site's home page: {found.home_problem}")
            else:
                where = self.fetcher.describe(self.profile.origin)
                self.report.fail(
                    f"found no feed, sitemap or listing of news at {where} ({found.requests}"
                    " requests): not a news site, or one that needs a profile"
                )
        return found
