"""Reading a reader's query: syntax to a small tree, the tree to Whoosh queries.

Syntax: words, "quoted phrases", AND / OR / NOT, ``-word`` to exclude, parentheses,
and field prefixes (``headline:``, ``author:``, ``source:``, ``section:``, ``tag:``...).
Juxtaposed terms form an implicit group: OR with a coordination bonus for matching,
AND for the tier that is ranked first (see ``ParsedQuery``). Exclusions apply to
their whole group, so ``apple -banana`` means "apple, but not banana" (never
"apple OR not banana").

We parse ourselves rather than with Whoosh's lenient parser because it silently
changes meaning (``covid-19`` as an exclusion, ``a NOT b`` as "a or anything but b").
Anything we cannot read (unbalanced quotes or parentheses, stray operators, wildcards,
control characters, an empty field) falls back to the plain words, with a notice.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from whoosh import query as wq
from whoosh.fields import Schema

from .schema import DEFAULT_FIELD_BOOSTS

FIELD_ALIASES: dict[str, str] = {
    "headline": "headline",
    "title": "headline",
    "description": "description",
    "body": "body",
    "author": "authors",
    "authors": "authors",
    "by": "authors",
    "source": "source",
    "section": "section",
    "tag": "tags",
    "tags": "tags",
}
OPERATORS = frozenset({"AND", "OR", "NOT"})
MAX_QUERY_CHARS = 1000
MAX_TERMS = 32
# Bonus per extra matching term in an implicit OR group (Whoosh's OrGroup.factory).
COORDINATION_SCALE = 0.9

_TOKEN = re.compile(r'\s+|"[^"]*"?|\(|\)|[^\s()"]+')
_PLAIN_WORD = re.compile(r"[^\W_]+")


class QuerySyntaxError(ValueError):
    """The query cannot be read as written (internal: the caller falls back)."""


@dataclass(frozen=True, slots=True)
class Leaf:
    text: str
    field: str | None = None
    phrase: bool = False


@dataclass(frozen=True, slots=True)
class Not:
    child: Node


@dataclass(frozen=True, slots=True)
class Group:
    """``op`` is "and", "or", or "seq" (juxtaposed terms, the implicit group)."""

    op: str
    children: tuple[Node, ...]


Node = Leaf | Not | Group


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """A reader's query ready for Whoosh.

    ``matching`` selects the results (None: nothing searchable); ``all_terms`` is the
    stricter reading where implicit groups need every term; documents it matches rank
    first. It is None when it would select the same documents as ``matching``.
    """

    matching: wq.Query | None
    all_terms: wq.Query | None
    notice: str | None
    text: str


def parse_query(text: str, schema: Schema) -> ParsedQuery:
    """Parse a reader's query; never raises, falls back to plain words with a notice."""
    cleaned, notice = _clean(text)
    try:
        if notice:
            raise QuerySyntaxError(notice)
        tree = parse_tree(cleaned)
    except QuerySyntaxError as error:
        words = plain_words(cleaned)
        tree = Group("seq", tuple(Leaf(word) for word in words))
        notice = str(error) if notice else f"{error} We searched for the words instead."
        cleaned = " ".join(words)
    matching = to_whoosh(tree, schema, all_terms=False)
    strict = to_whoosh(tree, schema, all_terms=True)
    all_terms = strict if _has_implicit_group(tree) and strict != matching else None
    return ParsedQuery(matching, all_terms, notice, cleaned)


def plain_words(text: str) -> list[str]:
    """The words of a query, operators and punctuation dropped, at most MAX_TERMS."""
    words = [word for word in _PLAIN_WORD.findall(text) if word not in OPERATORS]
    return list(dict.fromkeys(words))[:MAX_TERMS]


def parse_tree(text: str) -> Node:
    """Parse query syntax into a tree; raises QuerySyntaxError with a reader-facing reason."""
    parser = _Parser(_tokens(text))
    tree = parser.sequence(top=True)
    if parser.leaves > MAX_TERMS:
        raise QuerySyntaxError(f"Your query has more than {MAX_TERMS} terms.")
    return tree


