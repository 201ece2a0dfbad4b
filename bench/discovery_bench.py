"""Discovery bench: each offline mirror crawled from its origin alone (a profile holding
only id, name, origin and hosts), then again as a nightly run would.

Reports per mirror: requests spent exploring in the first run, requests of the whole first
run, articles archived against the mirror's expected.json, and the requests of the no-op
rerun (target: <= 3 per site). Served by ``MirrorServer`` on 127.0.0.1.

Then what ``add-site`` proposes for the mirror, loaded as ``crawl`` loads a profile and
crawled into an archive of its own, then again: its articles against the bare crawl's,
and its no-op rerun's requests (target: the proposal loads, archives no fewer of the
expected articles and no more others than the bare profile, and its rerun costs no more:
a profile's hints must never make the crawl worse than none). ``--bare`` leaves these
columns out: they double the bench's time (~25 s more).
"""

from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
from pathlib import Path

from newsarchive.add_site import propose, render, write_profile
from newsarchive.api import crawl
from newsarchive.crawl_run import CrawlOptions
from newsarchive.discover.urls import url_key
from newsarchive.errors import NewsarchiveError
from newsarchive.fetch.client import FetchOptions
from newsarchive.mirror import MirrorServer
from newsarchive.models import Profile
from newsarchive.profiles import get_profile
from newsarchive.profiles.loader import load_profile_file

SITES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "sites"
BARE = {
    site: Profile(id=site, name=p.name, origin=p.origin, hosts=p.hosts)
    for site in ("bta", "nsorb", "ruse-bg", "ruse24")
    for p in [get_profile(site)]
}
BARE["primer"] = Profile(
    id="primer", name="Община Примерна", origin="https://www.primer-obshtina.bg",
    hosts=("www.primer-obshtina.bg",),
)  # fmt: skip


