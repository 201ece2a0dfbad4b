"""URL shape: the generic article-path rule, and the shape a page's cards teach."""

from __future__ import annotations

import re

import pytest

from newsarchive.discover.explore import shape_pattern
from newsarchive.discover.shape import Shape, learn_shape, looks_like_article_path, split_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://x.bg/news/Post/888/Съобщение-за-заседание", True),  # Cyrillic slug
        ("https://x.bg/news/Post/888/%D0%A1%D1%8A%D0%BE-%D0%B1%D1%89-%D0%B5", True),
        ("https://x.bg/default.aspx/novini-za-mrezhata-dnes/bg", True),  # slug, then language
        ("https://x.bg/?controller=articles&id=6001", True),  # a query on the root path
        ("https://x.bg/News.aspx?pageid=401&newsid=4457", True),
        ("https://x.bg/page?lang=bg", False),  # a query without an id
        ("https://x.bg/za-nas", False),
        ("https://x.bg/category/obshtinski-novini-ot-grada", False),
        ("https://x.bg/docs/otchet-za-2025-godina.pdf", False),
        ("https://x.bg/novini/obshtinata-remontira-uchilishta/print", False),  # a print view
        # Joomla with friendly URLs off: the menu item's Itemid is no article's id, a
        # view=category is a list, an article's id may carry its alias
        ("https://x.bg/index.php?option=com_content&view=category&id=8&Itemid=105", False),
        ("https://x.bg/index.php?option=com_content&view=category&id=12&Itemid=105", False),
        ("https://x.bg/index.php?option=com_content&view=article&id=57:remont&Itemid=105", True),
        ("https://x.bg/index.php?option=com_content&view=article&id=57&catid=8&Itemid=101", True),
        # a slug-named article keeps its shape whatever a referrer's value in its query
        # says: the not-article words judge a query only where the query names the page
        ("https://x.bg/novini/obshtinata-remontira-uchilishta?from=rss", True),
        ("https://x.bg/novini/kmetat-otkri-parka-v-centara?ref=page", True),
        # WordPress's day-and-name and month-and-name permalinks: a name after the date
        # is a post however short; the date alone is the day's archive, "page" a list's
        ("https://x.bg/2026/11/23/zimna-podgotovka/", True),
        ("https://x.bg/2026/11/23/kmet/", True),
        ("https://x.bg/2026/11/kmet/", True),
        ("https://x.bg/2026/11/23/", False),
        ("https://x.bg/2026/11/23/page/2/", False),
        ("https://x.bg/category/2026/11/23/x/", False),
    ],
)
def test_looks_like_article_path(url: str, expected: bool) -> None:
    assert looks_like_article_path(url) is expected


def _shape(*urls: str) -> Shape | None:
    return learn_shape(split_url(url) for url in urls)


def test_shape_learns_constants_and_the_varying_id() -> None:
    shape = _shape(
        "https://x.bg/vis.pl?s=001&p=0213&n=910&g=",
        "https://x.bg/vis.pl?s=001&p=0213&n=909&g=",
        "https://x.bg/vis.pl?s=001&p=0213&n=908&g=",
    )
    assert shape is not None
    assert shape.matches(split_url("https://x.bg/vis.pl?g=&n=12&p=0213&s=001"))
    assert not shape.matches(split_url("https://x.bg/vis.pl?s=001&p=0257&g="))  # a menu page
    assert not shape.matches(split_url("https://x.bg/vis.pl?s=001&p=0212&n=12&g="))


def test_shape_item_key_ignores_parameter_order_and_an_added_language() -> None:
    shape = _shape(
        "https://x.bg/News.aspx?pageid=401&newsid=4457",
        "https://x.bg/News.aspx?pageid=401&newsid=4456",
    )
    assert shape is not None
    main = shape.item_key(split_url("https://x.bg/News.aspx?pageid=401&newsid=4457"))
    aside = shape.item_key(split_url("https://x.bg/News.aspx?lang=bg-BG&newsid=4457&pageid=401"))
    assert main == aside == ("newsid=4457",)


