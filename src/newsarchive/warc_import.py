"""``import-warc``: archive and extract the HTML pages of WARC files made by any tool.

This tool's own exports, wget ``--warc-file``, Browsertrix and Common Crawl all write
``response`` records (gzip per record, or a plain file: warcio reads both). Each page
goes to the site profile that claims its host, else to the generic rules with the host
as site id (``profiles.loader.generic_site_id``). What is not an HTML page answered
with 200 is counted and skipped. A truncated or corrupt file keeps every record before
the damage, and the report names the byte offset where reading stopped.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import redirect_stderr
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from newsarchive.archive.store import Store
from newsarchive.crawl_run import Outcome
from newsarchive.discover.urls import normalize_url, on_site, site_hosts, url_key, web_url_problem
from newsarchive.export.warc import METADATA_TYPE
from newsarchive.extraction.pipeline import extract
from newsarchive.extraction.published import listed_as_archived
from newsarchive.fetch.charset import decode_html
from newsarchive.fetch.documents import looks_like_html
from newsarchive.gzip_file import MAGIC as GZIP_MAGIC
from newsarchive.harvest import UNSTORABLE, judge, read_whole, save_article, store_items
from newsarchive.hosts import ascii_host
from newsarchive.models import MAX_BODY_BYTES, Article, Page, Profile, Published
from newsarchive.profiles.loader import generic_site_id
from newsarchive.safe_text import one_line

SKIPS = {
    "type": "not HTML",
    "list": "lists of news, not articles",
    "not-news": "filed under no news (obituaries, ads, the day's services)",
    "status": "not HTTP 200",
    "revisit": "revisit records",
    "empty": "without an article",
    "kind": "error pages or bot challenges",
    "known": "already archived",
    "later": "later pages of articles (joined to their first page's when it is there)",
    "translation": "translations of a Bulgarian page",
    "unstorable": "with values the archive cannot hold",
    "address": "under no http(s) address (a dns:, urn: or malformed target URI)",
    "large": f"larger than {MAX_BODY_BYTES:,} bytes (the most a crawl reads of a page)",
}
# What the crawl's ``judge`` settles a page as, when that means "not archived" here; a
# FAILED page is an error page or bot wall when extraction named its kind, else no article.
_SKIPPED = {
    Outcome.GONE: "kind",
    Outcome.NOT_PAGE: "type",
    Outcome.LIST: "list",
    Outcome.NOT_NEWS: "not-news",
    Outcome.TRANSLATION: "translation",
    Outcome.LATER_PAGE: "later",
}


@dataclass
class ImportReport:
    """Counts over all files; ``damaged`` has one line per file that could not be read
    to its end."""

    outcomes: Counter[str] = field(default_factory=Counter)  # new / updated / unchanged
    skipped: Counter[str] = field(default_factory=Counter)  # keys of SKIPS
    damaged: list[str] = field(default_factory=list)
    unfetchable: tuple[int, str] = (0, "")  # archived at a host no server can have; the first


@dataclass(frozen=True)
class Response:
    """One HTTP response read from a WARC, body decoded as the server's client would;
    ``listed``: the date this tool's export said the article's listing or feed gave it
    (its ``metadata`` record), which the page itself does not show."""

    url: str
    status: int
    headers: dict[str, str]
    body: bytes
    date: dt.datetime
    listed: tuple[Published, str] | None = None


@dataclass(frozen=True)
class _Listed:
    """What a ``metadata`` record of this tool's export says of the response it refers
    to, when that is a date from the article's listing or feed."""

    refers_to: str
    listed: tuple[Published, str]


class Damaged(Exception):
    """The file stops being a readable WARC at byte ``offset``."""

    def __init__(self, offset: int, reason: str) -> None:
        super().__init__(reason)
        self.offset = offset


