"""The leading label of a paragraph ("Stalin:", "[W. A.] Harriman:", "THE PRESIDENT:") and its shape.

A label is the text before the paragraph's first colon, when that colon is followed by
whitespace (or ends the paragraph) and the text before it is a short phrase. Whether a label
names a speaker is decided by ``memcon.transcript.segment`` with the whole record in view;
this module only reads its form.

>>> split_label("[W. A.] Harriman: We agree.")
Label(speaker='[W. A.] Harriman', rest='We agree.', shape='name', field=False)
>>> split_label("Customs officials: the draft says").shape
'phrase'
>>> split_label("Place: Moscow").field
True
>>> split_label("Paragraph 3: we suggest") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

LabelShape = Literal["name", "phrase"]

# The label is everything before the first colon; a colon glued to the next word
# ("10:30", "http://") does not end a label.
_LEAD = re.compile(r"^(?P<label>[^:：\n]{1,80}?)[ \t\u00a0]*(?::(?=\s|$)|：)")
# "II. Trade:" opens an enumerated part, not a name (a lone "I." may be an initial)
_ENUMERATOR = re.compile(r"^(?:[IVXL]{2,}|[ivxl]+)\.\s")
_TOKEN = re.compile(r"\[[^\[\]]*\]|\([^()]*\)|[^\s\[\]()]+")
_INITIALS = re.compile(r"^(?:[^\W\d_]\.-?)+$")
_WORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|['’\-.])*$")

# Lower-case words that may stand inside a name or a title ("Minister of Foreign Affairs",
# "de Gaulle"); the first set may also open a name.
_NAME_PARTICLES = frozenset(str.split(
    "de da di du des del della van von der den ter ten la le al el bin ibn dos das y"
))
_PARTICLES = _NAME_PARTICLES | frozenset({"of", "the", "and", "for", "on", "&"})

# Header fields, salutations and document furniture that are written like labels but never
# name a speaker (compared case-insensitively, a closing period ignored).
FIELD_LABELS = frozenset(
    str.split("""
    place location venue date dates time subject subjects topic topics re ref reference
    references regarding participants participant present attendees attending absent note
    notes nb source sources excerpt excerpts cc bcc distribution translation translator
    interpreter interpreters classification from to title summary abstract attachment
    attachments enclosure enclosures annex annexes appendix addendum postscript ps agenda
    keywords tags type language languages rights signed signature memorandum minutes telegram
    background purpose objective objectives conclusion conclusions result results
    recommendation recommendations decision decisions proposal proposals comment comments
    remark remarks issue issues example examples conditions terms text original message
    attention via action info priority urgent secret confidential copy sir sirs gentlemen
    madam excellency recorder recorders note-taker note-takers notetaker notetakers
    stenographer stenographers minutes-taker chaired
    """)
) | frozenset(
    [
        "date and time", "date & time", "time and place", "place and date", "date and place",
        "also present", "in attendance", "persons present", "those present", "editor's note",
        "editors' note", "editorial note", "translator's note", "copies to", "copy to",
        "drafted by", "prepared by", "approved by", "cleared by", "recorded by", "written by",
        "translated by", "memorandum for", "record id", "top secret", "strictly secret",
        "note taker", "record keeper", "minutes taken by", "chaired by", "presided by",
        "your excellency", "dear sir", "dear comrade", "n.b", "p.s",
    ]
)
# A label whose first word is one of these is a part of a text or an address, not a person.
_FIELD_FIRST_WORDS = frozenset(
    str.split("""
    paragraph paragraphs article articles point points item items section sections chapter
    part clause clauses annex appendix page line table figure draft version option
    alternative variant footnote step stage phase
    dear my to respected esteemed honoured honored beloved
    """)
)


# "DATE, TIME AND PLACE:", "Date and place:": header fields naming several things at once
_FIELD_WORD = r"(?:date|dates|time|times|place|location|venue)"
_COMBINED_FIELD = re.compile(
    rf"^(?P<label>{_FIELD_WORD}(?:[ \t\u00a0]*(?:,|and|&)[ \t\u00a0]*{_FIELD_WORD}){{1,3}})"
    r"[ \t\u00a0]*[:：][ \t\u00a0]*(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)


@dataclass(frozen=True, slots=True)
class Label:
    """A paragraph's leading label as written, the text after it, and the label's form.

    ``shape`` is "name" for a name or title (capitalised words, initials, editorial brackets,
    particles such as "of" inside), "phrase" for another short phrase opening with a capital
    ("Customs officials"); ``field`` marks header fields and salutations ("Place", "Subject",
    "Dear Comrade Stalin"), which never name a speaker.
    """

    speaker: str
    rest: str
    shape: LabelShape
    field: bool

    @property
    def key(self) -> str:
        """The label compared case- and spacing-insensitively ("THE PRESIDENT" = "The President")."""
        return " ".join(self.speaker.split()).casefold()

    @property
    def surname(self) -> str | None:
        """The label's last name-like word, for matching against participant lists."""
        return last_name_word(self.speaker)


