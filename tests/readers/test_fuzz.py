"""Fuzzing every registered reader: only memcon's own errors or valid records, never a crash.

Each reader (forced, as ``--format`` does) and detection by content read every example:
random bytes,
well-formed TEI/FRUS-like trees and text built from the pieces transcripts are made of, and
the real samples and fixtures mutated (bytes flipped, cut, duplicated, deleted; ``<``, ``&``,
``:``, CR, NBSP, BOMs and markup inserted). What comes out is either records that pass the
Document JSON schema or a one-line MemconError; any other exception fails, and so does an
example slower than the deadline. A watchdog ends the process with every thread's traceback
if a reader truly hangs (a catastrophic regex never returns to Python).

Set MEMCON_FUZZ_EXAMPLES to run more examples per test (the default keeps the whole file
near 30 s); e.g. ``MEMCON_FUZZ_EXAMPLES=2000 pytest tests/readers/test_fuzz.py``.
"""

from __future__ import annotations

import faulthandler
import os
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from memcon.errors import InputError, MemconError
from memcon.model.schema import validate_document
from memcon.readers import registry
from memcon.readers.inputs import InputFile
from memcon.readers.xml import FRUS_NS, TEI_NS

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted(
    p for p in [*(ROOT / "memcon" / "samples").rglob("*"), *(ROOT / "tests" / "fixtures").rglob("*")]
    if p.is_file() and p.stat().st_size <= 256_000
)
EXAMPLES = int(os.environ.get("MEMCON_FUZZ_EXAMPLES", "0"))
HANG_SECONDS = 600


def fuzz_settings(default_examples: int) -> settings:
    """Hypothesis settings: a per-example deadline, and more examples when asked for."""
    return settings(
        max_examples=EXAMPLES or default_examples,
        deadline=timedelta(seconds=5),
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                               HealthCheck.function_scoped_fixture],
        derandomize=not EXAMPLES,  # the normal run is reproducible; long runs explore
        database=None,
    )


FORMATS: list[str | None] = [*sorted(registry.readers()), None]


@pytest.fixture(autouse=True)
def watchdog() -> Iterator[None]:
    """End the process with tracebacks if one fuzz test runs far longer than it may."""
    faulthandler.dump_traceback_later(HANG_SECONDS * max(1, EXAMPLES // 200), exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


def check(data: bytes, name: str = "fuzz.txt") -> None:
    """Read ``data`` with every reader and by detection: valid records or one-line MemconError."""
    source = InputFile(name, data)
    for reader in registry.readers().values():
        try:
            score = reader.sniff(source)
        except MemconError:
            continue
        assert isinstance(score, int) and 0 <= score <= 100, (reader.name, score)
    for format_name in FORMATS:
        try:
            records = [record.to_json() for record in registry.read_input(source, format_name)]
        except MemconError as exc:
            assert "\n" not in str(exc), (format_name, str(exc))
            if isinstance(exc, InputError):
                assert str(exc).startswith(f"{name}:"), (format_name, str(exc))
            continue
        except Exception as exc:
            exc.add_note(f"raised by the {format_name or 'detected'} reader on {name}")
            raise
        for record in records:
            validate_document(record)


# Pieces of real records: labels, dates, furniture, stage directions.
WORDS = [
    "Stalin:", "Soong:", "THE PRESIDENT:", "Dr. Kissinger:", "[Andrei] Gromyko:", "Q:", "A:",
    "PARTICIPANTS:", "Present:", "DATE & TIME:", "PLACE:", "SUBJECT:", "My Dear Mr. Secretary:",
    "(laughter)", "(Stalin laughs)", "[ILLEGIBLE]", "(?)", "[3 lines not declassified]",
    "August 10, 1945", "10 August, 1945", "9:00 – 11:30 p.m.", "12:30 a.m. to 2:00 a.m.",
    "4:10 - 5: 20 p.m.", "March 3rd, 1950", "Skip to content", "Document Information",
    "This document was made possible with support from Chun & Jane Chiu Family Foundation",
    "Record ID", "Original Uploaded Date", "Box 6", "Folder 9", "Contributed by David Wolff",
    "---", "title: x", "date: 1945-08-10", "#", "**Stalin:**", "1)", "I. Fisheries.",
    "Memorandum of Conversation", "Source:", "Top Secret; Sensitive", "Drafted by", "Yes.",
    "Admiral Leahy asked", "88. ", "Telegram", "Editorial Note",
]
TEXT_PIECES = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(["\n", "\n\n", "\r\n", " ", "\t", "\u00a0", "\ufeff", ":", "–", "…", "&",
                     "<", ">", "(", ")", "[", "]", "\u2028", "\x85", "\u200b"]),
    # control characters and lone surrogates come from the byte-level strategies instead
    st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=12),
)
text_soup = st.lists(TEXT_PIECES, max_size=120).map("".join)

TAGS = ["p", "sp", "speaker", "u", "stage", "note", "head", "dateline", "date", "time",
        "persName", "list", "item", "label", "table", "row", "cell", "hi", "gap", "pb", "lb",
        "div", "frus:attachment", "closer", "opener", "signed", "placeName", "gloss", "kinesic",
        "vocal", "incident", "listPerson", "person", "title", "seg", "q", "desc", "ref"]
