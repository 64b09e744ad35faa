"""Document numbers, types, dates and times from FRUS heads and datelines."""

from __future__ import annotations

from pathlib import Path

import pytest

from memcon.model.schema import validate_document
from memcon.readers.frus_heads import (
    dates_from_attributes,
    infer_doc_type,
    split_number,
    times_from_text,
)
from memcon.readers.frus_tei import READER
from memcon.readers.inputs import InputFile

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "frus"


@pytest.mark.parametrize(("head", "expected"), [
    ("Memorandum of Conversation, Beijing, February 21, 1972", "Memorandum of Conversation"),
    ("Memorandum of Conversation, by the Secretary of State", "Memorandum of Conversation"),
    ("Minutes of a Washington Special Actions Group Meeting", "Minutes"),
    ("Combined Chiefs of Staff Minutes", "Minutes"),
    ("Telegram From the Embassy in France to the Department of State", "Telegram"),
    ("Letter From President Nixon to Soviet General Secretary Brezhnev", "Letter"),
    ("Editorial Note", "Editorial Note"),
    ("Memorandum From the President’s Assistant (Kissinger) to President Nixon", "Memorandum"),
    ("Memorandum by the Secretary of the Treasury’s Assistant (White)", "Memorandum"),
    ("National Security Decision Memorandum 265", "National Security Decision Memorandum"),
    ("Paper Prepared in the Department of State", "Paper"),
    ("Note From the Soviet Leadership to President Nixon", "Note"),
    ("Record of a Meeting Between T.V. Soong and Stalin", "Record of Meeting"),
    ("Record of Conversation Between Premier Chou and Dr. Kissinger", "Record of Conversation"),
    ("Memorandum for the Record", "Memorandum for the Record"),
    ("Transcript of a Telephone Conversation Between Kissinger and Dobrynin", "Transcript"),
    ("The Chargé in China (Atcheson) to the Secretary of State", None),
    ("Conference at Quebec", None),
    ("", None),
])
def test_doc_type_is_inferred_from_the_head(head: str, expected: str | None) -> None:
    assert infer_doc_type(head) == expected


def test_a_type_named_only_inside_a_from_or_to_part_is_not_the_documents_type() -> None:
    assert infer_doc_type("The Ambassador in China (Gauss) to the Minutes Clerk") is None


def test_leading_document_number_is_split_off() -> None:
    assert split_number("88. Memorandum of Conversation") == ("88", "Memorandum of Conversation")
    assert split_number("12A. Telegram") == ("12A", "Telegram")
    assert split_number("Editorial Note") == (None, "Editorial Note")
    assert split_number("1969. A Year") == ("1969", "A Year")


def test_interval_of_different_days_has_an_end() -> None:
    assert dates_from_attributes("1944-03-18T00:00:00-05:00", "1944-09-26T23:59:59-05:00") == (
        "1944-03-18", "1944-09-26")


def test_same_day_is_one_date() -> None:
    assert dates_from_attributes("1974-08-09T00:00:00-05:00", "1974-08-09T23:59:59-05:00") == (
        "1974-08-09", None)


def test_same_instant_with_different_offsets_is_one_date() -> None:
    assert dates_from_attributes("1971-10-21T23:30:00-04:00", "1971-10-22T04:30:00+01:00") == (
        "1971-10-21", None)


def test_partial_and_missing_attribute_dates() -> None:
    assert dates_from_attributes("1945-08", None) == ("1945-08", None)
    assert dates_from_attributes(None, None) == (None, None)
    assert dates_from_attributes("undated", None) == (None, None)


def test_received_line_is_not_the_documents_time() -> None:
    assert times_from_text("Chungking, August 14, 1943.\n[Received August 15—4 a.m.]") == (
        None, None)
    assert times_from_text("Washington, August 9, 1974, 10:47–11:10 a.m.") == ("10:47", "11:10")


def _records(name: str) -> dict[str, dict[str, object]]:
    out = {}
    for record in READER.read(InputFile.read(FIXTURES / name)):
        data = record.to_json()
        validate_document(data)
        out[record.local_id or ""] = data
    return out


def test_dateline_interval_gives_date_and_end() -> None:
    record = _records("persons-volume.xml")["d13"]
    assert (record["date"], record["date_end"], record["date_text"]) == (
        "1971-10-20", "1971-10-26", "October 20–26, 1971")
    assert record["place"] == "Paris"


def test_volume_without_date_attributes_reads_the_written_dates() -> None:
    records = _records("undated-volume.xml")
    assert records["d501"]["date"] == "1938-03-03"
    assert records["d501"]["date_text"] == "March 3, 1938"
    assert records["d501"]["place"] == "Washington"
    # no dateline at all: the head says when
    assert (records["d502"]["date"], records["d502"]["time_start"]) == ("1943-11-24", "11:00")
    assert records["d502"]["date_text"] is None
    # a dateline without placeName: the place is the text before the date
    assert records["d503"]["place"] == "Moscow"
    assert (records["d503"]["time_start"], records["d503"]["time_end"]) == ("15:15", "16:45")
    assert records["d504"]["doc_type"] == "Memorandum for the Record"


def test_document_number_comes_from_the_div_when_the_head_has_none() -> None:
    records = _records("undated-volume.xml")
    assert records["d501"]["doc_number"] == "501"
    assert records["d501"]["original_heading"] is None


def test_attribute_naming_no_real_day_is_no_date() -> None:
    assert dates_from_attributes("1999-02-30", None) == (None, None)
    assert dates_from_attributes("1999-13", None) == (None, None)
