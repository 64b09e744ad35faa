"""Safe XML parsing: entity bombs, external entities, DTDs, XInclude, malformed and huge XML."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from lxml import etree

from memcon.errors import InputError
from memcon.readers.xml import (
    TEI_NS,
    iterparse,
    local_name,
    parse_xml,
    read_prolog,
    release,
    xml_id,
)

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
FRUS = ROOT / "memcon" / "samples" / "frus"
TEI = f'xmlns="{TEI_NS}"'


def refused(data: bytes, path: str = "in.xml") -> InputError:
    """The InputError both parse_xml and iterparse raise for ``data`` (the same one)."""
    with pytest.raises(InputError) as parsed:
        parse_xml(data, path)
    with pytest.raises(InputError) as streamed:
        list(iterparse(data, path, tag="p"))
    assert str(parsed.value) == str(streamed.value)
    assert "\n" not in str(parsed.value) and str(parsed.value).startswith(f"{path}:")
    return parsed.value


def quadratic_blowup(size: int = 50_000) -> bytes:
    """One big entity referenced many times: no nesting, so naive depth limits miss it."""
    return (f'<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY a "{"a" * size}">]>\n'
            f'<TEI {TEI}><text><body><p>{"&a;" * size}</p></body></text></TEI>').encode()


def test_billion_laughs_is_refused_at_its_entity_declarations() -> None:
    error = refused((HOSTILE / "billion-laughs.xml").read_bytes())
    assert "declares entities" in error.reason
    assert error.line == 3


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_entity_declarations_are_found_in_utf16_and_utf32_xml(encoding: str) -> None:
    text = (HOSTILE / "billion-laughs.xml").read_text("utf-8")
    text = text.replace('<?xml version="1.0"?>', f'<?xml version="1.0" encoding="{encoding.upper()[:6]}"?>')
    assert "declares entities" in refused(text.encode(encoding)).reason


def test_entity_declarations_hidden_after_a_long_comment_are_found() -> None:
    bomb = (HOSTILE / "billion-laughs.xml").read_bytes().replace(
        b"?>\n", b"?>\n<!--" + b" padding " * 20_000 + b"-->\n", 1)
    assert len(bomb) > 150_000
    assert "declares entities" in refused(bomb).reason


@pytest.mark.parametrize("name", [
    "external-entity-file.xml", "external-entity-http.xml", "parameter-entity.xml",
])
def test_external_entities_are_refused(name: str) -> None:
    assert "declares entities" in refused((HOSTILE / name).read_bytes()).reason


def test_quadratic_blowup_is_refused() -> None:
    assert "declares entities" in refused(quadratic_blowup()).reason


def test_an_entity_only_an_external_dtd_defines_is_refused_not_dropped() -> None:
    error = refused((HOSTILE / "external-dtd-entity-ref.xml").read_bytes())
    assert "&mdash;" in error.reason
    assert (error.line, error.column) == (5, 37)
    in_attribute = b'<!DOCTYPE TEI SYSTEM "tei.dtd">\n<TEI><p rend="a&mdash;b">x</p></TEI>'
    assert refused(in_attribute).line == 2


def test_an_external_dtd_alone_is_neither_loaded_nor_refused(tmp_path: Path) -> None:
    dtd = tmp_path / "evil.dtd"
    dtd.write_text('<!ENTITY leak "LOADED-FROM-DTD">', "utf-8")
    data = (f'<!DOCTYPE TEI SYSTEM "{dtd.as_uri()}">\n'
            f'<TEI {TEI}><p n="1">Yes &amp; no &#8212; &lt;ok&gt;</p></TEI>').encode()
    root = parse_xml(data, "a.xml")
    assert root[0].text == "Yes & no — <ok>"
    assert b"LOADED" not in etree.tostring(root)


def test_xinclude_is_never_processed(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("XINCLUDED-SECRET", "utf-8")
    data = (f'<TEI {TEI} xmlns:xi="http://www.w3.org/2001/XInclude"><p>Yes.</p>'
            f'<xi:include href="{secret}" parse="text"/></TEI>').encode()
    root = parse_xml(data, "a.xml")
    assert b"XINCLUDED-SECRET" not in etree.tostring(root)
    assert local_name(root[1]) == "include"


@pytest.mark.parametrize(("name", "line", "column", "reason"), [
    ("malformed.xml", 4, 15, "Opening and ending tag mismatch: p line 4 and sp"),
    ("truncated.xml", 60, 69, "(the file seems cut off)"),
    ("deep.xml", 1, 1323, "Excessive depth in document: 256 (memcon's safety limit)"),
])
def test_malformed_xml_is_reported_with_line_and_column(
        name: str, line: int, column: int, reason: str) -> None:
    error = refused((HOSTILE / name).read_bytes(), name)
    assert (error.line, error.column) == (line, column)
    assert error.reason.startswith("malformed XML: ")
    assert reason in error.reason


def test_xml_cut_at_any_point_is_refused_with_a_position() -> None:
    data = (FRUS / "frus1943China-excerpt.xml").read_bytes()
    for cut in range(1, len(data) - 20, len(data) // 37):
        with pytest.raises(InputError) as caught:
            parse_xml(data[:cut], "cut.xml")
        assert caught.value.line is not None or caught.value.reason == "is empty"


def test_a_text_node_over_libxml2s_limit_is_refused() -> None:
    data = b"<TEI><p>" + b"a" * 10_000_001 + b"</p></TEI>"
    assert "memcon's safety limit" in refused(data).reason


@pytest.mark.parametrize(("name", "reason"), [
    ("binary.png", "is a PNG image, not XML"),
    ("random.bin", "is a binary file, not XML"),
    ("empty.txt", "is empty"),
])
def test_binary_and_empty_input_is_refused(name: str, reason: str) -> None:
    assert refused((HOSTILE / name).read_bytes()).reason == reason


def test_bytes_in_the_wrong_encoding_are_refused_with_a_hint() -> None:
    error = refused(f"<TEI {TEI}><p>Soong: Yes – no.</p></TEI>".encode("cp1252"))
    assert "not in the encoding it declares" in error.reason
    assert error.line == 1


def test_utf16_xml_with_a_bom_parses_like_utf8() -> None:
    text = (FRUS / "frus1943China-excerpt.xml").read_text("utf-8")
    original = etree.tostring(parse_xml(text.encode("utf-8"), "a.xml"))
    assert etree.tostring(parse_xml(text.encode("utf-16"), "b.xml")) == original


def test_prolog_scan_waits_for_a_doctype_cut_by_the_head() -> None:
    assert read_prolog('<?xml version="1.0"?><!DOCT', complete=False) is None
    assert read_prolog("<!-- unfinished", complete=False) is None
    finished = read_prolog('<!DOCTYPE r SYSTEM "r.dtd"><r/>', complete=False)
    assert finished is not None and finished.external_dtd and finished.entity_line is None
    assert read_prolog("<r/>", complete=True) is not None


def test_iterparse_yields_each_element_complete_in_document_order() -> None:
    data = (FRUS / "frus1944Quebec-excerpt.xml").read_bytes()
    whole = parse_xml(data, "q.xml")
    expected = [(xml_id(d), len(etree.tostring(d))) for d in whole.iter(f"{{{TEI_NS}}}div")
                if d.get("type") == "document"]
    streamed = []
    for _event, div in iterparse(data, "q.xml", tag=f"{{{TEI_NS}}}div"):
        if div.get("type") == "document":
            streamed.append((xml_id(div), len(etree.tostring(div))))
            release(div, "q.xml")
    assert streamed == expected and len(expected) == 3


def test_iterparse_and_release_free_elements_already_handed_out() -> None:
    volume = (f"<TEI {TEI}><text><body>".encode()
              + b"".join(b'<div type="document"><p>Yes.</p></div>' for _ in range(5000))
              + b"</body></text></TEI>")
    kept = []
    for _event, div in iterparse(volume, "volume.xml", tag=f"{{{TEI_NS}}}div"):
        assert div[0].text == "Yes."
        parent = div.getparent()
        assert parent is not None
        release(div, "volume.xml")
        kept.append(len(parent))
    # lxml parses a chunk ahead of the caller; what was released is gone but for the cleared
    # element itself
    assert len(kept) == 5000 and max(kept) < 2000 and kept[-1] == 1


def test_iterparse_reports_an_error_after_the_good_elements() -> None:
    seen = []
    with pytest.raises(InputError) as caught:
        for _event, d in iterparse(b"<v>\n<d>1</d>\n<d>2</d>\n<d>3</v>", "v.xml", tag="d"):
            seen.append(d.text)
    assert seen == ["1", "2"]
    assert (caught.value.line, caught.value.column) == (4, 9)


def test_an_entity_an_internal_subset_leaves_undeclared_is_refused_when_streamed() -> None:
    # a parameter entity reference makes libxml2 keep undeclared entities as nodes
    data = b"<!DOCTYPE r [ %pe; ]>\n<r><d>a</d><d>b&foo;c</d><d>e</d></r>"
    assert "&foo;" in refused(data).reason
    with pytest.raises(InputError, match="&foo;"):
        for _event, d in iterparse(data, "r.xml", tag="d"):
            release(d, "r.xml")


PEAK_MEMORY = """
import json, resource, sys, time
from memcon.errors import InputError
from memcon.readers.xml import iterparse, parse_xml
data = open(sys.argv[1], "rb").read()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
outcome = []
for attempt in (lambda: parse_xml(data, "bomb.xml"), lambda: list(iterparse(data, "bomb.xml", tag="p"))):
    try:
        attempt()
        outcome.append("parsed")
    except InputError as exc:
        outcome.append(exc.reason)
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"kib": after - before, "seconds": time.perf_counter() - start, "outcome": outcome}))
"""


@pytest.mark.parametrize("bomb", ["billion-laughs", "quadratic"])
def test_entity_bombs_are_refused_quickly_without_memory_growth(bomb: str, tmp_path: Path) -> None:
    path = tmp_path / "bomb.xml"
    path.write_bytes((HOSTILE / "billion-laughs.xml").read_bytes() if bomb == "billion-laughs"
                     else quadratic_blowup())
    # a fresh process, because libxml2's memory is invisible to tracemalloc
    run = subprocess.run([sys.executable, "-c", PEAK_MEMORY, str(path)], capture_output=True,
                         text=True, timeout=60, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                         check=True)
    result = json.loads(run.stdout)
    assert all("declares entities" in reason for reason in result["outcome"])
    assert result["kib"] < 4096
    assert result["seconds"] < 1.0


STREAM_MEMORY = """
import json, resource, sys
from memcon.readers.xml import TEI_NS, iterparse, release
data = open(sys.argv[1], "rb").read()  # as InputFile holds it
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
count = 0
for _event, div in iterparse(data, "volume.xml", tag=f"{{{TEI_NS}}}div"):
    count += 1
    release(div, "volume.xml")
print(json.dumps({"kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before, "count": count}))
"""


@pytest.mark.slow
def test_streaming_a_30mb_volume_keeps_memory_bounded(tmp_path: Path) -> None:
    volume = tmp_path / "volume.xml"
    paragraph = b"<p>Kissinger: We have to discuss the communique &amp; its wording. </p>" * 40
    with volume.open("wb") as out:
        out.write(f"<TEI {TEI}><text><body>".encode())
        for n in range(10_000):
            out.write(b'<div type="document" n="%d"><head>Document %d</head>' % (n, n))
            out.write(paragraph + b"</div>")
        out.write(b"</body></text></TEI>")
    assert volume.stat().st_size > 29_000_000
    started = time.perf_counter()
    run = subprocess.run([sys.executable, "-c", STREAM_MEMORY, str(volume)], capture_output=True,
                         text=True, timeout=120, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                         check=True)
    result = json.loads(run.stdout)
    assert result["count"] == 10_000
    assert result["kib"] < 40_000  # parsing it whole takes ~200 MB
    assert time.perf_counter() - started < 30
