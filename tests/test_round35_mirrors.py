"""A thirty-fifth round of site shapes, crawled from the origin alone (a profile of id,
name and origin) through a real ``MirrorServer``, as ``test_round34_mirrors`` does its
six.

The mirrors (``tests/fixtures/make_mirrors_round35.py``): an AngularJS site routed by
hash-bangs, ``#!/novini/905``, whose server answers each view's HTML snapshot at
``/?_escaped_fragment_=/novini/905`` (magnoliya); a ``www.`` sending every request
``302`` to its mobile copy on ``m.``, whose pages name ``www.`` canonical (oleandar); a
"Зареди още" naming its next cards by an offset, ``data-next="/ajax/news?offset=3"``,
answered by HTML fragments (zyumbyul); robots.txt closing ``/novini/print/``, which
every card and article links (tsikoriya); a portal's "Обяви" and "Документи" of dated
PDF orders beside its "Новини" (rositsa); a municipality at a sub-path of a host it
shares, ``https://hrizantema-bg.eu/obshtina/``, the host's ``/`` a hosting company's
page (hrizantema); articles that are HTML fragments a Bootstrap modal loads over the
list, the headline in ``<h4 class="modal-title">``, no ``<title>`` (sasanka);
Materialize's no-op links, ``href="#!"``, in its dropdowns and its pager (latinka). Each
must archive exactly its articles with the true title, date and body, and a rerun right
after must cost at most three requests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.discover.urls import normalize_url, on_site
from newsarchive.extraction import extract
from newsarchive.models import Profile

from .mirror_sites import FirstCrawl, bare_crawl_twice, check_bare_crawl, proposed, site_json
from .support import SITES, Result

ROUND35_SITES = {
    # AngularJS hash-bangs, #!/novini/905, snapshots at ?_escaped_fragment_=/novini/905
    "magnoliya": ("Община Магнолия", "https://magnoliya.bg"),
    # www. answering every request 302 to m., the m. pages naming www. canonical
    "oleandar": ("Община Олеандър", "https://www.oleandar.bg"),
    # "Зареди още" of data-next="/ajax/news?offset=3", HTML fragments, no <a> pager
    "zyumbyul": ("Община Зюмбюл", "https://zyumbyul.bg"),
    # robots.txt closing /novini/print/, every card and article linking there
    "tsikoriya": ("Община Цикория", "https://tsikoriya.bg"),
    # "Обяви" and "Документи" beside "Новини", their dated items each only a PDF
    "rositsa": ("Община Росица", "https://www.rositsa.bg"),
    # a site at a sub-path of a host it shares, the host's "/" a hosting company's page
    "hrizantema": ("Община Хризантема", "https://hrizantema-bg.eu/obshtina/"),
    # two sites in folders of one host, one sitemap listing both, a bar linking both
    "gardeniya": ("Община Гардения", "https://gardeniya-host.eu/obshtina/"),
    # each article an HTML fragment a Bootstrap modal loads: modal-title, modal-body
    "sasanka": ("Община Съсънка", "https://sasanka.bg"),
    # Materialize, its no-op links "#!": dropdowns, the pager's current page and arrows
    "latinka": ("Община Латинка", "https://latinka.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND35_SITES))
def test_a_round35_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND35_SITES[site])


FIRST_CRAWLS = [
    # the hash-bang views asked for as their snapshots, each once (the site was "no news
    # site": the shell at / links nothing, and every #! link was read as going nowhere)
    FirstCrawl(
        "magnoliya",
        once=("/?_escaped_fragment_=", "/?_escaped_fragment_=/novini?page=2"),
        distinct_under={"/?_escaped_fragment_=/novini/": 8},
        rows=8,
    ),
    # the m. copy read (the redirect to it was refused as off the site: nothing archived)
    FirstCrawl("oleandar", once=("/novini?page=3",), rows=8),
    # each fragment once, from the offset the button before it named
    FirstCrawl("zyumbyul", once=("/ajax/news?offset=3", "/ajax/news?offset=6"), rows=8),
    # no print view asked for: robots.txt closes them
    FirstCrawl("tsikoriya", once=("/novini?page=3",), unasked=("/novini/print/905",), rows=8),
    # the news walked; no PDF asked for, none archived
    FirstCrawl(
        "rositsa",
        once=("/bg/novini?page=3",),
        unasked=("/uploads/obyavi/zapoved-1184.pdf",),
        rows=8,
    ),
    # no "#!" asked as a hash-bang view: a bare one goes nowhere
    FirstCrawl("latinka", once=("/novini?page=2", "/novini?page=3"), rows=8),
    # explored from its folder: the host's "/" and its other customers never asked (a
    # profile's origin with a path was refused, exit 2: "must look like https://host")
    FirstCrawl(
        "hrizantema",
        once=("/obshtina/", "/obshtina/novini/?str=3"),
        unasked=("/", "/uchilishte/"),
        rows=8,
    ),
    # the other site's pages on the host, in its sitemap and its bar, are not the site's,
    # nor is the page a story of the list redirects to (only the host was asked: all
    # 5 of the other site's articles were archived too, 11 rows, and the rerun walked
    # the other site's list as one of the site's)
    FirstCrawl(
        "gardeniya",
        once=("/obshtina/novini/",),
        unasked=("/drugo-obshtestvo/novini/", "/drugo-obshtestvo/novini/704.html"),
        rows=6,
    ),
]


@pytest.mark.parametrize("expected", FIRST_CRAWLS, ids=lambda e: e.site)
def test_a_round35_sites_first_crawl_asks_for_each_page_it_needs_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, expected: FirstCrawl
) -> None:
    site = expected.site
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND35_SITES[site])
    expected.check(first, db)
    assert not [path for path in first if "/print/" in path], first
    if site != "magnoliya":
        assert not [path for path in first if "_escaped_fragment_" in path], first


@pytest.mark.parametrize(
    ("link", "base", "address"),
    [
        ("#!/novini/5", "https://x.bg/", "https://x.bg/?_escaped_fragment_=/novini/5"),
        ("/#!/novini?page=2", None, None),  # (relative, no base: no address)
        ("#!/novini?page=2", "https://x.bg/a", "https://x.bg/a?_escaped_fragment_=/novini?page=2"),
        ("https://x.bg/?lang=bg#!/a&b", None, "https://x.bg/?lang=bg&_escaped_fragment_=/a%26b"),
        ("https://x.bg/#!", None, "https://x.bg/"),  # (a bare "#!": a link going nowhere)
        ("#!", "https://x.bg/novini?page=2", None),  # (Materialize's pager arrow, disabled)
        ("https://x.bg/#novini", None, "https://x.bg/"),  # (a plain fragment: dropped)
    ],
)
def test_a_hash_bang_link_is_the_address_its_snapshot_is_served_at(
    link: str, base: str | None, address: str | None
) -> None:
    """The AJAX crawling scheme's one mapping: ``#!`` and what follows become the
    ``_escaped_fragment_`` field, after the page's own query, its ``&`` escaped."""
    assert normalize_url(link, base) == address


