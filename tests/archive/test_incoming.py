"""A file parsed in a worker reaches the writer record by record, before its parse ends."""

from __future__ import annotations

import multiprocessing
import pickle
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from memcon.archive import parsing
from memcon.archive.incoming import Incoming
from memcon.archive.parsing import parse_file
from memcon.model import DocumentRecord
from memcon.readers.inputs import InputFile

VOLUME = Path(__file__).resolve().parents[2] / "memcon" / "samples" / "frus" / \
    "frus1944Quebec-excerpt.xml"


def gated(gate: Path, fail: bool = False) -> object:
    """``read_input`` that waits for ``gate`` to exist before the last record of ``VOLUME``
    (or before failing there)."""
    original = parsing.read_input

    def read_input(source: InputFile, format_name: str | None = None) -> Iterator[DocumentRecord]:
        records = list(original(source, format_name))
        if source.path != str(VOLUME):
            yield from records
            return
        yield from records[:-1]
        deadline = time.monotonic() + 60
        while not gate.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        if fail:
            raise parsing.InputError(source.path, "is cut off", position="line 9")
        yield records[-1]

    return read_input


def pool() -> ProcessPoolExecutor:
    """One forked worker: it inherits what the test patched."""
    return ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))


def test_records_reach_the_writer_while_the_rest_is_still_parsed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gate = tmp_path / "gate"
    monkeypatch.setattr(parsing, "SPOOL_BYTES", 1)
    monkeypatch.setattr(parsing, "read_input", gated(gate))
    spool = str(tmp_path / "1.spool")
    with pool() as executor:
        incoming = Incoming.submitted(str(VOLUME), executor.submit(
            parse_file, str(VOLUME), None, str(tmp_path), spool), spool)
        frames = incoming.frames()
        early = [pickle.loads(next(frames)), pickle.loads(next(frames))]
        assert not incoming.finished() and incoming.succeeded() is None
        gate.touch()
        late = [pickle.loads(frame) for frame in frames]
    assert incoming.succeeded() is True
    records = early + late
    assert [r.position for r in records] == [0, 1, 2]
    assert [r.record.to_json() for r in records] == \
        [r.record.to_json() for r in parse_file(str(VOLUME)).records()]
    incoming.discard()
    assert not Path(spool).exists()


def test_a_file_that_fails_after_its_first_records_says_so_in_the_end(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gate = tmp_path / "gate"
    monkeypatch.setattr(parsing, "SPOOL_BYTES", 1)
    monkeypatch.setattr(parsing, "read_input", gated(gate, fail=True))
    spool = str(tmp_path / "1.spool")
    with pool() as executor:
        incoming = Incoming.submitted(str(VOLUME), executor.submit(
            parse_file, str(VOLUME), None, str(tmp_path), spool), spool)
        frames = incoming.frames()
        assert pickle.loads(next(frames)).position == 0
        gate.touch()
        list(frames)
    assert incoming.succeeded() is False
    failure = incoming.result().failure
    assert failure is not None and (failure.position, failure.reason) == ("line 9", "is cut off")


def test_a_file_parsed_here_gives_its_records_at_once(reference_path: Path) -> None:
    incoming = Incoming.parsed(parse_file(str(reference_path)))
    assert incoming.succeeded() is True
    (frame,) = incoming.frames()
    assert pickle.loads(frame).rows.turns == 173