# CMS shapes nobody wrote the heuristics against (tests/fixtures/make_mirrors_cms.py):
# Joomla 3, a Bitrix-style PHP site in windows-1251, Drupal 7
for site, name, origin in (
    ("dabravino", "Община Дъбравино", "https://www.dabravino.bg"),
    ("kremena", "Община Кремена", "https://kremena.bg"),
    ("yasenkovo", "Община Ясенково", "https://www.yasenkovo.bg"),
    # and site shapes (tests/fixtures/make_mirrors_shapes.py): WordPress with AMP copies,
    # session ids with print views, clickable rows with a short Atom feed
    ("zornitsa", "Община Зорница", "https://zornitsa.bg"),
    ("kalinovo", "Община Калиново", "https://kalinovo.bg"),
    ("rechitsa", "Община Речица", "https://www.rechitsa.bg"),
    # and a third round (tests/fixtures/make_mirrors_round3.py): a Next.js site with items in
    # __NEXT_DATA__, an old site reaching older news only by its month archive, a portal
    # with three streams of news, PDFs, Crawl-delay and an endless calendar
    ("bregovitsa", "Глас на Бреговица", "https://glasbregovitsa.bg"),
    ("drenavo", "Община Дренаво", "http://www.drenavo.bg"),
    ("belorechie", "Община Белоречие", "https://belorechie.bg"),
    # and older, plainer sites (tests/fixtures/make_mirrors_round4.py): one layout table
    # with cp1251 in <meta> only, and a village community centre's Blogger blog
    ("tihorechie", "Община Тихоречие", "http://www.tihorechie.org"),
    ("iskra-vedrovo", "НЧ „Искра 1911“ – с. Ведрово", "https://iskra-vedrovo.blogspot.com"),
    # and the early web (tests/fixtures/make_mirrors_round5.py): a frameset, a news list in
    # an iframe opening pop-ups by script, ASP.NET WebForms paged by form posts
    ("vrabchovo", "Община Врабчово", "http://www.vrabchovo.org"),
    ("slivovo", "Регионална библиотека – Сливово", "https://www.biblioteka-slivovo.org"),
    ("ramnitsa", "Община Рамница", "https://www.ramnitsa.bg"),
    # and news as one page of items in full, no page of their own, older ones on a page
    # of the year before (tests/fixtures/make_mirrors_items.py)
    ("gorsko-pole", "Кметство Горско поле", "https://kmetstvo-gorskopole.bg"),
    # and today's shapes (tests/fixtures/make_mirrors_round6.py): articles split over
    # pages, older news only through "Зареди още" buttons loading HTML fragments, and a
    # WordPress site drawn by script from its REST API
    ("bistrets", "Вестник „Бистрец“", "https://vestnik-bistrets.bg"),
    ("vedritsa", "Община Ведрица", "https://vedritsa.bg"),
    ("ostrovche", "Община Островче", "https://ostrovche.bg"),
    # and a seventh round (tests/fixtures/make_mirrors_round7.py): a static site behind a
    # meta refresh linking with "../", Joomla 1.5 non-SEF with the date in words under the
    # text, WordPress with Cyrillic slugs in three spellings, a drop-down pager, PHP-Fusion,
    # a uCoz site paged with ?page2
    ("studenets", "Община Студенец", "http://www.studenets.org"),
    ("slaveyno", "Община Славейно", "https://www.slaveyno.bg"),
    ("pastrogor", "Община Пъстрогор", "https://pastrogor.bg"),
    ("yavorets", "Община Яворец", "https://www.yavorets.bg"),
    ("topolnik", "Община Тополник", "http://www.topolnik.org"),
    ("lipnitsa", "НЧ „Пробуда 1927“ – с. Липница", "https://lipnitsa.ucoz.net"),
    # and an eighth (tests/fixtures/make_mirrors_round8.py): a SharePoint regional
    # administration listing a bare table of "28 XI 2026 г." dates and links, a library
    # whose server moved its host while its pages and robots.txt still name the old one,
    # a police directorate whose articles declare http:// canonicals on an https:// site,
    # a school on Drupal 10 paged 0-based, its home page linking /node/N
    ("kamenets", "Областна администрация Каменец", "https://kamenets.government.bg"),
    (
        "zelenika",
        "Регионална библиотека „Христо Смирненски“ – Зеленика",
        "https://www.biblioteka-zelenika.bg",
    ),
    ("mladenovo", "ОДМВР – Младеново", "https://mladenovo.mvr.bg"),
    ("yabalkovo", "СУ „Васил Левски“ – Ябълково", "https://su-yabalkovo.bg"),
    # and a ninth (tests/fixtures/make_mirrors_round9.py): news listed only in a JSON-LD
    # ItemList drawn into cards by script, a feed and its links behind a redirector, a uCoz
    # blog with the time in the date's tooltip, a host moved while the profile names the old
    ("brezitsa", "Община Брезица", "https://www.brezitsa.bg"),
    ("vodenitsa", "Воденица Нюз", "https://vodenitsa-news.bg"),
    ("chernolik", "НЧ „Светлина 1908“ – с. Чернолик", "https://chernolik.at.ua"),
    ("ezerets", "Община Езерец", "http://www.ezerets.bg"),
    # and a feed whose links a home-made CMS writes without a scheme
    ("pyasachevo", "Община Пясъчево", "http://www.pyasachevo.bg"),
    # and a tenth (tests/fixtures/make_mirrors_round10.py): hashed and utility classes only,
    # no semantic elements; "Зареди още" from a JSON endpoint, older years in /arhiv/<year>
    ("maglenik", "Община Мъгленик", "https://www.maglenik.bg"),
    ("ravnishte", "Община Равнище", "https://ravnishte.bg"),
    # and listings linking only the AMP copies, the byline on the canonical page alone
    ("trankovo", "Община Трънково", "https://trankovo.bg"),
    # and an eleventh (tests/fixtures/make_mirrors_round11.py): older news only in the
    # plain-text sitemap robots.txt names; one day's news a page, "« Предишен ден" back
    ("kozarevo", "Община Козарево", "https://kozarevo.bg"),
    ("lozen-dol", "Община Лозен дол", "https://www.lozen-dol.bg"),
    # and an IIS site linking each article in two letter cases, one listed page a soft 404
    ("sinyo-bardo", "Община Синьо бърдо", "https://www.sinyobardo.bg"),
    # and a twelfth (tests/fixtures/make_mirrors_round12.py): the menu's "Новини" on a
    # host of its own under the site's domain, beside the council's, mail and English ones
    ("orehovitsa", "Община Ореховица", "https://www.orehovitsa.bg"),
    # and a thirteenth (tests/fixtures/make_mirrors_round13.py): UTF-8 pages a server
    # header calls windows-1251
    ("medovnitsa", "Община Медовница", "https://www.medovnitsa.bg"),
    # and Joomla's menu items numbered from 101, one article under three Itemids
    ("galabets", "Община Гълъбец", "https://www.galabets.bg"),
    # and earlier years of news only through a drop-down of years in a GET form
    ("zimnitsa", "Община Зимница", "https://zimnitsa.bg"),
    # and "/" only a choice of language, "Български" or "English"
    ("chinarovo", "Община Чинарово", "https://www.chinarovo.bg"),
    # and a pager of javascript:goPage(N) links
    ("srebrevo", "Община Сребрево", "https://www.srebrevo.bg"),
    # and a fourteenth (tests/fixtures/make_mirrors_round14.py): ASP.NET cookieless
    # sessions, a new /(S(<id>))/ in every address of every visit
    ("rosenishte", "Община Росенище", "https://www.rosenishte.bg"),
    # and a pager of two SVG arrows with no word
    ("klenovets", "Община Кленовец", "https://klenovets.bg"),
    # and "Следваща »" on the last page too, a number past the end answered with page 1
    ("borinovo", "Община Бориново", "https://www.borinovo.bg"),
    # and a pager of GET forms, a hidden page number and a submit button
    ("tsvetnitsa", "Община Цветница", "https://tsvetnitsa.bg"),
    # and WordPress showing no date, the category page every post's canonical
    ("zvanets", "Община Звънец", "https://zvanets.bg"),
    # and "/" a script sending the browser to /bg/, no link, no refresh
    ("dabovik", "Община Дъбовик", "https://www.dabovik.bg"),
    # and a .бг domain, the profile naming it in Cyrillic, the CMS linking it in punycode
    ("zvezditsa", "Община Звездица", "https://община-звездица.бг"),
    # and the newest three on the home page, older news only by "« Предишна новина"
    ("zheravitsa", "Община Жеравица", "https://www.zheravitsa.bg"),
    # and WordPress whose "Зареди още" posts to admin-ajax, /page/2/ linked from nowhere
    ("lyulyakovo", "Община Люляково", "https://lyulyakovo.bg"),
    # and a fifteenth (tests/fixtures/make_mirrors_round15.py): the next listing page
    # named only by <link rel="next"> in <head>, no pager shown
    ("kitka", "Община Китка", "https://kitka.bg"),
    # and the article's date only in a side box after the text, dated headlines before it
    ("prelez", "Община Прелез", "https://www.prelez.bg"),
    # and an RSS feed of raw "&" and HTML entities, older news only there
    ("gorun", "Община Горун", "https://gorun.bg"),
    # and robots.txt's Sitemap: line a relative address
    ("kamenar", "Община Каменар", "https://www.kamenar.bg"),
    # and the sitemap named only by <link rel="sitemap"> in <head>
    ("svetlik", "Община Светлик", "https://svetlik.bg"),
    # and an Atom feed paged by <link rel="next"> (RFC 5005), articles at /statia/<id>
    ("dabnitsa", "Община Дъбница", "https://www.dabnitsa.bg"),
    # and a sitemap index of gzipped sitemaps, slugs of two words
    ("kalnik", "Община Калник", "https://kalnik.bg"),
    # and the RSS feed announced as type="text/xml", older news only there
    ("vedrina", "Община Ведрина", "https://www.vedrina.bg"),
    # and every href on lines of its own, indented by tabs, inside the quotes
    ("vrapchane", "Община Врапчане", "https://www.vrapchane.bg"),
    # and a sixteenth (tests/fixtures/make_mirrors_round16.py): cards linked only by a
    # picture and a "Прочети още" button
    ("kopriva", "Община Коприва", "https://kopriva.bg"),
    # and <base href=".../portal/"> on every page, every link relative to it
    ("lopushna", "Община Лопушна", "https://lopushna.bg"),
    # and listed short addresses answering a meta refresh to the article
    ("mramor", "Община Мрамор", "https://www.mramor.bg"),
    # and later pages only as the <option value> addresses of a drop-down
    ("yasna", "Община Ясна", "https://yasna.bg"),
    # and a static generator's index_2.html pager of bare numbers
    ("trastika", "Община Тръстика", "https://trastika.bg"),
    # and "Следваща »" on the last page, numbers past the end answered with the last page
    ("zhivkovo", "Община Живково", "https://www.zhivkovo.bg"),
    # and canonicals naming the bare host over http:// on an https://www. site
    ("belitsa", "Община Белица", "https://www.belitsa.bg"),
    # and news only in a Google News sitemap, articles at /a/<id>
    ("studena", "Община Студена", "https://studena.bg"),
    # and news cards a script makes clickable by their data-url, no <a> to an article
    ("lipovo", "Община Липово", "https://lipovo.bg"),
    # and an RSS feed linking every item to the front page, the post only in its guid
    ("kalina", "Община Калина", "https://www.kalina.bg"),
    # and older posts only through the "Архиви" drop-down of months, no pager
    ("rozovo", "Община Розово", "https://rozovo.bg"),
    # and a seventeenth (tests/fixtures/make_mirrors_round17.py): the next listing page
    # named only by the HTTP Link header
    ("leska", "Община Леска", "https://leska.bg"),
    # and links written with backslashes, arhiv\2026\n528.htm
    ("bryast", "Община Бряст", "http://www.bryast.bg"),
    # and Drupal 7's second pager on a page, ?page=0,1
    ("glog", "Община Глог", "https://www.glog.bg"),
    # and the listing's second page answered 429 with Retry-After once
    ("smilets", "Община Смилец", "https://smilets.bg"),
    # and an empty news list a script fills from a JSON island
    ("dren", "Община Дрен", "https://dren.bg"),
    # and WordPress with plain permalinks, /?p=1200 and /?paged=2
    ("kupen", "Община Купен", "https://kupen.bg"),
    # and an RSS feed printed after two blank lines, news only there and on the home page
    ("vrish", "Община Вриш", "https://www.vrish.bg"),
    # and every date in the dictionary's abbreviations, "12 ян. 2026 г."
    ("topoli", "Община Тополи", "https://topoli.bg"),
    # and articles dated only by an RSS feed whose pubDate a Bulgarian locale wrote
    ("varbovo", "Община Върбово", "https://varbovo.bg"),
    # and one PHP script for the list and its articles, linked query-only: ?id=528, ?str=2
    ("ruen", "Община Руен", "https://ruen.bg"),
    # and an eighteenth (tests/fixtures/make_mirrors_round18.py): a pager that only posts
    # a form, later news only in the sitemap robots.txt names
    ("elha", "Община Елха", "https://elha.bg"),
    # and an endless-scroll list naming its next cards in data-next-page, no pager
    ("chemshir", "Община Чемшир", "https://chemshir.bg"),
    # and an RSS feed sent as text/html behind a byte order mark
    ("smrika", "Община Смрика", "https://www.smrika.bg"),
    # and news only in a sitemap whose lastmod reads "28.11.2026 14:05"
    ("kesten", "Община Кестен", "https://kesten.bg"),
    # and every page's <title> and og:title "Официален сайт на Община Габър"
    ("gabar", "Община Габър", "https://gabar.bg"),
    # and articles linked in four spellings of one origin (http, :443, //, a path)
    ("bodil", "Община Бодил", "https://www.bodil.bg"),
    # and an edited headline's old slug linked beside the new, answered 301 to it
    ("zdravets", "Община Здравец", "https://zdravets.bg"),
    # and a "По-стари новини" button whose onclick is the pager
    ("imel", "Община Имел", "https://imel.bg"),
    # and WordPress in Bulgarian, "ноември 28, 2026 в 14:35"
    ("pelin", "Община Пелин", "https://pelin.bg"),
    # and articles dated only by an RSS feed whose pubDate reads "28.11.2026 10:30"
    ("lavar", "Община Лавър", "https://lavar.bg"),
    # and its one feed linked only by an RSS icon, <img alt="RSS">, older news only there
    ("detelina", "Община Детелина", "https://www.detelina.bg"),
    # and articles dated only by a windows-1251 RSS feed declaring no encoding
    ("treva", "Община Трева", "http://www.treva.bg"),
    # and a listing oldest first: page 1 the oldest news, the last page the newest
    ("murgash", "Община Мургаш", "https://murgash.bg"),
    # and a nineteenth (tests/fixtures/make_mirrors_round19.py): a listing oldest first
    # printing no dates, only its articles dated
    ("yasen", "Община Ясен", "https://yasen.bg"),
    # and a pager of two pictures, <img alt="Следваща страница">, no word or number
    ("bor", "Община Бор", "http://www.bor.bg"),
    # and a pager saying "Следващите 3 новини »", its pages named by offsets (?ot=3)
    ("buk", "Община Бук", "https://buk.bg"),
    # and "Новини" the newest three, older news only in the paged "Архив на новините"
    ("oreh", "Община Орех", "https://www.oreh.bg"),
    # and a pager of "« 1 2 3 4 »", its arrows the first and last pages, no next link
    ("smokinya", "Община Смокиня", "https://smokinya.bg"),
    # and headlines linked javascript:void(0), their address only in data-href
    ("maslina", "Община Маслина", "https://maslina.bg"),
    # and a menu's "Новини" leading nowhere, its news in three categories sharing posts
    ("bozhur", "Община Божур", "https://bozhur.bg"),
    # and a twentieth (tests/fixtures/make_mirrors_round20.py): WordPress translated word
    # for word, "« Предишни публикации" the older posts, "Следващи публикации »" the newer
    ("iglika", "Община Иглика", "https://iglika.bg"),
    # and a news page of year tabs (?godina=2025), each year paged inside
    ("temenuga", "Община Теменуга", "https://temenuga.bg"),
    # and CodeIgniter's pager of offsets in the path, /novini/index/3
    ("kokiche", "Община Кокиче", "https://www.kokiche.bg"),
    # and the news list at /novini and at /bg/novini, linking articles in both forms
    ("minzuhar", "Община Минзухар", "https://minzuhar.bg"),
    # and "Зареди още" naming its endpoint and the page apart, data-url and data-page
    ("bosilek", "Община Босилек", "https://bosilek.bg"),
    # and every article's canonical the news list's first page, /novini?page=1
    ("karamfil", "Община Карамфил", "https://karamfil.bg"),
    # and a twenty-first (tests/fixtures/make_mirrors_round21.py): a "Зареди още" whose
    # data-page names the page it stands under, not the one it loads
    ("mashterka", "Община Мащерка", "https://mashterka.bg"),
    # and a menu calling the news "Актуална информация"
    ("chubritsa", "Община Чубрица", "https://www.chubritsa.bg"),
    # and each card linking the article's English copy, ?id=5&lang=en, beside it
    ("rigan", "Община Риган", "https://rigan.bg"),
    # and news only in an Atom feed whose relative links are read under its xml:base
    ("zhaltika", "Община Жълтика", "https://zhaltika.bg"),
    # and a Dreamweaver recordset pager, ?pageNum_rsNovini=1&totalRows_rsNovini=8
    ("bilyanka", "Община Билянка", "http://www.bilyanka.bg"),
    # and the list's pages /novini/2, its articles /novini/4417: one shape of number
    ("kamilitsa", "Община Камилица", "https://kamilitsa.bg"),
    # and cards whose headline is plain text, the date the link to the article
    ("lazarka", "Община Лазарка", "https://lazarka.bg"),
    # and links whose "&" the CMS escaped twice (?id=5&amp;amp;kat=1), its feed's right
    ("dzhodzhen", "Община Джоджен", "http://www.dzhodzhen.bg"),
    # and a menu of picture buttons, "Новини" only in an <img alt>
    ("podbel", "Община Подбел", "http://www.podbel.bg"),
    # and a menu that is one picture's image map, <area href="/novini.html" alt="Новини">
    ("gluharche", "Община Глухарче", "http://www.gluharche.bg"),
    # and a twenty-second (tests/fixtures/make_mirrors_round22.py): "Следваща »" on the
    # last page too, the page past the end answered 302 to the list's first page
    ("shipka", "Община Шипка", "https://shipka.bg"),
    # and an ASP.NET pager posting its form back, its plain ?page=N links in a <noscript>
    ("salkam", "Община Салкъм", "https://www.salkam.bg"),
    # and robots.txt's Sitemap: line on the static files host, static.lavanda.bg
    ("lavanda", "Община Лавандула", "https://lavanda.bg"),
    # and windows-1251 named only by a <meta> past the first 4 KB, no charset in the header
    ("makovo", "Община Маково", "http://www.makovo.bg"),
    # and "/" an empty answer with an HTTP "Refresh: 0; url=/bg/" header
    ("trendafil", "Община Трендафил", "https://trendafil.bg"),
    # and page 2 answered 302 to a login form, older news only in the sitemap
    ("bodlika", "Община Бодлика", "https://bodlika.bg"),
    # and a twenty-third (tests/fixtures/make_mirrors_round23.py): a CMS in /bg/ routed
    # through index.php, the list and a module linking one undated page by both routes
    ("repey", "Община Репей", "https://repey.bg"),
    # and a "Зареди още" counting its pages from 0, data-page="0" under the first cards
    ("kamshik", "Община Камшик", "https://kamshik.bg"),
    # and "/" only a choice of "На български" or "In English", English copies under /en/
    ("lopen", "Община Лопен", "https://lopen.bg"),
    # and the home page every article's canonical and og:url
    ("glushina", "Община Глушина", "https://glushina.bg"),
    # and list links with campaign tags and ?ref=home, canonicals relative or scheme-relative
    ("paprat", "Община Папрат", "https://paprat.bg"),
    # and articles at /novini/<id>-<slug>, the slug following an edited headline
    ("vratiga", "Община Вратига", "https://vratiga.bg"),
    # and a sitemap giving every page one <lastmod>, the day its plugin was set up
    ("kukuryak", "Община Кукуряк", "https://kukuryak.bg"),
    # and a home page showing its paged news list in an <iframe src="/news_list.php">
    ("zanovets", "Община Зановец", "http://www.zanovets.bg"),
    # and a "Вижте още новини" going nowhere, its next cards' address in data-href
    ("rozmarin", "Община Розмарин", "https://rozmarin.bg"),
    # and a language switch "ENG" on every page, leading to the English service's /en/news
    ("anason", "Община Анасон", "https://anason.bg"),
    # and a twenty-fourth (tests/fixtures/make_mirrors_round24.py), common CMSes' default
    # themes: WordPress Twenty Twenty-Four, a wp-block-query paged /page/2/
    ("bagra", "Община Багра", "https://bagra.bg"),
    # and Ghost's Casper, its next page only in the head's <link rel="next">
    ("vres", "Община Врес", "https://vres.bg"),
    # and Hugo, /posts/page/2/ by aria-label="Next", an index.xml of every page
    ("tamyan", "Община Тамян", "https://tamyan.bg"),
    # and Squarespace, older posts at ?offset=<milliseconds>
    ("myata", "Община Мята", "https://www.myata.bg"),
    # and a Tilda-like zero block, every text a positioned tn-atom div, no <p>, no <h1>
    ("hmel", "Община Хмел", "https://hmel.bg"),
    # and Joomla 4's Cassiopeia, ?start=3 by an arrow named only by its aria-label
    ("lyutiche", "Община Лютиче", "https://lyutiche.bg"),
    # and a twenty-fifth (tests/fixtures/make_mirrors_round25.py), CMSes no round copied:
    # TYPO3's news without route enhancers, every address a bracketed query and a cHash
    ("kantarion", "Община Кантарион", "https://www.kantarion.bg"),
    # and Liferay 6.2's asset publisher, every article linked ?redirect=<the list page>
    ("ravnets", "Община Равнец", "https://www.ravnets.bg"),
    # and Plone's classic folder, batched ?b_start:int=3
    ("shafran", "Община Шафран", "https://shafran.bg"),
    # and a Wix blog, /blog/page/2 by data-hook links, a sitemap index of typed sitemaps
    ("kopar", "Община Копър", "https://www.kopar.bg"),
    # and DNN's EasyDNNnews, Cyrillic page names raw in every link, /PgrID/543/PageID/2
    ("magdanoz", "Община Магданоз", "https://www.magdanoz.bg"),
    # and Jekyll's Minima, /page2/ by a pager of numbers, a feed of the newest ten
    ("kimion", "Община Кимион", "https://kimion.bg"),
    # and an old PHP site, its news older than the newest five only in a sitemap index
    # printed after a PHP notice, before the <?xml declaration
    ("sminduh", "Община Сминдух", "http://www.sminduh.bg"),
    # and a twenty-sixth (tests/fixtures/make_mirrors_round26.py): e107, every address a
    # nameless query, news.php?extend.128, its pages news.php?3
    ("piren", "Община Пирен", "http://www.piren.bg"),
    # and CakePHP's paginator, /novini/index/page:2, sort links beside
    ("dryan", "Община Дрян", "https://dryan.bg"),
    # and a Weebly blog, "<<Предишна" the older page (/blog/previous/2), "Следваща>>" back
    ("kiselets", "НЧ „Киселец 1926“", "https://www.kiselets.bg"),
    # and Webflow's collection list paged by a query-only ?a3f1c9e2_page=2
    ("lapad", "Община Лапад", "https://www.lapad.bg"),
    # and Umbraco paging its news /novini/?p=2, the parameter WordPress's post ids use
    ("salviya", "Община Салвия", "https://salviya.bg"),
    # and CMS Made Simple's News, index.php?mact=News,cntnt01,… for its pages and articles
    ("elsha", "Община Елша", "http://www.elsha.bg"),
    # and news, notices and procurement in one "Актуално" list, each kind a path of its own
    ("pchelin", "Община Пчелин", "https://www.pchelin.bg"),
    # and a twenty-seventh (tests/fixtures/make_mirrors_round27.py): Nuxt 3, the list's
    # items beyond the first three only in its devalue payload (__NUXT_DATA__)
    ("melisa", "Община Мелиса", "https://melisa.bg"),
    # and an HTML "Карта на сайта" the only index of the news, "Зареди още" posting
    ("komuniga", "Община Комунига", "https://www.komuniga.bg"),
    # and articles named by a lone number, novina.php?528
    ("bakla", "Община Бакла", "http://bakla.bg"),
    # and DataLife Engine, /novini/page/2/, /novini/<id>-<slug>.html, a day calendar
    ("ruta", "Община Рута", "https://ruta.bg"),
    # and DotNetNuke's News Articles, every address …/tabid/55/…/Default.aspx
    ("smradlika", "Община Смрадлика", "https://www.smradlika.bg"),
    # and MODX Evolution, every page index.php?id=<n>, Ditto's &start=3
    ("gergina", "Община Гергина", "http://www.gergina.bg"),
    # and Sitefinity, /novini/2026/11/28/<slug>, /novini/page/2
    ("nevena", "Община Невена", "https://www.nevena.bg"),
    # and a twenty-eighth (tests/fixtures/make_mirrors_round28.py): Nuxt 2, the list's
    # items beyond the first three only in window.__NUXT__, a function called with literals
    ("akatsiya", "Община Акация", "https://akatsiya.bg"),
    # and a list paged /novini/p/2 by numbers and an arrow, cards linking the first page
    ("brest", "Община Бряст", "https://www.brest.bg"),
    # and a list paged /novini/strana-2, where an article's slug stands
    ("dzhanka", "Община Джанка", "https://dzhanka.bg"),
    # and no listing, no feed, no sitemap: the HTML "Карта на сайта" dating every article
    ("lyubka", "Община Любка", "https://www.lyubka.bg"),
    # and Angular Universal, the list's items in its transfer state ({&q;news&q;:…})
    ("ruzha", "Община Ружа", "https://ruzha.bg"),
    # and Next.js's App Router, the list's items in its self.__next_f.push([1,"…"]) payload
    ("oman", "Община Оман", "https://www.oman.bg"),
    # and a twenty-ninth (tests/fixtures/make_mirrors_round29.py): SvelteKit, the whole
    # list only in a data-sveltekit-fetched response whose body is JSON in a string
    ("vishna", "Община Вишна", "https://vishna.bg"),
    # and Remix, every item in window.__remixContext = {…}
    ("sliva", "Община Слива", "https://www.sliva.bg"),
    # and Astro, the whole list in a client:only island's serialized props
    ("kaysiya", "Община Кайсия", "https://kaysiya.bg"),
    # and Joomla's K2, ?start=3, /novini/item/<id>-<slug>, item lists and print views
    ("leshnik", "Община Лешник", "https://www.leshnik.bg"),
    # and Drupal's Views Infinite Scroll, one "Зареди още" to ?page=1
    ("dyulya", "Община Дюля", "https://dyulya.bg"),
    # and Gatsby, the list past the newest three only in the page data its head preloads
    ("cheresha", "Община Череша", "https://www.cheresha.bg"),
    # and a thirtieth (tests/fixtures/make_mirrors_round30.py): DataLife Engine, every
    # article /index.php?newsid=<id>, the front page's newest "Днес, 10:42"
    ("malina", "Община Малина", "https://malina.bg"),
    # and 1C-Bitrix's news.list, ?PAGEN_1=2, each card a <p> holding a <div>
    ("kapina", "Община Капина", "https://www.kapina.bg"),
    # and uCoz's news module on a domain of its own, /news/<day>-<id> beside /news/<day>
    ("yagoda", "Читалище „Пробуда“ – с. Ягода", "http://www.yagoda.org"),
    # and Hugo's PaperMod, each card linked only by an empty overlay link
    ("borovinka", "Община Боровинка", "https://borovinka.bg"),
    # and Ghost's Source, posts and pages alike at /<slug>/, a sitemap index
    ("dinya", "Община Диня", "https://dinya.bg"),
    # and Blogger's Contempo on a custom domain, its older pages closed by robots.txt
    ("tikva", "Кметство Тиква", "https://www.tikva.bg"),
    # and a thirty-first (tests/fixtures/make_mirrors_round31.py): the state's common
    # municipal portal template, /bg/news?page=2, "Публикувано: 28.11.2026 10:42"
    ("mursalitsa", "Община Мурсалица", "https://www.mursalitsa.bg"),
    # and a regional TV station's videos, the text under the player and in a transcript
    ("divizma", "Телевизия Дивизма", "https://tvdivizma.bg"),
    # and Laravel with Livewire, numbers wire:click'ed over real ?page= addresses
    ("sinchets", "Вестник Синчец", "https://sinchets-news.bg"),
    # and an old table site in windows-1251, <FONT>s, <BR><BR>, "28.XI.2026 г."
    ("razhen", "Община Ръжен", "http://www.razhen.org"),
    # and Concrete CMS's page list block, ?ccm_paging_p=2
    ("chubrika", "Община Чубрика", "https://www.chubrika.bg"),
    # and Contao's news list and reader, <base href>, ?page_n12=2
    ("zhivovlek", "Община Живовлек", "https://zhivovlek.bg"),
    # and a thirty-second (tests/fixtures/make_mirrors_round32.py): htmx, a "Още новини"
    # button's hx-get, then each fragment's last card asking the next when revealed
    ("ralitsa", "Община Ралица", "https://ralitsa.bg"),
    # and a JSP portal on Tomcat, ;jsessionid=<32 hex> in every link, another per page
    ("metlichina", "Община Метличина", "http://www.metlichina.bg"),
    # and Rails with Turbo, each next page a lazy <turbo-frame src> at the list's end
    ("ranilist", "Община Ранилист", "https://ranilist.bg"),
    # and windows-1251 named by <meta http-equiv> only, two pages saying utf-8 over it
    ("koprinka", "Община Копринка", "http://koprinka-bg.com"),
    # and Drupal 7's untranslated "Submitted by … on Fri, 11/06/2026 - 10:22"
    ("divesil", "Община Дивесил", "https://www.divesil.bg"),
    # and WordPress with Elementor, the Posts widget paged ?e-page-3f2a9c1=2
    ("zhabunets", "Община Жабунец", "https://zhabunets.bg"),
    # and htmx's "Покажи още", hx-get="/novini/oshte", the page only in hx-vals
    ("sinilga", "Община Синилга", "https://www.sinilga.bg"),
    # and Django with htmx, a pager of <a hx-get="/novini/?page=2"> with no href
    ("rusalka", "Община Русалка", "https://rusalka.bg"),
    # and a thirty-third (tests/fixtures/make_mirrors_round33.py): a JSON Feed the only
    # feed (application/feed+json), the lists the newest three
    ("lyulyak", "Община Люляк", "https://lyulyak.bg"),
    # and WPML, the sitemap naming each post's English copy by xhtml:link hreflang
    ("kalinka", "Община Калинка", "https://kalinka.bg"),
    # and cards dated "Понеделник, 30 Ноември 2026", a /logout?return=/ on every page
    ("teminuga", "Община Теминуга", "https://www.teminuga.bg"),
    # and Yoast's sitemap_index.xml named nowhere, /sitemap.xml a 301 to it, no feed
    ("gorotsvet", "Община Горцвет", "https://gorotsvet.bg"),
    # and WordPress's feed only at /feed/ by convention (/feed a 301 there)
    ("zvanche", "Община Звънче", "https://zvanche.bg"),
    # and a cookie wall, every page a 302 to /consent?next=…: nothing to archive, one line
    ("nezabravka", "Община Незабравка", "https://nezabravka.bg"),
    # and a JSON Feed 1.0 announced application/json, paged by next_url
    ("liliya", "Община Лилия", "https://www.liliya.bg"),
    # and English copies of the Bulgarian posts' shape, told apart by the sitemap alone
    ("vratika", "Община Вратика", "https://vratika.bg"),
    # and a thirty-fourth (tests/fixtures/make_mirrors_round34.py): one article linked as
    # /novini/5, /novini/5/, /novini/5/index.html, /novini/5?print=0 and #comments
    ("glitsiniya", "Община Глициния", "https://glitsiniya.bg"),
    # and IIS, ?id=5&cat=2, ?cat=2&id=5 and ?ID=5&cat=2 one article
    ("zhasmin", "Община Жасмин", "http://www.zhasmin.bg"),
    # and charset=windows-1251 in the header over UTF-8 bytes, <meta charset> right
    ("nartsis", "Община Нарцис", "https://nartsis.bg"),
    # and "Следваща »" on the last page too, the page past the end 200 and empty
    ("rezeda", "Община Резеда", "https://rezeda.bg"),
    # and a cache-buster, ?t=<milliseconds>, in every link, another on every request
    ("slanchogled", "Община Слънчоглед", "https://slanchogled.bg"),
    # and a thirty-fifth (tests/fixtures/make_mirrors_round35.py): AngularJS routed by
    # hash-bangs, #!/novini/905, each view's snapshot at ?_escaped_fragment_=/novini/905
    ("magnoliya", "Община Магнолия", "https://magnoliya.bg"),
    # and www. answering every request 302 to m., whose pages name www. canonical
    ("oleandar", "Община Олеандър", "https://www.oleandar.bg"),
    # and "Зареди още" of data-next="/ajax/news?offset=3", HTML fragments, no <a> pager
    ("zyumbyul", "Община Зюмбюл", "https://zyumbyul.bg"),
    # and robots.txt closing /novini/print/, every card and article linking there
    ("tsikoriya", "Община Цикория", "https://tsikoriya.bg"),
    # and "Обяви" and "Документи" beside "Новини", their dated items each only a PDF
    ("rositsa", "Община Росица", "https://www.rositsa.bg"),
    # and a site at a sub-path of a host it shares, its "/" a hosting company's page
    ("hrizantema", "Община Хризантема", "https://hrizantema-bg.eu/obshtina/"),
    # and two sites in folders of one host, one sitemap and a bar listing both
    ("gardeniya", "Община Гардения", "https://gardeniya-host.eu/obshtina/"),
    # and Bootstrap's modal, each article an HTML fragment of modal-title and modal-body
    ("sasanka", "Община Съсънка", "https://sasanka.bg"),
    # and Materialize, its no-op links "#!" in dropdowns and the pager
    ("latinka", "Община Латинка", "https://latinka.bg"),
    # and a thirty-sixth (tests/fixtures/make_mirrors_round36.py): "Следваща »" on the
    # last page too, to ?page=4, which answers 404
    ("hvoyna", "Община Хвойна", "https://hvoyna.bg"),
    # and "Страница [1] от 3 [Отиди]": a GET form's number box, no page links
    ("tintyava", "Община Тинтява", "https://tintyava.bg"),
    # and AngularJS hash-bangs, no snapshot: the same shell everywhere, nothing, one line
    ("edelvays", "Община Еделвайс", "https://edelvays.bg"),
    # and news only behind the footer's "Архив": years, months, no pager
    ("mayoran", "Община Майоран", "https://www.mayoran.bg"),
    # and a thirty-seventh (tests/fixtures/make_mirrors_round37.py): Next.js whose next
    # page is named only by __NEXT_DATA__'s nextCursor, "Зареди още" a <button>
    ("kavak", "Община Кавак", "https://kavak.bg"),
    # and oldest first, "Последна »" the first page's one link forward
    ("breza", "Община Бреза", "https://breza.bg"),
    # and an RSS feed named only in the news page's <head>, root-relative item links
    ("chinar", "Община Чинар", "https://www.chinar.bg"),
    # and windows-1251 articles sent as charset=utf-8, <meta charset> telling the truth
    ("yasika", "Община Ясика", "https://yasika.bg"),
    # and a thirty-eighth (tests/fixtures/make_mirrors_round38.py): a listed article
    # deleted, its address answering 302 to the list
    ("ela", "Община Ела", "https://ela.bg"),
    # and articles split over /novini/<id>-<slug>/2 and /3, a pager of numbers alone
    ("smarch", "Вестник „Смърч“", "https://smarch-novini.bg"),
    # and cards clickable by onclick="window.location='statia.php?id=N'" alone
    ("mura", "Община Мура", "https://www.mura.bg"),
    # and English copies under <html lang="bg">, only their own hreflang saying "en"
    ("trepetlika", "Община Трепетлика", "https://trepetlika.bg"),
    # and a thirty-ninth (tests/fixtures/make_mirrors_round39.py): the latest ten, no
    # pager, older news only on a calendar's days, ?data=2026-11-28, ?mesec=2026-10
    ("kozinets", "Община Козинец", "https://www.kozinets.bg"),
    # and /novini/arhiv/2026/11/28/ days, /novini/arhiv/2026/10/ months, some of no news
    ("bukovets", "Община Буковец", "https://bukovets.bg"),
    # and a fortieth (tests/fixtures/make_mirrors_round40.py): every article's canonical
    # and og:url naming the news list
    ("sinap", "Община Синап", "https://sinap.bg"),
    # and &rnd=<a random fraction> on every link, another on every answer
    ("rapitsa", "Община Рапица", "https://www.rapitsa.bg"),
    # and an ETag new on every answer (a CSRF token), Last-Modified in 2030
    ("lenets", "Община Ленец", "https://lenets.bg"),
    # and ?from=<the box's word> on every article link, no canonical
    ("kapinovo", "Община Капиново", "https://kapinovo.bg"),
    # and a forty-first (tests/fixtures/make_mirrors_round41.py): a robots.txt saved by
    # Notepad (a byte order mark, CRLF) closing the print copies its sitemap lists
    ("osenitsa", "Община Осеница", "https://osenitsa.bg"),
    # and Disallow: /*?start= closing the list's pager, the feed the newest five
    ("chervenitsa", "Община Червеница", "https://www.chervenitsa.bg"),
    # and a sitemap index naming two children gone (404) beside a gzipped live one
    ("yarebichna", "Община Яребична", "https://yarebichna.bg"),
    # and an old notice pinned atop every page of the news list
    ("gornitsa", "Община Горница", "https://gornitsa.bg"),
    # and a forty-second (tests/fixtures/make_mirrors_round42.py): the only link to the
    # news in a mega-menu kept in an Alpine.js <template x-if>
    ("planinitsa", "Община Планиница", "https://planinitsa.bg"),
    # and a list ordered "Най-четени" by default, "Най-нови" a tab, each paged
    ("krushevo", "Община Крушево", "https://krushevo.bg"),
    # and "Покажи по: 3 | 6 | 12", the same news on three lists of other pages
    ("dabrava", "Община Дъбрава", "https://www.dabrava.bg"),
    # and category chips over one list, every article on two lists
    ("yasenovo", "Община Ясеново", "https://yasenovo.bg"),
    # and a forty-third (tests/fixtures/make_mirrors_round43.py): an article's day as a
    # calendar leaf of three spans, "28", "ное", "2026", no space between them
    ("kupina", "Община Купина", "https://kupina.bg"),
    # and an <h1> and <title> naming the section, the headline an <h2> in <header>
    ("klen", "Община Клен", "https://www.klen.bg"),
    # and the text between inline banners, "Прочетете още:" in its middle
    ("chemerika", "Чемерика Днес", "https://chemerika-news.bg"),
    # and "Текст и снимки – <name>" after the text, a dash for the colon
    ("vetrushka", "Община Ветрушка", "https://vetrushka.bg"),
    # and a forty-fourth (tests/fixtures/make_mirrors_round44.py): robots.txt's later
    # group closing the site to agents named "News" and "archive", a sitemap the way
    ("lavrovo", "Община Лаврово", "https://lavrovo.bg"),
    # and Atom entries of tag: ids, the article's rel="alternate" last of four links
    ("dafinovo", "Община Дафиново", "https://dafinovo.bg"),
    # and a sitemap whose every <loc> is CDATA on lines of its own
    ("trynka", "Община Трънка", "https://www.trynka.bg"),
    # and a home page whose only way to the news is a <marquee>
    ("glogovina", "Община Глоговина", "https://glogovina.bg"),
    # and a forty-fifth (tests/fixtures/make_mirrors_round45.py): ColdFusion on Fusebox,
    # &CFID=…&CFTOKEN=… on every link, other numbers on every page
    ("mahovitsa", "Община Маховица", "https://www.mahovitsa.bg"),
    # and Mambo 4.5's friendly URLs, the blog paged /content/blogcategory/1/2/3/3/
    ("rakitnik", "Община Ракитник", "http://www.rakitnik.org"),
    # and old Bitrix's <font> pager, "Пред. | 1 2 3 | След. | Край | Всички"
    ("kitnitsa", "Община Китница", "https://kitnitsa.bg"),
    # and Lotus Domino, ?OpenView&Start=4 by "Напред ►", /obshtina.nsf/0/<unid>
    ("dzhelovo", "Община Джелово", "https://www.dzhelovo.bg"),
    # and a forty-sixth (tests/fixtures/make_mirrors_round46.py), regional news sites: a
    # portal's four sections and no all-news list, tag and author pages listing them again
    ("zlatnareka", "Златна река Инфо", "https://zlatnareka.info"),
    # and a paper's RSS feed linking every article by its AMP copy only
    ("dunavskiglas", "Дунавски глас", "https://dunavskiglas.bg"),
    # and a radio station's cards and ticker dated only "преди 5 мин", "вчера"
    ("radiozora", "Радио Зора", "https://radiozora.bg"),
    # and paid articles: the lead, then "Абонирай се, за да прочетеш цялата статия"
    ("vechernivesti", "Вечерни вести", "https://vechernivesti.bg"),
    # and a forty-seventh (tests/fixtures/make_mirrors_round47.py): Divi Builder posts,
    # the text in three Text modules around a sidebar of Text modules
    ("bilkovo", "Община Билково", "https://bilkovo.bg"),
    # and text pasted from Word, its <xml><w:WordDocument> island and style definitions
    ("mushkato", "Община Мушкато", "https://mushkato.bg"),
    # and cards linking nothing: a GET form of a hidden id and "Прочети повече »"
    ("grozdovo", "Община Гроздово", "https://www.grozdovo.bg"),
    # and the text in the first of three tabs, a looping Swiper gallery, a list of PDFs
    ("rozhkovo", "Община Рожково", "https://rozhkovo.bg"),
    # and a forty-eighth (tests/fixtures/make_mirrors_round48.py): a sitemap naming the
    # news list's pages and no article, the list's pager drawn by script
    ("vidima", "Община Видима", "https://vidima.bg"),
    # and three feeds named only by an HTML page of links, "RSS емисии"
    ("ogosta", "Община Огоста", "https://ogosta.bg"),
    # and "Покажи по: 3 | 9 | 18", "Подреди: най-нови | най-стари" on every list page
    ("skat", "Община Скът", "https://skat.bg"),
    # and WordPress dated "d/m/Y", "05/11/2026 в 14:05", every day the 12th or before
    ("vacha", "Община Въча", "https://vacha.bg"),
    # and a forty-ninth (tests/fixtures/make_mirrors_round49.py): the news only in a
    # weekly bulletin's numbered, dated issues, "Брой 44 / 27-11-2026г."
    ("erma", "Община Ерма", "https://erma.bg"),
    # and every page reloading itself, the articles back to the front page after 600 s
    ("tsibritsa", "Община Цибрица", "https://tsibritsa.bg"),
    # and one news page of every year, 2025's and 2024's folded in <details> accordions
    ("archar", "Община Арчар", "https://archar.bg"),
    # and every list drawn twice, a table for wide screens and cards for phones
    ("leshten", "Община Лещен", "https://leshten.bg"),
    # and a fiftieth (tests/fixtures/make_mirrors_round50.py): every page's copy for the
    # partially sighted under /sv/, listed page for page by the sitemap
    ("mugla", "Община Мугла", "https://mugla.bg"),
    # and the same copy at ?v=sv, a print copy at ?print=1, the sitemap listing all three
    ("ravnogor", "Кметство Равногор", "https://ravnogor.bg"),
    # and an RSS 1.0 feed, <rdf:RDF> dated by <dc:date>, the older news only there
    ("stoykite", "Кметство Стойките", "https://stoykite.bg"),
    # and WordPress's paged comments: comment-page-1/, ?replytocom=, a feed of comments
    ("momchilovtsi", "Кметство Момчиловци", "https://momchilovtsi.bg"),
    # and XHTML as application/xhtml+xml, windows-1251 named only by <?xml … ?>
    ("gyovren", "Община Гьоврен", "https://gyovren.bg"),
    # and a fifty-first (tests/fixtures/make_mirrors_round51.py): a regional paper's news
    # widget in an <iframe> of the paper's own host beside the municipality's news
    ("osam", "Община Осъм", "https://osam.bg"),
    # and "Обяви и съобщения", a table of rows linking .pdf/.doc/.docx/.xlsx files
    # between HTML notices, the notices the articles
    ("veleka", "Кметство Велека", "https://veleka.bg"),
    # and a pager of rel="nofollow" links, its later pages "noindex, follow"
    ("zheravna", "Община Жеравна", "https://zheravna.bg"),
    # and every link /novini/<id>, answered 302 to /novini/<id>-<slug>, the canonical
    ("ropotamo", "Община Ропотамо", "https://ropotamo.bg"),
    # and a fifty-second (tests/fixtures/make_mirrors_round52.py): Joomla 3 whose blog
    # and whose Page Break articles are both paged ?start=
    ("bukovo", "Община Буково", "https://bukovo.bg"),
    # and every unknown address a 200 of the whole template, "Страницата не е намерена"
    ("kamenitsa", "Община Каменица", "https://kamenitsa.bg"),
    # and the older posts' canonical and og:url on a staging host
    ("sredogriv", "Община Средогрив", "https://sredogriv.bg"),
    # and older news only through a GET form of a year's and a month's drop-down
    ("drenchevo", "Община Дренчево", "https://drenchevo.bg"),
    # and a fifty-third (tests/fixtures/make_mirrors_round53.py), article pages: Elementor's
    # post-info date and time as two <li>, the text in short text-editor columns
    ("stryama", "Община Стряма", "https://stryama.bg"),
    # and a kicker, <h1> and subtitle, "в 08:17 ч. на 27.11.2026", tables and lists
    ("tundzha", "Община Тунджа", "https://tundzha.bg"),
    # and "Петък, 27 ноември 2026" over the headline, a captioned gallery, related news
    ("sakar", "Кметство Сакар", "https://sakar.bg"),
    # and "<span>08:17 ч.</span> | <span>27/11/26</span>", WPBakery rows
    ("osogovo", "Община Осогово", "https://osogovo.bg"),
    # and a fifty-fourth (tests/fixtures/make_mirrors_round54.py): a server answering every
    # fourth request 429 with Retry-After: 1
    ("kamenopole", "Община Каменополе", "https://kamenopole.bg"),
    # and a server closing the connection half-way through every fourth page
    ("trunkovo", "Община Трънково", "https://trunkovo.bg"),
    # and an https:// site whose RSS links its newest five by http://, its list all nine
    ("chukarovo", "Община Чукарово", "https://chukarovo.bg"),
    # and a sitemap index of .xml.gz Google News sitemaps sent as application/octet-stream
    ("bistrilitsa", "Община Бистрилица", "https://bistrilitsa.bg"),
    # and a fifty-fifth (tests/fixtures/make_mirrors_round55.py): TYPO3's news with no
    # speaking URLs, tx_news_pi1[...] and a cHash in every link, the menu's index.php?id=12
    ("zhitnitsa", "Община Житница", "https://zhitnitsa.bg"),
    # and articles at /2026/11/27/<slug>.html printing no date, the card the minute
    ("srebrendol", "Община Сребрендол", "https://srebrendol.bg"),
    # and a Next.js export whose text past the lead is only in __NEXT_DATA__
    ("orehovo", "Община Орехово", "https://orehovo.bg"),
    # and windows-1251 bytes with no charset anywhere, a table of date | title
    ("tsvetino", "Община Цветино", "http://tsvetino.bg"),
    # and a fifty-sixth (tests/fixtures/make_mirrors_round56.py): the newest three, the
    # rest only in a feed its "RSS" link names as feed://lozitsa.bg/rss.php
    ("lozitsa", "Община Лозица", "http://lozitsa.bg"),
    # and a news page embedding its list as <object type="text/html" data="…">
    ("brezovets", "Община Брезовец", "https://brezovets.bg"),
    # and a pager of submit buttons carrying the page, name="str" value="3"
    ("izvorche", "Община Изворче", "https://izvorche.bg"),
    # and cards whose articles are reached only through each card's GET form
    ("kupena", "Община Купена", "https://kupena.bg"),
    # and a fifty-seventh's (tests/fixtures/make_mirrors_round57.py) article pages: a
    # layout table's <td class="title"> under the municipality's <h1>, "27.XI.2026 г."
    ("topolitsa", "Община Тополица", "http://topolitsa.bg"),
    # and a post's <h2 class="entry-title">, its byline only under the text
    ("kupinovo", "Община Купиново", "https://kupinovo.bg"),
    # and three-line announcements with a PDF attached, "27 ное. 2026 | 08:17"
    ("yasenitsa", "Община Ясеница", "https://yasenitsa.bg"),
    # and gallery posts, "Снимки: <name>" credits and "Етикети: …" tags
    ("bilkarovo", "Община Билкарово", "https://bilkarovo.bg"),
    # and a fifty-eighth's first nights (tests/fixtures/make_mirrors_round58.py; their
    # next nights, _night2/, are tests/test_round58_mirrors.py's): a list of nine a page
    ("kalinovets", "Община Калиновец", "https://kalinovets.bg"),
    # and a list whose article's title a later night fixes
    ("dragomirtsi", "Община Драгомирци", "https://dragomirtsi.bg"),
    # and a list whose articles a later night deletes and renames
    ("preselka", "Община Преселка", "https://preselka.bg"),
    # and a site a later night moves to another domain
    ("belovidovo", "Община Беловидово", "https://belovidovo-bg.eu"),
    # and a fifty-ninth's (tests/fixtures/make_mirrors_round59.py) article pages: dated
    # "преди 3 часа", the moment only in the span's title="27.11.2026 08:17"
    ("rosopad", "Росопад Днес", "https://rosopad-dnes.bg"),
    # and Drupal 7 in Bulgarian, "Изпратено от <user> на Пет, 27.11.2026 - 08:17"
    ("dabnik", "Община Дъбник", "https://www.dabnik.bg"),
    # and press releases dated "27-11-2026", "За контакти: Пресцентър …" closing them
    ("ostritsa", "Община Острица", "https://ostritsa.bg"),
    # and an <h1> of a kicker <span> run on into the headline, "ВИДЕОНов мост…"
    ("koprivets", "Копривец Инфо", "https://koprivets.bg"),
    # and a sixty-first's (tests/fixtures/make_mirrors_round61.py) article pages: live
    # blogs dated by the day alone, their "12:40 …" updates newest first
    ("gorunovo", "Горуново Днес", "https://gorunovo-dnes.bg"),
    # and interviews of bold questions and their answers
    ("bryastovo", "Вестник Брястово", "https://bryastovo.bg"),
    # and "Още по темата" with the next article's h2, date and paragraphs in the <article>
    ("mechkovo", "Мечково Инфо", "https://mechkovo.info"),
    # and the h1 and date in a <header> band outside the <article>; video articles
    ("lazurno", "Община Лазурно", "https://www.lazurno.bg"),
    # and a sixty-second's (tests/fixtures/make_mirrors_round62.py) article pages: council
    # decisions dated only by "Решение № 412 от 27.11.2026 г.", condolence notices
    ("sredorek", "Община Средорек", "https://sredorek.bg"),
    # and a text folded into <details><summary> accordions
    ("zhitarka", "Житарка Нюз", "https://zhitarka-news.bg"),
    # and a data table with "Източник: НСИ" in its <figcaption> (rows not yet lines)
    ("medovets", "Медовец Вести", "https://medovets-vesti.bg"),
    # and <h3> interview questions, "Още по темата" inside the text's own block
    ("orlitsa", "Вестник Орлица", "https://orlitsa.bg"),
    # and a municipality moved to another domain, every old path 301 to the same one
    # there, while the profile names the old (tests/fixtures/make_mirrors_moved.py)
    ("vetrino", "Община Ветрино", "https://vetrino-bg.eu"),
    # and a sixtieth (tests/fixtures/make_mirrors_round60.py): a news section the menu
    # calls "Медиен център", at /mediyna-zona/, the home page showing none
    ("zlatolist", "Община Златолист", "https://zlatolist.bg"),
    # and a pager of two arrows, "›" and "»", over pages named by opaque tokens, ?p=a9f3
    ("srebrilo", "Община Сребрило", "https://srebrilo.bg"),
    # and a table of news whose column heads sort it, ?sort=date&dir=asc
    ("dabovo", "Община Дъбово", "https://dabovo.bg"),
    # and a "Прес-център" spelt with a hyphen, over index.php?page=14
    ("kremikovo", "Община Кремиково", "https://kremikovo.bg"),
    # and a sixty-third's (tests/fixtures/make_mirrors_round63.py): a mayoralty's list
    # of two news a page, paged ?str=2 to ?str=5
    ("dvoynitsa", "Кметство Двойница", "https://dvoynitsa.bg"),
    # and a menu of icons named only by aria-label, "Медиен център" at /media-center/
    ("ikonyane", "Община Иконяне", "https://ikonyane.bg"),
    # and cards linked only by their picture, the headline plain text
    ("kartino", "Община Картино", "https://kartino.bg"),
    # and this year's news under a line of years, "2026 | 2025 | 2024", /novini/2025/
    ("godech", "Кметство Годеч", "https://godech-selo.bg"),
    # and a sixty-fifth's (tests/fixtures/make_mirrors_round65.py): a mayoralty's
    # sub-site two folders deep in its municipality's, the host's sitemap listing all three
    ("rakita", "Кметство Ракита", "https://trastenik-obshtina.bg/kmetstva/rakita/"),
    # and news reached only through a box "Категории: Образование (3) | Култура (3)"
    ("kategorino", "Община Категорино", "https://kategorino.bg"),
    # and a plain link dressed as a button, <a href="?page=2" class="load-more">
    ("oshtenovini", "Община Оштеново", "https://oshtenovini.bg"),
    # and a menu of pictures naming nothing, the news at /mediacentar/
    ("mediyno", "Община Медийно", "https://mediyno.bg"),
    # and a sixty-sixth's (tests/fixtures/make_mirrors_round66.py): a blog whose home page
    # is its paged list of all posts, /page/2/, the menu's "Новини" one category of four
    ("blogovo", "Блогът на Дъбово", "https://blogovo.bg"),
    # and cards linked through a click counter by id, /go.php?id=4417 -> 302 the article
    ("prenasochvane", "Община Пренасочване", "https://prenasochvane.bg"),
    # and a news page of three, robots.txt's one gzipped sitemap, /sitemap.xml.gz
    ("kompresno", "Община Компресно", "https://kompresno.bg"),
    # and a list paged ?limit=3&start=3, its cards linked ../statii/<id>.html
    ("nagore", "Община Нагоре", "https://nagore.bg"),
    # and a sixty-fourth's (tests/fixtures/make_mirrors_round64.py) article pages: hAtom's
    # <abbr class="published" title="…">27 ноем.</abbr> the only machine date; a pull quote
    ("lozarevo", "Лозарево Прес", "https://lozarevo-press.bg"),
    # and "(ВИДЕО)" / "(СНИМКИ)" / "| ВИДЕО" headlines, "Коментари (3)" under the text
    ("chervenka", "Червенка Нюз", "https://chervenka.news"),
    # and "Брой 47 (1234), 24.11.2026" over the headline; footnote calls and "Бележки:";
    # the news the menu's "Статии"
    ("tarnovlak", "Вестник Търновлак", "https://tarnovlak-vestnik.bg"),
    # and the section's <h1>Новини</h1> over the article's <h2> headline
    ("kalchevo", "Община Калчево", "https://kalchevo.bg"),
    # and a sixty-seventh's (tests/fixtures/make_mirrors_round67.py) article pages: an old
    # CMS's <table> layout, "27.11.2026 год., 08:17 ч.", the writer in <meta name="author">
    ("starodol", "Община Стародол", "https://starodol.bg"),
    # and the day and the hour in two spans run together, "👁 1234", "Текст: …, снимки: …"
    ("delnik", "Делник Нюз", "https://delnik-news.bg"),
    # and the headline as the picture's alt, an <h2 class="subtitle">, a <details> fold
    ("gradishte", "Община Градище", "https://gradishte.bg"),
    # and articles going on on ?page=2, the byline on the last page alone
    ("dvulistno", "Община Двулистно", "https://dvulistno.bg"),
    # and a sixty-eighth's (tests/fixtures/make_mirrors_round68.py) identities: a canonical
    # written without its leading slash, href="novini/1480-…", no <base>
    ("bezcherta", "Община Безчерта", "https://bezcherta.bg"),
    # and a canonical and og:url naming the back end, http://portovo.bg:8080/…
    ("portovo", "Община Портово", "https://portovo.bg"),
    # and one article at /novini/<id>-<slug>, /novini/<id> and /index.php?id=<id>
    ("triadres", "Община Триадрес", "https://triadres.bg"),
    # and notices of one headline, WordPress's -2, -3 slugs, three on one day
    ("ednoimenno", "Община Едноименно", "https://ednoimenno.bg"),
    # and a sixty-ninth's (tests/fixtures/make_mirrors_round69.py) article pages: addresses
    # of the first draft's day, "2026-11-28 08:17:07" on the page, <div> lines, "Сподели:"
    ("chernovik", "Община Черновик", "https://chernovik.bg"),
    # and "27/11/2026 08:17", a lead in <strong>, "Пресцентър на Община Наклоново"
    ("naklonovo", "Община Наклоново", "https://naklonovo.bg"),
    # and "<img src="/img/calendar.png"> 27 Ноем 2026", an h1 in capitals, twenty <figure>s
    ("kalendarsko", "Община Календарско", "https://kalendarsko.bg"),
    # and notices each one <pre> block, "27.XI.2026 г."
    ("obyavleno", "Кметство Обявлено", "https://obyavleno.bg"),
    # and a seventieth's (tests/fixtures/make_mirrors_round70.py) traps: links written
    # without the leading slash, a folder longer on every page under /novini/
    ("povtorno", "Община Повторно", "https://povtorno.bg"),
    # and a cloud of 500 tags on every page, each linked to the search, /tarsene?q=<tag>
    ("etiketno", "Община Етикетно", "https://etiketno.bg"),
    # and cards linking /statia.php?id=…, "Страницата е преместена" and location = "…"
    ("premesteno", "Община Преместено", "https://premesteno.bg"),
    # and a pager answering every number past the end, empty, "Следваща »" for ever
    ("bezkraino", "Община Безкрайно", "https://bezkraino.bg"),
    # and a seventy-first's (tests/fixtures/make_mirrors_round71.py): a list whose cards
    # carry their rubric and colour, "novina rubrika-kultura bg-zeleno is-new"
    ("rubrikovo", "Община Рубриково", "https://rubrikovo.bg"),
    # and Drupal-like teasers of "node--type-page", "node--promoted", "node--sticky"
    ("nodovo", "Община Нодово", "https://nodovo.bg"),
    # and a seventy-second's (tests/fixtures/make_mirrors_round72.py): a news table whose
    # rows are clickable only by onclick="location='/novini/5120'", no <a>
    ("redovo", "Община Редово", "https://redovo.bg"),
    # and a list drawn by fetch('/api/novini?page=1'), its <noscript> linking the plain list
    ("skriptovo", "Община Скриптово", "https://skriptovo.bg"),
    # and /novini.php on www. linking each article on news.poddomeyn.bg/novina.php?id=N
    ("poddomeyn", "Община Поддомейн", "https://www.poddomeyn.bg"),
    # and undated articles, each card dated only by <time datetime>, its text "вчера"
    ("vcherashno", "Община Вчерашно", "https://vcherashno.bg"),
    # and a seventy-third's (tests/fixtures/make_mirrors_round73.py) article pages: the site's
    # name the <h1> of every page, the headline an <h2 class="title">, "ноември 27, 2026 в 08:17"
    ("logovo", "Община Логово", "https://logovo.bg"),
    # and "27 ноември, 2026 | 08:17", an embedded fb-post, "МАРИЯ ПЕТРОВА" closing the text
    ("spodeleno", "Община Споделено", "https://spodeleno.bg"),
    # and no heading, the headline in the <title> alone, an "Анкета" poll in the box
    ("glasuvano", "Община Гласувано", "https://glasuvano.bg"),
    # and the text then its English translation under "English version", a "Реклама" banner
    ("dvuezichno", "Община Двуезично", "https://dvuezichno.bg"),
    # and a seventy-fourth's (tests/fixtures/make_mirrors_round74.py) pagers: every link of
    # the pager carrying a token new on every answer, /novini?page=2&sid=<32 hex digits>
    ("zhetonno", "Община Жетонно", "https://zhetonno.bg"),
    # and a calendar of day pages on every page, each 200, the empty ones linking the day before
    ("kalendarno", "Община Календарно", "https://kalendarno.bg"),
    # and "Новини на страница: 3 | 5 | 10 | 20", /novini?broi=5&page=2
    ("razmerno", "Община Размерно", "https://razmerno.bg"),
    # and a seventy-fifth's (tests/fixtures/make_mirrors_round75.py) article pages: dated only
    # "Публикувано: събота, 28 ноември, 08:17 ч." (no year), an interview as a <dl>
    ("sedmichno", "Община Седмично", "https://sedmichno.bg"),
    # and press releases opening "ПРЕССЪОБЩЕНИЕ", closing "За повече информация: Пресцентър …"
    ("presa", "Община Преса", "https://presa.bg"),
    # and an "Актуализация, 28.11.2026, 14:30 ч.: …" note above the text, a lead, an <hr>
    ("obnoveno", "Община Обновено", "https://obnoveno.bg"),
    # and AMP-only article pages: <html ⚡>, amp-wp-article-content, an amp-carousel
    ("ampsait", "Ампсайт – новините на региона", "https://ampsait.bg"),
    # and a seventy-sixth's (tests/fixtures/make_mirrors_round76.py): a press centre four
    # a page over three numbered pages, nine releases, the last page's one card alone
    ("edinichno", "Община Единично", "https://edinichno.bg"),
    # and a seventy-seventh's (tests/fixtures/make_mirrors_round77.py): a menu a script
    # writes from inline JSON, var menu=[{"t":"Новини","u":"/bg/novini"}], no <a> to it
    ("menyuvo", "Община Менюво", "https://menyuvo.bg"),
    # and a menu that is only a <select onchange="location=this.value">
    ("izborno", "Община Изборно", "https://izborno.bg"),
    # and news only in the home page's "Пресцентър" block, "Архив »" beneath it
    ("presblok", "Община Пресблок", "https://presblok.bg"),
    # and article links <a href="#" onclick="window.open('/novina.php?id=905', …)">
    ("prozorchevo", "Община Прозорчево", "https://prozorchevo.bg"),
    # and a seventy-eighth's (tests/fixtures/make_mirrors_round78.py) article pages: the
    # weekday between the day and the time, "27 ноември 2026 г., петък, 08:17 ч."
    ("petachno", "Община Петъчно", "https://petachno.bg"),
    # and a date line typed by hand, the minutes after a comma, "27.11.2026 г., 8,17 ч."
    ("zapetaya", "Община Запетая", "https://zapetaya.bg"),
    # and Bootstrap's <h1>Headline <small>subtitle</small></h1>
    ("podzaglavie", "Община Подзаглавие", "https://podzaglavie.bg"),
    # and a drop cap run on into the text's first word, a bulleted list of streets
    ("bukvitsa", "Община Буквица", "https://bukvitsa.bg"),
    # and a seventy-ninth's (tests/fixtures/make_mirrors_round79.py), first nights only:
    # week-old articles at /arhiv/2026/11/<slug>, a 301 from /novini/<slug> the next
    ("arhivirano", "Община Архивирано", "https://arhivirano.bg"),
    # and a page alone edited the next night, its list's card as it was
    ("popraveno", "Община Поправено", "https://popraveno.bg"),
    # and two withdrawn the next night, one 410, one "Публикацията е оттеглена"
    ("otteglyano", "Община Оттеглено", "https://otteglyano.bg"),
    # and a paged list by "most read", each card its day and readers
    ("naicheteno", "Община Най-четено", "https://naicheteno.bg"),
    # and an eightieth's (tests/fixtures/make_mirrors_round80.py) article pages: the
    # writer's name alone closing the text, in bold or aligned right
    ("podpis", "Община Подпис", "https://podpis.bg"),
    # and an eighty-first's (tests/fixtures/make_mirrors_round81.py) article pages: a
    # weekday in brackets before the time, a name alone in a <div> aligned right, <font>
    # runs and a mayor's signed appeal, a headline only in <p class="title">
    ("skobi", "Община Скоби", "https://skobi.bg"),
    ("vdyasno", "Община Вдясно", "https://vdyasno.bg"),
    ("vazvanie", "Община Възвание", "https://vazvanie.bg"),
    ("zaglavie", "Община Заглавие", "https://zaglavie.bg"),
    # and an eighty-second's (tests/fixtures/make_mirrors_round82.py): a site builder's
    # "Блог" at /blog, /blog/page/2, posts at /post/<slug>, a JSON state blob on each page
    ("konstruktorovo", "Община Конструкторово", "https://konstruktorovo.bg"),
    # and uCoz's news module, /news/?page2, a calendar of day archives /news/2026-11-29
    ("ukovo", "Община Уково", "https://ukovo.bg"),
    # and the news index the search's first page, "Всички новини" to /search?q=&type=news
    ("tarseno", "Община Търсено", "https://tarseno.bg"),
    # and a news list its script draws, the sitemap robots.txt names on a CDN host
    ("oblakovo", "Община Облаково", "https://oblakovo.bg"),
    # and an eighty-third's (tests/fixtures/make_mirrors_round83.py): platforms in their
    # Bulgarian locale, a WordPress.com blog's /?p= shortlinks and a time only in the day
    # link's title, a phpBB board's news forum (found whole; its topic pages' headline
    # and author read wrong), new Google Sites' Cyrillic pages, Drupal 7's "пет."
    ("uchilishtnik", "ОУ „Христо Ботев“ – с. Училищник", "https://uchilishtnik.wordpress.com"),
    ("forumovo", "НЧ „Просвета 1907“ – с. Форумово", "https://forum.chitalishte-forumovo.bg"),
    ("googlesajt", "Кметство Сайтово", "https://sites.google.com/view/kmetstvo-sajtovo"),
    ("drupalbg", "Община Друпалово", "https://drupalbg.bg"),
    # and an eighty-fourth's (tests/fixtures/make_mirrors_round84.py) article pages: a
    # year cut short after an apostrophe, "Продължава след рекламата" between paragraphs,
    # "Източник: БТА" opening the text, two editors' names set apart at the close
    ("apostrof", "Община Апостроф", "https://apostrof.bg"),
    ("prekasvane", "Община Прекъсване", "https://prekasvane.bg"),
    ("izvornik", "Извор Нюз", "https://izvornik.bg"),
    ("dvoyka", "Община Двойка", "https://dvoyka.bg"),
    # and an eighty-fifth's (tests/fixtures/make_mirrors_round85.py): a list publishing two
    # between the crawl's page 1 and page 2 (its server's next_night_after)
    ("dopalneno", "Община Допълнено", "https://dopalneno.bg"),
    # (not izteglyano, whose list loses a card of page 1 mid-walk: the card that slid to
    # page 1 is the next run's, 4 requests, over the no-op target by construction)
    # and a page 1 of three whose "Покажи още" page, /novini?page=2, holds six
    ("zaredeno", "Община Заредено", "https://zaredeno.bg"),
    # and three "Актуално" cards pinned weeks ago atop every page, "НОВО" badges
    ("aktualno", "Община Актуално", "https://aktualno.bg"),
    # and an eighty-sixth's (tests/fixtures/make_mirrors_round86.py): a regional paper
    # whose menu names topics only, "Русе", "Регион", "България", "Спорт", never "Новини"
    ("temite", "Дунавски вестник", "https://temite.bg"),
    # and its like whose menu opens "За нас | Контакти | Администрация" before its topics
    ("porechie", "Поречки глас", "https://porechie.bg"),
    # and an eighty-seventh's (tests/fixtures/make_mirrors_round87.py), a nightly cron's
    # weeks: JSON-LD in UTC beside Sofia's clock around midnight, the October hour that
    # comes twice, three December events atop a list by date, tracking parameters
    ("polunosht", "Община Полунощ", "https://polunosht.bg"),
    ("prehod", "Община Преход", "https://prehod.bg"),
    ("predstoyashti", "Община Предстоящи", "https://predstoyashti.bg"),
    ("sledene", "Община Следене", "https://sledene.bg"),
    # and an eighty-eighth's (tests/fixtures/make_mirrors_round88.py) article pages: a
    # notice that is a fifteen-row outage table, "Решение № …" in an <h2> above a council
    # decision's headline and its points in an <ol>, the headline only in the breadcrumb
    # and <title>, a mayor's orders as a list of "Заповед №…" PDF links
    ("spirane", "ВиК Спиране", "https://spirane.bg"),
    ("reshenie", "Общински съвет Решение", "https://reshenie.bg"),
    ("trohi", "Община Трохи", "https://trohi.bg"),
    ("zapovedi", "Община Заповеди", "https://zapovedi.bg"),
    # and an eighty-ninth's (tests/fixtures/make_mirrors_round89.py): the uniform templates
    # of public bodies: a police directorate's section of the ministry's one host, a
    # governor's office on the old e-cms in windows-1251, a court's press releases whose
    # rest is a PDF, a health inspectorate's index.php?p=novini&id=
    ("odmvr", "ОДМВР Каменград", "https://mvr-portal.bg/odmvr-kamengrad/"),
    ("oblast", "Областна администрация Зорница", "https://oblast-zornitsa.bg"),
    ("rajonensad", "Районен съд – Тихоречие", "https://rs-tihorechie.bg"),
    ("rzi", "РЗИ Зорница", "https://rzi-zornitsa.bg"),
    # and a ninetieth's (tests/fixtures/make_mirrors_round90.py): regional media portals of
    # the "24" network's kind, a strip "Новини от последните 24 часа" and "Най-четени"
    # (``?ref=mostread``) on every page: a rubric tree two levels deep, paid articles,
    # the sister sites' news linked in the site's own cards, a live blog, comments.php
    ("dunav24", "Дунав 24", "https://dunav24.bg"),
    ("yantra24", "Янтра 24", "https://yantra24.bg"),
    ("svishtov24", "Свищов 24", "https://svishtov24.bg"),
    ("lom24", "Лом 24", "https://lom24.bg"),
    # and a ninety-first's (tests/fixtures/make_mirrors_round91.py): CMSs and themes as
    # they print: Joomla 5 with Helix Ultimate and SP Page Builder, WordPress with
    # YOOtheme Pro's uk-article cards, WordPress with Avada's Fusion Builder, an OpenCart
    # shop's blog module at index.php?route=…
    ("bilyana", "Община Биляна", "https://www.bilyana.bg"),
    ("glogino", "Община Глогино", "https://glogino.bg"),
    ("drenovets", "Община Дреновец", "https://drenovets.bg"),
    ("smilyan", "Туристически център Смилян", "https://smilyan-tour.bg"),
    # and a ninety-second's (tests/fixtures/make_mirrors_round92.py): municipal and
    # tourist-town sites keeping Russian, English, Turkish and Romanian copies of their
    # news under templates that lie (lang="bg" on every copy, no hreflang): a plugin's
    # ?lang=ru copies in the one feed, /ru/novosti/ copies in a box on every page,
    # Turkish copies among the news in one list, Romanian copies in the news feed
    ("morsko", "Община Морско", "https://morsko.bg"),
    ("slanchevo", "Община Слънчево", "https://slanchevo.bg"),
    ("kamenlak", "Община Каменлак", "https://kamenlak.bg"),
    ("dunavgrad", "Община Дунавград", "https://dunavgrad.bg"),
    # and a ninety-third's (tests/fixtures/make_mirrors_round93.py): regional radio and
    # TV newsrooms: a radio's reports under an <audio> player and "Слушайте репортажа:", a
    # TV's video items of two lines behind "▶" cards, a podcast feed announced before the
    # news feed, "Програма за днес" dated after every story in a box of every page
    ("radiobryag", "Радио Бряг", "https://radiobryag.bg"),
    ("tvdolina", "ТВ Долина", "https://tvdolina.bg"),
    ("radiovalna", "Радио Вълна", "https://radiovalna.bg"),
    ("tvsever", "ТВ Север", "https://tvsever.bg"),
    # and a ninety-fourth's (tests/fixtures/make_mirrors_round94.py): feeds and sitemaps
    # as CMS plugins write them, each site's best index: RSS items naming their post only
    # in a permalink <guid>, an <atom:updated> days after the <pubDate>; the whole text in
    # <content:encoded> over article pages that are a script's shell; a Yoast-like index
    # with image and video sitemaps, every <lastmod> a year ahead, robots.txt naming a dead
    # sitemap and one of the index's children over http://; a Google News sitemap over
    # pages printing no date
    ("postoyanna", "Община Постоянна", "https://postoyanna.bg"),
    ("tsyalostna", "Община Цялостна", "https://tsyalostna.bg"),
    ("kartovo", "Община Картово", "https://kartovo.bg"),
    ("lesovnik", "Лесовник", "https://lesovnik.bg"),
    # and a ninety-fifth's (tests/fixtures/make_mirrors_round95.py): website builders
    # small bodies keep their news on: Wix's free plan at a sub-path, hashed classes, a
    # "Зареди още" with no address over a sitemap index; Webnode's /l/<slug>/ dated
    # "27. 11. 2026"; Jimdo's day in three spans; Weebly's American "11/8/2026" and its
    # /blog/previous/2
    ("izvorovo", "НЧ „Извор 1921“", "https://izvorovo.wixsite.com/chitalishte"),
    ("brezhani", "Кметство Брежани", "https://brezhani.webnode.bg"),
    ("dryanovets", "ОУ „Христо Ботев“", "https://www.ou-dryanovets.bg"),
    ("zelenastruma", "Сдружение „Зелена Струма“", "https://www.zelenastruma.org"),
    # and a ninety-sixth's (tests/fixtures/make_mirrors_round96.py): the website builders
    # round 95 left out: Squarespace 7.0's Brine, BlogList-item cards paged ?offset=, posts
    # at /blog/<slug> timed "+0200"; Site123, six cards over "Зареди още", the rest only in
    # an inline JSON list and the sitemap; Strikingly's one-page site and its /blog, posts
    # dated "29 ное 2026 · преди 5 дни"; Zyro / Hostinger's Nuxt block-blog-list over
    # buttons with no address, posts dated by JSON-LD or a <time> in an unlabeled grid
    ("muzeikamen", "РИМ – Камен", "https://www.muzei-kamen.bg"),
    ("gornopole", "Кметство Горно поле", "https://kmetstvo-gornopole.site123.me"),
    ("usmivka", "Сдружение „Усмивка“", "https://usmivka-bg.mystrikingly.com"),
    ("pgzelen", "ПГ по земеделие – Зелен дол", "https://pg-zelendol.bg"),
    # and a ninety-seventh's (tests/fixtures/make_mirrors_round97.py): content management
    # systems no round named: Plone's /news?b_start:int=4 and documentByLine; Sitefinity's
    # /novini/page/2, sf_ classes and "8.11.2026 г."; OctoberCMS's RainLab.Blog categories
    # ?page=N and "на Nov 27, 2026" after the text; Grav's /novini/page:2 and tag:деца
    ("oblastdolina", "Областна администрация Долина", "https://www.oblastdolina.bg"),
    ("ddu", "Долнодунавски университет", "https://www.ddu.bg"),
    ("fcstrela", "ФК „Стрела“ Долина", "https://www.fcstrela.bg"),
    ("bibliodolina", "Регионална библиотека „Петко Росен“", "https://www.biblioteka-dolina.bg"),
    # and a ninety-eighth's (tests/fixtures/make_mirrors_round98.py): portal CMSs of the
    # 2000s in table layouts: e107's news.php?item.412 in windows-1251; PHP-Nuke's
    # modules.php?name=News&file=article&sid= and article.php's 302; XOOPS's ?storyid= and
    # ?start=3; CMS Made Simple's mact=News,cntnt01,detail,0 beside the side block's m4
    ("tsarevbrod", "Царевброд Днес", "https://www.tsarevbrod-dnes.com"),
    ("beloizvor", "Община Белоизвор", "https://www.beloizvor.org"),
    ("srebrenik", "Сребреник Нюз", "https://www.srebrenik-news.net"),
    ("vrabcha", "Община Връбча", "https://www.vrabcha.bg"),
    # and a ninety-ninth's (tests/fixtures/make_mirrors_round99.py): the WordPress news
    # themes regional portals buy: JNews's module over an admin-ajax "Зареди още" and its
    # jeg_pagination; Jannah's ticker, "преди 2 часа" and "Прочетете също:" in the text;
    # Soledad's data-url grid, "Още новини" to its category and the next post appended
    # under each post; Bricks's query loop paged ?query-kdxqzu-page=2
    ("strumaplus", "Струма Плюс", "https://strumaplus.bg"),
    ("yantrainfo", "Янтра Инфо", "https://yantra-info.bg"),
    ("rodopiekspres", "Родопи Експрес", "https://rodopi-ekspres.bg"),
    ("dunavlive", "Дунав Лайв", "https://dunav-live.bg"),
    # and a hundredth's (tests/fixtures/make_mirrors_round100.py): public institutions and
    # utilities: a ВиК's outage notices (a "Възстановено" update appended the next day)
    # beside its press releases; a hospital's Joomla news and "Обявления" for competitions,
    # PDFs linked; a drama theatre's news beside a programme of future performances (no
    # news); a prosecutor's office's numbered press releases dated in their text alone
    ("vikbistritsa", "ВиК Бистрица", "https://www.vik-bistritsa.bg"),
    ("mbalravnets", "МБАЛ – Равнец", "https://www.mbal-ravnets.bg"),
    ("dtkalimantsi", "Драматичен театър – Калиманци", "https://www.dt-kalimantsi.bg"),
    ("opstramsko", "Окръжна прокуратура – Стръмско", "https://www.op-stramsko.bg"),
    # and a hundred-and-first's (tests/fixtures/make_mirrors_round101.py): one host, many
    # publishers, each sub-site in a folder with its own news, feed and sitemap, the home
    # aggregating them: WordPress Multisite's /kmetstvo-<x>/ and /ou-<y>/; a regional
    # administration's /obshtini/<name>/ on Joomla; a newspaper group's /<town>/ editions
    # behind /statia/<id> 301s; an NGO platform's /members/<slug>/blog/. The root crawled:
    # every sub-site's news expected (not reached yet: tests/test_round101_mirrors.py)
    ("mnogoselo", "Община Многосело", "https://www.mnogoselo.bg"),
    ("oblastzagore", "Областна администрация Загоре", "https://www.oblast-zagore.bg"),
    ("podbalkanets", "Подбалканец", "https://www.podbalkanets.bg"),
    ("zaedno", "Мрежа „Заедно“", "https://www.zaedno-mreja.bg"),
    # and a hundred-and-second's (tests/fixtures/make_mirrors_round102.py): CMSs no round
    # named, as they ship: MODX Revolution's <base href>-relative novini/<alias>.html,
    # pdoPage's ?page=2 and Archivist's ?arc_year=; classic DNN's /Новини/tabid/57/ .aspx
    # paths, an article at its title's and at Default.aspx; SilverStripe's blog, ?start=4
    # and /archive/2026/11/; Webflow's w-dyn-item lists paged ?9f4c2a1b_page=2
    ("belokamak", "Община Белокамък", "https://www.belokamak.bg"),
    ("pggranitovo", "ПГ „Васил Левски“ – Гранитово", "https://www.pg-granitovo.bg"),
    ("dunavskazarya", "Дунавска заря", "https://www.dunavska-zarya.bg"),
    ("glasnagorno", "Глас на Горно", "https://www.glas-na-gorno.bg"),
    # and a hundred-and-third's (tests/fixtures/make_mirrors_round103.py): a village's news
    # on hosted blog and newsletter platforms: Blogger's blogspot.com (blog-post_24.html,
    # ?m=1 copies, /search closed by robots.txt); a community centre's Tumblr
    # (/post/<id>/<slug>); a civic group's Substack (/p/<slug>, /archive); a journalist's
    # LiveJournal (/<ditemid>.html, ?skip=5, ?mode=reply and ?thread= copies)
    ("brezovitsa", "Новини от Брезовица", "https://novini-ot-brezovitsa.blogspot.com"),
    ("lozen", "Читалище „Искра 1911“ – с. Лозен", "https://chitalishte-iskra-lozen.tumblr.com"),
    ("topolnitsa", "Граждани за Тополница", "https://grazhdani-za-topolnitsa.substack.com"),
    ("kamenishte", "Каменище днес", "https://kamenishte-dnes.livejournal.com"),
    # and a hundred-and-fourth's (tests/fixtures/make_mirrors_round104.py): ProcessWire's
    # /novini/page2/ pager; Mobirise's flat pageN.html files; a Medium profile's
    # /@user/<cyrillic-slug>-<hash> with ?source= copies; a Telegram channel's web preview
    # linking Telegraph pages on another host
    ("stranevo", "Община Странево", "https://www.stranevo.bg"),
    ("svetlina", "Читалище „Светлина 1926“ – с. Равногор", "https://www.chitalishte-ravnogor.bg"),
    ("byalavoda", "Бяла вода днес", "https://medium.com/@byalavoda"),
    ("dolnoselo", "Кметство Долно село", "https://t.me/s/kmetstvo_dolnoselo"),
    # and a hundred-and-sixth's (tests/fixtures/make_mirrors_round106.py): a ministry on
    # the unified government platform beside its procurement files; a labour office's old
    # ASP template, paged "[1] [2] [3]"; a district court whose every page is /bg/<id>; a
    # state enterprise's releases dated only in the list and /press/2026/11/29/<slug>
    ("minplanini", "Министерство на планинските райони", "https://www.mpr.government.bg"),
    ("bturavnets", "Дирекция „Бюро по труда“ – Равнец", "https://www.dbt-ravnets.bg"),
    ("rsbeloreche", "Районен съд – Белоречие", "https://rs-beloreche.justice.bg"),
    ("dprechni", "ДП „Речни пристанища“", "https://www.dp-rechni.bg"),
    # and a hundred-and-fifth's (tests/fixtures/make_mirrors_round105.py): regional
    # broadcasters: the national radio's regional station (/news/<id>, "Новини в 18:00"
    # bulletins, /programa/<day>, podcasts); a TV's /news/ and /video/ copies of each
    # story with "Емисия новини 19:00" pages; a cable TV's English-UI WordPress with
    # podcast episodes; a Next.js front over Strapi with next-sitemap
    ("radiokamenitsa", "Радио Каменица", "https://www.radiokamenitsa.bg"),
    ("tvbregovitsa", "ТВ Бреговица", "https://tvbregovitsa.bg"),
    ("ktvslavyanovo", "КТВ Славяново", "https://ktv-slavyanovo.bg"),
    ("podbalkantv", "Подбалкан ТВ", "https://www.podbalkan.tv"),
    # and a hundred-and-seventh's (tests/fixtures/make_mirrors_round107.py): EU-funded
    # project news: a municipality's project pages holding their press releases; a
    # project's microsite on a host of its own (not crawled); an association's Drupal
    # site in English US dates; a school's Erasmus+ blog in a folder of its host
    ("belovitsa", "Община Беловица", "https://www.belovitsa.bg"),
    ("ravnopole", "Община Равнополе", "https://www.ravnopole.bg"),
    ("zelenmost", "Сдружение „Зелен мост“", "https://zelenmost.org"),
    ("ouvasilkovo", "ОУ „Христо Ботев“ – с. Василково", "https://www.ou-vasilkovo.com"),
    # and a hundred-and-eighth's (tests/fixtures/make_mirrors_round108.py): education,
    # health and culture institutions whose news share the site with other dated pages: a
    # university's events, competitions and defences; a hospital's procurement files and
    # careers; a library's exhibitions (news) and new-book lists; a football club's matches
    ("unimramoren", "Университет „Проф. Асен Славов“ – Мраморен", "https://www.uni-mramoren.bg"),
    ("mbalchernovodie", "МБАЛ „Св. Пантелеймон“ – Черноводие", "https://www.mbal-chernovodie.bg"),
    (
        "bibliobelograd",
        "Регионална библиотека „Петър Берон“ – Белоград",
        "https://www.biblioteka-belograd.bg",
    ),
    ("fkrechitsa", "ФК „Речица“", "https://fk-rechitsa.bg"),
    # and a hundred-and-ninth's (tests/fixtures/make_mirrors_round109.py): .NET and
    # enterprise CMSs: a water utility on Sitefinity, a chamber of commerce on Umbraco,
    # a municipality on Kentico with .aspx copies, a health inspectorate on
    # Liferay's asset publisher
    ("vikkamenograd", "„ВиК – Каменоград“ ЕООД", "https://www.vik-kamenograd.bg"),
    (
        "tppsrebarnitsa",
        "Търговско-промишлена палата – Сребърница",
        "https://www.tpp-srebarnitsa.bg",
    ),
    ("obshtinakalinets", "Община Калинец", "https://www.kalinets.bg"),
    ("rzibregovets", "Регионална здравна инспекция – Бреговец", "https://www.rzi-bregovets.bg"),
    # and a hundred-and-eleventh's (tests/fixtures/make_mirrors_round111.py): regional
    # weeklies filed by issue: an old PHP paper's issue select, a K2 bi-weekly's issue
    # categories, a tagDiv WordPress weekly's issue taxonomy and day archives, a Hugo
    # weekly's archive calendar
    ("vestnikdolnorek", "Долноречки глас", "https://www.dolnorechkiglas.com"),
    ("hvoynetsvesti", "Хвойнешки вести", "https://www.hvoynetsvesti.bg"),
    ("pelinovohorizont", "Пелиновски хоризонт", "https://pelinovohorizont.bg"),
    ("zornitsasedmitsa", "Зорнишка седмица", "https://zornishkasedmitsa.bg"),
    # and a hundred-and-tenth's (tests/fixtures/make_mirrors_round110.py): civil society:
    # a diocese dated in both calendars beside its church calendar's day pages; a trade
    # union's WordPress with no "Новини"; a party's branch beside its national site; a
    # community centre's WordPress on plain permalinks (/?p=<id>)
    ("mitropoliyaostrets", "Острецка митрополия", "https://www.ostretska-mitropoliya.bg"),
    (
        "sindikatpesterets",
        "КСС – Регионален синдикален съвет Пещерец",
        "https://pesterets.kss-bg.org",
    ),
    ("partiyabyalgradets", "Нова посока – Бялградец", "https://byalgradets.novaposoka.bg"),
    ("chitalishteslanitsa", "НЧ „Зора 1897“ – с. Сланица", "https://www.zora-slanitsa.bg"),
    # and a hundred-and-twelfth's (tests/fixtures/make_mirrors_round112.py): a
    # municipality's democratic machinery: a council's old PHP site (index.php?m=news)
    # beside sessions, decisions and minutes; a Joomla council beside DOCman's documents;
    # a mayoralty's blog on WordPress.com; public consultations beside the news
    ("obsstarogradets", "Общински съвет – Староградец", "https://www.obs-starogradets.bg"),
    ("obsyablanitsa", "Общински съвет Ябланица", "https://obs.yablanitsa-obshtina.bg"),
    ("kmetstvobrezovdol", "Кметство Брезов дол", "https://kmetstvobrezovdol.wordpress.com"),
    ("drenopole", "Община Дренополе", "https://www.drenopole.bg"),
    # and a hundred-and-thirteenth's (tests/fixtures/make_mirrors_round113.py): a regional
    # portal's dated non-news beside its news: a WordPress portal's one feed of every post
    # (obituaries, classified ads), an old PHP portal's obituary.php and obiavi.php, a
    # Drupal portal promoting the day's weather and horoscope, obituaries at the news'
    # own /news/<id>-<slug> told apart by their category alone
    ("svetlitsainfo", "Светлица Инфо", "https://svetlitsa.info"),
    ("maglenitsadnes", "Мъгленица днес", "https://www.maglenitsa-dnes.com"),
    ("vestikamenovrah", "Вести от Каменовръх", "https://www.vesti-kamenovrah.bg"),
    ("yasengradnews", "Ясенград Нюз", "https://yasengrad-news.bg"),
    # and a hundred-and-fourteenth's (tests/fixtures/make_mirrors_round114.py): tourism
    # portals whose few dated news sit beside long undated sights, routes, hotels and
    # festivals to come, and their copies in English, Russian and Romanian: a tourist
    # centre on WordPress (sights as custom post types), a nature park on Joomla (news and
    # routes in one blog layout), a resort's ?page=news&id= beside ?page=sight&id= in
    # bg/en/ru, an association on a website builder promoting all in one card grid
    ("ticbelovir", "Посетете Беловир", "https://visitbelovir.bg"),
    ("ppsinyaskala", "Природен парк „Синя скала“", "https://www.pp-sinyaskala.bg"),
    ("byalvrah", "Курорт Бял връх", "https://www.byalvrah-resort.bg"),
    ("orloviskali", "Туристическо сдружение „Орлови скали“", "https://www.orlovi-skali.bg"),
    # and a hundred-and-fifteenth's (tests/fixtures/make_mirrors_round115.py): sports
    # sites whose news (match reports, transfers, interviews) sit beside dated non-news:
    # fixtures dated in the future, a round's results and standings, live texts, a match
    # centre per game, player profiles, galleries, ticket notices: a regional portal on
    # WordPress with SportsPress, a football club's PHP site, a basketball club on a
    # website builder, a regional newspaper's /article/<id> with its "Спорт"
    ("sportdunavets", "Спорт Дунавец", "https://sportdunavets.bg"),
    ("fkchernovodets", "ФК Черноводец 1923", "https://www.fc-chernovodets.bg"),
    ("bkvihar", "БК Вихър Дъбрава", "https://www.bkvihar.bg"),
    ("dolinavestnik", "Вестник „Долина“", "https://www.dolina-vestnik.bg"),
    # and a hundred-and-sixteenth's (tests/fixtures/make_mirrors_round116.py): periodic
    # bulletins beside the news, a template's table filled every day or week (a day's air
    # quality, a week's flu cases, the weekend's duty pharmacies, the week's refuse
    # rounds, the Danube's levels of a day), dated and listed as the news are: an
    # environment inspectorate's government-template CMS (a category and the feed's
    # <category> of their own), a health inspectorate's Joomla (an item of "Новини"
    # itself), a municipality's WordPress (posts told apart by their tags alone), a river
    # administration's PHP site (a dated page a day in the home page's box "Водни нива")
    ("riosvbreznik", "РИОСВ – Брезник", "https://www.riosv-breznik.bg"),
    ("rzikamenitsa", "Регионална здравна инспекция – Каменица", "https://www.rzi-kamenitsa.bg"),
    ("topolovo", "Община Тополово", "https://topolovo.bg"),
    ("dolendunav", "Речна администрация „Долен Дунав“", "https://www.dolen-dunav.bg"),
    # and a hundred-and-seventeenth's (tests/fixtures/make_mirrors_round117.py): a small
    # municipality whose home page is its list of news (dated cards into /vesti/, no pager,
    # no menu entry naming them) beside the menu's "Съобщения", a section of its own
    # notices; and its twin whose home box repeats the newest three of its "Новини"
    ("slivovik", "Община Сливовик", "https://www.slivovik.bg"),
    ("gloginovo", "Община Глогиново", "https://www.gloginovo.bg"),
    # and a hundred-and-eighteenth's (tests/fixtures/make_mirrors_round118.py): a small
    # municipality whose home page is its list of news, UNDATED cards (a picture, a
    # headline, a teaser) into /aktualno/, beside the menu's "Обяви"; and a home page
    # whose undated box of services (an icon and a line each) and documents sits beside
    # the menu's "Новини", no list of news
    ("bazovets", "Община Бъзовец", "https://www.bazovets.bg"),
    ("tranishte", "Община Трънище", "https://www.tranishte.bg"),
    # and a hundred-and-nineteenth's (tests/fixtures/make_mirrors_round119.py): a small
    # municipality whose home page is its list of news, BARE headlines (no day, teaser or
    # picture) into /novina.php?id=N, beside the menu's "Обяви" and a feed of the newest
    # ten; and its twin whose home box of bare headlines repeats its "Новини" under the
    # CMS's other addresses (/statia.php?id=N) beside a feed of the section's
    ("dabovnik", "Община Дъбовник", "https://www.dabovnik.bg"),
    ("kamenyak", "Община Каменяк", "https://www.kamenyak.bg"),
):
    # (an origin at a sub-path, "https://x.bg/obshtina/", read as the profile loader does)
    scheme, _, rest = origin.partition("://")
    host, _, folder = rest.partition("/")
    BARE[site] = Profile(
        id=site, name=name, origin=f"{scheme}://{host}", hosts=(host,), home=f"/{folder}"
    )


