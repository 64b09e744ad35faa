"""Batched writing: many documents per transaction, each whole or absent, turns always indexed."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from django.db import DataError, connections

from memcon.archive import fresh, store
from memcon.archive.ingest import ingest_paths
from memcon.archive.keys import PreparedRecord
from memcon.archive.models import BodyItem, Document
from memcon.archive.writer import BatchWriter
from memcon.model import DocumentRecord
from memcon.readers.registry import read_path
from memcon.search.engine import search

REFERENCE = Path(__file__).resolve().parents[2] / "memcon" / "samples" / "wilson" / \
    "soong-stalin-1945-08-10.txt"


def variants(folder: Path, days: range) -> list[Path]:
    """The reference record dated on other days of August 1945: distinct records."""
    text = REFERENCE.read_text("utf-8")
    paths = []
    for day in days:
        path = folder / f"soong-stalin-1945-08-{day:02d}.txt"
        path.write_text(text.replace("August 10, 1945", f"August {day}, 1945", 1), "utf-8")
        paths.append(path)
    return paths


def insert_trigger_exists(alias: str) -> bool:
    """Whether SQLite's FTS insert trigger is in the committed schema."""
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = %s",
                       ["archive_turn_fts_insert"])
        return bool(cursor.fetchone()[0])


def prepared(record: DocumentRecord, day: int) -> PreparedRecord:
    """``record`` as a distinct record of its own (another date, another identity)."""
    record.date = f"1945-08-{day:02d}"
    return PreparedRecord.of(record, position=day)


def test_documents_written_in_one_batch_are_all_searchable(db_alias: str,
                                                             tmp_path: Path) -> None:
    variants(tmp_path, range(11, 16))
    report = ingest_paths([tmp_path], using=db_alias, jobs=1)
    assert (report.added, report.failed) == (5, 0)
    assert search("Dairen", using=db_alias).total == 9 * 5
    assert search("Dairen", speaker="Stalin", using=db_alias).total > 0
    if connections[db_alias].vendor == "sqlite":
        assert insert_trigger_exists(db_alias)


def test_turns_added_after_a_batch_are_indexed_by_the_trigger_again(
        db_alias: str, tmp_path: Path) -> None:
    variants(tmp_path, range(11, 13))
    ingest_paths([tmp_path], using=db_alias, jobs=1)
    document = Document.objects.using(db_alias).first()
    assert document is not None
    BodyItem.objects.using(db_alias).create(document=document, position=10_000, kind="turn",
                                            speaker="SOONG", turn=999, text="Zanzibar")
    assert search("Zanzibar", using=db_alias).total == 1


def test_a_document_refused_mid_batch_is_rolled_back_alone(
        db_alias: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    variants(tmp_path, range(11, 14))
    real = fresh.insert_body_rows
    calls: list[int] = []

    def refuse_the_second(*args: Any, **kwargs: Any) -> None:
        real(*args, **kwargs)  # its rows are written, then the database refuses
        calls.append(1)
        if len(calls) == 2:
            raise DataError("value too long")

    monkeypatch.setattr(fresh, "insert_body_rows", refuse_the_second)
    report = ingest_paths([tmp_path], using=db_alias, jobs=1)
    assert (report.added, report.failed) == (2, 1)
    assert "value too long" in report.failures[0].reason
    body = len(read_path(REFERENCE)[0].body)
    documents = list(Document.objects.using(db_alias))
    assert len(documents) == 2
    for document in documents:
        assert BodyItem.objects.using(db_alias).filter(document=document).count() == body
    assert search("Dairen", using=db_alias).total == 9 * 2


def test_a_rolled_back_batch_leaves_nothing_and_says_what_it_lost(
        db_alias: str, dairen_record: DocumentRecord) -> None:
    writer = BatchWriter(db_alias)
    assert writer.store(prepared(dairen_record, 11))[0] == "added"
    assert writer.store(prepared(dairen_record, 12))[0] == "added"
    assert writer.rollback() == ["added", "added"]
    assert Document.objects.using(db_alias).count() == 0
    assert BodyItem.objects.using(db_alias).count() == 0
    if connections[db_alias].vendor == "sqlite":
        assert insert_trigger_exists(db_alias)


def test_batches_grow_from_one_document_to_the_limit_or_end_at_the_items_limit(
        db_alias: str, dairen_record: DocumentRecord) -> None:
    by_documents = BatchWriter(db_alias, documents=2, items=10_000, seconds=60)
    assert not by_documents.due()
    by_documents.store(prepared(dairen_record, 11))
    assert by_documents.due()  # the first batch: one document, visible at once
    assert by_documents.commit() == []
    assert not by_documents.due()
    by_documents.store(prepared(dairen_record, 12))
    assert not by_documents.due()
    by_documents.store(prepared(dairen_record, 13))
    assert by_documents.due()
    by_documents.commit()
    by_documents.store(prepared(dairen_record, 14))
    by_documents.store(prepared(dairen_record, 15))
    assert by_documents.due()  # never beyond the limit
    by_documents.commit()
    by_items = BatchWriter(db_alias, documents=100, items=len(dairen_record.body), seconds=60)
    by_items._size = 100
    by_items.store(prepared(dairen_record, 16))
    assert by_items.due()
    by_items.commit()
    assert Document.objects.using(db_alias).count() == 6


def test_reingest_in_batches_is_idempotent_and_edits_make_revisions(
        db_alias: str, tmp_path: Path) -> None:
    paths = variants(tmp_path, range(11, 15))
    assert ingest_paths([tmp_path], using=db_alias, jobs=1).added == 4
    again = ingest_paths([tmp_path], using=db_alias, jobs=1)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 4)
    text = paths[1].read_text("utf-8").replace("Dairen", "Port Arthur", 1)
    paths[1].write_text(text, "utf-8")
    edited = ingest_paths([tmp_path], using=db_alias, jobs=1)
    assert (edited.added, edited.updated, edited.unchanged) == (0, 1, 3)
    revisions = [store.provenance(d.doc_id, using=db_alias)["revisions"]
                 for d in Document.objects.using(db_alias).order_by("date")]
    assert revisions == [1, 2, 1, 1]
    assert fts_is_consistent(db_alias)


