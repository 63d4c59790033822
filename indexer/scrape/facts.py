"""`Facts`: what one layer of a page (JSON-LD, meta tags, microdata, markup, text) states."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Facts:
    """Raw field values from one source layer, before fallback and normalisation.

    Each layer fills what it can; `indexer.scrape.fields` picks per field in a stated
    order and normalises. Dates and names are kept as written here.
    """

    headline: str | None = None
    description: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    updated: str | None = None
    section: str | None = None
    tags: tuple[str, ...] = ()
    language: str | None = None
    image: str | None = None
    url: str | None = None
    canonical: str | None = None
    site_name: str | None = None
    publisher: str | None = None
    body: str | None = None
    title: str | None = None
    headings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Layers:
    """All layers of one page, most structured first."""

    jsonld: Facts
    meta: Facts
    microdata: Facts
    markup: Facts
    text: Facts
