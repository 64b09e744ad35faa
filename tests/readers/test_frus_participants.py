"""Participants however FRUS lists them: typed lists with delegation sub-headings, a
"PARTICIPANTS:" paragraph per person, tables, "Present:" lines and nested "Present:" lists."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from memcon.model import DocumentRecord
from memcon.model.schema import validate_document
from memcon.readers.frus_participants import (
    entry_participants,
    list_participants,
    name_without_title,
    names_from_line,
    side_text,
    text_participants,
)
from memcon.readers.frus_tei import READER
from memcon.readers.inputs import InputFile

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "frus"
TEI = 'xmlns="http://www.tei-c.org/ns/1.0"'


def fixture(name: str, local_id: str) -> DocumentRecord:
    """A record of a variant fixture volume, validated against the schema."""
    for record in READER.read(InputFile.read(FIXTURES / name)):
        validate_document(record.to_json())
        if record.local_id == local_id:
            return record
    raise KeyError(local_id)


def people(record: DocumentRecord) -> list[tuple[str | None, str | None, str | None]]:
    return [(p.name, p.role, p.side) for p in record.participants]


def test_list_with_delegation_sub_headings_gives_sides() -> None:
    record = fixture("persons-volume.xml", "d12")
    assert people(record) == [
        ("Huang Hua", None, "Chinese Side"),
        ("Shih Yen-hua", "Interpreter", "Chinese Side"),
        ("Henry A. Kissinger", "Assistant to the President", "American Side"),
        ("Winston Lord", "NSC Staff", "American Side"),
    ]
    assert [p.ref for p in record.participants] == ["p_HH1", None, "p_KHA1", "p_LW1"]
    assert record.participants[0].label == "Ambassador Huang Hua"


def test_paragraph_per_person_with_side_headings() -> None:
    record = fixture("undated-volume.xml", "d503")
    assert people(record) == [
        ("The Ambassador", None, "U.S. Side"),
        ("John Smith", "Counselor of Embassy", "U.S. Side"),
        ("V. M. Molotov", "Minister of Foreign Affairs", "Soviet Side"),
        ("Troyanovsky", "Interpreter", "Soviet Side"),
    ]
    # the side headings and the people stay in the body as written, and are not turns
    assert [t.speaker for t in record.turns] == ["The Ambassador", "Molotov", "The Ambassador"]
    assert "U.S. Side:" in [b.text for b in record.body]


def test_present_line_lists_everyone_and_ends_there() -> None:
    record = fixture("undated-volume.xml", "d501")
    assert [p.label for p in record.participants] == [
        "The Secretary of State", "the Chinese Ambassador", "Dr. C. T. Wang", "Mr. Hornbeck"]
    assert record.participants[2].name == "C. T. Wang"


def test_table_with_one_column_per_delegation() -> None:
    record = fixture("undated-volume.xml", "d502")
    assert people(record) == [
        ("Marshall", None, "United States"), ("King", None, "United States"),
        ("Shang Chen", None, "China"), ("Wang Chung-hui", None, "China"),
    ]


def test_table_with_name_and_position_columns() -> None:
    record = fixture("undated-volume.xml", "d504")
    assert people(record) == [("Dean Rusk", "Secretary of State", None),
                              ("Robert S. McNamara", "Secretary of Defense", None)]


def test_nested_present_list_gives_no_side() -> None:
    element = etree.fromstring(
        f'<list {TEI} type="participants"><item>Present: <list><item><hi rend="smallcaps">'
        'Mr. Lansing</hi></item><item>General Bliss</item></list></item></list>')
    assert [(p.label, p.side) for p in list_participants(element)] == [
        ("Mr. Lansing", None), ("General Bliss", None)]


def test_nested_list_under_a_delegation_gives_its_side() -> None:
    element = etree.fromstring(
        f'<list {TEI}><item>United States: <list><item>Mr. Hull</item></list></item>'
        '<item>China: <list><item>Dr. Soong</item></list></item></list>')
    assert [(p.name, p.side) for p in list_participants(element)] == [
        ("Hull", "United States"), ("Soong", "China")]


def test_one_entry_holding_two_people_is_split() -> None:
    item = etree.fromstring(
        f'<item {TEI}><persName corresp="#p_PN1">Nicholas Platt</persName> - Assistant to the '
        'Secretary <persName corresp="#p_FCWJ1">Charles W. Freeman</persName>, Jr. - '
        'Interpreter</item>')
    assert [(p.name, p.role, p.ref) for p in entry_participants(item)] == [
        ("Nicholas Platt", "Assistant to the Secretary", "p_PN1"),
        ("Charles W. Freeman, Jr.", "Interpreter", "p_FCWJ1"),
    ]


def test_person_named_inside_a_role_is_not_split_off() -> None:
    item = etree.fromstring(
        f'<item {TEI}>Winston Lord, Special Assistant to <persName corresp="#p_K">Kissinger'
        '</persName></item>')
    people_ = entry_participants(item)
    assert len(people_) == 1
    assert (people_[0].label, people_[0].role) == ("Winston Lord", "Special Assistant to Kissinger")


def test_participants_on_the_label_line() -> None:
    found = text_participants("Dr. Kissinger; Ambassador Huang Hua, PRC Representative")
    assert [(p.name, p.role) for p in found] == [
        ("Kissinger", None), ("Huang Hua", "PRC Representative")]


def test_participants_lines_with_sides() -> None:
    found = text_participants("U.S. Side:\nThe President\nChinese Side:\nPremier Chou En-lai")
    assert [(p.name, p.side) for p in found] == [
        ("The President", "U.S. Side"), ("Chou En-lai", "Chinese Side")]


def test_run_on_names() -> None:
    assert [p.name for p in names_from_line("Mr. Lansing, Mr. White, and General Bliss.")] == [
        "Lansing", "White", "Bliss"]


def test_side_lines() -> None:
    assert side_text("U.S. Side:") and side_text("Chinese") and side_text("PRC")
    assert side_text("Department of State")
    assert not side_text("Wang Chen") and not side_text("Winston Lord, NSC Staff")


def test_one_entry_per_line_of_an_item() -> None:
    item = etree.fromstring(f'<item {TEI}><persName corresp="#p_A">Dean Acheson</persName>, '
                            'Secretary of State<lb/>George Kennan, Policy Planning Staff</item>')
    assert [(p.name, p.role, p.ref) for p in entry_participants(item)] == [
        ("Dean Acheson", "Secretary of State", "p_A"),
        ("George Kennan", "Policy Planning Staff", None)]


def test_titles_before_a_name_are_not_the_name() -> None:
    assert name_without_title("Secretary of State Rogers") == "Rogers"
    assert name_without_title("Lt. Gen. John Pauly") == "John Pauly"
    assert name_without_title("Secretary of State") == "Secretary of State"
    assert name_without_title("The President") == "The President"
    assert name_without_title("Marshall Green") == "Marshall Green"


def test_participants_head_without_colon_and_delegation_headings_open_the_list() -> None:
    xml = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div type="document" '
           'xml:id="d1"><head>1. Memorandum of Conversation</head>'
           "<p>American Participants:</p><p>Henry A. Kissinger</p><p>Winston Lord</p>"
           "<p>Chinese Participants:</p><p>Chou En-lai, Premier</p>"
           "<p>Kissinger: Welcome.</p><p>Chou: Thank you.</p></div></body></text></TEI>")
    record = next(READER.read(InputFile("v.xml", xml.encode())))
    validate_document(record.to_json())
    assert people(record) == [("Henry A. Kissinger", None, "American Participants"),
                              ("Winston Lord", None, "American Participants"),
                              ("Chou En-lai", "Premier", "Chinese Participants")]
    assert [t.speaker for t in record.turns] == ["Kissinger", "Chou"]
    plain = xml.replace("<p>American Participants:</p>", "<p>PARTICIPANTS</p>").replace(
        "<p>Chinese Participants:</p>", "")
    record = next(READER.read(InputFile("v.xml", plain.encode())))
    assert [p.name for p in record.participants] == ["Henry A. Kissinger", "Winston Lord",
                                                     "Chou En-lai"]
