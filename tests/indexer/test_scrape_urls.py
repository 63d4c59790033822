"""URL helpers: normalisation for stable ids, absolute links, host-derived source names."""

from __future__ import annotations

import hashlib

import pytest

from indexer.scrape.urls import absolute, article_id, host_name, normalise_url

SAME_PAGE = [
    "https://news.example/world/story-1",
    "HTTPS://News.Example/world/story-1/",
    "https://news.example:443/world/story-1#comments",
    "https://news.example/world/story-1?utm_source=x&utm_medium=y",
    "https://news.example/world/story-1/?fbclid=abc",
]


@pytest.mark.parametrize("url", SAME_PAGE)
def test_variants_share_one_id(url: str) -> None:
    expected = hashlib.sha1(b"https://news.example/world/story-1").hexdigest()[:16]
    assert article_id(url, "Headline", "Body") == expected


def test_meaningful_query_is_kept() -> None:
    assert normalise_url("https://n.example/a?id=7&utm_source=x") == "https://n.example/a?id=7"
    assert article_id("https://n.example/a?id=7", None, "") != article_id(
        "https://n.example/a?id=8", None, ""
    )


def test_id_without_http_url_comes_from_content() -> None:
    first = article_id("file:///tmp/a.txt", "Headline", "Body")
    assert first == hashlib.sha1(b"Headline\nBody").hexdigest()[:16]
    assert first == article_id(None, "Headline", "Body")
    assert first != article_id(None, "Headline", "Other body")


@pytest.mark.parametrize(
    ("link", "base", "expected"),
    [
        ("/img/a.jpg", "https://n.example/news/x", "https://n.example/img/a.jpg"),
        ("//cdn.example/a.jpg", "http://n.example/", "http://cdn.example/a.jpg"),
        ("https://cdn.example/a.jpg", None, "https://cdn.example/a.jpg"),
        ("/img/a.jpg", None, None),
        ("data:image/png;base64,AAAA", "https://n.example/", None),
        ("", "https://n.example/", None),
    ],
)
def test_absolute(link: str, base: str | None, expected: str | None) -> None:
    assert absolute(link, base) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.jpost.com/x", "jpost.com"),
        ("https://m.example.co.uk/x", "example.co.uk"),
        ("https://example.com/x", "example.com"),
        ("file:///x", None),
    ],
)
def test_host_name(url: str, expected: str | None) -> None:
    assert host_name(url) == expected
