"""Database status and backup, in process."""

from __future__ import annotations

from pathlib import Path

import pytest

from memcon.archive import store
from memcon.archive.maintenance import backup, status
from memcon.errors import ConfigurationError
from memcon.model import DocumentRecord


def test_status_counts_documents_and_turns(db_alias: str, dairen_record: DocumentRecord) -> None:
    store.store_record(dairen_record, using=db_alias)
    found = status(db_alias)
    assert (found["exists"], found["pending_migrations"]) == (True, [])
    assert (found["documents"], found["turns"]) == (1, 13)
    assert found["last_ingest"]


def test_backup_refuses_to_overwrite(db_alias: str, tmp_path: Path) -> None:
    taken = tmp_path / "taken"
    taken.write_text("keep me")
    with pytest.raises(ConfigurationError, match="already exists"):
        backup(taken, db_alias)
    assert taken.read_text() == "keep me"


def test_backup_needs_an_existing_folder(db_alias: str, tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="does not exist"):
        backup(tmp_path / "no" / "such" / "folder.bak", db_alias)
