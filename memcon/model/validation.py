"""Validation against the Document JSON schema fast enough for ingest (a million turns).

``validate`` decides exactly as ``memcon.model.schema.validate_document`` does. Valid records,
nearly all of them, are checked by the schema compiled to Python (fastjsonschema), except for
their body items, the bulk of any record, which a plain check handles when the schema's body
item rules are the ones it knows (``_BODY_ITEM``; a test keeps the two in step). Anything the
fast checks do not pass goes to ``validate_document``, which decides and names the place.

>>> validate({"title": None})
Traceback (most recent call last):
...
memcon.errors.MemconError: Document JSON invalid at (top): 'date' is a required property
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

import fastjsonschema

from memcon.model.schema import document_schema, validate_document

# the body item rules of the schema that ``_valid_body_items`` implements
_BODY_ITEM: dict[str, Any] = {
    "type": "object",
    "required": ["kind", "text"],
    "properties": {
        "kind": {"enum": ["turn", "stage", "paragraph", "heading", "dateline", "gap"]},
        "speaker": {"type": ["string", "null"]},
        "text": {"type": "string"},
    },
    "if": {"properties": {"kind": {"const": "turn"}}},
    "then": {"required": ["speaker"]},
    "else": {"not": {"required": ["speaker"]}},
}
_KINDS = frozenset(_BODY_ITEM["properties"]["kind"]["enum"])


@cache
def _compiled() -> Any:
    # draft 2020-12 as the schema uses it (refs into $defs, if/then, not) is draft 7 too
    return fastjsonschema.compile(document_schema(), use_formats=False)


@cache
def _body_check() -> Callable[[Sequence[Any]], bool] | None:
    """The plain body check, if the schema's body items are still what it implements."""
    body = document_schema()["properties"]["body"]
    if body.get("type") != "array" or body.get("items") != _BODY_ITEM or len(body) != 2:
        return None
    return _valid_body_items


def _valid_body_items(items: Sequence[Any]) -> bool:
    """True if every item keeps the schema's body item rules (False sends the record to the schema)."""
    for item in items:
        if type(item) is not dict:
            return False
        kind = item.get("kind")
        if type(kind) is not str or kind not in _KINDS or type(item.get("text")) is not str:
            return False
        if kind == "turn":
            if "speaker" not in item:
                return False
            speaker = item["speaker"]
            if speaker is not None and type(speaker) is not str:
                return False
        elif "speaker" in item:
            return False
    return True


def validate(data: dict[str, Any]) -> None:
    """Raise MemconError where ``data`` breaks the Document JSON schema, as ``validate_document``."""
    body = data.get("body")
    check = _body_check()
    try:
        if check is not None and type(body) is list and check(body):
            _compiled()({**data, "body": []})  # the body is checked: the rest, compiled
        else:
            _compiled()(data)
    except fastjsonschema.JsonSchemaException:
        validate_document(data)
