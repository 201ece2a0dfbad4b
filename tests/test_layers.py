"""The data flow is visible in the imports: a lower stage never imports a higher one.

site profile and shared values → discovery → fetch → extraction → archive → what reads
the archive out (search, export, web) → what runs the stages (a site's crawl, re-extraction, the
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
    "gzip_file": 0,
    "markup": 0,
    "char_references": 0,
    "tag_attributes": 0,
    "streamed": 0,
    "php_notices": 0,
    "dates": 0,
    # the parts split off dates.py: its words, its stamps, its relative dates
    "date_words": 0,
    "date_stamps": 0,
    "relative_dates": 0,
    "site_clock": 0,
    "extractor_version": 0,
    "link_header": 0,
    "class_names": 0,
    "memo": 0,
    "utf8_strays": 0,
    "hosts": 0,
    "pem_files": 0,
    "transliteration": 0,
    "language_tags": 0,
    "led_words": 0,
    # what a link to a document (an order's PDF) looks like: discovery's file rows and an
    # article's list of attachments
    "documents": 0,
    # page data's decoders (Nuxt 2's JavaScript, devalue's flat form): discovery reads a
    # listing's items with them, extraction an article's text
    "jsvalue": 0,
    "devalue": 0,
    "profiles": 0,
    # plumbing that knows no stage: what it runs is handed to it
    "std_streams": 0,
    "readahead": 0,
    "prepare_ahead": 0,
    # the user's cache folder, and the compiled patterns kept there (a process's first step)
    "cache_folder": 0,
    "pattern_cache": 0,
    "discover": 1,
    # the part split off discover/next_pages.py, ranked as the rest of discover
    "discover.archive_pages": 1,
    "fetch": 2,
    # the parts split off fetch/client.py, ranked as the rest of fetch
    "fetch.robots": 2,
    "fetch.failures": 2,
    "fetch.site_moves": 2,
    "extraction": 3,
    "archive": 4,
    # reading the archive out: never starts a crawl. Search lives in archive/ but above
    # what writes it: no write path may need a query parsed or a timeline drawn.
    "archive.search": 5,
    "archive.query": 5,
    "archive.timeline": 5,
    "archive.copies": 5,
    "archive.datasette": 5,
    "export": 5,
    "web": 5,
    # running the stages: exploring a site (discovery's requests), a site's crawl,
    # re-extraction and the imports that archive pages as a crawl does
    "crawl_run": 6,
    "explorer": 6,
    "harvest": 6,
    "crawl_sources": 6,
    "crawl_rests": 6,
    "crawl_discovery": 6,
    "crawl": 6,
    "crawl_sites": 6,
    "reextract": 6,
    "warc_import": 6,
    "jsonl_import": 6,
    "import_writer": 6,
    # what the commands do, callable without the CLI
    "api": 7,
    # the part split off api.py: the archive's health (stats, rested sources, idle sites)
    "archive_health": 7,
    "add_site": 7,
    "check_site": 7,
    "crawl_command": 7,
    "render": 7,
}
TOP = max(RANKS.values()) + 1
# Above every stage, so no ranked module may import them: the CLI (its commands, their
# errors and shared options, search's output) and its entry point, and the offline
# mirror server that only the tests and ``make demo`` run.
UNRANKED = {
    "__init__", "__main__", "cli", "cli_errors", "cli_options", "search_output", "entry",
    "demo", "mirror",
}  # fmt: skip


def _stage(parts: list[str]) -> str:
    """The stage of a module named by its parts under newsarchive: a module ranked on its
    own inside a package (["archive", "search"]), else its package or top-level module."""
    inner = ".".join(parts[:2])
    return inner if inner in RANKS else parts[0]


def _part(dotted: str) -> str:
    """The stage a dotted module name belongs to: "newsarchive.fetch.client" → "fetch"."""
    parts = dotted.split(".")
    return _stage(parts[1:]) if len(parts) > 1 else "newsarchive"


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "newsarchive":
                found.update(alias.name for alias in node.names)
            elif node.module.startswith("newsarchive."):
                # ("from newsarchive.archive import search" names a module of its own)
                found.update(_part(f"{node.module}.{alias.name}") for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(_part(a.name) for a in node.names if a.name.startswith("newsarchive."))
    return found


def _own_stage(path: Path) -> str:
    return _stage(list(path.relative_to(SRC).with_suffix("").parts))


def _staged_modules() -> list[Path]:
    return sorted(path for path in SRC.rglob("*.py") if RANKS.get(_own_stage(path), TOP) < TOP)


@pytest.mark.parametrize("path", _staged_modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_a_stage_imports_only_its_own_and_lower_stages(path: Path) -> None:
    own = RANKS[_own_stage(path)]
    higher = sorted(name for name in _imports(path) if RANKS.get(name, TOP) > own)
    assert higher == [], f"{path.relative_to(SRC)} imports higher stages {higher}"


def test_the_check_sees_an_upward_import(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        "from newsarchive.fetch.client import Fetcher\nfrom newsarchive import crawl\n"
        "from newsarchive.archive.store import Store\nfrom newsarchive.archive import query\n"
    )
    assert _imports(module) == {"fetch", "crawl", "archive", "archive.query"}


def test_every_module_has_a_place() -> None:
    """A new module is ranked, or named as running above them all, on purpose: left out,
    it would be free to import anything and nothing ranked could import it."""
    tops = {path.relative_to(SRC).parts[0].removesuffix(".py") for path in SRC.rglob("*.py")}
    assert sorted(tops - RANKS.keys() - UNRANKED) == []
    modules = {_own_stage(path) for path in SRC.rglob("*.py")}
    assert sorted((RANKS.keys() | UNRANKED) - modules - {"__version__"}) == []
