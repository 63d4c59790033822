"""The terminal listing of search results shows what the page shows beside the hits."""

from __future__ import annotations

from datetime import date

from indexer.search_types import (
    Copy,
    Hit,
    NameVariants,
    SearchRequest,
    SearchResult,
    SnippetFragment,
    TimelineBucket,
)
from search_web.output import search_listing


def _hit(copies: tuple[Copy, ...] = ()) -> Hit:
    return Hit(
        id="a1",
        url="https://gazette.example/ferry",
        headline="Ferry crews walk out",
        source="The Gazette",
        authors=("Ana Silva",),
        published="2025-03-02",
        section="Business",
        description="Crews stopped work at dawn.",
        snippet=(SnippetFragment("Crews "), SnippetFragment("strike", True)),
        copies=copies,
    )


def test_listing_names_copies_variants_key_terms_and_timeline() -> None:
    copies = (
        Copy(id="b2", url=None, source="The Courier", headline="Ferry strike", published=None),
        Copy(id="c3", url=None, source="Daily Lamp", headline="Ferries stop", published=None),
    )
    result = SearchResult(
        request=SearchRequest(query="kiev ferry strike"),
        total=1,
        hits=(_hit(copies),),
        variants=(NameVariants(term="kiev", variants=("kyiv",)),),
        key_terms=("ferry", "crews"),
        timeline=(
            TimelineBucket(start=date(2025, 2, 1), label="February 2025", count=1),
            TimelineBucket(start=date(2025, 3, 1), label="March 2025", count=4),
        ),
        timeline_unit="month",
    )
    text = search_listing(result)
    assert "Also in 2 outlets: The Courier and Daily Lamp" in text
    assert "Also searched: kyiv (for kiev)" in text
    assert "Key terms: ferry, crews" in text
    assert "most in March 2025 (4)" in text


def test_listing_without_extras_stays_plain() -> None:
    result = SearchResult(request=SearchRequest(query="ferry"), total=1, hits=(_hit(),))
    text = search_listing(result)
    assert "Also in" not in text and "Also searched" not in text and "Timeline" not in text
    assert "1. Ferry crews walk out" in text
