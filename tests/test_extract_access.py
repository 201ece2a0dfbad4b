"""``Article.access``: a paid article's row says so, from the page's own statements
(``extraction.access``), in their order; a free article, a newsletter box's offer, a
hidden offer and a story that mentions subscribers are never marked. Pages in our own
words."""

from __future__ import annotations

import json

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from newsarchive.extraction import access, extract
from newsarchive.markup import page_tree

LEAD = "<p>Общинският съвет прие бюджета на града за следващата година след дълъг дебат.</p>"
MORE = (
    "<p>Съветниците гласуваха с голямо мнозинство, а кметът благодари на всички групи.</p>"
    "<p>Средствата за ремонт на улици растат с една пета спрямо миналата година.</p>"
)


def page(head: str = "", body: str = LEAD + MORE, after: str = "", lang: str = "bg") -> str:
    return (
        f"<html lang='{lang}'><head><title>Бюджетът е приет</title>{head}</head><body>"
        f"<article><h1>Бюджетът е приет</h1><div class='tekst'>{body}</div>{after}</article>"
        "<footer><p>© 2026 Вестник</p></footer></body></html>"
    )


def jsonld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


PAID_PART = {"@type": "WebPageElement", "isAccessibleForFree": False, "cssSelector": ".plateno"}
OFFER_BOX = (
    '<div class="subscribe-box"><p>Абонирай се, за да прочетеш цялата статия</p>'
    "<p>Дигитален абонамент: 5 лв. на месец.</p></div>"
)

STATED = "jsonld:isAccessibleForFree"
TIER = "meta:article:content_tier"
PAID = [
    ("bool", jsonld({"@type": "NewsArticle", "isAccessibleForFree": False}), STATED),
    ("string", jsonld({"@type": "NewsArticle", "isAccessibleForFree": "False"}), STATED),
    ("lower", jsonld({"@type": "Article", "isAccessibleForFree": "false"}), STATED),
    ("graph", jsonld({"@graph": [{"@type": "WebPage", "isAccessibleForFree": True},
                                 {"@type": "NewsArticle", "isAccessibleForFree": "False"}]}),
     STATED),
    ("part", jsonld({"@type": "NewsArticle", "hasPart": [PAID_PART]}), "jsonld:hasPart"),
    ("microdata", '<meta itemprop="isAccessibleForFree" content="False">',
     "microdata:isAccessibleForFree"),
    ("microdata item", '</head><body><article itemscope itemtype="https://schema.org/'
     'NewsArticle"><h1 itemprop="headline">Бюджетът е приет</h1><meta itemprop='
     '"isAccessibleForFree" content="False"></article>', "microdata:isAccessibleForFree"),
    ("locked", '<meta property="article:content_tier" content="locked">', TIER),
]  # fmt: skip


@pytest.mark.parametrize(("head", "rule"), [p[1:] for p in PAID], ids=[p[0] for p in PAID])
def test_a_page_stating_it_is_paid_is_marked_paid(head: str, rule: str) -> None:
    article = extract(page(head), "https://vestnik.bg/novini/1")
    assert (article.access, article.rules["access"]) == ("paid", rule)
    assert article.as_dict()["access"] == "paid"


def test_a_visible_offer_under_the_lead_marks_the_lead_paid() -> None:
    """vechernivesti's shape: the lead, then the offer's box, which the text leaves out."""
    article = extract(page(body=LEAD, after=OFFER_BOX), "https://vestnik.bg/novini/2")
    assert article.text == LEAD[3:-4]
    assert (article.access, article.rules["access"]) == ("paid", "generic:offer-line")


