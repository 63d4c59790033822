"""Reading a reader's query: syntax to a small tree, the tree to Whoosh queries.

Syntax: words, "quoted phrases", AND / OR / NOT, ``-word`` to exclude, parentheses,
field prefixes (``headline:``/``intitle:``, ``author:``, ``source:``, ``section:``,
``tag:``, ``language:``...), trailing-``*`` prefixes (``strik*``, expanded to at most
MAX_EXPANSIONS words) and date operators (``before:``, ``after:``, ``when:``, see
``extract_date_operators``), which become a filter rather than words.
Juxtaposed terms form an implicit group: an OR, which for short queries marks down
documents missing some of the words (``scoring.CoordinatedOr``); field operators in it
(``author:smith budget``) are required, like filters. Exclusions apply to
their whole group, so ``apple -banana`` means "apple, but not banana" (never
"apple OR not banana").

We parse ourselves rather than with Whoosh's lenient parser because it silently
changes meaning (``covid-19`` as an exclusion, ``a NOT b`` as "a or anything but b").
Anything we cannot read (unbalanced quotes or parentheses, stray operators, wildcards
other than a trailing ``*``, control characters, an empty field) falls back to the plain
words, with a notice.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import islice

from whoosh import query as wq
from whoosh.fields import Schema
from whoosh.reading import IndexReader

from .analysis import facet_key, query_forms
from .schema import DEFAULT_FIELD_BOOSTS
from .scoring import CoordinatedOr, coordination_exponent
from .search_types import NameVariants

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
    "intitle": "headline",
    "language": "language",
    "lang": "language",
}
OPERATORS = frozenset({"AND", "OR", "NOT"})
MAX_QUERY_CHARS = 1000
MAX_TERMS = 32
# Words one ``prefix*`` may stand for (per field), and the shortest prefix allowed.
MAX_EXPANSIONS = 50
MIN_PREFIX = 2
# Similar spellings tried per word when a query finds nothing (see ``fuzzy_query``).
MAX_FUZZY_EXPANSIONS = 8
FUZZY_FIELDS = frozenset({"headline", "description", "body", "captions"})

_TOKEN = re.compile(r'\s+|"[^"]*"?|\(|\)|[^\s()"]+')
_PLAIN_WORD = re.compile(r"[^\W_]+")


class QuerySyntaxError(ValueError):
    """The query cannot be read as written (internal: the caller falls back)."""


@dataclass(frozen=True, slots=True)
class Leaf:
    text: str
    field: str | None = None
    phrase: bool = False
    prefix: bool = False  # ``text*``: any word starting with text


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

    ``matching`` selects and ranks the results (None: nothing searchable); for a short
    query its implicit groups mark down documents missing some of the words
    (``scoring.coordination_exponent``); results are ranked by score alone (see
    docs/index.md, "Ranking").
    """

    matching: wq.Query | None
    notice: str | None
    text: str
    variants: tuple[NameVariants, ...] = ()


VariantLookup = Callable[[str], tuple[str, ...]]


def parse_query(
    text: str,
    schema: Schema,
    *,
    reader: IndexReader | None = None,
    variants: VariantLookup | None = None,
) -> ParsedQuery:
    """Parse a reader's query; never raises, falls back to plain words with a notice.

    ``reader`` bounds ``prefix*`` expansion by the index's own words (without one,
    prefixes expand at search time, unbounded); ``variants`` gives other spellings of
    a name, searched along with it (see ``expand_variants``).
    """
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
    found: tuple[NameVariants, ...] = ()
    if variants is not None:
        tree, found = expand_variants(tree, variants)
    notes: list[str] = []
    coordination = coordination_exponent(_leaf_count(tree))
    matching = to_whoosh(tree, schema, reader=reader, notes=notes, coordination=coordination)
    notice = " ".join(part for part in (notice, *dict.fromkeys(notes)) if part) or None
    return ParsedQuery(matching, notice, cleaned, found)


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


