"""Fast inserts of a document's body items and their revisions, the hot path of ingest.

The ORM's bulk_create spends most of its time preparing each value of each row; body items
are plain values (only ``meta`` needs preparing), so they go straight to executemany. Each
insert also writes the item's first revision, as simple-history would.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from django.db import connections, models

from memcon.archive.models import BodyItem

_COLUMNS = ("document_id", "position", "kind", "speaker", "turn", "text", "meta")
_HISTORY_COLUMNS = (*_COLUMNS, "id", "history_date", "history_change_reason", "history_type",
                    "history_user_id")


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
