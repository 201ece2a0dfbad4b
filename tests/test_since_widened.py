"""A first crawl under ``--since``, then the nightly crawl without it (a researcher's first
day): the articles the first passed over as older must be archived by the second, from
whichever source named them. The sources that named them answer 304 the second time (a
sitemap, a listing walked to its end), so nothing names them again: what the frontier
kept of them is all the second run has.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from .mirror_sites import SITES, article_rows, mirror_crawls
from .support import Result

SITES_SINCE = {
    # news only in the sitemap, its lastmods "28.11.2026 14:05": four skipped unfetched
    "kesten": ("Община Кестен", "https://kesten.bg", "2026-11-20"),
    # WordPress: two posts found in the sitemap first, fetched and found older
    "zornitsa": ("Община Зорница", "https://zornitsa.bg", "2026-11-01"),
}


@pytest.mark.parametrize("site", sorted(SITES_SINCE))
def test_a_crawl_without_since_archives_what_a_first_one_with_it_passed_over(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    name, origin, since = SITES_SINCE[site]
    expected = {a["url"] for a in json.loads((SITES / site / "expected.json").read_text())}
    with mirror_crawls(run_cli, db, tmp_path, site, name, origin) as crawls:
        crawls.crawl("--since", since)
        first = set(article_rows(db))
        assert first and first < expected, first  # the mirror has older news to leave
        crawls.crawl("--since", since)
        assert "0 new" in crawls.stdout, crawls.stdout  # the same bound asks none again
        crawls.crawl()
        assert f"{len(expected - first)} new" in crawls.stdout, crawls.stdout
        assert set(article_rows(db)) == expected
        nightly = crawls.crawl()
    assert "0 new" in crawls.stdout and len(nightly) <= 3, (crawls.stdout, nightly)


_OLD_SLUG = "2026/11/23/koleden-bazar-na-ploshtad-svoboda"
_SLUG = "2026/11/30/remont-na-mosta-nad-rekata"
_ITEM = f"""<item><title>Ремонт на моста над реката</title>
      <link>https://zornitsa.bg/{_SLUG}/</link>
      <pubDate>Mon, 30 Nov 2026 10:00:00 +0200</pubDate></item>
    <item>"""


def _post_in_the_feed_only(
    root: Path,
    slug: str = _SLUG,
    words: tuple[str, str] = ("Ремонт на моста над реката", "ремонтът на моста"),
) -> None:
    """A new post, named by the feed alone (its listing page and sitemap unchanged): the
    page of an older post with its headline, day and words changed."""
    page = (root / _OLD_SLUG / "index.html").read_text("utf-8")
    page = page.replace(_OLD_SLUG, slug).replace("2026-11-23T09:00", "2026-11-30T10:00")
    page = page.replace("Коледен базар на площад „Свобода“", words[0])
    page = page.replace("коледният базар", words[1])
    (root / slug).mkdir(parents=True)
    (root / slug / "index.html").write_text(page, "utf-8")
    feed = root / "feed" / "index.xml"
    item = _ITEM.replace(_SLUG, slug).replace("Ремонт на моста над реката", words[0])
    feed.write_text(feed.read_text("utf-8").replace("<item>", item, 1), "utf-8")


def test_the_news_comes_before_what_an_earlier_since_passed_over(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """The night after a first crawl under --since, on a budget of four requests
    (robots.txt, the listing's 304, the feed, the post it names): the post is archived
    first; what the first run passed over waits for what the budget leaves, where it
    spent the night's budget before the feed was read."""
    name, origin, since = SITES_SINCE["zornitsa"]
    with mirror_crawls(run_cli, db, tmp_path, "zornitsa", name, origin, editable=True) as crawls:
        crawls.crawl("--since", since)
        _post_in_the_feed_only(crawls.root)
        asked = crawls.crawl("--max-requests", "4")
        assert f"/{_SLUG}/" in asked, asked
        assert "1 new" in crawls.stdout, crawls.stdout
        crawls.crawl()
        assert "2 new" in crawls.stdout, crawls.stdout


def test_what_an_earlier_since_passed_over_waits_for_the_news_on_later_nights_too(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """What the budget left of it one night is still queued the next: the night's first
    fetches (a killed run's queue) are no place for it, or a backlog of thousands spends
    every night's budget before the feed is read, night after night until it is gone."""
    name, origin, since = SITES_SINCE["zornitsa"]
    later = "2026/12/01/novo-osvetlenie-v-parka"
    with mirror_crawls(run_cli, db, tmp_path, "zornitsa", name, origin, editable=True) as crawls:
        crawls.crawl("--since", since)
        _post_in_the_feed_only(crawls.root)
        crawls.crawl("--max-requests", "4")  # the news; nothing left for what was passed
        _post_in_the_feed_only(crawls.root, later, ("Ново осветление в парка", "осветлението"))
        asked = crawls.crawl("--max-requests", "4")
        assert f"/{later}/" in asked, asked
        assert "1 new" in crawls.stdout, crawls.stdout
        crawls.crawl()
        assert "2 new" in crawls.stdout, crawls.stdout


def test_a_page_found_older_is_fetched_again_only_by_a_run_reaching_back_to_its_day(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """A first crawl --since 2026-11-01 fetches two posts the sitemap names with no date
    of theirs (29 and 15 October) and finds them older. A run asking back to 20 October
    fetches the first, which it reaches, and not the second: its day was learnt, so only
    a run reaching back to 15 October (or none with --since) pays for it again, once."""
    name, origin, since = SITES_SINCE["zornitsa"]
    reached = "/2026/10/29/nov-grafik-na-smetosabirane-v-selata/"
    beyond = "/2026/10/15/obshtinata-obnovi-spirkite-na-gradskiya-transport/"
    with mirror_crawls(run_cli, db, tmp_path, "zornitsa", name, origin) as crawls:
        first = crawls.crawl("--since", since)
        assert reached in first and beyond in first, first
        wider = crawls.crawl("--since", "2026-10-20")
        assert reached in wider and beyond not in wider, wider
        assert "1 new" in crawls.stdout, crawls.stdout
        again = crawls.crawl("--since", "2026-10-16")
        assert beyond not in again, again
        whole = crawls.crawl()
        assert beyond in whole and "1 new" in crawls.stdout, (whole, crawls.stdout)


def test_a_night_the_budget_cut_says_how_many_older_pages_are_left_once_and_not_when_quiet(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """What an earlier --since passed over is a first crawl not yet finished: the
    night's --max-requests bounds it, and its summary line (none with --quiet, for cron,
    and no warning either: nothing is wrong) says how much is left, until nothing is."""
    name, origin, since = SITES_SINCE["zornitsa"]
    with mirror_crawls(run_cli, db, tmp_path, "zornitsa", name, origin) as crawls:
        crawls.crawl("--since", since)
        assert "2 older than --since, not archived" in crawls.stdout, crawls.stdout
        assert "still to fetch" not in crawls.stdout, crawls.stdout  # (its own bound)
        crawls.crawl("--max-requests", "3", "--quiet")
        assert crawls.result is not None
        assert crawls.stdout == "" and crawls.result.stderr == "", crawls.result.stderr
        crawls.crawl("--max-requests", "3")
        assert crawls.stdout.count("2 older pages still to fetch; later runs continue") == 1, (
            crawls.stdout
        )
        crawls.crawl()
        assert "2 new" in crawls.stdout and "still to fetch" not in crawls.stdout, crawls.stdout
