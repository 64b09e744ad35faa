"""Every registered reader under hostile and broken input: refused in one line, never a crash.

The readers are whatever ``memcon.readers.registry.readers()`` holds, so each new reader is
covered as soon as it is registered. Each is tried both forced (``--format``) and through
detection. Nothing may read a local file through XML, touch the network, blow up memory or
take more than linear time.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from memcon.errors import InputError, MemconError
from memcon.model.schema import validate_document
from memcon.readers import registry
from memcon.readers.inputs import InputFile
from memcon.readers.xml import TEI_NS

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
SAMPLES = ROOT / "memcon" / "samples"
REFERENCE = SAMPLES / "wilson" / "soong-stalin-1945-08-10.txt"
TEI = f'xmlns="{TEI_NS}"'

UNDECODABLE = ["binary.png", "random.bin", "empty.txt", "whitespace.txt", "bom-only.txt",
               "control-char.txt", "mixed-encoding.txt", "cp1251.txt", "utf16-bad-surrogate.txt"]
XML_ATTACKS = ["billion-laughs.xml", "external-entity-file.xml", "external-entity-http.xml",
               "parameter-entity.xml", "external-dtd-entity-ref.xml"]


def formats() -> list[str | None]:
    """Every registered format, forced, and None for detection by content."""
    return [*sorted(registry.readers()), None]


def outcome(source: InputFile, format_name: str | None) -> list[dict[str, object]] | MemconError:
    """The records a reader makes of ``source`` (each validated), or the error it refuses with."""
    try:
        records = [record.to_json() for record in registry.read_input(source, format_name)]
    except MemconError as exc:
        assert "\n" not in str(exc), f"a multi-line error: {exc!r}"
        if isinstance(exc, InputError):
            assert str(exc).startswith(f"{source.path}:") or exc.path == format_name
        return exc
    for record in records:
        validate_document(record)
    return records


def everything_said(path: Path) -> str:
    """All that every reader, forced or detected, makes of a file: records and errors."""
    said = []
    for format_name in formats():
        result = outcome(InputFile.read(path), format_name)
        said.append(str(result) if isinstance(result, MemconError) else json.dumps(result))
    return "\n".join(said)


@pytest.mark.parametrize("name", UNDECODABLE)
@pytest.mark.parametrize("format_name", formats())
def test_undecodable_files_are_refused_by_every_reader(name: str, format_name: str | None) -> None:
    source = InputFile.read(HOSTILE / name)
    assert isinstance(outcome(source, format_name), InputError)


def test_a_binary_file_is_refused_saying_what_it_is() -> None:
    result = outcome(InputFile.read(HOSTILE / "binary.png"), None)
    assert isinstance(result, InputError)
    assert result.reason.startswith("is a PNG image, not text; known formats: ")


@pytest.mark.parametrize("name", XML_ATTACKS)
def test_xml_attacks_are_refused_by_detection_and_by_every_reader_that_claims_them(
        name: str) -> None:
    source = InputFile.read(HOSTILE / name)
    assert isinstance(outcome(source, None), InputError)
    for format_name, reader in registry.readers().items():
        try:
            claims = reader.sniff(source) > 0
        except InputError:
            claims = True
        if claims:
            assert isinstance(outcome(source, format_name), InputError), format_name


@pytest.fixture
def secret(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A local file whose content must never appear in anything memcon says."""
    token = "TOKEN-7f3a9c-NEVER-READ"
    path = tmp_path / "secret.txt"
    path.write_text(token, "utf-8")
    (tmp_path / "secret.dtd").write_text(
        f'<!ENTITY leak "{token}"><!ATTLIST p rend CDATA "{token}">', "utf-8")
    yield path, token


