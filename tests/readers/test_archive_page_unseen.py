"""The archive-page reader on pages of the archive's other records, written the way it shows them.

Each page under tests/fixtures/archive_page/unseen is a record page of the Wilson Center
Digital Archive in one of its other shapes: Soviet, Chinese and American records of
conversations, Politburo minutes, a ciphered telegram, an ambassador's journal, a Q/A
interview, a page copied with its site navigation, a page cut off mid-text. The expected values
below are what an archivist reads off each page, written by hand, not taken from the reader.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from memcon.model.schema import validate_document
from memcon.readers.registry import read_path

UNSEEN = Path(__file__).resolve().parents[1] / "fixtures" / "archive_page" / "unseen"
RIGHTS = "The History and Public Policy Program welcomes reuse of Digital Archive materials"


def source(citation: str | None, repository: str | None = None, collection: str | None = None,
           series: str | None = None, box: str | None = None, folder: str | None = None,
           record_id: str | None = None) -> dict[str, Any]:
    """A Document JSON source object."""
    return {"citation": citation, "repository": repository, "collection": collection,
            "series": series, "box": box, "folder": folder, "record_id": record_id, "url": None}


PAGES: dict[str, dict[str, Any]] = {
    "khrushchev-mao-1959-10-02.txt": {
        "title": "Discussion between N.S. Khrushchev and Mao Zedong",
        "date": "1959-10-02", "date_text": "2 October 1959", "times": (None, None),
        "place": None, "classification": None,
        "original_heading": (
            "Record of Conversation of Comrade N.S. Khrushchev with Chairman of the CC CCP Mao "
            "Zedong, Deputy Chairmen of the CC CCP Liu Shaoqi, Zhou Enlai, Zhu De, Lin Biao, "
            "Members of the Politburo of the CC CCP Peng Zhen, Chen Yi, and Secretary of the CC "
            "CCP Wang Jiaxiang"),
        "doc_type": "Memorandum of Conversation", "uploaded": "2011-11-17",
        "source": source(
            "Archive of the President of the Russian Federation (APRF), fond 52, opis 1, delo 499, "
            "listy 1-33, copy in Volkogonov Collection, Manuscript Division, Library of Congress, "
            "Washington, DC. Translated by Vladislav M. Zubok.",
            repository="Archive of the President of the Russian Federation (APRF)",
            collection="fond 52", record_id="112088"),
        "source_units": {"fond": "52", "opis": "1", "delo": "499", "listy": "1-33"},
        "contributors": [], "translators": ["Vladislav M. Zubok"],
        "funders": ["Leon Levy Foundation"], "original_languages": ["Russian"],
        "speakers": {"N.S. Khrushchev": 8, "Mao Zedong": 5, "Zhou Enlai": 2, "Chen Yi": 1,
                     "Lin Biao": 1, "Liu Shaoqi": 1, "M.A. Suslov": 1},
        "first": ("N.S. Khrushchev", "I would like to say a few words about the results of my "
                  "trip to the USA.[1] Eisenhower and I agreed that the talks were useful. But we "
                  "do not have any illusions."),
        "last": ("N.S. Khrushchev", "Agreed. (The conversation ended at 21:00.)"),
        "stages": ["(Pause.)"], "gaps": ["[…]"],
        "summary": "Khrushchev and Mao discuss Khrushchev's visit to the United States",
        "complete": True,
    },
    "stalin-kim-1949-03-05.txt": {
        "title": ("Notes of the Conversation between Comrade I.V. Stalin and a Government "
                  "Delegation of the DPRK Headed by Prime Minister Kim Il Sung"),
        "date": "1949-03-05", "date_text": "5 March 1949, 8:00 p.m.", "times": ("20:00", None),
        "place": None, "classification": "Top Secret", "original_heading": None,
        "doc_type": "Minutes of Conversation", "uploaded": "2013-07-10",
        "source": source("AVP RF, f. 059a, op. 5a, d. 3, papka 11, ll. 10-20. Translated by Gary "
                         "Goldberg.", repository="AVP RF", collection="f. 059a",
                         record_id="119381"),
        "source_units": {"fond": "059a", "opis": "5a", "delo": "3", "papka": "11",
                         "listy": "10-20"},
        "contributors": [], "translators": ["Gary Goldberg"],
        "funders": ["Korea Foundation"], "original_languages": ["Russian"],
        "speakers": {"Stalin": 10, "Kim Il Sung": 6, "Molotov": 1, "Pak Heon-yeong": 1,
                     "Hong Myeong-hui": 1},
        "first": ("Stalin", "How did you travel? Were there any difficulties on the way?"),
        "last": ("Stalin", "Then we wish you success. Thank you."),
        "stages": ["(Stalin hands Kim Il Sung a note.)"], "gaps": [],
        "summary": "Kim Il Sung and Stalin discuss economic and military assistance",
        "complete": True,
    },
    "puzanov-journal-1957-05-20.txt": {
        "title": "Journal of Soviet Ambassador to the DPRK A.M. Puzanov for 20 May 1957",
        "date": "1957-05-20", "date_text": "20 May 1957", "times": (None, None),
        "place": None, "classification": "Secret. Copy No. 2",
        "original_heading": "From the Journal of A.M. PUZANOV",
        "doc_type": "Diary Entry", "uploaded": "2013-07-10",
        "source": source("AVP RF, fond 0102, opis 13, delo 5, papka 72, listy 118-120. "
                         "Translated for NKIDP by Gary Goldberg.", repository="AVP RF",
                         collection="fond 0102", record_id="115623"),
        "source_units": {"fond": "0102", "opis": "13", "delo": "5", "papka": "72",
                         "listy": "118-120"},
        "contributors": [], "translators": ["Gary Goldberg"],
        "funders": ["MacArthur Foundation"], "original_languages": ["Russian"],
        "speakers": {}, "first": None, "last": None, "stages": [], "gaps": [],
        "summary": "Soviet Ambassador Puzanov discusses with Kim Il Sung the letter",
        "complete": True,
    },
    "kissinger-gromyko-1975-07-11.txt": {
        "title": "Memorandum of Conversation between Henry Kissinger and Andrei Gromyko, Geneva",
        "date": "1975-07-11", "date_text": "July 11, 1975, 9:45 a.m. - 1:45 p.m.",
        "times": ("09:45", "13:45"), "place": "Soviet Mission, Geneva",
        "classification": "SECRET/NODIS/XGDS", "original_heading": "MEMORANDUM OF CONVERSATION",
        "doc_type": "Memorandum of Conversation", "uploaded": "2019-04-22",
        "source": source("Gerald R. Ford Presidential Library, National Security Adviser's "
                         "Memoranda of Conversation Collection, Box 13. Contributed by William "
                         "Burr.", repository="Gerald R. Ford Presidential Library",
                         collection="National Security Adviser's Memoranda of Conversation "
                                    "Collection", box="13", record_id="208411"),
        "source_units": None,
        "contributors": ["William Burr"], "translators": [],
        "funders": ["Carnegie Corporation of New York (CCNY)"], "original_languages": ["English"],
        "speakers": {"Kissinger": 6, "Gromyko": 4, "Korniyenko": 1, "Dobrynin": 1,
                     "Sonnenfeldt": 1},
        "first": ("Kissinger", "Mr. Minister, we have studied your proposals on the cruise "
                  "missiles carefully."),
        "last": ("Kissinger", "Good. We will see you at 4:00."),
        "stages": [],
        "gaps": ["[Omitted here is a discussion of the schedule of the meetings.]",
                 "[Omitted here is a discussion of the Middle East.]"],
        "summary": "Kissinger and Gromyko discuss SALT issues",
        "complete": True,
    },
    "carter-deng-1979-01-29.txt": {
        "title": ("Memorandum of Conversation between President Jimmy Carter and Vice Premier "
                  "Deng Xiaoping (First Meeting)"),
        "date": "1979-01-29", "date_text": "January 29, 1979, 3:35 - 4:59 p.m.",
        "times": ("15:35", "16:59"), "place": "Cabinet Room, The White House",
        "classification": None, "original_heading": "MEMORANDUM OF CONVERSATION",
        "doc_type": "Memorandum of Conversation", "uploaded": "2017-02-13",
        "source": source(
            "Jimmy Carter Presidential Library, Zbigniew Brzezinski Collection, Geographic File, "
            "box 9, folder \"China (People's Republic of) – President's Meeting with Vice "
            "Premier Deng: 1/78-2/79\". Contributed by Charles Kraus.",
            repository="Jimmy Carter Presidential Library",
            collection="Zbigniew Brzezinski Collection", series="Geographic File", box="9",
            folder="China (People's Republic of) – President's Meeting with Vice Premier Deng: "
                   "1/78-2/79", record_id="134510"),
        "source_units": None,
        "contributors": ["Charles Kraus"], "translators": [],
        "funders": ["Henry Luce Foundation"], "original_languages": ["English"],
        "speakers": {"THE PRESIDENT": 3, "VICE PREMIER DENG": 4, "DR. BRZEZINSKI": 1,
                     "SECRETARY VANCE": 1},
        "first": ("THE PRESIDENT", "Mr. Vice Premier, welcome. I would like you to begin with "
                  "your assessment of the international situation."),
        "last": ("THE PRESIDENT", "Let us meet again tomorrow morning to continue this "
                 "discussion."),
        "stages": ["(Deng Xiaoping points to the map of Southeast Asia.)"], "gaps": [],
        "summary": "Carter and Deng exchange views on the international situation",
        "complete": True,
    },
    "politburo-1979-03-17.txt": {
        "title": "Transcript of CPSU CC Politburo Discussions on Afghanistan",
        "date": "1979-03-17", "date_text": "17 March 1979", "times": (None, None),
        "place": None, "classification": "TOP SECRET",
        "original_heading": "SESSION OF THE CC CPSU POLITBURO",
        "doc_type": "Minutes", "uploaded": "2011-11-17",
        "source": source("TsKhSD, f. 89, per. 25, dok. 1, ll. 1, 12-25. Translated by Daniel "
                         "Rozas.", repository="TsKhSD", collection="f. 89", record_id="113260"),
        "source_units": {"fond": "89", "perechen": "25", "dokument": "1", "listy": "1, 12-25"},
        "contributors": [], "translators": ["Daniel Rozas"],
        "funders": ["Carnegie Corporation of New York (CCNY)"], "original_languages": ["Russian"],
        "speakers": {"KIRILENKO": 2, "GROMYKO": 2, "ANDROPOV": 2, "KOSYGIN": 1, "USTINOV": 1},
        "first": ("KIRILENKO", "Leonid Ilyich asked that this session of the Politburo be "
                  "convened to discuss the situation in Afghanistan. The situation has become "
                  "sharply aggravated. The center of the disturbance is the town of Herat."),
        "last": ("KIRILENKO", "The Politburo instructs Comrades Gromyko, Andropov, Ustinov and "
                 "Ponomarev to prepare proposals, taking into account the exchange of opinions "
                 "at today's session."),
        "stages": [], "gaps": ["[…]"],
        "summary": "The Politburo members discuss the deteriorating situation in Afghanistan",
        "complete": True,
    },
    "shtykov-telegram-1950-01-19.txt": {
        "title": ("Telegram from Shtykov to Vyshinsky on a Luncheon at the Ministry of Foreign "
                  "Affairs of the DPRK"),
        "date": "1950-01-19", "date_text": "January 19, 1950", "times": (None, None),
        "place": None, "classification": "Strictly secret",
        "original_heading": "CIPHERED TELEGRAM",
        "doc_type": "Telegram", "uploaded": "2011-11-17",
        "source": source("AVP RF, Fond 059a, Opis 5a, Delo 3, Papka 11, Listy 87-91. Translated "
                         "for CWIHP by Kathryn Weathersby.", repository="AVP RF",
                         collection="Fond 059a", record_id="112133"),
        "source_units": {"fond": "059a", "opis": "5a", "delo": "3", "papka": "11",
                         "listy": "87-91"},
        "contributors": [], "translators": ["Kathryn Weathersby"],
        "funders": ["Korea Foundation"], "original_languages": ["Russian"],
        "speakers": {}, "first": None, "last": None, "stages": [], "gaps": [],
        "summary": "Shtykov reports a conversation with Kim Il Sung at a luncheon",
        "complete": True,
    },
    "zhou-yudin-1957-01-19.txt": {
        "title": ("Record of Conversation between Premier Zhou Enlai and Soviet Ambassador Pavel "
                  "Yudin"),
        "date": "1957-01-19", "date_text": "19 January 1957, 4:00 p.m. to 6:30 p.m.",
        "times": ("16:00", "18:30"), "place": "Xihuating, Zhongnanhai", "classification": None,
        "original_heading": ("Record of Conversation between Premier Zhou and Soviet Ambassador "
                             "Yudin"),
        "doc_type": "Memorandum of Conversation", "uploaded": "2014-03-21",
        "source": source("PRC FMA 109-01040-01, 1-12. Obtained by Shen Zhihua and translated by "
                         "Stephen Mercado.", repository="PRC FMA", record_id="114156"),
        "source_units": None,
        "contributors": ["Shen Zhihua"], "translators": ["Stephen Mercado"],
        "funders": ["MacArthur Foundation"], "original_languages": ["Chinese"],
        "speakers": {"Yudin (Ambassador)": 4, "Zhou Enlai (Premier)": 4},
        "first": ("Yudin (Ambassador)", "I have received instructions from Moscow to inform the "
                  "Premier of the results of the talks with the Hungarian comrades."),
        "last": ("Yudin (Ambassador)", "I will report this to Moscow."),
        "stages": [], "gaps": ["[Two lines illegible]"],
        "summary": "Zhou Enlai and Pavel Yudin discuss the situation in Hungary and Poland",
        "complete": True,
    },
    "stalin-mao-1949-12-16.txt": {
        "title": "Conversation between Stalin and Mao, Moscow",
        "date": "1949-12-16", "date_text": "December 16, 1949", "times": (None, None),
        "place": None, "classification": None,
        "original_heading": (
            "RECORD OF CONVERSATION BETWEEN COMRADE I.V. STALIN AND CHAIRMAN OF THE CENTRAL "
            "PEOPLE'S GOVERNMENT OF THE PEOPLE'S REPUBLIC OF CHINA MAO ZEDONG ON 16 DECEMBER "
            "1949"),
        "doc_type": "Memorandum of Conversation", "uploaded": "2011-11-17",
        "source": source("Archive of the President of the Russian Federation (APRF), fond 45, "
                         "opis 1, delo 329, listy 9-17. Translated by Danny Rozas.",
                         repository="Archive of the President of the Russian Federation (APRF)",
                         collection="fond 45", record_id="111240"),
        "source_units": {"fond": "45", "opis": "1", "delo": "329", "listy": "9-17"},
        "contributors": [], "translators": ["Danny Rozas"],
        "funders": ["Henry Luce Foundation"], "original_languages": ["Russian"],
        "speakers": {"Comrade Mao Zedong": 6, "Comrade Stalin": 6},
        "first": ("Comrade Mao Zedong", "The most important question at the present time is the "
                  "question of establishing peace. China needs a period of 3-5 years of peace, "
                  "which would be used to bring the economy back to pre-war levels and to "
                  "stabilize the country in general."),
        "last": ("Comrade Mao Zedong", "At present I have no other questions."),
        "stages": ["(Stalin points to the map.)"], "gaps": [],
        "summary": "Stalin and Mao discuss the international situation",
        "complete": True,
    },
    "kim-interview-1972-01-10.txt": {
        "title": ("Interview of Kim Il Sung with the Managing Editor of the Japanese Newspaper "
                  "Yomiuri Shimbun"),
        "date": "1972-01-10", "date_text": "10 January 1972", "times": (None, None),
        "place": "Pyongyang", "classification": None,
        "original_heading": ("Answers of the Great Leader Comrade Kim Il Sung to Questions "
                             "Raised by the Managing Editor of Yomiuri Shimbun"),
        "doc_type": "Interview", "uploaded": "2012-03-05",
        "source": source("SAPMO-BArch, DY 30, IV 2/20/137. Translated for NKIDP by Bernd "
                         "Schaefer.", repository="SAPMO-BArch", record_id="113192"),
        "source_units": None,
        "contributors": [], "translators": ["Bernd Schaefer"],
        "funders": ["Korea Foundation"], "original_languages": ["German"],
        "speakers": {"Q": 4, "A": 3},
        "first": ("Q", "What is your opinion on the visit of President Nixon to China?"),
        "last": ("Q", "Thank you for your answers."),
        "stages": ["(The Great Leader smiled.)"], "gaps": [],
        "summary": "Kim Il Sung answers questions of a Japanese journalist",
        "complete": True,
    },
    "mao-yudin-1958-07-22.txt": {
        "title": "Conversation between Mao Zedong and Ambassador Yudin",
        "date": "1958-07-22", "date_text": "22 July 1958", "times": (None, None),
        "place": "Zhongnanhai", "classification": None,
        "original_heading": "Minutes of Chairman Mao Zedong's Conversation with Ambassador Yudin",
        "doc_type": "Memorandum of Conversation", "uploaded": "2011-11-17",
        "source": source("Mao Zedong waijiao wenxuan (Selected Diplomatic Papers of Mao Zedong) "
                         "(Beijing: Zhongyang wenxian chubanshe, 1994), 322-333. Translated by "
                         "Zhang Shu Guang and Chen Jian.", record_id="116982"),
        "source_units": None,
        "contributors": [], "translators": ["Zhang Shu Guang", "Chen Jian"],
        "funders": ["Henry Luce Foundation"], "original_languages": ["Chinese"],
        "speakers": {"Mao Zedong": 5, "Yudin": 3},
        "first": ("Mao Zedong", "We discussed the question of the joint fleet yesterday. You did "
                  "not sleep well last night, perhaps. I did not sleep at all."),
        "last": ("Mao Zedong", "\"Joint ownership\" is the question. You may report exactly what "
                 "I said. Do not sugarcoat it."),
        "stages": ["(Mao Zedong stands up.)"], "gaps": [],
        "summary": "Mao Zedong rejects the Soviet proposal for a joint submarine fleet",
        "complete": True,
    },
    "gromyko-kim-1961-04-14-cut.txt": {
        "title": ("Record of Conversation between Soviet Foreign Minister Andrei Gromyko and Kim "
                  "Il Sung"),
        "date": "1961-04-14", "date_text": "14 April 1961, from 11:00 p.m. to 1:15 a.m.",
        "times": ("23:00", "01:15"), "place": "Moscow", "classification": None,
        "original_heading": "RECORD OF CONVERSATION with Comrade Kim Il Sung",
        "doc_type": None, "uploaded": None, "source": source(None), "source_units": None,
        "contributors": [], "translators": [], "funders": ["Korea Foundation"],
        "original_languages": None,
        "speakers": {"[Andrei] Gromyko": 3, "Comrade Kim Il Sung": 3,
                     "Comrade Pak Seong-cheol": 1},
        "first": ("[Andrei] Gromyko", "I would like to greet you, Comrade Kim Il Sung, on behalf "
                  "of the Soviet leadership."),
        "last": ("Comrade Kim Il Sung", "We will study your proposals. On the question of the "
                 "visit of Comrade Khrushchev, we would be glad to receive him in Pyongyang at "
                 "any time. The people of the DPRK"),
        "stages": [], "gaps": [], "summary": None, "complete": False,
    },
}


@cache
def parsed(name: str) -> dict[str, Any]:
    """The Document JSON of an unseen page, validated against the schema."""
    records = list(read_path(UNSEEN / name))
    assert len(records) == 1
    assert records[0].origin is not None and records[0].origin.format == "archive-page"
    data = records[0].to_json()
    validate_document(data)
    return data


def turns(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The record's turns."""
    return [item for item in data["body"] if item["kind"] == "turn"]


