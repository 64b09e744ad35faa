"""The CLI reference (docs/cli.md), generated from every command's ``--help``.

Example: python -m memcon.cli.reference > docs/cli.md
"""

from __future__ import annotations

import click
from click.testing import CliRunner

from memcon.cli.main import cli


def _walk(group: click.Group, prefix: list[str]) -> list[list[str]]:
    names: list[list[str]] = []
    for name in sorted(group.commands):
        command = group.commands[name]
        names.append([*prefix, name])
        if isinstance(command, click.Group):
            names.extend(_walk(command, [*prefix, name]))
    return names


def cli_reference() -> str:
    """Markdown with the help of ``memcon`` and of every command under it."""
    runner = CliRunner()
    parts = [
        "# Command-line reference\n",
        "Generated from `--help` by `python -m memcon.cli.reference > docs/cli.md`; a test "
        "fails when this page and the commands disagree.\n",
    ]
    for words in [[], *_walk(cli, [])]:
        result = runner.invoke(cli, [*words, "--help"], prog_name="memcon", terminal_width=100)
        title = " ".join(["memcon", *words])
        parts.append(f"## {title}\n\n```\n{result.output.rstrip()}\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    print(cli_reference(), end="")
