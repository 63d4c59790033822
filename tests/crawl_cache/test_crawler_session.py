"""Crawl session helpers: what a resumed crawl takes over, and what is left unfetched."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawl_cache.crawler import CrawlOptions, resume_overrides_for, unfinished_url_count
from crawl_cache.crawler.frontier import Discovered, Frontier, frontier_path_for


def test_resume_takes_only_the_given_limits() -> None:
    options = CrawlOptions(seeds=("https://a.example/",), max_pages=40, delay_s=0.5)
    assert resume_overrides_for(options, {"max_pages"}) == {"max_pages": 40}
    assert resume_overrides_for(options, ()) == {}
    both = resume_overrides_for(options, ["delay_s", "contact"])
    assert both == {"contact": None, "delay_s": 0.5}


def test_resume_refuses_fields_it_cannot_change() -> None:
    options = CrawlOptions(seeds=("https://a.example/",))
    with pytest.raises(ValueError, match="keeps its saved seeds"):
        resume_overrides_for(options, {"seeds"})
    with pytest.raises(ValueError, match="not crawl options: colour"):
        resume_overrides_for(options, {"colour"})


def test_unfinished_urls_count_queued_and_in_flight(tmp_path: Path) -> None:
    cache_path = tmp_path / "cache.sqlite3"
    assert unfinished_url_count(cache_path) == 0  # no crawl yet
    with Frontier.open(frontier_path_for(cache_path)) as frontier:
        frontier.begin("{}", "2024-03-01T09:00:00+00:00")
        frontier.add([Discovered(f"https://a.example/{n}", 1, 20) for n in range(3)])
        entry = frontier.next_queued()
        assert entry is not None
        frontier.mark_in_flight(entry.url)
    assert unfinished_url_count(cache_path) == 3
