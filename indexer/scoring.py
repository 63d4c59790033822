"""Ranking policy: the BM25 weighting every search uses and word coordination for short queries.

Measured with ``bench/relevance.py`` (see docs/index.md, "Ranking"). Each choice here is a
general one, not a fit to particular queries:

- **BM25 with the Robertson–Spärck Jones idf**, ``log(1 + (N - n + 0.5) / (n + 0.5))``.
  Whoosh's own idf, ``log(N / (n + 1)) + 1``, never drops below 1, so a word found in
  nearly every article still scores about a third of a rare name's weight; with this idf
  such words fade to almost nothing, as in Lucene, SQLite FTS5 and tantivy.
- **The idf raised to IDF_EXPONENT.** Readers' natural-language queries carry many
  general words ("efforts", "policy", "number"); a power above 1 lets the rare,
  specific words of a query (names, places, subjects) decide the order. For a one- or
  two-word query it changes little: every match shares the same words.
- **K1 = 1.5, B = 0.75**: standard BM25 values (K1 is commonly set between 1.2 and 2);
  a little more room for repeated mentions suits long news articles.
- **Word coordination for short queries** (``CoordinatedOr``): in a query of up to
  COORDINATED_MAX_WORDS words, an article's score is scaled by the idf-weighted share
  of the words it holds, so one with every word normally ranks first, yet an article
  missing a common word can still win on the rarer ones. It replaced a strict
  all-words-first tier, which did worse on keyword queries. Long queries are ranked by
  score alone: no article holds every word of a sentence, and scaling by coverage cost
  ranking quality there in measurement.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from datetime import datetime
from math import log
from typing import Any

from whoosh import query as wq
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.matching import Matcher, NoQualityAvailable, NullMatcher
from whoosh.scoring import BM25F, WeightingModel
from whoosh.util.numeric import byte_to_length

K1 = 1.5
B = 0.75
IDF_EXPONENT = 1.5
# Queries with at most this many words mark down articles missing some of them.
COORDINATED_MAX_WORDS = 3
# How hard such an article is marked down (``CoordinatedOr``).
COORDINATION_EXPONENT = 1.0


class NewsBM25(BM25F):
    """Whoosh's per-field BM25 with a non-negative Robertson–Spärck Jones idf, sharpened.

    Whoosh sums per-field BM25 scores, each multiplied by the query's field weight
    (``schema.DEFAULT_FIELD_BOOSTS``); only the idf differs from ``whoosh.scoring.BM25F``.
    """

    def __init__(self, *, k1: float = K1, b: float = B, idf_exponent: float = IDF_EXPONENT) -> None:
        super().__init__(B=b, K1=k1)
        self.idf_exponent = idf_exponent

    def scorer(self, searcher: Any, fieldname: str, text: str, qf: float = 1) -> Any:
        """Whoosh's BM25 scorer, reading document lengths from memory (``field_lengths``).

        Whoosh reads each scored document's length from the column file; the numbers
        are the same, the per-document read is gone.
        """
        scorer = super().scorer(searcher, fieldname, text, qf=qf)
        if hasattr(scorer, "dfl"):
            lengths = field_lengths(searcher.reader(), fieldname)
            if lengths is not None:
                scorer.dfl = lengths.__getitem__
        return scorer

    def idf(self, searcher: Any, fieldname: str, text: str) -> float:
        # Whoosh caches this per searcher (Searcher.idf), so it runs once per term.
        return bm25_idf(searcher.doc_frequency(fieldname, text), searcher.doc_count_all()) ** (
            self.idf_exponent
        )


# Document lengths by (segment, field), for the latest segments read.
_LENGTHS: OrderedDict[tuple[str, str], list[int]] = OrderedDict()
_LENGTHS_LOCK = threading.Lock()
LENGTH_ENTRIES = 32


def field_lengths(reader: Any, fieldname: str) -> list[int] | None:
    """Every document's length in a field (as the reader gives it, 1 when unknown).

    None for a reader that is not one segment of the standard codec.
    """
    segment = getattr(reader, "segment", None)
    if not reader.is_atomic() or not callable(segment):
        return None
    held = segment()
    if held is None:
        return None
    key = (held.segment_id(), fieldname)
    with _LENGTHS_LOCK:
        found = _LENGTHS.get(key)
    if found is not None:
        return found
    # The segment's per-document store, as ``doc_field_length`` reads it.
    perdoc = getattr(reader, "_perdoc", None)
    lenfield = _lenfield(fieldname)
    if perdoc is None or not hasattr(perdoc, "has_column"):
        return None
    if not perdoc.has_column(lenfield):
        lengths = [1] * reader.doc_count_all()
    else:
        column = perdoc.column_reader(lenfield, LENGTHS_COLUMN)
        lengths = [byte_to_length(lbyte) if lbyte else 1 for lbyte in column]
    if len(lengths) != reader.doc_count_all():
        return None
    with _LENGTHS_LOCK:
        _LENGTHS[key] = lengths
        while len(_LENGTHS) > LENGTH_ENTRIES:
            _LENGTHS.popitem(last=False)
    return lengths


def bm25_idf(doc_frequency: int, doc_count: int) -> float:
    """Robertson–Spärck Jones idf, kept positive: near 0 for a word in every document."""
    return log(1.0 + (doc_count - doc_frequency + 0.5) / (doc_frequency + 0.5))


def weighting() -> WeightingModel:
    """The weighting model searchers are opened with."""
    return NewsBM25()


def coordination_exponent(word_count: int) -> float:
    """The ``CoordinatedOr`` exponent for a query of ``word_count`` words (0: plain OR)."""
    return COORDINATION_EXPONENT if word_count <= COORDINATED_MAX_WORDS else 0.0


class CoordinatedOr(wq.Or):
    """OR of a query's words, each document's score scaled by the words it holds.

    The scale is the share of the words' weight (each word weighs its idf, so a rare
    name counts for more than a common word) found in the document, to the power
    ``exponent``: an article with every word keeps its whole score, one with half of
    them (by weight) keeps ``0.5 ** exponent`` of it. Unlike a strict all-words tier,
    a document missing a common word can still win on the rarer words it has.
    With exponent 0 the scores are a plain OR's; the matcher is still the fast one
    (``CoordinationMatcher``), which is why long queries use it too.
    """

    def __init__(
        self,
        subqueries: list[wq.Query],
        boost: float = 1.0,
        exponent: float | None = None,
    ) -> None:
        super().__init__(subqueries, boost=boost)
        self.exponent = COORDINATION_EXPONENT if exponent is None else exponent

    def __eq__(self, other: object) -> bool:
        return super().__eq__(other) and self.exponent == getattr(other, "exponent", None)

    def __hash__(self) -> int:
        return super().__hash__() ^ hash(self.exponent)

    def apply(self, fn: Any) -> CoordinatedOr:
        return self.__class__([fn(q) for q in self.subqueries], self.boost, self.exponent)

    def normalize(self) -> wq.Query:
        norm = super().normalize()
        if isinstance(norm, CoordinatedOr):
            norm.exponent = self.exponent
        return norm

    def _matcher(self, subs: list[wq.Query], searcher: Any, context: Any) -> Matcher:
        weights = [word_weight(searcher, query) for query in subs]
        # Each word's per-field terms are matched side by side rather than as a tree of
        # Whoosh unions: one flat loop per document, and each term's own upper bound for
        # skipping (see ``CoordinationMatcher.replace``).
        matchers: list[Matcher] = []
        words: list[int] = []
        for index, query in enumerate(subs):
            for part in word_parts(query):
                matcher = part.matcher(searcher, context)
                if matcher.is_active():
                    matchers.append(matcher)
                    words.append(index)
        return CoordinationMatcher(matchers, weights, self.exponent, self.boost, words=words)


def word_parts(query: wq.Query) -> list[wq.Query]:
    """The queries a word's matches are the union of: its plain ORs taken apart.

    An OR with a boost, a minimum match or a coordination scale of its own stays whole.
    """
    if type(query) is not wq.Or or query.boost != 1.0 or query.minmatch or query.scale:
        return [query]
    return [part for sub in query.subqueries for part in word_parts(sub)]


def word_weight(searcher: Any, query: wq.Query) -> float:
    """A query word's weight for coordination: the largest idf among its terms."""
    count = searcher.doc_count_all()
    idfs = [
        bm25_idf(searcher.doc_frequency(field, text), count)
        for field, text in query.iter_all_terms()
    ]
    return max(idfs, default=0.0)


