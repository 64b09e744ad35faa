"""``memcon show``: a record in the terminal, its provenance, and a clear error for unknown ids."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

from memcon.cli.show import render_provenance, render_record
from memcon.model import DocumentRecord

MemconRun = Callable[..., subprocess.CompletedProcess[str]]


def test_record_shows_title_date_source_and_numbered_turns(dairen_record: DocumentRecord) -> None:
    text = render_record("1945-08-10-soong-stalin", dairen_record, width=100)
    lines = text.splitlines()
    assert lines[0] == "Record of a Meeting Between T.V. Soong and Stalin"
    assert lines[1] == ("1945-08-10-soong-stalin · 1945-08-10, 21:00–23:30 · "
                        "Memorandum of Conversation")
    assert lines[2].startswith("Source: Victor Hoo Collection, box 6, folder 9")
    assert "t1    Stalin: The Japanese want to capitulate." in lines
    assert "t13   Molotov: South Manchurian Railway only to connect with Port Arthur and Dairen." in lines
    assert "        (Stalin laughs)" in lines


def test_continuation_paragraphs_stay_under_their_turn(dairen_record: DocumentRecord) -> None:
    lines = render_record("x", dairen_record, width=1000).splitlines()
    at = lines.index("      Cannot exclude Dairen from military zone.")
    assert lines[at - 1].startswith("t3    Stalin: We cannot accept excluding Dairen")


def test_provenance_lists_file_sha256_reader_and_time() -> None:
    text = render_provenance({
        "document_id": "d", "file": "/data/a.txt", "position": 0, "sha256": "ab" * 32,
        "reader": "archive-page", "reader_version": "1.0", "ingested_at": "2025-01-31T10:00:00",
        "revisions": 2})
    assert text.splitlines() == [
        "document:    d", "file:        /data/a.txt", "record:      1 in its file",
        f"sha256:      {'ab' * 32}", "reader:      archive-page 1.0",
        "ingested at: 2025-01-31T10:00:00", "revisions:   2"]


def test_show_end_to_end(db_url: str, memcon_run: MemconRun, reference_path: Path) -> None:
    assert memcon_run(db_url, "ingest", str(reference_path)).returncode == 0
    shown = memcon_run(db_url, "show", "1945-08-10-soong-stalin")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("Record of a Meeting Between T.V. Soong and Stalin\n")
    assert "t173  Stalin: With Antonov, Chief of General Staff." in shown.stdout
    provenance = json.loads(memcon_run(db_url, "show", "1945-08-10-soong-stalin",
                                       "--provenance", "--json").stdout)
    assert provenance["file"] == str(reference_path.resolve())
    assert provenance["reader"] == "archive-page" and provenance["reader_version"]
    assert len(provenance["sha256"]) == 64 and provenance["ingested_at"]
    record = json.loads(memcon_run(db_url, "show", "1945-08-10-soong-stalin", "--json").stdout)
    assert sum(1 for item in record["body"] if item["kind"] == "turn") == 173


def test_unknown_id_is_a_clear_error_with_exit_2(db_url: str, memcon_run: MemconRun) -> None:
    done = memcon_run(db_url, "show", "no-such-record")
    assert done.returncode == 2
    assert done.stderr.strip() == "memcon: no-such-record: no such record in the archive"
