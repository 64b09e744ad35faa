"""What a search returns: hits with their document, turn and highlighted snippet."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True)
class SearchHit:
    """One matching turn. ``snippet`` is plain text (an excerpt of the turn, never markup);
    ``highlights`` gives the matched spans as (start, end) offsets into ``snippet``, so each
    front end marks them its own way (ANSI bold, ``<mark>`` after escaping)."""

    document_id: str
    title: str
    date: str | None
    turn: int
    speaker: str | None
    snippet: str
    text: str
    position: int
    score: float
    highlights: list[tuple[int, int]] = field(default_factory=list)

    def segments(self) -> list[tuple[str, bool]]:
        """The snippet cut into (text, marked) pieces; bad or overlapping spans are tolerated.

        >>> SearchHit("d", "", None, 1, None, "go to Dairen now", "", 0, 0.0, [(6, 12)]).segments()
        [('go to ', False), ('Dairen', True), (' now', False)]
        """
        snippet = self.snippet
        spans = sorted((max(0, int(a)), min(len(snippet), int(b))) for a, b in self.highlights)
        out: list[tuple[str, bool]] = []
        cursor = 0
        for start, end in spans:
            start = max(start, cursor)
            if end <= start:
                continue
            if start > cursor:
                out.append((snippet[cursor:start], False))
            out.append((snippet[start:end], True))
            cursor = end
        if cursor < len(snippet):
            out.append((snippet[cursor:], False))
        return out

    def to_json(self) -> dict[str, Any]:
        """The hit as a JSON object."""
        out = asdict(self)
        out["highlights"] = [list(span) for span in self.highlights]
        return out


@dataclass(slots=True)
class SearchResult:
    """A page of hits for a query, with the total number of matches."""

    query: str
    total: int
    hits: list[SearchHit]
    speaker: str | None = None
    engine: str = ""

    def to_json(self) -> dict[str, Any]:
        """The result as the JSON object ``memcon search --json`` prints."""
        return {
            "query": self.query,
            "speaker": self.speaker,
            "engine": self.engine,
            "total": self.total,
            "hits": [hit.to_json() for hit in self.hits],
        }
