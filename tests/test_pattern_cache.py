"""Compiled regular expressions kept in the user's cache folder (``pattern_cache``): a
pattern read back is the one ``re`` compiles (flags, text and program), a command run
once fills the file and the next reads it, and a file cut short or a folder that cannot
be written changes nothing but the speed."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from importlib import import_module
from pathlib import Path

import pytest

from newsarchive import pattern_cache

_sre = import_module("_sre")  # (CPython's regex engine: a private module, no stubs)

# Patterns of every shape the compiler treats apart: named groups and back references,
# inline and passed flags, look-arounds, possessive and atomic parts, Cyrillic case
# folding, a character set past the BMP, a conditional group.
SHAPES: list[tuple[str | bytes, int]] = [
    (r"(?P<d>0?[1-9]|[12]\d|3[01])\.(?P<m>\d{1,2})\.(?P<y>\d{4})", 0),
    (r"(?i)(?<!\w)публикувано(?:\s+на)?:?", 0),
    (r"^(?:още|виж още|свързани)\b", re.IGNORECASE | re.MULTILINE),
    (r"(?=\d)(?<![\w.])(\d+)(?:st|nd|rd|th)?(?!\w)", 0),
    (r"(?P<q>[\"„])(a)(?(2)b|c)(?P=q)", 0),
    (r"(?>ab|a)c|x*+y", 0),
    (r"[\x00-\x20#%&+\x7f-\U0010ffff]", 0),
    (r"(?x) \d+  # a number\n  \s* (?:г\.|год)", re.UNICODE),
    (r"(?s)<p>(.*?)</p>", 0),
    (r"\bБанер\s*-\s*", re.I),
    (rb"<meta[^>]+charset=[\"']?(?P<charset>[\w-]+)", re.I),
]


def _run(folder: Path, code: str) -> dict[str, object]:
    """``code`` in a process of its own, the preload done first in ``folder``: what it
    prints as JSON (a preload changes ``re``'s cache and registers an exit step, which
    the test's own process must not carry)."""
    script = f"import json, re, sys\nfrom newsarchive import pattern_cache\n{code}\n"
    env = {**os.environ, "XDG_CACHE_HOME": str(folder)}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return dict(json.loads(done.stdout or "{}"))


def test_a_pattern_rebuilt_from_its_program_is_the_one_re_compiles() -> None:
    for pattern, flags in SHAPES:
        rebuilt = _sre.compile(pattern, *pattern_cache.program_of(pattern, flags))
        compiled = re.compile(pattern, flags)
        assert rebuilt == compiled, pattern
        assert (rebuilt.flags, rebuilt.groups, rebuilt.groupindex) == (
            compiled.flags, compiled.groups, compiled.groupindex
        )  # fmt: skip
    date = re.compile(SHAPES[0][0])
    rebuilt = _sre.compile(SHAPES[0][0], *pattern_cache.program_of(SHAPES[0][0], 0))
    found = rebuilt.search("от 14.03.2025 г.")
    assert found is not None and found.group("m", "y") == ("03", "2025")
    assert found.groupdict() == date.search("от 14.03.2025 г.").groupdict()  # type: ignore[union-attr]


def _held(*shapes: tuple[str | bytes, int]) -> set[int]:
    """The patterns' ids as ``re`` compiled them: held, as a module's constants are
    (``save``'s ``held``; by default the package's modules' own)."""
    return {id(re.compile(pattern, flags)) for pattern, flags in shapes}


def test_saved_patterns_are_read_back_equal_and_the_file_is_whole(tmp_path: Path) -> None:
    path = tmp_path / pattern_cache.file_name()
    re.compile(r"(?:a pattern compiled here, held by nothing)\d+")
    assert pattern_cache.save(path, {}, _held(*SHAPES)) == len(SHAPES)
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # (no part file left)
    stored = pattern_cache.read(path)
    assert sorted(stored, key=repr) == sorted(((p, int(f)) for p, f in SHAPES), key=repr)
    for pattern, flags in SHAPES:
        read_back, _ = stored[pattern, flags]
        assert read_back == re.compile(pattern, flags)
        assert read_back is not re.compile(pattern, flags)  # (built from the file)
        assert read_back.groupindex == re.compile(pattern, flags).groupindex
    assert pattern_cache.save(path, stored, _held(*SHAPES)) == 0  # nothing new: not rewritten


def test_a_file_cut_short_or_foreign_is_read_as_none(tmp_path: Path) -> None:
    path = tmp_path / pattern_cache.file_name()
    assert pattern_cache.save(path, {}, _held(SHAPES[1])) == 1
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2])
    assert pattern_cache.read(path) == {}
    path.write_bytes(b"not a marshal file at all")
    assert pattern_cache.read(path) == {}
    assert pattern_cache.read(tmp_path / "missing.marshal") == {}


