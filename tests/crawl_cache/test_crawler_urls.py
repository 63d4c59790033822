"""URL normalisation and scoping: one address per article."""

from __future__ import annotations

import pytest

from crawl_cache.crawler.urls import (
    domain_allowed,
    host_of,
    non_html_extension,
    normalize_url,
    origin_of,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("HTTP://News.Example.COM/World/", "http://news.example.com/World/"),
        ("https://news.example:443/a", "https://news.example/a"),
        ("http://news.example:80/a", "http://news.example/a"),
        ("http://news.example:8080/a", "http://news.example:8080/a"),
        ("https://news.example", "https://news.example/"),
        ("https://news.example/a#comments", "https://news.example/a"),
        ("https://news.example/a?utm_source=x&utm_medium=y", "https://news.example/a"),
        ("https://news.example/a?b=2&utm_campaign=z&a=1", "https://news.example/a?a=1&b=2"),
        ("https://news.example/a?fbclid=abc&gclid=def", "https://news.example/a"),
        ("https://news.example/a/./b/../c", "https://news.example/a/c"),
        ("https://news.example/caf%c3%a9", "https://news.example/caf%C3%A9"),
        ("https://news.example/café", "https://news.example/caf%C3%A9"),
        ("https://news.example/a b", "https://news.example/a%20b"),
        ("https://news.example/a?q=two words", "https://news.example/a?q=two%20words"),
        ("https://news.example/a?", "https://news.example/a"),
        ("https://NEWS.example./a", "https://news.example/a"),
    ],
)
def test_normalize_url(raw: str, expected: str) -> None:
    assert normalize_url(raw) == expected


def test_the_same_article_has_one_address() -> None:
    variants = [
        "https://news.example/2024/03/01/story/",
        "HTTPS://NEWS.EXAMPLE:443/2024/03/01/story/#top",
        "https://news.example/2024/03/01/story/?utm_source=rss&utm_medium=feed",
    ]
    assert len({normalize_url(v) for v in variants}) == 1


def test_relative_links_resolve_against_the_base() -> None:
    base = "https://news.example/section/world/"
    assert normalize_url("../harbour/", base) == "https://news.example/section/harbour/"
    assert normalize_url("/a", base) == "https://news.example/a"
    assert normalize_url("//other.example/x", base) == "https://other.example/x"
    assert normalize_url("story.html#p2", base) == "https://news.example/section/world/story.html"


@pytest.mark.parametrize(
    "raw",
    ["", "   ", "mailto:desk@news.example", "javascript:void(0)", "ftp://x.example/a", "http://"],
)
def test_non_web_addresses_are_refused(raw: str) -> None:
    assert normalize_url(raw, "https://news.example/") is None


def test_bad_ports_are_refused() -> None:
    assert normalize_url("http://news.example:99999/") is None


def test_host_and_origin() -> None:
    assert host_of("http://127.0.0.1:8000/a") == "127.0.0.1:8000"
    assert origin_of("https://news.example/a/b?c=d") == "https://news.example"


def test_domain_allowed_takes_subdomains_but_not_lookalikes() -> None:
    domains = frozenset({"news.example"})
    assert domain_allowed("https://news.example/a", domains)
    assert domain_allowed("https://www.news.example/a", domains)
    assert domain_allowed("http://news.example:8080/a", domains)
    assert not domain_allowed("https://badnews.example/a", domains)
    assert not domain_allowed("https://news.example.evil/a", domains)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example/files/report.PDF", ".pdf"),
        ("https://news.example/img/photo.jpg?w=300", ".jpg"),
        ("https://news.example/sitemap.xml.gz", None),
        ("https://news.example/story.html", None),
        ("https://news.example/2024/03/01/story/", None),
        ("https://news.example/v1.2/notes", None),
    ],
)
def test_non_html_extension(url: str, expected: str | None) -> None:
    assert non_html_extension(url) == expected
