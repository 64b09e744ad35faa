"""Body items of a record (turns, stage directions, paragraphs, …) and its notes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

BodyKind = Literal["turn", "stage", "paragraph", "heading", "dateline", "gap"]
BODY_KINDS: tuple[str, ...] = ("turn", "stage", "paragraph", "heading", "dateline", "gap")


@dataclass(slots=True)
class BodyItem:
    """One item of a record's body, in source order.

    ``speaker`` is the label exactly as written and is set only on turns; a turn's ``text``
    keeps its paragraphs joined with a blank line. ``meta`` holds what a reader adds (for
    instance ``label_form`` or ``line``), never a renamed contract key.

    >>> BodyItem("turn", "The Japanese want to capitulate.", speaker="Stalin").to_json()["speaker"]
    'Stalin'
    """

    kind: BodyKind
    text: str
    speaker: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.kind not in BODY_KINDS:
            raise ValueError(f"unknown body item kind {self.kind!r}")
        if self.kind != "turn" and self.speaker is not None:
            raise ValueError(f"a {self.kind} item has no speaker")

    @property
    def paragraphs(self) -> list[str]:
        """The item's paragraphs, as the source gave them."""
        return self.text.split("\n\n")

    def to_json(self) -> dict[str, Any]:
        """The item as a Document JSON object."""
        out: dict[str, Any] = {"kind": self.kind}
        if self.kind == "turn":
            out["speaker"] = self.speaker
        out["text"] = self.text
        out.update(self.meta)
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> BodyItem:
        """Rebuild an item from its Document JSON object."""
        meta = {k: v for k, v in data.items() if k not in ("kind", "speaker", "text")}
        return cls(data["kind"], data["text"], speaker=data.get("speaker"), meta=meta)


@dataclass(slots=True)
class Note:
    """A footnote or editorial note; ``anchor`` is the index of the body item it belongs to."""

    n: str | None
    text: str
    anchor: int | None = None
    type: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The note as a Document JSON object."""
        out: dict[str, Any] = {"n": self.n, "text": self.text, "anchor": self.anchor}
        if self.type is not None:
            out["type"] = self.type
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Note:
        """Rebuild a note from its Document JSON object."""
        return cls(data.get("n"), data["text"], data.get("anchor"), data.get("type"))
