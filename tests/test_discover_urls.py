"""URL helpers: one normal form, one identity (``url_key``, ``identify``), matching a profile."""

from __future__ import annotations

import tracemalloc

import pytest

from newsarchive.discover.urls import (
    absolute,
    amp_originals,
    article_path,
    current_key,
    from_site_root,
    identify,
    in_path_state,
    is_article_url,
    move_hosts,
    moved_keys,
    moved_profile,
    moves_from,
    normalize_url,
    on_site,
    path_state_given,
    url_key,
    web_url_problem,
)
from newsarchive.fetch.mirror import MirrorTransport
from newsarchive.models import Profile
from newsarchive.profiles import get_profile

from .support import counted_normalizations


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("https://www.x.bg/novini/1", ""),
        ("HTTP://X.bg/a", ""),  # a scheme's case is no matter, wherever the address is given
        ("HtTpS://[::1]:8080/", ""),
        ("http://", "is no http(s) URL with a host"),  # reached robots.txt
        ("http://:80/", "is no http(s) URL with a host"),
        ("javascript:alert(1)", "is no http(s) URL with a host"),  # an article's link
        ("ftp://x.bg/1", "is no http(s) URL with a host"),
        ("news/1", "is no http(s) URL with a host"),  # links read against nothing
        ("http://[::1", "is not a valid URL (Invalid IPv6 URL)"),  # raised in the fetcher
        ("http://x.bg:99999/", "is not a valid URL (Port out of range 0-65535)"),
        # (an import archived these as they stood; --base-url's was httpx's words)
        ("https://x.bg/a\x00", "holds a control character ('\\x00' at position 14)"),
        ("https://x.bg/a\nb", "holds a control character ('\\n' at position 14)"),
        ("http://127.0.0.1:8766/\t", "holds a control character ('\\t' at position 22)"),
    ],
)
def test_an_address_no_web_page_can_have_is_said_why(url: str, problem: str) -> None:
    """The one test every given address passes (``--url``, ``--base-url``, an import's
    record, a WARC record's target): its reason is the one line each of them says."""
    assert web_url_problem(url) == problem


@pytest.mark.parametrize(
    ("url", "base", "expected"),
    [
        ("/a?utm_source=x&id=3#frag", "https://WWW.X.bg/n/", "https://www.x.bg/a?id=3"),
        ("b", "https://x.bg/n/", "https://x.bg/n/b"),
        ("https://x.bg", None, "https://x.bg/"),
        ("  https://x.bg/a?fbclid=1  ", None, "https://x.bg/a"),
        ("mailto:a@x.bg", None, None),
        ("javascript:void(0)", None, None),
        ("#top", "https://x.bg/", None),
        ("ftp://x.bg/file", None, None),
        ("", None, None),
        ("https://x.bg:443/a/./b/../c", None, "https://x.bg/a/c"),
        ("http://x.bg:80/a", None, "http://x.bg/a"),
        ("http://x.bg:8080/a", None, "http://x.bg:8080/a"),
        ("https://x.bg/%7euser/%d0%b0", None, "https://x.bg/~user/%D0%B0"),
        ("https://x.bg/новини/а", None, "https://x.bg/%D0%BD%D0%BE%D0%B2%D0%B8%D0%BD%D0%B8/%D0%B0"),
        (
            "https://x.bg/a?mc_cid=1&mc_eid=2&yclid=3&gclid=4&utm_x=5&id=7",
            None,
            "https://x.bg/a?id=7",
        ),
        ("https://x.bg/news/1001\x01", None, "https://x.bg/news/1001%01"),
        ("https://x.bg/a b", None, "https://x.bg/a%20b"),
        ("http://x.bg:99999/", None, None),
        # a path written on Windows, as a browser reads it; a backslash in the query is data
        ("arhiv\\2026\\n5.htm", "http://x.bg/novini.htm", "http://x.bg/arhiv/2026/n5.htm"),
        ("\\blog\\a?q=c:\\x#y\\z", "https://x.bg/n/", "https://x.bg/blog/a?q=c:%5Cx"),
        # an "&" escaped twice by the CMS (the field "amp;kat" to its server) is the "&"
        # its feed and sitemap write; an "amp" field of its own stays
        ("novina.php?id=5&amp;kat=1", "http://x.bg/", "http://x.bg/novina.php?id=5&kat=1"),
        ("https://x.bg/n?id=5&amp;amp;kat=1&amp=1", None, "https://x.bg/n?id=5&kat=1&amp=1"),
    ],
)
def test_normalize_url(url: str, base: str | None, expected: str | None) -> None:
    assert normalize_url(url, base) == expected


def test_alias_hosts_and_www_twins_are_on_site() -> None:
    nsorb = get_profile("nsorb")
    assert on_site("https://namrb.org/bg/aktualno", nsorb)
    assert not on_site("https://other.bg/a", nsorb)
    bare = Profile(id="x", name="x", origin="https://www.example.bg", hosts=("www.example.bg",))
    assert on_site("https://example.bg/a", bare)
    assert absolute(nsorb, "/bg/aktualno") == "https://www.namrb.org/bg/aktualno"
    assert absolute(nsorb, "https://namrb.org/x") == "https://namrb.org/x"


