"""The parts of an archive page's source citation: holding, archival units and credits.

A citation names where the record is held and who provided and translated it, in one of a few
shapes: a Western finding aid ("Victor Hoo Collection, box 6, folder 9, Hoover Institution
Archives"), a Russian archival reference ("AVP RF, f. 059a, op. 5a, d. 3, papka 11, ll. 10-20";
"Archive of the President of the Russian Federation (APRF), fond 45, opis 1, delo 329"), an
archive's file number ("PRC FMA 109-01040-01, 1-12") or a published book ("Mao Zedong waijiao
wenxuan (Beijing: Zhongyang wenxian chubanshe, 1994), 322-333"). Parts the citation does not
name stay None; a book names no repository.

>>> parts = split_citation("AVP RF, f. 059a, op. 5a, d. 3, papka 11, ll. 10-20. Translated by "
...                        "Gary Goldberg.")
>>> parts.repository, parts.collection, parts.units["delo"], parts.translators
('AVP RF', 'f. 059a', '3', ['Gary Goldberg'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from memcon.model import Source

_CREDIT_VERB = r"(?:contributed|obtained|donated|provided|translated|transcribed)"
_CREDIT = re.compile(
    rf"\b(?P<verbs>{_CREDIT_VERB}(?:\s*(?:,|and|&)\s*{_CREDIT_VERB})*)"
    r"(?:\s+(?:for|to|from)\s+[^.;]{0,200}?)?\s+by\s+",
    re.IGNORECASE,
)
_ABBREVIATIONS = frozenset({"st", "mr", "dr", "no", "nr", "vol", "dept", "gen", "jr", "sr", "co",
                            "inc", "ltd", "ed", "eds", "nos", "pp"})
_REPOSITORY = re.compile(r"\b(?:archives?|archiv|arquivo|archivo|archiwum|library|institution|"
                         r"institute|museum|ministry|office|center|centre|bundesarchiv|"
                         r"university)\b", re.IGNORECASE)
_COLLECTION = re.compile(r"\b(?:collection|papers|files|records|fonds?)\b", re.IGNORECASE)
_UNIT = re.compile(r"^(?P<unit>box|bx\.?|folder|fldr\.?|series)\s+(?P<value>\S.*)$",
                   re.IGNORECASE)
# The units of a Russian (and East European) archival reference, as abbreviated or spelt out.
_ARCHIVAL_UNITS = {
    "f": "fond", "fond": "fond", "op": "opis", "opis": "opis", "d": "delo", "delo": "delo",
    "papka": "papka", "pap": "papka", "ll": "listy", "l": "listy", "listy": "listy",
    "list": "listy", "per": "perechen", "perechen": "perechen", "dok": "dokument",
    "dokument": "dokument", "rolik": "rolik",
}
_ARCHIVAL_UNIT = re.compile(r"^(?P<unit>[A-Za-z]{1,9})\.?\s+(?P<value>\d[\w/-]*)$")
_PAGES = re.compile(r"^\d[\d\s/–-]*$")
# "AVP RF", "TsKhSD", "SAPMO-BArch", "PRC FMA": words with capitals inside, no digits
_ACRONYM_WORD = r"[A-Za-z][a-z]*[A-Z][A-Za-z]*(?:-[A-Za-z]+)*"
_ACRONYM = re.compile(rf"^(?P<name>{_ACRONYM_WORD}(?:\s+{_ACRONYM_WORD}){{0,2}})"
                      r"(?:\s+\d[\d./-]*)?$")
# "(Beijing: Zhongyang wenxian chubanshe, 1994)": the imprint of a published book
_IMPRINT = re.compile(r"\([^():]{2,60}:[^()]{2,120},\s*(?:1[5-9]|20)\d\d\)")
_QUOTES = "\"'“”‘’"
_PUNCTUATION = re.compile(r"[,()\[\]\"“”]")


@dataclass(slots=True)
class SplitCitation:
    """What a source citation says: where the record is held, and who provided and translated it."""

    repository: str | None = None
    collection: str | None = None
    series: str | None = None
    box: str | None = None
    folder: str | None = None
    contributors: list[str] = field(default_factory=list)
    translators: list[str] = field(default_factory=list)
    units: dict[str, str] = field(default_factory=dict)

    def to_source(self, citation: str | None, record_id: str | None = None) -> Source:
        """The model's Source: the citation as written, the holding read from it, a record id."""
        return Source(citation=citation, repository=self.repository, collection=self.collection,
                      series=self.series, box=self.box, folder=self.folder, record_id=record_id)


def _sentence_ends(text: str) -> list[int]:
    """Offsets just after each sentence-ending period (not after initials or abbreviations).

    A period after a number or a closing quotation mark ends a sentence too ("ll. 10-20.",
    'folder "China".').
    """
    ends = []
    for match in re.finditer(r"\.(?=\s+[A-Z\[(\"“]|\s*$)", text):
        written = text[max(0, match.start() - 40):match.start()]
        before = written.rstrip(_QUOTES)
        word = re.search(r"([^\W\d_]+)$", before)
        sentence_word = bool(word and len(word.group(1)) > 1
                             and word.group(1).casefold() not in _ABBREVIATIONS)
        if sentence_word or before[-1:].isdigit() or before != written:
            ends.append(match.end())
    return ends


