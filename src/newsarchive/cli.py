"""The command-line contract: the Typer commands, their options and their help; each a thin
layer over ``api`` (parse options, call, print). Only the CLI exits.

Every expected failure is a ``NewsarchiveError`` and becomes one line on stderr with its
exit code (2 usage/input, 75 lock held), in ``cli_errors``; the options the commands share,
and the reading of what was typed, are in ``cli_options``; what search prints is in
``search_output``. Scraped text is printed with rich markup off.
"""

from __future__ import annotations

import inspect
import io
import logging
import sys
from pathlib import Path
from typing import Annotated

import typer

from newsarchive.archive import SEARCH_LIMIT
from newsarchive.cli_errors import OneLineErrors, StderrHandler, err, handled, output_failure
from newsarchive.cli_options import (
    ARCHIVE_UNWRITTEN,
    BINARY_FORMATS,
    READ_BUSY,
    BaseUrlOption,
    DbOption,
    DelayOption,
    ExportFormat,
    FreeOnlyOption,
    LangOption,
    MetadataFormat,
    Period,
    ProfileOption,
    RawOption,
    RootDbOption,
    SearchFormat,
    ShowFormat,
    SinceOption,
    SiteOption,
    SortOrder,
    StatsFormat,
    UntilOption,
    UserAgentOption,
    as_typed,
    db_path,
    exits,
    file_argument,
    file_option,
    no_options_among_words,
    parse_filters,
    print_version,
    raw_for_csv,
    stdout_if_dash,
    takes_db,
)
from newsarchive.errors import (
    EXIT_INTERNAL,
    EXIT_IO,
    EXIT_LOCKED,
    EXIT_OK,
    EXIT_PARTIAL,
    EXIT_SIGINT,
    EXIT_SIGTERM,
    EXIT_USAGE,
    UsageError,
    debugging,
    internal_error,
)
from newsarchive.models import (
    CHECK_PAGES,
    DEFAULT_CONNECTIONS,
    DEFAULT_MAX_PAGES,
    DEFAULT_MAX_REQUESTS,
    DEFAULT_STOP_AFTER_KNOWN,
    MAX_CHECK_PAGES,
)

app = typer.Typer(
    cls=OneLineErrors,
    name="newsarchive",
    help="Build and search a local archive of Bulgarian municipal and regional news.\n\n"
    "The archive is one SQLite file: --db PATH, else $NEWSARCHIVE_DB, else ./newsarchive.db.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def _report_library_warnings(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=print_version,
            is_eager=True,
            help="Print the version (and the extractor's revision) and exit.",
        ),
    ] = False,
    db: RootDbOption = None,  # read by each command's own --db (``cli_options.or_given_before``)
) -> None:
    if db is not None and not takes_db(ctx):
        # (else the command would drop it without a word, as if it had used that archive)
        raise typer.BadParameter(f"{ctx.invoked_subcommand} opens no archive", param_hint="--db")
    logger = logging.getLogger("newsarchive")
    if not any(isinstance(h, StderrHandler) for h in logger.handlers):
        logger.addHandler(StderrHandler(logging.WARNING))