@pytest.mark.parametrize(
    "variant",
    [
        "https://www.example.bg/news/1?a=1&b=2",
        "http://example.bg/news/1?b=2&a=1",
        "https://EXAMPLE.bg:443/news/./1?a=1&utm_source=x&b=2#top",
        "https://example.bg/news/x/../1?a=1&b=2&fbclid=zz",
    ],
)
def test_every_spelling_of_one_url_has_one_key(variant: str) -> None:
    assert url_key(variant) == url_key("https://example.bg/news/1?a=1&b=2")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # PHP's use_trans_sid, after the page's own parameters or before them
        ("https://x.bg/bg/news.php?id=412&PHPSESSID=b7e4d2a96c1f4e8395a7c3e1f5d70b2c",
         "https://x.bg/bg/news.php?id=412"),
        ("https://x.bg/news.php?phpsessid=0c5d8e1f2a3b&id=9", "https://x.bg/news.php?id=9"),
        # ColdFusion's URLSessionFormat(): client variables' id and token, any case
        ("https://x.bg/index.cfm?fuseaction=news.view&newsid=57&CFID=4817237&CFTOKEN=58922315",
         "https://x.bg/index.cfm?fuseaction=news.view&newsid=57"),
        ("https://x.bg/news.cfm?cfid=12&cftoken=a1b2c3d4-e5f6&id=3", "https://x.bg/news.cfm?id=3"),
        # Java's URL rewriting puts it in the path
        ("https://x.bg/portal/novina.jsp;jsessionid=1A2B3C4D5E6F?id=7",
         "https://x.bg/portal/novina.jsp?id=7"),
        ("https://x.bg/novini;JSESSIONID=ab12.node1/", "https://x.bg/novini/"),
        # a path parameter after it is the page's own
        ("https://x.bg/novina.jsp;jsessionid=ab12;lang=bg?id=7", "https://x.bg/novina.jsp;lang=bg?id=7"),
        # phpBB-style sid=<token>; a short sid is a section's id and stays
        ("https://x.bg/news.php?sid=9f8e7d6c5b4a39281706f5e4d3c2b1a0&id=3",
         "https://x.bg/news.php?id=3"),
        ("https://x.bg/news.php?sid=3&id=4", "https://x.bg/news.php?sid=3&id=4"),
        ("https://x.bg/news.php?sid=a1b2c3d4e5f6", "https://x.bg/news.php?sid=a1b2c3d4e5f6"),
        ("https://x.bg/news.php?sid=obshtinskisavet&id=4",
         "https://x.bg/news.php?sid=obshtinskisavet&id=4"),
        # ASP.NET's cookieless state: a path segment of its own, under the app's folder
        ("https://x.bg/(S(x3mnb1ffgvxkkn55bfwxxk45))/Novini/Novina.aspx?ID=7",
         "https://x.bg/Novini/Novina.aspx?ID=7"),
        ("https://x.bg/portal/(X(1)S(x3mnb1ffgvxkkn55bfwxxk45))/Default.aspx",
         "https://x.bg/portal/Default.aspx"),
        ("https://x.bg/(S(x3mnb1ffgvxkkn55bfwxxk45))", "https://x.bg/"),
        # parentheses of a page's own name stay
        ("https://x.bg/novini/zakon_(2026)/", "https://x.bg/novini/zakon_(2026)/"),
        ("https://x.bg/a/(S(1))x/", "https://x.bg/a/(S(1))x/"),
    ],
)  # fmt: skip
def test_session_ids_are_not_part_of_a_url(url: str, expected: str) -> None:
    """One article linked from every page under another session id is one URL."""
    assert normalize_url(url) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # Liferay's asset publisher: the list page the article was shown on, escaped
        ("https://x.bg/web/guest/novini/-/asset_publisher/mAq2/content/sesiya"
         "?redirect=https%3A%2F%2Fx.bg%2Fweb%2Fguest%2Fnovini",
         "https://x.bg/web/guest/novini/-/asset_publisher/mAq2/content/sesiya"),
        # a portlet's namespaced one, and ASP.NET's ReturnUrl, beside fields that stay
        ("https://x.bg/a?id=5&_101_INSTANCE_mAq2_redirect=%2Fweb%2Fguest&p=2",
         "https://x.bg/a?id=5&p=2"),
        ("https://x.bg/Novina.aspx?ID=7&ReturnUrl=/Novini.aspx", "https://x.bg/Novina.aspx?ID=7"),
        # a wall's way back, one vocabulary with the wall's (``explore.wall_before``):
        # Django's next, Drupal's destination, continue, goto
        ("https://x.bg/novini/5?next=%2Fnovini", "https://x.bg/novini/5"),
        ("https://x.bg/node/12?destination=/novini", "https://x.bg/node/12"),
        ("https://x.bg/novini/5?id=5&continue=https%3A%2F%2Fx.bg%2F", "https://x.bg/novini/5?id=5"),
        ("https://x.bg/novini/5?goto=/", "https://x.bg/novini/5"),
        # a bare script's only field may be what names the page: it stays
        ("https://x.bg/index.php?next=/novini/5", "https://x.bg/index.php?next=/novini/5"),
        # not an address: a value of its own, a field merely ending in "back"
        ("https://x.bg/a?next=2", "https://x.bg/a?next=2"),
        ("https://x.bg/a?back=1", "https://x.bg/a?back=1"),
        ("https://x.bg/a?feedback=%2Fx", "https://x.bg/a?feedback=%2Fx"),
        # a redirector's target is where it sends the reader: read, not dropped
        ("https://x.bg/redirect.php?redirect=/rss.xml", "https://x.bg/rss.xml"),
    ],
)  # fmt: skip
def test_a_return_address_is_not_part_of_a_url(url: str, expected: str) -> None:
    """One article linked from every list page with that page as its "back" address is
    one URL, fetched and archived once."""
    assert normalize_url(url) == expected


