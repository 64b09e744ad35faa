"""``memcon ingest``: files and folders into the archive, idempotently, with a progress bar."""

from __future__ import annotations

import json
import sys
from functools import partial
from typing import IO, TYPE_CHECKING, Any

import click

from memcon.cli import global_db

if TYPE_CHECKING:
    from tqdm import tqdm

    from memcon.archive.ingest import IngestReport
    from memcon.archive.parsing import Failure


class _Progress:
    """A tqdm bar on stderr with the running counts; failures are printed above it."""

    def __init__(self, enabled: bool | None, report_file: IO[str] | None) -> None:
        self.enabled = enabled
        self.report_file = report_file
        self.bar: tqdm[Any] | None = None

    def update(self, report: IngestReport) -> None:
        bar = self.bar
        if bar is None:
            if not self._wanted(report):
                return
            from tqdm import tqdm

            # no monitor thread: ingest forks its parsing processes, and forking is only
            # safe while this process has a single thread
            tqdm.monitor_interval = 0
            bar = self.bar = tqdm(total=report.files, unit="file", file=sys.stderr,
                                  dynamic_ncols=True, initial=report.files_done, smoothing=0.1)
        bar.set_postfix_str(f"{report.summary()}, {report.turns} turns", refresh=False)
        bar.update(report.files_done - bar.n)

    def _wanted(self, report: IngestReport) -> bool:
        if self.enabled is not None:
            return self.enabled
        return report.files > 1 and sys.stderr.isatty()

    def failure(self, failure: Failure) -> None:
        line = f"memcon: {failure}"
        if self.bar is not None:
            self.bar.write(line, file=sys.stderr)
        else:
            click.echo(line, err=True)
        if self.report_file is not None:
            self.report_file.write(json.dumps(failure.as_dict(), ensure_ascii=False) + "\n")
            self.report_file.flush()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "format_name", metavar="NAME", default=None,
              help="Read every file in this format instead of detecting it.")
@click.option("--dry-run", is_flag=True,
              help="Parse and validate everything, and count what would change; write nothing.")
@click.option("--report", "report_path", type=click.Path(dir_okay=False, writable=True),
              default=None, help="Write each failure to FILE as a JSON line {file, position, reason}.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar (default: when several files and stderr is a terminal).")
@click.option("--jobs", "-j", type=click.IntRange(1, 256), default=None,
              help="Parsing processes (default: one per core).")
@click.pass_context
def command(ctx: click.Context, paths: tuple[str, ...], format_name: str | None, dry_run: bool,
            report_path: str | None, progress: bool | None, jobs: int | None) -> None:
    """Ingest record files, and every file under folders, into the archive.

    Folders are walked recursively, leaving out hidden files and a folder's README, LICENSE
    and the like (named on the command line, those are read like any other file).

    Ingest is idempotent: an identical file changes nothing, an edited one updates its record
    as a new revision. Each document is written whole or not at all, even if the ingest is
    interrupted or killed; a file that fails leaves the archive unchanged and is named on
    stderr, and the exit status is then 2. The last line counts the documents: added N,
    updated N, unchanged N, failed N.

    Example: memcon ingest records/ --report failures.jsonl
    """
    from memcon.archive.database import database_errors, ensure_migrated, setup

    setup(global_db(ctx))
    # a dry run creates nothing, not even the database; else a new archive is made and
    # migrated while the first files are parsed
    prepare = None if dry_run else partial(ensure_migrated, "default")
    from memcon.archive.ingest import ingest_paths

    report_file = open(report_path, "w", encoding="utf-8") if report_path else None  # noqa: SIM115
    shown = _Progress(progress, report_file)
    try:
        with database_errors():
            report = ingest_paths(list(paths), using="default", format=format_name,
                                  dry_run=dry_run, jobs=jobs, on_progress=shown.update,
                                  on_failure=shown.failure, prepare=prepare)
    finally:
        shown.close()
        if report_file is not None:
            report_file.close()
    if dry_run:
        click.echo("dry run: nothing was written", err=True)
    click.echo(report.summary())
    if report.interrupted:
        click.echo("memcon: interrupted; every document written so far is complete", err=True)
        sys.exit(130)
    if report.failed:
        sys.exit(2)
