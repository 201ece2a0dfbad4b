"""Composed sites' writer: the pages, feeds, sitemaps and robots.txt of the site a seed's
axes compose (``Composer``), with its ``expected.json`` (the truth a crawl is judged by)
and ``boilerplate.json`` as the mirrors have them (``Site``).

Dates are counted from today on Sofia's clock (``site_today``: the tests' snapshot day
under pytest, the real one for the modes whose crawls are processes): articles in the
weeks before it, events in the months after, so a seed composes the same site on the
same day and a site whose verdict holds on any day.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import posixpath
import random
import re
import zoneinfo
from collections import Counter
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from urllib.parse import quote

from composed_axes import DAY_FORMS, Axes, choose
from composed_texts import (
    ABBR_MONTHS,
    ARTICLES,
    AUTHORS,
    BOILERPLATE,
    COMMENT,
    COOKIE,
    DOCUMENTS,
    EN_MONTHS,
    EN_TEXTS,
    EVENTS,
    FOOTER,
    LATIN_MONTHS,
    MONTHS,
    NOTICES,
    PRINT,
    RFC_DAYS,
    ROMAN,
    SHARE,
    TENDERS,
    TOWNS,
    WEEKDAYS,
    WORKING_HOURS,
)
from newsarchive.site_clock import on_site_clock


@dataclass
class Article:
    title: str
    slug: str
    paragraphs: list[str]
    when: dt.datetime
    author: str | None
    path: str = ""  # its address on the site
    number: int = 0  # its id in the CMS (``/novina.php?id=N``, ``/print/N``)


def ordinal(number: int) -> str:
    """A day's number as Bulgarian writes it ordinal: 1-ви, 2-ри, 7-ми, 11-ти, 29-ти."""
    if number % 100 not in (11, 12, 17, 18):
        suffix = {1: "ви", 2: "ри", 7: "ми", 8: "ми"}.get(number % 10)
        if suffix:
            return f"{number}-{suffix}"
    return f"{number}-ти"


def day_text(day: dt.date, form: str) -> str:
    """``day`` as a page writes it (``Axes.day_form``; "plain": 29.11.2026)."""
    if form == "ordinal":
        return f"{ordinal(day.day)} {MONTHS[day.month]} {day.year}"
    if form == "abbrev":
        return f"{day.day} {ABBR_MONTHS[day.month]} {day.year} г."
    if form == "latin":
        return f"{day.day} {LATIN_MONTHS[day.month]} {day.year}"
    if form == "roman":
        return f"{day.day}.{ROMAN[day.month]}.{day.year}"
    return f"{day:%d.%m.%Y}"


def card_day(day: dt.date, form: str, today: dt.date | None = None) -> str:
    if form in DAY_FORMS:
        return day_text(day, form)
    if form == "relative":  # the newest week's as a news site's script prints them
        back = (today - day).days if today else 99
        if back <= 1:
            return ("днес", "вчера")[back]
        return f"преди {back} дни" if back < 7 else f"{day:%d.%m.%Y}"
    if form == "weekday":
        return f"{WEEKDAYS[day.weekday()]}, {day.day} {MONTHS[day.month]} {day.year}"
    if form == "dotted":
        return f"{day:%d.%m.%Y}"
    if form == "words":
        return f"{day.day} {MONTHS[day.month]} {day.year} г."
    if form == "slashed":
        return f"{day:%d/%m/%Y}"
    if form == "english":
        return f"{EN_MONTHS[day.month]} {day.day}, {day.year}"
    return ""


def rfc822(when: dt.datetime) -> str:
    return (
        f"{RFC_DAYS[when.weekday()]}, {when.day:02d} {EN_MONTHS[when.month]} {when.year} "
        f"{when:%H:%M:%S} +0200"
    )


def iso(when: dt.datetime) -> str:
    return f"{when:%Y-%m-%dT%H:%M:%S}+02:00"


SOFIA = zoneinfo.ZoneInfo("Europe/Sofia")


def in_utc(when: dt.datetime) -> dt.datetime:
    """``when`` (the site's local time, Sofia's) as UTC, as a server set to UTC writes it."""
    return when.replace(tzinfo=SOFIA).astimezone(dt.UTC).replace(tzinfo=None)


def stamp(when: dt.datetime, clock: str) -> str:
    """A machine-read moment (``<time datetime>``, a meta tag, JSON-LD, ``lastmod``) as
    ``Axes.clock`` writes it: local (``iso``), or in UTC, ``+00:00`` or ``Z``."""
    if clock == "local":
        return iso(when)
    return f"{in_utc(when):%Y-%m-%dT%H:%M:%S}" + ("Z" if clock == "zulu" else "+00:00")


def feed_date(when: dt.datetime, clock: str) -> str:
    """A feed item's ``pubDate`` as ``Axes.clock`` writes it (RFC 822: ``+0000``, ``GMT``)."""
    if clock == "local":
        return rfc822(when)
    utc = in_utc(when)
    return rfc822(utc).removesuffix("+0200") + ("GMT" if clock == "zulu" else "+0000")


def cyrillic_slug(title: str) -> str:
    """The slug a CMS set to keep Cyrillic makes of a title (WordPress without a
    transliterating plugin): its first six words, lower case, joined by hyphens."""
    words = "".join(c if c.isalnum() else " " for c in title.lower()).split()
    return "-".join(words[:6])


# a root-relative link (not ``//host``) in a page's markup
HREF = re.compile(r'href="(/(?!/)[^"]*)"')
# a root-relative link of an ``<a>``, which PHP's ``session.use_trans_sid`` rewrites
SESSION_HREF = re.compile(r'(<a\s[^>]*?href=")(/(?!/)[^"#]*)"')
# the session id's placeholder, which the mirror writes a fresh id for in every answer
SESSION = "PHPSESSID={{sid}}"


def file_for(path: str) -> str:
    """The mirror file serving ``path`` (``MirrorServer``'s ``a/b@q.html``)."""
    base, _, query = path.partition("?")
    suffix = f"@{query}" if query else ""
    if base.endswith("/"):
        return f"{base.lstrip('/')}index{suffix}.html"
    if base.endswith((".xml", ".pdf", ".txt")):
        return base.lstrip("/")
    return f"{base.lstrip('/')}{suffix}.html"


@dataclass
class Site:
    """A composed site: its files, expected articles and the furniture none may hold."""

    axes: Axes
    name: str
    origin: str
    files: dict[str, str | bytes] = field(default_factory=dict)
    expected: list[dict[str, object]] = field(default_factory=list)
    mirror: dict[str, object] = field(default_factory=dict)
    # its sources' paths by role, as a request spells them: "list" (the news list's first
    # page), "page2", "feed", "sitemap" (each map file, space-separated), "past_end" (the
    # page past the list's end its last page's "next" links, or a bare JSON list's empty
    # answer past its last), "pages" (the list's pages after the first, space-separated,
    # where its pager numbers them)
    roles: dict[str, str] = field(default_factory=dict)

    def write(self, root: Path) -> None:
        for name, body in self.files.items():
            target = root / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(body, bytes):
                target.write_bytes(body)
            else:
                target.write_text(body, encoding="utf-8")
        dump = json.dumps(self.expected, ensure_ascii=False, indent=2) + "\n"
        (root / "expected.json").write_text(dump, encoding="utf-8")
        junk = json.dumps(BOILERPLATE, ensure_ascii=False, indent=2) + "\n"
        (root / "boilerplate.json").write_text(junk, encoding="utf-8")
        (root / "_mirror.json").write_text(json.dumps(self.mirror, indent=2), encoding="utf-8")


