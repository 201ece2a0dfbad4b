"""Composed sites as time passes (``composed_sites.py --nights``): a seed's site crawled
bare (run 1, judged as ``run_seed`` judges it), then, night after night (2 or 3, seeded by
``plan``), as the site has moved on since: 1-4 new articles published (on top of a
newest-first list, at the end of an oldest-first one; in the feed and the sitemap where
the site has them; now and then a notice in "Обяви"), so every list page shifts and a
card moves on to the next page; some nights nothing new; now and then an older article
removed (its page answering 404 or 410: it stays archived) or one corrected (a
paragraph added).

The crawler's clock is moved where libfaketime is installed (``composed_clock``): run 1
is crawled at 03:00 in Sofia on day ``T0``, night ``k`` on the day ``gaps`` gives (the
next day, or a long weekend, a week, 40 days on), the last on today; the seed's
articles are ``T0 - 1`` and before; a night's news come out on a day since the crawl
before (after 08:00, or after midnight on a site whose times are past midnight, so
after that crawl's 03:00), and what the server prints counted from the moment it
answers (relative card dates, "вчера") is counted from the night's own day, as the
crawler counts it. So the rules that rest by the clock are exercised: a sitemap a
feed covers read again a week on, the site explored again a month on (``Rests``).
Without libfaketime (or ``--real-clock``) the crawls keep the real clock, seconds
apart: run 1 on ``T0 = today - nights``, night ``k``'s news on ``T0 + k - 1``, what
the server prints counted from today; the rests are never reached.

Each night judged (``night_verdict``): every article published so far archived exactly
once with its title, day and text (a removed one too, as first read), nothing else; exit
0 and no stderr line; the night's requests within ``night_bound``. A corrected article:
the archive keeps what it first read; a nightly run refetches an archived article only
when what it reads anyway says it changed (README, "Silent edits are kept": a card or
feed headline rewritten, a feed or sitemap entry dated after its last fetch), which an
added paragraph is not, however long after the last fetch the night is, so the
correction is not expected that night: it is counted (``updated``/``kept``), not failed,
but an updated text must have kept the version it replaced (``revisions``) and must
still hold every first paragraph.

A seed's ``Crawl-delay`` is kept on every night, the moved clock's too (its pauses wait
there, ``composed_clock``), and judged as ``run_seed`` judges it (the night's requests
no faster than ``slowest``). One night with news before the last (``night_fault``) serves
one of its new articles' pages failing all night (``composed_faults.NIGHT_FAULTS``: a 503
or a 429 asking ``Retry-After: 1``, or the body cut mid-way): that night exits 1, a line
of stderr naming the page, each line the program's, the page asked at most
``FAULT_TRIES`` times (the bound counts its retries), every other article as above; the
night after archives it (the bound counts its page and one list page past it, which the
walk reads, a page holding it being not all known).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import functools
import itertools
import math
import random
import sqlite3
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

import torture_bench as tb
from composed_axes import Axes, choose
from composed_clock import NO_FAKETIME, crawl_moment, faketime_lib, gaps, moved_env, stamp_files
from composed_faults import NIGHT_FAULTS, Planted, fault_crawl, sent_on_to, url_key_path
from composed_judge import Verdict, details, disallowed, slowest, verdict_of
from composed_texts import ARTICLES, AUTHORS, CORRECTIONS, LATER, LATER_NOTICES
from composed_writer import Article, Composer, Site, site_today
from discovery_bench import archived
from newsarchive.crawl_sources import FRESH_CHILD_REST_HOURS, SITEMAP_REST_DAYS
from newsarchive.discover.urls import url_key
from newsarchive.explorer import REEXPLORE_DAYS
from newsarchive.fetch.client import FetchOptions
from newsarchive.mirror import MirrorServer, PathFaults

# the requests one page failing the whole night may cost: its first and its retries
FAULT_TRIES = FetchOptions().retries + 1


@dataclass(frozen=True)
class Night:
    """What happened on the site since the crawl before: ``new`` articles published
    (``notice``: one of them in "Обяви"), an article ``gone`` (its number and the status
    its page answers now), one ``corrected`` (its number: a paragraph added)."""

    number: int  # 1, 2, 3: the crawl after run 1
    new: int
    notice: bool = False
    gone: tuple[int, int] | None = None
    corrected: int | None = None

    def cell(self) -> str:
        what = f"+{self.new}" + ("n" if self.notice else "")
        what += f" -{self.gone[1]}" if self.gone else ""
        return what + (" ~" if self.corrected is not None else "")


def plan(seed: int, axes: Axes, numbers: list[int]) -> list[Night]:
    """The nights after run 1 (2 or 3), seeded: a night with nothing new one time in
    five, else 1-4 new; an older article removed (not the two newest of run 1, nor the
    oldest, which a "pinned" list shows first) one night in four, answering 404 or 410;
    one corrected one night in four. ``numbers``: run 1's articles' numbers, newest
    first."""
    rng = random.Random(seed * 7919 + 297)
    nights, removable = [], numbers[2:-1]
    gone: set[int] = set()
    for number in range(1, rng.choice((2, 3)) + 1):
        new = 0 if rng.random() < 0.2 else rng.randint(1, 4)
        notice = new > 0 and "notices" in axes.non_news and rng.random() < 0.3
        removed = None
        if removable and rng.random() < 0.25:
            pick = rng.choice(removable)
            removable.remove(pick)
            gone.add(pick)
            removed = (pick, rng.choice((404, 410)))
        corrected = None
        if rng.random() < 0.25:
            corrected = rng.choice([n for n in numbers if n not in gone])
        nights.append(Night(number, new, notice, removed, corrected))
    return nights


def night_fault(seed: int, nights: list[Night]) -> tuple[int, str] | None:
    """The night served with a fault on one of its new articles' pages, the whole night,
    and the fault's kind (``composed_faults.NIGHT_FAULTS``), seeded (a stream of its
    own: ``plan``'s draws stay): a night with an article among its news, not the last (a
    later night must archive it); None where there is none."""
    rng = random.Random(seed * 7919 + 298)
    fitting = [n.number for n in nights[:-1] if n.new - n.notice > 0]
    return (rng.choice(fitting), rng.choice(NIGHT_FAULTS)) if fitting else None


def faulted_path(seed: int, ns: NightSite) -> str:
    """Which of the night's new articles meets the fault (its path as sent), seeded."""
    articles = sorted(path for path in ns.new_paths if not path.startswith("notice:"))
    return random.Random(seed * 7919 + 299).choice(articles)