@pytest.mark.parametrize(
    ("offer", "lang"),
    [
        ("<p>Тази статия е достъпна само за абонати.</p>", "bg"),
        ("<p><b>Абонирайте се</b>, за да прочетете целия текст</p>", "bg-BG"),
        ("<p>Абонирай се, за да прочетеш цялата статия</p>", ""),
        ("<p>Subscribe to continue reading</p>", "en"),
        ("<p>This article is only available to subscribers.</p>", ""),
        # the other languages' offers (``clean.OFFERS_ELSEWHERE``), each phrase once
        ("<p>L'article est réservé aux abonnés.</p>", "fr"),
        ("<p>Abonnez-vous pour lire la suite.</p>", "fr"),
        ("<p>Der Inhalt ist exklusiv für Abonnentinnen und Abonnenten.</p>", "de"),
        ("<p>Jetzt abonnieren und weiterlesen</p>", "de"),
        ("<p>El artículo es solo para suscriptores.</p>", "es"),
        ("<p>Suscríbete para seguir leyendo</p>", "es"),
        ("<p>L’articolo è riservato agli abbonati.</p>", "it"),
        ("<p>Abbonati per continuare a leggere</p>", "it"),
        ("<p>O texto é exclusivo para assinantes.</p>", "pt"),
        ("<p>Materiał jest dostępny wyłącznie dla prenumeratorów.</p>", "pl"),
        ("<p>Tekst jest dostępny tylko dla subskrybentów.</p>", "pl"),
    ],
)
def test_each_offer_of_the_vocabulary_is_found_by_the_gate_and_the_line(
    offer: str, lang: str
) -> None:
    """Each phrase of ``OFFER_LINE`` passes the page's gate too (``_GATE``); English ones
    are looked for on a page that does not say it is Bulgarian."""
    html = page(body=LEAD, after=f"<aside>{offer}</aside>", lang=lang)
    assert extract(html, "https://x.bg/a/3").access == "paid", offer


FREE = [
    ("plain", page()),
    # a newsletter's box: subscription words, no article offered
    ("newsletter", page(after='<div class="subscribe-box"><p>Абонирай се за бюлетина</p><p>'
                              "Абонирайте се за новините, за да четете още.</p></div>")),
    # the page's own word outranks an offer elsewhere on it
    ("stated free", page(jsonld({"@type": "NewsArticle", "isAccessibleForFree": True}),
                         after=OFFER_BOX)),
    # a related article's node in the graph speaks of that article
    ("related", page(jsonld({"@graph": [
        {"@type": "NewsArticle", "headline": "Бюджетът е приет", "isAccessibleForFree": True},
        {"@type": "NewsArticle", "headline": "Анализ", "isAccessibleForFree": False}]}))),
    # a teaser card of another (paid) article: an item of its own, no h1 or body
    ("teaser card", page(after='<aside class="sidebar"><div itemscope itemtype='
                               '"https://schema.org/NewsArticle"><a itemprop="url" href="/a/2">'
                               '<span itemprop="headline">Анализ</span></a><meta itemprop='
                               '"isAccessibleForFree" content="False"></div></aside>')),
    ("tier free", page('<meta property="article:content_tier" content="free">', after=OFFER_BOX)),
    # a metered article: paid after a reader's free reads, served whole to a crawler
    ("metered", page('<meta property="article:content_tier" content="Metered">')),
    # a free part says nothing of the page
    ("free part", page(jsonld({"@type": "NewsArticle",
                               "hasPart": [dict(PAID_PART, isAccessibleForFree=True)]}))),
    # an offer kept in every page's markup, hidden, or in a script
    ("hidden", page(after=f'<div style="display: none">{OFFER_BOX}</div>')),
    ("hidden class", page(after=f'<div class="paywall-box d-none">{OFFER_BOX}</div>')),
    ("script", page(after='<script>var t = "Абонирай се, за да прочетеш цялата статия";</script>')),
    # a story that mentions it: the text's own line, no offer
    ("story", page(body=LEAD + "<p>Каналът съобщи, че статията е достъпна само за абонати.</p>")),
    # the story's own line after a ``<br>``: the text keeps it as a line of its own
    ("story br", page(body=LEAD + "<p>Операторът смени пакетите.<br>Съдържанието е достъпно"
                                  " само за абонати на пакет Макс.</p>" + MORE)),
    # Google's .paywall class marks the paid text itself, served whole: no statement
    ("paywall class", page(body=LEAD + f'<div class="paywall">{MORE}</div>')),
]  # fmt: skip


