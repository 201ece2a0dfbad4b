"""The day a page marks or words as its first publication, over a later day another rule
read (``published._marked_earlier``, ``published._first_published``)."""

from __future__ import annotations

import datetime as dt

from newsarchive.extraction import extract

_TODAY = dt.date(2026, 3, 13)

# Paragraphs enough to put what follows them beyond the windows read by the headline.
_EN_FILLER = "\n".join(
    f"<p>Ledger {n} tracks flour, butter and sugar by the sack, prints a receipt for every"
    " order of bread, and sends the week's totals to the owner each Sunday night.</p>"
    for n in range(1, 9)
)
_BG_FILLER = "\n".join(
    f"<p>В квартал {n} контейнерите се обслужват два пъти седмично, а едрите отпадъци се"
    " извозват в последната събота на месеца след заявка по телефона.</p>"
    for n in range(1, 9)
)

# Metadata saved again on the day of an edit: its publication is its last change, while
# the page marks, below the story, the day it appeared.
_RESAVED = """<html lang="en"><head><title>Five ledgers for a small bakery</title>
<script type="application/ld+json">{"@type": "Article",
"headline": "Five ledgers for a small bakery",
"datePublished": "2025-11-29T12:28:31-05:00", "dateModified": "2025-11-29T12:28:31-05:00"}
</script></head><body><main><article><h1>Five ledgers for a small bakery</h1>
<p>A bakery keeps its books in many ways. We compared five ledgers that cost nothing and
found that two of them handle recurring invoices to cafes without any extra work.</p>
<p>The third ledger exports every month to a spreadsheet, which an accountant prefers.</p>
{filler}
<p>Published <time datetime="2025-08-13">August 13, 2025</time></p>
</article></main></body></html>""".replace("{filler}", _EN_FILLER)


def test_a_time_marked_published_before_the_metadatas_day_wins() -> None:
    article = extract(_RESAVED, "https://ledgers.example/bakery", today=_TODAY)
    assert article.published == dt.date(2025, 8, 13)
    assert article.rules["published"] == "generic:time:marked-earlier"


def test_a_time_marked_published_by_pubdate_alone_counts() -> None:
    page = _RESAVED.replace("Published <time ", "<time pubdate ")
    article = extract(page, "https://ledgers.example/bakery", today=_TODAY)
    assert article.published == dt.date(2025, 8, 13)


def test_a_marked_time_after_the_metadatas_day_leaves_the_metadata() -> None:
    page = _RESAVED.replace('"2025-08-13">August 13', '"2025-12-01">December 1')
    article = extract(page, "https://ledgers.example/bakery", today=_TODAY)
    assert article.published == dt.datetime.fromisoformat("2025-11-29T12:28:31-05:00")


_BG_RESAVED = """<html lang="bg"><head><title>Нов график на сметосъбирането</title>
<script type="application/ld+json">{"@type": "NewsArticle",
"headline": "Нов график на сметосъбирането",
"datePublished": "2026-02-20T09:00:00+02:00", "dateModified": "2026-02-20T09:00:00+02:00"}
</script></head><body><main><article><h1>Нов график на сметосъбирането</h1>
<p>Общината обяви, че от началото на месеца контейнерите в кварталите ще се обслужват по
нов график, съгласуван с фирмата, която извозва отпадъците.</p>
{filler}
<p>Публикувано на: <time datetime="2026-01-28">28.01.2026</time></p>
</article></main></body></html>""".replace("{filler}", _BG_FILLER)


def test_a_bulgarian_time_labelled_published_before_the_metadatas_day_wins() -> None:
    article = extract(_BG_RESAVED, "https://obshtina.example/grafik", today=_TODAY)
    assert article.published == dt.date(2026, 1, 28)
    assert article.rules["published"] == "generic:time:marked-earlier"


# A guide kept current: its byline prints the last revision; a note at its foot says
# when it first appeared.
_KEPT_CURRENT = """<html lang="en"><head><title>Living in a caravan year round</title></head>
<body><main><article><h1>Living in a caravan year round</h1>
<p class="byline">Dana Reyes 30 Sep 2022, 11:07am</p>
<p>A caravan costs less than a flat, but the winters test every seal and every heater.
We asked three owners what they wish they had known before the first frost came.</p>
<p>Most of them insulated the floor first and the windows second.</p>
<p class="note">This guide was originally published on 26 Sep 2019 at 4:12pm but has been
updated since to keep it current.</p>
</article></main></body></html>"""


def test_the_day_a_page_says_it_was_originally_published_wins_over_its_byline() -> None:
    article = extract(_KEPT_CURRENT, "https://caravans.example/year-round", today=_TODAY)
    assert article.published == dt.datetime(2019, 9, 26, 16, 12)
    assert article.rules["published"] == "generic:first-published"


def test_a_bulgarian_page_saying_it_was_first_published_earlier() -> None:
    page = _KEPT_CURRENT.replace(
        "This guide was originally published on 26 Sep 2019 at 4:12pm",
        "Статията е публикувана първоначално на 26.09.2019 г.",
    ).replace('lang="en"', 'lang="bg"')
    article = extract(page, "https://caravans.example/year-round", today=_TODAY)
    assert article.published == dt.date(2019, 9, 26)


def test_originally_published_without_a_day_leaves_the_byline() -> None:
    page = _KEPT_CURRENT.replace("on 26 Sep 2019 at 4:12pm", "in a magazine")
    article = extract(page, "https://caravans.example/year-round", today=_TODAY)
    assert article.published == dt.datetime(2022, 9, 30, 11, 7)
