"""Article or index page: URL shape and page signals."""

from __future__ import annotations

import pytest

from crawl_cache.crawler.classify import classify_page, url_looks_like_article

LONG = "".join(
    f"<p>Paragraph {n} of the council report explains the library budget in enough words "
    "to be read as a proper news story by anyone in the town.</p>"
    for n in range(12)
)


def _page(head: str = "", body: str = "") -> bytes:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>".encode()


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://n.example/2024/03/01/council-approves-library-budget/", True),
        ("https://n.example/news/council-approves-new-library-budget-for-spring", True),
        ("https://n.example/story/123456789", True),
        ("https://n.example/", False),
        ("https://n.example/tag/library/", False),
        ("https://n.example/section/council/", False),
        ("https://n.example/world/", False),
        ("https://n.example/author/jane-doe/page/2/", False),
    ],
)
def test_url_shape(url: str, expected: bool) -> None:
    assert url_looks_like_article(url) is expected


def test_structured_data_makes_an_article_even_at_a_plain_url() -> None:
    head = '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle"}]}</script>'
    verdict = classify_page("https://n.example/library", _page(head, LONG))
    assert verdict.is_article
    assert "json-ld article" in verdict.signals


def test_og_article_and_long_text() -> None:
    verdict = classify_page(
        "https://n.example/library", _page('<meta property="og:type" content="article">', LONG)
    )
    assert verdict.is_article and "long text" in verdict.signals


def test_section_page_with_teasers_is_an_index() -> None:
    teasers = "".join(
        f'<article><a href="/2024/03/0{n}/story-number-{n}-here/">Story {n}</a></article>'
        for n in range(1, 9)
    )
    verdict = classify_page(
        "https://n.example/section/council/",
        _page('<meta property="og:type" content="website">', teasers),
    )
    assert not verdict.is_article
    assert "many article teasers" in verdict.signals


def test_dated_url_with_little_text_and_website_type_is_not_an_article() -> None:
    verdict = classify_page(
        "https://n.example/2024/03/",
        _page('<meta property="og:type" content="website">', "<p>March archive</p>"),
    )
    assert not verdict.is_article


def test_junk_body_falls_back_to_the_url() -> None:
    assert classify_page("https://n.example/2024/03/01/a-long-story-slug/", b"").is_article
    assert not classify_page("https://n.example/", b"\x00\x01").is_article
