"""A rule that raises on a page nobody tested it on costs that field, not the article,
and the crawl says so out loud."""

from __future__ import annotations

import datetime as dt

import pytest

from newsarchive.crawl_run import SiteReport
from newsarchive.extraction import extract, pipeline
from newsarchive.harvest import Outcome, judge
from newsarchive.models import Page, Profile

PROSE = "Общинският съвет прие бюджета на града за следващата година след дълъг дебат. " * 5
HTML = (
    '<html lang="bg"><head><title>Бюджетът е приет</title></head><body><article>'
    f"<h1>Бюджетът е приет</h1><p>Автор: Мария Петрова</p><p>12.03.2025</p><p>{PROSE}</p>"
    "</article></body></html>"
)


def _broken(*_: object) -> object:
    raise RuntimeError("a rule met markup it never saw")


@pytest.fixture
def dates_break(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "pick_dates", _broken)


@pytest.mark.usefixtures("dates_break")
def test_a_failing_date_rule_costs_the_date_only() -> None:
    article = extract(HTML)
    assert article.title == "Бюджетът е приет" and "бюджета на града" in article.text
    assert article.author == "Мария Петрова"
    assert article.published is None
    assert article.rules["published"] == "error" and article.rules["error"] == "published"


def test_a_page_the_extractor_cannot_read_at_all_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "read_page", _broken)
    article = extract(HTML)
    assert article.text == "" and article.rules == {"error": "page"}


def _page() -> Page:
    when = dt.datetime(2025, 3, 20, 12, tzinfo=dt.UTC)
    return Page("https://x.bg/a", "https://x.bg/a", 200, {}, HTML.encode(), HTML, "utf-8", when)


@pytest.mark.usefixtures("dates_break")
def test_the_crawl_archives_the_article_and_warns() -> None:
    profile = Profile(id="x", name="X", origin="https://x.bg")
    verdict = judge("https://x.bg/a", _page(), profile, None)
    assert verdict.outcome is Outcome.NEW and verdict.article is not None
    assert verdict.broken == ("published",)
    report = SiteReport(site="x")
    report.broken.update(verdict.broken)
    assert report.broken_warning() == (
        "extraction rules failed (published on 1 page(s)): a bug, please report it"
    )


def test_a_page_the_extractor_fails_on_is_a_failure_that_names_the_bug(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pipeline, "read_page", _broken)
    profile = Profile(id="x", name="X", origin="https://x.bg")
    verdict = judge("https://x.bg/a", _page(), profile, None)
    assert verdict.outcome is Outcome.FAILED and "extractor failed" in verdict.message
    assert SiteReport(site="x").broken_warning() is None
    assert verdict.broken == ("page",)  # counted, so the crawl warns about the page too
    report = SiteReport(site="x")
    report.broken.update(verdict.broken)
    assert report.broken_warning() == (
        "extraction rules failed (page on 1 page(s)): a bug, please report it"
    )


def test_a_malformed_canonical_link_costs_the_link_only() -> None:
    html = HTML.replace("<title>", '<link rel="canonical" href="http://[bad"><title>')
    article = extract(html, "https://x.bg/a")
    assert article.title == "Бюджетът е приет" and "бюджета на града" in article.text
    assert article.canonical_url is None and "error" not in article.rules
