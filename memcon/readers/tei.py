"""Reader for generic TEI transcripts: drama-style ``<sp>`` and Parla-CLARIN ``<u who>``.

One record per ``<TEI>`` document (a ``<teiCorpus>`` yields one per document it holds).

- ``<sp>``: the speaker label is the ``<speaker>`` text (a closing colon left out), else the
  name of the person ``@who`` points to, else the ``@who`` id; its ``<p>``/``<ab>``/``<l>``
  are the turn's paragraphs. A ``<stage>``, ``<kinesic>``, ``<vocal>``, ``<incident>`` or
  ``<gap>`` standing between them is its own body item and the turn resumes after it
  (the resumed turn has ``"continued": true``).
- ``<u who="#id">``: the label is the name of the ``listPerson`` entry (``persName``), else the
  id. One ``<u>`` is one turn; its ``<seg>``s are paragraphs and everything inside it stays in
  its text (see ``memcon.readers.tei_text`` for the marks this adds).
- Outside turns: ``<head>`` → heading, ``<p>`` → paragraph, ``<dateline>``/``<docDate>`` →
  dateline, ``<stage>`` → stage, ``<kinesic>``/``<vocal>``/``<incident>`` → stage (its
  ``<desc>``, meta ``{"tei": "kinesic", "type": …}``), ``<gap>`` → gap (its ``<desc>``, else
  "[gap]", with ``reason``/``extent`` in meta).
- ``<note>`` → the record's notes, anchored to the body item it sits in (or, between items,
  the one before it); never part of the text.
- The ``<teiHeader>`` gives title, date, place, summary, source, credits, rights, languages and
  participants (see ``memcon.readers.tei_header``).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from typing import Any

from lxml import etree

from memcon.errors import InputError
from memcon.model import BodyItem, DocumentRecord, Note, Source
from memcon.model.body import BodyKind
from memcon.model.record import is_language_code
from memcon.readers.inputs import InputFile
from memcon.readers.tei_header import (
    Lent,
    People,
    children,
    first,
    header_fields,
    lent,
    participants,
)
from memcon.readers.tei_text import (
    EVENTS,
    SILENT,
    Fragment,
    attributes,
    event_text,
    join_fragments,
    note_values,
    render,
    render_piece,
)
from memcon.readers.xml import XML_NS, local_name, parse_xml, xml_id

NAME = "tei"
VERSION = "1.0"

_TEI_NS = b"http://www.tei-c.org/ns/1.0"
_TEI_ROOT = re.compile(rb"<(?:[\w.-]+:)?(?:TEI|teiCorpus)[\s>]")
_TURNS = re.compile(rb"<(?:[\w.-]+:)?(?:sp|u)[\s>/]")
# FRUS volumes are TEI too; the frus-tei reader knows them better
_FRUS = (b"http://history.state.gov/ns/1.0", b'type="document"', b"type='document'")

_CONTAINERS = frozenset({
    "text", "front", "body", "back", "group", "div", "div1", "div2", "div3", "div4", "div5",
    "div6", "div7", "opener", "closer", "floatingText", "titlePage", "docTitle", "figure",
    "argument", "postscript", "epigraph", "listBibl",
})
# lists of entities in the text are metadata, not words of the record
_SKIP = SILENT | {"teiHeader", "speaker", "listPerson", "listPlace", "listOrg", "listEvent",
                  "listRelation", "listNym", "facsimile", "sourceDoc"}
_HEADINGS = frozenset({"head", "titlePart"})
_DATELINES = frozenset({"dateline", "docDate"})
_BREAKS = EVENTS | {"stage", "gap"}


def sniff(source: InputFile) -> int:
    """85 for TEI with ``<sp>`` or ``<u>``; 40 for FRUS TEI; 30 for other TEI; else 0."""
    if not source.starts_with_markup:
        return 0
    data = source.markup_bytes
    head = data[:65536]
    if _TEI_NS not in head and not _TEI_ROOT.search(head):
        return 0
    if any(marker in data for marker in _FRUS):
        return 40
    return 85 if _TURNS.search(data) else 30


class _Body:
    """Builds a record's body items and notes from the elements of its ``<text>``."""

    def __init__(self, people: People) -> None:
        self.people = people
        self.items: list[BodyItem] = []
        self.notes: list[Note] = []
        self.waiting: list[Note] = []  # notes seen before any body item
        self.spoken: list[tuple[str, str | None]] = []

    def emit(self, kind: BodyKind, fragment: Fragment, speaker: str | None = None,
             meta: dict[str, Any] | None = None) -> None:
        if not fragment.text and kind != "turn":
            self.loose(fragment.notes)
            return
        index = len(self.items)
        item_meta = dict(meta or {})
        if fragment.marks:
            item_meta["marks"] = fragment.marks
        self.items.append(BodyItem(kind, fragment.text, speaker=speaker, meta=item_meta))
        for note in [*self.waiting, *fragment.notes]:
            note.anchor = index
        self.notes.extend(fragment.notes)
        self.waiting = []

    def loose(self, notes: list[Note]) -> None:
        """Notes between body items belong to the item before them (or the first one).

        A Parla-CLARIN speaker note ("CHAIR Ana Novak:") introduces the turn after it.
        """
        for note in notes:
            if self.items and note.type != "speaker":
                note.anchor = len(self.items) - 1
            else:
                self.waiting.append(note)
            self.notes.append(note)

    def block(self, el: etree._Element) -> None:
        if not isinstance(el.tag, str):
            return
        name = local_name(el)
        if name in _SKIP:
            return
        if name == "sp":
            self.sp(el)
        elif name == "u":
            self.u(el)
        elif name in _HEADINGS:
            self.emit("heading", render(el))
        elif name in _DATELINES:
            self.emit("dateline", render(el))
        elif name in _BREAKS:
            self.standalone(el, name)
        elif name == "note":
            self.loose(note_values(el))
        elif name in ("list", "table"):
            # one paragraph per item or row; a list's own heading stays a heading
            for child in el:
                if isinstance(child.tag, str) and local_name(child) in _HEADINGS:
                    self.block(child)
                else:
                    self.emit("paragraph", render_piece(child))
        elif name in _CONTAINERS or (len(el) and not _has_text(el)):
            for child in el:
                self.block(child)
        else:
            self.emit("paragraph", render(el))

    def standalone(self, el: etree._Element, name: str) -> None:
        """A stage direction, non-verbal event or gap standing on its own."""
        meta: dict[str, Any] = {"tei": name, **attributes(el)}
        fragment = render(el) if name == "stage" else event_text(el)
        if not fragment.text:
            meta["added"] = True
            text = "[gap]" if name == "gap" else (el.get("type") or name)
            fragment = Fragment(text, [], fragment.notes)
        kind: BodyKind = "gap" if name == "gap" else "stage"
        self.emit(kind, fragment, meta=meta)

    def _turn_meta(self, el: etree._Element, label: str | None) -> dict[str, Any]:
        meta: dict[str, Any] = {}
        ids = People.ids(el.get("who"))
        if ids:
            meta["who"] = ids
            self.spoken.extend((ident, label) for ident in ids)
        if (ident := xml_id(el)) is not None:
            meta["xml_id"] = ident
        if el.get("ana"):
            meta["ana"] = el.get("ana")
        return meta

    def sp(self, el: etree._Element) -> None:
        label: str | None = None
        pieces: list[Fragment] = []
        meta: dict[str, Any] = {}
        speakers = children(el, "speaker")
        if speakers:
            written = render(speakers[0])
            pieces.append(Fragment("", [], written.notes))
            label = written.text.rstrip().removesuffix(":").rstrip() or None
            if label != written.text:
                meta["speaker_as_written"] = written.text
        label = label or self.people.label(el.get("who"))
        meta.update(self._turn_meta(el, label))
        if _has_text(el):
            pieces.append(render(_without(el, "speaker")))
            self.emit("turn", join_fragments(pieces), label, meta)
            return
        emitted = False
        for child in el:
            name = local_name(child) if isinstance(child.tag, str) else ""
            if name in ("", "speaker") or name in SILENT:
                continue
            if name in _BREAKS or name in ("sp", "u"):
                emitted = self._flush(pieces, label, meta, emitted)
                self.block(child)
            else:
                pieces.append(render_piece(child))
        if self._flush(pieces, label, meta, emitted) is False:
            self.emit("turn", Fragment(""), label, meta)

    def _flush(self, pieces: list[Fragment], label: str | None, meta: dict[str, Any],
               emitted: bool) -> bool:
        """Emit the paragraphs gathered so far as a turn; True once the ``<sp>`` has one."""
        joined = join_fragments(pieces)
        pieces.clear()
        if joined.text:
            self.emit("turn", joined, label, {**meta, "continued": True} if emitted else meta)
            return True
        self.loose(joined.notes)
        return emitted

    def u(self, el: etree._Element) -> None:
        label = self.people.label(el.get("who"))
        meta = self._turn_meta(el, label)
        if _has_text(el):
            fragment = render(el)
        else:
            fragment = join_fragments([render_piece(child) for child in el])
        self.emit("turn", fragment, label, meta)


