"""The plain-text and Markdown transcript reader (tests/fixtures/transcript)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from memcon.errors import InputError
from memcon.model.schema import validate_document
from memcon.readers.front_matter import has_front_matter
from memcon.readers.inputs import InputFile
from memcon.readers.registry import detect
from memcon.readers.transcript import READER

FIXTURES = Path(__file__).parent.parent / "fixtures" / "transcript"
REFERENCE = Path(__file__).parent.parent.parent / "memcon" / "samples" / "wilson" / \
    "soong-stalin-1945-08-10.txt"


def parse_bytes(data: bytes, name: str = "t.txt") -> dict[str, Any]:
    """The transcript's one record as Document JSON, validated against the schema."""
    [record] = [r.to_json() for r in READER.read(InputFile(name, data))]
    validate_document(record)
    return record


def parse_text(text: str) -> dict[str, Any]:
    return parse_bytes(text.encode("utf-8"))


def parse(name: str) -> dict[str, Any]:
    return parse_bytes((FIXTURES / name).read_bytes(), name)


def turns(record: dict[str, Any]) -> list[tuple[str, str]]:
    return [(i["speaker"], i["text"]) for i in record["body"] if i["kind"] == "turn"]


def kinds(record: dict[str, Any], kind: str) -> list[str]:
    return [i["text"] for i in record["body"] if i["kind"] == kind]


def test_front_matter_gives_the_record_fields() -> None:
    record = parse("front-matter.md")
    assert record["title"] == "Conversation Between the Secretary and Ambassador Dobrynin"
    assert (record["date"], record["date_text"]) == ("1962-10-23", "1962-10-23")
    assert (record["time_start"], record["time_end"]) == ("16:00", "17:15")
    assert record["place"] == "Department of State, Washington"
    assert record["doc_type"] == "Memorandum of Conversation"
    assert record["languages"] == ["en"]
    assert record["classification"] == "Secret"
    assert record["summary"] == "The Secretary hands the Ambassador a copy of the proclamation."
    assert record["contributors"] == ["Ada Editor"]
    assert record["rights"] == "Public domain."
    assert record["source"]["citation"] == "Example Archive, Central Files, 611.6112/10-2362."
    assert record["source"]["url"] == "https://example.org/records/611-6112"
    assert record["front_matter"] == {"collection_note": "Selected for the memcon test fixtures"}


def test_front_matter_participants_take_the_labels_they_speak_under() -> None:
    record = parse("front-matter.md")
    assert record["participants"] == [
        {"label": "The Secretary", "name": "Dean Rusk", "role": "Secretary of State",
         "side": "United States"},
        {"label": "Ambassador Dobrynin", "name": "Anatoly Dobrynin",
         "role": "Ambassador of the USSR", "side": None},
    ]


def test_markdown_headings_are_headings_and_bold_labels_are_speakers() -> None:
    record = parse("front-matter.md")
    assert kinds(record, "heading") == ["Memorandum of Conversation", "The proclamation",
                                        "Closing"]
    assert turns(record)[:2] == [
        ("The Secretary", "I have asked you to come in to receive a copy of the proclamation."),
        ("Ambassador Dobrynin", "Is this a blockade?"),
    ]
    assert record["original_heading"] == "Memorandum of Conversation"


def test_stage_direction_stands_apart_and_the_speaker_goes_on_after_it() -> None:
    record = parse("front-matter.md")
    body = record["body"]
    stage = next(i for i, item in enumerate(body) if item["kind"] == "stage")
    assert body[stage]["text"] == "(The Ambassador reads the text.)"
    assert body[stage - 1]["text"] == ("It is a quarantine. The text speaks for itself.\n\n"
                                       "It will take effect tomorrow at 2:00 p.m.")
    assert body[stage + 1]["speaker"] == "The Secretary"
    assert body[stage + 1]["continued"] is True


def test_heading_ends_the_turn_before_it() -> None:
    record = parse("front-matter.md")
    assert turns(record)[-1] == ("Ambassador Dobrynin", "I will report to my Government.")
    assert ("The Secretary", "Paragraph 3 is the important one.") in turns(record)


def test_upper_case_labels_and_question_labels_on_consecutive_lines() -> None:
    record = parse("press-conference.txt")
    assert Counter(s for s, _ in turns(record)) == {
        "THE PRESIDENT": 3, "PRIME MINISTER HEATH": 2, "Q": 2}
    assert turns(record)[0] == ("THE PRESIDENT", "Ladies and gentlemen, the Prime Minister and "
                                "I have had two days of talks.\n\nWe covered Europe, trade "
                                "and defense.")


def test_bracketed_and_parenthesised_directions_on_their_own_line_are_stage_items() -> None:
    record = parse("press-conference.txt")
    assert kinds(record, "stage") == ["[Laughter]", "(Applause.)"]


def test_inaudible_on_its_own_line_is_a_gap_and_inside_a_turn_stays_in_it() -> None:
    record = parse("press-conference.txt")
    assert kinds(record, "gap") == ["[inaudible]"]
    assert ("THE PRESIDENT", "[inaudible] -- we will come back to that.") in turns(record)