@pytest.mark.parametrize(
    ("url", "originals"),
    [
        # the WordPress AMP plugin's query and path forms, Drupal's bare ?amp
        ("https://x.bg/2026/11/08/slug/?amp=1", ("https://x.bg/2026/11/08/slug/",)),
        ("https://x.bg/2026/11/08/slug/amp/",
         ("https://x.bg/2026/11/08/slug/", "https://x.bg/2026/11/08/slug")),
        ("https://x.bg/node/12?amp", ("https://x.bg/node/12",)),
        ("https://x.bg/news.php?amp=1&id=3", ("https://x.bg/news.php?id=3",)),
        # not AMP spellings: another value, a section of that name, no amp at all
        ("https://x.bg/news.php?amp=0&id=3", ()),
        ("https://x.bg/amp/", ()),
        ("https://x.bg/novini/ampula-1", ()),
        ("https://x.bg/novini/1", ()),
    ],
)  # fmt: skip
def test_an_amp_spelling_names_the_spellings_of_its_original(
    url: str, originals: tuple[str, ...]
) -> None:
    assert amp_originals(url) == originals


@pytest.mark.parametrize(
    ("stored", "now"),
    [
        # keys an older release wrote with session ids, in the query and in the path
        ("x.bg/news.php?PHPSESSID=b7e4d2a96c1f4e8395a7c3e1f5d70b2c&id=4", "x.bg/news.php?id=4"),
        ("x.bg/news.php?id=4&sid=9f8e7d6c5b4a39281706f5e4d3c2b1a0", "x.bg/news.php?id=4"),
        ("x.bg/novina.jsp;jsessionid=8F3A9C2B7E1D?id=7", "x.bg/novina.jsp?id=7"),
        # today's keys stay; so does a port whose scheme the key cannot tell
        ("x.bg/%D0%BD%D0%BE%D0%B2%D0%B8%D0%BD%D0%B8/a?b=1&c=2",
         "x.bg/%D0%BD%D0%BE%D0%B2%D0%B8%D0%BD%D0%B8/a?b=1&c=2"),
        ("x.bg:80/a", "x.bg:80/a"),
        ("[::1]:8080/a/", "[::1]:8080/a/"),
    ],
)  # fmt: skip
def test_a_stored_key_is_rekeyed_by_todays_rule(stored: str, now: str) -> None:
    assert current_key(stored) == now


def test_different_pages_have_different_keys() -> None:
    assert url_key("https://x.bg/news/1") != url_key("https://x.bg/news/1/")
    assert url_key("https://x.bg/news?id=1") != url_key("https://x.bg/news?id=2")
    assert url_key("https://x.bg/news/1") != url_key("https://y.bg/news/1")


SITE = Profile(
    id="x", name="x", origin="https://www.example.bg", hosts=("www.example.bg",),
    start_urls=("/novini",),
)  # fmt: skip


@pytest.mark.parametrize(
    ("fetched", "declared", "expected"),
    [
        # the page's own canonical wins when it is on the site (bare twin of the origin)
        ("https://www.example.bg/n/5?utm_source=x", "https://example.bg/n/5-slug",
         "https://example.bg/n/5-slug"),
        # relative canonical and og:url are resolved by extraction; here already absolute
        ("https://www.example.bg/n/5", None, "https://www.example.bg/n/5"),
        # another site's canonical (syndicated copy) does not rename our article
        ("https://www.example.bg/n/5", "https://bta.bg/n/9", "https://www.example.bg/n/5"),
        # a CMS that declares the home page or a start page on every article
        ("https://www.example.bg/n/5", "https://www.example.bg/", "https://www.example.bg/n/5"),
        ("https://www.example.bg/n/5", "https://www.example.bg/bg/", "https://www.example.bg/n/5"),
        ("https://www.example.bg/n/5", "https://www.example.bg/index.php",
         "https://www.example.bg/n/5"),
        # ... but a query keeps it an article's own address (WordPress's plain links)
        ("https://www.example.bg/?p=5&utm_source=x", "https://www.example.bg/?p=5",
         "https://www.example.bg/?p=5"),
        ("https://www.example.bg/n/5", "https://example.bg/novini",
         "https://www.example.bg/n/5"),
        ("https://www.example.bg/n/5", "not a url", "https://www.example.bg/n/5"),
        # an http:// canonical on a page its host served over https: the CMS's address
        # from before the move; the page keeps the https:// spelling, never the reverse
        ("https://www.example.bg/n/5", "http://www.example.bg/n/5-slug",
         "https://www.example.bg/n/5-slug"),
        ("http://www.example.bg/n/5", "https://www.example.bg/n/5-slug",
         "https://www.example.bg/n/5-slug"),
        # ... and so is one naming the host's www. twin (the address the site was
        # installed under): the host that served the page over https:// is kept
        ("https://www.example.bg/n/5", "http://example.bg/n/5-slug",
         "https://www.example.bg/n/5-slug"),
        ("https://example.bg/n/5", "http://www.example.bg/n/5-slug",
         "https://example.bg/n/5-slug"),
        # an https:// canonical on the twin is the site's word on its host: kept
        ("https://www.example.bg/n/5", "https://example.bg/n/5-slug",
         "https://example.bg/n/5-slug"),
        # the twin's http:// on a page served over http://: nothing to say which is right
        ("http://www.example.bg/n/5", "http://example.bg/n/5-slug",
         "http://example.bg/n/5-slug"),
    ],
)  # fmt: skip
def test_identify_trusts_the_page_on_its_own_site(
    fetched: str, declared: str | None, expected: str
) -> None:
    assert identify(fetched, declared, SITE) == expected


