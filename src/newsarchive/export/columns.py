"""What each column of an export means, in one place: the README's table of columns is
checked against it (tests), and a Parquet file carries it as each field's ``description``,
so a researcher who gets the file alone can read what ``date_note`` or ``story`` is
(``pyarrow.parquet.read_schema(f).field("story").metadata``). JSON Lines and CSV carry
``archive.store.ARTICLE_COLUMNS``; Parquet those and the provenance beside them."""

from __future__ import annotations

import json
from collections.abc import Iterable

from newsarchive.models import DATE_NOTES, DATE_SOURCES


def _either(words: Iterable[str]) -> str:
    """ "`a`, `b` or `c`": a vocabulary as a column's meaning lists it."""
    *first, last = words
    return f"{', '.join(first)} or {last}" if first else last


COLUMNS = {
    "id": "the archive's row id, stable: what `show` takes",
    "site": "the site's profile id (a WARC page no profile claims: its host)",
    "url": "the article's address: its canonical URL on the site, else the one it was fetched from",
    "title": "the headline",
    "published": "when it was published, as the page says it: `2026-11-30` (a bare date),"
    " `2026-06-21T12:14:03+03:00` (a time, with the page's UTC offset) or"
    " `2026-06-20T09:15:00` (a time the page gave without one: Sofia's clock); Parquet: a"
    " UTC timestamp, null for a bare date (its day is `published_date`: no time was given);"
    " null (CSV: empty) when no date was found",
    "published_offset_minutes": "the page's own UTC offset of `published` (120, 180), Sofia's"
    " for a time given without one; null for a bare date",
    "published_date": "the calendar day of `published` where it was published (not the UTC"
    " day), a bare date's too: group by this for days, months and years",
    "date_source": "the rule that dated it: " + _either(f"`{s}`" for s in DATE_SOURCES),
    "date_note": _either(
        [
            "null",
            *(f"`{note}` ({said})" for note, said in DATE_NOTES.items()),
        ]
    ),
    "modified": "when the page says it last changed, as `published` is written; null when"
    " it says nothing",
    "modified_date": "the calendar day of `modified` where it was written, a bare date's"
    " too (not the UTC day)",
    "access": "`paid` when the page says the article is for subscribers (its structured"
    " data's `isAccessibleForFree` false, `article:content_tier` locked, or an"
    ' offer line such as "Абонирай се, за да прочетеш цялата статия"): the text may be'
    " its lead alone; `free` when it says nothing of the kind; null when not recorded"
    " (archived before schema v31 and not re-extracted, or imported without it)",
    "text_source": "where `text` came from: `page` (its page), `pages` (joined from the"
    " article's later pages, \"Страница 2\"), `feed` (the site's feed carried the whole"
    " text, `content:encoded`, where the page is a script's shell or shows under a third of"
    " it); null when not recorded (archived before schema v33 and not re-extracted, or"
    " imported without it): read it as `page`",
    "language": "the language the article is written in, a BCP 47 primary tag (`bg`,"
    " `en`, `tr`; `und`: Latin letters of no language told): its text's, else the page's"
    " declared one (`<html lang>`, `og:locale`, `Content-Language`) where the text is too"
    " short to tell, else `bg`; null when not recorded (archived before schema v34 and not"
    " re-extracted, or imported without it)",
    "author": "the byline, null when none was found",
    "tags": 'the page\'s own tags (CSV: as a JSON array, `["Русе", "пътища, ремонт"]`:'
    " a tag may hold a comma)",
    "text": "the article's text, one paragraph a line",
    "fetched_at": "when it was first fetched (UTC): a re-fetch that changed it keeps this",
    "updated_at": "when its row last changed (UTC): a re-fetch or `reextract` that changed a field",
    "source_url": "the address it was fetched from, when that is not `url`; null otherwise",
    "capture_id": "the stored page its text was extracted from (`captures`); null for a"
    " JSON Lines import",
    "extractor": "the newsarchive version and extractor revision that wrote its fields",
    "revisions": "how many earlier versions are kept (`show ID --diff`)",
    "story": "the id of the first article of its story: copies of one story in other"
    " outlets share it",
}


def csv_list(values: Iterable[str]) -> str:
    """A list's CSV cell (``tags``): as JSON, which splits back as it was (``json.loads``)
    where tags joined by ", " did not, a tag holding a comma ("пътища, ремонт") being
    read as two. Cyrillic stays as it reads, for a spreadsheet."""
    return json.dumps(list(values), ensure_ascii=False)
