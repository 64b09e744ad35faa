"""What makes a re-ingested record the same stored record, and whether it changed (no Django here).

>>> from memcon.model import Collection
>>> record = DocumentRecord(collection=Collection("frus1969-76ve13", None), local_id="d88")
>>> record_identity(record, "/data/v.xml", 3)
'collection:frus1969-76ve13/d88'
>>> record_identity(DocumentRecord(title="A"), "/data/a.txt", 0)
'file:/data/a.txt#0'
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from memcon.archive.rows import RecordRows, record_rows
from memcon.model import DocumentRecord
from memcon.model.identity import suggest_id


def record_identity(record: DocumentRecord, absolute_path: str, position: int) -> str:
    """The collection and the record's id there when both are known, else file and position."""
    collection = record.collection.id if record.collection else None
    if collection and record.local_id:
        return f"collection:{collection}/{record.local_id}"
    return f"file:{absolute_path}#{position}"


def record_fingerprint(rows: RecordRows) -> str:
    """The sha256 of the rows that store a record, less the input's path (a moved file is the same).

    The rows hold every field of the record (see ``memcon.archive.rows``), in a fixed order,
    so their JSON is canonical without sorting; the input's sha256 and the reader's version
    are part of it, so new bytes or a new reader make a new revision whose provenance says so.
    """
    origin = rows.origin[1:] if rows.origin else None
    canonical = json.dumps((rows.document, rows.source, rows.credits, rows.body, rows.collection,
                            origin), separators=(",", ":"))
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


class PreparedRecord:
    """A parsed record with what the store needs to match it: made where it is parsed, in any process.

    It travels between processes as its rows (see ``memcon.archive.rows``), pickled; the
    record itself is rebuilt from them only where it is asked for.
    """

    __slots__ = ("_record", "fingerprint", "identity", "origin_path", "position", "rows",
                 "suggested_id")

    def __init__(self, identity: str, fingerprint: str, suggested_id: str, origin_path: str,
                 position: int, rows: RecordRows, record: DocumentRecord | None = None) -> None:
        self.identity = identity
        self.fingerprint = fingerprint
        self.suggested_id = suggested_id
        self.origin_path = origin_path
        self.position = position
        self.rows = rows
        self._record = record

    @property
    def record(self) -> DocumentRecord:
        """The record (rebuilt from its rows after travelling)."""
        if self._record is None:
            self._record = self.rows.to_record()
        return self._record

    @property
    def origin_sha256(self) -> str:
        """The sha256 of the record's input, or "" when it has no origin."""
        return self.rows.origin[2] if self.rows.origin else ""

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # the rows only: unpickling the record's objects would cost the writer more than the rows
        return (PreparedRecord, (self.identity, self.fingerprint, self.suggested_id,
                                 self.origin_path, self.position, self.rows))

    @classmethod
    def of(cls, record: DocumentRecord, *, position: int = 0) -> PreparedRecord:
        """Prepare ``record``, the ``position``-th of its input (its origin path made absolute)."""
        path = record.origin.path if record.origin else ""
        absolute = str(Path(path).resolve()) if path else ""
        rows = record_rows(record)
        return cls(record_identity(record, absolute, position), record_fingerprint(rows),
                   suggest_id(record), absolute, position, rows, record)
