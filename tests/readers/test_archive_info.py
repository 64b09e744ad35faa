"""The "Document Information" block of an archive page."""

from __future__ import annotations

from memcon.readers.archive_info import is_language_name, read_document_info, upload_date

RIGHTS = ("The History and Public Policy Program welcomes reuse of Digital Archive materials for "
          "research and educational purposes.")


def test_a_block_that_lost_its_labels_is_read_in_order() -> None:
    info = read_document_info([
        "Victor Hoo Collection, box 6, folder 9, Hoover Institution Archives. Contributed by "
        "David Wolff.", RIGHTS, "To enquire about this document's rights status, write to us.",
        "Original Uploaded Date", "Memorandum of Conversation", "Record ID",
        "Chun & Jane Chiu Family Foundation"])
    assert info.citation is not None and info.citation.startswith("Victor Hoo Collection")
    assert info.rights is not None and len(info.rights.split("\n\n")) == 2
    assert (info.uploaded, info.doc_type, info.record_id) == (
        None, "Memorandum of Conversation", None)
    assert info.funders == ["Chun & Jane Chiu Family Foundation"]
    assert info.labels == {"uploaded", "record_id"}


def test_a_labelled_block_with_every_value() -> None:
    info = read_document_info([
        "Source", "AVPRF, f. 0100, op. 43, d. 302. Translated by Sergey Radchenko.", "Rights",
        RIGHTS, "Original Uploaded Date", "11/17/2011", "Type", "Telegram", "Language",
        "Russian", "Record ID", "114890", "Donors/Funders", "Leon Levy Foundation",
        "Subjects Discussed", "Korean War"])
    assert (info.uploaded, info.doc_type, info.record_id) == ("2011-11-17", "Telegram", "114890")
    assert info.languages == ["Russian"]
    assert info.funders == ["Leon Levy Foundation"]
    assert info.sections == {"subjects": ["Korean War"]}


def test_inline_labels_are_read_too() -> None:
    info = read_document_info(["Record ID: 123071", "Type: Letter"])
    assert (info.record_id, info.doc_type) == ("123071", "Letter")


def test_values_are_checked_by_their_form() -> None:
    assert upload_date("2011-11-17") == "2011-11-17"
    assert upload_date("November 17, 2011") == "2011-11-17"
    assert upload_date("Memorandum of Conversation") is None
    assert is_language_name("Chinese, English")
    assert not is_language_name("Memorandum of Conversation")


def test_labels_written_beside_their_values() -> None:
    info = read_document_info([
        "Source AVP RF, fond 0102, opis 13, delo 5. Translated by Gary Goldberg.",
        "Rights " + RIGHTS, "Original Uploaded Date 2013-07-10", "Type Diary Entry",
        "Language Russian", "Record ID 115623", "Donors/Funders MacArthur Foundation"])
    assert info.citation == "AVP RF, fond 0102, opis 13, delo 5. Translated by Gary Goldberg."
    assert info.rights == RIGHTS
    assert (info.uploaded, info.doc_type, info.languages, info.record_id, info.funders) == (
        "2013-07-10", "Diary Entry", ["Russian"], "115623", ["MacArthur Foundation"])


def test_a_value_that_does_not_fit_its_label_is_not_split_off() -> None:
    info = read_document_info(["Type Foundation of America grant, 1998.", "Record ID none"])
    assert info.doc_type is None and info.record_id is None


def test_the_pages_lists_are_kept_apart_and_the_site_footer_ends_them() -> None:
    info = read_document_info([
        "Record ID", "113192", "Associated Places", "Afghanistan", "Related Documents",
        "January 12, 1972", "Letter from the GDR Embassy", "© 2024 Wilson Center.",
        "Privacy Policy"])
    assert info.record_id == "113192" and info.funders == []
    assert info.sections == {"associated_places": ["Afghanistan"],
                             "related_documents": ["January 12, 1972",
                                                   "Letter from the GDR Embassy"]}
