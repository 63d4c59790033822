"""Syndicated stories at query time: one hit per story cluster, and the copies behind it.

Index time (``syndication``) gives every article a story ``cluster``; here searches
collapse each cluster to its earliest copy, count stories rather than documents, and
list a hit's other copies.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from whoosh import query as wq
from whoosh import sorting
from whoosh.searching import Searcher

from .schema import article_from_json
from .search_types import Copy
from .syndication import CLUSTER_FIELD

MAX_COPIES = 20


def earliest_first() -> sorting.FacetType:
    """Oldest publication first, undated documents after every dated one."""
    return sorting.TranslateFacet(_undated_last, sorting.FieldFacet("published"))


def collapse_options() -> dict[str, Any]:
    """Search keywords keeping one hit per story: its earliest copy, usually the wire original."""
    return {
        "collapse": sorting.FieldFacet(CLUSTER_FIELD),
        "collapse_limit": 1,
        "collapse_order": earliest_first(),
    }


def _undated_last(key: Any) -> tuple[bool, Any]:
    """Sort key putting undated documents (the column default) after every dated one."""
    undated = not key or (isinstance(key, datetime) and key.year <= 1)
    return (undated, key)


def story_count(clusters: dict[Any, int]) -> int:
    """Matching stories: one per cluster, each document without a cluster on its own."""
    return sum(1 for key in clusters if key) + clusters.get(None, 0) + clusters.get(b"", 0)


def cluster_of(searcher: Searcher, docnum: int) -> str | None:
    reader = searcher.reader()
    if not reader.has_column(CLUSTER_FIELD):
        return None
    value = reader.column_reader(CLUSTER_FIELD)[docnum]
    if isinstance(value, bytes):
        value = value.decode("utf-8")
    return value or None


def copies_of(searcher: Searcher, docnum: int) -> tuple[Copy, ...]:
    """The other documents of a hit's story cluster, earliest first."""
    cluster = cluster_of(searcher, docnum)
    if not cluster or searcher.doc_frequency(CLUSTER_FIELD, cluster) < 2:
        return ()
    results = searcher.search(
        wq.Term(CLUSTER_FIELD, cluster),
        limit=MAX_COPIES + 1,
        mask={docnum},
        sortedby=earliest_first(),
    )
    copies = []
    for found in results[:MAX_COPIES]:
        article = article_from_json(found["article"])
        copies.append(
            Copy(
                id=article.id,
                url=article.url or article.canonical_url,
                source=article.source,
                headline=article.headline,
                published=article.published,
            )
        )
    return tuple(copies)
