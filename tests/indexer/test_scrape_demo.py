"""The scraper on every page of the bundled demo collection, against its expected fields."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from indexer import extract_article

REPO = Path(__file__).resolve().parents[2]
COLLECTION = REPO / "search_web" / "demo_collection"
EXPECTED: list[dict[str, Any]] = json.loads(
    (REPO / "tests" / "fixtures" / "demo_expected.json").read_text(encoding="utf-8")
)


def _moment(value: str | None) -> datetime | None:
    """Dates compare as moments: '…T08:55' and '…T08:55:00' are the same time."""
    return None if value is None else datetime.fromisoformat(value)


@pytest.mark.parametrize("expected", EXPECTED, ids=[entry["path"] for entry in EXPECTED])
def test_demo_page_extracts_as_expected(expected: dict[str, Any]) -> None:
    raw = (COLLECTION / expected["path"]).read_bytes()
    article = extract_article(raw, (COLLECTION / expected["path"]).as_uri())

    assert article.headline == expected["headline"]
    assert article.description == expected["description"]
    assert article.authors == expected["authors"]
    assert article.source == expected["source"]
    assert article.url == expected["url"]
    assert _moment(article.published) == _moment(expected["published"])
    assert _moment(article.updated) == _moment(expected["updated"])
    assert article.section == expected["section"]
    assert article.language == expected["language"]
    assert article.captions == expected["captions"]

    paragraphs = article.body.split("\n\n")
    if paragraphs[0] == expected["description"]:
        paragraphs = paragraphs[1:]  # the standfirst printed under the headline opens the body
    assert paragraphs[0] == expected["body_first_paragraph"]
    assert paragraphs[-1] == expected["body_last_paragraph"]
    assert len(paragraphs) == expected["body_paragraph_count"]
    for clutter in expected["body_must_not_contain"]:
        assert clutter not in article.body


def test_collection_is_what_the_readme_promises() -> None:
    outlets = {entry["source"] for entry in EXPECTED}
    languages = {entry["language"] for entry in EXPECTED}
    assert len(EXPECTED) >= 40 and len(outlets) >= 4 and len(languages) >= 2
    assert sum(1 for entry in EXPECTED if len(entry["authors"]) > 1) >= 3
    assert sum(1 for entry in EXPECTED if entry["updated"]) >= 3
    pages = sorted(path.relative_to(COLLECTION).as_posix() for path in COLLECTION.rglob("*.html"))
    assert pages == sorted(entry["path"] for entry in EXPECTED)
