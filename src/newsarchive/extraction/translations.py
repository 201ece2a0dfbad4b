"""Whether a page is the translation of a Bulgarian page it names.

Bulgarian municipal and regional sites often keep an English (or German, Romanian…)
copy of some articles under ``/en/`` and link the two with ``<link rel="alternate"
hreflang="…">``, both ways. A Bulgarian news archive keeps the Bulgarian original: the
copy is the same story told again, in a language the archive's searches (Bulgarian word
forms) do not serve, and archiving it would count one article twice. A page is such a
copy when it says it is in another language (its own entry among the alternates, else
``<html lang>``, else ``Content-Language``: ``_own_language``) and names a Bulgarian
alternate at another address. A page in another language with no Bulgarian alternate
(an English-language service) is an article of its own and stays. A translation printed
on the Bulgarian page itself, under a heading naming its language ("English version"),
is left out of the text for the same reason (``without_translation``).

A template may lie instead: ``<html lang="bg">`` on every copy and no ``hreflang`` at all,
the copy told only by its text (Russian, English, Turkish: ``text_language``) and the
language switch it prints ("БГ | RU | EN") linking the same article's Bulgarian copy at
another address. Such a page is a translation too (``copy_of``); a page in another
language whose switch names only a home page names no original and stays.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from newsarchive.discover.urls import normalize_url, url_key
from newsarchive.extraction.text_language import text_language
from newsarchive.language_tags import ARCHIVE_LANGUAGE, BULGARIAN_LABEL
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


# A path that is a site's (or one language's) home page, no article's: "/", "/bg/",
# "/index.php", "/начало".
_HOME_PATH = re.compile(r"/?(?:[a-z]{2}/?)?(?:index\.\w+|начало)?/?", re.IGNORECASE)
_LANGUAGE_FIELD = re.compile(
    r"(?:lang|language|lng|hl)=[\w-]*", re.IGNORECASE
)  # "/?lang=bg": a home


# A link garbled in the template: a percent sign escaping nothing, or the replacement
# character the parser put for a NUL or a byte of no encoding
_GARBLED_HREF = re.compile("%(?![0-9A-Fa-f]{2})|\ufffd")


def copy_of(text: str, tree: Callable[[], LexborHTMLParser], url: str) -> str | None:
    """The Bulgarian original's URL when the page at ``url``, whose article text is
    ``text``, is written in another language and its language switch links a Bulgarian
    copy at another address of the same host that is not a home page (a link whose text,
    title, or flag's alt or title names Bulgarian: "БГ", "BG", "Български"), else None.
    For the templates that state no language true (see the module's docstring): the text
    must say it is another language's (a Bulgarian text linking "БГ" is the original),
    and a switch naming only the Bulgarian home page names no original. ``tree``: gives
    the page's tree, asked for only where the text is another language's (a crawl may
    parse the page again for it: ``harvest.judge``). Pure."""
    language = text_language(text)
    if language in ("", ARCHIVE_LANGUAGE):
        return None  # (nearly every page: Bulgarian, or too short to tell)
    try:
        here, host = url_key(url), urlsplit(url).netloc.lower()
    except ValueError:  # (an address too malformed to split: never a fetched page's)
        return None
    for anchor in tree().css("a[href]"):
        labels = [anchor.text(deep=True), anchor.attributes.get("title") or ""]
        labels += [
            img.attributes.get(k) or "" for img in anchor.css("img") for k in ("alt", "title")
        ]
        if not any(BULGARIAN_LABEL.match(" ".join(label.split())) for label in labels):
            continue
        href = anchor.attributes.get("href") or ""
        if _GARBLED_HREF.search(href):
            continue  # (names no page: its original is not known)
        address = normalize_url(href, url)
        if address is None or url_key(address) == here:
            continue
        parts = urlsplit(address)
        fields = [f for f in parts.query.split("&") if f and not _LANGUAGE_FIELD.fullmatch(f)]
        if parts.netloc.lower() == host and (fields or not _HOME_PATH.fullmatch(parts.path)):
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


# A heading that names another language's copy and nothing else: the language, in its own
# words, in English or in Bulgarian ("English version", "In English", "English", "На
# английски", "Превод на английски език", "Deutsche Version", "Version française"). Latin
# languages only: the copy is told by its switch from Cyrillic to Latin letters.
_LANGUAGE_WORDS = (
    "english|german|deutsch|deutsche|french|français|française|francais|spanish|español"
    "|espanol|italian|italiano|romanian|română|romana|turkish|türkçe|turkce"
    "|английски|английска|немски|немска|френски|френска|испански|испанска|италиански"
    "|италианска|румънски|румънска|турски|турска"
)
_COPY_WORDS = (
    "version|versión|versione|versiunea|translation|text|in|auf|en|în|limba|read"
    "|версия|превод|текст|на|език|езика"
)
_TRANSLATION_HEADING = re.compile(
    rf"(?:(?:{_COPY_WORDS})\s+)*(?:{_LANGUAGE_WORDS})(?:\s+(?:{_COPY_WORDS}))*\s*[:.–—-]?",
    re.IGNORECASE,
)
_HEADING_SIZE = 40  # characters: a heading of a few words, not a sentence
_LETTER = re.compile(r"[^\W\d_]")
_CYRILLIC_LETTER = re.compile("[\u0400-\u04ff]")
_MOSTLY = 0.8  # of a part's letters: a text in that script, a foreign word or two aside
_AFTER_COPY = 2  # lines the text may close on under the copy: its byline, a credit
_AFTER_SIZE = 12  # words: such a line, not more of the article


def without_translation(lines: list[str]) -> list[str]:
    """``lines`` (a text's paragraphs) without the copy of the text in another language
    printed under it: from a heading naming that language (``_TRANSLATION_HEADING``)
    through the Latin lines after it, where the lines before are Cyrillic and those after
    Latin. The archive keeps the Bulgarian text, not its translation, as it keeps a
    translation's page out (``translation_of``); and the byline over the copy then closes
    the text, where it is read as one. A page written in Latin letters ("English
    version" in an English text) is left whole, as is a Bulgarian text quoting English
    under any other heading, or going on in Bulgarian after a copy's heading (more than
    a byline or a credit: ``_AFTER_COPY`` short lines)."""
    for at, line in enumerate(lines):
        if at and len(line) <= _HEADING_SIZE and _TRANSLATION_HEADING.fullmatch(line.strip()):
            end = at + 1
            while end < len(lines) and _share_cyrillic(lines[end]) < 1 - _MOSTLY:
                end += 1
            rest = lines[end:]
            if (
                end > at + 1
                and len(rest) <= _AFTER_COPY
                and all(len(kept.split()) <= _AFTER_SIZE for kept in rest)
                and _share_cyrillic("\n".join(lines[:at])) >= _MOSTLY
            ):
                return lines[:at] + rest
    return lines


def _share_cyrillic(text: str) -> float:
    """The share of ``text``'s letters that are Cyrillic; 1.0 for a text of no letters
    (a number, a date: no switch of language)."""
    letters = len(_LETTER.findall(text))
    return len(_CYRILLIC_LETTER.findall(text)) / letters if letters else 1.0
