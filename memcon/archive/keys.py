"""What makes a re-ingested record the same stored record, and whether it changed (no Django here).

>>> record = {"collection": {"id": "frus1969-76ve13", "title": None}, "local_id": "d88"}
>>> record_identity(record, "/data/v.xml", 3)
'collection:frus1969-76ve13/d88'
>>> record_identity({"title": "A"}, "/data/a.txt", 0)
'file:/data/a.txt#0'
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from memcon.model import DocumentRecord
from memcon.model.identity import suggest_id


def record_identity(record: dict[str, Any], absolute_path: str, position: int) -> str:
    """The collection and the record's id there when both are known, else file and position."""
    collection = record.get("collection") or {}
    if collection.get("id") and record.get("local_id"):
        return f"collection:{collection['id']}/{record['local_id']}"
    return f"file:{absolute_path}#{position}"


def record_fingerprint(record: dict[str, Any]) -> str:
    """The sha256 of the record's Document JSON, less the input's path (a moved file is the same).

    The input's sha256 and the reader's version are part of it, so new bytes or a new reader
    make a new revision whose provenance says so.
    """
    data = dict(record)
    origin = data.get("origin")
    if isinstance(origin, dict):
        data["origin"] = {k: v for k, v in origin.items() if k != "path"}
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class PreparedRecord:
    """A parsed record with what the store needs to match it: made where it is parsed, in any process."""

    record: DocumentRecord
    identity: str
    fingerprint: str
    suggested_id: str
    origin_path: str
    position: int

    @classmethod
    def of(cls, record: DocumentRecord, *, position: int = 0,
           data: dict[str, Any] | None = None) -> PreparedRecord:
        """Prepare ``record``, the ``position``-th of its input (its origin path made absolute).

        ``data`` is the record's Document JSON when the caller has it already.
        """
        data = data if data is not None else record.to_json()
        path = record.origin.path if record.origin else ""
        absolute = str(Path(path).resolve()) if path else ""
        return cls(record, record_identity(data, absolute, position), record_fingerprint(data),
                   suggest_id(record), absolute, position)

    def to_json_line(self, data: dict[str, Any] | None = None) -> str:
        """The prepared record as one JSON line, to pass between processes."""
        return json.dumps({
            "identity": self.identity, "fingerprint": self.fingerprint,
            "suggested_id": self.suggested_id, "origin_path": self.origin_path,
            "position": self.position,
            "record": data if data is not None else self.record.to_json(),
        }, ensure_ascii=False)

    @classmethod
    def from_json_line(cls, line: str) -> PreparedRecord:
        """Rebuild a prepared record from ``to_json_line``'s output."""
        data = json.loads(line)
        return cls(DocumentRecord.from_json(data["record"]), data["identity"], data["fingerprint"],
                   data["suggested_id"], data["origin_path"], data["position"])
