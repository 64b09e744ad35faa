"""Search on PostgreSQL: turns matched with to_tsvector('english', text) @@ tsquery (GIN index of
migration 0002), ranked by ts_rank, with ts_headline snippets."""

from __future__ import annotations

from typing import Any

from django.db import connections

from memcon.archive.models import BodyItem
from memcon.search.query import Node, to_tsquery
from memcon.search.snippets import MARK_END, MARK_START, Match

CONFIG = "english"
TABLE = BodyItem._meta.db_table
# the expression must be written exactly as in the index for PostgreSQL to use it
VECTOR = f"to_tsvector('{CONFIG}', b.text)"
HEADLINE_OPTIONS = f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=32, MinWords=12"


def _filters(query_sql: str, query_params: list[Any],
             speaker_words: list[str]) -> tuple[str, list[Any]]:
    where = f"b.kind = 'turn' AND {VECTOR} @@ {query_sql}"
    out: list[Any] = list(query_params)
    for word in speaker_words:
        # a whole word of the label, in any case: "Stalin" matches "[Joseph] Stalin"
        where += r" AND b.speaker ~* %s"
        out.append(r"\m" + word + r"\M")
    return where, out


def search(tree: Node, speaker_words: list[str], limit: int, offset: int,
           using: str) -> tuple[int, list[Match]]:
    """The number of matching turns, and one page of them, best first."""
    query_sql, query_params = to_tsquery(tree, CONFIG)
    where, params = _filters(query_sql, query_params, speaker_words)
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {TABLE} b WHERE {where}", params)
        total = int(cursor.fetchone()[0])
        if total == 0 or limit == 0:
            return total, []
        # headlines are costly: rank and cut the page first, then make headlines for it only
        cursor.execute(
            f"WITH page AS ("
            f"  SELECT b.id, b.text, ts_rank({VECTOR}, {query_sql}) AS score"
            f"  FROM {TABLE} b WHERE {where}"
            f"  ORDER BY score DESC, b.id LIMIT %s OFFSET %s)"
            f" SELECT id, score, ts_headline('{CONFIG}', text, {query_sql}, %s) FROM page"
            f" ORDER BY score DESC, id",
            [*query_params, *params, limit, offset, *query_params, HEADLINE_OPTIONS])
        rows = cursor.fetchall()
    return total, [Match(int(item_id), float(score), headline) for item_id, score, headline in rows]
