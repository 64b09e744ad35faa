"""``memcon show``: one stored record in the terminal, or where it came from."""

from __future__ import annotations

import json
import shutil
import textwrap
from typing import Any

import click

from memcon.cli import global_db
from memcon.model import DocumentRecord

INDENT = "      "


def _when(record: DocumentRecord) -> str:
    date = record.date or "undated"
    if record.date_end and record.date_end != record.date:
        date += f" – {record.date_end}"
    if record.time_start:
        date += f", {record.time_start}" + (f"–{record.time_end}" if record.time_end else "")
    return date


def render_record(doc_id: str, record: DocumentRecord, width: int = 100) -> str:
    """The record as text: title, date, type, source, summary, then the body with turn numbers."""
    lines = [record.title or "(untitled)",
             " · ".join(p for p in (doc_id, _when(record), record.doc_type, record.place) if p)]
    source = record.source
    if source.citation:
        lines.append(f"Source: {source.citation}")
    else:
        held = ", ".join(p for p in (source.repository, source.collection,
                                     source.box and f"box {source.box}",
                                     source.folder and f"folder {source.folder}") if p)
        if held:
            lines.append(f"Source: {held}")
    for label, names in (("Contributed by", record.contributors),
                         ("Translated by", record.translators), ("Funded by", record.funders)):
        if names:
            lines.append(f"{label}: {', '.join(names)}")
    if record.summary:
        lines += ["", textwrap.fill(record.summary, width)]
    lines.append("")
    turn = 0
    for item in record.body:
        paragraphs = item.paragraphs
        if item.kind == "turn":
            turn += 1
            head = f"t{turn:<4} {item.speaker or '(no speaker)'}: "
            lines.append(textwrap.fill(paragraphs[0], width, initial_indent=head,
                                       subsequent_indent=INDENT))
            lines += [textwrap.fill(p, width, initial_indent=INDENT, subsequent_indent=INDENT)
                      for p in paragraphs[1:]]
        elif item.kind == "stage":
            lines.append(textwrap.fill(item.text, width, initial_indent=INDENT + "  ",
                                       subsequent_indent=INDENT + "  "))
        else:
            lines += [textwrap.fill(p, width) for p in paragraphs]
    if not record.complete:
        lines += ["", "[the source is cut off here: this record is incomplete]"]
    return "\n".join(lines)


def render_provenance(found: dict[str, Any]) -> str:
    """Where the record came from, one field per line."""
    reader = found["reader"] or "unknown"
    if found["reader_version"]:
        reader += f" {found['reader_version']}"
    return "\n".join([
        f"document:    {found['document_id']}",
        f"file:        {found['file'] or 'unknown'}",
        f"record:      {found['position'] + 1} in its file",
        f"sha256:      {found['sha256'] or 'unknown'}",
        f"reader:      {reader}",
        f"ingested at: {found['ingested_at'] or 'unknown'}",
        f"revisions:   {found['revisions']}",
    ])


@click.command("show")
@click.argument("doc_id", metavar="ID")
@click.option("--provenance", is_flag=True,
              help="Show where the record came from: file, sha256, reader and version, ingest time.")
@click.option("--json", "as_json", is_flag=True, help="Print the record as Document JSON.")
@click.pass_context
def command(ctx: click.Context, doc_id: str, provenance: bool, as_json: bool) -> None:
    """Print the stored record ID: title, date, source, and its turns with speakers and numbers.

    An unknown ID is an error (exit status 2).

    Example: memcon show 1945-08-10-soong-stalin --provenance
    """
    from memcon.archive.database import database_errors, open_archive

    open_archive(global_db(ctx))
    from memcon.archive import store

    if provenance:
        with database_errors():
            found = store.provenance(doc_id, using="default")
        click.echo(json.dumps(found, ensure_ascii=False) if as_json else render_provenance(found))
        return
    with database_errors():
        record = store.load_record(doc_id, using="default")
    if as_json:
        click.echo(record.to_json_line())
        return
    width = min(shutil.get_terminal_size((100, 24)).columns, 100)
    click.echo(render_record(doc_id, record, width))
