"""Composed sites: whole small Bulgarian news sites nobody profiled, composed at random.

Every mirror under ``tests/fixtures/sites`` was written by someone who knew the shape it
tested; real sites combine shapes nobody wrote together. A seed picks one variant of
each independent axis (the CMS's markup, where the news list is and what the menu calls
it, the list's markup and its cards' dates, the pager, a feed and a sitemap, where the
article page states its title, date and author, the furniture around it, the dated pages
that are not news beside it; and the second axes: how addresses and links are spelled,
the canonical link and an AMP copy, "Зареди още", "Пресцентър", English copies), writes
that site (5-12 articles) with its ``expected.json`` and ``boilerplate.json`` as the
mirrors have them, serves it with ``MirrorServer``, crawls it from a bare profile as
``discovery_bench.py`` does, then again, and checks: exactly the expected articles
archived (by ``url_key``), each with its title, its date to the day and every paragraph
of its text (no line of the furniture), nothing else archived, the no-op rerun at most 3
requests (and one more for each other section of news, ``Verdict.rerun_bound``).

Dates are counted from today (the tests' snapshot day under pytest): articles in the
weeks before it, events in the months after, so a seed composes the same site on the
same day and a site whose verdict holds on any day.

    PYTHONPATH=src python bench/composed_sites.py --seeds 60 [--start 0] [--jobs 2]
    PYTHONPATH=src python bench/composed_sites.py --seed 17 [--keep DIR]

Exit 2 when a seed failed. ``--seed`` prints what was missed, extra or wrong;
``--keep DIR`` writes the site there (serve it: ``newsarchive.mirror.MirrorServer``).

``--cut``: crawls cut and resumed, as ``bench/cut_sweep.py`` cuts its mirrors (its
``CutMirror`` and crawl processes): each seed's site crawled uncut (one connection: R
requests in one order) and once more, the reference verdict; then, for ``--cuts`` points
k (seeded: one while exploring, before the articles are read one after another, one as
an article is asked, the rest anywhere; ``--at K,K`` with ``--seed`` to reproduce), a
fresh archive's crawl SIGKILLed as its k-th request arrives, run to the end and once
more, and judged as the uncut one was (every article with its title, day and text,
nothing else, the no-op rerun within ``Verdict.rerun_bound``), beside
``torture_bench``'s invariants (the uncut crawl's URLs, none twice, captures, index,
frontier settled), no article twice by ``url_key`` or title, and the requests beyond R
within ``resume_bound``:

    PYTHONPATH=src python bench/composed_sites.py --cut --seeds 60 --jobs 2
    PYTHONPATH=src python bench/composed_sites.py --cut --seed 2 --at 7,11

``--faults``: a failing server (``newsarchive.mirror``'s ``PathFaults``). Three seeded
faults a seed (``plant``) on its own paths: listing page 2 answering 503 with
``Retry-After``, the feed 429, an article 500 or a maintenance page sent 200 ("Сайтът е в
профилактика"), an article or a sitemap cut mid-body (once, or for the whole first run),
the news list hanging past the timeout once, an article gone for good (404). Run 1 meets
them, run 2 the lasting one only, run 3 is a no-op; judged by ``fault_seed`` (exit codes,
a stderr line naming each fault that outlasted its retries, no traceback, every article
but the gone one archived whole and right, none twice, no error page's text, run 3 quiet
and within the rerun bound):

    PYTHONPATH=src python bench/composed_sites.py --faults --seeds 180 --jobs 2
    PYTHONPATH=src python bench/composed_sites.py --faults --seed 3 [--keep DIR]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import functools
import json
import posixpath
import random
import re
import signal
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))
import cut_sweep  # noqa: E402
import torture_bench as tb  # noqa: E402
from discovery_bench import archived  # noqa: E402
from newsarchive.api import crawl  # noqa: E402
from newsarchive.crawl_run import CrawlOptions  # noqa: E402
from newsarchive.discover.urls import url_key  # noqa: E402
from newsarchive.fetch.client import FetchOptions  # noqa: E402
from newsarchive.mirror import (  # noqa: E402
    NOT_FOUND_PAGE,
    Answer,
    Fault,
    MirrorServer,
    PathFaults,
)
from newsarchive.models import Profile  # noqa: E402

# --- what the sites say (in our own words) -------------------------------------------

TOWNS = [
    ("Кленовище", "klenovishte"), ("Ясенградец", "yasengradets"), ("Липовица", "lipovitsa"),
    ("Брестово поле", "brestovopole"), ("Габровица", "gabrovitsa"), ("Бяла вода", "byalavoda"),
    ("Трънчовица", "tranchovitsa"), ("Калиманово", "kalimanovo"), ("Ореховец", "orehovets"),
    ("Дряновище", "dryanovishte"), ("Смолянец", "smolyanets"), ("Върбище", "varbishte"),
]  # fmt: skip

# (title, slug, paragraphs): news a municipality posts
ARTICLES = [
    ("Започна ремонтът на улица „Васил Левски“", "remont-ulitsa-levski", [
        "Тази седмица строителите започнаха подмяната на настилката по цялата улица.",
        "Движението ще бъде пренасочено по съседните улици до края на месеца.",
        "Кметът призова шофьорите към търпение и внимание край работната площадка.",
    ]),
    ("Общинският съвет прие бюджета за следващата година", "prie-byudzheta", [
        "На извънредно заседание съветниците гласуваха рамката на бюджета.",
        "Най-много средства са предвидени за училищата и за поддръжката на пътищата.",
    ]),
    ("Децата от детската градина засадиха дръвчета в парка", "detsa-zasadiha-darvcheta", [
        "Малчуганите засадиха двадесет млади липи заедно с родителите си.",
        "Инициативата е част от кампанията за по-зелен град, която продължава през пролетта.",
    ]),
    ("Коледният базар отваря врати на площада", "koleden-bazar", [
        "Местни занаятчии ще предлагат ръчно изработени подаръци и сладкиши.",
        "Приходите от благотворителния щанд ще бъдат дарени на дома за възрастни хора.",
    ]),
    ("Нов автобус ще обслужва селата в общината", "nov-avtobus-selata", [
        "Общината закупи нов автобус с двадесет и осем места за линията до селата.",
        "Първият курс тръгва в шест и половина сутринта от автогарата.",
    ]),
    ("Библиотеката събра над хиляда книги за дарение", "biblioteka-darenie", [
        "Жители от всички квартали донесоха книги за читалищната библиотека.",
        "Част от тях ще бъдат изпратени на училищата в малките населени места.",
    ]),
    ("Спортната зала ще бъде обновена по европейски проект", "sportna-zala-proekt", [
        "Проектът предвижда нов покрив, отопление и подмяна на пода в залата.",
        "Ремонтът трябва да приключи до началото на учебната година.",
    ]),
    ("Кметът връчи награди на отличниците от училищата", "nagradi-otlichnitsi", [
        "Тридесет ученици получиха грамоти и книги за отличния си успех.",
        "Церемонията се проведе в залата на читалището пред родители и учители.",
    ]),
    ("Започва записването за безплатните курсове по компютърна грамотност", "kursove-kompyutri", [
        "Курсовете са предназначени за хора над петдесет години и са напълно безплатни.",
        "Записването става в центъра за информация и услуги на първия етаж в общината.",
    ]),
    ("Пожарникари проведоха учение в сградата на общината", "uchenie-pozharnikari", [
        "Служителите бяха изведени от сградата за по-малко от четири минути.",
        "Учението е планово и се провежда всяка година през есента.",
    ]),
    ("Реставрирани са стенописите в старата църква", "restavrirani-stenopisi", [
        "Реставраторите работиха цяло лято по стенописите от деветнадесети век.",
        "Църквата отново е отворена за посетители всеки ден без понеделник.",
    ]),
    ("Започна приемът на заявления за помощ за отопление", "pomosht-otoplenie", [
        "Заявленията се подават в дирекция „Социално подпомагане“ до края на октомври.",
        "Към тях се прилагат документ за самоличност и служебна бележка за доходите.",
    ]),
    ("Фестивалът на народната песен събра над триста участници", "festival-narodna-pesen", [
        "Певци и танцьори от цялата област се представиха на открита сцена.",
        "Журито присъди голямата награда на женската певческа група от селото.",
    ]),
    ("Общината подписа договор за нова пречиствателна станция", "prechistvatelna-stantsiya", [
        "Договорът предвижда станцията да бъде построена в рамките на две години.",
        "Тя ще обслужва града и трите съседни села.",
    ]),
]  # fmt: skip

AUTHORS = ["Мария Стоянова", "Петър Илиев", "Десислава Колева", "Никола Христов"]

# dated pages beside the news: (title, slug, text); events to come are no news, and
# notices ("Обяви") are, as the crawler decides (``discover/not_news.py``)
EVENTS = [
    ("Коледен концерт на детския хор", "koleden-kontsert",
     "Концертът ще се състои в залата на читалището."),
    ("Изложба „Зимни пейзажи“", "izlozhba-zimni-peyzazhi",
     "Изложбата ще бъде открита в градската галерия."),
    ("Новогодишно тържество на площада", "novogodishno-tarzhestvo",
     "Програмата включва музика и заря в полунощ."),
    ("Кукерски фестивал", "kukerski-festival",
     "Групи от цялата област ще дефилират по главната улица."),
]  # fmt: skip
NOTICES = [
    ("Обява за свободна работна позиция „Счетоводител“", "obyava-schetovoditel",
     "Кандидатите подават документи в деловодството на общината в срок от четиринадесет дни."),
    ("Обява за отдаване под наем на общински имот", "obyava-naem-imot",
     "Търгът ще се проведе в заседателната зала при условията, описани в заповедта на кмета."),
    ("Обява за спиране на водата в квартал „Изток“", "obyava-spirane-voda",
     "Водоподаването ще бъде прекъснато от девет до шестнадесет часа заради авария."),
]  # fmt: skip
TENDERS = [
    ("Доставка на хранителни продукти за детските градини", "dostavka-hrani"),
    ("Зимно поддържане на общинската пътна мрежа", "zimno-poddarzhane"),
    ("Ремонт на покрива на читалището", "remont-pokriv-chitalishte"),
]
DOCUMENTS = [
    ("Наредба за обществения ред", "naredba-obshtestven-red"),
    ("Стратегия за развитие на общината", "strategiya-razvitie"),
    ("Годишен отчет за изпълнение на бюджета", "otchet-byudzhet"),
]

MONTHS = ["", "януари", "февруари", "март", "април", "май", "юни", "юли", "август",
          "септември", "октомври", "ноември", "декември"]  # fmt: skip
EN_MONTHS = ["", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
             "Nov", "Dec"]  # fmt: skip
RFC_DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

COOKIE = "Този сайт използва бисквитки, за да подобри работата си."
SHARE = "Сподели в социалните мрежи"
FOOTER = "Всички права запазени"
WORKING_HOURS = "Работно време с граждани"
COMMENT = "Браво, крайно време беше някой да се заеме с това!"
PRINT = "Версия за печат"
BOILERPLATE = [COOKIE, SHARE, FOOTER, WORKING_HOURS, "Виж още", COMMENT, PRINT]
WEEKDAYS = ["Понеделник", "Вторник", "Сряда", "Четвъртък", "Петък", "Събота", "Неделя"]

# --- the axes ----------------------------------------------------------------------------

CMSES = ("wordpress", "joomla", "drupal", "php", "builder")
# the pagers each CMS ships: WordPress /page/N/, Joomla ?start=, Drupal ?page= from 0
PAGERS = {
    "wordpress": ("none", "path"),
    "joomla": ("none", "start"),
    "drupal": ("none", "page0"),
    "php": ("none", "page", "start"),
    "builder": ("none", "page"),
}
NEWS_LABELS = ("Новини", "Актуално", "Събития и новини", "Прессъобщения", "Новини и съобщения")
NEWS_AT = ("home", "menu", "dropdown")
LISTS = ("ul", "cards", "hashed", "article", "table")
CARD_DATES = ("dotted", "words", "slashed", "english", "none")
PAGER_WORDS = ("next", "napred", "numbers", "both")
TITLES = ("h1", "h2", "title")
DATES = ("time", "meta", "jsonld", "visible", "card")
BYLINES = ("none", "avtor", "ot")
NON_NEWS = ("events", "notices", "tenders", "documents")
# the axes added second (drawn after the first ones, so a seed's first axes stay as they
# were): how article addresses are spelled, how links spell them, what the article
# names as its canonical address, the pager's page 1 and its end, "Новини" under
# "Пресцентър", and the furniture around an article
ADDRESSES = ("plain", "cyrillic", "encoded", "dated")  # Cyrillic slugs raw or %-encoded
LINKS = ("root", "absolute", "protocol", "www")  # www: some links the other host spelling
CANONICALS = ("none", "self", "other", "http", "amp")
PAGER_ENDS = ("none", "dup1", "past-empty", "past-404")
FURNITURE = ("latest", "comments", "print", "breadcrumb")
# a pager's "Зареди още" button: a plain link beside the script's fragment address, or
# only the fragment address (``data-url``) a script fetches
MORES = ("none", "link", "ajax")
# an English copy of every article behind a language switch, named by hreflang or not
ENGLISH = ("none", "hreflang", "switch")
# the third axes (drawn from a stream of their own, so a seed's first and second stay):
# links written relative to the page (``./x`` or ``x``, ``../``, ``?page=2`` alone) or
# to a ``<base href>`` (the site's root, absolute, or a folder, root-relative)
RELATIVES = ("none", "dots", "bare", "base-root", "base-folder")
# a "Зареди още" whose endpoint answers JSON: cards' HTML and the next page's number, or
# a list of items (title, address, date); with a plain link to the next page or without
JSON_MORES = ("json-html", "json-list")
# where the print version lives: ``?print=1``, a path of its own, Joomla's component view
PRINTS = ("query", "path", "joomla")
# the fourth axes (a stream of their own again): a long article over two pages (``/2/``
# or ``?page=2``, "Страници: 1 2"); the day only in the article's address
# (``/novini/2026/11/29/slug``, ``/novini/2026-11-29-slug``), none on the page or the card;
# days written "29-ти ноември 2026", "29 ноем. 2026 г.", "29 noemvri 2026", "29.XI.2026";
DAY_FORMS = ("ordinal", "abbrev", "latin", "roman")
# the list oldest first (an archive's order) or its first card an old one pinned there;
ORDERS = ("oldest", "pinned")
# the pager a ``<select onchange="location=this.value">`` of page addresses, or a GET form
# of the page's number (``min``/``max`` bounding it);
PAGER_UIS = ("select", "form")
# links to articles by the address an older CMS gave them (WordPress ``/?p=N``, Drupal
# ``/node/N``, Joomla's component view), which the server sends on (301): in the boxes
# beside an article, or on the list's cards too; or the menu's link to the list spelled
# without (or with) its trailing slash, sent on too;
MOVES = ("old-ids", "old-all", "slash")
# some articles under a second category's address too (``/kultura/slug``, linked from a
# "Култура" box on the home page), naming the first as canonical or not;
TWINS = ("canonical", "bare")
# (and: titles written with entities, ``&bdquo;…&ldquo;``, ``&nbsp;`` after a short word,
# ``<title>`` "Заглавие | Община X"; robots.txt disallowing ``/print/`` and ``/search``,
# which the site links)
ABBR_MONTHS = ["", "ян.", "февр.", "март", "апр.", "май", "юни", "юли", "авг.", "септ.",
               "окт.", "ноем.", "дек."]  # fmt: skip
LATIN_MONTHS = ["", "yanuari", "fevruari", "mart", "april", "may", "yuni", "yuli", "avgust",
                "septemvri", "oktomvri", "noemvri", "dekemvri"]  # fmt: skip
ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
EN_TEXTS = [
    "The municipality announced the news at a press conference on Monday.",
    "Residents can find more details at the municipal information centre.",
]


@dataclass(frozen=True)
class Axes:
    """One variant of every axis: what a seed composes."""

    cms: str
    news_at: str
    label: str
    home_box: bool  # the home page's "Последни новини" box of the newest three
    listing: str
    teaser: bool
    image: bool
    card_date: str
    pager: str
    pager_words: str
    last_self: bool  # the last page's "next" links to itself
    per_page: int
    feed: bool
    sitemap: str  # none, news, all
    title_at: str
    date_at: str
    byline: str
    cookie: bool
    related: bool
    share: bool
    non_news: tuple[str, ...]
    articles: int
    address: str = "plain"
    links: str = "root"
    canonical: str = "none"
    pager_end: str = "none"
    press: bool = False  # the news list under "Пресцентър" (/prestsentar/novini)
    furniture: tuple[str, ...] = ()
    more: str = "none"
    english: str = "none"
    relative: str = "none"
    fallback: bool = True  # a JSON "Зареди още" is a link to the next page too
    print_at: str = "query"
    charset: str = "utf-8"  # windows-1251: every page so encoded, its <meta> saying so
    # the fourth axes
    split: bool = False  # every other article over two pages
    day_form: str = "plain"  # how the page and the card write a day (``DAY_FORMS``)
    order: str = "newest"  # ``ORDERS``
    pager_ui: str = "links"  # ``PAGER_UIS``
    moved: str = "none"  # ``MOVES``
    twin: str = "none"  # ``TWINS``
    typography: bool = False  # titles with entities, "<title>Заглавие | Община X"
    robots: bool = False  # robots.txt disallowing /print/ and /search

    def short(self) -> str:
        """The axes in one cell."""
        card = "+".join(x for x, on in (("t", self.teaser), ("i", self.image)) if on)
        pager = "-" if self.pager == "none" else f"{self.pager}/{self.pager_words}"
        pager += "/self" if self.last_self and self.pager != "none" else ""
        extras = "".join(
            x for x, on in (("c", self.cookie), ("r", self.related), ("s", self.share)) if on
        )
        where = self.news_at if self.news_at == "home" else f"{self.news_at}:{self.label}"
        shown_ui = self.pager_ui != "links" and self.pager != "none" and self.more == "none"
        return (
            f"{self.cms} {where}{'+box' if self.home_box else ''} "
            f"{self.listing}[{card or '-'}]:{self.card_date} pg:{pager}x{self.per_page} "
            f"{'feed ' if self.feed else ''}sm:{self.sitemap} {self.title_at} d:{self.date_at} "
            f"by:{self.byline} bp:{extras or '-'} nn:{','.join(self.non_news) or '-'} "
            f"n:{self.articles} a:{self.address} l:{self.links} can:{self.canonical}"
            f"{' end:' + self.pager_end if self.pager != 'none' and self.more == 'none' else ''}"
            f"{' press' if self.press and self.news_at != 'home' else ''}"
            f" f:{','.join(self.furniture) or '-'}"
            f"{' more:' + self.more if self.pager != 'none' and self.more != 'none' else ''}"
            f"{'+a' if self.pager != 'none' and self.more.startswith('json') and self.fallback else ''}"  # noqa: E501
            f"{' en:' + self.english if self.english != 'none' else ''}"
            f"{' rel:' + self.relative if self.relative != 'none' else ''}"
            f"{' pr:' + self.print_at if 'print' in self.furniture else ''}"
            f"{' cp1251' if self.charset != 'utf-8' else ''}"
            f"{' split' if self.split else ''}"
            f"{' day:' + self.day_form if self.day_form != 'plain' else ''}"
            f"{' ord:' + self.order if self.order != 'newest' else ''}"
            f"{' ui:' + self.pager_ui if shown_ui else ''}"
            f"{' mv:' + self.moved if self.moved != 'none' else ''}"
            f"{' twin:' + self.twin if self.twin != 'none' else ''}"
            f"{' typo' if self.typography else ''}"
            f"{' robots' if self.robots else ''}"
        )


def choose(seed: int, rounds: int = 4) -> Axes:
    """The axes seed ``seed`` composes (``rounds`` 3: as it did before the fourth
    axes, as a test keeps a seed chosen then)."""
    rng = random.Random(seed)
    cms = rng.choice(CMSES)
    card_date = rng.choice(CARD_DATES)
    date_at = rng.choice(DATES)
    if date_at == "card" and card_date == "none":
        card_date = rng.choice(CARD_DATES[:-1])  # a date shown nowhere is no axis of ours
    news_at = rng.choice(NEWS_AT)
    axes = Axes(
        cms=cms,
        news_at=news_at,
        label=rng.choice(NEWS_LABELS),
        home_box=news_at != "home" and rng.random() < 0.5,
        listing=rng.choice(LISTS),
        teaser=rng.random() < 0.6,
        image=rng.random() < 0.5,
        card_date=card_date,
        pager=rng.choice(PAGERS[cms]),
        pager_words=rng.choice(PAGER_WORDS),
        last_self=rng.random() < 0.3,
        per_page=rng.choice((3, 4, 5)),
        feed=rng.random() < 0.5,
        sitemap=rng.choice(("none", "news", "all")),
        title_at=rng.choice(TITLES),
        date_at=date_at,
        byline=rng.choice(BYLINES),
        cookie=rng.random() < 0.5,
        related=rng.random() < 0.5,
        share=rng.random() < 0.5,
        non_news=tuple(x for x in NON_NEWS if rng.random() < 0.4),
        articles=rng.randint(5, 12),
    )
    # the second axes: drawn after, so the first stay what they were
    if rng.random() < 0.3:
        card_date = rng.choice(("relative", "weekday"))
    if date_at in ("time", "meta", "jsonld", "visible") and rng.random() < 0.35:
        date_at = rng.choice(("stamp", "label", "row"))
    axes = dataclasses.replace(
        axes,
        card_date=card_date,
        date_at=date_at,
        address=rng.choice(ADDRESSES),
        links=rng.choice(LINKS),
        canonical=rng.choice(CANONICALS),
        pager_end=rng.choice(PAGER_ENDS),
        press=rng.random() < 0.25,
        furniture=tuple(x for x in FURNITURE if rng.random() < 0.35),
        more=rng.choice(MORES) if rng.random() < 0.4 else "none",
        english=rng.choice(ENGLISH),
    )
    # the third axes, from a stream of their own: the first and second stay what they were
    third = random.Random(seed * 104729 + 3)
    more = axes.more
    if more != "none" and third.random() < 0.5:
        more = third.choice(JSON_MORES)
    axes = dataclasses.replace(
        axes,
        relative=third.choice(RELATIVES) if third.random() < 0.5 else "none",
        more=more,
        fallback=third.random() < 0.5,
        print_at=third.choice(PRINTS),
        charset="windows-1251"
        if axes.cms in ("php", "joomla") and third.random() < 0.3
        else "utf-8",
    )
    return fourth_axes(seed, axes) if rounds >= 4 else axes


def fourth_axes(seed: int, axes: Axes) -> Axes:
    """The fourth axes, from a stream of their own (every draw made whatever came
    before, so each axis is independent of the others): the first three stay."""
    fourth = random.Random(seed * 130363 + 4)
    split = fourth.random() < 0.2
    url_day, dated = fourth.random() < 0.12, fourth.choice(("dated", "dayslug"))
    day_form = fourth.choice(DAY_FORMS) if fourth.random() < 0.3 else "plain"
    order = fourth.choice(ORDERS) if fourth.random() < 0.2 else "newest"
    pager_ui = fourth.choice(PAGER_UIS) if fourth.random() < 0.25 else "links"
    moved = fourth.choice(MOVES) if fourth.random() < 0.3 else "none"
    twin = fourth.choice(TWINS) if fourth.random() < 0.2 else "none"
    typography = fourth.random() < 0.3
    robots = fourth.random() < 0.3
    date_at, card_date, address = axes.date_at, axes.card_date, axes.address
    if url_day:  # the day in the address alone (WordPress's are dated already)
        date_at, card_date = "url", "none"
        address = address if axes.cms == "wordpress" else dated
    if day_form != "plain" and card_date in ("dotted", "words", "slashed"):
        card_date = day_form
    if pager_ui == "form" and axes.pager != "page":
        pager_ui = "select"  # a form's field is the page's number
    return dataclasses.replace(
        axes,
        split=split,
        date_at=date_at,
        card_date=card_date,
        address=address,
        day_form=day_form,
        order=order,
        pager_ui=pager_ui,
        moved=moved,
        twin=twin,
        typography=typography,
        robots=robots,
    )


# --- composing the site --------------------------------------------------------------------


@dataclass
class Article:
    title: str
    slug: str
    paragraphs: list[str]
    when: dt.datetime
    author: str | None
    path: str = ""  # its address on the site
    number: int = 0  # its id in the CMS (``/novina.php?id=N``, ``/print/N``)


def ordinal(number: int) -> str:
    """A day's number as Bulgarian writes it ordinal: 1-ви, 2-ри, 7-ми, 11-ти, 29-ти."""
    if number % 100 not in (11, 12, 17, 18):
        suffix = {1: "ви", 2: "ри", 7: "ми", 8: "ми"}.get(number % 10)
        if suffix:
            return f"{number}-{suffix}"
    return f"{number}-ти"


