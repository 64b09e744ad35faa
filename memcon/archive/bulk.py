"""Fast inserts of a document's body items and their revisions, the hot path of ingest.

The ORM's bulk_create spends most of its time preparing each value of each row; body items
are plain values (only ``meta`` needs preparing), so they go straight to executemany. Each
insert also writes the item's first revision, as simple-history would.

On SQLite the FTS5 insert trigger costs ~80 µs a row (FTS5 flushes its pending terms at every
nested statement the trigger runs), ten times a direct insert into the index. A bulk writer may
therefore suspend that trigger inside its own transaction (``suspend_turn_trigger``): the DDL is
transactional, so a killed process leaves the trigger as it was, and until the trigger is
restored every insert here indexes its turns itself.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
from functools import cache
from typing import Any

from django.db import connections, models

from memcon.archive.models import BodyItem

_COLUMNS = ("document_id", "position", "kind", "speaker", "turn", "text", "meta")
_HISTORY_COLUMNS = (*_COLUMNS, "id", "history_date", "history_change_reason", "history_type",
                    "history_user_id")
_INSERT_TRIGGER = "archive_turn_fts_insert"
# database aliases whose FTS insert trigger is suspended in the open transaction
_suspended: set[str] = set()


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
    _suspended.add(using)
    return True


def restore_turn_trigger(using: str) -> None:
    """Create the FTS insert trigger again (before the transaction commits)."""
    if using not in _suspended:
        return
    _suspended.discard(using)
    with connections[using].cursor() as cursor:
        cursor.execute(_search_migration().SQLITE_TRIGGERS[0])


def forget_suspension(using: str) -> None:
    """The transaction was rolled back, and the trigger's drop with it."""
    _suspended.discard(using)


@cache
def historical_model(model: type[models.Model]) -> Any:
    """The simple-history model of ``model`` (looked up once: each lookup builds a manager)."""
    return model.history.model  # type: ignore[attr-defined]


def _insert_sql(table: str, columns: tuple[str, ...], quote: Any) -> str:
    names = ", ".join(quote(c) for c in columns)
    marks = ", ".join(["%s"] * len(columns))
    return f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})"


def insert_body_items(document_id: int, items: list[tuple[int, dict[str, Any]]], *,
                      reason: str, when: dt.datetime, using: str) -> None:
    """Insert ``(position, values)`` items of one document, each with its '+' revision."""
    if not items:
        return
    connection = connections[using]
    quote = connection.ops.quote_name
    meta = BodyItem._meta.get_field("meta")
    if connection.vendor == "sqlite":  # what JSONField would store, without its layers
        rows = [(document_id, position, v["kind"], v["speaker"], v["turn"], v["text"],
                 json.dumps(v["meta"])) for position, v in items]
    else:
        rows = [(document_id, position, v["kind"], v["speaker"], v["turn"], v["text"],
                 meta.get_db_prep_save(v["meta"], connection)) for position, v in items]
    table = BodyItem._meta.db_table
    history_table = historical_model(BodyItem)._meta.db_table
    stamp = connection.ops.adapt_datetimefield_value(when)
    with connection.cursor() as cursor:
        cursor.executemany(_insert_sql(table, _COLUMNS, quote), rows)
        # the new rows' ids, for their revisions (executemany returns none)
        cursor.execute(f"SELECT {quote('position')}, {quote('id')} FROM {quote(table)} "
                       f"WHERE {quote('document_id')} = %s AND {quote('position')} >= %s",
                       [document_id, min(position for position, _ in items)])
        ids = dict(cursor.fetchall())
        cursor.executemany(_insert_sql(history_table, _HISTORY_COLUMNS, quote),
                           [(*row, ids[row[1]], stamp, reason, "+", None) for row in rows])
        if using in _suspended:  # the trigger would have indexed the turns: index them here
            cursor.executemany(
                "INSERT INTO archive_turn_fts(rowid, text, speaker) VALUES (%s, %s, %s)",
                [(ids[row[1]], row[5], row[3]) for row in rows if row[2] == "turn"])
