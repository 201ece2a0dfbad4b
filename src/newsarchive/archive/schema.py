"""Create and migrate the archive schema (``PRAGMA user_version`` counts migrations).

Plain SQLite only (built-in ``unicode61`` tokenizer, no extensions) so the file opens in
the sqlite3 shell and in Datasette. Search is one external-content FTS5 table,
``articles_fts`` (the ``<table>_fts`` name Datasette looks for), over four columns of
``articles``: the original ``title`` and ``text``, and ``title_lemmas``/``text_lemmas``,
the dictionary forms of the words whose form differs (filled by ``Store.upsert_article``).
``lemma_vocab`` keeps the archive's own form → lemma map so queries never need the
lemmatizer's dictionary.

Migrations, in ``MIGRATIONS`` order. The re-keying steps (``Rekey``) and the respelling
steps (``Respell``) each apply today's rules, not their own version's alone, so an upgrade
makes each pass once, at its first step due (``_due``), however many it crosses:

* v2: the sqlite-utils made two-column index and its triggers are replaced by the
  four-column one; existing articles get their lemma columns and the index is rebuilt.
* v3: ``articles.date_source`` (which rule gave ``published``: jsonld, meta, time,
  text, url, feed, listing, none), so an analyst can filter out weakly dated articles;
  rows archived before keep NULL there: their source was never recorded.
* v4: one URL identity (``discover.urls.url_key``). ``article_urls`` maps every key that
  led to an article (its canonical URL, the URL it was fetched from) to the article;
  articles that the identity makes one are merged, newest text kept, their captures
  re-linked (``captures.article_id``); the frontier is keyed by URL key; listing walks
  remember whether they ever reached their natural end; a sitemap read in full keeps the
  ``lastmod`` its index gave it (``fetch_state.lastmod``), so an unchanged one is skipped;
  ``site_discovery`` keeps what exploring a site found (feeds, sitemaps, listings).
* v5: a research record. ``articles.extractor`` names the extractor version that made the
  current text (NULL: imported, or archived before v5); ``revisions`` keeps every earlier
  version of an article's extracted fields, so a silent edit never erases what a page
  said. Nothing is rewritten: older articles simply have no revisions yet. Captures are
  indexed by article (an article's history, a recheck's validators, the WARC export).
* v6: stories (``archive.stories``): ``article_stories`` gives each article that shares
  its story with others the story id (an article alone is its own story, by its id);
  ``story_keys`` is the candidate index of sampled shingles. Existing articles are
  assigned oldest first.
* v7: captures are indexed by their final URL and fetch time, which ``import-warc``
  asks of every record (is this exact capture archived already?): without it each
  record scanned the whole table, 12 ms a record at 20,000 captures.
* v8: the two article indexes by site and by date hold every column a search by filters
  alone reads (``site:bta``, ``author:…``, ``since:…``: the filters, and ``published``
  for the order), so it never reads the article rows it only sorts: ``site:bta`` over
  200,000 articles took 190 ms reading 50,000 rows, 36 ms from the index.
  ``articles_site_date`` and ``articles_date`` are dropped: the new ones start with
  their columns.
* v9: ``shared_canonicals`` holds the URL keys that pages with different articles all
  declared as their canonical URL (a CMS that names a category page so): such a URL
  names no article, and each page is archived under the URL it was fetched from.
* v10: keys and URLs written while session ids were part of a URL (``PHPSESSID``,
  ``;jsessionid=``, a token-like ``sid``) are re-keyed by today's rule, and the rows it
  makes one article merged, every version kept (``archive.rekey``, which says why a
  crawl cannot do it).
* v11: ``articles.modified`` (when the page says it last changed, ISO like
  ``published`` and kept apart from it) and ``articles.date_note`` (``models.DATE_NOTES``:
  "modified-only" when the page showed only that, "guessed" when ``published`` is a guess,
  NULL when it is as its source states), so an analyst can tell a publication date from
  a "last updated" stamp or a guess. Existing rows keep NULL in both: their notes were
  never recorded. ``reextract`` fills them from the archived captures (a crawl fills
  each article it fetches again), without counting the row as changed.
* v12: the keys are brought under today's identity once more (``archive.rekey``, as in
  v10): a link through the site's own redirector (``/go.php?url=/novini/5``) is the
  address it names, and a Joomla article's address is one whatever menu (``Itemid``),
  category or slug the link gave it (``urls.url_key``). Rows archived under the old keys
  (a sidebar's ``Itemid`` beside the blog's, a redirector beside the article) are
  merged, the newest version kept and every other one a revision; so is a row archived
  under the address its fetch was redirected from (``/go?id=5``) with the row of the
  address the server sent it to (``/novini/5``).
* v13: the words of rows written before titles, texts, bylines and tags were stored
  composed (``lemmas.composed``: NFC, no stress marks, a Latin look-alike inside a
  Cyrillic word made Cyrillic) are composed and re-indexed, what they stored kept as a
  revision (``Store.compose_stored``): until then a composed query missed them, and an
  imported row, which no ``reextract`` rewrites, for good.
* v14: ``listing_walks.cut_since`` and ``cut_pages``: the ``--since`` or ``--max-pages``
  that ended a walk short of its natural end (``discover.walk.WalkState``), so a nightly
  run keeping that option asks the listing's first page with its validators and stops
  at a 304, instead of asking it whole and the page the cut stopped at again each night.
  Existing walks keep NULL/0: a cut they met before was never recorded, so the next run
  with an option walks on as before and records it. ``frontier.old_since``: the
  ``--since`` a URL settled as older was older than, so a run with an older one fetches
  it again (it was skipped as old by any ``--since``); NULL on rows settled before.
* v15: ``listing_walks.judged``: whether a completed walk's listing order was told
  (``discover.walk.WalkState.judged``). v14 wrote it as ``resume_page`` 0 on a completed
  walk with no resume point, a page number that was no page; that walk is now page 1
  and judged, and so is any walk not completed or resuming somewhere; a completed walk
  an older release left at page 1, before walks told the order, is not (0), and its
  next run tells it.
* v16: the keys are brought under today's identity once more (``archive.rekey``, as in
  v12): an ``&`` a CMS escaped twice in its links (``?id=5&amp;amp;kat=1``) is the ``&``
  its feed and sitemap write (``urls.normalize_url``), where older releases keyed the
  field ``amp;kat``: each such article was fetched again under today's key as a new row.
* v17: the keys are brought under today's identity once more (``archive.rekey``, as in
  v16): a referrer's tag is no part of an address (``?ref=rss``, Ghost's
  ``?ref=<host>``, a newsletter's ``?ref=<name>``, a tweet's ``?ref_src=``;
  ``urls.normalize_url``), nor a return address a portal writes into its links
  (Liferay's ``?redirect=<the list page>``, ASP.NET's ``ReturnUrl``), where older
  releases queued and archived an article under each spelling its links gave it.
* v18: the keys are brought under today's identity once more (``archive.rekey``, as in
  v17): Google Analytics' older cross-domain linker (``?_ga=2.…``), HubSpot's and
  Marketo's e-mail tags and Facebook's share tags are tracking (``urls.TRACKING_PARAMS``),
  where older releases archived an article under the tagged address a sitemap gave it.
* v19: ``listing_walks.failures``: runs in a row whose walk failed at the later page it
  resumes from (``discover.walk.WalkState.failures``); after ``walk.MAX_ATTEMPTS`` that
  page is the listing's end, where each nightly run asked it again and failed, for ever
  (a redirect loop on ``?page=2``). Existing walks start at 0.
* v20: ``articles_au`` re-indexes a row only when an indexed column (title, text, their
  lemmas) is updated: moving a site's articles to a new id (``rename-site``), mending an
  address or a date rewrote each row's whole text into the index.
* v21: the words of rows written before an invisible character inside a word (a soft
  hyphen, ``&shy;``; a zero-width space; ``lemmas.composed``) was dropped are composed
  again as in v13 (``Store.compose_stored``, each changed row's old spelling kept as a
  revision): "Об&shy;щи&shy;на&shy;та" was indexed as four pieces no search found.
* v22: ``source_failures``: a site's feed, sitemap or listing's first page that failed
  in runs in a row while the site's others answered (``failures``, its last failure
  ``last_error``), and the runs of the site it still rests (``rest_left``:
  ``crawl_rests``), where each nightly run asked it
  and failed, for ever, while the site's other sources gave their news. Starts empty.
* v23: the words of rows written before a control character inside a word (a stray
  U+0001 or DEL; ``lemmas.composed``) was dropped are composed again as in v21
  (``Store.compose_stored``, each changed row's old spelling kept as a revision): the
  index split the word there, and ``show`` printed it whole.
* v24: the keys are brought under today's identity once more (``archive.rekey``, as in
  v18): a cache-buster a CMS writes into its links (``?t=1764400000123``, jQuery's
  ``&_=…``: ``urls.normalize_url``) is no part of an address, where older releases
  queued and archived an article under another spelling every time its list was read;
  nor is the case of an ASP page's field names (``?ID=5`` is ``?id=5`` on IIS).
* v25: the keys are brought under today's identity once more (``archive.rekey``, as in
  v24): a wall's way back (Django's ``?next=/…``, Drupal's ``destination``,
  ``continue``, ``goto``: ``urls.RETURN_FIELD``, the cookie wall's vocabulary) is a
  return address like ``?redirect=``, no part of an address.
* v26: the keys are brought under today's identity once more (``archive.rekey``, as in
  v25): a folder's index page (``/novini/5/index.html``, ``index.php``,
  ``default.aspx``; ``urls.folder_path``) is the folder (``/novini/5/``), where older
  releases archived an article its listing linked one way and its feed the other twice.
* v27: the keys are brought under today's identity once more (``archive.rekey``, as in
  v26): a cache-buster holding a random fraction (``?rnd=0.48213765213123``, as PHP's
  ``mt_rand() / mt_getrandmax()`` prints one; ``urls.normalize_url``) is no part of an
  address, where older releases queued and archived an article under another spelling
  every time its list was read; nor is the word of the box a link stood in under
  ``from`` beside an article's address (``/novini/5-remont?from=nachalo``, a referrer
  like ``?ref=home``; a list's, a search's or a route's ``from`` stays).
* v28: the keys are brought under today's identity once more (``archive.rekey``, as in
  v27): a print copy's flag (``?pechat=1``, ``&print=1``, Joomla's
  ``&tmpl=component&print=1&layout=default``; ``urls.normalize_url``) is no part of an
  address, where older releases archived an article its sitemap or feed listed with its
  print copy twice.
* v29: ``fetch_state.gone_answers``: the 404/410 answers in a row of a child sitemap its
  index names (``Frontier.sitemap_gone``), which waits the longer before it is asked
  again the more there were (``explorer.doubling_days``: 2, 4, 8, 16, then 30 days),
  where each waited 30 days: one gone for an hour lost its articles for a month. A
  child recorded gone before starts at one.
* v30: the keys are brought under today's identity once more (``archive.rekey``, as in
  v28): ColdFusion's session fields (``&CFID=…&CFTOKEN=…``, new numbers on every page)
  are no part of an address, where older releases archived a ColdFusion site's article
  once per visit that linked it.
* v31: ``articles.access`` (``models.ACCESS_WORDS``): "paid" when the page says the
  article is for subscribers (``extraction.access``: its row may hold the lead alone),
  "free" when it does not, so a researcher counting words or quoting can tell a teaser
  from an article. Existing rows keep NULL: what their pages said was never recorded.
  ``reextract`` fills it from the archived captures (a crawl fills each article it
  fetches again), without counting the row as changed. A reader that cannot upgrade an
  older archive reads its rows with ``access`` NULL (``connection.connect_reader``).
* v32: ``frontier.relisted``: the marks of what had an archived article read again
  (``frontier.relisted_marks``: a card's headline, a feed item's title or date), kept
  apart from ``source``, which anything queueing the row again replaces (``crawl
  --recheck``, ``--refresh``): kept there, they were lost with it, and the next night
  the same card cost a request again. A row whose source held them ("relisted:MARK,...")
  has them moved here, its source "relisted".
* v33: ``articles.text_source`` (``models.TEXT_SOURCES``): "page" when the text is its
  page's, "pages" when it was joined from the article's later pages
  (``extraction.continuation``), "feed" when the site's feed carried it whole over a page
  that is a script's shell or shows a small part of it (``extraction.feed_text``), so an
  analyst can tell the feed's text from the page's, and ``reextract`` keeps a feed's text
  over its stored shell. Existing rows keep NULL (read as "page"): where their text came
  from was never recorded, and the release before this one archived feeds' texts already.
  ``reextract`` fills "page" or "pages" from the captures, without counting the row as
  changed. A reader that cannot upgrade an older archive reads it NULL.
* v34: ``articles.language``: the BCP 47 primary tag of the language the article is
  written in ("bg", "en", "tr"; ``text_language.article_language``), so an analyst can
  ask for a site's English service or leave it out. Existing rows keep NULL ("unknown":
  ``search --lang unknown`` finds them): their language was never recorded. Indexed
  (``articles_language``: the language, the site, the dates), so ``--lang`` alone reads
  the index, not the table.
  ``reextract`` fills it from the captures, without counting the row as changed. A
  reader that cannot upgrade an older archive reads it NULL.
* v35: ``listing_walks.pass_url`` and ``pass_page``: the page a settled walk's nightly
  pass was reading while it lasts, emptied where it ends (``discover.walk.WalkState``):
  a run cut after page 1's new articles were taken, and before the page that would end
  its pass, left page 1 all known, and every later run stopped there, the night's later
  new articles never archived. Existing walks hold none: no pass of theirs is unended.
* v36: ``articles_site_title`` (the site, the title): the index an article read at an
  address of no canonical, stating no date, is looked up by (``Store._same_content``: one
  article under two categories' addresses is one row). Without it the lookup read every
  row of the site, 80 ms a page beside 50,000 rows. No row is rewritten.
* v37: ``listing_walks.resume_index``: the index (of months, of a paper's issues) whose
  entry a first crawl's walk was reading when it was cut (``discover.walk.WalkState``):
  the run resuming it jumped straight to that entry and read it as a page of no index,
  a month's page going on by its address past the archive's oldest month (404s), an
  issue's to none of the issues after it. Existing walks hold none: they resume as
  before.
* v38: ``listing_walks.past_url``: the page past an oldest-first listing's newest page
  (``resume_url``) that its walk read listing nothing, or gone, its "next" link's
  (``discover.walk.WalkState``): a 304 to the newest page ended the nightly walk, and a
  news opening that page (the newest one full, linking on to it already, unchanged)
  was never read there (composed ``--nights`` seeds 2897, 4486: 4 of 4 missed, no feed
  or sitemap beside the list). Existing walks hold none: they resume as before, until
  a walk reaches the end again.
* v39: the keys are brought under today's identity once more (``archive.rekey``, as in
  v30): a Joomla article's address is one whatever menu item, category or slug a link
  gave it also where its id's slug follows a "-" (``id=57-remont``) and where Joomla
  1.0's ``task=view`` names the article view, where older releases archived such an
  article once per module that linked it (or fetched it once more, to find it the same).

An archive whose ``user_version`` is above ``SCHEMA_VERSION`` was written by a newer
release; ``check_version`` refuses it rather than guess at its shape.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

SCHEMA_VERSION = 39
# The oldest schema whose tables and columns a reader reads are today's: the migrations
# after it only bring stored keys under today's identity (``REKEYED_AT``), respell stored
# words (``RESPELLED_AT``) or add what only a crawl reads
# (v14: a walk's cut; v15: whether its order was told; v19: its failures; v22: a source's;
# v29: a child sitemap's gone answers; v32: a re-read's marks; v35: a walk's pass; v36:
# the index a stored copy's same-content lookup reads; v37: a walk's resume index; v38:
# the page past its newest page), or a column a reader
# reads NULL until then (v31: ``articles.access``, v33: ``articles.text_source``, v34:
# ``articles.language``: ``UNRECORDED_UNTIL``). A reader that
# cannot write the archive (``connection.connect_reader``) reads one this old as it is.
SAME_COLUMNS_SINCE = 11
FTS_TOKENIZE = "unicode61 remove_diacritics 0"

_SOURCE_FAILURES = """
CREATE TABLE IF NOT EXISTS source_failures (
    url TEXT PRIMARY KEY,
    site TEXT NOT NULL,
    failures INTEGER NOT NULL DEFAULT 0,
    rest_left INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    updated_at TEXT NOT NULL
)"""
_TABLES = (
    """
