"""A seventy-fourth round of site shapes, four small sites whose server or pager would
trap or strain a nightly crawl nobody tuned, crawled from the origin alone (a profile of
id, name and origin) through a real ``MirrorServer``, as ``test_round70_mirrors`` does.

The mirrors (``tests/fixtures/make_mirrors_round74.py``): every third request answered
``503`` with ``Retry-After: 120`` (zaeto); a pager whose every link carries a token the
server writes anew into every answer, ``/novini?page=2&sid=<32 hex>`` (zhetonno); a
calendar of day pages on every page, each ``200``, the empty ones linking the day
before, back to 1990 (kalendarno); a "Новини на страница: 3 | 5 | 10 | 20" choice on
every list page, the pager keeping it (razmerno).
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from newsarchive.mirror import MirrorServer

from .mirror_sites import (
    SITES,
    assert_archived_whole_and_right,
    bare_crawl_twice,
    bare_profile,
    check_bare_crawl,
)
from .support import Result

ROUND74_SITES = {
    # /novini?page=2&sid=c4ca4238a0b923820dcc509a6f75849b, another sid on every answer
    "zhetonno": ("Община Жетонно", "https://zhetonno.bg"),
    # /arhiv/2026/11/27/ … "« Предишен ден" … /arhiv/1990/01/01/, every one 200
    "kalendarno": ("Община Календарно", "https://kalendarno.bg"),
    # /novini?broi=5, /novini?broi=5&page=2, /novini?broi=20 …
    "razmerno": ("Община Размерно", "https://razmerno.bg"),
}

# What the first crawl may cost at most (the bare crawl's count, measured 17 each: a walk
# of the tokens, of the days or of the sizes would cost dozens to thousands).
ROUND74_REQUESTS = {"zhetonno": 20, "kalendarno": 20, "razmerno": 20}


@pytest.mark.parametrize("site", sorted(ROUND74_SITES))
def test_a_round74_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND74_SITES[site])


@pytest.mark.parametrize("site", sorted(ROUND74_SITES))
def test_a_round74_trap_costs_a_bounded_crawl(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    """No list page asked under a token, no empty day page, no list in another size:
    the first crawl stays within its measured count, each list page asked once."""
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND74_SITES[site])
    assert len(first) <= ROUND74_REQUESTS[site], first
    assert len(first) == len(set(first)), first
    assert not any("sid=" in path or "broi=" in path for path in first), first
    assert not any(path.startswith("/arhiv/") for path in first), first


ZAETO = ("zaeto", "Община Заето", "https://zaeto.bg")


def _zaeto(tmp_path: Path, retry_after: str) -> Path:
    """zaeto's mirror, its server asking for ``retry_after`` seconds on every third
    request (the committed mirror asks for 120: a test cannot wait so)."""
    root = tmp_path / "zaeto-mirror"
    shutil.copytree(SITES / "zaeto", root)
    settings = root / "_mirror.json"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace(
            '"retry_after": 120', f'"retry_after": {retry_after}'
        ),
        encoding="utf-8",
    )
    return root


def _crawl(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, server: MirrorServer
) -> Result:
    site, name, origin = ZAETO
    profile = bare_profile(tmp_path, site, name, origin)
    return run_cli(
        "crawl", site, "--profile", str(profile), "--base-url", server.url, "--delay", "0",
        "--db", str(db),
    )  # fmt: skip


def test_a_503_every_third_request_within_the_cap_is_waited_and_nothing_lost(
    run_cli: Callable[..., Result],
    db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``503`` with ``Retry-After: 1`` on every third request, under a cap of 2 s: each
    turned-away address waited for and asked once more, the site archived whole in one
    run that exits 0."""
    monkeypatch.setenv("NEWSARCHIVE_MAX_RETRY_AFTER", "2")
    with MirrorServer(_zaeto(tmp_path, "1")) as server:
        done = _crawl(run_cli, db, tmp_path, server)
        assert done.exit_code == 0, done.stderr
        assert_archived_whole_and_right(db, "zaeto")
        asked = [p for p in server.requests if p != "/robots.txt"]
        assert max(asked.count(p) for p in asked) <= 2, asked


