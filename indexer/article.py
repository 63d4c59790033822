"""The article record: what the scraper produces and every later stage speaks."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Article:
    """One cleaned news article.

    Dates are ISO 8601 strings carrying a zone only where the page gave one, so a
    local "17:00" is never silently turned into UTC. Lists are plain lists so that
    ``dataclasses.asdict`` yields JSON-ready values.
    """

    id: str
    url: str | None = None
    canonical_url: str | None = None
    source: str | None = None
    headline: str | None = None
    description: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    updated: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    language: str | None = None
    body: str = ""
    captions: list[str] = field(default_factory=list)
    image: str | None = None
    word_count: int = 0
    # Flags a reader or the indexer should know about: "paywalled", "consent_page",
    # "truncated", ... Empty for a clean, complete article.
    quality: list[str] = field(default_factory=list)
    # Where each metadata field came from ("jsonld", "meta", "microdata", "markup",
    # "text", "url"), e.g. {"published": "meta", "authors": "jsonld"}.
    provenance: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Rebuild an article from ``to_dict`` output, ignoring unknown keys."""
        known = {name: data[name] for name in cls.__dataclass_fields__ if name in data}
        for name in ("authors", "tags", "captions", "quality"):
            if name in known and known[name] is not None:
                known[name] = list(known[name])
        if known.get("provenance") is not None:
            known["provenance"] = dict(known["provenance"])
        return cls(**known)