def day_text(day: dt.date, form: str) -> str:
    """``day`` as a page writes it (``Axes.day_form``; "plain": 29.11.2026)."""
    if form == "ordinal":
        return f"{ordinal(day.day)} {MONTHS[day.month]} {day.year}"
    if form == "abbrev":
        return f"{day.day} {ABBR_MONTHS[day.month]} {day.year} г."
    if form == "latin":
        return f"{day.day} {LATIN_MONTHS[day.month]} {day.year}"
    if form == "roman":
        return f"{day.day}.{ROMAN[day.month]}.{day.year}"
    return f"{day:%d.%m.%Y}"


def card_day(day: dt.date, form: str, today: dt.date | None = None) -> str:
    if form in DAY_FORMS:
        return day_text(day, form)
    if form == "relative":  # the newest week's as a news site's script prints them
        back = (today - day).days if today else 99
        if back <= 1:
            return ("днес", "вчера")[back]
        return f"преди {back} дни" if back < 7 else f"{day:%d.%m.%Y}"
    if form == "weekday":
        return f"{WEEKDAYS[day.weekday()]}, {day.day} {MONTHS[day.month]} {day.year}"
    if form == "dotted":
        return f"{day:%d.%m.%Y}"
    if form == "words":
        return f"{day.day} {MONTHS[day.month]} {day.year} г."
    if form == "slashed":
        return f"{day:%d/%m/%Y}"
    if form == "english":
        return f"{EN_MONTHS[day.month]} {day.day}, {day.year}"
    return ""


