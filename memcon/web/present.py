"""What the reading room's templates show, prepared from stored records as plain values.

Templates escape every string they print; nothing here builds markup, so no source text
can ever reach the page unescaped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from memcon.archive.models import BodyItem, Credit, Document, Source
from memcon.web.citation import CitationParts, cite, format_date_range

# Only these schemes become links; a stored "javascript:" URL stays inert text.
SAFE_URL_SCHEMES = ("http://", "https://")


@dataclass(slots=True)
class NoteRef:
    """A note as the page shows it: its anchor id, its label and its text."""

    anchor_id: str
    label: str
    text: str
    item_anchor: str | None = None
    type: str | None = None


@dataclass(slots=True)
class BodyView:
    """One body item on the page: kind, anchor id, stored text, paragraphs, speaker, turn, notes."""

    kind: str
    anchor_id: str
    text: str
    paragraphs: list[str]
    speaker: str | None = None
    turn: int | None = None
    notes: list[NoteRef] = field(default_factory=list)


def paragraphs(text: str | None) -> list[str]:
    """The paragraphs of a stored text (separated by blank lines), empty ones left out."""
    if not text:
        return []
    return [p for p in text.split("\n\n") if p.strip()]


def safe_url(url: str | None) -> str | None:
    """``url`` when it may be a link target (http or https), else None."""
    if url and url.strip().lower().startswith(SAFE_URL_SCHEMES):
        return url.strip()
    return None


def anchor_of(item: BodyItem) -> str:
    """The stable fragment id of a body item: ``t12`` for turn 12, ``b5`` for other items."""
    if item.kind == BodyItem.Kind.TURN and item.turn is not None:
        return f"t{item.turn}"
    return f"b{item.position}"


def body_views(items: Iterable[BodyItem], notes: Sequence[Any]) -> tuple[list[BodyView], list[NoteRef]]:
    """The body items in order, each with the notes anchored to it, and the list of all notes."""
    views: list[BodyView] = []
    by_position: dict[int, BodyView] = {}
    for item in items:
        view = BodyView(
            kind=item.kind,
            anchor_id=anchor_of(item),
            text=item.text,
            # a stage direction, heading, dateline or gap is one block, shown as written
            paragraphs=paragraphs(item.text) if item.kind in ("turn", "paragraph") else [item.text],
            speaker=item.speaker,
            turn=item.turn,
        )
        views.append(view)
        by_position[item.position] = view
    refs: list[NoteRef] = []
    for index, note in enumerate(notes or []):
        if not isinstance(note, dict) or not note.get("text"):
            continue
        label = str(note["n"]) if note.get("n") not in (None, "") else str(index + 1)
        anchor = note.get("anchor")
        target = by_position.get(anchor) if isinstance(anchor, int) else None
        ref = NoteRef(anchor_id=f"note-{index + 1}", label=label, text=note["text"],
                      item_anchor=target.anchor_id if target else None, type=note.get("type"))
        refs.append(ref)
        if target is not None:
            target.notes.append(ref)
    return views, refs


def credits_by_role(credits: Iterable[Credit]) -> dict[str, list[str]]:
    """Credited names grouped by role, in their stored order."""
    grouped: dict[str, list[str]] = {role.value: [] for role in Credit.Role}
    for credit in sorted(credits, key=lambda c: (c.role, c.position)):
        grouped.setdefault(credit.role, []).append(credit.name)
    return grouped


def source_of(document: Document) -> Source | None:
    """The document's source, or None when it has none."""
    try:
        return document.source
    except Source.DoesNotExist:
        return None


def time_range(start: str | None, end: str | None) -> str | None:
    """``21:00–23:30``, ``from 21:00``, ``until 23:30`` or None."""
    if start and end:
        return f"{start}–{end}"
    if start:
        return f"from {start}"
    if end:
        return f"until {end}"
    return None


def citation_parts(document: Document, credits: dict[str, list[str]], url: str | None) -> CitationParts:
    """The parts of a stored document's citation."""
    source = source_of(document)
    return CitationParts(
        title=document.title or None,
        date=document.date,
        date_end=document.date_end,
        date_text=document.date_text,
        doc_type=document.doc_type,
        volume=document.collection.title if document.collection and document.collection.title else None,
        doc_number=document.doc_number,
        citation=source.citation if source else None,
        repository=source.repository if source else None,
        collection=source.collection if source else None,
        series=source.series if source else None,
        box=source.box if source else None,
        folder=source.folder if source else None,
        source_url=source.url if source else None,
        contributors=credits.get(Credit.Role.CONTRIBUTOR.value, []),
        translators=credits.get(Credit.Role.TRANSLATOR.value, []),
        doc_id=document.doc_id,
        url=url,
    )


def citation_line(document: Document, credits: dict[str, list[str]], url: str | None) -> str:
    """The citation line shown on a document's page."""
    return cite(citation_parts(document, credits, url))


def display_date(document: Document) -> str | None:
    """The document's date for reading, an interval when it has an end."""
    return format_date_range(document.date, document.date_end)