CREATE TABLE IF NOT EXISTS captures (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL,
    final_url TEXT NOT NULL,
    status INTEGER NOT NULL,
    headers TEXT NOT NULL DEFAULT '{}',
    encoding TEXT,
    content BLOB,
    fetched_at TEXT NOT NULL,
    article_id INTEGER
);
CREATE INDEX IF NOT EXISTS captures_url ON captures(url);
CREATE INDEX IF NOT EXISTS captures_article ON captures(article_id);
CREATE INDEX IF NOT EXISTS captures_final_url ON captures(final_url, fetched_at);
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    site TEXT NOT NULL,
    url TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL DEFAULT '',
    published TEXT,
    published_date TEXT,
    date_source TEXT,
    author TEXT,
    tags TEXT NOT NULL DEFAULT '[]',
    text TEXT NOT NULL DEFAULT '',
    title_lemmas TEXT NOT NULL DEFAULT '',
    text_lemmas TEXT NOT NULL DEFAULT '',
    fetched_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    source_url TEXT,
    capture_id INTEGER REFERENCES captures(id),
    extractor TEXT,
    modified TEXT,
    date_note TEXT,
    access TEXT,
    text_source TEXT,
    language TEXT
);
CREATE INDEX IF NOT EXISTS articles_site_published
    ON articles(site, published_date, published, author);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published_date, published, site, author);
