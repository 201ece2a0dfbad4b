"""What a page's canonical link is trusted for, on a real server on 127.0.0.1: one article
is one row whatever address it was reached by, and a canonical the page cannot mean (two
plugins disagreeing, its own AMP copy, the news listing, another article's address)
merges no two articles and renames none."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.discover import urls
from newsarchive.discover.urls import StartPages, identify, stands_in, stated_canonical, url_key
from newsarchive.link_header import linked
from newsarchive.models import Profile

from .faultserver import article_html
from .hostileserver import HostileServer, Reply, html, redirect, response
from .support import Result
from .test_two_spellings import SITE, _crawl, _frontier, _shown, _site


def _rows(db: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as conn:
        return sorted(conn.execute("SELECT url, title FROM articles"))


def _title(n: int) -> str:
    return f"Новина номер {n} от общината"


def _page(n: int, head: str = "", canonical: str = "") -> Reply:
    """Article ``n`` with ``head`` (more links and metas) at the end of its head."""
    page = article_html(n, canonical=canonical).decode()
    return html(page.replace("</head>", f"{head}</head>"))


def _refresh(run_cli: Callable[..., Result], site: HostileServer, db: Path) -> Result:
    """A crawl that fetches the archived articles again (``_crawl`` wrote the profile)."""
    return run_cli(
        "crawl", "fault", "--profile", str(db.parent / "fault.toml"), "--base-url", site.url,
        "--delay", "0", "--refresh", "--db", str(db),
    )  # fmt: skip


def _revisions(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT count(*) FROM revisions").fetchone()[0])


def test_an_address_another_page_named_first_stays_the_article_served_there(
    run_cli: Callable[..., Result], db: Path
) -> None:
    """``/107-f`` names ``/108-g`` as its canonical (a template's address copied over)
    and is fetched first: it was archived under ``/108-g``, and ``/108-g`` itself, read
    next, then updated that row with its own article, ``/107-f``'s kept only as history:
    two articles, one row, and which page the feed listed first decided it."""
    pages = {
        "/news/107-f": _page(107, canonical=f"{SITE}/news/108-g"),
        "/news/108-g": _page(108),
    }
    routes = _site(list(pages), pages)
    with HostileServer(routes) as site:
        result = _crawl(run_cli, site, db)
    assert result.exit_code == 0, result.stderr
    expected = [(f"{SITE}/news/107-f", _title(107)), (f"{SITE}/news/108-g", _title(108))]
    assert _rows(db) == expected
    with HostileServer(routes) as again:  # read again: the same two rows, nothing changed
        second = _refresh(run_cli, again, db)
    assert second.exit_code == 0, second.stderr
    assert _rows(db) == expected
    assert _revisions(db) == 0
    assert _shown(run_cli, db, f"{SITE}/news/108-g") == f"{SITE}/news/108-g"


def test_a_canonical_every_article_takes_up_later_leaves_each_its_own_address(
    run_cli: Callable[..., Result], db: Path
) -> None:
    """Archived under their own canonicals, then a theme update gives every article the
    category page as canonical: the first article read again was renamed to the category
    page, and kept that name even once the next ones showed the address names none."""
    paths = [f"/news/18{i}-a" for i in range(3)]
    first = {path: _page(180 + i, canonical=path) for i, path in enumerate(paths)}
    with HostileServer(_site(paths, first)) as site:
        assert _crawl(run_cli, site, db).exit_code == 0
    broken = {
        path: _page(180 + i, canonical="/kategoriya/obshtina/") for i, path in enumerate(paths)
    }
    with HostileServer(_site(paths, broken)) as site:
        result = _refresh(run_cli, site, db)
    assert result.exit_code == 0, result.stderr
    assert _rows(db) == [(f"{SITE}{path}", _title(180 + i)) for i, path in enumerate(paths)]
    assert _revisions(db) == 0


def test_a_canonical_the_page_cannot_mean_leaves_it_its_own_address(
    run_cli: Callable[..., Result], db: Path
) -> None:
    """Each page here names an address that is not its article's, and each was archived
    under it: two canonical links disagreeing (a theme's category default before the SEO
    plugin's own), an ``og:url`` naming the news listing with a slash its start URL has
    not, a canonical naming the page's own AMP copy, one naming a category page (the
    only article this run to name it: nothing shows it is shared), and one carrying Google's search
    click id (``srsltid``) where its links carry none."""
    two_links = '<link rel="canonical" href="/kategoriya/x/"><link rel="canonical" href="">'
    pages = {
        "/news/171-a": _page(171, head=two_links + '<link rel="canonical" href="/news/171-a">'),
        "/news/173-a": _page(173, head=f'<meta property="og:url" content="{SITE}/news/">'),
        "/news/151-a": _page(151, canonical=f"{SITE}/news/151-a?amp=1"),
        "/news/121-c": _page(121, canonical="/category/obshtina/"),
        "/news/176-a": _page(176, canonical=f"{SITE}/news/176-a?srsltid=AfmBOoq6RnzX9seD"),
    }
    with HostileServer(_site(list(pages), pages)) as site:
        result = _crawl(run_cli, site, db)
    assert result.exit_code == 0, result.stderr
    assert _rows(db) == sorted((f"{SITE}{path}", _title(int(path[6:9]))) for path in pages)


def test_what_a_canonical_rightly_says_is_taken(run_cli: Callable[..., Result], db: Path) -> None:
    """Guards: a relative or protocol-relative canonical, one with tracking parameters
    and a fragment, two canonical links naming one address in two spellings, a head's
    canonical beside another in the body (an embedded card), one the parser finds in the
    body only (a stray tag in the head started the body early); a story
    republished from BTA with its canonical on bta.bg is the regional site's row, and
    bta.bg is never asked for."""
    head_two = (
        '<link rel="canonical" href="/news/133-c-final">'
        f'<link rel="canonical" href="{SITE}/news/133-c-final?utm_source=x">'
    )

    def canonical(href: str) -> str:
        return f'<link rel="canonical" href="{href}">'

    # an embedded card of another article, with that article's head in the body
    card = article_html(175, canonical="/news/175-e-final").decode()
    card = card.replace("<footer>", f'<div class="card">{canonical("/news/99-x")}</div><footer>')
    pages = {
        "/news/131-a": _page(131, canonical="../news/131-a-final?utm_source=fb&fbclid=1#top"),
        "/news/132-b": _page(132, canonical="//fault.example/news/132-b-final"),
        "/news/133-c": _page(133, head=head_two),
        "/news/141-bta": _page(141, canonical="https://www.bta.bg/bg/news/123"),
        "/news/175-e": html(card),
        "/news/178-f": _page(178, head=f'<div class="ga"></div>{canonical("/news/178-f-final")}'),
    }
    with HostileServer(_site(list(pages), pages)) as site:
        result = _crawl(run_cli, site, db)
    assert result.exit_code == 0, result.stderr
    assert _rows(db) == [
        (f"{SITE}/news/131-a-final", _title(131)),
        (f"{SITE}/news/132-b-final", _title(132)),
        (f"{SITE}/news/133-c-final", _title(133)),
        (f"{SITE}/news/141-bta", _title(141)),
        (f"{SITE}/news/175-e-final", _title(175)),
        (f"{SITE}/news/178-f-final", _title(178)),
    ]
    assert not [url for url in _frontier(db) if "bta.bg" in url]
    assert _shown(run_cli, db, f"{SITE}/news/131-a") == f"{SITE}/news/131-a-final"


def test_a_canonical_renamed_between_crawls_renames_the_row_and_keeps_its_history(
    run_cli: Callable[..., Result], db: Path
) -> None:
    """Guard: read again with a new canonical and an edited text, the article keeps one
    row under its new address, its first version a revision, its old address leading
    to it."""
    with HostileServer(_site(["/news/191-a"], {"/news/191-a": _page(191)})) as site:
        assert _crawl(run_cli, site, db).exit_code == 0
    edited = article_html(191, canonical="/news/191-preimenuvana").decode()
    edited = edited.replace("Абзац 1", "Абзац първи")
    with HostileServer(_site(["/news/191-a"], {"/news/191-a": html(edited)})) as site:
        result = _refresh(run_cli, site, db)
    assert result.exit_code == 0, result.stderr
    assert _rows(db) == [(f"{SITE}/news/191-preimenuvana", _title(191))]
    assert _revisions(db) == 1
    shown = run_cli("show", f"{SITE}/news/191-a", "--format", "json", "--db", str(db))
    assert json.loads(shown.stdout)["text"].startswith("Абзац първи")


def test_identify_ignores_a_listing_a_category_and_the_pages_amp_copy() -> None:
    profile = Profile(id="t", name="T", origin="https://t.bg", start_urls=("/novini",))
    page = "https://t.bg/novini/5-remont"
    assert identify(page, "https://t.bg/novini/", profile) == page
    assert identify(page, f"{page}?amp=1", profile) == page
    assert identify(page, f"{page}/amp/", profile) == page
    assert identify(page, "https://t.bg/tag/remont/", profile) == page
    assert identify("https://t.bg/tag/remont/", "https://t.bg/tag/remont", profile).endswith("nt")
    # an AMP copy naming its original stays the original's; a real rename is taken
    assert identify(f"{page}?amp=1", page, profile) == page
    assert identify(page, "https://t.bg/novini/5-remont-na-ulitsata", profile).endswith("tsata")


def test_a_crawls_start_pages_are_keyed_once_not_on_every_page_asked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``judge`` asks whether each redirected page stands in for a start page: a crawl
    that explored 300 listings keys them once, and a listing found later still counts."""
    profile = Profile(id="t", name="T", origin="https://t.bg", start_urls=("/novini",))
    starts = StartPages(profile, [f"https://t.bg/rubrika/{n}" for n in range(300)])
    keyed = 0
    real = urls.slashless_key

    def counted(url: str) -> str:
        nonlocal keyed
        keyed += 1
        return real(url)

    monkeypatch.setattr(urls, "slashless_key", counted)
    for n in range(100):
        assert stands_in("https://t.bg/rubrika/7/", f"https://t.bg/novini/{n}-a", profile, starts)
        assert not stands_in(f"https://t.bg/n/{n}", f"https://t.bg/novini/{n}-a", profile, starts)
    assert keyed <= 2 * 200  # the two pages' keys a question, never the listings'
    starts.update(["https://t.bg/arhiv"])
    assert stands_in("https://t.bg/arhiv/", "https://t.bg/novini/1-a", profile, starts)
    assert identify("https://t.bg/novini/1-a", "https://t.bg/arhiv", profile, starts).endswith("-a")


def test_click_ids_are_no_part_of_an_address() -> None:
    plain = "https://t.bg/novini/5"
    for param in ("srsltid=AfmBOo", "_gl=1*abc", "msclkid=9f", "igshid=x1", "gad_source=1"):
        assert url_key(f"{plain}?{param}") == url_key(plain)
    assert url_key(f"{plain}?id=5") != url_key(plain)


def test_a_canonical_in_the_link_header_is_read_as_one_of_the_heads(
    run_cli: Callable[..., Result], db: Path
) -> None:
    """``Link: <…>; rel="canonical"`` (a CMS's or CDN's, on HTML pages too) is one more of
    the head's canonical links: alone it is taken, agreeing with the head it is the
    same address, disagreeing with it neither is (the page keeps its own address, as
    with two head links that disagree), and it is trusted no more than the head's (a
    category page named so is still ignored)."""

    def linked(n: int, link: str, canonical: str = "") -> Reply:
        body = article_html(n, canonical=canonical)
        return response(body=body, headers={"Link": link})

    pages = {
        "/news/181-a": linked(181, '</news/181-a-final>; rel="canonical"'),
        "/news/182-b": linked(
            182,
            f'<{SITE}/news/182-b-final?utm_source=x>; rel=canonical, </?p=182>; rel="shortlink"',
            canonical="/news/182-b-final",
        ),
        "/news/183-c": linked(
            183, '</news/183-c-cdn>; rel="canonical"', canonical="/news/183-c-cms"
        ),
        "/news/184-d": linked(184, '</category/obshtina/>; rel="canonical"'),
        "/news/185-e": linked(185, '</?p=185>; rel="shortlink", </news/185-x>; rel="alternate"'),
    }
    with HostileServer(_site(list(pages), pages)) as site:
        result = _crawl(run_cli, site, db)
    assert result.exit_code == 0, result.stderr
    assert _rows(db) == [
        (f"{SITE}/news/181-a-final", _title(181)),
        (f"{SITE}/news/182-b-final", _title(182)),
        (f"{SITE}/news/183-c", _title(183)),
        (f"{SITE}/news/184-d", _title(184)),
        (f"{SITE}/news/185-e", _title(185)),
    ]


def test_the_link_header_is_read_by_relation() -> None:
    header = (
        '<https://x.bg/wp-json/>; rel="https://api.w.org/", </a>; rel="alternate canonical";'
        ' type="text/html", <https://x.bg/?p=1>; title="rel=canonical"; rel=shortlink'
    )
    assert linked(header, "canonical") == ["/a"]
    assert linked(header, "shortlink") == ["https://x.bg/?p=1"]
    assert linked(None, "canonical") == linked("<>", "canonical") == []
    base = "https://x.bg/novini/a"
    assert stated_canonical(None, ["/b"], base) == "https://x.bg/b"
    assert stated_canonical("https://x.bg/b", ["//www.x.bg/b?utm_source=1"], base) == (
        "https://x.bg/b"
    )
    assert stated_canonical("https://x.bg/b", ["/c"], base) is None
    assert stated_canonical(None, ["/b", "/c"], base) is None
    assert stated_canonical("https://x.bg/b", [], base) == "https://x.bg/b"


def test_a_canonical_the_crawl_found_gone_or_moved_leaves_the_page_its_own_address(
    run_cli: Callable[..., Result], db: Path
) -> None:
    """A page naming as its canonical an address this crawl fetched and found gone (a
    404) or sent elsewhere (a redirect to a category page) keeps the address it was
    fetched from: archived under the canonical, a reader could not open it there. Only
    with what the crawl knows: the named addresses come first in the feed, and no
    request is made to check one (each is asked once)."""
    pages = {
        "/news/192-moved": redirect("/kategoriya/obshtina/"),
        "/kategoriya/obshtina/": html("<ul><li><a href='/news/191-a'>Статия</a></li></ul>"),
        "/news/191-a": _page(191, canonical="/news/190-gone"),
        "/news/194-c": _page(194, canonical="/news/192-moved"),
        "/news/195-d": _page(195, canonical="/news/195-d-final"),  # (nothing known: taken)
    }
    feed = ["/news/190-gone", "/news/192-moved", "/news/191-a", "/news/194-c", "/news/195-d"]
    with HostileServer(_site(feed, pages)) as site:
        result = _crawl(run_cli, site, db)
        asked = dict(site.hits)
    # (neither is a failure: an article sent on to a category's page was removed there)
    assert result.exit_code == 0, result.stderr
    assert "2 gone" in result.stdout
    assert _rows(db) == [
        (f"{SITE}/news/191-a", _title(191)),
        (f"{SITE}/news/194-c", _title(194)),
        (f"{SITE}/news/195-d-final", _title(195)),
    ]
    assert asked["/news/190-gone"] == asked["/news/192-moved"] == 1
    assert "/news/195-d-final" not in asked


def test_a_link_headers_canonical_repeating_the_pages_folders_is_read_from_the_root() -> None:
    """A server's rule printing the stored path without its slash, as a theme prints the
    head's (``Link: <novini/1480-x>; rel="canonical"`` on ``/novini/1480``), names
    ``/novini/1480-x``, not ``/novini/novini/1480-x``, an address the site never served:
    the header's canonical is read as the head's is (``urls.from_site_root``), so the
    two agree where they name one page. One repeating no folder is read as written."""
    page = "https://x.bg/novini/1480"
    assert stated_canonical(None, ["novini/1480-x"], page) == "https://x.bg/novini/1480-x"
    assert stated_canonical(None, [" novini/1480-x"], page) == "https://x.bg/novini/1480-x"
    assert stated_canonical(None, ["1480-x"], page) == "https://x.bg/novini/1480-x"
    # the head's rooted canonical and the header's, the same words: one address, not two
    head = "https://x.bg/novini/1480-x"
    assert stated_canonical(head, ["novini/1480-x"], head) == head
    # (a CMS in a folder: what precedes the repeated folders is kept)
    assert stated_canonical(None, ["novini/5"], "https://x.bg/obshtina/novini/5?p=1") == (
        "https://x.bg/obshtina/novini/5"
    )
