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
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from memcon.model import BodyItem, DocumentRecord, Origin, Participant, Source

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


def soong_stalin_dairen_exchange() -> DocumentRecord:
    """The Dairen exchange of the reference record, as its reader emits it.

    Wilson Center Digital Archive, "Record of a Meeting Between T.V. Soong and Stalin",
    10 August 1945 (Victor Hoo Collection, box 6, folder 9, Hoover Institution Archives): the
    turns on Dairen, text copied unchanged — 9 turns mention Dairen, 4 of them Stalin's.
    """
    def turn(speaker: str, *paragraphs: str) -> BodyItem:
        return BodyItem("turn", "\n\n".join(paragraphs), speaker=speaker)

    return DocumentRecord(
        title="Record of a Meeting Between T.V. Soong and Stalin",
        date="1945-08-10", date_text="August 10, 1945", time_start="21:00", time_end="23:30",
        doc_type="Memorandum of Conversation",
        summary="T.V. Soong, Stalin, and others discuss the status of the war with Japan, the "
                "borders of Inner and Outer Mongolia, and the right of Soviet use of Manchurian "
                "railroads.",
        original_heading="Record of Meeting Between T. Soong and Stalin",
        source=Source(citation="Victor Hoo Collection, box 6, folder 9, Hoover Institution "
                               "Archives. Contributed by David Wolff.",
                      repository="Hoover Institution Archives", collection="Victor Hoo Collection",
                      box="6", folder="9"),
        contributors=["David Wolff"], funders=["Chun & Jane Chiu Family Foundation"],
        languages=["en"],
        participants=[Participant(label="Stalin"), Participant(label="Soong")],
        body=[
            BodyItem("dateline", "10 August, 1945 9:00 – 11:30 p.m."),
            turn("Stalin", "The Japanese want to capitulate."),
            turn("Soong", "Thanks to you."),
            turn("Stalin", "We cannot accept excluding Dairen from military zone. Nothing in "
                 "nature of military arrangements now necessary. But in 15 years we cannot sign "
                 "treaty when time comes. We must sign treaty to foresee what may happen.",
                 "Cannot exclude Dairen from military zone.",
                 "Ready to establish zone inside Dairen and from 2 or 3 kilometers outside "
                 "which will not be under military control in peace time. As regards railroad "
                 "cannot be excluded from zone."),
            turn("Molotov", "We've got to reach agreement."),
            turn("Wang", "May I be allowed to make a plea to Stalin re Dairen. When I departed "
                 "from Chungking to Moscow General Chiang wanted me to state this case to Stalin. "
                 "Port of Dairen is similar in nature to port of Kowloon."),
            turn("Stalin", "British consider Hong Kong as theirs. Dairen in 30 years will be "
                 "Chinese."),
            turn("Wang", "Kowloon also leased to Britain. Important to South China as Dairen for "
                 "Manchuria."),
            turn("Stalin", "I do not want China to renounce Dairen. What am I called upon to do "
                 "to satisfy you?"),
            BodyItem("stage", "(Stalin laughs)"),
            turn("Wang", "Let Dairen to be under Chinese administration, we will use soviet "
                 "experts. If you accept this we can easier get back Kowloon."),
            turn("Stalin", "We cannot exclude Dairen from military zone. In case of war we would "
                 "have to interfere. Let us state in treaty that Russians will have no troops in "
                 "Dairen and that in case of war Russia will defend Dairen."),
            turn("Wang", "In time of war Dairen will be subject to military control?"),
            turn("Stalin", "Yes, as it is in military zone."),
            turn("Molotov", "South Manchurian Railway only to connect with Port Arthur and "
                 "Dairen."),
        ],
        origin=Origin(path="samples/wilson/soong-stalin-1945-08-10.txt", format="archive-page",
                      sha256="0" * 64, reader_version="1"),
    )


@pytest.fixture
def dairen_record() -> DocumentRecord:
    """A fresh copy of the reference record's Dairen exchange (see soong_stalin_dairen_exchange)."""
    return soong_stalin_dairen_exchange()


PACKAGE_ROOT = Path(__file__).resolve().parent.parent
REFERENCE = PACKAGE_ROOT / "memcon" / "samples" / "wilson" / "soong-stalin-1945-08-10.txt"
MemconRun = Callable[..., "subprocess.CompletedProcess[str]"]


def subprocess_env() -> dict[str, str]:
    """The environment of a memcon subprocess: this checkout importable, the database from --db."""
    out = {k: v for k, v in os.environ.items() if k != "MEMCON_DATABASE_URL"}
    out["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PACKAGE_ROOT), out.get("PYTHONPATH")]))
    return out


def _memcon_run(db: str, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "memcon", "--db", db, *args],
                          env=subprocess_env(), capture_output=True, text=True, timeout=timeout,
                          check=False)


@pytest.fixture
def memcon_run() -> MemconRun:
    """Run ``python -m memcon --db DB ARGS`` as a real process, to the end."""
    return _memcon_run


@pytest.fixture
def reference_path() -> Path:
    """The reference record's file (Wilson Center, Soong–Stalin, 10 August 1945)."""
    return REFERENCE


@pytest.fixture
def memcon_env() -> dict[str, str]:
    """The environment for a memcon subprocess started by hand (see subprocess_env)."""
    return subprocess_env()
