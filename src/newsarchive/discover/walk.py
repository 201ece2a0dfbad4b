"""Walking a listing (page 1, 2, 3, ...): which page comes next, and when to stop.

Pure: the crawler fetches, queues and archives; this decides. Newest-first listings let a
nightly run stop early, but only a walk that has once reached its natural end may stop
early: until then an incremental stop ("nothing new here") would strand the pages an
interrupted first crawl never reached, so the walk resumes where it stopped instead.

Stops: ``end`` (no next page, a repeated page, a page 2+ that is gone) and ``cap``
(``max_pages``) are the natural ends; ``since`` (every new article on the page is older
than ``--since``) ends the run's walk and keeps its resume point there, as ``failed``
does: a first crawl with ``--since`` completed the walk, and the runs without it after
stopped at its known first page, the older pages never read; ``known`` is the
incremental stop. A walk a run's own bound ended (``since``, or a ``cap`` that is the
run's ``--max-pages``) keeps that bound (``WalkState.cut_since``, ``cut_pages``): a later
run whose bound is the same or narrower needs nothing older than it read, so it treats
the walk as completed (page 1 asked with its validators, the incremental stop final),
where it asked page 1 whole and the page the cut stopped at again every night; a wider
bound (an older ``--since``, more pages, none) still walks on.

Some listings run oldest first (a municipal archive, a forum-like CMS): page 1 never
changes and what is new lands on the last page, then on a page after it, so the stop at an
unchanged page 1 would miss every new item. A walk that reaches its natural end having
read page 1 tells the order from the dates the listing prints (or, printing none, the
days its articles state: ``Harvester.stated_days``): page 1's newest before the last
page's oldest is an ascending listing. Its completed walk then keeps the last page it
read as its resume point (``WalkState.ascending``), and the next run starts there, asked
with its validators (a 304 is the incremental stop), and walks forward through its next
links to the end, whatever it finds known on the way.

An INDEX page (``index_pages``: a page listing no articles, only issues of a paper or the
days of a calendar's month) is walked as a list of lists: its entries, newest first, are
the walk's next pages, each read as a page of the listing (its articles taken as a
listing's; its "next" link followed only to the entry's own later page, ``own_page``: an
issue of more articles than a page shows, ``?start=10``; any other passed over, as an
issue's page links no other issue, a day's page no other day), then the index before it
(the calendar's month before) and its entries. It stops as every walk does: at an entry
whose items are all known (a nightly run asks the index and its newest entry), at the
page cap, at the run's budget; an entry's later page listing nothing new (a server
answering any ``?start=`` with the first) ends that entry, not the walk. A first crawl
cut inside an index further back resumes by going on entry by entry (known, a request
each) to that index, then jumping to where it was cut (``_may_jump``).

A settled walk's nightly PASS (page 1, and on while its pages list new articles) keeps
a resume point of its own while it lasts (``WalkState.pass_url``, the page it is
reading), emptied where it ends: a run cut after page 1's new articles were queued or
archived, and before the page that would end the pass, left page 1 all known to the
next run, which stopped there for good, the night's later new articles never archived
(kalinovets 3 of 12). The next run asks page 1 whole, and at its incremental stop jumps
to that page, or from it (all known now: its articles were taken) goes on to the page
after it, once (``_unended_pass``).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import TypedDict

from newsarchive.date_stamps import local_date
from newsarchive.models import DEFAULT_STOP_AFTER_KNOWN, Published


def too_old(published: Published | None, since: dt.date | None) -> bool:
    """The one ``--since`` rule: a known date before the day asked for (local calendar),
    whether printed on a listing, given by a feed, or extracted from the article."""
    if since is None or published is None:
        return False
    return local_date(published) < since


class Seen(enum.Enum):
    """What a URL found on a listing means for the walk."""

    NEW = "new"  # queued now (or still waiting from an earlier run)
    KNOWN = "known"  # archived or settled before this run
    THIS_RUN = "this-run"  # handled already in this run (found in the feed first, say)
    OLD = "old"  # older than --since by the date the listing prints beside it


class Stop(enum.Enum):
    END = "end"
    SINCE = "since"
    CAP = "cap"
    KNOWN = "known"
    FAILED = "failed"


NATURAL_ENDS = frozenset({Stop.END, Stop.CAP})
# Runs a URL may fail on before it is left alone: an article's retries
# (``archive.frontier``), and a walk's at the later page it resumes from (``failed``).
MAX_ATTEMPTS = 5
# The months in a row missing (404) or listing nothing that end an archive walk going
# back by the months' addresses (``ListingWalk._missed_month``): fewer are a gap, stepped
# over (a municipality posting nothing for a season); so many, the archive's start, found
# for that many requests.
MISSED_MONTHS = 3
# Pages in a row listing nothing at a walk's end that the crawl tells of (``empty_run``):
# a calendar's empty days walked to the cap, where older news may lie past them.
EMPTY_RUN_TOLD = 10


class Respelled(str):
    """A ``step_back``'s answer that is the same month's page in another spelling
    (``archive_pages.MonthSteps``: September's ``/2026/9/`` where ``/2026/09/`` was missing):
    no month more missed, so it counts not among ``MISSED_MONTHS``. Counted, a site of
    two digits missing September and August ended its walk at August's page, its July
    and the months before never asked."""


@dataclass(frozen=True)
class WalkState:
    """A walk between runs: where it resumes, whether it ever reached a natural end, and
    the widest bounds that cut it short (``cut_since``: the oldest ``--since`` whose
    walk stopped at a page reaching past it; ``cut_pages``: the most ``--max-pages``
    walked in full; 0: none).

    A completed walk keeps no resume point but on a listing that runs oldest first: there
    ``resume_url`` is the newest page it read (number ``resume_page``), where the next run
    begins (no column of its own: a completed descending walk never resumes anywhere)."""

    resume_url: str | None = None
    resume_page: int = 1
    completed: bool = False
    cut_since: dt.date | None = None
    cut_pages: int = 0
    # False: a walk an older release completed before walks told a listing's order: its
    # next run reads page 1 whole and, when its dates run forward, walks on to the end
    judged: bool = True
    # runs in a row whose walk failed at ``resume_url``, a page after the first
    # (``ListingWalk.failed``), or at ``pass_url``
    failures: int = 0
    # a settled walk's nightly pass that has not ended (a run cut, or a page that
    # failed): the page it was reading (its articles, and those of the pages before it,
    # queued or archived), where the next run goes on (``ListingWalk._unended_pass``);
    # None once a pass ends
    pass_url: str | None = None
    pass_page: int = 0
    # the index whose entry (or an entry's later page) ``resume_url`` is: a run resuming
    # before it read any index reads that one first (a request), so the entries after
    # the resume point, and the index before, are known as such (``_index_first``)
    resume_index: str | None = None
    # the page past an oldest-first listing's newest page (``resume_url``), its "next"
    # link's, that the walk read listing nothing, or gone: a 304 to the newest page would
    # say nothing of it (a CMS linking a full page's "next" whatever lies there: the
    # newest page unchanged when a news opens the page after it), so the next run asks
    # the newest page whole and goes on there (``ListingWalk.conditional``)
    past_url: str | None = None

    def covers(self, since: dt.date | None, pages: int) -> bool:
        """Whether a run bounded by ``since`` and ``pages`` (a ``--max-pages``; 0: none)
        would read nothing older than this walk has: it is completed, or a cut's bound
        is no narrower than the run's. (A completed walk's ``cut_since`` counts only on
        an oldest-first listing, read to its end under ``--since``, its older news
        skipped on the way: a wider run reads it again from page 1. A newest-first one
        a later ``--since`` stopped early has read everything older before.)"""
        by_date = since is not None and self.cut_since is not None and since >= self.cut_since
        if self.completed:
            return not self.ascending or self.cut_since is None or by_date
        return by_date or (0 < pages <= self.cut_pages)

    @property
    def ascending(self) -> bool:
        """The listing runs oldest first: its news are read from ``resume_url`` on."""
        return self.completed and self.resume_url is not None


# Where a listing page listed an article link: the block it stood in (how its card is
# built into the page: ``cards.signatures``; "" where that is not known) and its URL
# (``ListingWalk.lists_new``).
Place = tuple[str, str]


@dataclass(frozen=True)
class Listed:
    """What the crawler saw on one listing page.

    ``seen`` holds a verdict per article link, ``old`` how many of the NEW ones turned
    out older than ``--since`` once fetched, ``items`` the article links' URLs, ``dates``
    the days the page prints beside them (those it prints: the order of the listing), or
    for a page printing none, the days those of its articles read so far state.
    ``places``: where on the page each link stood, ``(block, url)`` (``Place``); none
    given, every link stood in one block. ``dated``: the link each of ``dates`` is the
    day of (none given, not known), for the order of the page's own list (``list_days``).
    """

    next_url: str | None
    seen: Sequence[Seen]
    old: int = 0
    items: Sequence[str] = ()
    dates: Sequence[dt.date] = ()
    # the page listed news of its own: a link no earlier page of the walk listed
    # (``ListingWalk.lists_new``), or all of the month whose archive page it is
    # (``next_pages.own_news``)
    own_news: bool = True
    places: Sequence[Place] = ()
    # the page is an index (``index_pages.Index``): the list pages it lists, newest first,
    # read next; ``next_url`` is then the index before it, read once they are
    entries: Sequence[str] = ()
    dated: Sequence[str] = ()
    # ``next_url`` is no later page of this page's list but where the listing goes on
    # past the list's end (``next_pages.ListingPages.past_end``: the year page 1 linked,
    # once a counted endpoint's answers ran out): followed from this page, though it
    # listed nothing new
    past_end: bool = False


class WalkSettings(TypedDict, total=False):
    """A run's keywords of ``ListingWalk`` (their defaults and meaning there), for a walk
    built elsewhere with the date rules added (``next_pages.listing_walk``): one list, its
    keys held to ``ListingWalk``'s by mypy where that walk passes them on."""

    limit: int
    stop_after_known: int
    limit_is_the_sites: bool
    since: dt.date | None
    from_start: bool


