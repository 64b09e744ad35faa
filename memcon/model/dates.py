"""Dates and times as sources write them, to ISO 8601 as precise as the source.

>>> find_date("10 August, 1945 9:00 – 11:30 p.m.").iso
'1945-08-10'
>>> parse_time_range("9:00 – 11:30 p.m.")
('21:00', '23:30')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
    re.compile(rf"\b{_DAY}[\s\u00a0]+{_MONTH}{_SEP}{_YEAR}\b", re.IGNORECASE),
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
        match = _YEAR_ONLY.search(text)
        if match:
            best = FoundDate(match.group("year"), match.start(), match.end())
    return best


def parse_date(text: str | None) -> str | None:
    """The ISO form of the first date in ``text`` (``1945-08-10``, ``1945-08``), or None."""
    if not text:
        return None
    found = find_date(text)
    return found.iso if found else None


_CLOCK = r"(?P<{n}h>[0-2]?\d)(?:[:.][\s\u00a0]*(?P<{n}m>[0-5]\d))?[\s\u00a0]*(?P<{n}ap>[ap]\.?[\s\u00a0]?m\.?(?![a-z]))?"
_RANGE = re.compile(
    r"(?<![\d:])"
    + _CLOCK.format(n="s")
    + r"[\s\u00a0]*(?:–|—|-|to|until|till)[\s\u00a0]*"
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


def parse_time_range(text: str | None) -> tuple[str | None, str | None]:
    """Start and end times (``HH:MM``, 24 h) written in ``text``; None where not given.

    A meridiem written only after the end applies to the start too, unless that would put the
    start after the end ("11:00 - 1:00 p.m." is 11:00–13:00).

    >>> parse_time_range("12:30 a.m. to 2:00 a.m.")
    ('00:30', '02:00')
    >>> parse_time_range("4:10 - 5: 20 p.m.")
    ('16:10', '17:20')
    """
    if not text:
        return None, None
    match = _RANGE.search(text)
    if match and (match["sm"] or match["em"] or match["sap"] or match["eap"]):
        sh, sm = int(match["sh"]), int(match["sm"] or 0)
        eh, em = int(match["eh"]), int(match["em"] or 0)
        end = _to_24(eh, em, match["eap"])
        start_ap = match["sap"]
        start = _to_24(sh, sm, start_ap or match["eap"])
        if start and end and not start_ap and match["eap"] and start > end:
            other = "am" if match["eap"].lower().startswith("p") else "pm"
            start = _to_24(sh, sm, other)
        if start and end:
            return _fmt(start), _fmt(end)
    single = _SINGLE.search(text)
    if single:
        if single["h24"]:
            hm = _to_24(int(single["h24"]), int(single["m24"]), None)
        else:
            hm = _to_24(int(single["sh"]), int(single["sm"] or 0), single["sap"])
        if hm:
            return _fmt(hm), None
    noon = _NOON.search(text)
    if noon:
        return ("12:00" if noon.group(1).lower() == "noon" else "00:00"), None
    return None, None
