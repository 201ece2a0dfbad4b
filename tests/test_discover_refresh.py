"""A page that sends the browser on with ``<meta http-equiv="refresh">`` shows its target
in its place: an old site's ``/`` holding only a refresh to ``bg/nachalo.html`` over its
coat of arms has no link at all, and exploring it found no news (studenets)."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from newsarchive.discover.explore import frame_sources
from newsarchive.discover.refresh import stand_in_target
from newsarchive.models import Profile

SITE = Profile(id="x", name="x", origin="http://www.x.bg", hosts=("www.x.bg",))


def _head(meta: str) -> LexborHTMLParser:
    return LexborHTMLParser(f'<html><head>{meta}</head><body><img src="gerb.gif"></body></html>')


def test_a_refresh_target_is_what_the_page_shows() -> None:
    for meta in (
        '<meta http-equiv="Refresh" content="0; URL=bg/nachalo.html">',
        "<meta http-equiv=refresh content=\"0;url='bg/nachalo.html'\">",
        "<meta http-equiv='REFRESH' content='3; URL = \"/bg/nachalo.html\"'>",
    ):
        found = frame_sources(_head(meta), "http://www.x.bg/", SITE)
        assert found == ["http://www.x.bg/bg/nachalo.html"], meta


def test_a_reload_another_site_or_the_page_itself_is_no_target() -> None:
    for meta in (
        '<meta http-equiv="refresh" content="300">',  # reload every five minutes
        '<meta http-equiv="refresh" content="0; url=https://other.bg/">',
        '<meta http-equiv="refresh" content="600; url=/">',
        '<meta name="refresh" content="0; url=/bg/">',  # not http-equiv
    ):
        assert frame_sources(_head(meta), "http://www.x.bg/", SITE) == [], meta


def test_a_hostile_refresh_is_read_in_one_pass() -> None:
    """A refresh of 200,000 digits and a stray quote: the pattern tried every split of the
    digits between the delay and the address, each scanned to the quote, a page's read
    that did not end for minutes (quadratic). Read once, it names nothing."""
    meta = f'<meta http-equiv=refresh content="{"0" * 200_000}\'">'
    assert frame_sources(_head(meta), "http://www.x.bg/", SITE) == []
    meta = f'<meta http-equiv=refresh content="0; URL={"a" * 200_000}\'">'
    assert frame_sources(_head(meta), "http://www.x.bg/", SITE) == []


def _script(code: str, body: str = "") -> LexborHTMLParser:
    return LexborHTMLParser(f"<html><head><script>{code}</script></head><body>{body}</body></html>")


def test_a_script_redirect_of_a_page_linking_nowhere_is_what_it_shows() -> None:
    """An ``index.html`` of nothing but a script sending the browser to the site's folder
    (dabovik), by any of the ways a script says it."""
    for code in (
        'window.location.replace("bg/");',
        "window.location.href = 'bg/';",
        'location = "/bg/";',
        "document.location.assign('bg/')",
        "top.location.href='http://www.x.bg/bg/'",
    ):
        assert frame_sources(_script(code), "http://www.x.bg/", SITE) == ["http://www.x.bg/bg/"], (
            code
        )


def test_no_script_redirect_target() -> None:
    for code in (
        'if (location.href == "http://www.x.bg/") {}',  # a comparison
        'var mylocation = "bg/";',
        'location.href = base + "bg/";',  # built by the script: nothing to follow
        # a literal only the start of the address the script builds (a sign-in page's
        # "come back here", an error report's query): not where it sends anyone
        "location.href = '/vhod/?sled=' + encodeURIComponent(location.pathname);",
        'window.location = "https" + ":" + "//www.x.bg/bg/";',
        "location.replace('/bg/'\n  + lang);",
        'window.location.replace("https://other.bg/");',  # another site
    ):
        assert frame_sources(_script(code), "http://www.x.bg/", SITE) == [], code
    # a page with links of its own: its script's redirect (a phone's copy, say) is not it
    page = _script('if (screen.width < 700) location = "m/";', '<a href="/novini/">Новини</a>')
    assert frame_sources(page, "http://www.x.bg/", SITE) == []


_STAND_IN = (
    '<!DOCTYPE html><html><head><meta charset="utf-8">'
    '<meta http-equiv="refresh" content="0; url={target}"><title>Пренасочване</title></head>'
    '<body><p>Ако не бъдете пренасочени, <a href="{target}">натиснете тук</a>.</p>'
    "{more}</body></html>"
)


def _stand_in(target: str = "/novini/5/slug.html", more: str = "") -> bytes:
    return _STAND_IN.format(target=target, more=more).encode()


def test_a_page_of_only_a_refresh_stands_in_for_its_target() -> None:
    """A short link (``/n/5``) answering 200 with a refresh and "натиснете тук" is its
    target's page, as a redirect would be; relative targets read against the page."""
    assert (
        stand_in_target(_stand_in(), "https://www.x.bg/n/5")
        == "https://www.x.bg/novini/5/slug.html"
    )
    assert (
        stand_in_target(_stand_in("../novini/5"), "https://www.x.bg/n/5")
        == "https://www.x.bg/novini/5"
    )


