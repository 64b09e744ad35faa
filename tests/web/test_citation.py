"""The citation line: Chicago notes style from a record's parts, whatever parts it has."""

from __future__ import annotations

from dataclasses import replace

from memcon.web.citation import CitationParts, cite, format_date, format_date_range, join_names

REFERENCE = CitationParts(
    title="Record of a Meeting Between T.V. Soong and Stalin", date="1945-08-10",
    collection="Victor Hoo Collection", box="6", folder="9",
    repository="Hoover Institution Archives", contributors=["David Wolff"],
)


def test_the_reference_record_is_cited_as_its_archive_cites_it() -> None:
    assert cite(REFERENCE) == (
        '"Record of a Meeting Between T.V. Soong and Stalin," 10 August 1945, Victor Hoo '
        "Collection, box 6, folder 9, Hoover Institution Archives. Contributed by David Wolff."
    )


def test_the_citation_ends_with_the_records_own_id_and_address() -> None:
    parts = replace(REFERENCE, doc_id="1945-08-10-soong-stalin",
                    url="http://127.0.0.1:8000/documents/1945-08-10-soong-stalin")
    assert cite(parts).endswith(
        "Contributed by David Wolff. Record 1945-08-10-soong-stalin, "
        "http://127.0.0.1:8000/documents/1945-08-10-soong-stalin."
    )


def test_a_volume_document_is_cited_with_its_volume_and_number_and_source_note() -> None:
    parts = CitationParts(
        title="Memorandum of Conversation", date="1972-02-23",
        volume="Foreign Relations of the United States, 1969–1976, Volume E–13",
        doc_number="88", citation="Source: National Archives, Nixon Presidential Materials, "
                                  "NSC Files, Box 92.")
    assert cite(parts) == (
        '"Memorandum of Conversation," 23 February 1972, in Foreign Relations of the United '
        "States, 1969–1976, Volume E–13, document 88, National Archives, Nixon "
        "Presidential Materials, NSC Files, Box 92."
    )


def test_missing_parts_are_left_out_never_invented() -> None:
    assert cite(CitationParts()) == '"Untitled record," n.d.'
    assert cite(CitationParts(title="Telegram", date_text="early March")) == '"Telegram," early March.'


def test_translators_and_several_contributors_are_named() -> None:
    parts = CitationParts(title="Minutes", date="1950-03",
                          contributors=["A. One", "B. Two", "C. Three"], translators=["D. Four"])
    assert cite(parts) == ('"Minutes," March 1950. Contributed by A. One, B. Two, and C. Three. '
                           "Translated by D. Four.")


def test_dates_of_every_precision_read_naturally() -> None:
    assert format_date("1945-08-10") == "10 August 1945"
    assert format_date("1945-08") == "August 1945"
    assert format_date("1945") == "1945"
    assert format_date(None) is None
    assert format_date_range("1944-09-12", "1944-09-16") == "12 September 1944 – 16 September 1944"
    assert format_date_range("1944-09-12", "1944-09-12") == "12 September 1944"


def test_names_join_as_a_phrase() -> None:
    assert join_names(["A"]) == "A"
    assert join_names(["A", "B"]) == "A and B"
    assert join_names(["A", "B", "C"]) == "A, B, and C"

