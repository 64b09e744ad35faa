"""Input files as bytes, and their text decoded faithfully (BOMs, UTF-16, Windows-1252).

Decoding never guesses: a byte-order mark decides; then UTF-16/32 without a BOM is recognised
by its NUL-byte pattern; then UTF-8; then Windows-1252, the one legacy encoding copied pages
arrive in, but only when the bytes read as Western text. Anything else (binary files, control
characters, mixed encodings, text in another legacy encoding) is refused with an InputError
that names the place and the reason.

>>> decode_text(b"\\xef\\xbb\\xbfStalin: Yes.", "a.txt")
'Stalin: Yes.'
>>> decode_text("Stalin: Yes – no…".encode("cp1252"), "a.txt")
'Stalin: Yes – no…'
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from memcon.errors import InputError

# Larger inputs are refused before they are read: a FRUS volume is ~30 MB, so this is
# generous, and it keeps a stray disk image or /dev/zero from exhausting memory.
MAX_INPUT_BYTES = 256 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control characters that never occur in a text record: tab, LF, VT (Word's manual line
# break), FF and CR are fine. Kept as a set for ``looks_binary`` and as a regex for speed.
_CONTROL = {c for c in range(32) if c not in (9, 10, 11, 12, 13)} | {127}
_CONTROL_BYTES = bytes(sorted(_CONTROL))
_CONTROL_RE = re.compile(f"[{re.escape(''.join(map(chr, sorted(_CONTROL))))}]")

# Formats a user may hand over by mistake, told apart by their first bytes.
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.odt/.epub, which are ZIP archives)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"\xfd7zXZ\x00", "an xz-compressed file"),
    (b"BZh91AY&SY", "a bzip2-compressed file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an executable program (ELF)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file (.doc/.xls)"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_HIGH_BYTES = bytes(range(0x80, 0x100))
_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_SAMPLE = 65536
# what an "empty" page holds: whitespace, stray byte-order marks, zero-width spaces
_BLANK = re.compile(r"[\s\ufeff\u200b]*")


@dataclass(slots=True)
class InputFile:
    """One input file: its path as given, its bytes, and their sha256."""

    path: str
    data: bytes
    _text: str | None = field(default=None, repr=False)
    _encoding: str | None = field(default=None, repr=False)
    _truncated: bool = field(default=False, repr=False)
    _error: InputError | None = field(default=None, repr=False)
    _sha256: str | None = field(default=None, repr=False, compare=False)
    _markup_bytes: bytes | None = field(default=None, repr=False, compare=False)

    @classmethod
    def read(cls, path: str | Path) -> InputFile:
        """Read a file from disk; unreadable, special or oversized files raise InputError."""
        name = str(path)
        try:
            with Path(path).open("rb") as handle:
                mode = os.fstat(handle.fileno())
                if stat.S_ISCHR(mode.st_mode) or stat.S_ISBLK(mode.st_mode):
                    raise InputError(name, "is a device, not a file")
                if stat.S_ISREG(mode.st_mode) and mode.st_size > MAX_INPUT_BYTES:
                    raise InputError(name, f"is {mode.st_size} bytes, larger than the "
                                           f"{MAX_INPUT_BYTES // 2**20} MiB memcon reads from one file")
                # pipes have no size: read one byte past the limit to know it was passed
                data = handle.read(MAX_INPUT_BYTES + 1)
        except IsADirectoryError:
            raise InputError(name, "is a folder, not a file") from None
        except OSError as exc:
            raise InputError(name, f"cannot be read ({exc.strerror or exc})") from None
        if len(data) > MAX_INPUT_BYTES:
            raise InputError(name, f"is larger than the {MAX_INPUT_BYTES // 2**20} MiB "
                                   "memcon reads from one file")
        return cls(name, data)

    @property
    def sha256(self) -> str:
        """The sha256 of the input bytes, in hex (hashed once: each reader tried asks)."""
        if self._sha256 is None:
            self._sha256 = hashlib.sha256(self.data).hexdigest()
        return self._sha256

    @property
    def starts_with_markup(self) -> bool:
        """True when the first character, past a BOM and white space, is ``<`` (XML, HTML).

        Plain-text sniffers ask this first, so that a large XML volume is never decoded as text;
        markup sniffers ask it too, so that the two never both claim a file.
        """
        head = self.data[:_SAMPLE]
        for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
            if head.startswith(bom):
                head = head[len(bom):]
                break
        head = head.replace(b"\x00", b"").lstrip(b" \t\r\n")
        return head.startswith(b"<")

    @property
    def markup_bytes(self) -> bytes:
        """The bytes, for sniffers to find ASCII markers in: UTF-16 re-encoded as UTF-8 (once)."""
        if self._markup_bytes is None:
            self._markup_bytes = self.data
            for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"),
                                  (codecs.BOM_UTF16_BE, "utf-16-be")):
                if self.data.startswith(bom):
                    self._markup_bytes = self.data[len(bom):].decode(
                        encoding, errors="replace").encode("utf-8")
                    break
        return self._markup_bytes

    @property
    def text(self) -> str:
        """The file's text, decoded once (see ``decode_text``)."""
        if self._error is not None:
            raise self._error.with_traceback(None)  # every sniffer asks: decode only once
        if self._text is None:
            try:
                decoded = decode(self.data, self.path)
            except InputError as exc:
                self._error = exc
                raise
            self._text, self._encoding, self._truncated = (
                decoded.text, decoded.encoding, decoded.truncated)
        return self._text

    @property
    def encoding(self) -> str:
        """The encoding the text was decoded from (``utf-8``, ``utf-16-le``, ``cp1252`` …)."""
        self.text  # noqa: B018 -- decoding fills the encoding in
        assert self._encoding is not None
        return self._encoding

    @property
    def truncated(self) -> bool:
        """True when the bytes stop in the middle of a character: the file was cut off."""
        self.text  # noqa: B018 -- decoding finds out
        return self._truncated

    @property
    def suffix(self) -> str:
        """The file name's extension, lower-cased (``.txt``)."""
        return Path(self.path).suffix.lower()


