"""Speaker labels in FRUS paragraphs."""

from __future__ import annotations

from lxml import etree

from memcon.readers.frus_labels import colon_label, header_field, smallcaps_label
from memcon.readers.frus_text import render

TEI = 'xmlns="http://www.tei-c.org/ns/1.0"'


def label(xml: str, *, smallcaps: bool = False) -> tuple[str, str, str | None] | None:
    p = etree.fromstring(xml.replace("<p>", f"<p {TEI}>", 1))
    text = render(p)
    found = smallcaps_label(p, text) if smallcaps else colon_label(p, text)
    return (found.speaker, found.text, found.ref) if found else None


def test_persname_label_with_reference() -> None:
    assert label('<p><persName corresp="#p_KHA1">Kissinger</persName>: Yes.</p>') == (
        "Kissinger", "Yes.", "p_KHA1")


def test_gloss_and_title_before_the_name() -> None:
    assert label('<p>\n<gloss target="#t_PM1">PM</gloss>\n<persName corresp="#p_Z">Chou'
                 '</persName>: We will read it.</p>') == ("PM Chou", "We will read it.", "p_Z")
    assert label("<p>Dr. <persName>Kissinger</persName>: Fine.</p>") == (
        "Dr. Kissinger", "Fine.", None)


def test_plain_and_role_labels() -> None:
    assert label("<p>Huang: Thank you.</p>") == ("Huang", "Thank you.", None)
    assert label("<p>The President: Good.</p>") == ("The President", "Good.", None)
    assert label("<p>A Congressman: Why?</p>") == ("A Congressman", "Why?", None)
    assert label("<p>Secretary of State Rogers: No.</p>") == ("Secretary of State Rogers", "No.",
                                                             None)


def test_fields_salutations_and_prose_are_not_labels() -> None:
    assert label("<p>DATE &amp; TIME: Monday</p>") is None
    assert label("<p>COPIES TO: S/S</p>") is None
    assert label("<p>My Dear Mr. Secretary: Reference is made</p>") is None
    assert label("<p>Following are the first 4 paragraphs: text</p>") is None
    assert label("<p>At 10:30 the meeting began.</p>") is None


def test_header_field_reads_name_and_value() -> None:
    assert header_field("PLACE: The President's Guest House, Peking") == (
        "PLACE", "The President's Guest House, Peking")
    assert header_field("Kissinger: Yes.") is None


def test_smallcaps_name_opening_a_paragraph() -> None:
    assert label('<p><hi rend="smallcaps">Admiral King</hi> said no.</p>', smallcaps=True) == (
        "Admiral King", "Admiral King said no.", None)
    assert label('<p>Continuing, <hi rend="smallcaps">Sir Andrew Cunningham</hi> asked.</p>',
                 smallcaps=True) == ("Sir Andrew Cunningham",
                                     "Continuing, Sir Andrew Cunningham asked.", None)


def test_smallcaps_that_is_not_a_speaker() -> None:
    assert label('<p>1. <hi rend="smallcaps">Approval of the Minutes</hi></p>',
                 smallcaps=True) is None
    assert label('<p><hi rend="smallcaps">My Dear Mr. Secretary</hi>: Reference</p>',
                 smallcaps=True) is None
    assert label('<p>The text was long and then, much later, after many words had been '
                 'written, <hi rend="smallcaps">Admiral King</hi> said no.</p>',
                 smallcaps=True) is None


def test_label_wrapped_in_highlighting_keeps_its_reference() -> None:
    assert label('<p><hi rend="strong"><persName corresp="#p_K">Kissinger</persName>:</hi> '
                 "Yes.</p>") == ("Kissinger", "Yes.", "p_K")


def test_separator_after_the_colon_is_kept_as_written() -> None:
    def read(text: str) -> tuple[str, str, str] | None:
        found = colon_label(etree.fromstring("<p>x</p>"), text)
        return (found.speaker, found.text, found.separator) if found else None

    assert read("The Combined Chiefs of Staff:— Agreed.") == (
        "The Combined Chiefs of Staff", "Agreed.", ":—")
    assert read("Huang: — Yes") == ("Huang", "Yes", ":—")
    assert read("Huang :\u00a0Yes.") == ("Huang", "Yes.", ":")
    assert read("Huang:Yes") is None  # a colon glued to the next word ends no label
