"""The editors' admin: behind login; every change is a revision that can be viewed and restored."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from memcon.archive import store
from memcon.archive.models import BodyItem, Document
from memcon.model import DocumentRecord


@pytest.fixture
def editor(default_db: str) -> Client:
    """A client logged in as a staff superuser."""
    user = User.objects.create_superuser("editor", "editor@example.org", "a-long-test-password")
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


def test_admin_asks_for_a_login(default_db: str) -> None:
    response = Client(HTTP_HOST="localhost").get("/admin/archive/document/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_editor_sees_documents_and_their_history(editor: Client,
                                                 dairen_record: DocumentRecord) -> None:
    store.store_record(dairen_record)
    document = Document.objects.get()
    listing = editor.get("/admin/archive/document/")
    assert listing.status_code == 200
    assert b"1945-08-10-soong-stalin" in listing.content
    assert editor.get(f"/admin/archive/document/{document.pk}/change/").status_code == 200
    history = editor.get(f"/admin/archive/document/{document.pk}/history/")
    assert history.status_code == 200
    assert b"ingest" in history.content  # the revision's reason


def test_correcting_a_speaker_makes_a_revision_that_can_be_restored(
        editor: Client, dairen_record: DocumentRecord) -> None:
    store.store_record(dairen_record)
    item = BodyItem.objects.get(position=1)
    form = {"document": item.document_id, "position": item.position, "kind": "turn",
            "speaker": "[Joseph] Stalin", "turn": item.turn, "text": item.text, "meta": "{}"}
    response = editor.post(f"/admin/archive/bodyitem/{item.pk}/change/", form)
    assert response.status_code == 302, response.content[:2000]
    item.refresh_from_db()
    assert item.speaker == "[Joseph] Stalin"
    first = item.history.earliest()
    assert first.speaker == "Stalin"
    # simple-history's admin view of that revision, with a "Revert" button
    page = editor.get(f"/admin/archive/bodyitem/{item.pk}/history/{first.history_id}/")
    assert page.status_code == 200
    restored = editor.post(f"/admin/archive/bodyitem/{item.pk}/history/{first.history_id}/", form
                           | {"speaker": "Stalin"})
    assert restored.status_code == 302
    item.refresh_from_db()
    assert item.speaker == "Stalin"
    assert item.history.count() == 3