def test_every_unseen_page_has_its_expectations() -> None:
    assert sorted(p.name for p in UNSEEN.glob("*.txt")) == sorted(PAGES)


@pytest.mark.parametrize("name", PAGES)
def test_title_date_times_place_and_heading(name: str) -> None:
    data, want = parsed(name), PAGES[name]
    assert data["title"] == want["title"]
    assert (data["date"], data["date_text"]) == (want["date"], want["date_text"])
    assert (data["time_start"], data["time_end"]) == want["times"]
    assert data.get("place") == want["place"]
    assert data.get("classification") == want["classification"]
    assert data["original_heading"] == want["original_heading"]


@pytest.mark.parametrize("name", PAGES)
def test_document_information_values(name: str) -> None:
    data, want = parsed(name), PAGES[name]
    assert data["doc_type"] == want["doc_type"]
    assert data["uploaded"] == want["uploaded"]
    assert data["funders"] == want["funders"]
    assert data.get("original_languages") == want["original_languages"]
    if want["complete"]:
        paragraphs = data["rights"].split("\n\n")
        assert len(paragraphs) == 2 and paragraphs[0].startswith(RIGHTS)
        assert paragraphs[1].startswith("To enquire about this document's rights status")
    else:
        assert data["rights"] is None


@pytest.mark.parametrize("name", PAGES)
def test_source_citation_is_split_and_credits_are_listed(name: str) -> None:
    data, want = parsed(name), PAGES[name]
    assert data["source"] == want["source"]
    assert data.get("source_units") == want["source_units"]
    assert (data["contributors"], data["translators"]) == (want["contributors"],
                                                           want["translators"])


