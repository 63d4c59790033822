"""The scraper over small original pages, each checked field by field against its expected JSON."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from indexer import Article, extract_article

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "scrape"
PAGES = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".html", ".txt"))
FIELDS = [
    name for name in Article.__dataclass_fields__ if name not in ("id", "quality", "provenance")
]


def _load(page: Path) -> tuple[dict, Article]:
    spec = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    given = spec["input"]
    article = extract_article(page.read_bytes(), given["url"], content_type=given["content_type"])
    return spec, article


def test_fixture_set_is_complete() -> None:
    assert len(PAGES) >= 8
    for page in PAGES:
        assert page.with_suffix(".json").is_file(), f"{page.name} has no expected JSON"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
@pytest.mark.parametrize("field", FIELDS)
def test_field_matches_expected(page: Path, field: str) -> None:
    spec, article = _load(page)
    assert getattr(article, field) == spec["expected"][field]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_body_shape(page: Path) -> None:
    spec, article = _load(page)
    paragraphs = article.body.split("\n\n")
    assert len(paragraphs) == spec["paragraph_count"]
    assert all(p and p == p.strip() and "\n" not in p for p in paragraphs)
    for unwanted in spec["body_must_not_contain"]:
        assert unwanted not in article.body
    for caption in article.captions:
        assert caption not in article.body


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_id_is_stable_hash(page: Path) -> None:
    spec, article = _load(page)
    basis = spec["id_basis"] or f"{article.headline or ''}\n{article.body}"
    assert article.id == hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_round_trips_through_dict(page: Path) -> None:
    _, article = _load(page)
    assert Article.from_dict(json.loads(json.dumps(article.to_dict()))) == article