@app.command()
@exits(
    EXIT_OK,
    EXIT_PARTIAL,
    EXIT_USAGE,
    EXIT_INTERNAL,
    EXIT_IO,
    EXIT_LOCKED,
    EXIT_SIGINT,
    EXIT_SIGTERM,
    said={
        EXIT_PARTIAL: "when some pages, feeds or listings failed (the rest is archived) or a"
        " site archived nothing new in --warn-idle DAYS",
        EXIT_INTERNAL: "on a bug in one site's crawl (the others go on)",
        EXIT_IO: ARCHIVE_UNWRITTEN,
        EXIT_SIGINT: "when stopped by SIGINT (the next run resumes)",
        EXIT_SIGTERM: "when stopped by SIGTERM (the next run resumes)",
    },
)
def crawl(
    sites: Annotated[
        list[str] | None,
        typer.Argument(
            help="Site ids (default: every site `sites` lists: built-in, user, --profile).",
            callback=as_typed,
        ),
    ] = None,
    since: SinceOption = None,
    max_pages: Annotated[
        int | None,
        typer.Option(
            "--max-pages",
            min=0,
            max=1_000_000,
            help="Listing pages per start URL (default: the profile's max_pages,"
            f" {DEFAULT_MAX_PAGES}; 0 = no cap).",
        ),
    ] = None,
    base_url: Annotated[
        str | None,
        typer.Option("--base-url", help="Fetch the one SITE from a mirror serving its paths."),
    ] = None,
    delay: DelayOption = None,
    refresh: Annotated[
        bool, typer.Option("--refresh", help="Re-fetch articles already archived.")
    ] = False,
    connections: Annotated[
        int | None,
        typer.Option(
            "--connections",
            min=1,
            max=64,
            help=f"Requests in flight per host (default {DEFAULT_CONNECTIONS}).",
        ),
    ] = None,
    user_agent: UserAgentOption = None,
    stop_after_known: Annotated[
        int | None,
        typer.Option(
            "--stop-after-known",
            min=1,
            max=1_000_000,
            help="Stop walking a listing after this many archived articles in a row"
            f" ({DEFAULT_STOP_AFTER_KNOWN}).",
        ),
    ] = None,
    max_requests: Annotated[
        int | None,
        typer.Option(
            "--max-requests",
            min=1,
            max=1_000_000_000,
            help=f"Requests per site per run ({DEFAULT_MAX_REQUESTS}); a larger site resumes on"
            " the next run.",
        ),
    ] = None,
    recheck: Annotated[
        int | None,
        typer.Option(
            "--recheck",
            min=0,
            max=1_000_000,
            metavar="DAYS",
            help="Re-fetch archived articles published in the last DAYS days; an edited one"
            " keeps its earlier version (show --diff).",
        ),
    ] = None,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet", "-q", help="Print only errors and warnings: nothing when all went well."
        ),
    ] = False,
    log_file: Annotated[
        Path | None,
        file_option(
            "--log-file", help="Append a line per HTTP fetch and per site run here (- is stderr)."
        ),
    ] = None,
    warn_idle: Annotated[
        int | None,
        typer.Option(
            "--warn-idle",
            min=1,
            max=100_000,
            metavar="DAYS",
            help="Warn (stderr, exit 1) about a site of which no new article was archived"
            " (crawled, or imported as first fetched then) in DAYS days.",
        ),
    ] = None,
    profile: ProfileOption = None,
    db: DbOption = None,
) -> None:
    """Fetch new articles from the sites into the archive (politely: robots.txt, delays)."""
    from newsarchive.crawl_command import CrawlRequest, run_crawl

    request = CrawlRequest(
        sites=tuple(sites or ()),
        since=since,
        max_pages=max_pages,
        base_url=base_url,
        delay=delay,
        refresh=refresh,
        quiet=quiet,
        log_file=log_file,
        profile_files=tuple(profile or ()),
        user_agent=user_agent,
        connections=connections,
        stop_after_known=stop_after_known,
        max_requests=max_requests,
        recheck=recheck,
        warn_idle=warn_idle,
    )
    with handled():
        code = run_crawl(db_path(db), request)
    raise typer.Exit(code)


