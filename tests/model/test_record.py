"""Document JSON: records round-trip through JSON and always satisfy the shipped schema."""

from __future__ import annotations

import json

import pytest

from memcon.errors import MemconError
from memcon.model import BodyItem, Collection, DocumentRecord, Note, Origin, Participant, Source
from memcon.model.schema import document_schema, validate_document


def full_record() -> DocumentRecord:
    """A record with every contract key and optional key filled in."""
    return DocumentRecord(
        title="Record of a Meeting Between T.V. Soong and Stalin",
        date="1945-08-10", date_text="10 August, 1945 9:00 – 11:30 p.m.",
        time_start="21:00", time_end="23:30", doc_type="Memorandum of Conversation",
        summary="T.V. Soong, Stalin, and others discuss…",
        original_heading="Record of Meeting Between T. Soong and Stalin",
        source=Source(citation="Victor Hoo Collection, box 6, folder 9, Hoover Institution Archives.",
                      repository="Hoover Institution Archives", collection="Victor Hoo Collection",
                      box="6", folder="9"),
        contributors=["David Wolff"], funders=["Chun & Jane Chiu Family Foundation"],
        languages=["en"],
        participants=[Participant(label="Stalin"), Participant(label="[T.V.] Soong", ref="p_S1")],
        body=[BodyItem("turn", "The Japanese want to capitulate.", speaker="Stalin",
                       meta={"line": 17}),
              BodyItem("stage", "(Stalin laughs)"),
              BodyItem("gap", "[ILLEGIBLE]")],
        origin=Origin("a.txt", "archive-page", "0" * 64, "1.0"),
        date_end="1945-08-11", place="Moscow", doc_number="88",
        classification="Top Secret", drafted_by="Winston Lord", local_id="d88",
        collection=Collection("frus1969-76ve13", "Foreign Relations"),
        notes=[Note("1", "Source note.", anchor=0, type="source")],
        extra={"persons": [{"id": "p_S1", "name": "T.V. Soong"}]},
    )


def test_a_record_round_trips_through_json_unchanged() -> None:
    record = full_record()
    data = json.loads(record.to_json_line())
    assert DocumentRecord.from_json(data).to_json() == record.to_json()


def test_every_required_key_is_present_even_when_unknown() -> None:
    data = DocumentRecord().to_json()
    assert set(document_schema()["required"]) <= set(data)
    assert data["date"] is None and data["source"]["box"] is None
    validate_document(data)


def test_optional_keys_appear_only_when_the_source_has_them() -> None:
    assert "place" not in DocumentRecord().to_json()
    assert full_record().to_json()["place"] == "Moscow"
    validate_document(full_record().to_json())


def test_a_turn_keeps_its_label_as_written_and_its_pointer() -> None:
    item = full_record().to_json()["body"][0]
    assert item == {"kind": "turn", "speaker": "Stalin",
                    "text": "The Japanese want to capitulate.", "line": 17}


def test_only_turns_have_a_speaker() -> None:
    with pytest.raises(ValueError, match="no speaker"):
        BodyItem("stage", "(laughs)", speaker="Stalin")


@pytest.mark.parametrize(("key", "value"), [
    ("date", "10 August 1945"), ("time_start", "9 p.m."), ("languages", ["English"]),
    ("complete", "yes"),
])
def test_the_schema_refuses_values_outside_the_contract(key: str, value: object) -> None:
    data = full_record().to_json()
    data[key] = value
    with pytest.raises(MemconError, match=key):
        validate_document(data)
