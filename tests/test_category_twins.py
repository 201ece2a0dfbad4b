"""One article under two categories' addresses, no canonical naming either
(``Store._same_content``): the news list's card dates ``/novini/x``, a "Култура" box
links ``/kultura/x`` with no date, and the page itself prints none. One row, dated by
the card, whichever address was read first; the other address one of its keys, never
read again. Two genuinely different posts stay two: the same headline over another
text, and the same notice's text posted again on another day.

The site is served by ``MirrorServer`` and crawled by the real CLI, as a nightly run
crawls; the store's rule is also tested on its own, where the order of the copies is
the test's to choose.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from newsarchive.archive.connection import connect
from newsarchive.archive.store import Store
from newsarchive.crawl import SiteCrawl
from newsarchive.crawl_run import CrawlOptions
from newsarchive.discover.headlines import normal_headline
from newsarchive.fetch.client import Fetcher, FetchOptions
from newsarchive.mirror import MirrorServer
from newsarchive.models import Article, Candidate, Page, Profile

from .support import Result

ORIGIN = "https://www.dvoyno.bg"
MENU = (
    '<nav><ul class="menu"><li><a href="/">Начало</a></li>'
    '<li><a href="/kontakti/">Контакти</a></li></ul></nav>'
)
FESTIVAL = [
    "Тази година фестивалът на народните песни събира певци от дванадесет села.",
    "Концертите ще се проведат на площада пред читалището всяка вечер от седем часа.",
    "Входът е свободен, а децата ще могат да участват в работилници за народни носии.",
]
SESSION = [
    "Общинският съвет ще заседава в голямата зала на общината в четвъртък.",
    "В дневния ред са бюджетът на културния календар и ремонтът на читалището.",
]
SESSION_CULTURE = [
    "Постоянната комисия по култура обсъди програмата на летните празници.",
    "Комисията предлага три нови концерта и изложба на местни художници.",
]
WATER = [
    "Поради ремонт на водопровода в квартал „Изток“ водата ще бъде спряна от девет часа.",
    "Водоподаването ще бъде възстановено до пет часа следобед в същия ден.",
]
# path, headline, paragraphs, the card's day (None: not on the news list)
PAGES = [
    ("/novini/festival-na-pesnite/", "Фестивалът на народните песни започва в петък",
     FESTIVAL, "04.12.2026"),
    ("/kultura/festival-na-pesnite/", "Фестивалът на народните песни започва в петък",
     FESTIVAL, None),
    ("/novini/zasedanie-na-saveta/", "Заседание на общинския съвет", SESSION, "03.12.2026"),
    ("/kultura/zasedanie-na-saveta/", "Заседание на общинския съвет", SESSION_CULTURE, None),
    ("/novini/spirane-na-vodata-2/", "Спиране на водата в квартал „Изток“", WATER,
     "02.12.2026"),
    ("/novini/spirane-na-vodata-1/", "Спиране на водата в квартал „Изток“", WATER,
     "25.11.2026"),
]  # fmt: skip


def _site(root: Path) -> None:
    """The home page the news list (four cards, each dated), beside a "Култура" box of
    two links, undated; each article's page prints its headline and text, no date."""
    _write_site(
        root,
        [(path, title, day, f"{text[0][:60]}…") for path, title, text, day in PAGES if day],
        [(path, title) for path, title, _, day in PAGES if day is None],
        [(path, title, text, "") for path, title, text, _ in PAGES],
    )


def _write_site(
    root: Path,
    cards: list[tuple[str, str, str, str]],
    box: list[tuple[str, str]],
    pages: list[tuple[str, str, list[str], str]],
) -> None:
    """The home page: the news list's ``cards`` (path, headline, day, teaser) beside a
    "Култура" box of links (path, headline); each of ``pages`` (path, headline, text,
    the day it prints, "" for none) an article of its own."""
    listed = "".join(
        f'<div class="news-item"><h3><a href="{path}">{title}</a></h3>'
        f'<span class="date">{day}</span><p>{teaser}</p></div>'
        for path, title, day, teaser in cards
    )
    boxed = "".join(f'<li><a href="{path}">{title}</a></li>' for path, title in box)
    root.mkdir(parents=True, exist_ok=True)
    (root / "index.html").write_text(
        f"<html><head><title>Община Двойно</title></head><body>{MENU}"
        f'<main><h1>Новини</h1><div class="news-list">{listed}</div>'
        f'<section class="category-box"><h2>Култура</h2><ul>{boxed}</ul></section>'
        "</main></body></html>",
        encoding="utf-8",
    )
    for path, title, text, day in pages:
        folder = root / path.strip("/")
        folder.mkdir(parents=True, exist_ok=True)
        body = (f'<p class="date">Публикувано на {day}</p>' if day else "") + "".join(
            f"<p>{line}</p>" for line in text
        )
        (folder / "index.html").write_text(
            f"<html><head><title>{title} | Община Двойно</title></head><body>{MENU}"
            f'<article class="post"><h1>{title}</h1><div class="entry-content">{body}</div>'
            "</article></body></html>",
            encoding="utf-8",
        )