def test_a_page_with_text_of_its_own_or_refreshing_itself_stands_in_for_nothing() -> None:
    story = "<p>" + "Общинският съвет прие бюджета за следващата година. " * 8 + "</p>"
    assert stand_in_target(_stand_in(more=story), "https://www.x.bg/n/5") is None
    assert stand_in_target(_stand_in("/n/5"), "https://www.x.bg/n/5") is None  # itself
    reload = b'<html><head><meta http-equiv="refresh" content="300"></head><body></body></html>'
    assert stand_in_target(reload, "https://www.x.bg/") is None
    big = _stand_in(more="<!--" + "x" * 10_000 + "-->")
    assert stand_in_target(big, "https://www.x.bg/n/5") is None


def test_a_page_sending_an_idle_reader_home_minutes_later_stands_in_for_nothing() -> None:
    """A municipality's short "Общината" page with ``content="600; url=/"`` (round 49's
    tsibritsa) is read for ten minutes before it sends anyone home: a page of its own.
    Followed as a stand-in, exploring it asked the home page a second time; a notice's
    few seconds ("you will be taken there in 5 seconds") still stand in."""
    page = _stand_in("/", more="<h1>Общината</h1><p>Лежи на реката.</p>")
    assert (
        stand_in_target(page.replace(b'"0; url', b'"600; url'), "https://x.bg/obshtinata") is None
    )
    assert stand_in_target(b"", "https://x.bg/", "text/html", "600; url=/bg/") is None
    assert stand_in_target(_stand_in().replace(b'"0; url', b'"5; url'), "https://x.bg/n/5") == (
        "https://x.bg/novini/5/slug.html"
    )


def test_a_home_refreshing_to_its_default_document_stands_in_for_it() -> None:
    """An old IIS/ASP site's ``/`` answering 200 with only a refresh to ``default.asp``
    (round 106): one identity to the archive (a folder's index file), but two pages to
    the server, and the home's menu and news are only on the second. Read by identity,
    the refresh named the page itself and was never followed."""
    empty = b'<html><head><meta http-equiv="refresh" content="0;URL=default.asp"></head></html>'
    assert stand_in_target(empty, "https://www.x.bg/") == "https://www.x.bg/default.asp"
    quoted = b"<html><head><meta http-equiv=refresh content=\"0; url='/bg/'\"></head></html>"
    assert stand_in_target(quoted, "https://www.x.bg/") == "https://www.x.bg/bg/"
    # (its own spelling is still itself: a reload)
    itself = b'<html><head><meta http-equiv="refresh" content="0;URL=/"></head></html>'
    assert stand_in_target(itself, "https://www.x.bg/") is None


def test_an_empty_answer_whose_refresh_header_sends_the_browser_on_stands_in_for_it() -> None:
    """PHP's ``header("Refresh: 0; url=/bg/")`` over an empty page (a home page moved to a
    folder) sends a browser on as the ``<meta>`` does; the markup's own refresh wins."""
    assert stand_in_target(b"", "https://x.bg/", "text/html", "0; url=/bg/") == "https://x.bg/bg/"
    said = stand_in_target(_stand_in(), "https://x.bg/n/5", "text/html", "0; url=/bg/")
    assert said == "https://x.bg/novini/5/slug.html"


def test_a_refresh_header_reloading_or_over_a_page_of_its_own_stands_in_for_nothing() -> None:
    story = b"<html><body><p>" + "Съветът прие бюджета за годината. ".encode() * 12 + b"</p>"
    assert stand_in_target(story, "https://x.bg/", "text/html", "0; url=/bg/") is None
    assert stand_in_target(b"", "https://x.bg/", "text/html", "300") is None  # a reload
    assert stand_in_target(b"", "https://x.bg/", "text/html", "0; url=/") is None  # itself
    assert stand_in_target(b"", "https://x.bg/", "text/plain", "0; url=/bg/") is None


def test_a_refresh_target_repeating_the_pages_folder_is_read_from_the_root() -> None:
    """A moved notice's refresh written as a theme prints its stored path, without the
    leading slash (``novini/1480-nova`` on ``/novini/1480-stara``), names
    ``/novini/1480-nova``, as the page's links are read (``anchors.link_reader``); read as
    written it named ``/novini/novini/1480-nova``, an address the site never served."""
    page = "https://www.x.bg/novini/1480-stara"
    assert (
        stand_in_target(_stand_in("novini/1480-nova"), page) == "https://www.x.bg/novini/1480-nova"
    )
    # a target repeating no folder is read against the page, as a browser reads it
    assert stand_in_target(_stand_in("1480-nova"), page) == "https://www.x.bg/novini/1480-nova"
