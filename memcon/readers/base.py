"""What every reader is: a name, a version, a content sniffer and a parser that emits records."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from memcon.model import DocumentRecord
from memcon.readers.inputs import InputFile


class Reader(Protocol):
    """A reader of one input format. It only emits records; it never writes to a database.

    ``sniff`` scores how likely the file is in this format, by content (0 = not at all,
    100 = certain); the file name's extension may tip the balance but never decides alone.
    ``read`` yields one record per document (several for a volume) and raises InputError
    for input it cannot read. The registry fills each record's ``origin``.
    """

    name: str
    version: str
    description: str

    def sniff(self, source: InputFile) -> int: ...

    def read(self, source: InputFile) -> Iterator[DocumentRecord]: ...