class ListingWalk:
    """One walk of one listing in one run. Call ``page()``, fetch it, report, repeat."""

    def __init__(
        self,
        start_url: str,
        state: WalkState,
        *,
        limit: int = 0,
        stop_after_known: int = DEFAULT_STOP_AFTER_KNOWN,
        limit_is_the_sites: bool = True,
        since: dt.date | None = None,
        from_start: bool = False,
        step_back: Callable[[str, bool], str | None] | None = None,
        month_page: Callable[[str], object] | None = None,
        day_page: Callable[[str], object] | None = None,
        own_page: Callable[[str, str], bool] | None = None,
    ) -> None:
        """``limit_is_the_sites``: the cap is the profile's ``max_pages`` (the listing,
        for us, ends there: the walk completes) rather than a ``--max-pages`` asked of
        this run, which ends it as ``--since`` does, to be read on by a run without it.
        ``since``: the run's ``--since``, kept as the walk's cut when it stops there.
        ``from_start``: an oldest-first listing too is begun at page 1 (``--refresh``
        fetches every article again), and walked to its end. ``step_back``: the page
        before a month's archive page by its address (``archive_pages.MonthSteps``), None
        for a page that is no month's, told whether the page was missing (True) or
        answered listing nothing: a later month's page missing or empty is stepped over
        to it, where it ended the walk, until ``MISSED_MONTHS`` in a row. Asked only to
        step: it may keep what it asked (``MonthSteps``). ``month_page``: whether a page
        is a month's archive page (``archive_pages.archive_month``), a question with no
        side effects. ``day_page``: whether a page is one day's page of a calendar
        (``day_pages.calendar_day``), which a walk going back by a calendar's days reads
        (``_by_calendar``). ``own_page``: whether an address (first) is a later page of
        the list at another (``index_pages.later_page``), asked of an index's entry's
        "next" link: None, an entry's own later pages are never read."""
        self.start_url = start_url
        self.state = state
        self.limit = limit
        self.limit_is_the_sites = limit_is_the_sites
        self.since = since
        # this run reads nothing older than the walk has: as good as completed for it
        self.settled = state.covers(since, 0 if limit_is_the_sites else limit)
        self.stop_after_known = stop_after_known
        # an oldest-first listing begins at the newest page it reached (``WalkState``),
        # unless this run reaches back further than the walk that learned it did
        self.ascending = state.ascending
        resume = self.ascending and not from_start and self.settled
        self.url: str | None = state.resume_url if resume else start_url
        self.number = state.resume_page if resume else 1
        self._begin = self.url  # the one page this run may ask with validators
        self._read = 0  # pages read in this run
        self._first_newest: dt.date | None = None  # the newest day page 1 printed
        self._last: tuple[str, int, dt.date | None] | None = None  # last page read, its oldest day
        self.stop: Stop | None = None
        self.gave_up = False  # the page failed once too often: the listing ends there
        self._visited: set[str] = set()
        self._known_run = 0
        # a page of this walk printed its dates in no order by day (``unordered``), judged
        # over each page read (``_orders``) again as boxes beside the list are found
        self._unordered = False
        self._orders: list[Listed] = []
        # the blocks found repeated page to page (``boxes_of``), no part of the list; and
        # the day of each link the walk's pages dated
        self._boxes: frozenset[str] = frozenset()
        self._days: dict[str, dt.date] = {}
        # the article links this walk's pages so far listed, each with the blocks it stood
        # in; those of them that stood in their page's own list where its days told it
        # (``dated_list_block``), else anywhere on their page; and every block they stood in
        self._items: dict[str, set[str]] = {}
        self._in_lists: set[str] = set()
        self._blocks: set[str] = set()
        self._skipped = False  # a link passed over as older than --since
        self._step_back = step_back
        self._month_page = month_page
        self._day_page = day_page
        self._missed = 0  # month pages in a row missing or empty (``_missed_month``)
        # the pages in a row that listed nothing (empty, gone, an index of no news of its
        # own), the last read last (``empty_run``, ``_run_out``)
        self._empty: list[str] = []
        # a walk completed before the order was told: page 1 read whole, to tell it now
        self._judging = state.completed and not state.judged
        # the last page read and its cards (``Place``), and for each page read right after
        # the one before it, how many cards it opened with that one ended with (``overlap``)
        self._tail: tuple[int, Sequence[Place]] | None = None
        self._overlaps: list[int] = []
        # page 1 asked once more at the walk's end (``grown``): asked, and not yet answered
        self._reread = self.rereading = False
        # a settled newest-first walk's pass: the page an earlier run's pass was reading
        # when it was cut (``_unended_pass``); this one's marked from its page 1 on
        self._cut_pass: tuple[str, int] | None = None
        if self.settled and not self.ascending:
            if state.pass_url is not None:
                self._cut_pass = (state.pass_url, state.pass_page)
            else:
                self.state = replace(state, pass_url=start_url, pass_page=1)
        # an index's entries not read yet, newest first; where the walk goes after them
        # (the index before); every entry of the walk's indexes (``_to_index``)
        self._entries: list[str] = []
        self._after_entries: str | None = None
        self._entry_urls: set[str] = set()
        self._own_page = own_page
        # the entries' own later pages the walk went on to (each in ``_entry_urls`` too)
        self._later_pages: set[str] = set()
        # where an incremental stop would have jumped (an earlier run's resume point or
        # cut pass, and its number) but for its index being unread yet (``_may_jump``):
        # jumped to from that index once read (``_to_index``)
        self._heading: tuple[str, int] | None = None
        # the index each entry (and each entry's later page) of the walk's was listed on
        self._listed_on: dict[str, str] = {}
        # the page past the last this walk read that listed nothing, or was gone, and its
        # number (``WalkState.past_url``)
        self._past: tuple[str, int] | None = None

    @property
    def conditional(self) -> bool:
        """Page 1 (an oldest-first listing's newest page) may be fetched with validators
        (a 304 ends the walk) once it completed, or a cut no narrower than this run's
        bound ended it."""
        if self.rereading:
            return True
        # (not after a pass that did not end: a 304 would hide the page after page 1; nor
        # an oldest-first listing's newest page that linked on to a page listing nothing,
        # ``WalkState.past_url``: unchanged when a news opens that page, and its cards
        # teach the shape a lone card there is read by)
        unended = self._cut_pass is not None or (self.ascending and self.state.past_url is not None)
        return self.url == self._begin and self.settled and not self._judging and not unended

    def page(self) -> tuple[str, int] | None:
        """The page to fetch now, or None when the walk is over: once it is, page 1 once
        more when the list grew at its top while the walk read it (``grown``), its
        answer read for its new cards only (the walk's end and state stay as they are)."""
        if self.stop is None and self.url is not None:
            return self.url, self.number
        if self._reread or not self.grown:
            return None
        self._reread = self.rereading = True
        return self.start_url, 1

    @property
    def grown(self) -> int:
        """How many cards the list gained at its top while this walk read it: a later page
        that OPENED with the cards the page before it ENDED with, in order and in the same
        block (``overlap``), was pushed down by so many published in between (a busy
        newsroom, a long walk), and those sit on a page 1 read before them: a first run
        archived 7 of 9 and the next night read page 1, the two and page 2 (5 requests,
        where a no-op rerun asks 3). Worth one request more (page 1 again, asked with its
        validators), only then. Not a pager overlapping by design (an offset stepping by
        less than a page, a "last of the page before" atop each page): every page of the
        walk, two at least, opening with the same number of the last page's cards; a walk
        of two such pages asks page 1 once more for nothing. Not an oldest-first listing
        (it grows at its end), nor a walk that failed (its site is in trouble; the next
        run resumes it). A card that slid the other way (one of an earlier page
        unpublished, the next page opening a card later) tells of itself on no page."""
        if self.ascending or self.stop is Stop.FAILED or not any(self._overlaps):
            return 0
        ks = self._overlaps
        if len(ks) > 1 and all(k == ks[0] for k in ks):
            return 0
        return sum(ks)

    def failed(self) -> Stop:
        """The page could not be fetched: stop, keep the resume point for the next run.
        A later page the walk resumes from that failed so in ``MAX_ATTEMPTS`` runs in a
        row (a redirect loop, a bot check on ``?page=``, a 500 that stays) is the
        listing's end, as an article failing so often is left alone: each nightly run
        jumped there from its known page 1, asked it again (six requests for a loop) and
        failed the run, for ever. A walk that ends so reads no page past it again."""
        if (stop := self._answered_again()) is not None:
            return stop
        if self.number > 1 and self.url in (self.state.resume_url, self.state.pass_url):
            failures = self.state.failures + 1
            if failures >= MAX_ATTEMPTS:
                self.gave_up = True
                return self._end(Stop.END)
            self.state = replace(self.state, failures=failures)
        return self._end(Stop.FAILED)

    def not_modified(self) -> Stop | None:
        """A 304 to page 1's conditional request (an oldest-first listing's newest page's):
        nothing new at its top, the incremental stop. Other pages are never asked
        conditionally; a 304 there has nothing to read and ends the listing like a gone
        page."""
        if (stop := self._answered_again()) is not None:
            return stop
        if self.url != self._begin:
            return self.gone()
        return self._incremental()

    def _newest_listing_nothing(self, failed_before: int) -> Stop:
        """The newest page an oldest-first walk resumed at, asked whole, listing nothing:
        a lone card there whose shape no page read this run taught (and the archive's
        articles listed there taught none either) reads so, its 304 the run before.
        The incremental stop, the resume point kept, as a 304 is; but in
        ``MAX_ATTEMPTS`` runs in a row (``failed_before``: the runs before this one that
        failed or found nothing there), the listing's pages were renumbered (or emptied)
        and the next run walks it anew from page 1, as when that page is gone."""
        failures = failed_before + 1
        if failures >= MAX_ATTEMPTS:
            self.stop, self.state = Stop.END, WalkState()
            return Stop.END
        self.state = replace(self.state, failures=failures)
        return self._end(Stop.KNOWN)

    def _past_end(self) -> Stop | None:
        """At a page 2+ listing nothing, or gone: the incremental stop where it is the
        page past the newest page an earlier walk found so (``WalkState.past_url``),
        nothing new there (the walk's state kept as it is); else None, and the page is
        remembered as one past the last read (``_end`` keeps it beside an oldest-first
        listing's resume point)."""
        if self.url is not None and self.url == self.state.past_url:
            return self._end(Stop.KNOWN)
        if self.url is not None and self.number > 1:
            self._past = (self.url, self.number)
        return None

    def gone(self) -> Stop | None:
        """A page 2+ answered 404/410: the listing's natural end (a gone page 1 is a
        failure of the run, never reported here), but for a month's archive page, past
        which the walk goes on to the month before (``_missed_month``). An oldest-first
        listing's newest page gone: its pages were renumbered, so the next run walks it
        anew from page 1."""
        if (stop := self._answered_again()) is not None:
            return stop
        if self.ascending and self.url == self._begin:
            self.stop, self.state = Stop.END, WalkState()
            return Stop.END
        self._listed_nothing()
        if (stop := self._past_end()) is not None:
            return stop
        return self._missed_month(missing=True)

    def _is_day(self, url: str | None) -> bool:
        return bool(url and self._day_page is not None and self._day_page(url))

    def _to_an_earlier_month(self, listed: Listed) -> bool:
        """This page is a month's archive page listing that month's news
        (``Listed.own_news``), and ``listed.next_url`` the page of a month before it: the
        walk goes on into the past, though every news here was on an earlier page. The
        newest month's page repeats what the list's page 1 showed (a list of the newest
        five beside a box of months, no pager): read as a page run out, it ended the
        walk there, every older month never asked.

        Such a page listing an article archived before this run (``Seen.KNOWN``) in its
        own list, not a side box (``_known_in_list``), is the walk's incremental stop
        (``listed``), new ones beside it or not: its month holds news older than the run
        before, so the month before holds nothing newer (a night of four news, one
        pushed off page 1 into the current month, asked November too).
        A month's page listing only this run's news (page 1's, or one pushed off it) is
        no stop: at a month's turn the month before may hold news published since the
        run before that page 1 no longer shows (``tests/test_month_walks.py``)."""
        if self._month_page is None or self.url is None or not listed.next_url:
            return False
        here, there = self._month_page(self.url), self._month_page(listed.next_url)
        return (
            listed.own_news
            and isinstance(here, tuple)
            and isinstance(there, tuple)
            and there < here
        )

    def _known_in_list(self, listed: Listed) -> bool:
        """Whether a month's page (``_to_an_earlier_month``) lists an article archived
        before this run (``Seen.KNOWN``) in its own list, the walk's incremental stop
        there: a known link counts where it stands (``Listed.places``) in a block holding
        a link not known (this run's news, the month's own) or one the page dates in its
        own month, or on a page whose every link is known. Not in a side box of older
        news alone ("Най-четени", "Последни" of the weeks before): at a month's turn the
        current month's list holds only this night's news, the box beside it known ones,
        and the walk stopped there, the news pushed off page 1 into the month before
        never read. A page of no blocks told (one block) counts any known link."""
        verdicts = list(listed.seen)
        if len(listed.items) != len(verdicts):  # (links not told apart: any counts)
            return Seen.KNOWN in verdicts
        verdict = dict(zip(listed.items, verdicts, strict=True))
        month = self._month_page(self.url) if self._month_page and self.url else None
        ours = {
            url
            for url, day in zip(listed.dated, listed.dates, strict=False)
            if (day.year, day.month) == month
        }
        here = places(listed.items, listed.places)
        own = {block for block, url in here if verdict.get(url) is not Seen.KNOWN or url in ours}
        if not own:  # (every link known)
            return Seen.KNOWN in verdicts
        return any(verdict.get(url) is Seen.KNOWN and block in own for block, url in here)

    def _to_another_period(self, next_url: str | None) -> bool:
        """This page is a calendar's day and ``next_url`` another day's page or a month's:
        the walk goes on into the past, not to this day's own later page (a
        ``?date=2026-11-05&page=3`` that a server answers for every number alike)."""
        if self._day_page is None or self.url is None or not next_url:
            return False
        here = self._day_page(self.url)
        if not here:
            return False
        if there := self._day_page(next_url):
            return there != here
        return self._month(next_url)

    def _month(self, url: str) -> bool:
        """Whether ``url`` is a month's archive page (``month_page``)."""
        return bool(self._month_page is not None and self._month_page(url))

    def _missed_month(self, next_url: str | None = None, *, missing: bool = False) -> Stop | None:
        """At a page 2+ that is missing or lists nothing (of its own): None where the
        walk goes on to the month before a later month's archive page (``step_back``), a
        gap in the archive, not its end, unless it is the ``MISSED_MONTHS``-th such month
        in a row; else how the walk ends. A walk at its page cap ends there as at any
        page (a cap the run was given is read on by the next run; the months stepped over
        were asked past the cap). A month's page whose calendar links a day with news
        (``next_url``, ``_by_calendar``) is no gap: the walk goes on to that day.
        ``missing``: the page was gone (404/410), not a page that answered with no news."""
        if next_url is not None and self._by_calendar(next_url):
            if self._run_out():
                return self._end(Stop.END)
            if self._at_cap():
                return self._end(Stop.CAP)
            assert self.url is not None
            self._visited.add(self.url)
            self._advance(next_url, self.number + 1)
            return None
        if self._step_back is None or self.number < 2:
            return self._end(Stop.END)
        assert self.url is not None
        before = self._step_back(self.url, missing)
        if before is None or before in self._visited:
            return self._end(Stop.END)
        respelled = isinstance(before, Respelled)  # (the same month: no month more missed)
        if not respelled and self._missed + 1 >= MISSED_MONTHS:
            return self._end(Stop.END)  # (the last of them missing too: the archive's end)
        if self._at_cap():
            return self._end(Stop.CAP)
        if not respelled:
            self._missed += 1
        self._visited.add(self.url)
        self._advance(str(before), self.number + 1)
        return None

    def _by_calendar(self, next_url: str) -> bool:
        """A month's page listing no news of its own (an empty list, or only the latest
        few every page shows) whose calendar links a day with news (``next_url``): the
        walk goes on to that day, the month no gap (its days reset ``_missed``). So a
        site whose news only its calendar's days list is walked day by day, month by
        month into the past; a month whose grid links no day is a gap, as a missing
        one."""
        return (
            self.url is not None
            and self.number > 1
            and next_url not in self._visited
            and self._is_day(next_url)
            and self._month(self.url)
        )

    def listed(self, listed: Listed) -> Stop | None:
        """The page was fetched and its links queued: decide what comes next."""
        if (stop := self._answered_again()) is not None:
            return stop
        assert self.url is not None
        self._visited.add(self.url)
        failed_before = self.state.failures
        if self.state.failures and self.url in (self.state.resume_url, self.state.pass_url):
            # (it answered)
            self.state = replace(self.state, failures=0)
        verdicts = list(listed.seen)
        new = verdicts.count(Seen.NEW)
        old = verdicts.count(Seen.OLD) + listed.old
        for verdict in verdicts:
            if verdict is Seen.NEW:
                self._known_run = 0
            elif verdict is Seen.KNOWN:
                self._known_run += 1
        if new:  # (no jump but from the incremental stop after it)
            self._heading = None
        if verdicts:
            self._empty.clear()
        else:
            self._listed_nothing()
        if listed.entries and not verdicts:
            return self._to_index(listed)
        if self._entered():
            # (an issue listing nothing: the next one is older; an issue's later page
            # listing nothing new, answered for any number alike: so is that end,
            # and a page listing nothing new is followed to no later page of its own)
            new_here = self.lists_new(listed.items, listed.places)
            if not verdicts or (self.url in self._later_pages and not new_here):
                return self._next_entry_or_end()
            own = self._entry_goes_on(listed.next_url) if new_here else None
            listed = replace(listed, next_url=own or self._next_entry())
        goes_on = listed.next_url if listed.past_end and self.number > 1 else None
        if goes_on is not None and goes_on not in self._visited:
            return self._past_the_end(goes_on)
        if not verdicts:
            if self.ascending and self.url == self._begin and self.number > 1:
                return self._newest_listing_nothing(failed_before)
            if (stop := self._past_end()) is not None:
                return stop
            return self._missed_month(listed.next_url)
        earlier_month = self._to_an_earlier_month(listed)
        on_day = self._to_another_period(listed.next_url) or earlier_month
        fresh = self.lists_new(listed.items, listed.places)
        if self.number > 1 and listed.items and not fresh and not on_day:
            # Every link was so on an earlier page of this walk: a site that answers any page
            # number with its last page, or with a sidebar's links only, has run out; the
            # next number would repeat it until the run's request budget is spent. Not a
            # calendar's day going on to another day or month (its news may all be on
            # page 1, its day before is older; its own next page is no other day),
            # nor a month's page that lists nothing of its own (``Listed.own_news``: the
            # news page's latest again beside the month's grid), read by its calendar's
            # days (``_by_calendar``) or, linking none, a gap as an empty month is
            if not listed.own_news and self._month(self.url):
                return self._missed_month(listed.next_url)
            return self._end(Stop.END)
        self._missed = 0
        here = places(listed.items, listed.places)
        self._days.update(zip(listed.dated, listed.dates, strict=False))
        boxes = self._boxes
        if self._tail is not None and self._tail[0] == self.number - 1:
            self._boxes |= boxes_of(self._tail[1], here)
            if not (self._month(self.url) or self._is_day(self.url) or self._entered()):
                self._overlaps.append(overlap(self._tail[1], here, self._boxes, self._days))
        self._tail = (self.number, here)
        own = dated_list_block(here, self._boxes, self._days)
        for block, url in here:
            self._items.setdefault(url, set()).add(block)
            self._blocks.add(block)
            if own is None or block == own:
                self._in_lists.add(url)
        self._read += 1
        own_days = list_days(listed, self._boxes)
        self._last = (self.url, self.number, min(own_days, default=None))
        if self.number == 1:
            # (a page 1 whose own dates run back is no oldest-first listing's, whatever
            # its last page shows: dates its articles state may wrap round or be wrong;
            # its own: a box by views beside its list runs no way)
            forward = all(a <= b for a, b in pairwise(own_days))
            self._first_newest = max(own_days, default=None) if forward else None
            self._judge(listed.dates)
        self._skipped = self._skipped or bool(old)
        # (a page is in no order only if its own list is in none: a side box's links,
        # dated after the list's, leave it ordered)
        # (the pages before judged again only where this page showed a box: their
        # verdicts stand while the boxes do, so a long walk is no sum over its pages)
        if self._boxes != boxes:
            self._unordered = any(
                unordered(page.dates) and unordered(list_days(page, self._boxes))
                for page in self._orders
            )
        self._orders.append(listed)
        self._unordered = self._unordered or (unordered(listed.dates) and unordered(own_days))
        # (oldest first, each page forward is newer: neither an old nor a known page ends
        # it; nor does a page whose own dates run oldest first, before the order is known)
        if old and listed.old >= new and not self.ascending and not rising(listed.dates):
            return self._end(Stop.SINCE)
        if self._at_cap():
            return self._end(Stop.CAP)
        next_url = listed.next_url
        if next_url is None or next_url in self._visited:
            return self._end(Stop.END)
        # (a month's page listing an article archived before in its own list, not a side
        # box: the month before is older; listing none there, it is read, whatever the
        # page's box of older news holds: ``_known_in_list``)
        # (a link new only in a box repeated page to page, "Най-четени" linking a news
        # whose page failed the night before, is no news of this page's list: counted
        # new, the nightly walk read every page to the list's end, the box the same on
        # each, composed --nights seed 156)
        boxed = in_boxes_only(here, self._boxes)
        listed_new = new - sum(
            1
            for url, verdict in zip(listed.items, verdicts, strict=False)
            if verdict is Seen.NEW and url in boxed
        )
        all_known = not earlier_month and Seen.KNOWN in verdicts and not listed_new
        month_known = earlier_month and self._known_in_list(listed)
        # (nor a page whose own list runs oldest first, going on to no other period: what
        # is newer is on the pages after it; a list of one page, its order not kept
        # (``_newest_page``), linked a second page the night news opened it, and the
        # known stop there left them unread for good: composed --nights seed 1945. A
        # month's page runs so too, and its "next" is the month before)
        forward = rising(own_days) and not on_day
        by_day = not self.ascending and not self._unordered and not forward
        if by_day and (all_known or month_known or self._known_run >= self.stop_after_known):
            return self._incremental(next_url, new)
        self._advance(next_url, self.number + 1)
        return None

    def _past_the_end(self, next_url: str) -> Stop | None:
        """On to ``next_url``, where the listing goes on past its list's end
        (``Listed.past_end``), from a page listing nothing new: None as the walk goes
        on, a stop at its cap."""
        if self._at_cap():
            return self._end(Stop.CAP)
        self._advance(next_url, self.number + 1)
        return None

    def _to_index(self, listed: Listed) -> Stop | None:
        """An index page (``Listed.entries``): its entries not read yet are the walk's
        next pages, newest first, then the index before it (``next_url``)."""
        fresh = [url for url in dict.fromkeys(listed.entries) if url not in self._visited]
        self._read += 1
        if self._run_out():
            return self._end(Stop.END)
        if not fresh:
            # (a day's page of a month whose days were all read, its grid an index of them
            # again: on to the index before, the month before, as from an entry listing
            # nothing. Ended here, a month of empty days ended the walk at its first,
            # every month before it never asked)
            self._after_entries = self._after_entries or listed.next_url
            return self._next_entry_or_end()
        if self._at_cap():
            return self._end(Stop.CAP)
        self._entry_urls.update(fresh)
        self._listed_on.update(dict.fromkeys(fresh, self.url or ""))
        self._entries, self._after_entries = fresh[1:], listed.next_url
        if (heading := self._heading) is not None and self._may_jump(heading[0]):
            # the index an incremental stop went on to for the page it would jump to (an
            # entry of it, or an entry's later page): jumped to at once, its newer entries
            # read by the run that was cut, as the pages a jump passes over are. Read
            # first, its newest entry was asked again for an incremental stop already
            # made (zornitsasedmitsa cut inside November: the month's newest day again)
            self._heading = None
            self._entries = fresh
            self._known_run = 0
            self._advance(*heading)
            return None
        self._advance(fresh[0], self.number + 1)
        return None

    def _entered(self) -> bool:
        """The page being read is an index's entry."""
        return self.url in self._entry_urls

    def _entry_goes_on(self, next_url: str | None) -> str | None:
        """The entry's own later page its "next" link leads to (``own_page``), taken as
        one of the entry's pages; None for a link elsewhere (the issue before: the index
        leads there in its turn) or to a page read already."""
        if next_url is None or next_url in self._visited or self._own_page is None:
            return None
        assert self.url is not None
        if not self._own_page(next_url, self.url):
            return None
        self._entry_urls.add(next_url)
        self._later_pages.add(next_url)
        self._listed_on.setdefault(next_url, self._listed_on.get(self.url, ""))
        return next_url

    def _next_entry(self) -> str | None:
        """The page after an index's entry: its next entry, else the index before it."""
        while self._entries:
            url = self._entries.pop(0)
            if url not in self._visited:
                return url
        after, self._after_entries = self._after_entries, None
        return after

    def _next_entry_or_end(self) -> Stop | None:
        """On from an entry that listed nothing, as from a gap of a month's archive."""
        after = self._next_entry()
        if after is None or after in self._visited or self._run_out():
            return self._end(Stop.END)
        if self._at_cap():
            return self._end(Stop.CAP)
        self._advance(after, self.number + 1)
        return None

    def _listed_nothing(self) -> None:
        """The page being read listed no article link (or was gone): one more of the run
        of such pages (``empty_run``)."""
        if self.url is not None and not self.rereading:
            self._empty.append(self.url)

    @property
    def empty_run(self) -> list[str]:
        """The pages in a row that listed nothing, the last read last, where the walk ended
        after them (the crawl tells of ``EMPTY_RUN_TOLD`` or more): a calendar linking
        every day, empty ones too, was walked back through a month of empty days to the
        page cap, exit 0 and no word, where older news may lie past them."""
        return list(self._empty)

    def _run_out(self) -> bool:
        """The pages in a row that listed nothing span ``MISSED_MONTHS`` months of a
        calendar or an archive (by their day's or month's address): its start, as so many
        months missing are for a walk by the months' addresses (``_missed_month``).
        Its empty days counted as none, a calendar linking each day of every month (a
        theme's widget, news or not) was walked day by day into the past for ever under
        ``--max-pages 0``, each month its page and every day of it."""
        months: set[object] = set()
        for url in self._empty:
            if self._day_page is not None and isinstance(day := self._day_page(url), dt.date):
                months.add((day.year, day.month))
            elif self._month_page is not None and (month := self._month_page(url)):
                months.add(month)
        return len(months) >= MISSED_MONTHS

    def lists_new(self, items: Sequence[str], where: Sequence[Place] = ()) -> bool:
        """Whether a page lists a link no page of this walk read so far listed (the run
        or an earlier one may know it), standing where it stands (``where``, ``Place``):
        asked of the page being read before ``listed`` is told of it, and by ``listed``
        of a page 2+ (listing none, it repeats: ``_walked``)."""
        here = places(items, where)
        blocks = {block for block, _ in here}
        return not all(self._walked(url, block, blocks) for block, url in here)

    def _walked(self, url: str, block: str, blocks: set[str]) -> bool:
        """Whether a link standing in ``block`` of a page of ``blocks`` was listed so
        before: in that block, or, ``block`` new to the walk (another template's list, a
        card read at another node: only its URL compares), in one this page has none of
        where it stood in its page's own list. Not a link an earlier page showed only in
        another block this page has too: page 1's side column of the newest six
        ("Последни обяви") shows all that page 2 lists as its own, and page 2 read by
        its URLs alone listed nothing page 1 had not, which ended the walk there, page 3
        never read. Nor one an earlier page showed only beside its list: a "Зареди
        още" page, the list's cards alone, all in page 1's "Най-четени" widget, ended
        the walk, and the last page's one card, its news dated nowhere else, was never
        read (composed seed 34923: archived undated). A true repeat (a loop, any page
        number answered with the last page or with a sidebar's links only) lists each
        link where it stood before."""
        before = self._items.get(url)
        if before is None or block in before:
            return before is not None
        return block not in self._blocks and not before <= blocks and url in self._in_lists

    def _answered_again(self) -> Stop | None:
        """The walk's end when the page answered is page 1 asked once more (``grown``):
        whatever it answered, the walk stays as it ended; None for a page of the walk."""
        if not self.rereading:
            return None
        self.rereading = False
        assert self.stop is not None
        return self.stop

    def _at_cap(self) -> bool:
        """The walk has read as many pages as its cap allows (oldest first: pages read
        this run; newest first: the page's number)."""
        return bool(self.limit) and (self._read if self.ascending else self.number) >= self.limit

    def _judge(self, days: Sequence[dt.date]) -> None:
        """Page 1 of a walk completed before walks told the order: when its dates run
        forward (an oldest-first listing's page), the walk goes on to the end as a first
        one does, whatever it finds known, and tells the order there; otherwise the
        listing is newest first, as it was read, and is judged so."""
        if not self._judging:
            return
        self._judging = False
        if rising(days):
            self.settled = False
        else:
            self.state = replace(self.state, judged=True)

    def _incremental(self, next_url: str | None = None, new: int = 0) -> Stop | None:
        """An incremental stop (at a page listing ``new`` new links): final for a
        settled walk (but where its last pass did not end: ``_unended_pass``), a jump or
        a step otherwise."""
        if self.settled:
            if (on := self._unended_pass(next_url, new)) is None:
                return self._end(Stop.KNOWN)
            self._known_run = 0
            self._advance(*on)
            return None
        resume = self.state.resume_url
        if resume is not None and self.state.resume_page > self.number:
            if (index := self._index_first()) is not None:
                self._heading = (resume, self.state.resume_page)
                self._known_run = 0
                self._advance(index, self.number + 1)
                return None
            if resume not in self._visited and self._may_jump(resume):
                self._known_run = 0
                self._advance(resume, self.state.resume_page)
                return None
            if resume not in self._visited:
                self._heading = (resume, self.state.resume_page)
        if next_url is None:
            return self._end(Stop.END if self.number > 1 else Stop.KNOWN)
        self._advance(next_url, self.number + 1)
        return None

    def _unended_pass(self, next_url: str | None, new: int) -> tuple[str, int] | None:
        """Where a settled walk goes on from an incremental stop when an earlier run's
        pass did not end (``WalkState.pass_url``: the page it was reading when cut): a
        jump to that page, when it lies further on (on an index's walk, to a page of an
        index further back, entry by entry to it first: ``_may_jump``); from that page
        itself listing no new link now (its articles were taken then: whether that pass
        would have gone on is unknown), on to the page after it, once; listing new ones
        (the cut came before its articles were taken), the stop is as that pass's would
        have been. None: the stop is final (no such pass, or this walk went past it)."""
        if self._cut_pass is None:
            return None
        url, number = self._cut_pass
        if url == self.url:
            self._cut_pass = None
            return (next_url, self.number + 1) if next_url is not None and not new else None
        if number > self.number and url not in self._visited:
            if self._may_jump(url):
                return url, number
            if next_url is not None:
                self._heading = (url, number)
                return next_url, self.number + 1
        self._cut_pass = None
        return None

    def _index_first(self) -> str | None:
        """The index an incremental stop goes to before it jumps to the resume point, an
        entry of it (``WalkState.resume_index``): read first (a request), the entry is
        read as one, on to the entries after it and the index before. Jumped to straight
        from a page of no index, the entry was read as a page of none: a month's page
        going on by its address to the months before it (a seed's archive of three
        months, cut in its oldest: four requests past it, 404s, until ``MISSED_MONTHS``),
        an issue linking none, the issues after it never read. Only while the walk has
        read no index: one read leads entry by entry to the next (``_may_jump``)."""
        index, resume = self.state.resume_index, self.state.resume_url
        if index is None or self._entry_urls or index in self._visited or resume in self._visited:
            return None
        return index

    def _may_jump(self, resume: str) -> bool:
        """Whether an incremental stop may jump to where an earlier run stopped: on an
        index's walk, only to an entry of the index read (or an entry's later page). One
        of an index further back (the calendar's month before) is known as an entry only
        once that index is read: jumped to from the first, it was read as a page of no
        index, its "next" link none, and the walk ended there completed, the entries
        after it and the indexes before never read (zornitsasedmitsa cut after November's
        first day: 5 of 8 for good). The walk goes on entry by entry to that index
        instead, a request each, and jumps from its first entry."""
        return not self._entry_urls or resume in self._entries or bool(self._entry_of(resume))

    def _advance(self, url: str, number: int) -> None:
        # (a jump to where an earlier run stopped, an entry or an entry's later page: on
        # from there)
        entry = url if url in self._entries else self._entry_of(url)
        if entry in self._entries:
            del self._entries[: self._entries.index(entry) + 1]
        if entry is not None and entry != url:
            self._entry_urls.add(url)
            self._later_pages.add(url)
            self._listed_on.setdefault(url, self._listed_on.get(entry, ""))
        self.url, self.number = url, number
        if not self.state.completed and number > self.state.resume_page:
            index = self._listed_on.get(url) or None
            self.state = replace(
                self.state, resume_url=url, resume_page=number, failures=0, resume_index=index
            )
        if self.state.pass_url is not None and number > self.state.pass_page:
            self.state = replace(self.state, pass_url=url, pass_page=number)

    def _entry_of(self, url: str) -> str | None:
        """The entry of the walk's indexes (or a later page of one) whose later page
        ``url`` is (``own_page``), None for any other page: where an earlier run stopped
        inside an issue of many pages, resumed from there."""
        if self._own_page is None or url in self._entry_urls:
            return None
        own = self._own_page
        return next((entry for entry in self._entry_urls if own(url, entry)), None)

    def _end(self, stop: Stop) -> Stop:
        self.stop = stop
        if stop is not Stop.FAILED:  # (the pass ended: one that failed goes on next run)
            self.state = replace(self.state, pass_url=None, pass_page=0)
        if stop in NATURAL_ENDS and (stop is not Stop.CAP or self.limit_is_the_sites):
            newest = self._newest_page()
            # (an oldest-first walk that passed older news by keeps the bound it read to)
            cut = self.since if newest and self._skipped else None
            past = self._past
            self.state = (
                WalkState(
                    *newest,
                    completed=True,
                    cut_since=cut,
                    past_url=past[0] if past and past[1] == newest[1] + 1 else None,
                )
                if newest
                else WalkState(completed=True)
            )
        elif stop is Stop.SINCE and self.since is not None:
            cut = self.state.cut_since
            self.state = replace(self.state, cut_since=min(cut or self.since, self.since))
        elif stop is Stop.CAP:  # (this run's --max-pages)
            self.state = replace(self.state, cut_pages=max(self.state.cut_pages, self.limit))
        return stop

    def _newest_page(self) -> tuple[str, int] | None:
        """Where the next run begins an oldest-first listing: the last page this walk read,
        when the listing was known to run oldest first or this walk read page 1, whose
        dates never run back, and the newest day page 1 prints is before the oldest its
        last page prints."""
        if self._last is None or self._last[1] < 2:
            return None
        url, number, oldest = self._last
        if self.ascending:
            return url, number
        newest = self._first_newest
        return (url, number) if newest and oldest and newest < oldest else None


