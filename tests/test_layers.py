"""The data flow is visible in the imports: a lower stage never imports a higher one.

site profile and shared values → discovery → fetch → extraction → archive → everything
that runs them (crawl, search, web, CLI). A lower stage that reached up would drag the
higher one's dependencies (and its cycles) into every caller of the lower one.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "newsarchive"
# Rank of each package or module under newsarchive; anything unlisted runs the stages.
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
    "discover": 1,
    "fetch": 2,
    "extraction": 3,
    "archive": 4,
}
TOP = max(RANKS.values()) + 1


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
