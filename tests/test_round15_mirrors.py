"""A fifteenth round of site shapes, crawled from the origin alone (a profile of id, name
and origin) through a real ``MirrorServer``, as ``test_round14_mirrors`` does its nine.

The mirrors (``tests/fixtures/make_mirrors_round15.py``): the next listing page named
only by ``<link rel="next">`` in ``<head>`` (kitka); the article's date only in a side box
after the text, dated headlines before it (prelez); an RSS feed that is no well-formed XML
(gorun); robots.txt's ``Sitemap:`` line a relative address (kamenar); the sitemap named
only by ``<link rel="sitemap">`` (svetlik); an Atom feed paged by ``<link rel="next">``,
articles at ``/statia/<id>`` (dabnitsa); a sitemap index of gzipped sitemaps listing
slugs of two words (kalnik); an RSS feed announced as ``type="text/xml"`` (vedrina);
every ``href`` on lines of its own inside the quotes (vrapchane). Each must archive
exactly its articles with the true title, date and body, and a rerun right after must
cost at most three requests.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pytest

from newsarchive.discover.feeds import feed_links
from newsarchive.discover.walk import MAX_ATTEMPTS
from newsarchive.mirror import MirrorServer, Outage
from newsarchive.models import Profile

from .mirror_sites import (
    MirrorCrawls,
    Proposes,
    article_rows,
    bare_profile,
    check_bare_crawl,
    explored_again,
    mirror_crawls,
    propose,
    proposed,
)
from .support import SITES, Result

ROUND15_SITES = {
    # the next listing page only in <link rel="next"> in <head>, no pager shown
    "kitka": ("Община Китка", "https://kitka.bg"),
    # the date only in a side box after the text, dated headlines before it
    "prelez": ("Община Прелез", "https://www.prelez.bg"),
    # an RSS feed of raw "&" and HTML entities, older news only there
    "gorun": ("Община Горун", "https://gorun.bg"),
    # robots.txt's "Sitemap: /sitemap-novini.xml", older news only there
    "kamenar": ("Община Каменар", "https://www.kamenar.bg"),
    # the sitemap named only by <link rel="sitemap"> in <head>
    "svetlik": ("Община Светлик", "https://svetlik.bg"),
    # an Atom feed paged by <link rel="next">, articles at /statia/<id>
    "dabnitsa": ("Община Дъбница", "https://www.dabnitsa.bg"),
    # a sitemap index of gzipped sitemaps, slugs of two words
    "kalnik": ("Община Калник", "https://kalnik.bg"),
    # the RSS feed announced as type="text/xml", older news only there
    "vedrina": ("Община Ведрина", "https://www.vedrina.bg"),
    # every href on lines of its own, indented by tabs, inside the quotes
    "vrapchane": ("Община Врапчане", "https://www.vrapchane.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND15_SITES))
def test_a_round15_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND15_SITES[site])


PROPOSALS = [
    # Sitemap: /sitemap-novini.xml is read against robots.txt's own address
    Proposes("kamenar", "sitemaps", equals=["/sitemap-novini.xml"]),
    Proposes("svetlik", "sitemaps", equals=["/karta-na-sayta.xml"]),
    Proposes("vedrina", "feeds", equals=["/rss.php"]),
]


@pytest.mark.parametrize("expected", PROPOSALS, ids=lambda e: e.site)
def test_add_site_proposes_a_round15_sites_sources(
    run_cli: Callable[..., Result], expected: Proposes
) -> None:
    expected.check(proposed(run_cli, expected.site, ROUND15_SITES[expected.site][1]))


def _dabnitsa(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, *, editable: bool = False,
    proposed: bool = False,
) -> AbstractContextManager[MirrorCrawls]:  # fmt: skip
    name, origin = ROUND15_SITES["dabnitsa"]
    return mirror_crawls(
        run_cli, db, tmp_path, "dabnitsa", name, origin, editable=editable, proposed=proposed
    )


def test_add_sites_profile_of_a_paged_feed_reads_it_to_its_end_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """The profile add-site saves names the feed and the home page, no article pattern:
    its first crawl walks the home page (which teaches ``/statia/<id>``), then reads the
    feed and its older pages; the rerun reads the feed's first page only."""
    with _dabnitsa(run_cli, db, tmp_path, proposed=True) as crawls:
        first, again = crawls.crawl(), crawls.crawl()
    assert "/atom.xml?str=3" in first
    assert not any("?str=" in r for r in again)
    assert len(article_rows(db)) == 9


