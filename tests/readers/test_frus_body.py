"""Body forms of FRUS documents absent from the samples, on the variant fixtures and small
documents written here: every label form, continuations, narration, stage directions, gaps,
page breaks inside words, footnotes, attachments, signatures, editorial notes."""

from __future__ import annotations

from pathlib import Path

from memcon.model import DocumentRecord
from memcon.model.schema import validate_document
from memcon.readers.frus_tei import READER
from memcon.readers.inputs import InputFile

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "frus"


def fixture(name: str, local_id: str) -> DocumentRecord:
    """A record of a variant fixture volume, validated against the schema."""
    for record in READER.read(InputFile.read(FIXTURES / name)):
        validate_document(record.to_json())
        if record.local_id == local_id:
            return record
    raise KeyError(local_id)


def document(body: str, *, head: str = "1. Memorandum of Conversation", attrs: str = "") -> (
        DocumentRecord):
    """The record of one document written inline, wrapped in a minimal FRUS volume."""
    xml = (
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:frus="http://history.state.gov/ns/1.0">'
        '<teiHeader><fileDesc><titleStmt><title type="complete">T</title></titleStmt>'
        '<publicationStmt><idno type="frus">frus-t</idno></publicationStmt></fileDesc></teiHeader>'
        f'<text><body><div type="chapter"><div type="document" n="1" xml:id="d1" {attrs}>'
        f"<head>{head}</head>{body}</div></div></body></text></TEI>"
    )
    records = list(READER.read(InputFile("inline.xml", xml.encode())))
    validate_document(records[0].to_json())
    return records[0]


def test_every_label_form_becomes_a_turn() -> None:
    record = fixture("persons-volume.xml", "d12")
    assert [(t.speaker, t.meta.get("label_form")) for t in record.turns] == [
        ("Kissinger", "colon"), ("Huang", "colon"), ("The President", "colon"),
        ("A Congressman", "colon"), ("Secretary Kissinger", "colon"), ("The President", "colon"),
        ("KISSINGER", "colon"), ("HUANG", "colon"),
    ]
    assert record.turns[0].meta["speaker_ref"] == "p_KHA1"
    assert "speaker_ref" not in record.turns[1].meta


def test_continuation_joins_previous_turn_and_inline_stage_stays() -> None:
    first = fixture("persons-volume.xml", "d12").turns[0]
    assert first.text == "We welcome the Ambassador. (laughter) It is an honor.\n\nWe have much to discuss."


def test_bracketed_narration_is_a_paragraph_and_parenthesised_line_a_stage() -> None:
    body = fixture("persons-volume.xml", "d12").body
    kinds = {b.text: b.kind for b in body}
    assert kinds["[There was an exchange of greetings.]"] == "paragraph"
    assert kinds["(Laughter)"] == "stage"


def test_page_break_inside_a_word_is_joined() -> None:
    huang = fixture("persons-volume.xml", "d12").turns[1]
    assert huang.text == "Thank you. The negotiation can begin."


def test_redaction_paragraph_is_a_gap_and_inline_redaction_stays() -> None:
    record = fixture("persons-volume.xml", "d12")
    gaps = [b.text for b in record.body if b.kind == "gap"]
    assert gaps == ["[3 lines not declassified]"]
    congressman = record.turns[3]
    assert congressman.text == "What about trade [1 line not declassified] and travel?"
    telegram = fixture("persons-volume.xml", "d13")
    assert [b.kind for b in telegram.body] == ["dateline", "paragraph", "gap", "paragraph"]


def test_dialogue_quoted_in_a_footnote_is_a_note_not_a_turn() -> None:
    record = fixture("persons-volume.xml", "d12")
    note = record.notes[0]
    assert note.text == "Kissinger: this line is quoted in a footnote and is not a turn."
    assert note.anchor == record.body.index(record.turns[0])
    assert not any("quoted in a footnote" in b.text for b in record.body)


def test_attachment_follows_as_part_of_its_document() -> None:
    record = fixture("persons-volume.xml", "d12")
    attached = [b for b in record.body if b.meta.get("attachment") == 1]
    assert [b.kind for b in attached] == ["heading", "turn", "turn", "paragraph"]
    assert attached[0].text == "Talking Points"
    assert attached[2].text == "Second point.\n\nIt continues here."
    assert attached[3].text == "Respectfully,\nW. L."
    source = next(n for n in record.notes if n.n == "3")
    assert source.type == "source" and record.body[source.anchor or 0].text == "Talking Points"


def test_editorial_note_has_no_turns_even_with_labels() -> None:
    record = fixture("persons-volume.xml", "d14")
    assert record.doc_type == "Editorial Note"
    assert record.turns == []
    assert record.body[0].text == "Nixon: this paragraph quotes a speaker inside an editorial note."


