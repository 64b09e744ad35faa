"""The known readers, format detection by content, and reading a file into records."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from memcon.errors import InputError
from memcon.model import DocumentRecord, Origin
from memcon.readers.base import Reader
from memcon.readers.inputs import InputFile


def _load_readers() -> dict[str, Reader]:
    # imported here so that each reader module stays importable on its own
    from memcon.readers import archive_html, archive_page, frus_tei, tei, transcript

    readers: list[Reader] = [archive_page.READER, archive_html.READER, frus_tei.READER,
                             tei.READER, transcript.READER]
    return {reader.name: reader for reader in readers}


_READERS: dict[str, Reader] | None = None


def readers() -> dict[str, Reader]:
    """Every known reader by name."""
    global _READERS
    if _READERS is None:
        _READERS = _load_readers()
    return _READERS


def known_formats() -> str:
    """The known format names, for messages: ``archive-page, frus-tei, …``."""
    return ", ".join(sorted(readers()))


def get_reader(name: str) -> Reader:
    """The reader called ``name``; an unknown name raises InputError listing the known ones."""
    try:
        return readers()[name]
    except KeyError:
        raise InputError(name, f"unknown format; known formats: {known_formats()}") from None


def candidates(source: InputFile) -> list[Reader]:
    """The readers that accept the file, best score first; none raises InputError saying why."""
    scored = sorted(((r.sniff(source), r.name) for r in readers().values()), reverse=True)
    accepted = [readers()[name] for score, name in scored if score > 0]
    if not accepted:
        reason, line, column = "is not in a supported format", None, None
        try:
            source.text  # noqa: B018 -- a file that is not even text says why (binary, empty, …)
        except InputError as exc:
            reason, line, column = exc.reason, exc.line, exc.column
        raise InputError(source.path, f"{reason}; known formats: {known_formats()}",
                         line=line, column=column)
    return accepted


def detect(source: InputFile) -> Reader:
    """The reader whose sniffer scores the file highest; none above zero raises InputError."""
    return candidates(source)[0]


def _with_origin(reader: Reader, source: InputFile) -> Iterator[DocumentRecord]:
    origin = Origin(path=source.path, format=reader.name, sha256=source.sha256,
                    reader_version=reader.version)
    for record in reader.read(source):
        record.origin = origin
        yield record


def read_input(source: InputFile, format: str | None = None) -> Iterator[DocumentRecord]:
    """Parse one input into records, each with its ``origin`` filled in.

    Without ``format``, a reader that refuses the file before its first record hands it to the
    next-best reader; when every one refuses, the best reader's reason is raised.
    """
    if format:
        yield from _with_origin(get_reader(format), source)
        return
    first_error: InputError | None = None
    for reader in candidates(source):
        records = _with_origin(reader, source)
        try:
            first = next(records, None)
        except InputError as exc:
            first_error = first_error or exc
            continue
        if first is not None:
            yield first
            yield from records
        return
    if first_error is not None:
        raise first_error


def read_path(path: str | Path, format: str | None = None) -> list[DocumentRecord]:
    """Parse the file at ``path`` into records (all of them, or InputError)."""
    return list(iter_path(path, format))


def iter_path(path: str | Path, format: str | None = None) -> Iterator[DocumentRecord]:
    """The records of the file at ``path``, each as soon as it is read (InputError where it fails).

    A volume is read as it streams: only the record being built is held in memory.
    """
    source = InputFile.read(path)
    found = False
    for record in read_input(source, format):
        found = True
        yield record
    if not found:
        raise InputError(source.path, "holds no record")