@pytest.mark.parametrize("name", PAGES)
def test_turns_by_speaker_first_and_last(name: str) -> None:
    data, want = parsed(name), PAGES[name]
    found = turns(data)
    assert Counter(t["speaker"] for t in found) == want["speakers"]
    if want["first"] is None:
        assert found == []
    else:
        assert (found[0]["speaker"], found[0]["text"]) == want["first"]
        assert (found[-1]["speaker"], found[-1]["text"]) == want["last"]


@pytest.mark.parametrize("name", PAGES)
def test_stage_directions_and_gaps(name: str) -> None:
    data, want = parsed(name), PAGES[name]
    assert [i["text"] for i in data["body"] if i["kind"] == "stage"] == want["stages"]
    assert [i["text"] for i in data["body"] if i["kind"] == "gap"] == want["gaps"]


@pytest.mark.parametrize("name", PAGES)
def test_summary_and_completeness(name: str) -> None:
    data, want = parsed(name), PAGES[name]
    assert data["complete"] is want["complete"]
    if want["summary"] is None:
        assert data["summary"] is None
    else:
        assert data["summary"].startswith(want["summary"])
    assert data["languages"] == ["en"]


@pytest.mark.parametrize("name", PAGES)
def test_record_text_is_kept_character_for_character(name: str) -> None:
    """Every line of the record (funder line to summary) is in the body or the notes, in order."""
    data = parsed(name)
    raw = (UNSEEN / name).read_text("utf-8").replace("\r\n", "\n").split("\n")
    lines = [line.strip() for line in raw if line.strip()]
    start = next(i for i, line in enumerate(lines) if line.startswith("This document was made"))
    end = lines.index(data["summary"]) if data["summary"] else len(lines)
    rebuilt: list[str] = []
    for item in data["body"]:
        first, *rest = item["text"].split("\n\n")
        labelled = item["kind"] == "turn" and not item.get("continued")
        rebuilt += [f"{item['speaker']}: {first}" if labelled else first, *rest]
    notes = [note["text"] for note in data.get("notes", [])]
    record_lines = [line for line in lines[start + 1:end]
                    if not any(line.endswith(text) for text in notes) and line != "Notes"]
    assert rebuilt == record_lines
    assert len(notes) == sum(1 for line in lines[start + 1:end]
                             if any(line.endswith(text) for text in notes))


