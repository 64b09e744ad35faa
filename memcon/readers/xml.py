"""Safe XML parsing for readers: no external entities, no network, no entity expansion bombs."""

from __future__ import annotations

from lxml import etree

from memcon.errors import InputError

TEI_NS = "http://www.tei-c.org/ns/1.0"
FRUS_NS = "http://history.state.gov/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NS = {"tei": TEI_NS, "frus": FRUS_NS}


def safe_parser() -> etree.XMLParser:
    """An lxml parser that resolves no entities, loads no DTD and never touches the network."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=False,
    )


def refuse_doctype_entities(data: bytes, path: str) -> None:
    """Refuse XML whose DOCTYPE declares entities (billion laughs, external entities)."""
    head = data[:65536]
    if b"<!DOCTYPE" in head.upper() and b"<!ENTITY" in head.upper():
        raise InputError(path, "declares XML entities in its DOCTYPE; refused for safety")


def parse_xml(data: bytes, path: str) -> etree._Element:
    """Parse XML bytes safely; malformed XML raises InputError with line and column."""
    refuse_doctype_entities(data, path)
    try:
        root = etree.fromstring(data, parser=safe_parser())
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (None, None)
        message = exc.msg.split(", line ")[0] if exc.msg else "not well-formed XML"
        raise InputError(path, f"malformed XML: {message}", line=line, column=column) from None
    if root is None:
        raise InputError(path, "holds no XML element")
    return root


def local_name(element: etree._Element) -> str:
    """An element's tag without its namespace (``{…tei…}div`` → ``div``)."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def xml_id(element: etree._Element) -> str | None:
    """The element's ``xml:id``, if any."""
    return element.get(f"{{{XML_NS}}}id")
