"""Looking after the database: its status, and backups (SQLite's online backup, or pg_dump)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

from django.db import connections

from memcon.archive.database import describe, pending_migrations
from memcon.archive.models import BodyItem, Document
from memcon.errors import ConfigurationError


def status(using: str = "default") -> dict[str, Any]:
    """The database, its engine, pending migrations and what the archive holds."""
    connection = connections[using]
    out: dict[str, Any] = {"database": describe(using), "engine": connection.vendor}
    if connection.vendor == "sqlite" and not Path(connection.settings_dict["NAME"]).exists():
        out.update(exists=False, pending_migrations=None, documents=0, turns=0)
        return out
    pending = pending_migrations(using)
    out.update(exists=True, pending_migrations=pending)
    if Document._meta.db_table in connection.introspection.table_names():
        last = (Document.objects.using(using).exclude(ingested_at=None)
                .order_by("-ingested_at").values_list("ingested_at", flat=True).first())
        out.update(documents=Document.objects.using(using).count(),
                   turns=BodyItem.objects.using(using).filter(kind="turn").count(),
                   last_ingest=last.isoformat() if last else None)
    else:
        out.update(documents=0, turns=0, last_ingest=None)
    return out


def backup(path: str | Path, using: str = "default") -> Path:
    """Copy the whole database to a new file at ``path``, consistently, while it stays in use."""
    target = Path(path).expanduser().resolve()
    if target.exists():
        raise ConfigurationError(f"{path}: already exists; give a new file name for the backup")
    if not target.parent.is_dir():
        raise ConfigurationError(f"{path}: the folder {target.parent} does not exist")
    connection = connections[using]
    if connection.vendor == "sqlite":
        source = Path(connection.settings_dict["NAME"])
        if not source.exists():
            raise ConfigurationError(f"{source}: no database there yet; nothing to back up")
        connection.ensure_connection()
        raw = connection.connection
        assert isinstance(raw, sqlite3.Connection)
        with sqlite3.connect(target) as copy:
            raw.backup(copy)  # SQLite's online backup: a consistent copy, writers keep going
        copy.close()
        return target
    if connection.vendor == "postgresql":
        return _pg_dump(target, connection.settings_dict)
    raise ConfigurationError(f"backup is not available for a {connection.vendor} database")


def _pg_dump(target: Path, settings: dict[str, Any]) -> Path:
    program = shutil.which("pg_dump")
    if program is None:
        raise ConfigurationError(
            "pg_dump was not found: install PostgreSQL's client tools (Debian: apt-get install "
            "postgresql-client) or back the server up with its own tools")
    env = dict(os.environ)
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = settings["PASSWORD"]
    command = [program, "--format=custom", "--no-owner", f"--file={target}",
               f"--dbname={settings['NAME']}"]
    if settings.get("HOST"):
        command.append(f"--host={settings['HOST']}")
    if settings.get("PORT"):
        command.append(f"--port={settings['PORT']}")
    if settings.get("USER"):
        command.append(f"--username={settings['USER']}")
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        target.unlink(missing_ok=True)
        raise ConfigurationError(f"pg_dump failed: {done.stderr.strip() or done.returncode}")
    return target