@app.command()
@exits(
    EXIT_OK,
    EXIT_USAGE,
    EXIT_IO,
    EXIT_INTERNAL,
    EXIT_LOCKED,
    said={EXIT_OK: "when the search ran (with hits or none)", **READ_BUSY},
)
def search(
    ctx: typer.Context,
    words: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[query]...",
            help='Words (any form: община finds общината), "exact phrase", OR, -word, prefix*,'
            " (groups), title:word (headline only), site:ID, author:NAME, tag:NAME, since:DATE,"
            " until:DATE; unquoted words are one query too. Filters alone (author:NAME, or no"
            " QUERY with --site/--since/--until) list every article they choose, newest first.",
            show_default=False,
            callback=as_typed,
        ),
    ] = None,
    site: SiteOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    free_only: FreeOnlyOption = False,
    lang: LangOption = None,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit",
            "-n",
            min=1,
            max=1_000_000,
            help="Most hits to show.",
            show_default=str(SEARCH_LIMIT),
        ),
    ] = None,
    offset: Annotated[
        int | None,
        typer.Option(
            "--offset",
            min=0,
            max=1_000_000_000,
            help="Skip this many hits first (the next page).",
            show_default="0",
        ),
    ] = None,
    sort: Annotated[
        SortOrder,
        typer.Option(
            "--sort",
            help="relevance (bm25, title first; newest when there are no words), newest or oldest.",
        ),
    ] = SortOrder.relevance,
    exact: Annotated[
        bool, typer.Option("--exact", help="Match words only in the form typed (no word forms).")
    ] = False,
    count: Annotated[
        bool,
        typer.Option(
            "--count",
            help="Print how many articles match, per site and year: every match (--limit and"
            " --offset page the hits, not the count).",
        ),
    ] = False,
    collapse: Annotated[
        bool,
        typer.Option(
            "--collapse",
            help="One hit per story: the copy ranked first in --sort stands for it, the"
            " other outlets' copies are listed under it (JSON: also).",
        ),
    ] = False,
    fmt: Annotated[
        SearchFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="table to read, json (one array), jsonl (a hit a line) or csv. Not given:"
            " --out's name's (.csv, .json, .jsonl), else table.",
            show_default="table",
        ),
    ] = None,
    out: Annotated[
        Path | None,
        file_option(
            "--out",
            "-o",
            help="Write the hits (or --count's rows) to this file, as csv or json: a CSV"
            " file opens with the byte-order mark Excel needs for Cyrillic (not with --raw;"
            " '-': stdout).",
        ),
    ] = None,
    raw: RawOption = False,
    db: DbOption = None,
) -> None:
    """Full-text search of the archive, best matches first, with marked snippets; filters
    alone list the articles they choose, newest first, each with its lead."""
    from newsarchive import api, render, search_output
    from newsarchive.export.named import search_format

    # `search общината бюджет` as typed, unquoted: the words are one query (the shell has
    # already taken any quotes of a phrase; write '"a phrase"' to keep them)
    query = " ".join(words or ())
    out = stdout_if_dash(out)
    with handled():
        no_options_among_words(ctx, words or [])
        chosen = search_format(fmt.value if fmt is not None else None, out)
        raw_for_csv(raw, chosen)
        filters = parse_filters(site, since, until, free_only, lang)
        if out is not None:
            from newsarchive.archive.connection import check_not_archive

            check_not_archive(out, db_path(db), "--out")
        if count and collapse:
            raise UsageError("--count counts articles; for stories: stats --timeline --stories")
        if count and (limit is not None or offset is not None):
            # (--count --offset 20 counted every match, and looked like the count of a page)
            paging = "--limit" if offset is None else "--offset"
            raise UsageError(
                f"--count counts every match, not a page of them: drop {paging} (it pages"
                " the hits search lists)"
            )
        limit, offset = limit or SEARCH_LIMIT, offset or 0
        if count:
            totals = api.search_totals(
                db_path(db), query, filters=filters, exact=exact, undated=True, hint=True
            )
            search_output.write_counts(totals, chosen, raw, out)
            return
        marks = render.TABLE_MARKS if chosen == "table" else render.TEXT_MARKS
        page = api.search_page(
            db_path(db), query, filters=filters, limit=limit, offset=offset, sort=sort.value,
            exact=exact, highlight=marks, collapse=collapse, undated=True, hint=True,
        )  # fmt: skip
        search_output.write_page(page, chosen, raw, out, offset)


@app.command("datasette-metadata")
@exits(EXIT_OK, EXIT_USAGE, EXIT_IO, EXIT_INTERNAL, EXIT_LOCKED, said=READ_BUSY)
def datasette_metadata(
    fmt: Annotated[
        MetadataFormat, typer.Option("--format", "-f", help="yaml or json.")
    ] = MetadataFormat.yaml,
    db: DbOption = None,
) -> None:
    """Print Datasette metadata for the archive: search, labels, sort, hidden tables.

    Keyed to the --db file's name: newsarchive datasette-metadata --db demo.db > m.yml;
    datasette demo.db -m m.yml. Not needed with newsarchive[web] installed beside
    Datasette (or with 'newsarchive serve'): the plugin fits any archive file. A --db
    file that is there must be an archive; none there yet is fine.
    """
    from newsarchive.archive.datasette import metadata, to_yaml
    from newsarchive.archive_health import check_named_archive

    with handled():
        check_named_archive(db_path(db))
        data = metadata(db_path(db).stem)
        if fmt is MetadataFormat.json:
            from newsarchive.render import json_out

            json_out(data)
        else:
            sys.stdout.write(to_yaml(data))


@app.command()
@exits(
    EXIT_OK,
    EXIT_USAGE,
    EXIT_IO,
    EXIT_INTERNAL,
    EXIT_LOCKED,
    said={EXIT_USAGE: "on bad usage or an article not in the archive", **READ_BUSY},
)
def show(
    id_or_url: Annotated[
        str, typer.Argument(help="Article id (from search) or its URL.", callback=as_typed)
    ],
    fmt: Annotated[
        ShowFormat, typer.Option("--format", "-f", help="text, or json with earlier versions.")
    ] = ShowFormat.text,
    diff: Annotated[
        bool,
        typer.Option(
            "--diff",
            help="Print the words the latest edit changed: [-removed-] {+added+} (JSON:"
            " {id, url, diff}, diff null for an article never edited).",
        ),
    ] = False,
    db: DbOption = None,
) -> None:
    """Print one archived article in full (JSON: with its earlier versions)."""
    from newsarchive import api, render

    with handled():
        article = api.show(db_path(db), id_or_url)
        if diff:
            change = api.latest_change(article)
            if fmt is ShowFormat.json:  # (a script asked: null where nothing changed)
                render.json_out({"id": article["id"], "url": article["url"], "diff": change})
            elif change is None:  # (stdout stays empty: there is no change to print)
                sys.stderr.write(
                    f"no earlier version of article {article['id']}: nothing to diff\n"
                )
            else:
                sys.stdout.write(render.clean_text(change))
        elif fmt is ShowFormat.json:
            render.json_out(article)
        else:
            render.article_text(article)


