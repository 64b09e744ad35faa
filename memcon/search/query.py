"""The search query language: words, "phrases", prefix*, AND / OR / NOT and parentheses.

A query is parsed into a small tree, then compiled to each engine's own syntax, so that every
engine reads a query the same way and no user input ever reaches an engine unquoted.

>>> parse_query('Dairen "Port Arthur" OR Kowloon')
Or(items=(And(items=(Term(text='Dairen', prefix=False), Phrase(text='Port Arthur'))), Term(text='Kowloon', prefix=False)))
>>> to_fts5(parse_query("Dair* NOT Kowloon"))
'("dair" * NOT "kowloon")'

Words next to each other must all match (an implicit AND). Operators are written in capitals;
``and``, ``or`` and ``not`` in lower case are searched for as words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from memcon.errors import QueryError

OPERATORS = ("AND", "OR", "NOT")


@dataclass(frozen=True, slots=True)
class Term:
    """One word (it may hold punctuation, as in ``T.V.``); ``prefix`` when written ``word*``."""

    text: str
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class Phrase:
    """Words that must occur together and in this order: ``"Port Arthur"``."""

    text: str


@dataclass(frozen=True, slots=True)
class And:
    """Every item matches; a Not item excludes."""

    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    """At least one item matches."""

    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Not:
    """The item must not match; only allowed beside something that does."""

    item: Node


Node = Term | Phrase | And | Or | Not

# a token: a quoted phrase (maybe unterminated), a parenthesis, or a run of anything else
_TOKEN = re.compile(r'"(?P<phrase>[^"]*)(?P<close>"?)|(?P<paren>[()])|(?P<word>[^\s"()]+)')
_WORD_CHARS = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # "phrase", "paren", "word", "op"
    text: str


def _tokens(query: str) -> list[_Token]:
    out: list[_Token] = []
    for match in _TOKEN.finditer(query):
        if match.group("paren"):
            out.append(_Token("paren", match.group("paren")))
        elif match.group("word") is not None:
            word = match.group("word")
            if word in OPERATORS:
                out.append(_Token("op", word))
            elif _WORD_CHARS.search(word):
                out.append(_Token("word", word))
            elif word.strip("*"):
                continue  # punctuation only ("-", "…"): nothing an index holds
            else:
                raise QueryError("a lone '*' needs a word before it, as in Dair*")
        else:
            if not match.group("close"):
                raise QueryError('unbalanced quote: a phrase opened with " is never closed')
            phrase = match.group("phrase")
            if not _WORD_CHARS.search(phrase):
                raise QueryError('an empty phrase ("") matches nothing; put words between the quotes')
            out.append(_Token("phrase", phrase))
    return out


class _Parser:
    """Recursive descent over the tokens: or := and (OR and)*; and := unary+; unary := NOT unary | atom."""

    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens
        self.at = 0

    def peek(self) -> _Token | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.tokens[self.at]
        self.at += 1
        return token

    def parse_or(self) -> Node:
        items = [self.parse_and()]
        while (token := self.peek()) is not None and token == _Token("op", "OR"):
            self.take()
            if self.peek() is None or self.peek() == _Token("paren", ")"):
                raise QueryError("OR needs a word after it")
            items.append(self.parse_and())
        return items[0] if len(items) == 1 else Or(tuple(items))

    def parse_and(self) -> Node:
        items: list[Node] = []
        while (token := self.peek()) is not None:
            if token == _Token("op", "OR") or token == _Token("paren", ")"):
                break
            if token == _Token("op", "AND"):
                if not items:
                    raise QueryError("AND needs a word before it")
                self.take()
                nxt = self.peek()
                if nxt is None or (nxt.kind == "op" and nxt.text != "NOT") or nxt == _Token("paren", ")"):
                    raise QueryError("AND needs a word after it")
                continue
            items.append(self.parse_unary())
        if not items:
            token = self.peek()
            if token == _Token("op", "OR"):
                raise QueryError("OR needs a word before it")
            if token == _Token("paren", ")"):
                raise QueryError("unbalanced parentheses: a ')' closes nothing")
            raise QueryError("empty query: give at least one word to search for")
        return items[0] if len(items) == 1 else And(tuple(items))

    def parse_unary(self) -> Node:
        token = self.take()
        if token.kind == "op":  # only NOT reaches here
            nxt = self.peek()
            if nxt is None or (nxt.kind == "op" and nxt.text != "NOT") or nxt == _Token("paren", ")"):
                raise QueryError("NOT needs a word after it")
            return Not(self.parse_unary())
        if token.kind == "phrase":
            return Phrase(token.text)
        if token.kind == "word":
            prefix = token.text.endswith("*")
            text = token.text.rstrip("*")
            if "*" in text:
                raise QueryError(f"{token.text}: '*' may only end a word, as in Dair*")
            return Term(text, prefix)
        if token.text == "(":
            if self.peek() is None:
                raise QueryError("unbalanced parentheses: a '(' is never closed")
            if self.peek() == _Token("paren", ")"):
                raise QueryError("empty parentheses: put words between them")
            inner = self.parse_or()
            if self.peek() != _Token("paren", ")"):
                raise QueryError("unbalanced parentheses: a '(' is never closed")
            self.take()
            return inner
        raise QueryError("unbalanced parentheses: a ')' closes nothing")


def _check_negation(node: Node, *, allowed: bool) -> None:
    """A NOT must stand beside something positive: engines cannot list 'every turn but'."""
    if isinstance(node, Not):
        if not allowed:
            raise QueryError("NOT needs a word to match beside it, as in Dairen NOT Kowloon")
        _check_negation(node.item, allowed=False)
    elif isinstance(node, And):
        positives = [item for item in node.items if not isinstance(item, Not)]
        if not positives:
            raise QueryError("NOT needs a word to match beside it, as in Dairen NOT Kowloon")
        for item in node.items:
            _check_negation(item, allowed=True)
    elif isinstance(node, Or):
        for item in node.items:
            _check_negation(item, allowed=False)


def parse_query(query: str) -> Node:
    """Parse a user's query into a tree; a malformed query raises QueryError saying why."""
    parser = _Parser(_tokens(query))
    if not parser.tokens:
        raise QueryError("empty query: give at least one word to search for")
    tree = parser.parse_or()
    if parser.peek() is not None:
        token = parser.take()
        if token == _Token("paren", ")"):
            raise QueryError("unbalanced parentheses: a ')' closes nothing")
        raise QueryError(f"cannot understand {token.text!r} here")
    _check_negation(tree, allowed=False)
    return tree


