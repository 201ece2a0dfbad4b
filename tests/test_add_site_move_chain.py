"""A site that moved to another domain in two hops: ``http://www.yakoruda-bg.eu/…`` sends
every path for good to ``http://yakoruda.bg/…``, which sends it on to
``https://yakoruda.bg/…``. add-site proposed ``origin = 'http://yakoruda.bg'``, "redirect
here for good": the chain's middle, each crawl paying a redirect more per request. The
origin proposed is where the chain ends (``client.Fetcher._moved_on``).

Served by one local server standing in for every host and scheme
(``pageserver.answering``), the site in the shape of ``pageserver.municipal_page``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from urllib.parse import urlsplit

from .pageserver import Answer, answering, municipal_notices, municipal_page
from .support import Result

OLD, NEW = "www.yakoruda-bg.eu", "yakoruda.bg"
SITE = "Община Якоруда"
NOTICES = {
    28: "Ремонт на водопровода в село Бунцево",
    25: "Прием на документи за социални помощи",
    21: "Затворена улица в центъра на града",
    18: "Среща с жителите на квартал „Запад“",
}


def _answer(url: str) -> Answer:
    parts = urlsplit(url)
    rest = url.removeprefix(f"{parts.scheme}://{parts.netloc}")
    if parts.hostname == OLD:
        return 301, {"Location": f"http://{NEW}{rest}"}, ""
    if parts.scheme == "http":
        return 301, {"Location": f"https://{NEW}{rest}"}, ""
    if rest == "/robots.txt":
        return 200, {"Content-Type": "text/plain"}, "User-agent: *\nDisallow:\n"
    if rest == "/":
        return (
            200,
            {},
            municipal_page(SITE, SITE, '<h1>Добре дошли</h1><a href="/obyavi">Обяви</a>'),
        )
    found = municipal_notices(rest, SITE, NOTICES)
    return found if found is not None else (404, {}, "<h1>Няма такава страница</h1>")


def test_add_site_proposes_where_a_chain_of_moves_ends(run_cli: Callable[..., Result]) -> None:
    """Typed at the old domain: the origin proposed is ``https://yakoruda.bg``."""
    with answering(_answer) as (url, _asked):
        proposed = run_cli("add-site", f"http://{OLD}", "--base-url", url, "--delay", "0")
    assert proposed.exit_code == 0, proposed.stderr
    profile = tomllib.loads(proposed.stdout)
    assert profile["origin"] == f"https://{NEW}"
    assert f"moved from http://{OLD}" in proposed.stdout
