"""Postings of the prose fields, computed once per article for the writers of a full build.

Whoosh analyses each field on its own, one generator stage per filter per token, so an
article's body is tokenized, lowercased, folded and stop-worded twice: once for the
stemmed ``body`` and once more inside the unstemmed ``words``. ``ProsePostings`` reads
each field's analyzer (a ``RegexTokenizer`` followed by lowercase, charset, stop and
optionally stem filters), folds every distinct token once per run, and gives each field
the very postings Whoosh's analysis would: the same terms, positions (stop words
removed and renumbered as ``StopFilter`` does), frequencies, weights and encoded values.
``add_document`` then writes a document as ``SegmentWriter.add_document`` does, taking
those postings for the prose fields and asking Whoosh's fields for the rest.

A field whose analyzer has another shape, or text carrying its own language (stemmed
by ``analysis.language_analyzer``), is left to Whoosh. A test compares every posting
with Whoosh's own writer.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from whoosh import formats
from whoosh.analysis import (
    CharsetFilter,
    CompositeAnalyzer,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)

# (term bytes, frequency, weight, encoded value), as ``FieldType.index`` yields them.
Item = tuple[bytes, int, float, bytes]
# The unstemmed field made of the other prose fields joined by line breaks.
WORDS_FIELD = "words"
PROSE_PARTS = ("headline", "description", "body", "captions")
# Distinct raw tokens remembered per run; a bound, not a tuning knob.
_MEMO_LIMIT = 500_000
# Whoosh's default token pattern, and the same pattern without its capturing group.
_WITHOUT_GROUPS = {r"[\w\*]+(\.?[\w\*]+)*": r"[\w\*]+(?:\.?[\w\*]+)*"}
# Token patterns no match of which holds a line break: the tokens of texts joined by
# line breaks are then the tokens of each text in turn.
_LINE_BOUND_PATTERNS = frozenset(_WITHOUT_GROUPS)


@dataclass(frozen=True)
class _Folding:
    """What an analyzer does before stemming: tokens, lowercase, charset, stop words."""

    pattern: str
    flags: int
    charmap: Any = dataclasses.field(compare=False)
    charmap_key: frozenset[tuple[Any, Any]]
    stops: frozenset[str]
    minsize: int
    maxsize: int | None
    renumber: bool


@dataclass(frozen=True)
class _Plan:
    folding: _Folding
    stem: Callable[[str], str] | None
    ignore: frozenset[str]
    format: formats.Positions


def _plan(field: Any) -> _Plan | None:
    """How to reproduce a field's analysis, or None when it has another shape."""
    analyzer = getattr(field, "analyzer", None)
    fmt = getattr(field, "format", None)
    if type(fmt) is not formats.Positions or getattr(field, "vector", None):
        return None
    if not isinstance(analyzer, CompositeAnalyzer) or len(analyzer.items) not in (4, 5):
        return None
    tokenizer, lower, charset, stop, *rest = analyzer.items
    if not (
        type(tokenizer) is RegexTokenizer
        and not tokenizer.gaps
        and type(lower) is LowercaseFilter
        and type(charset) is CharsetFilter
        and type(stop) is StopFilter
        and (not rest or type(rest[0]) is StemFilter)
    ):
        return None
    folding = _Folding(
        pattern=tokenizer.expression.pattern,
        flags=tokenizer.expression.flags,
        charmap=charset.charmap,
        charmap_key=frozenset(charset.charmap.items()),
        stops=frozenset(stop.stops),
        minsize=stop.min,
        maxsize=stop.max,
        renumber=stop.renumber,
    )
    stemmer = rest[0] if rest else None
    return _Plan(
        folding=folding,
        stem=stemmer.stemfn if stemmer is not None else None,
        ignore=frozenset(stemmer.ignore) if stemmer is not None else frozenset(),
        format=fmt,
    )


class _Folder:
    """Raw tokens of a text, and each one folded (None for a stop word), memoised."""

    def __init__(self, folding: _Folding) -> None:
        self._folding = folding
        expression = re.compile(folding.pattern, folding.flags)
        if expression.groups:
            # findall gives whole matches only for a pattern without capturing groups.
            known = _WITHOUT_GROUPS.get(folding.pattern)
            if known is None:
                finditer = expression.finditer
                self._findall = lambda text: [match[0] for match in finditer(text)]
            else:
                self._findall = re.compile(known, folding.flags).findall
        else:
            self._findall = expression.findall
        self._memo: dict[str, str | None] = {}

    def fold(self, text: str) -> list[str | None]:
        memo = self._memo
        if len(memo) > _MEMO_LIMIT:
            memo.clear()
        folded: list[str | None] = []
        append = folded.append
        for token in self._findall(text):
            try:
                append(memo[token])
            except KeyError:
                append(self._fold_one(token))
        return folded

    def _fold_one(self, token: str) -> str | None:
        folding = self._folding
        text = token.lower().translate(folding.charmap)
        kept = (
            len(text) >= folding.minsize
            and (folding.maxsize is None or len(text) <= folding.maxsize)
            and text not in folding.stops
        )
        self._memo[token] = value = text if kept else None
        return value


class _Stemmer:
    def __init__(self, stem: Callable[[str], str], ignore: frozenset[str]) -> None:
        self._stem = stem
        self._ignore = ignore
        self._memo: dict[str, str] = {}

    def stem(self, words: list[str | None]) -> list[str | None]:
        memo = self._memo
        if len(memo) > _MEMO_LIMIT:
            memo.clear()
        stemmed: list[str | None] = []
        append = stemmed.append
        for word in words:
            if word is None:
                append(None)
                continue
            try:
                append(memo[word])
            except KeyError:
                memo[word] = value = word if word in self._ignore else self._stem(word)
                append(value)
        return stemmed


