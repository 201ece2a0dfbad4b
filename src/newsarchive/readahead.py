"""Items of a stream made ready ahead, while the consumer waits on SQLite.

``import-jsonl`` receives each record from its worker process (``prepare_ahead``) and
unpickles it in Python, and every thousand articles waits for one long SQLite statement
(``Store.indexing_inserts``' batch), which runs with the GIL released. The records after
the batch can be received then, on a second thread, in what was idle time: the import's
own work is the same, its wall time shorter. Reading
ahead happens only while the consumer is blocked in that statement, never beside its
Python work: two threads taking turns at the GIL for small statements would each wait
for the other's switch interval (5 ms) again and again.

Order and errors stay the consumer's: items come out in stream order, and an error met
ahead (a bad record, an undecodable line) is raised where the consumer reaches it, as
if nothing had been read ahead; nothing after it is read.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Generic, TypeVar

S = TypeVar("S")
T = TypeVar("T")

AHEAD = 2000  # items held ready at most: about two index batches of records


class _Failed:
    """An error met reading ahead, queued in the place of the item it cost."""

    def __init__(self, error: BaseException) -> None:
        self.error = error


class ReadAhead(Generic[S, T]):
    """``prepare`` applied to each item of ``source``, in order; ``read_ahead`` prepares
    the next ones on the caller's other thread."""

    def __init__(self, source: Iterable[S], prepare: Callable[[S], T]) -> None:
        self._source = iter(source)
        self._prepare = prepare
        self._ready: deque[T | _Failed] = deque()
        self._ended = False  # the source is exhausted, or failed (its error is queued)

    def __iter__(self) -> Iterator[T]:
        return self

    def __next__(self) -> T:
        if self._ready:
            item = self._ready.popleft()
            if isinstance(item, _Failed):
                raise item.error
            return item
        if self._ended:
            raise StopIteration
        return self._prepare(next(self._source))

    def read_ahead(self, stop: threading.Event) -> None:
        """Prepare items until ``stop`` is set (checked between items), ``AHEAD`` are
        ready, or the source ends or fails. Runs on another thread than ``__next__``,
        never while it runs."""
        while not stop.is_set() and not self._ended and len(self._ready) < AHEAD:
            try:
                self._ready.append(self._prepare(next(self._source)))
            except StopIteration:
                self._ended = True
            except BaseException as exc:  # raised in order, on the consumer's thread
                self._ended = True
                self._ready.append(_Failed(exc))
