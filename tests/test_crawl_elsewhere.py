"""A crawl that fetches an article another site's crawl archived already (two profiles
reading one host, a section's copy naming the other's address as its canonical): the
article stays under the site that archived it first, as an import keeps it, and the
crawl says so in its summary, in the line an import says it with."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from .faultserver import ORIGIN, PROFILE, FaultServer, article_html, write_profile
from .support import Result

Cli = Callable[..., Result]


def _copies_profile(folder: Path) -> Path:
    """A second profile of the fault site's host: its "/copies" section, whose pages are
    the news's, each naming the news's address as its canonical."""
    path = folder / "copies.toml"
    text = PROFILE.replace('id = "fault"', 'id = "copies"')
    text = text.replace('start_urls = ["/news"]', 'start_urls = ["/copies"]')
    path.write_text(text.replace("'^/news/", "'^/(?:news|copies)/"), encoding="utf-8")
    return path


def test_an_article_archived_under_another_site_stays_there_and_is_said(
    run_cli: Cli, db: Path
) -> None:
    with FaultServer(articles=3, faults=False) as server:
        crawl = ("--base-url", server.url, "--delay", "0", "--db", str(db))
        first = run_cli("crawl", "fault", "--profile", str(write_profile(db.parent)), *crawl)
        assert first.exit_code == 0 and "fault: 3 new" in first.stdout, first.stderr
        ids = server.all_ids()
        links = "".join(
            f'<li><a href="/copies/{i}-copy">Общината обяви нов конкурс номер {i}</a></li>'
            for i in ids
        )
        server.answers["/copies"] = (
            200,
            {},
            f"<html><body><ul>{links}</ul></body></html>".encode(),
        )
        for i in ids:
            canonical = f"{ORIGIN}/news/{i}-story-{i}"
            server.answers[f"/copies/{i}-copy"] = (200, {}, article_html(i, canonical=canonical))
        copies = run_cli("crawl", "copies", "--profile", str(_copies_profile(db.parent)), *crawl)
    assert copies.exit_code == 0 and copies.stderr == "", copies.stderr
    assert "copies: 0 new, 0 updated, 3 unchanged" in copies.stdout, copies.stdout
    assert (
        "; 3 fetched article(s) belong to a site other than the one the archive holds their"
        f" address under, and stay there (first: {ORIGIN}/news/"
    ) in copies.stdout, copies.stdout
    assert " is fault's here, copies's by this crawl); rename-site moves a whole site" in (
        copies.stdout
    )
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT DISTINCT site FROM articles").fetchall() == [("fault",)]
