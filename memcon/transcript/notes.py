"""Footnotes set after a record's text: "[1] …" or "1. …" paragraphs, maybe under "Notes".

A closing run of numbered paragraphs is a record's notes when it is headed "Notes" (or
"Endnotes", "Footnotes", "Translator's notes"), or when its numbers run 1, 2, 3… and each is
marked in the text above ("…to the USA.[1] Eisenhower…"). Anything else — a numbered list that
closes a turn ("1. Kim Il Sung is awaiting an answer.") — stays in the text.

>>> start, notes = trailing_notes(["Stalin: The treaty[1] stands.", "[1] Of 1945."])
>>> start, [(n.n, n.text, n.index) for n in notes]
(1, [('1', 'Of 1945.', 1)])
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_NOTE = re.compile(r"^(?:\[(?P<bracketed>\d{1,3})\]|(?P<numbered>\d{1,3})[.)])[ \t\u00a0]*"
                   r"(?P<text>\S.*)$", re.DOTALL)
_HEADING = re.compile(
    r"^(?:(?:translator|editor|author)['’]?s['’]?\s+)?(?:end|foot)?notes?(?:\s+and\s+references)?"
    r"[ \t\u00a0]*:?$",
    re.IGNORECASE,
)
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


@dataclass(frozen=True, slots=True)
class FoundNote:
    """A note as written: its number, its text (without the number) and its paragraph index."""

    n: str
    text: str
    index: int


def note_marker(n: str) -> tuple[str, str]:
    """How the text marks note ``n``: "[n]", or in superscript digits."""
    return f"[{n}]", n.translate(str.maketrans("0123456789", _SUPERSCRIPTS))


def _run(paragraphs: Sequence[str]) -> list[FoundNote]:
    """The closing run of numbered paragraphs whose numbers count up from 1 to the last."""
    run: list[FoundNote] = []
    for index in range(len(paragraphs) - 1, -1, -1):
        match = _NOTE.match(paragraphs[index])
        if not match:
            break
        number = int(match["bracketed"] or match["numbered"])
        if run and number != int(run[0].n) - 1:
            break
        run.insert(0, FoundNote(str(number), match["text"], index))
        if number == 1:
            return run
    return []


def trailing_notes(paragraphs: Sequence[str]) -> tuple[int, list[FoundNote]]:
    """Where the record's closing notes start (their heading included) and the notes.

    ``(len(paragraphs), [])`` when the record ends with no notes.
    """
    run = _run(paragraphs)
    if not run:
        return len(paragraphs), []
    start = run[0].index
    if start >= 1 and _HEADING.match(paragraphs[start - 1].strip()):
        return start - 1, run
    text = "\n".join(paragraphs[:start])
    if all(any(marker in text for marker in note_marker(note.n)) for note in run):
        return start, run
    return len(paragraphs), []
