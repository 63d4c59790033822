"""Running a search through Whoosh collectors: filters, story collapsing and a time limit.

Whoosh applies a filter, a collapse and its ``TimeLimitCollector`` each in its own
``collect_matches``, and only the outermost collector's runs: a collapsed search with a
filter silently stops collapsing. So the chain is built here with one gate just above
the innermost collector that filters matches and watches the deadline as they stream
through ``matches()`` (which every wrapper reads), and the collapse outermost. Like
Whoosh's time limit, the gate raises ``TimeLimit``; collectors keep what they gathered.
"""

from __future__ import annotations

import contextlib
import time
from bisect import insort
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from whoosh import query as wq
from whoosh.collectors import (
    CollapseCollector,
    Collector,
    ScoredCollector,
    TimeLimit,
    WrappingCollector,
)
from whoosh.searching import Results, Searcher


@dataclass
class MatchRecord:
    """The documents a search's query matched (before any filter), as its page pass saw them.

    ``complete`` once the pass is known to have seen every match: a top-N collector
    skips blocks, and narrows its matcher, only after its list has filled with better
    documents, and a cut-short pass misses the rest. Otherwise ``docs`` is partial.
    """

    docs: set[int] = field(default_factory=set)
    complete: bool = False


class GateCollector(WrappingCollector):
    """Lets through matches inside ``allow`` and outside ``restrict`` until a deadline.

    The clock is read per match (far cheaper than scoring one), so there is no timer
    thread and no signal: searches run in server worker threads.
    """

    def __init__(
        self,
        child: Collector,
        *,
        allow: Any = None,
        restrict: Any = None,
        seconds: float | None = None,
        seen: set[int] | None = None,
    ) -> None:
        super().__init__(child)
        self.seen = seen
        self.allow = allow
        self.restrict = restrict
        self.seconds = seconds
        self.expired = False
        self._allowed: Any = None
        self._restricted: Any = None
        self._deadline: float | None = None

    def prepare(self, top_searcher: Searcher, q: wq.Query, context: Any) -> None:
        self.child.prepare(top_searcher, q, context)
        self._allowed = top_searcher._filter_to_comb(self.allow)
        self._restricted = top_searcher._filter_to_comb(self.restrict)
        self.expired = False
        self._deadline = None if self.seconds is None else time.monotonic() + self.seconds

    def set_subsearcher(self, subsearcher: Searcher, offset: int) -> None:
        super().set_subsearcher(subsearcher, offset)
        # Matches go straight to the child's ``collect``: one call less per match.
        self.collect = self.child.collect  # type: ignore[method-assign]

    def matches(self) -> Iterator[int]:
        allowed, restricted, deadline = self._allowed, self._restricted, self._deadline
        offset = self.child.offset
        record = self.seen.add if self.seen is not None else None
        clock = time.monotonic
        for sub_docnum in self.child.matches():
            docnum = offset + sub_docnum
            if record is not None:
                record(docnum)
            if deadline is not None and clock() >= deadline:
                self.expired = True
                raise TimeLimit
            if allowed is not None and docnum not in allowed:
                continue
            if restricted is not None and docnum in restricted:
                continue
            yield sub_docnum

    def collect_matches(self) -> None:
        for sub_docnum in self.matches():
            self.collect(sub_docnum)


class SharedKeyCollapseCollector(CollapseCollector):
    """Whoosh's ``CollapseCollector``, passing straight on what cannot collapse.

    When the key's categorizer knows which documents share their key with another
    (``shared_keys``), every other match is collected at once: its key is empty or its
    own, and Whoosh's loop would only file it under that key alone. Most articles are a
    story of their own, so this spares the order key, the bookkeeping and two method
    calls for most matches. The documents kept, dropped and counted are Whoosh's.
    """

    def collect_matches(self) -> None:
        shared_keys = getattr(self.keyer, "shared_keys", None)
        if shared_keys is None:
            super().collect_matches()
            return
        shared = shared_keys()
        lists, limit, orderer = self.lists, self.limit, self.orderer
        child = self.child
        offset, collect = child.offset, child.collect
        for sub_docnum in child.matches():
            docnum = offset + sub_docnum
            ckey = shared.get(docnum)
            if ckey is None:
                collect(sub_docnum)
                continue
            if orderer:
                sortkey = orderer.key_for(child.matcher, sub_docnum)
            else:
                sortkey = child.sort_key(sub_docnum)
            best = lists[ckey]
            if len(best) >= limit:
                if not sortkey < best[-1][0]:
                    self.collapsed_counts[ckey] += 1
                    self.collapsed_total += 1
                    continue
                child.remove(best.pop()[1])
            insort(best, (sortkey, docnum))
            collect(sub_docnum)


def timed_search(
    searcher: Searcher,
    query: wq.Query,
    time_limit: float | None,
    *,
    filter: Any = None,
    mask: Any = None,
    collapse: Any = None,
    collapse_limit: int = 1,
    collapse_order: Any = None,
    record: MatchRecord | None = None,
    **options: Any,
) -> tuple[Results, bool]:
    """Like ``searcher.search(query, ...)``, stopped after ``time_limit`` seconds.

    Returns the results and whether the limit cut them short (then they hold what was
    collected until then, and counts cover only the documents seen).

    With a ``record``, the documents the query matches (before the filter and mask) are
    added to it as they stream past, and it is marked complete when none can have been
    skipped, so a caller can count the matches without matching them again. The search
    itself is the same.
    """
    collector = searcher.collector(**options)
    innermost = _innermost(collector)
    gate = GateCollector(
        innermost,
        allow=filter,
        restrict=mask,
        seconds=time_limit,
        seen=record.docs if record is not None else None,
    )
    collector = _replace_innermost(collector, gate)
    if collapse is not None:
        collector = SharedKeyCollapseCollector(
            collector, collapse, limit=collapse_limit, order=collapse_order
        )
    with contextlib.suppress(TimeLimit):  # the collectors keep what they gathered
        searcher.search_with_collector(query, collector)
    if record is not None:
        record.complete = not gate.expired and _saw_every_match(innermost)
    return collector.results(), gate.expired


def _saw_every_match(collector: Collector) -> bool:
    """Whether a collector's matches were every match of its query.

    A scored collector skips blocks by quality and replaces its matcher with a narrower
    one only against a minimum score, set once its list of the best is full and a
    better document displaces one; before that it asks for nothing above zero.
    """
    if isinstance(collector, ScoredCollector):
        return not collector.minscore and not getattr(collector, "skipped_times", 0)
    return True


def _innermost(top: Collector) -> Collector:
    while isinstance(top, WrappingCollector):
        top = top.child
    return top


def _replace_innermost(top: Collector, gate: GateCollector) -> Collector:
    if not isinstance(top, WrappingCollector):
        return gate
    parent = top
    while isinstance(parent.child, WrappingCollector):
        parent = parent.child
    parent.child = gate
    return top