CREATE INDEX IF NOT EXISTS articles_source_url ON articles(source_url);
CREATE INDEX IF NOT EXISTS articles_site_title ON articles(site, title);
CREATE INDEX IF NOT EXISTS articles_language
    ON articles(language, site, published_date, published, author);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    site TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    requests INTEGER NOT NULL DEFAULT 0,
    pages INTEGER NOT NULL DEFAULT 0,
    new INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0,
    errors INTEGER NOT NULL DEFAULT 0,
    status INTEGER,
    unchanged INTEGER NOT NULL DEFAULT 0,
    gone INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS fetch_state (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    status INTEGER,
    checked_at TEXT NOT NULL,
    lastmod TEXT,
    gone_answers INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS frontier (
    url_key TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    site TEXT NOT NULL,
    source TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'queued',
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    added_at TEXT NOT NULL,
    listed_date TEXT,
    old_since TEXT,
    relisted TEXT
);
CREATE INDEX IF NOT EXISTS frontier_state ON frontier(site, state);
CREATE TABLE IF NOT EXISTS listing_walks (
    start_url TEXT PRIMARY KEY,
    site TEXT NOT NULL,
    resume_url TEXT,
    resume_page INTEGER NOT NULL DEFAULT 1,
    completed INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    cut_since TEXT,
    cut_pages INTEGER NOT NULL DEFAULT 0,
    judged INTEGER NOT NULL DEFAULT 1,
    failures INTEGER NOT NULL DEFAULT 0,
    pass_url TEXT,
    pass_page INTEGER NOT NULL DEFAULT 0,
    resume_index TEXT,
    past_url TEXT
);
CREATE TABLE IF NOT EXISTS site_discovery (
    site TEXT PRIMARY KEY,
    found TEXT NOT NULL,
    explored_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS article_urls (
    url_key TEXT PRIMARY KEY,
    article_id INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS article_urls_article ON article_urls(article_id);
CREATE TABLE IF NOT EXISTS shared_canonicals (
    url_key TEXT PRIMARY KEY,
    site TEXT NOT NULL,
    found_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS revisions (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL,
    title TEXT NOT NULL,
    published TEXT,
    author TEXT,
    tags TEXT NOT NULL DEFAULT '[]',
    text TEXT NOT NULL,
    seen_at TEXT NOT NULL,
    replaced_at TEXT NOT NULL,
    capture_id INTEGER,
    extractor TEXT
);
CREATE INDEX IF NOT EXISTS revisions_article ON revisions(article_id, id);
CREATE TABLE IF NOT EXISTS article_stories (
    article_id INTEGER PRIMARY KEY,
    story INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS article_stories_story ON article_stories(story);
CREATE TABLE IF NOT EXISTS story_keys (
    key INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    PRIMARY KEY (key, article_id)
) WITHOUT ROWID;
"""
    + _SOURCE_FAILURES
    + """;
CREATE INDEX IF NOT EXISTS source_failures_site ON source_failures(site);
"""
)
# Run counts added after version 1 (``CREATE TABLE IF NOT EXISTS`` cannot add them).
_RUN_COLUMNS_V2 = ("unchanged", "gone", "skipped")


_FTS = f"""
CREATE TABLE IF NOT EXISTS lemma_vocab (
    form TEXT PRIMARY KEY,
    lemma TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS lemma_vocab_lemma ON lemma_vocab(lemma);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, text, title_lemmas, text_lemmas,
    content=[articles], content_rowid=[id], tokenize='{FTS_TOKENIZE}'
);
"""
# Every table an archive of this version has, by the statements that make them (and the
# FTS index's shadow tables, ``articles_fts_data`` …, named after it): SQLite's "no such
# table" naming one of these is the archive's lack, not a query of ours gone wrong
# (``connection.missing_table``).
ARCHIVE_TABLES = frozenset(
    re.findall(r"CREATE (?:VIRTUAL )?TABLE IF NOT EXISTS (\w+)", _TABLES + _FTS)
)
_INSERT_TRIGGER = """
CREATE TRIGGER IF NOT EXISTS articles_ai AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts (rowid, title, text, title_lemmas, text_lemmas)
  VALUES (new.id, new.title, new.text, new.title_lemmas, new.text_lemmas);
END;
"""
# What ``articles_ai`` does, as a statement of its own (``bulk_indexing``), for the rows
# whose ids are the JSON array bound to it: one statement indexes a batch of inserts.
INDEX_INSERTED = (
    "INSERT INTO articles_fts (rowid, title, text, title_lemmas, text_lemmas)"
    " SELECT id, title, text, title_lemmas, text_lemmas FROM articles"
    " WHERE id IN (SELECT value FROM json_each(?))"
)
# Only an update of what the index holds re-indexes the row: a site renamed
# (``rename-site``), an address given back or a dating recorded (``store``) rewrote every
# word of each row's text into the index (reread27a measured ``rename-site`` of 5,000
# articles: 3.4-6.1 s, against 0.5 s with the trigger off).
_UPDATE_TRIGGER = """
CREATE TRIGGER IF NOT EXISTS articles_au
AFTER UPDATE OF title, text, title_lemmas, text_lemmas ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, text, title_lemmas, text_lemmas)
  VALUES ('delete', old.id, old.title, old.text, old.title_lemmas, old.text_lemmas);
  INSERT INTO articles_fts (rowid, title, text, title_lemmas, text_lemmas)
  VALUES (new.id, new.title, new.text, new.title_lemmas, new.text_lemmas);
END;
"""
_FTS_TRIGGERS = (
    _INSERT_TRIGGER
    + """CREATE TRIGGER IF NOT EXISTS articles_ad AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, text, title_lemmas, text_lemmas)
  VALUES ('delete', old.id, old.title, old.text, old.title_lemmas, old.text_lemmas);
END;
"""
    + _UPDATE_TRIGGER
)


log = logging.getLogger(__name__)


@contextmanager
def bulk_indexing(conn: sqlite3.Connection) -> Iterator[bool]:
    """Inside the caller's open transaction: drop ``articles_ai`` and let FTS5 hold 8 MB
    of pending terms instead of 1 MB; yields True when the trigger was dropped, and the
    caller then runs ``INDEX_INSERTED`` for each article it inserts. Both are as the
    archive held them when the block ends, however it ends (nothing is left behind in
    the archive). Yields False (nothing changed) when the archive's trigger is not the
    one this release writes: it keeps indexing then.

    Why: an INSERT that fires a trigger writing to FTS5 is a statement of several
    writes, so SQLite opens a statement savepoint for it, and at every savepoint FTS5
    flushes its pending terms as a new segment: one tiny segment per article, merged
    again and again (a fifth of an import's time). The same row indexed by a statement
    of its own opens no savepoint, so the terms of many articles are flushed together;
    with 8 MB of them at once, segments are merged less often (3% more).
    """
    if not conn.in_transaction:  # DDL outside one would be committed at once
        raise RuntimeError("bulk_indexing needs an open transaction")
    trigger = "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'articles_ai'"
    row = conn.execute(trigger).fetchone()
    if row is None or row[0] != _INSERT_TRIGGER.strip().rstrip(";").replace(" IF NOT EXISTS", ""):
        yield False
        return
    size = "SELECT v FROM articles_fts_config WHERE k = 'hashsize'"
    hashsize = conn.execute(size).fetchone()
    conn.execute("DROP TRIGGER articles_ai")
    conn.execute(_SET_HASHSIZE, (_BULK_HASHSIZE,))
    try:
        yield True
    finally:
        if conn.in_transaction:  # else a failed statement rolled all of it back already
            conn.execute(row[0])
            conn.execute(_SET_HASHSIZE, (hashsize[0] if hashsize else _DEFAULT_HASHSIZE,))
            if hashsize is None:  # the setting bumped FTS5's cookie: others read it again
                conn.execute("DELETE FROM articles_fts_config WHERE k = 'hashsize'")


_SET_HASHSIZE = "INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', ?)"
_BULK_HASHSIZE = 8 << 20
_DEFAULT_HASHSIZE = 1 << 20  # FTS5's own


class NewerSchema(Exception):
    """The archive was written by a newer release than this one."""

    def __init__(self, found: int) -> None:
        super().__init__(
            f"written by a newer newsarchive (archive schema v{found}, this release reads up"
            f" to v{SCHEMA_VERSION}): upgrade newsarchive to open it"
        )
        self.found = found


def check_version(conn: sqlite3.Connection) -> int:
    """The archive's schema version; ``NewerSchema`` when this release cannot know it."""
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise NewerSchema(version)
    return version


def ensure_schema(conn: sqlite3.Connection) -> None:
    """Create what is missing and migrate older archives; a no-op when up to date.

    Each migration runs in its own transaction together with the version it reaches, so
    an interrupted upgrade (SIGKILL, a power cut, a full disk) resumes where it stopped
    and never leaves a step half-made: a step's statements run one by one inside it,
    never by ``executescript`` (which commits first: v2's did, and an upgrade killed in
    v2's backfill left a v1 archive with its old index dropped and no triggers, which
    only a rerun of the whole step mended, and which another upgrader could meet
    half-made). Processes may upgrade one archive at
    once (a search run while the nightly crawl upgrades it): each step takes the write
    lock before it reads the version (``BEGIN IMMEDIATE``, waiting out the other), so the
    second finds the step done instead of failing with "database is locked" (a deferred
    transaction that read before the other's commit can never write).

    What a step did (rows merged, words respelled) it returns, and it is said once the
    step has committed, never of a step rolled back: an upgrade that met a full disk told
    cron's log "2 duplicate article row(s) merged" in the line before "cannot upgrade
    archive", and nothing had been merged.
    """
    version = check_version(conn)
    if version == SCHEMA_VERSION:
        return
    if version == 0 and not _columns(conn, "articles"):  # a new archive: all at once
        conn.executescript(  # (every statement IF NOT EXISTS: a second creator's no-op)
            f"BEGIN IMMEDIATE; {_TABLES} {_FTS} {_FTS_TRIGGERS}"
            f" PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;"
        )
        return
    _create_missing_tables(conn)
    passed: set[type] = set()  # the kinds of pass (``Rekey``, ``Respell``) made so far
    for target, migrate in MIGRATIONS:
        if version < target:
            said: str | None = None
            conn.execute("BEGIN IMMEDIATE")  # DDL too: the whole step or nothing
            try:
                version = check_version(conn)  # under the lock: another may have done it
                if version < target:
                    if _due(migrate, passed):
                        said = migrate(conn)
                    conn.execute(f"PRAGMA user_version = {target}")
            except BaseException:
                conn.rollback()
                raise
            conn.commit()
            if said:  # (once committed: a step rolled back said nothing happened)
                log.warning("%s", said)
            version = max(version, target)
    conn.execute("BEGIN IMMEDIATE")
    with conn:
        for statement in _TABLES.split(";"):
            if statement.strip().startswith("CREATE INDEX"):
                conn.execute(statement)


def _due(step: Callable[[sqlite3.Connection], str | None], passed: set[type]) -> bool:
    """Whether a step does its work in this upgrade (``passed``: the kinds of pass it has
    made, this one's added when it is due). A plain step always does. A re-keying or a
    respelling does once, at the first step of its kind due: its pass applies today's
    rules, every step's, so the steps of its kind after it have nothing left to do, and
    are committed with their versions alone.

    Killed between two steps, nothing is left undone: a step passed over was covered by
    the pass committed before it. The next upgrade makes each pass again at its first
    step still pending: one more pass than an upgrade not killed, which finds its work
    done and changes nothing. The plain steps between (v11, v14, v15, v19, v20, v22:
    columns, a trigger, a table) read no key and no word, so a pass made before them
    finds what it found after them."""
    if not isinstance(step, Rekey | Respell):
        return True
    if type(step) in passed:
        return False
    passed.add(type(step))
    return True


def _create_missing_tables(conn: sqlite3.Connection) -> None:
    """The tables an older version never made (their shape is the current one)."""
    conn.execute("BEGIN IMMEDIATE")
    with conn:
        for statement in _TABLES.split(";"):
            if statement.strip().startswith("CREATE TABLE"):
                conn.execute(statement)


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}


def _migrate_search_v2(conn: sqlite3.Connection) -> None:
    """Lemma columns, the form → lemma vocabulary and the four-column FTS index."""
    columns = _columns(conn, "articles")
    run_columns = _columns(conn, "runs")
    fts_sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").fetchone()
    for column in ("title_lemmas", "text_lemmas"):
        if column not in columns:
            conn.execute(f"ALTER TABLE articles ADD COLUMN {column} TEXT NOT NULL DEFAULT ''")
    for column in _RUN_COLUMNS_V2:
        if column not in run_columns:
            conn.execute(f"ALTER TABLE runs ADD COLUMN {column} INTEGER NOT NULL DEFAULT 0")
    if fts_sql is not None and "text_lemmas" not in fts_sql[0]:
        for trigger in ("articles_ai", "articles_ad", "articles_au"):
            conn.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        conn.execute("DROP TABLE articles_fts")
    # statement by statement, never ``executescript``: it commits first, and did here,
    # so an upgrade killed in the backfill below left v1 without its index or triggers
    _execute_each(conn, _FTS)
    backfill_lemmas(conn)  # before the triggers: the rebuild indexes every row once
    _execute_each(conn, _FTS_TRIGGERS)


def _execute_each(conn: sqlite3.Connection, script: str) -> None:
    """Each statement of ``script`` inside the caller's transaction (``executescript``
    commits it first); a trigger's body, with ``;`` of its own, stays one statement."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            conn.execute(pending)
            pending = ""
    if pending.strip():
        raise ValueError(f"an incomplete statement: {pending!r}")


def _migrate_identity_v4(conn: sqlite3.Connection) -> str | None:
    """One URL identity: merge the articles it makes one, key the frontier by it; what
    to say of the rows merged."""
    from newsarchive.discover.urls import url_key

    if "lastmod" not in _columns(conn, "fetch_state"):
        conn.execute("ALTER TABLE fetch_state ADD COLUMN lastmod TEXT")
    if "article_id" not in _columns(conn, "captures"):
        conn.execute("ALTER TABLE captures ADD COLUMN article_id INTEGER")
    # article_urls and site_discovery are new tables: _create_missing_tables made them
    owner: dict[str, int] = {}
    merged = 0
    rows = conn.execute(
        "SELECT id, url, source_url, capture_id FROM articles ORDER BY updated_at DESC, id DESC"
    ).fetchall()
    for article_id, url, source_url, capture_id in rows:  # newest first: the newest is kept
        keys = {url_key(u) for u in (url, source_url) if u}
        kept = next((owner[k] for k in keys if k in owner), article_id)
        if kept != article_id:
            merged += 1
            conn.execute(
                "UPDATE captures SET article_id = ? WHERE article_id = ?", (kept, article_id)
            )
            conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        if capture_id is not None:
            conn.execute("UPDATE captures SET article_id = ? WHERE id = ?", (kept, capture_id))
        for key in keys:
            owner.setdefault(key, kept)
    conn.executemany(
        "INSERT OR IGNORE INTO article_urls (url_key, article_id) VALUES (?, ?)", owner.items()
    )
    _rekey_frontier(conn, url_key)
    if "completed" not in _columns(conn, "listing_walks"):
        conn.execute("ALTER TABLE listing_walks RENAME TO listing_walks_v3")
        _create_table(conn, "listing_walks")
        conn.execute(
            "INSERT INTO listing_walks (start_url, site, resume_url, resume_page, updated_at)"
            " SELECT start_url, site, resume_url, resume_page, updated_at FROM listing_walks_v3"
        )
        conn.execute("DROP TABLE listing_walks_v3")
    if not merged:
        return None
    return f"archive upgraded to one URL identity: {merged} duplicate article row(s) merged"


def _create_index(conn: sqlite3.Connection, name: str) -> None:
    """``CREATE INDEX name`` exactly as ``_TABLES`` has it (one source of the shape)."""
    conn.execute(_statement("INDEX", name))


def _create_table(conn: sqlite3.Connection, name: str) -> None:
    """``CREATE TABLE name`` exactly as ``_TABLES`` has it (one source of the shape)."""
    conn.execute(_statement("TABLE", name))


def _statement(kind: str, name: str) -> str:
    """The ``CREATE {kind} IF NOT EXISTS {name}`` statement of ``_TABLES``."""
    for statement in _TABLES.split(";"):
        words = statement.replace("(", " (").split()
        if words[:6] == ["CREATE", kind, "IF", "NOT", "EXISTS", name]:
            return statement
    raise LookupError(name)


# Of two frontier rows that turn out one URL, the state that says more wins: archived,
# then settled or failed, then merely queued; the older row first among equals.
FRONTIER_SETTLED_FIRST = "CASE state WHEN 'done' THEN 0 WHEN 'queued' THEN 2 ELSE 1 END, rowid"


def _rekey_frontier(conn: sqlite3.Connection, url_key: Callable[[str], str]) -> None:
    """Frontier rows keyed by URL key; of two spellings the more settled state wins."""
    if "url_key" in _columns(conn, "frontier"):
        return
    conn.execute("ALTER TABLE frontier RENAME TO frontier_v3")
    conn.execute("DROP INDEX IF EXISTS frontier_state")
    _create_table(conn, "frontier")
    conn.execute("CREATE INDEX frontier_state ON frontier(site, state)")
    rows = conn.execute(
        "SELECT url, site, source, state, attempts, last_error, added_at, listed_date"
        f" FROM frontier_v3 ORDER BY {FRONTIER_SETTLED_FIRST}"
    ).fetchall()
    conn.executemany(
        "INSERT OR IGNORE INTO frontier (url_key, url, site, source, state, attempts,"
        " last_error, added_at, listed_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(url_key(row[0]), *row) for row in rows],
    )
    conn.execute("DROP TABLE frontier_v3")


def _migrate_date_source_v3(conn: sqlite3.Connection) -> None:
    """Add ``articles.date_source``; fresh archives already have it from ``_TABLES``.

    Runs inside the caller's transaction, so it fits any migration runner."""
    columns = {r[1] for r in conn.execute("PRAGMA table_info(articles)")}
    if "date_source" not in columns:
        conn.execute("ALTER TABLE articles ADD COLUMN date_source TEXT")


def _migrate_research_v5(conn: sqlite3.Connection) -> None:
    """Provenance column and the revisions table (issue 14); no row is rewritten."""
    if "extractor" not in _columns(conn, "articles"):
        conn.execute("ALTER TABLE articles ADD COLUMN extractor TEXT")
    _create_table(conn, "revisions")
    conn.execute("CREATE INDEX IF NOT EXISTS revisions_article ON revisions(article_id, id)")
    conn.execute("CREATE INDEX IF NOT EXISTS captures_article ON captures(article_id)")


def _migrate_stories_v6(conn: sqlite3.Connection) -> None:
    """Story ids for the articles already archived (self-contained: its own DDL)."""
    from newsarchive.archive.stories import backfill

    for name in ("article_stories", "story_keys"):
        _create_table(conn, name)
    conn.execute("CREATE INDEX IF NOT EXISTS article_stories_story ON article_stories(story)")
    conn.execute("DELETE FROM article_stories")
    conn.execute("DELETE FROM story_keys")
    backfill(conn)


def _migrate_capture_lookup_v7(conn: sqlite3.Connection) -> None:
    """The index ``import-warc`` looks captures up by; no row is rewritten."""
    conn.execute("CREATE INDEX IF NOT EXISTS captures_final_url ON captures(final_url, fetched_at)")


def _migrate_filter_indexes_v8(conn: sqlite3.Connection) -> None:
    """Article indexes that cover a search by filters alone; no row is rewritten."""
    conn.execute("DROP INDEX IF EXISTS articles_site_date")
    conn.execute("DROP INDEX IF EXISTS articles_date")
    _create_index(conn, "articles_site_published")
    _create_index(conn, "articles_published")


def _migrate_shared_canonicals_v9(conn: sqlite3.Connection) -> None:
    """Nothing to rewrite: ``shared_canonicals`` is a new table, which
    ``_create_missing_tables`` made before the migrations ran."""


def _migrate_date_notes_v11(conn: sqlite3.Connection) -> None:
    """``articles.modified`` and ``articles.date_note``, NULL on every existing row: what
    the extractor knew of those dates was never recorded, and guessing it from the other
    columns would state as fact what nobody read. ``reextract`` fills them from the
    archived captures; a crawl fills each article it fetches again."""
    columns = _columns(conn, "articles")
    for column in ("modified", "date_note"):
        if column not in columns:
            conn.execute(f"ALTER TABLE articles ADD COLUMN {column} TEXT")


def _migrate_access_v31(conn: sqlite3.Connection) -> None:
    """``articles.access``, NULL on every existing row, as v11's notes: whether a page
    said its article was paid was never recorded, and guessing it from a short text
    would mark every brief notice paid. ``reextract`` fills it from the captures."""
    if "access" not in _columns(conn, "articles"):
        conn.execute("ALTER TABLE articles ADD COLUMN access TEXT")


def _migrate_text_source_v33(conn: sqlite3.Connection) -> None:
    """``articles.text_source``, NULL on every existing row, as v31's ``access``: where a
    row's text came from was never recorded, and "page" would be false of a feed's text
    the release before archived over a script's shell. ``reextract`` fills it from the
    captures; a crawl fills each article it fetches again."""
    if "text_source" not in _columns(conn, "articles"):
        conn.execute("ALTER TABLE articles ADD COLUMN text_source TEXT")


def _migrate_language_v34(conn: sqlite3.Connection) -> None:
    """``articles.language``, NULL on every existing row, as v33's ``text_source``: a
    row's language was never recorded, and "bg" would be false of the English services
    archived before. ``reextract`` fills it from the captures; a crawl fills each article
    it fetches again.

    With it, ``articles_language``: ``search --lang en`` alone read every row of the
    table, the column in no index. The language first, then the site and the dates, as
    ``articles_site_published`` holds them: "--lang en", "--lang en --site bta --since
    …" read the index alone, the few rows of a language one site asked for."""
    if "language" not in _columns(conn, "articles"):
        conn.execute("ALTER TABLE articles ADD COLUMN language TEXT")
    _create_index(conn, "articles_language")


def _migrate_walk_cuts_v14(conn: sqlite3.Connection) -> None:
    """The bound that cut a walk short, unknown for every walk stored before: a walk the
    v4 migration rebuilt has the columns already."""
    columns = _columns(conn, "listing_walks")
    if "cut_since" not in columns:
        conn.execute("ALTER TABLE listing_walks ADD COLUMN cut_since TEXT")
    if "cut_pages" not in columns:
        conn.execute("ALTER TABLE listing_walks ADD COLUMN cut_pages INTEGER NOT NULL DEFAULT 0")
    if "old_since" not in _columns(conn, "frontier"):
        conn.execute("ALTER TABLE frontier ADD COLUMN old_since TEXT")


def _migrate_walk_judged_v15(conn: sqlite3.Connection) -> None:
    """Whether a completed walk's order was told, from how v14 spelled it (``resume_page``
    0) and the walks an older release completed at page 1 with no resume point (not yet).
    A walk the v4 migration rebuilt has the column already, each row at its default: such
    a walk was never completed, so judged is what it must say."""
    if "judged" not in _columns(conn, "listing_walks"):
        conn.execute("ALTER TABLE listing_walks ADD COLUMN judged INTEGER NOT NULL DEFAULT 1")
        conn.execute(
            "UPDATE listing_walks SET judged = 0"
            " WHERE completed = 1 AND resume_url IS NULL AND resume_page = 1"
        )
    conn.execute("UPDATE listing_walks SET resume_page = 1 WHERE resume_page = 0")


def _migrate_title_lookup_v36(conn: sqlite3.Connection) -> None:
    """The index ``Store._same_content`` looks an undated copy up by; no row is
    rewritten (v7's and v8's kind)."""
    _create_index(conn, "articles_site_title")


def _migrate_walk_failures_v19(conn: sqlite3.Connection) -> None:
    """Runs in a row a walk failed at its resume point, unknown before: none (a walk
    the v4 migration rebuilt has the column already)."""
    if "failures" not in _columns(conn, "listing_walks"):
        conn.execute("ALTER TABLE listing_walks ADD COLUMN failures INTEGER NOT NULL DEFAULT 0")


def _migrate_walk_pass_v35(conn: sqlite3.Connection) -> None:
    """Where a settled walk's unended pass goes on, unknown before: none (a walk the v4
    migration rebuilt has the columns already)."""
    columns = _columns(conn, "listing_walks")
    if "pass_url" not in columns:
        conn.execute("ALTER TABLE listing_walks ADD COLUMN pass_url TEXT")
    if "pass_page" not in columns:
        conn.execute("ALTER TABLE listing_walks ADD COLUMN pass_page INTEGER NOT NULL DEFAULT 0")


def _migrate_walk_resume_index_v37(conn: sqlite3.Connection) -> None:
    """The index a walk's resume point was an entry of, unknown before: none (a walk the
    v4 migration rebuilt has the column already)."""
    if "resume_index" not in _columns(conn, "listing_walks"):
        conn.execute("ALTER TABLE listing_walks ADD COLUMN resume_index TEXT")


def _migrate_walk_past_url_v38(conn: sqlite3.Connection) -> None:
    """The page past an oldest-first walk's newest page, unknown before: none (a walk
    the v4 migration rebuilt has the column already)."""
    if "past_url" not in _columns(conn, "listing_walks"):
        conn.execute("ALTER TABLE listing_walks ADD COLUMN past_url TEXT")


def _migrate_update_trigger_v20(conn: sqlite3.Connection) -> None:
    """``articles_au`` fires on the indexed columns only (``_UPDATE_TRIGGER``), where it
    re-indexed a row whatever was updated."""
    conn.execute("DROP TRIGGER IF EXISTS articles_au")
    conn.execute(_UPDATE_TRIGGER)  # one statement: executescript would commit the steps so far


def _migrate_source_failures_v22(conn: sqlite3.Connection) -> None:
    """A source's failures in runs in a row, unknown before: none (the table is made
    by ``_create_missing_tables``, empty, before the steps run)."""
    conn.execute(_SOURCE_FAILURES)


def _migrate_gone_answers_v29(conn: sqlite3.Connection) -> None:
    """A gone child sitemap's answers in a row, unknown before: one for a child recorded
    gone (``frontier.SITEMAP_GONE_STATUS``), which the next wait counts from."""
    from newsarchive.archive.frontier import SITEMAP_GONE_STATUS

    if "gone_answers" not in _columns(conn, "fetch_state"):
        conn.execute("ALTER TABLE fetch_state ADD COLUMN gone_answers INTEGER NOT NULL DEFAULT 0")
    conn.execute(
        "UPDATE fetch_state SET gone_answers = 1 WHERE status = ? AND gone_answers = 0",
        (SITEMAP_GONE_STATUS,),
    )


def _migrate_relisted_marks_v32(conn: sqlite3.Connection) -> None:
    """The marks of what had an article read again, out of ``frontier.source``
    ("relisted:MARK,MARK", ``models.SOURCE_RELISTED``) into their own column, which
    nothing queueing the row again replaces (a table the v4 migration rebuilt has it)."""
    if "relisted" not in _columns(conn, "frontier"):
        conn.execute("ALTER TABLE frontier ADD COLUMN relisted TEXT")
    conn.execute(
        "UPDATE frontier SET relisted = substr(source, 10), source = 'relisted'"
        " WHERE substr(source, 1, 9) = 'relisted:'"
    )


@dataclass(frozen=True)
class Rekey:
    """A step whose work is the re-keying (``archive.rekey``): it brings every stored key
    under today's URL identity, its own version's rule and every other one, so an upgrade
    makes it once however many such steps it crosses (``ensure_schema``); each was a full
    pass (three from v23: 35 s on 132,000 articles). ``redirects`` (v12): an article is
    known by the address its fetch was redirected to as well, which a pass without it
    leaves undone."""

    redirects: bool = False

    def __call__(self, conn: sqlite3.Connection) -> str | None:
        from newsarchive.archive.rekey import rekey

        done = rekey(conn, redirects=self.redirects)
        if not any(done):
            return None
        return (
            f"archive re-keyed by today's URL identity: {done.rewritten} URL key(s)"
            f" rewritten, {done.merged} duplicate article row(s) merged"
        )


@dataclass(frozen=True)
class Respell:
    """A step whose work is the respelling (``Store.compose_stored``): every stored word
    composed as the writer composes it today, so one pass serves every such step of an
    upgrade, as ``Rekey``'s does. ``held``: what the rows an older release stored held
    that this version's composition drops; the pass's line names it of each respelling
    the archive was still short of (its version's: rows written since were composed so)."""

    held: str

    def __call__(self, conn: sqlite3.Connection) -> str | None:
        from newsarchive.archive.store import Store

        changed = Store(conn).compose_stored()
        if not changed:
            return None
        version = check_version(conn)  # (this step's is set once it is done)
        held = [step.held for v, step in MIGRATIONS if v > version and isinstance(step, Respell)]
        return (
            f"archive upgraded: {changed} article(s) stored with {_either(held)} spelled and"
            " indexed as searches read them; what they stored is kept as a revision"
        )


def _either(items: list[str]) -> str:
    """``a``, ``a or b``, ``a, b or c``."""
    return " or ".join(filter(None, (", ".join(items[:-1]), items[-1])))


# Each step runs inside its transaction and returns what to say of it (None: nothing),
# said once the step has committed (``ensure_schema``).
MIGRATIONS: tuple[tuple[int, Callable[[sqlite3.Connection], str | None]], ...] = (
    (2, _migrate_search_v2),
    (3, _migrate_date_source_v3),
    (4, _migrate_identity_v4),
    (5, _migrate_research_v5),
    (6, _migrate_stories_v6),
    (7, _migrate_capture_lookup_v7),
    (8, _migrate_filter_indexes_v8),
    (9, _migrate_shared_canonicals_v9),
    # session ids (PHPSESSID, ;jsessionid=, a token-like sid); with v12's redirects, the
    # first pass of an upgrade from before v12 (the tables it reads are there by v9)
    (10, Rekey(redirects=True)),
    (11, _migrate_date_notes_v11),
    (12, Rekey(redirects=True)),  # a redirector's link, a Joomla menu's; a fetch redirected
    (13, Respell("a letter and its accent apart, a stress mark, a Latin look-alike")),
    (14, _migrate_walk_cuts_v14),
    (15, _migrate_walk_judged_v15),
    (16, Rekey()),  # a twice-escaped & (?amp;kat=1)
    (17, Rekey()),  # a referrer's tag (?ref=rss), a portal's return address (?redirect=)
    (18, Rekey()),  # _ga's linker, HubSpot's and Marketo's mail tags, Facebook's share tags
    (19, _migrate_walk_failures_v19),
    (20, _migrate_update_trigger_v20),
    (21, Respell("an invisible character inside a word (a soft hyphen, a zero-width space)")),
    (22, _migrate_source_failures_v22),
    (23, Respell("a control character inside a word")),
    (24, Rekey()),  # a cache-buster (?t=<milliseconds>, &_=); an ASP page's field's case
    (25, Rekey()),  # a wall's way back (?next=/..., destination)
    (26, Rekey()),  # a folder's index page (/novini/5/index.html)
    (27, Rekey()),  # a random cache-buster (?rnd=0.48213765213123); ?from=<a box's word>
    (28, Rekey()),  # a print copy's flag (?pechat=1, &print=1, Joomla's &tmpl=component&print=1)
    (29, _migrate_gone_answers_v29),
    (30, Rekey()),  # ColdFusion's session fields (&CFID=…&CFTOKEN=…)
    (31, _migrate_access_v31),
    (32, _migrate_relisted_marks_v32),
    (33, _migrate_text_source_v33),
    (34, _migrate_language_v34),
    (35, _migrate_walk_pass_v35),
    (36, _migrate_title_lookup_v36),
    (37, _migrate_walk_resume_index_v37),
    (38, _migrate_walk_past_url_v38),
    (39, Rekey()),  # a Joomla id's "-" slug (id=57-remont); Joomla 1.0's task=view
)
# The schema whose ``articles.access`` is there: a reader of an older one, read as it is,
# reads it NULL (``connection.connect_reader``), as the migration leaves it.
ACCESS_SINCE = 31
# The columns of ``articles`` a later schema added, each with the schema that added it: a
# reader of an older archive, read as it is, reads each it lacks NULL, as the migration
# leaves it (``connection.read_access_unrecorded``).
UNRECORDED_UNTIL = {"access": ACCESS_SINCE, "text_source": 33, "language": 34}
# The steps that re-key the stored addresses and those that respell the stored words:
# what a reader of an older archive, read as it is (``connection.read_old_schema``), may
# miss until it is upgraded.
REKEYED_AT = tuple(version for version, step in MIGRATIONS if isinstance(step, Rekey))
RESPELLED_AT = tuple(version for version, step in MIGRATIONS if isinstance(step, Respell))


def backfill_lemmas(conn: sqlite3.Connection) -> int:
    """Fill the lemma columns of every article, then rebuild the index; returns the count."""
    from newsarchive.archive.lemmas import Lemmatizer

    lemmatizer = Lemmatizer()
    rows = conn.execute("SELECT id, title, text FROM articles").fetchall()
    for article_id, title, text in rows:
        conn.execute(
            "UPDATE articles SET title_lemmas = ?, text_lemmas = ? WHERE id = ?",
            (lemmatizer.lemma_text(title), lemmatizer.lemma_text(text), article_id),
        )
    lemmatizer.flush(conn)
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
    return len(rows)
