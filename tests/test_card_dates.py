"""A date a listing card (or a feed entry) gives reaches the archive whichever source met
the article first: an entry a sitemap queued takes the card's date (``Frontier.offer``),
and an article archived undated before its card was read is dated by it
(``Store.date_undated``), never fetched again for it."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from newsarchive.archive.connection import connect
from newsarchive.archive.frontier import Frontier, Seen, older_source
from newsarchive.archive.states import State
from newsarchive.archive.store import Store
from newsarchive.mirror import MirrorServer
from newsarchive.models import SOURCE_FEED, SOURCE_RECHECK, SOURCE_SITEMAP, Article, Candidate, Page

from .support import Result

NEWS = "https://t.example/novini"
DAY = dt.date(2026, 11, 2)
WHEN = dt.datetime(2026, 11, 3, 8, 0, tzinfo=dt.UTC)


def test_a_sitemaps_queued_entry_takes_the_cards_date_and_source(tmp_path: Path) -> None:
    frontier = Frontier(connect(tmp_path / "a.db", create=True), "t")
    urls = [f"https://t.example/novini/{n}" for n in range(5)]
    frontier.queue(Candidate(u, "t", SOURCE_SITEMAP, DAY + dt.timedelta(days=9)) for u in urls[:3])
    frontier.queue([Candidate(urls[3], "t", older_source(4))])  # a way back's, no lister
    frontier.queue([Candidate(urls[4], "t", SOURCE_RECHECK, DAY)])  # an archived one's
    cards = [Candidate(u, "t", NEWS, DAY) for u in urls[1:]]
    cards[1] = Candidate(urls[2], "t", SOURCE_SITEMAP, DAY)  # a lastmod says nothing
    frontier.offer(
        [*cards, Candidate(urls[0], "t", NEWS)], handled=set(), refresh=False, since=None
    )
    assert frontier.listed(urls) == {
        urls[1]: (DAY, "listing"),  # the card's, not the sitemap's lastmod
        urls[3]: (DAY, "listing"),
    }
    assert frontier.going_back([urls[3]]) == {urls[3]: 4}  # the way back goes on from it
    source = frontier.conn.execute(
        "SELECT source FROM frontier WHERE url_key = 't.example/novini/4'"
    ).fetchone()[0]
    assert source == SOURCE_RECHECK  # asks "changed since?" as it was queued to
    # a card's date does not replace a feed's, which is a publication date already
    fed = "https://t.example/novini/9"
    frontier.queue([Candidate(fed, "t", SOURCE_FEED, DAY - dt.timedelta(days=1))])
    frontier.offer([Candidate(fed, "t", NEWS, DAY)], handled=set(), refresh=False, since=None)
    assert frontier.listed([fed]) == {fed: (DAY - dt.timedelta(days=1), "feed")}


def test_an_entry_that_failed_this_run_takes_the_card_shown_after(tmp_path: Path) -> None:
    """A sitemap queued the article, this run fetched it and it failed (an HTTP 500, a
    page cut short), and then the list's later page showed its card: the card's date is
    kept for the next run's retry, which reads the article from the frontier alone (the
    list walked to its end is not read that far again): it was archived undated
    (``bench/composed_sites.py --faults``, seed 3)."""
    frontier = Frontier(connect(tmp_path / "a.db", create=True), "t")
    failed, done = "https://t.example/novini/1", "https://t.example/novini/2"
    frontier.queue(
        Candidate(u, "t", SOURCE_SITEMAP, DAY + dt.timedelta(days=9)) for u in (failed, done)
    )
    frontier.settle(failed, State.FAILED, "HTTP 500 after 4 attempts")
    frontier.settle(done, State.DONE)
    cards = [Candidate(u, "t", f"{NEWS}?start=3", DAY) for u in (failed, done)]
    verdicts = frontier.offer(cards, handled={failed, done}, refresh=False, since=None)
    assert verdicts == [Seen.THIS_RUN, Seen.THIS_RUN]
    assert frontier.listed([failed, done]) == {failed: (DAY, "listing")}
    assert frontier.state(failed) is State.FAILED  # retried next run, its card's date at hand


def test_an_entry_a_listing_queued_undated_takes_a_later_cards_date(tmp_path: Path) -> None:
    """A "Най-четени" box of bare headlines on the list's page 1 queued the article, no
    date given; this run fetched it and it failed (a maintenance page), then page 2 showed
    its dated card: the entry's source being a listing's, the card's date was not taken,
    and the next run's retry archived it undated (composed ``--faults`` seed 479). An
    entry a listing queued with a date keeps that one."""
    frontier = Frontier(connect(tmp_path / "a.db", create=True), "t")
    boxed, dated = "https://t.example/novini/1", "https://t.example/novini/2"
    frontier.queue([Candidate(boxed, "t", NEWS), Candidate(dated, "t", NEWS, DAY)])
    for url in (boxed, dated):
        frontier.settle(url, State.FAILED, "a maintenance page instead of the page")
    later = DAY - dt.timedelta(days=4)
    cards = [Candidate(u, "t", f"{NEWS}?start=5", later) for u in (boxed, dated)]
    verdicts = frontier.offer(cards, handled={boxed, dated}, refresh=False, since=None)
    assert verdicts == [Seen.THIS_RUN, Seen.THIS_RUN]
    assert frontier.listed([boxed, dated]) == {boxed: (later, "listing"), dated: (DAY, "listing")}


def _archive(store: Store, url: str, published: dt.date | None, source: str) -> None:
    page = Page(url, url, 200, {}, b"<html></html>", "", "utf-8", WHEN)
    with store.conn:
        store.upsert_article(
            Article(title=f"Заглавие {url[-1]}", text="Общинският съвет прие бюджета.",
                    published=published, date_source=source),
            site="t", url=url, fetched_at=WHEN.isoformat(), capture_id=store.save_capture(page),
        )  # fmt: skip


def test_an_article_archived_undated_is_dated_by_its_card_in_place(tmp_path: Path) -> None:
    conn = connect(tmp_path / "a.db", create=True)
    store = Store(conn)
    urls = [f"https://t.example/novini/{n}" for n in range(5)]
    _archive(store, urls[0], None, "none")
    _archive(store, urls[1], DAY - dt.timedelta(days=3), "time")  # the page stated its own
    _archive(store, urls[2], None, "none")
    _archive(store, urls[3], None, "none")
    _archive(store, urls[4], None, "none")
    moment = dt.datetime(2026, 11, 1, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    with conn:
        dated = store.date_undated(
            "t",
            {
                urls[0]: (DAY, "listing"),
                urls[1]: (DAY, "listing"),
                urls[2]: (dt.date(2026, 11, 4), "listing"),  # after its fetch: never
                urls[3]: (moment, "feed"),
                "HTTPS://T.EXAMPLE/novini/4": (DAY, "listing"),  # any spelling of its URL
            },
        )
        assert store.date_undated("x", {urls[0]: (DAY, "listing")}) == (0, 0)  # another site's
    assert dated == (3, 0)  # (three rows dated, no copy of them folded)
    rows = conn.execute(
        "SELECT url, published, published_date, date_source, updated_at FROM articles ORDER BY url"
    ).fetchall()
    assert rows == [
        (urls[0], "2026-11-02", "2026-11-02", "listing", WHEN.isoformat()),
        (urls[1], "2026-10-30", "2026-10-30", "time", WHEN.isoformat()),
        (urls[2], None, None, "none", WHEN.isoformat()),
        (urls[3], "2026-11-01T09:30:00+02:00", "2026-11-01", "feed", WHEN.isoformat()),
        (urls[4], "2026-11-02", "2026-11-02", "listing", WHEN.isoformat()),
    ]
    assert conn.execute("SELECT count(*) FROM revisions").fetchone()[0] == 0
    with conn:  # dated once: a later card leaves the date its first gave
        assert store.date_undated("t", {urls[0]: (DAY - dt.timedelta(days=1), "listing")}) == (0, 0)
    assert (
        conn.execute(
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'бюджета'"
        ).fetchone()[0]
        == 5
    )


def _card_dated_site(root: Path, *, card_dates: bool = True, twin: bool = False) -> list[str]:
    """A WordPress-like site: robots.txt names a sitemap of the news, the menu's "Новини"
    lists three articles on cards dated "04.12.2026" and so on, and the articles' own
    pages print no date at all. With ``twin`` the first article was posted twice, the copy
    at WordPress's slug for it (``/novini/sabitie-nomer-1-2/``, the same page, no
    canonical), which the sitemap names first and no list shows. The articles' paths."""
    origin = "https://www.kartichka.bg"
    paths = [f"/novini/sabitie-nomer-{n}/" for n in (3, 2, 1)]
    copies = ["/novini/sabitie-nomer-1-2/"] if twin else []
    (root / "novini").mkdir(parents=True, exist_ok=True)
    (root / "robots.txt").write_text(f"User-agent: *\nSitemap: {origin}/sitemap.xml\n")
    urls = "".join(
        f"<url><loc>{origin}{path}</loc><lastmod>2026-12-05T10:00:00+02:00</lastmod></url>"
        for path in copies + paths
    )
    (root / "sitemap.xml").write_text(
        f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{urls}</urlset>"
    )
    menu = (
        '<nav><ul class="menu"><li><a href="/">Начало</a></li>'
        '<li><a href="/novini/">Новини</a></li></ul></nav>'
    )
    (root / "index.html").write_text(
        f"<html><head><title>Община Картичка</title></head><body>{menu}"
        "<p>Добре дошли на сайта на общината.</p></body></html>",
        encoding="utf-8",
    )
    cards = "".join(
        f'<li><a href="{path}">Общината обяви събитие номер {n} за жителите</a>'
        + (f' <span class="date">0{n + 1}.12.2026</span>' if card_dates else "")
        + "</li>"
        for n, path in zip((3, 2, 1), paths, strict=True)
    )
    (root / "novini" / "index.html").write_text(
        f"<html><head><title>Новини</title></head><body>{menu}<h1>Новини</h1>"
        f'<ul class="news">{cards}</ul></body></html>',
        encoding="utf-8",
    )
    for n, path in [*zip((3, 2, 1), paths, strict=True), *((1, copy) for copy in copies)]:
        folder = root / path.strip("/")
        folder.mkdir(parents=True, exist_ok=True)
        body = (
            f"<p>Общината обяви събитие номер {n} за жителите на града и околните села, "
            "като покани всички да присъстват на срещата в читалището.</p>"
        )
        (folder / "index.html").write_text(
            f"<html><head><title>Събитие {n}</title></head><body>{menu}"
            f"<article><h1>Общината обяви събитие номер {n} за жителите</h1>{body * 4}"
            "</article></body></html>",
            encoding="utf-8",
        )
    return paths


