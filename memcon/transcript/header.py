"""The head of a record, before its first turn: headings, classification, dateline, fields.

``read_head(paragraphs)`` walks the leading paragraphs of a record and stops at the first one
that is neither a heading, a classification marking, a dateline, a header field ("Place:
Moscow", "Subject: …") nor part of a "Present:" list. Each head paragraph keeps its kind, so a
reader can emit it as a body item in place.

>>> head = read_head(["Record of Meeting Between T. Soong and Stalin",
...                   "10 August, 1945 9:00 – 11:30 p.m.", "Stalin: The Japanese want to capitulate."])
>>> head.heading, head.dateline.date_text, head.end
('Record of Meeting Between T. Soong and Stalin', '10 August, 1945 9:00 – 11:30 p.m.', 2)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from memcon.model import Participant
from memcon.model.body import BodyKind
from memcon.model.dates import FoundDate, FoundTimes, find_date, find_time_range
from memcon.transcript.labels import field_label, split_label
from memcon.transcript.participants import read_present, split_names
from memcon.transcript.segment import block_kind

# A head never runs longer than this many paragraphs (a "Present:" list counts as one).
_MAX_HEAD = 12

_LEVEL = re.compile(
    r"^(?:(?:(?:top|strictly|most)[ \t\u00a0]+)?(?:secret|confidential|restricted|unclassified)"
    r"|(?:for[ \t\u00a0]+)?official[ \t\u00a0]+use[ \t\u00a0]+only)\b",
    re.IGNORECASE,
)
# What may follow the level: caveats ("Sensitive", "NODIS", "Eyes Only"), a copy number
_CAVEAT = re.compile(
    r"(?i:sensitive|(?:exclusively[ \t]+)?eyes[ \t]+only|nodis|exdis|limdis|personal|only|"
    r"special[ \t]+file|single[ \t]+copy|of[ \t]+special[ \t]+importance|"
    r"copy(?:[ \t]+no\.?)?[ \t]*\S+)|[A-Z]{2,8}(?:-\d)?"
)
_CAVEAT_SEPARATOR = re.compile(r"[\s;,./()–-]*")
# Handling markings that head a record without being its title or its classification
_MARKING = re.compile(
    r"^(?:(?:single|only|one)\s+copy|copy\s+no\.?\s*\S+|special\s+(?:file|folder)|"
    r"copying\s+(?:is\s+)?(?:prohibited|forbidden)|not\s+for\s+(?:publication|the\s+press)|"
    r"eyes\s+only|personal|urgent|immediate|flash|(?:top\s+)?priority)[.!]?$",
    re.IGNORECASE,
)
# Words (regular-expression alternatives) naming a kind of record, in any record's title; the
# transcript reader adds its own (press conferences, hearings) to these.
RECORD_WORDS = (
    "record", "records", "minutes", "memorandum", "memo", "conversation", "meeting", "talks?",
    "notes?", "telegram", "cable", "letter", "report", "transcript", "protocol", "excerpts?",
    "statement", "discussion", "interview", "session",
)
# ... and those that open the title of an archive's record ("Diary of…", "Answers to…")
_RECORD_WORD = "(?:{})".format("|".join((
    *RECORD_WORDS, "diary", "journal", "message", "speech", "instructions?", "directive",
    "resolution", "decree", "summary", "information", "appeal", "sitting", "plenum", "answers",
)))
# A title that opens with the kind of record ("Record of…", "Ciphered Telegram", "Minutes of…"),
# not a sentence that mentions one ("At the meeting Stalin said…", "The meeting began…").
_RECORD_TITLE = re.compile(
    rf"^(?!(?:at|in|on|during|after|before|the|a|an|when|while|from|by|with|following)\b)"
    rf"(?:[^\W\d_][\w'’.-]*\s+){{0,2}}?{_RECORD_WORD}\b",
    re.IGNORECASE,
)
# Words a dateline may hold besides its date, times and a place ("at", "hours", "p.m.").
_DATELINE_WORDS = frozenset(str.split(
    "at from to until till the of on in hours hrs h hr and time date place local a.m. p.m. "
    "am pm beginning began ending ended evening morning afternoon night noon midnight"
))
_PLACE_FIELDS = frozenset({"place", "location", "venue"})
# Fields naming the people who interpreted or took the record; they are participants too
_STAFF_FIELDS = frozenset({"interpreter", "interpreters", "recorder", "recorders",
                           "note-taker", "notetaker", "note taker", "stenographer",
                           "record keeper"})
_WEEKDAY = re.compile(r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b[,.]?\s*",
                      re.IGNORECASE)
# A heading line that runs on to the next ("Record of Conversation" / "with Comrade Kim")
_RUNS_ON = re.compile(r"\b(?:of|between|with|and|by|for|on|to|the)$", re.IGNORECASE)
_CONTINUES = re.compile(r"^(?:of|between|with|and|by|for|on|to)\b")


@dataclass(slots=True)
class Dateline:
    """A dateline as written, with the date, times and place read from it (None where absent)."""

    text: str
    date: FoundDate | None
    times: FoundTimes | None
    place: str | None

    @property
    def date_text(self) -> str | None:
        """The date (and the times written right after it) exactly as written."""
        if self.date is None:
            return None
        end = self.date.end
        if self.times is not None and self.times.span_start >= self.date.end:
            end = self.times.span_end
        return self.text[self.date.start:end]


@dataclass(slots=True)
class RecordHead:
    """What the head of a record says, and the kind of each of its paragraphs."""

    kinds: list[BodyKind] = field(default_factory=list)
    heading: str | None = None
    headings: list[str] = field(default_factory=list)
    classification: str | None = None
    dateline: Dateline | None = None
    times_line: Dateline | None = None
    place: str | None = None
    participants: list[Participant] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)

    @property
    def times(self) -> FoundTimes | None:
        """The times of the meeting, from the dateline or a line of their own under it."""
        if self.dateline is not None and self.dateline.times is not None:
            return self.dateline.times
        return self.times_line.times if self.times_line is not None else None

    @property
    def end(self) -> int:
        """The index of the first paragraph after the head."""
        return len(self.kinds)


def is_classification(paragraph: str) -> bool:
    """True for a security marking on its own line: "TOP SECRET", "Secret. Copy No. 2",
    "SECRET/NODIS/XGDS"."""
    text = paragraph.strip().rstrip(".!")
    level = _LEVEL.match(text)
    if len(text) > 100 or not level:
        return False
    position = level.end()
    while position < len(text):
        separator = _CAVEAT_SEPARATOR.match(text, position)
        position = separator.end() if separator else position
        if position >= len(text):
            break
        caveat = _CAVEAT.match(text, position)
        if not caveat or (caveat.end() < len(text) and text[caveat.end()].isalnum()):
            return False
        position = caveat.end()
    return True


def is_marking(paragraph: str) -> bool:
    """True for a handling marking or a record form heading a record: "Single copy",
    "Copying prohibited", "(Working Notes)"."""
    text = paragraph.strip()
    if len(text) > 60:
        return False
    if _MARKING.match(text):
        return True
    inner = text[1:-1].strip() if text.startswith("(") and text.endswith(")") else ""
    words = inner.split()
    return 0 < len(words) <= 5 and inner[-1] not in ".!?" and all(
        w[0].isupper() or w in ("of", "the", "for", "from", "in") for w in words)


# a time zone after a dateline's time ("11:02 a.m. EST", "9 p.m. (Moscow time)"): not a place
_TIME_ZONE = re.compile(
    r"^[\s,;(\[]*(?:(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|AKST|HST|GMT|UTC|BST|CET|CEST|EET|EEST|"
    r"MSK|JST|KST|IST|HKT|SGT|Z)\b|(?:[A-Z][a-z]+ |[Ll]ocal )time\b)[\s)\]]*")


def _place(text: str) -> str | None:
    text = _WEEKDAY.sub("", text.strip(" \t\u00a0,.;:–—-()")).strip(" \t\u00a0,.;:–—-()")
    if not text:
        return None
    words = text.replace(",", " ").split()
    if all(w[0].isupper() or w in ("the", "of", "de", "la") for w in words) and len(words) <= 6:
        return text
    return None


def read_dateline(paragraph: str) -> Dateline | None:
    """The dateline's parts when ``paragraph`` is a dateline (a date and/or times, maybe a place).

    >>> d = read_dateline("Moscow, 10 August 1945, 9 p.m.")
    >>> d.date.iso, d.times.start, d.place
    ('1945-08-10', '21:00', 'Moscow')
    >>> read_dateline("On 10 August 1945 Stalin received Soong.") is None
    True
    """
    if len(paragraph) > 150:
        return None
    labelled = field_label(paragraph)
    if labelled is not None:
        value = labelled[1]
        if not value:
            return None
        # "Date: 10 August 1945": read the value, keep the spans within the whole line
        inner = read_dateline(value)
        return _moved(inner, paragraph, value) if inner is not None else None
    if split_label(paragraph) is not None:
        return None
    date = find_date(paragraph)
    times: FoundTimes | None = None
    if date is not None:
        after = find_time_range(paragraph[date.end:])
        if after is not None:
            times = FoundTimes(after.start, after.end, after.span_start + date.end,
                               after.span_end + date.end)
        else:
            times = find_time_range(paragraph[:date.start])
    else:
        times = find_time_range(paragraph)
    if date is None and times is None:
        return None
    spans = sorted((s, e) for s, e in [
        (date.start, date.end) if date else (0, 0),
        (times.span_start, times.span_end) if times else (0, 0),
    ] if e > s)
    leftover_parts, cursor = [], 0
    for start, end in spans:
        leftover_parts.append(paragraph[cursor:start])
        cursor = end
    leftover_parts.append(paragraph[cursor:])
    for word in re.findall(r"[^\W\d_][\w.'’-]*", " ".join(leftover_parts)):
        if word[0].islower() and word.lower() not in _DATELINE_WORDS:
            return None
    first = spans[0][0]
    place = _place(paragraph[:first]) or _place(_TIME_ZONE.sub("", paragraph[spans[-1][1]:]))
    return Dateline(paragraph, date, times, place)


def names_a_record(text: str) -> bool:
    """True for a line that opens by naming a kind of record ("TRANSCRIPT OF CONVERSATION")."""
    return _RECORD_TITLE.match(text) is not None


def looks_like_heading(paragraph: str) -> bool:
    """True for a title line inside a record ("Record of Meeting Between T. Soong and Stalin").

    A title naming the kind of record may run long (a record of conversation listing every
    participant) as long as it ends no sentence.
    """
    if len(paragraph) > 400 or block_kind(paragraph) is not None:
        return False
    ends_sentence = paragraph.rstrip(" \"'”’)").endswith((".", "!", "?", ":"))
    if len(paragraph) > 200 and (ends_sentence or not _RECORD_TITLE.match(paragraph)):
        return False
    label = split_label(paragraph)
    if label is not None and not label.field:
        return False
    if _RECORD_TITLE.match(paragraph):
        return True
    return not ends_sentence


def _field(paragraph: str) -> tuple[str, str, str] | None:
    labelled = field_label(paragraph)
    if labelled is None:
        return None
    written, value = labelled
    return " ".join(written.split()).casefold().rstrip("."), written, value


def read_head(paragraphs: Sequence[str]) -> RecordHead:
    """The head of a record: its leading headings, markings, dateline, fields and "Present:" list."""
    head = RecordHead()
    index = steps = 0
    while index < len(paragraphs) and steps < _MAX_HEAD:
        paragraph = paragraphs[index]
        steps += 1
        present = read_present(paragraphs, index)
        if present is not None:
            participants, end = present
            head.participants.extend(participants)
            head.kinds.extend(["paragraph"] * (end - index))
            index = end
            continue
        kind = _head_kind(head, paragraph)
        if kind is None:
            break
        head.kinds.append(kind)
        index += 1
    head.heading = _main_heading(head.headings)
    return head


def _main_heading(lines: Sequence[str]) -> str | None:
    """The record's own heading: the first naming the kind of record, else the first; a line
    that runs on to the next ("RECORD OF CONVERSATION" / "with Comrade Kim Il Sung") joins it."""
    headings: list[str] = []
    for line in lines:
        if headings and (_RUNS_ON.search(headings[-1]) or _CONTINUES.match(line)):
            headings[-1] = f"{headings[-1]} {line}"
        else:
            headings.append(line)
    return next((h for h in headings if _RECORD_TITLE.match(h)), headings[0] if headings else None)


def _head_kind(head: RecordHead, paragraph: str) -> BodyKind | None:
    """Record what one head paragraph says and return its body kind, or None if it is not head."""
    if is_classification(paragraph):
        head.classification = head.classification or paragraph.strip()
        return "heading"
    field_value = _field(paragraph)
    if field_value is not None:
        name, written, value = field_value
        head.fields.setdefault(name, value)
        if name in _PLACE_FIELDS and value:
            head.place = head.place or value
        elif name in _STAFF_FIELDS and value:
            head.participants.extend(Participant(name=n, role=written) for n, _ in
                                     split_names(value))
        elif "date" in name or "time" in name:
            dateline = read_dateline(paragraph)
            if dateline is not None and _add_dateline(head, dateline):
                return "dateline"
        return "paragraph"
    if is_marking(paragraph):
        return "heading"
    if _RECORD_TITLE.match(paragraph) and looks_like_heading(paragraph):
        head.headings.append(paragraph)
        return "heading"
    dateline = read_dateline(paragraph)
    if dateline is not None and _add_dateline(head, dateline):
        return "dateline"
    if head.dateline is None and looks_like_heading(paragraph):
        head.headings.append(paragraph)
        return "heading"
    return None


def _add_dateline(head: RecordHead, dateline: Dateline) -> bool:
    """Keep the first dateline, and a later line that adds the times; False for anything else."""
    if head.dateline is None:
        head.dateline = dateline
        return True
    if head.dateline.date is None and dateline.date is not None and head.times_line is None:
        # "Time: …" came first; the date comes on the next line
        head.times_line, head.dateline = head.dateline, dateline
        return True
    if head.times is None and dateline.times is not None and dateline.date is None:
        head.times_line = dateline
        return True
    return False


def _moved(dateline: Dateline, paragraph: str, value: str) -> Dateline:
    """The dateline read from a field's value, its spans moved to where it sits in ``paragraph``."""
    offset = len(paragraph) - len(value)
    date, times = dateline.date, dateline.times
    if date is not None:
        date = FoundDate(date.iso, date.start + offset, date.end + offset)
    if times is not None:
        times = FoundTimes(times.start, times.end, times.span_start + offset,
                           times.span_end + offset)
    return Dateline(paragraph, date, times, dateline.place)
