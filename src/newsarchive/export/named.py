"""The export format an ``--out`` file's name asks for.

``export --out articles.parquet`` wrote JSON Lines, the default format, into a file every
reader (pandas, DuckDB, a file manager) takes for Parquet by its name, and said
"exported 25 articles": the analyst learned it only when pandas could not read it.
"""

from __future__ import annotations

from pathlib import Path

from newsarchive.errors import UsageError

DEFAULT = "jsonl"
# The formats written as text, which a ".gz" name would misname.
_TEXT = ("jsonl", "json", "csv")

# The endings readers of each format go by (pandas, DuckDB, warcio, spreadsheets).
_ENDINGS = (
    (".warc.gz", "warc"),
    (".warc", "warc"),
    (".parquet", "parquet"),
    (".pq", "parquet"),
    (".csv", "csv"),
    (".jsonl", "jsonl"),
    (".ndjson", "jsonl"),
    # one JSON array of the articles, streamed: ``--out articles.json`` wrote JSON Lines,
    # which pandas' read_json refused ("Trailing data"), then was refused
    (".json", "json"),
)


# Endings that name a format export does not write, and the name it writes instead:
# ``--out articles.xlsx`` wrote JSON Lines under a spreadsheet's name (Excel: "the file
# format or extension is not valid"), ``--out x.tsv`` JSON Lines where a spreadsheet or
# ``read_csv(sep="\t")`` wants a column a field.
_OTHERS = (
    (".xlsx", "a spreadsheet", ".csv"),
    (".xls", "a spreadsheet", ".csv"),
    (".ods", "a spreadsheet", ".csv"),
    (".tsv", "tab-separated values", ".csv"),
)
# Why each is refused, beside the name to use.
_WHY = {".csv": " (spreadsheets open CSV)"}


def named_format(out: Path) -> str | None:
    """The format ``out``'s name ends in, if one of ours (case ignored)."""
    name = out.name.lower()
    return next((fmt for ending, fmt in _ENDINGS if name.endswith(ending)), None)


def export_format(given: str | None, out: Path | None) -> str:
    """The format to write: the one given, else the one ``out``'s name asks for, else
    JSON Lines. A format given against the name's (``-f csv --out x.jsonl``) is refused:
    either would leave a file whose name says what it is not. So is a gzip name for any
    format but WARC (``x.jsonl.gz``, ``x.parquet.gz``): the file is no gzip, which
    ``zcat``, pandas and import-jsonl would each say."""
    named = named_format(out) if out is not None else None
    other = next((o for o in _OTHERS if out.name.lower().endswith(o[0])), None) if out else None
    if out is not None and other is not None:
        ending, what, instead = other
        plain = out.name[: -len(ending)]
        raise UsageError(
            f"--out {out} names {what}, which export does not write: name it {plain}{instead}"
            + _WHY[instead]
        )
    if out is not None and named is None and out.name.lower().endswith(".gz"):
        plain = out.name[: -len(".gz")]
        plain_named = named_format(Path(plain))
        if given is not None and plain_named not in (None, given):  # (-f jsonl x.csv.gz:
            raise _contradicted(given, out, plain_named)  # "name it x.csv" was refused next)
        chosen = given or plain_named or DEFAULT
        if chosen in _TEXT:
            raise UsageError(
                f"--out {out}: {chosen} is written uncompressed; name it {plain}, or"
                f" compress it on the way: newsarchive export -f {chosen} | gzip > {out.name}"
            )
        if chosen == "parquet":
            raise UsageError(
                f"--out {out}: parquet is no gzip file (it compresses its own columns);"
                f" name it {plain}"
            )
    if given is None:
        return named or DEFAULT
    if named is not None and named != given:
        raise _contradicted(given, out, named)
    return given


def _contradicted(given: str, out: Path | None, named: str) -> UsageError:
    """A format given against the one ``out``'s name asks for (export's or search's)."""
    ending = next((ending for ending, fmt in _ENDINGS if fmt == given), f".{given}")
    return UsageError(
        f"--format {given}, but --out {out} is named as a {named} file:"
        f" drop --format, or end the name in {ending}"
    )


# What ``search --out`` writes, by the file's ending: its hits as one JSON array, JSON
# Lines (export's ending: ``--out hits.jsonl`` was refused) or CSV (a table is for
# reading on a terminal, not for a file).
_SEARCH_ENDINGS = ((".csv", "csv"), (".json", "json"), (".jsonl", "jsonl"), (".ndjson", "jsonl"))


def search_format(given: str | None, out: Path | None) -> str:
    """The format ``search`` writes: the one given, else the one ``out``'s name asks for
    (.csv, .json), else a table on stdout. A table into a file, or a format against the
    file's name, is refused: ``search --out hits.csv`` wrote a table, which a spreadsheet
    reads as one column of text."""
    if out is None:
        return given or "table"
    name = out.name.lower()
    named = next((fmt for ending, fmt in _SEARCH_ENDINGS if name.endswith(ending)), None)
    if given == "table":
        raise UsageError(
            f"--out {out}: --format table is for reading on a terminal; a file gets csv, json"
            " or jsonl (drop --format, and the name's .csv, .json or .jsonl chooses)"
        )
    chosen = given or named
    if chosen is None:
        raise UsageError(
            f"--out {out}: search writes csv, json or jsonl to a file; end the name in .csv,"
            " .json or .jsonl, or give --format csv, json or jsonl"
        )
    if named is not None and named != chosen:
        raise _contradicted(chosen, out, named)
    return chosen
