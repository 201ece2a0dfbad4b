"""The user's cache folder for newsarchive: one answer for every file cached there.

Two caches live in it, both rebuilt from what is installed when missing: simplemma's
dictionary as a trie (``archive.lemma_dictionary``) and the compiled regular expressions
(``pattern_cache``). Deleting the folder loses nothing but a first run's speed.
"""

from __future__ import annotations

from pathlib import Path


def default_folder() -> Path | None:
    """The user's cache folder for newsarchive (``$XDG_CACHE_HOME`` honoured), or None
    without ``platformdirs``."""
    try:
        from platformdirs import user_cache_dir
    except ImportError:  # pragma: no cover - a runtime dependency
        return None
    return Path(user_cache_dir("newsarchive"))
