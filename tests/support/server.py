"""A ``memcon`` subprocess for end-to-end tests: a real server on a free loopback port."""

from __future__ import annotations

import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

import memcon

PACKAGE_ROOT = Path(memcon.__file__).resolve().parent.parent
REFERENCE = Path(memcon.__file__).resolve().parent / "samples" / "wilson" / "soong-stalin-1945-08-10.txt"
READY = "Serving the reading room at "
# loopback requests must never go through a proxy named in the environment
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def memcon_env(tmp: Path) -> dict[str, str]:
    """The environment of a memcon subprocess: this checkout importable, no inherited database."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MEMCON_")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PACKAGE_ROOT), env.get("PYTHONPATH")]))
    env["MEMCON_SECRET_KEY"] = "test-only-secret"
    return env


def memcon_cmd(db: str | Path, *args: str) -> list[str]:
    """The command line of ``python -m memcon --db DB ARGS``."""
    return [sys.executable, "-m", "memcon", "--db", str(db), *args]


class Server:
    """A ``memcon`` subprocess whose output is read line by line as it comes."""

    def __init__(self, command: list[str], cwd: Path) -> None:
        self.process = subprocess.Popen(command, cwd=cwd, env=memcon_env(cwd), text=True,
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.output: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def wait_until_serving(self, timeout: float = 60) -> str:
        """The URL the server prints once it listens; fails with its output if it dies first."""
        while True:
            try:
                line = self.lines.get(timeout=timeout)
            except queue.Empty:
                pytest.fail(f"no address printed within {timeout}s: {''.join(self.output)}")
            if line is None:
                status = self.process.wait()
                pytest.fail(f"the server stopped (status {status}): {''.join(self.output)}")
            self.output.append(line)
            if line.startswith(READY):
                return line[len(READY):].strip()

    def stop(self) -> int:
        """Stop gracefully (SIGTERM), as a service manager would; the exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            status = self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            status = self.process.wait()
        self.reader.join(timeout=10)
        assert self.process.stdout is not None
        self.process.stdout.close()
        return status


def fetch(url: str) -> tuple[int, str, str]:
    """Status, content type and decoded body of a GET of ``url``."""
    try:
        with OPENER.open(url, timeout=30) as response:
            return response.status, response.headers["Content-Type"], response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read().decode()


def start_server(db: str | Path, cwd: Path, port: int) -> Server:
    """``memcon serve`` on ``port`` as a subprocess."""
    return Server(memcon_cmd(db, "serve", "--port", str(port), "--workers", "2"), cwd)


def ingest_reference(db: str, cwd: Path) -> None:
    """Ingest the reference record with ``memcon ingest`` into ``db``."""
    done = subprocess.run(memcon_cmd(db, "ingest", str(REFERENCE)), cwd=cwd, env=memcon_env(cwd),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
