"""Terminal and file output. Scraped text goes through rich as plain ``Text`` (no markup),
so a title containing ``[bold]`` or escape sequences prints as itself."""

from __future__ import annotations

import csv
import functools
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import groupby
from pathlib import Path
from typing import IO, Any

from newsarchive import safe_text
from newsarchive.archive import HIGHLIGHT
from newsarchive.models import ACCESS_WORDS, TEXT_SOURCES, Profile, date_words, language_words

# Search marks matched words with these: visible ones in json/csv (the archive's own),
# private ones for the table (scraped text may itself contain "**"; control characters are
# cleaned out of it).
TEXT_MARKS = HIGHLIGHT
TABLE_MARKS = ("\x02", "\x03")
_MARK = re.compile("\x02(.*?)\x03", re.S)


def _clean(value: object) -> str:
    """Strip terminal control characters from scraped text before it reaches a terminal."""
    return safe_text.for_terminal(value)


def _line(value: object) -> str:
    """A one-line field (title, site, author, tag, URL) safe for a terminal, on one line."""
    return safe_text.for_terminal_line(value)


def clean_text(value: str) -> str:
    """Scraped text (a diff) safe for a terminal: control characters out, newlines kept."""
    return _clean(value)


def json_out(data: Any, handle: IO[str] | None = None) -> None:
    """JSON on stdout (or ``handle``), its C1 and bidi characters as escapes
    (``safe_text.json_escape``)."""
    dumped = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    (handle or sys.stdout).write(safe_text.json_escape(dumped) + "\n")


def json_lines_out(rows: Iterable[Any], handle: IO[str] | None = None) -> None:
    """JSON Lines on stdout (or ``handle``): each row one line, escaped as ``json_out``
    escapes (``search --out hits.jsonl``, which was refused: a hit a line, as export
    writes its articles)."""
    out = handle or sys.stdout
    for row in rows:
        out.write(safe_text.json_escape(json.dumps(row, ensure_ascii=False, default=str)) + "\n")


def _csv_out(
    fields: list[str],
    rows: Iterable[dict[str, Any]],
    raw: bool = False,
    handle: IO[str] | None = None,
) -> None:
    """CSV on stdout (or ``handle``), each row through ``safe_text.csv_rows`` (formulas;
    a terminal)."""
    out = handle or sys.stdout
    writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(safe_text.csv_rows(rows, terminal=out.isatty(), raw=raw))


@contextmanager
def text_out(out: Path | None, fmt: str, raw: bool = False) -> Iterator[IO[str]]:
    """Where a command's rows go: stdout, or the ``--out`` file, written whole
    (``export.outfile.written_whole``). The one rule for every command that writes a
    file (``export``, ``search``):

    A CSV file written for a spreadsheet (not ``raw``) opens with a UTF-8 byte-order mark:
    without one Excel reads the file in the system's code page (cp1251 on a Bulgarian
    Windows) and garbles every Cyrillic cell. LibreOffice, pandas and ``utf-8-sig`` read
    past it; a ``raw`` file and stdout (a pipe, a script) get none."""
    if out is None:
        yield sys.stdout
        return
    from newsarchive.export.outfile import written_whole

    encoding = "utf-8-sig" if fmt == "csv" and not raw else "utf-8"
    with written_whole(out, "w", encoding=encoding, newline="") as handle:
        yield handle


def _console(stderr: bool = False) -> Any:
    # Piped or captured output (cron mail, make demo) gets 120 columns instead of rich's 80,
    # so tables of dates and URLs are not cut to "2026-0…"; $COLUMNS still wins.
    stream = sys.stderr if stderr else sys.stdout
    width = None if stream.isatty() or os.environ.get("COLUMNS") else 120
    return _console_class()(
        stderr=stderr, markup=False, emoji=False, highlight=False, soft_wrap=False, width=width
    )


@functools.cache
def _console_class() -> Any:
    from rich.console import Console

    class QuietPipeConsole(Console):
        """A reader that stops early (``search … | head``) is no failure: rich's own
        answer, ``SystemExit(1)``, would bypass the CLI's guard, which drops stdout and
        exits 0 on a broken pipe in every format, as csv and json already did."""

        def on_broken_pipe(self) -> None:
            self.quiet = True
            raise BrokenPipeError

    return QuietPipeConsole


def _fits(console: Any, renderable: Any) -> bool:
    """Whether ``renderable`` fits the console at its natural width (rich measures it
    clamped to the console's width, which always fits)."""
    from rich.measure import Measurement

    unbounded = console.options.update_width(1_000_000)
    return bool(Measurement.get(console, unbounded, renderable).maximum <= console.width)


