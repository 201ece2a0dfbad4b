"""Real Bulgarian pages from ../shared/bg-pages (kept outside the repo; skipped when absent).

They check what fixtures written by us cannot: the encodings and markup sites really serve.
"""

from __future__ import annotations

import pytest

from newsarchive.extraction import extract
from newsarchive.fetch.charset import decode_html
from newsarchive.profiles import get_profile

from .support import SHARED

PAGES = SHARED / "bg-pages"
pytestmark = pytest.mark.skipif(not PAGES.is_dir(), reason="../shared/bg-pages is absent")


def _page(folder: str, name: str) -> bytes:
    return (PAGES / folder / name).read_bytes()


@pytest.mark.parametrize(
    "name",
    [
        "govalert_2014__government.bg_novini_listing__cp1251.html",
        "govalert_2014__rdvr-burgas_mvr_novini_listing__cp1251.html",
        "govalert_2014__ar2.government.bg_konkursi_listing__cp1251.html",
    ],
)
def test_real_windows_1251_pages_decode_by_their_meta_charset(name: str) -> None:
    text, encoding = decode_html(_page("other-bg", name))  # no HTTP header given
    assert encoding == "cp1251"
    assert "\ufffd" not in text
    assert any(word in text for word in ("България", "новини", "Новини", "конкурс"))


def test_real_utf8_page_without_any_charset_decodes_as_utf8() -> None:
    name = "govalert_2014__mh.government.bg_novini_listing__no-charset-meta.html"
    text, encoding = decode_html(_page("other-bg", name))
    assert encoding == "utf-8"
    assert "Министерство" in text or "министерство" in text


@pytest.mark.parametrize("profile", ["bta", None])
def test_real_bta_article_skeleton_keeps_body_and_drops_related(profile: str | None) -> None:
    html = _page("bta", "bta_article_1162530__fetch_util_REDUCED_v1_fc20b59.html")
    article = extract(
        html,
        "https://www.bta.bg/bg/news/economy/1162530-x",
        profile=get_profile(profile) if profile else None,
    )
    assert article.title.startswith("Световните инвестиции нарастват с 6 на сто")
    assert "Преките чуждестранни инвестиции" in article.text
    assert "СВЪРЗАНИ НОВИНИ" not in article.text
    assert "unctad.org/press-material" not in article.text
    assert len(article.text.split("\n")) == 4
    assert article.canonical_url is not None and "1162530" in article.canonical_url
