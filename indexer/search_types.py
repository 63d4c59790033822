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
    OLDEST = "oldest"


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
    languages: tuple[str, ...] = ()
    # Also search the spellings of names listed in ``indexer.name_variants``.
    variants: bool = True
    # Blend recency into relevance (newer stories rise among similarly good matches).
    fresh: bool = False
    # Show one result per syndicated story, its other copies attached to it.
    group_copies: bool = True


@dataclass(frozen=True, slots=True)
class SnippetFragment:
    """A run of snippet text; ``match`` marks a highlighted query term."""

    text: str
    match: bool = False


@dataclass(frozen=True, slots=True)
class Copy:
    """Another outlet's copy of a hit's story (the same wire text, lightly edited)."""

    id: str
    url: str | None
    source: str | None
    headline: str | None
    published: str | None


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
    # Other copies of the same story, earliest first (empty when copies are not grouped).
    copies: tuple[Copy, ...] = ()
    language: str | None = None

    @property
    def snippet_text(self) -> str:
        return "".join(fragment.text for fragment in self.snippet)


@dataclass(frozen=True, slots=True)
class FacetValue:
    value: str
    count: int
    selected: bool = False


@dataclass(frozen=True, slots=True)
class NameVariants:
    """A name in the query and the other spellings searched along with it."""

    term: str
    variants: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TimelineBucket:
    """How many matches were published in one day, week or month (``start`` is its first day)."""

    start: date
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class SearchResult:
    request: SearchRequest
    total: int
    hits: tuple[Hit, ...]
    facets: dict[str, tuple[FacetValue, ...]] = field(default_factory=dict)
    suggestion: str | None = None
    notice: str | None = None
    elapsed_ms: float = 0.0
    variants: tuple[NameVariants, ...] = ()
    # True when no exact match was found and similar spellings were searched instead.
    fuzzy: bool = False
    # True when the time limit stopped the search early: counts and hits may be incomplete.
    partial: bool = False
    # Matches over time, oldest bucket first; ``timeline_unit`` is "day", "week" or "month".
    timeline: tuple[TimelineBucket, ...] = ()
    timeline_unit: str | None = None
    # The words that best characterise the top results (most telling first).
    key_terms: tuple[str, ...] = ()

    @property
    def page_count(self) -> int:
        size = max(self.request.page_size, 1)
        return max(1, -(-self.total // size))
