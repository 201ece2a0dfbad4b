"""The user's cache folder for newsarchive: one answer for every file cached there.

Two caches live in it, both rebuilt from what is installed when missing: simplemma's
dictionary as a trie (``archive.lemma_dictionary``) and the compiled regular expressions
(``pattern_cache``). Deleting the folder loses nothing but a first run's speed.
"""

from __future__ import annotations

from pathlib import Path


def default_folder() -> Path | None:
    """The user's cache folder for newsarchive (``$XDG_CACHE_HOME`` honoured), or None
    without ``platformdirs`` or a home: a user with neither ``$HOME`` nor an entry in
    the password database (a container's arbitrary uid) is given "~/.cache/…", which
    would be a folder made under the current directory."""
    try:
        from platformdirs import user_cache_dir
    except ImportError:  # pragma: no cover - a runtime dependency
        return None
    folder = Path(user_cache_dir("newsarchive"))
    return folder if folder.is_absolute() else None