@dataclass
class NightSite:
    """The site on night ``number`` (0: run 1's): its files and expected articles, the
    paths of the articles published that night, the paths answering gone, the corrected
    articles' added paragraphs (by ``url_key``)."""

    number: int
    site: Site
    new_paths: list[str] = field(default_factory=list)
    splits: int = 0  # new articles over two pages
    split_paths: set[str] = field(default_factory=set)  # (theirs)
    twins: int = 0  # new articles under a second category too (``Axes.twin``)
    # the months' pages, newest first, down to the first listing a news published before
    # the night (``night_bound``: an index of months)
    months: int = 0
    gone: dict[str, int] = field(default_factory=dict)
    corrections: dict[str, str] = field(default_factory=dict)
    # the "Най-четени" box's entries new to it tonight (in no earlier crawl's box: a news
    # of the nights before moved in, or an older one where a gone one was), each as the
    # box links it by its old address (``Axes.moved`` "old-ids"), and whether one of
    # those links is on the host's other spelling (``Axes.links`` "www")
    boxed: list[str] = field(default_factory=list)
    boxed_elsewhere: bool = False


def night_site(
    seed: int,
    night: int,
    nights: list[Night],
    today: dt.date,
    axes: Axes | None = None,
    days: list[int] | None = None,
) -> NightSite:
    """Seed ``seed``'s site as it is on night ``night`` (0: run 1), ``nights`` having
    passed by then (``plan``), the last of them crawled ``today``. ``days``: each
    crawl's day counted from run 1's (``composed_clock.gaps``), the crawler's clock
    moved to it, and the server's "today" too; without, the nights are a day apart and
    what the server prints is counted from ``today`` (the real clock's nights)."""
    first = today - dt.timedelta(days=days[-1] if days else len(nights))
    composer = Composer(seed, first, axes)
    # (what is printed counted from the answer's moment)
    composer.today = first + dt.timedelta(days=days[night]) if days else today
    when_rng = random.Random(seed * 7919 + 3060)  # (the days news come out after a gap)
    picked = {a.title for a in composer.articles}
    pool = [x for x in ARTICLES if x[0] not in picked] + LATER
    rng = random.Random(seed * 7919 + 2970)
    rng.shuffle(pool)
    later_notices = list(LATER_NOTICES)
    number, out = 501, NightSite(night, composer.site)
    late = composer.axes.clock != "local"
    earlier: set[int] = set()  # (the articles in the box on a crawl before tonight's)
    for step in nights[:night]:
        earlier |= {a.number for a in composer.popular_articles()}
        day = first + dt.timedelta(days=step.number - 1)
        if days:  # (a day since the crawl before; after midnight, a late site's, so
            # published after that crawl's 03:00 and before this one's)
            day = first + dt.timedelta(
                days=when_rng.randint(days[step.number - 1], days[step.number] - 1) + late
            )
        slots = sorted(
            rng.sample([(h, m) for h in ((0, 1) if late else range(8, 17)) for m in (5, 20, 40)],
                       step.new)
        )  # fmt: skip
        fresh = []
        if step.notice and later_notices:
            title, slug, text = later_notices.pop(0)
            composer.notices.insert(0, (title, slug, text, day))
            slots = slots[1:]
        for hour, minute in slots:  # (oldest first: numbered in the order published)
            title, slug, paragraphs = pool.pop()
            author = None if composer.axes.byline == "none" else rng.choice(AUTHORS)
            when = dt.datetime.combine(day, dt.time(hour, minute))
            article = Article(title, slug, list(paragraphs), when, author, number=number)
            article.path = composer.article_path(article, number)
            fresh.insert(0, article)
            number += 1
        composer.articles[:0] = fresh
        if step.number == night:
            out.new_paths = [composer.url(a.path).removeprefix(composer.origin) for a in fresh]
            out.new_paths += [f"notice:{composer.notices[0][1]}"] if step.notice else []
            out.splits = sum(composer.is_split(a) for a in fresh)
            out.split_paths = {
                composer.url(a.path).removeprefix(composer.origin)
                for a in fresh
                if composer.is_split(a)
            }
            out.twins = sum(composer.is_twin(a) for a in fresh)
        if step.corrected is not None:
            for article in composer.articles:
                if article.number == step.corrected:
                    extra = CORRECTIONS[step.number % len(CORRECTIONS)]
                    article.paragraphs = [*article.paragraphs, extra]
                    out.corrections[url_key(composer.url(article.path))] = extra
        if step.gone is not None:
            (article,) = [a for a in composer.articles if a.number == step.gone[0]]
            composer.articles.remove(article)
            path = composer.url(article.path).removeprefix(composer.origin)
            out.gone[path] = step.gone[1]
    boxed = [composer.link(composer.old_path(a)) for a in composer.popular_articles()
             if a.number not in earlier]  # fmt: skip
    out.boxed = boxed
    out.boxed_elsewhere = any(link.startswith(composer.other_origin) for link in boxed)
    tonight = {url_key(composer.url(path)) for path in out.new_paths}
    for _year_month, chunk in itertools.groupby(
        composer.articles, key=lambda a: (a.when.year, a.when.month)
    ):
        out.months += 1
        if any(url_key(composer.url(a.path)) not in tonight for a in chunk):
            break
    site = composer.compose()
    codes = {path: code for path, code in out.gone.items() if code != 404}
    if codes:  # (a 404 is the file no longer there)
        site.mirror["gone"] = codes
    return out


