"""A fourteenth round of site shapes, crawled from the origin alone (a profile of id, name
and origin) through a real ``MirrorServer``, as ``test_round13_mirrors`` does its five.

The mirrors (``tests/fixtures/make_mirrors_round14.py``): an ASP.NET site with cookieless
sessions, a new ``/(S(<id>))/`` in every address of every visit (rosenishte); a pager of
two SVG arrows with no word (klenovets); a "Следваща »" on every page, the last one too,
and a page number past the end answered with page 1 (borinovo); a pager of GET forms
with a hidden page number and a submit button (tsvetnitsa); WordPress hiding every date,
naming the category page every post's canonical, its posts' day only in their address
(zvanets); a "/" of nothing but a script sending the browser to ``bg/`` (dabovik); a
``.бг`` domain linked in punycode and in Cyrillic (zvezditsa); the newest three on the
home page and older news only back through the articles' "« Предишна новина"
(zheravitsa); WordPress whose "Зареди още" posts to ``admin-ajax.php``, its lists' pages
served at ``/page/2/`` but linked from nowhere (lyulyakovo). Each must archive exactly
its articles with the true title, date and body, and a rerun right after must cost at
most three requests.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pytest

from newsarchive import crawl_sources
from newsarchive.discover.urls import site_hosts
from newsarchive.explorer import explore
from newsarchive.fetch.client import Fetcher, FetchOptions
from newsarchive.mirror import MirrorServer
from newsarchive.models import Profile

from .mirror_sites import (
    MirrorCrawls,
    Proposes,
    article_rows,
    assert_archived_whole_and_right,
    check_bare_crawl,
    mirror_crawls,
    proposed,
)
from .support import Result

ROUND14_SITES = {
    # ASP.NET cookieless sessions: every visit's addresses under /(S(<id>))/
    "rosenishte": ("Община Росенище", "https://www.rosenishte.bg"),
    # a pager of two SVG arrows, <a class="next">, no word, no label
    "klenovets": ("Община Кленовец", "https://klenovets.bg"),
    # "Следваща »" on the last page too, past the end answered with page 1
    "borinovo": ("Община Бориново", "https://www.borinovo.bg"),
    # a pager of GET forms: a hidden str=N and a "Следваща »" submit button
    "tsvetnitsa": ("Община Цветница", "https://tsvetnitsa.bg"),
    # WordPress: no date shown, the category page every post's canonical
    "zvanets": ("Община Звънец", "https://zvanets.bg"),
    # "/" a script sending the browser to /bg/, no link, no refresh
    "dabovik": ("Община Дъбовик", "https://www.dabovik.bg"),
    # a .бг domain: the profile and pasted links in Cyrillic, the CMS's in punycode
    "zvezditsa": ("Община Звездица", "https://община-звездица.бг"),
    # the newest three on the home page, older news only by "« Предишна новина"
    "zheravitsa": ("Община Жеравица", "https://www.zheravitsa.bg"),
    # WordPress: "Зареди още" posting to admin-ajax, /page/2/ linked from nowhere
    "lyulyakovo": ("Община Люляково", "https://lyulyakovo.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND14_SITES))
def test_a_round14_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND14_SITES[site])


def _crawls(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> AbstractContextManager[MirrorCrawls]:
    return mirror_crawls(run_cli, db, tmp_path, site, *ROUND14_SITES[site])


def test_add_site_saves_a_listing_reached_under_a_session_id_without_it(
    run_cli: Callable[..., Result],
) -> None:
    """The menu's "Новини" answers ``302`` to ``/(S(<id>))/Novini/Default.aspx``: the
    proposal names the listing as its links are read, without that visit's session."""
    proposal = proposed(run_cli, "rosenishte", "https://www.rosenishte.bg")
    Proposes("rosenishte", "start_urls", equals=["/Novini/Default.aspx"]).check(proposal)
    assert "(S(" not in proposal.text


