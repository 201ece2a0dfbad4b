"""The published and the modified date of a page, each from the most trustworthy rule.

The rules and their order are in ``pick_dates``; the date forms themselves are in
``dates``. Every rule refuses a date after the fetch time.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsarchive import date_stamps, dates, relative_dates, site_clock
from newsarchive.class_names import named_selector, named_words, naming_attributes_in
from newsarchive.discover.urls import normalize_url
from newsarchive.extraction import bylines, far_dates
from newsarchive.extraction.furniture import (
    HEADLINE_DATE_TAGS,
    NearTitle,
    Replay,
    above_menu,
    in_furniture,
    in_link_card,
    in_subtrees,
    is_furniture,
    page_content,
    remembered,
    visible_text,
)
from newsarchive.extraction.links import host_and_path
from newsarchive.extraction.metadata import HATOM_PUBLISHED, Metadata, read_script_dates
from newsarchive.language_tags import ARCHIVE_LANGUAGE
from newsarchive.models import (
    DATE_NOTE_GUESSED,
    DATE_NOTE_MODIFIED_ONLY,
    Article,
    Profile,
    Published,
)

# The text windows around the headline (``NearTitle``), each with the dates it holds.
_Windows = Replay[tuple[str, list[dates.TextDate]]]


@dataclass(frozen=True)
class DatePick:
    """A date with the rule that gave it, for ``Article.rules`` and ``date_source``."""

    value: Published
    rule: str
    source: str  # one of models.DATE_SOURCES
    # A guess (``_loose_near_title``): the year or the day is not the page's word. Kept as
    # a field, not read from how ``rule`` ends, so that a later step (``_with_tooltip_time``,
    # ``_local_day``) that renames the rule cannot lose it (``Article.published_guessed``).
    guessed: bool = False
    # The page showed only when it was last changed: this is that date (``pick_dates``).
    modified_only: bool = False
    # The byline prints the stamp's own clock where Sofia's shows another day
    # (``_zone_shown``): ``on_readers_clock`` leaves it as stated.
    own_clock_shown: bool = False
    # The other day the printed date reads as (``dates.TextDate.other``): "03/04/2026"
    other: dt.date | None = None
    # A label by it names it the publication ("Публикувано: …", ``TextDate.labelled``):
    # no day labelled elsewhere corrects it (``_labelled_later``).
    labelled: bool = False

    @property
    def note(self) -> str | None:
        """``Article.date_note`` for this date (``models.DATE_NOTES``)."""
        if self.guessed:
            return DATE_NOTE_GUESSED
        return DATE_NOTE_MODIFIED_ONLY if self.modified_only else None


def _structured(value: str, month_first: bool, today: dt.date | None) -> Published | None:
    """A date stated in JSON-LD or a meta tag: ISO mostly, sometimes words or "09/25/2025"."""
    if not (value := date_stamps.date_field(value)):
        return None
    parsed = date_stamps.parse_iso(value) or dates.parse_text_date(value, month_first=month_first)
    if parsed is None or date_stamps.is_null_date(parsed) or date_stamps.after(parsed, today):
        return None
    return parsed


def body_text(tree: LexborHTMLParser) -> Callable[[], str]:
    """The body's whole text, read when first asked for, then kept."""
    return functools.cache(lambda: tree.body.text(separator=" ") if tree.body else "")


def _one_line(text: str) -> str:
    return text.replace("\n", " ") if "\n" in text else text


def _shown_dates(window: str, today: dt.date | None, month_first: bool) -> list[dates.TextDate]:
    """The dates of a window by the headline that date the page: not those the story
    tells in its own sentences (``dates.in_sentence``, told), nor a site's "today is"
    strip (``dates.names_today``)."""
    found = dates.find_text_dates(_one_line(window), today=today, month_first=month_first)
    return [
        date
        for date in found
        if not date.slot
        and (not dates.in_sentence(window, date, told=True) or _posted_by_before(window, date))
        and not dates.names_today(window, date)
    ]


# How far before a date its "Публикувано от <name> на" may open: the label, a name of a
# few words and the preposition.
_POSTED_BY_REACH = 80


def _posted_by_before(window: str, date: dates.TextDate) -> bool:
    """The date closes a poster's line, "Изпратено от Мария Петрова на Пет, 27.11.2026 -
    08:17" (Drupal's "Submitted by … on …" in Bulgarian), "Публикувано от … на …": its
    "на" is the label's, not a sentence's telling of an event's day, however long the
    window's line runs on (a theme that sets no line break between it and the text).
    Asked only of a date read as told in a sentence, which few are."""
    reach = max(date.start - _POSTED_BY_REACH, 0)
    before = window[reach : date.start]
    return any(
        not any(mark in before[at:] for mark in ".!?") for at in bylines.posted_by_at(before)
    )


def pick_dates(
    tree: LexborHTMLParser,
    near: NearTitle,
    meta: Metadata,
    profile: Profile,
    today: dt.date | None,
    url: str,
    page_text: Callable[[], str] | None = None,
) -> tuple[DatePick | None, DatePick | None]:
    """The published and the modified date, each from the most trustworthy rule that has one.

    Order and why: JSON-LD and meta tags are what the CMS states about the page itself;
    then the profile's selector (someone looked at the site); then a ``<time>`` element and
    the visible text near the headline, which is where a reader looks; then elements named
    as dates anywhere in the article; then dates in the page's scripts' state, and the
    URL, which gives the day but no time; then a date labelled "Published" anywhere, or
    printed in the byline's box; last, on a page with no date at all, a guess from a day
    without its year or "преди 2 месеца" beside the headline (``_loose_near_title``).
    A visible date labelled "Updated"/"Обновена" is the
    modified date, never the published one, whether the label stands in the text, in a
    ``<time>``'s class or before it in words, or in a date box around it. A reader's
    comment dates the comment, not the page (``far_dates.in_comments``), nor does a
    teaser card of another page (``furniture.link_card``: a link holding a headline). Nothing after
    the fetch time is accepted from any rule.

    Seven corrections to a structured date: a day the page labels "Published" beside its
    headline wins over metadata refilled on a later save (``_labelled_on_page``), so does
    a byline's date days before the metadata's (``_earlier_on_page``) or between its
    publication and its last change (``_between_on_page``), a day stated without its
    time takes the time the byline prints for that day (``_timed_on_page``), a stamp
    at another offset than Sofia's (a ``<time datetime>``'s too) takes Sofia's clock where
    the byline prints the moment on it (``_zone_shown``; a Bulgarian page's takes Sofia's
    day anyway once its language is known, unless its byline prints the stamp's own:
    ``on_readers_clock``, in ``pipeline``), and a UTC
    stamp takes the day of the article's URL
    (``_local_day``); a ``<time>`` the page marks
    as its publication days before the metadata's wins too (``_marked_earlier``). A date
    read from the text yields to the day the page says in words it was first published
    (``_first_published``), and to a later day (or the time of the same day) that the
    page labels its publication elsewhere (``_labelled_later``). And where only machines
    are told the publication (JSON-LD, microdata, an app's state) while the page shows by
    its headline only a later change, the change is the page's date
    (``_only_change_shown``).
    """
    # The inline scripts are searched at most once a page, whichever rule asks first.
    scripts = functools.cache(lambda: read_script_dates(tree))
    # The moment a relative date's tooltip states, looked for at most once a page (the
    # headline's date and the last resort may both ask: ``_behind_relative``).
    behind = functools.cache(lambda: _behind_relative(tree, today))
    # The body's whole text, for the last resorts that look for a label anywhere: read
    # at most once a page (the author's last resort shares it: ``page_text``), and only
    # on a page no nearer rule dated or one dated by its text (``_first_published``).
    page_text = page_text or body_text(tree)
    # (lower-cased once for both label tests over it: ``date_words.says_published_word``)
    lowered = functools.cache(lambda: page_text().lower())
    month_first = dates.month_first_language(meta.lang)
    dated = Replay(_dated_texts(tree, today, month_first, near.furniture, lambda: near.headline))
    # The windows around the headline with their dates, each read once for all the rules.
    # (Read as one line: the line breaks a window keeps where blocks end are the bylines',
    # and say which dates sit in a paragraph of the story: ``_shown_dates``.)
    windows = Replay((_one_line(text), _shown_dates(text, today, month_first)) for text in near)
    candidates = _published_candidates(
        tree, (windows, near), meta, profile, today, url, scripts, dated, (page_text, lowered),
        behind,
    )  # fmt: skip
    published = next((c for c in candidates if c), None)
    # Visible dates labelled "Updated" are searched for only where they can matter: when
    # no published date was found, or it came from the same visible text.
    further = published is None or published.source in ("time", "text", "url")
    modified: DatePick | None = _pick_modified(
        windows, meta, today, scripts, dated, tree, (page_text, lowered),
        look_further=further, undated=published is None,
    )  # fmt: skip
    if published is None and modified is None:
        published = (
            _document_headline(near.titles, today)
            or _loose_near_title(behind, windows, today)
            or _told_near_title(near, today, month_first)
        )
    modified = _midnight_as_day(modified, windows)
    if published is not None:
        if published.source in ("jsonld", "meta"):
            published = _checked_against_page(published, modified, windows)
            if published.source in ("jsonld", "meta"):
                times = page_times(tree, meta)
                published = _marked_earlier(times, published, today, near.furniture) or published
            if published.rule in _MACHINE_ONLY and not _stated_in_meta(meta):
                published = _only_change_shown(published, modified, windows, dated) or published
        elif published.source in ("text", "time"):
            if published.source == "time":
                nearest = _nearest_window(windows)
                published = _zone_shown(published, *nearest) or _timed_on_page(published, *nearest)
            published = _first_published(published, page_text(), today, month_first)
            if published.rule == "generic:text-near-title" and not published.labelled:
                labelled = far_dates.labelled_anywhere(
                    tree, page_text(), today, month_first, lowered
                )
                published = _labelled_later(published, labelled)
            if published.source == "text" and not isinstance(published.value, dt.datetime):
                published = _with_tooltip_time(tree, published, today)
        published = _midnight_as_day(_local_day(published, url, today), windows)
        return _in_the_pages_order(published, modified, url, page_text, today, month_first)
    modified = _in_the_pages_order(None, modified, url, page_text, today, month_first)[1]
    if modified is not None:
        # The page shows only when it last changed: that is the date a reader takes for
        # it, and the rule name still says it was a modified date.
        only = DatePick(
            modified.value, f"{modified.rule}:modified-only", modified.source, modified_only=True
        )
        return only, modified
    return None, modified


