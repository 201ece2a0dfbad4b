"""Fetching the queued articles of a site and archiving them.

``judge`` decides what one response means (pure apart from extraction): archive it and
under which URL, archive the news items it holds in full instead, or why not (gone,
robots.txt, no article, a later page of an article split over pages, older than
``--since``, a failure). ``Harvester`` carries the verdicts out: an article's later
pages fetched and joined to it (``whole``), then the article and its captures in one
transaction with its frontier state; a page's items in one transaction of their own
(``archive_items``); or the state alone. ``import-warc`` reads a WARC's pages by the same
``judge`` and stores them by the same ``store_items``, ``read_whole`` and
``save_article``, so a page archives the same rows however it arrived.

One page linked under two spellings (``/x`` and ``/x/``) is fetched once where the run
can know it is one page: a redirect to a URL fetched in this run, or queued to be, is
not followed (the redirecting URL shares that page's fate and becomes one of its
article's URLs), nor one to an article an earlier run archived (``Harvester._joined``),
unless the URL asked is asked again on purpose, and a queued URL is not fetched once it
is the address a page archived in this run ended up at, or the canonical that page
declares and differs from it only by a trailing slash. Two spellings nothing says are
one page are both fetched (a site may serve two pages there): the store's same-content
rule judges them.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import InitVar, dataclass, field, replace
from difflib import SequenceMatcher
from functools import cache, partial

from selectolax.lexbor import LexborHTMLParser

from newsarchive.archive.frontier import Frontier, listed_kind
from newsarchive.archive.frontier import seen as policy
from newsarchive.archive.states import State
from newsarchive.archive.store import SAME_BODY, Store
from newsarchive.crawl_run import CrawlOptions, Outcome, Progress, RequestBudget, SiteReport
from newsarchive.date_stamps import local_date
from newsarchive.discover.address_families import AddressFamilies
from newsarchive.discover.explore import MIN_ITEMS, NEWS_WORDS
from newsarchive.discover.filed_under import filed_as_no_news
from newsarchive.discover.headlines import MIN_WORDS, normal_headline
from newsarchive.discover.listings import dated_news
from newsarchive.discover.next_pages import older_article_link
from newsarchive.discover.urls import (
    StartPages,
    amp_originals,
    identify,
    is_home_page,
    item_url,
    on_site,
    slashless_key,
    stands_in,
    stated_canonical,
    url_key,
)
from newsarchive.discover.walk import Seen, too_old
from newsarchive.errors import FetchError
from newsarchive.extraction.continuation import (
    first_of,
    joined,
    later_pages,
    next_part,
    read_part,
)
from newsarchive.extraction.feed_text import with_feed_text
from newsarchive.extraction.full_items import FullItem, items_of_article
from newsarchive.extraction.page_kind import ERROR_PAGE
from newsarchive.extraction.pipeline import changes_tree, extract
from newsarchive.extraction.published import with_listed
from newsarchive.extraction.shell import SCRIPT_SHELL
from newsarchive.extraction.titles import SECTION_WORDS
from newsarchive.extraction.translations import copy_of, translation_of
from newsarchive.fetch.client import (
    GONE_STATUSES,
    Elsewhere,
    Fetcher,
    FetchInterrupted,
    HostResting,
    NotFollowed,
    RobotsDisallowed,
)
from newsarchive.fetch.documents import (
    BINARY_PAGE,
    EMPTY_PAGE,
    no_page,
)
from newsarchive.link_header import linked
from newsarchive.markup import page_tree
from newsarchive.models import Article, Candidate, Page, Profile, Published


@dataclass(frozen=True)
class Verdict:
    """``outcome`` NEW means "archive ``article`` under ``url``"; the store then says
    whether it was new, updated or unchanged."""

    outcome: Outcome
    message: str = ""
    article: Article | None = None
    url: str = ""
    cpu: float = 0.0  # extraction CPU seconds (the page's parse and reading included)
    drift: tuple[str, ...] = ()  # profile fields the generic rules had to supply
    broken: tuple[str, ...] = ()  # fields whose extraction rules raised on this page
    items: tuple[FullItem, ...] = ()  # a page of items in full: these, not ``article``
    kind: str = ""  # what the page is instead of an article (``page_kind``), if anything
    next_page: str | None = None  # an article split over pages: its next page's address
    older: str | None = None  # the article before it, by its "« Предишна новина" link
    day: dt.date | None = None  # the day the article states (one older than --since too)


# How many of a run's shell pages are held for a feed read later in the run (``shells``):
# a site's listings before its feed name a page or a few dozen; past this many the
# site's pages are shells the feed does not cover, and the rest fail when met
_MAX_SHELLS = 200


@dataclass(frozen=True)
class HeldShell:
    """An article page of this run found a script's shell, held undecided (the page as
    fetched, its listed date, its ``verdict``: the failure it is unless a feed item brings
    its text) for a feed read later in the run. ``at``: how many failures the run had
    said when it was met, where its own is said if it stays one (``Harvester.fail_held``)."""

    url: str
    page: Page
    listed: tuple[Published, str] | None
    verdict: Verdict
    at: int


def _gone_by_redirect(url: str, page: str) -> Verdict:
    """``url`` redirected to ``page``, a page standing in for it (``stands_in``): the
    home page or a listing the site sends a removed article's readers to. Gone."""
    where = "the home page" if is_home_page(page) else page
    return Verdict(Outcome.GONE, f"redirected to {where}: {url}")


def _news_list(
    url: str, article: Article, tree: Callable[[], LexborHTMLParser], page: Page, profile: Profile
) -> bool:
    """Whether a page fetched as an article is a list of news: it has no headline of its
    own (none found, or a few words: a section's name, "Новини", "Общината") and its
    dated cards link ``MIN_ITEMS`` news or more (``listings.dated_news``), extraction's
    text being one of them (its first card's excerpt, read as the body) or its title a
    news section's name. A link leading to a list the crawl did not walk (a post
    navigation's "Предишна публикация" to a category's page) archived the list as one
    article more, its first card's text as its body. A short-titled article ("Покана")
    beside a sidebar of dated news is kept: its text is in no card but its own (one
    linking the page, or opening with its headline), which never counts. The cards are read
    only for a page of no long headline (few: the read costs a page's extraction), and
    only then is the page's tree asked for (``tree``: parsed again where a profile's rules
    changed extraction's, ``judge``)."""
    title = " ".join(article.title.split())
    if len(title.split()) > SECTION_WORDS:
        return False
    cards = dated_news(tree(), page.final_url, profile, page.fetched_at, asked=url)
    if len(cards) < MIN_ITEMS:
        return False
    if not title or NEWS_WORDS.search(title):
        return True
    opening = " ".join(article.text.split())[:_OPENING]
    # (a "card" opening with the headline is the article's own box, read as one card
    # because its post navigation links another article: "Покана 12 ноември 2026 Залата
    # има нов под…"; a list read as an article has no headline its cards open with)
    return bool(opening) and any(opening in card and not card.startswith(title) for card in cards)


# How much of an article's text opening must stand in a card for the text to be that
# card's (``_news_list``): a sentence's worth, within what a card keeps (``cards``)
_OPENING = 60