def _table_or_lines(
    console: Any, table: Any, headers: Sequence[str], rows: list[list[str]]
) -> None:
    """``table`` when it fits the terminal, else a line per row ("bta: year 2026,
    articles 10") and the table's caption under them: squeezed into a narrow one, rich
    cut every cell to "…" (site ids "ru…" for both ruse-bg and ruse24, counts "…"), the
    numbers lost."""
    if _fits(console, table):
        console.print(table)
        return
    for first, *rest in rows:
        console.print(
            f"{first}: " + ", ".join(f"{h} {v}" for h, v in zip(headers[1:], rest, strict=True))
        )
    if table.caption:
        console.print(table.caption)


def _snippet_text(snippet: str) -> Any:
    from rich.text import Text

    text = Text()
    pos = 0
    for match in _MARK.finditer(snippet):
        text.append(_clean(snippet[pos : match.start()]))
        text.append(_clean(match.group(1)), style="bold yellow")
        pos = match.end()
    text.append(_clean(snippet[pos:]))
    return text


def search_page_note(shown: int, total: int, offset: int) -> str:
    """The stderr line for a page that is not every hit: which hits it holds and how to
    see the rest ("" when nothing was left out). A page past the end says how many there
    were, not just "No matches", which reads as "nothing was written about it"."""
    if not offset:
        return f"{shown} of {total} matches shown (raise --limit for more)" if total > shown else ""
    if not shown:
        return f"--offset {offset} is past the last of {total} matches" if total else ""
    after = offset + shown
    more = f" (--offset {after} for the next)" if after < total else ""
    return f"{offset + 1}–{after} of {total} matches shown{more}"


def search_results(
    hits: list[dict[str, Any]], fmt: str, raw: bool = False, handle: IO[str] | None = None
) -> None:
    """The hits as ``fmt`` on stdout, or json, jsonl and csv on ``handle`` (``text_out``)."""
    if fmt == "json":
        json_out(hits, handle)
        return
    if fmt == "jsonl":
        json_lines_out(hits, handle)
        return
    if fmt == "csv":
        fields = ["id", "site", "url", "title", "published", "snippet", "score"]
        collapsed = any("also" in h for h in hits)
        if collapsed:
            fields += ["story", "also"]
            # the other copies as "site url" pairs, one per line of the cell
            hits = [
                {**hit, "also": "\n".join(f"{c['site']} {c['url']}" for c in hit["also"])}
                for hit in hits
            ]
        _csv_out(fields, hits, raw, handle)
        return
    _search_blocks(hits)


def _search_blocks(hits: list[dict[str, Any]]) -> None:
    """One block per hit: id · site · date · title on one line, the snippet, then the URL
    alone on its line, neither ever wrapped or cut, so a title can be grepped and a URL
    copied whole at any width (a title wrapped at a pipe's 120 columns was two lines).
    The snippet is wrapped, indented, with no spaces after its lines' last words (a
    padded block filled a file or a pipe with trailing blanks)."""
    from rich.text import Text

    console = _console()
    if not hits:
        console.print("No matches.")
        return
    for hit in hits:
        head = Text(f"{hit['id']}  ", style="bold cyan")
        head.append(f"{_line(hit['site'])}  {(hit['published'] or '-')[:10]}  ", style="dim")
        head.append(_line(hit["title"]), style="bold")
        console.print(head, soft_wrap=True)
        for part in _snippet_text(hit["snippet"] or "").wrap(console, max(20, console.width - 4)):
            part.rstrip()
            console.print(Text("    ") + part)
        console.print(Text("    " + _line(hit["url"]), style="dim"), soft_wrap=True)
        for copy in hit.get("also", ()):
            when = (copy["published"] or "-")[:10]
            line = f"    also: {_line(copy['site'])}  {when}  {_line(copy['url'])}"
            console.print(Text(line, style="dim"), soft_wrap=True)
        console.print()


def search_counts(
    rows: list[dict[str, Any]], fmt: str, raw: bool = False, handle: IO[str] | None = None
) -> None:
    """``search --count``: matching articles per site and year (json and csv on
    ``handle`` when given)."""
    if fmt == "json":
        json_out(rows, handle)
        return
    if fmt == "jsonl":
        json_lines_out(rows, handle)
        return
    if fmt == "csv":
        _csv_out(["site", "year", "count"], rows, raw, handle)
        return
    from rich.table import Table

    table = Table()
    headers = ("site", "year", "articles")
    for column in headers:
        table.add_column(column, justify="right" if column != "site" else "left")
    cells = [[_clean(row["site"]), str(row["year"] or "-"), str(row["count"])] for row in rows]
    for cell in cells:
        table.add_row(*cell)
    console = _console()
    _table_or_lines(console, table, headers, cells)
    console.print(f"{sum(r['count'] for r in rows)} articles match in all")


