"""FRUS source notes: the archival citation and its parts, the classification, the drafter.

>>> s = parse_source_note("Source: Ford Library, National Security Adviser, Memoranda, Box 1, "
...                       "NSDM File, 8/9/74. Confidential. Drafted by Jan Lodal.")
>>> s.source.repository, s.source.collection, s.source.box, s.source.folder
('Ford Library', 'National Security Adviser', '1', 'NSDM File, 8/9/74')
>>> s.classification, s.drafted_by
('Confidential', 'Jan Lodal')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from memcon.model import Source

_ABBREVIATIONS = frozenset([
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "adm", "capt", "cdr", "sgt", "st", "no",
    "nos", "vol", "vols", "p", "pp", "jr", "sr", "ibid", "cf", "etc", "inc", "co", "corp",
    "dept", "govt", "amb", "sen", "rep", "rev", "prof", "hon", "fig", "ed", "eds", "esp", "viz",
    "vs", "approx", "ca", "gov", "pres", "sec", "u.s", "u.k", "u.n", "i.e", "e.g", "ret", "et",
    "al", "op", "cit",
])
_SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’)]?\s+(?=[A-Z“\"(\[])")
_LEVEL = (r"(?:Top Secret|Secret|Confidential|Unclassified|Limited Official Use|"
          r"Official Use Only|Restricted|Strictly Confidential|Personal and Confidential|"
          r"Administratively Confidential|Eyes Only|Sensitive|Secret[-–]Sensitive|"
          r"Top Secret[-–]Sensitive|Personal)")
_CLASSIFICATION = re.compile(rf"^{_LEVEL}(?:\s*[;,]\s*[A-Z][^;.]{{0,40}})*$")
# how the sentences after a citation begin: a classification, a drafter, a transmission
_OPENER = re.compile(rf"{_LEVEL}[;,.]|(?:No classification marking|Drafted by|Printed from|"
                     rf"Sent to|Repeated to|Received|Approved by|Cleared by)\b")
_DRAFTED = re.compile(r"^Drafted by\s+(?P<who>.+)$", re.DOTALL)
# Where a drafter's names end: a clearance, an approval, a date, an office in parentheses kept.
_DRAFTER_END = re.compile(
    r";|,?(?<!\s)\s+(?:and\s+)?(?:cleared|approved|revised|initialed|concurred|sent|transmitted)\b|"
    r",?(?<!\s)\s+on\s+(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|\d)|,\s+(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\s+\d"
)
_REPOSITORY = re.compile(
    r"\b(?:Library|Libraries|Archives?|Records Center|Institution|University|Museum|"
    r"Presidential Materials Project)\b|^(?:Department of (?:State|Defense|the Treasury)|"
    r"Central Intelligence Agency|National Security Council|White House|"
    r"Washington National Records Center|Naval Historical Center|U\.S\. Army)$"
)
_BOX = re.compile(r"^Box(?:es)?\s+(?P<box>\S.*)$")
# Old volumes cite the Department's decimal file ("740.0011 European War 1939/30698: Telegram").
_FILE_NUMBER = re.compile(r"^(?P<file>[^:]*?\d[^:]*?/[\w.–-]+)(?::\s*(?P<kind>[^:]+?))?\.?$")
_NAMED_FILES = re.compile(r"^[A-Z][\w.’'&\- ]{0,60}\b(?:Files|Papers|Diary|Diaries|Records|"
                          r"Collection|Log|Minutes)$")


@dataclass(slots=True)
class SourceNote:
    """What a source note says: the citation and its parts, classification, drafter, type hint."""

    source: Source = field(default_factory=Source)
    classification: str | None = None
    drafted_by: str | None = None
    kind: str | None = None


def sentences(text: str) -> list[str]:
    """Split a note into sentences, keeping abbreviations ("Dr.", "U.S.") and initials whole."""
    out: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        before = text[start: match.start()].rstrip("”\"’)")
        word = before.rsplit(None, 1)[-1].rstrip(".").lower() if before.strip() else ""
        abbreviated = word in _ABBREVIATIONS or re.fullmatch(r"[a-z]", word) or (
            re.fullmatch(r"(?:[a-z]\.)+[a-z]", word))
        # "… Polo I. Top Secret; Sensitive.": what opens a note's sentence ends the one before
        if abbreviated and not _OPENER.match(text, match.end()):
            continue
        out.append(text[start: match.start()].strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


def _split_parts(citation: str) -> list[str]:
    """Comma-separated parts of a citation, commas inside parentheses kept."""
    parts: list[str] = []
    depth, current = 0, list[str]()
    for char in citation:
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


def _archival_parts(citation: str, source: Source) -> None:
    parts = _split_parts(citation.rstrip("."))
    if not parts:
        return
    if _REPOSITORY.search(parts[0]):
        source.repository = parts.pop(0)
    box_at = next((i for i, part in enumerate(parts) if _BOX.match(part)), None)
    if box_at is not None:
        box = _BOX.match(parts[box_at])
        source.box = box.group("box") if box else None
        before, after = parts[:box_at], parts[box_at + 1:]
    else:
        before, after = parts[:2], parts[2:]
    if before:
        source.collection = before[0]
    if len(before) > 1:
        source.series = ", ".join(before[1:])
    if after:
        source.folder = ", ".join(after)


def _drafter(sentence: str) -> str | None:
    match = _DRAFTED.match(sentence)
    if not match:
        return None
    who = match.group("who").strip()
    end = _DRAFTER_END.search(who)
    if end:
        who = who[: end.start()]
    who = who.strip().rstrip(".,;").strip()
    return who or None


def parse_source_note(text: str, *, inline: bool = False) -> SourceNote:
    """Read a source note's text (whitespace already collapsed) into its parts.

    ``inline`` marks the short notes old volumes set before the head ("124.93/562").
    """
    note = SourceNote(Source(citation=text or None))
    if not text:
        return note
    body = re.sub(r"^Sources?:\s*", "", text)
    if (inline or _FILE_NUMBER.match(body)) and not text.startswith("Source"):
        _inline_parts(body, note)
        return note
    parts = sentences(body)
    if parts and not _CLASSIFICATION.match(parts[0].rstrip(".")):
        _archival_parts(parts[0], note.source)
    for sentence in parts:
        bare = sentence.rstrip(".")
        if note.classification is None and _CLASSIFICATION.match(bare):
            note.classification = bare
        elif note.drafted_by is None and sentence.startswith("Drafted by"):
            note.drafted_by = _drafter(sentence)
    return note


def looks_like_citation(text: str) -> bool:
    """True for a short note that only cites where a document is: a file number, named files.

    Old volumes set their source notes untyped, as the head's first footnote
    ("740.0011 EW/2–745: Telegram", "Bohlen Collection.").
    """
    body = text.strip()
    if _FILE_NUMBER.match(body):
        return True
    head, _, kind = body.rpartition(":")
    return bool(_NAMED_FILES.match((head if head and len(kind) < 40 else body).strip().rstrip(".")))


def _inline_parts(body: str, note: SourceNote) -> None:
    file_number = _FILE_NUMBER.match(body)
    if file_number:
        note.source.record_id = file_number.group("file").strip()
        note.kind = (file_number.group("kind") or "").strip() or None
        return
    if ":" in body:
        head, _, kind = body.rpartition(":")
        if _NAMED_FILES.match(head.strip()):
            note.source.collection = head.strip()
            note.kind = kind.strip().rstrip(".") or None
        return
    if _NAMED_FILES.match(body.rstrip(".")):
        note.source.collection = body.rstrip(".")
