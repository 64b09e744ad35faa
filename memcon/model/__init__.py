"""The pure document model: records, body items, dates. Imports no Django."""

from memcon.model.body import BODY_KINDS, BodyItem, Note
from memcon.model.record import Collection, DocumentRecord, Origin, Participant, Source

__all__ = [
    "BODY_KINDS",
    "BodyItem",
    "Collection",
    "DocumentRecord",
    "Note",
    "Origin",
    "Participant",
    "Source",
]