def test_article_pattern_sees_the_query() -> None:
    import dataclasses

    profile = dataclasses.replace(get_profile("nsorb"), article_pattern=r"^/view\?id=\d+$")
    assert is_article_url("https://www.namrb.org/view?id=12", profile)
    assert not is_article_url("https://www.namrb.org/view?id=x", profile)
    assert not is_article_url("https://elsewhere.bg/view?id=12", profile)


def test_mirror_transport_names_the_url_it_really_contacts() -> None:
    mirror = MirrorTransport("http://127.0.0.1:8000/bta/", ("www.bta.bg",))
    assert mirror.contacted("https://bta.bg/bg/news?p=2") == "http://127.0.0.1:8000/bta/bg/news?p=2"
    assert mirror.contacted("https://www.bta.bg/") == "http://127.0.0.1:8000/bta/"
    assert mirror.contacted("https://i.id24.bg/i/1.webp") == "https://i.id24.bg/i/1.webp"
    with pytest.raises(ValueError):
        MirrorTransport("ftp://x", ("a",))


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.x.bg/novini/obshtinata-remontira-uchilishta", True),
        ("https://www.x.bg/news/1234567", True),
        ("https://www.x.bg/index.php?option=com_content&id=13548", True),
        ("https://www.x.bg/", False),
        ("https://www.x.bg/novini", False),
        ("https://www.x.bg/tag/remonti-na-uchilishta", False),
        ("https://www.x.bg/editor/files/otchet-za-2025-godina.pdf", False),
        ("https://other.bg/novini/chuzhda-novina-za-grada", False),
    ],
)
def test_without_a_pattern_the_url_shape_decides(url: str, expected: bool) -> None:
    from newsarchive.models import Profile

    profile = Profile(id="x", name="x", origin="https://www.x.bg", hosts=("www.x.bg",))
    assert is_article_url(url, profile) is expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # the site's own redirector naming an address on its host is that address
        ("https://x.bg/redirect.php?url=/rss.xml", "https://x.bg/rss.xml"),
        (
            "https://x.bg/redirect.php?url=https%3A%2F%2Fwww.x.bg%2Fnovini%2F12.html",
            "https://www.x.bg/novini/12.html",
        ),
        ("https://x.bg/go.php?id=3&link=/novini/?p=2", "https://x.bg/novini/?p=2"),
        ("https://x.bg/out?to=/redirect.php%3Furl%3D/a.html", "https://x.bg/a.html"),
        # off the site, or scheme-relative: the redirector stays (its redirect is refused)
        (
            "https://x.bg/redirect.php?url=https%3A%2F%2Fwww.facebook.com%2Fx",
            "https://x.bg/redirect.php?url=https%3A%2F%2Fwww.facebook.com%2Fx",
        ),
        (
            "https://x.bg/redirect.php?url=//evil.example/a",
            "https://x.bg/redirect.php?url=//evil.example/a",
        ),
        # another port of the host is another server: the redirector stays
        (
            "https://x.bg/go.php?url=https://x.bg:8443/novini/1",
            "https://x.bg/go.php?url=https://x.bg:8443/novini/1",
        ),
        # a target written raw, its own query begun ('?'): what follows its '&' is its
        # own, but for the redirector's own parameters (a signature, a click counter)
        (
            "https://x.bg/redirect.php?url=https://x.bg/news.php?id=5&lang=bg",
            "https://x.bg/news.php?id=5&lang=bg",
        ),
        (
            "https://x.bg/go.php?url=/news.php?id=5&lang=bg&page=2",
            "https://x.bg/news.php?id=5&lang=bg&page=2",
        ),
        (
            "https://x.bg/redirect.php?url=https://x.bg/news.php?id=5&lang=bg&sig=9f3a&utm_source=fb",
            "https://x.bg/news.php?id=5&lang=bg",
        ),
        # a parameter the target's query already has is the redirector's (its banner's
        # id): glued on, PHP would read the last one and serve another article
        (
            "https://x.bg/redirect.php?url=https://x.bg/news.php?id=5&lang=bg&id=77",
            "https://x.bg/news.php?id=5&lang=bg",
        ),
        # a target percent-encoded, or without a query of its own: what follows is the
        # redirector's (which banner was clicked), never the target's
        (
            "https://x.bg/redirect.php?url=https%3A%2F%2Fx.bg%2Fnews.php%3Fid%3D5&lang=bg",
            "https://x.bg/news.php?id=5",
        ),
        ("https://x.bg/redirect.php?url=/novini/12.html&id=7", "https://x.bg/novini/12.html"),
        # not a redirector: a login's return address, an article's own parameter
        ("https://x.bg/login.php?url=/novini/1", "https://x.bg/login.php?url=/novini/1"),
        ("https://x.bg/news.php?link=/novini/1", "https://x.bg/news.php?link=/novini/1"),
    ],
)
def test_a_link_through_the_sites_own_redirector_is_the_address_it_names(
    url: str, expected: str
) -> None:
    assert normalize_url(url) == expected


