"""Plain, frozen values passed between the pipeline stages.

site profile -> discovery (Candidate) -> fetch (Page) -> extract (Article) -> archive.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# A crawl's settings where neither the command nor the profile gives one: what the crawl
# takes, and what the command's help says it takes (one place: the help cannot drift).
DEFAULT_MAX_PAGES = 25  # listing pages walked per start URL
DEFAULT_DELAY = 1.0  # seconds between requests to one host
DEFAULT_CONNECTIONS = 2  # requests in flight per host
DEFAULT_STOP_AFTER_KNOWN = 10  # archived articles in a row that end a listing's walk
# One site's requests in one run (feeds, sitemaps, listings, articles, robots.txt): a site
# with a million-URL sitemap takes several nights, but never the whole night of the others.
DEFAULT_MAX_REQUESTS = 5000
# Listing pages ``check-site`` reads per start page (``--pages``), the later ones only while
# fewer article links than the articles to check were found: the start page and its next
# by default (whether the walk finds page 2 is what a redesign breaks), and at most this
# many (a check, not a crawl: a listing of a hundred pages is the crawl's to walk).
CHECK_PAGES = 2
MAX_CHECK_PAGES = 20


@dataclass(frozen=True)
class Profile:
    """What differs about one site; everything left empty falls back to generic rules."""

    id: str
    name: str
    origin: str
    hosts: tuple[str, ...] = ()
    # where the site's home page is on its origin: "/", or the folder of a site kept at a
    # sub-path of a host it shares ("/obshtina/": a profile's origin written so)
    home: str = "/"
    start_urls: tuple[str, ...] = ()
    # more listings, each a stream of news of its own: walked in full once, then read
    # every few days, not every run, or every night where no feed or sitemap is named
    # (``Discovery.rested``, ``SourceReader.rested_due``; add-site proposes them)
    rested_urls: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    article_pattern: str = ""
    pagination: str = ""
    max_pages: int = DEFAULT_MAX_PAGES
    title_selectors: tuple[str, ...] = ()
    date_selectors: tuple[str, ...] = ()
    body_selectors: tuple[str, ...] = ()
    author_selectors: tuple[str, ...] = ()
    tag_selectors: tuple[str, ...] = ()
    drop_selectors: tuple[str, ...] = ()
    drop_patterns: tuple[str, ...] = ()
    title_affixes: tuple[str, ...] = ()
    date_formats: tuple[str, ...] = ()
    # the fields ("title", "date", "body") whose selectors a person saw match the right
    # element on the site's own pages (``[extract] verified``): their answer is taken as it
    # is. A field not named is a guess, checked against the generic rules' answer on each
    # page (``extraction.profile_check``): a guess can match a part or a neighbour.
    verified_fields: tuple[str, ...] = ()
    delay: float | None = None
    # TLS (``fetch/tls.py``): false reads the site's hosts without verifying their
    # certificate (said once a run); ``ca_bundle`` is a PEM file of more authorities or a
    # missing intermediate to verify them with
    tls_verify: bool = True
    ca_bundle: str | None = None
    source: str = "built-in"

    @property
    def address(self) -> str:
        """The site's address as its profile writes it: the origin, and the folder of a
        site kept at a sub-path of its host (``https://x.bg/obshtina/``)."""
        return self.origin if self.home == "/" else self.origin + self.home


@dataclass(frozen=True)
class Candidate:
    """A URL discovery believes is an article, with where it was found: the listing
    page's URL, or one of the ``SOURCE_*`` words. ``listed_date`` is the date shown beside
    it (a listing card, a feed's pubDate, a sitemap's lastmod, a recheck's archived day),
    with its time of day and offset where it gave them: a page printing the day alone
    takes its feed's moment (``published.with_listed``), as a search sorting a day's news
    reads it. ``headline``: the text of a listing card's link to it (its longest), which
    tells an archived article retitled since (``discover.headlines``)."""

    url: str
    site: str
    source: str
    listed_date: dt.date | dt.datetime | None = None
    headline: str | None = None
    # a feed item's whole text as HTML (``FeedEntry.content``), held for the run only:
    # the feed is read each night its URL is found, so nothing keeps it in the archive
    content: str | None = field(default=None, compare=False, repr=False)


SOURCE_FEED = "feed"  # an RSS/Atom feed: its dates are publication dates
SOURCE_SITEMAP = "sitemap"  # its lastmod is when the page last changed, not a publication
# A Google News sitemap's entry (``<news:news>``) dated by its ``<news:publication_date>``:
# a publication date, as a feed's is (its ``date_source`` "feed"), though read from a sitemap
SOURCE_NEWS_SITEMAP = "news-sitemap"
SOURCE_RECHECK = "recheck"  # an archived article queued again by ``crawl --recheck``
# an archived article queued again because its listing card's headline or feed item's
# title, or its feed or sitemap entry's date, says it changed since it was read
# (``Frontier.relisted``); the row keeps the fingerprint of each that did so in a column
# of its own (``frontier.relisted``, which nothing queueing the row again replaces), so
# the same card, title or date never has it read again
SOURCE_RELISTED = "relisted"
# an article reached back through the "« Предишна новина" link of the one after it:
# "older", or "older:N" when at most N more may be reached back from it, "older:N:SOURCE"
# when it took over an address a listing or feed had dated (``frontier.older_source``)
SOURCE_OLDER = "older"


@dataclass(frozen=True)
class Page:
    """One HTTP response: raw bytes kept so extraction can be re-run offline."""

    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    content: bytes
    text: str
    encoding: str
    fetched_at: dt.datetime

    @property
    def not_modified(self) -> bool:
        """A 304: the answer to a conditional request, derived from ``status`` so the two
        can never disagree (a stored or imported 304 says so too)."""
        return self.status == 304


Published = dt.date | dt.datetime

# The largest response body read, whatever the stage: a page, a feed, a sitemap (an
# inflated gzip included). A model-level setting because discovery (feeds) and fetch both
# bound what they read by it, and discovery must not import the fetcher.
MAX_BODY_BYTES = 10 * 1024 * 1024

# Which kind of rule gave ``Article.published``, coarsest first in trust: structured data
# the page states (jsonld, meta), a <time> element, visible text, the URL, or, set by the
# crawl from what linked to the page, its feed entry or listing card; "none" when no date.
DATE_SOURCES = ("jsonld", "meta", "time", "text", "url", "feed", "listing", "none")

# Why ``Article.published`` is weaker than its ``date_source`` says (``Article.date_note``,
# ``articles.date_note``): the page showed only when it was last changed ("Обновена:
# 12.03.2026", so ``published`` is that day and ``modified`` too), or the date is a guess
# (a day without its year, "преди 2 месеца", the day of an event the story tells). None:
# the date is what its source states.
# An analyst filters on it; a crawl's listing or feed date replacing a guess clears it.
DATE_NOTE_MODIFIED_ONLY = "modified-only"
DATE_NOTE_GUESSED = "guessed"
# Each note with the words ``show`` and the web article page print beside the date.
DATE_NOTES = {
    DATE_NOTE_MODIFIED_ONLY: "the page shows only when it was last modified",
    DATE_NOTE_GUESSED: (
        "a guess: the page gives no year, only how long ago, or only a day its story tells"
    ),
}
# What an article records of its ``published`` date (the rule that found it, how weak it
# is): it goes with that date and never outlives it: a record's date dropped takes them
# (``jsonl_import._undated``), and a row keeps them from a record that does not say them
# only while its date stays (``Store.upsert_article``'s ``unsaid``).
OF_PUBLISHED = ("date_source", "date_note")


# ``Article.access``, ``articles.access``: each value with what ``show`` and the web
# article page say of it (a free article's is said by saying nothing).
ACCESS_WORDS = {
    "paid": "paid — the page offers it to subscribers; the archived text may be its lead alone",
    "free": "",
}


# ``Article.text_source``, ``articles.text_source``: where the archived text came from,
# each with what ``show`` and the web article page say of it (a page's own text is said by
# saying nothing; NULL, a row archived before v33 or imported without it, reads as one).
TEXT_PAGE = "page"
TEXT_PAGES = "pages"  # joined from the article's later pages (``extraction.continuation``)
TEXT_FEED = "feed"  # the site's feed's whole text over a shell (``extraction.feed_text``)
TEXT_SOURCES = {
    TEXT_PAGE: "",
    TEXT_PAGES: "pages — joined from the article's later pages",
    TEXT_FEED: (
        "feed — the site's feed carried the whole text; the article's page is a script's"
        " shell or shows a small part of it"
    ),
}


def language_words(article: Mapping[str, Any]) -> str:
    """What ``show`` and the web article page say of an archived article's language
    (``articles.language``): its tag where it is not the archive's own Bulgarian (said by
    saying nothing, as a page's own text is), "unknown" where it was never recorded (a
    row archived before v34 and not re-extracted); "" for an article that has no such
    key (nothing to say)."""
    from newsarchive.language_tags import ARCHIVE_LANGUAGE, UNKNOWN_LANGUAGE

    if "language" not in article:
        return ""
    language = article["language"]
    if language is None:
        return f"{UNKNOWN_LANGUAGE} (not recorded)"
    return "" if language == ARCHIVE_LANGUAGE else str(language)


def date_words(article: Mapping[str, Any]) -> list[str]:
    """What ``show`` and the web article page say of an archived article's date beside it
    ("date source: text, the page shows only when it was last modified", "modified
    2026-03-12"): one wording for both."""
    words = []
    if article.get("date_source"):
        note = DATE_NOTES.get(article.get("date_note") or "")
        words.append(f"date source: {article['date_source']}" + (f", {note}" if note else ""))
    if article.get("modified") and article.get("modified") != article.get("published"):
        words.append(f"modified {article['modified']}")
    return words


@dataclass(frozen=True)
class Article:
    """The clean article; ``text`` is paragraphs separated by ``\\n``."""

    title: str = ""
    text: str = ""
    published: Published | None = None
    author: str | None = None
    url: str | None = None
    canonical_url: str | None = None
    tags: tuple[str, ...] = ()
    site: str | None = None
    date_source: str | None = None  # one of DATE_SOURCES; None = not recorded (old imports)
    modified: Published | None = None  # kept apart from ``published``, never replacing it
    date_note: str | None = None  # one of DATE_NOTES, or None: ``published`` is as stated
    # One of ACCESS_WORDS: "paid" when the page says the article is for subscribers (its
    # text may be the lead alone: ``extraction.access``), "free" when it does not; None
    # = not recorded (an import without it, a row archived before v31).
    access: str | None = None
    # One of TEXT_SOURCES: "page" (extracted from its page), "pages" (joined from its later
    # pages), "feed" (the feed's text over a shell); None = not recorded (an import
    # without it, a row archived before v33). Not in ``as_dict``: ``extract`` reads a page.
    text_source: str | None = TEXT_PAGE
    # The language the article is written in, a BCP 47 primary tag ("bg", "en", "tr";
    # "und" for Latin letters of no language told): ``text_language.article_language``,
    # the one rule, at extraction. None = not recorded (an import without it, a row
    # archived before v34, an Article not read from a page).
    language: str | None = None
    # The other day ``published``, a slash date read as the page's language writes, reads
    # as (``dates.TextDate.other``): a listing's or feed's date decides between the two
    # (``published.with_listed``). Not stored: the date that decided is.
    published_other: dt.date | None = field(default=None, compare=False)
    rules: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def published_guessed(self) -> bool:
        """``published`` is a guess: a crawl takes a listing's or a feed's date over it
        (``published.with_listed``)."""
        return self.date_note == DATE_NOTE_GUESSED

    def fields_marked(self, mark: str) -> tuple[str, ...]:
        """The fields the extractor listed under ``rules[mark]``: "drift" (a profile's
        selector found nothing, a generic rule stepped in), "error" (a rule raised)."""
        return tuple(filter(None, self.rules.get(mark, "").split(",")))

    def as_dict(self) -> dict[str, object]:
        """JSON-ready view used by ``extract --format json`` and exports."""
        return {
            "site": self.site,
            "url": self.canonical_url or self.url,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "date_source": self.date_source,
            "modified": self.modified.isoformat() if self.modified else None,
            "date_note": self.date_note,
            "access": self.access,
            "language": self.language,
            "author": self.author,
            "tags": list(self.tags),
            "text": self.text,
        }