# -- what individual pages show ------------------------------------------------------------------


def test_footnotes_after_the_transcript_become_notes_anchored_to_their_turns() -> None:
    data = parsed("khrushchev-mao-1959-10-02.txt")
    notes = data["notes"]
    assert [(n["n"], n["text"][:40]) for n in notes] == [
        ("1", "Khrushchev visited the United States fro"),
        ("2", "The Dalai Lama left Lhasa on 17 March 19")]
    assert "[1]" in data["body"][notes[0]["anchor"]]["text"]
    assert "[2]" in data["body"][notes[1]["anchor"]]["text"]
    assert all("[1] Khrushchev" not in item["text"] for item in data["body"])


def test_numbered_notes_under_a_notes_heading() -> None:
    data = parsed("stalin-mao-1949-12-16.txt")
    assert [(n["n"], n["text"]) for n in data["notes"]] == [
        ("1", "The 1945 Sino-Soviet Treaty of Friendship and Alliance, concluded by the Chiang "
              "Kai-shek government."),
        ("2", "Taiwan was held by the Guomindang government after its retreat from the mainland "
              "in 1949.")]
    anchors = [data["body"][n["anchor"]] for n in data["notes"]]
    assert [(a["speaker"], "[1]" in a["text"], "[2]" in a["text"]) for a in anchors] == [
        ("Comrade Mao Zedong", True, False), ("Comrade Stalin", False, True)]


