"""The form of a paragraph's leading label."""

from __future__ import annotations

import dataclasses

import pytest

from memcon.transcript.labels import field_label, last_name_word, split_label


@pytest.mark.parametrize(("paragraph", "speaker", "rest"), [
    ("Stalin: The Japanese want to capitulate.", "Stalin", "The Japanese want to capitulate."),
    ("[Andrei] Gromyko: Yes.", "[Andrei] Gromyko", "Yes."),
    ("[W. A.] Harriman: We agree.", "[W. A.] Harriman", "We agree."),
    ("V. M. Molotov: No.", "V. M. Molotov", "No."),
    ("T.V. Soong: Please.", "T.V. Soong", "Please."),
    ("Comrade Kim Il Sung: Thank you.", "Comrade Kim Il Sung", "Thank you."),
    ("THE PRESIDENT: Good morning.", "THE PRESIDENT", "Good morning."),
    ("Mr. Clements: Fine.", "Mr. Clements", "Fine."),
    ("The Combined Chiefs of Staff: Agreed.", "The Combined Chiefs of Staff", "Agreed."),
    ("de Gaulle: Non.", "de Gaulle", "Non."),
    ("Q: Why?", "Q", "Why?"),
    ("Сталин: Да.", "Сталин", "Да."),
    ("毛泽东：好。", "毛泽东", "好。"),
    ("Stalin :  Yes.", "Stalin", "Yes."),
])
def test_speaker_labels_are_read_as_written(paragraph: str, speaker: str, rest: str) -> None:
    label = split_label(paragraph)
    assert label is not None
    assert (label.speaker, label.rest, label.shape, label.field) == (speaker, rest, "name", False)


@pytest.mark.parametrize("paragraph", ["Place: Moscow", "Subject: Dairen", "DATE & TIME: 10 a.m.",
                                       "Present: Stalin, Soong", "Dear Comrade Stalin:",
                                       "To Comrade Filippov:", "Note: see above",
                                       "Paragraph Three: we suggest"])
def test_fields_and_salutations_are_marked_as_fields(paragraph: str) -> None:
    label = split_label(paragraph)
    assert label is not None and label.field


def test_a_common_noun_phrase_is_a_phrase_not_a_name() -> None:
    label = split_label("Customs officials: the draft says nothing.")
    assert label is not None and label.shape == "phrase"


@pytest.mark.parametrize("paragraph", [
    "Paragraph 3: we suggest different language.",
    "II. Trade: The Soviet side proposes.",
    "At 10:30 the talks resumed.",
    "See http://example.org: it says.",
    "“Churchill asked: why?",
    "The Japanese want to capitulate, said Stalin: he was sure.",
    "Stalin:The Japanese",
    "I. Fisheries.",
    "1) Trade agreement",
])
def test_numbered_parts_sentences_and_glued_colons_are_no_labels(paragraph: str) -> None:
    assert split_label(paragraph) is None


def test_surname_ignores_initials_brackets_and_particles() -> None:
    assert last_name_word("[W. A.] Harriman") == "harriman"
    assert last_name_word("Minister of Foreign Affairs") == "affairs"
    assert last_name_word("V. M.") is None


def test_a_trailing_role_in_parentheses_is_no_surname() -> None:
    assert last_name_word("Zhou Enlai (Premier)") == "enlai"
    assert split_label("Zhou Enlai (Premier): Please go ahead.") is not None


def test_field_labels_naming_several_fields_at_once() -> None:
    assert field_label("DATE, TIME AND PLACE: Monday, January 29, 1979") == (
        "DATE, TIME AND PLACE", "Monday, January 29, 1979")
    assert field_label("Date and place: Moscow, 3 March 1950") == ("Date and place",
                                                                   "Moscow, 3 March 1950")
    assert field_label("Recorder: Zhu Ruizhen") == ("Recorder", "Zhu Ruizhen")
    assert field_label("Stalin: Yes.") is None
    assert field_label("Date, Stalin said, is unknown: yes") is None


def test_a_label_is_read_once_and_cannot_be_changed_by_those_sharing_it() -> None:
    # split_label is cached: every caller gets the same Label, so it must stay frozen
    label = split_label("Stalin: Yes.")
    assert label is not None and split_label("Stalin: Yes.") is label
    with pytest.raises(dataclasses.FrozenInstanceError):
        label.rest = "No."  # type: ignore[misc]
