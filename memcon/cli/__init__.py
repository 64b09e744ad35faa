"""The command line: a thin layer, one module per command group, each calling the library."""

from __future__ import annotations

import click


def global_db(ctx: click.Context) -> str | None:
    """The database named by the global ``--db``; None when not given (or outside the group)."""
    root = ctx.find_root()
    return root.obj.get("db") if isinstance(root.obj, dict) else None
