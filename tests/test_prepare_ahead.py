"""prepare_ahead.prepared_ahead: items prepared in a worker process come out as if
prepared here, in order, with each error where its item is."""

from __future__ import annotations

import operator
import os
import signal
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

import newsarchive.prepare_ahead as prepare_ahead
from newsarchive.prepare_ahead import prepared_ahead


@pytest.fixture(autouse=True)
def _small(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prepare_ahead, "INLINE", 3)  # then a worker
    monkeypatch.setattr(prepare_ahead, "CHUNK", 4)  # (several messages)


def test_items_come_out_in_order_prepared_here_then_in_the_worker() -> None:
    assert list(prepared_ahead(range(50), operator.neg)) == [-n for n in range(50)]
    assert list(prepared_ahead(range(2), operator.neg)) == [0, -1]  # (no worker)
    assert list(prepared_ahead([], operator.neg)) == []


def test_an_error_met_in_the_worker_is_raised_where_its_item_is() -> None:
    items = prepared_ahead(["1", "2", "3", "4", "5", "x", "7"], int)
    assert [next(items) for _ in range(5)] == [1, 2, 3, 4, 5]
    with pytest.raises(ValueError, match="'x'"):
        next(items)
    with pytest.raises(StopIteration):
        next(items)


@pytest.mark.parametrize("good", [2, 5])  # (met reading the first lines; in the worker's)
def test_a_failing_source_fails_after_the_items_before_it(good: int) -> None:
    def lines() -> Iterator[str]:
        yield from "abcde"[:good]
        raise UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")

    items = prepared_ahead(lines(), str.upper)
    assert [next(items) for _ in range(good)] == list("ABCDE"[:good])
    with pytest.raises(UnicodeDecodeError):
        next(items)


# A worker that answers its first chunk, then kills itself (SIGKILL: no cleanup of its own)
DIES_AFTER_ONE = (
    "import os, pickle, signal\n"
    "dump = pickle.dump\n"
    "def dump_and_die(*args, **kwargs):\n"
    "    dump(*args, **kwargs)\n"
    "    args[1].flush()\n"
    "    os.kill(os.getpid(), signal.SIGKILL)\n"
    "pickle.dump = dump_and_die\n"
    "from newsarchive.prepare_ahead import serve; serve()"
)


def test_a_worker_that_dies_leaves_its_items_to_be_prepared_here(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A worker killed half-way stopped the import with exit 70, "internal error": the
    items it was sent and never answered, and the rest, are prepared here instead, none
    lost, none twice, with one warning."""
    monkeypatch.setattr(prepare_ahead, "_WORKER", DIES_AFTER_ONE)
    assert list(prepared_ahead(range(50), operator.neg)) == [-n for n in range(50)]
    assert [r.getMessage() for r in caplog.records] == [
        "the process preparing records stopped (exit code -9): the rest are prepared in this one"
    ]


def _workers() -> list[int]:
    """This process's worker children, by their command line."""
    found = []
    for entry in os.listdir("/proc"):
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            command = Path(f"/proc/{entry}/cmdline").read_bytes()
        except OSError:
            continue
        parent = int(stat.rpartition(")")[2].split()[1])
        if parent == os.getpid() and b"prepare_ahead import serve" in command:
            found.append(int(entry))
    return found


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="finds the worker through /proc")
def test_a_worker_killed_from_outside_costs_no_item() -> None:
    """SIGKILL sent to the worker (the OOM killer, an operator's kill -9) between two
    items the consumer reads: the stream goes on, in order, every item once."""
    killed = threading.Event()

    def source() -> Iterator[int]:
        yield from range(20)
        killed.wait(60)  # (the worker waits for more, alive, till it is killed)
        yield from range(20, 200)

    items = prepared_ahead(source(), operator.neg)
    got = [next(items) for _ in range(6)]  # (three here, then the worker's)
    (worker,) = _workers()
    os.kill(worker, signal.SIGKILL)
    killed.set()
    got += list(items)
    assert got == [-n for n in range(200)]
    assert _workers() == []


@pytest.mark.parametrize("executable", ["", "/nonexistent/python3"])
def test_with_no_interpreter_to_run_every_item_is_prepared_here(
    monkeypatch: pytest.MonkeyPatch, executable: str
) -> None:
    """``sys.executable`` empty (Python could not tell it) or not there: the import
    works as it did before the worker, rather than failing with a traceback."""
    monkeypatch.setattr("sys.executable", executable)
    assert list(prepared_ahead(range(50), operator.neg)) == [-n for n in range(50)]


def test_a_frozen_application_prepares_every_item_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """A frozen build's ``sys.executable`` is the application itself: its ``-c`` is no
    Python, and the worker would only fail."""
    monkeypatch.setattr("sys.frozen", True, raising=False)
    monkeypatch.setattr("sys.executable", "/bin/false")
    assert list(prepared_ahead(range(50), operator.neg)) == [-n for n in range(50)]


def test_an_item_that_cannot_be_sent_is_an_error_not_the_end_of_the_stream() -> None:
    """An item the worker cannot be sent (here unpicklable; a chunk too large to pickle
    in memory alike) stopped the sending thread with a traceback on stderr, and the
    stream ended there as if complete: the items after it were lost, silently."""
    items = [*range(10), lambda: 0, *range(20)]
    prepared = prepared_ahead(items, callable)
    assert [next(prepared) for _ in range(7)] == [False] * 7  # (the chunks before it)
    with pytest.raises(Exception, match="pickle"):
        next(prepared)
