"""Write and read archived articles, raw captures and runs.

An article is one row however many URLs lead to it: ``article_urls`` maps the key
(``discover.urls.url_key``) of its canonical URL and of every URL it was fetched from to
the row, so a www/bare, http/https or reordered spelling finds the same article. A page
that names no canonical and is reached by two unrelated addresses is still one row when
the second copy has the same site, title, author, tags and text and a day that agrees:
the same day, or none on one of the two copies (one article filed under two categories'
addresses, the news list's card dating one of them; ``Store._same_content``); the other
address becomes one of its keys, so no run reads it again as new. The row keeps the
address a reader would cite (``urls.cited_first``), else the first it was archived
under: nothing on the site tells the two apart, and an address once given out stays
the article's. A site that moved to another domain (``moves``) finds an article
archived before by its old spelling, the same path on the old host. A canonical URL
that pages of different articles all declare (a CMS naming its category page so) names
none of them: it is remembered in ``shared_canonicals`` and each page keeps the URL it
was fetched from; so does a URL one page named as its canonical before the page served
there, another article, was read (which came first decides nothing).
Re-fetching one updates it in place only when the extracted content changed, so nightly
runs never archive anything twice. Crawl state lives in ``archive.frontier``.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
import zlib
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Any, NamedTuple

from newsarchive.archive.connection import PARAMETERS_PER_QUERY
from newsarchive.archive.lemmas import composed, record_forms, tokens
from newsarchive.archive.schema import INDEX_INSERTED, bulk_indexing
from newsarchive.archive.states import State
from newsarchive.archive.stories import Shingles, shingles
from newsarchive.discover.urls import (
    archive_key,
    cited_first,
    extension_twins,
    front_controller_twins,
    id_slug_prefix,
    move_hosts,
    moved_keys,
    url_key,
)
from newsarchive.errors import ArchiveError, QueryError
from newsarchive.fetch.charset import decode_html, has_bom, read_as_utf8_but_utf16
from newsarchive.fetch.gzipped import undeclared_gzip
from newsarchive.models import OF_PUBLISHED, Article, Page, Published
from newsarchive.safe_text import for_archive

if TYPE_CHECKING:
    from newsarchive.archive.lemmas import Lemmatizer
    from newsarchive.archive.stories import StoryIndex

_OPENING = 200  # characters of an article's text that say which article it is
# How alike two texts of one article must be for an edit of its headline to be one
# article edited, not one gone and another new: the body may change a little with the
# headline, as a typo is fixed in both.
SAME_BODY = 0.8
_INDEX_BATCH = 1000  # inserted rows indexed together (``Store.indexing_inserts``)
_COMPOSE_BATCH = 500  # rows read at once by ``Store.compose_stored``
ARTICLE_COLUMNS = (
    "id", "site", "url", "title", "published", "date_source", "date_note", "modified",
    "access", "text_source", "language", "author", "tags", "text", "fetched_at", "story",
)  # fmt: skip
# Where an article's current text came from: the extractor version, the capture, and
# when the row last changed.
PROVENANCE_COLUMNS = ("extractor", "capture_id", "updated_at")
# The article itself: what a revision keeps (``revisions``), compared to tell an update.
REVISION_FIELDS = ("title", "published", "author", "tags", "text")
# What every imported record must give (``jsonl_import._import_record``): whose article,
# and where.
RECORD_KEYS = ("site", "url")
# What a row records beside the article (the export's columns an ``Article`` carries that
# are neither the article nor a record's keys): what the page says of its dates and its
# access, and where its text came from, stored without counting the article changed. Each
# came with a later schema (``date_source`` v3, ``date_note`` and ``modified`` v11,
# ``access`` v31, ``text_source`` v33, ``language`` v34), so an older export lacks it,
# where every export held the article's own fields: a record without the key leaves the
# row's value (``upsert_article``'s ``unsaid``).
RECORDED_BESIDE = tuple(
    column
    for column in ARTICLE_COLUMNS
    if column in Article.__dataclass_fields__ and column not in (*RECORD_KEYS, *REVISION_FIELDS)
)
_ROW = (
    "SELECT url, title, published, author, tags, text, updated_at, site,"
    f" {', '.join(RECORDED_BESIDE)} FROM articles WHERE id = ?"
)
_SET_BESIDE = ", ".join(f"{column} = ?" for column in RECORDED_BESIDE)
_INSERTED = (
    "site", "url", "title", "published", "published_date", "author", "tags", "text",
    "title_lemmas", "text_lemmas", "fetched_at", "updated_at", "source_url", "capture_id",
    "extractor", *RECORDED_BESIDE,
)  # fmt: skip
_INSERT_ARTICLE = (
    f"INSERT INTO articles ({', '.join(_INSERTED)}) VALUES ({', '.join('?' * len(_INSERTED))})"
)


def story_of(alias: str) -> str:
    """SQL for the story of the article row ``alias`` (``archive.stories``): its own id
    until it shares a story with another article (the one source of this rule)."""
    return (
        f"COALESCE((SELECT story FROM article_stories WHERE article_id = {alias}.id), {alias}.id)"
    )


_SELECT = ", ".join(f"articles.{c}" for c in ARTICLE_COLUMNS[:-1]) + f", {story_of('articles')}"


def capture_text(content: bytes, encoding: str | None) -> str:
    """A stored capture's text, read as the crawl read it: by the encoding it stored. The
    crawl chose it from the HTTP header too, which the bytes alone no longer say (a page
    with ``charset=windows-1251`` only in its Content-Type, sniffed again, may read as
    mac-cyrillic); the bytes are sniffed again only for a capture stored without one
    (and a byte order mark, which the crawl read first, is read first again). A page
    gzipped without saying so is stored as sent and read as the page it wraps
    (``fetch.gzipped``), as the crawl read it: unwrapped once, here or by
    ``decode_html`` (unwrapped here first, a body inflated twice, and a body gzipped
    twice read otherwise than the crawl read it). One stored reading is not kept: a UTF-16
    page without a byte order mark an older release read as UTF-8 under its header's
    UTF-16, a NUL in every other letter (``read_as_utf8_but_utf16``)."""
    if encoding:
        page = undeclared_gzip(content)
        if not has_bom(page):
            if encoding == "utf-8" and (wide := read_as_utf8_but_utf16(page)):
                return page.decode(wide, "replace")  # (a NUL every other letter, as stored)
            try:
                return page.decode(encoding, "replace")
            except (LookupError, UnicodeError):  # (a codec this Python lacks, "undefined")
                pass
    return decode_html(content)[0]


def now_iso() -> str:
    """UTC timestamp used for every bookkeeping column."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


class DamagedCapture(ArchiveError):
    """A stored page the archive cannot read back: its compressed bytes, its headers or
    its fetch time are not what the archive writes (a byte flipped on disk, which SQLite
    does not see, or a hand edit). A bad input, exit 2, said with the page it is (a
    zlib error named alone, and the run's whole export stopped as a bug, exit 70)."""

    def __init__(self, capture_id: object, url: object, why: str) -> None:
        super().__init__(
            f"the archive is damaged: the stored page of {url} (capture {capture_id})"
            f" cannot be read ({why}); its article is as archived"
        )


def stored_body(content: object, capture_id: object, url: object) -> bytes:
    """A capture's stored page, decompressed (``DamagedCapture`` when it cannot be)."""
    if not isinstance(content, bytes):
        raise DamagedCapture(capture_id, url, f"its page is {type(content).__name__}, no bytes")
    try:
        return zlib.decompress(content)
    except zlib.error as exc:
        raise DamagedCapture(capture_id, url, f"zlib: {exc}") from None


def stored_moment(fetched_at: object, capture_id: object, url: object) -> dt.datetime:
    """``fetch_moment`` of a capture's stored time (``DamagedCapture`` when it is none)."""
    try:
        return fetch_moment(str(fetched_at))
    except ValueError as exc:
        raise DamagedCapture(capture_id, url, f"its fetch time: {exc}") from None


def fetch_moment(stored: str) -> dt.datetime:
    """A capture's stored ``fetched_at`` as the moment the crawl read the page: what its
    relative dates ("преди 3 часа") counted from then, and count from again
    (``reextract``), not the moment of reading it again, and its WARC-Date (``export``).
    Stored in UTC; a stamp without a zone (an archive written by hand, or by another
    tool) is taken as UTC too."""
    moment = dt.datetime.fromisoformat(stored)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