def test_signature_and_recorder_lines_are_not_part_of_the_last_turn() -> None:
    body = parsed("stalin-mao-1949-12-16.txt")["body"]
    assert [(i["kind"], i["text"]) for i in body[-2:]] == [
        ("paragraph", "[Signature]"), ("paragraph", "Recorded by Comrade N.T. Fedorenko")]
    body = parsed("stalin-kim-1949-03-05.txt")["body"]
    assert (body[-1]["kind"], body[-1]["text"]) == ("paragraph", "Recorded by Shtykov.")


def test_a_stage_direction_between_paragraphs_continues_the_same_speaker() -> None:
    found = turns(parsed("stalin-kim-1949-03-05.txt"))
    resumed = [t for t in found if t.get("continued")]
    assert [(t["speaker"], t["text"]) for t in resumed] == [
        ("Stalin", "Are there Korean national cadres in the army? You need to have military "
                   "schools.")]


def test_a_narrative_record_and_a_telegram_have_no_turns() -> None:
    for name, paragraphs in [("puzanov-journal-1957-05-20.txt", 10),
                             ("shtykov-telegram-1950-01-19.txt", 10)]:
        data = parsed(name)
        assert turns(data) == [] and data["participants"] == []
        assert sum(1 for i in data["body"] if i["kind"] == "paragraph") == paragraphs
    body = parsed("shtykov-telegram-1950-01-19.txt")["body"]
    assert [i["text"] for i in body if i["kind"] == "heading"] == [
        "CIPHERED TELEGRAM", "Strictly secret", "Copying prohibited", "From Pyongyang",
        "To Comrade Vyshinsky"]


