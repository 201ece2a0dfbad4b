# ruff: noqa: E501  (HTML snippets read better on one line)
"""A Bulgarian archive keeps the Bulgarian original: a page in another language naming
its Bulgarian alternate is a translation, settled and not archived."""

from __future__ import annotations

import datetime as dt

import pytest

from newsarchive.crawl_run import Outcome
from newsarchive.extraction.translations import translation_of
from newsarchive.harvest import judge
from newsarchive.models import Page, Profile

EN = "http://www.x.bg/en/news.php?id=12"
BG = "http://www.x.bg/news.php?lang=bg&id=12"
_LINKS = f'<link rel="alternate" hreflang="bg" href="{BG}"><link rel="alternate" hreflang="en" href="{EN}">'


def _page(lang: str, head: str = _LINKS) -> str:
    body = (
        "<h1>Repairs begin on the bridge over the river</h1>"
        + "<p>Repairs have begun on the old stone bridge at the entrance to the town. </p>" * 4
    )
    return f"<html{lang}><head><title>t</title>{head}</head><body>{body}</body></html>"


@pytest.mark.parametrize(
    ("html", "url", "expected"),
    [
        (_page(' lang="en"'), EN, BG),  # the English copy names its original
        (_page(' lang="en-GB"'), EN, BG),
        (_page(' lang="bg"'), BG, None),  # the original itself
        # a page that does not say its language, nor has an entry of its own: kept
        (_page("", f'<link rel="alternate" hreflang="bg" href="{BG}">'), EN, None),
        (_page(""), EN, BG),  # no <html lang>, but its own entry says "en"
        (
            _page(' lang="en"', _LINKS.replace(BG, EN.replace("en/", ""))),
            EN,
            "http://www.x.bg/news.php?id=12",
        ),
        (
            _page(' lang="en"', '<link rel="alternate" hreflang="bg" href="/en/news.php?id=12">'),
            EN,
            None,
        ),  # itself
        (_page(' lang="en"', ""), EN, None),  # an English service with no Bulgarian page
        (_page("", '<meta http-equiv="Content-Language" content="de">' + _LINKS), EN, BG),
    ],
)
def test_translation_of(html: str, url: str, expected: str | None) -> None:
    assert translation_of(html, url) == expected


# An English copy whose layout says <html lang="bg"> on every page: its own hreflang
# entry (naming its address in another spelling: https, no www.) says what it is.
_OWN_EN = "https://x.bg/en/news.php?id=12"
_LINKS_SELF = f'<link rel="alternate" hreflang="bg" href="{BG}"><link rel="alternate" hreflang="en" href="{_OWN_EN}">'


@pytest.mark.parametrize(
    ("html", "url", "expected"),
    [
        (_page(' lang="bg"', _LINKS_SELF), EN, BG),  # its own entry says "en": a copy
        (_page(' lang="bg"', _LINKS_SELF), BG, None),  # the original: its own entry says "bg"
        (_page(' lang="en"', _LINKS_SELF.replace('"en"', '"bg-BG"')), EN, None),  # its own says bg
        # x-default names no language: <html lang> stands
        (_page(' lang="bg"', _LINKS.replace('hreflang="en"', 'hreflang="x-default"')), EN, None),
        (_page(' lang="en"', _LINKS.replace('hreflang="en"', 'hreflang="x-default"')), EN, BG),
        # its own entries disagreeing say nothing: <html lang> stands
        (
            _page(' lang="bg"', _LINKS_SELF + f'<link rel="alternate" hreflang="bg" href="{EN}">'),
            EN,
            None,
        ),
        # an entry naming it that is no alternate (rel="canonical") says nothing
        (
            _page(
                ' lang="bg"',
                f'<link rel="alternate" hreflang="bg" href="{BG}"><link rel="canonical" hreflang="en" href="{EN}">',
            ),
            EN,
            None,
        ),
    ],
)
def test_a_pages_own_hreflang_entry_wins_over_html_lang(
    html: str, url: str, expected: str | None
) -> None:
    assert translation_of(html, url) == expected


def test_a_translation_is_settled_not_archived() -> None:
    html = _page(' lang="en"').encode()
    page = Page(EN, EN, 200, {"content-type": "text/html"}, html, html.decode(), "utf-8",
                dt.datetime(2026, 11, 30, tzinfo=dt.UTC))  # fmt: skip
    profile = Profile(id="x", name="x", origin="http://www.x.bg", hosts=("www.x.bg",))
    verdict = judge(EN, page, profile, None)
    assert verdict.outcome is Outcome.TRANSLATION and verdict.article is None
    assert BG in verdict.message
