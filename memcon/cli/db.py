"""``memcon db``: migrate the database, show its status, back it up."""

from __future__ import annotations

import json

import click

from memcon.cli import global_db


@click.group("db")
def command() -> None:
    """Look after the archive's database: migrate | status | backup PATH.

    Example: memcon --db archive.sqlite3 db status
    """


@command.command("migrate")
@click.pass_context
def migrate_command(ctx: click.Context) -> None:
    """Apply every pending migration (a new SQLite file is created).

    Example: memcon --db postgresql://memcon@db.example.org/memcon db migrate
    """
    from memcon.archive.database import database_errors, describe, migrate, setup

    setup(global_db(ctx))
    with database_errors():
        applied = migrate("default")
    if applied:
        click.echo(f"applied {len(applied)} migrations to {describe()}")
    else:
        click.echo(f"{describe()} is up to date")


@command.command("status")
@click.option("--json", "as_json", is_flag=True, help="Print the status as one JSON object.")
@click.pass_context
def status_command(ctx: click.Context, as_json: bool) -> None:
    """Show the database, its pending migrations and how many documents and turns it holds.

    Example: memcon db status --json
    """
    from memcon.archive.database import database_errors, setup

    setup(global_db(ctx))
    from memcon.archive.maintenance import status

    with database_errors():
        found = status("default")
    if as_json:
        click.echo(json.dumps(found, ensure_ascii=False))
        return
    click.echo(f"database: {found['database']} ({found['engine']})")
    if not found["exists"]:
        click.echo("not created yet: the first ingest or `memcon db migrate` creates it")
        return
    pending = found["pending_migrations"]
    click.echo(f"migrations: {len(pending)} pending ({', '.join(pending)})" if pending
               else "migrations: up to date")
    click.echo(f"documents: {found['documents']}, turns: {found['turns']}")
    if found.get("last_ingest"):
        click.echo(f"last ingest: {found['last_ingest']}")


@command.command("backup")
@click.argument("path", type=click.Path(dir_okay=False))
@click.pass_context
def backup_command(ctx: click.Context, path: str) -> None:
    """Copy the whole database to a new file PATH while it stays in use.

    SQLite: a consistent copy made with SQLite's online backup, itself a SQLite file.
    PostgreSQL: pg_dump's custom format (restore with pg_restore).

    Example: memcon db backup archive-2025-01-31.sqlite3
    """
    from memcon.archive.database import database_errors, setup

    setup(global_db(ctx))
    from memcon.archive.maintenance import backup

    with database_errors():
        target = backup(path, "default")
    click.echo(f"backed up to {target}")
