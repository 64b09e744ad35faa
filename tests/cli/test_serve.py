"""``memcon serve`` end to end: a real gunicorn on a loopback port, read over HTTP."""

from __future__ import annotations

import os
import queue
import re
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
from memcon.cli.serve import allow_host, site_url

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


def document_path(home: str) -> str:
    """The path of the first document the home page links to."""
    found = re.search(r'href="(/documents/[^"#]+)"', home)
    assert found, "the home page links to no document"
    return found.group(1)


def check_home(url: str) -> str:
    """The home page lists the reference record; returns its document's path."""
    status, content_type, home = fetch(url)
    assert status == 200 and content_type.startswith("text/html")
    assert "Record of a Meeting Between T.V. Soong and Stalin" in home
    assert "10 August 1945" in home and "Memorandum of Conversation" in home
    return document_path(home)


def check_document(url: str) -> None:
    """The document page has all 173 turns anchored, the speakers, stage directions, citation."""
    status, _, page = fetch(url)
    assert status == 200
    anchors = re.findall(r'<div class="turn" id="t(\d+)">', page)
    assert [int(a) for a in anchors] == list(range(1, 174))
    assert all(f'href="#t{n}"' in page for n in range(1, 174))
    assert page.count('<span class="speaker">Stalin</span>') == 78
    assert page.count('<div class="stage"') == 2
    assert "<p>The Japanese want to capitulate.</p>" in page
    assert ("&quot;Record of a Meeting Between T.V. Soong and Stalin,&quot; 10 August 1945, "
            "Victor Hoo Collection, box 6, folder 9, Hoover Institution Archives. "
            "Contributed by David Wolff.") in page


def check_search(url: str) -> None:
    """Search finds the 9 turns on Dairen (4 of them Stalin's); a malformed query is explained."""
    status, _, page = fetch(url + "search?q=Dairen")
    assert status == 200
    assert "9 turns match" in page and page.count('<li class="hit">') == 9
    assert "<mark>Dairen</mark>" in page
    assert re.search(r'href="/documents/[^"#]+#t\d+">Turn \d+</a>', page)
    status, _, page = fetch(url + "search?q=Dairen&speaker=Stalin")
    assert status == 200 and "4 turns match" in page
    status, content_type, page = fetch(url + "search?q=%22Dairen")
    assert status == 400 and content_type.startswith("text/html")
    assert "The query could not be understood" in page


def check_assets_and_errors(url: str) -> None:
    """The stylesheet is served locally; an unknown record is a 404 page."""
    status, content_type, css = fetch(url + "static/memcon/reading-room.css")
    assert status == 200 and content_type.startswith("text/css") and "font-family" in css
    status, _, page = fetch(url + "documents/no-such-record")
    assert status == 404 and "Not found" in page


@pytest.mark.slow
def test_serve_shows_the_reference_record_over_http(db_url: str, tmp_path: Path) -> None:
    ingest_reference(db_url, tmp_path)
    port = free_port()
    server = start_server(db_url, tmp_path, port)
    try:
        url = server.wait_until_serving()
        assert url == f"http://127.0.0.1:{port}/"
        path = check_home(url)
        check_document(url.rstrip("/") + path)
        check_search(url)
        check_assets_and_errors(url)
    finally:
        assert server.stop() == 0, "".join(server.output)


@pytest.mark.slow
def test_serve_creates_and_migrates_a_new_sqlite_file(tmp_path: Path) -> None:
    db = tmp_path / "new" / "archive.sqlite3"
    db.parent.mkdir()
    server = start_server(db, tmp_path, free_port())
    try:
        url = server.wait_until_serving()
        status, _, home = fetch(url)
    finally:
        assert server.stop() == 0
    assert db.exists()
    assert status == 200 and "holds no documents yet" in home


def test_site_url_brackets_ipv6_and_names_loopback_for_any_address() -> None:
    assert site_url("127.0.0.1", 8000) == "http://127.0.0.1:8000/"
    assert site_url("::1", 8080) == "http://[::1]:8080/"
    assert site_url("0.0.0.0", 8000) == "http://127.0.0.1:8000/"


def test_serving_on_a_named_host_allows_that_host(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MEMCON_ALLOWED_HOSTS", raising=False)
    allow_host("192.0.2.7")
    assert os.environ["MEMCON_ALLOWED_HOSTS"].split(",") == ["127.0.0.1", "localhost", "[::1]",
                                                             "192.0.2.7"]
    monkeypatch.setenv("MEMCON_ALLOWED_HOSTS", "archive.example.org")
    allow_host("192.0.2.7")
    assert os.environ["MEMCON_ALLOWED_HOSTS"] == "archive.example.org"


def test_serving_on_a_port_in_use_is_refused_at_once_with_a_clear_message(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from memcon.cli.main import cli

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(cli, ["--db", str(tmp_path / "a.sqlite3"), "serve",
                                          "--port", str(port)])
    assert result.exit_code == 2
    assert f"127.0.0.1:{port} is already in use; choose another port with --port" in result.output
    assert not (tmp_path / "a.sqlite3").exists()
