"""``check-site``: does a profile still fit its site? Say which rule found each field.

The tool a user runs when a site changes its markup: it fetches the profile's feeds and
start pages, finds article links and the next listing page, then extracts a few
articles and reports for every field whether the profile's selector supplied it or a
generic rule had to step in ("drift"). Nothing is archived.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field, replace
from urllib.parse import urlsplit

from newsarchive.date_stamps import local_date
from newsarchive.discover import feeds, fragments, index_pages, listings, next_pages
from newsarchive.discover.shape import Shape
from newsarchive.discover.urls import absolute, site_hosts, with_hosts
from newsarchive.discover.walk import Listed, ListingWalk, Place, Seen, WalkState
from newsarchive.errors import EXIT_OK, EXIT_PARTIAL, FetchError
from newsarchive.explorer import explore
from newsarchive.extraction.pipeline import extract
from newsarchive.fetch.client import GONE_STATUSES, Fetcher, FetchOptions
from newsarchive.fetch.documents import no_page
from newsarchive.markup import parse_html
from newsarchive.models import CHECK_PAGES, Page, Profile
from newsarchive.safe_text import for_terminal, json_escape, one_line

# The fields a site's pages must yield, which check-site counts and add-site samples.
FIELDS = ("title", "published", "author", "text")


@dataclass
class SourceCheck:
    """One feed, sitemap or start page: what it yielded."""

    kind: str  # feed | sitemap | start
    url: str
    status: int | None = None
    articles: int = 0
    sitemaps: int = 0  # a sitemap index's children (listed, not read here)
    # an index's entries (its issues, a calendar's days: ``index_pages``), walked next
    entries: int = 0
    next_page: str | None = None
    error: str | None = None


@dataclass
class RestedSource:
    """A source of the site the crawl rests, failing run after run while the site's
    others answered (``crawl_rests``), as the archive says: checked here like the others,
    so a user sees whether it answers now."""

    url: str
    failures: int  # runs in a row
    asked_again: str  # by the crawl: "next run", "after 2 more runs"
    error: str  # its last failure


@dataclass
class FieldCheck:
    value: str
    rule: str
    origin: str  # profile | structured | generic | none
    drift: bool


@dataclass
class ArticleCheck:
    url: str
    status: int | None = None
    fields: dict[str, FieldCheck] = field(default_factory=dict)
    error: str | None = None
    # "date: .news-date" for each field whose profile selectors all match nothing here,
    # even when another rule (JSON-LD, say) supplied the value and hid the breakage.
    unmatched: list[str] = field(default_factory=list)


@dataclass
class SiteCheck:
    site: str
    explored: int = 0  # requests spent exploring (a profile that names no sources)
    sources: list[SourceCheck] = field(default_factory=list)
    articles: list[ArticleCheck] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)
    # the origin the profile names and the one the whole site moved to ("" when it did not)
    moved_from: str = ""
    moved_to: str = ""
    # hosts under the site's domain exploring adopted as its news's (``Discovery.hosts``):
    # the crawl reads them as the site's own, so a user sees why its sources live there
    hosts: list[str] = field(default_factory=list)
    # why nothing of the site could be fetched (down, robots.txt failing): the fetcher's
    # one line, as crawl, add-site and extract URL say it; "" when the site answered
    unreachable: str = ""
    # the site's sources the crawl rests (from the archive, when there is one)
    rested: list[RestedSource] = field(default_factory=list)

    @property
    def drifted(self) -> list[str]:
        """ "url: field" for every field a generic rule had to supply."""
        return [
            f"{a.url}: {name}" for a in self.articles for name, f in a.fields.items() if f.drift
        ]

    @property
    def failures(self) -> list[str]:
        if self.unreachable:  # (each source failed alike: one line says why, not three)
            return [self.unreachable]
        found = []
        if self.moved_to:
            found.append(
                f"{self.moved_from} moved to {self.moved_to} (its robots.txt and home page"
                " redirect there for good): update the profile's origin"
            )
        found += [f"{s.url}: {s.error}" for s in self.sources if s.error]
        found += [f"{a.url}: {a.error}" for a in self.articles if a.error]
        if not any(s.articles for s in self.sources):
            found.append("no article links found on any start page or feed")
        elif not self.articles:
            found.append("no linked article could be fetched")
        return found

    @property
    def exit_code(self) -> int:
        """0 when the profile fits, 1 when something drifted or failed."""
        return EXIT_PARTIAL if self.drifted or self.failures else EXIT_OK

    def as_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["drift"] = self.drifted
        data["failures"] = self.failures
        return data


def _fitted(report: SiteCheck) -> str:
    """The OK line, saying who found the fields: "the profile's selectors matched every
    field" was said of a profile add-site wrote, which names no selector at all."""
    found = Counter(f.origin for a in report.articles for f in a.fields.values())
    checked = sum(found.values())
    if found["profile"] == checked:
        return "OK: the profile's selectors matched every field checked"
    by = {
        "profile": "found by the profile's selectors",
        "structured": "found in the page's structured data",
        "generic": "found by the generic rules",
        "none": "empty (no rule found a value)",
    }
    parts = ", ".join(f"{found[origin]} {by[origin]}" for origin in by if found[origin])
    return f"OK: no selector of the profile drifted; of {checked} fields checked: {parts}"


