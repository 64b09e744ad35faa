"""What the pages show, prepared from stored values: paragraphs, links, anchors."""

from __future__ import annotations

from memcon.web.present import paragraphs, safe_url, time_range


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