@dataclass(slots=True, frozen=True)
class DecodedText:
    """Text decoded from bytes, the encoding it came from, and whether it was cut mid-character."""

    text: str
    encoding: str
    truncated: bool = False


def binary_kind(data: bytes) -> str | None:
    """What a known binary format is (``a PNG image``), from its first bytes; else None."""
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return kind
    return None


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark at the start declares, if any."""
    found = _bom(data)
    return found[1] if found else None


def _bom(data: bytes) -> tuple[bytes, str] | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return bom, encoding
    return None


def unmarked_utf16_or_32(data: bytes) -> str | None:
    """UTF-16/32 without a BOM, told by NULs in every 2nd/4th byte (as in mostly-Latin text)."""
    sample = data[:_SAMPLE]
    sample = sample[:len(sample) // 4 * 4]
    if len(sample) < 8 or b"\x00" not in sample:
        return None
    units = len(sample) // 4
    nuls = [sample[i::4].count(0) for i in range(4)]
    # UTF-32: the top byte of every unit is NUL, the next one nearly always (BMP text)
    if nuls[3] == units and nuls[2] >= 0.9 * units and nuls[0] < units:
        return "utf-32-le"
    if nuls[0] == units and nuls[1] >= 0.9 * units and nuls[3] < units:
        return "utf-32-be"
    pairs = len(sample) // 2
    even, odd = nuls[0] + nuls[2], nuls[1] + nuls[3]
    # UTF-16: NULs on one side only, the high byte of Latin characters
    if odd >= 0.3 * pairs and even == 0:
        return "utf-16-le"
    if even >= 0.3 * pairs and odd == 0:
        return "utf-16-be"
    return None


def looks_binary(data: bytes) -> bool:
    """True when bytes without a UTF-16/32 BOM or pattern hold NULs or many control bytes."""
    if binary_kind(data):
        return True
    if bom_encoding(data) not in (None, "utf-8") or unmarked_utf16_or_32(data):
        return False
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > max(2, len(sample) // 200)


def decode_text(data: bytes, path: str) -> str:
    """Decode a text file, or refuse it with InputError (see the module's docstring)."""
    return decode(data, path).text


def decode(data: bytes, path: str) -> DecodedText:
    """Decode a text file: its text, encoding, and whether it stops mid-character."""
    if not data:
        raise InputError(path, "is empty (0 bytes)")
    kind = binary_kind(data)
    if kind:
        raise InputError(path, f"is {kind}, not text")
    bom = _bom(data)
    if bom:
        decoded = _decode_strict(data, len(bom[0]), bom[1], path, by_bom=True)
    elif encoding := unmarked_utf16_or_32(data):
        decoded = _decode_strict(data, 0, encoding, path, by_bom=False)
    elif b"\x00" in data:
        offset = data.index(b"\x00")
        line, column = _byte_place(data, offset)
        raise InputError(path, "holds NUL bytes: a binary file, not text",
                         line=line, column=column)
    else:
        decoded = _decode_8bit(data, path)
    _refuse_controls(decoded.text, path)
    if _BLANK.fullmatch(decoded.text):
        raise InputError(path, "holds only whitespace" if decoded.text else "is empty")
    return decoded


def _decode_strict(data: bytes, start: int, encoding: str, path: str, *, by_bom: bool) -> DecodedText:
    """Decode with one Unicode encoding; bytes cut off mid-character at the end are dropped."""
    body = data[start:]
    try:
        return DecodedText(body.decode(encoding), encoding)
    except UnicodeDecodeError as exc:
        if _cut_mid_character(exc, body):
            # a download or copy that stopped mid-character: the partial bytes are no text
            return DecodedText(body[:exc.start].decode(encoding), encoding, truncated=True)
        prefix = body[:exc.start].decode(encoding, "replace")
        line, column = line_and_column(prefix, len(prefix))
        name = encoding.upper()
        how = f"has a {name} byte-order mark" if by_bom else f"looks like {name}"
        raise InputError(path, f"{how}, but its bytes here are not {name}",
                         line=line, column=column) from None


def _decode_8bit(data: bytes, path: str) -> DecodedText:
    """UTF-8 if the bytes are UTF-8, else Windows-1252 if they read as Western text."""
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if _cut_mid_character(utf8_error, data):
        return DecodedText(data[:utf8_error.start].decode("utf-8"), "utf-8", truncated=True)
    offset = utf8_error.start
    line, column = _byte_place(data, offset)
    if looks_binary(data):
        raise InputError(path, "is a binary file, not text", line=line, column=column)
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    utf8_high = sum(len(m) for m in _UTF8_MULTIBYTE.findall(data))
    if utf8_high * 2 >= high:
        raise InputError(path, f"is UTF-8 except for byte 0x{data[offset]:02X} here: it mixes "
                               "encodings; save it again as UTF-8", line=line, column=column)
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        line, column = _byte_place(data, exc.start)
        raise InputError(path, f"is neither UTF-8 nor Windows-1252 (byte 0x{data[exc.start]:02X} "
                               "is in neither); save it as UTF-8", line=line, column=column) from None
    letters = len(data) - len(data.translate(None, _ASCII_LETTERS)) + high
    if high >= 8 and high > 0.3 * letters:
        # Western text has a few accented letters; mostly-8-bit "letters" are another script
        raise InputError(path, "is not UTF-8, and as Windows-1252 it would be mostly accented "
                               f"letters: another legacy encoding{_encoding_hint(data)}? save it "
                               "as UTF-8", line=line, column=column)
    return DecodedText(text, "cp1252")


def _cut_mid_character(error: UnicodeDecodeError, data: bytes) -> bool:
    """True when decoding failed only because the bytes end inside a character."""
    return error.end == len(data) and error.reason in ("unexpected end of data", "truncated data")


def _encoding_hint(data: bytes) -> str:
    """A hint naming the legacy encoding the bytes may be in, for the refusal message."""
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:16384]).best()
    except Exception:  # a hint only: never let the guesser turn a refusal into a crash
        return ""
    return f" (perhaps {best.encoding})" if best is not None else ""


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of ``offset`` in ``text``.

    >>> line_and_column("ab\\ncd", 4)
    (2, 2)
    """
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _refuse_controls(text: str, path: str) -> None:
    """Refuse text holding control characters that no text record has."""
    match = _CONTROL_RE.search(text)
    if match is None:
        return
    at = match.start()
    line, column = line_and_column(text, at)
    raise InputError(path, f"holds the control character U+{ord(text[at]):04X}, which text "
                           "never has: a binary or damaged file", line=line, column=column)


def _byte_place(data: bytes, offset: int) -> tuple[int, int]:
    """Line and column (1-based; the column counts bytes) of a byte offset."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    return data.count(b"\n", 0, offset) + 1, offset - line_start + 1
