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
        (_page(""), EN, None),  # a page that does not say its language: kept
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


def test_a_translation_is_settled_not_archived() -> None:
    html = _page(' lang="en"').encode()
    page = Page(EN, EN, 200, {"content-type": "text/html"}, html, html.decode(), "utf-8",
                dt.datetime(2026, 11, 30, tzinfo=dt.UTC))  # fmt: skip
    profile = Profile(id="x", name="x", origin="http://www.x.bg", hosts=("www.x.bg",))
    verdict = judge(EN, page, profile, None)
    assert verdict.outcome is Outcome.TRANSLATION and verdict.article is None
    assert BG in verdict.message