class Composer:
    """Writes the pages of one seed's site."""

    def __init__(self, seed: int, today: dt.date, axes: Axes | None = None, held: int = 0) -> None:
        """``held``: the newest so many articles not published yet (``Axes.shift``: the
        site before a news lands mid-crawl), the others' numbers and addresses kept."""
        self.axes = axes = axes or choose(seed)
        rng = random.Random(seed * 7919 + 1)
        self.rng = rng
        town, latin = rng.choice(TOWNS)
        self.name = f"Община {town}"
        self.origin = f"https://{rng.choice(('www.', ''))}{latin}.bg"
        self.hashed = {
            k: "c-" + "".join(rng.choice("abcdefghkmnpqrstuvwxyz0123456789") for _ in range(4))
            for k in ("card", "img", "body", "date", "title", "text", "list")
        }
        picked = rng.sample(ARTICLES, axes.articles)
        days = sorted(rng.sample(range(1, 70), axes.articles))
        self.articles = [
            Article(
                title, slug, paragraphs,
                dt.datetime.combine(today - dt.timedelta(days=back), dt.time(rng.randint(8, 16), rng.choice((0, 15, 30, 45)))),  # noqa: E501
                None if axes.byline == "none" else rng.choice(AUTHORS),
            )
            for (title, slug, paragraphs), back in zip(picked, days, strict=True)
        ]  # fmt: skip
        self.today = today
        if axes.clock != "local":  # (a stream of its own: the other draws stay)
            late = random.Random(seed * 196613 + 55)
            for article in self.articles:
                article.when = article.when.replace(
                    hour=late.randint(0, 1), minute=late.choice((5, 10, 20, 35, 50))
                )
        # addresses the site's links give beside an article's own, answered with its page
        # (a tracking or session parameter the server ignores: ``Axes.tracking``)
        self.tracked: dict[str, str] = {}
        for number, article in enumerate(self.articles):
            article.number = 500 - number
            article.path = self.article_path(article, article.number)
        self.articles = self.articles[held:]
        self.events = [
            (t, s, x, today + dt.timedelta(days=10 + 17 * i)) for i, (t, s, x) in enumerate(EVENTS)
        ]
        self.notices = [
            (t, s, x, today - dt.timedelta(days=5 + 11 * i)) for i, (t, s, x) in enumerate(NOTICES)
        ]
        self.site = Site(axes, self.name, self.origin)

    # addresses -------------------------------------------------------------------------

    def article_path(self, article: Article, number: int) -> str:
        """Its address, as the site serves it (Cyrillic raw: ``url`` encodes it)."""
        cms, day, address = self.axes.cms, article.when, self.axes.address
        if address == "id":  # (its short id alone, no slug: ``feeds._item_by_id``)
            return {
                "wordpress": f"/archives/{number}/",  # (WordPress's numeric permalinks)
                "php": f"/novina.php?id={number}",
            }.get(cms, f"/novini/{number}")
        slug = cyrillic_slug(article.title) if address in ("cyrillic", "encoded") else article.slug
        if cms == "wordpress":
            return f"/{day:%Y/%m/%d}/{slug}/"
        if cms == "php" and self.axes.date_at != "url":  # (rewritten, dated, when "url")
            return f"/novina.php?id={number}"
        folder = "новини" if cms == "builder" and slug != article.slug else "novini"
        if address == "dated":
            folder += f"/{day:%Y/%m/%d}"
        if address == "dayslug":  # the day opening the slug
            slug = f"{day:%Y-%m-%d}-{slug}"
        if cms == "joomla":
            return f"/{folder}/{number}-{slug}"
        return f"/{folder}/{slug}"

    def url(self, path: str, origin: str = "") -> str:
        """``path`` as an address (Cyrillic percent-encoded, as a sitemap or a canonical
        link spells it), on ``origin`` (this site's by default)."""
        return (origin or self.origin) + quote(path, safe="/?=&%-._~")

    @property
    def other_origin(self) -> str:
        """The host's other spelling (``www.`` or not), which its server redirects."""
        host = self.origin.removeprefix("https://")
        return "https://" + (
            host.removeprefix("www.") if host.startswith("www.") else "www." + host
        )

    def link(self, path: str) -> str:
        """How the site's links spell ``path`` (``Axes.links``, ``Axes.address``)."""
        axes = self.axes
        shown = quote(path, safe="/?=&%-._~") if axes.address == "encoded" else path
        if axes.links == "absolute":
            return escape(self.origin + shown)
        if axes.links == "protocol":
            return escape(self.origin.removeprefix("https:") + shown)
        if axes.links == "www" and sum(map(ord, path)) % 2:
            return escape(self.other_origin + shown)  # a theme's links hard-coded so
        return escape(shown)

    @property
    def home_path(self) -> str:
        """How "Начало" and the logo link the home page: ``/``, or (``Axes.spelling``
        "index") the script answering it, ``/index.php``."""
        return "/index.php" if self.axes.spelling == "index" else "/"

    @property
    def press(self) -> bool:
        return self.axes.press and self.axes.news_at != "home"

    @property
    def list_path(self) -> str:
        if self.axes.news_at == "home":
            return "/"
        if self.press:
            return self.other_path("prestsentar/novini")
        return {
            "wordpress": "/category/novini/",
            "joomla": "/novini",
            "drupal": "/novini",
            "php": "/novini.php",
            "builder": "/novini",
        }[self.axes.cms]

    def page_path(self, number: int, spelled: bool = False) -> str:
        """Page ``number``'s address (``spelled``: page 1 with its number, as some
        pagers link it, the list's address answering it too)."""
        base, axes = self.list_path, self.axes
        if number == 1 and not spelled:
            return base
        if axes.pager == "path":
            return f"{base.rstrip('/')}/page/{number}/"
        if axes.pager == "start":
            return f"{base}?start={(number - 1) * axes.per_page}"
        if axes.pager == "page0":
            return f"{base}?page={number - 1}"
        if axes.pager_link == "limit":  # (the page size in every link, as some PHP lists)
            return f"{base}?page={number}&limit={axes.per_page}"
        return f"{base}?page={number}"

    def other_path(self, slug: str) -> str:
        cms = self.axes.cms
        if cms == "wordpress":
            return f"/{slug}/"
        if cms == "php":
            return f"/{slug}.php"
        return f"/{slug}"

    @property
    def feed_path(self) -> str:
        """The feed's address: RSS, or (``Axes.atom``) the CMS's Atom feed; on a page of
        feeds (``Axes.feeds``), one of its own."""
        atom = self.axes.atom
        if self.axes.feeds == "page":
            return "/rss/novini.xml"
        if self.axes.cms == "wordpress":
            return "/feed/atom/" if atom else "/feed/"
        if self.axes.cms == "joomla":  # (the feed of its category: "Обяви"'s, ``feed_of``)
            kind = "atom" if atom else "rss"
            of = self.other_path("obyavi") if self.axes.feed_of == "notices" else self.list_path
            return f"{of.rstrip('/') or '/index.php'}?format=feed&type={kind}"
        return "/atom.xml" if atom else "/rss.xml"

    # furniture ---------------------------------------------------------------------------

    def menu(self) -> str:
        axes = self.axes
        entries: list[tuple[str, str]] = []
        if axes.news_at != "home" and not self.press:
            entries.append((axes.label, self.list_link_path))
        names = {
            "events": ("Календар на събитията", "kalendar"),
            "notices": ("Обяви", "obyavi"),
            "tenders": ("Обществени поръчки", "porachki"),
            "documents": ("Документи", "dokumenti"),
        }
        entries += [(names[k][0], self.other_path(names[k][1])) for k in axes.non_news]
        top = [("Начало", self.home_path), ("За общината", self.other_path("za-obshtinata"))]
        cls = {
            "wordpress": ('menu', 'menu-item', 'sub-menu', 'menu-item-has-children'),
            "joomla": ('nav menu mod-list', 'item-1', 'nav-child unstyled small', 'deeper parent'),
            "drupal": ('menu', 'menu-item', 'menu', 'menu-item--expanded'),
            "php": ('menu', '', 'submenu', 'has-sub'),
            "builder": ('w-nav-list', 'w-nav-item', 'w-dropdown-list', 'w-dropdown'),
        }[axes.cms]  # fmt: skip

        def item(label: str, href: str) -> str:
            attr = f' class="{cls[1]}"' if cls[1] else ""
            return f'<li{attr}><a href="{self.link(href)}">{escape(label)}</a></li>'

        lines = [item(*e) for e in top]
        if self.press:
            press = [
                (axes.label, self.list_link_path),
                ("Фотогалерия", self.other_path("galeriya")),
            ]
            sub = "\n".join(item(*e) for e in press)
            press_href = self.link(self.other_path("prestsentar"))
            lines.append(
                f'<li class="{cls[1]} {cls[3]}"><a href="{press_href}">'
                f'Пресцентър</a>\n<ul class="{cls[2]}">\n{sub}\n</ul></li>'
            )
        if axes.news_at == "dropdown" and entries:
            sub = "\n".join(item(*e) for e in entries)
            lines.append(
                f'<li class="{cls[1]} {cls[3]}"><a href="#">Информация</a>\n'
                f'<ul class="{cls[2]}">\n{sub}\n</ul></li>'
            )
        else:
            lines += [item(*e) for e in entries]
        lines.append(item("Контакти", self.other_path("kontakti")))
        body = "\n".join(lines)
        return f'<nav class="main-navigation">\n<ul class="{cls[0]}">\n{body}\n</ul>\n</nav>'

    def page(
        self, title: str, main: str, head: str = "", english: str = "/en/", title_html: str = ""
    ) -> str:
        """A page of the site's frame; ``english``: where its language switch leads;
        ``title_html``: its ``<title>`` as markup (``title`` escaped otherwise)."""
        axes = self.axes
        feed = feeds = ""
        if axes.feeds == "page":
            feeds = f'<p><a href="{self.link(self.other_path("rss-emisii"))}">RSS емисии</a></p>\n'
        elif axes.feed:
            feed = (
                f'<link rel="alternate" type="application/{"atom" if axes.atom else "rss"}+xml" '
                f'title="{escape(self.name)} » Емисия" href="{self.feed_path}">\n'
            )
        cookie = ""
        if axes.cookie:
            cookie = (
                f'<div id="cookie-notice" class="cookie-bar"><p>{COOKIE} '
                "Продължавайки, вие се съгласявате с нашата политика.</p>"
                '<button type="button">Приемам</button></div>\n'
            )
        switch = ""
        if axes.english != "none":
            switch = (
                '<div class="lang-switch"><span class="active">BG</span> '
                f'<a href="{self.link(english)}" lang="en">EN</a></div>'
            )
        search = ""
        if axes.robots:  # the search page robots.txt keeps crawlers from
            search = f' <a class="search" href="{self.link("/search")}">Търсене</a>'
        body_class = {
            "wordpress": "wp-site", "joomla": "site com_content", "drupal": "path-node",
            "php": "", "builder": "w-page",
        }[axes.cms]  # fmt: skip
        return (
            '<!DOCTYPE html>\n<html lang="bg">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{title_html or escape(title)}</title>\n{feed}{head}</head>\n"
            f'<body class="{body_class}">\n<header class="site-header">'
            f'<a class="logo" href="{self.link(self.home_path)}">{escape(self.name)}</a>'
            f"{switch}{search}"
            "</header>\n"
            f"{self.menu()}\n"
            f'<main id="main" class="site-main">\n{main}\n</main>\n'
            '<footer class="site-footer">\n'
            f"<p>{WORKING_HOURS}: понеделник – петък, 8:30 – 17:00 ч.</p>\n"
            f"<p>© {self.today.year} {escape(self.name)}. {FOOTER}.</p>\n{feeds}</footer>\n"
            f"{cookie}</body>\n</html>\n"
        )

    # the news list -------------------------------------------------------------------------

    def card(self, article: Article) -> str:
        """A card of the list; (``Axes.clickable``) one linking nothing, the whole card
        clickable by its ``onclick`` or ``data-href`` instead."""
        card = self.linked_card(article)
        if self.axes.clickable == "none":
            return card
        href = self.article_href(article, card=True)
        card = card.replace(f'<a href="{href}">', "").replace("</a>", "")
        attr = (
            f'onclick="location.href=\'{href}\'" style="cursor:pointer"'
            if self.axes.clickable == "onclick"
            else f'data-href="{href}"'
        )
        return re.sub(r"^<(\w+)", lambda m: f"<{m[1]} {attr}", card, count=1)

    def linked_card(self, article: Article) -> str:
        axes, h = self.axes, self.hashed
        href, title = self.article_href(article, card=True), self.title_html(article.title)
        day = card_day(article.when.date(), axes.card_date, self.today)
        teaser = escape(article.paragraphs[0][:80].rsplit(" ", 1)[0]) + "…"
        image = f"/uploads/{article.slug}-300x200.jpg"
        if axes.listing == "ul":
            return (
                "<li>"
                + (f'<span class="date">{day}</span> ' if day else "")
                + f'<a href="{href}">{title}</a>'
                + (f"<p>{teaser}</p>" if axes.teaser else "")
                + "</li>"
            )
        if axes.listing == "table":
            return (
                "<tr>"
                + (f'<td class="date">{day}</td>' if day else "")
                + f'<td><a href="{href}">{title}</a>'
                + (f"<br>{teaser}" if axes.teaser else "")
                + "</td></tr>"
            )
        if axes.listing == "article":
            return (
                '<article class="post type-post">\n'
                + (f'<a href="{href}"><img src="{image}" alt=""></a>\n' if axes.image else "")
                + f'<header><h2 class="entry-title"><a href="{href}">{title}</a></h2>'
                + (f'<span class="posted-on">{day}</span>' if day else "")
                + "</header>\n"
                + (f'<div class="entry-summary"><p>{teaser}</p></div>\n' if axes.teaser else "")
                + "</article>"
            )
        names = (
            h
            if axes.listing == "hashed"
            else {
                "card": "news-item", "img": "news-img", "body": "news-body",
                "date": "news-date", "title": "news-title", "text": "news-text",
            }
        )  # fmt: skip
        return (
            f'<div class="{names["card"]}">\n'
            + (
                f'<div class="{names["img"]}"><a href="{href}"><img src="{image}" alt=""></a></div>\n'  # noqa: E501
                if axes.image
                else ""
            )
            + f'<div class="{names["body"]}">'
            + (f'<span class="{names["date"]}">{day}</span>' if day else "")
            + f'<h3 class="{names["title"]}"><a href="{href}">{title}</a></h3>'
            + (f'<p class="{names["text"]}">{teaser}</p>' if axes.teaser else "")
            + "</div>\n</div>"
        )

    def cards(self, articles: list[Article]) -> str:
        inner = "\n".join(self.card(a) for a in articles)
        if self.axes.clickable == "data-href":  # the theme's script binding the cards
            inner += (
                "\n<script>document.querySelectorAll('[data-href]').forEach(c => "
                "c.addEventListener('click', () => location.href = c.dataset.href));</script>"
            )
        listing = self.axes.listing
        if listing == "ul":
            return f'<ul class="news-list">\n{inner}\n</ul>'
        if listing == "table":
            return f'<table class="news-table">\n{inner}\n</table>'
        if listing == "hashed":
            return f'<div class="{self.hashed["list"]}">\n{inner}\n</div>'
        return f'<div class="news-list">\n{inner}\n</div>'

    def more_path(self, number: int) -> str:
        """The fragment address a "Зареди още" script fetches page ``number`` from."""
        return f"{self.list_path}?ajax=1&page={number}"

    def json_path(self, number: int) -> str:
        """The endpoint a JSON "Зареди още" asks for page ``number``."""
        return f"/api/novini?page={number}"

    def json_file(self, number: int) -> str:
        """The mirror file answering ``json_path(number)`` (served as JSON)."""
        return file_for(self.json_path(number)).removesuffix(".html") + ".json"

    def json_page(self, articles: list[Article], number: int, last: int) -> str:
        """What the JSON endpoint answers for page ``number`` (past ``last``: nothing)."""
        if self.axes.more == "json-html":
            cards = self.cards(articles) if articles else ""
            data: object = {"html": cards, "next": number + 1 if number < last else None}
        else:
            data = [
                {"title": a.title, "url": self.url(a.path), "date": f"{a.when:%Y-%m-%d}"}
                for a in articles
            ]
        return json.dumps(data, ensure_ascii=False) + "\n"

    def json_more(self, number: int) -> str:
        """A "Зареди още" whose script asks the JSON endpoint for page ``number`` + 1:
        the endpoint and the page apart (cards' HTML), or the next address whole (items),
        as a button, or as a link to the next page a script takes over."""
        if self.axes.more == "json-html":
            data = f'data-url="/api/novini" data-page="{number + 1}"'
        else:
            data = f'data-next="{escape(self.json_path(number + 1))}"'
        script = (
            "<script>document.querySelector('.btn-more').addEventListener('click', e => {"
            "e.preventDefault(); fetch(e.target.dataset.url ? e.target.dataset.url + '?page=' + "
            "e.target.dataset.page : e.target.dataset.next).then(r => r.json())"
            ".then(d => render(d));});</script>"
        )
        if self.axes.fallback:
            plain = self.link(self.page_path(number + 1))
            button = f'<a class="btn-more" href="{plain}" {data}>Зареди още</a>'
        else:
            button = f'<button type="button" class="btn-more" {data}>Зареди още</button>'
        return f'<div class="load-more">{button}</div>\n{script}'

    def more(self, number: int, last: int) -> str:
        """The "Зареди още" button under page ``number``'s cards ("" on the last)."""
        if number >= last:
            return ""
        if self.axes.more.startswith("json"):
            return self.json_more(number)
        data = escape(self.more_path(number + 1))
        if self.axes.more == "link":
            plain = self.link(self.page_path(number + 1))
            return (
                f'<div class="load-more"><a class="btn-more" href="{plain}" '
                f'data-ajax="{data}">Зареди още</a></div>'
            )
        return (
            f'<div class="load-more"><button type="button" class="btn-more" data-url="{data}">'
            "Зареди още</button></div>\n<script>document.querySelector('.btn-more')"
            ".addEventListener('click', e => fetch(e.target.dataset.url).then(r => r.text())"
            ".then(h => e.target.parentNode.outerHTML = h));</script>"
        )

    def pager(self, number: int, last: int) -> str:
        axes = self.axes
        if last == 1:
            return ""
        if axes.more != "none":
            return self.more(number, last)
        if axes.pager_ui != "links":
            return self.pager_control(number, last)
        links: list[str] = []
        nxt, prv = (
            ("Напред", "Назад") if axes.pager_words == "napred" else ("Следваща »", "« Предишна")
        )
        if axes.pager_link == "older":  # a blog theme's two text links, no numbers
            nxt, prv = "« По-стари публикации", "По-нови публикации »"
        words = axes.pager_words != "numbers"
        spelled = axes.pager_end == "dup1"

        def to(n: int) -> str:
            return self.link(self.page_path(n, spelled))

        if words and number > 1:
            links.append(f'<a class="prev" href="{to(number - 1)}">{prv}</a>')
        if axes.pager_words in ("numbers", "both") and axes.pager_link != "older":
            # (``Axes.pager_link`` "jump": the first, the last and the current's neighbours)
            shown = [
                n
                for n in range(1, last + 1)
                if axes.pager_link != "jump" or n in (1, last) or abs(n - number) <= 1
            ]
            for before, n in zip([0, *shown], shown, strict=False):
                if n - before > 1:
                    links.append('<span class="dots">…</span>')
                links.append(
                    f'<span class="current">{n}</span>'
                    if n == number
                    else f'<a href="{to(n)}">{n}</a>'
                )
        if words and number < last:
            links.append(f'<a class="next" href="{to(number + 1)}">{nxt}</a>')
        elif words and axes.pager_end.startswith("past"):
            links.append(f'<a class="next" href="{to(number + 1)}">{nxt}</a>')  # past the end
            self.site.roles["past_end"] = self.page_path(number + 1)
        elif words and axes.last_self:
            links.append(f'<a class="next" href="{to(number)}">{nxt}</a>')
        return '<div class="pagination">\n' + "\n".join(links) + "\n</div>"

    def pager_control(self, number: int, last: int) -> str:
        """A pager that is no links (``Axes.pager_ui``): a ``<select>`` whose script goes
        to the chosen page's address, or a GET form of the page's number."""
        if self.axes.pager_ui == "select":
            spelled = self.axes.pager_end == "dup1"
            options = "\n".join(
                f'<option value="{self.link(self.page_path(n, spelled))}"'
                f"{' selected' if n == number else ''}>{n}</option>"
                for n in range(1, last + 1)
            )
            return (
                '<div class="pagination"><label>Страница <select name="page" '
                f'onchange="location=this.value">\n{options}\n</select> от {last}</label></div>'
            )
        return (
            f'<form class="pagination" action="{self.link(self.list_path)}" method="get">'
            f'Страница <input type="number" name="page" value="{number}" min="1" max="{last}">'
            f' от {last} <button type="submit">Отиди</button></form>'
        )

    @property
    def listed(self) -> list[Article]:
        """The articles in the list's order (``Axes.order``): newest first, oldest first,
        or the oldest pinned above the newest."""
        if self.axes.order == "oldest":
            return self.articles[::-1]
        if self.axes.order == "pinned":
            return self.articles[-1:] + self.articles[:-1]
        return self.articles

    def twin_box(self) -> str:
        """The home page's box of the articles under a second category (``Axes.twin``)."""
        twins = [a for a in self.articles if self.is_twin(a)]
        if not twins:
            return ""
        items = "\n".join(
            f'<li><a href="{self.link(self.twin_path(a))}">{escape(a.title)}</a></li>'
            for a in twins
        )
        return f'<section class="category-box"><h2>Култура</h2>\n<ul>\n{items}\n</ul></section>\n'

    # the sixth axes' boxes and archive ------------------------------------------------------

    def popular_box(self) -> str:
        """The "Най-четени" box beside the list (``Axes.popular``): mostly older news, by
        a count of views no crawler needs."""
        if not self.axes.popular:
            return ""
        items = "\n".join(
            f'<li><a href="{self.article_href(a, via="popular")}">{escape(a.title)}</a> '
            f'<span class="views">{100 + (a.number * 73) % 900} прегледа</span></li>'
            for a in self.popular_articles()
        )
        inner = f"<h3>Най-четени</h3>\n<ol>\n{items}\n</ol>"
        if self.axes.box_tag == "section":  # (a theme's strip in the main column)
            return f'<section class="most-read">{inner}</section>'
        if self.axes.box_tag == "widget":  # (a page builder's widget after the list)
            return f'<div class="widget popular-posts">{inner}</div>'
        return f'<aside class="widget popular-posts">{inner}</aside>'

    def popular_articles(self) -> list[Article]:
        """The articles the "Най-четени" box shows now, in its order (none without the
        box): the most viewed but the newest, the views a stand-in, as a site's ranking
        is to a crawler (the nights' bound counts those new to the box, ``night_bound``)."""
        if not self.axes.popular:
            return []
        pool = sorted(self.articles[1:], key=lambda a: (a.number * 37) % 11)
        return pool[: self.axes.popular]

    def with_popular(self, heading: str, rest: str) -> str:
        """A list page's main column, its heading then ``rest``, with the "Най-четени"
        box where ``Axes.box_tag`` puts it: above the list (``section``), or after."""
        if not self.axes.popular:
            return f"{heading}{rest}"
        if self.axes.box_tag == "section":
            return f"{heading}{self.popular_box()}\n{rest}"
        return f"{heading}{rest}\n{self.popular_box()}"

    def months(self) -> list[tuple[int, int]]:
        """The months the news were published in, newest first (``Axes.archive``)."""
        return sorted({(a.when.year, a.when.month) for a in self.articles}, reverse=True)

    def month_path(self, year: int, month: int) -> str:
        """A month archive's address: WordPress's ``/2026/11/``, a PHP list's
        ``?month=2026-11``, the others' ``/novini/arhiv/2026-11``."""
        if self.axes.cms == "wordpress":
            return f"/{year}/{month:02d}/"
        if self.axes.cms == "php":
            return f"{self.list_path}?month={year}-{month:02d}"
        return f"{self.list_path.rstrip('/')}/arhiv/{year}-{month:02d}"

    def archive_nav(self) -> str:
        """What leads from a list page to the months: a box of them, or a link to the
        page listing them (``Axes.archive``)."""
        if self.axes.archive == "box":
            items = "\n".join(
                f'<li><a href="{self.link(self.month_path(y, m))}">'
                f"{MONTHS[m].capitalize()} {y}</a></li>"
                for y, m in self.months()
            )
            return (
                f'<aside class="widget widget_archive"><h3>Архив</h3>\n<ul>\n{items}\n</ul></aside>'
            )
        index = self.link(self.other_path("arhiv"))
        return f'<p class="archive-link"><a href="{index}">Архив на новините »</a></p>'

    def archive_pages(self, heading: str) -> None:
        """The month archive's pages (every month's news, no pager) and its index."""
        axes = self.axes
        for year, month in self.months():
            chunk = [a for a in self.articles if (a.when.year, a.when.month) == (year, month)]
            shown = f"{heading} – {MONTHS[month]} {year}"
            main = self.with_popular(
                f"<h1>{escape(shown)}</h1>\n", f"{self.cards(chunk)}\n{self.archive_nav()}"
            )
            self.add(self.month_path(year, month), self.page(f"{shown} – {self.name}", main))
        if axes.archive == "index":
            count = Counter((a.when.year, a.when.month) for a in self.articles)
            items = "\n".join(
                f'<li><a href="{self.link(self.month_path(y, m))}">{MONTHS[m].capitalize()} '
                f"{y}</a> ({count[y, m]})</li>"
                for y, m in self.months()
            )
            main = f'<h1>Архив на новините</h1>\n<ul class="archive-months">\n{items}\n</ul>'
            self.add(self.other_path("arhiv"), self.page(f"Архив – {self.name}", main))

    def listing_pages(self) -> None:
        axes = self.axes
        per = len(self.articles) if axes.pager == "none" else axes.per_page
        listed = self.listed
        chunks = [listed[i : i + per] for i in range(0, len(listed), per)]
        if axes.archive != "none":  # the newest page alone, the older news by month
            chunks = chunks[:1]
        heading = self.name if axes.news_at == "home" else axes.label
        for number, chunk in enumerate(chunks, 1):
            intro = ""
            if axes.news_at == "home" and number == 1:
                intro = f"<p>Добре дошли на официалния сайт на {escape(self.name)}.</p>\n"
            rest = f"{self.cards(chunk)}\n{self.pager(number, len(chunks))}"
            if axes.archive != "none":
                rest += "\n" + self.archive_nav()
            main = self.with_popular(f"<h1>{escape(heading)}</h1>\n{intro}", rest)
            if axes.news_at == "home" and number == 1:
                main += "\n" + self.twin_box()
            title = heading if number == 1 else f"{heading} – страница {number}"
            if axes.news_at != "home":
                title += f" – {self.name}"
            self.add(self.page_path(number), self.page(title, main))
            if axes.more.startswith("json") and number > 1:  # what the script fetches
                json_page = self.json_page(chunk, number, len(chunks))
                self.site.files[self.json_file(number)] = json_page
            elif axes.more != "none" and number > 1:  # what the button's script fetches
                fragment = f"{self.cards(chunk)}\n{self.more(number, len(chunks))}\n"
                self.add(self.more_path(number), fragment)
            if number == 1 and axes.pager_end == "dup1" and len(chunks) > 1:
                self.add(self.page_path(1, spelled=True), self.page(title, main))
        if len(chunks) > 1:  # (the list's later pages, by number: ``Site.roles`` "pages")
            later = range(2, len(chunks) + 1)
            self.site.roles["pages"] = " ".join(self.page_path(n) for n in later)
        if axes.more.startswith("json") and len(chunks) > 1:  # the script's last ask
            end = self.json_page([], len(chunks) + 1, len(chunks))
            self.site.files[self.json_file(len(chunks) + 1)] = end
            if axes.more.startswith("json-list"):  # (a bare list: asked till it is empty)
                self.site.roles["past_end"] = self.json_path(len(chunks) + 1)
        if axes.archive != "none":
            self.archive_pages(heading)
        if axes.pager_end == "past-empty" and len(chunks) > 1:
            # a CMS answering a page past the end with the list's frame and no items
            main = f"<h1>{escape(heading)}</h1>\n<p>Няма публикации.</p>"
            self.add(self.page_path(len(chunks) + 1), self.page(f"{heading} – {self.name}", main))
        if self.press:
            subs = [(axes.label, self.list_path), ("Фотогалерия", self.other_path("galeriya"))]
            items = "\n".join(f'<li><a href="{self.link(p)}">{escape(t)}</a></li>' for t, p in subs)
            main = f'<h1>Пресцентър</h1>\n<ul class="subpages">\n{items}\n</ul>'
            self.add(self.other_path("prestsentar"), self.page(f"Пресцентър – {self.name}", main))
            photos = "\n".join(
                f'<a href="/uploads/galeriya/{n}.jpg"><img src="/uploads/galeriya/{n}-150x150.jpg"'
                f' alt="Снимка {n}"></a>'
                for n in range(1, 7)
            )
            main = f'<h1>Фотогалерия</h1>\n<div class="gallery">\n{photos}\n</div>'
            self.add(self.other_path("galeriya"), self.page(f"Фотогалерия – {self.name}", main))

    def home(self) -> None:
        if self.axes.news_at == "home":
            return
        box = ""
        if self.axes.home_box:
            items = "\n".join(
                f'<li><a href="{self.article_href(a, via="home")}">{escape(a.title)}</a></li>'
                for a in self.articles[:3]
            )
            box = (
                f'<section class="latest"><h2>Последни новини</h2>\n<ul>\n{items}\n</ul>\n'
                f'<a href="{self.link(self.list_path)}">Всички новини</a></section>\n'
            )
        main = (
            f"<h1>{escape(self.name)}</h1>\n<p>Добре дошли на официалния сайт на "
            f"{escape(self.name)}. Тук ще намерите информация за услугите на общината.</p>\n{box}"
            f"{self.twin_box()}"
        )
        self.add("/", self.page(self.name, main))

    # the article page --------------------------------------------------------------------

    def article_page(self, article: Article) -> None:
        axes, when = self.axes, article.when
        day = day_text(when.date(), axes.day_form)
        year = " г." if axes.day_form in ("plain", "roman") else ""  # ("г." written already)
        head, meta, moment = "", [], stamp(when, axes.clock)
        if axes.date_at == "meta":
            head += f'<meta property="article:published_time" content="{moment}">\n'
        if axes.date_at == "jsonld":
            data = {
                "@context": "https://schema.org", "@type": "NewsArticle",
                "headline": article.title, "datePublished": moment,
                "publisher": {"@type": "Organization", "name": self.name},
            }  # fmt: skip
            if article.author:
                data["author"] = {"@type": "Person", "name": article.author}
            head += (
                '<script type="application/ld+json">'
                + json.dumps(data, ensure_ascii=False)
                + "</script>\n"
            )
        if axes.date_at == "time":
            meta.append(f'<time class="entry-date" datetime="{moment}">{day}</time>')
        if axes.date_at == "visible":
            meta.append(f'<span class="published">Публикувано на {day}{year}</span>')
        if axes.date_at == "stamp":
            meta.append(f'<span class="date">{day}{year}, {when:%H:%M} ч.</span>')
        if axes.date_at == "label":
            shown = f"{when.day}.{when.month}.{when.year}" if axes.day_form == "plain" else day
            meta.append(f'<span class="date">Дата: {shown}</span>')
        info = ""
        if axes.date_at == "row":  # a hand-written CMS's table of the item's facts
            info = (
                '<table class="news-info">\n<tr><td>Дата на публикуване:</td>'
                f"<td>{day}</td></tr>\n<tr><td>Категория:</td><td>{escape(axes.label)}</td>"
                "</tr>\n</table>\n"
            )
        url = self.url(article.path)
        if axes.canonical == "amp":
            head += f'<link rel="amphtml" href="{self.link(self.amp_path(article))}">\n'
            self.amp_page(article, url)
        if article.author:
            byline = (
                f"Автор: {article.author}" if axes.byline == "avtor" else f"От {article.author}"
            )
            meta.append(f'<span class="byline">{escape(byline)}</span>')
        title = self.title_html(article.title)
        heading = (
            ""
            if axes.title_at == "title"
            else f'<{axes.title_at} class="entry-title">{title}</{axes.title_at}>\n'
        )  # noqa: E501
        share = ""
        if axes.share:
            share = (
                f'<div class="share"><span>{SHARE}:</span> '
                '<a href="https://www.facebook.com/sharer/sharer.php">Facebook</a> '
                '<a href="https://twitter.com/intent/tweet">X</a></div>\n'
            )
        related = ""
        if axes.related:
            others = [a for a in self.articles if a is not article][:3]
            items = "\n".join(
                f'<li><a href="{self.article_href(a, via="related")}">{escape(a.title)}</a></li>'
                for a in others
            )
            related = f'<aside class="related"><h3>Виж още</h3>\n<ul>\n{items}\n</ul></aside>\n'
        crumbs, tools, comments, latest = self.article_furniture(article)
        wrapper = {
            "wordpress": "post type-post status-publish", "joomla": "item-page",
            "drupal": "node node--type-article node--view-mode-full", "php": "news",
            "builder": "w-post",
        }[axes.cms]  # fmt: skip
        english = "/en/"
        if axes.english != "none":
            english = self.english_path(article)
        if axes.english == "hreflang":
            head += (
                f'<link rel="alternate" hreflang="bg" href="{escape(url)}">\n'
                '<link rel="alternate" hreflang="en" '
                f'href="{escape(self.url(self.english_path(article)))}">\n'
            )
        separator = " | " if axes.typography else " – "
        page_title = f"{title}{separator}{escape(self.name)}"
        # a long article over two pages (``Axes.split``): its first paragraphs, then the
        # rest on page 2, each page linking the other ("Страници: 1 2")
        parts = [(article.path, article.paragraphs)]
        if self.is_split(article):
            second = self.second_page(article)
            parts = [(article.path, article.paragraphs[:-1]), (second, article.paragraphs[-1:])]
        for number, (path, paragraphs) in enumerate(parts, 1):
            own = head + self.canonical_head(article, path)
            pages = ""
            if len(parts) > 1:
                links = " ".join(
                    f'<span class="current">{n}</span>'
                    if n == number
                    else f'<a class="post-page-numbers" href="{self.link(p)}">{n}</a>'
                    for n, (p, _) in enumerate(parts, 1)
                )
                pages = f'<div class="page-links">Страници: {links}</div>\n'
            body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
            main = (
                f'{crumbs}<article class="{wrapper}">\n{heading}'
                + (f'<div class="entry-meta">{" | ".join(meta)}</div>\n' if meta else "")
                + f'{info}<div class="entry-content">\n{body}\n</div>\n{pages}{tools}{share}'
                + f"</article>\n{comments}{related}{latest}"
            )
            self.add(path, self.page("", main, own, english, title_html=page_title))
        if self.is_twin(article):  # the same page under a second category's address
            own = head
            if axes.twin == "canonical":
                own += f'<link rel="canonical" href="{escape(url)}">\n'
            body = "\n".join(f"<p>{escape(p)}</p>" for p in article.paragraphs)
            main = (
                f'<article class="{wrapper}">\n{heading}'
                + (f'<div class="entry-meta">{" | ".join(meta)}</div>\n' if meta else "")
                + f'{info}<div class="entry-content">\n{body}\n</div>\n{share}</article>\n'
            )
            self.add(self.twin_path(article), self.page("", main, own, title_html=page_title))
        if "print" in axes.furniture:  # the print version: the article in a bare frame
            body = "\n".join(f"<p>{escape(p)}</p>" for p in article.paragraphs)
            shown = "" if axes.date_at == "url" else f"<p>{day}</p>\n"
            bare = (
                f'<!DOCTYPE html>\n<html lang="bg">\n<head>\n<meta charset="utf-8">\n'
                f'<title>{title}</title>\n<meta name="robots" content="noindex">\n</head>\n'
                f'<body onload="window.print()">\n<h1>{title}</h1>\n{shown}{body}\n'
                "</body>\n</html>\n"
            )
            self.add(self.print_path(article), bare)
        row: dict[str, object] = {
            "url": url,
            "title": article.title,
            "published": f"{when:%Y-%m-%d}",
            "author": article.author,
            "text": "\n".join(article.paragraphs),
            "must_contain": article.paragraphs,
        }
        if self.is_twin(article):  # its second address: the same article
            row["aliases"] = [self.url(self.twin_path(article))]
        self.site.expected.append(row)

    def canonical_head(self, article: Article, path: str) -> str:
        """The canonical link of the page at ``path`` (an article's, or its page 2's,
        naming itself as a paginated post's pages do), as ``Axes.canonical`` spells it."""
        canonical = self.axes.canonical
        if canonical in ("self", "amp"):
            return f'<link rel="canonical" href="{escape(self.url(path))}">\n'
        if canonical == "other":  # the host's other spelling, which redirects here
            return f'<link rel="canonical" href="{escape(self.url(path, self.other_origin))}">\n'
        if canonical == "http":  # a template written before the site went https
            http = self.origin.replace("https:", "http:", 1)
            return f'<link rel="canonical" href="{escape(self.url(path, http))}">\n'
        return ""

    # the fourth axes' addresses and spellings ----------------------------------------------

    def is_split(self, article: Article) -> bool:
        # (by its number, 500 for the newest of the first night: every other one, the
        # same ones whatever is published after it, ``composed_nights``)
        return self.axes.split and article.number % 2 == 0

    def second_page(self, article: Article) -> str:
        """A split article's page 2: WordPress's ``/slug/2/``, the others' ``?page=2``."""
        if article.path.endswith("/"):
            return f"{article.path}2/"
        return article.path + ("&" if "?" in article.path else "?") + "page=2"

    def is_twin(self, article: Article) -> bool:
        return self.axes.twin != "none" and article.number % 3 == 1

    def twin_path(self, article: Article) -> str:
        return self.other_path(f"kultura/{article.slug}")

    def old_path(self, article: Article) -> str:
        """The address an older CMS gave the article, which the server sends on (301)."""
        n = article.number
        return {
            "wordpress": f"/?p={n}",
            "joomla": f"/index.php?option=com_content&view=article&id={n}",
            "drupal": f"/node/{n}",
            "php": f"/index.php?mod=news&id={n}",
            "builder": f"/index.php?id={n}",
        }[self.axes.cms]

    def article_href(self, article: Article, card: bool = False, via: str = "") -> str:
        """A link to ``article`` (from a card, or the box ``via`` beside another page):
        its old address where ``Axes.moved`` says so; from a card, spelled with the
        trailing slash toggled (``Axes.spelling``); from a box, with tracking parameters
        (``Axes.tracking``)."""
        axes = self.axes
        if axes.moved == "old-all" or (axes.moved == "old-ids" and not card):
            return self.link(self.old_path(article))
        if card and axes.spelling == "slash" and "?" not in article.path:
            return self.link(self.other_spelling(article))
        if via and axes.tracking == "boxes":
            return self.link(self.track(article, self.box_tracking(article, via)))
        return self.link(article.path)

    def other_spelling(self, article: Article) -> str:
        """``article``'s address with its trailing slash toggled, as a theme's cards spell
        it: the server sends it on (301) to the article's own."""
        path = article.path
        return path.removesuffix("/") if path.endswith("/") else path + "/"

    def box_tracking(self, article: Article, via: str) -> str:
        """The parameters a box's link to ``article`` carries: a marketing plugin's
        ``utm_…``, or (the home page's box, pasted from a shared post) ``fbclid``."""
        if via == "home" and article.number % 2:
            return f"fbclid=IwAR{article.number:04d}x9Qm7kLpZ2vTn_aE3cW8rB"
        return f"utm_source=obshtina&utm_medium={via}&utm_campaign=vizh-oshte"

    def track(self, article: Article, params: str) -> str:
        """``article``'s address with ``params`` added, answered with its page
        (``tracked``), as a server ignoring them answers."""
        path = article.path + ("&" if "?" in article.path else "?") + params
        self.tracked[path] = article.path
        return path

    @property
    def list_link_path(self) -> str:
        """The menu's link to the news list: its address, or (``Axes.moved`` "slash")
        that address without its trailing slash or with one, sent on to it."""
        path = self.list_path
        if self.axes.moved != "slash" or path == "/" or path.endswith(".php"):
            return path
        return path.rstrip("/") if path.endswith("/") else path + "/"

    def title_html(self, title: str) -> str:
        """A title as the page's markup writes it: escaped, or (``Axes.typography``)
        with its quotes as entities and a no-break space after a one-letter word."""
        shown = escape(title, quote=False)
        if not self.axes.typography:
            return escape(title)
        shown = shown.replace("„", "&bdquo;").replace("“", "&ldquo;")
        return re.sub(r"(?<=\s)([вкосиуВКОСИУ]) ", r"\1&nbsp;", shown)

    def english_path(self, article: Article) -> str:
        return self.other_path(f"en/news/{article.slug}")

    def english_pages(self) -> None:
        """The English copy of every article and the English home page listing them
        (``Axes.english``): translations, which a Bulgarian archive does not keep."""
        if self.axes.english == "none":
            return
        latin = self.origin.partition("://")[2].removeprefix("www.").removesuffix(".bg")
        town = latin.capitalize()
        items = []
        for number, article in enumerate(self.articles):
            path, when = self.english_path(article), article.when
            title = f"{town}: municipal news no. {len(self.articles) - number}"
            items.append(f'<li><a href="{self.link(path)}">{title}</a> {when:%d.%m.%Y}</li>')
            head = ""
            if self.axes.english == "hreflang":
                original = escape(self.url(article.path))
                head = (
                    f'<link rel="alternate" hreflang="bg" href="{original}">\n'
                    f'<link rel="alternate" hreflang="en" href="{escape(self.url(path))}">\n'
                )
            body = "\n".join(f"<p>{text}</p>" for text in EN_TEXTS)
            self.add(
                path,
                f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
                f"<title>{title} – Municipality of {town}</title>\n{head}</head>\n<body>\n"
                f'<header><a href="{self.link("/en/")}">Municipality of {town}</a> '
                f'<a href="{self.link(article.path)}" lang="bg">BG</a></header>\n'
                f'<main>\n<article>\n<h1>{title}</h1>\n<p class="date">'
                f"{EN_MONTHS[when.month]} {when.day}, {when.year}</p>\n{body}\n</article>\n"
                "</main>\n</body>\n</html>\n",
            )
        self.add(
            "/en/",
            f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f"<title>Municipality of {town}</title>\n</head>\n<body>\n"
            f'<header><a href="{self.link("/")}" lang="bg">BG</a></header>\n'
            f"<main>\n<h1>Municipality of {town}</h1>\n<h2>News</h2>\n<ul>\n"
            + "\n".join(items)
            + "\n</ul>\n</main>\n</body>\n</html>\n",
        )

    def print_path(self, article: Article) -> str:
        """The print version's address (``Axes.print_at``)."""
        if self.axes.print_at == "path":
            return f"/print/{article.number}"
        if self.axes.print_at == "joomla":
            return (
                f"/index.php?option=com_content&view=article&id={article.number}"
                "&tmpl=component&print=1"
            )
        return article.path + ("&" if "?" in article.path else "?") + "print=1"

    def amp_path(self, article: Article) -> str:
        return "/amp" + article.path

    def amp_page(self, article: Article, url: str) -> None:
        """The AMP copy of the article, naming the article as its canonical address."""
        when = article.when
        body = "\n".join(f"<p>{escape(p)}</p>" for p in article.paragraphs)
        shown = "" if self.axes.date_at == "url" else f"<p>{when:%d.%m.%Y}</p>\n"
        self.add(
            self.amp_path(article),
            f'<!DOCTYPE html>\n<html amp lang="bg">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{escape(article.title)}</title>\n"
            f'<link rel="canonical" href="{escape(url)}">\n'
            + (
                ""
                if self.axes.date_at == "url"
                else '<meta property="article:published_time" '
                f'content="{stamp(when, self.axes.clock)}">\n'
            )
            + "<style amp-boilerplate>body{visibility:hidden}</style>\n</head>\n<body>\n"
            f'<header><a href="{self.link("/")}">{escape(self.name)}</a></header>\n'
            f"<article><h1>{escape(article.title)}</h1>\n{shown}{body}\n"
            "</article>\n</body>\n</html>\n",
        )

    def article_furniture(self, article: Article) -> tuple[str, str, str, str]:
        """The breadcrumb, the print and e-mail links, the comments and the sidebar of
        the newest news an article page may carry (``Axes.furniture``)."""
        furniture, title = self.axes.furniture, escape(article.title)
        crumbs = tools = comments = latest = ""
        if "breadcrumb" in furniture:
            crumbs = (
                f'<nav class="breadcrumb"><a href="{self.link(self.home_path)}">Начало</a> » '
                f'<a href="{self.link(self.list_path)}">{escape(self.axes.label)}</a> » '
                f"<span>{title}</span></nav>\n"
            )
        if "print" in furniture:
            tools = (
                f'<div class="tools"><a href="{self.link(self.print_path(article))}" '
                f'rel="nofollow">{PRINT}</a> '
                f'<a href="mailto:?subject={quote(article.title)}">Изпрати на приятел</a></div>\n'
            )
        if "comments" in furniture:
            said = article.when + dt.timedelta(days=1, hours=3)
            comments = (
                '<section id="comments" class="comments">\n<h3>Коментари (1)</h3>\n'
                '<div class="comment"><span class="comment-author">Иван Петров</span> '
                f'<span class="comment-date">{said:%d.%m.%Y %H:%M}</span>\n<p>{COMMENT}</p></div>\n'
                '<form class="comment-form" method="post" action="/komentar">'
                '<h3>Напишете коментар</h3><label>Име <input name="name"></label>'
                '<textarea name="text"></textarea><button type="submit">Изпрати</button></form>\n'
                "</section>\n"
            )
        if "latest" in furniture:
            others = [a for a in self.articles if a is not article][:5]
            items = "\n".join(
                f'<li><span class="date">{a.when:%d.%m.%Y}</span> '
                f'<a href="{self.article_href(a, via="latest")}">{escape(a.title)}</a></li>'
                for a in others
            )
            latest = (
                f'<aside class="sidebar widget"><h3>Последни новини</h3>\n<ul>\n{items}\n'
                "</ul></aside>\n"
            )
        return crumbs, tools, comments, latest

    # what is not news --------------------------------------------------------------------

    def non_news_pages(self) -> list[str]:
        """The pages beside the news (their paths: a sitemap of everything lists them)."""
        paths = [self.other_path("za-obshtinata"), self.other_path("kontakti")]
        about = "<p>Общината обхваща града и дванадесет села в подножието на планината.</p>"
        self.add(
            paths[0], self.page(f"За общината – {self.name}", f"<h1>За общината</h1>\n{about}")
        )
        self.add(paths[1], self.page(f"Контакти – {self.name}", "<h1>Контакти</h1>\n"
                 "<p>Адрес: площад „Свобода“ 1. Телефон: 0888 123 456.</p>"))  # fmt: skip
        axes = self.axes
        if "events" in axes.non_news:
            rows = []
            for title, slug, text, day in self.events:
                path = self.other_path(f"kalendar/{slug}")
                rows.append(f'<li><span class="date">{day:%d.%m.%Y}</span> '
                            f'<a href="{path}">{escape(title)}</a></li>')  # fmt: skip
                main = (f"<h1>{escape(title)}</h1>\n<p class=\"when\">Дата: {day:%d.%m.%Y}, "
                        f"18:00 ч.</p>\n<p>{escape(text)}</p>")  # fmt: skip
                self.add(path, self.page(f"{title} – {self.name}", main))
                paths.append(path)
            main = (
                '<h1>Календар на събитията</h1>\n<ul class="events">\n'
                + "\n".join(rows)
                + "\n</ul>"
            )  # noqa: E501
            self.add(self.other_path("kalendar"), self.page(f"Календар – {self.name}", main))
            paths.append(self.other_path("kalendar"))
        if "notices" in axes.non_news:
            rows = []
            for title, slug, text, day in self.notices:
                path = self.other_path(f"obyavi/{slug}")
                rows.append(f'<li><span class="date">{day:%d.%m.%Y}</span> '
                            f'<a href="{path}">{escape(title)}</a></li>')  # fmt: skip
                main = (f"<h1>{escape(title)}</h1>\n<p class=\"date\">{day:%d.%m.%Y}</p>\n"
                        f"<p>{escape(text)}</p>")  # fmt: skip
                self.add(path, self.page(f"{title} – {self.name}", main))
                paths.append(path)
                # a municipality's notices are its news (``discover.not_news``: "Обяви"
                # under a menu entry of their own are crawled as a section of news)
                self.site.expected.append({
                    "url": self.origin + path, "title": title, "published": f"{day:%Y-%m-%d}",
                    "author": None, "text": text, "must_contain": [text],
                })  # fmt: skip
            main = '<h1>Обяви</h1>\n<ul class="notices">\n' + "\n".join(rows) + "\n</ul>"
            self.add(self.other_path("obyavi"), self.page(f"Обяви – {self.name}", main))
            paths.append(self.other_path("obyavi"))
        if "tenders" in axes.non_news:
            rows = []
            for number, (title, slug) in enumerate(TENDERS, 1):
                day = self.today - dt.timedelta(days=9 * number)
                pdf = f"/uploads/porachki/{slug}.pdf"
                self.site.files[file_for(pdf)] = b"%PDF-1.4\n% composed\n"
                rows.append(f"<tr><td>{number}/{day:%Y}</td><td>{escape(title)}</td>"
                            f"<td>{day:%d.%m.%Y}</td><td>Открита</td>"
                            f'<td><a href="{pdf}">Документация (PDF)</a></td></tr>')  # fmt: skip
            main = ("<h1>Обществени поръчки</h1>\n<table class=\"tenders\">\n<tr><th>№</th>"
                    "<th>Предмет</th><th>Дата</th><th>Статус</th><th></th></tr>\n"
                    + "\n".join(rows) + "\n</table>")  # fmt: skip
            self.add(
                self.other_path("porachki"), self.page(f"Обществени поръчки – {self.name}", main)
            )  # noqa: E501
            paths.append(self.other_path("porachki"))
        if "documents" in axes.non_news:
            rows = []
            for number, (title, slug) in enumerate(DOCUMENTS, 1):
                day = self.today - dt.timedelta(days=40 * number)
                pdf = f"/uploads/dokumenti/{slug}.pdf"
                self.site.files[file_for(pdf)] = b"%PDF-1.4\n% composed\n"
                rows.append(f'<li><a href="{pdf}">{escape(title)}</a> (PDF, {120 * number} KB), '
                            f"обн. {day:%d.%m.%Y}</li>")  # fmt: skip
            main = '<h1>Документи</h1>\n<ul class="documents">\n' + "\n".join(rows) + "\n</ul>"
            self.add(self.other_path("dokumenti"), self.page(f"Документи – {self.name}", main))
            paths.append(self.other_path("dokumenti"))
        return paths

    # feeds and sitemaps ------------------------------------------------------------------

    def feed(self) -> None:
        """The feed of the newest ten, and (``Axes.feeds`` "page") the page of feeds
        naming it, beside a feed of the notices where the site keeps them."""
        axes = self.axes
        if not axes.feed:
            return
        of_notices = axes.feed_of == "notices"
        items = self.notice_items() if of_notices else self.news_items()
        self.write_feed(self.feed_path, items[:10], "Обяви" if of_notices else "Новини")
        if axes.feeds != "page":
            return
        named = [("Новини", self.feed_path)]
        if "notices" in axes.non_news:
            named.append(("Обяви", "/rss/obyavi.xml"))
            self.write_feed("/rss/obyavi.xml", self.notice_items()[:10], "Обяви", "Обяви")
        rows = "".join(f'<li><a href="{path}">{about}</a></li>' for about, path in named)
        main = f'<h1>RSS емисии</h1>\n<ul class="feeds">{rows}</ul>'
        self.add(self.other_path("rss-emisii"), self.page(f"RSS емисии – {self.name}", main))

    def write_feed(
        self,
        path: str,
        newest: list[tuple[str, str, str, dt.datetime, str]],
        about: str,
        subtitle: str = "Новини",
    ) -> None:
        """A feed at ``path`` of ``newest``: RSS, its channel described as ``about``, or
        Atom (``Axes.atom``), its subtitle ``subtitle``; its links with a plugin's
        ``utm_…`` (``Axes.tracking`` "feed"), its dates per ``Axes.clock``."""
        axes = self.axes
        if axes.atom:
            entries = "\n".join(
                f"<entry><title>{escape(title)}</title>"
                f'<link rel="alternate" type="text/html" href="{escape(link)}"/>'
                f"<id>{escape(guid)}</id>"
                f"<published>{stamp(when, axes.clock)}</published>"
                f"<updated>{stamp(when, axes.clock)}</updated>"
                f"<summary>{escape(summary)}</summary></entry>"
                for title, link, guid, when, summary in newest
            )
            xml = (
                '<?xml version="1.0" encoding="UTF-8"?>\n'
                '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="bg">\n'
                f"<title>{escape(self.name)}</title><subtitle>{subtitle}</subtitle>"
                f'<link rel="alternate" type="text/html" href="{self.origin}/"/>'
                f'<link rel="self" href="{escape(self.url(path))}"/>'
                f"<id>{self.origin}/</id><updated>{stamp(newest[0][3], axes.clock)}</updated>\n"
                f"{entries}\n</feed>\n"
            )
        else:
            items = "\n".join(
                f"<item><title>{escape(title)}</title><link>{escape(link)}</link>"
                f"<guid>{escape(guid)}</guid>"
                f"<pubDate>{feed_date(when, axes.clock)}</pubDate>"
                f"<description>{escape(summary)}</description></item>"
                for title, link, guid, when, summary in newest
            )
            xml = (
                '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>\n'
                f"<title>{escape(self.name)}</title><link>{self.origin}/</link>"
                f"<description>{about}</description><language>bg</language>\n{items}\n"
                "</channel></rss>\n"
            )
        base, _, query = path.partition("?")
        suffix = f"@{query}" if query else ""
        if base.endswith("/"):
            name = f"{base.lstrip('/')}index{suffix}.xml"
        else:
            name = f"{base.lstrip('/').removesuffix('.xml')}{suffix}.xml"
        if axes.sent != "meta":  # (``Axes.sent``: the site's feed in windows-1251 too)
            encoded = xml.replace('encoding="UTF-8"', 'encoding="windows-1251"', 1)
            self.site.files[name] = encoded.encode("cp1251", "xmlcharrefreplace")
            return
        self.site.files[name] = xml

    def news_items(self) -> list[tuple[str, str, str, dt.datetime, str]]:
        """The feed's items of the news, newest first: (title, link, guid, moment,
        summary), the link with a plugin's ``utm_…`` (``Axes.tracking`` "feed")."""
        tracked = self.axes.tracking == "feed"
        return [
            (
                a.title,
                self.url(
                    self.track(a, f"utm_source=rss&utm_medium=rss&utm_campaign={a.slug}")
                    if tracked
                    else a.path
                ),
                self.url(a.path),
                a.when,
                a.paragraphs[0],
            )
            for a in self.articles[:10]
        ]

    def notice_items(self) -> list[tuple[str, str, str, dt.datetime, str]]:
        """The feed's items of the notices alone (``Axes.feed_of`` "notices"), newest
        first, each at 9:00 of its day: the news are in no feed."""
        notices = sorted(self.notices, key=lambda n: n[3], reverse=True)
        return [
            (
                title,
                self.url(self.other_path(f"obyavi/{slug}")),
                self.url(self.other_path(f"obyavi/{slug}")),
                dt.datetime.combine(day, dt.time(9, 0)),
                text,
            )
            for title, slug, text, day in notices
        ]

    def sitemap(self, others: list[str]) -> list[str]:
        """robots.txt's Sitemap lines (none without a sitemap): WordPress's index of its
        maps, or one ``/sitemap.xml``; or (``Axes.sitemap_form``) that one gzipped, a
        Google News sitemap of the news beside it, or a Yoast index of two maps, its
        children's ``lastmod`` written; days as ``Axes.clock`` writes moments."""
        axes = self.axes
        if axes.sitemap == "none":
            return []
        form, clock, files = axes.sitemap_form, axes.clock, self.site.files

        def urlset(entries: list[tuple[str, str]]) -> str:
            urls = "\n".join(
                f"<url><loc>{escape(self.url(p))}</loc>"
                + (f"<lastmod>{day}</lastmod>" if day else "")
                + "</url>"
                for p, day in entries
            )
            return (
                '<?xml version="1.0" encoding="UTF-8"?>\n'
                '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
                f"{urls}\n</urlset>\n"
            )

        def index(maps: list[str], lastmod: str = "") -> str:
            entries = "\n".join(
                f"<sitemap><loc>{self.origin}{m}</loc>"
                + (f"<lastmod>{lastmod}</lastmod>" if lastmod else "")
                + "</sitemap>"
                for m in maps
            )
            return (
                '<?xml version="1.0" encoding="UTF-8"?>\n'
                '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
                f"{entries}\n</sitemapindex>\n"
            )

        def news_map() -> str:
            urls = "\n".join(
                f"<url><loc>{escape(self.url(a.path))}</loc><news:news><news:publication>"
                f"<news:name>{escape(self.name)}</news:name><news:language>bg</news:language>"
                f"</news:publication><news:publication_date>{stamp(a.when, clock)}"
                f"</news:publication_date><news:title>{escape(a.title)}</news:title>"
                "</news:news></url>"
                for a in self.articles
            )
            return (
                '<?xml version="1.0" encoding="UTF-8"?>\n'
                '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n'
                f"{urls}\n</urlset>\n"
            )

        def day_of(when: dt.datetime) -> str:
            return f"{when:%Y-%m-%d}" if clock == "local" else stamp(when, clock)

        news = [(a.path, day_of(a.when)) for a in self.articles]
        rest = [(p, "") for p in others] if axes.sitemap == "all" else []
        newest = day_of(self.articles[0].when)
        lines = []
        if form == "news":  # (Yoast News SEO's on WordPress, beside the core's maps)
            name = "news-sitemap.xml" if axes.cms == "wordpress" else "sitemap-news.xml"
            files[name] = news_map()
            lines.append(f"{self.origin}/{name}")
            if axes.cms != "wordpress":
                if rest:
                    files["sitemap.xml"] = urlset(rest)
                    lines.append(f"{self.origin}/sitemap.xml")
                return lines
        if axes.cms == "wordpress":
            maps = ["/wp-sitemap-posts-post-1.xml"] + (
                ["/wp-sitemap-posts-page-1.xml"] if rest else []
            )
            files["wp-sitemap-posts-post-1.xml"] = urlset(news)
            if rest:
                files["wp-sitemap-posts-page-1.xml"] = urlset(rest)
            files["wp-sitemap.xml"] = index(maps, newest if form == "index" else "")
            return [*lines, f"{self.origin}/wp-sitemap.xml"]
        if form == "index":
            maps = ["/post-sitemap.xml"] + (["/page-sitemap.xml"] if rest else [])
            files["post-sitemap.xml"] = urlset(news)
            if rest:
                files["page-sitemap.xml"] = urlset(rest)
            files["sitemap_index.xml"] = index(maps, newest)
            return [f"{self.origin}/sitemap_index.xml"]
        if form == "gzip":
            files["sitemap.xml.gz"] = gzip.compress(urlset(news + rest).encode(), mtime=0)
            return [f"{self.origin}/sitemap.xml.gz"]
        files["sitemap.xml"] = urlset(news + rest)
        return [f"{self.origin}/sitemap.xml"]

    def add(self, path: str, html: str) -> None:
        """Serve ``html`` at ``path``: a whole page with its links spelled as the site
        spells them relative (``Axes.relative``) and in its charset (``Axes.charset``);
        a fragment a script inserts as written (root-relative, UTF-8)."""
        sent_1251 = self.axes.sent in ("1251-header", "header-only")
        if not html.startswith("<!DOCTYPE"):  # (in the header's charset, when it states one)
            body = html.encode("cp1251", "xmlcharrefreplace") if sent_1251 else html
            self.site.files[file_for(path)] = body
            return
        if self.axes.tracking == "session":  # before relative: PHP rewrites the template's
            html = SESSION_HREF.sub(
                lambda m: f'{m[1]}{m[2]}{"&amp;" if "?" in m[2] else "?"}{SESSION}"', html
            )
        mode = self.axes.relative
        if mode != "none":
            html = HREF.sub(lambda m: f'href="{self.relative_href(m[1], path)}"', html)
        if mode.startswith("base"):
            base = f"{self.origin}/" if mode == "base-root" else self.base_folder
            html = html.replace("</title>\n", f'</title>\n<base href="{escape(base)}">\n', 1)
        if self.axes.charset != "utf-8":
            html = html.replace(
                '<meta charset="utf-8">' + ("\n" if self.axes.sent == "header-only" else ""),
                ""
                if self.axes.sent == "header-only"
                else '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
                1,
            )
            self.site.files[file_for(path)] = html.encode("cp1251", "xmlcharrefreplace")
            return
        self.site.files[file_for(path)] = html

    @property
    def base_folder(self) -> str:
        """A folder ``<base href>``: the articles' first folder (``/novini/``), or the root."""
        head, sep, _ = self.articles[0].path.lstrip("/").partition("/")
        return f"/{head}/" if sep else "/"

    def relative_href(self, target: str, here: str) -> str:
        """Root-relative ``target`` as a page at ``here`` links it (``Axes.relative``):
        from the page's folder (``x``, ``./x``, ``../x``, ``?page=2`` alone), or from
        its ``<base href>`` (the root, or ``base_folder``), where the page's own address
        counts for nothing."""
        mode = self.axes.relative
        path, mark, query = target.partition("?")
        tail = f"?{query}" if mark else ""
        if mode.startswith("base"):
            folder = "/" if mode == "base-root" else self.base_folder
        else:
            here_path = here.partition("?")[0]
            if path == here_path and tail:
                return tail  # the same page's other query: ``?page=2``
            folder = here_path[: here_path.rindex("/") + 1]
        relative = posixpath.relpath(path, folder) if path != folder else "."
        if path.endswith("/") and relative != ".":
            relative += "/"
        if relative == ".":
            relative = "./"
        elif mode == "dots" and not relative.startswith("../"):
            relative = "./" + relative
        return relative + tail

    def compose(self) -> Site:
        self.home()
        self.listing_pages()
        for article in self.articles:
            self.article_page(article)
        others = self.non_news_pages()
        self.english_pages()
        self.feed()
        lines = self.sitemap(others)
        robots = "User-agent: *\nDisallow: /admin/\n"
        if self.axes.crawl_delay:
            robots += f"Crawl-delay: {self.axes.crawl_delay}\n"
        if self.axes.robots:  # the print versions and the search, kept from crawlers
            robots += "Disallow: /print/\nDisallow: /search\n"
            form = (
                '<h1>Търсене</h1>\n<form action="/search" method="get"><input name="q">'
                '<button type="submit">Търси</button></form>\n<p>Въведете дума за търсене.</p>'
            )
            self.add("/search", self.page(f"Търсене – {self.name}", form))
        robots += "\n" + "".join(f"Sitemap: {line}\n" for line in lines) if lines else ""
        self.site.files["robots.txt"] = robots
        self.site.mirror = {"content_types": {".pdf": "application/pdf"}}
        if self.axes.sent != "meta":  # what the server's header says of every page
            said = "utf-8" if self.axes.sent == "utf8-header" else "windows-1251"
            self.site.mirror["content_types"][".html"] = f"text/html; charset={said}"
        moves = {}
        if self.axes.moved in ("old-ids", "old-all"):
            moves = {self.old_path(a): self.url(a.path) for a in self.articles}
        if self.list_link_path != self.list_path:
            moves[self.list_link_path] = self.url(self.list_path)
        moves.update(self.fifth_spellings())
        if moves:
            self.site.mirror["moved"] = moves
        if self.axes.links == "www" or self.axes.canonical in ("other", "http"):
            self.site.mirror["origin"] = self.origin  # the other spellings redirected here
        if self.axes.tracking == "session":  # a fresh session id in every answer's links
            self.site.mirror["cache_buster"] = {
                "parameter": "PHPSESSID", "placeholder": "{{sid}}", "value": "hex"
            }  # fmt: skip
        self.site.name, self.site.origin = self.name, self.origin
        roles = self.site.roles
        roles["list"] = self.list_path
        if self.axes.archive != "none":  # (the oldest month's page: the list's last)
            roles["page2"] = self.month_path(*self.months()[-1])
        elif self.axes.pager != "none" and len(self.articles) > self.axes.per_page:
            roles["page2"] = self.page_path(2)
        if self.axes.feed:
            roles["feed"] = self.feed_path
        maps = [name for name in self.site.files if "sitemap" in name]
        if maps:
            roles["sitemap"] = " ".join(f"/{name}" for name in sorted(maps))
        return self.site

    def fifth_spellings(self) -> dict[str, str]:
        """The addresses the fifth axes spell beside a page's own: the tracked ones
        (``tracked``) and the home page's ``/index.php`` answered with its page; the
        moves (301) of the cards' other spelling and of WordPress's ``/index.php``."""
        files, moves = self.site.files, {}
        for tracked, path in self.tracked.items():
            files[file_for(tracked)] = files[file_for(path)]
        if self.axes.spelling == "slash":
            for article in self.articles:
                if "?" not in article.path:
                    other = quote(self.other_spelling(article), safe="/?=&%-._~")
                    moves[other] = self.url(article.path)
        if self.axes.spelling == "index" and self.axes.cms == "wordpress":
            moves["/index.php"] = self.origin + "/"
        elif self.axes.spelling == "index":  # (the home's pages, ``/?page=2`` too)
            for name in [n for n in files if n == "index.html" or n.startswith("index@")]:
                files["index.php" + name.removeprefix("index")] = files[name]
        return moves