def rfc822(when: dt.datetime) -> str:
    return (
        f"{RFC_DAYS[when.weekday()]}, {when.day:02d} {EN_MONTHS[when.month]} {when.year} "
        f"{when:%H:%M:%S} +0200"
    )


def iso(when: dt.datetime) -> str:
    return f"{when:%Y-%m-%dT%H:%M:%S}+02:00"


def cyrillic_slug(title: str) -> str:
    """The slug a CMS set to keep Cyrillic makes of a title (WordPress without a
    transliterating plugin): its first six words, lower case, joined by hyphens."""
    words = "".join(c if c.isalnum() else " " for c in title.lower()).split()
    return "-".join(words[:6])


# a root-relative link (not ``//host``) in a page's markup
HREF = re.compile(r'href="(/(?!/)[^"]*)"')


def file_for(path: str) -> str:
    """The mirror file serving ``path`` (``MirrorServer``'s ``a/b@q.html``)."""
    base, _, query = path.partition("?")
    suffix = f"@{query}" if query else ""
    if base.endswith("/"):
        return f"{base.lstrip('/')}index{suffix}.html"
    if base.endswith((".xml", ".pdf", ".txt")):
        return base.lstrip("/")
    return f"{base.lstrip('/')}{suffix}.html"


@dataclass
class Site:
    """A composed site: its files, expected articles and the furniture none may hold."""

    axes: Axes
    name: str
    origin: str
    files: dict[str, str | bytes] = field(default_factory=dict)
    expected: list[dict[str, object]] = field(default_factory=list)
    mirror: dict[str, object] = field(default_factory=dict)
    # its sources' paths by role, as a request spells them: "list" (the news list's first
    # page), "page2", "feed", "sitemap" (each map file, space-separated)
    roles: dict[str, str] = field(default_factory=dict)

    def write(self, root: Path) -> None:
        for name, body in self.files.items():
            target = root / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(body, bytes):
                target.write_bytes(body)
            else:
                target.write_text(body, encoding="utf-8")
        dump = json.dumps(self.expected, ensure_ascii=False, indent=2) + "\n"
        (root / "expected.json").write_text(dump, encoding="utf-8")
        junk = json.dumps(BOILERPLATE, ensure_ascii=False, indent=2) + "\n"
        (root / "boilerplate.json").write_text(junk, encoding="utf-8")
        (root / "_mirror.json").write_text(json.dumps(self.mirror, indent=2), encoding="utf-8")


