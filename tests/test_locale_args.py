"""Words typed in a locale that is not UTF-8 (LC_ALL=C with Python's UTF-8 mode off)."""

from __future__ import annotations

import csv
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
        "author": "Иван Колев",
        "text": "Общинският съвет прие бюджета.\nСесията продължи три часа.",
    }
    source = tmp_path / "one.jsonl"
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    assert run_cli("import-jsonl", str(source), "--db", str(db)).exit_code == 0
    return db


def _in_c_locale(*args: str) -> subprocess.CompletedProcess[str]:
    """The command as a shell in the C locale runs it: argv is UTF-8 bytes, which Python
    (UTF-8 mode off) decodes as ASCII with surrogate escapes."""
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0"}
    env.pop("PYTHONIOENCODING", None)
    env.pop("NEWSARCHIVE_DB", None)
    return subprocess.run(
        [str(Path(sys.executable).with_name("newsarchive")), *args],
        capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=60, env=env,
    )  # fmt: skip


@pytest.mark.parametrize("query", ["бюджет", "author:колев", 'author:"Иван Колев" бюджет'])
def test_cyrillic_words_in_the_c_locale_are_searched(
    archive: Path, tmp_path: Path, query: str
) -> None:
    """They were read as escaped bytes: "'\\udcd0…' holds no letters or digits", and an
    author: filter was an internal error, exit 70."""
    out = tmp_path / "hits.csv"
    done = _in_c_locale("search", query, "--db", str(archive), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr
    with out.open(encoding="utf-8-sig", newline="") as handle:
        titles = [row["title"] for row in csv.DictReader(handle)]
    assert titles == ["Общината обяви нов бюджет"]


def test_cyrillic_site_id_in_the_c_locale_is_named_as_typed(archive: Path) -> None:
    done = _in_c_locale("search", "бюджет", "--site", "бта", "--db", str(archive))
    assert done.returncode == 2
    [line] = done.stderr.splitlines()
    assert line.startswith("newsarchive: error: unknown site ") and "udcd0" not in line, line


def test_table_output_in_the_c_locale_says_which_locale_to_use(archive: Path) -> None:
    done = _in_c_locale("search", "бюджет", "--db", str(archive))
    assert done.returncode == 74
    [line] = done.stderr.splitlines()
    assert "UTF-8 locale" in line, line


@pytest.mark.parametrize(
    "args",
    [
        ("search", "author:\udce9"),
        ("search", "caf\udce9"),
        ("show", "caf\udce9"),
        ("search", "x", "--site", "caf\udce9"),
        ("crawl", "caf\udce9"),
    ],
)
def test_bytes_that_are_no_utf8_are_refused_as_input(
    run_cli: Callable[..., Result], archive: Path, args: tuple[str, ...]
) -> None:
    """A Latin-1 byte (what argv holds as '\\udce9') made author: an internal error, 70,
    and elsewhere a "cannot write output … set a UTF-8 locale" in a UTF-8 locale, 74."""
    result = run_cli(*args, "--db", str(archive))
    assert result.exit_code == 2, result.stderr
    [line] = result.stderr.splitlines()
    assert (
        line.startswith("newsarchive: error: ")
        and "'caf\\xe9' holds bytes" in line
        or ("'author:\\xe9' holds bytes" in line)
    ), line
    assert "no UTF-8 text" in line
