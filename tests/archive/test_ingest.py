"""Ingest of files and folders: idempotent, revised in place, failures isolated and reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from memcon.archive import incoming, ingest, parsing
from memcon.archive.ingest import IngestReport, ingest_paths, input_files
from memcon.archive.models import BodyItem, Document
from memcon.errors import InputError
from memcon.readers.registry import read_path
from memcon.search.engine import search

REFERENCE = Path(__file__).resolve().parents[2] / "memcon" / "samples" / "wilson" / \
    "soong-stalin-1945-08-10.txt"
FRUS = REFERENCE.parents[1] / "frus"


def reference_variant(folder: Path, day: int, name: str | None = None) -> Path:
    """The reference record dated ``day`` August 1945 instead of the 10th: a distinct record."""
    text = REFERENCE.read_text("utf-8").replace("August 10, 1945", f"August {day}, 1945", 1)
    path = folder / (name or f"soong-stalin-1945-08-{day:02d}.txt")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def counts(report: IngestReport) -> tuple[int, int, int, int]:
    """The report's (added, updated, unchanged, failed)."""
    return report.added, report.updated, report.unchanged, report.failed


def test_reference_record_is_ingested_with_every_turn(db_alias: str) -> None:
    report = ingest_paths([REFERENCE], using=db_alias)
    assert counts(report) == (1, 0, 0, 0)
    assert report.summary() == "added 1, updated 0, unchanged 0, failed 0"
    document = Document.objects.using(db_alias).get()
    assert document.doc_id == "1945-08-10-soong-stalin"
    assert BodyItem.objects.using(db_alias).filter(document=document, kind="turn").count() == 173
    assert BodyItem.objects.using(db_alias).filter(document=document, kind="stage").count() == 2


def test_reference_record_search_dairen(db_alias: str) -> None:
    ingest_paths([REFERENCE], using=db_alias)
    assert search("Dairen", using=db_alias).total == 9
    stalin = search("Dairen", speaker="Stalin", using=db_alias)
    assert stalin.total == 4
    assert {hit.speaker for hit in stalin.hits} == {"Stalin"}


def test_reingesting_an_identical_file_changes_nothing(db_alias: str) -> None:
    ingest_paths([REFERENCE], using=db_alias)
    revisions = Document.history.using(db_alias).count()
    items = BodyItem.history.using(db_alias).count()
    assert counts(ingest_paths([REFERENCE], using=db_alias)) == (0, 0, 1, 0)
    assert Document.history.using(db_alias).count() == revisions
    assert BodyItem.history.using(db_alias).count() == items
    assert search("Dairen", using=db_alias).total == 9


def test_an_edited_file_updates_its_record_as_a_new_revision(db_alias: str,
                                                             tmp_path: Path) -> None:
    path = tmp_path / "record.txt"
    path.write_text(REFERENCE.read_text("utf-8"), "utf-8")
    ingest_paths([path], using=db_alias)
    path.write_text(REFERENCE.read_text("utf-8").replace(
        "Stalin: The Japanese want to capitulate.", "Stalin: The Japanese wish to capitulate."),
        "utf-8")
    assert counts(ingest_paths([path], using=db_alias)) == (0, 1, 0, 0)
    document = Document.objects.using(db_alias).get()
    assert document.history.using(db_alias).count() == 2
    assert search('"wish to capitulate"', using=db_alias).total == 1
    assert search('"want to capitulate"', using=db_alias).total == 0


def test_folders_are_walked_recursively_leaving_out_hidden_files_and_folder_notes(tmp_path: Path) -> None:
    reference_variant(tmp_path, 11)
    reference_variant(tmp_path / "deeper" / "still", 12)
    reference_variant(tmp_path / ".git", 13)
    reference_variant(tmp_path, 14, name=".hidden.txt")
    (tmp_path / "README.md").write_text("# Records of 1945\n\nCopied from the archive.\n")
    (tmp_path / "deeper" / "LICENSE").write_text("Public domain.\n")
    reference_variant(tmp_path, 15, name="readme-not-a-note.txt")
    files, missing = input_files([tmp_path])
    assert [Path(f).relative_to(tmp_path).as_posix() for f in files] == [
        "readme-not-a-note.txt", "soong-stalin-1945-08-11.txt",
        "deeper/still/soong-stalin-1945-08-12.txt"]
    assert missing == []
    # named on its own, a README is read like any other file
    assert input_files([tmp_path / "README.md"])[0] == [str(tmp_path / "README.md")]


