"""The parts of an archive page's source citation."""

from __future__ import annotations

from memcon.model import Source
from memcon.readers.archive_citation import SplitCitation, split_citation


def test_a_russian_reference_gives_its_archive_fond_and_units() -> None:
    parts = split_citation("AVP RF, f. 0100, op. 46, d. 12, papka 362, ll. 88-97. Translated by "
                           "Gary Goldberg.")
    assert (parts.repository, parts.collection, parts.box, parts.folder) == (
        "AVP RF", "f. 0100", None, None)
    assert parts.units == {"fond": "0100", "opis": "46", "delo": "12", "papka": "362",
                           "listy": "88-97"}
    assert parts.translators == ["Gary Goldberg"]


def test_spelt_out_units_and_pages_listed_with_commas() -> None:
    parts = split_citation("Archive of the President of the Russian Federation (APRF), fond 45, "
                           "opis 1, delo 346, listy 0047-0048. Translated by Sergey Radchenko.")
    assert parts.repository == "Archive of the President of the Russian Federation (APRF)"
    assert parts.collection == "fond 45"
    assert parts.units == {"fond": "45", "opis": "1", "delo": "346", "listy": "0047-0048"}
    parts = split_citation("TsKhSD, f. 89, per. 25, dok. 1, ll. 1, 12-25.")
    assert parts.repository == "TsKhSD"
    assert parts.units == {"fond": "89", "perechen": "25", "dokument": "1", "listy": "1, 12-25"}


def test_an_archive_abbreviation_is_the_repository_only_at_the_start() -> None:
    assert split_citation("SAPMO-BArch, DY 30, IV 2/20/137.").repository == "SAPMO-BArch"
    assert split_citation("Moscow, DY 30.").repository is None
    assert split_citation("Box 3, SAPMO.").repository is None


def test_a_published_book_names_no_archive() -> None:
    parts = split_citation("Mao Zedong waijiao wenxuan (Selected Diplomatic Papers of Mao Zedong) "
                           "(Beijing: Zhongyang wenxian chubanshe, 1994), 322-333. Translated by "
                           "Zhang Shu Guang and Chen Jian.")
    assert (parts.repository, parts.collection, parts.units) == (None, None, {})
    assert parts.translators == ["Zhang Shu Guang", "Chen Jian"]


def test_a_series_between_collection_and_box_and_a_quoted_folder_title() -> None:
    parts = split_citation("Jimmy Carter Presidential Library, Zbigniew Brzezinski Collection, "
                           "Geographic File, box 9, folder \"China, 1/78-2/79\". Contributed by "
                           "Charles Kraus.")
    assert (parts.repository, parts.collection, parts.series, parts.box, parts.folder) == (
        "Jimmy Carter Presidential Library", "Zbigniew Brzezinski Collection", "Geographic File",
        "9", "China, 1/78-2/79")
    assert parts.contributors == ["Charles Kraus"]


def test_a_second_holding_of_a_copy_does_not_become_a_series() -> None:
    parts = split_citation("Archive of the President of the Russian Federation (APRF), fond 52, "
                           "opis 1, delo 499, listy 1-33, copy in Volkogonov Collection, "
                           "Manuscript Division, Library of Congress, Washington, DC.")
    assert (parts.collection, parts.series) == ("fond 52", None)


def test_a_citation_splits_into_holding_and_credits() -> None:
    parts = split_citation("National Archives and Records Administration, RG 59, Records of the "
                           "Department of State, box 12, folder 3. Obtained and translated for "
                           "CWIHP by V. M. Zubok and Mark Kramer.")
    assert parts.repository == "National Archives and Records Administration"
    assert parts.collection == "Records of the Department of State"
    assert (parts.box, parts.folder) == ("12", "3")
    assert parts.contributors == parts.translators == ["V. M. Zubok", "Mark Kramer"]


def test_separate_credits_go_to_their_lists() -> None:
    parts = split_citation("Archive of the President of the Russian Federation (APRF), fond 45, "
                           "opis 1, delo 329. Obtained by Shen Zhihua and translated by Neil Silver.")
    assert parts.repository == "Archive of the President of the Russian Federation (APRF)"
    assert (parts.contributors, parts.translators) == (["Shen Zhihua"], ["Neil Silver"])
    assert parts.box is None and parts.folder is None


def test_an_archive_named_by_its_abbreviation_before_a_file_number() -> None:
    parts = split_citation("PRC FMA 109-00071-03, 1-12.")
    assert (parts.repository, parts.collection, parts.contributors) == ("PRC FMA", None, [])


def test_an_unknown_holding_stays_null() -> None:
    parts = split_citation("109-00071-03, 1-12.")
    assert (parts.repository, parts.collection, parts.contributors) == (None, None, [])
    parts = split_citation("Moscow, 1-12.")
    assert (parts.repository, parts.collection) == (None, None)


def test_the_split_fills_a_source_with_the_citation_as_written() -> None:
    citation = "Victor Hoo Collection, box 6, folder 9, Hoover Institution Archives."
    assert split_citation(citation).to_source(citation, "119381") == Source(
        citation=citation, repository="Hoover Institution Archives",
        collection="Victor Hoo Collection", box="6", folder="9", record_id="119381")
    assert SplitCitation().to_source(None) == Source()
