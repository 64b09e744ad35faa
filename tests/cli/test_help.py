"""Every command has help with an example, and is described in docs/cli.md."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from memcon.cli.main import cli
from memcon.cli.reference import cli_reference

DOCS = Path(__file__).resolve().parents[2] / "docs" / "cli.md"


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    found: list[tuple[str, click.Command]] = []
    for name, command in sorted(group.commands.items()):
        full = f"{prefix}{name}"
        found.append((full, command))
        if isinstance(command, click.Group):
            found.extend(_commands(command, f"{full} "))
    return found


COMMANDS = _commands(cli)


def test_the_design_commands_exist() -> None:
    names = {name for name, _ in COMMANDS}
    assert {"parse", "ingest", "search", "show", "serve", "db"} <= names


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[n for n, _ in COMMANDS])
def test_every_command_help_shows_an_example(name: str, command: click.Command) -> None:
    result = CliRunner().invoke(cli, [*name.split(), "--help"])
    assert result.exit_code == 0, result.output
    assert "Example:" in result.output, f"memcon {name} --help has no example"


def test_cli_docs_are_generated_from_the_help() -> None:
    assert DOCS.read_text("utf-8") == cli_reference(), (
        "docs/cli.md is out of date: python -m memcon.cli.reference > docs/cli.md"
    )
