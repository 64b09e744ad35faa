"""``memcon db``: migrate, status, backup — on a SQLite file and on PostgreSQL."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from collections.abc import Callable
from pathlib import Path

MemconRun = Callable[..., subprocess.CompletedProcess[str]]


def test_status_of_a_missing_file_does_not_create_it(tmp_path: Path, memcon_run: MemconRun) -> None:
    db = tmp_path / "new.sqlite3"
    done = memcon_run(str(db), "db", "status", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["exists"] is False
    assert not db.exists()


def test_migrate_then_status(db_url: str, memcon_run: MemconRun) -> None:
    migrated = memcon_run(db_url, "db", "migrate")
    assert migrated.returncode == 0, migrated.stderr
    assert memcon_run(db_url, "db", "migrate").stdout.strip().endswith("is up to date")
    status = json.loads(memcon_run(db_url, "db", "status", "--json").stdout)
    assert status["pending_migrations"] == [] and status["documents"] == 0


def test_backup_of_sqlite_is_a_complete_database(tmp_path: Path, memcon_run: MemconRun,
                                                 reference_path: Path) -> None:
    db = str(tmp_path / "archive.sqlite3")
    assert memcon_run(db, "ingest", str(reference_path)).returncode == 0
    copy = tmp_path / "backup.sqlite3"
    done = memcon_run(db, "db", "backup", str(copy))
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT count(*) FROM archive_bodyitem WHERE kind = 'turn'"
                            ).fetchone() == (173,)
    found = json.loads(memcon_run(str(copy), "search", "Dairen", "--json").stdout)
    assert found["total"] == 9  # the search index came along
    again = memcon_run(db, "db", "backup", str(copy))
    assert again.returncode == 2 and "already exists" in again.stderr


def test_backup_of_postgresql_uses_pg_dump(postgresql_db: str, tmp_path: Path,
                                           memcon_run: MemconRun) -> None:
    copy = tmp_path / "archive.dump"
    done = memcon_run(os.environ["MEMCON_TEST_POSTGRESQL_URL"], "db", "backup", str(copy))
    assert done.returncode == 0, done.stderr
    assert copy.read_bytes().startswith(b"PGDMP")


def test_unreachable_server_is_one_clear_line(memcon_run: MemconRun) -> None:
    done = memcon_run("postgresql://memcon@127.0.0.1:1/memcon", "db", "status")
    assert done.returncode == 2
    assert done.stderr.startswith("memcon: database postgresql://memcon@127.0.0.1:1/memcon: ")
    assert "Traceback" not in done.stderr