def _origin(rule: str) -> str:
    if rule.startswith("profile:"):
        return "profile"
    if rule.startswith(("jsonld:", "meta:")):
        return "structured"
    if rule == "none":
        return "none"
    return "generic"


def check_site(
    profile: Profile,
    *,
    base_url: str | None = None,
    articles: int = 3,
    options: FetchOptions | None = None,
    fetcher: Fetcher | None = None,
    pages: int = CHECK_PAGES,
) -> SiteCheck:
    """Run the check; network errors are recorded in the report, never raised. A site
    that moved to another domain as a whole is checked where it lives now, the move
    reported as the failure to mend (the profile's origin). ``pages``: listing pages
    read per start page at most, the later ones only while fewer article links than
    ``articles`` were found."""
    own = fetcher is None
    fetcher = fetcher or Fetcher(
        (options or FetchOptions(retries=1)).for_site(profile, base_url),
        mirror=base_url,
        site_hosts=site_hosts(profile),
    )
    report = SiteCheck(profile.id)
    found: list[str] = []
    try:
        profile = _where_it_lives(fetcher, profile, report)
        if (problem := fetcher.robots_problem(profile.origin)) is not None:
            report.unreachable = problem
            return report
        feed_urls = [("feed", absolute(profile, u)) for u in profile.feeds]
        feed_urls += [("sitemap", absolute(profile, u)) for u in profile.sitemaps]
        start_urls = [absolute(profile, u) for u in (*profile.start_urls, *profile.rested_urls)]
        if not (feed_urls or start_urls):  # what the crawl would find by itself
            explored = explore(fetcher, profile)
            feed_urls = [("feed", u) for u in explored.feeds]
            feed_urls += [("sitemap", u) for u in explored.sitemaps]
            start_urls = [*explored.listings, *explored.rested]
            report.explored = explored.requests
            report.hosts = list(explored.hosts)
            # checked as the crawl reads them: on the site (``crawl._adopt``)
            profile = with_hosts(profile, explored.hosts)
        for kind, feed in feed_urls:
            found += _check_feed(fetcher, profile, kind, feed, report)
        listed: list[str] = []
        for start in start_urls:
            # the crawler's own walk (``next_pages.listing_walk``), over ``pages`` pages
            # (``CHECK_PAGES`` by default): the start page, and each next page (an
            # index's entries) while the links found so far are fewer than the articles
            # to check
            after = next_pages.ListingPages(profile)  # its next pages, as the crawl's
            walk = next_pages.listing_walk(start, WalkState(), after.months, limit=pages)
            learned: list[Shape] = []  # the item shapes its pages taught, as the crawl's
            while (step := walk.page()) is not None:
                if not _check_start(fetcher, walk, after, learned, step, report, listed, articles):
                    break
        checked = 0
        for url in list(dict.fromkeys(listed + found))[: articles * 3]:
            if checked >= articles:
                break
            result = _check_article(fetcher, profile, url)
            if result.status in GONE_STATUSES:
                report.gone.append(url)
                continue
            report.articles.append(result)
            checked += 1
    finally:
        if own:
            fetcher.close()
    return report


