"""Crawl state kept in the archive: queued URLs, listing walks, HTTP validators.

Every commit of crawl state happens here, each at the moment the state becomes true, so
a crawl killed at any instant (even by SIGKILL) resumes without losing or repeating work:
a URL is queued (committed) before its listing page counts as walked, an article is
marked done in the same transaction that archives it, a walk's resume point is saved
after the links of its page are queued.

``seen`` is the one rule deciding what a discovered URL means for the crawl; it is pure
so its cases are tested without a server. ``Frontier.amp_copy`` only asks it again about
the page an AMP link copies.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace

from newsarchive.archive.connection import PARAMETERS_PER_QUERY
from newsarchive.archive.states import State
from newsarchive.archive.store import fetch_moment, now_iso
from newsarchive.date_stamps import local_date, stored_published
from newsarchive.discover.explore import Discovery
from newsarchive.discover.headlines import headline_mark, retitled
from newsarchive.discover.urls import (
    amp_originals,
    is_item_url,
    move_hosts,
    moved_keys,
    url_key,
)
from newsarchive.discover.walk import MAX_ATTEMPTS as MAX_ATTEMPTS
from newsarchive.discover.walk import Seen, WalkState, too_old
from newsarchive.extraction.published import listed_as_archived
from newsarchive.models import (
    SOURCE_FEED,
    SOURCE_NEWS_SITEMAP,
    SOURCE_OLDER,
    SOURCE_RECHECK,
    SOURCE_RELISTED,
    SOURCE_SITEMAP,
    Candidate,
    Page,
    Published,
)
from newsarchive.relative_dates import site_today
from newsarchive.site_clock import from_site_clock


@dataclass(frozen=True)
class Entry:
    """A frontier row; ``old_since``: the earliest ``--since`` a URL settled OLD is known
    to be older than, the run's or the day after the one its page states (``_older_than``;
    None: settled before v14 kept it)."""

    state: State
    attempts: int
    old_since: dt.date | None = None


_SETTLED = (
    State.GONE, State.DISALLOWED, State.DONE, State.NOT_PAGE, State.TRANSLATION, State.LATER_PAGE,
)  # fmt: skip


_NOT_NEW = frozenset({Seen.KNOWN, Seen.OLD})  # settled before this run, either way

# ``fetch_state.status`` of a child sitemap recorded gone (``Frontier.sitemap_gone``), a
# 410 as a 404: what ``unchanged_sitemap`` tells a gone child from one read in full by.
SITEMAP_GONE_STATUS = 404


def seen(entry: Entry | None, *, archived: bool, refresh: bool, since: dt.date | None) -> Seen:
    """Whether a discovered URL is new work or already known (pure policy)."""
    if refresh:
        return Seen.NEW
    if archived:
        return Seen.KNOWN
    if entry is None:
        return Seen.NEW
    if entry.state in _SETTLED:
        return Seen.KNOWN
    if entry.state is State.FAILED and entry.attempts >= MAX_ATTEMPTS:
        return Seen.KNOWN
    if entry.state is State.OLD and since and (entry.old_since is None or since >= entry.old_since):
        # (older than --since, as found on an earlier run: a walk resumed at the page
        # where --since stopped it ends there again, not one page deeper each run; a
        # run asking further back fetches it again, as one without --since does)
        return Seen.OLD
    return Seen.NEW


def listed_kind(source: str | None) -> str | None:
    """Whether a frontier entry's listed date is a publication date, and whose: "feed",
    "listing" (its source is the listing page it was on), or None: a sitemap's
    ``lastmod`` and a recheck's archived day are not publication dates. A Google News
    sitemap's ``<news:publication_date>`` is one, and the feed's kind: the site's own
    list of its news, each entry with the moment it came out."""
    source = _lister(source)
    if source in (SOURCE_FEED, SOURCE_NEWS_SITEMAP):
        return "feed"
    if source is not None and source.startswith(("http://", "https://")):
        return "listing"
    return None


def _lister(source: str | None) -> str | None:
    """The source that gave an entry's listed date: the entry's own, or the one a way
    back's source keeps (``older_source``)."""
    if source is not None and source.startswith(f"{SOURCE_OLDER}:"):
        kept = source.split(":", 2)
        return kept[2] if len(kept) == 3 else None
    return source


def older_source(left: int, lister: str | None = None) -> str:
    """The frontier source of an article queued as the one before another (a "« Предишна
    новина" chain), saying how many more may be reached back from it (-1: no cap). Kept
    with the queued URL, so a run killed on the way back resumes there with what is
    left of the allowance (``going_back``). ``lister``: the source (a listing page, the
    feed) of an address queued already, whose listed date is still its publication
    date's evidence (``listed_kind``) when the way back takes it over."""
    if lister is not None:
        return f"{SOURCE_OLDER}:{left}:{lister}"
    return SOURCE_OLDER if left < 0 else f"{SOURCE_OLDER}:{left}"


def older_left(source: str | None) -> int | None:
    """``older_source``'s allowance (-1: no cap), or None for a URL found otherwise."""
    if source == SOURCE_OLDER:
        return -1
    if source is not None and source.startswith(f"{SOURCE_OLDER}:"):
        left = source.split(":", 2)[1]
        if left == "-1":
            return -1
        return int(left) if left.isdigit() else None
    return None


def _batches(urls: list[str]) -> Iterator[tuple[list[str], str]]:
    """The distinct URL keys of ``urls`` in slices of ``PARAMETERS_PER_QUERY``, each with
    its ``?, ?``."""
    keys = list(dict.fromkeys(url_key(url) for url in urls))
    for start in range(0, len(keys), PARAMETERS_PER_QUERY):
        chunk = keys[start : start + PARAMETERS_PER_QUERY]
        yield chunk, ", ".join("?" * len(chunk))


def recorded_moves(conn: sqlite3.Connection) -> dict[str, dict[str, str]]:
    """Each site's moves to another domain the archive records (``Discovery.moved``: old
    origin -> new), for a reader of records that is no crawl (``import-jsonl``,
    ``import-warc``) to take them up as the crawl does (``Store.take_move``,
    ``urls.moved_profile``): a record at the new domain is the article archived under
    the old one, not a second."""
    return {
        site: Discovery.from_json(found).moved
        for site, found in conn.execute("SELECT site, found FROM site_discovery ORDER BY site")
    }


def _older_than(since: dt.date | None, day: dt.date | None) -> str | None:
    """The ``old_since`` of a page fetched and found older than ``since``: the earliest
    ``--since`` it is older than, the day after the one it states (``walk.too_old``).
    Kept as ``since`` alone, each run asking a little further back (or the nightly run
    after a first one with ``--since``) fetched it again, to drop it again; kept so, only
    a run reaching back to its day (or one without ``--since``) fetches it, once."""
    if since is None:
        return None
    if day is None or day >= since:
        return since.isoformat()
    return (day + dt.timedelta(days=1)).isoformat()


