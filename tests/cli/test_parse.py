"""``memcon parse``: records of the good files on stdout, one stderr line per bad file, exit 2."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from memcon.model.schema import validate_document
from memcon.readers import registry

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "memcon" / "samples" / "wilson" / "soong-stalin-1945-08-10.txt"
HOSTILE = ROOT / "tests" / "fixtures" / "hostile"


def parse(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run ``python -m memcon parse ARGS`` as a user would."""
    return subprocess.run([sys.executable, "-m", "memcon", "parse", *map(str, args)],
                          capture_output=True, text=True, timeout=120, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def records(stdout: str) -> list[dict[str, object]]:
    """The Document JSON lines printed, each validated against the schema."""
    out = [json.loads(line) for line in stdout.splitlines()]
    for record in out:
        validate_document(record)
    return out


def test_good_files_are_printed_and_each_bad_file_gets_one_stderr_line(tmp_path: Path) -> None:
    good, other = tmp_path / "good.txt", tmp_path / "other.txt"
    shutil.copy(REFERENCE, good)
    other.write_bytes(REFERENCE.read_text("utf-8").encode("cp1252"))
    bad = tmp_path / "bad.bin"
    bad.write_bytes((HOSTILE / "binary.png").read_bytes())
    run = parse(good, bad, other)
    assert run.returncode == 2
    printed = records(run.stdout)
    assert [r["origin"]["path"] for r in printed] == [str(good), str(other)]  # type: ignore[index]
    assert printed[0]["body"] == printed[1]["body"]
    assert run.stderr.splitlines() == [
        f"memcon: {bad}: is a PNG image, not text; known formats: {registry.known_formats()}"]


def test_all_good_files_exit_zero() -> None:
    run = parse(REFERENCE)
    assert run.returncode == 0 and run.stderr == ""
    assert len(records(run.stdout)) == 1


def test_format_forces_a_reader_whatever_the_file_is_called(tmp_path: Path) -> None:
    page = tmp_path / "page.xml"
    shutil.copy(REFERENCE, page)
    run = parse("--format", "archive-page", page)
    assert run.returncode == 0, run.stderr
    assert records(run.stdout)[0]["origin"]["format"] == "archive-page"  # type: ignore[index]


def test_forcing_an_xml_format_on_text_is_refused_with_line_and_column() -> None:
    run = parse("--format", "frus-tei", REFERENCE)
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr.splitlines() == [f"memcon: {REFERENCE}:1:1: malformed XML: Start tag "
                                       "expected, '<' not found"]


def test_an_unknown_format_is_refused_once_with_the_known_formats(tmp_path: Path) -> None:
    run = parse("--format", "word-perfect", REFERENCE, REFERENCE)
    assert run.returncode == 2 and run.stdout == ""
    lines = run.stderr.splitlines()
    assert len(lines) == 1 and "unknown format" in lines[0]
    assert all(name in lines[0] for name in registry.readers())


def test_every_hostile_file_is_refused_in_one_line_without_a_traceback() -> None:
    files = sorted(p for p in HOSTILE.iterdir() if p.name != "README.md")
    run = parse(*files)
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    refused = run.stderr.splitlines()
    named = [next(f for f in files if line.startswith(f"memcon: {f}:")) for line in refused]
    assert len(named) == len(set(named)) == len(refused)
    # the only files read are the one cut mid-character and the one with an inert xi:include
    read = {Path(str(r["origin"]["path"])).name for r in records(run.stdout)}  # type: ignore[index]
    assert read | {f.name for f in named} == {f.name for f in files}
    assert read <= {"utf8-cut-mid-character.txt", "xinclude.xml"}


def test_a_volume_cut_off_prints_its_records_up_to_the_cut_then_says_where(
        tmp_path: Path) -> None:
    volume = ROOT / "memcon" / "samples" / "frus" / "frus1944Quebec-excerpt.xml"
    text = volume.read_text("utf-8")
    truncated = tmp_path / "cut.xml"
    truncated.write_text(text[:text.index('xml:id="d183"')], "utf-8")  # in the third document
    run = parse(truncated, REFERENCE)
    assert run.returncode == 2
    printed = records(run.stdout)
    whole = records(parse(volume).stdout)
    for record in printed + whole:
        record.pop("origin")
    assert printed[:2] == whole[:2]  # the two documents before the cut, as in the whole volume
    assert printed[2]["title"] == "Record of a Meeting Between T.V. Soong and Stalin"
    assert len(printed) == 3
    (line,) = run.stderr.splitlines()
    assert line.startswith(f"memcon: {truncated}:384:79: malformed XML"), line  # line:column
