"""The paragraphs of a plain-text or Markdown transcript, and the page furniture around them.

- Paragraphs are separated by blank lines (a line holding only spaces or non-breaking spaces
  is blank). Inside a paragraph a line that opens with a label ("Q:", "THE PRESIDENT:"), a
  stage direction or a heading starts a new paragraph, so turns written on consecutive lines
  stay apart; other lines are a wrapped paragraph and keep their line breaks when they look
  hard-wrapped (lines filled to near the block's width), else each line is a paragraph (lists,
  addresses, signatures). A text with no blank line at all has one paragraph per line.
- Markdown: ``# Heading`` lines are headings; ``**Name:**`` and ``**Name**:`` labels lose
  their emphasis marks; horizontal rules (``---``) are markup, not text.
- Navigation lines copied from a web site ("Skip to main content", "Home | Documents |
  About", "Share: Facebook Twitter") are page furniture.
- A covering letter is found by its salutation ("Dear Mr. President:") and complimentary
  close ("Sincerely,") with the signature lines after it, its date line before it.

>>> text = "Q: Why?\\nA: Because the talks were long and the weather\\nbad.\\n\\nNo more.\\n"
>>> [p.text for p in split_paragraphs(text, 1)]
['Q: Why?', 'A: Because the talks were long and the weather\\nbad.', 'No more.']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from memcon.model.dates import find_date
from memcon.transcript.header import is_classification, names_a_record
from memcon.transcript.labels import split_label
from memcon.transcript.segment import block_kind

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_HEADING = re.compile(r"^(?P<marks>#{1,6})[ \t]+(?P<text>.*?)(?:[ \t]+#+)?[ \t]*$")
_RULE = re.compile(r"^(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
_BOLD_LABEL = re.compile(
    r"^(?P<mark>\*\*|__)(?P<label>[^*_\n:]{1,80}?)(?P<inside>:?)(?P=mark)(?P<outside>:?)"
    r"(?=[ \t]|$)"
)
_NAV_WORDS = re.compile(
    r"^(?:skip to (?:main )?content|skip navigation|jump to navigation|toggle navigation|"
    r"main menu|menu|search(?: this site| the site| the archive| the collection)?|home|"
    r"back to top|top of page|print|print this page|share|"
    r"share this(?: page| document)?|log ?in|sign ?in|sign up|subscribe|donate|close|"
    r"breadcrumbs?|you are here:?.*|previous|next|next document|previous document|"
    r"download pdf|download|cite this|cite|email|facebook|twitter|linkedin)\.?$",
    re.IGNORECASE,
)
_NAV_PREFIX = re.compile(
    r"^(?:share|share this(?: page| document| article| story| record)?|follow us|tags|"
    r"filed under|categories|posted in|"
    r"related(?: documents| content| articles)?|see also|posted|published|last updated|"
    r"updated|last modified|accessed|retrieved|printed|downloaded)\b\s*(?::|on\b|by\b)",
    re.IGNORECASE)
_FOOTER = re.compile(r"^(?:©|\(c\)|copyright\b|all rights reserved|privacy policy|"
                     r"terms of use|cookie|this site|powered by)", re.IGNORECASE)
_MENU_SEPARATORS = re.compile(r"(?<!\s)\s+(?:\||›|»|>|/|·|•)\s+")
_SALUTATION = re.compile(r"^(?:my\s+)?dear\b.{0,100}[,:]$|^(?:sir|madam|your excellency|"
                         r"excellency|gentlemen)[,:]$", re.IGNORECASE)
_CLOSE = re.compile(
    r"^(?:(?:very\s+)?(?:sincerely|faithfully|truly|cordially|respectfully)(?:\s+yours)?|"
    r"yours(?:\s+(?:sincerely|faithfully|truly|very truly|respectfully|ever))?|"
    r"with (?:best|kind|warm|warmest)? ?(?:regards|wishes)|(?:best|kind) regards|"
    r"with (?:highest )?respect|respectfully submitted)[,.]?$",
    re.IGNORECASE,
)
_SIGNATURE_LINE = 80
_WRAP_WIDTH = 40  # a block whose lines are all shorter than this is a list, not prose
# "SECRET//NODIS", "TOP SECRET//SENSITIVE//EYES ONLY", "CONFIDENTIAL - EXDIS"
_STAMP = re.compile(
    r"^(?:TOP SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED|RESTRICTED|LIMITED OFFICIAL USE)"
    r"(?:[ \t]*(?://|/|;|,|-|–)[ \t]*[A-Z][A-Z .]*)*$"
)
_LETTER_HEAD = 4  # lines between a letter's date and its salutation (addressee, address)


@dataclass(slots=True)
class Paragraph:
    """A paragraph as written (whitespace at its line ends stripped) and its first line."""

    text: str
    line: int
    heading: bool = False


def _starts_paragraph(line: str) -> bool:
    if _HEADING.match(line) or _RULE.match(line) or is_navigation(line):
        return True
    if block_kind(line) is not None:
        return True
    return split_label(unbold_label(line)) is not None


def _blocks(lines: list[str]) -> list[list[tuple[int, str]]]:
    """Runs of non-blank lines, each line with its index."""
    blocks: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for index, line in enumerate(lines):
        if line:
            current.append((index, line))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _wraps(previous: str, line: str, widest: int) -> bool:
    """True when ``line`` continues a hard-wrapped ``previous`` line of the same paragraph.

    Wrapped prose fills its lines to near the block's widest; short lines (lists, addresses,
    signatures) and lines opening with a label, a stage direction or furniture stand alone.
    """
    if widest < _WRAP_WIDTH or len(previous) < widest * 0.6 or previous.endswith(":"):
        return False
    return not (_starts_paragraph(line) or _standalone(previous))


def _standalone(line: str) -> bool:
    return bool(_HEADING.match(line) or _RULE.match(line) or is_navigation(line)
                or is_stamp(line) or block_kind(line) is not None)


def split_paragraphs(text: str, first_line: int) -> list[Paragraph]:
    """The text's paragraphs (see the module docstring); ``first_line`` numbers the first line."""
    lines = [line.strip() for line in _LINE_BREAK.split(text)]
    blocks = _blocks(lines)
    paragraphs: list[Paragraph] = []
    for block in blocks:
        widest = max(len(line) for _, line in block) if len(blocks) > 1 else 0
        current: Paragraph | None = None
        previous = ""
        for index, line in block:
            if current is not None and _wraps(previous, line, widest):
                current.text += "\n" + line
            else:
                current = Paragraph(line, first_line + index)
                paragraphs.append(current)
            previous = line
    for paragraph in paragraphs:
        heading = _HEADING.match(paragraph.text)
        if heading and "\n" not in paragraph.text:
            paragraph.text, paragraph.heading = heading["text"], True
    return paragraphs


