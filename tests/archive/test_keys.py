"""Record identity and fingerprint: what makes a re-ingested record the same, and changed."""

from __future__ import annotations

import dataclasses
import pickle

from memcon.archive.keys import PreparedRecord, record_fingerprint, record_identity
from memcon.archive.rows import record_rows
from memcon.model import Collection, DocumentRecord
from memcon.model.schema import validate_document


def test_identity_is_collection_and_local_id_when_both_are_known() -> None:
    record = DocumentRecord(collection=Collection("frus1943China", None), local_id="d79")
    assert record_identity(record, "/a/v.xml", 2) == "collection:frus1943China/d79"


def test_identity_falls_back_to_file_and_position() -> None:
    assert record_identity(DocumentRecord(local_id="d79"), "/a/v.xml", 2) == "file:/a/v.xml#2"


def fingerprint(record: DocumentRecord, **origin: str) -> str:
    """The fingerprint of ``record``, its origin changed by ``origin``."""
    assert record.origin is not None
    return record_fingerprint(record_rows(
        dataclasses.replace(record, origin=dataclasses.replace(record.origin, **origin))))


def test_fingerprint_ignores_where_the_file_lies(dairen_record: DocumentRecord) -> None:
    assert fingerprint(dairen_record, path="elsewhere/copy.txt") == fingerprint(dairen_record)


def test_fingerprint_changes_with_text_bytes_or_reader(dairen_record: DocumentRecord) -> None:
    base = fingerprint(dairen_record)
    assert fingerprint(dataclasses.replace(dairen_record, title="Another title")) != base
    assert fingerprint(dairen_record, sha256="1" * 64) != base
    assert fingerprint(dairen_record, reader_version="2") != base
    one_turn_less = dataclasses.replace(dairen_record, body=dairen_record.body[:-1])
    assert fingerprint(one_turn_less) != base
    other_meta = dataclasses.replace(dairen_record, extra={"subject": "Dairen"})
    assert fingerprint(other_meta) != base


def test_fingerprint_is_the_same_for_the_same_record_read_twice(
        dairen_record: DocumentRecord) -> None:
    again = pickle.loads(pickle.dumps(dairen_record))
    assert fingerprint(again) == fingerprint(dairen_record)


def test_prepared_record_travels_pickled_and_gives_the_record_back_whole(
        dairen_record: DocumentRecord) -> None:
    record = dataclasses.replace(dairen_record, collection=Collection("c", "C"), local_id="d1",
                                 translators=["A", "B"], funders=["F"], extra={"x": [1]})
    prepared = PreparedRecord.of(record, position=4)
    back = pickle.loads(pickle.dumps(prepared))
    assert back.rows == prepared.rows
    assert back.record.to_json() == record.to_json()
    validate_document(back.record.to_json())
    assert (back.identity, back.position, back.suggested_id) == ("collection:c/d1", 4, "c-d1")
    assert back.origin_path.startswith("/")
