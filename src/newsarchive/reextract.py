"""Rebuild archived articles from their raw captures, with no network, on every core.

Extractors and profiles improve; the raw bytes of every fetched page are kept so the
whole archive can follow without fetching anything again. Extraction is a pure function
of (bytes, URL, profile, day), so it runs in worker processes while this process alone
writes the archive: only rows whose extracted fields changed are rewritten, and the
version they replace becomes a revision (``Store.upsert_article``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import os
import signal
import sqlite3
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsarchive.archive.lock import forget_held
from newsarchive.archive.store import (
    DamagedCapture,
    Filters,
    Store,
    capture_text,
    now_iso,
    stored_body,
    stored_moment,
    told_language,
)
from newsarchive.discover.urls import is_item_url, url_key
from newsarchive.extraction.continuation import (
    MAX_PARTS,
    joined,
    later_pages,
    next_part,
    read_part,
)
from newsarchive.extraction.published import listed_as_archived
from newsarchive.models import TEXT_FEED, Article, Profile, Published

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser

_BATCH = 200  # captures read, and results written, per transaction
_POOL_FROM = 50  # fewer articles than this are re-extracted in this process
_CHUNK = 16  # captures per task sent to a worker process
_LATER = 4 * MAX_PARTS  # an article's later captures read with it: its pages, recaptured


@dataclass
class ReextractReport:
    """``changed`` rows rewritten, ``failed`` where nothing could be extracted any more
    or the stored page is damaged (``damaged``; the archived version is kept either
    way), ``kept_from_feeds``: texts the site's feed gave over a stored page that is
    still a script's shell or a small part of them (kept, as the crawl chose them: no
    failure, ``feed_text.keeps_feed_text``), ``skipped`` with no stored page (imported),
    and ``unknown_sites``: how many articles of each site no profile here names were
    left as they are (a site crawled with ``--profile FILE``, reextracted without it).
    ``languages``: rows that recorded no language and got their archived text's
    (``_tell_languages``)."""

    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    kept_from_feeds: int = 0
    skipped: int = 0
    languages: int = 0
    unknown_sites: Counter[str] = field(default_factory=Counter)
    # the stored pages found damaged, one line each (``DamagedCapture``): among ``failed``
    damaged: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Task:
    site: str
    url: str
    page_url: str
    content: bytes  # zlib-compressed, as stored: decompressed in the worker
    encoding: str | None  # the one the crawl read it by (``capture_text``)
    fetched_at: str
    capture_id: int
    profile: Profile | None  # None: the generic rules (a site id that is a host)
    # the article's captures after this one (its later pages, when it is split over
    # pages): (URL asked for, URL answered at, zlib-compressed content, its encoding),
    # the newest last
    later: tuple[tuple[str, str, bytes, str | None], ...] = ()
    # the date the article's listing or feed gave it, as archived (``with_listed``)
    listed: tuple[Published, str] | None = None
    # the archived text, where the site's feed gave it (``text_source`` "feed"): kept over
    # a stored page that still reads as a shell (``feed_text.keeps_feed_text``)
    fed_text: str | None = None


def reextract_archive(
    conn: sqlite3.Connection,
    *,
    filters: Filters | None = None,
    profile_files: Iterable[Path] = (),
    workers: int | None = None,
) -> ReextractReport:
    """Re-run extraction on every capture-backed article matching ``filters``; then tell
    the language of each matching row that still records none (``_tell_languages``)."""
    report = ReextractReport()
    where, params = (filters or Filters()).sql("a")
    _rebuild(conn, where, params, profile_files, workers, report)
    report.languages = _tell_languages(conn, where, params)
    return report


def _rebuild(
    conn: sqlite3.Connection,
    where: str,
    params: list[Any],
    profile_files: Iterable[Path],
    workers: int | None,
    report: ReextractReport,
) -> None:
    """Re-extract the capture-backed articles ``where`` chooses, into ``report``."""
    from newsarchive.profiles.loader import is_generic_site, list_profiles

    profiles = list_profiles(profile_files)
    ids: list[int] = []
    for article_id, site, capture_id in conn.execute(
        f"SELECT a.id, a.site, a.capture_id FROM articles a WHERE {where} ORDER BY a.id", params
    ).fetchall():
        if capture_id is None:
            report.skipped += 1
        elif site not in profiles and not is_generic_site(site):
            report.unknown_sites[site] += 1
        else:
            ids.append(article_id)
    tasks = _tasks(conn, ids, profiles)
    if workers is None:  # one per core, unless starting them costs more than they save
        workers = (os.cpu_count() or 1) if len(ids) >= _POOL_FROM else 1
    if workers == 1:
        _write(conn, map(_extract, tasks), report)
        return
    # closed however the writing ends: a SIGTERM or Ctrl-C met while a batch is written
    # (the generator suspended at a ``yield``) left the pool to the garbage collector,
    # and the process ended by the signal with its workers still running
    with contextlib.closing(_pooled(tasks, workers)) as results:
        _write(conn, results, report)


def _tell_languages(conn: sqlite3.Connection, where: str, params: list[Any]) -> int:
    """Record the language of every row ``where`` chooses that records none, read from
    its archived title and text by the writer's rule (``store.told_language``); returns
    how many. Re-extraction tells a row's language from its stored page, but a row with
    no stored page (import-jsonl's, from before the import told one; a v33 archive's
    import), of a site no profile here names, or whose page no longer yields an article
    was left NULL ("unknown"), and ``search --lang bg`` left it out for good. Recorded in
    place, as re-extraction records one: no revision, no row counted changed. A batch
    per transaction, as ``_write`` writes."""
    told = last = 0
    while rows := conn.execute(
        f"SELECT a.id, a.title, a.text FROM articles a WHERE ({where})"
        " AND a.language IS NULL AND a.id > ? ORDER BY a.id LIMIT ?",
        (*params, last, _BATCH),
    ).fetchall():
        last = rows[-1][0]
        with conn:
            conn.executemany(
                "UPDATE articles SET language = ? WHERE id = ?",
                [(told_language(title or "", text or ""), row_id) for row_id, title, text in rows],
            )
        told += len(rows)
    return told


def _pooled(tasks: Iterator[_Task], workers: int) -> Generator[_Extracted, None, None]:
    """``map(_extract, tasks)`` on ``workers`` processes, in order, with a bounded number
    of chunks in flight (``Executor.map`` would read every capture up front), so the
    workers extract the next chunks while this process writes the last ones."""
    # fork starts a worker in milliseconds; a forked copy of a process with other threads
    # (a test's servers, a host application) may hang, so such a process spawns instead
    method = "fork" if threading.active_count() == 1 and sys.platform == "linux" else "spawn"
    pool = ProcessPoolExecutor(
        workers, get_context(method), initializer=_worker_start, initargs=(os.getpid(),)
    )
    try:
        flight: deque[Future[list[_Extracted]]] = deque()
        starting = True
        while True:
            # the workers start with the first chunks: a Ctrl-C or SIGTERM is held (not
            # lost) until they are, so none reaches a worker before it ignores them
            held = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPS) if starting else None
            try:
                while len(flight) < workers * 4:
                    chunk = list(itertools.islice(tasks, _CHUNK))
                    if not chunk:
                        break
                    flight.append(pool.submit(_extract_chunk, chunk))
            finally:
                if held is not None:
                    signal.pthread_sigmask(signal.SIG_SETMASK, held)
            starting = False
            if not flight:
                return
            yield from flight.popleft().result()
    finally:  # (stopped: the chunks not begun are dropped, the batches written are kept)
        pool.shutdown(wait=True, cancel_futures=True)


# What stops a reextract: its own, never its workers' (a terminal's Ctrl-C and systemd's
# stop reach every process of the group)
_STOPS = {signal.SIGINT, signal.SIGTERM}


_ORPHAN_POLL_S = 0.2


def _worker_start(parent: int) -> None:
    """A worker lets go of the archive's lock, leaves stopping to its parent, and ends
    when its parent is gone.

    A Ctrl-C in a terminal reaches the whole process group: each worker printed a
    ``KeyboardInterrupt`` traceback under the parent's one line (a SIGTERM to the group
    could break the pool under the parent, an internal error). Workers ignore both; the
    parent stops, and its pool's shutdown ends them.

    A ``kill -9`` of ``reextract`` left its workers running, each blocked for ever on
    the queue it reads (it holds that pipe's other end itself), and a forked worker
    holding the lock file's descriptor: the archive stayed locked, every later crawl,
    import or reextract exiting 75 naming the dead pid. So a worker closes its copy of
    the lock at once (``forget_held``), and a thread ends the worker within
    ``_ORPHAN_POLL_S`` of the parent's death (its parent pid changes), by any signal."""
    forget_held()
    for stop in _STOPS:
        signal.signal(stop, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPS)  # (held by the parent's start)
    if os.getppid() != parent:  # died before this worker started
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_ORPHAN_POLL_S)
        os._exit(1)

    threading.Thread(target=watch, name="orphan-watch", daemon=True).start()


