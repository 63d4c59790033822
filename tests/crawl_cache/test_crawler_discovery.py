"""Discovery: links in HTML, feed entries and sitemap URLs, from bytes alone."""

from __future__ import annotations

import gzip

import pytest

from crawl_cache.crawler.discovery import (
    DocumentKind,
    document_kind,
    feed_links,
    page_links,
    sitemap_entries,
)

PAGE = b"""<!DOCTYPE html><html><head><title>Harbour</title>
<link rel="canonical" href="/2024/03/01/ferry-timetable/">
<link rel="alternate" type="application/rss+xml" href="/feed.xml">
<link rel="stylesheet" href="/style.css">
</head><body>
<a href="/2024/03/02/library-budget/?utm_source=front">Library</a>
<a href="/2024/03/02/library-budget/#comments">Library again</a>
<a href="section/harbour/">Harbour</a>
<a href="mailto:desk@news.example">Mail</a>
<a href="javascript:void(0)">Menu</a>
<a href="https://other.example/x">Elsewhere</a>
<map><area href="/map-link/"></map>
</body></html>"""


def test_page_links_are_normalised_and_deduplicated() -> None:
    found = page_links(PAGE, "https://news.example/index.html")
    assert found.links == (
        "https://news.example/2024/03/02/library-budget/",
        "https://news.example/section/harbour/",
        "https://other.example/x",
        "https://news.example/map-link/",
    )
    assert found.canonical == "https://news.example/2024/03/01/ferry-timetable/"
    assert found.feeds == ("https://news.example/feed.xml",)


def test_base_href_is_honoured() -> None:
    body = (
        b'<html><head><base href="https://cdn.news.example/deep/"></head><a href="x/">x</a></html>'
    )
    assert page_links(body, "https://news.example/").links == ("https://cdn.news.example/deep/x/",)


@pytest.mark.parametrize("body", [b"", b"   ", b"\x00\x01\x02"])
def test_empty_or_junk_pages_give_nothing(body: bytes) -> None:
    found = page_links(body, "https://news.example/")
    assert found.links == () and found.canonical is None


RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>One</title><link>https://news.example/one/?utm_medium=rss</link></item>
<item><title>Two</title><link>/two/</link></item>
<item><title>No link</title></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
<entry><title>A</title><link rel="alternate" href="https://news.example/a/"/><id>1</id></entry>
<entry><title>B</title><link href="https://news.example/b/"/><id>2</id></entry>
</feed>"""


def test_rss_entries() -> None:
    assert feed_links(RSS, "https://news.example/feed.xml") == (
        "https://news.example/one/",
        "https://news.example/two/",
    )


def test_atom_entries() -> None:
    assert feed_links(ATOM, "https://news.example/atom.xml") == (
        "https://news.example/a/",
        "https://news.example/b/",
    )


def test_broken_feed_gives_what_it_can() -> None:
    assert feed_links(
        b"<rss><channel><item><link>https://n.example/x/</link>", "https://n.example/"
    ) in (
        ("https://n.example/x/",),
        (),
    )


INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://news.example/sitemap-news.xml</loc></sitemap>
<sitemap><loc> https://news.example/sitemap-2024.xml.gz </loc></sitemap>
</sitemapindex>"""

NEWS = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://news.example/2024/03/01/a/</loc>
  <news:news><news:publication><news:name>N</news:name><news:language>en</news:language>
  </news:publication><news:publication_date>2024-03-01</news:publication_date>
  <news:title>A</news:title></news:news></url>
<url><loc>https://news.example/2024/03/02/b/</loc></url>
</urlset>"""


def test_sitemap_index() -> None:
    found = sitemap_entries(INDEX, "https://news.example/sitemap_index.xml")
    assert found.is_index
    assert found.urls == (
        "https://news.example/sitemap-news.xml",
        "https://news.example/sitemap-2024.xml.gz",
    )


def test_news_sitemap_and_gzip() -> None:
    for body in (NEWS, gzip.compress(NEWS)):
        found = sitemap_entries(body, "https://news.example/sitemap-news.xml")
        assert not found.is_index
        assert found.urls == (
            "https://news.example/2024/03/01/a/",
            "https://news.example/2024/03/02/b/",
        )


def test_sitemap_entities_are_not_expanded() -> None:
    hostile = b"""<?xml version="1.0"?><!DOCTYPE u [<!ENTITY e SYSTEM "file:///etc/passwd">]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://n.example/&e;</loc></url></urlset>"""
    found = sitemap_entries(hostile, "https://n.example/")
    assert all("root:" not in url for url in found.urls)


def test_not_a_sitemap() -> None:
    assert sitemap_entries(b"not xml at all", "https://n.example/").urls == ()


@pytest.mark.parametrize(
    ("body", "content_type", "kind"),
    [
        (PAGE, "text/html; charset=utf-8", DocumentKind.HTML),
        (PAGE, None, DocumentKind.HTML),
        (RSS, "application/rss+xml", DocumentKind.FEED),
        (RSS, "text/xml", DocumentKind.FEED),
        (ATOM, "application/xml", DocumentKind.FEED),
        (INDEX, "application/xml", DocumentKind.SITEMAP),
        (gzip.compress(NEWS), "application/x-gzip", DocumentKind.SITEMAP),
        (b"<?xml version='1.0'?><other/>", "application/xml", DocumentKind.OTHER),
    ],
)
def test_document_kind(body: bytes, content_type: str | None, kind: DocumentKind) -> None:
    assert document_kind(body, content_type) is kind
