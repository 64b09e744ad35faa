"""The head of a record: headings, classification, dateline, fields."""

from __future__ import annotations

import pytest

from memcon.transcript.header import (
    is_classification,
    is_marking,
    looks_like_heading,
    read_dateline,
    read_head,
)


def test_heading_and_dateline_with_a_time_range() -> None:
    head = read_head(["Record of Meeting Between T. Soong and Stalin",
                      "10 August, 1945 9:00 – 11:30 p.m.",
                      "Stalin: The Japanese want to capitulate."])
    assert head.kinds == ["heading", "dateline"]
    assert head.heading == "Record of Meeting Between T. Soong and Stalin"
    assert head.dateline is not None and head.dateline.date is not None
    assert head.dateline.date.iso == "1945-08-10"
    assert head.dateline.date_text == "10 August, 1945 9:00 – 11:30 p.m."
    assert head.times is not None and (head.times.start, head.times.end) == ("21:00", "23:30")


def test_a_dateline_gives_its_place() -> None:
    dateline = read_dateline("Beijing, 3 March 1950, 4:10 - 5: 20 p.m.")
    assert dateline is not None and dateline.place == "Beijing"
    assert dateline.date_text == "3 March 1950, 4:10 - 5: 20 p.m."
    assert dateline.times is not None and (dateline.times.start, dateline.times.end) == (
        "16:10", "17:20")


@pytest.mark.parametrize(("line", "place"), [
    ("February 1, 1973, 11:02 a.m. EST", None),
    ("Washington, March 3, 1950, 4 p.m. EDT", "Washington"),
    ("Moscow, 10 August 1945, 9 p.m. (Moscow time)", "Moscow"),
    ("March 3, 1950, 4 p.m. GMT, London", "London"),
    ("10 August 1945, 9 p.m., Kremlin", "Kremlin"),
])
def test_a_time_zone_after_the_time_is_not_the_place(line: str, place: str | None) -> None:
    dateline = read_dateline(line)
    assert dateline is not None and dateline.times is not None
    assert dateline.place == place


def test_sentences_and_turns_are_not_datelines() -> None:
    assert read_dateline("On 10 August 1945 Stalin received Soong.") is None
    assert read_dateline("Molotov: 2 p.m.") is None


def test_times_on_their_own_line_under_the_date() -> None:
    head = read_head(["10 August 1945", "12:30 a.m. to 2:00 a.m.", "Stalin: Yes."])
    assert head.kinds == ["dateline", "dateline"]
    assert head.times is not None and (head.times.start, head.times.end) == ("00:30", "02:00")


def test_header_fields_give_place_date_and_time() -> None:
    head = read_head(["Memorandum of Conversation", "Place: Moscow", "Date: 3 March 1950",
                      "Time: 4:10 - 5: 20 p.m.", "Subject: Fisheries", "Stalin: Yes."])
    assert head.kinds == ["heading", "paragraph", "dateline", "dateline", "paragraph"]
    assert head.place == "Moscow"
    assert head.dateline is not None and head.dateline.date_text == "3 March 1950"
    assert head.times is not None and head.times.start == "16:10"
    assert head.fields["subject"] == "Fisheries"


def test_a_classification_marking_is_kept_as_such() -> None:
    assert is_classification("TOP SECRET")
    assert is_classification("Secret. Copy No. 2")
    assert not is_classification("Secret talks began on Monday.")
    head = read_head(["TOP SECRET", "Record of Conversation", "Stalin: Yes."])
    assert head.classification == "TOP SECRET"
    assert head.heading == "Record of Conversation"


def test_a_narrative_opening_is_not_a_heading() -> None:
    assert not looks_like_heading("At the meeting Stalin said the Japanese want to capitulate.")
    assert not looks_like_heading("The meeting began at 9 p.m.")
    assert looks_like_heading("Ciphered Telegram")
    assert looks_like_heading("Record of Conversation with Comrade Kim Il Sung, 12 May 1950.")
    head = read_head(["The Ambassador asked the Chairman whether the draft was ready.",
                      "The Chairman said it was."])
    assert head.end == 0


