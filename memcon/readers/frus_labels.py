"""Speaker labels in FRUS paragraphs: "Name: text" (persName, title, gloss or role before the
colon) and minutes with the speaker's name in small caps ("ADMIRAL LEAHY asked …").

>>> from lxml import etree
>>> p = etree.fromstring('<p>Dr. <persName corresp="#p_KHA1">Kissinger</persName>: We tell him.</p>')
>>> colon_label(p, "Dr. Kissinger: We tell him.")
SpeakerLabel(speaker='Dr. Kissinger', text='We tell him.', form='colon', ref='p_KHA1', separator=':')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from memcon.readers.frus_text import is_smallcaps, render, render_raw, tidy
from memcon.readers.xml import local_name
from memcon.transcript.labels import is_field_label, label_shape

# The label, its colon (a dash may follow it: "The Combined Chiefs of Staff:—"), the text.
_COLON = re.compile(r"^(?P<label>[^:\n]{1,80}?)[ \t]*:(?:[ \t]*[—–])?(?:\s+|$)(?P<rest>.*)$",
                    re.DOTALL)
# what may follow a label's colon: a dash, then blanks or the end of the paragraph
_AFTER_COLON = re.compile(r":(?:[ \t]*[—–])?(?:\s+|$)")
_FIELD = re.compile(r"^(?P<field>[^:\n]{1,40}?)[ \t]*:(?:\s+|$)(?P<rest>.*)$", re.DOTALL)
_PERSON_TAGS = frozenset({"persName", "name", "rs", "gloss"})
_GLOSSES = frozenset({"gloss", "term", "ref"})
_BLOCKS = frozenset({"quote", "list", "table", "p", "ab", "lg"})
_SPEAKER_LABELS: dict[str, bool] = {}


@dataclass(slots=True)
class SpeakerLabel:
    """A paragraph's speaker as written, the turn's text, the label's form and person ref."""

    speaker: str
    text: str
    form: str
    ref: str | None = None
    separator: str = ":"


def header_field(text: str) -> tuple[str, str] | None:
    """A header field or salutation ("DATE & TIME: …", "My Dear Mr. Secretary: …")."""
    # as in colon_label: the field ends at the first colon, within 40 characters of the start
    colon = text.find(":")
    if colon < 0:
        return None
    written = text[:colon].rstrip(" \t")
    if not 0 < len(written) <= 40 or "\n" in written:
        return None
    match = _FIELD.match(text)
    if match and is_field_label(match.group("field")):
        return match.group("field").strip(), match.group("rest").strip()
    return None


def _ref(element: etree._Element) -> str | None:
    # <persName corresp="#p_KHA1">, <name ref="#…">, <gloss target="#p_KHA1">Secretary Kissinger
    corresp = (element.get("corresp") or element.get("ref") or element.get("target") or "").strip()
    return corresp.rpartition("#")[2] if corresp[:1] == "#" else None


def _label_ref(p: etree._Element) -> str | None:
    """The person reference of the persName written before the paragraph's first colon."""
    if not len(p) or ":" in (p.text or ""):
        return None
    ref = None
    for child in p:
        name = local_name(child)
        if name == "note":
            continue
        if name in _PERSON_TAGS:
            ref = _ref(child) or ref
        elif len(child):
            # the name may be wrapped: <hi rend="strong"><persName …>Kissinger</persName>:</hi>
            for person in child.iter("{*}persName", "{*}name", "{*}gloss"):
                ref = _ref(person) or ref
        raw = render_raw(child)
        if ":" in raw or ":" in (child.tail or ""):
            break
    return ref


def _names_speaker(label: str) -> bool:
    """True when a label is shaped like a name and is no header field; memoised, as speakers recur."""
    known = _SPEAKER_LABELS.get(label)
    if known is None:
        known = label_shape(label) == "name" and not is_field_label(label)
        if len(_SPEAKER_LABELS) < 65536:
            _SPEAKER_LABELS[label] = known
    return known


def colon_label(p: etree._Element, text: str) -> SpeakerLabel | None:
    """The speaker of a "Name: text" paragraph, or None (header fields, salutations, prose)."""
    # _COLON read by hand, for speed: the label ends at the paragraph's first colon, holds
    # no line break and is 80 characters at most, blanks before the colon aside
    colon = text.find(":")
    if colon < 0:
        return None
    written = text[:colon].rstrip(" \t")
    if not 0 < len(written) <= 80 or "\n" in written:
        return None
    end = colon + 2  # the usual ": " and a word: no dash, no more blanks
    follows = text[end:end + 1]
    if text[colon + 1:end] != " " or follows in ("", "—", "–") or follows.isspace():
        after = _AFTER_COLON.match(text, colon)
        if after is None:
            return None
        end = after.end()
    label = written.strip()
    if not _names_speaker(label):
        return None
    separator = text[len(written):end]
    return SpeakerLabel(label, text[end:].strip(), "colon", _label_ref(p),
                        ":" if separator in (":", ": ") else "".join(separator.split()))


def _separator(match: re.Match[str]) -> str:
    """The punctuation between a label and its text, as written (":" or ":—")."""
    return "".join(match.string[match.end("label"): match.start("rest")].split())


def _looks_like_name(text: str) -> bool:
    return 0 < len(text.split()) <= 8 and text[:1].isupper() and not any(
        c.isdigit() for c in text)


def smallcaps_label(p: etree._Element, text: str) -> SpeakerLabel | None:
    """The speaker of a minutes paragraph opening with a small-caps name ("Admiral King said").

    A short phrase (60 characters at most) ending in a comma may come first ("Continuing, Sir Andrew Cunningham
    asked"); code names in small caps inside glosses ("Operation DRACULA") are not speakers.
    """
    lead = [p.text or ""]
    for child in p:
        name = local_name(child)
        if is_smallcaps(child):
            if any(local_name(d) in _GLOSSES for d in child.iterdescendants()):
                return None
            before = tidy("".join(lead))
            if before and (not before.endswith(",") or len(before) > 60):
                return None
            speaker = render(child)
            tail = child.tail or ""
            if not _looks_like_name(speaker):
                return None
            colon = re.match(r"^\s*:(?:\s*[—–])?\s*", tail)
            if colon and not before:
                if is_field_label(speaker):
                    return None  # a salutation: "My Dear Mr. Secretary:"
                rest = _COLON.match(text)
                if rest is None:
                    return None
                return SpeakerLabel(speaker, rest.group("rest").strip(), "colon", None,
                                    _separator(rest))
            if re.match(r"^\s+[a-z]", tail):
                return SpeakerLabel(speaker, text, "smallcaps", None)
            return None
        if name == "note":
            lead.append(child.tail or "")
            continue
        if name in _BLOCKS:
            return None
        lead.append(render_raw(child) + (child.tail or ""))
    return None
