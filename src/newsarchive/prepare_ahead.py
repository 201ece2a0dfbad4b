"""Items of a stream made ready in a second process while this one writes them.

``import-jsonl``'s work per record is in two parts: what needs no archive (parse and
check the line, compose its words, the lemma columns, the story shingles:
``jsonl_import._ready_record``), and writing it. In one process they take turns at the
GIL; a thread reading ahead could only run while the writer waited in a long SQLite
statement (the FTS batches), since two threads taking turns around each short statement
wait for each other's switch interval (5 ms) again and again. A process of its own
prepares the records ahead all the time, on another core, and sends them back in chunks
through a pipe; the writer is left with the writing (200,000 articles: its CPU 55 s
instead of 99 s; both processes' together 121 s, as before, so the import is faster
only where a core is free).

Order and errors stay the consumer's: items come out in stream order, and an error met
ahead (a bad record, an undecodable line) is raised where the consumer reaches it, as
if nothing had been read ahead; nothing after it is prepared. A short stream is
prepared here: starting an interpreter that imports the preparer (and its lemmatizer's
dictionary) costs more than it saves below a few hundred records; a longer one's first
records are prepared here while the worker starts on the next. The worker is a plain
``python -P -c`` child (``-P``: the current directory's modules cannot shadow ours; not
``multiprocessing``, which would run an unguarded calling
script again in it), holds no file of this process (not the archive, not its lock),
takes no Ctrl-C (its parent does, and ends it), and ends when its parent does: its
input pipe closes. A worker that dies on the way (killed, out of memory) costs no item:
the items it was sent and never gave back, and the rest, are prepared here, with one
warning; an import stopped with exit 70 instead, and the rerun prepared everything again.
"""

from __future__ import annotations

import logging
import os
import pickle
import signal
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice
from pathlib import Path
from typing import IO, Any, TypeVar

S = TypeVar("S")
T = TypeVar("T")

INLINE = 500  # items prepared in this process (while a worker starts, when more follow)
CHUNK = 250  # items a message carries (a pipe holds about one: a file is never all read)
_WORKER = "from newsarchive.prepare_ahead import serve; serve()"

log = logging.getLogger(__name__)


class _Failed:
    """An error met preparing an item, sent in the place of the item it cost."""

    def __init__(self, error: BaseException) -> None:
        self.error = error


def prepared_ahead(source: Iterable[S], prepare: Callable[[S], T]) -> Iterator[T]:
    """``prepare`` applied to each item of ``source``, in order: the first ``INLINE``
    here, the rest in a worker process (``prepare`` and the items are pickled to it),
    which starts on them while the first are prepared here."""
    items = iter(source)
    head: list[S] = []
    failure: BaseException | None = None
    try:
        head.extend(islice(items, INLINE + 1))  # (one more: whether a worker is wanted)
    except BaseException as exc:  # raised after the items before it
        failure = exc
    worker = None
    if failure is None and len(head) > INLINE and _can_start():
        following = head.pop()
        try:
            worker = _Worker(chain([following], items), prepare)
        except OSError:  # (an interpreter that cannot be run: all prepared here)
            head.append(following)
    try:
        for item in head:
            yield prepare(item)
        if failure is not None:
            raise failure
        if worker is not None:
            yield from worker.results()
        else:
            yield from map(prepare, items)
    finally:
        if worker is not None:
            worker.close()


def _can_start() -> bool:
    """Whether ``sys.executable`` is an interpreter to run the worker with: it is empty
    when Python cannot tell, and a frozen application's own program, whose ``-c`` is
    not Python's. Else every item is prepared here."""
    return bool(sys.executable) and not getattr(sys, "frozen", False)


