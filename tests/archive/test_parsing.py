"""The parsing half of ingest: whole files to prepared records, or one failure naming the file."""

from __future__ import annotations

from pathlib import Path

from memcon.archive.parsing import Failure, parse_file
from memcon.model.schema import validate_document


def test_reference_record_parses_to_one_valid_prepared_record(reference_path: Path) -> None:
    parsed = parse_file(str(reference_path))
    assert parsed.failure is None
    assert (parsed.count, parsed.turns) == (1, 173)
    (prepared,) = parsed.records()
    validate_document(prepared.record.to_json())
    assert prepared.identity == f"file:{reference_path.resolve()}#0"
    assert prepared.suggested_id == "1945-08-10-soong-stalin"


def test_unreadable_file_is_a_failure_not_an_exception(tmp_path: Path) -> None:
    parsed = parse_file(str(tmp_path / "missing.txt"))
    assert parsed.count == 0 and list(parsed.records()) == []
    assert isinstance(parsed.failure, Failure)
    assert parsed.failure.file.endswith("missing.txt")
    assert "cannot be read" in parsed.failure.reason


def test_failure_reads_as_file_place_reason() -> None:
    assert str(Failure("a.xml", "3:7", "malformed XML")) == "a.xml:3:7: malformed XML"
    assert str(Failure("a.txt", None, "is empty")) == "a.txt: is empty"
    assert Failure("a.txt", None, "is empty").as_dict() == {
        "file": "a.txt", "position": None, "reason": "is empty"}

