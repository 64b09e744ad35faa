"""Reader for archive web-page text: a record's page as copied from the archive's site.

The page, top to bottom: furniture ("Skip to content", maybe a teaser of another record); the
date line; the title; the funder line ("This document was made possible with support from …");
the record itself (heading, dateline, "Present:" list, speaker turns, stage directions); the
editor's summary; the page's lists and the "Document Information" block. Footnotes set after
the record's text become its notes. Every non-blank line is a paragraph, so
pages with blank lines, with single line breaks, with CRLF endings or with lines holding only a
non-breaking space all read alike. A page that stops before "Document Information" is cut off:
what is there is parsed and the record is marked incomplete.

>>> record = parse_page("Skip to content\\n\\nMarch 3, 1950\\n\\nTalks\\n\\nStalin: Yes.\\n\\n"
...                     "Mao: No.\\n\\nStalin and Mao talk.\\n\\nDocument Information\\n\\nRecord ID\\n")
>>> record.title, record.date, [t.speaker for t in record.turns], record.summary
('Talks', '1950-03-03', ['Stalin', 'Mao'], 'Stalin and Mao talk.')
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from memcon.errors import InputError
from memcon.model import BodyItem, DocumentRecord, Note
from memcon.model.dates import FoundDate, match_date, match_date_range
from memcon.readers.archive_citation import SplitCitation, split_citation
from memcon.readers.archive_info import (
    INFO_HEADING,
    SECTION_HEADINGS,
    DocumentInfo,
    read_document_info,
)
from memcon.readers.inputs import InputFile
from memcon.transcript.header import RecordHead, read_head
from memcon.transcript.labels import split_label
from memcon.transcript.language import is_english
from memcon.transcript.notes import FoundNote, note_marker, trailing_notes
from memcon.transcript.participants import with_speakers
from memcon.transcript.segment import Segment, block_kind, segment

_SKIP = re.compile(r"^skip to (?:main )?content$", re.IGNORECASE)
_FUNDER = re.compile(
    r"^this document was made possible (?:with|by|through) (?:the )?(?:generous )?support "
    r"(?:from|of) (?:the )?(?P<who>.+?)\.?$",
    re.IGNORECASE,
)
_MARKUP = re.compile(r"^\s*<|<(?:html|body|tei|div|\?xml)\b", re.IGNORECASE)
_INFO_LINE = re.compile(r"^[ \t\u00a0]*Document Information[ \t\u00a0:]*$", re.MULTILINE)
_FUNDER_LINE = re.compile(r"^[ \t\u00a0]*This document was made possible", re.MULTILINE)
_SKIP_LINE = re.compile(r"^[ \t\u00a0]*Skip to (?:main )?content[ \t\u00a0]*$",
                        re.MULTILINE | re.IGNORECASE)
# The date line, title and funder line sit within the first paragraphs, below the site's
# navigation when the page was copied with it.
_HEAD_SPAN = 60


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A non-blank line of the page, stripped of whitespace at its ends, and its line number."""

    text: str
    line: int


def page_paragraphs(text: str) -> list[Paragraph]:
    """Every non-blank line as a paragraph (CR, LF and CRLF endings alike; NBSP is blank)."""
    lines = re.split(r"\r\n|\r|\n", text)
    return [Paragraph(line.strip(), number) for number, line in enumerate(lines, 1)
            if line.strip()]


@dataclass(slots=True)
class PageLayout:
    """Indices of the page's landmarks among its paragraphs (None where the page has none)."""

    date: int | None
    title: int | None
    funder: int | None
    start: int
    end: int
    summary: int | None
    info: int | None


def date_line(text: str | None) -> tuple[FoundDate, FoundDate | None] | None:
    """The date (and an end date) of a page's date line: "August 10, 1945", "1950 - 1953"."""
    found = match_date(text)
    if found is not None:
        return found, None
    return match_date_range(text)


def _is_info(text: str) -> bool:
    return text.casefold().rstrip(": ") == INFO_HEADING


def _title_like(text: str) -> bool:
    """True for a line that can be a page's title ("Mao Zedong: Speech at …", not "Mao: Yes.")."""
    label = split_label(text)
    spoken = label is not None and not label.field and label.rest.rstrip("\"'”’)").endswith(
        (".", "!", "?", "…"))
    return (len(text) <= 300 and date_line(text) is None and not _is_info(text)
            and not _FUNDER.match(text) and not spoken)


