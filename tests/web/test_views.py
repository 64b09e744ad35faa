"""The reading room's pages, rendered by Django's test client from records stored with the ORM."""

from __future__ import annotations

import re
from typing import Any

from django.test import Client


def get(path: str) -> Any:
    """The response to a GET of ``path``, addressed to a host the settings allow."""
    return Client(HTTP_HOST="localhost").get(path)


def test_home_lists_documents_with_title_date_and_type(soong_stalin: Any) -> None:
    page = get("/").content.decode()
    assert 'href="/documents/1945-08-10-soong-stalin"' in page
    assert "Record of a Meeting Between T.V. Soong and Stalin" in page
    assert "10 August 1945" in page
    assert "Memorandum of Conversation" in page


def test_home_says_so_when_the_archive_is_empty(web_db: None) -> None:
    response = get("/")
    assert response.status_code == 200
    assert "holds no documents yet" in response.content.decode()


def test_pages_are_html_with_a_language_landmarks_and_the_local_stylesheet(soong_stalin: Any) -> None:
    page = get("/documents/1945-08-10-soong-stalin").content.decode()
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="en">' in page
    for landmark in ("<header", "<main", "<footer", 'role="search"'):
        assert landmark in page
    assert re.search(r'<link rel="stylesheet" href="/static/memcon/reading-room\.css">', page)
    assert "<script" not in page
    assert "http://" not in page.split("<main")[0]  # no outside origin for any asset


def test_document_page_shows_metadata_summary_source_and_credits(soong_stalin: Any) -> None:
    page = get("/documents/1945-08-10-soong-stalin").content.decode()
    assert "<h1 id=\"doc-title\">Record of a Meeting Between T.V. Soong and Stalin</h1>" in page
    assert "21:00–23:30" in page
    assert "the status of the war with Japan" in page
    assert "Hoover Institution Archives" in page
    assert "Victor Hoo Collection" in page
    assert "<dt>Box</dt><dd>6</dd>" in page
    assert "<dt>Folder</dt><dd>9</dd>" in page
    assert "<dt>Contributed by</dt><dd>David Wolff</dd>" in page
    assert "Chun &amp; Jane Chiu Family Foundation" in page
    assert "welcomes reuse of Digital Archive materials" in page


def test_document_page_has_a_citation_line_with_its_own_address(soong_stalin: Any) -> None:
    page = get("/documents/1945-08-10-soong-stalin").content.decode()
    expected = (
        "&quot;Record of a Meeting Between T.V. Soong and Stalin,&quot; 10 August 1945, "
        "Victor Hoo Collection, box 6, folder 9, Hoover Institution Archives. "
        "Contributed by David Wolff. Record 1945-08-10-soong-stalin, "
        "http://localhost/documents/1945-08-10-soong-stalin."
    )
    assert f'<p class="citation">{expected}</p>' in page


def test_every_turn_has_a_stable_anchor_that_links_to_itself(soong_stalin: Any) -> None:
    page = get("/documents/1945-08-10-soong-stalin").content.decode()
    anchors = re.findall(r'<div class="turn" id="(t\d+)">', page)
    assert anchors == ["t1", "t2", "t3", "t4"]
    for anchor in anchors:
        assert f'href="#{anchor}"' in page


def test_a_turn_shows_its_speaker_and_each_paragraph_separately(soong_stalin: Any) -> None:
    page = get("/documents/1945-08-10-soong-stalin").content.decode()
    turn = page.split('id="t3"')[1].split('id="t4"')[0]
    assert '<span class="speaker">Stalin</span>' in turn
    assert ("<p>Now we must wait. Now it is conditional and we want unconditional.</p>"
            "<p>They want their emperor.</p>") in turn


def test_stage_directions_are_set_apart_from_turns(soong_stalin: Any) -> None:
    page = get("/documents/1945-08-10-soong-stalin").content.decode()
    stage = re.search(r'<div class="stage" id="b4"><p>(.*?)</p>', page)
    assert stage is not None
    assert stage.group(1).endswith("(Stalin laughs)")
    assert "Stage direction:" in stage.group(1)
    assert '<div class="dateline" id="b0"><p>10 August, 1945 9:00 – 11:30 p.m.</p>' in page


