"""Helpers shared by tests: fixture locations and the CLI result type."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
SITES = FIXTURES / "sites"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@dataclass
class Result:
    """What a CLI run left behind: exit code and the two streams, kept apart."""

    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> object:
        return json.loads(self.stdout)
