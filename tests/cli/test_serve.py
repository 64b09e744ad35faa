"""``memcon serve`` end to end: a real gunicorn on a loopback port, read over HTTP."""

from __future__ import annotations

import os
import re
import socket
from pathlib import Path

import pytest

from memcon.cli.serve import allow_host, site_url
from tests.support.server import (
    fetch,
    free_port,
    ingest_reference,
    start_server,
)


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