def _labelled_beside(
    first: dates.TextDate, found: list[dates.TextDate], window: str
) -> dates.TextDate | None:
    """The day a label calls the publication later on the line of the window's first date
    (``first``), where that one is another day, unlabelled: "Срок за подаване: 31.03.2026 |
    Публикувано: 14.03.2026", a notice's deadline printed first. Not a day further down the
    window (a sentence of the text, "… was originally published on …",
    ``_first_published``'s), nor the same day labelled again (the first may hold its time)."""
    if first.labelled:
        return None
    day = date_stamps.local_date(first.value)
    for date in found:
        if date.start <= first.start or not date.labelled or date.modified:
            continue
        if "\n" in window[first.start : date.start]:
            return None
        if date_stamps.local_date(date.value) != day:
            return date
    return None


def _published_candidates(
    tree: LexborHTMLParser,
    near_title: tuple[_Windows, NearTitle],
    meta: Metadata,
    profile: Profile,
    today: dt.date | None,
    url: str,
    scripts: Callable[[], tuple[str, str]],
    dated: Replay[list[dates.TextDate]],
    whole: tuple[Callable[[], str], Callable[[], str]],
    behind: Callable[[], Published | None],
) -> Iterator[DatePick | None]:
    """Lazily, in trust order, so the costly text rules run only on pages that need them.
    ``near_title``: the windows by the headline with their dates, and the same windows
    as written, their lines apart (``_labelled_beside``)."""
    windows, near = near_title
    month_first = dates.month_first_language(meta.lang)
    if meta.jsonld_published:
        parsed = _structured(meta.jsonld_published, month_first, today)
        yield DatePick(parsed, "jsonld:datePublished", "jsonld") if parsed else None
    for key, value in meta.meta_published:
        parsed = _structured(value, month_first, today)
        if parsed:
            yield DatePick(parsed, f"meta:{key}", "meta")
            break
    for selector in profile.date_selectors:
        stated = _profile_date(tree, selector, profile, today)
        if stated:
            yield DatePick(stated[0], f"profile:{selector}", stated[1])
            break
    yield _time_element(page_times(tree, meta), today)
    for (_, found), window in zip(windows, near, strict=False):
        shown = next((date for date in found if not date.modified), None)
        if shown is not None:
            shown = _labelled_beside(shown, found, window) or shown
            tooltip = behind() if shown.relative else None
            if tooltip is not None:
                yield DatePick(tooltip, "generic:text-near-title:tooltip", "text")
                break
            yield DatePick(
                shown.value, "generic:text-near-title", "text", other=shown.other,
                labelled=shown.labelled,
            )  # fmt: skip
            break
    yield _apart_in_headline(near.headline, today, month_first)
    yield _dated_element(dated)
    script_published = scripts()[0]
    if script_published:
        parsed = _structured(script_published, month_first, today)
        yield DatePick(parsed, "meta:script", "meta") if parsed else None
    from_url = date_stamps.parse_url_date(url, today=today)
    yield DatePick(from_url, "generic:url", "url") if from_url else None
    from_canonical = None if from_url else _canonical_day(url, meta, today)
    yield DatePick(from_canonical, "generic:canonical-url", "url") if from_canonical else None
    page_text, lowered = whole
    labelled = far_dates.labelled_anywhere(tree, page_text(), today, month_first, lowered)
    yield DatePick(labelled, "generic:labelled-anywhere", "text") if labelled else None
    beside = far_dates.beside_byline(tree, today, month_first)
    yield DatePick(beside, "generic:beside-byline", "text") if beside else None
    lone = far_dates.time_in_article(tree, today)
    yield DatePick(lone, "generic:time-in-article", "time") if lone else None


_HEADLINE_PARTS = ", ".join(sorted(HEADLINE_DATE_TAGS))


def _apart_in_headline(
    headline: LexborNode | None, today: dt.date | None, month_first: bool
) -> DatePick | None:
    """The date the headline's element sets apart in an element of its own, the whole of
    it a date line ("<h1>Изложба „Тракийски монети“ <small>02.12.2026</small></h1>"):
    the page's, which no window reads (they begin after the headline and end before
    it). A date in the headline's own words ("Концерт в читалището 12.03.2026") is the
    event's, and is not read here (``titles.without_date``)."""
    if headline is None:
        return None
    for part in headline.css(_HEADLINE_PARTS):
        text = " ".join((part.text(deep=True) or "").split())
        if text and dates.is_date_line(text, today=today):
            found = dates.find_text_dates(text, today=today, month_first=month_first)
            if found:
                return DatePick(found[0].value, "generic:text-in-headline", "text")
    return None


def _canonical_day(url: str, meta: Metadata, today: dt.date | None) -> dt.date | None:
    """The day the page's canonical address files it under, where its own does not: an
    article reached by a second category's address (``/kultura/x``) names the one it
    lives at (``/novini/2026-10-31-x``) as canonical, and that address's day is its own
    (composed sites' second-category twins: archived under the canonical, undated). Only
    a canonical on the page's own site (``www.`` or not): another host's copy is filed by
    that host's calendar."""
    if not url or not meta.canonicals:
        return None
    canonical = normalize_url(meta.canonicals[0], url)  # (None for "http://[bad")
    if canonical is None or host_and_path(canonical)[0] != host_and_path(url)[0]:
        return None
    return date_stamps.parse_url_date(canonical, today=today)


def stated_in_scripts(
    tree: LexborHTMLParser, meta: Metadata, today: dt.date | None
) -> DatePick | None:
    """The publication the page's own state in its inline scripts states (``meta:script``,
    as ``_published_candidates`` reads it): structured data a guessed date selector's
    answer is checked against (``pipeline._checked_profile_date``)."""
    stated = read_script_dates(tree)[0]
    parsed = _structured(stated, dates.month_first_language(meta.lang), today) if stated else None
    return DatePick(parsed, "meta:script", "meta") if parsed else None


def _first_published(
    shown: DatePick, text: str, today: dt.date | None, month_first: bool
) -> DatePick:
    """The day the page says in words it was first published ("This article was
    originally published on 26 Sep 2019 … but has been regularly updated"), where it is
    before the day a printed date gave (``far_dates.first_published``): the byline of a
    page kept current prints its last revision, and the words say which day came first.
    Only over a date read from the page's text or a ``<time>``: metadata names the
    publication itself (``_marked_earlier`` checks it against the page)."""
    first = far_dates.first_published(text, today, month_first)
    if first is None or date_stamps.local_date(first) >= date_stamps.local_date(shown.value):
        return shown
    return DatePick(first, "generic:first-published", "text")


