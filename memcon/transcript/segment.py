"""Paragraphs to body items: speaker turns, continuations, stage directions, narration.

The API, for any reader whose source is a sequence of paragraphs (whitespace already
stripped at their ends):

- ``split_label(paragraph)`` (from ``labels``) reads a leading "Name:" label's form;
- ``speaker_labels(paragraphs, known=...)`` decides, with the whole record in view, which
  leading labels name speakers (one entry per paragraph: the Label, or None);
- ``segment(paragraphs, known=...)`` returns the body as ``Segment`` items in source order,
  each with the index of the paragraph it starts at.

The rule for "is this label a speaker": a label names a speaker when it is not a header field
or salutation ("Place:", "Subject:", "Dear Comrade:") and either recurs as a label in the
record, or matches a known participant (a "Present:" list), or is name-shaped (capitalised
words, initials, editorial brackets, titles: "[W. A.] Harriman", "THE PRESIDENT", "Comrade
Kim Il Sung") and the text after it opens like a sentence, not mid-clause. Phrases with
common nouns ("Customs officials: the draft says…") and numbered parts ("Paragraph 3: we
suggest…") are not speakers. A label written alone on its line ("STALIN:") takes the next
paragraph as its text; such a lone label counts only where it recurs or several labels are set
that way. A record with fewer than two speaker labels is narrative: all its paragraphs are kind
"paragraph" (a letter's "Comrade Stalin:" salutation is not a turn).

Unlabelled paragraphs after a turn continue it (joined with a blank line). A paragraph wholly
in parentheses is a stage direction ("(Stalin laughs)"); wholly in square brackets it is a gap
when it marks missing text ("[ILLEGIBLE]", "[1 line not declassified]", "[…]"), else editorial
narration ("[Greetings were exchanged.]"); the line naming who took the record ("Recorded by
Comrade N.T. Fedorenko") is narration too, never the end of the last speaker's turn. After a stage direction or a gap the speaker goes
on: the next unlabelled paragraph is a new turn of the same speaker, marked ``continued``.

>>> [(s.kind, s.speaker, s.text) for s in segment(
...     ["Stalin: Yes.", "Paragraph 3: we agree.", "(Stalin laughs)", "Soong: Good."])]
... # doctest: +NORMALIZE_WHITESPACE
[('turn', 'Stalin', 'Yes.\\n\\nParagraph 3: we agree.'), ('stage', None, '(Stalin laughs)'),
 ('turn', 'Soong', 'Good.')]
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from memcon.model.body import BodyKind
from memcon.transcript.labels import Label, label_shape, last_name_word, split_label

__all__ = [
    "Label", "Segment", "block_kind", "is_recorder_line", "is_stage_direction", "segment",
    "speaker_labels", "split_label",
]

# Below this many speaker labels a record is narration, not a dialogue.
MIN_SPEAKER_LABELS = 2

_GAP_WORDS = re.compile(
    r"illegible|unreadable|indecipherable|not declassified|redacted|excised|deleted|"
    r"omitted|missing|torn|damaged|blank|^\[\s*(?:\.\s*){3,}\]|^\[\s*…\s*\]",
    re.IGNORECASE,
)
_QUOTES = "\"'“”‘’«»„…."
# "Kim Il Sung said:", "The Ambassador asked:": narration introducing words, not a label
_REPORTING = re.compile(
    r"\b(?:said|says|asked|asks|replied|replies|answered|answers|noted|notes|stated|states|"
    r"remarked|declared|added|continued|responded|explained|observed|emphasi[sz]ed|stressed|"
    r"announced|objected|interjected|suggested|proposed|inquired|enquired|wrote|told|informed|"
    r"agreed|repeated|concluded|thought)$"
)
# "[…]", "[...]", "(. . .)": an omission marked by the editor
_ELLIPSIS = re.compile(r"^[\[(]\s*(?:…|\.(?:\s?\.){2,})\s*[\])]\.?$")
# "Recorded by Comrade N.T. Fedorenko": who took the record, closing it; not speech
_RECORDER = re.compile(r"^(?:recorded|written|compiled|noted|transcribed|taken\s+down|"
                       r"minutes\s+taken|drawn\s+up)\s+by\s+(?P<who>[^:;]{1,80}?)\.?$",
                       re.IGNORECASE)


@dataclass(slots=True)
class Segment:
    """One body item found in a sequence of paragraphs.

    ``first`` is the index of the paragraph it starts at; ``continued`` marks a turn that
    resumes the previous speaker after a stage direction or gap (no label was written there).
    """

    kind: BodyKind
    text: str
    speaker: str | None = None
    first: int = 0
    continued: bool = False


def _enclosed(paragraph: str, opening: str, closing: str) -> bool:
    """True when one pair of brackets encloses the whole paragraph (a closing stop may follow)."""
    text = paragraph.rstrip(".!,;")
    if len(text) < 3 or text[0] != opening or text[-1] != closing:
        return False
    depth = 0
    for position, char in enumerate(text):
        depth += (char == opening) - (char == closing)
        if depth == 0 and position < len(text) - 1:
            return False  # "(1) Trade agreement (draft)": the first pair closes early
    return depth == 0 and any(c.isalpha() for c in text)


def is_stage_direction(paragraph: str) -> bool:
    """True when the whole paragraph is a parenthesised direction: "(He reads the two lines)."."""
    return _enclosed(paragraph, "(", ")")


BlockKind = Literal["stage", "gap", "paragraph"]


# Readers ask about the same paragraph several times (splitting lines, classifying, segmenting);
# the answer depends on the text alone.
@lru_cache(maxsize=4096)
def block_kind(paragraph: str) -> BlockKind | None:
    """The kind of a paragraph that stands apart from speech, or None for ordinary text.

    >>> block_kind("(Stalin laughs)"), block_kind("[ILLEGIBLE]"), block_kind("[Greetings.]")
    ('stage', 'gap', 'paragraph')
    >>> block_kind("[…]"), block_kind("Recorded by Shtykov."), block_kind("Stalin: Yes.")
    ('gap', 'paragraph', None)
    """
    if _ELLIPSIS.match(paragraph):
        return "gap"
    if is_stage_direction(paragraph):
        return "stage"
    if _enclosed(paragraph, "[", "]"):
        return "gap" if _GAP_WORDS.search(paragraph) else "paragraph"
    if is_recorder_line(paragraph):
        return "paragraph"
    return None


def is_recorder_line(paragraph: str) -> bool:
    """True for the line naming who took the record: "Recorded by Comrade N.T. Fedorenko"."""
    if len(paragraph) > 120:
        return False
    match = _RECORDER.match(paragraph)
    return match is not None and label_shape(match["who"]) == "name"


def _opens_mid_clause(rest: str) -> bool:
    text = rest.lstrip(_QUOTES + " ")
    return bool(text) and text[0].islower()


def _known_surnames(known: Iterable[str]) -> set[str]:
    return {word for name in known if (word := last_name_word(name))}


def speaker_labels(paragraphs: Sequence[str], known: Iterable[str] = ()) -> list[Label | None]:
    """For each paragraph, its leading label when that label names a speaker, else None.

    ``known`` holds participant names from the record itself ("Present:" lists); a label whose
    surname matches one is a speaker even where it occurs once.
    """
    return _speaker_labels(paragraphs, [block_kind(p) for p in paragraphs], known)


def _speaker_labels(paragraphs: Sequence[str], kinds: Sequence[BlockKind | None],
                    known: Iterable[str]) -> list[Label | None]:
    """``speaker_labels`` with each paragraph's ``block_kind`` already known."""
    labels = [split_label(p) if kind is None else None
              for p, kind in zip(paragraphs, kinds, strict=True)]
    counts = Counter(label.key for label in labels if label is not None and not label.field)
    surnames = _known_surnames(known)
    # labels written on a line of their own are a layout when several do so; one alone is
    # more often an address ("Comrade Stalin:") than a speaker
    own_line = sum(1 for lb in labels if lb is not None and not lb.field and not lb.rest) >= 2
    accepted: list[Label | None] = []
    for label in labels:
        if label is None or label.field or (label.shape == "phrase"
                                            and _REPORTING.search(label.speaker)):
            accepted.append(None)
            continue
        recurring = counts[label.key] >= 2
        known_match = label.surname is not None and label.surname in surnames
        if label.shape == "name":
            lone_ok = not _opens_mid_clause(label.rest) if label.rest else own_line
            ok = recurring or known_match or lone_ok
        else:
            ok = recurring or known_match
        accepted.append(label if ok else None)
    if sum(1 for label in accepted if label is not None) < MIN_SPEAKER_LABELS:
        return [None] * len(paragraphs)
    return accepted


