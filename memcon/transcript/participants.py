"""Participant lists written in a record: "Present: …" inline, one per line, or in delegation columns.

>>> people, end = read_present(["Present:", "Soviet side:\\tChinese side:",
...                             "J.V. Stalin\\tT.V. Soong", "Stalin: Yes."], 0)
>>> [(p.name, p.side) for p in people], end
([('J.V. Stalin', 'Soviet side'), ('T.V. Soong', 'Chinese side')], 3)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from memcon.model import BodyItem, Participant
from memcon.transcript.labels import field_label, label_shape, last_name_word, split_label

_HEADER = re.compile(
    r"^(?:(?:also\s+)?present(?:\s+at\s+the\s+(?:conversation|meeting|talks?|session|reception))?|"
    r"participants|participating|attending|attendees|in attendance|"
    r"persons present|those present|list of participants|people present)"
    r"[ \t\u00a0]*(?:[:：][ \t\u00a0]*(?P<rest>.*)|\.?)$",
    re.IGNORECASE,
)
_SIDE_WORDS = re.compile(r"\b(?:side|delegation|party|delegates|representatives|participants)\b",
                         re.IGNORECASE)
_COLUMNS = re.compile(r"\t+|[ \u00a0]{2,}")
_ROLE_NOUNS = frozenset(
    str.split("""
    minister ambassador chairman chairwoman secretary deputy head director counselor counsellor
    interpreter translator president premier vice first second third chief commander consul
    attaché attache adviser advisor member assistant acting general marshal admiral
    representative envoy charge chargé
    """)
)
_ROLE_LINKS = re.compile(r"\b(?:of|to|for|in|at)\b")
_DASH = re.compile(r"(?<!\s)\s+[–—-]\s+")
_MAX_ENTRY = 150
# A form of address before a name ("Comrades Andropov, Gromyko"), not part of it
_HONORIFIC = re.compile(r"^(?:comrades?|tov\.|messrs\.?)\s+(?=\S)", re.IGNORECASE)
# A closing period that belongs to an abbreviation: "U.S.", "A.", "Jr."
_ABBREVIATED_END = re.compile(r"(?:^|[\s(])(?:(?:[A-Za-z]\.)+|Jr\.|Sr\.|Inc\.|Ltd\.|Co\.)$")
# "U.S.", "PRC", "USSR" alone on a line: the delegation the names under it belong to
_COUNTRY_CODE = re.compile(r"^(?:(?:[A-Z]\.){2,4}|[A-Z]{2,5})$")
# "from the Soviet side – Comrades Molotov, Vyshinsky": one delegation in an inline list
_INLINE_SIDE = re.compile(
    r"^(?P<side>(?:(?:on|from|for)\s+)?(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s+"
    r"(?:side|delegation|party))[ \t\u00a0]*(?:[:–—-][ \t\u00a0]*|\s+)(?P<names>\S.*)$",
    re.IGNORECASE,
)
_CHAIR = re.compile(r"^(?:chaired by|presided(?: over)? by|presiding|chairing|in the chair)"
                    r"[ \t\u00a0]*:?[ \t\u00a0]*(?P<name>\S.*)$", re.IGNORECASE)


def _trim(text: str) -> str:
    """An entry part without its closing ";" or ".", unless the period ends an abbreviation."""
    text = text.strip().rstrip(";").rstrip()
    if text.endswith(".") and not _ABBREVIATED_END.search(text):
        text = text[:-1].rstrip()
    return text


def _name(text: str) -> str:
    return _HONORIFIC.sub("", text.strip(), count=1)


def _split_entry(text: str) -> tuple[str, str | None]:
    """Name and role of one entry: "V.M. Molotov, Minister of Foreign Affairs"."""
    text = text.strip().rstrip(";")
    for splitter in (re.compile(r",\s*"), _DASH):
        parts = splitter.split(text, maxsplit=1)
        if len(parts) == 2 and parts[0].strip() and parts[1].strip():
            return _name(parts[0]), _trim(parts[1]) or None
    match = re.match(r"^(?P<name>[^()]+?)\s*\((?P<role>[^()]+)\)\.?$", text)
    if match:
        return _name(match["name"]), match["role"]
    return _name(_trim(text)), None


def _is_role(piece: str) -> bool:
    words = piece.split()
    if not words:
        return False
    first = words[0]
    if first[0].islower() or first in ("The", "the"):
        return True
    return first.casefold() in _ROLE_NOUNS and (len(words) == 1 or bool(_ROLE_LINKS.search(piece)))


def split_names(text: str) -> list[tuple[str, str | None]]:
    """Entries of an inline list ("Stalin, Molotov and Wang"; ";" when entries carry roles).

    >>> split_names("J.V. Stalin, Chairman of the Council; V.M. Molotov")
    [('J.V. Stalin', 'Chairman of the Council'), ('V.M. Molotov', None)]
    >>> split_names("Stalin, Molotov, Minister of Foreign Affairs, and Wang")
    [('Stalin', None), ('Molotov', 'Minister of Foreign Affairs'), ('Wang', None)]
    """
    text = text.strip().rstrip(".")
    if ";" in text:
        return [_split_entry(piece) for piece in text.split(";") if piece.strip()]
    entries: list[tuple[str, str | None]] = []
    for raw in re.split(r",\s*|(?<!\s)\s+and\s+", text):
        piece = re.sub(r"^and\s+", "", raw.strip())
        if not piece:
            continue
        if entries and _is_role(piece):
            name, role = entries[-1]
            entries[-1] = (name, f"{role}, {piece}" if role else piece)
        else:
            entries.append((_name(piece), None))
    return entries


def _inline_list(text: str) -> list[Participant]:
    """The people of a list written on the header's line, by delegation where it says so."""
    pieces = [p for p in text.split(";") if p.strip()]
    sides = [_INLINE_SIDE.match(p.strip()) for p in pieces]
    if not any(sides):
        return [Participant(name=n, role=r) for n, r in split_names(text)]
    people: list[Participant] = []
    side: str | None = None
    for piece, found in zip(pieces, sides, strict=True):
        if found:
            side, piece = found["side"], found["names"]
        people.extend(Participant(name=n, role=r, side=side) for n, r in split_names(piece))
    return people