def _labelled_later(shown: DatePick, labelled: Published | None) -> DatePick:
    """The one day the page labels its publication ("Публикувана: 04.12.2026 09:10" under
    the text, ``far_dates.labelled_anywhere``) where the date by the headline is an
    earlier day no label names: a dateline opening the story ("Чирпан, 3 декември 2026
    г. Община Чирпан подписа…"), the first entry of a timeline, a match's day over its
    report. A story is published on or after the days it tells of, and the label says in
    words which date is the page's. The same day labelled with its time gives the time
    (a church calendar's "Неделя, 6 декември 2026 г." over the day's news). A labelled
    day before the shown one is left alone: the shown may be the day the page was
    published again."""
    if labelled is None:
        return shown
    day, shown_day = date_stamps.local_date(labelled), date_stamps.local_date(shown.value)
    if day == shown_day and isinstance(labelled, dt.datetime):
        if not isinstance(shown.value, dt.datetime):
            return DatePick(labelled, "generic:labelled-anywhere:timed", "text")
    if day <= shown_day:
        return shown
    return DatePick(labelled, "generic:labelled-anywhere:later", "text")


def page_times(tree: LexborHTMLParser, meta: Metadata) -> list[LexborNode]:
    """The page's ``<time>`` elements in page order (and hAtom's ``<abbr class="published">``,
    ``metadata.HATOM_PUBLISHED``): those ``read_page`` listed with the
    metadata, each rule's query of the whole page saved; the tree's, for a Metadata that
    read no page."""
    return meta.times if meta.times is not None else tree.css(f"time, {HATOM_PUBLISHED}")


def _marked_earlier(
    times: list[LexborNode],
    stated: DatePick,
    today: dt.date | None,
    furniture: Callable[[LexborNode], bool] = is_furniture,
) -> DatePick | None:
    """The day of the first ``<time>`` the page marks as its publication
    (``far_dates.marked_publication``: ``pubdate``, ``itemprop="datePublished"``, hAtom's
    "published", "Published" before it), outside furniture and readers' comments, when
    it is before every day the metadata's publication can be shown as (``_days_anywhere``).

    Why the page wins: a page cannot change before it appeared, so metadata whose
    publication comes after the day the page marks as the publication was refilled on a
    later save (a JSON-LD "datePublished" equal to its "dateModified", the day of the
    save). Only the first marked ``<time>``: a later one may be a related story's.
    ``furniture``: the page's ``NearTitle.furniture``, whose memo the windows filled."""
    first = _days_anywhere(stated.value)[0]
    for node in times:
        if not far_dates.marked_publication(node):
            continue
        if in_furniture(node, furniture) or far_dates.in_comments(node):
            continue
        found = far_dates.stated_time(node, today)
        if found is None:
            continue
        if date_stamps.local_date(found[0]) >= first:
            return None
        return DatePick(found[0], "generic:time:marked-earlier", "time")
    return None


def _nearest_dates(windows: _Windows) -> list[dates.TextDate]:
    """The dates of the window nearest the headline that holds any, [] when none does:
    what the page shows by its headline."""
    return next((found for _, found in windows if found), [])


# Where a date is a stamp a machine wrote, not text a reader sees: what a generator
# fills in for a post that has only a day (``_midnight_as_day``).
_STAMPED_SOURCES = ("jsonld", "meta", "time")


def _midnight_as_day(picked: DatePick | None, windows: _Windows) -> DatePick | None:
    """A stamp at exactly 00:00:00 as the bare day it names: Hugo, Jekyll, Eleventy and
    a CMS's date-only field print a post dated by its day alone as that day's midnight
    ("2025-03-14T00:00:00+02:00"), and stored as a time it claims an hour nobody stated
    (the archive's "published at 00:00", a timeline's pile at midnight). A real post
    published on the stroke of midnight, to the second, is rarer than every post of
    such a site, and loses only an hour that says nothing; its day stays. The stamp's
    own offset decides the day (its midnight is the site's, as written). Kept as a time
    where the page shows the same instant beside its headline, at 00:00 or in a zone of
    its own (``_shown_elsewhere``: "14.03.2025 02:00" in Sofia for a stamp's midnight in
    UTC): the page then states the hour too. Only stamps (metadata, ``<time
    datetime>``): a date printed for readers says what its site printed, and a stamp's
    midnight in UTC shown on another day by the article's URL has already become that
    day (``_local_day``)."""
    if picked is None or picked.source not in _STAMPED_SOURCES:
        return picked
    value = picked.value
    if not isinstance(value, dt.datetime) or value.time() != dt.time(0):
        return picked
    found = _nearest_dates(windows)
    stamped = value.replace(tzinfo=None)
    if any(
        isinstance(date.value, dt.datetime)
        and _shown_elsewhere(date.value.replace(tzinfo=None) - stamped)
        for date in found
    ):
        return picked
    return replace(picked, value=value.date(), rule=f"{picked.rule}:day-only")


# How far, and in what steps, a zone's clock stands from another's: UTC-12 to UTC+14,
# in quarters of an hour (Nepal's +05:45).
_ZONE_REACH = dt.timedelta(hours=14)
_ZONE_STEP = dt.timedelta(minutes=15)


def _shown_elsewhere(shift: dt.timedelta) -> bool:
    """Whether a time the page prints ``shift`` from a stamp's clock can be the stamp's
    instant on some zone's clock: the page's own zone need not be the stamp's."""
    return abs(shift) <= _ZONE_REACH and shift % _ZONE_STEP == dt.timedelta(0)


# What a guessed date's rule is marked with (``_loose_near_title``, ``_told_near_title``),
# for a reader of ``Article.rules``; whether a date is a guess is ``DatePick.guessed``,
# never these names. Which guess it is, only ``YEARLESS`` is read back: a day lacking
# its year alone, the time it prints right, which a listed day completes (``_its_year``).
YEARLESS, COARSE, TOLD = ":yearless", ":coarse", ":told"


def with_listed(
    article: Article, listed: tuple[Published, str] | None, fetched: dt.date
) -> Article:
    """``article`` dated by ``listed``, the date its listing card or feed entry gave and
    which of the two ("listing", "feed"), when its page states no date or only guesses
    one (``Article.published_guessed``: printed in full beside the link, the listed date
    is no guess, so ``date_note`` is cleared), or prints one that reads two ways and the
    listed day is the reading the page's language did not take (``_other_reading``), or
    prints the listed moment's day alone (``_its_moment``: the time is theirs);
    never a date after the fetch's day on the site's clock (``fetched``: the fetch
    moment, read through ``relative_dates.site_today``, as the page's own dates are; a day alone
    is taken for the site's). The one rule for both readings of a page: the crawl's
    (``harvest.judge``, from the frontier) and ``reextract``'s (the stored date it gave),
    so reading the same bytes again keeps the date the page itself never showed. The
    listed moment is read on the page's readers' clock first (``readers_clock``): a
    Bulgarian site's feed writing UTC (``+0000``, ``Z``) dates its page by Sofia's day,
    the day the card beside the same link prints."""
    if listed is not None:
        listed = readers_clock(listed[0], article.language), listed[1]
    if listed is None or not listed_in_time(listed[0], fetched):
        return article
    if article.published_guessed and (timed := _its_year(article, listed[0])) is not None:
        return replace(article, published=timed, date_source=listed[1], date_note=None)
    if article.published is None or article.published_guessed:
        return replace(article, published=listed[0], date_source=listed[1], date_note=None)
    if article.date_note == DATE_NOTE_MODIFIED_ONLY and _not_after(listed[0], article.published):
        # The page shows only when it last changed ("Обновена: 28.11.2026 10:05"); its card
        # said when it came out: the publication is the card's, the change stays
        # ``modified``.
        changed = article.modified or article.published
        return replace(
            article, published=listed[0], date_source=listed[1], date_note=None, modified=changed
        )
    return _other_reading(article, listed, fetched) or _its_moment(article, listed) or article


def listed_in_time(listed: Published, fetched: dt.date) -> bool:
    """Whether a listing's or a feed's date may date a page fetched at ``fetched`` (the
    fetch moment, or a day): its day is not after the fetch's day on the site's clock
    (``relative_dates.site_today``). ``with_listed``'s rule, and the archive's when a card
    dates an article archived undated before (``Store.date_undated``)."""
    return date_stamps.local_date(listed) <= date_stamps.local_date(
        relative_dates.site_today(fetched)
    )


