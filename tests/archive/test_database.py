"""Opening the archive's database: a new SQLite file is created and migrated on first use."""

from __future__ import annotations

import pytest

from memcon.archive.database import database_errors, describe, ensure_migrated, pending_migrations
from memcon.errors import ConfigurationError


def test_migrated_database_has_nothing_pending(db_alias: str) -> None:
    assert pending_migrations(db_alias) == []
    assert ensure_migrated(db_alias) == []


def test_describe_never_shows_a_password(db_alias: str) -> None:
    assert ":" not in describe(db_alias).split("@")[0].removeprefix("postgresql://")


def test_database_errors_become_one_configuration_error(db_alias: str) -> None:
    from django.db import connections

    with pytest.raises(ConfigurationError, match="no_such_table"), database_errors(db_alias), \
            connections[db_alias].cursor() as cursor:
        cursor.execute("SELECT * FROM no_such_table")
