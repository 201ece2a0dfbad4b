"""``add-site``: a proposal that says how each line was found, and that crawls the site."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import sqlite3
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsarchive import add_site
from newsarchive.mirror import MirrorServer

from .hostileserver import HostileServer, redirect, response
from .support import SITES, Result, small_disk
from .test_origin_only import BARE

Cli = Callable[..., Result]


@pytest.mark.parametrize("site", sorted(BARE))
def test_the_proposal_is_commented_toml_that_crawls_the_whole_mirror(
    run_cli: Cli, db: Path, site: str
) -> None:
    _name, origin, _hosts = BARE[site]
    expected = {row["url"] for row in json.loads((SITES / site / "expected.json").read_text())}
    with MirrorServer(SITES / site) as server:
        proposed = run_cli(
            "add-site", origin, "--id", f"new-{site}", "--base-url", server.url,
            "--delay", "0", "--write",
        )  # fmt: skip
        assert proposed.exit_code == 0, proposed.stderr
        profile = tomllib.loads(proposed.stdout)
        assert profile["id"] == f"new-{site}" and profile["origin"] == origin
        sources = profile["discovery"]
        assert sources["start_urls"] or sources["feeds"]
        for line in proposed.stdout.splitlines():  # every value line says how it was found
            if line.startswith("  '") or line.split(" =")[0] in ("name", "hosts", "pagination"):
                assert "  # " in line, line
        assert "# [extract]: checked on" in proposed.stdout
        assert "saved" in proposed.stderr and f"crawl new-{site}" in proposed.stderr
        crawled = run_cli(
            "crawl", f"new-{site}", "--base-url", server.url, "--delay", "0", "--db", str(db)
        )
        assert crawled.exit_code == 0, crawled.stderr
        assert "exploring" not in crawled.stdout  # the profile says where to look
    with sqlite3.connect(db) as conn:
        assert {r[0] for r in conn.execute("SELECT url FROM articles")} == expected


def test_the_proposal_counts_every_request_the_run_made(run_cli: Cli) -> None:
    """The header's count is what the server answered: robots.txt, the home page and the
    sampled articles included (it counted exploring's share alone, "(1 requests)" for a
    run of five), and a count of one is "1 request"."""
    with MirrorServer(SITES / "kalina") as server:
        proposed = run_cli(
            "add-site", "https://www.kalina.bg", "--base-url", server.url, "--delay", "0"
        )
        asked = len(server.requests)
    assert proposed.exit_code == 0, proposed.stderr
    header = proposed.stdout.splitlines()[0]
    assert asked > 3 and header.endswith(f"({asked} requests)."), (header, asked)
    assert add_site._no_news("https://x.bg", 1).endswith("(1 request)")


def test_an_address_that_is_no_news_site_gets_one_line_and_exit_2(
    run_cli: Cli, tmp_path: Path
) -> None:
    root = tmp_path / "site"
    root.mkdir()
    (root / "index.html").write_text("<html><body><p>Скоро тук.</p></body></html>")
    with MirrorServer(root) as server:
        result = run_cli(
            "add-site", "https://soon.example", "--base-url", server.url, "--delay", "0"
        )
        assert len(server.requests) <= 12
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(
        f"newsarchive: error: https://soon.example (fetched from {server.url}/) does not look"
        " like a news site: no feed, sitemap or listing of news found ("
    )
    assert result.stdout == ""


def test_a_moved_site_that_is_no_news_site_is_named_as_typed(run_cli: Cli, tmp_path: Path) -> None:
    """A site that moved for good to another domain, and holds no news there, was named
    by the new domain alone: a script adding several sites could not tell which of the
    addresses it gave failed. The refusal names the address typed, the mirror asked and
    where the site moved."""
    root = tmp_path / "site"
    root.mkdir()
    (root / "index.html").write_text("<html><body><p>Скоро тук.</p></body></html>")
    (root / "_mirror.json").write_text('{"origin": "https://nov-adres.example"}')
    with MirrorServer(root) as server:
        result = run_cli(
            "add-site", "https://star-adres.example", "--base-url", server.url, "--delay", "0"
        )
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(
        f"newsarchive: error: https://star-adres.example (fetched from {server.url}/)"
        " (moved to https://nov-adres.example) does not look like a news site: "
    ), result.stderr
    assert result.stderr.count("\n") == 1


_LOGIN = """<!doctype html><html><head><title>Вход</title></head><body>
<form method="post" action="/login"><label>Потребител <input name="user"></label>
<label>Парола <input type="PASSWORD" name="pass"></label><button>Вход</button></form>
</body></html>"""


def test_an_address_answering_with_a_login_form_is_told_so(run_cli: Cli, tmp_path: Path) -> None:
    """An intranet's login page was "does not look like a news site", as if mistyped."""
    root = tmp_path / "site"
    root.mkdir()
    (root / "index.html").write_text(_LOGIN, encoding="utf-8")
    with MirrorServer(root) as server:
        result = run_cli(
            "add-site", "https://portal.example", "--base-url", server.url, "--delay", "0"
        )
    assert server.requests.count("/") == 1  # (the page exploring read, not asked again)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        f"newsarchive: error: https://portal.example (fetched from {server.url}/) answers"
        " with a login form: newsarchive archives public pages only\n"
    )
    # a public page with a sign-in box in its corner is no login form
    page = _LOGIN.replace("</form>", "</form>" + "<p>Община Русе обяви конкурс.</p>" * 80)
    assert add_site.is_login_form(_LOGIN) and not add_site.is_login_form(page)
    assert not add_site.is_login_form(_LOGIN.replace("PASSWORD", "text"))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("add-site", "ftp://x.bg"), "not an http(s) URL"),
        # (was asked of the DNS, as https://not%20a%20url, a request later)
        (("add-site", "not a url"), "not an http(s) URL or host name: 'not a url'"),
        (("add-site", "https://a%20b.bg/"), "not an http(s) URL or host name"),
        (("add-site", "https://x.bg", "--id", "Bad Id"), "--id must be"),
        (("add-site", "https://x.bg", "--base-url", "nope"), "--base-url is no http(s) URL"),
    ],
)
def test_bad_add_site_input_is_one_line(run_cli: Cli, args: tuple[str, ...], message: str) -> None:
    result = run_cli(*args)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr


def test_check_site_explores_a_profile_that_names_no_sources(run_cli: Cli, tmp_path: Path) -> None:
    from .test_origin_only import bare_profile

    profile = bare_profile(tmp_path, "nsorb")
    with MirrorServer(SITES / "nsorb") as server:
        result = run_cli(
            "check-site", "nsorb", "--profile", str(profile), "--base-url", server.url,
            "--delay", "0",
        )  # fmt: skip
    assert "explored the site in" in result.stdout
    assert "start https://www.namrb.org/bg/aktualno" in result.stdout
    assert "FAILED" not in result.stdout


def test_an_address_nobody_answers_at_says_so(
    run_cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSARCHIVE_BACKOFF", "0.01")  # (its retries' waits: 1.3 s else)
    result = run_cli("add-site", "http://127.0.0.1:1", "--delay", "0")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    said = "http://127.0.0.1:1 cannot be reached (ConnectError"  # crawl's words for it
    assert said in result.stderr and "no proposal" in result.stderr
    # the first failure heard of: robots.txt's was silent, so nothing was said "earlier"
    assert "earlier in this run" not in result.stderr


def test_a_mirror_nobody_answers_at_is_named_as_crawl_names_it(
    run_cli: Cli, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A site down (or a --base-url mistyped) is said in the fetcher's one line, the
    mirror really contacted included, as crawl says it: add-site said "cannot read
    https://www.kalina.bg, its home page: ConnectError ... (reading .../robots.txt)".
    (Its retries hold off 0.01 s, not the 1 s doubling: 10 s waited out.)"""
    monkeypatch.setenv("NEWSARCHIVE_BACKOFF", "0.01")
    args = ("--base-url", "http://127.0.0.1:1", "--delay", "0")
    proposed = run_cli("add-site", "https://www.kalina.bg", *args)
    assert proposed.exit_code == 2 and proposed.stdout == ""
    said = "https://www.kalina.bg (fetched from http://127.0.0.1:1/) cannot be reached"
    assert proposed.stderr.count("\n") == 1 and said in proposed.stderr, proposed.stderr
    crawled = run_cli("crawl", "bta", *args, "--db", str(db))
    assert "(fetched from http://127.0.0.1:1/) cannot be reached" in crawled.stderr


def test_a_home_page_that_fails_names_the_site_and_its_mirror_once(run_cli: Cli) -> None:
    """The refusal named the address, then the fetcher's reason named it again:
    "cannot read X (fetched from M) (its home page): HTTP 404: X/ (fetched from M)"."""
    with HostileServer() as site:
        site.routes.update({
            "/robots.txt": response(body=b"User-agent: *\n", content_type="text/plain"),
            "/": response(status=404, body=b"<h1>missing</h1>"),
        })  # fmt: skip
        result = run_cli("add-site", "https://www.zaliv.bg", "--base-url", site.url, "--delay", "0")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        "newsarchive: error: cannot read the home page of https://www.zaliv.bg"
        f" (fetched from {site.url}/): HTTP 404\n"
    )


def test_a_moved_sitemap_and_feed_are_read_against_where_they_were_found(run_cli: Cli) -> None:
    """/sitemap.xml answers 301 to /karta/index.xml, an index whose child is the relative
    "novini.xml", and the home page's feed /rss answers 301 to /novini/atom.xml, whose
    entries link "statiya-…" relatively. The crawl and check-site read both against the
    final URL; so must add-site, or it judges the sitemap (its child: /novini.xml, a 404)
    to hold no news and samples no article (/statiya-…, 404s)."""
    from .hostileserver import HostileServer, html, redirect, response

    slugs = [f"statiya-obshtinata-prie-resheniye-{i}" for i in (1, 2, 3)]
    article = (
        "<html><head><title>{0}</title></head><body><article><h1>{0}</h1>"
        "<time datetime='2024-05-0{1}'>0{1}.05.2024</time><p>{2}</p></article></body></html>"
    )
    server = HostileServer()
    index = "".join(f"<sitemap><loc>{name}</loc></sitemap>" for name in ("novini.xml",))
    urlset = "".join(f"<url><loc>../novini/{slug}</loc></url>" for slug in slugs)
    atom = "".join(f"<entry><link href='{slug}'/></entry>" for slug in slugs)
    xml = "application/xml"
    server.routes.update(
        {
            "/robots.txt": response(
                body=f"Sitemap: {server.url}/sitemap.xml\n".encode(), content_type="text/plain"
            ),
            "/": html(
                "<html><head><title>Община Проба</title><link rel='alternate'"
                " type='application/rss+xml' href='/rss'></head><body><p>Здравейте.</p>"
                "</body></html>"
            ),
            "/sitemap.xml": redirect("/karta/index.xml", 301),
            "/karta/index.xml": response(
                body=f"<sitemapindex>{index}</sitemapindex>".encode(), content_type=xml
            ),
            "/karta/novini.xml": response(
                body=f"<urlset>{urlset}</urlset>".encode(), content_type=xml
            ),
            "/rss": redirect("/novini/atom.xml", 301),
            "/novini/atom.xml": response(
                body=f"<feed xmlns='http://www.w3.org/2005/Atom'>{atom}</feed>".encode(),
                content_type="application/atom+xml",
            ),
            **{
                f"/novini/{slug}": html(article.format(f"Решение {i}", i, "Текст. " * 60))
                for i, slug in enumerate(slugs, 1)
            },
        }
    )
    with server:
        result = run_cli("add-site", server.url, "--id", "proba", "--delay", "0")
    assert result.exit_code == 0, result.stderr
    profile = tomllib.loads(result.stdout)
    assert profile["discovery"]["sitemaps"] == ["/sitemap.xml"], result.stdout
    assert "left out" not in result.stdout
    assert "checked on 3 sampled article(s)" in result.stdout, result.stdout


def test_a_site_moved_to_another_domain_is_proposed_where_it_lives_now(
    run_cli: Cli, db: Path
) -> None:
    """The user types the address they know (``https://vetrino-bg.eu``), whose robots.txt
    and home page redirect for good to the same paths on another domain: the proposal is
    for the new domain, says it moved, keeps the old host as the site's (old links), and
    the profile crawls the whole site there without the old host's redirects again."""
    old, new = "https://vetrino-bg.eu", "https://obshtinavetrino.bg"
    expected = {row["url"] for row in json.loads((SITES / "vetrino" / "expected.json").read_text())}
    with MirrorServer(SITES / "vetrino") as server:
        proposed = run_cli("add-site", old, "--base-url", server.url, "--delay", "0", "--write")
        assert proposed.exit_code == 0, proposed.stderr
        profile = tomllib.loads(proposed.stdout)
        assert profile["id"] == "obshtinavetrino" and profile["origin"] == new
        assert set(profile["hosts"]) >= {"obshtinavetrino.bg", "vetrino-bg.eu"}
        assert f"moved from {old}" in proposed.stdout
        asked = len(server.requests)
        crawled = run_cli(
            "crawl", "obshtinavetrino", "--base-url", server.url, "--delay", "0", "--db", str(db)
        )
        assert crawled.exit_code == 0, crawled.stderr
        # the crawl starts at the new domain; only a card still naming an old address
        # is asked for there, and redirected
        first = (server.hosts[asked], server.requests[asked])
        assert first == ("obshtinavetrino.bg", "/robots.txt")
    with sqlite3.connect(db) as conn:
        assert {r[0] for r in conn.execute("SELECT url FROM articles")} == expected


def test_a_news_section_on_a_host_of_its_own_is_proposed_among_the_sites_hosts(
    run_cli: Cli, db: Path
) -> None:
    """``https://www.orehovitsa.bg``'s "Новини" lives on ``novini.orehovitsa.bg``: the
    proposal names that host beside the site's (its listing a start URL there), not the
    council's or the English one, and the profile crawls every article from it."""
    site = SITES / "orehovitsa"
    expected = {row["url"] for row in json.loads((site / "expected.json").read_text())}
    with MirrorServer(site) as server:
        proposed = run_cli(
            "add-site", "https://www.orehovitsa.bg", "--base-url", server.url, "--delay", "0",
            "--write",
        )  # fmt: skip
        assert proposed.exit_code == 0, proposed.stderr
        profile = tomllib.loads(proposed.stdout)
        assert "novini.orehovitsa.bg" in profile["hosts"], proposed.stdout
        assert not {"obs.orehovitsa.bg", "en.orehovitsa.bg"} & set(profile["hosts"])
        assert "checked on 3 sampled article(s)" in proposed.stdout, proposed.stdout
        crawled = run_cli(
            "crawl", profile["id"], "--base-url", server.url, "--delay", "0", "--db", str(db)
        )
        assert crawled.exit_code == 0, crawled.stderr
    with sqlite3.connect(db) as conn:
        assert {r[0] for r in conn.execute("SELECT url FROM articles")} == expected


def test_writing_under_the_id_of_another_sites_profile_is_refused(
    run_cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`add-site https://www.kalina.bg --id bta --write` replaced BTA's built-in profile
    with Kalina's, exit 0: `crawl bta` then archived Kalina's pages as bta's."""
    user = tmp_path / "user-profiles"
    monkeypatch.setenv("NEWSARCHIVE_PROFILES", str(user))
    with MirrorServer(SITES / "kalina") as server:
        args = ("add-site", "https://www.kalina.bg", "--base-url", server.url, "--delay", "0")
        refused = run_cli(*args, "--id", "bta", "--write")
        assert refused.exit_code == 2 and refused.stdout == ""
        assert refused.stderr.splitlines() == [
            "newsarchive: error: --id bta is the built-in profile of another site,"
            " https://www.bta.bg: saved for https://www.kalina.bg, its pages would be"
            " archived as bta's; choose another --id"
        ]
        assert not user.exists()
        assert run_cli(*args, "--id", "kalina-obshtina", "--write").exit_code == 0


def test_writing_a_profile_for_a_site_a_profile_already_has_is_refused(
    run_cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # add-site https://www.bta.bg --write saved a generic bta.toml that silently replaced
    # the built-in profile's tuned selectors; under another id (the host's "obshtinaruse"
    # for ruse-bg's site) it made a second site of the same pages.
    user = tmp_path / "user-profiles"
    monkeypatch.setenv("NEWSARCHIVE_PROFILES", str(user))
    with MirrorServer(SITES / "bta") as server:
        args = ("add-site", "https://bta.bg", "--base-url", server.url, "--delay", "0")
        refused = run_cli(*args, "--write")
        assert refused.exit_code == 2
        assert refused.stdout == ""  # (it printed the proposal, then refused: `> x.toml`)
        [line] = refused.stderr.splitlines()
        assert line == (
            "newsarchive: error: https://bta.bg is the site 'bta' already (built-in"
            " profile): crawl it with `newsarchive crawl bta`, or pass --id bta to replace"
            " that profile with this proposal"
        )
        assert not user.exists()
        other = run_cli(*args, "--id", "bta-again", "--write")  # a second profile, chosen
        assert other.exit_code == 0, other.stderr
        assert "the profile 'bta' crawls this site too" in other.stderr
        replaced = run_cli(*args, "--id", "bta", "--write")
        assert replaced.exit_code == 0, replaced.stderr
        assert (user / "bta.toml").is_file()
        again = run_cli(*args, "--id", "bta", "--write")  # never overwritten, nor printed
        assert again.exit_code == 2 and again.stdout == ""
        assert again.stderr.count("\n") == 1 and "bta.toml exists" in again.stderr
        assert "user" in [r for r in run_cli("sites").stdout.splitlines() if "bta" in r][0]
        printed = run_cli(*args)  # a proposal alone writes nothing: it is only shown
        assert printed.exit_code == 0 and tomllib.loads(printed.stdout)["id"] == "bta"


def _propose_then_crawl(run_cli: Cli, db: Path, site: str, origin: str) -> tuple[Result, Result]:
    """``add-site --write`` against the served mirror, then ``crawl`` of what it wrote."""
    with MirrorServer(SITES / site) as server:
        proposed = run_cli(
            "add-site", origin, "--id", site, "--base-url", server.url, "--delay", "0", "--write"
        )
        assert proposed.exit_code == 0, proposed.stderr
        crawled = run_cli("crawl", site, "--base-url", server.url, "--delay", "0", "--db", str(db))
    return proposed, crawled


def _archived(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {r[0] for r in conn.execute("SELECT url FROM articles")}


def _expected(site: str) -> set[str]:
    return {row["url"] for row in json.loads((SITES / site / "expected.json").read_text())}


def test_a_listing_whose_address_has_a_query_gets_a_template_the_profile_loader_takes(
    run_cli: Cli, db: Path
) -> None:
    """yavorets lists its news at ``novini.php?kat=1``, page 2 at ``...?kat=1&str=2``: the
    number is one more query field, the template ``?str={page}`` (``page_url`` joins it to
    the listing's query), not ``&str={page}``, which the loader refuses, so the profile
    add-site wrote could not be crawled at all (exit 2)."""
    proposed, crawled = _propose_then_crawl(run_cli, db, "yavorets", "https://www.yavorets.bg")
    assert tomllib.loads(proposed.stdout)["discovery"]["pagination"] == "?str={page}"
    assert crawled.exit_code == 0, crawled.stderr
    assert _archived(db) == _expected("yavorets")


def test_a_page_two_no_template_describes_is_left_out_of_the_proposal_saying_why() -> None:
    """Page 2 of ``/novini`` at ``/novini-2``: ``-{page}`` is no template the profile
    loader takes, and a profile it refuses cannot be crawled at all; the proposal leaves
    the line out, says why in a comment, and loads."""
    from newsarchive.add_site import Proposal, render
    from newsarchive.discover.explore import Discovery
    from newsarchive.models import Profile
    from newsarchive.profiles.loader import parse_profile

    origin = "https://x.bg"
    profile = Profile(id="x", name="x.bg", origin=origin, hosts=("x.bg",))
    found = Discovery(
        listings=(f"{origin}/novini",), pagination={f"{origin}/novini": f"{origin}/novini-2"}
    )
    text = render(Proposal(profile, found))
    assert parse_profile(tomllib.loads(text), where="proposal", source="user").pagination == ""
    assert "pagination = " not in text
    assert "# pagination: left out" in text and "/novini-2" in text and "must be like" in text


def test_a_profiles_page_template_adds_to_the_pages_a_listing_links_and_never_replaces_them(
    run_cli: Cli, db: Path
) -> None:
    """zimnitsa pages this year's news ``?str=2``, and reaches earlier years only through
    a drop-down of years (``?godina=2025``, itself paged ``&str=2``). add-site proposes
    ``?str={page}``; with it the walk asked ``?str=3`` (a 404, the end) instead of the year
    before, which a crawl without the template follows: 5 of 12 archived, not 12."""
    proposed, crawled = _propose_then_crawl(run_cli, db, "zimnitsa", "https://zimnitsa.bg")
    assert tomllib.loads(proposed.stdout)["discovery"]["pagination"] == "?str={page}"
    assert crawled.exit_code == 0, crawled.stderr
    assert _archived(db) == _expected("zimnitsa")


def test_a_proposed_sitemap_is_read_for_the_articles_its_listing_shows_not_its_pages(
    run_cli: Cli, db: Path
) -> None:
    """yasenkovo's sitemap lists its news and two static pages ("История на града",
    "Местни данъци и такси"). A crawl with no profile reads it keeping the URLs of the
    article shape its listing taught; a profile naming the sitemap and the listing (as
    add-site proposes) read it whole, and archived the static pages as articles."""
    _proposed, crawled = _propose_then_crawl(run_cli, db, "yasenkovo", "https://www.yasenkovo.bg")
    assert crawled.exit_code == 0, crawled.stderr
    assert _archived(db) == _expected("yasenkovo")


@pytest.mark.parametrize(
    ("site", "origin"),
    [("ezerets", "http://www.ezerets.bg"), ("zelenika", "https://www.biblioteka-zelenika.bg")],
)
def test_sources_are_proposed_where_their_servers_moved_them(
    run_cli: Cli, db: Path, site: str, origin: str
) -> None:
    """robots.txt names the sitemap on a host whose server moves every path to another
    (``http://biblioteka-zelenika.bg`` -> ``https://www.…``): add-site read it there, but
    proposed the old address, so every nightly run of the profile paid the old host's
    robots.txt and redirect again, 4 requests where a bare profile's costs 3."""
    with MirrorServer(SITES / site) as server:
        proposed = run_cli(
            "add-site", origin, "--id", site, "--base-url", server.url, "--delay", "0", "--write"
        )
        assert proposed.exit_code == 0, proposed.stderr
        args = ("crawl", site, "--base-url", server.url, "--delay", "0", "--db", str(db))
        assert run_cli(*args).exit_code == 0
        before = len(server.requests)
        assert run_cli(*args).exit_code == 0
        assert len(server.requests) - before <= 3, server.requests[before:]
    assert _archived(db) == _expected(site)


def test_a_proposed_listing_unchanged_since_the_last_run_ends_its_walk_as_a_304_would(
    run_cli: Cli, db: Path
) -> None:
    """topolovo's proposal names its listing and its feed and no article shape: each run
    asks the listing's page 1 whole, for the shapes it teaches (a 304 teaches none),
    before the feed. Read as changed, its page 1 all known went on through every page
    of it (its dates run unordered: a sticky post), and a no-op rerun asked 6 requests
    where a crawl without the profile asks 3. Come back with the validators saved for it,
    it is read as the 304 a request sending them gets."""
    with MirrorServer(SITES / "topolovo") as server:
        proposed = run_cli(
            "add-site", "https://topolovo.bg", "--id", "topolovo", "--base-url", server.url,
            "--delay", "0", "--write",
        )  # fmt: skip
        assert proposed.exit_code == 0, proposed.stderr
        assert "article_pattern =" not in proposed.stdout.replace("# article_pattern", "")
        args = ("crawl", "topolovo", "--base-url", server.url, "--delay", "0", "--db", str(db))
        assert run_cli(*args).exit_code == 0
        before = len(server.requests)
        assert run_cli(*args).exit_code == 0
        asked = server.requests[before:]
    assert asked == ["/robots.txt", "/category/novini/", "/feed/"]
    # (every news item; the bulletins beside them too, as a crawl without the profile
    # archives them: a strict xfail of tests/test_round116_mirrors.py)
    assert _expected("topolovo") <= _archived(db)


def test_a_proposed_listing_whose_server_never_changes_its_etag_is_read_for_new_posts(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    """The same, on a server sending one ETag for the listing whatever it holds: its
    page 1 comes back with the validators saved for it and a post the last run never
    saw, which the feed (unchanged) does not list. Asked whole, the page is read for it,
    not taken for unchanged by its ETag alone."""
    site = tmp_path / "topolovo"
    shutil.copytree(SITES / "topolovo", site)
    (site / "_mirror.json").write_text(
        json.dumps({"headers": {"/category/novini/": {"ETag": '"novini-1"'}}})
    )
    with MirrorServer(site) as server:
        proposed = run_cli(
            "add-site", "https://topolovo.bg", "--id", "topolovo", "--base-url", server.url,
            "--delay", "0", "--write",
        )  # fmt: skip
        assert proposed.exit_code == 0, proposed.stderr
        args = ("crawl", "topolovo", "--base-url", server.url, "--delay", "0", "--db", str(db))
        assert run_cli(*args).exit_code == 0
        # a new post at the listing's top, its page made from another's
        listing = site / "category" / "novini" / "index.html"
        html = listing.read_text(encoding="utf-8")
        card = re.search(
            r'<article id="post-\d+"[^>]*>(?:(?!</article>).)*koledni-svetlini.*?</article>', html
        )
        assert card is not None
        title = "Коледните светлини на площада грейват в неделя"
        new = (
            card.group(0)
            .replace("koledni-svetlini", "nov-park")
            .replace(title, "Новият парк в центъра е открит")
        )
        first = html.index("<article ")
        listing.write_text(html[:first] + new + html[first:], encoding="utf-8")
        page = (site / "koledni-svetlini" / "index.html").read_text(encoding="utf-8")
        (site / "nov-park").mkdir()
        (site / "nov-park" / "index.html").write_text(
            page.replace("koledni-svetlini", "nov-park").replace(
                title, "Новият парк в центъра е открит"
            ),
            encoding="utf-8",
        )
        before = len(server.requests)
        assert run_cli(*args).exit_code == 0
        asked = server.requests[before:]
    assert "/nov-park/" in asked
    assert "https://topolovo.bg/nov-park/" in _archived(db)


def test_a_listing_read_every_few_days_is_proposed_as_one(run_cli: Cli, db: Path) -> None:
    """belorechie's menu has three streams of news; a crawl reads two every night and
    the third ("Обяви") every few days. add-site said so in a comment but wrote all three
    as start URLs, which a crawl reads every run: 4 requests to a no-op rerun, not 3.
    ``rested_urls`` names the third for what it is."""
    with MirrorServer(SITES / "belorechie") as server:
        proposed = run_cli(
            "add-site", "https://belorechie.bg", "--id", "belorechie", "--base-url", server.url,
            "--delay", "0", "--write",
        )  # fmt: skip
        assert proposed.exit_code == 0, proposed.stderr
        assert tomllib.loads(proposed.stdout)["discovery"]["rested_urls"] == ["/bg/obyavi"]
        args = ("crawl", "belorechie", "--base-url", server.url, "--delay", "0", "--db", str(db))
        assert run_cli(*args).exit_code == 0
        before = len(server.requests)
        assert run_cli(*args).exit_code == 0
        assert len(server.requests) - before <= 3, server.requests[before:]
    assert _archived(db) == _expected("belorechie")


def test_a_site_where_nothing_answers_but_robots_txt_is_no_proposal(run_cli: Cli) -> None:
    # robots.txt names a sitemap that redirects to itself; the home page is bad gzip:
    # a proposal of that sitemap alone, with no article checked, was exit 0
    bad_gzip = response(body=b"not gzip at all", headers={"Content-Encoding": "gzip"})
    with HostileServer() as site:
        robots = f"User-agent: *\nSitemap: {site.url}/sitemap.xml\n"
        site.routes.update({
            "/robots.txt": response(body=robots.encode(), content_type="text/plain"),
            "/": bad_gzip,
            "/sitemap.xml": redirect(f"{site.url}/sitemap.xml"),
        })  # fmt: skip
        result = run_cli("add-site", site.url, "--delay", "0")
    assert result.exit_code == 2, result.stdout
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert f"cannot read {site.url}: nothing could be read" in result.stderr
    assert "malformed response" in result.stderr and "redirects" in result.stderr
    assert f"{site.url}/;" not in result.stderr  # (the site named once, at the start)


@given(st.text(st.characters(exclude_categories=("Cs",))))
def test_every_value_the_proposal_writes_loads_back_as_it_was(value: str) -> None:
    """A site name or an address with any character a page can hold (a tab, a line
    break, DEL, quotes, a backslash) is written as a TOML string that reads back the
    same: DEL went out raw, and ``tomllib`` refused the whole proposal."""
    for written in (add_site._toml(value), add_site._toml_basic(value)):
        assert tomllib.loads(f"x = {written}")["x"] == value


def test_the_readmes_offline_rehearsal_runs_as_written(
    run_cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README's "Add a site of your own" rehearsal, its commands as printed (the
    mirror's port the one this test got): a proposal saved to a file, crawled with
    --profile, searched; nothing saved where user profiles live."""
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    block = readme.split("To rehearse offline", 1)[1].split("```sh\n", 1)[1].split("```")[0]
    lines = block.strip().splitlines()
    assert lines[0].startswith(".venv/bin/python -m newsarchive.mirror tests/fixtures/sites/")
    site = lines[0].split()[3].rsplit("/", 1)[1]
    # every command asks the port the mirror line starts it on (the test's own replaces it)
    port = re.search(r"--port (\d+) &$", lines[0])
    assert port, lines[0]
    asked = {m for line in lines[1:] for m in re.findall(r"http://127\.0\.0\.1:(\d+)", line)}
    assert asked == {port.group(1)}, (asked, lines[0])
    monkeypatch.chdir(tmp_path)
    with MirrorServer(SITES / site) as server:
        results = []
        for line in lines[1:]:
            line = re.sub(r"http://127\.0\.0\.1:\d+", server.url, line)
            command, _, into = line.partition(" > ")
            args = shlex.split(command)
            assert args[0] == ".venv/bin/newsarchive", line
            result = run_cli(*args[1:])
            assert result.exit_code == 0, (line, result.stderr)
            if into:
                (tmp_path / into).write_text(result.stdout, encoding="utf-8")
            results.append(result)
    assert results[-1].stdout.startswith("1  ")  # the search found the article
    assert not (tmp_path / "no-user-profiles").exists()


def test_write_on_a_full_disk_is_exit_74_and_leaves_no_empty_profile(
    run_cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--write`` met the full disk after its file was made: an empty ``ID.toml`` stayed
    in the user's profiles, and the exit was 2 ("bad usage or input"), where every other
    write meeting a full disk says 74."""
    import os

    with small_disk(tmp_path / "profiles", "64k") as folder:
        filler = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT)
        try:  # every block the mount has
            while os.write(filler, b"\0" * 4096):
                pass
        except OSError:
            pass
        finally:
            os.close(filler)
        monkeypatch.setenv("NEWSARCHIVE_PROFILES", str(folder))
        with MirrorServer(SITES / "bta") as server:
            result = run_cli(
                "add-site", "https://www.bta.bg", "--id", "bta-copy", "--base-url",
                server.url, "--delay", "0", "--write",
            )  # fmt: skip
        assert result.exit_code == 74, result.stderr
        lines = result.stderr.splitlines()
        assert lines[-1] == (
            f"newsarchive: error: cannot write {folder / 'bta-copy.toml'}: No space left on device"
        ), lines
        assert sorted(p.name for p in folder.iterdir()) == ["filler"]