def test_a_key_on_the_domain_a_site_moved_to_has_its_old_spelling() -> None:
    """The same path and query on the old host (``www.`` or not, as keys are); a key on
    any other host has none."""
    moves = {"obshtinaruse.bg": "ruse-bg.eu"}
    key = url_key("https://www.obshtinaruse.bg/novina-1?b=2&a=1")
    assert moved_keys(key, moves) == [url_key("http://ruse-bg.eu/novina-1?a=1&b=2")]
    assert moved_keys(url_key("https://ruse24.bg/novina-1"), moves) == []
    assert moved_keys(url_key("https://obshtinaruse.bg.evil.com/a"), moves) == []


def test_a_key_on_the_domain_a_site_moved_to_twice_has_each_old_spelling() -> None:
    """a -> b -> c: c's key is spelled on b, then on a, where the articles were archived
    while the site lived there; a cycle in the records ends the way back, never loops."""
    moves = {"obshtinaruse.bg": "ruse.bg", "ruse.bg": "ruse-bg.eu"}
    key = url_key("https://obshtinaruse.bg/novina-1")
    assert moved_keys(key, moves) == [url_key("https://ruse.bg/novina-1"),
                                      url_key("https://ruse-bg.eu/novina-1")]  # fmt: skip
    looped = {**moves, "ruse-bg.eu": "obshtinaruse.bg"}
    assert moved_keys(key, looped) == moved_keys(key, moves)
    assert moved_keys(url_key("https://ruse.bg/novina-1"), looped) == [
        url_key("https://ruse-bg.eu/novina-1"), url_key("https://obshtinaruse.bg/novina-1")
    ]  # fmt: skip


def test_the_moves_from_an_origin_are_followed_to_the_last_one() -> None:
    moved = {"https://a.bg": "https://b.bg", "https://b.bg": "https://c.bg"}
    assert moves_from("https://a.bg", moved) == [
        ("https://a.bg", "https://b.bg"), ("https://b.bg", "https://c.bg")
    ]  # fmt: skip
    assert moves_from("https://c.bg", moved) == []
    cycle = {**moved, "https://c.bg": "https://a.bg"}
    assert moves_from("https://a.bg", cycle) == moves_from("https://a.bg", moved)


def test_a_move_from_a_domain_named_in_cyrillic_is_keyed_as_its_articles_are() -> None:
    """A profile naming its ``.бг`` origin in Cyrillic: its articles' keys spell the host
    in punycode (``normalize_url``), so the move's old host must too, or every article
    at the new domain is a second one."""
    new, old = move_hosts("https://www.звездица.бг", "https://zvezditsa.bg")
    key = url_key("https://zvezditsa.bg/novini/53-kursove.html")
    assert moved_keys(key, {new: old}) == [url_key("https://звездица.бг/novini/53-kursove.html")]


def test_a_moves_hosts_are_spelled_alike_for_the_profile_and_the_keys() -> None:
    """The profile a move leaves (``moved_profile``) names the hosts ``move_hosts`` keys
    by: one spelling (punycode, lower case), not the Cyrillic or capitals of its origin."""
    origin, moved_to = "https://www.звездица.бг", "https://Zvezditsa.BG"
    profile = moved_profile(Profile(id="z", name="z", origin=origin), origin, moved_to)
    old = "www." + "звездица.бг".encode("idna").decode("ascii")
    assert profile.hosts == (old, "zvezditsa.bg")
    assert profile.origin == moved_to
    assert move_hosts(origin, moved_to) == ("zvezditsa.bg", old.removeprefix("www."))


_PUNY = "xn----7sbbbhmgoceh6ck7j8a.xn--90ae"  # община-звездица.бг


