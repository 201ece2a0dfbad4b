"""Pages answered with HTTP 200 that hold no article: a site's own "page not found" (a
soft 404), a bot wall's challenge, a "closed for maintenance" notice, a server's error
("Database Error", "Възникна грешка") sent with a 200, a cookie consent wall ("Този
сайт използва бисквитки" and an "Приемам" button, answered for every page asked).

Why the extractor must say so: a crawl archives whatever a 200 brings. A deleted
article whose URL now answers "Страницата не е намерена" (or a withdrawn one's
"Публикацията е оттеглена") would, on a recheck, become a
new version of the archived article with that sentence for its text; a bot wall in front
of a site would fill the archive with rows titled "Just a moment...". Both kinds of page
are short, so a page is judged only when its text is short too: an article about a 404
or about Cloudflare has a body.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from selectolax.lexbor import LexborHTMLParser

from newsarchive.extraction.bylines import reads_as_name
from newsarchive.fetch.bot_check import CHALLENGE_MARKERS, CHALLENGE_MAX_BYTES, CHALLENGE_TITLES

ERROR_PAGE = "error page"
BOT_CHALLENGE = "bot challenge"
MAINTENANCE = "maintenance page"
SERVER_ERROR = "server error page"
CONSENT_WALL = "cookie consent wall"

# An error page says its sentence and perhaps offers a search box or the home page; even
# a short municipal notice says more, and a wrongly judged article is worse than an
# archived error page, so the bar is low.
MAX_WORDS = 80

_NOT_FOUND = re.compile(
    r"(?:(?:грешка|error|ошибка|http|код|code)\s*)?404(?:\s*(?:error|грешка|ошибка))?"
    r"|(?:(?:тази|търсената|исканата)\s+)?(?:страница|статия|новина|публикация|категория)(?:та)?"
    r"\s+(?:не\s+(?:е|беше|може\s+да\s+бъде)\s+(?:намерена|открита)|не\s+съществува|липсва)"
    r"|(?:материалът|записът)\s+не\s+(?:е|беше)\s+(?:намерен|открит)"
    # a withdrawn article's notice at its address: "Публикацията е оттеглена"
    r"|(?:(?:тази|търсената|исканата)\s+)?(?:страница|статия|новина|публикация)(?:та)?"
    r"\s+(?:е|беше|бе)\s+(?:оттеглена|премахната|изтрита|свалена)(?:\s+от\s+(?:сайта|автора))?"
    r"|(?:материалът|записът)\s+(?:е|беше|бе)\s+(?:оттеглен|премахнат|изтрит|свален)"
    r"|(?:this\s+)?(?:article|post|page)\s+(?:has\s+been|was)\s+(?:removed|withdrawn|deleted)"
    r"|няма\s+(?:такава\s+(?:страница|статия|новина|публикация)|такъв\s+(?:материал|запис))"
    r"|нищо\s+не\s+(?:е|беше)\s+(?:намерено|открито)"
    r"|(?:the\s+)?(?:page|article|post|category)\s+(?:was\s+)?not\s+found|not\s+found"
    r"|nothing\s+(?:was\s+)?found"
    r"|(?:this|that|the)\s+page\s+(?:can(?:no|['’])t|could\s*n['’]t)\s+be\s+found"
    r"|(?:the\s+)?page\s+does\s*n(?:o|['’])t\s+exist|nothing\s+here"
    r"|страница\s+не\s+(?:найдена|существует)|ничего\s+не\s+найдено"
)
# A site closed for a while (a maintenance plugin that answers 200): try again later.
_CLOSED = re.compile(
    r"(?:в\s+момента\s+)?сайтът\s+(?:е\s+(?:временно\s+)?в\s+(?:процес\s+на\s+)?(?:поддръжка"
    r"|профилактика|ремонт|изграждане)|(?:е\s+)?временно\s+(?:недостъпен|спрян))"
    r"|(?:(?:the\s+)?(?:web)?site\s+is\s+(?:currently\s+|temporarily\s+)?)?(?:under\s+maintenance"
    r"|down\s+for\s+maintenance)|maintenance\s+mode|(?:web)?site\s+under\s+construction"
    r"|сайт\s+(?:находится\s+)?на\s+(?:техническом\s+)?обслуживании"
)
# A cookie consent wall: a site (or its consent plugin) that answers every address with
# the same notice until a browser clicks "Приемам". Archived, each article of the night
# was that notice under its own URL, done for good, and the run said nothing. Only a
# whole title, or a part beside the site's name (``_PIPES``), and only on a short page
# (``page_kind``): "Бисквитки за благотворителност" is news, so is a short one led by
# the word ("Cookies: what the new EU law means"), and an article on the law has a body.
_QUOTED = r"[„“”\"']?(?:бисквитки(?:те)?|cookies?)[„“”\"']?"
_CONSENT = re.compile(
    r"(?:(?:този|нашият)\s+)?(?:уеб)?сайт(?:ът)?\s+(?:използва|ползва)\s+"
    + _QUOTED
    + r"|(?:ние\s+)?използваме\s+"
    + _QUOTED
    + r"|(?:this\s+(?:web)?site|we)\s+uses?\s+cookies"
    r"|cookies?\s+(?:consent|settings|notice|preferences)"  # (before the bare word below)
    r"|(?:(?:настройки|политика|съгласие)\s+(?:за|на)\s+)?" + _QUOTED
)
# A server (its CMS, its database, its proxy) that failed and said so under a 200: the
# article is there, the next run reads it. Archived, the error was the article's text and
# its URL done for good (a CMS whose database was down for a night lost every article the
# run met). Only a whole title segment, as for the others: "Възникна грешка при
# плащането на данъци онлайн" is news.
_STATUS = r"(?:(?:http\s+)?5\d\d\s+)?"  # "500 Internal Server Error", "HTTP 502 Bad Gateway"
_BROKEN = re.compile(
    _STATUS + r"(?:(?:a|an)\s+)?(?:(?:unexpected|internal|unknown)\s+)?error\s+(?:has\s+)?occurr?ed"
    r"|(?:error\s+establishing\s+a\s+)?database\s+(?:connection\s+)?error"
    r"|error\s+establishing\s+a\s+database\s+connection|database\s+connection\s+failed"
    r"|" + _STATUS + r"(?:(?:internal\s+)?server\s+error|service\s+(?:temporarily\s+)?unavailable"
    r"|bad\s+gateway|gateway\s+time-?\s?out)|too\s+many\s+connections|something\s+went\s+wrong"
    r"|(?:възникна|получи\s+се)\s+(?:(?:неочаквана|вътрешна|системна|техническа)\s+)?грешка"
    r"|(?:вътрешна\s+)?грешка\s+(?:на|в)\s+сървъра|сървърна\s+грешка|нещо\s+се\s+обърка"
    r"|грешка\s+(?:при|в|във)\s+(?:(?:връзката|свързването|свързване)\s+с\s+)?"
    r"база(?:та)?\s+(?:от\s+)?данни"
    r"|произошла\s+(?:внутренняя\s+)?ошибка|ошибка\s+(?:базы\s+данных|сервера)"
)
# Said around the sentence, never instead of it.
_ASIDE = re.compile(r"\b(?:oops|whoops|sorry|упс|опа|ами\s+сега|извинете|съжаляваме|ой)\b|[\W_]")
# The separators between a title's parts, here and below, are tried where a run of spaces
# starts (or at the mark itself, right after the last separator's spaces), as their first
# match always starts there: tried from every space of a run, each read the run's rest,
# and a stated title of 20,000 line breaks and no mark took 41 s to judge (its three
# splits: 36 s, 11 s, 3 s), a 10 MiB page's hours. The answers are the same.
_SEGMENTS = re.compile(r"(?<!\s)\s++[|–—-]\s+|(?:(?<!\s)\s*+)?[|:]\s*")
# A server's error said as one part of a title is the page's kind only beside the site's
# name, never beside a headline's other half: a colon sets off a headline's lead ("Нещо
# се обърка: водата спря за трети път"), a dash may too ("Възникна грешка - НАП удължи
# срока", news of a failed system), as a cookie notice may ("Бисквитки - благотворителен
# базар"), where the not-found and maintenance sentences never lead news. A
# pipe sets off the site's name (as the title rules cut a headline there); a part after
# a dash is the site's only when it reads as a name ("Възникна грешка - Община Бяла",
# ``bylines.reads_as_name``: capitalised words, where a headline's clause has its verb
# and nouns in lower case) or is the name the page gives itself (og:site_name, the
# profile's). A site whose name has a word in lower case ("Дунавски вести") and gives
# it nowhere else keeps its error page: a wrongly judged article is the worse mistake.
_PIPES = re.compile(r"(?:(?<!\s)\s*+)?\|\s*")
_DASHES = re.compile(r"(?<!\s)\s++[–—-]\s+")

# A challenge's markers and titles are the fetcher's (``bot_check``), where a challenge
# met in a crawl rests its site; a title "Access denied" is a page refused here, not
# always a bot wall there (one members' page refused must not rest a whole site).
_CHALLENGE_TITLES = CHALLENGE_TITLES | {"access denied"}


def says_not_found(title: str) -> bool:
    """A title, or one of its segments ("Страницата не е намерена – Община Пример"), that
    is nothing but a not-found sentence, its "404" and its "Oops!"."""
    return _says(_NOT_FOUND, title)


def says_closed(title: str) -> bool:
    """The same for a site closed for maintenance ("Сайтът е в процес на поддръжка")."""
    return _says(_CLOSED, title)


def _says(sentence: re.Pattern[str], title: str, segments: re.Pattern[str] = _SEGMENTS) -> bool:
    return any(_says_whole(sentence, segment) for segment in (title, *segments.split(title)))


def _says_whole(sentence: re.Pattern[str], line: str) -> bool:
    folded = " ".join(line.casefold().split())
    return bool(folded and sentence.search(folded)) and not _ASIDE.sub("", sentence.sub("", folded))


def page_kind(html: str, titles: Iterable[str], text: str, names: Iterable[str] = ()) -> str:
    """``ERROR_PAGE``, ``BOT_CHALLENGE``, ``MAINTENANCE``, ``SERVER_ERROR``,
    ``CONSENT_WALL`` or "" (an article, or nothing to say). ``titles``: the headline
    and the page's stated titles; ``text``: the extracted body; ``names``: the names
    the site gives itself.

    The body's first line counts as a title: a template's error page titled "Грешка" or
    the site's name alone, no ``<h1>``, says "Страницата не е намерена" as the first line
    of its text, its headline in all but markup. Only in a text this short, only the
    not-found sentence (or a cookie notice: ``says_consent``) and only the whole line:
    a short notice opening "Сайтът е временно недостъпен – 15 ноември от 9 до 12 ч." is
    news, where a title's segment saying so would be the page's kind."""
    if len(text.split(maxsplit=MAX_WORDS)) > MAX_WORDS:
        return ""
    first = text.strip().split("\n", 1)[0]
    titles, names = [t for t in titles if t], list(names)  # (read twice below)
    if kind := _claimed_kind(html, titles, names):
        return kind
    if _says_whole(_NOT_FOUND, first):
        return ERROR_PAGE
    return CONSENT_WALL if says_consent(titles, first, names) else ""


def says_consent(titles: Iterable[str], first: str = "", names: Iterable[str] = ()) -> bool:
    """A title, or a part of one beside the site's name (``_says_beside_name``: "Бисквитки
    – Община Пример"), or the text's first line, that is nothing but a cookie notice
    ("Този сайт използва бисквитки"). Asked of a short page only: the notice on a page of
    news is furniture, not its kind. Beside a headline's other half it is the headline's
    lead ("Бисквитки - благотворителен базар в читалището", "Cookies: what the new EU law
    means"), a short article's, never the page's kind. ``names``: as for ``page_kind``."""
    own = _folded_names(names)
    return any(_says_beside_name(_CONSENT, t, own) for t in titles) or _says_whole(_CONSENT, first)


def _claimed_kind(html: str, titles: list[str], names: Iterable[str] = ()) -> str:
    """The kind the page's titles or markers claim, whatever its length."""
    if any(" ".join(t.casefold().split()) in _CHALLENGE_TITLES for t in titles) or (
        # (a page larger than a challenge is never one, as for ``bot_check``: counted in
        # characters, never more than its UTF-8 bytes, so no page bot_check would name
        # is left out; lowering a whole page of curly quotes was 1.9% of AEB's extraction)
        len(html) <= CHALLENGE_MAX_BYTES and _marked_challenge(html.lower())
    ):
        return BOT_CHALLENGE
    if any(says_not_found(t) for t in titles):
        return ERROR_PAGE
    if any(says_closed(t) for t in titles):
        return MAINTENANCE
    own = _folded_names(names)
    if any(_says_beside_name(_BROKEN, t, own) for t in titles):
        return SERVER_ERROR
    return ""


def _folded_names(names: Iterable[str]) -> set[str]:
    return {" ".join(name.casefold().split()) for name in names if name}


def _says_beside_name(sentence: re.Pattern[str], title: str, names: set[str]) -> bool:
    """``sentence`` is the whole title, or a part of it beside the site's name only (see
    ``_PIPES``): one pipe-set part, or one dash-set part whose other parts read as a name
    or are one of ``names`` (case-folded). For the sentences that may lead a headline (a
    server's error, a cookie notice), where a colon or a dash sets off its other half."""
    for part in (title, *_PIPES.split(title)):
        if _says_whole(sentence, part):
            return True
        pieces = _DASHES.split(part)
        for at, piece in enumerate(pieces if len(pieces) > 1 else ()):
            rest = pieces[:at] + pieces[at + 1 :]
            if _says_whole(sentence, piece) and all(_is_name(other, names) for other in rest):
                return True
    return False


def _is_name(part: str, names: set[str]) -> bool:
    return reads_as_name(part) or " ".join(part.casefold().split()) in names


def _marked_challenge(lowered: str) -> bool:
    return any(marker in lowered for marker in CHALLENGE_MARKERS)


def of_listing(tree: LexborHTMLParser, html: str, site_name: str = "") -> str:
    """``page_kind`` of a page read for its links (a listing, a start page), from its
    ``<title>``, its first h1 and all its text: a bot wall or a maintenance notice in
    front of a listing leaves a nightly run with no links and nothing to say, unless the
    crawl is told what came instead. The whole text is read only when a title or a
    marker claims a kind: on every other listing (nearly all) it is not built.
    ``site_name``: the profile's, one of the names the site gives itself, as for an
    article (a server's error beside it is one, ``_says_beside_name``)."""
    title = tree.css_first("title")
    h1 = tree.css_first("h1")
    titles = [t for t in (title.text() if title else "", h1.text(deep=True) if h1 else "") if t]
    site = tree.css_first('meta[property="og:site_name"]')
    names = [(site.attributes.get("content") or "") if site is not None else "", site_name]
    if not (_claimed_kind(html, titles, names) or says_consent(titles, names=names)):
        return ""
    text = tree.body.text(deep=True, separator=" ") if tree.body is not None else ""
    return page_kind(html, titles, text, names)
