"""A ``memcon`` subprocess for end-to-end tests: a real server on a free loopback port."""

from __future__ import annotations

import queue
import signal
import socket
import subprocess
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.support.process import REFERENCE, memcon_cmd, memcon_env, run_memcon

READY = "Serving the reading room at "
# loopback requests must never go through a proxy named in the environment
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    """A ``memcon`` subprocess whose output is read line by line as it comes."""

    def __init__(self, command: list[str], cwd: Path) -> None:
        self.process = subprocess.Popen(command, cwd=cwd, env=memcon_env(), text=True,
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
    done = run_memcon(db, "ingest", str(REFERENCE), cwd=cwd)
    assert done.returncode == 0, done.stderr