def to_whoosh(
    node: Node,
    schema: Schema,
    *,
    reader: IndexReader | None = None,
    notes: list[str] | None = None,
    coordination: float = 0.0,
) -> wq.Query | None:
    """The Whoosh query for a tree; None when nothing in it is searchable.

    Implicit groups are an OR (a ``scoring.CoordinatedOr``), which with a
    ``coordination`` exponent above 0 marks down documents holding only some of the
    group's words.
    Reasons to tell the reader (a prefix that stood for too many words) go to ``notes``.
    """
    if isinstance(node, Leaf):
        if node.prefix:
            return _prefix_query(node, schema, reader, notes)
        return _leaf_query(node, schema)
    if isinstance(node, Not):
        node = Group("and", (node,))
    positives = [child for child in node.children if not isinstance(child, Not)]
    negatives = [child.child for child in node.children if isinstance(child, Not)]

    def convert(child: Node) -> wq.Query | None:
        return to_whoosh(
            child,
            schema,
            reader=reader,
            notes=notes,
            coordination=coordination,
        )

    required: list[wq.Query] = []
    if node.op == "seq":
        # Field operators among juxtaposed words narrow the search, as readers expect
        # from news search: ``author:"Jane Smith" budget`` is her articles on the budget.
        required = _drop_none(convert(child) for child in positives if _fielded(child))
        positives = [child for child in positives if not _fielded(child)]
    included = _drop_none(convert(child) for child in positives)
    excluded = _drop_none(convert(child) for child in negatives)
    base: wq.Query | None
    if not included:
        base = wq.Every() if excluded and not required else None
    elif len(included) == 1:
        base = included[0]
    elif node.op == "and":
        base = wq.And(included)
    elif node.op == "seq":
        # Exponent 0 scores as a plain OR, matched by the same fast union (see scoring).
        base = CoordinatedOr(included, exponent=coordination)
    else:
        base = wq.Or(included)
    if required:
        parts = [*required, base] if base is not None else required
        base = parts[0] if len(parts) == 1 else wq.And(parts)
    if base is None or not excluded:
        return base
    return wq.AndNot(base, excluded[0] if len(excluded) == 1 else wq.Or(excluded))


def _fielded(node: Node) -> bool:
    """Whether every word of a node is limited to a field (``author:x``, ``intitle:(a OR b)``)."""
    if isinstance(node, Leaf):
        return node.field is not None
    if isinstance(node, Not):
        return False
    return all(_fielded(child) for child in node.children)


def _leaf_query(leaf: Leaf, schema: Schema) -> wq.Query | None:
    if leaf.field is not None:
        return _field_query(schema, leaf.field, leaf.text, 1.0)
    if _field_query(schema, "body", leaf.text, 1.0) is None:
        return None  # only stop words: do not let them match names
    per_field = _drop_none(
        _field_query(schema, name, leaf.text, boost) for name, boost in DEFAULT_FIELD_BOOSTS.items()
    )
    return per_field[0] if len(per_field) == 1 else wq.Or(per_field)


def _prefix_query(
    leaf: Leaf, schema: Schema, reader: IndexReader | None, notes: list[str] | None
) -> wq.Query | None:
    """Any word starting with the prefix, in the leaf's field or the default fields.

    With a reader the prefix is expanded here, to at most MAX_EXPANSIONS words per
    field (the most frequent kept), so ``a*`` cannot turn into thousands of terms.
    """
    prefix = facet_key(leaf.text)
    fields = [leaf.field] if leaf.field else list(DEFAULT_FIELD_BOOSTS)
    boosts = {name: DEFAULT_FIELD_BOOSTS.get(name, 1.0) for name in fields}
    if leaf.field:
        boosts[leaf.field] = 1.0
    per_field: list[wq.Query] = []
    for name in fields:
        if name not in schema:
            continue
        if reader is None:
            per_field.append(wq.Prefix(name, prefix, boost=boosts[name]))
            continue
        words = list(islice(reader.expand_prefix(name, prefix), MAX_EXPANSIONS * 20))
        if len(words) > MAX_EXPANSIONS:
            words = sorted(words, key=lambda word: -reader.doc_frequency(name, word))
            words = words[:MAX_EXPANSIONS]
            if notes is not None:
                notes.append(
                    f"“{leaf.text}*” matches many words; we searched for the "
                    f"{MAX_EXPANSIONS} most common."
                )
        terms = [wq.Term(name, _text(word), boost=boosts[name]) for word in words]
        if terms:
            per_field.append(terms[0] if len(terms) == 1 else wq.Or(terms))
    if not per_field:
        return wq.NullQuery if reader is not None else None
    return per_field[0] if len(per_field) == 1 else wq.Or(per_field)