@dataclass
class NightRun:
    """One crawl of the site: its night, exit, stderr, requests and their bound."""

    night: int
    plan: str  # ``Night.cell``, "run 1" for the first
    code: int
    stderr: str
    requests: int
    bound: int
    paths: list[str]
    failures: list[str] = field(default_factory=list)
    gap: int = 0  # days since the crawl before, the clock moved (0: not moved)
    rests: int = 0  # of ``bound``, what rests by the clock allow (``Rests``)
    fault: str = ""  # the night's fault (``Planted.cell``: its kind and requests met)

    def cell(self) -> str:
        rests = f"(+{self.rests})" if self.rests else ""
        return f"{self.requests}/{self.bound}{rests}{'!' if self.failures else ''}"


@dataclass
class NightsVerdict:
    seed: int
    axes: Axes
    runs: list[NightRun]
    corrected: dict[str, int] = field(default_factory=dict)  # "updated", "kept"

    @property
    def ok(self) -> bool:
        return not any(run.failures for run in self.runs)

    def row(self) -> str:
        nights = " ".join(
            f"[{f'{r.gap}d ' if r.gap else ''}{r.plan}{f' {r.fault}' if r.fault else ''}]"
            f" {r.cell()}"
            for r in self.runs[1:]
        )
        fixes = " ".join(f"{k}:{n}" for k, n in sorted(self.corrected.items()))
        return (
            f"{self.seed:>5} {self.runs[0].requests:>8}  {'ok' if self.ok else 'FAIL':<4}  "
            f"{nights}{'  ' + fixes if fixes else ''}  | {self.axes.short()}"
        )


