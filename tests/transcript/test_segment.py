"""Paragraphs to turns, continuations, stage directions and narration."""

from __future__ import annotations

from memcon.transcript.segment import Segment, block_kind, segment, speaker_labels


def shape(items: list[Segment]) -> list[tuple[str, str | None, str]]:
    return [(item.kind, item.speaker, item.text) for item in items]


def test_continuation_joins_previous_turn() -> None:
    items = segment(["Stalin: Now we must wait.", "They want their emperor.", "Soong: Face saving."])
    assert shape(items) == [("turn", "Stalin", "Now we must wait.\n\nThey want their emperor."),
                            ("turn", "Soong", "Face saving.")]
    assert [item.first for item in items] == [0, 2]


def test_label_like_phrase_inside_a_turn_stays_in_its_text() -> None:
    items = segment(["Stalin: Paragraph 3: we suggest different language.",
                     "Customs officials: the draft says nothing.", "Soong: Agreed."])
    assert shape(items)[0] == (
        "turn", "Stalin",
        "Paragraph 3: we suggest different language.\n\nCustoms officials: the draft says nothing.")
    assert len(items) == 2


def test_a_name_that_speaks_once_in_a_dialogue_is_a_speaker() -> None:
    items = segment(["Stalin: Yes.", "Soong: No.", "Fu: With whom is General Hsiung to meet?",
                     "Stalin: With Antonov."])
    assert [item.speaker for item in items] == ["Stalin", "Soong", "Fu", "Stalin"]


def test_a_lone_name_opening_mid_clause_is_not_a_speaker() -> None:
    items = segment(["Stalin: We accept.", "Security: certain requirements remain.", "Soong: Yes."])
    assert shape(items)[0][2] == "We accept.\n\nSecurity: certain requirements remain."


def test_a_recurring_phrase_label_is_a_speaker() -> None:
    items = segment(["Unidentified speaker: Who is there?", "Stalin: Molotov.",
                     "Unidentified speaker: Thank you."])
    assert [item.speaker for item in items] == ["Unidentified speaker", "Stalin",
                                                "Unidentified speaker"]


def test_a_listed_participant_is_a_speaker_even_once_and_mid_clause() -> None:
    labels = speaker_labels(["Stalin: Yes.", "Lozovsky: there are 4,400 kilometres."],
                            known=["S. A. Lozovsky"])
    assert [label.speaker if label else None for label in labels] == ["Stalin", "Lozovsky"]


def test_field_labels_inside_a_turn_stay_text() -> None:
    items = segment(["Stalin: We meet tomorrow.", "Place: Moscow", "Soong: Good."])
    assert shape(items)[0][2] == "We meet tomorrow.\n\nPlace: Moscow"


def test_numbered_agenda_lines_stay_in_the_turn() -> None:
    items = segment(["Gromyko: The agenda:", "I. Fisheries.", "1) Trade agreement", "Soong: Yes."])
    assert shape(items)[0] == ("turn", "Gromyko", "The agenda:\n\nI. Fisheries.\n\n1) Trade agreement")


def test_a_record_without_labels_is_narrative() -> None:
    paragraphs = ["The Ambassador asked the Chairman whether the draft was ready.",
                  "Customs officials: the draft says nothing about inspection.",
                  "The Chairman replied that it was."]
    assert [item.kind for item in segment(paragraphs)] == ["paragraph"] * 3


def test_a_letter_salutation_is_not_a_turn() -> None:
    items = segment(["Comrade Stalin:", "I received your telegram.", "With greetings, Mao."])
    assert [item.kind for item in items] == ["paragraph"] * 3


def test_a_stage_direction_on_its_own_line_is_its_own_item() -> None:
    items = segment(["Soong: Agreed minutes to be signed.", "(Stalin laughs)", "Soong: Please."])
    assert shape(items) == [("turn", "Soong", "Agreed minutes to be signed."),
                            ("stage", None, "(Stalin laughs)"), ("turn", "Soong", "Please.")]


