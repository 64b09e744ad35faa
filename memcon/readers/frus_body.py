"""The body of a FRUS document: turns, narration, headings, gaps, notes, participants.

Speaker-labelled paragraphs become turns; unlabelled paragraphs after a turn continue it;
bracketed narration, headings and header fields stand on their own; footnotes become notes
anchored to the item they occur in; enclosures (``frus:attachment``) follow as parts of the
document, their items marked with the attachment's number.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from memcon.model import BodyItem, Note, Participant
from memcon.readers.frus_blocks import (
    balanced,
    is_classification_stamp,
    is_gap,
    is_heading,
    is_narration,
    label_paragraphs,
    lined,
    participants_head,
    wrapped_note,
)
from memcon.readers.frus_labels import SpeakerLabel, colon_label, header_field, smallcaps_label
from memcon.readers.frus_participants import (
    PARTICIPANT_HEADS,
    delegation_heading,
    entry_participants,
    is_side_heading,
    list_participants,
    looks_like_entry,
    names_from_line,
    table_participants,
    text_participants,
)
from memcon.readers.frus_text import RawNote, is_smallcaps, render, render_paragraph
from memcon.readers.xml import local_name

_SKIPPED = frozenset({"pb", "milestone", "cb", "fw", "anchor"})


@dataclass(slots=True)
class BodyParts:
    """What a document's body holds beyond its items."""

    body: list[BodyItem] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)
    subject: str | None = None
    stamp: str | None = None
    salutation: bool = False


