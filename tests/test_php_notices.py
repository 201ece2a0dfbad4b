"""PHP's notices printed before a page's markup stay out of the article (``php_notices``)."""

from __future__ import annotations

import pytest

from newsarchive.extraction import extract
from newsarchive.php_notices import without_leading_notices

BODY = (
    '<html lang="bg"><head><title>Ремонт на читалището</title></head><body>'
    '<div id="content"><h1>Ремонт на читалището започва</h1>'
    "<p>" + "Общината обяви търг за ремонт на покрива на читалището в селото. " * 5 + "</p>"
    "<p>Работата ще приключи до края на пролетта.</p></div></body></html>"
)

NOTICES = [
    # display_errors with html_errors on, as PHP 5 printed a deprecated call
    "<br />\n<b>Deprecated</b>:  mysql_connect(): The mysql extension is deprecated and will"
    " be removed in the future: use mysqli or PDO instead in <b>/var/www/obshtina/db.php</b>"
    " on line <b>12</b><br />\n",
    # two in a row, the second a notice about a missing index
    "<br />\n<b>Warning</b>:  session_start(): Cannot send session cookie - headers already"
    " sent in <b>/var/www/obshtina/inc/top.php</b> on line <b>3</b><br />\n<br />\n"
    "<b>Notice</b>:  Undefined index: lang in <b>/var/www/obshtina/news.php</b> on line"
    " <b>7</b><br />\n",
    # html_errors off: plain text lines
    "Notice: Undefined index: id in /var/www/obshtina/news.php on line 5\n"
    "PHP Warning:  include(menu.php): failed to open stream in /var/www/obshtina/news.php"
    " on line 9\n",
]


@pytest.mark.parametrize("notice", NOTICES)
@pytest.mark.parametrize("doctype", ["", "<!DOCTYPE html>\n"])
def test_php_notices_before_the_root_are_not_the_article(notice: str, doctype: str) -> None:
    for page in (notice + doctype + BODY, doctype + notice + BODY):
        article = extract(page, "http://obshtina.example/news.php?id=4")
        assert article.title == "Ремонт на читалището започва"
        assert article.text.startswith("Общината обяви търг")
        assert "line" not in article.text and "/var/www" not in article.text


def test_a_doctype_before_the_notices_is_kept() -> None:
    data = b"<!DOCTYPE html>\nNotice: Undefined index: id in /var/www/a.php on line 5\n<html>"
    assert without_leading_notices(data) == b"<!DOCTYPE html><html>"


@pytest.mark.parametrize(
    "before",
    [
        # a site's own words before the root (broken markup), not PHP's shape
        "Внимание: сайтът се обновява и някои страници може да не работят.\n",
        # a kind's word without "on line" closing the line
        "Warning: пътят към хижата е затворен до 12 часа\n",
        # lower case is not how PHP writes its kinds
        "notice: Undefined index: id in /var/www/a.php on line 5\n",
    ],
)
def test_other_text_before_the_root_is_left_to_the_parser(before: str) -> None:
    data = (before + BODY).encode()
    assert without_leading_notices(data) == data


def test_a_notice_inside_the_body_is_not_looked_for() -> None:
    data = BODY.replace("<p>Работата", "<p>Notice: Undefined index: id in /x.php on line 5<p>")
    assert without_leading_notices(data.encode()) == data.encode()


@pytest.mark.parametrize("notice", NOTICES)
def test_every_parse_of_a_page_drops_the_notices(notice: str) -> None:
    """Not only the article's parse: a listing, an article's later page and a site's check
    parse with ``parse_html`` too, and took the notice for the page's first words."""
    from newsarchive.markup import page_tree, parse_html

    for parse in (parse_html, page_tree):
        body = parse("<!DOCTYPE html>\n" + notice + BODY).body
        assert body is not None
        assert body.text(strip=True).startswith("Ремонт на читалището")
