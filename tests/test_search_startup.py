"""search, show and export start quickly: they never import the crawl stack, sqlite-utils
or the lemmatizer (whose dictionary costs ~200 ms to load)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from .search_corpus import build
from .support import Result

HEAVY = ("httpx", "selectolax", "sqlite_utils", "simplemma", "pydantic", "newsarchive.crawl")

PROBE = """
import json, sys
from newsarchive.cli import main
sys.argv = ["newsarchive", *json.loads(sys.argv[1])]
try:
    main()
except SystemExit:
    pass
sys.stdout = sys.__stdout__
print("\\nMODULES" + json.dumps(sorted(sys.modules)))
"""


def loaded_modules(*args: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(args)],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(json.loads(done.stdout.rsplit("MODULES", 1)[1]))


@pytest.mark.parametrize(
    "args",
    [
        ("search", "община", "--format", "json"),
        ("search", "общините -парк", "--format", "table"),
        ("search", "община", "--count", "--format", "json"),
        ("show", "1"),
        ("export",),
    ],
)
def test_read_commands_import_nothing_heavy(
    run_cli: Callable[..., Result], db: Path, args: tuple[str, ...]
) -> None:
    build(run_cli, db)
    modules = loaded_modules(*args, "--db", str(db))
    assert "newsarchive.archive.store" in modules or args[0] != "search"
    assert not {m for m in modules for heavy in HEAVY if m == heavy or m.startswith(heavy + ".")}
