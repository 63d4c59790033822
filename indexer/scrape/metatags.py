"""OpenGraph, Twitter, Dublin Core and other <meta> tags, read into `Facts` by name tables."""

from __future__ import annotations

from collections.abc import Iterable

from bs4 import BeautifulSoup

from indexer.scrape import rules
from indexer.scrape.dates import normalise_date
from indexer.scrape.facts import Facts
from indexer.scrape.textutil import clean_value, dedupe
from indexer.scrape.tree import PageTree

MetaMap = dict[str, list[str]]
_WRITTEN_BY_LABELS = frozenset(
    {
        "written by",
        "author",
        "by",
        "verfasst von",
        "geschrieben von",
        "autor",
        "écrit par",
        "auteur",
        "escrito por",
        "scritto da",
        "napisane przez",
    }
)


def meta_map(soup: BeautifulSoup, tree: PageTree | None = None) -> MetaMap:
    """Every <meta> value by lower-cased name, property or http-equiv, in page order.

    ``tree`` is the page's element index when the caller has built one already.
    """
    found: MetaMap = {}
    for tag in tree.find_all("meta") if tree is not None else soup.find_all("meta"):
        content = tag.get("content")
        if content is None:
            content = tag.get("value")
        value = clean_value(str(content)) if content is not None else None
        if not value:
            continue
        keys = []
        for attribute in ("name", "property"):
            raw = tag.get(attribute)
            if raw:
                # property="og:title twitter:title" lists several names at once.
                keys.extend(str(raw).lower().split())
        equiv = tag.get("http-equiv")
        if equiv:
            keys.append("http-equiv:" + str(equiv).strip().lower())
        for key in keys:
            found.setdefault(key, []).append(value)
    return found


def first(meta: MetaMap, names: Iterable[str]) -> str | None:
    """The first value under the first of ``names`` that the page has."""
    for name in names:
        values = meta.get(name)
        if values:
            return values[0]
    return None


def every(meta: MetaMap, names: Iterable[str]) -> list[str]:
    """All values under every one of ``names``, in table order."""
    return [value for name in names for value in meta.get(name, [])]


def meta_facts(meta: MetaMap) -> Facts:
    """What the meta tags say, each field from its own name table in `rules`."""
    tags: list[str] = []
    for name in rules.META_TAGS:
        values = meta.get(name)
        if values:
            tags = [part.strip() for value in values for part in value.split(",") if part.strip()]
            break
    return Facts(
        headline=first(meta, rules.META_HEADLINE),
        description=first(meta, rules.META_DESCRIPTION),
        authors=tuple(_authors(meta)),
        published=_first_date(meta, rules.META_PUBLISHED),
        updated=_first_date(meta, rules.META_MODIFIED),
        section=first(meta, rules.META_SECTION),
        tags=tuple(dedupe(tags)),
        language=first(meta, rules.META_LANGUAGE),
        image=first(meta, rules.META_IMAGE),
        url=first(meta, rules.META_URL),
        site_name=first(meta, rules.META_SITE_NAME),
        publisher=first(meta, rules.META_PUBLISHER),
    )


def _first_date(meta: MetaMap, names: Iterable[str]) -> str | None:
    """The first value under ``names`` that reads as a date: one junk tag must not hide the rest."""
    for value in every(meta, names):
        if normalise_date(value):
            return value
    return None


def _authors(meta: MetaMap) -> list[str]:
    """Author values of the first author name the page uses (profile URLs included).

    Also reads the "twitter:label1 = Written by / twitter:data1 = Name" pairs that
    blog tools write for link previews.
    """
    for number in range(1, 5):
        label = first(meta, (f"twitter:label{number}",))
        if label and label.casefold().strip(" :") in _WRITTEN_BY_LABELS:
            data = first(meta, (f"twitter:data{number}",))
            if data:
                return [data]
    for name in rules.META_AUTHOR:
        values = meta.get(name)
        if values:
            if all(v.startswith(("http://", "https://")) for v in values):
                later = [v for n in rules.META_AUTHOR if n != name for v in meta.get(n, [])]
                return values + later
            return values
    return []