@app.command()
@exits(
    EXIT_OK,
    EXIT_USAGE,
    EXIT_IO,
    EXIT_INTERNAL,
    said={EXIT_USAGE: "on bad usage or a page that cannot be read"},
)
def extract(
    source: Annotated[str, typer.Argument(help="An HTML file, '-' for stdin, or an http(s) URL.")],
    url: Annotated[str | None, typer.Option("--url", help="The page's URL (for links).")] = None,
    site: Annotated[str | None, typer.Option("--site", help="Use this site's profile.")] = None,
    fmt: Annotated[
        ShowFormat, typer.Option("--format", "-f", help="json (the fields and rules) or text.")
    ] = ShowFormat.json,
    profile: ProfileOption = None,
) -> None:
    """Extract one page without touching any archive (to test a profile or a page)."""
    from newsarchive import api, render

    with handled():
        article, items = api.extract_source(source, url=url, site=site, profile_files=profile or [])
        if items:
            sys.stderr.write(
                f"newsarchive: this page holds {len(items)} news items in full;"
                " a crawl archives each as an article of its own\n"
            )
            if fmt is ShowFormat.json:
                render.json_out([item.as_dict() for item in items])
            else:
                for number, item in enumerate(items):
                    sys.stdout.write("\n" if number else "")
                    render.article_text(item.as_dict())
            return
        if kind := article.rules.get("kind"):
            sys.stderr.write(
                f"newsarchive: this page reads as a {kind}, not an article;"
                " a crawl would archive nothing from it\n"
            )
        if fmt is ShowFormat.json:
            render.json_out(article.as_dict())
        else:
            render.article_text(article.as_dict())


@app.command()
@exits(
    EXIT_OK,
    EXIT_USAGE,
    EXIT_IO,
    EXIT_INTERNAL,
    EXIT_LOCKED,
    said={EXIT_IO: "when the output (file or stdout) could not be written", **READ_BUSY},
)
def export(
    fmt: Annotated[
        ExportFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="jsonl (import-jsonl reads it back), json (one array of the same objects),"
            " csv, parquet (typed columns) or warc (the stored pages); parquet and warc need"
            " --out. Not given: the one --out's name ends in (.jsonl, .json, .csv, .parquet,"
            " .warc, .warc.gz).",
            show_default="--out's ending, else jsonl",
        ),
    ] = None,
    site: SiteOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    free_only: FreeOnlyOption = False,
    lang: LangOption = None,
    out: Annotated[
        Path | None,
        file_option("--out", "-o", help="File (default, or '-': stdout)."),
    ] = None,
    raw: RawOption = False,
    db: DbOption = None,
) -> None:
    """Write archived articles as JSON Lines, one JSON array or CSV; or as Parquet (typed
    columns, for pandas/DuckDB), or their stored pages as a WARC file (with --out)."""
    from newsarchive import api, render

    out = stdout_if_dash(out)
    with handled():
        from newsarchive.export.named import export_format

        chosen = export_format(fmt.value if fmt is not None else None, out)
        raw_for_csv(raw, chosen)
        if out is not None:
            from newsarchive.archive.connection import check_not_archive

            check_not_archive(out, db_path(db), "--out")
        if chosen in BINARY_FORMATS:
            if out is None:
                raise UsageError(f"--format {chosen} writes a file: give --out FILE")
            filters = parse_filters(site, since, until, free_only, lang)
            count = api.export_file(db_path(db), filters, chosen, out)
            what = "captures" if chosen == "warc" else "articles"
            sys.stderr.write(f"exported {count} {what} to {out}\n")
            return
        filters = parse_filters(site, since, until, free_only, lang)
        count = render.export_rows(api.export(db_path(db), filters), chosen, out, raw)
        if out is not None:
            sys.stderr.write(f"exported {count} articles to {out}\n")
        elif not count:  # (else silence: an empty stdout, exit 0, said nothing of why)
            why = "none matches the filters" if filters.active() else "the archive holds none"
            sys.stderr.write(f"exported 0 articles: {why}\n")


