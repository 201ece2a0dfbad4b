"""Which extractor made an article's text: recorded per article (``articles.extractor``).

A module of its own, free of the parser, so the archive code can stamp rows without
loading the extraction stack. Bump ``EXTRACTOR_REVISION`` whenever a change to extraction
or to the built-in profiles can change what is extracted from the same bytes: researchers
then know which texts predate the change, and ``reextract`` brings them up to date.
"""

from __future__ import annotations

from newsarchive import __version__

EXTRACTOR_REVISION = 52
EXTRACTOR_VERSION = f"newsarchive {__version__} extractor {EXTRACTOR_REVISION}"