def test_a_feeds_older_page_that_fails_fails_the_run_but_not_the_feed(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """add-site's profile of dabnitsa (the Atom feed, the home page), the feed's page 2
    answering 500: the run fails, saying so, but its sources worked (the home page and
    the feed's first page were read, their news kept), as a listing whose later page
    fails does: the site is not explored again for it. It was: the feed's older page
    counted as a failed source, as its first page would."""
    monkeypatch.setenv("NEWSARCHIVE_RETRIES", "0")
    name, origin = ROUND15_SITES["dabnitsa"]
    outage = Outage({"/atom.xml?str=2"}, status=500)
    with MirrorServer(SITES / "dabnitsa", intercept=outage) as server:
        profile = tmp_path / "dabnitsa.toml"
        profile.write_text(propose(run_cli, origin, server).text, encoding="utf-8")
        before = len(server.requests)
        result = run_cli(
            "crawl", "dabnitsa", "--profile", str(profile), "--base-url", server.url,
            "--delay", "0", "--db", str(db),
        )  # fmt: skip
        asked = server.requests[before:]
    assert result.exit_code == 1
    (line,) = result.stderr.strip().splitlines()
    assert "/atom.xml?str=2" in line
    assert "exploring" not in result.stdout
    assert asked.count("/") == 1 and asked.count("/atom.xml") == 1, asked


def _dabnitsa_failing(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, outage: Outage, runs: int,
    *, back_after: int = 0, extra: tuple[str, ...] = (),
) -> list[tuple[int, list[str], str]]:  # fmt: skip
    """``runs`` crawls of dabnitsa by a bare profile (given the options ``extra``), the
    paths in ``outage.down`` answering 500 (``back_after``: in that many runs, then
    never again; 0: in all): each run's exit code, requests (no article's) and stderr."""
    name, origin = ROUND15_SITES["dabnitsa"]
    profile = bare_profile(tmp_path, "dabnitsa", name, origin)
    done: list[tuple[int, list[str], str]] = []
    with MirrorServer(SITES / "dabnitsa", intercept=outage) as server:
        args = ("crawl", "dabnitsa", "--profile", str(profile), "--base-url", server.url)
        for run in range(runs):
            if back_after and run == back_after:
                outage.down.clear()
            before = len(server.requests)
            result = run_cli(*args, *extra, "--delay", "0", "--db", str(db))
            asked = [p for p in server.requests[before:] if not p.startswith("/statia/")]
            done.append((result.exit_code, asked, result.stderr))
    return done


@pytest.mark.parametrize("failing", ["/atom.xml?str=2", "/atom.xml?str=3"])
def test_a_feeds_older_page_that_failed_is_read_from_there_on_the_next_run(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    failing: str,
) -> None:  # fmt: skip
    """The feed's older page failing (500) on the first crawl, the next run reads the
    feed whole and goes on from that page, as a listing's walk resumes at its failed
    page (``test_not_articles``); read to its end then, the run after asks its first
    page alone. Measured before: the feed's validators were kept as though its reading
    had ended, the next runs asked ``/atom.xml`` alone (a 304), and the posts from the
    failed page on were never archived (4 of 9 with page 2 failing, 8 with page 3)."""
    monkeypatch.setenv("NEWSARCHIVE_RETRIES", "0")
    runs = _dabnitsa_failing(run_cli, db, tmp_path, Outage({failing}, status=500), 3, back_after=1)
    (first, asked, said), (second, again, _), (third, nightly, _) = runs
    assert first == 1 and failing in said and failing in asked, (said, asked)
    assert second == third == 0
    # page 1 whole, then the page that failed (not page 2 again when page 3 did), on
    assert [p for p in again if p.startswith("/atom.xml")] == ["/atom.xml", failing] + (
        ["/atom.xml?str=3"] if failing.endswith("2") else []
    )
    assert len(article_rows(db)) == 9
    assert [p for p in nightly if p.startswith("/atom.xml")] == ["/atom.xml"]


def test_a_feeds_failed_page_past_the_runs_page_cap_is_not_jumped_to_but_kept(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The feed's page 3 failed; a run with ``--max-pages 2`` reads pages 1 and 2, as
    far as it may, not page 3, and keeps page 3 for the next full run to resume at.
    Measured before: the capped run cleared the failure, the full run after asked
    ``/atom.xml`` alone (a 304) and page 3's posts were never archived (8 of 9)."""
    monkeypatch.setenv("NEWSARCHIVE_RETRIES", "0")
    outage = Outage({"/atom.xml?str=3"}, status=500)
    _dabnitsa_failing(run_cli, db, tmp_path, outage, 1)
    outage.down.clear()
    [(code, asked, _)] = _dabnitsa_failing(
        run_cli, db, tmp_path, outage, 1, extra=("--max-pages", "2")
    )
    assert code == 0
    assert [p for p in asked if p.startswith("/atom.xml")] == ["/atom.xml", "/atom.xml?str=2"]
    [(code, asked, _)] = _dabnitsa_failing(run_cli, db, tmp_path, outage, 1)
    assert code == 0
    assert [p for p in asked if p.startswith("/atom.xml")] == ["/atom.xml", "/atom.xml?str=3"]
    assert len(article_rows(db)) == 9


def test_capped_nightly_runs_read_a_feed_conditionally_while_its_failed_page_is_past_the_cap(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The feed's page 3 failed; the nightly runs after are capped at 2 pages, short of
    it: each asks the feed's first page conditionally (a 304, the feed unchanged), and
    the failure waits for a run whose cap reaches page 3, which resumes there. Measured
    before: every capped run asked ``/atom.xml`` whole and ``?str=2`` again, for ever
    (page 3 never asked, so its failures never counted either)."""
    monkeypatch.setenv("NEWSARCHIVE_RETRIES", "0")
    outage = Outage({"/atom.xml?str=3"}, status=500)
    _dabnitsa_failing(run_cli, db, tmp_path, outage, 1)
    outage.down.clear()
    capped = _dabnitsa_failing(run_cli, db, tmp_path, outage, 2, extra=("--max-pages", "2"))
    assert [code for code, _asked, _said in capped] == [0, 0]
    nightly = [p for p in capped[-1][1] if p.startswith("/atom.xml")]
    assert nightly == ["/atom.xml"], capped
    [(code, asked, _)] = _dabnitsa_failing(run_cli, db, tmp_path, outage, 1)
    assert code == 0
    assert [p for p in asked if p.startswith("/atom.xml")] == ["/atom.xml", "/atom.xml?str=3"]
    assert len(article_rows(db)) == 9


def test_a_feeds_older_page_failing_run_after_run_is_taken_for_the_feeds_end(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Page 2 of the feed failing in ``MAX_ATTEMPTS`` runs in a row is the feed's end, as
    a listing's page is: the run says so, and the next one no longer asks it."""
    monkeypatch.setenv("NEWSARCHIVE_RETRIES", "0")
    outage = Outage({"/atom.xml?str=2"}, status=500)
    runs = _dabnitsa_failing(run_cli, db, tmp_path, outage, MAX_ATTEMPTS)
    runs += _dabnitsa_failing(run_cli, db, tmp_path, outage, 1)  # (still down)
    assert all("/atom.xml?str=2" in asked for _code, asked, _said in runs[:-1])
    assert "runs in a row: taken for the end of its feed" in runs[-2][2]
    assert runs[-1][0] == 0 and "/atom.xml?str=2" not in runs[-1][1], runs[-1]


_NEW_ENTRY = (
    '<entry><title>Ремонт на моста над реката</title><link href="https://www.dabnitsa.bg/statia/541"/>'
    "<id>https://www.dabnitsa.bg/statia/541</id><published>2026-12-01T09:00:00+02:00</published>"
    "<summary>Мостът ще е затворен две седмици.</summary></entry>"
)
_NEW_ARTICLE = (
    '<!DOCTYPE html><html lang="bg"><head><meta charset="utf-8"><title>Ремонт на моста над'
    ' реката – Община Дъбница</title></head><body><div id="content"><h1>Ремонт на моста над'
    ' реката</h1><p class="date">Публикувано: 01.12.2026</p><p>Мостът над реката ще е'
    " затворен за коли две седмици, докато строителите сменят настилката му.</p><p>Автобусите"
    " ще минават по обходния път през съседното село.</p></div></body></html>"
)


def _new_post(root: Path) -> None:
    """One new post on top of the mirror's feed, and its page."""
    feed = root / "atom.xml"
    text = feed.read_text(encoding="utf-8")
    feed.write_text(text.replace("<entry>", _NEW_ENTRY + "\n<entry>", 1), encoding="utf-8")
    (root / "statia" / "541.html").write_text(_NEW_ARTICLE, encoding="utf-8")


def test_a_nightly_run_keeps_a_feeds_new_entry_of_the_shape_an_unchanged_home_page_taught(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """add-site's profile (a feed, the home page, no article pattern): the home page
    teaches ``/statia/<id>``, by which the feed's entries are articles. On a night the
    home page is unchanged (a 304 would teach nothing) and the feed holds a new entry,
    that entry is archived all the same."""
    with _dabnitsa(run_cli, db, tmp_path, proposed=True, editable=True) as crawls:
        crawls.crawl()
        _new_post(crawls.root)
        asked = crawls.crawl()
    assert "/statia/541" in asked
    assert "https://www.dabnitsa.bg/statia/541" in article_rows(db)
    assert len(article_rows(db)) == 10


def test_a_paged_feed_whose_first_reading_the_budget_cut_is_read_on_next_run(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """The first crawl's request budget runs out before the feed's third page: the feed
    stays unread, so the next run reads it to its end again (its first pages' posts
    known) and archives the post only its third page lists (the feed once marked read,
    every later run read its first page alone, and that post never)."""
    with _dabnitsa(run_cli, db, tmp_path, proposed=True) as crawls:
        first, again = crawls.crawl("--max-requests", "12"), crawls.crawl()
    assert "/atom.xml?str=3" not in first
    assert "/atom.xml?str=3" in again
    assert len(article_rows(db)) == 9


def test_a_paged_feed_is_read_back_no_further_than_since(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """The feed's second page reaches past ``--since``: its third is never asked for."""
    with _dabnitsa(run_cli, db, tmp_path) as crawls:
        asked = crawls.crawl("--since", "2026-11-18")
    assert sorted(article_rows(db)) == [
        f"https://www.dabnitsa.bg/statia/{n}" for n in (537, 538, 539, 540)
    ]
    assert "/atom.xml?str=2" in asked
    assert "/atom.xml?str=3" not in asked


def test_a_paged_feed_read_to_its_end_before_is_not_walked_again_when_explored_again(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """Explored again a month on, with one new post on top of the feed: its first page
    reaches back to posts archived from the first reading, so its older pages (read to
    the end then) are not asked for again; the new post is archived."""
    with _dabnitsa(run_cli, db, tmp_path, editable=True) as crawls:
        assert "/atom.xml?str=3" in crawls.crawl()
        _new_post(crawls.root)
        explored_again(db)
        asked = crawls.crawl()
        assert "exploring the site" in crawls.stdout
    assert "/atom.xml" in asked and "/statia/541" in asked
    assert not [path for path in asked if "?str=" in path], asked
    assert "https://www.dabnitsa.bg/statia/541" in article_rows(db)


def test_a_feed_whose_first_reading_was_cut_is_read_on_when_explored_again(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """The first crawl stopped at ``--max-pages 2``; explored again a month on without
    it, with one new post on top, the feed's first page reaches back to archived posts,
    but its older pages were never read: they are now (only a reading that reached the
    feed's end spares them the next time)."""
    with _dabnitsa(run_cli, db, tmp_path, editable=True) as crawls:
        assert "/atom.xml?str=3" not in crawls.crawl("--max-pages", "2")
        _new_post(crawls.root)
        explored_again(db)
        asked = crawls.crawl()
        assert "exploring the site" in crawls.stdout
    assert "/statia/541" in asked and "/atom.xml?str=3" in asked, asked


def test_an_unchanged_feed_whose_first_reading_was_cut_is_read_on_when_explored_again(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """The first crawl stopped at ``--max-pages 2`` and the feed has not changed since:
    explored again, its first page is asked for whole (a 304 would name no older page),
    and its third page is read; read to its end now, the next exploring finds the feed
    unchanged (a 304) and reads no older page."""
    with _dabnitsa(run_cli, db, tmp_path) as crawls:
        assert "/atom.xml?str=3" not in crawls.crawl("--max-pages", "2")
        explored_again(db)
        second = crawls.crawl()
        assert "exploring the site" in crawls.stdout
        explored_again(db)
        third = crawls.crawl()
        assert "exploring the site" in crawls.stdout
    assert "/atom.xml?str=3" in second, second
    assert len(article_rows(db)) == 9
    assert "/atom.xml" in third and not [path for path in third if "?str=" in path], third


def test_a_paged_feed_is_read_back_no_further_than_max_pages(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    with _dabnitsa(run_cli, db, tmp_path) as crawls:
        asked = crawls.crawl("--max-pages", "2")
    assert "/atom.xml?str=2" in asked
    assert "/atom.xml?str=3" not in asked


SITE = Profile(id="x", name="X", origin="https://www.x.bg", hosts=("www.x.bg",))


def test_a_feeds_next_page_is_its_atom_link_on_the_site() -> None:
    """Atom's ``<link rel="next">`` and an RSS channel's ``<atom:link rel="next">``,
    relative ones read against the feed; one on another site is no page of this feed."""
    atom = (
        b'<feed xmlns="http://www.w3.org/2005/Atom"><link rel="self" href="/atom.xml"/>'
        b'<link rel="next" href="atom.xml?str=2"/><entry><link href="/statia/5401"/></entry></feed>'
    )
    rss = (
        b'<rss xmlns:atom="http://www.w3.org/2005/Atom"><channel>'
        b'<atom:link rel="next" href="https://www.x.bg/rss?page=2"/>'
        b"<item><link>https://www.x.bg/novini/12345</link></item></channel></rss>"
    )
    elsewhere = atom.replace(b"atom.xml?str=2", b"https://other.bg/atom.xml?str=2")
    at = "https://www.x.bg/atom.xml"
    assert feed_links(atom, SITE, "feed", base=at).next == "https://www.x.bg/atom.xml?str=2"
    assert feed_links(rss, SITE, "feed", base=at).next == "https://www.x.bg/rss?page=2"
    assert feed_links(elsewhere, SITE, "feed", base=at).next is None
    entry_next = atom.replace(b'<link rel="next" href="atom.xml?str=2"/>', b"").replace(
        b'<link href="/statia/5401"/>', b'<link href="/statia/5401"/><link rel="next" href="/x"/>'
    )
    assert feed_links(entry_next, SITE, "feed", base=at).next is None  # an entry's own link


def test_entries_of_a_learned_shape_are_articles_where_the_slug_guess_says_no() -> None:
    """``/statia/540`` (a short id) and ``/novini/novi-lampi`` (two words) are what the
    site's listings link: of those shapes, a sitemap's entries are news; a tag page or a
    file of the same folder is not, and without a shape the generic guess decides."""
    urls = ["/statia/540", "/novini/novi-lampi", "/novini/tag", "/statia/plan.pdf", "/kontakti"]
    sitemap = (
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + b"".join(b"<url><loc>https://www.x.bg%s</loc></url>" % u.encode() for u in urls)
        + b"</urlset>"
    )
    shapes = [re.compile(r"^/statia/[^/]+/?$"), re.compile(r"^/novini/[^/]+/?$")]
    kept = [c.url for c in feed_links(sitemap, SITE, "sitemap", shapes=shapes).articles]
    assert kept == ["https://www.x.bg/statia/540", "https://www.x.bg/novini/novi-lampi"]
    assert feed_links(sitemap, SITE, "sitemap").articles == []
    pattern = Profile(id="x", name="X", origin="https://www.x.bg", article_pattern=r"^/statia/\d+$")
    only = feed_links(sitemap, pattern, "sitemap", shapes=shapes).articles
    assert [c.url for c in only] == ["https://www.x.bg/statia/540"]  # the profile's rule