def test_smallcaps_minutes_with_continuation_and_narration() -> None:
    record = fixture("undated-volume.xml", "d502")
    assert [(t.speaker, t.text) for t in record.turns] == [
        ("General Marshall", "General Marshall said that the roads were bad.\n\nHe added that the "
                             "rains had begun."),
        ("General Shang Chen", "General Shang Chen agreed."),
    ]
    assert record.body[-1].kind == "paragraph"
    assert record.body[-1].text == "It was agreed that the staffs would meet again."


def test_a_single_name_label_is_not_a_dialogue() -> None:
    record = document("<p>Mr. President: I have the honor to report.</p><p>It went well.</p>",
                      head="1. Letter From the Ambassador to the President")
    assert record.turns == []


def test_header_fields_and_salutations_are_never_speakers() -> None:
    record = document(
        "<p>DATE &amp; TIME: May 5, 1972</p><p>COPIES TO: S/S</p><p>SUBJECT: Trade</p>"
        "<p>Dear Mr. Secretary: thank you.</p><p>Rogers: Good morning.</p><p>Chi: Welcome.</p>")
    assert [t.speaker for t in record.turns] == ["Rogers", "Chi"]
    assert record.extra["subject"] == "Trade"


def test_label_only_paragraph_takes_the_next_paragraph_as_its_text() -> None:
    record = document(
        '<p><hi rend="smallcaps">The Combined Chiefs of Staff</hi>:—</p><p>Agreed.</p>'
        '<p><hi rend="smallcaps">Admiral King</hi> said no.</p>', head="Minutes")
    ccs = record.turns[0]
    assert (ccs.speaker, ccs.text, ccs.meta["separator"]) == (
        "The Combined Chiefs of Staff", "Agreed.", ":—")


def test_code_names_in_smallcaps_are_not_speakers() -> None:
    record = document(
        '<p>Operation <gloss target="#t"><hi rend="smallcaps">Dracula</hi></gloss> was discussed.'
        '</p><p><hi rend="smallcaps"><gloss target="#t">Octagon</gloss></hi> was noted.</p>',
        head="Minutes")
    assert record.turns == []


def test_closer_keeps_salutation_and_signature_on_their_lines() -> None:
    record = document('<p>Text.</p><closer><salute>Sincerely,</salute><signed>Dean Rusk'
                      '</signed></closer>', head="1. Letter From Rusk to Gromyko")
    assert record.body[-1].text == "Sincerely,\nDean Rusk"
    assert record.body[-1].meta == {"closer": True}


def test_block_level_note_is_anchored_to_the_item_before_it() -> None:
    record = document('<p>Kissinger: One.</p><p>Huang: Two.</p>'
                      '<note n="5" type="editorial">An editor speaks.</note>')
    assert record.notes[0].text == "An editor speaks."
    assert record.notes[0].anchor == 1
    assert record.notes[0].type == "editorial"


def test_whole_paragraph_gap_element_is_a_gap() -> None:
    record = document('<p>Kissinger: One.</p><gap reason="not declassified"/><p>Huang: Two.</p>')
    assert [b.kind for b in record.body] == ["turn", "gap", "turn"]


def test_notes_beyond_the_source_note_are_kept() -> None:
    record = document("<p>Text.</p>", head='1. Note<note type="source" n="1">Source: X. Secret.'
                                           '</note><note type="source" n="1a">Also in Y.</note>')
    assert record.source.citation == "Source: X. Secret."
    assert [(n.n, n.text, n.type, n.anchor) for n in record.notes] == [
        ("1a", "Also in Y.", "source", None)]


def test_signature_after_a_turn_is_not_part_of_it() -> None:
    record = document("<p>Nixon: One.</p><p>Chou: Two.</p><signed>R. N.</signed>")
    assert record.turns[-1].text == "Two."
    assert record.body[-1].text == "R. N." and record.body[-1].kind == "paragraph"


def test_note_in_an_opener_is_a_note() -> None:
    record = document('<opener><dateline>Paris, <date when="1919-02-11">February 11, 1919</date>'
                      '</dateline><note n="2">Undated.</note></opener><p>Text.</p>')
    assert [(n.n, n.text, n.anchor) for n in record.notes] == [("2", "Undated.", 0)]
    assert [b.kind for b in record.body] == ["dateline", "paragraph"]


def test_source_note_set_after_the_head_is_the_source() -> None:
    record = document('<note rend="inline" type="source">Hopkins Papers</note><p>Text.</p>',
                      head="Memorandum by the President’s Special Assistant")
    assert record.source.citation == "Hopkins Papers"
    assert record.notes == []
