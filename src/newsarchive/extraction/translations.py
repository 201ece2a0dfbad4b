"""Whether a page is the translation of a Bulgarian page it names.

Bulgarian municipal and regional sites often keep an English (or German, Romanian…)
copy of some articles under ``/en/`` and link the two with ``<link rel="alternate"
hreflang="…">``, both ways. A Bulgarian news archive keeps the Bulgarian original: the
copy is the same story told again, in a language the archive's searches (Bulgarian word
forms) do not serve, and archiving it would count one article twice. A page is such a
copy when it says it is in another language (``<html lang>``, else ``Content-Language``)
and names a Bulgarian alternate at another address. A page in another language with no
Bulgarian alternate (an English-language service) is an article of its own and stays.
"""

from __future__ import annotations

import re

from newsarchive.discover.urls import normalize_url, url_key
from newsarchive.language_tags import ARCHIVE_LANGUAGE
from newsarchive.language_tags import primary_language as _primary
from newsarchive.markup import parse_html

_HREFLANG = re.compile("hreflang", re.IGNORECASE)
_BODY = re.compile("<body", re.IGNORECASE)


def translation_of(html: str, url: str) -> str | None:
    """The Bulgarian original's URL when the page at ``url`` is a copy of it in another
    language (see the module's docstring), else None. Pure; never raises."""
    if not _HREFLANG.search(html):
        return None  # nearly every page: no alternates, no parse
    body = _BODY.search(html)  # the language and the alternates are stated in the head:
    tree = parse_html(html[: body.start()] if body else html)  # the body is not parsed
    root = tree.css_first("html")
    language = _primary(root.attributes.get("lang") if root is not None else None)
    if not language:
        meta = tree.css_first('meta[http-equiv="content-language" i][content]')
        language = _primary(meta.attributes.get("content") if meta is not None else None)
    if not language or language == ARCHIVE_LANGUAGE:
        return None
    here = url_key(url)
    for link in tree.css("link[hreflang][href]"):
        rels = (link.attributes.get("rel") or "").lower().split()
        if "alternate" not in rels or _primary(link.attributes.get("hreflang")) != ARCHIVE_LANGUAGE:
            continue
        original = normalize_url(link.attributes.get("href") or "", url)
        if original is not None and url_key(original) != here:
            return original
    return None
