"""Ingest's writing half: many documents per transaction, each one in a savepoint of its own.

A transaction per document spends most of its time beginning and committing; a batch of
documents shares one, and each document is stored inside a savepoint (``store.store`` nests),
so a document the database refuses is rolled back alone. A killed process loses at most the
open batch, and every document is still fully in or fully out. On SQLite the batch also
suspends the FTS insert trigger and indexes its turns together before it commits (see
``memcon.archive.bulk``).

Example::

    with BatchWriter("default") as writer:
        outcome, doc_id = writer.store(prepared)
        if writer.due():
            writer.commit()
"""

from __future__ import annotations

import time
from types import TracebackType
from typing import Any

from django.db import connections, transaction

from memcon.archive import bulk, store
from memcon.archive.keys import PreparedRecord
from memcon.archive.store import Outcome

# a batch ends at whichever comes first: enough to amortise the transaction, small enough that
# a concurrent writer waits little for the lock and an interrupted ingest loses little
BATCH_DOCUMENTS = 200
BATCH_ITEMS = 20_000
BATCH_SECONDS = 0.5
# the ingesting connection's page cache (KiB): a fixed size, whatever the corpus
SQLITE_CACHE_KIB = 64 * 1024
# WAL pages before a checkpoint copies them into the database: a few batches, not one, so
# that pages every batch rewrites (index interiors, the search index) are copied once
SQLITE_CHECKPOINT_PAGES = 16_384


class BatchWriter:
    """Stores prepared records in batches; ``commit`` ends a batch, leaving the context ends the last."""

    def __init__(self, using: str = "default", *, documents: int = BATCH_DOCUMENTS,
                 items: int = BATCH_ITEMS, seconds: float = BATCH_SECONDS) -> None:
        self.using = using
        self.limits = (documents, items, seconds)
        # the first batch is one document, each next one twice as big up to ``documents``: the
        # first records of an ingest show in the archive at once, the rest go in at full speed
        self._size = 1
        self.pending: list[Outcome] = []  # outcomes of the open batch, not yet committed
        self._atomic: Any = None
        self._items = 0
        self._opened = 0.0

    def __enter__(self) -> BatchWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if kind is None or issubclass(kind, KeyboardInterrupt):
            self.commit()  # Ctrl-C keeps the documents already stored whole
        else:
            self.rollback()

    def store(self, prepared: PreparedRecord) -> tuple[Outcome, str]:
        """Store one record in the open batch (opening one if needed), in its own savepoint."""
        if self._atomic is None:
            self._begin()
        outcome, doc_id = store.store(prepared, using=self.using)
        self.pending.append(outcome)
        self._items += len(prepared.rows.body)
        return outcome, doc_id

    def due(self) -> bool:
        """Whether the open batch is big or old enough to be committed."""
        documents, items, seconds = self.limits
        return self._atomic is not None and (
            len(self.pending) >= min(documents, self._size) or self._items >= items
            or time.monotonic() - self._opened >= seconds)

    def commit(self) -> list[Outcome]:
        """Commit the open batch, if any; return the outcomes lost if it had to be rolled back."""
        if self._atomic is None:
            return []
        atomic, self._atomic = self._atomic, None
        try:
            bulk.restore_turn_trigger(self.using)
        except BaseException:
            bulk.forget_suspension(self.using)
            transaction.set_rollback(True, using=self.using)
            atomic.__exit__(None, None, None)
            raise
        lost = self.pending if connections[self.using].needs_rollback else []
        atomic.__exit__(None, None, None)
        self.pending = []
        self._size = min(self._size * 2, self.limits[0])
        return lost

    def rollback(self) -> list[Outcome]:
        """Roll the open batch back, if any; return the outcomes it loses."""
        if self._atomic is None:
            return []
        atomic, self._atomic = self._atomic, None
        bulk.forget_suspension(self.using)
        transaction.set_rollback(True, using=self.using)
        atomic.__exit__(None, None, None)
        lost, self.pending = self.pending, []
        return lost

    def _begin(self) -> None:
        connection = connections[self.using]
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
                cursor.execute("PRAGMA temp_store = MEMORY")
                cursor.execute(f"PRAGMA wal_autocheckpoint = {SQLITE_CHECKPOINT_PAGES}")
        self._atomic = transaction.atomic(using=self.using)
        self._atomic.__enter__()
        self.pending = []
        self._items = 0
        self._opened = time.monotonic()
        bulk.suspend_turn_trigger(self.using)
