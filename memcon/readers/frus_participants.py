"""Participants as FRUS lists them: participants lists, "PARTICIPANTS:" paragraphs, tables,
"Present:" lists, and sub-headings by agency or delegation (the participants' side).

>>> from lxml import etree
>>> item = etree.fromstring('<item>Dr. <persName corresp="#p_K">Henry A. Kissinger</persName>, '
...                         'Assistant to the President</item>')
>>> p = entry_participants(item, side="United States")[0]
>>> p.label, p.name, p.role, p.side, p.ref
('Dr. Henry A. Kissinger', 'Henry A. Kissinger', 'Assistant to the President', 'United States', 'p_K')
"""

from __future__ import annotations

import copy
import re

from lxml import etree

from memcon.model import Participant
from memcon.readers.frus_text import MARK_CLOSE, MARK_OPEN, render
from memcon.readers.xml import local_name

# Words that open a participants block; they name no side.
PARTICIPANT_HEADS = re.compile(
    r"^(?:(?:the\s+)?participants?|(?:also\s+)?present|in attendance|attending|attendees|"
    r"(?:persons|those|others) present|participating)\s*:?[\s—–-]*$",
    re.IGNORECASE,
)
_PRESENT = re.compile(r"^(?P<head>(?:also\s+)?present|in attendance|attending)\s*:\s*(?P<rest>.*)$",
                      re.IGNORECASE | re.DOTALL)
_DASH = re.compile(r"(?<!\s)\s+[-–—]{1,2}\s+")
_COMMA = re.compile(r",\s+(?!(?:Jr|Sr)\b\.?|I{2,3}\b|IV\b)")
_SUFFIX = re.compile(r"^(?:,?\s+(?:Jr|Sr)\.?|\s+I{2,3}\b|\s+IV\b)")
_TITLES = re.compile(
    r"^(?:(?:(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Maj|Col|Adm|Capt|Cdr|Amb|Sen|Rep|Gov|Hon|Rev|Mme)\.|"
    r"Miss|Madame|Lieutenant|Major|Brigadier|General|Vice|Rear|Admiral|Ambassador|Secretary|"
    r"Senator|Congressman|Governor|Prime|Premier|Deputy|Foreign|Minister|President|Chairman|"
    r"Marshal|Generalissimo|Colonel|Captain|Judge|Justice|Father|Monsieur|PM|FM|"
    r"Under|Assistant)\s+(?:of\s+(?:the\s+)?(?:[A-Z][a-z]+\s+){1,2})?)+"
)
_SIDE_WORDS = re.compile(r"\b(?:Side|Delegation|Participants|Party|Government|Department|"
                         r"Ministry|Embassy|Staff|Agency|Office|Mission)\b")
# Delegations named by a country or a nationality alone ("United States", "PRC", "Chinese").
_NATION = re.compile(
    r"^(?:the\s+)?(?:United States(?: of America)?|United Kingdom|Soviet Union|"
    r"U\.\s?S\.(?:\s?A\.)?|U\.\s?S\.\s?S\.\s?R\.|U\.\s?K\.|[A-Z]{2,5}|Soviet|French|Dutch|Greek|"
    r"Thai|Swiss|Israeli|Iraqi|Pakistani|Saudi|Kuwaiti|Yemeni|Omani|Qatari|"
    r"[A-Z][a-z]+(?:an|ese|ish|ian))(?:\s+(?:Side|Delegation|Participants|Party|Government))?$"
)
_PARTICLES = frozenset({"de", "da", "di", "du", "van", "von", "der", "den", "la", "le", "al", "el",
                        "bin", "ibn", "y", "of", "the", "and", "for"})
_HEADING_REND = re.compile(r"italic|underline|bold|strong")
_NAME_SPLIT = re.compile(r"(?<!\s)\s*[;\n]\s*|,\s+(?:and\s+)?(?!(?:Jr|Sr)\b)|(?<!\s)\s+and\s+")


def _strip_marks(text: str) -> str:
    return text.replace(MARK_OPEN, "").replace(MARK_CLOSE, "")


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    text = _strip_marks(text).strip().strip(",;").strip()
    return text or None


def _refs(element: etree._Element) -> list[str | None]:
    """The corresp of each persName outside notes, in document order."""
    refs: list[str | None] = []
    for pers in element.iter("{*}persName"):
        if any(local_name(a) == "note" for a in pers.iterancestors()):
            continue
        corresp = (pers.get("corresp") or "").strip()
        refs.append(corresp.rsplit("#", 1)[-1] if corresp.startswith("#") else None)
    return refs