def test_other_body_kinds_are_rendered_distinctly(make_document: Any) -> None:
    make_document("frus-like", [
        {"kind": "heading", "text": "Memorandum of Conversation"},
        {"kind": "paragraph", "text": "[There was an exchange of greetings.]"},
        {"kind": "gap", "text": "[3 lines not declassified]"},
        {"kind": "turn", "speaker": "Kissinger", "text": "Good morning."},
    ], title="Memorandum of Conversation", notes=[
        {"n": "2", "text": "Source: National Archives, Nixon Presidential Materials.", "anchor": 3},
    ])
    page = get("/documents/frus-like").content.decode()
    assert '<h3 class="body-heading" id="b0">Memorandum of Conversation</h3>' in page
    assert '<div class="narration" id="b1"><p>[There was an exchange of greetings.]</p>' in page
    assert re.search(r'<div class="gap" id="b2"><p>.*\[3 lines not declassified\]</p>', page)
    assert '<a href="#note-1">2</a>' in page
    assert 'id="note-1"' in page and 'href="#t1">back to the text' in page


def test_source_text_is_escaped_everywhere(make_document: Any) -> None:
    make_document("hostile", [
        {"kind": "turn", "speaker": "<b>X</b>", "text": "<script>alert(1)</script>"},
        {"kind": "stage", "text": "<img src=x onerror=alert(2)>"},
    ], title="<script>alert('title')</script>", summary="a & b <i>",
        source={"url": "javascript:alert(3)", "citation": "<em>cited</em>"})
    page = get("/documents/hostile").content.decode()
    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;" in page
    assert "&lt;b&gt;X&lt;/b&gt;" in page
    assert "<img" not in page
    assert 'href="javascript:' not in page
    assert "a &amp; b &lt;i&gt;" in page
    home = get("/").content.decode()
    assert "<script" not in home and "&lt;script&gt;" in home


def test_a_source_url_on_the_web_becomes_a_link(make_document: Any) -> None:
    make_document("linked", [], title="Linked",
                  source={"url": "https://digitalarchive.wilsoncenter.org/document/123"})
    page = get("/documents/linked").content.decode()
    assert 'href="https://digitalarchive.wilsoncenter.org/document/123"' in page


def test_an_incomplete_record_says_so(make_document: Any) -> None:
    make_document("cut-off", [{"kind": "turn", "speaker": "Stalin", "text": "It is"}],
                  title="Cut off", complete=False)
    assert "This record is incomplete" in get("/documents/cut-off").content.decode()


def test_unknown_values_are_shown_as_unknown_not_guessed(make_document: Any) -> None:
    make_document("bare", [{"kind": "paragraph", "text": "Text."}])
    page = get("/documents/bare").content.decode()
    assert "<dt>Date</dt><dd>unknown" in page
    assert "<dt>Type</dt><dd>unknown</dd>" in page
    assert "&quot;Untitled record,&quot; n.d." in page


def test_participants_are_listed(make_document: Any) -> None:
    make_document("with-participants", [], title="Meeting", participants=[
        {"label": "Chou", "name": "Chou En-lai", "role": "Premier", "side": "PRC"},
        {"label": "Dr. Kissinger", "name": None, "role": None, "side": None},
    ])
    page = get("/documents/with-participants").content.decode()
    assert '<span class="participant-name">Chou En-lai</span>' in page
    assert "Premier" in page and "PRC" in page
    assert '<span class="participant-name">Dr. Kissinger</span>' in page


def test_an_unknown_document_is_a_404_page(web_db: None) -> None:
    response = get("/documents/no-such-record")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Not found" in page
    assert "No document with the id &#x27;no-such-record&#x27;" in page
    assert '<html lang="en">' in page


def test_an_unknown_address_is_the_reading_rooms_404_page(web_db: None) -> None:
    response = get("/no/such/page")
    assert response.status_code == 404
    assert "There is no page at this address." in response.content.decode()


