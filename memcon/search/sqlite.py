"""Search on SQLite: the FTS5 table over turns (migration 0002), ranked by bm25, with snippets.

>>> from memcon.search.query import parse_query
>>> match_expression(parse_query("Dairen"), ["stalin"])
'(text : ("dairen")) AND (speaker : ("stalin"))'
"""

from __future__ import annotations

from django.db import connections

from memcon.archive.bulk import TURN_INDEX
from memcon.search.query import Node, fts5_string, to_fts5
from memcon.search.snippets import MARK_END, MARK_START, Match

TABLE = TURN_INDEX
SNIPPET_TOKENS = 32
# bm25 weights per column: the text ranks; the speaker column only filters
_RANK = f"bm25({TABLE}, 1.0, 0.0)"

def match_expression(tree: Node, speaker_words: list[str]) -> str:
    """The FTS5 MATCH expression: the query on the text column, the speaker's words on speaker."""
    expression = f"(text : ({to_fts5(tree)}))"
    if speaker_words:
        wanted = " ".join(fts5_string(word) for word in speaker_words)
        expression += f" AND (speaker : ({wanted}))"
    return expression


def search(tree: Node, speaker_words: list[str], limit: int, offset: int,
           using: str) -> tuple[int, list[Match]]:
    """The number of matching turns, and one page of them, best first."""
    expression = match_expression(tree, speaker_words)
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {TABLE} WHERE {TABLE} MATCH %s", [expression])
        total = int(cursor.fetchone()[0])
        if total == 0 or limit == 0:
            return total, []
        # rank first, then make snippets for the page only: snippet() in the ranking query
        # would run for every match, not just the ones shown
        cursor.execute(
            f"SELECT rowid, {_RANK} AS score FROM {TABLE} WHERE {TABLE} MATCH %s "
            f"ORDER BY score, rowid LIMIT %s OFFSET %s", [expression, limit, offset])
        ranked = [(int(rowid), -float(score)) for rowid, score in cursor.fetchall()]
        if not ranked:
            return total, []
        marks = ", ".join(["%s"] * len(ranked))
        cursor.execute(
            f"SELECT rowid, snippet({TABLE}, 0, %s, %s, '…', {SNIPPET_TOKENS}) FROM {TABLE} "
            f"WHERE {TABLE} MATCH %s AND rowid IN ({marks})",
            [MARK_START, MARK_END, expression, *[rowid for rowid, _ in ranked]])
        snippets = dict(cursor.fetchall())
    return total, [Match(rowid, score, snippets.get(rowid, "")) for rowid, score in ranked]