def last_name_word(name: str) -> str | None:
    """The last word of ``name`` that can be a surname, case-folded ("[W. A.] Harriman" → harriman).

    A trailing role in parentheses is no name: "Zhou Enlai (Premier)" → enlai.
    """
    words = [w.strip(".,;[]()'’").casefold() for w in _TOKEN.findall(name)
             if not w.startswith("(")]
    words = [w for w in words if len(w) > 1 and w.isalpha() and w not in _PARTICLES]
    return words[-1] if words else None


def _capitalised(word: str) -> bool:
    first = word[0]
    # scripts without case (Chinese, Arabic) count as capitalised
    return first.isupper() or not first.islower()


def label_shape(label: str) -> LabelShape | None:
    """The form of a candidate label: "name", "phrase", or None when it cannot be a label.

    >>> label_shape("V. M. Molotov"), label_shape("Comrade Kim Il Sung")
    ('name', 'name')
    >>> label_shape("Unidentified speaker"), label_shape("the draft")
    ('phrase', None)
    """
    if not label.strip() or len(label) > 60 or any(c.isdigit() or c in ",;" for c in label):
        return None
    if _ENUMERATOR.match(label):
        return None
    tokens = _TOKEN.findall(label)
    # unbalanced brackets or stray characters the tokens did not cover
    if "".join("".join(tokens).split()) != "".join(label.split()):
        return None
    name = _name_shaped(tokens)
    if name:
        return "name"
    if _phrase_shaped(tokens):
        return "phrase"
    return None


def _name_shaped(tokens: list[str]) -> bool:
    words = 0
    for position, token in enumerate(tokens):
        if token.startswith("["):
            words += 1
        elif token.startswith("("):
            # a qualifier after a name: "Stalin (laughing)"
            if position == 0:
                return False
        elif token in _PARTICLES:
            if position == 0 and token not in _NAME_PARTICLES:
                return False
        elif (_INITIALS.match(token) or _WORD.match(token)) and _capitalised(token):
            words += 1
        else:
            return False
    last = tokens[-1]
    return 0 < words <= 8 and last not in _PARTICLES


def _phrase_shaped(tokens: list[str]) -> bool:
    if len(tokens) > 5 or sum(len(t) for t in tokens) > 40:
        return False
    first = tokens[0]
    if not (first.startswith("[") or (_WORD.match(first) and _capitalised(first))):
        return False
    return all(_WORD.match(t) or t.startswith("[") or t in _PARTICLES for t in tokens[1:])


def is_field_label(label: str) -> bool:
    """True for header fields, salutations and text parts written like labels ("Place", "Dear Sir")."""
    key = " ".join(label.split()).casefold().rstrip(".")
    if key in FIELD_LABELS:
        return True
    first = key.split(" ", 1)[0].strip("[]()")
    return first in _FIELD_FIRST_WORDS


# Readers ask about the same paragraph several times; a Label is frozen, so sharing one is safe.
@lru_cache(maxsize=4096)
def split_label(paragraph: str) -> Label | None:
    """The paragraph's leading label and the text after it, or None when it has none.

    Whitespace between the colon and the text is not part of either.
    """
    match = _LEAD.match(paragraph)
    if not match:
        return None
    written = match.group("label").strip()
    if not written:
        return None
    shape = label_shape(written)
    if shape is None:
        return None
    rest = paragraph[match.end():].lstrip()
    return Label(written, rest, shape, is_field_label(written))


def field_label(paragraph: str) -> tuple[str, str] | None:
    """The header field a paragraph opens with and its value, or None.

    >>> field_label("Place: Moscow")
    ('Place', 'Moscow')
    >>> field_label("DATE, TIME AND PLACE: Monday, January 29, 1979")
    ('DATE, TIME AND PLACE', 'Monday, January 29, 1979')
    """
    combined = _COMBINED_FIELD.match(paragraph)
    if combined:
        return combined["label"], combined["rest"].strip()
    label = split_label(paragraph)
    if label is None or not label.field:
        return None
    return label.speaker, label.rest