def _name_like(entry: str) -> bool:
    name, _ = _split_entry(entry)
    return len(entry) <= _MAX_ENTRY and label_shape(name.rstrip(".")) == "name"


def _side_header(text: str, following: str | None = None) -> str | None:
    """The delegation a heading names ("Soviet side:", "On the Chinese side"), else None.

    A bare "Name:" counts only when a name follows it (else it is a speaker's label).
    """
    stripped = text.strip()
    if stripped.endswith((":", "：")):
        side = stripped[:-1].strip()
        named = following is None or _name_like(following) or len(_COLUMNS.split(following)) > 1
        if side and label_shape(side) is not None and (named or _SIDE_WORDS.search(side)):
            return side
    if _SIDE_WORDS.search(stripped) and len(stripped) <= 60 and label_shape(stripped) is not None:
        return stripped
    return None


def _next(paragraphs: Sequence[str], index: int) -> str:
    return paragraphs[index + 1].strip() if index + 1 < len(paragraphs) else ""


def _speech(paragraph: str) -> bool:
    label = split_label(paragraph)
    return label is not None and not label.field and bool(label.rest)


def read_present(paragraphs: Sequence[str], index: int) -> tuple[list[Participant], int] | None:
    """The participants listed from ``paragraphs[index]`` on, and the index after the list.

    None when that paragraph does not open a list ("Present:", "Participants:").
    """
    chair = _CHAIR.match(paragraphs[index].strip())
    if chair and _name_like(chair["name"]):
        return [Participant(name=_name(_trim(chair["name"])), role="chair")], index + 1
    header = _HEADER.match(paragraphs[index].strip())
    if not header:
        return None
    people: list[Participant] = []
    if header["rest"]:
        people.extend(_inline_list(header["rest"]))
    side: str | None = None
    columns: list[str | None] = []
    end = index + 1
    while end < len(paragraphs):
        paragraph = paragraphs[end].strip()
        if field_label(paragraph) is not None:
            break  # "Place: Moscow", "DATE, TIME AND PLACE: …" follow the list
        cells = [c.strip() for c in _COLUMNS.split(paragraph) if c.strip()]
        if len(cells) >= 2:
            sides = [_side_header(c) for c in cells]
            if all(sides):
                columns = list(sides)
            elif all(_name_like(c) for c in cells):
                for position, cell in enumerate(cells):
                    column = columns[position] if position < len(columns) else side
                    name, role = _split_entry(cell)
                    people.append(Participant(name=name, role=role, side=column))
            else:
                break
        elif (header_side := _side_header(paragraph, _next(paragraphs, end))) is not None:
            side, columns = header_side, []
        elif _COUNTRY_CODE.match(paragraph) and _name_like(_next(paragraphs, end)):
            side, columns = paragraph, []
        elif _speech(paragraph):
            label = split_label(paragraph)
            assert label is not None
            entries = split_names(label.rest)
            if not (_SIDE_WORDS.search(label.speaker) or len(entries) >= 2) or not all(
                label_shape(n) == "name" for n, _ in entries
            ):
                break
            people.extend(Participant(name=n, role=r, side=label.speaker) for n, r in entries)
        elif _name_like(paragraph):
            name, role = _split_entry(paragraph)
            people.append(Participant(name=name, role=role, side=side))
        else:
            break
        end += 1
    return people, end


def with_speakers(listed: Sequence[Participant], turns: Sequence[BodyItem]) -> list[Participant]:
    """The listed participants, each given the label they speak under, then unlisted speakers.

    A label joins the one listed person whose surname it shares; with none or several, the
    speaker is added on their own (label only), since guessing would be worse than not knowing.
    """
    people = [Participant(p.label, p.name, p.role, p.side, p.ref) for p in listed]
    for label in dict.fromkeys(t.speaker for t in turns if t.speaker is not None):
        if any(p.label == label for p in people):
            continue
        surname = last_name_word(label)
        matches = [p for p in people if surname and p.name and last_name_word(p.name) == surname]
        if len(matches) == 1 and matches[0].label is None:
            matches[0].label = label
        elif len(matches) == 1:
            people.append(Participant(label, matches[0].name, matches[0].role, matches[0].side))
        else:
            people.append(Participant(label=label))
    return people