def to_whoosh(node: Node, schema: Schema, *, all_terms: bool) -> wq.Query | None:
    """The Whoosh query for a tree; None when nothing in it is searchable."""
    if isinstance(node, Leaf):
        return _leaf_query(node, schema)
    if isinstance(node, Not):
        node = Group("and", (node,))
    positives = [child for child in node.children if not isinstance(child, Not)]
    negatives = [child.child for child in node.children if isinstance(child, Not)]
    included = _drop_none(to_whoosh(child, schema, all_terms=all_terms) for child in positives)
    excluded = _drop_none(to_whoosh(child, schema, all_terms=all_terms) for child in negatives)
    base: wq.Query | None
    if not included:
        base = wq.Every() if excluded else None
    elif len(included) == 1:
        base = included[0]
    elif node.op == "and" or (node.op == "seq" and all_terms):
        base = wq.And(included)
    elif node.op == "seq":
        base = wq.Or(included, scale=COORDINATION_SCALE)
    else:
        base = wq.Or(included)
    if base is None or not excluded:
        return base
    return wq.AndNot(base, excluded[0] if len(excluded) == 1 else wq.Or(excluded))


def _leaf_query(leaf: Leaf, schema: Schema) -> wq.Query | None:
    if leaf.field is not None:
        return _field_query(schema, leaf.field, leaf.text, 1.0)
    if _field_query(schema, "body", leaf.text, 1.0) is None:
        return None  # only stop words: do not let them match names
    per_field = _drop_none(
        _field_query(schema, name, leaf.text, boost) for name, boost in DEFAULT_FIELD_BOOSTS.items()
    )
    return per_field[0] if len(per_field) == 1 else wq.Or(per_field)


def _field_query(schema: Schema, field: str, text: str, boost: float) -> wq.Query | None:
    """Analyse ``text`` as the field does: one term, or a phrase when it splits."""
    words = list(schema[field].process_text(text, mode="query"))
    if not words:
        return None
    if len(words) == 1:
        return wq.Term(field, words[0], boost=boost)
    return wq.Phrase(field, words, boost=boost)


def _drop_none(queries: Iterable[wq.Query | None]) -> list[wq.Query]:
    return [query for query in queries if query is not None]


def _has_implicit_group(node: Node) -> bool:
    if isinstance(node, Leaf):
        return False
    if isinstance(node, Not):
        return False  # exclusions select the same documents either way
    positives = [child for child in node.children if not isinstance(child, Not)]
    if node.op == "seq" and len(positives) > 1:
        return True
    return any(_has_implicit_group(child) for child in positives)


def _clean(text: str) -> tuple[str, str | None]:
    """Strip control characters and cap the length; say what was changed."""
    notice = None
    if any(unicodedata.category(ch) == "Cc" and not ch.isspace() for ch in text):
        text = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text)
        notice = "Your query contained control characters; we searched for its words."
    text = " ".join(text.split())
    if len(text) > MAX_QUERY_CHARS or len(text.split()) > MAX_TERMS:
        notice = f"Your query was too long; we searched for its first {MAX_TERMS} words."
    return text, notice


# -- the parser ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # word, phrase, field, lparen, rparen, op, minus
    text: str = ""


def _tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    for match in _TOKEN.finditer(text):
        raw = match.group()
        if raw.isspace():
            continue
        if raw.startswith('"'):
            if len(raw) < 2 or not raw.endswith('"'):
                raise QuerySyntaxError("Your query has an unmatched quote mark.")
            tokens.append(_Token("phrase", raw[1:-1]))
        elif raw in "()":
            tokens.append(_Token("lparen" if raw == "(" else "rparen"))
        else:
            tokens.extend(_word_tokens(raw, text, match.end()))
    return tokens


