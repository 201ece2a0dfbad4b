"""A site that moved to another domain, crawled from a bare profile naming the old one.

The mirror (``tests/fixtures/make_mirrors_moved.py``): a municipality moved from
``https://vetrino-bg.eu`` to ``https://obshtinavetrino.bg``, every old path answering
``301`` to the same path on the new domain, the new pages declaring canonicals there. One
``MirrorServer`` answers for both hosts (by the host the ``--base-url`` transport names),
and records which host each request asked for.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from newsarchive.archive.frontier import Frontier
from newsarchive.discover.explore import Discovery
from newsarchive.discover.urls import url_key
from newsarchive.mirror import MirrorServer

from .mirror_sites import article_rows, assert_archived_whole_and_right, bare_profile, site_json
from .pageserver import answering
from .support import SITES, Result

OLD = "https://vetrino-bg.eu"
NEW = "https://obshtinavetrino.bg"
NAME = "Община Ветрино"


def _crawl(run_cli: Callable[..., Result], db: Path, profile: Path, server: MirrorServer) -> Result:
    args = ("crawl", "vetrino", "--profile", str(profile), "--base-url", server.url)
    return run_cli(*args, "--delay", "0", "--db", str(db))


def test_a_site_moved_to_another_domain_is_crawled_there(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """The old host is asked for robots.txt and the home page, both sent to the new
    domain for good; from then on the new domain is the site's: its robots.txt, sitemap
    and news list, every article archived under its canonical there (the card linking
    the old address fetched at the new one at once), and the no-op rerun asks the new
    host alone, three requests."""
    profile = bare_profile(tmp_path, "vetrino", NAME, OLD)
    with MirrorServer(SITES / "vetrino") as server:
        first = _crawl(run_cli, db, profile, server)
        assert first.exit_code == 0, first.stderr
        asked = list(zip(server.hosts, server.requests, strict=True))
        nightly = _crawl(run_cli, db, profile, server)
        assert nightly.exit_code == 0, nightly.stderr
        again = list(zip(server.hosts, server.requests, strict=True))[len(asked) :]
    old, new = "vetrino-bg.eu", "obshtinavetrino.bg"
    assert [path for host, path in asked if host == old] == ["/robots.txt", "/"]
    assert asked[2:4] == [(new, "/robots.txt"), (new, "/")]
    assert "moved to https://obshtinavetrino.bg" in first.stderr
    assert again == [(new, "/robots.txt"), (new, "/sitemap.xml"), (new, "/novini/")]
    assert_archived_whole_and_right(db, "vetrino")
    # each article fetched once: the old spelling of one card cost no second request
    slugs = [p for _, p in asked if p.count("/") == 1 and p not in ("/", "/robots.txt")]
    assert len(slugs) == len(set(slugs))


def _before_the_move(tmp_path: Path) -> Path:
    """The same site as it was on the old domain, one article's text since edited."""
    root = tmp_path / "before"
    shutil.copytree(SITES / "vetrino", root)
    (root / "_mirror.json").write_text(json.dumps({"origin": OLD}) + "\n", encoding="utf-8")
    for page in root.rglob("*"):
        if page.suffix in (".html", ".xml", ".txt"):
            text = page.read_text(encoding="utf-8").replace(NEW, OLD)
            text = text.replace("около година", "около година и половина")
            page.write_text(text, encoding="utf-8")
    return root