NIGHTS_HEADER = f"{'seed':>5} {'requests':>8}  verdict  nights ([what] asked/bound)  | axes"


def night_bound(rerun: int, axes: Axes, ns: NightSite) -> int:
    """A night's requests at most: the no-op rerun's (``Verdict.rerun_bound``: robots.txt,
    the feed or a sitemap, the news list's first page, "Обяви"); each new article's and
    notice's page, a split article's page 2 too, one under a second category's address
    too that address (linked from the home page's "Култура" box; on a night whose crawl
    reads no home page, counted the night one does: ``nights_seed``'s ``unmet_twins``);
    each new article's
    card link where the card spells another address the server sends on (301: the
    trailing slash toggled, ``Axes.spelling``; an old CMS's address, ``Axes.moved``
    "old-all"); the host's other
    spelling's robots.txt where the site links pages there (``Axes.links`` "www"), asked
    once a run that follows such a link; and the list pages the shift makes the walk read
    again. A newest-first list's walk goes on past a page holding anything new and stops
    at the first page all known (``discover/walk.py``, ``ListingWalk``: all known, or
    ``stop_after_known`` archived in a row): the new ones fill ``ceil(n / per_page)``
    pages, so that many past the first; under a pinned card (``Axes.order`` "pinned", the
    oldest news atop page 1) ``ceil((n + 1) / per_page)`` (``--nights`` seed 362). An
    oldest-first list's news land on its last page and the pages they open after it,
    ``ceil(n / per_page)``, and the page past the end its walk asks to see the list
    ended (counted in the rerun's bound where the last page links one: ``Site.roles``
    "past_end"). The news sitemap's file where the map is an
    index (its index counted in the rerun, its child changed). A list whose older news
    are reached through an index page of months (``Axes.archive`` "index": the list's
    page 1 alone, no pager): in place of the pages past the first, the index and the
    months' pages newest first down to the first listing a news published before the
    night (``NightSite.months``), where the walk stops (``ListingWalk``: a month's page
    listing an article archived before): the current month, and at a month's turn (its
    news all the night's) the month before too, which may hold a news pushed off page 1
    (``ListingWalk._to_an_earlier_month``). Where a box of the months on every list page
    links them (``Axes.archive`` "box", no pager past page 1), the same months' pages
    without the index (``--nights --real-clock`` seeds 150, 1284, 3197 and 3571: a night
    at a month's turn read the month before too, which the pager's count left out). A
    "Най-четени" box linking its entries by
    their old addresses (``Axes.moved`` "old-ids", the cards by their own) and not written
    as an ``<aside>`` (a ``<section>`` or a widget's ``<div>``: no furniture, its links the
    list page's headlines): each entry new to the box tonight (``NightSite.boxed``: a
    news of the nights before ranked in, an older one where a gone one was), an address
    the crawler never met, which it asks to learn where the server sends it (an archived
    article, remembered: an entry back in the box costs nothing), and the host's other
    spelling's robots.txt where one such link is there and no new article is counted for
    it. Where the cards spell old addresses too (``Axes.moved`` "old-all") the crawler
    met an entry's old address on its card already: nothing is counted. A gone article costs
    nothing (no source lists it), a corrected one nothing (nothing says it changed)."""
    notices = sum(path.startswith("notice:") for path in ns.new_paths)
    new = len(ns.new_paths) - notices
    pages = 0
    if new and axes.pager != "none":
        # (a pinned list's first card is its oldest news, the new ones after it)
        pinned = axes.order == "pinned"
        # (the page past the end, which the rerun's bound counts where the last page
        # links one, ``Verdict.rerun_bound``)
        past = bool(ns.site.roles.get("past_end"))
        pages = math.ceil((new + pinned) / axes.per_page) + (axes.order == "oldest" and not past)
    if new and axes.archive == "index":
        pages = 1 + ns.months
    if new and axes.archive == "box":  # (the months' pages alone: the box links them)
        pages = ns.months
    hops = new if axes.spelling == "slash" or axes.moved == "old-all" else 0
    boxed = boxed_entries(axes, ns)
    twin = twin_robots(axes, ns)
    maps = 1 if new and len(ns.site.roles.get("sitemap", "").split()) > 1 else 0
    return rerun + new + notices + ns.splits + ns.twins + hops + twin + pages + maps + len(boxed)