def article_text(article: dict[str, Any]) -> None:
    out = sys.stdout
    out.write(_line(article.get("title")) + "\n")
    meta = [str(article.get(k)) for k in ("site", "published", "author") if article.get(k)]
    meta += date_words(article)
    if meta:
        out.write(" · ".join(_line(m) for m in meta) + "\n")
    if article.get("url"):
        out.write(_line(article["url"]) + "\n")
    if article.get("tags"):
        out.write("Tags: " + ", ".join(_line(t) for t in article["tags"]) + "\n")
    if said := ACCESS_WORDS.get(article.get("access") or ""):
        out.write(f"Access: {said}\n")  # (before the text: a teaser is read as one)
    if said := TEXT_SOURCES.get(article.get("text_source") or ""):
        out.write(f"Text from: {said}\n")  # (a page's own text: nothing said)
    if said := language_words(article):
        out.write(f"Language: {said}\n")
    if article.get("revisions"):
        count = len(article["revisions"])
        out.write(f"Edited: {count} earlier version{'s' if count > 1 else ''} kept (--diff)\n")
    out.write("\n" + "\n\n".join(_clean(p) for p in str(article.get("text") or "").split("\n")))
    out.write("\n")
    copies = article.get("also") or []
    if copies:
        out.write(f"\nSame story (story {article.get('story')}) also in:\n")
        for copy in copies:
            when = str(copy.get("published") or "undated")[:10]
            out.write(f"  {_line(copy['site'])} · {when} · {_line(copy['url'])}\n")


def export_rows(
    rows: Iterable[dict[str, Any]], fmt: str, out: Path | None, raw: bool = False
) -> int:
    """Write rows to ``out`` (or stdout; ``text_out``: a CSV file's byte-order mark);
    returns how many were written."""
    with text_out(out, fmt, raw) as handle:
        return _write_rows(rows, fmt, handle, raw)


def _write_rows(rows: Iterable[dict[str, Any]], fmt: str, handle: IO[str], raw: bool) -> int:
    """The rows as JSON Lines, one JSON array or CSV. A CSV has its header even with no
    rows: the empty export of a filter matching nothing was an empty file, which a
    spreadsheet or ``csv.DictReader`` reads as having no columns at all (JSON Lines of no
    records is no lines; the array of none is ``[]``).

    The array holds the objects JSON Lines writes, each on a line of its own, written as
    they are read (``[``, one ``,`` before each but the first, ``]``): one document, as
    ``--out x.json`` asks (pandas' ``read_json``, ``jq``), never the whole archive in
    memory, which ``json_out``'s one ``json.dumps`` of a list would hold."""
    from newsarchive.archive.store import ARTICLE_COLUMNS
    from newsarchive.export.columns import csv_list

    count, terminal = 0, handle.isatty()
    writer: csv.DictWriter[str] | None = None
    if fmt == "csv":
        writer = csv.DictWriter(handle, fieldnames=list(ARTICLE_COLUMNS))
        writer.writeheader()
    for row in rows:
        if writer is not None:
            cells = {**row, "tags": csv_list(row.get("tags") or [])}
            writer.writerow(safe_text.csv_row(cells, terminal=terminal, raw=raw))
        else:
            dumped = safe_text.json_escape(json.dumps(row, ensure_ascii=False))
            if fmt == "json":
                handle.write(("[\n" if not count else ",\n") + dumped)
            else:
                handle.write(dumped + "\n")
        count += 1
    if fmt == "json":
        handle.write("\n]\n" if count else "[]\n")
    return count


def sites_table(profiles: list[Profile]) -> None:
    """The profiles as a table when it fits the terminal, else a block per site with
    each address on a line of its own: folded to fit, the table broke every address
    ("https://www.bta.b" over "g" at 80 columns), one letter a line at 20."""
    from rich.table import Table

    table = Table()
    for column in ("id", "name", "origin", "start URLs / feeds", "source"):
        table.add_column(column, overflow="fold")
    rows = []
    for p in sorted(profiles, key=lambda p: p.id):
        # (a profile naming none showed its origin there, read as its one start URL)
        # (a user's profile may log into its site: ``origin = "https://u:p@x.bg"``)
        named = (*p.start_urls, *p.rested_urls, *p.feeds, *p.sitemaps)
        starts = [safe_text.redacted(address) for address in named]
        rows.append((p, starts))
        address = safe_text.redacted(p.address)
        table.add_row(p.id, p.name, address, "\n".join(starts) or "explored", p.source)
    console = _console()
    if _fits(console, table):
        console.print(table)
        return
    for p, starts in rows:
        console.print(f"{p.id} ({p.source}): {p.name}", soft_wrap=True)
        for address in (safe_text.redacted(p.address), *(starts or ["(start URLs explored)"])):
            console.print(f"  {address}", soft_wrap=True)


