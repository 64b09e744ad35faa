"""The "Document Information" block of an archive page, and the page's lists after it.

Copied pages often lose the block's field labels ("Source", "Rights", "Type", "Donors/Funders")
while keeping others ("Original Uploaded Date", "Record ID"), and empty values vanish with
them; other copies keep every label, alone on its line, before the value ("Record ID: 119381")
or beside it ("Record ID 119381"). The block is therefore read in its fixed order, each value
checked by its form: the citation, the rights paragraphs, the upload date (only if it is a
date), the type, languages, the record id (only if it looks like one), the funders. The page's
lists ("Associated People & Organizations", "Associated Places", "Subjects Discussed", "Related
Documents") are kept apart, each under its own key; the site's footer ("© 2024 …") ends it all.
The citation's parts are read by ``memcon.readers.archive_citation``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from memcon.model.dates import match_date

__all__ = ["INFO_HEADING", "SECTION_HEADINGS", "DocumentInfo", "is_language_name",
           "read_document_info", "upload_date"]

INFO_HEADING = "document information"

# The block's field labels, as the page writes them (case-insensitive), to our slots.
_LABELS = {
    "source": "source",
    "sources": "source",
    "rights": "rights",
    "original uploaded date": "uploaded",
    "uploaded date": "uploaded",
    "date uploaded": "uploaded",
    "type": "type",
    "document type": "type",
    "language": "language",
    "languages": "language",
    "original language": "language",
    "record id": "record_id",
    "donors/funders": "funders",
    "donors / funders": "funders",
    "funders": "funders",
    "funder": "funders",
    "donors": "funders",
    "donor": "funders",
}
# The page's lists that may follow the record (or its information block), by heading, to the
# key each is kept under.
SECTIONS = {
    "associated people & organizations": "associated_people",
    "associated people and organizations": "associated_people",
    "associated people": "associated_people",
    "associated organizations": "associated_people",
    "associated places": "associated_places",
    "geographic": "associated_places",
    "associated topics": "subjects",
    "subjects discussed": "subjects",
    "keywords": "subjects",
    "themes": "subjects",
    "related documents": "related_documents",
    "collections": "archive_collections",
    "original archive": "original_archive",
}
SECTION_HEADINGS = frozenset({INFO_HEADING, *SECTIONS})
_FOOTER = re.compile(r"^(?:©|\(c\)\s*\d{4}|copyright\s+(?:©|\(c\)|\d{4}))", re.IGNORECASE)
# Labels written beside their value without a colon ("Record ID 119381"), longest first.
_INLINE_LABELS = sorted(_LABELS, key=len, reverse=True)
_RIGHTS = re.compile(r"\b(?:rights?|copyright|reuse|permission|licen[cs]e|reproduce|enquire|"
                     r"inquire)\b", re.IGNORECASE)
_RECORD_ID = re.compile(r"^(?=.*\d)[A-Za-z0-9][\w./:-]{0,39}$")
_US_DATE = re.compile(r"^(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})$")
LANGUAGE_NAMES = frozenset(
    str.split("""
    english russian chinese german french japanese korean vietnamese polish czech hungarian
    romanian bulgarian mongolian albanian serbian croatian serbo-croatian slovak slovenian
    macedonian italian spanish portuguese arabic persian farsi hebrew turkish hindi urdu greek
    finnish swedish norwegian danish dutch ukrainian belarusian georgian armenian azerbaijani
    kazakh uzbek estonian latvian lithuanian khmer lao thai indonesian malay burmese tibetan
    uyghur amharic swahili yiddish icelandic bengali tamil pashto dari kurdish
    """)
)

@dataclass(slots=True)
class DocumentInfo:
    """The values of a "Document Information" block, as written; None or empty where absent."""

    citation: str | None = None
    rights: str | None = None
    uploaded: str | None = None
    doc_type: str | None = None
    languages: list[str] = field(default_factory=list)
    record_id: str | None = None
    funders: list[str] = field(default_factory=list)
    labels: set[str] = field(default_factory=set)
    # the page's lists, under the keys of SECTIONS ("subjects": ["Korean War", …])
    sections: dict[str, list[str]] = field(default_factory=dict)


def is_language_name(text: str) -> bool:
    """True for a language name or a list of them ("Russian", "Chinese, English")."""
    words = [w.strip().casefold() for w in re.split(r",|\band\b", text)]
    return all(w in LANGUAGE_NAMES for w in words if w) and any(words)


def upload_date(text: str) -> str | None:
    """The ISO date of an "Original Uploaded Date" value, or None when it is not a date."""
    found = match_date(text)
    if found is not None:
        return found.iso
    us = _US_DATE.match(text.strip())
    if us and 1 <= int(us["m"]) <= 12 and 1 <= int(us["d"]) <= 31:
        return f"{us['y']}-{int(us['m']):02d}-{int(us['d']):02d}"
    return None


def _fits(slot: str, value: str) -> bool:
    """True when ``value`` has the form of the slot's values (for a label written beside it)."""
    if slot == "uploaded":
        return upload_date(value) is not None
    if slot == "record_id":
        return bool(_RECORD_ID.match(value))
    if slot == "language":
        return is_language_name(value)
    if slot == "type":
        return len(value) <= 80 and not value.rstrip().endswith(".")
    return True


