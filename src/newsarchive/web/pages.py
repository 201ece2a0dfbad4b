"""The analyst pages: a search form, results with "N of M" and a chart, one article.

They run exactly the CLI's query (``archive.search``) on Datasette's read-only
connection; every piece of scraped text reaches the page through Jinja's autoescaping
or ``markupsafe.escape``.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from importlib import resources
from typing import Any
from urllib.parse import unquote, unquote_to_bytes, urlencode

from datasette import Response
from markupsafe import Markup, escape

from newsarchive.archive import SEARCH_LIMIT
from newsarchive.archive.query import ParsedQuery, parse_date, parse_language, parse_query
from newsarchive.archive.search import (
    ADDRESS,
    DAY,
    SORTS,
    NoMatch,
    SearchOptions,
    no_match,
    page_and_months,
    per_month,
    prepare,
    undated_note,
)
from newsarchive.archive.store import Filters, get_article
from newsarchive.errors import NewsarchiveError, not_utf8
from newsarchive.models import ACCESS_WORDS, TEXT_SOURCES, date_words, language_words
from newsarchive.profiles.loader import typed_site
from newsarchive.safe_text import as_one_line
from newsarchive.web.chart import month_chart, month_csv
from newsarchive.web.hooks import archive_names
from newsarchive.web.related import related_sections

PAGE_SIZE = SEARCH_LIMIT  # (as many hits a page as the command shows)
MARKS = ("\x02", "\x03")  # private marks: cleaned out of the text before snippets are cut
_MARKED = re.compile("\x02(.*?)\x03", re.S)


@dataclass
class Form:
    """What the search form sent, kept as typed so the form shows it again."""

    q: str = ""
    sites: list[str] = field(default_factory=list)
    since: str = ""
    until: str = ""
    lang: str = ""  # a language tag, or "unknown" (``query.parse_language``)
    sort: str = "relevance"
    page: int = 1
    collapse: bool = False
    page_error: str = ""  # the page number as typed, when it is none
    bytes_error: str = ""  # a parameter sent in bytes that are no UTF-8 text (``_not_utf8``)

    @classmethod
    def from_args(cls, args: Any, query_string: str = "") -> Form:
        """The form from the request's ``args``, and its raw ``query_string``, where
        bytes no UTF-8 reads are still there (``args`` holds "\ufffd" for them)."""
        typed = args.get("page") or "1"
        page = _page_number(typed)
        return cls(
            q=(args.get("q") or "").strip(),
            sites=[s for s in args.getlist("site") if s.strip()],
            since=(args.get("since") or "").strip(),
            until=(args.get("until") or "").strip(),
            lang=(args.get("lang") or "").strip(),
            sort=args.get("sort") or "relevance",
            page=page or 1,
            collapse=bool(args.get("collapse")),
            page_error="" if page else f"page: a whole number from 1, not '{typed[:40]}'",
            bytes_error=_not_utf8(query_string),
        )

    def error(self) -> str:
        """What makes the form no query to run (its words' and dates' own errors aside)."""
        return self.bytes_error or self.page_error

    def offset(self) -> int:
        """The first hit's offset: within SQLite's int64, as ``page`` is at most
        ``_PAST_ANY`` (``_page_number``)."""
        return (self.page - 1) * PAGE_SIZE

    def filtered(self) -> bool:
        """Whether the form filters by site or date: then empty words list what it
        chooses, as ``search --site bta ''`` does (checked before the dates are read)."""
        return bool(self.sites or self.since or self.until or self.lang)

    def parsed(self) -> ParsedQuery:
        """The words as the CLI parses them, with this form's own filters beside them."""
        return parse_query(self.q, filtered=self.filtered())

    def filters(self) -> Filters:
        return Filters(
            sites=tuple(typed_site(s) for s in self.sites),
            since=parse_date(self.since, "since") if self.since else None,
            until=parse_date(self.until, "until") if self.until else None,
            languages=(parse_language(self.lang, "lang"),) if self.lang else (),
        )

    def url(self, path: str, **changes: Any) -> str:
        params: dict[str, Any] = {
            "q": self.q,
            "site": self.sites,
            "since": self.since,
            "until": self.until,
            "lang": self.lang,
            "sort": self.sort,
            "page": self.page,
            "collapse": "1" if self.collapse else "",
        }
        params.update(changes)
        kept = {k: v for k, v in params.items() if v and not (k == "page" and v == 1)}
        return f"{path}?{urlencode(kept, doseq=True)}"


