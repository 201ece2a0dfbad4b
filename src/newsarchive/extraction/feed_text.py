"""A feed item's whole text over an article page that shows little or none of it.

Some sites' article pages are a script's shell (``shell``): the text comes from an API
a browser's script calls, while the site's feed carries it whole in
``<content:encoded>`` (Atom's ``<content type="html">``, JSON Feed's ``content_html``).
Read alone, such a page is no article, and before it was archived with its footer line
for its text. Where the feed's item is of the same headline and the page yields a shell
or a small part of the feed's text, the feed's text is the article's, read by the same
body rules from the item's HTML (so a site's boilerplate lines go as from a page), and
``rules["text"]`` says it came from the feed (``FEED_RULE``), and ``text_source`` records
it ("feed", ``articles.text_source``): ``reextract``, finding the stored page a shell
again, keeps the feed's text (``keeps_feed_text``) where it would report a failure.

Never the other way: a page with its own text keeps it, as a feed's summary or its first
paragraphs are never the article. The crawl holds the items' text for the run only (the
feed is read each night its URLs are found), so nothing of it is archived but the text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from html import escape

from newsarchive.extraction.page_kind import ERROR_PAGE
from newsarchive.extraction.pipeline import extract
from newsarchive.extraction.shell import SCRIPT_SHELL
from newsarchive.extraction.text_language import article_language
from newsarchive.models import TEXT_FEED, Article, Profile

FEED_RULE = "feed"
# The page's text counts as its own unless it is under this share of the feed's (in
# characters): a teaser of a paragraph or two, a footer line, a loading line
_SMALL_PART = 1 / 3


def with_feed_text(
    article: Article,
    fed: tuple[str, str] | None,
    *,
    profile: Profile | None = None,
    today: dt.date | None = None,
) -> Article:
    """``article`` (extracted from its page) with the feed's text where the page has too
    little of it (see the module's docstring). ``fed``: the item's title and its whole
    text as HTML. A page the extractor found to be a soft 404, a bot wall or an error
    stays what it is: only a shell or a page of a short text takes the feed's."""
    if fed is None:
        return article
    title, html = fed
    kind = article.rules.get("kind")
    if (kind and kind != SCRIPT_SHELL) or not _agree(article.title, title):
        return article
    page = f"<html><body><article><h1>{escape(article.title)}</h1>\n{html}</article></body></html>"
    read = extract(page, article.url, profile=profile, today=today)
    text = read.text
    if not text or read.rules.get("kind") == ERROR_PAGE:
        return article
    if kind != SCRIPT_SHELL and len(article.text) >= len(text) * _SMALL_PART:
        return article  # the page's own text
    rules = {key: value for key, value in article.rules.items() if key != "kind"}
    rules["text"] = FEED_RULE
    # (the feed's text is the article's: its language is that text's, the page's own
    # decision standing where the text is too short to tell)
    language = article_language(text, (article.language,), article.title)
    return replace(article, text=text, rules=rules, text_source=TEXT_FEED, language=language)


def keeps_feed_text(article: Article, stored: str) -> bool:
    """Whether an archived feed's text (``stored``) stands over ``article``, its page read
    again (``reextract``, which has no feed): the page is still a shell, or its own text
    is still under a third of the feed's, as ``with_feed_text`` chose. A page that now
    says it is not found or a bot wall is no such page: it is reported as any other."""
    kind = article.rules.get("kind")
    if kind:
        return kind == SCRIPT_SHELL
    return len(article.text) < len(stored) * _SMALL_PART


def _agree(headline: str, title: str) -> bool:
    """The page's headline and the feed item's title name one story: equal as read, or
    one holding the other whole (a title cut short, or the site's name beside one) and
    at least half its length: "Новини" is in many a title, and names none."""
    ours, theirs = sorted((" ".join(t.casefold().split()) for t in (headline, title)), key=len)
    return bool(ours) and ours in theirs and len(ours) * 2 >= len(theirs)