@app.command("import-jsonl")
@exits(
    EXIT_OK,
    EXIT_PARTIAL,
    EXIT_USAGE,
    EXIT_IO,
    EXIT_LOCKED,
    EXIT_INTERNAL,
    said={
        EXIT_PARTIAL: "when lines without a 'site' or 'url' were skipped, each said with its"
        " number (the rest is imported)",
        EXIT_USAGE: "on bad usage or a bad line (nothing is imported)",
        EXIT_IO: f"{ARCHIVE_UNWRITTEN}: nothing is imported",
    },
)
def import_jsonl(
    file: Annotated[
        Path,
        file_argument("A JSON Lines file as written by export ('-' = stdin)."),
    ],
    db: DbOption = None,
) -> None:
    """Load articles from JSON Lines (the inverse of export); all or nothing (a line
    without its site or url is skipped, said by its number)."""
    from newsarchive import api
    from newsarchive.jsonl_import import FOREIGN_HEAD, foreign_file, jsonl_lines

    with handled():
        if str(file) == "-":
            stdin = sys.stdin.buffer
            if not isinstance(stdin, io.BufferedReader):  # (a test runner's BytesIO)
                stdin = io.BufferedReader(stdin)
            if (kind := foreign_file(stdin.peek(FOREIGN_HEAD))) is not None:
                raise UsageError(f"stdin is {kind}")
            counts = api.import_jsonl(db_path(db), jsonl_lines(stdin))
        else:
            try:
                raw = file.open("rb")
            except OSError as exc:
                raise UsageError(f"cannot read {file}: {exc.strerror}") from None
            with raw:
                # (peeked, not read: a pipe, ``<(zcat x.gz)``, is read once)
                if (kind := foreign_file(raw.peek(FOREIGN_HEAD))) is not None:
                    raise UsageError(f"{file} is {kind}")
                counts = api.import_jsonl(db_path(db), jsonl_lines(raw))
        skipped = f", {counts['skipped']} skipped" if counts["skipped"] else ""
        sys.stdout.write(
            f"imported {counts['new']} new, {counts['updated']} updated, "
            f"{counts['unchanged']} unchanged{skipped}\n"
        )
    if counts["skipped"]:
        raise typer.Exit(EXIT_PARTIAL)


@app.command("import-warc")
@exits(
    EXIT_OK,
    EXIT_PARTIAL,
    EXIT_USAGE,
    EXIT_IO,
    EXIT_LOCKED,
    EXIT_INTERNAL,
    said={
        EXIT_PARTIAL: "when a file is truncated or corrupt: what came before the damage is"
        " archived",
        EXIT_IO: ARCHIVE_UNWRITTEN,
    },
)
def import_warc(
    files: Annotated[
        list[Path],
        file_argument("WARC files (.warc or .warc.gz)."),
    ],
    profile: ProfileOption = None,
    db: DbOption = None,
) -> None:
    """Archive and extract the HTML pages of WARC files (this tool's, wget, Browsertrix,
    Common Crawl), matched to site profiles by host, else the generic rules (site = host).
    """
    from newsarchive import api

    with handled():
        result = api.import_warc(db_path(db), files, profile_files=profile or [])
        skipped = ", ".join(f"{n} {what}" for what, n in result["skipped"].items())
        sys.stdout.write(
            f"imported {result['new']} new, {result['updated']} updated, "
            f"{result['unchanged']} unchanged" + (f"; skipped {skipped}" if skipped else "") + "\n"
        )
        for line in result["damaged"]:
            err(line)
    raise typer.Exit(EXIT_PARTIAL if result["damaged"] else EXIT_OK)


@app.command()
@exits(
    EXIT_OK,
    EXIT_PARTIAL,
    EXIT_USAGE,
    EXIT_IO,
    EXIT_LOCKED,
    EXIT_INTERNAL,
    said={
        EXIT_PARTIAL: (
            "when some pages no longer yield an article, or their stored page is damaged"
            " (each named; their archived version is kept)"
        ),
        EXIT_IO: ARCHIVE_UNWRITTEN,
    },
)
def reextract(
    site: SiteOption = None,
    since: SinceOption = None,
    workers: Annotated[
        int | None,
        typer.Option("--workers", "-j", min=1, max=256, help="Processes (default: one per core)."),
    ] = None,
    profile: ProfileOption = None,
    db: DbOption = None,
) -> None:
    """Rebuild archived articles from their stored raw pages, without the network.

    Run after upgrading newsarchive or correcting a site profile. Only articles whose
    extracted fields change are rewritten; the version they replace is kept as a
    revision. Articles imported from JSON Lines have no stored page and are left as
    they are, but for a language never recorded, told from their text.
    """
    from newsarchive import api
    from newsarchive.safe_text import as_one_line

    with handled():
        result = api.reextract(
            db_path(db), filters=parse_filters(site, since, None), profile_files=profile or [],
            workers=workers,
        )  # fmt: skip
        unknown: dict[str, int] = result["unknown_sites"]
        sys.stdout.write(
            f"re-extracted: {result['changed']} changed, {result['unchanged']} unchanged, "
            f"{result['failed']} failed (archived version kept), "
            f"{result['skipped']} without a stored page, {sum(unknown.values())} without a"
            " profile"
            + (
                f"; kept {fed} text{'s' * (fed != 1)} from feeds"
                if (fed := result["kept_from_feeds"])
                else ""
            )
            + (
                f"; told the language of {told} from the archived text"
                if (told := result["languages"])
                else ""
            )
            + "\n"
        )
        for name, count in unknown.items():  # (crawled with --profile FILE, asked without)
            sys.stderr.write(
                f"newsarchive: {count} {'article' if count == 1 else 'articles'} of site"
                f" '{name}' left as archived: no profile '{name}' here; pass the one it was"
                " crawled with (--profile FILE)\n"
            )
        damaged: list[str] = result["damaged"]
        for line in damaged[:_DAMAGED_SAID]:
            sys.stderr.write(f"newsarchive: {as_one_line(line)}\n")  # (its URL: inert)
        if len(damaged) > _DAMAGED_SAID:
            sys.stderr.write(
                f"newsarchive: and {len(damaged) - _DAMAGED_SAID} more stored pages damaged\n"
            )
    raise typer.Exit(EXIT_PARTIAL if result["failed"] else EXIT_OK)