ATTRIBUTES = {
    "type": ["document", "participants", "source", "chapter", "compilation", "summary", ""],
    "subtype": ["editorial-note", "historical-document"],
    "when": ["1945-08-10", "1972-02-22T14:00:00-05:00", "1944-09", "1919", "x", ""],
    "from": ["14:00:00", "09:00:00-05:00", "25:99"],
    "to": ["15:30:00", "bad"],
    "frus:doc-dateTime-min": ["1974-01-07T00:00:00-05:00", "1943-02-02T00:00:00Z", "nope"],
    "frus:doc-dateTime-max": ["1974-01-07T23:59:59-05:00", "1942-01-01T00:00:00Z"],
    "who": ["#p1", "#", "", "#p1 #p2"],
    "corresp": ["#p_KHA1", "#missing", ""],
    "n": ["1", "88", "", "iv"],
    "rend": ["smallcaps", "italic", "strong"],
    "reason": ["declassification"],
    "extent": ["3 lines", ""],
    "target": ["#d1", "#p1"],
}


def _element(tag: str, attributes: list[tuple[str, str]], children: list[str]) -> str:
    attrs = "".join(f" {name}={quoteattr(value)}" for name, value in dict(attributes).items())
    return f"<{tag}{attrs}>{''.join(children)}</{tag}>"


xml_attribute = st.sampled_from([(name, value) for name, values in sorted(ATTRIBUTES.items())
                                  for value in values])
xml_content = st.recursive(
    st.lists(TEXT_PIECES, max_size=8).map("".join).map(escape),
    lambda children: st.builds(_element, st.sampled_from(TAGS), st.lists(xml_attribute, max_size=3),
                               st.lists(children, max_size=6)),
    max_leaves=25,
)
ENVELOPES = [
    f'<TEI xmlns="{TEI_NS}" xmlns:frus="{FRUS_NS}">{{}}</TEI>',
    f'<TEI xmlns="{TEI_NS}" xmlns:frus="{FRUS_NS}"><teiHeader><fileDesc><titleStmt><title>'
    "Foreign Relations, 1969–1976</title></titleStmt><publicationStmt><idno type=\"frus\">"
    'frus1969-76v38p1</idno></publicationStmt></fileDesc></teiHeader><text><body>'
    '<div type="chapter"><div type="document" xml:id="d1" n="1" '
    'frus:doc-dateTime-min="1974-01-07T00:00:00-05:00" '
    'frus:doc-dateTime-max="1974-01-07T23:59:59-05:00">{}</div></div></body></text></TEI>',
    f'<TEI xmlns="{TEI_NS}" xmlns:frus="{FRUS_NS}"><teiHeader><fileDesc><titleStmt>'
    "<title>t</title></titleStmt>"
    "</fileDesc><profileDesc><particDesc><listPerson><person xml:id=\"p1\"><persName>Stalin"
    "</persName></person></listPerson></particDesc></profileDesc></teiHeader><text><body>{}"
    "</body></text></TEI>",
    f'<teiCorpus xmlns="{TEI_NS}" xmlns:frus="{FRUS_NS}"><TEI><text><body>{{}}</body></text>'
    "</TEI></teiCorpus>",
]
xml_documents = st.tuples(st.sampled_from(ENVELOPES), st.lists(xml_content, max_size=8)).map(
    lambda pair: pair[0].replace("{}", "".join(pair[1])).encode("utf-8"))

INSERTS = [b"<", b"&", b":", b"\r", "\u00a0".encode(), b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff",
           b"\x00", b"\xff", b"\x96", b"</p>", b"<p>", b"<!--", b"]]>", b"<![CDATA[", b"&#0;",
           b"&#x110000;", b"&amp;", b"&nbsp;", b"\n\n", b"Stalin:", b"(", b"[", b"<sp>",
           b'<div type="document">', b"</div>", b"<pb/>", b'<!DOCTYPE TEI SYSTEM "x.dtd">',
           b"<!DOCTYPE x [<!ENTITY a 'b'>]>", b"Document Information\n"]


@st.composite
def mutated_seed(draw: st.DrawFn) -> tuple[str, bytes]:
    """A real sample or fixture, then a few mutations of its bytes."""
    seed = draw(st.sampled_from(SEEDS))
    data = bytearray(seed.read_bytes())
    for _ in range(draw(st.integers(1, 6))):
        size = len(data)
        at = draw(st.integers(0, max(size, 1) - 1)) if size else 0
        length = draw(st.integers(1, max(1, min(size - at, 4096))))
        action = draw(st.sampled_from(["flip", "cut", "duplicate", "delete", "insert", "insert",
                                       "insert-random"]))
        if action == "flip" and size:
            data[at] = draw(st.integers(0, 255))
        elif action == "cut":
            del data[at:]
        elif action == "duplicate":
            data[at:at] = data[at:at + length]
        elif action == "delete":
            del data[at:at + length]
        elif action == "insert":
            data[at:at] = draw(st.sampled_from(INSERTS))
        else:
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
    return f"mutated-{seed.name}", bytes(data)


@fuzz_settings(1000)
@given(data=st.binary(max_size=4096))
def test_random_bytes(data: bytes) -> None:
    check(data)


@fuzz_settings(800)
@given(text=text_soup)
def test_text_built_from_transcript_pieces(text: str) -> None:
    check(text.encode("utf-8"))


@fuzz_settings(300)
@given(document=xml_documents)
def test_well_formed_tei_trees(document: bytes) -> None:
    check(document, "fuzz.xml")


@fuzz_settings(1000)
@given(seed=mutated_seed())
def test_mutated_samples_and_fixtures(seed: tuple[str, bytes]) -> None:
    check(seed[1], seed[0])
