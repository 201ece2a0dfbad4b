"""What had an archived article read again is remembered whatever else queues it again,
and a feed item's title says "retitled" as a listing card's headline does.

The nightly run reads an archived article again, once, when its card's headline or its
feed entry says it changed since (``Frontier.relisted``), and keeps a mark of that card
or entry so the same one never costs a request again. The marks were kept in the row's
source, which anything queueing the row again (``crawl --recheck``, ``--refresh``)
replaced: the next night the same card cost a request again. And a feed item's
``<title>`` was never compared at all, only its date. On round 58's dragomirtsi
(``make_mirrors_round58``), served from an editable copy, crawled night after night.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from .mirror_sites import MirrorCrawls, a_night_later, article_rows, mirror_crawls
from .support import Result
from .test_round58_mirrors import ROUND58_SITES

SLUG = "315-proverka-na-hidrantite"
URL = f"https://dragomirtsi.bg/novini/{SLUG}"
TITLE = "Пожарникарите проверяват хидрантите – Светлен"


def _revisions(db: Path) -> int:
    with closing(sqlite3.connect(db)) as conn:
        return int(conn.execute("SELECT count(*) FROM revisions").fetchone()[0])


def _touch_list(crawls: MirrorCrawls, night: int) -> None:
    """The list changed elsewhere (as a list does each night: a new card, a banner), so
    it is read whole (a 200), the card of ``SLUG`` as it was."""
    listing = crawls.root / "novini.html"
    page = listing.read_text(encoding="utf-8")
    listing.write_text(page.replace("</h1>", f"</h1><!-- {night} -->", 1), encoding="utf-8")


def test_a_card_headline_its_page_never_shows_costs_one_request_though_a_recheck_requeued_it(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """Night 2 the card shows a headline the page never does: one 304. Night 3 ``crawl
    --recheck 30`` asks every article again. Night 4 (the nightly run, the list read
    whole, that card as it was) and night 6 after a ``--refresh`` on night 5: the list
    alone. The mark survived both re-queues (it was lost with the row's source, and
    each of nights 4 and 6 asked the article once more)."""
    site = ROUND58_SITES["dragomirtsi"]
    with mirror_crawls(run_cli, db, tmp_path, "dragomirtsi", *site, editable=True) as crawls:
        crawls.crawl()
        listing = crawls.root / "novini.html"
        page = listing.read_text(encoding="utf-8")
        listing.write_text(page.replace(TITLE, TITLE.replace(" – ", " в ")), encoding="utf-8")
        nights: list[list[str]] = []
        a_night_later(db)
        nights.append(crawls.crawl())
        a_night_later(db)
        _touch_list(crawls, 3)
        nights.append(crawls.crawl("--recheck", "30"))
        a_night_later(db)
        _touch_list(crawls, 4)
        nights.append(crawls.crawl())
        a_night_later(db)
        _touch_list(crawls, 5)
        nights.append(crawls.crawl("--refresh"))
        a_night_later(db)
        _touch_list(crawls, 6)
        nights.append(crawls.crawl())
        assert nights[0] == ["/robots.txt", "/novini", f"/novini/{SLUG}"]
        assert f"/novini/{SLUG}" in nights[1] and len(nights[1]) == 9
        assert nights[2] == ["/robots.txt", "/novini"]
        assert f"/novini/{SLUG}" in nights[3]
        assert nights[4] == ["/robots.txt", "/novini"]
        assert crawls.result is not None and crawls.result.stderr == ""
        assert _revisions(db) == 0 and article_rows(db)[URL][0] == TITLE


def test_an_archive_whose_sources_held_the_marks_keeps_them_in_their_column(
    tmp_path: Path,
) -> None:
    """v32 moves the marks a v31 row held in its source ("relisted:MARK,MARK") into
    ``frontier.relisted``, the source "relisted"; other rows keep theirs."""
    from newsarchive.archive.connection import connect

    path = tmp_path / "a.db"
    with closing(connect(path, create=True)) as conn:
        conn.execute("ALTER TABLE frontier DROP COLUMN relisted")
        conn.executemany(
            "INSERT INTO frontier (url_key, url, site, source, state, added_at)"
            " VALUES (?, ?, 't', ?, 'done', '2026-11-20T10:00:00+00:00')",
            [("t/1", "https://t.bg/1", "relisted:aa11,bb22"), ("t/2", "https://t.bg/2", "feed")],
        )
        conn.execute("PRAGMA user_version = 31")
        conn.commit()
    with closing(connect(path, create=False)) as conn:
        rows = conn.execute("SELECT url, source, relisted FROM frontier ORDER BY url").fetchall()
    assert rows == [("https://t.bg/1", "relisted", "aa11,bb22"), ("https://t.bg/2", "feed", None)]


# The feed the site adds (each item's title as its page's headline, but for the ways a
# feed prints one the page never does: the site's name after it, cut short with "…",
# its dash twice escaped); ``{315}`` and ``{316}`` are the titles a night gives them
_ITEMS = (
    ("317-bezplaten-preglet", "Безплатни прегледи за диабет – Извор | Община Драгомирци",
     "Thu, 26 Nov 2026 09:28:00 +0200"),
    ("316-sesiya-na-saveta", "{316}", "Wed, 25 Nov 2026 10:39:00 +0200"),
    ("315-proverka-na-hidrantite", "{315}", "Tue, 24 Nov 2026 11:50:00 +0200"),
    ("314-nov-detski-kat", "Нов детски кът в квартал Изгрев &amp;#8211; Зорница",
     "Mon, 23 Nov 2026 12:01:00 +0200"),
    ("313-koleden-bazar", "Коледен базар в двора на…", "Sun, 22 Nov 2026 13:12:00 +0200"),
    ("312-remont-na-ulitsite", "<![CDATA[Започва ремонтът на <b>три</b> централни улици – Росен]]>",
     "Sat, 21 Nov 2026 14:23:00 +0200"),
    ("311-nova-sportna-zala", "Откриха обновената спортна зала – Камен дол",
     "Fri, 20 Nov 2026 08:34:00 +0200"),
)  # fmt: skip
TYPO_316 = "Ощинският съвет заседава в четвъртък – Ведрина"
FIXED_316 = "Общинският съвет заседава в четвъртък – Ведрина"


def _write_feed(root: Path, night: int, title_315: str, title_316: str) -> None:
    items = "".join(
        f"<item><title>{title.replace('{315}', title_315).replace('{316}', title_316)}</title>"
        f"<link>https://dragomirtsi.bg/novini/{slug}</link><pubDate>{date}</pubDate></item>\n"
        for slug, title, date in _ITEMS
    )
    (root / "rss.xml").write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        "<title>Новини – Община Драгомирци</title><link>https://dragomirtsi.bg/</link>"
        f"<description>Новините на общината (брой {night})</description>\n{items}"
        "</channel></rss>\n",
        encoding="utf-8",
    )


def test_a_feed_items_title_says_retitled_as_a_card_does_once_a_title(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """The list unchanged each night (a 304), the feed read whole. Night 2 the feed's
    item for 315 shows a word its page never does: one 304, and no request again for
    that title on night 3. Night 4 316's page fixes its typo and the feed says so: read
    again, its fixed title current, the typo's version a revision. The items whose
    titles always differ from their pages' (the site's name after, "…", an escaped
    dash, markup) never cost a request. Before, the feed's titles were not compared:
    nights 2 and 4 read the feed alone, the retitled article never."""
    site = ROUND58_SITES["dragomirtsi"]
    with mirror_crawls(run_cli, db, tmp_path, "dragomirtsi", *site, editable=True) as crawls:
        link = '<link rel="alternate" type="application/rss+xml" href="/rss.xml">\n</head>'
        for name in ("index.html", "novini.html"):
            page = crawls.root / name
            page.write_text(
                page.read_text(encoding="utf-8").replace("</head>", link, 1), encoding="utf-8"
            )
        _write_feed(crawls.root, 1, TITLE, TYPO_316)
        first = crawls.crawl()
        assert "/rss.xml" in first and len(article_rows(db)) == 7
        nights: list[list[str]] = []
        shown = TITLE.replace("проверяват", "проверяваха")
        for night, (t315, t316) in enumerate(
            [(shown, TYPO_316), (shown, TYPO_316), (shown, FIXED_316)], start=2
        ):
            if night == 4:
                article = crawls.root / "novini" / "316-sesiya-na-saveta.html"
                html = article.read_text(encoding="utf-8")
                article.write_text(html.replace(TYPO_316, FIXED_316), encoding="utf-8")
            _write_feed(crawls.root, night, t315, t316)
            a_night_later(db)
            nights.append(sorted(crawls.crawl()))
            assert crawls.result is not None and crawls.result.stderr == ""
        assert nights == [
            sorted(["/robots.txt", "/novini", "/rss.xml", f"/novini/{SLUG}"]),
            sorted(["/robots.txt", "/novini", "/rss.xml"]),
            sorted(["/robots.txt", "/novini", "/rss.xml", "/novini/316-sesiya-na-saveta"]),
        ]
        rows = article_rows(db)
        assert rows[URL][0] == TITLE
        assert rows["https://dragomirtsi.bg/novini/316-sesiya-na-saveta"][0] == FIXED_316
        assert _revisions(db) == 1


def test_rss_atom_and_json_feed_titles_reach_the_candidates_as_text() -> None:
    """Each kind of feed gives its item's title as the candidate's headline, as a reader
    sees it: entities read (twice-escaped too), markup dropped, spacing single."""
    from newsarchive.discover.feeds import feed_links
    from newsarchive.models import Profile

    profile = Profile(id="t", name="Т", origin="https://t.bg")
    rss = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>A &amp;amp; '
        b"B\xe2\x80\x99s  <![CDATA[<i>new</i>]]> hall</title>"
        b"<link>https://t.bg/novini/1-nova-sportna-zala-v-tsentara</link></item></channel></rss>"
    )
    atom = (
        b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry>'
        b'<title type="html">&lt;b&gt;Stara&lt;/b&gt; &amp;quot;zala&amp;quot;</title>'
        b'<link href="https://t.bg/novini/2-nova-sportna-zala-v-tsentara"/></entry></feed>'
    )
    feed = b'{"version": "https://jsonfeed.org/version/1.1", "items": [{"url":'
    feed += (
        b' "https://t.bg/novini/3-nova-sportna-zala-v-tsentara", "title": "Nova &#8211; zala"}]}'
    )
    wp = b'[{"link": "https://t.bg/novini/4-nova-sportna-zala-v-tsentara",'
    wp += b' "title": {"rendered": "Zala &#8222;X&#8220;"}}]'
    heads = [
        [c.headline for c in feed_links(doc, profile, "feed").articles]
        for doc in (rss, atom, feed, wp)
    ]
    assert heads == [["A & B’s new hall"], ['Stara "zala"'], ["Nova – zala"], ["Zala „X“"]]