def _has_text(el: etree._Element) -> bool:
    """True when ``el`` holds words directly (mixed content), not only child elements."""
    return bool((el.text or "").strip()) or any((child.tail or "").strip() for child in el)


def _without(el: etree._Element, name: str) -> etree._Element:
    """A copy of ``el`` whose ``name`` children are left out (their tails kept)."""
    kept = etree.Element("copy")
    kept.text = el.text
    for child in el:
        if isinstance(child.tag, str) and local_name(child) == name:
            previous = kept[-1] if len(kept) else None
            if previous is not None:
                previous.tail = (previous.tail or "") + (child.tail or "")
            else:
                kept.text = (kept.text or "") + (child.tail or "")
        else:
            kept.append(copy.deepcopy(child))
    return kept


def _documents(el: etree._Element, lenders: list[Lent], people: People,
               ) -> Iterator[tuple[etree._Element, list[Lent], People]]:
    """Each ``TEI`` element with what the corpora around it lend it (their headers, read once
    per corpus) and the people known."""
    if local_name(el) == "TEI":
        yield el, lenders, people.with_root(el)
        return
    header = first(el, "teiHeader")
    inner = [lent(header), *lenders] if header is not None else lenders
    known = people.with_root(header) if header is not None else people
    for child in el:
        if isinstance(child.tag, str) and local_name(child) in ("TEI", "teiCorpus"):
            yield from _documents(child, inner, known)