def places(items: Sequence[str], where: Sequence[Place]) -> Sequence[Place]:
    """Where a page listed its links (``Place``): as told, or its ``items`` in one block."""
    return where if where else [("", url) for url in items]


def in_boxes_only(here: Sequence[Place], boxes: frozenset[str]) -> frozenset[str]:
    """The links of a page (``here``: its ``Place``s) that stand in its boxes alone
    (``boxes_of``), in no other block of it."""
    if not boxes:
        return frozenset()
    elsewhere = {url for block, url in here if block not in boxes}
    return frozenset(url for block, url in here if block in boxes and url not in elsewhere)


def overlap(
    before: Sequence[Place],
    after: Sequence[Place],
    boxes: frozenset[str] = frozenset(),
    days: Mapping[str, dt.date] | None = None,
) -> int:
    """How many cards the page ``after`` opens its list with that the page ``before``
    ended its list with, in order (``ListingWalk.grown``): the list is each page's own
    block (``list_block``: not a box repeated on every page, ``boxes``), the same block
    on both. Fewer than the list holds: a page all repeated is a loop or a last page
    answered again (``ListingWalk.listed`` ends there)."""
    block = list_block(after, boxes, days)
    if block is None or block != list_block(before, boxes, days):
        return 0
    return _pushed_down(_in_block(before, block), _in_block(after, block))