def boxed_entries(axes: Axes, ns: NightSite) -> list[str]:
    """The "Най-четени" entries new to the box tonight that cost a request each
    (``night_bound``): by their old addresses, in a box no ``<aside>``."""
    return ns.boxed if axes.moved == "old-ids" and axes.box_tag != "aside" else []


def twin_robots(axes: Axes, ns: NightSite) -> int:
    """The host's other spelling's robots.txt (``Axes.links`` "www"), asked once a run
    that follows a link there: a new article's, or a "Най-четени" entry's
    (``night_bound``)."""
    new = any(not path.startswith("notice:") for path in ns.new_paths)
    boxed = boxed_entries(axes, ns)
    return 1 if (new or (boxed and ns.boxed_elsewhere)) and axes.links == "www" else 0


@dataclass
class Rests:
    """What the crawler's rests by the clock allow a night after a gap beyond
    ``night_bound``, counted from the rules (``newsarchive.crawl_sources``,
    ``newsarchive.explorer``) and the days each rested source was last asked:
    every sitemap document not asked in ``SITEMAP_REST_DAYS`` (a sitemap a feed or a
    news sitemap covers rests a week, then is read again: its index and children at
    most); a sitemap index's newest child every night, a day being more than
    ``FRESH_CHILD_REST_HOURS`` (on the real clock it rests, the nights seconds apart);
    and, ``REEXPLORE_DAYS`` after the last exploration, the site explored again,
    as run 1 explored it (its requests for anything but an article's page: the
    articles are known, not fetched again)."""

    maps: dict[str, int] = field(default_factory=dict)  # path -> day last asked
    explored: int = 0

    def due(self, day: int, ns: NightSite, first: NightRun) -> int:
        site, maps = ns.site, ns.site.roles.get("sitemap", "").split()
        extra = sum(day - self.maps.get(path, 0) >= SITEMAP_REST_DAYS for path in maps)
        hours = 24 * (day - max(self.maps.values(), default=0))
        news = [path for path in ns.new_paths if not path.startswith("notice:")]
        if len(maps) > 1 and not news and not extra and hours >= FRESH_CHILD_REST_HOURS:
            # an index's newest child, asked every night whatever the index says once
            # ``FRESH_CHILD_REST_HOURS`` have passed (``night_bound`` counts it where
            # the night brought news; a night of a notice alone brought none: seed 277)
            extra += 1
        if day - self.explored >= REEXPLORE_DAYS:
            self.explored = day
            articles = {url_key_path(str(row["url"]), site.origin) for row in site.expected}
            extra += sum(path not in articles for path in first.paths)
        return extra

    def read(self, day: int, paths: list[str]) -> None:
        for path in paths:
            if "sitemap" in path:
                self.maps[path] = day