def test_a_us_participants_list_with_roles_keeps_abbreviations() -> None:
    people = parsed("kissinger-gromyko-1975-07-11.txt")["participants"]
    assert [(p["label"], p["name"], p["role"]) for p in people] == [
        ("Gromyko", "Andrei A. Gromyko", "Minister of Foreign Affairs of the USSR"),
        ("Dobrynin", "Anatoliy F. Dobrynin", "Ambassador to the U.S."),
        ("Korniyenko", "Georgiy M. Korniyenko", "Member of the Collegium, Chief of USA "
                                                "Department"),
        (None, "Viktor M. Sukhodrev", "Interpreter"),
        ("Kissinger", "Dr. Henry A. Kissinger", "Secretary of State"),
        ("Sonnenfeldt", "Helmut Sonnenfeldt", "Counselor of the Department"),
        (None, "Peter W. Rodman", "NSC Staff"),
    ]
    assert parsed("kissinger-gromyko-1975-07-11.txt")["subject"] == "SALT; CSCE; Middle East"


def test_country_abbreviations_head_the_delegations_of_a_participants_list() -> None:
    people = parsed("carter-deng-1979-01-29.txt")["participants"]
    assert [(p["name"], p["role"], p["side"]) for p in people[:7]] == [
        ("The President", None, "U.S."),
        ("Secretary of State Cyrus Vance", None, "U.S."),
        ("Dr. Zbigniew Brzezinski", "Assistant to the President for National Security Affairs",
         "U.S."),
        ("Leonard Woodcock", "Ambassador to the PRC", "U.S."),
        ("Vice Premier Deng Xiaoping", None, "PRC"),
        ("Foreign Minister Huang Hua", None, "PRC"),
        ("Ji Chaozhu", "Interpreter", "PRC"),
    ]