def archived(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {r[0] for r in conn.execute("SELECT url FROM articles")}


def proposed(profile: Profile, server_url: str, tmp: Path) -> tuple[Profile | None, str]:
    """What ``add-site --write`` saves for the mirror, read back as ``crawl`` reads it;
    None and why when add-site fails or the loader refuses its proposal."""
    try:
        found = propose(
            profile.origin + profile.home.rstrip("/"), site_id=profile.id, base_url=server_url,
            options=FetchOptions(delay=0, retries=1),
        )  # fmt: skip
        path = write_profile(render(found), tmp, profile.id)
        return load_profile_file(path), ""
    except NewsarchiveError as exc:
        return None, str(exc)


def _keys(urls: set[str]) -> set[str]:
    return {url_key(url) for url in urls}


def add_site_cells(
    profile: Profile, server_url: str, tmp: Path, expected: set[str], bare: tuple[set[str], int]
) -> tuple[str, str, str]:
    """The add-site columns of one mirror (archived, no-op rerun), and "" when its
    profile crawls as the bare one (``bare``: what that archived, its rerun's requests),
    else why not."""
    written, why = proposed(profile, server_url, tmp)
    if written is None and not (expected and bare[0]):
        # (a site with nothing to archive, or one a bare crawl finds nothing on either:
        # refused, which is no worse, and says so rather than proposing a guess)
        return "refused", "-", ""
    if written is None:
        return "NO LOAD", "-", f"ADD-SITE WORSE: {why}"
    db = tmp / "add-site.db"
    options = CrawlOptions(base_url=server_url, fetch=FetchOptions(delay=0))
    crawl(db, [written], options)
    (rerun,) = crawl(db, [written], options)
    # Compared by identity (``url_key``): the two profiles may read the site's sources in
    # another order and keep another spelling of one article first (an IIS site's feed
    # writing ``?ID=905`` where its list writes ``?id=905``), which is one article.
    got, bare_got, bare_rerun = _keys(archived(db)), _keys(bare[0]), bare[1]
    expected = _keys(expected)
    cell = f"{len(got & expected)}/{len(expected)}" + (
        f"+{len(got - expected)}" if got - expected else ""
    )
    fine = (
        len(got & expected) >= len(bare_got & expected)
        and len(got - expected) <= len(bare_got - expected)
        and rerun.requests <= max(bare_rerun, 3)
    )
    return cell, str(rerun.requests), "" if fine else "ADD-SITE WORSE"


def main() -> int:
    with_add_site = "--bare" not in sys.argv[1:]  # (the add-site columns double the time)
    print(
        f"{'mirror':<13} {'explore':>7} {'run 1':>6} {'archived':>9} {'no-op rerun':>11}"
        + (f" {'add-site':>9} {'rerun':>5}" if with_add_site else "")
    )
    worst = worse = 0
    for site, profile in BARE.items():
        expected = {r["url"] for r in json.loads((SITES / site / "expected.json").read_text())}
        cells: tuple[str, ...] = ()
        with tempfile.TemporaryDirectory() as tmp, MirrorServer(SITES / site) as server:
            db = Path(tmp) / "bench.db"
            options = CrawlOptions(base_url=server.url, fetch=FetchOptions(delay=0))
            (first,) = crawl(db, [profile], options)
            (again,) = crawl(db, [profile], options)
            got = archived(db)
            if with_add_site:
                bare = (got, again.requests)
                cells = add_site_cells(profile, server.url, Path(tmp), expected, bare)
        ok = got == expected and again.requests <= 3
        worst = max(worst, 0 if ok else 1)
        worse = max(worse, 1 if cells and cells[2] else 0)
        print(
            f"{site:<13} {first.explored:>7} {first.requests:>6} "
            f"{len(got & expected):>4}/{len(expected):<4} {again.requests:>11}"
            + (f" {cells[0]:>9} {cells[1]:>5}" if cells else "")
            + ("" if ok else "  MISSED")
            + (f"  {cells[2]}" if cells and cells[2] else "")
        )
    print("targets (every article, nothing else, no-op rerun <= 3 requests):",
          "met" if not worst else "MISSED")  # fmt: skip
    if with_add_site:
        print("add-site's profile crawls as well as a bare one (it loads, no article fewer,"
              " none more, no costlier rerun):", "met" if not worse else "MISSED")  # fmt: skip
    return max(worst, worse)


if __name__ == "__main__":
    sys.exit(main())