def _served_tree(text: str, intact: LexborHTMLParser | None) -> LexborHTMLParser:
    """The page's tree as served: extraction's where no profile rule changed it, else
    parsed again (once a page: ``judge``'s readers share it)."""
    return page_tree(text) if intact is None else intact


def judge(
    url: str,
    result: Page | FetchError,
    profile: Profile,
    since: dt.date | None,
    listed: tuple[Published, str] | None = None,
    *,
    older: bool = False,
    listings: Iterable[str] | StartPages = (),
    fed: tuple[str, str] | None = None,
) -> Verdict:
    """``listed``: the date the listing or feed gave this URL, the article's date when
    its page states none (``date_source`` "listing" or "feed"), never one after the fetch.
    ``older``: the page's "« Предишна новина" link is wanted (``Verdict.older``): only
    on the way back through them, as reading every link's text costs a page 6% of its
    extraction, for a link nothing else uses. ``listings``: the site's listing pages this
    crawl knows (``Harvester.listings``), which no article is redirected to or named by.
    ``fed``: the title and whole text (HTML) of the feed item naming the URL, the
    article's text where the page is a script's shell or holds little of it
    (``feed_text``)."""
    if isinstance(result, FetchInterrupted):
        return Verdict(Outcome.INTERRUPTED)
    if isinstance(result, RobotsDisallowed):
        return Verdict(Outcome.DISALLOWED, "disallowed by robots.txt")
    if isinstance(result, Elsewhere) and result.why is NotFollowed.STANDS_IN:
        return _gone_by_redirect(url, result.page)  # (decided as met: ``Harvester.sent_away``)
    if isinstance(result, FetchError):
        return Verdict(Outcome.FAILED, str(result))
    if result.status in GONE_STATUSES:
        return Verdict(Outcome.GONE, f"HTTP {result.status}")
    if result.not_modified:  # a conditional recheck: the archived version stands
        return Verdict(Outcome.UNCHANGED, "not modified")
    if result.status != 200:
        return Verdict(Outcome.FAILED, f"HTTP {result.status}: {url}")
    unread = no_page(result)  # (``check-site`` says what these are by the same rule)
    if unread == EMPTY_PAGE:  # (a PHP fatal error after the headers went out)
        # said as what it is: extracted, it was "no article found" and a profile that
        # "did not fit", sending the reader to check-site over unchanged markup
        return Verdict(Outcome.FAILED, f"{EMPTY_PAGE}: {url}")
    if stands_in(result.final_url, url, profile, listings):  # (a removed article's new "address")
        return _gone_by_redirect(url, result.final_url)
    if profile.home != "/" and not on_site(result.final_url, profile):
        # (a site in a folder of a shared host, its story handed to another site there:
        # gone from this one. The fetcher lets a redirect stay on the host, but the
        # host's other folders are other sites, their pages none of ours)
        return Verdict(Outcome.GONE, f"redirected off the site to {result.final_url}: {url}")
    if unread == BINARY_PAGE:  # (a failure: a server that broke for a night mends)
        return Verdict(Outcome.FAILED, f"{BINARY_PAGE}: {url}")
    if unread:  # a document (a PDF, an image): settled, not fetched again
        return Verdict(Outcome.NOT_PAGE, f"{unread}: {url}")
    if original := translation_of(result.text, result.final_url):
        return Verdict(Outcome.TRANSLATION, f"a translation of {original}: {url}")
    # The page is parsed once: what needs it as fetched reads the tree before a profile's
    # rules change it (``changes_tree``), or parses the page again (its items, rarely).
    cpu = time.thread_time()
    tree = page_tree(result.text)
    # (a page of items in full paged as ``?page=2`` links its first page as a later page
    # of an article does: it is settled as one only when it holds no items, below)
    before = first_of(result.text, result.final_url, tree)
    following = next_part(result.text, result.final_url, tree=tree)
    before_it = older_article_link(tree, result.final_url, profile) if older else None
    # (what the page files itself under, asked of every article: read before extraction,
    # which a profile's rules let change the tree; read after it, every article of a
    # profiled site was parsed again: 1.1 ms a page on WCXB dev's, whose extraction,
    # that parse included, takes 11.9 ms)
    filed = filed_as_no_news(tree, result.final_url)
    article = extract(
        result.text, result.final_url, profile=profile, today=result.fetched_at,
        tree=tree,
    )  # fmt: skip
    intact = None if changes_tree(profile) else tree
    article = with_feed_text(article, fed, profile=profile, today=result.fetched_at)
    cpu = time.thread_time() - cpu
    # (a page that shows only a guess, a day without its year or "преди 2 месеца", takes
    # the listing's date too: printed in full, it is no guess)
    article = with_listed(article, listed, result.fetched_at)
    drift, broken = article.fields_marked("drift"), article.fields_marked("error")
    read = partial(Verdict, cpu=cpu, drift=drift, broken=broken)  # what extraction noted
    # (looked for once, and only where asked: a numbered page's here, any other's below)
    items = cache(partial(items_of_article, result.text, result.final_url, article,
                          result.fetched_at, intact))  # fmt: skip
    # (for the rarer readers below: a text in another language, a short headline)
    served = cache(partial(_served_tree, result.text, intact))
    if before and not items():
        return read(Outcome.LATER_PAGE, f"a later page of {before}, read with it: {url}")
    if broken == ("page",):
        return read(
            Outcome.FAILED, f"the extractor failed on the page (a bug, please report it): {url}"
        )
    if not article.text and not article.title:
        return read(Outcome.FAILED, f"no article found on the page: {url}")
    kind = article.rules.get("kind")
    if kind == ERROR_PAGE:  # a soft 404: the archived version, if any, stands
        return read(Outcome.GONE, f"the page says it is not found (HTTP 200): {url}", kind=kind)
    if kind:
        return read(Outcome.FAILED, f"a {kind} instead of the page: {url}", kind=kind)
    if original := copy_of(
        article.text, served, result.final_url
    ):  # (a template stating lang="bg" on its Russian copy, and no hreflang)
        return read(Outcome.TRANSLATION, f"a translation of {original}: {url}")
    if found := items():
        return read(Outcome.NEW, items=tuple(found), url=result.final_url)
    if _news_list(url, article, served, result, profile):
        return read(Outcome.LIST, f"a list of news, not an article: {url}")
    # (a page met where nothing told it apart, a sitemap of every post or a link, at the
    # news' own address: what it files itself under, "Некролози", is no news)
    if filed:
        return read(Outcome.NOT_NEWS, f"filed under {filed!r}, no news: {url}")
    day = local_date(article.published) if article.published is not None else None
    if too_old(article.published, since):
        return read(Outcome.OLD, "older than --since", day=day)
    header = linked(result.headers.get("link"), "canonical")
    stated = stated_canonical(article.canonical_url, header, result.final_url)
    identity = identify(result.final_url, stated, profile, listings)
    return read(
        Outcome.NEW, article=article, url=identity, next_page=following, older=before_it, day=day
    )


# What storing one article may raise because of that article's values (a string UTF-8
# cannot hold, a number SQLite cannot): the page fails, and the crawl goes on. Errors of
# the archive itself (sqlite3's) still end the run.
UNSTORABLE = (ValueError, TypeError, OverflowError)