def test_add_site_given_a_site_at_a_sub_path_explores_its_folder(
    run_cli: Callable[..., Result],
) -> None:
    """``add-site https://hrizantema-bg.eu/obshtina/`` dropped the folder and explored the
    host's "/", a hosting company's page: "does not look like a news site", exit 2.
    Nothing found there, the folder typed is explored as the site's home, and the profile
    proposed names it in its origin, so its crawl explores there too."""
    proposal = proposed(run_cli, "hrizantema", "https://hrizantema-bg.eu/obshtina/")
    assert proposal.profile["origin"] == "https://hrizantema-bg.eu/obshtina/"
    assert proposal.discovery["start_urls"] == ["/obshtina/novini/"]
    assert "/obshtina/" in proposal.requests


@pytest.mark.parametrize(
    "typed", ["https://gardeniya-host.eu/obshtina", "gardeniya-host.eu/obshtina/"]
)
def test_add_site_given_a_folder_its_hosts_root_passes_by_explores_the_folder(
    run_cli: Callable[..., Result], typed: str
) -> None:
    """``add-site https://gardeniya-host.eu/obshtina``: the host's "/" links, by the bar it
    sets atop both its customers' sites, the other one's news, which exploring the host
    found and proposed (0 of the site's 6 articles, 5 of the other's). News found only
    outside the one folder typed is another site's: the folder is explored as the home."""
    proposal = proposed(run_cli, "gardeniya", typed)
    assert proposal.profile["origin"] == "https://gardeniya-host.eu/obshtina/"
    assert proposal.discovery["start_urls"] == ["/obshtina/novini/"]
    assert not any("drugo" in url for url in proposal.discovery.get("start_urls", []))