# A bound counts as below a score only with this relative margin, so rounding in the
# bound's arithmetic can never skip a document that would have made the list.
_BOUND_MARGIN = 1e-9


class CoordinationMatcher(Matcher):
    """Union of per-word matchers scoring ``sum(scores) * coverage ** exponent``.

    ``children`` may hold several matchers per word (a word's field terms); ``words``
    gives each child's word (default: child i is word i). A word is held when any of
    its children is on the document.

    Top-N searches skip what cannot make the list (the "MaxScore" method): coverage is
    at most 1, so a document's score is at most the sum of its children's scores, and
    each child's score is at most its ``max_quality``. Once the collector's lowest
    listed score is known (``replace``), children whose bounds together stay below it
    can only add to documents found through the others: they stop proposing documents
    and are only checked on those. The scores of the documents visited are unchanged.
    """

    def __init__(
        self,
        children: list[Matcher],
        weights: list[float],
        exponent: float,
        boost: float = 1.0,
        *,
        words: list[int] | None = None,
    ) -> None:
        self._children = children
        self._words = list(range(len(children))) if words is None else words
        self._weights = weights
        self._total = sum(weights)
        self._exponent = exponent
        self._boost = boost
        # Children proposing documents, and children only checked on those.
        self._leading = list(range(len(children)))
        self._checked: list[int] = []
        self._bounds: list[float] | None = None
        self._minquality = 0.0
        self._on: list[int] = []
        self._id = self._first_id()

    def _first_id(self) -> int | None:
        """Move to the lowest document a leading child is on; note every child on it.

        Called once per document: the children are asked where they are here only,
        not again by ``score``, ``next`` and ``weight`` (this loop is the hot path).
        """
        children = self._children
        lowest: int | None = None
        on: list[int] = []
        for index in self._leading:
            child = children[index]
            if not child.is_active():
                continue
            docnum = child.id()
            if lowest is None or docnum < lowest:
                lowest, on = docnum, [index]
            elif docnum == lowest:
                on.append(index)
        if lowest is not None:
            for index in self._checked:
                child = children[index]
                if child.is_active() and child.id() < lowest:
                    child.skip_to(lowest)
                if child.is_active() and child.id() == lowest:
                    on.append(index)
        self._on = on
        return lowest

    def _current(self) -> list[int]:
        """Indexes of the children on the current document."""
        return self._on

    def is_active(self) -> bool:
        return self._id is not None

    def id(self) -> int:
        return self._id  # type: ignore[return-value]

    def reset(self) -> None:
        for child in self._children:
            child.reset()
        self._leading = list(range(len(self._children)))
        self._checked = []
        self._minquality = 0.0
        self._id = self._first_id()

    def next(self) -> bool:
        for index in self._current():
            self._children[index].next()
        self._id = self._first_id()
        return False

    def skip_to(self, target: int) -> bool:
        for child in self._children:
            if child.is_active() and child.id() < target:
                child.skip_to(target)
        self._id = self._first_id()
        return False

    def score(self) -> float:
        current = self._current()
        total = sum(self._children[index].score() for index in current)
        if self._exponent and self._total > 0:
            words = self._words
            held = sum(self._weights[word] for word in {words[index] for index in current})
            total *= (held / self._total) ** self._exponent
        return total * self._boost

    def weight(self) -> float:
        return sum(self._children[index].weight() for index in self._current())

    def supports(self, astype: str) -> bool:
        return all(child.supports(astype) for child in self._children)

    def spans(self) -> list[Any]:
        return sorted({span for index in self._current() for span in self._children[index].spans()})

    def supports_block_quality(self) -> bool:
        return False  # the coverage factor is only known per document

    def max_quality(self) -> float:
        return sum(self._upper_bounds()) * self._boost

    def is_leaf(self) -> bool:
        return False

    def children(self) -> list[Matcher]:
        return list(self._children)

    def depth(self) -> int:
        return 1 + max((child.depth() for child in self._children), default=0)

    def copy(self) -> CoordinationMatcher:
        copied = [child.copy() for child in self._children]
        return CoordinationMatcher(
            copied, self._weights, self._exponent, self._boost, words=self._words
        )

    def replace(self, minquality: float = 0) -> Matcher:
        if not self.is_active():
            return NullMatcher()
        if minquality > self._minquality:
            self._minquality = minquality
            if not self._split(minquality):
                return NullMatcher()
        return self

    def _upper_bounds(self) -> list[float]:
        """Each child's highest possible score (infinite when its matcher cannot tell)."""
        if self._bounds is None:
            bounds = []
            for child in self._children:
                try:
                    supported = child.supports_block_quality()
                    bounds.append(child.max_quality() if supported else float("inf"))
                except NoQualityAvailable:
                    bounds.append(float("inf"))
            self._bounds = bounds
        return self._bounds

    def _split(self, minquality: float) -> bool:
        """Let only the children that can lift a document past ``minquality`` lead.

        False when no document left can get there.
        """
        bounds = self._upper_bounds()
        active = [i for i, child in enumerate(self._children) if child.is_active()]
        active.sort(key=bounds.__getitem__)
        limit = minquality / self._boost * (1 - _BOUND_MARGIN) if self._boost > 0 else 0.0
        checked: list[int] = []
        reach = 0.0
        for index in active:
            if reach + bounds[index] >= limit:
                break
            reach += bounds[index]
            checked.append(index)
        if len(checked) == len(active):
            return False
        if checked != self._checked:
            self._checked = checked
            chosen = set(checked)
            self._leading = [index for index in active if index not in chosen]
            # The current document has not been collected yet: find it again among the
            # leading children (a document only the checked ones hold is skipped).
            self._id = self._first_id()
        return self._id is not None


# Freshness (``SearchRequest.fresh``): a story's score is multiplied by up to
# 1 + FRESH_WEIGHT, halving the bonus every FRESH_HALF_LIFE_DAYS of age.
FRESH_HALF_LIFE_DAYS = 3.0
FRESH_WEIGHT = 1.0


def fresh_score(score: float | None, published: datetime | None, now: datetime) -> float | None:
    """Score times (1 + FRESH_WEIGHT * 2^-(age / half-life)): new stories rise, old keep theirs."""
    if score is None or published is None:
        return score
    age_days = max(0.0, (now - published).total_seconds() / 86400)
    return score * (1 + FRESH_WEIGHT * 0.5 ** (age_days / FRESH_HALF_LIFE_DAYS))
