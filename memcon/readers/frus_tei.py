"""Reader for FRUS TEI volumes (U.S. Office of the Historian): one record per document.

The volume is streamed: its header (title, id) and persons list are read first, then each
``<div type="document">`` is turned into a record and freed, so a whole volume of hundreds of
documents is read in bounded memory.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from memcon.errors import InputError, MemconError
from memcon.model import Collection, DocumentRecord
from memcon.model.body import Note
from memcon.readers.frus_body import build_body
from memcon.readers.frus_heads import infer_doc_type, read_when, split_number
from memcon.readers.frus_sources import SourceNote, looks_like_citation, parse_source_note
from memcon.readers.frus_text import RawNote, render
from memcon.readers.inputs import InputFile
from memcon.readers.xml import FRUS_NS, TEI_NS, XML_NS, iterparse, local_name, release, xml_id

FRUS_URL = "https://history.state.gov/historicaldocuments/{volume}/{document}"
# Elements outside documents whose subtrees are no longer needed once they end.
_RELEASED = frozenset({"div", "list", "listPerson", "table", "front", "back", "item", "person"})
# A source note set apart from the head comes before these.
_BODY_START = frozenset({"p", "ab", "list", "table", "attachment", "closer", "div", "quote"})
_PERSON_ID = f".//{{*}}persName[@{{{XML_NS}}}id]"
# The only elements the volume walk looks at; lxml skips the events of all others in C.
_WATCHED = tuple(f"{{*}}{name}" for name in sorted(
    _RELEASED | {"teiHeader", "p", "row"}))


@dataclass(slots=True)
class Person:
    """An entry of a volume's persons list."""

    id: str
    name: str
    identification: str | None

    def to_json(self) -> dict[str, str | None]:
        """The person as a JSON object."""
        return {"id": self.id, "name": self.name, "identification": self.identification}


@dataclass(slots=True)
class Volume:
    """What the volume tells about all its documents."""

    collection: Collection | None = None
    persons: dict[str, Person] = field(default_factory=dict)


def read_header(header: etree._Element) -> Collection:
    """The volume as a collection: ``idno type="frus"`` and the complete title."""
    idno = header.find(".//{*}idno[@type='frus']")
    titles = {t.get("type"): render(t) for t in header.iter("{*}title")}
    title = titles.get("complete") or next(iter(titles.values()), None)
    ident = render(idno) if idno is not None else None
    return Collection(id=ident or None, title=title or None)


def read_person(entry: etree._Element, persons: dict[str, Person]) -> None:
    """Add the persons an entry of a persons list names (``persName xml:id``) to ``persons``."""
    for pers in entry.iter("{*}persName"):
        ident = xml_id(pers) or xml_id(entry)
        if not ident or ident in persons:
            continue
        name = render(pers)
        whole = render(entry)
        start = whole.find(name)
        rest = whole[start + len(name):] if start >= 0 else ""
        identification = rest.lstrip(" ,;:—–-").strip() or None
        persons[ident] = Person(ident, name, identification)
        return


def iter_documents(data: bytes, path: str) -> Iterator[tuple[etree._Element, Volume]]:
    """Stream a volume: yield each document element (freed after use) with the volume so far."""
    volume = Volume()
    depth = header = 0
    # lxml makes a Python object for an element each time one is reached and drops it after;
    # holding those of the document being read lets its end event and its readers reuse them
    held: list[etree._Element] = []
    for event, element in iterparse(data, path, events=("start", "end"), tag=_WATCHED):
        name = local_name(element)
        document = name == "div" and element.get("type") == "document"
        if event == "start":
            depth += document
            header += name == "teiHeader"
            if depth:
                held.append(element)
            continue
        if document:
            depth -= 1
            if depth == 0:
                yield element, volume
                held.clear()
                release(element, path)
            continue
        if depth:
            continue
        if name == "teiHeader":
            header -= 1
            volume.collection = read_header(element)
            release(element, path)
        elif header:
            continue  # the header is read whole at its end
        elif (name == "person" and xml_id(element)) or (
                name in ("item", "p", "row") and element.find(_PERSON_ID) is not None):
            read_person(element, volume.persons)
            release(element, path)
        elif name in _RELEASED:
            release(element, path)


def _notes_of_head(head: etree._Element | None) -> tuple[str, list[RawNote]]:
    if head is None:
        return "", []
    notes: list[RawNote] = []
    return render(head, notes), notes


