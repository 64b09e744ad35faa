"""What the pages show, prepared from stored values: snippets, paragraphs, links, anchors."""

from __future__ import annotations

from memcon.web.present import paragraphs, safe_url, segments, time_range


def test_a_snippet_is_cut_into_plain_and_marked_pieces_without_losing_a_character() -> None:
    snippet = "Cannot exclude Dairen from military zone; Dairen."
    pieces = segments(snippet, [(15, 21), (42, 48)])
    assert "".join(p.text for p in pieces) == snippet
    assert [p.text for p in pieces if p.marked] == ["Dairen", "Dairen"]


def test_overlapping_or_out_of_range_highlights_are_tolerated() -> None:
    pieces = segments("abcdef", [(4, 99), (1, 3), (2, 4), (5, 5)])
    assert "".join(p.text for p in pieces) == "abcdef"
    assert [(p.text, p.marked) for p in pieces] == [("a", False), ("bc", True), ("d", True),
                                                    ("ef", True)]


def test_paragraphs_split_on_blank_lines_and_keep_their_text() -> None:
    assert paragraphs("One.\n\nTwo,\nstill two.") == ["One.", "Two,\nstill two."]
    assert paragraphs(None) == []


def test_only_web_urls_become_links() -> None:
    assert safe_url("https://digitalarchive.wilsoncenter.org/document/1") is not None
    assert safe_url("javascript:alert(1)") is None
    assert safe_url(" JaVaScRiPt:alert(1)") is None
    assert safe_url("data:text/html,x") is None


def test_times_read_as_a_range() -> None:
    assert time_range("21:00", "23:30") == "21:00–23:30"
    assert time_range("21:00", None) == "from 21:00"
    assert time_range(None, None) is None
