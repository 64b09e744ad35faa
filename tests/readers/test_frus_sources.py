"""Source notes: citation, archival parts, classification and drafter."""

from __future__ import annotations

from memcon.readers.frus_sources import parse_source_note, sentences


def test_national_archives_citation_with_box_and_folder() -> None:
    note = parse_source_note(
        "Source: National Archives, Nixon Presidential Materials, NSC Files, Box 92, Country "
        "Files, Far East, China. Top Secret; Sensitive; Exclusively Eyes Only. Drafted by "
        "Winston Lord on February 23.")
    source = note.source
    assert source.citation is not None and source.citation.startswith("Source: National Archives")
    assert (source.repository, source.collection, source.series, source.box, source.folder) == (
        "National Archives", "Nixon Presidential Materials", "NSC Files", "92",
        "Country Files, Far East, China")
    assert note.classification == "Top Secret; Sensitive; Exclusively Eyes Only"
    assert note.drafted_by == "Winston Lord"


def test_presidential_library_citation() -> None:
    note = parse_source_note(
        "Source: Ford Library, National Security Adviser, Memoranda of Conversations, Box 1, "
        "August 9, 1974. Secret; Nodis. The meeting was held in the Oval Office.")
    assert (note.source.repository, note.source.collection, note.source.series,
            note.source.box, note.source.folder) == (
        "Ford Library", "National Security Adviser", "Memoranda of Conversations", "1",
        "August 9, 1974")
    assert note.classification == "Secret; Nodis"
    assert note.drafted_by is None


def test_central_files_citation_without_box() -> None:
    note = parse_source_note("Source: National Archives, RG 59, Central Files 1970–73, POL 7 "
                             "US/NIXON. Secret; Nodis; Homer. Drafted by Nicholas Platt and "
                             "approved in S on February 28.")
    assert (note.source.collection, note.source.series, note.source.folder) == (
        "RG 59", "Central Files 1970–73", "POL 7 US/NIXON")
    assert note.drafted_by == "Nicholas Platt"


def test_citation_without_a_known_repository_keeps_repository_null() -> None:
    note = parse_source_note("Source: Kissinger Papers, Box CL 1, Geopolitical File. Secret.")
    assert note.source.repository is None
    assert (note.source.collection, note.source.box, note.source.folder) == (
        "Kissinger Papers", "CL 1", "Geopolitical File")


def test_drafters_end_before_clearances() -> None:
    for text, who in [
        ("Source: X. Secret. Drafted by Lord; cleared by Haig.", "Lord"),
        ("Source: X. Secret. Drafted by John Holdridge and Winston Lord.",
         "John Holdridge and Winston Lord"),
        ("Source: X. Secret. Drafted by W. R. Smyser on May 3 and cleared by Hyland.",
         "W. R. Smyser"),
    ]:
        assert parse_source_note(text).drafted_by == who


def test_old_volume_file_number_and_type() -> None:
    note = parse_source_note("740.0011 European War 1939/30698: Telegram", inline=True)
    assert note.source.record_id == "740.0011 European War 1939/30698"
    assert note.kind == "Telegram"
    assert note.source.citation == "740.0011 European War 1939/30698: Telegram"
    assert parse_source_note("124.93/562", inline=True).kind is None


def test_named_files_are_a_collection() -> None:
    assert parse_source_note("Treasury Files", inline=True).source.collection == "Treasury Files"
    assert parse_source_note("J.C.S. Files", inline=True).source.collection == "J.C.S. Files"
    assert parse_source_note("Roosevelt Papers: Telegram", inline=True).kind == "Telegram"


def test_sentences_keep_abbreviations_and_initials() -> None:
    assert sentences("Dr. Kissinger's Meetings, U.S. Files. Top Secret. Drafted by W. Lord.") == [
        "Dr. Kissinger's Meetings, U.S. Files.", "Top Secret.", "Drafted by W. Lord."]


def test_a_citation_ending_in_an_initial_still_ends_before_its_classification() -> None:
    note = parse_source_note("Source: National Archives, Nixon Presidential Materials, NSC Files, "
                             "Box 1032, Polo I. Top Secret; Sensitive; Exclusively Eyes Only. "
                             "Drafted by Winston Lord.")
    assert note.source.folder == "Polo I"
    assert note.classification == "Top Secret; Sensitive; Exclusively Eyes Only"
    assert note.drafted_by == "Winston Lord"
    # a name that happens to be a classification word is not an opener
    assert sentences("Letter from W. Secret to A. B. Smith. Secret.") == [
        "Letter from W. Secret to A. B. Smith.", "Secret."]


def test_empty_note() -> None:
    note = parse_source_note("")
    assert note.source.citation is None and note.classification is None
