"""Finding URLs: links in HTML, entries in RSS/Atom feeds, sitemaps — pure functions over bytes."""

from __future__ import annotations

import gzip
import io
import warnings
import zlib
from dataclasses import dataclass
from enum import StrEnum

import feedparser  # type: ignore[import-untyped]
import lxml.html  # type: ignore[import-untyped]
from lxml import etree  # type: ignore[import-untyped]

from crawl_cache.crawler.urls import normalize_url

MAX_SITEMAP_BYTES = 50 * 1024 * 1024  # the sitemaps.org limit, uncompressed
_SNIFF = 2048
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
_XML_TYPES = ("application/xml", "text/xml", *_FEED_TYPES)
_HTML_TYPES = ("text/html", "application/xhtml+xml")


class DocumentKind(StrEnum):
    """What a fetched body is, as far as crawling goes."""

    HTML = "html"
    FEED = "feed"
    SITEMAP = "sitemap"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class PageLinks:
    """What an HTML page points to: followable links, its canonical URL and its feeds."""

    links: tuple[str, ...]
    canonical: str | None
    feeds: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SitemapEntries:
    """A sitemap's URLs; ``is_index`` when they are further sitemaps (a sitemap index)."""

    is_index: bool
    urls: tuple[str, ...]


def media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def maybe_gunzip(body: bytes, limit: int = MAX_SITEMAP_BYTES) -> bytes:
    """Undo gzip (``sitemap.xml.gz``) up to ``limit`` bytes; other bytes come back as they are."""
    if not body.startswith(b"\x1f\x8b"):
        return body
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(body)) as stream:
            return stream.read(limit)
    except (OSError, EOFError, zlib.error):
        return body


def document_kind(body: bytes, content_type: str | None) -> DocumentKind:
    """Tell HTML from feeds and sitemaps by Content-Type, then by the first bytes."""
    kind = media_type(content_type)
    head = maybe_gunzip(body[: 64 * 1024])[:_SNIFF].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if kind in _FEED_TYPES:
        return DocumentKind.FEED
    if kind in _HTML_TYPES or head.startswith((b"<!doctype html", b"<html")):
        return DocumentKind.HTML
    if b"<urlset" in head or b"<sitemapindex" in head:
        return DocumentKind.SITEMAP
    if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
        return DocumentKind.FEED
    if kind in _XML_TYPES or kind in ("application/gzip", "application/x-gzip"):
        return DocumentKind.OTHER
    return DocumentKind.OTHER


def page_links(body: bytes, base_url: str) -> PageLinks:
    """Links (``<a href>``, ``<area href>``) normalised against ``<base>`` or the page URL."""
    if not body.strip():
        return PageLinks((), None, ())
    try:
        root = lxml.html.document_fromstring(body)
    except (etree.ParserError, ValueError):
        return PageLinks((), None, ())
    base = base_url
    for href in root.xpath("//base/@href")[:1]:
        base = normalize_url(str(href), base_url) or base_url
    links: dict[str, None] = {}
    for href in root.xpath("//a/@href | //area/@href"):
        found = normalize_url(str(href), base)
        if found:
            links.setdefault(found)
    canonical = None
    feeds: dict[str, None] = {}
    for link in root.xpath("//link[@rel and @href]"):
        rels = str(link.get("rel", "")).lower().split()
        target = normalize_url(str(link.get("href", "")), base)
        if not target:
            continue
        if "canonical" in rels and canonical is None:
            canonical = target
        elif "alternate" in rels and media_type(link.get("type")) in _FEED_TYPES:
            feeds.setdefault(target)
    return PageLinks(tuple(links), canonical, tuple(feeds))


def feed_links(body: bytes, base_url: str) -> tuple[str, ...]:
    """The entry links of an RSS or Atom feed, in feed order, normalised."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # feedparser warns about some malformed feeds
        parsed = feedparser.parse(body, response_headers={"content-location": base_url})
    found: dict[str, None] = {}
    for entry in parsed.entries:
        candidates = [entry.get("link")]
        candidates += [link.get("href") for link in entry.get("links", []) if link.get("href")]
        for candidate in candidates:
            url = normalize_url(str(candidate), base_url) if candidate else None
            if url:
                found.setdefault(url)
                break
    return tuple(found)


def sitemap_entries(body: bytes, base_url: str) -> SitemapEntries:
    """The ``<loc>`` URLs of a sitemap or sitemap index (Google News sitemaps are urlsets).

    The parser resolves no entities and fetches nothing, so a hostile sitemap
    cannot expand or reach out.
    """
    data = maybe_gunzip(body)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError:
        return SitemapEntries(False, ())
    if root is None:
        return SitemapEntries(False, ())
    is_index = etree.QName(root).localname.lower() == "sitemapindex"
    found: dict[str, None] = {}
    for loc in root.iter("{*}loc"):
        url = normalize_url((loc.text or "").strip(), base_url)
        if url:
            found.setdefault(url)
    return SitemapEntries(is_index, tuple(found))