def responses(handle: IO[bytes], skipped: Counter[str]) -> Iterator[Response]:
    """The 200 HTML responses of one WARC file; ``Damaged`` where it cannot be read on.

    A response is given once the records after it have been read up to the next
    response: this tool's export writes each response's ``metadata`` record after it,
    and the date an article had from its listing (``date_source`` "listing" or "feed")
    is only there; the page never showed it, so without it the article came back
    undated. A response before the damage is still given, then the damage raised.
    """
    pending: tuple[str, Response] | None = None
    try:
        for record_id, found in _records(handle, skipped):
            if isinstance(found, Response):
                if pending is not None:
                    yield pending[1]
                pending = record_id, found
            elif pending is not None and found.refers_to == pending[0]:
                pending = record_id, replace(pending[1], listed=found.listed)
    except Damaged:
        if pending is not None:
            yield pending[1]
        raise
    if pending is not None:
        yield pending[1]


def _records(handle: IO[bytes], skipped: Counter[str]) -> Iterator[tuple[str, Response | _Listed]]:
    """The 200 HTML responses and this tool's listing dates of one WARC file, each with
    its record's id, in file order; ``Damaged`` where it cannot be read on.

    warcio ends quietly at a record cut short in its headers or a gzip member cut short,
    so the end of the last whole record is compared with the file's size as well.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    if not starts_as_warc(handle):
        raise Damaged(0, "not a WARC file")
    handle.seek(0)
    size = os.fstat(handle.fileno()).st_size
    good_until = 0
    records = ArchiveIterator(handle)
    while True:
        try:
            with redirect_stderr(io.StringIO()):  # warcio prints its doubts; we report
                record = next(records, None)
            if record is None:
                break
            if not (record.rec_headers.get_header("Content-Length") or "").strip().isdigit():
                raise Damaged(good_until, "a record without a valid Content-Length")
            found = _response(record, skipped) or _listed(record)
            if found is not None:
                yield record.rec_headers.get_header("WARC-Record-ID") or "", found
            with redirect_stderr(io.StringIO()):
                records.get_record_offset()  # reads to the record's end
            if getattr(record.raw_stream, "limit", None) != 0:  # short, or no Content-Length
                raise _Truncated
            good_until = records.offset
        except _Truncated:
            raise Damaged(good_until, "the last record is cut short") from None
        except (ArchiveLoadFailed, zlib.error, EOFError, ValueError, OSError) as exc:
            raise Damaged(good_until, _reason(exc)) from None
        except (AttributeError, TypeError, IndexError, KeyError):
            # warcio on a record it never expected: a response without WARC-Target-URI
            # raised AttributeError ('NoneType' object has no attribute 'startswith'),
            # Python's words for our bug to a reader, so the record's fault is said
            raise Damaged(
                good_until, "an unreadable record (a required WARC header missing or malformed)"
            ) from None
    if good_until < size:
        raise Damaged(good_until, "the file ends inside a record")


def starts_as_warc(handle: IO[bytes]) -> bool:
    """The file opens as a WARC does: its first record's version line, or a gzip member
    (a .warc.gz, whose records are read to tell). Asked of every file before an import
    writes anything, so a JSON Lines file given by mistake is a usage error."""
    handle.seek(0)
    head = handle.read(5)
    return head == b"WARC/" or head.startswith(GZIP_MAGIC)


def _reason(exc: Exception) -> str:
    """warcio's message, cut to one short printable line (it quotes the bad bytes)."""
    text = one_line(str(exc), 80, ellipsis="...") or type(exc).__name__
    return "".join(c if c.isprintable() else "?" for c in text)


class _Truncated(Exception):
    pass