class Composer:
    """Writes the pages of one seed's site."""

    def __init__(self, seed: int, today: dt.date, axes: Axes | None = None) -> None:
        self.axes = axes = axes or choose(seed)
        rng = random.Random(seed * 7919 + 1)
        self.rng = rng
        town, latin = rng.choice(TOWNS)
        self.name = f"Община {town}"
        self.origin = f"https://{rng.choice(('www.', ''))}{latin}.bg"
        self.hashed = {
            k: "c-" + "".join(rng.choice("abcdefghkmnpqrstuvwxyz0123456789") for _ in range(4))
            for k in ("card", "img", "body", "date", "title", "text", "list")
        }
        picked = rng.sample(ARTICLES, axes.articles)
        days = sorted(rng.sample(range(1, 70), axes.articles))
        self.articles = [
            Article(
                title, slug, paragraphs,
                dt.datetime.combine(today - dt.timedelta(days=back), dt.time(rng.randint(8, 16), rng.choice((0, 15, 30, 45)))),  # noqa: E501
                None if axes.byline == "none" else rng.choice(AUTHORS),
            )
            for (title, slug, paragraphs), back in zip(picked, days, strict=True)
        ]  # fmt: skip
        self.today = today
        for number, article in enumerate(self.articles):
            article.number = 500 - number
            article.path = self.article_path(article, article.number)
        self.events = [
            (t, s, x, today + dt.timedelta(days=10 + 17 * i)) for i, (t, s, x) in enumerate(EVENTS)
        ]
        self.notices = [
            (t, s, x, today - dt.timedelta(days=5 + 11 * i)) for i, (t, s, x) in enumerate(NOTICES)
        ]
        self.site = Site(axes, self.name, self.origin)

    # addresses -------------------------------------------------------------------------

    def article_path(self, article: Article, number: int) -> str:
        """Its address, as the site serves it (Cyrillic raw: ``url`` encodes it)."""
        cms, day, address = self.axes.cms, article.when, self.axes.address
        slug = cyrillic_slug(article.title) if address in ("cyrillic", "encoded") else article.slug
        if cms == "wordpress":
            return f"/{day:%Y/%m/%d}/{slug}/"
        if cms == "php" and self.axes.date_at != "url":  # (rewritten, dated, when "url")
            return f"/novina.php?id={number}"
        folder = "новини" if cms == "builder" and slug != article.slug else "novini"
        if address == "dated":
            folder += f"/{day:%Y/%m/%d}"
        if address == "dayslug":  # the day opening the slug
            slug = f"{day:%Y-%m-%d}-{slug}"
        if cms == "joomla":
            return f"/{folder}/{number}-{slug}"
        return f"/{folder}/{slug}"

    def url(self, path: str, origin: str = "") -> str:
        """``path`` as an address (Cyrillic percent-encoded, as a sitemap or a canonical
        link spells it), on ``origin`` (this site's by default)."""
        return (origin or self.origin) + quote(path, safe="/?=&%-._~")

    @property
    def other_origin(self) -> str:
        """The host's other spelling (``www.`` or not), which its server redirects."""
        host = self.origin.removeprefix("https://")
        return "https://" + (
            host.removeprefix("www.") if host.startswith("www.") else "www." + host
        )

    def link(self, path: str) -> str:
        """How the site's links spell ``path`` (``Axes.links``, ``Axes.address``)."""
        axes = self.axes
        shown = quote(path, safe="/?=&%-._~") if axes.address == "encoded" else path
        if axes.links == "absolute":
            return escape(self.origin + shown)
        if axes.links == "protocol":
            return escape(self.origin.removeprefix("https:") + shown)
        if axes.links == "www" and sum(map(ord, path)) % 2:
            return escape(self.other_origin + shown)  # a theme's links hard-coded so
        return escape(shown)

    @property
    def press(self) -> bool:
        return self.axes.press and self.axes.news_at != "home"

    @property
    def list_path(self) -> str:
        if self.axes.news_at == "home":
            return "/"
        if self.press:
            return self.other_path("prestsentar/novini")
        return {
            "wordpress": "/category/novini/",
            "joomla": "/novini",
            "drupal": "/novini",
            "php": "/novini.php",
            "builder": "/novini",
        }[self.axes.cms]

    def page_path(self, number: int, spelled: bool = False) -> str:
        """Page ``number``'s address (``spelled``: page 1 with its number, as some
        pagers link it, the list's address answering it too)."""
        base, axes = self.list_path, self.axes
        if number == 1 and not spelled:
            return base
        if axes.pager == "path":
            return f"{base.rstrip('/')}/page/{number}/"
        if axes.pager == "start":
            return f"{base}?start={(number - 1) * axes.per_page}"
        if axes.pager == "page0":
            return f"{base}?page={number - 1}"
        return f"{base}?page={number}"

    def other_path(self, slug: str) -> str:
        cms = self.axes.cms
        if cms == "wordpress":
            return f"/{slug}/"
        if cms == "php":
            return f"/{slug}.php"
        return f"/{slug}"

    @property
    def feed_path(self) -> str:
        if self.axes.cms == "wordpress":
            return "/feed/"
        if self.axes.cms == "joomla":
            return f"{self.list_path.rstrip('/') or '/index.php'}?format=feed&type=rss"
        return "/rss.xml"

    # furniture ---------------------------------------------------------------------------

    def menu(self) -> str:
        axes = self.axes
        entries: list[tuple[str, str]] = []
        if axes.news_at != "home" and not self.press:
            entries.append((axes.label, self.list_link_path))
        names = {
            "events": ("Календар на събитията", "kalendar"),
            "notices": ("Обяви", "obyavi"),
            "tenders": ("Обществени поръчки", "porachki"),
            "documents": ("Документи", "dokumenti"),
        }
        entries += [(names[k][0], self.other_path(names[k][1])) for k in axes.non_news]
        top = [("Начало", "/"), ("За общината", self.other_path("za-obshtinata"))]
        cls = {
            "wordpress": ('menu', 'menu-item', 'sub-menu', 'menu-item-has-children'),
            "joomla": ('nav menu mod-list', 'item-1', 'nav-child unstyled small', 'deeper parent'),
            "drupal": ('menu', 'menu-item', 'menu', 'menu-item--expanded'),
            "php": ('menu', '', 'submenu', 'has-sub'),
            "builder": ('w-nav-list', 'w-nav-item', 'w-dropdown-list', 'w-dropdown'),
        }[axes.cms]  # fmt: skip

        def item(label: str, href: str) -> str:
            attr = f' class="{cls[1]}"' if cls[1] else ""
            return f'<li{attr}><a href="{self.link(href)}">{escape(label)}</a></li>'

        lines = [item(*e) for e in top]
        if self.press:
            press = [
                (axes.label, self.list_link_path),
                ("Фотогалерия", self.other_path("galeriya")),
            ]
            sub = "\n".join(item(*e) for e in press)
            press_href = self.link(self.other_path("prestsentar"))
            lines.append(
                f'<li class="{cls[1]} {cls[3]}"><a href="{press_href}">'
                f'Пресцентър</a>\n<ul class="{cls[2]}">\n{sub}\n</ul></li>'
            )
        if axes.news_at == "dropdown" and entries:
            sub = "\n".join(item(*e) for e in entries)
            lines.append(
                f'<li class="{cls[1]} {cls[3]}"><a href="#">Информация</a>\n'
                f'<ul class="{cls[2]}">\n{sub}\n</ul></li>'
            )
        else:
            lines += [item(*e) for e in entries]
        lines.append(item("Контакти", self.other_path("kontakti")))
        body = "\n".join(lines)
        return f'<nav class="main-navigation">\n<ul class="{cls[0]}">\n{body}\n</ul>\n</nav>'

    def page(
        self, title: str, main: str, head: str = "", english: str = "/en/", title_html: str = ""
    ) -> str:
        """A page of the site's frame; ``english``: where its language switch leads;
        ``title_html``: its ``<title>`` as markup (``title`` escaped otherwise)."""
        axes = self.axes
        feed = ""
        if axes.feed:
            feed = (
                f'<link rel="alternate" type="application/rss+xml" '
                f'title="{escape(self.name)} » Емисия" href="{self.feed_path}">\n'
            )
        cookie = ""
        if axes.cookie:
            cookie = (
                f'<div id="cookie-notice" class="cookie-bar"><p>{COOKIE} '
                "Продължавайки, вие се съгласявате с нашата политика.</p>"
                '<button type="button">Приемам</button></div>\n'
            )
        switch = ""
        if axes.english != "none":
            switch = (
                '<div class="lang-switch"><span class="active">BG</span> '
                f'<a href="{self.link(english)}" lang="en">EN</a></div>'
            )
        search = ""
        if axes.robots:  # the search page robots.txt keeps crawlers from
            search = f' <a class="search" href="{self.link("/search")}">Търсене</a>'
        body_class = {
            "wordpress": "wp-site", "joomla": "site com_content", "drupal": "path-node",
            "php": "", "builder": "w-page",
        }[axes.cms]  # fmt: skip
        return (
            '<!DOCTYPE html>\n<html lang="bg">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{title_html or escape(title)}</title>\n{feed}{head}</head>\n"
            f'<body class="{body_class}">\n<header class="site-header">'
            f'<a class="logo" href="{self.link("/")}">{escape(self.name)}</a>{switch}{search}'
            "</header>\n"
            f"{self.menu()}\n"
            f'<main id="main" class="site-main">\n{main}\n</main>\n'
            '<footer class="site-footer">\n'
            f"<p>{WORKING_HOURS}: понеделник – петък, 8:30 – 17:00 ч.</p>\n"
            f"<p>© {self.today.year} {escape(self.name)}. {FOOTER}.</p>\n</footer>\n"
            f"{cookie}</body>\n</html>\n"
        )

    # the news list -------------------------------------------------------------------------

    def card(self, article: Article) -> str:
        axes, h = self.axes, self.hashed
        href, title = self.article_href(article, card=True), self.title_html(article.title)
        day = card_day(article.when.date(), axes.card_date, self.today)
        teaser = escape(article.paragraphs[0][:80].rsplit(" ", 1)[0]) + "…"
        image = f"/uploads/{article.slug}-300x200.jpg"
        if axes.listing == "ul":
            return (
                "<li>"
                + (f'<span class="date">{day}</span> ' if day else "")
                + f'<a href="{href}">{title}</a>'
                + (f"<p>{teaser}</p>" if axes.teaser else "")
                + "</li>"
            )
        if axes.listing == "table":
            return (
                "<tr>"
                + (f'<td class="date">{day}</td>' if day else "")
                + f'<td><a href="{href}">{title}</a>'
                + (f"<br>{teaser}" if axes.teaser else "")
                + "</td></tr>"
            )
        if axes.listing == "article":
            return (
                '<article class="post type-post">\n'
                + (f'<a href="{href}"><img src="{image}" alt=""></a>\n' if axes.image else "")
                + f'<header><h2 class="entry-title"><a href="{href}">{title}</a></h2>'
                + (f'<span class="posted-on">{day}</span>' if day else "")
                + "</header>\n"
                + (f'<div class="entry-summary"><p>{teaser}</p></div>\n' if axes.teaser else "")
                + "</article>"
            )
        names = (
            h
            if axes.listing == "hashed"
            else {
                "card": "news-item", "img": "news-img", "body": "news-body",
                "date": "news-date", "title": "news-title", "text": "news-text",
            }
        )  # fmt: skip
        return (
            f'<div class="{names["card"]}">\n'
            + (
                f'<div class="{names["img"]}"><a href="{href}"><img src="{image}" alt=""></a></div>\n'  # noqa: E501
                if axes.image
                else ""
            )
            + f'<div class="{names["body"]}">'
            + (f'<span class="{names["date"]}">{day}</span>' if day else "")
            + f'<h3 class="{names["title"]}"><a href="{href}">{title}</a></h3>'
            + (f'<p class="{names["text"]}">{teaser}</p>' if axes.teaser else "")
            + "</div>\n</div>"
        )

    def cards(self, articles: list[Article]) -> str:
        inner = "\n".join(self.card(a) for a in articles)
        listing = self.axes.listing
        if listing == "ul":
            return f'<ul class="news-list">\n{inner}\n</ul>'
        if listing == "table":
            return f'<table class="news-table">\n{inner}\n</table>'
        if listing == "hashed":
            return f'<div class="{self.hashed["list"]}">\n{inner}\n</div>'
        return f'<div class="news-list">\n{inner}\n</div>'

    def more_path(self, number: int) -> str:
        """The fragment address a "Зареди още" script fetches page ``number`` from."""
        return f"{self.list_path}?ajax=1&page={number}"

    def json_path(self, number: int) -> str:
        """The endpoint a JSON "Зареди още" asks for page ``number``."""
        return f"/api/novini?page={number}"

    def json_file(self, number: int) -> str:
        """The mirror file answering ``json_path(number)`` (served as JSON)."""
        return file_for(self.json_path(number)).removesuffix(".html") + ".json"

    def json_page(self, articles: list[Article], number: int, last: int) -> str:
        """What the JSON endpoint answers for page ``number`` (past ``last``: nothing)."""
        if self.axes.more == "json-html":
            cards = self.cards(articles) if articles else ""
            data: object = {"html": cards, "next": number + 1 if number < last else None}
        else:
            data = [
                {"title": a.title, "url": self.url(a.path), "date": f"{a.when:%Y-%m-%d}"}
                for a in articles
            ]
        return json.dumps(data, ensure_ascii=False) + "\n"

    def json_more(self, number: int) -> str:
        """A "Зареди още" whose script asks the JSON endpoint for page ``number`` + 1:
        the endpoint and the page apart (cards' HTML), or the next address whole (items),
        as a button, or as a link to the next page a script takes over."""
        if self.axes.more == "json-html":
            data = f'data-url="/api/novini" data-page="{number + 1}"'
        else:
            data = f'data-next="{escape(self.json_path(number + 1))}"'
        script = (
            "<script>document.querySelector('.btn-more').addEventListener('click', e => {"
            "e.preventDefault(); fetch(e.target.dataset.url ? e.target.dataset.url + '?page=' + "
            "e.target.dataset.page : e.target.dataset.next).then(r => r.json())"
            ".then(d => render(d));});</script>"
        )
        if self.axes.fallback:
            plain = self.link(self.page_path(number + 1))
            button = f'<a class="btn-more" href="{plain}" {data}>Зареди още</a>'
        else:
            button = f'<button type="button" class="btn-more" {data}>Зареди още</button>'
        return f'<div class="load-more">{button}</div>\n{script}'

    def more(self, number: int, last: int) -> str:
        """The "Зареди още" button under page ``number``'s cards ("" on the last)."""
        if number >= last:
            return ""
        if self.axes.more.startswith("json"):
            return self.json_more(number)
        data = escape(self.more_path(number + 1))
        if self.axes.more == "link":
            plain = self.link(self.page_path(number + 1))
            return (
                f'<div class="load-more"><a class="btn-more" href="{plain}" '
                f'data-ajax="{data}">Зареди още</a></div>'
            )
        return (
            f'<div class="load-more"><button type="button" class="btn-more" data-url="{data}">'
            "Зареди още</button></div>\n<script>document.querySelector('.btn-more')"
            ".addEventListener('click', e => fetch(e.target.dataset.url).then(r => r.text())"
            ".then(h => e.target.parentNode.outerHTML = h));</script>"
        )

    def pager(self, number: int, last: int) -> str:
        axes = self.axes
        if last == 1:
            return ""
        if axes.more != "none":
            return self.more(number, last)
        if axes.pager_ui != "links":
            return self.pager_control(number, last)
        links: list[str] = []
        nxt, prv = (
            ("Напред", "Назад") if axes.pager_words == "napred" else ("Следваща »", "« Предишна")
        )
        words = axes.pager_words != "numbers"
        spelled = axes.pager_end == "dup1"

        def to(n: int) -> str:
            return self.link(self.page_path(n, spelled))

        if words and number > 1:
            links.append(f'<a class="prev" href="{to(number - 1)}">{prv}</a>')
        if axes.pager_words in ("numbers", "both"):
            for n in range(1, last + 1):
                links.append(
                    f'<span class="current">{n}</span>'
                    if n == number
                    else f'<a href="{to(n)}">{n}</a>'
                )
        if words and number < last:
            links.append(f'<a class="next" href="{to(number + 1)}">{nxt}</a>')
        elif words and axes.pager_end.startswith("past"):
            links.append(f'<a class="next" href="{to(number + 1)}">{nxt}</a>')  # past the end
        elif words and axes.last_self:
            links.append(f'<a class="next" href="{to(number)}">{nxt}</a>')
        return '<div class="pagination">\n' + "\n".join(links) + "\n</div>"

    def pager_control(self, number: int, last: int) -> str:
        """A pager that is no links (``Axes.pager_ui``): a ``<select>`` whose script goes
        to the chosen page's address, or a GET form of the page's number."""
        if self.axes.pager_ui == "select":
            spelled = self.axes.pager_end == "dup1"
            options = "\n".join(
                f'<option value="{self.link(self.page_path(n, spelled))}"'
                f"{' selected' if n == number else ''}>{n}</option>"
                for n in range(1, last + 1)
            )
            return (
                '<div class="pagination"><label>Страница <select name="page" '
                f'onchange="location=this.value">\n{options}\n</select> от {last}</label></div>'
            )
        return (
            f'<form class="pagination" action="{self.link(self.list_path)}" method="get">'
            f'Страница <input type="number" name="page" value="{number}" min="1" max="{last}">'
            f' от {last} <button type="submit">Отиди</button></form>'
        )

    @property
    def listed(self) -> list[Article]:
        """The articles in the list's order (``Axes.order``): newest first, oldest first,
        or the oldest pinned above the newest."""
        if self.axes.order == "oldest":
            return self.articles[::-1]
        if self.axes.order == "pinned":
            return self.articles[-1:] + self.articles[:-1]
        return self.articles

    def twin_box(self) -> str:
        """The home page's box of the articles under a second category (``Axes.twin``)."""
        twins = [a for a in self.articles if self.is_twin(a)]
        if not twins:
            return ""
        items = "\n".join(
            f'<li><a href="{self.link(self.twin_path(a))}">{escape(a.title)}</a></li>'
            for a in twins
        )
        return f'<section class="category-box"><h2>Култура</h2>\n<ul>\n{items}\n</ul></section>\n'

    def listing_pages(self) -> None:
        axes = self.axes
        per = len(self.articles) if axes.pager == "none" else axes.per_page
        listed = self.listed
        chunks = [listed[i : i + per] for i in range(0, len(listed), per)]
        heading = self.name if axes.news_at == "home" else axes.label
        for number, chunk in enumerate(chunks, 1):
            intro = ""
            if axes.news_at == "home" and number == 1:
                intro = f"<p>Добре дошли на официалния сайт на {escape(self.name)}.</p>\n"
            main = (
                f"<h1>{escape(heading)}</h1>\n{intro}{self.cards(chunk)}\n"
                f"{self.pager(number, len(chunks))}"
            )
            if axes.news_at == "home" and number == 1:
                main += "\n" + self.twin_box()
            title = heading if number == 1 else f"{heading} – страница {number}"
            if axes.news_at != "home":
                title += f" – {self.name}"
            self.add(self.page_path(number), self.page(title, main))
            if axes.more.startswith("json") and number > 1:  # what the script fetches
                json_page = self.json_page(chunk, number, len(chunks))
                self.site.files[self.json_file(number)] = json_page
            elif axes.more != "none" and number > 1:  # what the button's script fetches
                fragment = f"{self.cards(chunk)}\n{self.more(number, len(chunks))}\n"
                self.add(self.more_path(number), fragment)
            if number == 1 and axes.pager_end == "dup1" and len(chunks) > 1:
                self.add(self.page_path(1, spelled=True), self.page(title, main))
        if axes.more.startswith("json") and len(chunks) > 1:  # the script's last ask
            end = self.json_page([], len(chunks) + 1, len(chunks))
            self.site.files[self.json_file(len(chunks) + 1)] = end
        if axes.pager_end == "past-empty" and len(chunks) > 1:
            # a CMS answering a page past the end with the list's frame and no items
            main = f"<h1>{escape(heading)}</h1>\n<p>Няма публикации.</p>"
            self.add(self.page_path(len(chunks) + 1), self.page(f"{heading} – {self.name}", main))
        if self.press:
            subs = [(axes.label, self.list_path), ("Фотогалерия", self.other_path("galeriya"))]
            items = "\n".join(f'<li><a href="{self.link(p)}">{escape(t)}</a></li>' for t, p in subs)
            main = f'<h1>Пресцентър</h1>\n<ul class="subpages">\n{items}\n</ul>'
            self.add(self.other_path("prestsentar"), self.page(f"Пресцентър – {self.name}", main))
            photos = "\n".join(
                f'<a href="/uploads/galeriya/{n}.jpg"><img src="/uploads/galeriya/{n}-150x150.jpg"'
                f' alt="Снимка {n}"></a>'
                for n in range(1, 7)
            )
            main = f'<h1>Фотогалерия</h1>\n<div class="gallery">\n{photos}\n</div>'
            self.add(self.other_path("galeriya"), self.page(f"Фотогалерия – {self.name}", main))

    def home(self) -> None:
        if self.axes.news_at == "home":
            return
        box = ""
        if self.axes.home_box:
            items = "\n".join(
                f'<li><a href="{self.article_href(a)}">{escape(a.title)}</a></li>'
                for a in self.articles[:3]
            )
            box = (
                f'<section class="latest"><h2>Последни новини</h2>\n<ul>\n{items}\n</ul>\n'
                f'<a href="{self.link(self.list_path)}">Всички новини</a></section>\n'
            )
        main = (
            f"<h1>{escape(self.name)}</h1>\n<p>Добре дошли на официалния сайт на "
            f"{escape(self.name)}. Тук ще намерите информация за услугите на общината.</p>\n{box}"
            f"{self.twin_box()}"
        )
        self.add("/", self.page(self.name, main))

    # the article page --------------------------------------------------------------------

    def article_page(self, article: Article) -> None:
        axes, when = self.axes, article.when
        day = day_text(when.date(), axes.day_form)
        year = " г." if axes.day_form in ("plain", "roman") else ""  # ("г." written already)
        head, meta = "", []
        if axes.date_at == "meta":
            head += f'<meta property="article:published_time" content="{iso(when)}">\n'
        if axes.date_at == "jsonld":
            data = {
                "@context": "https://schema.org", "@type": "NewsArticle",
                "headline": article.title, "datePublished": iso(when),
                "publisher": {"@type": "Organization", "name": self.name},
            }  # fmt: skip
            if article.author:
                data["author"] = {"@type": "Person", "name": article.author}
            head += (
                '<script type="application/ld+json">'
                + json.dumps(data, ensure_ascii=False)
                + "</script>\n"
            )
        if axes.date_at == "time":
            meta.append(f'<time class="entry-date" datetime="{iso(when)}">{day}</time>')
        if axes.date_at == "visible":
            meta.append(f'<span class="published">Публикувано на {day}{year}</span>')
        if axes.date_at == "stamp":
            meta.append(f'<span class="date">{day}{year}, {when:%H:%M} ч.</span>')
        if axes.date_at == "label":
            shown = f"{when.day}.{when.month}.{when.year}" if axes.day_form == "plain" else day
            meta.append(f'<span class="date">Дата: {shown}</span>')
        info = ""
        if axes.date_at == "row":  # a hand-written CMS's table of the item's facts
            info = (
                '<table class="news-info">\n<tr><td>Дата на публикуване:</td>'
                f"<td>{day}</td></tr>\n<tr><td>Категория:</td><td>{escape(axes.label)}</td>"
                "</tr>\n</table>\n"
            )
        url = self.url(article.path)
        if axes.canonical == "amp":
            head += f'<link rel="amphtml" href="{self.link(self.amp_path(article))}">\n'
            self.amp_page(article, url)
        if article.author:
            byline = (
                f"Автор: {article.author}" if axes.byline == "avtor" else f"От {article.author}"
            )
            meta.append(f'<span class="byline">{escape(byline)}</span>')
        title = self.title_html(article.title)
        heading = (
            ""
            if axes.title_at == "title"
            else f'<{axes.title_at} class="entry-title">{title}</{axes.title_at}>\n'
        )  # noqa: E501
        share = ""
        if axes.share:
            share = (
                f'<div class="share"><span>{SHARE}:</span> '
                '<a href="https://www.facebook.com/sharer/sharer.php">Facebook</a> '
                '<a href="https://twitter.com/intent/tweet">X</a></div>\n'
            )
        related = ""
        if axes.related:
            others = [a for a in self.articles if a is not article][:3]
            items = "\n".join(
                f'<li><a href="{self.article_href(a)}">{escape(a.title)}</a></li>' for a in others
            )
            related = f'<aside class="related"><h3>Виж още</h3>\n<ul>\n{items}\n</ul></aside>\n'
        crumbs, tools, comments, latest = self.article_furniture(article)
        wrapper = {
            "wordpress": "post type-post status-publish", "joomla": "item-page",
            "drupal": "node node--type-article node--view-mode-full", "php": "news",
            "builder": "w-post",
        }[axes.cms]  # fmt: skip
        english = "/en/"
        if axes.english != "none":
            english = self.english_path(article)
        if axes.english == "hreflang":
            head += (
                f'<link rel="alternate" hreflang="bg" href="{escape(url)}">\n'
                '<link rel="alternate" hreflang="en" '
                f'href="{escape(self.url(self.english_path(article)))}">\n'
            )
        separator = " | " if axes.typography else " – "
        page_title = f"{title}{separator}{escape(self.name)}"
        # a long article over two pages (``Axes.split``): its first paragraphs, then the
        # rest on page 2, each page linking the other ("Страници: 1 2")
        parts = [(article.path, article.paragraphs)]
        if self.is_split(article):
            second = self.second_page(article)
            parts = [(article.path, article.paragraphs[:-1]), (second, article.paragraphs[-1:])]
        for number, (path, paragraphs) in enumerate(parts, 1):
            own = head + self.canonical_head(article, path)
            pages = ""
            if len(parts) > 1:
                links = " ".join(
                    f'<span class="current">{n}</span>'
                    if n == number
                    else f'<a class="post-page-numbers" href="{self.link(p)}">{n}</a>'
                    for n, (p, _) in enumerate(parts, 1)
                )
                pages = f'<div class="page-links">Страници: {links}</div>\n'
            body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
            main = (
                f'{crumbs}<article class="{wrapper}">\n{heading}'
                + (f'<div class="entry-meta">{" | ".join(meta)}</div>\n' if meta else "")
                + f'{info}<div class="entry-content">\n{body}\n</div>\n{pages}{tools}{share}'
                + f"</article>\n{comments}{related}{latest}"
            )
            self.add(path, self.page("", main, own, english, title_html=page_title))
        if self.is_twin(article):  # the same page under a second category's address
            own = head
            if axes.twin == "canonical":
                own += f'<link rel="canonical" href="{escape(url)}">\n'
            body = "\n".join(f"<p>{escape(p)}</p>" for p in article.paragraphs)
            main = (
                f'<article class="{wrapper}">\n{heading}'
                + (f'<div class="entry-meta">{" | ".join(meta)}</div>\n' if meta else "")
                + f'{info}<div class="entry-content">\n{body}\n</div>\n{share}</article>\n'
            )
            self.add(self.twin_path(article), self.page("", main, own, title_html=page_title))
        if "print" in axes.furniture:  # the print version: the article in a bare frame
            body = "\n".join(f"<p>{escape(p)}</p>" for p in article.paragraphs)
            shown = "" if axes.date_at == "url" else f"<p>{day}</p>\n"
            bare = (
                f'<!DOCTYPE html>\n<html lang="bg">\n<head>\n<meta charset="utf-8">\n'
                f'<title>{title}</title>\n<meta name="robots" content="noindex">\n</head>\n'
                f'<body onload="window.print()">\n<h1>{title}</h1>\n{shown}{body}\n'
                "</body>\n</html>\n"
            )
            self.add(self.print_path(article), bare)
        row: dict[str, object] = {
            "url": url,
            "title": article.title,
            "published": f"{when:%Y-%m-%d}",
            "author": article.author,
            "text": "\n".join(article.paragraphs),
            "must_contain": article.paragraphs,
        }
        if self.is_twin(article):  # its second address: the same article
            row["aliases"] = [self.url(self.twin_path(article))]
        self.site.expected.append(row)

    def canonical_head(self, article: Article, path: str) -> str:
        """The canonical link of the page at ``path`` (an article's, or its page 2's,
        naming itself as a paginated post's pages do), as ``Axes.canonical`` spells it."""
        canonical = self.axes.canonical
        if canonical in ("self", "amp"):
            return f'<link rel="canonical" href="{escape(self.url(path))}">\n'
        if canonical == "other":  # the host's other spelling, which redirects here
            return f'<link rel="canonical" href="{escape(self.url(path, self.other_origin))}">\n'
        if canonical == "http":  # a template written before the site went https
            http = self.origin.replace("https:", "http:", 1)
            return f'<link rel="canonical" href="{escape(self.url(path, http))}">\n'
        return ""

    # the fourth axes' addresses and spellings ----------------------------------------------

    def is_split(self, article: Article) -> bool:
        return self.axes.split and self.articles.index(article) % 2 == 0

    def second_page(self, article: Article) -> str:
        """A split article's page 2: WordPress's ``/slug/2/``, the others' ``?page=2``."""
        if article.path.endswith("/"):
            return f"{article.path}2/"
        return article.path + ("&" if "?" in article.path else "?") + "page=2"

    def is_twin(self, article: Article) -> bool:
        return self.axes.twin != "none" and self.articles.index(article) % 3 == 1

    def twin_path(self, article: Article) -> str:
        return self.other_path(f"kultura/{article.slug}")

    def old_path(self, article: Article) -> str:
        """The address an older CMS gave the article, which the server sends on (301)."""
        n = article.number
        return {
            "wordpress": f"/?p={n}",
            "joomla": f"/index.php?option=com_content&view=article&id={n}",
            "drupal": f"/node/{n}",
            "php": f"/index.php?mod=news&id={n}",
            "builder": f"/index.php?id={n}",
        }[self.axes.cms]

    def article_href(self, article: Article, card: bool = False) -> str:
        """A link to ``article`` (from a card, or a box beside another page): its old
        address where ``Axes.moved`` says so."""
        moved = self.axes.moved
        if moved == "old-all" or (moved == "old-ids" and not card):
            return self.link(self.old_path(article))
        return self.link(article.path)

    @property
    def list_link_path(self) -> str:
        """The menu's link to the news list: its address, or (``Axes.moved`` "slash")
        that address without its trailing slash or with one, sent on to it."""
        path = self.list_path
        if self.axes.moved != "slash" or path == "/" or path.endswith(".php"):
            return path
        return path.rstrip("/") if path.endswith("/") else path + "/"

    def title_html(self, title: str) -> str:
        """A title as the page's markup writes it: escaped, or (``Axes.typography``)
        with its quotes as entities and a no-break space after a one-letter word."""
        shown = escape(title, quote=False)
        if not self.axes.typography:
            return escape(title)
        shown = shown.replace("„", "&bdquo;").replace("“", "&ldquo;")
        return re.sub(r"(?<=\s)([вкосиуВКОСИУ]) ", r"\1&nbsp;", shown)

    def english_path(self, article: Article) -> str:
        return self.other_path(f"en/news/{article.slug}")

    def english_pages(self) -> None:
        """The English copy of every article and the English home page listing them
        (``Axes.english``): translations, which a Bulgarian archive does not keep."""
        if self.axes.english == "none":
            return
        latin = self.origin.partition("://")[2].removeprefix("www.").removesuffix(".bg")
        town = latin.capitalize()
        items = []
        for number, article in enumerate(self.articles):
            path, when = self.english_path(article), article.when
            title = f"{town}: municipal news no. {len(self.articles) - number}"
            items.append(f'<li><a href="{self.link(path)}">{title}</a> {when:%d.%m.%Y}</li>')
            head = ""
            if self.axes.english == "hreflang":
                original = escape(self.url(article.path))
                head = (
                    f'<link rel="alternate" hreflang="bg" href="{original}">\n'
                    f'<link rel="alternate" hreflang="en" href="{escape(self.url(path))}">\n'
                )
            body = "\n".join(f"<p>{text}</p>" for text in EN_TEXTS)
            self.add(
                path,
                f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
                f"<title>{title} – Municipality of {town}</title>\n{head}</head>\n<body>\n"
                f'<header><a href="{self.link("/en/")}">Municipality of {town}</a> '
                f'<a href="{self.link(article.path)}" lang="bg">BG</a></header>\n'
                f'<main>\n<article>\n<h1>{title}</h1>\n<p class="date">'
                f"{EN_MONTHS[when.month]} {when.day}, {when.year}</p>\n{body}\n</article>\n"
                "</main>\n</body>\n</html>\n",
            )
        self.add(
            "/en/",
            f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f"<title>Municipality of {town}</title>\n</head>\n<body>\n"
            f'<header><a href="{self.link("/")}" lang="bg">BG</a></header>\n'
            f"<main>\n<h1>Municipality of {town}</h1>\n<h2>News</h2>\n<ul>\n"
            + "\n".join(items)
            + "\n</ul>\n</main>\n</body>\n</html>\n",
        )

    def print_path(self, article: Article) -> str:
        """The print version's address (``Axes.print_at``)."""
        if self.axes.print_at == "path":
            return f"/print/{article.number}"
        if self.axes.print_at == "joomla":
            return (
                f"/index.php?option=com_content&view=article&id={article.number}"
                "&tmpl=component&print=1"
            )
        return article.path + ("&" if "?" in article.path else "?") + "print=1"

    def amp_path(self, article: Article) -> str:
        return "/amp" + article.path

    def amp_page(self, article: Article, url: str) -> None:
        """The AMP copy of the article, naming the article as its canonical address."""
        when = article.when
        body = "\n".join(f"<p>{escape(p)}</p>" for p in article.paragraphs)
        shown = "" if self.axes.date_at == "url" else f"<p>{when:%d.%m.%Y}</p>\n"
        self.add(
            self.amp_path(article),
            f'<!DOCTYPE html>\n<html amp lang="bg">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{escape(article.title)}</title>\n"
            f'<link rel="canonical" href="{escape(url)}">\n'
            + (
                ""
                if self.axes.date_at == "url"
                else f'<meta property="article:published_time" content="{iso(when)}">\n'
            )
            + "<style amp-boilerplate>body{visibility:hidden}</style>\n</head>\n<body>\n"
            f'<header><a href="{self.link("/")}">{escape(self.name)}</a></header>\n'
            f"<article><h1>{escape(article.title)}</h1>\n{shown}{body}\n"
            "</article>\n</body>\n</html>\n",
        )

    def article_furniture(self, article: Article) -> tuple[str, str, str, str]:
        """The breadcrumb, the print and e-mail links, the comments and the sidebar of
        the newest news an article page may carry (``Axes.furniture``)."""
        furniture, title = self.axes.furniture, escape(article.title)
        crumbs = tools = comments = latest = ""
        if "breadcrumb" in furniture:
            crumbs = (
                f'<nav class="breadcrumb"><a href="{self.link("/")}">Начало</a> » '
                f'<a href="{self.link(self.list_path)}">{escape(self.axes.label)}</a> » '
                f"<span>{title}</span></nav>\n"
            )
        if "print" in furniture:
            tools = (
                f'<div class="tools"><a href="{self.link(self.print_path(article))}" '
                f'rel="nofollow">{PRINT}</a> '
                f'<a href="mailto:?subject={quote(article.title)}">Изпрати на приятел</a></div>\n'
            )
        if "comments" in furniture:
            said = article.when + dt.timedelta(days=1, hours=3)
            comments = (
                '<section id="comments" class="comments">\n<h3>Коментари (1)</h3>\n'
                '<div class="comment"><span class="comment-author">Иван Петров</span> '
                f'<span class="comment-date">{said:%d.%m.%Y %H:%M}</span>\n<p>{COMMENT}</p></div>\n'
                '<form class="comment-form" method="post" action="/komentar">'
                '<h3>Напишете коментар</h3><label>Име <input name="name"></label>'
                '<textarea name="text"></textarea><button type="submit">Изпрати</button></form>\n'
                "</section>\n"
            )
        if "latest" in furniture:
            others = [a for a in self.articles if a is not article][:5]
            items = "\n".join(
                f'<li><span class="date">{a.when:%d.%m.%Y}</span> '
                f'<a href="{self.article_href(a)}">{escape(a.title)}</a></li>'
                for a in others
            )
            latest = (
                f'<aside class="sidebar widget"><h3>Последни новини</h3>\n<ul>\n{items}\n'
                "</ul></aside>\n"
            )
        return crumbs, tools, comments, latest

    # what is not news --------------------------------------------------------------------

    def non_news_pages(self) -> list[str]:
        """The pages beside the news (their paths: a sitemap of everything lists them)."""
        paths = [self.other_path("za-obshtinata"), self.other_path("kontakti")]
        about = "<p>Общината обхваща града и дванадесет села в подножието на планината.</p>"
        self.add(
            paths[0], self.page(f"За общината – {self.name}", f"<h1>За общината</h1>\n{about}")
        )
        self.add(paths[1], self.page(f"Контакти – {self.name}", "<h1>Контакти</h1>\n"
                 "<p>Адрес: площад „Свобода“ 1. Телефон: 0888 123 456.</p>"))  # fmt: skip
        axes = self.axes
        if "events" in axes.non_news:
            rows = []
            for title, slug, text, day in self.events:
                path = self.other_path(f"kalendar/{slug}")
                rows.append(f'<li><span class="date">{day:%d.%m.%Y}</span> '
                            f'<a href="{path}">{escape(title)}</a></li>')  # fmt: skip
                main = (f"<h1>{escape(title)}</h1>\n<p class=\"when\">Дата: {day:%d.%m.%Y}, "
                        f"18:00 ч.</p>\n<p>{escape(text)}</p>")  # fmt: skip
                self.add(path, self.page(f"{title} – {self.name}", main))
                paths.append(path)
            main = (
                '<h1>Календар на събитията</h1>\n<ul class="events">\n'
                + "\n".join(rows)
                + "\n</ul>"
            )  # noqa: E501
            self.add(self.other_path("kalendar"), self.page(f"Календар – {self.name}", main))
            paths.append(self.other_path("kalendar"))
        if "notices" in axes.non_news:
            rows = []
            for title, slug, text, day in self.notices:
                path = self.other_path(f"obyavi/{slug}")
                rows.append(f'<li><span class="date">{day:%d.%m.%Y}</span> '
                            f'<a href="{path}">{escape(title)}</a></li>')  # fmt: skip
                main = (f"<h1>{escape(title)}</h1>\n<p class=\"date\">{day:%d.%m.%Y}</p>\n"
                        f"<p>{escape(text)}</p>")  # fmt: skip
                self.add(path, self.page(f"{title} – {self.name}", main))
                paths.append(path)
                # a municipality's notices are its news (``discover.not_news``: "Обяви"
                # under a menu entry of their own are crawled as a section of news)
                self.site.expected.append({
                    "url": self.origin + path, "title": title, "published": f"{day:%Y-%m-%d}",
                    "author": None, "text": text, "must_contain": [text],
                })  # fmt: skip
            main = '<h1>Обяви</h1>\n<ul class="notices">\n' + "\n".join(rows) + "\n</ul>"
            self.add(self.other_path("obyavi"), self.page(f"Обяви – {self.name}", main))
            paths.append(self.other_path("obyavi"))
        if "tenders" in axes.non_news:
            rows = []
            for number, (title, slug) in enumerate(TENDERS, 1):
                day = self.today - dt.timedelta(days=9 * number)
                pdf = f"/uploads/porachki/{slug}.pdf"
                self.site.files[file_for(pdf)] = b"%PDF-1.4\n% composed\n"
                rows.append(f"<tr><td>{number}/{day:%Y}</td><td>{escape(title)}</td>"
                            f"<td>{day:%d.%m.%Y}</td><td>Открита</td>"
                            f'<td><a href="{pdf}">Документация (PDF)</a></td></tr>')  # fmt: skip
            main = ("<h1>Обществени поръчки</h1>\n<table class=\"tenders\">\n<tr><th>№</th>"
                    "<th>Предмет</th><th>Дата</th><th>Статус</th><th></th></tr>\n"
                    + "\n".join(rows) + "\n</table>")  # fmt: skip
            self.add(
                self.other_path("porachki"), self.page(f"Обществени поръчки – {self.name}", main)
            )  # noqa: E501
            paths.append(self.other_path("porachki"))
        if "documents" in axes.non_news:
            rows = []
            for number, (title, slug) in enumerate(DOCUMENTS, 1):
                day = self.today - dt.timedelta(days=40 * number)
                pdf = f"/uploads/dokumenti/{slug}.pdf"
                self.site.files[file_for(pdf)] = b"%PDF-1.4\n% composed\n"
                rows.append(f'<li><a href="{pdf}">{escape(title)}</a> (PDF, {120 * number} KB), '
                            f"обн. {day:%d.%m.%Y}</li>")  # fmt: skip
            main = '<h1>Документи</h1>\n<ul class="documents">\n' + "\n".join(rows) + "\n</ul>"
            self.add(self.other_path("dokumenti"), self.page(f"Документи – {self.name}", main))
            paths.append(self.other_path("dokumenti"))
        return paths

    # feeds and sitemaps ------------------------------------------------------------------

    def feed(self) -> None:
        if not self.axes.feed:
            return
        items = "\n".join(
            f"<item><title>{escape(a.title)}</title><link>{escape(self.url(a.path))}</link>"
            f"<guid>{escape(self.url(a.path))}</guid><pubDate>{rfc822(a.when)}</pubDate>"
            f"<description>{escape(a.paragraphs[0])}</description></item>"
            for a in self.articles[:10]
        )
        xml = (
            '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>\n'
            f"<title>{escape(self.name)}</title><link>{self.origin}/</link>"
            f"<description>Новини</description><language>bg</language>\n{items}\n"
            "</channel></rss>\n"
        )
        base, _, query = self.feed_path.partition("?")
        suffix = f"@{query}" if query else ""
        if base.endswith("/"):
            name = f"{base.lstrip('/')}index{suffix}.xml"
        else:
            name = f"{base.lstrip('/').removesuffix('.xml')}{suffix}.xml"
        self.site.files[name] = xml

    def sitemap(self, others: list[str]) -> str:
        """robots.txt's Sitemap line ("" without one)."""
        axes = self.axes
        if axes.sitemap == "none":
            return ""

        def urlset(entries: list[tuple[str, str]]) -> str:
            urls = "\n".join(
                f"<url><loc>{escape(self.url(p))}</loc>"
                + (f"<lastmod>{day}</lastmod>" if day else "")
                + "</url>"
                for p, day in entries
            )
            return (
                '<?xml version="1.0" encoding="UTF-8"?>\n'
                '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
                f"{urls}\n</urlset>\n"
            )

        news = [(a.path, f"{a.when:%Y-%m-%d}") for a in self.articles]
        rest = [(p, "") for p in others] if axes.sitemap == "all" else []
        if axes.cms == "wordpress":
            maps = ["/wp-sitemap-posts-post-1.xml"] + (
                ["/wp-sitemap-posts-page-1.xml"] if rest else []
            )
            self.site.files["wp-sitemap-posts-post-1.xml"] = urlset(news)
            if rest:
                self.site.files["wp-sitemap-posts-page-1.xml"] = urlset(rest)
            index = "\n".join(f"<sitemap><loc>{self.origin}{m}</loc></sitemap>" for m in maps)
            self.site.files["wp-sitemap.xml"] = (
                '<?xml version="1.0" encoding="UTF-8"?>\n'
                '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
                f"{index}\n</sitemapindex>\n"
            )
            return f"{self.origin}/wp-sitemap.xml"
        self.site.files["sitemap.xml"] = urlset(news + rest)
        return f"{self.origin}/sitemap.xml"

    def add(self, path: str, html: str) -> None:
        """Serve ``html`` at ``path``: a whole page with its links spelled as the site
        spells them relative (``Axes.relative``) and in its charset (``Axes.charset``);
        a fragment a script inserts as written (root-relative, UTF-8)."""
        if not html.startswith("<!DOCTYPE"):
            self.site.files[file_for(path)] = html
            return
        mode = self.axes.relative
        if mode != "none":
            html = HREF.sub(lambda m: f'href="{self.relative_href(m[1], path)}"', html)
        if mode.startswith("base"):
            base = f"{self.origin}/" if mode == "base-root" else self.base_folder
            html = html.replace("</title>\n", f'</title>\n<base href="{escape(base)}">\n', 1)
        if self.axes.charset != "utf-8":
            html = html.replace(
                '<meta charset="utf-8">',
                '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
                1,
            )
            self.site.files[file_for(path)] = html.encode("cp1251", "xmlcharrefreplace")
            return
        self.site.files[file_for(path)] = html

    @property
    def base_folder(self) -> str:
        """A folder ``<base href>``: the articles' first folder (``/novini/``), or the root."""
        head, sep, _ = self.articles[0].path.lstrip("/").partition("/")
        return f"/{head}/" if sep else "/"

    def relative_href(self, target: str, here: str) -> str:
        """Root-relative ``target`` as a page at ``here`` links it (``Axes.relative``):
        from the page's folder (``x``, ``./x``, ``../x``, ``?page=2`` alone), or from
        its ``<base href>`` (the root, or ``base_folder``), where the page's own address
        counts for nothing."""
        mode = self.axes.relative
        path, mark, query = target.partition("?")
        tail = f"?{query}" if mark else ""
        if mode.startswith("base"):
            folder = "/" if mode == "base-root" else self.base_folder
        else:
            here_path = here.partition("?")[0]
            if path == here_path and tail:
                return tail  # the same page's other query: ``?page=2``
            folder = here_path[: here_path.rindex("/") + 1]
        relative = posixpath.relpath(path, folder) if path != folder else "."
        if path.endswith("/") and relative != ".":
            relative += "/"
        if relative == ".":
            relative = "./"
        elif mode == "dots" and not relative.startswith("../"):
            relative = "./" + relative
        return relative + tail

    def compose(self) -> Site:
        self.home()
        self.listing_pages()
        for article in self.articles:
            self.article_page(article)
        others = self.non_news_pages()
        self.english_pages()
        self.feed()
        line = self.sitemap(others)
        robots = "User-agent: *\nDisallow: /admin/\n"
        if self.axes.robots:  # the print versions and the search, kept from crawlers
            robots += "Disallow: /print/\nDisallow: /search\n"
            form = (
                '<h1>Търсене</h1>\n<form action="/search" method="get"><input name="q">'
                '<button type="submit">Търси</button></form>\n<p>Въведете дума за търсене.</p>'
            )
            self.add("/search", self.page(f"Търсене – {self.name}", form))
        robots += f"\nSitemap: {line}\n" if line else ""
        self.site.files["robots.txt"] = robots
        self.site.mirror = {"content_types": {".pdf": "application/pdf"}}
        moves = {}
        if self.axes.moved in ("old-ids", "old-all"):
            moves = {self.old_path(a): self.url(a.path) for a in self.articles}
        if self.list_link_path != self.list_path:
            moves[self.list_link_path] = self.url(self.list_path)
        if moves:
            self.site.mirror["moved"] = moves
        if self.axes.links == "www" or self.axes.canonical in ("other", "http"):
            self.site.mirror["origin"] = self.origin  # the other spellings redirected here
        self.site.name, self.site.origin = self.name, self.origin
        roles = self.site.roles
        roles["list"] = self.list_path
        if self.axes.pager != "none" and len(self.articles) > self.axes.per_page:
            roles["page2"] = self.page_path(2)
        if self.axes.feed:
            roles["feed"] = self.feed_path
        maps = [name for name in self.site.files if "sitemap" in name]
        if maps:
            roles["sitemap"] = " ".join(f"/{name}" for name in sorted(maps))
        return self.site


