"""A record into rows and rows back into a record: one transaction (a savepoint in a batch) per document.

A record is matched to what is stored by its identity (see ``memcon.archive.keys``): the same
record ingested again from identical input changes nothing; from edited input it updates the
stored document in place, as a new revision (django-simple-history), never as a duplicate.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any, Literal

from django.db import connections, models, transaction
from django.utils import timezone

from memcon.archive.bulk import historical_model, index_pending, insert_body_rows
from memcon.archive.fresh import collection_id, insert_document
from memcon.archive.keys import PreparedRecord
from memcon.archive.models import BodyItem, Credit, Document, Source
from memcon.archive.rows import (
    BODY_COLUMNS,
    CREDIT_ROLES,
    DOCUMENT_COLUMNS,
    JSON_COLUMNS,
    SCALAR_COLUMNS,
    SOURCE_COLUMNS,
)
from memcon.errors import NotFound
from memcon.model import BodyItem as RecordItem
from memcon.model import Collection as RecordCollection
from memcon.model import DocumentRecord, Note, Origin, Participant
from memcon.model import Source as RecordSource

Outcome = Literal["added", "updated", "unchanged"]

_BODY_FIELDS = BODY_COLUMNS[1:]  # what a stored item may change: all but its position


def _match(prepared: PreparedRecord, using: str) -> tuple[int, str, str] | None:
    """The primary key, fingerprint and id of the stored document ``prepared`` is a version of.

    Besides its identity, a record read from identical bytes at the same place in its file is
    the same record: a file moved or copied elsewhere is not ingested twice. Plain SQL: this
    runs for every record ingested, and the ORM took longer to build it than the database to
    answer it.
    """
    table = Document._meta.db_table
    sql = f"SELECT id, fingerprint, doc_id, 0 FROM {table} WHERE identity = %s"
    params: list[str | int] = [prepared.identity]
    if prepared.identity.startswith("file:") and prepared.rows.origin:
        # a copy of its input elsewhere only when it has no identity of its own
        sql += (f" UNION ALL SELECT id, fingerprint, doc_id, 1 FROM {table} WHERE origin_sha256 = %s"
                f" AND origin_position = %s AND fingerprint = %s ORDER BY 4, 1")
        params += [prepared.origin_sha256, prepared.position, prepared.fingerprint]
    with connections[using].cursor() as cursor:
        cursor.execute(sql + " LIMIT 1", params)
        row = cursor.fetchone()
    return (int(row[0]), str(row[1]), str(row[2])) if row else None


def plan(prepared: PreparedRecord, *, using: str = "default") -> Outcome:
    """What storing ``prepared`` would do, without writing anything."""
    found = _match(prepared, using)
    if found is None:
        return "added"
    return "unchanged" if found[1] == prepared.fingerprint else "updated"


def store(prepared: PreparedRecord, *, using: str = "default",
          ingested_at: dt.datetime | None = None, reason: str = "ingest") -> tuple[Outcome, str]:
    """Write one record in one transaction (a savepoint in a batch); return what happened and the id."""
    found = _match(prepared, using)
    if found is not None and found[1] == prepared.fingerprint:
        return "unchanged", found[2]
    now = ingested_at or timezone.now()
    if found is None:
        with transaction.atomic(using=using):
            return "added", insert_document(prepared, now, reason, using)
    # an update fires the index triggers: turns the batch has not indexed yet must be first
    index_pending(using)
    with transaction.atomic(using=using):
        document = Document.objects.using(using).get(pk=found[0])
        _fill_document(document, prepared, now, using)
        _save(document, "~", reason, using)
        _write_source(document, prepared.rows.source, reason, using)
        _write_credits(document, prepared.rows.credits, reason, using)
        _write_body(document, prepared.rows.body, reason, using)
        return "updated", document.doc_id


def store_record(record: DocumentRecord, *, position: int = 0,
                 using: str = "default") -> tuple[Outcome, str]:
    """Store one record (the ``position``-th of its input file)."""
    return store(PreparedRecord.of(record, position=position), using=using)


def _fill_document(document: Document, prepared: PreparedRecord, now: dt.datetime,
                   using: str) -> None:
    rows = prepared.rows
    for name, value in zip(DOCUMENT_COLUMNS, rows.document, strict=True):
        setattr(document, name, json.loads(value) if name in JSON_COLUMNS else value)
    document.identity = prepared.identity
    key, title = rows.collection or (None, None)
    document.collection_id = collection_id(key, title, using)
    _path, origin_format, sha256, reader_version = rows.origin or ("", "", "", "")
    document.origin_path = prepared.origin_path
    document.origin_position = prepared.position
    document.origin_format = origin_format
    document.origin_sha256 = sha256
    document.reader_version = reader_version
    document.ingested_at = now
    document.fingerprint = prepared.fingerprint


def _write_source(document: Document, source: Sequence[str | None], reason: str,
                  using: str) -> None:
    values = dict(zip(SOURCE_COLUMNS, source, strict=True))
    row = Source.objects.using(using).filter(document=document).first()
    if row is not None and all(getattr(row, k) == v for k, v in values.items()):
        return
    kind = "~" if row is not None else "+"
    row = row or Source(document=document)
    for name, value in values.items():
        setattr(row, name, value)
    _save(row, kind, reason, using)


def _save(row: models.Model, kind: str, reason: str, using: str) -> None:
    """Save ``row`` and record its revision directly: simple-history's signal handler builds a
    history manager class on every save, a third of the cost of storing a small document."""
    row.save_without_historical_record(using=using)  # type: ignore[attr-defined]
    _history(type(row), [row], kind, reason, using)


def _write_credits(document: Document, wanted: Sequence[tuple[str, int, str]], reason: str,
                   using: str) -> None:
    rows = list(Credit.objects.using(using).filter(document=document))
    if sorted((r.role, r.position, r.name) for r in rows) == sorted(wanted):
        return
    for row in rows:  # few rows: deleted one by one, so each deletion is a revision
        row._change_reason = reason  # type: ignore[attr-defined]
        row.delete(using=using)
    if not wanted:
        return
    created = Credit.objects.using(using).bulk_create(
        [Credit(document=document, role=role, position=position, name=name)
         for role, position, name in wanted])
    _history(Credit, created, "+", reason, using)


def _write_body(document: Document, body: Sequence[tuple[Any, ...]], reason: str,
                using: str) -> None:
    """Update the body in place: only items that changed get a new revision (and re-indexing)."""
    existing = {row.position: row
                for row in BodyItem.objects.using(using).filter(document=document)}
    to_create: list[tuple[Any, ...]] = []
    to_update: list[BodyItem] = []
    for item in body:
        row = existing.pop(item[0], None)
        if row is None:
            to_create.append(item)
            continue
        values = dict(zip(_BODY_FIELDS, item[1:], strict=True))
        values["meta"] = json.loads(values["meta"])
        if any(getattr(row, k) != v for k, v in values.items()):
            for name, value in values.items():
                setattr(row, name, value)
            to_update.append(row)
    for row in existing.values():  # items the new version no longer has: rare, one by one
        row._change_reason = reason  # type: ignore[attr-defined]
        row.delete(using=using)
    if to_update:
        BodyItem.objects.using(using).bulk_update(to_update, list(_BODY_FIELDS), batch_size=500)
        _history(BodyItem, to_update, "~", reason, using)
    stamp = connections[using].ops.adapt_datetimefield_value(timezone.now())
    insert_body_rows(document.pk, to_create, stamp=stamp, reason=reason, using=using,
                     new_document=False)


def _history(model: type[models.Model], rows: Sequence[models.Model], kind: str, reason: str,
             using: str) -> None:
    """Revisions for rows written in bulk (bulk writes send no signals), in the rows' database."""
    historical = historical_model(model)
    now = timezone.now()
    tracked = historical.tracked_fields
    historical.objects.using(using).bulk_create([
        historical(history_date=now, history_type=kind, history_change_reason=reason,
                   history_user=None, **{f.attname: getattr(row, f.attname) for f in tracked})
        for row in rows
    ], batch_size=500)


