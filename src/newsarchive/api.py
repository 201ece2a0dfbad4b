"""The Python API behind every command: crawl, search, show, export, import (the
archive's health, ``stats`` and the rest, is ``archive_health``'s).

The CLI only parses options, calls these and prints; nothing here prints or exits.
Heavy imports (httpx, selectolax) happen inside ``crawl`` so ``search`` stays quick.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from newsarchive.archive import HIGHLIGHT, SEARCH_LIMIT
from newsarchive.archive.connection import connect, connect_reader, write_failure
from newsarchive.archive.store import Filters, as_pasted, get_article, iter_articles
from newsarchive.errors import QueryError, UsageError

if TYPE_CHECKING:
    from newsarchive.crawl_run import CrawlOptions, Progress, SiteReport
    from newsarchive.models import Profile


def crawl(
    db: Path,
    profiles: Iterable[Profile],
    options: CrawlOptions,
    *,
    progress: Progress | None = None,
) -> list[SiteReport]:
    """Crawl the sites into the archive at ``db``, up to ``options.sites_at_once`` at a time.

    Sites run side by side (each with its own connection and fetcher) so a huge or slow
    site never starves the others; a bug in one site's crawl is that site's failure, not
    the run's. An archive that cannot be written ends everything: ``CrawlHalted``, with
    the sites' reports up to it (or ``ArchiveError`` when it could not be opened at all).
    """
    from newsarchive.crawl_sites import crawl_sites

    reports = crawl_sites(db, list(profiles), options, progress)
    return reports


def search(
    db: Path,
    query: str,
    *,
    filters: Filters | None = None,
    limit: int = SEARCH_LIMIT,
    offset: int = 0,
    sort: str = "relevance",
    exact: bool = False,
    highlight: tuple[str, str] = HIGHLIGHT,
    collapse: bool = False,
) -> list[dict[str, Any]]:
    """Parse the user's query and return ranked hits with marked snippets; ``collapse``
    gives one hit per story, the other copies under ``also``. A query of filters alone
    (or an empty one with ``filters``) lists the articles they choose, unranked."""
    return search_page(
        db, query, filters=filters, limit=limit, offset=offset, sort=sort, exact=exact,
        highlight=highlight, collapse=collapse,
    )[0]  # fmt: skip


class Page(NamedTuple):
    """One page of search hits, how many match in all, and how many the dates leave out
    for having none (counted only when asked: ``search_page``'s ``undated``)."""

    hits: list[dict[str, Any]]
    total: int
    undated: int = 0
    hint: str | None = None  # ``_no_match_hint``'s, when asked and nothing matched
    notes: tuple[str, ...] = ()  # how the query was read (``ParsedQuery.notes``)
    unknown: int = 0  # matches --lang leaves out for having no language (with ``undated``)


def search_page(
    db: Path,
    query: str,
    *,
    filters: Filters | None = None,
    limit: int = SEARCH_LIMIT,
    offset: int = 0,
    sort: str = "relevance",
    exact: bool = False,
    highlight: tuple[str, str] = HIGHLIGHT,
    collapse: bool = False,
    undated: bool = False,
    hint: bool = False,
) -> Page:
    """``search`` skipping ``offset`` hits, and how many match in all: a page past the
    last hit is empty, and only the total says how many there were. ``undated``: also
    count the undated articles the query's dates leave out (``Prepared.undated``);
    ``hint``: when nothing matched, ``_no_match_hint``'s line; both on the same
    connection (one archive opened, one warning about its schema)."""
    from newsarchive.archive.query import parse_query
    from newsarchive.archive.search import SearchOptions, prepare
    from newsarchive.archive.search import search_page as run_search

    filters = filters or Filters()
    parsed = parse_query(query, exact=exact, filtered=filters.active())
    conn = connect_reader(db)
    try:
        options = SearchOptions(
            filters=filters, limit=limit, offset=offset, sort=sort, highlight=highlight,
            collapse=collapse,
        )  # fmt: skip
        prepared = prepare(conn, parsed, options)
        hits, total = run_search(conn, parsed, options, prepared)
        said = _no_match_hint(conn, query, filters, exact) if hint and not total else None
        left_out = (prepared.undated(), prepared.unknown_language()) if undated else (0, 0)
        return Page(hits, total, left_out[0], said, tuple(parsed.notes), left_out[1])
    finally:
        conn.close()


def _no_match_hint(
    conn: sqlite3.Connection, query: str, filters: Filters, exact: bool = False
) -> str | None:
    """For a query that matched nothing, the line that says what was meant, or None:
    ``archive.search.no_match``'s hint (the web page's too, in its words), with the
    command that lists what it names."""
    from newsarchive.archive.lemmas import mixes_scripts
    from newsarchive.archive.search import ADDRESS, AUTHOR, CYRILLIC, DAY, no_match

    hint = no_match(conn, query, filters, exact=exact)
    if hint is None:
        return None
    typed = query.strip()
    if hint.kind == ADDRESS:
        return (
            f"addresses are not searched; the article archived at '{typed}' is"
            f" {hint.article}: newsarchive show {hint.article}"
        )
    if hint.kind == DAY:
        articles = "1 article is" if hint.total == 1 else f"{hint.total} articles are"
        # (counted under the same --site: the command told must list as many)
        sites = "".join(f" --site {site}" for site in filters.sites)
        return (
            f"'{typed}' is a date, which no article's text holds as typed; {articles} of"
            f" that day: newsarchive search{sites} --since {hint.day} --until {hint.day}"
        )
    # (counted under the search's --site/--since/--until: the command told keeps them, or
    # it listed every site's and date's matches, not the number said)
    options = "".join(f" --site {site}" for site in filters.sites)
    options += f" --since {filters.since}" if filters.since else ""
    options += f" --until {filters.until}" if filters.until else ""
    matches = "1 article" if hint.total == 1 else f"{hint.total} articles"
    if hint.kind == CYRILLIC:
        # ("Рuсе": a letter typed on the other layout, inside a Cyrillic word)
        latin = (
            "has Latin letters in a Cyrillic word"
            if mixes_scripts(query)
            else "is in Latin letters"
        )
        return (
            f"'{query}' {latin}; in Cyrillic, '{hint.words}' matches {matches}:"
            f" newsarchive search '{hint.words}'{options}"
        )
    if hint.kind == AUTHOR:
        return (
            f"'{query}' matched nothing: author: takes one word, the words after it were"
            f" searched in the texts; as one name, '{hint.words}' matches {matches}:"
            f" newsarchive search '{hint.words}'{options}"
        )
    how = (  # (FORMS: quoted words, or --exact, that match in other forms)
        "with --exact its words match only as typed"
        if hint.words == typed
        else "quoted words match only as typed, side by side"
    )
    return (
        f"'{query}' matched nothing: {how}; in any form, '{hint.words}' matches"
        f" {matches}: newsarchive search '{hint.words}'{options}"
    )


class Totals(NamedTuple):
    """How many articles match, per site and year, and how many the dates leave out for
    having none (counted only when asked: ``search_totals``'s ``undated``)."""

    rows: list[dict[str, Any]]
    undated: int = 0
    hint: str | None = None  # ``_no_match_hint``'s, when asked and nothing matched
    notes: tuple[str, ...] = ()  # how the query was read (``ParsedQuery.notes``)
    unknown: int = 0  # matches --lang leaves out for having no language (with ``undated``)


def search_totals(
    db: Path,
    query: str,
    *,
    filters: Filters | None = None,
    exact: bool = False,
    undated: bool = False,
    hint: bool = False,
) -> Totals:
    """How many articles match ``query``, per site and year; with ``undated`` also the
    matches its dates leave out for having none (``search --count`` says so as the list
    does), on the same preparation; with ``hint``, when nothing matched, the line saying
    what was meant, as ``search_page`` finds it: one archive opened, not two."""
    from newsarchive.archive.query import parse_query
    from newsarchive.archive.search import Prepared, per_site_year

    filters = filters or Filters()
    parsed = parse_query(query, exact=exact, filtered=filters.active())
    conn = connect_reader(db)
    try:
        prepared = Prepared(conn, parsed, filters)
        rows = per_site_year(prepared)
        said = _no_match_hint(conn, query, filters, exact) if hint and not rows else None
        undated_count = prepared.undated() if undated else 0
        unknown = prepared.unknown_language() if undated else 0
        return Totals(rows, undated_count, said, tuple(parsed.notes), unknown)
    finally:
        conn.close()


def show(db: Path, id_or_url: str) -> dict[str, Any]:
    """One archived article with its provenance (``extractor``, ``capture_id``), its
    earlier versions (``revisions``, oldest first) and the other copies of its story
    (``also``: site, URL, date), or a ``UsageError`` naming what was not found."""
    from newsarchive.archive import revisions
    from newsarchive.archive.copies import also

    conn = connect_reader(db)
    try:
        found = None
        for typed in as_pasted(id_or_url):
            found = get_article(conn, typed, provenance=True)
            if found is not None:
                break
        if found is not None:
            found["revisions"] = revisions.history(conn, found["id"])
            found["also"] = also(conn, found["id"], found["story"])
    finally:
        conn.close()
    if found is None:
        raise UsageError(f"no article with id or URL '{id_or_url}' in {db}")
    return found


def latest_change(article: dict[str, Any]) -> str | None:
    """``show --diff``: the words the latest change removed and added, title then text;
    None for an article never edited. That is no mistake of the user's (exit 2): it is
    an answer, as a search with no hits is, and a script diffing every article it found
    stopped at the first unedited one."""
    from newsarchive.archive.revisions import diff_header, render_diff, word_diff

    if not article["revisions"]:
        return None
    before = article["revisions"][-1]
    lines = diff_header(before, article)
    if before["title"] != article["title"]:
        lines.append("title: " + render_diff(word_diff(before["title"], article["title"])))
    lines.append(render_diff(word_diff(before["text"], article["text"])))
    return "\n".join(lines) + "\n"


def export(db: Path, filters: Filters | None = None) -> Iterator[dict[str, Any]]:
    """Every matching article as an export record.

    The archive is opened and the sites checked before this returns, so a bad ``--db`` or
    ``--site`` fails before ``--out`` is created; the rows then stream.
    """
    from newsarchive.archive.search import check_sites

    filters = filters or Filters()
    conn = connect_reader(db)
    try:
        check_sites(conn, filters.sites)
    except BaseException:
        conn.close()
        raise
    return _stream(conn, filters)


def export_file(db: Path, filters: Filters, fmt: str, out: Path) -> int:
    """``export --format warc|parquet`` to ``out``; returns how many records were written.

    Written whole or not at all (``export.outfile``), so a failure (a full disk, a missing
    library) never leaves a half file that looks like an export.
    """
    from newsarchive.archive.search import check_sites
    from newsarchive.export.outfile import written_whole

    writer = _binary_writer(fmt)
    conn = connect_reader(db)
    try:
        check_sites(conn, filters.sites)
        with written_whole(out, "wb") as handle:
            count: int = writer(conn, filters, handle)
    finally:
        conn.close()
    return count


# The library each binary format needs, and how to get it.
_BINARY_NEEDS = {
    "warc": ("warcio", "pip install warcio (a dependency of newsarchive: reinstall it)"),
    "parquet": ("pyarrow", "pip install 'newsarchive[parquet]'"),
}


def _binary_writer(fmt: str) -> Any:
    """The writer of a binary format, or one line saying which library is missing."""
    import importlib

    module, remedy = _BINARY_NEEDS[fmt]
    try:
        importlib.import_module(module)
    except ImportError:
        raise UsageError(f"--format {fmt} needs {module}: {remedy}") from None
    if fmt == "warc":
        from newsarchive.export.warc import write_warc

        return write_warc
    from newsarchive.export.parquet import write_parquet

    return write_parquet


def _stream(conn: sqlite3.Connection, filters: Filters) -> Iterator[dict[str, Any]]:
    try:
        yield from iter_articles(conn, filters)
    finally:
        conn.close()


def import_jsonl(db: Path, lines: Iterable[str]) -> dict[str, int]:
    """Load export records; all-or-nothing, so a bad line leaves the archive untouched.

    Records stream into one transaction (a large file is never held in memory); any
    error rolls it back, and an archive file this import created is removed again.
    """
    from newsarchive.archive.connection import check_creatable
    from newsarchive.archive.lock import CrawlLock
    from newsarchive.jsonl_import import import_locked

    check_creatable(db)  # (first: ``exists`` raised on a name too long, exit 70)
    with CrawlLock(db, "import-jsonl") as lock:  # a writer like crawl: never two at once (exit 75)
        # asked under the lock: asked before it, an import that took the lock from one
        # finishing a new archive (two cron imports at once) took that archive for its
        # own, and deleted it, records and all, when its own file had a bad line
        existed = db.exists()
        try:
            return import_locked(db, lines, existed)
        except BaseException:
            if not existed:
                lock.path.unlink(missing_ok=True)
            raise


def _moved_profiles(moves: dict[str, dict[str, str]], profiles: Iterable[Profile]) -> list[Profile]:
    """``profiles``, each at the domain its site moved to from the profile's origin, as
    the archive records it (``moves``; the move a crawl takes up at its start:
    ``_stored_move``): a WARC record at the new domain is the site's, not a generic site's
    of that host."""
    from newsarchive.crawl_discovery import site_origin
    from newsarchive.discover.urls import moved_profile, moves_from

    out = []
    for profile in profiles:
        for origin, moved_to in moves_from(site_origin(profile.origin), moves.get(profile.id, {})):
            profile = moved_profile(profile, origin, moved_to)  # (each step: a -> b -> c)
        out.append(profile)
    return out


def import_warc(
    db: Path, files: Iterable[Path], *, profile_files: Iterable[Path] = ()
) -> dict[str, Any]:
    """Archive the HTML responses of WARC files, under the crawl lock (a writer)."""
    import os

    from newsarchive.archive.frontier import recorded_moves
    from newsarchive.archive.lock import CrawlLock
    from newsarchive.import_writer import moved_store, say_elsewhere, say_unfetchable
    from newsarchive.profiles.loader import list_profiles
    from newsarchive.warc_import import SKIPS, import_files, starts_as_warc

    paths = list(files)
    for path in paths:  # every file readable, and a WARC, before anything is written
        if str(path) == "-" and not path.exists():  # (import-jsonl's and extract's '-' is)
            raise UsageError(
                "import-warc reads WARC files, not stdin ('-'): save it to a file first"
            )
        try:
            if not path.is_file() or not os.access(path, os.R_OK):
                try:  # (a loop of symbolic links was "no such file": ``exists`` is False)
                    path.stat()
                except FileNotFoundError:
                    why = "no such file"
                except OSError as exc:
                    why = exc.strerror or str(exc)
                else:
                    why = "not a readable file"
                raise UsageError(f"cannot read {path}: {why}")
            with path.open("rb") as handle:
                if not starts_as_warc(handle):
                    raise UsageError(
                        f"{path} is not a WARC file (it starts with neither 'WARC/' nor"
                        " gzip); nothing imported"
                    )
        except OSError as exc:  # (a name too long: ``is_file`` raises it)
            raise UsageError(f"cannot read {path}: {exc.strerror}") from None
    profiles = list_profiles(profile_files).values()
    connect(db, create=True).close()
    with CrawlLock(db, "import-warc"):
        conn = connect(db, create=True)
        try:
            moves = recorded_moves(conn)  # (read once: the profiles and the writer follow it)
            moved = _moved_profiles(moves, profiles)
            store = moved_store(conn, moves)
            report = import_files(store, paths, moved)
            say_elsewhere(store)
            say_unfetchable(*report.unfetchable)
        except sqlite3.DatabaseError as exc:
            raise write_failure(exc) from None
        finally:
            conn.close()
    return {
        **{k: report.outcomes[k] for k in ("new", "updated", "unchanged")},
        "skipped": {SKIPS[k]: n for k, n in report.skipped.items() if n},
        "damaged": report.damaged,
    }


def reextract(
    db: Path,
    *,
    filters: Filters | None = None,
    profile_files: Iterable[Path] = (),
    workers: int | None = None,
) -> dict[str, Any]:
    """Rebuild articles from their stored captures (no network), under the crawl lock."""
    from newsarchive.archive.lock import CrawlLock
    from newsarchive.archive.search import check_sites
    from newsarchive.reextract import reextract_archive

    connect(db, create=False).close()  # the usual one-line error before taking the lock
    with CrawlLock(db, "reextract"):
        conn = connect(db, create=False)
        try:
            check_sites(conn, (filters or Filters()).sites)
            report = reextract_archive(
                conn, filters=filters, profile_files=profile_files, workers=workers
            )
        finally:
            conn.close()
    return {
        "changed": report.changed,
        "unchanged": report.unchanged,
        "failed": report.failed,
        "kept_from_feeds": report.kept_from_feeds,
        "skipped": report.skipped,
        "languages": report.languages,
        "unknown_sites": dict(sorted(report.unknown_sites.items())),
        "damaged": list(report.damaged),
    }


def rename_site(db: Path, old: str, new: str, *, merge: bool = False) -> dict[str, int]:
    """Move what the archive keeps under site ``old`` to ``new`` (``archive.rename``), under
    the crawl lock (a writer: never beside a crawl, which would go on writing the old id);
    how many rows of each kind moved. A ``new`` that holds articles already is refused
    unless ``merge``: a slip naming another site would make two sites one for good
    (renaming back moves both)."""
    from newsarchive.archive.lock import CrawlLock
    from newsarchive.archive.rename import rename_site as rename
    from newsarchive.archive.rename import site_ids
    from newsarchive.profiles.loader import is_site_id, meant_site, named_sites

    if not is_site_id(new):
        raise UsageError(f"'{new}' is no site id (a profile's, as bta, or a host's, as x.bg)")
    if new == old:
        raise UsageError(f"the site is '{old}' already")
    connect(db, create=False).close()  # the usual one-line error before taking the lock
    with CrawlLock(db, "rename-site"):
        conn = connect(db, create=False)
        try:
            known = site_ids(conn)
            if old not in known:
                raise UsageError(
                    f"no site '{old}' in this archive (its sites: {named_sites(known)})"
                    + meant_site(old, known)
                )
            held = conn.execute("SELECT count(*) FROM articles WHERE site = ?", (new,))
            if (count := held.fetchone()[0]) and not merge:
                raise UsageError(
                    f"site '{new}' holds {count} article{'s' * (count != 1)} already: pass"
                    f" --merge to make '{old}' and '{new}' one site (renaming back would move"
                    " both)"
                )
            return rename(conn, old, new)
        except sqlite3.DatabaseError as exc:
            raise write_failure(exc, "cannot rename the site, nothing renamed") from None
        finally:
            conn.close()


def timeline(
    db: Path,
    query: str | None = None,
    *,
    filters: Filters | None = None,
    by: str = "month",
    stories: bool = False,
    exact: bool = False,
    hint: bool = False,
) -> dict[str, Any]:
    """Articles (or distinct stories) per period and site, optionally only those matching
    a search query. ``hint``: when the query matched nothing, ``_no_match_hint``'s line
    under the key ``hint`` (absent otherwise), as ``search`` says it ("Ruse" is in Latin
    letters; a date typed as words)."""
    from newsarchive.archive.query import parse_query
    from newsarchive.archive.timeline import timeline as run_timeline

    filters = filters or Filters()
    parsed = parse_query(query, exact=exact, filtered=filters.active()) if query else None
    conn = connect_reader(db)
    try:
        data = run_timeline(conn, parsed, filters, by=by, stories=stories)
        matched = data["rows"] or data["undated"] or data["unreadable"]
        if hint and query and not matched:
            said = _no_match_hint(conn, query, filters, exact)
            if said is not None:
                data["hint"] = said
        return data
    finally:
        conn.close()


def _check_page_url(url: str, what: str) -> None:
    """One line for an address no page can have (``urls.web_url_problem``)."""
    from newsarchive.discover.urls import web_url_problem

    if problem := web_url_problem(url):
        raise UsageError(f"{what} {problem}: '{url}'")


def _address_scheme(source: str) -> str | None:
    """The scheme of ``source`` when it is an address, not a file ("HTTPS://…" typed in
    capitals, "ftp://…"), lower-cased; None for a path. Each was "cannot read …: No such
    file or directory", as if a file had been meant."""
    import re

    found = re.match(r"([A-Za-z][A-Za-z0-9+.-]*)://", source)
    if found is None or Path(source).exists():
        return None
    return found.group(1).lower()


def extract_source(
    source: str, *, url: str | None, site: str | None, profile_files: Iterable[Path] = ()
) -> tuple[Any, list[Any]]:
    """Extract one page from a file, stdin ('-') or a URL, with a profile when one fits:
    the article, and the news items the page holds in full (each an article of its own to
    a crawl; [] for most pages).

    Relative dates ("вчера", "преди 3 часа") resolve against the fetch moment for a URL; a
    file or stdin has no fetch time, so today's date stands in for it (``dates``: the hour
    of "преди 3 часа" then names no day but today's).
    """
    import datetime as dt
    import sys

    from newsarchive.extraction.pipeline import extract

    fetched: dt.date = dt.date.today()
    files = list(profile_files)
    header: list[str] = []  # the canonical of the HTTP Link header of a page fetched
    content: str | bytes  # a page fetched, as its text; a file's or stdin's bytes
    if url is not None:
        _check_page_url(url, "--url")
    if not source.strip():  # ("$PAGE" unset: as a path "" is ".", "cannot read : Is a directory")
        raise UsageError("extract needs an HTML file, '-' or an http(s) URL, not an empty name")
    scheme = _address_scheme(source)
    if scheme is not None and scheme not in ("http", "https"):
        raise UsageError(f"extract reads an HTML file, '-' or an http(s) URL, not '{source}'")
    if scheme is not None:
        from newsarchive.errors import FetchError

        _check_page_url(source, "the address")
        from newsarchive.fetch.client import Fetcher, FetchOptions

        # (the profile first, for its TLS settings: a site ``crawl`` reads with its
        # ``tls_verify = false`` is read so here too, ``FetchOptions.for_site``)
        chosen = _chosen_profile(site, files, url or source)
        options = FetchOptions.from_env(delay=0, retries=1)
        with Fetcher(options if chosen is None else options.for_site(chosen)) as fetcher:
            page = fetcher.fetch(source)
        if page.status != 200:
            raise FetchError(f"HTTP {page.status} for {source}", url=source, status=page.status)
        # (a redirected page's relative links and canonical are read against where it
        # was found, as the crawl reads them, not against the address typed)
        # (read as the crawl reads it, by its header's charset too: handed over as bytes,
        # a charset only the header named was guessed, a UTF-16 one refused as no page)
        content, url = page.text, url or page.final_url
        fetched = page.fetched_at
        from newsarchive.link_header import linked

        header = linked(page.headers.get("link"), "canonical")
    else:
        from newsarchive.models import MAX_BODY_BYTES

        # At most what a crawl reads of a page: "-" may be a pipe that never ends, and
        # a path /dev/zero or a multi-gigabyte file, each read whole into memory before.
        try:
            if source == "-":
                content = sys.stdin.buffer.read(MAX_BODY_BYTES + 1)
            else:
                with Path(source).open("rb") as handle:
                    content = handle.read(MAX_BODY_BYTES + 1)
        except OSError as exc:
            raise UsageError(f"cannot read {source}: {exc.strerror}") from None
        if len(content) > MAX_BODY_BYTES:
            raise UsageError(
                f"{'stdin' if source == '-' else source} is larger than {MAX_BODY_BYTES:,}"
                " bytes, the most a crawl reads of a page"
            )
    from newsarchive.discover.urls import without_userinfo
    from newsarchive.fetch.documents import EMPTY_PAGE, looks_like_html, xml_kind

    url = None if url is None else without_userinfo(url)  # (the article's, as archived)
    sniffed = content.encode("utf-8") if isinstance(content, str) else content
    shown = "stdin" if source == "-" else source  # ("- is empty" said nothing of a pipe)
    if not sniffed.strip():  # (not "no HTML page": the address is right, its page empty)
        raise UsageError(f"{EMPTY_PAGE}: {source}" if scheme else f"{shown} is empty")
    if not looks_like_html(sniffed):
        kind = xml_kind(sniffed)
        raise UsageError(f"{shown} is {kind}, not an HTML page" if kind else
                         f"{shown} does not look like an HTML page")  # fmt: skip
    profile = _chosen_profile(site, files, url)
    article = extract(content, url, profile=profile, today=fetched)
    if header:
        from dataclasses import replace

        from newsarchive.discover.urls import stated_canonical

        stated = stated_canonical(article.canonical_url, header, url or "")
        article = replace(article, canonical_url=stated)
    return article, _full_items(content, url, article, fetched)


def _chosen_profile(site: str | None, files: list[Path], url: str | None) -> Any:
    """The profile ``extract`` reads a page with: ``--site``'s, the one ``--profile`` file
    being tested, or the one whose site ``url`` lies on (None: the generic rules)."""
    from newsarchive.profiles.loader import get_profile, list_profiles, load_profile_file

    if site:
        return get_profile(site, files)
    if len(files) == 1:  # the profile being tested ("extract page.html --profile x.toml")
        return load_profile_file(files[0])
    if url or files:  # (every file read, and checked: a bad one was ignored without --url)
        from newsarchive.discover.urls import on_site

        known = list_profiles(files).values()
        return next((p for p in known if url and on_site(url, p)), None)
    return None


def _full_items(content: str | bytes, url: str | None, article: Any, today: Any) -> list[Any]:
    """The news items the page holds in full, each as the article a crawl archives it as
    (by the crawl's rule for a page met as an article: ``items_of_article``); [] for any
    other page."""
    from newsarchive.extraction.full_items import items_of_article
    from newsarchive.fetch.charset import decode_html

    text = content if isinstance(content, str) else decode_html(content)[0]
    items = items_of_article(text, url or "", article, today)
    return [item.article(url or "", article.site) for item in items]


def check_base_url(base_url: str | None) -> None:
    """``--base-url``'s one-line error for every command that takes it
    (``fetch.mirror.base_url_problem``), before anything is fetched or opened."""
    from newsarchive.fetch.mirror import base_url_problem

    if base_url is not None and (problem := base_url_problem(base_url)):
        raise UsageError(problem)


def parse_cli_date(value: str | None, option: str) -> dt.date | None:
    """``--since``/``--until`` values, inclusive, read as the query's ``since:`` is
    (``query.parse_date``: one rule for the forms a date may be typed in)."""
    from newsarchive.archive.query import parse_date

    if value is None:
        return None
    try:
        return parse_date(value, option)
    except QueryError as exc:
        raise UsageError(str(exc)) from None
