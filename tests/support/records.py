"""The reference record (Wilson Center, Soong–Stalin, 10 August 1945) as the tests build it."""

from __future__ import annotations

from memcon.model import BodyItem, DocumentRecord, Origin, Participant, Source


def turn(speaker: str, *paragraphs: str) -> BodyItem:
    """A turn of ``speaker`` whose paragraphs are joined as a reader joins them."""
    return BodyItem("turn", "\n\n".join(paragraphs), speaker=speaker)


def soong_stalin(body: list[BodyItem]) -> DocumentRecord:
    """The reference record's metadata, as its reader emits it, with ``body`` for its text.

    Wilson Center Digital Archive, "Record of a Meeting Between T.V. Soong and Stalin",
    10 August 1945 (Victor Hoo Collection, box 6, folder 9, Hoover Institution Archives).
    """
    return DocumentRecord(
        title="Record of a Meeting Between T.V. Soong and Stalin",
        date="1945-08-10", date_text="August 10, 1945", time_start="21:00", time_end="23:30",
        doc_type="Memorandum of Conversation",
        summary="T.V. Soong, Stalin, and others discuss the status of the war with Japan, the "
                "borders of Inner and Outer Mongolia, and the right of Soviet use of Manchurian "
                "railroads.",
        original_heading="Record of Meeting Between T. Soong and Stalin",
        source=Source(citation="Victor Hoo Collection, box 6, folder 9, Hoover Institution "
                               "Archives. Contributed by David Wolff.",
                      repository="Hoover Institution Archives", collection="Victor Hoo Collection",
                      box="6", folder="9"),
        contributors=["David Wolff"], funders=["Chun & Jane Chiu Family Foundation"],
        rights="The History and Public Policy Program welcomes reuse of Digital Archive materials "
               "for research and educational purposes.",
        languages=["en"],
        participants=[Participant(label="Stalin"), Participant(label="Soong")],
        body=body,
        origin=Origin(path="samples/wilson/soong-stalin-1945-08-10.txt", format="archive-page",
                      sha256="0" * 64, reader_version="1"),
    )


def soong_stalin_dairen_exchange() -> DocumentRecord:
    """The Dairen exchange of the reference record: the turns on Dairen, text copied unchanged —
    9 turns mention Dairen, 4 of them Stalin's."""
    return soong_stalin([
        BodyItem("dateline", "10 August, 1945 9:00 – 11:30 p.m."),
        turn("Stalin", "The Japanese want to capitulate."),
        turn("Soong", "Thanks to you."),
        turn("Stalin", "We cannot accept excluding Dairen from military zone. Nothing in "
             "nature of military arrangements now necessary. But in 15 years we cannot sign "
             "treaty when time comes. We must sign treaty to foresee what may happen.",
             "Cannot exclude Dairen from military zone.",
             "Ready to establish zone inside Dairen and from 2 or 3 kilometers outside "
             "which will not be under military control in peace time. As regards railroad "
             "cannot be excluded from zone."),
        turn("Molotov", "We've got to reach agreement."),
        turn("Wang", "May I be allowed to make a plea to Stalin re Dairen. When I departed "
             "from Chungking to Moscow General Chiang wanted me to state this case to Stalin. "
             "Port of Dairen is similar in nature to port of Kowloon."),
        turn("Stalin", "British consider Hong Kong as theirs. Dairen in 30 years will be "
             "Chinese."),
        turn("Wang", "Kowloon also leased to Britain. Important to South China as Dairen for "
             "Manchuria."),
        turn("Stalin", "I do not want China to renounce Dairen. What am I called upon to do "
             "to satisfy you?"),
        BodyItem("stage", "(Stalin laughs)"),
        turn("Wang", "Let Dairen to be under Chinese administration, we will use soviet "
             "experts. If you accept this we can easier get back Kowloon."),
        turn("Stalin", "We cannot exclude Dairen from military zone. In case of war we would "
             "have to interfere. Let us state in treaty that Russians will have no troops in "
             "Dairen and that in case of war Russia will defend Dairen."),
        turn("Wang", "In time of war Dairen will be subject to military control?"),
        turn("Stalin", "Yes, as it is in military zone."),
        turn("Molotov", "South Manchurian Railway only to connect with Port Arthur and "
             "Dairen."),
    ])


def soong_stalin_opening() -> DocumentRecord:
    """The opening of the reference record, up to Molotov's first turn, with a two-paragraph turn."""
    return soong_stalin([
        BodyItem("dateline", "10 August, 1945 9:00 – 11:30 p.m."),
        turn("Stalin", "The Japanese want to capitulate."),
        turn("Soong", "Thanks to you."),
        turn("Stalin", "Now we must wait. Now it is conditional and we want unconditional.",
             "They want their emperor."),
        BodyItem("stage", "(Stalin laughs)"),
        turn("Molotov", "We've got to reach agreement."),
    ])
