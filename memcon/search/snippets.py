"""Snippets as engines mark them, turned into plain text with highlight offsets.

Engines mark matched words with two private-use characters, which no record holds; the marks
are taken out and become (start, end) offsets, so front ends never parse engine markup.

>>> unmark("the \\ue000Dairen\\ue001 zone", "in the Dairen zone")
('…the Dairen zone', [(5, 11)])
"""

from __future__ import annotations

from dataclasses import dataclass

MARK_START = "\ue000"
MARK_END = "\ue001"
ELLIPSIS = "…"


@dataclass(slots=True)
class Match:
    """A matching turn as an engine returns it: body item id, score (higher is better), marked snippet."""

    item_id: int
    score: float
    marked: str


def unmark(marked: str, text: str) -> tuple[str, list[tuple[int, int]]]:
    """The plain snippet and its highlighted spans; an ellipsis marks text cut off at either end."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for char in marked:
        if char == MARK_START:
            opened = len(plain)
        elif char == MARK_END:
            if opened is not None and len(plain) > opened:
                spans.append((opened, len(plain)))
            opened = None
        else:
            plain.append(char)
    snippet = "".join(plain)
    return _with_ellipses(snippet, text, spans)


def _with_ellipses(snippet: str, text: str,
                   spans: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    core = snippet.strip(ELLIPSIS)
    lead = len(snippet) - len(snippet.lstrip(ELLIPSIS))
    spans = [(s - lead, e - lead) for s, e in spans]
    at = text.find(core)
    if at < 0:  # the engine reflowed the text: keep its snippet as it is
        return core, spans
    prefix = ELLIPSIS if text[:at].strip() else ""
    suffix = ELLIPSIS if text[at + len(core):].strip() else ""
    shift = len(prefix)
    return prefix + core + suffix, [(s + shift, e + shift) for s, e in spans]
