"""``memcon search``: turns matching a query, best first, with highlighted snippets."""

from __future__ import annotations

import json
import sys

import click

from memcon.cli import global_db
from memcon.search.results import SearchHit, SearchResult

BOLD, PLAIN = "\x1b[1m", "\x1b[0m"


def highlighted(hit: SearchHit, bold: bool) -> str:
    """The hit's snippet, its matches in ANSI bold when ``bold``."""
    if not bold:
        return hit.snippet
    return "".join(BOLD + text + PLAIN if marked else text for text, marked in hit.segments())


def render(result: SearchResult, *, bold: bool, offset: int = 0) -> str:
    """The result as text: per hit, where it is (title, date, turn, speaker), then the snippet."""
    lines: list[str] = []
    for hit in result.hits:
        where = " — ".join(p for p in (hit.title or "(untitled)", hit.date or "undated") if p)
        speaker = f", {hit.speaker}" if hit.speaker else ""
        lines.append(f"{where} — turn {hit.turn}{speaker}  [{hit.document_id}#t{hit.turn}]")
        lines.append(f"    {highlighted(hit, bold)}")
    if result.total == 0:
        lines.append("no turns match")
    elif len(result.hits) < result.total:
        first = offset + 1 if result.hits else offset
        lines.append(f"turns {first}–{offset + len(result.hits)} of {result.total}")
    else:
        lines.append(f"{result.total} turn{'s' if result.total != 1 else ''}")
    return "\n".join(lines)


@click.command("search")
@click.argument("query")
@click.option("--speaker", metavar="LABEL", default=None,
              help="Only turns whose speaker label has these words (any case): "
                   "'Stalin' also matches '[Joseph] Stalin'.")
@click.option("--json", "as_json", is_flag=True,
              help='Print one JSON object: {"query", "total", "hits": [...]}.')
@click.option("--limit", "-n", type=click.IntRange(0, 1000), default=20, show_default=True,
              help="How many hits to show.")
@click.option("--offset", type=click.IntRange(0), default=0, help="Skip this many hits first.")
@click.pass_context
def command(ctx: click.Context, query: str, speaker: str | None, as_json: bool, limit: int,
            offset: int) -> None:
    """Search the turns of every record for QUERY, best matches first.

    QUERY has words (all must match), "exact phrases", prefixes (Dair*), AND, OR, NOT (in
    capitals) and parentheses.

    Example: memcon search Dairen --speaker Stalin
    """
    from memcon.archive.database import database_errors, open_archive

    open_archive(global_db(ctx))
    from memcon.search.engine import search

    with database_errors():
        result = search(query, speaker=speaker, limit=limit, offset=offset, using="default")
    if as_json:
        click.echo(json.dumps(result.to_json(), ensure_ascii=False))
        return
    click.echo(render(result, bold=sys.stdout.isatty(), offset=offset))