def _text(word: str | bytes) -> str:
    return word.decode("utf-8") if isinstance(word, bytes) else word


def _field_query(schema: Schema, field: str, text: str, boost: float) -> wq.Query | None:
    """Analyse ``text`` as the field does: one term, or a phrase when it splits.

    Prose fields read the text once per stemming language (``analysis.query_forms``);
    any reading may match.
    """
    readings = [_reading_query(field, words, boost) for words in query_forms(schema[field], text)]
    if not readings:
        return None
    return readings[0] if len(readings) == 1 else wq.Or(readings)


def _reading_query(field: str, words: list[str], boost: float) -> wq.Query:
    if len(words) == 1:
        return wq.Term(field, words[0], boost=boost)
    return wq.Phrase(field, words, boost=boost)


def _drop_none(queries: Iterable[wq.Query | None]) -> list[wq.Query]:
    return [query for query in queries if query is not None]


def _leaf_count(node: Node) -> int:
    if isinstance(node, Leaf):
        return 1
    if isinstance(node, Not):
        return _leaf_count(node.child)
    return sum(_leaf_count(child) for child in node.children)


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
    star = raw.endswith("*") and "*" not in raw[:-1] and ":" not in raw
    if "*" in raw and not star and not _field_prefix(raw):
        raise QuerySyntaxError("Only a * at the end of a word is supported.")
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
    if raw.endswith("*") and "*" not in raw[:-1] and ":" not in raw:
        return [*prefix, _star(raw)]
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
    if text.endswith("*") and "*" not in text[:-1]:
        return [_star(text)]
    if "*" in text:
        raise QuerySyntaxError("Only a * at the end of a word is supported.")
    return [_Token("word", text)]


def _star(raw: str) -> _Token:
    stem = raw[:-1]
    if len(_PLAIN_WORD.findall(stem)) != 1 or len(stem) < MIN_PREFIX:
        raise QuerySyntaxError(
            f"A word before * needs at least {MIN_PREFIX} letters and no punctuation."
        )
    return _Token("prefix", stem)


def _field_prefix(raw: str) -> bool:
    name, colon, rest = raw.lstrip("-+").partition(":")
    return bool(colon) and name.lower() in FIELD_ALIASES


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
        if token.kind in ("word", "phrase", "prefix"):
            self.leaves += 1
            return Leaf(
                token.text, field, phrase=token.kind == "phrase", prefix=token.kind == "prefix"
            )
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
        return node if node.field else Leaf(node.text, field, node.phrase, node.prefix)
    if isinstance(node, Not):
        return Not(_with_field(node.child, field))
    return Group(node.op, tuple(_with_field(child, field) for child in node.children))


# -- name variants ---------------------------------------------------------------


def expand_variants(node: Node, lookup: VariantLookup) -> tuple[Node, tuple[NameVariants, ...]]:
    """Replace each word or phrase that has other spellings by an OR of all of them.

    Field-limited leaves are expanded too (``headline:kiev`` finds "Kyiv" headlines);
    prefixes are not. Returns the new tree and, once per name, what was added.
    """
    found: dict[str, NameVariants] = {}

    def visit(current: Node) -> Node:
        if isinstance(current, Leaf):
            others = () if current.prefix else lookup(current.text)
            if not others:
                return current
            found.setdefault(facet_key(current.text), NameVariants(current.text, others))
            spellings = (current, *(Leaf(o, current.field, phrase=True) for o in others))
            return Group("or", spellings)
        if isinstance(current, Not):
            return Not(visit(current.child))
        return Group(current.op, tuple(visit(child) for child in current.children))

    return visit(node), tuple(found.values())


