"""The FRUS TEI reader on the bundled samples, document by document, and on hostile input.

Per-speaker turn counts were verified by reading the sample XML (and counting the label
patterns in it independently of the reader), not copied from the reader's output.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from lxml import etree

from memcon.errors import InputError
from memcon.model import DocumentRecord
from memcon.model.schema import validate_document
from memcon.readers.frus_tei import READER
from memcon.readers.inputs import InputFile
from memcon.readers.registry import detect, read_path
from memcon.readers.xml import local_name, parse_xml, xml_id

SAMPLES = Path(__file__).resolve().parents[2] / "memcon" / "samples" / "frus"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "frus"


@cache
def volume(path: Path) -> tuple[DocumentRecord, ...]:
    """Every record of a volume file, each validated against the Document JSON schema."""
    records = tuple(READER.read(InputFile.read(path)))
    for record in records:
        validate_document(record.to_json())
    return records


def doc(file: str, local_id: str) -> DocumentRecord:
    """One record of a bundled sample volume, by its xml:id."""
    return next(r for r in volume(SAMPLES / file) if r.local_id == local_id)


def speakers(record: DocumentRecord) -> Counter[str]:
    return Counter(t.speaker or "" for t in record.turns)


E13 = "frus1969-76ve13-excerpt.xml"
V38 = "frus1969-76v38p1-excerpt.xml"
QUEBEC = "frus1944Quebec-excerpt.xml"
CHINA = "frus1943China-excerpt.xml"
PARIS = "frus1919Parisv11-excerpt.xml"


def test_every_sample_volume_yields_its_documents_in_order() -> None:
    ids = {f.name: [r.local_id for r in volume(f)] for f in sorted(SAMPLES.glob("*.xml"))}
    assert ids == {
        PARIS: ["d9"], CHINA: ["d77", "d78", "d79"], QUEBEC: ["d181", "d182", "d183"],
        V38: ["d38", "d39"], E13: ["d88", "d91"],
    }


def test_volume_becomes_the_collection_and_ids_follow_it() -> None:
    record = doc(E13, "d88")
    assert record.collection is not None
    assert record.collection.id == "frus1969-76ve13"
    assert record.collection.title == ("Foreign Relations of the United States, 1969–1976, "
                                       "Volume E–13, Documents on China, 1969–1972")
    assert record.local_id == "d88"
    assert record.source.url == "https://history.state.gov/historicaldocuments/frus1969-76ve13/d88"


def test_kissinger_chou_memcon_d88() -> None:
    record = doc(E13, "d88")
    assert record.title == "Memorandum of Conversation, Beijing, February 21, 1972, 2:30-2:40 p.m."
    assert record.doc_number == "88"
    assert record.original_heading is not None and record.original_heading.startswith("88. ")
    assert (record.date, record.date_end, record.date_text) == ("1972-02-21", None,
                                                                "February 21, 1972")
    assert (record.time_start, record.time_end) == ("14:30", "14:40")
    assert record.place == "Beijing"
    assert record.doc_type == "Memorandum of Conversation"
    assert [p.name for p in record.participants] == [
        "Henry A. Kissinger", "Winston Lord", "Chou En-lai", "T'ang Wen-Sheng"]
    assert record.participants[0].role == "Assistant to the President for National Security Affairs"
    assert record.participants[0].ref == "p_KHA1"
    assert speakers(record) == {"PM Chou": 6, "Dr. Kissinger": 6}
    first, last = record.turns[0], record.turns[-1]
    assert (first.speaker, first.text) == ("PM Chou", "Chairman Mao would like to see the President.")
    assert first.meta == {"label_form": "colon", "speaker_ref": "p_ZECE1"}
    assert (last.speaker, last.text) == (
        "Dr. Kissinger", "I will get the President. He will be ready in two minutes.")
    assert record.body[-1].kind == "paragraph"
    assert record.body[-1].text == (
        "[The President arrived and then went on to meet with Chairman Mao.]")
    assert record.notes == []  # its two head notes are the source and the summary
    assert record.summary is not None and record.summary.startswith(
        "President's Assistant for National Security Affairs Kissinger and Chinese Premier")
    assert record.classification == "Top Secret; Sensitive; Exclusively Eyes Only"
    assert record.drafted_by is None  # "presumably drafted by Lord" is the editors' guess
    source = record.source
    assert source.citation is not None and source.citation.startswith(
        "Source: National Archives, Nixon Presidential Materials, NSC Files, Kissinger Office")
    assert (source.repository, source.collection, source.series, source.box) == (
        "National Archives", "Nixon Presidential Materials", "NSC Files, Kissinger Office Files",
        "92")
    assert source.folder is not None and source.folder.startswith("Country Files, Far East, China")


def test_header_fields_are_paragraphs_not_turns_d88() -> None:
    texts = [b.text for b in doc(E13, "d88").body if b.kind != "turn"]
    assert "DATE & TIME: Monday, February 21, 1972 - 2:30-2:40 p.m." in texts
    assert "PLACE: The President's Guest House, Peking" in texts
    assert "PARTICIPANTS:" in texts


def test_narrative_memcon_with_participants_list_d91() -> None:
    record = doc(E13, "d91")
    assert record.title == "Memorandum of Conversation, Beijing, February 22, 1972, 2 p.m."
    assert (record.doc_number, record.date, record.time_start) == ("91", "1972-02-22", "14:00")
    assert record.doc_type == "Memorandum of Conversation"
    assert record.turns == []
    names = [p.name for p in record.participants]
    assert len(names) == 16
    assert names[:3] == ["Chi P'eng-fei", "Hsiung Hsiang-hui", "Wang Chen"]
    # one list item holds two people; both are kept
    assert names[-2:] == ["Nicholas Platt", "Charles W. Freeman, Jr."]
    assert [p.role for p in record.participants[-2:]] == ["Assistant to the Secretary",
                                                          "Interpreter"]
    assert record.classification == "Secret; Nodis; Homer"
    assert record.drafted_by == "Nicholas Platt"
    assert (record.source.repository, record.source.collection, record.source.box) == (
        "National Archives", "RG 59", None)
    assert record.extra["subject"].startswith("Counterpart Meetings Between the Secretary")
    assert [b.text for b in record.body if b.kind == "heading"] == ["Exchanges", "Trade"]
    assert record.notes == []


def test_page_breaks_inside_words_are_joined_d91() -> None:
    text = "\n".join(b.text for b in doc(E13, "d91").body)
    assert "The task for the counterpart talks, as outlined" in text
    assert "We will implement it in any way the PRC wishes" in text


def test_wsag_minutes_d38() -> None:
    record = doc(V38, "d38")
    assert record.title == "Minutes of a Washington Special Actions Group Meeting"
    assert record.doc_number == "38"
    assert (record.date, record.date_end, record.time_start, record.time_end) == (
        "1974-08-09", None, "10:47", "11:10")
    assert record.doc_type == "Minutes"
    assert record.place == "Washington"
    names = [p.name for p in record.participants]
    assert names == ["Henry A. Kissinger", "Robert Ingersoll", "Joseph Sisco", "William Clements",
                     "Robert Ellsworth", "George S. Brown", "John Pauly", "William Colby",
                     "Brent Scowcroft", "Richard T. Kennedy", "Jeanne W. Davis"]
    sides = {p.name: p.side for p in record.participants}
    assert sides["Henry A. Kissinger"] == "Chairman"
    assert sides["William Clements"] == "Defense"
    assert sides["John Pauly"] == "JCS"
    assert sides["Jeanne W. Davis"] == "NSC Staff"
    assert speakers(record) == {"Secretary Kissinger": 21, "Gen. Brown": 8, "Mr. Colby": 7,
                                "Mr. Clements": 6}
    first, last = record.turns[0], record.turns[-1]
    assert first.speaker == "Secretary Kissinger"
    assert first.text.startswith("This won’t be a long meeting, but there are a number")
    # an unlabelled paragraph continues the turn before it
    assert first.text.endswith(
        "\n\nThere will be an NSC meeting tomorrow morning for about 15 minutes. We’ll let you "
        "know the time.")
    assert (last.speaker, last.text) == (
        "Secretary Kissinger", "Let me have what you can Monday morning and the rest Monday night.")
    assert record.classification == "Top Secret; Sensitive"
    assert (record.source.repository, record.source.collection, record.source.series,
            record.source.box) == ("Ford Library", "National Security Council",
                                   "Institutional Files", "24")


def test_footnotes_are_notes_anchored_to_their_turn_d38() -> None:
    record = doc(V38, "d38")
    assert [n.n for n in record.notes] == ["2", "3", "4", "5", "6", "7"]
    note4 = record.notes[2]
    anchored = record.body[note4.anchor or 0]
    assert anchored.speaker == "Gen. Brown" and anchored.text.startswith("We could, but I wonder")
    assert record.notes[3].anchor == record.notes[4].anchor  # two notes in one long turn
    body = "\n".join(b.text for b in record.body)
    assert "briefing book, drafted by the Departments" not in body
    assert "He is sending about 45 messages to Heads of Governments this afternoon. And" in body


def test_inline_stage_directions_and_redactions_stay_in_turns_d38() -> None:
    turns = doc(V38, "d38").turns
    assert any(t.speaker == "Mr. Colby" and t.text == "[name not declassified]" for t in turns)
    assert any("(to Clements) The President also needs to know" in t.text for t in turns)
    assert any(t.text.startswith("(to Gen. Brown) Do you want to tell Henry") for t in turns)


def test_nsdm_with_signature_d39() -> None:
    record = doc(V38, "d39")
    assert record.title == "National Security Decision Memorandum 265"
    assert (record.doc_number, record.date, record.time_start) == ("39", "1974-08-09", None)
    assert record.doc_type == "National Security Decision Memorandum"
    assert record.turns == [] and record.participants == []
    assert record.classification == "Confidential"
    assert (record.source.repository, record.source.collection, record.source.box) == (
        "Ford Library", "National Security Adviser", "1")
    assert record.body[-1].text == "Gerald R. Ford" and record.body[-1].meta == {"closer": True}
    assert [n.n for n in record.notes] == ["2"]


def test_editorial_note_keeps_quoted_dialogue_as_prose_d181() -> None:
    record = doc(QUEBEC, "d181")
    assert (record.title, record.doc_type, record.doc_number) == (
        "Editorial Note", "Editorial Note", "181")
    assert (record.date, record.date_end) == ("1944-03-18", "1944-09-26")
    assert record.turns == []
    assert {b.kind for b in record.body} == {"paragraph"}
    assert [n.n for n in record.notes] == ["2", "3", "4", "5", "6", "7"]
    assert "“‘I’m all for disarming Germany,’ he said" in record.body[1].text


def test_undated_memorandum_with_inline_source_d182() -> None:
    record = doc(QUEBEC, "d182")
    assert record.title == "Memorandum by the Secretary of the Treasury’s Assistant (White)"
    assert (record.doc_number, record.doc_type) == ("182", "Memorandum")
    # the same instant written with two offsets is one date
    assert (record.date, record.date_end, record.date_text) == ("1944-09-14", None, "Undated")
    assert record.time_start is None
    assert record.source.citation == "Treasury Files"
    assert record.turns == []
    assert record.notes[0].n == "1" and record.body[record.notes[0].anchor or 0].kind == "dateline"
    assert len(record.notes) == 9
    assert record.body[-1].text == "H. D. White"


def test_smallcaps_minutes_d183() -> None:
    record = doc(QUEBEC, "d183")
    assert (record.title, record.doc_type, record.doc_number) == (
        "Combined Chiefs of Staff Minutes", "Minutes", "183")
    assert (record.date, record.time_start) == ("1944-09-14", "10:00")
    assert record.classification == "top secret"
    assert record.participants == []
    assert speakers(record) == {
        "Admiral King": 13, "Sir Charles Portal": 11, "The Combined Chiefs of Staff": 10,
        "Admiral Leahy": 9, "Sir Andrew Cunningham": 9, "Sir Alan Brooke": 8,
        "General Arnold": 8, "General Marshall": 6,
    }
    leahy = next(t for t in record.turns if t.speaker == "Admiral Leahy")
    assert leahy.meta == {"label_form": "smallcaps"}
    assert leahy.text.startswith("Admiral Leahy asked if Sir Alan Brooke’s point would be met")
    first, last = record.turns[0], record.turns[-1]
    assert first.speaker == "The Combined Chiefs of Staff"
    assert first.text == ("Approved the conclusions of the 173d Meeting. The detailed record of "
                          "the meeting was approved, subject to later minor amendments.")
    assert (last.speaker, last.text) == ("The Combined Chiefs of Staff",
                                         "Agreed to meet at 1030 Friday, 15 September.")
    assert len(record.notes) == 14


def test_smallcaps_speaker_after_a_lead_phrase_d183() -> None:
    turns = doc(QUEBEC, "d183").turns
    assert any(t.speaker == "Sir Andrew Cunningham" and t.text.startswith("Continuing, Sir Andrew")
               for t in turns)
    assert any(t.speaker == "Sir Alan Brooke" and t.text.startswith("Referring to paragraph 2")
               for t in turns)
    assert not any("Dracula" in (t.speaker or "") for t in turns)


def test_minutes_narration_is_not_a_turn_d183() -> None:
    body = doc(QUEBEC, "d183").body
    agreed = next(b for b in body if b.text.startswith("It was generally agreed"))
    assert agreed.kind == "paragraph"
    headings = [b.text for b in body if b.kind == "heading"]
    assert headings[0] == "1. Approval of the Minutes of the 173d Meeting of the Combined Chiefs of Staff"


def test_telegram_from_inline_source_note_d77() -> None:
    record = doc(CHINA, "d77")
    assert record.title == "The Chargé in China (Atcheson) to the Secretary of State"
    assert (record.doc_number, record.doc_type, record.date) == ("77", "Telegram", "1943-08-14")
    assert record.time_start is None  # "[Received August 15—4 a.m.]" is not the document's time
    assert record.place == "Chungking"
    assert record.source.record_id == "740.0011 European War 1939/30698"
    assert record.turns == []
    assert [n.n for n in record.notes] == ["13"]
    assert record.body[-1].text == "Atcheson"


def test_letter_salutation_is_not_a_speaker_d78() -> None:
    record = doc(CHINA, "d78")
    assert record.title == "The Secretary of State to the Secretary of War (Stimson)"
    assert (record.doc_number, record.doc_type, record.date) == ("78", "Letter", "1943-08-17")
    assert record.turns == []
    assert record.body[1].text.startswith("My Dear Mr. Secretary: Reference is made")
    assert record.body[-1].text == "Cordell Hull"
    assert [n.n for n in record.notes] == ["14"]


def test_narrative_memorandum_of_conversation_d79() -> None:
    record = doc(CHINA, "d79")
    assert record.title == "Memorandum of Conversation, by the Secretary of State"
    assert (record.doc_number, record.doc_type, record.date) == (
        "79", "Memorandum of Conversation", "1943-08-18")
    assert record.place == "Washington"
    assert record.turns == [] and record.participants == [] and record.notes == []
    assert record.body[-1].text == "C[ordell] H[ull]"


def test_paris_minutes_with_present_list_d9() -> None:
    record = doc(PARIS, "d9")
    assert record.title == ("Minutes of the Daily Meetings of the Commissioners Plenipotentiary, "
                            "Tuesday, February 11, 1919")
    assert (record.doc_number, record.doc_type, record.date) == ("9", "Minutes", "1919-02-11")
    assert [p.label for p in record.participants] == [
        "Me. Lansing", "Mr. White", "General Bliss", "Mr. McCormick", "Mr. Baruch", "Mr. Davis",
        "Mr. Strauss", "Mr. Dulles"]
    assert record.turns == []  # narrative minutes: "Mr. Lansing felt that …"
    assert [n.n for n in record.notes] == ["29", "30"]
    assert record.source.record_id == "Paris Peace Conf. 184.00101/9"


def _source_text(div: etree._Element) -> str:
    """The document's characters outside its head and notes, whitespace removed."""
    div = copy.deepcopy(div)
    for element in list(div.iter()):
        if local_name(element) == "note" or (local_name(element) == "head"
                                             and element.getparent() is div):
            parent, previous = element.getparent(), element.getprevious()
            if parent is None:
                continue
            if element.tail:
                if previous is not None:
                    previous.tail = (previous.tail or "") + element.tail
                else:
                    parent.text = (parent.text or "") + element.tail
            parent.remove(element)
    return re.sub(r"\s+", "", "".join(str(t) for t in div.itertext()))


