"""Search over turns on both databases: ranked hits with snippets, speaker filter, in step with storage."""

from __future__ import annotations

import dataclasses

import pytest

from memcon.archive import store
from memcon.archive.models import Document
from memcon.errors import QueryError
from memcon.model import BodyItem, DocumentRecord, Origin
from memcon.search.engine import search


@pytest.fixture
def stored(db_alias: str, dairen_record: DocumentRecord) -> DocumentRecord:
    """The Dairen exchange of the reference record, stored."""
    store.store_record(dairen_record, using=db_alias)
    return dairen_record


def test_dairen_is_in_nine_turns(db_alias: str, stored: DocumentRecord) -> None:
    result = search("Dairen", using=db_alias)
    assert result.total == 9
    assert len(result.hits) == 9
    assert all("Dairen" in hit.text for hit in result.hits)


def test_speaker_filter_keeps_stalins_four_turns(db_alias: str, stored: DocumentRecord) -> None:
    result = search("Dairen", speaker="Stalin", using=db_alias)
    assert result.total == 4
    assert {hit.speaker for hit in result.hits} == {"Stalin"}
    assert sorted(hit.turn for hit in result.hits) == [3, 6, 8, 10]


def test_speaker_matches_a_word_of_the_label_in_any_case(
        db_alias: str, dairen_record: DocumentRecord) -> None:
    dairen_record.body[1] = BodyItem("turn", "Dairen is a port.", speaker="[Joseph] Stalin")
    store.store_record(dairen_record, using=db_alias)
    speakers = {hit.speaker for hit in search("Dairen", speaker="stalin", using=db_alias).hits}
    assert speakers == {"Stalin", "[Joseph] Stalin"}
    assert search("Dairen", speaker="Stal", using=db_alias).total == 0


def test_hit_says_where_the_turn_is(db_alias: str, stored: DocumentRecord) -> None:
    hit = next(h for h in search("renounce", using=db_alias).hits)
    assert (hit.document_id, hit.title, hit.date) == (
        "1945-08-10-soong-stalin", "Record of a Meeting Between T.V. Soong and Stalin",
        "1945-08-10")
    assert (hit.turn, hit.speaker, hit.position) == (8, "Stalin", 8)
    assert hit.text == ("I do not want China to renounce Dairen. What am I called upon to do "
                        "to satisfy you?")


def test_snippet_is_plain_text_with_the_match_highlighted(db_alias: str,
                                                          stored: DocumentRecord) -> None:
    for hit in search("Dairen", using=db_alias).hits:
        assert "\ue000" not in hit.snippet and "<" not in hit.snippet
        assert hit.highlights
        assert all(hit.snippet[start:end] == "Dairen" for start, end in hit.highlights)
        assert hit.snippet.strip("…") in hit.text


def test_long_turn_snippet_is_cut_with_an_ellipsis(db_alias: str, dairen_record: DocumentRecord) -> None:
    long_text = " ".join(["Nothing in nature of military arrangements now necessary."] * 20)
    dairen_record.body.append(BodyItem("turn", f"{long_text} Dairen. {long_text}", speaker="Stalin"))
    store.store_record(dairen_record, using=db_alias)
    hit = next(h for h in search("Dairen", using=db_alias).hits if h.turn == 14)
    assert len(hit.snippet) < len(hit.text) / 2
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert [hit.snippet[s:e] for s, e in hit.highlights] == ["Dairen"]


def test_best_matches_come_first(db_alias: str, stored: DocumentRecord) -> None:
    scores = [hit.score for hit in search("Dairen", using=db_alias).hits]
    assert scores == sorted(scores, reverse=True)
    # the turn that says Dairen three times outranks one that says it once
    assert search("Dairen", using=db_alias).hits[0].turn in (3, 10)


def test_phrase_prefix_or_and_not(db_alias: str, stored: DocumentRecord) -> None:
    assert search('"Port Arthur"', using=db_alias).total == 1
    assert search('"Arthur Port"', using=db_alias).total == 0
    assert search("Kowl*", using=db_alias).total == 3
    assert search("Kowloon OR renounce", using=db_alias).total == 4
    assert search("Dairen NOT Kowloon", using=db_alias).total == 6
    assert search("(Kowloon OR renounce) Dairen", using=db_alias).total == 4


def test_words_match_their_other_forms(db_alias: str, stored: DocumentRecord) -> None:
    # English stemming on both engines: "treaties" finds "treaty"
    assert search("treaties", using=db_alias).total == 2


def test_limit_and_offset_page_through_the_hits(db_alias: str, stored: DocumentRecord) -> None:
    everything = [h.position for h in search("Dairen", using=db_alias).hits]
    page = search("Dairen", limit=4, offset=4, using=db_alias)
    assert page.total == 9
    assert [h.position for h in page.hits] == everything[4:8]
    assert search("Dairen", limit=0, using=db_alias).hits == []


def test_reingest_never_duplicates_hits(db_alias: str, stored: DocumentRecord) -> None:
    store.store_record(stored, using=db_alias)
    edited = dataclasses.replace(stored, summary="Edited summary.")
    store.store_record(edited, using=db_alias)
    assert search("Dairen", using=db_alias).total == 9


def test_edited_turn_is_found_by_its_new_words_only(db_alias: str, stored: DocumentRecord) -> None:
    edited = dataclasses.replace(stored, body=list(stored.body))
    edited.body[8] = BodyItem("turn", "I do not want China to give up Port Arthur.", speaker="Stalin")
    store.store_record(edited, using=db_alias)
    assert search("renounce", using=db_alias).total == 0
    assert search('"give up"', using=db_alias).total == 1
    assert search("Dairen", using=db_alias).total == 8


def test_deleted_document_leaves_no_hits(db_alias: str, stored: DocumentRecord) -> None:
    Document.objects.using(db_alias).all().delete()
    assert search("Dairen", using=db_alias).total == 0


def test_only_turns_are_searched(db_alias: str, stored: DocumentRecord) -> None:
    assert search("laughs", using=db_alias).total == 0  # a stage direction
    assert search("August", using=db_alias).total == 0  # the dateline


def test_hits_come_from_every_document(db_alias: str, dairen_record: DocumentRecord) -> None:
    store.store_record(dairen_record, using=db_alias)
    other = dataclasses.replace(dairen_record, title="Another record", date="1945-08-11",
                                origin=Origin("other.txt", "archive-page", "9" * 64, "1"))
    store.store_record(other, using=db_alias)
    assert {h.document_id for h in search("renounce", using=db_alias).hits} == {
        "1945-08-10-soong-stalin", "1945-08-11-another"}


def test_malformed_query_raises_query_error(db_alias: str) -> None:
    with pytest.raises(QueryError, match="unbalanced quote"):
        search('"Port Arthur', using=db_alias)
    with pytest.raises(QueryError, match="needs a word"):
        search("Dairen OR", using=db_alias)


def test_speaker_without_words_is_refused(db_alias: str) -> None:
    with pytest.raises(QueryError, match="speaker"):
        search("Dairen", speaker="[?]", using=db_alias)


def test_result_as_json(db_alias: str, stored: DocumentRecord) -> None:
    data = search("Dairen", speaker="Stalin", limit=2, using=db_alias).to_json()
    assert (data["query"], data["total"], len(data["hits"])) == ("Dairen", 4, 2)
    assert {"document_id", "title", "date", "turn", "speaker", "snippet", "text"} <= set(
        data["hits"][0])
