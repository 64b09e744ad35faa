"""Reader for plain-text and Markdown transcripts, including transcripts copied from web sites.

What it reads: ``NAME: text`` turns (``THE PRESIDENT:``, ``Q:``/``A:``, ``**Name:**`` in
Markdown), unlabelled continuation paragraphs, stage directions on their own line in
parentheses or short square brackets ("[Laughter]"), gaps ("[inaudible]", "[ILLEGIBLE]"),
Markdown headings, optional YAML front matter (see ``memcon.readers.front_matter``).

A page copied from a web site keeps its furniture: navigation and footer lines go to the
record's ``furniture`` key, never to the body; a "Source:" line becomes the source citation;
classification stamps ("TOP SECRET", "SECRET//NODIS") are headings that end any turn; a
covering letter (salutation … "Sincerely," and signature) stays as paragraphs and its date is
never the record's. The record's date is the front matter's, else the dateline or "Date:" line
at the head of the transcript (just above its first turn), else a date line of the page
outside any letter. Speaker labels are decided by ``memcon.transcript.segment``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from memcon.errors import InputError
from memcon.model import BodyItem, DocumentRecord, Participant, Source
from memcon.model.body import BodyKind
from memcon.readers.front_matter import has_front_matter, split_front_matter
from memcon.readers.inputs import InputFile
from memcon.readers.transcript_text import (
    Paragraph,
    find_letters,
    is_navigation,
    is_rule,
    is_stamp,
    split_paragraphs,
    unbold_label,
)
from memcon.transcript.header import (
    RECORD_WORDS,
    RecordHead,
    looks_like_heading,
    read_dateline,
    read_head,
)
from memcon.transcript.labels import split_label
from memcon.transcript.language import is_english
from memcon.transcript.participants import with_speakers
from memcon.transcript.segment import block_kind, segment, speaker_labels

NAME = "transcript"
VERSION = "1.0"

# Stand-ins shown to the segmenter for paragraphs this reader has already classified:
# a bracketed editorial paragraph ends the turn before it, a stage direction or a gap lets
# the speaker go on after it. The paragraphs themselves are restored, unchanged, afterwards.
_ENDS_TURN = "[note]"
_STAGE = "(stage)"
_GAP = "[illegible]"
_MAX_HEAD = 12
_SHORT_BRACKET = re.compile(r"^\[[^\[\].!?]{1,40}\]$")
_INAUDIBLE = re.compile(r"inaudible|unintelligible|indistinct|garbled", re.IGNORECASE)
_AFTER_END = re.compile(r"^(?:\(signed\)|/s/|signed\b|drafted by|approved by|cleared by|"
                        r"distribution|cc|copies to|attachment|enclosure)\b", re.IGNORECASE)
_END_MARK = re.compile(r"^(?:END\b|# # #|###$|-\s*30\s*-$)")  # press-release end marks
_DOC_TYPES = (
    (re.compile(r"\bmemorandum of (?:a )?conversation\b", re.I), "Memorandum of Conversation"),
    (re.compile(r"\bmemorandum for the record\b", re.I), "Memorandum for the Record"),
    (re.compile(r"\brecord of (?:a |the )?conversation\b", re.I), "Record of Conversation"),
    (re.compile(r"\b(?:press|news) conference\b", re.I), "Press Conference"),
    (re.compile(r"\binterview\b", re.I), "Interview"),
    (re.compile(r"\btranscript\b", re.I), "Transcript"),
    (re.compile(r"\bminutes\b", re.I), "Minutes"),
    (re.compile(r"\btelegram\b", re.I), "Telegram"),
)
_TITLE_WORDS = re.compile(r"\b(?:{})\b".format("|".join((
    *RECORD_WORDS, "conference", "hearing", "briefing", "remarks", "summit", "debate",
    "exchange", "audience", "dialogue",
))), re.IGNORECASE)
_SECTION_WORDS = frozenset({"notes", "footnotes", "endnotes", "references", "sources",
                            "comments", "tags", "keywords", "related", "bibliography"})
_MARKUP = re.compile(r"\A[\s\ufeff]*<")


def _roles(texts: Sequence[str], paragraphs: Sequence[Paragraph]) -> dict[int, str]:
    """Paragraphs classified before segmentation: headings, stamps, letters, stages, gaps."""
    roles: dict[int, str] = {}
    for letter in find_letters(texts):
        roles.update(dict.fromkeys(range(letter.start, letter.end), "letter"))
    for index, (text, paragraph) in enumerate(zip(texts, paragraphs, strict=True)):
        if index in roles:
            continue
        if paragraph.heading:
            roles[index] = "heading"
        elif is_stamp(text):
            roles[index] = "stamp"
        elif (kind := block_kind(text)) == "gap" or (kind and _INAUDIBLE.search(text)):
            roles[index] = "gap"
        elif kind == "paragraph" and _SHORT_BRACKET.match(text):
            roles[index] = "stage"
    return roles


def _view(text: str, role: str | None) -> str:
    if role == "stage":
        return _STAGE
    if role == "gap":
        return _GAP
    if role is not None:
        return _ENDS_TURN
    return unbold_label(text)


def _head(texts: Sequence[str], start: int, first_turn: int) -> tuple[int, RecordHead]:
    """The longest run of head paragraphs (headings, dateline, fields) right above the turns."""
    if first_turn < len(texts):
        for begin in range(max(start, first_turn - _MAX_HEAD), first_turn):
            head = read_head(texts[begin:first_turn])
            if begin + head.end == first_turn:
                return begin, head
    return start, read_head(texts[start:first_turn])


def _section_heading(text: str) -> bool:
    """A page section's heading after a transcript: "Document Information", "Related Documents"."""
    words = text.split()
    if "\n" in text or not 1 <= len(words) <= 8 or text.endswith((".", "?", "!", ",", ";")):
        return False
    if len(words) == 1:
        return text.rstrip(":").casefold() in _SECTION_WORDS
    return all(w[0].isupper() or w in ("of", "and", "the", "&", "to", "for", "in") for w in words)


