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