def _where_it_lives(fetcher: Fetcher, profile: Profile, report: SiteCheck) -> Profile:
    """``profile`` at the domain its site moved to (noted in ``report``), else as it is."""
    try:
        moved_to = fetcher.follow_site_move(profile.origin)
    except FetchError:
        return profile  # (the sources' own fetches report what is wrong)
    if moved_to is None:
        return profile
    report.moved_from, report.moved_to = profile.origin, moved_to
    hosts = (urlsplit(moved_to).netloc, *profile.hosts, urlsplit(profile.origin).netloc)
    return replace(profile, origin=moved_to, hosts=tuple(dict.fromkeys(hosts)))


def _fetch(fetcher: Fetcher, url: str) -> tuple[Page | None, int | None, str | None]:
    """The page when it answered 200 (its ``final_url`` is what relative links resolve
    against, as the crawl resolves them: after a redirect, not the URL asked for), the
    status, and the error otherwise."""
    try:
        page = fetcher.fetch(url)
    except FetchError as exc:
        return None, exc.status, str(exc)
    if page.status != 200:
        return None, page.status, f"HTTP {page.status}"
    return page, page.status, None


def _check_feed(
    fetcher: Fetcher, profile: Profile, kind: str, url: str, report: SiteCheck
) -> list[str]:
    """A feed's or sitemap's article links; a sitemap index's children are counted, not
    read: its "0 article links" alone would read as a broken source."""
    check = SourceCheck(kind, url)
    report.sources.append(check)
    page, check.status, check.error = _fetch(fetcher, url)
    max_bytes = fetcher.options.max_bytes
    if page is None or not page.content:
        return []
    links = feeds.page_links(page, profile, url, max_bytes=max_bytes)
    check.articles, check.sitemaps = len(links.articles), len(links.sitemaps)
    return [c.url for c in links.articles]


def _check_start(
    fetcher: Fetcher, walk: ListingWalk, pages: next_pages.ListingPages, learned: list[Shape],
    step: tuple[str, int], report: SiteCheck, listed: list[str], articles: int,
) -> bool:  # fmt: skip
    """The walk's page (``step``: its URL and number), checked and its links added to
    ``listed``; the walk told what it held as the crawl tells it (``crawl_sources``):
    each link new or seen on an earlier page of the walk, the days it prints, whether it
    listed news of its own, an index's entries (``index_pages.listing_index``: a list of
    issues, a calendar's month, read as the crawl reads it, its entries the walk's next
    pages), and a page after the first gone (404/410) or failing as such. Whether the
    page after this one is wanted: only while the links found so far, this page's with
    them, are fewer than ``articles`` (decided before them, page 1 always wanted page
    2). ``pages``, ``learned``: where the walk goes after each page and the item shapes
    its pages taught so far (``listings.article_links``)."""
    url, number = step
    check = SourceCheck("start", url)
    report.sources.append(check)
    page, check.status, check.error = _fetch(fetcher, url)
    if page is None or not page.text:
        if number > 1 and check.status in GONE_STATUSES:
            walk.gone()
        else:
            walk.failed()
        return True
    # a "load more" endpoint's JSON answer read as the crawl reads it: the cards it carries
    tree = parse_html(fragments.as_listing(page.text, page.final_url) or page.text)
    places: list[Place] = []
    links = listings.article_links(
        tree, page.final_url, pages.profile, learned, page.fetched_at, places
    )
    index = index_pages.listing_index(
        tree, page.final_url, [c.url for c in links], next_pages.latest_day(page.fetched_at)
    )
    if index is not None:  # (its cards, if any, are its entries: no articles)
        check.entries, check.next_page = len(index.entries), index.entries[0]
        walk.listed(Listed(index.older, [], entries=index.entries))
        return len(set(listed)) < articles
    check.articles = len(links)
    urls = [c.url for c in links]
    seen = [Seen.THIS_RUN if u in listed else Seen.NEW for u in urls]
    days = [local_date(c.listed_date) for c in links if c.listed_date]
    year = page.fetched_at.date().year
    own = next_pages.own_news(walk, page.final_url, urls, days, places)
    check.next_page = pages.after(
        tree, page.final_url, number, year, page.headers.get("link", ""), own_news=own,
        latest=next_pages.latest_day(page.fetched_at, days),
    )  # fmt: skip
    listed += urls
    walk.listed(Listed(check.next_page, seen, items=urls, dates=days, own_news=own, places=places))
    return len(set(listed)) < articles


