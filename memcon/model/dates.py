"""Dates and times as sources write them, to ISO 8601 as precise as the source.

>>> find_date("10 August, 1945 9:00 – 11:30 p.m.").iso
'1945-08-10'
>>> parse_time_range("9:00 – 11:30 p.m.")
('21:00', '23:30')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"
_SEP = r"[\s\u00a0]*,?[\s\u00a0]*"

_DATE_PATTERNS = [
    re.compile(r"\b(?P<year>1[5-9]\d\d|20\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
    re.compile(rf"\b{_DAY}[\s\u00a0]+(?:of[\s\u00a0]+)?{_MONTH}{_SEP}{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH}[\s\u00a0]+{_DAY}{_SEP}{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH}{_SEP}{_YEAR}\b", re.IGNORECASE),
]
_YEAR_ONLY = re.compile(rf"\b{_YEAR}\b")


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date found in a text: its ISO form and the span of the text it came from."""

    iso: str
    start: int
    end: int


def _month_number(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    return MONTHS.get(token.lower().rstrip("."))


def _valid(year: int, month: int, day: int | None) -> bool:
    if not 1 <= month <= 12:
        return False
    if day is None:
        return True
    days = [31, 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28,
            31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return 1 <= day <= days[month - 1]


def find_date(text: str, *, year_only: bool = False) -> FoundDate | None:
    """The first full or partial date written in ``text``, or None.

    With ``year_only`` a bare year ("1945") counts as a date when nothing more precise is there.
    """
    best: FoundDate | None = None
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            month = _month_number(groups["month"])
            year = int(groups["year"])
            day = int(groups["day"]) if groups.get("day") else None
            if month is None or not _valid(year, month, day):
                continue
            iso = f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day is not None else "")
            found = FoundDate(iso, match.start(), match.end())
            # the earliest date in the text wins; at one place, the most precise form
            if best is None or found.start < best.start or (
                found.start == best.start and len(found.iso) > len(best.iso)
            ):
                best = found
            break
    if best is None and year_only:
        bare = _YEAR_ONLY.search(text)
        if bare:
            best = FoundDate(bare.group("year"), bare.start(), bare.end())
    return best


def parse_date(text: str | None) -> str | None:
    """The ISO form of the first date in ``text`` (``1945-08-10``, ``1945-08``), or None."""
    if not text:
        return None
    found = find_date(text)
    return found.iso if found else None


_CIRCA = re.compile(r"^(?:c\.|ca\.|circa)[\s\u00a0]*", re.IGNORECASE)


def match_date(text: str | None) -> FoundDate | None:
    """The date when ``text`` is nothing but a date (a bare year counts), else None.

    A leading "c."/"circa" and a closing period are allowed around it.

    >>> match_date("March 3rd, 1950").iso
    '1950-03-03'
    >>> match_date("c. 1950").iso
    '1950'
    >>> match_date("Record of a Meeting, 1950") is None
    True
    """
    if not text:
        return None
    stripped = text.strip()
    circa = _CIRCA.match(stripped)
    offset = circa.end() if circa else 0
    body = stripped[offset:].rstrip(".").rstrip()
    if not body:
        return None
    found = find_date(body, year_only=True)
    if found is None or found.start != 0 or found.end != len(body):
        return None
    lead = len(text) - len(text.lstrip())
    return FoundDate(found.iso, lead + offset, lead + offset + found.end)


_RANGE_SEP = re.compile(r"[\s\u00a0]*(?:–|—|-|to|until|till)[\s\u00a0]*", re.IGNORECASE)
_MONTH_2 = _MONTH.replace("(?P<month>", "(?P<month2>")
_DAYS_IN_MONTH = re.compile(
    rf"^(?:{_MONTH}[\s\u00a0]+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?[\s\u00a0]*[-–—][\s\u00a0]*"
    rf"(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?|(?P<d3>[0-3]?\d)[\s\u00a0]*[-–—][\s\u00a0]*"
    rf"(?P<d4>[0-3]?\d)[\s\u00a0]+{_MONTH_2}){_SEP}{_YEAR}$",
    re.IGNORECASE,
)


def match_date_range(text: str | None) -> tuple[FoundDate, FoundDate] | None:
    """Start and end when ``text`` is nothing but a span of dates, else None.

    >>> [d.iso for d in match_date_range("August 10, 1945 - August 11, 1945")]
    ['1945-08-10', '1945-08-11']
    >>> [d.iso for d in match_date_range("August 10-11, 1945")]
    ['1945-08-10', '1945-08-11']
    """
    if not text or len(text) > 80:
        return None
    stripped = text.strip().rstrip(".")
    lead = len(text) - len(text.lstrip())
    days = _DAYS_IN_MONTH.match(stripped)
    if days:
        month = _month_number(days["month"] or days["month2"])
        year = int(days["year"])
        first, last = int(days["d1"] or days["d3"]), int(days["d2"] or days["d4"])
        if month and _valid(year, month, first) and _valid(year, month, last) and first < last:
            stop = lead + len(stripped)
            return (FoundDate(f"{year:04d}-{month:02d}-{first:02d}", lead, stop),
                    FoundDate(f"{year:04d}-{month:02d}-{last:02d}", lead, stop))
    for sep in _RANGE_SEP.finditer(stripped):
        start = match_date(stripped[:sep.start()])
        end = match_date(stripped[sep.end():])
        if start is not None and end is not None and start.iso < end.iso:
            return (FoundDate(start.iso, lead + start.start, lead + start.end),
                    FoundDate(end.iso, lead + sep.end() + end.start, lead + sep.end() + end.end))
    return None


_CLOCK = r"(?P<{n}h>[0-2]?\d)(?:[:.][\s\u00a0]*(?P<{n}m>[0-5]\d))?[\s\u00a0]*+(?P<{n}ap>[ap]\.?[\s\u00a0]?m\.?(?![a-z]))?"
_RANGE = re.compile(
    r"(?<![\d:])"
    + _CLOCK.format(n="s")
    + r"[\s\u00a0]*+(?:–|—|-|to|until|till)[\s\u00a0]*+"
    + _CLOCK.format(n="e")
    + r"(?![\d:])",
    re.IGNORECASE,
)
_SINGLE = re.compile(
    r"(?<![\d:])(?P<sh>[0-2]?\d)(?:[:.][\s\u00a0]*(?P<sm>[0-5]\d))?[\s\u00a0]*(?P<sap>[ap]\.?[\s\u00a0]?m\.?(?![a-z]))"
    r"|(?<![\d:])(?P<h24>[0-2]\d):(?P<m24>[0-5]\d)(?![\d:])",
    re.IGNORECASE,
)
_NOON = re.compile(r"\b(noon|midnight)\b", re.IGNORECASE)


def _to_24(hour: int, minute: int, meridiem: str | None) -> tuple[int, int] | None:
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        pm = meridiem.lower().startswith("p")
        hour = hour % 12 + (12 if pm else 0)
    elif hour > 23:
        return None
    return hour, minute


def _fmt(hm: tuple[int, int]) -> str:
    return f"{hm[0]:02d}:{hm[1]:02d}"


@dataclass(frozen=True, slots=True)
class FoundTimes:
    """Times found in a text: start and end (``HH:MM``, 24 h; end may be None) and their span."""

    start: str
    end: str | None
    span_start: int
    span_end: int


def find_time_range(text: str | None) -> FoundTimes | None:
    """The first time or time range written in ``text``, with the span it covers, or None.

    A meridiem written only after the end applies to the start too, unless that would put the
    start after the end ("11:00 - 1:00 p.m." is 11:00–13:00).

    >>> found = find_time_range("10 August, 1945 9:00 – 11:30 p.m.")
    >>> (found.start, found.end, found.span_start)
    ('21:00', '23:30', 16)
    """
    if not text:
        return None
    for match in _RANGE.finditer(text):
        if not (match["sm"] or match["em"] or match["sap"] or match["eap"]):
            continue
        sh, sm = int(match["sh"]), int(match["sm"] or 0)
        eh, em = int(match["eh"]), int(match["em"] or 0)
        end = _to_24(eh, em, match["eap"])
        start_ap = match["sap"]
        start = _to_24(sh, sm, start_ap or match["eap"])
        if start and end and not start_ap and match["eap"] and start > end:
            other = "am" if match["eap"].lower().startswith("p") else "pm"
            start = _to_24(sh, sm, other)
        if start and end:
            return FoundTimes(_fmt(start), _fmt(end), match.start(), match.end())
    for single in _SINGLE.finditer(text):
        if single["h24"]:
            hm = _to_24(int(single["h24"]), int(single["m24"]), None)
        else:
            hm = _to_24(int(single["sh"]), int(single["sm"] or 0), single["sap"])
        if hm:
            return FoundTimes(_fmt(hm), None, single.start(), single.end())
    noon = _NOON.search(text)
    if noon:
        return FoundTimes("12:00" if noon.group(1).lower() == "noon" else "00:00", None,
                          noon.start(), noon.end())
    return None


def parse_time_range(text: str | None) -> tuple[str | None, str | None]:
    """Start and end times (``HH:MM``, 24 h) written in ``text``; None where not given.

    >>> parse_time_range("12:30 a.m. to 2:00 a.m.")
    ('00:30', '02:00')
    >>> parse_time_range("4:10 - 5: 20 p.m.")
    ('16:10', '17:20')
    """
    found = find_time_range(text)
    if found is None:
        return None, None
    return found.start, found.end