def attacks_on(target: str, dtd: str) -> dict[str, str]:
    """TEI documents that would pull ``target`` (a URL or path) in if a parser let them."""
    turn = "<sp><speaker>Stalin</speaker><p>{}</p></sp>"
    body = f"<TEI {TEI}><teiHeader/><text><body>{{}}</body></text></TEI>"
    return {
        "entity": f'<!DOCTYPE TEI [<!ENTITY x SYSTEM "{target}">]>'
                  + body.format(turn.format("&x;")),
        "parameter-entity": f'<!DOCTYPE TEI [<!ENTITY % x SYSTEM "{dtd}"> %x;]>'
                            + body.format(turn.format("&leak;")),
        "external-dtd-entity": f'<!DOCTYPE TEI SYSTEM "{dtd}">' + body.format(turn.format("&leak;")),
        "external-dtd-default-attribute": f'<!DOCTYPE TEI SYSTEM "{dtd}">'
                                          + body.format(turn.format("Yes.")),
        "xinclude-text": body.replace("<TEI ", '<TEI xmlns:xi="http://www.w3.org/2001/XInclude" ')
        .format(turn.format(f'<xi:include href="{target}" parse="text"/>')),
        "xinclude-xml": body.replace("<TEI ", '<TEI xmlns:xi="http://www.w3.org/2001/XInclude" ')
        .format(f'<xi:include href="{target}"/>' + turn.format("Yes.")),
        "stylesheet": f'<?xml-stylesheet type="text/xsl" href="{target}"?>'
                      + body.format(turn.format("Yes.")),
        "html": f'<html><head><link rel="stylesheet" href="{target}"><base href="{target}"></head>'
                f'<body><iframe src="{target}"></iframe><img src="{target}"><p>Stalin: Yes.</p>'
                "</body></html>",
    }


def test_no_reader_ever_reads_a_local_file_through_xml(
        secret: tuple[Path, str], tmp_path: Path) -> None:
    path, token = secret
    for target in (path.as_uri(), str(path), path.name):
        for kind, document in attacks_on(target, (tmp_path / "secret.dtd").as_uri()).items():
            attack = tmp_path / f"{kind}.xml"
            attack.write_text(document, "utf-8")
            assert token not in everything_said(attack), (kind, target)


def test_no_reader_ever_touches_the_network(tmp_path: Path) -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        listener.setblocking(False)
        base = f"http://127.0.0.1:{listener.getsockname()[1]}"
        for kind, document in attacks_on(f"{base}/secret", f"{base}/evil.dtd").items():
            attack = tmp_path / f"{kind}.xml"
            attack.write_text(document, "utf-8")
            everything_said(attack)
        with pytest.raises(BlockingIOError):
            listener.accept()  # any connection attempt would be waiting here


