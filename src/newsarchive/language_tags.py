"""The archive's language and how a page or a sitemap names one (BCP 47 tags).

One source for the rule that a copy of a Bulgarian page in another language is not news
of its own: a page's ``<html lang>`` and ``<link hreflang>`` (``extraction.translations``)
and a sitemap's ``<xhtml:link hreflang>`` (``discover.feeds``) name languages the same way.
"""

from __future__ import annotations

import re

ARCHIVE_LANGUAGE = "bg"


def primary_language(tag: str | None) -> str:
    """``bg-BG`` → ``bg``, ``en_GB`` → ``en``; "" when there is none."""
    return (tag or "").strip().lower().replace("_", "-").split("-")[0]


# How a choice of language names Bulgarian: a link's text, its flag's alt or title
# ("Български", "БГ", "BG", "Bulgarian"), or its hreflang; and as a sentence does ("На
# български", "Версия на български", "Bulgarian version", "In Bulgarian", "BG версия").
# (A bare home page's way in, ``explore.language_home``; a copy's link to its original,
# ``extraction.translations.copy_of``.)
BULGARIAN_LABEL = re.compile(
    r"^(?:(?:(?:версия\s+)?на|in)\s+)?(?:български(?:\s+език)?|бг|bg(?:-bg)?|bul|bulgarian)"
    r"(?:\s+(?:версия|version|език|language))?$",
    re.IGNORECASE,
)
