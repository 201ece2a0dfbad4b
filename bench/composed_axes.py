"""Composed sites' axes: the variants a seed picks (one of each independent axis) and
``choose``, which picks them. Each round of axes draws from a random stream of its own
(``choose``'s first and second, ``third``, ``fourth_axes``, ``fifth_axes``,
``sixth_axes``, ``seventh_axes``), so a seed's
earlier axes stay what they were when a later round was added, and a test keeps a seed
as an earlier round composed it (``choose(seed, rounds=4)``).
"""

from __future__ import annotations

import dataclasses
import random
from dataclasses import dataclass

CMSES = ("wordpress", "joomla", "drupal", "php", "builder")
# the pagers each CMS ships: WordPress /page/N/, Joomla ?start=, Drupal ?page= from 0
PAGERS = {
    "wordpress": ("none", "path"),
    "joomla": ("none", "start"),
    "drupal": ("none", "page0"),
    "php": ("none", "page", "start"),
    "builder": ("none", "page"),
}
NEWS_LABELS = ("Новини", "Актуално", "Събития и новини", "Прессъобщения", "Новини и съобщения")
NEWS_AT = ("home", "menu", "dropdown")
LISTS = ("ul", "cards", "hashed", "article", "table")
CARD_DATES = ("dotted", "words", "slashed", "english", "none")
PAGER_WORDS = ("next", "napred", "numbers", "both")
TITLES = ("h1", "h2", "title")
DATES = ("time", "meta", "jsonld", "visible", "card")
BYLINES = ("none", "avtor", "ot")
NON_NEWS = ("events", "notices", "tenders", "documents")
# the axes added second (drawn after the first ones, so a seed's first axes stay as they
# were): how article addresses are spelled, how links spell them, what the article
# names as its canonical address, the pager's page 1 and its end, "Новини" under
# "Пресцентър", and the furniture around an article
ADDRESSES = ("plain", "cyrillic", "encoded", "dated")  # Cyrillic slugs raw or %-encoded
LINKS = ("root", "absolute", "protocol", "www")  # www: some links the other host spelling
CANONICALS = ("none", "self", "other", "http", "amp")
PAGER_ENDS = ("none", "dup1", "past-empty", "past-404")
FURNITURE = ("latest", "comments", "print", "breadcrumb")
# a pager's "Зареди още" button: a plain link beside the script's fragment address, or
# only the fragment address (``data-url``) a script fetches
MORES = ("none", "link", "ajax")
# an English copy of every article behind a language switch, named by hreflang or not
ENGLISH = ("none", "hreflang", "switch")
# the third axes (drawn from a stream of their own, so a seed's first and second stay):
# links written relative to the page (``./x`` or ``x``, ``../``, ``?page=2`` alone) or
# to a ``<base href>`` (the site's root, absolute, or a folder, root-relative)
RELATIVES = ("none", "dots", "bare", "base-root", "base-folder")
# a "Зареди още" whose endpoint answers JSON: cards' HTML and the next page's number, or
# a list of items (title, address, date); with a plain link to the next page or without
JSON_MORES = ("json-html", "json-list")
# where the print version lives: ``?print=1``, a path of its own, Joomla's component view
PRINTS = ("query", "path", "joomla")
# the fourth axes (a stream of their own again): a long article over two pages (``/2/``
# or ``?page=2``, "Страници: 1 2"); the day only in the article's address
# (``/novini/2026/11/29/slug``, ``/novini/2026-11-29-slug``), none on the page or the card;
# days written "29-ти ноември 2026", "29 ноем. 2026 г.", "29 noemvri 2026", "29.XI.2026";
DAY_FORMS = ("ordinal", "abbrev", "latin", "roman")
# the list oldest first (an archive's order) or its first card an old one pinned there;
ORDERS = ("oldest", "pinned")
# the pager a ``<select onchange="location=this.value">`` of page addresses, or a GET form
# of the page's number (``min``/``max`` bounding it);
PAGER_UIS = ("select", "form")
# links to articles by the address an older CMS gave them (WordPress ``/?p=N``, Drupal
# ``/node/N``, Joomla's component view), which the server sends on (301): in the boxes
# beside an article, or on the list's cards too; or the menu's link to the list spelled
# without (or with) its trailing slash, sent on too;
MOVES = ("old-ids", "old-all", "slash")
# some articles under a second category's address too (``/kultura/slug``, linked from a
# "Култура" box on the home page), naming the first as canonical or not;
TWINS = ("canonical", "bare")
# (and: titles written with entities, ``&bdquo;…&ldquo;``, ``&nbsp;`` after a short word,
# ``<title>`` "Заглавие | Община X"; robots.txt disallowing ``/print/`` and ``/search``,
# which the site links)
# the fifth axes (a stream of their own, ``fifth_axes``): links carrying tracking or
# session parameters: the feed's items ``?utm_source=rss&utm_medium=rss&utm_campaign=…``,
# the boxes beside an article and on the home page ``?utm_source=…`` and ``fbclid``, or
# (an old PHP site's ``session.use_trans_sid``) every link of every page
# ``PHPSESSID=<a fresh session each answer>``; the same page answers each spelling;
TRACKINGS = ("feed", "boxes", "session")
# every article published shortly after midnight (Sofia), its machine-read moments
# (``<time datetime>``, ``article:published_time``, JSON-LD, the feed's dates, the
# sitemap's ``lastmod``) written in UTC, ``+00:00`` / ``+0000`` or ``Z`` / ``GMT``: the
# day before the page's; the page's day is the truth;
CLOCKS = ("utc", "zulu")
# the sitemap gzipped (``/sitemap.xml.gz``), a Google News sitemap of the news
# (``news:publication_date``) beside a plain one of the rest, or a sitemap index (Yoast's
# ``/sitemap_index.xml``) whose children carry ``lastmod``;
SITEMAP_FORMS = ("gzip", "news", "index")
# the list's cards linking nothing: the whole card made clickable by
# ``onclick="location.href='…'"`` or by a ``data-href`` a script binds (old municipal
# sites' table rows and boxes), no headline link;
CLICKABLES = ("onclick", "data-href")
# addresses spelled two ways: the cards' links with the trailing slash the article's
# address lacks (or without the one it has), which the server sends on (301), or the home
# page linked as ``/index.php`` ("Начало", the logo), answered as ``/`` is;
SPELLINGS = ("slash", "index")
# (and: an Atom feed in place of RSS, ``Axes.atom``)
# the sixth axes (``sixth_axes``): the news list's older pages only a month archive's
# (``/2026/11/``, ``/novini/arhiv/2026-11``, ``?month=2026-11``), no pager: a box of the
# months on every list page (WordPress's archives widget), or an index page of them
# ("Архив на новините") the list links;
ARCHIVES = ("box", "index")
# how a windows-1251 site's pages are sent: the server's header saying UTF-8 over a
# body and a ``<meta>`` in windows-1251 (PHP's ``default_charset`` left at its default),
# the header and the ``<meta>`` agreeing, or the header alone saying so (no ``<meta>``);
# the feed written in windows-1251 too (``<?xml … encoding="windows-1251"?>``);
SENDS = ("utf8-header", "1251-header", "header-only")
# the pager's links: the page size in every link (``?page=2&limit=5``), only "« По-стари"
# / "По-нови »" (no numbers), or numbers with a jump ("1 2 … 4": the first, the last and
# the current page's neighbours);
PAGER_LINKS = ("limit", "older", "jump")
# (and: robots.txt's ``Crawl-delay: 1``; a "Най-четени" box of mostly older news beside
# the list on every list page, sometimes longer than the list; a news published while
# the crawl walks the list, so page 2 repeats page 1's last card, ``Axes.shift``)
# the seventh axes (``seventh_axes``): the "Най-четени" box written as an ``<aside>`` (the
# furniture a crawler drops), as a ``<section class="most-read">`` in the main column above
# the list, or as a ``<div class="widget">`` after it, on the month pages too;
BOX_TAGS = ("aside", "section", "widget")
# (and: a news's only address its short id, no slug, ``Axes.address`` "id": ``/novini/540``,
# WordPress's numeric ``/archives/540/``, a PHP site's ``/novina.php?id=540``;)
# the feed of the news, or (where the site keeps "Обяви") of the notices alone, the news
# reached through the list and the home page's box only.
FEEDS_OF = ("news", "notices")
# the eighth axes (``eighth_axes``): the feed named in every page's head, or on a page of
# feeds alone ("RSS емисии", ``/rss-emisii``, linked from the footer: a hand-written,
# Drupal or site builder's site), at an address no crawler guesses (``/rss/novini.xml``),
# beside a feed of "Обяви" where the site keeps them.
FEED_NAMINGS = ("head", "page")


