"""A hundred-and-seventh round of site shapes: EU-FUNDED PROJECT NEWS beside a body's own,
crawled from the origin alone (a profile of id, name and origin) through a real
``MirrorServer``, as ``test_round97_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round107.py``): a municipality on WordPress
whose "Проекти" pages (code, budget, PDFs, the programme's disclaimer) link the project's
press releases, ordinary posts at ``/novini/<slug>/`` (belovitsa: the releases are news,
the project pages are not); a municipality whose project keeps a microsite on
``proekt-energia.ravnopole.bg``, linked from a banner of EU logos (ravnopole: the
microsite is another site of the same owner and is never asked); an association's
Drupal site whose theme ships "Submitted by … on Fri, 11/27/2026 - 10:05" (zelenmost);
a school whose Erasmus+ blog lives in ``/erasmus/`` dated "November 27, 2026"
(ouvasilkovo). Each must archive exactly its articles with the true title, date, author
and body, once each.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.extraction import extract

from .mirror_sites import bare_crawl_twice, check_bare_crawl, mirror_crawls
from .support import SITES, Result

ROUND107_SITES = {
    "belovitsa": ("Община Беловица", "https://www.belovitsa.bg"),
    "ravnopole": ("Община Равнополе", "https://www.ravnopole.bg"),
    "zelenmost": ("Сдружение „Зелен мост“", "https://zelenmost.org"),
    "ouvasilkovo": ("ОУ „Христо Ботев“ – с. Василково", "https://www.ou-vasilkovo.com"),
}


@pytest.mark.parametrize("site", sorted(ROUND107_SITES))
def test_a_round107_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND107_SITES[site])


@pytest.mark.parametrize("site", sorted(ROUND107_SITES))
def test_a_round107_crawl_asks_no_project_page_pdf_or_second_address(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    """A project's description, its activities and partners are records, no news; its
    PDFs are never asked; Drupal's ``/node/<nid>`` and WordPress's ``/?p=<id>`` are the
    same articles again."""
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND107_SITES[site])
    assert not [p for p in first if p.split("?")[0].endswith(".pdf")], first
    assert not [p for p in first if p.startswith(("/node/", "/?p="))], first


def test_a_projects_microsite_on_a_host_of_its_own_is_not_crawled_with_the_municipality(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """ravnopole: the home's banner of EU logos and "Проекти" link
    ``https://proekt-energia.ravnopole.bg/``, a host under the municipality's domain
    with its own "Новини". The microsite is another site of the same owner (its own
    name, menu and lifetime, a link naming a project, not news): never asked."""
    with mirror_crawls(run_cli, db, tmp_path, "ravnopole", *ROUND107_SITES["ravnopole"]) as m:
        m.crawl()
        assert set(m.server.hosts) == {"www.ravnopole.bg"}, m.server.hosts


def test_a_page_footers_funding_notice_never_replaces_a_short_article() -> None:
    """zelenmost: a news item of two short paragraphs under a footer whose EU funding
    notice, on every page of the project's site, is longer than the whole article. The
    footer was spared as if it were the article's wrapper (it held "most of the prose")
    and its notice became the text (before: 1 of 8 articles' text was the notice)."""
    page = (SITES / "zelenmost/novini/folklorna-sreshta.html").read_text(encoding="utf-8")
    got = extract(page, "https://zelenmost.org/novini/folklorna-sreshta")
    assert got.text.startswith("Певчески групи"), got.text
    assert "финансовата подкрепа" not in got.text


def test_a_project_pages_disclaimer_is_no_part_of_its_press_release() -> None:
    """belovitsa: a release carries the EU logos, a link to its project and the
    programme's disclaimer; the text is the release's own paragraphs."""
    page = (SITES / "belovitsa/novini/zaklyuchitelna-preskonferentsiya/index.html").read_text(
        encoding="utf-8"
    )
    got = extract(page, "https://www.belovitsa.bg/novini/zaklyuchitelna-preskonferentsiya/")
    assert got.text.startswith("С пресконференция в обновената зала"), got.text
    assert "Този документ е създаден" not in got.text