def _extract_chunk(chunk: list[_Task]) -> list[_Extracted]:
    return [_extract(task) for task in chunk]


def _tasks(
    conn: sqlite3.Connection, ids: list[int], profiles: dict[str, Profile]
) -> Iterator[_Task]:
    """The captures of ``ids``, a batch at a time (an archive's pages never all in memory)."""
    for start in range(0, len(ids), _BATCH):
        batch = ids[start : start + _BATCH]
        rows = conn.execute(
            "SELECT a.site, a.url, COALESCE(c.final_url, a.source_url, a.url), c.content,"
            " c.encoding, c.fetched_at, c.id, a.id,"
            " CASE WHEN a.text_source = ? THEN a.text END, a.published, a.date_source"
            " FROM articles a JOIN captures c ON c.id = a.capture_id"
            f" WHERE a.id IN ({','.join('?' * len(batch))}) ORDER BY a.id",
            (TEXT_FEED, *batch),
        ).fetchall()
        for (
            site,
            url,
            page_url,
            content,
            encoding,
            fetched_at,
            capture_id,
            article_id,
            fed_text,
            *dated,
        ) in rows:
            later = conn.execute(  # (not the first page's own later captures)
                "SELECT url, COALESCE(final_url, url), content, encoding FROM captures"
                " WHERE article_id = ?"
                " AND id > ? AND COALESCE(final_url, url) != ? ORDER BY id LIMIT ?",
                (article_id, capture_id, page_url, _LATER),
            ).fetchall()
            yield _Task(
                site, url, page_url, content, encoding, fetched_at, capture_id, profiles.get(site),
                tuple(later), listed_as_archived(*dated), fed_text,
            )  # fmt: skip