def test_an_article_under_two_categories_is_archived_once_and_dated(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    root = tmp_path / "site"
    _site(root)
    profile = tmp_path / "dvoyno.toml"
    profile.write_text(f'id = "dvoyno"\nname = "Двойно"\norigin = "{ORIGIN}"\n')
    args = ("crawl", "dvoyno", "--profile", str(profile), "--delay", "0", "--db", str(db))

    def crawl() -> list[str]:
        with MirrorServer(root) as server:
            result = run_cli(*args, "--base-url", server.url)
            assert result.exit_code == 0, result.stderr
            return server.requests

    asked = crawl()
    assert {path for path, *_ in PAGES} <= set(asked)  # every copy was read
    with closing(sqlite3.connect(db)) as conn:
        rows = conn.execute(
            "SELECT substr(url, length(?) + 1), title, published_date, text FROM articles"
            " ORDER BY published_date, url",
            (ORIGIN,),
        ).fetchall()
        keys = conn.execute(
            "SELECT count(*) FROM article_urls u JOIN articles a ON a.id = u.article_id"
            " WHERE a.title LIKE 'Фестивалът%'"
        ).fetchone()[0]
    festival = [row for row in rows if row[1].startswith("Фестивалът")]
    assert len(festival) == 1, rows  # one article, at either of its addresses
    assert festival[0][0] in ("/novini/festival-na-pesnite/", "/kultura/festival-na-pesnite/")
    assert festival[0][2] == "2026-12-04"  # the card's day, whichever copy came first
    assert all(line in festival[0][3] for line in FESTIVAL)
    assert keys >= 2  # both addresses lead to it
    # the same headline over another text: two posts, the news one dated by its card
    session = sorted((row[0], row[2]) for row in rows if row[1].startswith("Заседание"))
    assert session == [
        ("/kultura/zasedanie-na-saveta/", None),
        ("/novini/zasedanie-na-saveta/", "2026-12-03"),
    ]
    # the same notice's text on two days: two posts, each its own day
    water = sorted((row[0], row[2]) for row in rows if row[1].startswith("Спиране"))
    assert water == [
        ("/novini/spirane-na-vodata-1/", "2026-11-25"),
        ("/novini/spirane-na-vodata-2/", "2026-12-02"),
    ]
    assert len(rows) == 5
    # a nightly run reads neither address of the article again: both are its keys
    again = crawl()
    assert not [path for path in again if path.startswith(("/novini/", "/kultura/"))], again


WHEN = dt.datetime(2026, 12, 5, 10, 0, tzinfo=dt.UTC)
DAY = dt.date(2026, 12, 4)


def _archive(
    store: Store, path: str, published: dt.date | None, text: str = "Същият текст.",
    when: dt.datetime = WHEN,
) -> str:  # fmt: skip
    """``path`` of t.example fetched at ``when`` and archived; the store's outcome."""
    url = f"https://t.example{path}"
    page = Page(url, url, 200, {}, b"<html></html>", "", "utf-8", when)
    with store.conn:
        return store.upsert_article(
            Article(title="Заглавие", text=text, published=published,
                    date_source="listing" if published else "none"),
            site="t", url=url, fetched_at=when.isoformat(), capture_id=store.save_capture(page),
        )  # fmt: skip


def _rows(store: Store) -> list[tuple[str, str | None, str | None]]:
    return store.conn.execute(
        "SELECT substr(url, 18), published_date, date_source FROM articles ORDER BY id"
    ).fetchall()


def test_an_undated_copy_read_first_takes_the_dated_copys_day(tmp_path: Path) -> None:
    store = Store(connect(tmp_path / "a.db", create=True))
    assert _archive(store, "/kultura/x", None) == "new"
    assert _archive(store, "/novini/x", DAY) == "updated"  # (its date newly known)
    assert _rows(store) == [("/kultura/x", "2026-12-04", "listing")]  # the first address
    assert store.find("https://t.example/novini/x") == store.find("https://t.example/kultura/x")
    assert store.conn.execute("SELECT count(*) FROM revisions").fetchone()[0] == 0


def test_an_undated_copy_read_after_is_the_dated_article(tmp_path: Path) -> None:
    store = Store(connect(tmp_path / "a.db", create=True))
    assert _archive(store, "/novini/x", DAY) == "new"
    assert _archive(store, "/kultura/x", None) == "unchanged"
    assert _rows(store) == [("/novini/x", "2026-12-04", "listing")]  # its date and account
    assert store.find("https://t.example/kultura/x") is not None


def test_copies_that_do_not_agree_stay_apart(tmp_path: Path) -> None:
    store = Store(connect(tmp_path / "a.db", create=True))
    _archive(store, "/novini/a", DAY)
    _archive(store, "/kultura/a", DAY, text="Друг текст под същото заглавие.")  # another post
    _archive(store, "/novini/b", DAY - dt.timedelta(days=7))  # the same notice a week before
    assert len(_rows(store)) == 3
    # undated, its words those of two posts on two days: which one it is nothing says
    _archive(store, "/kultura/b", None)
    # two undated copies: the same post again, on a day neither tells
    _archive(store, "/arhiv/c", None, text="Неделно съобщение.")
    _archive(store, "/arhiv/d", None, text="Неделно съобщение.")
    # an undated post read before the day a dated copy states: posted again since
    _archive(store, "/obyavi/e", None, text="Пак същото.", when=WHEN - dt.timedelta(days=9))
    _archive(store, "/novini/e", DAY, text="Пак същото.")
    assert [path for path, *_ in _rows(store)] == [
        "/novini/a", "/kultura/a", "/novini/b", "/kultura/b", "/arhiv/c", "/arhiv/d",
        "/obyavi/e", "/novini/e",
    ]  # fmt: skip


def test_two_undated_copies_are_one_row_once_a_card_dates_one(tmp_path: Path) -> None:
    """A sitemap queued both addresses, both read undated (two rows: nothing tells
    them one post), then the news list's card dates "/novini/x" (``date_undated``):
    "/kultura/x", its words the same, is that post, folded into it as a copy read after
    is. The earlier row stays, takes the card's date and account; every key, capture
    and revision leads to it; the other row, its FTS row and story keys go."""
    store = Store(connect(tmp_path / "a.db", create=True))
    text = " ".join(FESTIVAL)  # (long enough for story keys)
    assert _archive(store, "/kultura/x", None, text) == "new"
    assert _archive(store, "/novini/x", None, text) == "new"
    assert len(_rows(store)) == 2  # two undated copies: apart, until one is dated
    keys = "SELECT DISTINCT article_id FROM story_keys ORDER BY 1"
    assert len(store.conn.execute(keys).fetchall()) == 2
    with store.conn:
        dated = store.date_undated("t", {"https://t.example/novini/x": (DAY, "listing")})
    assert dated == (1, 1)  # one row dated, one copy of it folded
    assert _rows(store) == [("/kultura/x", "2026-12-04", "listing")]  # the first address
    (kept,) = (row[0] for row in store.conn.execute("SELECT id FROM articles"))
    assert store.find("https://t.example/novini/x") == kept
    assert store.find("https://t.example/kultura/x") == kept
    assert store.conn.execute("SELECT DISTINCT article_id FROM captures").fetchall() == [(kept,)]
    assert store.conn.execute("SELECT DISTINCT article_id FROM story_keys").fetchall() == [(kept,)]
    assert store.conn.execute("SELECT count(*) FROM article_stories").fetchone()[0] <= 1
    fts = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'фестивалът'"
    assert store.conn.execute(fts).fetchall() == [(kept,)]
    assert store.conn.execute("SELECT count(*) FROM revisions").fetchone()[0] == 0
    # the news address read again with its card's day finds the one row, unchanged
    assert _archive(store, "/novini/x", DAY, text) == "unchanged"
    assert len(_rows(store)) == 1


def test_the_earlier_undated_copy_takes_the_later_ones_card_and_a_cited_address(
    tmp_path: Path,
) -> None:
    store = Store(connect(tmp_path / "a.db", create=True))
    _archive(store, "/novina.php?id=7", None)  # the script's address, read first
    _archive(store, "/kultura/x", None)
    _archive(store, "/arhiv/c", None, text="Неделно съобщение.")  # a weekly notice's words:
    _archive(store, "/arhiv/d", None, text="Неделно съобщение.")  # three undated posts
    _archive(store, "/arhiv/e", None, text="Неделно съобщение.")
    with store.conn:
        dating = store.date_undated(
            "t",
            {
                "https://t.example/kultura/x": (DAY, "listing"),
                "https://t.example/arhiv/c": (DAY, "listing"),
            },
        )
    assert dating == (2, 1)  # the script's address folded; the weekly notice's copies not
    assert _rows(store) == [
        ("/kultura/x", "2026-12-04", "listing"),  # the first row, at the address cited
        ("/arhiv/c", "2026-12-04", "listing"),  # which of the two others it is: unsaid
        ("/arhiv/d", None, "none"),
        ("/arhiv/e", None, "none"),
    ]
    assert store.find("https://t.example/novina.php?id=7") == store.find(
        "https://t.example/kultura/x"
    )


PARK = [
    "Обновеният градски парк отвори врати с нови алеи, пейки и детска площадка.",
    "Засадени са над двеста дървета, а фонтанът в центъра отново работи.",
]
AUCTION = [
    "Общината обявява търг за отдаване под наем на помещение в центъра.",
    "Общината обявява търг за продажба на земеделска земя в землището на селото.",
]
POWER = [
    "Електроснабдяването в централната част ще бъде прекъснато в сряда заради ремонт.",
    "Електроснабдяването в квартал „Запад“ ще бъде прекъснато в петък сутринта.",
]
BAND = [
    "Духовият оркестър ще изнесе концерт в парка в неделя от шест часа вечерта.",
    "Програмата включва маршове, валсове и народни хора в нова обработка.",
]
# the news list's cards, each linking an address the site answers 404: (path, headline,
# day); and the pages a "Култура" box links: (path, headline, text, the day it prints)
GONE_CARDS = [
    ("/novini/parkat-e-otvoren/", "Градският парк отново е отворен за посетители", "01.12.2026"),
    ("/novini/targ-1/", "Обява за търг на общински имот", "30.11.2026"),
    ("/novini/kontsert-1/", "Концерт на духовия оркестър в парка", "28.11.2026"),
    ("/novini/kontsert-2/", "Концерт на духовия оркестър в парка", "20.11.2026"),
    ("/novini/tok-2/", "Прекъсване на тока в централната част", "27.11.2026"),
]
BOXED = [
    ("/kultura/parkat-e-otvoren/", "Градският парк отново е отворен за посетители", PARK, ""),
    ("/kultura/targ-pomeshtenie/", "Обява за търг на общински имот", AUCTION[:1], ""),
    ("/kultura/targ-zemya/", "Обява за търг на общински имот", AUCTION[1:], ""),
    ("/kultura/kontsert/", "Концерт на духовия оркестър в парка", BAND, ""),
    ("/kultura/tok-1/", "Прекъсване на тока в централната част", POWER[:1], "10.11.2026"),
    ("/kultura/tok-2/", "Прекъсване на тока в централната част", POWER[1:], ""),
]  # fmt: skip


def test_a_news_gone_at_its_own_address_takes_its_cards_day_at_its_copy(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """A news list's dated card links an address the site answers 404; the same news is
    served, undated, under "Култура" (composed ``--faults`` seeds 916, 1110). The copy
    is archived and takes the card's day, as a reader matching the headline would; a
    headline two pages bear (undated both, or one dated by its own page), or two cards
    give two days, dates nothing."""
    root = tmp_path / "site"
    _write_site(
        root,
        [(path, title, day, "Накратко за новината.") for path, title, day in GONE_CARDS],
        [(path, title) for path, title, *_ in BOXED],
        BOXED,
    )
    profile = tmp_path / "dvoyno.toml"
    profile.write_text(f'id = "dvoyno"\nname = "Двойно"\norigin = "{ORIGIN}"\n')
    with MirrorServer(root) as server:
        result = run_cli(
            "crawl", "dvoyno", "--profile", str(profile), "--delay", "0", "--db", str(db),
            "--base-url", server.url,
        )  # fmt: skip
        asked = server.requests
    assert {path for path, *_ in GONE_CARDS} <= set(asked), asked  # each card's link asked
    assert result.exit_code == 0, result.stderr
    with closing(sqlite3.connect(db)) as conn:
        rows = conn.execute(
            "SELECT substr(url, length(?) + 1), published_date, date_source FROM articles"
            " ORDER BY url",
            (ORIGIN,),
        ).fetchall()
    assert rows == [
        ("/kultura/kontsert/", None, "none"),  # two cards, two days: which?
        ("/kultura/parkat-e-otvoren/", "2026-12-01", "listing"),
        ("/kultura/targ-pomeshtenie/", None, "none"),  # two pages bear the headline
        ("/kultura/targ-zemya/", None, "none"),
        ("/kultura/tok-1/", "2026-11-10", "text"),  # (its own day)
        ("/kultura/tok-2/", None, "none"),  # another page bears its headline
    ]


def test_the_runs_dated_headlines_outlive_a_news_host_adopted_mid_run(tmp_path: Path) -> None:
    """A run whose saved sources were read (their cards noted) before the site was
    explored again and a news host adopted (``Discoverer.run``): the crawl is wired
    anew for the host, and the headlines noted before still date at the run's end."""
    profile = Profile(id="dvoyno", name="Двойно", origin=ORIGIN)
    card = Candidate(
        f"{ORIGIN}/novini/parkat-e-otvoren/", "dvoyno", ORIGIN + "/", dt.date(2026, 12, 1),
        headline=GONE_CARDS[0][1],
    )  # fmt: skip
    with closing(connect(tmp_path / "a.db", create=True)) as conn, Fetcher(
        FetchOptions(delay=0, respect_robots=False)
    ) as fetcher:  # fmt: skip
        crawl = SiteCrawl(Store(conn), profile, CrawlOptions(), fetcher)
        before = crawl.harvest
        before.note_headlines([card])
        crawl._adopt(("novini.dvoyno.bg",))
        assert crawl.harvest is not before  # (wired anew for the host)
        assert list(crawl.harvest.headlines.values()) == [
            (card.url, normal_headline(GONE_CARDS[0][1]), (dt.date(2026, 12, 1), "listing"))
        ]


def test_a_headline_is_compared_with_every_title_as_it_is_normalised(tmp_path: Path) -> None:
    """``Store.date_undated_titled`` compares a card's headline with the site's titles
    one way: spacing, typography and case aside. A headline whose undated row differs
    from it in a dash dates that row; one another row bears in capitals (the notice of
    an earlier week, dated) dates none."""
    store = Store(connect(tmp_path / "a.db", create=True))
    for path, title, published in (
        ("/obyavi/targ-1", "ОБЯВА ЗА ТЪРГ НА ОБЩИНСКИ ИМОТ", dt.date(2026, 11, 20)),
        ("/obyavi/targ-2", "Обява за търг на общински имот", None),
        ("/kultura/park", "Градският парк – отново отворен", None),
    ):
        url = f"https://t.example{path}"
        page = Page(url, url, 200, {}, b"<html></html>", "", "utf-8", WHEN)
        with store.conn:
            store.upsert_article(
                Article(title=title, text=f"Текст на {path}.", published=published,
                        date_source="text" if published else "none"),
                site="t", url=url, fetched_at=WHEN.isoformat(),
                capture_id=store.save_capture(page),
            )  # fmt: skip
    titled = {
        normal_headline("Обява за търг на общински имот"): (DAY, "listing"),
        normal_headline("Градският парк — отново  отворен"): (DAY, "listing"),
    }
    with store.conn:
        dating = store.date_undated_titled("t", titled)
    assert dating.dated == 1
    assert _rows(store) == [
        ("/obyavi/targ-1", "2026-11-20", "text"),
        ("/obyavi/targ-2", None, "none"),
        ("/kultura/park", "2026-12-04", "listing"),
    ]
