"""Input files as bytes, and their text decoded faithfully (BOMs, UTF-16, Windows-1252).

>>> decode_text(b"\\xef\\xbb\\xbfStalin: Yes.", "a.txt")
'Stalin: Yes.'
"""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from memcon.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control characters that never occur in a text record (tab, LF, CR and FF are fine).
_CONTROL = {c for c in range(32) if c not in (9, 10, 12, 13)} | {127}


@dataclass(slots=True)
class InputFile:
    """One input file: its path as given, its bytes, and their sha256."""

    path: str
    data: bytes
    _text: str | None = field(default=None, repr=False)

    @classmethod
    def read(cls, path: str | Path) -> InputFile:
        """Read a file from disk; unreadable files raise InputError."""
        try:
            data = Path(path).read_bytes()
        except IsADirectoryError:
            raise InputError(str(path), "is a folder, not a file") from None
        except OSError as exc:
            raise InputError(str(path), f"cannot be read ({exc.strerror or exc})") from None
        return cls(str(path), data)

    @property
    def sha256(self) -> str:
        """The sha256 of the input bytes, in hex."""
        return hashlib.sha256(self.data).hexdigest()

    @property
    def text(self) -> str:
        """The file's text, decoded once (see ``decode_text``)."""
        if self._text is None:
            self._text = decode_text(self.data, self.path)
        return self._text

    @property
    def suffix(self) -> str:
        """The file name's extension, lower-cased (``.txt``)."""
        return Path(self.path).suffix.lower()


def looks_binary(data: bytes) -> bool:
    """True when bytes without a UTF-16/32 BOM hold NUL or many control bytes."""
    if any(data.startswith(bom) for bom, name in _BOMS if name != "utf-8"):
        return False
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b in _CONTROL)
    return controls > max(2, len(sample) // 200)


def _decode_with_bom(data: bytes, path: str) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(path, f"declares {encoding} by its byte-order mark but "
                                       f"byte {exc.start + len(bom)} is not {encoding}") from None
    return None


def decode_text(data: bytes, path: str) -> str:
    """Decode a text file: BOM first, then UTF-8, then Windows-1252; refuse binary or empty input.

    Windows-1252 is the one legacy encoding copied pages arrive in; bytes it leaves undefined
    (0x81, 0x8D, 0x8F, 0x90, 0x9D) mean the file is not text in it, so it is refused.
    """
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xfe\xff"):
        raise InputError(path, "is empty")
    text = _decode_with_bom(data, path)
    if text is None:
        if looks_binary(data):
            raise InputError(path, "is a binary file, not text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as utf8_error:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                raise InputError(
                    path,
                    f"is neither UTF-8 (bad byte at offset {utf8_error.start}) nor Windows-1252",
                ) from None
    if any(ord(c) in _CONTROL for c in text[:65536]):
        bad = next(i for i, c in enumerate(text) if ord(c) in _CONTROL)
        line = text.count("\n", 0, bad) + 1
        raise InputError(path, f"holds a control character (U+{ord(text[bad]):04X}), not text",
                         line=line)
    return text