# A page number beyond any archive's last page (``PAGE_SIZE`` hits each), whatever its digits: more
# would cost ``int`` a quadratic parse (a 5,000-digit one it refuses) and SQLite an
# offset past int64. The page stays past the last one, which is all that is shown of it.
_PAST_ANY = 10**15
_PAGE_DIGITS = len(str(_PAST_ANY))


def _not_utf8(query_string: str) -> str:
    """The error for the first parameter of ``query_string`` whose bytes are no UTF-8
    text (a link a windows-1251 page wrote: ``q=%EE%E1%F9%E8%ED%E0``), else "". Read
    as UTF-8 with "\ufffd" for each such byte, it was "'��' holds no letters or digits
    to search for": words about what was typed that are not so."""
    for pair in query_string.split("&"):
        name, _, value = pair.partition("=")
        raw = unquote_to_bytes(value.replace("+", " "))
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            return f"{unquote(name)}: {not_utf8(raw[:80])}"
    return ""


def _page_number(typed: str) -> int | None:
    """The page a ``page`` parameter asks for, ``_PAST_ANY`` for any past it; None for no
    whole number from 1 (a bad parameter, answered as a bad sort is)."""
    if not (typed.isascii() and typed.isdigit()):
        return None
    digits = typed.lstrip("0")
    if not digits:
        return None
    return _PAST_ANY if len(digits) > _PAGE_DIGITS else min(int(digits), _PAST_ANY)


def marked(snippet: str) -> Markup:
    """A snippet with its matches in ``<mark>``, everything else escaped."""
    out, pos = [], 0
    for match in _MARKED.finditer(snippet):
        out.append(escape(snippet[pos : match.start()]))
        out.append(Markup("<mark>") + escape(match.group(1)) + Markup("</mark>"))
        pos = match.end()
    out.append(escape(snippet[pos:]))
    return Markup("").join(out)


def _database(datasette: Any) -> tuple[str, Any]:
    name = archive_names(datasette)[0]
    return name, datasette.get_database(name)


async def _sites(database: Any) -> list[str]:
    result = await database.execute("SELECT DISTINCT site FROM articles ORDER BY site")
    return [row[0] for row in result.rows]


async def _render(datasette: Any, request: Any, template: str, status: int = 200,
                  **context: Any) -> Response:  # fmt: skip
    from datasette.version import __version__

    name, _ = _database(datasette)
    # (Datasette's footer names its version, as on its own pages: it read "Datasette v")
    html = await datasette.render_template(
        template, {"archive_name": name, "datasette_version": __version__, **context},
        request=request,
    )  # fmt: skip
    return Response.html(html, status=status)


async def index(datasette: Any, request: Any) -> Response:
    _, database = _database(datasette)
    return await _render(
        datasette, request, "newsarchive_search.html", form=Form(), sites=await _sites(database),
        sorts=list(SORTS),
    )  # fmt: skip