def _in_block(here: Sequence[Place], block: str) -> list[str]:
    return [url for b, url in here if b == block]


def _pushed_down(tail: Sequence[str], head: Sequence[str]) -> int:
    """How many links ``head`` opens with that ``tail`` ended with, in order, fewer than
    ``head`` holds."""
    for k in range(min(len(tail), len(head) - 1), 0, -1):
        if list(head[:k]) == list(tail[-k:]):
            return k
    return 0


def boxes_of(before: Sequence[Place], after: Sequence[Place]) -> frozenset[str]:
    """The blocks of a page (``after``) that repeat the page read before it: two links
    or more standing in that block on both, more than a list pushed down shows (its
    last cards atop the next page, ``_pushed_down``). A "Най-четени" box, a "Последни"
    column, shows much the same links on every page of the walk; the list's links move
    on. Such a box holding more cards than the list was read as the list: its days by
    views in no order by day, a walk by date read to its end every night."""
    found = set()
    for block in {b for b, _ in after}:
        tail, head = _in_block(before, block), _in_block(after, block)
        repeated = len(set(tail) & set(head))
        if repeated >= 2 and repeated > _pushed_down(tail, head):
            found.add(block)
    return frozenset(found)


def list_block(
    here: Sequence[Place],
    boxes: frozenset[str] = frozenset(),
    days: Mapping[str, dt.date] | None = None,
) -> str | None:
    """A page's own list among its blocks (None for none): the block holding most of its
    cards (the first so, on a tie), passing over blocks the walk found repeated page to
    page (``boxes_of``), and, where ``days`` dates the links, a block whose days follow
    no order by day (``unordered``) where another's do. A list runs by date; a box by
    views (or a random pick) does not, and on a walk's first page, no page before it to
    tell a box by, a box of six beside a list of three is told so alone (a nightly run
    reads that page only). A list by "most read" beside a box by date is read as in
    order on that page, and told from the box once a page repeating the box is read
    (``ListingWalk`` judges its pages' order again then). Of the blocks whose days
    show an order (two at least), the one most of whose links are dated: a box's are
    dated by the list's cards for the same news, a few at most, and two of them, by
    chance in order, made a box of eight the list, its days running oldest first
    (composed seed 20600), or one of them, no order to judge by (``--nights`` 4486)."""
    counts = _block_counts(here, boxes)
    if (block := _ordered_block(here, counts, days)) is not None:
        return block
    return max(counts, key=counts.__getitem__) if counts else None