def compose(seed: int, today: dt.date | None = None, axes: Axes | None = None) -> Site:
    """The site seed ``seed`` composes, dated from ``today``; ``axes``: other variants
    than the seed's (a failing seed reduced to the few that fail, its words the same)."""
    return Composer(seed, today or dt.date.today(), axes).compose()


# --- crawling and judging -------------------------------------------------------------------


@dataclass
class Verdict:
    seed: int
    axes: Axes
    found: int
    expected: int
    extra: list[str]
    missed: list[str]
    wrong: list[str]  # "url: what differs"
    requests: int
    rerun: int
    rerun_paths: list[str] = field(default_factory=list)

    @property
    def rerun_bound(self) -> int:
        """The no-op rerun's requests at most: robots.txt and two sources (the feed or a
        sitemap, and the news list), and one more for each other section of news the
        site keeps, which a nightly run reads too (a municipality's "Обяви": none of
        the others shows what it posts)."""
        return 3 + ("notices" in self.axes.non_news)

    @property
    def ok(self) -> bool:
        return not (self.extra or self.missed or self.wrong) and self.rerun <= self.rerun_bound

    def row(self) -> str:
        return (
            f"{self.seed:>5} {self.found:>3}/{self.expected:<3} {len(self.extra):>5} "
            f"{self.requests:>8} {self.rerun:>5}  {'ok' if self.ok else 'FAIL':<4}  "
            f"{self.axes.short()}"
        )


