"""Reader for saved HTML pages of the reference archive (the page itself, not its copied text).

The page is turned into the paragraph sequence a reader would get by copying its text — block
elements become paragraphs, ``<br>`` a line break, whitespace collapses as a browser collapses
it (a non-breaking space stays), entities are decoded, and scripts, styles, navigation, forms,
the site's banner and footer and hidden elements are left out — and that text is parsed by the
archive-page reader (``memcon.readers.archive_page.parse_page``), so both give the same record.

>>> text = page_text(b"<html><body><nav>Home</nav><p>Stalin:&nbsp;Yes.<br>Soong: No.</p>"
...                  b"<script>x()</script></body></html>", "a.html")
>>> text
'Stalin:\\xa0Yes.\\nSoong: No.'
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree, html

from memcon.errors import InputError
from memcon.model import DocumentRecord
from memcon.readers.archive_page import parse_page
from memcon.readers.inputs import InputFile

NAME = "archive-html"
VERSION = "1.0"

# A saved page is a few hundred kilobytes; anything this large is not one.
MAX_BYTES = 64 * 1024 * 1024

_DROP = frozenset({
    "script", "style", "noscript", "template", "head", "nav", "footer", "form", "button",
    "select", "option", "input", "textarea", "iframe", "object", "embed", "svg", "math",
    "canvas", "audio", "video", "map", "dialog", "title", "meta", "link",
})
_BLOCKS = frozenset({
    "p", "div", "section", "article", "main", "aside", "header", "h1", "h2", "h3", "h4", "h5",
    "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "table", "thead", "tbody",
    "tfoot", "tr", "caption", "figure", "figcaption", "address", "hr", "center", "details",
    "summary", "fieldset", "legend", "body", "html",
})
_CELLS = frozenset({"td", "th"})
_HTML_WS = re.compile(r"[ \t\n\r\f]+")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_HTML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b",
                         re.IGNORECASE | re.DOTALL)
_ARCHIVE_MARKERS = ("Document Information", "digitalarchive", "Digital Archive")
_DISPLAY_NONE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def _hidden(el: html.HtmlElement) -> bool:
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    return bool(_DISPLAY_NONE.search(el.get("style") or ""))


def _site_banner(el: html.HtmlElement) -> bool:
    """The site's own header (logo, menus), not a header inside the record's article."""
    if el.get("role") == "banner":
        return True
    return not any(a.tag in ("main", "article") for a in el.iterancestors())


class _Text:
    """Collects a page's visible text as paragraphs, whitespace collapsed the way HTML does."""

    def __init__(self) -> None:
        self.paragraphs: list[tuple[str, int | None]] = []
        self.line: list[str] = []
        self.source_line: int | None = None  # where the paragraph being collected starts
        self.preformatted = False

    def write(self, text: str | None, preformatted: bool, source_line: int | None) -> None:
        if not text:
            return
        if self.source_line is None and text.strip():
            self.source_line = source_line
        self.preformatted = self.preformatted or preformatted
        if not preformatted:
            text = _HTML_WS.sub(" ", text)
            # a space run continuing one from the text before collapses into it
            if text.startswith(" ") and (not self.line or self.line[-1].endswith((" ", "\n"))):
                text = text[1:]
        if text:
            self.line.append(text)

    def line_break(self) -> None:
        self.line.append("\n")

    def end_block(self) -> None:
        joined = "".join(self.line)
        self.line = []
        if self.preformatted:
            text = joined.strip("\n")
        else:
            # spaces (not non-breaking ones) at the start and end of a line are not displayed
            text = "\n".join(piece.strip(" ") for piece in joined.split("\n")).strip("\n")
        if text.strip():
            self.paragraphs.append((text, self.source_line))
        self.source_line = None
        self.preformatted = False

    def walk(self, el: html.HtmlElement, preformatted: bool = False) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag or tag in _DROP or _hidden(el) or (tag == "header" and _site_banner(el)):
            return
        block = tag in _BLOCKS
        inner_pre = preformatted or tag == "pre"
        if block:
            self.end_block()
        elif tag in _CELLS and self.line:
            self.line.append("\t")
        if tag == "br":
            self.line_break()
        self.write(el.text, inner_pre, el.sourceline)
        for child in el:
            self.walk(child, inner_pre)
            if isinstance(child.tag, str) or child.tag is etree.Comment:
                self.write(child.tail, inner_pre, child.sourceline)
        if block:
            self.end_block()


