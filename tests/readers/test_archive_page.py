"""The archive-page reader on the reference record, its variants and hand-made pages."""

from __future__ import annotations

import json
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from memcon.cli.main import cli
from memcon.errors import InputError
from memcon.model import DocumentRecord
from memcon.model.schema import validate_document
from memcon.readers.archive_page import READER, parse_page
from memcon.readers.inputs import InputFile
from memcon.readers.registry import read_path

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "memcon" / "samples" / "wilson" / "soong-stalin-1945-08-10.txt"
FIXTURES = ROOT / "tests" / "fixtures" / "archive_page"


def parse_text(text: str, name: str = "page.txt") -> dict[str, Any]:
    """The Document JSON of a page given as text, validated."""
    records = list(READER.read(InputFile(name, text.encode("utf-8"))))
    assert len(records) == 1
    data = records[0].to_json()
    validate_document(data)
    return data


@cache
def reference_record() -> DocumentRecord:
    """The reference record: the Wilson Center page "Record of a Meeting Between T.V. Soong and Stalin"."""
    (record,) = read_path(REFERENCE)
    validate_document(record.to_json())
    return record


@cache
def fixture(name: str) -> dict[str, Any]:
    """A hand-made page under tests/fixtures/archive_page, derived from the reference record."""
    (record,) = read_path(FIXTURES / name)
    data = record.to_json()
    validate_document(data)
    return data


def without_lines(data: dict[str, Any]) -> dict[str, Any]:
    """The record without its origin and the body's source line numbers."""
    data = dict(data)
    data.pop("origin")
    data["body"] = [{k: v for k, v in item.items() if k != "line"} for item in data["body"]]
    return data


# -- the reference record ---------------------------------------------------------------------


def test_reference_record_metadata() -> None:
    record = reference_record()
    assert record.title == "Record of a Meeting Between T.V. Soong and Stalin"
    assert record.original_heading == "Record of Meeting Between T. Soong and Stalin"
    assert (record.date, record.time_start, record.time_end) == ("1945-08-10", "21:00", "23:30")
    assert record.date_text == "10 August, 1945 9:00 – 11:30 p.m."
    assert record.doc_type == "Memorandum of Conversation"
    assert record.summary is not None
    assert record.summary.startswith("T.V. Soong, Stalin, and others discuss")
    assert record.complete is True
    assert record.languages == ["en"]
    assert record.uploaded is None


def test_reference_record_source_and_credits() -> None:
    record = reference_record()
    source = record.source
    assert source.citation == ("Victor Hoo Collection, box 6, folder 9, Hoover Institution "
                               "Archives. Contributed by David Wolff.")
    assert (source.repository, source.collection, source.box, source.folder) == (
        "Hoover Institution Archives", "Victor Hoo Collection", "6", "9")
    assert source.record_id is None and source.series is None
    assert record.contributors == ["David Wolff"]
    assert record.translators == []
    assert record.funders == ["Chun & Jane Chiu Family Foundation"]
    assert record.rights is not None
    first, second = record.rights.split("\n\n")
    assert first.startswith("The History and Public Policy Program welcomes reuse")
    assert second.endswith("at [email\u00a0protected].")


def test_reference_record_turns_by_speaker() -> None:
    turns = reference_record().turns
    assert len(turns) == 173
    assert Counter(t.speaker for t in turns) == {
        "Stalin": 78, "Soong": 49, "Wang": 33, "Molotov": 10, "Lossovski": 2, "Fu": 1}
    assert (turns[0].speaker, turns[0].text) == ("Stalin", "The Japanese want to capitulate.")
    assert (turns[-1].speaker, turns[-1].text) == ("Stalin", "With Antonov, Chief of General Staff.")


def test_reference_record_stage_directions() -> None:
    stages = [item.text for item in reference_record().body if item.kind == "stage"]
    assert stages == ["(He reads the two concluding lines).", "(Stalin laughs)"]


def test_reference_record_body_opens_with_heading_and_dateline() -> None:
    body = reference_record().body
    assert [(item.kind, item.text) for item in body[:2]] == [
        ("heading", "Record of Meeting Between T. Soong and Stalin"),
        ("dateline", "10 August, 1945 9:00 – 11:30 p.m.")]
    assert {item.kind for item in body[2:]} == {"turn", "stage"}