def test_exploring_knows_a_home_pages_frame_reached_under_a_session_id_without_it(
    tmp_path: Path,
) -> None:
    """A frameset's news frame, asked for at ``/novini.aspx``, answers ``302`` to
    ``/(S(<id>))/novini.aspx``: the listing is that frame's address as its links are
    read, not that visit's session, as a menu's section's is."""
    cards = "".join(
        f'<div class="item"><h2><a href="/novina.aspx?id={n}">Общината обяви новина номер {n}'
        f" за града</a></h2><p>Публикувано: {n} ноември 2025</p></div>"
        for n in (23, 22, 21)
    )
    (tmp_path / "index.html").write_text(
        '<html><frameset cols="200,*"><frame src="novini.aspx"></frameset></html>', "utf-8"
    )
    (tmp_path / "novini.aspx").write_text(f"<html><body>{cards}</body></html>", "utf-8")
    (tmp_path / "_mirror.json").write_text('{"path_sessions": true}', "utf-8")
    profile = Profile(id="t", name="t", origin="https://www.t.bg", hosts=("www.t.bg",))
    options = FetchOptions(delay=0, respect_robots=False)
    with (
        MirrorServer(tmp_path) as server,
        Fetcher(options, mirror=server.url, site_hosts=site_hosts(profile)) as fetcher,
    ):
        found = explore(fetcher, profile)
    assert any(path.startswith("/(S(") for path in server.requests)  # a session was given
    assert found.listings == ("https://www.t.bg/novini.aspx",)


def test_going_back_through_the_articles_stops_at_since(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """zheravitsa's older news, one "« Предишна новина" at a time, end at the first
    article older than ``--since``: the ones before it are never asked for."""
    with _crawls(run_cli, db, tmp_path, "zheravitsa") as crawls:
        asked = crawls.crawl("--since", "2026-11-10")
    assert sorted(article_rows(db)) == [
        f"https://www.zheravitsa.bg/novina.php?id={n}" for n in (139, 140, 141, 142)
    ]
    assert "/novina.php?id=138" in asked  # read: older than --since
    assert "/novina.php?id=137" not in asked


def test_going_back_through_the_articles_is_capped_by_the_walks_pages(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No further back than the pages the walk could still have read would have listed
    (``CHAIN_PER_PAGE`` each, two here): ``--max-pages 2`` of a home page listing three
    leaves one page, two articles before them."""
    monkeypatch.setattr(crawl_sources, "CHAIN_PER_PAGE", 2)
    with _crawls(run_cli, db, tmp_path, "zheravitsa") as crawls:
        asked = crawls.crawl("--max-pages", "2")
    assert sorted(article_rows(db)) == [
        f"https://www.zheravitsa.bg/novina.php?id={n}" for n in range(138, 143)
    ]
    assert "/novina.php?id=137" not in asked


@pytest.mark.parametrize("budget", [9, 10])
def test_going_back_through_the_articles_resumes_where_a_run_stopped(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, budget: int
) -> None:
    """A run out of requests on the way back through "« Предишна новина" (the article
    before the last one archived queued, not fetched): the next run fetches the rest of
    the way back, each article once, and the one after it has nothing left to do."""
    every = [f"https://www.zheravitsa.bg/novina.php?id={n}" for n in range(136, 143)]
    runs = []
    with _crawls(run_cli, db, tmp_path, "zheravitsa") as crawls:
        for extra in (("--max-requests", str(budget)), (), ()):
            asked = crawls.crawl(*extra)
            runs.append((crawls.stdout, asked))
            if not extra:
                continue
            assert "request budget of" in crawls.stdout
            # (exploring costs 6: robots.txt, the home page, /rss, /feed, /rss.xml, /sitemap.xml)
            assert sorted(article_rows(db)) == every[142 - 136 - (budget - 6) + 1 :]
    fetched = [path for _, asked in runs for path in asked if path.startswith("/novina.php")]
    assert sorted(fetched) == sorted(f"/novina.php?id={n}" for n in range(136, 143))
    assert sorted(article_rows(db)) == every  # (rows by URL: one each)
    assert_archived_whole_and_right(db, "zheravitsa")
    third, asked = runs[2]
    assert asked == ["/robots.txt", "/"] and "0 new" in third


def test_a_cookieless_session_is_taken_once_and_its_pages_asked_under_it(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """rosenishte answers every page asked without a session ``302`` to a fresh one: the
    first such answer's session is kept for the run, so every later page is asked for
    under it at once, one request each (each paid a redirect of its own before, 22
    requests for six articles); the rows are archived without it."""
    with _crawls(run_cli, db, tmp_path, "rosenishte") as crawls:
        asked = crawls.crawl()
    assert_archived_whole_and_right(db, "rosenishte")
    sent_to_one = [p for p in asked if "(S(" not in p and (p == "/" or ".aspx" in p)]
    assert sent_to_one == ["/"]
    sessions = {p.split("))")[0] for p in asked if p.startswith("/(S(")}
    assert len(sessions) == 1
    articles = [p for p in asked if "Novina.aspx" in p]
    assert len(articles) == len(set(articles)) == 6
