"""A record into rows and back, matched by identity: idempotent, revised in place, atomic."""

from __future__ import annotations

import dataclasses

import pytest

from memcon.archive import fresh, store
from memcon.archive.keys import PreparedRecord
from memcon.archive.models import BodyItem, Credit, Document, Source
from memcon.archive.models import Collection as Collection_
from memcon.errors import NotFound
from memcon.model import BodyItem as RecordItem
from memcon.model import Collection, DocumentRecord, Note, Origin
from memcon.model.schema import validate_document


def _json_without_path(record: DocumentRecord) -> dict[str, object]:
    data = record.to_json()
    assert isinstance(data["origin"], dict)
    data["origin"] = {k: v for k, v in data["origin"].items() if k != "path"}
    return data


def test_stored_record_comes_back_character_for_character(
        db_alias: str, dairen_record: DocumentRecord) -> None:
    dairen_record.notes = [Note("1", "A note on the dateline.", anchor=0)]
    dairen_record.extra = {"reader_note": "kept as is"}
    dairen_record.contributors, dairen_record.translators = ["Wilson Center"], ["Sergey Radchenko"]
    dairen_record.funders = ["A fund", "Another"]
    dairen_record.collection, dairen_record.local_id = Collection("c1", "Conversations"), "d7"
    _, doc_id = store.store_record(dairen_record, using=db_alias)
    back = store.load_record(doc_id, using=db_alias)
    validate_document(back.to_json())
    assert _json_without_path(back) == _json_without_path(dairen_record)


def test_every_row_of_a_new_document_has_its_first_revision(
        db_alias: str, dairen_record: DocumentRecord) -> None:
    dairen_record.translators = ["Sergey Radchenko"]
    dairen_record.collection = Collection("c1", "Conversations")
    store.store_record(dairen_record, using=db_alias)
    for model in (Document, Source, Credit, BodyItem, Collection_):
        rows = {row.pk: row for row in model.objects.using(db_alias)}
        revisions = list(model.history.using(db_alias).all())
        assert rows and sorted(r.id for r in revisions) == sorted(rows)
        for revision in revisions:
            assert revision.history_type == "+"
            assert revision.instance == rows[revision.id]
            assert all(getattr(revision, f.attname) == getattr(rows[revision.id], f.attname)
                       for f in model._meta.concrete_fields)


def test_stored_origin_path_is_absolute(db_alias: str, dairen_record: DocumentRecord) -> None:
    _, doc_id = store.store_record(dairen_record, using=db_alias)
    back = store.load_record(doc_id, using=db_alias)
    assert back.origin is not None
    assert back.origin.path.startswith("/")
    assert back.origin.path.endswith("samples/wilson/soong-stalin-1945-08-10.txt")


def test_document_id_is_the_suggested_readable_id(db_alias: str,
                                                  dairen_record: DocumentRecord) -> None:
    assert store.store_record(dairen_record, using=db_alias) == ("added",
                                                                 "1945-08-10-soong-stalin")


def test_turns_are_numbered_in_source_order(db_alias: str, dairen_record: DocumentRecord) -> None:
    _, doc_id = store.store_record(dairen_record, using=db_alias)
    rows = list(BodyItem.objects.using(db_alias).filter(document__doc_id=doc_id)
                .order_by("position").values_list("kind", "turn"))
    assert rows[0] == ("dateline", None)
    assert [turn for kind, turn in rows if kind == "turn"] == list(range(1, 14))
    assert ("stage", None) in rows


def test_same_record_again_changes_nothing(db_alias: str, dairen_record: DocumentRecord) -> None:
    store.store_record(dairen_record, using=db_alias)
    revisions = Document.history.using(db_alias).count()
    body_revisions = BodyItem.history.using(db_alias).count()
    assert store.store_record(dairen_record, using=db_alias)[0] == "unchanged"
    assert Document.history.using(db_alias).count() == revisions
    assert BodyItem.history.using(db_alias).count() == body_revisions


def test_edited_record_updates_its_document_as_a_new_revision(
        db_alias: str, dairen_record: DocumentRecord) -> None:
    _, doc_id = store.store_record(dairen_record, using=db_alias)
    before = BodyItem.history.using(db_alias).count()
    edited = dataclasses.replace(dairen_record, body=list(dairen_record.body))
    edited.body[1] = RecordItem("turn", "The Japanese want to capitulate now.", speaker="Stalin")
    assert store.store_record(edited, using=db_alias) == ("updated", doc_id)
    assert Document.objects.using(db_alias).count() == 1
    document = Document.objects.using(db_alias).get(doc_id=doc_id)
    assert document.history.using(db_alias).count() == 2
    # only the changed turn gets a revision; the old text stays in its history
    assert BodyItem.history.using(db_alias).count() == before + 1
    item = BodyItem.objects.using(db_alias).get(document=document, position=1)
    assert item.text == "The Japanese want to capitulate now."
    assert [h.text for h in item.history.using(db_alias).order_by("history_id")] == [
        "The Japanese want to capitulate.", "The Japanese want to capitulate now."]