@pytest.mark.parametrize("sample", sorted(p.name for p in SAMPLES.glob("*/*.*")))
def test_samples_cut_anywhere_parse_as_far_as_they_go_or_are_refused(sample: str) -> None:
    data = next(SAMPLES.glob(f"*/{sample}")).read_bytes()
    for cut in range(0, len(data), max(1, len(data) // 13)):
        for format_name in formats():
            outcome(InputFile(f"cut-{cut}-{sample}", data[:cut]), format_name)


ENCODINGS = {
    "utf-8 with BOM": lambda t: t.encode("utf-8-sig"),
    "utf-16 with BOM": lambda t: t.encode("utf-16"),
    "utf-16-be with BOM": lambda t: b"\xfe\xff" + t.encode("utf-16-be"),
    "utf-16-le without BOM": lambda t: t.encode("utf-16-le"),
    "utf-32 with BOM": lambda t: t.encode("utf-32"),
    "windows-1252": lambda t: t.encode("cp1252"),
}


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_a_copied_page_in_any_encoding_parses_exactly_like_the_original(
        encoding: str, tmp_path: Path) -> None:
    if "archive-page" not in registry.readers():
        pytest.skip("the archive-page reader is not registered yet")
    copy = tmp_path / REFERENCE.name
    copy.write_bytes(ENCODINGS[encoding](REFERENCE.read_text("utf-8")))
    original = [r.to_json() for r in registry.read_path(REFERENCE)]
    copied = [r.to_json() for r in registry.read_path(copy)]
    for record in original + copied:
        validate_document(record)
        record.pop("origin")
    assert copied == original
    assert len(original[0]["body"]) > 100  # a real parse, not two empty records


def test_a_file_no_reader_accepts_is_refused_listing_the_known_formats(tmp_path: Path) -> None:
    unknown = tmp_path / "inventory.xml"
    unknown.write_text('<?xml version="1.0"?>\n<inventory><item n="1"/></inventory>\n', "utf-8")
    with pytest.raises(InputError) as caught:
        registry.read_path(unknown)
    assert str(caught.value).startswith(f"{unknown}:")
    for name in registry.readers():
        assert name in caught.value.reason


def test_an_unknown_format_is_refused_listing_the_known_formats() -> None:
    with pytest.raises(InputError) as caught:
        registry.get_reader("word-perfect")
    assert "unknown format" in str(caught.value)
    for name in registry.readers():
        assert name in caught.value.reason


def garbage(shape: str, size: int) -> bytes:
    """Text of ``size`` bytes built to make naive regexes backtrack or loop."""
    units = {
        "words": b"lorem ipsum dolor sit amet, consectetur: adipiscing (elit) [sed] do.\n\n",
        "one-long-line": b"Stalin Soong Wang Molotov said that the Japanese ",
        "colons": b"a: b: c: d:: e::: [f]: (g): ",
        "label-like": b"[Andrei] A. B. C. D. E. F. Gromyko Comrade ",
        "spaces": " \t\u00a0 \u00a0\t ".encode(),
        "dates": b"10 August, 1945 9:00 - 11:30 p.m. 12:30 a.m. to 2: ",
        "brackets": b"(((((([[[[[[<<<<&&&&",
        "markup": b"<p><hi>&amp;</hi><note n='1'>x</note>",
    }[shape]
    return (units * (size // len(units) + 1))[:size] + b"x"


def stuffed(sample: Path, shape: str, size: int) -> bytes:
    """A real sample with ``size`` bytes of garbage inside its text, where its reader looks.

    Text gets one paragraph at the paragraph break nearest the middle; XML and HTML get
    paragraphs (escaped, 2,000 bytes each) before the first ``<p>`` after the middle.
    """
    data = sample.read_bytes()
    junk = garbage(shape, size)
    if sample.suffix not in (".xml", ".html"):
        at = data.find(b"\n\n", len(data) // 2)
        return data[:at] + b"\n\n" + junk + data[at:]
    text = junk.decode("utf-8")
    paragraphs = "".join("<p>" + escape(text[i:i + 2000]) + "</p>"
                         for i in range(0, len(text), 2000)).encode("utf-8")
    at = data.find(b"<p", len(data) // 2)
    return data[:at] + paragraphs + data[at:]


SHAPES = ["words", "one-long-line", "colons", "label-like", "spaces", "dates", "brackets",
          "markup"]
# the samples, and the first fixture of each reader's own folder (HTML pages have none there)
STUFFED = sorted(
    [p.relative_to(ROOT).as_posix() for p in SAMPLES.glob("*/*.*") if p.suffix != ".md"]
    + [min(p for p in folder.iterdir() if p.suffix in (".txt", ".xml", ".html", ".md")
           and p.name != "README.md").relative_to(ROOT).as_posix()
       for folder in (ROOT / "tests" / "fixtures").iterdir()
       if folder.is_dir() and folder.name != "hostile"
       and any(p.suffix in (".txt", ".xml", ".html") for p in folder.iterdir())]
)


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("sample", STUFFED)
def test_a_sample_stuffed_with_garbage_is_read_or_refused_in_linear_time(
        sample: str, shape: str) -> None:
    seconds = [best_of_three(InputFile(sample, stuffed(ROOT / sample, shape, size)))
               for size in (50_000, 200_000)]
    # four times the garbage: a linear reader takes ~4x as long, a quadratic one 16x; a
    # linear one stays far below 2 s, so only a superlinear one can cross both bounds
    assert seconds[1] < 2.0 or seconds[1] < 10 * seconds[0], seconds


def best_of_three(source: InputFile) -> float:
    """The shortest of three timed reads, so that a pause of the machine is not measured."""
    seconds = []
    for _ in range(3):
        started = time.perf_counter()
        outcome(source, None)
        seconds.append(time.perf_counter() - started)
    return min(seconds)


@pytest.mark.parametrize("shape", SHAPES)
def test_garbage_alone_is_refused_or_read_by_every_reader(shape: str) -> None:
    for format_name in formats():
        outcome(InputFile(f"{shape}.txt", garbage(shape, 200_000)), format_name)


SCALING = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
from test_hostile import ROOT, outcome, stuffed
from memcon.readers.inputs import InputFile
seconds = []
for size in (1_000_000, 1_000_000, 8_000_000):
    source = InputFile(sys.argv[2], stuffed(ROOT / sys.argv[2], "words", size))
    started = time.perf_counter()
    outcome(source, None)
    seconds.append(time.perf_counter() - started)
print(json.dumps(seconds))
"""
# Known superlinear readers, each named with its cause so that the fix turns this red.
QUADRATIC: dict[str, pytest.MarkDecorator] = {}


@pytest.mark.slow
@pytest.mark.parametrize("sample", [pytest.param(s, marks=QUADRATIC.get(s, ())) for s in STUFFED])
def test_a_sample_stuffed_with_megabytes_of_garbage_is_read_in_linear_time(sample: str) -> None:
    # in a child process, so that a quadratic reader costs its time limit, not an hour
    try:
        run = subprocess.run([sys.executable, "-c", SCALING, str(Path(__file__).parent), sample],
                             cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True,
                             capture_output=True, text=True, timeout=120)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{sample} with 1 MB and then 8 MB of garbage took more than 120 s")
    small, again, large = json.loads(run.stdout)
    # eight times the input: linear readers measure 6-11x here, quadratic ones 38-55x
    assert large < 1.0 or large < 20 * min(small, again), (small, again, large)


def frus_document(inner: str) -> bytes:
    """A one-document FRUS volume with ``inner`` before its one turn."""
    return (f'<TEI {TEI} xmlns:frus="http://history.state.gov/ns/1.0"><teiHeader><fileDesc>'
            "<titleStmt><title>Foreign Relations</title></titleStmt></fileDesc></teiHeader>"
            '<text><body><div type="document" xml:id="d1" n="1"><head>Memorandum of '
            f"Conversation</head>{inner}<p>Kissinger: Yes.</p></div></body></text></TEI>").encode()


def with_paragraph_before_first_turn(paragraph: str) -> bytes:
    """The reference page with one more paragraph before its first turn."""
    page = REFERENCE.read_text("utf-8")
    first = "Stalin: The Japanese want to capitulate."
    return page.replace(first, f"{paragraph}\n\n{first}", 1).encode("utf-8")


def quadratic(pattern: str, where: str, fix: str = "start it with (?<!\\s)") -> pytest.MarkDecorator:
    """The strict xfail of a known quadratic regex, so that its fix turns the test red."""
    return pytest.mark.xfail(strict=True, reason=(
        f"{where}: {pattern} backtracks quadratically over a long whitespace run ({fix})"))


NBSP = "\u00a0"
# name: (file name, bytes for a run of n spaces, n, known cause or None)
WHITESPACE_RUNS = {
    "frus participant item, spaces": (
        "v.xml", lambda n: frus_document(f'<list type="participants"><item>Kissinger{" " * n}x'
                                         "</item></list>"), 40_000, None),
    "frus participant item, NBSPs": (
        "v.xml", lambda n: frus_document(f'<list type="participants"><item>Kissinger{NBSP * n}x'
                                         "</item></list>"), 10_000,
        None),
    "frus dateline time, NBSPs": (
        "v.xml", lambda n: frus_document(f"<dateline>Washington, 9:00{NBSP * n}x</dateline>"),
        10_000, None),
    "frus Present line, NBSPs": (
        "v.xml", lambda n: frus_document(f"<p>Present: Stalin{NBSP * n}x</p>"), 20_000,
        None),
    "frus source note Drafted by, NBSPs": (
        "v.xml", lambda n: frus_document('<note type="source">Source: National Archives. Secret. '
                                         f"Drafted by Smith{NBSP * n}x.</note>"), 10_000,
        None),
    "page dateline time, NBSPs": (
        "p.txt", lambda n: REFERENCE.read_text("utf-8").replace(
            "10 August, 1945 9:00 – 11:30 p.m.", f"10 August, 1945 9:00{NBSP * n}x").encode(),
        40_000, None),
    "page Present line, NBSPs": (
        "p.txt", lambda n: with_paragraph_before_first_turn(f"Present: Stalin{NBSP * n}x"), 40_000,
        None),
    "transcript menu line, spaces": (
        "t.txt", lambda n: f"Home{' ' * n}x\n\nStalin: Yes.\n\nSoong: No.\n".encode(), 20_000,
        None),
    "transcript Present line, NBSPs": (
        "t.txt", lambda n: f"Present: Stalin{NBSP * n}x\n\nStalin: Yes.\n\nSoong: No.\n".encode(),
        20_000, None),
}


@pytest.mark.slow
@pytest.mark.parametrize("case", [pytest.param(name, marks=cause or ())
                                  for name, (_, _, _, cause) in WHITESPACE_RUNS.items()])
def test_a_long_run_of_whitespace_is_read_in_linear_time(case: str) -> None:
    name, build, size, _ = WHITESPACE_RUNS[case]
    source = InputFile(name, build(size))
    started = time.perf_counter()
    outcome(source, None)
    # linear readers take ~20 ms here; the quadratic regexes take 1.5-6 s
    assert time.perf_counter() - started < 2.0


@pytest.mark.slow
def test_a_50mb_garbage_file_is_read_or_refused_in_bounded_time(tmp_path: Path) -> None:
    big = tmp_path / "garbage.txt"
    big.write_bytes(garbage("words", 50_000_000))
    for format_name in formats():
        started = time.perf_counter()
        outcome(InputFile.read(big), format_name)
        assert time.perf_counter() - started < 240, format_name