class _Worker:
    """A worker process, and the thread sending it ``items``."""

    def __init__(self, items: Iterator[Any], prepare: Callable[[Any], Any]) -> None:
        package_root = str(Path(__file__).resolve().parent.parent)  # (this newsarchive)
        path = os.pathsep.join(filter(None, (package_root, os.environ.get("PYTHONPATH"))))
        self.process = subprocess.Popen(
            [sys.executable, "-P", "-c", _WORKER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": path},
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        self.output = self.process.stdout
        self.items, self.prepare = items, prepare
        # chunks sent whose results have not come back, oldest first (the feeder adds,
        # the consumer takes): what a worker that dies took with it
        self.unanswered: deque[list[Any]] = deque()
        self.failed: list[BaseException] = []
        self.feeder = threading.Thread(
            target=_feed,
            args=(items, prepare, self.process.stdin, self.unanswered, self.failed),
            daemon=True,
        )
        self.feeder.start()

    def results(self) -> Iterator[Any]:
        """What the worker made of the items, in order; an error met there, or reading
        them, where its item is. When the worker dies, the items it never answered and
        those after them are prepared here."""
        while True:
            try:
                chunk: list[Any] = pickle.load(self.output)
            except (EOFError, pickle.UnpicklingError):  # (cut short by its death)
                break
            self.unanswered.popleft()
            for item in chunk:
                if isinstance(item, _Failed):
                    raise item.error
                yield item
        if self.unanswered or self.process.wait() != 0:
            self.close()  # (the feeder, writing to it, stops: its pipe is broken)
            self.feeder.join()
            log.warning(
                "the process preparing records stopped (exit code %s): the rest are"
                " prepared in this one",
                self.process.returncode,
            )
            while self.unanswered:
                yield from map(self.prepare, self.unanswered.popleft())
            if self.failed:
                raise self.failed[0]
            yield from map(self.prepare, self.items)
            return
        self.feeder.join()
        if self.failed:
            raise self.failed[0]

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()  # (a feeder writing to it stops: its pipe is broken)
        self.process.wait()
        self.output.close()


def _feed(
    items: Iterator[Any],
    prepare: Callable[[Any], Any],
    pipe: IO[bytes],
    unanswered: deque[list[Any]],
    failed: list[BaseException],
) -> None:
    """Send ``prepare`` then ``items`` in chunks to the worker (a thread of the consumer's
    process), and close its input when they end; an error reading them is kept in
    ``failed``, raised by the consumer after the items before it. Each chunk is put in
    ``unanswered`` before it is sent: should the worker die, the consumer prepares it."""
    try:
        pipe.write(pickle.dumps(prepare, pickle.HIGHEST_PROTOCOL))
        while True:
            chunk: list[Any] = []
            try:
                chunk.extend(islice(items, CHUNK))
            except BaseException as exc:  # (the items read before it are sent first)
                failed.append(exc)
            if chunk:
                # (pickled whole before any of it is written: a chunk that cannot be
                # pickled leaves no half message in the pipe)
                message = pickle.dumps(chunk, pickle.HIGHEST_PROTOCOL)
                unanswered.append(chunk)
                pipe.write(message)
                pipe.flush()
            if failed or len(chunk) < CHUNK:
                return
    except OSError:  # the worker is gone (ended by the consumer, or failed): it says so
        return
    except BaseException as exc:  # an item that cannot be sent (unpicklable, no memory):
        failed.insert(0, exc)  # raised in its chunk's place, never a stream cut short
    finally:
        try:
            pipe.close()
        except OSError:
            pass


def serve() -> None:
    """The worker process: prepare each chunk of items read from stdin and write the
    results to stdout, until its input ends or an item fails."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    from newsarchive.pattern_cache import preload

    preload()  # (before the preparer's modules compile their patterns, as ``entry`` does)
    output = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # (anything printed goes to stderr, not into the results)
    source = sys.stdin.buffer
    try:
        prepare = pickle.load(source)
        while True:
            try:
                chunk = pickle.load(source)
            except EOFError:
                return
            done: list[Any] = []
            for item in chunk:
                try:
                    done.append(prepare(item))
                except BaseException as exc:
                    done.append(_Failed(_picklable(exc)))
                    break
            pickle.dump(done, output, pickle.HIGHEST_PROTOCOL)
            output.flush()
            if done and isinstance(done[-1], _Failed):
                return
    except (EOFError, BrokenPipeError):  # the parent ended before or while it read
        return


def _picklable(error: BaseException) -> BaseException:
    """``error``, or one saying what it was when it cannot be sent to the parent."""
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error
