"""Search over turns: a query language and engines (SQLite FTS5, PostgreSQL full text)."""
