"""Text of FRUS elements: notes apart, page breaks joined, indentation collapsed."""

from __future__ import annotations

from lxml import etree

from memcon.readers.frus_text import RawNote, render, tidy


def test_page_break_inside_a_word_is_joined() -> None:
    assert render(etree.fromstring('<p>nego<pb n="42"/>tiation</p>')) == "negotiation"


def test_page_break_between_words_leaves_one_space() -> None:
    assert render(etree.fromstring('<p>Heads <pb n="208"/>\n   of Governments</p>')) == (
        "Heads of Governments")


def test_notes_are_taken_out_of_the_text() -> None:
    notes: list[RawNote] = []
    text = render(etree.fromstring('<p>the British.<note n="3" xml:id="f3">See <hi>ante</hi>, '
                                   'p. 1.</note>\n   In general</p>'), notes)
    assert text == "the British. In general"
    assert [(n.n, n.text, n.id, n.type) for n in notes] == [("3", "See ante, p. 1.", "f3", None)]


def test_indentation_inside_inline_elements_is_layout() -> None:
    head = etree.fromstring('<head>The Chargé (<persName>\n   <hi>Atcheson</hi>\n  </persName>) '
                            'to the\n   <gloss>Secretary</gloss></head>')
    assert render(head) == "The Chargé (Atcheson) to the Secretary"


def test_non_breaking_spaces_are_content() -> None:
    assert render(etree.fromstring("<p>10\u00a0a.m.  now</p>")) == "10\u00a0a.m. now"


def test_lists_keep_one_line_per_item_with_labels() -> None:
    element = etree.fromstring('<p>Agreed:— <list><label>a.</label><item>One.</item>'
                               '<label>b.</label><item>Two.</item></list></p>')
    assert render(element) == "Agreed:—\na. One.\nb. Two."


def test_block_quotes_keep_their_paragraphs() -> None:
    element = etree.fromstring('<p>He said: <quote><p>“One.</p><p>Two.”</p></quote></p>')
    assert render(element) == "He said:\n\n“One.\n\nTwo.”"


def test_line_breaks_are_kept() -> None:
    assert render(etree.fromstring("<dateline>Chungking.<lb/>[Received]</dateline>")) == (
        "Chungking.\n[Received]")


def test_comments_are_skipped_but_their_tail_kept() -> None:
    assert render(etree.fromstring("<p>a <!-- x --> b</p>")) == "a b"


def test_tidy_collapses_source_indentation() -> None:
    assert tidy("  a\n        b\tc  ") == "a b c"


def test_paragraph_of_names_reads_as_its_character_data() -> None:
    p = etree.fromstring('<p>\n  Dr. <persName corresp="#p_K">Kissinger</persName>:  We\n'
                         '   agree.<pb n="3"/> Yes.\n</p>')
    assert render(p) == "Dr. Kissinger: We agree. Yes."


def test_page_break_with_text_is_not_read_as_content() -> None:
    assert render(etree.fromstring('<p>nego<pb n="42">42</pb>tiation</p>')) == "negotiation"