def _its_year(article: Article, listed: Published) -> dt.datetime | None:
    """The page's yearless guess ("Публикувано: петък, 27 ноември, 08:17 ч.", read as
    the latest such day, ``:yearless``) at the minute it prints, on the listed day (a
    day alone, "27.11.2026") whose month and day are the page's: the card says the year,
    the page the time. Taken over for the card's day alone, the article lost the minute
    its own page printed. None for any other guess or day."""
    page = article.published
    rule = article.rules.get("published", "")
    if not isinstance(page, dt.datetime) or isinstance(listed, dt.datetime):
        return None
    if not rule.endswith(YEARLESS) or (page.month, page.day) != (listed.month, listed.day):
        return None
    return dt.datetime.combine(listed, page.timetz())


def _not_after(listed: Published, changed: Published) -> bool:
    """Whether the listed date is no later than the page's change (a card dated after
    it is of another event, and not taken over it)."""
    if isinstance(listed, dt.datetime) and isinstance(changed, dt.datetime):
        # (each on the site's wall clock, as printed: an offset is the feed's, not a zone)
        return listed.replace(tzinfo=None) <= changed.replace(tzinfo=None)
    return date_stamps.local_date(listed) <= date_stamps.local_date(changed)


def _its_moment(article: Article, listed: tuple[Published, str]) -> Article | None:
    """The page's date, a day alone ("26 ноември 2026"), at the moment its feed entry
    (or listing card) gave for that very day ("Thu, 26 Nov 2026 08:17:00 +0200"), marked
    as theirs (``date_source`` "feed" or "listing": the time and offset are theirs, and
    only the day was the page's, which agrees).

    Why: the page and the feed say the same day, and only the feed says when in it; a
    day's news sorted by time, or a story's outlets ordered by who wrote first, needs
    it (a feed's midnight came as the day alone: ``feeds.feed_links``). Not a date the
    page marks weaker than its source (``date_note``: only when it was last changed):
    the feed's moment is of another event."""
    moment, shown = listed[0], article.published
    if (
        not isinstance(moment, dt.datetime)
        or isinstance(shown, dt.datetime)
        or shown is None
        or article.date_note is not None
        or date_stamps.local_date(moment) != shown
    ):
        return None
    return replace(article, published=moment, date_source=listed[1])


def _other_reading(
    article: Article, listed: tuple[Published, str], fetched: dt.date
) -> Article | None:
    """The page's date, a slash date both of whose readings are days ("03/04/2026": 3
    April or 4 March), read the other way round where the listing or the feed gives
    that other day: the day from them, the time the page printed (theirs where it
    printed none), marked as theirs (``date_source``: ``reextract`` keeps it so).

    Why: the page's reading of such a date is the language's custom, a guess a Drupal
    or an American theme on a Bulgarian site gets wrong for every day up to the 12th;
    the feed's RFC 822 pubDate and the listing's card are unambiguous, and a feed or
    listing naming exactly the other reading is the page's date written the other way
    round, not another date. Only then: a listed date that is neither reading says
    nothing of how the page writes (the page's own date stands, as everywhere), and
    one after the fetch is refused as the page's own dates are."""
    other, shown = article.published_other, article.published
    if other is None or shown is None or date_stamps.local_date(listed[0]) != other:
        return None
    value: Published = listed[0]
    if isinstance(shown, dt.datetime):
        value = dt.datetime.combine(other, shown.timetz())
    if date_stamps.after(value, fetched):
        return None
    return replace(article, published=value, date_source=listed[1], published_other=None)


# Where a date came from that its page does not show (``models.DATE_SOURCES``): the card
# of a listing or the entry of a feed that linked it.
LISTED_SOURCES = ("listing", "feed")


def listed_as_archived(published: str | None, source: str | None) -> tuple[Published, str] | None:
    """An archived article's date (ISO, as stored) and its ``date_source``, as
    ``with_listed`` takes them, when the crawl had it from a listing or a feed, not from
    the page: the page read again (``reextract``, ``import-warc`` of this tool's own
    export) shows none either. None for a date the page gave, or none at all."""
    if not published or source not in LISTED_SOURCES:
        return None
    value = date_stamps.stored_published(published)  # (a WARC from elsewhere may say anything)
    return (value, source) if value is not None else None


def _loose_near_title(
    behind: Callable[[], Published | None], windows: _Windows, today: dt.date | None
) -> DatePick | None:
    """The last resort, on a page that shows no fuller date anywhere a rule looks: a day
    without its year beside the headline or the byline ("Мария Петрова | 28 ноември"), as
    a blog or a news site prints this year's posts, taken as the latest such day not after
    the fetch (``:yearless``); else "преди 2 месеца", "a year ago" standing as the byline's
    date, the same day that many months back (``:coarse``), unless its tooltip states
    the moment (``behind``, ``_behind_relative``'s): the month or the year is right, the day is not,
    and a page without any date is missing from every search by date. A day inside a
    sentence there ("…че на 28 ноември ще има сесия") is the story's,
    and several days outside sentences are a schedule's ("September 10 … September 17").
    A crawl prefers a listing's or a feed's date for this page to either guess
    (``DatePick.guessed``)."""
    for window, _ in windows:
        shown = [
            date
            for date in dates.find_loose_dates(window, today=today)
            if not date.modified and not dates.in_sentence(window, date)
        ]
        if not shown:
            continue
        if len({date_stamps.local_date(date.value) for date in shown if not date.relative}) > 1:
            return None  # several days: a schedule or a list of events, not a byline
        if shown[0].relative and (stated := behind()) is not None:
            return DatePick(stated, "generic:text-near-title:tooltip", "text")
        kind = COARSE if shown[0].relative else YEARLESS
        return DatePick(shown[0].value, f"generic:text-near-title{kind}", "text", guessed=True)
    return None


# A headline that is a document's number and date: "Решение № 412 от 27.11.2026 г.",
# "Заповед № РД-09-15/27.11.2026" (a council's or a mayor's act published as it is).
_DOCUMENT_HEADLINE = re.compile(
    r"(?:решение|заповед|протокол|разпореждане)\s*№\s*[\w.-]{1,24}\s*(?:от\s+|/)", re.IGNORECASE
)


def _document_headline(titles: tuple[str, ...], today: dt.date | None) -> DatePick | None:
    """On a page that prints no date but its headline's, a council decision or a mayor's
    order headed by its number and day ("Решение № 412 от 27.11.2026 г."): that day is
    the act's, the one its page is published for; the page states no other. Read only
    from the headline's start, so a headline telling of a decision ("Кметът обжалва
    Решение № 41 от 2.10.2026") names no day of the page's."""
    title = titles[0] if titles else ""
    head = _DOCUMENT_HEADLINE.match(title)
    if head is None:
        return None
    found = dates.find_text_dates(title[head.end() :], today=today)
    if not found or found[0].start != 0:
        return None
    return DatePick(found[0].value, "generic:document-headline", "text")


def _told_near_title(near: NearTitle, today: dt.date | None, month_first: bool) -> DatePick | None:
    """The very last resort: a date the story tells by its headline (``dates.in_sentence``,
    told: "На 26 и 27 юли 2022 г. Сдружението организира…"). It is the day of the event
    the page reports or announces, mostly days from the page's own, so it is kept as a
    guess (a crawl takes the date its listing or feed printed instead: ``with_listed``)
    rather than leaving the page out of every search by date."""
    for text in near:
        line = _one_line(text)
        for date in dates.find_text_dates(line, today=today, month_first=month_first):
            if dates.in_sentence(text, date, told=True):
                return DatePick(date.value, f"generic:text-near-title{TOLD}", "text", guessed=True)
    return None


