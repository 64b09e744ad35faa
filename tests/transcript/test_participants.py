"""Participant lists: inline, one per line, by delegation, in two columns."""

from __future__ import annotations

from memcon.transcript.participants import read_present, split_names


def people(paragraphs: list[str]) -> tuple[list[tuple[str | None, str | None, str | None]], int]:
    found = read_present(paragraphs, 0)
    assert found is not None
    listed, end = found
    return [(p.name, p.role, p.side) for p in listed], end


def test_an_inline_list_with_roles() -> None:
    listed, end = people(["Present: Mao Zedong, Chairman of the Central People's Government; "
                          "N. V. Roshchin, Soviet Ambassador; Shi Zhe (interpreter)",
                          "The Ambassador asked the Chairman."])
    assert listed == [("Mao Zedong", "Chairman of the Central People's Government", None),
                      ("N. V. Roshchin", "Soviet Ambassador", None),
                      ("Shi Zhe", "interpreter", None)]
    assert end == 1


def test_an_inline_list_of_names_keeps_roles_with_their_names() -> None:
    assert split_names("Stalin, Molotov, Minister of Foreign Affairs, and Wang") == [
        ("Stalin", None), ("Molotov", "Minister of Foreign Affairs"), ("Wang", None)]
    assert split_names("Ambassador Harriman and Mr. Bohlen") == [
        ("Ambassador Harriman", None), ("Mr. Bohlen", None)]


def test_one_name_per_line_under_delegation_headings() -> None:
    listed, end = people(["Participants:", "Soviet side:", "J. V. Stalin",
                          "V. M. Molotov, Minister of Foreign Affairs", "Chinese side:",
                          "T. V. Soong", "Stalin: The Japanese want to capitulate."])
    assert listed == [("J. V. Stalin", None, "Soviet side"),
                      ("V. M. Molotov", "Minister of Foreign Affairs", "Soviet side"),
                      ("T. V. Soong", None, "Chinese side")]
    assert end == 6


def test_two_columns_one_per_delegation() -> None:
    listed, end = people(["Present:", "Soviet side:\tChinese side:", "J. V. Stalin\tT. V. Soong",
                          "V. M. Molotov    Wang Shijie, Minister of Foreign Affairs",
                          "Stalin: Yes."])
    assert listed == [("J. V. Stalin", None, "Soviet side"), ("T. V. Soong", None, "Chinese side"),
                      ("V. M. Molotov", None, "Soviet side"),
                      ("Wang Shijie", "Minister of Foreign Affairs", "Chinese side")]
    assert end == 4


def test_delegation_lines_with_names() -> None:
    listed, _ = people(["Present:", "Soviet side: Stalin, Molotov", "Chinese side: Soong, Wang",
                        "Stalin: Yes."])
    assert [(name, side) for name, _, side in listed] == [
        ("Stalin", "Soviet side"), ("Molotov", "Soviet side"), ("Soong", "Chinese side"),
        ("Wang", "Chinese side")]


def test_the_list_ends_at_the_first_turn_or_sentence() -> None:
    _, end = people(["Present: Stalin, Soong", "Stalin:", "The Japanese want to capitulate."])
    assert end == 1
    _, end = people(["Present:", "Stalin", "Stalin received Soong in the Kremlin."])
    assert end == 2


def test_only_a_present_heading_opens_a_list() -> None:
    assert read_present(["Stalin: Present company excepted."], 0) is None
    assert read_present(["Present at the meeting were Stalin and Soong."], 0) is None


def test_honorifics_and_abbreviations_in_entries() -> None:
    listed, _ = people(["Present: Comrades Yu. V. Andropov, A. A. Gromyko, M. V. Zimyanin.",
                        "KIRILENKO: Yes."])
    assert [name for name, _, _ in listed] == ["Yu. V. Andropov", "A. A. Gromyko", "M. V. Zimyanin"]
    listed, _ = people(["PARTICIPANTS:", "Anatoliy F. Dobrynin, Ambassador to the U.S.",
                        "Dr. Henry A. Kissinger, Secretary of State.", "Kissinger: Yes."])
    assert listed == [("Anatoliy F. Dobrynin", "Ambassador to the U.S.", None),
                      ("Dr. Henry A. Kissinger", "Secretary of State", None)]


def test_country_codes_head_delegations_and_a_field_line_ends_the_list() -> None:
    listed, end = people(["PARTICIPANTS:", "U.S.", "The President", "PRC",
                          "Vice Premier Deng Xiaoping", "Ji Chaozhu, Interpreter",
                          "DATE, TIME AND PLACE: Monday, January 29, 1979", "THE PRESIDENT: Hi."])
    assert listed == [("The President", None, "U.S."), ("Vice Premier Deng Xiaoping", None, "PRC"),
                      ("Ji Chaozhu", "Interpreter", "PRC")]
    assert end == 6


def test_delegations_named_inside_an_inline_list() -> None:
    listed, _ = people(["Present: from the Soviet side – Comrades V.M. Molotov, A.Ya. Vyshinsky; "
                        "from the Chinese side – Zhou Enlai", "Stalin: Yes."])
    assert listed == [("V.M. Molotov", None, "from the Soviet side"),
                      ("A.Ya. Vyshinsky", None, "from the Soviet side"),
                      ("Zhou Enlai", None, "from the Chinese side")]


def test_the_chair_of_a_meeting() -> None:
    listed, end = people(["Chaired by Comrade L. I. BREZHNEV", "Present: Comrades Andropov"])
    assert (listed, end) == ([("L. I. BREZHNEV", "chair", None)], 1)
    assert read_present(["Chaired by the need to agree, we met."], 0) is None
