"""Source pages fetched moments ago in this run, held for the one reader that asks next.

A first crawl of a site without sources explores it (the home page, its sections, a
feed) and then reads what it found: the same pages, seconds later. Asking the server
again cost every first crawl (and every re-exploration) one to three requests a site.
The fetch layer is where both meet, so the hand-over is here rather than threaded
through the crawl: ``fetch_source(..., keep=True)`` keeps a page, the next
``fetch_source`` of that URL takes it instead of asking (a conditional read, on
re-exploring a site whose sources have validators, gets what the server would have said:
unchanged, or the page). So does the crawl's article fetch (``Fetcher.fetch_many``): a
menu link exploring opened as a possible section page may be an article. And the other
way: a saved source answering 404 or 410 has the site explored again that run, whose
menu may still lead to it; the answer is kept for that ask too.

Each page is handed over once (a later read is a new question), only while ``MAX_AGE``
seconds fresh, and the whole is bounded in pages and bytes (a page may be
``MAX_BODY_BYTES``). One per ``Fetcher``, so one per site and run: nothing outlives the
run, and the validators the crawl saves for the next run are the page's own.

A page exploring could not read at all (no answer, a 5xx, a body cut short, after all of
its retries) is held too, as its failure: the crawl's article fetch of it moments later
gets that failure rather than asking again (``take_failure``). A menu link exploring
opened as a possible section may be an article, and one that failed was otherwise asked
its retries twice in one run, as a section and as an article (``--nights`` seed 1121:
8 requests where 4 are the most); it is owed to the next run as any failing article.

Pages are held by their identity (``urls.url_key``), not the spelling asked: a page
exploring read as ``/novini/5/index.html`` is the article a feed links as
``/novini/5/``, one key to the frontier and the archive, and asking the server for it
again under the other spelling was a request for nothing new. Whatever identity says is
one page, the hand-over says so too.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from newsarchive.discover.urls import url_key
from newsarchive.errors import FetchError
from newsarchive.models import Page

MAX_PAGES = 16  # an exploration reads at most ``explorer.EXPLORE_BUDGET`` (12)
MAX_BYTES = 16 * 1024 * 1024
MAX_AGE = 600.0  # seconds: a first crawl reads its feed's articles before its listings


class RecentPages:
    """Thread-safe; ``clock`` is for tests."""

    def __init__(
        self,
        *,
        max_pages: int = MAX_PAGES,
        max_bytes: int = MAX_BYTES,
        max_age: float = MAX_AGE,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_pages, self.max_bytes, self.max_age = max_pages, max_bytes, max_age
        self._clock = clock
        self._lock = threading.Lock()
        # URL key -> (when kept, the page); a redirected page is kept under both its URLs
        self._pages: OrderedDict[str, tuple[float, Page]] = OrderedDict()
        # URL key -> (when kept, why): the pages exploring could not read (``keep_failure``)
        self._failures: OrderedDict[str, tuple[float, FetchError]] = OrderedDict()

    def keep(self, page: Page) -> None:
        """Hold a page for the next reader (a larger one than fits is not held): the
        answer ``fetch_source`` chose to keep, a 200 source or a source's 404 or 410,
        the site's answer, which asking again moments later would only get again."""
        if len(page.content) > self.max_bytes:
            return
        now = self._clock()
        with self._lock:
            for key in dict.fromkeys((url_key(page.url), url_key(page.final_url))):
                self._pages.pop(key, None)
                self._pages[key] = (now, page)
            self._trim(now)

    def keep_failure(self, url: str, error: FetchError) -> None:
        """Hold the failure of the page at ``url`` that exploring could not read, for the
        crawl's article fetch of it (``take_failure``); at most ``max_pages`` of them.
        Kept under the address asked: the error may name the one a redirect led to."""
        now = self._clock()
        with self._lock:
            key = url_key(url)
            self._failures.pop(key, None)
            self._failures[key] = (now, error)
            while self._failures and (
                len(self._failures) > self.max_pages
                or now - next(iter(self._failures.values()))[0] > self.max_age
            ):
                self._failures.popitem(last=False)

    def take_failure(self, url: str) -> FetchError | None:
        """The failure kept for ``url`` if still fresh, given once."""
        now = self._clock()
        with self._lock:
            held = self._failures.pop(url_key(url), None)
        return held[1] if held is not None and now - held[0] <= self.max_age else None

    def take(self, url: str, *, unmoved: bool = False) -> Page | None:
        """The page kept for ``url`` if still fresh, given once (both its URLs forget it).
        ``unmoved``: only a page ``url`` served itself, not through a redirect (to another
        page: a redirect to another spelling of it, identity's, is the same page)."""
        key = url_key(url)
        with self._lock:
            self._trim(self._clock())
            held = self._pages.get(key)
            if held is None or (unmoved and url_key(held[1].final_url) != key):
                return None
            del self._pages[key]
            page = held[1]
            for other in (url_key(page.url), url_key(page.final_url)):
                if other in self._pages and self._pages[other][1] is page:
                    del self._pages[other]
            return page

    def _trim(self, now: float) -> None:
        """Drop what is stale, then the oldest, until within both bounds."""
        while self._pages:
            first = next(iter(self._pages.values()))
            held = {id(page): len(page.content) for _, page in self._pages.values()}
            if (
                now - first[0] <= self.max_age
                and len(held) <= self.max_pages
                and sum(held.values()) <= self.max_bytes
            ):
                return
            self._pages.popitem(last=False)
