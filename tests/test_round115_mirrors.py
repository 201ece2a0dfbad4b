"""A hundred-and-fifteenth round of site shapes: SPORTS, crawled from the origin alone (a
profile of id, name and origin) through a real ``MirrorServer``, as
``test_round114_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round115.py``): a regional sports portal on
WordPress whose one feed carries live texts and a round's results beside the news, with
SportsPress's match centre dated by the kick-off, the coming games in the future
(sportdunavets); a football club's own PHP site of ``/novini/<id>-<slug>`` beside
``/programa/``, ``/klasirane/``, ``/igrachi/<slug>``, ``/match/<id>`` and ticket notices
``/bileti/<id>`` (fkchernovodets); a basketball club on a website builder whose home
page's one card grid mixes news and the coming games (bkvihar); a regional newspaper
whose every page is ``/article/<id>``, a live text and a round's results digest among
the news of its "Спорт" (dolinavestnik). Each must archive exactly its news (a match
report is news), no fixture list, table, match centre, live text, player's profile,
gallery or ticket notice, nothing dated in the future, with the true title, date, author
and body, once each.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.discover import listings
from newsarchive.markup import parse_html
from newsarchive.models import Profile

from .mirror_sites import article_rows, bare_crawl_twice, check_bare_crawl, site_json
from .support import SITES, Result

ROUND115_SITES = {
    "sportdunavets": ("Спорт Дунавец", "https://sportdunavets.bg"),
    "fkchernovodets": ("ФК Черноводец 1923", "https://www.fc-chernovodets.bg"),
    "bkvihar": ("БК Вихър Дъбрава", "https://www.bkvihar.bg"),
    "dolinavestnik": ("Вестник „Долина“", "https://www.dolina-vestnik.bg"),
}

_PARAMS = sorted(ROUND115_SITES)


@pytest.mark.parametrize("site", _PARAMS)
def test_a_round115_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND115_SITES[site])


@pytest.mark.parametrize("site", _PARAMS)
def test_a_round115_crawl_archives_no_fixture_table_live_text_match_or_profile(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    """No fixture list, results or standings table, match centre, live text, player's
    profile, gallery or ticket notice is archived, nor any page dated after the crawl's
    day (the coming games); no page is asked twice."""
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND115_SITES[site])
    rows = article_rows(db)
    words = ("/event/", "/event-details/", "/match/", "/player/", "/igrachi/", "/programa",
             "/klasirane", "/rezultati", "/na-zhivo/", "/bileti/", "/galeriya")  # fmt: skip
    assert not [url for url in rows if any(w in url for w in words)]
    news = {row["url"] for row in site_json(site, "expected.json")}
    assert not [url for url, (title, *_) in rows.items() if url not in news], rows.keys()
    assert not [url for url, (_, published, *_) in rows.items() if (published or "") > "2026-12"]
    asked = [p for p in first if p != "/robots.txt"]
    assert len(asked) == len(set(asked)), first


@pytest.mark.parametrize(
    ("page", "url"),
    [("index.html", "/"), ("section/sport.html", "/section/sport")],
)
def test_a_cards_rubric_badge_files_it_and_its_date_is_read(page: str, url: str) -> None:
    """dolinavestnik's card is a badge ``<a class="rubric" href="/section/sport/na-zhivo">``
    beside its headline and its date: the badge, its own class naming it so, bounds no
    card (``listings._category_link``), so each card holds its day, and the live text's
    and the results digest's cards are filed under "На живо" and "Резултати и класиране"
    (``items.filed_under_no_news``): no items, their pages never asked. Before, each card
    stopped at its ``<h3>``, undated, both taken as news items."""
    name, origin = ROUND115_SITES["dolinavestnik"]
    profile = Profile(id="dolinavestnik", name=name, origin=origin)
    html = (SITES / "dolinavestnik" / page).read_text(encoding="utf-8")
    memo: listings.DateMemo = {}
    items = listings.news_items(parse_html(html), origin + url, profile, memo=memo)
    expected = {row["url"] for row in site_json("dolinavestnik", "expected.json")}
    assert len(items.cards) >= 3
    assert {card.url for card in items.cards} <= expected
    assert all(listings.card_date(card, memo) is not None for card in items.cards)