def _body_text(record: DocumentRecord) -> str:
    parts = []
    for item in record.body:
        if item.kind == "turn" and item.meta.get("label_form") == "colon":
            parts.append(f"{item.speaker}{item.meta.get('separator', ':')}{item.text}")
        else:
            parts.append(item.text)
    return re.sub(r"\s+", "", "".join(parts))


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.xml")) + sorted(FIXTURES.glob("*.xml")),
                         ids=lambda p: p.name)
def test_body_keeps_every_character_of_the_document(path: Path) -> None:
    root = parse_xml(path.read_bytes(), str(path))
    divs = {xml_id(d): d for d in root.iter("{*}div") if d.get("type") == "document"}
    for record in volume(path):
        assert _body_text(record) == _source_text(divs[record.local_id]), record.local_id


def test_registry_detects_frus_volumes() -> None:
    source = InputFile.read(SAMPLES / E13)
    assert detect(source).name == "frus-tei"
    assert READER.sniff(source) >= 90
    records = read_path(SAMPLES / E13)
    assert records[0].origin is not None and records[0].origin.format == "frus-tei"


def test_sniff_is_zero_for_text_and_low_for_other_xml() -> None:
    assert READER.sniff(InputFile("a.txt", b"Stalin: Yes.\n")) == 0
    assert READER.sniff(InputFile("a.xml", b"<root><p>x</p></root>")) == 0
    assert READER.sniff(InputFile("a.xml", b"")) == 0


