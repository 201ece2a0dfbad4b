"""Crawls cut at one exact request, as ``bench/cut_sweep.py`` cuts them: the server
SIGKILLs the crawl as its k-th request arrives, then the crawl is run to completion and
once more, and the archive must be ``expected.json``'s exactly, every walk the uncut crawl
completed completed, the no-op rerun at most 3 requests (``cut_sweep.cut_trial``).

Each test holds one cut point the sweep tried: the narrow window the release before
mended (a first crawl cut inside a calendar's month further back), and the two the sweep
found after (a NIGHTLY run cut mid-walk; a first crawl cut before judging the sub-sites
its home's items were archived in), mended since.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import cut_sweep  # noqa: E402


def cut_at(site: str, k: int, tmp_path: Path) -> cut_sweep.Cut:
    cut_sweep.register(site)
    base = cut_sweep.baseline(site, tmp_path)
    assert len(base.requests) >= k, base.requests
    return cut_sweep.cut_trial(site, k, base)


def test_a_first_crawl_cut_inside_the_calendars_month_before_completes(tmp_path: Path) -> None:
    """zornitsasedmitsa cut at its 14th request (a November day's article, the walk in
    the month before the first): the next run archives all 8 (before ``_may_jump``: the
    day read as a page of no index, the walk ended completed, 5 of 8 for good; the sweep
    failed 4 of its 19 cut points there with the code before, 0 after)."""
    cut = cut_at("zornitsasedmitsa", 14, tmp_path)
    assert cut.failures == []


def test_a_nightly_run_cut_before_its_listings_second_page_completes(tmp_path: Path) -> None:
    """kalinovets' second night (12 new articles on a list of nine a page) cut as it
    asks ``/novini?page=2``: the completing run asks robots.txt and ``/novini``, all
    nine known, and goes on to page 2, where the cut pass was (``WalkState.pass_url``).
    Before, it stopped there, a completed walk's pass keeping no resume point: page 2's
    three new articles were never archived."""
    cut = cut_at("kalinovets", 12, tmp_path)
    assert cut.failures == []


def test_a_first_crawl_cut_before_its_sub_sites_were_resolved_completes(tmp_path: Path) -> None:
    """podbalkanets cut as it opens ``/kamengrad/`` (its 21st request: judging the
    editions the home's ``/statia/N`` items were archived in): the completing run reads
    the saved discovery, whose home items are still saved (``Discovery.home_items``,
    emptied once judged), and judges them then. Before, they were never saved, the
    editions' own listings never walked, 3 of 9 never archived."""
    cut = cut_at("podbalkanets", 21, tmp_path)
    assert cut.failures == []


def test_a_first_crawl_cut_inside_the_month_before_asks_none_of_its_days_read_before(
    tmp_path: Path,
) -> None:
    """zornitsasedmitsa cut at its 17th request (an article of November's second day,
    ``/arhiv/2026/11/20/``, the day read): the completing run asks the archive and
    December's day (the incremental stop), November's grid (where the cut day is an
    entry) and the cut day, and not November's newest day, which the cut run read
    before it (asked again before ``ListingWalk._heading``: the sweep's "asked again" 5
    there, 4 now)."""
    cut = cut_at("zornitsasedmitsa", 17, tmp_path)
    assert cut.failures == []
    assert cut.reasked == [
        "/arhiv/", "/arhiv/2026/11/", "/arhiv/2026/11/20/", "/arhiv/2026/12/04/"
    ]  # fmt: skip
