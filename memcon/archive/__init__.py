"""The Django app that stores records: models, migrations, admin, ingest."""
