"""From saved pages to search results: CrawlCache import, the real scraper, reindex, search."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawl_cache import CrawlCache, import_paths
from indexer import IndexerError, SearchRequest, SearchService, reindex
from indexer.index_store import read_pointer

PAGE = """<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>{headline} | Riverside Courier</title>
<link rel="canonical" href="https://courier.example/{slug}">
<meta property="og:site_name" content="Riverside Courier">
<meta name="description" content="{description}">
<meta name="author" content="{author}">
<meta property="article:published_time" content="{published}">
<meta property="article:section" content="{section}">
</head><body>
<article>
<h1>{headline}</h1>
{paragraphs}
</article>
</body></html>
"""

STORIES = [
    {
        "slug": "ferry-timetable",
        "headline": "Ferry timetable changes for the summer season",
        "description": "Crossings to the island will run every forty minutes from June.",
        "author": "Priya Nair",
        "published": "2024-05-02T08:00:00Z",
        "section": "Transport",
        "paragraphs": [
            "The ferry company announced a new summer timetable on Thursday, adding "
            "evening crossings to the island for the first time in a decade.",
            "Islanders welcomed the change but asked for more space for bicycles on "
            "the early boats, which are often full by half past seven.",
        ],
    },
    {
        "slug": "library-reopens",
        "headline": "Library reopens after two years of repairs",
        "description": "The restored reading room keeps its painted ceiling.",
        "author": "Owen Hart",
        "published": "2024-04-18T10:30:00Z",
        "section": "Culture",
        "paragraphs": [
            "The central library opened its doors again after repairs to the roof and "
            "the painted ceiling of the reading room took two full years.",
            "Staff said returning readers had already borrowed more than a thousand "
            "books on the first morning, most of them novels and local histories.",
        ],
    },
]


def _write_page(folder: Path, story: dict, **changes: str) -> Path:
    values = {**story, **changes}
    paragraphs = "\n".join(f"<p>{text}</p>" for text in values["paragraphs"])
    html = PAGE.format(**{**values, "paragraphs": paragraphs})
    path = folder / f"{values['slug']}.html"
    path.write_text(html, encoding="utf-8")
    return path


@pytest.fixture()
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    for story in STORIES:
        _write_page(folder, story)
    (folder / "empty.html").write_text("<html><body></body></html>", encoding="utf-8")
    return folder


@pytest.mark.parametrize("workers", [1, 2])
def test_import_reindex_and_search(tmp_path: Path, pages: Path, workers: int) -> None:
    cache_path = tmp_path / "data" / "cache.sqlite3"
    index_dir = tmp_path / "data" / "index"
    with CrawlCache.open(cache_path) as cache:
        imported = import_paths(cache, [pages])
    assert imported.added == 3

    report = reindex(cache_path, index_dir, full=True, workers=workers)
    assert (report.pages, report.documents, report.failed) == (3, 2, 1)
    assert report.failures[0][0].endswith("empty.html")
    with CrawlCache.open(cache_path) as cache:
        assert any(record.stage == "extract" for record in cache.failures())

    with SearchService(index_dir) as service:
        result = service.search(SearchRequest(query="ferry crossings"))
        assert [hit.headline for hit in result.hits] == [STORIES[0]["headline"]]
        hit = result.hits[0]
        assert hit.source == "Riverside Courier"
        assert hit.authors == ("Priya Nair",)
        assert any(fragment.match for fragment in hit.snippet)
        article = service.get_article(hit.id)
        assert article is not None and "bicycles" in article.body
        facets = service.search(SearchRequest()).facets
        assert {value.value for value in facets["section"]} == {"Transport", "Culture"}


def test_incremental_reindex_picks_up_a_changed_page(tmp_path: Path, pages: Path) -> None:
    cache_path = tmp_path / "cache.sqlite3"
    index_dir = tmp_path / "index"
    with CrawlCache.open(cache_path) as cache:
        import_paths(cache, [pages])
    first = reindex(cache_path, index_dir)
    assert first.full
    _write_page(pages, STORIES[1], headline="Library reopens with a rooftop garden")
    with CrawlCache.open(cache_path) as cache:
        import_paths(cache, [pages])
    second = reindex(cache_path, index_dir)
    assert not second.full
    assert (second.pages, second.indexed, second.documents) == (1, 1, 2)
    assert second.generation == first.generation == read_pointer(index_dir).generation
    with SearchService(index_dir) as service:
        hits = service.search(SearchRequest(query="rooftop")).hits
        assert [hit.headline for hit in hits] == ["Library reopens with a rooftop garden"]
        assert service.stats().articles == 2


def test_reindex_without_a_cache_says_so(tmp_path: Path) -> None:
    with pytest.raises(IndexerError, match="no crawl cache"):
        reindex(tmp_path / "missing.sqlite3", tmp_path / "index")
