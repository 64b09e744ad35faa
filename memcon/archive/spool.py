"""Spool files: the records of a file in parsing, handed from its worker to the writer as they come.

A worker appends each prepared record to the spool as one frame (its length, then its pickle)
and flushes it, so the writer can read the records of a volume while the rest of it is still
being parsed (``follow``), and the two halves of ingest work on the same file at once. A
frame is only read whole: a reader that reaches a frame still being written waits for it.

>>> import io
>>> spool = io.BytesIO()
>>> write_frame(spool, b"first"); write_frame(spool, b"second")
>>> _ = spool.seek(0)
>>> read_frame(spool), read_frame(spool), read_frame(spool)
(b'first', b'second', None)
"""

from __future__ import annotations

import struct
import time
from collections.abc import Callable, Iterator
from typing import BinaryIO

FRAME = struct.Struct("<Q")  # the length of the pickle that follows
# how long the writer waits before looking again at a spool that has no new whole frame
POLL_SECONDS = 0.002


def write_frame(handle: BinaryIO, data: bytes) -> None:
    """Append one frame."""
    handle.write(FRAME.pack(len(data)))
    handle.write(data)


def read_frame(handle: BinaryIO) -> bytes | None:
    """The next whole frame, or None (and the handle left where it was) if it is not all there yet."""
    start = handle.tell()
    header = handle.read(FRAME.size)
    if len(header) == FRAME.size:
        (size,) = FRAME.unpack(header)
        data = handle.read(size)
        if len(data) == size:
            return data
    handle.seek(start)
    return None


def follow(path: str, finished: Callable[[], bool]) -> Iterator[bytes]:
    """The frames of the spool at ``path`` as they are written, until ``finished()`` and all read.

    The spool may not exist yet (a worker creates it once its records outgrow memory) or ever
    (they never did): nothing is yielded then. ``finished`` says the worker is done with it:
    everything it wrote is then on disk, and a partial frame left at the end is never completed.
    """
    handle: BinaryIO | None = None
    try:
        while True:
            done = finished()  # before reading: what was written before it is all there
            if handle is None:
                try:
                    handle = open(path, "rb")  # noqa: SIM115 (closed below, after the loop)
                except FileNotFoundError:
                    if done:
                        return
                    time.sleep(POLL_SECONDS)
                    continue
            frame = read_frame(handle)
            if frame is not None:
                yield frame
            elif done:
                return
            else:
                time.sleep(POLL_SECONDS)
    finally:
        if handle is not None:
            handle.close()
