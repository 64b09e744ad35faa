"""The parsing half of ingest, run in worker processes: files to prepared records (no Django here).

Every record of a file is parsed and validated, or the file fails as a whole (the writer rolls
back what it stored of it: a file that fails leaves the archive unchanged). Its records travel
to the writing process as pickled rows ready to insert (``memcon.archive.rows``), in memory
when they are few, else through a spool file the writer reads while the worker still writes
it (``memcon.archive.spool``), so that no process holds more than a bounded amount of parsed
text and the writer need not wait for the end of a volume to start on it.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from memcon.archive.keys import PreparedRecord
from memcon.archive.spool import read_frame, write_frame
from memcon.errors import InputError, MemconError
from memcon.model.validation import validate
from memcon.readers.inputs import InputFile
from memcon.readers.registry import read_input

# records of one file above this size go to a spool file rather than through a pipe in memory:
# a few documents of a volume, after which the writer can start on them
SPOOL_BYTES = 256 * 1024
PARENT_CHECK_SECONDS = 0.5
WORKER_NICENESS = 10


@dataclass(slots=True)
class Failure:
    """A file (or a record in it) that could not be ingested: where and why."""

    file: str
    position: str | None
    reason: str

    def as_dict(self) -> dict[str, object]:
        """The failure as a JSON-ready report line."""
        return {"file": self.file, "position": self.position, "reason": self.reason}

    def __str__(self) -> str:
        return f"{self.file}:{self.position}: {self.reason}" if self.position \
            else f"{self.file}: {self.reason}"


@dataclass(slots=True)
class ParsedFile:
    """What parsing one file gave: its records (pickled, or in a spool file), or a failure."""

    path: str
    count: int = 0
    turns: int = 0
    lines: list[bytes] = field(default_factory=list)  # each a pickled PreparedRecord
    spool: str | None = None
    failure: Failure | None = None

    def frames(self) -> Iterator[bytes]:
        """The pickled records, read lazily; a spool file is removed once read."""
        if self.spool is None:
            yield from self.lines
            return
        try:
            with open(self.spool, "rb") as handle:
                for _ in range(self.count):
                    frame = read_frame(handle)
                    if frame is None:
                        raise MemconError(f"{self.path}: its spool file ended early")
                    yield frame
        finally:
            discard(self)

    def records(self) -> Iterator[PreparedRecord]:
        """The prepared records, read lazily; a spool file is removed once read."""
        for frame in self.frames():
            yield pickle.loads(frame)


def discard(parsed: ParsedFile) -> None:
    """Remove a parsed file's spool file, if it has one."""
    if parsed.spool is not None:
        Path(parsed.spool).unlink(missing_ok=True)


def parse_file(path: str, format_name: str | None = None, spool_dir: str | None = None,
               spool: str | None = None) -> ParsedFile:
    """Read, parse and validate every record of one file; never raises for bad input.

    Records beyond ``SPOOL_BYTES`` go to a spool file: at ``spool`` when given (so that the
    writer knows where to follow it), else a new file in ``spool_dir``.
    """
    parsed = ParsedFile(path)
    size = 0
    handle = None
    try:
        source = InputFile.read(path)
        for position, record in enumerate(read_input(source, format_name)):
            data = record.to_json()
            try:
                validate(data)
            except MemconError as exc:
                raise InputError(path, str(exc), position=f"record {position + 1}") from None
            prepared = PreparedRecord.of(record, position=position)
            line = pickle.dumps(prepared, pickle.HIGHEST_PROTOCOL)
            parsed.count += 1
            parsed.turns += prepared.rows.turns
            size += len(line)
            if handle is None and size > SPOOL_BYTES:
                handle = _open_spool(parsed, spool, spool_dir)
                for earlier in parsed.lines:
                    write_frame(handle, earlier)
                parsed.lines = []
            if handle is not None:
                write_frame(handle, line)
                handle.flush()  # whole frames on disk, for the writer following the spool
            else:
                parsed.lines.append(line)
        if parsed.count == 0:
            raise InputError(path, "holds no record")
    except InputError as exc:
        parsed.failure = Failure(exc.path, exc.where, exc.reason)
    except MemconError as exc:
        parsed.failure = Failure(path, None, str(exc))
    except RecursionError:
        parsed.failure = Failure(path, None, "is nested too deeply to be read")
    except MemoryError:
        parsed.failure = Failure(path, None, "is too large to be read in the memory available")
    except Exception as exc:  # a reader's bug must cost one file, not the whole batch
        parsed.failure = Failure(path, None, f"could not be read: a bug in memcon's reader "
                                             f"({type(exc).__name__}: {exc})")
    finally:
        if handle is not None:
            handle.close()
    if parsed.failure is not None:
        discard(parsed)
        parsed.spool, parsed.lines, parsed.count, parsed.turns = None, [], 0, 0
    return parsed


def _open_spool(parsed: ParsedFile, spool: str | None, spool_dir: str | None) -> BinaryIO:
    if spool is None:
        fd, spool = tempfile.mkstemp(suffix=".pickle", prefix="memcon-ingest-", dir=spool_dir)
        os.close(fd)
    parsed.spool = spool
    return open(spool, "wb")  # parse_file closes it


def start_worker() -> None:
    """Worker start-up: leave Ctrl-C to the writing process, yield the CPU to it, never outlive it.

    On Ctrl-C the writer stops the pool itself; a worker that caught it too would die mid-reply.
    A writer killed outright (SIGKILL) cannot stop its workers, so each one watches for it.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # the writer is the one process every record waits for: when cores are short, it goes first
    with contextlib.suppress(OSError):
        os.nice(WORKER_NICENESS)
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)  # orphaned: nothing will read what this worker parses

    threading.Thread(target=watch, name="memcon-parent-watch", daemon=True).start()
