"""Fetching the documents discovery reads: feeds, sitemaps and listing pages.

Unlike an article, a source that fails is a failure of the whole run (a site that moved
answers 404, or its home page, for every old URL), so anything but the document asked
for comes back as a ``Miss`` with the one line that says why. A feed that comes back as
HTML is a broken source, not an empty one.
"""

from __future__ import annotations

import enum
from collections.abc import Callable

from newsarchive.discover.feeds import declared_late
from newsarchive.discover.site_map import is_html, is_site_map_page
from newsarchive.errors import FetchError
from newsarchive.fetch.client import (
    GONE_STATUSES,
    Elsewhere,
    Fetcher,
    FetchInterrupted,
    HostResting,
    NotFollowed,
    RedirectRefused,
    RobotsDisallowed,
)
from newsarchive.fetch.documents import XML_KINDS
from newsarchive.gzip_file import MAGIC as GZIP_MAGIC
from newsarchive.models import Page


class Miss(enum.Enum):
    """Why a source fetch gave no document to read."""

    UNCHANGED = "unchanged"  # 304 to a conditional request
    GONE = "gone"  # a listing page after the first answered 404/410 (or robots.txt
    # closes it): the listing ends
    FAILED = "failed"  # an error of the run
    REMOVED = "removed"  # an error of the run, a source's first page answering 404/410:
    # one a redesign explains, the site's news now elsewhere (``Discoverer.run``)
    DOWN = "down"  # an error of the run that another try may not meet: no answer, a
    # 5xx or 429 after the retries
    RESTED = "rested"  # not asked: a source failing run after run rests (``crawl_rests``)


# what fails the run (every caller that fails on one fails on them all)
FAILURES = (Miss.FAILED, Miss.REMOVED, Miss.DOWN)

# What a ``Miss.GONE`` says when robots.txt closed the page (not a 404/410): the listing
# ends there as the site wishes, and the crawl says so once in its summary.
CLOSED_BY_ROBOTS = "robots.txt closes it"


class HtmlAnswer(str):
    """What a ``Miss.REMOVED`` says of a sitemap that answered an HTML page
    (``html_gone``), not a 404/410: gone for this run, not for good
    (``crawl_sources._dead_named``). Its own type, so that no reader tells the two apart
    by the words of the message, which a rewording would silently turn lasting."""


def fetch_source(
    fetcher: Fetcher,
    url: str,
    kind: str,
    *,
    validators: tuple[str | None, str | None] = (None, None),
    gone_ends: bool = False,
    keep: bool = False,
    read_before: Callable[[str], bool] | None = None,
    html_gone: bool = False,
) -> Page | tuple[Miss, str]:
    """The source document, or why not (``gone_ends``: 404/410 ends a listing quietly, and
    so does a robots.txt closing its later pages, as Blogger's ``Disallow: /search`` closes
    "По-стари публикации": the site's wish, not a failure of the run).

    ``keep``: the page is read again soon in this run (exploring, then crawling what it
    found), so that read is answered from ``fetcher.recent`` instead of the site, with
    the page whatever ``validators`` say: it is in hand, reading it costs no request, and
    matching validators prove nothing of a server whose ETag or Last-Modified never
    changes while the page does (such a server answers 304 every night: re-exploring,
    about monthly, is then when its new items are found).

    ``read_before``: whether an address is a page of this listing read already; a later
    page redirected there (a number past the end sent back to page 1 with a ``302``) ends
    the listing as a 404 would, the redirect not followed: it would read that page again.

    ``html_gone``: an HTML page (and no site map page) where a sitemap was asked is the
    server's "page not found" answered ``200`` (a soft 404: a CMS routing every unknown
    address to its 404 template or its home page), so a ``Miss.REMOVED`` as a 404 is;
    only where the caller has a witness that the server answers XML (``crawl_sources``:
    a child of an index read this run).
    """
    page = fetcher.take_kept(url)
    elsewhere = (
        None
        if read_before is None
        else (lambda _url, target: NotFollowed.FETCHED if read_before(target) else None)
    )
    try:
        if page is None:
            page = fetcher.fetch(
                url, etag=validators[0], last_modified=validators[1], elsewhere=elsewhere
            )
    except (FetchInterrupted, HostResting):  # the run's, not this source's
        raise
    except Elsewhere:  # (only ever raised with ``read_before``)
        return Miss.GONE, ""
    except RobotsDisallowed as exc:
        return (
            (Miss.GONE, CLOSED_BY_ROBOTS) if gone_ends else (Miss.FAILED, f"{kind} failed: {exc}")
        )
    except RedirectRefused as exc:  # the site's answer, given again next time
        return Miss.FAILED, f"{kind} failed: {exc}"
    except FetchError as exc:
        if keep:  # (the crawl may ask it next as an article: ``RecentPages.keep_failure``)
            fetcher.recent.keep_failure(url, exc)
        return Miss.DOWN, f"{kind} failed: {exc}"
    if page.not_modified:
        return Miss.UNCHANGED, ""
    if page.status in GONE_STATUSES and gone_ends:
        return Miss.GONE, ""
    if page.status in GONE_STATUSES:
        # kept whoever reads: a saved source gone has the site explored again this run
        # (``Discoverer._gone``), and a menu linking it still leads exploring to it
        fetcher.recent.keep(page)
        return Miss.REMOVED, f"{kind} failed: HTTP {page.status}: {fetcher.describe(url)}"
    problem = f"HTTP {page.status}" if page.status != 200 else unexpected_kind(page, kind)
    if problem and html_gone and page.status == 200 and is_html(page.content):
        fetcher.recent.keep(page)  # (as a 404 is: exploring may read it)
        answer = f"answered an HTML page ({page.headers.get('content-type') or 'no content type'})"
        return Miss.REMOVED, HtmlAnswer(
            f"{kind} failed: {answer}, not XML: {fetcher.describe(url)}"
        )
    if problem:
        return Miss.FAILED, f"{kind} failed: {problem}: {fetcher.describe(url)}"
    if keep:
        fetcher.recent.keep(page)
    return page


