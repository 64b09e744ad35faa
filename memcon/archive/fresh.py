"""Storing a document the archive does not have yet: the ingest writer's hot path, in plain SQL.

Most records an ingest writes are new. Their rows arrive ready to insert (see
``memcon.archive.rows``), so each table gets one statement with the values bound as they are,
and each first revision (django-simple-history's '+' record) is copied from the rows just
written by one ``INSERT … SELECT``: no model instance is built, no value prepared twice.
Updates of stored documents take the ORM's path in ``memcon.archive.store``.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from django.db import connections

from memcon.archive.bulk import copy_to_history, insert_body_rows, json_placeholder
from memcon.archive.keys import PreparedRecord
from memcon.archive.models import Collection, Credit, Document, Source
from memcon.archive.rows import DOCUMENT_COLUMNS, JSON_COLUMNS, SOURCE_COLUMNS

ID_MAX = 200
_DOCUMENT_INSERT = ("doc_id", "identity", *DOCUMENT_COLUMNS, "collection_id", "origin_path",
                    "origin_position", "origin_format", "origin_sha256", "reader_version",
                    "ingested_at", "fingerprint")


@cache
def _document_sql(vendor: str) -> str:
    columns = ", ".join(f'"{c}"' for c in _DOCUMENT_INSERT)
    marks = ", ".join(json_placeholder(vendor) if c in JSON_COLUMNS else "%s"
                      for c in _DOCUMENT_INSERT)
    return f'INSERT INTO {Document._meta.db_table} ({columns}) VALUES ({marks}) RETURNING "id"'


@cache
def _source_sql() -> str:
    columns = ", ".join(f'"{c}"' for c in ("document_id", *SOURCE_COLUMNS))
    marks = ", ".join(["%s"] * (len(SOURCE_COLUMNS) + 1))
    return f"INSERT INTO {Source._meta.db_table} ({columns}) VALUES ({marks})"


def unique_id(suggested: str, using: str) -> str:
    """``suggested`` (shortened) if no stored document has it as its id, else with ``-2``, ``-3``…"""
    base = suggested[: ID_MAX - 6].strip("-") or "record"
    # a range, not LIKE 'base%': SQLite's LIKE ignores case and so cannot use the index
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT doc_id FROM {Document._meta.db_table} WHERE doc_id = %s "
                       f"OR (doc_id >= %s AND doc_id < %s)", [base, f"{base}-", f"{base}."])
        taken = {row[0] for row in cursor.fetchall()}
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def collection_id(key: str | None, title: str | None, using: str) -> int | None:
    """The stored collection ``key`` (made, or retitled, with a revision, when needed)."""
    if not key:
        return None
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT id, title FROM {Collection._meta.db_table} WHERE \"key\" = %s", [key])
        row = cursor.fetchone()
    if row is not None and (not title or row[1] == title):
        return int(row[0])
    # rare: through the ORM, whose signals record the revision
    found, created = Collection.objects.using(using).get_or_create(
        key=key, defaults={"title": title or ""})
    if not created and title and found.title != title:
        found.title = title
        found.save(using=using)
    return int(found.pk)


def insert_document(prepared: PreparedRecord, now: dt.datetime, reason: str, using: str) -> str:
    """Insert a new document and all its rows, each with its first revision; return its id."""
    connection = connections[using]
    rows = prepared.rows
    doc_id = unique_id(prepared.suggested_id, using)
    origin = rows.origin or ("", "", "", "")
    collection = rows.collection or (None, None)
    stamp = connection.ops.adapt_datetimefield_value(now)
    values = (doc_id, prepared.identity, *rows.document,
              collection_id(collection[0], collection[1], using), prepared.origin_path,
              prepared.position, origin[1], origin[2], origin[3], stamp, prepared.fingerprint)
    with connection.cursor() as cursor:
        cursor.execute(_document_sql(connection.vendor), values)
        pk = int(cursor.fetchone()[0])
        copy_to_history(cursor, Document, "id", pk, stamp, reason)
        cursor.execute(_source_sql(), (pk, *rows.source))
        copy_to_history(cursor, Source, "document_id", pk, stamp, reason)
        if rows.credits:
            cursor.executemany(
                f"INSERT INTO {Credit._meta.db_table} (document_id, role, position, name) "
                f"VALUES (%s, %s, %s, %s)", [(pk, *credit) for credit in rows.credits])
            copy_to_history(cursor, Credit, "document_id", pk, stamp, reason)
    insert_body_rows(pk, rows.body, stamp=stamp, reason=reason, using=using)
    return doc_id
