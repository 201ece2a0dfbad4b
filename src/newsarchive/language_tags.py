"""The archive's language and how a page or a sitemap names one (BCP 47 tags).

One source for the rule that a copy of a Bulgarian page in another language is not news
of its own: a page's ``<html lang>`` and ``<link hreflang>`` (``extraction.translations``)
and a sitemap's ``<xhtml:link hreflang>`` (``discover.feeds``) name languages the same way.
"""

from __future__ import annotations

ARCHIVE_LANGUAGE = "bg"


def primary_language(tag: str | None) -> str:
    """``bg-BG`` → ``bg``, ``en_GB`` → ``en``; "" when there is none."""
    return (tag or "").strip().lower().replace("_", "-").split("-")[0]
