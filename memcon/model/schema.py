"""The Document JSON Schema shipped in the package, and validation against it."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import jsonschema

from memcon.errors import MemconError


@cache
def document_schema() -> dict[str, Any]:
    """The JSON Schema of Document JSON."""
    text = resources.files("memcon.schema").joinpath("document.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@cache
def _validator() -> jsonschema.protocols.Validator:
    schema = document_schema()
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def validate_document(data: dict[str, Any]) -> None:
    """Raise MemconError naming the first place where ``data`` breaks the Document JSON schema."""
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        where = "/".join(str(p) for p in first.absolute_path) or "(top)"
        raise MemconError(f"Document JSON invalid at {where}: {first.message}")