def test_missing_path_is_a_failure_not_a_crash(db_alias: str, tmp_path: Path) -> None:
    report = ingest_paths([tmp_path / "nowhere.txt", REFERENCE], using=db_alias)
    assert counts(report) == (1, 0, 0, 1)
    assert report.failures[0].reason == "does not exist"


def test_a_file_that_fails_is_reported_and_the_others_go_in(db_alias: str, tmp_path: Path) -> None:
    reference_variant(tmp_path, 11)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    broken = tmp_path / "volume.xml"
    broken.write_text((FRUS / "frus1943China-excerpt.xml").read_text("utf-8")[:5000], "utf-8")
    seen: list[parsing.Failure] = []
    report = ingest_paths([tmp_path], using=db_alias, on_failure=seen.append)
    assert counts(report) == (1, 0, 0, 3)
    assert seen == report.failures
    reasons = {Path(f.file).name: f for f in report.failures}
    assert set(reasons) == {"empty.txt", "binary.txt", "volume.xml"}
    assert reasons["volume.xml"].position is not None  # XML errors name line and column
    assert Document.objects.using(db_alias).count() == 1


def test_a_volume_file_that_fails_leaves_none_of_its_records(db_alias: str,
                                                             tmp_path: Path) -> None:
    volume = (FRUS / "frus1943China-excerpt.xml").read_text("utf-8")
    cut = volume.rindex('<div type="document"')
    broken = tmp_path / "volume.xml"
    broken.write_text(volume[:cut] + volume[cut:cut + 400], "utf-8")  # the last one cut off
    report = ingest_paths([broken], using=db_alias)
    assert counts(report) == (0, 0, 0, 1)
    assert Document.objects.using(db_alias).count() == 0


def test_volume_records_are_each_stored(db_alias: str) -> None:
    report = ingest_paths([FRUS / "frus1943China-excerpt.xml"], using=db_alias)
    assert counts(report) == (3, 0, 0, 0)
    assert counts(ingest_paths([FRUS / "frus1943China-excerpt.xml"], using=db_alias)) == (0, 0, 3, 0)


def test_dry_run_validates_and_counts_but_writes_nothing(db_alias: str, tmp_path: Path) -> None:
    ingest_paths([REFERENCE], using=db_alias)
    reference_variant(tmp_path, 11)
    (tmp_path / "empty.txt").write_bytes(b"")
    report = ingest_paths([REFERENCE, tmp_path], using=db_alias, dry_run=True)
    assert counts(report) == (1, 0, 1, 1)
    assert report.dry_run
    assert Document.objects.using(db_alias).count() == 1


def test_unknown_format_is_refused_before_any_work(db_alias: str) -> None:
    with pytest.raises(InputError, match=r"known formats: .*archive-page"):
        ingest_paths([REFERENCE], using=db_alias, format="no-such-format")


def test_forced_format_reads_every_file_with_that_reader(db_alias: str) -> None:
    report = ingest_paths([REFERENCE, FRUS / "frus1943China-excerpt.xml"], using=db_alias,
                          format="archive-page")
    assert report.added == 1
    assert report.failed == 1


def test_parallel_parsing_stores_the_same_as_one_process(db_alias: str, tmp_path: Path) -> None:
    for day in range(11, 17):
        reference_variant(tmp_path, day)
    report = ingest_paths([tmp_path], using=db_alias, jobs=2)
    assert counts(report) == (6, 0, 0, 0)
    assert report.turns == 6 * 173
    ids = sorted(Document.objects.using(db_alias).values_list("doc_id", flat=True))
    assert ids == [f"1945-08-{day}-soong-stalin" for day in range(11, 17)]
    assert counts(ingest_paths([tmp_path], using=db_alias, jobs=1)) == (0, 0, 6, 0)


def test_large_files_pass_through_a_spool_file(db_alias: str, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parsing, "SPOOL_BYTES", 1000)
    parsed = parsing.parse_file(str(FRUS / "frus1943China-excerpt.xml"))
    assert parsed.spool is not None and Path(parsed.spool).exists()
    assert len(list(parsed.records())) == 3
    assert not Path(parsed.spool).exists()  # read once, then removed
    assert counts(ingest_paths([FRUS / "frus1943China-excerpt.xml"], using=db_alias)) == (3, 0, 0, 0)