def test_shape_of_slugs_in_the_middle_of_the_path() -> None:
    shape = _shape(
        "https://x.bg/default.aspx/novini-a-b/bg", "https://x.bg/default.aspx/novini-c-d/bg"
    )
    assert shape is not None
    assert shape.item_key(split_url("https://x.bg/default.aspx/novini-e-f/bg")) == (
        "novini-e-f",
        "bg",
    )
    assert not shape.matches(split_url("https://x.bg/default.aspx/novini-e-f/en/x"))


def test_no_shape_from_one_url_or_a_url_repeated() -> None:
    assert _shape("https://x.bg/n/1") is None
    assert _shape("https://x.bg/n/1", "https://x.bg/n/1") is None
    assert _shape("https://x.bg/a/1", "https://x.bg/b") is None


def test_below_a_varying_segment_the_path_belongs_to_the_item() -> None:
    shape = _shape("https://x.bg/news/Post/888/Съобщение", "https://x.bg/news/Post/883/Съобщение")
    assert shape is not None
    assert shape.matches(split_url("https://x.bg/news/Post/890/Честване-на-годишнина"))


def test_a_huge_path_segment_is_judged_by_its_start() -> None:
    """A regex over an 80,000-letter segment would take minutes; the start decides."""
    assert not looks_like_article_path("https://x.bg/" + "a" * 80_000)
    assert looks_like_article_path("https://x.bg/edna-dve-tri-" + "a" * 80_000)
    assert not looks_like_article_path("https://x.bg" + "/2026/11/23" * 20_000 + "/")


def test_a_year_in_the_path_is_no_constant_though_one_page_shares_it() -> None:
    """WordPress's /2026/11/27/<slug>/: a listing page of November's posts must not teach
    that articles are in November 2026; the sitemap's October ones are articles too."""
    shape = learn_shape(
        split_url(f"https://z.bg/2026/11/{day}/obshtinata-obyavi-novina-{day}/")
        for day in (27, 25, 23)
    )
    assert shape is not None and shape.fixes_something
    assert shape.matches(split_url("https://z.bg/2026/10/08/kontsert-v-chitalishteto/"))
    assert shape.matches(split_url("https://z.bg/2027/01/02/nova-godina-v-grada/"))
    assert not shape.matches(split_url("https://z.bg/kontakti/ekip/rakovoditeli/sluzhiteli/"))
    pattern = re.compile(shape_pattern(shape))
    assert pattern.search("/2026/10/08/kontsert-v-chitalishteto/")
    assert not pattern.search("/za-obshtinata/istoriya/na/grada/")


def test_a_site_linking_its_news_with_www_and_without_has_one_shape() -> None:
    """Page 1's cards link three news at ``https://www.x.bg/novini/…`` and two at
    ``/novini/…`` (the bare host); page 2's lone card, relative, is an item of the shape
    page 1 taught (composed seeds 4264, 4361: it was none, and never read)."""
    page_one = [
        "https://www.x.bg/novini/detsa-zasadiha-darvcheta",
        "https://www.x.bg/novini/sportna-zala-proekt",
        "https://x.bg/novini/remont-ulitsa-levski",
        "https://x.bg/novini/restavrirani-stenopisi",
        "https://www.x.bg/novini/festival-narodna-pesen",
    ]
    shape = learn_shape(split_url(url) for url in page_one)
    assert shape is not None
    assert shape.matches(split_url("https://x.bg/novini/prie-byudzheta"))
    assert shape.matches(split_url("https://www.x.bg/novini/prie-byudzheta"))
    assert not shape.matches(split_url("https://drug.bg/novini/prie-byudzheta"))
    # one item under both spellings is one item
    key = shape.item_key(split_url("https://x.bg/novini/prie-byudzheta"))
    assert key == shape.item_key(split_url("https://www.x.bg/novini/prie-byudzheta"))