def _doc_type(*texts: str | None) -> str | None:
    for text in texts:
        for pattern, name in _DOC_TYPES:
            if text and pattern.search(text):
                return name
    return None


class _Page:
    """One transcript's paragraphs, their classification, and the record built from them."""

    def __init__(self, text: str, path: str) -> None:
        self.fields, body, first_line = split_front_matter(text, path)
        self.furniture: list[str] = []
        self.citation: str | None = None
        self.paragraphs: list[Paragraph] = []
        for paragraph in split_paragraphs(body, first_line):
            if not paragraph.heading and (is_rule(paragraph.text)
                                          or is_navigation(paragraph.text)):
                self.furniture.append(paragraph.text)
                continue
            label = split_label(paragraph.text)
            if label is not None and label.key in ("source", "sources") and label.rest:
                self.citation = self.citation or label.rest
                continue
            self.paragraphs.append(paragraph)
        self.texts = [p.text for p in self.paragraphs]
        self.roles = _roles(self.texts, self.paragraphs)

    def known(self, listed: Sequence[Participant]) -> list[str]:
        return [n for p in listed for n in (p.name, p.label) if n]

    def build(self) -> DocumentRecord:
        fields = self.fields
        views = [_view(t, self.roles.get(i)) for i, t in enumerate(self.texts)]
        listed: list[Participant] = fields.get("participants", [])
        labels = speaker_labels(views, known=self.known(listed))
        turn_at = [i for i, label in enumerate(labels) if label is not None]
        first_turn = turn_at[0] if turn_at else len(views)
        letters_before = [i for i in range(first_turn) if self.roles.get(i) == "letter"]
        start = letters_before[-1] + 1 if letters_before else 0
        begin, head = _head(self.texts, start, first_turn)
        if turn_at:
            self._mark_after_end(turn_at[-1])
            views = [_view(t, self.roles.get(i)) for i, t in enumerate(self.texts)]
        listed = listed or head.participants
        segments = segment(views[first_turn:], known=self.known(listed))

        record = DocumentRecord()
        title_at = self._title(begin, head)
        record.body = self._page_items(begin, title_at)
        record.body += [BodyItem(kind, self.texts[begin + i], meta=self._meta(begin + i))
                        for i, kind in enumerate(head.kinds)]
        record.body += [BodyItem(kind, self.texts[i], meta=self._meta(i))
                        for i in range(begin + head.end, first_turn)
                        for kind in [self._kind(i, "paragraph")]]
        for seg in segments:
            index = first_turn + seg.first
            meta = self._meta(index)
            if seg.continued:
                meta["continued"] = True
            if seg.kind == "turn":
                record.body.append(BodyItem("turn", seg.text, speaker=seg.speaker, meta=meta))
            else:
                record.body.append(BodyItem(self._kind(index, seg.kind), self.texts[index],
                                            meta=meta))
        page_title = self.texts[title_at] if title_at is not None else None
        record.title = fields.get("title") or page_title
        headings = [self.texts[i] for i in self._head_headings(begin, head)
                    if _TITLE_WORDS.search(self.texts[i]) and self.texts[i] != record.title]
        record.original_heading = fields.get("original_heading") or next(iter(headings), None)
        self._dates(record, head, begin)
        record.participants = with_speakers(listed, record.turns)
        record.place = fields.get("place") or head.place or (
            head.dateline.place if head.dateline else None)
        stamps = [t for i, t in enumerate(self.texts) if self.roles.get(i) == "stamp"]
        record.classification = (fields.get("classification") or head.classification
                                 or (stamps[0] if stamps else None))
        record.doc_type = fields.get("doc_type") or _doc_type(record.original_heading,
                                                              record.title)
        record.summary = fields.get("summary") or head.fields.get("summary") or None
        source: Source = fields.get("source") or Source()
        source.citation = source.citation or self.citation
        record.source = source
        for key in ("contributors", "translators", "funders"):
            setattr(record, key, fields.get(key, []))
        record.rights = fields.get("rights")
        record.uploaded = fields.get("uploaded")
        record.drafted_by = fields.get("drafted_by")
        record.doc_number = fields.get("doc_number")
        record.date_end = fields.get("date_end")
        record.complete = fields.get("complete", True)
        body_text = "\n\n".join(item.text for item in record.body)
        record.languages = fields.get("languages") or (["en"] if is_english(body_text) else [])
        if "front_matter" in fields:
            record.extra["front_matter"] = fields["front_matter"]
        if self.furniture:
            record.extra["furniture"] = self.furniture
        return record

    def _mark_after_end(self, last_turn: int) -> None:
        """After the last turn, a signature, "Drafted by:", "cc:", a stamp or a page section's
        heading ends the transcript: what follows is not the last speaker's."""
        for index in range(last_turn + 1, len(self.texts)):
            if self.roles.get(index) in ("letter", "stamp", "heading") or \
                    _AFTER_END.match(self.texts[index]) or _END_MARK.match(self.texts[index]) \
                    or _section_heading(self.texts[index]):
                for rest in range(index, len(self.texts)):
                    self.roles.setdefault(rest, "after")
                return

    def _kind(self, index: int, default: BodyKind) -> BodyKind:
        role = self.roles.get(index)
        if role in ("heading", "stamp"):
            return "heading"
        if role in ("letter", "after"):
            return "paragraph"
        if role == "stage":
            return "stage"
        if role == "gap":
            return "gap"
        return default

    def _meta(self, index: int) -> dict[str, Any]:
        meta: dict[str, Any] = {"line": self.paragraphs[index].line}
        if self.roles.get(index) == "letter":
            meta["letter"] = True
        return meta

    def _title(self, begin: int, head: RecordHead) -> int | None:
        """The title: the first Markdown heading, else the first heading-like line above the
        turns that names a kind of record ("… Press Conference …"), else the first of them."""
        headings = [i for i, p in enumerate(self.paragraphs) if p.heading]
        if headings:
            return headings[0]
        candidates = [i for i in range(begin) if self.roles.get(i) is None
                      and looks_like_heading(self.texts[i]) and not read_dateline(self.texts[i])]
        candidates += self._head_headings(begin, head)
        named = [i for i in candidates if _TITLE_WORDS.search(self.texts[i])]
        return next(iter(named or candidates), None)

    def _head_headings(self, begin: int, head: RecordHead) -> list[int]:
        return [begin + k for k, kind in enumerate(head.kinds)
                if kind == "heading" and not is_stamp(self.texts[begin + k])]

    def _page_items(self, begin: int, title_at: int | None) -> list[BodyItem]:
        """Body items for the paragraphs above the transcript's head (page title, letters)."""
        items = []
        for index in range(begin):
            kind: BodyKind = "heading" if index == title_at else "paragraph"
            if self.roles.get(index) is None and read_dateline(self.texts[index]) is not None:
                kind = "dateline"
            items.append(BodyItem(self._kind(index, kind), self.texts[index],
                                  meta=self._meta(index)))
        return items

    def _dates(self, record: DocumentRecord, head: RecordHead, begin: int) -> None:
        fields = self.fields
        if "date" in fields:
            record.date, record.date_text = fields["date"], fields.get("date_text")
        elif head.dateline is not None and head.dateline.date is not None:
            record.date, record.date_text = head.dateline.date.iso, head.dateline.date_text
        else:
            for index in range(begin):
                dateline = read_dateline(self.texts[index])
                if self.roles.get(index) is None and dateline and dateline.date:
                    record.date, record.date_text = dateline.date.iso, dateline.date_text
                    break
        if "time_start" in fields or "time_end" in fields:
            record.time_start, record.time_end = fields.get("time_start"), fields.get("time_end")
        elif head.times is not None and "date" not in fields:
            record.time_start, record.time_end = head.times.start, head.times.end


