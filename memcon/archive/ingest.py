"""Ingest files and folders into the archive: parsed on every core, written in batches.

Worker processes read, parse and validate files (``memcon.archive.parsing``); this process
writes their records in file order, many documents per transaction and each in a savepoint of
its own (``memcon.archive.writer``), so that an interrupted ingest (Ctrl-C, a killed process)
leaves every document fully in or fully out. The records of a volume reach the writer while
its worker still parses the rest (``memcon.archive.incoming``); until the whole file is known
good they stay in a batch of their own, rolled back if the file fails. At most a few files'
records are in flight at once, so memory stays bounded however large the batch.

Example::

    report = ingest_paths(["records/"])
    print(report.summary())   # added 12, updated 0, unchanged 3, failed 1
"""

from __future__ import annotations

import os
import pickle
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

from django.db import DatabaseError, DataError, IntegrityError, connections

from memcon.archive import store
from memcon.archive.incoming import Incoming, parsed
from memcon.archive.keys import PreparedRecord
from memcon.archive.models import Document
from memcon.archive.parsing import Failure
from memcon.archive.writer import BatchWriter
from memcon.readers.registry import get_reader

__all__ = ["Failure", "IngestReport", "ingest_paths", "input_files"]

# within a volume, progress is reported every so many documents (besides after each file)
PROGRESS_DOCUMENTS = 50


@dataclass(slots=True)
class IngestReport:
    """What an ingest did: documents added, updated, unchanged; files or documents that failed."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    files: int = 0
    files_done: int = 0
    documents: int = 0
    turns: int = 0
    seconds: float = 0.0
    dry_run: bool = False
    interrupted: bool = False
    failures: list[Failure] = field(default_factory=list)

    def summary(self) -> str:
        """The closing line: ``added N, updated N, unchanged N, failed N``."""
        return (f"added {self.added}, updated {self.updated}, unchanged {self.unchanged}, "
                f"failed {self.failed}")

    def count(self, outcome: store.Outcome) -> None:
        """Count one document's outcome."""
        setattr(self, outcome, getattr(self, outcome) + 1)

    def to_json(self) -> dict[str, object]:
        """The report as a JSON object."""
        return {
            "added": self.added, "updated": self.updated, "unchanged": self.unchanged,
            "failed": self.failed, "files": self.files, "documents": self.documents,
            "turns": self.turns, "seconds": round(self.seconds, 3), "dry_run": self.dry_run,
            "interrupted": self.interrupted, "failures": [f.as_dict() for f in self.failures],
        }


# files that describe a folder rather than hold records: left out of folder walks (named on
# the command line, they are read like any other file)
FOLDER_NOTES = frozenset({"readme", "license", "licence", "copying", "notice", "changelog",
                          "changes", "authors", "contributing"})


def _is_record_file(name: str) -> bool:
    return not name.startswith(".") and name.split(".")[0].casefold() not in FOLDER_NOTES


def input_files(paths: Iterable[str | Path]) -> tuple[list[str], list[Failure]]:
    """The files named, and those under the folders named (recursively; hidden files and a
    folder's README, LICENSE and the like left out)."""
    files: list[str] = []
    missing: list[Failure] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for folder, subfolders, names in os.walk(path):
                subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
                files.extend(os.path.join(folder, n) for n in sorted(names) if _is_record_file(n))
        elif path.is_file():
            files.append(str(given))
        elif path.exists():
            missing.append(Failure(str(given), None, "is not a regular file"))
        else:
            missing.append(Failure(str(given), None, "does not exist"))
    return files, missing


def ingest_paths(
    paths: Sequence[str | Path],
    *,
    using: str = "default",
    format: str | None = None,
    dry_run: bool = False,
    jobs: int | None = None,
    on_progress: Callable[[IngestReport], None] | None = None,
    on_failure: Callable[[Failure], None] | None = None,
    prepare: Callable[[], object] | None = None,
) -> IngestReport:
    """Ingest files and folders into the database ``using``; see the module's docstring.

    ``format`` forces one reader; ``dry_run`` parses and validates but writes nothing;
    ``jobs`` is the number of parsing processes (default: one per core). ``on_progress`` is
    called once the files are known, then after each file, and within a file every
    ``PROGRESS_DOCUMENTS`` documents; ``on_failure`` with each failure
    as it happens. ``prepare`` (migrating a new archive, say) runs while the first files are
    parsed, before anything is written. A file that cannot be read is written not at all; a record the database
    refuses (a value too long for its column) is reported on its own. On Ctrl-C the document
    being written is rolled back and the report comes back with ``interrupted``; a database
    that cannot be reached raises django.db.OperationalError.
    """
    started = time.monotonic()
    report = IngestReport(dry_run=dry_run)
    if format is not None:
        get_reader(format)  # an unknown format is refused before any work
    files, missing = input_files(paths)
    report.files = len(files) + len(missing)

    def fail(failure: Failure) -> None:
        report.failed += 1
        report.failures.append(failure)
        if on_failure is not None:
            on_failure(failure)

    for failure in missing:
        fail(failure)
        report.files_done += 1
    if on_progress is not None:
        on_progress(report)
    can_look_up = not dry_run or _archive_ready(using)
    writer = BatchWriter(using)
    held = _HeldInterrupts()

    def commit() -> None:
        with held:
            _uncount(report, writer.commit())

    try:
        with held.installed(), \
                tempfile.TemporaryDirectory(prefix="memcon-ingest-") as spool_dir:
            # nothing to write until the next file is parsed: commit rather than hold the lock
            # forked workers would inherit open database connections: close them first, so
            # that no connection is ever shared between processes (this one reopens its own)
            connections.close_all()
            parsed_files = closing(parsed(files, format, spool_dir, jobs, on_idle=commit,
                                          prepare=prepare))
            with parsed_files as stream:
                for incoming in stream:
                    try:
                        _write_file(incoming, report, fail, writer, held, dry_run=dry_run,
                                    can_look_up=can_look_up, on_progress=on_progress)
                    finally:
                        incoming.discard()
                    report.files_done += 1
                    if on_progress is not None:
                        on_progress(report)
            commit()
    except KeyboardInterrupt:
        report.interrupted = True
        pending = list(writer.pending)
        try:
            _uncount(report, writer.commit())  # what is stored whole stays
        except DatabaseError:  # the interrupt broke the connection: the batch is rolled back
            _uncount(report, pending)
    finally:
        _uncount(report, writer.rollback())  # after an error: nothing of the open batch stays
    report.seconds = time.monotonic() - started
    return report