class BodyBuilder:
    """Walks a document's children in order and builds its body."""

    def __init__(self, div: etree._Element, *, turns_allowed: bool,
                 source: etree._Element | None = None) -> None:
        self.source = source
        self.root_head = div.find("{*}head")
        self.parts = BodyParts()
        # labels are keyed by element identity, so the elements are kept alive with them
        self.paragraphs: list[etree._Element] = []
        self.rendered: dict[int, tuple[str, list[RawNote]]] = {}
        self.labels: dict[int, SpeakerLabel] = {}
        self.turn: int | None = None
        self.continued: dict[int, list[str]] = {}
        self.listing = False
        self.side: str | None = None
        self.meta: dict[str, Any] = {}
        self.attachments = 0
        if turns_allowed:
            self._find_labels(div)

    def _find_labels(self, div: etree._Element) -> None:
        colon: dict[int, SpeakerLabel] = {}
        # small-caps speakers need a small-caps <hi>: most documents have none at all
        smallcaps = any(is_smallcaps(hi) for hi in div.iter("{*}hi"))
        self.paragraphs = label_paragraphs(div)
        rendered, labels = self.rendered, self.labels
        for p in self.paragraphs:
            key = id(p)
            notes: list[RawNote] = []
            text = render_paragraph(p, notes)
            rendered[key] = (text, notes)
            label = colon_label(p, text)
            if label:
                colon[key] = label
            small = smallcaps_label(p, text) if smallcaps else None
            if small:
                labels[key] = small
        # a lone "Name:" paragraph is an address or a caption, not a dialogue
        if len(colon) >= 2:
            self.labels.update(colon)

    # items and notes

    def add(self, kind: str, text: str, notes: list[RawNote], speaker: str | None = None,
            meta: dict[str, Any] | None = None) -> int:
        item_meta = {**self.meta, **(meta or {})}
        self.parts.body.append(BodyItem(kind, text, speaker=speaker, meta=item_meta))  # type: ignore[arg-type]
        index = len(self.parts.body) - 1
        if notes:
            self.add_notes(notes, index)
        return index

    def add_turn(self, label: SpeakerLabel, notes: list[RawNote]) -> int:
        """Add a labelled paragraph as a turn (the hot path of a transcript, kept lean)."""
        meta: dict[str, Any] = {**self.meta, "label_form": label.form}
        if label.ref:
            meta["speaker_ref"] = label.ref
        if label.separator != ":":
            meta["separator"] = label.separator  # ":—", kept so nothing is lost
        body = self.parts.body
        body.append(BodyItem("turn", label.text, label.speaker, meta))
        if notes:
            self.add_notes(notes, len(body) - 1)
        return len(body) - 1

    def add_notes(self, notes: list[RawNote], anchor: int | None) -> None:
        for raw in notes:
            kind = raw.type or "footnote"
            self.parts.notes.append(Note(raw.n, raw.text, anchor=anchor, type=kind))

    def last_index(self) -> int | None:
        return len(self.parts.body) - 1 if self.parts.body else None

    def text_and_notes(self, element: etree._Element) -> tuple[str, list[RawNote]]:
        """The element's text and notes; the notes of an element without text go to the last item."""
        notes: list[RawNote] = []
        text = render(element, notes)
        if not text:
            self.add_notes(notes, self.last_index())
        return text, notes

    def continue_turn(self, text: str, notes: list[RawNote]) -> None:
        if self.turn is None:
            self.add("paragraph", text, notes)
            return
        # paragraphs are gathered and joined once at the end: a turn may have thousands
        self.continued.setdefault(self.turn, []).append(text)
        self.add_notes(notes, self.turn)

    def finish(self) -> BodyParts:
        """Join each turn's paragraphs with a blank line, and hand over what was built."""
        for index, paragraphs in self.continued.items():
            item = self.parts.body[index]
            item.text = "\n\n".join([item.text, *paragraphs] if item.text else paragraphs)
        self.continued.clear()
        return self.parts

    # the walk

    def walk(self, element: etree._Element) -> None:
        for child in element:
            # paragraphs, most of a body, go straight to their handler
            handler = _HANDLERS.get(local_name(child))
            if handler is not None:
                handler(self, child)
            else:
                self.child(child)

    def child(self, child: etree._Element) -> None:
        name = local_name(child)
        if not name or name in _SKIPPED:
            return
        handler = _HANDLERS.get(name)
        if handler is not None:
            handler(self, child)
            return
        text, notes = self.text_and_notes(child)
        if text:
            self.block(text, notes)

    def block(self, text: str, notes: list[RawNote]) -> None:
        """A block that is not a paragraph (quote, figure): part of a turn, or a paragraph."""
        if self.turn is not None:
            self.continue_turn(text, notes)
        else:
            self.add("paragraph", text, notes)

    def on_note(self, note: etree._Element) -> None:
        if note is self.source:
            return  # the document's source note, read with its head
        notes: list[RawNote] = []
        render(wrapped_note(note), notes)
        self.add_notes(notes, self.last_index())

    def on_head(self, head: etree._Element) -> None:
        if head is self.root_head:
            return  # the document's title
        text, notes = self.text_and_notes(head)
        self.turn = None
        if text:
            self.add("heading", text, notes)

    def on_dateline(self, element: etree._Element) -> None:
        text, notes = self.text_and_notes(element)
        if text:
            self.add("dateline", text, notes)

    def on_opener(self, element: etree._Element) -> None:
        for child in element:
            if local_name(child) in ("dateline", "note"):
                self.child(child)
            elif local_name(child):
                notes: list[RawNote] = []
                text = render(child, notes)
                if text and is_classification_stamp(text) and self.parts.stamp is None:
                    self.parts.stamp = text
                if text:
                    self.add("paragraph", text, notes)

    def on_closer(self, element: etree._Element) -> None:
        text, notes = self.text_and_notes(lined(element))
        self.turn = None
        if text:
            self.add("paragraph", text, notes, meta={"closer": True})

    on_signed = on_closer
    on_salute = on_closer
    on_postscript = walk
    on_div = walk

    def on_figure(self, element: etree._Element) -> None:
        text, notes = self.text_and_notes(element)
        self.turn = None
        if text:
            self.add("paragraph", text, notes)

    def on_attachment(self, element: etree._Element) -> None:
        self.attachments += 1
        self.turn, self.listing, self.side = None, False, None
        saved = self.meta
        self.meta = {**saved, "attachment": self.attachments}
        self.walk(element)
        self.meta = saved
        self.turn = None

    def on_gap(self, element: etree._Element) -> None:
        self.add("gap", render(element), [])

    def on_list(self, element: etree._Element) -> None:
        notes: list[RawNote] = []
        text = render(element, notes)
        kind = (element.get("type") or "").lower()
        head = element.find("{*}head")
        head_text = render(head) if head is not None else ""
        if kind == "participants" or self.listing or PARTICIPANT_HEADS.match(head_text or "-"):
            self.parts.participants.extend(list_participants(element, self.side))
            self.listing = False
        elif kind == "subject" or head_text.rstrip(":").strip().lower() in ("subject", "subjects"):
            items = [render(i) for i in element if local_name(i) == "item"]
            self.parts.subject = self.parts.subject or "; ".join(i for i in items if i) or None
        elif self.turn is not None:
            self.continue_turn(text, notes)
            return
        self.turn = None
        if text:
            self.add("paragraph", text, notes)

    def on_table(self, element: etree._Element) -> None:
        notes: list[RawNote] = []
        text = render(element, notes)
        head = element.find("{*}head")
        if self.listing or (head is not None and PARTICIPANT_HEADS.match(render(head) or "-")):
            self.parts.participants.extend(table_participants(element))
            self.listing = False
        elif self.turn is not None:
            self.continue_turn(text, notes)
            return
        if text:
            self.add("paragraph", text, notes)

    def on_p(self, p: etree._Element) -> None:
        key = id(p)
        cached = self.rendered.get(key)
        notes: list[RawNote] = cached[1] if cached else []
        text = cached[0] if cached else render_paragraph(p, notes)
        if not text:
            self.add_notes(notes, self.last_index())
            return
        if self.listing and self.participant_entry(p, text, notes):
            return
        if participants_head(text) or (text.rstrip()[-1:] == ":" and delegation_heading(text)):
            # "PARTICIPANTS" without its colon, or "American Participants:" opening the list
            self.turn, self.listing = None, True
            self.side = None if PARTICIPANT_HEADS.match(text) else text.rstrip(":").strip()
            self.add("paragraph", text, notes)
            return
        label = self.labels.get(key)
        field_ = None if label else header_field(text)
        if field_:
            self.header(field_, text, notes)
        elif is_gap(text):
            self.add("gap", text, notes)
        elif label:
            self.listing = False
            self.turn = self.add_turn(label, notes)
        elif is_heading(p, text):
            self.turn = None
            if self.parts.stamp is None and self._in_opening() and is_classification_stamp(text):
                self.parts.stamp = text  # "TOP SECRET" set above the text: the classification
            self.add("heading", text, notes)
        elif balanced(text, "[", "]") or is_narration(text):
            self.turn = None
            self.add("paragraph", text, notes)
        elif balanced(text, "(", ")") and self.labels:
            self.add("stage", text, notes)
        elif self.turn is not None:
            self.continue_turn(text, notes)
        else:
            self.add("paragraph", text, notes)

    on_ab = on_p

    def _in_opening(self) -> bool:
        """Whether nothing but headings and datelines came before: the document's opening."""
        return all(item.kind in ("heading", "dateline") for item in self.parts.body)

    def participant_entry(self, p: etree._Element, text: str, notes: list[RawNote]) -> bool:
        """Read a paragraph of a "PARTICIPANTS:" block; False when the block has ended."""
        if is_side_heading(p, text):
            self.side = text.rstrip(":").strip()
        elif id(p) in self.labels or header_field(text) or is_gap(text):
            self.listing = False
            return False
        elif "\n" in text and all(looks_like_entry(line) for line in text.split("\n")):
            self.parts.participants.extend(text_participants(text, self.side))
        elif looks_like_entry(text):
            self.parts.participants.extend(entry_participants(p, self.side))
        else:
            self.listing = False
            return False
        self.add("paragraph", text, notes)
        return True

    def header(self, field_: tuple[str, str], text: str, notes: list[RawNote]) -> None:
        name, rest = field_
        key = " ".join(name.split()).lower()
        self.turn = None
        if PARTICIPANT_HEADS.match(name):
            self.listing, self.side = True, None
            if rest and "present" in key:
                # the line names everyone present; what follows is the record
                self.parts.participants.extend(names_from_line(rest))
                self.listing = False
            elif rest:
                self.parts.participants.extend(text_participants(rest))
        elif key.startswith(("my ", "dear", "sir", "madam", "gentlemen", "excellency")):
            self.parts.salutation = True
        else:
            self.parts.fields.setdefault(key, rest)
            if key in ("subject", "subjects", "topic") and rest:
                self.parts.subject = self.parts.subject or rest
        self.add("paragraph", text, notes)


# "p" → BodyBuilder.on_p: the elements the walk reads in their own way
_HANDLERS: dict[str, Callable[[BodyBuilder, etree._Element], None]] = {
    name[3:]: method for name, method in vars(BodyBuilder).items() if name.startswith("on_")}


def build_body(div: etree._Element, *, turns_allowed: bool,
               source: etree._Element | None = None) -> BodyParts:
    """Read the body of a ``<div type="document">``; its head and ``source`` note are read apart."""
    builder = BodyBuilder(div, turns_allowed=turns_allowed, source=source)
    builder.walk(div)
    return builder.finish()
