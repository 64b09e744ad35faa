"""memcon's own exception types: every message names what a user can act on."""

from __future__ import annotations


class MemconError(Exception):
    """Base of every error memcon raises on purpose."""


class InputError(MemconError):
    """A file that cannot be read as a record: names the file, the place in it and the reason.

    >>> str(InputError("a.xml", "not well-formed", line=3, column=7))
    'a.xml:3:7: not well-formed'
    """

    def __init__(
        self,
        path: str,
        reason: str,
        *,
        line: int | None = None,
        column: int | None = None,
        position: str | None = None,
    ) -> None:
        self.path = path
        # one line whatever a parser put in it (libxml2 quotes source lines), so that each
        # error is exactly one line on stderr and in --report files
        self.reason = " ".join(reason.split())
        self.line = line
        self.column = column
        self.position = position
        super().__init__(str(self))

    @property
    def where(self) -> str | None:
        """The place in the file, as ``line:column``, ``line`` or a reader's own position."""
        if self.line is not None:
            return f"{self.line}:{self.column}" if self.column is not None else str(self.line)
        return self.position

    def __str__(self) -> str:
        where = self.where
        return f"{self.path}:{where}: {self.reason}" if where else f"{self.path}: {self.reason}"

    def as_dict(self) -> dict[str, object]:
        """The error as a JSON-ready report line."""
        return {"file": self.path, "position": self.where, "reason": self.reason}


class QueryError(MemconError):
    """A search query that cannot be understood."""


class ConfigurationError(MemconError):
    """A setting (database URL, path) that cannot be used."""


class NotFound(MemconError):
    """A record id that is not in the archive."""
