"""Read one site's sources: feeds, sitemaps (and their indexes) and listing walks.

Each source's article links are offered to the frontier and the queued articles fetched
before the next source page is read, so an incremental stop can come early and a run
killed half-way resumes: a sitemap child is marked read only after its own articles, a
walk saves its resume point after every page. Which sources to read is decided by
``crawl_discovery.Discoverer``; how each page is fetched (conditional GET, what counts as
the end of a listing) by ``fetch.sources``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from selectolax.lexbor import LexborHTMLParser

from newsarchive.archive.frontier import Frontier, entry_dates, listed_kind, older_source, within
from newsarchive.crawl_rests import SourceTally
from newsarchive.crawl_run import CrawlOptions, SiteReport
from newsarchive.date_stamps import local_date
from newsarchive.discover import (
    feeds,
    fragments,
    index_pages,
    listings,
    next_pages,
    sitemap_children,
)
from newsarchive.discover.anchors import copy_marks
from newsarchive.discover.explore import (
    CHILD_NOTE,
    GONE_NOTE,
    MIN_ITEMS,
    NAMED_NOTES,
    Discovery,
    shape_pattern,
)
from newsarchive.discover.json_feeds import is_wp_posts, wp_posts_next
from newsarchive.discover.shape import Shape, learn_shape, split_url
from newsarchive.discover.urls import (
    normalize_url,
    on_serving_host,
    url_key,
    without_copy_marks,
)
from newsarchive.discover.walk import (
    EMPTY_RUN_TOLD,
    MAX_ATTEMPTS,
    Listed,
    ListingWalk,
    Place,
    Seen,
    Stop,
    WalkState,
)
from newsarchive.explorer import doubling_days
from newsarchive.extraction import page_kind
from newsarchive.extraction.full_items import FullItem, full_items
from newsarchive.fetch.client import Fetcher, HostResting
from newsarchive.fetch.documents import EMPTY_PAGE, empty_answer
from newsarchive.fetch.sources import (
    CLOSED_BY_ROBOTS,
    FAILURES,
    HtmlAnswer,
    Miss,
    as_before,
    fetch_source,
)
from newsarchive.harvest import Harvester
from newsarchive.markup import parse_html
from newsarchive.models import SOURCE_FEED, SOURCE_SITEMAP, Candidate, Page, Profile, Published

# A sitemap is the site's whole catalogue; what is new since the last run is in its feeds.
# While every feed shows nothing slipped past it (unchanged, or reaching back to an
# article already archived), a sitemap read in full or confirmed unchanged this recently
# is not read again: a nightly run stays at robots.txt, the feed and a listing's first
# page, and an article only the sitemap lists waits at most this long.
SITEMAP_REST_DAYS = 7
# The newest child sitemap of a sequence (``SourceReader._fresh``), asked again whatever
# its index says, is not asked again this soon after it was read or confirmed: a nightly
# run asks it every night, a second run the same day (a retry) does not.
FRESH_CHILD_REST_HOURS = 20
# The sitemaps (indexes and their children) one site's run reads at most: a site listing
# thousands of them (a daily archive's ``sitemap-1.xml`` … ``sitemap-5000.xml``, in an
# index or in robots.txt) costs a run that many requests and no more, the newest first
# (``sitemap_children.newest_first``); those left are read on later runs, being unread
# (or changed). Said once in the run's output.
SITEMAPS_PER_RUN = 50
# A listing beyond the two a nightly run reads (``Discovery.rested``: a third section with
# news of its own) is walked in full once, then read again only when this many days have
# passed since its first page was read or confirmed unchanged: what it posts waits at most
# that long, and a nightly run stays at three requests. Only where something else shows a
# nightly run what is new (a feed, a sitemap, a list of all news: ``SourceReader.rested_due``).
LISTING_REST_DAYS = 3
# Where nothing does (a regional portal's news split over four sections, no feed, no list
# of all news), the sections are the only way to its news, and a post in a rested one
# waited three days: each finished section's first page is asked again (conditionally: a
# 304 costs a request and no bytes) once this many hours have passed, so every nightly run
# asks it and a second run the same day (a retry) does not, and walked on only where it
# lists something new. At most this many a night, the longest unread first, so a portal
# of forty rested sections is asked eight first pages a night, not forty (each one every
# fifth night).
SECTION_REST_HOURS = 20
SECTIONS_PER_NIGHT = 8
# Articles reached through "« Предишна новина" links after a list that ends with no page
# after it, at most, for each page the walk could still have read
# (``SourceReader._older_articles``): about as many as those pages would have listed.
CHAIN_PER_PAGE = 10


class SourceReader:
    """The reading half of a site's crawl; ``check`` runs before every request (the
    archive is still ours, the budget not spent), ``robots_gate`` before fetching the
    articles a source queued."""

    def __init__(
        self, fetcher: Fetcher, frontier: Frontier, profile: Profile, options: CrawlOptions,
        report: SiteReport, harvest: Harvester, *, check: Callable[[], None],
        robots_gate: Callable[[str], None], tally: SourceTally | None = None,
    ) -> None:  # fmt: skip
        self.fetcher, self.frontier, self.profile = fetcher, frontier, profile
        self.options, self.report, self.harvest = options, report, harvest
        self._check, self._robots_gate = check, robots_gate
        # what the run's sources did, and those resting (``crawl_rests``)
        self.tally = tally if tally is not None else SourceTally()
        self._quiet: set[str] = set()  # feeds that showed nothing slipped past them
        # the site's Google News sitemaps read in this run (``_covered``): a feed's kin
        self._news_maps: set[str] = set()
        self._sitemapped = False  # the site's sitemap reaches what its listings may not
        self._sitemaps_read = 0  # sitemap documents asked for in this run (SITEMAPS_PER_RUN)
        self._sitemaps_refused = 0  # and those the cap left unread
        # the source pages that failed in this run, with the failure said of each: one
        # that exploring no longer finds moved, and was no failure (``Discoverer.run``)
        self.failed: dict[str, str] = {}
        # those of them that answered 404/410 (``Miss.REMOVED``): gone, maybe redesigned
        self.removed: set[str] = set()
        # feeds and sitemaps the site names (``_named_by_site``) that answered 404/410,
        # with what was said of each and where the site names it: judged once the site's
        # other sources are read (``_dead_named``)
        self._named_gone: dict[str, tuple[Miss, str, str, bool]] = {}
        # child sitemap -> the index that names it (read in this run) and the stamp it
        # gives the child there ("": none worth reading): the site names it
        self._index_of: dict[str, tuple[str, str]] = {}
        # the keys (``url_key``) of every child an index read in this run names, read or
        # left unread as unchanged: a top sitemap among them (robots.txt naming an index
        # and one of its children, or the child again over ``http://``) is that index's
        # child, judged by its ``<lastmod>`` there, not asked again as a source of its own
        self._children_named: set[str] = set()
        # how exploring found each source (``Discovery.notes``) of those read in this run
        self._notes: dict[str, str] = {}
        # feeds and sitemaps that answered with nothing in them (``feeds.EMPTY``), with
        # their kind and whether each is a source of its own (no child of an index):
        # judged as ``_named_gone`` is (``_said_empty``)
        self._empty: dict[str, tuple[str, bool]] = {}
        # the source pages (a feed's, a sitemap's, a listing's first) that failed in this
        # run (``read``); a later page of a listing or a feed fails the run, but not its
        # source: it was read, and its news kept (``_fail``)
        self._sources_failed = 0
        # listing -> the template of its pages where none links the next, as the site's
        # sitemap names them (``Discovery.page_templates``): walked as a profile's is
        self._page_templates: dict[str, str] = {}
        # the query fields that mark a copy of a page (``Discovery.copy_marks``)
        self._copy_marks: list[str] = []

    def read(
        self, sources: Discovery, skip: set[str] | None = None, *, exploring: bool = False
    ) -> int:
        """Read feeds and sitemaps, walk listings (but not those in ``skip``, read already
        in this run); return how many of them failed (a listing or a feed whose later
        page failed has not: ``_fail``). ``exploring``: the sources were
        found in this run, so a feed's older pages are read to their end
        (``_older_posts``), as they are on the first run that reads a profile's feed.
        A source resting (``crawl_rests``) is left unasked, and counted as failed here
        (not in the report): the sources it stood beside are read as they were while it
        failed (a profile's hint failing has what exploring found read too)."""
        skip = skip or set()
        self._notes.update(sources.notes)
        self.harvest.listings.update((*sources.listings, *sources.rested))
        self._page_templates.update(sources.page_templates)
        self._copy_marks += [m for m in sources.copy_marks if m not in self._copy_marks]
        failed_before, rested_before = self._sources_failed, len(self.tally.skipped)
        self._sitemapped = self._sitemapped or bool(sources.sitemaps)
        first = next((u for u in sources.urls if u not in skip), None)
        if first is not None:
            self._robots_gate(first)
        read_feeds = [url for url in sources.feeds if url not in skip]
        shapes = [re.compile(pattern) for pattern in sources.article_patterns]
        walked: set[str] = set()
        if (
            (sources.sitemaps or read_feeds)
            and not sources.explored_at
            and not self.profile.article_pattern
        ):
            # A profile's hints name a sitemap or a feed and listings but no article
            # shape (what add-site proposes): a sitemap read whole archives the site's
            # static pages too, as articles, and a feed's or sitemap's articles whose
            # address the generic guess misses (``/statia/540``) are lost, where a crawl
            # with no profile keeps the URLs of the shapes its listings taught. So the
            # listings are walked first, to teach them. (What exploring found holds the
            # shapes it learned, or none to learn.)
            for start in sources.listings:
                if start not in skip:
                    walked.add(start)
                    shapes += self._taught(self.walk(start, teach=True), shapes)
        for url in read_feeds:
            # a feed read for the first time is read to its end, hints or not, and so
            # is one whose older page failed last run (``_feed_page_failed``), from there,
            # by a run whose page cap reaches that page: one that may not ask it (a
            # failure at page 30, nightly runs capped at 25) read pages 1-25 whole every
            # night, for ever, the failed page never asked again (nor its failures
            # counted); the feed is read as every night's, and its resume kept
            state = self.frontier.walk(url)  # (read once, handed down to its reading)
            resumes = state.failures > 0 and self._reaches(url, state.resume_page)
            whole = exploring or not self.frontier.read_before(url) or resumes
            self.feed(url, shapes=shapes, exploring=whole, state=state)
        sitemaps = self._sitemaps_in_turn(sources.sitemaps)
        barren: list[str] = []
        for url in sitemaps:
            if url in skip or url_key(url) in self._children_named:
                continue
            if self._covered(read_feeds) and self.frontier.checked_within(url, SITEMAP_REST_DAYS):
                self.tally.sitemaps_left = True  # (its children unread: their rests stand)
            elif self.feed(url, shapes=shapes, kind=SOURCE_SITEMAP) == 0:
                barren.append(url)
        for start in sources.listings:
            if start not in skip | walked:
                self.walk(start)
        for start in self.rested_due([u for u in sources.rested if u not in skip], sources):
            self.walk(start)
        gone = [
            u for u in self._dead_named(explored=bool(sources.explored_at)) if u in sources.urls
        ]
        self._said_empty()
        # a top sitemap an index names as its child, whichever robots.txt lists first
        children = [u for u in sources.sitemaps if url_key(u) in self._children_named]
        if (barren or gone or children) and sources.explored_at:  # found, not to be read again:
            # a sitemap of pages, not news; a source gone that the site names (``_dead_named``);
            # an index's child, read as that child
            kept = sources.without(barren).without(gone, GONE_NOTE).without(children, CHILD_NOTE)
            self.frontier.save_discovery(kept)
        rested = len(self.tally.skipped) - rested_before
        return self._sources_failed - failed_before + rested

    def _covered(self, read_feeds: list[str]) -> bool:
        """Whether the time since the last run is covered, so that a sitemap read lately
        can wait (``SITEMAP_REST_DAYS``): by the feeds read and the Google News sitemaps
        read so far (``_news_maps``), each showing nothing slipped past it (``_quiet``).
        A news sitemap lists the last two days' news, as a feed its latest posts: beside
        one and no feed, the site's whole sitemap was read every night, one request over
        a nightly run's (composed seeds' ``smf:news``). Asked before each sitemap, as the
        news sitemap read before another covers that one; one never read, or not lately,
        is read whatever covers (a first crawl reads the whole catalogue)."""
        covering = [*read_feeds, *self._news_maps]
        return bool(covering) and all(url in self._quiet for url in covering)

    def rested_due(self, rested: list[str], sources: Discovery) -> list[str]:
        """The rested listings (``Discovery.rested``) to walk in this run: each whose walk
        never reached its end, and of the others those whose first page was last read (or
        confirmed unchanged) ``LISTING_REST_DAYS`` ago, where a feed, a sitemap or a list
        of all news shows what is new; where none does, ``SECTION_REST_HOURS`` ago, at most
        ``SECTIONS_PER_NIGHT`` of them, the longest unread first. Those the cap leaves
        for later nights are said in the run's summary (``SiteReport.deferred``), not as a
        warning: a portal of many sections is read over several nights by design, and
        cron, which mails stderr, would mail it every night."""
        shown = bool(sources.feeds or sources.sitemaps or sources.all_news)
        days = LISTING_REST_DAYS if shown else SECTION_REST_HOURS / 24
        unfinished = {u for u in rested if not self.frontier.walk(u).completed}
        read = self.frontier.last_checked(rested)  # (one query for all, not one each)
        due = [u for u in rested if u not in unfinished and not within(read.get(u), days)]
        if not shown:  # (the longest unread first: a page never read has no time, "")
            due = sorted(due, key=lambda u: read.get(u, ""))
            left = len(due) - SECTIONS_PER_NIGHT
            if left > 0:
                self.report.deferred.append(
                    f"{left} section{'s' * (left != 1)} left for later nights"
                    f" ({SECTIONS_PER_NIGHT} a night)"
                )
            due = due[:SECTIONS_PER_NIGHT]
        return [u for u in rested if u in unfinished or u in due]

    def feed(
        self,
        url: str,
        depth: int = 0,
        lastmod: str | None = None,
        shapes: list[re.Pattern[str]] | None = None,
        kind: str = SOURCE_FEED,
        *,
        exploring: bool = False,
        state: WalkState | None = None,
    ) -> int | None:
        """A feed or sitemap, then (for an index) its changed child sitemaps, depth first;
        how many article URLs it held (None: unread, or none read now while a child not
        read now may hold some). ``shapes``, the site's learned article URL shapes, keep a
        sitemap's pages that are not news out, and let in a feed's or sitemap's entries
        of those shapes the generic guess would miss (``feeds.page_links``).

        A child is marked read (validators, lastmod) only after its own children and
        articles are, so a run stopped half-way resumes with what it had not finished;
        an index, only when none of its children failed, so a child a passing 503 kept
        unread is read next run instead of hiding behind the index's 304.

        ``state``: the feed's walk as the caller read it from the frontier (read here
        when not given and wanted), so one reading asks for it once.
        """
        # ``kind`` names the document (children of an index are sitemaps) and becomes its
        # candidates' source: a feed's dates are publication dates, a sitemap's are not
        kind = SOURCE_SITEMAP if depth else kind
        if kind == SOURCE_SITEMAP and not self._sitemap_allowed(url):
            return None  # (unread: not barren, and its index not read in full)
        # (asked before the read marks it: a feed read to its end once, re-explored)
        if exploring:
            state = self.frontier.walk(url) if state is None else state
        else:
            state = WalkState()  # (no walk: nothing read to its end, no older page asked)
        read_to_end = state.completed
        # A feed explored whose reading never reached its end is asked for whole: a 304
        # (unchanged since a reading --max-pages or --since cut) names no older page.
        unfinished = exploring and kind == SOURCE_FEED and not read_to_end
        # A child answering an HTML page is gone tonight as a 404 one is (one warning
        # naming the index, ``_dead_named``), but asked again next run: its index, on the
        # same server and in this run, answered XML, so the page is likely the server's
        # "not found" page answered 200, though it may be a passing one. A top sitemap
        # (robots.txt's, a profile's, exploring's) has no such witness: its HTML page may
        # be a wall, a maintenance or login page in front of the site, and still fails.
        page = self._get(url, kind, conditional=not unfinished, source=True, html_gone=depth > 0)
        if page is Miss.UNCHANGED:
            self.frontier.confirmed(url)
            if kind == SOURCE_FEED:
                self._quiet.add(url)
        elif isinstance(page, Miss) and kind == SOURCE_SITEMAP:
            # (failed or resting, an index names none of its children: their rests stand)
            self.tally.sitemaps_left = True
        if isinstance(page, Miss):
            return None
        max_bytes = self.fetcher.options.max_bytes
        read = feeds.page_links(page, self.profile, kind, max_bytes=max_bytes, shapes=shapes or ())
        if read.empty:
            # no proof of "no news" (not barren), its validators not kept (asked whole
            # next run), and said once the site's other sources are read
            self._empty[url] = (kind, depth == 0)
            return None
        articles, sitemaps, cut = read.articles, read.sitemaps, read.cut
        if cut:
            self.report.warnings.append(f"{url}: {cut}")
        if shapes and kind == SOURCE_SITEMAP:  # (a feed lists posts: all of them are news)
            articles = [
                c for c in articles if c.url in read.news or feeds.fits_shapes(c.url, shapes)
            ]
        held = len(articles)
        unknown = False  # a child not read now: whether it holds news is not known
        errors, refused = self.report.listing_errors, self._sitemaps_refused
        children = sitemaps if depth < 2 else []
        self._children_named.update(url_key(child.url) for child in children)
        # (named, so robots.txt's line for one is not read on its own, but not read)
        children = feeds.posts_children(children)
        fresh = self._fresh(children)
        generated = sitemap_children.generation_stamp(children, SITEMAPS_PER_RUN)
        due: list[tuple[feeds.FeedEntry, str]] = []
        for child in sitemap_children.newest_first(children):
            # ("": the index gives none, or only the time it was written; read before,
            # only ``fresh`` says to ask again)
            stamp = sitemap_children.stamp(child)
            stamp = "" if stamp == generated else stamp
            # (one recorded gone is asked again after days, the more the more often it
            # was: its index's stamp may never change, and a 404 may have been a
            # deploy's hour)
            unchanged = self.frontier.unchanged_sitemap(child.url, stamp, gone_days=doubling_days)
            if child.url not in fresh and unchanged:
                unknown = True  # read in full before, not again
                continue
            due.append((child, stamp))
        for child, stamp in self._in_turn(due, fresh):
            self._index_of.setdefault(child.url, (url, stamp))
            got = self.feed(child.url, depth + 1, stamp, shapes, SOURCE_SITEMAP)
            unknown = unknown or got is None  # (a passing 503 is no proof of "no news")
            held += got or 0
        # no child (or theirs) failed, nor was left for a later run
        complete = self.report.listing_errors == errors and self._sitemaps_refused == refused
        verdicts = self._offer(articles)
        if depth == 0 and kind == SOURCE_SITEMAP and read.news:
            self._news_maps.add(url)  # (a Google News sitemap: a feed's job, ``_covered``)
        if (kind == SOURCE_FEED or url in self._news_maps) and Seen.KNOWN in verdicts:
            self._quiet.add(url)  # it reaches back to what the archive holds: no gap
        self.harvest.fetch_pending(self._robots_gate)
        if (
            exploring
            and kind == SOURCE_FEED
            and Seen.OLD not in verdicts
            and not (read_to_end and Seen.KNOWN in verdicts)
        ):
            older, ended = self._older_posts(
                url, page, len(articles), read.next, shapes or [],
                state=state, read_to_end=read_to_end,
            )  # fmt: skip
            held += older
            # (a feed whose older pages the budget cut stays unread: the next run reads
            # it to its end again, its first pages' posts known, and goes on from there)
            complete = complete and ended
        if complete:
            # An index is asked whole next time: its 304 would hide its children, whose
            # changes many CMSes never write into it (the same one request, a few KB).
            # So is a Google News sitemap: its 304 would not say it is one, to cover for
            # the whole sitemap (``_covered``; the last two days' news, a few KB too).
            whole = bool(sitemaps) or url in self._news_maps
            self.frontier.save_validators(url, page, lastmod, validators=not whole)
        return None if unknown and not held else held

    def _in_turn(
        self, due: list[tuple[feeds.FeedEntry, str]], fresh: set[str]
    ) -> list[tuple[feeds.FeedEntry, str]]:
        """The order an index's children due a reading are read in: newest first, while
        the run may read them all. When it may not (``SITEMAPS_PER_RUN``), those where
        new posts go (``fresh``) first, then those never read, newest first, then those
        read before, the least recently read first. A generator stamping each child with
        its own new ``<lastmod>`` every night (the time it wrote it) makes every child
        look changed: newest first, the same ones were read each night within the cap,
        and the rest never (``generation_stamp`` knows only a stamp they share)."""
        room = SITEMAPS_PER_RUN - self._sitemaps_read
        if len(due) <= room:
            return due
        read = self.frontier.last_checked([child.url for child, _ in due])

        def turn(item: tuple[int, tuple[feeds.FeedEntry, str]]) -> tuple[int, str, int]:
            place, (child, _) = item
            if child.url in fresh:
                return 0, "", place
            when = read.get(child.url)
            return (1, "", place) if when is None else (2, when, place)

        return [item for _, item in sorted(enumerate(due), key=turn)]

    def _sitemaps_in_turn(self, urls: Sequence[str]) -> list[str]:
        """The order a run asks a site's own sitemaps in (robots.txt's, a profile's; no
        index's children): newest first (``newest_first``), but of those read before only
        the newest of each sequence (where new posts go) ahead of the ones never read.
        Asked again each night (a 304 each), the newest ``SITEMAPS_PER_RUN`` had the cap
        to themselves, and the rest were never read."""
        entries = sitemap_children.newest_first([feeds.FeedEntry(u, None, True) for u in urls])
        newest = {seq[0].url for seq in sitemap_children.sequences(entries) if seq}
        ahead = {e.url for e in entries if e.url in newest or not self.frontier.read_before(e.url)}
        return [e.url for e in entries if e.url in ahead] + [
            e.url for e in entries if e.url not in ahead
        ]

    def _sitemap_allowed(self, url: str) -> bool:
        """Whether this run may still ask for a sitemap (``SITEMAPS_PER_RUN``); the first
        refused one says so in the run's summary, once: a site of thousands is read over
        many nights by design, and a warning (on stderr even with ``--quiet``) had cron
        mail it every one of those nights, though nothing was wrong."""
        if self._sitemaps_read < SITEMAPS_PER_RUN:
            self._sitemaps_read += 1
            return True
        self._sitemaps_refused += 1
        self.tally.sitemaps_left = True
        if self._sitemaps_refused == 1:
            self.report.deferred.append(
                f"{url}: {SITEMAPS_PER_RUN} sitemaps read in this run, the most one run"
                " reads of a site; the rest, newest first, on the next runs"
            )
        return False

    def _fresh(self, children: list[feeds.FeedEntry]) -> set[str]:
        """The children of an index asked again (conditionally) though their ``<lastmod>``
        there is unchanged or missing (``sitemap_children``): in each sequence of news,
        the newest, where the posts since the last run went; when that one is new (read
        anyway), the one before it, which may have taken posts before it filled up."""
        fresh = set()
        for sequence in sitemap_children.sequences(children):
            for child in sequence[:2]:
                if self.frontier.read_before(child.url):
                    rest = FRESH_CHILD_REST_HOURS / 24
                    if not self.frontier.checked_within(child.url, rest):
                        fresh.add(child.url)
                    break
        return fresh

    def _older_posts(
        self, url: str, page: Page, entries: int, following: str | None,
        shapes: list[re.Pattern[str]], *, state: WalkState, read_to_end: bool = False,
    ) -> tuple[int, bool]:  # fmt: skip
        """The older pages of a feed: WordPress's list of posts (``json_feeds.wp_posts_next``)
        or a feed paged as RFC 5005 says (``following``, its ``<link rel="next">``), each
        page's posts fetched before the next page is read, while the site's request
        budget and ``--max-pages`` last; how many posts they held. Only on the run that
        found the feed, or first read it: a nightly run reads its first page, which shows
        what is new, so it costs no request more. The list is newest first: a page that
        reaches past ``--since`` is its last worth reading, and one with no post its end.
        Whether the walk ended (False: the request budget stopped it short of a page it
        names, which the next run must read; the caller keeps the feed unread till then,
        as it does when the run is killed on the way).

        ``read_to_end``: the feed was read to its end on an earlier run (exploring again,
        about monthly), so what lies past a page reaching back to an archived post was
        read then: that page is the last, where it walked all 25 pages of posts it held.
        A feed whose reading was cut short (the budget, ``--max-pages``, ``--since``) is
        walked on past its known pages until one reading reaches its end, which is kept
        as its walk's ``completed``."""
        feed, ended = url, False  # (ended: the feed's last page read, none named after it)
        held, pages, seen = 0, 1, {url}
        limit = self._page_cap()
        max_bytes = self.fetcher.options.max_bytes
        # the older page a run before failed at (``state``: the feed's walk), where this
        # reading goes on from page 1
        resume = (state.resume_url, state.resume_page) if state.failures else None
        while True:
            url = wp_posts_next(url, page.headers.get("x-wp-totalpages"), entries) or ""
            if not url and following:  # (WordPress's list has its own cap: MAX_WP_PAGES)
                if limit and pages >= limit:
                    break
                url = following
                if resume is not None and not self._reaches(feed, resume[1]):
                    resume = None  # (past the run's page cap: the pages up to it are read)
            if url and resume is not None and resume[0] is not None:
                url, pages = resume[0], resume[1] - 1
            resume = None
            if not url or url in seen:
                ended = not url  # (a loop back to a page read is no end)
                break
            if self.harvest.request_budget.spent(self.fetcher.requests):
                return held, False
            seen.add(url)
            pages += 1
            got = self._get(url, SOURCE_FEED)
            if isinstance(got, Miss):
                return held, self._feed_page_failed(feed, state, url, pages)
            page = got
            read = feeds.page_links(
                page, self.profile, SOURCE_FEED, max_bytes=max_bytes, shapes=shapes
            )
            entries, following = len(read.articles), read.next
            held += entries
            verdicts = self._offer(read.articles)
            self.harvest.fetch_pending(self._robots_gate)
            if not entries:
                ended = True
                break
            if Seen.OLD in verdicts or (read_to_end and Seen.KNOWN in verdicts):
                break
        if ended:
            self.frontier.save_walk(feed, WalkState(completed=True))
        elif state.failures and pages >= state.resume_page:
            # read its failed page, then cut short (--since, a known post, the cap): a
            # reading stopped before it (the cap) keeps it for the next, whole one
            # to resume at. Cleared, the next run read page 1 alone, conditionally,
            # and the failed page's posts and those after it were lost.
            self.frontier.save_walk(feed, WalkState())
        return held, True

    def _page_cap(self) -> int:
        """How many pages of a listing or a feed this run reads (0: no cap): the run's
        ``--max-pages``, or else the profile's. One rule for the walks and for whether
        a feed's failed older page is within this run's reach."""
        return self.profile.max_pages if self.options.max_pages is None else self.options.max_pages

    def _reaches(self, feed: str, page: int) -> bool:
        """Whether this run may read a feed as far as its ``page``-th page: within the
        run's page cap (``_page_cap``), or any, WordPress's list of posts having its own
        (``MAX_WP_PAGES``)."""
        cap = self._page_cap()
        return not cap or page <= cap or is_wp_posts(feed)

    def _feed_page_failed(self, feed: str, state: WalkState, url: str, number: int) -> bool:
        """A feed's older page ``url`` (its ``number``-th) failed, as a listing's later
        page may (``ListingWalk.failed``): its reading is not over, so the feed keeps no
        validators from this run and the next reads it whole and resumes at that page
        (``WalkState.failures``: ``read``). A 304 to the next run's conditional request
        had ended the reading at page 1, the failed page's posts and those after it never
        archived. One failing there in ``MAX_ATTEMPTS`` runs in a row is the feed's end,
        as a listing's page is, its reading completed: each night had asked the whole
        feed and that page again and failed the run, for ever. Whether the reading ended."""
        failures = state.failures + 1 if url == state.resume_url else 1
        if failures < MAX_ATTEMPTS:
            self.frontier.save_walk(feed, WalkState(url, number, failures=failures))
            return False
        self.report.warnings.append(
            f"{self.fetcher.describe(url)} failed in {MAX_ATTEMPTS} runs in a row: taken for"
            " the end of its feed, not asked again; the posts it and the pages after it"
            " list are not archived from there"
        )
        self.frontier.save_walk(feed, WalkState(completed=True))
        return True

    @staticmethod
    def _taught(shapes: list[Shape], known: list[re.Pattern[str]]) -> list[re.Pattern[str]]:
        """The article URL shapes a walk's items taught, as the regexes exploring keeps
        (``explore.shape_pattern``), those not among ``known`` yet."""
        patterns = {p.pattern for p in known}
        taught = [shape_pattern(shape) for shape in shapes if shape.fixes_something]
        return [re.compile(p) for p in dict.fromkeys(taught) if p not in patterns]

    def walk(self, start: str, *, teach: bool = False) -> list[Shape]:
        """A listing, newest page first (an oldest-first one from the newest page it
        reached before), as far as ``ListingWalk`` says, each page's
        articles fetched before the next page is read; the item shapes its pages taught.
        ``teach``: the shapes are wanted (to read a feed or sitemap by), so page 1 is
        asked without validators: a 304 teaches none, and the nightly run after a quiet
        day would read the feed's ``/statia/540`` entries as no articles and a sitemap's
        static pages as news (the same one request, the page's bytes sent again)."""
        limit = self._page_cap()
        profile = self.profile
        if not profile.pagination and (template := self._page_templates.get(start)):
            profile = replace(profile, pagination=template)
        pages = next_pages.ListingPages(profile)  # where it goes after each page
        state = self.frontier.walk(start)
        walk = next_pages.listing_walk(
            start, state, pages.months, limit=limit,
            stop_after_known=self.options.stop_after_known,
            limit_is_the_sites=self.options.max_pages is None, since=self.options.since,
            from_start=self.options.refresh,
        )  # fmt: skip
        if walk.state != state:
            # (a settled walk's pass begun: kept before page 1's articles are fetched, so
            # a run cut while fetching them leaves it to the next: ``WalkState.pass_url``)
            self.frontier.save_walk(start, walk.state)
        learned: list[Shape] = []  # item shapes this walk's pages taught, page to page
        if walk.ascending and state.resume_url is not None and walk.url == state.resume_url:
            # (an oldest-first listing resumed at its newest page: the shape its articles
            # listed before share, by which a lone card there, or on the page past it, is
            # read, where no page before it is read this run to teach it)
            listed = self.frontier.listed_on((start, walk.url))
            taught = learn_shape(split_url(u) for u in listed)
            learned.extend([taught] if taught else [])
            self._learn_archived_at(listed, learned)
        orders: list[bool] = []  # whether each page proved its slash dates month first
        newest: tuple[str, Page] | None = None  # the last page read, and where
        # the last two pages read, by where: an oldest-first listing's walk may end at a
        # page listing nothing after its newest page (``ListingWalk._newest_page``), where
        # the next run begins, asked with the validators kept here
        kept: dict[str, Page] = {}
        read: set[str] = set()  # the pages read (``url_key``), asked for or redirected to
        first = True  # the walk's first page this run
        while (step := walk.page()) is not None:
            url, number = step
            kind = _what(number)
            wanted = walk.conditional and not self.options.refresh  # (validators sent)
            conditional = wanted and not teach
            page = self._get(
                url, kind, conditional=conditional, gone_ends=number > 1,
                read_before=(lambda u: url_key(u) in read) if number > 1 else None,
                source=number == 1 and not walk.rereading,  # (not page 1 asked again)
            )  # fmt: skip
            if isinstance(page, Page) and self._answered_empty(page, url, number, newest):
                page = Miss.FAILED
            if teach and wanted and isinstance(page, Page) and self._unchanged(url, page, learned):
                # asked whole for the shapes it teaches, and walked as the 304 a request
                # with its validators got: a profile's hints (what add-site proposes)
                # read a listing unchanged since the last run as a crawl with no profile
                # does. Read as changed, an all-known page 1 of a listing whose dates run
                # unordered went on to its end every night (topolovo: a no-op rerun of 6
                # requests where the bare crawl's asks 3)
                page, conditional = Miss.UNCHANGED, True
            if page is Miss.RESTED:
                break  # (its walk kept as it was, for the run that asks it again)
            if first and number > 1 and walk.ascending and page not in FAILURES:
                # an oldest-first listing's newest page, checked (a 304, or read whole:
                # ``WalkState.past_url``): so is the listing (rested)
                self.frontier.confirmed(start)
            first = False
            if page in (Miss.FAILED, Miss.REMOVED, Miss.DOWN):  # (FAILURES, as mypy narrows)
                # (a later page failing is no failure of the listing: ``_fail``; the walk
                # resumes there next run)
                walk.failed()
                if walk.gave_up:
                    self.report.warnings.append(
                        f"{self.fetcher.describe(url)} failed in {MAX_ATTEMPTS} runs in a row:"
                        " taken for the end"
                        " of its listing, not asked again; what it and the pages after it"
                        " list is not archived from there"
                    )
            elif page is Miss.GONE:
                walk.gone()
            elif page is Miss.UNCHANGED:
                if number == 1:
                    self.frontier.confirmed(url)  # checked again now (for a rested listing)
                walk.not_modified()
            else:
                # (a page of the list, never an article, whichever link leads there later)
                self.harvest.listings.update((url, page.final_url))
                self._read_page(walk, pages, page, (url, number), learned, orders)
                newest = (url, page)
                kept = dict([*kept.items()][-1:]) | {url: page}
                read.update((url_key(url), url_key(page.final_url)))
            self.frontier.save_walk(start, walk.state)
        if (told := _empty_end(walk)) is not None:
            self.report.warnings.append(told)
        # an oldest-first listing's walk ended at its newest page, where the next run
        # begins: its validators, for that run's conditional request (page 1's are saved
        # as read). Once the walk is over: a page after it may end it (a profile's
        # templated page answered 404, or one listing nothing: composed seed 18's, whose
        # newest page was then asked whole each night, and the empty one after it too)
        resume = walk.state.resume_url
        if walk.state.ascending and resume is not None and resume in kept:
            self.frontier.save_validators(resume, kept[resume])
        return learned

    def _learn_archived_at(self, urls: Sequence[str], learned: list[Shape]) -> None:
        """Add to ``learned`` the shape of the addresses the news listed as ``urls`` were
        archived at, where the server sent those links on: a "Зареди още" answer written by
        other code links them so, a lone item read by no shape the walk knew (composed seed
        2424: its Drupal list linked ``/node/N``, its JSON answer ``/novini/<alias>``, the
        oldest news lost). Wherever a walk learns its pages' shapes: a page read, page 1
        unchanged, a walk resumed past it."""
        moved = learn_shape(split_url(u) for u in self.frontier.archived_elsewhere(urls))
        if moved is not None and moved not in learned:
            learned.append(moved)

    def _unchanged(self, url: str, page: Page, learned: list[Shape]) -> bool:
        """Whether a listing's page 1, asked whole for the item shapes it teaches, is the
        page read last time: it came with the validators saved for it (``as_before``),
        and lists no article that is new (its links offered: one a server whose ETag
        never changes hid is queued, and the page read as changed, as it was). When so,
        the shapes it teaches are added to ``learned``, as ``_read_page`` adds them.
        ``url``: the address the walk asked, under which its validators were saved."""
        if not as_before(self.frontier.validators(url), page):
            return False
        text = fragments.as_listing(page.text, page.final_url) or page.text
        taught = list(learned)
        links = listings.article_links(
            parse_html(text), page.final_url, self.profile, taught, page.fetched_at
        )
        if Seen.NEW in self._offer(links):
            return False
        learned[:] = taught
        self._learn_archived_at([c.url for c in links], learned)
        return True

    def _answered_empty(
        self, page: Page, url: str, number: int, before: tuple[str, Page] | None
    ) -> bool:
        """A listing page answered ``200`` with nothing (``EMPTY_PAGE``: a PHP worker
        dying after its headers went out), failed and reported so: read as a page, it
        listed nothing, and a later one ended the walk there for good (the older news
        after it never archived) or a first one warned that the site's markup changed.
        Not a later page after one that was no whole document: a "load more" endpoint
        answers nothing when the cards run out, its list's end."""
        if not empty_answer(page.content):
            return False
        if number > 1 and (before is None or b"<body" not in before[1].content[:65536].lower()):
            return False
        self._failed(
            url, (Miss.FAILED, f"{EMPTY_PAGE}: {self.fetcher.describe(url)}"), source=number == 1
        )
        return True

    def _read_page(
        self, walk: ListingWalk, pages: next_pages.ListingPages, page: Page,
        where: tuple[str, int], learned: list[Shape], orders: list[bool],
    ) -> None:  # fmt: skip
        """One fetched listing page: its articles offered and fetched, the walk told what
        it held (or that a "not found" page, a bot wall came instead). ``where``: the URL
        the walk asked for, and the page's number in it."""
        url, number = where
        # a "load more" endpoint's JSON answer: the cards it carries, as a person sees them
        text = fragments.as_listing(page.text, page.final_url) or page.text
        tree = parse_html(text)
        found = self._not_a_listing(tree, page, number, text)
        if found == page_kind.ERROR_PAGE and number > 1:
            walk.gone()
            return
        if found:
            walk.failed()
            return
        places: list[Place] = []  # (where on the page each link stood: ``walk.Place``)
        links = listings.article_links(
            tree, page.final_url, self.profile, learned, page.fetched_at, places, orders
        )
        # (a page of items in full links none of them: only then is it worth reading so)
        if len(links) < MIN_ITEMS and (items := full_items(tree, page.final_url, page.fetched_at)):
            self._read_items(walk, pages, page, tree, where, items)
            return
        # a page listing no articles, only issues or a calendar's days: walked as a list
        # of lists (``index_pages``, ``ListingWalk``)
        # (its cards may be the issues themselves, "/broy/12-2026" read as an article's address)
        index = index_pages.listing_index(
            tree, page.final_url, [c.url for c in links], next_pages.latest_day(page.fetched_at)
        )
        if index is not None:
            links = []
        if number == 1 and not links and index is None:  # a news listing is never empty
            self.report.warnings.append(
                f"{page.final_url}: the listing holds no article links: the "
                "site's markup or addresses may have changed"
            )
        if number == 1:
            self._note_copies(tree, page.final_url)
        seen = self._offer(links)
        # (the days of its news read so far: those of the links an earlier page listed,
        # all that ``own_news`` asks of where the page lists none new)
        listed = next_pages.listed_days(links, self.harvest.stated_days)
        urls = [c.url for c in links]
        own = next_pages.own_news(walk, page.final_url, urls, list(listed.values()), places)
        next_url = pages.after(
            tree, page.final_url, number, page.fetched_at.date().year, page.headers.get("link", ""),
            own_news=own, latest=next_pages.latest_day(page.fetched_at, listed.values()),
        )  # fmt: skip
        next_url = next_url and on_serving_host(next_url, page.final_url)
        # (not past page 1: a walk that came there by GET had a pager it could follow,
        # its plain links in a <noscript> beside the posting ones, and has read its end)
        if (
            next_url is None
            and number == 1
            and not self._sitemapped
            and next_pages.posted_pager(tree)
        ):
            self.report.warnings.append(
                f"{page.final_url}: the listing's later pages open only by posting"
                " its form back (javascript:__doPostBack), which a crawler does not"
                " do, and the site names no sitemap: older news on them are not"
                " archived"
            )
        if number == 1:
            self.frontier.save_validators(url, page)
        old = self.harvest.fetch_pending(self._robots_gate)
        self._learn_archived_at(urls, learned)
        if next_url is None and not old and links:
            room = max(1, walk.limit - number) if walk.limit else 0  # (0: no cap)
            old = self._older_articles(links, room)
        # (a listing printing no dates runs by the days its articles state, read by now)
        days = next_pages.listed_days(links, self.harvest.stated_days)
        if index is not None:
            walk.listed(Listed(index.older, seen, entries=index.entries))
            return
        walk.listed(
            Listed(
                next_url, seen, old, urls, list(days.values()), own_news=own, places=places,
                dated=list(days), past_end=pages.past_end,
            )
        )  # fmt: skip

    def _older_articles(self, links: list[Candidate], limit: int) -> int:
        """A list that ends with no page after it, whose oldest article links the one
        before it ("« Предишна новина", read from its archived page: ``older_of``): the
        articles before, each fetched as an article once (its page names the next one),
        as a person goes back through them. The only way to older news on a site whose
        lists show the newest few. It stops at an article known or fetched already (a
        nightly run: at once), one older than ``--since``, or after ``CHAIN_PER_PAGE``
        articles for each listing page the walk could still have read (``limit``, 0: no
        cap). Returns how many turned out older than ``--since``.

        Each article's way back is queued with its allowance in the transaction that
        archives the one after it (``Frontier.queue_older``): a run killed or out of
        requests on the way resumes there, its first fetches the rest."""
        start = self.harvest.older_of([c.url for c in links])
        if start is None:
            return 0
        left = limit * CHAIN_PER_PAGE - 1 if limit else -1
        (seen,) = self._offer([Candidate(start, self.profile.id, older_source(left))])
        if seen is not Seen.NEW:
            return 0
        return self.harvest.fetch_pending(self._robots_gate)

    def _read_items(
        self, walk: ListingWalk, pages: next_pages.ListingPages, page: Page,
        tree: LexborHTMLParser, where: tuple[str, int], items: list[FullItem],
    ) -> None:  # fmt: skip
        """A listing page that holds its news items in full, each archived from it as an
        article of its own (no request more); older items are on its next page, or on
        the page of the year before (``next_pages.older_year_url``). ``where``: the URL the
        walk asked for, and the page's number in it."""
        url, number = where
        seen = self.harvest.archive_items(page, items)
        newest = max(local_date(item.published).year for item in items)
        dates = [local_date(item.published) for item in items]
        urls = [item.url(page.final_url) for item in items]
        own = next_pages.own_news(walk, page.final_url, urls, dates)
        next_url = pages.after(
            tree, page.final_url, number, newest, page.headers.get("link", ""), own_news=own,
            latest=next_pages.latest_day(page.fetched_at, dates),
        )  # fmt: skip
        next_url = next_url and on_serving_host(next_url, page.final_url)
        if number == 1:
            self.frontier.save_validators(url, page)
        walk.listed(Listed(next_url, seen, items=urls, dates=dates, own_news=own))

    def _not_a_listing(self, tree: LexborHTMLParser, page: Page, number: int, text: str) -> str:
        """What came instead of a listing page (``page_kind.of_listing``), reported: a bot
        wall or a maintenance notice fails the run, loudly, as a listing that failed; a
        "not found" page after the first ends the listing, as a 404 would."""
        found = page_kind.of_listing(tree, text, self.profile.name)
        if found and not (found == page_kind.ERROR_PAGE and number > 1):
            said = f"{_what(number)} failed: a {found} instead of the page: {page.final_url}"
            self._fail(said, source=number == 1)
        return found

    def _get(
        self,
        url: str,
        kind: str,
        *,
        conditional: bool = False,
        gone_ends: bool = False,
        read_before: Callable[[str], bool] | None = None,
        source: bool = False,
        html_gone: bool = False,
    ) -> Page | Miss:
        """A source page; a failed one is reported (it fails the run), others just end.
        With ``gone_ends``, a 404/410 is the end of a listing, not a failure, and so is a
        redirect to a page of it ``read_before`` says was read. ``source``: a feed, a
        sitemap or a listing's first page, whose failures run after run rest it
        (``crawl_rests``): one resting is not asked (``Miss.RESTED``). ``html_gone``: an
        HTML page answered is the sitemap gone, as a 404 is (``fetch_source``)."""
        if source and self.tally.skips(url):
            return Miss.RESTED
        self._check()
        conditional = conditional and not self.options.refresh
        validators = self.frontier.validators(url) if conditional else (None, None)
        try:
            got = fetch_source(
                self.fetcher, url, kind, validators=validators, gone_ends=gone_ends,
                read_before=read_before, html_gone=html_gone,
            )  # fmt: skip
        except HostResting as exc:
            got = self._walled_alone(exc, url, kind)
        if isinstance(got, Page):
            self.report.pages += 1  # pages read, as for articles: not a 304 or a dead host
            if source:
                self.tally.answered.add(url)
            return got
        if source and got[0] is Miss.UNCHANGED:
            self.tally.answered.add(url)
        if got == (Miss.GONE, CLOSED_BY_ROBOTS):
            # the list's end as far as this crawl may go: said once, in the summary (a
            # warning would be mailed every night over the site's own wish), so that a
            # list archived only so far is not taken for the whole of it
            self.report.deferred.append(
                f"{url}: not asked, {CLOSED_BY_ROBOTS} (the listing read up to the page before)"
            )
        if got[0] is Miss.REMOVED and source and (named := self._named_by_site(url, kind)):
            # (a warning or a failure: ``_dead_named``; lasting: a 404/410, not an HTML page)
            self._named_gone[url] = (*got, named, not isinstance(got[1], HtmlAnswer))
        elif got[0] in FAILURES:
            self._failed(url, got, source=source)
        return got[0]

    def _failed(self, url: str, got: tuple[Miss, str], *, source: bool) -> None:
        """Why one place: a failed source is read back in four, each for its own
        question: the report (the run's exit code and its line), ``failed`` (one that
        exploring no longer finds moved, and its failure is taken back: ``Discoverer``),
        the tally (a source failing night after night is rested: ``crawl_rests``; a
        source page only, not a later page of a listing) and ``removed`` (a 404/410 may
        be a redesign: the site is explored again now). The first words said of a URL
        in a run stand."""
        self._fail(got[1], source=source)
        self.failed.setdefault(url, got[1])
        if source:
            self.tally.failed.setdefault(url, got[1])
        if got[0] is Miss.REMOVED:
            self.removed.add(url)

    def _fail(self, message: str, *, source: bool) -> None:
        """A page of a source that failed: it fails the run (the report), and when it is
        the source's own page (a feed's or sitemap's, a listing's first) the source
        (``read``'s count). A later page of a listing or of a feed (``_older_posts``)
        that fails (a timeout, a 500, a bot wall) is none: the pages before it were read
        and their news kept, so the source works; counted as failed, it had the site's
        sources explored again (5 requests more, the same ones found) every run the
        page still failed."""
        self.report.fail(message)
        self._sources_failed += source

    def _named_by_site(self, url: str, kind: str) -> str:
        """Where the site itself names the feed or sitemap ``url`` ("" if it does not):
        its robots.txt (read already: its rules let ``url`` be asked) in a ``Sitemap:``
        line, a sitemap index of its own (read in this run: a child it still names after
        the site deleted it, a year's sitemap archived away, is the same lasting fault
        as a dead ``Sitemap:`` line, and failed the run every night while the index's
        other children were read), or, as exploring found it, a page's ``<link
        rel="alternate">``, an "RSS" link or the feed page one leads to
        (``explore.NAMED_NOTES``).

        Why: a dead source the site names itself is the site's lasting fault, judged
        once its other sources are read (``_dead_named``: a warning while they answer),
        where one it does not name (a conventional ``/rss`` that answered once, a
        listing) fails as any source does. robots.txt is compared by key and after the
        site's moves: the line may spell the address as the site did before it moved
        (``http://``, no ``www.``), which the crawl asks for at the new address."""
        if kind not in (SOURCE_FEED, SOURCE_SITEMAP):
            return ""
        if kind == SOURCE_SITEMAP:
            named = self.fetcher.robots_sitemaps(url)
            if url_key(url) in {url_key(self.fetcher.moved(line)) for line in named}:
                return "the site's robots.txt names it"
            if url in self._index_of:
                return f"the site's sitemap index names it ({self._index_of[url][0]})"
        note = self._notes.get(url, "")
        return f"the site names it ({note})" if note.startswith(NAMED_NOTES) else ""

    def _dead_named(self, *, explored: bool) -> list[str]:
        """A feed or sitemap the site itself names (``_named_by_site``) that answers
        404/410, while another source of the site answered: the site's fault, lasting,
        and no failure of the run, which would fail every night over it (an alarm that
        always rings is not read). One warning; those returned, one found by exploring
        is not asked again until the site is explored again, and a child of an index
        answering 404/410 not while the index gives it the same ``<lastmod>``
        (``Frontier.sitemap_gone``), nor for 2 days, then 4, 8, 16 and at last
        ``explorer.REEXPLORE_DAYS`` as it answers 404/410 again (``explorer.doubling_days``),
        after which it is asked again whatever the index says (an index giving no date, or
        never a new one, had a child that answered 404 one night skipped for good; a flat
        30 days lost one gone for an hour's articles for a month); one answering an HTML
        page is only this run's.
        With no other source
        answering, it fails the run as any dead source does (and has the site explored
        again: ``_gone``), and so does a profile's own source (``explored`` false: a
        person is to mend it). A child of an index the profile names is the site's, not
        the profile's: the profile cannot mend it. It failed every night (exit 1, and
        asked again each run: no ``sitemap_gone``, its index never marked read), where
        the same index found by exploring or in robots.txt gave one warning.

        A feed is named as exploring found it, not as the site's pages are tonight: one
        gone in a redesign beside a listing that still answers is found again at the
        next exploration (``explorer.REEXPLORE_DAYS``), not at once, the listing read
        meanwhile; that a dead ``<link rel="alternate">`` left in a theme failed every
        night until then was the worse fault."""
        gone, self._named_gone = self._named_gone, {}
        answered = self.tally.answered - self.tally.failed.keys() - self._empty.keys()
        alone = not answered - gone.keys()  # (no other source of the site answered)
        failing = {
            url: found
            for url, found in gone.items()
            if alone or not (explored or url in self._index_of)
        }
        for url, (miss, said, _, _) in failing.items():
            self._failed(url, (miss, said), source=True)
        gone = {url: found for url, found in gone.items() if url not in failing}
        for url, (_, said, named, lasting) in gone.items():
            kind, _, answer = said.partition(" failed: ")
            self.report.warnings.append(
                f"{kind} {answer}, though {named}: the site's to mend (its other sources were read)"
            )
            if url in self._index_of and lasting:  # (not asked again while its index says
                # the same; an HTML page is asked again next run: a maintenance or login
                # page answered 200 once had the child skipped for good, and under an
                # index giving no <lastmod> (WordPress's wp-sitemap.xml) for ever)
                self.frontier.sitemap_gone(url, self._index_of[url][1])
        return [url for url, (*_, lasting) in gone.items() if lasting]

    def _said_empty(self) -> None:
        """A feed or sitemap that answered with nothing in it: one warning naming it while
        another source of the site answered (a generator's bad night, which the next run
        may not meet), else a failure of the run, as any source is when nothing of the
        site could be read."""
        empty, self._empty = self._empty, {}
        answered = self.tally.answered - self.tally.failed.keys() - empty.keys()
        for url, (kind, source) in empty.items():
            where = self.fetcher.describe(url)
            if answered:
                self.report.warnings.append(
                    f"{kind} {where}: {feeds.EMPTY} (the site's other sources were read)"
                )
            else:
                said = f"{kind} failed: {feeds.EMPTY}: {where}"
                self._failed(url, (Miss.FAILED, said), source=source)

    def _walled_alone(self, exc: HostResting, url: str, kind: str) -> tuple[Miss, str]:
        """A bot check that answered this source page alone, as far as the run can tell
        (``Fetcher.forgive_wall``: the first, or the first since another page of the
        host answered): the page failed, as one that gave no answer (``Miss.DOWN``), and
        the site's other sources are read. It rested the whole site for the night, a
        later listing page's wall (a WAF rule on ``?page=``) or a second section's
        costing the feed and the other listings though they answered. A second wall in
        a row is the site walled: the rest stands, and this failure is taken back
        (``SiteReport.walled``). Any other rest ends the run, as before."""
        if not self.fetcher.forgive_wall(exc):
            raise exc
        message = f"{kind} failed: a bot check answered this page alone ({exc.evidence}): {url}"
        self.report.walled.append(message)
        return Miss.DOWN, message

    def _note_copies(self, tree: LexborHTMLParser, url: str) -> None:
        """The copy marks a listing's first page links its own copy by (``anchors.
        copy_marks``), as exploring learns them of the pages it reads: a site whose
        profile names its sources is never explored, and its sitemap listing each page
        beside its copy under ``/sv/`` had every article asked twice. One look at the
        page's links, read already, each run (a mark the site adds later is learned too);
        a page linking its copy by a copy's label is the same proof wherever it is read.
        Not an article's page: its links are read after the list's have been offered."""
        found = copy_marks(tree, normalize_url(url) or url)
        self._copy_marks += [m for m in found if m not in self._copy_marks]

    def _offer(self, candidates: list[Candidate]) -> list[Seen]:
        """Queue the new of ``candidates``, one verdict each; a copy of a page by the
        site's own copy marks (``Discovery.copy_marks``) is offered as that page, queued
        once beside it. An archived one whose card or entry says it changed since it was
        read is queued again too (``Frontier.relisted``), its verdict still KNOWN: the
        walk ends where it would have (``--refresh`` queues every one anyway)."""
        if self._copy_marks:
            marks = self._copy_marks
            candidates = [replace(c, url=without_copy_marks(c.url, marks)) for c in candidates]
        fed = self.harvest.fed  # (a feed item's whole text, for the run: ``feed_text``)
        fed.update((url_key(c.url), (c.headline or "", c.content)) for c in candidates if c.content)
        verdicts = self.frontier.offer(
            candidates, handled=self.harvest.handled, refresh=self.options.refresh,
            since=self.options.since,
        )  # fmt: skip
        if not self.options.refresh:
            self.frontier.relisted(candidates, verdicts)
        self._date_undated(candidates, verdicts)
        self.harvest.note_headlines(entry_dates(candidates))
        self.harvest.take_fed(candidates)  # (a shell page read before its item: archived now)
        return verdicts

    def _date_undated(self, candidates: list[Candidate], verdicts: list[Seen]) -> None:
        """The archived articles among ``candidates`` (fetched earlier in this run, or
        before) that their pages left undated take the date their card or feed entry
        gives (``Store.date_undated``), in one commit: a sitemap, or a feed's older
        entries, queued them before the list printing their dates was read, and they
        were fetched at once (``Harvester.fetch_pending`` after each source); fetched
        again to be dated, each would cost a request for a date at hand. A feed's
        entries all dated alike say nothing (``frontier.entry_dates``)."""
        listed: dict[str, tuple[Published, str]] = {}
        for candidate, verdict in zip(entry_dates(candidates), verdicts, strict=True):
            kind = listed_kind(candidate.source)
            if verdict in (Seen.KNOWN, Seen.THIS_RUN) and candidate.listed_date and kind:
                listed[candidate.url] = (candidate.listed_date, kind)
        if listed:
            with self.harvest.store.conn:
                self.report.dating(self.harvest.store.date_undated(self.profile.id, listed))


def _what(number: int) -> str:
    """How a failure names the listing page ``number``."""
    return "listing" if number == 1 else "next listing page"


def _empty_end(walk: ListingWalk) -> str | None:
    """The warning for a walk that ended (its end or its page cap) after
    ``EMPTY_RUN_TOLD`` pages or more in a row listing nothing (``ListingWalk.empty_run``),
    None for any other: a calendar linking every day, empty ones too, was walked back
    through a month of empty days to the cap, exit 0 and no word, and whatever lies
    before them is never asked by a nightly run, which stops at the news it knows."""
    empty = walk.empty_run
    if walk.stop not in (Stop.END, Stop.CAP) or len(empty) < EMPTY_RUN_TOLD:
        return None
    how = "at its page cap after" if walk.stop is Stop.CAP else "after"
    return (
        f"{walk.start_url}: the listing's walk ended {how} {len(empty)} pages in a row"
        f" listing nothing ({empty[0]} to {empty[-1]}): older news, if the site has any,"
        " were not reached from there"
    )
