"""The site's secret key: from the environment, else a random key kept beside the database."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def secret_key(database_name: str, is_file_database: bool) -> str:
    """``MEMCON_SECRET_KEY``, else a key file next to a SQLite database (created once, mode 0600)."""
    from_env = os.environ.get("MEMCON_SECRET_KEY")
    if from_env:
        return from_env
    folder = Path(database_name).parent if is_file_database else Path.cwd()
    key_file = folder / ".memcon-secret-key"
    try:
        return key_file.read_text("ascii").strip()
    except FileNotFoundError:
        pass
    key = secrets.token_urlsafe(50)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(key)
    except FileExistsError:
        return key_file.read_text("ascii").strip()
    except OSError:
        # a read-only place: a per-process key still keeps sessions safe, only not across restarts
        return key
    return key