def nights_seed(
    seed: int,
    keep: Path | None = None,
    axes: Axes | None = None,
    today: dt.date | None = None,
    moved: bool = False,
) -> NightsVerdict:
    """Seed ``seed``'s site crawled bare (run 1) and then on each night ``plan`` gives
    it (a ``newsarchive crawl`` process each, one connection), each judged. ``moved``:
    each crawl's clock moved to its night (``composed_clock``: 03:00 in Sofia, the
    nights ``gaps`` apart, the last ``today``); libfaketime must be installed."""
    today = today or site_today()
    # (a news landing mid-walk, ``Axes.shift``, is ``compose``'s; the nights publish their own)
    axes = dataclasses.replace(axes or choose(seed), shift=False)
    numbers = [a.number for a in Composer(seed, today, axes).articles]  # run 1's, newest first
    nights = plan(seed, axes, numbers)
    planned = night_fault(seed, nights)
    lib = faketime_lib() if moved else None
    if moved and lib is None:
        raise RuntimeError(NO_FAKETIME)
    days = list(itertools.accumulate(gaps(seed, len(nights)), initial=0)) if lib else None
    first = today - dt.timedelta(days=days[-1] if days else len(nights))
    name = f"composed{seed}"
    site0 = night_site(seed, 0, nights, today, axes, days).site
    rests = Rests()
    tb.BARE[name] = (site0.name, site0.origin, [site0.origin.partition("://")[2]])
    expected: dict[str, dict[str, object]] = {}
    runs: list[NightRun] = []
    corrected: dict[str, int] = {}
    fixes: dict[str, str] = {}
    owed: dict[str, str] = {}  # a faulted article's key -> its path, until archived
    retried = 0  # requests a page failing the night before (its fault met) explains
    # the new articles' second-category copies (``Axes.twin``) the home page's box linked
    # on nights whose crawl did not ask the home page (a feed carrying the news, the home
    # list resting): their links are met, and asked, the night it is read (seed 1019)
    unmet_twins = 0
    with tempfile.TemporaryDirectory(prefix=f"composed-nights-{seed}-") as folder:
        tmp = keep or Path(folder)
        db = tmp / "archive.db"
        for night in range(len(nights) + 1):
            ns = night_site(seed, night, nights, today, axes, days)
            site = ns.site
            for row in site.expected:  # (a row as first published: its first text)
                expected.setdefault(url_key(str(row["url"])), row)
            fixes.update(ns.corrections)
            root = tmp / f"night{night}"
            site.write(root)
            clock = None
            if days and lib:
                moment = crawl_moment(first + dt.timedelta(days=days[night]))
                stamp_files(root, moment)
                clock = moved_env(moment, lib)
            fault = None
            if planned and planned[0] == night:
                fault = Planted(planned[1], faulted_path(seed, ns), "run1")
            faults = PathFaults({fault.path: fault.fault(site.name)} if fault else {})
            began = time.monotonic()
            with MirrorServer(root, intercept=faults, quiet=True) as server:
                code, err, asked = fault_crawl(tmp, name, server, db, clock)
                own = site.origin.partition("://")[2]
                paths = [  # (a request of the host's other spelling named with it)
                    path if host in ("", own) else f"{host}{path}"
                    for path, host in zip(server.requests, server.hosts, strict=True)
                ]
            took = time.monotonic() - began
            keys = [url_key(u) for u in archived(db)]
            was_owed = dict(owed)
            if fault:
                fault.met = faults.met.get(fault.path, 0)
                owed[url_key(site.origin + fault.path)] = fault.path
            settled = paid(owed, expected, set(keys))
            # (one read at its copy tonight, its own page failing, is dated by its card
            # all the same: ``Harvester.date_by_headline``; seeds 131, 194)
            for key in settled:
                del owed[key]
            judged = Site(site.axes, site.name, site.origin, site.files, roles=site.roles)
            judged.expected = [row for key, row in expected.items() if key not in owed]
            verdict = verdict_of(seed, judged, db, asked, asked, paths)
            rerun = Verdict.rerun_bound.fget(verdict)  # type: ignore[attr-defined]
            bound = asked if night == 0 else night_bound(rerun, site.axes, ns)
            due = rests.due(days[night], ns, runs[0]) if days and night else 0
            bound += due
            # (a faulted page's retries, that night, and theirs of the address its card
            # spells where the server sends it on (301, ``night_bound``'s hops); the
            # night after, that page asked again, through that address too, its page 2
            # where it is split, and, a list's page holding it being not all known, the
            # list's pages past it a walk reads to find one all known)
            if retried and site.axes.links == "www" and not twin_robots(site.axes, ns):
                # the page failing the night before, linked on the host's other spelling:
                # that host's robots.txt, which no new article's link asks tonight (a
                # night of a notice alone: --nights seed 304)
                retried += 1
            bound += retried
            retried = 0
            if night and "/" in paths:
                bound += unmet_twins
                unmet_twins = 0
            elif night:
                unmet_twins += ns.twins
            if fault and fault.met:
                hops = sent_on_to(fault.path, site)
                asked_hops = sum(paths.count(hop) for hop in hops)
                bound += fault.met - 1 + max(asked_hops - 1, 0)
                split = fault.path in ns.split_paths  # (its page 2 too)
                # (its page 2, or where the list goes on to an index of months
                # (``Axes.archive`` "index"), the index and the current month's page:
                # --nights seed 468; where a box links the months, the months' pages
                # tonight's walk read, read again: --nights --real-clock seed 1284)
                past = 2 if site.axes.archive == "index" else int(site.axes.pager != "none")
                if site.axes.archive == "box":
                    past = ns.months
                retried = 1 + bool(hops) + split + past
            if days:
                rests.read(days[night], paths)
            step = nights[night - 1].cell() if night else "run 1"
            gap = days[night] - days[night - 1] if days and night else 0
            run = NightRun(night, step, code, err, asked, bound, paths, gap=gap, rests=due)
            run.fault = fault.cell() if fault else ""
            run.failures += [line.strip() for line in details(verdict) if "rerun" not in line]
            run.failures += [f"asked {p}, which robots.txt disallows" for p in
                             disallowed(site, paths)]  # fmt: skip
            failing = [fault.path] if fault and fault.met else []
            run.failures += _faulted(site, fault, failing, code, err)
            run.failures += [f"{path}: met a fault the night before and not archived yet"
                             for key, path in was_owed.items() if key in owed]  # fmt: skip
            if site.axes.crawl_delay and took < slowest(site.axes.crawl_delay, asked):
                run.failures.append(
                    f"{asked} requests in {took:.1f} s under Crawl-delay: {site.axes.crawl_delay}"
                )
            if asked > bound:
                run.failures.append(f"asked {asked} > {bound}: {' '.join(paths)}")
            if len(keys) != len(set(keys)):
                run.failures.append("an address archived twice")
            if night == len(nights):
                corrected = _corrections(db, fixes, expected, run.failures)
            runs.append(run)
    return NightsVerdict(seed, axes, runs, corrected)


