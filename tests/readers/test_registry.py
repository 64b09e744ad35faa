"""Format detection: the best-scoring reader reads the file; a refusal falls back to the next."""

from __future__ import annotations

from pathlib import Path

import pytest

from memcon.errors import InputError
from memcon.readers.inputs import InputFile
from memcon.readers.registry import candidates, detect, read_input

NARRATIVE = (
    b"The Ambassador called on the Chairman at his request.\n\n"
    b"The Ambassador asked the Chairman whether the delegation would arrive on Monday.\n"
)


def test_a_plain_narrative_that_no_archive_page_is_still_read() -> None:
    source = InputFile("narrative.txt", NARRATIVE)
    assert len(candidates(source)) > 1
    records = list(read_input(source))
    assert len(records) == 1
    assert records[0].origin is not None
    assert records[0].origin.format != "archive-page"
    texts = [item.text for item in records[0].body]
    assert "The Ambassador asked the Chairman whether the delegation would arrive on Monday." in texts


def test_the_reference_page_is_detected_as_an_archive_page() -> None:
    from memcon.readers.registry import readers

    path = Path(__file__).parents[2] / "memcon/samples/wilson/soong-stalin-1945-08-10.txt"
    assert detect(InputFile.read(path)) is readers()["archive-page"]


def test_a_forced_format_that_refuses_the_file_is_not_replaced() -> None:
    with pytest.raises(InputError):
        list(read_input(InputFile("narrative.txt", NARRATIVE), "frus-tei"))
