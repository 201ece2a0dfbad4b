"""A crawl survives what a broken or hostile site does: bad URLs, endless sitemaps and
listings, a bug in one site, and an archive that breaks under it."""

from __future__ import annotations

import re
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from .faultserver import PROFILE, FaultServer, write_profile
from .support import Result, small_disk
from .test_crawl_process import count_articles, start_crawl, wait_for

Cli = Callable[..., Result]


def crawl(run_cli: Cli, server: FaultServer, db: Path, *extra: str) -> Result:
    profile = write_profile(db.parent)
    return run_cli(
        "crawl", "fault", "--profile", str(profile), "--base-url", server.url,
        "--delay", "0", "--db", str(db), *extra,
    )  # fmt: skip


def frontier(db: Path) -> dict[str, str]:
    with sqlite3.connect(db) as conn:
        return dict(conn.execute("SELECT url, state FROM frontier"))


# row 1: a control character in a link ---------------------------------------------------
def test_a_link_with_a_control_character_is_encoded_not_a_crash(run_cli: Cli, db: Path) -> None:
    extra = '<a href="/news/1001-story-1001\x01">Статия</a><a href="/news/10\x7f">x</a>'
    with FaultServer(articles=3, faults=False, listing_extra=extra) as server:
        result = crawl(run_cli, server, db)
        first_run = list(server.requests)
        again = crawl(run_cli, server, db)
    assert result.exit_code == 0, result.stderr
    assert again.exit_code == 0, again.stderr
    assert count_articles(db) == 3
    assert frontier(db)["https://fault.example/news/1001-story-1001%01"] == "gone"
    # every page past the last lists the same two links: the walk ends at the first of
    # them (it once walked 5,000 such pages, the whole request budget, on each run)
    assert len(first_run) < 20, len(first_run)
    assert "budget" not in result.stdout + again.stdout