def unstorable(exc: Exception, url: str) -> str:
    """The one line saying why ``url``'s article could not be stored: an unstorable
    value's own repr may hold what UTF-8 cannot, so it is escaped."""
    message = f"cannot store the article ({type(exc).__name__}: {exc}): {url}"
    return message.encode("utf-8", "backslashreplace").decode("utf-8")


def _retitled(store: Store, page_url: str, items: list[FullItem], site: str) -> dict[str, str]:
    """For each item of the page whose anchor is a slug of its date and headline and
    that is not archived, the archived item it is once its headline was edited (the
    slug changed with it): ``{its address: the archived one's}``. Without an anchor of
    its own, the headline is all that names an item, so a typo fixed in it would make
    a second row beside the first; here it is a revision of it.

    Only when nothing else is likely: the archived item is of the same page and date,
    its anchor is a slug too, it is no longer on the page, its text is mostly this one's
    (``SAME_BODY``), and the two pair up one to one. Two items of one day that read
    alike stay two when either could be the other's edit."""
    # (a page read again unchanged has none: the page's archived items, years of them
    # on a page they scroll off, are read only for the days of new ones)
    fresh = {
        item.url(page_url): (item, local_date(item.published).isoformat())
        for item in items
        if item.slugged and store.find_item(item.url(page_url)) is None
    }
    if not fresh:
        return {}
    prefix = item_url(page_url, "")
    here = {item.url(page_url) for item in items}
    days = sorted({day for _, day in fresh.values()})
    gone = [
        (url, day, text)
        for url, day, text in store.conn.execute(
            "SELECT url, published_date, text FROM articles WHERE site = ?"
            f" AND published_date IN ({', '.join('?' * len(days))}) AND substr(url, 1, ?) = ?",
            (site, *days, len(prefix), prefix),
        )
        if url not in here and url[len(prefix) :].startswith(f"{day}-")
    ]
    if not gone:
        return {}
    pairs: dict[str, list[str]] = {}
    for url, (item, day) in fresh.items():
        pairs[url] = [
            old for old, was, text in gone
            if was == day and SequenceMatcher(None, text, item.text).ratio() >= SAME_BODY
        ]  # fmt: skip
    claimed = Counter(old for olds in pairs.values() for old in olds)
    return {url: olds[0] for url, olds in pairs.items() if len(olds) == 1 and claimed[olds[0]] == 1}


def save_article(
    store: Store, article: Article, site: str, urls: tuple[str, str], page: Page,
    parts: list[Page],
) -> str:  # fmt: skip
    """``article`` archived under ``urls`` (its identity, and the address it was read
    at) with its page's capture and its later pages' (``parts``, as fetched, so
    re-extraction joins them again); the store's outcome. The caller holds the
    transaction. The crawl and ``import-warc`` both store an article through this."""
    capture = store.save_capture(page)
    later = [store.save_capture(part) for part in parts]
    outcome = store.upsert_article(
        article, site=site, url=urls[0], source_url=urls[1],
        fetched_at=page.fetched_at.isoformat(), capture_id=capture,
    )  # fmt: skip
    store.attach_captures(capture, later)
    return outcome


def read_whole(
    article: Article,
    page: Page,
    following: str | None,
    page_of: Callable[[str], Page | None],
    extracting: Callable[[str, str, LexborHTMLParser], Article],
) -> tuple[Article, list[Page]]:
    """An article split over pages joined as the crawl joins it (``continuation``): its
    later pages from ``following`` (``Verdict.next_page``), each as ``page_of`` gives it
    (fetched, or found in a WARC; None ends the text there) and read by ``extracting``
    (HTML, URL, its ``page_tree``), lazily, so a page that does not join ends the
    reading; the whole article and the pages it took."""
    parts: list[Page] = []

    def part(url: str) -> tuple[Article, str | None] | None:
        got = page_of(url)
        if got is None:
            return None
        parts.append(got)
        return read_part(got.text, got.final_url, extracting)

    whole, taken = joined(article, later_pages(following, page.final_url, part))
    return whole, parts[:taken]


@dataclass(frozen=True)
class StoredItem:
    """What became of one item of a page of items in full: ``outcome`` as the store said
    (NEW, UPDATED, UNCHANGED), OLD (older than ``--since``: not stored) or FAILED
    (``message`` says why)."""

    url: str
    outcome: Outcome
    message: str = ""


def store_items(
    store: Store, page: Page, items: list[FullItem], site: str, since: dt.date | None
) -> list[StoredItem]:
    """Each item of a page of items in full archived as an article of its own, in one
    transaction with the page's capture, which is kept only when an item is new or
    edited (a page read again unchanged adds nothing). The crawl and ``import-warc``
    both store a page's items through this, so they keep the same rows.

    An item whose values cannot be stored (``UNSTORABLE``) fails alone: its writes are
    rolled back to a savepoint, and the page's other items are archived, as one such
    article fails its page and not the crawl."""
    stored: list[StoredItem] = []
    with store.conn:
        capture = store.save_capture(page)
        retitled = _retitled(store, page.final_url, items, site)
        for item in items:
            article = item.article(page.final_url, site)
            assert article.url is not None
            if too_old(item.published, since):
                stored.append(StoredItem(article.url, Outcome.OLD))
                continue
            store.conn.execute("SAVEPOINT item")
            try:
                outcome = Outcome(store.upsert_article(
                    article, site=site, url=article.url, source_url=retitled.get(article.url),
                    fetched_at=page.fetched_at.isoformat(), capture_id=capture,
                ))  # fmt: skip
            except UNSTORABLE as exc:
                store.conn.execute("ROLLBACK TO item")
                stored.append(StoredItem(article.url, Outcome.FAILED, unstorable(exc, article.url)))
            else:
                stored.append(StoredItem(article.url, outcome))
            finally:
                store.conn.execute("RELEASE item")
        if not any(s.outcome in (Outcome.NEW, Outcome.UPDATED) for s in stored):
            store.conn.execute("DELETE FROM captures WHERE id = ?", (capture,))
    return stored


SETTLED = {
    Outcome.GONE: State.GONE,
    Outcome.DISALLOWED: State.DISALLOWED,
    Outcome.FAILED: State.FAILED,
    Outcome.OLD: State.OLD,
    Outcome.NOT_PAGE: State.NOT_PAGE,
    Outcome.LIST: State.NOT_PAGE,  # (no state of its own: settled, never asked again)
    Outcome.NOT_NEWS: State.NOT_PAGE,  # (likewise)
    Outcome.TRANSLATION: State.TRANSLATION,
    Outcome.LATER_PAGE: State.LATER_PAGE,
    Outcome.UNCHANGED: State.DONE,  # only a 304 to a recheck settles as unchanged
}