# The most archived articles one source's entries have read again in a run
# (``Frontier.relisted``): a listing page holds fewer, a sitemap whose every ``<lastmod>``
# moved (a theme's update) thousands, which are left to ``--recheck``.
RELISTED_PER_SOURCE = 50
# Whose entry dates say when the page last changed, or came out: a listing's card
# dates are days, or counted back from the fetch ("преди 3 часа"), and say neither.
_DATED_SOURCES = frozenset({SOURCE_FEED, SOURCE_NEWS_SITEMAP, SOURCE_SITEMAP})


def changed_after(listed: Published | None, fetched: dt.datetime, now: dt.datetime) -> bool:
    """Whether a feed's or sitemap's entry date (``listed``) says the page changed after
    it was fetched (``fetched``): a moment later than the fetch, or a day after the
    fetch's day; never one later than ``now`` (a date in the future is a wrong clock or
    zone, not news of an edit). A time with no zone is one the site's clock showed, and
    a day is a day on that clock, as everywhere else (``site_clock.from_site_clock``,
    ``relative_dates.site_today``): read as UTC, a Bulgarian site's "10:00" was two or three hours
    late, and an article fetched within those hours of coming out was "changed after"
    its fetch and read again for nothing (a day alike, fetched after midnight Sofia
    time but before it in UTC)."""
    if listed is None:
        return False
    if isinstance(listed, dt.datetime):
        return fetched < from_site_clock(listed) <= now
    return local_date(site_today(fetched)) < listed <= local_date(site_today(now))


# The most marks a frontier row keeps of what had its article read again (the latest):
# far more than the triggers one article meets (its card, its feed entry, its sitemap
# entry, each edited now and then), so none of those is forgotten while it lasts.
RELISTED_MARKS_KEPT = 24


def relisted_marks(kept: str | None) -> list[str]:
    """The marks a frontier row keeps (``frontier.relisted``, "MARK,MARK"): every card,
    title and entry date that had its article read again, oldest first."""
    return [mark for mark in (kept or "").split(",") if mark]


def relisted_kept(marks: list[str]) -> str:
    """``marks`` as ``frontier.relisted`` keeps them, the latest ``RELISTED_MARKS_KEPT``.
    Kept as the newest alone, an article whose card never shows its page's title AND
    whose feed entry is dated after its last full download had the two marks replace
    each other night after night, a 304 each night forever; kept all, each trigger costs
    one request, once. Kept in a column of their own, not in the row's source, which
    whatever queues the row again replaces (``crawl --recheck``, ``--refresh``, a
    listing): kept there, they were lost with it, and the next night the same card
    cost a request again."""
    return ",".join(marks[-RELISTED_MARKS_KEPT:])


def relisting_marks(
    candidate: Candidate, title: str, fetched: str | None, queued_with: str | None = None
) -> list[str]:
    """What says that the archived article ``candidate`` names changed since it was read
    (its ``title``, last ``fetched`` at, as the archive holds them), as the marks its
    frontier row keeps once it is queued again (``relisted_kept``): its card's headline
    or its feed item's title retitled (``headlines.retitled``: one rule for both), its
    feed's or sitemap's date after the fetch (``changed_after``). Both, when an entry
    says both: the one re-read answers both, so neither costs a request later.

    Not a date the entry gave already when the article was queued, before its fetch
    (``queued_with``: the frontier row's listed date): a feed dating an item hours after
    the night's crawl read it (its zone mislabelled, a post scheduled ahead) said
    nothing new the next night, yet cost a request ("changed since?", a 304)."""
    marks: list[str] = []
    if candidate.headline and retitled(candidate.headline, title):
        marks.append(headline_mark(candidate.headline))
    if candidate.source in _DATED_SOURCES and fetched and candidate.listed_date is not None:
        said = candidate.listed_date.isoformat()
        if said != queued_with and changed_after(
            candidate.listed_date, fetch_moment(fetched), dt.datetime.now(dt.UTC)
        ):
            marks.append(hashlib.sha1(said.encode()).hexdigest()[:12])
    return marks


def entry_dates(candidates: list[Candidate]) -> list[Candidate]:
    """``candidates`` as their dates say anything: a feed's or a sitemap's entries all
    dated alike (two or more) lose their dates, which say when the document was written
    (a feed stamping each item with its build time), not when each article changed or
    came out (``Frontier.relisted``, ``Store.date_undated``)."""
    dates = {c.listed_date for c in candidates if c.source in _DATED_SOURCES}
    if len(dates) == 1 and len(candidates) > 1:
        return [replace(c, listed_date=None) for c in candidates]
    return candidates


def within(checked_at: str | None, days: float) -> bool:
    """Whether a row's ``checked_at`` (ISO, UTC) is less than ``days`` days ago; a row
    never read in full, or holding no time, is not."""
    if checked_at is None:
        return False
    try:
        when = dt.datetime.fromisoformat(checked_at)
    except (TypeError, ValueError):
        return False
    return dt.datetime.now(dt.UTC) - when < dt.timedelta(days=days)


def asked_again(rest_left: int) -> str:
    """When a resting source (``source_failures.rest_left``: runs of its site) is asked
    again, said alike by the crawl's summary, ``stats`` and ``check-site``: "next run",
    "after 2 more runs"."""
    return "next run" if rest_left <= 0 else f"after {rest_left} more run" + "s" * (rest_left != 1)


