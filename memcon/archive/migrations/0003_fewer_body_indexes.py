"""Drop two indexes every ingested body item paid for and no query uses.

``archive_bodyitem.document_id`` is covered by the unique (document, position) index, and
the revisions of body items are looked up by document, not by the id of one item. The
database side drops the indexes by name; a table rebuild (what SQLite's AlterField does)
would also drop the search index's triggers on the table.
"""

import django.db.models.deletion
from django.db import migrations, models

# (table, column) of each index dropped
INDEXES = (("archive_bodyitem", "document_id"), ("archive_historicalbodyitem", "id"))


def _name(schema_editor, table, column):
    # the name Django gave the index when it created it (the same on SQLite and PostgreSQL)
    return schema_editor._create_index_name(table, [column])


def drop_indexes(apps, schema_editor):
    for table, column in INDEXES:
        name = schema_editor.quote_name(_name(schema_editor, table, column))
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


def create_indexes(apps, schema_editor):
    for table, column in INDEXES:
        name = schema_editor.quote_name(_name(schema_editor, table, column))
        schema_editor.execute(f"CREATE INDEX {name} ON {schema_editor.quote_name(table)} "
                              f"({schema_editor.quote_name(column)})")


class Migration(migrations.Migration):

    dependencies = [
        ("archive", "0002_search_index"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="bodyitem",
                    name="document",
                    field=models.ForeignKey(db_index=False,
                                            on_delete=django.db.models.deletion.CASCADE,
                                            related_name="body", to="archive.document"),
                ),
                migrations.AlterField(
                    model_name="historicalbodyitem",
                    name="id",
                    field=models.BigIntegerField(auto_created=True, blank=True, verbose_name="ID"),
                ),
            ],
            database_operations=[migrations.RunPython(drop_indexes, create_indexes)],
        ),
    ]
