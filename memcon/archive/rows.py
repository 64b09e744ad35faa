"""A record as the rows the archive stores, built where it is parsed (no Django here).

Parsing workers turn each record into plain tuples, column values ready to insert, so that
the writing process, the one every record waits for, only binds them: it neither rebuilds
the record nor encodes its JSON columns. The record can be rebuilt from its rows, exactly,
for the rarer paths that need it (an edited record updated in place).

>>> from memcon.model import BodyItem, DocumentRecord
>>> rows = record_rows(DocumentRecord(title="T", body=[BodyItem("turn", "Yes.", speaker="A")]))
>>> rows.body
((0, 'turn', 'A', 1, 'Yes.', '{}'),)
>>> rows.to_record().body[0].speaker
'A'
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from memcon.model import BodyItem, Collection, DocumentRecord, Note, Origin, Participant, Source

# the document's own columns taken from the record, in this order (JSON ones as JSON text)
DOCUMENT_COLUMNS = (
    "title", "date", "date_end", "date_text", "time_start", "time_end", "doc_type", "summary",
    "original_heading", "place", "doc_number", "local_id", "classification", "drafted_by",
    "rights", "uploaded", "complete", "languages", "participants", "notes", "extra",
)
JSON_COLUMNS = frozenset({"languages", "participants", "notes", "extra"})
SOURCE_COLUMNS = ("citation", "repository", "collection", "series", "box", "folder",
                  "record_id", "url")
# record attribute → Credit.role
CREDIT_ROLES = (("contributors", "contributor"), ("translators", "translator"),
                ("funders", "funder"))
# a body row: position, kind, speaker (turns only), turn number (turns only), text, meta JSON
BODY_COLUMNS = ("position", "kind", "speaker", "turn", "text", "meta")
SCALAR_COLUMNS = tuple(c for c in DOCUMENT_COLUMNS if c not in JSON_COLUMNS)


def to_json_text(value: Any) -> str:
    """JSON text as the archive's JSON columns store it (what Django's JSONField writes)."""
    return json.dumps(value) if value else ("{}" if isinstance(value, dict) else "[]")


@dataclass(slots=True)
class RecordRows:
    """A record's rows: the document's columns, its source, credits and body, as plain tuples."""

    document: tuple[Any, ...]
    origin: tuple[str, str, str, str] | None  # path as read, format, sha256, reader version
    collection: tuple[str | None, str | None] | None  # id, title
    source: tuple[str | None, ...]
    credits: tuple[tuple[str, int, str], ...]  # role, position, name
    body: tuple[tuple[int, str, str | None, int | None, str, str], ...]
    turns: int

    def to_record(self) -> DocumentRecord:
        """The record these rows were made from."""
        values = dict(zip(DOCUMENT_COLUMNS, self.document, strict=True))
        credits: dict[str, list[str]] = {role: [] for _, role in CREDIT_ROLES}
        for role, _position, name in self.credits:
            credits[role].append(name)
        return DocumentRecord(
            **{name: values[name] for name in SCALAR_COLUMNS},
            languages=json.loads(values["languages"]),
            participants=[Participant(**p) for p in json.loads(values["participants"])],
            notes=[Note.from_json(n) for n in json.loads(values["notes"])],
            extra=json.loads(values["extra"]),
            source=Source(*self.source),
            contributors=credits["contributor"], translators=credits["translator"],
            funders=credits["funder"],
            origin=Origin(*self.origin) if self.origin else None,
            collection=Collection(*self.collection) if self.collection else None,
            body=[BodyItem(kind, text, speaker=speaker, meta=json.loads(meta))  # type: ignore[arg-type]
                  for _position, kind, speaker, _turn, text, meta in self.body],
        )


class _MetaEncoder:
    """``to_json_text`` for a record's body items, each distinct meta encoded once.

    Most turns of a volume share a handful of metas (the label's form, the speaker's id),
    and encoding them is a tenth of what preparing a record costs. Values are keyed with
    their type: ``1`` and ``True`` are equal keys but not the same JSON.
    """

    __slots__ = ("_encoded",)

    def __init__(self) -> None:
        self._encoded: dict[tuple[Any, ...], str] = {}

    def __call__(self, meta: dict[str, Any]) -> str:
        if not meta:
            return "{}"
        try:
            key = tuple([(name, value.__class__, value) for name, value in meta.items()])
            text = self._encoded.get(key)
        except TypeError:  # a list or a dict among the values: not a key
            return to_json_text(meta)
        if text is None:
            text = self._encoded[key] = to_json_text(meta)
        return text


def record_rows(record: DocumentRecord) -> RecordRows:
    """The rows that store ``record``."""
    # DOCUMENT_COLUMNS lists the JSON columns last, in this order
    document = (
        *(getattr(record, name) for name in SCALAR_COLUMNS),
        to_json_text(list(record.languages)),
        to_json_text([p.to_json() for p in record.participants]),
        to_json_text([n.to_json() for n in record.notes]),
        to_json_text(dict(record.extra)),
    )
    body: list[tuple[int, str, str | None, int | None, str, str]] = []
    turn = 0
    meta_text = _MetaEncoder()
    for position, item in enumerate(record.body):
        if item.kind == "turn":
            turn += 1
            body.append((position, "turn", item.speaker, turn, item.text, meta_text(item.meta)))
        else:
            body.append((position, item.kind, None, None, item.text, meta_text(item.meta)))
    origin = record.origin
    collection = record.collection
    return RecordRows(
        document=document,
        origin=(origin.path, origin.format, origin.sha256, origin.reader_version) if origin else None,
        collection=(collection.id, collection.title) if collection else None,
        source=tuple(getattr(record.source, name) for name in SOURCE_COLUMNS),
        credits=tuple((role, position, name) for attr, role in CREDIT_ROLES
                      for position, name in enumerate(getattr(record, attr))),
        body=tuple(body),
        turns=turn,
    )