def test_pages_forbid_scripts_and_framing(soong_stalin: Any) -> None:
    response = get("/documents/1945-08-10-soong-stalin")
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "style-src 'self'" in policy
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_the_stylesheet_is_served_locally(web_db: None) -> None:
    response = get("/static/memcon/reading-room.css")
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert b"font-family" in body and b"@import" not in body and b"url(" not in body


def test_the_search_page_without_a_query_shows_the_form(web_db: None) -> None:
    response = get("/search")
    assert response.status_code == 200
    page = response.content.decode()
    assert '<form class="search-form" method="get" action="/search">' in page
    assert 'name="speaker"' in page


DAIREN_TURNS = [
    {"kind": "turn", "speaker": "Stalin",
     "text": "We cannot accept excluding Dairen from military zone."},
    {"kind": "turn", "speaker": "Soong", "text": "Dairen should be a free port <script>x</script>."},
    {"kind": "turn", "speaker": "Stalin", "text": "It is a desert."},
]


def test_search_lists_matching_turns_with_marked_snippets_and_turn_links(make_document: Any) -> None:
    make_document("dairen", DAIREN_TURNS, title="Talks on Dairen", date="1945-08-10")
    response = get("/search?q=Dairen")
    assert response.status_code == 200
    page = response.content.decode()
    assert "2 turns match" in page
    assert page.count('<li class="hit">') == 2
    assert '<a href="/documents/dairen#t1">Turn 1</a>' in page
    assert '<a href="/documents/dairen#t2">Turn 2</a>' in page
    assert "<mark>Dairen</mark>" in page
    assert "Talks on Dairen" in page and "10 August 1945" in page


def test_search_snippets_are_escaped_around_the_marks(make_document: Any) -> None:
    make_document("dairen", DAIREN_TURNS, title="Talks on Dairen")
    page = get("/search?q=free").content.decode()
    assert "<mark>free</mark>" in page
    assert "<script" not in page and "&lt;script&gt;x&lt;/script&gt;" in page


def test_search_by_speaker(make_document: Any) -> None:
    make_document("dairen", DAIREN_TURNS, title="Talks on Dairen")
    page = get("/search?q=Dairen&speaker=Stalin").content.decode()
    assert "1 turn matches" in page
    assert '<a href="/documents/dairen#t1">Turn 1</a>' in page
    assert "#t2" not in page


def test_search_with_no_match_says_so(make_document: Any) -> None:
    make_document("dairen", DAIREN_TURNS, title="Talks on Dairen")
    page = get("/search?q=Kowloon").content.decode()
    assert "No turns match" in page


def test_a_malformed_query_gets_a_clear_message_not_a_server_error(web_db: None) -> None:
    for query in ('%22Dairen', "OR", "Dairen%20AND", "(Dairen", "*"):
        response = get(f"/search?q={query}")
        assert response.status_code == 400, query
        page = response.content.decode()
        assert "The query could not be understood" in page
        assert 'role="alert"' in page


def test_search_pages_through_many_hits(make_document: Any) -> None:
    turns = [{"kind": "turn", "speaker": "Stalin", "text": f"Dairen, point {n}."} for n in range(25)]
    make_document("many", turns, title="Many")
    first = get("/search?q=Dairen").content.decode()
    assert first.count('<li class="hit">') == 20 and 'rel="next" href="?q=Dairen&amp;page=2"' in first
    second = get("/search?q=Dairen&page=2").content.decode()
    assert second.count('<li class="hit">') == 5 and 'rel="prev"' in second and 'rel="next"' not in second


def test_a_server_error_gets_the_reading_rooms_plain_error_page() -> None:
    from django.test import RequestFactory

    from memcon.web.views import server_error

    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    page = response.content.decode()
    assert "Something went wrong" in page and '<html lang="en">' in page


def test_the_404_handler_never_shows_an_exception_message() -> None:
    from django.http import Http404
    from django.test import RequestFactory

    from memcon.web.views import not_found

    response = not_found(RequestFactory().get("/"), Http404("No document: /srv/secret/path"))
    assert response.status_code == 404
    page = response.content.decode()
    assert "There is no page at this address." in page and "/srv/secret" not in page
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]