def _only_change_shown(
    stated: DatePick,
    modified: DatePick | None,
    windows: _Windows,
    dated: Replay[list[dates.TextDate]],
) -> DatePick | None:
    """The day of a change, where the page shows it by its headline as its one day and
    does not show the publication there, which only JSON-LD or the app's state states
    (the caller asks that no meta tag repeats it): the reader meets only the day of the
    change, and the one statement against it is addressed to machines. A change is a day
    labelled so ("Updated September 28, 2025", "Обновена: 14.11.2025") or the metadata's
    ``dateModified`` shown as a byline's day ("Мария Петрова · 14 ноември 2025"). Where
    the page's meta tags state the publication too (``article:published_time``,
    ``pubdate``: not schema.org's again), the CMS stands by it in every statement it
    makes, and it stays (WCXB's readers took the change on most pages of the first kind
    and the publication on most of the second). Only for a change more than a week after
    the publication (``_FRESH``): the page was rewritten since, not corrected. Marked
    ``modified_only``, as a page that states no publication at all is (``pick_dates``):
    the machine-stated publication is then archived nowhere.

    Where no window by the headline holds a day (a standfirst longer than the windows
    reach stands between the headline and its header's "Updated on" box), the first
    element named as a date (``dated``, outside furniture) is what the page shows: the
    same box, named after what it prints ("post-update", "date-info"). Read only where
    the metadata states a change more than a week after the publication, the one such
    a box can show: finding the first date box reads the page's date elements' text."""
    found = _nearest_dates(windows)
    shown_by = "generic:text-near-title"
    if not found and _rewritten(stated, modified):
        found, shown_by = next(iter(dated), []), "generic:date-element"
    if not found or any(date.relative for date in found):
        return None
    days = {date_stamps.local_date(date.value) for date in found}
    first, last = _days_anywhere(stated.value)
    if len(days) > 1 or any(first <= day <= last for day in days):
        return None
    day = date_stamps.local_date(found[0].value)
    if day - date_stamps.local_date(stated.value) <= _FRESH:
        return None
    if modified is not None:
        first, last = _days_anywhere(modified.value)
        if first <= day <= last:
            rule = f"{modified.rule}:modified-only"
            return DatePick(found[0].value, rule, modified.source, modified_only=True)
    if found[0].modified:
        return DatePick(found[0].value, f"{shown_by}:modified-only", "text", modified_only=True)
    return None


def _rewritten(stated: DatePick, modified: DatePick | None) -> bool:
    """The metadata states a change more than ``_FRESH`` after the publication."""
    if modified is None:
        return False
    return date_stamps.local_date(modified.value) - date_stamps.local_date(stated.value) > _FRESH


# schema.org's publication in microdata, as ``metadata`` keys it: a ``<meta
# itemprop="datePublished">`` read with the meta names, or any element's ``itemprop``.
_SCHEMA_ORG_PUBLISHED = ("datepublished", "itemprop:datePublished")
# The rules whose publication date is stated for machines alone: schema.org's for search
# engines (JSON-LD, microdata) and an app's state, on a page whose meta tags state none
# (``_only_change_shown``).
_MACHINE_ONLY = ("jsonld:datePublished", "meta:script") + tuple(
    f"meta:{key}" for key in _SCHEMA_ORG_PUBLISHED
)


def _stated_in_meta(meta: Metadata) -> bool:
    """The page's meta tags state a publication date of their own: not schema.org's
    ``datePublished`` again in microdata, which is the JSON-LD's statement in another
    syntax, written for the same search engines (``_only_change_shown``)."""
    return any(key not in _SCHEMA_ORG_PUBLISHED for key, _ in meta.meta_published)


# A change this soon after the publication is a fresh story's correction: the page is
# still the story of its day, whichever day it shows (``_only_change_shown``).
_FRESH = dt.timedelta(days=7)


def _revised(published: DatePick, modified: DatePick | None) -> bool:
    """Metadata that names a last change on another day: only a page saved again can have
    had its published date refilled, so only such pages are checked against the text (the
    check reads the headline's surroundings, which metadata spares most pages)."""
    if modified is None:
        return False
    return date_stamps.local_date(modified.value) != date_stamps.local_date(published.value)


def _checked_against_page(
    stated: DatePick, modified: DatePick | None, windows: _Windows
) -> DatePick:
    """A structured date, or the date beside the headline where the page contradicts it
    (``_labelled_on_page``, ``_earlier_on_page``). The window read is the nearest one
    holding a date, the one rule 5 reads: a headline's own box often holds only its
    standfirst, the byline's date one box further out (the windows are walked that far
    for rule 5 on a page without metadata anyway; on one with it, WCXB's cost no time)."""
    window, found = _nearest_window(windows)
    if _revised(stated, modified) and (labelled := _labelled_on_page(stated, window, found)):
        return labelled
    return (
        _earlier_on_page(stated, window, found)
        or _between_on_page(stated, modified, window, found)
        or _zone_shown(stated, window, found)
        or _timed_on_page(stated, window, found)
    )


def _nearest_window(windows: _Windows) -> tuple[str, list[dates.TextDate]]:
    """The window nearest the headline that holds a date, with its dates: ("", [])."""
    return next(((w, f) for w, f in windows if f), ("", []))


def _timed_on_page(stated: DatePick, window: str, found: list[dates.TextDate]) -> DatePick:
    """A structured day with no time, and the byline beside the headline printing that
    same day with its time: the time too. Elementor's post-info widget marks only the
    day's item ``itemprop="datePublished"`` (its text "25 ноември 2026"), the time
    "09:28" an item beside it; the page states both, the markup half. So does a
    ``<time>`` whose ``datetime`` holds the day alone beside the time it shows or the
    time printed next to it (``<time>08:17 ч.</time> | <time datetime="2026-11-27">``):
    the attribute is the day's, not the moment's. A time on another day, or in a
    sentence, is no time of this day's; nor one elsewhere on the page: only the window
    by the headline is read."""
    day = stated.value
    if isinstance(day, dt.datetime) or not any(
        isinstance(date.value, dt.datetime) and date.value.date() == day for date in found
    ):
        return stated  # (nearly every page: no sentence read for a time it does not show)
    shown = _byline_date(window, found)
    if (
        shown is None
        or not isinstance(shown.value, dt.datetime)
        or shown.value.date() != stated.value
    ):
        return stated
    return replace(stated, value=shown.value, rule=f"{stated.rule}:time-shown")


def _zone_shown(stated: DatePick, window: str, found: list[dates.TextDate]) -> DatePick | None:
    """A stamp stated at another offset than Sofia's (a CMS writing its server's UTC,
    ``"2026-11-27T23:40:00Z"``) as the byline beside the headline shows which clock it
    is read on: the archive's day of an article (``published_date``, every filter by
    date) is the stored time's own, so the stamp is stored on the clock the page prints,
    the instant always the stamp's.

    - The same moment to the minute on Sofia's clock ("28.11.2026 01:40"): the moment at
      Sofia's offset then (``2026-11-28T01:40:00+02:00``, ``…:site-clock``), whatever the
      page's language. The repeated hour of an October night needs no guess: the stamp's
      instant picks which 03:40.
    - The stamp's own clock, its minute ("27.11.2026 23:40") or its day alone where
      Sofia's is another ("27.11.2026"): the stamp as stated, marked
      (``own_clock_shown``) so that ``on_readers_clock`` leaves a Bulgarian page's so.

    None where the byline says nothing more of the clock (no date, another time, or the
    day alone that Sofia's clock shows): a Bulgarian page's stamp then takes Sofia's day
    all the same (``on_readers_clock``), any other page's stays as stated. Not the day
    alone of another page: WCXB's readers file an English page stamped 23:00 UTC under
    the stamp's day though its byline prints the next one ("Published: 03 Dec 2025"), on
    each of the five such pages of its dev set."""
    value = stated.value
    if not isinstance(value, dt.datetime) or value.utcoffset() is None:
        return None
    local = site_clock.on_site_clock(value)
    offset = local.utcoffset()
    if offset is None or offset == value.utcoffset():
        return None
    shown = _byline_date(window, found)
    if shown is None:
        return None
    if not isinstance(shown.value, dt.datetime):
        own_day = shown.value == value.date() != local.date()
        return replace(stated, own_clock_shown=True) if own_day else None
    if shown.value.tzinfo:
        return None
    minute = shown.value.replace(second=0, microsecond=0)
    if minute == local.replace(tzinfo=None, second=0, microsecond=0):
        moment = local.replace(tzinfo=dt.timezone(offset))
        return replace(stated, value=moment, rule=f"{stated.rule}:site-clock")
    if minute == value.replace(tzinfo=None, second=0, microsecond=0):
        return replace(stated, own_clock_shown=True)
    return None


def on_readers_clock(picked: DatePick | None, language: str | None) -> DatePick | None:
    """``picked`` on its readers' clock (``readers_clock``), the rule named
    ``…:site-clock`` where that moved its day; as it is where the byline showed the
    stamp's own clock (``DatePick.own_clock_shown``)."""
    if picked is None or picked.own_clock_shown:
        return picked
    value = readers_clock(picked.value, language)
    if value is picked.value:
        return picked
    return replace(picked, value=value, rule=f"{picked.rule}:site-clock")


