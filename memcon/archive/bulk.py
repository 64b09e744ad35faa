"""Fast inserts of body items and revisions, and the SQLite search index kept in step with them.

The ORM's bulk_create spends most of its time preparing each value of each row; body items
are plain values, so they go straight to executemany, and their first revisions (the rows
simple-history would write) are copied from them by one ``INSERT … SELECT``.

On SQLite the FTS5 insert trigger costs ~80 µs a row (FTS5 flushes its pending terms at every
nested statement the trigger runs), and even a direct insert into the index inside a
document's savepoint makes FTS5 flush at each release. A bulk writer may therefore suspend
that trigger inside its own transaction (``suspend_turn_trigger``): the DDL is transactional,
so a killed process leaves the trigger as it was. While it is suspended, the turns inserted
are indexed together by ``index_pending``, which the writer runs before it commits, and
before anything that would fire the update or delete triggers on rows not yet indexed.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from functools import cache
from typing import Any

from django.db import connections, models

from memcon.archive.models import BodyItem
from memcon.archive.rows import BODY_COLUMNS

# SQLite's FTS5 table over turns and its insert trigger (migration 0002)
TURN_INDEX = "archive_turn_fts"
_INSERT_TRIGGER = "archive_turn_fts_insert"
# database aliases whose FTS insert trigger is suspended in the open transaction, each with
# the highest body item id indexed (AUTOINCREMENT: every row inserted since has a higher one)
_suspended: dict[str, int] = {}


@cache
def _search_migration() -> Any:
    return importlib.import_module("memcon.archive.migrations.0002_search_index")


def suspend_turn_trigger(using: str) -> bool:
    """Drop the SQLite FTS insert trigger inside the open transaction; False if not SQLite."""
    connection = connections[using]
    if connection.vendor != "sqlite" or using in _suspended:
        return using in _suspended
    assert connection.in_atomic_block, "the trigger may only be suspended inside a transaction"
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TRIGGER IF EXISTS {_INSERT_TRIGGER}")
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {BodyItem._meta.db_table}")
        _suspended[using] = int(cursor.fetchone()[0])
    return True


def index_pending(using: str) -> None:
    """Index the turns inserted since the trigger was suspended (or since the last call)."""
    if using not in _suspended:
        return
    table = BodyItem._meta.db_table
    with connections[using].cursor() as cursor:
        cursor.execute(f"INSERT INTO {TURN_INDEX}(rowid, text, speaker) "
                       f"SELECT id, text, speaker FROM {table} WHERE id > %s AND kind = 'turn'",
                       [_suspended[using]])
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}")
        _suspended[using] = int(cursor.fetchone()[0])


def restore_turn_trigger(using: str) -> None:
    """Index what is pending and create the FTS insert trigger again (before the commit)."""
    if using not in _suspended:
        return
    index_pending(using)
    del _suspended[using]
    with connections[using].cursor() as cursor:
        cursor.execute(_search_migration().SQLITE_TRIGGERS[0])


def forget_suspension(using: str) -> None:
    """The transaction was rolled back, and the trigger's drop with it."""
    _suspended.pop(using, None)


@cache
def historical_model(model: type[models.Model]) -> Any:
    """The simple-history model of ``model`` (looked up once: each lookup builds a manager)."""
    return model.history.model  # type: ignore[attr-defined]


def json_placeholder(vendor: str) -> str:
    """The placeholder of a JSON column's value given as JSON text."""
    return "%s::jsonb" if vendor == "postgresql" else "%s"


@cache
def _history_sql(model: type[models.Model], where: str, after_id: bool = False) -> str:
    historical = historical_model(model)
    columns = ", ".join(f'"{f.column}"' for f in historical.tracked_fields)
    return (f"INSERT INTO {historical._meta.db_table} ({columns}, history_date, "
            f"history_change_reason, history_type, history_user_id) "
            f"SELECT {columns}, %s, %s, '+', NULL FROM {model._meta.db_table} "
            f'WHERE "{where}" = %s' + (' AND "id" > %s' if after_id else ""))


def copy_to_history(cursor: Any, model: type[models.Model], where: str, value: int,
                    stamp: Any, reason: str, after_id: int | None = None) -> None:
    """Write the '+' revision of the ``model`` rows whose column ``where`` is ``value`` (and
    whose id is above ``after_id``, when given: the rows just inserted)."""
    if after_id is None:
        cursor.execute(_history_sql(model, where), [stamp, reason, value])
    else:
        cursor.execute(_history_sql(model, where, True), [stamp, reason, value, after_id])


@cache
def _body_sql(vendor: str) -> str:
    names = ", ".join(f'"{c}"' for c in ("document_id", *BODY_COLUMNS))
    marks = ", ".join(["%s"] * len(BODY_COLUMNS) + [json_placeholder(vendor)])
    return f"INSERT INTO {BodyItem._meta.db_table} ({names}) VALUES ({marks})"


def insert_body_rows(document_id: int, rows: Sequence[tuple[Any, ...]], *, stamp: Any,
                     reason: str, using: str, new_document: bool = True) -> None:
    """Insert body rows (see ``memcon.archive.rows``) of a document, each with its '+' revision.

    For a stored document (``new_document=False``) only the rows inserted now get one.
    """
    if not rows:
        return
    connection = connections[using]
    table = BodyItem._meta.db_table
    with connection.cursor() as cursor:
        last_id = None
        if not new_document:
            # ids only grow: the rows inserted now are this document's rows above this id
            cursor.execute(f'SELECT COALESCE(MAX("id"), 0) FROM {table}')
            last_id = int(cursor.fetchone()[0])
        cursor.executemany(_body_sql(connection.vendor), [(document_id, *row) for row in rows])
        copy_to_history(cursor, BodyItem, "document_id", document_id, stamp, reason, last_id)