# The damaged stored pages a reextract names, one line each; the rest counted.
_DAMAGED_SAID = 10


@app.command("rename-site")
@exits(
    EXIT_OK,
    EXIT_USAGE,
    EXIT_IO,
    EXIT_LOCKED,
    EXIT_INTERNAL,
    said={EXIT_IO: f"{ARCHIVE_UNWRITTEN}: nothing is renamed"},
)
def rename_site(
    old: Annotated[
        str,
        typer.Argument(metavar="OLD", help="The site id the archive keeps.", callback=as_typed),
    ],
    new: Annotated[
        str, typer.Argument(metavar="NEW", help="The id its profile has now.", callback=as_typed)
    ],
    merge: Annotated[
        bool,
        typer.Option(
            "--merge", help="NEW holds articles already (crawled before the rename): make both one."
        ),
    ] = False,
    db: DbOption = None,
) -> None:
    """Move a site's articles, runs and crawl state to its profile's new id; all or nothing.

    Without it a profile renamed from bta to bta-bg finds its articles archived under bta
    already: its crawl says 0 new, and search --site bta-bg misses them. A NEW that holds
    articles already (a crawl under it before the rename) needs --merge: the two become one site.
    """
    from newsarchive import api

    with handled():
        moved = api.rename_site(db_path(db), old, new, merge=merge)
        counts = ", ".join(f"{what} {count}" for what, count in moved.items())
        sys.stdout.write(f"renamed site '{old}' to '{new}'; moved: {counts}\n")
        _note_no_profile(new, old)


def _note_no_profile(new: str, old: str) -> None:
    """A slip (``rename-site bta bta-gb``) moved the site's articles to an id no profile
    has, without a word: ``crawl bta`` then fetched them all again as new, and
    ``reextract`` passed them by. Said, not refused: the renamed profile may be saved
    after the rename, and a host's id (``x.bg``) is crawled by the generic rules."""
    from newsarchive.profiles.loader import list_profiles, user_profile_dir

    if "." in new or new in list_profiles():
        return
    sys.stderr.write(
        f"newsarchive: note: no profile has the id '{new}' yet (built-in, or a file in"
        f" {user_profile_dir()}): crawl and reextract leave its articles alone until one"
        f" does; a slip is undone with: newsarchive rename-site {new} {old}\n"
    )


@app.command()
@exits(EXIT_OK, EXIT_USAGE, EXIT_IO, EXIT_INTERNAL)
def sites(profile: ProfileOption = None) -> None:
    """List the site profiles: built-in, user (config dir) and --profile files."""
    from newsarchive import render
    from newsarchive.profiles import list_profiles
    from newsarchive.profiles.loader import missing_user_dir, missing_user_dir_warning

    with handled():
        render.sites_table(list(list_profiles(profile or []).values()))
        if (folder := missing_user_dir()) is not None:
            sys.stderr.write(f"newsarchive: warning: {missing_user_dir_warning(folder)}\n")


