"""Display helpers: dates, safe links, snippets and article ids."""

from __future__ import annotations

import pytest

from indexer.search_types import SnippetFragment
from search_web.formatting import (
    differs_in_time,
    display_date,
    http_url,
    is_valid_article_id,
    join_names,
    paragraphs,
    snippet_html,
    snippet_text,
)


@pytest.mark.parametrize(
    "url",
    ["https://news.example/a?b=1", "http://news.example", "HTTPS://NEWS.EXAMPLE/x"],
)
def test_http_urls_are_kept(url: str) -> None:
    assert http_url(url) == url


@pytest.mark.parametrize(
    "url",
    [
        None,
        "",
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "vbscript:msgbox",
        "//news.example/a",
        "https:///no-host",
        "https://news.example/a\nb",
        "http://[::1",
    ],
)
def test_other_urls_are_refused(url: str | None) -> None:
    assert http_url(url) is None


@pytest.mark.parametrize(
    ("value", "with_time", "expected"),
    [
        ("2024-05-01", False, "1 May 2024"),
        ("2024-05-01T17:05:00+01:00", False, "1 May 2024"),
        ("2024-05-01T17:05:00+01:00", True, "1 May 2024, 17:05 UTC+01:00"),
        ("2024-05-01T17:05:00Z", True, "1 May 2024, 17:05 UTC"),
        ("2024-12-31T08:00:00-05:30", True, "31 December 2024, 08:00 UTC-05:30"),
        ("2024-05-01T17:05:00", True, "1 May 2024, 17:05"),
        ("sometime in May", False, "sometime in May"),
        (None, False, ""),
    ],
)
def test_display_date(value: str | None, with_time: bool, expected: str) -> None:
    assert display_date(value, with_time=with_time) == expected


@pytest.mark.parametrize(
    ("published", "updated", "expected"),
    [
        ("2024-05-01T10:00:00+01:00", None, False),
        ("2024-05-01T10:00:00+01:00", "2024-05-01T09:00:00Z", False),
        ("2024-05-01T10:00:00+01:00", "2024-05-01T11:00:00+01:00", True),
        ("2024-05-01", "2024-05-01T11:00:00", False),
        ("2024-05-01", "2024-05-02", True),
        ("2024-05-01T10:00:00", "2024-05-01T10:00:00Z", True),
        (None, "2024-05-02", True),
    ],
)
def test_updated_differs(published: str | None, updated: str | None, expected: bool) -> None:
    assert differs_in_time(published, updated) is expected


def test_snippets_are_escaped_with_marks() -> None:
    fragments = (
        SnippetFragment("a <b>bold</b> "),
        SnippetFragment("strike", match=True),
        SnippetFragment(" & <script>"),
    )
    assert snippet_text(fragments) == "a <b>bold</b> strike & <script>"
    assert str(snippet_html(fragments)) == (
        "a &lt;b&gt;bold&lt;/b&gt; <mark>strike</mark> &amp; &lt;script&gt;"
    )
    assert str(snippet_html([SnippetFragment("<i>", match=True)])) == "<mark>&lt;i&gt;</mark>"


@pytest.mark.parametrize(
    ("article_id", "valid"),
    [
        ("0123abcdef", True),
        ("ABCxyz9", True),
        ("a" * 64, True),
        ("a" * 65, False),
        ("", False),
        ("abc-def", False),
        ("../etc", False),
        ("abc\n", False),
        ("é1", False),
    ],
)
def test_article_ids(article_id: str, valid: bool) -> None:
    assert is_valid_article_id(article_id) is valid


def test_paragraphs_and_names() -> None:
    assert paragraphs("One.\n\n  \n\nTwo.\n\n") == ["One.", "Two."]
    assert join_names([]) == ""
    assert join_names(["A"]) == "A"
    assert join_names(["A", "B"]) == "A and B"
    assert join_names(["A", "B", "C"]) == "A, B and C"