def _decoded(source: InputFile) -> str:
    """The page's text as the input decoded it, unless the file is too large for a page."""
    if len(source.data) > MAX_BYTES:
        raise InputError(source.path, f"is larger than {MAX_BYTES // (1024 * 1024)} MB, too "
                                      "large for a saved archive page")
    return source.text


def _parse(text: str, path: str) -> html.HtmlElement:
    text = _XML_DECLARATION.sub("", text, count=1)
    parser = html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True,
                             huge_tree=False)
    try:
        root = html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(path, f"cannot be read as HTML ({exc})") from None
    return root


def visible_paragraphs(root: html.HtmlElement) -> list[tuple[str, int | None]]:
    """A parsed page's visible paragraphs, each with the HTML line where it starts."""
    collector = _Text()
    body = root.find("body")
    collector.walk(body if body is not None else root)
    collector.end_block()
    return collector.paragraphs


def page_text(data: bytes, path: str) -> str:
    """The visible text of a saved page: its paragraphs separated by blank lines."""
    text = _decoded(InputFile(path, data))
    return "\n\n".join(text for text, _ in visible_paragraphs(_parse(text, path)))


def _html_lines(paragraphs: list[tuple[str, int | None]]) -> dict[int, int | None]:
    """For each line of the joined page text, the HTML line its paragraph starts on."""
    lines: dict[int, int | None] = {}
    number = 1
    for text, source_line in paragraphs:
        for _ in text.split("\n"):
            lines[number] = source_line
            number += 1
        number += 1  # the blank line between paragraphs
    return lines


def is_html(data: bytes) -> bool:
    """True when the bytes begin like an HTML document (doctype or ``<html>``)."""
    return bool(_HTML_START.match(data[:4096]))


def parse_html_page(page: InputFile) -> DocumentRecord:
    """One record from a saved archive page; InputError for any other HTML page."""
    path = page.path
    source = _decoded(page)
    if not any(marker in source for marker in _ARCHIVE_MARKERS):
        raise InputError(path, "is an HTML page but not an archive record page "
                               '(no "Document Information" block, no archive address)')
    paragraphs = visible_paragraphs(_parse(source, path))
    try:
        record = parse_page("\n\n".join(text for text, _ in paragraphs), path)
    except InputError as exc:
        raise InputError(path, f"is an HTML page but not an archive record page ({exc.reason})",
                         ) from None
    # body items point to lines of the page text; point them to the HTML's lines instead
    html_lines = _html_lines(paragraphs)
    for item in record.body:
        if isinstance(item.meta.get("line"), int):
            item.meta["line"] = html_lines.get(item.meta["line"])
    return record


class ArchiveHtmlReader:
    """Saved HTML pages of the reference archive (Wilson Center Digital Archive)."""

    name = NAME
    version = VERSION
    description = "Saved HTML pages of the archive (read like their copied page text)"

    def sniff(self, source: InputFile) -> int:
        """85 for HTML with the archive's markers, 10 for other HTML, 0 for anything else."""
        data = source.markup_bytes
        if not is_html(data):
            return 0
        return 85 if any(marker.encode() in data for marker in _ARCHIVE_MARKERS) else 10

    def read(self, source: InputFile) -> Iterator[DocumentRecord]:
        """Yield the page's one record."""
        yield parse_html_page(source)


READER = ArchiveHtmlReader()