@pytest.mark.parametrize(
    ("site", "typed"),
    [
        # the host's "/" shows nothing: "/obshtina/novini/" was taken as the home, the
        # site made its news section alone
        ("hrizantema", "https://hrizantema-bg.eu/obshtina/novini/"),
        ("hrizantema", "hrizantema-bg.eu/obshtina/novini/905.html"),
        # the host's "/" shows another customer's news: a folder deeper than one was
        # passed over, and the other site's list proposed
        ("gardeniya", "https://gardeniya-host.eu/obshtina/novini/"),
        ("gardeniya", "https://gardeniya-host.eu/obshtina/novini/704.html"),
    ],
)
def test_add_site_given_an_address_deeper_in_a_sites_folder_proposes_the_folder(
    run_cli: Callable[..., Result], site: str, typed: str
) -> None:
    """An address deeper in a site kept in a folder of its host (its news, an article)
    names that site, whatever the host's "/" shows: one rule, the address's first folder
    (``add_site.typed_folder``), where a hosting company keeps each customer's site."""
    _, origin = ROUND35_SITES[site]
    proposal = proposed(run_cli, site, typed)
    assert proposal.profile["origin"] == origin
    assert proposal.discovery["start_urls"] == ["/obshtina/novini/"]


def test_an_article_that_is_a_modal_dialogs_fragment_is_read_as_its_page() -> None:
    """sasanka's articles: a Bootstrap modal's parts and nothing else. "modal" names
    furniture on a page (a cookie or login dialog), so the headline and the date were
    hidden: archived untitled, dated only by the list's day. A fragment that is only a
    dialog's parts is the page a reader sees; a page holding a dialog keeps it furniture."""
    url = "https://sasanka.bg/novini/905"
    (row,) = [r for r in site_json("sasanka", "expected.json") if r["url"] == url]
    fragment = (SITES / "sasanka" / "novini" / "905.html").read_text(encoding="utf-8")
    article = extract(fragment, url=url)
    assert article.title == row["title"] and article.published is not None
    assert article.published.isoformat() == row["published"]
    assert article.date_source == "text" and article.text == row["text"]
    first = row["text"].splitlines()[0]
    page = (
        "<html><head><title>Новини | Община Х</title></head><body><h1>Бюджетът е приет</h1>"
        "<p>Общинският съвет прие бюджета на общината за следващата година след дълго"
        " обсъждане на всички предложения.</p>"
        f'<div class="modal fade">{fragment}</div></body></html>'
    )
    assert first not in extract(page, url="https://x.bg/novini/1").text


@pytest.mark.parametrize(
    ("url", "inside"),
    [
        ("https://x.bg/obshtina/novini/5.html", True),
        ("https://www.x.bg/Obshtina/novini/5.html", True),  # (IIS answers either case)
        ("https://x.bg/obshtina", True),  # (the folder without its last slash)
        ("https://x.bg/obshtina-2/novini/5.html", False),
        ("https://x.bg/drugo-obshtestvo/novini/5.html", False),
        ("https://x.bg/", False),
        ("https://novini.x.bg/5.html", True),  # (a host the site adopted is its whole)
        ("https://y.bg/obshtina/novini/5.html", False),
    ],
)
def test_a_site_in_a_folder_ends_at_its_folder(url: str, inside: bool) -> None:
    """A site at a sub-path of a host it shares is its folder, not the host: another
    site's pages there, in the host's one sitemap or its shared bar, are not its."""
    hosts = ("x.bg", "novini.x.bg")
    profile = Profile(id="x", name="x", origin="https://x.bg", hosts=hosts, home="/obshtina/")
    assert on_site(url, profile) is inside
