"""Search over turns in the archive's own database engine (SQLite FTS5 or PostgreSQL full text).

Example::

    result = search("Dairen", speaker="Stalin")
    for hit in result.hits:
        print(hit.document_id, hit.turn, hit.speaker, hit.snippet)
"""

from __future__ import annotations

from django.db import connections

from memcon.archive.models import BodyItem
from memcon.errors import QueryError
from memcon.search import postgresql, sqlite
from memcon.search.query import parse_query, words
from memcon.search.results import SearchHit, SearchResult
from memcon.search.snippets import Match, unmark

ENGINES = {"sqlite": sqlite.search, "postgresql": postgresql.search}
MAX_LIMIT = 1000


def search(query: str, *, speaker: str | None = None, limit: int = 20, offset: int = 0,
           using: str = "default") -> SearchResult:
    """Turns matching ``query`` (and spoken by ``speaker``, matched on the label's words), best first.

    A malformed query raises QueryError with a message saying what is wrong.
    """
    tree = parse_query(query)
    speaker_words = words(speaker) if speaker is not None else []
    if speaker is not None and not speaker_words:
        raise QueryError(f"speaker {speaker!r} has no words to match a label by")
    if not 0 <= limit <= MAX_LIMIT:
        raise QueryError(f"limit must be between 0 and {MAX_LIMIT}, not {limit}")
    if offset < 0:
        raise QueryError(f"offset must be 0 or more, not {offset}")
    vendor = connections[using].vendor
    engine = ENGINES.get(vendor)
    if engine is None:
        raise QueryError(f"search is not available on a {vendor} database")
    total, matches = engine(tree, speaker_words, limit, offset, using)
    return SearchResult(query=query, total=total, hits=_hits(matches, using),
                        speaker=speaker, engine=vendor)


def _hits(matches: list[Match], using: str) -> list[SearchHit]:
    # only what a hit shows: not the documents' notes, participants and other JSON columns
    items = {item.pk: item for item in BodyItem.objects.using(using).select_related("document")
             .only("text", "turn", "speaker", "position", "document__doc_id",
                   "document__title", "document__date")
             .filter(pk__in=[m.item_id for m in matches])}
    hits: list[SearchHit] = []
    for match in matches:
        item = items.get(match.item_id)
        if item is None:  # deleted between the two queries
            continue
        snippet, highlights = unmark(match.marked, item.text)
        hits.append(SearchHit(
            document_id=item.document.doc_id, title=item.document.title or "",
            date=item.document.date, turn=item.turn or 0, speaker=item.speaker,
            snippet=snippet, text=item.text, position=item.position, score=match.score,
            highlights=highlights))
    return hits