def parse_transcript(text: str, path: str = "<text>") -> DocumentRecord:
    """One record from a plain-text or Markdown transcript."""
    if _MARKUP.match(text):
        raise InputError(path, "is markup (XML or HTML), not a plain-text transcript", line=1)
    page = _Page(text, path)
    if not page.paragraphs:
        raise InputError(path, "holds no text besides front matter and page furniture")
    return page.build()


def sniff(source: InputFile) -> int:
    """70 with YAML front matter, 60 with several ``LABEL: text`` lines, 10 for other text."""
    if source.starts_with_markup:
        return 0
    try:
        text = source.text
    except InputError:
        return 0
    head = text[:200_000]
    if _MARKUP.match(head):
        return 0
    if has_front_matter(head):
        return 70
    labelled = 0
    for line in head.splitlines()[:5000]:
        label = split_label(unbold_label(line.strip()))
        if label is not None and not label.field and label.rest:
            labelled += 1
            if labelled >= 3:
                return 60
    return 25 if labelled else 10


class TranscriptReader:
    """Plain-text and Markdown transcripts, with or without front matter and page furniture."""

    name = NAME
    version = VERSION
    description = "Plain-text and Markdown transcripts: NAME: text lines, Q:/A:, front matter"

    def sniff(self, source: InputFile) -> int:
        """Score by content: front matter, labelled lines; never XML or HTML."""
        return sniff(source)

    def read(self, source: InputFile) -> Iterator[DocumentRecord]:
        """Yield the transcript's one record."""
        yield parse_transcript(source.text, source.path)


READER = TranscriptReader()