def paid(owed: dict[str, str], expected: dict[str, dict[str, object]], keys: set[str]) -> list[str]:
    """Of the articles ``owed`` (a page that failed all night, by key), those archived
    now (``keys``): at their own address, or at a second one the site serves the
    article at too (``Axes.twin``'s copy in another category, linked from the home
    page's box), read there the night its own page failed (``_same_content`` joins the
    two when the page answers again). ``--nights`` seeds 131, 144 and 194: the judge
    owed the article for good, its copy counted extra, as ``--faults`` did a gone one
    (``composed_faults.still_served``)."""
    out = []
    for key in owed:
        row = expected.get(key, {})
        aliases = row.get("aliases") or []
        assert isinstance(aliases, list)
        if key in keys or any(url_key(str(other)) in keys for other in aliases):
            out.append(key)
    return out


def _faulted(
    site: Site, fault: Planted | None, failing: list[str], code: int, err: str
) -> list[str]:
    """A night's exit and stderr judged: 0 and nothing said, but where its fault's page
    was asked (``failing``: every request failed all night, even where the article was
    archived from a second address, ``Axes.twin``): 1, a line of stderr naming it (or an
    address sent on to it), each line the program's, no traceback; the fault met at
    most ``FAULT_TRIES`` times."""
    from urllib.parse import unquote

    if fault and fault.met > FAULT_TRIES:
        return [f"{fault.path}: {fault.kind} asked {fault.met} times > {FAULT_TRIES}"]
    if not failing:
        return (
            [] if code == 0 and not err.strip() else [f"exit {code}, stderr {err.strip()[-300:]!r}"]
        )
    out = []
    stray = [line for line in err.splitlines() if not line.startswith("newsarchive: ")]
    if code != 1 or stray or "Traceback" in err:
        out.append(f"exit {code} (not 1) or a stray stderr line: {err.strip()[-300:]!r}")
    said = unquote(err)
    if not any(unquote(path) in said for path in failing + sent_on_to(failing[0], site)):
        out.append(f"stderr names no {failing[0]}: {err.strip()[-300:]!r}")
    return out


