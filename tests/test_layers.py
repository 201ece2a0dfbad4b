"""The data flow is visible in the imports: a lower stage never imports a higher one.

site profile and shared values → discovery → fetch → extraction → archive → what reads
the archive out (export, web) → what runs the stages (a site's crawl, re-extraction, the
imports) → what the commands do (``api``) → the CLI. A lower stage that reached up would
drag the higher one's dependencies (and its cycles) into every caller of the lower one.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "newsarchive"
# Rank of each package or module under newsarchive; one of the same rank may import it.
RANKS = {
    "__version__": 0,
    "models": 0,
    "errors": 0,
    "safe_text": 0,
    "markup": 0,
    "streamed": 0,
    "dates": 0,
    "site_clock": 0,
    "extractor_version": 0,
    "profiles": 0,
    # plumbing that knows no stage: what it runs is handed to it
    "std_streams": 0,
    "readahead": 0,
    "prepare_ahead": 0,
    "discover": 1,
    "fetch": 2,
    "extraction": 3,
    "archive": 4,
    # reading the archive out: never starts a crawl
    "export": 5,
    "web": 5,
    # running the stages: exploring a site (discovery's requests), a site's crawl,
    # re-extraction and the imports that archive pages as a crawl does
    "crawl_run": 6,
    "explorer": 6,
    "harvest": 6,
    "crawl_sources": 6,
    "crawl_discovery": 6,
    "crawl": 6,
    "crawl_sites": 6,
    "reextract": 6,
    "warc_import": 6,
    # what the commands do, callable without the CLI
    "api": 7,
    "add_site": 7,
    "check_site": 7,
    "crawl_command": 7,
    "render": 7,
}
TOP = max(RANKS.values()) + 1
# Above every stage, so no ranked module may import them: the CLI and its entry point,
# and the offline mirror server that only the tests and ``make demo`` run.
UNRANKED = {"__init__", "__main__", "cli", "entry", "demo", "mirror"}


def _part(dotted: str) -> str:
    """The stage a dotted module name belongs to: "newsarchive.fetch.client" → "fetch"."""
    parts = dotted.split(".")
    return parts[1] if len(parts) > 1 else "newsarchive"


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "newsarchive":
                found.update(alias.name for alias in node.names)
            elif node.module.startswith("newsarchive."):
                found.add(_part(node.module))
        elif isinstance(node, ast.Import):
            found.update(_part(a.name) for a in node.names if a.name.startswith("newsarchive."))
    return found


def _staged_modules() -> list[Path]:
    return sorted(
        path
        for path in SRC.rglob("*.py")
        if RANKS.get(path.relative_to(SRC).parts[0].removesuffix(".py"), TOP) < TOP
    )


@pytest.mark.parametrize("path", _staged_modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_a_stage_imports_only_its_own_and_lower_stages(path: Path) -> None:
    own = RANKS[path.relative_to(SRC).parts[0].removesuffix(".py")]
    higher = sorted(name for name in _imports(path) if RANKS.get(name, TOP) > own)
    assert higher == [], f"{path.relative_to(SRC)} imports higher stages {higher}"


def test_the_check_sees_an_upward_import(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        "from newsarchive.fetch.client import Fetcher\nfrom newsarchive import crawl\n"
    )
    assert _imports(module) == {"fetch", "crawl"}


def test_every_module_has_a_place() -> None:
    """A new module is ranked, or named as running above them all, on purpose: left out,
    it would be free to import anything and nothing ranked could import it."""
    tops = {path.relative_to(SRC).parts[0].removesuffix(".py") for path in SRC.rglob("*.py")}
    assert sorted(tops - RANKS.keys() - UNRANKED) == []
    assert sorted((RANKS.keys() | UNRANKED) - tops - {"__version__"}) == []
