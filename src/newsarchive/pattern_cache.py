"""Regular expressions compiled once per Python build, not once per process.

Why: the rules compile some 700 patterns as their modules load (the dates', bylines'
and furniture's vocabularies in a dozen languages among them), simplemma's some 360
more (``HELD_PACKAGES``), and Python's regex
compiler is written in Python: 0.3 s of the 0.65 s a crawl process spent importing, in
every process (each cron night, each ``search``, each of the test suite's 440 commands).
A compiled pattern's program is a list of integers; ``marshal`` reads the ~830 the
modules hold (ours ~460, simplemma's ~370) back in 15-20 ms. The crawl's imports: about
0.4 s instead of 0.65 s; ``extract`` of one page: 0.28-0.30 s of CPU instead of
0.50-0.53 s; the test suite, back to back: 393 s instead of 423 s.

How: ``preload`` (the console command's first step, ``entry.main``, before any rule
module loads) reads this build's file from the user's cache folder and puts each pattern
in ``re``'s own cache, where ``re.compile`` finds it; a pattern the file lacks compiles
as always. At exit, the patterns the package's modules hold (``held_by_modules``: their
constants, not what a command built from its input) that the file lacked are added to
it, written whole to a temporary file and renamed, as the lemma trie is. Each is checked
first: the pattern rebuilt from the stored program must equal (``==``: flags, text and
program) the one ``re`` compiled. So the file holds only programs this build's compiler
made, a command run once fills it, and the next ones leave it be.

This leans on ``re``'s internals (``re._cache``, ``re._MAXCACHE``, ``re._parser``,
``re._compiler`` and ``_sre.compile``), which is why the file is for one build alone
(``build``: ``sys.version`` and sre's ``MAGIC``, checked when read) and why every step
gives way quietly: on a Python whose internals differ, a file that cannot be read or a
folder that cannot be written, patterns compile as they always did, and no command
fails for it.
"""

from __future__ import annotations

import contextlib
import importlib
import marshal
import os
import re
import sys
import zlib
from pathlib import Path
from types import BuiltinMethodType
from typing import Any

# What the file holds, named in it: a change of the layout below changes this.
_FORMAT = 1
# ``re``'s cache is raised by this much over the patterns loaded: its misses evict the
# oldest entry, which would be a loaded pattern no module had asked for yet, or, with no
# file yet, one the exit's saving would miss (a crawl's modules compile some 700, and
# simplemma's some 360).
_ROOM = 2048
# The file is started afresh past this many patterns (rewritten with this process's
# alone), some three times what the modules hold: each release that rewords a rule adds
# its new pattern, and the old one would stay for good, read by every command.
_MOST = 3000
# Containers wider than this are not searched for patterns (a dictionary's forms).
_WIDEST = 5000

# (pattern, flags as passed to ``re.compile``): what ``re``'s cache is keyed by, with
# the pattern's type (``str`` or ``bytes``), which the pattern itself tells.
Key = tuple[str | bytes, int]
# The arguments of ``_sre.compile`` but the pattern: flags, program, groups, group
# names by number and back.
Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]


def _sre() -> Any:
    """CPython's regex engine, whose ``compile`` builds a pattern from its program (no
    stubs: a private module)."""
    return importlib.import_module("_sre")


def build() -> str:
    """The Python build a program is valid for: its version string names the build (its
    date and compiler too), and sre's ``MAGIC`` the programs' instruction set. Written
    in the file and checked when it is read: a file's name tells builds apart only as
    well as a checksum does."""
    engine = _sre()
    return f"{sys.version}|{engine.MAGIC}|{engine.CODESIZE}"


def file_name() -> str:
    """This Python build's file (no two builds share one, as several Pythons may run
    the command under one user)."""
    return f"patterns-{sys.implementation.cache_tag}-{zlib.crc32(build().encode()):08x}.marshal"


def preload(folder: Path | None = None) -> bool:
    """Put the patterns of ``folder``'s file (the user's cache folder by default) in
    ``re``'s cache, and, where the folder can be written, add the patterns this process
    compiles to the file when it exits. False when ``re`` is not as this module knows it
    or no folder is known: nothing was changed."""
    cache = getattr(re, "_cache", None)
    if not isinstance(cache, dict) or not isinstance(getattr(re, "_MAXCACHE", None), int):
        return False
    if folder is None:
        from newsarchive.cache_folder import default_folder

        folder = default_folder()
        if folder is None:
            return False
    path = folder / file_name()
    stored = read(path)
    for (pattern, flags), (compiled, _) in stored.items():
        cache.setdefault((type(pattern), pattern, flags), compiled)
    re._MAXCACHE = max(re._MAXCACHE, len(cache) + _ROOM)  # type: ignore[attr-defined]
    if _writable(folder):
        import atexit

        atexit.register(_save_at_exit, path, stored)
    return True


def read(path: Path) -> dict[Key, tuple[re.Pattern[Any], Program]]:
    """The file's patterns, each rebuilt from its program; none from a file that is
    missing, cut or of another layout, and none of an entry ``_sre`` refuses."""
    engine = _sre()
    try:
        layout, made_by, entries = marshal.loads(path.read_bytes())
    except Exception:  # noqa: BLE001 (missing, cut, or not this layout, however it fails)
        return {}
    if layout != _FORMAT or made_by != build() or not isinstance(entries, list):
        return {}
    patterns: dict[Key, tuple[re.Pattern[Any], Program]] = {}
    for entry in entries:
        try:
            pattern, flags, program = entry
            patterns[pattern, flags] = (engine.compile(pattern, *program), program)
        except Exception:  # noqa: BLE001 (sre's "invalid SRE code", a malformed entry)
            continue
    return patterns


