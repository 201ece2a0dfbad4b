"""A further address of an article the run archived is not fetched, where the site showed
in this run that addresses of that form lead to one article (``AddressFamilies``): a
Joomla module's ``task=view`` link beside the blog's ``view=article`` one, a second
category's path beside the first's. Before, each such address was fetched, to find the
same page (the store's same-content rule or the canonical settled it after the fetch).

The sites are written here, in our words, in the shapes the probe's Joomla 1.5 and
WordPress sites had."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from newsarchive.discover.address_families import AddressFamilies, family_of

from .pageserver import answering
from .support import Result

HTML = {"Content-Type": "text/html; charset=utf-8"}
GONE = "<html><body><h1>Няма такава страница</h1></body></html>"
Cli = Callable[..., Result]


def _profile(tmp_path: Path, site: str, origin: str, starts: list[str]) -> Path:
    profile = tmp_path / f"{site}.toml"
    listed = ", ".join(f'"{s}"' for s in starts)
    profile.write_text(
        f'id = "{site}"\nname = "Тест"\norigin = "{origin}"\n\n'
        f"[discovery]\nstart_urls = [{listed}]\n",
        encoding="utf-8",
    )
    return profile


def _urls(db: Path) -> list[str]:
    with closing(sqlite3.connect(db)) as conn:
        return sorted(row[0] for row in conn.execute("SELECT url FROM articles"))


# --- a Joomla 1.5 site whose "Най-четени" module links articles by Joomla 1.0's task=view

JOOMLA = "https://www.selo-bistritsa.bg"
JOOMLA_NEWS = {
    401: ("Читалището събира книги за новата си библиотека", "2026-11-30"),
    402: ("Кметството ремонтира моста над Бистришката река", "2026-11-28"),
    403: ("Децата от селото засадиха липи край училището", "2026-11-26"),
    404: ("Нов автобус ще кара хората до общинския център", "2026-11-24"),
    405: ("Пенсионерският клуб празнува двадесет години", "2026-11-22"),
    406: ("Събрание за водопровода в горната махала", "2026-11-20"),
}
POPULAR = (402, 404, 405)  # the module's, linked before the blog's list on every page


def _joomla_link(number: int, *, module: bool) -> str:
    if module:
        return f"/index.php?option=com_content&amp;task=view&amp;id={number}&amp;Itemid=7"
    return (
        f"/index.php?option=com_content&amp;view=article&amp;id={number}:novina"
        "&amp;catid=3&amp;Itemid=12"
    )


def _joomla_page(title: str, main: str) -> str:
    popular = "".join(
        f'<li><a href="{_joomla_link(n, module=True)}">{JOOMLA_NEWS[n][0]}</a></li>'
        for n in POPULAR
    )
    return (
        '<!DOCTYPE html><html lang="bg"><head><meta charset="utf-8">'
        f'<title>{title}</title></head><body><div id="left"><ul class="menu">'
        '<li><a href="/">Начало</a></li><li><a href="/index.php?option=com_content&amp;'
        'view=category&amp;id=3&amp;Itemid=12">Новини</a></li></ul><div class="moduletable">'
        f'<h3>Най-четени</h3><ul class="mostread">{popular}</ul></div></div>'
        f'<div id="main">{main}</div></body></html>'
    )


def _joomla(url: str) -> tuple[int, dict[str, str], str]:
    parts = urlsplit(url)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    if parts.path == "/robots.txt":
        return 200, {"Content-Type": "text/plain"}, "User-agent: *\nDisallow:\n"
    if parts.path not in ("/", "/index.php"):
        return 404, HTML, GONE
    if query.get("view") == "category":
        start = int(query.get("limitstart", "0"))
        shown = list(JOOMLA_NEWS.items())[start : start + 3]
        rows = "".join(
            f'<div class="blogitem"><h2 class="contentheading"><a href="'
            f'{_joomla_link(n, module=False)}">{head}</a></h2><span class="createdate">'
            f"{dt.date.fromisoformat(day):%d.%m.%Y}</span></div>"
            for n, (head, day) in shown
        )
        more = start + 3 < len(JOOMLA_NEWS)
        pager = (
            '<div class="pagination"><a href="/index.php?option=com_content&amp;view=category'
            f'&amp;id=3&amp;Itemid=12&amp;limitstart={start + 3}">Следваща</a></div>'
        )
        return 200, HTML, _joomla_page("Новини", f"<h1>Новини</h1>{rows}{pager if more else ''}")
    if query.get("view") == "article" or query.get("task") == "view":
        number = int(query.get("id", "0").split(":")[0])
        if number in JOOMLA_NEWS:
            head, day = JOOMLA_NEWS[number]
            body = (
                f"<p>{head}: така съобщиха от кметството в петък. Работата ще продължи"
                " до края на месеца, а жителите са поканени да помогнат.</p>"
                "<p>Кметът благодари на всички, които дариха средства и време.</p>"
            )
            main = (
                f'<h2 class="contentheading">{head}</h2><span class="createdate">'
                f"{dt.date.fromisoformat(day):%d.%m.%Y}</span>{body}"
            )
            return 200, HTML, _joomla_page(head, main)
        return 404, HTML, GONE
    return 200, HTML, _joomla_page("Начало", "<p>Добре дошли в Бистрица.</p>")


def test_a_joomla_articles_module_address_is_fetched_once_the_site_showed_its_form(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    """The module links three articles by ``task=view`` (fetched first, standing first),
    the blog all six by ``view=article``, three a page. The first of the module's met
    again on the blog's page 1 is fetched and found the same page: the two forms are
    one article's, so page 2's links to the other two are not asked (seven requests for
    the articles, nine before). Each article archived once; the skipped addresses lead
    to it, and a second run asks none of them."""
    blog = "/index.php?option=com_content&view=category&id=3&Itemid=12"
    profile = _profile(tmp_path, "bistritsa", JOOMLA, [blog])
    with answering(_joomla) as (url, asked):
        args = ("crawl", "bistritsa", "--profile", str(profile), "--base-url", url)
        crawled = run_cli(*args, "--delay", "0", "--db", str(db))
        assert crawled.exit_code == 0, crawled.stderr
        articles = [a for a in asked if "id=" in a and "view=category" not in a]
        again = len(asked)
        second = run_cli(*args, "--delay", "0", "--db", str(db))
        assert second.exit_code == 0, second.stderr
        later = asked[again:]
    assert len(_urls(db)) == len(JOOMLA_NEWS), _urls(db)
    blog_asked = [a for a in articles if "view=article" in a]
    assert len(articles) == len(POPULAR) + len(JOOMLA_NEWS) - 2, articles
    assert [a for a in blog_asked if "id=404" in a or "id=405" in a] == [], blog_asked
    assert not [a for a in later if "id=" in a and "view=category" not in a], later
    for number in (404, 405):
        skipped = f"{JOOMLA}/index.php?option=com_content&view=article&id={number}:novina"
        shown = run_cli("show", f"{skipped}&catid=3&Itemid=12", "--db", str(db))
        assert shown.exit_code == 0, shown.stderr
        assert JOOMLA_NEWS[number][0] in shown.stdout


# --- a WordPress site whose category lists link their posts under their own path


WP = "https://pirin-vesti.bg"
WP_NEWS = {  # slug: (headline, its own category, the second it is listed in too)
    "remont-na-ploshtada": ("Ремонтът на площада започва в понеделник", "obshtina", ""),
    "koncert-v-parka": ("Концерт на духовия оркестър в градския парк", "obshtina", "kultura"),
    "teatralen-festival": ("Театралният фестивал събра трупи от цялата страна", "kultura", ""),
    "nova-detska-gradina": ("Нова детска градина отваря врати в квартала", "obshtina", ""),
    "izlozhba-na-ikoni": ("Изложба на стари икони в историческия музей", "obshtina", "kultura"),
    "den-na-hristiyanskoto-semeystvo": (
        "Общината отбелязва Деня на християнското семейство", "obshtina", "kultura"
    ),
}  # fmt: skip


def _wp_page(title: str, main: str, canonical: str = "") -> str:
    link = f'<link rel="canonical" href="{WP}{canonical}">' if canonical else ""
    return (
        f'<!DOCTYPE html><html lang="bg-BG"><head><meta charset="UTF-8"><title>{title}'
        f'</title>{link}</head><body><header><a href="/">Пирин вести</a><nav><ul>'
        '<li><a href="/obshtina/">Община</a></li><li><a href="/kultura/">Култура</a></li>'
        f"</ul></nav></header><main>{main}</main></body></html>"
    )


def _wp(url: str) -> tuple[int, dict[str, str], str]:
    path = urlsplit(url).path
    if path == "/robots.txt":
        return 200, {"Content-Type": "text/plain"}, "User-agent: *\nDisallow:\n"
    parts = [p for p in path.split("/") if p]
    days = {
        slug: dt.date(2026, 11, 30) - dt.timedelta(days=2 * n) for n, slug in enumerate(WP_NEWS)
    }
    paged = len(parts) == 3 and parts[1] == "page" and parts[2].isdigit()
    if (len(parts) == 1 or paged) and parts[0] in ("obshtina", "kultura"):
        here, number = parts[0], int(parts[2]) if paged else 1
        listed = [slug for slug, (_, own, second) in WP_NEWS.items() if here in (own, second)]
        shown = listed[(number - 1) * 2 : number * 2]
        if not shown:
            return 404, HTML, GONE
        cards = "".join(
            f'<article class="post"><h2 class="entry-title"><a href="/{here}/{slug}/">'
            f'{WP_NEWS[slug][0]}</a></h2><time datetime="{days[slug]}">{days[slug]:%d.%m.%Y}'
            "</time></article>"
            for slug in shown
        )
        pager = f'<a class="next page-numbers" href="/{here}/page/{number + 1}/">Следваща</a>'
        more = number * 2 < len(listed)
        return 200, HTML, _wp_page(here, f"<h1>{here}</h1>{cards}{pager if more else ''}")
    if len(parts) == 2 and parts[1] in WP_NEWS:
        head, own, second = WP_NEWS[parts[1]]
        if parts[0] in (own, second):
            main = (
                f'<article><h1 class="entry-title">{head}</h1><time datetime="'
                f'{days[parts[1]]}">{days[parts[1]]:%d.%m.%Y}</time><div class="entry-content">'
                f"<p>{head}. Подробностите съобщи пресцентърът на общината.</p><p>Входът е"
                " свободен, а организаторите канят всички жители и гости.</p></div></article>"
            )
            return 200, HTML, _wp_page(head, main, f"/{own}/{parts[1]}/")
    return 404, HTML, GONE


def test_a_second_categorys_address_is_fetched_once_its_canonical_showed_the_form(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    """ "Община" lists five posts under its path, "Култура" three of them again under its
    own (one on its page 1, two on page 2), each page naming the first as canonical.
    The first of those read at the second address shows a category's segment names no
    article: page 2's two are not asked (one request for the three, three before)."""
    profile = _profile(tmp_path, "pirinvesti", WP, ["/obshtina/", "/kultura/"])
    with answering(_wp) as (url, asked):
        args = ("crawl", "pirinvesti", "--profile", str(profile), "--base-url", url)
        crawled = run_cli(*args, "--delay", "0", "--db", str(db))
        assert crawled.exit_code == 0, crawled.stderr
    second = [a for a in asked if a.startswith(f"{WP}/kultura/") and "/page/" not in a]
    second = [a for a in second if a != f"{WP}/kultura/"]
    shared = [s for s, (_, own, other) in WP_NEWS.items() if other == "kultura"]
    assert len(second) == 2, second  # the first shared post, and the category's own
    assert f"{WP}/kultura/teatralen-festival/" in second
    assert sorted(_urls(db)) == sorted(f"{WP}/{own}/{s}/" for s, (_, own, _o) in WP_NEWS.items())
    for slug in shared:
        shown = run_cli("show", f"{WP}/kultura/{slug}/", "--db", str(db))
        assert shown.exit_code == 0, shown.stderr


