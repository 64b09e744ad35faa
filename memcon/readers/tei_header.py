"""Record metadata from a TEI header, and the persons a TEI document's ``@who`` points to.

>>> from lxml import etree
>>> root = etree.fromstring("<TEI><teiHeader><fileDesc><titleStmt><title>Talks</title>"
...     "</titleStmt></fileDesc></teiHeader></TEI>")
>>> header_fields(root[0], [])["title"]
'Talks'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from lxml import etree

from memcon.model import Participant, Source
from memcon.model.dates import parse_date, parse_time_range
from memcon.model.record import is_language_code
from memcon.readers.tei_text import (
    Fragment,
    clean,
    join_fragments,
    render,
    render_blocks,
    render_many,
)
from memcon.readers.xml import local_name, xml_id

_ISO = re.compile(r"^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?"
                  r"(?:T([01]\d|2[0-3]):([0-5]\d))?")
_PLACE_PARTS = ("placeName", "settlement", "geogName", "place", "name")
_URL_TYPES = {"uri", "url", "urn", "handle", "doi"}


def children(el: etree._Element | None, *names: str) -> list[etree._Element]:
    """The direct child elements of ``el`` whose local name is one of ``names``."""
    if el is None:
        return []
    return [c for c in el if isinstance(c.tag, str) and local_name(c) in names]


def path(el: etree._Element | None, steps: str) -> list[etree._Element]:
    """Elements reached by a slash-separated path of local names (``fileDesc/titleStmt``)."""
    found = [el] if el is not None else []
    for step in steps.split("/"):
        found = [c for parent in found for c in children(parent, step)]
    return found


def first(el: etree._Element | None, steps: str) -> etree._Element | None:
    """The first element reached by ``path``, or None."""
    found = path(el, steps)
    return found[0] if found else None


def descendants(el: etree._Element | None, *names: str) -> Iterator[etree._Element]:
    """Every element below ``el`` (itself excluded) whose local name is one of ``names``."""
    if el is None:
        return
    for child in el.iterdescendants():
        if isinstance(child.tag, str) and local_name(child) in names:
            yield child


def text_of(el: etree._Element | None) -> str | None:
    """The rendered text of ``el`` (notes left out), or None when empty."""
    if el is None:
        return None
    return render(el).text or None


@dataclass(slots=True)
class Person:
    """A person (or group) of a ``listPerson``: the name and role the source gives."""

    id: str
    name: str | None
    role: str | None
    side: str | None


def person_name(el: etree._Element) -> str | None:
    """A ``persName`` as written; name parts set without spaces between them get one."""
    parts = [c for c in el if isinstance(c.tag, str)]
    loose = not (el.text or "").strip() and all(not (c.tail or "").strip() for c in parts)
    if len(parts) > 1 and loose:
        names = [text for c in parts if (text := text_of(c))]
        return " ".join(names) or None
    return text_of(el)


def _person(el: etree._Element) -> Person | None:
    ident = xml_id(el)
    if ident is None:
        return None
    names = list(descendants(el, "persName")) or children(el, "name")
    name = person_name(names[0]) if names else None
    if name is None and local_name(el) == "personGrp":
        name = text_of(el)
    roles = [text_of(r) for r in children(el, "roleName", "occupation")]
    role = clean(el.get("role")) or next((r for r in roles if r), None)
    sides = [text_of(a) for a in children(el, "affiliation")]
    side = clean(el.get("side")) or next((s for s in sides if s), None)
    return Person(ident, name, role, side)


class People:
    """The persons a document may point to with ``@who``, by ``xml:id``.

    Persons not defined under this object's roots are looked up in ``parent`` (an enclosing
    corpus), so a corpus's persons are read once, not copied into each of its documents.
    """

    def __init__(self, roots: list[etree._Element], parent: People | None = None) -> None:
        self.by_id: dict[str, Person] = {}
        self.parent = parent
        for root in roots:
            self._add(root)

    def _add(self, root: etree._Element) -> None:
        for el in descendants(root, "person", "personGrp"):
            person = _person(el)
            if person is not None:
                self.by_id.setdefault(person.id, person)

    def with_root(self, root: etree._Element) -> People:
        """These people and those defined under ``root`` (its own definitions win)."""
        return People([root], parent=self)

    @staticmethod
    def ids(who: str | None) -> list[str]:
        """The ids in a ``@who`` value (``#a #b``, ``file.xml#a``, ``prefix:a``)."""
        return [ref.rsplit("#", 1)[-1] for ref in (who or "").split() if ref.rsplit("#", 1)[-1]]

    def get(self, ident: str) -> Person | None:
        """The person with this id (a ``prefix:`` before it is tried both ways)."""
        person = self._find(ident)
        if person is None and ":" in ident:
            person = self._find(ident.split(":", 1)[1])
        return person

    def _find(self, ident: str) -> Person | None:
        """The person with exactly this id, defined here or in a parent."""
        people: People | None = self
        while people is not None:
            person = people.by_id.get(ident)
            if person is not None:
                return person
            people = people.parent
        return None

    def label(self, who: str | None) -> str | None:
        """A speaker label for ``@who``: the persons' names, else their ids as written."""
        names = []
        for ident in self.ids(who):
            person = self.get(ident)
            names.append(person.name if person and person.name else ident)
        return ", ".join(names) or None


def _iso(value: str | None) -> tuple[str | None, str | None]:
    """The date and time (``HH:MM``) of an ISO attribute value, as precise as it is."""
    match = _ISO.match(value.strip()) if value else None
    if not match:
        return None, None
    year, month, day, hour, minute = match.groups()
    date = year + (f"-{month}" if month else "") + (f"-{day}" if month and day else "")
    time = f"{hour}:{minute}" if hour and day else None
    return date, time


def date_fields(el: etree._Element) -> dict[str, Any]:
    """``date``, ``date_end``, times and ``date_text`` from a ``<date>``: attributes first."""
    written = text_of(el)
    start_date, start_time = _iso(el.get("when") or el.get("from") or el.get("notBefore"))
    end_date, end_time = _iso(el.get("to") or el.get("notAfter"))
    if start_date is None:
        start_date = parse_date(written)
    if start_time is None and end_time is None and written:
        start_time, end_time = parse_time_range(written)
    return {
        "date": start_date,
        "date_end": end_date if end_date and end_date != start_date else None,
        "time_start": start_time,
        "time_end": end_time,
        "date_text": written,
    }


def _dates(header: etree._Element) -> list[etree._Element]:
    """Candidate dates of the conversation, the most specific first.

    The ``publicationStmt`` date is the electronic edition's, not the conversation's: it is
    never taken for the record's date.
    """
    profile = first(header, "profileDesc")
    return [
        *descendants(first(profile, "settingDesc"), "date"),
        *path(profile, "creation/date"),
        *descendants(first(header, "fileDesc/sourceDesc"), "date"),
    ]


def _title(header: etree._Element) -> str | None:
    titles = path(header, "fileDesc/titleStmt/title")
    ranked = ([t for t in titles if t.get("type") == "main"]
              + [t for t in titles if not t.get("type")] + titles)
    return next((text for t in ranked if (text := text_of(t))), None)


def _place(header: etree._Element) -> str | None:
    for setting in path(header, "profileDesc/settingDesc/setting"):
        for el in setting.iter():
            if isinstance(el.tag, str) and local_name(el) in _PLACE_PARTS:
                text = text_of(el)
                if text:
                    return text
    return None


def _render_citation(block: etree._Element) -> Fragment:
    """A citation as written; one whose parts touch (``<bibl><title/><date/>…``, not even a
    space between them) with its parts joined by commas, not run together."""
    parts = [child for child in block if isinstance(child.tag, str)]
    structured = len(parts) > 1 and not (block.text or "").strip() and all(
        not child.tail for child in parts[:-1])
    if not structured:
        return render(block)
    return join_fragments([_render_citation(child) for child in parts], ", ")


def _source(header: etree._Element) -> Source:
    source_desc = first(header, "fileDesc/sourceDesc")
    blocks = children(source_desc, "bibl", "biblStruct", "biblFull", "p", "listBibl",
                      "recordingStmt", "scriptStmt")
    citation = join_fragments([_render_citation(block) for block in blocks]
                              or [render_many(children(source_desc, "msDesc"))]).text or None
    ms_id = next(descendants(source_desc, "msIdentifier"), None)
    url = None
    for idno in descendants(source_desc, "idno"):
        if (idno.get("type") or "").lower() in _URL_TYPES:
            url = text_of(idno)
            break
    if url is None:
        for ref in descendants(source_desc, "ref", "ptr"):
            if (ref.get("target") or "").startswith(("http://", "https://")):
                url = ref.get("target")
                break
    return Source(
        citation=citation,
        repository=text_of(first(ms_id, "repository")),
        collection=text_of(first(ms_id, "collection")),
        record_id=text_of(first(ms_id, "idno")),
        url=url,
    )


def _credits(header: etree._Element) -> tuple[list[str], list[str]]:
    """Contributors (editors, responsibilities) and translators named in the title statement."""
    contributors: list[str] = []
    translators: list[str] = []
    title_stmt = first(header, "fileDesc/titleStmt")
    for editor in children(title_stmt, "editor"):
        if (name := text_of(editor)) is not None:
            contributors.append(name)
    for resp_stmt in children(title_stmt, "respStmt"):
        resp = " ".join(t for r in children(resp_stmt, "resp") if (t := text_of(r)))
        target = translators if "transl" in resp.lower() else contributors
        for el in children(resp_stmt, "persName", "name", "orgName"):
            if (name := person_name(el)) is not None:
                target.append(name)
    return contributors, translators


def _languages(header: etree._Element) -> list[str]:
    idents = [lang.get("ident") or "" for lang in path(header, "profileDesc/langUsage/language")]
    return [i for i in idents if is_language_code(i)]


def listed_persons(header: etree._Element) -> list[etree._Element]:
    """The ``person``/``personGrp`` elements of the header's ``particDesc``."""
    return list(descendants(first(header, "profileDesc/particDesc"), "person", "personGrp"))


def header_fields(own: etree._Element | None, inherited: list[Lent]) -> dict[str, Any]:
    """Record fields from the document's own header, then what enclosing corpora lend it.

    Title, date, place and summary come from the document's own header only; source, rights,
    credits and languages fall back to an enclosing ``teiCorpus`` header (``lent`` once each).
    """
    if own is None:
        return _inherited({}, inherited)
    out: dict[str, Any] = {"title": _title(own), "place": _place(own)}
    dated = (fields for d in _dates(own) if (fields := date_fields(d))["date"] is not None)
    out.update(next(dated, {}))
    abstract = first(own, "profileDesc/abstract")
    out["summary"] = (render_blocks(abstract).text or None) if abstract is not None else None
    return _inherited(out, [lent(own), *inherited])


@dataclass(frozen=True, slots=True)
class Lent:
    """What one header lends to the documents under it; empty where it says nothing."""

    source: Source | None
    rights: str | None
    funders: tuple[str, ...]
    contributors: tuple[str, ...]
    translators: tuple[str, ...]
    languages: tuple[str, ...]


def lent(header: etree._Element) -> Lent:
    """The source, rights, funders, credits and languages one header states."""
    source = _source(header)
    availability = first(header, "fileDesc/publicationStmt/availability")
    rights = render_blocks(availability).text if availability is not None else None
    funders = [t for f in path(header, "fileDesc/titleStmt/funder") if (t := text_of(f))]
    contributors, translators = _credits(header)
    return Lent(source if any(source.to_json().values()) else None, rights or None,
                 tuple(funders), tuple(contributors), tuple(translators),
                 tuple(_languages(header)))


def _inherited(out: dict[str, Any], lenders: list[Lent]) -> dict[str, Any]:
    """Fill source, rights, credits and languages from the first header that has them."""
    for lent in lenders:
        # fresh copies: records must not share a Source or a list they may change
        if lent.source is not None and "source" not in out:
            out["source"] = replace(lent.source)
        if lent.rights and "rights" not in out:
            out["rights"] = lent.rights
        if lent.funders and "funders" not in out:
            out["funders"] = list(lent.funders)
        if lent.contributors and "contributors" not in out:
            out["contributors"] = list(lent.contributors)
        if lent.translators and "translators" not in out:
            out["translators"] = list(lent.translators)
        if lent.languages and "languages" not in out:
            out["languages"] = list(lent.languages)
    return out


def participants(own_header: etree._Element | None, people: People,
                 spoken: list[tuple[str, str | None]]) -> list[Participant]:
    """The header's listed persons, then persons defined elsewhere whom the text gives turns.

    ``spoken`` is every (id, label) pair from the text's turns, in order; the label a person
    speaks under becomes the participant's label.
    """
    labels: dict[str, str | None] = {}
    for ident, label in spoken:
        labels.setdefault(ident, label)
    out: list[Participant] = []
    seen: set[str] = set()
    listed = listed_persons(own_header) if own_header is not None else []
    ids = [i for el in listed if (i := xml_id(el))] + list(labels)
    for ident in ids:
        person = people.get(ident)
        if ident in seen or person is None:
            continue
        seen.add(ident)
        out.append(Participant(label=labels.get(ident), name=person.name, role=person.role,
                               side=person.side, ref=person.id))
    return out