def load_record(doc_id: str, *, using: str = "default") -> DocumentRecord:
    """The stored document ``doc_id`` as a record, rebuilt from its rows."""
    document = (Document.objects.using(using).select_related("collection")
                .filter(doc_id=doc_id).first())
    if document is None:
        raise NotFound(f"{doc_id}: no such record in the archive")
    return record_of(document, using=using)


def record_of(document: Document, *, using: str = "default") -> DocumentRecord:
    """Rebuild a record from a stored document and its rows."""
    source_row = Source.objects.using(using).filter(document=document).first()
    source = RecordSource(**{name: getattr(source_row, name) for name in SOURCE_COLUMNS}) \
        if source_row else RecordSource()
    credits: dict[str, list[str]] = {role: [] for _, role in CREDIT_ROLES}
    for credit in Credit.objects.using(using).filter(document=document).order_by("role", "position"):
        credits.setdefault(credit.role, []).append(credit.name)
    body = [RecordItem(row.kind, row.text, speaker=row.speaker if row.kind == "turn" else None,  # type: ignore[arg-type]
                       meta=dict(row.meta))
            for row in BodyItem.objects.using(using).filter(document=document).order_by("position")]
    collection = document.collection
    origin = Origin(path=document.origin_path, format=document.origin_format,
                    sha256=document.origin_sha256, reader_version=document.reader_version) \
        if document.origin_format else None
    return DocumentRecord(
        **{name: getattr(document, name) for name in SCALAR_COLUMNS},
        source=source,
        contributors=credits[Credit.Role.CONTRIBUTOR],
        translators=credits[Credit.Role.TRANSLATOR],
        funders=credits[Credit.Role.FUNDER],
        languages=list(document.languages),
        participants=[Participant(**p) for p in document.participants],
        body=body,
        origin=origin,
        collection=RecordCollection(collection.key, collection.title or None) if collection else None,
        notes=[Note.from_json(n) for n in document.notes],
        extra=dict(document.extra),
    )


def provenance(doc_id: str, *, using: str = "default") -> dict[str, Any]:
    """Where the stored document came from: file, sha256, reader and version, when ingested."""
    document = Document.objects.using(using).filter(doc_id=doc_id).first()
    if document is None:
        raise NotFound(f"{doc_id}: no such record in the archive")
    return {
        "document_id": document.doc_id,
        "file": document.origin_path or None,
        "position": document.origin_position,
        "sha256": document.origin_sha256 or None,
        "reader": document.origin_format or None,
        "reader_version": document.reader_version or None,
        "ingested_at": document.ingested_at.isoformat() if document.ingested_at else None,
        "revisions": document.history.using(using).count(),
    }