@pytest.mark.parametrize("html", [f[1] for f in FREE], ids=[f[0] for f in FREE])
def test_a_free_article_is_never_marked_paid(html: str) -> None:
    article = extract(html, "https://vestnik.bg/novini/4")
    assert article.access == "free", article.rules.get("access")


def test_a_page_with_no_text_says_nothing_of_access_and_is_free() -> None:
    """A page that is no HTML states nothing and shows no offer: "free", by rule "none"."""
    article = extract(b"\xff" * 3, "https://x.bg/")
    assert (article.access, article.rules["access"]) == ("free", "none")


def test_an_offer_close_behind_another_subscription_word_is_found() -> None:
    """The gate (``_near``) goes on from each stem it finds: a "Абонамент" menu link a few
    hundred characters before the offer made it jump past the offer's own stem."""
    menu = '<nav><a href="/abonament">Абонамент</a></nav>'
    filler = "<p>" + "Съветниците гласуваха. " * 15 + "</p>"
    offer = "<aside><p>Абонирай се, за да прочетеш цялата статия</p></aside>"
    html = page(body=LEAD, after=menu + filler + offer)
    gap = html.index("бонирай") - html.index("бонамент")
    assert access._NEAR // 2 < gap < access._NEAR
    assert extract(html, "https://vestnik.bg/novini/5").access == "paid"


@pytest.mark.parametrize(("overlap", "open_"), [(0, False), (8, False), (9, True), (60, True)])
def test_the_gate_reads_a_run_of_stems_as_each_stem_s_window(overlap: int, open_: bool) -> None:
    """``_near`` reads the windows of stems close together as one stretch, each piece
    looked for once in it: it answers as reading each stem's window alone does. A piece
    across the first window's end is in the second only where that one starts 9
    characters or more before that end (``overlap``); the stretch joins windows that
    overlap by the longest piece's length (22) or more, so a piece in it is whole in
    one."""
    piece = "to continue reading"  # (19 characters, no stem in it)
    first = 1000
    second = first + 2 * access._NEAR - overlap  # its window starts `overlap` before
    at = first + access._NEAR - 9  # the piece's start: across the first window's end
    text = [" "] * (second + 100)
    text[first : first + 6] = "ubscri"
    text[second : second + 6] = "ubscri"
    text[at : at + len(piece)] = piece
    html = "".join(text)
    assert access._near(html, html.encode(), bulgarian=False) is open_


def _near_by_each_window(html: str, bulgarian: bool) -> bool:
    """``_near``'s answer by its definition: each stem's window read alone."""
    for stem, pieces, english in access._GATE:
        if english and bulgarian:
            continue
        at = html.find(stem)
        while at >= 0:
            start, end = max(0, at - access._NEAR), at + access._NEAR
            if any(piece in html[start:end] for piece in pieces):
                return True
            at = html.find(stem, at + 1)
    return False