def _corrections(
    db: Path, fixes: dict[str, str], expected: dict[str, dict[str, object]], failures: list[str]
) -> dict[str, int]:
    """How the corrected articles stand after the last night: "updated" (the added
    paragraph archived, the version it replaced kept in ``revisions``) or "kept" (as
    first read); a failure where an update kept no revision."""
    counts: dict[str, int] = {}
    with closing(sqlite3.connect(db)) as conn:
        rows = {
            url_key(url): (text, kept)
            for url, text, kept in conn.execute(
                "SELECT url, text, (SELECT count(*) FROM revisions r WHERE r.article_id = a.id)"
                " FROM articles a"
            )
        }
    for key, extra in fixes.items():
        text, kept = rows.get(key, ("", 0))
        state = "updated" if extra in text else "kept"
        counts[state] = counts.get(state, 0) + 1
        if state == "updated" and not kept:
            failures.append(f"{expected[key]['url']}: corrected with no revision kept")
    return counts


def nights_main(args: argparse.Namespace, out: Callable[[str], object]) -> int:
    """``--nights``: per seed one row (run 1's requests; each night's happenings, its
    requests and their bound, ``!`` failed; the corrections' fate) and each failure."""
    moved = not args.real_clock and faketime_lib() is not None
    if not args.real_clock and not moved:
        out(NO_FAKETIME)
    out(NIGHTS_HEADER)
    seeds = [args.seed] if args.seed is not None else range(args.start, args.start + args.seeds)
    keep = args.keep if args.seed is not None else None
    run = functools.partial(nights_seed, keep=keep, moved=moved)
    verdicts = []
    with ProcessPoolExecutor(max(1, args.jobs)) as pool:
        for verdict in pool.map(run, seeds):
            verdicts.append(verdict)
            out(verdict.row())
            for each in verdict.runs:
                for failure in each.failures:
                    out(f"  night {each.night} [{each.plan}]: {failure[:400]}")
                if args.seed is not None:
                    out(f"  night {each.night} asked: {' '.join(each.paths)}")
    failed = [v.seed for v in verdicts if not v.ok]
    # (a seed whose run 1 fails already fails as ``run_seed`` judges it: a shape of one
    # state of the site, not of time passing)
    first = [v.seed for v in verdicts if v.runs[0].failures]
    nights = [r for v in verdicts for r in v.runs[1:]]
    fixes: dict[str, int] = {}
    for v in verdicts:
        for state, n in v.corrected.items():
            fixes[state] = fixes.get(state, 0) + n
    out(
        f"{len(verdicts)} seeds, {len(nights)} nights, {len(failed)} failed;"
        f" corrections {', '.join(f'{n} {s}' for s, n in sorted(fixes.items())) or 'none'}"
        + (f"; failed seeds: {' '.join(map(str, failed))}" if failed else "")
        + (f" ({len(first)} of them in run 1: {' '.join(map(str, first))})" if first else "")
    )
    return 2 if failed else 0


__all__ = [
    "NIGHTS_HEADER",
    "Night",
    "NightRun",
    "NightSite",
    "NightsVerdict",
    "night_bound",
    "night_fault",
    "night_site",
    "nights_main",
    "nights_seed",
    "plan",
    "url_key_path",
]
