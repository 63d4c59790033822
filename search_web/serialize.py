"""JSON renderings of search results, hits and index statistics (API and CLI share them)."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Any

from indexer.search_types import Copy, FacetValue, Hit, SearchResult, TimelineBucket
from search_web.formatting import snippet_html, snippet_text


def hit_to_dict(hit: Hit) -> dict[str, Any]:
    """One ranked result, with the snippet both as plain text and as escaped HTML."""
    return {
        "id": hit.id,
        "url": hit.url,
        "headline": hit.headline,
        "source": hit.source,
        "authors": list(hit.authors),
        "published": hit.published,
        "section": hit.section,
        "description": hit.description,
        "snippet": snippet_text(hit.snippet),
        "snippet_html": str(snippet_html(hit.snippet)),
        "score": hit.score,
        "language": hit.language,
        "copies": [copy_to_dict(copy) for copy in hit.copies],
    }


def copy_to_dict(copy: Copy) -> dict[str, Any]:
    """Another outlet's copy of a hit's story."""
    return {
        "id": copy.id,
        "url": copy.url,
        "source": copy.source,
        "headline": copy.headline,
        "published": copy.published,
    }


def bucket_to_dict(bucket: TimelineBucket) -> dict[str, Any]:
    return {"start": bucket.start.isoformat(), "label": bucket.label, "count": bucket.count}


def facet_to_dict(value: FacetValue) -> dict[str, Any]:
    return {"value": value.value, "count": value.count, "selected": value.selected}


def search_result_to_dict(result: SearchResult) -> dict[str, Any]:
    """The whole result page: what was asked, what matched, and how to narrow it."""
    request = result.request
    return {
        "query": request.query,
        "total": result.total,
        "page": request.page,
        "per_page": request.page_size,
        "pages": result.page_count,
        "sort": str(request.sort),
        "filters": {
            "source": list(request.sources),
            "author": list(request.authors),
            "section": list(request.sections),
            "lang": list(request.languages),
            "from": request.date_from.isoformat() if request.date_from else None,
            "to": request.date_to.isoformat() if request.date_to else None,
        },
        "results": [hit_to_dict(hit) for hit in result.hits],
        "facets": {
            name: [facet_to_dict(value) for value in values]
            for name, values in result.facets.items()
        },
        "suggestion": result.suggestion,
        "notice": result.notice,
        "elapsed_ms": round(result.elapsed_ms, 2),
        "options": {
            "variants": request.variants,
            "fresh": request.fresh,
            "copies": request.group_copies,
        },
        "variants": [
            {"term": found.term, "variants": list(found.variants)} for found in result.variants
        ],
        "fuzzy": result.fuzzy,
        "partial": result.partial,
        "timeline": {
            "unit": result.timeline_unit,
            "buckets": [bucket_to_dict(bucket) for bucket in result.timeline],
        },
        "key_terms": list(result.key_terms),
    }


def plain_data(value: Any) -> Any:
    """Turn dataclasses, dates, paths and enums into JSON-ready values, recursively."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            field.name: plain_data(getattr(value, field.name))
            for field in dataclasses.fields(value)
        }
    if isinstance(value, dict):
        return {str(key): plain_data(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain_data(item) for item in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Path):
        return str(value)
    return value
