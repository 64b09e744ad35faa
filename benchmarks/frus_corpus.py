"""Generate a synthetic FRUS-like TEI corpus: volumes of memoranda with realistic turns and notes.

Example: python benchmarks/frus_corpus.py /tmp/corpus --turns 1000000
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path
from xml.sax.saxutils import escape

WORDS = (  # noqa: SIM905 - a paragraph of words reads better than a list
    "the of and to in that is was he for it with as his on be at by had not are but from or "
    "have an they which one you were her all she there would their we him been has when who "
    "will more no if out so said what up its about into than them can only other new some "
    "could time these two may then do first any my now such like our over man me even most "
    "made after also did many before must through back years where much your way well down "
    "should because each just those people how too little state good very make world still "
    "own see men work long get here between both life being under never day same another know "
    "while last might us great old year off come since against go came right used take three "
    "treaty railway frontier delegation government negotiations agreement Soviet Chinese "
    "President Secretary Ambassador Minister question position proposal communique Dairen "
    "Mongolia Manchuria Taiwan Vietnam Berlin Germany Japan Moscow Peking Washington nuclear"
).split()
PEOPLE = [
    ("p_KHA1", "Kissinger", "Henry A. Kissinger", "Dr."),
    ("p_ZECE1", "Chou", "Chou En-lai", "PM"),
    ("p_NRM1", "Nixon", "Richard M. Nixon", "The President"),
    ("p_HC1", "Huang", "Huang Hua", ""),
    ("p_LW2", "Lord", "Winston Lord", "Mr."),
    ("p_GA1", "Gromyko", "Andrei A. Gromyko", "Foreign Minister"),
    ("p_DA1", "Dobrynin", "Anatoly F. Dobrynin", "Ambassador"),
    ("p_SJ1", "Schlesinger", "James R. Schlesinger", "Secretary"),
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def sentence(rng: random.Random) -> str:
    """A sentence of 6–25 words."""
    words = rng.choices(WORDS, k=rng.randint(6, 25))
    return " ".join(words).capitalize() + rng.choice([".", ".", ".", "?"])


def paragraph(rng: random.Random) -> str:
    """A paragraph of 1–5 sentences, escaped for XML."""
    return escape(" ".join(sentence(rng) for _ in range(rng.randint(1, 5))))


def label(rng: random.Random, person: tuple[str, str, str, str]) -> str:
    """A speaker label in one of the forms FRUS uses."""
    ref, short, _full, title = person
    form = rng.random()
    if form < 0.5:
        return f'<persName corresp="#{ref}">{short}</persName>:'
    if form < 0.75 and title:
        return f'{escape(title)} <persName corresp="#{ref}">{short}</persName>:'
    if form < 0.9:
        return f"{short}:"
    return f"{short.upper()}:"


def document(rng: random.Random, n: int, turns: int, year: int) -> str:
    """One <div type="document"> with a head, source note, dateline, participants and turns."""
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    date = f"{year}-{month:02d}-{day:02d}"
    speakers = rng.sample(PEOPLE, k=rng.randint(2, 4))
    parts = [
        f'<div type="document" xml:id="d{n}" n="{n}" frus:doc-dateTime-min="{date}T10:00:00-05:00" '
        f'frus:doc-dateTime-max="{date}T11:30:00-05:00">',
        f"<head>{n}. Memorandum of Conversation<note n=\"1\" xml:id=\"d{n}fn1\" type=\"source\">"
        f"Source: National Archives, Nixon Presidential Materials, NSC Files, Box {rng.randint(1, 999)}, "
        f"Country Files. Top Secret; Sensitive. Drafted by Winston Lord.</note></head>",
        f"<dateline><placeName>Washington</placeName>, <date when=\"{date}\">{MONTHS[month - 1]} {day}, "
        f"{year}</date>, <time from=\"10:00:00\" to=\"11:30:00\">10–11:30 a.m.</time></dateline>",
        "<p>PARTICIPANTS:</p>",
    ]
    parts += [f'<p><persName corresp="#{p[0]}">{p[2]}</persName></p>' for p in speakers]
    parts.append(f"<p>SUBJECT: {paragraph(rng)[:60]}</p>")
    for t in range(turns):
        person = speakers[t % len(speakers)] if rng.random() < 0.8 else rng.choice(speakers)
        note = ""
        if rng.random() < 0.03:
            note = f'<note n="{t + 2}" xml:id="d{n}fn{t + 2}">{paragraph(rng)}</note>'
        parts.append(f"<p>{label(rng, person)} {paragraph(rng)}{note}</p>")
        if rng.random() < 0.15:
            parts.append(f"<p>{paragraph(rng)}</p>")
        if rng.random() < 0.01:
            parts.append(f'<pb n="{t}" facs="{n:04d}"/>')
    parts.append("</div>")
    return "\n".join(parts)


def volume(rng: random.Random, vol: int, documents: int, turns_per_doc: int) -> str:
    """A whole volume with its header, persons list and documents."""
    year = 1969 + vol % 8
    docs = [document(rng, i, max(1, int(rng.gauss(turns_per_doc, turns_per_doc / 4))), year)
            for i in range(1, documents + 1)]
    persons = "".join(f'<item><persName xml:id="{p[0]}">{p[2]}</persName>, synthetic person</item>'
                      for p in PEOPLE)
    return (
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:frus="http://history.state.gov/ns/1.0">'
        f'<teiHeader><fileDesc><titleStmt><title type="complete">Synthetic Relations, Volume {vol}'
        f'</title></titleStmt><publicationStmt><idno type="frus">synth-v{vol}</idno></publicationStmt>'
        '<sourceDesc><p>Generated for benchmarks.</p></sourceDesc></fileDesc></teiHeader>'
        f'<text><front><div xml:id="persons"><list type="participants">{persons}</list></div></front>'
        '<body><div type="chapter" xml:id="ch1">' + "\n".join(docs) + "</div></body></text></TEI>"
    )


def generate(folder: Path, turns: int, docs_per_volume: int = 400, turns_per_doc: int = 100,
             seed: int = 1945) -> tuple[int, int]:
    """Write volumes into ``folder`` until about ``turns`` turns exist; return (files, documents)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    per_volume = docs_per_volume * turns_per_doc
    volumes = max(1, round(turns / per_volume))
    for vol in range(1, volumes + 1):
        (folder / f"synth-v{vol:03d}.xml").write_text(
            volume(rng, vol, docs_per_volume, turns_per_doc), "utf-8")
    return volumes, volumes * docs_per_volume


def main() -> None:
    """Command line: generate a corpus of about N turns into FOLDER."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--turns", type=int, default=1_000_000)
    parser.add_argument("--docs-per-volume", type=int, default=400)
    args = parser.parse_args()
    files, docs = generate(args.folder, args.turns, args.docs_per_volume)
    print(f"wrote {files} volumes, {docs} documents, about {args.turns} turns into {args.folder}")


if __name__ == "__main__":
    main()
