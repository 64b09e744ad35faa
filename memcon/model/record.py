"""A document record (Document JSON) as typed dataclasses, with JSON (de)serialisation."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, fields
from typing import Any

from memcon.model.body import BodyItem, Note

# The form of a language the Document JSON schema accepts (its "languages" pattern).
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")


def is_language_code(value: str) -> bool:
    """True for a language code such as ``en`` or ``zh-Hant`` (ISO 639 and subtags)."""
    return _LANGUAGE_CODE.match(value) is not None


@dataclass(slots=True)
class Source:
    """Where the record is held, as the source citation gives it."""

    citation: str | None = None
    repository: str | None = None
    collection: str | None = None
    series: str | None = None
    box: str | None = None
    folder: str | None = None
    record_id: str | None = None
    url: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The source as a Document JSON object (every key present)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(slots=True)
class Participant:
    """A participant as the source lists them; unknown parts are null."""

    label: str | None = None
    name: str | None = None
    role: str | None = None
    side: str | None = None
    ref: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The participant as a Document JSON object."""
        out: dict[str, Any] = {
            "label": self.label, "name": self.name, "role": self.role, "side": self.side,
        }
        if self.ref is not None:
            out["ref"] = self.ref
        return out


@dataclass(slots=True)
class Origin:
    """Where a parsed record came from: the input file, its hash and the reader that read it."""

    path: str
    format: str
    sha256: str
    reader_version: str

    def to_json(self) -> dict[str, Any]:
        """The origin as a Document JSON object."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(slots=True)
class Collection:
    """A collection a record belongs to, such as a FRUS volume."""

    id: str | None
    title: str | None

    def to_json(self) -> dict[str, Any]:
        """The collection as a Document JSON object."""
        return {"id": self.id, "title": self.title}


# Optional keys are written only when the source has them (not None, not empty).
_OPTIONAL = ("date_end", "place", "doc_number", "classification", "drafted_by", "local_id")


@dataclass(slots=True)
class DocumentRecord:
    """One record of a conversation, as a reader emits it.

    >>> DocumentRecord(title="Record of a Meeting").to_json()["date"] is None
    True
    """

    title: str | None = None
    date: str | None = None
    date_text: str | None = None
    time_start: str | None = None
    time_end: str | None = None
    doc_type: str | None = None
    summary: str | None = None
    original_heading: str | None = None
    source: Source = field(default_factory=Source)
    contributors: list[str] = field(default_factory=list)
    translators: list[str] = field(default_factory=list)
    funders: list[str] = field(default_factory=list)
    rights: str | None = None
    uploaded: str | None = None
    languages: list[str] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    body: list[BodyItem] = field(default_factory=list)
    origin: Origin | None = None
    complete: bool = True
    # optional keys
    date_end: str | None = None
    place: str | None = None
    doc_number: str | None = None
    classification: str | None = None
    drafted_by: str | None = None
    local_id: str | None = None
    collection: Collection | None = None
    notes: list[Note] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def turns(self) -> list[BodyItem]:
        """The body's turns, in source order."""
        return [item for item in self.body if item.kind == "turn"]

    def to_json(self) -> dict[str, Any]:
        """The record as a Document JSON object."""
        out: dict[str, Any] = {
            "title": self.title,
            "date": self.date,
            "date_text": self.date_text,
            "time_start": self.time_start,
            "time_end": self.time_end,
            "doc_type": self.doc_type,
            "summary": self.summary,
            "original_heading": self.original_heading,
            "source": self.source.to_json(),
            "contributors": list(self.contributors),
            "translators": list(self.translators),
            "funders": list(self.funders),
            "rights": self.rights,
            "uploaded": self.uploaded,
            "languages": list(self.languages),
            "participants": [p.to_json() for p in self.participants],
            "body": [item.to_json() for item in self.body],
            "origin": self.origin.to_json() if self.origin else None,
            "complete": self.complete,
        }
        for key in _OPTIONAL:
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        if self.collection is not None:
            out["collection"] = self.collection.to_json()
        if self.notes:
            out["notes"] = [n.to_json() for n in self.notes]
        for key, value in self.extra.items():
            out.setdefault(key, value)
        return out

    def to_json_line(self) -> str:
        """The record as one line of JSON Lines (non-ASCII kept as is)."""
        return json.dumps(self.to_json(), ensure_ascii=False)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DocumentRecord:
        """Rebuild a record from its Document JSON object."""
        known = {f.name for f in fields(cls)} - {"extra"}
        origin = data.get("origin")
        collection = data.get("collection")
        return cls(
            title=data.get("title"),
            date=data.get("date"),
            date_text=data.get("date_text"),
            time_start=data.get("time_start"),
            time_end=data.get("time_end"),
            doc_type=data.get("doc_type"),
            summary=data.get("summary"),
            original_heading=data.get("original_heading"),
            source=Source(**(data.get("source") or {})),
            contributors=list(data.get("contributors") or []),
            translators=list(data.get("translators") or []),
            funders=list(data.get("funders") or []),
            rights=data.get("rights"),
            uploaded=data.get("uploaded"),
            languages=list(data.get("languages") or []),
            participants=[Participant(**p) for p in data.get("participants") or []],
            body=[BodyItem.from_json(b) for b in data.get("body") or []],
            origin=Origin(**origin) if origin else None,
            complete=bool(data.get("complete", True)),
            date_end=data.get("date_end"),
            place=data.get("place"),
            doc_number=data.get("doc_number"),
            classification=data.get("classification"),
            drafted_by=data.get("drafted_by"),
            local_id=data.get("local_id"),
            collection=Collection(**collection) if collection else None,
            notes=[Note.from_json(n) for n in data.get("notes") or []],
            extra={k: v for k, v in data.items() if k not in known},
        )