def _response(record: Any, skipped: Counter[str]) -> Response | None:
    if record.rec_type == "revisit":
        skipped["revisit"] += 1
        return None
    if record.rec_type != "response" or record.http_headers is None:
        return None  # requests, metadata, warcinfo, resources: not pages
    status = int(record.http_headers.get_statuscode() or 0)
    content_type = record.http_headers.get_header("Content-Type") or ""
    # At most what a crawl reads of a page: read whole, a 1 MB .warc.gz whose one record
    # inflates to 1 GB of zeros held 3 GB (the rest is read past in chunks by the caller)
    body = record.content_stream().read(MAX_BODY_BYTES + 1)
    if len(body) > MAX_BODY_BYTES:
        skipped["large"] += 1
        return None
    if record.raw_stream.limit != 0:  # cut short: never archive half a page as the page
        raise _Truncated
    if status != 200:
        skipped["status"] += 1
        return None
    if not _is_html(content_type, body):
        skipped["type"] += 1
        return None
    url = (record.rec_headers.get_header("WARC-Target-URI") or "").strip("<>")
    # (a javascript: or file: one: no article's link). A host no server can have ("a..bg")
    # is kept, as import-jsonl keeps it: nothing is fetched from a record (``unfetchable``)
    if web_url_problem(url, fetched=False):
        skipped["address"] += 1
        return None
    # in the crawl's one spelling (``normalize_url``): a tool that wrote the port
    # (``https://www.bta.bg:443/…``) or a login (``http://user@ruse24.bg/…``) into the
    # address missed the site's profile, and the page was archived under a generic site
    # of that spelling, beside the crawl's copy of it
    url = normalize_url(url) or url
    headers = {k.lower(): v for k, v in record.http_headers.headers}
    return Response(url, status, headers, body, _date(record.rec_headers.get_header("WARC-Date")))


def _listed(record: Any) -> _Listed | None:
    """The listing or feed date a ``metadata`` record of this tool's export gives the
    response it refers to (``export.warc``: the article's ``published`` and
    ``date_source``); None for any other record, or one that says no such date."""
    if record.rec_type != "metadata":
        return None
    content_type = record.rec_headers.get_header("Content-Type") or ""
    refers_to = record.rec_headers.get_header("WARC-Refers-To")
    if content_type != METADATA_TYPE or not refers_to:
        return None
    body = record.content_stream().read(_METADATA_LIMIT)
    try:
        article = json.loads(body)
    except ValueError:  # (cut at the limit, or not JSON: no date known)
        return None
    if not isinstance(article, dict):
        return None
    published, source = article.get("published"), article.get("date_source")
    if not isinstance(published, str) or not isinstance(source, str):
        return None
    listed = listed_as_archived(published, source)
    return _Listed(refers_to, listed) if listed is not None else None


# An export's metadata record is a few hundred bytes: a larger one is no date's
_METADATA_LIMIT = 64 * 1024


def _is_html(content_type: str, body: bytes) -> bool:
    if content_type:
        return "html" in content_type.lower()
    return looks_like_html(body)


def _date(value: str | None) -> dt.datetime:
    """WARC-Date (UTC, seconds or finer); a missing one is "now" rather than a failure."""
    try:
        parsed = dt.datetime.fromisoformat((value or "").replace("Z", "+00:00"))
    except ValueError:
        return dt.datetime.now(dt.UTC).replace(microsecond=0)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