# Below this many columns the nine-column stats table cuts site ids ("rus…"); each site
# then gets a short block of its own instead.
_STATS_TABLE_WIDTH = 100


def _run_status(run: dict[str, Any]) -> str:
    if not run:
        return "-"
    if run.get("finished_at") is None:  # running, or killed before it could record its end
        return str(run.get("state") or "unfinished")
    return str(run.get("status"))


def stats_table(data: dict[str, Any]) -> None:
    console = _console()
    console.print(f"{data['articles']} articles")
    runs = {r["site"]: r for r in data["last_runs"]}
    rows = []
    for site in sorted({s["site"] for s in data["sites"]} | set(runs)):
        row: dict[str, Any] = next((s for s in data["sites"] if s["site"] == site), {})
        rows.append((site, row, runs.get(site, {})))
    if console.width < _STATS_TABLE_WIDTH:
        _stats_blocks(console, rows)
    else:
        _stats_wide(console, rows)
    for source in data.get("rested_sources", ()):
        console.print(
            f"rested: {_clean(source['site'])}: {_clean(source['error'] or source['url'])}"
            f" ({source['failures']} runs in a row; asked again {source['asked_again']})",
            soft_wrap=True,
        )


def _stats_wide(console: Any, rows: list[tuple[str, dict[str, Any], dict[str, Any]]]) -> None:
    from rich.table import Table

    table = Table()
    columns = ("site", "articles", "gone", "first", "last", "last run", "requests", "new",
               "errors", "exit")  # fmt: skip
    for column in columns:
        table.add_column(column, no_wrap=column == "site")
    for site, row, run in rows:
        table.add_row(
            _clean(site),
            str(row.get("articles", 0)),
            str(row.get("gone", 0)),
            str(row.get("first") or "-"),
            str(row.get("last") or "-"),
            str(run.get("started_at") or "-"),
            str(run.get("requests", "-")),
            str(run.get("new", "-")),
            str(run.get("errors", "-")),
            _run_status(run),
        )
    console.print(table)


def _stats_blocks(console: Any, rows: list[tuple[str, dict[str, Any], dict[str, Any]]]) -> None:
    from rich.text import Text

    for site, row, run in rows:
        console.print(Text(_clean(site), style="bold"))
        gone = f" ({row['gone']} gone from the site since)" if row.get("gone") else ""
        console.print(
            f"  {row.get('articles', 0)} articles{gone}, "
            f"{row.get('first') or '-'} … {row.get('last') or '-'}"
        )
        if run:
            console.print(f"  last run {run.get('started_at') or '-'}, exit {_run_status(run)}")
            console.print(
                f"  {run.get('requests', '-')} requests, {run.get('new', '-')} new, "
                f"{run.get('errors', '-')} errors"
            )


_OUTLET_COLUMNS = ("stories", "one", "two", "three_or_more")


def outlets(rows: list[dict[str, Any]], fmt: str) -> None:
    """``stats --stories``: per site, stories by how many outlets carried them."""
    if fmt == "json":
        json_out(rows)
        return
    if fmt == "csv":
        _csv_out(["site", *_OUTLET_COLUMNS], rows)
        return
    from rich.table import Table

    table = Table(caption="outlets: how many sites carried the story (all = each story once)")
    headers = ("site", "stories", "1 outlet", "2 outlets", "3+ outlets")
    table.add_column(headers[0])
    for title in headers[1:]:
        table.add_column(title, justify="right")
    cells = [[_clean(row["site"]), *(str(row[c]) for c in _OUTLET_COLUMNS)] for row in rows]
    for cell in cells:
        table.add_row(*cell)
    _table_or_lines(_console(), table, headers, cells)


