"""What a terminal's width ($COLUMNS) does to the tables: never hide them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from .support import Result


@pytest.fixture
def archive(run_cli: Callable[..., Result], tmp_path: Path) -> Path:
    db = tmp_path / "small.db"
    record = {
        "site": "bta",
        "url": "https://www.bta.bg/bg/news/bulgaria/1-test",
        "title": "Общината обяви нов бюджет",
        "published": "2025-03-01",
        "text": "Общинският съвет прие бюджета.\nСесията продължи три часа.",
    }
    source = tmp_path / "one.jsonl"
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    assert run_cli("import-jsonl", str(source), "--db", str(db)).exit_code == 0
    return db


def _installed(*args: str, columns: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": columns, "NO_COLOR": "1"}
    env.pop("NEWSARCHIVE_DB", None)
    return subprocess.run(
        [str(Path(sys.executable).with_name("newsarchive")), *args],
        capture_output=True, text=True, timeout=60, env=env,
    )  # fmt: skip


@pytest.mark.parametrize("columns", ["0", "00", "abc", "-3", ""])
@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (("stats",), "1 articles"),
        (("search", "бюджет"), "Общината обяви нов бюджет"),
        (("search", "бюджет", "--count"), "2025"),
        (("--help",), "Commands"),
    ],
)
def test_a_width_of_no_columns_still_prints(
    archive: Path, columns: str, args: tuple[str, ...], shown: str
) -> None:
    """COLUMNS=0 (a console whose size nobody set) made rich draw every table and the
    help zero columns wide: nothing on stdout, exit 0, as if the archive were empty."""
    done = _installed(*args, "--db", str(archive), columns=columns)
    assert done.returncode == 0, done.stderr
    assert shown in done.stdout, done.stdout


@pytest.mark.parametrize("columns", ["20", "80"])
def test_sites_on_a_narrow_terminal_keeps_each_address_whole(
    run_cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    """The five-column table folded every cell to fit: at 80 columns an origin read
    "https://www.bta.b" over "g", at 20 one letter a line; a copied address was broken."""
    monkeypatch.setenv("COLUMNS", columns)
    result = run_cli("sites")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert "bta (built-in): БТА — Българска телеграфна агенция" in lines
    for address in ("https://www.bta.bg", "https://www.obshtinaruse.bg", "/bg/news/bulgaria/rss"):
        assert f"  {address}" in lines, result.stdout
    assert "│" not in result.stdout


def test_sites_with_room_is_the_table(
    run_cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "160")
    result = run_cli("sites")
    assert result.exit_code == 0
    row = next(line for line in result.stdout.splitlines() if "ruse-bg" in line)
    assert "https://www.obshtinaruse.bg" in row and "built-in" in row


@pytest.fixture
def two_years(run_cli: Callable[..., Result], tmp_path: Path) -> Path:
    """Two sites whose ids share a start (the narrow table cut both to "ru…")."""
    db = tmp_path / "two.db"
    records = [
        {
            "site": site,
            "url": f"https://www.{site}.bg/news/{n}",
            "title": f"Бюджетът на общината за {year}",
            "published": f"{year}-03-01",
            "text": "Общинският съвет прие бюджета.",
        }
        for n, (site, year) in enumerate((("ruse-bg", 2017), ("ruse24", 2025), ("ruse24", 2026)))
    ]
    source = tmp_path / "two.jsonl"
    source.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    assert run_cli("import-jsonl", str(source), "--db", str(db)).exit_code == 0
    return db


def test_count_on_a_narrow_terminal_keeps_site_ids_and_numbers(
    run_cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch, two_years: Path
) -> None:
    monkeypatch.setenv("COLUMNS", "20")
    result = run_cli("search", "бюджет", "--count", "--db", str(two_years))
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    for said in ("ruse-bg: year 2017, articles 1", "ruse24: year 2025, articles 1"):
        assert said in text, result.stdout


def test_stories_on_a_narrow_terminal_keeps_site_ids_and_numbers(
    run_cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch, two_years: Path
) -> None:
    monkeypatch.setenv("COLUMNS", "20")
    result = run_cli("stats", "--stories", "--db", str(two_years))
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "ruse24: stories 2, 1 outlet 2, 2 outlets 0, 3+ outlets 0" in text, result.stdout
    assert "…" not in result.stdout


@pytest.mark.parametrize("columns", ["20", "40"])
def test_timeline_on_a_narrow_terminal_keeps_each_period_whole(
    run_cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch, two_years: Path, columns: str
) -> None:
    """The bars kept their 50 columns and the periods were cut to "2017-…"."""
    monkeypatch.setenv("COLUMNS", columns)
    result = run_cli("stats", "--timeline", "бюджет", "--db", str(two_years))
    assert result.exit_code == 0
    for period in ("2017-03", "2025-03", "2026-03", "2017-04 … 2025-02"):
        assert period in result.stdout, result.stdout
    assert max(map(len, result.stdout.splitlines())) <= int(columns)