def test_reference_transcript_keeps_every_character() -> None:
    record = reference_record()
    lines = REFERENCE.read_text("utf-8").split("\n")
    paragraphs = [line.strip() for line in lines if line.strip()]
    start = paragraphs.index("10 August, 1945 9:00 – 11:30 p.m.") + 1
    end = paragraphs.index(record.summary or "")
    rebuilt: list[str] = []
    for item in record.body[2:]:
        if item.kind == "turn":
            first, *rest = item.paragraphs
            rebuilt += [f"{item.speaker}: {first}", *rest]
        else:
            rebuilt.append(item.text)
    assert rebuilt == paragraphs[start:end]


def test_a_label_like_phrase_stays_inside_its_turn() -> None:
    turn = next(t for t in reference_record().turns if "Paragraph 3:" in t.text)
    assert turn.speaker == "Stalin"
    assert turn.text.startswith("Paragraph 3: we suggest different language.")
    assert turn.paragraphs[1].startswith("In paragraph 2, delete")


def test_trailing_whitespace_is_trimmed_and_inner_characters_kept() -> None:
    turns = reference_record().turns
    assert ("Soong", "Please.") in [(t.speaker, t.text) for t in turns]
    assert any("Kalkhim (?) government" in t.text for t in turns)
    assert any("support… to go" in t.text and "paragraph 1 – in" in t.text for t in turns)


def test_continuations_join_their_turn() -> None:
    turn = reference_record().turns[14]
    assert turn.speaker == "Stalin"
    assert len(turn.paragraphs) == 7
    assert turn.paragraphs[1] == "Cannot exclude Dairen from military zone."


def test_every_body_item_points_to_its_source_line() -> None:
    lines = REFERENCE.read_text("utf-8").split("\n")
    for item in reference_record().body:
        written = lines[item.meta["line"] - 1].strip()
        first = item.paragraphs[0]
        assert written == (f"{item.speaker}: {first}" if item.kind == "turn" else first)


def test_participants_are_the_speakers_as_labelled() -> None:
    people = reference_record().to_json()["participants"]
    assert [p["label"] for p in people] == ["Stalin", "Soong", "Molotov", "Wang", "Lossovski", "Fu"]
    assert all(p["name"] is None and p["role"] is None and p["side"] is None for p in people)