def _uncount(report: IngestReport, lost: list[store.Outcome]) -> None:
    """Take back the outcomes of a batch that was rolled back."""
    for outcome in lost:
        setattr(report, outcome, getattr(report, outcome) - 1)


class _HeldInterrupts:
    """Ctrl-C held back while a document is written and counted (``with held:``), raised after.

    A KeyboardInterrupt between a document's savepoint and its count would leave it stored
    but uncounted, or counted twice; anywhere else (waiting for a parse) it is raised at once.
    """

    def __init__(self) -> None:
        self._holding = False
        self._pending = False

    @contextmanager
    def installed(self) -> Iterator[None]:
        """Handle SIGINT so while the ingest runs (only in the main thread, over Python's own)."""
        if threading.current_thread() is not threading.main_thread() \
                or signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
            yield
            return
        previous = signal.signal(signal.SIGINT, self._on_signal)
        try:
            yield
        finally:
            signal.signal(signal.SIGINT, previous)

    def _on_signal(self, number: int, frame: FrameType | None) -> None:
        if self._holding:
            self._pending = True
        else:
            raise KeyboardInterrupt

    def __enter__(self) -> None:
        self._holding = True

    def __exit__(self, *exc: object) -> None:
        self._holding = False
        if self._pending:
            self._pending = False
            raise KeyboardInterrupt


_COUNTERS = ("added", "updated", "unchanged", "documents", "turns")


def _write_file(incoming: Incoming, report: IngestReport, fail: Callable[[Failure], None],
                writer: BatchWriter, held: _HeldInterrupts, *, dry_run: bool,
                can_look_up: bool,
                on_progress: Callable[[IngestReport], None] | None = None) -> None:
    """Store a file's records as they come; if the file fails, take back what was stored of it.

    ``on_progress`` hears of a volume's progress every ``PROGRESS_DOCUMENTS`` documents.

    Records that arrive before the whole file is known good go into a batch of their own,
    not committed until it is: the file's failure then rolls back that batch, and nothing
    else. (A savepoint would do as much, but SQLite copies every page a savepoint spans.)
    """
    before = [getattr(report, name) for name in _COUNTERS]
    undoable = False  # the open batch holds records of this file only, and it may still fail
    written = 0
    for frame in incoming.frames():
        good = incoming.succeeded()
        if good is False:
            break
        prepared: PreparedRecord = pickle.loads(frame)
        with held:
            if good is None and not undoable and not dry_run:
                _uncount(report, writer.commit())
                undoable = True
            _write_record(incoming.path, prepared, report, fail, writer, dry_run=dry_run,
                          can_look_up=can_look_up)
            written += 1
            if good and writer.due():
                _uncount(report, writer.commit())
                undoable = False
        if on_progress is not None and written % PROGRESS_DOCUMENTS == 0:
            on_progress(report)
    parsed = incoming.result()
    failure = parsed.failure
    if failure is None and written != parsed.count:
        failure = Failure(parsed.path, None, f"only {written} of its {parsed.count} records "
                                             f"reached the writer")
    if failure is None:
        return
    with held:
        if undoable:
            writer.rollback()
        for name, value in zip(_COUNTERS, before, strict=True):
            setattr(report, name, value)
        fail(failure)


def _write_record(path: str, prepared: PreparedRecord, report: IngestReport,
                  fail: Callable[[Failure], None], writer: BatchWriter, *, dry_run: bool,
                  can_look_up: bool) -> None:
    report.documents += 1
    report.turns += prepared.rows.turns
    if dry_run:
        report.count(store.plan(prepared, using=writer.using) if can_look_up else "added")
        return
    try:
        outcome, _doc_id = _store(prepared, writer)
    except (DataError, IntegrityError) as exc:
        fail(Failure(path, f"record {prepared.position + 1}",
                     f"could not be stored: {exc}".strip()))
        return
    report.count(outcome)


def _store(prepared: PreparedRecord, writer: BatchWriter) -> tuple[store.Outcome, str]:
    try:
        return writer.store(prepared)
    except IntegrityError:
        # another ingest took the same id or identity meanwhile: match against what it stored
        return writer.store(prepared)


def _archive_ready(using: str) -> bool:
    connection = connections[using]
    if connection.vendor == "sqlite" and not Path(connection.settings_dict["NAME"]).exists():
        return False  # asking would create the file
    try:
        return Document._meta.db_table in connection.introspection.table_names()
    except DatabaseError:
        return False
