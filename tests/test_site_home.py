"""``listings.is_site_home``: whether the page a domain's root answers with is the site's
home, or a lapsed domain parked by a reseller (which answers 200 too). Each branch on a
page written for it: the site's name where the page names its site, else three article
links below the root on its own host."""

from __future__ import annotations

from newsarchive.discover.listings import is_site_home
from newsarchive.models import Profile

SITE = Profile(id="pch", name="Община Пчелино", origin="https://www.pchelino.bg", hosts=())
HOME = "https://www.pchelino.bg/"


def _page(head: str, body: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def _links(*hrefs: str) -> str:
    return "".join(f'<a href="{href}">Ремонт на улица {n}</a>' for n, href in enumerate(hrefs))


def test_the_sites_name_in_its_title_or_og_site_name_makes_it_home() -> None:
    assert is_site_home(_page("<title>Начало | Община  ПЧЕЛИНО</title>"), HOME, SITE)
    og = '<meta property="og:site_name" content="Община Пчелино"><title>Начало</title>'
    assert is_site_home(_page(og), HOME, SITE)
    assert not is_site_home(_page("<title>Община Лозница</title>"), HOME, SITE)


def test_without_its_name_three_article_links_on_its_own_host_make_it_home() -> None:
    paths = [f"/novini/10{n}-remont-na-ulitsata" for n in range(4)]
    three = _links(paths[0], paths[1], f"https://www.pchelino.bg{paths[2]}")
    assert is_site_home(_page("<title>Начало</title>", three), HOME, SITE)
    # two are not enough, and the same article twice is one
    two = _links(paths[0], paths[1], paths[1])
    assert not is_site_home(_page("<title>Начало</title>", two), HOME, SITE)
    # another of the site's hosts is not the page's own: a domain the site left, parked,
    # may still link the articles where the site lives now
    moved = Profile(
        id="pch", name="Община Пчелино", origin="https://www.pchelino.bg",
        hosts=("www.pchelino.bg", "novini.pchelino.bg"),
    )  # fmt: skip
    elsewhere = _links(*(f"https://novini.pchelino.bg{path}" for path in paths))
    assert not is_site_home(_page("<title>Начало</title>", elsewhere), HOME, moved)


def test_a_parked_domain_answering_200_is_not_the_sites_home() -> None:
    """A reseller's page on the lapsed domain: its title says the domain (which is all a
    bare profile's name is), its links are related searches on the root path."""
    bare = Profile(id="pch", name="pchelino.bg", origin="https://www.pchelino.bg", hosts=())
    searches = _links(*(f"/?search=cheap+hotels+{n}&id={n}5" for n in range(6)))
    parked = _page("<title>pchelino.bg - this domain is for sale</title>", searches)
    assert not is_site_home(parked, HOME, bare)
    assert not is_site_home(parked, HOME, SITE)
