"""``memcon demo``: the bundled sample records in a SQLite file, served in the reading room."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from memcon.cli import global_db
from memcon.cli.serve import (
    DEFAULT_HOST,
    DEFAULT_PORT,
    check_address,
    open_site_archive,
    run_server,
)

if TYPE_CHECKING:
    from memcon.archive.ingest import IngestReport

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def sample_files(root: Path = SAMPLES) -> list[Path]:
    """Every bundled sample record: what ``memcon ingest`` finds in the folder (not its README)."""
    from memcon.archive.ingest import input_files

    return [Path(path) for path in input_files([root])[0]]


def load_samples(files: list[Path]) -> IngestReport:
    """Ingest ``files`` into the configured database, naming each failure on stderr."""
    from memcon.archive.ingest import ingest_paths

    return ingest_paths(files, using="default",
                        on_failure=lambda failure: click.echo(f"memcon: {failure}", err=True))


@click.command("demo")
@click.option("--db", "demo_db", metavar="PATH", default=None,
              help="SQLite file to fill (default: the global --db, else memcon.sqlite3 here).")
@click.option("--host", default=DEFAULT_HOST, show_default=True, help="Address to listen on.")
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0 picks a free one).")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes.")
@click.option("--no-serve", is_flag=True, help="Only ingest the samples; do not start the server.")
@click.pass_context
def command(ctx: click.Context, demo_db: str | None, host: str, port: int, workers: int,
            no_serve: bool) -> None:
    """Ingest the bundled sample records and serve them in the reading room.

    Ingesting is idempotent: running the demo again changes nothing that is already there.
    A sample that cannot be ingested is named on stderr; the others are still served.

    Example: memcon demo --db demo.sqlite3 --port 8080
    """
    if not no_serve:
        check_address(host, port)
    url = open_site_archive(demo_db or global_db(ctx), host)
    files = sample_files()
    click.echo(f"Ingesting {len(files)} sample files into {url}")
    report = load_samples(files)
    click.echo(report.summary())
    if report.interrupted:
        raise SystemExit(130)
    if no_serve:
        if report.failed:
            raise SystemExit(2)
        return
    run_server(host, port, workers, threads=4)
