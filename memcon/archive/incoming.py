"""A file in parsing, seen from the writer: its records as they come, then how its parse ended.

A file parsed in a worker process streams its records through a spool file
(``memcon.archive.spool``) while the worker still reads the rest of it; ``frames`` yields
them as they arrive, and ``succeeded`` tells the writer when the file is known good (all of
it parsed and valid) — until then, what the writer stored of it must stay undoable.

Example::

    incoming = Incoming.submitted(path, future, spool)
    for frame in incoming.frames():
        ...                         # store pickle.loads(frame)
    if incoming.result().failure:   # roll back what was stored of it
        ...
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from memcon.archive.parsing import Failure, ParsedFile
from memcon.archive.spool import follow


class Incoming:
    """One file's parse: done already (in this process) or running in a worker."""

    __slots__ = ("_future", "_result", "broken", "path", "spool")

    def __init__(self, path: str, future: Future[ParsedFile] | None = None,
                 spool: str | None = None, result: ParsedFile | None = None) -> None:
        self.path = path
        self.spool = spool
        self.broken = False  # its worker died: the pool must be started again
        self._future = future
        self._result = result

    @classmethod
    def parsed(cls, result: ParsedFile) -> Incoming:
        """A file parsed already."""
        return cls(result.path, result=result)

    @classmethod
    def submitted(cls, path: str, future: Future[ParsedFile], spool: str) -> Incoming:
        """A file a worker parses, streaming its records to ``spool``."""
        return cls(path, future=future, spool=spool)

    def finished(self) -> bool:
        """Whether its parse has ended (well or not)."""
        return self._result is not None or (self._future is not None and self._future.done())

    def succeeded(self) -> bool | None:
        """True once all of it parsed well, False once it failed, None while it is parsed."""
        if not self.finished():
            return None
        return self.result().failure is None

    def result(self) -> ParsedFile:
        """How its parse ended (waits for it); a dead worker is the file's failure."""
        if self._result is None:
            assert self._future is not None
            try:
                self._result = self._future.result()
            except BrokenProcessPool:
                self.broken = True
                self._result = ParsedFile(self.path, failure=Failure(
                    self.path, None, "its parsing process died (out of memory, or killed)"))
        return self._result

    def frames(self) -> Iterator[bytes]:
        """Its pickled records in order, each as soon as it is parsed; nothing of a failed file."""
        if self._future is not None and self.spool is not None:
            yield from follow(self.spool, self.finished)
        result = self.result()
        if result.failure is None and (self._future is None or result.spool is None):
            # parsed here, or by a worker whose records all fitted in memory
            yield from result.frames()

    def discard(self) -> None:
        """Remove its spool file, whoever made it."""
        if self._result is not None and self._result.spool is not None:
            Path(self._result.spool).unlink(missing_ok=True)
        if self.spool is not None:
            Path(self.spool).unlink(missing_ok=True)