def _folded(counts: dict[str, dict[str, int]]) -> list[tuple[str, dict[str, int]]]:
    """The chart's rows: a period each, but a run of two or more empty ones as one row
    ("2019-03 … 2020-07", no count per site): a story that came back after years would
    otherwise print a screenful of empty lines between its bars. The numbers (CSV,
    JSON) keep every period but those of a run ``timeline.drawn`` folded already."""
    rows: list[tuple[str, dict[str, int]]] = []
    for empty, group in groupby(counts.items(), key=lambda row: not row[1].get("all", 0)):
        run = list(group)
        if empty and len(run) > 1:
            rows.append((f"{run[0][0]} … {run[-1][0]}", {}))
        else:
            rows += run
    return rows


def _fold_said(fold: dict[str, Any], by: str) -> str:
    """A run of empty periods ``stats --timeline`` folded (``timeline.drawn``)."""
    count = fold["periods"]
    return f"{count:,} empty {by}{'' if count == 1 else 's'} ({fold['first']} … {fold['last']})"


_SITE_STYLES = ("cyan", "magenta", "green", "yellow", "blue", "red", "bright_black", "white")
_BAR_WIDTH = 50


def timeline(data: dict[str, Any], fmt: str) -> None:
    """``stats --timeline``: a stacked bar per period (one colour per site) with the counts,
    or the numbers as CSV/JSON (one row per period and site, plus the "all" total)."""
    rows = data["rows"]
    undated = data.get("undated", 0)
    left_out = (
        f"{undated} matching article{' has' if undated == 1 else 's have'} no date"
        f" and {'is' if undated == 1 else 'are'} in no period"
    )
    if unreadable := data.get("unreadable", 0):
        sys.stderr.write(
            f"warning: {unreadable} matching article{'' if unreadable == 1 else 's'}"
            " left out: published_date is not YYYY-MM-DD\n"
        )
    folds = {fold["after"]: fold for fold in data.get("folded", ())}
    if fmt in ("json", "csv"):
        for fold in folds.values():  # (the numbers leave them out as the table does)
            sys.stderr.write(f"note: {_fold_said(fold, data['by'])} left out\n")
    if fmt == "json":
        json_out(data)
        return
    if fmt == "csv":
        _csv_out(["period", "site", "count"], rows)
        if undated:
            sys.stderr.write(left_out + "\n")
        return
    from rich.table import Table
    from rich.text import Text

    console = _console()
    if not rows:
        console.print(f"No dated {data['unit']}: {left_out}." if undated else "No articles match.")
        return
    sites: list[str] = data["sites"]
    style = {site: _SITE_STYLES[i % len(_SITE_STYLES)] for i, site in enumerate(sites)}
    counts: dict[str, dict[str, int]] = {}
    for row in rows:
        counts.setdefault(row["period"], {})[row["site"]] = row["count"]
    peak = max(sum(c.get(s, 0) for s in sites) for c in counts.values()) or 1
    periods = _folded(counts)
    labels = [period for period, _ in periods] + [
        f"{fold['first']} … {fold['last']}" for fold in folds.values()
    ]
    numbers = [str(by_site.get("all", 0)) for _, by_site in periods] + [data["unit"]]
    # The bars take what the period and its count leave of the line (two spaces between
    # columns): at a fixed 50, a narrow terminal cut the periods to "2017-…" instead.
    room = console.width - max(map(len, labels)) - max(map(len, numbers)) - 4
    bar_width = max(1, min(_BAR_WIDTH, room))
    if room < 1:  # not even the period and its count side by side: a line each, no bars
        for period, by_site in periods:
            console.print(f"{period}: {by_site.get('all', 0)} {data['unit']}")
            if fold := folds.get(period):
                console.print(f"{fold['first']} … {fold['last']}: 0 {data['unit']}")
    table = Table(box=None, pad_edge=False)
    table.add_column(data["by"], no_wrap=True)
    table.add_column(data["unit"], justify="right", no_wrap=True)
    table.add_column("", no_wrap=True, overflow="crop")
    for period, by_site in periods:
        bar = Text()
        for site in sites:
            bar.append("█" * round(by_site.get(site, 0) * bar_width / peak), style=style[site])
        if not by_site:  # a run of empty periods, folded
            bar.append("none", style="dim")
        table.add_row(period, str(by_site.get("all", 0)), bar)
        if fold := folds.get(period):
            said = Text(f"none: {_fold_said(fold, data['by'])} folded", style="dim")
            table.add_row(f"{fold['first']} … {fold['last']}", "0", said)
    if room >= 1:
        console.print(table)
        legend = Text()
        for site in sites:
            legend.append("█ ", style=style[site])
            legend.append(_clean(site) + "  ")
        console.print(legend)
    if data["unit"] == "stories" and room >= 1:
        console.print(
            "bars: stories per site (a story in two outlets is in both bars);"
            " the number counts each story once"
        )
    if undated:
        console.print(left_out)