def test_press_release_end_mark_is_not_the_last_speakers() -> None:
    record = parse("press-conference.txt")
    assert turns(record)[-1] == ("THE PRESIDENT", "That is all for today.")
    assert record["body"][-1] == {"kind": "paragraph", "text": "END 11:20 A.M. EST", "line": 16}


def test_title_is_the_heading_that_names_the_record_and_date_the_dateline() -> None:
    record = parse("press-conference.txt")
    assert record["title"] == "Joint Press Conference of the President and Prime Minister Heath"
    assert record["doc_type"] == "Press Conference"
    assert (record["date"], record["time_start"]) == ("1973-02-01", "11:02")


def test_interview_keeps_wrapped_lines_inside_its_turn() -> None:
    record = parse("interview.txt")
    assert [s for s, _ in turns(record)] == ["Q", "A", "Q", "A", "A", "Q"]
    assert turns(record)[1] == ("A", "In 1957, at a reception in the Kremlin. He\ncame straight "
                                     "over to the Americans and\nstarted arguing about tractors.")
    assert (record["title"], record["doc_type"]) == (
        "Oral History Interview with Llewellyn Thompson", "Interview")
    assert (record["date"], record["place"]) == ("1962-07-14", "Moscow")


def test_web_copy_furniture_is_never_a_speaker() -> None:
    record = parse("web-copy.txt")
    assert Counter(s for s, _ in turns(record)) == {"The President": 2, "Khrushchev": 2}
    assert record["furniture"] == [
        "Skip to main content", "Home | Documents | Collections | About",
        "Home › Documents › Cold War › Vienna 1961", "Posted on March 14, 2019 by the editors",
        "Share: Facebook Twitter Email", "© 2024 Example Archive · Privacy policy · Contact",
        "Back to top",
    ]
    assert not any("Share" in item["text"] for item in record["body"])


def test_web_copy_date_is_the_conversations_not_the_letters_or_the_posting() -> None:
    record = parse("web-copy.txt")
    assert record["date"] == "1961-06-03"
    assert record["date_text"] == "June 3, 1961, 12:45 p.m. - 3:15 p.m."
    assert (record["time_start"], record["time_end"]) == ("12:45", "15:15")


def test_web_copy_source_line_classification_and_participants() -> None:
    record = parse("web-copy.txt")
    assert record["source"]["citation"] == (
        "Example Presidential Library, President's Office Files, Box 126, Vienna Meeting.")
    assert record["classification"] == "TOP SECRET"
    assert record["place"] == "United States Ambassador's Residence, Vienna"
    assert [p["name"] for p in record["participants"]] == [
        "The President", "Chairman Khrushchev", "Mr. Akalovsky", "Mr. Sukhodrev"]
    assert record["participants"][1]["label"] == "Khrushchev"
    assert record["title"] == ("Memorandum of Conversation Between President Kennedy and "
                               "Chairman Khrushchev")
    assert record["original_heading"] == "MEMORANDUM OF CONVERSATION"


def test_covering_letter_stays_as_paragraphs_marked_as_letter() -> None:
    record = parse("web-copy.txt")
    letter = [i["text"] for i in record["body"] if i.get("letter")]
    assert letter[0] == "July 2, 1961"
    assert letter[1] == "Dear Mr. President:"
    assert letter[-3:] == ["Sincerely,", "Dean Rusk", "Secretary of State"]
    assert all(i["kind"] == "paragraph" for i in record["body"] if i.get("letter"))


def test_a_web_copy_with_a_letter_then_the_records_own_heading() -> None:
    record = parse("web-copy-titled.txt")
    # the heading after the covering letter's signature is the record's, not the letter's
    assert (record["title"], record["doc_type"]) == ("TRANSCRIPT OF CONVERSATION", "Transcript")
    assert (record["date"], record["time_start"], record["time_end"], record["place"]) == (
        "1973-02-12", "15:05", "15:40", "The Oval Office")
    assert [i["text"] for i in record["body"] if i.get("letter")] == [
        "February 14, 1973", "Dear Mr. Chairman,",
        "I enclose the transcript of the conversation of February 12.", "Sincerely,",
        "John Smith", "Archivist"]
    # navigation and sharing lines are furniture, never a speaker's
    assert record["furniture"] == ["Home | About | Archives | Contact", "Search this site",
                                   "Share this page: Facebook Twitter", "© 2024 Example Foundation"]
    assert turns(record)[-1] == ("KISSINGER", "[unclear] the agreement.")
    assert record["body"][-1] == {"kind": "stage", "text": "[Tape ends]", "line": 31}


def test_signature_and_stamp_after_the_last_turn_are_not_part_of_it() -> None:
    record = parse("web-copy.txt")
    assert turns(record)[-1] == ("Khrushchev", "Then we can agree on a cease-fire.")
    assert [i["text"] for i in record["body"][-2:]] == ["Drafted by: A. Akalovsky", "TOP SECRET"]


@pytest.mark.parametrize("name", ["front-matter.md", "press-conference.txt", "interview.txt",
                                  "web-copy.txt", "web-copy-titled.txt"])