@dataclass(frozen=True)
class Axes:
    """One variant of every axis: what a seed composes."""

    cms: str
    news_at: str
    label: str
    home_box: bool  # the home page's "Последни новини" box of the newest three
    listing: str
    teaser: bool
    image: bool
    card_date: str
    pager: str
    pager_words: str
    last_self: bool  # the last page's "next" links to itself
    per_page: int
    feed: bool
    sitemap: str  # none, news, all
    title_at: str
    date_at: str
    byline: str
    cookie: bool
    related: bool
    share: bool
    non_news: tuple[str, ...]
    articles: int
    address: str = "plain"
    links: str = "root"
    canonical: str = "none"
    pager_end: str = "none"
    press: bool = False  # the news list under "Пресцентър" (/prestsentar/novini)
    furniture: tuple[str, ...] = ()
    more: str = "none"
    english: str = "none"
    relative: str = "none"
    fallback: bool = True  # a JSON "Зареди още" is a link to the next page too
    print_at: str = "query"
    charset: str = "utf-8"  # windows-1251: every page so encoded, its <meta> saying so
    # the fourth axes
    split: bool = False  # every other article over two pages
    day_form: str = "plain"  # how the page and the card write a day (``DAY_FORMS``)
    order: str = "newest"  # ``ORDERS``
    pager_ui: str = "links"  # ``PAGER_UIS``
    moved: str = "none"  # ``MOVES``
    twin: str = "none"  # ``TWINS``
    typography: bool = False  # titles with entities, "<title>Заглавие | Община X"
    robots: bool = False  # robots.txt disallowing /print/ and /search
    # the fifth axes
    tracking: str = "none"  # ``TRACKINGS``
    atom: bool = False  # the feed an Atom feed (``/atom.xml``, ``/feed/atom/``)
    clock: str = "local"  # ``CLOCKS``
    sitemap_form: str = "plain"  # ``SITEMAP_FORMS``
    clickable: str = "none"  # ``CLICKABLES``
    spelling: str = "none"  # ``SPELLINGS``
    # the sixth axes
    archive: str = "none"  # ``ARCHIVES``
    crawl_delay: int = 0  # robots.txt's ``Crawl-delay`` (seconds; 0: none)
    sent: str = "meta"  # ``SENDS`` (a windows-1251 site's; "meta": the ``<meta>`` alone)
    shift: bool = False  # a news published after the list's first page was read
    popular: int = 0  # the "Най-четени" box's items (0: none)
    pager_link: str = "plain"  # ``PAGER_LINKS``
    # the seventh axes
    box_tag: str = "aside"  # ``BOX_TAGS``: how the "Най-четени" box is written
    feed_of: str = "news"  # ``FEEDS_OF``: what the feed carries
    feeds: str = "head"  # ``FEED_NAMINGS``: where the feed is named

    def short(self) -> str:
        """The axes in one cell."""
        card = "+".join(x for x, on in (("t", self.teaser), ("i", self.image)) if on)
        pager = "-" if self.pager == "none" else f"{self.pager}/{self.pager_words}"
        pager += "/self" if self.last_self and self.pager != "none" else ""
        extras = "".join(
            x for x, on in (("c", self.cookie), ("r", self.related), ("s", self.share)) if on
        )
        where = self.news_at if self.news_at == "home" else f"{self.news_at}:{self.label}"
        shown_ui = self.pager_ui != "links" and self.pager != "none" and self.more == "none"
        return (
            f"{self.cms} {where}{'+box' if self.home_box else ''} "
            f"{self.listing}[{card or '-'}]:{self.card_date} pg:{pager}x{self.per_page} "
            f"{'feed ' if self.feed else ''}sm:{self.sitemap} {self.title_at} d:{self.date_at} "
            f"by:{self.byline} bp:{extras or '-'} nn:{','.join(self.non_news) or '-'} "
            f"n:{self.articles} a:{self.address} l:{self.links} can:{self.canonical}"
            f"{' end:' + self.pager_end if self.pager != 'none' and self.more == 'none' else ''}"
            f"{' press' if self.press and self.news_at != 'home' else ''}"
            f" f:{','.join(self.furniture) or '-'}"
            f"{' more:' + self.more if self.pager != 'none' and self.more != 'none' else ''}"
            f"{'+a' if self.pager != 'none' and self.more.startswith('json') and self.fallback else ''}"  # noqa: E501
            f"{' en:' + self.english if self.english != 'none' else ''}"
            f"{' rel:' + self.relative if self.relative != 'none' else ''}"
            f"{' pr:' + self.print_at if 'print' in self.furniture else ''}"
            f"{' cp1251' if self.charset != 'utf-8' else ''}"
            f"{' split' if self.split else ''}"
            f"{' day:' + self.day_form if self.day_form != 'plain' else ''}"
            f"{' ord:' + self.order if self.order != 'newest' else ''}"
            f"{' ui:' + self.pager_ui if shown_ui else ''}"
            f"{' mv:' + self.moved if self.moved != 'none' else ''}"
            f"{' twin:' + self.twin if self.twin != 'none' else ''}"
            f"{' typo' if self.typography else ''}"
            f"{' robots' if self.robots else ''}"
            f"{' trk:' + self.tracking if self.tracking != 'none' else ''}"
            f"{' atom' if self.atom else ''}"
            f"{' clk:' + self.clock if self.clock != 'local' else ''}"
            f"{' smf:' + self.sitemap_form if self.sitemap_form != 'plain' else ''}"
            f"{' click:' + self.clickable if self.clickable != 'none' else ''}"
            f"{' sp:' + self.spelling if self.spelling != 'none' else ''}"
            f"{' arch:' + self.archive if self.archive != 'none' else ''}"
            f"{f' delay:{self.crawl_delay}' if self.crawl_delay else ''}"
            f"{' sent:' + self.sent if self.sent != 'meta' else ''}"
            f"{' shift' if self.shift else ''}"
            f"{f' pop:{self.popular}' if self.popular else ''}"
            f"{' pl:' + self.pager_link if self.pager_link != 'plain' else ''}"
            f"{' box:' + self.box_tag if self.box_tag != 'aside' else ''}"
            f"{' feedof:' + self.feed_of if self.feed_of != 'news' else ''}"
            f"{' feeds:' + self.feeds if self.feeds != 'head' else ''}"
        )