def _source_note(div: etree._Element, head_notes: list[RawNote]
                 ) -> tuple[SourceNote, RawNote | etree._Element | None]:
    """The document's source note, read, and the note it was read from."""
    for raw in head_notes:
        if raw.type == "source":
            return parse_source_note(raw.text), raw
    for child in div:
        if local_name(child) == "note" and child.get("type") == "source":
            return parse_source_note(render(child), inline=True), child
        if local_name(child) in _BODY_START:
            break
    # no typed source note: an old volume's untyped first head note, if it only cites files
    if head_notes and head_notes[0].type is None and looks_like_citation(head_notes[0].text):
        return parse_source_note(head_notes[0].text, inline=True), head_notes[0]
    return SourceNote(), None


def build_record(div: etree._Element, volume: Volume) -> DocumentRecord:
    """One document of a volume as a record."""
    # lxml makes a Python object for an element each time one is reached and drops it after;
    # holding the names for the document's lifetime lets the label, body and reference walks
    # share them
    names = list(div.iter("{*}persName"))  # noqa: F841
    head_text, head_notes = _notes_of_head(div.find("{*}head"))
    head_text = re.sub(r"\s*\n\s*", " ", head_text)  # a head's line breaks are layout
    number, title = split_number(head_text)
    note, source_from = _source_note(div, head_notes)
    summary = next((n for n in head_notes if n.type == "summary"), None)
    doc_type = infer_doc_type(title) or infer_doc_type(note.kind)
    editorial = doc_type == "Editorial Note" or div.get("subtype") == "editorial-note"
    parts = build_body(div, turns_allowed=not editorial,
                       source=source_from if isinstance(source_from, etree._Element) else None)
    if doc_type is None and editorial:
        doc_type = "Editorial Note"
    if doc_type is None and parts.salutation and re.search(r"\bto\b", title):
        doc_type = "Letter"
    when = read_when(div, title, parts.fields)
    local_id = xml_id(div)
    collection = volume.collection
    record = DocumentRecord(
        title=title or None,
        date=when.date,
        date_end=when.date_end,
        date_text=when.date_text,
        time_start=when.time_start,
        time_end=when.time_end,
        place=when.place,
        doc_type=doc_type,
        summary=summary.text if summary else None,
        original_heading=head_text if number and head_text != title else None,
        source=note.source,
        languages=[(div.get(f"{{{XML_NS}}}lang") or "en").split("-")[0].lower()],
        participants=parts.participants,
        body=parts.body,
        doc_number=number or _number_attribute(div),
        classification=note.classification or parts.stamp,
        drafted_by=note.drafted_by,
        local_id=local_id,
        collection=collection,
        notes=[Note(n.n, n.text, None, n.type or "footnote") for n in head_notes
               if n is not source_from and n is not summary] + parts.notes,
    )
    if collection and collection.id and local_id:
        record.source.url = FRUS_URL.format(volume=collection.id, document=local_id)
    if parts.subject:
        record.extra["subject"] = parts.subject
    if volume.persons:
        record.extra["persons"] = [volume.persons[ref].to_json() for ref in _references(div)
                                   if ref in volume.persons]
    return record


def _number_attribute(div: etree._Element) -> str | None:
    n = (div.get("n") or "").strip()
    return n if re.fullmatch(r"\d+[A-Za-z]?", n) else None


def _references(div: etree._Element) -> list[str]:
    """The persons the document refers to (``corresp="#p_…"``, a gloss's ``target``), in order
    of first mention."""
    seen: dict[str, None] = {}
    for element in div.iter("{*}persName", "{*}signed", "{*}gloss"):
        for token in (element.get("corresp") or element.get("target") or "").split():
            if token[:1] == "#":
                seen.setdefault(token[1:], None)
    return list(seen)


class FrusTeiReader:
    """FRUS TEI volumes: one record per ``<div type="document">``."""

    name = "frus-tei"
    version = "1.0"
    description = "Foreign Relations of the United States volumes in the Office of the Historian's TEI"

    def sniff(self, source: InputFile) -> int:
        """90+ for TEI with the FRUS namespace or FRUS documents; 0 for anything not XML."""
        if not source.starts_with_markup:
            return 0
        head = source.data[:65536]
        frus = FRUS_NS.encode() in head
        documents = re.search(rb"<(?:\w+:)?div\b[^>]*\btype=[\"']document[\"']", head) is not None
        if frus and (documents or TEI_NS.encode() in head):
            return 95
        if documents and TEI_NS.encode() in head:
            return 90
        if frus or documents:
            return 60
        return 0

    def read(self, source: InputFile) -> Iterator[DocumentRecord]:
        """Yield one record per document of the volume, streaming."""
        for div, volume in iter_documents(source.data, source.path):
            try:
                yield build_record(div, volume)
            except (ValueError, TypeError, AttributeError, IndexError, KeyError,
                    MemconError) as exc:
                where = xml_id(div) or div.get("n") or "?"
                raise InputError(source.path, f"document {where} cannot be read: {exc}",
                                 position=f"document {where}") from exc


READER = FrusTeiReader()