def test_a_program_sre_refuses_is_left_out_and_the_rest_read(tmp_path: Path) -> None:
    import marshal

    good = (SHAPES[2][0], int(SHAPES[2][1]), pattern_cache.program_of(*SHAPES[2]))
    flags, code, groups, names, numbers = pattern_cache.program_of(*SHAPES[0])
    broken = (SHAPES[0][0], SHAPES[0][1], (flags, code[: len(code) // 2], groups, names, numbers))
    path = tmp_path / pattern_cache.file_name()
    path.write_bytes(marshal.dumps((1, pattern_cache.build(), [broken, good])))
    assert list(pattern_cache.read(path)) == [SHAPES[2]]
    path.write_bytes(marshal.dumps((1, "3.11.0 (another build)|20221023|4", [good])))
    assert pattern_cache.read(path) == {}  # (another build's programs: none taken)


def test_past_its_bound_the_file_keeps_this_processs_patterns_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / pattern_cache.file_name()
    pattern_cache.save(path, {}, _held(SHAPES[3]))
    stored = pattern_cache.read(path)
    assert list(stored) == [SHAPES[3]]
    re.purge()  # (SHAPES[3] no longer compiled here)
    monkeypatch.setattr(pattern_cache, "_MOST", 2)
    assert pattern_cache.save(path, stored, _held(SHAPES[4], SHAPES[5])) == 2
    assert set(pattern_cache.read(path)) == {SHAPES[4], SHAPES[5]}


@pytest.mark.parametrize(
    ("load", "least"),
    [
        pytest.param(
            "from newsarchive import relative_dates\n"
            "mine = [v for v in vars(relative_dates).values() if isinstance(v, re.Pattern)]\n",
            5,
            id="ours",
        ),
        # simplemma's rules for every language it knows (a dict keyed by patterns,
        # Finnish's 97), compiled afresh by every crawl that lemmatises: 0.1 s of its start
        pytest.param(
            "from simplemma.strategies.defaultrules import fi\n"
            "mine = [p for p in fi.DEFAULT_RULES if isinstance(p, re.Pattern)]\n",
            50,
            id="simplemma's rules",
        ),
    ],
)
def test_a_first_process_fills_the_file_and_the_next_takes_its_patterns_from_it(
    tmp_path: Path, load: str, least: int
) -> None:
    probe = (
        "pattern_cache.preload()\n"
        "before = dict(re._cache)\n"
        f"{load}"
        "read = [p for p in mine if any(p is q for q in before.values())]\n"
        "print(json.dumps({'patterns': len(mine), 'from the file': len(read)}))\n"
    )
    first = _run(tmp_path, probe)
    assert int(str(first["patterns"])) >= least
    assert first["from the file"] == 0
    files = list((tmp_path / "newsarchive").iterdir())
    assert [p.name for p in files] == [pattern_cache.file_name()]
    second = _run(tmp_path, probe)
    assert second == {"patterns": first["patterns"], "from the file": first["patterns"]}


def test_the_rules_patterns_from_the_file_are_those_compiled_afresh(tmp_path: Path) -> None:
    code = (
        "pattern_cache.preload()\n"
        "import newsarchive.extraction.pipeline\n"
        "ours = [m for n, m in sys.modules.items() if n.startswith('newsarchive.')]\n"
        "mine = [v for m in ours for v in vars(m).values() if isinstance(v, re.Pattern)]\n"
        "cached = [p for p in mine if any(p is c for c in re._cache.values())]\n"
        "re.purge()\n"
        "fresh = [re.compile(p.pattern, p.flags) for p in mine]\n"
        "print(json.dumps({'patterns': len(mine), 'cached': len(cached),"
        " 'equal': sum(a == b for a, b in zip(mine, fresh))}))\n"
    )
    _run(tmp_path, code)  # (the first process fills the file)
    again = _run(tmp_path, code)
    assert int(str(again["patterns"])) > 300
    assert again["equal"] == again["patterns"]
    assert again["cached"] == again["patterns"]


def test_a_pattern_built_from_a_pages_words_is_not_kept(tmp_path: Path) -> None:
    page = Path(__file__).parent / "fixtures" / "bg_dates" / "agency_closing_byline.html"
    code = (
        "pattern_cache.preload()\n"
        "from newsarchive.extraction import extract\n"
        f"html = open({str(page)!r}, encoding='utf-8').read().replace('Мария Петрова', NAME)\n"
        "print(json.dumps({'author': extract(html).author}))\n"
    )
    assert _run(tmp_path, "NAME = 'Мария Петрова'\n" + code) == {"author": "Мария Петрова"}
    path = tmp_path / "newsarchive" / pattern_cache.file_name()
    kept = pattern_cache.read(path)
    assert len(kept) > 300
    assert not [key for key in kept if "Петрова" in str(key[0])]  # (built of the byline's words)
    written = path.stat().st_mtime_ns
    assert _run(tmp_path, "NAME = 'Иван Иванов'\n" + code) == {"author": "Иван Иванов"}
    assert path.stat().st_mtime_ns == written  # nothing new held: the file not rewritten


def test_where_no_file_can_be_written_patterns_compile_as_before(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the cache folder would be\n")
    # (``atexit._ncallbacks``, CPython's count of exit steps: no save was promised, so no
    # process pays the saving's work at exit for a folder it can never write)
    probe = (
        "import atexit\n"
        "steps = atexit._ncallbacks()\n"
        "print(json.dumps({'preloaded': pattern_cache.preload(),"
        " 'exit steps added': atexit._ncallbacks() - steps,"
        " 'found': re.compile(r'(\\d+)\\.(\\d+)').search('на 3.03').group(2)}))\n"
    )
    assert _run(blocker, probe) == {"preloaded": True, "exit steps added": 0, "found": "03"}
    assert blocker.is_file()
    writable = _run(tmp_path / "home", probe)  # (the same probe where a folder can be made)
    assert writable["exit steps added"] == 1


def test_the_console_command_fills_the_file_and_prints_alike_when_it_reads_it(
    tmp_path: Path,
) -> None:
    page = Path(__file__).parent / "fixtures" / "bg_dates" / "agency_closing_byline.html"
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    command = [sys.executable, "-m", "newsarchive", "extract", str(page)]
    first = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    files = [p.name for p in (tmp_path / "newsarchive").iterdir()]
    second = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert first.returncode == second.returncode == 0, first.stderr + second.stderr
    assert pattern_cache.file_name() in files
    assert len(pattern_cache.read(tmp_path / "newsarchive" / pattern_cache.file_name())) > 300
    assert second.stdout == first.stdout
    assert json.loads(first.stdout)["published"] == "2026-05-14T10:30:00"


def test_a_user_with_no_home_has_no_cache_folder_and_nothing_is_preloaded(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import platformdirs

    from newsarchive.cache_folder import default_folder

    monkeypatch.chdir(tmp_path)
    # (what platformdirs answers with neither $HOME nor a password entry: "~" unexpanded)
    monkeypatch.setattr(platformdirs, "user_cache_dir", lambda name: f"~/.cache/{name}")
    assert default_folder() is None
    assert pattern_cache.preload() is False
    assert list(tmp_path.iterdir()) == []  # (no "~" folder made where the command ran)