def test_every_line_of_the_file_is_kept_somewhere(name: str) -> None:
    def squeeze(text: str) -> str:
        return re.sub(r"[\s*#]", "", text)  # whitespace and Markdown marks aside

    record = parse(name)
    text = (FIXTURES / name).read_text("utf-8")
    if text.startswith("---"):
        text = text.split("\n---\n", 1)[1]
    items = [f"{i['speaker']}:{i['text']}" if i["kind"] == "turn" else i["text"]
             for i in record["body"]]
    kept = squeeze("".join([*items, *record.get("furniture", []),
                            record["source"]["citation"] or ""]))
    for line in text.splitlines():
        assert squeeze(line.removeprefix("Source:")) in kept, line


def test_crlf_and_nbsp_only_lines_read_like_plain_newlines() -> None:
    text = (FIXTURES / "interview.txt").read_text("utf-8")
    variant = text.replace("\n\n", "\n\u00a0\n").replace("\n", "\r\n")
    assert parse_bytes(variant.encode("utf-8")) == parse("interview.txt")


def test_front_matter_values_stay_as_written() -> None:
    record = parse_text("---\ndate: 1945\ntime: 21:00\ntitle: 1945\n---\n"
                        "Stalin: Yes.\n\nSoong: No.\n")
    assert (record["date"], record["date_text"], record["title"]) == ("1945", "1945", "1945")
    assert record["time_start"] == "21:00"


def test_front_matter_that_is_not_a_mapping_is_refused_clearly() -> None:
    with pytest.raises(InputError, match="front matter must be a mapping"):
        parse_text("---\n- a\n- b\n---\nA: yes\n")


def test_front_matter_yaml_error_names_line_and_column() -> None:
    with pytest.raises(InputError, match="not valid YAML") as caught:
        parse_text("---\ntitle: Talks\ndate: [1945\n---\nA: yes\n")
    assert caught.value.line is not None and caught.value.line >= 3


def test_front_matter_never_closed_or_with_a_bad_language_is_refused() -> None:
    with pytest.raises(InputError, match="never closed"):
        parse_text("---\ntitle: Talks\n\nA: yes\n")
    with pytest.raises(InputError, match="not an ISO 639 code"):
        parse_text("---\nlanguages: [English]\n---\nA: yes\n")


def test_front_matter_value_of_the_wrong_kind_is_named() -> None:
    with pytest.raises(InputError, match="'title' must be text, not a list"):
        parse_text("---\ntitle: [a, b]\n---\nA: yes\n")
    with pytest.raises(InputError, match="'title' must be text, not a mapping"):
        parse_text("---\ntitle: {a: b}\n---\nA: yes\n")
    with pytest.raises(InputError, match="'title' must be text, not a single value"):
        parse_text("---\ntitle: !!int 5\n---\nA: yes\n")


def test_front_matter_is_found_only_when_it_is_closed() -> None:
    assert has_front_matter("---\ntitle: Talks\n...\nA: yes\n")
    assert has_front_matter("\ufeff---\r\ntitle: Talks\n---\n")
    assert not has_front_matter("---\ntitle: Talks\nA: yes\n")
    assert not has_front_matter("A: yes\n---\n---\n")


def test_narrative_text_without_labels_is_paragraphs() -> None:
    record = parse_text("The Ambassador called on the Chairman at noon.\n\n"
                        "The Chairman said that the matter would be studied.\n")
    assert turns(record) == []
    assert kinds(record, "paragraph")[-1] == "The Chairman said that the matter would be studied."


def test_markup_and_furniture_only_texts_are_refused() -> None:
    with pytest.raises(InputError, match="is markup"):
        parse_text("<html><body>Stalin: Yes.</body></html>")
    with pytest.raises(InputError, match="holds no text"):
        parse_text("Skip to main content\nBack to top\n")


def test_reference_page_text_read_as_a_plain_transcript_finds_every_turn() -> None:
    record = parse_bytes(REFERENCE.read_bytes(), REFERENCE.name)
    assert Counter(s for s, _ in turns(record)) == {
        "Stalin": 78, "Soong": 49, "Wang": 33, "Molotov": 10, "Lossovski": 2, "Fu": 1}
    assert (record["date"], record["time_start"], record["time_end"]) == (
        "1945-08-10", "21:00", "23:30")


def test_sniff_scores() -> None:
    def score(data: bytes) -> int:
        return READER.sniff(InputFile("x", data))

    assert score((FIXTURES / "front-matter.md").read_bytes()) == 70
    assert score((FIXTURES / "interview.txt").read_bytes()) == 60
    assert score(b"A quiet narrative record.\n") == 10
    assert score(b"<?xml version='1.0'?><TEI/>") == 0
    assert score(b"<!DOCTYPE html><html></html>") == 0
    assert score(b"\x00\x01\x02binary") == 0


@pytest.mark.parametrize("path", sorted(FIXTURES.iterdir()), ids=lambda p: p.name)
def test_fixtures_are_detected_as_transcripts(path: Path) -> None:
    assert detect(InputFile.read(path)).name == "transcript"