class Frontier:
    """One site's crawl state in the archive; the only place crawl state is committed."""

    def __init__(self, conn: sqlite3.Connection, site: str, since: dt.date | None = None) -> None:
        """``since``: the run's ``--since``, kept with each URL settled as older than it."""
        self.conn = conn
        self.site = site
        self.since = since
        # whether ``pending`` offers what ``requeue_passed`` queued: not before the run's
        # own discovery has been read, in this run or the next ones (a queue left over)
        self._passed_open = False
        # whether ``pending`` offers the failed URLs still worth retrying: only after the
        # run's own discovery (``open_retries``), as ``_passed_open`` does the passed ones
        self._retries_open = False
        # the site's moves taken up in this run (``take_move``): new host -> old, as keys
        self._moves: dict[str, str] = {}

    def take_move(self, origin: str, moved_to: str) -> None:
        """From now on an address at ``moved_to`` whose same path on ``origin`` (the
        domain the site moved from, ``Discovery.moved``) is archived counts as known for
        the walks that meet it (``offer``), as the store takes that row for it
        (``Store.take_move``: the same hosts, the same ``moved_keys``)."""
        new, old = move_hosts(origin, moved_to)
        self._moves[new] = old

    def _archived_before_move(self, key: str) -> bool:
        """Whether the address ``key`` is on a domain the site moved to and its same path
        on a domain it moved from is archived: the article a walk met before the move.
        Said NEW, every such address on the move night's list was, and a walk read the
        whole list that night (a site of five list pages of nine moved overnight, one
        article new: all six pages and 46 articles read, 56 requests); said KNOWN, the
        walk stops where those articles begin, as it does where the archived ones do."""
        former = moved_keys(key, self._moves)
        if not former:
            return False
        marks = ", ".join("?" * len(former))
        found = self.conn.execute(
            f"SELECT 1 FROM article_urls WHERE url_key IN ({marks}) LIMIT 1", former
        ).fetchone()
        return found is not None

    # queued URLs -----------------------------------------------------------------
    def _known(self, key: str) -> tuple[Entry | None, bool]:
        state, attempts, old_since, archived = self.conn.execute(
            "SELECT f.state, f.attempts, f.old_since,"
            " EXISTS(SELECT 1 FROM article_urls WHERE url_key = ?)"
            " FROM (SELECT ? AS k) LEFT JOIN frontier f ON f.url_key = k",
            (key, key),
        ).fetchone()
        if state is None:
            return None, bool(archived)
        old = dt.date.fromisoformat(old_since) if old_since else None
        return Entry(State(state), int(attempts), old), bool(archived)

    def offer(
        self, candidates: Iterable[Candidate], *, handled: set[str], refresh: bool,
        since: dt.date | None,
    ) -> list[Seen]:  # fmt: skip
        """Queue the new URLs among ``candidates`` (one commit); say what each one was:
        handled in this run already, older than ``--since`` by its listed date, known, new.
        An AMP copy of a URL known already is never new (``amp_copy``). An address on the
        domain the site moved to whose same path on the old one is archived is queued
        (read there once, its row takes the new address and an edit since is kept: the
        store's ``take_move``) and said KNOWN (``_archived_before_move``)."""
        candidates = list(candidates)
        keys = [url_key(c.url) for c in candidates]  # once each: url_key parses the URL
        offered = set(keys)
        verdicts: list[Seen] = []
        fresh: list[Candidate] = []
        handled_now: list[Candidate] = []  # (one that failed this run takes its card's date)
        passed: list[tuple[str, Candidate]] = []
        for candidate, key in zip(candidates, keys, strict=True):
            if candidate.url in handled:
                verdicts.append(Seen.THIS_RUN)
                handled_now.append(candidate)
            elif too_old(candidate.listed_date, since):
                verdicts.append(Seen.OLD)
                passed.append((key, candidate))
            else:
                entry, archived = self._known(key)
                verdict = seen(entry, archived=archived, refresh=refresh, since=since)
                if verdict is Seen.NEW:
                    verdict = self.amp_copy(
                        candidate.url, offered, handled, refresh=refresh, since=since
                    )
                if verdict is Seen.NEW:
                    fresh.append(candidate)
                    if not refresh and self._archived_before_move(key):
                        verdict = Seen.KNOWN
                verdicts.append(verdict)
        self.queue(fresh)
        self._take_listed_dates(fresh + handled_now)
        if passed and since is not None:
            self._pass_over(passed, since)
        return verdicts

    def _take_listed_dates(self, candidates: list[Candidate]) -> None:
        """An entry still queued (or failed) whose listed date is no publication date
        (``listed_kind`` None: a sitemap's ``<lastmod>``, a way back's bare source) takes
        the date a listing card or a feed entry among ``candidates`` gives it, and that
        source (a way back's kept in it: ``older_source``), in one commit: ``queue``
        leaves a row queued as it was, so an article a sitemap queued before its list was
        read (a run out of budget before fetching it, then the list) was archived
        undated where its card printed its date. So does one this run fetched and failed
        (a 500, a page cut short) before the list showed its card: retried by the next
        run from the frontier alone (the list, walked to its end, is not read that far
        again), it was archived undated; and one a listing queued undated (a "Най-четени"
        box's bare headline on page 1, its dated card on page 2: composed ``--faults``
        seed 479, its page a maintenance page that run). Not a recheck's or a relisted entry:
        an archived article's, whose source asks "changed since?"
        (``recheck_validators``); the archive dates it (``Store.date_undated``)."""
        dated = {
            url_key(c.url): (c.url, c.source, c.listed_date.isoformat())
            for c in candidates
            if c.listed_date is not None and listed_kind(c.source) is not None
        }
        if not dated:
            return
        taken: list[tuple[str, str, str]] = []
        for keys, marks in _batches([url for url, _, _ in dated.values()]):
            for key, source, listed in self.conn.execute(
                f"SELECT url_key, source, listed_date FROM frontier WHERE url_key IN ({marks})"
                " AND state IN ('queued', 'failed') AND old_since IS NULL",
                keys,
            ):
                if source in (SOURCE_RECHECK, SOURCE_RELISTED):
                    continue
                if listed_kind(source) is not None and listed is not None:
                    continue  # (dated by its own card or entry already)
                _, lister, day = dated[key]
                left = older_left(source)
                taken.append((lister if left is None else older_source(left, lister), day, key))
        if taken:
            with self.conn:
                self.conn.executemany(
                    "UPDATE frontier SET source = ?, listed_date = ? WHERE url_key = ?", taken
                )

    def _pass_over(self, candidates: list[tuple[str, Candidate]], since: dt.date) -> None:
        """Keep the URLs passed over unfetched as older than ``since`` by their listed
        date, as settled OLD (a URL known already keeps its state, one archived gets no
        row): the source that named them answers 304 to a later run (a sitemap, a listing
        walked to its end), and the frontier is then all a run asking further back has to
        find them by (``requeue_passed``). One statement for them all, the rows as one
        JSON array: a big sitemap read whole each night passes over thousands, most of
        them kept already, and a statement run per URL cost a second a night for 20,000."""
        rows = json.dumps(
            [
                [key, c.url, c.source, c.listed_date.isoformat() if c.listed_date else None]
                for key, c in candidates  # (``offer`` read each URL's key already)
            ],
            ensure_ascii=False,
        )
        with self.conn:
            self.conn.execute(
                "INSERT INTO frontier (url_key, url, site, source, state, added_at,"
                " listed_date, old_since)"
                " SELECT k, json_extract(value, '$[1]'), ?2, json_extract(value, '$[2]'), ?3,"
                " ?4, json_extract(value, '$[3]'), ?5"
                " FROM (SELECT json_extract(value, '$[0]') AS k, value FROM json_each(?1))"
                # (a URL kept already is left out before its row is built, though the
                # conflict clause would skip it too: twice as fast for 20,000 kept ones)
                " WHERE NOT EXISTS (SELECT 1 FROM frontier f WHERE f.url_key = k)"
                " AND NOT EXISTS (SELECT 1 FROM article_urls a WHERE a.url_key = k)"
                " ON CONFLICT(url_key) DO NOTHING",  # (one URL twice in the list)
                (rows, self.site, State.OLD.value, now_iso(), since.isoformat()),
            )

    def requeue_passed(self) -> int:
        """Queue again the site's URLs an earlier run settled OLD under a narrower
        ``--since`` than this run's (or when this run has none), except those whose listed
        date is older than this run's too: a crawl without ``--since`` after a first one
        with it archived none of them when nothing named them again (``seen`` says the
        same of a URL that is named). From now on ``pending`` offers them. How many wait
        in the queue, those an earlier run left there included."""
        since = self.since.isoformat() if self.since else None
        with self.conn:
            # (each keeps its ``old_since``: queued with one, it waits for the news)
            self.conn.execute(
                "UPDATE frontier SET state = 'queued' WHERE site = ?1 AND state = 'old'"
                " AND (?2 IS NULL OR (old_since > ?2 AND (listed_date IS NULL"
                " OR listed_date >= ?2)))",
                (self.site, since),
            )
        self._passed_open = True
        return int(
            self.conn.execute(
                "SELECT count(*) FROM frontier WHERE site = ? AND state = 'queued'"
                " AND old_since IS NOT NULL",
                (self.site,),
            ).fetchone()[0]
        )

    def backlog(self) -> int:
        """How many pages an earlier ``--since`` passed over wait for a later run: queued
        again (``requeue_passed``) and not yet fetched, or still settled OLD under a
        ``--since`` narrower than this run's (a run whose budget ran out before it got to
        ``requeue_passed``). One query, at the end of a site's run, reading those two
        states' rows alone (``pending`` says why)."""
        since = self.since.isoformat() if self.since else None
        return int(
            self.conn.execute(
                "SELECT count(*) FROM frontier WHERE site = ?1 AND state IN ('queued', 'old')"
                " AND old_since IS NOT NULL"
                " AND (state = 'queued' OR (state = 'old' AND (?2 IS NULL OR (old_since > ?2"
                " AND (listed_date IS NULL OR listed_date >= ?2)))))",
                (self.site, since),
            ).fetchone()[0]
        )

    def amp_copy(
        self,
        url: str,
        offered: set[str],
        handled: set[str],
        *,
        refresh: bool,
        since: dt.date | None,
    ) -> Seen:
        """NEW unless ``url`` is the AMP spelling (``urls.amp_originals``) of a URL known
        already: offered beside it, handled or queued in this run (THIS_RUN), archived or
        settled before (KNOWN). WordPress themes link ``?amp=1`` and ``/amp/`` copies from
        "most read" blocks and tag archives beside the posts themselves; each copy fetched
        is a request that archives nothing, its canonical naming the original. A copy
        whose original nobody linked is fetched: its canonical finds the original."""
        for original in amp_originals(url):
            key = url_key(original)
            entry, archived = self._known(key)
            if seen(entry, archived=archived, refresh=refresh, since=since) in _NOT_NEW:
                return Seen.KNOWN
            pending = entry is not None and entry.state in (State.QUEUED, State.FAILED)
            if pending or key in offered or original in handled:
                return Seen.THIS_RUN
        return Seen.NEW

    def queue(self, candidates: Iterable[Candidate]) -> None:
        """Queue URLs (a settled or done one goes back in the queue), then commit."""
        with self.conn:
            self.conn.executemany(
                "INSERT INTO frontier (url_key, url, site, source, added_at, listed_date)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(url_key) DO UPDATE SET"
                " state = 'queued', source = excluded.source, url = excluded.url,"
                " listed_date = COALESCE(excluded.listed_date, listed_date), old_since = NULL"
                # (one passed over and queued again is news to fetch now, named again)
                " WHERE frontier.state NOT IN ('queued', 'failed') OR old_since IS NOT NULL",
                [
                    (
                        url_key(c.url),
                        c.url,
                        self.site,
                        c.source,
                        now_iso(),
                        c.listed_date.isoformat() if c.listed_date else None,
                    )
                    for c in candidates
                ],
            )

    def retry_later(self, url: str, error: str) -> None:
        """``url``, never fetched by its own link (an AMP copy's original read in the
        copy's place: ``Harvester._original``), failed: retried on later runs as any
        failed URL (``open_retries``), unless it was fetched and archived already."""
        with self.conn:
            self.conn.execute(
                "INSERT INTO frontier (url_key, url, site, source, added_at, state, attempts,"
                " last_error) VALUES (?, ?, ?, ?, ?, 'failed', 1, ?) ON CONFLICT(url_key)"
                " DO UPDATE SET state = 'failed', attempts = attempts + 1,"
                " last_error = excluded.last_error WHERE frontier.state != 'done'",
                (url_key(url), url, self.site, SOURCE_RECHECK, now_iso(), error),
            )

    def requeue_recent(self, days: int, today: dt.date | None = None) -> int:
        """Queue again the site's archived articles published in the last ``days`` days
        (``crawl --recheck``), so a silent edit is fetched and kept as a revision."""
        today = today or dt.date.today()
        # (more days than since year 1 mean every one: the date would overflow)
        since = today - dt.timedelta(days=days) if days < today.toordinal() else dt.date.min
        rows = self.conn.execute(
            "SELECT COALESCE(source_url, url), published_date FROM articles"
            " WHERE site = ? AND published_date >= ? ORDER BY published_date DESC",
            (self.site, since.isoformat()),
        ).fetchall()
        # an item of a page of items in full has no page of its own to fetch: its page is
        # asked for again instead, once, when it was queued as an article (a sitemap or
        # feed named it: the frontier holds it), and is archived as its items again. A
        # walked page is in no queue: its walk reads it again anyway, so asking for it
        # here would cost a second request for nothing
        pages: dict[str, str] = {}
        for url, day in rows:
            if is_item_url(url):
                pages.setdefault(url.partition("#")[0], day)  # (newest first)
        queued = self._queued_before(list(pages))
        rows = [(url, day) for url, day in rows if not is_item_url(url)]
        rows += [(url, day) for url, day in pages.items() if url_key(url) in queued]
        self.queue(
            Candidate(url, self.site, SOURCE_RECHECK, dt.date.fromisoformat(day))
            for url, day in rows
        )
        return len(rows)

    def relisted(self, candidates: list[Candidate], verdicts: list[Seen]) -> int:
        """Queue again the archived articles among ``candidates`` (those ``offer`` found
        KNOWN) whose entry says they changed since they were read (``relisting_marks``:
        a card's headline or a feed item's title not the archived title, a feed's or
        sitemap's date after the last fetch), under "relisted", so the fetch asks
        "changed since?" (``recheck_validators``: a 304 when not) and the edit is kept
        as a revision. Not one whose frontier row keeps every such mark already
        (``frontier.relisted``: every one that had it read, not the last alone, whatever
        queued the row since): the same card, title or date had it read once, and a list
        or feed printing a headline the page never shows costs one request, not one a
        night. At most ``RELISTED_PER_SOURCE``. One queued already by another source
        (``--recheck``) keeps that source, and the marks too: it is read anyway. How
        many it queued.

        Entries all dated alike (two or more) say nothing of each: that date is when
        the document was written (a feed stamping each item with its build time), new
        every night, and would have every article in it read again each night."""
        candidates = entry_dates(candidates)
        known = {
            url_key(c.url): c
            for c, verdict in zip(candidates, verdicts, strict=True)
            if verdict is Seen.KNOWN
            and (c.headline or c.source in _DATED_SOURCES)
            and not is_item_url(c.url)
        }
        queued: list[tuple[Candidate, str]] = []
        for keys, marks in _batches(list(known)):
            rows = self.conn.execute(
                "SELECT u.url_key, a.title, f.relisted, f.listed_date,"
                " (SELECT max(c.fetched_at) FROM captures c WHERE c.article_id = a.id)"
                " FROM article_urls u JOIN articles a ON a.id = u.article_id"
                " LEFT JOIN frontier f ON f.url_key = u.url_key"
                f" WHERE u.url_key IN ({marks}) AND a.site = ?",
                (*keys, self.site),
            ).fetchall()
            for key, title, kept, queued_with, fetched in rows:
                used = relisted_marks(kept)
                said = relisting_marks(known[key], title or "", fetched, queued_with)
                new = [m for m in said if m not in used]
                if not new or len(queued) >= RELISTED_PER_SOURCE:
                    continue
                queued.append(
                    (replace(known[key], source=SOURCE_RELISTED), relisted_kept([*used, *new]))
                )
        self.queue(replace(c, listed_date=None) for c, _ in queued)
        with self.conn:
            self.conn.executemany(
                "UPDATE frontier SET relisted = ? WHERE url_key = ?",
                [(kept, url_key(c.url)) for c, kept in queued],
            )
        return len(queued)

    def _queued_before(self, urls: list[str]) -> set[str]:
        """The keys of ``urls`` the frontier holds: queued as articles once."""
        found: set[str] = set()
        for keys, marks in _batches(urls):
            found.update(
                str(key)
                for (key,) in self.conn.execute(
                    f"SELECT url_key FROM frontier WHERE url_key IN ({marks})", keys
                )
            )
        return found

    def recheck_validators(self, urls: list[str]) -> dict[str, tuple[str | None, str | None]]:
        """ETag and Last-Modified of the latest capture of each re-queued (``recheck``)
        URL's article, so the recheck asks "changed since?" (a 304 is cheap). The latest,
        not the one the text came from: a page whose chrome changed is still new bytes.
        One query per ``PARAMETERS_PER_QUERY`` URLs (SQLite takes the bare ``headers`` from
        the row of ``max(c.id)``), not one per URL: a recheck re-queues a week of articles."""
        latest: dict[str, str | None] = {}
        for keys, marks in _batches(urls):
            latest.update(
                (key, headers)
                for key, headers, _ in self.conn.execute(
                    "SELECT f.url_key, c.headers, max(c.id) FROM frontier f"
                    " JOIN article_urls u ON u.url_key = f.url_key"
                    " JOIN captures c ON c.article_id = u.article_id"
                    f" WHERE f.url_key IN ({marks}) AND f.source IN (?, ?)"
                    " GROUP BY f.url_key",
                    (*keys, SOURCE_RECHECK, SOURCE_RELISTED),
                )
            )
        found: dict[str, tuple[str | None, str | None]] = {}
        for url in urls:
            key = url_key(url)
            if key in latest:
                headers = json.loads(latest[key] or "{}")
                found[url] = (headers.get("etag"), headers.get("last-modified"))
        return found

    def open_retries(self) -> int:
        """From now on ``pending`` offers the failed URLs still worth retrying; how many
        wait. Called once the run's discovery is read: a retry asked first each night
        was the first request after robots.txt, and a page a bot check answers alone
        (a WAF rule on its path) then met the wall before any page of the site had
        answered; two such in a row rested the site before its feed was read, night
        after night, the retries never counted (``Harvester.walled_alone``)."""
        self._retries_open = True
        return self.retries_due()

    def retries_due(self) -> int:
        """How many failed URLs are still worth retrying."""
        return int(
            self.conn.execute(
                "SELECT count(*) FROM frontier WHERE site = ? AND state = 'failed'"
                " AND attempts < ?",
                (self.site, MAX_ATTEMPTS),
            ).fetchone()[0]
        )

    def pending(self, limit: int = -1) -> list[str]:
        """Failed URLs still worth retrying (once opened), then queued ones, each oldest
        first (the retries' share of the budget is theirs: ``crawl_run.retry_share``); at most
        ``limit`` (-1: all), so a run near its request budget does not read a huge queue.
        What an earlier ``--since`` passed over (``requeue_passed``), and the retries
        (``open_retries``), only once this run has opened them, after its discovery:
        left queued by a run out of budget, the passed ones came first the next night
        and spent that night's budget too before the feed was read."""
        # (sorted by state only with the retries open: the news read by rowid alone.
        # ``state IN`` names the two states the index may seek: with the OR alone SQLite
        # read every frontier row of the site, done ones too, a year's 55,000 a night)
        order = "state = 'queued', rowid" if self._retries_open else "rowid"
        rows = self.conn.execute(
            "SELECT url FROM frontier WHERE site = ? AND state IN ('queued', 'failed')"
            " AND ((state = 'queued' AND (? OR old_since IS NULL))"
            " OR (? AND state = 'failed' AND attempts < ?))"
            f" ORDER BY {order} LIMIT ?",
            (self.site, self._passed_open, self._retries_open, MAX_ATTEMPTS, limit),
        ).fetchall()
        return [str(r[0]) for r in rows]

    def listed(self, urls: list[str]) -> dict[str, tuple[Published, str]]:
        """For each URL that has one, the date a listing printed beside the link, or a feed
        gave the entry (with its time of day and offset where it gave them), and which of
        the two ("listing", "feed"): the article's date when its page shows none, its
        time when the page shows that day alone (``published.with_listed``). One query
        per ``PARAMETERS_PER_QUERY`` URLs: a run asks for every article.

        An archived article queued again (``--recheck``), under a source whose date is no
        publication date, has the date its listing or feed gave it as the archive holds it
        (``listed_as_archived``, as ``reextract`` reads it): else its page, printing none,
        read again would leave the row undated (dated by its card, "listing", before)."""
        rows: dict[str, tuple[str | None, str | None, tuple[Published, str] | None]] = {}
        for keys, marks in _batches(urls):
            rows.update(
                (key, (day, source, listed_as_archived(archived, archived_source)))
                for key, day, source, archived, archived_source in self.conn.execute(
                    "SELECT f.url_key, f.listed_date, f.source, a.published, a.date_source"
                    " FROM frontier f LEFT JOIN article_urls u ON u.url_key = f.url_key"
                    f" LEFT JOIN articles a ON a.id = u.article_id WHERE f.url_key IN ({marks})",
                    keys,
                )
            )
        found: dict[str, tuple[Published, str]] = {}
        for url in urls:
            day, source, archived = rows.get(url_key(url), (None, None, None))
            kind = listed_kind(source)
            # (a day, or a moment with its offset as the feed gave it; an older release
            # stored the day alone)
            if day and kind and (value := stored_published(day)) is not None:
                found[url] = value, kind
            elif archived is not None:
                found[url] = archived
        return found

    def listed_as_archived_at(self, url: str) -> tuple[Published, str] | None:
        """The date a listing or a feed gave the article archived under ``url`` (by any of
        its addresses, ``article_urls``), as the archive holds it (``listed_as_archived``):
        for a page read at another address that names ``url`` canonical, where ``url``
        has no frontier entry of its own, its card having linked an old address the site
        sends on (301) to it (composed seed 558: the card's day archived with the page read
        at the old address, then lost to its second category's copy read after it)."""
        row = self.conn.execute(
            "SELECT a.published, a.date_source FROM article_urls u"
            " JOIN articles a ON a.id = u.article_id WHERE u.url_key = ? AND a.site = ?",
            (url_key(url), self.site),
        ).fetchone()
        return listed_as_archived(*row) if row else None

    def going_back(self, urls: list[str]) -> dict[str, int]:
        """The URLs among ``urls`` queued as the article before another
        (``older_source``), each with how many more may be reached back from it."""
        sources: dict[str, str] = {}
        for keys, marks in _batches(urls):
            sources.update(
                self.conn.execute(
                    f"SELECT url_key, source FROM frontier WHERE url_key IN ({marks})"
                    f" AND substr(source, 1, {len(SOURCE_OLDER)}) = ?",
                    (*keys, SOURCE_OLDER),
                ).fetchall()
            )
        found: dict[str, int] = {}
        for url in urls:
            left = older_left(sources.get(url_key(url)))
            if left is not None:
                found[url] = left
        return found

    def queue_older(
        self, url: str, left: int, *, handled: set[str], refresh: bool, since: dt.date | None
    ) -> bool:
        """Queue ``url`` as the article before one being archived, with ``left`` more to
        reach back from it, inside the caller's transaction (the one archiving that
        article: ``archiving``), so a run killed between the two leaves neither or both:
        the way back resumes from the queue. Not when ``url`` is known (``seen``), was
        handled in this run already, or is the AMP copy of one known or handled (``amp_copy``,
        as ``offer`` judges): the way back ends there. The AMP copy of one queued or
        failed already goes on from that original. One queued or failed already (a
        sitemap's, a listing's) takes the way back's source, keeping its state, tries
        and listed date, and whose listing or feed that date is (``older_source``): else,
        fetched, it read as found otherwise and the way back ended with it.
        Whether it was queued."""
        if url in handled:
            return False
        entry, archived = self._known(url_key(url))
        if seen(entry, archived=archived, refresh=refresh, since=since) is not Seen.NEW:
            return False
        if self.amp_copy(url, set(), handled, refresh=refresh, since=since) is not Seen.NEW:
            original = self._pending_original(url, handled)
            return original is not None and self.queue_older(
                original, left, handled=handled, refresh=refresh, since=since
            )
        row = self.conn.execute(
            "SELECT source FROM frontier WHERE url_key = ? AND state IN ('queued', 'failed')",
            (url_key(url),),
        ).fetchone()
        lister = _lister(row[0]) if row is not None else None
        lister = lister if listed_kind(lister) else None
        self.conn.execute(
            "INSERT INTO frontier (url_key, url, site, source, added_at) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT(url_key) DO UPDATE SET source = excluded.source,"
            " state = CASE WHEN frontier.state IN ('queued', 'failed') THEN frontier.state"
            " ELSE 'queued' END,"
            " url = CASE WHEN frontier.state IN ('queued', 'failed') THEN frontier.url"
            " ELSE excluded.url END",
            (url_key(url), url, self.site, older_source(left, lister), now_iso()),
        )
        return True

    def _pending_original(self, url: str, handled: set[str]) -> str | None:
        """The original, queued or failed and not handled in this run, whose AMP copy
        ``url`` is: the way back goes on from it, as it would had the copy been fetched."""
        for original in amp_originals(url):
            entry, archived = self._known(url_key(original))
            pending = entry is not None and entry.state in (State.QUEUED, State.FAILED)
            if pending and not archived and original not in handled:
                return original
        return None

    def state(self, url: str) -> State | None:
        """Where ``url`` stands now (None: never queued)."""
        row = self.conn.execute(
            "SELECT state FROM frontier WHERE url_key = ?", (url_key(url),)
        ).fetchone()
        return State(row[0]) if row else None

    def settle(
        self, url: str, state: State, error: str | None = None, *, day: dt.date | None = None
    ) -> None:
        """Record a URL's outcome and commit. ``day``: the date a page settled OLD states
        (``_older_than``)."""
        with self.conn:
            self._mark(url, state, error, day)

    @contextmanager
    def archiving(self, url: str) -> Iterator[None]:
        """One transaction: what the block writes, and ``url`` marked done with it."""
        with self.conn:
            yield
            self._mark(url, State.DONE, None)

    def _mark(self, url: str, state: State, error: str | None, day: dt.date | None = None) -> None:
        old_since = _older_than(self.since, day) if state is State.OLD else None
        self.conn.execute(
            "UPDATE frontier SET state = ?, last_error = ?, attempts = attempts + 1,"
            " old_since = ? WHERE url_key = ?",
            (state.value, error, old_since, url_key(url)),
        )

    # listing walks ---------------------------------------------------------------
    def archived_elsewhere(self, urls: Sequence[str]) -> list[str]:
        """The addresses this site's articles listed as ``urls`` are archived at, where
        that is another one (a list linking its news by an old CMS's address the server
        sends on: ``/node/500``, archived at ``/novini/x``): what a walk's later pages may
        link them by (``SourceReader._read_page``)."""
        found: list[str] = []
        for keys, marks in _batches(list(urls)):
            rows = self.conn.execute(
                "SELECT u.url_key, a.url FROM article_urls u JOIN articles a ON a.id = u.article_id"
                f" WHERE u.url_key IN ({marks}) AND a.site = ?",
                (*keys, self.site),
            )
            found += [url for key, url in rows if url_key(url) != key]
        return found

    def listed_on(self, sources: Sequence[str], limit: int = 200) -> list[str]:
        """The URLs of this site's articles first listed on one of ``sources`` (pages of a
        listing), at most ``limit``: what a walk resumed past page 1 learns its items'
        shape from before it reads a page (``SourceReader.walk``)."""
        marks = ", ".join("?" * len(sources))
        rows = self.conn.execute(
            f"SELECT url FROM frontier WHERE site = ? AND source IN ({marks}) LIMIT ?",
            (self.site, *sources, limit),
        )
        return [url for (url,) in rows]

    def walk(self, start_url: str) -> WalkState:
        row = self.conn.execute(
            "SELECT resume_url, resume_page, completed, cut_since, cut_pages, judged, failures,"
            " pass_url, pass_page, resume_index, past_url FROM listing_walks WHERE start_url = ?",
            (start_url,),
        ).fetchone()
        if row is None:
            return WalkState()
        cut_since = dt.date.fromisoformat(row[3]) if row[3] else None
        return WalkState(
            row[0], int(row[1]), bool(row[2]), cut_since, int(row[4]), bool(row[5]), int(row[6]),
            row[7], int(row[8]), row[9], row[10],
        )  # fmt: skip

    def save_walk(self, start_url: str, state: WalkState) -> None:
        cut_since = state.cut_since.isoformat() if state.cut_since else None
        with self.conn:
            self.conn.execute(
                "INSERT INTO listing_walks (start_url, site, resume_url, resume_page, completed,"
                " cut_since, cut_pages, judged, failures, pass_url, pass_page, resume_index,"
                " past_url, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(start_url) DO UPDATE SET resume_url = excluded.resume_url,"
                " resume_page = excluded.resume_page, completed = excluded.completed,"
                " cut_since = excluded.cut_since, cut_pages = excluded.cut_pages,"
                " judged = excluded.judged, failures = excluded.failures,"
                " pass_url = excluded.pass_url, pass_page = excluded.pass_page,"
                " resume_index = excluded.resume_index, past_url = excluded.past_url,"
                " updated_at = excluded.updated_at",
                (
                    start_url, self.site, state.resume_url, state.resume_page, state.completed,
                    cut_since, state.cut_pages, state.judged, state.failures, state.pass_url,
                    state.pass_page, state.resume_index, state.past_url, now_iso(),
                ),
            )  # fmt: skip

    # what exploring the site found ------------------------------------------------
    def discovery(self) -> Discovery | None:
        row = self.conn.execute(
            "SELECT found FROM site_discovery WHERE site = ?", (self.site,)
        ).fetchone()
        return Discovery.from_json(row[0]) if row else None

    def save_discovery(self, found: Discovery) -> None:
        """Keep ``found``; a move of the site to another domain learned before stays
        (exploring again finds the new domain's sources, not that it moved)."""
        before = self.discovery()
        if before is not None and before.moved.keys() - found.moved.keys():
            found = replace(found, moved={**before.moved, **found.moved})
        with self.conn:
            self.conn.execute(
                "INSERT INTO site_discovery (site, found, explored_at) VALUES (?, ?, ?)"
                " ON CONFLICT(site) DO UPDATE SET found = excluded.found,"
                " explored_at = excluded.explored_at",
                (self.site, found.to_json(), found.explored_at),
            )

    def forget_move(self, origin: str) -> None:
        """The site no longer moved from ``origin`` (its old domain serves it again):
        the move ``save_discovery`` keeps through explorations is dropped."""
        before = self.discovery()
        if before is None or origin not in before.moved:
            return
        moved = {old: new for old, new in before.moved.items() if old != origin}
        with self.conn:
            self.conn.execute(
                "UPDATE site_discovery SET found = ? WHERE site = ?",
                (replace(before, moved=moved).to_json(), self.site),
            )

    # sources failing run after run (``crawl_rests``) --------------------------------
    def rested_sources(self) -> dict[str, int]:
        """The site's sources resting now, each with the runs of the site it rests yet."""
        return dict(
            self.conn.execute(
                "SELECT url, rest_left FROM source_failures WHERE site = ? AND rest_left > 0",
                (self.site,),
            ).fetchall()
        )

    def source_failed(self, url: str, error: str) -> int:
        """One more run in a row in which the source ``url`` failed; how many now. The
        row is the site's that asked it now: one kept under another id (a profile's id
        changed without ``rename-site``, or another profile reading the same feed) was
        counted on and rested under that id, where this site's runs never found it rested
        (``rested_sources``), and it failed every run for ever."""
        with self.conn:
            self.conn.execute(
                "INSERT INTO source_failures (url, site, failures, last_error, updated_at)"
                " VALUES (?, ?, 1, ?, ?) ON CONFLICT(url) DO UPDATE SET"
                " failures = failures + 1, last_error = excluded.last_error,"
                " updated_at = excluded.updated_at, site = excluded.site",
                (url, self.site, error, now_iso()),
            )
            row = self.conn.execute(
                "SELECT failures FROM source_failures WHERE url = ?", (url,)
            ).fetchone()
        return int(row[0])

    def rest_source(self, url: str, runs: int) -> None:
        """Leave the failing source ``url`` unasked for the site's next ``runs`` runs."""
        with self.conn:
            self.conn.execute("UPDATE source_failures SET rest_left = ? WHERE url = ?", (runs, url))

    def sources_answered(self, urls: Iterable[str]) -> list[str]:
        """Sources that answered in this run: their failures are over. Those of them that
        had rested (``rest_source``: found again), as the site names them."""
        urls = list(urls)
        back: list[str] = []
        with self.conn:
            for url in urls:
                row = self.conn.execute(
                    "SELECT failures FROM source_failures WHERE url = ?", (url,)
                ).fetchone()
                if row is None:
                    continue
                self.conn.execute("DELETE FROM source_failures WHERE url = ?", (url,))
                if int(row[0]) >= MAX_ATTEMPTS:
                    back.append(url)
        return back

    def forget_source_failures(self, origin: str) -> None:
        """Forget the failures of the site's sources at ``origin``, the domain it moved
        away from (``crawl.SiteCrawl._move``): its sources are asked at the new one now,
        and those at the old one never again, so no answer would ever end their rows:
        ``stats`` listed each as rested, "asked again next run", for ever."""
        with self.conn:
            self.conn.execute(
                "DELETE FROM source_failures WHERE site = ? AND (lower(url) = ?"
                " OR lower(substr(url, 1, ?)) = ?)",
                (self.site, origin.lower(), len(origin) + 1, origin.lower() + "/"),
            )

    def forget_sources_but(self, sources: set[str]) -> list[str]:
        """Forget the failures of the site's sources not among ``sources`` (those it
        still reads: ``crawl_rests.forget_unread``); the addresses forgotten."""
        rows = self.conn.execute(
            "SELECT url FROM source_failures WHERE site = ? ORDER BY url", (self.site,)
        ).fetchall()
        gone = [url for (url,) in rows if url not in sources]
        with self.conn:
            self.conn.executemany(
                "DELETE FROM source_failures WHERE url = ?", [(url,) for url in gone]
            )
        return gone

    def rest_passed(self) -> None:
        """A run of the site went by: each of its resting sources rests one run less."""
        with self.conn:
            self.conn.execute(
                "UPDATE source_failures SET rest_left = rest_left - 1"
                " WHERE site = ? AND rest_left > 0",
                (self.site,),
            )

    # HTTP validators of feeds and listing pages ----------------------------------
    def validators(self, url: str) -> tuple[str | None, str | None]:
        row = self.conn.execute(
            "SELECT etag, last_modified FROM fetch_state WHERE url = ?", (url,)
        ).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def save_validators(
        self, url: str, page: Page, lastmod: str | None = None, *, validators: bool = True
    ) -> None:
        """ETag/Last-Modified (and a sitemap's ``lastmod`` in its index: "" when it gives
        none), saved once what the page listed is safely queued: a run killed before
        never skips it. ``validators=False``: the page is to be asked whole next time,
        any it had are dropped."""
        sent = (page.headers.get("etag"), page.headers.get("last-modified"))
        self._save_state(
            url, *(sent if validators else (None, None)), page.status, lastmod, keep=validators
        )

    def sitemap_gone(self, url: str, lastmod: str) -> None:
        """A child sitemap its index still names that answered 404/410 while the site's
        other sources answered (the site's to mend): kept as read with the ``lastmod``
        the index gives it, so that while the index gives the same one it is not asked
        again (``unchanged_sitemap``), as a child read in full is not. Asked every night,
        a year's sitemap deleted from under an index that still names it cost a request
        and a warning a night, for ever. Its ``checked_at`` is the day it was found gone,
        from which ``unchanged_sitemap`` counts until it is asked again, and
        ``gone_answers`` the 404/410 answers in a row (one read in full starts it again),
        by which the wait grows."""
        self._save_state(url, None, None, SITEMAP_GONE_STATUS, lastmod, keep=False, gone=True)

    def _save_state(
        self, url: str, etag: str | None, last_modified: str | None, status: int,
        lastmod: str | None, *, keep: bool, gone: bool = False,
    ) -> None:  # fmt: skip
        """One source's row in ``fetch_state``, checked now (``save_validators``,
        ``sitemap_gone``: one statement, so the two never drift). ``keep``: validators the
        answer did not send keep the ones saved before; otherwise they are replaced.
        ``gone``: one more gone answer in a row (``gone_answers``); an answer read ends
        the row's count."""
        kept = "COALESCE(excluded.{0}, {0})" if keep else "excluded.{0}"
        answers = "fetch_state.gone_answers + 1" if gone else "0"
        with self.conn:
            self.conn.execute(
                "INSERT INTO fetch_state"
                " (url, etag, last_modified, status, checked_at, lastmod, gone_answers)"
                " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET"
                f" etag = {kept.format('etag')},"
                f" last_modified = {kept.format('last_modified')},"
                " status = excluded.status, checked_at = excluded.checked_at,"
                f" lastmod = excluded.lastmod, gone_answers = {answers}",
                (url, etag, last_modified, status, now_iso(), lastmod, int(gone)),
            )

    def move_source_state(self, moves: dict[str, str]) -> None:
        """Keep each source's validators, and a listing's walk, under the address it moved
        to (``old -> new``): the next run asks there, and without them an unchanged
        sitemap read through its old host's 301 is sent whole every night instead of a
        304, and a listing whose walk was completed is walked again from its first page,
        unconditionally. Where the new address has a state of its own already, it is
        the newer and stays."""
        pairs = [(new, old, new) for old, new in moves.items() if old != new]
        if not pairs:
            return
        with self.conn:
            self.conn.executemany(
                "UPDATE fetch_state SET url = ? WHERE url = ?"
                " AND NOT EXISTS (SELECT 1 FROM fetch_state WHERE url = ?)",
                pairs,
            )
            self.conn.executemany(
                "UPDATE listing_walks SET start_url = ? WHERE start_url = ?"
                " AND NOT EXISTS (SELECT 1 FROM listing_walks WHERE start_url = ?)",
                pairs,
            )

    def forget_sitemaps(self, urls: Iterable[str]) -> None:
        """Read these sitemaps in full next time: no conditional request, and none of the
        child sitemaps on their origins skipped by its ``lastmod``."""
        urls = list(urls)
        origins = {"/".join(url.split("/", 3)[:3]) + "/" for url in urls}
        with self.conn:
            self.conn.executemany("DELETE FROM fetch_state WHERE url = ?", [(u,) for u in urls])
            self.conn.executemany(
                "DELETE FROM fetch_state WHERE lastmod IS NOT NULL AND substr(url, 1, ?) = ?",
                [(len(origin), origin) for origin in origins],
            )

    def confirmed(self, url: str) -> None:
        """A conditional request answered 304: the saved state was checked again now."""
        with self.conn:
            self.conn.execute(
                "UPDATE fetch_state SET checked_at = ? WHERE url = ?", (now_iso(), url)
            )

    def read_before(self, url: str) -> bool:
        """Whether a feed, sitemap or listing page was ever read into this archive."""
        row = self.conn.execute("SELECT 1 FROM fetch_state WHERE url = ?", (url,)).fetchone()
        return row is not None

    def checked_within(self, url: str, days: float) -> bool:
        """Read in full (or confirmed unchanged) less than ``days`` days ago."""
        row = self.conn.execute(
            "SELECT checked_at FROM fetch_state WHERE url = ?", (url,)
        ).fetchone()
        return row is not None and within(row[0], days)

    def last_checked(self, urls: list[str]) -> dict[str, str]:
        """When each of ``urls`` read before was last read in full or confirmed unchanged
        (``checked_at``, ISO: its order is time's); one query per ``PARAMETERS_PER_QUERY``."""
        found: dict[str, str] = {}
        for start in range(0, len(urls), PARAMETERS_PER_QUERY):
            chunk = urls[start : start + PARAMETERS_PER_QUERY]
            marks = ", ".join("?" * len(chunk))
            found.update(
                self.conn.execute(
                    f"SELECT url, checked_at FROM fetch_state WHERE url IN ({marks})"
                    " AND checked_at IS NOT NULL",
                    chunk,
                ).fetchall()
            )
        return found

    def unchanged_sitemap(
        self, url: str, lastmod: str | None, *, gone_days: Callable[[int], float]
    ) -> bool:
        """The index says this sitemap has not changed since it was last read in full
        (``lastmod`` "": it gives no date; the sitemap was read in full before). One
        recorded gone (``sitemap_gone``) counts as unchanged for ``gone_days(answers)``
        days from then (``answers``: its gone answers in a row), not for good: under an
        index giving no ``<lastmod>`` (WordPress's wp-sitemap.xml) or never a new one, a
        child that answered 404 for an hour (a deploy, a purged cache) was skipped for
        ever, its articles never read."""
        if lastmod is None:
            return False
        row = self.conn.execute(
            "SELECT lastmod, status, gone_answers, checked_at FROM fetch_state WHERE url = ?",
            (url,),
        ).fetchone()
        if row is None or row[0] != lastmod:
            return False
        return row[1] != SITEMAP_GONE_STATUS or within(row[3], gone_days(row[2]))
