"""Where the publish date goes wrong on WCXB dev: every miss, the rule that gave ours, a cause.

Why a tool of its own: a date miss is fixable by a rule only when the reference's day
stands somewhere on the page (its text, its metadata or its URL) and some rule could tell
it from the day we took; most misses are decided by which of the page's days its reader
took (the publication or the last change) or by a day stated nowhere. Which is which is
seen only in the listing of misses with the rule that dated each, per half (even ids
tune, odd ids check), printed the same way each time instead of rebuilt by hand.

The comparison is the benchmark's own (``wcxb_bench``: the day, ``YYYY-MM-DD``). A cause
is the first that fits: no date found, with the reference's day on the page or not; the
reference's day stated nowhere (not in the text in any form the rules read, day- or
month-first, nor in a stated ISO date, nor in the URL: the annotator's own knowledge); a
day off (a time read in another zone across midnight); the reference is the page's
stated last change, ours the publication; ours is the last change, the reference an
earlier day; and the reference's day on the page, another rule's day taken.

Usage: python bench/date_misses.py [--data DIR] [--list] [--half even|odd]
"""

from __future__ import annotations

import datetime as dt
import re

import misses_by_cause
from misses_by_cause import Diagnosis
from newsarchive import date_stamps, dates
from newsarchive.extraction import extract
from newsarchive.markup import page_tree
from newsarchive.models import Article
from wcxb_bench import FETCHED, Truth

NONE_PRINTED = "none found, the reference's day on the page"
NONE_ABSENT = "none found, the reference's day nowhere on the page"
ABSENT = "the reference's day nowhere on the page (text, metadata, URL)"
ONE_DAY = "a day off (a time read in another zone across midnight)"
CHANGE_TRUTH = "the reference is the stated last change, ours the publication"
CHANGE_TAKEN = "ours is the last change, the reference an earlier day"
OTHER = "the reference's day on the page, another rule's day taken"
CAUSES = (NONE_PRINTED, NONE_ABSENT, ABSENT, ONE_DAY, CHANGE_TRUTH, CHANGE_TAKEN, OTHER)
_ISO_DAY = re.compile(r"(?:19|20)\d\d-[01]\d-[0-3]\d")


def _day(value: date_stamps.Published | None) -> str:
    return date_stamps.local_date(value).isoformat() if value is not None else ""


def where_printed(page: str, url: str, day: str) -> str:
    """Where ``day`` stands on the page: a snippet of the text or markup around it, the
    URL, or "" when nowhere (the text read day- and month-first, as the rules read it)."""
    at = next((m.start() for m in _ISO_DAY.finditer(page) if m.group() == day), -1)
    if at >= 0:
        return "stated: " + " ".join(page[max(at - 80, 0) : at + 30].split())
    tree = page_tree(page)
    text = tree.body.text(separator=" ") if tree.body is not None else ""
    for month_first in (False, True):
        for found in dates.find_text_dates(text, today=FETCHED, month_first=month_first):
            if _day(found.value) == day:
                around = text[max(found.start - 80, 0) : found.start + 40]
                return "text: " + " ".join(around.split())
    if _day(date_stamps.parse_url_date(url, today=FETCHED)) == day:
        return "url"
    return ""


def cause(article: Article, truth: str, printed: str) -> str:
    ours = _day(article.published)
    if not ours:
        return NONE_PRINTED if printed else NONE_ABSENT
    if not printed:
        return ABSENT
    if abs(dt.date.fromisoformat(ours) - dt.date.fromisoformat(truth)) == dt.timedelta(days=1):
        return ONE_DAY
    changed = _day(article.modified)
    if changed == truth:
        return CHANGE_TRUTH
    if changed == ours or article.date_note == "modified-only":
        return CHANGE_TAKEN
    return OTHER


def diagnose(page: str, truth: Truth) -> Diagnosis | None:
    """None when our day is the reference's, else its cause and where the day stands."""
    article = extract(page, truth.url, today=FETCHED)
    if _day(article.published) == truth.date:
        return None
    printed = where_printed(page, truth.url, truth.date)
    rule = article.rules.get("published", "none")
    lines = [
        f"   truth  {truth.date}\n   ours   {article.published} ({rule}, {article.date_source})",
        f"   change {article.modified}",
        f"   where  {printed[:220] or '-'}",
    ]
    return cause(article, truth.date, printed), lines


def main(argv: list[str] | None = None) -> int:
    return misses_by_cause.main(
        argv, doc=__doc__ or "", field="date", causes=CAUSES,
        reference=lambda truth: truth.date, diagnose=diagnose,
    )  # fmt: skip


if __name__ == "__main__":
    raise SystemExit(main())