@app.command("add-site")
@exits(
    EXIT_OK,
    EXIT_USAGE,
    EXIT_IO,
    EXIT_INTERNAL,
    said={
        EXIT_OK: "with a proposal",
        EXIT_USAGE: "when the address is not a news site or cannot be reached (one line saying so)",
        EXIT_IO: "when the proposal (stdout, or the --write file: none is left) could not be"
        " written",
    },
)
def add_site(
    url: Annotated[str, typer.Argument(help="The site's address, e.g. https://www.obshtina.bg")],
    site_id: Annotated[
        str | None, typer.Option("--id", help="Site id (default: from the host name).")
    ] = None,
    write: Annotated[
        bool, typer.Option("--write", help="Save the proposal where user profiles live.")
    ] = False,
    base_url: BaseUrlOption = None,
    delay: DelayOption = None,
    user_agent: UserAgentOption = None,
) -> None:
    """Explore a new site politely and print a proposed profile (TOML) saying how each
    line was found; --write saves it, then `newsarchive crawl ID` works.
    """
    from newsarchive.add_site import check_unclaimed, propose, render, write_profile
    from newsarchive.api import check_base_url
    from newsarchive.fetch.client import FetchOptions
    from newsarchive.profiles.loader import list_profiles, user_profile_dir

    with handled():
        check_base_url(base_url)
        options = FetchOptions.from_env(retries=1, user_agent=user_agent).with_delay(delay, None)
        proposal = propose(url, site_id=site_id, base_url=base_url, options=options)
        text = render(proposal)
        # saved before it is printed: a refusal (a site profiled already, a file there)
        # left the proposal on stdout beside its exit 2, a TOML file for `> x.toml`
        saved, note = None, ""
        if write:
            note = check_unclaimed(url, proposal.profile, site_id, list_profiles().values())
            saved = write_profile(text, user_profile_dir(), proposal.profile.id)
        sys.stdout.write(text)
        if saved is not None:
            if note:
                sys.stderr.write(f"newsarchive: {note}\n")
            sys.stderr.write(
                f"newsarchive: saved {saved}; now run: newsarchive crawl {proposal.profile.id}\n"
            )


@app.command("check-site")
@exits(
    EXIT_OK,
    EXIT_PARTIAL,
    EXIT_USAGE,
    EXIT_IO,
    EXIT_INTERNAL,
    EXIT_LOCKED,
    said={
        EXIT_OK: "when the profile fits",
        EXIT_PARTIAL: "on drift or failed fetches",
        **READ_BUSY,
    },
)
def check_site(
    site: Annotated[str, typer.Argument(help="Site id, e.g. ruse24.", callback=as_typed)],
    base_url: BaseUrlOption = None,
    articles: Annotated[
        int, typer.Option("--articles", "-n", min=1, max=1000, help="How many articles to extract.")
    ] = 3,
    pages: Annotated[
        int,
        typer.Option(
            "--pages",
            min=1,
            max=MAX_CHECK_PAGES,
            help="Listing pages read per start page, the later ones only while fewer"
            " article links than --articles were found.",
        ),
    ] = CHECK_PAGES,
    delay: DelayOption = None,
    fmt: Annotated[
        ShowFormat, typer.Option("--format", "-f", help="text or json")
    ] = ShowFormat.text,
    profile: ProfileOption = None,
    user_agent: UserAgentOption = None,
    db: DbOption = None,
) -> None:
    """Check a site's profile against the live site (or a mirror): which rule found each field.

    Fetches the feeds and the start pages, then a few articles, and reports per
    field whether the profile's selector matched or a generic rule stepped in (drift),
    and the site's sources the crawl rests, failing run after run (from the archive).
    """
    from newsarchive.api import check_base_url
    from newsarchive.archive_health import site_rests
    from newsarchive.check_site import RestedSource, format_json, format_text
    from newsarchive.check_site import check_site as run_check
    from newsarchive.fetch.client import FetchOptions
    from newsarchive.profiles import get_profile

    with handled():
        check_base_url(base_url)
        chosen = get_profile(site, profile or [])
        options = FetchOptions.from_env(retries=1, user_agent=user_agent)
        options = options.with_delay(delay, chosen.delay)
        rested = [  # (read first: an archive that cannot be read is said before fetching)
            RestedSource(r["url"], r["failures"], r["asked_again"], r["error"] or "")
            for r in site_rests(db_path(db), chosen.id)
        ]
        report = run_check(
            chosen, base_url=base_url, articles=articles, options=options, pages=pages
        )
        report.rested = rested
        sys.stdout.write(format_json(report) if fmt is ShowFormat.json else format_text(report))
    raise typer.Exit(report.exit_code)


