"""What ``search`` prints once the archive has answered: the hits, or ``--count``'s rows,
on stdout or in ``--out`` (drawn by ``render``), then its one-line notes on stderr (what
was written where, how the query was read, which page this is, the hits left out for
having no date or no language, what was meant when nothing matched).

Apart from ``cli`` so that the search command there reads as its options and the checks
between them; the order and wording of the lines around the hits, which scripts and
readers go by, are kept together here. Imported by ``search`` alone, when it runs.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from newsarchive import render
from newsarchive.archive.search import undated_note, unknown_language_note
from newsarchive.safe_text import as_one_line

if TYPE_CHECKING:
    from newsarchive.api import Page, Totals


def write_counts(totals: Totals, chosen: str, raw: bool, out: Path | None) -> None:
    """``search --count``: the matches per site and year, then the notes."""
    with render.text_out(out, chosen, raw) as handle:
        render.search_counts(totals.rows, chosen, raw, handle)
    if out is not None:
        rows = len(totals.rows)
        sys.stderr.write(
            f"wrote {rows} {'row' if rows == 1 else 'rows'} (site and year) to {out}\n"
        )
    for read_as in totals.notes:
        sys.stderr.write(as_one_line(read_as) + "\n")
    if totals.undated:
        sys.stderr.write(undated_note(totals.undated) + "\n")
    if totals.unknown:
        sys.stderr.write(unknown_language_note(totals.unknown) + "\n")
    if totals.hint:  # (it quotes what was typed: one inert line)
        sys.stderr.write(as_one_line(totals.hint) + "\n")


def write_page(page: Page, chosen: str, raw: bool, out: Path | None, offset: int) -> None:
    """A page of hits (the one ``offset`` starts), then the notes."""
    with render.text_out(out, chosen, raw) as handle:
        render.search_results(page.hits, chosen, raw, handle)
    if out is not None:
        hits = len(page.hits)
        sys.stderr.write(f"wrote {hits} {'hit' if hits == 1 else 'hits'} to {out}\n")
    for read_as in page.notes:  # (they quote what was typed: one inert line each)
        sys.stderr.write(as_one_line(read_as) + "\n")
    note = render.search_page_note(len(page.hits), page.total, offset)
    if not page.total:  # (it quotes what was typed: one inert line)
        note = as_one_line(page.hint or "")
    if note:
        sys.stderr.write(note + "\n")
    if page.undated:
        sys.stderr.write(undated_note(page.undated) + "\n")
    if page.unknown:
        sys.stderr.write(unknown_language_note(page.unknown) + "\n")