def test_a_present_list_belongs_to_the_head() -> None:
    head = read_head(["10 August 1945", "Present: Stalin, Molotov, Soong", "Stalin: Yes."])
    assert head.kinds == ["dateline", "paragraph"]
    assert [p.name for p in head.participants] == ["Stalin", "Molotov", "Soong"]


def test_us_classification_caveats_and_soviet_markings() -> None:
    assert is_classification("SECRET/NODIS/XGDS")
    assert is_classification("Top Secret; Sensitive")
    assert is_classification("CONFIDENTIAL (GDS)")
    assert not is_classification("Secretary Vance")
    assert is_marking("Single copy") and is_marking("Copying prohibited")
    assert is_marking("(Working Notes)")
    assert not is_marking("(Stalin laughs)")
    assert not is_marking("One copy of the draft was handed over.")


def test_markings_belong_to_the_head_and_the_record_kind_is_its_heading() -> None:
    head = read_head(["TOP SECRET", "Single copy", "(Working Notes)",
                      "SESSION OF THE CC CPSU POLITBURO", "17 March 1979", "KIRILENKO: Yes."])
    assert head.kinds == ["heading"] * 4 + ["dateline"]
    assert (head.classification, head.heading) == ("TOP SECRET", "SESSION OF THE CC CPSU POLITBURO")
    head = read_head(["THE WHITE HOUSE", "WASHINGTON", "MEMORANDUM OF CONVERSATION", "Q: Why?"])
    assert head.heading == "MEMORANDUM OF CONVERSATION"


def test_a_heading_set_on_two_lines_is_one_heading() -> None:
    head = read_head(["RECORD OF CONVERSATION", "with Comrade Kim Il Sung", "Moscow, 14 April 1961",
                      "Gromyko: Yes."])
    assert head.heading == "RECORD OF CONVERSATION with Comrade Kim Il Sung"
    assert read_head(["From the Journal of", "A.M. PUZANOV", "Kim: Yes."]).heading == (
        "From the Journal of A.M. PUZANOV")


def test_a_long_heading_listing_the_participants_is_a_heading() -> None:
    long = ("Record of Conversation of Comrade N.S. Khrushchev with Chairman of the CC CCP Mao "
            "Zedong, Deputy Chairmen of the CC CCP Liu Shaoqi, Zhou Enlai, Zhu De, Lin Biao, "
            "Members of the Politburo of the CC CCP Peng Zhen, Chen Yi and Wang Jiaxiang")
    assert len(long) > 200 and looks_like_heading(long)
    assert not looks_like_heading("Record of Conversation " + "and more words " * 15 + "ended.")


def test_a_field_naming_date_time_and_place_and_a_weekday_that_is_no_place() -> None:
    head = read_head(["DATE, TIME AND PLACE: Monday, January 29, 1979, 3:35 - 4:59 p.m., "
                      "Cabinet Room, The White House", "THE PRESIDENT: Welcome."])
    assert head.kinds == ["dateline"]
    assert head.dateline is not None and head.dateline.place == "Cabinet Room, The White House"
    assert head.dateline.date_text == "January 29, 1979, 3:35 - 4:59 p.m."
    dateline = read_dateline("Friday, July 11, 1975")
    assert dateline is not None and dateline.place is None
    dateline = read_dateline("2 October 1959 (Beijing)")
    assert dateline is not None and dateline.place == "Beijing"


def test_interpreter_and_recorder_fields_name_participants() -> None:
    head = read_head(["Time: 19 January 1957, 4:00 p.m.", "Interpreter: Li Yueran",
                      "Recorder: Zhu Ruizhen", "Zhou Enlai (Premier): Please."])
    assert head.end == 3
    assert [(p.name, p.role) for p in head.participants] == [
        ("Li Yueran", "Interpreter"), ("Zhu Ruizhen", "Recorder")]
