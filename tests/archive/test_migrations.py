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
