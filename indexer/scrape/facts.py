"""`Facts`: what one layer of a page (JSON-LD, meta tags, microdata, markup, text) states."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")
#: A field's value and the layer it came from ("jsonld", "meta", "microdata", "markup",
#: "text", "url"); the layer is None when the value is None.
Picked = tuple[T | None, str | None]
#: The layers a page declares its facts in, as opposed to what it prints.
DECLARED_LAYERS = ("jsonld", "meta", "microdata")


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

    def named(self) -> Iterator[tuple[str, Facts]]:
        """Each layer with its name, most structured first."""
        yield "jsonld", self.jsonld
        yield "meta", self.meta
        yield "microdata", self.microdata
        yield "markup", self.markup
        yield "text", self.text

    def each(self, field: str) -> list[tuple[str, str | None]]:
        """``field`` as each layer states it, with the layer's name, most structured first."""
        return [(name, getattr(facts, field)) for name, facts in self.named()]