def fts_is_consistent(alias: str) -> bool:
    """Whether SQLite's turn index holds exactly the stored turns: compared, term by term and
    place by place, with an index built afresh from them."""
    if connections[alias].vendor != "sqlite":
        return True
    with connections[alias].cursor() as cursor:
        cursor.execute("CREATE VIRTUAL TABLE temp.fresh_fts USING fts5(text, speaker, "
                       "tokenize='porter unicode61 remove_diacritics 2')")
        cursor.execute("INSERT INTO temp.fresh_fts(rowid, text, speaker) "
                       "SELECT id, text, speaker FROM archive_bodyitem WHERE kind = 'turn'")
        cursor.execute("CREATE VIRTUAL TABLE temp.kept_terms "
                       "USING fts5vocab(main, archive_turn_fts, instance)")
        cursor.execute("CREATE VIRTUAL TABLE temp.fresh_terms USING fts5vocab(temp, fresh_fts, instance)")
        counts = []
        for query in ("SELECT count(*) FROM temp.kept_terms",
                      "SELECT count(*) FROM (SELECT * FROM temp.kept_terms "
                      "INTERSECT SELECT * FROM temp.fresh_terms)",
                      "SELECT count(*) FROM temp.fresh_terms"):
            cursor.execute(query)
            counts.append(cursor.fetchone()[0])
        for table in ("fresh_terms", "kept_terms", "fresh_fts"):
            cursor.execute(f"DROP TABLE temp.{table}")
    return counts[0] == counts[1] == counts[2] > 0


def test_a_record_added_and_edited_in_one_batch_is_indexed_once(
        db_alias: str, dairen_record: DocumentRecord) -> None:
    edited = PreparedRecord.of(dataclasses.replace(
        dairen_record, date="1945-08-11",
        body=[dataclasses.replace(item, text=item.text.replace("Dairen", "Port Arthur"))
              for item in dairen_record.body[:-3]]), position=11)
    with BatchWriter(db_alias, documents=100) as writer:
        writer._size = 100
        assert writer.store(prepared(dairen_record, 10))[0] == "added"
        assert writer.store(prepared(dairen_record, 11))[0] == "added"
        assert writer.store(edited)[0] == "updated"
        assert writer.store(prepared(dairen_record, 12))[0] == "added"
    assert search("Dairen", using=db_alias).total == 9 * 2
    assert search("Dairen", speaker="Stalin", using=db_alias).total == 4 * 2
    assert search("Port Arthur", using=db_alias).total >= 1
    assert fts_is_consistent(db_alias)
    if connections[db_alias].vendor == "sqlite":
        assert insert_trigger_exists(db_alias)