def test_a_cyrillic_domain_is_one_host_in_either_spelling() -> None:
    """A ``.бг`` site: the user's profile and a link pasted from a browser's bar name it in
    Cyrillic, its CMS and every response's URL in punycode. One host, one spelling (the
    one DNS and HTTP use), on the site whichever the profile names."""
    for url in (
        "https://Община-Звездица.бг/novini/5",
        f"https://{_PUNY}/novini/5",
        f"https://{_PUNY.upper()}/novini/5",
    ):
        assert normalize_url(url) == f"https://{_PUNY}/novini/5", url
    assert normalize_url("https://община-звездица.бг:8443/") == f"https://{_PUNY}:8443/"
    for origin in ("https://община-звездица.бг", f"https://{_PUNY}"):
        site = Profile(id="z", name="z", origin=origin)
        assert on_site(f"https://{_PUNY}/novini/5", site)
        assert on_site("https://www.община-звездица.бг/novini/5", site)
        assert not on_site("https://община-other.бг/", site)
    assert url_key("https://община-звездица.бг/a") == url_key(f"http://www.{_PUNY}/a")


def test_a_cookieless_session_handed_by_a_redirect_is_placed_in_later_addresses() -> None:
    """ASP.NET's ``/(S(<id>))`` put into the asked address by the server: learned where
    it goes, and put there in the site's other pages (not a static file's, not one
    holding a session already, not one outside the application's folder)."""
    given = path_state_given(
        "https://r.bg/Novini/Default.aspx",
        "https://r.bg/(S(ab12cd34ef56gh78ij90kl12))/Novini/Default.aspx",
    )
    assert given == ("", "/(S(ab12cd34ef56gh78ij90kl12))")
    assert path_state_given("https://r.bg/", "https://r.bg/(S(ab12))/") == ("", "/(S(ab12))")
    assert path_state_given("https://r.bg/app/a.aspx", "https://r.bg/app/(S(x1))/a.aspx") == (
        "/app", "/(S(x1))"
    )  # fmt: skip
    assert path_state_given("https://r.bg/a.aspx", "https://r.bg/(S(x1))/b.aspx") is None
    # a session handed earlier in the run, forgotten by the server: the new one is kept
    assert path_state_given("https://r.bg/(S(x1))/a.aspx", "https://r.bg/(S(y2))/a.aspx") == (
        "", "/(S(y2))"
    )  # fmt: skip
    assert path_state_given("https://r.bg/(S(x1))/a.aspx", "https://r.bg/(S(x1))/a.aspx") is None
    assert path_state_given("https://r.bg/(S(x1))/a.aspx", "https://r.bg/(S(y2))/b.aspx") is None
    assert path_state_given("https://r.bg/a.aspx", "https://www.r.bg/(S(x1))/a.aspx") is None
    assert path_state_given("http://r.bg/a", "https://r.bg/a") is None
    assert in_path_state("https://r.bg/Novini/Novina.aspx?ID=1", "", "/(S(x1))") == (
        "https://r.bg/(S(x1))/Novini/Novina.aspx?ID=1"
    )
    assert in_path_state("https://r.bg/", "", "/(S(x1))") == "https://r.bg/(S(x1))/"
    assert in_path_state("https://r.bg/files/a.pdf", "", "/(S(x1))") == "https://r.bg/files/a.pdf"
    assert (
        in_path_state("https://r.bg/(S(y2))/a.aspx", "", "/(S(x1))")
        == "https://r.bg/(S(y2))/a.aspx"
    )
    assert (
        in_path_state("https://r.bg/other/a.aspx", "/app", "/(S(x1))")
        == "https://r.bg/other/a.aspx"
    )


@pytest.mark.parametrize(
    "url",
    [
        # a script addressing its pages by a word in ``ref`` (a slug, a section)
        "https://x.bg/page.php?ref=kontakti",
        "https://x.bg/news.php?ref=obshtinski-savet",
        # a front controller sending the reader on (no redirector's name to say so)
        "https://x.bg/index.php?redirect=/novini/5",
        "https://x.bg/?return=%2Fnovini%2F5",
    ],
)
def test_a_where_from_field_that_alone_names_the_page_stays(url: str) -> None:
    """Dropped, ``ref`` or a return address would leave a bare script or the site's root,
    every such page one URL (and one article, re-keyed: ``archive.rekey`` merges them):
    where nothing else names the page, the field may be what does, and it stays."""
    assert normalize_url(url) == url


