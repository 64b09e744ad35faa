"""The saved-HTML archive page reader: the page itself reads like its copied text."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from memcon.errors import InputError
from memcon.model.schema import validate_document
from memcon.readers import archive_html
from memcon.readers.archive_html import READER, page_text
from memcon.readers.inputs import InputFile
from memcon.readers.registry import detect, read_input

FIXTURE = Path(__file__).parent.parent / "fixtures" / "archive_html" / "soong-stalin.html"
REFERENCE = Path(__file__).parent.parent.parent / "memcon" / "samples" / "wilson" / \
    "soong-stalin-1945-08-10.txt"


def parse_bytes(data: bytes, name: str = "page.html") -> dict[str, Any]:
    """The page's one record, read through the registry, validated against the schema."""
    [record] = [r.to_json() for r in read_input(InputFile(name, data), "archive-html")]
    validate_document(record)
    return record


def without_lines(record: dict[str, Any]) -> dict[str, Any]:
    """The record without origin and body line numbers (which differ between the two files)."""
    body = [{k: v for k, v in item.items() if k != "line"} for item in record["body"]]
    return {**{k: v for k, v in record.items() if k != "origin"}, "body": body}


def page(body: str) -> bytes:
    """A small archive page around ``body``."""
    return (f"<!DOCTYPE html><html><head><title>t</title></head><body>{body}"
            "<h2>Document Information</h2></body></html>").encode()


@pytest.fixture(scope="module")
def saved() -> dict[str, Any]:
    return parse_bytes(FIXTURE.read_bytes(), FIXTURE.name)


def test_saved_page_gives_the_record_its_copied_text_gives(saved: dict[str, Any]) -> None:
    [text_record] = [r.to_json() for r in read_input(InputFile.read(REFERENCE), "archive-page")]
    assert without_lines(saved) == without_lines(text_record)
    assert saved["origin"]["format"] == "archive-html"


def test_saved_page_has_the_reference_records_fields(saved: dict[str, Any]) -> None:
    assert saved["title"] == "Record of a Meeting Between T.V. Soong and Stalin"
    assert (saved["date"], saved["time_start"], saved["time_end"]) == (
        "1945-08-10", "21:00", "23:30")
    assert saved["doc_type"] == "Memorandum of Conversation"
    turns = [i for i in saved["body"] if i["kind"] == "turn"]
    assert Counter(t["speaker"] for t in turns) == {
        "Stalin": 78, "Soong": 49, "Wang": 33, "Molotov": 10, "Lossovski": 2, "Fu": 1}
    assert (saved["source"]["repository"], saved["source"]["box"]) == (
        "Hoover Institution Archives", "6")
    assert saved["funders"] == ["Chun & Jane Chiu Family Foundation"]
    assert saved["summary"].startswith("T.V. Soong, Stalin, and others discuss")


def test_body_items_point_to_their_lines_in_the_html(saved: dict[str, Any]) -> None:
    lines = FIXTURE.read_text("utf-8").splitlines()
    for item in saved["body"]:
        assert item["text"][:30] in lines[item["line"] - 1]


def test_scripts_styles_navigation_forms_footer_and_hidden_parts_are_left_out() -> None:
    text = page_text(FIXTURE.read_bytes(), FIXTURE.name)
    for furniture in ("page view", "drupal", "Main navigation", "Search the archive",
                      "Collections", "Download PDF", "English Translation", "Privacy",
                      "All rights reserved", "International History Declassified"):
        assert furniture not in text
    assert text.startswith("Skip to content\n\nAugust 10, 1945\n\n")


def test_line_breaks_entities_and_non_breaking_spaces() -> None:
    text = page_text(page("<p>Stalin: Yes&nbsp;&amp; no.<br/>Soong:   <b>Good</b>  .</p>"
                          "<pre>a\n  b</pre>"), "p.html")
    assert text == "Stalin: Yes\u00a0& no.\nSoong: Good .\n\na\n  b\n\nDocument Information"


def test_table_cells_are_separated_and_rows_are_paragraphs() -> None:
    text = page_text(page("<table><tr><td>Soviet side</td><td>Chinese side</td></tr>"
                          "<tr><td>Stalin</td><td>Soong</td></tr></table>"), "p.html")
    assert text.split("\n\n")[:2] == ["Soviet side\tChinese side", "Stalin\tSoong"]


def test_windows_1252_and_utf16_pages_read_like_utf8() -> None:
    html = FIXTURE.read_text("utf-8").replace('<meta charset="utf-8" />', "")
    utf8 = parse_bytes(html.encode("utf-8"))
    assert parse_bytes(html.encode("utf-16")) == {**utf8, "origin": parse_bytes(
        html.encode("utf-16"))["origin"]}
    cp1252 = parse_bytes(html.encode("cp1252"))
    assert without_lines(cp1252) == without_lines(utf8)


def test_html_that_is_not_an_archive_page_is_refused_clearly() -> None:
    other = b"<!DOCTYPE html><html><body><h1>Recipes</h1><p>Stalin: yes</p></body></html>"
    with pytest.raises(InputError, match="is an HTML page but not an archive record page"):
        parse_bytes(other)
    with pytest.raises(InputError, match="is an HTML page but not an archive record page"):
        parse_bytes(b"<html><body><p>Digital Archive</p></body></html>")


def test_oversized_page_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive_html, "MAX_BYTES", 1000)
    with pytest.raises(InputError, match="too large"):
        parse_bytes(FIXTURE.read_bytes())


def test_sniff_scores_archive_pages_high_and_other_html_low() -> None:
    def score(data: bytes) -> int:
        return READER.sniff(InputFile("x", data))

    assert score(FIXTURE.read_bytes()) == 85
    assert score(FIXTURE.read_text("utf-8").encode("utf-16")) == 85
    assert score(b"<!DOCTYPE html><html><body>Hello</body></html>") == 10
    assert score(REFERENCE.read_bytes()) == 0
    assert score(b'<TEI xmlns="http://www.tei-c.org/ns/1.0"/>') == 0


def test_saved_page_is_detected_by_content() -> None:
    assert detect(InputFile("saved-page.txt", FIXTURE.read_bytes())).name == "archive-html"
