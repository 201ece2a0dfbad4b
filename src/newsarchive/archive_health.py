"""What the archive says of its own health: ``stats``' counts and each site's last run
(finished, running, interrupted), the sources a crawl rests, the sites gone idle.

A module apart from ``api`` because these are reads of the archive's state, not the
commands' work on its articles: ``stats``, ``check-site`` (its site's rested sources),
``crawl``'s warning of idle sites and ``datasette-metadata``'s check of the file all ask
them, and they share one way of opening an archive that may not be there yet
(``_read_if_there``: read as it is, never upgraded). Nothing here prints or exits.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from newsarchive.archive.connection import check_path, check_reader, connect_reader, open_read_only
from newsarchive.archive.gone import gone_counts
from newsarchive.archive.lock import held_since
from newsarchive.archive.store import Filters, fetch_moment
from newsarchive.discover.walk import MAX_ATTEMPTS
from newsarchive.errors import ArchiveError


def stats(db: Path, filters: Filters | None = None) -> dict[str, Any]:
    """Counts per site, date range, and the last run per site; ``gone``: the site's
    archived articles a later fetch found removed (``archive.gone``). ``filters``: the
    articles of these sites (their runs too) and dates alone (``stats --site bta`` was
    refused unless with --timeline or --stories)."""
    from newsarchive.archive.search import check_sites

    filters = filters or Filters()
    conn = connect_reader(db)
    try:
        check_sites(conn, filters.sites)
        where, params = filters.sql("a")
        gone = gone_counts(conn, where, params)
        # (the table itself read at its root, NOT INDEXED: an index may be whole where
        # the table is not, and with its root page overwritten stats said exit 0 and the
        # index's counts, while search, show and export said "damaged", exit 2. Its first
        # row only: the counts come from the indexes, where a scan of a large archive's
        # table would cost seconds.)
        conn.execute("SELECT 1 FROM articles NOT INDEXED LIMIT 1").fetchone()
        sites = [
            {"site": r[0], "articles": r[1], "first": r[2], "last": r[3], "gone": gone.get(r[0], 0)}
            for r in conn.execute(
                "SELECT site, count(*), min(published_date), max(published_date)"
                f" FROM articles AS a WHERE {where} GROUP BY site ORDER BY site",
                params,
            )
        ]
        cursor = conn.execute(
            "SELECT * FROM runs WHERE id IN (SELECT max(id) FROM runs GROUP BY site) ORDER BY site"
        )
        names = [d[0] for d in cursor.description]  # older archives lack newer run columns
        runs = [dict(zip(names, r, strict=True)) for r in cursor]
        if filters.sites:
            runs = [run for run in runs if run.get("site") in filters.sites]
        total = sum(site["articles"] for site in sites)
        rested = _rested_sources(conn)
        if filters.sites:
            rested = [row for row in rested if row["site"] in filters.sites]
    finally:
        conn.close()
    holder, known = None, True
    if any(run.get("finished_at") is None for run in runs):
        try:
            holder = held_since(db)
        except ArchiveError:
            known = False
    for run in runs:
        run["state"] = _run_state(run, holder, known=known)
    return {"articles": total, "sites": sites, "last_runs": runs, "rested_sources": rested}


def _rested_sources(conn: sqlite3.Connection, site: str | None = None) -> list[dict[str, Any]]:
    """The sources a crawl rests, failing run after run while their site's others
    answer (``crawl_rests``): what failed, how often, in how many runs of the site it is
    asked again, and that said (``asked_again``: "after 2 more runs", as ``stats`` and
    ``check-site`` print it); ``site``'s alone when given. None in an archive older than
    v22 (read as it is)."""
    try:
        cursor = conn.execute(
            "SELECT site, url, failures, rest_left, last_error FROM source_failures"
            " WHERE failures >= ? AND (? IS NULL OR site = ?) ORDER BY site, url",
            (MAX_ATTEMPTS, site, site),
        )
    except sqlite3.OperationalError:  # (no such table)
        return []
    names = ("site", "url", "failures", "rest_left", "error")
    rows = [dict(zip(names, row, strict=True)) for row in cursor]
    if rows:  # (imported only then: ``stats`` of an archive resting none loads no frontier)
        from newsarchive.archive.frontier import asked_again

        for row in rows:
            row["asked_again"] = asked_again(row["rest_left"])
    return rows


def site_rests(db: Path, site: str) -> list[dict[str, Any]]:
    """``site``'s rested sources (``_rested_sources``) in the archive at ``db``, for
    ``check-site``, which fetches and archives nothing: none when there is no archive
    there yet (a profile checked before its first crawl). A path that can be no archive
    is said first (``check_path``): a name too long raised from ``exists``, exit 70.

    Read as it is, never upgraded (``connect_reader`` upgrades an older archive the user
    can write): checking a profile ran a migration over every stored article, waited on a
    crawl's lock for it, or refused an old read-only archive, for a list its table
    (v22's, unchanged since) holds as it is or, in an archive older still, does not."""
    conn = _read_if_there(db)
    if conn is None:
        return []
    try:
        return _rested_sources(conn, site)
    finally:
        conn.close()


def check_named_archive(db: Path) -> None:
    """For ``datasette-metadata``, which reads only the archive's name: the file at ``db``,
    when there is one, must be an archive, as every read command says (a 0-byte file or
    one with no tables is "no archive at X yet", another program's database is named so,
    exit 2). Metadata for a 0-byte file was printed, exit 0, and Datasette then showed a
    database with no tables under it. No file there at all is no error: the metadata is
    keyed to the name alone, and may be made before the first crawl creates the file."""
    conn = _read_if_there(db)
    if conn is not None:
        conn.close()


def _read_if_there(db: Path) -> sqlite3.Connection | None:
    """A read-only connection to the archive at ``db``, never upgraded, or None when there
    is no file there; a path that can be no archive, or a file that is none, is one line
    (``check_path``, ``check_reader``)."""
    check_path(db, missing_ok=True)
    if not db.exists():
        return None
    conn, _ = open_read_only(db)
    check_reader(conn, db)  # (not an archive, or a newer release's: closes it, one line)
    return conn


def idle_sites(db: Path, sites: Iterable[str], days: int) -> dict[str, str | None]:
    """The sites of which no new article was archived in the last ``days`` days though
    they were crawled before them (a site first crawled since is not idle yet), each with
    the day the last one was (None: never). A site that changed its addresses or markup
    so no link is recognised answers 200 or 304 and fails nothing: only this silence
    tells a nightly job it stopped archiving.

    An article an import added counts as of when it was first fetched (its
    ``fetched_at``: a WARC record's date, a JSON Lines record's, else the import's
    time): a site whose news another tool's crawl brings in (``import-warc``) grows, and
    its own crawl, finding them archived already, is not broken; an old export imported
    again (``import-jsonl``) is no news and hides no crawl that stopped finding any."""
    now = dt.datetime.now(dt.UTC)
    cutoff = (now - dt.timedelta(days=days)).isoformat(timespec="seconds")
    conn = connect_reader(db)
    try:  # (one reading of the runs for every site, not a query per site)
        runs = {
            site: (first, last_new)
            for site, first, last_new in conn.execute(
                "SELECT site, min(started_at), max(CASE WHEN new > 0 THEN started_at END)"
                " FROM runs GROUP BY site"
            )
        }
        idle: dict[str, str | None] = {}
        for site in sites:
            first, last_new = runs.get(site, (None, None))
            if first is None or first >= cutoff or (last_new or "") >= cutoff:
                continue
            # (only for a site its runs call idle: rare, and a read of each of its rows)
            fetched = _last_fetched(conn, site, now)
            stamp = fetched.isoformat(timespec="seconds") if fetched else None
            if (stamp or "") < cutoff:
                last = max((t for t in (last_new, stamp) if t), default=None)
                idle[site] = last[:10] if last else None
    finally:
        conn.close()
    return idle


def _last_fetched(conn: sqlite3.Connection, site: str, now: dt.datetime) -> dt.datetime | None:
    """When the newest of ``site``'s articles was first fetched, in UTC. An import stores
    ``fetched_at`` as its record gave it (another zone, a bare day), so the stamps are
    read as moments, not compared as text; one after ``now`` (a wrong clock, a typing
    slip) is no evidence of news and would keep a stopped site quiet until that day."""
    latest = None
    for (stamp,) in conn.execute("SELECT fetched_at FROM articles WHERE site = ?", (site,)):
        try:
            moment = fetch_moment(str(stamp)).astimezone(dt.UTC)
        except ValueError:
            continue
        if moment <= now and (latest is None or moment > latest):
            latest = moment
    return latest


def _run_state(run: dict[str, Any], holder: dt.datetime | None, *, known: bool = True) -> str:
    """ "finished"; "running" while the crawl that holds the lock (``holder``: since when,
    as ``lock.held_since`` says) took it before this run began; "interrupted" for a run
    with no finish time that no crawl holding the lock now can finish (killed by
    SIGKILL: shown so, the row itself left as it is); "unfinished" when that cannot be
    told (``known`` false)."""
    if run.get("finished_at") is not None:
        return "finished"
    if not known:
        return "unfinished"
    if holder is None:
        return "interrupted"
    try:
        started = dt.datetime.fromisoformat(str(run.get("started_at")))
    except ValueError:
        return "unfinished"
    if started.tzinfo is None:
        started = started.replace(tzinfo=dt.UTC)
    return "running" if started >= holder.replace(microsecond=0) else "interrupted"


def stats_stories(db: Path, filters: Filters | None = None) -> list[dict[str, Any]]:
    """Per site, how many of its stories one, two, or three or more outlets carried."""
    from newsarchive.archive.copies import outlets
    from newsarchive.archive.search import check_sites

    filters = filters or Filters()
    conn = connect_reader(db)
    try:
        check_sites(conn, filters.sites)
        return outlets(conn, filters)
    finally:
        conn.close()
