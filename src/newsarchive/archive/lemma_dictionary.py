"""simplemma's dictionary of a language, opened from a MARISA trie cached on disk.

Why: every process that writes articles lemmatises them (``lemmas.Lemmatizer``), and
simplemma decodes its shipped Bulgarian dictionary (LZMA, 226,000 forms) on first use:
about 230 ms and 26 MB (``make demo``: 6.6-6.9 s before, 5.7-5.9 s with the trie). The
same forms as a trie in the user's cache folder open in a few milliseconds
(memory-mapped, so a reextract's workers share one copy), and lemmatise alike: every one
of 50,000 forms tried, known and made up, gave the same lemma. A lookup costs about
13 µs more than in simplemma's dict, so a process lemmatising over ~17,000 distinct
forms pays the saving back (``Lemmatizer`` asks each form once).

The trie is built once, on the first use after simplemma is installed or upgraded (its
version names the file; about a second), written to a temporary file and renamed, so an
overlapping process reads either no file or a whole one. Where the cache folder cannot
be written (a read-only home, another user's), or ``marisa-trie`` is missing, ``None``
says so and simplemma's own loading is used, as before. simplemma's
``TrieDictionaryFactory`` does the same job but writes its file in place (a process
starting meanwhile reads half a file, warns and deletes it) and, with no folder it can
write, rebuilds the trie in every process, four times slower than its default; hence
this loader, on simplemma's public ``DictionaryFactory`` protocol and marisa-trie's own
API.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from newsarchive.cache_folder import default_folder


class TrieForms(Mapping[str, str]):
    """Form → lemma read from a ``marisa_trie.BytesTrie`` (the lemma stored as UTF-8)."""

    def __init__(self, trie: Any) -> None:
        self._trie = trie

    def __getitem__(self, form: str) -> str:
        found = self._trie.get(form)
        if not found:
            raise KeyError(form)
        return str(found[0].decode())

    def get(self, form: str, default: Any = None) -> Any:  # (simplemma asks ``get``)
        found = self._trie.get(form)
        return found[0].decode() if found else default

    def __iter__(self) -> Iterator[str]:
        return iter(self._trie.keys())

    def __len__(self) -> int:
        return len(self._trie)


class CachedTries:
    """A simplemma ``DictionaryFactory`` of the tries opened by ``cached_tries``."""

    def __init__(self, forms: Mapping[str, str], lang: str) -> None:
        self._forms = forms
        self._lang = lang

    def get_dictionary(self, lang: str) -> Mapping[str, str]:
        if lang != self._lang:
            raise ValueError(f"only {self._lang!r} is cached here, not {lang!r}")
        return self._forms


def cached_tries(lang: str, folder: Path | None = None) -> CachedTries | None:
    """simplemma's ``lang`` dictionary as a trie under ``folder`` (the user's cache by
    default): opened if there, else built and written there first; None where it cannot
    be (no marisa-trie or simplemma, a folder that cannot be written)."""
    try:
        import marisa_trie
        import simplemma
        from simplemma.strategies import DefaultStrategy  # noqa: F401 (``lemmas`` builds one)
        from simplemma.strategies.dictionaries import DefaultDictionaryFactory
    except ImportError:
        return None
    # (its own attribute: ``importlib.metadata`` alone took 70 ms to import, a third of
    # what the cache saves)
    release = getattr(simplemma, "__version__", None)
    if not isinstance(release, str):
        return None  # (a simplemma that names no version: no file could tell its data's)
    folder = folder if folder is not None else default_folder()
    if folder is None:
        return None
    path = folder / f"simplemma-{release}-{lang}.marisa"
    trie = marisa_trie.BytesTrie()
    try:
        trie.mmap(str(path))
        return CachedTries(TrieForms(trie), lang)
    except (OSError, RuntimeError):  # (marisa's errors: none yet, or not a whole trie)
        pass
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, part = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".part")
    except OSError:
        return None  # (asked before a second goes on building: a folder no one can write)
    os.close(handle)
    try:
        forms = DefaultDictionaryFactory().get_dictionary(lang)
        built = marisa_trie.BytesTrie((form, lemma.encode()) for form, lemma in forms.items())
        try:
            built.save(part)
            os.replace(part, path)
        except (OSError, RuntimeError):  # (a disk that filled: marisa's MARISA_IO_ERROR)
            pass  # (the trie built serves this process; the next one tries again)
    finally:  # (a build that failed raises as simplemma's own loading would: no empty trie)
        with contextlib.suppress(OSError):
            os.unlink(part)
    return CachedTries(TrieForms(built), lang)
