"""Search hits: snippets cut into plain and marked pieces for every front end."""

from __future__ import annotations

from memcon.search.results import SearchHit


def _hit(snippet: str, highlights: list[tuple[int, int]]) -> SearchHit:
    return SearchHit(document_id="d", title="", date=None, turn=1, speaker=None, snippet=snippet,
                     text=snippet, position=0, score=0.0, highlights=highlights)


def test_a_snippet_is_cut_into_plain_and_marked_pieces_without_losing_a_character() -> None:
    snippet = "Cannot exclude Dairen from military zone; Dairen."
    pieces = _hit(snippet, [(15, 21), (42, 48)]).segments()
    assert "".join(text for text, _ in pieces) == snippet
    assert [text for text, marked in pieces if marked] == ["Dairen", "Dairen"]


def test_overlapping_or_out_of_range_highlights_are_tolerated() -> None:
    pieces = _hit("abcdef", [(4, 99), (1, 3), (2, 4), (5, 5)]).segments()
    assert "".join(text for text, _ in pieces) == "abcdef"
    assert pieces == [("a", False), ("bc", True), ("d", True), ("ef", True)]