def readers_clock(value: Published, language: str | None) -> Published:
    """A moment stated at another offset than Sofia's, on a page in Bulgarian
    (``language``: ``Article.language``, the text's), as the same instant at Sofia's
    offset then, where Sofia's clock shows it on another day than the stated offset does
    (``2026-11-27T23:40:00+00:00`` is ``2026-11-28T01:40:00+02:00``); else as it is.

    Why: the day an article is filed under (``published_date``, every filter by date) is
    the day on its readers' clock, the day its page, its card and a search of that day
    name, and a Bulgarian page's readers keep Sofia's, whatever clock its CMS's server
    writes (UTC in a stamp, a feed's ``pubDate``, a sitemap's ``lastmod``). Of a page in
    another language nothing is known of its readers' clock: its stamp stays as stated
    (unless its byline prints the moment on Sofia's clock: ``_zone_shown``). A moment the
    same day on both clocks keeps its own offset: the day, not the notation, is what is
    filed. The instant is never changed, so no moment comes after the fetch that did not
    already."""
    if language != ARCHIVE_LANGUAGE or not isinstance(value, dt.datetime):
        return value
    if value.utcoffset() is None:
        return value
    local = site_clock.on_site_clock(value)
    offset = local.utcoffset()
    if local.date() == value.date() or offset is None:
        return value
    return local.replace(tzinfo=dt.timezone(offset))


def _same_day_other_order(stated: DatePick, window: str, shown: dates.TextDate) -> bool:
    """The shown slash date, read the other way round, is the stated day: the page writes
    month-first (or day-first) where its language made us read it the other way, and
    confirms the metadata rather than contradicting it."""
    other = dates.other_reading(window, shown.start, shown.value)
    if other is None:
        return False
    first, last = _days_anywhere(stated.value)
    return first <= other <= last


def _labelled_on_page(
    stated: DatePick, window: str, found: list[dates.TextDate]
) -> DatePick | None:
    """The date printed beside the headline as "Published …"/"Публикувано …", when the
    metadata says another day.

    Why the page wins here, though metadata wins everywhere else: the label says in words
    which date it is, while metadata is often refilled on each save (a "datePublished"
    after the "Updated" date the same page prints). A day some time zone prints for the
    stated time is no disagreement.
    """
    shown = next((candidate for candidate in found if candidate.labelled), None)
    if shown is None:
        return None
    first, last = _days_anywhere(stated.value)
    if first <= date_stamps.local_date(shown.value) <= last:
        return None
    if _same_day_other_order(stated, window, shown):
        return None
    return DatePick(shown.value, "generic:text-near-title:labelled", "text")


def _byline_date(window: str, found: list[dates.TextDate]) -> dates.TextDate | None:
    """The first date beside the headline as a byline prints one: a day of its own (not
    "преди 2 часа", whose day is the fetch's arithmetic), not labelled as a change, and
    not inside a sentence (``dates.in_sentence``)."""
    shown = next((c for c in found if not c.modified and not c.relative), None)
    return None if shown is None or dates.in_sentence(window, shown) else shown


def _earlier_on_page(stated: DatePick, window: str, found: list[dates.TextDate]) -> DatePick | None:
    """The date printed beside the headline when it is days before the metadata's
    publication: a page cannot change before it appeared, so a shown date that early is
    the first publication, and the metadata was refilled when the site moved or re-saved
    its posts. A date inside a sentence there ("which opened on 17 December") is the
    story's, not the page's."""
    shown = _byline_date(window, found)
    if shown is None or date_stamps.local_date(shown.value) >= _days_anywhere(stated.value)[0]:
        return None
    if _same_day_other_order(stated, window, shown):
        return None
    return DatePick(shown.value, "generic:text-near-title:earlier", "text")


def _between_on_page(
    stated: DatePick, modified: DatePick | None, window: str, found: list[dates.TextDate]
) -> DatePick | None:
    """The one day printed beside the headline as a byline's date, after the metadata's
    publication and before its last change: the page was published again that day (a
    story rewritten under a new byline date) and saved since without a word. A reader
    takes the printed day for the page's, and the metadata stores it nowhere. A byline's
    date that is the metadata's last change is told apart (``modified``), not taken:
    WCXB's readers take that one on some pages and the first publication on others of
    the same shape. Several days there are a list (a log of updates), not a byline."""
    shown = _byline_date(window, found) if modified is not None else None
    if modified is None or shown is None:
        return None
    day = date_stamps.local_date(shown.value)
    if any(date_stamps.local_date(other.value) != day for other in found):
        return None
    if not _days_anywhere(stated.value)[1] < day < _days_anywhere(modified.value)[0]:
        return None
    if _same_day_other_order(stated, window, shown):
        return None
    return DatePick(shown.value, "generic:text-near-title:between", "text")


def _days_anywhere(value: Published) -> tuple[dt.date, dt.date]:
    """The first and last calendar day some site could print for a stated time: a day's
    difference from the page is a time zone, not a disagreement. A time with its offset
    pins that down (zones run from UTC-12 to UTC+14: 22:00 UTC on the 19th is the 19th or
    the 20th, never the 18th); a bare day or a time without zone leaves a day either way.
    Stated dates start in 1900 (``date_stamps.is_null_date``), so the window cannot overflow."""
    if isinstance(value, dt.datetime) and value.utcoffset() is not None:
        utc = value.astimezone(dt.UTC)
        return (utc - _WEST).date(), (utc + _EAST).date()
    day = date_stamps.local_date(value)
    return day - _ONE_DAY, day + _ONE_DAY


_WEST, _EAST, _ONE_DAY = dt.timedelta(hours=12), dt.timedelta(hours=14), dt.timedelta(days=1)


def _in_the_pages_order(
    shown: DatePick | None,
    modified: DatePick | None,
    url: str,
    page_text: Callable[[], str],
    today: dt.date | None,
    month_first: bool,
) -> tuple[DatePick | None, DatePick | None]:
    """The page's slash dates that read two ways ("03/02/2025": 3 February or 2 March,
    ``DatePick.other``) read the way the page itself writes them, where it tells: the
    article's URL files it under one reading's day or month (``/2025/03/02/``,
    ``/2025/03/``: ``_by_address``), else the page's other slash dates read one way only
    (``dates.slash_order``: a card's "1/31/2025" is month first, and so is the
    "Updated: 6/2/2025" beside it). Both dates are read so: a page writes its dates one
    way. Where neither tells, the language's custom stands (``dates.month_first_language``:
    a bare "en" says nothing of the country), and the other reading is kept for the
    listing or feed to decide (``with_listed``); where one tells, it is dropped.

    Why: a bare ``lang="en"``, the most common declaration of an American site, reads
    day first, so its "6/2/2025" was 6 February (WCXB 4025, whose cards print
    "1/31/2025" and "12/17/2024"); and a Bulgarian site's Drupal or Weebly writes "m/d/Y"
    under ``lang="bg"``. Only ambiguous dates are read again, so the page's text is read
    for it only on such a page."""
    if (shown is None or shown.other is None) and (modified is None or modified.other is None):
        return shown, modified
    flipped = _by_address(shown, url, today) if shown is not None else None
    how = "url-order"
    if flipped is None:
        order = dates.slash_order([page_text()])
        if order is None:
            return shown, modified
        flipped, how = order != month_first, "page-order"
    return _read_so(shown, flipped, how), _read_so(modified, flipped, how)


def _by_address(shown: DatePick, url: str, today: dt.date | None) -> bool | None:
    """Whether the article's URL files it under the day (or else the month) of the reading
    ``shown`` did not take (True), of the one it took (False), or says neither (None)."""
    other = shown.other
    if other is None:
        return None
    taken = date_stamps.local_date(shown.value)
    day = date_stamps.parse_url_date(url, today=today)
    if day in (other, taken):
        return day == other
    month = date_stamps.url_month(url)
    if month is None or (other.year, other.month) == (taken.year, taken.month):
        return None
    if month in ((other.year, other.month), (taken.year, taken.month)):
        return month == (other.year, other.month)
    return None


def _read_so(pick: DatePick | None, flipped: bool, how: str) -> DatePick | None:
    """``pick`` read the other way round where ``flipped`` (its time kept; ``how`` names
    why in its rule), else as it was; either way no longer in doubt. (The other reading
    is never after the fetch: ``TextDate.other`` holds only a day that is not.)"""
    if pick is None or pick.other is None:
        return pick
    if not flipped:
        return replace(pick, other=None)
    value: Published = pick.other
    if isinstance(pick.value, dt.datetime):
        value = dt.datetime.combine(pick.other, pick.value.timetz())
    return replace(pick, value=value, rule=f"{pick.rule}:{how}", other=None)


