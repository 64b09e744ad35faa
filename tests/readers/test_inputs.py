"""Reading input files and decoding their text: encodings, binary, empty and damaged input."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from memcon.errors import InputError
from memcon.readers.inputs import (
    MAX_INPUT_BYTES,
    InputFile,
    decode,
    decode_text,
    looks_binary,
    unmarked_utf16_or_32,
)

SAMPLES = Path(__file__).resolve().parents[2] / "memcon" / "samples"
HOSTILE = Path(__file__).resolve().parents[1] / "fixtures" / "hostile"
REFERENCE = SAMPLES / "wilson" / "soong-stalin-1945-08-10.txt"

# How a copied page may arrive: (label, bytes from text, encoding memcon reports)
ENCODINGS = {
    "utf-8": (lambda t: t.encode("utf-8"), "utf-8"),
    "utf-8 with BOM": (lambda t: t.encode("utf-8-sig"), "utf-8"),
    "utf-16-le with BOM": (lambda t: b"\xff\xfe" + t.encode("utf-16-le"), "utf-16-le"),
    "utf-16-be with BOM": (lambda t: b"\xfe\xff" + t.encode("utf-16-be"), "utf-16-be"),
    "utf-32-le with BOM": (lambda t: b"\xff\xfe\x00\x00" + t.encode("utf-32-le"), "utf-32-le"),
    "utf-32-be with BOM": (lambda t: b"\x00\x00\xfe\xff" + t.encode("utf-32-be"), "utf-32-be"),
    "utf-16-le without BOM": (lambda t: t.encode("utf-16-le"), "utf-16-le"),
    "utf-16-be without BOM": (lambda t: t.encode("utf-16-be"), "utf-16-be"),
    "windows-1252": (lambda t: t.encode("cp1252"), "cp1252"),
}


def reference_text() -> str:
    return REFERENCE.read_text("utf-8")


def refusal(data: bytes, path: str = "in.txt") -> InputError:
    with pytest.raises(InputError) as caught:
        decode_text(data, path)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(f"{path}:")
    return caught.value


@pytest.mark.parametrize("label", ENCODINGS)
def test_reference_page_decodes_identically_in_every_encoding(label: str) -> None:
    text = reference_text()
    assert {"–", "…", "\u00a0"} <= set(text)  # the characters that tell encodings apart
    encode, encoding = ENCODINGS[label]
    source = InputFile("copy.txt", encode(text))
    assert source.text == text
    assert source.encoding == encoding
    assert not source.truncated


def test_utf8_bom_is_dropped_but_a_later_zero_width_no_break_space_is_kept() -> None:
    assert decode_text("\ufeffStalin: Yes.\ufeff".encode("utf-8"), "a.txt") == (
        "Stalin: Yes.\ufeff")


def test_unmarked_utf16_is_told_from_binary_by_its_nul_pattern() -> None:
    assert unmarked_utf16_or_32("Stalin: Yes.".encode("utf-16-le")) == "utf-16-le"
    assert unmarked_utf16_or_32("Stalin: Yes.".encode("utf-16-be")) == "utf-16-be"
    assert unmarked_utf16_or_32("Stalin: Yes.".encode("utf-32-le")) == "utf-32-le"
    assert unmarked_utf16_or_32((HOSTILE / "random.bin").read_bytes()) is None
    assert unmarked_utf16_or_32((HOSTILE / "binary.png").read_bytes()) is None
    assert looks_binary((HOSTILE / "random.bin").read_bytes())
    assert not looks_binary("Stalin: Yes.".encode("utf-16-le"))


@pytest.mark.parametrize(("data", "kind"), [
    ((HOSTILE / "binary.png").read_bytes(), "a PNG image"),
    (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "ZIP archive (or a .docx"),
    (b"\x7fELF\x02\x01\x01\x00", "executable program"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF file"),
    (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip-compressed"),
    (b"SQLite format 3\x00\x10\x00", "an SQLite database"),
])
def test_known_binary_formats_are_refused_by_name(data: bytes, kind: str) -> None:
    assert kind in refusal(data).reason


def test_random_bytes_are_refused_as_binary() -> None:
    error = refusal((HOSTILE / "random.bin").read_bytes())
    assert "binary" in error.reason
    assert error.line is not None


@pytest.mark.parametrize(("name", "reason"), [
    ("empty.txt", "is empty (0 bytes)"),
    ("whitespace.txt", "holds only whitespace"),
    ("bom-only.txt", "is empty"),
])
def test_files_with_nothing_to_read_are_refused(name: str, reason: str) -> None:
    assert refusal((HOSTILE / name).read_bytes(), name).reason == reason


def test_a_control_character_is_refused_at_its_line_and_column() -> None:
    error = refusal((HOSTILE / "control-char.txt").read_bytes())
    assert (error.line, error.column) == (3, 11)
    assert "U+0007" in error.reason


def test_a_nul_byte_in_text_is_refused_as_binary() -> None:
    error = refusal(b"Stalin: Yes.\nSoong: N\x00o.\n")
    assert (error.line, error.column) == (2, 9)
    assert "NUL" in error.reason


def test_utf8_with_a_windows_1252_byte_is_refused_as_mixed_not_decoded_as_mojibake() -> None:
    error = refusal((HOSTILE / "mixed-encoding.txt").read_bytes())
    assert "mixes encodings" in error.reason
    assert (error.line, error.column) == (3, 12)


def test_another_legacy_encoding_is_refused_rather_than_read_as_windows_1252() -> None:
    error = refusal((HOSTILE / "cp1251.txt").read_bytes())
    assert "another legacy encoding" in error.reason
    assert "save it as UTF-8" in error.reason


def test_western_text_in_windows_1252_with_accents_is_decoded() -> None:
    text = "Bidault: Nous sommes d’accord – à condition que l’été… soit réglé.\n"
    assert decode_text(text.encode("cp1252"), "fr.txt") == text


def test_bytes_undefined_in_windows_1252_are_refused_with_their_place() -> None:
    error = refusal(b"Stalin: Yes.\nSoong: \x81No.\n")
    assert "0x81" in error.reason
    assert (error.line, error.column) == (2, 8)


def test_a_bad_utf16_sequence_after_a_bom_is_refused_at_its_line() -> None:
    error = refusal((HOSTILE / "utf16-bad-surrogate.txt").read_bytes())
    assert "UTF-16-LE byte-order mark" in error.reason
    assert error.line == 2


def test_text_cut_inside_a_character_decodes_up_to_the_cut_and_says_so() -> None:
    for data in ((HOSTILE / "utf8-cut-mid-character.txt").read_bytes(),
                 "Stalin: Yes – no.".encode("utf-16")[:-1]):
        decoded = decode(data, "cut.txt")
        assert decoded.truncated
        assert decoded.text.startswith("Stalin: ")
    assert decode("Soong: Yes –".encode()[:-2], "cut.txt").text == "Soong: Yes "


def test_every_error_message_is_one_line_naming_the_file() -> None:
    for path in sorted(HOSTILE.iterdir()):
        if path.suffix in (".txt", ".bin", ".png") and not path.name.startswith("utf8-cut"):
            refusal(path.read_bytes(), str(path))


def test_reading_a_missing_file_a_folder_or_a_device_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="No such file"):
        InputFile.read(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a folder"):
        InputFile.read(tmp_path)
    if Path(os.devnull).exists():
        with pytest.raises(InputError, match="is a device"):
            InputFile.read(os.devnull)


def test_a_file_larger_than_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(MAX_INPUT_BYTES + 1)  # sparse: no disk space, no memory
    with pytest.raises(InputError, match="larger than the 256 MiB"):
        InputFile.read(huge)


def test_input_file_keeps_the_bytes_and_their_sha256() -> None:
    source = InputFile.read(REFERENCE)
    assert source.data == REFERENCE.read_bytes()
    assert len(source.sha256) == 64
    assert source.suffix == ".txt"
    assert source.sha256 is source.sha256  # hashed once, though every reader tried asks


def test_markup_is_found_past_long_leading_whitespace_and_byte_order_marks() -> None:
    assert InputFile("a.xml", b"\xef\xbb\xbf" + b" \n" * 10_000 + b"<TEI/>").starts_with_markup
    assert InputFile("a.xml", "\n<TEI/>".encode("utf-16")).starts_with_markup
    assert not InputFile("a.txt", b" \n" * 10_000 + b"Stalin: <yes>").starts_with_markup


def test_markup_bytes_are_utf16_reencoded_once_and_other_bytes_as_they_are() -> None:
    utf16 = InputFile("a.html", "<html>Digital Archive</html>".encode("utf-16"))
    assert utf16.markup_bytes == b"<html>Digital Archive</html>"
    assert utf16.markup_bytes is utf16.markup_bytes
    utf8 = InputFile("a.html", b"<html>Digital Archive</html>")
    assert utf8.markup_bytes is utf8.data