def test_shortened_body_drops_the_removed_items(db_alias: str,
                                                dairen_record: DocumentRecord) -> None:
    _, doc_id = store.store_record(dairen_record, using=db_alias)
    shorter = dataclasses.replace(dairen_record, body=dairen_record.body[:3])
    store.store_record(shorter, using=db_alias)
    assert store.load_record(doc_id, using=db_alias).body == dairen_record.body[:3]
    removed = BodyItem.history.using(db_alias).filter(history_type="-").count()
    assert removed == len(dairen_record.body) - 3


def test_lengthened_body_adds_the_new_items_each_with_one_revision(
        db_alias: str, dairen_record: DocumentRecord) -> None:
    shorter = dataclasses.replace(dairen_record, body=dairen_record.body[:3])
    _, doc_id = store.store_record(shorter, using=db_alias)
    assert store.store_record(dairen_record, using=db_alias) == ("updated", doc_id)
    assert store.load_record(doc_id, using=db_alias).body == dairen_record.body
    revisions = BodyItem.history.using(db_alias)
    assert revisions.filter(history_type="+").count() == len(dairen_record.body)
    assert revisions.filter(history_type="~").count() == 0  # the first three did not change
    assert set(revisions.values_list("id", flat=True)) == set(
        BodyItem.objects.using(db_alias).values_list("id", flat=True))


def test_different_records_with_the_same_suggested_id_get_distinct_ids(
        db_alias: str, dairen_record: DocumentRecord) -> None:
    other = dataclasses.replace(dairen_record, origin=Origin("elsewhere.txt", "archive-page",
                                                             "1" * 64, "1"))
    first = store.store_record(dairen_record, using=db_alias)[1]
    second = store.store_record(other, using=db_alias)[1]
    assert (first, second) == ("1945-08-10-soong-stalin", "1945-08-10-soong-stalin-2")


def test_identical_input_moved_elsewhere_is_the_same_record(
        db_alias: str, dairen_record: DocumentRecord) -> None:
    store.store_record(dairen_record, using=db_alias)
    assert dairen_record.origin is not None
    moved = dataclasses.replace(dairen_record, origin=dataclasses.replace(
        dairen_record.origin, path="copies/soong-stalin.txt"))
    assert store.store_record(moved, using=db_alias)[0] == "unchanged"
    assert Document.objects.using(db_alias).count() == 1


def test_a_collection_record_is_the_same_record_from_any_file(
        db_alias: str, dairen_record: DocumentRecord) -> None:
    in_volume = dataclasses.replace(dairen_record, local_id="d88",
                                    collection=Collection("frus1969-76ve13", "Volume E-13"))
    _, doc_id = store.store_record(in_volume, position=3, using=db_alias)
    assert doc_id == "frus1969-76ve13-d88"
    assert in_volume.origin is not None
    revised = dataclasses.replace(in_volume, title="Memorandum of Conversation",
                                  origin=Origin("v2/volume.xml", "frus-tei", "2" * 64, "1"))
    assert store.store_record(revised, position=7, using=db_alias) == ("updated", doc_id)
    assert Document.objects.using(db_alias).count() == 1


def test_a_failed_write_leaves_the_archive_unchanged(
        db_alias: str, dairen_record: DocumentRecord, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk gone")

    monkeypatch.setattr(fresh, "insert_body_rows", broken)
    with pytest.raises(RuntimeError):
        store.store_record(dairen_record, using=db_alias)
    assert Document.objects.using(db_alias).count() == 0
    assert Document.history.using(db_alias).count() == 0
    assert BodyItem.history.using(db_alias).count() == 0


def test_a_failed_update_leaves_the_stored_version_unchanged(
        db_alias: str, dairen_record: DocumentRecord, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk gone")

    _, doc_id = store.store_record(dairen_record, using=db_alias)
    monkeypatch.setattr(store, "_write_body", broken)
    with pytest.raises(RuntimeError):
        store.store_record(dataclasses.replace(dairen_record, title="Edited"), using=db_alias)
    assert store.load_record(doc_id, using=db_alias).to_json() == dairen_record.to_json() | {
        "origin": store.load_record(doc_id, using=db_alias).to_json()["origin"]}
    assert Document.history.using(db_alias).count() == 1


def test_plan_says_what_store_would_do_without_writing(
        db_alias: str, dairen_record: DocumentRecord) -> None:
    prepared = PreparedRecord.of(dairen_record)
    assert store.plan(prepared, using=db_alias) == "added"
    assert Document.objects.using(db_alias).count() == 0
    store.store(prepared, using=db_alias)
    assert store.plan(prepared, using=db_alias) == "unchanged"


def test_provenance_names_file_sha256_reader_and_time(
        db_alias: str, dairen_record: DocumentRecord) -> None:
    _, doc_id = store.store_record(dairen_record, using=db_alias)
    found = store.provenance(doc_id, using=db_alias)
    assert found["file"].endswith("soong-stalin-1945-08-10.txt")
    assert found["sha256"] == "0" * 64
    assert (found["reader"], found["reader_version"]) == ("archive-page", "1")
    assert found["ingested_at"] is not None
    assert found["revisions"] == 1


def test_unknown_id_is_not_found(db_alias: str) -> None:
    with pytest.raises(NotFound, match="no-such-record"):
        store.load_record("no-such-record", using=db_alias)
    with pytest.raises(NotFound):
        store.provenance("no-such-record", using=db_alias)
