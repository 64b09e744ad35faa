"""Dates and times as sources write them, to ISO 8601 as precise as the source."""

from __future__ import annotations

import pytest

from memcon.model.dates import (
    find_date,
    find_time_range,
    match_date,
    match_date_range,
    parse_date,
    parse_time_range,
)


@pytest.mark.parametrize(("written", "iso"), [
    ("March 3, 1950", "1950-03-03"),
    ("3 March 1950", "1950-03-03"),
    ("March 3rd, 1950", "1950-03-03"),
    ("10 August, 1945", "1945-08-10"),
    ("August 10, 1945", "1945-08-10"),
    ("10th of August 1945", "1945-08-10"),
    ("Aug. 10, 1945", "1945-08-10"),
    ("1945-08-10", "1945-08-10"),
    ("March 1950", "1950-03"),
    ("March, 1950", "1950-03"),
])
def test_written_date_forms_read_as_iso(written: str, iso: str) -> None:
    assert parse_date(written) == iso


def test_impossible_days_are_not_dates() -> None:
    assert parse_date("February 30, 1950") is None
    assert parse_date("February 29, 1952") == "1952-02-29"


def test_a_date_is_found_with_its_span() -> None:
    text = "Moscow, 10 August, 1945 9:00 – 11:30 p.m."
    found = find_date(text)
    assert found is not None
    assert text[found.start:found.end] == "10 August, 1945"


def test_a_bare_year_counts_only_when_asked() -> None:
    assert find_date("in 1945 the war ended") is None
    found = find_date("in 1945 the war ended", year_only=True)
    assert found is not None and found.iso == "1945"


@pytest.mark.parametrize(("text", "iso"), [
    ("August 10, 1945", "1945-08-10"),
    ("  March 3rd, 1950 ", "1950-03-03"),
    ("c. 1950", "1950"),
    ("1950", "1950"),
    ("March 1950.", "1950-03"),
])
def test_match_date_takes_a_text_that_is_only_a_date(text: str, iso: str) -> None:
    found = match_date(text)
    assert found is not None and found.iso == iso


@pytest.mark.parametrize("text", ["Record of a Meeting, 1950", "10 August, 1945 9:00 p.m.",
                                  "", "Stalin: 1945", "1950s"])
def test_match_date_refuses_text_around_a_date(text: str) -> None:
    assert match_date(text) is None


@pytest.mark.parametrize(("text", "times"), [
    ("10 August, 1945 9:00 – 11:30 p.m.", ("21:00", "23:30")),
    ("12:30 a.m. to 2:00 a.m.", ("00:30", "02:00")),
    ("4:10 - 5: 20 p.m.", ("16:10", "17:20")),
    ("11:00 - 1:00 p.m.", ("11:00", "13:00")),
    ("11 a.m. - 1 p.m.", ("11:00", "13:00")),
    ("from 21.00 to 23.30", ("21:00", "23:30")),
    ("16:00-17:30", ("16:00", "17:30")),
    ("at 10 a.m.", ("10:00", None)),
    ("at noon", ("12:00", None)),
])
def test_time_ranges_read_as_24_hour_times(text: str, times: tuple[str, str | None]) -> None:
    assert parse_time_range(text) == times


@pytest.mark.parametrize("text", ["10 August, 1945", "10-11 August 1945", "Paragraph 3", None,
                                  "1945-08-10", "article 4 says"])
def test_day_numbers_and_counts_are_not_times(text: str | None) -> None:
    assert parse_time_range(text) == (None, None)


def test_a_time_range_is_found_with_its_span() -> None:
    text = "10 August, 1945 9:00 – 11:30 p.m."
    found = find_time_range(text)
    assert found is not None
    assert text[found.span_start:found.span_end] == "9:00 – 11:30 p.m."


@pytest.mark.parametrize(("text", "span"), [
    ("August 10, 1945 - August 11, 1945", ("1945-08-10", "1945-08-11")),
    ("10-11 August 1945", ("1945-08-10", "1945-08-11")),
    ("March 3 - 5, 1950", ("1950-03-03", "1950-03-05")),
    ("1950 – 1953", ("1950", "1953")),
])
def test_a_span_of_dates_gives_start_and_end(text: str, span: tuple[str, str]) -> None:
    found = match_date_range(text)
    assert found is not None and (found[0].iso, found[1].iso) == span


@pytest.mark.parametrize("text", ["August 10, 1945", "March 3, 1950 - March 1, 1950",
                                  "talks from 1950 to 1953"])
def test_a_single_date_or_a_backward_span_is_no_range(text: str) -> None:
    assert match_date_range(text) is None