def as_before(validators: tuple[str | None, str | None], page: Page) -> bool:
    """Whether ``page``, asked without validators, came with those saved for it
    (``validators``: its ETag, else its Last-Modified), so that a request sending them
    would have been answered 304: the page the server still holds is the one read
    before. A listing read for the item shapes it teaches is asked whole (a 304 teaches
    none) and is read as unchanged when so (``SourceReader.walk``). No validator
    saved, none matches: read as changed."""
    etag, last_modified = validators
    if etag:  # (RFC 9110: If-None-Match decides where sent)
        return page.headers.get("etag") == etag
    return bool(last_modified) and page.headers.get("last-modified") == last_modified


_XML_TYPES = ("xml", "rss", "atom", "gzip", "octet-stream", "text/plain")
# An XML declaration, a feed's or a sitemap's root element (``documents.XML_KINDS``), or
# gzip's magic (a sitemap.xml.gz).
_XML_STARTS = (b"<?xml", *(b"<" + root for root in XML_KINDS), GZIP_MAGIC)


def unexpected_kind(page: Page, kind: str) -> str | None:
    """Why ``page`` is not a ``kind`` ("feed", "sitemap", a listing; "page" is anything),
    or None when it is."""
    if kind == "page":
        return None
    content_type = page.headers.get("content-type", "").lower()
    head = page.content[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if kind in ("feed", "sitemap"):
        if head.startswith(_XML_STARTS) or any(t in content_type for t in _XML_TYPES):
            return None
        if not head:  # (nothing in it: read, and said empty, ``feeds.EMPTY``, not "not XML")
            return None
        if declared_late(page.content):  # (a PHP notice, then the document, as text/html)
            return None
        if kind == "feed" and ("json" in content_type or head.startswith((b"[", b"{"))):
            return None  # a list of posts in JSON (WordPress's REST API, JSON Feed)
        if kind == "sitemap" and is_site_map_page(page.final_url, page.content):
            return None  # an HTML "Карта на сайта" the explorer took for the sitemap
        return f"not XML ({content_type or 'no content type'})"
    if "html" in content_type or (not content_type and b"<" in head[:64]):
        return None
    if "json" in content_type or head.startswith((b"{", b"[")):
        return None  # a "load more" endpoint's answer (``discover.fragments``)
    if not content_type and not head:
        return "empty response"
    return f"not HTML ({content_type or 'no content type'})"
