"""The archive's language and how a page or a sitemap names one (BCP 47 tags).

One source for the rule that a copy of a Bulgarian page in another language is not news
of its own: a page's ``<html lang>`` and ``<link hreflang>`` (``extraction.translations``)
and a sitemap's ``<xhtml:link hreflang>`` (``discover.feeds``) name languages the same way.
"""

from __future__ import annotations

import re

ARCHIVE_LANGUAGE = "bg"
# The languages written in Cyrillic letters (``extraction.text_language`` tells them apart):
# a page declaring one of these over a text in Latin letters, or another over Cyrillic,
# declares its template's language, not its text's.
CYRILLIC_LANGUAGES = frozenset({"bg", "ru", "uk", "mk", "sr", "be", "kk", "ky", "mn", "tg"})


# A language tag a user or a file gives (``search --lang``, an import's ``language``): a
# primary subtag of two or three letters, and any subtags after it ("en", "en-GB",
# "pt_BR"); what is stored and matched is the primary one.
_GIVEN_TAG = re.compile(r"[a-z]{2,3}(?:[-_][a-z0-9]{1,8})*", re.IGNORECASE)
# What ``--lang`` asks for the rows whose language was never recorded (NULL: archived
# before schema v34 and not re-extracted, or imported without it).
UNKNOWN_LANGUAGE = "unknown"


def language_tag(value: str) -> str | None:
    """``value``'s primary language tag ("EN-gb" → "en"), None when it is no language
    tag (a number, a word, "e"): the one reading of a language a user or a file gives."""
    typed = value.strip()
    return primary_language(typed) if _GIVEN_TAG.fullmatch(typed) else None


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
