"""Full-text index over turns, in each database's own engine.

SQLite: an FTS5 table over the turns of archive_bodyitem (external content: the text is not
stored twice), kept in step by triggers, so every write — ingest, admin edit, delete — updates
it in the same transaction. PostgreSQL: a GIN index on to_tsvector('english', text) for turns.

Django rebuilds a SQLite table to alter it, which drops its triggers: a later migration that
alters BodyItem must run SQLITE_TRIGGERS again (tests check that the triggers exist).
"""

from django.db import migrations

SQLITE_TABLE = """
CREATE VIRTUAL TABLE archive_turn_fts USING fts5(
    text, speaker,
    content='archive_bodyitem', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
)
"""

SQLITE_TRIGGERS = [
    """
    CREATE TRIGGER IF NOT EXISTS archive_turn_fts_insert AFTER INSERT ON archive_bodyitem
    WHEN new.kind = 'turn' BEGIN
        INSERT INTO archive_turn_fts(rowid, text, speaker) VALUES (new.id, new.text, new.speaker);
    END
    """,
    """
    CREATE TRIGGER IF NOT EXISTS archive_turn_fts_delete AFTER DELETE ON archive_bodyitem
    WHEN old.kind = 'turn' BEGIN
        INSERT INTO archive_turn_fts(archive_turn_fts, rowid, text, speaker)
        VALUES ('delete', old.id, old.text, old.speaker);
    END
    """,
    """
    CREATE TRIGGER IF NOT EXISTS archive_turn_fts_update AFTER UPDATE ON archive_bodyitem BEGIN
        INSERT INTO archive_turn_fts(archive_turn_fts, rowid, text, speaker)
        SELECT 'delete', old.id, old.text, old.speaker WHERE old.kind = 'turn';
        INSERT INTO archive_turn_fts(rowid, text, speaker)
        SELECT new.id, new.text, new.speaker WHERE new.kind = 'turn';
    END
    """,
]

SQLITE_FILL = """
INSERT INTO archive_turn_fts(rowid, text, speaker)
SELECT id, text, speaker FROM archive_bodyitem WHERE kind = 'turn'
"""

SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS archive_turn_fts_insert",
    "DROP TRIGGER IF EXISTS archive_turn_fts_delete",
    "DROP TRIGGER IF EXISTS archive_turn_fts_update",
    "DROP TABLE IF EXISTS archive_turn_fts",
]

POSTGRESQL_INDEX = """
CREATE INDEX IF NOT EXISTS archive_bodyitem_turn_fts ON archive_bodyitem
USING GIN (to_tsvector('english', text)) WHERE kind = 'turn'
"""

POSTGRESQL_DROP = ["DROP INDEX IF EXISTS archive_bodyitem_turn_fts"]


def create_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        statements = [SQLITE_TABLE, *SQLITE_TRIGGERS, SQLITE_FILL]
    elif vendor == "postgresql":
        statements = [POSTGRESQL_INDEX]
    else:
        statements = []
    for statement in statements:
        schema_editor.execute(statement)


def drop_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_DROP}.get(vendor, [])
    for statement in statements:
        schema_editor.execute(statement)


class Migration(migrations.Migration):

    dependencies = [
        ("archive", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_index, drop_index, elidable=False),
    ]
