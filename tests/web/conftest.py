"""Records stored for the reading room's tests, through the archive's own store."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from memcon.model import DocumentRecord
from tests.support.records import soong_stalin_opening


@pytest.fixture
def web_db(default_db: str) -> None:
    """The database the pages read (the default one), empty and migrated, emptied afterwards."""


def store_as(doc_id: str, record: DocumentRecord) -> Any:
    """Store ``record`` as an ingest would, under the id the test names; the stored document."""
    from memcon.archive.models import Document
    from memcon.archive.store import store_record

    _, stored_id = store_record(record)
    # the id the page is asked for, and an identity of its own so no later record updates it
    Document.objects.filter(doc_id=stored_id).update(doc_id=doc_id, identity=f"test:{doc_id}")
    return Document.objects.get(doc_id=doc_id)


def _make_document(doc_id: str, body: list[dict[str, Any]], **fields: Any) -> Any:
    """A stored document from Document JSON values: body items (kind, text, speaker), source…"""
    return store_as(doc_id, DocumentRecord.from_json({**fields, "body": body}))


MakeDocument = Callable[..., Any]


@pytest.fixture
def make_document(web_db: None) -> MakeDocument:
    """A function that stores a document with its body items, removed after the test."""
    return _make_document


@pytest.fixture
def soong_stalin(web_db: None) -> Any:
    """The opening of the reference record (Wilson Center, Soong–Stalin, 10 August 1945) as stored."""
    return store_as("1945-08-10-soong-stalin", soong_stalin_opening())