@dataclass
class Harvester:
    """One site's article fetching in one run; ``handled`` is what this run already did."""

    store: Store
    frontier: Frontier
    fetcher: Fetcher
    profile: Profile
    options: CrawlOptions
    report: SiteReport
    progress: Progress
    between: Callable[[], None]  # raises to end the run (budget, vanished archive)
    still_ours: Callable[[], None]  # raises when the archive file vanished
    handled: set[str] = field(default_factory=set)
    # this run's pages by URL key: the state each was settled in and a URL its article
    # is found by (``_settled``; the URL it was fetched from: the one it is archived
    # under may be another article's shared canonical); keys that surely name a page
    # archived in this run, with that URL; redirecting URLs waiting for their target
    fates: dict[str, tuple[State, str | None]] = field(default_factory=dict)
    # the keys of this run's pages that failed as another page in place of themselves (a
    # cookie consent wall: ``page_kind``), with what it was; a URL redirected to one
    # shares it, and is said with the others it answered (``SiteReport.stood_in``)
    stood_in: dict[str, str] = field(default_factory=dict)
    archived: dict[str, str] = field(default_factory=dict)
    waiting: dict[str, list[str]] = field(default_factory=dict)
    waiters: set[str] = field(default_factory=set)
    # keys of the originals read in place of their AMP copies in this run (``_original``)
    originals: set[str] = field(default_factory=set)
    # the forms of address this run found one article at twice (a module's ``Itemid``
    # beside the blog's, a second category's path), with the articles archived in them:
    # a further address of one of those articles in such a form is not fetched
    families: AddressFamilies = field(default_factory=AddressFamilies)
    # the URLs of the batch being fetched that were queued as the article before
    # another, with how many more may be reached back from each (``Frontier.going_back``)
    going_back: dict[str, int] = field(default_factory=dict)
    went_back: bool = False  # an article's "« Предишна новина" queued in this batch
    # this run's URLs whose fetch ended at another page, by URL key: that page's key
    # (a redirect followed, or one to a page fetched on its own: ``Elsewhere``)
    moved: dict[str, str] = field(default_factory=dict)
    # the keys of the site's articles the archive held as the run's fetching began
    # (``Store.article_keys``, read once: the fetching threads ask no SQLite), so a
    # redirect to one is not followed (``_fetch_batch``'s ``elsewhere``); None until read
    earlier: frozenset[str] | None = None
    # the day each page fetched in this run states, by URL key (one older than --since,
    # never archived, too): how a listing printing no dates runs (``stated_days``)
    days: dict[str, dt.date] = field(default_factory=dict)
    # the feed items carrying their whole text, by URL key: (title, text as HTML), taken
    # over a page that is a script's shell (``feed_text``). Held for the run only: the
    # feed is read each night its URLs are found, so nothing of it needs archiving
    fed: dict[str, tuple[str, str]] = field(default_factory=dict)
    # the dated cards and feed items offered in this run that print a whole headline,
    # by their link's URL key: (the link, the headline ``normal_headline``'d, its date
    # and which kind): what dates an article archived undated from another address when
    # the harvest ends with the link itself archived as no article (``date_by_headline``);
    # the crawl's, kept across a move to another domain or host (``SiteCrawl._wire``)
    headlines: dict[str, tuple[str, str, tuple[Published, str]]] = field(default_factory=dict)
    # this run's article pages found a script's shell with no feed item's text known for
    # them, by the keys of their fetched and final URLs (``_hold``): not failed yet, and
    # not settled. A feed read later in the run that carries the item's whole text
    # archives it from the page at hand (``take_fed``); what is still held when the
    # harvest ends is the failure it was met as (``fail_held``). A profile walking its
    # listings before its feed (add-site's, to learn the article shape) failed those the
    # listings named, each night
    shells: dict[str, HeldShell] = field(default_factory=dict)
    # the site's listing pages known in this run (the saved exploration's, those read):
    # a bare profile names none, and an article redirected to one was removed
    listings: StartPages = field(init=False)
    # articles a bot check answered on their own (``Fetcher.forgive_wall``), with what
    # told the check (``HostResting.evidence``): failures of their own unless the site
    # turns out walled (``walled_alone``)
    walled: dict[str, str] = field(default_factory=dict)
    # the run's discovery is read, the site's news answered: what is fetched now is the
    # retries and the passed-over (``Frontier.open_retries``); a wall met now rests the
    # site, but the pages it answered have their try counted (``_walled_late``)
    after_news: bool = False
    # the run's request budget, the crawl's own (``RequestBudget``); by default the
    # options' whole budget, for a harvest run alone
    budget: InitVar[RequestBudget | None] = None
    request_budget: RequestBudget = field(init=False)

    def __post_init__(self, budget: RequestBudget | None) -> None:
        self.listings = StartPages(self.profile)
        self.request_budget = (
            budget if budget is not None else RequestBudget(self.options.max_requests)
        )

    def fetch_pending(self, before: Callable[[str], None]) -> int:
        """Fetch every queued URL not yet tried in this run; return how many turned out
        older than ``--since``. ``before`` sees the first URL (the robots.txt gate).

        An article queued as the one before another (``SourceReader._older_articles``)
        queues the one before it in turn, with its own archiving: the queue is read again
        until that way back ends, so a run stopped on the way resumes from the queue."""
        old = self._fetch_batch(before)
        while self.went_back:
            old += self._fetch_batch(before)
        return old

    def walled_alone(self) -> None:
        """The run over with the site not walled (its other pages answered): each
        article a bot check answered on its own is a failure, retried on later runs up
        to ``MAX_ATTEMPTS`` as any. Under a wall on the whole site it stays queued as it
        was (the rest says it, once)."""
        for url, evidence in self.walled.items():
            message = f"a bot check answered this page alone ({evidence}); retried later: {url}"
            self.frontier.settle(url, State.FAILED, message)
            self._failed(message)
        self.walled.clear()

    def stated_days(self, urls: list[str]) -> dict[str, dt.date]:
        """The day the article at each of ``urls`` states, in their order (those that
        state one): read in this run, or archived before. A listing that prints no dates
        beside its links still runs newest or oldest first by them; each day keyed by its
        link, as the walk judges that order by the links of the page's own list, not a
        side box's (``walk.list_days``)."""
        stored = self.store.published_days([u for u in urls if url_key(u) not in self.days])
        days = ((url, self.days.get(url_key(url)) or stored.get(url)) for url in urls)
        return {url: day for url, day in days if day is not None}

    def older_of(self, urls: list[str]) -> str | None:
        """Where the "« Предишна новина" of the last of ``urls`` archived leads (a
        listing's oldest article, for a listing that ends with no page after it), read
        from its archived capture when asked: no article's link text is read for it while
        fetching, and the article may have been archived by an earlier run (killed after
        it, before going back) or earlier in this one (its feed)."""
        for url in reversed(urls):
            found = self.store.captured_page(url)
            if found is not None:
                final_url, text = found
                return older_article_link(page_tree(text), final_url, self.profile)
        return None

    def _fetch_batch(self, before: Callable[[str], None]) -> int:
        self.went_back = False
        self.between()
        room = self.request_budget.room(self.fetcher.requests)
        # URLs failed in this run are still pending (retried next run): read past them
        pending = []
        for u in self.frontier.pending(room + len(self.handled)):
            if u not in self.handled:
                pending.append(u)
            elif (found_by := self.archived.get(url_key(u))) is not None:
                # archived in this run by another address sent on to it (a card's old
                # link, 301), after its own entry failed or was left for a later batch:
                # settled with no request, or it was asked again the next night
                self._settled(u, State.DONE, found_by, message="")
        if pending:
            before(pending[0])
        urls = pending[:room]
        workers = max(1, self.options.workers or self.fetcher.options.max_connections)
        old = self.report.count(Outcome.OLD)
        # (an archived article queued again, by ``--recheck`` or by a card or entry
        # saying it changed: ``Frontier.relisted``, is asked "changed since?")
        validators = None if self.options.refresh else self.frontier.recheck_validators(urls)
        listed = self.frontier.listed(urls)  # read once: nothing changes them while fetching
        self.going_back = self.frontier.going_back(urls)

        def within() -> bool:  # the budget stops new fetches; those in flight are archived
            return not self.request_budget.spent(self.fetcher.requests)

        queued = {url_key(url) for url in urls}
        earlier = self._earlier(urls)
        asked_again = set(validators or ())

        def elsewhere(url: str, target: str) -> NotFollowed | None:  # (fetching threads: no SQLite)
            if self.sent_away(url, target):
                return NotFollowed.STANDS_IN
            key = url_key(target)
            if key not in self.waiters and (
                key in queued or key in self.fates or key in self.shells
            ):  # (a held shell's redirects wait for its verdict, as any page's)
                return NotFollowed.FETCHED
            if key in earlier and url not in asked_again and url_key(url) not in earlier:
                return NotFollowed.ARCHIVED  # (``_joined``)
            return None

        def unfetched() -> Iterator[str]:  # read as each URL is started
            for url in urls:
                found_by = (
                    self.archived.get(url_key(url))
                    or self._original_read(url)
                    or self.families.known(url_key(url))
                )
                if found_by is None and self.listings.lists(url):
                    self._a_list(url)
                elif found_by is None:
                    yield url
                else:  # the page archived in this run already: no request
                    self.handled.add(url)
                    self._settled(url, State.DONE, found_by, message="")

        # (the generator is not kept in a name: an exception out of the loop must close
        # it, so its pool finishes what is in flight before the fetcher is closed)
        for url, result in self.fetcher.fetch_many(
            unfetched(), workers, validators, within, elsewhere
        ):
            if isinstance(result, HostResting):
                if self.fetcher.forgive_wall(result):  # this page's wall, perhaps: see on
                    self.handled.add(url)
                    self.walled[url] = result.evidence
                    continue
                if not self.fetcher.rests(url):  # refused while a wall was being forgiven
                    self.went_back = True  # (asked again in this run's next batch)
                    continue
                if self.after_news and result.walled:
                    self._walled_late(url, result)
                raise result  # the site's run ends; the URL stays queued
            self.archive(url, result, listed.get(url))
            self.still_ours()
        if self.options.stop is not None and self.options.stop.is_set():
            raise FetchInterrupted("crawl interrupted", url="")
        self.between()
        return self.report.count(Outcome.OLD) - old

    def _earlier(self, urls: list[str]) -> frozenset[str]:
        """The site's archived article keys (``earlier``), read the first time a batch
        has URLs to fetch; none under ``--refresh``, which means every page asked again.
        A redirect to one of them from a URL that is none of them, and not asked "changed
        since?" (``--recheck``, ``Frontier.relisted``: asked again on purpose), is another
        address of an article an earlier run archived: a resumed crawl's card linking
        ``/novini/x/`` (301 to ``/novini/x``, archived before the cut) fetched the article
        again, and its page 2, as did a nightly run the first night a card showed it."""
        if self.options.refresh or not urls:
            return frozenset()
        if self.earlier is None:
            self.earlier = self.store.article_keys(self.profile.id)
        return self.earlier

    def _joined(self, url: str, result: Elsewhere) -> None:
        """``url`` redirects to ``result.page``, an article the archive held as the run
        began (``NotFollowed.ARCHIVED``): settled as that article, with no request there,
        ``url`` joining its addresses (``_settle``), so no later run asks it again."""
        self.handled.add(url)
        self._settled(url, State.DONE, result.page, message="")

    def _a_list(self, url: str) -> None:
        """``url``, queued as an article, is a page the crawl knows as a list
        (``StartPages.lists``): settled as no article, with no request, whichever link
        led to it (a post navigation's "Предишна публикация" to the news list, a feed's
        entry for a section's page)."""
        self.handled.add(url)
        self.frontier.settle(
            url, State.NOT_PAGE, f"a listing the crawl walks, not an article: {url}"
        )

    def _walled_late(self, url: str, rest: HostResting) -> None:
        """A second wall in a row met after the night's news answered (the retries, the
        passed-over): the site rests, and the URL is left to later runs, but its try is
        counted (failed), and so is that of each page forgiven before it in this run
        (``walled``), without a line of their own (the rest says it): two pages a WAF
        rule walls, retried last, rested the site at them every night, for ever, their
        tries never counted."""
        self.walled[url] = rest.evidence
        for walled, evidence in self.walled.items():
            message = f"a bot check answered this page ({evidence}); retried later: {walled}"
            self.frontier.settle(walled, State.FAILED, message)
        self.walled.clear()

    def _original_read(self, url: str) -> str | None:
        """The URL its article was found by, when ``url`` is an AMP copy whose original
        another copy had read in this run (``_original``): no request. Two copies of one
        article (``/x/amp/`` and ``/x/?amp=1``, linked from a tag page and a "most read"
        block) each fetched it again, four requests for one article, where the original
        alone links neither."""
        for original in amp_originals(url):
            key = url_key(original)
            if key in self.originals and key in self.archived:
                return self.archived[key]
        return None

    def archive_items(self, page: Page, items: list[FullItem]) -> list[Seen]:
        """A page of items in full, read as a listing: each item archived as an article
        of its own (``store_items``); what each one was for the walk, by the policy an
        article link is judged by (``frontier.seen``): new, or known when archived before
        (an edit too: the listing holds nothing older for it), unless ``--refresh`` reads
        everything again. An item that could not be stored is a failure of the run, and
        new work for the walk: it is not archived."""
        seen: list[Seen] = []
        for item in store_items(self.store, page, items, self.profile.id, self.options.since):
            if item.outcome is Outcome.OLD:
                seen.append(Seen.OLD)
                continue
            self.handled.add(item.url)
            archived = item.outcome not in (Outcome.NEW, Outcome.FAILED)
            seen.append(policy(None, archived=archived, refresh=self.options.refresh,
                               since=self.options.since))  # fmt: skip
            if item.outcome is Outcome.FAILED:
                self.report.failures.append(item.message)
            if item.outcome is not Outcome.UNCHANGED:
                self.report.outcomes[item.outcome] += 1
        self.progress(self.report)
        return seen

    def archive(
        self, url: str, result: Page | FetchError, listed: tuple[Published, str] | None,
        judged: Verdict | None = None,
    ) -> None:  # fmt: skip
        """Carry out ``judge``'s verdict; ``listed`` as ``Frontier.listed`` gave it. A URL
        that redirects to a page of this run (``Elsewhere``) waits for that page's fate.
        ``judged``: a held shell's verdict, decided now (``fail_held``): not judged again,
        and not held again."""
        ended = result.page if isinstance(result, Elsewhere) else None
        if isinstance(result, Page):
            ended = result.final_url
        if ended is not None and url_key(ended) != url_key(url):
            self.moved[url_key(url)] = url_key(ended)
        if isinstance(result, Elsewhere) and result.why is NotFollowed.FETCHED:
            self._redirected(url, result)
            return
        if isinstance(result, Elsewhere) and result.why is NotFollowed.ARCHIVED:
            self._joined(url, result)
            return
        identity = self._carry_out(url, result, listed, judged)
        if url not in self.handled:
            return  # interrupted: stays queued
        held = self.shells.get(url_key(url))
        if held is not None and held.url == url:
            return  # undecided: nothing settled, nothing passed on to its redirects
        state = self.frontier.state(url)
        if state is None:
            return
        found_by = url if identity is not None and state is State.DONE else None
        if identity is not None and found_by is not None and isinstance(result, Page):
            for key in (url_key(url), url_key(result.final_url)):
                self.archived[key] = found_by
            if url_key(identity) in self.originals:  # read in place of its copy
                self.archived[url_key(identity)] = found_by
            if _slash_twin(identity, result.final_url) and (
                self.store.find(identity) == self.store.find(url)  # (archived under it)
            ):
                self.archived[url_key(identity)] = found_by
            self._learn_addresses(url, identity, result.final_url)
        self._settled(url, state, found_by, also=result)

    def _learn_addresses(self, url: str, identity: str, final_url: str) -> None:
        """The addresses the page fetched at ``url`` was archived by (``identity``, its
        canonical or its own, and where the fetch ended), given to ``families`` with the
        article they lead to: one archived before in this run under another address of
        a form the site repeats (a second category's, another menu's) teaches that form,
        so a third such address is not fetched (``AddressFamilies``). The canonical only
        where it is this article's: a canonical several pages share names none."""
        article = self.store.find(url)
        if article is None:
            return
        addresses = [url, final_url]
        if self.store.find(identity) == article:
            addresses.append(identity)
        self.families.read(article, [url_key(a) for a in addresses], url)

    def _hold(
        self, url: str, result: Page | FetchError, listed: tuple[Published, str] | None,
        verdict: Verdict,
    ) -> bool:  # fmt: skip
        """Hold ``url``'s page undecided (``shells``) when ``verdict`` fails it as a
        script's shell that no feed item read so far gave a text for: whether it was."""
        if verdict.outcome is not Outcome.FAILED or verdict.kind != SCRIPT_SHELL:
            return False
        if not isinstance(result, Page):
            return False
        keys = {url_key(url), url_key(result.final_url)}
        if len(self.shells) >= _MAX_SHELLS or any(key in self.fed for key in keys):
            return False  # (an item known already that did not take: it never will)
        shell = HeldShell(url, result, listed, verdict, len(self.report.failures))
        self.shells.update(dict.fromkeys(keys, shell))
        return True

    def take_fed(self, candidates: Iterable[Candidate]) -> None:
        """Archive the held shells (``shells``) a feed item read since carries the text
        of (``fed``), from the pages as fetched: no second request, and the page is no
        failure of the run, having recorded none. Each is judged again with the item and
        the item's date (``candidates``: the feed's, offered), as had the feed come first
        (a title that does not agree fails it then, as a shell met after its item is)."""
        due = {id(shell): shell for key, shell in self.shells.items() if key in self.fed}
        if not due:
            return
        dated: dict[str, tuple[Published, str]] = {}
        for c in candidates:
            kind = listed_kind(c.source)
            if c.listed_date is not None and kind is not None:
                dated[url_key(c.url)] = (c.listed_date, kind)
        for shell in due.values():
            url, page = shell.url, shell.page
            keys = (url_key(url), url_key(page.final_url))
            for key in keys:
                self.shells.pop(key, None)
            listed = next((dated[k] for k in keys if k in dated), None)
            self.archive(url, page, listed or shell.listed)

    def note_headlines(self, candidates: Iterable[Candidate]) -> None:
        """Keep the dated headlines of ``candidates`` (``entry_dates``'d: a feed's
        entries all dated alike give none) for ``date_by_headline``. A headline of fewer
        than ``MIN_WORDS`` words ("Прочети още", a section's name) names no one article."""
        for c in candidates:
            kind = listed_kind(c.source)
            if c.listed_date is None or kind is None or not c.headline:
                continue
            head = normal_headline(c.headline)
            if len(head.split()) >= MIN_WORDS:
                self.headlines[url_key(c.url)] = (c.url, head, (c.listed_date, kind))

    def date_by_headline(self) -> None:
        """The harvest's end: each dated headline this run offered whose own link is
        archived as no article (gone, failed, not reached) dates the one undated article
        of the site titled so (``Store.date_undated_titled``): the same news, read at
        another address that printed no day. A headline the run's cards gave two days
        names no one article, and dates none. In one commit; a run whose every card's
        link is archived (most nights) asks nothing more of the archive."""
        days: dict[str, set[dt.date]] = {}
        for _, head, (when, _) in self.headlines.values():
            days.setdefault(head, set()).add(local_date(when))
        known = self.earlier or frozenset()  # (archived before or in this run: no query)
        titled = {
            head: listed
            for key, (url, head, listed) in self.headlines.items()
            if len(days[head]) == 1
            and key not in self.archived
            and key not in known
            and self.store.find(url) is None
        }
        if titled:
            with self.store.conn:
                self.report.dating(self.store.date_undated_titled(self.profile.id, titled))

    def fail_held(self) -> None:
        """The harvest's end (the run's, however it ended: its feeds read, a budget spent,
        Ctrl-C; or this harvester's, the site moved): each shell still held is the failure
        it was met as, recorded now with its verdict as judged then (the frontier's
        state and message, the report's counts, its line where it was met in the run's
        failures), so it is tried again next run and its redirects share its fate. Before,
        each was recorded failed when met and taken back by hand when its item came."""
        held = list({id(shell): shell for shell in self.shells.values()}.values())
        self.shells.clear()
        failures = self.report.failures
        moved = 0  # (the failures said after one, which its own goes before)
        for shell in sorted(held, key=lambda shell: shell.at):
            end = len(failures)
            self.archive(shell.url, shell.page, shell.listed, judged=shell.verdict)
            said = failures[end:]
            del failures[end:]
            failures[shell.at + moved : shell.at + moved] = said
            moved += len(said)

    def sent_away(self, url: str, target: str) -> bool:
        """``url`` redirects to a page standing in for it (``stands_in``: the home page, a
        listing this crawl knows): ``judge`` settles it gone on the redirect alone, so the
        redirect is not followed. A removed article the list still linked, sent back to
        the list, read the list once more for each such article. Asked once, in the
        fetching thread as the redirect is met: the ``Elsewhere`` carries the answer
        (``NotFollowed.STANDS_IN``), which ``archive`` and ``judge`` read, not ask again."""
        return stands_in(target, url, self.profile, self.listings)

    def _redirected(self, url: str, result: Elsewhere) -> None:
        """``url`` redirects to ``result.page``, which this run fetched or is to fetch:
        it shares that page's fate (``_settled``), now or when it is known. A page that
        itself waits on another (its answer, fetched beside ``url``'s, came first) is
        waited for through: ``url`` waits on what that page waits on. Unless that is
        ``url`` itself, a loop: ``url`` fails (and is retried on the next runs) rather
        than wait for ever."""
        self.handled.add(url)
        here, target = url_key(url), url_key(result.page)
        passed = {here}
        while target in self.waiters and target not in passed:  # to the page at its end
            passed.add(target)
            target = next(
                (page for page, waiters in self.waiting.items()
                 if any(url_key(waiter) == target for waiter in waiters)),
                here,
            )  # fmt: skip
        if target in self.fates:
            state, found_by = self.fates[target]
            message = f"redirected to {result.page}, {state.value} in this run: {url}"
            self._settled(
                url, state, found_by, message=message, day=self.days.get(target),
                kind=self.stood_in.get(target, ""),
            )  # fmt: skip
        elif target in passed:
            message = f"redirected to {result.page}, which redirects again: {url}"
            self._settled(url, State.FAILED, None, message=message)
        else:
            self.waiting.setdefault(target, []).append(url)
            self.waiters.add(here)

    def _settled(
        self, url: str, state: State, found_by: str | None, *,
        message: str | None = None, also: Page | FetchError | None = None,
        day: dt.date | None = None, kind: str = "",
    ) -> None:  # fmt: skip
        """Record this run's fate of ``url`` (and of where it ended up, ``also``'s final
        URL), settling it with ``message`` (None: ``archive`` settled it already), and
        pass it on to the URLs that redirect there and waited for it. ``day``: the day
        the page ``url`` leads to states, for one settled older than ``--since``. A
        failure settled here is counted here (``_failed``), whichever of a redirect and
        its target was read first; ``kind``: the page that stood in for the target
        (``stood_in``), a URL redirected to a consent wall being answered by it too."""
        keys = [url_key(url)]
        if isinstance(also, Page):
            keys.append(url_key(also.final_url))
        if message is not None:
            self._settle(url, state, found_by, message, day)
            if state is State.FAILED:
                self._failed(message)
                if kind:
                    self.report.stands_in(kind, url, message)
                    self.stood_in.update(dict.fromkeys(keys, kind))
        for key in dict.fromkeys(keys):
            self.fates[key] = (state, found_by)
            for waiter in self.waiting.pop(key, []):
                self.waiters.discard(url_key(waiter))
                message = f"redirected to {url}, {state.value} in this run: {waiter}"
                self._settled(
                    waiter, state, found_by, message=message, day=self.days.get(key),
                    kind=self.stood_in.get(key, ""),
                )  # fmt: skip

    def _failed(self, message: str) -> None:
        """One more URL the frontier now records as failed: the summary's count and its
        stderr lines are those rows, so a loop (A to B to A) is two failures, not one."""
        self.report.failures.append(message)
        self.report.outcomes[Outcome.FAILED] += 1

    def _settle(
        self, url: str, state: State, found_by: str | None, message: str,
        day: dt.date | None = None,
    ) -> None:  # fmt: skip
        """``url`` settled as the page it leads to was: when that is an archived article,
        ``url`` becomes one of its URLs (``show`` and later runs know it) in the same
        transaction. One settled older than ``--since`` keeps the day that page states
        (``Frontier.settle``), as the page does: kept with the run's ``--since`` alone,
        each run reaching a little further back fetched it again, and the page it
        redirects to with it, to drop both again. The date its card or feed entry gave
        ``url`` dates that article if its page stated none (``_date_joined``)."""
        if state is State.DONE and found_by is not None:
            with self.frontier.archiving(url):
                self.store.add_url(url, found_by)
                self._date_joined(url)
        else:
            self.frontier.settle(url, state, None if state is State.DONE else message, day=day)

    def _date_joined(self, url: str) -> None:
        """``url`` has just joined an archived article (``_settle``): the date its card
        or feed entry gave it (``Frontier.listed``) dates that article if its page stated
        none (``Store.date_undated``), inside the caller's transaction. The card's offer
        could not (``SourceReader._date_undated``): ``url`` was new then, not yet one of
        the article's URLs. A card linking ``/novini/x/`` the site sends on (301) to
        ``/novini/x``, which the sitemap queued and the run archived undated first
        (composed seed 225), or through a chain of redirects: the card's day was lost."""
        listed = self.frontier.listed([url])
        if listed:
            self.report.dating(self.store.date_undated(self.profile.id, listed))

    def _listed_at_identity(
        self, url: str, result: Page | FetchError, listed: tuple[Published, str] | None,
        verdict: Verdict,
    ) -> Verdict:  # fmt: skip
        """An undated page read at one address and archived under another (its canonical,
        ``verdict.url``) takes the date a card or feed entry gave that other: an article
        reached first by a second category's address (``/kultura/x``) names the news
        list's ``/novini/x`` as canonical, whose card printed the only day, queued but
        not yet fetched (composed sites' second-category twins: archived undated), or
        fetched already by an old address the card linked, sent on to it (a second query,
        ``Frontier.listed_as_archived_at``). Only for such pages."""
        article = verdict.article
        if listed is not None or article is None or article.published is not None:
            return verdict
        if not isinstance(result, Page) or url_key(verdict.url) == url_key(url):
            return verdict
        there = self.frontier.listed([verdict.url]).get(verdict.url)
        if there is None:  # (no entry there: the day the card at an old address gave it)
            there = self.frontier.listed_as_archived_at(verdict.url)
        if there is None:
            return verdict
        return replace(verdict, article=with_listed(article, there, result.fetched_at))

    def _carry_out(
        self, url: str, result: Page | FetchError, listed: tuple[Published, str] | None,
        judged: Verdict | None = None,
    ) -> str | None:  # fmt: skip
        """``archive``'s work; the URL the article was archived under, if one was
        (``identify``'s, unless the store found it another)."""
        left = self.going_back.get(url, 0)  # (0: the way back ends at this one)
        verdict = judged or judge(
            url, result, self.profile, self.options.since, listed, older=left != 0,
            listings=self.listings, fed=self._fed_for(url, result),
        )  # fmt: skip
        if judged is None:
            self.report.cpu["extract"] += verdict.cpu
        verdict = self._listed_at_identity(url, result, listed, verdict)
        if verdict.day is not None:
            self.days[url_key(url)] = verdict.day
        if verdict.outcome is Outcome.INTERRUPTED:
            return None  # stays queued for the next run
        if verdict.article is not None and isinstance(result, Page):
            if self._unfounded(verdict.url, url, result):
                verdict = replace(verdict, url=identify(result.final_url, None, self.profile))
            if (found_by := self._original_read(result.final_url)) is not None:
                # another copy, fetched beside this one, read the original first
                self.handled.add(url)
                self._settled(url, State.DONE, found_by, message="")
                return verdict.url
            result, verdict = self._original(result, verdict, listed)
        self.handled.add(url)
        if judged is None and self._hold(url, result, listed, verdict):
            return None  # (decided by its feed item, or at the harvest's end)
        if isinstance(result, Page):
            self.report.pages += 1
            self.report.drift.update(verdict.drift)
            self.report.broken.update(verdict.broken)
        outcome: Outcome = verdict.outcome
        if verdict.items:
            assert isinstance(result, Page)
            failures = len(self.report.failures)
            self.archive_items(result, list(verdict.items))
            if len(self.report.failures) > failures:  # read again next run, as a page is
                self.frontier.settle(url, State.FAILED, self.report.failures[-1])
            else:
                self.frontier.settle(url, State.DONE)
            return None  # (each item counted as what it was; the page as nothing)
        if outcome in SETTLED:
            self.frontier.settle(url, SETTLED[outcome], verdict.message, day=verdict.day)
            if outcome is Outcome.FAILED:
                self.report.failures.append(verdict.message)
                if verdict.kind:  # (and the URLs redirected to it, as they settle)
                    self.report.stands_in(verdict.kind, url, verdict.message)
                    ended = [result.final_url] if isinstance(result, Page) else []
                    self.stood_in.update(dict.fromkeys(map(url_key, [url, *ended]), verdict.kind))
        else:
            assert isinstance(result, Page) and verdict.article is not None
            self.handled.add(verdict.url)
            article, parts, short = self.whole(verdict.article, result, verdict.next_page)
            if short and self.store.find(verdict.url, url) is not None:
                # a passing failure is no edit: the article read whole before stands, and
                # the page is read again next run (a recheck cut it back otherwise)
                message = (
                    f"a later page of {result.final_url} could not be read ({short}):"
                    " the archived article stands; read again next run"
                )
                self.frontier.settle(url, State.FAILED, message)
                self._failed(message)
                self.progress(self.report)
                return None
            if short:
                self._without(result, short)
            cpu = time.thread_time()
            try:
                with self.frontier.archiving(url):  # (rolled back when it raises)
                    outcome = Outcome(save_article(
                        self.store, article, self.profile.id, (verdict.url, url), result, parts
                    ))  # fmt: skip
                    if verdict.older is not None:  # the way back goes on, with this one
                        self.went_back |= self.frontier.queue_older(
                            verdict.older, left - 1 if left > 0 else -1, handled=self.handled,
                            refresh=self.options.refresh, since=self.options.since,
                        )  # fmt: skip
            except UNSTORABLE as exc:  # this page's values, not the archive: the page fails
                outcome = Outcome.FAILED
                message = unstorable(exc, url)
                self.frontier.settle(url, State.FAILED, message)
                self.report.failures.append(message)
            self.report.cpu["store"] += time.thread_time() - cpu
        self.report.outcomes[outcome] += 1
        self.progress(self.report)
        return None if outcome is Outcome.FAILED or verdict.article is None else verdict.url

    def _fed_for(self, url: str, result: Page | FetchError) -> tuple[str, str] | None:
        """The feed item's text for the page fetched at ``url``: the item may name the
        address the fetch ended at (``_hold`` keeps a shell by both)."""
        fed = self.fed.get(url_key(url))
        if fed is None and isinstance(result, Page):
            fed = self.fed.get(url_key(result.final_url))
        return fed

    def _unfounded(self, canonical: str, url: str, page: Page) -> bool:
        """Whether the crawl has seen that ``canonical``, the address the page fetched at
        ``url`` names as its own, holds no such page: it was settled gone (a 404 or 410,
        a page saying it is not found, a redirect to the home page), or its fetch in
        this run was redirected to another page than this one. The page then keeps the
        address it was fetched from: archived under the canonical, the article would be
        found at an address a reader cannot open. Only what the crawl already knows: no
        request is made to check a canonical (the page read before its canonical is
        taken at its word)."""
        key = url_key(canonical)
        own = {url_key(url), url_key(page.final_url)}
        if key in own:
            return False
        moved = self.moved.get(key)
        if moved is not None and moved not in own:
            return True
        return self.frontier.state(canonical) is State.GONE

    def _original(
        self, page: Page, verdict: Verdict, listed: tuple[Published, str] | None
    ) -> tuple[Page, Verdict]:
        """An AMP copy whose canonical names its original (one of ``amp_originals``'
        spellings): the original read in its place, the page a person following the
        copy's "full version" link sees, since an AMP template drops what the page prints
        beside the text (its byline, say). A site whose listings link only the copies
        gives no other way to it. When the original cannot be read as that article, the
        copy stands."""
        spellings = {url_key(original) for original in amp_originals(page.final_url)}
        if url_key(verdict.url) not in spellings:
            return page, verdict
        try:
            original = self.fetcher.fetch(verdict.url)
        except FetchInterrupted:
            raise  # the run's end: the copy stays queued
        except HostResting as exc:
            # a bot check on the original alone (a WAF rule on its path) is that page's,
            # forgiven as an article's is: the copy stands. It rested the site, the copy
            # queued, asked first and walled again each night: no news, ever. The
            # original is retried on later runs as a failed page is (the copy's text
            # stood for good, its byline never read), and read then, it updates the
            # article the copy made, in place (archived under the original's address)
            if not self.fetcher.forgive_wall(exc):
                raise  # the run's end: the copy stays queued
            self.frontier.retry_later(
                verdict.url,
                f"a bot check answered this AMP copy's original alone ({exc.evidence});"
                f" the copy's text stands, the original retried later: {verdict.url}",
            )
            return page, verdict
        except FetchError:
            return page, verdict
        if original.status != 200 or original.not_modified:
            return page, verdict
        again = judge(
            verdict.url, original, self.profile, self.options.since, listed,
            listings=self.listings,
        )  # fmt: skip
        self.report.cpu["extract"] += again.cpu
        if again.article is None or url_key(again.url) != url_key(verdict.url):
            return page, verdict
        self.originals.add(url_key(again.url))
        return original, again

    def whole(
        self, article: Article, page: Page, following: str | None
    ) -> tuple[Article, list[Page], str]:
        """An article split over pages (``extraction.continuation``; ``following``: its
        second page, ``Verdict.next_page``): its later pages
        fetched, their text joined to the first's, the pages, to keep as captures, and
        why the text ends before a later page that could not be read for now ("" when
        none failed). A page gone (404, 410) or closed by robots.txt is the article's
        end, not a failure: it says so in a warning."""
        short: list[str] = []

        def fetch(url: str) -> Page | None:
            try:
                part = self.fetcher.fetch(url)
            except FetchInterrupted:
                raise  # the run's end: the first page stays queued
            except HostResting as exc:
                # a later page walled alone (forgiven as an article is): the text ends
                # before it for now, and the run goes on
                if not self.fetcher.forgive_wall(exc):
                    raise  # the run's end: the first page stays queued
                short.append(f"a bot check answered it alone ({exc.evidence})")
                return None
            except RobotsDisallowed as exc:  # (for good, as a gone page is)
                self._without(page, str(exc))
                return None
            except FetchError as exc:
                short.append(str(exc))
                return None
            if part.status in GONE_STATUSES:
                self._without(page, f"HTTP {part.status}")
                return None
            if part.status != 200:
                short.append(f"HTTP {part.status}")
                return None
            return part

        def extracting(html: str, url: str, tree: LexborHTMLParser) -> Article:
            cpu = time.thread_time()
            part = extract(html, url, profile=self.profile, today=page.fetched_at, tree=tree)
            self.report.cpu["extract"] += time.thread_time() - cpu
            return part

        whole, parts = read_whole(article, page, following, fetch, extracting)
        return whole, parts, "".join(short)

    def _without(self, page: Page, problem: str) -> None:
        self.report.warnings.append(
            f"a later page of {page.final_url} could not be read ({problem}): archived without it"
        )


def _slash_twin(one: str, other: str) -> bool:
    """Two URLs that differ only by a trailing slash of the path (``/x`` and ``/x/``):
    a page at one that names the other as canonical says they are one page. Any other
    canonical is taken for the archive's URL but not for "do not fetch": a CMS may name
    another article (or its category page) as every article's canonical, which only
    fetching that URL too shows (``Store`` then shares the canonical)."""
    return url_key(one) != url_key(other) and slashless_key(one) == slashless_key(other)
