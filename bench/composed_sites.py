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

This module is the command line; the work is done in modules of one job each:
``composed_axes`` (the axes and ``choose``, each round its own random stream),
``composed_texts`` (what the sites say), ``composed_writer`` (``Composer``: the site's
files and ``expected.json``), ``composed_judge`` (``run_seed``: crawl and ``Verdict``),
``composed_cut`` (``--cut``) and ``composed_faults`` (``--faults``). Their names are
importable from here too (``composed_sites.choose``, ``.compose``, ``.run_seed``, ...).

Dates are counted from today on Sofia's clock (``site_today``: the tests' snapshot day
under pytest, the real one for the modes whose crawls are processes): articles in the
weeks before it, events in the months after, so a seed composes the same site on the
same day and a site whose verdict holds on any day.

    PYTHONPATH=src python bench/composed_sites.py --seeds 60 [--start 0] [--jobs 2]
    PYTHONPATH=src python bench/composed_sites.py --seed 17 [--keep DIR]

Exit 2 when a seed failed. ``--seed`` prints what was missed, extra or wrong;
``--keep DIR`` writes the site there (serve it: ``newsarchive.mirror.MirrorServer``).

``--cut``: crawls cut and resumed (``composed_cut``), judged as the uncut crawl is,
beside ``torture_bench``'s invariants and ``resume_bound``:

    PYTHONPATH=src python bench/composed_sites.py --cut --seeds 60 --jobs 2
    PYTHONPATH=src python bench/composed_sites.py --cut --seed 2 --at 7,11

``--faults``: a failing server (``composed_faults``: seeded faults on a seed's own
sources and articles, the site crawled three times):

    PYTHONPATH=src python bench/composed_sites.py --faults --seeds 180 --jobs 2
    PYTHONPATH=src python bench/composed_sites.py --faults --seed 3 [--keep DIR]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from composed_axes import (  # noqa: E402
    ADDRESSES,
    BYLINES,
    CANONICALS,
    CARD_DATES,
    CMSES,
    DATES,
    DAY_FORMS,
    ENGLISH,
    FURNITURE,
    JSON_MORES,
    LINKS,
    LISTS,
    MORES,
    MOVES,
    NEWS_AT,
    NEWS_LABELS,
    NON_NEWS,
    ORDERS,
    PAGER_ENDS,
    PAGER_UIS,
    PAGER_WORDS,
    PAGERS,
    PRINTS,
    RELATIVES,
    TITLES,
    TWINS,
    Axes,
    choose,
    fourth_axes,
)
from composed_clock import faketime_lib, gaps  # noqa: E402
from composed_cut import (  # noqa: E402
    CUT_HEADER,
    CUTS,
    CutPoint,
    CutVerdict,
    article_requests,
    cut_main,
    cut_points,
    cut_seed,
    cut_trial,
    exploring_end,
    exploring_said,
    phase,
    resume_bound,
    walked_between,
)
from composed_faults import (  # noqa: E402
    ERROR_TEXTS,
    FAULT_HEADER,
    GONE_COST,
    HANG,
    MAINTENANCE,
    TIMEOUT,
    FaultVerdict,
    Planted,
    fault_crawl,
    fault_seed,
    faults_main,
    maintenance_page,
    plant,
    url_key_path,
)
from composed_judge import (  # noqa: E402
    HEADER,
    Verdict,
    details,
    disallowed,
    judge,
    rows_of,
    run_seed,
    verdict_of,
)
from composed_nights import (  # noqa: E402
    NIGHTS_HEADER,
    Night,
    NightsVerdict,
    Rests,
    night_bound,
    night_site,
    nights_main,
    nights_seed,
    plan,
)
from composed_texts import (  # noqa: E402
    ABBR_MONTHS,
    ARTICLES,
    AUTHORS,
    BOILERPLATE,
    COMMENT,
    COOKIE,
    DOCUMENTS,
    EN_MONTHS,
    EN_TEXTS,
    EVENTS,
    FOOTER,
    LATIN_MONTHS,
    MONTHS,
    NOTICES,
    PRINT,
    RFC_DAYS,
    ROMAN,
    SHARE,
    TENDERS,
    TOWNS,
    WEEKDAYS,
    WORKING_HOURS,
)
from composed_writer import (  # noqa: E402
    HREF,
    Article,
    Composer,
    Site,
    card_day,
    compose,
    cyrillic_slug,
    day_text,
    file_for,
    iso,
    ordinal,
    rfc822,
)

# the names other code uses as ``composed_sites.X``, re-exported
__all__ = [
    "ABBR_MONTHS",
    "ADDRESSES",
    "ARTICLES",
    "AUTHORS",
    "Article",
    "Axes",
    "BOILERPLATE",
    "BYLINES",
    "CANONICALS",
    "CARD_DATES",
    "CMSES",
    "COMMENT",
    "COOKIE",
    "CUTS",
    "CUT_HEADER",
    "Composer",
    "CutPoint",
    "CutVerdict",
    "DATES",
    "DAY_FORMS",
    "DOCUMENTS",
    "ENGLISH",
    "EN_MONTHS",
    "EN_TEXTS",
    "ERROR_TEXTS",
    "EVENTS",
    "FAULT_HEADER",
    "FOOTER",
    "FURNITURE",
    "FaultVerdict",
    "GONE_COST",
    "HANG",
    "HEADER",
    "HREF",
    "JSON_MORES",
    "LATIN_MONTHS",
    "LINKS",
    "LISTS",
    "MAINTENANCE",
    "MONTHS",
    "MORES",
    "MOVES",
    "NEWS_AT",
    "NEWS_LABELS",
    "NIGHTS_HEADER",
    "NON_NEWS",
    "NOTICES",
    "Night",
    "NightsVerdict",
    "ORDERS",
    "PAGERS",
    "PAGER_ENDS",
    "PAGER_UIS",
    "PAGER_WORDS",
    "PRINT",
    "PRINTS",
    "Planted",
    "RELATIVES",
    "RFC_DAYS",
    "ROMAN",
    "SHARE",
    "Site",
    "TENDERS",
    "TIMEOUT",
    "TITLES",
    "TOWNS",
    "TWINS",
    "Verdict",
    "WEEKDAYS",
    "WORKING_HOURS",
    "article_requests",
    "card_day",
    "choose",
    "compose",
    "cut_main",
    "cut_points",
    "cut_seed",
    "cut_trial",
    "cyrillic_slug",
    "day_text",
    "details",
    "disallowed",
    "exploring_end",
    "exploring_said",
    "fault_crawl",
    "fault_seed",
    "faketime_lib",
    "faults_main",
    "file_for",
    "fourth_axes",
    "iso",
    "judge",
    "gaps",
    "maintenance_page",
    "night_bound",
    "night_site",
    "nights_main",
    "nights_seed",
    "ordinal",
    "phase",
    "plan",
    "plant",
    "resume_bound",
    "rfc822",
    "Rests",
    "rows_of",
    "run_seed",
    "url_key_path",
    "verdict_of",
    "walked_between",
]


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
    parser.add_argument("--nights", action="store_true", help="crawls as the site moves on")
    parser.add_argument(
        "--real-clock", action="store_true", help="with --nights: the crawls' clock not moved"
    )
    args = parser.parse_args(argv)
    if args.cut:
        return cut_main(args, out)
    if args.faults:
        return faults_main(args, out)
    if args.nights:
        return nights_main(args, out)
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
