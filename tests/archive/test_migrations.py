"""Models and migrations agree, and the search index exists on each database."""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command
from django.db import connections


def test_models_and_migrations_agree() -> None:
    out = StringIO()
    # exits with status 1 (SystemExit) when a model change has no migration
    call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    assert "No changes detected" in out.getvalue()


def test_search_index_exists(db_alias: str) -> None:
    connection = connections[db_alias]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                           "AND tbl_name = 'archive_bodyitem' ORDER BY name")
            assert [row[0] for row in cursor.fetchall()] == [
                "archive_turn_fts_delete", "archive_turn_fts_insert", "archive_turn_fts_update"]
            assert "archive_turn_fts" in connection.introspection.table_names()
            # merged eight segments at a time: cheaper to write (migration 0004)
            cursor.execute("SELECT v FROM archive_turn_fts_config WHERE k = 'automerge'")
            assert cursor.fetchone()[0] == 8
        else:
            cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = "
                           "'archive_bodyitem_turn_fts'")
            (definition,) = cursor.fetchone()
            assert "to_tsvector('english'::regconfig, text)" in definition
            assert "WHERE" in definition and "turn" in definition


def test_migrations_can_be_reversed_and_applied_again(db_alias: str) -> None:
    call_command("migrate", "archive", "0001", database=db_alias, verbosity=0)
    try:
        assert "archive_turn_fts" not in connections[db_alias].introspection.table_names()
    finally:
        call_command("migrate", "archive", database=db_alias, verbosity=0)
    test_search_index_exists(db_alias)


def body_item_indexes(db_alias: str) -> dict[str, list[str]]:
    """Each index (unique ones too, not the primary key) on the body item tables, with its columns."""
    connection = connections[db_alias]
    with connection.cursor() as cursor:
        found = {}
        for table in ("archive_bodyitem", "archive_historicalbodyitem"):
            for name, info in connection.introspection.get_constraints(cursor, table).items():
                if (info["index"] or info["unique"]) and not info["primary_key"]:
                    found[f"{table}.{name}"] = info["columns"]
    return found


def test_body_items_carry_no_redundant_index(db_alias: str) -> None:
    columns = sorted(tuple(c) for name, c in body_item_indexes(db_alias).items()
                     if name.startswith("archive_bodyitem."))
    # lookups by document use the (document, position) index; no index of document alone
    assert ("document_id", "position") in columns
    assert ("document_id",) not in columns
    history = [c for name, c in body_item_indexes(db_alias).items()
               if name.startswith("archive_historicalbodyitem.")]
    assert ["document_id"] in history and ["id"] not in history


def test_a_documents_body_is_read_through_an_index(default_db: str) -> None:
    # SQLite's plan only: PostgreSQL's planner picks a sequential scan on a table this small
    with connections[default_db].cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN SELECT * FROM archive_bodyitem WHERE document_id = 1 "
                       "ORDER BY position")
        plan = " ".join(str(row[-1]) for row in cursor.fetchall())
    assert "USING INDEX" in plan and "TEMP B-TREE" not in plan, plan