@app.command()
@exits(EXIT_OK, EXIT_USAGE, EXIT_IO, EXIT_INTERNAL, EXIT_LOCKED, said=READ_BUSY)
def stats(
    query: Annotated[
        str | None,
        typer.Argument(
            help="With --timeline: count only the articles this search finds.",
            callback=as_typed,
        ),
    ] = None,
    stories: Annotated[
        bool,
        typer.Option(
            "--stories",
            help="How many stories one, two, three or more outlets carried, per site;"
            " with --timeline, count distinct stories instead of articles.",
        ),
    ] = False,
    timeline: Annotated[
        bool, typer.Option("--timeline", help="Articles per period and site, as a chart.")
    ] = False,
    by: Annotated[Period, typer.Option("--by", help="Period of --timeline.")] = Period.month,
    site: SiteOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    fmt: Annotated[
        StatsFormat,
        typer.Option("--format", "-f", help="text, json, or csv (with --timeline/--stories)"),
    ] = StatsFormat.text,
    db: DbOption = None,
) -> None:
    """Articles per site (and how many of them the site has since removed, found so by
    crawl --recheck), their date range, and each site's last crawl; or stories per
    number of outlets (--stories); or attention over time (--timeline [QUERY])."""
    from newsarchive import api, archive_health, render
    from newsarchive.safe_text import as_one_line

    with handled():
        if query is not None and not timeline:
            raise UsageError("a search query needs --timeline (stats --timeline QUERY)")
        if by is not Period.month and not timeline:
            raise UsageError("--by needs --timeline")
        if fmt is StatsFormat.csv and not (timeline or stories):
            raise UsageError("--format csv needs --timeline or --stories")
        filters = parse_filters(site, since, until)
        if timeline:
            data = api.timeline(
                db_path(db), query, filters=filters, by=by.value, stories=stories, hint=True
            )
            said = data.pop("hint", None)
            render.timeline(data, fmt.value)
            if said is not None:  # (it quotes what was typed: one inert line)
                sys.stderr.write(as_one_line(said) + "\n")
            return
        if stories:
            render.outlets(archive_health.stats_stories(db_path(db), filters), fmt.value)
            return
        data = archive_health.stats(db_path(db), filters)
        if fmt is StatsFormat.json:
            render.json_out(data)
        else:
            render.stats_table(data)


@app.command()
@exits(
    EXIT_USAGE,
    EXIT_INTERNAL,
    EXIT_LOCKED,
    EXIT_SIGINT,
    EXIT_SIGTERM,
    said={
        EXIT_USAGE: "on bad usage, no archive, a port in use or the web extra missing",
        EXIT_LOCKED: "when another program kept the archive locked for writing while serve"
        " read it to start: try later",
        EXIT_SIGINT: "when stopped by Ctrl-C, as it is meant to stop",
        EXIT_SIGTERM: "when stopped by SIGTERM (by the signal itself, a clean stop to systemd)",
    },
)
def serve(
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (others cannot connect).")
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", "-p", min=0, max=65535, help="Port to listen on (0: any free).")
    ] = 8001,
    db: DbOption = None,
) -> None:
    """Search the archive in a web browser: a search page, articles, a chart per month.

    Datasette with the newsarchive plugin (install newsarchive[web]); the archive is
    opened read-only and never written. Stop with Ctrl-C.
    """
    with handled():
        try:
            from newsarchive.web.server import serve as run_server
        except ImportError as exc:
            raise UsageError(
                f"serve needs the web extra: pip install 'newsarchive[web]' ({exc.name} missing)"
            ) from None

        def ready(url: str) -> None:
            sys.stderr.write(f"newsarchive: serving {db_path(db)} at {url} (Ctrl-C stops)\n")
            if host not in ("127.0.0.1", "localhost", "::1"):
                sys.stderr.write(f"newsarchive: listening on {host}: others can read the archive\n")
            sys.stderr.flush()

        run_server(db_path(db), host=host, port=port, ready=ready)


def _one_line_summaries() -> None:
    """Typer's rich help keeps a docstring's source line breaks inside each paragraph,
    so text wrapped at 100 columns broke mid-sentence on screen (in the command list and
    in each command's --help); each paragraph is handed over as one line, which the
    panel wraps to the terminal itself."""
    from rich.markup import escape

    for info in app.registered_commands:
        doc = inspect.cleandoc(info.callback.__doc__ or "") if info.callback else ""
        if not doc:
            continue
        # (as plain text: rich read "newsarchive[web]" as markup and showed "newsarchive")
        paragraphs = [escape(" ".join(part.split())) for part in doc.split("\n\n")]
        info.help = info.help or "\n\n".join(paragraphs)
        info.short_help = info.short_help or paragraphs[0]


_one_line_summaries()


def main() -> None:
    """Console entry point: a last guard so even a bug prints one line, not a traceback."""
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("newsarchive: interrupted\n")
        sys.exit(EXIT_SIGINT)
    except Exception as exc:  # what no command prints (--help, --version), or a bug
        if debugging():
            raise
        # (any other OSError is a bug too: it was let through, a traceback and exit 1)
        failure = output_failure(exc) if isinstance(exc, OSError | UnicodeEncodeError) else None
        if failure is not None:
            err(str(failure))
            sys.exit(failure.exit_code)
        err(f"{internal_error(exc)} (set NEWSARCHIVE_DEBUG=1 for details)")
        sys.exit(EXIT_INTERNAL)
