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
from collections.abc import Iterator
from typing import Any

from whoosh import query as wq
from whoosh.collectors import CollapseCollector, Collector, TimeLimit, WrappingCollector
from whoosh.searching import Results, Searcher


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
    ) -> None:
        super().__init__(child)
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

    def matches(self) -> Iterator[int]:
        allowed, restricted, deadline = self._allowed, self._restricted, self._deadline
        offset = self.child.offset
        for sub_docnum in self.child.matches():
            if deadline is not None and time.monotonic() >= deadline:
                self.expired = True
                raise TimeLimit
            docnum = offset + sub_docnum
            if allowed is not None and docnum not in allowed:
                continue
            if restricted is not None and docnum in restricted:
                continue
            yield sub_docnum

    def collect_matches(self) -> None:
        for sub_docnum in self.matches():
            self.collect(sub_docnum)


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
    **options: Any,
) -> tuple[Results, bool]:
    """Like ``searcher.search(query, ...)``, stopped after ``time_limit`` seconds.

    Returns the results and whether the limit cut them short (then they hold what was
    collected until then, and counts cover only the documents seen).
    """
    collector = searcher.collector(**options)
    gate = GateCollector(_innermost(collector), allow=filter, restrict=mask, seconds=time_limit)
    collector = _replace_innermost(collector, gate)
    if collapse is not None:
        collector = CollapseCollector(
            collector, collapse, limit=collapse_limit, order=collapse_order
        )
    with contextlib.suppress(TimeLimit):  # the collectors keep what they gathered
        searcher.search_with_collector(query, collector)
    return collector.results(), gate.expired


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
