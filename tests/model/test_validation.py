"""Fast validation decides as the Document JSON schema does, and says what it says."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from memcon.errors import MemconError
from memcon.model import validation
from memcon.model.schema import document_schema, validate_document
from memcon.model.validation import validate
from memcon.readers.registry import read_path

REFERENCE = Path(__file__).resolve().parents[2] / "memcon" / "samples" / "wilson" / \
    "soong-stalin-1945-08-10.txt"
GOOD_WITHOUT_BODY = {**read_path(REFERENCE)[0].to_json(), "body": []}


@pytest.fixture
def good() -> dict[str, Any]:
    return read_path(REFERENCE)[0].to_json()


def outcome(check: Any, data: dict[str, Any]) -> str | None:
    """The message ``check`` raises on ``data``, or None when it passes."""
    try:
        check(data)
    except MemconError as exc:
        return str(exc)
    return None


def test_a_valid_record_passes(good: dict[str, Any]) -> None:
    validate(good)


@pytest.mark.parametrize(("key", "value"), [
    ("date", "10 August 1945"), ("body", None), ("complete", "yes"), ("languages", [3]),
])
def test_a_broken_field_gets_the_schemas_own_message(good: dict[str, Any], key: str,
                                                     value: object) -> None:
    bad = copy.deepcopy(good)
    bad[key] = value
    assert outcome(validate, bad) is not None
    assert outcome(validate, bad) == outcome(validate_document, bad)


def test_a_missing_body_is_refused(good: dict[str, Any]) -> None:
    bad = copy.deepcopy(good)
    del bad["body"]
    assert outcome(validate, bad) == outcome(validate_document, bad) is not None


def test_the_body_check_implements_the_schemas_body_item_rules() -> None:
    # if the schema's body items change, the plain check must change with them
    assert document_schema()["properties"]["body"] == {"type": "array",
                                                       "items": validation._BODY_ITEM}
    assert validation._body_check() is not None


@pytest.mark.parametrize("item", [
    {"kind": "stage", "text": "(laughter)", "speaker": "Stalin"},  # a speaker on a non-turn
    {"kind": "stage", "text": "(laughter)", "speaker": None},
    {"kind": "turn", "text": "Yes."},  # a turn without its speaker
    {"kind": "turn", "text": "Yes.", "speaker": 3},
    {"kind": "turn", "text": None, "speaker": "Stalin"},
    {"kind": True, "text": "Yes."},
    {"kind": "song", "text": "Yes."},
    {"text": "Yes."},
    ["turn", "Yes."],
])
def test_each_body_item_rule_is_kept(item: object) -> None:
    record = {**GOOD_WITHOUT_BODY, "body": [{"kind": "turn", "text": "Hm.", "speaker": "A"}, item]}
    assert outcome(validate, record) == outcome(validate_document, record) is not None


ODD = st.none() | st.booleans() | st.integers(0, 2) | st.lists(st.none(), max_size=1)
# mostly well-formed items, each part sometimes odd or missing: where mistakes hide
BODY_ITEMS = st.fixed_dictionaries({}, optional={
    "kind": st.sampled_from(["turn", "stage", "paragraph", "gap", "song", ""]) | ODD,
    "text": st.text(max_size=3) | ODD,
    "speaker": st.sampled_from(["Stalin", ""]) | ODD,
    "line": st.integers(1, 9),
}) | ODD


@settings(max_examples=300)
@given(st.lists(BODY_ITEMS, max_size=4))
def test_any_body_is_judged_as_the_schema_judges_it(body: list[Any]) -> None:
    record = {**GOOD_WITHOUT_BODY, "body": body}
    assert outcome(validate, record) == outcome(validate_document, record)

