"""Databases for the tests: a throwaway SQLite file, and PostgreSQL when a server is given.

Django is pointed at a temporary SQLite file before it starts, so no test ever touches the
database of the developer's environment. With MEMCON_TEST_POSTGRESQL_URL set (``.ci/run`` sets
it, after ``scripts/postgres-start``), a fresh database is created on that server for this run
and dropped at the end; the ``db_alias`` fixture then runs each storage test on both databases.
Without it the PostgreSQL half is skipped, saying why, except under CI=true, where it fails.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from memcon.model import DocumentRecord
from tests.support import process
from tests.support.records import soong_stalin_dairen_exchange

os.environ["MEMCON_TESTING"] = "1"
_TMP = Path(tempfile.mkdtemp(prefix="memcon-tests-"))
os.environ["MEMCON_DATABASE_URL"] = str(_TMP / "test.sqlite3")
os.environ.setdefault("MEMCON_SECRET_KEY", "test-only-secret")

PG_ENV = "MEMCON_TEST_POSTGRESQL_URL"
_PG_SERVER_URL = os.environ.get(PG_ENV)
_PG_PROBLEM: str | None = None
_PG_TEST_DB: str | None = None


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, parts.fragment))


def _create_pg_test_database() -> None:
    """A database of this run's own on the server, so runs and the server's data never mix."""
    global _PG_PROBLEM, _PG_TEST_DB
    import psycopg

    assert _PG_SERVER_URL is not None
    name = f"memcon_test_{secrets.token_hex(4)}"
    try:
        with psycopg.connect(_PG_SERVER_URL, autocommit=True, connect_timeout=10) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.errors.InsufficientPrivilege:
        return  # a role that may not create databases: use the one it was given, as it is
    except psycopg.Error as exc:
        _PG_PROBLEM = f"cannot create a test database on {PG_ENV}: {exc}".strip()
        os.environ.pop(PG_ENV, None)
        return
    _PG_TEST_DB = name
    os.environ[PG_ENV] = _with_database(_PG_SERVER_URL, name)


if _PG_SERVER_URL:
    _create_pg_test_database()

from memcon.archive.database import setup  # noqa: E402  (after the environment is set)

setup()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Remove this run's SQLite folder and drop its PostgreSQL database."""
    from django.db import connections

    connections.close_all()
    shutil.rmtree(_TMP, ignore_errors=True)
    if _PG_TEST_DB is None or _PG_SERVER_URL is None:
        return
    import psycopg

    try:
        with psycopg.connect(_PG_SERVER_URL, autocommit=True, connect_timeout=10) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{_PG_TEST_DB}" WITH (FORCE)')
    except psycopg.Error:
        pass  # a server already stopped takes its databases with it


ALIASES = {"sqlite": "default", "postgresql": "postgresql"}
_migrated: set[str] = set()


def pg_url() -> str:
    """The URL of this run's PostgreSQL test database (only when there is one)."""
    return os.environ[PG_ENV]


def require_postgresql() -> None:
    """Skip (locally) or fail (CI=true) when no PostgreSQL server was given."""
    if PG_ENV in os.environ:
        return
    reason = _PG_PROBLEM or f"no PostgreSQL: set {PG_ENV}=postgresql://… (see scripts/postgres-start)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"PostgreSQL tests must run in CI: {reason}")
    pytest.skip(reason)


def clean(alias: str) -> None:
    """Empty every table the archive writes (and users), keeping the schema and search index."""
    from django.db import connections

    # children before parents; body items first, so their trigger keeps the FTS index in step
    tables = [
        "archive_bodyitem", "archive_credit", "archive_source", "archive_historicalbodyitem",
        "archive_historicalcredit", "archive_historicalsource", "archive_historicaldocument",
        "archive_historicalcollection", "archive_document", "archive_collection",
        "django_admin_log", "django_session", "auth_user_groups", "auth_user_user_permissions",
        "auth_user",
    ]
    connection = connections[alias]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("TRUNCATE " + ", ".join(tables) + " RESTART IDENTITY CASCADE")
        else:
            for table in tables:
                cursor.execute(f"DELETE FROM {table}")


def _prepared(alias: str) -> Iterator[str]:
    from memcon.archive.database import ensure_migrated

    if alias not in _migrated:
        ensure_migrated(alias)
        _migrated.add(alias)
    clean(alias)
    yield alias
    clean(alias)


@pytest.fixture(params=[pytest.param("sqlite"),
                        pytest.param("postgresql", marks=pytest.mark.postgresql)])
def db_alias(request: pytest.FixtureRequest) -> Iterator[str]:
    """The Django alias of an empty, migrated database: SQLite, then PostgreSQL."""
    if request.param == "postgresql":
        require_postgresql()
    yield from _prepared(ALIASES[request.param])


@pytest.fixture
def default_db() -> Iterator[str]:
    """The default (SQLite) database, empty and migrated: for what serves only it, the admin."""
    yield from _prepared("default")


@pytest.fixture
def postgresql_db() -> Iterator[str]:
    """This run's PostgreSQL database, empty and migrated, for what only PostgreSQL has."""
    require_postgresql()
    yield from _prepared("postgresql")


@pytest.fixture
def db_url(db_alias: str, tmp_path: Path) -> str:
    """A database URL for a memcon subprocess, on the same engine as ``db_alias``.

    SQLite: a new file (the command creates and migrates it); PostgreSQL: this run's database.
    """
    if db_alias == "postgresql":
        return pg_url()
    return str(tmp_path / "archive.sqlite3")


@pytest.fixture
def dairen_record() -> DocumentRecord:
    """A fresh copy of the reference record's Dairen exchange (see soong_stalin_dairen_exchange)."""
    return soong_stalin_dairen_exchange()


MemconRun = Callable[..., "subprocess.CompletedProcess[str]"]


@pytest.fixture
def memcon_run() -> MemconRun:
    """Run ``python -m memcon --db DB ARGS`` as a real process, to the end."""
    return process.run_memcon


@pytest.fixture
def reference_path() -> Path:
    """The reference record's file (Wilson Center, Soong–Stalin, 10 August 1945)."""
    return process.REFERENCE


@pytest.fixture
def memcon_env() -> dict[str, str]:
    """The environment for a memcon subprocess started by hand (see tests.support.process)."""
    return process.memcon_env()
