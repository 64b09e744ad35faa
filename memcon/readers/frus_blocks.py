"""Blocks of a FRUS body read from their text and place alone: gaps, headings, narration,
the paragraphs that can carry speaker labels, and the copies the renderer needs of closers
and notes.

>>> is_gap("[1 line not declassified]"), balanced("[Greetings were exchanged.]", "[", "]")
(True, True)
"""

from __future__ import annotations

import re
from copy import deepcopy

from lxml import etree

from memcon.readers.frus_participants import PARTICIPANT_HEADS
from memcon.readers.xml import local_name

_GAP = re.compile(r"^\[[^\[\]]*\b(?:not declassified|illegible|excised|redacted|"
                  r"withheld|deleted|sanitized)\b[^\[\]]*\]\.?$", re.IGNORECASE)
_NARRATION = re.compile(
    r"^(?:It was (?:\w+ )?(?:agreed|decided|noted|understood)\b|There was (?:\w+ )?"
    r"(?:agreement|discussion|consensus)\b|After (?:some |further |a brief |a short )?"
    r"(?:discussion|consideration)\b|The meeting (?:then )?(?:adjourned|ended|closed|rose)\b)"
)
_CLASSIFICATION_STAMP = re.compile(
    r"^(?:top secret|secret|confidential|restricted|unclassified|limited official use|"
    r"eyes only|personal and confidential)\b[^.]{0,40}$", re.IGNORECASE)
_HEADING_REND = re.compile(r"^(?:center|centered|sectiontitle\w*|heading\w*)$")
_NOTE_FREE = frozenset({"note", "quote", "list", "table", "closer", "opener", "item", "cell",
                        "signed", "figure"})


def is_gap(text: str) -> bool:
    """True for a redaction or illegible passage standing alone ("[1 line not declassified]")."""
    return text[:1] == "[" and _GAP.match(text) is not None


def participants_head(text: str) -> bool:
    """True for "PARTICIPANTS", "Present:" and the like standing alone."""
    # none of those words holds a full stop: prose is ruled out without the regex
    return "." not in text and PARTICIPANT_HEADS.match(text) is not None


def balanced(text: str, open_: str, close: str) -> bool:
    """True when the whole text is one bracketed unit: "[…]" or "(…)"."""
    if not (text.startswith(open_) and text.rstrip(".").endswith(close)):
        return False
    depth = 0
    body = text.rstrip(".")
    for position, char in enumerate(body):
        depth += (char == open_) - (char == close)
        if depth == 0 and position < len(body) - 1:
            return False
    return depth == 0


def is_narration(text: str) -> bool:
    """True for editorial narration between turns ("It was agreed that …")."""
    return _NARRATION.match(text) is not None


def is_classification_stamp(text: str) -> bool:
    """True for a classification line in an opener ("TOP SECRET", "Secret; Nodis")."""
    return _CLASSIFICATION_STAMP.match(text) is not None


def is_heading(p: etree._Element, text: str) -> bool:
    """True for a heading paragraph: set as one (``rend="center"``) or short and in capitals."""
    rend = p.get("rend")
    if rend and _HEADING_REND.match(rend) and len(text) <= 200:
        return True
    return len(text) <= 80 and text.upper() == text and text.lower() != text \
        and ":" not in text and not text.startswith(("[", "("))


def label_paragraphs(div: etree._Element) -> list[etree._Element]:
    """The document's own paragraphs (not those inside notes, quotes, lists or closers)."""
    # most paragraphs stand right in the document: no walk up the tree needed
    return [p for p in div.iter("{*}p", "{*}ab") if p.getparent() is div or _own_paragraph(p, div)]


def _own_paragraph(p: etree._Element, div: etree._Element) -> bool:
    for ancestor in p.iterancestors():
        if ancestor is div:
            return True
        if local_name(ancestor) in _NOTE_FREE:
            return False
    return True


def lined(element: etree._Element) -> etree._Element:
    """A copy of a closer with a line break before each of its parts (salute, signature)."""
    copy = deepcopy(element)
    copy.tail = None
    for child in list(copy)[1:]:
        if local_name(child):
            child.addprevious(etree.Element("lb"))
    return copy


def wrapped_note(note: etree._Element) -> etree._Element:
    """A detached wrapper holding a copy of one block-level note, so it renders as a note."""
    wrapper = etree.Element("wrapper")
    clone = deepcopy(note)
    clone.tail = None
    wrapper.append(clone)
    return wrapper
