"""URL helpers: normalising, matching a profile, and mapping to and from a mirror."""

from __future__ import annotations

import pytest

from newsarchive.discover.urls import (
    absolute,
    canonical_host,
    from_mirror,
    is_article_url,
    mirror_map,
    normalize_url,
    on_site,
)
from newsarchive.profiles import get_profile


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
    ],
)
def test_normalize_url(url: str, base: str | None, expected: str | None) -> None:
    assert normalize_url(url, base) == expected


def test_alias_hosts_become_the_origin_host() -> None:
    nsorb = get_profile("nsorb")
    assert on_site("https://namrb.org/bg/aktualno", nsorb)
    assert canonical_host("https://namrb.org/bg/aktualno/a-1?x=1", nsorb) == (
        "https://www.namrb.org/bg/aktualno/a-1?x=1"
    )
    assert canonical_host("https://other.bg/a", nsorb) == "https://other.bg/a"
    assert absolute(nsorb, "/bg/aktualno") == "https://www.namrb.org/bg/aktualno"
    assert absolute(nsorb, "https://namrb.org/x") == "https://namrb.org/x"


def test_article_pattern_sees_the_query() -> None:
    import dataclasses

    profile = dataclasses.replace(get_profile("nsorb"), article_pattern=r"^/view\?id=\d+$")
    assert is_article_url("https://www.namrb.org/view?id=12", profile)
    assert not is_article_url("https://www.namrb.org/view?id=x", profile)
    assert not is_article_url("https://elsewhere.bg/view?id=12", profile)


def test_mirror_round_trip() -> None:
    ruse24 = get_profile("ruse24")
    to_mirror = mirror_map(ruse24, "http://127.0.0.1:8000/")
    assert to_mirror("https://ruse24.bg/rss.php?cat=1") == "http://127.0.0.1:8000/rss.php?cat=1"
    assert to_mirror("https://i.id24.bg/i/1.webp") == "https://i.id24.bg/i/1.webp"
    assert from_mirror(ruse24, "http://127.0.0.1:8000", "http://127.0.0.1:8000/novini/a-1") == (
        "https://www.ruse24.bg/novini/a-1"
    )
    assert mirror_map(ruse24, None)("https://www.ruse24.bg/") == "https://www.ruse24.bg/"


def test_mirror_under_a_path_prefix() -> None:
    to_mirror = mirror_map(get_profile("bta"), "http://127.0.0.1:8000/bta")
    assert to_mirror("https://www.bta.bg/bg/news/bulgaria?p=2") == (
        "http://127.0.0.1:8000/bta/bg/news/bulgaria?p=2"
    )


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