def _local_day(published: DatePick, url: str, today: dt.date | None) -> DatePick:
    """A time stated in UTC whose day differs by one from the day in the article's URL is
    shown as the URL's day: the URL is written in the site's own calendar (WordPress's
    ``/2025/12/18/`` for a post stamped ``2025-12-19T02:00:00+00:00``), and a reader there
    saw that day. A Bulgarian post stamped 22:30 UTC is already the next day in Sofia."""
    value = published.value
    if not isinstance(value, dt.datetime) or value.utcoffset() != dt.timedelta(0):
        return published
    from_url = date_stamps.parse_url_date(url, today=today)
    if from_url is None or abs(from_url - value.date()) != dt.timedelta(days=1):
        return published
    return replace(published, value=from_url, rule=f"{published.rule}:url-day")


# Elements whose tooltip may hold the time of the day they show: never a picture, and a
# link only where its title is a time alone (a link's title otherwise describes where it
# leads; WordPress's Twenty Ten and its kin print the day as a link to the post titled
# with the time, ``<a href="…" title="08:17" rel="bookmark">27 ноември 2026</a>``).
_TOOLTIP_SELECTOR = "[title]:not(img):not(link)"
_TOOLTIP_MAX = 40  # characters: a date and a time, with a label at most
_SHOWN_MAX = 60  # characters an element whose tooltip is a time shows: a date line
# Tooltips of a date's look read a page (each a date search; the article's is near the
# top, and a page of readers' comments stamps a few dozen): 25,000 took 2 s.
_TOOLTIPS_READ = 200


def _with_tooltip_time(tree: LexborHTMLParser, picked: DatePick, today: dt.date | None) -> DatePick:
    """The day the text gave, with the time only a tooltip holds: uCoz and other old
    templates print "28.11.2026" and keep the time for the mouse (``<span
    title="14:35">``, ``title="28.11.2026, 14:35"``). The tooltip counts on an element
    outside furniture that shows that day (a time alone), or that names that day itself
    (a date and time). Tooltips that disagree on the time of that day (the article's and
    a list entry's of the same day) give none: the day stays without a time. Either kind
    of tooltip counts only beside that day printed in full, with its year: a guessed day
    so confirmed is no longer a guess. Only the first ``_TOOLTIPS_READ`` tooltips of a
    date's or a time's look are read (25,000 took 2 s)."""
    day = picked.value
    found: set[dt.time] = set()
    read = 0
    for node in tree.css(_TOOLTIP_SELECTOR):
        tip = node.attributes.get("title") or ""
        if len(tip) > _TOOLTIP_MAX or ":" not in tip and "." not in tip:
            continue
        if node.tag == "a" and dates.parse_clock(tip) is None:
            continue
        read += 1
        if read > _TOOLTIPS_READ or len(found) > 1:
            break
        clock = dates.parse_clock(tip)
        if clock is not None:
            # (a date line's text: a box around more is no date's, and reading every
            # nested box's whole text for a date was quadratic on a hostile page)
            text = node.text_lexbor()
            if len(text) > _SHOWN_MAX:
                continue
            shown = dates.parse_text_date(text, today=today)
            if shown is None or date_stamps.local_date(shown) != day:
                continue
        else:
            stated = dates.parse_text_date(tip, today=today)
            if not isinstance(stated, dt.datetime) or stated.date() != day:
                continue
            clock = stated.time()
        if not in_furniture(node):
            found.add(clock)
    if len(found) != 1:
        return picked
    stamped = dt.datetime.combine(day, found.pop())
    if date_stamps.after(stamped, today):
        return picked
    return replace(picked, value=stamped, rule=f"{picked.rule}:tooltip-time", guessed=False)


# A tooltip stating a date in full: its year (four digits) and the time of the day.
_FULL_TOOLTIP = re.compile(r"\d{4}")


def _behind_relative(tree: LexborHTMLParser, today: dt.date | None) -> Published | None:
    """The moment a relative date by the headline ("преди 3 часа", "вчера") states in its
    tooltip (``<span title="27.11.2026 08:17">преди 3 часа</span>``): the words were
    counted when the page was rendered, so any later fetch (a cache, the next night, an
    archive) reads them against the wrong moment, while the tooltip is the CMS's own
    timestamp. The first element outside furniture that shows a relative date and
    nothing else of its own and whose tooltip states a date with its year and a time;
    asked only where the date by the headline was relative, which few pages' is. Only
    the first ``_TOOLTIPS_READ`` tooltips stating a year and a time are read: each costs
    a date search, and 25,000 spans each stating a later moment took 2 s."""
    read = 0
    for node in tree.css(_TOOLTIP_SELECTOR):
        tip = node.attributes.get("title") or ""
        if (
            node.tag == "a"
            or len(tip) > _TOOLTIP_MAX
            or ":" not in tip
            or not _FULL_TOOLTIP.search(tip)
        ):
            continue
        read += 1
        if read > _TOOLTIPS_READ:
            return None
        text = node.text_lexbor()
        if len(text) > _SHOWN_MAX:
            continue
        # ("преди месец" is a coarse date, which only the loose reading finds)
        shown = dates.find_text_dates(text, today=today) or dates.find_loose_dates(
            text, today=today
        )
        if not shown or not all(date.relative for date in shown):
            continue
        stated = dates.find_text_dates(tip, today=today)
        if not stated or stated[0].relative or not isinstance(stated[0].value, dt.datetime):
            continue
        if date_stamps.after(stated[0].value, today) or in_furniture(node):
            continue
        return stated[0].value
    return None


def _time_element(times: list[LexborNode], today: dt.date | None) -> DatePick | None:
    """The first of the page's ``<time>`` elements (``times``) outside furniture, readers'
    comments and teasers of other pages (``in_link_card``) that is not marked as an
    update: its ``datetime`` attribute, else its text ("<time>Feb 6, 2025</time>")."""
    for node in times:
        found = far_dates.stated_time(node, today)
        if (
            found is not None
            and not in_furniture(node)
            and not far_dates.in_comments(node)
            and not in_link_card(node)
        ):
            parsed, stamped = found
            return DatePick(parsed, _TIME_RULES[stamped], "time")
    return None


# A ``<time>``'s rule by whether its ``datetime`` attribute stated the date.
_TIME_RULES = {True: "generic:time[datetime]", False: "generic:time"}


# Elements a theme names after the date it prints ("post-date", "entry-meta", "byline"):
# a class holding one of these words as written ("Date", not "DATE"), or an id holding
# "date"; and uCoz's row of a post's fields under its text, "eDetails" in every module
# ("Категория: Обяви | Преглеждания: 321 | Добавил: … | Дата: 27.11.2026"), its post's
# one date where the address holds none ("Details" as written, not a product's
# "details").
_DATED_CLASSES = ("date", "Date", "time", "posted", "publish", "meta", "byline", "Details")
_DATED_ID = "date"
# What lexbor is asked for them: the words in any case, which finds each of those elements
# (and a few more, "DATE", passed over here) at 70% of the instructions of the words as
# written: lexbor's substring test costs more with the case kept, and each of a list's
# selectors is tested on every element of the body (AEB: 2.9M instructions a page).
# It runs only where the rules before it dated nothing: 32 of AEB's 181 pages, 44M
# instructions of an AEB pass's 5,082M (callgrind, the query asked twice) and ~5 ms of
# its ~0.9 s (speed246; not the 6% a profile named). Measured and not adopted
# (speed246): dropping the words the page's bytes do not spell (exact only where no
# "&#" reference spells a letter) cost more than it spared, the query on those pages
# 48M -> 83M: a search of ~110 kB of bytes costs about what a selector does; and
# listing these in ``metadata``'s one query would test them on all 181 pages.
_DATED_WORDS = tuple(dict.fromkeys(w.lower() for w in _DATED_CLASSES))
_DATED_QUERY = ", ".join(
    [f'[class*="{word}" i]' for word in _DATED_WORDS] + [f'[id*="{_DATED_ID}" i]']
)


def _dated_query(named: tuple[str, ...]) -> str:
    """The words of ``_DATED_QUERY`` in the naming attributes the page holds (``named``:
    ``class_names.naming_attributes_in``; "" where none): Wix's post date is "<span
    data-hook="time-ago" title="05.04.2026 г.">5 апр</span>" in hashed classes."""
    return named_selector(_DATED_WORDS, named, True) if named else ""


# Matches read at most, an element counted once for each word it holds (as when each word
# was a selector of the query, which lexbor listed the element for once each).
_MOST_DATED = 300


