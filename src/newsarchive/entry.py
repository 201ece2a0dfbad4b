"""The console command's first step: nothing but the import of the CLI, guarded.

Loading the CLI (Typer, rich, the commands) takes some tens of milliseconds, and a Ctrl-C
in that time printed Python's KeyboardInterrupt traceback. Here it is an exit like the
CLI's own: 130 for SIGINT, 143 for SIGTERM, before anything was written. (Only the
interpreter's own start, before this module runs, is out of reach.)
"""

from __future__ import annotations

import signal
import sys
from types import FrameType


def _terminated(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(143)


def main() -> None:
    try:
        previous = signal.signal(signal.SIGTERM, _terminated)
        from newsarchive.cli import main as run

        signal.signal(signal.SIGTERM, previous)  # the commands install their own
        run()
    except KeyboardInterrupt:  # before the CLI's own guard stood, or after it fell
        sys.stderr.write("newsarchive: interrupted\n")
        sys.exit(130)
