"""The text of TEI mixed content, faithfully: whitespace as XML means it, notes set aside.

Rules (the generic TEI reader relies on them):

- a run of XML whitespace that holds a line break is source formatting and becomes one space;
  runs without a line break are kept as written; whitespace at the start and end goes;
- ``<lb/>`` is a line break; ``<l>``, ``<item>`` and ``<row>`` start a new line; ``<cell>``s
  are separated by a tab; ``<pb/>``, ``<anchor/>``, ``<pause/>`` and the like add nothing
  (so a page break inside a word joins it);
- ``<note>`` never enters the text: it is collected as a Note (its anchor is set later);
- ``<choice>`` gives the reading as written (``sic``, ``orig``, ``abbr``), ``<app>`` its ``lem``;
- tokens with ``join="right"``/``"left"``/``"both"`` lose the whitespace on that side;
- marks: the text of ``<stage>``, ``<supplied>``, ``<unclear>``, ``<del>`` and ``<add>`` is
  kept as written and its span recorded; ``<kinesic>``, ``<vocal>`` and ``<incident>`` inside
  running text become their description in parentheses, "(laughs)", and ``<gap>`` the marker
  "[gap]" (or its ``<desc>`` in brackets) — these added characters are recorded as marks with
  ``"added": true`` so that nothing the reader wrote can be taken for the source's words.

>>> from lxml import etree
>>> render(etree.fromstring("<p>nego<pb n='4'/>tiation <note>A note.</note>ends.</p>")).text
'negotiation ends.'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from memcon.model import Note
from memcon.readers.xml import local_name

_WS = re.compile(r"[ \t\r\n]+")

# elements that carry no words of the record (page furniture, pointers, stand-off annotation)
SILENT = frozenset({
    "pb", "cb", "milestone", "anchor", "fw", "pause", "shift", "graphic", "ptr", "media",
    "figDesc", "index", "interp", "interpGrp", "link", "linkGrp", "join", "certainty",
    "spanGrp", "span", "timeline", "standOff", "binaryObject", "alt", "altGrp", "respons",
})
# non-verbal events: their description is not the speaker's words
EVENTS = frozenset({"kinesic", "vocal", "incident"})
# editorial or uncertain text: kept as written, its span marked
MARKED = frozenset({"stage", "supplied", "unclear", "del", "add", "sic"})
_LINES = frozenset({"l", "item", "row"})
_FIRST_READING = ("sic", "orig", "abbr", "lem")


@dataclass(slots=True)
class Fragment:
    """Rendered text, the spans of its marks, and the notes found inside it."""

    text: str
    marks: list[dict[str, Any]] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)


def clean(value: str | None) -> str | None:
    """Attribute or header text with XML whitespace collapsed; None when empty."""
    if value is None:
        return None
    text = _WS.sub(" ", value).strip()
    return text or None


def event_text(element: etree._Element) -> Fragment:
    """The words describing a kinesic, vocal or incident: its ``<desc>``, else its text."""
    desc = [child for child in element if local_name(child) == "desc"]
    if desc:
        return render_many(desc, " ")
    rendered = render(element)
    if not rendered.text and clean(element.get("desc")):
        return Fragment(clean(element.get("desc")) or "")  # TEI P4: <kinesic desc="nods"/>
    return rendered


class _Renderer:
    """Accumulates text with lazy whitespace so that spans and trimming stay exact."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.pending = ""
        self.drop_next_space = False
        self.at_line_start = True
        self.marks: list[dict[str, Any]] = []
        self.notes: list[Note] = []

    # -- low level -------------------------------------------------------------------------
    def _put(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def space(self, run: str) -> None:
        self.pending += run

    def word(self, text: str) -> None:
        if not text:
            return
        if self.pending and self.length and not self.at_line_start and not self.drop_next_space:
            self._put(" " if ("\n" in self.pending or "\r" in self.pending) else self.pending)
        self.pending = ""
        self.drop_next_space = False
        self.at_line_start = False
        self._put(text)

    def flush_space(self) -> None:
        """Write pending whitespace now, because a marked span is about to start."""
        if self.pending and self.length and not self.at_line_start and not self.drop_next_space:
            self._put(" " if ("\n" in self.pending or "\r" in self.pending) else self.pending)
        self.pending = ""

    def newline(self) -> None:
        self.pending = ""
        if self.length and not self.at_line_start:
            self._put("\n")
        self.at_line_start = True

    def separator(self, sep: str) -> None:
        self.pending = ""
        if self.length and not self.at_line_start:
            self._put(sep)
            self.at_line_start = True

    def text(self, value: str | None) -> None:
        if not value:
            return
        for piece in re.split(r"([ \t\r\n]+)", value):
            if not piece:
                continue
            if piece[0] in " \t\r\n":
                self.space(piece)
            else:
                self.word(piece)

    # -- elements --------------------------------------------------------------------------
    def element(self, el: etree._Element, *, tail: bool = True) -> None:
        if not isinstance(el.tag, str):  # comments and processing instructions
            if tail:
                self.text(el.tail)
            return
        name = local_name(el)
        join = el.get("join")
        if join in ("left", "both"):
            self.pending = ""
            self.drop_next_space = True
        if name in SILENT:
            pass
        elif name == "note":
            self.notes.extend(note_values(el))
        elif name == "lb":
            self.newline()
        elif name in EVENTS or name == "gap":
            self.added(el, name)
        elif name == "choice":
            self.choice(el)
        elif name == "app":
            self.children([c for c in el if local_name(c) == "lem"][:1] or list(el)[:1])
        else:
            if name in _LINES:
                self.newline()
            elif name == "cell" and not self.at_line_start:
                self.separator("\t")
            if name in MARKED:
                self.flush_space()
                start = self.length
                self.inner(el)
                if self.length > start:
                    self.marks.append({"tei": name, "start": start, "end": self.length})
            else:
                self.inner(el)
            if name in _LINES:
                self.newline()
        if join in ("right", "both"):
            self.pending = ""
            self.drop_next_space = True
        if tail:
            self.text(el.tail)

    def inner(self, el: etree._Element) -> None:
        self.text(el.text)
        for child in el:
            self.element(child)

    def children(self, chosen: list[etree._Element]) -> None:
        for child in chosen:
            self.inner(child)

    def choice(self, el: etree._Element) -> None:
        options = {local_name(c): c for c in el if isinstance(c.tag, str)}
        for name in _FIRST_READING:
            if name in options:
                self.element(options[name], tail=False)
                return
        if len(el):
            self.element(el[0], tail=False)

    def added(self, el: etree._Element, name: str) -> None:
        if name == "gap":
            desc = [c for c in el if local_name(c) == "desc"]
            words = render_many(desc, " ").text if desc else "gap"
            marker = f"[{words}]"
        else:
            words = event_text(el).text or el.get("type") or name
            marker = f"({words})"
        self.flush_space()
        start = self.length
        self.word(marker)
        mark: dict[str, Any] = {"tei": name, "start": start, "end": self.length, "added": True}
        mark.update(attributes(el))
        self.marks.append(mark)

    def fragment(self) -> Fragment:
        text = "".join(self.parts)
        stripped = text.rstrip()
        # marks may not reach past the trimmed end
        for mark in self.marks:
            mark["end"] = min(mark["end"], len(stripped))
        return Fragment(stripped, self.marks, self.notes)


def attributes(el: etree._Element) -> dict[str, str]:
    """The descriptive attributes of an event or gap (reason, extent, type, …)."""
    keep = ("type", "reason", "extent", "quantity", "unit", "agent", "resp", "dur")
    return {key: value for key in keep if (value := el.get(key))}


def render(el: etree._Element) -> Fragment:
    """The text inside ``el`` (not its tail), with its marks and notes."""
    renderer = _Renderer()
    renderer.inner(el)
    return renderer.fragment()


def render_piece(el: etree._Element) -> Fragment:
    """``el`` itself as a piece of running text: a ``<stage>`` is marked, a ``<vocal>``
    becomes "(laughs)", a ``<note>`` yields only its Note."""
    renderer = _Renderer()
    renderer.element(el, tail=False)
    return renderer.fragment()


def render_many(elements: list[etree._Element], sep: str = "\n\n") -> Fragment:
    """Several elements' texts joined by ``sep``, with marks shifted to the joined text."""
    pieces = [render(el) for el in elements]
    return join_fragments([p for p in pieces if p.text or p.notes], sep)


def join_fragments(pieces: list[Fragment], sep: str = "\n\n") -> Fragment:
    """Fragments joined by ``sep``; empty texts contribute their notes only."""
    text_parts: list[str] = []
    marks: list[dict[str, Any]] = []
    notes: list[Note] = []
    offset = 0
    for piece in pieces:
        notes.extend(piece.notes)
        if not piece.text:
            continue
        if text_parts:
            offset += len(sep)
        for mark in piece.marks:
            marks.append({**mark, "start": mark["start"] + offset, "end": mark["end"] + offset})
        text_parts.append(piece.text)
        offset += len(piece.text)
    return Fragment(sep.join(text_parts), marks, notes)


_BLOCKS = frozenset({"p", "ab", "list", "table", "lg", "licence", "quote"})


def render_blocks(el: etree._Element) -> Fragment:
    """The text of ``el``; paragraph-like children (``<p>``, ``<ab>``…) joined by a blank line."""
    blocks = [c for c in el if isinstance(c.tag, str) and local_name(c) in _BLOCKS]
    if blocks and not (el.text or "").strip():
        return render_many(blocks)
    return render(el)


def note_values(el: etree._Element) -> list[Note]:
    """A note (and any notes inside it) as Note values, anchor not yet known."""
    inner = render_blocks(el)
    note = Note(clean(el.get("n")), inner.text, None, clean(el.get("type")))
    return [note, *inner.notes]
