"""Text of FRUS TEI elements: notes taken out, page breaks joined, source indentation collapsed.

>>> from lxml import etree
>>> p = etree.fromstring('<p>nego<pb n="42"/>tiation<note n="3">A note.</note> went on</p>')
>>> notes: list[RawNote] = []
>>> render(p, notes), notes[0].text
('negotiation went on', 'A note.')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from memcon.readers.xml import local_name, xml_id

# Sentinels for structure inside rendered text; none of them can occur in XML character data.
LINE = "\x01"  # a line break (<lb/>, list items, table rows)
PARA = "\x02"  # a paragraph break (block paragraphs inside a quote or a note)
MARK_OPEN = "\x03"  # start of a marked element (persName positions for participant lists)
MARK_CLOSE = "\x04"
CELL = "\x05"  # between table cells

# runs that are not already one plain space
_INDENT = re.compile(r" [ \t\r\n]+|[\t\r\n][ \t\r\n]*")
_BREAKS = re.compile(r" ?[\x01\x02][\x01\x02 ]*")
_BLOCKS = frozenset({"p", "ab", "quote", "list", "table", "lg", "floatingText", "div", "closer",
                     "opener", "postscript", "sp"})
_SKIPPED = frozenset({"pb", "milestone", "cb", "anchor", "figure", "graphic", "fw"})
# what the renderer treats otherwise than plain inline text
_STRUCTURAL = _BLOCKS | {"note", "lb", "list", "table"}
_LINED = frozenset({"list", "table"})


@dataclass(slots=True)
class RawNote:
    """A note met while rendering: its number, text, type and xml:id."""

    n: str | None
    text: str
    type: str | None
    id: str | None


def _layout(text: str) -> bool:
    """True for whitespace that holds a line break and nothing else (pretty-printing)."""
    return "\n" in text and not text.strip()


def _join_breaks(match: re.Match[str]) -> str:
    return "\n\n" if PARA in match.group(0) else "\n"


def _collapse(raw: str) -> str:
    """Source indentation collapsed to single spaces."""
    # the checks are far cheaper than the substitution, which most paragraphs do not need
    if "\n" in raw or "\t" in raw or "\r" in raw or "  " in raw:
        return _INDENT.sub(" ", raw)
    return raw


def tidy(raw: str) -> str:
    """Collapse source indentation to single spaces and turn break sentinels into newlines."""
    raw = _collapse(raw)
    if LINE in raw or PARA in raw:
        raw = _BREAKS.sub(_join_breaks, raw)
    if CELL in raw:
        raw = raw.replace(CELL + " ", CELL).replace(" " + CELL, CELL).replace(CELL, "\t")
    return raw.strip()


def is_smallcaps(element: etree._Element) -> bool:
    """True for ``<hi rend="smallcaps">`` (and rend lists naming small caps)."""
    return local_name(element) == "hi" and "smallcaps" in (element.get("rend") or "").lower()


class _Renderer:
    """Walks an element, writing its character data and collecting its notes."""

    __slots__ = ("marks", "notes", "out")

    def __init__(self, notes: list[RawNote] | None, marks: frozenset[str]) -> None:
        self.notes = notes
        self.marks = marks
        self.out: list[str] = []

    def top(self, element: etree._Element) -> None:
        """Render the element itself (a list or table keeps its lines)."""
        name = local_name(element)
        if name == "list":
            self.list(element)
        elif name == "table":
            self.table(element)
        else:
            self.element(element)

    def element(self, element: etree._Element) -> None:
        out = self.out
        text = element.text
        if not len(element):
            if text:
                out.append(text)
            return
        # whitespace that only indents an inline element's first or last child is layout,
        # not content: "(<persName>\n  <hi>Atcheson</hi>\n</persName>)" reads "(Atcheson)"
        if text and not _layout(text):
            out.append(text)
        marks = self.marks
        tail = None
        for child in element:
            name = local_name(child)
            if name in _STRUCTURAL or name in marks:
                self.child(child, name)
            elif name and name not in _SKIPPED:
                self.element(child)
            tail = child.tail
            if tail:
                out.append(tail)
        if tail and _layout(tail):
            out.pop()  # the last child's tail, just written

    def child(self, child: etree._Element, name: str) -> None:
        if not name or name in _SKIPPED:
            return  # comments, processing instructions, page breaks: only their tail counts
        if name == "note":
            self.note(child)
        elif name == "lb":
            self.out.append(LINE)
        elif name == "list":
            self.list(child)
        elif name == "table":
            self.table(child)
        elif name in _BLOCKS:
            self.out.append(PARA)
            self.element(child)
            self.out.append(PARA)
        elif name in self.marks:
            self.out.append(MARK_OPEN)
            self.element(child)
            self.out.append(MARK_CLOSE)
        else:
            self.element(child)

    def note(self, note: etree._Element) -> None:
        if self.notes is None:
            return
        inner = _Renderer(self.notes, frozenset())
        inner.element(note)
        self.notes.append(RawNote(note.get("n"), tidy("".join(inner.out)), note.get("type"),
                                  xml_id(note)))

    def list(self, element: etree._Element) -> None:
        # a list inside running text: its head and each labelled item on a line of its own
        self.out.append(LINE)
        if element.text:
            self.out.append(element.text)
        after_label = False
        for child in element:
            name = local_name(child)
            if name in ("item", "head"):
                if not after_label:
                    self.out.append(LINE)
                self.element(child)
            elif name == "label":
                self.out.append(LINE)
                self.element(child)
                self.out.append(" ")
            else:
                self.child(child, name)
            after_label = name == "label"
            if child.tail:
                self.out.append(child.tail)
        self.out.append(LINE)

    def table(self, element: etree._Element) -> None:
        self.out.append(LINE)
        for head in element.iterchildren("{*}head"):
            self.out.append(LINE)
            self.element(head)
        for row in element.iter("{*}row"):
            self.out.append(LINE)
            for position, cell in enumerate(row.iter("{*}cell")):
                if position:
                    self.out.append(CELL)
                self.element(cell)
        self.out.append(LINE)


def _flat_text(element: etree._Element, marks: frozenset[str]) -> str | None:
    """The character data of an element whose children are all childless inline elements
    (names, emphasis, empty page breaks), run together; None for any other element.

    The layout whitespace the renderer drops can only stand at such an element's two ends,
    where tidy() strips it anyway.
    """
    parts = [element.text or ""]
    for child in element:
        if len(child):
            return None
        name = local_name(child)
        text = child.text
        if not name or name in _STRUCTURAL or name in marks or (name in _SKIPPED and text):
            return None
        if text:
            parts.append(text)
        tail = child.tail
        if tail:
            parts.append(tail)
    return "".join(parts)


def render(element: etree._Element, notes: list[RawNote] | None = None, *,
           marks: frozenset[str] = frozenset()) -> str:
    """The element's text: notes moved to ``notes`` (dropped when None), whitespace tidied.

    Elements named in ``marks`` are wrapped in MARK_OPEN/MARK_CLOSE so callers can find them.
    """
    if local_name(element) in _LINED:
        renderer = _Renderer(notes, marks)
        renderer.top(element)
        return tidy("".join(renderer.out))
    return render_paragraph(element, notes, marks=marks)


def render_paragraph(element: etree._Element, notes: list[RawNote] | None = None, *,
                     marks: frozenset[str] = frozenset()) -> str:
    """``render()`` for an element known to be no list or table (a paragraph, a name)."""
    # most paragraphs and names need no walk in Python; their character data, as parsed,
    # cannot hold the break sentinels tidy() looks for
    if not len(element):
        return _collapse(element.text or "").strip()
    flat = _flat_text(element, marks)
    if flat is not None:
        return _collapse(flat).strip()
    renderer = _Renderer(notes, marks)
    renderer.element(element)
    return tidy("".join(renderer.out))


def render_raw(element: etree._Element) -> str:
    """The element's text with notes dropped and breaks kept as sentinels (for label analysis)."""
    if not len(element) and local_name(element) not in _LINED:
        return element.text or ""
    renderer = _Renderer(None, frozenset())
    renderer.top(element)
    return "".join(renderer.out)
