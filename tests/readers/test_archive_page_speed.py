"""The archive-page reader on huge pages: one giant line, a hundred thousand short ones.

Each case prints its time (run with ``-s`` to see them) and checks the record is still read;
a regex that backtracks catastrophically would make one of them run for minutes.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from memcon.model import DocumentRecord
from memcon.readers.archive_page import parse_page

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "memcon" / "samples" / "wilson" / "soong-stalin-1945-08-10.txt"
FIRST_TURN = "Stalin: The Japanese want to capitulate."
MB = 1_000_000


def timed(name: str, text: str) -> DocumentRecord:
    """The page's record, printing how long reading it took."""
    started = time.perf_counter()
    record = parse_page(text)
    print(f"\n{name}: {len(text) / MB:.1f} MB in {time.perf_counter() - started:.2f} s")
    return record


def around(inside: str) -> str:
    """The reference page with ``inside`` set in front of its first turn."""
    head, _, tail = REFERENCE.read_text("utf-8").partition(FIRST_TURN)
    return f"{head}{inside}\n\n{FIRST_TURN}{tail}"


GIANT_LINES = {
    "words": "Stalin: The Japanese want to capitulate: 10 August, 1945 9:00 - [Andrei] (laughs), ",
    "colons": "a: b: c: d:: e::: [f]: (g): ",
    "brackets": "(((((([[[[[[ ",
    "initials": "[A. B.] C. D. E. F. G. ",
    "dates": "March 3, 1950, 4:10 - 5: 20 p.m. 12:30 a.m. to ",
}


@pytest.mark.slow
@pytest.mark.parametrize("shape", GIANT_LINES)
def test_a_5_mb_line_is_read(shape: str) -> None:
    line = (GIANT_LINES[shape] * (5 * MB // len(GIANT_LINES[shape]) + 1))[:5 * MB]
    record = timed(f"one 5 MB line of {shape}", around("Stalin: " + line))
    assert len(record.turns) == 174 and record.doc_type == "Memorandum of Conversation"


@pytest.mark.slow
def test_100k_short_lines_are_read() -> None:
    turns = "".join(f"{'Stalin' if i % 2 else 'Soong'}: Line {i}.\n" for i in range(100_000))
    record = timed("100k short turns", around(turns))
    assert len(record.turns) == 100_173
    lines = "".join(f"Line {i} of one long turn, [1] (?).\n" for i in range(100_000))
    record = timed("100k continuation lines", around("Stalin: Start.\n" + lines))
    assert len(record.turns[0].paragraphs) == 100_001
    notes = "".join(f"[{i}] A note.\n" for i in range(1, 100_001))
    record = timed("100k note-like lines", around("") + notes)
    assert record.summary is not None and record.complete


@pytest.mark.slow
def test_a_5_mb_information_block_is_read() -> None:
    citation = "AVP RF, f. 1, op. 2, d. 3, " * (5 * MB // 26)
    text = (f"March 3, 1950\n\nTalks\n\nStalin: Yes.\n\nMolotov: No.\n\nThey talk.\n\n"
            f"Document Information\n\n{citation}\n\nRecord ID\n\n123\n")
    record = timed("a 5 MB citation", text)
    assert record.source.repository == "AVP RF" and record.source.record_id == "123"
