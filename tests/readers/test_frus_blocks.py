"""Blocks of a FRUS body read from their text and place: gaps, headings, own paragraphs."""

from __future__ import annotations

from lxml import etree

from memcon.readers.frus_blocks import balanced, is_gap, is_heading, label_paragraphs


def test_redaction_standing_alone_is_a_gap() -> None:
    assert is_gap("[1 line not declassified]")
    assert is_gap("[Illegible].")
    assert not is_gap("He said [1 line not declassified]")
    assert not is_gap("[Greetings were exchanged.]")


def test_bracketed_narration_is_one_balanced_unit() -> None:
    assert balanced("[Greetings were exchanged.]", "[", "]")
    assert balanced("(laughter).", "(", ")")
    assert not balanced("(laughter) and then (more)", "(", ")")


def test_short_capitals_and_centred_paragraphs_are_headings() -> None:
    plain = etree.fromstring("<p/>")
    assert is_heading(plain, "PART II")
    assert not is_heading(plain, "KISSINGER: Yes.")
    assert is_heading(etree.fromstring('<p rend="center"/>'), "Annex on trade")


def test_paragraphs_inside_notes_and_quotes_are_not_the_documents_own() -> None:
    div = etree.fromstring('<div><p>A</p><quote><p>B</p></quote><div><p>C</p></div>'
                           '<p>D<note><p>E</p></note></p></div>')
    assert [p.text for p in label_paragraphs(div)] == ["A", "C", "D"]
