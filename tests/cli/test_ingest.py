"""``memcon ingest`` as a real process: closing line, exit status, --report, --dry-run, kills."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest

from memcon.readers.registry import read_path

REFERENCE = Path(__file__).resolve().parents[2] / "memcon" / "samples" / "wilson" / \
    "soong-stalin-1945-08-10.txt"
MemconRun = Callable[..., subprocess.CompletedProcess[str]]

CLOSING = "added {}, updated {}, unchanged {}, failed {}"


def variants(folder: Path, count: int) -> list[Path]:
    """``count`` distinct records: the reference record with other dates (from 1 Sept 1945 on)."""
    import datetime as dt

    text = REFERENCE.read_text("utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        day = dt.date(1945, 9, 1) + dt.timedelta(days=n)
        path = folder / f"record-{n:04d}.txt"
        path.write_text(text.replace("August 10, 1945", f"{day:%B} {day.day}, {day.year}", 1),
                        "utf-8")
        paths.append(path)
    return paths


def query(db: str, sql: str) -> list[tuple[object, ...]]:
    """Rows of ``sql`` read straight from the database a subprocess wrote."""
    if db.startswith("postgresql://"):
        with psycopg.connect(db, autocommit=True) as conn:
            return list(conn.execute(sql).fetchall())
    if not Path(db).exists():
        return []
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    try:
        return conn.execute(sql).fetchall()
    except sqlite3.OperationalError:  # not migrated yet
        return []
    finally:
        conn.close()


def count_documents(db: str) -> int:
    rows = query(db, "SELECT count(*) FROM archive_document")
    return int(rows[0][0]) if rows else 0  # type: ignore[call-overload]


def test_ingest_prints_the_closing_line_and_is_idempotent(db_url: str,
                                                          memcon_run: MemconRun) -> None:
    first = memcon_run(db_url, "ingest", str(REFERENCE))
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip().splitlines()[-1] == CLOSING.format(1, 0, 0, 0)
    again = memcon_run(db_url, "ingest", str(REFERENCE))
    assert again.stdout.strip().splitlines()[-1] == CLOSING.format(0, 0, 1, 0)


def test_failures_exit_2_and_go_to_the_report_file(db_url: str, tmp_path: Path,
                                                    memcon_run: MemconRun) -> None:
    inputs = tmp_path / "in"
    variants(inputs, 2)
    (inputs / "empty.txt").write_bytes(b"")
    report = tmp_path / "failures.jsonl"
    done = memcon_run(db_url, "ingest", str(inputs), "--report", str(report))
    assert done.returncode == 2
    assert done.stdout.strip().splitlines()[-1] == CLOSING.format(2, 0, 0, 1)
    assert "empty.txt" in done.stderr and "Traceback" not in done.stderr
    lines = [json.loads(line) for line in report.read_text("utf-8").splitlines()]
    assert len(lines) == 1
    assert set(lines[0]) == {"file", "position", "reason"}
    assert lines[0]["file"].endswith("empty.txt")


def test_dry_run_writes_nothing(db_url: str, memcon_run: MemconRun) -> None:
    done = memcon_run(db_url, "ingest", "--dry-run", str(REFERENCE))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == CLOSING.format(1, 0, 0, 0)
    assert "nothing was written" in done.stderr
    assert count_documents(db_url) == 0
    if not db_url.startswith("postgresql://"):
        assert not Path(db_url).exists()  # not even the database file


def test_progress_bar_shows_counts_and_rate(db_url: str, tmp_path: Path,
                                            memcon_run: MemconRun) -> None:
    variants(tmp_path / "in", 3)
    done = memcon_run(db_url, "ingest", "--progress", str(tmp_path / "in"))
    assert done.returncode == 0, done.stderr
    assert "3/3" in done.stderr and "file/s" in done.stderr
    assert CLOSING.format(3, 0, 0, 0) in done.stderr  # in the bar's counts, too


def test_no_progress_bar_when_stderr_is_not_a_terminal(db_url: str, tmp_path: Path,
                                                        memcon_run: MemconRun) -> None:
    variants(tmp_path / "in", 2)
    done = memcon_run(db_url, "ingest", str(tmp_path / "in"))
    assert done.stderr == ""


def _expected_body() -> int:
    return len(read_path(REFERENCE)[0].body)


def _assert_every_document_complete(db: str, files: int, memcon_run: MemconRun) -> int:
    """Every stored document has its whole body and index; return how many are stored."""
    body = _expected_body()
    per_document = query(db, "SELECT d.id, count(b.id) FROM archive_document d "
                             "LEFT JOIN archive_bodyitem b ON b.document_id = d.id GROUP BY d.id")
    assert all(count == body for _, count in per_document), per_document
    stored = len(per_document)
    assert 0 < stored < files
    found = memcon_run(db, "search", "Dairen", "--json", "--limit", "0")
    assert json.loads(found.stdout)["total"] == 9 * stored
    return stored


def _interrupted_ingest(db: str, tmp_path: Path, stop: Callable[[subprocess.Popen[str]], None],
                        env: dict[str, str], files: int) -> tuple[subprocess.Popen[str], str]:
    variants(tmp_path / "in", files)
    process = subprocess.Popen(
        [sys.executable, "-m", "memcon", "--db", db, "ingest", "--jobs", "2",
         str(tmp_path / "in")], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, start_new_session=True)
    deadline = time.monotonic() + 120
    while count_documents(db) < 3:
        assert process.poll() is None, "the ingest ended before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.02)
    stop(process)
    out, err = process.communicate(timeout=60)
    return process, out + err


@pytest.mark.slow
def test_sigkill_mid_ingest_leaves_every_document_whole(
        db_url: str, tmp_path: Path, memcon_run: MemconRun, memcon_env: dict[str, str]) -> None:
    files = 30
    process, _ = _interrupted_ingest(db_url, tmp_path, lambda p: p.kill(), memcon_env, files)
    assert process.returncode == -signal.SIGKILL
    stored = _assert_every_document_complete(db_url, files, memcon_run)
    # its parsing workers do not outlive it
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        pytest.fail("parsing workers outlived the killed ingest")
    again = memcon_run(db_url, "ingest", str(tmp_path / "in"))
    assert again.stdout.strip().splitlines()[-1] == CLOSING.format(files - stored, 0, stored, 0)


@pytest.mark.slow
def test_ctrl_c_mid_ingest_stops_cleanly(
        db_url: str, tmp_path: Path, memcon_run: MemconRun, memcon_env: dict[str, str]) -> None:
    files = 30
    process, output = _interrupted_ingest(
        db_url, tmp_path, lambda p: os.killpg(p.pid, signal.SIGINT), memcon_env, files)
    assert process.returncode == 130
    assert "interrupted" in output and "Traceback" not in output
    stored = _assert_every_document_complete(db_url, files, memcon_run)
    assert CLOSING.format(stored, 0, 0, 0) in output


QUEBEC = REFERENCE.parents[1] / "frus" / "frus1944Quebec-excerpt.xml"


def volumes(folder: Path, count: int, copies: int) -> dict[str, int]:
    """``count`` volumes, each the Quebec excerpt's documents ``copies`` times over (new ids);
    return the body length of each document, by its id."""
    import re

    text = QUEBEC.read_text("utf-8")
    documents = re.findall(r'<div\s[^>]*type="document".*?</div>', text, re.S)
    head, tail = text.split(documents[0])[0], text.split(documents[-1])[1]
    bodies = {r.local_id: len(r.body) for r in read_path(QUEBEC)}
    expected = {}
    folder.mkdir(parents=True, exist_ok=True)
    for volume in range(count):
        parts = []
        for copy in range(copies):
            for document in documents:
                local_id = re.search(r'xml:id="([^"]+)"', document).group(1)  # type: ignore[union-attr]
                new_id = f"{local_id}v{volume}x{copy}"
                parts.append(document.replace(f'xml:id="{local_id}"', f'xml:id="{new_id}"', 1))
                expected[new_id] = bodies[local_id]
        (folder / f"volume-{volume}.xml").write_text(head + "".join(parts) + tail, "utf-8")
    return expected


@pytest.mark.slow
def test_sigkill_while_volumes_stream_leaves_every_document_whole(
        db_url: str, tmp_path: Path, memcon_run: MemconRun, memcon_env: dict[str, str]) -> None:
    expected = volumes(tmp_path / "in", 6, 40)
    process = subprocess.Popen(
        [sys.executable, "-m", "memcon", "--db", db_url, "ingest", "--jobs", "2",
         str(tmp_path / "in")], env=memcon_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, start_new_session=True)
    deadline = time.monotonic() + 120
    while count_documents(db_url) < len(expected) // 3:  # two volumes in, more streaming
        assert process.poll() is None, "the ingest ended before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.01)
    process.kill()
    process.communicate(timeout=60)
    stored = query(db_url, "SELECT d.local_id, count(b.id) FROM archive_document d "
                           "LEFT JOIN archive_bodyitem b ON b.document_id = d.id GROUP BY d.id")
    assert 0 < len(stored) < len(expected)
    assert all(count == expected[local_id] for local_id, count in stored), stored  # type: ignore[index]
    turns = query(db_url, "SELECT count(*) FROM archive_bodyitem WHERE kind = 'turn'")[0][0]
    found = memcon_run(db_url, "search", "the", "--json", "--limit", "0")
    assert json.loads(found.stdout)["total"] <= turns  # every hit is a stored turn
    again = memcon_run(db_url, "ingest", str(tmp_path / "in"))
    assert again.stdout.strip().splitlines()[-1] == \
        CLOSING.format(len(expected) - len(stored), 0, len(stored), 0)


def test_an_unreachable_archive_stops_the_ingest_in_one_line(
        memcon_run: MemconRun, tmp_path: Path) -> None:
    variants(tmp_path / "in", 6)  # parsing starts before the archive is reached
    done = memcon_run("postgresql://memcon@127.0.0.1:1/memcon", "ingest", "--jobs", "2",
                      str(tmp_path / "in"))
    assert done.returncode == 2
    assert done.stderr.startswith("memcon: database postgresql://memcon@127.0.0.1:1/memcon: ")
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