def _date_and_title(texts: Sequence[str], funder: int | None, limit: int) -> tuple[
        int | None, int | None]:
    """Where the date line and the title are: right above the funder line, else the first date."""
    if funder is not None:
        if funder >= 1 and date_line(texts[funder - 1]):
            return funder - 1, None
        title = funder - 1 if funder >= 1 and not _SKIP.match(texts[funder - 1]) else None
        if title is not None and title >= 1 and date_line(texts[title - 1]):
            return title - 1, title
        return None, title
    for index in range(min(limit, len(texts) - 1)):
        if date_line(texts[index]) and _title_like(texts[index + 1]):
            return index, index + 1
    return None, None


def _is_summary(text: str) -> bool:
    """True for a paragraph that can be the editors' summary: prose of a sentence or more.

    A record that has no summary ends with its own last paragraph, often a signature
    ("A. Puzanov") or a closing line: those are not sentences, so they stay in the record.
    """
    label = split_label(text)
    sentence = len(text.split()) >= 3 and text.rstrip(" \"'”’)").endswith((".", "!", "?", "…"))
    return sentence and block_kind(text) is None and (
        label is None or label.field or label.shape == "phrase")


def find_layout(texts: Sequence[str]) -> PageLayout:
    """The page's landmarks: date line, title, funder line, record, summary, information block."""
    info = next((i for i, t in enumerate(texts) if _is_info(t)), None)
    limit = min(info if info is not None else len(texts), _HEAD_SPAN)
    funder = next((i for i in range(limit) if _FUNDER.match(texts[i])), None)
    date, title = _date_and_title(texts, funder, limit)
    marks = [i for i in (date, title, funder) if i is not None]
    if marks:
        start = max(marks) + 1
    else:
        start = next((i for i, t in enumerate(texts) if not _SKIP.match(t)), len(texts))
    end = next((i for i in range(start, len(texts))
                if texts[i].casefold().rstrip(": ") in SECTION_HEADINGS), len(texts))
    summary = None
    if info is not None and end - 1 >= start and _is_summary(texts[end - 1]):
        summary = end - 1
    return PageLayout(date, title, funder, start, end, summary, info)


def _body(head: RecordHead, paragraphs: Sequence[Paragraph],
          segments: Sequence[Segment]) -> list[BodyItem]:
    items = [BodyItem(kind, paragraphs[i].text, meta={"line": paragraphs[i].line})
             for i, kind in enumerate(head.kinds)]
    for seg in segments:
        meta: dict[str, object] = {"line": paragraphs[head.end + seg.first].line}
        if seg.continued:
            meta["continued"] = True
        items.append(BodyItem(seg.kind, seg.text, speaker=seg.speaker, meta=meta))
    return items


def _notes(body: Sequence[BodyItem], found: Sequence[FoundNote]) -> list[Note]:
    """The record's notes, each anchored to the first body item that marks it."""
    notes = []
    for note in found:
        markers = note_marker(note.n)
        anchor = next((i for i, item in enumerate(body)
                       if any(marker in item.text for marker in markers)), None)
        notes.append(Note(note.n, note.text, anchor))
    return notes


def _dates(record: DocumentRecord, head: RecordHead, written: str | None) -> None:
    """Date, date_text and times: the page's date line, made precise by the record's dateline."""
    page = date_line(written)
    record.date = page[0].iso if page else None
    record.date_end = page[1].iso if page and page[1] else None
    record.date_text = written
    dateline = head.dateline
    agrees = True
    if dateline is not None and dateline.date is not None and record.date_end is None:
        found = dateline.date.iso
        agrees = record.date is None or found.startswith(record.date) or record.date.startswith(found)
        if agrees and len(found) >= len(record.date or ""):
            record.date, record.date_text = found, dateline.date_text
    times = head.times
    if times is not None and agrees:
        record.time_start, record.time_end = times.start, times.end


def _funders(line: str | None, info: DocumentInfo) -> list[str]:
    """Funders as the block lists them, confirmed by the funder line when the page has one."""
    listed = [f for f in info.funders if len(f) <= 150]
    if line is None:
        return listed
    confirmed = [f for f in listed if f in line]
    return confirmed or [line]