def choose(seed: int, rounds: int = 8) -> Axes:
    """The axes seed ``seed`` composes (``rounds`` 3 to 7: as it did before the fourth,
    ..., the eighth axes, as a test keeps a seed chosen then)."""
    rng = random.Random(seed)
    cms = rng.choice(CMSES)
    card_date = rng.choice(CARD_DATES)
    date_at = rng.choice(DATES)
    if date_at == "card" and card_date == "none":
        card_date = rng.choice(CARD_DATES[:-1])  # a date shown nowhere is no axis of ours
    news_at = rng.choice(NEWS_AT)
    axes = Axes(
        cms=cms,
        news_at=news_at,
        label=rng.choice(NEWS_LABELS),
        home_box=news_at != "home" and rng.random() < 0.5,
        listing=rng.choice(LISTS),
        teaser=rng.random() < 0.6,
        image=rng.random() < 0.5,
        card_date=card_date,
        pager=rng.choice(PAGERS[cms]),
        pager_words=rng.choice(PAGER_WORDS),
        last_self=rng.random() < 0.3,
        per_page=rng.choice((3, 4, 5)),
        feed=rng.random() < 0.5,
        sitemap=rng.choice(("none", "news", "all")),
        title_at=rng.choice(TITLES),
        date_at=date_at,
        byline=rng.choice(BYLINES),
        cookie=rng.random() < 0.5,
        related=rng.random() < 0.5,
        share=rng.random() < 0.5,
        non_news=tuple(x for x in NON_NEWS if rng.random() < 0.4),
        articles=rng.randint(5, 12),
    )
    # the second axes: drawn after, so the first stay what they were
    if rng.random() < 0.3:
        card_date = rng.choice(("relative", "weekday"))
    if date_at in ("time", "meta", "jsonld", "visible") and rng.random() < 0.35:
        date_at = rng.choice(("stamp", "label", "row"))
    axes = dataclasses.replace(
        axes,
        card_date=card_date,
        date_at=date_at,
        address=rng.choice(ADDRESSES),
        links=rng.choice(LINKS),
        canonical=rng.choice(CANONICALS),
        pager_end=rng.choice(PAGER_ENDS),
        press=rng.random() < 0.25,
        furniture=tuple(x for x in FURNITURE if rng.random() < 0.35),
        more=rng.choice(MORES) if rng.random() < 0.4 else "none",
        english=rng.choice(ENGLISH),
    )
    # the third axes, from a stream of their own: the first and second stay what they were
    third = random.Random(seed * 104729 + 3)
    more = axes.more
    if more != "none" and third.random() < 0.5:
        more = third.choice(JSON_MORES)
    axes = dataclasses.replace(
        axes,
        relative=third.choice(RELATIVES) if third.random() < 0.5 else "none",
        more=more,
        fallback=third.random() < 0.5,
        print_at=third.choice(PRINTS),
        charset="windows-1251"
        if axes.cms in ("php", "joomla") and third.random() < 0.3
        else "utf-8",
    )
    if rounds >= 4:
        axes = fourth_axes(seed, axes)
    if rounds >= 5:
        axes = fifth_axes(seed, axes)
    if rounds >= 6:
        axes = sixth_axes(seed, axes)
    if rounds >= 7:
        axes = seventh_axes(seed, axes)
    return eighth_axes(seed, axes) if rounds >= 8 else axes