def is_stamp(text: str) -> bool:
    """True for a classification stamp on its own line ("TOP SECRET", "SECRET//NODIS")."""
    return is_classification(text) or bool(_STAMP.match(text))


def is_rule(text: str) -> bool:
    """True for a Markdown horizontal rule (``---``, ``***``)."""
    return bool(_RULE.match(text))


def unbold_label(text: str) -> str:
    """``**Name:** text`` and ``**Name**: text`` as ``Name: text`` (other text unchanged)."""
    match = _BOLD_LABEL.match(text)
    if not match or bool(match["inside"]) == bool(match["outside"]):
        return text
    return f"{match['label'].rstrip()}:{text[match.end():]}"


def is_navigation(text: str) -> bool:
    """True for a line of site navigation, sharing links or footer copied with a page."""
    if "\n" in text:
        return False
    if _NAV_WORDS.match(text) or _NAV_PREFIX.match(text) or _FOOTER.match(text):
        return True
    items = _MENU_SEPARATORS.split(text)
    # "Home | Documents | About", "Home › Collections › Cold War": short items, no sentence
    return (len(items) >= 3 and all(0 < len(item) <= 40 for item in items)
            and not re.search(r"[.!?]$", text))


@dataclass(slots=True)
class Letter:
    """A covering letter among the paragraphs: from its date line (or salutation) to its signature."""

    start: int
    salutation: int
    end: int  # the index after its last signature line


def find_letters(texts: Sequence[str]) -> list[Letter]:
    """Every covering letter: a salutation, later a complimentary close, then signature lines."""
    letters: list[Letter] = []
    index = 0
    while index < len(texts):
        if not _SALUTATION.match(texts[index]):
            index += 1
            continue
        close = next((i for i in range(index + 1, len(texts)) if _CLOSE.match(texts[i])), None)
        if close is None:
            break
        end = close + 1
        while end < len(texts) and end <= close + 3 and _signature_line(texts[end]):
            end += 1
        start = index
        for back in range(index - 1, max(-1, index - 1 - _LETTER_HEAD), -1):
            if letters and back < letters[-1].end:
                break
            if find_date(texts[back]) is not None and len(texts[back]) <= 80:
                start = back
                break
        letters.append(Letter(start, index, end))
        index = end
    return letters


def _signature_line(text: str) -> bool:
    """A short line under a complimentary close: a name, a title, "(signed)"."""
    if len(text) > _SIGNATURE_LINE or "\n" in text or block_kind(text) or is_stamp(text) \
            or names_a_record(text):  # the record's own heading, after the letter
        return False
    if text.lower().startswith(("(signed)", "/s/", "signed")):
        return True
    label = split_label(text)
    return (label is None or label.field) and not text.endswith((".", "?", "!"))
