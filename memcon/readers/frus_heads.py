"""A FRUS document's head and dateline: number, title, type, date, time and place.

>>> split_number("88. Memorandum of Conversation, Beijing, February 21, 1972")
('88', 'Memorandum of Conversation, Beijing, February 21, 1972')
>>> infer_doc_type("Combined Chiefs of Staff Minutes")
'Minutes'
>>> dates_from_attributes("1974-08-09T09:47:00-05:00", "1974-08-09T10:10:00-05:00")
('1974-08-09', None)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from lxml import etree

from memcon.model.dates import parse_date, parse_time_range
from memcon.readers.frus_text import render
from memcon.readers.xml import FRUS_NS, local_name

_NUMBER = re.compile(r"^(?P<n>\d+[A-Za-z]?)\.\s+(?P<rest>\S.*)$", re.DOTALL)

# Types named by the head, most specific first; each pattern is tried near the head's start.
_TYPES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^Editorial Note\b", re.I), "Editorial Note"),
    (re.compile(r"\bMemorandum of (?:a |the )?Conversations?\b", re.I),
     "Memorandum of Conversation"),
    (re.compile(r"\bMemorandum for the Record\b", re.I), "Memorandum for the Record"),
    (re.compile(r"\bNational Security Decision Memorandum\b", re.I),
     "National Security Decision Memorandum"),
    (re.compile(r"\bNational Security Study Memorandum\b", re.I),
     "National Security Study Memorandum"),
    (re.compile(r"\bNational Security Action Memorandum\b", re.I),
     "National Security Action Memorandum"),
    (re.compile(r"\b(?:Special )?National Intelligence Estimate\b", re.I),
     "National Intelligence Estimate"),
    (re.compile(r"^Record of (?:a |the )?(?:Conversations?|Talks?|Discussions?)\b", re.I),
     "Record of Conversation"),
    (re.compile(r"^Record of (?:a |the )?Meetings?\b", re.I), "Record of Meeting"),
    (re.compile(r"^Summary of (?:a |the )?Conversations?\b", re.I), "Summary of Conversation"),
    (re.compile(r"\bSummary Record\b", re.I), "Summary Record"),
    (re.compile(r"\bMinutes\b", re.I), "Minutes"),
    (re.compile(r"^(?:Notes|Note) (?:of|on) (?:a |the )?(?:Meetings?|Conversations?|Discussions?)\b",
                re.I), "Notes"),
    (re.compile(r"\bTranscripts?\b", re.I), "Transcript"),
    (re.compile(r"\bTelegrams?\b", re.I), "Telegram"),
    (re.compile(r"\bAirgrams?\b", re.I), "Airgram"),
    (re.compile(r"\bDespatch\b|\bDispatch\b", re.I), "Despatch"),
    (re.compile(r"\bBackchannel Messages?\b", re.I), "Backchannel Message"),
    (re.compile(r"\bMessages?\b", re.I), "Message"),
    (re.compile(r"\bLetters?\b", re.I), "Letter"),
    (re.compile(r"\bMemorand(?:um|a)\b", re.I), "Memorandum"),
    (re.compile(r"\bAide-M[ée]moire\b", re.I), "Aide-Mémoire"),
    (re.compile(r"\bNote\b", re.I), "Note"),
    (re.compile(r"\bPapers?\b", re.I), "Paper"),
    (re.compile(r"\bDiary Entry\b", re.I), "Diary Entry"),
    (re.compile(r"\bTalking Points\b", re.I), "Talking Points"),
    (re.compile(r"\bReport\b", re.I), "Report"),
    (re.compile(r"^Conversations? (?:Between|Among|With)\b", re.I), "Conversation"),
]
# The head's type is named before its first "From/to/by/…": "Letter From X to Y".
_LEAD_END = re.compile(r"\s(?:From|from|to|To|by|By|Between|between|Among|among|With|with|"
                       r"Prepared|prepared|for|For|on|in|at)\s|,|\(")


def split_number(head: str) -> tuple[str | None, str]:
    """A leading document number ("88. ") and the rest of the head."""
    match = _NUMBER.match(head)
    if match:
        return match.group("n"), match.group("rest").strip()
    return None, head


def infer_doc_type(title: str | None) -> str | None:
    """The record type the head names ("Memorandum of Conversation", "Telegram"), or None."""
    if not title:
        return None
    lead_end = _LEAD_END.search(title)
    lead = title[: lead_end.start()] if lead_end else title
    for pattern, doc_type in _TYPES:
        # multi-word types may run past the lead ("Memorandum of Conversation, by …")
        match = pattern.search(title)
        if match and (match.start() < len(lead) or match.start() == 0):
            return doc_type
    return None


def _aware(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _day(value: str | None) -> str | None:
    """The calendar day written in an ISO value (local to its own offset), or a partial date."""
    if not value:
        return None
    match = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value.strip())
    if not match:
        return None
    year, month, day = match.groups()
    try:
        # a value naming no real day ("1999-02-30") is no date at all
        date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    return "-".join(part for part in (year, month, day if month else None) if part)


def dates_from_attributes(start: str | None, end: str | None) -> tuple[str | None, str | None]:
    """A date and an interval's end from two ISO values; one date when both name the same day.

    The same instant written with different offsets is one date, whatever the days written.
    """
    first, last = _day(start), _day(end)
    if first is None:
        return last, None
    if last is None or last == first:
        return first, None
    a, b = _aware(start or ""), _aware(end or "")
    if a and b and a.tzinfo and b.tzinfo and a == b:
        return first, None
    return first, last


@dataclass(slots=True)
class When:
    """What a dateline says: date, interval end, the date as written, times and place."""

    date: str | None = None
    date_end: str | None = None
    date_text: str | None = None
    time_start: str | None = None
    time_end: str | None = None
    place: str | None = None


_FRUS_ATTR = f"{{{FRUS_NS}}}doc-dateTime-"
_RECEIVED = re.compile(r"\[\s*Received[^\]]*\]", re.IGNORECASE)


def times_from_text(text: str | None) -> tuple[str | None, str | None]:
    """Start and end times written in a dateline, ignoring a "[Received …]" line."""
    if not text:
        return None, None
    return parse_time_range(_RECEIVED.sub(" ", text))


def date_from_text(text: str | None) -> str | None:
    """The date written in a dateline or head (first date found, "[Received …]" ignored)."""
    if not text:
        return None
    return parse_date(_RECEIVED.sub(" ", text))


_DATE_FIELDS = ("date & time", "date and time", "date/time", "date")


def read_when(div: etree._Element, title: str, fields: dict[str, str]) -> When:
    """When and where a document was written: its dateline, else its date attributes, header
    fields ("DATE AND TIME:", "PLACE:") or head; times from the dateline, else from header
    fields ("TIME: 2:00 p.m."), else the head."""
    when = When()
    dateline = _dateline(div)
    if dateline is not None:
        date_element = dateline.find(".//{*}date")
        text = render(dateline)
        if date_element is not None:
            when.date_text = render(date_element) or None
            when.date, when.date_end = dates_from_attributes(
                date_element.get("when") or date_element.get("from")
                or date_element.get("notBefore"),
                date_element.get("to") or date_element.get("notAfter"),
            )
        else:
            when.date_text = text or None
        times = dateline.find(".//{*}time")
        if times is not None and (times.get("from") or times.get("when")):
            when.time_start = _clock(times.get("from") or times.get("when"))
            when.time_end = _clock(times.get("to"))
        else:
            when.time_start, when.time_end = times_from_text(text)
        when.place = _place(dateline, date_element)
        if when.date is None:
            when.date = date_from_text(text)
    if when.date is None:
        when.date, when.date_end = dates_from_attributes(
            div.get(_FRUS_ATTR + "min"), div.get(_FRUS_ATTR + "max"))
    # a memorandum's header fields ("DATE AND TIME:", "PLACE:") when there is no dateline
    written = next((fields[key] for key in _DATE_FIELDS if fields.get(key)), None)
    if when.date_text is None and written:
        when.date_text = written
        if when.date is None:
            when.date = date_from_text(written)
    if when.place is None and fields.get("place"):
        when.place = fields["place"]
    if when.date is None:
        when.date = date_from_text(title)
    if when.time_start is None:
        for key in ("date & time", "date and time", "time"):
            if key in fields:
                when.time_start, when.time_end = parse_time_range(fields[key])
                break
    if when.time_start is None and dateline is None:
        when.time_start, when.time_end = times_from_text(title)
    return when


def _dateline(div: etree._Element) -> etree._Element | None:
    for child in div:
        if local_name(child) == "dateline":
            return child
        if local_name(child) == "opener":
            found = child.find("{*}dateline")
            if found is not None:
                return found
    return None


def _clock(value: str | None) -> str | None:
    match = re.search(r"(?:T|^)(\d{2}):(\d{2})", value or "")
    return f"{match.group(1)}:{match.group(2)}" if match else None


def _place(dateline: etree._Element, date_element: etree._Element | None) -> str | None:
    place = dateline.find(".//{*}placeName")
    if place is not None:
        return render(place).strip("[], ") or None
    if date_element is None or date_element.getparent() is not dateline:
        return None
    # the text before the date, when it reads as a place ("Moscow, ")
    pieces = [dateline.text or ""]
    for child in dateline:
        if child is date_element:
            break
        pieces.append(render(child) + (child.tail or ""))
    before = " ".join("".join(pieces).split()).strip("[],. ")
    return before if before and len(before) <= 60 and before[:1].isupper() else None