def dated_list_block(
    here: Sequence[Place],
    boxes: frozenset[str] = frozenset(),
    days: Mapping[str, dt.date] | None = None,
) -> str | None:
    """A page's own list where its days tell it (``list_block``'s block whose days show
    an order), None where no block's do: ``list_block`` then takes the largest block, a
    guess a box of eight beside an undated list of three gets wrong."""
    return _ordered_block(here, _block_counts(here, boxes), days)


def _block_counts(here: Sequence[Place], boxes: frozenset[str]) -> Counter[str]:
    """The cards of each block of a page but the walk's boxes (all, where it has no
    other block)."""
    counts = Counter(block for block, _ in here if block not in boxes)
    return counts or Counter(block for block, _ in here)


def _ordered_block(
    here: Sequence[Place], counts: Counter[str], days: Mapping[str, dt.date] | None
) -> str | None:
    """Of ``counts``' blocks whose days show an order (two at least), the one most of
    whose links are dated (then the larger): ``list_block``'s list where days tell it."""
    if not days:
        return None
    dated: dict[str, list[dt.date]] = {}
    for at, url in here:  # (one pass: a hostile page's thousands of blocks)
        if at in counts and url in days:
            dated.setdefault(at, []).append(days[url])
    ordered = [b for b in counts if len(dated.get(b, ())) > 1 and not unordered(dated[b])]
    return max(ordered, key=lambda b: (len(dated[b]), counts[b])) if ordered else None


