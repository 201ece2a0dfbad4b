"""The next page of a listing to walk, where ``listings`` reads the news links it shows.

Paging: ``rel=next``, a "Следваща"/"Напред"/"»" link, the link to page N+1 among the page
numbers (not a calendar's day), a bulletin's issue before its own ("Брой 43"), or the
address a "Зареди още" button loads its next cards from; on a page with none of them, the
archive page of the latest month before this page's, when the page links its archive by
month (old sites reach older news only that way), or of the year before
(``older_year_url``); last, the page's own data its framework preloads as JSON
(``_preloaded_data``: Gatsby's page data). A profile's ``pagination`` template only adds
to these: it names the next page of a page that links none (``templated_next``), never
one the page's own links contradict. ``ListingPages`` holds the order and why.

A module apart from ``listings`` because where a walk goes next is a question of its own
(the crawl, ``check-site`` and exploring ask it of a page whose links they read there),
with its own vocabulary of pager words, month and year archives and script pagers. It
stands above ``listings``: it takes a page's dates from there (``paged_pair``), never the
other way round; and above ``archive_pages``, which reads and writes a date archive's
addresses (which month's page, the month before) for the links read here.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from functools import partial
from typing import Unpack
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsarchive.date_stamps import local_date
from newsarchive.discover import pager_words
from newsarchive.discover.anchors import (
    UNASKED_INPUTS,
    LinkReader,
    ScriptCall,
    asked_fields,
    button_label,
    form_address,
    gets_form,
    hidden_fields,
    input_kind,
    link_reader,
    link_says,
    link_target,
    plain_form,
    script_calls,
)
from newsarchive.discover.archive_pages import (
    MonthSteps,
    archive_month,
    lists_its_month,
    month_before,
    month_number,
)
from newsarchive.discover.day_pages import calendar_day
from newsarchive.discover.embedded import MAX_BLOB
from newsarchive.discover.explore import (
    MIN_ITEMS,
    NEWS_PATH,
    NEWS_WORDS,
    first_link_saying,
    news_archive_link,
    pagination_template,
    rest_api_links,
)
from newsarchive.discover.index_pages import later_page
from newsarchive.discover.items import MIN_HEADLINE_WORDS, Items
from newsarchive.discover.listings import (
    PATH_PAGE,
    DateMemo,
    Listing,
    card_date,
    listing_tree,
)
from newsarchive.discover.shape import YEAR_FOLDER, is_file_path, split_normal
from newsarchive.discover.stand_ins import GOES_TO, script_choice
from newsarchive.discover.urls import (
    followed_href,
    is_article_url,
    is_home_page,
    normalize_url,
    on_site,
    page_relative,
)
from newsarchive.discover.walk import ListingWalk, Place, WalkSettings, WalkState
from newsarchive.link_header import linked
from newsarchive.models import Candidate, Profile
from newsarchive.site_clock import on_site_clock

# An icon-only link says it in its aria-label or title, often as "Към следващата страница"
# (Joomla 4 and Drupal pagers in Bulgarian): "към" and the article-bearing form allowed.
# WordPress says "← По-стари публикации" ("Older posts"), the arrow pointing back in time;
# so does a news page showing one day at a time: "« Предишен ден" is the day before (its
# "Следващ ден »" the day after: no next page), as "« Предишна" alone is not (page 1 of a
# numbered pager, newer news). A pager may say how many the next page brings: "Следващите
# 10 новини »" (only "новини": a theme's "Следващи публикации »" is the newer, ``_OLDER``).
_FORWARD = f"[{pager_words.ARROWS_ON}]{{1,2}}"  # the arrows a next link may be, or end with
_BACKWARD = f"[{pager_words.ARROWS_BACK}]{{1,2}}"
_OLDER_NEWS = rf"(?:{'|'.join(pager_words.OLDER)}) (?:{'|'.join(pager_words.ITEMS)})"
_NEXT_TEXT = re.compile(
    rf"^(?:(?:(?:към )?(?:{'|'.join(pager_words.FORWARD)})(?: (?:{'|'.join(pager_words.PAGE)}))?|"
    rf"(?:{'|'.join(pager_words.OLDER)})|{_OLDER_NEWS}|"
    r"следващ(?:и|ите)(?: \d+)? новини|още новини)?"
    rf"\s*(?:{_FORWARD})?"
    rf"|(?:{_BACKWARD}\s*)?(?:{_OLDER_NEWS}|пред(?:иш|ход)(?:ен|ния|ният) ден|previous day))$",
    re.IGNORECASE,
)
# The ways back a link to the article or the list's page before says, not "назад" and
# "back": a link back to where the reader came from ("« Назад към новините"), not older.
_BEFORE = "|".join(word for word in pager_words.BACK if word not in ("назад", "back"))
# "« Предишни публикации" ("« Previous Entries"): a WordPress theme's older posts, its
# "Следващи публикации »" the newer, back towards page 1; another theme's pager may say
# so of the newer ones. A blog builder's "<<Предишна" ("<<Previous", Weebly) is the older
# page too, its "Следваща>>" the newer, where a numbered pager's "« Предишна" is page N-1.
# PHP-Nuke's news module says "Предишни новини >>" under its cards, the arrow pointing on
# through the list, to its older page. Taken only when it leads to page N+1 by the number
# in its address (``names_page``), never back to a page before.
_OLDER = re.compile(
    rf"^(?:{_BACKWARD}\s*)?(?:{_BEFORE})"
    rf"(?: (?:{'|'.join(pager_words.ITEMS)}|{'|'.join(pager_words.PAGE)}))?(?:\s*{_FORWARD})?$",
    re.IGNORECASE,
)


def paged_pair(
    items: Items,
    tree: LexborHTMLParser,
    page_url: str,
    profile: Profile,
    memo: DateMemo,
    today: dt.date | None = None,
    link: str = "",
) -> bool:
    """Whether a section page's two news items (one short of ``MIN_ITEMS``) are a list
    all the same: a village mayoralty shows two news a page. Two dated cards alone are
    not (an article's "Свързани новини" of two, a page and its update); two dated
    cards over a pager whose next page is this page's address plus a page number
    (``/novini/?str=2``, ``pagination_template``) are, as no related-links box is paged
    by its page's own address. ``link``: the answer's HTTP ``Link`` header."""
    if len(items.cards) != MIN_ITEMS - 1 or items.files:
        return False
    if any(card_date(card, memo, today) is None for card in items.cards):
        return False
    after = next_page_url(tree, page_url, profile, 1, link=link)
    return bool(after and pagination_template(page_url, after))


class ListingPages:
    """Where one walk of a listing goes after each of its pages: the one rule the crawl,
    ``check-site`` and exploring (add-site's page 2) follow. In this order, each rule
    asked only when those before it name nothing:

    1. the page's own next page (``find_next_link``: ``rel=next``, "Следваща", page N+1,
       a "Зареди още" endpoint, a drop-down pager, the month before): what a person clicks.
    2. the latest year's page before this page's (``older_year_url``: "Архив: [2026 ▼]",
       "Новини 2025"): a list whose pages run out goes on there, year by year into the
       past.
    3. the year page the walk's first page linked, taken once: a list whose later cards
       load by "Зареди още" from a JSON endpoint links its years only on page 1, and the
       endpoint's answers link none; when they run out, the walk goes on to that year.
    4. the profile's ``pagination`` template (``templated_next``): the next page of a page
       that links none. A hint that adds to the page's links, never one that replaces
       them, nor the year: it once came before the year, and a listing whose pages run
       out into a drop-down of earlier years (zimnitsa) was walked to the template's
       ``?str=3``, a 404, instead of the year before that a crawl with no profile follows.
    5. the month before, by the address of a month's archive page that links no other
       month (``month_before``): the archive's months, one by one into the past, the
       walk stepping over a few missing or empty ones (``walk.MISSED_MONTHS``).
    6. the news archive the page links ("Архив на новините »", ``archive_index``), from
       a page of no month's and no pager: a list of the newest few whose older news are
       only on its months' pages, linked from that archive's page alone, which the walk
       reads as an index of months (``index_pages``), newest first. Walks only (as rule
       2), never exploring's page 2.

    One object per walk: it keeps rule 3's year from page 1 to the page that takes it.
    A counted endpoint's answers (``_counted_on``) run out on an answer listing nothing
    new, which ends a walk where it stands; the year taken there is said so
    (``past_end``), for the walk to go on to it from that empty page.
    """

    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self._first_year: str | None = None
        # each month as the walk's pages wrote it in their archive's addresses
        # (``printed_months``), kept for the walk's steps back (``MonthSteps``)
        self.months: dict[int, str] = {}
        # a "Зареди още" endpoint's address the walk asks next, and the query field its
        # page number goes in (``_counted_on``); whether one of its answers named a next
        # page of its own (then none is counted on)
        self._counting: tuple[str, str] | None = None
        self._answers_link = False
        # the page ``after`` named last is rule 3's year, taken where a counted
        # endpoint's answers ran out on one listing nothing new: no later page of the
        # list, but where it goes on past its end (``walk.Listed.past_end``)
        self.past_end = False

    def after(
        self, html: Listing, page_url_now: str, page: int, newest: int | None, link: str = "",
        *, own_news: bool = True, latest: dt.date | None = None,
    ) -> str | None:  # fmt: skip
        """The page after ``page_url_now``, the walk's ``page``-th (1-based), or None when
        the listing ends there. ``newest``: the year of the page's newest news (the year
        it was fetched, for a page of links; its newest item's, for items in full), which
        its older years are before when its address names none; None leaves year pages
        out (exploring, after the listing's page 2, from which add-site reads a template:
        a year's page is none). ``link``: the answer's HTTP ``Link`` header, "" without one.
        ``own_news``: whether the page listed news of its own, as the walk reading it
        tells (the function ``own_news``; True: not told, as exploring does); a month's
        page that listed none (the news page's latest again, beside the month's grid) is
        read by its calendar's days (``_calendar_day``). ``latest``: the last day a
        calendar's page may be of to be older than this one (``latest_day``)."""
        tree = listing_tree(html)
        profile = self.profile
        self.past_end = False
        self.months.update(printed_months(tree))
        if page == 1:  # read even when the page links its next: rule 3 needs it later
            self._first_year = _older_year(tree, page_url_now, profile, newest)
        own = find_next_link(
            tree, page_url_now, profile, page, link, own_news=own_news, latest=latest
        )
        if self._ran_out(page_url_now, own, own_news=own_news):
            year = self._take_first_year()
            self.past_end = year is not None
            return year
        if counted := self._counted_on(tree, page_url_now, page, own):
            return counted
        if own:
            return own
        year = self._first_year if page == 1 else _older_year(tree, page_url_now, profile, newest)
        return (
            year
            or self._take_first_year()
            or templated_next(page_url_now, profile.pagination, page)
            or _month_by_address(tree, page_url_now, self.months)
            or (None if newest is None else archive_index(tree, page_url_now, profile))
        )

    def _counted_on(
        self, tree: LexborHTMLParser, page_url_now: str, page: int, own: str | None
    ) -> str | None:
        """The next page of a "Зареди още" endpoint's answer that names none of its own:
        the same address, its page field one up (``?page=3`` after ``?page=2``). A theme's
        script counts the pages itself (``data-page`` raised on each click), its endpoint
        answering a bare fragment of cards: the walk read the one page the button named
        and ended there, 8 of 13 archived. It goes on so until an answer lists nothing,
        fails, or only repeats (the walk's own ends, within its cap). Not once an answer
        named its next (a button of its own, a JSON's ``next``): its last, naming none,
        is the end, where a list linking its years on page 1 goes on (rule 3).
        Otherwise notes where the page's button leads, when that is ``own``, the
        page's next (None when there is nothing to count on from here)."""
        current = normalize_url(page_url_now) or page_url_now
        if self._counting is not None and self._counting[0] == current:
            field = self._counting[1]
            if own is not None:
                self._counting, self._answers_link = None, True
                return None
            number = _own_number(current, field, page) + 1
            self._counting = (_with_field(current, field, str(number)), field)
            return self._counting[0]
        if own is not None and self._counting is None and not self._answers_link:
            request = load_more_request(tree, page_url_now, self.profile, page)
            if request is not None and request[0] == own and request[1] is not None:
                self._counting = (own, request[1])
        return None

    def _ran_out(self, page_url_now: str, own: str | None, *, own_news: bool) -> bool:
        """Whether ``page_url_now`` is a counted endpoint's answer (``_counted_on``) that
        names no next of its own and lists no news of its own (empty, or page 1's cards
        again): the endpoint's end, where the walk ends too. Its pages counted so, a
        bare-fragment "Зареди още" list that links "Новини 2025" on page 1 alone had
        its year never asked: the next count was named, and the empty answer ended the
        walk before any page named the year."""
        current = normalize_url(page_url_now) or page_url_now
        if own_news or own is not None or self._counting is None:
            return False
        if self._counting[0] != current:
            return False
        self._counting = None
        return True

    def _take_first_year(self) -> str | None:
        year, self._first_year = self._first_year, None
        return year


def _month_by_address(
    tree: LexborHTMLParser, url: str, spelling: Mapping[int, str] | None = None
) -> str | None:
    """The month before a month's archive page that links no other month's
    (``month_before``, the months spelled as the site printed them: ``spelling``): one
    that links some (a list or a drop-down of the archive's months, a "» Декември 2026"
    to the one after) shows where the archive ends."""
    before = month_before(url, spelling)
    if before is None:
        return None
    read = link_reader(tree, url)
    here = archive_month(url)
    hrefs = [anchor.attributes.get("href") or "" for anchor in tree.css("a[href]")]
    for href in (*_dated_hrefs(hrefs, read.base), *_option_targets(tree, read)):
        if linked := read(href):
            if (month := archive_month(linked)) is not None and month != here:
                return None
    return before


def archive_index(tree: LexborHTMLParser, url: str, profile: Profile) -> str | None:
    """Where a list's "Архив на новините" leads (``explore.news_archive_link``, a label
    naming the archive: not "Всички новини", often the list itself or another), from a
    page that is no month's nor day's archive (a month's page links it too: its months
    are walked by the index already read, or by their addresses). The walk reads it as
    an index of months when it is one (``index_pages.listing_index``), its entries the
    walk's next pages; a list of news, as the list's next page."""
    if archive_month(url, anywhere=True) is not None or calendar_day(url) is not None:
        return None
    archive = news_archive_link(tree, url, profile, archive_only=True)
    return None if archive is None or archive_month(archive, anywhere=True) else archive


def _older_year(
    tree: LexborHTMLParser, url: str, profile: Profile, newest: int | None
) -> str | None:
    return None if newest is None else older_year_url(tree, url, profile, newest)


def next_page_url(
    html: Listing,
    page_url_now: str,
    profile: Profile,
    page: int,
    *,
    newest: int | None = None,
    link: str = "",
    latest: dt.date | None = None,
) -> str | None:
    """``ListingPages.after`` for one page alone (no walk before it): the listing page
    after ``page``, or None when the listing ends here (``newest`` None: never a year's
    page, as exploring asks for a listing's page 2)."""
    return ListingPages(profile).after(html, page_url_now, page, newest, link, latest=latest)


def templated_next(url: str, pagination: str, page: int) -> str | None:
    """The page after ``url`` by the template (None without one), ``url`` being the
    walk's ``page``-th: the number ``url`` carries in the template's place plus one, 2
    for a URL carrying none (page 1). Read from the URL, not counted by the walk: a walk
    that went on to a year's page (``?godina=2025``) is on that list's page 1, whatever
    its count. But no list's page N is reached in fewer than N pages of the walk: a
    larger number is the listing's own (``/rubrika/5`` under a ``/{page}`` template,
    whose page 2 is ``/rubrika/5/2``, not the next category's ``/rubrika/6``)."""
    if not pagination:
        return None
    number = _template_number(url, pagination)
    number = number if number <= page else 1
    return page_url(_strip_page(url, pagination, number), pagination, number + 1)


def _template_number(url: str, pagination: str) -> int:
    """Which page of its list ``url`` is by the template: 1 when it carries no number."""
    if pagination.startswith("?"):  # fields of the query, wherever each stands
        fields = urlsplit(url).query.split("&")
        found = None
        for wanted in pagination[1:].split("&"):  # ("?cat=5&page={page}": both there)
            if "{page}" not in wanted:
                if wanted not in fields:
                    return 1
                continue
            field = r"(\d{1,6})".join(re.escape(part) for part in wanted.split("{page}"))
            found = next((m for q in fields if (m := re.fullmatch(field, q))), None)
    else:  # the end of the path
        suffix = r"(\d{1,6})".join(re.escape(p) for p in pagination.rstrip("/").split("{page}"))
        found = re.search(suffix + r"/?(?=$|[?#])", url)
    return int(found[1]) if found else 1


# An ASP.NET pager link: ``javascript:__doPostBack('ctl00$Main$gvNews','Page$2')`` (a
# GridView's, "Page$Next" too), or a numbered or "next" link that posts the form back.
_POSTBACK = re.compile(r"^\s*javascript:\s*__doPostBack\s*\(", re.IGNORECASE)
_PAGE_ARGUMENT = re.compile(r"""["']Page\$(?:\d+|Next|Last)["']""", re.IGNORECASE)


def posted_pager(html: Listing) -> bool:
    """The page's later pages open only by posting its form back (ASP.NET WebForms): the
    pager's links run ``__doPostBack`` with no URL a GET could ask for."""
    for anchor in listing_tree(html).css("a[href]"):
        href = anchor.attributes.get("href") or ""
        if not _POSTBACK.match(href):
            continue
        label = " ".join((anchor.text(deep=True) or "").split())
        if _PAGE_ARGUMENT.search(href) or label.isdigit() or _NEXT_TEXT.match(label or "-"):
            return True
    return False


def _listing_link(
    href: str | None, reader: LinkReader, current: str, profile: Profile
) -> str | None:
    """Where ``href`` leads, read by ``reader``, when that may be a later page of the
    listing at ``current``: on the site, not the page itself, not an article."""
    url = reader(href or "")
    if url is None:
        return None
    if url == current or not on_site(url, profile):
        return None
    if profile.article_pattern and is_article_url(url, profile):
        return None  # a "next article" link, not a listing page
    return url


def find_next_link(
    html: Listing, page_url_now: str, profile: Profile, page: int, link: str = "",
    *, own_news: bool = True, latest: dt.date | None = None,
) -> str | None:  # fmt: skip
    """Generic paging: ``rel=next`` (in the page, or in the answer's HTTP ``Link`` header:
    ``link``), a "next" link by its text, or the link to page N+1. ``own_news``: as
    ``ListingPages.after`` says; ``latest``: the last day a calendar's day or month page
    it links may be of to be an older page (``latest_day``), None for no bound."""
    tree = listing_tree(html)
    read = link_reader(tree, page_url_now)
    current = normalize_url(page_url_now) or page_url_now

    def usable(href: str | None, reader: LinkReader = read) -> str | None:
        return _listing_link(href, reader, current, profile)

    for node in tree.css("link[rel], a[rel]"):
        rels = (node.attributes.get("rel") or "").lower().split()
        if "next" in rels and (url := usable(node.attributes.get("href"))):
            return url
    # (a reference in the header is relative to the address asked, never to <base>,
    # and one repeating its folders without the slash from the site's root, as the
    # header's canonical is, ``urls.stated_canonical``: a <base href> changes neither)
    for href in linked(link, "next"):
        if url := usable(href, replace(read, base=page_url_now, rooted=page_url_now)):
            return url
    # each anchor's text read once: the "next" pass and the page-number pass share it
    anchors = [(a, " ".join((a.text(deep=True) or "").split())) for a in _pager_links(tree)]
    # where each leads: its href, or the address its script opens (an old CMS's pager of
    # ``javascript:goPage(2)`` calls to a function building ``novini.php?str=`` + p). The
    # page's functions are read only for a pager link with no address of its own: up to
    # ``anchors._SCRIPTS_LOOK`` of script, which ``listings.page_links`` read already on this page.
    calls: dict[str, ScriptCall] | None = None

    def target(anchor: LexborNode) -> str | None:
        nonlocal calls
        if (raw := link_target(anchor)) is not None:
            return raw
        if calls is None:
            calls = script_calls(tree)
        return link_target(anchor, calls) if calls else None

    wordless: list[LexborNode] = []
    jumps: set[str] | None = None  # where the pager's numbers other than N+1 lead
    older: str | None = None  # a "« Предишни публикации" to page N+1, unless a next link says so
    for anchor, text in anchors:
        label = link_says(anchor, text)
        if label and _NEXT_TEXT.match(label) and (url := usable(target(anchor))):
            if _ARROWS.match(label):
                if jumps is None:
                    jumps = _numbered_jumps(anchors, page, usable) | _headlined(anchors, usable)
                if url in jumps:
                    continue  # "»" to the pager's last page, or a card's "▶": not the next
            if (
                _names_newer(url, page)
                and (back := older or _older_link(anchors, page, usable, target))
                and not names_page(back, page - 1)
            ):
                return back  # (Weebly's "Следваща>>" to the newer page: its "<<Предишна")
            return url
        if older is None and label and _OLDER.match(label):
            url = usable(target(anchor))
            older = url if url and names_page(url, page + 1) else None
        if not label:
            wordless.append(anchor)
    if older is not None:
        return older
    for anchor in wordless:  # (never to the home page: a menu's "next-…" styled link)
        if _next_by_class(anchor) and (url := usable(target(anchor))) and not is_home_page(url):
            return url
    if url := (
        _script_button_pager(tree, usable)
        or _form_button_pager(tree, read, usable)
        or _page_box_pager(tree, page, read, usable)
    ):
        return url
    if url := _load_more(tree, current, page, usable) or _more_link(tree, current, page, usable):
        return url
    wanted = str(page + 1)
    pagers: dict[int, bool] = {}  # per parent: 30,000 "2" links in one div read it once
    for anchor, text in anchors:
        if (
            _BRACKETED.sub(r"\1", text) == wanted
            and _in_pager(anchor, pagers)
            and (url := usable(target(anchor)))
            and not _DAY.search(url)  # a calendar's day "5" among its other days
        ):
            return url
    if url := _issue_before(tree, anchors, usable):
        return url
    if url := _short_of_last(anchors, page, usable, target):
        return url
    # (after the pager a person sees: a gallery's or a slider's widget names its next item so)
    if url := _endless_scroll(tree, usable):
        return url
    if url := _drop_down_pager(tree, page, read, usable, current) or _wordpress_paged(
        tree, current, page, usable
    ):
        return url
    # A calendar's days: first on a day's page of it, and on a month's that listed no
    # news of its own (its news are its days'; a month's page listing them has no more
    # on its days, its month before has); on a list's page 1 with no pager, after a
    # month it links as late as the latest day (a list linking its archive by month
    # reads a month's page, not each of its days), before an earlier month (a
    # calendar's "« Октомври" beside November's days). Never on a list's last page: its
    # pager showed every news the days would list again. (Its days are read only on
    # those pages: every anchor, on each page of a pager's end, most of which take none.)
    dated = _period_end(current) is not None
    if dated and (calendar_day(current) or not own_news):
        if day := _calendar_day(anchors, current, usable, read.base, latest):
            return day
    hrefs = [anchor.attributes.get("href") or "" for anchor, _text in anchors]
    month = _older_month([*hrefs, *_option_targets(tree, read)], current, usable, read.base, latest)
    if (
        page == 1
        and not dated
        and (day := _calendar_day(anchors, current, usable, read.base, latest))
        and (month is None or _day_month(day) > (archive_month(month) or (0, 0)))
    ):
        return day
    if month:
        return month
    return _preloaded_data(tree, current, usable) or _next_data_cursor(tree, current, usable)


def _day_month(url: str) -> tuple[int, int]:
    day = calendar_day(url)
    return (day.year, day.month) if day else (0, 0)


# Next.js's pages router states the page's props in ``<script id="__NEXT_DATA__">``; a list
# rendered per request (``getServerSideProps``: ``"gssp": true``) whose "Зареди още" is a
# ``<button>`` names the next page only there, as a token its props call ``nextCursor``
# (``next_cursor``, ``nextPage``, ``nextOffset``...), which the button asks the same page
# for in the query field of that name less "next" (``?cursor=<token>``).
_NEXT_PROP = re.compile(r"^next_?(cursor|page|token|after|offset)$", re.IGNORECASE)


def _next_data_cursor(
    tree: LexborHTMLParser, current: str, usable: Callable[[str | None], str | None]
) -> str | None:
    """The list's next page a Next.js page names only by its props' ``nextCursor``: the
    page's address with ``?cursor=<token>`` (an address there, taken as it is). None for
    a page rendered once at build time (no ``gssp``), whose query the server ignores, and
    for a last page (``"nextCursor": null``)."""
    node = tree.css_first("script#__NEXT_DATA__")
    raw = node.text(deep=True) if node is not None else ""
    if not raw or len(raw) > MAX_BLOB:
        return None
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(data, dict) or data.get("gssp") is not True:
        return None
    props = data.get("props")
    page_props = props.get("pageProps") if isinstance(props, dict) else None
    if not isinstance(page_props, dict):
        return None
    for key, value in page_props.items():
        if not (found := _NEXT_PROP.match(key)) or isinstance(value, bool):
            continue
        if not isinstance(value, str | int) or value == "":
            continue
        token = str(value)
        if token.startswith(("/", "http://", "https://", "?")):
            return usable(token if not token.startswith("?") else urlsplit(current).path + token)
        # (the page's other fields as it wrote them: a new spelling is a new address)
        return usable(_with_field(current, found[1].lower(), quote(token, safe="")))
    return None


def _preloaded_data(
    tree: LexborHTMLParser, current: str, usable: Callable[[str | None], str | None]
) -> str | None:
    """The page's own data a static site's framework has the browser fetch first,
    ``<link rel="preload" as="fetch" href="….json">`` naming the page's path (Gatsby's
    ``/page-data/novini/page-data.json``, Nuxt 3's ``/novini/_payload.json``; not the
    app's ``/page-data/app-data.json`` beside it). A list whose script shows the newest
    few and the rest on "Покажи още" holds the rest only there: with no pager, that data
    is the list's next page (``fragments.as_listing`` reads its items)."""
    own = [segment for segment in urlsplit(current).path.split("/") if segment]
    if not own:
        return None
    for node in tree.css("link[as]"):
        if (node.attributes.get("as") or "").strip().lower() != "fetch":
            continue
        if "preload" not in (node.attributes.get("rel") or "").lower().split():
            continue
        url = usable(node.attributes.get("href"))
        if url is None:
            continue
        segments = [segment for segment in urlsplit(url).path.split("/") if segment]
        if not segments or not segments[-1].lower().endswith(".json"):
            continue
        folders = segments[:-1]
        if any(folders[i : i + len(own)] == own for i in range(len(folders) - len(own) + 1)):
            return url
    return None


def _older_link(
    anchors: list[tuple[LexborNode, str]],
    page: int,
    usable: Callable[[str | None], str | None],
    target: Callable[[LexborNode], str | None],
) -> str | None:
    """Where the page's "« Предишни публикации" or "<<Предишна" leads when its address
    names page N+1: the older page of a pager whose next link, naming no such number,
    may be the newer one."""
    for anchor, text in anchors:
        label = link_says(anchor, text)
        if label and _OLDER.match(label) and (url := usable(target(anchor))):
            if names_page(url, page + 1):
                return url
    return None


_ANY_NUMBER = re.compile(r"(?<![\w.%-])\d+(?![\w.%-])")


# A pager's link to its last page: "Последна »", "Последна страница", "Край", "Last ›".
_LAST_TEXT = re.compile(
    rf"^(?:{'|'.join(pager_words.TO_LAST)})"
    rf"(?: (?:{'|'.join(pager_words.PAGE)}))?\s*(?:{_FORWARD})?$",
    re.IGNORECASE,
)
# The page's number in a pager's address: a query field spelling "page" (``?str=4``,
# ``&page=4``), or the end of the path (``/page/4/``, ``/strana-4``).
_PAGE_FIELD = re.compile(
    rf"[?&](?:{'|'.join(pager_words.PAGE_IN_ADDRESSES)})=(\d{{1,6}})(?=&|#|$)", re.IGNORECASE
)
_PATH_NUMBER = re.compile(r"(\d{1,6})(?=/?$)")


def _short_of_last(
    anchors: list[tuple[LexborNode, str]],
    page: int,
    usable: Callable[[str | None], str | None],
    target: Callable[[LexborNode], str | None],
) -> str | None:
    """Page N+1 of a pager whose one way forward is its last page ("Последна »" on page
    1 of a list running oldest first, its later pages reached back by "‹ Предишна"): the
    last page's address with its number N+1. Only where the address spells the number as
    a page's (``?str=4``, ``/page/4/``), never an offset's (``?start=30``)."""
    for anchor, text in anchors:
        label = link_says(anchor, text)
        if not label or not _LAST_TEXT.match(label) or not (url := usable(target(anchor))):
            continue
        path = urlsplit(url).path
        if found := _PAGE_FIELD.search(url):
            start, end = found.span(1)
        elif PATH_PAGE.search(path) and (at_end := _PATH_NUMBER.search(url.split("?", 1)[0])):
            start, end = at_end.span(1)
        else:
            continue
        last = int(url[start:end])
        if last == page + 1:
            return url
        if last > page + 1:
            return usable(url[:start] + str(page + 1) + url[end:])
    return None


def _names_newer(url: str, page: int) -> bool:
    """A next link's address may lead back to the newer page: it names page N-1, or no
    page at all (the list's first, ``/blog``), and not page N+1. One naming another number
    is an offset's or a later page's (``?start=8`` from page 3 of four a page, whose
    "« Предишна" is ``?start=4``: page N+1's number, as it happens); a query of many
    numbers may name both (Liferay's ``…col_count=1…delta=3…_cur=3``), and is taken as
    it says."""
    if names_page(url, page + 1):
        return False
    return names_page(url, page - 1) or not _ANY_NUMBER.search(url.split("://", 1)[-1])


def names_page(url: str, number: int) -> bool:
    """The address names page ``number`` (``/page/3/``, ``?paged=3``): the number, alone
    between separators, in its path or query."""
    return re.search(rf"(?<![\w.%-]){number}(?![\w.%-])", url.split("://", 1)[-1]) is not None


# A page number as old templates bracket it: "Страница: [1] [2] [3]" (an ASP or PHP
# site's pager of the 2000s), the number alone being the page's.
_BRACKETED = re.compile(r"^\[(\d+)\]$")


# A next link's label of arrows alone: "»" is also what a pager of "« 1 2 3 4 »" calls
# its last page (and "«" its first), beside the numbers.
_ARROWS = re.compile(rf"^{_FORWARD}$")


def _numbered_jumps(
    anchors: list[tuple[LexborNode, str]], page: int, usable: Callable[[str | None], str | None]
) -> set[str]:
    """Where the pager's numbered links lead, but for page N+1's: an arrow going to one
    of them is a jump to the first or last page (a pager of "« 1 2 3 4 »" with no next
    link), which would skip the pages between."""
    wanted = str(page + 1)
    return {
        url
        for anchor, text in anchors
        if text.isdigit() and text != wanted and (url := usable(anchor.attributes.get("href")))
    }


def _headlined(
    anchors: list[tuple[LexborNode, str]], usable: Callable[[str | None], str | None]
) -> set[str]:
    """Where the page's headlines lead: links of a headline's words that no pager says
    ("Следваща страница »" and its like aside). An arrow going to one of them is a card's
    own: a video's "▶" play button over its picture, a teaser's "»" read-more beside its
    headline, never the list's next page (a TV station's news, every card a video)."""
    return {
        url
        for anchor, text in anchors
        if len(text.split()) >= MIN_HEADLINE_WORDS
        and not _NEXT_TEXT.match(text)
        and not _OLDER.match(text)
        and (url := usable(anchor.attributes.get("href")))
    }


def _option_targets(tree: LexborHTMLParser, read: LinkReader) -> list[str]:
    """Where each option of the page's drop-downs goes when chosen (a script setting
    ``location`` to its value, or its GET form): WordPress's "Архиви" widget shown as a
    drop-down of months (``<option value="/2026/10/">октомври 2026</option>``) names the
    same month pages its list form links; an archive form of a year's and a month's
    drop-down names the month it shows (``_archive_form_months``)."""
    found: list[str] = _archive_form_months(tree, read)
    for select in tree.css("select"):
        for option in select.css("option"):
            value = (option.attributes.get("value") or "").strip()
            if YEAR_FOLDER.search(value) and (target := _option_target(select, value, read)):
                found.append(target)
    return found


def _archive_form_months(tree: LexborHTMLParser, read: LinkReader) -> list[str]:
    """The month an old site's "Архив на новините" form shows: a GET form asking only
    for a year, from a drop-down of years, and a month, from one of the twelve (``<select
    name="godina">``, ``<select name="mesec">``, "Покажи"), sent with the options chosen
    (its first where none is): ``novini.php?godina=2026&mesec=11``. Only that month, not
    every year's twelve: the walk goes back from it month by month by the address
    (``month_before``), as through a month's page that links no other. The months may
    be valued by their numbers or their names (``<option value="ноември">``,
    ``value="noemvri"``). A drop-down more, of categories, is sent as chosen where that
    is all of them ("Всички", an empty or ``0`` value: ``_all_chosen``), a month's page
    then listing all its news; one choosing a category, or a form asking for a word or
    a day, is a search, and sends nothing."""
    found: list[str] = []
    for form in tree.css("form"):
        if not gets_form(form):
            continue
        asked = asked_fields(form)
        if any(f.tag != "select" and input_kind(f) != "submit" for f in asked):
            continue
        fields: list[tuple[str, str]] = []
        parts: set[str] = set()
        for select in (field for field in asked if field.tag == "select"):
            name = select.attributes.get("name") or ""
            options = select.css("option")
            values = [_option_value(o) for o in options]
            marked = [o for o in options if "selected" in o.attributes]
            chosen = (marked or options)[0] if options else None
            pick = _option_value(chosen) if chosen is not None else ""
            if len(values) >= 2 and all(YEAR_FOLDER.fullmatch(v) for v in values):
                part = "year"
            elif _month_options(select) is not None:
                part = "month"
            elif chosen is not None and _all_chosen(chosen, options):
                part = "all"
            else:
                part = "other"  # (a category chosen: a search of one)
            if part == "other" or not name or (part in parts and part != "all"):
                parts.add("other")
                break
            parts.add(part)
            fields.append((name, pick))
        if parts - {"all"} == {"year", "month"}:
            if (address := form_address(form, [*hidden_fields(form), *fields], read)) is not None:
                found.append(address)
    return found


def _option_value(option: LexborNode) -> str:
    """What a chosen option sends: its ``value``, else its text."""
    value = option.attributes.get("value")
    return (value if value is not None else option.text() or "").strip()


def _month_options(select: LexborNode) -> dict[int, str] | None:
    """A drop-down of the twelve months, each option's value by its month's number
    (``1``..``12``, ``01``..``12``, or the months' names: ``month_number``), or None."""
    months: dict[int, str] = {}
    for option in select.css("option"):
        value = _option_value(option)
        if (number := month_number(value)) is None or number in months:
            return None
        months[number] = value
    return months if len(months) == 12 else None


# What a drop-down's option choosing all of its kinds says and sends: "Всички",
# "Всички категории", "-- Всички --", "All"; a value of none, "0", "-1", "all"
_ALL_TEXT = re.compile(r"^[\W_]*(?:всички|всяка|all|any)\b", re.IGNORECASE)
_ALL_VALUES = frozenset(("", "0", "-1", "all", "vsichki", "всички", "*"))


def _all_chosen(chosen: LexborNode, options: list[LexborNode]) -> bool:
    """Whether a drop-down's chosen option (a category's, beside an archive form's year
    and month) is the one of all, saying or sending so, among several."""
    return len(options) >= 2 and (
        _option_value(chosen).lower() in _ALL_VALUES
        or bool(_ALL_TEXT.match(" ".join((chosen.text() or "").split())))
    )


def printed_months(tree: LexborHTMLParser) -> dict[int, str]:
    """How the page writes each month in its month archive's addresses: an archive
    form's month drop-down's values (``<option value="9">`` or ``value="09"``, ``value=
    "ноември"``), by month. What a walk back by the addresses asks (``month_before``):
    a site printing ``9`` answered the guessed ``09`` with a 404, a request lost each
    year (``MonthSteps`` asked ``9`` after it)."""
    for form in tree.css("form"):
        for select in form.css("select"):
            if (months := _month_options(select)) is not None:
                return months
    return {}


# A pager's "next" control by its class, on the link or on the item holding it: "next"
# (Bootstrap's ``li.next``, a theme's ``a.next``), "page-next", "pagination-next",
# "next-page", BEM's "pager__item--next" and "pagination__link--next" (a pager's block
# only: a slider's "slider__arrow--next" or a post's "post-navigation__link--next" is no
# list's next page), WP-PageNavi's "nextpostslink". Not WordPress's "nav-next", which on
# a list of posts leads to the newer ones (page N-1), nor "next-post", an article's neighbour.
_NEXT_CLASS = re.compile(
    r"^(?:(?:pager|pagination|paging|page)[-_])?next(?:[-_]page)?$"
    r"|^(?:pager|pagination|paging|paginator|page)[\w-]*--next$|^nextpostslink$",
    re.IGNORECASE,
)


def _next_by_class(anchor: LexborNode) -> bool:
    """A link with no word (an arrow drawn in SVG or an icon font, no ``aria-label``) that
    its class, or its list item's, calls a pager's "next": all a theme says of it."""
    for node in (anchor, anchor.parent):
        if node is None or (node is not anchor and node.tag != "li"):
            continue
        classes = (node.attributes.get("class") or "").split()
        if any(_NEXT_CLASS.match(name) for name in classes):
            return True
    return False


# An article's link to the one published before it, as a site that keeps no list of
# its older news links them: "« Предишна новина", "Предходна статия", "По-стара
# публикация", "← Previous post". Never a bare "« Предишна": page 1 of a numbered pager,
# or an earlier page of an article split over pages.
_OLDER_ARTICLE = re.compile(
    rf"^(?:{_BACKWARD}\s*)?(?:{_BEFORE}|{'|'.join(pager_words.OLDER)})"
    rf"\s+(?:{'|'.join(pager_words.ITEM)})\s*(?:{_BACKWARD})?$",
    re.IGNORECASE,
)


def older_article_link(tree: LexborHTMLParser, page_url: str, profile: Profile) -> str | None:
    """Where an article page's "« Предишна новина" leads, on the site: the article
    before it, the one way to older news on a site whose lists show only the newest."""
    return first_link_saying(tree, page_url, profile, _says_older, (normalize_url(page_url),))


def _says_older(anchor: LexborNode) -> bool:
    label = link_says(anchor, " ".join((anchor.text(deep=True) or "").split()))
    return bool(label) and bool(_OLDER_ARTICLE.match(label))


# An option of a drop-down pager: "2", "Страница 2", "стр. 2", "Page 2" (any of the pager's
# names of a page, never a part: an article's).
_OPTION_PAGE = re.compile(
    rf"^(?:(?:{'|'.join(pager_words.PAGE)})\.?\s*)?(\d{{1,4}})$", re.IGNORECASE
)


def _numbered_options(
    select: LexborNode, label: re.Pattern[str] | Callable[[str], int | None]
) -> list[tuple[LexborNode, int]]:
    """The options of a drop-down of numbers (pages, years, issues), each with the number
    its text is (``label``'s full match, its first group; or what ``label`` reads, an
    issue's ``pager_words.issue_option``); none when it is no such drop-down: at least
    two options, and every one but a first "Избери" such a number."""
    options = select.css("option")
    numbered = [
        (o, n)
        for o in options
        if (n := _option_number(label, " ".join((o.text(deep=True) or "").split()))) is not None
    ]
    return numbered if len(numbered) >= max(2, len(options) - 1) else []


def _option_number(label: re.Pattern[str] | Callable[[str], int | None], text: str) -> int | None:
    """The number an option's ``text`` is: a pattern's first group (a page's, a year's)
    or what a reader makes of it (``pager_words.issue_option``: an issue's day or number),
    so pages, years and issues share one reading of a drop-down."""
    if callable(label):
        return label(text)
    return int(m[1]) if (m := label.fullmatch(text)) else None


def _drop_down_pager(
    tree: LexborHTMLParser,
    page: int,
    read: LinkReader,
    usable: Callable[[str | None], str | None],
    current: str,
) -> str | None:
    """The next page of a pager drawn as a drop-down ("Страница: [1 ▼] от 3"), the only
    way an old site's list reaches its later pages: a ``<select>`` of page numbers that,
    changed, opens the chosen one, by a script setting ``location`` to the option's value
    or by submitting its GET form (``novini.php?kat=1&str=2``, hidden fields included)
    when the page is all the form asks for.
    The option after the selected one is the next page (the one numbered ``page + 1``
    when none is marked). A drop-down of years is none: 2025's page is followed by
    2024's, not 2026's (``older_year_url``). A drop-down of a paper's issues is one,
    backwards in time (``_older_issue``)."""
    for select in tree.css("select"):
        numbered = _numbered_options(select, _OPTION_PAGE)
        if not numbered:
            if url := _older_issue(select, read, usable, current):
                return url
            continue
        if all(_YEAR_LABEL.fullmatch(str(n)) for _, n in numbered):
            continue  # years, not pages: the list's year pages (``older_year_url``)
        chosen = next((n for o, n in numbered if "selected" in o.attributes), page)
        option = next((o for o, n in numbered if n == chosen + 1), None)
        if option is None:
            continue
        value = option.attributes.get("value")
        value = " ".join((option.text() or "").split()) if value is None else value.strip()
        target = _option_target(select, value, read)
        if target and (url := usable(target)):
            return url
    return None


def _older_issue(
    select: LexborNode, read: LinkReader, usable: Callable[[str | None], str | None], current: str
) -> str | None:
    """The issue before this page's, from a drop-down of a paper's issues ("Минали
    броеве: [Брой 46 (1235) – 26.11.2026 ▼]"), an old weekly's only way to its past
    issues: the pager of its issue pages backwards in time, newest first, the one shown
    marked. Its next page is the option after the marked one, or after the one that is
    this page (the home showing the current issue marks none: the first not this page).
    So the walk goes issue by issue into the past, and stops as any walk does (a page
    seen, news archived already, its depth). Options that are not all issues (a
    category's, a town's, a sort order's) or oldest first are no such pager."""
    issues = _numbered_options(select, pager_words.issue_option)
    if not issues or issues[0][1] <= issues[-1][1]:
        return None
    targets = [_option_target(select, _option_value(option), read) for option, _ in issues]
    own = next((k for k, (option, _) in enumerate(issues) if "selected" in option.attributes), None)
    if own is None:
        own = next((k for k, t in enumerate(targets) if t and read(t) == current), -1)
    for target in targets[own + 1 :]:
        if target and (url := usable(target)):
            return url
    return None


def _option_target(select: LexborNode, value: str, read: LinkReader) -> str | None:
    """Where choosing ``value`` in ``select`` goes: its script's address, or its GET form's."""
    if GOES_TO.search(select.attributes.get("onchange") or ""):
        return script_choice(select, value)
    form = select.parent
    while form is not None and form.tag != "form":
        form = form.parent
    name = select.attributes.get("name")
    if form is None or not name:
        return None
    if not gets_form(form) or _asks_more(form, select):
        return None  # a search form (a day, a month, a word): its numbers are no pages
    return form_address(form, [*hidden_fields(form), (name, value)], read)


def _asks_more(form: LexborNode, select: LexborNode) -> bool:
    """The form has a field to fill besides ``select``: a pager's form asks only for
    the page, and an archive's search form asks for a day with a month and a year."""
    return any(field.mem_id != select.mem_id for field in asked_fields(form))


def _form_button_pager(
    tree: LexborHTMLParser, read: LinkReader, usable: Callable[[str | None], str | None]
) -> str | None:
    """The next page of a pager drawn as form buttons: a GET form of hidden fields only
    (``str=2``) whose submit button says "Следваща »", an old CMS's way of paging with no
    link at all. What a click asks for is the form's action with those fields (and the
    ``<button>``'s own ``name=value``, when it has one); a form asking anything of the reader
    (a search's word, a date) is no pager."""
    for form in tree.css("form"):
        if (plain := plain_form(form)) is None:
            continue  # it asks for something: no pager
        fields, buttons = plain
        button = next((b for b in buttons if _NEXT_TEXT.match(button_label(b) or "-")), None)
        if button is None:
            continue
        # a ``<button>``'s own name=value goes with the fields (an input's never did here)
        name = (button.attributes.get("name") or "") if button.tag == "button" else ""
        pressed = [(name, button.attributes.get("value") or "")] if name else []
        if not (fields or pressed):
            continue
        target = form_address(form, [*fields, *pressed], read)
        if target and (url := usable(target)):
            return url
    return None


def _page_box_pager(
    tree: LexborHTMLParser, page: int, read: LinkReader, usable: Callable[[str | None], str | None]
) -> str | None:
    """The next page of a pager that is a GET form asking for the page's number alone:
    "Страница [2] от 3 [Отиди]", ``<input type="number" name="stranitsa" value="2"
    max="3">`` and a submit button, no link to any page. The box shows this page's own
    number (``page``), which tells it from a search's or a year's box; what sending it
    with the next number asks for is the next page, unless ``max`` says this is the last.
    A form asking for anything else too (a word, a date) is no pager."""
    wanted = str(page)
    for form in tree.css("form"):
        if not gets_form(form):
            continue
        boxes: list[LexborNode] = []
        for field in form.css("input, select, textarea"):
            kind = input_kind(field)
            if field.tag != "input" or kind not in (*UNASKED_INPUTS, "number", "text"):
                break
            if kind not in UNASKED_INPUTS:
                boxes.append(field)
        else:
            if len(boxes) != 1:
                continue
            (box,) = boxes
            name = box.attributes.get("name")
            if not name or (box.attributes.get("value") or "").strip() != wanted:
                continue
            last = (box.attributes.get("max") or "").strip()
            if last.isdigit() and int(last) <= page:
                continue  # the last page: the box goes no further
            target = form_address(form, [*hidden_fields(form), (name, str(page + 1))], read)
            if target and (url := usable(target)):
                return url
    return None


# A "load more" control's label: "Зареди още", "Покажи още новини", "Виж повече", "Още
# новини", "Load more", or said politely, "Вижте още новини", "Заредете още". Not a bare
# "още…": a card's "read more" link to its article says it.
_MORE_ITEMS = rf"(?:{'|'.join(pager_words.ITEMS)})"
_MORE_TEXT = re.compile(
    r"^(?:(?:зареди|покажи|виж|заредете|покажете|вижте|load|show)\s+(?:още|повече|more)"
    rf"(?:\s+{_MORE_ITEMS})?|(?:още|повече|more)\s+{_MORE_ITEMS})"
    rf"\s*(?:[{pager_words.ARROWS_ON}…↓]|\.\.\.)?$",
    re.IGNORECASE,
)
_MORE_NODES = "button, a, span, div, li"
# A later page of the home page's own list: ``/page/2/`` at the root (WordPress's home
# paged), which ``listings.PATH_PAGE`` reads only below a first segment.
_HOME_PAGE_PATH = re.compile(
    rf"^/(?:{'|'.join(pager_words.PAGER_PATH_WORDS)})[/-]\d{{1,6}}/?$", re.IGNORECASE
)


def _list_path(url: str) -> str:
    """The path of the list ``url`` is a page of, for ``_more_link``: its own, or the
    home page's (``""``) for a root ``/page/N/``."""
    path = urlsplit(url).path
    return "" if _HOME_PAGE_PATH.match(path) else path.rstrip("/")


def _more_link(
    tree: LexborHTMLParser, current: str, page: int, usable: Callable[[str | None], str | None]
) -> str | None:
    """A "Покажи още" link that is a plain link to this list's own address with the next
    page's number (``/novini?page=2`` under ``/novini``): a "load more" whose page holds
    another number of cards than the one before it, and no pager beside it. Read as a
    link, it led nowhere the walk went: six of a list's nine news never read. Its number
    may be no page's N+1 (``later_page``): Drupal's ``?page=1`` counting from 0, Joomla's
    offset ``?start=5``, WordPress's ``/page/2/`` under ``/category/novini/``, a theme
    printing its script's endpoint beside a plain link, or the home page's ``/page/2/``
    (a WordPress home's "Зареди още", composed seed 972: eight of twelve news never
    read). A "Виж още" to a section (another path, or no page number) is no pager's."""
    here = _list_path(current)
    for anchor in tree.css("a[href]"):
        label = " ".join((anchor.text(deep=True) or "").split())
        if not label or not _MORE_TEXT.match(label):
            continue
        url = usable(anchor.attributes.get("href"))
        if url and (
            (_list_path(url) == here and names_page(url, page + 1)) or later_page(url, current)
        ):
            return url
    return None


def _load_more(
    tree: LexborHTMLParser, current: str, page: int, usable: Callable[[str | None], str | None]
) -> str | None:
    request = _load_more_request(tree, current, page, usable)
    return request[0] if request else None


def load_more_request(
    html: Listing, page_url_now: str, profile: Profile, page: int
) -> tuple[str, str | None] | None:
    """The address a "Зареди още" on the page loads its next cards from
    (``_load_more_request``), and the query field its page number goes in (None: the
    button names the next address whole)."""
    tree = listing_tree(html)
    read = link_reader(tree, page_url_now)
    current = normalize_url(page_url_now) or page_url_now
    return _load_more_request(
        tree, current, page, lambda href: _listing_link(href, read, current, profile)
    )


def _load_more_request(
    tree: LexborHTMLParser, current: str, page: int, usable: Callable[[str | None], str | None]
) -> tuple[str, str | None] | None:
    """The address a "Зареди още" control loads the next cards from (``data-url``,
    ``data-next``, ``data-href``, ``data-load-url``...: a ``data-`` attribute named for an
    address and holding one on the site). A listing with no pager but that button shows
    a person every item by clicking; its endpoint answers the next cards (an HTML
    fragment or JSON, with the next button) to a plain GET, so it is the listing's next
    page. ``data-page="2"`` alone says no address; a link with a real ``href`` ("Виж още"
    leading to a section) goes where it says, and a tracking attribute is no address.
    But beside one (``data-url="/novini/ajax" data-page="2"``) it is what the script
    sends with it: the address asked for alone answers the first cards again. Themes
    differ on which page the number names: the next (the script sends it as it is) or
    the one the button stands under (the script adds one). A number that is this page's
    own (``_own_number``), or one less (a theme counting its pages from 0, the first
    page's button saying ``data-page="0"``), is the second: asking for it would read
    this page again, or end the walk on its own address, a page early; no button loads
    a page before its own."""
    for node in tree.css(_MORE_NODES):
        targets = [
            value
            for name, value in node.attributes.items()
            if value and _MORE_ATTRIBUTE.match(name) and value.startswith(("/", "http", "?"))
        ]
        if not targets or followed_href(node.attributes.get("href")):
            continue
        label = " ".join((node.text(deep=True) or "").split())
        if not _MORE_TEXT.match(label):
            continue
        number = next(
            ((name[5:], value) for name, value in node.attributes.items()
             if name in _PAGE_ATTRIBUTES and value and value.strip().isdigit()),
            None,
        )  # fmt: skip
        if number and _own_number(current, number[0], page) - int(number[1]) in (0, 1):
            number = (number[0], str(int(number[1]) + 1))
        values = _htmx_values(node)
        for target in targets:
            for name, value in values:
                target = _with_field(target, name, value)
            if url := usable(_with_field(target, *number) if number else target):
                return url, number[0] if number else None
    return None


def _pager_links(tree: LexborHTMLParser) -> list[LexborNode]:
    """The page's links a pager may be made of: every ``<a href>`` and, on a page whose
    pager htmx draws, the ``<a hx-get="/novini?page=2">2</a>`` with no ``href`` at all
    (``anchors.link_target`` reads its ``hx-get``), in document order, each once."""
    links = tree.css("a[href]")
    if tree.css_first("a[hx-get], a[data-hx-get]") is None:
        return links  # nearly every page
    seen: set[int] = set()
    found = []
    for node in tree.css("a[href], a[hx-get], a[data-hx-get]"):
        if node.mem_id not in seen:
            seen.add(node.mem_id)
            found.append(node)
    return found


def _issue_before(
    tree: LexborHTMLParser,
    anchors: list[tuple[LexborNode, str]],
    usable: Callable[[str | None], str | None],
) -> str | None:
    """The issue before this page's, on a bulletin's page of one issue ("Брой 44 /
    27-11-2026г." over its week's news, "Всички броеве" under them): the page names its
    own issue unlinked (its heading, its list's current one) and links the others by
    number (``pager_words.issue_number``). Its next page is the linked issue of the
    highest number below its own; the oldest issue's page has none."""
    linked: dict[int, str] = {}
    for anchor, text in anchors:
        number = pager_words.issue_number(text)
        if number is not None and number not in linked and (url := usable(link_target(anchor))):
            linked[number] = url
    if len(linked) < 2 or tree.body is None:  # (one issue linked: a notice, no run of issues)
        return None
    named = {int(n) for n in pager_words.ISSUE_NAMED.findall(tree.body.text(separator=" "))}
    own = named - set(linked)
    if not own:
        return None
    before = [number for number in linked if number < max(own)]
    return linked[max(before)] if before else None


def _htmx_values(node: LexborNode) -> list[tuple[str, str]]:
    """The fields htmx sends with the element's request, from its ``hx-vals`` (JSON:
    ``hx-vals='{"stranitsa": 2}'``), in a GET's query: a "Покажи още" whose address alone
    (``hx-get="/novini/oshte"``) answers the first cards again names the page only
    there. A ``js:`` expression is the script's to work out; no values then."""
    raw = (node.attributes.get("hx-vals") or node.attributes.get("data-hx-vals") or "").strip()
    if not raw.startswith("{"):
        return []
    try:
        data = json.loads(raw)
    except ValueError:
        return []
    if not isinstance(data, dict):
        return []
    return [
        (quote(str(name), safe=""), quote(str(value), safe=""))
        for name, value in data.items()
        if isinstance(value, str | int) and not isinstance(value, bool)
    ]


def _own_number(current: str, name: str, page: int) -> int:
    """Which page of its listing ``current`` is: the number its query sends as ``name``
    (the endpoint's ``?page=2``), else the walk's count (the listing's first page carries
    none)."""
    for field in urlsplit(current).query.split("&"):
        key, _, value = field.partition("=")
        if key == name and value.isdigit():
            return int(value)
    return page


# The attributes a "Зареди още" keeps the number of the page it loads in, beside its
# address, each the name of the field its script sends it as (WordPress's ``paged``).
_PAGE_ATTRIBUTES = frozenset({"data-page", "data-paged"})


def _with_field(address: str, name: str, value: str) -> str:
    """``address`` with the query field ``name`` set to ``value`` (added, or in place of
    the one it has)."""
    parts = urlsplit(address)
    fields = [f for f in parts.query.split("&") if f and f.split("=", 1)[0] != name]
    return urlunsplit(parts._replace(query="&".join([*fields, f"{name}={value.strip()}"])))


def _script_button_pager(
    tree: LexborHTMLParser, usable: Callable[[str | None], str | None]
) -> str | None:
    """The page a "По-стари новини" button's script sends the browser to (``<button
    onclick="location.href='/novini?page=2'">``, an ``<input type="button">`` saying so in
    its ``value``): a pager drawn as a button instead of a link, what a person clicks. A
    button is no link to an item (``anchors.link_nodes``), but one saying "next" is the
    listing's next page, as a link saying it is."""
    for node in tree.css("button[onclick], input[onclick], button[hx-get], button[data-hx-get]"):
        if node.tag == "input" and (node.attributes.get("type") or "").lower() != "button":
            continue
        label = " ".join(
            ((node.text(deep=True) if node.tag == "button" else node.attributes.get("value"))
             or "").split()
        )  # fmt: skip
        if label and _NEXT_TEXT.match(label) and (url := usable(link_target(node))):
            return url
    return None


# The ``data-`` attributes an endless-scroll list keeps the address of its next cards in:
# named for the next page, as themes and scroll scripts name them.
_NEXT_ATTRIBUTES = ("data-next-page", "data-next", "data-next-url", "data-nextpage",
                    "data-next-page-url", "data-next-href", "data-next-link")  # fmt: skip
# What else loads an address as the reader scrolls to it: htmx's element asking its
# ``hx-get`` when "revealed" (or "intersect"), its answer put after it (htmx's endless
# scroll: the list's last card carries the next cards' address), and Turbo's lazy frame,
# ``<turbo-frame src="/novini?page=2" loading="lazy">``, fetched as it comes into view.
_HTMX_GETS = ("hx-get", "data-hx-get")
_HTMX_SCROLL = re.compile(r"\b(?:revealed|intersect)\b")
_SCROLL_NODES = ", ".join(
    [*(f"[{name}]" for name in (*_NEXT_ATTRIBUTES, *_HTMX_GETS)), "turbo-frame[src]"]
)


def _scroll_attributes(node: LexborNode) -> tuple[str, ...]:
    """The attributes of ``node`` (one of ``_SCROLL_NODES``) that name what it loads as
    the reader scrolls to it: a ``data-next-page``, an htmx trigger's ``hx-get`` (not a
    button's: a click's, which ``_load_more`` reads by its words), a lazy frame's ``src``."""
    if node.tag == "turbo-frame":
        return ("src",) if (node.attributes.get("loading") or "").lower() == "lazy" else ()
    trigger = node.attributes.get("hx-trigger") or node.attributes.get("data-hx-trigger") or ""
    scrolls = _HTMX_GETS if _HTMX_SCROLL.search(trigger) else ()
    return (*_NEXT_ATTRIBUTES, *scrolls)


def _endless_scroll(
    tree: LexborHTMLParser, usable: Callable[[str | None], str | None]
) -> str | None:
    """The address an endless-scroll list loads its next cards from when the reader
    reaches its end (``<div class="news-list" data-next-page="/novini?page=2">``): no
    pager, no button, only the list's script reading the attribute. Its endpoint answers
    the next cards to a plain GET, as a "Зареди още" button's does (``_load_more``), so it
    is the next page. Only an attribute named for the next page, holding an address on
    the site, on no link (a link goes where its ``href`` says): a card's ``data-url`` is
    its article, a carousel's ``data-next=".arrow"`` a selector. htmx's card asking its
    ``hx-get`` when revealed and Turbo's lazy frame are read the same way
    (``_scroll_attributes``); a frame loaded with the page is a part of it, no next page."""
    for node in tree.css(_SCROLL_NODES):
        if node.tag == "a" and followed_href(node.attributes.get("href")):
            continue
        for name in _scroll_attributes(node):
            value = (node.attributes.get(name) or "").strip()
            if (
                value.startswith(("/", "http", "?"))
                and (url := usable(value))
                and not is_file_path(urlsplit(url).path)  # (a lightbox's next photo)
            ):
                return url
    return None


# What only a page WordPress rendered carries: its generator tag, its REST API's link,
# its themes' and plugins' assets.
_WORDPRESS_ASSET = re.compile(r"/wp-(?:content|includes)/")
# the body classes WordPress gives one post, one page or one attachment, never a list
_WORDPRESS_SINGULAR = frozenset({"single", "page", "wp-singular", "attachment"})


def _body_classes(tree: LexborHTMLParser) -> list[str]:
    body = tree.body
    return (body.attributes.get("class") or "").split() if body is not None else []


def _is_wordpress(tree: LexborHTMLParser) -> bool:
    generator = tree.css_first('meta[name="generator"]')
    if generator is not None and (generator.attributes.get("content") or "").startswith(
        "WordPress"
    ):
        return True
    if rest_api_links(tree):
        return True
    return any(
        _WORDPRESS_ASSET.search(n.attributes.get("src") or n.attributes.get("href") or "")
        for n in tree.css("script[src], link[href]")
    )


def _wordpress_paged(
    tree: LexborHTMLParser, current: str, page: int, usable: Callable[[str | None], str | None]
) -> str | None:
    """The next page of a WordPress list of posts whose theme shows only "Зареди още",
    with no address on it (its script posts to ``admin-ajax.php``): WordPress itself
    serves every list of posts (the blog's home, a category, a tag, a month) page by page
    at ``<list>/page/N/`` (``&paged=N`` with plain permalinks), whatever the theme shows.
    Only there: a page WordPress rendered, showing such a button, and no single post or
    page (``<body class="single">``, ``"page"``: its "Load more" is its comments' or a photo
    feed's); a page past the last is a 404, the list's end. The page after is the one
    ``templated_next`` names by WordPress's template, as a profile's template would, but
    for the number: ``/page/N/`` (``paged=N``) is always WordPress's page, never the
    list's own id, so a walk starting there (a profile's ``/page/5/``) goes to N + 1,
    not to ``/page/5/page/2/``, which WordPress serves no list at."""
    if (  # (the cheap tests first: the last reads the text of every div of the page)
        _WORDPRESS_SINGULAR.intersection(_body_classes(tree))
        or not _is_wordpress(tree)
        or not any(
            _MORE_TEXT.match(" ".join((node.text(deep=True) or "").split()))
            and not followed_href(node.attributes.get("href"))
            for node in tree.css(_MORE_NODES)
        )
    ):
        return None
    template = "?paged={page}" if urlsplit(current).query else "/page/{page}/"
    return usable(templated_next(current, template, max(page, _template_number(current, template))))


# (or htmx's ``hx-get``, ``data-hx-get``: the address the button's own attribute asks, its
# answer swapped in where the button stood)
_MORE_ATTRIBUTE = re.compile(
    r"^(?:data-[\w-]*(?:url|next|href|load|more|endpoint|source|link)|(?:data-)?hx-get$)"
)


# A day's address (/arhiv/2026-11-05/, /2026/11/05/, ?date=2026-11-05): what a calendar's
# day numbers link to, which read like a pager's page numbers.
_DAY = re.compile(r"(?<!\d)(?:19|20)\d{2}([/_-])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])(?!\d)")


def own_news(
    walk: ListingWalk,
    url: str,
    items: Sequence[str],
    days: Sequence[dt.date],
    places: Sequence[Place] = (),
) -> bool:
    """``Listed.own_news`` of the page at ``url`` the walk is reading, its article links
    ``items`` (standing at ``places``) and the days it prints beside them ``days``: a
    link the walk's earlier pages did not list so (``ListingWalk.lists_new``), or all of
    the month whose archive page it is (``lists_its_month``). Not whether the run or an
    earlier one knew them: a month's page of posts the feed had brought (a WordPress
    month of no printed dates) counted as listing none, and the walk went on through its
    calendar widget's days, a request for each."""
    return walk.lists_new(items, places) or lists_its_month(url, list(days))


def listed_days(
    links: Sequence[Candidate], stated: Callable[[list[str]], Mapping[str, dt.date]]
) -> dict[str, dt.date]:
    """The day of each of a listing page's article ``links``, keyed by link in their
    order: those the page prints beside them; a page printing none, those its articles
    state (``stated``: ``Harvester.stated_days``, asked only then). One reading for both
    the walk's order (``Listed.dates``) and a month's page's own news (``own_news``).
    Told by printed days alone, a month's page of undated cards each on the list's
    page 1 before listed none of its own, stepped over as a gap: three such months in a
    row (a list of the newest five, each of its months' whole) ended the walk as the
    archive's start (``walk.MISSED_MONTHS``), the month before them never asked
    (composed seed 12371)."""
    printed = {c.url: local_date(c.listed_date) for c in links if c.listed_date}
    return printed or dict(stated([c.url for c in links]))


def _period_end(url: str) -> dt.date | None:
    """The last day a dated page of a calendar walk shows news of, its older days after
    it: a day page's day before its own, a month page's last day; None for a page of no
    date (a list's page 1, whose calendar's days are all older)."""
    if (day := calendar_day(url)) is not None:
        return day - dt.timedelta(days=1)
    if (month := archive_month(url, anywhere=True)) is not None:
        year, number = month if month[1] < 12 else (month[0] + 1, 0)
        return dt.date(year, number + 1, 1) - dt.timedelta(days=1)
    return None


def latest_day(fetched: dt.datetime, listed: Iterable[dt.date] = ()) -> dt.date:
    """The last day a calendar's day or month page may be of to be older than a listing
    page fetched at ``fetched`` (UTC) whose news are of the days ``listed``: the day it
    was on the site's clock (``site_clock``), or the page's newest news's day, if
    earlier. A calendar links ahead of time: "януари »" to the month after the one it
    shows, a grid of every day of the month, today's last ones too. From a list's page
    1, whose address dates nothing (``_period_end``), the walk took "the latest month
    linked", January 2027 in December 2026, went back through its 31 empty days to the
    page cap and never asked November or October; the next run stopped at page 1's
    known news, 9 of 12 lost for good, exit 0."""
    today = on_site_clock(fetched).date()
    newest = max(listed, default=None)
    return today if newest is None else min(today, newest)


def _before_or_on(day: dt.date | None, latest: dt.date | None) -> dt.date | None:
    """The earlier of two bounds, either of which may be None (no bound)."""
    if day is None or latest is None:
        return day or latest
    return min(day, latest)


def _calendar_day(
    anchors: list[tuple[LexborNode, str]], current: str,
    usable: Callable[[str | None], str | None], base: str, latest: dt.date | None = None,
) -> str | None:  # fmt: skip
    """The page of the latest day with news before this page's own that a calendar on
    it links: a grid of the month's days, each day with news a link reading its number
    to that day's page (``calendar_day``: ``?data=2026-11-28``, ``/arhiv/2026/11/28/``),
    each day's page listing that day's news and showing its month's grid again. A site
    whose list shows the latest few and no pager reaches older news only so: the walk
    goes day by day into the past, and past a month's first day to the month before,
    by its "« Предишен месец" (``_older_month``). A day page's earlier days are before
    its day; a month page's, that month's (its grid's, not a sidebar's other month
    later than it); page 1's, every linked day up to ``latest`` (``latest_day``: none of
    the days ahead the grid links)."""
    end = _before_or_on(_period_end(current), latest)
    best: tuple[dt.date, str] | None = None
    for anchor, text in anchors:
        if not text.isdigit() or len(text) > 2:
            continue
        href = anchor.attributes.get("href") or ""
        if not _dated_hrefs([href], base) or (url := usable(href)) is None:
            continue
        day = calendar_day(url)
        if (
            day is not None
            and day.day == int(text)
            and (end is None or day <= end)
            and (best is None or day > best[0])
        ):
            best = (day, url)
    return best[1] if best else None


def listing_walk(
    start: str, state: WalkState, months: Mapping[int, str] | None = None,
    **settings: Unpack[WalkSettings],
) -> ListingWalk:  # fmt: skip
    """The one walk of a listing the crawl and ``check-site`` both take (the settings
    as ``ListingWalk`` says): back over missing or empty months by their addresses, a
    September asked in either spelling (``MonthSteps``), a calendar's days read as its
    pages (``calendar_day``), an index's entry's own later pages read before the next
    entry (``index_pages.later_page``). ``check-site`` built its own walk without them,
    and said a calendar site's listing ended at its first day page, whose news page 1
    listed too, where the crawl walked on day by day. ``months``: each month as the
    walk's pages print it (``ListingPages.months``, filled as they are read), which its
    steps back over missing or empty months write, no guess."""
    return ListingWalk(
        start, state, **settings, step_back=MonthSteps(months),
        month_page=partial(archive_month, anywhere=True), day_page=calendar_day,
        own_page=later_page,
    )  # fmt: skip


def _dated_hrefs(hrefs: Iterable[str], base: str) -> list[str]:
    """Of a page's ``hrefs``, those that may lead to a year's, month's or day's archive
    page, before any is read (most links name no year): those writing a year, and, where
    the address they are read against (``base``: the page's, or its ``<base href>``)
    has one in its path, those written relative to it, which take their year from
    there. A month's page linking the months beside it as ``../09/`` and ``./`` (a
    WordPress archives widget in a theme writing relative links) names September so;
    read by the year it writes, the walk saw no month before October's and stopped."""
    relative_dated = YEAR_FOLDER.search(urlsplit(base).path) is not None
    return [
        href
        for href in hrefs
        if YEAR_FOLDER.search(href) or (relative_dated and page_relative(href))
    ]


def _older_month(
    hrefs: list[str], current: str, usable: Callable[[str | None], str | None], base: str,
    latest: dt.date | None = None,
) -> str | None:  # fmt: skip
    """A listing with no next page that links its date archive (a calendar, "Архив" by
    month, as links or a drop-down: old PHP sites have no other way to older news): the
    next page is the archive of the latest month before this page's (from a listing that
    is no month's, the latest month linked up to ``latest``'s: ``latest_day``, a
    calendar's "януари »" to the month ahead no older page). So the walk goes on month
    by month into the past, within its limits."""
    here = archive_month(current, anywhere=True)
    if here is None and (day := calendar_day(current)) is not None:
        here = (day.year, day.month)  # (a calendar's ?data=2026-11-28: its month's grid)
    last = None if latest is None else (latest.year, latest.month)
    best: tuple[tuple[int, int], str] | None = None
    for href in _dated_hrefs(hrefs, base):  # most links: no year, no month's archive
        url = usable(href)
        month = archive_month(url) if url else None
        if (
            url is None
            or month is None
            or (here is not None and month >= here)
            or (last is not None and month > last)
        ):
            continue
        if best is None or month > best[0]:
            best = (month, url)
    return best[1] if best else None


# A link to one year's page of news: "Новини 2025", "2024 г.", "Архив 2023" (a year and
# words, no other number: "12.03.2025" is a day).
_YEAR_LABEL = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def older_year_url(html: Listing, page_url_now: str, profile: Profile, newest: int) -> str | None:
    """A page of news items in full that keeps its older items on a page per year (a
    village's "Новини" beside "Новини 2025", "Новини 2024", a link naming nothing else
    than its year and news or an archive): the next page of its walk is
    the latest year's page before this page's year, which its own address names, else its
    newest item's (``newest``). So the walk goes year by year into the past.

    A link reading the year alone ("2025") must show otherwise that it is the news's
    year (``_news_year``): a footer's "© 2025", a photo gallery's or a budget's years
    are links of that form too, and walking one reads another section as older news.

    A drop-down of years ("Архив: [2026 ▼]", a GET form of nothing else, or a script
    opening the chosen option) names the year pages too, the one it shows marked."""
    tree = listing_tree(html)
    current = normalize_url(page_url_now) or page_url_now
    _netloc, path, query = split_normal(current)
    own = _YEAR_LABEL.findall(unquote(path + "?" + query))
    here = int(own[0]) if len(own) == 1 else newest + 1
    read = link_reader(tree, page_url_now)
    best: tuple[int, str] | None = _year_in_drop_down(tree, here, read, current, profile)
    for anchor in tree.css("a[href]"):
        label = " ".join((anchor.text(deep=True) or "").split())
        years = _YEAR_LABEL.findall(label)
        rest = _YEAR_LABEL.sub("", label)
        if (
            len(label) > 40
            or len(years) != 1
            or any(c.isdigit() for c in rest)
            or _FOREIGN_MARK.search(rest)
            or not _names_a_year_page(rest)
        ):
            continue
        url = read(anchor.attributes.get("href") or "")
        if url is None or url == current or not on_site(url, profile):
            continue
        year = int(years[0])
        if (
            year < here
            and (best is None or year > best[0])
            and not is_file_path(split_normal(url)[1])
            and (_NAMED_YEAR_PAGE.search(rest) or _news_year(anchor, year, url, path))
        ):
            best = (year, url)
    return best[1] if best else None


def _year_in_drop_down(
    tree: LexborHTMLParser, here: int, read: LinkReader, current: str, profile: Profile
) -> tuple[int, str] | None:
    """The latest year before both ``here`` and the year a drop-down of years shows (its
    marked option, else its newest: what the page shows unasked), with its page's
    address; None without such a drop-down. A drop-down is of years when every option
    but a first "Избери" is one; its addresses are a pager drop-down's
    (``_option_target``)."""
    best: tuple[int, str] | None = None
    for select in tree.css("select"):
        years = _numbered_options(select, _YEAR_LABEL)
        if not years:
            continue
        shown = next((y for o, y in years if "selected" in o.attributes), max(y for _, y in years))
        for option, year in years:
            if year >= min(here, shown) or (best is not None and year <= best[0]):
                continue
            value = option.attributes.get("value")
            value = str(year) if value is None else value.strip()
            target = _option_target(select, value, read)
            url = read(target) if target else None
            if url and url != current and on_site(url, profile):
                best = (year, url)
    return best


# A year link's text besides the year is words and the punctuation between them ("2023
# г.", "Архив – 2024"); a mark such as "©" makes it a copyright line, never a year page.
_FOREIGN_MARK = re.compile(r"[^\w\s.,:;()\[\]|/\-–—]")
# The words that name the year's page as the news's or an archive's, not just a year.
_NAMED_YEAR_PAGE = re.compile(NEWS_WORDS.pattern + r"|архив\w*|archives?", re.IGNORECASE)
# An archive's address ("/arhiv/2025", "/archive/2025"), beside a news section's.
_ARCHIVE_PATH = re.compile(r"(?:^|[/_.-])(?:arhiv\w*|archives?|архив\w*)(?:$|[/_.-])", re.I)


# A year page's address ends in its year ("/novini/2025", "novini-2025"): its list's is
# the rest.
_OWN_YEAR = re.compile(r"[/_-](?:19|20)\d{2}$")


def _news_year(anchor: LexborNode, year: int, url: str, listing_path: str) -> bool:
    """Whether a link reading a bare year ("2025") is the news's page for that year: it
    is under the listing's own path ("/novini/" -> "/novini/2025/", "novini.php" ->
    "novini.php?year=2025"), a year page's own path being its list's less the year (on
    "/novini/2025/", "2024" at "/novini/2024/": the year shown is in bold, no link, so
    the run of years below breaks there), or it is one of a run of years (the year
    before or after it linked beside it, in a small block) under a heading or an address
    that names news or an archive ("Архив: 2025 2024" -> "/arhiv/2025"). A footer's lone
    "2025", a gallery's or a budget's run of years under their own headings are none of
    these."""
    path = unquote(split_normal(url)[1])
    own = unquote(listing_path).rstrip("/")
    own = own.rsplit(".", 1)[0] if "." in own.rsplit("/", 1)[-1] else own
    own = _OWN_YEAR.sub("", own)
    if own and (path.startswith((own + "/", own + "-", own + "_")) or path == listing_path):
        return True
    node = anchor.parent
    for _ in range(3):  # the anchor's block, and the two around it at most
        if node is None:
            return False
        text = " ".join((node.text(deep=True, separator=" ") or "").split())
        if len(text) > 300:  # (a whole page's column: its menu's "Новини" names no year)
            return False
        beside = {
            int(label)
            for other in node.css("a[href]")
            if _YEAR_LABEL.fullmatch(label := (other.text(deep=True) or "").strip())
        }
        if {year - 1, year + 1} & beside:
            heading = _YEAR_LABEL.sub("", text)
            return bool(
                _NAMED_YEAR_PAGE.search(heading)
                or _ARCHIVE_PATH.search(path)
                or NEWS_PATH.search(path.rsplit("/", 1)[0])
            )
        node = node.parent
    return False


# Besides its year, a year page's link says at most that it holds news or an archive
# ("Новини 2025", "Архив 2024", "2023 г."); "Бюджет 2025" and "Програма 2021" are other pages.
_YEAR_PAGE_WORDS = re.compile(r"архив\w*|archives?|годин[аи]|year|г", re.IGNORECASE)


def _names_a_year_page(words: str) -> bool:
    return all(
        NEWS_WORDS.fullmatch(word) or _YEAR_PAGE_WORDS.fullmatch(word)
        for word in re.findall(r"[^\W\d_]+", words)
    )


_NUMBER = re.compile(r"(?<!\d)\d{1,4}(?!\d)")


def _in_pager(anchor: LexborNode, seen: dict[int, bool]) -> bool:
    """A page number sits among other page numbers ("1 2 3 … 10"), not alone in a text.
    ``seen`` remembers the answer per block, so many number links in one block cost one
    reading of it, not one each."""
    node = anchor.parent
    for _ in range(2):
        if node is None:
            return False
        key = node.mem_id
        if key not in seen:
            text = " ".join((node.text(deep=True, separator=" ") or "").split())
            seen[key] = len(text) <= 200 and len(set(_NUMBER.findall(text))) >= 2
        if seen[key]:
            return True
        node = node.parent
    return False


def _strip_page(url: str, pagination: str, page: int) -> str:
    """Undo ``page_url`` so page N's URL yields the start URL again."""
    if page <= 1:
        return url
    suffix = pagination.format(page=page)
    if suffix.startswith("?"):  # each of its fields, as ``page_url`` adds them all again
        parts, added = urlsplit(url), suffix[1:].split("&")
        query = "&".join(q for q in parts.query.split("&") if q and q not in added)
        return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))
    return url.replace(suffix.rstrip("/"), "", 1)


def page_url(start_url: str, pagination: str, page: int) -> str:
    """Listing page ``page`` (1-based) for a template like ``?p={page}`` or ``/page/{page}/``."""
    if page <= 1 or not pagination:
        return start_url
    suffix = pagination.format(page=page)
    parts = urlsplit(start_url)
    if suffix.startswith("?"):
        query = "&".join(q for q in (parts.query, suffix[1:]) if q)
        return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))
    return urlunsplit(
        (parts.scheme, parts.netloc, parts.path.rstrip("/") + suffix, parts.query, "")
    )