def fourth_axes(seed: int, axes: Axes) -> Axes:
    """The fourth axes, from a stream of their own (every draw made whatever came
    before, so each axis is independent of the others): the first three stay."""
    fourth = random.Random(seed * 130363 + 4)
    split = fourth.random() < 0.2
    url_day, dated = fourth.random() < 0.12, fourth.choice(("dated", "dayslug"))
    day_form = fourth.choice(DAY_FORMS) if fourth.random() < 0.3 else "plain"
    order = fourth.choice(ORDERS) if fourth.random() < 0.2 else "newest"
    pager_ui = fourth.choice(PAGER_UIS) if fourth.random() < 0.25 else "links"
    moved = fourth.choice(MOVES) if fourth.random() < 0.3 else "none"
    twin = fourth.choice(TWINS) if fourth.random() < 0.2 else "none"
    typography = fourth.random() < 0.3
    robots = fourth.random() < 0.3
    date_at, card_date, address = axes.date_at, axes.card_date, axes.address
    if url_day:  # the day in the address alone (WordPress's are dated already)
        date_at, card_date = "url", "none"
        address = address if axes.cms == "wordpress" else dated
    if day_form != "plain" and card_date in ("dotted", "words", "slashed"):
        card_date = day_form
    if pager_ui == "form" and axes.pager != "page":
        pager_ui = "select"  # a form's field is the page's number
    return dataclasses.replace(
        axes,
        split=split,
        date_at=date_at,
        card_date=card_date,
        address=address,
        day_form=day_form,
        order=order,
        pager_ui=pager_ui,
        moved=moved,
        twin=twin,
        typography=typography,
        robots=robots,
    )