def rows_of(db: Path) -> dict[str, tuple[str, str | None, str, str | None]]:
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(db)) as conn:
        return {
            url: (title, published, text, author)
            for url, title, published, text, author in conn.execute(
                "SELECT url, title, published, text, author FROM articles"
            )
        }


def judge(seed: int, root: Path, site: Site) -> Verdict:
    """Crawl the site written at ``root`` twice from a bare profile; what came of it."""
    host = site.origin.partition("://")[2]
    profile = Profile(id=f"composed{seed}", name=site.name, origin=site.origin, hosts=(host,))
    with MirrorServer(root) as server:
        db = root.parent / f"composed-{seed}.db"
        options = CrawlOptions(base_url=server.url, fetch=FetchOptions(delay=0))
        (first,) = crawl(db, [profile], options)
        asked = len(server.requests)
        (again,) = crawl(db, [profile], options)
        rerun_paths = server.requests[asked:]
        every = list(server.requests)
    verdict = verdict_of(seed, site, db, first.requests, again.requests, rerun_paths)
    verdict.wrong += [
        f"asked {path}, which robots.txt disallows" for path in disallowed(site, every)
    ]
    return verdict


def disallowed(site: Site, asked: list[str]) -> list[str]:
    """Of the paths ``asked``, those the site's robots.txt disallows."""
    robots = str(site.files.get("robots.txt", ""))
    rules = [
        line.split(":", 1)[1].strip()
        for line in robots.splitlines()
        if line.startswith("Disallow:")
    ]
    return sorted({path for path in asked if any(rule and path.startswith(rule) for rule in rules)})