def _names(text: str) -> list[str]:
    """The names of a credit ("David Wolff", "A, B and C")."""
    text = re.sub(r"(?:,|\s+and|\s*&)\s*$", "", text.strip()).strip().rstrip(".")
    return [n.strip() for n in re.split(r",\s*(?:and\s+)?|\s+and\s+", text) if n.strip()]


def _credits(citation: str, parts: SplitCitation) -> int:
    """Fill contributors and translators; return where the first credit's sentence starts."""
    matches = list(_CREDIT.finditer(citation))
    if not matches:
        return len(citation)
    ends = _sentence_ends(citation)
    for number, match in enumerate(matches):
        stop = next((e for e in ends if e > match.end()), len(citation))
        if number + 1 < len(matches):
            stop = min(stop, matches[number + 1].start())
        semicolon = citation.find(";", match.end())
        if semicolon != -1:
            stop = min(stop, semicolon)
        names = _names(citation[match.end():stop])
        verbs = match["verbs"].casefold()
        if re.search(r"contributed|obtained|donated|provided", verbs):
            parts.contributors.extend(names)
        if re.search(r"translated|transcribed", verbs):
            parts.translators.extend(names)
    first = matches[0].start()
    return max([e for e in ends if e <= first], default=first)


def _commas(text: str) -> list[str]:
    """Comma-separated parts, not splitting inside parentheses, brackets or double quotes."""
    parts: list[str] = []
    start = depth = 0
    quoted = False
    for match in _PUNCTUATION.finditer(text):
        char = match.group()
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == '"':
            quoted = not quoted
        elif char in "“”":
            quoted = char == "“"
        elif depth <= 0 and not quoted:
            parts.append(text[start:match.start()].strip())
            start = match.end()
    parts.append(text[start:].strip())
    return [p for p in parts if p]


def _unit_value(value: str) -> str:
    """A box or folder value without the citation's closing period and quotation marks."""
    value = value.strip().rstrip(".").strip()
    if len(value) >= 2 and value[0] in _QUOTES and value[-1] in _QUOTES:
        value = value[1:-1].strip()
    return value


def _archival_unit(part: str) -> tuple[str, str] | None:
    """("delo", "3") for "d. 3", "Delo 3", "delo 3"; None for any other part."""
    match = _ARCHIVAL_UNIT.match(part)
    if not match:
        return None
    unit = _ARCHIVAL_UNITS.get(match["unit"].casefold())
    return (unit, match["value"]) if unit else None


def _holding(citation: str, parts: SplitCitation) -> str:
    """The part of the citation that names the holding (before its first credit sentence)."""
    holding = citation[:_credits(citation, parts)]
    ends = _sentence_ends(holding)
    if ends:
        holding = holding[:ends[0]]
    return holding.strip().rstrip(".")


def split_citation(citation: str) -> SplitCitation:
    """The repository, collection, series, box, folder, archival units and credits a citation names."""
    parts = SplitCitation()
    holding = _holding(citation, parts)
    if _IMPRINT.search(holding):
        return parts  # a published book: no archive holds it
    pieces = _commas(holding)
    collection_at: int | None = None
    last_unit: str | None = None
    for index, part in enumerate(pieces):
        unit = _UNIT.match(part)
        archival = _archival_unit(part)
        if last_unit == "listy" and _PAGES.match(part):
            parts.units["listy"] += ", " + part  # "ll. 1, 12-25"
            continue
        last_unit = None
        if unit:
            name = unit["unit"].casefold().rstrip(".")
            slot = {"bx": "box", "fldr": "folder"}.get(name, name)
            if getattr(parts, slot) is None:
                setattr(parts, slot, _unit_value(unit["value"]))
        elif archival is not None:
            name, value = archival
            parts.units.setdefault(name, value)
            last_unit = name
            if name == "fond" and parts.collection is None:
                parts.collection, collection_at = part, index
        elif _REPOSITORY.search(part):
            parts.repository = parts.repository or part
        elif _COLLECTION.search(part):
            if parts.collection is None:
                parts.collection, collection_at = part, index
        elif part.endswith(" Series"):
            parts.series = parts.series or part
        elif index == 0 and (acronym := _ACRONYM.match(part)):
            parts.repository = acronym["name"]
    _series_after_collection(pieces, collection_at, parts)
    return parts


def _series_after_collection(pieces: list[str], at: int | None, parts: SplitCitation) -> None:
    """A plain part right after the collection and before its box or folder is its series."""
    if at is None or parts.series is not None or at + 2 >= len(pieces):
        return
    candidate = pieces[at + 1]
    if any(c.isdigit() for c in candidate) or _REPOSITORY.search(candidate):
        return
    if _UNIT.match(candidate) or _archival_unit(candidate):
        return
    if any(_UNIT.match(p) for p in pieces[at + 2:]):
        parts.series = candidate