def test_a_present_list_with_a_chair_and_honorifics() -> None:
    people = parsed("politburo-1979-03-17.txt")["participants"]
    assert (people[0]["name"], people[0]["role"]) == ("L. I. BREZHNEV", "chair")
    names = [p["name"] for p in people[1:14]]
    assert names[:3] == ["Yu. V. Andropov", "A. A. Gromyko", "A. P. Kirilenko"]
    assert names[-1] == "M. V. Zimyanin" and len(names) == 13
    labelled = {p["label"]: p["name"] for p in people if p["label"]}
    assert labelled == {"KIRILENKO": "A. P. Kirilenko", "GROMYKO": "A. A. Gromyko",
                        "ANDROPOV": "Yu. V. Andropov", "KOSYGIN": "A. N. Kosygin",
                        "USTINOV": "D. F. Ustinov"}
    body = parsed("politburo-1979-03-17.txt")["body"]
    assert [(i["kind"], i["text"]) for i in body[:5]] == [
        ("heading", "TOP SECRET"), ("heading", "Single copy"), ("heading", "(Working Notes)"),
        ("heading", "SESSION OF THE CC CPSU POLITBURO"), ("dateline", "17 March 1979")]


def test_interpreter_and_recorder_lines_are_participants_not_speakers() -> None:
    people = parsed("zhou-yudin-1957-01-19.txt")["participants"]
    assert [(p["label"], p["name"], p["role"]) for p in people] == [
        (None, "Li Yueran", "Interpreter"), (None, "Zhu Ruizhen", "Recorder"),
        ("Yudin (Ambassador)", None, None), ("Zhou Enlai (Premier)", None, None)]


