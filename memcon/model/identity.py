"""Stable, readable record ids: ``1945-08-10-soong-stalin``, ``frus1969-76ve13-d88``.

>>> from memcon.model import DocumentRecord
>>> suggest_id(DocumentRecord(title="Record of a Meeting Between T.V. Soong and Stalin",
...                           date="1945-08-10"))
'1945-08-10-soong-stalin'
"""

from __future__ import annotations

import re
import unicodedata

from memcon.model.record import DocumentRecord

_STOP = {
    "a", "an", "and", "the", "of", "on", "in", "at", "to", "for", "with", "between", "by",
    "from", "record", "records", "meeting", "memorandum", "conversation", "minutes",
    "notes", "talk", "talks", "transcript", "telegram", "letter", "excerpt",
    "comrade", "mr", "dr", "president", "premier", "secretary", "general", "chairman",
}
# letters that Unicode decomposition leaves without an ASCII base
_ASCII_FOLDS = str.maketrans({"Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d",
                              "ß": "ss", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe",
                              "Þ": "Th", "þ": "th", "ı": "i"})
_BETWEEN = re.compile(r"\bbetween\s+(.+?)\s+and\s+(.+?)(?:[,;(]|\bon\b|\bin\b|$)", re.IGNORECASE)


def slugify(text: str, max_words: int = 6) -> str:
    """Lower-case ASCII words joined by hyphens, stop words left out."""
    folded = unicodedata.normalize("NFKD", text.translate(_ASCII_FOLDS))
    ascii_text = folded.encode("ascii", "ignore").decode()
    words = [w for w in re.findall(r"[a-z0-9]+", ascii_text.lower()) if w not in _STOP]
    return "-".join(words[:max_words])


def _surname(name: str) -> str:
    words = re.findall(r"[^\W\d_]+", unicodedata.normalize("NFKD", name))
    words = [w for w in words if len(w) > 1 and w.lower() not in _STOP]
    return words[-1] if words else ""


def suggest_id(record: DocumentRecord) -> str:
    """A readable id for a record; the store makes it unique by adding ``-2``, ``-3``…"""
    if record.collection and record.collection.id and record.local_id:
        return slugify(f"{record.collection.id}-{record.local_id}", max_words=12) or "record"
    title = record.title or record.original_heading or ""
    between = _BETWEEN.search(title)
    if between:
        words = slugify(f"{_surname(between.group(1))} {_surname(between.group(2))}")
    else:
        words = slugify(title)
    parts = [p for p in (record.date, words) if p]
    return "-".join(parts) or "record"