def verdict_of(
    seed: int, site: Site, db: Path, requests: int, rerun: int, rerun_paths: list[str]
) -> Verdict:
    """What the archive ``db`` holds of ``site``, its crawl having made ``requests``
    and its no-op rerun ``rerun`` (asking ``rerun_paths``)."""
    want = {url_key(str(row["url"])): row for row in site.expected}
    # an article under a second address too (``Axes.twin``): either address is it, once
    alias = {
        url_key(str(other)): key
        for key, row in want.items()
        for other in row.get("aliases", []) or []  # type: ignore[attr-defined]
    }
    got: dict[str, str] = {}
    twice = []
    for url in sorted(archived(db)):
        key = alias.get(url_key(url), url_key(url))
        if key in got:
            twice.append(url)
        else:
            got[key] = url
    rows = rows_of(db)
    wrong = []
    for key in sorted(set(got) & set(want)):
        row, (title, published, text, author) = want[key], rows[got[key]]
        if title != row["title"]:
            wrong.append(f"{got[key]}: title {title!r}")
        if row["author"] and author != row["author"]:  # where the page states a byline
            wrong.append(f"{got[key]}: author {author!r} not {row['author']}")
        if (published or "")[:10] != row["published"]:
            wrong.append(f"{got[key]}: published {published!r} not {row['published']}")
        lines = row["must_contain"]
        assert isinstance(lines, list)
        for line in lines:
            if line not in text:
                wrong.append(f"{got[key]}: text lacks {line[:40]!r}")
        for junk in BOILERPLATE:
            if junk in text:
                wrong.append(f"{got[key]}: text holds {junk!r}")
    return Verdict(
        seed, site.axes, len(set(got) & set(want)), len(want),
        extra=sorted([got[k] for k in set(got) - set(want)] + twice),
        missed=sorted(str(want[k]["url"]) for k in set(want) - set(got)),
        wrong=wrong, requests=requests, rerun=rerun, rerun_paths=rerun_paths,
    )  # fmt: skip


def run_seed(seed: int, keep: Path | None = None, axes: Axes | None = None) -> Verdict:
    """Compose, write (to ``keep``, or a folder removed after), crawl and judge a seed."""
    site = compose(seed, axes=axes)
    with tempfile.TemporaryDirectory(prefix=f"composed-{seed}-") as tmp:
        root = keep or Path(tmp) / "site"
        site.write(root)
        return judge(seed, root, site)


HEADER = f"{'seed':>5} {'found':>7} {'extra':>5} {'requests':>8} {'rerun':>5}  verdict  axes"


def details(verdict: Verdict) -> list[str]:
    return (
        [f"  missed {url}" for url in verdict.missed]
        + [f"  extra  {url}" for url in verdict.extra]
        + [f"  wrong  {line}" for line in verdict.wrong]
        + (
            [f"  rerun  {' '.join(verdict.rerun_paths)}"]
            if verdict.rerun > verdict.rerun_bound
            else []
        )
    )


# --- cut and resumed (--cut) -------------------------------------------------------------
#
# ``bench/cut_sweep.py``'s machinery, on sites nobody wrote: its crawls (a ``newsarchive
# crawl`` process, one connection, no delay: one order of requests, ``cut_sweep.run``) and
# its server (``CutMirror``: SIGKILLs the crawl as its k-th request arrives).

CUTS = 3  # cut points a seed: one while exploring, one reading an article, one anywhere


@dataclass
class CutPoint:
    """The crawl killed as its ``k``-th request (``path``) arrived, then run to the end
    and once more (a no-op)."""

    k: int
    phase: str  # "explore" (``exploring_end``), "article" (one asked after), "other"
    path: str
    extra: int = 0  # the cut crawl's and its completion's requests beyond the uncut one's
    bound: int = 0  # ``resume_bound``
    reasked: list[str] = field(default_factory=list)  # ``cut_sweep.asked_again``
    failures: list[str] = field(default_factory=list)

    def cell(self) -> str:
        return f"{self.k}{self.phase[0]}+{self.extra}{'!' if self.failures else ''}"


@dataclass
class CutVerdict:
    """A seed crawled uncut (the reference, its own verdict) and cut at ``cuts``."""

    reference: Verdict
    total: int  # the uncut crawl's requests (R)
    explored: int  # of them, those before its first article
    cuts: list[CutPoint]

    @property
    def ok(self) -> bool:
        return self.reference.ok and not any(c.failures for c in self.cuts)

    def row(self) -> str:
        cells = " ".join(c.cell() for c in self.cuts) or "-"
        verdict = "ok" if self.ok else ("FAIL" if self.reference.ok else "UNCUT")
        return (
            f"{self.reference.seed:>5} {self.total:>4} {self.explored:>4}  {cells:<24} "
            f"{verdict:<5}  {self.reference.axes.short()}"
        )


def resume_bound(k: int, explored: int, kept: int, robots: int, site: Site) -> int:
    """The requests a crawl cut at its ``k``-th and run to the end may make beyond the
    uncut crawl's. Cut while exploring (``k <= explored``): exploring is done again, so
    the ``k`` asked before and at the cut at most. Cut after: the killed request and
    robots.txt (``robots``: each host's the uncut crawl asked, the ``www.`` twin's too);
    each source a run reads to find what is new: the feed, every sitemap
    file (an index and its maps: a first crawl cut settled none of them, so all are read
    again), the news list's first page, "Обяви"'s; the page the cut walk was reading;
    and the ``kept`` articles exploring read and kept for the crawl (``explorer.
    article_site_map``'s sample: in memory until its turn, so lost with the process)."""
    if k <= explored:
        return k
    axes = site.axes
    sitemaps = sum(1 for name in site.files if "sitemap" in name)
    sources = axes.feed + sitemaps + 1 + ("notices" in axes.non_news)
    return 1 + robots + sources + (axes.pager != "none") + kept


def article_requests(asked: list[str], site: Site) -> list[int]:
    """Which of the requests ``asked`` (1-based) asked an article (a notice too): the
    rest are exploring, listings, feeds, sitemaps."""
    news = {url_key(str(row["url"])) for row in site.expected}
    return [k for k, path in enumerate(asked, 1) if url_key(site.origin + path) in news]


def exploring_end(articles: list[int], total: int) -> int:
    """The requests exploring made: those before the articles are read one after
    another (an article exploring reads alone, a sample it keeps for the crawl, comes
    before its end)."""
    return next(
        (k - 1 for k in articles if k + 1 in articles), articles[0] - 1 if articles else total
    )


def phase(k: int, explored: int, articles: list[int]) -> str:
    return "explore" if k <= explored else "article" if k in articles else "other"


def cut_points(
    seed: int, total: int, explored: int, articles: list[int], cuts: int = CUTS
) -> list[int]:
    """Seeded cut points over the uncut crawl's ``total`` requests: one while exploring
    (robots.txt aside), one as an article is asked after it, the rest anywhere."""
    rng = random.Random(seed * 7907 + 286)
    chosen: set[int] = set()
    for pool in (list(range(2, explored + 1)), [k for k in articles if k > explored]):
        if pool and len(chosen) < cuts:
            chosen.add(rng.choice(pool))
    rest = [k for k in range(1, total + 1) if k not in chosen]
    chosen.update(rng.sample(rest, max(0, min(len(rest), cuts - len(chosen)))))
    return sorted(chosen)


def cut_trial(
    seed: int,
    site: Site,
    tmp: Path,
    server: cut_sweep.CutMirror,
    uncut: tuple[list[str], set[str], int, int],
    point: CutPoint,
) -> None:
    """Cut a fresh archive's crawl at ``point.k``, run it to the end and once more, and
    judge it as the uncut crawl was judged, beside ``torture_bench``'s invariants."""
    asked, urls, explored, kept = uncut
    name, k = f"composed{seed}", point.k
    trial = tb.Trial(k, "cut", name)
    db = tmp / f"cut-{k}.db"
    code, err, first = cut_sweep.run(tmp, name, server, db, cut=k)
    trial.check(code == -signal.SIGKILL, f"the cut crawl exit {code} after {len(first)} requests")
    tb.check_archive(trial, db, "after the cut", None)
    code, err, rest = cut_sweep.run(tmp, name, server, db)
    trial.check(code == 0, f"completing run exit {code}: {err[-400:]}")
    tb.no_traceback(trial, "completing run", err)
    tb.check_archive(trial, db, "after completion", urls)  # the uncut crawl's, spelt so
    keys = Counter(url_key(url) for url in archived(db))
    twice = sorted(key for key, n in keys.items() if n > 1)
    trial.check(not twice, f"archived twice: {twice[:3]}")
    titles = Counter(row[0] for row in rows_of(db).values())
    trial.check(all(n == 1 for n in titles.values()), f"a title twice: {titles.most_common(1)}")
    code, err, again = cut_sweep.run(tmp, name, server, db)
    trial.check(code == 0, f"no-op rerun exit {code}: {err[-400:]}")
    tb.no_traceback(trial, "no-op rerun", err)
    verdict = verdict_of(seed, site, db, len(first) + len(rest), len(again), again)
    for line in details(verdict):
        trial.check(False, line.strip())
    point.extra = len(first) + len(rest) - len(asked)
    point.bound = resume_bound(k, explored, kept, asked.count("/robots.txt"), site)
    trial.check(
        point.extra <= point.bound,
        f"resumed: {point.extra} requests beyond the uncut {len(asked)}, bound {point.bound}:"
        f" {' '.join(rest)}",
    )
    point.reasked = cut_sweep.asked_again(first, rest, k)
    point.failures = trial.failures


def cut_seed(seed: int, cuts: int = CUTS, at: tuple[int, ...] = ()) -> CutVerdict:
    """Crawl seed ``seed``'s site uncut (and once more: the reference verdict), then cut
    at ``at``, or at ``cut_points``; each cut a fresh archive's."""
    site = compose(seed)
    name = f"composed{seed}"
    tb.BARE[name] = (site.name, site.origin, [site.origin.partition("://")[2]])
    with tempfile.TemporaryDirectory(prefix=f"composed-cut-{seed}-") as folder:
        tmp = Path(folder)
        site.write(tmp / "site")
        with cut_sweep.CutMirror(tmp / "site") as server:
            db = tmp / "uncut.db"
            code, err, asked = cut_sweep.run(tmp, name, server, db)
            _, _, again = cut_sweep.run(tmp, name, server, db)
            reference = verdict_of(seed, site, db, len(asked), len(again), again)
            if code != 0:
                reference.wrong.append(f"the uncut crawl exit {code}: {err[-300:]}")
            articles = article_requests(asked, site)
            explored = exploring_end(articles, len(asked))
            ks = at or cut_points(seed, len(asked), explored, articles, cuts)
            points = [
                CutPoint(k, phase(k, explored, articles), asked[k - 1])
                for k in ks
                if 1 <= k <= len(asked)
            ]
            kept = sum(1 for k in articles if k <= explored)
            uncut = (asked, set(archived(db)), explored, kept)
            for point in points if reference.ok else []:
                cut_trial(seed, site, tmp, server, uncut, point)
    return CutVerdict(reference, len(asked), explored, points)


CUT_HEADER = f"{'seed':>5} {'R':>4} {'expl':>4}  {'cuts (k, phase, +extra)':<24} verdict axes"


def cut_main(args: argparse.Namespace, out: Callable[[str], object]) -> int:
    """``--cut``: per seed one row (its cuts as ``k``, phase initial, requests beyond the
    uncut crawl's, ``!`` failed) and each failure; a summary."""
    out(CUT_HEADER)
    at = tuple(int(k) for k in args.at.split(",")) if args.at else ()
    seeds = [args.seed] if args.seed is not None else range(args.start, args.start + args.seeds)
    run = functools.partial(cut_seed, cuts=args.cuts, at=at)
    with ProcessPoolExecutor(max(1, args.jobs)) as pool:
        verdicts = []
        for verdict in pool.map(run, seeds):
            verdicts.append(verdict)
            out(verdict.row())
            for line in details(verdict.reference) if not verdict.reference.ok else []:
                out(line)
            for point in verdict.cuts:
                for failure in point.failures:
                    out(f"  k={point.k} {point.phase} {point.path}: {failure[:300]}")
    points = [p for v in verdicts for p in v.cuts]
    extra = [p.extra for p in points] or [0]
    failed = [v.reference.seed for v in verdicts if not v.ok]
    reasks = dict(sorted(Counter(len(p.reasked) for p in points).items()))
    out(
        f"{len(verdicts)} seeds, {len(points)} cut points"
        f" ({', '.join(f'{n} {p}' for p, n in sorted(Counter(p.phase for p in points).items()))}),"
        f" {sum(1 for p in points if p.failures)} failed; requests beyond the uncut crawl's:"
        f" min {min(extra)} max {max(extra)} mean {sum(extra) / len(extra):.1f};"
        f" paths asked again by cut: {reasks}"
        + (f"; failed seeds: {' '.join(map(str, failed))}" if failed else "")
    )
    return 2 if failed else 0


