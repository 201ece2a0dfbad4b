"""A profile's guessed selector that matches a plausible WRONG element: a part of the text,
a neighbour of it, the logo's heading, a change's stamp. Each page is in its profiled
site's markup (as the mirrors under tests/fixtures/sites), written for these tests. The
guess's answer is checked against the generic rules' one (``extraction.profile_check``):
where they disagree so, the generic answer is kept and the drift recorded; a field the
profile marks as verified, and a guess the generic rules agree with, stay the profile's.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from newsarchive.errors import ProfileError
from newsarchive.extraction.pipeline import extract
from newsarchive.mirror import MirrorServer
from newsarchive.models import Article
from newsarchive.profiles import get_profile
from newsarchive.profiles.loader import parse_profile

from .support import SITES, Result

_LEAD = (
    "Общинският съвет в Русе одобри на извънредна сесия заема за ремонта на"
    " Дунавския парк, който ще започне още тази есен."
)
_REST = [
    "Сумата от два милиона лева ще бъде изплатена за десет години, а първата вноска"
    " се предвижда за пролетта на следващата година.",
    "Проектът включва нови алеи, осветление и детска площадка край брега, както и"
    " обновяване на фонтана пред Доходното здание.",
    "Опозицията поиска обществено обсъждане на плана, но предложението й не събра"
    " нужното мнозинство и бе отхвърлено.",
]
_WHOLE = "\n".join([_LEAD, *_REST])
_RUSE24_TITLE = "Съветниците одобриха заема за Дунавския парк"


def _ruse24(inside: str, *, header: str = "", date: str = "16:12 / 20.11.2025") -> str:
    """A ruse24 article page (the mirror's markup) holding ``inside`` in its news box."""
    return f"""<!DOCTYPE html>
<html lang="bg"><head><meta charset="utf-8">
<title>{_RUSE24_TITLE} - Ruse24.bg</title>
<meta property="og:site_name" content="Ruse24.bg">
<meta property="og:title" content="{_RUSE24_TITLE} - Ruse24.bg">
</head><body>
<div class="topbar">{header}</div>
<nav class="mainmenu"><a href="/">Начало</a> <a href="/novini/ruse">Русе</a>
<a href="/novini/Bylgaria">България</a> <a href="/sport">Спортни</a></nav>
<div class="news-wrap">
{inside}
</div>
<div class="comments-box"><p>Все още няма коментари към тази новина.</p></div>
<footer><p>© 2008 - 2025 Ruse24.bg. Всички права запазени.</p></footer>
</body></html>"""


def _heading_and_date(date: str = "16:12 / 20.11.2025") -> str:
    return (
        f'<h1 class="zaglavie">{_RUSE24_TITLE}</h1>\n'
        f'<div class="published-time">{date}</div>\n'
        '<div class="author-line">Автор: Мария Колева</div>'
    )


def _paragraphs(lines: list[str]) -> str:
    return "".join(f"<p>{line}</p>" for line in lines)


# The lead alone in the guessed ``section.news-lead-text .article-text``, the rest of the
# text in a sibling box the guess does not name.
_RUSE24_LEAD_ONLY = _ruse24(
    _heading_and_date()
    + f"""
<section class="news-lead-text">
  <div class="article-text"><p>{_LEAD}</p></div>
  <div class="news-body">{_paragraphs(_REST)}</div>
</section>"""
)
_RUSE24_URL = "https://www.ruse24.bg/novini/ruse/Sävetnitsite-odobriha-zaema-2833001"


def _ruse24_article(html: str, verified: tuple[str, ...] = ()) -> Article:
    profile = replace(get_profile("ruse24"), verified_fields=verified)
    return extract(html, _RUSE24_URL, profile=profile)


def _drift(article: Article) -> list[str]:
    return article.rules.get("drift", "").split(",")


def test_a_body_guess_matching_the_lead_only_gives_way_to_the_whole_text() -> None:
    article = _ruse24_article(_RUSE24_LEAD_ONLY)
    assert article.text == _WHOLE
    assert article.rules["text"] == "generic:drift:part"
    assert "text" in _drift(article)


def test_a_verified_body_selector_is_taken_as_it_is() -> None:
    article = _ruse24_article(_RUSE24_LEAD_ONLY, verified=("body",))
    assert article.text == _LEAD
    assert article.rules["text"] == "profile:section.news-lead-text .article-text"
    assert "text" not in _drift(article)


def test_a_body_guess_the_generic_text_agrees_with_stays_the_profiles() -> None:
    """A caption or a standfirst more in the generic text is no second half."""
    html = _ruse24(
        _heading_and_date()
        + f"""
<section class="news-lead-text">
  <div class="article-text">{_paragraphs([_LEAD, *_REST])}</div>
</section>"""
    )
    article = _ruse24_article(html)
    assert article.text == _WHOLE
    assert article.rules["text"] == "profile:section.news-lead-text .article-text"
    assert "drift" not in article.rules


_RUSE_BG_TITLE = "Започва подмяната на уличното осветление в Средна кула"


def _ruse_bg(body: str, *, date: str = "понеделник, 17 ноември 2025") -> str:
    """An obshtinaruse.bg news page as the mirror's (``.news-single__*``)."""
    return f"""<!DOCTYPE html>
<html lang="bg"><head><meta charset="utf-8">
<title>{_RUSE_BG_TITLE} | Община Русе</title>
<meta property="og:title" content="{_RUSE_BG_TITLE}">
</head><body>
<header><a href="/">Община Русе</a>
<nav><a href="/novini">Новини</a> <a href="/administratsiya">Администрация</a></nav></header>
<main><article class="news-single">
<h1 class="news-single__title">{_RUSE_BG_TITLE}</h1>
<div class="news-single__date">{date}</div>
{body}
</article></main>
<footer><p>Община Русе, пл. „Свобода“ 6</p></footer>
</body></html>"""


_LIGHTS = [
    "От понеделник екипи на общинското предприятие започват да сменят старите лампи"
    " по улиците на квартал Средна кула с нови светодиодни тела.",
    "Работата ще върви улица по улица и ще отнеме около месец, а за кратко някои"
    " участъци ще остават без осветление вечер.",
    "Новите тела ще харчат наполовина по-малко ток и ще светят по-ярко, съобщиха от"
    " дирекция „Инфраструктура“ на общината.",
    "Жителите могат да сигнализират за изгорели лампи на телефона на общината или"
    " чрез приложението за нередности.",
    "Следващият квартал, в който ще бъде сменено осветлението, е Възраждане, където"
    " работата трябва да започне през пролетта.",
]


def test_a_body_guess_matching_the_first_of_three_blocks_gives_way() -> None:
    """``.news-single__body`` names each of three blocks a photo and an ad split apart:
    the first one alone is a plausible text, a third of the article."""
    body = (
        f'<div class="news-single__body">{_paragraphs(_LIGHTS[:2])}</div>'
        '<figure><img src="/media/lampi.jpg" alt=""><figcaption>Снимка: Община Русе'
        "</figcaption></figure>"
        f'<div class="news-single__body">{_paragraphs(_LIGHTS[2:4])}</div>'
        '<div class="banner-box"><a href="/reklama">Реклама</a></div>'
        f'<div class="news-single__body">{_paragraphs(_LIGHTS[4:])}</div>'
    )
    article = extract(
        _ruse_bg(body),
        "https://www.obshtinaruse.bg/zapochva-podmyanata-na-ulichnoto-osvetlenie",
        profile=get_profile("ruse-bg"),
    )
    assert article.text == "\n".join(_LIGHTS)
    assert article.rules["text"] == "generic:drift:part"
    assert "text" in _drift(article)


_NSORB_TITLE = "Кметовете обсъдиха бюджетите на общините за 2026 година"
_NSORB_TEXT = [
    "На среща в София кметовете на общините обсъдиха с финансовия министър проекта на"
    " държавния бюджет и средствата за делегираните дейности.",
    "Сдружението настоя заплатите в детските градини и в социалните услуги да растат"
    " наравно с тези в училищата от началото на годината.",
    "Министърът пое ангажимент до края на месеца да бъде представен разчет на разходите"
    " за зимното поддържане на общинските пътища.",
]
_TEASERS = [
    "Обучение за експертите по обществени поръчки ще се проведе в Пловдив в края на"
    " ноември, съобщиха организаторите.",
    "Общините в Северозападна България получиха допълнителни средства за ремонт на"
    " училищни сгради и детски градини.",
]


def _nsorb(inside: str, *, heading: str = "") -> str:
    return f"""<!DOCTYPE html>
<html lang="bg"><head><meta charset="utf-8">
<title>{_NSORB_TITLE} - НСОРБ</title>
<meta property="og:site_name" content="НСОРБ">
<meta property="og:title" content="{_NSORB_TITLE}">
</head><body>
<div class="top-nav"><a href="/bg">Начало</a> <a href="/bg/aktualno">Актуално</a></div>
<div class="container">
{heading}
{inside}
</div>
<div class="bottom"><p>© 2025 НСОРБ. Всички права запазени.</p></div>
</body></html>"""


_NSORB_URL = "https://www.namrb.org/bg/aktualno/kmetovete-obsadiha-byudzhetite-5140"


def test_a_body_guess_matching_a_box_of_prose_teasers_gives_way() -> None:
    """``.news-text`` names the latest-news box's prose teasers, above the article, whose
    own text sits in a box the guess does not name."""
    latest = (
        '<aside class="latest"><h3>Последни новини</h3>'
        f'<div class="news-text">{_paragraphs(_TEASERS)}</div></aside>'
    )
    own = (
        f'<div class="news-inner"><h1 class="news-title">{_NSORB_TITLE}</h1>'
        '<div class="news-date">18.11.2025</div>'
        f'<div class="news-content">{_paragraphs(_NSORB_TEXT)}</div></div>'
    )
    article = extract(_nsorb(latest + own), _NSORB_URL, profile=get_profile("nsorb"))
    assert article.text == "\n".join(_NSORB_TEXT)
    assert article.rules["text"] == "generic:drift:neighbour"
    assert "text" in _drift(article)


def test_a_title_guess_matching_a_section_name_gives_way_to_the_stated_headline() -> None:
    """``.news-inner h1`` names the section's heading "Актуално"; the headline is an h2."""
    page = (
        '<div class="news-inner"><h1>Актуално</h1>'
        f'<h2 class="news-heading">{_NSORB_TITLE}</h2>'
        '<div class="news-date">18.11.2025</div>'
        f'<div class="news-text">{_paragraphs(_NSORB_TEXT)}</div></div>'
    )
    article = extract(_nsorb(page), _NSORB_URL, profile=get_profile("nsorb"))
    assert article.title == _NSORB_TITLE
    assert not article.rules["title"].startswith("profile:")
    assert "title" in _drift(article)
    assert article.text == "\n".join(_NSORB_TEXT)  # (the body's guess was right)
    assert article.rules["text"] == "profile:.news-text"


def test_a_title_guess_matching_the_logo_heading_gives_way() -> None:
    header = '<h1 class="zaglavie"><a href="/">Ruse24.bg</a></h1>'
    html = _ruse24(
        f'<h1 class="news-heading">{_RUSE24_TITLE}</h1>'
        '<div class="published-time">16:12 / 20.11.2025</div>'
        f'<section class="news-lead-text"><div class="article-text">{_paragraphs([_LEAD, *_REST])}'
        "</div></section>",
        header=header,
    )
    article = _ruse24_article(html)
    assert article.title == _RUSE24_TITLE
    assert "title" in _drift(article)
    kept = _ruse24_article(html, verified=("title",))
    assert kept.title == "Ruse24.bg"  # (verified: taken as it is, wrong or not)
    assert "title" not in _drift(kept)


def test_a_date_guess_reading_the_change_gives_way_to_the_publication() -> None:
    """``.published-time`` prints when the item was last changed; the publication is
    labelled apart under the headline."""
    html = _ruse24(
        f'<h1 class="zaglavie">{_RUSE24_TITLE}</h1>'
        '<div class="news-info">Публикувана: 20.11.2025, 16:12</div>'
        '<div class="published-time">Последна промяна: 10:05 / 22.11.2025</div>'
        f'<section class="news-lead-text"><div class="article-text">{_paragraphs([_LEAD, *_REST])}'
        "</div></section>"
    )
    article = _ruse24_article(html)
    assert article.published is not None
    assert article.published.isoformat() == "2025-11-20T16:12:00"
    assert "published" in _drift(article)
    assert article.modified is not None and article.modified.date().isoformat() == "2025-11-22"
    kept = _ruse24_article(html, verified=("date",))
    assert kept.published is not None and kept.published.date().isoformat() == "2025-11-22"
    assert "published" not in _drift(kept)


_BTA_TITLE = "Пристанище Русе отчете ръст на товарите през октомври"


def test_a_date_guess_other_than_the_stated_publication_gives_way() -> None:
    """``.post__post`` names the date of the previous item's line under the headline (the
    page prints its own nowhere else); the page's own state in a script states the
    publication."""
    text = _paragraphs(
        [
            "Пристанище Русе е обработило с една пета повече товари през октомври в сравнение"
            " със същия месец на миналата година, съобщиха от държавното дружество.",
            "Най-голям е ръстът при зърното и при торовете, а контейнерите остават на"
            " нивото от миналата година.",
        ]
    )
    html = f"""<!DOCTYPE html>
<html lang="bg"><head><meta charset="utf-8"><title>БТА :: {_BTA_TITLE}</title>
<script>window.__STATE__ = {{"article": {{"datePublished": "2025-11-19T11:40:00+02:00"}}}};</script>
</head><body>
<div class="post a11y-content">
<h1 class="post__title">{_BTA_TITLE}</h1>
<div class="post__earlier">Предишна: Корабите по Дунав отново плават
<div class="post__post">21.11.2025 08:05</div></div>
<div class="post__content">{text}</div>
</div></body></html>"""
    article = extract(
        html, "https://www.bta.bg/bg/news/bulgaria/1000002-pristanishte", profile=get_profile("bta")
    )
    assert article.published is not None
    assert article.published.isoformat() == "2025-11-19T11:40:00+02:00"
    assert "published" in _drift(article)
    assert article.rules["title"].startswith("profile:")  # (the title's guess agrees)


def test_a_bad_verified_field_is_a_one_line_profile_error() -> None:
    data = {"id": "x", "origin": "https://x.bg", "extract": {"verified": ["tittle"]}}
    with pytest.raises(ProfileError, match=r"'extract.verified' entry 'tittle' must be one of"):
        parse_profile(data, where="x.toml", source="user")
    ok = parse_profile(
        {**data, "extract": {"verified": ["body", "date"]}}, where="x.toml", source="user"
    )
    assert ok.verified_fields == ("body", "date")


def test_the_crawl_and_check_site_report_a_part_matched_as_drift(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """The ruse24 mirror with one more article, whose guessed body selector holds its
    lead only: archived whole, and both commands name the drift."""
    site = tmp_path / "ruse24"
    shutil.copytree(SITES / "ruse24", site)
    slug = "novini/ruse/Savetnitsite-odobriha-zaema-2833001"
    (site / f"{slug}.html").write_text(_RUSE24_LEAD_ONLY, encoding="utf-8")
    index = (site / "index.html").read_text(encoding="utf-8")
    link = f'<a href="/{slug}">{_RUSE24_TITLE}</a>'
    (site / "index.html").write_text(index.replace("</body>", link + "</body>"), "utf-8")
    db = tmp_path / "a.db"
    with MirrorServer(site) as server:
        base = ("--base-url", server.url, "--delay", "0")
        crawled = run_cli("crawl", "ruse24", *base, "--db", str(db))
        assert crawled.exit_code == 0, crawled.stderr
        assert "profile did not fit (" in crawled.stderr
        assert "text on 2" in crawled.stderr  # (the mirror's drift page, and this one)
        exported = run_cli("export", "--db", str(db))
        rows = [json.loads(line) for line in exported.stdout.splitlines()]
        rows = [r for r in rows if r["url"].endswith("2833001")]
        assert [r["text"] for r in rows] == [_WHOLE]
        checked = run_cli("check-site", "ruse24", *base, "-n", "10", "-f", "json")
    assert checked.exit_code == 1
    assert any(line.endswith("2833001: text") for line in checked.json()["drift"])
