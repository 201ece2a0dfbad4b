"""newsarchive: build and search a local archive of Bulgarian municipal and regional news.

The public API is loaded lazily, so ``newsarchive search`` does not pay for the parser
and HTTP stack that only ``crawl`` and ``extract`` need.
"""

# Nothing is imported at run time (``typing`` and ``__future__`` included, hence the
# quoted annotation): the console command's Ctrl-C guard (``entry.main``) stands only
# after this module ran, and ``typing`` alone held that window open for some 10 ms.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from newsarchive.extraction.pipeline import extract
    from newsarchive.models import Article, Profile

__version__ = "0.1.0"
__all__ = ["Article", "Profile", "__version__", "extract"]


def __getattr__(name: str) -> "Any":
    if name == "extract":
        from newsarchive.extraction.pipeline import extract

        return extract
    if name in ("Article", "Profile"):
        from newsarchive import models

        return getattr(models, name)
    raise AttributeError(f"module 'newsarchive' has no attribute {name!r}")