# --- a failing server (--faults) --------------------------------------------------------
#
# ``newsarchive.mirror``'s fault machinery (``PathFaults``: per path an ``Answer`` or a
# sleep, for some requests or until healed), on sites nobody wrote: seeded faults on a
# seed's own sources and articles, the site crawled three times (``newsarchive crawl``
# processes, one connection: the faults meet one order of requests).

TIMEOUT = 1.5  # the crawls' $NEWSARCHIVE_TIMEOUT: a page that hangs costs this, not 20 s
HANG = TIMEOUT + 1.0  # what a hanging page sleeps before answering
MAINTENANCE = "Сайтът е в профилактика"
# what an error or maintenance page says: no archived text may hold it
ERROR_TEXTS = ("busy", "404 Not Found", MAINTENANCE, "Моля, опитайте отново по-късно")
# the no-op run's requests for an article gone for good: none (README, "Exit codes": a
# 404 is recorded, not retried, and not a failure; a source listing it again queues
# nothing already settled)
GONE_COST = 0


def maintenance_page(name: str) -> bytes:
    """A CMS's maintenance mode answering ``200`` with its notice (in our own words)."""
    return (
        '<!DOCTYPE html>\n<html lang="bg"><head><meta charset="utf-8">'
        f"<title>{escape(name)}</title></head>\n<body>\n<h1>{MAINTENANCE}</h1>\n"
        "<p>В момента обновяваме сайта. Моля, опитайте отново по-късно."
        "</p>\n</body></html>\n"
    ).encode()


@dataclass
class Planted:
    """One fault: its ``kind``, the ``path`` it answers (as sent), how long it lasts:
    "once" (its first request, so a retry heals it), "run1" (the whole first run),
    "always" (gone for good); ``met``: requests it answered in run 1."""

    kind: str
    path: str
    lasts: str
    met: int = 0

    def fault(self, name: str) -> Fault:
        busy = {"Retry-After": "1"}
        answer: int | Answer | None = {
            "busy-page": Answer(503, headers=busy),
            "throttled-feed": Answer(429, headers=busy),
            "error-article": 500,
            "cut-article": Answer(cut=True),
            "cut-sitemap": Answer(cut=True),
            "hang-list": None,
            "maintenance": Answer(200, maintenance_page(name)),
            "gone": Answer(404, NOT_FOUND_PAGE),
        }[self.kind]
        return Fault(
            answer,
            sleep=HANG if self.kind == "hang-list" else 0.0,
            times=1 if self.lasts == "once" else 0,
        )

    def cell(self) -> str:
        return f"{self.kind}{'' if self.lasts == 'run1' else '/' + self.lasts}:{self.met}"


def plant(seed: int, site: Site, count: int = 3) -> list[Planted]:
    """``count`` faults (seeded, of those the site has sources for), each on a path of
    its own: a busy listing page 2, a throttled feed, an article answering 500, cut
    mid-body or a maintenance page for the first run, a sitemap cut, the list hanging
    once, an article gone for good."""
    rng = random.Random(seed * 7919 + 290)
    roles = site.roles
    articles = [url_key_path(str(row["url"]), site.origin) for row in site.expected]
    rng.shuffle(articles)
    kinds = ["error-article", "cut-article", "maintenance", "gone", "hang-list"]
    kinds += ["busy-page"] if "page2" in roles else []
    kinds += ["throttled-feed"] if "feed" in roles else []
    kinds += ["cut-sitemap"] if "sitemap" in roles else []
    planted = []
    for kind in sorted(rng.sample(kinds, min(count, len(kinds)))):
        lasts = {"gone": "always", "hang-list": "once"}.get(kind, "run1")
        if kind.startswith("cut"):
            lasts = rng.choice(("once", "run1"))
        if kind.endswith("article") or kind in ("maintenance", "gone"):
            path = articles.pop()
        elif kind == "hang-list":  # (page 2 unless busy already: one fault a path)
            pages = {roles["list"], roles.get("page2", roles["list"])}
            path = rng.choice(sorted(pages - {p.path for p in planted}))
        else:
            path = rng.choice(roles[kind.partition("-")[2].replace("page", "page2")].split())
        planted.append(Planted(kind, path, lasts))
    return planted


def url_key_path(url: str, origin: str) -> str:
    """An expected row's ``url`` as its request's path (percent-encoded as written)."""
    return url.removeprefix(origin) or "/"


@dataclass
class FaultVerdict:
    """A seed's site crawled three times under ``planted`` faults: run 1 with every
    fault, run 2 with the lasting ones ("always"), run 3 a no-op."""

    seed: int
    axes: Axes
    planted: list[Planted]
    codes: tuple[int, int, int]
    requests: tuple[int, int, int]
    failures: list[str] = field(default_factory=list)
    stderr: str = ""  # run 1's

    @property
    def ok(self) -> bool:
        return not self.failures

    def row(self) -> str:
        faults = " ".join(p.cell() for p in self.planted)
        return (
            f"{self.seed:>5} {'/'.join(map(str, self.codes)):>7} "
            f"{'/'.join(map(str, self.requests)):>10}  {'ok' if self.ok else 'FAIL':<4}  "
            f"{faults}  | {self.axes.short()}"
        )


FAULT_HEADER = f"{'seed':>5} {'exits':>7} {'requests':>10}  verdict  faults (kind:met)  | axes"


def fault_crawl(tmp: Path, name: str, server: MirrorServer, db: Path) -> tuple[int, str, int]:
    """One ``newsarchive crawl`` (one connection, no delay, short timeout and backoff):
    its exit status, stderr and requests."""
    import subprocess

    before = len(server.requests)
    command = [
        sys.executable, "-m", "newsarchive", "crawl", name, "--profile",
        str(tb.profile(tmp, name)), "--base-url", server.url, "--delay", "0", "--db", str(db),
        "--connections", "1",
    ]  # fmt: skip
    env = {**tb.env(tmp), "NEWSARCHIVE_TIMEOUT": str(TIMEOUT)}
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    return done.returncode, done.stderr, len(server.requests) - before


def fault_seed(seed: int, count: int = 3, keep: Path | None = None) -> FaultVerdict:
    """Seed ``seed``'s site under ``plant``'s faults, crawled three times and judged:
    run 1 exits 1 naming each fault that outlasted its retries on a line of stderr (0
    when none did), no traceback; after run 2 (exit 0, stderr empty) every article but
    the gone one archived whole and right, none twice, no error page's text; run 3
    quiet, within ``Verdict.rerun_bound`` and ``GONE_COST``. ``keep``: the folder to
    write the site and its archive to (one removed after, without)."""
    from urllib.parse import unquote

    site = compose(seed)
    planted = plant(seed, site, count)
    gone = {p.path for p in planted if p.lasts == "always"}
    site.expected = [
        row for row in site.expected if url_key_path(str(row["url"]), site.origin) not in gone
    ]
    name = f"composed{seed}"
    tb.BARE[name] = (site.name, site.origin, [site.origin.partition("://")[2]])
    faults = PathFaults({p.path: p.fault(site.name) for p in planted})
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix=f"composed-faults-{seed}-") as folder:
        tmp = keep or Path(folder)
        site.write(tmp / "site")
        db = tmp / "archive.db"
        with MirrorServer(tmp / "site", intercept=faults, quiet=True) as server:
            code1, err1, asked1 = fault_crawl(tmp, name, server, db)
            for p in planted:
                p.met = faults.met.get(p.path, 0)
            faults.heal({p.path for p in planted if p.lasts != "always"})
            code2, err2, asked2 = fault_crawl(tmp, name, server, db)
            before = len(server.requests)
            code3, err3, asked3 = fault_crawl(tmp, name, server, db)
            rerun_paths = server.requests[before:]
        lasting = [p for p in planted if p.lasts == "run1" and p.met]
        for run, err in (("run 1", err1), ("run 2", err2), ("run 3", err3)):
            if "Traceback" in err:
                failures.append(f"{run}: a traceback: {err[-300:]}")
            stray = [line for line in err.splitlines() if not line.startswith("newsarchive: ")]
            if stray:  # (each failure one line of its own, named as the program's)
                failures.append(f"{run}: stderr line {stray[0][:200]!r}")
        if code1 != (1 if lasting else 0):
            failures.append(f"run 1 exit {code1}, not {1 if lasting else 0}: {err1[-300:]}")
        said = unquote(err1)
        for p in lasting:
            if unquote(p.path) not in said and "not asked again in this run" not in said:
                failures.append(f"run 1's stderr names no {p.kind} at {p.path}: {err1[-300:]}")
        if code2 != 0 or err2.strip():
            failures.append(f"run 2 exit {code2}, stderr {err2.strip()[-300:]!r}")
        if code3 != 0 or err3.strip():
            failures.append(f"run 3 exit {code3}, stderr {err3.strip()[-300:]!r}")
        verdict = verdict_of(seed, site, db, asked1 + asked2, asked3, rerun_paths)
        failures += [line.strip() for line in details(verdict) if "rerun" not in line]
        if asked3 > verdict.rerun_bound + GONE_COST * len(gone):
            failures.append(
                f"run 3 asked {asked3} > {verdict.rerun_bound + GONE_COST * len(gone)}:"
                f" {' '.join(rerun_paths)}"
            )
        keys = Counter(url_key(url) for url in archived(db))
        twice = sorted(key for key, n in keys.items() if n > 1)
        if twice:
            failures.append(f"archived twice: {twice[:3]}")
        rows = rows_of(db)
        titles = Counter(row[0] for row in rows.values())
        if any(n > 1 for n in titles.values()):
            failures.append(f"a title twice: {titles.most_common(1)}")
        for url, (title, _, text, _) in sorted(rows.items()):
            junk = [t for t in ERROR_TEXTS if t in text or t in title]
            if junk:
                failures.append(f"{url} holds an error page's {junk[0]!r}")
    return FaultVerdict(
        seed, site.axes, planted, (code1, code2, code3), (asked1, asked2, asked3), failures, err1
    )


def faults_main(args: argparse.Namespace, out: Callable[[str], object]) -> int:
    """``--faults``: per seed one row (the three runs' exits and requests, each fault
    and the requests it answered in run 1) and each failure; a summary."""
    out(FAULT_HEADER)
    seeds = [args.seed] if args.seed is not None else range(args.start, args.start + args.seeds)
    with ProcessPoolExecutor(max(1, args.jobs)) as pool:
        verdicts = []
        run = functools.partial(fault_seed, keep=args.keep if args.seed is not None else None)
        for verdict in pool.map(run, seeds):
            verdicts.append(verdict)
            out(verdict.row())
            for failure in verdict.failures:
                out(f"  {failure[:400]}")
            if args.seed is not None:
                out(f"  faults at {' '.join(p.path for p in verdict.planted)}")
                out("  run 1's stderr:\n" + verdict.stderr.rstrip())
    failed = [v.seed for v in verdicts if not v.ok]
    kinds = Counter(p.kind for v in verdicts for p in v.planted if p.met)
    out(
        f"{len(verdicts)} seeds, {len(failed)} failed; faults met:"
        f" {', '.join(f'{n} {k}' for k, n in sorted(kinds.items()))}"
        + (f"; failed seeds: {' '.join(map(str, failed))}" if failed else "")
    )
    return 2 if failed else 0


def main(argv: list[str] | None = None, out: Callable[[str], object] = print) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--seed", type=int, help="reproduce one seed, with its misses")
    parser.add_argument("--keep", type=Path, help="with --seed: write the site there")
    parser.add_argument("--jobs", type=int, default=1, help="crawls at once (at most 2 here)")
    parser.add_argument("--cut", action="store_true", help="crawls cut and resumed, per seed")
    parser.add_argument("--cuts", type=int, default=CUTS, help="with --cut: cut points a seed")
    parser.add_argument("--at", help="with --cut --seed: these cut points (k,k,...)")
    parser.add_argument("--faults", action="store_true", help="crawls of a failing server")
    args = parser.parse_args(argv)
    if args.cut:
        return cut_main(args, out)
    if args.faults:
        return faults_main(args, out)
    out(HEADER)
    if args.seed is not None:
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
        verdicts = [run_seed(args.seed, args.keep)]
    else:
        seeds = range(args.start, args.start + args.seeds)
        if args.jobs > 1:
            with ProcessPoolExecutor(args.jobs) as pool:
                verdicts = list(pool.map(run_seed, seeds))
        else:
            verdicts = [run_seed(seed) for seed in seeds]
    for verdict in verdicts:
        out(verdict.row())
        if args.seed is not None or not verdict.ok:
            for line in details(verdict)[: None if args.seed is not None else 4]:
                out(line)
    failed = [v.seed for v in verdicts if not v.ok]
    out(
        f"{len(verdicts)} seeds, {len(failed)} failed"
        + (f": {' '.join(map(str, failed))}" if failed else "")
    )
    return 2 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
