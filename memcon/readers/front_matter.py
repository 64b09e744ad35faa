"""YAML front matter of a text transcript (``---`` … ``---``) as record fields.

Values are kept as written: the YAML is read with PyYAML's safe loader but without its
implicit typing, so ``date: 1945-08-10`` and ``time: 21:00`` stay the strings they are (the
plain safe loader would turn them into a date object and the number 1260).

>>> fields, body, line = split_front_matter("---\\ntitle: Talks\\ndate: 1945-08\\n---\\nA: Yes.\\n", "t.md")
>>> fields["title"], fields["date"], body, line
('Talks', '1945-08', 'A: Yes.\\n', 5)
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any

from memcon.errors import InputError
from memcon.model import Participant, Source
from memcon.model.dates import FoundDate, find_date, parse_time_range
from memcon.model.record import is_language_code

if TYPE_CHECKING:
    import yaml

_OPEN = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_ISO_DATE = re.compile(r"^(\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?)(?![\d-])")

_TEXT_KEYS = {
    "title": "title", "summary": "summary", "abstract": "summary", "place": "place",
    "location": "place", "doc_type": "doc_type", "type": "doc_type", "document_type": "doc_type",
    "original_heading": "original_heading", "heading": "original_heading",
    "classification": "classification", "drafted_by": "drafted_by", "doc_number": "doc_number",
    "rights": "rights", "license": "rights", "licence": "rights",
}
_LIST_KEYS = {
    "contributors": "contributors", "contributor": "contributors", "contributed_by":
    "contributors", "translators": "translators", "translator": "translators",
    "funders": "funders", "funder": "funders",
}
_SOURCE_KEYS = ("citation", "repository", "collection", "series", "box", "folder", "record_id",
                "url")


@cache
def _loader() -> type[yaml.SafeLoader]:
    """The safe loader with no implicit typing: every plain scalar is the string written."""
    import yaml  # here, not at the top: PyYAML costs 11 ms, and most texts have no front matter

    class Loader(yaml.SafeLoader):
        yaml_implicit_resolvers: dict[Any, Any] = {}  # noqa: RUF012 (PyYAML's own attribute)

    return Loader


def has_front_matter(text: str) -> bool:
    """True when the text opens with front matter, ``---`` … ``---`` (or ``...``)."""
    opening = _OPEN.match(text)
    return opening is not None and _CLOSE.search(text, opening.end()) is not None


def split_front_matter(text: str, path: str) -> tuple[dict[str, Any], str, int]:
    """The front matter's record fields, the text after it, and that text's first line number.

    A text without front matter gives ``({}, text, 1)``.
    """
    opening = _OPEN.match(text)
    if not opening:
        return {}, text, 1
    closing = _CLOSE.search(text, opening.end())
    if closing is None:
        raise InputError(path, "front matter opened with '---' is never closed", line=1)
    raw = text[opening.end():closing.start()]
    import yaml  # see _loader

    try:
        data = yaml.load(raw, Loader=_loader())  # a SafeLoader: builds no Python objects
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or "not valid YAML"
        if mark is not None:
            raise InputError(path, f"front matter is not valid YAML: {problem}",
                             line=mark.line + 2, column=mark.column + 1) from None
        raise InputError(path, f"front matter is not valid YAML: {problem}", line=1) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(path, "front matter must be a mapping of keys to values "
                               f"(found a {_kind(data)})", line=2)
    after = text[closing.end():]
    newline = after.find("\n")
    rest = after[newline + 1:] if newline >= 0 else ""
    body_line = text.count("\n", 0, closing.end()) + 2
    return front_matter_fields(data, path), rest, body_line


def _kind(value: object) -> str:
    """What a YAML value is, for messages: a list, a mapping or a single value."""
    if isinstance(value, list):
        return "list"
    return "mapping" if isinstance(value, dict) else "single value"


def _text(value: object, key: str, path: str) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    raise InputError(path, f"front matter '{key}' must be text, not a {_kind(value)}",
                     position="front matter")


def _texts(value: object, key: str, path: str) -> list[str]:
    if isinstance(value, list):
        return [t for item in value if (t := _text(item, key, path))]
    single = _text(value, key, path)
    return [single] if single else []


def _participant(value: object, path: str) -> Participant:
    if isinstance(value, dict):
        known = {k: _text(v, f"participants.{k}", path) for k, v in value.items()
                 if k in ("label", "name", "role", "side")}
        return Participant(**known)
    text = _text(value, "participants", path) or ""
    name, _, role = text.partition(", ")
    return Participant(name=name.strip() or None, role=role.strip() or None)


def _source(value: object, path: str) -> Source:
    if isinstance(value, dict):
        return Source(**{k: _text(v, f"source.{k}", path) for k, v in value.items()
                         if k in _SOURCE_KEYS})
    return Source(citation=_text(value, "source", path))


def front_matter_fields(data: dict[str, Any], path: str) -> dict[str, Any]:
    """Record fields from a front-matter mapping; keys it does not know go to ``front_matter``."""
    out: dict[str, Any] = {}
    unknown: dict[str, Any] = {}
    source = Source()
    for raw_key, value in data.items():
        key = str(raw_key).strip().lower().replace("-", "_").replace(" ", "_")
        if value is None or value == "":
            continue
        if key in _TEXT_KEYS:
            out[_TEXT_KEYS[key]] = _text(value, key, path)
        elif key in _LIST_KEYS:
            out.setdefault(_LIST_KEYS[key], []).extend(_texts(value, key, path))
        elif key == "date":
            out.update(_date(_text(value, key, path)))
        elif key == "date_end":
            found = _find(_text(value, key, path))
            out["date_end"] = found.iso if found else None
        elif key in ("time", "times", "time_start", "time_end"):
            start, end = parse_time_range(_text(value, key, path))
            if key == "time_end":
                out["time_end"] = start
            else:
                out["time_start"] = start
                if end is not None:
                    out["time_end"] = end
        elif key in ("languages", "language"):
            out["languages"] = _languages(_texts(value, key, path), path)
        elif key == "participants":
            items = value if isinstance(value, list) else [value]
            out["participants"] = [_participant(item, path) for item in items]
        elif key == "source":
            given = _source(value, path)
            source = Source(**{k: getattr(given, k) or getattr(source, k) for k in _SOURCE_KEYS})
        elif key in _SOURCE_KEYS:
            setattr(source, key, _text(value, key, path))
        elif key == "uploaded":
            found = _find(_text(value, key, path))
            out["uploaded"] = found.iso if found else None
        elif key == "complete":
            out["complete"] = str(value).strip().lower() not in ("false", "no", "0", "off")
        else:
            unknown[str(raw_key)] = value
    if any(source.to_json().values()):
        out["source"] = source
    if unknown:
        out["front_matter"] = unknown
    return out


def _find(value: str | None) -> FoundDate | None:
    """An ISO date as precise as written ("1945-08"), else the first date in the text."""
    iso = _ISO_DATE.match(value or "")
    if iso:
        return FoundDate(iso.group(1), 0, iso.end(1))
    return find_date(value or "", year_only=True)


def _date(value: str | None) -> dict[str, Any]:
    found = _find(value)
    start, end = parse_time_range(value[found.end:] if found and value else None)
    fields: dict[str, Any] = {"date": found.iso if found else None, "date_text": value}
    if start is not None:
        fields.update(time_start=start, time_end=end)
    return fields


def _languages(values: list[str], path: str) -> list[str]:
    for value in values:
        if not is_language_code(value):
            raise InputError(path, f"front matter language {value!r} is not an ISO 639 code "
                                   "such as 'en' or 'zh-Hant'", position="front matter")
    return values