def fifth_axes(seed: int, axes: Axes) -> Axes:
    """The fifth axes, from a stream of their own (each drawn whatever came before, then
    fitted to the site: a feed's tracking needs a feed): the first four stay."""
    fifth = random.Random(seed * 196613 + 5)
    tracking = fifth.choice(TRACKINGS) if fifth.random() < 0.25 else "none"
    atom = fifth.random() < 0.3
    clock = fifth.choice(CLOCKS) if fifth.random() < 0.25 else "local"
    sitemap_form = fifth.choice(SITEMAP_FORMS) if fifth.random() < 0.4 else "plain"
    clickable = fifth.choice(CLICKABLES) if fifth.random() < 0.15 else "none"
    spelling = fifth.choice(SPELLINGS) if fifth.random() < 0.25 else "none"
    if tracking == "session" and (axes.cms != "php" or axes.moved != "none"):
        tracking = "boxes"  # (trans_sid is PHP's; an old address sent on keeps its own)
    if tracking == "boxes" and axes.moved != "none":
        tracking = "feed"  # (the boxes link the old addresses)
    if tracking == "feed" and not axes.feed:
        tracking = "none"
    if spelling == "slash" and (axes.moved == "old-all" or tracking == "session"):
        spelling = "index"  # (the cards link the old addresses, or carry the session)
    if axes.sitemap == "none":
        sitemap_form = "plain"
    if sitemap_form == "gzip" and axes.cms == "wordpress":
        sitemap_form = "index"  # (WordPress's own maps are an index, none gzipped)
    return dataclasses.replace(
        axes,
        tracking=tracking,
        atom=atom and axes.feed,
        clock=clock,
        sitemap_form=sitemap_form,
        clickable=clickable,
        spelling=spelling,
    )