def name_without_title(label: str) -> str:
    """A name as written without the titles before it ("Gen. George Brown" → "George Brown")."""
    stripped = _TITLES.sub("", label).strip()
    # a title alone ("Secretary of State") is what the source calls the person
    return stripped if stripped[:1].isupper() else label


def _person(segment: str, ref: str | None, side: str | None) -> Participant | None:
    first_mark = segment.find(MARK_OPEN)
    separator = _DASH.search(segment) or _COMMA.search(segment)
    if first_mark >= 0 and not (separator and separator.start() < first_mark):
        start = segment.index(MARK_OPEN)
        end = segment.find(MARK_CLOSE, start)
        end = len(segment) if end < 0 else end
        after = segment[end + 1:]
        suffix = _SUFFIX.match(after)
        suffix_text = suffix.group(0) if suffix else ""
        name = _clean(segment[start + 1: end] + suffix_text)
        label = _clean(segment[: end + 1] + suffix_text)
        role = _clean(re.sub(r"^\s*(?:[-–—]{1,2}|,)\s*", "", after[len(suffix_text):]))
    else:
        # no name tagged, or the tagged name stands in the role ("Assistant to Kissinger")
        ref = None
        label = _clean(segment[: separator.start()] if separator else segment)
        role = _clean(segment[separator.end():]) if separator else None
        name = name_without_title(label) if label else None
    if not label:
        return None
    return Participant(label=label, name=name, role=role, side=side, ref=ref)


def _segments(text: str) -> list[str]:
    """Split an entry holding several people set on one line ("A - role B - role")."""
    if not _DASH.search(text):
        return [text]
    cuts = [0]
    for match in re.finditer(re.escape(MARK_OPEN), text):
        start = match.start()
        before = text[cuts[-1]: start]
        close = text.find(MARK_CLOSE, start)
        after = text[close + 1:] if close >= 0 else ""
        suffix = _SUFFIX.match(after)
        after = after[suffix.end():] if suffix else after
        if MARK_CLOSE in before and _DASH.search(before.split(MARK_CLOSE)[-1]) and \
                _DASH.match(after):
            cuts.append(start)
    return [text[a:b] for a, b in zip(cuts, [*cuts[1:], len(text)], strict=True)]


def entry_participants(element: etree._Element, side: str | None = None) -> list[Participant]:
    """The people one list item, paragraph or table cell names (usually one)."""
    text = render(element, None, marks=frozenset({"persName"}))
    refs = iter(_refs(element))
    out: list[Participant] = []
    segments = [seg for line in text.split("\n") for seg in _segments(line)]
    for segment in segments:
        # the reference of the segment's first tagged name; the others' are used up
        own = [next(refs, None) for _ in range(segment.count(MARK_OPEN))]
        person = _person(segment, own[0] if own else None, side)
        if person:
            out.append(person)
    return out


def is_side_heading(element: etree._Element, text: str) -> bool:
    """True for a sub-heading naming an agency or a delegation ("State", "U.S. Side:")."""
    if not text or len(text) > 80 or any(True for _ in element.iter("{*}persName")):
        return False
    if PARTICIPANT_HEADS.match(text):
        return False
    children = [c for c in element if local_name(c)]
    outside = (element.text or "").strip() + "".join((c.tail or "").strip() for c in children)
    if len(children) == 1 and not outside.strip(":") and local_name(children[0]) == "hi" and \
            _HEADING_REND.search(children[0].get("rend") or ""):
        return True
    return side_text(text)


def side_text(text: str) -> bool:
    """True for a line that names a side rather than a person ("U.S. Side:", "Chinese", "PRC")."""
    text = text.strip()
    if not text or _DASH.search(text) or "," in text or PARTICIPANT_HEADS.match(text):
        return False
    if text.endswith(":"):
        return True
    return bool(_SIDE_WORDS.search(text) or _NATION.match(text.rstrip(":")))


def delegation_heading(text: str) -> bool:
    """True for a line opening one delegation's participants ("American Participants:")."""
    text = text.strip()
    if not text.endswith(":") or _DASH.search(text) or "," in text or len(text) > 60:
        return False
    bare = text.rstrip(":").strip()
    return bool(_SIDE_WORDS.search(bare) or _NATION.match(bare))


