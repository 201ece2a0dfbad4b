"""Judge one fetched article URL: archive it, or why not. Pure apart from extraction.

The crawl wiring only carries out the verdict (store, or record the frontier state), so
every rule about what a response means lives here: gone statuses, robots.txt, empty
pages, ``--since``, and which URL the article is archived under.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass

from newsarchive.crawl_run import Outcome
from newsarchive.discover.urls import identify
from newsarchive.errors import FetchError
from newsarchive.extraction.dates import local_date
from newsarchive.extraction.pipeline import extract
from newsarchive.fetch.client import GONE_STATUSES, FetchInterrupted, RobotsDisallowed
from newsarchive.models import Article, Page, Profile, Published


@dataclass(frozen=True)
class Verdict:
    """``outcome`` NEW means "archive ``article`` under ``url``"; the store then says
    whether it was new, updated or unchanged."""

    outcome: Outcome
    message: str = ""
    article: Article | None = None
    url: str = ""
    cpu: float = 0.0  # extraction CPU seconds
    drift: tuple[str, ...] = ()  # profile fields the generic rules had to supply


def too_old(published: Published | dt.date | None, since: dt.date | None) -> bool:
    """The one ``--since`` rule: a known date before the day asked for (local calendar)."""
    if since is None or published is None:
        return False
    return local_date(published) < since


def judge(url: str, result: Page | FetchError, profile: Profile, since: dt.date | None) -> Verdict:
    if isinstance(result, FetchInterrupted):
        return Verdict(Outcome.INTERRUPTED)
    if isinstance(result, RobotsDisallowed):
        return Verdict(Outcome.DISALLOWED, "disallowed by robots.txt")
    if isinstance(result, FetchError):
        return Verdict(Outcome.FAILED, str(result))
    if result.status in GONE_STATUSES:
        return Verdict(Outcome.GONE, f"HTTP {result.status}")
    if result.status == 304:  # a conditional recheck: the archived version stands
        return Verdict(Outcome.UNCHANGED, "not modified")
    if result.status != 200:
        return Verdict(Outcome.FAILED, f"HTTP {result.status}: {url}")
    cpu = time.thread_time()
    article = extract(
        result.text, result.final_url, profile=profile, today=result.fetched_at.date()
    )
    cpu = time.thread_time() - cpu
    drift = tuple(filter(None, article.rules.get("drift", "").split(",")))
    if not article.text and not article.title:
        return Verdict(Outcome.FAILED, f"no article found on the page: {url}", cpu=cpu, drift=drift)
    if too_old(article.published, since):
        return Verdict(Outcome.OLD, "older than --since", cpu=cpu, drift=drift)
    identity = identify(result.final_url, article.canonical_url, profile)
    return Verdict(Outcome.NEW, article=article, url=identity, cpu=cpu, drift=drift)