def _check_article(fetcher: Fetcher, profile: Profile, url: str) -> ArticleCheck:
    check = ArticleCheck(url)
    page, check.status, check.error = _fetch(fetcher, url)
    if page is None:
        return check
    # what the crawl makes of a 200 that is no page (``no_page``, judged as ``harvest``
    # judges it): an empty body passed unchecked, a binary one "drifted" in every field, a
    # PDF was "binary data" where the crawl settles it as a document
    if unread := no_page(page):
        check.error = unread
        return check
    # (its text, read as the crawl reads it, by the header's charset too: the bytes alone
    # checked a page whose charset only the header names otherwise than it is archived)
    content = page.text
    article = extract(content, page.final_url, profile=profile, today=page.fetched_at)
    if kind := article.rules.get("kind"):  # a crawl archives nothing from this page
        check.error = f"a {kind}, not an article"
    check.unmatched = unmatched_selectors(content, profile)
    drifted = set(article.fields_marked("drift"))
    paragraphs = len(article.text.split("\n")) if article.text else 0
    values: dict[str, str] = {
        "title": article.title,
        "published": article.published.isoformat() if article.published else "",
        "author": article.author or "",
        "text": f"{len(article.text)} chars, {paragraphs} paragraphs: {article.text[:60]}",
    }
    for name in FIELDS:
        rule = article.rules.get(name, "none")
        check.fields[name] = FieldCheck(
            one_line(values[name], 70), rule, _origin(rule), name in drifted
        )
    return check


_SELECTOR_FIELDS = (
    ("title", "title_selectors"),
    ("date", "date_selectors"),
    ("author", "author_selectors"),
    ("body", "body_selectors"),
)


def unmatched_selectors(text: str, profile: Profile) -> list[str]:
    """The profile fields none of whose selectors match anything on this page."""
    tree = parse_html(text)
    missing: list[str] = []
    for name, attr in _SELECTOR_FIELDS:
        selectors: tuple[str, ...] = getattr(profile, attr)
        if selectors and not any(tree.css_first(sel) is not None for sel in selectors):
            missing.append(f"{name}: {', '.join(selectors)}")
    return missing


def format_text(report: SiteCheck) -> str:
    """A plain report for the terminal (no markup: it contains scraped text)."""
    lines = [f"check-site {report.site}"]
    if report.explored:
        lines.append(
            f"  (the profile names no sources: explored the site in {report.explored} requests)"
        )
    for host in report.hosts:
        lines.append(f"  host  {host}: the site's news host (its menu's news link leads there)")
    for source in report.sources:
        status = source.error or f"HTTP {source.status}"
        children = f", {source.sitemaps} child sitemaps (not read here)" if source.sitemaps else ""
        entries = "entry" if source.entries == 1 else "entries"
        index = (
            f", an index of {source.entries} {entries} (issues, a calendar's days) walked next"
            if source.entries
            else ""
        )
        lines.append(
            f"  {source.kind:<5} {source.url}  [{status}]  {source.articles} article links"
            + children
            + index
        )
        if source.kind == "start":
            lines.append(f"        next page: {source.next_page or '-'}")
    for rest in report.rested:
        why = f" ({rest.error})" if rest.error else ""  # (a row may keep no error: NULL)
        lines.append(
            f"  rested {rest.url}: failed in {rest.failures} crawls in a row{why};"
            f" the crawl asks it again {rest.asked_again}"
        )
    for url in report.gone:
        lines.append(f"  gone    {url}  (404/410, skipped)")
    for article in report.articles:
        lines.append(f"  article {article.url}")
        if article.error:
            lines.append(f"        error: {article.error}")
        for name, check in article.fields.items():
            flag = "  DRIFT" if check.drift else ""
            lines.append(f"        {name:<9} {check.origin:<10} {check.rule}{flag}")
            lines.append(f"                  {check.value or '-'}")
        for item in article.unmatched:
            lines.append(f"        no match  {item}")
    if report.exit_code == 0:
        lines.append(_fitted(report))
    for item in report.drifted:
        lines.append(f"DRIFT {item}: a generic rule supplied it; update the profile's selector")
    for item in report.failures:
        lines.append(f"FAILED {item}")
    return for_terminal("\n".join(lines)) + "\n"  # values are scraped


def format_json(report: SiteCheck) -> str:
    return json_escape(json.dumps(report.as_dict(), ensure_ascii=False, indent=2)) + "\n"