def parse_page(text: str, path: str = "<text>") -> DocumentRecord:
    """One record from the text of an archive page; InputError if it is not such a page."""
    paragraphs = page_paragraphs(text)
    texts = [p.text for p in paragraphs]
    layout = find_layout(texts)
    if layout.date is None and layout.funder is None and layout.info is None:
        raise InputError(path, "is not an archive page: no date line, no funder line and no "
                               '"Document Information"', line=1)
    record_end = layout.summary if layout.summary is not None else layout.end
    notes_at, found_notes = trailing_notes(texts[layout.start:record_end])
    record_paragraphs = paragraphs[layout.start:layout.start + notes_at]
    head = read_head([p.text for p in record_paragraphs])
    known = [p.name for p in head.participants if p.name]
    segments = segment([p.text for p in record_paragraphs[head.end:]], known=known)

    record = DocumentRecord()
    record.title = texts[layout.title] if layout.title is not None else None
    if head.heading is not None and head.heading != record.title:
        record.original_heading = head.heading
    _dates(record, head, texts[layout.date] if layout.date is not None else None)
    record.body = _body(head, record_paragraphs, segments)
    record.notes = _notes(record.body, found_notes)
    record.participants = with_speakers(head.participants, record.turns)
    record.summary = texts[layout.summary] if layout.summary is not None else None
    record.place = head.place or (head.dateline.place if head.dateline else None)
    record.classification = head.classification
    if head.fields.get("subject"):
        record.extra["subject"] = head.fields["subject"]
    body_text = "\n\n".join(item.text for item in record.body)
    record.languages = ["en"] if is_english(body_text) else []

    funder_match = _FUNDER.match(texts[layout.funder]) if layout.funder is not None else None
    funder_line = funder_match["who"] if funder_match else None
    if layout.info is not None:
        info = read_document_info(texts[layout.info + 1:])
        _apply_info(record, info, funder_line)
        record.complete = bool(info.labels or info.rights or info.doc_type)
    else:
        record.funders = [funder_line] if funder_line else []
        record.complete = False
    # the page's lists set between the summary and the information block
    lists = texts[layout.end:layout.info] if layout.info is not None else texts[layout.end:]
    if lists:
        for key, values in read_document_info(lists).sections.items():
            record.extra.setdefault(key, values)
    return record


def _apply_info(record: DocumentRecord, info: DocumentInfo, funder_line: str | None) -> None:
    parts = split_citation(info.citation) if info.citation else SplitCitation()
    record.source = parts.to_source(info.citation, info.record_id)
    record.contributors = parts.contributors
    record.translators = parts.translators
    if parts.units:
        record.extra["source_units"] = parts.units
    record.rights = info.rights
    record.uploaded = info.uploaded
    record.doc_type = info.doc_type
    record.funders = _funders(funder_line, info)
    if info.languages:
        record.extra["original_languages"] = info.languages
    record.extra.update(info.sections)


class ArchivePageReader:
    """The reader of archive web-page text (the reference record's format)."""

    name = "archive-page"
    version = "1.0"
    description = "Archive web-page text: a record's page copied from the archive's site."

    def sniff(self, source: InputFile) -> int:
        """High for the page's own markers; a modest score for any other plain text."""
        if source.starts_with_markup:
            return 0
        try:
            text = source.text.replace("\r\n", "\n").replace("\r", "\n")
        except InputError:
            return 0
        if _MARKUP.search(text[:4096]):
            return 0
        score = 20
        if _INFO_LINE.search(text):
            score += 40
        if _FUNDER_LINE.search(text[:20000]):
            score += 30
        if _SKIP_LINE.search(text[:2000]):
            score += 20
        texts = [p.text for p in page_paragraphs(text[:4000])][:_HEAD_SPAN]
        if any(date_line(t) for t in texts[:-1]):
            score += 10
        return min(score, 100)

    def read(self, source: InputFile) -> Iterator[DocumentRecord]:
        """Yield the page's one record."""
        text = source.text
        if _MARKUP.search(text[:4096]):
            raise InputError(source.path, "is markup (XML or HTML), not the text of an archive page",
                             line=1)
        yield parse_page(text, source.path)


READER = ArchivePageReader()