def list_days(listed: Listed, boxes: frozenset[str] = frozenset()) -> Sequence[dt.date]:
    """The days of a page's own list, in its order: those of the links standing in its
    list's block (``list_block``, as ``overlap`` tells the list), or all the page's (but
    a box's the walk found, ``boxes_of``) where the links the days belong to are not
    known, or fewer than two of the list's are dated. A home page's list printing no
    days, walked by the days its articles state, stands beside a "Култура" box linking
    newer articles (a new one's second address): the page's days run back twice, read as
    no order (``unordered``), so every night's walk read the list to its end where it
    stops at the first page all known; the box says nothing of the list's order."""
    if not listed.dated or not listed.places:
        return listed.dates
    days = dict(zip(listed.dated, listed.dates, strict=True))
    block = list_block(listed.places, boxes, days)
    # (each card where it stands: an item the box shows first is the list's too)
    listed_days = [days[url] for at, url in listed.places if at == block and url in days]
    if len(listed_days) > 1 or not boxes:
        return listed_days if len(listed_days) > 1 else listed.dates
    # (a list of one dated card, the others of its items shown first in a box: the
    # page's days but the boxes')
    return [days[url] for at, url in listed.places if at not in boxes and url in days]


def rising(days: Sequence[dt.date]) -> bool:
    """A page's dates, in the order it prints them, run oldest first: never back, and
    forward overall (a page of one day says nothing). The page of an oldest-first listing
    shows it before the walk has read to the end; ``--since`` must not stop at page 1,
    whose news are all older than it, as it would on a newest-first one."""
    return len(days) > 1 and days[0] < days[-1] and all(a <= b for a, b in pairwise(days))


