"""The ``memcon`` command group and its global options."""

from __future__ import annotations

import importlib
import sys

import click

from memcon import __version__
from memcon.errors import MemconError

# one module per command group; each defines a click command named like the module
COMMAND_MODULES = ("parse", "ingest", "search", "show", "serve", "db", "demo")


class MemconGroup(click.Group):
    """A group that turns memcon's own errors into one clear line and exit status 2."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except MemconError as exc:
            click.echo(f"memcon: {exc}", err=True)
            sys.exit(2)


@click.group(cls=MemconGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="memcon")
@click.option("--db", "db", metavar="URL", default=None,
              help="Database: a SQLite file path, sqlite:///path or postgresql://user:pass@host:port/name "
                   "(default: $MEMCON_DATABASE_URL, else memcon.sqlite3 here).")
@click.pass_context
def cli(ctx: click.Context, db: str | None) -> None:
    """memcon: an archive of records of diplomatic conversations.

    Example: memcon ingest records/ && memcon search Dairen --speaker Stalin
    """
    ctx.obj = {"db": db}


def _register() -> None:
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"memcon.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"memcon.cli.{name}":
                raise
            continue
        cli.add_command(module.command)


_register()


def main() -> None:
    """Entry point of the ``memcon`` console script."""
    cli(prog_name="memcon")