def test_ctrl_c_stops_between_documents_and_keeps_what_is_complete(
        db_alias: str, tmp_path: Path) -> None:
    for day in range(11, 15):
        reference_variant(tmp_path, day)

    def interrupt_after_two(report: IngestReport) -> None:
        if report.files_done == 2:
            raise KeyboardInterrupt

    report = ingest_paths([tmp_path], using=db_alias, jobs=1, on_progress=interrupt_after_two)
    assert report.interrupted
    assert report.added == 2
    body = len(read_path(REFERENCE)[0].body)
    for document in Document.objects.using(db_alias):
        assert BodyItem.objects.using(db_alias).filter(document=document).count() == body


def test_progress_is_reported_once_at_the_start_and_after_each_file(
        db_alias: str, tmp_path: Path) -> None:
    for day in range(11, 14):
        reference_variant(tmp_path, day)
    seen: list[tuple[int, int]] = []
    ingest_paths([tmp_path], using=db_alias, jobs=1,
                 on_progress=lambda r: seen.append((r.files_done, r.files)))
    assert seen == [(0, 3), (1, 3), (2, 3), (3, 3)]


def test_report_as_json(db_alias: str, tmp_path: Path) -> None:
    report = ingest_paths([REFERENCE, tmp_path / "nowhere.txt"], using=db_alias)
    data = json.loads(json.dumps(report.to_json()))
    assert (data["added"], data["failed"], data["documents"], data["turns"]) == (1, 1, 1, 173)
    assert data["failures"] == [{"file": str(tmp_path / "nowhere.txt"), "position": None,
                                 "reason": "does not exist"}]


def test_a_reader_bug_costs_one_file_not_the_batch(db_alias: str, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    original = parsing.read_input

    def buggy(source: object, format_name: str | None = None) -> object:
        if str(getattr(source, "path", "")).endswith("11.txt"):
            raise ValueError("reader bug")
        return original(source, format_name)  # type: ignore[arg-type]

    monkeypatch.setattr(parsing, "read_input", buggy)
    reference_variant(tmp_path, 11)
    reference_variant(tmp_path, 12)
    report = ingest_paths([tmp_path], using=db_alias, jobs=1)
    assert counts(report) == (1, 0, 0, 1)
    assert "ValueError: reader bug" in report.failures[0].reason


def test_workers_ahead_of_the_writer_are_bounded() -> None:
    assert incoming.AHEAD_PER_WORKER <= 4


def test_a_volume_that_fails_after_its_first_records_were_stored_leaves_none_of_them(
        db_alias: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.archive.test_incoming import gated
    from tests.archive.test_writer import fts_is_consistent

    volume = FRUS / "frus1944Quebec-excerpt.xml"
    gate = tmp_path / "gate"
    monkeypatch.setattr(parsing, "SPOOL_BYTES", 1)  # every record streamed as it is parsed
    monkeypatch.setattr(parsing, "read_input", gated(gate, fail=True))  # in the worker
    real_store = ingest._store
    stored: list[str] = []

    def store_then_open_the_gate(prepared: object, writer: object) -> object:
        outcome = real_store(prepared, writer)  # type: ignore[arg-type]
        stored.append(prepared.origin_path)  # type: ignore[attr-defined]
        if stored.count(str(volume)) == 2:
            gate.touch()  # the volume fails only once two of its records are stored
        return outcome

    monkeypatch.setattr(ingest, "_store", store_then_open_the_gate)
    other = reference_variant(tmp_path / "in", 11)
    # the other file first: its record, stored before the volume began, must stay
    report = ingest_paths([other, volume], using=db_alias, jobs=2)
    assert stored.count(str(volume)) == 2
    assert counts(report) == (1, 0, 0, 1)
    assert (report.documents, report.turns) == (1, 173)
    assert report.failures[0].file == str(volume)
    assert report.failures[0].reason == "is cut off"
    assert list(Document.objects.using(db_alias).values_list("doc_id", flat=True)) == \
        ["1945-08-11-soong-stalin"]
    assert BodyItem.objects.using(db_alias).exclude(document__doc_id__startswith="1945").count() == 0
    assert fts_is_consistent(db_alias)
    # and once it reads well, the whole volume goes in
    monkeypatch.undo()
    assert counts(ingest_paths([volume, other], using=db_alias, jobs=2)) == (3, 0, 1, 0)


def test_a_volumes_progress_is_reported_as_its_documents_go_in(
        db_alias: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "PROGRESS_DOCUMENTS", 1)
    seen: list[tuple[int, int]] = []
    ingest_paths([FRUS / "frus1944Quebec-excerpt.xml"], using=db_alias,
                 on_progress=lambda r: seen.append((r.files_done, r.documents)))
    assert seen == [(0, 0), (0, 1), (0, 2), (0, 3), (1, 3)]