def unordered(days: Sequence[dt.date]) -> bool:
    """A page's dates, in the order it prints them, follow no order by day: past its first
    card, one is later than the card before it, and they do not all run oldest first. A
    list ordered by "most read" (or votes, or a random pick) shows a new article of few
    readers on its last page, under pages of known ones: the incremental stop at a page
    all known, right for a list by date, left it unread every night, so such a walk reads
    on to its end (or its cap). The first card is passed over: a notice pinned atop every
    page is older than the news under it, and the list is by date all the same. So are
    up to ``PINNED_AT_MOST`` cards atop the page when every one of them is older than
    every card under them and those (two at least) never run forward: an "Актуално"
    block of notices pinned weeks ago; read as no order, three such cards made every
    night's walk read to the list's end. A page by "most read" whose oldest cards happen
    to come first and the rest to run back by day is rare past a handful of cards."""
    if rising(days):
        return False
    skip = next(
        (k for k in range(PINNED_AT_MOST + 1) if all(a >= b for a, b in pairwise(days[k:]))),
        None,
    )
    if skip is None:
        return True
    return skip > 1 and (len(days) - skip < 2 or max(days[:skip]) >= min(days[skip:]))


# How many cards pinned atop a list by date ``unordered`` passes over: a municipal
# theme's "Актуално" block holds one to three
PINNED_AT_MOST = 3
