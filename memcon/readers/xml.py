"""Safe XML parsing for readers: no external entities, no network, no entity expansion bombs.

Every parse goes through lxml with entities unresolved, no DTD loaded, no network and
libxml2's default size limits (``huge_tree`` off). On top of that, memcon refuses:

- a DOCTYPE that declares entities (billion laughs, quadratic blowup, ``SYSTEM
  "file:///etc/passwd"``): found by scanning the prolog in any encoding, and checked again on
  the parsed tree;
- references to entities that only an external DTD defines (``&mdash;`` under
  ``<!DOCTYPE TEI SYSTEM "tei.dtd">``): unresolved, they would silently drop characters;
- binary and empty input.

XInclude is never processed (nothing here calls ``xinclude()``). Malformed XML raises
InputError with the line and column libxml2 reports.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import IO, Any

from lxml import etree

from memcon.errors import InputError
from memcon.readers.inputs import binary_kind, bom_encoding, line_and_column, looks_binary

TEI_NS = "http://www.tei-c.org/ns/1.0"
FRUS_NS = "http://history.state.gov/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NS = {"tei": TEI_NS, "frus": FRUS_NS}

_SAFE_OPTIONS: dict[str, Any] = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
    "huge_tree": False,
    "remove_comments": False,
}
_HEAD = 65536
# the five entities XML itself defines; any other name needs a declaration
_UNDECLARED_REF = re.compile(r"&(?!(?:amp|lt|gt|quot|apos);)([^\s&;#<>\"']{1,200});")
_PROLOG_SKIP = re.compile(r"\s+|<\?.*?\?>|<!--.*?-->", re.S)
_DOCTYPE_TOKEN = re.compile(r"\"[^\"]*\"|'[^']*'|<!--.*?-->|[\[\]>]", re.S)
_EXTERNAL_ID = re.compile(r"<!DOCTYPE\s+[^\s\[>]+\s+(?:SYSTEM|PUBLIC)\b")
_LIBXML_POSITION = re.compile(r",? line \d+, column \d+\s*$")
_UNRESOLVED_PREFIXES = (
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00<\x00", "utf-16-be"),
    (b"<\x00", "utf-16-le"),
)
# a private marker for elements iter_elements has handed out and cleared
_SPENT = "{urn:memcon:iter-elements}spent"


def safe_parser() -> etree.XMLParser:
    """An lxml parser that resolves no entities, loads no DTD and never touches the network."""
    return etree.XMLParser(**_SAFE_OPTIONS)


@dataclass(slots=True, frozen=True)
class Prolog:
    """What the prolog's DOCTYPE says: whether it names an external DTD or declares entities."""

    external_dtd: bool = False
    entity_line: int | None = None


def read_prolog(text: str, *, complete: bool) -> Prolog | None:
    """Scan the XML declaration, comments, PIs and DOCTYPE; None if ``text`` stops inside them."""
    pos = 1 if text.startswith("\ufeff") else 0
    while not text.startswith("<!DOCTYPE", pos):
        match = _PROLOG_SKIP.match(text, pos)
        if match is None:
            rest = text[pos:pos + len("<!DOCTYPE")]
            unfinished = text.startswith(("<?", "<!--"), pos) or "<!DOCTYPE".startswith(rest)
            return None if unfinished and not complete else Prolog()
        pos = match.end()
        if pos >= len(text):
            return None if not complete else Prolog()
    end = None
    in_subset = False
    for token in _DOCTYPE_TOKEN.finditer(text, pos + len("<!DOCTYPE")):
        mark = token.group()
        if mark == "[":
            in_subset = True
        elif mark == "]":
            in_subset = False
        elif mark == ">" and not in_subset:
            end = token.end()
            break
    if end is None and not complete:
        return None
    doctype = text[pos:end]
    entity = doctype.find("<!ENTITY")
    return Prolog(
        external_dtd=_EXTERNAL_ID.match(doctype) is not None,
        entity_line=text.count("\n", 0, pos + entity) + 1 if entity >= 0 else None,
    )


def xml_text(data: bytes) -> str:
    """XML bytes as text good enough to scan markup: by BOM or first bytes, else byte by byte."""
    encoding = bom_encoding(data)
    if encoding is None:
        encoding = next((e for prefix, e in _UNRESOLVED_PREFIXES if data.startswith(prefix)),
                        None)
    if encoding is None or encoding == "utf-8":
        # every other encoding XML allows without a BOM keeps ASCII markup as single bytes
        return data.decode("latin-1")
    return data.decode(encoding, "replace")


