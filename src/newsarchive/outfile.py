"""An export's ``--out`` file: written whole, or not at all.

The rows are written beside the file (``.NAME.partial``) and renamed over it only once
complete, so an export that fails half-way (a damaged archive page, a full disk, Ctrl-C)
neither leaves half a file that looks like an export nor destroys the good one it was
to replace. A device or a pipe (``--out /dev/stdout``, a FIFO) is written as it is:
renaming over it would replace the device, not write to it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from newsarchive.errors import OutputError, UsageError


@contextmanager
def written_whole(out: Path, mode: str, **options: Any) -> Iterator[IO[Any]]:
    """``out`` opened for writing (``mode`` "w" or "wb", ``options`` as ``open`` takes
    them), replaced only when the block completes; one line when it cannot be written."""
    real = Path(os.path.realpath(out))  # a symlink's file is replaced, not the link
    if real.exists() and not real.is_file():
        handle = _opened(real, out, mode, options)
        with handle:
            yield handle
        return
    partial = real.with_name(f".{real.name}.partial")
    handle = _opened(partial, out, mode, options)
    try:
        with handle:
            yield handle
        os.replace(partial, real)
    except OSError as exc:
        raise OutputError(f"cannot write {out}: {exc.strerror}") from None
    finally:
        partial.unlink(missing_ok=True)


def _opened(path: Path, out: Path, mode: str, options: dict[str, Any]) -> IO[Any]:
    try:
        return path.open(mode, **options)
    except OSError as exc:
        raise UsageError(f"cannot write {out}: {exc.strerror}") from None