def site_today() -> dt.date:
    """Today on Sofia's clock, the clock the crawler counts a card's "вчера" and "преди 2
    дни" from (``site_clock``): the day a site is composed from by default. The machine's
    own day (UTC here) is the day before from 22:00 (21:00 in summer) to midnight, when
    every relative date a site printed was read a day later than composed. Read from this
    process's clock: a mode whose crawls run in processes of their own (``--cut``,
    ``--faults``, ``--nights``), which keep the real clock, is tested on the real clock
    too (``real_clock``), not the snapshot's day the tests' clock is set to."""
    return on_site_clock(dt.datetime.now(dt.UTC)).date()


def compose(seed: int, today: dt.date | None = None, axes: Axes | None = None) -> Site:
    """The site seed ``seed`` composes, dated from ``today`` (``site_today``); ``axes``:
    other variants than the seed's (a failing seed reduced to the few that fail, its
    words the same). ``Axes.shift``: the site without its newest news, which lands once
    the list's first page has been answered (the mirror's ``next_night_after``: its
    pages, feed and sitemap as ``_night2/``), so the list's page 2 read after it repeats
    page 1's last card; the truth is the site with it."""
    today = today or site_today()
    site = Composer(seed, today, axes).compose()
    if not site.axes.shift:
        return site
    early = Composer(seed, today, axes, held=1).compose()
    later = {name: body for name, body in site.files.items() if early.files.get(name) != body}
    early.files.update({f"_night2/{name}": body for name, body in later.items()})
    early.files["_night2/_mirror.json"] = json.dumps(site.mirror, indent=2)
    early.mirror["next_night_after"] = early.roles["list"]
    early.expected = site.expected
    return early
