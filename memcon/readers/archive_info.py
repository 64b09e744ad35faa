"""The "Document Information" block of an archive page, and the parts of its source citation.

Copied pages often lose the block's field labels ("Source", "Rights", "Type", "Donors/Funders")
while keeping others ("Original Uploaded Date", "Record ID"), and empty values vanish with
them. The block is therefore read in its fixed order, each value checked by its form: the
citation, the rights paragraphs, the upload date (only if it is a date), the type, languages,
the record id (only if it looks like one), the funders.

>>> parts = split_citation("Victor Hoo Collection, box 6, folder 9, Hoover Institution Archives. "
...                        "Contributed by David Wolff.")
>>> parts.repository, parts.collection, parts.box, parts.folder, parts.contributors
('Hoover Institution Archives', 'Victor Hoo Collection', '6', '9', ['David Wolff'])
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from memcon.model.dates import match_date

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
# Page sections that may follow the record; their contents are kept under their heading.
SECTION_HEADINGS = frozenset({
    "document information", "associated people & organizations",
    "associated people and organizations", "associated places", "associated topics",
    "subjects discussed", "related documents", "keywords", "themes", "geographic",
    "collections", "original archive",
})
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
_CREDIT = re.compile(
    r"\b(?P<verbs>(?:contributed|obtained|donated|provided|translated|transcribed)"
    r"(?:\s*(?:,|and|&)\s*(?:contributed|obtained|donated|provided|translated|transcribed))*)"
    r"(?:\s+(?:for|to|from)\s+[^.;]{0,200}?)?\s+by\s+",
    re.IGNORECASE,
)
_ABBREVIATIONS = frozenset({"st", "mr", "dr", "no", "nr", "vol", "dept", "gen", "jr", "sr", "co",
                            "inc", "ltd", "ed", "eds", "nos", "pp"})
_REPOSITORY = re.compile(r"\b(?:archives?|archiv|arquivo|archivo|archiwum|library|institution|"
                         r"institute|museum|ministry|office|center|centre|bundesarchiv|"
                         r"university)\b", re.IGNORECASE)
_COLLECTION = re.compile(r"\b(?:collection|papers|files|records|fonds?)\b", re.IGNORECASE)
_UNIT = re.compile(r"^(?P<unit>box|bx\.?|folder|fldr\.?|series)\s+(?P<value>\S.*)$",
                   re.IGNORECASE)


@dataclass(slots=True)
class CitationParts:
    """What a source citation says: where the record is held, and who provided and translated it."""

    repository: str | None = None
    collection: str | None = None
    series: str | None = None
    box: str | None = None
    folder: str | None = None
    contributors: list[str] = field(default_factory=list)
    translators: list[str] = field(default_factory=list)


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
    sections: dict[str, list[str]] = field(default_factory=dict)


def _sentence_ends(text: str) -> list[int]:
    """Offsets just after each sentence-ending period (not after initials or abbreviations)."""
    ends = []
    for match in re.finditer(r"\.(?=\s+[A-Z\[(\"“]|\s*$)", text):
        word = re.search(r"([^\W\d_]+)$", text[max(0, match.start() - 40):match.start()])
        if word and len(word.group(1)) > 1 and word.group(1).casefold() not in _ABBREVIATIONS:
            ends.append(match.end())
    return ends


def _names(text: str) -> list[str]:
    """The names of a credit ("David Wolff", "A, B and C")."""
    text = re.sub(r"(?:,|\s+and|\s*&)\s*$", "", text.strip()).strip().rstrip(".")
    return [n.strip() for n in re.split(r",\s*(?:and\s+)?|\s+and\s+", text) if n.strip()]


def _credits(citation: str, parts: CitationParts) -> int:
    """Fill contributors and translators; return where the first credit's sentence starts."""
    matches = list(_CREDIT.finditer(citation))
    if not matches:
        return len(citation)
    ends = _sentence_ends(citation)
    for number, match in enumerate(matches):
        stop = next((e for e in ends if e > match.end()), len(citation))
        if number + 1 < len(matches):
            stop = min(stop, matches[number + 1].start())
        semicolon = citation.find(";", match.end())
        if semicolon != -1:
            stop = min(stop, semicolon)
        names = _names(citation[match.end():stop])
        verbs = match["verbs"].casefold()
        if re.search(r"contributed|obtained|donated|provided", verbs):
            parts.contributors.extend(names)
        if re.search(r"translated|transcribed", verbs):
            parts.translators.extend(names)
    first = matches[0].start()
    return max([e for e in ends if e <= first], default=first)


def _commas(text: str) -> list[str]:
    """Comma-separated parts, not splitting inside parentheses."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for char in text:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        if char == "," and depth <= 0:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    parts.append("".join(current).strip())
    return [p for p in parts if p]


def split_citation(citation: str) -> CitationParts:
    """The repository, collection, series, box, folder and credits a citation names."""
    parts = CitationParts()
    holding_end = _credits(citation, parts)
    holding = citation[:holding_end]
    ends = _sentence_ends(holding)
    if ends:
        holding = holding[:ends[0]]
    for part in _commas(holding.strip().rstrip(".")):
        unit = _UNIT.match(part)
        if unit:
            name = unit["unit"].casefold().rstrip(".")
            slot = {"bx": "box", "fldr": "folder"}.get(name, name)
            if getattr(parts, slot) is None:
                setattr(parts, slot, unit["value"].strip())
        elif _REPOSITORY.search(part):
            parts.repository = parts.repository or part
        elif _COLLECTION.search(part):
            parts.collection = parts.collection or part
        elif part.endswith(" Series"):
            parts.series = parts.series or part
    return parts


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


def _field_label(paragraph: str) -> tuple[str, str] | None:
    """The slot a label line names and any value written after it on the same line."""
    label, _, value = paragraph.partition(":")
    key = " ".join(label.split()).casefold()
    if key in _LABELS:
        return _LABELS[key], value.strip()
    key = " ".join(paragraph.split()).casefold().rstrip(":")
    if key in _LABELS:
        return _LABELS[key], ""
    if key in SECTION_HEADINGS and key != INFO_HEADING:
        return "section:" + paragraph.strip().rstrip(":"), ""
    return None


def read_document_info(paragraphs: Sequence[str]) -> DocumentInfo:
    """The block's values, from the paragraphs after its "Document Information" heading."""
    info = DocumentInfo()
    citation: list[str] = []
    rights: list[str] = []
    slot = "source"
    for paragraph in paragraphs:
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
