"""The search service's request and result types: the seam the web layer and CLI speak.

Nothing here knows Whoosh, so another engine can answer the same requests.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class SortOrder(StrEnum):
    RELEVANCE = "relevance"
    NEWEST = "newest"


@dataclass(frozen=True, slots=True)
class SearchRequest:
    """What a reader asked for. An empty ``query`` means browse mode (newest first)."""

    query: str = ""
    sources: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    sort: SortOrder = SortOrder.RELEVANCE
    page: int = 1
    page_size: int = 10


@dataclass(frozen=True, slots=True)
class SnippetFragment:
    """A run of snippet text; ``match`` marks a highlighted query term."""

    text: str
    match: bool = False


@dataclass(frozen=True, slots=True)
class Hit:
    id: str
    url: str | None
    headline: str | None
    source: str | None
    authors: tuple[str, ...]
    published: str | None
    section: str | None
    description: str | None
    snippet: tuple[SnippetFragment, ...]
    score: float | None = None

    @property
    def snippet_text(self) -> str:
        return "".join(fragment.text for fragment in self.snippet)


@dataclass(frozen=True, slots=True)
class FacetValue:
    value: str
    count: int
    selected: bool = False


@dataclass(frozen=True, slots=True)
class SearchResult:
    request: SearchRequest
    total: int
    hits: tuple[Hit, ...]
    facets: dict[str, tuple[FacetValue, ...]] = field(default_factory=dict)
    suggestion: str | None = None
    notice: str | None = None
    elapsed_ms: float = 0.0

    @property
    def page_count(self) -> int:
        size = max(self.request.page_size, 1)
        return max(1, -(-self.total // size))