# What one task gives: the article, or the one line saying its stored page is damaged
# (a str, not the exception: it crosses from a worker process).
_Extracted = tuple["_Task", Article | str]


def _extract(task: _Task) -> _Extracted:
    """The pure part: bytes in, article out (in a worker process); a stored page that
    cannot be read back (``DamagedCapture``) is said, and the run goes on."""
    try:
        return task, _article_of(task)
    except DamagedCapture as damaged:
        return task, str(damaged)


def _article_of(task: _Task) -> Article:
    from newsarchive.extraction.pipeline import extract
    from newsarchive.extraction.published import with_listed
    from newsarchive.markup import page_tree

    fetched = stored_moment(task.fetched_at, task.capture_id, task.url)
    content = capture_text(stored_body(task.content, task.capture_id, task.url), task.encoding)
    if is_item_url(task.url):  # (dated by its page, as the crawl dated it)
        return _item(task, content, fetched)
    if not task.later:
        article = extract(content, task.page_url, profile=task.profile, today=fetched)
        return with_listed(article, task.listed, fetched)
    # An article split over pages: joined as the crawl joined it (under the address the
    # pager gave, which the crawl asked for, and the one it was answered at: a redirected
    # page is found by either, as the crawl found it), each page parsed once as there.
    pages: dict[str, tuple[str, bytes, str | None]] = {}
    for asked, final, page, encoding in task.later:
        pages[url_key(asked)] = pages[url_key(final)] = (final, page, encoding)

    def extracting(html: str, url: str, tree: LexborHTMLParser) -> Article:
        return extract(html, url, profile=task.profile, today=fetched, tree=tree)

    def captured(url: str) -> tuple[Article, str | None] | None:
        found = pages.get(url_key(url))
        if found is None:
            return None
        final, page, encoding = found
        body = stored_body(page, f"after {task.capture_id}", final)  # (a later page's)
        return read_part(capture_text(body, encoding), final, extracting)

    tree = page_tree(content)
    following = next_part(content, task.page_url, tree=tree)
    article = with_listed(extracting(content, task.page_url, tree), task.listed, fetched)
    return joined(article, later_pages(following, task.page_url, captured))[0]


def _item(task: _Task, content: str, today: dt.datetime) -> Article:
    """An item of a page of items in full, read again from the page: the item of the same
    address, or nothing (the archived version then stays) when the page reads otherwise
    now. Never the whole page, which would overwrite every item with all of them."""
    from newsarchive.extraction.full_items import full_items
    from newsarchive.markup import parse_html

    tree = parse_html(content)
    for item in full_items(tree, task.page_url, today):
        if item.url(task.page_url) == task.url:
            return item.article(task.page_url, task.site)
    return Article()


def _write(
    conn: sqlite3.Connection, results: Iterable[_Extracted], report: ReextractReport
) -> None:
    """Store what changed, a batch per transaction (an interrupted run keeps its batches)."""
    from newsarchive.extraction.feed_text import keeps_feed_text
    from newsarchive.extraction.text_language import article_language

    store = Store(conn)
    when = now_iso()
    results = iter(results)
    while batch := list(itertools.islice(results, _BATCH)):
        with conn:
            for task, article in batch:
                if isinstance(article, str):  # (its stored page damaged: said, kept as is)
                    report.failed += 1
                    report.damaged.append(article)
                    continue
                if task.fed_text is not None and keeps_feed_text(article, task.fed_text):
                    # the feed's text over a page still a shell: nothing is wrong, and
                    # reread without the feed, the page alone would replace the text
                    report.kept_from_feeds += 1
                    # (its language, never recorded before v34, is the feed's text's)
                    language = article_language(task.fed_text, (article.language,), article.title)
                    conn.execute(
                        "UPDATE articles SET language = ?"
                        " WHERE site = ? AND url = ? AND language IS NULL",
                        (language, task.site, task.url),
                    )
                    continue
                if (not article.text and not article.title) or article.rules.get("kind"):
                    # never replace an archived article with nothing, nor with what now
                    # reads as a "not found" page or a bot wall (``page_kind``)
                    report.failed += 1
                    continue
                outcome = store.upsert_article(
                    article, site=task.site, url=task.url, fetched_at=when,
                    capture_id=task.capture_id,
                )  # fmt: skip
                if outcome == "unchanged":
                    report.unchanged += 1
                else:
                    report.changed += 1