def check_xml_bytes(data: bytes, path: str) -> Prolog:
    """Refuse binary, empty or entity-declaring XML before lxml sees it; return its prolog."""
    prolog = _check_head(data, path, complete=True)
    assert prolog is not None  # a complete text always has a whole prolog
    return prolog


def _check_head(data: bytes, path: str, *, complete: bool) -> Prolog | None:
    """``check_xml_bytes`` on the whole input or only its head (None: the prolog goes on)."""
    kind = binary_kind(data)
    if kind:
        raise InputError(path, f"is {kind}, not XML")
    if not data.strip(b" \t\r\n"):
        raise InputError(path, "is empty")
    if looks_binary(data[:_HEAD]):
        raise InputError(path, "is a binary file, not XML")
    prolog = read_prolog(xml_text(data[:_HEAD]), complete=complete and len(data) <= _HEAD)
    if prolog is None and complete:
        prolog = read_prolog(xml_text(data), complete=True)
    if prolog is not None and prolog.entity_line is not None:
        raise InputError(path, "declares entities in its DOCTYPE, which memcon refuses for "
                               "safety (entity expansion, external files); replace each entity "
                               "with the text it stands for", line=prolog.entity_line)
    return prolog


def refuse_doctype_entities(data: bytes, path: str) -> None:
    """Every check ``parse_xml`` makes before parsing, for readers that run lxml themselves.

    Refuses binary and empty input, a DOCTYPE that declares entities (billion laughs,
    external entities) and references to entities only an external DTD defines.
    """
    if check_xml_bytes(data, path).external_dtd:
        refuse_undeclared_entities(xml_text(data), path)


def refuse_undeclared_entities(text: str, path: str) -> None:
    """Refuse references to entities an unloaded external DTD would define (``&mdash;``)."""
    match = _UNDECLARED_REF.search(text)
    if match is None:
        return
    line, column = line_and_column(text, match.start())
    raise InputError(path, f"uses the entity &{match.group(1)}; which only its external DTD "
                           "defines; memcon loads no DTD, for safety: replace the entity with "
                           "its character", line=line, column=column)


def parse_xml(data: bytes, path: str) -> etree._Element:
    """Parse XML bytes safely; malformed XML raises InputError with line and column."""
    refuse_doctype_entities(data, path)
    try:
        root = etree.fromstring(data, parser=safe_parser())
    except etree.XMLSyntaxError as exc:
        raise syntax_error(exc, path) from None
    if root is None:
        raise InputError(path, "holds no XML element")
    _refuse_declared_entities(root, path)
    _refuse_entity_nodes(root, path)
    return root


def iter_elements(
    source: bytes | str | os.PathLike[str],
    tag: str | Sequence[str],
    path: str | None = None,
    *,
    select: Callable[[etree._Element], bool] | None = None,
) -> Iterator[etree._Element]:
    """Stream the elements named ``tag`` from XML bytes or a file, each when it is complete.

    Memory stays bounded: once the caller asks for the next element, the previous one is
    cleared and dropped, so take what you need from it (or ``copy.deepcopy`` it) first.
    ``select`` picks which matching elements to hand out (and so to clear); the others stay
    whole, which keeps an outer element intact while inner ones of the same tag go by.
    Malformed XML raises InputError, possibly after earlier elements were handed out.

    >>> xml = b'<v><div n="1"><p>a</p></div><div n="2"/></v>'
    >>> [e.get("n") for e in iter_elements(xml, "div", "v.xml")]
    ['1', '2']
    """
    label = path if path is not None else os.fspath(source) if not isinstance(source, bytes) \
        else "<bytes>"
    stream: IO[bytes]
    if isinstance(source, bytes):
        refuse_doctype_entities(source, label)
        stream = io.BytesIO(source)
    else:
        stream = _open_checked(os.fspath(source), label)
    try:
        yield from _stream(stream, tag, label, select)
    finally:
        stream.close()