def fts5_string(text: str) -> str:
    """``text`` as one FTS5 string: quoted, so that nothing in it is read as query syntax."""
    return '"' + text.replace('"', '""') + '"'


def to_fts5(node: Node) -> str:
    """The tree in SQLite FTS5 query syntax (every word quoted, so none is read as syntax)."""
    if isinstance(node, Term):
        return fts5_string(node.text.lower()) + (" *" if node.prefix else "")
    if isinstance(node, Phrase):
        return fts5_string(node.text.lower())
    if isinstance(node, Or):
        return "(" + " OR ".join(to_fts5(item) for item in node.items) + ")"
    if isinstance(node, And):
        positive = " AND ".join(to_fts5(i) for i in node.items if not isinstance(i, Not))
        out = positive
        for item in node.items:
            if isinstance(item, Not):
                out = f"{out} NOT {to_fts5(item.item)}"
        return f"({out})"
    raise QueryError("NOT needs a word to match beside it")  # excluded by parse_query


def words(text: str) -> list[str]:
    """The words of a text as the engines see them: runs of letters and digits, lower-cased."""
    return re.findall(r"\w+", text.lower())


def _tsquery_lexeme(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def to_tsquery(node: Node, config: str = "english") -> tuple[str, list[str]]:
    """The tree as a PostgreSQL tsquery expression (SQL with %s parameters) and its parameters."""
    if isinstance(node, Term) and node.prefix:
        parts = words(node.text)
        text = " <-> ".join(_tsquery_lexeme(w) for w in parts) + ":*"
        return f"to_tsquery('{config}', %s)", [text]
    if isinstance(node, Term | Phrase):
        return f"phraseto_tsquery('{config}', %s)", [node.text]
    if isinstance(node, Or):
        compiled = [to_tsquery(item, config) for item in node.items]
        return "(" + " || ".join(sql for sql, _ in compiled) + ")", [p for _, ps in compiled for p in ps]
    if isinstance(node, And):
        sqls: list[str] = []
        params: list[str] = []
        for item in node.items:
            inner = item.item if isinstance(item, Not) else item
            sql, ps = to_tsquery(inner, config)
            sqls.append(f"!!{sql}" if isinstance(item, Not) else sql)
            params.extend(ps)
        return "(" + " && ".join(sqls) + ")", params
    raise QueryError("NOT needs a word to match beside it")  # excluded by parse_query
