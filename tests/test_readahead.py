"""readahead.ReadAhead: items prepared on a second thread come out as if read in order."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from newsarchive.readahead import AHEAD, ReadAhead


def _stopped() -> threading.Event:
    stop = threading.Event()
    stop.set()
    return stop


def test_items_read_ahead_come_out_in_order_then_the_rest() -> None:
    seen: list[int] = []

    def prepare(n: int) -> int:
        seen.append(n)
        return n * 10

    items = ReadAhead(range(6), prepare)
    assert next(items) == 0
    items.read_ahead(threading.Event())  # no stop: reads to the end of the source
    assert seen == list(range(6))
    assert list(items) == [10, 20, 30, 40, 50]


def test_an_error_met_ahead_is_raised_where_its_item_is_and_nothing_after_is_read() -> None:
    seen: list[int] = []

    def prepare(n: int) -> int:
        seen.append(n)
        if n == 3:
            raise ValueError("line 3: bad")
        return n

    items = ReadAhead(range(10), prepare)
    items.read_ahead(threading.Event())
    assert seen == [0, 1, 2, 3]  # stopped at the error
    assert [next(items) for _ in range(3)] == [0, 1, 2]
    with pytest.raises(ValueError, match="line 3"):
        next(items)
    with pytest.raises(StopIteration):
        next(items)


def test_a_failing_source_fails_in_order_too() -> None:
    def lines() -> Iterator[str]:
        yield "a"
        raise UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")

    items = ReadAhead(lines(), str.upper)
    items.read_ahead(threading.Event())
    assert next(items) == "A"
    with pytest.raises(UnicodeDecodeError):
        next(items)


def test_reading_ahead_stops_when_told_and_at_its_bound() -> None:
    seen: list[int] = []
    items = ReadAhead(range(AHEAD * 2), lambda n: seen.append(n) or n)
    items.read_ahead(_stopped())
    assert seen == []
    assert next(items) == 0  # nothing was read ahead: read now
    items.read_ahead(threading.Event())
    assert len(seen) == 1 + AHEAD  # (a large file is never held in memory)
    assert list(items) == list(range(1, AHEAD * 2))


def test_an_exhausted_source_is_not_read_again() -> None:
    reads = 0

    def source() -> Iterator[int]:
        nonlocal reads
        reads += 1
        yield 1

    items = ReadAhead(source(), lambda n: n)
    items.read_ahead(threading.Event())
    items.read_ahead(threading.Event())
    assert list(items) == [1]
    assert reads == 1
