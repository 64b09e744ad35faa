"""A record's citation line (Chicago notes style), built from plain values, not stored rows.

>>> cite(CitationParts(title="Record of a Meeting Between T.V. Soong and Stalin",
...     date="1945-08-10", collection="Victor Hoo Collection", box="6", folder="9",
...     repository="Hoover Institution Archives", contributors=["David Wolff"]))
'"Record of a Meeting Between T.V. Soong and Stalin," 10 August 1945, Victor Hoo Collection, box 6, folder 9, Hoover Institution Archives. Contributed by David Wolff.'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from memcon.model.dates import MONTH_NAMES

# Plain values in, text out: no Django here, so code outside the web layer could reuse it.


@dataclass(slots=True)
class CitationParts:
    """What a citation is made of; every part may be missing (None or empty)."""

    title: str | None = None
    date: str | None = None
    date_end: str | None = None
    date_text: str | None = None
    doc_type: str | None = None
    volume: str | None = None
    doc_number: str | None = None
    citation: str | None = None
    repository: str | None = None
    collection: str | None = None
    series: str | None = None
    box: str | None = None
    folder: str | None = None
    source_url: str | None = None
    contributors: Sequence[str] = field(default_factory=list)
    translators: Sequence[str] = field(default_factory=list)
    doc_id: str | None = None
    url: str | None = None


def format_date(iso: str | None) -> str | None:
    """An ISO date of any precision as a reader writes it: ``1945-08-10`` → ``10 August 1945``.

    >>> format_date("1945-08"), format_date("1945"), format_date("about then")
    ('August 1945', '1945', 'about then')
    """
    if not iso:
        return None
    parts = iso.split("-")
    try:
        numbers = [int(p) for p in parts]
    except ValueError:
        return iso
    if len(numbers) == 3 and 1 <= numbers[1] <= 12:
        return f"{numbers[2]} {MONTH_NAMES[numbers[1] - 1]} {numbers[0]}"
    if len(numbers) == 2 and 1 <= numbers[1] <= 12:
        return f"{MONTH_NAMES[numbers[1] - 1]} {numbers[0]}"
    if len(numbers) == 1:
        return str(numbers[0])
    return iso


def format_date_range(start: str | None, end: str | None) -> str | None:
    """A date, or an interval when ``end`` differs: ``10 August 1945 – 12 August 1945``."""
    first = format_date(start)
    last = format_date(end)
    if first and last and last != first:
        return f"{first} – {last}"
    return first or last


def join_names(names: Sequence[str]) -> str:
    """Names as a phrase: ``A``, ``A and B``, ``A, B, and C``."""
    names = [n for n in names if n]
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]


def _sentence(text: str) -> str:
    """``text`` closed with a full stop, unless it already ends a sentence."""
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def location(parts: CitationParts) -> str | None:
    """Where the record is held: the archival parts when known, else the citation as written."""
    pieces = [p for p in (parts.collection, parts.series) if p]
    if parts.box:
        pieces.append(f"box {parts.box}")
    if parts.folder:
        pieces.append(f"folder {parts.folder}")
    if parts.repository:
        pieces.append(parts.repository)
    if pieces:
        return ", ".join(pieces)
    if parts.citation:
        # a FRUS source note starts with its own label, which a citation does not repeat
        citation = re.sub(r"^\s*source\s*:\s*", "", parts.citation, flags=re.IGNORECASE)
        return citation.strip().rstrip(".") or None
    return None


def cite(parts: CitationParts) -> str:
    """The citation line of a record, followed by its own address in this archive when given."""
    title = (parts.title or parts.doc_type or "Untitled record").strip()
    head: list[str] = []
    head.append(format_date_range(parts.date, parts.date_end) or parts.date_text or "n.d.")
    if parts.volume:
        head.append(f"in {parts.volume}")
        if parts.doc_number:
            head.append(f"document {parts.doc_number}")
    where = location(parts)
    if where and where != parts.volume:
        head.append(where)
    sentences = [_sentence(f'"{title}," ' + ", ".join(head))]
    if parts.contributors:
        sentences.append(_sentence(f"Contributed by {join_names(parts.contributors)}"))
    if parts.translators:
        sentences.append(_sentence(f"Translated by {join_names(parts.translators)}"))
    if parts.source_url:
        sentences.append(_sentence(parts.source_url))
    if parts.doc_id and parts.url:
        sentences.append(f"Record {parts.doc_id}, {parts.url}.")
    elif parts.doc_id:
        sentences.append(f"Record {parts.doc_id}.")
    elif parts.url:
        sentences.append(_sentence(parts.url))
    return " ".join(sentences)
