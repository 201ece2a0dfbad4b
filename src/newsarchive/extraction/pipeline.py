"""Orchestrate extraction: metadata first, then the profile's rules, then generic fallbacks.

Each field records which rule produced it (``Article.rules``) so ``check-site`` can show a
user when a profile selector has drifted and the generic rule took over.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import islice
from typing import TypeVar

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsarchive import date_words, dates
from newsarchive.discover.anchors import link_reader
from newsarchive.discover.urls import from_site_root, path_relative, url_key
from newsarchive.extraction import (
    access,
    authors,
    bylines,
    clean,
    content,
    gallery_text,
    mojibake,
    page_data,
    page_kind,
    profile_check,
    set_apart,
    shell,
    titles,
    translations,
    writer_box,
)
from newsarchive.extraction.blocks import CELL_SEPARATOR
from newsarchive.extraction.disclosure import is_editorial_note, is_paid_disclosure
from newsarchive.extraction.furniture import (
    HEADLINE_BOX_LEVELS,
    NearTitle,
    Reader,
    headlines_box,
    in_furniture,
    in_furniture_for,
    is_post,
    visible_text,
)
from newsarchive.extraction.links import absolute, host_and_path
from newsarchive.extraction.live_blog import entry_stamp, live_blog_stamps
from newsarchive.extraction.metadata import Metadata, read_page
from newsarchive.extraction.published import (
    DatePick,
    body_text,
    on_readers_clock,
    pick_dates,
    readers_clock,
    stated_in_scripts,
)
from newsarchive.extraction.text_language import article_language, has_letter_bulgarian_lacks
from newsarchive.fetch.charset import decode_html
from newsarchive.markup import page_tree
from newsarchive.models import Article, Profile

_GENERIC = Profile(id="generic", name="generic", origin="http://localhost")
_MIN_BODY_CHARS = 80
_MAX_LINK_DENSITY = 0.5
T = TypeVar("T")
_NO_DATES: tuple[DatePick | None, DatePick | None] = (None, None)
_NO_TAGS: tuple[str, ...] = ()


@dataclass
class _Field:
    value: str
    rule: str


def extract(
    html: str | bytes,
    url: str | None = None,
    *,
    profile: Profile | None = None,
    today: dt.date | None = None,
    tree: LexborHTMLParser | None = None,
) -> Article:
    """Extract one article. Never raises: at worst an Article with empty text.

    ``today``: the fetch moment (zone-aware, as the crawl, a WARC and the archive record
    it), which relative dates count back from ("преди 3 часа" on Sofia's clock: ``dates``),
    or the day alone where that is all a caller knows; no date after it is taken.

    ``tree``: ``page_tree(html)``, when the caller has parsed the page to read it
    otherwise too (the crawl: ``harvest.judge``), so that it is not parsed twice. The
    rules change it where ``changes_tree`` says: a reader that needs the page as fetched
    reads it before, or parses the page again.

    Two isolation points, because the generic rules meet markup nobody tested them on:
    a field whose rules fail on a page costs that field only (``rules[field]`` and
    ``rules["error"]`` name it), and whatever else fails costs the page
    (``rules["error"] == "page"``). Either way one bad page must not stop a crawl.
    A page that is no article though answered with 200 (a site's "not found" page, a bot
    wall) says so in ``rules["kind"]`` (``page_kind``), for the crawl to archive nothing.
    """
    try:
        return _extract(html, url, profile or _GENERIC, today, tree)
    except Exception:
        return Article(url=url, site=profile.id if profile else None, rules={"error": "page"})


def changes_tree(profile: Profile | None) -> bool:
    """Whether ``extract`` under ``profile`` may change the tree it reads: a profile's
    drop selectors and the junk and furniture inside its body selector's element are
    decomposed (``_pick_body``). The generic rules only read: they skip what they do not
    want while walking."""
    return profile is not None and bool(profile.drop_selectors or profile.body_selectors)


def _extract(
    html: str | bytes,
    url: str | None,
    profile: Profile,
    today: dt.date | None,
    tree: LexborHTMLParser | None,
) -> Article:
    if isinstance(html, bytes):
        html, _ = decode_html(html)
    if tree is None:
        tree = page_tree(html)
    # The title picker and the headline's windows start at the h1s; the tag rule may read
    # the tag links: found with the metadata.
    meta, h1s, tag_links = read_page(tree)
    rules: dict[str, str] = {}

    failed: list[str] = []
    title = _guarded(
        lambda: _pick_title(tree, meta, profile, url or "", h1s),
        _Field("", "error"),
        "title",
        failed,
    )
    rules["title"] = title.rule
    # (read while the tree still holds the page's menus: ``headline_above_body`` below
    # has the first word, and needs the whole title for it)
    shorter = (
        _guarded(lambda: titles.without_navigation(title.value, tree), title.value, "title", failed)
        if title.rule == "generic:title"
        else title.value
    )
    near = NearTitle(tree, h1s, titles.title_forms(title.value))
    published, modified, author = _pick_near(tree, near, meta, profile, today, url, rules, failed)
    tags = _guarded(
        lambda: _pick_tags(
            tree,
            meta,
            profile,
            tag_links=tag_links,
            h1s=h1s,
            headline=title.value,
            html=html,
            url=url or "",
        ),
        _NO_TAGS,
        "tags",
        failed,
    )

    # What the page states of its access, else its offer lines: read before a profile's
    # rules may remove the offer's box from the tree (``changes_tree``)
    told = access.stated_access(meta)
    offers: list[str] = []
    if told is None:
        lang = meta.lang
        offers = _guarded(lambda: access.offer_lines(tree, html, lang), offers, "access", failed)
    extra = _compiled(profile.drop_patterns)
    # (the elements the metadata listed, only where no profile rule may remove some)
    listed = None if changes_tree(profile) else meta
    boxes: list[LexborNode] = []  # (the generic walk's furniture opening with a tag label)
    paragraphs, rules["text"] = _pick_body(tree, profile, listed, boxes)
    if not tags and boxes and "tags" not in failed:
        # no metadata, link or label in Cyrillic told the post's tags: a label in another
        # language, in a box the walk skipped (``blocks.Walker.tag_label_boxes``)
        tags = _guarded(lambda: _labelled_tags_in(boxes), _NO_TAGS, "tags", failed)
    if rules["text"].startswith("generic"):  # (a text a framework ships in its data only)
        read = paragraphs
        scripts = listed.page_data if listed is not None else None
        paragraphs = _guarded(
            lambda: page_data.text_in_page_data(tree, title.value, read, scripts),
            read,
            "text",
            failed,
        )
        if sum(map(len, paragraphs)) < _MIN_BODY_CHARS and (
            in_jsonld := _guarded(
                lambda: page_data.text_in_jsonld(meta.jsonld_bodies, title.value),
                list[str](),
                "text",
                failed,
            )
        ):
            # (an empty shell a script fills: the text only the JSON-LD states)
            paragraphs, rules["text"] = in_jsonld, "generic:jsonld-articleBody"
        shown = paragraphs
        paragraphs = _guarded(
            lambda: gallery_text.with_gallery_captions(tree, shown), shown, "text", failed
        )
    if changes_tree(profile):
        # (the nodes listed before a profile's rules removed some are read again from the
        # tree as it is: a removed one is freed, and a box the profile dropped, its date
        # or its h1, is no part of the page the rules below read; and the furniture
        # verdicts on them are dropped)
        meta.times, h1s = None, tree.tags("h1")
        near.forget()
    paragraphs = writer_box.without_credit_box(clean.without_press_contact(paragraphs))
    paragraphs = _without_boilerplate_lines(paragraphs, extra)
    paragraphs = translations.without_translation(paragraphs)  # an English copy under it
    # (an agency's dateline standing as the text's first paragraph, "Русе, 5 декември
    # /Мария Петрова, БТА/", leaves it as a date line would, and names the writer below)
    opening = paragraphs[0] if paragraphs else ""
    paragraphs = _trim_head(paragraphs, title.value, today, _clock_of(published))
    paragraphs = writer_box.without_writer_box(paragraphs, author.value)
    paragraphs, signed, office, signed_on = _trim_tail(
        paragraphs,
        author.value,
        title.value,
        lambda line: set_apart.whole_block(tree, line),
    )
    # No h1, og:title or JSON-LD headline; or a title that is the news section's name
    # ("Новини" over the article's own heading, in "Новини - Община Ветрен")
    section = title.rule.startswith("generic:") and _guarded(
        lambda: titles.is_news_section(tree, title.value), False, "title", failed
    )
    # or whose h1 names a section in other words, a link naming it too ("Позиции" over
    # "<h2>Становище на …</h2><p>Създадено: 30 Ноември 2026</p>")
    menu_section = (
        not section
        and title.rule == "generic:h1"
        and _guarded(lambda: titles.names_a_section(tree, title.value), False, "title", failed)
    )
    # or, on a page of no h1, an og:title that is the ``<title>`` word for word, neither
    # printed as the page's (``headline_above_body`` asks): one name for every page, a
    # site's settings', not its post's ("Туристически информационен център Примерово"
    # over an h3 headline)
    same_everywhere = (
        not h1s
        and title.rule == "generic:og:title"
        and " ".join(meta.og_title.split()) == " ".join(meta.html_title.split())
    )
    if (
        title.rule in ("generic:title", titles.SITE_NAME_RULE, "none")
        or section
        or menu_section
        or same_everywhere
    ):
        stated, lines = title.value, paragraphs
        page_url = url or ""
        above, start = _guarded(
            lambda: titles.headline_above_body(
                tree, lines, stated, page_url, dated_only=menu_section
            ),
            ("", 0),
            "title",
            failed,
        )
        if above:
            title = _Field(above, "generic:above-body")
            rules["title"] = title.rule
            paragraphs = _trim_head(paragraphs[start:], title.value, today)
            # The date and byline were looked for beside the stated title, which this page
            # does not print (or prints as a menu's "Новини"): they are beside the headline.
            near = NearTitle(tree, h1s, titles.title_forms(title.value))
            published, modified, author = _pick_near(
                tree, near, meta, profile, today, url, rules, failed
            )
        elif section:  # no heading over the text: what else the page states, if anything
            name, generic = title.value, profile is _GENERIC
            instead = _guarded(
                lambda: titles.instead_of_section(tree, meta, profile, url or "", name, generic),
                ("", "error"),
                "title",
                failed,
            )
            title = _Field(*instead)
            rules["title"] = title.rule
            paragraphs = _trim_head(paragraphs, title.value, today)
            near = NearTitle(tree, h1s, titles.title_forms(title.value))
            published, modified, author = _pick_near(
                tree, near, meta, profile, today, url, rules, failed
            )
        elif shorter != title.value:  # its names, as the page's links print them, cut
            title = _Field(shorter, title.rule)
            paragraphs = _trim_head(paragraphs, title.value, today)
            near = NearTitle(tree, h1s, titles.title_forms(title.value))
            published, modified, author = _pick_near(
                tree, near, meta, profile, today, url, rules, failed
            )
    at = 0  # the byline and the office's line over the text, in either order (in place)
    while at < len(paragraphs):
        if author.value and _byline_of(paragraphs[at], author.value):
            at += 1
        elif (
            author.value
            and len(paragraphs) > at + 1
            and (named := _two_line_byline_of(paragraphs[at], paragraphs[at + 1], author))
        ):
            at, author = at + 2, named  # "Автор:" over the name
        elif issuer := bylines.office_line(paragraphs[at]):
            at, office = at + 1, office or issuer
        else:
            break
    if at:  # (a date line under the byline: "By Earl Dunning" over "Thursday, December 4, 2026")
        paragraphs = _trim_head(paragraphs[at:], title.value, today, _clock_of(published))
    if rules["text"] == "generic" and (
        lead := _guarded(lambda: _standfirst(h1s, title.value, paragraphs), "", "text", failed)
    ):
        paragraphs = _with_standfirst(paragraphs, lead)
    if (
        not office
        and not signed
        and (not author.value or authors.names_nobody(author.value, author.rule, meta))
    ):
        office = _guarded(lambda: _office_by_headline(near), "", "author", failed)
    if signed_on and "published" not in failed and (published is None or published.guessed):
        # the day the text's signature gives, over none or a guess (a day the story tells)
        day = dates.parse_text_date(signed_on, today=today)
        if day is not None:
            published = DatePick(day, "generic:closing-signature", "text")
            rules["published"] = published.rule
    if (
        not signed
        and not author.value
        and paragraphs
        and "author" not in failed
        and (
            correspondent := bylines.dateline_byline(paragraphs[0])
            or bylines.dateline_byline(opening)
        )
    ):
        # the agency's dateline names its correspondent: "Русе, 12 март /Кореспондент на
        # БТА Мария Петрова/ - …", where no byline did
        author = _Field(correspondent, "generic:dateline")
        rules["author"] = author.rule
    if (
        signed
        and "author" not in failed
        and (
            not author.value
            or author.rule == authors.POSTED_ON_BY_RULE
            or authors.names_nobody(author.value, author.rule, meta)
        )
    ):
        # nothing by the headline named the writer, or only the site's own name did
        # ("Автор: Дунав Прес" over "Текст и снимки: Йордан Великов"); the line closing the
        # text did (the same "Публикувано на … от …" line, found anywhere, is this one
        # when it closes it)
        author = _Field(signed, "generic:closing-line")
        rules["author"] = author.rule
    elif (
        office
        and "author" not in failed
        and (not author.value or authors.names_nobody(author.value, author.rule, meta))
    ):
        # no person named anywhere: the office that issued the text (``bylines.office_line``),
        # before the site's own name or an Organization the author rules fell back on
        author = _Field(office, "generic:office-line")
        rules["author"] = author.rule
    if published is not None and published.source in ("text", "time"):
        published = _live_blog_start(published, paragraphs)
        rules["published"] = published.rule
    if failed:
        rules["error"] = ",".join(dict.fromkeys(failed))
    drift = [
        name
        for name in ("title", "published", "text")  # an author is often simply absent
        if _drifted(profile, name, rules[name])
    ]
    if drift:
        rules["drift"] = ",".join(drift)

    stated = _agreed(url or "", meta.canonicals) or meta.og_url or _back_to_article(tree)
    canonical = _canonical_absolute(url or "", stated, tree)
    fields = ("\n".join(paragraphs), title.value, author.value, *tags)
    repaired = tuple(mojibake.repair(value) for value in fields)
    if repaired != fields:
        rules["encoding"] = "repaired"
    text, headline, byline, *fixed_tags = repaired
    headline, dated = _without_date(headline, meta)
    if title.rule == "generic:h1":  # (the h1 as printed until here: matched on the page)
        generic = profile is _GENERIC
        headline = titles.title_cased(headline, meta, profile, generic=generic)
        headline = titles.typed_marks(headline, meta)
    if dated and published is None and "published" not in failed:
        value = dates.parse_text_date(dated, today=today)
        if value is not None:  # (not after ``today``: none of the page's dates is)
            published = DatePick(value, "generic:headline-date", "text")
            rules["published"] = published.rule
    tags = tuple(fixed_tags)
    own = (meta.og_site_name, "" if profile is _GENERIC else profile.name)
    kind = page_kind.page_kind(html, (headline, meta.html_title, meta.og_title), text, own)
    if not kind and _guarded(lambda: shell.is_script_shell(tree, text), False, "text", failed):
        kind = shell.SCRIPT_SHELL  # (its text, if any, the footer's: no article's)
    if kind:
        rules["kind"] = kind
    paid, rules["access"] = access.page_access(told, offers, text)
    if offers and paid == access.ACCESS_PAID:  # (the offer's own lines closing the text leave it)
        text = access.without_offer(text, offers)
    # (pure, never raises: ``text_language``'s counting of letters and words)
    language = article_language(text, (meta.lang, meta.og_locale, meta.content_language), headline)
    # (a Bulgarian page's stamps on Sofia's clock: the day its readers saw)
    if (on_clock := on_readers_clock(published, language)) is not published and on_clock:
        published, rules["published"] = on_clock, on_clock.rule
    if modified is not None:
        modified = replace(modified, value=readers_clock(modified.value, language))
    return Article(
        title=headline,
        text=text,
        published=published.value if published else None,
        date_source=published.source if published else "none",
        date_note=published.note if published else None,
        access=paid,
        language=language,
        published_other=published.other if published else None,
        modified=modified.value if modified else None,
        author=byline or None,
        url=url,
        canonical_url=canonical if canonical.startswith(("http://", "https://")) else None,
        tags=tags,
        site=None if profile is _GENERIC else profile.id,
        rules=rules,
    )


def _without_date(headline: str, meta: Metadata) -> tuple[str, str]:
    """The headline without the date its h1 prints ("03.03.2026 Заглавие",
    ``titles.without_date``) and that date, unless the page's stated title holds the
    date too: then it names the piece ("Newsletter (2025-09-21)", an issue by its day)."""
    bare, dated = titles.without_date(headline)
    stated = (meta.og_title, meta.html_title)
    if dated and any(dated.strip("()") in (title or "") for title in stated):
        return headline, ""
    return bare, dated


def _with_standfirst(paragraphs: list[str], lead: str) -> list[str]:
    """The text opening with the standfirst of the headline's box: put first when the
    text left it out; when the text holds it already, the date line right after it is
    the page's, from the box between the headline's and the text's ("14.05.2026")."""
    if lead not in paragraphs:
        return [lead, *paragraphs]
    if paragraphs[0] == lead and len(paragraphs) > 1 and bylines.is_bare_date(paragraphs[1]):
        return [lead, *paragraphs[2:]]
    return paragraphs


def _office_by_headline(near: NearTitle) -> str:
    """The office the byline box under the headline names (``bylines.office_in_box``),
    its lines read as the first window around the headline holds them whole: a theme's
    box the text leaves out ("Автор: Общинска администрация Русе | 12.03.2026")."""
    return bylines.office_in_box(near.first_lines)


# A headline, not a section's name ("Новини", "Контакти") over a listing or a page.
_HEADLINE_CHARS = 15


def _standfirst(h1s: list[LexborNode], title: str, paragraphs: list[str]) -> str:
    """The standfirst in the box of the h1 printing the chosen headline, when the generic
    text left it out (``content.standfirst_by_headline``); a boilerplate line is none.

    On Bulgarian pages any such lead: a Bulgarian news item's lead ("резюме") is its
    first paragraph, who did what and when, while an English or a Russian page's dek
    under its headline is a subtitle the benchmarks' truths leave out of the text (read
    on every page, it cost 45 WCXB dev pages body F1 and gained 11, and lost precision
    on AEB's one such Russian page). The other Cyrillic languages are told by the
    letters Bulgarian lacks (``text_language.has_letter_bulgarian_lacks``): a headline
    is too short for ``text_language``'s verdict. In any other language only a lead set
    wholly in bold (``set_apart.in_bold``, "<p class="teaser"><strong>Der VfB hat das
    Derby … gewonnen.</strong></p>"): the bold opening paragraph of the story, a match
    report's summary or a French "chapô", printed as the text's first lines, not a
    subtitle.
    """
    if len(title) < _HEADLINE_CHARS:
        return ""
    for h1 in h1s:
        if " ".join(h1.text_lexbor().split()) == title:
            box = h1.parent
            bulgarian = _in_bulgarian(title)
            if box is None or not bulgarian and not set_apart.bold_after(h1):
                return ""  # (no bold after the headline: no need to walk its box)
            lead = content.standfirst_by_headline(
                h1, paragraphs
            ) or content.standfirst_beside_headline(h1, paragraphs)
            if not lead or clean.is_boilerplate_line(lead):
                return ""
            if bulgarian and _in_bulgarian(lead):
                return lead
            return lead if set_apart.in_bold(box, lead) else ""
    return ""


def _in_bulgarian(text: str) -> bool:
    return _CYRILLIC.search(text) is not None and not has_letter_bulgarian_lacks(text)


def _agreed(url: str, hrefs: list[str]) -> str:
    """The canonical URL a page's canonical links name, when they all name one (in any
    spelling: ``url_key``); "" when they name different ones. Two disagreeing links are
    two plugins (a theme's default, an SEO plugin's) each sure of another address, and
    which comes first in the head says nothing of which is right: as search engines do,
    the page is taken to name none by them."""
    if len(hrefs) < 2:  # (one link agrees with itself: no key needed)
        return hrefs[0] if hrefs else ""
    first = url_key(absolute(url, hrefs[0]))
    if any(url_key(absolute(url, href)) != first for href in hrefs[1:]):
        return ""  # (at the first that differs: a hostile page may hold thousands)
    return hrefs[0]


# A page's link back to the article it is a copy of, its whole label: a print copy's
# "Към статията", "Обратно към статията", "Back to article" (at ``/print/1234`` or
# ``print.php?id=1234``, an address naming no original).
_BACK_TO_ARTICLE = re.compile(
    r"[\s«‹<←]*(?:(?:(?:обратно|назад|върни\s+се)\s+)?към\s+(?:статията|новината|публикацията)"
    r"|(?:back|return)\s+to\s+(?:the\s+)?(?:article|story|post)"
    r"|оригиналната\s+статия|original\s+article)[\s»›>→]*",
    re.IGNORECASE,
)
_BACK_LOOK = 40  # such a label's length, with its arrows and spaces
# The links a bare copy holds at most: a print layout has no menus, only the site's logo,
# the way back, its own print button. A page of a site's layout is no copy, and a card's
# "към новината →" in its sidebar leads to another article, not to its original.
_BARE_LINKS = 5


def _back_to_article(tree: LexborHTMLParser) -> str:
    """Where a bare page's (``_BARE_LINKS``) "Към статията" links lead, if they lead to
    one address (``_BACK_TO_ARTICLE``): a print copy names its original so, when its head
    names none (no canonical, no og:url), and is that article, archived under the
    original's address rather than as a second article at its own. Read only for a page
    whose head names no address of its own."""
    anchors = tree.css("a[href]")
    if len(anchors) > _BARE_LINKS:
        return ""
    found = ""
    for anchor in anchors:
        raw = anchor.text(deep=True) or ""
        if len(raw) > _BACK_LOOK or not _BACK_TO_ARTICLE.fullmatch(" ".join(raw.split())):
            continue
        href = (anchor.attributes.get("href") or "").strip()
        if found and href != found:
            return ""  # two originals: it names neither
        found = href
    return found


def _canonical_absolute(url: str, href: str, tree: LexborHTMLParser) -> str:
    """The canonical ``href`` as an address: read against the page's ``<base href>``, as
    a browser reads it, or else against the page's URL as the site means it
    (``urls.from_site_root``: ``novini/1480-x`` on ``/novini/1480-x`` from the site's
    root, as discovery reads the page's links). Read as written it names
    ``/novini/novini/1480-x``, an address the site never served, and every article
    would be archived under one such address of its own."""
    if not url or not href or not path_relative(href):
        return absolute(url, href)
    read = link_reader(tree, url)
    if not read.rooted:  # (its <base href>, joined as written: the canonical's spelling kept)
        return absolute(absolute(url, read.written) or url, href)
    return absolute(url, from_site_root(href, read.rooted))


def _guarded(pick: Callable[[], T], fallback: T, name: str, failed: list[str]) -> T:
    """``pick()``, or ``fallback`` with ``name`` added to ``failed`` when it raises: the
    field isolation point of ``extract``."""
    try:
        return pick()
    except Exception:
        failed.append(name)
        return fallback


@lru_cache(maxsize=64)
def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """A profile's drop patterns, compiled once per profile rather than once per page."""
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


def _without_boilerplate_lines(
    paragraphs: list[str], extra: tuple[re.Pattern[str], ...]
) -> list[str]:
    """The text without the page's boilerplate lines, but for a paid article's disclosure
    opening or closing it: the bare "Sponsored" or "Платена публикация" an ad slot also
    prints as its label goes among the paragraphs, yet as the text's first or last line
    it is what tells the reader the article was paid for (``disclosure``). A profile's
    own drop patterns still drop it."""
    last = len(paragraphs) - 1
    return [
        p
        for i, p in enumerate(paragraphs)
        if not clean.is_boilerplate_line(p, extra)
        or (i in (0, last) and is_paid_disclosure(p) and not any(rule.search(p) for rule in extra))
    ]


_FIELD_SELECTORS = {
    "title": "title_selectors",
    "published": "date_selectors",
    "author": "author_selectors",
    "text": "body_selectors",
}


def _drifted(profile: Profile, name: str, rule: str) -> bool:
    """The profile names selectors for this field, yet another rule had to supply it.

    A date found in structured data before the profile's selector was tried is not drift.
    """
    if not getattr(profile, _FIELD_SELECTORS[name]):
        return False
    if rule.endswith(_OVER_PROFILE):  # (checked against the page: ``_checked_profile_date``)
        return True
    if name == "published" and rule.startswith(("jsonld:", "meta:")):
        return False
    if name == "author" and rule.startswith("jsonld:"):
        return False
    return not rule.startswith("profile:")


def _live_blog_start(published: DatePick, paragraphs: list[str]) -> DatePick:
    """A live blog dated by the day alone, or by its newest update's minute, starts at its
    oldest update's (``live_blog.live_blog_stamps``)."""
    value = published.value
    if isinstance(value, dt.datetime) and value.time() == dt.time(0, 0):
        value = value.date()
    stamps = live_blog_stamps(paragraphs)
    if not stamps:
        return published
    if isinstance(value, dt.datetime):
        if value.time() != stamps[0]:
            return published
        value = value.date()
    zone = published.value.tzinfo if isinstance(published.value, dt.datetime) else None
    start = dt.datetime.combine(value, stamps[-1], tzinfo=zone)
    return replace(published, value=start, rule=f"{published.rule}:live-blog")


def _clock_of(published: DatePick | None) -> dt.time | None:
    """The time of day the date rules gave the article, if they gave one."""
    value = published.value if published else None
    return value.time() if isinstance(value, dt.datetime) else None


def _trim_head(
    paragraphs: list[str], title: str, today: dt.date | None = None, clock: dt.time | None = None
) -> list[str]:
    """Drop a repeated headline and a bare date line from the start of the body: an
    absolute one, or a relative one ("вчера, 10:32", "преди 3 часа") counted from
    ``today``, the fetch moment the date rules read it with too; and the date's time on
    a line of its own (``_time_of_date_line``; ``clock``: the time the article is dated
    at). And a line only crediting the outlet the text was taken from ("Източник: БТА",
    ``bylines.source_credit``), which some sites print over the text instead of under
    it: a credit there as much as at the close, where ``_trim_tail`` drops it. And the
    site's note on how it writes (``disclosure.is_editorial_note``), which the walk's
    edge trimming (``content.trim_edges``) left when the reviewer's credits over it were
    still lines of the text. (Not an affiliate note: one under a picture's credit, "Image
    by Kotn. This post contains some affiliate links …", opens a post on the dev pages
    whose truth keeps it.)"""
    at = _masthead_lines(paragraphs, title)
    if at < len(paragraphs) and _headline_tail(paragraphs[at], title):
        at += 1
    # (read in place, and cut once: a copy a line dropped made a page of 200,000 date
    # lines cost minutes, quadratic in its lines)
    while at < len(paragraphs):
        first = paragraphs[at]
        if _row_of_a_table(first, paragraphs, at):
            break
        if (
            _repeats_headline(first, title)
            or (
                (dates.is_date_line(first, today=today) or dates.is_yearless_date_line(first))
                and (not _tells_news(first) or bylines.is_labelled_date(first))
                and not _EVENT_FIELD.match(first)
            )
            or (
                _time_of_date_line(first, clock)
                and not entry_stamp(first, islice(paragraphs, at + 1, None))
            )
            or bylines.source_credit(first)
            or is_editorial_note(first)  # (at the edge once the credits over it went)
            or _dated_posted_by(first, today)
            or _dated_fields(first, today)
        ):
            at += 1
        else:
            break
    paragraphs = paragraphs[at:] if at else paragraphs
    if (
        paragraphs
        and (run_on := _RUN_ON_DATE.match(paragraphs[0]))
        and not (len(paragraphs) > 1 and _OPENS_WITH_DATE.match(paragraphs[1]))
    ):
        paragraphs = [paragraphs[0][run_on.end() :], *paragraphs[1:]]
    return paragraphs


def _row_of_a_table(line: str, paragraphs: list[str], at: int) -> bool:
    """``line`` (``paragraphs[at]``) is a data table's row over another of as many cells
    (``blocks.CELL_SEPARATOR``): a table of fields opening the text, its date first
    ("Дата: | 26.11.2026", "Alarmierung: | 29.11.2026, 18:52 Uhr" over "Einsatzort: |
    Oberried"), whose first row cut as the page's date line left the table without it."""
    cells = line.count(CELL_SEPARATOR)
    return (
        cells > 0 and at + 1 < len(paragraphs) and paragraphs[at + 1].count(CELL_SEPARATOR) == cells
    )


# A byline line's length at most: the label, a login or a name, a weekday, the date and
# time and a zone, a count of reads ("Публикувано от admin на Сряда, 18 Ноември 2026 @
# 14:05:12 EET (Прочетено 123 пъти)": 86 characters).
_BYLINE_CHARS = 120


def _dated_posted_by(line: str, today: dt.date | None) -> bool:
    """``line`` is a portal CMS's byline over the text, "Публикувано от <login> на <date>"
    (PHP-Nuke, e107, XOOPS): the label opens nothing else (``bylines.POSTED_BY``), and a
    login ("admin") is no name ``posted_by`` reads, so the line stayed on top of the
    text though its date was the article's. Only a line that holds a date."""
    return (
        len(line) <= _BYLINE_CHARS
        and bylines.POSTED_BY.match(line) is not None
        and dates.is_date_line(line, _BYLINE_CHARS, today=today)
    )


def _dated_fields(line: str, today: dt.date | None) -> bool:
    """``line`` is a row of the post's fields over its text, one of them its date
    (``clean.is_label_row``): a TV site's "Предаване: Добро утро · 04.12.2026 · Водещ:
    Ралица Минкова · Продължителност: 18:40 мин." under the headline of its video, which
    opened the text. A row of labels holding no date is left to the edges' rules."""
    return clean.is_label_row(line) and bool(dates.find_text_dates(line, today=today))


# What joins a time printed in an element of its own to its date's: "08:17 ч. |".
_TIME_MARKS = " |,/–-"


def _time_of_date_line(line: str, clock: dt.time | None) -> bool:
    """``line`` is a time alone ("08:17", "08:17 ч. |") and the very time the article is
    dated at (``clock``). A theme prints the date and the time in elements of their own
    (Elementor's post-info list, ``<li>27 ноември 2026</li><li>08:17</li>``), which the
    date rules join into one moment but the text read apart: the date's line dropped as
    one, the time's left on top of the article. A time alone that is not the article's
    is the text's: a programme's first hour; so is the article's time stamping a live
    blog's newest entry, over its update as the older entries' times are over theirs
    (``live_blog.entry_stamp``, asked by ``_trim_head``)."""
    time = dates.parse_clock(line.strip(_TIME_MARKS))
    return (
        time is not None
        and clock is not None
        and (time.hour, time.minute) == (clock.hour, clock.minute)
    )


# The date's line run on into the text's first sentence, no break between them: a
# numeric date (and time) before a capital ("12.03.2008 10:17 Общинският съвет …"),
# where a sentence that starts with its date goes on in small letters ("14.03.2026 г.
# се проведе …"). Not when the next paragraph opens with a date too: the text is a dated
# list ("12.03.2024 Заседание на Общинския съвет", "19.03.2024 Заседание …"), each
# item's date its own, the first's no less than the others'.
_NUMERIC_DATE = r"\d{1,2}[./]\d{1,2}[./]\d{4}"
_RUN_ON_DATE = re.compile(
    _NUMERIC_DATE + r"(?:\s*г\.)?(?:,?\s+\d{1,2}:\d{2}(?:\s*ч\.)?)?\s+(?=[A-ZА-Я])"
)
_OPENS_WITH_DATE = re.compile(_NUMERIC_DATE + r"(?!\d)")

# Lines a page may print over its headline in the text's own box: the site's or the
# section's name ("Община Белица", "Новини"), a kicker. Short, and not a sentence.
_MASTHEAD_LINES = 2
_MASTHEAD_WORDS = 6


def _masthead_lines(paragraphs: list[str], title: str) -> int:
    """How many lines stand over the repeated headline at the body's head: the site's
    name an old table layout prints in the same cell as the headline, the date and the
    text ("Община Белица", then the headline in ``<font size=4>``, the date, the
    paragraphs). Only short lines that are no sentence, and only when the headline
    follows them within ``_MASTHEAD_LINES``: the text's first sentence is never one."""
    for k, line in enumerate(paragraphs[: _MASTHEAD_LINES + 1]):
        if _repeats_headline(line, title):
            return k
        if len(line.split()) > _MASTHEAD_WORDS or _SENTENCE_END.search(line):
            break
    return 0


# Words of a sentence: lower-case, four letters or more (not "г.", "ч.", "by", "ago").
_SENTENCE_WORD = re.compile(r"(?<![\w.])[a-zа-яё]{4,}(?![\w.])")
# (three word characters, not "three or more": searched, both say the same of a line,
# and ``{3,}`` tried every start of a long word to its end: a 100,000-letter line took
# 144 s in ``_masthead_lines``)
_SENTENCE_END = re.compile(r"\w{3}[.!?…]$")
_JOINED_MARK = re.compile(r"\d[гч]\.$")


# A field of the event the text announces, opening a line that holds its day: "Кога: 25
# април 2026 г., 11:00 ч." over "Къде: Градски парк" is what the notice says, no date
# line of the page's (dropped as one, the notice lost its "when").
_EVENT_FIELD = re.compile(r"(?:Кога|Къде|Начало|Място|Срок|When|Where)\s*:", re.IGNORECASE)


def _tells_news(line: str) -> bool:
    """A short first line that holds a date but is the text's first sentence: "Днес в
    10:00 ч. започва сесията", "Преди 3 часа пожарът беше потушен.", "На 14 март 2026 г.
    се проведе среща." (dropped as date lines, the article lost its opening). Two words
    after the date's last digit ("започва сесията"), or a sentence's end, tell it; a
    date line ends in its date, its time ("10:32 ч."), or a place or name ("| Русе", "by
    admin"), and "преди 3 часа" has one word after its number."""
    last_digit = max((i for i, ch in enumerate(line) if ch.isdigit()), default=-1)
    after = line[last_digit + 1 :]
    if len(_SENTENCE_WORD.findall(after)) >= 2:
        return True
    # (a year's or an hour's mark run into its number, "02.12.2026г.", "10:30ч.", is the
    # date line's last word, not a sentence's: written apart, "2026 г.", it is none)
    return bool(_SENTENCE_END.search(line)) and not _JOINED_MARK.search(line)


def _byline_of(line: str, author: str) -> bool:
    """A labelled byline naming the article's author ("By Jane Doe", "От Мария Кирова"),
    where the text begins: the byline the author was read from, or its copy, not a line
    of the text. Unlabelled, a name alone could be the text's (an interview's speaker).
    The office the writer speaks for may follow the name ("Автор: Мария Колева,
    Пресцентър на Община Русе"): the line is the byline all the same."""
    line = bylines.without_office(line)
    if len(line) > 2 * len(author) + 20:
        return False
    name = bylines.clean_byline(line)
    return name != line and name.casefold() == author.casefold()


def _two_line_byline_of(label: str, line: str, author: _Field) -> _Field | None:
    """The author, when ``label`` alone over ``line`` is the byline naming them ("Автор:"
    over "Мария Колева", each a block of its own; "Автор" without its colon over the
    author as the page names them, as under the text, ``_trim_tail``); None for other
    lines. The window by the headline reads blocks as one line, so a name read there
    may have run on into the text's first words ("Мария Колева Община"): the text's own
    lines end it."""
    name = bylines.two_line_byline(label, line, author.value)
    if not name:
        return None
    if name.casefold() == author.value.casefold():
        return author
    if author.rule == "generic:text-near-title" and author.value.startswith(name + " "):
        return _Field(name, author.rule)
    return None


def _trim_tail(
    paragraphs: list[str],
    author: str = "",
    title: str = "",
    is_set_apart: Callable[[str], bool] | None = None,
) -> tuple[list[str], str, str, str]:
    """Drop a date line that closes the body ("Публикувана на 24.11.2026", "24.11.2026 г.",
    Joomla's "Последно обновяване ( Петък, 20 Ноември 2026 09:05 )"): where old sites
    print the date, under the text. A line naming more than the date (a letter's "София,
    12 ноември 2026 г.") stays, unless the more is who posted it ("Публикувано на 3 март
    2026 г. от Мария Кирова", "Posted on March 3, 2026 by Jane Doe"): that line is
    dropped too, and the name returned, for a page that names no writer by the headline.
    So is a line that is only a labelled byline ("Автор: Милена Стоянова", a template's
    last paragraph of the text), or its label and name on two lines ("Автор:" over
    "Милена Стоянова"; a label alone over any signature leaves with it): who wrote it,
    not what they wrote; not under verse
    (``bylines.after_verse``: a quoted poem's poet). And a line naming only the office
    that issued the text ("Източник: Пресцентър на Община Русе"), returned apart: a
    person's name wins over it; the office's name alone on the last line is its
    signature too (``bylines.office_signature``). A signature and the day after it
    ("Мария Колева, 12 март 2026 г.", ``bylines.dated_signature``), or over it on a
    line of its own (``bylines.signer``; a Latin name unmarked by a dash or "By" only
    when it is the ``author`` the page names elsewhere; not words the ``title`` or the
    text above names, a place's), is who and when, no text: dropped, its person or
    office returned, and the date as printed (last); with no signature, the date line
    the text closes on, the page's one date where nothing nearer the headline dates it
    (an old template's "14 март 2025, 10:32 ч." under the text), but not a change's.
    An editor's line ("Редактор: Иван Колев", ``bylines.editor_line``) leaves too, its
    name not returned: an editor is not the writer. An agency's unlabelled sign-off, a
    person and the agency they file for ("Мария Петрова, БТА",
    ``bylines.agency_signature``), is a signature too. A line only crediting the outlet
    the text was taken from ("Източник: БТА", ``bylines.source_credit``) leaves, naming
    nobody: a credit, as a picture's is. A person's name alone in capitals
    ("МАРИЯ ПЕТРОВА", ``bylines.capitals_signature``) signs the text too, and so does one
    in sentence case closing it set apart, a whole paragraph in bold or aligned right
    (``_set_apart_signature``; ``is_set_apart`` asks the page whether a line is).
    """
    signed = office = signed_on = closing = ""
    dated = ""  # the bare date on the line under this one, which this one may sign
    # The lines are read in place up to ``end``, and copied once at the close: a copy a
    # dropped line made a page ending in a thousand dates cost a million lines' copying.
    end = len(paragraphs)
    while end:
        last = paragraphs[end - 1]
        if bylines.editor_line(last):
            pass  # "Редактор: Иван Колев": who edited the text, none of it, not its writer
        elif bylines.is_bare_date(last):
            dated = last  # under the line above, which may sign it
            if not closing and not date_words.says_modified_word(dated):
                closing = dated  # the date the text closes on, unless it says "Обновена"
        else:
            above = _Above(title, paragraphs, end - 1)
            # (the page asked about the text's last line only, below a line of prose, or
            # about the line over the signature's office or credit lines, "Източник: …")
            asks_page = is_set_apart if end > 1 else None
            name, issuer, day = bylines.dated_signature(last, author, above)
            if dated and not name and not issuer and end > 1:
                # "Мария Колева" over "12.03.2026"
                name, issuer = bylines.signer(last, author, above)
                day = dated if name or issuer else ""
            signed_on = signed_on or day
            name = (
                name
                or bylines.signed_line(last)
                or (bylines.capitals_signature(last) if end > 1 else "")
                or (_set_apart_signature(paragraphs, end, author, asks_page) if asks_page else "")
                or _agency_signature(paragraphs, end - 1, author, above)
                or (
                    ""
                    if bylines.after_verse(_verse(paragraphs, end - 1))
                    else bylines.labelled_line(last)
                )
            )
            paired = False  # the line above is its label ("Автор:", or "Автор" over the author)
            if not name and end > 1 and not bylines.after_verse(_verse(paragraphs, end - 2)):
                name = bylines.two_line_byline(paragraphs[end - 2], last, author)  # "Автор:"
                paired = bool(name)
            issuer = "" if name else issuer or bylines.office_line(last)
            if not name and not issuer and end > 1:
                issuer = bylines.office_signature(last, paragraphs[end - 2])
            credit = not name and not issuer and bylines.source_credit(last)
            if not name and not issuer and not credit:
                break
            signed = signed or name
            office = office or issuer
            if not credit and end > 1 and (paired or bylines.label_alone(paragraphs[end - 2])):
                end -= 1  # the label over the signature too (the signature no bare date)
            dated = ""
        end -= 1
    kept = paragraphs if end == len(paragraphs) else paragraphs[:end]
    return kept, signed, office, signed_on or closing


def _set_apart_signature(
    lines: list[str], end: int, author: str, is_set_apart: Callable[[str], bool]
) -> str:
    """The writer the text's last line (of ``lines[:end]``, under it only what signs the
    text: "Източник: Община Примерово") names when it is a person's name alone under prose
    (``bylines.set_apart_signature``) and the page prints it set apart (``is_set_apart``: a
    paragraph wholly in bold or aligned right). The page is asked only about such a line:
    most texts close on a sentence, and are never looked up."""
    name = bylines.set_apart_signature(lines[end - 1], lines[end - 2], author)
    return name if name and is_set_apart(lines[end - 1]) else ""


def _agency_signature(lines: list[str], at: int, author: str, above: _Above) -> str:
    """The writer an agency's closing byline names (``bylines.agency_signature``, which
    takes no known party for an agency), but not on a list's last line: a report ending
    on the people elected, each with a group no vocabulary knows or their town ("Иван
    Колев (Бяла)" under "Мария Петрова (Русе)"), is names over names, the text, and none
    of them its writer."""
    name = bylines.agency_signature(lines[at], author, above)
    if name and at and bylines.agency_signature(lines[at - 1], author):
        return ""
    return name


class _Above:
    """The headline and the lines before ``stop``, where a signature's words are looked
    for (``bylines.signer``), read in place: iterable again and again, never copied."""

    __slots__ = ("lines", "stop", "title")

    def __init__(self, title: str, lines: list[str], stop: int) -> None:
        self.title, self.lines, self.stop = title, lines, stop

    def __iter__(self) -> Iterator[str]:
        yield self.title
        yield from islice(self.lines, self.stop)


def _verse(lines: list[str], stop: int) -> list[str]:
    """The lines before ``stop`` that ``bylines.after_verse`` reads: the last few only,
    not a copy of all."""
    return lines[max(0, stop - bylines.VERSE_LINES) : stop]


def _headline_tail(line: str, title: str) -> bool:
    """``line`` is the headline's last words, which a ``<br>`` in the h1 set on a line of
    their own ("<h1>Ремонт на улици<br>в центъра</h1>"): the body starts after the
    headline's first line, and "в центъра" opened the text. Two words at least: a word
    alone is as likely the text's first heading, "Problem" under "The Fold-and-Cut
    Problem" (WCXB dev 0406)."""
    return (
        bool(title)
        and len(line) < len(title)
        and len(line.split()) >= 2
        and title.endswith(" " + line)
    )


def _repeats_headline(line: str, title: str) -> bool:
    """The headline, alone or with what the title rules took off the h1: a label set
    apart before it ("Blog: …") or the date printed inside it ("Dec 18 2025 …"), or the
    date run on after it ("Ремонт на покрива 12.03.2008 10:17")."""
    if not title:
        return False
    if line.startswith(title) and line != title:
        # the date printed after it on the same line: the one-cell layouts' headline
        # in ``<font size=4>``, the date's ``<font size=1>`` run on without a break
        tail = line[len(title) :].strip()
        return bool(tail) and tail[0].isdigit() and dates.is_date_line(tail)
    if not line.endswith(title):
        return False
    head = line[: -len(title)].strip()
    if head.endswith(":"):
        return len(head.split()) <= titles.MAX_LABEL_WORDS
    return not head or dates.is_date_line(head)


def _first_text(
    tree: LexborHTMLParser, selectors: tuple[str, ...], *, skip_furniture: bool = False
) -> tuple[str, str]:
    for selector in selectors:
        try:
            nodes = tree.css(selector)
        except Exception:
            continue
        for node in nodes:
            if skip_furniture and in_furniture(node):
                continue
            text = visible_text(node)  # "Weekend<br>Coding" reads as two words
            if text:
                return text, selector
    return "", ""


def _pick_near(
    tree: LexborHTMLParser,
    near: NearTitle,
    meta: Metadata,
    profile: Profile,
    today: dt.date | None,
    url: str | None,
    rules: dict[str, str],
    failed: list[str],
) -> tuple[DatePick | None, DatePick | None, _Field]:
    """The dates and the author, which are looked for beside the headline (``near``)."""
    page_text = body_text(tree)  # both last resorts read it: at most once a page
    published, modified = _guarded(
        lambda: pick_dates(tree, near, meta, profile, today, url or "", page_text),
        _NO_DATES,
        "published",
        failed,
    )
    if (
        published is not None
        and published.rule.startswith("profile:")
        and "date" not in profile.verified_fields
        and "published" not in failed
    ):
        # a guess: checked against what the generic rules date the page by
        mine = published
        kept: tuple[DatePick | None, DatePick | None] = (mine, modified)
        published, modified = _guarded(
            lambda: _checked_profile_date(
                mine, modified, tree, near, meta, profile, today, url, page_text
            ),
            kept,
            "published",
            failed,
        )
    rules["published"] = (
        "error" if "published" in failed else published.rule if published else "none"
    )
    rules.pop("modified", None)
    if modified is not None:
        rules["modified"] = modified.rule
    author = _guarded(
        lambda: _pick_author(tree, near, meta, profile, url or "", page_text),
        _Field("", "error"),
        "author",
        failed,
    )
    rules["author"] = author.rule
    return published, modified, author


# How a date rule's name ends when its date replaced a guessed selector's that was not the
# page's publication (``profile_check.date_is_off``): drift, though structured data gave it.
_OVER_PROFILE = ":over-profile"


def _checked_profile_date(
    mine: DatePick,
    modified: DatePick | None,
    tree: LexborHTMLParser,
    near: NearTitle,
    meta: Metadata,
    profile: Profile,
    today: dt.date | None,
    url: str | None,
    page_text: Callable[[], str],
) -> tuple[DatePick | None, DatePick | None]:
    """The profile's date and the page's modified one, or the generic rules' pair where
    the profile's is not the page's publication (``profile_check.date_is_off``)."""
    # (structured data the rules read after a profile's selector: JSON-LD and meta tags,
    # read before it, have won already where the page has them)
    stated = stated_in_scripts(tree, meta, today)
    if stated is not None and profile_check.date_is_off(mine.value, stated.value, True, None):
        return replace(stated, rule=stated.rule + _OVER_PROFILE), modified
    bare = replace(profile, date_selectors=())
    theirs, changed = pick_dates(tree, near, meta, bare, today, url or "", page_text)
    if theirs is None or theirs.modified_only or theirs.guessed:
        return mine, modified
    told = theirs.source in ("jsonld", "meta")
    if not profile_check.date_is_off(
        mine.value, theirs.value, told, changed.value if changed else None
    ):
        return mine, modified
    return replace(theirs, rule=theirs.rule + _OVER_PROFILE), changed


def _pick_title(
    tree: LexborHTMLParser, meta: Metadata, profile: Profile, url: str, h1s: list[LexborNode]
) -> _Field:
    """The profile's title selector when it finds a headline, else the generic rules (also
    for a template's untranslated key in the selected element: "site.bta" is no headline)."""
    text, selector = _first_text(tree, profile.title_selectors, skip_furniture=True)
    value = titles.strip_site_affixes(text, profile.title_affixes) if text else ""
    mine = value and not clean.is_i18n_key(value)
    if mine and "title" in profile.verified_fields:
        return _Field(value, f"profile:{selector}")
    generic, rule = titles.generic_title(
        tree, meta, profile, url, h1s=h1s, generic=profile is _GENERIC
    )
    if mine:
        # a guess: kept unless the page states the generic headline and not the guess's
        names = (profile.name, meta.og_site_name)
        stated = [
            titles.strip_site_affixes(t, profile.title_affixes, names)
            for t in (meta.og_title, meta.html_title)
            if t
        ]
        if not profile_check.title_is_off(value, generic, stated):
            return _Field(value, f"profile:{selector}")
    return _Field(generic, rule)


def _pick_author(
    tree: LexborHTMLParser,
    near: NearTitle,
    meta: Metadata,
    profile: Profile,
    url: str,
    page_text: Callable[[], str],
) -> _Field:
    """The profile's selector text is read here (``_first_text`` serves the title too);
    the order of the sources and their reasons are in ``authors.pick_author``."""
    text, selector = _first_text(tree, profile.author_selectors, skip_furniture=True)
    sources = authors.Sources(tree, near, meta, url, text, selector, page_text)
    return _Field(*authors.pick_author(sources))


def _pick_tags(
    tree: LexborHTMLParser,
    meta: Metadata,
    profile: Profile,
    *,
    tag_links: list[LexborNode],
    h1s: list[LexborNode],
    headline: str,
    html: str,
    url: str,
) -> tuple[str, ...]:
    """``tag_links``: the page's ``rel="tag"`` links, and ``h1s`` its h1s (``read_page``);
    ``headline`` and ``html``, the source, say whether a tag line in Bulgarian words can be
    there (``_may_label_tags``); ``url``: the page's address (``_tag_page_links``)."""
    found: list[str] = []
    for selector in profile.tag_selectors:
        try:
            found += [" ".join((n.text(deep=True) or "").split()) for n in tree.css(selector)]
        except Exception:
            continue
    found += meta.jsonld_keywords + meta.meta_tags
    if not found:
        found = (
            _tag_links(tag_links)
            or (_labelled_tags(tree) if _may_label_tags(headline, html) else [])
            or _tag_page_links(h1s, url)
        )
    return tuple(dict.fromkeys(t for t in found if t))


_MAX_TAG_LINKS = 20
_MAX_TAG_CHARS = 50


def _tag_links(links: list[LexborNode]) -> list[str]:
    """The post's ``rel="tag"`` links outside furniture ("Етикети: Русе, Дунав"): the
    microformat WordPress and many themes print on a post's tags and categories, for a
    page whose metadata names none. A tag cloud in a sidebar is furniture; the post's own
    footer is not (Blogger's "Етикети:" in the "post-footer" of the post), as for its
    byline."""
    found = []
    verdicts: dict[int, bool] = {}  # (``in_furniture_for``'s memo for this walk)
    for link in links[: _MAX_TAG_LINKS * 2]:
        text = _tag_name(link.text_lexbor())
        if (
            text
            and len(text) <= _MAX_TAG_CHARS
            and not in_furniture_for(link, Reader.TAGS, verdicts)
        ):
            found.append(text)
    return found[:_MAX_TAG_LINKS]


def _tag_name(text: str) -> str:
    """A tag link's text, single-spaced, without the hash sign themes print before the
    name (Kadence's "<span class="tag-hash">#</span>музей"): the tag is "музей"."""
    name = " ".join(text.split())
    return name[1:].lstrip() if name.startswith("#") else name


# What a post's tag line opens with, as pages print it ("Етикети: Мартен, Дунав"), of
# ``clean.TAG_LABELS``, one vocabulary for the line as boilerplate and for the tags read
# from it; lexbor's "i" folds Latin only, so the Cyrillic words come in the cases pages
# print them. Looked for only where ``_may_label_tags`` says the page may print them (a
# label spelled in character references, "&#1045;тикети", is not looked for). The labels
# in Cyrillic alone, as that test reads pages of a Cyrillic headline only: a Latin "Tags"
# or "Tag" stands in the source of most pages ("Google Tag Manager"), where it would send
# a page to the search for no tag line, and no cheap sign of a Latin label in the source
# was found: a search for one opening a text node (">Tags:", "<span>Tags</span>") cost 3%
# of AEB's extraction even behind a look-ahead (one pass of ``in`` over a source is
# ~0.7%). A Latin label is read where the generic walk skipped a furniture box whose text
# opens with it (``_labelled_tags_in``), told by the text the walk reads anyway.
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_TAG_NAMES = tuple(name for name in clean.TAG_LABELS if _CYRILLIC.search(name))
_TAG_WORDS = tuple(cased(name) for name in _TAG_NAMES for cased in (str.capitalize, str.upper))
_SAYS_TAGS = ", ".join(f'*:lexbor-contains("{word}")' for word in _TAG_WORDS)
# The label alone in an element of its own, its colon there or not: the tags are the links
# of the box around it (tagDiv's "<ul class="td-tags"><li><span>Етикети</span></li><li><a
# …>", JNews's "<div class="jeg_post_tags"><span>Етикети:</span> <a …>").
_TAG_LABEL_ALONE = re.compile(rf"^(?:{'|'.join(clean.TAG_LABELS)})\s*:?$", re.IGNORECASE)
_LABEL_BOX_LEVELS = 2
# The elements of a box opening with a tag label looked at for the label (in document
# order, the box first): it is its first text, a few elements in at most.
_LABEL_DEPTH = 8


def _may_label_tags(headline: str, html: str) -> bool:
    """Whether a page may print a tag line in ``_TAG_WORDS``: its headline is in Cyrillic
    and its source holds one of the words. Lexbor's "contains" over every page's tree was
    a third of AEB's extraction work, and searching every page's source for the words
    still 0.8 ms a page (a Cyrillic needle in a page of curly quotes is a slow search)."""
    return _CYRILLIC.search(headline) is not None and any(word in html for word in _TAG_WORDS)


def _labelled_tags(tree: LexborHTMLParser) -> list[str]:
    """The links after the post's "Етикети:" label, for a page that marks its tags no
    other way (no metadata, no ``rel="tag"``): an old template's line of plain links under
    the text (``_tags_after_label``)."""
    return _tags_after_label(tree.css(_SAYS_TAGS), {})


def _labelled_tags_in(boxes: list[LexborNode]) -> tuple[str, ...]:
    """The links after a tag label in any of ``clean.TAG_LABELS`` ("Tags:", "Schlagwörter:",
    "Étiquettes :") opening one of ``boxes``, the furniture boxes the generic walk skipped
    whose text opens with a label (``blocks.Walker.tag_label_boxes``), for a page no other
    source gave tags: the box itself or an element of its first few (``_LABEL_DEPTH``)."""
    verdicts: dict[int, bool] = {}
    for box in boxes:
        found = _tags_after_label(islice(box.traverse(), _LABEL_DEPTH), verdicts)
        if found:
            return tuple(dict.fromkeys(found))
    return _NO_TAGS


def _tags_after_label(nodes: Iterable[LexborNode], verdicts: dict[int, bool]) -> list[str]:
    """The links after the first of ``nodes`` whose text opens with a tag label and holds
    the post's tags: an element whose own text opens with the label and its colon
    (``_opens_own_text``), or the box
    around the label standing alone, its own class aside (it is named "tags", which reads
    as furniture) but not its ancestors' (a sidebar's), and not a cloud of more links than
    a post has tags or of links counting the posts under each (``_counts_posts``); a label
    that is a link is a menu's. ``verdicts``: ``in_furniture_for``'s memo."""
    for node in nodes:
        text = " ".join(node.text_lexbor().split())
        if _TAG_LABEL_ALONE.match(text):
            if node.tag == "a" or node.css_first("a") is not None:
                continue  # a menu's link to the tags' page ("<li><a …>Tags</a></li>")
            # the box around the label is judged itself: a widget headed "Етикети"
            node = judged = _box_of_label(node)
        elif clean.TAG_LABEL.match(text) and node.parent is not None and _opens_own_text(node):
            judged = node.parent
        else:
            continue
        links = node.css("a[href]")
        if len(links) > _MAX_TAG_LINKS or in_furniture_for(judged, Reader.TAGS, verdicts):
            continue
        if any(_counts_posts(a) for a in links):
            continue
        names = [_tag_name(a.text_lexbor()) for a in links]
        found = [name for name in names if name and len(name) <= _MAX_TAG_CHARS]
        if found:
            return found
    return []


def _opens_own_text(node: LexborNode) -> bool:
    """The element's first child, past blank text, is text: a line of its own ("<p>Tags:
    <a …>"), not a box opening with an element that holds the label (a post's footer of
    its tags and its share buttons, whose links are no tags: the label's element and its
    box are read instead)."""
    child = node.first_child
    while child is not None and child.tag == "-text" and (child.text_content or "").isspace():
        child = child.next
    return child is not None and child.tag == "-text"


# A count after a tag's name in its link, "(12)": how many posts a cloud files under it.
_POST_COUNT = re.compile(r"\(\d+\)$")


def _counts_posts(link: LexborNode) -> bool:
    """The link prints how many posts the tag has, as a tag cloud does, in an element of
    its own ("<span class="tag-count">3</span>", read as "coffee3") or in brackets: the
    site's tags, not the post's."""
    if any(child.text_lexbor().strip().isdigit() for child in link.iter()):
        return True
    return _POST_COUNT.search(link.text_lexbor().strip()) is not None


# A link to the site's page of a tag ("/tag/obshtina", "/blog/tag/sport/", "/tags/ремонти"):
# the path's last part is the tag, the one before it says so.
_TAG_PAGE = re.compile(r"/(?:tags?|etiket|etiketi)/[^/]+/?$", re.IGNORECASE)
_TAG_PAGE_LINKS = 'a[href*="/tag"], a[href*="/etiket"]'
# A rel="tag" link is read by ``_tag_links``: the "tag" word as lexbor's ``~=`` takes it.
_TAG_REL = re.compile(r"(?:^|[ \t\n\r\f])tag(?:$|[ \t\n\r\f])", re.IGNORECASE)
# Inline elements a link may sit in within its line; the line is the block around them.
_INLINE = frozenset(("span", "em", "strong", "b", "i", "small"))
# More letters than this around the links on their line: a sentence linking a tag page,
# not a line of tags.
_PROSE_LETTERS = 24


def _tag_page_links(h1s: list[LexborNode], url: str) -> list[str]:
    """Links to the site's tag pages in the post's own box, for a page that marks its tags
    no other way (no metadata, no ``rel="tag"``, no label): Odoo's "#"-led badges, Ghost's
    primary tag without its head's metadata, a custom CMS's line of "/tag/obshtina" links.
    Only in the box around the headline (``_HeadlinesBox``): a menu or a cloud of the
    site's tags is outside it. Not in its furniture (related posts' cards print their
    tags too), not a link in a sentence of the text (a tag page named in prose), not
    another site's page. Looked for in the widest such box alone: a query of the whole
    page for them cost a hundredth of all extraction."""
    around = _HeadlinesBox(h1s)
    boxes = around.widest()
    if not boxes:
        return []
    host = host_and_path(url)[0]
    verdicts: dict[int, bool] = {}
    found: list[str] = []
    seen: set[int] = set()
    for link in (link for box in boxes for link in box.css(_TAG_PAGE_LINKS)):
        if link.mem_id in seen:
            continue  # (in two headlines' boxes, one inside the other)
        seen.add(link.mem_id)
        other, path = host_and_path(link.attributes.get("href") or "")
        if not _TAG_PAGE.search(path) or _TAG_REL.search(link.attributes.get("rel") or ""):
            continue
        if host and other and other != host:
            continue  # (another site's tag page; a relative link has no host of its own)
        name = _tag_name(link.text_lexbor())
        if not name or len(name) > _MAX_TAG_CHARS:
            continue
        if not around.holds(link) or _in_prose(link):
            continue
        if in_furniture_for(link, Reader.TAGS, verdicts):
            continue
        found.append(name)
        if len(found) == _MAX_TAG_LINKS:
            break
    return found


class _HeadlinesBox:
    """Whether an element is inside the post (``furniture.is_post``) that holds the page's
    ``<h1>``, or, in no such post, in the box around the headline
    (``furniture.headlines_box``): a custom CMS's item box with the headline, the text and
    its tags, Odoo's ``<main>`` of the cover with the headline and the post's box. A
    page's wrapper around the side column's tag cloud is neither. The headlines'
    ancestors are listed once a page and each box's verdict kept: a box asked whether it
    holds a headline walked all of it, for each link and each of its ancestors."""

    def __init__(self, h1s: list[LexborNode]) -> None:
        self._chains: list[list[LexborNode]] = []  # each h1's ancestors, nearest first
        self._around: set[int] = set()
        for headline in h1s:
            chain = []
            up = headline.parent
            while up is not None and up.tag not in ("body", "html"):
                chain.append(up)
                self._around.add(up.mem_id)
                up = up.parent
            self._chains.append(chain)
        self._boxes: dict[int, bool] = {}

    def widest(self) -> list[LexborNode]:
        """For each headline, the outermost box around it that ``holds`` may take (a post,
        its parent or grandparent, a ``<main>``; not yet judged): every element it takes
        is inside one of them. Only their links are looked at, and a box is judged only
        for a link found: judging each box walked it all, for nothing on most pages."""
        found: dict[int, LexborNode] = {}
        for chain in self._chains:
            box = next(
                (
                    b
                    for level, b in reversed(list(enumerate(chain, 1)))
                    if level <= HEADLINE_BOX_LEVELS or b.tag == "main" or is_post(b)
                ),
                None,
            )
            if box is not None:
                found.setdefault(box.mem_id, box)
        return list(found.values())

    def holds(self, node: LexborNode) -> bool:
        first = main = None
        up = node.parent
        while up is not None and up.tag not in ("body", "html"):
            if is_post(up):
                return up.mem_id in self._around
            if first is None and up.mem_id in self._around:
                first = up
            if main is None and up.tag == "main":
                main = up
            up = up.parent
        if first is None:
            return False
        return self._box(first) or (main is not None and self._box(main))

    def _box(self, box: LexborNode) -> bool:
        known = self._boxes.get(box.mem_id)
        if known is None:
            known = self._boxes[box.mem_id] = headlines_box(box)
        return known


def _in_prose(link: LexborNode) -> bool:
    """The link's line (the block around it and its inline wrappers) says more than its
    links do: a sentence naming a tag page, not a line of tags."""
    line = link.parent
    while line is not None and line.tag in _INLINE:
        line = line.parent
    if line is None:
        return False
    text = line.text_lexbor()
    for other in line.css("a"):
        text = text.replace(other.text_lexbor(), " ")
    return sum(c.isalpha() for c in text) > _PROSE_LETTERS


def _box_of_label(label: LexborNode) -> LexborNode:
    """The nearest element around the tag label alone (``_TAG_LABEL_ALONE``) that holds
    links, a level or two up; else the label's own."""
    box: LexborNode | None = label
    for _ in range(_LABEL_BOX_LEVELS):
        box = box.parent if box is not None else None
        if box is None or box.tag in ("body", "html"):
            break
        if box.css_first("a[href]") is not None:
            return box
    return label


def _pick_body(
    tree: LexborHTMLParser,
    profile: Profile,
    listed: Metadata | None = None,
    boxes: list[LexborNode] | None = None,
) -> tuple[list[str], str]:
    """``boxes``, if given, gets the furniture boxes the generic walk found opening with a
    tag label (``content.find_main_paragraphs``), where the generic rules ran."""
    # (the one place the tree is changed: ``changes_tree`` says when)
    clean.drop_selectors(tree, profile.drop_selectors)
    for selector in profile.body_selectors:
        try:
            node = tree.css_first(selector)
        except Exception:
            continue
        if node is None:
            continue
        clean.remove_junk(node)
        clean.remove_boilerplate_elements(node)
        paragraphs = content.node_paragraphs(node)
        if _plausible(node, paragraphs):
            if "body" in profile.verified_fields:
                return paragraphs, f"profile:{selector}"
            # a guess: checked against the generic text of the page (``profile_check``)
            generic = _generic_body(tree, listed, boxes)
            off = profile_check.body_disagreement(paragraphs, generic)
            if off:
                return generic, f"generic:drift:{off}"
            return paragraphs, f"profile:{selector}"
    rule = "generic:drift" if profile.body_selectors else "generic"
    return _generic_body(tree, listed, boxes), rule


def _generic_body(
    tree: LexborHTMLParser, listed: Metadata | None, boxes: list[LexborNode] | None = None
) -> list[str]:
    """The generic rules' text of the page (``content``)."""
    bodies = listed.bodies if listed is not None else None
    links = listed.in_page_links if listed is not None else None
    found = content.find_main_paragraphs(tree, links, boxes)
    return content.body_after_description(tree, found, bodies)


def _plausible(node: LexborNode, paragraphs: list[str]) -> bool:
    """Enough text, and not mostly links (a selector that now matches a teaser list)."""
    total = sum(len(p) for p in paragraphs)
    if total < _MIN_BODY_CHARS:
        return False
    links = sum(len(a.text_lexbor()) for a in node.css("a"))
    return links / total <= _MAX_LINK_DENSITY