_GATE_PARTS = ("ubscri", "бон", "to continue reading", "for subscribers", "за абонати", "“")
# Places near a window's ends (``_NEAR`` 400): a stem at 0 and one at 780-795, a piece
# across 400, in the two windows' union and in neither alone
_PLACES = (0, 2, 375, 382, 385, 390, 395, 400, 778, 785, 790, 795, 800)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_PLACES) | st.integers(0, 840), st.sampled_from(_GATE_PARTS)),
        max_size=6,
    ),
    st.booleans(),
)
@example(placed=[(0, "ubscri"), (790, "ubscri"), (385, "to continue reading")], bulgarian=False)
def test_the_gate_answers_as_reading_each_stem_s_window(
    placed: list[tuple[int, str]], bulgarian: bool
) -> None:
    """However the stems and the pieces fall (runs of stems, a piece across a window's
    end, Cyrillic and curly quotes making the str two bytes a character), ``_near``
    answers as reading every stem's window alone does. Each part is written at its
    place in a page of spaces, over what was there."""
    text = [" "] * (2 * access._NEAR + 80)
    for at, part in placed:
        text[at : at + len(part)] = part
    html = "".join(text)
    assert access._near(html, html.encode(), bulgarian) is _near_by_each_window(html, bulgarian)


def test_an_offer_shown_from_a_width_on_is_seen() -> None:
    """``d-none d-md-block``: hidden on a phone, shown on a desktop; a reader sees it."""
    html = page(body=LEAD, after=f'<div class="d-none d-md-block">{OFFER_BOX}</div>')
    assert extract(html, "https://vestnik.bg/novini/6").access == "paid"


def test_the_gate_reads_the_bytes_of_a_caller_s_own_tree() -> None:
    """The gate asks the bytes the tree was parsed from whether a stem's first byte is
    there (``_near``): a tree a caller parsed itself (the crawl's ``page_tree``, or a
    plain parser) carries them as ``page_tree``'s does, and a page without them is
    passed over."""
    html = page(body=LEAD, after=OFFER_BOX)
    for tree in (page_tree(html), LexborHTMLParser(html)):
        assert extract(html, "https://vestnik.bg/novini/7", tree=tree).access == "paid"
    assert access._near(html, html.encode(), bulgarian=True)
    assert not access._near(html, b"<p>Latin only</p>", bulgarian=True)


def test_an_offers_lines_taken_in_with_the_lead_leave_its_text() -> None:
    """The offer's box inside the article's own box, in no class telling it apart: its
    heading and its price were the text's last lines, under a lead a reader reads as
    all the page gives."""
    box = (
        "<div class='border rounded'><h3>Останалата част от статията е достъпна само за абонати"
        "</h3><p>Абонирайте се за 4,90 лв. на месец и четете без ограничения.</p>"
        "<a href='/abonament'>Абонирай се</a></div>"
    )
    article = extract(page(body=LEAD + MORE + box), "https://vestnik.bg/novini/3")
    assert article.text.splitlines() == [
        "Общинският съвет прие бюджета на града за следващата година след дълъг дебат.",
        "Съветниците гласуваха с голямо мнозинство, а кметът благодари на всички групи.",
        "Средствата за ремонт на улици растат с една пета спрямо миналата година.",
    ]
    assert (article.access, article.rules["access"]) == ("paid", "generic:offer-line")


_FRENCH_TEASER = """<html lang="fr"><head><meta charset="utf-8"><title>Le marché de Noël</title>
</head><body><main><div class="contenu"><h1>Le marché de Noël ouvre ses portes</h1>
<p>Le marché de Noël de la ville ouvre samedi sur la place de l'Hôtel-de-Ville, avec
quarante chalets d'artisans et une patinoire pour les enfants.</p>
<p>Les organisateurs attendent plus de visiteurs que l'an dernier.</p>
<p>Cet article est réservé aux abonnés. Il vous reste 70% à lire.</p>
<p>Déjà abonné ? Connectez-vous</p></div></main></body></html>"""


def test_a_french_offer_in_the_text_leaves_it_and_marks_the_page_paid() -> None:
    """The offer's lines in the article's own box, a line each: the site's words, not the
    story's, and what says the rest is for subscribers (before: both closed the text,
    the page free)."""
    article = extract(_FRENCH_TEASER, "https://journal.example.fr/ville/marche-noel")
    assert article.text.endswith("que l'an dernier."), article.text
    assert (article.access, article.rules["access"]) == ("paid", "generic:offer-line")