def test_long_addresses_are_not_kept_from_page_to_page() -> None:
    """Addresses are memoized for the links every page repeats; an ``href`` of a
    ``data:`` URI (an editor's image linked to itself) or a long query is not kept, or a
    crawl's memory would grow by each page's for good."""
    site = Profile(id="x", name="X", origin="https://x.bg")

    def pages(first: int) -> None:
        for n in range(first, first + 200):
            assert normalize_url(f"data:image/png;base64,{n:04d}" + "A" * 50_000) is None
            long = f"https://x.bg/novini?id={n:04d}&state=" + "B" * 50_000
            assert on_site(long, site)
            assert article_path(long).startswith(f"/novini?id={n:04d}&state=B")

    tracemalloc.start()
    try:
        pages(0)  # (``urlsplit``'s own cache keeps its last 128: full from here on)
        before = tracemalloc.get_traced_memory()[0]
        pages(200)
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert kept < 2_000_000  # (each page's addresses kept: 200 pages, 40 MB and more)
    assert normalize_url("/novini/1", "https://x.bg/") == "https://x.bg/novini/1"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://x.bg/novini/5?t=1764400000123", "https://x.bg/novini/5"),
        ("https://x.bg/novini?page=2&t=1764400000123", "https://x.bg/novini?page=2"),
        ("https://x.bg/news.php?id=5&_=1764400000123", "https://x.bg/news.php?id=5"),
        ("https://x.bg/news.php?_dc=1764400000&id=5", "https://x.bg/news.php?id=5"),
        ("https://x.bg/novini/5?nocache=1764400000", "https://x.bg/novini/5"),
        # a random fraction, as PHP's mt_rand() / mt_getrandmax() or Math.random() prints it
        ("https://x.bg/statia.php?id=5&rnd=0.48213765213123", "https://x.bg/statia.php?id=5"),
        ("https://x.bg/novini.php?rand=0.8372611&page=2", "https://x.bg/novini.php?page=2"),
        ("https://x.bg/novini/5?random=0.123456789012345678", "https://x.bg/novini/5"),
        # a number that is no moment, or a name that says nothing of caching, stays
        ("https://x.bg/viewtopic.php?t=3", "https://x.bg/viewtopic.php?t=3"),
        ("https://x.bg/news.php?t=17644", "https://x.bg/news.php?t=17644"),
        ("https://x.bg/news.php?id=1764400000123", "https://x.bg/news.php?id=1764400000123"),
        # a fraction under a name that says nothing of chance, or too short to be one
        ("https://x.bg/karta.php?r=0.48213765", "https://x.bg/karta.php?r=0.48213765"),
        ("https://x.bg/news.php?v=0.1234567", "https://x.bg/news.php?v=0.1234567"),
        ("https://x.bg/news.php?rnd=0.5", "https://x.bg/news.php?rnd=0.5"),
    ],
)
def test_a_cache_buster_is_not_part_of_a_url(url: str, expected: str) -> None:
    """A CMS writing the moment it printed a link into it (another on every page it
    renders) links one article under as many addresses as times its list was read."""
    assert normalize_url(url) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://x.bg/Novini.asp?ID=5&cat=2", "http://x.bg/Novini.asp?id=5&cat=2"),
        ("http://x.bg/Novini.aspx?Cat=2&NewsID=5", "http://x.bg/Novini.aspx?cat=2&newsid=5"),
        ("http://x.bg/Handler.ashx?File=Abc", "http://x.bg/Handler.ashx?file=Abc"),  # (values kept)
        # PHP reads $_GET['id'] as spelled: another field
    ],
)
def test_an_iis_pages_field_names_are_one_whatever_their_case(url: str, expected: str) -> None:
    """IIS reads an ASP page's query without regard to the case of its field names: an
    old site's feed linking ``?ID=5`` and its list ``?id=5`` name one article."""
    assert url_key(url) == url_key(expected)
    assert normalize_url(url) == url  # (the site's own spelling, kept)


def test_a_php_scripts_field_names_keep_their_case() -> None:
    """PHP reads ``$_GET['id']`` as spelled: ``?ID=5`` is another field."""
    assert url_key("http://x.bg/news.php?ID=5") != url_key("http://x.bg/news.php?id=5")


@pytest.mark.parametrize(
    "url",
    [
        "https://x.bg/novini/5-zaglavie",  # normal already: not normalized again
        "https://x.bg:8080/a/%D0%AF",
        "https://x.bg:443/a",  # the scheme's own port
        "http://x.bg:80/a",
        "https://x.bg:99999/a",  # no port at all
        "https://x.bg/a/./b",
        "https://x.bg/a/..",
        "https://x.bg/%d0%af",  # an escape in lower case
        "https://x.bg/%41",  # an escape of a letter
        "https://x.bg.",
        "https://x.bg",
        "https://x.bg/a;jsessionid=1",
        "https://x.bg/(S(abc))/a.aspx",
        "https://x.bg/a/index.html",
    ],
)
def test_url_key_of_a_url_in_normal_form_is_its_normal_forms_key(url: str) -> None:
    # ``url_key`` skips normalizing a URL that is in normal form for certain; the same key
    normal = normalize_url(url) or url
    assert url_key(url) == url_key(normal)