def test_present_list_entries_match_the_speakers_who_carry_an_honorific() -> None:
    people = parsed("gromyko-kim-1961-04-14-cut.txt")["participants"]
    assert [(p["label"], p["name"], p["role"]) for p in people] == [
        ("Comrade Pak Seong-cheol", "Pak Seong-cheol", "Minister of Foreign Affairs of the DPRK"),
        (None, "A.M. Puzanov", "USSR Ambassador to the DPRK"),
        ("[Andrei] Gromyko", None, None), ("Comrade Kim Il Sung", None, None)]


def test_page_lists_keep_to_their_own_keys() -> None:
    data = parsed("khrushchev-mao-1959-10-02.txt")
    assert data["associated_people"] == [
        "Khrushchev, Nikita Sergeevich, 1894-1971", "Mao, Zedong, 1893-1976",
        "Zhou, Enlai, 1898-1976", "Dalai Lama XIV, 1935-"]
    assert data["associated_places"] == ["China", "Russia (Federation)", "India", "Taiwan"]
    assert data["subjects"] == ["Sino-Soviet split", "Taiwan Strait Crisis, 1958"]
    assert data["source"]["record_id"] == "112088" and data["funders"] == ["Leon Levy Foundation"]
    assert parsed("mao-yudin-1958-07-22.txt")["subjects"] == [
        "Sino-Soviet Relations", "Cold War History"]
    assert parsed("politburo-1979-03-17.txt")["associated_places"] == [
        "Afghanistan", "Soviet Union"]


def test_related_documents_and_site_footer_do_not_leak() -> None:
    data = parsed("kim-interview-1972-01-10.txt")
    assert data["related_documents"] == [
        "January 12, 1972", "Letter from the GDR Embassy in Pyongyang on Kim Il Sung's Interview",
        "The GDR Embassy reports on Kim Il Sung's interview with Yomiuri Shimbun."]
    assert "©" not in str(data)


def test_site_navigation_above_the_date_line_is_skipped() -> None:
    data = parsed("mao-yudin-1958-07-22.txt")
    assert data["body"][0] == {"kind": "heading", "line": 24, "text": data["original_heading"]}


def test_a_page_without_summary_keeps_its_last_paragraph_in_the_record(tmp_path: Path) -> None:
    page = (UNSEEN / "puzanov-journal-1957-05-20.txt").read_text("utf-8")
    summary = next(line for line in page.split("\n") if line.startswith("Soviet Ambassador Puzanov"))
    copy = tmp_path / "no-summary.txt"
    copy.write_text(page.replace(summary + "\n\n", ""), "utf-8")
    (record,) = read_path(copy)
    assert record.summary is None
    assert [item.text for item in record.body[-2:]] == ["USSR Ambassador to the DPRK", "A. Puzanov"]
    # with its summary, the same page gives it as the summary, not as the record's text
    (whole,) = read_path(UNSEEN / "puzanov-journal-1957-05-20.txt")
    assert whole.summary == summary and whole.body[-1].text == "A. Puzanov"