DATED = [(f"/novini/sabitie-nomer-{n}/", f"2026-12-0{n + 1}", "listing") for n in (1, 2, 3)]


Rows = list[tuple[str, str | None, str]]  # an article's path, published, date_source


def _crawls(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> tuple[Callable[[Path], list[str]], Callable[[], Rows], list[str]]:
    """A crawl of the mirror at a root (the requests it made), the archive's rows, and
    what each crawl printed."""
    profile = tmp_path / "kartichka.toml"
    profile.write_text('id = "kartichka"\nname = "К"\norigin = "https://www.kartichka.bg"\n')
    args = ("crawl", "kartichka", "--profile", str(profile), "--delay", "0", "--db", str(db))
    said: list[str] = []  # what each crawl printed

    def crawl(root: Path) -> list[str]:
        with MirrorServer(root) as server:
            result = run_cli(*args, "--base-url", server.url)
            assert result.exit_code == 0, result.stderr
            said.append(result.stdout)
            return server.requests

    def rows() -> Rows:
        with closing(sqlite3.connect(db)) as conn:
            return conn.execute(
                "SELECT substr(url, 25), published, date_source FROM articles ORDER BY url"
            ).fetchall()

    return crawl, rows, said


def test_a_card_dates_the_articles_a_sitemap_had_fetched_first(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """The sitemap is read before the news list: each article is fetched from it and
    archived undated, then the list's cards date it, with no second request for it."""
    root = tmp_path / "site"
    paths = _card_dated_site(root)
    crawl, rows, _ = _crawls(run_cli, db, tmp_path)
    asked = crawl(root)
    assert asked.index("/sitemap.xml") < asked.index("/novini/sabitie-nomer-1/")
    assert sorted(p for p in asked if p.startswith("/novini/sabitie")) == sorted(paths)
    assert rows() == DATED
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("SELECT count(*) FROM revisions").fetchone()[0] == 0
    assert not [p for p in crawl(root) if p.startswith("/novini/sabitie")]
    assert rows() == DATED


def test_cards_dated_on_a_later_night_date_the_articles_archived_undated(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """Night one's cards print no date, nothing dates the articles; night two's do, and
    they date them then, with no article asked again."""
    root = tmp_path / "site"
    _card_dated_site(root, card_dates=False)
    crawl, rows, said = _crawls(run_cli, db, tmp_path)
    crawl(root)
    assert rows() == [(path, None, "none") for path, _, _ in DATED]
    assert "dated from their list" not in said[-1]
    _card_dated_site(root)
    assert not [p for p in crawl(root) if p.startswith("/novini/sabitie")]
    assert rows() == DATED
    # (told in the run's summary: no fetch's outcome, so not among "updated")
    assert "3 articles whose pages give no date dated from their list or feed" in said[-1], said[-1]
    assert "folded" not in said[-1]


def test_a_copy_under_another_address_folded_once_dated_is_told_in_the_summary(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """The first article is read twice from the sitemap, at its copy's address too,
    both undated: two rows, each counted new. The list's card dates the news copy, and
    the other, its words the same, is folded into it (``Store._fold_undated_copy``): the
    summary says so, as "4 new" alone would count a row the archive no longer has."""
    root = tmp_path / "site"
    _card_dated_site(root, twin=True)
    crawl, rows, said = _crawls(run_cli, db, tmp_path)
    asked = crawl(root)
    assert "/novini/sabitie-nomer-1-2/" in asked, " ".join(asked)
    assert [(path.replace("-1-2/", "-1/"), day, source) for path, day, source in rows()] == DATED
    assert "kartichka: 4 new," in said[-1], said[-1]
    assert "1 of their copies under another address folded into them" in said[-1], said[-1]