@pytest.mark.parametrize(
    ("href", "page", "url"),
    [
        # povtorno's theme: the stored path without its leading slash, on a page under it
        ("novini/1480-kat", "https://x.bg/novini/", "https://x.bg/novini/1480-kat"),
        ("novini/1480-kat", "https://x.bg/novini/1479-most", "https://x.bg/novini/1480-kat"),
        ("novini/?page=3", "https://x.bg/novini/?page=2", "https://x.bg/novini/?page=3"),
        # and on the home page, where the two readings agree
        ("novini/1480-kat", "https://x.bg/", "https://x.bg/novini/1480-kat"),
        # a CMS installed in a folder: what precedes the folders the href repeats
        ("novini/6", "https://x.bg/obshtina/novini/5", "https://x.bg/obshtina/novini/6"),
        # but a year or a month before it is a date's folder, no CMS's: the 10th of
        # October on October's page, the 11th of November on a news list's November
        ("10/dogovor/", "https://x.bg/2026/10/", "https://x.bg/2026/10/10/dogovor/"),
        ("11/byudzhet", "https://x.bg/novini/2026/11/", "https://x.bg/novini/2026/11/11/byudzhet"),
        ("2026/11/11/byudzhet", "https://x.bg/2026/11/", "https://x.bg/2026/11/11/byudzhet"),
        # a Cyrillic folder, escaped in the page's address and raw in the link
        ("новини/6", "https://x.bg/%D0%BD%D0%BE%D0%B2%D0%B8%D0%BD%D0%B8/5",
         "https://x.bg/%D0%BD%D0%BE%D0%B2%D0%B8%D0%BD%D0%B8/6"),
        # links repeating no folder are read as a browser reads them
        ("5-kat", "https://x.bg/novini/", "https://x.bg/novini/5-kat"),
        ("5-kat", "https://x.bg/novini/4-most", "https://x.bg/novini/5-kat"),
        ("../statii/7705.html", "https://x.bg/novini/5", "https://x.bg/statii/7705.html"),
        ("?page=2", "https://x.bg/novini/", "https://x.bg/novini/?page=2"),
        ("/novini/5", "https://x.bg/obshtina/novini/4", "https://x.bg/novini/5"),
        ("./novini/5", "https://x.bg/novini/4", "https://x.bg/novini/novini/5"),
        ("novini-ot-sveta/5", "https://x.bg/novini/", "https://x.bg/novini/novini-ot-sveta/5"),
        # the folder's name alone: a section of its own under it, or the folder itself
        ("novini", "https://x.bg/novini/", "https://x.bg/novini/novini"),
        ("https://x.bg/novini/5", "https://x.bg/novini/", "https://x.bg/novini/5"),
    ],
)  # fmt: skip
def test_a_link_repeating_the_folders_of_its_page_is_read_from_the_root(
    href: str, page: str, url: str
) -> None:
    """povtorno's theme writes ``href="novini/1480-…"`` on every page: read as written on
    ``/novini/`` it names ``/novini/novini/1480-…``, which the site answers 200 with the
    article, and all nine articles were archived there, the list's pages fetched again
    a folder deeper each time."""
    assert normalize_url(from_site_root(href, page), page) == url


def test_a_page_setting_a_base_reads_its_links_as_written() -> None:
    """``""``: the page sets a ``<base href>`` (``anchors.rooted_page``), which its
    links are read against, as a browser reads them."""
    assert from_site_root("novini/5", "") == "novini/5"
    base = "https://x.bg/bg/"
    assert normalize_url(from_site_root("novini/5", ""), base) == "https://x.bg/bg/novini/5"


# Pages of one site (three spellings of where a page may sit), and hrefs read against a
# page's host alone, or not: rooted, absolute, empty-hosted (``//``), holding what
# ``urlsplit`` drops or reads as "/" (a tab, a backslash), relative.
_PAGES = [
    "https://www.x.bg/novini/5-obshtinata?page=2",
    "https://www.x.bg",
    "http://u@x.bg:8080?q=/a/b#f",
    "HTTP://X.bg/A/b/",
    "http://x.bg\t/a/b",
]
_HREFS = [
    "/kontakti", " /novini/../obyavi?utm_source=fb&id=3 ", "/x#!/route/7", "/a;jsessionid=9/b",
    "//cdn.x.bg/f.pdf", "https://y.bg/a/./b", "HTTPS://Y.BG", "//", "///x", "//?x", "//#y",
    "/\\x", "//\\y", "/\t/x", "/a\nb", "http:x", "https:/x", "feed://x.bg/rss", "kontakti",
    "../obyavi", "?page=3", "#top", "", "mailto:a@x.bg", "/?print=1",
]  # fmt: skip


@pytest.mark.parametrize("page", _PAGES)
@pytest.mark.parametrize("href", _HREFS)
def test_a_link_memoized_by_its_pages_host_reads_as_against_the_page(page: str, href: str) -> None:
    from newsarchive.discover import urls

    assert normalize_url(href, page) == urls._normalize_url(href, page)


def test_a_menus_rooted_link_is_normalized_once_for_every_page_linking_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # a menu's 250 links on every page of a walk were normalized again on each: memoized
    # under the page's address, none was ever found there again
    from newsarchive.discover import urls

    calls = counted_normalizations(monkeypatch)
    urls._memo_normalize_url.cache_clear()
    pages = [f"https://www.x.bg/novini/{n}-novina" for n in range(3)] + ["https://www.x.bg/?p=2"]
    for page in pages:
        assert normalize_url("/kontakti", page) == "https://www.x.bg/kontakti"
        assert normalize_url("https://y.bg/a", page) == "https://y.bg/a"
        assert normalize_url("drugi", page) == page.rsplit("/", 1)[0] + "/drugi"
    assert calls.count("/kontakti") == 1
    assert calls.count("https://y.bg/a") == 1
    assert calls.count("drugi") == len(pages)  # (a page-relative link: read on each page)
    assert normalize_url("/kontakti", "https://www.z.bg/novini/1") == "https://www.z.bg/kontakti"
