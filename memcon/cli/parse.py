"""``memcon parse``: Document JSON lines on stdout; touches no database."""

from __future__ import annotations

import sys

import click

from memcon.errors import InputError
from memcon.readers.registry import get_reader, iter_path


@click.command("parse")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--format", "format_name", metavar="NAME", default=None,
              help="Read every file in this format instead of detecting it.")
def command(files: tuple[str, ...], format_name: str | None) -> None:
    """Print each record in FILES as one line of Document JSON.

    Records are printed as they are read, so a volume streams through in little memory. A
    file that cannot be read is named on stderr with the reason and the place (the records
    before that place are printed already); the others are still parsed, and the exit status
    is then 2.

    Example: memcon parse soong-stalin-1945-08-10.txt | jq .title
    """
    if format_name:
        get_reader(format_name)  # an unknown name is refused before any file is read
    failed = 0
    out = sys.stdout
    for path in files:
        try:
            for record in iter_path(path, format_name):
                out.write(record.to_json_line() + "\n")
        except InputError as exc:
            out.flush()  # the records before the failure come before its message
            click.echo(f"memcon: {exc}", err=True)
            failed += 1
        out.flush()
    if failed:
        sys.exit(2)

