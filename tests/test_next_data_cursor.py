"""A Next.js list rendered per request whose "Зареди още" is a ``<button>``: its next
page is named only by ``__NEXT_DATA__``'s ``nextCursor`` (kavak), asked as the page's
address with ``?cursor=<token>``."""

from __future__ import annotations

import json

import pytest

from newsarchive.discover.next_pages import find_next_link
from newsarchive.models import Profile

SITE = Profile(id="x", name="x", origin="https://www.x.bg", hosts=("www.x.bg",))


def _page(props: dict[str, object], gssp: bool = True) -> str:
    data: dict[str, object] = {"props": {"pageProps": props}, "page": "/novini", "query": {}}
    if gssp:
        data["gssp"] = True
    blob = json.dumps(data, ensure_ascii=False)
    return (
        '<html><body><div id="__next"><h1>Новини</h1><button type="button">Зареди още</button>'
        f'</div><script id="__NEXT_DATA__" type="application/json">{blob}</script></body></html>'
    )


@pytest.mark.parametrize(
    ("url", "props", "wanted"),
    [
        ("/novini", {"posts": [], "nextCursor": "eyJpZCI6OTAzfQ"}, "/novini?cursor=eyJpZCI6OTAzfQ"),
        # a later page: its own token replaces the one asked, other fields kept
        ("/novini?kat=2&cursor=AAA", {"next_cursor": "BBB"}, "/novini?kat=2&cursor=BBB"),
        ("/novini", {"nextPage": 2}, "/novini?page=2"),
        # an address stated outright
        ("/novini", {"nextPage": "/novini?page=2"}, "/novini?page=2"),
        # the last page
        ("/novini?cursor=AAA", {"posts": [], "nextCursor": None}, None),
        # no next page named
        ("/novini", {"posts": [], "cursor": "AAA"}, None),
    ],
)  # fmt: skip
def test_the_next_page_of_a_next_js_list_by_its_cursor(
    url: str, props: dict[str, object], wanted: str | None
) -> None:
    found = find_next_link(_page(props), "https://www.x.bg" + url, SITE, 1)
    assert found == (wanted and "https://www.x.bg" + wanted)


def test_a_page_built_once_ignores_the_query_so_names_no_next_page() -> None:
    html = _page({"nextCursor": "AAA"}, gssp=False)
    assert find_next_link(html, "https://www.x.bg/novini", SITE, 1) is None