def test_memcon_parse_prints_the_record_as_one_json_line() -> None:
    result = CliRunner().invoke(cli, ["parse", str(REFERENCE)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) == 1
    data = json.loads(lines[0])
    validate_document(data)
    assert data["origin"]["format"] == "archive-page"
    assert sum(1 for item in data["body"] if item["kind"] == "turn") == 173


# -- copies of the reference page that differ only in layout -----------------------------------


def _reference_text() -> str:
    return REFERENCE.read_text("utf-8")


SAME_LINES = {
    "crlf line endings": lambda t: t.replace("\n", "\r\n"),
    "blank lines holding a non-breaking space": lambda t: "\n".join(
        line or "\u00a0" for line in t.split("\n")),
}
OTHER_LINES = {
    "single line breaks": lambda t: "\n".join(line for line in t.split("\n") if line.strip()),
    "no skip-to-content line": lambda t: t.split("\n", 1)[1],
    "a teaser before the date line": lambda t: t.replace(
        "Skip to content\n", "Skip to content\n\nRecord of a Conversation between Mao Zedong and "
        "Stalin on the Treaty\n", 1),
}


@pytest.mark.parametrize("variant", SAME_LINES)
def test_a_layout_variant_parses_like_the_reference(variant: str) -> None:
    data = parse_text(SAME_LINES[variant](_reference_text()))
    expected = reference_record().to_json()
    data.pop("origin")
    expected.pop("origin")
    assert data == expected


@pytest.mark.parametrize("variant", OTHER_LINES)
def test_a_page_variant_parses_like_the_reference_but_for_line_numbers(variant: str) -> None:
    data = parse_text(OTHER_LINES[variant](_reference_text()))
    assert without_lines(data) == without_lines(reference_record().to_json())


def test_a_page_cut_off_mid_text_is_parsed_as_far_as_it_goes() -> None:
    data = fixture("cut-off.txt")
    assert data["complete"] is False
    assert data["summary"] is None and data["doc_type"] is None and data["rights"] is None
    assert data["source"] == {key: None for key in data["source"]}
    assert data["funders"] == ["Chun & Jane Chiu Family Foundation"]
    assert (data["title"], data["date"], data["time_start"]) == (
        "Record of a Meeting Between T.V. Soong and Stalin", "1945-08-10", "21:00")
    turns = [item for item in data["body"] if item["kind"] == "turn"]
    assert len(turns) == 20
    assert turns[-1] == {"kind": "turn", "speaker": "Stalin", "line": 88,
                         "text": "People will understand and will like a"}


# -- hand-made pages in the archive's other shapes ----------------------------------------------


def test_labels_with_brackets_initials_and_titles() -> None:
    data = fixture("delegations.txt")
    speakers = [item["speaker"] for item in data["body"] if item["kind"] == "turn"]
    assert speakers == ["[Andrei] Gromyko", "[W. A.] Harriman", "V. M. Molotov",
                        "Comrade Kim Il Sung", "THE PRESIDENT", "V. M. Molotov"]


def test_agenda_lines_and_label_like_phrases_stay_in_their_turns() -> None:
    turns = [item for item in fixture("delegations.txt")["body"] if item["kind"] == "turn"]
    assert turns[0]["text"] == "The agenda is as follows.\n\nI. Fisheries.\n\n1) Trade agreement"
    assert turns[2]["text"] == ("Paragraph 3: we suggest different language.\n\n"
                                "Customs officials: the draft says nothing on this.")


def test_editorial_marks_and_stage_directions() -> None:
    body = fixture("delegations.txt")["body"]
    texts = [(item["kind"], item["text"]) for item in body]
    assert ("turn", "We agree. The [ILLEGIBLE] question can wait.") in texts
    assert ("turn", "Kalkhim (?) is on the map (points to the map) here.") in texts
    assert ("stage", "(hands over a map).") in texts


def test_head_of_a_record_with_fields_and_two_column_present_list() -> None:
    data = fixture("delegations.txt")
    assert data["title"] == "Record of a Conversation between Molotov, Harriman and Kim Il Sung"
    assert data["original_heading"] == "Record of Conversation"
    assert (data["date"], data["date_text"]) == ("1950-03-03", "March 3rd, 1950")
    assert (data["time_start"], data["time_end"]) == ("00:30", "02:00")
    assert data["place"] == "Moscow"
    assert data["participants"] == [
        {"label": "[Andrei] Gromyko", "name": "[Andrei] Gromyko", "role": None,
         "side": "Soviet side"},
        {"label": "[W. A.] Harriman", "name": "[W. A.] Harriman", "role": None,
         "side": "American side"},
        {"label": "V. M. Molotov", "name": "V. M. Molotov", "role": None, "side": "Soviet side"},
        {"label": None, "name": "Charles Bohlen", "role": "interpreter", "side": "American side"},
        {"label": "Comrade Kim Il Sung", "name": None, "role": None, "side": None},
        {"label": "THE PRESIDENT", "name": None, "role": None, "side": None},
    ]


def test_document_information_with_all_values() -> None:
    data = fixture("delegations.txt")
    assert data["source"]["repository"] == (
        "Archive of Foreign Policy of the Russian Federation (AVPRF)")
    assert data["source"]["record_id"] == "123456"
    assert data["uploaded"] == "2011-11-17"
    assert data["doc_type"] == "Memorandum of Conversation"
    assert data["contributors"] == ["David Wolff"]
    assert data["translators"] == ["Sergey Radchenko"]
    assert data["original_languages"] == ["Russian"]
    assert data["summary"] == "Molotov, Harriman and Kim Il Sung discuss fisheries and trade."
    assert data["complete"] is True


def test_a_narrative_record_has_no_turns() -> None:
    data = fixture("narrative.txt")
    kinds = [item["kind"] for item in data["body"]]
    assert kinds == ["heading", "dateline"] + ["paragraph"] * 5
    assert data["body"][5]["text"].startswith("Customs officials: the draft says nothing")
    assert data["summary"] == ("Mao Zedong and Ambassador Roshchin discuss the Soviet draft "
                               "agreement on the Changchun Railway.")
    assert (data["time_start"], data["time_end"], data["place"]) == ("16:10", "17:20", "Beijing")
    assert data["date_text"] == "3 March 1950, 4:10 - 5: 20 p.m."
    assert [(p["name"], p["role"]) for p in data["participants"]] == [
        ("Mao Zedong", "Chairman of the Central People's Government"),
        ("N. V. Roshchin", "Soviet Ambassador"), ("Shi Zhe", "interpreter")]
    assert data["uploaded"] is None and data["source"]["record_id"] is None


PAGE = ("{date}\n\nTalks on the Treaty\n\nStalin: Yes.\n\nMolotov: No.\n\n"
        "Stalin and Molotov talk.\n\nDocument Information\n\nRecord ID\n")


@pytest.mark.parametrize(("written", "iso"), [
    ("March 3, 1950", "1950-03-03"), ("3 March 1950", "1950-03-03"),
    ("March 3rd, 1950", "1950-03-03"), ("March 1950", "1950-03"), ("1950", "1950"),
])
def test_date_line_forms(written: str, iso: str) -> None:
    data = parse_text(PAGE.format(date=written))
    assert (data["date"], data["date_text"], data["title"]) == (iso, written, "Talks on the Treaty")
    assert data["funders"] == [] and data["summary"] == "Stalin and Molotov talk."


def test_a_date_line_with_a_span_gives_an_end_date() -> None:
    data = parse_text(PAGE.format(date="August 10, 1945 - August 11, 1945"))
    assert (data["date"], data["date_end"]) == ("1945-08-10", "1945-08-11")
    assert data["date_text"] == "August 10, 1945 - August 11, 1945"


def test_a_dateline_makes_a_vague_date_line_precise_and_never_vaguer() -> None:
    page = PAGE.format(date="March 1950").replace(
        "Stalin: Yes.", "Moscow, 3 March 1950, 9 p.m.\n\nStalin: Yes.")
    data = parse_text(page)
    assert (data["date"], data["date_text"], data["time_start"], data["place"]) == (
        "1950-03-03", "3 March 1950, 9 p.m.", "21:00", "Moscow")
    page = PAGE.format(date="March 3, 1950").replace("Stalin: Yes.", "March 1950\n\nStalin: Yes.")
    assert (parse_text(page)["date"], parse_text(page)["date_text"]) == (
        "1950-03-03", "March 3, 1950")


def test_a_dateline_that_disagrees_with_the_page_date_does_not_override_it() -> None:
    page = PAGE.format(date="March 3, 1950").replace(
        "Stalin: Yes.", "Moscow, 5 April 1951, 9 p.m.\n\nStalin: Yes.")
    data = parse_text(page)
    assert (data["date"], data["date_text"], data["time_start"]) == (
        "1950-03-03", "March 3, 1950", None)


def test_text_that_is_no_archive_page_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        parse_page("STALIN: Yes.\nSOONG: No.\n", "talk.txt")
    assert str(caught.value).startswith("talk.txt:1:")
    with pytest.raises(InputError):
        list(READER.read(InputFile("a.xml", b"<?xml version='1.0'?><TEI/>")))


# -- format detection ---------------------------------------------------------------------------


def test_sniff_is_sure_of_an_archive_page() -> None:
    assert READER.sniff(InputFile.read(REFERENCE)) == 100
    assert READER.sniff(InputFile.read(FIXTURES / "cut-off.txt")) >= 60


def test_sniff_is_modest_for_other_text_and_zero_for_markup() -> None:
    assert READER.sniff(InputFile("t.txt", b"STALIN: Yes.\nSOONG: No.\n")) == 20
    assert READER.sniff(InputFile("t.xml", b"<?xml version='1.0'?>\n<TEI/>")) == 0
    assert READER.sniff(InputFile("t.html", b"<!DOCTYPE html><html><body>x</body></html>")) == 0
    assert READER.sniff(InputFile("e.txt", b"")) == 0


def test_sniff_is_sure_of_a_page_with_crlf_endings_and_site_navigation() -> None:
    text = ("Skip to content\r\n\r\nDigital Archive\r\nSearch\r\n" + _reference_text().split(
        "\n", 1)[1]).replace("\n", "\r\n")
    assert READER.sniff(InputFile("page.txt", text.encode("utf-8"))) == 100


def test_a_title_with_a_colon_is_still_the_title() -> None:
    page = PAGE.format(date="March 3, 1950").replace("Talks on the Treaty",
                                                     "Mao Zedong: Speech on the Treaty")
    assert parse_text(page)["title"] == "Mao Zedong: Speech on the Treaty"


def test_the_pages_lists_before_the_information_block_are_kept() -> None:
    page = PAGE.format(date="March 3, 1950").replace(
        "Document Information", "Associated Places\n\nChina\n\nDocument Information")
    data = parse_text(page)
    assert data["associated_places"] == ["China"]
    assert data["summary"] == "Stalin and Molotov talk."
