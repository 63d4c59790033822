"""The seed article (a real plain-text dump) must come out exactly as its truth file says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from indexer import extract_article

SEED_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "seed"
SEED_FILE = SEED_DIR / "000_0e066f5576710e6d.txt"
TRUTH_FIELDS = [
    "headline",
    "description",
    "authors",
    "published",
    "updated",
    "captions",
    "body",
]

pytestmark = pytest.mark.realdata


@pytest.fixture(scope="module")
def truth() -> dict:
    if not (SEED_FILE.is_file() and (SEED_DIR / "truth.json").is_file()):
        pytest.skip(f"seed article not present at {SEED_DIR}")
    return json.loads((SEED_DIR / "truth.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=["text/plain; charset=utf-8", None])
def seed(request: pytest.FixtureRequest, truth: dict):
    return extract_article(SEED_FILE.read_bytes(), SEED_FILE.as_uri(), content_type=request.param)


@pytest.mark.parametrize("field", TRUTH_FIELDS)
def test_seed_field(seed, truth: dict, field: str) -> None:
    assert getattr(seed, field) == truth[field]


def test_seed_paragraphs(seed, truth: dict) -> None:
    paragraphs = seed.body.split("\n\n")
    assert len(paragraphs) == truth["body_paragraph_count"] == 13
    assert paragraphs[0] == truth["body_first_paragraph"]
    assert paragraphs[-1] == truth["body_last_paragraph"]


@pytest.mark.parametrize(
    "unwanted", ["photo credit", "(credit:", "Published:", "Updated:", "By LAHAV HARKOV"]
)
def test_seed_body_excludes(seed, truth: dict, unwanted: str) -> None:
    assert unwanted in truth["body_must_not_contain"]
    assert unwanted not in seed.body


def test_seed_body_excludes_every_listed_string(seed, truth: dict) -> None:
    for unwanted in truth["body_must_not_contain"]:
        assert unwanted not in seed.body


def test_seed_captions_once_each(seed) -> None:
    assert len(seed.captions) == len(set(seed.captions)) == 2
    for caption in seed.captions:
        assert caption not in seed.body


def test_seed_file_url_is_not_an_article_url(seed) -> None:
    assert seed.url is None
    assert seed.canonical_url is None
    assert len(seed.id) == 16
