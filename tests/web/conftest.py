"""Django on a throwaway SQLite file for the reading room's tests, and records made with the ORM.

When the suite's own tests/conftest.py has already configured Django (MEMCON_TESTING set), its
database is used as it is; otherwise this file points Django at a temporary file first.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

if not os.environ.get("MEMCON_TESTING"):
    # never let a test touch the database named in the developer's own environment
    os.environ["MEMCON_TESTING"] = "1"
    _folder = tempfile.mkdtemp(prefix="memcon-web-tests-")
    os.environ["MEMCON_DATABASE_URL"] = str(Path(_folder) / "web.sqlite3")

from memcon.archive.database import setup

setup()


@pytest.fixture(scope="session")
def migrated() -> None:
    """The test database with every migration applied."""
    from memcon.archive.database import ensure_migrated

    ensure_migrated("default")


@pytest.fixture
def web_db(migrated: None) -> Iterator[None]:
    """A database whose changes in the test are rolled back afterwards."""
    from django.db import transaction

    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def _make_document(doc_id: str, body: list[dict[str, Any]], **fields: Any) -> Any:
    """A stored document with its body items (``kind``, ``text``, ``speaker``) in order."""
    from memcon.archive.models import BodyItem, Credit, Document, Source

    source = fields.pop("source", None)
    credits = fields.pop("credits", {})
    fields.setdefault("identity", f"test:{doc_id}")
    document = Document.objects.create(doc_id=doc_id, **fields)
    if source is not None:
        Source.objects.create(document=document, **source)
    for role, names in credits.items():
        for position, name in enumerate(names):
            Credit.objects.create(document=document, role=role, name=name, position=position)
    turn = 0
    for position, item in enumerate(body):
        number = None
        if item["kind"] == "turn":
            turn += 1
            number = turn
        BodyItem.objects.create(document=document, position=position, kind=item["kind"],
                                speaker=item.get("speaker"), turn=number, text=item["text"])
    return document


MakeDocument = Callable[..., Any]


@pytest.fixture
def make_document(web_db: None) -> MakeDocument:
    """A function that stores a document with its body items, rolled back after the test."""
    return _make_document


@pytest.fixture
def soong_stalin(make_document: MakeDocument) -> Any:
    """The opening of the reference record (Wilson Center, Soong–Stalin, 10 August 1945) as stored."""
    return make_document(
        "1945-08-10-soong-stalin",
        [
            {"kind": "dateline", "text": "10 August, 1945 9:00 – 11:30 p.m."},
            {"kind": "turn", "speaker": "Stalin", "text": "The Japanese want to capitulate."},
            {"kind": "turn", "speaker": "Soong", "text": "Thanks to you."},
            {"kind": "turn", "speaker": "Stalin",
             "text": "Now we must wait. Now it is conditional and we want unconditional."
                     "\n\nThey want their emperor."},
            {"kind": "stage", "text": "(Stalin laughs)"},
            {"kind": "turn", "speaker": "Molotov", "text": "We've got to reach agreement."},
        ],
        title="Record of a Meeting Between T.V. Soong and Stalin",
        date="1945-08-10", date_text="August 10, 1945", time_start="21:00", time_end="23:30",
        doc_type="Memorandum of Conversation",
        summary="T.V. Soong, Stalin, and others discuss the status of the war with Japan, the "
                "borders of Inner and Outer Mongolia, and the right of Soviet use of Manchurian "
                "railroads.",
        original_heading="Record of Meeting Between T. Soong and Stalin",
        rights="The History and Public Policy Program welcomes reuse of Digital Archive materials "
               "for research and educational purposes.",
        source={"citation": "Victor Hoo Collection, box 6, folder 9, Hoover Institution Archives. "
                            "Contributed by David Wolff.",
                "repository": "Hoover Institution Archives", "collection": "Victor Hoo Collection",
                "box": "6", "folder": "9"},
        credits={"contributor": ["David Wolff"], "funder": ["Chun & Jane Chiu Family Foundation"]},
        languages=["en"],
    )
