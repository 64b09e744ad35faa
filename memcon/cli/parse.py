"""``memcon parse``: Document JSON lines on stdout; touches no database."""

from __future__ import annotations

import sys

import click

from memcon.errors import InputError
from memcon.readers.registry import get_reader, read_path


@click.command("parse")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--format", "format_name", metavar="NAME", default=None,
              help="Read every file in this format instead of detecting it.")
def command(files: tuple[str, ...], format_name: str | None) -> None:
    """Print each record in FILES as one line of Document JSON.

    A file that cannot be read is named on stderr with the reason; the others are still
    parsed, and the exit status is then 2.

    Example: memcon parse soong-stalin-1945-08-10.txt | jq .title
    """
    if format_name:
        get_reader(format_name)  # an unknown name is refused before any file is read
    failed = 0
    out = sys.stdout
    for path in files:
        try:
            records = read_path(path, format_name)
        except InputError as exc:
            click.echo(f"memcon: {exc}", err=True)
            failed += 1
            continue
        for record in records:
            out.write(record.to_json_line() + "\n")
        out.flush()
    if failed:
        sys.exit(2)