class ProsePostings:
    """Computes the prose fields' postings of documents for one schema."""

    def __init__(self, schema: Any) -> None:
        self._plans: dict[str, _Plan] = {}
        folders: dict[_Folding, _Folder] = {}
        stemmers: dict[Any, _Stemmer] = {}
        self._folders: dict[str, _Folder] = {}
        self._stemmers: dict[str, _Stemmer] = {}
        for name in (*PROSE_PARTS, WORDS_FIELD):
            if name not in schema:
                continue
            plan = _plan(schema[name])
            if plan is None:
                continue
            self._plans[name] = plan
            self._folders[name] = folders.setdefault(plan.folding, _Folder(plan.folding))
            if plan.stem is not None:
                key = (plan.stem, plan.ignore)
                self._stemmers[name] = stemmers.setdefault(key, _Stemmer(plan.stem, plan.ignore))

    def postings(self, document: dict[str, Any]) -> dict[str, list[Item]]:
        """Field name -> postings, for the prose fields of ``document`` this can reproduce."""
        found: dict[str, list[Item]] = {}
        # Folded tokens per (part, folding), shared by the part's field and ``words``.
        folded: dict[tuple[str, int], list[str | None]] = {}
        for name in PROSE_PARTS:
            plan = self._plans.get(name)
            value = document.get(name)
            if plan is None or type(value) is not str:  # LanguageText: its own analyzer
                continue
            words = self._folded(folded, name, value, self._folders[name])
            stemmer = self._stemmers.get(name)
            terms = stemmer.stem(words) if stemmer is not None else words
            found[name] = _items(terms, plan)
        plan = self._plans.get(WORDS_FIELD)
        value = document.get(WORDS_FIELD)
        if plan is not None and isinstance(value, str):
            folder = self._folders[WORDS_FIELD]
            parts = [(name, part) for name in PROSE_PARTS if (part := document.get(name))]
            line_bound = plan.folding.pattern in _LINE_BOUND_PATTERNS
            if line_bound and "\n".join(part for _name, part in parts) == value:
                words = []
                for name, part in parts:
                    words.extend(self._folded(folded, name, part, folder))
            else:
                words = folder.fold(value)
            stemmer = self._stemmers.get(WORDS_FIELD)
            found[WORDS_FIELD] = _items(stemmer.stem(words) if stemmer else words, plan)
        return found

    def _folded(
        self,
        folded: dict[tuple[str, int], list[str | None]],
        name: str,
        text: str,
        folder: _Folder,
    ) -> list[str | None]:
        key = (name, id(folder))
        words = folded.get(key)
        if words is None:
            words = folded[key] = folder.fold(text)
        return words


def _items(terms: list[str | None], plan: _Plan) -> list[Item]:
    """Postings of a token list (None for stop words) as ``Positions.word_values`` gives them.

    ``StopFilter`` with ``renumber`` keeps the first remaining token's position and
    numbers the rest after it without gaps; without ``renumber`` positions keep gaps.
    """
    positions: dict[str, list[int]] = {}
    if plan.folding.renumber:
        first = next((index for index, term in enumerate(terms) if term is not None), 0)
        kept: Iterable[tuple[int, str]] = enumerate(
            (term for term in terms if term is not None), first
        )
    else:
        kept = ((index, term) for index, term in enumerate(terms) if term is not None)
    for position, term in kept:
        found = positions.get(term)
        if found is None:
            positions[term] = [position]
        else:
            found.append(position)
    encode = plan.format.encode
    boost = plan.format.field_boost
    return [
        (term.encode("utf-8"), len(places), len(places) * boost, encode(places))
        for term, places in positions.items()
    ]


def add_document(writer: Any, postings: ProsePostings, document: dict[str, Any]) -> None:
    """``SegmentWriter.add_document(**document)``, with the prose fields' postings precomputed."""
    precomputed = postings.postings(document)
    writer._check_state()
    perdocwriter = writer.perdocwriter
    schema = writer.schema
    docnum = writer.docnum
    add_post = writer.pool.add
    docboost = writer._doc_boost(document)
    fieldnames = sorted(name for name in document if not name.startswith("_"))
    writer._check_fields(schema, fieldnames)
    perdocwriter.start_doc(docnum)
    vbytes = None
    try:
        for fieldname in fieldnames:
            value = document.get(fieldname)
            if value is None:
                continue
            field = schema[fieldname]
            length = 0
            if field.indexed:
                fieldboost = writer._field_boost(document, fieldname, docboost)
                items = precomputed.get(fieldname)
                if items is None:
                    items = field.index(value)
                scorable = field.scorable
                for tbytes, freq, weight, vbytes in items:
                    if scorable:
                        length += freq
                    add_post((fieldname, tbytes, docnum, weight * fieldboost, vbytes))
            if field.separate_spelling():
                # As Whoosh does, with the value of the field's last posting.
                spellfield = field.spelling_fieldname(fieldname)
                for word in field.spellable_words(value):
                    add_post((spellfield, word.encode("utf-8"), 0, 1, vbytes))
            if field.vector:
                vitems = field.vector.word_values(value, field.analyzer, mode="index")
                vitems = sorted((text, weight, vbytes) for text, _, weight, vbytes in vitems)
                perdocwriter.add_vector_items(fieldname, field, vitems)
            customval = document.get(f"_stored_{fieldname}", value)
            perdocwriter.add_field(fieldname, field, customval if field.stored else None, length)
            column = field.column_type
            if column and customval is not None:
                perdocwriter.add_column_value(fieldname, column, field.to_column_value(customval))
    except Exception:
        perdocwriter.cancel_doc()
        raise
    perdocwriter.finish_doc()
    writer._added = True
    writer.docnum += 1
