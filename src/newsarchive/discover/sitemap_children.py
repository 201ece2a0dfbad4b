"""Which child sitemaps of an index a nightly run must ask again, whatever the index says.

Many CMSes never tell, in the index, that a child changed: WordPress core writes no
``<lastmod>`` at all, Yoast and Joomla's OSMap keep a child's ``<lastmod>`` (and so the
index's bytes, and its ETag) as they were while new posts go into the child. Trusting the
index alone, a run would never read the child new articles go to again. Asking every
child conditionally would find them, at one request per child a night, most of them
archives of past months that never change. New posts go to the newest child of each
sequence (``post-sitemap3.xml`` after ``post-sitemap2.xml``, ``sitemap-2026-12.xml``,
``wp-sitemap-posts-post-4.xml``, Drupal's ``sitemap.xml?page=1`` when its ``<lastmod>``
says so), so only those are asked, with their validators: a 304 each when unchanged.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from urllib.parse import urlsplit

from newsarchive.discover.feeds import FeedEntry
from newsarchive.discover.shape import LIST_WORDS

# The words a child's file name uses for what is not news: a CMS's static pages
# ("stranitsi"), the lists it files posts under (``shape.LIST_WORDS``: categories, tags,
# authors), its users, shop and media, its monthly archives (Google XML Sitemaps'
# ``sitemap-authors.xml``, ``sitemap-archives.xml``). Such a child grows when the site's
# structure does, not when it posts: it waits for its <lastmod> (or the index's bytes).
_NOT_NEWS = LIST_WORDS | frozenset(
    "page pages stranitsi stranici taxonomies taxonomy users user authors attachment"
    " attachments product products media archives".split()
)
_DIGITS = re.compile(r"\d+")
_WORDS = re.compile(r"[a-z]+")


def _name(url: str) -> str:
    """The child's path and query, what tells one child of a sequence from another: its
    folders too, since ``/bg/post-sitemap.xml`` and ``/en/post-sitemap.xml`` are two
    sequences (by file name alone, only the first listed was ever asked again), while a
    series filed by date (``/sitemaps/2026/11/sitemap.xml``) differs in numbers only."""
    parts = urlsplit(url)
    return f"{parts.path.lower()}?{parts.query.lower()}" if parts.query else parts.path.lower()


def _is_news(url: str) -> bool:
    """Whether the child's file name (not its query: Drupal's ``?page=2`` is a page of
    posts) names no kind of page that is not news."""
    name = urlsplit(url).path.rsplit("/", 1)[-1].lower()
    return not _NOT_NEWS.intersection(_WORDS.findall(name))


def sequences(children: Sequence[FeedEntry]) -> list[list[FeedEntry]]:
    """The index's children of news, in sequences of one name but for its numbers
    (``post-sitemap.xml``, ``post-sitemap2.xml``), each newest first: by ``<lastmod>``
    when the sequence's children give different ones (a Drupal index whose first page is
    its newest), else by their numbers (a year and month, a page counted up; a name
    without one is the first). A sequence whose newest by ``<lastmod>`` is not its
    highest number comes twice, the second time by numbers: a growing child whose
    ``<lastmod>`` stays (Yoast) is older by it than one where an old post was edited,
    and asking only that one left the posts going into the growing child unread."""
    found: dict[str, list[FeedEntry]] = {}
    for child in children:
        if _is_news(child.url):
            found.setdefault(_DIGITS.sub("", _name(child.url)), []).append(child)
    ordered = []
    for members in found.values():
        numbered = sorted(members, key=_numbers, reverse=True)
        if len({stamp(child) for child in members}) == 1:  # (no <lastmod> tells them apart)
            ordered.append(numbered)
            continue
        by_date = sorted(members, key=lambda child: (stamp(child), _numbers(child)), reverse=True)
        ordered.append(by_date)
        if _numbers(numbered[0]) != _numbers(by_date[0]):
            ordered.append(numbered)
    return ordered


def newest_first(children: Sequence[FeedEntry]) -> list[FeedEntry]:
    """The order a run reads an index's children (or a site's sitemaps) in: news first,
    then what ``_is_news`` says is not, each newest first, by ``<lastmod>`` and, where
    that does not tell them apart (none given, or the same), by the numbers in the name
    (``sitemap-12.xml`` before ``sitemap-9.xml``, ``sitemap-2026-11.xml`` before
    ``sitemap-2026-9.xml``); a child with no ``<lastmod>`` after those with one. An index
    lists them in any order (Joomla's JMap by its data sets, a plugin by a hash), and a
    run whose sitemaps are cut short (``crawl_sources.SITEMAPS_PER_RUN``, the request
    budget) must have read where new posts go, not the oldest archive."""

    def key(child: FeedEntry) -> tuple[bool, str, list[int]]:
        return _is_news(child.url), stamp(child), _numbers(child)

    return sorted(children, key=key, reverse=True)


def generation_stamp(children: Sequence[FeedEntry], most: int) -> str:
    """The ``<lastmod>`` more than ``most`` children share (the most a run reads), or "":
    a generator stamping every child with the time it wrote the index (a new one each
    night) says no child changed. Taken as changes, they had the run read again, within
    its cap, the same newest children every night, and never the rest; taken as no
    date, a child read once waits for ``sequences`` (its newest) or its own new stamp."""
    if len(children) <= most:
        return ""
    stamps = Counter(stamp(child) for child in children)
    shared, count = stamps.most_common(1)[0]
    return shared if count > most else ""


def stamp(child: FeedEntry) -> str:
    """The child's ``<lastmod>`` as the frontier stores it, "" for none."""
    return child.published.isoformat() if child.published else ""


def _numbers(child: FeedEntry) -> list[int]:
    return [int(n) for n in _DIGITS.findall(_name(child.url))]
