"""Database URLs (a SQLite path or ``postgresql://…``) to Django settings, and Django start-up.

>>> database_settings("postgresql://u:p@127.0.0.1:54329/memcon")["NAME"]
'memcon'
>>> database_settings("sqlite:///tmp/a.sqlite3")["ENGINE"]
'django.db.backends.sqlite3'
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from memcon.errors import ConfigurationError

DEFAULT_SQLITE = "memcon.sqlite3"
ENV_URL = "MEMCON_DATABASE_URL"


def database_url(explicit: str | None = None) -> str:
    """The database URL in force: ``--db``, else ``MEMCON_DATABASE_URL``, else the default file."""
    return explicit or os.environ.get(ENV_URL) or DEFAULT_SQLITE


def database_settings(url: str) -> dict[str, Any]:
    """Django DATABASES settings for a file path, ``sqlite:///path`` or ``postgresql://…``."""
    if url.startswith(("postgresql://", "postgres://")):
        parts = urlsplit(url)
        name = unquote(parts.path.lstrip("/"))
        if not name:
            raise ConfigurationError(f"{url}: the PostgreSQL URL names no database")
        options = dict(parse_qsl(parts.query))
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": name,
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": options.pop("host", parts.hostname or ""),
            "PORT": str(parts.port or ""),
            "OPTIONS": options,
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
        }
    if "://" in url and not url.startswith("sqlite:"):
        raise ConfigurationError(
            f"{url.split('://')[0]}: unsupported database; use a SQLite file path, "
            "sqlite:///path or postgresql://user:pass@host:port/name"
        )
    path = url[len("sqlite:///"):] if url.startswith("sqlite:///") else url
    path = url[len("sqlite://"):] if url.startswith("sqlite://") and not path else path
    if not path:
        raise ConfigurationError(f"{url}: the SQLite URL names no file")
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(Path(path).expanduser().resolve()),
        # wait for a concurrent writer rather than fail at once
        "OPTIONS": {"timeout": 30, "transaction_mode": "IMMEDIATE",
                    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"},
    }


def setup(url: str | None = None) -> str:
    """Configure Django for ``url`` (once per process) and return the URL in force."""
    resolved = database_url(url)
    os.environ[ENV_URL] = resolved
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "memcon.site.settings")
    import django
    from django.conf import settings

    if settings.configured and getattr(settings, "_MEMCON_READY", False):
        return resolved
    django.setup()
    settings._MEMCON_READY = True
    return resolved


def pending_migrations(using: str = "default") -> list[str]:
    """The migrations not yet applied to the database ``using``, as ``app.name``."""
    from django.db import connections
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connections[using])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]


def migrate(using: str = "default") -> list[str]:
    """Apply every pending migration to ``using``; return the ones applied."""
    from django.core.management import call_command
    from django.db import connections

    pending = pending_migrations(using)
    if not pending:
        return []
    connection = connections[using]
    if connection.vendor == "postgresql":
        # several web workers may start at once on one server: one migrates, the others wait
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(hashtext('memcon-migrate'))")
        try:
            call_command("migrate", database=using, interactive=False, verbosity=0)
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(hashtext('memcon-migrate'))")
    else:
        call_command("migrate", database=using, interactive=False, verbosity=0)
    return pending


def ensure_migrated(using: str = "default") -> list[str]:
    """Bring the database up to date before first use (a new SQLite file is created and migrated)."""
    with database_errors(using):
        return migrate(using)


def describe(using: str = "default") -> str:
    """The database ``using`` for messages: a SQLite file path, or a PostgreSQL URL without password."""
    from django.db import connections

    settings_dict = connections[using].settings_dict
    if settings_dict["ENGINE"].endswith("sqlite3"):
        return str(settings_dict["NAME"])
    host = settings_dict.get("HOST") or "localhost"
    port = f":{settings_dict['PORT']}" if settings_dict.get("PORT") else ""
    user = f"{settings_dict['USER']}@" if settings_dict.get("USER") else ""
    return f"postgresql://{user}{host}{port}/{settings_dict['NAME']}"


def open_archive(url: str | None = None, *, migrate: bool = True) -> str:
    """Configure Django for ``url`` and, unless told not to, migrate it: what every command runs first."""
    resolved = setup(url)
    if migrate:
        ensure_migrated("default")
    return resolved


@contextmanager
def database_errors(using: str = "default") -> Iterator[None]:
    """Turn the database's own errors (server down, disk full) into one clear ConfigurationError."""
    from django.db import DatabaseError

    try:
        yield
    except DatabaseError as exc:
        message = " ".join(str(exc).split())
        raise ConfigurationError(f"database {describe(using)}: {message}") from exc