def program_of(pattern: str | bytes, flags: int) -> Program:
    """What ``re._compiler.compile`` hands ``_sre.compile`` for ``pattern``, as plain
    ints (the compiler's opcodes are an ``int`` subclass ``marshal`` cannot write)."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    names = dict(parsed.state.groupdict)
    by_number: list[str | None] = [None] * parsed.state.groups
    for name, number in names.items():
        by_number[number] = name
    return (
        int(flags | parsed.state.flags),
        [int(op) for op in code],
        parsed.state.groups - 1,
        {str(name): int(number) for name, number in names.items()},
        tuple(by_number),
    )


# The packages whose modules' patterns the file keeps (``held_by_modules``): ours, and
# simplemma's, whose rules compile some 360 patterns for every language it knows as
# it loads (a Finnish word's suffixes among them, though our archive lemmatises
# Bulgarian by its dictionary alone), 0.1 s of every crawl's start.
HELD_PACKAGES = ("newsarchive", "simplemma")


def held_by_modules(packages: tuple[str, ...] = HELD_PACKAGES) -> set[int]:
    """The ids of the compiled patterns the packages' modules hold: in their namespaces,
    in the containers there (a tuple of rules, a dict of patterns by language, or with
    patterns for keys, as simplemma's rules are) and in their classes' namespaces. What
    a module compiles as it loads is held so; a pattern a command builds from its input
    (a byline's names) is not, and is not worth a file's rewrite: the next process
    builds another. Other packages' patterns are left to compile as they always did: a
    few milliseconds' worth, where searching all their modules took 0.4 s at every
    exit."""
    held: set[int] = set()
    seen: set[int] = set()

    def visit(value: object, depth: int) -> None:
        if isinstance(value, re.Pattern):
            held.add(id(value))
        elif isinstance(value, BuiltinMethodType) and isinstance(value.__self__, re.Pattern):
            held.add(id(value.__self__))  # (``_find = re.compile(...).search``)
        elif not depth or id(value) in seen:
            return
        elif isinstance(value, (tuple, list, frozenset, set, dict)):
            seen.add(id(value))
            if len(value) <= _WIDEST:
                items = (*value.keys(), *value.values()) if isinstance(value, dict) else value
                for item in tuple(items):
                    visit(item, depth - 1)
        elif isinstance(value, type):
            seen.add(id(value))
            for item in tuple(vars(value).values()):
                visit(item, depth - 1)

    for name, module in tuple(sys.modules.items()):
        if name.partition(".")[0] in packages:
            for value in tuple(getattr(module, "__dict__", {}).values()):
                visit(value, 3)
    return held


def save(
    path: Path, stored: dict[Key, tuple[re.Pattern[Any], Program]], held: set[int] | None = None
) -> int:
    """Add to ``path`` the patterns in ``re``'s cache that modules hold
    (``held_by_modules``) and ``stored`` (the file as read) lacks; the number added.
    Each is kept only if the pattern rebuilt from its program equals the one ``re``
    compiled."""
    engine = _sre()
    compiled_here = {
        (pattern, flags): compiled
        for (kind, pattern, flags), compiled in tuple(getattr(re, "_cache", {}).items())
        if kind in (str, bytes) and not flags & re.DEBUG
    }
    new = {key: compiled for key, compiled in compiled_here.items() if key not in stored}
    if not new:
        return 0
    held = held_by_modules() if held is None else held
    added: dict[Key, Program] = {}
    for key, compiled in new.items():
        if id(compiled) not in held:
            continue
        try:
            program = program_of(*key)
            if engine.compile(key[0], *program) == compiled:
                added[key] = program
        except Exception:  # noqa: BLE001 (a compiler unlike this module's: keep none of it)
            return 0
    if not added:
        return 0
    kept = {key: program for key, (_, program) in stored.items()}
    if len(kept) + len(added) > _MOST:
        kept = {key: program for key, program in kept.items() if key in compiled_here}
    entries = [(p, f, program) for (p, f), program in {**kept, **added}.items()]
    import tempfile  # (here: its imports cost every command 9 ms, and a save is rare)

    try:
        handle, part = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    except OSError:
        return 0
    try:
        with os.fdopen(handle, "wb") as out:
            marshal.dump((_FORMAT, build(), entries), out)
        os.replace(part, path)
    except OSError:
        return 0
    finally:
        with contextlib.suppress(OSError):
            os.unlink(part)
    return len(added)


def _save_at_exit(path: Path, stored: dict[Key, tuple[re.Pattern[Any], Program]]) -> None:
    """``save`` as the process exits: whatever goes wrong is the cache's loss alone, and
    a Ctrl-C meanwhile ends the saving, not the process's exit status."""
    with contextlib.suppress(BaseException):
        save(path, stored)


def _writable(folder: Path) -> bool:
    """Whether the folder is there, or can be made, and written: asked before the work
    of saving is promised (a read-only home would pay it at every exit, for nothing)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK | os.X_OK)