def names_from_line(text: str, side: str | None = None) -> list[Participant]:
    """People named in a run-on line ("Mr. Lansing, Mr. White, and General Bliss")."""
    out = []
    for piece in _NAME_SPLIT.split(text.strip().rstrip(".")):
        label = _clean(piece)
        if label:
            out.append(Participant(label=label, name=name_without_title(label), side=side))
    return out


def present_line(text: str) -> list[Participant] | None:
    """The people of a "Present: A, B and C" line; None when the line is not one."""
    match = _PRESENT.match(text)
    if not match:
        return None
    return names_from_line(match.group("rest"))


def _own_text(item: etree._Element) -> str:
    """An item's text without its nested lists."""
    shallow = copy.deepcopy(item)
    for nested in [c for c in shallow if local_name(c) == "list"]:
        tail = nested.tail
        parent = nested.getparent()
        if parent is not None:
            if tail:
                previous = nested.getprevious()
                if previous is not None:
                    previous.tail = (previous.tail or "") + tail
                else:
                    parent.text = (parent.text or "") + tail
            parent.remove(nested)
    return render(shallow)


def list_participants(element: etree._Element, side: str | None = None) -> list[Participant]:
    """The people of a ``<list>``, with sides from its sub-headings and nested lists."""
    out: list[Participant] = []
    for child in element:
        if local_name(child) != "item":
            continue
        nested = [c for c in child if local_name(c) == "list"]
        text = _own_text(child) if nested else render(child)
        if nested:
            heading = text.strip().rstrip(":").strip()
            inner_side = side if not heading or PARTICIPANT_HEADS.match(text) else heading
            for inner in nested:
                out.extend(list_participants(inner, inner_side))
        elif is_side_heading(child, text):
            side = text.rstrip(":").strip()
        else:
            present = present_line(text)
            out.extend(present if present is not None else entry_participants(child, side))
    return out


def table_participants(element: etree._Element) -> list[Participant]:
    """The people of a ``<table>``: one column per delegation, or one person per row."""
    # each row's cells with their text, rendered once
    rows = [[(cell, render(cell)) for cell in row if local_name(cell) == "cell"]
            for row in element.iter("{*}row")]
    rows = [row for row in rows if row]
    if not rows:
        return []
    first = element.find("{*}row")
    headers: list[str] | None = None
    if first is not None and first.get("role") == "label":
        headers = [text.rstrip(":").strip() for _, text in rows[0]]
        rows = rows[1:]
    out: list[Participant] = []
    side: str | None
    if headers and len(headers) > 1 and not any(
        re.match(r"(?i)^(?:name|title|position|role|office|function)s?$", h) for h in headers
    ):
        for column, side in enumerate(headers):
            for row in rows:
                if column < len(row) and row[column][1]:
                    out.extend(entry_participants(row[column][0], side or None))
        return out
    side = None
    for row in rows:
        filled = [(cell, text) for cell, text in row if text]
        if len(filled) == 1 and is_side_heading(*filled[0]):
            side = filled[0][1].rstrip(":").strip()
        elif len(filled) == 1:
            out.extend(entry_participants(filled[0][0], side))
        elif filled:
            people = entry_participants(filled[0][0], side)
            role = "; ".join(text for _, text in filled[1:])
            for person in people:
                person.role = person.role or role or None
            out.extend(people)
    return out


def text_participants(text: str, side: str | None = None) -> list[Participant]:
    """The people of lines after a "PARTICIPANTS:" label: one per line or ";"-separated,
    with lines naming a side ("U.S. Side:") setting the side of the people after them."""
    out = []
    for piece in re.split(r"\s*[;\n]\s*", text.strip().rstrip(".")):
        if side_text(piece):
            side = piece.rstrip(":").strip()
            continue
        person = _person(piece, None, side) if piece.strip() else None
        if person:
            out.append(person)
    return out


def looks_like_entry(text: str) -> bool:
    """A paragraph naming one participant ("Winston Lord, NSC Staff"), not prose."""
    if len(text) > 200 or "\n" in text:
        return False
    if re.search(r"[a-z]{3,}\.\s+[A-Z]", text):
        return False  # two sentences
    name = re.split(r",\s|\s[-–—]\s", text, maxsplit=1)[0]
    lower = [w for w in name.split() if w[:1].islower() and w not in _PARTICLES]
    # "The Ambassador called at his own request." is prose, "Mr. Smith, Counselor." is not
    return not (text.endswith(".") and len(lower) >= 2)
