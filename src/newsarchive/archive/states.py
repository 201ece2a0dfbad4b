"""The states of a frontier row, apart from the frontier: the readers of an archive
(``stats``, Datasette's queries: ``archive.gone``) name them without importing the crawl's
machinery (``discover``, selectolax) that the frontier needs.
"""

from __future__ import annotations

import enum


class State(enum.StrEnum):
    """Where a queued URL stands; stored as text in ``frontier.state``."""

    QUEUED = "queued"
    DONE = "done"  # archived
    FAILED = "failed"  # retried on later runs, up to MAX_ATTEMPTS
    GONE = "gone"  # 404/410: settled
    DISALLOWED = "disallowed"  # robots.txt: settled
    OLD = "old"  # older than --since: settled for runs with that or a later one (``old_since``)
    NOT_PAGE = "not-a-page"  # a document (PDF, ...) where an article was expected: settled
    TRANSLATION = "translation"  # a copy in another language of a Bulgarian page: settled
    LATER_PAGE = "later-page"  # page 2+ of an article over pages, read with page 1: settled