# -- date operators --------------------------------------------------------------

_DATE_OPERATOR = re.compile(r"(?i)^[-+]?(before|after|when):(\S*)$")
_RELATIVE = re.compile(r"(?i)^(\d{1,4})([hdwmy])$")
_RELATIVE_UNITS = {"h": timedelta(hours=1), "d": timedelta(days=1), "w": timedelta(weeks=1)}
_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, slots=True)
class DateOperators:
    """The query without its date operators, and the published-time window they ask for.

    ``start`` and ``end`` are naive UTC datetimes (like the index's published field);
    ``start`` is inclusive and ``end`` exclusive. ``notices`` explain operators we
    could not read (they are ignored, not searched as words).
    """

    text: str
    start: datetime | None = None
    end: datetime | None = None
    notices: tuple[str, ...] = field(default_factory=tuple)


def extract_date_operators(text: str, now: datetime) -> DateOperators:
    """Take ``before:``, ``after:`` and ``when:`` out of a query.

    ``before:2024-05-01`` means published before that day, ``after:2024-05-01`` after it
    (a month ``2024-05`` or a year ``2024`` also work, meaning the whole period);
    ``when:24h``, ``when:7d``, ``when:2w``, ``when:1m``, ``when:1y`` mean within that
    long before ``now`` (naive UTC). Several operators narrow each other. Operators
    inside quotes are left alone.
    """
    kept: list[str] = []
    starts: list[datetime] = []
    ends: list[datetime] = []
    notices: list[str] = []
    for match in _TOKEN.finditer(text):
        raw = match.group()
        operator = _DATE_OPERATOR.match(raw) if not raw.startswith('"') else None
        if operator is None:
            kept.append(raw)
            continue
        name, value = operator.group(1).lower(), operator.group(2)
        if name == "when":
            since = _relative_start(value, now)
            if since is None:
                notices.append(f"“{raw}” was ignored: use when:24h, when:7d, when:1m or when:1y.")
            else:
                starts.append(since)
            continue
        period = _period(value)
        if period is None:
            notices.append(f"“{raw}” was ignored: use a date like {name}:2024-05-01.")
        elif name == "before":
            ends.append(period[0])
        else:
            starts.append(period[1])
    start = max(starts) if starts else None
    end = min(ends) if ends else None
    return DateOperators(" ".join("".join(kept).split()), start, end, tuple(notices))


def _relative_start(value: str, now: datetime) -> datetime | None:
    match = _RELATIVE.match(value)
    if match is None:
        return None
    amount, unit = int(match.group(1)), match.group(2).lower()
    if unit in _RELATIVE_UNITS:
        return now - amount * _RELATIVE_UNITS[unit]
    months = amount * (12 if unit == "y" else 1)
    year, month = divmod(now.year * 12 + now.month - 1 - months, 12)
    if year < 1:
        return datetime.min
    day = min(now.day, _month_days(year, month + 1))
    return now.replace(year=year, month=month + 1, day=day)


def _period(value: str) -> tuple[datetime, datetime] | None:
    """The first moment of a day, month or year and the first moment after it."""
    match = _PERIOD.match(value)
    if match is None:
        return None
    year_text, month_text, day_text = match.groups()
    year = int(year_text)
    try:
        if month_text is None:
            return datetime(year, 1, 1), datetime(year + 1, 1, 1)
        month = int(month_text)
        if day_text is None:
            first = datetime(year, month, 1)
            return first, first + timedelta(days=_month_days(year, month))
        first = datetime.combine(date(year, month, int(day_text)), datetime.min.time())
        return first, first + timedelta(days=1)
    except (ValueError, OverflowError):
        return None


def _month_days(year: int, month: int) -> int:
    following = date(year + month // 12, month % 12 + 1, 1)
    return (following - timedelta(days=1)).day