def segment(paragraphs: Sequence[str], known: Iterable[str] = ()) -> list[Segment]:
    """The paragraphs as body items in source order (see the module docstring for the rules)."""
    kinds = [block_kind(p) for p in paragraphs]
    labels = _speaker_labels(paragraphs, kinds, known)
    items: list[Segment] = []
    # each turn's paragraphs, joined once the record is read (joining as we go is quadratic)
    texts: dict[int, list[str]] = {}
    turn: Segment | None = None
    resume: str | None = None  # the speaker who goes on after a stage direction or gap
    for index, (paragraph, kind, label) in enumerate(zip(paragraphs, kinds, labels, strict=True)):
        if kind is not None:
            items.append(Segment(kind, paragraph, first=index))
            resume = (turn.speaker if turn else resume) if kind != "paragraph" else None
            turn = None
        elif label is not None:
            turn = Segment("turn", label.rest, label.speaker, index)
            texts[len(items)] = [label.rest] if label.rest else []
            items.append(turn)
            resume = label.speaker
        elif turn is not None:
            # a label written alone on its line takes the next paragraph as its first
            texts[len(items) - 1].append(paragraph)
        elif resume is not None:
            turn = Segment("turn", paragraph, resume, index, continued=True)
            texts[len(items)] = [paragraph]
            items.append(turn)
        else:
            items.append(Segment("paragraph", paragraph, first=index))
    for position, parts in texts.items():
        items[position].text = "\n\n".join(parts)
    return items