def _word_tokens(raw: str, text: str, end: int) -> list[_Token]:
    """Tokens for a run of non-space text: an operator, a prefix, a field, a word."""
    if raw in OPERATORS:
        return [_Token("op", raw)]
    if "*" in raw:
        raise QuerySyntaxError("Wildcards (*) are not supported.")
    attached = end < len(text) and text[end] in '"('
    prefix: list[_Token] = []
    while raw[:1] in ("-", "+"):
        if raw[0] == "-":
            prefix.append(_Token("minus"))
        raw = raw[1:]
    if not raw:
        if prefix and attached:
            return prefix
        raise QuerySyntaxError("Your query has a stray operator.")
    name, colon, rest = raw.partition(":")
    if colon and name.lower() in FIELD_ALIASES:
        field = _Token("field", FIELD_ALIASES[name.lower()])
        if rest:
            return [*prefix, field, *_plain(rest)]
        if attached:
            return [*prefix, field]
        raise QuerySyntaxError(f"Nothing follows the field name “{name}:”.")
    if colon:  # an unknown field name is just more words
        words = [part for part in raw.split(":") if part]
        return [*prefix, *[_Token("word", word) for word in words]] if words else prefix
    return [*prefix, _Token("word", raw)]


def _plain(text: str) -> list[_Token]:
    return [_Token("word", text)]


class _Parser:
    """Recursive descent: sequence > OR > AND > NOT/minus > primary."""

    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens
        self.position = 0
        self.leaves = 0

    def peek(self) -> _Token | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.tokens[self.position]
        self.position += 1
        return token

    def sequence(self, *, top: bool) -> Node:
        items: list[Node] = []
        while (token := self.peek()) is not None and token.kind != "rparen":
            items.append(self.or_expression())
        if top and self.peek() is not None:
            raise QuerySyntaxError("Your query has an unmatched parenthesis.")
        if not items:
            if top:
                return Group("seq", ())
            raise QuerySyntaxError("Your query has empty parentheses.")
        return items[0] if len(items) == 1 else Group("seq", tuple(items))

    def or_expression(self) -> Node:
        return self._binary("OR", "or", self.and_expression)

    def and_expression(self) -> Node:
        return self._binary("AND", "and", self.unary)

    def _binary(self, word: str, op: str, operand: Callable[[], Node]) -> Node:
        parts = [operand()]
        while (token := self.peek()) is not None and token.kind == "op" and token.text == word:
            self.take()
            parts.append(operand())
        return parts[0] if len(parts) == 1 else Group(op, tuple(parts))

    def unary(self) -> Node:
        token = self.peek()
        if token is not None and (
            token.kind == "minus" or (token.kind, token.text) == ("op", "NOT")
        ):
            self.take()
            return Not(self.unary())
        return self.primary(None)

    def primary(self, field: str | None) -> Node:
        token = self.peek()
        if token is None:
            raise QuerySyntaxError("Your query ends with an operator.")
        self.take()
        if token.kind == "field":
            return self.primary(token.text)
        if token.kind in ("word", "phrase"):
            self.leaves += 1
            return Leaf(token.text, field, phrase=token.kind == "phrase")
        if token.kind == "lparen":
            inner = self.sequence(top=False)
            if self.peek() is None:
                raise QuerySyntaxError("Your query has an unmatched parenthesis.")
            self.take()
            return _with_field(inner, field) if field else inner
        if token.kind == "rparen":
            raise QuerySyntaxError("Your query has an unmatched parenthesis.")
        raise QuerySyntaxError(f"Your query has a stray “{token.text}”.")


def _with_field(node: Node, field: str) -> Node:
    """Apply a field prefix to every leaf of a group that names none itself."""
    if isinstance(node, Leaf):
        return node if node.field else Leaf(node.text, field, node.phrase)
    if isinstance(node, Not):
        return Not(_with_field(node.child, field))
    return Group(node.op, tuple(_with_field(child, field) for child in node.children))
