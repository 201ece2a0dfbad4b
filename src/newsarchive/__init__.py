"""newsarchive: build and search a local archive of Bulgarian municipal and regional news.

The public API is loaded lazily, so ``newsarchive search`` does not pay for the parser
and HTTP stack that only ``crawl`` and ``extract`` need.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Article", "Profile", "__version__", "extract"]

if TYPE_CHECKING:
    from newsarchive.extraction.pipeline import extract
    from newsarchive.models import Article, Profile


def __getattr__(name: str) -> Any:
    if name == "extract":
        from newsarchive.extraction.pipeline import extract

        return extract
    if name in ("Article", "Profile"):
        from newsarchive import models

        return getattr(models, name)
    raise AttributeError(f"module 'newsarchive' has no attribute {name!r}")
