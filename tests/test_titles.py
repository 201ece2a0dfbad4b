"""The generic title rules (extraction/titles.py), each on a small page written for it."""

from __future__ import annotations

from newsarchive.extraction import extract

PROSE = "<p>" + "Общинският съвет прие бюджета след дълго обсъждане в залата. " * 5 + "</p>"


def page(head: str, body: str) -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def test_a_reference_escaped_twice_is_decoded() -> None:
    html = page(
        '<script type="application/ld+json">{"@type": "NewsArticle",'
        ' "headline": "Ремонт &#8211; от 1 до 15 март"}</script>',
        "<article><h1>Пътища &amp;amp; мостове: &amp;quot;план&amp;quot; за 2026</h1>"
        f"{PROSE}</article>",
    )
    assert extract(html).title == 'Пътища & мостове: "план" за 2026'
    without_h1 = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    assert extract(without_h1).title == "Ремонт – от 1 до 15 март"


def test_an_ampersand_that_is_not_a_reference_stays() -> None:
    html = page("", f"<article><h1>Кметът &amp;paragraph R&amp;D</h1>{PROSE}</article>")
    assert extract(html).title == "Кметът &paragraph R&D"


def test_a_headline_naming_the_host_is_not_taken_for_the_site_name() -> None:
    html = page(
        '<meta property="og:title" content="Sofiaplan показа новата карта на велоалеите'
        ' | Sofiaplan">',
        f"<article>{PROSE}</article>",
    )
    title = extract(html, "https://sofiaplan.bg/news/1").title
    assert title == "Sofiaplan показа новата карта на велоалеите"
