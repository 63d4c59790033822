"""JSON-LD reading through the public extractor: shapes of author, image, keywords, graphs."""

from __future__ import annotations

import json

import pytest

from indexer import extract_article

BODY = "<p>" + "The committee met on Thursday to discuss the harbour plan in detail. " * 3 + "</p>"


def _page(data: object, extra_head: str = "") -> str:
    return (
        "<html><head><title>Page title</title>"
        f'<script type="application/ld+json">{json.dumps(data)}</script>{extra_head}'
        f"</head><body><article>{BODY}</article></body></html>"
    )


def _article(**fields: object) -> dict:
    return {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "H", **fields}


@pytest.mark.parametrize(
    ("author", "expected"),
    [
        ("Jane Doe", ["Jane Doe"]),
        ("Jane Doe, John Roe", ["Jane Doe", "John Roe"]),
        ({"@type": "Person", "name": "JANE DOE"}, ["Jane Doe"]),
        (
            [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "John Roe"}],
            ["Jane Doe", "John Roe"],
        ),
        (
            [{"@type": "Organization", "name": "Reuters"}, {"@type": "Person", "name": "Jane Doe"}],
            ["Jane Doe"],
        ),
        ({"@type": "Organization", "name": "Reuters"}, ["Reuters"]),
        ({"@type": "Person", "url": "https://n.example/author/jane-doe"}, ["Jane Doe"]),
    ],
)
def test_author_shapes(author: object, expected: list[str]) -> None:
    article = extract_article(_page(_article(author=author)))
    assert article.authors == expected


def test_author_reference_into_graph() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "Person", "@id": "#p1", "name": "Ines Okafor"},
            {**_article(author={"@id": "#p1"}), "publisher": {"@id": "#org"}},
            {"@type": "Organization", "@id": "#org", "name": "Harbour Gazette"},
        ],
    }
    article = extract_article(_page(graph))
    assert article.authors == ["Ines Okafor"]
    assert article.source == "Harbour Gazette"


def test_list_of_documents_and_page_main_entity() -> None:
    data = [
        {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": []},
        {"@type": "WebPage", "mainEntity": _article(headline="Inner headline")},
    ]
    assert extract_article(_page(data)).headline == "Inner headline"


@pytest.mark.parametrize(
    ("keywords", "expected"),
    [
        ("ferries, harbour ,  Ferries", ["ferries", "harbour"]),
        (["ferries", "harbour"], ["ferries", "harbour"]),
    ],
)
def test_keywords_as_string_or_list(keywords: object, expected: list[str]) -> None:
    assert extract_article(_page(_article(keywords=keywords))).tags == expected


@pytest.mark.parametrize(
    "image",
    [
        "https://img.example/a.jpg",
        {"@type": "ImageObject", "url": "https://img.example/a.jpg"},
        [
            {"@type": "ImageObject", "contentUrl": "https://img.example/a.jpg"},
            "https://img.example/b.jpg",
        ],
    ],
)
def test_image_shapes(image: object) -> None:
    assert extract_article(_page(_article(image=image))).image == "https://img.example/a.jpg"


def test_language_section_and_dates() -> None:
    article = extract_article(
        _page(
            _article(
                inLanguage="pt-BR",
                articleSection="Cidades",
                datePublished="2024-05-01T08:00:00-03:00",
                dateModified="2024-05-01T08:00:00-03:00",
            )
        ).replace("<html>", "<html>")
    )
    assert article.language == "pt"
    assert article.section == "Cidades"
    assert article.published == "2024-05-01T08:00:00-03:00"
    assert article.updated is None


def test_junk_date_falls_back_to_meta() -> None:
    head = '<meta property="article:published_time" content="2024-05-02">'
    article = extract_article(_page(_article(datePublished="soon"), head))
    assert article.published == "2024-05-02"


def test_broken_json_is_skipped_and_trailing_commas_tolerated() -> None:
    broken = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle",</script>'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Kept",}</script>'
        f"</head><body><article>{BODY}</article></body></html>"
    )
    assert extract_article(broken).headline == "Kept"


def test_article_body_used_when_markup_has_no_text() -> None:
    data = _article(articleBody="First paragraph of the story.\nSecond paragraph of the story.")
    page = (
        f'<html><head><script type="application/ld+json">{json.dumps(data)}</script></head>'
        "<body><div id='app'></div></body></html>"
    )
    article = extract_article(page)
    assert article.body == "First paragraph of the story.\n\nSecond paragraph of the story."
