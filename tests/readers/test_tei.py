"""The generic TEI reader on small transcripts in every shape it reads (tests/fixtures/tei)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from memcon.errors import InputError
from memcon.model.schema import validate_document
from memcon.readers.inputs import InputFile
from memcon.readers.registry import detect
from memcon.readers.tei import READER

FIXTURES = Path(__file__).parent.parent / "fixtures" / "tei"
SAMPLES = Path(__file__).parent.parent.parent / "memcon" / "samples"


def parse_bytes(data: bytes, name: str = "test.xml") -> list[dict[str, Any]]:
    """Every record of a TEI file, as Document JSON validated against the schema."""
    records = [r.to_json() for r in READER.read(InputFile(name, data))]
    for record in records:
        validate_document(record)
    return records


def parse(name: str) -> list[dict[str, Any]]:
    return parse_bytes((FIXTURES / name).read_bytes(), name)


def tei(body: str, header: str = "") -> bytes:
    """A minimal TEI document around ``body``."""
    return (
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>'
        f"<title>T</title></titleStmt></fileDesc>{header}</teiHeader>"
        f"<text><body>{body}</body></text></TEI>"
    ).encode()


def turns(record: dict[str, Any]) -> list[tuple[str | None, str]]:
    return [(i["speaker"], i["text"]) for i in record["body"] if i["kind"] == "turn"]


def test_sp_speaker_label_is_speaker_text_without_its_colon() -> None:
    [record] = parse("sp-meeting.xml")
    first = next(i for i in record["body"] if i["kind"] == "turn")
    assert first["speaker"] == "The President"
    assert first["speaker_as_written"] == "The President:"
    assert first["who"] == ["JFK"]


def test_sp_without_speaker_is_labelled_with_the_list_person_name() -> None:
    [record] = parse("sp-meeting.xml")
    assert ("John F. Kennedy", "We shall study it. The Plaine des Jarres is the difficulty.") \
        in turns(record)


def test_sp_without_who_keeps_its_written_label() -> None:
    [record] = parse("sp-meeting.xml")
    assert ("Mr. Gromyko", "The Soviet side is ready to discuss a neutral Laos.") in turns(record)


def test_sp_paragraphs_join_with_a_blank_line() -> None:
    [record] = parse("sp-meeting.xml")
    texts = [t for s, t in turns(record) if s == "Khrushchev"]
    assert texts[0] == "So am I. (laughs) We have much to discuss.\n\nLet us begin with Laos."


def test_stage_between_paragraphs_is_its_own_item_and_the_turn_resumes() -> None:
    [record] = parse("sp-meeting.xml")
    body = record["body"]
    index = next(i for i, item in enumerate(body) if item["text"] == "(He hands over a map.)")
    assert body[index]["kind"] == "stage"
    assert body[index - 1]["speaker"] == "Khrushchev"
    assert body[index + 1] == {
        "kind": "turn", "speaker": "Khrushchev", "text": "Here is the line we propose.",
        "who": ["NSK"], "continued": True,
    }


def test_stage_inside_a_paragraph_stays_in_the_text_and_is_marked() -> None:
    [record] = parse("sp-meeting.xml")
    turn = next(i for i in record["body"] if i["text"].startswith("So am I."))
    [mark] = turn["marks"]
    assert mark["tei"] == "stage"
    assert turn["text"][mark["start"]:mark["end"]] == "(laughs)"
    assert "added" not in mark


def test_stage_outside_turns_is_a_stage_item() -> None:
    [record] = parse("sp-meeting.xml")
    assert record["body"][2] == {
        "kind": "stage", "tei": "stage",
        "text": "(The President greets the Chairman at the door of the residence.)",
    }


def test_head_and_dateline_become_heading_and_dateline_items() -> None:
    [record] = parse("sp-meeting.xml")
    assert [i["kind"] for i in record["body"][:2]] == ["heading", "dateline"]
    assert record["body"][1]["text"] == "Vienna, June 3, 1961, 10:15 a.m."
    assert record["original_heading"] == "Memorandum of Conversation"


def test_header_gives_title_date_times_place_and_summary() -> None:
    [record] = parse("sp-meeting.xml")
    assert record["title"] == "Record of a Conversation Between the President and the Chairman"
    assert record["date"] == "1961-06-03"
    assert record["date_text"] == "June 3, 1961, 10:15 a.m.–12:45 p.m."
    assert (record["time_start"], record["time_end"]) == ("10:15", "12:45")
    assert "date_end" not in record
    assert record["place"] == "Vienna"
    assert record["summary"] == (
        "The two leaders discuss the situation in Laos.\n\nThey agree to meet again after lunch."
    )


def test_header_gives_source_credits_rights_and_languages() -> None:
    [record] = parse("sp-meeting.xml")
    source = record["source"]
    assert source["citation"].startswith("Memorandum of conversation, June 3, 1961, Presidential")
    assert source["url"] == "https://example.org/records/vienna-1961-06-03"
    assert (source["repository"], source["collection"], source["record_id"]) == (
        "Example Presidential Library", "President's Office Files", "POF-126-07")
    assert record["contributors"] == ["Ada Editor"]
    assert record["translators"] == ["Boris Translator"]
    assert record["funders"] == ["Example Foundation for Diplomatic History"]
    assert record["rights"] == "Free to reuse for research and teaching."
    assert record["languages"] == ["en", "ru"]


def test_list_person_gives_participants_with_the_labels_they_speak_under() -> None:
    [record] = parse("sp-meeting.xml")
    assert record["participants"] == [
        {"label": "The President", "name": "John F. Kennedy", "role": "President",
         "side": "United States", "ref": "JFK"},
        {"label": "Khrushchev", "name": "Nikita Khrushchev",
         "role": "Chairman of the Council of Ministers", "side": "Soviet Union", "ref": "NSK"},
        {"label": "Alexander Akalovsky", "name": "Alexander Akalovsky", "role": "Interpreter",
         "side": None, "ref": "interp"},
    ]


def test_notes_are_kept_apart_and_anchored_to_their_item() -> None:
    [record] = parse("sp-meeting.xml")
    inline, closing = record["notes"]
    anchored = record["body"][inline["anchor"]]
    assert inline == {"n": "1", "text": "The greeting was in English.", "anchor": 3}
    assert anchored["text"] == "I am glad we could meet. I hope these talks will be useful."
    assert closing["type"] == "editorial"
    assert closing["anchor"] == len(record["body"]) - 1
    assert not any("greeting was" in item["text"] for item in record["body"])


def test_gap_between_turns_is_a_gap_item_with_reason_and_extent() -> None:
    [record] = parse("sp-meeting.xml")
    [gap] = [i for i in record["body"] if i["kind"] == "gap"]
    assert gap == {"kind": "gap", "text": "[gap]", "tei": "gap", "reason": "illegible",
                   "extent": "two lines", "added": True}


def test_u_who_is_labelled_with_the_person_name_or_else_the_id() -> None:
    [record] = parse("u-parliament.xml")
    speakers = [s for s, _ in turns(record)]
    assert speakers == ["Novak Ana", "Janez Horvat", "SpeakerC"]


def test_u_segments_are_paragraphs_and_the_utterance_is_one_turn() -> None:
    [record] = parse("u-parliament.xml")
    first = next(i for i in record["body"] if i["kind"] == "turn")
    assert first["text"] == "Good morning, colleagues.\n\nI open the [gap] sitting."
    assert (first["xml_id"], first["ana"]) == ("u1", "#chair")
    [mark] = first["marks"]
    assert first["text"][mark["start"]:mark["end"]] == "[gap]"
    assert mark == {**mark, "tei": "gap", "added": True, "reason": "inaudible", "extent": "1 word"}


def test_events_between_utterances_are_stage_items_with_their_tei_kind() -> None:
    [record] = parse("u-parliament.xml")
    stages = [i for i in record["body"] if i["kind"] == "stage"]
    assert [(s["text"], s["tei"], s["type"]) for s in stages] == [
        ("Applause.", "kinesic", "applause"),
        ("Interruption from the chair.", "vocal", "interruption"),
        ("sound", "incident", "sound"),
    ]
    assert stages[-1]["added"] is True  # no description: the text is the reader's


def test_gap_with_a_description_keeps_it_as_its_text() -> None:
    [record] = parse("u-parliament.xml")
    [gap] = [i for i in record["body"] if i["kind"] == "gap"]
    assert gap["text"] == "Part of the recording is missing."
    assert "added" not in gap


def test_events_inside_an_utterance_stay_in_its_text_as_marked_additions() -> None:
    [record] = parse("u-parliament.xml")
    turn = next(i for i in record["body"] if i.get("speaker") == "Janez Horvat")
    assert turn["text"] == ("Thank you. (laughter) I will be brief.\n\n"
                            "(The member shows a document.)\n\nThis is it.")
    assert [turn["text"][m["start"]:m["end"]] for m in turn["marks"]] == [
        "(laughter)", "(The member shows a document.)"]
    assert all(m["added"] for m in turn["marks"])


def test_speaker_notes_belong_to_the_next_turn_other_notes_to_the_item_before() -> None:
    [record] = parse("u-parliament.xml")
    time_note, speaker_note = record["notes"]
    assert time_note["anchor"] == 0  # the heading before it
    assert record["body"][speaker_note["anchor"]]["speaker"] == "Novak Ana"
    assert speaker_note["text"] == "CHAIR Ana Novak:"


def test_setting_gives_date_and_place_and_source_citation_is_the_bibl() -> None:
    [record] = parse("u-parliament.xml")
    assert (record["date"], record["place"]) == ("2019-01-15", "Ljubljana")
    assert record["source"]["citation"] == "Stenographic record of the 12th sitting 15. 1. 2019"
    assert record["rights"] == "Creative Commons Attribution 4.0"
    assert record["languages"] == ["sl"]


def test_publication_date_is_not_the_date_of_the_conversation() -> None:
    data = tei("<u who='#a'>Yes.</u>").replace(
        b"</titleStmt>",
        b"</titleStmt><publicationStmt><date when='2024-05-01'>2024</date></publicationStmt>")
    [record] = parse_bytes(data)
    assert (record["date"], record["date_text"]) == (None, None)


def test_date_written_without_attributes_is_read_from_its_text() -> None:
    header = ("<profileDesc><settingDesc><setting><date>10 August 1945, 9:00 - 11:30 p.m."
              "</date></setting></settingDesc></profileDesc>")
    [record] = parse_bytes(tei("<u who='#a'>Yes.</u>", header))
    assert (record["date"], record["time_start"], record["time_end"]) == (
        "1945-08-10", "21:00", "23:30")


def test_tei_corpus_yields_one_record_per_document_with_corpus_metadata() -> None:
    records = parse("corpus.xml")
    assert [r["title"] for r in records] == ["First talk", "Second talk"]
    assert [r["local_id"] for r in records] == ["talk-1", "talk-2"]
    assert records[0]["date"] == "1999-03" and records[1]["date"] is None
    assert turns(records[0]) == [("Alice Example", "Shall we start?"), ("Bob Sample", "Yes.")]
    for record in records:
        assert record["funders"] == ["Corpus Funding Body"]
        assert record["rights"] == "CC BY 4.0"
        assert record["languages"] == ["en"]
    # only the corpus persons who speak in a document are its participants
    assert [p["name"] for p in records[1]["participants"]] == ["Bob Sample"]


def test_corpus_records_get_their_own_copies_of_the_inherited_fields() -> None:
    # the corpus header is read once for all its documents: no record may share its values
    first, second = READER.read(InputFile("corpus.xml", (FIXTURES / "corpus.xml").read_bytes()))
    assert first.funders == second.funders and first.funders is not second.funders
    assert first.languages is not second.languages
    first.funders.append("Changed")
    assert second.funders == ["Corpus Funding Body"]


def test_nested_corpora_inherit_from_the_nearest_header_and_know_every_persons() -> None:
    def header(name: str, persons: str) -> str:
        return (f"<teiHeader><fileDesc><titleStmt><title>{name}</title><funder>{name} fund"
                "</funder></titleStmt></fileDesc><profileDesc><particDesc><listPerson>"
                f"{persons}</listPerson></particDesc></profileDesc></teiHeader>")

    inner_doc = ("<TEI><teiHeader><fileDesc><titleStmt><title>Inner talk</title></titleStmt>"
                 "</fileDesc></teiHeader><text><body><u who='#a'>One.</u><u who='#x:b'>Two."
                 "</u></body></text></TEI>")
    outer_doc = "<TEI><text><body><u who='#b'>Three.</u></body></text></TEI>"
    ann = "<person xml:id='a'><persName>Ann</persName></person>"
    bo = "<person xml:id='b'><persName>Bo</persName></person>"
    data = (f"<teiCorpus xmlns='http://www.tei-c.org/ns/1.0'>{header('Outer', ann)}"
            f"<teiCorpus>{header('Inner', bo)}{inner_doc}</teiCorpus>{outer_doc}</teiCorpus>"
            ).encode()
    inner, outer = parse_bytes(data)
    assert turns(inner) == [("Ann", "One."), ("Bo", "Two.")]
    assert inner["funders"] == ["Inner fund"] and outer["funders"] == ["Outer fund"]
    assert turns(outer) == [("b", "Three.")]  # the inner corpus's persons stay inside it


def test_tokens_joined_right_lose_the_space_after_them() -> None:
    [record] = parse_bytes(tei('<u who="#a"><seg><w>Yes</w> <w join="right">it</w> '
                               "<pc>.</pc></seg></u>"))
    assert turns(record) == [("a", "Yes it.")]


def test_page_break_inside_a_word_joins_it_and_line_breaks_are_kept() -> None:
    [record] = parse_bytes(tei('<sp><speaker>A</speaker><p>nego<pb n="42"/>tiation\n'
                               "   goes on<lb/>\n  next line</p></sp>"))
    assert turns(record) == [("A", "negotiation goes on\nnext line")]


def test_spaces_inside_a_line_are_kept_as_written() -> None:
    [record] = parse_bytes(tei("<sp><speaker>A</speaker><p>Two  spaces,\u00a0nbsp.</p></sp>"))
    assert turns(record) == [("A", "Two  spaces,\u00a0nbsp.")]


def test_choice_gives_the_reading_as_written() -> None:
    [record] = parse_bytes(tei("<p>The <choice><sic>Kremlim</sic><corr>Kremlin</corr></choice>"
                               " <choice><expan>Union of Soviet</expan><abbr>USSR</abbr></choice>"
                               "</p>"))
    assert record["body"] == [{"kind": "paragraph", "text": "The Kremlim USSR",
                               "marks": [{"tei": "sic", "start": 4, "end": 11}]}]


def test_sp_with_words_right_after_its_speaker_is_one_turn() -> None:
    [record] = parse_bytes(tei("<sp><speaker>Stalin:</speaker> Yes. <stage>(laughs)</stage>"
                               "<lb/>No.</sp>"))
    assert turns(record) == [("Stalin", "Yes. (laughs)\nNo.")]


def test_sp_with_only_a_speaker_is_an_empty_turn() -> None:
    [record] = parse_bytes(tei("<sp><speaker>Molotov:</speaker></sp>"))
    assert turns(record) == [("Molotov", "")]


def test_every_word_of_the_transcript_reaches_the_body_in_order() -> None:
    data = (FIXTURES / "sp-meeting.xml").read_bytes()
    [record] = parse_bytes(data)
    root = etree.fromstring(data)
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    # notes are kept apart and labels are turn speakers: leave them out (keeping their tails)
    for el in root.xpath("//t:text//t:note | //t:speaker", namespaces=ns):
        el.text = ""
        for child in el:
            el.remove(child)
    source_words = re.findall(r"\S+", " ".join(root.xpath("//t:body//text()", namespaces=ns)))
    body_words = re.findall(r"\S+", " ".join(i["text"] for i in record["body"]
                                               if not i.get("added")))
    assert body_words == source_words


def test_utf16_file_reads_like_its_utf8_original() -> None:
    data = (FIXTURES / "sp-meeting.xml").read_text("utf-8").replace('encoding="UTF-8"',
                                                                  'encoding="UTF-16"')
    assert parse_bytes(data.encode("utf-16")) == parse("sp-meeting.xml")


def test_malformed_xml_is_refused_with_line_and_column() -> None:
    data = b'<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<text><body><p>open</body></text></TEI>'
    with pytest.raises(InputError) as caught:
        parse_bytes(data, "broken.xml")
    assert caught.value.line == 2
    assert caught.value.column is not None
    assert str(caught.value).startswith("broken.xml:2:")


def test_xml_that_is_not_tei_is_refused_naming_its_root() -> None:
    with pytest.raises(InputError, match=r"not a TEI document \(its root is <html>\)"):
        parse_bytes(b"<html><body><p>Hi</p></body></html>")


def test_corpus_of_included_files_only_is_refused_clearly() -> None:
    data = (b'<teiCorpus xmlns="http://www.tei-c.org/ns/1.0" '
            b'xmlns:xi="http://www.w3.org/2001/XInclude"><teiHeader/>'
            b'<xi:include href="a.xml"/></teiCorpus>')
    with pytest.raises(InputError, match="holds no TEI document"):
        parse_bytes(data)


def test_sniff_scores_transcripts_high_and_frus_volumes_below_the_frus_reader() -> None:
    def score(path: Path) -> int:
        return READER.sniff(InputFile(str(path), path.read_bytes()))

    assert score(FIXTURES / "sp-meeting.xml") == 85
    assert score(FIXTURES / "u-parliament.xml") == 85
    for volume in (SAMPLES / "frus").glob("*.xml"):
        assert score(volume) == 40
    assert score(SAMPLES / "wilson" / "soong-stalin-1945-08-10.txt") == 0
    assert READER.sniff(InputFile("x.xml", b"<html><p>Stalin: yes</p></html>")) == 0


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.xml")), ids=lambda p: p.name)
def test_fixtures_are_detected_as_tei(path: Path) -> None:
    assert detect(InputFile.read(path)).name == "tei"


def test_a_structured_bibl_is_cited_with_its_parts_apart() -> None:
    data = (b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T'
            b"</title></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><bibl>"
            b"<title>Memorandum of conversation</title><date when=\"1974-11-23\">23 November 1974"
            b"</date><orgName>Gerald R. Ford Library</orgName><idno>Box 7</idno></bibl>"
            b"<bibl>Ford Library, <idno>Box 8</idno>.</bibl></sourceDesc></fileDesc></teiHeader>"
            b'<text><body><u who="#A">Yes.</u></body></text></TEI>')
    [record] = parse_bytes(data)
    assert record["source"]["citation"] == (
        "Memorandum of conversation, 23 November 1974, Gerald R. Ford Library, Box 7"
        "\n\nFord Library, Box 8.")  # written with its own punctuation: kept as written


def test_an_event_described_by_its_desc_attribute() -> None:
    [record] = parse_bytes(tei('<u who="#A">Yes.</u><kinesic desc="shakes hands"/>'
                               '<u who="#B">No <vocal desc="coughs"/> thanks.</u>'))
    assert record["body"][1] == {"kind": "stage", "text": "shakes hands", "tei": "kinesic"}
    assert record["body"][2]["text"] == "No (coughs) thanks."