async def search(datasette: Any, request: Any) -> Response:
    _, database = _database(datasette)
    form = Form.from_args(request.args, request.query_string)
    context: dict[str, Any] = {"form": form, "sites": await _sites(database),
                               "sorts": list(SORTS)}  # fmt: skip
    if not form.q and not form.filtered():
        return await _render(datasette, request, "newsarchive_search.html", **context)
    try:
        if form.error():
            raise NewsarchiveError(form.error())
        parsed = form.parsed()
        filters = form.filters()
        options = SearchOptions(filters=filters, limit=PAGE_SIZE, sort=form.sort,
                                offset=form.offset(), highlight=MARKS,
                                collapse=form.collapse)  # fmt: skip

        def run(conn: sqlite3.Connection) -> Any:
            prepared = prepare(conn, parsed, options)
            (hits, total), months = page_and_months(conn, parsed, options, prepared)
            # what a query that matched nothing meant, as the CLI tells it (in the same call)
            hint = None if total else no_match(conn, form.q, filters)
            return (hits, total), months, prepared.undated(), hint

        (hits, total), months, left_out, hint = await database.execute_fn(run)
    except NewsarchiveError as exc:
        return await _render(
            datasette,
            request,
            "newsarchive_search.html",
            status=400,
            error=as_one_line(str(exc)),
            **context,
        )
    first = form.offset() + 1
    back = form.url("/search")
    for hit in hits:
        hit["snippet_html"] = marked(hit["snippet"] or "")
        hit["href"] = f"/article/{int(hit['id'])}?{urlencode({'back': back})}"
        for copy in hit.get("also", ()):  # the outlet's own page: search JSON has no ids
            copy["href"] = copy["url"] if copy["url"].startswith(("https://", "http://")) else ""
    pages = -(-total // PAGE_SIZE)
    past = bool(total) and form.page > pages  # (an empty result has no page to go to)
    context.update(
        hits=hits,
        total=total,
        first=first,
        last=first + len(hits) - 1,
        past=past and {"page": form.page if form.page < _PAST_ANY else None, "pages": pages,
                       "url": form.url("/search", page=pages)},
        prev_url=form.url("/search", page=form.page - 1) if 1 < form.page <= pages else None,
        next_url=form.url("/search", page=form.page + 1) if first + len(hits) <= total else None,
        chart=month_chart(months),
        undated=undated_note(left_out) if left_out else "",
        notes=parsed.notes,
        csv_url=form.url("/chart.csv", page=1),
        hint=hint and _hint_link(form, hint),
    )  # fmt: skip
    # A page past the last is not there, as an article that is not (and says where the
    # last one is); a page number that is none was a bad parameter, above.
    return await _render(
        datasette, request, "newsarchive_search.html", status=404 if past else 200, **context
    )


def _hint_link(form: Form, hint: NoMatch) -> dict[str, Any]:
    """``search.no_match``'s hint as the page shows it: its kind (the paragraph's id and
    words), the articles it names and the link that lists them."""
    if hint.kind == DAY and hint.day is not None:
        day = hint.day.isoformat()
        url = form.url("/search", q="", since=day, until=day, page=1)
    elif hint.kind == ADDRESS:
        url = f"/article/{hint.article}"
    else:
        url = form.url("/search", q=hint.words, page=1)
    return {"kind": hint.kind, "total": hint.total, "words": hint.words, "url": url,
            "date": hint.day.isoformat() if hint.day else "", "article": hint.article}  # fmt: skip


async def chart_csv(datasette: Any, request: Any) -> Response:
    _, database = _database(datasette)
    form = Form.from_args(request.args, request.query_string)
    try:
        if form.bytes_error:
            raise NewsarchiveError(form.bytes_error)
        parsed = form.parsed()
        filters = form.filters()
        rows = await database.execute_fn(lambda conn: per_month(conn, parsed, filters))
    except NewsarchiveError as exc:
        return Response.text(as_one_line(str(exc)) + "\n", status=400)
    return Response(
        month_csv(rows),
        content_type="text/csv; charset=utf-8",
        headers={"content-disposition": 'attachment; filename="newsarchive-per-month.csv"'},
    )


# What /article/ takes: the article's id, as search results and ``show`` give it.
_ARTICLE_ID = re.compile("[0-9]+")


async def article(datasette: Any, request: Any) -> Response:
    name, database = _database(datasette)
    article_id = request.url_vars["id"]
    if not _ARTICLE_ID.fullmatch(article_id):  # (an address is no id here: ids only)
        return await _render(datasette, request, "newsarchive_article.html", status=404,
                             article=None, article_id=unquote(article_id),
                             not_an_id=True)  # fmt: skip
    revisions_url = str(datasette.urls.table(name, "revisions"))

    def load(conn: sqlite3.Connection) -> tuple[Any, Any]:
        found = get_article(conn, article_id)
        return found, related_sections(conn, found, revisions_url) if found else []

    found, sections = await database.execute_fn(load)
    if found is None:
        return await _render(datasette, request, "newsarchive_article.html", status=404,
                             article=None, article_id=article_id)  # fmt: skip
    url = found.get("url") or ""
    return await _render(
        datasette,
        request,
        "newsarchive_article.html",
        article=found,
        dating=date_words(found) if found.get("published") else [],  # (``show``'s words)
        access=ACCESS_WORDS.get(found.get("access") or ""),  # (``show``'s words too)
        text_from=TEXT_SOURCES.get(found.get("text_source") or ""),
        language=language_words(found),  # (``show``'s words)
        paragraphs=[p for p in str(found.get("text") or "").split("\n") if p.strip()],
        url_is_link=url.startswith(("https://", "http://")),
        sections=sections,
        back=_back_url(request.args.get("back") or ""),
    )


def _back_url(value: str) -> str | None:
    """The results page an article was opened from; only our own search URLs."""
    return value if value.startswith("/search?") else None


async def stylesheet(datasette: Any, request: Any) -> Response:
    css = (resources.files("newsarchive.web") / "newsarchive.css").read_text(encoding="utf-8")
    return Response(css, content_type="text/css; charset=utf-8")
