"""The console command's first step: nothing but the import of the CLI, guarded.

Loading the CLI (Typer, rich, the commands) takes some tens of milliseconds, and a Ctrl-C
in that time printed Python's KeyboardInterrupt traceback. Here it is an exit like the
CLI's own: 130 for SIGINT, 143 for SIGTERM, before anything was written.

The guard stands only once ``main`` runs; everything before it (this module and the
package's ``__init__``, imported by the console script) is outside it, so both import
nothing at their top level but ``sys``, which the interpreter has loaded already: not
``typing`` (which held that window open for some 10 ms), not ``__future__``, not even
``signal`` (it pulls in ``enum`` and ``functools``). What is left before the guard is
the interpreter's own start (``site``, the environment's ``.pth`` files) and the two
import statements themselves, out of reach of any code of ours.
"""

import sys

TYPE_CHECKING = False  # (``typing`` itself is the slow import this module avoids)
if TYPE_CHECKING:
    from types import FrameType

# ``errors.EXIT_SIGINT`` and ``errors.EXIT_SIGTERM``, copied: importing even that module
# before the guard stands would widen the window it closes (a test holds them equal)
EXIT_SIGINT = 130
EXIT_SIGTERM = 143


class Terminated(SystemExit):
    """SIGTERM (``timeout``, ``kill``, a service stopping) while a command runs.

    It unwinds like Ctrl-C, so every ``finally`` runs, then the process ends by the
    signal as before. SIGTERM's default, death on the spot, left an ``export --out``'s
    side file (``.NAME.partial``, 30 MB) behind and said nothing at all. A crawl
    installs its own handler (finish the pages in hand) and puts this one back after."""


def _terminated(signum: int, frame: "FrameType | None") -> None:
    raise Terminated(EXIT_SIGTERM)


def without_httpx_cli() -> None:
    """Keep ``import httpx`` from loading httpx's own command-line client.

    httpx's ``__init__`` imports its ``httpx`` console command (``httpx._main``) whenever
    that command's libraries are installed, and here they are: click (sqlite-utils needs
    it), pygments, rich's progress bars and syntax colouring. No command of ours runs
    it, yet every crawl paid for it at start: the crawl stack's imports took 0.25-0.32 s
    of CPU without it, 0.33-0.41 s with it (4 runs each). ``None`` under a module's name
    in ``sys.modules`` is Python's own way to refuse an import; httpx catches the
    ImportError and puts a stub in the client's place, its documented fallback for an
    install without ``httpx[cli]``.
    Only the console command does this: a program that imports our package as a library
    keeps httpx as it comes."""
    sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]


def main() -> None:
    try:
        import signal

        signal.signal(signal.SIGTERM, _terminated)
        if sys.stdout is None or sys.stderr is None or sys.stdin is None:  # closed by the caller
            from newsarchive.std_streams import reopen_closed

            reopen_closed()
        from newsarchive.pattern_cache import preload

        preload()  # (before any module of rules compiles its patterns)
        without_httpx_cli()
        from newsarchive.std_streams import forget_unusable_width, tolerate_deaf_stderr

        tolerate_deaf_stderr()
        forget_unusable_width()
        from newsarchive.cli import main as run

        run()
    except KeyboardInterrupt:  # before the CLI's own guard stood, or after it fell
        sys.stderr.write("newsarchive: interrupted\n")
        sys.exit(EXIT_SIGINT)
    except Terminated:
        import os
        import signal

        sys.stderr.write("newsarchive: stopped by SIGTERM\n")
        sys.stderr.flush()
        # Ended by the signal, as before: systemd counts that a clean stop of `serve`,
        # where exit 143 would be a failed unit; a shell still sees 143.
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGTERM)
        sys.exit(EXIT_SIGTERM)
