"""Whether a page is the translation of a Bulgarian page it names.

Bulgarian municipal and regional sites often keep an English (or German, Romanian…)
copy of some articles under ``/en/`` and link the two with ``<link rel="alternate"
hreflang="…">``, both ways. A Bulgarian news archive keeps the Bulgarian original: the
copy is the same story told again, in a language the archive's searches (Bulgarian word
forms) do not serve, and archiving it would count one article twice. A page is such a
copy when it says it is in another language (its own entry among the alternates, else
``<html lang>``, else ``Content-Language``: ``_own_language``) and names a Bulgarian
alternate at another address. A page in another language with no Bulgarian alternate
(an English-language service) is an article of its own and stays.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

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
    here = url_key(url)
    alternates: list[tuple[str, str]] = []  # (language, URL) of each named alternate
    for link in tree.css("link[hreflang][href]"):
        if "alternate" not in (link.attributes.get("rel") or "").lower().split():
            continue
        address = normalize_url(link.attributes.get("href") or "", url)
        language = _primary(link.attributes.get("hreflang"))
        if address is not None and language not in ("", "x"):  # (x-default: no language)
            alternates.append((language, address))
    language = _own_language(tree, [lang for lang, a in alternates if url_key(a) == here])
    if not language or language == ARCHIVE_LANGUAGE:
        return None
    for alternate, address in alternates:
        if alternate == ARCHIVE_LANGUAGE and url_key(address) != here:
            return address
    return None


def _own_language(tree: LexborHTMLParser, named: list[str]) -> str:
    """The page's language: what its own entry among the alternates names (``named``, the
    languages of those naming its address) before ``<html lang>``, else
    ``Content-Language``. A layout writes one ``<html lang>`` on both copies of a
    bilingual CMS (a lang="bg" English copy); the translation table that writes each
    copy's alternates knows which copy it wrote. Own entries that disagree say nothing."""
    if len(set(named)) == 1:
        return named[0]
    root = tree.css_first("html")
    language = _primary(root.attributes.get("lang") if root is not None else None)
    if not language:
        meta = tree.css_first('meta[http-equiv="content-language" i][content]')
        language = _primary(meta.attributes.get("content") if meta is not None else None)
    return language
