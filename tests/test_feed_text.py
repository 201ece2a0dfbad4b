"""A feed item's whole text (``<content:encoded>``, Atom ``<content type="html">``, JSON
Feed ``content_html``) read from the feed, and taken over an article page that is a
script's shell, never over a page with its own text (``extraction.feed_text``)."""

from __future__ import annotations

import json

from newsarchive.discover.feeds import read_feed
from newsarchive.extraction.feed_text import FEED_RULE, with_feed_text
from newsarchive.extraction.pipeline import extract
from newsarchive.extraction.shell import SCRIPT_SHELL

TITLE = "Започва ремонтът на моста над реката"
TEXT = (
    "<p>Мостът над реката ще бъде затворен за движение от понеделник.</p>"
    "<p>Ремонтът ще продължи два месеца, а обходният път минава през селото.</p>"
    "<p>Общината благодари на жителите за търпението.</p>"
)


def _page(main: str) -> str:
    return (
        f"<html><head><title>{TITLE} | Община Мостово</title></head><body>"
        '<ul id="menu"><li><a href="/">Начало</a></li><li><a href="/novini/">Новини</a></li></ul>'
        f'<div id="main">{main}</div>'
        '<div id="footer"><p>Работно време: 8:00 – 17:00 ч.</p></div></body></html>'
    )


SHELL_PAGE = _page(
    '<div id="app"><div class="loader">Зареждане на новината…</div></div>'
    "<noscript><p>За да прочетете новината, включете JavaScript.</p></noscript>"
)


def test_rss_content_encoded_atom_content_and_json_content_html_are_read() -> None:
    rss = (
        '<?xml version="1.0"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<item><title>{TITLE}</title><link>https://mostovo.bg/novini/5</link>"
        f"<description>Кратко</description><content:encoded><![CDATA[{TEXT}]]>"
        "</content:encoded></item></channel></rss>"
    ).encode()
    atom = (
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f'<entry><title>{TITLE}</title><link href="https://mostovo.bg/novini/5"/>'
        '<summary>Кратко</summary><content type="html">'
        + TEXT.replace("<", "&lt;").replace(">", "&gt;")
        + "</content></entry></feed>"
    ).encode()
    feed_json = json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "items": [{"url": "https://mostovo.bg/novini/5", "title": TITLE, "content_html": TEXT}],
        }
    ).encode()
    for content in (rss, atom, feed_json):
        (entry,) = read_feed(content).entries
        assert entry.title == TITLE
        assert entry.content == TEXT


def test_a_shell_page_is_no_article_and_takes_the_feeds_text() -> None:
    page = extract(SHELL_PAGE, "https://mostovo.bg/novini/5")
    assert page.rules.get("kind") == SCRIPT_SHELL  # (its text: the footer's line)
    article = with_feed_text(page, (TITLE, TEXT))
    assert "kind" not in article.rules and article.rules["text"] == FEED_RULE
    assert article.text.split("\n") == [
        "Мостът над реката ще бъде затворен за движение от понеделник.",
        "Ремонтът ще продължи два месеца, а обходният път минава през селото.",
        "Общината благодари на жителите за търпението.",
    ]
    # another story's item is never taken
    assert with_feed_text(page, ("Концерт на площада", TEXT)) is page


def test_a_short_notice_beside_a_loading_widget_is_an_article_and_keeps_its_text() -> None:
    notice = _page(
        f"<h1>{TITLE}</h1><p>Мостът ще бъде затворен в понеделник от 9 до 12 ч.</p>"
        '<div class="comments"><div class="loader">Зареждане…</div></div>'
    )
    page = extract(notice, "https://mostovo.bg/novini/5")
    assert "kind" not in page.rules
    assert page.text == "Мостът ще бъде затворен в понеделник от 9 до 12 ч."
    # a page with its own text keeps it over a feed's summary
    summary = "<p>Мостът ще бъде затворен.</p>"
    assert with_feed_text(page, (TITLE, summary)).text == page.text


def test_reextract_keeps_a_feeds_text_over_a_shell_or_a_teaser_and_no_other_page() -> None:
    """``keeps_feed_text``, ``reextract``'s rule for a row whose text the feed gave: kept
    over its page read again while the page is a shell or holds under a third of it, as
    the crawl chose; a page with its own text, or one now saying it is not found, is not
    kept over (the first rewrites the row, the second is reported)."""
    from newsarchive.extraction.feed_text import keeps_feed_text
    from newsarchive.extraction.page_kind import ERROR_PAGE
    from newsarchive.extraction.shell import SCRIPT_SHELL
    from newsarchive.models import Article

    stored = "Общината обяви ремонт на улиците в центъра. " * 9
    shell = Article(title="Ремонт", text="Работно време: 8:00 – 17:00 ч.",
                    rules={"kind": SCRIPT_SHELL})  # fmt: skip
    assert keeps_feed_text(shell, stored)
    assert keeps_feed_text(Article(title="Ремонт", text=stored[:100]), stored)
    assert not keeps_feed_text(Article(title="Ремонт", text=stored[:200]), stored)
    assert not keeps_feed_text(Article(title="", text="", rules={"kind": ERROR_PAGE}), stored)