def test_malformed_xml_is_refused_with_line_and_column() -> None:
    data = (SAMPLES / E13).read_bytes().replace(b"</dateline>", b"</datelin>", 1)
    with pytest.raises(InputError) as error:
        list(READER.read(InputFile("broken.xml", data)))
    assert error.value.line is not None and error.value.line > 20
    assert error.value.column is not None
    assert "malformed XML" in error.value.reason


def test_entity_declaring_doctype_is_refused() -> None:
    data = (b'<?xml version="1.0"?><!DOCTYPE TEI [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
            b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div type="document">'
            b"<head>&b;</head></div></body></text></TEI>")
    with pytest.raises(InputError, match="entities"):
        list(READER.read(InputFile("bomb.xml", data)))


def test_an_unresolved_entity_is_refused_not_dropped() -> None:
    # a parameter entity reference makes libxml2 keep an undeclared entity as a node
    data = (b'<!DOCTYPE TEI [ %pe; ]><TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>'
            b'<div type="document"><head>1. Memo</head><p>Yes&foo;no.</p></div>'
            b"</body></text></TEI>")
    with pytest.raises(InputError, match="&foo;"):
        list(READER.read(InputFile("entity.xml", data)))


def test_a_cut_volume_says_it_seems_cut_off() -> None:
    data = (SAMPLES / E13).read_bytes()
    with pytest.raises(InputError, match=r"malformed XML: .*\(the file seems cut off\)"):
        list(READER.read(InputFile("cut.xml", data[:len(data) // 2])))


def test_truncated_volume_is_refused_after_its_complete_documents() -> None:
    data = (SAMPLES / E13).read_bytes()
    cut = data[: data.index(b'<div type="document" xml:id="d91"') + 400]
    reader = READER.read(InputFile("cut.xml", cut))
    assert next(reader).local_id == "d88"
    with pytest.raises(InputError):
        next(reader)


def test_persons_list_in_front_matter_gives_referenced_persons() -> None:
    records = {r.local_id: r for r in volume(FIXTURES / "persons-volume.xml")}
    assert records["d12"].extra["persons"] == [
        {"id": "p_LW1", "name": "Lord, Winston",
         "identification": "member, National Security Council Staff"},
        {"id": "p_HH1", "name": "Huang Hua",
         "identification": "Chinese Ambassador to the United Nations"},
        {"id": "p_KHA1", "name": "Kissinger, Henry A.",
         "identification": "Assistant to the President for National Security Affairs"},
    ]
    assert records["d13"].extra["persons"] == [
        {"id": "p_NRM1", "name": "Nixon, Richard M.",
         "identification": "President of the United States"}]
    assert "persons" not in doc(E13, "d88").extra  # the excerpt carries no persons list


def test_list_person_entries_are_read_as_persons() -> None:
    data = (b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><front><listPerson>'
            b'<person xml:id="p_A"><persName>Acheson, Dean</persName> Secretary of State</person>'
            b'</listPerson></front><body><div type="document" xml:id="d1"><head>1. Note</head>'
            b'<p>Met <persName corresp="#p_A">Acheson</persName>.</p></div></body></text></TEI>')
    record = next(READER.read(InputFile("v.xml", data)))
    assert record.extra["persons"] == [
        {"id": "p_A", "name": "Acheson, Dean", "identification": "Secretary of State"}]


def _big_volume(documents: int) -> bytes:
    turns = "".join(f"<p>Kissinger: Turn {i} of the talks.</p><p>Huang: Reply {i}.</p>"
                    for i in range(20))
    docs = "".join(
        f'<div type="document" n="{n}" xml:id="d{n}"><head>{n}. Memorandum of Conversation'
        f'<note type="source" n="1">Source: National Archives, RG 59, Box {n}. Secret.</note>'
        f'</head><dateline><placeName>Peking</placeName>, <date when="1973-02-17">February 17, '
        f"1973</date></dateline>{turns}</div>"
        for n in range(1, documents + 1))
    return ('<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:frus="http://history.state.gov/ns/1.0">'
            f'<text><body><div type="chapter">{docs}</div></body></text></TEI>').encode()


def test_a_volume_is_streamed_keeping_one_document_in_memory() -> None:
    from memcon.readers.frus_tei import iter_documents

    def largest_tree(documents: int) -> int:
        sizes = [sum(1 for _ in div.getroottree().getroot().iter())
                 for div, _volume in iter_documents(_big_volume(documents), "big.xml")]
        assert len(sizes) == documents
        return max(sizes)

    # the tree holds the current document and what the parser has read ahead, never the volume:
    # six times the documents, no more elements at any moment
    small, large = largest_tree(100), largest_tree(600)
    assert large <= small * 1.2
    assert large < 600 * 45 / 5


def test_a_large_volume_reads_every_document() -> None:
    records = list(READER.read(InputFile("big.xml", _big_volume(300))))
    assert len(records) == 300
    assert all(len(r.turns) == 40 for r in records)
    assert records[-1].source.box == "300"


def test_volume_header_is_read_whole() -> None:
    data = (b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>'
            b'<title type="volume">Short</title><title type="complete">Complete Title</title>'
            b'</titleStmt><publicationStmt><idno type="frus">frus-x</idno><p>Note.</p>'
            b'<availability><p>Public domain.</p></availability></publicationStmt></fileDesc>'
            b'</teiHeader><text><body><div type="document" xml:id="d1"><head>1. Note</head>'
            b"<p>Text.</p></div></body></text></TEI>")
    record = next(READER.read(InputFile("v.xml", data)))
    assert record.collection is not None
    assert (record.collection.id, record.collection.title) == ("frus-x", "Complete Title")


def test_an_old_volumes_untyped_source_notes_stamps_and_telegrams() -> None:
    minutes, telegram = volume(FIXTURES / "old-volume-minutes.xml")
    # the head's untyped first footnote only cites a collection: the source note
    assert (minutes.source.citation, minutes.source.collection) == (
        "Bohlen Collection.", "Bohlen Collection")
    assert minutes.notes == []
    assert minutes.classification == "Top Secret"  # set above the text, kept there too
    assert minutes.body[0].kind == "heading" and minutes.body[0].text == "Top Secret"
    assert (minutes.doc_type, minutes.date, minutes.time_start, minutes.time_end, minutes.place) \
        == ("Minutes", "1945-02-06", "16:00", "19:45", "Livadia Palace")
    assert [(p.name, p.side) for p in minutes.participants] == [
        ("The President", "United States"), ("Stettinius", "United States"),
        ("Churchill", "United Kingdom"), ("Stalin", "Soviet Union")]
    assert [(t.speaker, t.meta["label_form"]) for t in minutes.turns] == [
        ("The President", "smallcaps"), ("Marshal Stalin", "smallcaps"),
        ("The Prime Minister", "smallcaps")]
    # a typed source note written the old way: the decimal file and the kind of document
    assert (telegram.source.record_id, telegram.source.collection, telegram.doc_type) == (
        "740.0011 EW/2–745", None, "Telegram")
    assert telegram.classification is None
    assert [(n.n, n.text) for n in telegram.notes] == [("2", "See document 328.")]


def test_a_memorandum_with_header_fields_for_its_dateline() -> None:
    (record,) = volume(FIXTURES / "header-fields-memcon.xml")
    assert (record.date, record.time_start, record.time_end) == ("1974-11-26", "10:00", "12:30")
    assert record.date_text == "Tuesday, November 26, 1974, 10:00 a.m.–12:30 p.m."
    assert record.place == "Great Hall of the People, Peking"
    assert record.classification == "Secret; Sensitive"
    assert [(p.name, p.role) for p in record.participants] == [
        ("Teng Hsiao-p’ing", "Vice Premier"), ("Henry A. Kissinger", "Secretary of State")]
    turns = [(t.speaker, t.text, t.meta.get("speaker_ref")) for t in record.turns]
    assert turns == [
        ("Teng", "Shall we begin? We have some negotiations to do.", "p_DXP1"),  # nego|tiations
        ("Secretary Kissinger", "Yes.", "p_KHA1"),  # the gloss's target
        ("A Congressman", "What about Taiwan?", None),
        ("Teng", "We can wait.", None),
    ]
    # the dialogue quoted in a footnote stays in the note, anchored to its turn
    (note,) = record.notes
    assert note.text.startswith("Kissinger later told Ford") and \
        record.body[note.anchor].text == "Yes."
    assert [p["id"] for p in record.extra["persons"]] == ["p_DXP1", "p_KHA1"]
    assert [i.text for i in record.body[-3:]] == ["Attachment", "Talking Points",
                                                  "1. Stress continuity."]
