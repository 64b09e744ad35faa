"""Record ids are readable and stable: date and parties, or collection and local id."""

from __future__ import annotations

from memcon.model import Collection, DocumentRecord
from memcon.model.identity import slugify, suggest_id


def test_a_meeting_between_two_people_is_named_by_date_and_surnames() -> None:
    record = DocumentRecord(title="Record of a Meeting Between T.V. Soong and Stalin",
                            date="1945-08-10")
    assert suggest_id(record) == "1945-08-10-soong-stalin"


def test_a_volume_document_is_named_by_its_collection_and_local_id() -> None:
    record = DocumentRecord(title="Memorandum of Conversation", date="1972-02-21",
                            collection=Collection("frus1969-76ve13", "Documents on China"),
                            local_id="d88")
    assert suggest_id(record) == "frus1969-76ve13-d88"


def test_other_titles_give_their_significant_words() -> None:
    record = DocumentRecord(title="Minutes of the Politburo of the CC CPSU", date="1979-12")
    assert suggest_id(record) == "1979-12-politburo-cc-cpsu"


def test_an_undated_untitled_record_still_gets_an_id() -> None:
    assert suggest_id(DocumentRecord()) == "record"


def test_slugs_are_ascii() -> None:
    assert slugify("Zhou Enlai – Łukasz Ñandú") == "zhou-enlai-lukasz-nandu"
