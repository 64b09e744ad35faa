"""Engine-marked snippets into plain text with highlight offsets."""

from __future__ import annotations

from memcon.search.snippets import MARK_END, MARK_START, unmark


def _marked(text: str) -> str:
    return text.replace("[", MARK_START).replace("]", MARK_END)


def test_marks_become_offsets_into_the_plain_snippet() -> None:
    text = "Let Dairen to be under Chinese administration, Dairen too."
    snippet, spans = unmark(_marked("Let [Dairen] to be under Chinese administration, [Dairen] too."),
                            text)
    assert snippet == text
    assert [snippet[s:e] for s, e in spans] == ["Dairen", "Dairen"]


def test_text_cut_at_either_end_gets_an_ellipsis() -> None:
    text = "We cannot exclude Dairen from military zone. In case of war we would interfere."
    snippet, spans = unmark(_marked("exclude [Dairen] from military zone."), text)
    assert snippet == "…exclude Dairen from military zone.…"
    assert [snippet[s:e] for s, e in spans] == ["Dairen"]


def test_an_engine_ellipsis_is_not_doubled() -> None:
    text = "We cannot exclude Dairen from military zone. In case of war we would interfere."
    snippet, _ = unmark(_marked("…exclude [Dairen] from…"), text)
    assert snippet == "…exclude Dairen from…"


def test_snippet_of_the_whole_text_has_no_ellipsis() -> None:
    assert unmark(_marked("[Dairen]."), "Dairen.") == ("Dairen.", [(0, 6)])