def sixth_axes(seed: int, axes: Axes) -> Axes:
    """The sixth axes, from a stream of their own (each drawn whatever came before, then
    fitted to the site: a month archive replaces a pager of links): the first five stay."""
    sixth = random.Random(seed * 262147 + 6)
    archive = sixth.choice(ARCHIVES) if sixth.random() < 0.3 else "none"
    crawl_delay = 1 if sixth.random() < 0.02 else 0
    sent = sixth.choice(SENDS) if sixth.random() < 0.7 else "meta"
    shift = sixth.random() < 0.2
    popular = sixth.randint(4, 8) if sixth.random() < 0.25 else 0
    pager_link = sixth.choice(PAGER_LINKS) if sixth.random() < 0.5 else "plain"
    paged = axes.pager != "none" and axes.articles > axes.per_page
    plain_pager = paged and axes.more == "none" and axes.pager_ui == "links"
    if not plain_pager or axes.order != "newest":
        archive = "none"  # (a month archive in place of a pager of links, newest first)
    if archive != "none":
        shift, pager_link = False, "plain"
    if axes.charset == "utf-8":
        sent = "meta"
    if not paged or axes.news_at == "home" or axes.order == "oldest":
        shift = False  # (the home page is read first, while exploring: no walk to shift)
    if axes.relative == "base-folder" or axes.tracking == "session":
        shift = False  # (the list asked as ``/novini/`` or with a session: never the address
        #                 the news lands after, ``next_night_after``)
    if not plain_pager:
        pager_link = "plain"
    if pager_link == "limit" and axes.pager != "page":
        pager_link = "older"  # (the size beside the page's number: ``?page=N&limit=P``)
    if pager_link == "older" and axes.pager_words == "numbers":
        pager_link = "jump"
    if pager_link == "jump" and axes.pager_words not in ("numbers", "both"):
        pager_link = "older"
    return dataclasses.replace(
        axes,
        archive=archive,
        crawl_delay=crawl_delay,
        sent=sent,
        shift=shift,
        popular=popular,
        pager_link=pager_link,
    )


def seventh_axes(seed: int, axes: Axes) -> Axes:
    """The seventh axes, from a stream of their own (each drawn whatever came before,
    then fitted to the site: a box's tag needs the box, a feed of notices needs a feed
    and notices, an address by its id alone a day stated somewhere else): the first six
    stay."""
    seventh = random.Random(seed * 262147 + 7)
    box_tag = seventh.choice(BOX_TAGS[1:]) if seventh.random() < 0.5 else "aside"
    address = "id" if seventh.random() < 0.15 else axes.address
    feed_of = "notices" if seventh.random() < 0.4 else "news"
    if not axes.popular:
        box_tag = "aside"
    if axes.date_at == "url":
        address = axes.address  # (the day in the address alone: a slug dated so)
    if not axes.feed or "notices" not in axes.non_news:
        feed_of = "news"
    tracking = axes.tracking
    if feed_of == "notices" and tracking == "feed":
        tracking = "none"  # (a plugin's utm_… on the news' links the feed no longer has)
    return dataclasses.replace(
        axes, box_tag=box_tag, address=address, feed_of=feed_of, tracking=tracking
    )


def eighth_axes(seed: int, axes: Axes) -> Axes:
    """The eighth axes, from a stream of their own, fitted to the site: a page of feeds
    needs a feed, and names the news' (a feed of the notices alone is the seventh
    axes' other way to name them, so it is not drawn with it); WordPress and Joomla
    name theirs in the head, at the addresses their CMS gives. The first seven stay."""
    eighth = random.Random(seed * 393241 + 8)
    feeds = "page" if eighth.random() < 0.35 else "head"
    if not axes.feed or axes.feed_of != "news" or axes.cms in ("wordpress", "joomla"):
        feeds = "head"
    return dataclasses.replace(axes, feeds=feeds)
