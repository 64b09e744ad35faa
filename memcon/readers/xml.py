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
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from lxml import etree

from memcon.errors import InputError
from memcon.readers.inputs import binary_kind, bom_encoding, line_and_column, looks_binary

TEI_NS = "http://www.tei-c.org/ns/1.0"
FRUS_NS = "http://history.state.gov/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"

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
# local names by tag: a volume uses a few dozen tags millions of times
_LOCAL_NAMES: dict[object, str] = {}


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
    kind = binary_kind(data)
    if kind:
        raise InputError(path, f"is {kind}, not XML")
    if not data.strip(b" \t\r\n"):
        raise InputError(path, "is empty")
    if looks_binary(data[:_HEAD]):
        raise InputError(path, "is a binary file, not XML")
    # most prologs fit the head: scan the whole text only when they do not
    prolog = read_prolog(xml_text(data[:_HEAD]), complete=len(data) <= _HEAD)
    if prolog is None:
        prolog = read_prolog(xml_text(data), complete=True)
    assert prolog is not None  # a complete text always has a whole prolog
    if prolog.entity_line is not None:
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


def iterparse(
    data: bytes,
    path: str,
    *,
    events: Sequence[str] = ("end",),
    tag: str | Sequence[str] | None = None,
) -> Iterator[tuple[str, etree._Element]]:
    """Stream XML bytes with ``parse_xml``'s checks: lxml's ``(event, element)`` pairs.

    Memory stays bounded when the caller hands each element it is done with to ``release``.
    Malformed XML raises InputError, possibly after earlier elements were handed out.

    >>> xml = b'<v><div n="1"><p>a</p></div><div n="2"/></v>'
    >>> [e.get("n") for _, e in iterparse(xml, "v.xml", tag="div")]
    ['1', '2']
    """
    refuse_doctype_entities(data, path)
    context: Any = etree.iterparse(  # lxml-stubs lack the root attribute
        io.BytesIO(data), events=tuple(events), tag=tag, **_SAFE_OPTIONS)
    checked = False
    try:
        for event, element in context:
            if not checked:
                _refuse_declared_entities(element, path)
                checked = True
            yield event, element
    except etree.XMLSyntaxError as exc:
        raise syntax_error(exc, path) from None
    if context.root is not None and _may_hold_entities(context.root):
        _refuse_entity_nodes(context.root, path)  # what no release() looked at


def release(element: etree._Element, path: str) -> None:
    """Free a streamed element and the siblings before it, refusing unresolved entities first."""
    check = _may_hold_entities(element)
    if check:
        _refuse_entity_nodes(element, path)
    element.clear(keep_tail=True)  # type: ignore[call-arg]  # lxml-stubs lack keep_tail
    parent = element.getparent()
    if parent is None:
        return
    previous = element.getprevious()
    while previous is not None:
        if check:
            _refuse_entity_nodes(previous, path)
        parent.remove(previous)
        previous = element.getprevious()


def _may_hold_entities(element: etree._Element) -> bool:
    """False without a DOCTYPE: libxml2 then refuses any undeclared entity itself."""
    # walking every streamed subtree for entities costs a few per cent of a volume's reading
    docinfo: Any = element.getroottree().docinfo  # lxml-stubs lack doctype
    return bool(docinfo.doctype)


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
    """An element's tag without its namespace (``{…tei…}div`` → ``div``); "" for comments and PIs."""
    tag = element.tag
    name = _LOCAL_NAMES.get(tag)
    if name is None:
        # comments, PIs and entities have a factory function for their tag, not a string
        name = tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
        if len(_LOCAL_NAMES) < 4096:  # a hostile file may use any number of distinct tags
            _LOCAL_NAMES[tag] = name
    return name


def xml_id(element: etree._Element) -> str | None:
    """The element's ``xml:id``, if any."""
    return element.get(f"{{{XML_NS}}}id")
