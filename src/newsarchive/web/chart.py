"""Attention over time: matching articles per month and site as a stacked bar chart in
plain SVG (no script, no network), and the same numbers as CSV.

Every label is escaped: site ids come from the archive, which imports any id.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from newsarchive.archive.timeline import Gap, drawn

PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1",
           "#ff9da7", "#9c755f", "#bab0ac")  # fmt: skip
WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 760, 220, 36, 28, 10


@dataclass(frozen=True)
class Chart:
    svg: Markup
    legend: list[tuple[str, str]]  # (site, colour)
    months: int


def month_chart(rows: list[dict[str, Any]]) -> Chart | None:
    """A chart of ``{month, site, count}`` rows, with empty months between drawn as gaps
    (a run longer than ``timeline.LONGEST_GAP`` as one slot, "…")."""
    if not rows:
        return None
    sites = sorted({r["site"] for r in rows})
    colour = {site: PALETTE[i % len(PALETTE)] for i, site in enumerate(sites)}
    # the months ``stats --timeline`` draws: a long empty run (a year-9999 typo) one slot
    slots = drawn({f"{r['month']}-01" for r in rows}, "month")
    months = [slot for slot in slots if isinstance(slot, str)]
    counts: dict[str, dict[str, int]] = {m: {} for m in months}
    for r in rows:
        counts[r["month"]][r["site"]] = r["count"]
    peak = max(sum(c.values()) for c in counts.values())
    plot_w, plot_h = WIDTH - LEFT - 4, HEIGHT - BOTTOM - TOP
    step = plot_w / len(slots)
    bar = max(1.0, step * 0.8)
    label_every = max(1, -(-len(slots) // 12))
    parts = [
        f'<svg class="na-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="matching articles per month and site">',
        f'<text x="{LEFT - 6}" y="{TOP + 8}" text-anchor="end">{peak}</text>',
        f'<text x="{LEFT - 6}" y="{TOP + plot_h}" text-anchor="end">0</text>',
        f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - 4}" y2="{TOP + plot_h}" />',
    ]
    for i, month in enumerate(slots):
        x = LEFT + i * step
        y = float(TOP + plot_h)
        if isinstance(month, Gap):
            said = f"{month.periods:,} empty months folded ({month.first} … {month.last})"
            parts.append(
                f'<text x="{x:.1f}" y="{TOP + plot_h - 4}" text-anchor="start">…'
                f"<title>{escape(said)}</title></text>"
            )
            continue
        for site in sites:
            n = counts[month].get(site, 0)
            if not n:
                continue
            h = plot_h * n / peak
            y -= h
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                f'fill="{colour[site]}"><title>{escape(month)} · {escape(site)}: {n}</title></rect>'
            )
        if i % label_every == 0:
            parts.append(
                f'<text x="{x:.1f}" y="{HEIGHT - 8}" text-anchor="start">{escape(month)}</text>'
            )
    parts.append("</svg>")
    return Chart(Markup("".join(parts)), [(s, colour[s]) for s in sites], len(slots))


def month_csv(rows: list[dict[str, Any]]) -> str:
    """``month,site,count`` lines for the chart's numbers; a download for a spreadsheet,
    so a site id that would run as a formula gets the CLI's leading ``'``."""
    from newsarchive.safe_text import csv_rows

    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=["month", "site", "count"], lineterminator="\n")
    writer.writeheader()
    writer.writerows(csv_rows(rows, terminal=False))
    return out.getvalue()
