"""The query language: parsed into a tree, compiled to FTS5 and tsquery, malformed queries refused."""

from __future__ import annotations

import pytest

from memcon.errors import QueryError
from memcon.search.query import And, Not, Or, Phrase, Term, parse_query, to_fts5, to_tsquery, words


def test_adjacent_words_must_all_match() -> None:
    assert parse_query("Dairen railway") == And((Term("Dairen"), Term("railway")))


def test_quoted_words_are_a_phrase() -> None:
    assert parse_query('"Port Arthur"') == Phrase("Port Arthur")


def test_star_after_a_word_is_a_prefix() -> None:
    assert parse_query("Dair*") == Term("Dair", prefix=True)


def test_or_binds_looser_than_and() -> None:
    assert parse_query("Dairen railway OR Kowloon") == Or(
        (And((Term("Dairen"), Term("railway"))), Term("Kowloon")))


def test_not_excludes_beside_a_positive_word() -> None:
    assert parse_query("Dairen NOT Kowloon") == And((Term("Dairen"), Not(Term("Kowloon"))))
    assert parse_query("Dairen AND NOT Kowloon") == And((Term("Dairen"), Not(Term("Kowloon"))))


def test_parentheses_group() -> None:
    assert parse_query("(Dairen OR Kowloon) port") == And(
        (Or((Term("Dairen"), Term("Kowloon"))), Term("port")))


def test_lower_case_operators_are_words() -> None:
    assert parse_query("war and peace") == And((Term("war"), Term("and"), Term("peace")))


def test_punctuation_alone_is_ignored() -> None:
    assert parse_query("Dairen – zone") == And((Term("Dairen"), Term("zone")))


@pytest.mark.parametrize(("query", "message"), [
    ('"Port Arthur', "unbalanced quote"),
    ("AND", "AND needs a word before it"),
    ("Dairen AND", "AND needs a word after it"),
    ("OR Dairen", "OR needs a word before it"),
    ("Dairen OR", "OR needs a word after it"),
    ("Dairen NOT", "NOT needs a word after it"),
    ("NOT Dairen", "NOT needs a word to match beside it"),
    ("Dairen OR NOT Kowloon", "NOT needs a word to match beside it"),
    ("(Dairen", "a '(' is never closed"),
    ("Dairen)", "a ')' closes nothing"),
    ("()", "empty parentheses"),
    ('""', "empty phrase"),
    ("*", "lone '*'"),
    ("Da*ren", "'*' may only end a word"),
    ("", "empty query"),
    ("   ", "empty query"),
])
def test_malformed_query_is_refused_with_a_reason(query: str, message: str) -> None:
    with pytest.raises(QueryError, match=message.replace("(", r"\(").replace(")", r"\)")
                       .replace("*", r"\*")):
        parse_query(query)


def test_fts5_quotes_every_word_so_none_is_syntax() -> None:
    assert to_fts5(parse_query('NEAR "a""b" Dair*')) == '("near" AND "a" AND "b" AND "dair" *)'


def test_fts5_not_follows_the_positive_words() -> None:
    assert to_fts5(parse_query("NOT Kowloon Dairen")) == '("dairen" NOT "kowloon")'


def test_tsquery_passes_user_text_only_as_parameters() -> None:
    sql, params = to_tsquery(parse_query("Dairen' OR \"Port Arthur\" NOT x"))
    assert "Dairen" not in sql and "Port" not in sql
    assert params == ["Dairen'", "Port Arthur", "x"]


def test_tsquery_prefix_is_quoted_lexemes() -> None:
    assert to_tsquery(parse_query("T.V*")) == ("to_tsquery('english', %s)", ["'t' <-> 'v':*"])


def test_words_are_lower_cased_runs_of_letters_and_digits() -> None:
    assert words("[Joseph] Stalin") == ["joseph", "stalin"]