def _open_checked(filename: str, label: str) -> IO[bytes]:
    """Open an XML file for streaming after checking its prolog like ``check_xml_bytes``."""
    try:
        handle = open(filename, "rb")  # noqa: SIM115 -- closed by iter_elements
    except IsADirectoryError:
        raise InputError(label, "is a folder, not a file") from None
    except OSError as exc:
        raise InputError(label, f"cannot be read ({exc.strerror or exc})") from None
    try:
        head = handle.read(_HEAD)
        if not head:
            raise InputError(label, "is empty")
        prolog = _check_head(head, label, complete=len(head) < _HEAD)
        if prolog is None or prolog.external_dtd:
            # a prolog longer than the head, or an external DTD: look at the whole file once
            whole = head + handle.read()
            if check_xml_bytes(whole, label).external_dtd:
                refuse_undeclared_entities(xml_text(whole), label)
        handle.seek(0)
    except BaseException:
        handle.close()
        raise
    return handle


def _stream(
    stream: IO[bytes],
    tag: str | Sequence[str],
    label: str,
    select: Callable[[etree._Element], bool] | None,
) -> Iterator[etree._Element]:
    context = etree.iterparse(stream, events=("end",), tag=tag, **_SAFE_OPTIONS)
    checked = False
    try:
        for _event, element in context:
            if not checked:
                _refuse_declared_entities(element, label)
                checked = True
            if select is not None and not select(element):
                continue
            _refuse_entity_nodes(element, label)
            _drop_spent_siblings(element)
            yield element
            element.clear(keep_tail=True)
            element.set(_SPENT, "")
    except etree.XMLSyntaxError as exc:
        raise syntax_error(exc, label) from None


def _drop_spent_siblings(element: etree._Element) -> None:
    """Remove the already handed-out elements just before this one, so memory stays flat."""
    parent = element.getparent()
    previous = element.getprevious()
    while parent is not None and previous is not None and previous.get(_SPENT) is not None:
        parent.remove(previous)
        previous = element.getprevious()


def syntax_error(exc: etree.XMLSyntaxError, path: str) -> InputError:
    """libxml2's error as one InputError line: ``FILE:LINE:COL: malformed XML: reason``."""
    raw, line, column = exc.msg or "", *(exc.position or (0, 0))
    error_log: Any = exc.error_log  # lxml-stubs lack last_error
    last = error_log.last_error
    if not line and last is not None and last.line:
        # iterparse can lose the position ("no element found"); the log keeps the real error
        raw, line, column = last.message, last.line, last.column
    message = " ".join(_LIBXML_POSITION.sub("", raw).split()) or "not well-formed"
    message = message.replace(", try XML_PARSE_HUGE", "").replace(
        ", use XML_PARSE_HUGE option", "")
    if "XML_PARSE_HUGE" in message or "Resource limit" in message or "Excessive depth" in message:
        message += " (memcon's safety limit)"
    elif message.startswith("Premature end of data") or "EndTag" in message:
        message += " (the file seems cut off)"
    elif "Invalid bytes in character encoding" in message:
        message += " (the file is not in the encoding it declares, UTF-8 if none)"
    return InputError(path, f"malformed XML: {message}", line=line or None, column=column or None)


def _refuse_declared_entities(element: etree._Element, path: str) -> None:
    """Refuse a parsed document whose internal DTD declares entities (the prolog scan's twin)."""
    dtd: Any = element.getroottree().docinfo.internalDTD  # lxml-stubs lack iterentities()
    if dtd is not None and next(iter(dtd.iterentities()), None) is not None:
        raise InputError(path, "declares entities in its DOCTYPE, which memcon refuses for "
                               "safety; replace each entity with the text it stands for")


def _refuse_entity_nodes(element: etree._Element, path: str) -> None:
    """Refuse unresolved entity references: keeping them would drop their characters."""
    entity: Any = next(element.iter(etree.Entity), None)  # lxml-stubs type sourceline oddly
    if entity is not None:
        raise InputError(path, f"uses the entity {entity.text}, which memcon does not resolve, "
                               "for safety: replace it with its character",
                         line=entity.sourceline)


def local_name(element: etree._Element) -> str:
    """An element's tag without its namespace (``{…tei…}div`` → ``div``)."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def xml_id(element: etree._Element) -> str | None:
    """The element's ``xml:id``, if any."""
    return element.get(f"{{{XML_NS}}}id")
