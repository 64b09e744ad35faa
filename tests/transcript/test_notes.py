"""Footnotes set after a record's text."""

from __future__ import annotations

from memcon.transcript.notes import note_marker, trailing_notes


def test_bracketed_notes_marked_in_the_text_are_notes() -> None:
    start, notes = trailing_notes(["Stalin: The treaty[1] stands.", "Mao: And Taiwan?[2]",
                                   "[1] The treaty of 1945.", "[2] Held by the Guomindang."])
    assert start == 2
    assert [(n.n, n.text, n.index) for n in notes] == [
        ("1", "The treaty of 1945.", 2), ("2", "Held by the Guomindang.", 3)]


def test_numbered_notes_under_a_notes_heading_start_at_the_heading() -> None:
    start, notes = trailing_notes(["Stalin: Yes.", "Endnotes", "1. First.", "2) Second."])
    assert start == 1 and [n.text for n in notes] == ["First.", "Second."]
    assert trailing_notes(["Stalin: Yes.", "Translator's notes:", "1. First."])[0] == 1


def test_a_numbered_list_closing_a_turn_is_no_notes() -> None:
    paragraphs = ["Shtykov: I report:", "1. Kim is awaiting an answer.", "2. Kim wants to attack."]
    assert trailing_notes(paragraphs) == (3, [])


def test_notes_must_count_up_from_one_and_be_marked() -> None:
    assert trailing_notes(["Stalin: Yes[2].", "[2] Out of order."]) == (2, [])
    assert trailing_notes(["Stalin: Yes.", "[1] Not marked in the text."]) == (2, [])
    assert trailing_notes(["Stalin: Yes[1].", "[1] One.", "[3] Three."]) == (3, [])


def test_superscript_markers_count_as_marks() -> None:
    assert note_marker("12") == ("[12]", "¹²")
    assert trailing_notes(["Stalin: Yes.¹", "1. One."])[0] == 1