def test_an_article_archived_before_the_move_is_the_one_its_new_address_leads_to(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """Archived under the old domain, then crawled again after the move: no article is
    archived a second time (the one edited since is a revision of its row), each row
    now under its new canonical, its old address still leading to it."""
    profile = bare_profile(tmp_path, "vetrino", NAME, OLD)
    with MirrorServer(_before_the_move(tmp_path)) as server:
        assert _crawl(run_cli, db, profile, server).exit_code == 0
    before = article_rows(db)
    assert all(url.startswith(OLD) for url in before) and len(before) == 6
    with MirrorServer(SITES / "vetrino") as server:
        after = _crawl(run_cli, db, profile, server)
    assert after.exit_code == 0, after.stderr
    assert_archived_whole_and_right(db, "vetrino")
    with closing(sqlite3.connect(db)) as conn:
        ids = dict(conn.execute("SELECT url, id FROM articles").fetchall())
        keys = dict(conn.execute("SELECT url_key, article_id FROM article_urls").fetchall())
        assert conn.execute("SELECT count(*) FROM revisions").fetchone()[0] == 1
    for row in site_json("vetrino", "expected.json"):
        old_url = row["url"].replace(NEW, OLD)
        assert keys[url_key(old_url)] == keys[url_key(row["url"])] == ids[row["url"]]


def test_a_site_moved_twice_is_crawled_at_its_last_domain_and_keeps_its_rows(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """Archived on the old domain, then recorded as moved twice (to a middle domain, and
    from there to the new one): the run goes to the new domain at once (the middle one
    never asked), and each article there is the row archived under its first address,
    followed back past the middle domain: none archived a second time."""
    middle = "https://vetrino.eu"
    profile = bare_profile(tmp_path, "vetrino", NAME, OLD)
    with MirrorServer(_before_the_move(tmp_path)) as server:
        assert _crawl(run_cli, db, profile, server).exit_code == 0
    assert len(article_rows(db)) == 6
    with closing(sqlite3.connect(db)) as conn:
        frontier = Frontier(conn, "vetrino")
        moved = {OLD: middle, middle: NEW}
        frontier.save_discovery(replace(frontier.discovery() or Discovery(), moved=moved))
    with MirrorServer(SITES / "vetrino") as server:
        after = _crawl(run_cli, db, profile, server)
        hosts = set(server.hosts)
    assert after.exit_code == 0, after.stderr
    assert hosts == {"obshtinavetrino.bg"}
    assert_archived_whole_and_right(db, "vetrino")
    with closing(sqlite3.connect(db)) as conn:
        ids = dict(conn.execute("SELECT url, id FROM articles").fetchall())
        keys = dict(conn.execute("SELECT url_key, article_id FROM article_urls").fetchall())
    assert len(ids) == 6
    for row in site_json("vetrino", "expected.json"):
        old_url = row["url"].replace(NEW, OLD)
        assert keys[url_key(old_url)] == keys[url_key(row["url"])] == ids[row["url"]]


def test_one_article_sent_to_another_domain_is_still_refused(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """An article answering 301 to the same path on a news portal is that page's
    redirect, not the site's move: refused as any off-site redirect (nothing asked of
    the portal), the article failed, the rest archived."""
    root = tmp_path / "vetrino"
    shutil.copytree(SITES / "vetrino", root)
    slug = "/sportnata-zala-otvori-vrati-sled-remont"
    settings = {"origin": NEW, "moved": {slug: f"https://novini-portal.bg{slug}"}}
    (root / "_mirror.json").write_text(json.dumps(settings) + "\n", encoding="utf-8")
    profile = bare_profile(tmp_path, "vetrino", NAME, OLD)
    with MirrorServer(root) as server:
        result = _crawl(run_cli, db, profile, server)
        assert "novini-portal.bg" not in server.hosts
    assert result.exit_code == 1
    assert "refused (off the site's hosts)" in result.stderr
    assert sorted(article_rows(db)) == sorted(
        r["url"] for r in site_json("vetrino", "expected.json") if not r["url"].endswith(slug)
    )


def test_a_home_page_sent_to_another_domain_alone_is_no_move(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """Only the home page answers 301 to the other domain (robots.txt is the old host's
    own): that is no move of the whole site, so the redirect stays refused and the new
    domain is never asked; the site is read through the sitemap its robots.txt names."""
    root = _before_the_move(tmp_path)
    settings = {"moved": {"/": f"{NEW}/"}}
    (root / "_mirror.json").write_text(json.dumps(settings) + "\n", encoding="utf-8")
    profile = bare_profile(tmp_path, "vetrino", NAME, OLD)
    with MirrorServer(root) as server:
        result = _crawl(run_cli, db, profile, server)
        assert set(server.hosts) == {"vetrino-bg.eu"}
    assert result.exit_code == 0, result.stderr
    assert "moved to" not in result.stderr
    assert all(url.startswith(f"{OLD}/") for url in article_rows(db))


def test_a_learned_move_outlasts_exploring_the_site_again(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """What exploring found grows stale and the site is explored again: the move is
    checked again first (the old host's robots.txt, still sent to the new domain), then
    the site explored at the new domain; the move is kept after, and the next run asks
    the new host alone."""
    profile = bare_profile(tmp_path, "vetrino", NAME, OLD)
    with MirrorServer(SITES / "vetrino") as server:
        assert _crawl(run_cli, db, profile, server).exit_code == 0
        _explored_long_ago(db)
        before = len(server.hosts)
        result = _crawl(run_cli, db, profile, server)
        assert result.exit_code == 0, result.stderr
        asked = list(zip(server.hosts, server.requests, strict=True))[before:]
        assert [path for host, path in asked if host == "vetrino-bg.eu"] == ["/robots.txt"]
        assert {host for host, _ in asked[1:]} == {"obshtinavetrino.bg"}
        before = len(server.hosts)
        result = _crawl(run_cli, db, profile, server)
        assert result.exit_code == 0, result.stderr
        assert set(server.hosts[before:]) == {"obshtinavetrino.bg"}
        assert len(server.hosts) - before <= 3


def _explored_long_ago(db: Path) -> None:
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute(
            "UPDATE site_discovery SET found = json_set(found, '$.explored_at', '2000-01-01')"
        )


def test_a_move_is_dropped_when_the_old_domain_serves_its_own_site_again(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """A move learned once is trusted while what exploring found is fresh; when the
    site is due to be explored again, the old host is asked first, and when its
    robots.txt and home page answer there themselves (the domain came back), the move
    is forgotten: the site is crawled at its old domain again, and the runs after ask
    that host alone."""
    profile = bare_profile(tmp_path, "vetrino", NAME, OLD)
    with MirrorServer(SITES / "vetrino") as server:
        assert _crawl(run_cli, db, profile, server).exit_code == 0
        nightly = _crawl(run_cli, db, profile, server)  # (fresh: the move trusted)
        assert nightly.exit_code == 0 and server.hosts[-1] == "obshtinavetrino.bg"
    _explored_long_ago(db)
    with MirrorServer(_before_the_move(tmp_path)) as server:
        before = len(server.hosts)
        back = _crawl(run_cli, db, profile, server)
        assert back.exit_code == 0, back.stderr
        assert set(server.hosts[before:]) == {"vetrino-bg.eu"}
        assert f"{OLD} no longer redirects to {NEW}" in back.stderr
        before = len(server.hosts)
        nightly = _crawl(run_cli, db, profile, server)
        assert nightly.exit_code == 0, nightly.stderr
        assert set(server.hosts[before:]) == {"vetrino-bg.eu"}
    with closing(sqlite3.connect(db)) as conn:
        (found,) = conn.execute("SELECT found FROM site_discovery").fetchone()
    assert json.loads(found).get("moved", {}) == {}


_PARKED = """<!doctype html><html><head><title>vetrino-bg.eu is for sale</title></head>
<body><h1>vetrino-bg.eu</h1><p>This domain may be for sale. Ask the owner.</p>
<ul><li><a href="/?q=tourism&amp;id=48213">Tourism</a></li>
<li><a href="/?q=hotels&amp;id=48214">Hotels</a></li>
<li><a href="https://parking.example/buy?d=vetrino-bg.eu">Buy this domain</a></li></ul>
</body></html>
"""


def test_a_move_is_kept_when_the_old_domain_is_parked(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """A lapsed domain a reseller parked answers its robots.txt and home page with 200
    itself, but the page is not the site's (no news of its own, not its name): the move
    stays learned, and no warning says the site came back."""
    profile = bare_profile(tmp_path, "vetrino", NAME, OLD)
    with MirrorServer(SITES / "vetrino") as server:
        assert _crawl(run_cli, db, profile, server).exit_code == 0
    _explored_long_ago(db)
    parked = tmp_path / "parked"
    parked.mkdir()
    (parked / "index.html").write_text(_PARKED, encoding="utf-8")
    (parked / "robots.txt").write_text("User-agent: *\nAllow: /\n", encoding="utf-8")
    with MirrorServer(parked) as server:
        result = _crawl(run_cli, db, profile, server)
    assert "no longer redirects" not in result.stderr
    with closing(sqlite3.connect(db)) as conn:
        (found,) = conn.execute("SELECT found FROM site_discovery").fetchone()
    assert json.loads(found).get("moved", {}) == {OLD: NEW}


@pytest.mark.parametrize("kind", ["jsonl", "warc"])
def test_an_import_at_the_new_domain_updates_the_article_archived_before_the_move(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, kind: str
) -> None:
    """An archive of the site on its old domain, which knows the site moved (as a crawl
    that learned the move records it), imports records of the articles at the new domain
    (another archive's export, crawled after the move): each updates the article
    archived under its old address, as a crawl would, none is archived a second time."""
    profile = bare_profile(tmp_path, "vetrino", NAME, OLD)
    with MirrorServer(_before_the_move(tmp_path)) as server:
        assert _crawl(run_cli, db, profile, server).exit_code == 0
    assert len(article_rows(db)) == 6
    with closing(sqlite3.connect(db)) as conn:
        frontier = Frontier(conn, "vetrino")
        frontier.save_discovery(replace(frontier.discovery() or Discovery(), moved={OLD: NEW}))
    other = tmp_path / "after.db"  # the site crawled at its new domain
    with MirrorServer(SITES / "vetrino") as server:
        assert _crawl(run_cli, other, profile, server).exit_code == 0
    out = tmp_path / f"after.{kind}"
    exported = run_cli("export", "--format", kind, "--out", str(out), "--db", str(other))
    assert exported.exit_code == 0, exported.stderr
    if kind == "jsonl":
        imported = run_cli("import-jsonl", str(out), "--db", str(db))
    else:
        imported = run_cli("import-warc", str(out), "--profile", str(profile), "--db", str(db))
    assert imported.exit_code == 0, imported.stderr
    assert imported.stdout.startswith("imported 0 new, "), imported.stdout
    rows = article_rows(db)
    assert sorted(rows) == sorted(row["url"] for row in site_json("vetrino", "expected.json"))
    with closing(sqlite3.connect(db)) as conn:
        ids = dict(conn.execute("SELECT url, id FROM articles").fetchall())
        keys = dict(conn.execute("SELECT url_key, article_id FROM article_urls").fetchall())
        sites = {site for (site,) in conn.execute("SELECT DISTINCT site FROM articles")}
    assert sites == {"vetrino"}
    for row in site_json("vetrino", "expected.json"):
        old_url = row["url"].replace(NEW, OLD)
        assert keys[url_key(old_url)] == keys[url_key(row["url"])] == ids[row["url"]]


def _page(title: str, main: str, news: str = "/novini") -> str:
    return (
        f'<!doctype html><html lang="bg"><head><meta charset="utf-8"><title>{title}</title>'
        f'</head><body><header><a href="/">Начало</a> <a href="{news}">Новини</a>'
        f' <a href="/kontakti">Контакти</a></header><main>{main}</main>'
        "<footer>© Община Бряст</footer></body></html>"
    )


def test_a_listing_at_a_new_path_after_a_move_is_found_again_in_that_run(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """The site moved to another domain and renamed its paths on the way (``/novini`` is
    ``/bg/news`` there): the saved listing, asked at its old path on the new domain,
    answers 404. The run that learns the move explores the new domain and reads its
    listing: clean, nothing failed (it failed that run with "listing failed", and only the
    next run was clean). A new domain with no news found is still the run's failure."""
    state = {"moved": False, "articles": 3, "news": True}
    old, new = "https://obshtina-bryast.bg", "https://bryast.bg"

    def path(plain: str) -> str:  # the new domain's address for an old path
        if not state["moved"] or plain in ("/", "/robots.txt"):
            return plain
        return "/bg" + plain.replace("/novini", "/news")

    def answer(url: str) -> tuple[int, dict[str, str], str]:
        parts = urlsplit(url)
        if state["moved"] and parts.netloc == urlsplit(old).netloc:
            return 301, {"Location": new + path(parts.path)}, ""
        plain = parts.path
        if state["moved"]:  # the new domain's paths only: the old ones are no more there
            news = parts.path.startswith("/bg/news/")
            known = {path(p): p for p in ("/", "/novini")}
            plain = "/novini/" + plain[9:] if news else known.get(plain, "/missing")
        numbers = range(501, 501 + state["articles"])
        if plain == "/":
            return 200, {}, _page("Община Бряст", "<h1>Добре дошли</h1>", path("/novini"))
        if plain == "/novini" and state["news"]:
            items = "".join(
                f'<li><h3><a href="{path(f"/novini/{n}-sesiya")}">Сесия {n} на общинския'
                f" съвет</a></h3><span>{n - 480}.11.2026</span></li>"
                for n in reversed(numbers)
            )
            return 200, {}, _page("Новини", f'<h1>Новини</h1><ul class="news">{items}</ul>')
        number = plain.removeprefix("/novini/").partition("-")[0]
        if plain.startswith("/novini/") and number.isdigit() and int(number) in numbers:
            n = int(number)
            text = "".join(
                f"<p>Общинският съвет на Бряст прие решение {k} по точка {n}: ремонт на"
                " улиците, бюджет за читалищата и нови детски площадки.</p>"
                for k in range(1, 5)
            )
            body = (
                f"<article><h1>Сесия {n} на общинския съвет</h1><time datetime="
                f'"2026-11-{n - 480:02d}">{n - 480}.11.2026</time><div>{text}</div></article>'
            )
            return 200, {}, _page(f"Сесия {n} на общинския съвет", body, path("/novini"))
        return 404, {}, "<html><body><h1>Няма такава страница</h1></body></html>"

    profile = bare_profile(tmp_path, "bryast", "Община Бряст", old)
    with answering(answer) as (url, asked):
        crawl = ("crawl", "bryast", "--profile", str(profile), "--base-url", url)
        crawl += ("--delay", "0", "--db", str(db), "--quiet")
        assert run_cli(*crawl).exit_code == 0
        state.update(moved=True, articles=5)
        moved = run_cli(*crawl)
        assert moved.exit_code == 0, moved.stderr
        assert "listing failed" not in moved.stderr
        assert "moved to https://bryast.bg" in moved.stderr
        with closing(sqlite3.connect(db)) as conn:
            urls = sorted(row[0] for row in conn.execute("SELECT url FROM articles"))
        assert urls[:2] == [f"{new}/bg/news/{n}-sesiya" for n in (504, 505)]
        assert len(urls) == 5
        before = len(asked)
        rerun = run_cli(*crawl)
        assert rerun.exit_code == 0, (rerun.stderr, asked[before:])  # the no-op rerun
        assert asked[before:] == [f"{new}/robots.txt", f"{new}/bg/news"]
        # the news gone from the new domain's listing too: exploring finds nothing
        state["news"] = False
        with closing(sqlite3.connect(db)) as conn:  # (due to be explored again)
            conn.execute(
                "UPDATE site_discovery SET found = json_set(found, '$.explored_at', '2000-01-01')"
            )
            conn.commit()
        assert run_cli(*crawl).exit_code == 1


def test_a_source_resting_on_the_old_domain_is_forgotten_once_the_site_moved(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """A feed of the old domain rested, failing run after run (``crawl_rests``), when
    the site moved: its sources are asked at the new domain now, the old feed never
    again, so no answer ever ended its row and ``stats`` listed it as rested, "asked
    again next run", for ever. The move forgets it; a source of another site stays."""
    profile = bare_profile(tmp_path, "vetrino", NAME, OLD)
    with MirrorServer(_before_the_move(tmp_path)) as server:
        assert _crawl(run_cli, db, profile, server).exit_code == 0
    with closing(sqlite3.connect(db)) as conn:
        for site, url in (("vetrino", f"{OLD}/rss"), ("other", "https://other.bg/rss")):
            for _ in range(5):
                Frontier(conn, site).source_failed(url, f"feed failed: HTTP 404: {url}")
    listed = run_cli("stats", "--format", "json", "--db", str(db)).json()["rested_sources"]
    assert [source["url"] for source in listed] == ["https://other.bg/rss", f"{OLD}/rss"]
    with MirrorServer(SITES / "vetrino") as server:
        after = _crawl(run_cli, db, profile, server)
    assert after.exit_code == 0, after.stderr
    stats = run_cli("stats", "--db", str(db))
    assert "rested: other: feed failed: HTTP 404: https://other.bg/rss" in stats.stdout
    assert OLD not in stats.stdout, stats.stdout


def _paged_site(
    state: dict[str, int | bool], old: str, new: str
) -> Callable[[str], tuple[int, dict[str, str], str]]:
    """A municipality's news, nine a page, newest first (``?page=N``); once ``moved``,
    every old address answers 301 to the same path on ``new``."""

    def answer(url: str) -> tuple[int, dict[str, str], str]:
        parts = urlsplit(url)
        if state["moved"] and parts.netloc == urlsplit(old).netloc:
            query = f"?{parts.query}" if parts.query else ""
            return 301, {"Location": new + parts.path + query}, ""
        numbers = list(range(int(state["articles"]), 0, -1))
        if parts.path == "/":
            return 200, {}, _page("Община Звездел", "<h1>Добре дошли</h1>")
        if parts.path == "/novini":
            page = int(parts.query.removeprefix("page=") or 1) if parts.query else 1
            shown = numbers[(page - 1) * 9 : page * 9]
            if not shown:
                return 404, {}, "<html><body><h1>Няма такава страница</h1></body></html>"
            items = "".join(
                f'<li><h3><a href="/novini/{n}-obyava">Обява {n} на общината за жителите'
                f"</a></h3><span>{(n % 28) + 1:02d}.{10 + n // 28:02d}.2026</span></li>"
                for n in shown
            )
            more = (
                f'<a class="next" href="/novini?page={page + 1}">Следваща</a>'
                if page * 9 < len(numbers)
                else ""
            )
            body = f'<h1>Новини</h1><ul class="news">{items}</ul><nav>{more}</nav>'
            return 200, {}, _page("Новини", body)
        number = parts.path.removeprefix("/novini/").partition("-")[0]
        if parts.path.startswith("/novini/") and number.isdigit() and int(number) in numbers:
            n = int(number)
            day = f"2026-{10 + n // 28:02d}-{(n % 28) + 1:02d}"
            text = "".join(
                f"<p>Община Звездел обявява мярка {k} по обява {n}: ремонт на улиците,"
                " график на сметосъбирането и прием на документи в центъра за услуги.</p>"
                for k in range(1, 5)
            )
            body = (
                f"<article><h1>Обява {n} на общината за жителите</h1>"
                f'<time datetime="{day}">{day}</time><div>{text}</div></article>'
            )
            return 200, {}, _page(f"Обява {n} на общината за жителите", body)
        return 404, {}, "<html><body><h1>Няма такава страница</h1></body></html>"

    return answer


def test_the_move_night_walks_the_list_only_to_where_the_archived_articles_begin(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """A site of five list pages of nine moved overnight to another domain, one article
    new: the move night reads page 1 (the new one, and eight archived at the old
    domain, each read there once more and its row renamed) and page 2, whose nine all
    archived at the old domain (read and renamed too) end the walk as known articles
    do; pages 3-6 and their 28 articles are not read that night (their rows keep the
    old addresses: the same article when read at the new one later). The night after:
    the list alone."""
    state: dict[str, int | bool] = {"moved": False, "articles": 45}
    old, new = "https://zvezdel-bg.eu", "https://obshtinazvezdel.bg"
    profile = bare_profile(tmp_path, "zvezdel", "Община Звездел", old)
    with answering(_paged_site(state, old, new)) as (url, asked):
        crawl = ("crawl", "zvezdel", "--profile", str(profile), "--base-url", url)
        crawl += ("--delay", "0", "--db", str(db))
        first = run_cli(*crawl)
        assert first.exit_code == 0, first.stderr
        assert "zvezdel: 45 new" in first.stdout, first.stdout
        state.update(moved=True, articles=46)
        before = len(asked)
        moved = run_cli(*crawl)
        assert moved.exit_code == 0, moved.stderr
        night = asked[before:]
        assert "zvezdel: 1 new, 0 updated, 17 unchanged, 0 gone, 0 failed" in moved.stdout
        lists = [u for u in night if "/novini?" in u or u.endswith("/novini")]
        # (the saved listing asked at the old domain first: its 301 is how the move is met)
        assert lists == [f"{old}/novini", f"{new}/novini", f"{new}/novini?page=2"], lists
        articles = [u for u in night if "/novini/" in u]
        assert sorted(articles) == sorted(f"{new}/novini/{n}-obyava" for n in range(29, 47))
        assert len(night) == 24, night  # (all six pages and 46 articles: 56)
        before = len(asked)
        assert run_cli(*crawl).exit_code == 0
        assert asked[before:] == [f"{new}/robots.txt", f"{new}/novini"]
    with closing(sqlite3.connect(db)) as conn:
        urls = [row[0] for row in conn.execute("SELECT url FROM articles")]
    assert len(urls) == 46  # one row an article, those read renamed, the rest kept
    assert sum(u.startswith(new) for u in urls) == 18