def test_an_inline_stage_direction_stays_in_the_turn() -> None:
    items = segment(["Stalin: This line (points to the map) is the frontier.", "Wang: Yes."])
    assert items[0].text == "This line (points to the map) is the frontier."


def test_the_speaker_goes_on_after_a_stage_direction() -> None:
    items = segment(["Stalin: Here is the map.", "(hands over a map).", "This is the line.",
                     "Wang: I see."])
    assert shape(items) == [("turn", "Stalin", "Here is the map."),
                            ("stage", None, "(hands over a map)."),
                            ("turn", "Stalin", "This is the line."), ("turn", "Wang", "I see.")]
    assert items[2].continued and not items[0].continued


def test_gaps_and_editorial_narration_stand_apart() -> None:
    assert block_kind("[ILLEGIBLE]") == "gap"
    assert block_kind("[1 line not declassified]") == "gap"
    assert block_kind("[Greetings were exchanged.]") == "paragraph"
    assert block_kind("[Andrei] Gromyko: Yes.") is None
    assert block_kind("(1) Trade agreement (draft)") is None
    assert block_kind("(?)") is None
    items = segment(["[Greetings were exchanged.]", "Stalin: Sit down.", "Soong: Thank you.",
                     "[The meeting ended.]", "Afterwards the guests left."])
    assert [item.kind for item in items] == ["paragraph", "turn", "turn", "paragraph", "paragraph"]


def test_illegible_and_query_marks_stay_in_the_text() -> None:
    items = segment(["Molotov: It was presented by Tojo after Kalkhim (?) government.",
                     "Stalin: The [ILLEGIBLE] question."])
    assert items[0].text == "It was presented by Tojo after Kalkhim (?) government."
    assert items[1].text == "The [ILLEGIBLE] question."


def test_a_label_alone_on_its_line_takes_the_next_paragraph() -> None:
    items = segment(["STALIN:", "The Japanese want to capitulate.", "SOONG:", "Thanks to you."])
    assert shape(items) == [("turn", "STALIN", "The Japanese want to capitulate."),
                            ("turn", "SOONG", "Thanks to you.")]


def test_text_before_the_first_turn_is_narration() -> None:
    items = segment(["Stalin received Soong in the Kremlin.", "Stalin: Sit down.", "Soong: Yes."])
    assert [item.kind for item in items] == ["paragraph", "turn", "turn"]


def test_an_editors_ellipsis_is_a_gap_and_the_speaker_goes_on() -> None:
    items = segment(["Stalin: Yes.", "[…]", "We agree.", "Mao: No.", "[...]"])
    assert [(s.kind, s.speaker, s.text, s.continued) for s in items] == [
        ("turn", "Stalin", "Yes.", False), ("gap", None, "[…]", False),
        ("turn", "Stalin", "We agree.", True), ("turn", "Mao", "No.", False),
        ("gap", None, "[...]", False)]


def test_the_line_naming_the_recorder_closes_the_record_outside_the_last_turn() -> None:
    items = segment(["Stalin: Yes.", "Mao: No.", "Recorded by Comrade N.T. Fedorenko"])
    assert [(s.kind, s.text) for s in items][-1] == ("paragraph",
                                                    "Recorded by Comrade N.T. Fedorenko")
    items = segment(["Stalin: Yes.", "Mao: No.", "Recorded by the Americans, the film is lost."])
    assert items[-1].kind == "turn"


def test_a_turn_of_many_paragraphs_keeps_them_all_in_order() -> None:
    paragraphs = ["Stalin: Start.", *[f"Line {i}." for i in range(50_000)], "Mao: Yes."]
    items = segment(paragraphs)
    assert len(items) == 2
    assert items[0].text.split("\n\n") == ["Start.", *paragraphs[1:-1]]


def test_narration_introducing_words_is_no_speaker_label() -> None:
    items = segment(["I visited Kim Il Sung.", "Kim Il Sung said: the Chinese will decide.",
                     "The Ambassador asked: when?", "Kim Il Sung said: Soon."])
    assert [s.kind for s in items] == ["paragraph"] * 4