def test_a_503_asking_past_the_cap_rests_the_site_in_one_line_and_exit_1(
    run_cli: Callable[..., Result],
    db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``503`` with ``Retry-After: 120`` past the cap (1 s here, as a user who will not
    let one site hold the night sets it): the run stops asking at once, says so in one
    warning line naming the wait, exits 1, and fails nothing."""
    monkeypatch.setenv("NEWSARCHIVE_MAX_RETRY_AFTER", "1")
    with MirrorServer(_zaeto(tmp_path, "120")) as server:
        done = _crawl(run_cli, db, tmp_path, server)
        assert done.exit_code == 1, done.stderr
        warnings = [line for line in done.stderr.splitlines() if "warning" in line]
        assert len(warnings) == 1, done.stderr
        assert "HTTP 503" in warnings[0] and "2 minutes" in warnings[0], warnings
        assert "0 failed" in done.stdout, done.stdout
        assert len(server.requests) <= 5, server.requests


def test_reruns_after_a_rest_while_exploring_archive_the_site_night_by_night(
    run_cli: Callable[..., Result],
    db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Rested at every third request (``Retry-After: 120`` past a 1 s cap), the first
    run met the ``503`` at ``/rss``, exploring's third request, after ``/`` and
    ``/novini`` had answered. Before, nothing of what was read was kept: every rerun
    asked ``/``, ``/novini`` and ``/rss`` again and met the same ``503``, and no article
    was ever archived. Now what exploring found is read from the pages kept and its
    articles queued, each rerun fetching the queue first: every night short (at most
    six requests, exit 1 with one warning line), the site archived whole and once
    within fifteen (measured: twelve), the last run clean."""
    monkeypatch.setenv("NEWSARCHIVE_MAX_RETRY_AFTER", "1")
    codes: list[int] = []
    with MirrorServer(_zaeto(tmp_path, "120")) as server:
        for _ in range(15):
            before = len(server.requests)
            done = _crawl(run_cli, db, tmp_path, server)
            codes.append(done.exit_code)
            # (five; six where two articles were already asked on the run's other
            # connections when the 503 that rests the site came back: how many are in
            # flight then depends on the order the connections finish in)
            assert len(server.requests) - before <= 6, server.requests[before:]
            if done.exit_code == 0:
                break
            assert len([line for line in done.stderr.splitlines() if "warning" in line]) == 1
    assert codes[-1] == 0 and set(codes[:-1]) == {1}, codes
    assert_archived_whole_and_right(db, "zaeto")


def _queued(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT url FROM frontier WHERE site = 'zaeto' AND state = 'queued'")
        return {row[0] for row in rows}


def _failed(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT url FROM frontier WHERE state = 'failed'")
        return {row[0] for row in rows}


def _archived(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {row[0] for row in conn.execute("SELECT url FROM articles")}


def test_waits_adding_up_past_the_host_budget_rest_the_site_and_a_rerun_picks_up(
    run_cli: Callable[..., Result],
    db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``503`` with ``Retry-After: 1`` on every third request, each within the cap (2 s)
    and obeyed, no streak long enough to rest the host: before, every one was waited
    for, the run archiving all nine and exiting 0 however long the night (two minutes
    each at the mirror's own ``Retry-After: 120``: seven waits, 14 minutes, unsaid). Under a
    budget of 2 s of waiting for one host, the third ``503`` (its wait the third second)
    rests the site: one warning line naming the host, what it made us wait and the
    budget, exit 1, nothing failed, the URL it answered still queued with the others;
    the next runs pick up, and the site is archived whole and once."""
    monkeypatch.setenv("NEWSARCHIVE_MAX_RETRY_AFTER", "2")
    monkeypatch.setenv("NEWSARCHIVE_MAX_HOST_WAIT", "2")
    with MirrorServer(_zaeto(tmp_path, "1")) as server:
        done = _crawl(run_cli, db, tmp_path, server)
        assert done.exit_code == 1, done.stderr
        warnings = [line for line in done.stderr.splitlines() if "warning" in line]
        assert len(warnings) == 1, done.stderr
        assert "zaeto.bg has made us wait 2 s in this run" in warnings[0], warnings
        assert "HTTP 503" in warnings[0] and "the 2 s we wait for one host" in warnings[0]
        assert "0 failed" in done.stdout, done.stdout
        assert not _failed(db)
        asked = [p for p in server.requests if p != "/robots.txt"]
        # three 503s, the 3rd, 6th and 9th request: two waited, the third rested the host
        # (a 10th may have been in flight beside it, on the second connection)
        assert 9 <= len(asked) <= 10, asked
        first = _archived(db)
        queued = _queued(db)
        assert len(first) < 9, first  # (the page beside the rest may be read or not)
        assert asked[8] in {urlsplit(url).path for url in queued}, (asked, queued)
        assert not first & queued
        for _ in range(10):
            done = _crawl(run_cli, db, tmp_path, server)
            if done.exit_code == 0:
                break
            assert done.exit_code == 1 and not _failed(db), done.stderr
    assert done.exit_code == 0, done.stderr
    assert_archived_whole_and_right(db, "zaeto")
    assert first <= _archived(db)


def test_a_host_budget_of_0_waits_for_nothing(
    run_cli: Callable[..., Result],
    db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``NEWSARCHIVE_MAX_HOST_WAIT=0``: the first ``503`` (``Retry-After: 1``, within the
    cap) rests the site at once, unwaited: three requests, one warning line, exit 1."""
    monkeypatch.setenv("NEWSARCHIVE_MAX_RETRY_AFTER", "2")
    monkeypatch.setenv("NEWSARCHIVE_MAX_HOST_WAIT", "0")
    with MirrorServer(_zaeto(tmp_path, "1")) as server:
        done = _crawl(run_cli, db, tmp_path, server)
        assert done.exit_code == 1, done.stderr
        warnings = [line for line in done.stderr.splitlines() if "warning" in line]
        assert len(warnings) == 1, done.stderr
        assert "made us wait 0 s" in warnings[0] and "1 s more" in warnings[0], warnings
        assert [p for p in server.requests if p != "/robots.txt"][3:] == [], server.requests
        assert "0 failed" in done.stdout and not _failed(db)


def test_the_calendar_mirror_answers_every_day_back_to_1990_and_no_further() -> None:
    """kalendarno's server (``day_pages``): a day with news its own page, any other day
    back to 1 January 1990 a ``200`` linking the day before, none before that."""
    with MirrorServer(SITES / "kalendarno") as server:
        news = httpx.get(f"{server.url}/arhiv/2026/11/28/")
        empty = httpx.get(f"{server.url}/arhiv/2026/11/27/")
        first = httpx.get(f"{server.url}/arhiv/1990/01/01/")
        before = httpx.get(f"{server.url}/arhiv/1989/12/31/")
    assert news.status_code == 200 and "4415-" in news.text
    assert empty.status_code == 200 and 'href="/arhiv/2026/11/26/"' in empty.text
    assert "27.11.2026" in empty.text and "Няма публикувани новини" in empty.text
    assert first.status_code == 200 and 'class="prev" href="#"' in first.text
    assert before.status_code == 404