# --- the rule alone: what a pair of addresses teaches, and what refutes it


def test_a_pair_teaches_the_form_that_told_it_apart_and_no_more() -> None:
    module = "j.bg/index.php?id=7&option=com_content&task=view"
    blog = "j.bg/index.php?id=7&option=com_content&view=article"
    family = family_of(module, blog)
    assert family is not None
    assert family.member("j.bg/index.php?id=9&option=com_content&task=view") is not None
    assert family.member("j.bg/index.php?id=9&option=com_content&view=category") is None
    assert family.member("j.bg/index.php?id=9&layout=x&option=com_content&task=view") is None
    # nothing numbered shared: no article named by both
    assert family_of("j.bg/news.php?cat=a&x=1", "j.bg/news.php?cat=a&x=2") is None
    # a date's segment, a number for a slug: two such may be two articles
    assert family_of("s.bg/2026/11/ploshtad-nov/", "s.bg/2026/12/ploshtad-nov/") is None
    assert family_of("s.bg/sport/15/", "s.bg/kultura/15/") is None


def test_a_form_two_of_the_runs_articles_share_a_member_of_is_dropped() -> None:
    families = AddressFamilies()
    families.read(1, ["s.bg/kultura/remont-na-pat/", "s.bg/novini/remont-na-pat/"], "u1")
    assert families.known("s.bg/sport/remont-na-pat/") == "u1"
    # the run then archives two articles at one slug under two categories: refuted
    families.read(2, ["s.bg/novini/sabor-v-seloto/"], "u2")
    families.read(3, ["s.bg/sport/sabor-v-seloto/"], "u3")
    assert families.known("s.bg/sport/remont-na-pat/") is None
    assert families.known("s.bg/kultura/sabor-v-seloto/") is None