def test_a_bug_in_one_site_is_that_sites_failure_and_the_others_go_on(
    run_cli: Cli, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsarchive.harvest

    real_judge = newsarchive.harvest.judge
    with (
        FaultServer(articles=3, faults=False) as alpha,
        FaultServer(articles=4, faults=False) as beta,
    ):

        def judge(url: str, *args: object, **options: object) -> object:
            if alpha.url in url:
                raise RuntimeError("boom")
            return real_judge(url, *args, **options)  # type: ignore[arg-type]

        monkeypatch.setattr(newsarchive.harvest, "judge", judge)
        for name, server in (("alpha", alpha), ("beta", beta)):
            text = PROFILE.replace('id = "fault"', f'id = "{name}"').replace(
                "https://fault.example", server.url
            )
            (db.parent / f"{name}.toml").write_text(text, encoding="utf-8")
        result = run_cli(
            "crawl", "alpha", "beta", "--profile", str(db.parent / "alpha.toml"),
            "--profile", str(db.parent / "beta.toml"), "--delay", "0", "--db", str(db),
        )  # fmt: skip
    assert result.exit_code == 70
    assert "newsarchive: alpha: internal error: RuntimeError: boom" in result.stderr
    assert "Traceback" not in result.stderr
    with sqlite3.connect(db) as conn:
        assert dict(conn.execute("SELECT site, status FROM runs")) == {"alpha": 70, "beta": 0}
        assert conn.execute("SELECT count(*) FROM articles WHERE site = 'beta'").fetchone() == (4,)


# row 5: a per-site request budget; sites side by side; sitemaps resume ---------------------
def test_the_request_budget_ends_a_run_and_the_next_runs_resume(run_cli: Cli, db: Path) -> None:
    with FaultServer(articles=30, per_page=10, faults=False) as server:
        first = crawl(run_cli, server, db, "--max-requests", "8", "--connections", "1")
        assert first.exit_code == 0, first.stderr
        assert "request budget of 8 spent; the next run resumes" in first.stdout
        assert len(server.requests) <= 9
        assert count_articles(db) < 30
        for _ in range(6):
            if count_articles(db) == 30:
                break
            assert crawl(run_cli, server, db, "--max-requests", "8").exit_code == 0
    with sqlite3.connect(db) as conn:
        urls = [r[0] for r in conn.execute("SELECT url FROM articles")]
    assert sorted(urls) == sorted(server.archivable_urls())


def test_sites_crawl_side_by_side_so_a_big_one_does_not_starve_a_small_one(
    run_cli: Cli, db: Path
) -> None:
    with (
        FaultServer(articles=40, faults=False, article_delay=0.03) as big,
        FaultServer(articles=2, faults=False) as small,
    ):
        for name, server in (("big", big), ("small", small)):
            text = PROFILE.replace('id = "fault"', f'id = "{name}"').replace(
                "https://fault.example", server.url
            )
            (db.parent / f"{name}.toml").write_text(text, encoding="utf-8")
        result = run_cli(
            "crawl", "big", "small", "--profile", str(db.parent / "big.toml"),
            "--profile", str(db.parent / "small.toml"), "--delay", "0", "--db", str(db),
        )  # fmt: skip
        assert result.exit_code == 0, result.stderr
        # the small site, named second, was done while the big one was still crawling
        assert max(small.times) < max(big.times)


def write_sitemap_site(root: Path, lastmods: list[str]) -> None:
    children = "".join(
        f"<sitemap><loc>https://maps.example/sitemap-{n}.xml</loc><lastmod>{mod}</lastmod>"
        "</sitemap>"
        for n, mod in enumerate(lastmods, 1)
    )
    (root / "sitemap.xml").write_text(
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{children}</sitemapindex>"
    )
    (root / "news").mkdir(exist_ok=True)
    for n in range(1, len(lastmods) + 1):
        urls = "".join(
            f"<url><loc>https://maps.example/news/{n}-{k}-novina-za-grada</loc></url>"
            for k in (1, 2)
        )
        (root / f"sitemap-{n}.xml").write_text(f'<?xml version="1.0"?><urlset>{urls}</urlset>')
        for k in (1, 2):
            (root / "news" / f"{n}-{k}-novina-za-grada.html").write_text(
                f"<html><head><title>Новина {n}-{k}</title></head><body><article><h1>Новина"
                f" {n}-{k} за града</h1><p>Общината обяви ремонт на улица номер {n}{k} и"
                " нов парк в квартала до края на годината.</p></article></body></html>",
                encoding="utf-8",
            )


SITEMAP_PROFILE = 'id = "maps"\nname = "Maps"\norigin = "https://maps.example"\n' \
    '[discovery]\nsitemaps = ["/sitemap.xml"]\n'  # fmt: skip


def test_sitemaps_resume_and_unchanged_children_are_skipped(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    from newsarchive.mirror import MirrorServer

    root = tmp_path / "site"
    root.mkdir()
    write_sitemap_site(root, ["2026-01-01", "2026-02-01", "2026-03-01"])
    profile = tmp_path / "maps.toml"
    profile.write_text(SITEMAP_PROFILE, encoding="utf-8")
    with MirrorServer(root) as server:

        def run(*extra: str) -> Result:
            return run_cli(
                "crawl", "maps", "--profile", str(profile), "--base-url", server.url,
                "--delay", "0", "--connections", "1", "--db", str(db), *extra,
            )  # fmt: skip

        assert run("--max-requests", "6").exit_code == 0  # robots, index, child 1, 2 articles, …
        assert run().exit_code == 0  # resumes: child 1 is not read again
        assert count_articles(db) == 6
        assert server.requests.count("/sitemap-1.xml") == 1
        write_sitemap_site(root, ["2026-01-01", "2026-02-15", "2026-03-01"])
        before = len(server.requests)
        assert run().exit_code == 0
        sitemaps = [r for r in server.requests[before:] if r.startswith("/sitemap")]
        assert sitemaps == ["/sitemap.xml", "/sitemap-2.xml"]  # only the changed child


# row 8: listing pages that link to each other ------------------------------------------
def test_a_walk_never_fetches_a_listing_page_twice(run_cli: Cli, db: Path, tmp_path: Path) -> None:
    from newsarchive.mirror import MirrorServer

    root = tmp_path / "site"
    (root / "news").mkdir(parents=True)
    pages = {"news.html": "/news?p=2", "news@p=2.html": "/news"}
    for number, (name, next_url) in enumerate(pages.items(), 1):
        (root / name).write_text(
            f'<html><body><a href="/news/{number}">Дълга новина номер {number} за общината'
            f' днес</a><a rel="next" href="{next_url}">Следваща</a></body></html>',
            encoding="utf-8",
        )
        (root / "news" / f"{number}.html").write_text(
            f"<html><body><article><h1>Новина {number}</h1><p>Общината обяви ремонт на"
            " улицата и нов парк в квартала до края на годината.</p></article></body></html>",
            encoding="utf-8",
        )
    profile = tmp_path / "loop.toml"
    profile.write_text(
        'id = "loop"\nname = "Loop"\norigin = "https://loop.example"\n[discovery]\n'
        'start_urls = ["/news"]\narticle_pattern = "^/news/\\\\d+$"\nmax_pages = 0\n',
        encoding="utf-8",
    )
    with MirrorServer(root) as server:
        result = run_cli(
            "crawl", "loop", "--profile", str(profile), "--base-url", server.url,
            "--delay", "0", "--max-pages", "0", "--db", str(db),
        )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    listing = [r for r in server.requests if r in ("/news", "/news?p=2")]
    assert listing == ["/news", "/news?p=2"]
    assert count_articles(db) == 2


# row 12: the archive breaks under a running crawl ----------------------------------------
@pytest.fixture
def slow_site() -> Iterator[FaultServer]:
    with FaultServer(articles=60, per_page=10, faults=False, article_delay=0.04) as server:
        yield server


def archive_files(db: Path) -> list[Path]:
    return [Path(f"{db}{suffix}") for suffix in ("", "-wal", "-shm")]


def data_files(db: Path) -> list[Path]:
    """The files holding the archive's data: the database and its WAL, not the ``-shm``.

    The ``-shm`` is the WAL index, shared memory every connection keeps mapped (whatever
    ``mmap_size`` says). ``chattr +i`` flushes its dirty pages, and the kernel answers the
    next store to the mapping with SIGBUS: a crawl killed mid-step, however the product
    handles errors, whenever SQLite touched the index before writing the WAL (a commit
    that slipped in before the WAL was locked, a new read mark). That was this test's
    rare flake; making the data read-only is what the test is about."""
    return archive_files(db)[:2]


def test_an_archive_deleted_during_the_crawl_is_noticed(slow_site: FaultServer, db: Path) -> None:
    process = start_crawl(slow_site, db)
    wait_for(lambda: count_articles(db) >= 3)
    for path in archive_files(db):
        path.unlink(missing_ok=True)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 74, err
    assert err.count("\n") == 1 and "was deleted or replaced during the crawl" in err
    assert "new" not in out  # no summary claiming articles went into a vanished file


def test_an_archive_made_read_only_during_the_crawl_fails_with_one_line(
    slow_site: FaultServer, db: Path
) -> None:
    process = start_crawl(slow_site, db)
    wait_for(lambda: count_articles(db) >= 3)
    locked = []
    try:
        for path in data_files(db):
            if path.exists():
                if subprocess.run(["chattr", "+i", str(path)], check=False).returncode:
                    process.kill()
                    pytest.skip("chattr +i is not supported here")
                locked.append(path)
        out, err = process.communicate(timeout=60)
    finally:
        for path in locked:
            subprocess.run(["chattr", "-i", str(path)], check=False)
    assert process.returncode == 74, err
    assert err.count("\n") == 1 and "cannot write the archive" in err
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] >= 3


def test_a_full_disk_during_the_crawl_fails_with_one_line(
    slow_site: FaultServer, tmp_path: Path
) -> None:
    with small_disk(tmp_path / "small", "400k") as mount:
        db = mount / "archive.db"
        process = start_crawl(slow_site, db)
        out, err = process.communicate(timeout=120)
        assert process.returncode == 74, err
        assert err.count("\n") == 1 and "cannot write the archive" in err
        assert "full" in err
        with sqlite3.connect(db) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # What the run archived before the disk filled is said, as a signal's stop says
        # it: the error alone read as if the night had archived nothing.
        said = re.fullmatch(
            r"fault: (\d+) new, .*\(ended: the archive could not be written;.*\n", out
        )
        assert said is not None, out
        assert int(said[1]) == count_articles(db) > 0


def test_pages_in_flight_when_the_budget_runs_out_are_archived_not_dropped(tmp_path: Path) -> None:
    """A redirect loop spends six requests on one URL: the budget runs out while the next
    articles are in flight; every page the site answered is judged in this run."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from newsarchive.archive.connection import connect
    from newsarchive.archive.frontier import Frontier
    from newsarchive.archive.store import Store
    from newsarchive.crawl_run import CrawlOptions, SiteReport
    from newsarchive.fetch.client import Fetcher, FetchOptions
    from newsarchive.harvest import Harvester
    from newsarchive.models import Candidate, Profile

    served: list[str] = []
    body = "<html><body><article><h1>Заглавие</h1><p>" + "Текст на статията. " * 30
    page = (body + "</p></article></body></html>").encode()

    class Site(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/loop":
                self.send_response(302)
                self.send_header("Location", "/loop")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            served.append(origin + self.path)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, format: str, *args: object) -> None:
            pass

    class Spent(Exception):
        pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    profile = Profile(id="t", name="t", origin=origin)
    options = CrawlOptions(max_requests=7, workers=2)
    conn = connect(tmp_path / "a.db", create=True)
    frontier = Frontier(conn, "t")
    urls = [f"{origin}/loop", *(f"{origin}/a{n}" for n in range(6))]
    frontier.queue(Candidate(url, "t", f"{origin}/news") for url in urls)
    fetch = FetchOptions(delay=0, respect_robots=False, max_connections=2)
    try:
        with Fetcher(fetch) as fetcher:

            def between() -> None:
                if fetcher.requests >= options.max_requests:
                    raise Spent

            harvest = Harvester(
                Store(conn), frontier, fetcher, profile, options, SiteReport("t"),
                lambda report: None, between=between, still_ours=lambda: None,
            )  # fmt: skip
            with pytest.raises(Spent):
                harvest.fetch_pending(lambda url: None)
    finally:
        server.shutdown()
        server.server_close()
    assert served  # the articles fetched beside the loop ...
    assert set(served) <= harvest.handled  # ... were all archived (or judged) in this run