def _dated_texts(
    tree: LexborHTMLParser,
    today: dt.date | None,
    month_first: bool,
    furniture: Callable[[LexborNode], bool] | None = None,
    headline: Callable[[], LexborNode | None] = lambda: None,
) -> Iterator[list[dates.TextDate]]:
    """The dates printed in each element named as a date, outside furniture and readers'
    comments, in page order: read once a page for both the published and the modified
    rule (a ``Replay``). Only in the page's content where the ``headline`` (asked only
    when a rule reads these dates) stands in one (``furniture.page_content``), and where
    it stands in none, not above the site's menu before it (``furniture.above_menu``):
    the header's clock, "<div class="date">Неделя, 07 Декември 2026</div>", is the day
    the page was served, and dated an undated article by the crawl's day.

    An element inside one already read is not read again: its dates are among that
    one's, which read them with the label before them ("Last updated on" in the
    "post-date" box, the day alone in its "date" span inside), and read alone the day
    would lose its label and pass for the publication. ``furniture``: the page's
    ``remembered`` ``is_furniture`` (``NearTitle.furniture``), else one of its own."""
    found = headline()
    content = page_content(found) if found is not None else None
    scope = content or tree.body
    if scope is None:
        return
    # (remembered: date boxes nest, "entry-meta" > "post-date")
    furniture = furniture or remembered(is_furniture)
    read: set[int] = set()
    # the header above the site's menu, where no <main> bounds the content (asked once,
    # of the first element named as a date that prints one)
    header = functools.cache(
        lambda: above_menu(found) if found is not None and content is None else frozenset()
    )
    query = _DATED_QUERY
    while query:
        for node in _named_as_dated(scope, query):
            for dated in _dates_of(node, read, today, month_first, furniture):
                if not (roots := header()) or not in_subtrees(node, roots):
                    yield dated
        # (then, where no class named a date that was read, the same words in the
        # attributes a build names its parts in: asked of the page's bytes only then, a
        # search that costs a few percent of extraction on every page)
        query = (
            ""
            if read or query != _DATED_QUERY
            else _dated_query(naming_attributes_in(tree.raw_html))
        )


def _dates_of(
    node: LexborNode,
    read: set[int],
    today: dt.date | None,
    month_first: bool,
    furniture: Callable[[LexborNode], bool],
) -> Iterator[list[dates.TextDate]]:
    """The dates one element named as a date prints (``_dated_texts``), ``read`` noting it."""
    text = " ".join((node.text(deep=True, separator=" ") or "").split())
    if len(text) > 200 and node.css_first("style, script") is not None:
        # (its text as shown: uCoz's fields row inlines its stars' stylesheet)
        text = visible_text(node)
    if not text or len(text) > 200:
        return
    found = dates.find_text_dates(text, today=today, month_first=month_first)
    if not found and (tip := node.attributes.get("title")):
        found = _tooltip_dates(tip, today, month_first)
    # (the walks up only for those with a date)
    if (
        not found
        or _inside(node, read)
        or in_furniture(node, furniture)
        or far_dates.in_comments(node)
        or in_link_card(node)
    ):
        return
    read.add(node.mem_id)
    yield found


def _tooltip_dates(tip: str, today: dt.date | None, month_first: bool) -> list[dates.TextDate]:
    """The dates a date box's tooltip states in full where the box shows too little to
    read ("<span data-hook="time-ago" title="05.04.2026 г.">5 апр</span>", Wix's post
    date: the day and month without the year, which no rule reads as a date, the year
    in the tooltip alone). Only a short tooltip that is a date with its year: a label's
    tooltip ("Дата на публикуване") or a sentence is no stamp."""
    if len(tip) > _TOOLTIP_MAX or not _FULL_TOOLTIP.search(tip):
        return []
    return dates.find_text_dates(tip, today=today, month_first=month_first)


def _named_as_dated(scope: LexborNode, query: str) -> Iterator[LexborNode]:
    """The elements of ``scope`` named as a date (``_DATED_CLASSES``, ``_DATED_ID``), in
    page order, as far as the first ``_MOST_DATED`` matches. Each once: with each word a
    selector of its own, lexbor listed an element again for each further word it holds,
    and the copy, read again, gave the dates its first reading gave, which every rule
    had taken or passed over already."""
    matches = 0
    last = -1  # (mem_ids are never negative)
    by_name = query != _DATED_QUERY  # (the naming attributes' query: ``_dated_query``)
    for node in scope.css(query):
        key = node.mem_id
        if key == last:  # (listed again for another selector it matches: listed together)
            continue
        last = key
        attrs = node.attributes
        classes = attrs.get("class") or ""
        if by_name:
            classes = f"{classes} {named_words(attrs)}"
        words = sum(word in classes for word in _DATED_CLASSES)
        words += _DATED_ID in (attrs.get("id") or "")
        if words:
            yield node
            matches += words
            if matches >= _MOST_DATED:
                return


# How far up a date box's ancestors are searched for one read before: date boxes nest a
# few deep ("entry-meta" > "posted-on" > "date"), and one 200 characters long at most
# holds nothing deeper.
_NESTED_REACH = 6


def _inside(node: LexborNode, read: set[int]) -> bool:
    """Whether an element ``read`` holds ``node`` (``_dated_texts``)."""
    if not read:
        return False
    parent = node.parent
    for _ in range(_NESTED_REACH):
        if parent is None:
            return False
        if parent.mem_id in read:
            return True
        parent = parent.parent
    return False


def _dated_element(
    dated: Replay[list[dates.TextDate]], *, modified: bool = False
) -> DatePick | None:
    """The first published (or, with ``modified``, last-changed) date printed in an
    element named as a date, outside furniture."""
    for found in dated:
        for date in found:
            if date.modified == modified:
                return DatePick(date.value, "generic:date-element", "text", other=date.other)
    return None


def _pick_modified(
    windows: _Windows,
    meta: Metadata,
    today: dt.date | None,
    scripts: Callable[[], tuple[str, str]],
    dated: Replay[list[dates.TextDate]],
    tree: LexborHTMLParser,
    whole: tuple[Callable[[], str], Callable[[], str]],
    *,
    look_further: bool,
    undated: bool,
) -> DatePick | None:
    month_first = dates.month_first_language(meta.lang)
    if meta.jsonld_modified:
        parsed = _structured(meta.jsonld_modified, month_first, today)
        if parsed:
            return DatePick(parsed, "jsonld:dateModified", "jsonld")
    for key, value in meta.meta_modified:
        parsed = _structured(value, month_first, today)
        if parsed:
            return DatePick(parsed, f"meta:{key}", "meta")
    if not look_further:
        return None
    for _, found in windows:
        updated = next((date for date in found if date.modified), None)
        if updated is not None:
            return DatePick(updated.value, "generic:text-near-title", "text", other=updated.other)
        if found:
            break  # an "Updated" label sits beside the published date, not further out
    element = _dated_element(dated, modified=True)
    script_modified = scripts()[1] if element is None else ""
    if script_modified:
        parsed = _structured(script_modified, month_first, today)
        return DatePick(parsed, "meta:script", "meta") if parsed else None
    if element is None and undated:
        stamped = far_dates.updated_time(tree, today)
        if stamped is not None:
            return DatePick(stamped[0], _TIME_RULES[stamped[1]], "time")
        page_text, lowered = whole
        last = far_dates.updated_anywhere(tree, page_text(), today, month_first, lowered)
        return DatePick(last, "generic:updated-anywhere", "text") if last else None
    return element


def _profile_date(
    tree: LexborHTMLParser, selector: str, profile: Profile, today: dt.date | None
) -> tuple[Published, str] | None:
    """The first date the selector yields outside furniture: a datetime attribute, then text."""
    try:
        nodes = tree.css(selector)
    except Exception:
        return None
    for node in nodes:
        if in_furniture(node):
            continue
        stamp = node.attributes.get("datetime") or ""
        inner = node.css_first("time[datetime]") if not stamp else None
        if inner is not None:
            stamp = inner.attributes.get("datetime") or ""
        parsed = date_stamps.parse_iso(stamp) if stamp else None
        if parsed and not date_stamps.after(parsed, today):
            return parsed, "time"
        text = " ".join(node.text_lexbor().split())
        if not text:
            continue
        parsed = date_stamps.parse_with_formats(
            text, profile.date_formats
        ) or dates.parse_text_date(text, today=today)
        if parsed and not date_stamps.after(parsed, today):
            return parsed, "text"
    return None