def _record(tei: etree._Element, inherited: list[Lent], people: People) -> DocumentRecord:
    header = first(tei, "teiHeader")
    fields = header_fields(header, inherited)
    body = _Body(people)
    for text in children(tei, "text"):
        body.block(text)
    languages = fields.get("languages") or [
        lang for el in (tei, *children(tei, "text"))
        if (lang := el.get(f"{{{XML_NS}}}lang")) and is_language_code(lang)
    ][:1]
    title = fields.get("title")
    heading = next((item.text for item in body.items if item.kind == "heading"), None)
    return DocumentRecord(
        title=title,
        date=fields.get("date"),
        date_text=fields.get("date_text"),
        time_start=fields.get("time_start"),
        time_end=fields.get("time_end"),
        date_end=fields.get("date_end"),
        place=fields.get("place"),
        summary=fields.get("summary"),
        original_heading=heading if heading != title else None,
        source=fields.get("source") or Source(),
        contributors=fields.get("contributors", []),
        translators=fields.get("translators", []),
        funders=fields.get("funders", []),
        rights=fields.get("rights"),
        languages=languages,
        participants=participants(header, people, body.spoken),
        body=body.items,
        notes=body.notes,
        local_id=xml_id(tei),
    )


class TeiReader:
    """Generic TEI transcripts (``<sp>``, ``<u who>``), one record per TEI document."""

    name = NAME
    version = VERSION
    description = "TEI transcripts: <sp>/<speaker>/<p>, <u who> with <listPerson> (Parla-CLARIN)"

    def sniff(self, source: InputFile) -> int:
        """Score by content: TEI namespace or root, with turns."""
        return sniff(source)

    def read(self, source: InputFile) -> Iterator[DocumentRecord]:
        """One record per TEI document in the file."""
        root = parse_xml(source.data, source.path)
        name = local_name(root)
        if name not in ("TEI", "teiCorpus"):
            raise InputError(source.path, f"is XML but not a TEI document (its root is <{name}>)")
        found = False
        for tei, headers, people in _documents(root, [], People([])):
            found = True
            yield _record(tei, headers, people)
        if not found:
            raise InputError(source.path, "is a teiCorpus that holds no TEI document (documents "
                                          "included from other files are not read)")


READER = TeiReader()
