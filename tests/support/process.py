"""A ``memcon`` subprocess for end-to-end tests: this checkout, no setting of the developer's."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import memcon

PACKAGE_ROOT = Path(memcon.__file__).resolve().parent.parent
REFERENCE = PACKAGE_ROOT / "memcon" / "samples" / "wilson" / "soong-stalin-1945-08-10.txt"
TEST_SECRET = "test-only-secret"


def memcon_env() -> dict[str, str]:
    """The environment of a memcon subprocess: this checkout importable, no MEMCON_* inherited.

    The database comes from ``--db`` only, and a fixed key spares it the key file of a new one.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("MEMCON_")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PACKAGE_ROOT), env.get("PYTHONPATH")]))
    env["MEMCON_SECRET_KEY"] = TEST_SECRET
    return env


def memcon_cmd(db: str | Path, *args: str) -> list[str]:
    """The command line of ``python -m memcon --db DB ARGS``."""
    return [sys.executable, "-m", "memcon", "--db", str(db), *args]


def run_memcon(db: str | Path, *args: str, cwd: Path | None = None,
               timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run ``python -m memcon --db DB ARGS`` to the end, its output captured as text."""
    return subprocess.run(memcon_cmd(db, *args), cwd=cwd, env=memcon_env(), capture_output=True,
                          text=True, timeout=timeout, check=False)