def _field_label(paragraph: str) -> tuple[str, str] | None:
    """The slot a label line names and any value written after it on the same line."""
    label, _, value = paragraph.partition(":")
    key = " ".join(label.split()).casefold()
    if key in _LABELS:
        return _LABELS[key], value.strip()
    key = " ".join(paragraph.split()).casefold().rstrip(":")
    if key in _LABELS:
        return _LABELS[key], ""
    if key in SECTIONS:
        return "section:" + SECTIONS[key], ""
    if paragraph[:1].isupper():
        for name in _INLINE_LABELS:
            if key.startswith(name + " "):
                written = paragraph.split(None, len(name.split()))[-1]
                if _fits(_LABELS[name], written):
                    return _LABELS[name], written.strip()
    return None


def read_document_info(paragraphs: Sequence[str]) -> DocumentInfo:
    """The block's values, from the paragraphs after its "Document Information" heading."""
    info = DocumentInfo()
    citation: list[str] = []
    rights: list[str] = []
    slot = "source"
    for paragraph in paragraphs:
        if _FOOTER.match(paragraph):
            break
        labelled = _field_label(paragraph)
        if labelled is not None:
            slot, value = labelled
            info.labels.add(slot)
            if not value:
                continue
            paragraph = value
        slot = _place_value(info, slot, paragraph, citation, rights)
    info.citation = " ".join(citation) or None
    info.rights = "\n\n".join(rights) or None
    return info


def _place_value(info: DocumentInfo, slot: str, value: str, citation: list[str],
                 rights: list[str]) -> str:
    """Put one value where it belongs, moving on through the block's order; return the slot."""
    if slot.startswith("section:"):
        info.sections.setdefault(slot.removeprefix("section:"), []).append(value)
        return slot
    if slot == "source":
        if not _RIGHTS.search(value):
            citation.append(value)
            return slot
        slot = "rights"
    if slot == "rights":
        if _RIGHTS.search(value) or not rights:
            rights.append(value)
            return slot
        slot = "uploaded"
    if slot == "uploaded":
        date = upload_date(value)
        if date is not None and info.uploaded is None:
            info.uploaded = date
            return slot
        slot = "type"
    if slot in ("type", "language"):
        if is_language_name(value):
            info.languages.append(value)
            return "language"
        if slot == "type" and info.doc_type is None and not _RECORD_ID.match(value):
            info.doc_type = value
            return slot
        slot = "record_id"
    if slot == "record_id":
        if info.record_id is None and _RECORD_ID.match(value):
            info.record_id = value
            return slot
        slot = "funders"
    info.funders.append(value)
    return slot
