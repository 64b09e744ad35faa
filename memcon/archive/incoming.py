"""Files in parsing, seen from the writer: each one's records as they come, then how it ended.

A file parsed in a worker process streams its records through a spool file
(``memcon.archive.spool``) while the worker still reads the rest of it; ``frames`` yields
them as they arrive, and ``succeeded`` tells the writer when the file is known good (all of
it parsed and valid) — until then, what the writer stored of it must stay undoable.

``parsed`` runs the parses, in a pool of worker processes when there are several files, a
few files ahead of the writer.

Example::

    incoming = Incoming.submitted(path, future, spool)
    for frame in incoming.frames():
        ...                         # store pickle.loads(frame)
    if incoming.result().failure:   # roll back what was stored of it
        ...
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Generator, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from memcon.archive.parsing import Failure, ParsedFile, discard, parse_file, start_worker
from memcon.archive.spool import follow

# files parsed ahead of the writer, per worker: enough to keep every core busy, few enough
# that memory stays bounded (a file's records above parsing.SPOOL_BYTES wait on disk)
AHEAD_PER_WORKER = 2


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
        if self._result is not None:
            discard(self._result)
        if self.spool is not None:
            Path(self.spool).unlink(missing_ok=True)


def parsed(files: list[str], format_name: str | None, spool_dir: str, jobs: int | None,
                  on_idle: Callable[[], None] | None = None,
                  prepare: Callable[[], object] | None = None) -> Generator[Incoming, None, None]:
    """The files in the order given, in parsing: in this process for one file, else in a pool
    of worker processes (forked: the caller closes its database connections first).

    ``on_idle`` is called whenever the next file has no record parsed yet, before waiting;
    ``prepare`` once, before the first file is given, while the pool parses the first files.
    """
    workers = max(1, jobs if jobs is not None else (os.cpu_count() or 1))
    if workers == 1 or len(files) <= 1:
        if prepare is not None:
            prepare()
        for path in files:
            yield Incoming.parsed(parse_file(path, format_name, spool_dir))
        return
    workers = min(workers, len(files))
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    pending = enumerate(files)
    window: deque[tuple[int, str]] = deque()
    futures: dict[int, Future[ParsedFile]] = {}
    executor = ProcessPoolExecutor(workers, mp_context=context, initializer=start_worker)

    def spool(number: int) -> str:
        return os.path.join(spool_dir, f"{number}.spool")

    def submit(number: int, path: str) -> None:
        futures[number] = executor.submit(parse_file, path, format_name, spool_dir, spool(number))

    try:
        while True:
            while len(window) < workers * AHEAD_PER_WORKER:
                upcoming = next(pending, None)
                if upcoming is None:
                    break
                window.append(upcoming)
                submit(*upcoming)
            if prepare is not None:
                prepare()  # the workers are at it already
                prepare = None
            if not window:
                return
            number, path = window.popleft()
            future = futures.pop(number)
            if on_idle is not None and not future.done() and not os.path.exists(spool(number)):
                on_idle()
            incoming = Incoming.submitted(path, future, spool(number))
            yield incoming
            incoming.result()
            if incoming.broken:
                # a worker died (killed, out of memory): this file failed, the others are retried
                executor.shutdown(wait=False, cancel_futures=True)
                executor = ProcessPoolExecutor(workers, mp_context=context,
                                               initializer=start_worker)
                for retry in window:
                    submit(*retry)
    finally:
        if window or futures:  # stopped early (Ctrl-C): do not wait for files no one will write
            _stop(executor)
        else:
            executor.shutdown(wait=True)


def _stop(executor: ProcessPoolExecutor) -> None:
    """Shut the pool down at once, its workers too."""
    processes = list((getattr(executor, "_processes", None) or {}).values())
    results = getattr(executor, "_result_queue", None)  # shutdown forgets it
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=5)
    # a worker stopped mid-reply leaves half a message in the pool's result pipe, which its
    # manager thread would wait for forever (and this process for that thread, at exit): with
    # every worker gone, closing this process's own writing end turns that wait into an EOF
    if all(not process.is_alive() for process in processes):
        writer = getattr(results, "_writer", None)
        if writer is not None:
            writer.close()
