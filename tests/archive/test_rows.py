"""A record's rows: every value as the archive stores it, and the record back from them exactly."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from memcon.archive.rows import record_rows, to_json_text
from memcon.model import BodyItem, DocumentRecord

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner,
                                                                  max_size=3),
    max_leaves=6)
METAS = st.dictionaries(st.sampled_from(["line", "label_form", "speaker_ref", "n"]), JSON_VALUES,
                        max_size=3)


@given(st.lists(METAS, max_size=12))
def test_each_items_meta_is_stored_as_its_own_json(metas: list[dict[str, object]]) -> None:
    record = DocumentRecord(title="T", body=[
        BodyItem("turn", f"Turn {n}.", speaker="A", meta=meta) for n, meta in enumerate(metas)])
    rows = record_rows(record)
    assert [row[5] for row in rows.body] == [to_json_text(meta) for meta in metas]
    assert [json.loads(row[5]) for row in rows.body] == [meta or {} for meta in metas]


def test_equal_values_of_other_types_keep_their_own_json() -> None:
    metas: list[dict[str, object]] = [{"n": 1}, {"n": True}, {"n": 1.0}, {"n": "1"}, {"n": 1}]
    record = DocumentRecord(title="T", body=[BodyItem("paragraph", "P.", meta=m) for m in metas])
    assert [row[5] for row in record_rows(record).body] == [
        '{"n": 1}', '{"n": true}', '{"n": 1.0}', '{"n": "1"}', '{"n": 1}']


def test_the_record_comes_back_from_its_rows(dairen_record: DocumentRecord) -> None:
    assert record_rows(dairen_record).to_record().to_json() == dairen_record.to_json()