@dataclass(frozen=True)
class Filters:
    """The site/date/author filters shared by search and export (dates inclusive, local;
    each author a piece of the byline, case folded: all must occur)."""

    sites: tuple[str, ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None
    authors: tuple[str, ...] = ()
    # tags, case folded, each a whole tag of the article's (``tag:водопровод``): all must be
    tags: tuple[str, ...] = ()
    # leave out the articles whose page says they are for subscribers (``access`` "paid":
    # their text may be the lead alone); a row whose access was never recorded stays
    free_only: bool = False
    # the languages asked for (``articles.language``'s primary tags; "unknown": the rows
    # whose language was never recorded, NULL), any of them
    languages: tuple[str, ...] = ()

    def active(self) -> bool:
        """Whether any filter is set: then a query without words still chooses articles."""
        return bool(
            self.sites
            or self.since
            or self.until
            or self.authors
            or self.tags
            or self.free_only
            or self.languages
        )

    def check_dates(self) -> Filters:
        """These filters, when their dates can meet: since after until (a range written
        backwards, or one a query's own since:/until: empties) chooses nothing, and was
        "No matches", exit 0, which reads as "nothing was written then" rather than "the
        dates are swapped". The one rule for the options and the query alike."""
        if self.since and self.until and self.since > self.until:
            raise QueryError(f"since {self.since} is after until {self.until}: no date is in both")
        return self

    def sql(self, alias: str = "articles") -> tuple[str, list[Any]]:
        """A WHERE fragment (always valid, possibly "1") and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.sites:
            clauses.append(f"{alias}.site IN ({','.join('?' * len(self.sites))})")
            params += list(self.sites)
        if self.since:
            clauses.append(f"{alias}.published_date >= ?")
            params.append(self.since.isoformat())
        if self.until:
            clauses.append(f"{alias}.published_date <= ?")
            params.append(self.until.isoformat())
        for author in self.authors:  # newsarchive_fold: connection.add_functions
            clauses.append(f"instr(newsarchive_fold({alias}.author), ?) > 0")
            params.append(author)
        for tag in self.tags:  # (a tags cell no JSON array, edited by hand: no tags)
            clauses.append(
                "EXISTS (SELECT 1 FROM json_each(CASE WHEN json_valid("
                f"{alias}.tags) THEN {alias}.tags ELSE '[]' END)"
                " WHERE newsarchive_fold(value) = ?)"
            )
            params.append(tag)
        if self.free_only:
            clauses.append(f"{alias}.access IS NOT 'paid'")
        if self.languages:
            from newsarchive.language_tags import UNKNOWN_LANGUAGE

            tags = [tag for tag in self.languages if tag != UNKNOWN_LANGUAGE]
            either = [f"{alias}.language IN ({','.join('?' * len(tags))})"] if tags else []
            if UNKNOWN_LANGUAGE in self.languages:
                either.append(f"{alias}.language IS NULL")
            clauses.append(f"({' OR '.join(either)})")
            params += tags
        return (" AND ".join(clauses) or "1"), params


@dataclass(frozen=True)
class Prepared:
    """What ``upsert_article`` works out from the article alone (``Preparer``): the
    article as the writer stores it (``_composed``), its lemma columns, the form -> lemma
    pairs met first in making them (for ``lemma_vocab``), its text's story shingles, and
    the key (``archive_key``) of each URL it was prepared with. A bulk writer works them
    out in another process meanwhile (import: ``prepare_ahead``)."""

    article: Article
    lemmas: tuple[str, str]
    forms: dict[str, str]
    shingles: Shingles
    url_keys: dict[str, str]


class Preparer:
    """Makes articles ``Prepared``, with the caches that make it cheap (each word form's
    lemma, each word's hash), which live as long as it does. Needs no archive: any
    process may hold one and send what it makes to the writer."""

    def __init__(self) -> None:
        self._lemmatizer: Lemmatizer | None = None
        self._token_hash: dict[str, int] = {}

    def __reduce__(self) -> tuple[type[Preparer], tuple[()]]:
        """One sent to another process starts there with empty caches (its lemmatizer's
        dictionary is loaded where it is used)."""
        return Preparer, ()

    @property
    def lemmatizer(self) -> Lemmatizer:
        if self._lemmatizer is None:
            from newsarchive.archive.lemmas import Lemmatizer

            self._lemmatizer = Lemmatizer()
        return self._lemmatizer

    def __call__(self, article: Article, *urls: str | None) -> Prepared:
        """``article`` prepared to be archived under ``urls`` (``upsert_article``'s
        ``url`` and ``source_url``)."""
        url_keys = {url: archive_key(url) for url in urls if url}
        return self.composed(_composed(article), url_keys)

    def composed(self, article: Article, url_keys: dict[str, str]) -> Prepared:
        """The same for an article ``_composed`` already, its URLs' keys worked out."""
        words = tokens(article.text)
        lemmatizer = self.lemmatizer
        lemmas = (lemmatizer.lemma_tokens(tokens(article.title)), lemmatizer.lemma_tokens(words))
        forms, lemmatizer.new_pairs = lemmatizer.new_pairs, {}
        hashes = Shingles(shingles(words, self._token_hash))
        return Prepared(article, lemmas, forms, hashes, url_keys)


@dataclass
class Elsewhere:
    """The upserts that found their article archived under another site than the one
    named: kept there, since an address is one article (``rename-site`` moves a site).
    An import and a crawl say so (``said``), where they counted it "unchanged" without a
    word and a user searched ``--site`` for the named id in vain (a profile's id changed
    without ``rename-site``: its crawl found every article "unchanged", archiving none).
    A count and the first, not a list: an import of 200,000 such records holds two."""

    count: int = 0
    # (address, the site it is archived under, the site the caller named)
    first: tuple[str, str, str] | None = None

    def add(self, url: str, archived: str, named: str) -> None:
        self.count += 1
        self.first = self.first or (url, archived, named)

    def said(self, what: str, where: str) -> str | None:
        """The one line for them (None: there were none): ``what`` they are ("imported
        record(s)"), ``where`` they named their site ("in the file")."""
        if self.first is None:
            return None
        url, archived, named = self.first
        return (
            f"{self.count} {what} belong to a site other than the one the archive holds"
            f" their address under, and stay there (first: {url} is {archived}'s here,"
            f" {named}'s {where}); rename-site moves a whole site"
        )


class Dating(NamedTuple):
    """What ``Store.date_undated`` did: rows dated, and of the undated copies those
    dates told apart, how many were folded into them (``Store._fold_undated_copy``). A
    folded copy was counted new when it was archived, on this run or an earlier one; the
    run's summary says how many rows went, so its "new" is not read as rows added."""

    dated: int
    folded: int


class Store:
    """All writes to the archive go through here."""

    def __init__(self, conn: sqlite3.Connection, *, stories: bool = True) -> None:
        """``stories=False`` skips story detection (only to measure what it costs)."""
        self.conn = conn
        self._preparer = Preparer()
        # form -> lemma pairs of prepared articles this store did not write (unchanged):
        # recorded once an article it writes uses the form (``_record_forms``)
        self._unrecorded: dict[str, str] = {}
        self._stories: StoryIndex | None = None
        self._detect = stories
        # a site that changed its domain: new host -> old (``urls.moved_keys``), so an
        # article archived under its old address is the one its new address leads to.
        # Not a second record of the move: the site's ``Discovery.moved`` is (kept across
        # runs, undone by ``Frontier.forget_move``); this is a crawl's index of it, keyed
        # as article keys are, filled where the crawl takes a move up (``SiteCrawl._move``)
        # and, for an import, from every site's recorded moves (``frontier.recorded_moves``)
        self.moves: dict[str, str] = {}
        self._index_inserts = False
        # ids of rows inserted since their index entries were last written (``_index``)
        self._unindexed: list[int] = []
        self._alongside: Callable[[threading.Event], None] | None = None
        # the upserts that found their article under another site (``Elsewhere``)
        self.elsewhere = Elsewhere()

    def take_move(self, origin: str, moved_to: str) -> None:
        """From now on an article at ``moved_to`` is the one archived at the same address
        on ``origin``, the domain its site moved from."""
        new, old = move_hosts(origin, moved_to)
        self.moves[new] = old

    @contextmanager
    def indexing_inserts(
        self, alongside: Callable[[threading.Event], None] | None = None
    ) -> Iterator[None]:
        """Within the caller's open transaction, index each article this store inserts
        with a statement of its own instead of the ``articles_ai`` trigger: a bulk writer's
        (import's) inserts cost half as much (``schema.bulk_indexing`` says why). The
        trigger is back when the block ends, however it ends; only the caller's commit
        makes the rows and their index entries visible, together.

        Only a writer of many inserts in one transaction gains. The crawl and
        ``import-warc`` commit each article (an interrupted run keeps what it archived),
        and every commit flushes FTS5's terms anyway: the trigger's drop and re-creation
        per article made 3,000 of them a quarter slower (3.3 s CPU instead of 2.6 s).
        ``reextract`` rewrites rows (``articles_au``, not this trigger): 3,000 updates
        200 per transaction indexed by statements of their own took 0.84 s against 0.88 s
        by the trigger, within noise, so they keep their triggers.

        The inserted rows are indexed in batches (``_INDEX_BATCH``), each by one statement
        that reads them back: a statement per article bound its text and lemmas again
        (20,000 articles: 1.4 s instead of 1.9 s). Every row is indexed before anything
        may update it (``_index``): the update trigger takes its old terms out.

        ``alongside(stop)`` runs on a second thread while each batch's statement runs
        (SQLite releases the GIL) and returns soon after ``stop`` is set: what the writer
        can do ahead meanwhile (import: receive the next records, ``readahead``). It must not
        touch this connection."""
        with bulk_indexing(self.conn) as by_writer:
            self._index_inserts = by_writer
            self._alongside = alongside
            try:
                yield
                self._index()
            finally:
                self._index_inserts = False
                self._alongside = None
                self._unindexed = []

    def _index(self) -> None:
        """Index the rows inserted since the last call (``indexing_inserts``): before a
        write that may update an archived row, and before the block ends."""
        if not self._unindexed:
            return
        ids = (json.dumps(self._unindexed),)
        if self._alongside is None:
            self.conn.execute(INDEX_INSERTED, ids)
        else:
            stop = threading.Event()
            helper = threading.Thread(target=self._alongside, args=(stop,), daemon=True)
            helper.start()
            try:
                self.conn.execute(INDEX_INSERTED, ids)
            finally:  # (its work is ended, not abandoned: the caller reads what it did)
                stop.set()
                helper.join()
        self._unindexed = []

    def _lemmas(self, title: str, words: list[str]) -> tuple[str, str]:
        """The lemma columns for a title and the text's tokens; records new forms in
        ``lemma_vocab``."""
        lemmatizer = self._preparer.lemmatizer
        lemmas = (lemmatizer.lemma_tokens(tokens(title)), lemmatizer.lemma_tokens(words))
        lemmatizer.flush(self.conn)
        return lemmas

    def _record_forms(self, ready: Prepared) -> None:
        """Record in ``lemma_vocab`` the new word forms of an article this store writes:
        the pairs met first in preparing it, and any met before in an article it did not
        write (``_unrecorded``) that this one uses."""
        pairs = ready.forms
        if self._unrecorded:
            article = ready.article
            used = self._unrecorded.keys() & {*tokens(article.title), *tokens(article.text)}
            pairs = {**pairs, **{form: self._unrecorded.pop(form) for form in used}}
        record_forms(self.conn, pairs)

    def _story(
        self, article_id: int, site: str, words: list[str] | Shingles, previous: str | None
    ) -> None:
        """The one call every writer makes (``upsert_article``, and ``compose_stored``
        respelling a row) to keep stories: ``words`` are the text's tokens, or its
        ``Shingles`` worked out already."""
        if not self._detect:
            return
        old = tokens(previous) if previous is not None else None
        if isinstance(words, Shingles):
            self._story_index().assign_shingles(article_id, site, words, old)
        else:
            self._story_index().assign(article_id, site, words, old)

    def _story_index(self) -> StoryIndex:
        if self._stories is None:
            from newsarchive.archive.stories import StoryIndex

            self._stories = StoryIndex(self.conn)
        return self._stories

    def save_capture(self, page: Page) -> int:
        cur = self.conn.execute(
            "INSERT INTO captures (url, final_url, status, headers, encoding, content, fetched_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                page.url,
                page.final_url,
                page.status,
                json.dumps(page.headers, ensure_ascii=False),
                page.encoding,
                zlib.compress(page.content, 6),
                page.fetched_at.isoformat(),
            ),
        )
        return int(cur.lastrowid or 0)

    def kept_robots(self, urls: list[str]) -> list[Page]:
        """The robots.txt each of ``urls`` (``origin/robots.txt``) answered when a crawl
        last read it (``keep_robots``): what the crawl obeys while robots.txt cannot be
        read (``Fetcher.keep_robots``). Looked up by address, on the captures' index."""
        marks = ", ".join("?" * len(urls))
        rows = self.conn.execute(
            "SELECT url, final_url, status, headers, encoding, content, fetched_at"
            f" FROM captures WHERE url IN ({marks}) AND article_id IS NULL ORDER BY id",
            urls,
        ).fetchall()
        kept: dict[str, Page] = {}
        for url, final_url, status, headers, encoding, content, fetched_at in rows:
            body = zlib.decompress(content) if content is not None else b""
            kept[url] = Page(
                url, final_url, int(status), json.loads(headers or "{}"), body,
                capture_text(body, encoding), encoding or "", fetch_moment(fetched_at),
            )  # fmt: skip
        return list(kept.values())

    def keep_robots(self, pages: list[Page]) -> None:
        """Keep each robots.txt a crawl read (``Fetcher.robots_read``) as a capture with no
        article, in place of the one kept before for its address: the last one read is
        all RFC 9309 (2.4) lets a crawler use, and only while robots.txt is unreachable.
        One row an origin, a few hundred bytes, replaced every night."""
        for page in pages:
            self.conn.execute(
                "DELETE FROM captures WHERE url = ? AND article_id IS NULL", (page.url,)
            )
            self.save_capture(page)
        self.conn.commit()

    def attach_captures(self, capture_id: int, later: list[int]) -> None:
        """The captures of an article's later pages (``extraction.continuation``) belong
        to the article its first page's capture does: re-extraction joins them again."""
        self.conn.executemany(
            "UPDATE captures SET article_id = (SELECT article_id FROM captures WHERE id = ?)"
            " WHERE id = ?",
            [(capture_id, other) for other in later],
        )

    def add_url(self, url: str, found_by: str) -> None:
        """``url`` leads to the article ``found_by`` leads to (it redirects to its page,
        say): ``show`` finds it by ``url``, and a listing's link to ``url`` is known.
        Nothing when no article is found (a page of items in full)."""
        article_id = self.find(found_by)
        if article_id is not None:
            self.conn.execute(
                "INSERT OR IGNORE INTO article_urls (url_key, article_id) VALUES (?, ?)",
                (archive_key(url), article_id),
            )

    def find(self, *urls: str | None) -> int | None:
        """The article any of these URLs (in any spelling) leads to: an item of a page of
        items by its own address, a page's by any fragment a link gave it."""
        keys = [key for url in urls if url for key in (archive_key(url), url_key(url))]
        return self._find_keys(list(dict.fromkeys(keys)))

    def captured_page(self, url: str) -> tuple[str, str] | None:
        """The capture the article archived from ``url`` was read from: the address it
        was answered at and its text as the crawl read it (``capture_text``); None when
        none is archived."""
        article_id = self.find(url)
        if article_id is None:
            return None
        row = self.conn.execute(
            "SELECT c.final_url, c.content, c.encoding FROM articles a"
            " JOIN captures c ON c.id = a.capture_id WHERE a.id = ?",
            (article_id,),
        ).fetchone()
        if row is None or row[1] is None:
            return None
        return str(row[0]), capture_text(zlib.decompress(row[1]), row[2])

    def published_days(self, urls: list[str]) -> dict[str, dt.date]:
        """The day each article archived from one of ``urls`` states (its local calendar
        day, as ISO text keeps it), for those that state one: read for a listing's links
        together, one query per ``PARAMETERS_PER_QUERY`` keys, where a ``find`` and a read per
        link made two look-ups a link on every page of a listing printing no dates."""
        wanted = {url: list(dict.fromkeys((archive_key(url), url_key(url)))) for url in urls}
        keys = list(dict.fromkeys(key for keys in wanted.values() for key in keys))
        published: dict[str, str | None] = {}
        for start in range(0, len(keys), PARAMETERS_PER_QUERY):
            chunk = keys[start : start + PARAMETERS_PER_QUERY]
            published.update(
                self.conn.execute(
                    "SELECT u.url_key, a.published FROM article_urls u"
                    " JOIN articles a ON a.id = u.article_id"
                    f" WHERE u.url_key IN ({', '.join('?' * len(chunk))})",
                    chunk,
                )
            )
        days: dict[str, dt.date] = {}
        for url, keys in wanted.items():
            # (the first key that leads to an article names it, as ``find`` reads them)
            value = next((published[key] for key in keys if key in published), None)
            if value:
                days[url] = dt.date.fromisoformat(value[:10])
        return days

    def date_undated(self, site: str, listed: dict[str, tuple[Published, str]]) -> Dating:
        """Date the archived articles of ``site`` among ``listed`` (URL -> the date a
        listing card or a feed entry gave it, and which of the two, "listing" or "feed")
        whose page stated no date (``date_source`` "none"), as ``with_listed`` dates a page
        read with that date at hand; how many rows it dated. A crawl meets an article's
        card after its page at times: a sitemap (its ``<lastmod>`` no publication date)
        or a feed's older entries queued it, and it was fetched and archived undated,
        before the list printing its date was read. A date the page stated (``jsonld``,
        ``meta``, ``time``, ``text``, ``url``) is never replaced, nor one a card or feed
        gave already, nor is a day after the article's first fetch taken
        (``listed_in_time``). Recorded in place, as a dating newly known is by
        ``upsert_article``: no revision (the article's words are the ones read), no
        re-indexing (``articles_au`` reads no date), ``updated_at`` kept (the version is
        the one fetched then: a capture fetched after it must still read as newer);
        ``published_date`` the date's local day, as every writer stores it, a moment read
        on the readers' clock first (``published.readers_clock``: the article's
        language says whose). How many rows it dated, and how many undated copies of
        them it folded into them (``Dating``). Inside the caller's transaction."""
        wanted = {url: list(dict.fromkeys((archive_key(url), url_key(url)))) for url in listed}
        keys = list(dict.fromkeys(key for keys in wanted.values() for key in keys))
        undated: dict[str, tuple[int, str, str | None]] = {}
        for start in range(0, len(keys), PARAMETERS_PER_QUERY):
            chunk = keys[start : start + PARAMETERS_PER_QUERY]
            undated.update(
                (key, (article_id, fetched, language))
                for key, article_id, fetched, language in self.conn.execute(
                    "SELECT u.url_key, a.id, a.fetched_at, a.language FROM article_urls u"
                    " JOIN articles a ON a.id = u.article_id"
                    f" WHERE u.url_key IN ({', '.join('?' * len(chunk))}) AND a.site = ?"
                    " AND a.published IS NULL AND a.date_source = 'none'",
                    (*chunk, site),
                )
            )
        rows = []
        for url, keys in wanted.items():
            found = next((undated[key] for key in keys if key in undated), None)
            if found is not None:
                rows.append((*found, listed[url]))
        return self._date_rows(site, rows)

    def date_undated_titled(self, site: str, titled: dict[str, tuple[Published, str]]) -> Dating:
        """Date the one archived article of ``site`` that stated no date and is titled as
        each of ``titled``'s headlines (``normal_headline``'d: a card's or feed item's
        whose own link is archived as no article, and the date it gave), as
        ``date_undated`` dates one by its card's address: a news whose own address the
        site answers gone, also served bare under its section (``/kultura/…``, linked
        from an undated box), was archived undated from there, though its home page
        card printed its day beside the headline (composed ``--faults`` seeds 916,
        1110). Not a headline another row of the site bears, dated or not (a weekly
        notice, "Обява за търг"): which one the card meant, its title cannot tell. Every
        title compared as the headline is (``normal_headline``), in one read of the
        site's titles, asked only on a run that left such a headline."""
        from newsarchive.discover.headlines import normal_headline

        if not titled:
            return Dating(0, 0)
        bearing: dict[str, list[tuple[int, str, str | None, bool]]] = {}
        for article_id, title, fetched, language, undated in self.conn.execute(
            "SELECT id, title, fetched_at, language,"
            " published IS NULL AND date_source = 'none' FROM articles WHERE site = ?",
            (site,),
        ):
            head = normal_headline(title or "")
            if head in titled:
                bearing.setdefault(head, []).append((article_id, fetched, language, undated))
        rows = []
        for head, found in bearing.items():
            article_id, fetched, language, undated = found[0]
            if len(found) == 1 and undated:
                rows.append((article_id, fetched, language, titled[head]))
        return self._date_rows(site, rows)

    def _date_rows(
        self, site: str, rows: list[tuple[int, str, str | None, tuple[Published, str]]]
    ) -> Dating:
        """Date each undated row of ``rows`` (its article id, first fetch and language,
        and the date a card or feed entry gave it, with which of the two) as
        ``date_undated`` says, folding its undated copy into it; what it did. A row
        given twice (one article under two of the URLs) takes the first of its dates
        that is in time (``listed_in_time``)."""
        from newsarchive.date_stamps import local_date
        from newsarchive.extraction.published import listed_in_time, readers_clock

        dated: dict[int, tuple[str, str, str]] = {}
        moments: dict[int, Published] = {}
        for article_id, fetched, language, (when, kind) in rows:
            if article_id in dated:
                continue
            # (on the readers' clock, as ``with_listed`` reads it: a Bulgarian page's
            # feed moment in UTC on Sofia's day)
            value = readers_clock(when, language)
            if listed_in_time(value, fetch_moment(fetched)):
                dated[article_id] = (value.isoformat(), local_date(value).isoformat(), kind)
                moments[article_id] = value
        self.conn.executemany(
            "UPDATE articles SET published = ?, published_date = ?, date_source = ?,"
            " date_note = NULL WHERE id = ? AND published IS NULL",
            [(*values, article_id) for article_id, values in dated.items()],
        )
        folded = sum(
            self._fold_undated_copy(site, article_id, value)
            for article_id, value in moments.items()
        )
        return Dating(len(dated), folded)

    def _fold_undated_copy(self, site: str, article_id: int, when: Published) -> bool:
        """Fold into the row ``article_id``, just dated ``when`` (``date_undated``), the
        one undated row of ``site`` that ``_same_content`` finds its copy (the same title,
        author, tags and text), as ``upsert_article`` folds a copy it reads: two undated
        copies of one article (its news and its "Култура" address, a sitemap queuing both
        before the list whose card dates one was read) stay two rows at insert, since
        nothing dates either; the card that dates one now tells the other. Not when the
        words match more than one undated row (a weekly notice: ``_same_content``).

        The row kept is the earlier (the copy read second is the one ``upsert_article``
        would have folded into it), with the date and its account (``OF_PUBLISHED``), and
        the address a reader would cite (``cited_first``), else its own; the other row's
        keys, captures and revisions become its, the other row goes (its FTS row with it:
        ``articles_ad``) and leaves its story (``stories.leave``). Whether a row went."""
        row = self.conn.execute(
            "SELECT title, published, author, tags, text, published_date FROM articles"
            " WHERE id = ?",
            (article_id,),
        ).fetchone()
        same = self._same_content(site, when, row[5], tuple(row[:5]), besides=article_id)
        if same is None or same[2] is not None:
            return False
        kept, gone = sorted((article_id, same[0]))
        self._index()  # (a row inserted in this block is indexed before it goes)
        (kept_url,), (gone_url, gone_source) = (
            self.conn.execute("SELECT url FROM articles WHERE id = ?", (kept,)).fetchone(),
            self.conn.execute(
                "SELECT url, source_url FROM articles WHERE id = ?", (gone,)
            ).fetchone(),
        )
        url = (
            gone_url
            if not gone_source and cited_first(kept_url, gone_url) == gone_url
            else kept_url
        )
        dating = ", ".join(("published", "published_date", *OF_PUBLISHED))
        date = self.conn.execute(
            f"SELECT {dating} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        for table in ("article_urls", "captures", "revisions"):
            self.conn.execute(
                f"UPDATE {table} SET article_id = ? WHERE article_id = ?", (kept, gone)
            )
        self._story_index().forget(gone, tokens(row[4]))
        self.conn.execute("DELETE FROM articles WHERE id = ?", (gone,))  # (its url first)
        self.conn.execute(
            f"UPDATE articles SET url = ?, ({dating}) = ({', '.join('?' * 4)}) WHERE id = ?",
            (url, *date, kept),
        )
        return True

    def archived_url(self, url: str) -> str | None:
        """The address the article ``url`` leads to is archived under (``find``): where
        a link that redirected, or a page naming another as canonical, lives."""
        article_id = self.find(url)
        if article_id is None:
            return None
        row = self.conn.execute("SELECT url FROM articles WHERE id = ?", (article_id,)).fetchone()
        return None if row is None else str(row[0])

    def article_keys(self, site: str) -> frozenset[str]:
        """The keys of every address ``site``'s archived articles are found by (page
        addresses: no item's), but those of an article whose page the site since answered
        gone: read once a run, before its fetching threads start, which ask no SQLite and
        so could not tell a redirect to an article of an earlier run from a new page
        (``Harvester._fetch_batch``). 50,000 articles (75,000 keys) take 0.11 s and 11 MB."""
        rows = self.conn.execute(
            "SELECT u.url_key FROM article_urls u JOIN articles a ON a.id = u.article_id"
            " WHERE a.site = ? AND instr(u.url_key, '#') = 0 AND NOT EXISTS ("
            " SELECT 1 FROM frontier f WHERE f.url_key = u.url_key AND f.state = ?)",
            (site, State.GONE.value),
        )
        return frozenset(key for (key,) in rows)

    def find_item(self, url: str) -> int | None:
        """The article archived under an item's own address (``urls.item_url``), never
        its page's: ``find`` falls back to the page, which may be archived whole."""
        return self._find_keys([archive_key(url)])

    def _find_keys(self, keys: list[str]) -> int | None:
        for key in keys:
            row = self.conn.execute(
                "SELECT article_id FROM article_urls WHERE url_key = ?", (key,)
            ).fetchone()
            if row is not None:
                return int(row[0])
        return None

    def _is_shared(self, key: str) -> bool:
        return (
            self.conn.execute(
                "SELECT 1 FROM shared_canonicals WHERE url_key = ?", (key,)
            ).fetchone()
            is not None
        )

    def _names_another(
        self, article_id: int, fetched_id: int | None, values: tuple[Any, ...]
    ) -> bool:
        """The page's declared canonical URL leads to an article (``article_id``) that the
        URL it was fetched from does not (it leads to ``fetched_id``, or none), with
        another headline and another opening: a CMS naming its category page as every
        article's canonical. An article edited since keeps its opening, a copy (a print
        view) its headline."""
        if fetched_id == article_id:
            return False
        row = self.conn.execute(
            "SELECT title, substr(text, 1, ?) FROM articles WHERE id = ?",
            (_OPENING, article_id),
        ).fetchone()
        title, text = values[0], values[4]
        return row is not None and row[0] != title and row[1] != text[:_OPENING]

    def _claimed(self, article_id: int, values: tuple[Any, ...]) -> bool:
        """The article ``article_id``, fetched from another address (its ``source_url``),
        is another article than ``values``, read at the URL it is archived under: the page
        it was fetched from named this address as its canonical, wrongly (a CMS naming
        the newest article, or a copied template's address, on another article's page).
        Which page came first must not decide which article the address keeps. An article
        published when the row's was is the row's, edited since (a developing story's new
        headline and lead): updated in place, not split off."""
        row = self.conn.execute(
            "SELECT source_url, published FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None or row[0] is None or (row[1] is not None and row[1] == values[1]):
            return False
        return self._names_another(article_id, None, values)

    def _taken(self, fetched_id: int, keys: list[str], values: tuple[Any, ...]) -> bool:
        """The article ``fetched_id`` the fetched address (``keys[1]``) leads to, not the
        one its declared canonical (``keys[0]``) does, was archived there from another
        address and is another article (``_claimed``): a CMS naming the next article as
        each article's canonical chained every article into one row, each read in turn
        updating the one before ("identity": four articles, one row, the last one's)."""
        if self._find_keys(keys[:1]) == fetched_id:
            return False  # (the canonical's own article: this page, edited or not)
        row = self.conn.execute(
            "SELECT source_url FROM articles WHERE id = ?", (fetched_id,)
        ).fetchone()
        if row is None or row[0] is None or archive_key(row[0]) == keys[1]:
            return False  # (read from this very address before: this page)
        return self._claimed(fetched_id, values)

    def _share(self, key: str, site: str, article_id: int) -> None:
        """Mark ``key`` as naming no article but the one that lives there, and give the
        article archived under it the URL it was fetched from, if that was another: a
        page at that very URL keeps it (another page naming it is the broken one)."""
        self.conn.execute(
            "INSERT OR IGNORE INTO shared_canonicals (url_key, site, found_at) VALUES (?, ?, ?)",
            (key, site, now_iso()),
        )
        row = self.conn.execute(
            "SELECT url FROM articles WHERE id = ? AND source_url IS NOT NULL", (article_id,)
        ).fetchone()
        if row is None:
            return
        self.conn.execute(
            "UPDATE articles SET url = source_url, source_url = NULL WHERE id = ?", (article_id,)
        )
        # the address the article leaves: ``key``, unless ``key`` found it as the one it
        # was fetched from (``/a`` archived under ``/b``, which its page named; then
        # another page naming ``/a``): ``/a`` stays its key, and ``/b`` is left for the
        # page read there, which found the article at ``/a`` by it and overwrote it
        self.conn.execute(
            "DELETE FROM article_urls WHERE url_key = ? AND article_id = ?",
            (archive_key(row[0]), article_id),
        )

    def _same_content(
        self,
        site: str,
        when: Published | None,
        pdate: str | None,
        values: tuple[Any, ...],
        besides: int | None = None,
    ) -> tuple[int, str, str | None, str | None] | None:
        """(id, url, published, published_date) of the one article of ``site`` this page
        (dated ``when``, on the day ``pdate``) is, read at an address it names no
        canonical for: the same title, author, tags and text, and a day that agrees.
        An old CMS's "/novini/12/" and "detail.php?ID=12"; one article filed under two
        categories' addresses ("/kultura/x" beside "/novini/x"), the news list's card
        dating the one and the second category's box the other not at all.

        The day agrees when both copies state it (any hour of it: the row keeps its
        own), or when one of them states none: an undated copy is the dated one,
        unless its words match more than one row of the other kind (a weekly notice
        with the same text each week: which week's this copy is, nothing says), and
        an undated row takes a day only if it is not after the row's first fetch
        (``listed_in_time``: a page read before that day was no copy of its post).
        Two undated copies stay apart, as two dated on different days do: the same
        notice posted again, on a day the copies do not tell. A dated page is looked
        up through the index by site and day, an undated one through the index by site
        and title (``articles_site_title``): one short lookup per new article. ``besides``:
        a row that is this page itself, left out (``_fold_undated_copy``)."""
        from newsarchive.extraction.published import listed_in_time

        title, published, author, tags, text = values
        same = "id IS NOT ? AND title = ? AND author IS ? AND tags = ? AND text = ?"
        words = (besides, title, author, tags, text)
        if pdate is not None:
            for article_id, url, was in self.conn.execute(
                "SELECT id, url, published FROM articles WHERE site = ?"
                f" AND published_date = ? AND {same} ORDER BY published IS NOT ?, id LIMIT 1",
                (site, pdate, *words, published),
            ):
                return int(article_id), str(url), was, pdate
            where = "published_date IS NULL AND published IS NULL"
        else:
            where = "published_date IS NOT NULL"
        found = self.conn.execute(
            "SELECT id, url, published, published_date, fetched_at FROM articles"
            f" WHERE site = ? AND {where} AND {same} ORDER BY id LIMIT 2",
            (site, *words),
        ).fetchall()
        if len(found) != 1:
            return None
        article_id, url, was, day, fetched = found[0]
        if when is not None and not listed_in_time(when, fetch_moment(fetched)):
            return None
        return int(article_id), str(url), was, day

    def _twin(
        self, keys: list[str], values: tuple[Any, ...], pdate: str | None
    ) -> tuple[int, str, str | None] | None:
        """(id, url, published) of the article archived at an address that is one of
        ``keys`` with ``index.php/`` put in or taken out (``front_controller_twins``), or
        ``.aspx`` (``extension_twins``), if the page read there is this one: the same
        title, date (or none), author, tags and text. An undated page beside an undated
        row is found so too, which ``_same_content`` leaves apart (one text posted each
        week at a new address is a notice each week): the one route of one CMS is no new
        posting. Its date is
        the same day given with or without the time: the page states the day alone, and
        the feed that led to one of the two addresses (a Kentico feed prints the legacy
        ``.aspx``, the list the route) gave that one its hour."""
        twins = [
            twin for key in keys for twin in (*front_controller_twins(key), *extension_twins(key))
        ]
        article_id = self._find_keys(twins) if twins else None
        if article_id is None:
            return None
        title, published, author, tags, text = values
        for url, was in self.conn.execute(
            "SELECT url, published FROM articles WHERE id = ? AND title = ?"
            " AND (published IS ? OR published_date = ? AND (published = published_date OR ? = ?))"
            " AND author IS ? AND tags = ? AND text = ?",
            (article_id, title, published, pdate, published, pdate, author, tags, text),
        ):
            return article_id, str(url), was
        return None

    def _reslugged(self, site: str, key: str, pdate: str, text: str) -> int | None:
        """The article archived at ``key``'s id under another slug (``id_slug_prefix``),
        if it is this one with its headline edited: of the same site and day, its text
        mostly this one's (``SAME_BODY``), and the only one so. Its row takes the new
        address (the old one now redirects there) and keeps the old as a key, so the edit
        is a revision, not a second row. Found through the keys' index by their start."""
        prefix = id_slug_prefix(key)
        if prefix is None:
            return None
        found = {
            int(article_id)
            for article_id, other, was_site, day, was in self.conn.execute(
                "SELECT u.article_id, u.url_key, a.site, a.published_date, a.text"
                " FROM article_urls u JOIN articles a ON a.id = u.article_id"
                " WHERE u.url_key > ? AND u.url_key < ?",
                (prefix, prefix[:-1] + "."),
            )
            if other != key
            and not any(mark in other[len(prefix) :].removesuffix("/") for mark in "/?#")
            and (was_site, day) == (site, pdate)
            and SequenceMatcher(None, was, text).ratio() >= SAME_BODY
        }
        return found.pop() if len(found) == 1 else None

    def upsert_article(
        self,
        article: Article | Prepared,
        *,
        site: str,
        url: str,
        source_url: str | None = None,
        fetched_at: str | None = None,
        capture_id: int | None = None,
        extractor: str | None = None,
        unsaid: Collection[str] = (),
    ) -> str:
        """Insert or update the article ``url`` or ``source_url`` leads to.

        Returns "new", "updated" or "unchanged". The newest canonical URL wins (a site
        that moves to https renames its articles), and both URLs are remembered as keys.
        The lemma columns the search index reads are filled here, at write time.

        Only the extracted fields are compared; when they changed, the version they
        replace is kept in ``revisions`` first. A capture older than the current version
        (an old WARC) goes straight to ``revisions`` and the current version stays.
        ``extractor`` (provenance) defaults to this release's extractor when the article
        comes from a capture, to none (an import) otherwise. ``article`` may come
        ``prepared`` already.

        ``unsaid``: the ``RECORDED_BESIDE`` columns and the article's own fields
        (``REVISION_FIELDS``) an imported record holds no key for; the row keeps its
        values of them, and a new row has the empty default. A key present with null is
        a statement, and is stored: a newer export's ``"modified": null`` says the page
        gave no modified date. An older export that never had the field says nothing:
        imported over a newer archive, it set the row's ``modified``, ``date_note`` and
        ``date_source`` to NULL (and a hand-made record without a title or text, the
        row's title or text to "").
        What describes the date (``models.OF_PUBLISHED``) is kept only while the row's
        ``published`` stays: beside another date it would describe one it never saw.
        """
        from newsarchive.archive import revisions
        from newsarchive.date_stamps import local_date
        from newsarchive.extractor_version import EXTRACTOR_VERSION

        if extractor is None and capture_id is not None:
            extractor = EXTRACTOR_VERSION
        if isinstance(article, Prepared):
            ready: Prepared | None = article
            url_keys = article.url_keys
            article = article.article
        else:
            # the rest (lemmas, shingles) only for a row written below: a crawl's re-fetch
            # of an unchanged article pays no lemmatizing
            ready, article, url_keys = None, _composed(article), {}

        fetched = fetched_at or now_iso()
        source_url = source_url if source_url and source_url != url else None
        published = article.published.isoformat() if article.published else None
        pdate = local_date(article.published).isoformat() if article.published else None
        tags = json.dumps(list(article.tags), ensure_ascii=False) if article.tags else "[]"
        values = (article.title, published, article.author, tags, article.text)
        # What the page says of its dates besides ``published`` and whether it is paid
        # (``RECORDED_BESIDE``): recorded, but never by itself a change of the article (no
        # revision, not "updated"): rows archived before v11 (v31: ``access``) hold NULL
        # there, and the first crawl after the upgrade must not report every article it
        # fetches again as changed. (Which rule dated it, ``date_source``, counts
        # "updated" when newly known, as before.)
        beside = {column: _stored(getattr(article, column)) for column in RECORDED_BESIDE}
        # (once: it parses the URL; worked out ahead with the article, when it was)
        keys = [url_keys.get(u) or archive_key(u) for u in (url, source_url) if u]
        # (a record without its title or text cannot tell its article from another)
        said_whole = not {"title", "text"} & set(unsaid)
        if source_url and self._is_shared(keys[0]):
            url, source_url, keys = source_url, None, keys[1:]
        article_id = self._find_keys(keys)
        if source_url and article_id is not None:
            self._index()  # (``_share`` may update the row)
            # (the fetched URL's own article, looked up once: ``_share`` leaves its key be)
            fetched_id = self._find_keys(keys[1:])
            if fetched_id is not None and self._taken(fetched_id, keys, values):
                # this page's own address, archived first as the canonical another
                # article's page named (``/a`` declaring ``/b``, ``/b`` declaring ``/c``):
                # the address is this page's, that article keeps the one it came from
                self._share(keys[1], site, fetched_id)
                fetched_id = self._find_keys(keys[1:])
                article_id = self._find_keys(keys)
            if article_id is not None and self._names_another(article_id, fetched_id, values):
                self._share(keys[0], site, article_id)
                url, source_url, keys = source_url, None, keys[1:]
                article_id = fetched_id
        elif article_id is not None and said_whole and self._claimed(article_id, values):
            # the page at this very address, another article archived there first by a
            # page that only named it (``/a`` declaring ``/b``): the address is this page's
            self._index()  # (``_share`` updates the row)
            self._share(keys[0], site, article_id)
            article_id = self._find_keys(keys)
        former = [k for key in keys for k in moved_keys(key, self.moves)]
        if article_id is None and former:  # archived before its site moved to this domain
            article_id = self._find_keys(former)
        kept_date = False  # (the row's date and ``OF_PUBLISHED`` stand: ``_same_content``)
        if article_id is None and capture_id is not None:
            # a fetched page only: an import's records are one per article already
            twin = self._twin(keys, values, pdate)
            if twin is not None and twin[2] != published and published == pdate:
                # the row's hour, from the feed that led to its address, is kept: this
                # page states the day alone, and the day is the same
                published = twin[2]
                values = (article.title, published, *values[2:])
            copy = twin[:2] if twin is not None else None
            if copy is None and (
                same := self._same_content(site, article.published, pdate, values)
            ):
                copy = same[:2]
                if same[2] is None and published is not None:
                    # the row, undated, takes this copy's date (a card or feed of this
                    # address gave it): in place, as ``date_undated`` dates a row, and
                    # this copy's account of it (``OF_PUBLISHED``) with it, below
                    self.conn.execute(
                        "UPDATE articles SET published = ?, published_date = ?"
                        " WHERE id = ? AND published IS NULL",
                        (published, pdate, same[0]),
                    )
                elif same[2] != published:  # the row's date stands, and its account of
                    # it: this copy states none, or the same day at another hour
                    kept_date = True
                    published, pdate = same[2], same[3]
                    values = (article.title, published, *values[2:])
            if copy is not None:  # one article under a second address: the row keeps
                # the one a reader would cite (``cited_first``), else the first it had
                article_id, first = copy
                if source_url or cited_first(first, url) != url:
                    url = first
            elif pdate is not None:  # or its headline edited, and the address with it
                article_id = self._reslugged(site, keys[0], pdate, article.text)
        row = None
        if article_id is not None:
            self._index()  # (an inserted row, updated below, must be indexed first)
            row = self.conn.execute(_ROW, (article_id,)).fetchone()
            if row is not None and row[7] != site:
                self.elsewhere.add(url, row[7], site)
            if row is not None and not source_url and cited_first(row[0], url) == row[0]:
                # a page that states no canonical, read again at an address of its row's
                # it is not cited by (the feed's ``?id=``): the row keeps the better one
                url = row[0]
        was = dict(zip(RECORDED_BESIDE, row[8:], strict=True)) if row is not None else {}
        if row is not None and (kept := [f for f in REVISION_FIELDS if f in unsaid]):
            # a hand-made record without a title, text, author, tags or date says nothing
            # of it: each was set empty on the row (an export never lacks them)
            article = _unsaid_kept(article, kept, row[1:6])
            if ready is not None and not said_whole:  # (its words are the row's now)
                ready = self._preparer.composed(article, url_keys)
            published = row[2] if "published" in kept else published
            pdate = local_date(article.published).isoformat() if article.published else None
            tags = row[4] if "tags" in kept else tags
            values = (article.title, published, article.author, tags, article.text)
        if unsaid and row is not None:
            beside.update(_kept(unsaid, was, same_date=row[2] == published))
        if kept_date and was:
            beside.update({column: was[column] for column in OF_PUBLISHED})
        for column in ("access", "language"):
            if beside[column] is None and was:
                # (unknown, never "free": the extraction says paid or free of every page,
                # and a null is a row from before v31 exported, or an item read from a
                # page of full items: neither unsays what the row knows, which
                # --free-only reads; nor does a null language, which --lang reads)
                beside[column] = was[column]
        if beside["language"] is None:
            beside["language"] = _told_language(article)
        if article_id is None or row is None:
            ready = ready or self._preparer.composed(article, url_keys)
            self._record_forms(ready)
            cur = self.conn.execute(
                _INSERT_ARTICLE,
                (site, url, *values[:2], pdate, *values[2:], *ready.lemmas,
                 fetched, fetched, source_url, capture_id, extractor, *beside.values()),
            )  # fmt: skip
            article_id = int(cur.lastrowid or 0)
            if self._index_inserts:  # what articles_ai would index, a batch at a time
                self._unindexed.append(article_id)
                if len(self._unindexed) >= _INDEX_BATCH:
                    self._index()
            self._story(article_id, site, ready.shingles, None)
            outcome = "new"
        elif tuple(row[1:6]) == values:
            # the same article; only which rule dated it may be newly known (an archive
            # from before date_source): recorded in place, no revision, no re-indexing
            # (so is a new modified date or note, ``RECORDED_BESIDE``, which stays "unchanged")
            outcome = "unchanged" if was["date_source"] == beside["date_source"] else "updated"
            self._unrecorded.update(ready.forms if ready else {})  # (indexed as they were)
            if (row[0], *was.values()) != (url, *beside.values()):  # any UPDATE
                # (a canonical newly declared keeps the address the page was fetched from
                # beside it, as a new row does: ``_share`` gives it back should the
                # canonical turn out to be one every article names)
                self.conn.execute(  # (no re-indexing: ``articles_au`` fires on text only)
                    f"UPDATE articles SET url = ?, {_SET_BESIDE},"
                    " source_url = COALESCE(?, source_url) WHERE id = ?",
                    (url, *beside.values(), source_url, article_id),
                )
        elif capture_id is not None and _earlier(fetched, row[6]):
            # A capture older than the current version (an old WARC imported late): it is
            # history, not news; the current version stays.
            revisions.keep_older(
                self.conn, article_id, values, seen_at=fetched, replaced_at=row[6],
                capture_id=capture_id, extractor=extractor,
            )  # fmt: skip
            self._unrecorded.update(ready.forms if ready else {})
            outcome = "unchanged"
        else:
            ready = ready or self._preparer.composed(article, url_keys)
            self._record_forms(ready)
            revisions.keep(self.conn, article_id, replaced_at=fetched)
            self.conn.execute(
                "UPDATE articles SET url = ?, title = ?, published = ?, published_date = ?,"
                " author = ?, tags = ?, text = ?, title_lemmas = ?, text_lemmas = ?,"
                f" updated_at = ?, capture_id = ?, extractor = ?, {_SET_BESIDE},"
                " source_url = COALESCE(?, source_url) WHERE id = ?",
                (url, *values[:2], pdate, *values[2:], *ready.lemmas,
                 fetched, capture_id, extractor, *beside.values(), source_url, article_id),
            )  # fmt: skip
            self._story(article_id, site, ready.shingles, row[5])
            outcome = "updated"
        self.conn.executemany(
            "INSERT OR IGNORE INTO article_urls (url_key, article_id) VALUES (?, ?)",
            [(key, article_id) for key in (*keys, *former)],
        )
        if capture_id is not None:
            self.conn.execute(
                "UPDATE captures SET article_id = ? WHERE id = ?", (article_id, capture_id)
            )
        return outcome

    def compose_stored(self) -> int:
        """Compose the words of every row an older release stored as the page spelled them
        (``lemmas.composed``; what ``upsert_article`` writes today); returns how many rows
        changed. Such a row was indexed by those spellings ("раи" + "н" for a decomposed
        "район"), so no query found the word until the row was written again, and an
        imported row never is. Each changed row keeps what it stored as a revision (a
        stress mark or a Latin letter is what the page said: not lost), is re-indexed
        (``articles_au``) with its lemma columns and story keys. Its ``updated_at`` stays:
        the version is the one fetched then, respelled, and a capture fetched after it (a
        WARC imported later) must still read as newer (``_earlier``), not as history. Rows
        are read a batch at a time; its own output is left as it is (``composed`` is its
        own fixed point), so a second run changes nothing. Inside the caller's
        transaction."""
        from newsarchive.archive import revisions

        when = now_iso()
        changed = last = 0
        while rows := self.conn.execute(
            "SELECT id, site, title, author, tags, text FROM articles WHERE id > ?"
            " ORDER BY id LIMIT ?",
            (last, _COMPOSE_BATCH),
        ).fetchall():
            last = rows[-1][0]
            for article_id, site, *stored in rows:
                spelled = _composed_row(*stored)
                if spelled == tuple(stored):
                    continue
                title, author, tags, text = spelled
                words = tokens(text)
                revisions.keep(self.conn, article_id, replaced_at=when)
                self.conn.execute(
                    "UPDATE articles SET title = ?, author = ?, tags = ?, text = ?,"
                    " title_lemmas = ?, text_lemmas = ? WHERE id = ?",
                    (title, author, tags, text, *self._lemmas(title, words), article_id),
                )
                self._story(article_id, site, words, stored[3])
                changed += 1
        return changed

    def start_run(self, site: str) -> int:
        cur = self.conn.execute(
            "INSERT INTO runs (site, started_at) VALUES (?, ?)", (site, now_iso())
        )
        self.conn.commit()
        return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, counts: dict[str, int], status: int) -> None:
        self.conn.execute(
            "UPDATE runs SET finished_at = ?, requests = ?, pages = ?, new = ?, updated = ?,"
            " errors = ?, status = ?, unchanged = ?, gone = ?, skipped = ? WHERE id = ?",
            (
                now_iso(),
                counts.get("requests", 0),
                counts.get("pages", 0),
                counts.get("new", 0),
                counts.get("updated", 0),
                counts.get("errors", 0),
                status,
                counts.get("unchanged", 0),
                counts.get("gone", 0),
                counts.get("skipped", 0),
                run_id,
            ),
        )
        self.conn.commit()


def _stored(value: object) -> object:
    """An article's field as its column stores it: a date (``modified``) in ISO form."""
    return value.isoformat() if isinstance(value, dt.date) else value


def _unsaid_kept(article: Article, kept: list[str], stored: tuple[Any, ...]) -> Article:
    """``article`` with the row's values (``stored``: its ``REVISION_FIELDS`` as the
    columns hold them) of the fields ``kept``, which its record did not say."""
    from newsarchive.date_stamps import stored_published

    row = dict(zip(REVISION_FIELDS, stored, strict=True))
    values: dict[str, Any] = {field: row[field] for field in kept}
    if "published" in values:
        values["published"] = stored_published(row["published"]) if row["published"] else None
    if "tags" in values:
        values["tags"] = tuple(stored_tags(row["tags"]))
    return replace(article, **values)


def _told_language(article: Article) -> str:
    """The language of an article its writer states none of and its row records none
    of (import-jsonl's record without one, an export from before v34), by the crawl's
    rule (``told_language``): stored as none, it was "unknown", and ``search --lang bg``
    left out every imported article."""
    return told_language(article.title, article.text)


def told_language(title: str, text: str) -> str:
    """The language of an archived title and text no page declares one for, by the
    crawl's rule (``text_language.article_language``): the one reading of it for the
    writer and for ``reextract``'s rows that no stored page tells."""
    from newsarchive.extraction.text_language import article_language

    return article_language(text, (), title)


def _kept(unsaid: Collection[str], was: dict[str, Any], *, same_date: bool) -> dict[str, Any]:
    """The row's values (``was``) of the ``RECORDED_BESIDE`` columns a record does not
    say (``unsaid``), those describing its date (``models.OF_PUBLISHED``) only while the
    row's ``published`` stays (``same_date``): ``upsert_article``'s rule."""
    return {
        column: value
        for column, value in was.items()
        if column in unsaid and (same_date or column not in OF_PUBLISHED)
    }


def _stored_words(text: str) -> str:
    """One field as the archive stores it: free of a terminal's escape sequences and of
    other controls (``safe_text.for_archive``: "\\x1b[31mчервено" was indexed as
    "31mчервено"), its words as the index reads them (``lemmas.composed``)."""
    return composed(for_archive(text))


def _composed(article: Article) -> Article:
    """The article with its words as the index reads them (``_stored_words``): every
    writer (crawl, reextract, both imports) comes through ``upsert_article``. A byline or
    tag that was nothing but controls is none."""
    title, text = _stored_words(article.title), _stored_words(article.text)
    author = (_stored_words(article.author) or None) if article.author else article.author
    tags = tuple(filter(None, map(_stored_words, article.tags)))
    if (title, text, author, tags) == (article.title, article.text, article.author, article.tags):
        return article  # (the common case: a copy per article was 2% of an import)
    return replace(article, title=title, text=text, author=author, tags=tags)


def _composed_row(
    title: str, author: str | None, tags: str, text: str
) -> tuple[str, str | None, str, str]:
    """A stored row's fields as ``_composed`` spells an article's. A tags cell keeps its
    own form unless a tag changes (one typed by hand, not as JSON, stays as typed)."""
    listed = stored_tags(tags)
    spelled = list(filter(None, map(_stored_words, listed)))
    if spelled != listed:
        tags = json.dumps(spelled, ensure_ascii=False)
    author = (_stored_words(author) or None) if author else author
    return _stored_words(title), author, tags, _stored_words(text)


def _earlier(fetched: str, updated_at: str) -> bool:
    """``fetched`` is before ``updated_at`` (ISO timestamps, offsets compared properly)."""
    try:
        return dt.datetime.fromisoformat(fetched) < dt.datetime.fromisoformat(updated_at)
    except (TypeError, ValueError):  # a naive and an aware time, or a malformed one
        return False


def stored_tags(stored: str | None) -> list[str]:
    """The tags column (a JSON array, as the writer stores it) as a list.

    The archive opens in sqlite3 and Datasette, where a researcher may write "a, b" by
    hand: one such cell made every export, ``show`` and article page an internal error.
    What is no JSON array of strings is kept as one tag, as written, so nothing is lost;
    a JSON string (``"съвет"``, as a hand typing JSON writes one tag) is that tag, its
    quotes being JSON's, not the tag's.
    """
    if not stored:
        return []
    try:
        tags = json.loads(stored)
    except ValueError:
        return [stored]
    if isinstance(tags, list):
        return [tag if isinstance(tag, str) else json.dumps(tag) for tag in tags]
    if isinstance(tags, str):
        return [tags] if tags else []
    return [stored]


def article_row(row: sqlite3.Row | tuple[Any, ...]) -> dict[str, Any]:
    """An ``ARTICLE_COLUMNS`` row as the JSON object export and ``show`` print."""
    record = dict(zip(ARTICLE_COLUMNS, row, strict=True))
    record["tags"] = stored_tags(record["tags"])
    return record


def iter_articles(conn: sqlite3.Connection, filters: Filters) -> Iterator[dict[str, Any]]:
    """Articles in archive order (oldest first by id) for export."""
    where, params = filters.sql()
    for row in conn.execute(f"SELECT {_SELECT} FROM articles WHERE {where} ORDER BY id", params):
        yield article_row(row)


def as_pasted(id_or_url: str) -> list[str]:
    """What ``show`` (and a search's no-match hint, ``search.no_match``) looks up for an
    id or URL as a researcher pastes it: without the
    spaces or newline copied around it (a URL without its scheme, as an address bar shows
    it, read as https), then (a URL only, tried last so an article archived under the
    exact spelling always wins) with its path's last slash added or taken away: the
    difference a browser's bar or a hand-typed link makes, which no URL spelling rule of
    the crawl may erase (a site can serve two pages there)."""
    typed = id_or_url.strip()
    scheme, sep, rest = typed.partition("://")
    host, slash, path = (rest if sep else typed).partition("/")
    if "." not in host or not slash:
        return [typed]
    scheme = scheme if sep else "https"  # "www.x.bg/a" as the bar shows it: http(s) is one key
    spelled = f"{scheme}://{host}/{path}"
    if not path or "?" in path or "#" in path:
        return list(dict.fromkeys([typed, spelled]))
    other = path[:-1] if path.endswith("/") else path + "/"
    return list(dict.fromkeys([typed, spelled, f"{scheme}://{host}/{other}"]))


def get_article(
    conn: sqlite3.Connection, id_or_url: str, *, provenance: bool = False
) -> dict[str, Any] | None:
    """One article by numeric id or by any URL that leads to it, in any spelling.

    ``provenance`` adds ``PROVENANCE_COLUMNS`` (what ``show`` prints) from the same read
    of the row. An article is found at the exact address it is stored under when no key
    leads to it: an archive an older release keyed otherwise, read as it is (a read-only
    one, ``connection.read_old_schema``), said "no article" of ``/novini/5/index.html``
    while its row held that very URL (keyed so before schema v26)."""
    extra = "".join(f", articles.{c}" for c in PROVENANCE_COLUMNS) if provenance else ""
    read = f"SELECT {_SELECT}{extra} FROM articles WHERE id = ?"
    by_id = id_or_url.isascii() and id_or_url.isdigit()  # ("²" is a digit to isdigit)
    if by_id:  # an id SQLite can hold (int64), or none: a longer one overflowed the query
        article_id = int(id_or_url) if len(id_or_url) <= 18 else None
    else:
        article_id = Store(conn).find(id_or_url)
    found = None if article_id is None else conn.execute(read, (article_id,)).fetchone()
    if found is None and not by_id:
        read = f"SELECT {_SELECT}{extra} FROM articles WHERE url = ?"
        found = conn.execute(read, (id_or_url,)).fetchone()
    if found is None:
        return None
    record = article_row(found[: len(ARTICLE_COLUMNS)])
    if provenance:
        record.update(zip(PROVENANCE_COLUMNS, found[len(ARTICLE_COLUMNS) :], strict=True))
    return record