class Importer:
    """Archives responses into one archive, profile by host, one transaction each.

    A page is read as the crawl reads a page it fetched (``harvest.judge``): a page of
    items in full is archived as its items, a later page of an article split over pages
    is no article of its own. An article split over pages waits for the end of its file
    (its later pages may come after it) and is archived whole, joined from the pages the
    file holds as the crawl joins the pages it fetches (``harvest.read_whole``)."""

    def __init__(self, store: Store, profiles: Iterable[Profile]) -> None:
        self.store = store
        # (a host may hold several sites, each in a folder of it: ``on_site`` says whose)
        self.by_host: dict[str, list[Profile]] = {}
        # (the deepest folder first: a profile of the host's root is on_site everywhere)
        for p in sorted(profiles, key=lambda p: -len(p.home)):
            for host in site_hosts(p):
                self.by_host.setdefault(host, []).append(p)
        self.later: dict[str, Page] = {}  # later pages met in the file, by URL key
        self.waiting: list[tuple[Page, Article, Profile, str, str]] = []  # first pages

    def profile(self, url: str) -> Profile:
        parts = urlsplit(url)
        host = parts.netloc.lower()
        # (by the crawl's spelling of a host, ``on_site``'s: a ``.бг`` site's Cyrillic and
        # punycode addresses are one site; a generic site keeps its id as spelled)
        on_host = self.by_host.get(ascii_host(host), [])
        found = next((p for p in on_host if on_site(url, p)), None)
        if found is not None:
            return found
        return Profile(
            id=generic_site_id(host), name=host, origin=f"{parts.scheme}://{host}",
            source="generic (imported WARC)",
        )  # fmt: skip

    def archive(self, response: Response, report: ImportReport) -> None:
        fetched = response.date.isoformat()
        same_moment = self.store.conn.execute(
            "SELECT content FROM captures WHERE final_url = ? AND fetched_at = ?",
            (response.url, fetched),
        ).fetchall()  # WARC dates are seconds: two fetches in one second differ in bytes
        if any(zlib.decompress(row[0]) == response.body for row in same_moment if row[0]):
            report.skipped["known"] += 1
            return
        profile = self.profile(response.url)
        text, encoding = decode_html(response.body, response.headers.get("content-type"))
        page = Page(
            response.url, response.url, response.status, response.headers, response.body,
            text, encoding, response.date,
        )  # fmt: skip
        verdict = judge(response.url, page, profile, None, response.listed)
        if verdict.items:
            for item in store_items(self.store, page, list(verdict.items), profile.id, None):
                if item.outcome is Outcome.FAILED:
                    report.skipped["unstorable"] += 1
                else:
                    report.outcomes[item.outcome.value] += 1
                    _note_unfetchable(response.url, report)
            return
        if verdict.outcome is Outcome.LATER_PAGE:
            self.later[url_key(response.url)] = page
        if verdict.outcome is not Outcome.NEW or verdict.article is None:
            skip = _SKIPPED.get(verdict.outcome)
            report.skipped[skip or ("kind" if verdict.kind else "empty")] += 1
            return
        if verdict.next_page is not None:
            self.waiting.append((page, verdict.article, profile, verdict.url, verdict.next_page))
            return
        self.save(page, verdict.article, profile, verdict.url, [], report)

    def finish(self, report: ImportReport) -> None:
        """The articles split over pages of the file read so far, each joined from the
        later pages the file holds (the text ends before one it does not hold)."""
        for page, article, profile, url, following in self.waiting:
            whole, parts = read_whole(
                article, page, following, lambda u: self.later.get(url_key(u)), partial(
                    _extract_part, profile=profile, today=page.fetched_at
                ),
            )  # fmt: skip
            self.save(page, whole, profile, url, parts, report)
        self.waiting.clear()
        self.later.clear()

    def save(
        self, page: Page, article: Article, profile: Profile, url: str, parts: list[Page],
        report: ImportReport,
    ) -> None:  # fmt: skip
        try:
            with self.store.conn:
                outcome = save_article(
                    self.store, article, profile.id, (url, page.url), page, parts
                )
        except UNSTORABLE:  # this page's values, not the archive: the others go in
            report.skipped["unstorable"] += 1
            return
        report.outcomes[outcome] += 1
        _note_unfetchable(url, report)


def _note_unfetchable(url: str, report: ImportReport) -> None:
    """Count an archived page whose host no server can have, for the one warning
    import-jsonl gives too (``import_writer.say_unfetchable``)."""
    if web_url_problem(url):
        count, first = report.unfetchable
        report.unfetchable = (count + 1, first or url)


def _extract_part(
    html: str, url: str, tree: LexborHTMLParser, *, profile: Profile, today: dt.datetime
) -> Article:
    return extract(html, url, profile=profile, today=today, tree=tree)


def import_files(store: Store, files: Iterable[Path], profiles: Iterable[Profile]) -> ImportReport:
    """Import each file in turn; damage in one is reported, the others still go in."""
    importer = Importer(store, profiles)
    report = ImportReport()
    for path in files:
        with path.open("rb") as handle:
            try:
                for response in responses(handle, report.skipped):
                    importer.archive(response, report)
            except Damaged as exc:
                report.damaged.append(
                    f"{path}: unreadable from byte {exc.offset} on ({exc}); the records"
                    " before it were imported"
                )
            finally:
                importer.finish(report)
    return report
